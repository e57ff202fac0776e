"""``zhengce status``: what the store holds and which embedder built its index."""
from __future__ import annotations

import json

from . import common as C

ORDER = 80


def register(sub) -> None:
    p = sub.add_parser("status", help="what the store holds")
    C.add_store(p)
    p.add_argument("--failures", action="store_true",
                   help="also list each file that failed (source, reason, detail) as the last ingest recorded it")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..doctor import read_manifest

    store = C.open_store(args)
    manifest, _ = read_manifest(store.index_dir)
    m = manifest or {}
    out = {"store": str(store.path), **store.count(), "generation": store.generation,
           "embedder": m.get("embedder"), "indexed": m.get("count"), "index_generation": m.get("store_generation")}
    if args.failures:
        out["failed"] = store.failures()
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return C.EXIT_OK
