"""Round 28: a flattened table's rows; titles and places a headline gives."""
from __future__ import annotations

from zhengce.nlp.amounts import find_amounts

LEAD = "现将2024年度中小企业发展专项资金分配如下："


def _values(text):
    return [(a.text, a.value_yuan) for a in find_amounts(text)]


def test_a_table_flattened_onto_one_line_is_read_row_by_row():
    t = LEAD + ("序号 企业名称 支持方向 补助金额（万元） 1 某某精密机械有限公司 专精特新奖励 50 "
                "2 某某新材料科技有限公司 技术改造补助 120 3 某某电子股份有限公司 数字化转型补助 35.5")
    assert _values(t) == [("50", 500000.0), ("120", 1200000.0), ("35.5", 355000.0)]


def test_a_flattened_roster_in_yuan():
    t = "2024年度首批创业补贴发放名单 序号 姓名 补贴类型 金额（元） 1 张某 一次性创业补贴 5000 2 李某 一次性创业补贴 5000"
    assert _values(t) == [("5000", 5000.0), ("5000", 5000.0)]


def test_a_row_out_of_sequence_ends_the_flattened_table():
    # a cell with a space in it shifts the row: the table is read up to it, never past it
    t = LEAD + "序号 企业名称 补助金额（万元） 1 甲公司 50 2 乙 公司 30 3 丙公司 20"
    assert _values(t) == [("50", 500000.0)]


def test_a_flattened_row_that_lost_a_cell_is_not_read_shifted():
    # 从业人数 is empty in row 1: its money cell would be row 2's serial
    assert _values(LEAD + "序号 企业名称 从业人数 补助金额（万元） 1 甲公司 50 2 乙公司 30 20") == []
    assert _values("序号 项目 资金（万元）说明 1 一是加大投入 2 二是……") == []
    # rows out of sequence, a header of two cells
    assert _values(LEAD + "序号 企业名称 补助金额（万元） 1 甲公司 50 3 乙公司 30") == [("50", 500000.0)]   # 3 for 2: ends
    # the grant's column, not the project's total investment; a bare total after the last row
    assert _values(LEAD + "序号 企业名称 总投资（万元） 补助金额（万元） 1 A公司 5000 50 2 B公司 3000 30") \
        == [("50", 500000.0), ("30", 300000.0)]
    assert [v for _, v in _values(LEAD + "序号 企业名称 补助金额（万元） 1 A公司 50 2 B公司 30 3 C公司 20 100")] \
        == [500000.0, 300000.0, 200000.0]
    # a header glued to a sentence's stop; a header that runs into a later 序号 ends there
    assert ("40", 400000.0) in _values("对企业给予50万元奖励。序号 企业名称 补助金额（万元） 1 A公司 50 2 B公司 40")
    assert _values("序号 序号 序号 名称 金额（元） 1 a 5") == [("5", 5.0)]
    assert _values(LEAD + "序号 补助金额（万元） 1 50 2 30") == []


def test_a_data_row_with_a_money_word_is_no_header():
    t = "单位：万元\n县区 资金安排 备注\n甲县 50 按进度下达\n乙县 30 已下达\n丙县 20 已下达"
    assert [v for _, v in _values(t)] == [500000.0, 300000.0, 200000.0]


def test_no_table_without_its_header():
    assert _values("名单如下 1 甲公司 50 2 乙公司 30") == []
    # numbers without a money column stay numbers
    assert _values("序号 企业名称 从业人数 1 甲公司 50 2 乙公司 30") == []


# ---------------------------------------------------------------- titles and places a headline gives

from zhengce.ingest.boilerplate import strip_boilerplate  # noqa: E402
from zhengce.ingest.metadata import extract_metadata  # noqa: E402
from zhengce.ingest.region import region_of_name  # noqa: E402
from zhengce.pipeline import process_bytes  # noqa: E402

STORY = "恩施晚报讯(全媒体记者向利雄)近日,宣恩县首批育儿补贴资金1648.89万元发放到位,惠及全县5153名3周岁以下婴幼儿。"


def test_a_headline_under_a_channel_name():
    md = extract_metadata("游戏百科\n宣恩首批育儿补贴发放到位\n" + STORY)
    assert md.title == "宣恩首批育儿补贴发放到位"


def test_a_headline_over_its_stamp_and_repeat():
    assert extract_metadata("符合条件的养老机构新增床位每张最高补贴1万\n30.01.2015 04:21\n" + STORY).title \
        == "符合条件的养老机构新增床位每张最高补贴1万"
    assert extract_metadata("重庆市綦江区专利资助政策\n重庆市綦江区专利资助政策\n" + STORY).title == "重庆市綦江区专利资助政策"
    assert extract_metadata("两江新区设立旅游专项资金,最高奖励1000万元\n04-12 10:27:41 来源:上游新闻\n" + STORY).title \
        == "两江新区设立旅游专项资金,最高奖励1000万元"


def test_a_sentence_is_no_headline():
    assert extract_metadata("每年安排专项资金1000万元。\n" + STORY).title is None


def test_what_stands_between_a_headline_and_its_story():
    head = "阜阳兑付稳岗资金3200万元"
    for between in ("2024年03月15日 星期五", "阅读：1234", "文章来源：市人社局", "The Beginning", head):
        assert extract_metadata(f"{head}\n{between}\n{STORY}").title == head, between
    # a story that opens with its date is the story, not a stamp
    assert extract_metadata(f"{head}\n2024年3月15日，市人社局召开新闻发布会，通报稳岗返还情况。\n记者 张三").title == head
    # a title repeated with its table's caption on one line
    assert extract_metadata("2023台州人才租房补贴标准 2023台州人才租房补贴标准表\n2023-12-06\n" + STORY).title \
        == "2023台州人才租房补贴标准"


def test_a_body_or_a_section_label_is_no_headline():
    md = extract_metadata("安徽省人力资源和社会保障厅\n2024-03-15\n" + STORY)
    assert md.title is None and md.issuer == "安徽省人力资源和社会保障厅"     # it published the page: its place
    doc = process_bytes(("安徽省人力资源和社会保障厅\n2024-03-15\n" + STORY * 2).encode(), "x.txt").document
    assert doc.title is None and doc.region.province == "安徽省"
    assert extract_metadata("稳岗返还\n申领条件和流程\n" + STORY).title is None


def test_a_reprints_original_title():
    doc = process_bytes(("原标题:中宁兑付第一批农机补贴160余万元\n日前,中宁县兑付2018年第一批农机购置补贴资金160.16万元,"
                         "购置农机具103台,受益农户102户。补贴对象为从事农业生产的个人和农业生产经营组织。").encode(), "x.txt")
    assert doc.document.title == "中宁兑付第一批农机补贴160余万元"
    # in brackets, and with its own brackets and commas as written
    for line, title in (("（原标题：阜阳兑付第一批稳岗返还资金3200万元）", "阜阳兑付第一批稳岗返还资金3200万元"),
                        ("原标题：阜阳市稳岗返还实施办法（试行）", "阜阳市稳岗返还实施办法（试行）"),
                        ("原标题：阜阳兑付稳岗资金，惠及企业1.2万家", "阜阳兑付稳岗资金，惠及企业1.2万家")):
        assert strip_boilerplate([line, STORY]).byline.get("original_title") == title


def test_a_news_lead_names_the_document_it_reports():
    def title(text):
        return extract_metadata(text).title
    assert title("近日,厦门市工信局印发《厦门市国家级中小企业特色产业集群评价细则》(以下简称《细则》),明确集群认定后…") \
        == "厦门市国家级中小企业特色产业集群评价细则"
    assert title("11月27日,科技厅发布《四川省科学技术厅关于公布2018年度省级众创空间的通知》(川科高〔2018〕56号),公布了42家。") \
        == "四川省科学技术厅关于公布2018年度省级众创空间的通知"
    assert title("近日,市文旅局发布《2024年旅游消费地图》,收录景区120家。") is None        # no document type
    assert title("市民王先生说。\n近日,某局印发《某某办法》,明确补贴标准。") is None      # not the lead
    # a notice's basis, a local response to a national document
    assert title("根据省人社厅、省财政厅联合印发《关于做好2024年失业保险稳岗返还工作的通知》要求，现将有关事项通知如下：\n一、返还对象") is None
    assert title("近日，国务院办公厅印发《关于进一步优化支付服务提升支付便利性的意见》，我县迅速行动，组织召开专题会议。") is None


def test_a_headlines_city_gives_way_to_its_county_in_the_story():
    story = ("近日,阜南县住房城乡建设局答复群众留言:阜南县符合规定的各类人才,可以在退出已分配保障住房后享受人才购房补贴政策,"
             "在阜南县购买商品房申请购房补贴。阜南县人才购房补贴由县财政局审核拨付。")
    doc = process_bytes(("阜阳阜南已分配保障住房还能申请人才购房补贴吗?\n" + story).encode(), "x.txt").document
    assert (doc.region.city, doc.region.district) == ("阜阳市", "阜南县")
    # a document's own title names its issuer's level: the city's notice stays the city's
    notice = process_bytes(("阜阳市住房城乡建设局关于人才购房补贴的通知\n各县区住建局：\n" + story).encode(), "y.txt").document
    assert (notice.region.city, notice.region.district) == ("阜阳市", None)
    # a headline's word that merely looks like a county's short name names none
    for head in ("西宁城中村改造补贴标准出台", "沧州新华书店开展惠民购书补贴活动", "海东平安建设专项资金下达"):
        assert region_of_name(head).district is None, head


def test_a_title_loses_its_trailing_document_number():
    md = extract_metadata("东莞市人民政府关于进一步加大研发投入支持力度的若干措施 东府〔2024〕8号\n发布日期：2024-02-27\n"
                          "各镇人民政府（街道办事处），市府直属各单位：为深入实施创新驱动发展战略，制定如下措施。")
    assert md.title == "东莞市人民政府关于进一步加大研发投入支持力度的若干措施"


def test_a_short_repeated_line_is_a_menu():
    head = "阜阳市人力资源和社会保障局关于做好稳岗返还工作的通知\n最新文件通知\n最新文件通知\n各县区人社局：\n"
    assert extract_metadata(head + STORY).title == "阜阳市人力资源和社会保障局关于做好稳岗返还工作的通知"


def test_the_title_a_page_repeats_is_its_own():
    head = ("定西市科学技术局关于印发《定西市众创空间认定管理办法》的通知\n合集下载\n"
            "唐山市科学技术局关于公布2023年度新认定市级科技企业孵化器名单的通知\n"
            "唐山市科学技术局关于公布2023年度新认定市级科技企业孵化器名单的通知\n"
            "唐山市科学技术局关于公布2023年度新认定市级科技企业孵化器名单的通知\n文章属性\n")
    assert extract_metadata(head + STORY).title == "唐山市科学技术局关于公布2023年度新认定市级科技企业孵化器名单的通知"
    # …but not the document a notice above it issues, repeated as the attachment's title
    notice = ("芜湖市财政局关于印发《芜湖市支持光伏储能推广应用实施细则》的通知\n各县市区财政局：\n现将《芜湖市支持光伏储能推广应用实施细则》"
              "印发给你们，请遵照执行。\n芜湖市支持光伏储能推广应用实施细则\n第一条 为支持光伏储能推广应用，制定本细则。\n"
              "芜湖市支持光伏储能推广应用实施细则\n")
    assert extract_metadata(notice).title == "芜湖市财政局关于印发《芜湖市支持光伏储能推广应用实施细则》的通知"
    x = "阜阳市失业保险稳岗返还资金管理实施办法"          # …and when the notice names it in other words
    notice = ("阜阳市人力资源和社会保障局关于印发失业保险稳岗返还资金管理实施办法的通知\n各县区人社局：\n现将该办法印发给你们，"
              f"请认真贯彻执行。\n{x}\n第一章 总则\n第一条 为规范稳岗返还资金管理，制定本办法。\n{x}\n")
    assert extract_metadata(notice).title == "阜阳市人力资源和社会保障局关于印发失业保险稳岗返还资金管理实施办法的通知"


def test_a_related_document_shown_twice_is_not_the_pages():
    head = ("关于印发2024年稳就业若干措施的通知\n相关文件\n关于做好2024年高校毕业生就业创业工作的通知\n"
            "关于做好2024年高校毕业生就业创业工作的通知\n各区县人民政府:\n现将有关事项通知如下。\n")
    assert extract_metadata(head).title == "关于印发2024年稳就业若干措施的通知"


def test_every_cited_line_under_a_basis_label():
    t = ("自主创业人员申领一次性创业补贴\n文件依据:西安市财政局《关于印发<就业资金管理办法>的通知》(市财函〔2019〕2993号)\n"
         "西安市就业服务中心关于印发《一次性创业补贴实施细则》的通知(市就服〔2020〕6号)\n"
         "陕西省人力资源和社会保障厅关于做好就业创业工作的通知(陕人社发〔2020〕1号)\n补贴标准:可申请一次性创业补贴5000元。")
    assert extract_metadata(t).title == "自主创业人员申领一次性创业补贴"


def test_a_policys_own_lead_in_is_no_report():
    for t in ("现就贯彻落实国务院印发《关于促进中小企业健康发展的指导意见》提出如下实施意见:\n一、加大财政支持。",
              "结合本市实际,贯彻省政府印发《关于促进消费的若干措施》,制定本办法。\n第一条 为促进消费制定本办法。",
              "经区政府同意,现就执行市政府印发《关于稳就业的若干措施》有关问题明确如下:\n一、补贴标准。"):
        assert extract_metadata(t).title is None, t


def test_short_headlines_are_no_site_names_and_clauses_no_stamps():
    for head in ("稳岗返还政策问答", "人才新政正式发布", "这些补贴你要知道"):
        assert extract_metadata(f"{head}\n2024-03-01 10:00\n{STORY}\n{STORY}").title == head
    assert extract_metadata(f"创业补贴申领流程\n3.1 发放对象\n{STORY}").title is None     # a numbered clause, no stamp


def test_a_spaced_number_after_words_that_name_no_document_stays():
    assert extract_metadata("关于贯彻落实 国发〔2024〕8号\n" + STORY).title != "关于贯彻落实"


def test_a_basis_list_is_no_title():
    lines = ("自主创业人员申领一次性创业补贴\n文件依据:西安市财政局《关于印发<西安市就业资金管理办法>的通知》(市财函〔2019〕2993号)\n"
             "西安市就业服务中心关于印发《西安市一次性创业补贴实施细则》的通知(市就服〔2020〕6号)\n"
             "补贴标准:符合条件的人员可申请一次性创业补贴5000元。")
    assert extract_metadata(lines).title == "自主创业人员申领一次性创业补贴"
    # the cited documents on lines of their own under the label, or on the label's own line
    below = ("自主创业人员申领一次性创业补贴\n文件依据：\n西安市财政局关于印发西安市就业资金管理办法的通知\n"
             "西安市就业服务中心关于印发西安市一次性创业补贴实施细则的通知\n补贴标准：符合条件的人员可申请补贴5000元。")
    assert extract_metadata(below).title in ("自主创业人员申领一次性创业补贴", None)     # never a cited document


def test_the_publishers_credit_code_in_the_index_number_places_the_page():
    from zhengce.ingest.place_evidence import region_of_index_code

    r = region_of_index_code("| 索引號 | 11610114013443185P/2020-004784 | 發布日期 | 2020-06-22 |")
    assert (r.city, r.district) == ("西安市", "阎良区")
    assert region_of_index_code("信息索引号：11340200003133469T/202207-00086").city == "芜湖市"
    assert region_of_index_code("索引号: 11100000000013127X") is None           # a national body: no division
    assert region_of_index_code("索引号：000014349/2020-00123") is None         # an old organization code
    assert region_of_index_code("统一社会信用代码 91450100MA5K000000") is None  # a company's code, no index number
    assert region_of_index_code("索引号：01610114013443185P") is None          # no body registered by a staffing office
    assert region_of_index_code("索引号：11610114013443185PX") is None         # nineteen characters: no credit code
    assert region_of_index_code("索引号：11371200MB0000000X") is None          # 莱芜市, merged into 济南 in 2019
    r = region_of_index_code("<tr><td>索引号：</td><td>11610114013443185P/2020-004784</td></tr>")   # HTML cells
    assert r is not None and r.district == "阎良区"


def test_a_pattern_the_parser_cannot_read_always_runs(monkeypatch):
    import re

    from zhengce.nlp.windows import RuleGate, required_chars

    rx = re.compile(r"截止\d")
    assert required_chars(rx)                     # read: 截, 止 and a digit
    import re._parser as parser
    monkeypatch.setattr(parser, "parse", lambda *a, **k: (_ for _ in ()).throw(ValueError("changed internals")))
    assert required_chars(rx) == ()               # unreadable: nothing is sure
    assert RuleGate([rx]).runnable("no such characters") == (0,)
