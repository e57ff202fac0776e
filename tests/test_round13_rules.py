"""Rules added in round 13. Cases are written here from the spec (what a period or a deadline is, who counts
as a responsible unit), not copied from gold pages."""
from __future__ import annotations

from zhengce.nlp.deadlines import find_deadlines
from zhengce.nlp.extract import extract_text
from zhengce.nlp.tables import piped_view
from zhengce.pipeline import process_bytes

LEAD = ("关于印发某某民生补贴实施办法的通知\n为做好民生保障工作,结合本地实际,制定本办法。"
        "本办法适用于本辖区户籍居民。\n一、办理程序\n")


def units_of(body: str, lead: str = LEAD) -> list[tuple[str, str]]:
    ex = process_bytes((lead + body + "\n").encode(), "probe.txt")
    return [(u.name, u.role) for u in ex.units]


def dates(text: str, issue: str = "2024-03-08") -> list[tuple]:
    return [(d.text, d.kind, d.date or (d.start_date, d.end_date)) for d in find_deadlines(text, issue_date=issue)]


# ------------------------------------------------------------------ dates

def test_part_of_a_month_written_in_chinese_numerals_is_read_and_never_raises():
    # round 12's reading of 6月上旬 formatted the month read from 六 as a float and raised
    assert dates("复核结果于六月上旬在区政府门户网站公示。", "2023-05-22") == \
        [("六月上旬", "span", ("2023-06-01", "2023-06-10"))]
    assert extract_text("十二月中下旬组织验收。", issue_date="2023-05-22")


def test_a_month_that_comes_back_every_year_is_that_months_days_at_its_next_instance():
    assert dates("每年12月集中申报一次。", "2023-05-22") == [("每年12月", "span", ("2023-12-01", "2023-12-31"))]
    # already past in the document's year: next year's
    assert dates("每年3月由镇(街)组织开展一次资格复核。", "2024-09-10") == \
        [("每年3月", "span", ("2025-03-01", "2025-03-31"))]
    assert dates("每年二月组织申报。", "2024-01-05") == [("每年二月", "span", ("2024-02-01", "2024-02-29"))]
    # alone in a table's deadline cell
    assert ("每年12月", "span", ("2023-12-01", "2023-12-31")) in dates("4|建后管护补助|村集体|每亩20元|每年12月|县农业农村局", "2023-05-22")
    d = find_deadlines("每年12月集中申报一次。", issue_date="2023-05-22")[0]
    assert d.recurrence == "yearly" and d.year_inferred


def test_a_yearly_month_keeps_its_other_readings():
    assert dates("每年3月底前报送年度报告。", "2023-05-22") == [("每年3月底前", "by", "2024-03-31")]
    assert dates("每年9月起开始受理。", "2023-05-22") == []          # a yearly start, no period
    assert dates("每年12月集中申报一次。", None) == []               # no date to resolve it against


# ------------------------------------------------------------------ units

def test_the_body_a_file_is_sent_to_for_review_certifies_it():
    assert ("区民政局", "certifier") in units_of("社区核查后报区民政局审批,审批通过的按月发放。\n")
    assert ("市人社局", "certifier") in units_of("用人单位将名册报市人社局审核。\n")


def test_the_body_a_file_is_only_filed_with_receives_it():
    assert ("市民政局", "receiver") in units_of("区民政局组织评估,评估结果报市民政局备案。\n")


def test_the_office_an_applicant_goes_to_receives_the_application():
    units = units_of("申请人到户籍所在地镇（街）政务服务中心提出申请,区民政局审核确认。\n")
    assert ("镇（街）政务服务中心", "receiver") in units
    # 到 with no application after it: no receiver (拨付到…专户 is where money goes)
    assert ("区财政局", "receiver") not in units_of("补贴资金拨付到区财政局专户。\n")
    # a visit is no application, whatever words follow later in the sentence
    assert ("市人社局", "receiver") not in units_of("副市长一行到市人社局调研,了解创业补贴申报情况。\n")


def test_the_hong_kong_and_macao_affairs_office_is_a_body():
    assert ("港澳办", "co") in units_of("省人力资源社会保障厅将会同港澳办对措施实施情况进行评估。\n")


def test_a_banners_bodies_get_the_banners_full_name_and_merge_with_it():
    page = ("伊金霍洛旗农牧局关于做好耕地保护工作的通知\n伊农牧发〔2024〕23号\n各镇人民政府,旗直有关部门:\n"
            "请各单位于12月20日前报旗农牧局。旗财政局负责拨付项目资金。\n伊金霍洛旗农牧局\n2024年3月5日\n")
    ex = process_bytes(page.encode(), "probe.txt")
    full = {u.full_name for u in ex.units}
    assert {"伊金霍洛旗农牧局", "伊金霍洛旗财政局"} <= full
    assert len([u for u in ex.units if u.full_name == "伊金霍洛旗农牧局"]) == 1


# ------------------------------------------------------------------ layout

def test_numbered_table_rows_run_together_on_one_line_are_split():
    text = ("项目名称|补贴对象|补贴标准|\n"
            "1|耕地地力保护补贴|承包农户|每亩110元|乡镇服务中心 2|稻谷补贴|种植者|每亩30元|乡镇服务中心 3|农机补贴|农户|30%|县农业农村局\n")
    view = piped_view(text)
    assert len(view) == len(text)
    assert "\n2|稻谷补贴" in view and "\n3|农机补贴" in view
    assert "每亩110元" in view                     # an amount's digits are no row number


def test_a_consultation_section_holds_no_measure():
    page = ("关于开展科技创新券申报的通知\n一、支持内容\n对企业购买检测服务的,按费用的50%给予补贴,最高10万元。\n"
            "二、咨询方式\n区科技局科技创新科　0551-65318742\n区财政局产业资金科　0551-65318906\n")
    ex = process_bytes(page.encode(), "probe.txt")
    kinds = {ex.document.text[m.start:m.end].split("　")[0]: m.kind for m in ex.measures}
    assert kinds.get("区科技局科技创新科") != "measure" and kinds.get("区财政局产业资金科") != "measure"


def test_two_parts_of_months_make_one_period():
    assert dates("5月下旬至6月上旬组织专家复核。", "2024-04-01") == [("5月下旬至6月上旬", "span", ("2024-05-21", "2024-06-10"))]
    d = find_deadlines("2024年6月上旬至7月中旬开展验收。", issue_date="2024-01-05")[0]
    assert (d.start_date, d.end_date, d.year_inferred) == ("2024-06-01", "2024-07-20", None)   # a year written: none inferred


def test_a_period_that_starts_then_ends_after_a_comma_is_one_period():
    assert dates("补贴活动时间从2024年9月10日开始,到2024年12月31日结束,资金用完即止。", "2024-09-01") == \
        [("从2024年9月10日开始,到2024年12月31日结束", "span", ("2024-09-10", "2024-12-31"))]
    assert dates("自2024年1月1日起,至今已发放补贴300万元。", "2024-06-01") == [("自2024年1月1日起", "from", "2024-01-01")]


def test_a_yearly_window_or_month_end_already_past_is_next_years():
    assert dates("幼儿监护人于每年3月1日至3月31日提出申请。", "2024-12-16") == \
        [("3月1日至3月31日", "span", ("2025-03-01", "2025-03-31"))]
    assert dates("3月1日至3月31日受理申请。", "2024-01-16") == [("3月1日至3月31日", "span", ("2024-03-01", "2024-03-31"))]
    # 2月底 of a leap year is the 29th; next year's is the 28th
    assert dates("于每年2月底前下达上年结余资金。", "2024-06-01") == [("每年2月底前", "by", "2025-02-28")]


def test_every_deadline_says_where_its_year_came_from_as_a_string_or_not_at_all():
    text = "2024年6月上旬开展。6月上旬公示。5月下旬至6月上旬复核。每年12月申报。自2024年1月1日起,至2024年12月31日止。"
    for d in find_deadlines(text, issue_date="2024-03-08"):
        assert d.year_inferred is None or isinstance(d.year_inferred, str), d


def test_benefit_and_eligibility_lengths_in_more_forms():
    from zhengce.nlp.deadlines import find_durations

    def lengths(text):
        return [d.duration for d in find_durations(text)]

    assert lengths("每年在我市工作时间累计不少于2个月的,按月给予津贴。") == ["P2M"]
    assert lengths("对符合条件的,最多补发不超过12个月。") == ["P12M"]
    assert lengths("生活补贴发放期限由24个月延长至36个月。") == ["P36M"]     # the new length
    assert lengths("缴存时间由12个月调整为6个月。") == ["P6M"]
    assert lengths("实施期限延长至2022年4月30日。") == []                   # a date, no length
