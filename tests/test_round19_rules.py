"""Rules added in round 19. Cases are written here from the spec (how year-less deadlines resolve against
the document's date; 文号 and issuer as place evidence), not copied from gold pages."""
from __future__ import annotations

from zhengce.nlp.deadlines import find_deadlines
from zhengce.pipeline import process_bytes


def dated(s: str, issue: str | None = "2024-03-15") -> list[tuple[str, str, str | None]]:
    return [(d.text, d.kind, d.date) for d in find_deadlines(s, issue_date=issue)
            if d.kind not in ("within", "recurring")]


# ------------------------------------------------------------------ deadlines

def test_a_bare_month_before_qian_is_the_months_end_as_with_a_written_year():
    assert dated("请于2024年8月前完成。") == [("请于2024年8月前", "by", "2024-08-31")]
    assert dated("请各单位于8月前报送申报材料。") == [("于8月前", "by", "2024-08-31")]
    assert dated("请各单位于8月份前报送申报材料。") == [("于8月份前", "by", "2024-08-31")]
    # long past in the document's year: next year's (deadlines lie ahead)
    assert dated("请于2月前报送。", issue="2024-11-20") == [("于2月前", "by", "2025-02-28")]


def test_qian_that_means_around_or_compares_is_no_deadline():
    assert dated("预计8月前后完成招标。") == []
    assert dated("预计2024年8月前后完成招标。") == []
    assert dated("与3月前相比，就业人数增长5%。") == []
    assert dated("8月前三周共受理申请120件。") == []


def test_month_end_with_no_month_named_is_the_documents_month():
    assert dated("请于月底前将材料报送区科技局。") == [("月底前", "by", "2024-03-31")]
    assert dated("当月底前报送。") == [("当月底前", "by", "2024-03-31")]
    # every month's end, or a sum before 月底, is no one date
    assert dated("补贴按月发放，月底前到账。") == []
    assert dated("每人每月300元月底前发放。") == []
    assert dated("每月月底前报送报表。") == []
    assert [d.kind for d in find_deadlines("请于月底前报送。")] == ["by"]   # no date to resolve against
    assert [d.date for d in find_deadlines("请于月底前报送。")] == [None]


def test_a_school_term_start_is_kept_with_no_date():
    got = find_deadlines("自2024年秋季学期起，实施免费午餐。", issue_date="2024-03-15")
    assert [(d.text, d.kind, d.date) for d in got] == [("自2024年秋季学期起", "from", None)]
    assert [(d.text, d.kind) for d in find_deadlines("从新学期开始，所有学校执行新标准。")] == [("从新学期开始", "from")]
    # the calendar gives 开学前 and 暑假前 no date: not read
    assert dated("请各学校在秋季开学前完成设备采购。") == []
    assert dated("请在暑假前完成改造。") == []


# ------------------------------------------------------------------ place

BODY = "对符合条件的企业给予最高50万元补贴，对新认定的高新技术企业给予一次性奖励20万元，政策自2024年5月1日起施行。"


def place(text: str, url: str | None = None) -> tuple:
    r = process_bytes(text.encode(), "p.txt", url=url).document.region
    return r.province, r.city, r.district


def test_a_city_number_places_a_page_that_names_no_place():
    assert place("关于做好企业补贴申报的通知\n株政办发〔2024〕12号\n各县市区人民政府：\n" + BODY) == ("湖南省", "株洲市", None)
    assert place("关于做好企业补贴申报的通知\n甬政发〔2024〕12号\n各区县（市）人民政府：\n" + BODY) == ("浙江省", "宁波市", None)
    # shared by several cities, or by a province: unknown beats wrong
    assert place("关于做好企业补贴申报的通知\n南府办〔2024〕12号\n各有关单位：\n" + BODY) == (None, None, None)
    assert place("关于做好企业补贴申报的通知\n青政发〔2024〕12号\n各有关单位：\n" + BODY) == (None, None, None)


def test_a_county_under_its_old_name():
    assert place("双流县关于支持大学生创业的实施意见\n" + BODY) == ("四川省", "成都市", "双流县")
    assert place("关于印发若干措施的通知\n宁乡县人民政府\n" + BODY) == ("湖南省", "长沙市", "宁乡县")


def test_a_month_an_actions_label_names_is_a_span_of_that_month():
    got = find_deadlines("申报时间为9月。", issue_date="2024-08-15")
    assert [(d.text, d.kind, d.start_date, d.end_date) for d in got] == [("9月", "span", "2024-09-01", "2024-09-30")]
    got = find_deadlines("集中申报时间：2月份。", issue_date="2024-08-15")     # long past: the coming February
    assert [(d.start_date, d.end_date) for d in got] == [("2025-02-01", "2025-02-28")]
    # a statistic's month, a recurring one, or the start of a range is not this rule's
    assert find_deadlines("统计时间为3月，全市新增企业120家。", issue_date="2024-08-15") == []
    assert find_deadlines("申报时间为每年9月。", issue_date="2024-08-15") == []
    got = find_deadlines("活动时间为4月至6月。", issue_date="2024-03-01")
    assert [(d.start_date, d.end_date) for d in got] == [("2024-04-01", "2024-06-30")]


# ------------------------------------------------------------------ amount kinds

def test_a_rate_per_unit_is_per_unit_and_a_one_off_sum_is_fixed():
    from zhengce.nlp.amounts import find_amounts

    def kinds(s):
        return [(a.text, a.kind, a.per) for a in find_amounts(s)]
    assert kinds("补助标准为每人每月1800元。") == [("每人每月1800元", "per_unit", "人/月")]
    assert kinds("给予1.2万元/人的补贴。") == [("1.2万元/人", "per_unit", "人")]
    assert kinds("给予一次性奖励20万元。") == [("20万元", "fixed", "一次性")]
    assert kinds("最高不超过每个基地每年55万元。")[0][1] == "cap"       # cap wins over per-unit


def test_the_spend_a_coupon_needs_is_a_threshold():
    from zhengce.nlp.amounts import find_amounts
    assert [(a.text, a.kind) for a in find_amounts("消费满300元可使用")] == [("300元", "threshold")]
    assert [a.kind for a in find_amounts("每满100元减10元")][0] == "threshold"


def test_the_extraction_schema_names_per_unit():
    from zhengce.schemas import load_schema
    s = load_schema()
    assert "per_unit" in s["$defs"]["amount"]["properties"]["kind"]["enum"]
    v = s["properties"]["schema_version"]["const"]
    assert tuple(int(x) for x in v.split(".")) >= (1, 3, 0)      # per_unit arrived in 1.3.0


def test_a_month_part_that_a_plan_names_is_a_span_and_a_start_that_opens_a_round_is_from():
    got = find_deadlines("申领系统计划于8月下旬上线，届时可通过小程序申请。", issue_date="2025-07-30")
    assert [(d.kind, d.start_date, d.end_date) for d in got] == [("span", "2025-08-21", "2025-08-31")]
    got = find_deadlines("活动于9月1日正式启动。", issue_date="2024-08-15")
    assert [(d.kind, d.date) for d in got] == [("from", "2024-09-01")]
    assert find_deadlines("2023年启动100个项目。", issue_date="2024-08-15") == []
    assert find_deadlines("该平台于2019年1月1日启动。", issue_date="2024-08-15") == []     # history


def test_the_period_of_a_cited_document_is_not_this_ones():
    cited = "为贯彻落实《山东省农业机械购置补贴实施方案(2018—2020年)》(鲁农机字〔2018〕3号)，现通知如下。"
    assert find_deadlines(cited, issue_date="2018-03-01") == []
    assert find_deadlines("按照《县域商业三年行动计划（2023—2025年）》部署，", issue_date="2024-03-01") == []
    own = "现将《某市工业领域节能降碳工作方案（2023—2025年）》印发给你们，请认真贯彻执行。"
    assert [(d.text, d.kind) for d in find_deadlines(own, issue_date="2023-03-01")] == [("2023—2025年", "span")]


def test_a_span_in_the_head_is_not_the_pages_date_and_a_page_date_says_so():
    # the first date of a span (上一年度(2020年1月1日至2020年12月31日)) had passed as the page's date, by
    # backing off its 日; a year-less deadline then took the span's year and said "issue_date"
    text = "关于申报补贴的通知\n申报上一年度(2020年1月1日至2020年12月31日)的补贴。\n请于9月15日前报送材料。"
    got = [d for d in find_deadlines(text) if d.text.endswith("9月15日前")]
    assert [(d.date, d.year_inferred) for d in got] == [(None, None)]
    dated_page = "关于申报补贴的通知\n发布时间：2024年5月8日\n请于9月15日前报送材料。"
    got = [d for d in find_deadlines(dated_page) if d.text.endswith("9月15日前")]
    assert [(d.date, d.year_inferred) for d in got] == [("2024-09-15", "page_date")]
    got = [d for d in find_deadlines(dated_page, issue_date="2024-05-08") if d.text.endswith("9月15日前")]
    assert [(d.date, d.year_inferred) for d in got] == [("2024-09-15", "issue_date")]


def test_a_funds_size_and_a_superseded_level_are_other_amounts():
    from zhengce.nlp.amounts import find_amounts

    def kinds(s):
        return [(a.text, a.kind) for a in find_amounts(s)]
    assert kinds("市财政每年将安排1000万元，专项用于资助大学生创业。") == [("1000万元", "other")]
    assert kinds("设立总规模10亿元的天使投资基金。") == [("10亿元", "other")]
    assert kinds("需匹配区级资金90万元。") == [("90万元", "other")]
    assert kinds("安排专项资金给予每户5000元补贴。") == [("每户5000元", "per_unit")]     # a grant after the budget word
    assert kinds("额度从不超过300万元提高到不超过400万元。") == [("不超过300万元", "other"), ("不超过400万元", "cap")]
    assert kinds("贷款额度由原来的10万元提高至20万元。") == [("10万元", "other"), ("20万元", "cap")]
    assert kinds("由市财政给予20万元补贴。") == [("20万元", "fixed")]


def test_a_neighbour_about_another_kind_of_support_gives_no_cell():
    from types import SimpleNamespace as NS

    from zhengce.index.compare import _other_instrument
    sized = [NS(value_yuan=10000.0, percent=None)]          # 给予一次性创业补贴1万元: a grant of its own
    assert _other_instrument({"loan_guarantee", "rent_subsidy"}, NS(instruments=["subsidy"], amounts=sized))
    # round 32: one that sizes nothing (生活(租房)补贴分5年发放 beside 生活补贴标准减半) goes on about the grant
    assert not _other_instrument({"rent_subsidy"}, NS(instruments=["subsidy"], amounts=[], text="生活补贴分5年发放。"))
    assert not _other_instrument({"rent_subsidy"}, NS(instruments=["subsidy", "rent_subsidy"]))
    assert not _other_instrument({"rent_subsidy"}, NS(instruments=[]))       # an untagged sentence may continue it
    assert not _other_instrument(set(), NS(instruments=["subsidy"]))


def test_a_duration_says_whether_support_runs_for_it_or_it_decides_who_qualifies():
    from zhengce.nlp.deadlines import find_durations

    def kinds(s):
        return [(d.text, d.kind) for d in find_durations(s)]
    assert kinds("享受期限最长两年。") == [("享受期限最长两年", "benefit")]
    assert kinds("免收3个月租金。") == [("免收3个月", "benefit")]
    assert kinds("对毕业2年以内的高校毕业生给予补贴。") == [("毕业2年以内", "condition")]
    assert kinds("对连续两年评价为不合格的，取消其资格。") == [("连续两年", "condition")]
    assert kinds("正常经营1年以上的，给予补贴。") == [("正常经营1年以上", "condition")]


def test_a_lists_lead_names_the_rate_of_each_amount_listed():
    from zhengce.nlp.amounts import find_amounts
    got = find_amounts("给予连续三年的场租补贴,每户每月场租补贴最高限额分别为:第一年800元,第二年600元,第三年400元。")
    assert [(a.text, a.per) for a in got] == [("800元", "户/月"), ("600元", "户/月"), ("400元", "户/月")]
    assert [a.per for a in find_amounts("每人每月补贴标准分别为1000元、800元。")] == ["人/月", "人/月"]
    assert [a.per for a in find_amounts("对新认定的企业分别给予20万元、10万元奖励。")] == [None, None]
