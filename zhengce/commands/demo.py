"""``zhengce demo``: the bundled corpus into a store, then two questions compared across cities."""
from __future__ import annotations

import json
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from . import common as C

ORDER = 5
QUERIES = ("哪些城市对众创空间给予房租补贴", "which cities subsidize maker-space rent")


def register(sub) -> None:
    p = sub.add_parser("demo", help="ingest the bundled corpus and compare two questions across cities")
    p.add_argument("--store", metavar="DIR",
                   help="keep the demo store in DIR (default: a temporary store, removed afterwards)")
    p.add_argument("--format", choices=["table", "markdown", "json"], default="table",
                   help="json: one JSON list holding compare's document for each question")
    C.add_embedder(p)
    p.set_defaults(run=run)


def corpus_dir() -> Path:
    here = Path(__file__).resolve().parent.parent.parent / "corpus"
    if here.is_dir():
        return here
    from importlib.resources import files   # installed wheel: the corpus ships as package data

    return Path(str(files("zhengce.corpus")))


def run(args) -> int:
    from ..index.compare import compare
    from ..index.search import Searcher
    from ..outputs import render_comparison
    from ..pipeline import ingest_paths
    from ..store import Store

    corpus = corpus_dir()
    with ExitStack() as stack:
        path = Path(args.store) if args.store else Path(
            stack.enter_context(tempfile.TemporaryDirectory(prefix="zhengce-demo-")))
        store = stack.enter_context(Store(path))   # closed before the temporary folder goes
        print(f"ingesting the bundled corpus ({corpus}) into {path} …", file=sys.stderr)
        report = ingest_paths(store, [corpus], progress=C.progress("ingest"))
        print(f"  {report.new} new, {report.updated} updated, {report.unchanged} unchanged, "
              f"{report.duplicate} duplicate, {len(report.failed)} failed", file=sys.stderr)
        searcher = Searcher(store, embedder=args.embedder)
        searcher.sync(progress=C.progress("embed"))
        docs = []
        for q in QUERIES:
            out = render_comparison(q, compare(searcher, q, by="city"), args.format)
            if args.format == "json":
                docs.append(json.loads(out))      # one JSON document in all: a list of compare's documents
                continue
            print(f"\n## {q}\n")
            print(out)
        if args.format == "json":
            print(json.dumps(docs, ensure_ascii=False, indent=2))
    return C.EXIT_OK
