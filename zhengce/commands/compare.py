"""``zhengce compare QUERY``: one row per place with its best measures, amounts, lead unit, deadline."""
from __future__ import annotations

import sys
from pathlib import Path

from . import common as C

ORDER = 55

FORMATS = ("table", "markdown", "csv", "xlsx", "html", "json")


def register(sub) -> None:
    from ..records import GROUP_BY

    p = sub.add_parser("compare", help="one row per place: best measures, amounts, lead unit, deadline, citation")
    p.add_argument("query")
    C.add_store(p)
    p.add_argument("--by", choices=GROUP_BY, default="city")
    p.add_argument("--per-place", type=int, default=3)
    p.add_argument("--min-match", type=float, default=0.0, metavar="R",
                   help="leave out places whose match is below R (match = score / best place's score; default 0: keep all)")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="csv is UTF-8 with BOM (Excel); xlsx needs -o; default: from -o's suffix, else table")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--plot", metavar="FILE.png|svg", help="chart of the matching amounts per place")
    p.add_argument("--all-levels", action="store_true",
                   help="keep every level even when the question names one (哪些城市 keeps city and district rows)")
    C.add_include_not_policy(p)
    C.add_embedder(p)
    C.add_filters(p)
    p.set_defaults(run=run)


def run(args) -> int:
    from ..index.compare import compare
    from ..index.search import check_query
    from ..outputs import no_match_hint, render_comparison
    from ..params import MAX_PER_PLACE, check_int

    args.format = C.output_format(args, "table", FORMATS)
    if args.format == "xlsx" and not args.output:
        raise C.UsageError("--format xlsx needs -o FILE.xlsx")
    if args.plot:
        from ..plot import check_plot_path
        check_plot_path(args.plot)          # before the table is printed, not after
        C.check_file_path("--plot", args.plot)
    query = check_query(args.query)
    per_place = check_int("per_place", args.per_place, 1, MAX_PER_PLACE)
    f = C.filters(args)
    rows = compare(C.searcher(args, "compare"), query, by=args.by, filters=f, per_place=per_place,
                   min_relative=args.min_match, level=None if args.all_levels else "auto",
                   include_not_policy=args.include_not_policy)
    if args.format == "xlsx":
        render_comparison(query, rows, "xlsx", by=args.by, path=Path(args.output))
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        C.emit(render_comparison(query, rows, args.format, by=args.by, filters=f, min_match=args.min_match,
                                  include_not_policy=args.include_not_policy), args.output,
               bom=args.format == "csv")
    if not rows:
        print(no_match_hint(f), file=sys.stderr)
    if args.plot:
        from ..plot import plot_comparison

        plot_comparison(query, rows, Path(args.plot))
        print(f"wrote {args.plot}", file=sys.stderr)
    return C.EXIT_OK
