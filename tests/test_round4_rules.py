"""Rules added in round 4 from the tune halves of genre batch 5 (H: tables and notices, I: prose).

Each rule is general (a shape of text, not a page): the cases are written here, not copied from the
gold pages.
"""
from __future__ import annotations

from zhengce.nlp.extract import extract_text
from zhengce.nlp.measures import restore_breaks
from zhengce.nlp.units import document_units


def items(text: str) -> list[tuple[str, str]]:
    return [(m.kind, text[m.start:m.end].strip()) for m in extract_text(text)]


def starts(text: str, kind: str = "measure") -> list[str]:
    return [t[:8] for k, t in items(text) if k == kind]


def units(text: str) -> list[tuple[str, str]]:
    ms = extract_text(text)
    return [(u.name, u.role) for u in document_units(text, [u for m in ms for u in m.units])]


# --- a frame that cites the document is not the provision's own wording (spec: "where that provision's
# own wording begins"); 根据《办法》, was already read so, the same now holds for the document's bare name

def test_a_bare_document_frame_stands_apart_from_the_provision():
    text = "记者从市农业农村局获悉,今年补贴工作启动。\n根据通知,今年耕地地力保护补贴标准为每亩66.6元。"
    assert "今年耕地地力保护" in starts(text)
    assert not any(s.startswith("根据通知") for s in starts(text))


def test_按照_a_cited_document_is_a_frame_too():
    text = "四部委联合下发了通知。按照《通知》要求,对购买纯电动乘用车的,每辆车补助3.5万元。"
    assert any(s.startswith("对购买纯电动") for s in starts(text))
    assert not any(s.startswith("按照《通知》") for s in starts(text))


def test_a_topic_then_a_cited_frame_both_stand_apart():
    text = "在住房方面,《措施》提出,对首次购房的人才给予5万元补贴。"
    got = items(text)
    assert got[0][0] == "other" and got[0][1].startswith("在住房方面")
    assert ("measure", "对首次购房的人才给予5万元补贴。") in got


def test_a_topic_opener_alone_stays_in_its_provision():
    text = "在住房方面,对首次购房的人才给予5万元补贴。"
    assert starts(text) == ["在住房方面,对首"]


# --- a transmittal's own dated duty is a provision (请各乡镇…于…前完成 / 各地要于…前将…)

def test_a_dated_duty_after_a_transmittal_is_a_measure():
    text = ("各乡镇人民政府、街道办事处:\n现将《关于做好2024年耕地地力保护补贴工作的通知》转发给你们,请认真贯彻执行。"
            "请各乡镇(街道)于2024年5月24日前完成补贴面积核实和村级公示工作。")
    assert any(s.startswith("请各乡镇(街道") for s in starts(text))


def test_a_transmittal_without_a_duty_stays_one_preamble():
    text = ("各乡镇人民政府、街道办事处:\n现将《关于做好2024年耕地地力保护补贴工作的通知》转发给你们,请认真贯彻执行。"
            "执行中遇到的问题,请及时反馈。")
    got = starts(text)
    # the transmittal itself is no provision; the feedback channel may be one (the kind model cuts it, as a
    # dev2 tune reader did with 执行过程中遇到的问题,请径向我委反映)
    assert got in ([], ["执行中遇到的问题"])


# --- flattened tables

def test_a_checkbox_inside_a_table_row_is_no_lost_bullet():
    row = "| 2 | 低保标准 | 县民政局 | □政务服务中心 ■公开查阅点 | 全社会 |"
    assert restore_breaks(row) == row
    prose = "补贴标准如下: ■博士每人每月3000元"
    assert "\n" in restore_breaks(prose)


def test_numbered_rows_of_a_catalogue_are_one_item_each():
    text = ("| 序号 | 公开事项 | 公开内容 | 公开依据 | 公开主体 |\n"
            "| 1 | 最低生活保障标准 | 城市低保标准为每人每月760元,农村低保标准为每人每年5316元,自2023年7月1日起执行 "
            "| 《甘肃省最低生活保障办法》 | 县民政局 |\n"
            "| 2 | 临时救助 | 救助对象、救助标准、办理流程;一般情况下一次性救助金额不超过3000元 | 《甘肃省临时救助办法》 "
            "| 县民政局 |\n")
    got = starts(text)
    assert len(got) == 2 and got[0].lstrip("| ").startswith("1") and got[1].lstrip("| ").startswith("2")


def test_a_numbered_name_list_stays_one_record():
    text = ("| 序号 | 姓名 | 身份证号 | 补贴金额(元) |\n| 1 | 张* | 5115**********1234 | 5000 |\n"
            "| 2 | 李* | 5115**********5678 | 5000 |\n")
    assert starts(text) == []


# --- units

def test_an_addressee_line_naming_zones_gives_no_units():
    text = ("各省辖市、济源示范区、航空港区财政局、农业农村局,各财政直管县(市)财政局、农业农村局:\n"
            "一、补贴标准。省财政厅按每亩100元拨付补贴资金。")
    names = [n for n, _ in units(text)]
    assert "省财政厅" in names
    assert not any(n.endswith("财政局") or n.endswith("农业农村局") for n in names)


def test_a_link_bar_gives_no_units():
    text = ("市财政局负责拨付补贴资金。\n相关链接:黑龙江省人民政府 | 黑龙江省人力资源和社会保障厅 | 牡丹江新闻网")
    assert [n for n, _ in units(text)] == ["市财政局"]


def test_a_body_written_with_and_without_各_is_one_unit_named_without_it():
    text = ("各区市场监管局要做好申报受理工作。\n申请人向所在区市场监管局提交申请材料,经区市场监管局审核后报市市场监管局。")
    got = [n for n, _ in units(text) if n.endswith("区市场监管局") and not n.startswith("市")]
    assert got == ["区市场监管局"]


# --- pages as sites publish them (batch 5's tune halves)

def test_a_pages_first_line_is_its_headline():
    text = "购房最高补贴6万元！我市出台促进房地产市场平稳健康发展若干措施\n记者从市住建局获悉，对购买新建商品住房的给予补贴。"
    assert items(text)[0][0] == "heading"


def test_a_quotation_with_its_speaker_is_reporting():
    text = ("记者从县农业农村局获悉，今年耕地地力保护补贴标准为每亩66.6元。\n"
            "“光大豆补贴就能拿11.2万元，再加上轮作补贴，心里更有底了。”种植户刘德福说。")
    got = items(text)
    assert got[-1][0] == "news" and got[-1][1].startswith("“光大豆")


def test_a_question_line_is_other_and_its_answer_a_measure():
    text = ("常见问题\n1.问：见习期未满提前留用的，能否申领见习补贴？\n"
            "答：见习单位可按实际见习时间申领见习补贴。\n2.问：同一见习人员可以多次参加见习吗？\n"
            "答：同一见习人员只能享受一次就业见习补贴政策。")
    got = items(text)
    assert [k for k, t in got if t.startswith(("1.问", "2.问"))] == ["other", "other"]
    assert [k for k, t in got if t.startswith("答")] == ["measure", "measure"]


def test_an_item_that_only_cites_rules_is_other():
    text = ("设定依据\n1.《江西省就业补助资金管理办法》（赣财社〔2018〕14号）；\n"
            "2.《关于进一步做好就业见习工作的通知》（赣人社发〔2022〕9号）。\n补贴标准\n按当地最低工资标准的60%给予见习补贴。")
    got = items(text)
    assert [k for k, t in got if t.startswith(("1.《", "2.《"))] == ["other", "other"]
    assert ("measure", "按当地最低工资标准的60%给予见习补贴。") in got


def test_items_under_a_conditions_label_are_criteria():
    text = ("申请条件\n1.见习单位已被认定为市级及以上就业见习基地；\n2.见习单位与见习人员签订见习协议，见习期限不超过12个月；\n"
            "办理流程\n1.申请：见习单位于见习期满后3个月内向所在地就业创业服务中心提出申请。")
    got = items(text)
    assert [k for k, t in got if t.startswith(("1.见习", "2.见习"))] == ["criterion", "criterion"]
    assert [k for k, t in got if t.startswith("1.申请")] == ["measure"]


# --- a date whose 年 and 月 scraping lost (2016630日前): read only where one reading is valid

def test_a_collapsed_date_is_read_only_when_unambiguous():
    from zhengce.nlp.deadlines import find_deadlines
    [d] = find_deadlines("各县(市)区人社局须于2016630日前将花名册报市人社局。", issue_date="2016-06-13")
    assert (d.kind, d.date) == ("by", "2016-06-30")
    [d] = find_deadlines("请于2016111日前报送。", issue_date="2016-06-13")   # 1月11日 or 11月1日
    assert (d.kind, d.date) == ("by", None)


def test_a_month_alone_starts_something_in_the_documents_year():
    from zhengce.nlp.deadlines import find_deadlines
    [d] = find_deadlines("9月起，补贴标准提高到每人每月500元。", issue_date="2024-05-10")
    assert (d.text, d.kind, d.date, d.year_inferred) == ("9月起", "from", "2024-09-01", "issue_date")
    [d] = find_deadlines("从7月份开始，全市实施新的补贴标准。", issue_date="2024-05-10")
    assert (d.kind, d.date) == ("from", "2024-07-01")
    [d] = find_deadlines("9月起，补贴标准提高到每人每月500元。")          # no document date: no guess
    assert (d.kind, d.date) == ("from", None)


def test_a_span_from_today_never_ends_before_it_starts():
    from zhengce.nlp.deadlines import find_deadlines
    [d] = find_deadlines("报名时间：即日起至4月15日", issue_date="2024-05-10")
    assert (d.start_date, d.end_date) == ("2024-05-10", "2025-04-15")
    [d] = find_deadlines("即日起至12月31日，开展活动", issue_date="2024-05-10")
    assert (d.start_date, d.end_date) == ("2024-05-10", "2024-12-31")


# --- money stated outside provisions: a news subhead, a field and its value on the next line

def test_a_subhead_that_states_money_keeps_its_amount():
    text = ("记者从两江新区获悉，新区设立旅游专项资金。\n针对升级的旅游景区按照梯次补齐奖励差价。\n"
            "招徕旅客将享10万~60万元奖励\n为鼓励景区招徕旅客，两江新区还设置了“游客组织奖”。")
    values = {a.value_yuan for m in extract_text(text) for a in m.amounts}
    assert 600000 in values


def test_a_field_label_and_its_money_value_on_the_next_line_are_kept():
    text = ("申报已结束 关于做好2024年专项资金申报工作的通知\n• 扶持方式:\n事后补助\n• 资助金额:\n2000万元\n"
            "具体扶持方式\n一、资助项目范围。本次资助项目范围包括对外投资项目。")
    values = {a.value_yuan for m in extract_text(text) for a in m.amounts}
    assert 20000000 in values


# --- batch 6's tune halves (GJ notices, GK lists)

def test_tiers_of_one_standard_under_their_lead_in_are_one_item():
    text = ("一、安家补贴\n全职新引进来株工作、签订3年以上劳动合同的：\n■ 博士：15万元\n■ 硕士：5万元\n"
            "■ 其他全日制本科：1万元\n二、租房补贴\n■ 博士：每月1500元\n■ 硕士：每月1000元\n")
    got = starts(text)
    assert got[0].startswith("全职新引进") and len(got) == 2 and got[1].startswith("■ 博士：每月")


def test_a_list_of_materials_with_counts_is_no_tier_list():
    text = "申请材料：\n■ 身份证：1份\n■ 营业执照：1份\n"
    assert len([k for k, t in items(text) if k == "measure" and "\n" in t]) == 0


def test_a_body_taking_the_next_duty_after_a_semicolon_starts_a_provision():
    text = "四、资金保障\n市财政局要及时下达市级补助资金；各县（市、区）民政部门要会同同级财政部门足额安排资金，确保按时发放。"
    assert any(s.startswith("各县（市、区）民") for s in starts(text))


def test_a_delivering_department_label_gives_administrators():
    text = ("1.高新技术企业奖励。对首次认定的高新技术企业给予20万元奖励。\n政策依据：《关于促进科技创新的若干措施》\n"
            "兑现部门：区科技局、区财政局\n")
    got = dict(units(text))
    assert got.get("区科技局") == "administrator" and "区财政局" in got


def test_vague_bodies_and_officials_are_no_units():
    text = ("区发改局会同区有关部门对现行有效的涉企政策进行了梳理。\n各级领导干部要当好“店小二”。"
            "\n本页面信息由海宁市人力资源和社会保障局提供 更新时间：2024-02-21")
    names = [n for n, _ in units(text)]
    assert names == ["区发改局"]


def test_a_county_level_citys_own_bodies_are_written_with_市():
    from zhengce.pipeline import process_bytes
    text = ("浙江政务服务网 嘉兴市 海宁市\n事项名称：一次性创业补贴申领\n实施主体：海宁市人力资源和社会保障局\n"
            "符合条件的，由市人力社保局审核后，市财政局拨付补贴资金。\n").encode("utf-8")
    ex = process_bytes(text, "page.txt")
    if ex.document.region.district != "海宁市":
        return      # the place reader decides the level; this test is about units once it has
    names = [u.name for u in ex.units]
    assert len([n for n in names if "人力" in n or "人社" in n]) == 1


def test_repost_chrome_lines_are_dropped_but_steps_labelled_alike_are_kept():
    from zhengce.nlp.paragraphs import paragraph_kind
    for chrome in ("👉 政策原文请点击左下角“阅读原文”", "图文：株洲市委人才办 编辑：刘 x 审核：王 x",
                   "分享 收藏 在看 赞 1.2万", "基本编码：330104015000"):
        assert paragraph_kind(chrome, False) == "drop", chrome
    for content in ("审核：市人社局对申请材料进行审核。", "在看的人越来越多，政策效果明显。"):
        assert paragraph_kind(content, False) != "drop", content


def test_a_money_column_of_a_table_flattened_one_cell_per_line_is_read_in_its_unit():
    text = ("关于2024年专项资金分配结果的公告\n经审核，现将分配结果公告如下：\n序号\n单位名称\n补助金额（万元）\n"
            "1\n甲公司\n200\n2\n乙公司\n150.5\n合计\n350.5\n特此公告。")
    got = [(a.text, a.value_yuan) for m in extract_text(text) for a in m.amounts]
    assert got == [("200", 2000000.0), ("150.5", 1505000.0)]
    plain = "序号\n单位名称\n人数\n1\n甲公司\n200\n2\n乙公司\n150\n"          # no money column: no amounts
    assert [a for m in extract_text(plain) for a in m.amounts] == []


def test_a_tables_caption_unit_reads_its_money_column():
    flat = "现将分配结果公告如下：\n单位：万元\n| 序号 | 项目单位 | 补助资金 |\n| 1 | 甲公司 | 80 |\n| 2 | 乙公司 | 45.5 |"
    vertical = "现将分配结果公告如下：\n单位：万元\n序号\n项目单位\n补助资金\n1\n甲公司\n80\n2\n乙公司\n45.5\n特此公告。"
    for text in (flat, vertical):
        got = [(a.text, a.value_yuan) for m in extract_text(text) for a in m.amounts]
        assert got == [("80", 800000.0), ("45.5", 455000.0)], text
    counts = "单位：万元\n| 序号 | 项目单位 | 人数 |\n| 1 | 甲公司 | 80 |"      # no money-named column
    assert [a for m in extract_text(counts) for a in m.amounts] == []


def test_more_deadline_forms():
    from zhengce.nlp.deadlines import find_deadlines

    def one(s):
        [d] = find_deadlines(s, issue_date="2023-04-01")
        return d.kind, d.date

    assert one("本指南自2023615起执行，原办法同时废止。") == ("from", "2023-06-15")   # 年/月 lost, one reading
    assert one("自2023111起执行") == ("from", None)                                  # 1月11日 or 11月1日: no guess
    assert one("⏰ 2024年度首批申报截止:2024年6月30日") == ("by", "2024-06-30")
    assert one("序号 | 任务 | 完成时限\n1 | 建成平台 | 2024年9月30日") == ("by", "2024-09-30")
    assert find_deadlines("共计2023615元") == []


def test_an_as_of_cut_off_before_a_report_is_no_deadline():
    from zhengce.nlp.deadlines import find_deadlines
    assert find_deadlines("截止到6月底，全市已发放补贴3000万元", issue_date="2024-04-01") == []
    [d] = find_deadlines("申报截止到2024年6月30日，逾期不予受理", issue_date="2024-04-01")
    assert (d.kind, d.date) == ("by", "2024-06-30")
