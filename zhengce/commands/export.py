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
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="csv (default; UTF-8 with BOM for Excel), jsonl and parquet write a folder of tables; "
                        "xlsx one workbook (the default when -o ends in .xlsx)")
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="folder (or FILE.xlsx for xlsx)")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..export import export_store

    if args.output == C.STDOUT:
        raise C.UsageError("-o -: export writes a folder of tables or a workbook, not standard output; "
                           "give a folder name, or a .xlsx file")
    name = Path(args.output).name.lower()
    if name in (".xlsx", ".csv", ".jsonl", ".parquet", ".json"):
        # Path(".xlsx").suffix is "": a bare suffix had written a hidden CSV folder named .xlsx
        raise C.UsageError(f"-o {args.output}: that is a suffix, not a name; give "
                           + ("a workbook such as out.xlsx" if name == ".xlsx" else "a folder name such as out"))
    suffix = Path(args.output).suffix.lower()
    fmt = args.format or ("xlsx" if suffix == ".xlsx" else "csv")
    if fmt == "xlsx" and suffix != ".xlsx":
        raise C.UsageError(f"-o {args.output}: xlsx writes one workbook; name a file ending in .xlsx")
    if fmt != "xlsx" and suffix in (".xlsx", ".csv", ".jsonl", ".parquet", ".json"):
        # a folder named out.parquet would hold documents.parquet, measures.parquet…: not what the name says
        raise C.UsageError(f"-o {args.output}: {fmt} writes a folder of tables (documents, measures, amounts…); "
                           f"give a folder name, or --format xlsx with a .xlsx file")
    if fmt == "xlsx":
        C.check_file_path("-o", args.output)
    else:       # an existing file had failed after collecting the store, as 'afile: File exists' (exit 1)
        C.check_folder_path("-o", args.output, f"{fmt} writes a folder of tables")
    for p in export_store(C.open_store(args), fmt, Path(args.output)):
        print(p)
    return C.EXIT_OK
