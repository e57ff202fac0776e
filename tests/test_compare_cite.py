"""Issue 11: a comparison a researcher can cite — cells read from the measure (the same in either
language), each with the sentence it came from, one document per row, places and levels named alike,
durations written out; queries normalised like documents."""
from __future__ import annotations

import json
import re

import numpy as np
import pytest

from fakes import FakeStore, doc, measure, nanning, nantong, qinghai
from zhengce.index.compare import asked_level, citation_label, compare, readable_duration, summarize
from zhengce.index.search import FACET_BITS, Searcher, normalize_query, query_intents, query_terms
from zhengce.records import Amount, Region


@pytest.fixture
def searcher(tmp_path):
    s = FakeStore(tmp_path / "store")
    for d, ms in (nanning(), qinghai(), nantong()):
        s.add_document(d, ms)
    sr = Searcher(s)
    sr.sync()
    return sr


CELLS = ("rate", "cap", "cap_yuan", "per", "lead_unit", "start", "deadline", "duration", "evidence")


def test_same_measure_same_cells_in_either_language(searcher):
    zh = next(r for r in compare(searcher, "哪些城市对众创空间给予房租补贴") if r.place == "南宁市")
    en = next(r for r in compare(searcher, "which cities subsidize maker-space rent") if r.place == "南宁市")
    assert zh.best[0].measure_id == en.best[0].measure_id
    assert {k: getattr(zh, k) for k in CELLS} == {k: getattr(en, k) for k in CELLS}
    assert zh.cap_yuan == 550000.0 and zh.rate == "70%"


def test_summarize_depends_on_the_measure_only(searcher):
    hit = next(h for h in searcher.search("众创空间 房租", top_k=5) if h.region.place == "南宁市")
    assert summarize([hit]) == summarize([hit])
    s = summarize([hit])
    for key in ("rate", "cap", "lead_unit", "duration"):
        ev = s["evidence"][key]
        assert ev["doc_id"] == hit.doc_id and ev["sentence"] in hit.text     # linked to its sentence


def test_every_cell_is_read_from_the_cited_document(searcher):
    for q in ("哪些城市对众创空间给予房租补贴", "补贴 奖励", "incubator awards"):
        for r in compare(searcher, q, level=None):
            assert len({h.doc_id for h in r.best}) == 1
            assert all(ev["doc_id"] == r.best[0].doc_id for ev in r.evidence.values()), (q, r.place)


def test_documents_without_a_place_are_never_merged(tmp_path):
    s = FakeStore(tmp_path / "s")
    for i, cap in ((1, "最高10万元"), (2, "最高20万元")):
        d = doc(f"/data/unplaced-{i}.txt", title="", province=None, city=None, level=None, issue_date=None)
        d.region = Region()
        text = f"对众创空间给予房租补贴,{cap}。"
        s.add_document(d, [measure(d.doc_id, 0, text, amounts=[
            Amount(text=cap, start=text.index(cap), end=text.index(cap) + len(cap), kind="cap",
                   value_yuan=float(cap[2:4]) * 1e4)])])
    sr = Searcher(s)
    sr.sync()
    rows = compare(sr, "众创空间房租补贴", level=None)
    assert len(rows) == 2 and {r.cap for r in rows} == {"最高10万元", "最高20万元"}
    assert all(r.place == "未知地区" for r in rows)
    assert {r.cite for r in rows} == {"unplaced-1.txt", "unplaced-2.txt"}    # untitled: the file name


def test_citation_label_falls_back_title_number_url_file():
    assert citation_label("南宁市实施方案", "南府办〔2016〕34号", "/a/b.txt") == "南宁市实施方案"
    assert citation_label(None, "南府办〔2016〕34号", "/a/b.txt") == "南府办〔2016〕34号"
    assert citation_label("", None, "http://www.nanning.gov.cn/x.html") == "http://www.nanning.gov.cn/x.html"
    assert citation_label(None, None, "C:\\pages\\通知.html") == "通知.html"


def test_durations_read_as_lengths():
    assert readable_duration("P3Y") == "3年" and readable_duration("P3Y", "en") == "3 years"
    assert readable_duration("P1Y6M") == "1年6个月" and readable_duration("P1M", "en") == "1 month"
    assert readable_duration("P10D") == "10天" and readable_duration("2020-12-31") == "2020-12-31"


def test_question_level():
    assert asked_level("哪些城市对众创空间给予房租补贴") == "city"
    assert asked_level("which cities subsidize maker-space rent") == "city"
    assert asked_level("哪些省出台了人才政策") == "province"
    assert asked_level("which counties give farm subsidies") == "district"
    assert asked_level("众创空间房租补贴") is None


def test_place_display_name_is_canonical():
    assert Region(province="广东省", city="深圳市", district="福田区", level="district").place == "深圳市福田区"
    assert Region(province="上海市", district="普陀区", level="district").place == "上海市普陀区"
    assert Region(province="广西壮族自治区", city="南宁市", level="city").place == "南宁市"
    assert Region(level="national").place == "全国"


def test_queries_normalised_like_documents():
    assert normalize_query("ｍａｋｅｒ－ｓｐａｃｅ ｒｅｎｔ") == "maker-space rent"
    assert normalize_query("眾創空間房租補貼") == "众创空间房租补贴"
    assert normalize_query("創(chuàng)業擔保貸款") == "创业担保贷款"
    assert query_terms("ｍａｋｅｒ－ｓｐａｃｅ")[1] == query_terms("maker-space")[1] != []
    assert query_terms("眾創空間")[1] == query_terms("众创空间")[1]


def test_full_width_query_finds_what_half_width_does(searcher):
    a = [h.measure_id for h in searcher.search("ｍａｋｅｒ－ｓｐａｃｅ ｒｅｎｔ", top_k=3)]
    b = [h.measure_id for h in searcher.search("maker-space rent", top_k=3)]
    assert a and a == b


def test_intents():
    assert query_intents("哪些文件提出了到2025年的量化发展目标") == ["target"]
    assert query_intents("Which measures are time-limited, with an explicit end date?") == ["period"]
    assert query_intents("Which documents announce lists of newly recognised incubators?") == ["list"]
    assert query_intents("众创空间房租补贴") == []
    assert query_intents("创业担保贷款的额度上限是多少") == ["amount"]


class _StoreWithExtractions(FakeStore):
    """FakeStore that also answers get_extraction, as the real store does."""

    def get_extraction(self, doc_id):
        from zhengce.records import Extraction
        rows = [r for r in self.iter_measure_rows() if r.doc.doc_id == doc_id]
        return Extraction(rows[0].doc, [r.measure for r in rows]) if rows else None


def test_not_policy_documents_stay_out_of_comparisons_and_urls_cite(tmp_path):
    s = _StoreWithExtractions(tmp_path / "s")
    for name, flag, url in (("readme", True, None), ("notice", False, "http://www.example.gov.cn/n.html")):
        d = doc(f"/data/{name}.txt", title="", province="广西壮族自治区", city="南宁市" if flag else "柳州市",
                level="city", issue_date=None)
        d.not_policy, d.url = flag, url
        s.add_document(d, [measure(d.doc_id, 0, "对众创空间给予房租补贴,最高10万元。")])
    sr = Searcher(s)
    sr.sync()
    rows = compare(sr, "众创空间房租补贴")
    assert [r.place for r in rows] == ["柳州市"] and rows[0].cite == "http://www.example.gov.cn/n.html"
    assert {r.place for r in compare(sr, "众创空间房租补贴", include_not_policy=True)} == {"南宁市", "柳州市"}


def test_cli_compare_honours_the_asked_level_unless_told(tmp_path, capsys):
    from support import CORPUS
    from zhengce.cli import main

    store = str(tmp_path / "zc")
    assert main(["ingest", str(CORPUS), "--store", store, "--quiet"]) == 0
    capsys.readouterr()
    assert main(["compare", "哪些城市对众创空间给予房租补贴", "--store", store, "--format", "json"]) == 0
    import json
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert rows and all(r["level"] in ("city", "district") for r in rows)
    assert all(not re.search(r"P\d+[YMWD]", r["duration"] or "") for r in rows)
    assert main(["compare", "哪些城市对众创空间给予房租补贴", "--store", store, "--format", "json",
                 "--all-levels"]) == 0
    levels = {r["level"] for r in json.loads(capsys.readouterr().out)["rows"]}
    assert "province" in levels


def test_a_period_question_prefers_measures_with_a_stated_end(tmp_path):
    from zhengce.records import Deadline
    s = FakeStore(tmp_path / "s")
    for name, dated in (("a", False), ("b", True)):
        d = doc(f"/data/{name}.txt", title=f"消费券{name}", province="山西省", city="晋城市", level="city",
                issue_date="2023-01-01")
        text = "发放电子消费券,消费券有效期为活动期间。" + ("活动截止2023年4月28日。" if dated else "活动另行通知。")
        dl = [Deadline(text="截止2023年4月28日", start=0, end=0, kind="by", date="2023-04-28")] if dated else []
        s.add_document(d, [measure(d.doc_id, 0, text, deadlines=dl)])
    sr = Searcher(s)
    sr.sync()
    hits = sr.search("消费券有效期到什么时候", top_k=2)
    assert [h.doc_id for h in hits][0] == "b"
    # the facets are written with the index and read back
    m = json.loads((s.index_dir / "manifest.json").read_text(encoding="utf-8"))
    assert m["files"]["facets"].startswith("facets-")
    again = Searcher(s)
    assert again.facets.tolist() == sr.facets.tolist() and again.facets.tolist()[1] & FACET_BITS["due"]
    # an index whose facet bits had another meaning (written before FACETS_VERSION) has them read again
    m.pop("facets_version")
    with np.load(str(s.index_dir / m["files"]["facets"])) as z:
        assert z["facets"].tolist() == sr.facets.tolist()
    with open(s.index_dir / m["files"]["facets"], "wb") as fh:
        np.savez(fh, facets=np.full(len(sr.facets), FACET_BITS["dated"], np.uint8))
    (s.index_dir / "manifest.json").write_text(json.dumps(m), encoding="utf-8")
    assert Searcher(s).facets.tolist() == sr.facets.tolist()


def test_the_duration_cell_prefers_the_benefit_term_to_a_condition(searcher):
    from zhengce.records import Duration
    hit = next(h for h in searcher.search("众创空间 房租", top_k=5) if h.region.place == "南宁市")
    hit.deadlines = [d for d in hit.deadlines if d.kind != "within"]   # only the durations list speaks
    s = hit.start
    condition = Duration(text="运营满一年", start=s + 1, end=s + 6, duration="P1Y")
    benefit = Duration(text="享受期限最长两年", start=s + 10, end=s + 18, duration="P2Y")
    out = summarize([hit], None, None, lambda _id: [condition, benefit])
    assert out["duration"] == "2年"


def test_a_topicless_period_question_finds_stated_ends_its_words_miss(tmp_path):
    """"Which measures are time-limited?" names no topic: a measure with a stated end is a candidate
    even when it shares no word with the question (实施期限延长至…), and outranks a certificate's 有效期."""
    from zhengce.records import Deadline
    s = FakeStore(tmp_path / "s")
    texts = {"cert": ("申请企业须持有有效期内的高新技术企业证书。", []),
             "ended": ("阶段性降低失业保险费率政策延长至2022年4月30日。",
                       [Deadline(text="至2022年4月30日", start=0, end=0, kind="until", date="2022-04-30")])}
    for name, (text, dl) in texts.items():
        d = doc(f"/data/{name}.txt", title="", province="山西省", city="晋城市", level="city", issue_date=None)
        s.add_document(d, [measure(d.doc_id, 0, text, deadlines=dl)])
    sr = Searcher(s)
    sr.sync()
    for q in ("Which measures are time-limited, with an explicit end date or policy period?",
              "哪些措施有明确的截止日期或政策有效期"):
        assert [h.doc_id for h in sr.search(q, top_k=2)][0] == "ended", q
    # a question with a topic keeps to its topic: the facet alone does not make a candidate
    assert [h.doc_id for h in sr.search("高新技术企业证书有效期", top_k=2)] == ["cert"]


def test_a_criterions_dates_do_not_make_a_measure_time_limited():
    """Dates that say who qualifies (born 2022-2025, recognised in 2021、2022) are no policy period:
    the ``dated`` facet is set for a measure's span, not a criterion's."""
    from zhengce.index.search import measure_facets
    from zhengce.records import Deadline

    d = doc("/data/c.txt", title="", province="湖北省", city="武汉市", level="city", issue_date=None)
    span = [Deadline(text="2021年、2022年", start=0, end=0, kind="span", start_date="2021-01-01",
                     end_date="2022-12-31")]
    text = "2021年、2022年新认定的高新技术企业。"

    class Row:
        def __init__(self, kind):
            self.doc, self.measure = d, measure(d.doc_id, 0, text, kind=kind, deadlines=span)

    assert not measure_facets(Row("criterion")) & FACET_BITS["dated"]
    assert measure_facets(Row("measure")) & FACET_BITS["dated"]


def test_a_repeated_head_noun_refers_back_to_its_phrase():
    from zhengce.index.glossary import chinese_terms
    terms = chinese_terms("When do consumption-voucher campaigns run, and how long are the vouchers valid?")
    assert "消费券" in terms and "创新券" not in terms
    assert "创新券" in chinese_terms("who issues vouchers")      # alone, the word keeps its own entry


def test_an_amount_question_prefers_a_measure_stating_one(tmp_path):
    s = FakeStore(tmp_path / "s")
    texts = {"vague": "对新引进的全日制博士研究生,经审核后给予一次性安家补贴,分三年发放到位。",
             "stated": "对新引进的全日制博士研究生,经审核后给予一次性安家补贴10万元,分三年发放到位。"}
    for name, text in texts.items():
        d = doc(f"/data/{name}.txt", title="", province="山西省", city="晋城市", level="city", issue_date=None)
        s.add_document(d, [measure(d.doc_id, 0, text, amounts=[Amount(text="10万元", start=13, end=17, kind="fixed",
                                                                         value_yuan=100000.0)] if name == "stated" else [])])
    sr = Searcher(s)
    sr.sync()
    assert [h.doc_id for h in sr.search("引进博士的安家补贴有多少", top_k=2)][0] == "stated"


def test_cells_agree_when_each_language_ranks_another_sentence_of_one_provision(tmp_path):
    """The Nanning item is cut into sentences (自授牌之日起,… / 补贴标准…70% / 最高不得超过…55万元); the Chinese
    and the English question rank different sentences of it first, and the cells are still the same: the
    provision's other sentences in its paragraph are read on both sides."""
    from pathlib import Path

    from zhengce.pipeline import ingest_paths
    from zhengce.store import Store

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    with Store(tmp_path / "s") as st:
        ingest_paths(st, [corpus])
        sr = Searcher(st)
        sr.sync()
        zh = next(r for r in compare(sr, "哪些城市对众创空间给予房租补贴") if r.place == "南宁市")
        en = next(r for r in compare(sr, "which cities subsidize maker-space rent") if r.place == "南宁市")
    cells = ("rate", "cap", "cap_yuan", "per", "lead_unit", "start", "deadline", "duration")
    assert {k: getattr(zh, k) for k in cells} == {k: getattr(en, k) for k in cells}
    assert zh.rate == "70%" and zh.cap_yuan == 550000.0 and zh.start


def test_words_for_the_kind_of_provision_count_only_beside_the_topic(tmp_path):
    # "how long are the vouchers valid": 有效期 (from 'valid') must not lift a page about certificates' validity
    # above the voucher page that never writes 有效期
    s = FakeStore(tmp_path / "s")
    cert = doc("/data/cert.txt", title="高新技术企业奖励", province="江苏省", city="南京市", level="city", issue_date="2023-01-01")
    s.add_document(cert, [measure(cert.doc_id, 0, "有效期内的高新技术企业,有效期满重新认定的,有效期内给予奖励。")])
    voucher = doc("/data/voucher.txt", title="电子消费券发放", province="江苏省", city="苏州市", level="city",
                  issue_date="2023-01-01")
    s.add_document(voucher, [measure(voucher.doc_id, 0, "电子消费券活动周期为3月27日至5月31日,逾期未使用的消费券自动失效。")])
    sr = Searcher(s)
    sr.sync()
    for q in ("When do consumption-voucher campaigns run, and how long are the vouchers valid?", "消费券的有效期是多久"):
        hits = sr.search(q, top_k=2)
        assert hits and hits[0].doc_id == "voucher", q


def test_the_amount_cell_says_whether_it_is_a_cap_a_sum_or_a_rate(searcher, tmp_path):
    # round 22's data sweep: cap_yuan held monthly rates and one-off grants as if they were ceilings
    from zhengce.outputs import COMPARE_COLUMNS, render_comparison
    hit = next(h for h in searcher.search("众创空间 房租", top_k=5) if h.region.place == "南宁市")
    s = hit.start
    rate = Amount(text="每月3000元", start=s + 1, end=s + 6, kind="per_unit", value_yuan=3000.0, per="月")
    grant = Amount(text="50万元", start=s + 8, end=s + 12, kind="fixed", value_yuan=500000.0)
    ceiling = Amount(text="最高100万元", start=s + 14, end=s + 20, kind="cap", value_yuan=1e6)
    assert summarize([hit], [[rate, grant]])["cap_kind"] == "per_unit"
    assert summarize([hit], [[grant]])["cap_kind"] == "fixed"
    out = summarize([hit], [[rate, grant, ceiling]])
    assert (out["cap"], out["cap_kind"]) == ("最高100万元", "cap")     # the stated ceiling wins
    rows = compare(searcher, "哪些城市对众创空间给予房租补贴")
    nn = next(r for r in rows if r.place == "南宁市")
    assert nn.cap_kind == "cap" and nn.to_dict()["cap_kind"] == "cap"
    import csv
    import io
    table = list(csv.DictReader(io.StringIO(render_comparison("q", rows, "csv").lstrip("\ufeff"))))
    assert list(table[0]) == COMPARE_COLUMNS and {"cap_kind", "doc_id", "measure_id"} <= set(table[0])
    row = next(r for r in table if r["place"] == "南宁市")
    assert row["cap_kind"] == "cap" and row["doc_id"] == nn.best[0].doc_id and row["measure_id"] == nn.best[0].measure_id
    assert row["cap_measure_id"] == nn.evidence["cap"]["measure_id"]       # where the amount itself was read
    rows_ = searcher.store.load_measures(sorted(searcher.store.measure_ids()))
    cap_measure = next(r.measure for r in rows_ if r.measure.id == row["cap_measure_id"])
    assert nn.cap in cap_measure.text and any(a.text == nn.cap for a in cap_measure.amounts)
    assert "上限" in render_comparison("q", rows, "markdown")      # people read the kind in words


def test_a_deadline_without_a_year_shows_as_written_and_a_dated_one_wins(searcher):
    # round 22's audit: a page with no date of its own left 请于6月30日前申报 out of the deadline cell, which then
    # read as "no deadline"; the words as written say what the page says
    from zhengce.records import Deadline
    hit = next(h for h in searcher.search("众创空间 房租", top_k=5) if h.region.place == "南宁市")
    s = hit.start
    undated = Deadline(text="6月30日前", start=s + 1, end=s + 7, kind="by")
    dated = Deadline(text="2016年12月31日前", start=s + 9, end=s + 21, kind="by", date="2016-12-31")
    hit.deadlines = [undated]
    out = summarize([hit])
    assert out["deadline"] == "6月30日前" and out["evidence"]["deadline"]["item"] == "6月30日前"
    hit.deadlines = [undated, dated]
    assert summarize([hit])["deadline"] == "2016-12-31"


def test_a_steps_days_are_no_term_and_an_action_day_starts_the_row(searcher):
    from zhengce.records import Deadline
    hit = next(h for h in searcher.search("众创空间 房租", top_k=5) if h.region.place == "南宁市")
    s = hit.start
    # 审核后10个工作日内拨付: a step's time in days fills no 期限 cell; 3年内 (a term) does
    hit.deadlines = [Deadline(text="10个工作日内", start=s + 1, end=s + 8, kind="within", duration="P10D")]
    assert summarize([hit])["duration"] is None
    hit.deadlines = [Deadline(text="3年内", start=s + 1, end=s + 4, kind="within", duration="P3Y")]
    assert summarize([hit])["duration"] == "3年"
    # 第一期于6月15日开抢: the day it happens is where the row starts
    hit.deadlines = [Deadline(text="6月15日", start=s + 1, end=s + 6, kind="on", date="2024-06-15")]
    out = summarize([hit])
    assert out["start"] == "2024-06-15" and out["deadline"] is None
