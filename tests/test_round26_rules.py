"""Round 26 readings, each with the case that asked for it and the reading it must not take over."""
import pytest

from zhengce.nlp.deadlines import find_deadlines
from zhengce.nlp.units import find_units


def _dl(text, issue=None):
    return [(d.text, d.kind, d.date) for d in find_deadlines(text, issue_date=issue)]


def test_a_leading_year_that_sets_a_figure_is_a_target_year():
    # genre tune: 一、工作目标\n2024年，全旗…可办率达到98%以上 — spec: target years; 达到 is no report of the past
    # in a document of that year
    text = "2024年，全旗政务服务事项网上可办率达到98%以上。"
    assert _dl(text, "2024-03-01") == [("2024年", "by", "2024-12-31")]
    # a year past for the document reports what happened; a clause with a mark of the past reports too
    assert _dl(text, "2025-03-01") == []
    assert _dl("2024年，全市完成了改造任务。", "2024-03-01") == []
    assert _dl("2024年，全市实现地区生产总值3000亿元，同比增长5%。", "2024-03-01") == []
    # without a document date nothing says the year lies ahead: unread, as before
    assert _dl(text) == []


def test_a_target_year_in_the_documents_own_year_is_read():
    # genre tune: 到2025年，全市累计建成高标准农田680万亩以上 in a plan of 2025 — 累计 reads as a count so far only
    # where the date is already past for the document
    text = "到2025年，全市累计建成高标准农田680万亩以上。"
    assert _dl(text, "2025-03-01") == [("到2025年", "by", "2025-12-31")]
    assert _dl("到2024年6月底，全市累计发放补贴3亿元。", "2024-07-05") == []


def test_this_years_plan_is_due_by_the_end_of_the_documents_year():
    # genre tune news: 今年全市计划完成…, 市住建局今年将新筹集…300套 — spec: 今年 resolved against the document's date
    assert _dl("今年全市计划完成农村清洁取暖改造2.5万户。", "2024-03-01") == [("今年", "by", "2024-12-31")]
    assert _dl("在安居方面，市住建局今年将在高新区和城区新筹集人才公寓300套。", "2024-03-01") == [("今年", "by", "2024-12-31")]
    # what was done, a plan with no figure, or no document date: nothing
    assert _dl("今年全市已发放补贴3亿元。", "2024-03-01") == []
    assert _dl("今年将继续加大支持力度。", "2024-03-01") == []
    assert _dl("今年全市计划完成农村清洁取暖改造2.5万户。") == []


def test_the_body_a_filing_is_made_at_receives_it():
    # genre tune: 在县级民政部门办理登记, 项目已在区发改局完成备案 (gold: receiver)
    text = "举办非营利性机构的，在县级民政部门办理登记；举办营利性机构的，在县级市场监管部门办理登记。"
    assert [(u.name, u.role) for u in find_units(text)] == [("县级民政部门", "receiver"), ("县级市场监管部门", "receiver")]
    assert [(u.name, u.role) for u in find_units("②项目已在区发改局完成备案；")] == [("区发改局", "receiver")]
    # 在…登记注册的企业 describes the beneficiary: no act of the body's
    assert find_units("在工商行政管理机关登记注册的企业。") == []
    assert find_units("在市场监管部门注册登记的小微企业可申请。") == []


def test_townships_written_by_level_alone_are_bodies():
    # genre tune: 由乡镇（街道）汇总审核, 向户籍所在地街道（乡镇）提出申请, 责任单位…各镇（街道）
    assert ("乡镇（街道）", "receiver") in [(u.name, u.role) for u in find_units("由乡镇（街道）汇总审核后报区县生态环境部门；")]
    assert [(u.name, u.role) for u in find_units("残疾人本人向户籍所在地街道（乡镇）提出申请。")] == [("街道（乡镇）", "receiver")]
    assert ("各镇（街道）", "co") in [(u.name, u.role) for u in find_units("（责任单位：县农业农村局、县财政局，各镇（街道））")]
    # a name that goes on is another body or none; an addressee line names no unit
    assert find_units("在乡镇（街道）卫生院就诊。") == []
    assert find_units("各镇（街道）人民政府（办事处），县直有关部门：") == []


def test_levels_sharing_one_portfolio_are_one_body_as_written():
    # devspec and dev2 tune: 各市州、直管市、神农架林区科技局, 市州、县市区管理机关事务工作的机构, 科技、财政行政主管部门
    # — the readers of all three gold sets list a coordination whole, none lists its members apart
    cases = [("由各市州、直管市、神农架林区科技局负责组织申报。", "各市州、直管市、神农架林区科技局"),
             ("科技、财政行政主管部门负责审核。", "科技、财政行政主管部门"),
             ("市州、县市区管理机关事务工作的机构负责实施。", "市州、县市区管理机关事务工作的机构"),
             ("由区县、开发区市场监管部门负责登记。", "区县、开发区市场监管部门"),
             ("补贴资金由市、县两级财政部门承担。", "市、县两级财政部门"),
             ("市、区科技局负责审核。", "市、区科技局"),
             ("南宁市、柳州市科技局负责。", "南宁市、柳州市科技局")]
    for text, name in cases:
        assert [u.name for u in find_units(text)] == [name], text
    # two bodies each with its own portfolio stay two
    assert [u.name for u in find_units("市科技局、市财政局负责审核。")] == ["市科技局", "市财政局"]


def test_a_case_put_up_to_the_government_for_approval_makes_it_the_certifier():
    # devspec tune: 优秀的项目报经市政府同意后可以提高到20万元 (gold: 市政府, certifier)
    assert [(u.name, u.role) for u in find_units("对特别优秀的项目报经市政府同意后可以提高到20万元。")] == [("市政府", "certifier")]
    # the promulgating formula has no 报: the government only promulgates, no unit
    assert find_units("经市政府同意，现将《办法》印发给你们。") == []


def test_the_day_an_action_happens_is_read_as_on():
    # genre tune (consumption vouchers): 第一期于6月15日10:00开抢，第二期、第三期分别于6月22日、6月29日同一时间开抢
    # — the readers list each release day (kind on); spec: dates that bound an action
    text = "本轮消费券分三期发放，第一期于6月15日10:00开抢，第二期、第三期分别于6月22日、6月29日同一时间开抢。"
    assert _dl(text, "2024-03-01") == [("6月15日", "on", "2024-06-15"), ("6月22日", "on", "2024-06-22"),
                                       ("6月29日", "on", "2024-06-29")]
    # days already past for the document report what happened
    assert _dl(text, "2024-07-01") == []
    # a deadline stays a deadline
    assert _dl("于6月30日前发放。", "2024-03-01") == [("于6月30日前", "by", "2024-06-30")]


def test_on_is_a_kind_the_extraction_schema_allows():
    import json
    from importlib import resources

    from zhengce.records import EXTRACTION_SCHEMA_VERSION      # the shipped file says the version the records write
    schema = json.loads(resources.files("zhengce").joinpath("schema/extraction.schema.json").read_text(encoding="utf-8"))
    kinds = json.dumps(schema)
    assert '"on"' in kinds and schema["properties"]["schema_version"]["const"] == EXTRACTION_SCHEMA_VERSION


def test_a_plan_steps_month_in_brackets_is_its_period():
    # genre tune: 四、实施步骤\n（一）摸底谋划（2024年3月）；…（三）考核总结（2024年12月） — readers list every such month
    text = "（一）摸底谋划（2024年3月）；（二）推进实施（2024年4月—11月）；（三）考核总结（2024年12月）。"
    got = [(d.text, d.kind, d.start_date, d.end_date) for d in find_deadlines(text, issue_date="2024-03-01")]
    assert got == [("2024年3月", "span", "2024-03-01", "2024-03-31"), ("2024年4月—11月", "span", "2024-04-01", "2024-11-30"),
                   ("2024年12月", "span", "2024-12-01", "2024-12-31")]
    # a month after a figure or a cited title dates a statistic or a document, not a step
    assert find_deadlines("全市GDP增长5%（2023年12月）。", issue_date="2024-03-01") == []
    assert find_deadlines("根据《关于做好就业工作的通知》（2023年12月）要求", issue_date="2024-03-01") == []


def test_a_level_with_ji_before_the_generic_ending_is_a_body():
    # genre tune: 经市级主管部门审核、第三方机构评审后 (gold: 市级主管部门, certifier); 县主管部门 was read already
    assert [(u.name, u.role) for u in find_units("经市级主管部门审核后。")] == [("市级主管部门", "certifier")]
    assert [(u.name, u.role) for u in find_units("县主管部门审核后报市级主管部门。")] == [
        ("县主管部门", "certifier"), ("市级主管部门", "receiver")]


def test_a_chain_of_steps_bodies_take_in_turn_is_one_provision():
    from zhengce.nlp.measures import split_measures

    # genre tune: 区人社局负责审核认定，区财政局按程序拨付资金 — readers keep a procedure's steps, each taken by a body
    # of its own after a comma, in one provision (they cut 0 of such chains)
    text = "一、申请人于每年3月提交申请。区人社局负责审核认定，区财政局按程序拨付资金。\n二、本办法自发布之日起施行。"
    starts = [text[m.start:m.start + 6] for m in split_measures(text) if m.kind == "measure"]
    assert not any(s.startswith("区财政局") for s in starts), starts
    # …but after the applicant's own step, the body's next step is a provision of its own (dev2 tune)
    text = "一、符合条件的孵化器可申请择优评价，按照省厅通知要求提交材料，省厅将对绩效评价成绩优异的孵化器给予奖励。"
    starts = [text[m.start:m.start + 4] for m in split_measures(text) if m.kind == "measure"]
    assert "省厅将对" in starts, starts


# ---- the review's findings (a helper read the round's diff), each kept as a case

def test_a_filing_that_describes_who_qualifies_names_no_receiver():
    for text in ("在区市场监管局登记注册、具有独立法人资格的企业。", "在卫生健康部门备案满6个月的托育机构可申请。",
                 "在县民政部门登记，且正常运营1年以上的机构。", "在市场监管部门登记注册3年以上的企业。"):
        assert find_units(text) == [], text


def test_coordinations_are_joined_only_where_one_portfolio_is_shared():
    def names(t):
        return [u.name for u in find_units(t)]

    # finance written bare: readers list the lower level's 财政 alone (genre tune Z413, Z417, X06, Z232)
    assert names("由市、县（市、区）财政按6∶4分担。") == ["县（市、区）财政"]
    # a zone committee or a government is shared by none: two bodies, the committee read here
    assert names("由各县（市、区）、高新区管委会负责审核。") == ["高新区管委会"]
    # members joined by 、 alone; a comma or a semicolon ends the coordination
    assert names("（责任单位：各区，市人社局、市财政局）") == ["市人社局", "市财政局"]
    assert names("（责任单位：各县区；市人社局）") == ["市人社局"]
    # levels written with a bracket inside (县（市）区), 国家, and the level before coordinated portfolios
    assert names("由各县（市）区、开发区科技主管部门负责。") == ["县（市）区、开发区科技主管部门"]
    assert names("国家、省、市科技主管部门负责认定。") == ["国家、省、市科技主管部门"]
    assert names("市科技、工信、财政、商务部门配合。") == ["科技、工信、财政、商务部门"]   # as the devspec reader writes it
    # the measure's list reads what the document's scan reads (no second, shorter form)
    assert names("市、县（区）科技局负责审核推荐。") == ["市、县（区）科技局"]
    assert names("北京市、天津市、河北省科技厅联合发布。") == ["北京市、天津市、河北省科技厅"]
    # a run of members is capped: a name never grows with the page
    assert len(names("市、" * 5000 + "县科技局负责审核。")[0]) < 20


def test_the_measure_list_and_the_document_list_agree_on_a_coordination():
    from zhengce.pipeline import process_bytes

    text = ("关于做好2024年度科技企业孵化器申报工作的通知\n各有关单位：\n为加快培育创新创业载体，现就申报工作通知如下。\n"
            "一、市、县（区）科技局负责审核推荐。\n二、申报材料一式三份，于6月30日前报送。\n")
    ex = process_bytes(text.encode(), "t.txt")
    assert [u.name for u in ex.units] == ["市、县（区）科技局"]
    assert [u.name for m in ex.measures for u in m.units] == ["市、县（区）科技局"]


def test_the_promulgating_formula_with_bao_jing_names_no_unit():
    assert find_units("《…办法》已报经市政府同意，现印发给你们，请认真贯彻执行。") == []
    assert find_units("现将报经市政府同意的《实施细则》印发给你们。") == []


def test_target_years_need_a_figure_reached_and_no_grant():
    for text, issue in (("2025年，省财政厅安排城乡居民医保省级补助资金42.6亿元，人均标准达到700元。", "2025-07-10"),
                        ("2024年，中央财政下达资金5000万元。", "2024-03-01"),
                        ("2024年，对完成技术改造的企业给予一次性奖励。", "2024-03-01"),
                        ("2024年，全市实现地区生产总值3000亿元。", "2024-12-25")):
        assert not [d for d in find_deadlines(text, issue_date=issue) if d.kind == "by"], text
    # counts so far at the month, or at the year's end, are no targets
    assert _dl("至5月底，全市累计发放补贴3亿元。", "2024-05-31") == []
    assert _dl("到2024年5月，全市累计完成投资30亿元。", "2024-05-15") == []
    assert _dl("到2024年底，全市累计建成充电桩500个。", "2024-12-28") == []


def test_this_years_plan_is_no_grant_no_ordinal_and_no_second_date():
    assert _dl("今年将继续对新增规上企业给予10万元奖励。", "2024-03-01") == []
    assert _dl("今年将发放第2批消费券。", "2024-03-01") == []
    assert _dl("今年将于9月30日前完成改造3000户。", "2024-03-01") == [("于9月30日前", "by", "2024-09-30")]
    assert _dl("平台已经于2024年6月1日正式上线。", "2024-03-01") == []


def test_a_procedures_period_is_a_duration_of_kind_procedure():
    from zhengce.nlp.deadlines import find_durations

    # genre tune: 评审结果…公示7天, 公示时间不少于5个工作日 — readers list them as durations (93 in the gold sets)
    for text in ("评审结果在市工业和信息化局门户网站公示7天。", "拟补助名单在区政府网站公示5个工作日。",
                 "公示时间不少于5个工作日，公示无异议后拨付。", "公示期为7天。"):
        assert [(d.duration, d.kind) for d in find_durations(text)] in ([("P7D", "procedure")], [("P5D", "procedure")]), text
    # a benefit's term stays a benefit (compare's 期限 column reads benefits only)
    assert [(d.duration, d.kind) for d in find_durations("免收租金3年。")] == [("P3Y", "benefit")]


def test_terms_named_by_their_period_and_years_before_retirement():
    from zhengce.nlp.deadlines import find_durations

    # genre tune: 缓缴期可达6个月, 还本宽限期延长至5年 (terms), 距法定退休年龄不足5年 (who qualifies)
    got = {t: [(d.duration, d.kind) for d in find_durations(t)] for t in
           ("缓缴期可达6个月。", "还本宽限期延长至5年。", "距法定退休年龄不足5年的人员可申请。")}
    assert got == {"缓缴期可达6个月。": [("P6M", "benefit")], "还本宽限期延长至5年。": [("P5Y", "benefit")],
                   "距法定退休年龄不足5年的人员可申请。": [("P5Y", "condition")]}


def test_a_label_line_of_conditions_under_any_name_heads_criteria():
    from zhengce.nlp.measures import split_measures

    # genre tune K03: 受理条件\n1.在海宁市行政区域内首次创办…；2.创办人为毕业5年以内… — the items under it are criteria
    text = ("一次性创业补贴\n受理条件\n1.在本市行政区域内首次创办小微企业或从事个体经营，且正常经营1年以上；\n"
            "2.创办人为毕业5年以内高校毕业生；\n补贴标准\n符合条件的，给予一次性创业补贴5000元。\n")
    kinds = [(m.kind, text[m.start:m.start + 4]) for m in split_measures(text)]
    assert ("criterion", "1.在本") in kinds and ("criterion", "2.创办") in kinds, kinds


def test_a_month_leading_a_scheduled_step_is_its_period():
    # genre tune Z388: 4月20日前,各乡(镇)将申报材料报县财政局;5月份,县财政局组织审核并报县政府审定
    text = "4月20日前,各乡(镇)将申报材料报县财政局;5月份,县财政局组织审核并报县政府审定;"
    got = [(d.text, d.kind, d.start_date, d.end_date) for d in find_deadlines(text, issue_date="2024-03-01")]
    assert ("5月份", "span", "2024-05-01", "2024-05-31") in got
    assert _dl("6月底，完成资金拨付。", "2024-03-01") == [("6月底", "by", "2024-06-30")]
    # a month that reports, or one already past, or no document date to give its year: nothing
    assert _dl("5月，全市已发放补贴3亿元。", "2024-03-01") == []
    assert _dl("2月，县财政局组织审核。", "2024-03-01") == []
    assert _dl("5月份,县财政局组织审核。") == []


def test_a_labelled_month_with_its_year_or_an_estimate_is_read():
    # genre tune Z420: 申报时间预计为2025年6月, 第二批申报时间预计为9月
    text = "2024年度研发投入补助申报时间预计为2025年6月，具体以区科技局通知为准。"
    got = [(d.text, d.kind, d.start_date, d.end_date) for d in find_deadlines(text, issue_date="2024-03-01")]
    assert got == [("2025年6月", "span", "2025-06-01", "2025-06-30")]
    got = [(d.text, d.start_date) for d in find_deadlines("第二批申报时间预计为9月。", issue_date="2024-03-01")]
    assert got == [("9月", "2024-09-01")]


# ---- the second review's findings

def test_procedure_periods_in_their_usual_phrasings_and_benefits_beside_them():
    from zhengce.nlp.deadlines import find_durations

    def kinds(t):
        return [(d.duration, d.kind) for d in find_durations(t)]

    for text in ("拟补贴名单进行为期5个工作日的公示。", "公示期限为5个工作日。", "公示期为自公示之日起5个工作日。",
                 "对拟支持项目在市科技局网站公示5个工作日。"):
        assert kinds(text) == [("P5D", "procedure")], text
    assert kinds("补贴对象名单在村（社区）公示，公示时间不少于7天。") == [("P7D", "procedure")]
    assert kinds("法定办结时限：20个工作日") == [("P20D", "procedure")]
    # a benefit's term, even near 公示 or 时限, stays a benefit; an undertaking's floor is a condition
    for text in ("补贴时限为3年。", "经公示后免收房租3年。", "公示后免费入住3年。"):
        assert kinds(text) == [("P3Y", "benefit")], text
    assert kinds("承诺存续期不少于10年。") == [("P10Y", "condition")]
    # a month's end after 延长至 is a date, no length
    assert kinds("缓缴期延长至12月底。") == []


def test_two_bodies_each_granting_a_sum_are_two_provisions():
    from zhengce.nlp.measures import split_measures

    text = "一、加大支持力度。市卫健委按每个托位1万元给予建设补助，市民政局对普惠养老机构按每张床位5000元给予补助。"
    starts = [text[m.start:m.start + 4] for m in split_measures(text) if m.kind == "measure"]
    assert "市民政局" in starts, starts


def test_a_change_to_the_conditions_heads_measures():
    from zhengce.nlp.measures import split_measures

    text = "放宽申领条件\n1.将失业保险稳岗返还的裁员率标准放宽至5.5%；\n2.取消无犯罪记录证明。\n"
    assert [m.kind for m in split_measures(text) if text[m.start:m.start + 2] in ("1.", "2.")] == ["measure", "measure"]


def test_labelled_months_keep_their_bounds_and_lead_months_skip_reports():
    assert _dl("实施时间为2024年1月起。", "2024-01-05") == [("2024年1月起", "from", "2024-01-01")]
    assert _dl("申报时间为2025年6月前。", "2024-03-01") == [("2025年6月前", "by", "2025-06-30")]
    for text, issue in (("3月底，全县完成农机补贴申报受理工作，共受理申请2300份。", "2024-08-01"),
                        ("5月份，全市审核通过就业补贴申请1200件，发放资金3600万元。", "2024-05-20"),
                        ("据统计：5月，全市受理补贴申请3000件。", "2024-05-15")):
        assert _dl(text, issue) == [], text


def test_a_filing_followed_by_more_steps_still_names_its_receiver():
    assert [(u.name, u.role) for u in find_units("申请人应在区市场监管局办理登记，并按规定提交相关的材料。")] == [
        ("区市场监管局", "receiver")]
    assert [(u.name, u.role) for u in find_units("托育机构在县卫生健康局完成备案，备案后的机构方可申请补贴。")] == [
        ("县卫生健康局", "receiver")]


@pytest.mark.timeout(60)
def test_many_bare_lengths_stay_linear():
    from zhengce.nlp.deadlines import find_durations

    # each length was checked against every one before it: 100,000 of them took minutes (~0.8 s for 20,000 now)
    assert len(find_durations("时限为3年，" * 100000)) == 100000


def test_bare_days_after_an_action_date_share_its_month():
    got = _dl("消费券于6月15日、22日、29日10:00开抢。", "2024-03-01")
    assert got == [("6月15日", "on", "2024-06-15"), ("22日", "on", "2024-06-22"), ("29日", "on", "2024-06-29")]
    assert _dl("于2月28日、30日开抢。", "2024-03-01") == []       # past, and no 30 February


def test_a_labelled_list_of_months_gives_each_month():
    got = [(d.text, d.start_date, d.end_date) for d in find_deadlines("申报时间为2024年3月、9月。", issue_date="2024-01-01")]
    assert got == [("2024年3月", "2024-03-01", "2024-03-31"), ("9月", "2024-09-01", "2024-09-30")]


def test_a_plan_for_a_sum_is_no_target_year():
    assert _dl("今年我市将计划发放第三批消费券2000万元。", "2024-03-01") == []


def test_the_bodies_that_open_the_sentence_before_tongzhi_ruxia_author_the_notice():
    from zhengce.nlp.units import document_units

    def doc(t):
        return [(u.name, u.role) for u in document_units(t, find_units(t))]

    # dev2 tune (财建〔2015〕134号): 财政部、科技部、工业和信息化部、发展改革委(以下简称四部委)将…继续实施…。现将有关事项通知如下
    text = "财政部、科技部、工业和信息化部、发展改革委（以下简称四部委）将在2016-2020年继续实施补助政策。现将有关事项通知如下："
    assert doc(text) == [("财政部", "issuer"), ("科技部", "issuer"), ("工业和信息化部", "issuer"), ("发展改革委", "issuer")]
    assert doc("根据省财政厅要求，市财政局将开展绩效评价。现将有关事项通知如下：") == [("市财政局", "issuer")]
    # a body's duty before the notice's formula, not opening an authoring sentence, keeps its role
    assert doc("市科技局负责审核。现将有关事项通知如下：") == [("市科技局", "certifier")]
