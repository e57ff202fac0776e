"""Round 24: readings found with invented cases from the spec (each kept only when no tune page changed)."""
from __future__ import annotations

import pytest

from zhengce.nlp.extract import extract
from zhengce.records import Document


def _units(text: str) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in extract(Document(source="x.txt", text=text, original_text=text)).units]


@pytest.mark.parametrize("body", ["高新区管委会经发局", "东湖高新区管委会科创局", "园区管委会科工信局"])
def test_a_zone_committees_own_bureau_is_one_body(body):
    names = [n for n, _ in _units(f"符合条件的企业可向{body}提出申请，经审核后拨付资金。")]
    assert names == [body]


@pytest.mark.parametrize("body", ["经发局", "经济发展局", "自规局", "投促局", "社事局", "文体旅局", "教体局", "农林水局"])
def test_county_and_zone_portfolios_are_read_without_a_level_word(body):
    # development zones and merged county bureaus: 经发局 (经济发展局), 自规局, 投促局, 社事局 ...
    assert [n for n, _ in _units(f"企业向{body}提出申请，审核通过后予以补贴。")] == [body]


def _find(text: str) -> list[tuple[str, str]]:
    from zhengce.nlp.units import find_units
    return [(u.name, u.role) for u in find_units(text)]


@pytest.mark.parametrize("text, want", [
    # an objection to a 公示 goes to the body that decides; a question or a complaint line names no unit
    ("如有异议，请在公示期内向区人力资源和社会保障局反映。", [("区人力资源和社会保障局", "receiver")]),
    ("具体事宜请向区人社局咨询。", []),
    # 申领 is an application; the body's own 所在地 holds the locative, its owner (房屋) stands before it
    ("购房人应自缴纳契税之日起1年内向房屋所在地住房和城乡建设部门申领补贴。", [("住房和城乡建设部门", "receiver")]),
    # 由 reads the applicant here (由本人向…申请), not the body
    ("给予社会保险补贴，由本人向就业地人社部门申请。", [("人社部门", "receiver")]),
    ("申请人应在入职后12个月内向所在区住房主管部门提出申请。", [("区住房主管部门", "receiver")]),
    ("请于明年1月15日前将自评报告报送市财政局，同时抄送市科技局。", [("市财政局", "receiver"), ("市科技局", "receiver")]),
    ("抄送：市委办公室，市人大常委会办公室。", []),
])
def test_who_receives_an_application_a_report_or_an_objection(text, want):
    assert _find(text) == want


@pytest.mark.parametrize("text, want", [
    ("南山区科技创新局11日发布通知，2024年度科技创新专项资金开始申报。", [("南山区科技创新局", "issuer")]),
    ("补贴资金由县交通运输局核定里程后报县财政局拨付。", [("县交通运输局", "certifier"), ("县财政局", "funder")]),
    ("补贴由区市场监管局受理，区财政局审核拨付。", [("区市场监管局", "receiver"), ("区财政局", "funder")]),
    ("区财政局审核。", [("区财政局", "certifier")]),
    ("市数据局牵头，市发展改革委、市工业和信息化局按职责分工负责。",
     [("市数据局", "lead"), ("市发展改革委", "co"), ("市工业和信息化局", "co")]),
    ("市科技局牵头。市财政局负责审核。", [("市科技局", "lead"), ("市财政局", "funder")]),
    ("县财政将继续加大投入，确保补贴资金足额兑付。", [("县财政", "funder")]),
    ("市科技局加大宣传力度。", [("市科技局", "administrator")]),
    ("12. 推进高标准农田建设，2025年6月底前完成新建高标准农田1.2万亩。——县农业农村局、县财政局、县自然资源局",
     [("县农业农村局", "co"), ("县财政局", "co"), ("县自然资源局", "co")]),
])
def test_roles_read_from_the_verb_the_list_and_the_lead_beside_them(text, want):
    assert _find(text) == want


def test_a_local_papers_masthead_and_byline_give_the_storys_day_place_and_headline():
    from zhengce.pipeline import process_bytes
    text = ("泉州晚报　2024年5月8日　第3版\n我市出台新政 支持青年人才来泉创业\n　　泉州晚报记者 陈明\n"
            "　　记者从市人社局获悉，近日，我市印发《关于支持青年人才创业的若干措施》。根据措施，对首次创业的高校毕业生，"
            "给予一次性创业补贴1万元。申请截止时间为6月30日。\n")
    doc = process_bytes(text.encode(), "story.txt").document
    assert doc.title == "我市出台新政 支持青年人才来泉创业"
    assert doc.issue_date == "2024-05-08"
    assert (doc.region.province, doc.region.city) == ("福建省", "泉州市")


@pytest.mark.parametrize("byline", ["人民日报记者 张三", "据经济日报记者报道"])
def test_a_national_papers_byline_names_no_place(byline):
    from zhengce.ingest.place_evidence import dateline_place
    assert dateline_place(byline + "\n近日，有关部门印发通知。") is None


def test_a_work_plans_task_over_its_responsibility_note_is_one_measure_with_its_units():
    from zhengce.nlp.extract import extract_text
    text = ("二、重点任务\n（一）新建居住区按照每千人口不少于10个托位的标准配套建设托育服务设施。\n"
            "责任单位：市自然资源局、市住房和城乡建设局\n（二）支持幼儿园开设托班，招收2至3岁幼儿。\n责任单位：市教育局\n"
            "三、保障措施\n")
    got = [(m.kind, m.text.split("\n")[0][:6], [u.name for u in m.units]) for m in extract_text(text)]
    assert ("measure", "（一）新建居", ["市自然资源局", "市住房和城乡建设局"]) in got
    assert ("measure", "（二）支持幼", ["市教育局"]) in got
    assert not any(first.startswith("责任单位") for _, first, _ in got)


@pytest.mark.parametrize("sentence, kind", [
    ("去年，全省共发放创业担保贷款86亿元，扶持返乡创业人员4.2万人。", "news"),
    ("2023年，全省累计发放创业担保贷款86亿元，扶持返乡创业人员4.2万人。", "news"),
    ("2024年，对新认定的省级示范园区给予100万元奖补。", "measure"),
])
def test_a_past_years_totals_are_a_record_not_a_provision(sentence, kind):
    from zhengce.nlp.extract import extract_text
    text = "省人力资源社会保障厅高度重视农民工返乡创业工作。" + sentence + "下一步，我厅将会同省财政厅加大支持力度。"
    kinds = [(m.kind, m.text[:5]) for m in extract_text(text)]
    assert (kind, sentence[:5]) in kinds, kinds


@pytest.mark.parametrize("title, want", [
    ("关于开展2024年高新技术企业认定工作的通知", "2024-06-30"),
    ("关于开展2023—2025年度认定工作的通知", None),     # a span of years names no one year
    ("关于申报2023年度科技奖补资金的通知", None),      # a subject year: such notices come out the year after
    ("关于2024、2025年高新技术企业认定工作的通知", None),
])
def test_a_dateless_documents_year_less_dates_take_the_one_year_its_title_names(title, want):
    from zhengce.pipeline import process_bytes
    text = (f"{title}\n各有关单位：\n为做好认定工作，现将有关事项通知如下。\n"
            "一、对首次认定的企业给予一次性奖励20万元。\n二、请各单位于6月30日前将申报材料报送市科技局。\n")
    ex = process_bytes(text.encode(), "notice.txt")
    assert ex.document.issue_date is None
    got = [(d.date, d.year_inferred) for m in ex.measures for d in m.deadlines if "6月30日" in d.text]
    assert got == [(want, "title_year" if want else None)]


@pytest.mark.parametrize("sentence, issue, want", [
    ("从下月起开始发放。", "2024-12-05", ("from", "2025-01-01")),
    ("从本月起，每月发放一次。", "2024-12-05", ("from", "2024-12-01")),
    ("明天起开始申报。", "2024-12-05", ("from", "2024-12-06")),
    ("从下月起开始发放。", None, ("from", None)),                    # a start all the same, its day unknown
    ("本办法自公布之日起30日后施行。", None, ("from", None)),
    ("本办法自公布之日起30日后施行。", "2024-12-05", ("from", "2025-01-04")),
])
def test_starts_the_documents_own_date_sets(sentence, issue, want):
    from zhengce.nlp.deadlines import find_deadlines
    pad = "为进一步促进消费，激发市场活力，推动经济社会高质量发展。"
    text = pad + sentence
    got = [(d.kind, d.date) for d in find_deadlines(text, issue_date=issue) if d.start >= len(pad)]
    assert got == [want]


def test_a_start_counted_from_an_event_is_no_calendar_date():
    from zhengce.nlp.deadlines import find_deadlines
    assert find_deadlines("审批通过的，自次月起发放补贴。", issue_date="2024-12-05") == []


@pytest.mark.parametrize("verb", ["完善", "提供", "组建", "开展", "强化", "推广", "公开", "支持"])
def test_a_body_acting_by_a_verb_of_its_own_programme_administers(verb):
    assert _find(f"为推进工作，市科技局{verb}相关服务。") == [("市科技局", "administrator")]


@pytest.mark.parametrize("text, want", [
    ("由省科技厅择优遴选一批项目。", [("省科技厅", "certifier")]),
    ("县科技局将加大企业科技研发投入加计扣除优惠政策宣传力度。", [("县科技局", "administrator")]),  # no funding
])
def test_selection_certifies_and_publicity_is_no_funding(text, want):
    assert _find(text) == want


@pytest.mark.parametrize("text, want", [
    ("经市科技局同意后实施。", [("市科技局", "certifier")]),
    ("区财政按规定予以奖励。", [("区财政", "funder")]),
    ("由市科技局予以认定。", [("市科技局", "certifier")]),
    ("区人社局予以受理。", [("区人社局", "receiver")]),
    ("市医保局按月结算。", [("市医保局", "funder")]),
    ("所需资金由同级财政予以保障。", [("同级财政", "funder")]),
    ("各级财政要加大投入。", []),                  # every level's finance: no body in particular
    ("经市政府同意，现印发给你们。", []),          # a general government approving only promulgates
])
def test_the_verb_after_yiyi_and_approval_decide_the_role(text, want):
    assert _find(text) == want


@pytest.mark.parametrize("body", ["县农经站", "镇农技站", "区城市管理综合执法大队", "区卫生监督所"])
def test_township_stations_and_enforcement_brigades_are_bodies(body):
    assert [n for n, _ in _find(f"由{body}负责审核。")] == [body]


@pytest.mark.parametrize("byline", ["渭南市科学技术局", "渭南市科学技术局  2024-03-05", "2024-03-05 渭南市科学技术局"])
def test_a_short_notices_title_is_not_joined_to_the_issuer_line_under_it(byline):
    # four long lines of about one width, only the title without a stop: no hard-wrapped page
    from zhengce.pipeline import process_bytes
    text = ("关于开展2024年度高新技术企业奖励申报工作的通知\n" + byline + "\n各有关单位：\n"
            "为进一步支持科技企业发展，现将有关事项通知如下。\n一、对首次认定的高新技术企业给予一次性奖励20万元。\n"
            "二、申报企业应于2024年6月30日前提交材料。\n")
    ex = process_bytes(text.encode(), "notice.txt")
    assert ("渭南市科学技术局", "issuer") in [(u.name, u.role) for u in ex.units]


def test_the_title_year_never_dates_what_hangs_on_the_issue_day():
    from zhengce.pipeline import process_bytes
    text = ("关于开展2024年高新技术企业认定工作的通知\n各有关单位：\n为做好认定工作，现将有关事项通知如下。\n"
            "一、对首次认定的企业给予一次性奖励20万元。\n二、申报时间：自即日起至6月30日。\n三、有效期至明年12月31日。\n")
    ex = process_bytes(text.encode(), "notice.txt")
    got = [(d.text, d.start_date, d.date or d.end_date, d.year_inferred) for m in ex.measures for d in m.deadlines]
    assert all(y != "title_year" for *_, y in got), got       # 即日 and 明年 need the issue day, not its subject year


@pytest.mark.parametrize("sentence", ["自审核通过的下月起发放补贴。", "从认定当月的下月起享受补贴。", "基本月起薪为3000元。"])
def test_next_month_counted_from_an_event_is_no_calendar_start(sentence):
    from zhengce.nlp.deadlines import find_deadlines
    assert find_deadlines(sentence, issue_date="2024-12-05") == []


def test_a_plans_year_with_its_total_is_no_record():
    from zhengce.nlp.extract import extract_text
    text = "为推动返乡创业，制定本方案。2026年，全省共新建返乡创业园50个，带动就业10万人。对新认定的园区给予奖补。"
    assert not any(m.kind == "news" and m.text.startswith("2026年") for m in extract_text(text))


@pytest.mark.parametrize("field, want", [
    ("发文机关：湖南省科学技术厅", [("湖南省科学技术厅", "issuer")]),     # a functional department issues it
    ("发文机关：长沙市人民政府办公厅", []),                               # a general office only promulgates
    ("发布机构：长沙市科学技术局", []),                                   # who published the page (spec: metadata)
])
def test_an_info_tables_issuing_authority_is_the_issuer_when_a_department(field, want):
    from zhengce.pipeline import process_bytes
    text = (f"主题分类：科技 | {field} | 成文日期：2023年06月21日 | 标题：关于开展高新技术企业奖励申报工作的通知\n"
            "为进一步支持科技企业发展，现将有关事项通知如下。\n一、对首次认定的高新技术企业给予一次性奖励20万元。\n")
    ex = process_bytes(text.encode(), "page.txt")
    assert [(u.name, u.role) for u in ex.units] == want


@pytest.mark.parametrize("text, role", [
    ("由市科技局负责审核。", "certifier"),          # three readers' gold: who reviews certifies
    ("市科技局负责对申报材料进行审核。", "certifier"),
    ("由市科技局组织专家评审。", "certifier"),
    ("区人社局负责受理申请。", "receiver"),
    ("市民政局负责养老机构的备案和监管。", "administrator"),
])
def test_a_responsible_bodys_first_act_gives_its_role(text, role):
    ex = extract(Document(source="x.txt", text=text, original_text=text))
    assert [u.role for u in ex.units] == [role]
