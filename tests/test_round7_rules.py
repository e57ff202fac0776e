"""Rules added in round 7: pages of questions with short answer lines (一图读懂, 问答), target years that
lead their sentence, dates sharing one 前, bodies that 做好 a task. Cases are written here from the spec,
not copied from gold pages."""
from __future__ import annotations

from zhengce.nlp.deadlines import find_deadlines
from zhengce.nlp.extract import extract_text
from zhengce.nlp.units import document_units

GRAPHIC = (
    "一图读懂｜某某市2024年家电以旧换新补贴活动\n"
    "▶ 一共发多少钱？\n"
    "市、区两级财政共投入2000万元，分两期发放\n"
    "第一期：1200万元\n"
    "第二期：800万元\n"
    "▶ 市民怎么领？\n"
    "打开“某某办”APP，搜索“以旧换新”进入领取页面\n"
    "每人限领1次\n"
    "领取后7日内有效\n"
    "▶ 资金怎么结算？\n"
    "补贴资金由各区财政局在核销后10日内结算至商户账户\n"
    "▶ 特别提醒\n"
    "严禁商户虚构交易套取补贴，一经查实取消参与资格\n"
    "市商务局将会同市市场监管局开展随机抽查\n"
    "咨询电话：0771-1234567\n")


def items(text):
    return [(m.kind, m.text) for m in extract_text(text)]


def test_short_answer_lines_under_questions_are_kept():
    got = items(GRAPHIC)
    texts = [t for _, t in got]
    # every answer line is in an item (they were dropped as page furniture: short, no full stop)
    for line in ("第一期：1200万元", "第二期：800万元", "每人限领1次", "领取后7日内有效",
                 "市商务局将会同市市场监管局开展随机抽查"):
        assert any(line in t for t in texts), line
    kinds = dict((t, k) for k, t in got)
    assert kinds["▶ 一共发多少钱？"] == "heading"
    assert kinds["▶ 特别提醒"] == "heading"          # bulleted like the questions
    assert kinds["第一期：1200万元"] == "measure"
    amounts = [a.text for m in extract_text(GRAPHIC) for a in m.amounts]
    assert {"1200万元", "800万元"} <= set(amounts)


def test_answer_lines_give_their_units():
    ms = extract_text(GRAPHIC, level_prefix="市")
    units = {u.text: u.role for m in ms for u in m.units}
    assert units.get("各区财政局") == "funder"


def test_one_question_is_no_question_page():
    # a single question line heads nothing, and the furniture after it stays dropped
    text = "某某市消费券活动\n对参加活动的商户给予每笔交易5元补贴。\n怎么领？\n网站首页\n网站地图\n"
    assert items(text) == [("measure", "对参加活动的商户给予每笔交易5元补贴。"), ("other", "怎么领？")]


def test_leading_target_year_is_a_deadline():
    got = find_deadlines("2025年，全市外贸进出口力争实现正增长，出口总额达到500亿元。", issue_date="2025-01-16")
    assert [(d.text, d.kind, d.date) for d in got] == [("2025年", "by", "2025-12-31")]
    got = find_deadlines("2026年，计划新增养老床位1000张。", issue_date="2025-01-16")
    assert [(d.kind, d.date) for d in got] == [("by", "2026-12-31")]


def test_leading_year_of_a_report_stays_no_deadline():
    assert find_deadlines("2023年，全市累计发放消费券8000万元。", issue_date="2024-03-08") == []
    assert find_deadlines("2024年,全县已实现全覆盖。", issue_date="2024-03-08") == []


def test_dates_sharing_one_before_are_each_a_deadline():
    got = find_deadlines("各牵头单位要于6月25日、12月10日前分别将工作进展报县农业农村局。", issue_date="2024-03-08")
    assert [(d.text, d.kind, d.date) for d in got] == [("6月25日", "by", "2024-06-25"),
                                                       ("12月10日前", "by", "2024-12-10")]
    got = find_deadlines("于3月10日、6月10日和9月10日前报送。", issue_date="2024-01-05")
    assert [d.date for d in got] == ["2024-03-10", "2024-06-10", "2024-09-10"]


def test_bodies_that_do_a_task_well_implement_it():
    text = "县交通运输局、县公安局交警大队按职责做好保障。"
    ms = extract_text(text, level_prefix="县")
    got = document_units(text, [u for m in ms for u in m.units], level_prefix="县")
    assert [(u.text, u.role) for u in got] == [("县交通运输局", "administrator"), ("县公安局交警大队", "administrator")]


def test_the_answer_after_a_courtesy_starts_its_provision():
    # a press conference: the answer thanks the questioner, then states the provision in the same paragraph
    text = ("济南日报记者：\n请问在住房保障方面，新政有哪些支持措施？\n孙丽：\n谢谢您的提问。在购房方面，对新引进的博士研究生"
            "在我市首次购买商品住房的，给予购房补贴15万元；本科毕业生首次购房的，给予购房补贴5万元。\n")
    got = items(text)
    assert ("other", "谢谢您的提问。") in got
    assert any(k == "measure" and t.startswith("在购房方面，对新引进的博士研究生") for k, t in got)


def test_a_quoted_official_stating_a_step_is_a_measure_on_a_news_page():
    from zhengce.pipeline import process_bytes
    text = ("真金白银护粮袋子 我市种粮补贴政策落地见效\n来源：某某日报 发布时间：2024-06-20\n"
            "本报讯（记者 王芳）记者近日从市农业农村局获悉，今年我市继续落实各项惠农补贴政策，一批补贴资金正陆续发放到种粮农民手中。\n"
            "“市级奖补资金由县（市、区）农业农村部门审核、市财政局直接拨付，实行先种后补。”市农业农村局副局长张伟介绍。\n"
            "“以前补贴要跑好几趟，现在直接打到卡上。”种粮大户李长春说。\n")
    got = [(m.kind, m.text) for m in process_bytes(text.encode(), "news.txt").measures]
    quoted = [k for k, t in got if t.startswith("“市级奖补资金由")]
    farmer = [k for k, t in got if t.startswith("“以前补贴")]
    assert quoted == ["measure"] and farmer == ["news"]     # a beneficiary's words state no provision


def test_a_titled_work_item_that_sets_a_target_is_a_goal():
    text = ("1．稳定粮食生产。全年粮食播种面积稳定在45.6万亩以上、产量稳定在18.5万吨以上。（责任单位：县农业农村局）\n"
            "2．做强茶产业。全县茶园面积稳定在60万亩。对新获认证的茶企给予每家2万元奖励。\n")
    got = items(text)
    assert [k for k, _ in got] == ["goal", "goal", "measure"]
    assert got[2][1].startswith("对新获认证的茶企")


def test_a_target_year_sentence_inside_a_provision_item_is_a_goal():
    text = ("（三）推进医养结合。鼓励医疗卫生机构与养老机构签约合作。到2026年，养老机构医疗卫生服务签约率保持100%。"
            "对新获批设立的医养结合机构给予5万元补助。\n")
    assert [k for k, _ in items(text)] == ["measure", "goal", "measure"]


def test_a_short_line_that_names_money_is_no_furniture():
    # a row of a table flattened one cell per line, then a row whose cells ran onto a second line
    text = ("关于公布2024年度就业创业补贴标准的公告\n现将补贴标准公布如下：序号 补贴项目 补贴对象 补贴标准 经办部门\n"
            "1\n一次性求职创业补贴\n毕业年度内有就业创业意愿的困难家庭高校毕业生\n每人2000元\n"
            "2 职业培训补贴 参加职业技能培训并取得证书的劳动者\n初级工1000元、中级工1500元 市人社局\n")
    values = sorted(a.value_yuan for m in extract_text(text) for a in m.amounts)
    assert values == [1000.0, 1500.0, 2000.0]


def test_a_money_headline_keeps_its_amount_as_a_heading():
    text = "未来四年某市每年增投1亿元扶持软件产业\n今年起到2025年，市财政将每年增加1亿元软件产业专项资金。\n"
    got = extract_text(text)
    assert got[0].kind == "heading" and [a.value_yuan for a in got[0].amounts] == [1e8]


def test_a_space_separated_table_reads_its_money_column():
    rows = "\n".join(f"{i} 张*军 某某街道 餐饮服务 一次性创业补贴 {v}" for i, v in ((1, 10000), (2, 16000), (3, 15400)))
    text = "二、拟补助对象名单\n序号 姓名 所属街道 创业项目 补助类别 拟补助金额（元）\n" + rows + "\n"
    ms = extract_text(text)
    assert sorted(a.value_yuan for m in ms for a in m.amounts) == [10000.0, 15400.0, 16000.0]
    # rows are never joined as wrapped lines (a list of names under a money column is one table record)
    held = "\n".join(m.text for m in ms)
    assert all(row in held for row in rows.split("\n"))
    # without a money header the last number of a row is no amount
    plain = "序号 姓名 所属街道 创业项目 年龄\n1 张*军 某某街道 餐饮服务 35\n2 李*涛 某某街道 汽车维修 41\n"
    assert [a for m in extract_text(plain) for a in m.amounts] == []


def test_the_bodies_a_decision_honours_are_no_units():
    text = ("省人民政府决定：\n三、授予湘西土家族苗族自治州文化旅游广电局、岳阳市文化旅游广电体育局“2023年度全省文化和旅游产业发展先进单位”称号，"
            "予以通报表扬。\n期满后由省文化和旅游厅组织复核，复核不合格的撤销称号。\n")
    ms = extract_text(text, level_prefix="省")
    got = document_units(text, [u for m in ms for u in m.units], level_prefix="省")
    assert [u.text for u in got] == ["省文化和旅游厅"]


def test_contact_fields_spaced_for_alignment_and_reply_openers_are_other():
    text = ("二、下一步工作打算\n你提出的扩大病种范围、提高报销水平等建议，对完善我省门诊保障制度具有重要参考价值。"
            "我们将在2025—2027年分步提高门诊慢特病报销比例。\n感谢你对医疗保障工作的关心和支持。\n"
            "联系单位及电话：省医保局待遇保障处 025-83279016\n")
    got = items(text)
    assert ("other", "你提出的扩大病种范围、提高报销水平等建议，对完善我省门诊保障制度具有重要参考价值。") in got
    assert ("measure", "我们将在2025—2027年分步提高门诊慢特病报销比例。") in got
    assert ("other", "联系单位及电话：省医保局待遇保障处 025-83279016") in got


BOX_TABLE = (
    "具体项目见下表：\n"
    "┌────┬──────────────┬────────────┬──────────┬──────────────┐\n"
    "│ 序号 │ 项目名称 │ 总投资（万元） │ 完成时限 │ 责任单位 │\n"
    "├────┼──────────────┼────────────┼──────────┼──────────────┤\n"
    "│ 1 │ 县道X412线提质改造 │ 1860 │ 2024.9.30 │ 县交通运输局 │\n"
    "│ 2 │ 乡道Y005线改造 │ 1120 │ 2024.10.31 │ 县交通运输局 │\n"
    "└────┴──────────────┴────────────┴──────────┴──────────────┘\n")


def test_a_box_drawing_table_reads_as_a_table_of_provisions():
    from zhengce.pipeline import process_bytes
    ex = process_bytes(BOX_TABLE.encode(), "box.txt")
    t = ex.document.text
    rows = [m for m in ex.measures if m.kind == "measure"]
    assert [m.text.split("│")[1].strip() for m in rows] == ["1", "2"]     # a provision per row, text as written
    assert all(t[m.start:m.end] == m.text for m in ex.measures)
    assert sorted(a.value_yuan for m in ex.measures for a in m.amounts) == [11200000.0, 18600000.0]
    assert sorted(d.date or d.end_date for m in rows for d in m.deadlines) == ["2024-09-30", "2024-10-31"]


def test_a_space_aligned_table_reads_its_money_column_wherever_it_stands():
    text = ("二、贷款贴息\n贷款类别 贴息比例 单户年度贴息上限（万元） 贴息期限\n首次贷款 实际支付利息的50% 30 不超过1年\n"
            "信用贷款 实际支付利息的40% 20 不超过1年\n")
    values = sorted(a.value_yuan for m in extract_text(text) for a in m.amounts if a.value_yuan)
    assert values == [200000.0, 300000.0]


def test_an_addressee_line_of_zone_bureaus_gives_no_units():
    text = ("成都市民政局关于印发养老服务补贴实施细则的通知\n各区（市）县民政局，四川天府新区社区治理和社事局，成都东部新区社区发展局，"
            "成都高新区社区发展治理和社会保障局：\n现将《细则》印发给你们，请遵照执行。\n")
    ms = extract_text(text, level_prefix="市")
    got = document_units(text, [u for m in ms for u in m.units], level_prefix="市")
    assert [(u.text, u.role) for u in got] == [("成都市民政局", "issuer")]


def test_the_colophon_printing_day_is_no_deadline():
    text = "抄送：市委办公室，市人大常委会办公室。\n湘潭市人民政府办公室  2023年6月21日印发\n"
    assert find_deadlines(text, issue_date="2023-06-21") == []
    got = find_deadlines("力争2024年6月30日印发实施方案。", issue_date="2023-06-21")
    assert [(d.kind, d.date) for d in got] == [("by", "2024-06-30")]      # a planned issuing stays a target


def test_next_year_resolves_against_the_documents_year():
    got = find_deadlines("申请人应于次年3月31日前提出申请。", issue_date="2023-06-21")
    assert [(d.kind, d.date, d.year_inferred) for d in got] == [("by", "2024-03-31", "issue_date")]
    got = find_deadlines("一次性求职补贴 每人200元 次年1月31日前 所在地人社部门", issue_date="2023-06-21")
    assert [(d.kind, d.date) for d in got] == [("by", "2024-01-31")]      # a table cell: no 于 to frame it
    assert [d.date for d in find_deadlines("申请人应于次年3月31日前提出申请。")] == [None]   # no document date
    got = find_deadlines("请于翌年3月31日前报送。", issue_date="2023-06-21")       # was read as this year's 3月31日
    assert [(d.kind, d.date) for d in got] == [("by", "2024-03-31")]


def test_a_past_cut_off_that_qualifies_things_is_no_deadline():
    assert find_deadlines("对2000年底前建成的老旧小区应改尽改。", issue_date="2024-03-01") == []
    got = find_deadlines("2024年底前建成的项目给予奖励。", issue_date="2024-03-01")
    assert [(d.kind, d.date) for d in got] == [("by", "2024-12-31")]


def test_a_named_development_zone_is_the_district():
    from zhengce.ingest.region import region_of_name
    r = region_of_name("武汉东湖新技术开发区管理委员会")
    assert (r.province, r.city, r.district, r.level) == ("湖北省", "武汉市", "武汉东湖新技术开发区", "district")
    r = region_of_name("武汉市推进开发区建设的通知")
    assert (r.city, r.district) == ("武汉市", None)


def test_cities_with_districts_keep_their_level_and_referral_to_judicial_organs_is_no_unit():
    text = ("设区市住房城乡建设主管部门负责审核。对弄虚作假的，由民政部门追回已发放资金；"
            "涉嫌违法犯罪的，依法移送司法机关处理。\n")
    ms = extract_text(text, level_prefix="省")
    got = [(u.text, u.role) for u in document_units(text, [u for m in ms for u in m.units], level_prefix="省")]
    assert ("设区市住房城乡建设主管部门", "certifier") in got     # charged with the review (round 24)
    assert not any("司法机关" in name for name, _ in got)


def test_html_entities_left_in_text_are_decoded_and_offsets_map_back():
    from zhengce.ingest.normalize import normalize
    original = "&nbsp;&nbsp;（二）研发&amp;创新补贴最高50万元。\n"
    n = normalize(original)
    assert n.text.rstrip() == "（二）研发&创新补贴最高50万元。"
    s = n.text.index("最高")
    a, b = n.offset_map.span_to_original(s, s + 6)
    assert original[a:b] == "最高50万元"
