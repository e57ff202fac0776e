"""Rules added in round 5 (general shapes of text; the cases are written here, not copied from gold pages)."""
from __future__ import annotations

from zhengce.nlp.extract import extract_text
from zhengce.nlp.units import document_units
from zhengce.records import Region

# 东阳市 is a county-level city under 金华市: the document's own 市 is 东阳市, not its prefecture
DONGYANG = Region(province="浙江省", city="金华市", district="东阳市", level="district", code="330783")


def doc_units(text: str, region: Region | None = None, prefix: str | None = None):
    ms = extract_text(text, level_prefix=prefix)
    return document_units(text, [u for m in ms for u in m.units], level_prefix=prefix, region=region)


def test_a_bare_bureau_in_a_county_level_citys_document_is_that_citys():
    text = ("近日,东阳市财政局、民政局下发了《关于印发社会养老服务体系建设专项资金使用管理暂行办法的通知》,"
            "计划每年投放1000万元,用于养老服务财政补助。")
    full = {u.text: u.full_name for u in doc_units(text, DONGYANG, "市")}
    assert full["民政局"] == "东阳市民政局"          # was 金华市民政局: the prefecture's bureau
    assert full["东阳市财政局"] == "东阳市财政局"


def test_市X局_and_a_bare_X局_are_one_body_in_a_county_level_city():
    text = "由市民政局负责审核。\n民政局应当于每年3月底前公布补贴名单。"
    us = doc_units(text, DONGYANG, "市")
    assert len([u for u in us if "民政" in u.text]) == 1
    assert us[0].full_name == "东阳市民政局"


# --- deadlines written as what ends or what happens after the day (a probe of common notice wording)

def dl(text: str, issue: str = "2023-04-15"):
    from zhengce.nlp.deadlines import find_deadlines
    return [(d.text, d.kind, d.date) for d in find_deadlines(text, issue_date=issue)]


def test_a_window_that_ends_on_a_day_is_bounded_by_it():
    assert dl("2023年度申报工作于2023年6月30日结束。") == [("2023年6月30日", "until", "2023-06-30")]
    assert dl("申报系统将于2023年7月1日关闭。") == [("2023年7月1日", "until", "2023-07-01")]


def test_an_ending_that_is_history_or_an_attribute_is_no_bound():
    assert dl("2019年6月30日结束的试点中,共有120家企业参加。") == []
    assert dl("于2023年7月1日结束的活动不再补发。") == []


def test_no_longer_accepted_after_a_day_is_a_deadline_not_a_start():
    assert dl("2023年6月30日后不再受理。") == [("2023年6月30日", "by", "2023-06-30")]
    assert dl("2023年6月30日后,系统将不再受理申请。") == [("2023年6月30日", "by", "2023-06-30")]
    # a criterion about a date stays a start
    assert dl("2023年6月30日后注册的企业可以申请。")[0][1] == "from"


def test_a_day_named_as_the_deadline():
    assert dl("2023年6月30日为申报截止日。") == [("2023年6月30日", "by", "2023-06-30")]
    assert dl("2023年6月30日是本批次申报的截止时间。") == [("2023年6月30日", "by", "2023-06-30")]


def test_many_deadlines_in_one_text_are_each_read_once():
    text = "9月起,补贴提高。" * 2500          # the claimed-span check is a bisect now, not a scan of all
    got = dl(text)
    assert len(got) == 2500 and len({d for d in got}) == 1


# --- a page whose line breaks were lost keeps its body when its first words are chrome

def test_a_run_on_page_that_starts_with_its_former_title_keeps_its_body():
    from zhengce.ingest.document import normalize_bytes
    page = ("原标题:某县发放第一批创业补贴120余万元 日前,某县人社局发放2023年第一批创业补贴资金120.5万元,"
            "惠及创业人员241人。补贴对象为首次创业且正常经营6个月以上的高校毕业生、退役军人和返乡农民工,"
            "每人一次性补贴5000元。申请人可向户籍所在地乡镇人力资源和社会保障服务所提出申请,由县人社局审核后"
            "将补贴资金直接拨付至申请人社会保障卡。下一批申报将于2023年9月开始,请符合条件的人员及时关注。(责编:张三)")
    doc = normalize_bytes(page.encode("utf-8"), "run_on.txt")
    assert "每人一次性补贴5000元" in doc.text


def test_a_long_disclaimer_block_is_still_chrome_beside_a_body():
    from zhengce.ingest.document import normalize_bytes
    body = "对首次创业的高校毕业生给予5000元一次性补贴,由县人社局审核后发放至申请人社会保障卡。" * 6
    disclaimer = "免责声明:" + "本网站所载的文章、图片等信息仅供参考,如有侵权请联系我们删除,本站不承担任何法律责任。" * 5
    doc = normalize_bytes((body + "\n" + disclaimer).encode("utf-8"), "with_disclaimer.txt")
    assert "免责声明" not in doc.text and "一次性补贴" in doc.text


# --- a hard-wrapped page (PDF text) is read with its soft breaks taken out; items keep their text as it stands

def _hard_wrap(text: str, width: int = 35) -> str:
    out = []
    for para in text.split("\n"):
        out.extend(para[i:i + width] for i in range(0, len(para), width))
    return "\n".join(out)


def test_a_name_an_amount_and_a_duration_cut_by_a_wrapped_line_are_read():
    from zhengce.nlp.deadlines import find_durations
    from zhengce.nlp.extract import extract
    from zhengce.records import Document
    body = ("为进一步支持高校毕业生来我市创业就业,经市政府同意,现就有关事项通知如下。一、对在我市首次创办"
            "小微企业的高校毕业生,由市人力资源和社会保障局审核后给予一次性创业补贴,补贴资金由市财政局"
            "拨付,每人最高不超过30万元。二、对租用经营场地的创业者,按实际租金的50%给予租金补贴,连续补"
            "贴3年。三、市科学技术局负责对创业孵化载体开展年度绩效评价,评价结果作为奖补依据。四、本通知"
            "自印发之日起施行,由市人力资源和社会保障局负责解释。各区县人民政府要加强组织领导,确保落实。")
    text = _hard_wrap(body)
    cut = text.replace("\n", "|")     # the wrap cuts a name, a cap and a duration
    assert all(s not in cut for s in ("市人力资源和社会保障局审核", "最高不超过30万元", "连续补贴3年"))
    ex = extract(Document(source="wrapped.txt", text=text, original_text=text))
    names = {u.name for u in ex.units}
    assert {"市人力资源和社会保障局", "市财政局", "市科学技术局"} <= names
    for u in ex.units:
        assert text[u.start:u.end] == u.text                     # spans of the text as it stands
    caps = [a for m in ex.measures for a in m.amounts if a.kind == "cap"]
    assert [a.value_yuan for a in caps] == [300000.0] and text[caps[0].start:caps[0].end] == caps[0].text
    assert [d.duration for d in ex.durations] == ["P3Y"]
    clean = find_durations(text.replace("\n", ""))          # the same span as on the unwrapped page
    assert ex.durations[0].text.replace("\n", "") == clean[0].text and "\n" in ex.durations[0].text


# --- news of a document's issue, then its content in the same sentence (spec: one measure per clause that
# starts a provision; the report itself is news)

def starts(text: str, kind: str = "measure") -> list[str]:
    return [text[m.start:m.end].strip()[:8] for m in extract_text(text) if m.kind == kind]


def test_the_clause_after_a_reported_document_starts_its_provision():
    text = ("记者从市民政局获悉,近日,市财政局、市民政局联合下发了《养老服务补贴资金管理办法》,计划每年安排资金800万元,"
            "用于居家养老服务补贴。")
    assert starts(text) == ["计划每年安排资金"]
    text = ("日前,区政府出台《促进文化旅游业发展暂行办法》(以下简称《办法》),设立文化旅游发展专项资金,"
            "对新评定的国家4A级景区一次性奖励50万元。")
    assert starts(text)[:1] == ["设立文化旅游发展"]


def test_a_reported_document_with_no_provision_after_it_stays_news():
    text = "近日,市人社局印发了《关于做好2024年高校毕业生就业工作的通知》,全市各级人社部门高度重视,迅速行动。"
    assert starts(text) == []


# --- inside a provision item, after a comma: another beneficiary with its own grant, or the next step taken
# by a body of its own, starts a provision (dev2 readers cut there; spec: procedural provisions are measures)

def test_another_beneficiary_with_its_own_amount_starts_a_provision():
    text = "三、支持研发基地建设\n新设基地一次性给予10万元奖励,研发人员可获得5-20万元补助。"
    assert [s[:4] for s in starts(text)] == ["新设基地", "研发人员"]


def test_the_next_step_by_another_body_starts_a_provision():
    text = "二、申报程序\n企业向所在县区商务主管部门提交申报材料,市商务局对申报材料进行审核,审核结果在市政府网站公示。"
    assert [s[:4] for s in starts(text)] == ["企业向所", "市商务局"]


def test_a_step_assigned_with_由_stays_in_its_provision():
    text = "二、资金拨付\n对认定的示范企业给予20万元奖励,由市财政局统一拨付。"
    assert [s[:4] for s in starts(text)] == ["对认定的"]


# --- a WeChat post: emoji before its item markers, sentences broken into phrase lines

WECHAT = """为深入实施人才强县战略
加快建设区域人才高地
近日，县委办公室、县政府办公室
印发《关于加快集聚创新创业人才的若干措施》
真金白银引人才

🌟第一条 安家补贴
对新引进到我县企事业单位全职工作的
博士研究生、正高级职称人才，分别给予
30万元、20万元安家补贴，分3年发放。

🌟第二条 生活补贴
对新引进的全日制本科毕业生
在县内企业就业并签订3年以上劳动合同的
每人每月给予800元生活补贴
最长发放3年。

🌟第三条 人才安居
人才可申请入住县人才公寓
前3年免收租金；
未入住人才公寓的
按每月1000元标准给予租房补贴。
"""


def test_an_emoji_before_a_marker_leaves_it_a_heading():
    ms = extract_text(WECHAT)
    heads = [WECHAT[m.start:m.end].strip() for m in ms if m.kind == "heading"]
    assert heads == ["第一条 安家补贴", "第二条 生活补贴", "第三条 人才安居"]     # no 🌟 item of its own


def test_phrase_lines_of_a_post_are_read_as_their_sentences():
    got = starts(WECHAT)
    assert got == ["对新引进到我县企", "对新引进的全日制", "人才可申请入住县", "未入住人才公寓的"]
    amounts = [a.value_yuan for m in extract_text(WECHAT) for a in m.amounts]
    assert amounts == [300000.0, 200000.0, 800.0, 1000.0]


def test_a_page_of_short_lines_that_end_their_sentences_is_not_joined():
    from zhengce.nlp.measures import unwrap
    page = "\n".join(["关于做好补贴发放工作的通知", "各乡镇人民政府：", "现将有关事项通知如下。",
                      "一、补贴对象为本县户籍农户。", "二、补贴标准为每亩120元。", "三、请于6月30日前完成发放。",
                      "四、各乡镇要加强宣传。", "五、县财政局负责资金拨付。", "县农业农村局", "2024年5月6日"])
    assert unwrap(page) == (page, None)


# --- a press conference's speaker tags and a policy list's administrative fields

def test_a_speakers_tag_is_no_part_of_the_provision_they_state():
    text = ("【主持人】下面请市财政局韦**科长介绍资金保障情况。\n"
            "【韦**】市财政今年安排养老服务补贴资金1.2亿元，资金由市、县（区）按现行财政体制分担。\n"
            "【记者】请问老年人怎么申请这些补贴？\n"
            "【黄**】符合条件的老年人可向户籍所在地乡镇人民政府提出申请，由县民政局审核。")
    assert starts(text) == ["市财政今年安排养", "符合条件的老年人"]


def test_a_row_of_bracketed_fields_and_a_media_placeholder_keep_their_tags():
    text = "【发文字号】穗科创规字[2018]6号 【发布部门】广州市科技创新委员会 【实施日期】2018.09.05\n【图片】一张图读懂十条措施"
    assert starts(text) == []


def test_administrative_fields_of_a_policy_item_are_no_provisions():
    text = ("一、创业担保贷款\n符合条件的个人创业者可申请最高30万元创业担保贷款，财政给予贴息。\n"
            "经办部门：区就业和人才中心、区财政局\n政策依据：渝财规〔2023〕4号\n"
            "二、一次性吸纳就业补贴\n对吸纳登记失业人员就业的企业，按每人1500元给予一次性吸纳就业补贴。\n"
            "经办部门：区就业和人才中心\n咨询电话：023-6781****")
    assert starts(text) == ["符合条件的个人创", "对吸纳登记失业人"]
    us = {(u.name, u.role) for m in extract_text(text) for u in m.units}
    assert ("区就业和人才中心", "administrator") in us or any(n == "区就业和人才中心" for n, _ in us)


# --- unit names and roles (batch 7 tune half)

def unit_list(text: str, prefix: str = "市"):
    from zhengce.nlp.units import find_units
    return [(u.name, u.role) for u in find_units(text, 0, len(text), level_prefix=prefix)]


def test_an_items_number_is_no_part_of_the_body_that_opens_it():
    got = unit_list("（四）市工信局委托第三方机构开展专项审计，会同市财政局研究确定拟支持项目。")
    assert got[0] == ("市工信局", "administrator") and ("市财政局", "co") in got


def test_a_bureaus_district_branch_is_one_body_after_会同_too():
    names = [n for n, _ in unit_list("区就业服务中心会同市社会保险基金管理局南海分局进行参保数据比对复核。", "区")]
    assert "市社会保险基金管理局南海分局" in names and "市社会" not in names


def test_arranging_school_places_is_no_funding():
    assert unit_list("高层次人才子女申请就读县内公办学校的，由县教育和体育局统筹安排。", "县") == [("县教育和体育局", "administrator")]
    assert unit_list("所需资金由县财政统筹安排。", "县")[0][1] == "funder"


# --- a rate whose 元 was lost; 学年内 and 同一年度内 are no dates or lengths

def test_a_paid_rate_that_lost_its_yuan_is_kept_flagged_and_unvalued():
    from zhengce.nlp.amounts import find_amounts
    got = [(a.text, a.value_yuan, a.unit_missing, a.raw_value) for a in find_amounts("生育第三个孩子的，每孩每年发放5000，直至孩子3周岁。")]
    assert got == [("5000", None, True, 5000.0)]
    assert [a.raw_value for a in find_amounts("按每人每月600标准发放。")] == [600.0]
    assert find_amounts("全市每年培训500，覆盖各乡镇。") == []          # no paying word: maybe a count


def test_a_school_year_and_a_same_year_rule_are_no_deadline_nor_duration():
    assert dl("对毕业学年内有就业创业意愿的高校毕业生给予补贴。") == []
    assert dl("同一人员在同一年度内不重复享受以工代训补贴。") == []
    assert dl("年底前完成验收。", "2024-03-01") == [("年底前", "by", "2024-12-31")]
