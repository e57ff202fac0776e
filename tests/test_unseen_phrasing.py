"""Extraction on phrasing from places outside the corpus.

The extractor was tuned on the seeds and the dev corpus; these cases are written in the
style of 实施意见 / 办法 / 细则 / 通知 from other provinces and cities (none of the sentences
is taken from the corpus). Each case states what a researcher reading the sentence would
record: the money value and its kind, the deadline and its ISO date, the responsible units
and their roles, the measure's place in the numbering, the quantitative target.

Texts go through ingest's normalizer first (traditional script, full-width digits), as in
``zhengce extract``, except where a test feeds bare text on purpose.
"""
from __future__ import annotations

import re

import pytest

from zhengce.ingest.normalize import normalize
from zhengce.nlp.amounts import find_amounts
from zhengce.nlp.deadlines import find_deadlines, find_durations
from zhengce.nlp.extract import extract_text
from zhengce.nlp.measures import split_measures
from zhengce.nlp.targets import find_targets
from zhengce.nlp.units import find_units


# Every case runs twice: with the ASCII punctuation written here, and with the full-width
# ，；：（） that real government pages use (ingest keeps punctuation width as found).
_FW = str.maketrans({";": "；", "(": "（", ")": "）", "!": "！", "?": "？"})
_BACK = str.maketrans({"，": ",", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?", "：": ":"})
_COLON_RE = re.compile(r"(?<!\d):(?!\d)")
_COMMA_RE = re.compile(r"(?<!\d),(?!\d{3})")   # 1,000 keeps its thousands separator
_MODE = {"punct": "ascii"}


@pytest.fixture(autouse=True, params=["ascii", "fullwidth"])
def punctuation(request):
    _MODE["punct"] = request.param
    yield request.param
    _MODE["punct"] = "ascii"


def styled(s: str) -> str:
    if _MODE["punct"] == "fullwidth":
        return _COMMA_RE.sub("，", _COLON_RE.sub("：", s)).translate(_FW)
    return s


def norm(s: str) -> str:
    return normalize(styled(s)).text


def _back(ms):
    """Measures of the styled text, with text/title/path read back in ASCII punctuation."""
    for m in ms:
        m.text, m.path = m.text.translate(_BACK), [p.translate(_BACK) for p in m.path]
        m.title = m.title.translate(_BACK) if m.title else m.title
        for item in (*m.amounts, *m.deadlines, *m.units, *m.targets):
            item.text = item.text.translate(_BACK)
        for u in m.units:
            u.name = u.name.translate(_BACK)
    return ms


def split(text: str):
    t = styled(text)
    ms = split_measures(t)
    for m in ms:
        assert t[m.start:m.end] == m.text
    return _back(ms)


def extract(text: str, **kw):
    t = styled(text)
    ms = extract_text(t, **kw)
    for m in ms:
        assert t[m.start:m.end] == m.text
        for item in (*m.amounts, *m.deadlines, *m.units, *m.targets):
            assert t[item.start:item.end] == item.text
    return _back(ms)


def amounts(raw: str, *, normalized: bool = True):
    text = norm(raw) if normalized else raw
    out = find_amounts(text)
    for a in out:
        assert text[a.start:a.end] == a.text
        a.text = a.text.translate(_BACK)
    return out


def amount_with(raw: str, needle: str, *, normalized: bool = True):
    """The one amount whose text contains ``needle`` (the number as written)."""
    got = [a for a in amounts(raw, normalized=normalized) if needle in a.text]
    assert len(got) == 1, (needle, [a.text for a in amounts(raw, normalized=normalized)])
    return got[0]


def deadlines(raw: str, issue_date: str | None = None):
    text = norm(raw)
    out = find_deadlines(text, issue_date=issue_date)
    for d in out:
        assert text[d.start:d.end] == d.text
        d.text = d.text.translate(_BACK)
    return out


def deadline_with(raw: str, needle: str, issue_date: str | None = None):
    got = [d for d in deadlines(raw, issue_date) if needle in d.text]
    assert len(got) == 1, (needle, [d.text for d in deadlines(raw, issue_date)])
    return got[0]


def period_with(raw: str, needle: str) -> str:
    """The ISO length read for ``needle``: a benefit duration (``durations``, spec "Deadlines and
    periods") or, for 在…内 limits bound to an action, a ``within`` deadline."""
    text = norm(raw)
    got = [d.duration for d in find_durations(text) if needle in d.text.translate(_BACK)]
    got += [d.duration for d in deadlines(raw) if d.kind == "within" and needle in d.text]
    assert len(got) == 1, (needle, got, [d.text for d in find_durations(text)])
    return got[0]


def units(raw: str, prefix: str | None = None, lead_rule: bool = False):
    text = norm(raw)
    us = find_units(text, 0, len(text), level_prefix=prefix, lead_rule=lead_rule)
    for u in us:
        assert text[u.start:u.end] == u.text
    return [(u.name.translate(_BACK), u.role) for u in us]


def targets(raw: str, issue_date: str | None = None):
    text = norm(raw)
    out = find_targets(text, issue_date=issue_date)
    for t in out:
        assert text[t.start:t.end] == t.text
        t.text = t.text.translate(_BACK)
    return out


# ------------------------------------------------------------------ amounts: grants and caps

@pytest.mark.parametrize("raw, needle, kind, value, per", [
    # the grant a company gets, and its cap
    ("对企业购置研发设备的,按照实际发生额的50%给予补助,单个企业每年最高不超过200万元。",
     "200", "cap", 2_000_000, "年"),
    ("对新认定的国家级孵化器,一次性奖励100万元。", "100", "fixed", 1_000_000, "一次性"),
    ("首次认定的国家高新技术企业,奖励30万元。", "30", "fixed", 300_000, None),
    ("给予一次性奖励10万元。", "10", "fixed", 100_000, "一次性"),
    ("一次性给予3000元创业补贴。", "3000", "fixed", 3000, "一次性"),
    ("最高可给予1000万元资助。", "1000", "cap", 10_000_000, None),
    ("贷款额度最高不超过300万元。", "300", "cap", 3_000_000, None),
    ("单笔贷款最高可达500万元。", "500", "cap", 5_000_000, None),
    ("每个项目资助金额不超过人民币50万元。", "50", "cap", 500_000, None),
    ("给予最高1亿元的股权投资支持。", "1", "cap", 100_000_000, None),
    ("补贴上限为每家企业100万元。", "100", "cap", 1_000_000, None),
    ("每家企业补助金额在5万元(含)以内。", "5", "cap", 50_000, None),
    ("给予一次性奖励二十万元。", "二十", "fixed", 200_000, "一次性"),
    ("对获评省级专精特新企业的,给予0.5万元奖励。", "0.5", "fixed", 5000, None),
    ("每年安排市级专项资金2亿元。", "2亿", "other", 200_000_000, "年"),
])
def test_grant_and_cap(raw, needle, kind, value, per):
    a = amount_with(raw, needle)
    assert a.kind == kind, a
    assert a.value_yuan == value, a
    if per is None:
        assert a.per in (None, "家", "个", "项", "笔", "企业", "项目"), a   # the counted noun (每个项目) says no rate
    else:
        assert a.per is not None and per in a.per, a


@pytest.mark.parametrize("raw, needle, value, per", [
    # per-unit rates: the researcher compares 元 per person per year across cities
    ("补助标准为每人每年3000元。", "3000", 3000, "人/年"),
    ("给予每户每月300元的生活补贴。", "300", 300, "户/月"),
    ("按每人每月500元标准给予岗位补贴。", "500", 500, "人/月"),
    ("奖励金额为1.5万元/人。", "1.5", 15_000, "人"),
    ("按照1200元/人的标准给予培训补贴。", "1200", 1200, "人"),
    ("给予1万元/月的运营补贴。", "1", 10_000, "月"),
    ("种粮大户补贴标准为每亩120元。", "120", 120, "亩"),
    ("给予500元/亩的流转补贴。", "500", 500, "亩"),
])
def test_per_unit_rates(raw, needle, value, per):
    a = amount_with(raw, needle)
    assert a.value_yuan == value, a
    assert a.per == per, a
    assert a.kind in ("per_unit", "cap"), a


def test_rent_cap_per_square_metre_per_month():
    a = amount_with("给予每平方米每月不超过20元的租金补贴。", "20")
    assert (a.kind, a.value_yuan) == ("cap", 20)
    assert a.per in ("平方米/月", "m²/月"), a


@pytest.mark.parametrize("raw, needle, percent", [
    ("按照贷款基准利率的50%给予贴息。", "50", 50.0),
    ("按其年度研发投入的10%给予补助,最高不超过500万元。", "10%", 10.0),
    ("给予不超过贷款额2%的贴息。", "2%", 2.0),
    ("资助额度为项目总投资的30%,单个项目最高3000万元。", "30%", 30.0),
    ("按实际租金的50%给予补贴,每年不超过30万元。", "50%", 50.0),
    ("按照贷款市场报价利率(LPR)的50%给予贴息。", "50%", 50.0),
])
def test_ratios(raw, needle, percent):
    a = amount_with(raw, needle)
    assert (a.kind, a.percent) == ("ratio", percent), a
    assert a.value_yuan is None


@pytest.mark.parametrize("raw, n_money, cap_value", [
    ("按其年度研发投入的10%给予补助,最高不超过500万元。", 1, 5_000_000),
    ("资助额度为项目总投资的30%,单个项目最高3000万元。", 1, 30_000_000),
    ("按实际租金的50%给予补贴,每年不超过30万元。", 1, 300_000),
])
def test_ratio_followed_by_cap(raw, n_money, cap_value):
    caps = [a for a in amounts(raw) if a.kind == "cap"]
    assert len(caps) == n_money and caps[0].value_yuan == cap_value, caps


def test_leverage_ratio():
    a = amount_with("市级财政资金按照1:1的比例给予配套。", "1:1")
    assert a.kind == "ratio" and a.ratio == 1.0, a


@pytest.mark.parametrize("raw, lo, hi", [
    ("视贡献大小给予20—50万元的奖励。", 200_000, 500_000),
    ("给予5万元至10万元的一次性补贴。", 50_000, 100_000),
    ("给予10-30万元的资助。", 100_000, 300_000),
    ("给予3000元~5000元的补贴。", 3000, 5000),
])
def test_ranges(raw, lo, hi):
    rs = [a for a in amounts(raw) if a.kind == "range"]
    assert len(rs) == 1, [a.text for a in amounts(raw)]
    assert (rs[0].min_yuan, rs[0].value_yuan) == (lo, hi), rs[0]


@pytest.mark.parametrize("raw, needle, value", [
    # conditions on who qualifies: not money given out
    ("注册资本1000万元以上的企业可以申报。", "1000", 10_000_000),
    ("上年度营业收入达到2000万元(含)以上的企业。", "2000", 20_000_000),
    ("对年纳税额超过500万元的企业,给予30万元奖励。", "500", 5_000_000),
    ("年主营业务收入首次突破1亿元的工业企业,给予50万元奖励。", "1亿", 100_000_000),
])
def test_thresholds_are_conditions(raw, needle, value):
    a = amount_with(raw, needle)
    assert (a.kind, a.value_yuan) == ("threshold", value), a


def test_threshold_then_grant():
    got = {(a.kind, a.value_yuan) for a in amounts("对年纳税额超过500万元的企业,给予30万元奖励。")}
    assert got == {("threshold", 5_000_000), ("fixed", 300_000)}


@pytest.mark.parametrize("raw, needle, value", [
    ("最高奖励 100 万元。", "100", 1_000_000),          # spaces left by scraping
    ("给予1,000万元的股权投资。", "1,000", 10_000_000),    # thousands separator
    ("給予一次性獎勵50萬元。", "50", 500_000),             # traditional script
    ("最高給予200萬元資助。", "200", 2_000_000),
    ("奖励１０万元。", "10", 100_000),                      # full-width digits, normalized
])
def test_written_forms(raw, needle, value):
    a = amount_with(raw, needle)
    assert a.value_yuan == value, a


def test_full_width_digits_in_bare_text():
    # extract_text can be fed pasted text that never went through ingest
    a = amount_with("对新认定的企业奖励１０万元。", "１０", normalized=False)
    assert (a.kind, a.value_yuan) == ("fixed", 100_000), a


@pytest.mark.parametrize("raw", [
    "到2025年,全市建成众创空间10家以上。",
    "吸纳就业50人以上的企业。",
    "租赁面积在100平方米以上的。",
    "依据《中华人民共和国科学技术进步法》第三十条。",
    "2024年3月1日起施行。",
    "市财政每年安排的资金规模见附件3。",
])
def test_no_money_where_there_is_none(raw):
    assert amounts(raw) == [], [a.text for a in amounts(raw)]


# ------------------------------------------------------------------ deadlines and periods

@pytest.mark.parametrize("raw, needle, kind, iso", [
    ("本办法自2024年1月1日起施行,有效期5年。", "2024年1月1日", "from", "2024-01-01"),
    ("本細則自2023年7月1日起施行。", "2023年7月1日", "from", "2023-07-01"),
    ("各地要在2025年底前全面完成改造任务。", "2025年底", "by", "2025-12-31"),
    ("各项目须于2024年12月31日前完成验收。", "2024年12月31日", "by", "2024-12-31"),
    ("于2024年6月底前完成首批认定。", "2024年6月底", "by", "2024-06-30"),
    ("申报截止时间为2024年8月15日。", "2024年8月15日", "by", "2024-08-15"),
    ("在2024年年底前完成清理工作。", "2024年年底", "by", "2024-12-31"),
    ("有效期至2026年12月31日。", "2026年12月31日", "until", "2026-12-31"),
    ("本政策执行至2027年12月31日。", "2027年12月31日", "until", "2027-12-31"),
])
def test_absolute_deadlines(raw, needle, kind, iso):
    d = deadline_with(raw, needle)
    assert (d.kind, d.date) == (kind, iso), d
    assert d.year_inferred is None


def test_in_force_from_issue_is_relative_start():
    d = deadline_with("本办法自印发之日起施行。", "印发之日起")
    assert d.kind == "from"


def test_in_force_with_validity_period():
    got = {(d.kind, d.date or d.duration) for d in deadlines("本办法自2024年1月1日起施行,有效期5年。")}
    assert ("from", "2024-01-01") in got
    assert period_with("本办法自2024年1月1日起施行,有效期5年。", "5年") == "P5Y"


def test_from_and_until_in_one_sentence():
    got = {(d.kind, d.date) for d in deadlines("本办法自2023年7月1日起施行,有效期至2025年6月30日。")}
    assert {("from", "2023-07-01"), ("until", "2025-06-30")} <= got


@pytest.mark.parametrize("raw, start, end", [
    ("实施期限为2024年1月1日至2026年12月31日。", "2024-01-01", "2026-12-31"),
    ("申报时间为2024年9月1日至9月30日。", "2024-09-01", "2024-09-30"),
    ("受理时间:2024年3月1日—2024年3月31日。", "2024-03-01", "2024-03-31"),
])
def test_spans(raw, start, end):
    sp = [d for d in deadlines(raw) if d.kind == "span"]
    assert len(sp) == 1, [(d.text, d.kind) for d in deadlines(raw)]
    assert (sp[0].start_date, sp[0].end_date) == (start, end), sp[0]


@pytest.mark.parametrize("raw, needle, duration", [
    ("贷款额度最高不超过300万元,贴息期限不超过2年。", "2年", "P2Y"),
    ("补贴期限最长不超过3年。", "3年", "P3Y"),
    ("自认定之日起3年内给予支持。", "3年内", "P3Y"),
    ("三年内每年给予50万元补助。", "三年内", "P3Y"),
    ("在职人员离岗创业的,5年内保留人事关系。", "5年内", "P5Y"),
    ("租金补贴期限最长为24个月。", "24个月", "P24M"),
])
def test_durations(raw, needle, duration):
    assert period_with(raw, needle) == duration


def test_working_days_are_a_duration():
    d = deadline_with("对符合条件的申请,在5个工作日内办结。", "5个工作日")
    assert d.kind == "within" and d.duration and "5" in d.duration, d


@pytest.mark.parametrize("raw, needle, recurrence", [
    ("各区每年6月底前报送上一年度工作情况。", "每年6月底", "yearly"),
    ("补贴资金按季度拨付。", "按季度", "quarterly"),
    ("请于每季度结束后10个工作日内报送统计数据。", "每季度", "quarterly"),
    ("于每年3月15日前提交绩效自评报告。", "每年3月15日", "yearly"),
    ("每半年开展一次督导检查。", "每半年", "semiannual"),
    ("每月5日前报送上月进展情况。", "每月5日", "monthly"),
])
def test_recurring(raw, needle, recurrence):
    d = deadline_with(raw, needle)
    assert (d.kind, d.recurrence) == ("recurring", recurrence), d


def test_next_year_is_not_the_issue_year():
    # 次年 is the year after the subsidy year, not something the issue date fixes
    d = deadline_with("企业应于次年3月31日前报送申报材料。", "3月31日", issue_date="2023-05-10")
    assert d.kind in ("by", "recurring")
    assert d.date != "2023-03-31", d


@pytest.mark.parametrize("raw, issue, needle, iso", [
    ("请各区于10月15日前报送推荐名单。", "2024-09-01", "10月15日", "2024-10-15"),
    ("各单位务必于12月底前完成自查。", "2024-11-05", "12月底", "2024-12-31"),
    ("請於7月31日前將材料報送市科技局。", "2022-06-20", "7月31日", "2022-07-31"),
])
def test_year_from_issue_date(raw, issue, needle, iso):
    d = deadline_with(raw, needle, issue_date=issue)
    assert (d.kind, d.date, d.year_inferred) == ("by", iso, "issue_date"), d


@pytest.mark.parametrize("raw", [
    "2023年,全市高新技术企业达到1200家,同比增长15%。",
    "2022年全市实现地区生产总值3000亿元。",
    "近年来,我市认真贯彻落实《国务院关于大力推进大众创业万众创新若干政策措施的意见》(国发〔2015〕32号)精神。",
])
def test_narrative_dates_are_not_deadlines(raw):
    assert deadlines(raw) == [], [(d.text, d.kind) for d in deadlines(raw)]


# ------------------------------------------------------------------ responsible units

def test_labelled_units_with_lead_marker():
    assert units("责任单位:市科技局(牵头)、市财政局") == [("市科技局", "lead"), ("市财政局", "co")]


def test_lead_and_partner_labels():
    got = units("牵头单位:区发改局;配合单位:区财政局、区商务局")
    assert got == [("区发改局", "lead"), ("区财政局", "co"), ("区商务局", "co")]


def test_lead_and_partner_labels_on_lines():
    got = units("加快老旧小区改造。\n牵头单位:市住房城乡建设局\n配合单位:市自然资源和规划局、市生态环境局")
    assert got == [("市住房城乡建设局", "lead"), ("市自然资源和规划局", "co"), ("市生态环境局", "co")]


def test_you_qiantou_peihe():
    got = units("由市商务局牵头,市财政局配合,制定具体实施细则。")
    assert ("市商务局", "lead") in got and ("市财政局", "co") in got


def test_trailing_parenthetical_with_lead_verb():
    got = units("推动制造业数字化转型。(市工信局牵头,市发展改革委、市财政局按职责分工负责)")
    assert got == [("市工信局", "lead"), ("市发展改革委", "co"), ("市财政局", "co")]


def test_trailing_parenthetical_ascii_parens():
    got = units("推动制造业数字化转型。(市工信局牵头,市发展改革委、市财政局按职责分工负责)")
    got_fw = units("推动制造业数字化转型。（市工信局牵头，市发展改革委、市财政局按职责分工负责）")
    assert got == got_fw


def test_trailing_list_drops_dengbumen():
    got = units("加大财政投入。(市发展改革委、市财政局等部门)")
    assert [n for n, _ in got] == ["市发展改革委", "市财政局"]


def test_traditional_script_units():
    got = units("完善科技金融服務。(省科技廳、省財政廳、省地方金融監管局負責)")
    assert [n for n, _ in got] == ["省科技厅", "省财政厅", "省地方金融监管局"]


def test_abbreviated_units_completed_with_city_prefix():
    got = units("加强知识产权保护。(科技局、财政局、市场监管局)", prefix="市")
    assert [n for n, _ in got] == ["市科技局", "市财政局", "市市场监管局"]


def test_party_organs():
    got = units("责任单位:市委组织部、市委宣传部、市人力资源社会保障局")
    assert [n for n, _ in got] == ["市委组织部", "市委宣传部", "市人力资源社会保障局"]


def test_host_and_co_host():
    got = units("主办单位:市人社局;协办单位:市教育局、团市委")
    assert got[0] == ("市人社局", "lead")
    assert ("市教育局", "co") in got and ("团市委", "co") in got


def test_counties_as_responsible():
    got = units("(责任单位:市农业农村局,各县(市、区)人民政府)")
    names = [n for n, _ in got]
    assert names[0] == "市农业农村局"
    assert any("人民政府" in n for n in names), names


def test_units_with_time_limit_label():
    text = "开展专项整治行动。(责任单位:市市场监管局;完成时限:2024年12月底前)"
    assert [n for n, _ in units(text)] == ["市市场监管局"]
    assert any(d.date == "2024-12-31" for d in deadlines(text))


def test_lead_rule_first_listed():
    got = units("优化营商环境。(市发展改革委、市政务服务数据管理局、市司法局)", lead_rule=True)
    assert got[0] == ("市发展改革委", "lead") and all(r == "co" for _, r in got[1:])


@pytest.mark.parametrize("raw", [
    "鼓励企业与高校(含科研院所)开展合作。",
    "对符合条件的企业(以下简称“认定企业”)给予支持。",
    "按规定给予补贴(具体标准见附件2)。",
])
def test_parentheticals_that_are_not_units(raw):
    assert units(raw) == []


# ------------------------------------------------------------------ measures: boundaries and paths

ARTICLES = ("第一章 总则\n"
            "第一条 为加快推进科技创新,根据有关规定,结合本市实际,制定本办法。\n"
            "第二条 本办法适用于在本市注册的科技型中小企业。\n"
            "第二章 支持措施\n"
            "第三条 对首次认定的国家高新技术企业,给予30万元奖励。\n"
            "第四条 对新认定的省级企业技术中心,一次性奖励50万元。\n"
            "第三章 附则\n"
            "第五条 本办法由市科技局负责解释。\n"
            "第六条 本办法自2024年1月1日起施行,有效期5年。\n")


def test_articles_each_a_record():
    ms = split(ARTICLES)
    heads = [m.text[:3] for m in ms if m.text.startswith("第") and "条" in m.text[:4]]
    assert heads == ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条"]


def test_articles_under_chapters_have_chapter_path():
    ms = split(ARTICLES)
    art3 = next(m for m in ms if m.text.startswith("第三条"))
    assert art3.kind == "measure"
    assert art3.path and art3.path[0].startswith("第二章")
    assert "30万元" in art3.text and "50万元" not in art3.text


def test_articles_amounts_stay_in_their_article():
    ms = extract(ARTICLES)
    art4 = next(m for m in ms if m.text.startswith("第四条"))
    assert [(a.kind, a.value_yuan) for a in art4.amounts] == [("fixed", 500_000)]


NESTED = ("一、总体要求\n"
          "坚持创新驱动发展战略,到2025年,全市高新技术企业达到2000家以上。\n"
          "二、支持措施\n"
          "(一)加大研发投入支持。\n"
          "1.对企业研发投入给予补助。按其年度研发投入的10%给予补助,最高不超过500万元。\n"
          "2.对新认定的国家级孵化器,一次性奖励100万元。\n"
          "(二)强化金融支持。\n"
          "(1)贷款贴息。按照贷款基准利率的50%给予贴息。\n"
          "(2)担保费补助。按担保费的1%给予补助。\n"
          "三、保障措施\n"
          "(一)加强组织领导。建立联席会议制度。(责任单位:市科技局)\n")


def test_nested_numbering_paths():
    ms = split(NESTED)
    m2 = next(m for m in ms if m.text.startswith("2.对新认定"))
    assert m2.kind == "measure"
    assert len(m2.path) == 2
    assert m2.path[0].startswith("二、支持") and m2.path[1].startswith("(一)加大")
    assert "100万元" in m2.text and "贴息" not in m2.text


def test_parenthesised_arabic_under_parenthesised_chinese():
    ms = split(NESTED)
    m = next(m for m in ms if m.text.startswith("(1)贷款贴息"))
    assert m.path[0].startswith("二、") and m.path[-1].startswith("(二)")
    assert m.title and m.title.startswith("贷款贴息")


def test_safeguards_are_measures():
    ms = split(NESTED)
    m = next(m for m in ms if "联席会议" in m.text)
    assert m.kind == "measure" and m.path[0].startswith("三、保障措施")


def test_nested_full_width_parens_same_structure():
    fw = NESTED.replace("(", "（").replace(")", "）")
    a = [(m.kind, len(m.path)) for m in split(NESTED)]
    b = [(m.kind, len(m.path)) for m in split(fw)]
    assert a == b


def test_nested_extraction_attaches_fields():
    ms = extract(NESTED, level_prefix="市")
    m1 = next(m for m in ms if m.text.startswith("1.对企业"))
    assert {(a.kind, a.percent or a.value_yuan) for a in m1.amounts} == {("ratio", 10.0), ("cap", 5_000_000)}
    last = next(m for m in ms if "联席会议" in m.text)
    assert [u.name for u in last.units] == ["市科技局"]


def test_circled_numbers_under_arabic():
    text = ("二、支持措施\n"
            "1.人才奖励。\n"
            "①对新引进的博士,给予5万元安家补贴;\n"
            "②对新引进的硕士,给予2万元安家补贴。\n"
            "2.住房保障。提供人才公寓。\n")
    ms = split(text)
    c1 = next(m for m in ms if m.text.startswith("①"))
    c2 = next(m for m in ms if m.text.startswith("②"))
    assert c1.path[-1].startswith("1.") and c2.path[-1].startswith("1.")
    assert "2万元" not in c1.text and "5万元" in c1.text


def test_yishi_ershi_items():
    text = ("(三)优化创业服务。一是建设创业孵化基地,对认定的给予20万元补助;"
            "二是开展创业培训,按每人1000元给予培训补贴;三是举办创业大赛。\n")
    ms = [m for m in split(text) if m.kind == "measure"]
    assert len(ms) >= 3
    texts = [m.text for m in ms]
    assert any(t.startswith("一是") for t in texts) and any(t.startswith("三是") for t in texts)
    yi = next(m for m in ms if m.text.startswith("一是"))
    assert "20万元" in yi.text and "1000元" not in yi.text


@pytest.mark.parametrize("sep", ["1.", "1、", "1．"])
def test_arabic_numbering_variants(sep):
    two = sep.replace("1", "2")
    text = f"二、主要措施\n{sep}给予房租补贴。\n{two}给予宽带补贴。\n"
    ms = [m for m in split(text) if m.kind == "measure"]
    assert len(ms) == 2, [m.text for m in ms]
    assert all(m.path and m.path[0].startswith("二、") for m in ms)


def test_attachment_list_is_not_a_measure():
    text = ("一、支持措施\n(一)对新认定的企业给予奖励。\n"
            "附件:1.申报表\n2.承诺书\n")
    ms = split(text)
    for m in ms:
        if "申报表" in m.text or "承诺书" in m.text:
            assert m.kind != "measure", (m.kind, m.text)


def test_signature_block():
    text = ("一、支持措施\n(一)对新认定的企业给予奖励。\n(二)对新引进的人才给予补贴。\n"
            "某某市人民政府办公室\n2024年3月1日\n")
    ms = split(text)
    sig = [m for m in ms if "人民政府办公室" in m.text]
    assert sig and all(m.kind == "signature" for m in sig), [(m.kind, m.text) for m in sig]


def test_ids_stable_and_offsets_slice():
    a = extract(NESTED)
    b = extract(NESTED)
    assert [m.id for m in a] == [m.id for m in b]
    for m in a:
        assert NESTED[m.start:m.end] == m.text


# ------------------------------------------------------------------ targets

def _target_with(raw, needle, issue_date=None):
    got = [t for t in targets(raw, issue_date) if needle in t.text]
    assert len(got) == 1, (needle, [t.text for t in targets(raw, issue_date)])
    return got[0]


def test_target_count_at_least_with_year():
    t = _target_with("到2025年,全市高新技术企业达到2000家以上。", "2000")
    assert (t.quantity, t.unit, t.comparator, t.year) == (2000, "家", ">=", 2025)


def test_target_share_percent():
    t = _target_with("到2025年,全社会研发经费投入占地区生产总值比重达到3%。", "3%")
    assert (t.quantity, t.unit, t.year) == (3, "%", 2025)


def test_target_about():
    t = _target_with("培育省级以上专精特新企业100家左右。", "100")
    assert (t.quantity, t.unit, t.comparator) == (100, "家", "~")


def test_target_not_less_than():
    t = _target_with("每年新建创新平台不少于50个。", "50")
    assert (t.quantity, t.unit, t.comparator) == (50, "个", ">=")


def test_target_ten_thousand_people():
    t = _target_with("力争到2026年,新增城镇就业5万人以上。", "5万人")
    assert t.comparator == ">=" and t.year == 2026
    assert (t.quantity, t.unit) in {(5, "万人"), (50_000, "人")}, t


def test_target_full_width_comma_and_traditional():
    t = _target_with("到2025年，全市建成眾創空間30家以上。", "30")
    assert (t.quantity, t.unit, t.comparator, t.year) == (30, "家", ">=", 2025)


# ------------------------------------------------------------------ second batch: harder wording

@pytest.mark.parametrize("raw, needle, kind, value", [
    ("每家企业补助额度不高于100万元。", "100", "cap", 1_000_000),
    ("补助金额原则上不超过50万元。", "50", "cap", 500_000),
    ("同一企业累计补助不超过300万元。", "300", "cap", 3_000_000),
    ("奖补资金最多不超过20万元。", "20", "cap", 200_000),
    ("单个项目补助总额控制在100万元以内。", "100", "cap", 1_000_000),
    ("按照不高于500元/人的标准给予补贴。", "500", "cap", 500),
    ("给予5千元奖励。", "5千", "fixed", 5000),
    ("给予一千万元资助。", "一千万", "fixed", 10_000_000),
    ("给予2.5亿元股权投资。", "2.5", "fixed", 250_000_000),
    ("对认定的国家级专精特新“小巨人”企业,最高奖励500万。", "500", "cap", 5_000_000),
    ("每台(套)设备补贴不超过5000元。", "5000", "cap", 5000),
    ("补贴标准为每户2万元。", "2", "per_unit", 20_000),
    ("投资额在1亿元以上的新建项目,按设备投资额的10%给予补助。", "1亿", "threshold", 100_000_000),
    ("年销售收入5000万元以下的小微企业。", "5000", "threshold", 50_000_000),
])
def test_cap_and_fixed_wording(raw, needle, kind, value):
    a = amount_with(raw, needle)
    assert (a.kind, a.value_yuan) == (kind, value), a


def test_enumerated_grants():
    got = [(a.kind, a.value_yuan) for a in amounts("对获得国家级、省级、市级认定的,分别给予100万元、50万元、20万元奖励。")]
    assert got == [("fixed", 1_000_000), ("fixed", 500_000), ("fixed", 200_000)]


@pytest.mark.parametrize("raw, needle, per", [
    ("按照300元/人·年的标准给予补助。", "300", "人/年"),
    ("每平方米补贴200元。", "200", "平方米"),
    ("给予每吨100元的运输补贴。", "100", "吨"),
    ("最高不超过50万元/年。", "50", "年"),
])
def test_more_per_units(raw, needle, per):
    assert amount_with(raw, needle).per == per


@pytest.mark.parametrize("raw, needle, kind, percent, ratio", [
    ("补助比例不超过30%。", "30%", "ratio", 30.0, None),
    ("区级财政按1:0.5比例配套。", "1:0.5", "ratio", None, 0.5),
    ("给予最高不超过实际投资额20%的补助。", "20%", "ratio", 20.0, None),
])
def test_more_ratios(raw, needle, kind, percent, ratio):
    a = amount_with(raw, needle)
    assert (a.kind, a.percent, a.ratio) == (kind, percent, ratio), a


@pytest.mark.parametrize("raw, needle, kind, iso", [
    ("各项改革任务于2025年末前完成。", "2025年末", "by", "2025-12-31"),
    ("申报材料请于2024年11月30日(星期六)前报送。", "2024年11月30日", "by", "2024-11-30"),
    ("截止日期:2024年10月31日。", "2024年10月31日", "by", "2024-10-31"),
    ("请于2024年12月20日17:00前提交。", "2024年12月20日", "by", "2024-12-20"),
    ("2024年1月1日起实施。", "2024年1月1日", "from", "2024-01-01"),
    ("于2024年第三季度末前完成。", "2024年第三季度末", "by", "2024-09-30"),
])
def test_more_absolute_deadlines(raw, needle, kind, iso):
    d = deadline_with(raw, needle)
    assert (d.kind, d.date) == (kind, iso), d


def test_half_year_goal_ends_on_june_30():
    # the project reads 在2024年上半年 as a span; the researcher needs its end as the deadline
    d = deadline_with("力争2024年上半年完成立法程序。", "2024年上半年")
    assert d.kind in ("by", "span") and (d.date or d.end_date) == "2024-06-30", d


def test_span_with_qi_zhi():
    sp = [d for d in deadlines("本政策自2024年1月1日起至2026年12月31日止。") if d.kind == "span"]
    assert len(sp) == 1 and (sp[0].start_date, sp[0].end_date) == ("2024-01-01", "2026-12-31")


@pytest.mark.parametrize("raw, needle, duration", [
    ("本办法有效期三年。", "三年", "P3Y"),
    ("本意见有效期为3年。", "3年", "P3Y"),
    ("补贴期限为36个月。", "36个月", "P36M"),
])
def test_validity_periods(raw, needle, duration):
    assert period_with(raw, needle) == duration


def test_repealed_document_number_is_not_a_deadline():
    raw = "原《某某市科技创新券管理办法》(某科规〔2019〕12号)同时废止。"
    assert deadlines(raw) == []


def test_units_lead_and_responsible_labels_in_parens():
    got = units("建立重点企业服务专员制度。(牵头单位:市发展改革委;责任单位:市财政局、市商务局)")
    assert got == [("市发展改革委", "lead"), ("市财政局", "co"), ("市商务局", "co")]


def test_units_lead_responsible_sentence_final():
    got = units("加快建设人才公寓。(市住房城乡建设局牵头负责)")
    assert got == [("市住房城乡建设局", "lead")]


def test_units_provincial_list_with_governments():
    got = units("加大金融支持力度。(省发展改革委、省工业和信息化厅、省财政厅,各市、县人民政府按职责分工负责)")
    names = [n for n, _ in got]
    assert names[:3] == ["省发展改革委", "省工业和信息化厅", "省财政厅"]
    assert len(names) == 4 and "人民政府" in names[3]


def test_units_label_on_own_line_then_deadline_label():
    text = "开展技能培训。\n责任单位:区人力社保局、区财政局\n完成时限:2024年底"
    assert [n for n, _ in units(text)] == ["区人力社保局", "区财政局"]


@pytest.mark.parametrize("raw, needle, quantity, unit, comparator", [
    ("到2025年,规模以上工业企业研发机构覆盖率达到80%以上。", "80%", 80, "%", ">="),
    ("城镇登记失业率控制在4.5%以内。", "4.5%", 4.5, "%", "<="),
    ("每年新建创新平台不少于50个。", "50", 50, "个", ">="),
    ("到2026年,累计培育科技型中小企业超过3000家。", "3000", 3000, "家", ">"),
])
def test_more_targets(raw, needle, quantity, unit, comparator):
    t = _target_with(raw, needle)
    assert (t.quantity, t.unit, t.comparator) == (quantity, unit, comparator), t


@pytest.mark.parametrize("raw", [
    "二、支持措施\n⑴对新认定的企业给予奖励。\n⑵对新引进的人才给予补贴。\n",
    "二、支持措施\n㈠对新认定的企业给予奖励。\n㈡对新引进的人才给予补贴。\n",
    "二、支持措施\n1)对新认定的企业给予奖励。\n2)对新引进的人才给予补贴。\n",
])
def test_unusual_item_markers(raw):
    text = norm(raw)
    ms = [m for m in split(text) if m.kind == "measure"]
    assert len(ms) == 2, [(m.kind, m.text) for m in split(text)]
    assert all(m.path and m.path[0].startswith("二、") for m in ms)


def test_parts_with_dibufen():
    text = ("第一部分 总体要求\n坚持市场导向。\n第二部分 重点任务\n"
            "一、加快平台建设。对新认定的孵化器给予50万元奖励。\n二、强化人才支撑。对引进的博士给予10万元补贴。\n")
    ms = [m for m in split(text) if m.kind == "measure"]
    m = next(m for m in ms if m.text.startswith("二、强化"))
    assert m.path and m.path[0].startswith("第二部分"), m.path
    assert "50万元" not in m.text


# ------------------------------------------------------------------ third batch: lists, labels, whole documents

@pytest.mark.parametrize("raw, expected", [
    ("给予不超过50万元的一次性奖励。", [("cap", 500_000)]),
    ("按照每人每年不超过2万元的标准给予补贴。", [("cap", 20_000)]),
    ("奖励标准为:国家级100万元、省级50万元、市级20万元。",
     [("fixed", 1_000_000), ("fixed", 500_000), ("fixed", 200_000)]),
    ("每年给予最高30万元的运营补贴,连续支持3年。", [("cap", 300_000)]),
    ("最高不超过项目总投资的30%且不超过1000万元。", [("ratio", 30.0), ("cap", 10_000_000)]),
    ("前两年给予全额补贴,第三年按50%给予补贴。", [("ratio", 50.0)]),
])
def test_amount_sequences(raw, expected):
    got = [(a.kind, a.percent if a.kind == "ratio" else a.value_yuan) for a in amounts(raw)]
    assert got == expected


def test_tiered_thresholds_and_grants():
    raw = "对营业收入首次超过10亿元、50亿元的企业,分别给予50万元、100万元奖励。"
    got = [(a.kind, a.value_yuan) for a in amounts(raw)]
    assert got == [("threshold", 1e9), ("threshold", 5e9), ("fixed", 500_000), ("fixed", 1_000_000)]


def test_per_kwh_and_person_year():
    assert amount_with("按0.1元/千瓦时给予电价补贴。", "0.1").per == "千瓦时"
    assert amount_with("给予3万元/年·人的生活补贴。", "3").per == "年/人"


@pytest.mark.parametrize("raw, needle, kind, iso", [
    ("完成时限:2024年12月。", "2024年12月", "by", "2024-12-31"),
    ("时间节点:2025年6月底。", "2025年6月底", "by", "2025-06-30"),
    ("有效期至2028年。", "2028年", "until", "2028-12-31"),
])
def test_labelled_time_limits(raw, needle, kind, iso):
    d = deadline_with(raw, needle)
    assert (d.kind, d.date) == (kind, iso), d


def test_time_limit_long_term_is_no_date():
    assert [d for d in deadlines("完成时限:长期坚持。") if d.date] == []


def test_in_force_and_repeal_of_old_document():
    got = [(d.kind, d.date) for d in deadlines("本办法自2024年5月1日起施行,2019年印发的《某某市科技创新券管理办法》同时废止。")]
    assert got == [("from", "2024-05-01")]


def test_span_with_qijian():
    sp = [d for d in deadlines("2024年1月1日至2025年12月31日期间新认定的企业。") if d.kind == "span"]
    assert len(sp) == 1 and (sp[0].start_date, sp[0].end_date) == ("2024-01-01", "2025-12-31")


def test_span_same_year_dash():
    sp = [d for d in deadlines("集中受理时间为2024年9月10日—9月20日。") if d.kind == "span"]
    assert len(sp) == 1 and (sp[0].start_date, sp[0].end_date) == ("2024-09-10", "2024-09-20")


def test_units_with_governments_and_committees():
    got = units("(责任单位:市发展改革委、市财政局,各区人民政府、管委会)")
    names = [n for n, _ in got]
    assert names[:2] == ["市发展改革委", "市财政局"] and "各区人民政府" in names


def test_units_label_then_time_limit_long_term():
    got = units("责任单位:市教育局、市人力资源社会保障局;完成时限:长期")
    assert [n for n, _ in got] == ["市教育局", "市人力资源社会保障局"]


def test_units_huitong():
    got = units("市科技局会同市财政局制定实施细则。")
    assert got[0] == ("市科技局", "lead") and ("市财政局", "co") in got


def test_units_trailing_lead_and_support():
    got = units("建立企业服务专员制度。(市科技局牵头,各区政府配合)")
    assert got[0] == ("市科技局", "lead")
    assert ("各区政府", "co") in got


def test_units_by_two_departments_by_duty():
    got = units("由省教育厅、省人力资源社会保障厅按职责分工负责。")
    assert [n for n, _ in got] == ["省教育厅", "省人力资源社会保障厅"]


def test_units_mass_organisations():
    got = units("(市总工会、团市委、市妇联、市残联)")
    assert [n for n, _ in got] == ["市总工会", "团市委", "市妇联", "市残联"]


def test_units_interpretation_clause_is_no_assignment():
    assert units("本办法由市科技局负责解释。") == []


NOTICE = ("某某市人民政府办公室关于印发某某市促进科技创新若干措施的通知\n"
          "各区人民政府,市政府各部门:\n"
          "《某某市促进科技创新若干措施》已经市政府同意,现印发给你们,请认真贯彻执行。\n"
          "某某市人民政府办公室\n"
          "2024年3月1日\n"
          "某某市促进科技创新若干措施\n"
          "为深入实施创新驱动发展战略,制定以下措施。\n"
          "一、支持企业加大研发投入。对年度研发费用超过500万元的企业,按其增量部分的10%给予奖励,"
          "最高不超过300万元。(责任单位:市科技局、市财政局)\n"
          "二、支持创新平台建设。对新认定的国家级重点实验室,给予1000万元支持。(责任单位:市科技局)\n"
          "三、本措施自2024年4月1日起施行,有效期3年。\n")


def test_notice_structure():
    ms = extract(NOTICE, level_prefix="市", issue_date="2024-03-01")
    measures = [m for m in ms if m.kind == "measure"]
    assert any(m.text.startswith("一、支持企业") for m in measures)
    assert any(m.text.startswith("二、支持创新") for m in measures)
    assert not any("各区人民政府,市政府各部门" in m.text for m in measures)
    assert not any(m.text.startswith("现印发") or "请认真贯彻执行" in m.text for m in measures)


def test_notice_fields_per_measure():
    ms = extract(NOTICE, level_prefix="市", issue_date="2024-03-01")
    one = next(m for m in ms if m.text.startswith("一、支持企业"))
    assert [(a.kind, a.value_yuan or a.percent) for a in one.amounts] == [
        ("threshold", 5_000_000), ("ratio", 10.0), ("cap", 3_000_000)]
    assert [(u.name, u.role) for u in one.units] == [("市科技局", "co"), ("市财政局", "co")]
    two = next(m for m in ms if m.text.startswith("二、支持创新"))
    assert [u.name for u in two.units] == ["市科技局"]
    assert [(a.kind, a.value_yuan) for a in two.amounts] == [("fixed", 10_000_000)]
    last = next(m for m in ms if "自2024年4月1日起施行" in m.text)
    assert {(d.kind, d.date) for d in last.deadlines} == {("from", "2024-04-01")}
    assert [d.duration for d in find_durations(norm(NOTICE), last.start, last.end)] == ["P3Y"]


def test_one_line_dump_of_nested_items():
    text = ("二、支持措施(一)加大资金支持。对新认定的企业给予10万元奖励。"
            "(二)强化金融服务。按照贷款基准利率的50%给予贴息。(三)优化人才服务。为高层次人才提供住房保障。")
    ms = [m for m in split(text) if m.kind == "measure"]
    starts = [m.text[:3] for m in ms]
    assert starts == ["(一)", "(二)", "(三)"], [m.text[:10] for m in split(text)]
    assert all(m.path and m.path[0].startswith("二、") for m in ms)


def test_chapter_and_article_on_one_line():
    text = ("第一章 总则 第一条 为规范专项资金管理,制定本办法。第二条 专项资金用于支持科技创新。"
            "第二章 支持方式 第三条 对新认定的企业给予20万元奖励。")
    ms = split(text)
    arts = [m for m in ms if m.text.startswith("第") and m.text[2:3] == "条" or m.text[:4] in ("第一条", "第二条", "第三条")]
    assert [m.text[:3] for m in arts] == ["第一条", "第二条", "第三条"]
    art3 = next(m for m in arts if m.text.startswith("第三条"))
    assert "20万元" in art3.text and art3.path and art3.path[0].startswith("第二章")


def test_numbered_item_title_before_full_stop():
    text = "三、政策措施\n1.房租补贴。对入驻孵化器的初创企业,给予每平方米每月不超过20元的租金补贴。\n"
    m = next(m for m in split(text) if m.text.startswith("1."))
    assert m.title == "房租补贴"


# ------------------------------------------------------------------ fourth batch: application notices, footers, traps

@pytest.mark.parametrize("raw", [
    "联系人:张三,联系电话:0871-12345678,邮编:650000。",
    "地址:某某市人民路100号科技大厦3楼。",
    "某某市人民政府关于印发某某市促进数字经济发展若干措施的通知(某政发〔2024〕5号)",
    "到2025年,每万人口高价值发明专利拥有量达到20件。",
    "对建筑面积1万平方米以上的孵化载体。",
])
def test_contact_lines_doc_numbers_and_counts_are_not_money(raw):
    assert amounts(raw) == [], [a.text for a in amounts(raw)]


@pytest.mark.parametrize("raw", [
    "联系人:张三,联系电话:0871-12345678,邮编:650000。",
    "某某市人民政府关于印发某某市促进数字经济发展若干措施的通知(某政发〔2024〕5号)",
    "对企业2023年度研发费用较上年增长部分给予补助。",
    "印发《某某市数字经济发展三年行动计划(2024—2026年)》。",
])
def test_not_deadlines(raw):
    assert deadlines(raw) == [], [(d.text, d.kind) for d in deadlines(raw)]


def test_goal_money_is_a_target_not_a_grant():
    a = amount_with("到2027年,全市数字经济核心产业规模突破1000亿元。", "1000")
    assert (a.kind, a.value_yuan) == ("target", 1e11), a


def test_traditional_sentence_end_to_end():
    raw = "對符合條件的企業,按照實際投資額的10%給予補助,最高不超過500萬元。(責任單位:市經濟和信息化局、市財政局)"
    ms = extract(norm(raw), level_prefix="市")
    m = next(m for m in ms if m.amounts)
    assert [(a.kind, a.percent or a.value_yuan) for a in m.amounts] == [("ratio", 10.0), ("cap", 5_000_000)]
    assert [u.name for u in m.units] == ["市经济和信息化局", "市财政局"]


@pytest.mark.parametrize("raw, needle, duration", [
    ("两年内完成改造。", "两年内", "P2Y"),
    ("一年内未开工的,收回补助资金。", "一年内", "P1Y"),
    ("在十个工作日内完成审核。", "十个工作日内", "P10D"),
    ("应在30日内作出决定。", "30日内", "P30D"),
    ("六个月内完成整改。", "六个月内", "P6M"),
])
def test_chinese_numeral_durations(raw, needle, duration):
    d = deadline_with(raw, needle)
    assert (d.kind, d.duration) == ("within", duration), d


def test_year_span_as_implementation_period():
    sp = [d for d in deadlines("实施期限为2024—2026年。") if d.kind == "span"]
    assert len(sp) == 1 and (sp[0].start_date, sp[0].end_date) == ("2024-01-01", "2026-12-31")


def test_from_with_inclusive_mark():
    d = deadline_with("2023年1月1日(含)以后新注册的企业。", "2023年1月1日")
    assert (d.kind, d.date) == ("from", "2023-01-01"), d


def test_span_carries_year_to_second_bound():
    sp = [d for d in deadlines("2024年1月1日至12月31日期间新认定的企业。") if d.kind == "span"]
    assert len(sp) == 1 and (sp[0].start_date, sp[0].end_date) == ("2024-01-01", "2024-12-31")


def test_yearly_due_month_end():
    d = deadline_with("各区于每年1月底前报送上年度工作总结。", "1月底")
    assert (d.kind, d.recurrence) == ("recurring", "yearly"), d


@pytest.mark.parametrize("raw, needle, kind, value, per", [
    ("最高补助标准为每人5000元。", "5000", "cap", 5000, "人"),
    ("补贴标准上限为500元/人。", "500", "cap", 500, "人"),
    ("单个企业年度奖励总额不超过500万元。", "500", "cap", 5_000_000, None),
    ("给予一次性10万元奖励。", "10", "fixed", 100_000, "一次性"),
])
def test_standard_wording(raw, needle, kind, value, per):
    a = amount_with(raw, needle)
    assert (a.kind, a.value_yuan, a.per) == (kind, value, per), a


def test_units_chengdu_style_places():
    got = units("(成都高新区管委会、天府新区管委会,各区(市)县政府)")
    names = [n for n, _ in got]
    assert names[:2] == ["成都高新区管委会", "天府新区管委会"]
    assert "各区(市)县政府" in names


def test_units_lead_marker_then_duty_sharing():
    got = units("责任单位:市发展改革委(牵头),市经济和信息化局、市科技局按职责分工负责")
    assert got == [("市发展改革委", "lead"), ("市经济和信息化局", "co"), ("市科技局", "co")]


def test_units_single_government_responsible():
    assert units("加强督促检查。(各区县政府负责落实)") == [("各区县政府", "lead")]


APPLICATION = ("关于组织申报2024年度科技型中小企业研发费用补助的通知\n"
               "各区科技主管部门,各有关单位:\n"
               "为做好2024年度补助工作,现将有关事项通知如下。\n"
               "一、申报条件\n"
               "(一)在本市注册,具有独立法人资格;\n"
               "(二)上年度营业收入500万元以上;\n"
               "二、支持标准\n"
               "按企业上年度研发费用的10%给予补助,最高不超过100万元。\n"
               "三、申报时间\n"
               "申报截止时间为2024年5月31日17:30,逾期不予受理。\n"
               "四、联系方式\n"
               "联系人:张三,联系电话:0871-12345678。\n"
               "附件:1.申报书\n2.承诺书\n"
               "某某市科学技术局\n"
               "2024年4月15日\n")


def test_application_notice_fields():
    ms = extract(APPLICATION, level_prefix="市", issue_date="2024-04-15")
    all_amounts = [(a.kind, a.percent or a.value_yuan) for m in ms for a in m.amounts]
    assert all_amounts == [("threshold", 5_000_000), ("ratio", 10.0), ("cap", 1_000_000)]
    dls = [(d.kind, d.date) for m in ms for d in m.deadlines]
    assert ("by", "2024-05-31") in dls
    assert all(d != ("by", None) for d in dls)
    contact = [m for m in ms if "联系电话" in m.text]
    assert contact and all(not m.amounts and not m.deadlines for m in contact)


def test_application_notice_signature():
    ms = extract(APPLICATION, level_prefix="市", issue_date="2024-04-15")
    sig = [m for m in ms if "某某市科学技术局" in m.text]
    assert sig and all(m.kind == "signature" for m in sig), [(m.kind, m.text) for m in sig]
    assert not any(m.kind == "measure" and "承诺书" in m.text for m in ms)


def test_footer_lines_are_not_measures():
    text = ("一、支持措施\n(一)对新认定的企业给予奖励。\n"
            "(此件公开发布)\n"
            "抄送:市委各部门,市人大常委会办公室,市政协办公室。\n"
            "某某市人民政府办公室 2024年3月1日印发\n")
    for m in split(text):
        if "抄送" in m.text or "印发" in m.text or "公开发布" in m.text:
            assert m.kind != "measure", (m.kind, m.text)


# ------------------------------------------------------------------ fifth batch: from a provincial relief package

def test_units_led_by_central_bank_branch():
    got = units("加大信贷投放。(人民银行某某省分行、省地方金融监管局、省财政厅按职责分工负责)")
    assert [n for n, _ in got] == ["人民银行某某省分行", "省地方金融监管局", "省财政厅"]


def test_units_bank_branch_names():
    got = units("(国家金融监督管理总局某某监管分局、人民银行某某市分行)")
    assert [n for n, _ in got] == ["国家金融监督管理总局某某监管分局", "人民银行某某市分行"]


@pytest.mark.parametrize("raw, needle, value", [
    ("对单户担保金额500万元及以下的,担保费率不超过1%。", "500", 5_000_000),
    ("年营业收入2000万元及以上的企业。", "2000", 20_000_000),
])
def test_and_below_is_a_condition(raw, needle, value):
    a = amount_with(raw, needle)
    assert (a.kind, a.value_yuan) == ("threshold", value), a


def test_target_year_after_lizheng():
    t = _target_with("力争2024年全省普惠小微贷款余额增长15%以上。", "15%")
    assert (t.quantity, t.comparator, t.year) == (15, ">=", 2024), t


def test_target_year_after_queba():
    t = _target_with("确保2025年全市新增科技型中小企业500家以上。", "500")
    assert (t.quantity, t.unit, t.comparator, t.year) == (500, "家", ">=", 2025), t


# ------------------------------------------------------------------ sixth batch: from a district talent measure

def test_duration_right_after_item_number():
    ms = extract("第六条 创业支持。对人才创办的企业,\n1.给予最高300万元的项目启动资金;\n"
                 "2.三年内给予办公场地租金全额补贴,面积不超过200平方米;\n")
    item = next(m for m in ms if m.text.startswith("2."))
    assert period_with("2.三年内给予办公场地租金全额补贴,面积不超过200平方米;", "三年内") == "P3Y"
    assert not [d for d in item.deadlines if d.kind != "within"]


@pytest.mark.parametrize("raw, needle, duration", [
    ("可申请入住人才公寓,前3年免收租金。", "前3年", "P3Y"),
    ("前两年给予全额补贴,第三年减半。", "前两年", "P2Y"),
    ("入驻孵化器的,前6个月免收场地费。", "前6个月", "P6M"),
])
def test_first_n_years_of_a_benefit(raw, needle, duration):
    assert period_with(raw, needle) == duration


def test_first_n_years_as_a_measuring_period_is_not_a_deadline():
    assert deadlines("企业前3年平均营业收入增长20%以上的。") == []


@pytest.mark.xfail(reason="foreign-currency amounts (万美元) need a schema decision: value_yuan cannot be "
                          "computed without an exchange rate, so they are currently not extracted at all",
                   strict=True)
def test_foreign_currency_threshold_is_kept():
    a = amount_with("当年实际使用外资金额达到1000万美元以上的制造业项目。", "1000")
    assert a.kind == "threshold" and a.value_yuan is None and a.unit == "万美元"
