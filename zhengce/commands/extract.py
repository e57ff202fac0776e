"""``zhengce extract FILE…``: measures, amounts, units, deadlines, targets of files, no store.

Every file is read and extracted before anything is written, so a missing file
(exit 2) or files that all fail (exit 1) leave no output at all; when some fail,
the rest are written and the exit code is 1. CSV starts with a UTF-8 BOM for Excel.
"""
from __future__ import annotations

import json
import sys

from . import common as C

ORDER = 35

FORMATS = ("json", "jsonl", "csv")


def register(sub) -> None:
    from ..pipeline import DEFAULT_MAX_BYTES

    p = sub.add_parser("extract", help="extract measures, amounts, units, deadlines from files, no store",
                       description=__doc__.replace("``", ""))
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="json: one extraction object for one FILE, a list of them for several; jsonl: one object per "
                        "line whatever the count (the shape for scripts); csv: long format, one row per extracted "
                        "item, UTF-8 with BOM; default: from -o's suffix, else json")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--no-text", action="store_true", help="leave original_text out of JSON")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="reject files larger than this")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..pipeline import process_file
    from ..render import csv_text, jsonl_lines
    from ..tidy import long_columns, long_rows

    args.format = C.output_format(args, "json", FORMATS)
    if not args.max_bytes >= 0:
        raise C.UsageError(f"--max-bytes must be 0 or more, not {args.max_bytes}")
    for f in args.files:
        C.input_file(f, "extract")
    results, failed = [], 0
    for f in args.files:
        res = process_file(f, max_bytes=args.max_bytes)
        if res.error:
            failed += 1
            if args.format in ("json", "jsonl"):
                # a program asked for JSON: each failure is a JSON line on stderr, as ingest --json lists them
                print(json.dumps({"source": res.source, "reason": res.error[0], "detail": res.error[1]},
                                 ensure_ascii=False), file=sys.stderr)
            else:
                print(f"zhengce extract: {res.source}: {res.error[0]} ({res.error[1]})", file=sys.stderr)
            continue
        results.append(res.extraction)
    if not results:
        return C.EXIT_ERROR
    if args.format == "csv":
        rows = [r for ex in results for r in long_rows(ex)]
        C.emit(csv_text(rows, long_columns()), args.output, bom=True)
    elif args.format == "jsonl":
        C.emit(jsonl_lines(ex.to_dict(include_text=not args.no_text) for ex in results), args.output)
    else:
        objs = [ex.to_dict(include_text=not args.no_text) for ex in results]
        C.emit(json.dumps(objs[0] if len(objs) == 1 and len(args.files) == 1 else objs,
                          ensure_ascii=False, indent=1), args.output)
    return C.EXIT_ERROR if failed else C.EXIT_OK
