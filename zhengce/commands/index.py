"""``zhengce index --rebuild [--embedder X]``: a new search index for the whole store.

The new index is written as the next generation of files beside the live one and
swapped in with one atomic rename, so search keeps answering meanwhile and a kill at
any point leaves the old index whole (``zhengce doctor --repair`` removes the
half-written files of a killed rebuild).
"""
from __future__ import annotations

import json

from . import common as C

ORDER = 25


def register(sub) -> None:
    p = sub.add_parser("index", help="rebuild the search index (e.g. for another embedder)",
                       description=__doc__.replace("``", ""))
    C.add_store(p)
    p.add_argument("--rebuild", action="store_true", required=True,
                   help="embed every measure again and replace the index when done")
    C.add_embedder(p)
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    C.add_quiet(p)
    p.set_defaults(run=run)


def run(args) -> int:
    from ..doctor import rebuild_index

    store = C.open_store(args)
    info = rebuild_index(store, args.embedder, progress=C.progress("rebuild", args.quiet))
    print(json.dumps(info, ensure_ascii=False) if args.json else C.index_words(info))
    return C.EXIT_OK
