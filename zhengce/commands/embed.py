"""``zhengce embed``: bring the search index in line with the store (add and remove vectors)."""
from __future__ import annotations

import json

from . import common as C

ORDER = 20


def register(sub) -> None:
    p = sub.add_parser("embed", help="bring the search index in line with the store (add/remove vectors)")
    C.add_store(p)
    C.add_embedder(p)
    p.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="encode here (default) or on a Ray cluster (RAY_ADDRESS)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    C.add_quiet(p)
    p.set_defaults(run=run)


def run(args) -> int:
    store = C.open_store(args)
    if args.engine == "ray":
        from ..engines import embed_with_ray

        info = embed_with_ray(store, args.embedder)
    else:
        info = C.sync_index(store, args.embedder, quiet=args.quiet, command="embed", wait=False)
    print(json.dumps(info, ensure_ascii=False) if args.json else C.index_words(info))
    return C.EXIT_OK
