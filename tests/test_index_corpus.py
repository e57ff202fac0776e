"""Search and compare over the bundled seed corpus, through the real pipeline and SQLite store."""
from __future__ import annotations

import pytest

from support import CORPUS
from zhengce.index.compare import compare
from zhengce.index.search import Filters, Searcher


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    from zhengce.pipeline import ingest_paths
    from zhengce.store import Store
    store = Store(tmp_path_factory.mktemp("seedstore"))
    report = ingest_paths(store, sorted(CORPUS.glob("*.txt")))
    assert not report.failed, report.failed
    sr = Searcher(store)
    info = sr.sync()
    assert info["total"] == len(store.measure_ids()) > 50
    return store, sr


@pytest.mark.parametrize("query", ["哪些城市对众创空间给予房租补贴", "which cities subsidize maker-space rent"])
def test_maker_space_rent_found_in_both_languages(seeded, query):
    _, sr = seeded
    hits = sr.search(query, top_k=5)
    nanning = [h for h in hits if h.region.city == "南宁市"]
    assert any("房租" in h.text and "众创空间" in h.text for h in nanning), [h.text[:40] for h in hits]
    assert all(h.source.endswith(".txt") for h in hits)
    assert any("【众创空间】" in h.highlighted for h in hits)


def test_compare_rows_cite_their_source(seeded):
    _, sr = seeded
    rows = compare(sr, "哪些城市对众创空间给予房租补贴", by="city")
    places = [r.place for r in rows]
    assert "南宁市" in places and len(places) == len(set(places))
    nn = rows[places.index("南宁市")]
    assert nn.citation["doc_number"] == "南府办〔2016〕34号" and nn.source.endswith("001_b0a6d818020c8865.txt")
    assert any("房租" in h.text for h in nn.best)


def test_filters_on_real_metadata(seeded):
    _, sr = seeded
    hits = sr.search("创业 补贴", top_k=10, filters=Filters(city="南宁"))
    assert hits and all(h.region.city == "南宁市" for h in hits)
    hits = sr.search("创业 补贴", top_k=10, filters=Filters(level="national"))
    assert all(h.region.level == "national" for h in hits)


def test_resync_after_reingest_is_a_noop(seeded):
    store, sr = seeded
    assert sr.sync()["added"] == 0
    again = Searcher(store)
    assert len(again) == len(store.measure_ids())
