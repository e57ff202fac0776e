"""``zhengce ingest PATH…``: files and folders into the store, then the search index up to date.

Exit 0 when every file went in (or was unchanged), 1 when any file failed (the summary
still lists them), 2 when a path does not exist (nothing is done).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from . import common as C

ORDER = 10


def register(sub) -> None:
    from ..pipeline import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, DEFAULT_TIME_LIMIT, default_workers

    p = sub.add_parser("ingest", help="ingest files/folders into the store (then update the search index)",
                       description=__doc__.replace("``", ""))
    p.add_argument("paths", nargs="+", metavar="PATH")
    C.add_store(p)
    p.add_argument("--workers", type=int, default=1, help=f"processes for decode/normalize/extract "
                   f"(default 1; this machine: {default_workers()})")
    p.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="local processes (default) or Ray Data tasks (pip install 'zhengce[ray]')")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="reject files larger than this")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                   help="reject documents whose normalized text is longer than this")
    p.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS",
                   help="give up on one file after this long (0 = no limit)")
    p.add_argument("--prune", action="store_true",
                   help="first take out stored documents under PATH whose files are gone (deleted, renamed, moved)")
    p.add_argument("--no-embed", action="store_true", help="skip the search index; run `zhengce embed` later")
    C.add_embedder(p)
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    C.add_quiet(p)
    p.add_argument("--progress", action="store_true",
                   help="progress lines as often as on a terminal (default when not on one: every few seconds)")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..pipeline import ingest_paths

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing and not args.prune:      # with --prune a folder that was moved or deleted is pruned, not read
        raise C.UsageError(f"{missing[0]}: no such file or folder")
    for name, value, low in (("--workers", args.workers, 1), ("--max-bytes", args.max_bytes, 0),
                             ("--max-chars", args.max_chars, 0), ("--time-limit", args.time_limit, 0)):
        if not value >= low:            # (NaN compares false to everything)
            raise C.UsageError(f"{name} must be {low} or more, not {value:g}")
    store = C.open_store(args, create=True)
    report = ingest_paths(store, args.paths, workers=args.workers, max_bytes=args.max_bytes,
                          progress=C.progress("ingest", args.quiet, args.progress), engine=args.engine,
                          max_chars=args.max_chars, time_limit=args.time_limit or None, prune=args.prune)
    if report.total == 0 and not report.removed:
        from ..ingest.discover import SUFFIXES
        # 0 files is no success to report silently: a wrong folder, or pages saved under another suffix
        print(f"zhengce ingest: warning: no file with a suffix zhengce reads ({' '.join(SUFFIXES)}) under "
              f"{', '.join(map(str, args.paths))}", file=sys.stderr)
    if not args.no_embed:
        report.embedded = C.sync_index(store, args.embedder, quiet=args.quiet, command="ingest", wait=True)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        print_summary(report, store)
    return C.EXIT_ERROR if report.failed else C.EXIT_OK


def print_summary(report, store) -> None:
    from ..render import text_table

    rows = [{"status": k, "count": getattr(report, k)} for k in ("new", "updated", "unchanged", "duplicate")]
    rows.append({"status": "failed", "count": len(report.failed)})
    if report.removed:
        rows.append({"status": "removed (file gone)", "count": len(report.removed)})
    print(text_table(rows, ["status", "count"]))
    if report.failed:
        print("\nfailed:")
        rows = [{**f, "source": _tail(f["source"], 50)} for f in report.failed]
        print(text_table(rows, ["source", "reason", "detail"], max_width=90))   # a fix command fits whole
        print(f"{len(report.failed)} of {report.total} files failed (recorded in the store; fix and rerun)",
              file=sys.stderr)
    print(f"{report.total} files in {report.seconds:.2f}s; store {store.path} now holds "
          + ", ".join(f"{v} {k}" for k, v in store.count().items()))
    if report.embedded:
        print(C.index_words(report.embedded))


def _tail(path: str, width: int) -> str:
    """Keep the end of a long path: the file name is what a person looks for."""
    return path if len(path) <= width else "…" + path[-(width - 1):]
