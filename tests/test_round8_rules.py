"""Rules added in round 8: tables whose cells a copy separated by spaces or tabs, per-unit money columns,
the printing colophon. Cases are written here from the spec, not copied from gold pages."""
from __future__ import annotations

import pytest

from zhengce.ingest.document import normalize_bytes
from zhengce.nlp.extract import extract, extract_text
from zhengce.nlp.tables import piped_view, spaced_tables

ROWS = [["序号", "补贴项目", "补贴标准（元/亩）", "责任单位"],
        ["1", "小麦种植", "120", "县农业农村局"],
        ["2", "玉米种植", "100", "县农业农村局"],
        ["3", "大豆种植", "150", "县财政局"]]


def page(sep: str) -> str:
    return ("某某县人民政府办公室关于印发某某县农业补贴实施办法的通知\n各乡镇人民政府，县直各部门：\n现将补贴标准公布如下。\n"
            + "\n".join(sep.join(r) for r in ROWS) + "\n请各乡镇于2024年6月30日前完成申报。\n")


@pytest.mark.parametrize("sep", ["\t", "    ", "  "])
def test_space_separated_table_rows_are_items_with_their_units(sep):
    # the rows were dropped as page furniture (short lines, no full stop, no 元): their units with them
    ex = extract(normalize_bytes(page(sep).encode(), source="x.txt"))
    rows = [m for m in ex.measures if m.text.startswith(("1 ", "2 ", "3 "))]
    assert [m.kind for m in rows] == ["measure"] * 3
    assert [[u.text for u in m.units] for m in rows] == [["县农业农村局"], ["县农业农村局"], ["县财政局"]]
    assert {u.name for u in ex.units} >= {"县农业农村局", "县财政局"}
    # item text is the page's own (the | of the reading view never shows)
    assert all("|" not in m.text and m.text == ex.document.text[m.start:m.end] for m in ex.measures)


def test_per_unit_money_column_gives_per_unit_amounts():
    got = [a for m in extract_text(page(" | ")) for a in m.amounts]
    assert [(a.text, a.kind, a.value_yuan, a.per) for a in got] == [
        ("120", "per_unit", 120.0, "亩"), ("100", "per_unit", 100.0, "亩"), ("150", "per_unit", 150.0, "亩")]


def test_whole_unit_money_column_stays_fixed():
    text = "序号 | 企业名称 | 奖励金额（万元）\n1 | 甲公司 | 30\n2 | 乙公司 | 20\n"
    got = [(a.text, a.kind, a.value_yuan, a.per) for m in extract_text(text) for a in m.amounts]
    assert got == [("30", "fixed", 300000.0, None), ("20", "fixed", 200000.0, None)]


def test_spaced_table_needs_a_header_and_counted_rows():
    # prose lines with spaces, and numbered lines of different widths, are no table
    assert spaced_tables("一、总体要求 坚持 稳中求进\n1 加强 组织领导\n3 落实 资金 保障 到位\n") == []
    assert spaced_tables("序号 姓名 金额\n1 张三 100\n") == []          # one row: not enough to tell
    text = "序号 姓名 金额（元）\n1 张三 100\n2 李四 200\n合计 300\n说明：以上为拟补助名单。"
    (lines,) = spaced_tables(text)
    assert [text[a:b] for a, b in lines] == ["序号 姓名 金额（元）", "1 张三 100", "2 李四 200", "合计 300"]
    view = piped_view(text)
    assert len(view) == len(text) and view.startswith("序号|姓名|金额（元）\n1|张三|100") and view.endswith("说明：以上为拟补助名单。")


def test_printing_colophon_is_no_provision():
    text = ("一、支持标准\n（一）对新认定的企业给予10万元奖励。\n附件\n补贴申领指引\n"
            "序号 补贴项目 补贴标准 受理部门\n1 一次性创业补贴 1万元 区人社局\n2 场地租金补贴 每月500元 区人社局\n"
            "抄送：市委办公室，市人大常委会办公室。\n某某市人民政府办公室 2023年6月21日印发\n")
    got = {m.text: m.kind for m in extract_text(text)}
    assert got["某某市人民政府办公室 2023年6月21日印发"] != "measure"
    assert got["1 一次性创业补贴 1万元 区人社局"] == "measure"


def test_guide_fields_are_kept_with_their_dates_and_lengths():
    # 申领时间：…/补贴期限：… are short lines with no full stop: they were dropped as page furniture,
    # and the application window with them
    text = ("某某市人力资源和社会保障局关于做好2024年就业补贴申领工作的通知\n各区人社局：\n现将有关事项通知如下。\n"
            "补贴对象：毕业2年内高校毕业生\n补贴标准：每人每月500元\n补贴期限：最长12个月\n"
            "申领时间：2024年3月1日至12月31日\n受理部门：各区人社局\n")
    ex = extract(normalize_bytes(text.encode(), source="x.txt"))
    texts = [m.text for m in ex.measures]
    for line in ("补贴对象：毕业2年内高校毕业生", "补贴期限：最长12个月", "申领时间：2024年3月1日至12月31日"):
        assert line in texts, line
    assert [d.text for m in ex.measures for d in m.deadlines] == ["2024年3月1日至12月31日"]
    assert [d.text for d in ex.durations] == ["毕业2年内", "最长12个月"]     # (an eligibility period too)


def test_spaced_table_without_serials_under_a_named_header():
    text = ("补贴项目 标准（元/人） 受理单位\n技能培训 1500 区人社局\n创业培训 2000 区人社局\n")
    got = [(m.text, [(a.value_yuan, a.per) for a in m.amounts], [u.text for u in m.units]) for m in extract_text(text)]
    assert got[1:] == [("技能培训 1500 区人社局", [(1500.0, "人")], ["区人社局"]),
                       ("创业培训 2000 区人社局", [(2000.0, "人")], ["区人社局"])]
    # three short words a line, no header that names money or a responsible body: no table
    assert spaced_tables("首页 新闻 政务\n关于 我们 联系\n网站 地图 帮助\n") == []


def test_bracketed_unit_line_belongs_to_the_item_above():
    text = ("一、大力引进人才\n（一）支持引进高层次人才。对来我市创业的高层次人才团队给予最高1000万元奖励。\n"
            "[牵头单位:市科技局;责任单位:市发改委、市工信局]\n（二）支持引进青年人才。对新引进的博士给予20万元安家补贴。\n")
    ms = [m for m in extract_text(text) if m.kind == "measure"]
    assert ms[0].text.endswith("[牵头单位:市科技局;责任单位:市发改委、市工信局]")
    assert [(u.text, u.role) for u in ms[0].units] == [("市科技局", "lead"), ("市发改委", "co"), ("市工信局", "co")]


def _pdf_page(full_width: bool) -> str:
    """A justified PDF page: every line one physical width, so lines with more punctuation hold fewer
    characters; normalization folds its full-width punctuation to ASCII."""
    body = ("自治区党委、自治区人民政府始终坚持就业第一，把就业作为最大的民生工程、民心工程、根基工程，作为保障和改善民生、"
            "维护社会稳定和长治久安的重要举措，确保我区就业局势保持总体稳定。但今年以来国内外风险挑战增多，稳就业压力加大。"
            "为全力做好我区稳就业工作，根据《国务院关于进一步做好稳就业工作的意见》精神，结合我区实际，提出以下实施意见。")
    goal = ("以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的十九大和十九届二中、三中、四中全会精神，贯彻落实党中央、"
            "国务院关于稳就业工作要求，紧紧围绕总目标，把稳就业摆在更加突出的位置，全面推进实施就业优先政策，健全有利于更充分"
            "更高质量就业的促进机制，千方百计稳定和扩大就业。")
    out = []
    for para in (body, goal):
        line, cols = "", 4
        for ch in para:
            w = 2 if full_width or ord(ch) > 127 else 1
            if cols + w > 58:
                out.append(line)
                line, cols = "", 0
            line, cols = line + ch, cols + w
        out.append(line)
    return "关于进一步做好稳就业工作的实施意见\n" + "\n".join(out[:len(out) // 2]) + "\n一、总体要求\n" + "\n".join(out[len(out) // 2:]) + "\n"


def test_justified_pdf_page_is_unwrapped():
    from zhengce.nlp.measures import unwrap
    for full in (True, False):
        joined, back = unwrap(normalize_bytes(_pdf_page(full).encode(), source="x.txt").text)
        assert back is not None, full
        assert "维护社会稳定和长治久安的重要举措" in joined and "深入学习贯彻党的十九大" in joined


def test_spaced_table_rows_wrapped_onto_a_second_line():
    # a PDF copy wrapped long company names: the row spans both lines, its money cell is read
    text = ("现将有关情况予以公示：\n序号 企业名称 吸纳人数 补贴金额（元）\n1 某某市天山明珠商贸有限\n公司 12 18000\n"
            "2 某某市锦华物业服务有限公司 25 37500\n3 某某丝路驿站餐饮管理有\n限公司 8 12000\n合计 45 67500\n公示时间：2024年8月19日至8月23日。\n")
    (rows,) = spaced_tables(text)
    assert [text[a:b] for a, b in rows][1] == "1 某某市天山明珠商贸有限\n公司 12 18000"
    assert piped_view(text).count("\n") == text.count("\n") - 2
    got = sorted(a.value_yuan for m in extract_text(text) for a in m.amounts)
    assert got == [12000.0, 18000.0, 37500.0]


def test_allocation_table_under_its_caption_without_a_header():
    # 单位：万元 over numbered rows whose header line the copy lost: one table item, amounts in 万元
    text = ("附件1\n2024年省级养老服务体系建设补助资金分配表\n单位：万元\n1 甲市 3160 含区域养老服务中\n心8个\n2 乙市 860\n"
            "3 丙市 1180 含山区县倾斜\n4 丁土家族苗族自\n治州 1360\n合计 6560\n")
    ms = extract_text(text)
    table = [m for m in ms if "甲市" in m.text]
    assert len(table) == 1 and table[0].kind == "other" and "合计 6560" in table[0].text
    assert [a.value_yuan for a in table[0].amounts] == [31600000.0, 8600000.0, 11800000.0, 13600000.0, 65600000.0]
    # two numbers a row and no header: which one is money? nothing is read
    two = "单位：万元\n1 甲市 12 3160\n2 乙市 8 860\n3 丙市 9 1180\n"
    assert [a for m in extract_text(two) for a in m.amounts] == []


def test_a_case_after_a_semicolon_with_its_own_consequence_is_a_provision():
    text = ("一、人才保障\n（一）高层次人才子女申请就读义务教育阶段学校的，由市教育局统筹协调安排；配偶随调随迁的，"
            "由市人社局会同用人单位协助安置。\n（二）对违规企业追回已拨付资金，取消其参与资格；涉嫌违法犯罪的，依法移送司法机关处理。\n")
    got = [m.text for m in extract_text(text) if m.kind == "measure"]
    assert "配偶随调随迁的，由市人社局会同用人单位协助安置。" in got
    # the stock referral stays with the sanction before it (readers keep it there)
    assert not any(t.startswith("涉嫌违法犯罪的") for t in got)


def test_a_yearly_deadline_already_past_in_the_documents_year_is_next_years():
    from zhengce.nlp.deadlines import find_deadlines
    assert [d.date for d in find_deadlines("各区每年11月底前报送进展情况。", issue_date="2023-12-29")] == ["2024-11-30"]
    assert [d.date for d in find_deadlines("各区每年11月底前报送进展情况。", issue_date="2023-06-29")] == ["2023-11-30"]


def test_registration_and_residence_lengths_are_durations():
    from zhengce.nlp.deadlines import find_durations
    assert [(d.text, d.duration) for d in find_durations("转让的旧车须在本人名下登记注册1年以上。")] == [("登记注册1年以上", "P1Y")]
    assert [(d.text, d.duration) for d in find_durations("在本市落户满2年以上的")] == [("落户满2年以上", "P2Y")]
    assert find_durations("注册资本100万元以上") == []


def test_unit_names_stop_at_a_verb_and_take_detachment_endings():
    from zhengce.nlp.units import find_units
    got = [u.text for u in find_units("申报作业计划，乡镇汇总后报县农业农村局，县农业农村局根据任务面积确定实施主体")]
    assert "县农业农村局" in got and not any("汇总" in g for g in got)
    got = [(u.text, u.role) for u in find_units("（牵头单位：市民政局；配合单位：市消防救援支队、市市场监管局）")]
    assert got == [("市民政局", "lead"), ("市消防救援支队", "co"), ("市市场监管局", "co")]


def test_a_short_yes_opens_the_answers_provision():
    text = ("问：电动自行车以旧换新有补贴吗？\n答：有。2024年9月1日至12月31日，个人消费者在本市交售老旧电动自行车并购买新车的，"
            "每辆补贴500元。\n")
    got = [(m.kind, m.text) for m in extract_text(text)]
    assert got[-1][0] == "measure" and got[-1][1].startswith("答：有。2024年9月1日")


def test_a_one_cell_per_line_table_whose_cells_wrapped_gives_a_provision_per_row():
    text = ("二、支持项目及标准\n序号\n支持项目\n支持标准\n备注\n1\n国内发明专利授权资助\n每件资助3000元，同一申请人年度资助总额最高不超\n"
            "过30万元\n仅限第一申请人\n2\nPCT国际专利申请授权资助\n每件资助3万元；每件同族专利最多资助2个国家或地\n区\n须提供授权证书及\n译文\n"
            "3\n中国专利奖配套奖励\n对获得中国专利金奖、银奖、优秀奖的，分别奖\n励100万元、50万元、20万元\n与省级奖励不重复\n享受\n"
            "三、申报材料及要求\n申报单位须提交申报表。\n")
    rows = [m for m in extract_text(text) if m.kind == "measure" and m.text[:1].isdigit()]
    assert [m.text.split("\n")[1] for m in rows] == ["国内发明专利授权资助", "PCT国际专利申请授权资助", "中国专利奖配套奖励"]
    assert rows[-1].text.endswith("享受") and [a.text for a in rows[0].amounts] == ["3000元", "30万元"]


def test_news_lead_issuers_with_the_documents_number_and_speakers_titles():
    from zhengce.nlp.units import document_units
    text = ("划重点！农村清洁取暖改造补贴政策来了\n近日，兰州市生态环境局、兰州市财政局、兰州市住房和城乡建设局联合印发《兰州市2023年农村地区"
            "清洁取暖改造实施方案》（兰环发〔2023〕112号），对农村居民清洁取暖改造给予补贴。\n"
            "“全市人才总量持续增长。”市委组织部副部长、市人才办主任刘建华在发布会上介绍，今年全市将兑现人才政策资金3亿元。\n"
            "市农业农村局表示，下一步将加强补贴资金监管。\n")
    ms = extract_text(text)
    got = {u.name: u.role for u in document_units(text, [u for m in ms for u in m.units])}
    assert {k: got.get(k) for k in ("兰州市生态环境局", "兰州市住房和城乡建设局")} == {"兰州市生态环境局": "issuer", "兰州市住房和城乡建设局": "issuer"}
    assert "市委组织部" not in got and "市人才办" not in got      # who speaks is no actor
    assert got.get("市农业农村局") == "administrator"              # a body stating its own next step is


def test_banner_league_levels_and_employment_service_agencies():
    from zhengce.nlp.units import find_units
    got = [u.text for u in find_units("活动由市商务局牵头组织，各旗县区商务主管部门具体实施。")]
    assert "各旗县区商务主管部门" in got
    got = [u.text for u in find_units("到户籍所在地旗县区公共就业服务机构提出申请，经市人力资源和社会保障局审核后发放。")]
    assert got == ["旗县区公共就业服务机构", "市人力资源和社会保障局"]


def test_bulleted_cases_with_money_and_a_raised_limit_are_provisions():
    text = ("一图读懂｜购房补贴新政来了\n▶ 公积金支持\n💰 住房公积金个人住房贷款最高额度由60万元提高至70万元；\n"
            "💰 多孩家庭购买首套自住住房的，最高可贷80万元；\n💰 支持职工提取住房公积金支付购房首付款。\n"
            "Q：购买二手房能申请购房补贴吗？\nA：不能。购房补贴仅限购买新建商品住房。\n")
    got = {m.text.split("\n")[0]: m.kind for m in extract_text(text)}
    assert got["💰 住房公积金个人住房贷款最高额度由60万元提高至70万元；"] == "measure"
    assert all(k != "heading" for t, k in got.items() if t.startswith("💰"))
    assert any(t.startswith("A：不能。购房补贴") for t in got)      # the answer's no opens its provision


def test_a_case_after_a_semicolon_where_it_registers_and_a_benefit_paid_over_years():
    from zhengce.nlp.deadlines import find_durations
    text = ("（三）规范登记管理。举办非营利性婴幼儿照护服务机构的，在县级民政部门办理登记；举办营利性婴幼儿照护服务机构的，"
            "在县级市场监管部门办理登记。\n")
    got = [m.text for m in extract_text(text) if m.kind == "measure"]
    assert got[-1].startswith("举办营利性婴幼儿照护服务机构的")
    assert [(d.text, d.duration) for d in find_durations("购房补贴分3年平均发放。")] == [("分3年平均发放", "P3Y")]


def test_a_long_allocation_table_keeps_reading_past_row_999():
    rows = "\n".join(f"{i} 甲市 {100 + i % 50}" + ("\n含倾斜" if i % 7 == 0 else "") for i in range(1, 1006))
    got = [a for m in extract_text("附件1\n资金分配表\n单位：万元\n" + rows + "\n合计 999\n") for a in m.amounts]
    assert len(got) == 1006 and got[-2].value_yuan == (100 + 1005 % 50) * 1e4


def test_a_benefit_title_over_its_tier_lines_is_kept_with_its_length():
    text = ("4。初级人才\n新引进的已办理人才引进手续的全日制初、中级人才。\n初、中级人才租房补贴(缴费年限不超过3年)\n"
            "中级专业技术人员9000元/年\n高级技师9000元/年\n本科学历人才6000元/年。\n")
    ex = extract(normalize_bytes(text.encode(), source="x.txt"))
    assert any(m.text == "初、中级人才租房补贴(缴费年限不超过3年)" for m in ex.measures)
    assert "缴费年限不超过3年" in [d.text for d in ex.durations]
