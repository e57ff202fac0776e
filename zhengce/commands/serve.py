"""``zhengce serve``: the local web page and JSON API over a store."""
from __future__ import annotations

import argparse
import sys

from . import common as C

ORDER = 70


def register(sub) -> None:
    p = sub.add_parser("serve", help="local web page: ask, compare, read sources, download (FastAPI)")
    C.add_store(p)
    p.add_argument("--host", default="127.0.0.1", help="bind address (default: localhost only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=_workers, default="auto",
                   help=f"worker processes, or auto (the default): one per core up to {AUTO_MAX} (this machine: {auto_workers()}); "
                        f"each holds its own index and embedder in memory (~300 MB), and searches run side by "
                        f"side on as many cores")
    C.add_embedder(p)
    p.set_defaults(run=run)


AUTO_MAX = 2    # two cut the p50 of a 200-search burst on 2 cores by a third or more (bench/serve.py); each costs ~300 MB


def auto_workers() -> int:
    from ..pipeline import default_workers
    return min(default_workers(), AUTO_MAX)


def _workers(value: str):
    """--workers: a number (checked in run(), with the other numbers) or auto."""
    if value == "auto":
        return value
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a number or auto, not {value!r}") from None


def run(args) -> int:
    from ..web.app import serve

    if args.workers == "auto":
        args.workers = auto_workers()
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
