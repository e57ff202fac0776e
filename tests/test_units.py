"""Responsible units: trailing lists, labelled lists, 由…牵头, subjects; names, prefixes and roles."""
from __future__ import annotations

import re


from zhengce.nlp.units import complete_name, document_lead_rule, find_units, is_unit_name
from zhengce.nlp.measures import split_measures
from zhengce.ingest.normalize import normalize

from support import CORPUS, SEEDS


def units(text, prefix=None, lead_rule=False):
    us = find_units(text, 0, len(text), level_prefix=prefix, lead_rule=lead_rule)
    for u in us:
        assert text[u.start:u.end] == u.text
    return [(u.name, u.role) for u in us]


def test_trailing_list_with_lead_rule_and_prefix():
    # seed 001 (Nanning), item 2
    text = "整顿规范行业协会或商会收费。(市物价局、财政局、民政局、商务局、工商局等部门) "
    assert units(text, "市", True) == [("市物价局", "lead"), ("市财政局", "co"), ("市民政局", "co"),
                                       ("市商务局", "co"), ("市工商局", "co")]
    # without the lead rule every unit is co
    assert all(r == "co" for _, r in units(text, "市", False))


def test_trailing_list_with_addressees_and_rule_sentence():
    text = ("出台全市清单。(市编办、法制办、政务办,各县区人民政府,各开发区管委会。排第一位的单位为牵头单位,下同) ")
    assert units(text, "市", True) == [("市编办", "lead"), ("市法制办", "co"), ("市政务办", "co"),
                                       ("各县区人民政府", "co"), ("各开发区管委会", "co")]


def test_prefix_inferred_from_first_name_when_level_unknown():
    text = "开展培训。(市人社局、教育局、团市委、科协等部门)"
    assert units(text) == [("市人社局", "co"), ("市教育局", "co"), ("团市委", "co"), ("市科协", "co")]


def test_province_list_with_fuze_and_placed_names():
    # seed 003 (Qinghai): placed names keep their form, 负责 is dropped
    text = ("聚焦产业。(各市州政府,省科技厅、省发展改革委,西宁经济技术开发区管委会、海东工业园区管委会负责)")
    got = units(text, "省")
    assert got == [("各市州政府", "co"), ("省科技厅", "co"), ("省发展改革委", "co"),
                   ("西宁经济技术开发区管委会", "co"), ("海东工业园区管委会", "co")]
    assert units("加强监管。(省金融办、人行西宁中心支行、青海银监局负责)", "省") == [
        ("省金融办", "co"), ("人行西宁中心支行", "co"), ("青海银监局", "co")]


def test_single_unit_with_fuze_is_lead():
    assert units("保障网络安全。(省网信办负责)", "省") == [("省网信办", "lead")]


def test_reply_table_labels():
    # seed 004 (Nantong) reply table
    text = "承办单位: | 主办: | 科技局 | 协办: | 科协 |\n答复日期: | 2017-06-29 |"
    assert units(text, "市") == [("市科技局", "lead"), ("市科协", "co")]


def test_labelled_lead_and_co():
    text = "牵头单位:市科技局\n配合单位:市财政局、市人社局"
    assert units(text) == [("市科技局", "lead"), ("市财政局", "co"), ("市人社局", "co")]
    text = "责任单位:区发改局、区财政局"
    assert units(text, "区", lead_rule=True) == [("区发改局", "lead"), ("区财政局", "co")]


def test_by_lead_and_subject_clauses():
    assert units("建立由市发展改革委牵头的联席会议制度。", "市") == [("市发展改革委", "lead")]
    assert units("国家发展改革委会同相关部门,建立联动协调机制。") == [("国家发展改革委", "lead")]
    # spec roles: a body that 负责 a task administers it; only 牵头/会同/marked leads are `lead`
    assert units("(一)工作组织。市发展改革委负责全市示范基地的认定和管理工作。", "市") == [("市发展改革委", "administrator")]
    assert units("市科技局牵头,市财政局配合,做好资金保障。", "市") == [("市科技局", "lead"), ("市财政局", "co")]
    assert units("国家级科技企业孵化器由科技部火炬中心统一组织评价。") == [("科技部火炬中心", "administrator")]
    # dev-018: the unit opens a numbered article
    assert units("第四条 市科技局职责为制定孵化载体相关政策。", "市") == [("市科技局", "co")]
    # 组织部 is a name, not the verb 组织
    assert ("市委组织部", "co") in units("由各县(市)区政府分管领导,市委组织部、宣传部等部门负责人参加", "市")


def test_nested_parentheses_and_shared_department():
    # 各县(市、区)人民政府 is one name; the trailing list itself is parenthesised
    text = "加强督查。(各县(市、区)人民政府,市发展改革委、科技局负责)"
    assert units(text, "市") == [("各县(市、区)人民政府", "co"), ("市发展改革委", "co"), ("市科技局", "co")]
    # dev-042: places that share the department named last are one body as written (the devspec gold of the
    # same page, as the spec's readers list such coordinations everywhere)
    text = "2.各市州、直管市、神农架林区科技局及东湖高新区管委会科创局负责本辖区申报材料的审核"
    # (spec roles: bodies that 负责 a task administer it; one charged with review certifies, as dev-042's gold says)
    assert units(text, "省") == [("各市州、直管市、神农架林区科技局", "certifier"), ("东湖高新区管委会科创局", "certifier")]


def test_labels_inside_the_trailing_parenthetical():
    text = "给予一次性奖励100万元。(责任单位:市科技局、财政局)"
    assert units(text, "市") == [("市科技局", "co"), ("市财政局", "co")]
    text = "给予全额贴息。(牵头单位:市人社局;配合单位:市财政局)"
    assert units(text, "市") == [("市人社局", "lead"), ("市财政局", "co")]
    assert units("第五条 本办法由市科技局负责解释。", "市") == []


def test_not_units():
    assert units("给予补贴(含3万元)。") == []
    assert units("《镇海区众创空间评估管理办法(试行)》") == []
    assert units("指导做好乡镇政府(街道办)权责清单制度试点") == []
    assert units("主动与自治区质监局对接,尽快落实项目。") == []
    for bad in ("含3万元", "试行", "主办", "充分发挥学会", "创业孵化场所", "街道办"):
        assert not is_unit_name(bad), bad
    for good in ("市科技局", "科协", "团市委", "人行西宁中心支行", "五象新区管委会", "市发展改革委"):
        assert is_unit_name(good), good


def test_complete_name():
    assert complete_name("人社局", "市") == "市人社局"
    assert complete_name("各县区人民政府", "市") == "各县区人民政府"
    assert complete_name("五象新区管委会", "市") == "五象新区管委会"
    assert complete_name("科技部", "市") == "科技部"
    assert complete_name("市场监管局", "市") == "市市场监管局"
    assert complete_name("青海银监局", "省") == "青海银监局"
    assert complete_name("所在地科经局", "市") == "所在地科经局"
    assert complete_name("人社局", None) == "人社局"


def test_document_lead_rule():
    assert document_lead_rule("(市编办、法制办。排第一位的单位为牵头单位,下同)")
    assert document_lead_rule("各项任务中列第一位的为牵头单位")
    assert document_lead_rule("第一个单位为牵头单位")
    assert not document_lead_rule("市科技局牵头,市财政局配合")
    assert not document_lead_rule("")


def test_nanning_every_numbered_item_has_a_lead():
    # read per numbered item (one paragraph each), whatever the measure segmenter's granularity
    text = normalize((CORPUS / SEEDS["nanning"]).read_text(encoding="utf-8")).text
    assert document_lead_rule(text)
    items = list(re.finditer(r"(?m)^\d{1,2}[.．][^\n]+", text))
    assert len(items) == 30
    for m in items:
        us = find_units(text, m.start(), m.end(), level_prefix="市", lead_rule=True)
        assert us and us[0].role == "lead", m.group()[:20]     # the marked lead comes first
        # the trailing list's units carry the document's level; bodies named in the prose keep their own
        paren = m.group().rfind("(")
        assert all(u.name[0] in "市各团五高" for u in us if u.start > m.start() + paren), [u.name for u in us]


def test_window_is_respected():
    text = "甲。(市科技局)乙。(市财政局)"
    us = find_units(text, 0, 8, level_prefix="市")
    assert [u.name for u in us] == ["市科技局"]
    assert find_units(text, 5, 5) == []
    assert find_units("", 0, None) == []


# ------------------------------------------------------------ bodies anywhere in the sentence (spec roles)
# Sentences written for these tests; none is copied from a gold document.

def roles(text, prefix="市"):
    return units(text, prefix)


def test_certifier_jing_rending():
    assert roles("对经市工信局认定的专精特新企业,给予一次性奖励。") == [("市工信局", "certifier")]
    assert roles("已获国家知识产权局授权的发明专利,每件资助3000元。") == [("国家知识产权局", "certifier")]
    # 经 without an assessing verb: the body acts, it certifies nothing
    assert roles("经区商务局组织,开展展销活动。", "区") == [("区商务局", "administrator")]


def test_funder_gives_subsidy():
    assert roles("符合条件的,由市财政给予每户2000元补贴。") == [("市财政", "funder")]
    assert roles("所需资金由县财政局统筹安排。", "县") == [("县财政局", "funder")]
    assert roles("中央财政对购置农机具给予补助。", None) == [("中央财政", "funder")]


def test_receiver_report_and_apply():
    assert roles("项目完成后报省发展改革委备案。", "省") == [("省发展改革委", "receiver")]
    assert roles("企业可向区人社局申请一次性吸纳就业补贴。", "区") == [("区人社局", "receiver")]
    assert roles("申报材料于6月底前寄送至市住建局。") == [("市住建局", "receiver")]


def test_administrator_and_lead_verbs():
    assert roles("本专项资金由市农业农村局负责日常管理。") == [("市农业农村局", "administrator")]
    assert roles("市民政局会同市财政局制定实施细则。") == [("市民政局", "lead"), ("市财政局", "co")]
    assert roles("卫生健康部门要加强托育机构监管。", None) == [("卫生健康部门", "administrator")]


def test_bracketed_lead_and_responsible_lists():
    text = "给予奖励。\n[牵头单位:市教育局;责任单位:市财政局、市人社局]"
    assert roles(text) == [("市教育局", "lead"), ("市财政局", "co"), ("市人社局", "co")]
    text = "落实减税政策。〔省税务局牵头,省财政厅、省商务厅按职责分工负责〕"
    got = roles(text, "省")
    assert got[0] == ("省税务局", "lead") and {n for n, _ in got} == {"省税务局", "省财政厅", "省商务厅"}


def test_exclusions_addressees_cited_authors_metadata_governments():
    # addressee line
    assert roles("各区县科技局、各有关单位:\n现将有关事项通知如下。") == []
    # author of a cited document, inside 《》 or before 关于
    assert roles("根据《市财政局关于规范专项资金管理的通知》要求,做好申报。") == []
    assert roles("按照省财政厅关于做好预算管理的通知精神执行。", "省") == []
    # publication metadata
    assert roles("信息来源:市统计局\n发布日期:2024-01-02") == []
    # a general government that promulgates is not a responsible unit
    assert roles("经市人民政府同意,现印发给你们。") == []
    # beneficiaries and non-bodies: 科技企业, 数据中心, 市场主体
    assert roles("支持科技企业建设数据中心,激发市场主体活力。") == []


def test_document_units_merge_forms_roles_and_full_names():
    from zhengce.nlp.units import document_units
    from zhengce.records import Region
    text = ("关于开展2024年度创业补贴申报的通知\n各县(市、区)人社局:\n"
            "符合条件的企业向市人社局提出申请,经审核后由市财政给予补贴。\n"
            "资金由市人力资源和社会保障局负责发放。\n"
            "某某市人力资源和社会保障局\n2024年3月1日")
    region = Region(province="某某省", city="某某市", level="city")
    us = document_units(text, [], level_prefix="市", region=region, title="关于开展2024年度创业补贴申报的通知")
    got = [(u.text, u.role, u.full_name) for u in us]
    # one body in three written forms; its main role is where applications go, not the signature
    assert got[0][:2] == ("市人社局", "receiver")
    assert ("市财政", "funder", "某某市财政局") in got
    assert len(got) == 2, got


def test_document_units_issuer_of_a_department_notice():
    from zhengce.nlp.units import document_units
    text = "市科技局关于开展2024年科技型中小企业评价工作的通知\n各有关单位:\n现将有关事项通知如下。\n市科技局\n2024年5月6日"
    us = document_units(text, [], level_prefix="市", title="市科技局关于开展2024年科技型中小企业评价工作的通知")
    assert [(u.name, u.role) for u in us] == [("市科技局", "issuer")]
    # a notice that publishes whom its author recognised (公布…名单): its author certifies (spec roles;
    # tests/test_unit_roles_general.py, convention 6)
    text = "市科技局关于公布2024年科技型中小企业名单的通知\n各有关单位:\n现将名单予以公布。\n市科技局\n2024年5月6日"
    us = document_units(text, [], level_prefix="市", title="市科技局关于公布2024年科技型中小企业名单的通知")
    assert [(u.name, u.role) for u in us] == [("市科技局", "certifier")]
    # a general office issuing a notice is never a unit
    text = "市人民政府办公室关于印发某办法的通知\n各区人民政府:\n现印发给你们。"
    assert document_units(text, [], level_prefix="市", title=text.split("\n")[0]) == []


def test_marked_lead_first_in_document_units():
    from zhengce.nlp.units import document_units
    text = "经市科技局认定的孵化器给予奖励。(市发展改革委牵头,市科技局配合)"
    us = document_units(text, find_units(text, 0, len(text), level_prefix="市"), level_prefix="市")
    assert us[0].name == "市发展改革委" and us[0].role == "lead"


def test_chain_lead_list_line_alias_and_applying_for_a_title():
    # 等牵头 after a chain: every unit of the chain leads
    got = roles("推进改革。〔省商务厅、省财政厅等牵头,省直有关单位按职责分工负责〕", "省")
    assert ("省商务厅", "lead") in got and ("省财政厅", "lead") in got
    # a responsibility list set on its own line, without brackets or label
    got = roles("对企业给予贴息。\n市发改委、市财政局等,各县区政府\n3.下一条措施。")
    assert ("市发改委", "co") in got and ("市财政局", "co") in got
    # a second name in brackets is the same body
    assert roles("由省数据局(省营商局)负责统筹。", "省") == [("省数据局(省营商局)", "administrator")]
    # 申报 + a ministry's title is applying for a designation, not reporting to the ministry
    assert roles("企业可申报工业和信息化部专精特新小巨人。") == []
    # 向所属县市区…提交: the level words stay with the body that receives; the locative 所属 is no part of
    # its name (round 12: the reader of the tune page wrote 县市区商务主管部门)
    assert roles("企业向所属县市区商务主管部门提交申请。") == [("县市区商务主管部门", "receiver")]


def test_addressee_inside_a_one_line_document():
    text = "关于某事项的通知 某财〔2024〕1号 各市财政局、科技局: 现就有关事项通知如下。由市科技局负责受理。"
    got = roles(text)
    assert ("市科技局", "administrator") in got or ("市科技局", "receiver") in got
    assert all(n != "市财政局" for n, _ in got)


# ------------------------------------------------------------ generalisation (sentences written for these tests)

def test_agency_names_beyond_the_portfolio_list():
    # a place or level word + any short portfolio + a strong ending is a body
    assert roles("由市城市更新局负责统筹老旧小区改造。") == [("市城市更新局", "administrator")]
    assert roles("经省防汛抗旱指挥部批准,启动应急响应。", "省") == [("省防汛抗旱指挥部", "certifier")]
    assert roles("项目材料报县粮食安全保障办公室备案。", "县") == [("县粮食安全保障办公室", "receiver")]
    assert ("市外经贸局", "administrator") in roles("由市外经贸局负责组织企业参展。")
    # a place name keeps the body whole, not cut at the place's own 州/市
    assert [n for n, _ in roles("湖南省株洲市城市更新局发布了新政。")] == ["湖南省株洲市城市更新局"]
    # words that only look like one: 市场格局, 区域创新中心, an enterprise's office
    assert roles("优化市场格局,建设区域创新中心。") == []
    assert roles("支持市级企业技术中心建设孵化服务中心。") == []


def test_government_with_a_substantive_act_and_one_that_promulgates():
    assert roles("奖励方案经市政府批准后实施。") == [("市政府", "certifier")]
    assert roles("专项资金由县人民政府设立,用于奖励。", "县") == [("县人民政府", "funder")]
    assert roles("对获得省级奖项的,市政府给予50万元奖励。") == [("市政府", "funder")]
    # promulgation and addressees stay out
    assert roles("经县人民政府同意,现印发给你们。", "县") == []
    assert roles("各级政府批准的项目按规定执行。") == []


def test_roles_from_the_clause_and_locatives():
    # 向所在…: the locative does not hide the receiving cue
    assert roles("企业向所在区(市)县人社部门提出申请。") == [("区(市)县人社部门", "receiver")]
    # a generic verb first, the clause's own act decides (对认定的… is the object, not the act)
    assert roles("市教育局将对认定的示范园给予奖补。") == [("市教育局", "funder")]
    assert roles("区卫健局组织专家评审认定。", "区") == [("区卫健局", "certifier")]
    # 向…反映/咨询 is a contact for questions, not a body receiving applications
    assert roles("如有疑问,请向市医保局咨询。") == []
    # a press conference is no issuance
    assert roles("在商务部发布会上,商务部将会同有关部门出台举措。", None) == [("商务部", "lead")]


def test_unplaced_function_words_and_metadata_labels():
    from zhengce.nlp.units import document_units
    # 人社部门 written without a level names the function, not the county's own 人社局
    text = "经人力社保部门认定的创业园给予补贴。\n县人力资源和社会保障局负责发放补贴资金。"
    got = {(u.text, u.role) for u in document_units(text, [], level_prefix="县")}
    assert ("人力社保部门", "certifier") in got and ("县人力资源和社会保障局", "administrator") in got
    # 发布单位: is publication metadata
    assert roles("发布单位: 县人力社保局\n公开日期:2021-04-28", "县") == []


def test_subject_lists_object_phrases_ratios_and_youth_league():
    # a chain of subjects takes the role its clause gives, not a list's `co`
    assert roles("区教育局、区卫健局共同组织开展托育机构评估。", "区") == [("区教育局", "administrator"),
                                                                     ("区卫健局", "administrator")]
    # 对…的 is the object; the body's act is what follows it
    assert roles("市文旅局对评定为4A级景区的给予奖励。") == [("市文旅局", "funder")]
    # 6:4 is a ratio, not the colon of an addressee line
    # (the spec keeps shorthand as written: 市县财政 is read whole, not cut to 县财政)
    assert roles("所需资金由省级财政和市县财政按6:4比例分担。", "省") == [("省级财政", "funder"), ("市县财政", "funder")]
    assert ("团市委", "administrator") in roles("市总工会、团市委按职责分工负责。")


def test_ting_is_provincial_and_a_numbered_title_is_cited():
    from zhengce.nlp.units import document_units
    # a 厅 is a province's department, whatever the document's level
    assert complete_name("商务厅", "市") == "省商务厅"
    assert complete_name("商务局", "市") == "市商务局"
    # a title line followed by its own number in brackets is a cited source, its author no issuer
    text = ("补贴申领指南\n政策依据:\n某某市就业服务中心关于印发《一次性创业补贴实施细则》的通知(市就发〔2020〕3号)\n"
            "申请人向区人社局提出申请。")
    got = [(u.text, u.role) for u in document_units(text, [], level_prefix="区", title="补贴申领指南")]
    assert got == [("区人社局", "receiver")]


def test_free_names_skip_words_ending_in_ju():
    assert roles("服务全市经济社会发展全局。") == []
    assert roles("由县招商促进局负责对接。", "县") == [("县招商促进局", "administrator")]


def test_rules_still_to_come_are_no_issuance():
    assert roles("实施细则由市人社局另行制定。") == [("市人社局", "administrator")]
    assert roles("市科技局将制定具体认定办法。") == [("市科技局", "administrator")]
    # this document's own issuers
    assert roles("市科技局、市财政局联合印发了《管理办法》。") == [("市科技局", "issuer"), ("市财政局", "issuer")]


def test_role_verb_after_manner_and_time_words():
    assert roles("市科技局、市财政局按程序联合下达项目资金。") == [("市科技局", "administrator"), ("市财政局", "funder")]
    assert roles("各区财政部门要按时足额拨付补贴资金。") == [("各区财政部门", "funder")]
    assert ("市农业农村局", "administrator") in roles("市农业农村局和市财政局于每年3月份下达补贴指标。")
    # the author of a cited notice still gets nothing from the verbs inside the title
    assert roles("按照省财政厅关于做好预算管理的通知精神执行。", "省") == []


def test_registered_with_describes_the_beneficiary():
    assert roles("本规定所称企业,是指依法在工商行政管理机关登记注册的各类企业。") == []
    assert roles("已在市民政局登记的养老机构可申请补贴。") == []
    # 税务机关 is a body (机关 ending); 负责受理 is receiving applications: the spec's receiver
    assert roles("由企业所在地税务机关负责受理。") == [("税务机关", "receiver")]   # the locative is no part of the name


def test_document_units_alias_and_the_name_with_its_ending():
    from zhengce.nlp.units import document_units
    text = ("补贴资金由市财政局和市畜牧兽医管理办公室(以下简称市畜牧办)共同管理。\n"
            "市畜牧办负责项目实施。")
    got = [(u.text, u.role) for u in document_units(text, [], level_prefix="市")]
    assert got == [("市财政局", "funder"), ("市畜牧兽医管理办公室", "administrator")]
    # a bare shorthand first (市级财政), the name with its ending later: the body is named by the latter
    text = "第一条 市级财政设立专项资金。\n第二条 市财政局负责资金拨付。"
    got = [(u.text, u.role) for u in document_units(text, [], level_prefix="市")]
    assert got == [("市财政局", "funder")]


def test_table_cells_of_bodies_and_spaced_metadata_labels():
    from zhengce.nlp.units import document_units
    text = ("工作任务 | 牵头单位 | 配合单位\n"
            "加大信贷支持 | 市金融办 | 市财政局、市科技局\n"
            "优化审批服务 | 市行政审批局 | 市市场监管局")
    got = [(u.text, u.role) for u in document_units(text, [], level_prefix="市")]
    assert got == [("市金融办", "lead"), ("市行政审批局", "lead"), ("市财政局", "co"), ("市科技局", "co"),
                   ("市市场监管局", "co")]
    # without a header the cell is a list of co-units; a cell that is a clause is read by its words
    got = [(u.text, u.role) for u in document_units("1 | 加大信贷支持 | 市金融办、市财政局 | 2024年", [], level_prefix="市")]
    assert got == [("市金融办", "co"), ("市财政局", "co")]
    # an info table's 来 源 cell is publication metadata
    assert document_units("| 来 源 | 某区人社局 | 发布日期 | 2020-06-22 |", [], level_prefix="区") == []


def test_service_guide_fields():
    from zhengce.nlp.units import document_units
    text = ("一次性创业补贴办事指南\n受理单位:区就业服务中心\n审核部门: 区人社局\n"
            "| 发放单位 | 区财政局 |\n实施主体:区人力资源和社会保障局")
    got = {(u.text, u.role) for u in document_units(text, [], level_prefix="区")}
    assert ("区就业服务中心", "receiver") in got and ("区财政局", "funder") in got
    assert ("区人社局", "certifier") in got     # one body with 区人力资源和社会保障局: its sharper role


def test_zone_committee_that_only_issues_is_no_unit():
    from zhengce.nlp.units import document_units
    text = "近日,某某新区管委会出台《促进旅游业发展暂行办法》,对新评定的景区给予奖励。"
    assert document_units(text, find_units(text, 0, len(text)), level_prefix=None) == []
    assert roles("某某新区管委会出台《暂行办法》。", None) == []
    # one that pays is a unit
    assert roles("苏州工业园区管委会对入驻企业给予房租补贴。", None) == [("苏州工业园区管委会", "funder")]


def test_labels_in_brackets_or_with_wei():
    assert roles("加快产业升级。【责任单位】市工信局、市发改委") == [("市工信局", "co"), ("市发改委", "co")]
    assert roles("优化营商环境。责任单位为市政务服务局。") == [("市政务服务局", "co")]
    assert roles("[牵头单位]市科技局 [配合单位]市财政局") == [("市科技局", "lead"), ("市财政局", "co")]


def test_signature_with_its_date_on_one_line():
    from zhengce.nlp.units import document_units
    text = "关于开展申报工作的通知\n各有关单位:\n请于6月底前报送材料。\n南京市科学技术局 2023年6月1日"
    got = [(u.text, u.role) for u in document_units(text, [], level_prefix="市", title="关于开展申报工作的通知")]
    assert got == [("南京市科学技术局", "issuer")]


def test_an_administrative_department_named_by_its_portfolio():
    from zhengce.nlp.units import find_units
    s = "经市卫生健康行政部门审核同意后，向当地人力资源社会保障行政部门申请。"
    got = [(u.text, u.role) for u in find_units(s, 0, len(s), level_prefix="市")]
    assert ("市卫生健康行政部门", "certifier") in got
    assert any(t.endswith("人力资源社会保障行政部门") and r == "receiver" for t, r in got)
