"""``zhengce serve``: the local web page and JSON API over a store."""
from __future__ import annotations

import sys

from . import common as C

ORDER = 70


def register(sub) -> None:
    p = sub.add_parser("serve", help="local web page: ask, compare, read sources, download (FastAPI)")
    C.add_store(p)
    p.add_argument("--host", default="127.0.0.1", help="bind address (default: localhost only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1,
                   help="worker processes (default 1); each holds its own index and embedder in memory, "
                        "and searches run side by side on as many cores")
    C.add_embedder(p)
    p.set_defaults(run=run)


def run(args) -> int:
    from ..web.app import serve

    if args.workers < 1:
        print(f"zhengce serve: --workers must be 1 or more, not {args.workers}", file=sys.stderr)
        return C.EXIT_USAGE
    if not 0 <= args.port <= 65535:     # 99999 would be taken modulo 65536 and the page printed with the wrong port
        print(f"zhengce serve: --port must be 0 to 65535, not {args.port}", file=sys.stderr)
        return C.EXIT_USAGE

    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"zhengce serve: listening on {args.host}: anyone who can reach it can read the store",
              file=sys.stderr)
    serve(C.store_path(args), host=args.host, port=args.port, embedder=args.embedder, workers=args.workers)
    return C.EXIT_OK
