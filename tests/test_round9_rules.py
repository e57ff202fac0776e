"""Rules added in round 9: the bodies of county and district pages (township governments, street
offices, 镇(街) groups) and the verbs that pass a file up the line. Cases are written here from the
spec, not copied from gold pages."""
from __future__ import annotations

import pytest

from zhengce.nlp.units import find_units


def units(text: str) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in find_units(text)]


@pytest.mark.parametrize("text, expected", [
    # a township government after 由 is one body; what it passes the file to is another (since round 13 the
    # body a file goes to for 审核/审批 certifies it: no gold reader of the tune pages calls it a receiver)
    ("由镇人民政府(街道办事处)初审后报县人社局审核。",
     [("镇人民政府(街道办事处)", "certifier"), ("县人社局", "certifier")]),
    ("申请人向所在社区提出申请,社区初审后报街道办事处审核。", [("街道办事处", "certifier")]),
    ("由申请人户籍所在地乡镇人民政府初审后报县民政局审批。",
     [("乡镇人民政府", "certifier"), ("县民政局", "certifier")]),
    # 并会同 opens a clause, never a name
    ("由区人力资源社会保障局受理，并会同区财政局审核。", [("区人力资源社会保障局", "receiver"), ("区财政局", "co")]),
])
def test_passing_a_file_up_is_no_part_of_a_name(text, expected):
    # 初审后报…: the scan had run a name from the first body through the verb to the second
    assert units(text) == expected


def test_town_government_takes_no_county_prefix():
    # a page of a county (level prefix 县) names the township government as written, never 县镇人民政府
    got = find_units("申请人向户籍所在地镇人民政府提出申请。", level_prefix="县")
    assert [u.name for u in got] == ["镇人民政府"]


@pytest.mark.parametrize("text, expected", [
    ("县乡村振兴局牵头,县财政局、各乡镇配合。", [("县乡村振兴局", "lead"), ("县财政局", "co"), ("各乡镇", "co")]),
    ("区人社局牵头,各镇(街)配合。", [("区人社局", "lead"), ("各镇(街)", "co")]),
    ("各镇街负责组织申报。", [("各镇街", "administrator")]),
    ("各镇(街)负责做好申报企业的初审工作。", [("各镇(街)", "administrator")]),
])
def test_lower_governments_as_a_group_and_the_bodies_listed_before_them(text, expected):
    assert units(text) == expected


def test_one_government_alone_counts_only_when_charged_with_a_task():
    # round 18: a government given a task implements (spec); one that only promulgates stays out
    assert units("县人民政府负责组织实施。") == [("县人民政府", "administrator")]
    assert units("县人民政府印发了《实施方案》。") == []


def test_score_groups_add_up_to_the_split_totals():
    # bench/score_dev2.py --groups: the "all" group is the split itself, and a group never names a document
    import importlib.util
    from pathlib import Path

    repo = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("score_dev2_groups", repo / "bench" / "score_dev2.py")
    sd = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sd)
    if not sd.DEV2.is_dir():
        pytest.skip(f"{sd.DEV2} is absent (set ZHENGCE_DEV2_CORPUS)")
    groups = {"index": sd._index()}
    result = sd.run("tune", False, None, groups)
    whole = groups[("tune", "all")]
    assert whole["docs"] == result["documents"]
    for f in sd.GROUP_FIELDS:
        assert whole[f].as_dict()["f1"] == result["fields"][f]["f1"], f
    table = sd.format_groups(groups, ("tune",))
    assert table.splitlines()[2].startswith(f"all ({result['documents']})")
    assert "dev2-" not in table


def test_full_width_decimal_point_in_money_and_percentages():
    # a page typed in full-width digits writes its decimal point full-width too: １，２８６．４万元 is 12,864,000
    from zhengce.nlp.extract import extract_text

    got = [(a.value_yuan, a.percent) for m in extract_text("本批次兑付补贴资金１，２８６．４万元，补助比例为３０．５％。")
           for a in m.amounts]
    assert got == [(12864000.0, None), (None, 30.5)]


@pytest.mark.parametrize("text, iso", [("对登记失业半年以上的人员给予补贴。", "P6M"), ("招用失业1年以上人员的企业", "P1Y")])
def test_unemployment_length_is_a_duration(text, iso):
    from zhengce.nlp.deadlines import find_durations

    assert [d.duration for d in find_durations(text)] == [iso]


@pytest.mark.parametrize("text, name", [
    ("由市农业农村局农机化服务中心受理申请。", "市农业农村局农机化服务中心"),
    ("县人社局就业服务中心负责登记。", "县人社局就业服务中心"),
])
def test_a_bureaus_own_centre_is_one_body(text, name):
    # like 市公安局交通管理支队: the centre a bureau runs, written on after it
    assert [u.name for u in find_units(text)] == [name]


def test_provisions_run_on_after_a_lead_in_in_one_paragraph():
    # the lead-in paragraph (为…,现就有关事项通知如下:) ended and the provisions followed without a break:
    # the whole paragraph had been one preamble item
    from zhengce.nlp.extract import extract_text

    page = ("关于进一步支持创业的通知\n为进一步促进创业带动就业,结合我市实际,现就有关事项通知如下:对首次创业的高校毕业生,"
            "给予一次性创业补贴1万元。对创业孵化基地,按照实际入驻企业数给予每户2000元的补贴。同时符合相关条件的,"
            "可叠加享受。\n一、申请条件\n(一)在本市登记注册。\n")
    got = [(m.kind, m.text[:8]) for m in extract_text(page)]
    assert got[1:4] == [("preamble", "为进一步促进创业"), ("measure", "对首次创业的高校"), ("measure", "对创业孵化基地,")]
    # a scope sentence or a feedback channel after a lead-in stays in it
    for aside in ("本办法适用于全市各类企业。", "实施过程中遇到的问题,请径向区经济促进局反映。"):
        items = extract_text("为促进就业,制定本办法。" + aside + "\n一、申请条件\n(一)在本市登记注册。\n")
        assert items[0].kind == "preamble" and items[1].kind == "heading", aside


def test_a_table_read_one_cell_per_line_is_no_link_list():
    # a 政务公开标准目录 copied one cell per line: short lines, no full stop, no amount — yet a policy table
    from zhengce.nlp.extract import extract_text
    from zhengce.nlp.kinds import not_policy

    table = ("序号\n事项名称\n公开内容\n公开依据\n公开时限\n公开主体\n1\n就业失业登记\n办理条件、办理流程\n"
             "《就业服务与就业管理规定》\n信息形成之日起20个工作日内\n县人社局\n")
    links = "首页\n新闻中心\n政务公开\n办事服务\n互动交流\n关于我们\n网站地图\n联系我们\n"
    assert not_policy(table, extract_text(table)) is False
    assert not_policy(links, extract_text(links)) is True


@pytest.mark.parametrize("line", [
    "▶ 智诚知识产权 · 专业代理各级资助申报，不成功不收费！",
    "11年专业代理免费咨询:15855157003(微信同号)",
    "【本文仅展示部分内容，查看全文请登录或注册会员，VIP会员可下载Word版】",
    "点击上方蓝字「湾区个税通」关注我们，每天为你解读最新财税政策",
    "猜你关注：宁波养老院收费标准一览 | 老人护理保险怎么买划算",
    "本站所有内容均由网友编辑，仅供参考。",
    "[1] 宁波市鄞州区人民政府网．2019-12-30［引用日期2021-06-11］",
])
def test_a_reposting_sites_own_lines_are_chrome(line):
    # adverts, paywall notes, a WeChat account's asks and wiki apparatus around a reposted policy
    from zhengce.ingest.document import normalize_bytes

    body = "对首次通过认定的高新技术企业，由区科技局审核后，区财政按规定一次性给予30万元奖励，奖励资金分两年拨付。\n"
    doc = normalize_bytes(("高企奖励政策\n" + body + body.replace("30", "10") + line + "\n").encode(), source="x.txt")
    assert line[:8] not in doc.text and "给予30万元奖励" in doc.text and "给予10万元奖励" in doc.text


def test_a_space_inside_a_number_never_makes_zero_yuan():
    # spec: nothing is guessed, never 0 — 1 0000元 is 10,000 (the copy put a space inside); zeros alone stay raw
    from zhengce.nlp.extract import extract_text

    got = [(a.text, a.value_yuan, a.raw_text) for t in ("每套额外补贴1 0000元。", "补贴0000元。")
           for m in extract_text(t) for a in m.amounts]
    assert got == [("1 0000元", 10000.0, None), ("0000元", None, "0000")]


def test_a_window_in_the_next_year():
    from zhengce.nlp.deadlines import find_deadlines

    got = find_deadlines("逾期未申领的,可于次年1月1日至3月31日补充申领。", issue_date="2024-04-08")
    assert [(d.kind, d.start_date, d.end_date) for d in got] == [("span", "2025-01-01", "2025-03-31")]


def test_a_document_quoted_after_its_frame_is_cut_like_the_document():
    # 《办法》明确:“对…给予…;对…” — the quotation held its provisions as one clause
    from zhengce.nlp.extract import extract_text

    page = ("根据《黄埔区促进高新技术企业发展办法》第八条：“对首次通过认定的高新技术企业，给予30万元奖励；"
            "对有效期满后重新通过认定的高新技术企业，给予10万元奖励。”\n")
    got = [(m.kind, m.text[:6]) for m in extract_text(page)]
    assert got == [("other", "根据《黄埔区"), ("measure", "“对首次通过"), ("measure", "对有效期满后")]
    got = [(m.kind, m.text[:5]) for m in extract_text("一、专利培育\n《办法》明确：“对新认定的示范中心，给予最高100万元资助。”\n")]
    assert got[1:] == [("other", "《办法》明"), ("measure", "“对新认定")]


def test_a_link_of_no_break_spaces_shares_at_most_its_line():
    # found by the property test: <a>0&nbsp; counted the no-break space as a link character the line had not
    from zhengce.ingest.html import read_page

    page = read_page("<a>0\xa0")
    assert page.lines == ["0"] and page.link_share == [1.0]
