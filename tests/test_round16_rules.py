"""Rules added in round 16. Cases are written here from the spec (what a measure and a responsible unit
are), not copied from gold pages."""
from __future__ import annotations

from zhengce.nlp.kinds import cut_sentence
from zhengce.nlp.measures import split_measures
from zhengce.nlp.units import find_units
from zhengce.pipeline import process_bytes


def units(text: str) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in find_units(text)]


def starts(text: str) -> list[str]:
    """The first characters of each measure of ``text``."""
    return [m.text[:6] for m in split_measures(text) if m.kind == "measure"]


# ------------------------------------------------------------------ a line broken inside its sentence

CUT = ("一、总则\n第五条　对用人单位引进A类人才并先行垫付安家费的，市财政按实际垫付金额的50%给予补助，单个单位每年\n"
       "最高不超过200万元。\n第六条　申报流程。人才安居补贴实行常年受理。\n")


def test_a_line_broken_inside_its_sentence_continues_the_provision():
    items = [m for m in split_measures(CUT) if m.kind == "measure"]
    assert [m.text[:3] for m in items] == ["第五条", "第六条"]
    assert items[0].text.endswith("最高不超过200万元。")


def test_a_cut_sentence_needs_a_word_cut_and_a_short_closing_rest():
    long_line = "对用人单位引进A类人才并先行垫付安家费的，市财政按实际垫付金额的50%给予补助，单个单位每年"
    assert cut_sentence(long_line, "最高不超过200万元。")
    assert not cut_sentence(long_line + "，", "本方案执行期为2022—2025年。")    # a comma closes the clause
    assert not cut_sentence(long_line, "（二）对新引进的博士给予10万元补贴。")   # the next line is an item
    assert not cut_sentence(long_line, "最高不超过200万元。其余部分由区财政承担。")   # a second sentence
    assert not cut_sentence("市财政局 | 市科技局 | 对新认定的企业给予补贴，最高50万元，分两年", "拨付。")   # table cells
    # a headline: the words after its last stop are short and grant nothing
    assert not cut_sentence("购房最高补贴6万元！我市出台促进房地产市场平稳健康发展若干措施", "记者从市住建局获悉，对购买新建商品住房的给予补贴。")


def test_a_short_title_line_keeps_its_paragraph_apart():
    text = "二、补贴标准\n按照实际收托人数，每人每月补贴200元。\n"
    assert starts(text) == ["按照实际收托"]


# ------------------------------------------------------------------ the first part inline after its item's title

def test_the_first_part_inline_after_a_title_stays_with_its_item():
    text = ("一、支持措施\n（一）专利资助。1.国内发明专利授权的，每件资助1万元；2.国外发明专利授权的，每件资助3万元。\n"
            "（二）商标资助。对新获得驰名商标认定的，一次性奖励50万元。\n")
    assert starts(text) == ["（一）专利资", "2.国外发明", "（二）商标资"]


def test_parts_on_their_own_lines_are_items_of_their_own():
    text = ("一、支持措施\n（一）专利资助。\n1.国内发明专利授权的，每件资助1万元。\n2.国外发明专利授权的，每件资助3万元。\n")
    assert starts(text) == ["1.国内发明", "2.国外发明"]


def test_a_later_part_of_the_same_series_still_counts():
    text = ("第二章 补贴标准\n第五条 建设补贴标准：（一）公共直流充电桩按每千瓦200元给予补贴；（二）超级快充桩按每千瓦300元给予补贴；"
            "（三）单个站点补贴最高不超过100万元。\n第六条 对运营的公共充电站给予运营补贴。\n")
    got = starts(text)
    assert got[0].startswith("第五条") and "（二）超级快" in got and "（三）单个站" in got


# ------------------------------------------------------------------ duties after a semicolon, bodies by their names

def test_a_station_or_a_reviewing_body_takes_the_next_duty_after_a_semicolon():
    text = ("四、资金兑付。各乡镇（街道）负责补贴面积的核实和公示，公示无异议后报市农业农村局；市农机推广站负责农机补贴机具的核验；"
            "市农业农村局审核汇总后，由市财政局直接兑付到农民账户。\n")
    got = starts(text)
    assert "市农机推广站" in got and "市农业农村局" in got


def test_the_central_bank_branch_is_named_whole_after_its_short_name():
    assert ("人行赣州市中心支行", "certifier") in units("对完成核算的项目，经市金融监管局、人行赣州市中心支行认定后，给予贴息。")


def test_the_words_giving_a_short_name_are_no_zone_name():
    got = [n for n, _ in units("保定高新技术产业开发区管理委员会（以下简称高新区管委会）负责本辖区创新券的受理和初审。")]
    assert "保定高新技术产业开发区管理委员会" in got
    assert not any("简称" in n for n in got)


def test_a_short_name_is_the_same_unit_in_the_document_list():
    text = ("保定市科技创新券管理办法\n第三条 保定市财政局（以下简称市财政局）负责创新券资金的拨付。市财政局每季度兑付一次。\n")
    ex = process_bytes(text.encode(), "probe.txt")
    assert [u.name for u in ex.units if "财政" in u.name] == ["保定市财政局"]


# ------------------------------------------------------------------ durations

def test_a_cumulative_term_and_an_upkeep_term_are_durations():
    from zhengce.nlp.deadlines import find_durations
    assert [d.duration for d in find_durations("符合条件的人才可申请入住人才公寓，入住期限累计不超过5年。")] == ["P5Y"]
    assert [d.duration for d in find_durations("项目建成后须由村集体管护3年以上。")] == ["P3Y"]


def test_a_body_after_the_one_a_file_is_sent_to_takes_the_next_step():
    got = dict(units("用人单位初审后报所在县（市、区）人社部门，市人才发展服务中心复核，市人社局审定后公示。"))
    assert got["县（市、区）人社部门"] == "receiver"
    assert got["市人才发展服务中心"] == "certifier"


# ------------------------------------------------------------------ questions, changed cases, lines on all the items

QA = ("《某市促进房地产市场平稳健康发展若干措施》政策解读\n问二：购房补贴向哪个部门申请？怎么兑现？\n"
      "答：购房人应于2023年3月31日前向区住房城乡建设部门提出申请，经审核后由区财政部门拨付。\n"
      "问三：住房公积金贷款政策有哪些调整？\n答：在我市缴存住房公积金的职工家庭购买首套自住住房的，住房公积金贷款最高额度由50万元提高至60万元；"
      "购买二套住房的，首付款比例由30%调整为20%。以上政策由市公积金中心负责实施，各区县管理部按统一标准执行。\n")


def test_a_second_question_on_the_question_line_opens_no_provision():
    assert not any(m.text.startswith("怎么兑现") for m in split_measures(QA) if m.kind == "measure")


def test_each_case_a_provision_changes_and_the_line_on_all_of_them_are_provisions():
    got = starts(QA)
    assert "购买二套住房" in got and "以上政策由市" in got


# ------------------------------------------------------------------ a page cut mid-document: articles before their chapter

def test_a_chapter_met_after_articles_still_holds_the_articles_after_it():
    text = ("结合我市实际，制定本办法。\n第三条 市科技局负责创新券的组织实施。\n第二章  申领条件和支持标准\n"
            "第四条 申领创新券的企业应当同时具备以下条件：\n（一）在本市注册；\n（二）近3年内无严重失信行为。\n"
            "第五条 创新券按企业实际发生费用的50%予以支持，单个企业年度最高20万元。\n")
    kinds = {m.text[:3]: m.kind for m in split_measures(text)}
    assert kinds["第二章"] == "heading"
    assert kinds["第五条"] == "measure"


def test_a_body_given_a_short_name_takes_the_next_duty_after_a_semicolon():
    text = ("第三条 保定市科学技术局（以下简称市科技局）负责创新券的组织实施；保定市财政局（以下简称市财政局）负责创新券资金的"
            "预算安排和拨付。\n")
    assert "保定市财政局" in starts("一、职责分工\n" + text)


# ------------------------------------------------------------------ replies to proposals, cited catalogues

def test_the_proposers_committee_thanked_in_a_reply_is_no_unit():
    text = "九三学社江西省委员会：\n感谢贵委员会对我省科技创新工作的关心和支持。省财政厅每年安排专项资金给予补助。\n"
    assert [n for n, _ in units(text)] == ["省财政厅"]


def test_a_body_whose_catalogue_a_product_is_in_does_not_act():
    assert units("个人消费者购买纳入工信部目录的新能源乘用车的，补贴2万元。") == []
    assert units("列入省工信厅发布的首台套推广应用目录的产品，给予一次性奖励。") == []


def test_the_body_that_replies_to_a_proposal_is_its_issuer():
    text = ("合肥市民政局对市十七届人大三次会议第156号代表建议的答复\n尊敬的吴海涛代表：\n"
            "您提出的建议收悉，现答复如下：\n一、主要工作情况\n对经评估认定的失能老年人家庭，按每张床位不超过3000元给予建设补贴。"
            "以上津贴由县（市）区民政部门按月发放。\n")
    ex = process_bytes(text.encode(), "probe.txt")
    assert ("合肥市民政局", "issuer") in [(u.name, u.role) for u in ex.units]


# ------------------------------------------------------------------ policy lists

LIST = ("浑南区2023年第三批惠企政策兑现清单公示\n一、商贸流通\n"
        "1.限上批发企业增量奖励：年销售额同比增长且增量达到5000万元以上的，按增量部分的0.5‰给予奖励，最高100万元。"
        "涉及企业4家，拟兑现金额186.4万元。责任单位：区商务局\n"
        "2.外贸稳增长奖励：对年进出口额1000万美元以上且同比增长的企业，每增长100万美元奖励1万元，单家企业最高50万元。"
        "涉及企业11家，拟兑现金额227万元。责任单位：区商务局\n"
        "二、说明\n1.本清单所列政策自2022年7月1日起施行。\n2.本清单由区营商局负责解释。\n")


def test_growth_as_a_cases_condition_is_no_report_and_the_round_count_no_provision():
    kinds = {m.text[:4]: m.kind for m in split_measures(LIST)}
    assert kinds["1.限上"] == "measure" and kinds["2.外贸"] == "measure"
    assert not any(m.text.startswith("涉及企业") for m in split_measures(LIST))


def test_a_lists_own_notes_on_when_it_applies_and_who_explains_it_are_no_provisions():
    notes = [m.kind for m in split_measures(LIST) if "本清单" in m.text]
    assert notes == ["other", "other"]
