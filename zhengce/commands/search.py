"""``zhengce search QUERY``: hybrid search over the store's measures (Chinese or English)."""
from __future__ import annotations

import sys

from . import common as C

ORDER = 50

FORMATS = ("table", "json", "csv", "markdown")


def register(sub) -> None:
    from ..records import SEARCH_MODES

    p = sub.add_parser("search", help="hybrid search over the store's measures (Chinese or English)")
    p.add_argument("query")
    C.add_store(p)
    p.add_argument("--top-k", type=int, default=10)
    p.add_argument("--mode", choices=SEARCH_MODES, default="hybrid")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="csv is UTF-8 with BOM (Excel); default: from -o's suffix, else table")
    C.add_embedder(p)
    p.add_argument("-o", "--output", metavar="FILE")
    C.add_filters(p)
    p.set_defaults(run=run)


def run(args) -> int:
    from ..index.search import check_query
    from ..outputs import no_match_hint, render_hits
    from ..params import MAX_TOP_K, check_int

    args.format = C.output_format(args, "table", FORMATS)
    query = check_query(args.query)
    top_k = check_int("top_k", args.top_k, 1, MAX_TOP_K)
    f = C.filters(args)
    hits = C.searcher(args, "search").search(query, top_k=top_k, filters=f, mode=args.mode)
    C.emit(render_hits(query, hits, args.format, f), args.output, bom=args.format == "csv")
    if not hits:
        print(no_match_hint(f), file=sys.stderr)
    return C.EXIT_OK
