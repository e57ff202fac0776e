"""Round 27: readings added after the round's checks, each with the sentence it came from."""
from __future__ import annotations

from zhengce.nlp.measures import split_measures


def _starts(text: str) -> list[tuple[str, str]]:
    return [(m.kind, text[m.start:m.start + 8]) for m in split_measures(text)]


def test_a_news_lead_is_no_title_over_the_provision_after_it():
    t = ("记者从市人社局获悉，我市近日出台稳就业若干措施。对吸纳高校毕业生就业的小微企业，按每人1000元给予"
         "一次性吸纳就业补贴；对首次创业的大学生，给予5000元创业补贴。")
    got = _starts(t)
    assert got[0][0] == "news" and ("measure", "对吸纳高校毕业生") in got and ("measure", "对首次创业的大学") in got
    # a frame before a short title still opens the titled provision (通知显示,加大…力度。对…)
    t2 = "通知显示，加大财政支持力度。对新认定的众创空间给予20万元奖励。"
    assert ("measure", "加大财政支持力度") in _starts(t2)


def test_a_report_turning_to_the_policy_opens_its_grants():
    t = ("据了解，此次出台的政策共有十条。其中，对新落户的博士给予每人20万元安家补贴，对硕士给予每人5万元安家补贴。"
         "同时，人才在我市首次购房的，可享受购房补贴。")
    got = _starts(t)
    assert ("measure", "对新落户的博士给") in got and ("measure", "对硕士给予每人5") in got
    # 其中 before a figure or a comment opens nothing
    t2 = "消费券今天起向全体在杭人员开始发放。其中，政府发放额度为5亿元，商家匹配优惠额度约11.8亿元。"
    assert all(k != "measure" or not s.startswith("政府发放") for k, s in _starts(t2))


def test_a_schedule_after_its_colon_is_a_provision():
    t = "会上，市商务局负责人介绍了消费券发放安排：第一批消费券将于5月1日发放，总额1000万元；第二批于6月1日发放。"
    assert ("measure", "第一批消费券将于") in _starts(t)


def test_a_numbered_items_short_title_stays_with_its_grant():
    t = ("问：新政对购房有哪些支持？\n答：一是发放购房补贴，对在城区购买新建商品住房的，按房款总额的1%给予补贴，最高2万元；"
         "二是提高公积金贷款额度，双缴存职工最高可贷80万元；三是降低首付比例。")
    got = [s for k, s in _starts(t) if k == "measure"]
    assert got == ["一是发放购房补贴", "二是提高公积金贷", "三是降低首付比例"]
    # parallel grants after a clause that grants an amount still part (对A给予…,对B给予…)
    t2 = "对新认定的国家级孵化器给予100万元奖励，对新认定的省级孵化器给予50万元奖励。"
    assert [s for k, s in _starts(t2) if k == "measure"] == ["对新认定的国家级", "对新认定的省级孵"]


def test_a_procedure_is_a_provision_and_its_steps_stay_together():
    t = ("第五条 补贴标准。对新建的普惠性托育机构，按每个托位1万元给予一次性建设补贴。\n"
         "第六条 申请程序。托育机构向所在区卫生健康局提出申请，区卫生健康局会同区财政局审核后，报市卫生健康委备案。")
    assert [(k, s) for k, s in _starts(t)] == [("measure", "第五条 补贴标准"), ("measure", "第六条 申请程序")]
    # a report of applications made is no procedure
    t2 = "今年以来，已有200家企业向区人社局提交申请，累计发放补贴300万元。"
    assert all(k != "measure" for k, _ in _starts(t2))


def test_joint_ministries_sign_a_notice():
    t = ("一、落实见习补贴。对吸纳见习的单位，按当地最低工资标准的60%给予见习补贴。\n"
         "人力资源社会保障部　财政部\n2023年3月28日\n")
    kinds = [k for k, _ in _starts(t)]
    assert kinds[-1] == "signature" and kinds.count("measure") == 1


def test_a_target_sentence_is_no_title_over_the_duty_after_it():
    t = "一、扩大见习规模\n2023年全国募集就业见习岗位不少于100万个。各地要广泛动员企事业单位开发见习岗位。\n"
    assert any(k == "measure" and s.startswith("各地要广泛") for k, s in _starts(t))


def test_a_hard_wrapped_line_of_prose_runs_on():
    t = ("二、培育入库补助。对入库市高新技术企业培育库的企业，给予5万元培育经费补助；入库后\n"
         "2年内通过认定的，再给予10万元奖励。\n"
         "三、引进奖励。对整体搬迁至我市的有效期内高新技术企业，给予\n"
         "50万元一次性奖励，迁入后三年内年营业收入超过1亿元的，追加奖励\n100万元。\n")
    assert [s for k, s in _starts(t) if k == "measure"] == ["二、培育入库补助", "三、引进奖励。对"]
    # a table's next row (7 就业见习补贴 …) and a bullet after a grant stay rows of their own
    t2 = ("序号 补贴项目 补贴对象 补贴标准\n6 创业场地租金补贴 入驻孵化基地的初创企业，每月补贴500元\n"
          "7 就业见习补贴 离校2年内未就业高校毕业生，按月补贴1500元\n")
    assert sum(k == "measure" for k, _ in _starts(t2)) == 2


def test_a_long_flattened_guide_line_is_no_headline():
    from zhengce.nlp.extract import extract_text

    t = ("事项名称：高校毕业生就业见习补贴申领 受理机构——各县（区）人力资源和社会保障局 办理时限：15个工作日 "
         "补贴标准：按每人每月1860元的标准给予见习单位补贴 咨询电话：0851-86895012")
    ms = extract_text(t)
    assert ms[0].kind != "heading" and any(a.value_yuan == 1860 for m in ms for a in m.amounts)
    # a short first line with an amount is still the page's headline
    assert _starts("购房最高补贴6万元！我市出台楼市新政\n对首次购房的给予补贴。")[0][0] == "heading"


def test_leave_and_a_guides_bracketed_time_limit_are_durations():
    from zhengce.nlp.deadlines import find_durations

    t = "女职工生育享受98天产假，其中产前可休假15天；难产的，增加产假15天。"
    assert [d.duration for d in find_durations(t)] == ["P98D", "P15D", "P15D"]
    t2 = "【办理机构】邯郸市住房公积金管理中心 【承诺时限】3个工作日 【收费标准】不收费"
    assert [(d.duration, d.kind) for d in find_durations(t2)] == [("P3D", "procedure")]


def test_a_schedules_later_month_takes_the_year_of_the_date_before_it():
    from zhengce.nlp.deadlines import find_deadlines

    got = [(d.text, d.date) for d in find_deadlines("2024年8月底前完成首届大赛初赛，11月底前完成决赛。")]
    assert got == [("2024年8月底前", "2024-08-31"), ("11月底前", "2024-11-30")]
    # an earlier month is likely the next year's: left undated rather than guessed
    got = [(d.text, d.date) for d in find_deadlines("2023年12月10日前完成初审，3月底前完成复审。")]
    assert got[1] == ("3月底前", None)


def test_a_voucher_day_with_its_platform_between():
    from zhengce.nlp.deadlines import find_deadlines

    t = "第一轮消费券将于2024年3月15日10:00在“云闪付”APP开抢，共发放5000万元。"
    assert [(d.kind, d.date) for d in find_deadlines(t)] == [("on", "2024-03-15")]


def test_the_period_a_statistic_covers_is_no_deadline():
    from zhengce.nlp.deadlines import find_deadlines

    assert find_deadlines("（记者 韩冰）2024年1月至9月，全市累计发放创业担保贷款12.6亿元。") == []
    # a labelled period, a plan's target and a condition's period stay
    for t in ("申报时间为2024年1月至9月，累计不超过两次。", "2024—2029年，力争累计投入资金5000亿元以上。",
              "对2023年1—6月零售额同比增长10%以上的企业给予奖励。"):
        assert [d.kind for d in find_deadlines(t)] == ["span"], t


def test_a_task_lines_bare_labels_name_its_bodies():
    from zhengce.nlp.units import find_units

    t = "序号3：实施稳岗扩岗专项行动。牵头：县人力资源和社会保障局；配合：县财政局、县总工会、团县委；时限：12月31日前。"
    assert [(u.name, u.role) for u in find_units(t)] == [
        ("县人力资源和社会保障局", "lead"), ("县财政局", "co"), ("县总工会", "co"), ("团县委", "co")]


def test_a_finance_body_arranging_funds_by_a_standard_and_a_bureaus_plan():
    from zhengce.nlp.units import find_units

    assert [(u.name, u.role) for u in find_units("一、推进治理。县财政按每村30万元标准安排建设资金。")] == [("县财政", "funder")]
    t = "关于提案的答复函：您提出的提案收悉。市交通运输局计划在2025年6月底前完成120所学校周边交通标志标线改造。"
    assert [(u.name, u.role) for u in find_units(t)] == [("市交通运输局", "administrator")]
    assert find_units("一、总体要求。到2025年，计划单列市全面推进改革。") == []


def test_a_guides_source_of_funds_and_its_office_where_the_house_is():
    from zhengce.nlp.units import find_units

    t = "办事指南：二手房交易契税补贴 受理机构：房屋所在区不动产登记中心 申请期限：3个月内 资金来源：区级财政"
    assert [(u.name, u.role) for u in find_units(t)] == [("区不动产登记中心", "receiver"), ("区级财政", "funder")]
    # a news page's 来源 line is still publication metadata
    assert find_units("来源：市人力资源和社会保障局\n对新招用的高校毕业生给予补贴。") == []


def test_an_autonomous_prefectures_bureau_keeps_its_level():
    from zhengce.nlp.units import find_units

    t = "答复：自治州财政局已在2024年预算中安排乡村旅游发展资金800万元。"
    assert [(u.name, u.role) for u in find_units(t)] == [("自治州财政局", "funder")]


def test_a_centre_named_like_a_facility_receives_what_is_sent_to_it():
    from zhengce.nlp.units import find_units

    t = "一、申报。申报材料报区养老服务指导中心，经审核后由区财政局拨付。"
    assert [(u.name, u.role) for u in find_units(t)] == [("区养老服务指导中心", "receiver"), ("区财政局", "funder")]
    assert find_units("一、建设。对新建的街道综合养老服务中心给予20万元补助。") == []   # a facility funded


def test_funds_arranged_far_from_their_word_and_allocated_by_核拨():
    from zhengce.nlp.units import find_units

    t = "第二十五条 市级财政每年安排科技型中小企业培育资金2000万元，由市科技局统筹管理。"
    assert [(u.name, u.role) for u in find_units(t)] == [("市级财政", "funder"), ("市科技局", "administrator")]
    t = "第十四条 支持企业开拓国际市场。补助资金由县商务局负责初审，报县财政局核拨。"
    assert ("县财政局", "funder") in [(u.name, u.role) for u in find_units(t)]


def test_a_body_charged_with_the_recognition_certifies():
    from zhengce.nlp.units import find_units

    t = "第八条 对经认定的市级众创空间，给予一次性奖励30万元。众创空间认定由市科技局负责，每年组织一次。"
    assert [(u.name, u.role) for u in find_units(t)] == [("市科技局", "certifier")]
    assert [(u.name, u.role) for u in find_units("一、实施。该项工作由市科技局负责。")] == [("市科技局", "administrator")]


def test_a_list_names_its_lead_after_it():
    from zhengce.nlp.units import find_units

    t = "（二十）完善职工医保门诊共济。责任单位：市医保局、市财政局、市卫生健康委，其中市医保局为牵头单位。"
    assert [(u.name, u.role) for u in find_units(t)] == [("市医保局", "lead"), ("市财政局", "co"), ("市卫生健康委", "co")]


def test_a_sentence_that_charges_a_body_is_no_title():
    t = ("三、组织实施\n各试点城市发展改革部门负责组织申报、审核和验收。各试点城市于每年3月31日前将上年度奖补资金"
         "兑付情况报送省发展改革委。\n")
    assert [s for k, s in _starts(t) if k == "measure"] == ["各试点城市发展改", "各试点城市于每年"]
    # …实行年度申报制度。 is the article's title over its detail, as the readers read it
    t2 = "第十四条 专项资金实行年度申报制度。市卫生健康委会同市财政局发布年度申报通知。\n"
    assert not any(s.startswith("市卫生健康委") for _, s in _starts(t2))


def test_the_batch_a_roster_names_is_no_deadline():
    from zhengce.nlp.deadlines import find_deadlines

    assert find_deadlines("城关区2024年第三季度公益性岗位补贴拟发放情况公示：本季度共有人员215人。") == []
    assert [d.text for d in find_deadlines("2024年上半年，完成全县规划编制。")] == ["2024年上半年"]


def test_a_stage_named_by_its_month_or_year():
    from zhengce.nlp.deadlines import find_deadlines

    t = "实施步骤：2024年7月—8月为申报阶段；2024年9月为评审阶段，由市科技局组织专家评审。"
    assert [(d.text, d.start_date, d.end_date) for d in find_deadlines(t)] == [
        ("2024年7月—8月", "2024-07-01", "2024-08-31"), ("2024年9月", "2024-09-01", "2024-09-30")]
    t = "第二阶段，2024年下半年至2025年底，完成治理任务；第三阶段，2026年，开展运维管护评估。"
    assert ("2026年", "2026-01-01", "2026-12-31") in [(d.text, d.start_date, d.end_date) for d in find_deadlines(t)]


def test_no_year_is_borrowed_from_another_sentence_or_a_period_across_two():
    """A review found the sentence before often names another year (2023年度补贴资金已全部拨付。请于6月30日前提交
    2024年度申请): unknown beats wrong, so a month-day takes only its own sentence's year."""
    from zhengce.nlp.deadlines import find_deadlines

    t = "2024年秋季学期，中职学生免学费标准为每生每年2000元。申请时间9月1日—9月30日，学生向学校提交申请。"
    assert [(d.start_date, d.end_date) for d in find_deadlines(t)] == [(None, None)]
    t = "实施期为2024年7月至2025年6月，10月底前完成中期评估。"
    assert [d.date for d in find_deadlines(t) if d.text.startswith("10月")] == [None]



def test_the_document_an_act_rests_on_is_a_frame_before_it():
    t = ("省工业和信息化厅10月9日公示，按照《海南省优质企业奖励资金管理实施细则》的有关程序，拟对我省2023年获得国家"
         "专精特新“小巨人”的海南苏生生物科技有限公司给予100万元资金奖励。")
    assert any(k == "measure" and s.startswith("拟对我省") for k, s in _starts(t))


def test_a_holiday_after_于_is_the_next_one():
    from zhengce.nlp.deadlines import find_deadlines

    assert [d.date for d in find_deadlines("于元旦前发放到位。", issue_date="2024-03-01")] == ["2025-01-01"]
    assert [d.date for d in find_deadlines("于2025年元旦前完成。", issue_date="2024-03-01")] == ["2025-01-01"]


def test_a_month_written_in_chinese_numerals():
    from zhengce.nlp.deadlines import find_deadlines

    got = [(d.kind, d.date or d.start_date) for t in ("七月底前完成。", "十月一日起执行。")
           for d in find_deadlines(t, issue_date="2024-03-01")]
    assert got == [("by", "2024-07-31"), ("from", "2024-10-01")]
    assert [d.kind for d in find_deadlines("三个月内完成。")] == ["within"]   # a length, no month


def test_a_day_of_this_month_or_the_next():
    from zhengce.nlp.deadlines import find_deadlines

    assert [(d.kind, d.date) for d in find_deadlines("请于下月10日前完成。", issue_date="2024-12-05")] == [("by", "2025-01-10")]
    assert [(d.kind, d.date) for d in find_deadlines("本月25日前报送。", issue_date="2024-03-01")] == [("by", "2024-03-25")]


def test_a_schemes_restriction_is_a_provision():
    t = ("本报讯 12月7日，记者从区商务局获悉，本次消费券分四期发放。\n"
         "消费券不可用于购买烟酒、预付卡、金银珠宝等商品，消费者申请退款的，已抵扣的消费券金额不予退还。\n")
    assert any(k == "measure" and s.startswith("消费券不可") for k, s in _starts(t))


def test_a_replys_restatement_and_its_list_lead_in_grant_nothing():
    t = ("陈志强代表：\n您提出的“加大专利转化财政支持”“降低中小企业专利运用成本”等建议切中要害，我们将认真吸纳。\n"
         "下一步，我局将重点做好以下工作：\n一是深入实施专利转化运用专项行动，2024年底前完成全省高校存量专利盘点。\n")
    got = _starts(t)
    assert [s for k, s in got if k == "measure"] == ["一是深入实施专利"]


def test_a_past_years_spending_and_a_place_described_grant_nothing():
    t = ("2022年，市、区两级财政共投入居家养老服务资金1.8亿元，为4.6万名经济困难老年人发放服务补贴。\n"
         "宾川县是全国柑橘生产重点县，2022年全县柑橘种植面积27.6万亩。\n"
         "2024年，市财政将投入资金2亿元，对新建养老机构给予补助。\n")
    got = _starts(t)
    assert [k for k, _ in got[:2]] == ["news", "other"] and got[2] == ("measure", "2024年，市财")


def test_an_address_and_office_hours_line_is_no_provision():
    t = "一、入住程序。申请人向区人才服务中心提出申请。\n驿站地址：鼓楼区中山路268号人才服务中心3楼　咨询时间：工作日9:00-17:30\n"
    assert [k for k, s in _starts(t) if s.startswith("驿站地址")] == ["other"]


# --- what the round's review found (each input the reviewer ran)

def test_review_a_breakdown_of_reported_payouts_stays_news():
    for t in ("今年以来，全市累计发放各类补贴3.2亿元。其中，对1200家企业发放稳岗返还资金8000万元。",
              "截至目前，已受理申请1300件。其中，对符合条件的986户家庭发放补贴1972万元。"):
        assert [k for k, _ in _starts(t)] == ["news"], t


def test_review_a_cited_rule_inside_a_provision_does_not_cut_it():
    for t in ("一、支持。对新引进的企业，按照《某某市招商引资奖励办法》有关规定，给予最高500万元奖励。",
              "一、补贴。对符合条件的企业，根据《稳就业若干措施》规定，给予每人1000元补贴。"):
        assert sum(k == "measure" for k, _ in _starts(t)) == 1, t


def test_review_an_item_title_with_a_modal_word_stays_a_title():
    for t in ("（二）负责部门。市科技局负责本项工作的组织实施。", "第十二条 应当提交的材料。申请人应提交营业执照复印件。",
              "（四）不得重复享受。同一企业同一年度只能享受一次。", "5. 申请事由。因疫情影响停业的可申请。"):
        assert sum(k == "measure" for k, _ in _starts(t)) == 1, t


def test_review_long_digit_runs_are_read_in_linear_time():
    import time

    t0 = time.perf_counter()
    split_measures("一、" + "1" * 20000 + "。对企业给予奖励。\n")
    assert time.perf_counter() - t0 < 2.0       # 11.5 s before: amount patterns retried every digit of the run


def test_review_a_headings_words_are_no_labels_and_staff_arranged_fund_nothing():
    from zhengce.nlp.units import find_units

    assert [(u.name, u.role) for u in find_units("四、落实责任：市人社局、市财政局要加强协调。")] == [
        ("市人社局", "administrator"), ("市财政局", "funder")]
    assert [(u.name, u.role) for u in find_units("一、核查。市人社局安排专人负责核查企业申报的补贴材料。")] == [
        ("市人社局", "administrator")]


def test_review_table_rows_and_a_figure_closed_line_are_not_run_on():
    t = ("序号 补贴项目 补贴对象 补贴标准\n6 创业场地租金补贴 入驻孵化基地的初创企业，每月补贴500元\n"
         "7 人才公寓租金补贴 新引进人才，每月补贴1000元\n8 个体工商户稳岗补贴 个体工商户，每户补贴2000元\n")
    assert sum(k == "measure" for k, _ in _starts(t)) == 3
    t = "一、见习补贴。对吸纳见习的单位，补贴标准为每人每月1000元\n3个月以上的见习期满后，留用的给予一次性补贴。\n"
    assert sum(k == "measure" for k, _ in _starts(t)) == 2


def test_review_chinese_numeral_months_keep_their_relative_year_and_stand_alone():
    from zhengce.nlp.deadlines import find_deadlines

    def read(t):
        return [(d.kind, d.date or d.start_date) for d in find_deadlines(t, issue_date="2024-03-01")]
    assert read("明年三月底前出台细则。") == [("by", "2025-03-31")]
    assert read("去年十月底前已完成清算。") == [("by", "2023-10-31")]
    assert read("统一月底前报送。") == [] and read("农历八月十五日前发放慰问金。") == []
    assert read("活动时间为五月一日至五月五日。") == [("span", "2024-05-01")]


def test_review_periods_that_are_no_statistic_or_batch_stay():
    from zhengce.nlp.deadlines import find_deadlines

    for t in ("2024年至2026年，每年累计安排资金不少于1亿元。", "2024年1月1日至2024年12月31日，累计缴纳社保满6个月的，给予补贴。",
              "各县区于2024年上半年完成首批示范村名单公示。", "请各单位于2024年第三季度完成公示工作。"):
        assert [d.kind for d in find_deadlines(t)] == ["span"], t


def test_review_a_stage_reported_done_and_a_monthly_schedule_are_no_deadline():
    from zhengce.nlp.deadlines import find_deadlines

    assert find_deadlines("2019年为试点阶段，目前已全面推开。") == []
    assert find_deadlines("目前项目已进入验收阶段，2023年，全市共完成投资12亿元。") == []
    assert [d.kind for d in find_deadlines("企业于每月15日前申报，下月10日前拨付。", issue_date="2024-03-01")] == ["recurring"]


def test_review_a_guides_statutory_limit_is_procedure_and_a_required_length_a_condition():
    from zhengce.nlp.deadlines import find_durations

    assert [d.kind for d in find_durations("【法定时限】20个工作日 【承诺时限】5个工作日")] == ["procedure", "procedure"]
    assert [d.kind for d in find_durations("| 办理时限 | 5个工作日 |")] == ["procedure"]
    assert [d.kind for d in find_durations("【经营年限】2年 【补贴标准】每人1000元")] == ["condition"]


def test_review_the_target_split_off_is_a_goal():
    t = "一、扩大见习规模\n2023年全市募集见习岗位不少于1万个。各县区要广泛动员企业开发见习岗位。\n"
    assert [k for k, _ in _starts(t)] == ["heading", "goal", "measure"]


# --- what the second review found

def test_review2_plan_periods_and_publication_steps_keep_their_dates():
    from zhengce.nlp.deadlines import find_deadlines

    for t in ("2024—2026年，全省累计培训各类技能人才30万人次以上。", "2024—2026年，全市将累计投入资金100亿元。",
              "2025年上半年公示第一批示范企业名单。", "2024年下半年对享受补贴人员名单进行公示。"):
        assert [d.kind for d in find_deadlines(t)] == ["span"], t
    assert find_deadlines("符合条件的，当月申请，下月15日前发放到位。", issue_date="2024-03-01") == []
    assert find_deadlines("本月20日前后完成。", issue_date="2024-03-01") == []
    assert [d.text for d in find_deadlines("2019年为试点阶段，2020年起在全省推广。", issue_date="2024-03-01")] == ["2020年起"]


def test_review2_caps_conditions_and_marked_titles_stay_one_measure():
    for t in ("五、每家企业招用人数不少于10人。申请补贴时须提供劳动合同。", "（三）专项资金不得挪用。各单位要严格执行财务制度。",
              "（一）补贴资金由市财政承担。所需资金从就业补助资金中列支。", "4. 由区财政局拨付。补贴资金经审核后拨付。"):
        assert [k for k, _ in _starts(t)] == ["measure"], t
    assert _starts("二、资金规模\n市财政每年安排资金不少于2000万元。各区按1:1比例配套。\n")[1][0] == "measure"


def test_review2_a_basis_frame_stands_apart_and_reports_stay_news():
    got = _starts("根据《某市人才新政》（X发〔2023〕1号）要求，对新引进的博士给予20万元安家补贴。")
    assert [k for k, _ in got] == ["other", "measure"]
    for t in ("据悉，去年全市为企业减税降费5亿元。其中，对小微企业给予减免2亿元。",
              "据悉，上半年全市新增就业2.1万人。其中，对吸纳就业的企业给予补贴500万元。"):
        assert [k for k, _ in _starts(t)] == ["news"], t
    assert _starts("您提出的建议很有针对性，我市已出台政策，对符合条件的企业给予最高50万元奖励。")[0][0] == "measure"
    assert _starts("部分商户反映，消费券不可用于购买烟酒让顾客不太理解。")[0][0] != "measure"


def test_review2_units_staff_funds_facilities_and_recognitions():
    from zhengce.nlp.units import find_units

    def roles(t):
        return [(u.name, u.role) for u in find_units(t)]
    assert roles("一、经费。县财政局安排专家经费20万元。") == [("县财政局", "funder")]
    assert roles("一、申报。申报区养老服务中心建设补贴的，由区民政局审核。") == [("区民政局", "certifier")]
    assert roles("一、认定。由市科技局负责认定。") == [("市科技局", "certifier")]


def test_review2_a_table_cells_length_and_an_address_condition():
    from zhengce.nlp.deadlines import find_durations

    assert find_durations("| 1 | 王某 | 男 | 从事农业生产5年 | 合格 |") == []
    t = "三、补贴对象\n生产经营地址：在本市行政区域内从事生产经营的个体工商户。\n"
    assert _starts(t)[1][0] == "criterion"


def test_review2_long_adversarial_runs_stay_linear():
    import time

    from zhengce.nlp.deadlines import find_deadlines
    from zhengce.nlp.units import find_units

    t0 = time.perf_counter()
    split_measures("根据《办法》（X发〔2024〕1号）精神，" * 2000)
    find_units("以市财政局为牵头单位、" * 4000)
    find_deadlines("2024年为评审阶段，" * 4000)
    assert time.perf_counter() - t0 < 10.0      # minutes before the fixes at these sizes' 5x
