"""``zhengce export``: the store as tidy tables joined by ids, with their JSON Schemas."""
from __future__ import annotations

import os
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
    if fmt != "xlsx" and _file_like(suffix) and not Path(args.output).is_dir() \
            and not args.output.endswith(("/", os.sep)):
        raise C.UsageError(_not_a_folder_name(args.output, suffix, args.format))
    if fmt == "xlsx":
        C.check_file_path("-o", args.output)
    else:       # an existing file had failed after collecting the store, as 'afile: File exists' (exit 1)
        C.check_folder_path("-o", args.output, f"{fmt} writes a folder of tables")
    for p in export_store(C.open_store(args), fmt, Path(args.output)):
        print(p)
    return C.EXIT_OK


FOLDER_FORMATS = ("csv", "jsonl", "parquet")


# Suffixes of kinds of files (a data file, a database, an archive), never part of a folder's name: -o t.dta had
# written a folder of CSV files named t.dta. Others (out.2024, results.v2, my.data) are folder names; a trailing
# slash always names a folder.
_FILE_SUFFIXES = frozenset({
    ".csv", ".tsv", ".txt", ".json", ".jsonl", ".ndjson", ".parquet", ".pq", ".feather", ".arrow", ".xlsx", ".xls",
    ".xlsm", ".ods", ".dta", ".sav", ".sas7bdat", ".rds", ".rdata", ".sqlite", ".sqlite3", ".db", ".duckdb", ".h5",
    ".hdf5", ".pkl", ".pickle", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".tar", ".html", ".md", ".pdf"})


def _file_like(suffix: str) -> bool:
    """A suffix that names a kind of file (.dta, .sqlite, .parquet), not part of a folder's name (out.2024)."""
    return suffix.lower() in _FILE_SUFFIXES


def _not_a_folder_name(output: str, suffix: str, fmt: str | None) -> str:
    """What to give instead of a file's name for a format that writes a folder of tables."""
    named = suffix.lstrip(".")
    stem = Path(output).with_suffix("").name or "out"
    if named in FOLDER_FORMATS and fmt in (None, named):
        # csv, jsonl and parquet write one file per table (documents.parquet, measures.parquet…)
        how = f"-o {stem}" if named == "csv" else f"--format {named} -o {stem}"
        return f"-o {output}: {named} export writes a folder of tables, one file each, not one {suffix} file; use {how}"
    if named == "xlsx":
        return f"-o {output} names a workbook but --format is {fmt}, which writes a folder of tables; drop --format " \
               f"for the workbook, or name a folder (-o {stem})"
    if named in FOLDER_FORMATS:
        return f"-o {output} names a {named} file but --format is {fmt}, which writes a folder of tables; name a folder " \
               f"(-o {stem})"
    return (f"-o {output}: export writes no {suffix} file; -o is a folder of tables (csv by default, or "
            f"--format {' or '.join(f for f in FOLDER_FORMATS if f != 'csv')}) or a workbook FILE.xlsx")