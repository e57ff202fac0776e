"""Round 25 readings, each with the case that asked for it and the reading it must not take over."""
from zhengce.nlp.measures import split_measures


def _kinds(text):
    return [(m.kind, text[m.start:m.end][:12]) for m in split_measures(text)]


def test_a_scope_sentence_after_a_frame_clause_is_a_criterion():
    # dev2 tune: 根据政策规定,此次补贴对象为…户籍 states who qualifies (gold: criterion), as 补贴对象为… alone did
    text = ("一、支持创业。对新创办的小微企业给予5000元一次性补贴。\n"
            "二、根据政策规定，此次补贴对象为本县户籍、符合法律法规生育的家庭。\n"
            "三、根据规定，对符合条件的企业给予10万元奖励。")
    kinds = [k for k, _ in _kinds(text)]
    assert kinds == ["measure", "criterion", "measure"]


def test_a_plan_title_gives_its_period_and_a_headline_no_other_date():
    from zhengce.nlp.extract import extract_text

    # spec: plan periods are deadlines; a plan's title is where its period usually stands (dev2 and genre tune)
    text = "银川市工业领域节能降碳工作方案（2023—2025年）\n一、总体要求\n到2025年，全市规上工业单位增加值能耗下降15%。"
    ms = extract_text(text, issue_date="2023-01-05")
    assert ms[0].kind == "heading"
    assert [(d.kind, d.start_date, d.end_date) for d in ms[0].deadlines] == [("span", "2023-01-01", "2025-12-31")]
    # …but a title's other dates stay unread: its 春节前 names the subject, the item below dates the action
    text = "关于做好春节前农民工工资支付工作的通知\n各县区人社局：\n一、请于1月10日前完成排查。"
    ms = extract_text(text, issue_date="2024-01-05")
    assert ms[0].kind == "heading" and ms[0].deadlines == []
    assert [d.date for d in ms[-1].deadlines] == ["2024-01-10"]


def test_a_body_acting_beside_a_government_keeps_its_role():
    from zhengce.nlp.units import find_units

    # devspec tune: 省人社厅与天河区人民政府合作共建孵化基地 — the government is no unit of the spec's, but it
    # hid the verb from the body before it, and the body was dropped with no role
    for s, name in (("广东省人力资源和社会保障厅与广州市天河区人民政府合作共建孵化基地。", "广东省人力资源和社会保障厅"),
                    ("市人社局与区政府共建孵化基地。", "市人社局")):
        assert [u.name for u in find_units(s)] == [name]
    # …a government office is a listed body of its own, and a government's staff are no partner
    assert [u.name for u in find_units("市人社局与区政府办公室联合发文。")] == ["市人社局", "区政府办公室"]
    assert find_units("市人社局与区政府的工作人员座谈。") == []


def test_a_body_acting_beside_an_enterprise_partner_keeps_its_role():
    from zhengce.nlp.units import find_units

    # a grammar sweep (no gold case): a bank, company or university beside the body hid its verb too
    for s, name in (("市人社局与中国银行合作推出创业贷。", "市人社局"),
                    ("市科技局与清华大学共建研究院。", "市科技局"),
                    ("市农业农村局携手市农担公司推出家庭农场贷。", "市农业农村局"),
                    ("市人社局推出“免申即享”服务。", "市人社局")):
        assert [(u.name, u.role) for u in find_units(s)] == [(name, "administrator")], s
    # a contract with a company is no act of administration; 同意 is no "with" (同…公司)
    assert find_units("市科技局与某某公司签订的合同。") == []
    assert [(u.name, u.role) for u in find_units("市住建局同意某某置业公司预售申请。")] == [("市住建局", "certifier")]


def test_a_sweep_of_body_frames():
    from zhengce.nlp.units import find_units

    # 委托 is no part of the name (it read 委托市财政局)
    assert [u.name for u in find_units("委托市科技局组织实施。")] == ["市科技局"]
    # 各 between the bodies and their verb (市级财政和县区财政各承担50%) hid the verb
    assert [(u.name, u.role) for u in find_units("市级财政和县区财政各承担50%。")] == \
        [("市级财政", "funder"), ("县区财政", "funder")]
    # 出具 (审核意见, 证明) attests: a certifier
    assert [(u.name, u.role) for u in find_units("由县人社局出具证明。")] == [("县人社局", "certifier")]
    # the levels that share a cost (市、区两级财政) are no body: the genre readers list none of 20 such
    assert find_units("补贴资金由市、区两级财政按1:1比例分担。") == []


def test_filing_up_and_interpreting():
    from zhengce.nlp.units import find_units

    # a body that passes a file up acts; the one it goes to receives (上报 as 报: its 上 is no 申报)
    assert [(u.name, u.role) for u in find_units("县人社局于6月底前将名单报市人社局。")] == \
        [("县人社局", "administrator"), ("市人社局", "receiver")]
    assert [(u.name, u.role) for u in find_units("乡镇政府将名单上报县农业农村局。")] == \
        [("乡镇政府", "administrator"), ("县农业农村局", "receiver")]
    assert [(u.name, u.role) for u in find_units("经区人社局审核后上报市人社局。")] == \
        [("区人社局", "certifier"), ("市人社局", "receiver")]
    assert [(u.name, u.role) for u in find_units("县人社局于每月10日前将名单报市人社局。")][0] == ("县人社局", "administrator")
    # …but only what the body itself passes on (将/把): an applicant's 提交 on the body's portal is not its act
    assert [(u.name, u.role) for u in find_units("企业登录市商务局网站提交申请，市商务局受理后组织评审。")] == \
        [("市商务局", "receiver")]
    assert find_units("用人单位通过区人社局公共服务平台上报信息。") == []
    assert find_units("县人社局申报国家级孵化器。") == []
    # a month before the verb (于每年3月组织申报) no longer hides it
    assert [(u.name, u.role) for u in find_units("区科技局于每年3月组织申报。")] == [("区科技局", "administrator")]
    # who interprets is no unit, listed or not (as 本办法由…负责解释 already was)
    assert find_units("市人社局、市财政局负责解释。") == []
    assert find_units("市人社局负责解释本办法。") == []
    assert [u.name for u in find_units("市人社局负责资金拨付并做好政策解释。")] == ["市人社局"]
    assert [u.name for u in find_units("区人社局负责解释政策、受理申请并审核发放补贴。")] == ["区人社局"]


def test_what_only_promulgates_or_labels_the_page():
    from zhengce.nlp.units import find_units

    # spec: a government's general office that issues a document only promulgates it
    assert find_units("本通知由市人民政府办公室印发。") == []
    assert [u.name for u in find_units("本办法由市人民政府金融工作办公室印发。")] == ["市人民政府金融工作办公室"]
    # a label list stops at the next label (承办:), instead of gluing it to the name before it
    assert [u.name for u in find_units("主办单位：市科技局 承办单位：市科技创新服务中心")] == ["市科技局", "市科技创新服务中心"]
    assert [u.name for u in find_units("由市供销合作社联合社负责受理。")] == ["市供销合作社联合社"]


def test_township_labour_offices():
    from zhengce.nlp.units import find_units

    # a sweep of 83 local body names: the township's 人社所 (as its 劳动保障所 and 社保所 already were)
    assert [(u.name, u.role) for u in find_units("由乡镇人社所负责初审。")] == [("乡镇人社所", "certifier")]
    assert [u.name for u in find_units("向街道人力资源和社会保障服务所申请。")] == ["街道人力资源和社会保障服务所"]


def test_the_body_that_publishes_a_notice_issues_it():
    from zhengce.nlp.units import find_units

    # dev2 tune: 省工业和信息化厅10月9日公示,按照…拟对…给予100万元资金奖励 (reader: issuer); devspec tune:
    # 中国财政部25日在公告,将对…实行税收优惠 (reader: issuer)
    assert [(u.name, u.role) for u in find_units("省工业和信息化厅10月9日公示，按照有关程序，拟对某公司给予100万元奖励。")] \
        == [("省工业和信息化厅", "issuer")]
    assert [(u.name, u.role) for u in find_units("中国财政部25日在公告，将对孵化器实行税收优惠。")] == [("财政部", "issuer")]
    # …but a 公示 that is a step of the procedure stays the body's administration or review
    assert [(u.name, u.role) for u in find_units("由区人社局公示5个工作日。")] == [("区人社局", "administrator")]
    assert [(u.name, u.role) for u in find_units("审核结果由市人社局公示，公示期5天。")] == [("市人社局", "administrator")]
    assert [(u.name, u.role) for u in find_units("经市科技局审核后公示，无异议的给予奖励。")] == [("市科技局", "certifier")]


def test_a_city_named_by_its_one_character_name():
    from zhengce.pipeline import process_bytes

    pad = "申请人应当提交营业执照、租赁合同等材料，经审核符合条件的，按规定程序拨付资金。本办法自印发之日起施行。"

    def place(t):
        r = process_bytes((t + pad).encode(), "x.txt").document.region
        return r.province, r.city

    # devspec tune: 在杭普通高校在校生…, with no full place name on the page (reader: 杭州市)
    assert place("对来杭工作的应届高校毕业生，给予一次性生活补贴1万元。在杭普通高校毕业生创业的，给予贷款贴息。") == ("浙江省", "杭州市")
    # a visit (赴杭考察) or a pair (沪杭) is no cue
    assert place("组织企业赴杭考察学习，对来甬创业的青年人才给予房租补贴。") == ("浙江省", "宁波市")
    assert place("我市与沪杭两地合作共建产业园。对入驻企业给予房租补贴。") == (None, None)


def test_a_page_that_names_no_place_is_placed_by_the_provincial_numbers_it_cites():
    from zhengce.ingest.place_evidence import cited_numbers_province
    from zhengce.pipeline import process_bytes

    # dev2 tune: a county's page on elderly-care subsidies names no place, but cites 湘老龄发〔2014〕3号 (reader: 湖南省)
    assert cited_numbers_province("补贴标准:根据湘老龄发〔2014〕3号文件,每人每月不低于20元。").province == "湖南省"
    # national numbers carry no province; two provinces' numbers name neither
    assert cited_numbers_province("根据国发〔2014〕3号和财社〔2015〕1号文件") is None
    assert cited_numbers_province("根据湘老龄发〔2014〕3号和粤府办〔2015〕1号") is None
    text = ("基本养老服务补贴政策\n基本养老服务对象，是指城乡65岁及以上家庭经济困难且生活难以自理的失能老年人。"
            "补贴标准：根据湘老龄发〔2014〕3号文件，基本养老服务补贴每人每月不低于20元。各县根据当地实际确定具体标准。")
    r = process_bytes(text.encode(), "x.txt").document.region
    assert (r.province, r.level) == ("湖南省", "province")
    # …and only as a last resort: a page that names its city keeps it
    r = process_bytes(("南宁市" + text).encode(), "x.txt").document.region
    assert r.city == "南宁市"


def test_review_of_the_late_readings():
    from zhengce.ingest.place_evidence import cited_numbers_province
    from zhengce.nlp.units import find_units
    from zhengce.pipeline import process_bytes

    # a 公示 with no day before it is a step of the procedure; a notice cited is no act
    assert [(u.name, u.role) for u in find_units("县人社局公示，公示期为5个工作日。")] == [("县人社局", "administrator")]
    assert find_units("根据市财政局公告，自2024年起实施。") == []
    pad = "申请人应当提交营业执照、租赁合同等材料，经审核符合条件的，按规定程序拨付资金。本办法自印发之日起施行。"

    def place(t):
        r = process_bytes((t + pad).encode(), "x.txt").document.region
        return r.province, r.city

    # a one-character city is a fallback: the page's own city stands, and a page that calls people home is
    # another place's; a list (在京、在沪) and an office there (驻沪) are no cue
    assert place("南通市对在沪工作的人才来通创业的，给予补贴。") == ("江苏省", "南通市")
    assert place("鼓励在沪工作的我县籍高校毕业生返乡创业，给予补贴。") == (None, None)
    assert place("各地要引导在京、在沪高校毕业生到基层就业。") == (None, None)
    assert place("加强我省驻沪机构建设，发挥驻沪单位作用。") == (None, None)
    # cited numbers place only a page that names no place: two provinces that tie stay unknown
    assert place("广东省和湖南省两地合作。根据湘政发〔2020〕12号文件执行。") == (None, None)
    # a province's character inside a word is no number's start (津贴人社部发: the ministry's)
    assert cited_numbers_province("高温津贴人社部发〔2012〕89号") is None
