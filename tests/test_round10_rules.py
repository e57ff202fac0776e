"""Rules added in round 10. Cases are written here from the spec and from the damage forms the
corpora's own labels name (garbled_punct), not copied from gold pages."""
from __future__ import annotations

from zhengce.nlp.kinds import clauses
from zhengce.nlp.measures import split_measures


def measure_heads(text: str) -> list[str]:
    return [text[m.start:m.start + 8] for m in split_measures(text) if m.kind == "measure"]


STOPLESS = ("为促进文化旅游发展,现就有关奖励政策调整如下,对新评定为国家AAAAA级旅游景区的,给予一次性奖励200万元,"
            "对新评定为国家AAAA级旅游景区的,给予一次性奖励50万元,鼓励各县区对新评定的星级乡村旅游区给予配套奖励,"
            "同时,市财政每年安排专项资金500万元用于文化旅游品牌创建")


def test_a_record_without_any_stop_is_cut_where_its_sentences_began():
    # a scrape that turned every 。 into a comma: each provision had been one clause chain
    heads = measure_heads(STOPLESS)
    assert heads == ["对新评定为国家A", "对新评定为国家A", "鼓励各县区对新评", "同时,市财政每年"]


def test_the_grant_after_a_condition_stays_with_it():
    # 对…的, 给予…: the comma after a 的 condition is no lost stop
    cl = clauses(STOPLESS, 0, len(STOPLESS))
    at = {STOPLESS[s:s + 2]: b for s, _, b in cl}
    assert at["对新"] == "。" and at["给予"] == ","


def test_a_record_with_its_stops_is_left_as_written():
    # the same words with their stops: the commas there are commas (readers keep 对… after a comma 60 : 21)
    text = ("加大人才引进力度,对新引进的博士给予每人10万元安家补贴,对新引进的硕士给予每人5万元安家补贴,"
            "所需资金由市财政承担。鼓励用人单位另行给予配套奖励。")
    cl = clauses(text, 0, len(text))
    assert [b for _, _, b in cl] == ["^", ",", ",", ",", "。"]


def test_a_short_record_without_stops_is_left_alone():
    text = "对新引进的博士,给予安家补贴,对新引进的硕士,给予生活补贴"      # < 80 characters: a heading or a cell
    assert all(b in "^," for _, _, b in clauses(text, 0, len(text)))


# ---------------------------------------------------------------- places: a zone is named, not typed

def test_a_zone_written_by_its_kind_is_named_with_its_city():
    from zhengce.ingest.region import resolve_region
    r = resolve_region(title="青岛市高新区高新技术企业奖励政策")
    assert (r.city, r.district, r.level) == ("青岛市", "青岛高新技术产业开发区", "district")
    r = resolve_region(title="天津经开区推动双创服务体系建设的实施办法")
    assert (r.province, r.city, r.district) == ("天津市", None, "天津经济技术开发区")


# ---------------------------------------------------------------- units

from zhengce.nlp.units import find_units  # noqa: E402


def units(text: str) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in find_units(text)]


def test_a_leading_groups_office_is_named_by_its_task():
    # its task holds words no bureau's name does (认定, 企业): the name had been dropped whole
    assert units("近日,国家高新技术企业认定管理工作领导小组办公室公示本年度拟认定高新技术企业。") == \
        [("国家高新技术企业认定管理工作领导小组办公室", "certifier")]
    assert units("由市高新技术企业认定管理工作领导小组办公室负责认定。") == \
        [("市高新技术企业认定管理工作领导小组办公室", "certifier")]


def test_inner_mongolias_leagues_and_the_state_council_are_levels():
    assert units("盟市科技局负责推荐。") == [("盟市科技局", "administrator")]
    assert units("经国务院科技部门认定的国家级科技企业孵化器。") == [("国务院科技部门", "certifier")]


def test_a_discipline_group_stationed_in_a_bureau_is_one_body():
    got = units("由市纪委监委派驻工信局纪检监察组负责受理举报。")
    assert [n for n, _ in got] == ["市纪委监委派驻工信局纪检监察组"]


def test_two_bodies_that_build_something_together_both_act():
    assert units("市科技局与市财政局共建创新平台。") == [("市科技局", "administrator"), ("市财政局", "funder")]


def test_a_body_named_as_the_owner_of_data_or_a_degree_does_not_act():
    # 科技部火炬统计调查数据, 教育部认可学历: whose statistics, whose recognition — no act in this measure
    assert units("绩效评价部分指标直接采用科技部火炬统计调查数据。") == []
    assert units("取得教育部认可学历的专科以上大学毕业生。") == []
    assert units("对标商务部开发区综合评价指标体系。") == []
    assert units("经教育部认定的高校,由市财政给予补助。") == [("教育部", "certifier"), ("市财政", "funder")]


# ---------------------------------------------------------------- money

def test_ge_yi_is_money_as_it_stands():
    from zhengce.nlp.amounts import find_amounts
    assert [a.value_yuan for a in find_amounts("获得三年共9个亿的中央财政资金。")] == [900_000_000]
    assert [a.value_yuan for a in find_amounts("今年安排3个亿用于补贴。")] == [300_000_000]
    assert find_amounts("全国14个亿人口。") == []


# ---------------------------------------------------------------- provisions a sentence opens

def test_the_channel_for_objections_is_a_provision_of_its_own():
    text = ("对国家健康基地科技企业孵化器等5家运营单位给予评价补助,现予以公示。公示期为6月9日—6月16日。"
            "公示期内,任何单位和个人对公示项目若有异议,均可以书面形式向市科技局提出。")
    assert measure_heads(text)[-1] == "公示期内,任何单"


def test_a_sanction_after_a_duty_starts_a_provision():
    text = "(二)申报单位对申报材料的真实性负责。对弄虚作假骗取专项资金的,追回已拨付资金,五年内取消其申报资格。"
    assert measure_heads(text) == ["(二)申报单位对", "对弄虚作假骗取专"]


def test_a_sanction_after_a_short_item_title_stays_with_it():
    text = "十、加强监督管理。对以虚假材料骗取补贴的,由区住房和城乡建设局追回已拨付资金。"
    assert measure_heads(text) == ["十、加强监督管理"]


def test_what_comes_next_and_who_writes_the_details_are_provisions():
    text = "对新认定的众创空间给予10万元奖励。具体操作细则由县科技局会同县财政局另行制定。"
    assert measure_heads(text) == ["对新认定的众创空", "具体操作细则由县"]
    text = "对新认定的众创空间给予10万元奖励。下一步,市科技局将持续加强对孵化载体的引导和服务。"
    assert measure_heads(text) == ["对新认定的众创空", "下一步,市科技局"]


# ---------------------------------------------------------------- a passage printed twice; addressees

def test_a_passage_the_scrape_printed_twice_is_read_once():
    from zhengce.nlp.extract import extract_text
    para = "对新认定的国家级科技企业孵化器给予一次性奖励100万元,2025年12月31日前完成认定。"
    ms = extract_text(para + "\n" + "其他内容说明。\n" + para + "\n")
    kinds = [m.kind for m in ms]
    assert kinds.count("measure") == 1 and kinds[-1] == "other"
    assert [a.value_yuan for m in ms for a in m.amounts] == [1_000_000]
    assert len([d for m in ms for d in m.deadlines]) == 1


def test_short_items_that_repeat_in_good_text_stay():
    # under 20 characters: a table's tiers (每人每月3000元 for two degrees) are two provisions, not a repeat
    text = "一、生活补贴\n博士研究生,每人每月3000元;\n硕士研究生,每人每月3000元;\n"
    before = [m.kind for m in split_measures(text) if "3000" in m.text]
    assert len(before) == 2 and "other" not in before


def test_an_addressee_line_is_other_and_the_cover_note_after_it_stays_preamble():
    text = ("各有关单位:\n为加强和规范市外经贸发展专项资金使用和管理,现将有关事项通知如下:\n"
            "一、对新认定的企业给予10万元奖励。\n")
    kinds = [(m.kind, m.text[:5]) for m in split_measures(text)]
    assert kinds[0] == ("other", "各有关单位") and kinds[1][0] == "preamble"


# ---------------------------------------------------------------- a government host; a document number

def test_a_host_named_by_a_second_reading_or_a_prefectures_initials():
    from zhengce.ingest.place_evidence import region_of_host
    got = {u: region_of_host(u) for u in ("http://zwgk.shmh.gov.cn/a", "http://www.fogang.gov.cn/", "http://rsj.sm.gov.cn/a",
                                          "http://sti.xm.gov.cn/", "http://www.hz.gov.cn/", "http://zjj.gov.cn/")}
    assert got["http://zwgk.shmh.gov.cn/a"].district == "闵行区"        # 闵行 minhang, not pypinyin's minxing
    assert got["http://www.fogang.gov.cn/"].district == "佛冈县"
    assert got["http://rsj.sm.gov.cn/a"].city == "三明市"             # sm: no other prefecture's initials
    assert got["http://sti.xm.gov.cn/"].city == "厦门市"
    assert got["http://www.hz.gov.cn/"] is None                       # 杭州, 湖州, 惠州, 菏泽…: unknown beats wrong
    assert got["http://zjj.gov.cn/"] is None                          # 住建局's label, as often as 张家界's


def test_an_own_number_on_a_flattened_header_line():
    from zhengce.ingest.metadata import extract_metadata as read_metadata
    md = read_metadata("益商外经〔2023〕1号各县市区商务主管部门、各“走出去”企业:为落实省市有关文件精神,现就有关事项通知如下:")
    assert md.doc_number == "益商外经〔2023〕1号"
    md = read_metadata("寿光市农业农村局关于印发《扶持办法》的通知 寿农发〔2023〕9号 各镇(街道)、市属有关部门:现将办法印发给你们。")
    assert md.doc_number == "寿农发〔2023〕9号"
    md = read_metadata("•【字号】唐科高函〔2023〕47号\n•【发布日期】2023.03.01\n唐山市科学技术局关于公布名单的通知\n")
    assert md.doc_number == "唐科高函〔2023〕47号"
    # a number cited in the body is no number of this page; a font-size switch is no field
    md = read_metadata("字号:默认 大 中 小\n关于做好申报工作的通知\n根据《办法》(冀科高〔2022〕3号),现将有关事项通知如下。")
    assert md.doc_number is None


def test_a_park_described_is_no_provision():
    # a news report's description of a park or an incubator: nothing a government gives, requires or allows
    text = ("此次入围省级众创空间的扶风科技工业园众创空间,是以扶风科技工业园为依托,由宝鸡顶盛建设开发有限公司建设运营的项目。"
            "园区以培育中小型科技企业,加速科技成果转化为宗旨,着力打造低成本的创业环境。")
    assert [m.kind for m in split_measures(text)] == ["other"]
    text = "苏州科技企业孵化器已成为苏州吸引高层次人才的重要载体。对新认定的国家级孵化器给予100万元奖励。"
    assert [m.kind for m in split_measures(text)] == ["other", "measure"]


# ---------------------------------------------------------------- from batch 17's tune half

def test_a_numbered_line_that_lost_its_stop_is_no_title():
    # 五、本通知自…起施行,有效期至…,具体由…负责解释 with no 。: it had been read as the heading of the signature
    text = ("四、申请程序。购房人向区住房城乡建设局提交申请。\n"
            "五、本通知自2023年3月10日起施行，有效期至2023年12月31日，具体由区住房城乡建设局负责解释\n"
            "历城区人民政府办公室\n2023年3月6日")
    from zhengce.nlp.extract import extract_text
    ms = extract_text(text)
    last = next(m for m in ms if m.text.startswith("五、"))
    assert last.kind != "heading"
    assert [(d.kind, d.date) for d in last.deadlines] == [("from", "2023-03-10"), ("until", "2023-12-31")]


def test_an_addressee_line_that_lost_its_colon_names_no_unit():
    from zhengce.nlp.units import document_units
    text = ("关于进一步促进住房消费的通知\n各街道办事处，区政府各部门\n为进一步提振住房消费信心,现就有关事项通知如下\n"
            "一、对首次购房的给予补贴,由区住建局负责审核。\n")
    # (who is charged with the review certifies: round 24, as the readers of all three gold sets mark it)
    assert [(u.name, u.role) for u in document_units(text, [])] == [("区住建局", "certifier")]


def test_more_leading_groups_and_levels():
    assert units("经市就业创业工作领导小组办公室审核认定,现予以公布。") == [("市就业创业工作领导小组办公室", "certifier")]
    assert units("请各地级以上市科技局做好推荐工作。") == [("各地级以上市科技局", "administrator")]
    assert units("旗民政局牵头负责方案实施,各苏木镇负责日常管理。") == [("旗民政局", "lead"), ("各苏木镇", "administrator")]


def test_a_benefit_paid_for_at_most_a_length_is_a_duration():
    from zhengce.nlp.deadlines import find_durations
    assert [(d.text, d.duration) for d in find_durations("租房补贴按月发放,累计发放不超过36个月。")] == \
        [("累计发放不超过36个月", "P36M")]


def test_a_next_step_that_is_a_target_is_a_goal():
    text = "对新认定的众创空间给予10万元奖励。下一步,湄潭将力争到2025年底建成省级创业孵化示范基地2个。"
    assert [m.kind for m in split_measures(text)] == ["measure", "goal"]


# ---------------------------------------------------------------- signatures

def test_joint_issuers_one_a_line_are_one_signature():
    text = "一、对新认定的孵化器给予奖励。\n二、对新认定的众创空间给予一次性奖励。\n附件:\n虹口区科学技术委员会\n虹口区发展和改革委员会\n虹口区财政局\n"
    got = [(m.kind, m.text) for m in split_measures(text)]
    assert got[-1] == ("signature", "虹口区科学技术委员会\n虹口区发展和改革委员会\n虹口区财政局")
    text = "对新认定的孵化器给予奖励。\n上海市商务委员会 上海市财政局 2021年8月2日"
    assert split_measures(text)[-1].kind == "signature"


def test_the_last_items_line_over_the_signature_is_the_item():
    text = "一、对新认定的孵化器给予奖励。\n南宁市科学技术局\n2023年3月1日"
    assert [m.kind for m in split_measures(text)] == ["measure", "signature"]
