"""Reuse detection: quality on the planted corpus (method against method) and `similar` latency at scale.

    python bench/similar.py --quality                 # MinHash+LSH (zhengce) vs datasketch MinHashLSH vs TF-IDF cosine
    python bench/similar.py --sizes 100000 1000000    # similar() p50/p95 over a store of N measures, build, memory
    python bench/similar.py --sizes 100000 --tfidf    # … and the TF-IDF peer's query time at the same size

Quality: the planted corpus of ``zhengce.diffusion.synthetic`` (families of an original and 1–3
reworded, damaged copies in other places; unrelated measures from the same vocabulary; decoys
sharing only stock phrases and a clause every document carries). Every family member and decoy
is a query; a reported measure in another place is a true positive when it is of the same
family. Precision and recall are over unordered pairs; a method's threshold is swept.

Scale: a real SQLite store filled with planted measures (5 to a document), the reuse index
built by ``ReuseIndex.sync`` in one go, then ``similar`` timed on 200 random stored measures.
Memory is the process's peak RSS (store rows, index and query working set together).
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from zhengce.diffusion import reuse as R  # noqa: E402
from zhengce.diffusion import shingles as S  # noqa: E402
from zhengce.diffusion.synthetic import make_corpus, to_extractions  # noqa: E402
from zhengce.store import Store  # noqa: E402


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pr(found: set, false: set, truth: set) -> tuple[float, float]:
    tp = len(found)
    return tp / max(1, tp + len(false)), tp / len(truth)


def _queries(c):
    return [m for m in c.measures if m.family is not None or m.decoy]


def quality_zhengce(c, st) -> dict:
    t0 = time.perf_counter()
    idx = R.ReuseIndex(st)
    idx.sync()
    build = time.perf_counter() - t0
    truth, lat = c.pairs(), []
    results = {}
    for m in _queries(c):
        t = time.perf_counter()
        results[m.key] = [(r.measure_id, r.similarity) for r in R.similar(st, m.key, index=idx, limit=50,
                                                                          min_similarity=0.0)]
        lat.append(time.perf_counter() - t)
    return _summary(results, truth, build, lat, (0.2, 0.25, 0.3, 0.35, 0.4, 0.5),
                    decoy_key=lambda q, k: q.startswith("d") or k.startswith("d") or k.endswith("-c"))


def quality_tfidf(c) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer

    ms = c.measures
    t0 = time.perf_counter()
    vec = TfidfVectorizer(analyzer="char", ngram_range=(S.K, S.K), sublinear_tf=True, min_df=1)
    X = vec.fit_transform([S.clean(m.text) for m in ms])      # rows are L2-normalised: dot = cosine
    build = time.perf_counter() - t0
    key = {m.key: i for i, m in enumerate(ms)}
    place = [m.place for m in ms]
    truth, lat, results = c.pairs(), [], {}
    XT = X.T.tocsr()
    for m in _queries(c):
        t = time.perf_counter()
        i = key[m.key]
        sims = (X[i] @ XT).toarray().ravel()
        top = np.argsort(-sims)[:60]
        results[m.key] = [(ms[j].key, float(sims[j])) for j in top if j != i and place[j] != m.place]
        lat.append(time.perf_counter() - t)
    return _summary(results, truth, build, lat, (0.2, 0.3, 0.4, 0.5, 0.6, 0.7))


def _is_decoy(q: str, k: str) -> bool:
    return q.startswith("d") or k.startswith("d")


def _summary(results: dict, truth: set, build: float, lat: list, thresholds, decoy_key=_is_decoy) -> dict:
    """Precision/recall (and decoys reported) of one method's results at each similarity threshold."""
    out = {}
    for thr in thresholds:
        found, false, decoy = set(), set(), 0
        for q, rs in results.items():
            for k, s in rs:
                if s < thr:
                    continue
                p = frozenset((q, k))
                (found if p in truth else false).add(p)
                decoy += p not in truth and decoy_key(q, k)
        out[thr] = (*_pr(found, false, truth), decoy)
    return {"build_s": build, "p50_ms": 1000 * statistics.median(lat), "by_threshold": out}


def quality_datasketch(c) -> dict:
    from datasketch import MinHash, MinHashLSH

    ms = c.measures
    t0 = time.perf_counter()
    sets = {}
    lsh = MinHashLSH(threshold=0.3, num_perm=128)
    for m in ms:
        t = S.clean(m.text)
        mh = MinHash(num_perm=128)
        mh.update_batch([t[i:i + S.K].encode() for i in range(max(1, len(t) - S.K + 1))])
        sets[m.key] = mh
        lsh.insert(m.key, mh)
    build = time.perf_counter() - t0
    place = {m.key: m.place for m in ms}
    truth, lat, results = c.pairs(), [], {}
    for m in _queries(c):
        t = time.perf_counter()
        cand = [k for k in lsh.query(sets[m.key]) if k != m.key and place[k] != m.place]
        results[m.key] = [(k, sets[m.key].jaccard(sets[k])) for k in cand]
        lat.append(time.perf_counter() - t)
    return _summary(results, truth, build, lat, (0.2, 0.3, 0.4, 0.5))


def run_quality(args) -> None:
    c = make_corpus(families=args.families, unrelated=args.unrelated, decoys=args.decoys, seed=args.seed)
    with tempfile.TemporaryDirectory() as d:
        st = Store(Path(d) / "zc")
        for ex in to_extractions(c):
            st.upsert(ex)
        n = st.count()
        print(f"planted corpus: {n['documents']} documents, {n['measures']} measures, {len(c.pairs())} reuse pairs, "
              f"{args.decoys} decoys (seed {args.seed})\n")
        rows = [("zhengce MinHash+LSH, weighted Jaccard (k=%d, %d perm, %d bands)" % (S.K, S.NUM_PERM, S.BANDS),
                 quality_zhengce(c, st)),
                ("TF-IDF cosine, char %d-grams (scikit-learn, exact, brute force)" % S.K, quality_tfidf(c))]
        try:
            rows.append(("datasketch MinHashLSH, plain Jaccard (128 perm, LSH threshold 0.3)", quality_datasketch(c)))
        except ImportError:
            print("(datasketch not installed: pip install datasketch)")
        for name, r in rows:
            print(f"{name}\n  build {r['build_s']:.2f}s, query p50 {r['p50_ms']:.1f} ms")
            for thr, (p, rc, dec) in r["by_threshold"].items():
                f1 = 2 * p * rc / (p + rc) if p + rc else 0
                print(f"  threshold {thr:<5} precision {p:.3f}  recall {rc:.3f}  F1 {f1:.3f}  decoy pairs {dec}")
            print()


def run_scale(n: int, queries: int = 200) -> None:
    families = n // 25
    c = make_corpus(families=families, unrelated=n - families * 3 - n // 50, decoys=n // 50, seed=n)
    with tempfile.TemporaryDirectory() as d:
        st = Store(Path(d) / "zc")
        t0 = time.perf_counter()
        for ex in to_extractions(c):
            st.upsert(ex)
        fill = time.perf_counter() - t0
        cnt = st.count()
        t0 = time.perf_counter()
        idx = R.ReuseIndex(st)
        info = idx.sync()
        build = time.perf_counter() - t0
        size = sum(f.stat().st_size for f in idx.dir.iterdir()) / 2**20
        rng = np.random.default_rng(0)
        ids = sorted(st.measure_ids())
        pick = [int(x) for x in rng.choice(ids, size=queries, replace=False)]
        R.similar(st, pick[0], index=idx)             # warm: DF table, first page cache
        lat, found = [], 0
        for rid in pick:
            t = time.perf_counter()
            found += len(R.similar(st, rid, index=idx))
            lat.append(time.perf_counter() - t)
        t0 = time.perf_counter()
        R.ReuseIndex(st)                               # cold open: manifest + segments
        cold = time.perf_counter() - t0
        lat.sort()
        print(f"{cnt['measures']:>9,} measures ({cnt['documents']:,} docs): store fill {fill:.0f}s, index build "
              f"{build:.0f}s ({info['indexed']:,} indexed, {size:.0f} MB on disk), open {cold:.2f}s; similar p50 "
              f"{1000 * lat[len(lat) // 2]:.1f} ms, p95 {1000 * lat[int(len(lat) * 0.95)]:.1f} ms "
              f"({found / queries:.1f} results/query); peak RSS {_peak_mb():.0f} MB", flush=True)


def run_tfidf_scale(n: int, queries: int = 200) -> None:
    """The TF-IDF peer at scale: fit, then brute-force cosine of one row against all (in memory, no store)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    families = n // 25
    c = make_corpus(families=families, unrelated=n - families * 3 - n // 50, decoys=n // 50, seed=n)
    t0 = time.perf_counter()
    X = TfidfVectorizer(analyzer="char", ngram_range=(S.K, S.K), sublinear_tf=True).fit_transform(
        [S.clean(m.text) for m in c.measures])
    XT = X.T.tocsr()
    build = time.perf_counter() - t0
    rng = np.random.default_rng(0)
    lat = []
    for i in rng.choice(X.shape[0], size=queries, replace=False):
        t = time.perf_counter()
        sims = (X[int(i)] @ XT).toarray().ravel()
        np.argpartition(-sims, 60)[:60]
        lat.append(time.perf_counter() - t)
    lat.sort()
    mb = (X.data.nbytes + X.indices.nbytes + XT.data.nbytes + XT.indices.nbytes) / 2**20
    print(f"TF-IDF peer {X.shape[0]:>9,} measures: fit {build:.0f}s, matrix {mb:.0f} MB, query p50 "
          f"{1000 * lat[len(lat) // 2]:.1f} ms, p95 {1000 * lat[int(len(lat) * 0.95)]:.1f} ms (no store read, "
          f"no incremental add: the vocabulary and idf are fixed at fit)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quality", action="store_true")
    ap.add_argument("--families", type=int, default=200)
    ap.add_argument("--unrelated", type=int, default=1000)
    ap.add_argument("--decoys", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--sizes", type=int, nargs="*", default=[])
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--tfidf", action="store_true", help="also time the TF-IDF peer at each size")
    args = ap.parse_args()
    if not args.quality and not args.sizes:
        args.quality = True
    if args.quality:
        run_quality(args)
    for n in args.sizes:
        run_scale(n, args.queries)
        if args.tfidf:
            run_tfidf_scale(n, args.queries)


if __name__ == "__main__":
    main()
