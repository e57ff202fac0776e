"""Deadlines and periods: kinds, ISO resolution, inferred years, and narrative dates left out.

Snippets are short quotes from the bundled seeds and the dev corpus (cited by file).
"""
from __future__ import annotations

import re

import pytest

from zhengce.nlp.deadlines import RULES, find_deadlines, find_durations


def one(text: str, issue_date: str | None = None):
    items = find_deadlines(text, issue_date=issue_date)
    assert len(items) == 1, [d.text for d in items]
    d = items[0]
    assert text[d.start:d.end] == d.text
    return d


@pytest.mark.parametrize("text, span, iso", [
    ("201612月底以前公布全市所有行政审批中介服务事项", "201612月底以前", "2016-12-31"),   # seed 001 (年 lost)
    ("4.2018 年 12 月 31 日以前认定的国家级科技企业孵化器", "2018 年 12 月 31 日以前", "2018-12-31"),  # dev-027
    ("并于2023年9月19日前将通过审核的名单报送", "于2023年9月19日前", "2023-09-19"),            # dev-040
    ("申报截止到2017年3月15日", "截止到2017年3月15日", "2017-03-15"),
    ("相关工作应于2020年底前全部完成", "应于2020年底前", "2020-12-31"),
])
def test_by_absolute(text, span, iso):
    d = one(text)
    assert (d.text, d.kind, d.date, d.year_inferred) == (span, "by", iso, None)


@pytest.mark.parametrize("text, span, iso", [
    ("相关工作应在7月底前全部完成", "在7月底前", "2016-07-31"),                # seed 000
    ("请各示范基地于6月30日前,将工作联络人报送", "于6月30日前", "2016-06-30"),   # seed 000
    ("申报时间截止到9月26日前!", "截止到9月26日前", "2016-09-26"),               # dev-013
])
def test_by_year_inferred_from_issue_date(text, span, iso):
    d = one(text, issue_date="2016-06-13")
    assert (d.text, d.kind, d.date, d.year_inferred) == (span, "by", iso, "issue_date")


def test_month_long_past_issue_date_means_next_year():
    d = one("于3月底前报送", issue_date="2016-11-20")
    assert d.date == "2017-03-31"


def test_missing_year_without_issue_date_stays_unresolved():
    d = one("于6月30日前报送")
    assert (d.kind, d.date, d.year_inferred) == ("by", None, None)


@pytest.mark.parametrize("text, span, iso", [
    ("至2020年底,全市建成众创空间10家以上", "至2020年底", "2020-12-31"),           # seed 001
    ("政策执行期限至2017年底。", "至2017年底", "2017-12-31"),
    ("“科技企业孵化器”资格保留至2027年12月31日。", "至2027年12月31日", "2027-12-31"),  # dev-013
])
def test_until(text, span, iso):
    d = one(text)
    assert (d.text, d.kind, d.date) == (span, "until", iso)


@pytest.mark.parametrize("text, span, kind", [
    ("到2020年,全省建成50家以上众创空间", "到2020年", "by"),      # seed 003: a target year (FORMAT.md: by)
    ("力争到2027年,全市建成10个孵化器。", "到2027年", "by"),
    ("到2025年底,完成改造。", "到2025年底", "by"),
    ("政策执行到2025年底。", "到2025年底", "until"),              # a validity bound
    ("补贴期限延长到2025年底。", "到2025年底", "until"),
    ("本政策有效期到2026年12月31日。", "到2026年12月31日", "until"),
])
def test_target_year_is_by_validity_is_until(text, span, kind):
    d = one(text, issue_date="2019-05-10")
    assert (d.text, d.kind) == (span, kind)


@pytest.mark.parametrize("text, span, start, end", [
    ("从2015年起至202012月底止,给符合条件的", "从2015年起至202012月底止", "2015-01-01", "2020-12-31"),  # seed 001
    ("2培育实施阶段(20183月上旬-7月下旬)。", "20183月上旬-7月下旬", "2018-03-01", "2018-07-31"),      # seed 002
    ("自2016年1月1日至2018年12月31日,对符合条件的", "自2016年1月1日至2018年12月31日", "2016-01-01", "2018-12-31"),
    ("实施期为2016—2020年", "2016—2020年", "2016-01-01", "2020-12-31"),
    ("在2018年上半年开展评估", "在2018年上半年", "2018-01-01", "2018-06-30"),              # seed 000
    ("1启动阶段(20181-2月下旬)", "20181-2月下旬", "2018-01-01", "2018-02-28"),             # seed 002
])
def test_spans(text, span, start, end):
    d = one(text)
    assert (d.text, d.kind, d.start_date, d.end_date) == (span, "span", start, end)


@pytest.mark.parametrize("text, span, iso", [
    ("本意见自印发之日起施行。", "自印发之日起施行", None),                       # seed 003
    ("入驻孵化基地的众创空间,自授牌之日起,即可享受", "自授牌之日起", None),       # seed 001
    ("自认定之日次月起享受", "自认定之日次月起", None),                          # dev-027
    ("2016年12月1日起,大学生群体", "2016年12月1日起", "2016-12-01"),             # dev-015
    ("从2016年起,高校毕业生", "从2016年起", "2016-01-01"),                       # seed 001
    ("自 2024 年 1 月 1 日起继续享受", "自 2024 年 1 月 1 日起", "2024-01-01"),    # dev-027
    ("2024 年 1 月 1 日以后认定的", "2024 年 1 月 1 日以后", "2024-01-01"),
])
def test_from(text, span, iso):
    d = one(text)
    assert (d.text, d.kind, d.date) == (span, "from", iso)


@pytest.mark.parametrize("text, span, duration", [
    ("3年内可保留人事关系", "3年内", "P3Y"),                                      # seed 001
    ("清单后三个月内出台", "三个月内", "P3M"),
    ("半年内可给予一次性初始创业补贴", "半年内", "P6M"),                            # dev-022
])
def test_within(text, span, duration):
    d = one(text)
    assert (d.text, d.kind, d.duration) == (span, "within", duration)


# Benefit and term lengths are durations (spec: not deadlines, so the deadline column holds dates).
@pytest.mark.parametrize("text, span, duration", [
    ("享受期限最长两年。", "享受期限最长两年", "P2Y"),
    ("授牌后运营满一年可再申报", "运营满一年", "P1Y"),     # the operating period as written
    ("最长可延期3个月。", "最长可延期3个月", "P3M"),
    ("场租补贴最长期限不超过36个月。", "最长期限不超过36个月", "P36M"),               # dev-014
    ("给予连续三年的场租补贴", "连续三年", "P3Y"),                                  # dev-012
    ("可给予3年、每年不超过10000元的房租补贴", "给予3年", "P3Y"),                    # dev-022
    ("孵化周期不超过3年", "孵化周期不超过3年", "P3Y"),                              # dev-044
    ("贷款期限不超过3年", "贷款期限不超过3年", "P3Y"),
    ("免收3个月租金", "免收3个月", "P3M"),
    ("连续两年给予补贴", "连续两年", "P2Y"),
])
def test_durations_apart_from_deadlines(text, span, duration):
    assert find_deadlines(text) == []
    [d] = find_durations(text)
    assert (d.text, d.duration) == (span, duration) and text[d.start:d.end] == d.text


@pytest.mark.parametrize("text, span, iso", [
    ("请于2019/04/19前完成。", "于2019/04/19前", "2019-04-19"),
    ("须于2023-09-19前提交", "于2023-09-19前", "2023-09-19"),
    ("应于2019.9.6前报送", "于2019.9.6前", "2019-09-06"),
    ("请于20240307前完成。", "于20240307前", "2024-03-07"),
    ("请于二〇一九年五月八日前完成。", "于二〇一九年五月八日前", "2019-05-08"),
    ("力争2025年底前建成", "2025年底前", "2025-12-31"),
])
def test_by_written_forms(text, span, iso):
    d = one(text, issue_date="2018-03-01")
    assert (d.kind, d.date, d.year_inferred) == ("by", iso, None)
    assert d.text.endswith(span) or span.endswith(d.text)


@pytest.mark.parametrize("text, iso", [
    ("请于明年底前完成。", "2022-12-31"),          # next year, not this one
    ("于今年9月30日前完成", "2021-09-30"),
    ("去年9月前已申报的项目", "2020-09-30"),
    ("于9月30日前报送", "2021-09-30"),
])
def test_by_relative_to_issue_date(text, iso):
    d = one(text, issue_date="2021-06-14")
    assert (d.kind, d.date, d.year_inferred) == ("by", iso, "issue_date")


def test_period_is_not_a_deadline_before_its_year():
    d = one("2021年前两个季度完成试点")
    assert (d.kind, d.start_date, d.end_date) == ("span", "2021-01-01", "2021-06-30")


def test_span_with_chinese_months():
    d = one("自2017年五月至2018年四月开展专项行动")
    assert (d.kind, d.start_date, d.end_date) == ("span", "2017-05-01", "2018-04-30")


@pytest.mark.parametrize("text", [
    "根据《关于全面推开营业税改征增值税试点的通知》(财税〔2016〕36号)执行。",
    "依据粤府〔2019〕1号文件规定办理。",
])
def test_document_number_is_never_a_date(text):
    assert find_deadlines(text, issue_date="2021-06-14") == []


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_each_rule_reads_its_example(rule):
    """Every rule of the table has a sentence it must read — and it is that rule that reads it."""
    assert any(rule.pattern.search(rule.example) for _ in [0])
    items = find_deadlines(rule.example, issue_date="2016-06-13")
    assert items, rule.name


def test_rules_are_ordered_by_priority():
    prios = [r.priority for r in RULES]
    assert prios == sorted(prios, reverse=True) and len(set(r.name for r in RULES)) == len(RULES)


@pytest.mark.parametrize("text, span, recurrence", [
    ("可按季度申报场地水电补贴", "按季度", "quarterly"),                            # seed 001
    ("并于每季度结束前将相关材料报送", "每季度结束前", "quarterly"),                  # seed 000
    ("争取每年创建2个示范点", "每年创建", "yearly"),
    ("每半年报送一次", "每半年", "semiannual"),
    ("企业应于每年3月31日前报送上年度报告", "每年3月31日前", "yearly"),
    ("于每月10日前报送统计报表", "每月10日前", "monthly"),
])
def test_recurring(text, span, recurrence):
    d = one(text)
    assert (d.kind, d.recurrence) == ("recurring", recurrence)
    assert d.text == span[:len(d.text)] and len(d.text) >= 2


@pytest.mark.parametrize("text", [
    "2015年,市政府印发了《关于加快发展的意见》",
    "截至6月17日,苏州共有省级以上众创空间",                          # dev-003 (statistic cut-off)
    "至2016年,我市已建有众创空间12家",                               # seed 004 (count so far)
    "2010年开始举办“科技咖啡”活动",                                 # seed 004 (history)
    "对毕业5年内在我区创业的大学生",                                 # dev-022 (eligibility, not a deadline)
    "对每年补助最高20万元",
    "《国家中长期科学和技术发展规划纲要(2006—2020年)》",           # dev-054 (title period)
    "今年前三季度",
    "南府办〔2016〕34号",
    "联系电话:0771-5501234",
])
def test_not_deadlines(text):
    assert find_deadlines(text, issue_date="2016-06-13") == []


def test_five_year_plan_end():
    assert find_deadlines("“十二五”时期,我市累计建成众创空间") == []            # dev-054 (narrative)
    [d] = find_deadlines("到“十四五”末,基本建成")
    assert (d.kind, d.date) == ("by", "2025-12-31")


def test_window_and_offsets():
    text = "一、于6月30日前报送。二、按季度申报。"
    s = text.index("二")
    items = find_deadlines(text, s, None, issue_date="2016-06-13")
    assert [(d.text, d.start) for d in items] == [("按季度", text.index("按季度"))]


def test_seed_deadlines(seed_path):
    text = seed_path("national").read_text(encoding="utf-8")
    got = {(d.kind, d.date or d.recurrence) for d in find_deadlines(text, issue_date="2016-06-13")}
    assert {("by", "2016-07-31"), ("by", "2016-06-30"), ("recurring", "quarterly")} <= got


# ------------------------------------------------------------------ read_time's fast path

@pytest.mark.parametrize("span, base, start, end, relative, approximate", [
    ("2025年", None, "2025-01-01", "2025-12-31", False, False),
    ("2025年底", None, "2025-11-01", "2025-12-31", False, True),
    ("2024年年初", None, "2024-01-01", "2024-02-29", False, True),
    ("2018年3月上旬", None, "2018-03-01", "2018-03-10", False, True),
    ("2024年2月底", None, "2024-02-25", "2024-02-29", False, True),
    ("二〇一九年五月八日", None, "2019-05-08", "2019-05-08", False, False),
    ("2019年十二月", None, "2019-12-01", "2019-12-31", False, False),
    ("明年底", "2020-05-10", "2021-11-01", "2021-12-31", True, True),
    ("去年9月", "2020-05-10", "2019-09-01", "2019-09-30", True, False),
    ("本年度", "2020-05-10", "2020-01-01", "2020-12-31", True, False),
    ("9月30日", "2020-05-10", "2020-09-30", "2020-09-30", True, False),
    ("十月底", "2020-05-10", "2020-10-25", "2020-10-31", True, True),
])
def test_common_forms_read_without_the_parser(span, base, start, end, relative, approximate):
    from datetime import date

    from zhengce import text as zt

    b = date.fromisoformat(base) if base else None
    tv, handled = zt._fast_time(span, b)
    assert handled
    assert (tv.start, tv.end, tv.relative, tv.approximate) == (start, end, relative, approximate)
    assert zt.read_time(span, b) == tv


@pytest.mark.parametrize("span", ["明年底", "9月30日", "今年"])
def test_relative_form_without_a_reference_date_is_unresolved(span):
    from zhengce.text import read_time

    assert read_time(span) is None


def test_fast_path_agrees_with_jionlp():
    """Every form the fast path reads gives the value JioNLP's parse_time gives it."""
    import itertools
    from datetime import date

    from zhengce import text as zt

    years = ["2020", "2024", "二〇二三", "今年", "当年", "明年", "去年"]
    months = ["", "2月", "02月", "9月", "十二月"]
    tails = ["", "1日", "29日", "30日", "三十一日", "十五号", "底", "初", "上旬", "中旬", "下旬"]
    spans = {y + ("" if y.endswith("年") else "年") + m + t
             for y, m, t in itertools.product(years, months, tails) if m or not t}
    spans |= {y + ("" if y.endswith("年") else "年") + t
              for y in years for t in ("底", "年末", "年初", "上半年", "下半年")}
    spans |= {"9月30日", "2月29日", "十月底", "本年度"}
    checked = 0
    for base in (date(2020, 5, 10), date(2023, 12, 31)):
        for span in sorted(spans):
            tv, handled = zt._fast_time(span, base)
            if not handled:
                continue
            peer = zt._jio(span, base)
            want = None if peer is None else (peer[0], peer[1], peer[2] != "accurate")
            assert want == (None if tv is None else (tv.start, tv.end, tv.approximate)), span
            checked += 1
    assert checked > 300


@pytest.mark.parametrize("span, relative", [
    ("2021年前两个季度", False),      # a written year, no relative word: parsed once
    ("2025年前", True),              # open end: from the reference date until 2025 (asked twice)
    ("零七年八月二十九号", False),     # a two-digit year in numerals (asked twice)
    ("明年6月之前", True),            # no year written
])
def test_relative_read_from_the_span(span, relative):
    from datetime import date

    from zhengce.text import read_time

    tv = read_time(span, date(2021, 6, 14))
    assert tv is not None and tv.relative is relative


# ------------------------------------------------------------------ forms added for the spec-aligned gold

@pytest.mark.parametrize("text, span, start, end", [
    ("2023年3月1日(含当日)至2024年2月29日期间参保的职工", "2023年3月1日(含当日)至2024年2月29日期间",
     "2023-03-01", "2024-02-29"),
    ("申报受理时间为5月6日至6月20日。", "5月6日至6月20日", "2022-05-06", "2022-06-20"),
])
def test_span_forms(text, span, start, end):
    d = one(text, issue_date="2022-04-18")
    assert (d.text, d.kind, d.start_date, d.end_date) == (span, "span", start, end)


def test_month_day_span_without_a_document_date_keeps_its_dates_unknown():
    d = one("兑换期从8月2日至9月15日,逾期作废")
    assert (d.kind, d.text, d.start_date, d.end_date) == ("span", "从8月2日至9月15日", None, None)


@pytest.mark.parametrize("text, span, iso", [
    ("对2024年1月1日及之后出生的婴儿发放补贴", "2024年1月1日及之后", "2024-01-01"),
    ("2019年6月30日(含)后注册的小微企业", "2019年6月30日(含)后", "2019-06-30"),
    ("对2021年及以后新认定的孵化器给予奖励", "2021年及以后", "2021-01-01"),
    ("对2019年3月1日后新建的厂房", "2019年3月1日后", "2019-03-01"),
    ("【施行日期】2021.03.15", "2021.03.15", "2021-03-15"),
])
def test_from_forms(text, span, iso):
    d = one(text)
    assert (d.text, d.kind, d.date) == (span, "from", iso)


def test_from_today_takes_the_document_date():
    d = one("本通知自即日起施行。", issue_date="2021-05-06")
    assert (d.text, d.kind, d.date, d.year_inferred) == ("自即日起", "from", "2021-05-06", "issue_date")


def test_period_named_by_its_year():
    d = one("减免政策适用于所属期为2022年度的城镇土地使用税")
    assert (d.text, d.kind, d.start_date, d.end_date) == ("2022年度", "span", "2022-01-01", "2022-12-31")


@pytest.mark.parametrize("text", [
    "补贴标准逐年下调到2019年标准的80%",     # a reference year, not a bound
    "入驻企业由12家增加到去年30家",           # a comparison with last year
    "自登记注册之日起正常经营12个月以上的",    # the start of an eligibility length, not a date
])
def test_not_deadlines(text):
    assert find_deadlines(text, issue_date="2021-03-01") == []


@pytest.mark.parametrize("text, span, duration", [
    ("补助期限原则上为3年", "补助期限原则上为3年", "P3Y"),
    ("住房公积金缴存年限不超过5年的", "缴存年限不超过5年", "P5Y"),
    ("高校毕业生毕业3年以内创办企业的", "毕业3年以内", "P3Y"),
    ("退役2年内的军人", "退役2年内", "P2Y"),
    ("在本市正常经营6个月以上的个体工商户", "正常经营6个月以上", "P6M"),
    ("公示期为自公示之日起7个工作日", "7个工作日", "P7D"),
])
def test_eligibility_and_term_lengths_are_durations(text, span, duration):
    assert [d.kind for d in find_deadlines(text)] == []
    [d] = find_durations(text)
    assert (d.text, d.duration) == (span, duration) and text[d.start:d.end] == d.text


def test_age_is_not_a_duration():
    assert find_durations("未满3周岁的婴幼儿") == []


def test_two_consecutive_years_are_one_period():
    d = one("到2022年和2023年,补贴标准分别下调20%和40%")
    assert (d.text, d.kind, d.start_date, d.end_date) == ("2022年和2023年", "span", "2022-01-01", "2023-12-31")


def test_url_date_is_the_page_day():
    from zhengce.text import url_date

    assert url_date("http://news.example.com/a/2021/0415/abc.html") == "2021-04-15"
    assert url_date("http://www.example.gov.cn/xxgk/202104/t20210415_1.html") == "2021-04-15"
    assert url_date("http://www.example.gov.cn/art/2021/4/5/art_1.html") == "2021-04-05"
    assert url_date("http://www.example.com/news/344387.htm") is None
    assert url_date("/home/me/pages/2021/0415/a.html") is None     # a local path is no URL


def test_extraction_resolves_year_less_dates_against_the_url_day():
    from zhengce.pipeline import process_bytes

    text = ("本报讯 为促进消费回暖,我市决定开展第二轮消费券发放活动,由市商务局会同各区组织实施。\n"
            "活动时间为4月1日至4月30日,市民可通过手机应用领取,每人每次限领一张,领取后七日内有效。\n")
    ex = process_bytes(text.encode("utf-8"), "news.txt", url="http://news.example.com/a/2021/0325/x1.html")
    spans = [d for m in ex.measures for d in m.deadlines if d.kind == "span"]
    assert [(d.start_date, d.end_date, d.year_inferred) for d in spans] == [
        ("2021-04-01", "2021-04-30", "issue_date")]


def test_span_with_a_small_hyphen():
    d = one("对2018年3月﹣2021年6月30日期间引进的人才")
    assert (d.kind, d.start_date, d.end_date) == ("span", "2018-03-01", "2021-06-30")


@pytest.mark.parametrize("text, n", [
    ("2024年,省级财政安排的补贴资金主要用于支持小微企业。", 1),   # the year scoping what follows
    ("2015年,市政府印发了创业扶持办法。", 0),                      # history: what was done
    ("2016年,全市累计发放补贴3000万元。", 0),
])
def test_year_leading_its_sentence(text, n):
    items = find_deadlines(text, issue_date="2023-06-01")
    assert len([d for d in items if d.kind == "span"]) == n


def test_past_year_leading_a_sentence_is_history():
    assert find_deadlines("2019年,补贴主要用于购置农机。", issue_date="2023-06-01") == []


@pytest.mark.parametrize("text, span, duration", [
    ("孵化期一般为2年", "孵化期一般为2年", "P2Y"),
    ("公示期为5个工作日", "公示期为5个工作日", "P5D"),
    ("场地免租3年", "免租3年", "P3Y"),
    ("在本市缴纳社会保险6个月以上的", "缴纳社会保险6个月以上", "P6M"),
    ("租期不少于3年", "租期不少于3年", "P3Y"),
])
def test_named_periods_and_contribution_lengths_are_durations(text, span, duration):
    [d] = find_durations(text)
    assert (d.text, d.duration) == (span, duration)


@pytest.mark.parametrize("text", ["2016年工作要点", "工作人员12名以上"])
def test_work_words_without_a_length(text):
    assert find_durations(text) == []


def test_rules_skipped_only_when_they_cannot_match():
    """find_deadlines skips a rule whose required characters are absent; every rule's example still runs it,
    and the gate never skips a rule that matches (the rules' examples and sentences of every kind)."""
    from zhengce.nlp.deadlines import _GATE

    texts = [r.example for r in RULES] + ["请于2024年6月30日前提交", "自印发之日起施行,有效期5年", "每季度末前报送",
                                          "2023.9.1-2024.8.31", "二〇二四年十二月三十一日前", "明年底前完成", "于次月10日前"]
    for text in texts:
        ok = set(_GATE.runnable(text))
        for i, rule in enumerate(RULES):
            if rule.pattern.search(text):
                assert i in ok, (rule.name, text)


def test_required_chars_read_from_the_pattern():
    from zhengce.nlp.windows import RuleGate, required_chars

    assert required_chars(re.compile(r"(?i)abc")) == ()                 # case-blind: nothing sure
    assert required_chars(re.compile(r"x*y?")) == ()
    assert set(required_chars(re.compile(r"a(?:b|cd)+e?"))) == {frozenset("a"), frozenset("bc")}
    assert frozenset({"\\d"}) in required_chars(re.compile(r"(?=\d)\d+年?"))
    g = RuleGate([re.compile(r"截止\d"), re.compile(r"每年"), re.compile(r".")])
    assert g.runnable("截止5月") == (0, 2) and g.runnable("每年一次") == (1, 2) and g.runnable("截止") == (2,)


@pytest.mark.parametrize("text, span, duration", [
    ("给予为期3年的房租补贴", "为期3年", "P3Y"),
    ("过渡期为3个月", "过渡期为3个月", "P3M"),
])
def test_more_term_lengths(text, span, duration):
    [d] = find_durations(text)
    assert (d.text, d.duration) == (span, duration)


@pytest.mark.parametrize("text, span", [
    ("自即日起至2023年12月31日,对新购车辆给予补贴", "自即日起至2023年12月31日"),
    ("本通知自印发之日起至2025年12月31日止有效", "自印发之日起至2025年12月31日止"),
])
def test_from_the_document_date_until_a_date(text, span):
    d = one(text, issue_date="2023-03-01")
    assert (d.text, d.kind, d.start_date) == (span, "span", "2023-03-01")
    assert d.end_date.endswith("-12-31")


@pytest.mark.parametrize("text, span, duration", [
    ("住房补贴时间为5年", "补贴时间为5年", "P5Y"),
    ("5年服务期满后", "5年服务期满", "P5Y"),
    ("奖励资金分3年拨付", "分3年拨付", "P3Y"),
    ("企业近三年研发投入不低于", "近三年", "P3Y"),
    ("从事该领域时间达到2年以上", "时间达到2年以上", "P2Y"),
    ("厂房租期在5年以上的", "租期在5年以上", "P5Y"),
    ("与员工签订3年以上劳动合同的", "3年以上劳动合同", "P3Y"),
    ("合同三年到期后", "三年到期", "P3Y"),
])
def test_spec_gold_term_forms(text, span, duration):
    [d] = find_durations(text)
    assert (d.text, d.duration) == (span, duration)


def test_listed_lengths_take_the_first_ones_reading():
    items = find_durations("硕士、博士分别连续补助2年、3年")
    assert [(d.text, d.duration) for d in items] == [("补助2年", "P2Y"), ("3年", "P3Y")]


@pytest.mark.parametrize("text", ["近年来补贴力度加大", "近10年来", "申报时间为3月1日", "2016年、2017年"])
def test_not_lengths(text):
    assert find_durations(text) == []


def test_two_iso_dates_with_a_slash_are_a_period():
    d = one("申报时间:2024-01-16/2024-02-23")
    assert (d.kind, d.start_date, d.end_date) == ("span", "2024-01-16", "2024-02-23")


def test_deadline_whose_month_mark_was_lost():
    d = one("意见征求截止至227日。", issue_date="2020-02-26")
    assert (d.kind, d.date, d.year_inferred) == ("by", "2020-02-27", "issue_date")


@pytest.mark.parametrize("text, span, iso", [
    ("本意见自印发之日起施行。", "自印发之日起施行", "2021-05-06"),
    ("本办法自公布之日起30日后施行。", "自公布之日起30日后施行", "2021-06-05"),
])
def test_issue_events_resolve_to_the_document_date(text, span, iso):
    d = one(text, issue_date="2021-05-06")
    assert (d.text, d.kind, d.date, d.year_inferred) == (span, "from", iso, "issue_date")


def test_other_events_stay_undated():
    d = one("自授牌之日起,即可享受房租补贴", issue_date="2021-05-06")
    assert (d.kind, d.date) == ("from", None)


def test_a_five_year_plan_period_and_a_date_before_截止():
    from zhengce.nlp.deadlines import find_deadlines
    got = [(d.kind, d.start_date, d.end_date) for d in find_deadlines("“十四五”期间，全市新建养老床位1万张。")]
    assert got == [("span", "2021-01-01", "2025-12-31")]
    got = [(d.kind, d.date) for d in find_deadlines("本年度申报于2023年8月22日截止。")]
    assert got == [("by", "2023-08-22")]


@pytest.mark.parametrize("text, span, kind, dates", [
    ("2025年底全面建成15分钟便民生活圈。", "2025年底", "by", ("2025-12-31",)),
    ("确保2023年12月31日完成改造。", "2023年12月31日", "by", ("2023-12-31",)),
    ("明年6月底全部完成。", "明年6月底", "by", ("2024-06-30",)),
    ("力争2025年,全市建成示范村100个。", "2025年", "by", ("2025-12-31",)),
    ("2024年上半年完成验收。", "2024年上半年", "span", ("2024-01-01", "2024-06-30")),
])
def test_a_date_an_action_is_due_by_is_a_target(text, span, kind, dates):
    # spec: target years count (到2020年, 2025年底), resolved against the document's date
    d = one(text, issue_date="2023-06-01")
    got = (d.date,) if kind == "by" else (d.start_date, d.end_date)
    assert (d.text, d.kind, got) == (span, kind, dates)


def test_a_past_completion_is_history_not_a_target():
    assert find_deadlines("2019年底建成了示范区。", issue_date="2023-06-01") == []
    assert find_deadlines("2019年完成投资10亿元。", issue_date="2023-06-01") == []
    assert find_deadlines("2025年底全面建成。") == []        # no document date, no target word: unknown


def test_relative_start_and_future_target_with_累计():
    d = one("去年9月起我市将婴幼儿纳入参保范围", issue_date="2023-03-20")
    assert (d.kind, d.date) == ("from", "2022-09-01")
    d = one("到2025年,全县累计建成高标准农田20万亩。", issue_date="2023-03-01")
    assert (d.kind, d.date) == ("by", "2025-12-31")     # a target year (FORMAT.md)
    assert find_deadlines("至2016年,我市已建有孵化器30家。", issue_date="2018-03-01") == []


def test_a_plan_period_counts_in_the_plans_own_release_not_when_cited_or_past():
    # round 19: the plan a text releases or reports counts; one it cites (根据/贯彻落实《…》, 《…》部署, a 文号
    # after the title) is another document's period, as the genre readers leave it out
    text = "市经信委印发《重庆市软件业发展行动计划(2022—2025年)》,对企业给予奖励。"
    assert [(d.start_date, d.end_date) for d in find_deadlines(text, issue_date="2022-06-01")] == \
        [("2022-01-01", "2025-12-31")]
    assert find_deadlines("根据《重庆市软件业发展行动计划(2022—2025年)》,对企业给予奖励。", issue_date="2022-06-01") == []
    assert find_deadlines("《国家中长期科学和技术发展规划纲要(2006—2020年)》,", issue_date="2012-03-01") == []


@pytest.mark.parametrize("text, start, end", [
    ("申报时间为5月1日至31日。", "2023-05-01", "2023-05-31"),            # second bound: a day of the first's month
    ("2023年9月1日至15日集中受理", "2023-09-01", "2023-09-15"),
    ("网上申报时间:2023年9月1日9:00—9月15日17:00。", "2023-09-01", "2023-09-15"),   # clock times on both bounds
])
def test_spans_with_a_short_second_bound_or_clock_times(text, start, end):
    d = one(text, issue_date="2023-04-01")
    assert (d.kind, d.start_date, d.end_date) == ("span", start, end)


@pytest.mark.parametrize("text, kind, span, iso", [
    ("受理时间:2024年6月30日止。", "until", "2024年6月30日止", "2024-06-30"),        # an end without 至
    ("各单位本月底前报送申请材料。", "by", "本月底前", "2023-01-31"),              # the document's own month
    ("本细则从发文之日起执行。", "from", "从发文之日起执行", "2023-01-10"),          # 从 as well as 自
])
def test_ends_months_and_issue_events_in_their_other_forms(text, kind, span, iso):
    d = find_deadlines(text, issue_date="2023-01-10")
    assert [(x.kind, x.text, x.date) for x in d] == [(kind, span, iso)]


def test_a_stop_word_after_a_span_or_an_until_is_not_read_twice():
    assert [x.kind for x in find_deadlines("自2023年1月1日起至2025年12月31日止", issue_date="2023-01-10")] == ["span"]
    assert [x.kind for x in find_deadlines("有效期至2025年12月31日止", issue_date="2023-01-10")] == ["until"]
    assert find_deadlines("本月工作要点", issue_date="2023-01-10") == []


def test_a_planned_year_with_a_rise_is_a_target_year():
    """计划2025年将…提高至…: the year a target is to be met (spec: target years), read like 2025年建成…;
    a year already past for the document stays a comparison."""
    d = find_deadlines("计划2025年将市级专项资金规模提高至1000万元。", issue_date="2024-06-20")
    assert [(x.kind, x.text, x.date) for x in d] == [("by", "2025年", "2025-12-31")]
    assert find_deadlines("2020年补贴标准提高到每人每月500元。", issue_date="2024-06-20") == []


def test_a_yearly_date_is_read_for_the_document_year_and_marked_yearly():
    d = find_deadlines("申请人应于每年6月30日前提交材料。", issue_date="2024-02-01")
    assert [(x.kind, x.date, x.recurrence, x.year_inferred) for x in d] == [("by", "2024-06-30", "yearly", "issue_date")]
    assert [x.kind for x in find_deadlines("于每月10日前报送统计报表", issue_date="2024-02-01")] == ["recurring"]


def test_a_date_cut_by_a_pdf_line_break_is_read_and_keeps_its_span():
    text = "首批专列开行须于202\n4年12月31日前完成。"
    d = find_deadlines(text, issue_date="2024-03-01")
    assert [(x.kind, x.date) for x in d] == [("by", "2024-12-31")]
    assert text[d[0].start:d[0].end] == d[0].text and "\n" in d[0].text
