"""``zhengce export``: the store as tidy tables joined by ids, with their JSON Schemas."""
from __future__ import annotations

from pathlib import Path

from . import common as C

ORDER = 60


def register(sub) -> None:
    from ..export import FORMATS

    p = sub.add_parser("export", help="the store as tidy tables (documents, measures, amounts, deadlines, "
                       "units, targets) joined by ids, with JSON Schemas")
    C.add_store(p)
    p.add_argument("--format", choices=FORMATS, default="csv", help="csv files are UTF-8 with BOM (Excel)")
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="folder (or FILE.xlsx for xlsx)")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..export import export_store

    for p in export_store(C.open_store(args), args.format, Path(args.output)):
        print(p)
    return C.EXIT_OK
