"""Rules added in round 11. Cases are written here from the spec (who counts as a responsible unit, what
a provision, a period and a document's place are), not copied from gold pages."""
from __future__ import annotations

from zhengce.pipeline import process_bytes

LEAD = ("关于印发某某产业发展扶持办法的通知\n为推动产业高质量发展,结合我市实际,制定本办法。"
        "本办法适用于在本市注册的企业和个人。\n一、支持措施\n")


def units_of(body: str) -> list[tuple[str, str]]:
    ex = process_bytes((LEAD + body + "\n").encode(), "probe.txt")
    return [(u.name, u.role) for u in ex.units]


def test_a_facility_the_measure_builds_is_no_body():
    # 养老服务中心 / 商贸中心 / 电子商务服务站: what the money builds (a beneficiary), not who acts
    body = ("对新建的街道综合养老服务中心,按建设面积给予每平方米800元的一次性建设补助;对新建改造的乡镇商贸中心,"
            "每个给予20万元奖励;建成镇村级电子商务服务站30个。补助资金由区民政局审核,区财政局拨付。")
    names = [n for n, _ in units_of(body)]
    assert names == ["区民政局", "区财政局"]


def test_a_service_centre_that_receives_applications_is_kept():
    body = "申请人到市住房保障服务中心窗口提交申请,经市住房保障服务中心审核后发放补贴,每户最高3万元。"
    assert ("市住房保障服务中心", "receiver") in units_of(body) or \
        "市住房保障服务中心" in [n for n, _ in units_of(body)]


def test_a_body_named_as_an_address_is_no_actor():
    body = "对符合条件的企业给予10万元奖励。申报材料报送至市科技局,地点:市政务服务中心(市民中心)。" \
           "受理地点:市政务服务中心二楼12号窗口。"
    names = [n for n, _ in units_of(body)]
    assert "市科技局" in names and "市政务服务中心" not in names


def test_bare_customs_named_as_a_register_or_a_field_is_no_body():
    # 海关进出口数据, 海关登记的收发货人: customs as a source of records, not an actor of the measure
    body = ("申报企业须为在海关登记的进出口货物收发货人,提交海关进出口数据证明,由市商务局审核后给予最高50万元奖励。")
    assert [n for n, _ in units_of(body)] == ["市商务局"]
    kept = "出口额以海关统计为准,由海关负责核实企业进出口数据,市商务局给予最高50万元奖励。"
    assert "海关" in [n for n, _ in units_of(kept)]


def test_a_masked_phone_number_still_marks_a_contact_line():
    body = ("对新认定的高新技术企业给予20万元奖励,由市科技局负责审核。\n"
            "咨询电话:0731-28826xxx(市人才服务中心)")
    assert "市人才服务中心" not in [n for n, _ in units_of(body)]


def test_a_run_on_sentence_is_cut_where_its_lost_stops_were():
    # a paragraph whose inner 。 a scrape turned into commas still ends with its own stop, so the
    # record has a stop; a 150+ character run of commas is read like a stopless record
    from zhengce.nlp.kinds import clauses

    text = ("为支持青年人才来我市就业创业,现就有关事项通知如下,对新引进的全日制博士研究生给予每人10万元安家补贴,"
            "对新引进的全日制硕士研究生给予每人5万元安家补贴,鼓励用人单位为引进人才提供周转住房,"
            "申请人应于每年6月30日前向所在区人社局提交申请材料,经区人社局审核后报市人社局复核,"
            "对弄虚作假骗取补贴的追回补贴资金。")
    assert len(text) >= 150
    cl = clauses(text, 0, len(text))
    opened = [text[s:s + 4] for s, _, b in cl if b == "。"]
    assert opened == ["对新引进", "对新引进", "鼓励用人", "申请人应", "对弄虚作"]


def test_a_long_written_sentence_under_the_run_on_length_keeps_its_commas():
    from zhengce.nlp.kinds import clauses

    text = "对新引进的博士给予每人10万元安家补贴,对新引进的硕士给予每人5万元安家补贴,所需资金由市财政承担。"
    assert [b for _, _, b in clauses(text, 0, len(text))] == ["^", ",", ","]


def test_a_zone_committee_is_named_whole_wherever_it_stands():
    # the grammar had read 苏州工业园区管理委员会 as 区管理委员会 (the zone's 区 taken for a level) and
    # 武汉东湖新技术开发区管委会 as 开发区管委会 (its name longer than six characters)
    from zhengce.nlp.units import _scan_bodies

    for name in ("苏州工业园区管理委员会", "武汉东湖新技术开发区管委会", "雄安新区管理委员会", "天津经济技术开发区管委会"):
        for t in (f"企业向{name}申请,", f",经{name}认定的企业", f"由{name}审核"):
            assert [t[m.start:m.end] for m in _scan_bodies(t, 0, len(t))] == [name], t


def test_the_colophon_printing_office_is_no_unit():
    body = ("对新认定的高新技术企业给予20万元奖励,由区科技创新局负责审核,区财政局负责拨付。\n"
            "武汉东湖新技术开发区党政办公室　　　　2023年7月6日印发")
    assert [n for n, _ in units_of(body)] == ["区科技创新局", "区财政局"]


def test_a_national_administration_takes_no_level_prefix():
    # 市场监管总局 opens with 市 but is national; it had read 市市场监管总局
    from zhengce.nlp.units import find_units

    assert [u.name for u in find_units("由市场监管总局负责审核。")] == ["市场监管总局"]


def test_a_group_of_lower_governments_is_listed_once():
    # 各镇(街道) read from a responsibility list and again by the body scan, with its brackets written
    # two ways, had been two units
    body = ("对新建的村级农产品仓储保鲜设施给予最高10万元补助。(责任单位:区农业农村局、各镇（街道）)\n"
            "各镇（街道）负责项目初审,区农业农村局负责复核,区财政局负责拨付。")
    names = [n for n, _ in units_of(body)]
    assert len([n for n in names if "镇" in n]) == 1
    assert "区农业农村局" in names and "区财政局" in names


def test_a_county_media_centre_charged_with_publicity_is_a_unit():
    body = "对首次购房的家庭给予每平方米200元补贴。由区融媒体中心做好政策解读和宣传报道,区住建局负责审核。"
    assert ("区融媒体中心", "administrator") in units_of(body)


def test_a_year_within_a_condition_is_a_period_and_within_a_duty_an_end():
    from zhengce.nlp.deadlines import find_deadlines

    def read(t):
        return [(d.kind, d.date, d.start_date, d.end_date) for d in find_deadlines(t, issue_date="2023-03-01")]

    assert read("2023年内购买新建商品住房的,给予每平方米200元补贴。") == [("span", None, "2023-01-01", "2023-12-31")]
    assert read("对2023年内新认定的高新技术企业给予奖励。") == [("span", None, "2023-01-01", "2023-12-31")]
    assert read("项目须于2024年内建成投产。") == [("by", "2024-12-31", None, None)]


def test_a_news_lead_opening_with_the_day_places_the_document_it_reports():
    from zhengce.ingest.place_evidence import reported_document_place

    lead = ("11月27日,科技厅发布《四川省科学技术厅关于公布2018年度省级众创空间的通知》(川科高〔2018〕56号),"
            "公布了42家省级众创空间名单,成都市京东云创新空间等21家载体被纳入省级众创空间备案。")
    r = reported_document_place(lead)
    assert r is not None and r.province == "四川省" and not r.city
    # a citation dates its document in full: it reports nothing, it cites
    cite = ("网民朋友:您好,现答复如下。2024年10月23日中共吕梁市委吕梁市人民政府印发《关于完善生育支持政策体系"
            "建设生育友好型社会的若干措施》的通知已出台。")
    assert reported_document_place(cite) is None


def _kinds(text: str) -> list[tuple[str, str]]:
    from zhengce.nlp.measures import split_measures

    return [(m.kind, text[m.start:m.start + 6]) for m in split_measures(text)]


def test_a_past_total_after_a_frame_is_news_not_a_provision():
    text = ("关于稳就业政策的新闻\n记者从市人社局获悉,我市出台《关于进一步稳就业的若干措施》,明确对吸纳高校毕业生就业的"
            "企业给予每人1000元一次性补贴。同时,符合条件的个人可申请最高30万元创业担保贷款。据介绍,去年全市共发放"
            "创业补贴2300万元。\n")
    assert ("news", "据介绍,去年") in _kinds(text)


def test_a_sentence_that_counts_the_policys_parts_is_no_provision():
    text = ("关于人才新政的解读\n新政主要有三个亮点。一是提高补贴标准,博士每月补贴3000元,硕士每月2000元;"
            "二是扩大补贴范围,将技工院校毕业生纳入补贴范围;三是简化申领流程,实行“免申即享”。\n")
    ks = _kinds(text)
    assert ("other", "新政主要有三") in ks
    assert [k for k, h in ks if h.startswith(("一是", "二是", "三是"))] == ["measure"] * 3


def test_named_town_governments_and_street_offices_are_bodies():
    from zhengce.nlp.units import _scan_bodies

    def scan(t):
        return [t[m.start:m.end] for m in _scan_bodies(t, 0, len(t))]

    assert scan("经鱼泉街道办事处审核后报区民政局。") == ["鱼泉街道办事处", "区民政局"]
    assert scan("向户籍所在地新都街道办事处提出申请。") == ["新都街道办事处"]
    assert scan("县交通运输局、兴隆镇人民政府") == ["县交通运输局", "兴隆镇人民政府"]
    assert scan("各乡镇人民政府负责初审。") == ["各乡镇人民政府"]          # the generic group stays one
    assert "组织乡镇人民政府" not in scan("县农业农村局负责业务指导,组织乡镇人民政府开展核查。")


def test_a_town_government_that_only_issues_is_no_unit():
    body = ("对新建的农产品仓储保鲜设施给予最高5万元补助,由镇农业综合服务中心受理,镇财政所审核拨付。\n"
            "衡山镇人民政府\n2024年3月1日")
    names = [n for n, _ in units_of(body)]
    assert "衡山镇人民政府" not in names and "镇财政所" in names


def test_more_portfolios_and_whole_names():
    from zhengce.nlp.units import find_units

    for name in ("市民营经济发展局", "市侨联", "市工商业联合会"):
        assert [u.name for u in find_units(f"经{name}认定的企业,给予奖励。")] == [name], name
