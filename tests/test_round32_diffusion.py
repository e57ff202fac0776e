"""Round 32's audit of the diffusion analyses on the tune pages: panels that honour their filters, drafts and
context items that never adopt, the province apart from its places, reuse between provisions only, edges
that say when their direction is unknown, timeline tables that show what a reader needs to judge a row."""
from __future__ import annotations

import pytest

from test_diffusion import FIXTURE, GX, HB, Q, RENT_LZ, RENT_NN, UNRELATED, _doc
from zhengce.diffusion import diffusion, instrument_mix, panel, similar, timeline, write_edges, write_panel
from zhengce.diffusion import reuse as R
from zhengce.records import Region
from zhengce.store import Store

GD = "广东省"
RENT_GZ = ("对经认定的众创空间，按照其实际缴纳房租的百分之四十给予房租补贴，每个众创空间每年最高补贴二十万元，"
           "补贴期限不超过两年，由区科技部门负责审核拨付。")
RENT_HB = ("对省级众创空间按照实际缴纳房租的百分之三十给予房租补贴，单个众创空间每年补贴不超过十万元，"
           "所需资金由省级科技专项资金列支。")
DRAFT_NOTE = "梧州市科技局就《梧州市众创空间扶持办法（征求意见稿）》公开征求意见，意见征求截止至6月30日。"
NEWS_HB = "河北日报讯（记者王璐丹）近日，省科技厅公布众创空间房租补贴名单，对众创空间给予房租补贴。"
HEAD_TS = "第三条 众创空间房租补贴资金的使用应遵循公开、公正、企业直接受益的原则"

EXTRA = [
    # Guangdong: an adopter and a place at risk that never adopts
    _doc("gz", Region(GD, "广州市", None, "city", "440100"), "2018-03-01", [("measure", RENT_GZ)]),
    _doc("sz", Region(GD, "深圳市", None, "city", "440300"), "2016-01-01", [("measure", UNRELATED)]),
    # drafts for public comment: one says so in its title, one only in its opening
    _doc("yl", Region(GX, "玉林市", None, "city", "450900"), "2014-05-05", [("measure", RENT_NN)]),
    _doc("wz", Region(GX, "梧州市", None, "city", "450400"), "2014-06-06",
         [("preamble", DRAFT_NOTE), ("measure", RENT_LZ)]),
    # context items answering the question: a news sentence, a heading
    _doc("hbn", Region(HB, None, None, "province", "130000"), "2014-01-01", [("news", NEWS_HB)]),
    _doc("ts", Region(HB, "唐山市", None, "city", "130200"), "2014-03-03", [("heading", HEAD_TS)]),
    # the provincial government adopts before its city 保定市 (2019)
    _doc("hbp", Region(HB, None, None, "province", "130000"), "2016-02-02", [("measure", RENT_HB)]),
]
EXTRA[2].document.title = "玉林市众创空间房租补贴办法（征求意见稿）"
EXTRA[3].document.title = "梧州市众创空间扶持办法"


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    from zhengce.index.search import Searcher

    st = Store(tmp_path_factory.mktemp("r32") / "zc")
    for ex in FIXTURE + EXTRA:
        st.upsert(ex)
    s = Searcher(st)
    s.sync()
    return s


def _row(df, place, year):
    return df[(df.place == place) & (df.year == year)].iloc[0]


def _listed(tl) -> dict[str, set]:
    return {k: {a.doc_id for a in getattr(tl, k, [])} for k in ("adoptions", "undated", "national", "unplaced", "drafts")}


# ---------------------------------------------------------------- 1. the panel's places honour its filters
def test_panel_places_are_the_filters_places(searcher):
    df = panel(searcher, Q, filters={"province": "广东"})
    # 51 places of every province had been listed, those outside Guangdong coded as never adopting
    assert set(df["place"]) == {"广州市", "深圳市"} and set(df["province"]) == {GD}
    assert _row(df, "广州市", 2018).adopt_now == 1 and (df.loc[df.place == "深圳市", "adopted"] == 0).all()
    assert set(panel(searcher, Q, filters={"level": "province"})["place"]) == {"青海省", HB}
    # instrument and has_amount choose the adopting measure, not who could adopt: the risk set stays whole
    assert set(panel(searcher, Q, filters={"instrument": "rent_subsidy"})["place"]) == set(panel(searcher, Q)["place"])


# ---------------------------------------------------------------- 2. date filters bound the panel's years
def test_a_date_window_bounds_the_years_not_the_first_adoption(searcher):
    df = panel(searcher, Q, filters={"date_from": "2018"})
    assert sorted(df["year"].unique()) == [2018, 2019]
    # 南宁 adopted in 2016: adopted all through the window, never adopting again in it (had read 2018, its
    # second document, as its adoption)
    nn = _row(df, "南宁市", 2018)
    assert (nn.adopted, nn.adopt_now, nn.adoption_year, nn.doc_id) == (1, 0, 2016, "nn1")
    assert _row(df, "柳州市", 2018).prior_adopters_province == 1 and _row(df, "保定市", 2019).adopt_now == 1
    late = panel(searcher, Q, filters={"date_to": "2017"})
    assert late["year"].max() == 2017
    # 保定 adopts in 2019, after the window: not seen adopting (right-censored), its adoption not told
    assert late.loc[late.place == "保定市", "adopted"].eq(0).all() and late.loc[late.place == "保定市", "adoption_year"].isna().all()
    assert late.attrs["filters"]["date_to"] == "2017-12-31"


def test_a_timeline_says_when_its_dates_bound_the_adoptions(searcher, capsys):
    from zhengce.cli import main

    tl = timeline(searcher, Q, filters={"date_from": "2017"})
    assert tl.to_dict()["adoption_window"] == {"date_from": "2017-01-01", "date_to": None}
    assert timeline(searcher, Q).to_dict()["adoption_window"] is None
    assert main(["timeline", Q, "--store", str(searcher.store.path), "--date-from", "2017"]) == 0
    head = capsys.readouterr().out.splitlines()[0]
    assert "first answering document issued from 2017-01-01 on" in head and "not necessarily its first ever" in head


# ---------------------------------------------------------------- 3. drafts for public comment never adopt
def test_drafts_are_listed_apart_never_adopt(searcher, tmp_path):
    tl = timeline(searcher, Q)
    got = _listed(tl)
    assert {"yl", "wz"} <= got["drafts"] and not ({"yl", "wz"} & (got["adoptions"] | got["undated"]))
    assert [a.doc_id for a in tl.drafts][:2] == ["yl", "wz"]            # earliest first
    assert all(p not in {"玉林市", "梧州市"} for p in tl.curve()["全部"])
    df = panel(searcher, Q)
    assert df.loc[df.place.isin(["玉林市", "梧州市"]), "adopted"].eq(0).all()    # at risk, never adopting
    import jsonschema

    from zhengce.schemas import load_schema

    doc = tl.to_dict()
    jsonschema.validate(doc, load_schema("timeline"))
    assert {a["doc_id"] for a in doc["drafts"]} >= {"yl", "wz"}


def test_is_draft_reads_title_and_opening_not_a_final_saying_it_was_consulted():
    from zhengce.diffusion.timeline import is_draft
    from zhengce.records import Document

    def doc(title, text):
        return Document(source="x", text=text, original_text=text, title=title)

    assert is_draft(doc("闵行区关于产业高质量发展的政策意见 (征求意见稿)", "为深入贯彻落实…"))
    assert is_draft(doc("最高200万元奖补!支持创新创业孵化载体高质量发展,郑州公开征求意见", "郑州又对创新创业有奖补了"))
    assert is_draft(doc(None, "日前，区经信局发布通知，对企业绿色发展资助奖励征求意见。意见征求截止至2月27日。"))
    assert not is_draft(doc("南宁市众创空间扶持办法", "本办法经公开征求意见、合法性审查，市政府常务会议审议通过。"))
    assert not is_draft(doc("南宁市众创空间扶持办法", "第一条 " + "对众创空间给予补贴。" * 80 + "(征求意见稿)"))


# ---------------------------------------------------------------- 4. only provisions adopt
def test_news_headings_and_other_items_never_adopt(searcher):
    tl = timeline(searcher, Q)
    every = set().union(*_listed(tl).values())
    assert not {"hbn", "ts"} & every          # 河北省 had "adopted" in 2014 from a news sentence
    hb = next(a for a in tl.adoptions if a.place == HB)
    assert (hb.doc_id, hb.date) == ("hbp", "2016-02-02")
    st = searcher.store
    kinds = {(r.doc.doc_id, r.measure.id): r.measure.kind for r in st.iter_measure_rows()}
    assert {kinds[(a.doc_id, a.measure_id)] for xs in (tl.adoptions, tl.undated, tl.national, tl.drafts)
            for a in xs} <= set(R.KINDS) == {"measure", "goal"}
    # the instrument mix and the reuse edges read the same answering provisions
    assert "唐山市" not in {r["place"] for r in instrument_mix(st, searcher=searcher, question=Q)}
    assert not {"hbn", "ts"} & {d for e in diffusion(searcher, Q) for d in (e.source, e.target)}


# ---------------------------------------------------------------- 5. the province is no peer of its places
def test_prior_adopters_count_places_below_the_province_and_the_province_has_its_own_variable(searcher, tmp_path):
    import pandas as pd

    df = panel(searcher, Q)
    bd = _row(df, "保定市", 2019)
    assert bd.prior_adopters_province == 0                    # 河北省 (2016) had counted as a peer
    assert (bd.province_before, _row(df, "保定市", 2015).province_before, _row(df, "保定市", 2016).province_before) == (1, 0, 1)
    assert _row(df, "南宁市", 2019).province_before == 0       # 广西's government never adopted
    assert df.loc[df.level == "province", "province_before"].isna().all()    # a province has no province above it
    assert _row(df, HB, 2019).prior_adopters_province == 0 and _row(df, "桂林市", 2018).prior_adopters_province == 2
    write_panel(df, tmp_path / "p.csv")
    dic = pd.read_csv(tmp_path / "p.dictionary.csv", encoding="utf-8-sig").set_index("variable")
    assert "province_before" in dic.index and "below the province" in dic.loc["prior_adopters_province", "description"]
    from zhengce.diffusion.panel import PANEL_VERSION

    assert df.attrs["panel_version"] == PANEL_VERSION


# ---------------------------------------------------------------- 6. reuse: boilerplate lines, provisions only
def _store(tmp_path, docs) -> Store:
    st = Store(tmp_path / "zc")
    for ex in docs:
        st.upsert(ex)
    return st


NM, NX = Region("内蒙古自治区", None, None, "province", "150000"), Region("宁夏回族自治区", None, None, "province", "640000")
LN, ZQ = Region("辽宁省", None, None, "province", "210000"), Region("广东省", "肇庆市", None, "city", "441200")


@pytest.mark.parametrize("a, b", [
    ("附件:1.2021年度自治区级科技企业孵化器名单", "附件:1.2021年度认定自治区科技企业孵化器名单"),
    ("《办法》共12条,主要包括以下几个方面内容:", "《实施细则》共九条,主要包括以下几个方面:"),
    ("各县(市、区)人民政府,市政府各部门,各管委会,市级各双管单位:", "各县(市、区)人民政府,市政府各部门,市直各单位:"),
])
def test_attachment_lead_in_and_addressee_lines_are_no_reuse(tmp_path, a, b):
    # a store this small down-weights nothing by document frequency: the boilerplate rules alone keep them out
    st = _store(tmp_path, [_doc("a", NM, "2021-12-20", [("measure", a)]), _doc("b", NX, "2022-03-03", [("measure", b)])])
    assert similar(st, "a-0") == [] and similar(st, text=a) == []
    assert R.ReuseIndex(st).manifest["format"] == R.FORMAT == 3


def test_the_boilerplate_rules_leave_a_provision_its_wording():
    from zhengce.diffusion.shingles import clean

    # a colon-led provision keeps its words; only the addressee line and the explainer's lead-in go
    assert clean("对符合以下条件的企业给予奖励:") == "对符合以下条件的企业给予奖励"
    assert clean("各县区要加强组织领导，确保政策落实到位。") == "各县区要加强组织领导确保政策落实到位"
    assert clean("申报材料见附件1。") == "申报材料见附件#"


def test_reuse_is_between_provisions_and_a_context_query_is_refused(tmp_path):
    from zhengce.errors import InvalidParam

    head = "第三条 补贴资金的使用应遵循公开、公正、农民直接受益的原则，任何单位不得截留挤占挪用。"
    st = _store(tmp_path, [_doc("n", Region(level="national"), "2005-01-01", [("heading", head), ("other", RENT_NN)]),
                           _doc("w", Region("湖北省", "武汉市", None, "city", "420100"), "2010-01-01",
                                [("measure", head), ("measure", RENT_NN + "（武汉）")])])
    # `other` items (contacts, addressees, definitions) are not indexed: nothing elsewhere reuses 武汉's measure
    assert similar(st, "w-1") == []
    assert [r.doc_id for r in similar(st, "w-0")] == []          # the heading is not indexed either
    with pytest.raises(InvalidParam, match="heading"):
        similar(st, "n-0")
    from zhengce.index.search import Searcher

    s = Searcher(st)
    s.sync()
    assert diffusion(s, "补贴资金 公开 公正") == []     # a heading had ended an edge


# ---------------------------------------------------------------- 7. undirected edges say so
def test_edges_whose_order_is_unknown_are_undirected_for_gephi(tmp_path):
    import pandas as pd

    from zhengce.index.search import Searcher

    docs = [_doc("nn", Region(GX, "南宁市", None, "city", "450100"), "2016-06-13", [("measure", RENT_NN)]),
            _doc("lz", Region(GX, "柳州市", None, "city", "450200"), "2017-03-01", [("measure", RENT_LZ)]),
            _doc("gl", Region(GX, "桂林市", None, "city", "450300"), "2016-06-13", [("measure", RENT_LZ + "此条")]),
            _doc("bs", Region(GX, "百色市", None, "city", "451000"), None, [("measure", RENT_NN + "再次明确")])]
    s = Searcher(_store(tmp_path, docs))
    s.sync()
    edges = {(e.source, e.target): e for e in diffusion(s, Q)}
    types = {frozenset(k): (e.ordered, e.type) for k, e in edges.items()}
    assert types[frozenset(("nn", "lz"))] == (1, "Directed") and ("nn", "lz") in edges
    assert types[frozenset(("nn", "gl"))] == (0, "Undirected")          # the same day: who copied whom is unknown
    assert types[frozenset(("nn", "bs"))] == (0, "Undirected")          # undated
    e = pd.read_csv(write_edges(list(edges.values()), tmp_path / "e.csv"), encoding="utf-8-sig")
    assert set(e["type"]) == {"Directed", "Undirected"} and (e["type"].eq("Directed") == e["ordered"].eq(1)).all()


# ---------------------------------------------------------------- 8. timeline tables and messages
def test_timeline_tables_show_titles_and_dates_and_an_empty_one_says_why(searcher, capsys):
    from zhengce.cli import main

    store = str(searcher.store.path)
    assert main(["timeline", Q, "--store", store]) == 0
    out = capsys.readouterr().out
    blocks = out.split("\n\n")
    adopt = blocks[0].splitlines()
    assert "title" in adopt[1] and "hbp 文件" in out               # the adoption table names its documents
    nat = next(b for b in blocks if b.startswith("national"))
    assert "date" in nat.splitlines()[1] and "2015-06-01" in nat     # the national date drives national_before
    drafts = next(b for b in blocks if b.startswith("drafts"))
    assert "玉林市众创空间房租补贴办法" in drafts
    assert main(["timeline", "xyzzy", "--store", store]) == 0
    res = capsys.readouterr()
    assert "no measure matches this question" in res.err and "───" not in res.out


def test_curve_note_counts_only_places_known_from_undated_documents(tmp_path):
    from zhengce.diffusion.plots import curve_note
    from zhengce.diffusion.timeline import Adoption, Timeline

    def a(place, date):
        return Adoption(place, None, None, "city", None, date, place + (date or ""), None, None, "m", "t", 0, 1, 1.0, "s")

    tl = Timeline(Q, 0.5, adoptions=[a("南宁市", "2016-01-01")], undated=[a("南宁市", None), a("柳州市", None)],
                  drafts=[a("玉林市", "2014-05-05")])
    note = curve_note(tl)
    assert "另有 1 个地区仅有无日期文件" in note and "1 份征求意见稿不计" in note


# ---------------------------------------------------------------- 9. the dictionary says what was read
def test_panel_dictionary_and_attrs_record_filters_and_not_policy(searcher, tmp_path):
    import pandas as pd

    df = panel(searcher, Q, filters={"province": "广西"}, include_not_policy=True)
    assert df.attrs["filters"] == {"province": GX} and df.attrs["include_not_policy"] is True
    write_panel(df, tmp_path / "p.csv")
    dic = pd.read_csv(tmp_path / "p.dictionary.csv", encoding="utf-8-sig").set_index("variable")["description"]
    assert "district" in dic["place"] and "province=广西壮族自治区" in dic["place"]
    assert "province=广西壮族自治区" in dic["adopted"] and "not_policy" in dic["adopted"]
    from zhengce.diffusion.panel import COLUMNS

    assert "district" in COLUMNS["place"][1]


# ---------------------------------------------------------------- 10. instrument shares
def test_instrument_shares_are_of_type_tags_as_documented(tmp_path):
    two = _doc("t", Region(GX, "南宁市", None, "city", "450100"), "2016-01-01",
               [("measure", RENT_NN), ("measure", UNRELATED)])
    two.measures[0].instrument_types = ["supply", "demand"]      # a measure of two types counts once in each
    row = instrument_mix(_store(tmp_path, [two]))[0]
    assert (row["measures"], row["typed"], row["supply"], row["demand"], row["environment"]) == (2, 2, 1, 1, 1)
    assert (row["supply_share"], row["demand_share"], row["environment_share"]) == (0.333, 0.333, 0.333)
    # (shares of typed measures would read 0.5, 0.5, 0.5: the documented definition is the one computed)
    assert abs(row["supply_share"] + row["demand_share"] + row["environment_share"] - 1) < 0.01


def test_each_adoption_says_whether_its_document_or_only_its_page_gives_the_date(tmp_path):
    # a repost's upload day or a byline can postdate the policy by years: the timeline, its table and the panel say so
    from zhengce.index.search import Searcher

    st = Store(tmp_path / "zc")
    page = _doc("pg", Region(GD, "佛山市", None, "city", "440600"), "2024-07-13", [("measure", RENT_GZ)])
    page.document.issue_date_source = "page"
    own = _doc("gz", Region(GD, "广州市", None, "city", "440100"), "2018-03-01", [("measure", RENT_GZ + "再次明确。")])
    own.document.issue_date_source = "document"
    for ex in (page, own):
        st.upsert(ex)
    s = Searcher(st)
    s.sync()
    tl = timeline(s, Q, min_match=0.1)
    got = {a.place: a.to_dict()["date_source"] for a in tl.adoptions}
    assert got == {"佛山市": "page", "广州市": "document"}
    df = panel(s, Q, min_match=0.1)
    assert set(df[df.adopted == 1].groupby("place").adoption_date_source.first().items()) == \
        {("佛山市", "page"), ("广州市", "document")}


def test_the_timeline_page_lists_drafts_apart(searcher):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from zhengce.web.app import create_app

    with TestClient(create_app(searcher.store.path, warm=False), base_url="http://127.0.0.1") as c:
        page = c.get("/timeline", params={"q": Q, "min_match": 0.1}).text
    assert 'id="drafts"' in page and "征求意见稿" in page


def test_a_scrap_of_an_item_answers_nothing(tmp_path):
    # a review: 可以吗 (a question the function-word check let through) "adopted" a damaged item ?。 at match 1.00
    from zhengce.index.search import Searcher

    st = Store(tmp_path / "zc")
    st.upsert(_doc("tz", Region("浙江省", "台州市", None, "city", "331000"), "2023-12-06",
                   [("measure", "?。"), ("measure", RENT_GZ)]))
    s = Searcher(st)
    s.sync()
    tl = timeline(s, "众创空间 房租补贴 ?", min_match=0.0)
    assert all(len(a.measure.strip("?。 ")) > 0 for a in tl.adoptions + tl.undated)


@pytest.mark.parametrize("opening,draft", [
    ("现将《办法（征求意见稿）》全文公布，公开征求意见。", True),
    # a second review: a draft notice's own words (广泛听取, 起草, 请提出修改意见, 进行了修订) still mark a draft
    ("为广泛听取社会各界意见，现将《办法（征求意见稿）》向社会公开征求意见。", True),
    ("我局起草了《办法（征求意见稿）》，现向社会公开征求意见。", True),
    ("现将《办法（征求意见稿）》印发给你们，请提出修改意见。", True),
    ("对办法进行了修订，形成征求意见稿，现公开征求意见。", True),
    # a review: a final policy telling how it was consulted is no draft
    ("《办法》于2022年3月向社会公开征求意见，现正式印发。", False),
    ("与征求意见稿相比，正式印发的《办法》主要作了以下修改。", False),
    ("本办法起草过程中，先后两次公开征求意见并进行了合法性审查。", False),
])
def test_a_final_policy_telling_its_consultation_is_no_draft(opening, draft):
    from types import SimpleNamespace as NS

    from zhengce.diffusion.timeline import is_draft

    assert is_draft(NS(title="关于众创空间的管理办法", text=opening + "对众创空间给予房租补贴。")) is draft
