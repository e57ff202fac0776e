"""Rules added in round 18. Cases are written here from the spec (who counts as a responsible unit; how
year-less and relative deadlines resolve against the document's date), not copied from gold pages."""
from __future__ import annotations

from zhengce.nlp.deadlines import find_deadlines
from zhengce.nlp.units import find_units
from zhengce.pipeline import process_bytes


def units(s: str) -> list[tuple[str, str]]:
    return [(s[u.start:u.end], u.role) for u in find_units(s)]


def dated(s: str, issue: str | None = "2024-03-15") -> list[tuple[str, str, str | None]]:
    return [(d.text, d.kind, d.date) for d in find_deadlines(s, issue_date=issue)
            if d.kind not in ("within", "recurring")]


# ------------------------------------------------------------------ funders and governments charged with a task

def test_a_finance_body_that_matches_funds_pays():
    assert units("区级财政按1:1比例配套。") == [("区级财政", "funder")]
    assert units("县财政局按照省级补助资金1:1配套。") == [("县财政局", "funder")]


def test_a_named_government_charged_with_a_task_implements():
    # the spec counts governments that implement; one that only promulgates stays out
    assert units("青秀区人民政府负责组织实施。") == [("青秀区人民政府", "administrator")]
    assert units("吴圩镇人民政府负责组织本镇申报工作。") == [("吴圩镇人民政府", "administrator")]
    assert units("县政府牵头,县财政局配合。") == [("县政府", "lead"), ("县财政局", "co")]


def test_a_government_that_only_promulgates_stays_out():
    assert units("市人民政府印发了《关于促进就业的若干措施》。") == []
    assert units("县人民政府要高度重视,切实加强领导。") == []


# ------------------------------------------------------------------ relative deadlines

def test_next_month_and_this_quarter_resolve_against_the_issue_date():
    assert dated("各县区下月底前完成审核。") == [("下月底前", "by", "2024-04-30")]
    assert dated("各县区下月底前完成审核。", "2024-12-10") == [("下月底前", "by", "2025-01-31")]
    assert dated("本季度末完成整改。", "2024-11-03") == [("本季度末", "by", "2024-12-31")]
    assert dated("请于本月底前报送。") == [("请于本月底前", "by", "2024-03-31")]


def test_a_holiday_deadline_is_the_next_holiday_after_the_document():
    assert dated("春节前将补贴发放到位。", "2024-03-01") == [("春节前", "by", "2025-01-29")]
    assert dated("春节前将补贴发放到位。", "2024-01-05") == [("春节前", "by", "2024-02-10")]
    assert dated("国庆节前完成验收。") == [("国庆节前", "by", "2024-10-01")]
    assert dated("元旦前发放到位。", "2024-11-20") == [("元旦前", "by", "2025-01-01")]


def test_a_holiday_deadline_without_a_document_date_keeps_no_guessed_day():
    assert dated("春节前将补贴发放到位。", None) == [("春节前", "by", None)]


def test_around_a_holiday_is_no_deadline():
    assert dated("我准备五一前后买车,想问一下怎么领。") == []
    assert dated("春节前夕,市领导走访慰问困难群众。") == []
    assert dated("春节前往外地务工的人员,可申请交通补贴。") == []


# ------------------------------------------------------------------ pages that are no policy at all

SPORT = ("昨晚的比赛中，主队在主场以98比95险胜客队。上半场主队一度落后15分，下半场外援连续命中三分，"
         "帮助球队完成逆转。赛后主教练表示，球员们在防守端的专注是取胜的关键，接下来球队将前往客场连续作战。"
         "本场比赛吸引了近万名球迷到场观战，门票收入超过300万元。球队队长在采访中说，希望在季后赛中取得更好的成绩。")
PHONE = ("这款手机搭载了最新的处理器，屏幕尺寸为6.7英寸，电池容量达到5000毫安时。实际体验中，游戏帧率稳定，"
         "但长时间使用后机身发热明显。相机方面，主摄像头在夜景模式下表现出色，售价为4999元起，将于下周正式开售。"
         "不少用户在评论区留言称，续航表现是他们最关心的问题，也有用户认为价格偏高。")


def test_unrelated_news_with_amounts_is_no_policy():
    from zhengce.nlp.kinds import not_policy

    # amounts (300万元, 4999元) and words such as 提供 once kept such pages as policy
    assert not_policy(SPORT) and not_policy(PHONE)


def test_a_short_policy_excerpt_stays_a_policy_page():
    from zhengce.nlp.kinds import not_policy

    for text in ("同时满足以下四项条件即视为满足认定条件:\n(一)从事特定细分市场时间达到2年以上。\n"
                 "(二)上年度研发费用总额不低于100万元,且占营业收入总额比重不低于3%。",
                 "近日,科技部公布了2022年度国家级科技企业孵化器名单,我省3家孵化器入选,总数位居全国第12位。"
                 "下一步,省科技厅将加大对孵化器的支持力度,推动孵化载体提质增效。"):
        assert not not_policy(text)


def test_a_flagged_page_is_kept_and_marked_in_the_pipeline():
    ex = process_bytes(("球队赛后分析\n" + SPORT).encode(), "sport.txt")
    assert ex.document.not_policy is True


# ------------------------------------------------------------------ names of bodies (batch 31's tune half)

def doc_units(text: str, region=None) -> list[tuple[str, str, str | None]]:
    from zhengce.nlp.units import document_units

    return [(u.name, u.role, u.full_name)
            for u in document_units(text, find_units(text), title=text.split("\n", 1)[0], region=region)]


def test_an_invitation_or_a_source_is_no_part_of_the_name():
    invited = units("市政府新闻办举行新闻发布会,邀请市市场监管局（市知识产权局）、市财政局、赣州银行有关负责同志介绍政策。")
    assert invited == [("市市场监管局（市知识产权局）", "co"), ("市财政局", "co")]
    for text in ("邀请市市场监管局(市知识产权局)、市财政局有关负责同志介绍政策。", "据市科技局消息,补贴已发放。"):
        assert not any(name.startswith(("邀请", "据")) for name, _ in units(text))
    # whose official speaks is no act of the body (real-page readers list none)
    assert units("据区科技局负责人介绍,政策突出企业主体。") == []
    assert units("区科技局有关负责人表示,政策突出企业主体。") == []
    # a body's heads taking part in a group still put the body in it
    assert units("市委组织部、宣传部等部门负责人参加。") == [("市委组织部", "co"), ("宣传部", "co")]


def test_a_districts_department_is_named_with_its_city():
    from zhengce.records import Region

    r = Region(province="江苏省", city="常州市", district="武进区", level="district", code="320412")
    assert doc_units("关于印发补贴办法的通知\n补贴资金由区财政局拨付。", r) == [("区财政局", "funder", "常州市武进区财政局")]
    county = Region(province="贵州省", city="遵义市", district="湄潭县", level="district", code="520328")
    assert doc_units("关于印发补贴办法的通知\n补贴资金由县财政局拨付。", county) == [("县财政局", "funder", "湄潭县财政局")]


def test_a_zone_department_written_bare_is_the_zones():
    text = ("宝鸡高新区支持知识产权质押融资十条措施\n为支持区内企业用知识产权融资,制定本措施。\n"
            "一、高新区财政金融局安排1000万元设立知识产权质押融资风险补偿资金池。\n"
            "二、企业提交申请后,由高新区科技创新局会同财政金融局审核,对符合条件的企业按贷款利息的50%给予贴息。")
    ex = process_bytes(text.encode(), "zone.txt")
    assert ex.document.region.district == "宝鸡高新技术产业开发区"
    # one body each (the bare 财政金融局 had been a second unit), named with the zone once
    assert [(u.name, u.role, u.full_name) for u in ex.units] == [
        ("高新区科技创新局", "lead", "宝鸡高新技术产业开发区科技创新局"),
        ("高新区财政金融局", "funder", "宝鸡高新技术产业开发区财政金融局")]
    # a portfolio the page also writes with a level of its own stays apart
    both = "关于补贴的通知\n高新区财政局负责初审,市财政局负责拨付,财政局按季度公布。"
    assert [u[0] for u in doc_units(both)] == ["高新区财政局", "市财政局"]


# ------------------------------------------------------------------ news prose (batch 31's tune half)

NEWS_HEAD = "我区出台科创十条\n本报讯 1月8日,记者从区科技局获悉,若干政策已正式实施。\n"


def kinds_of(body: str) -> list[tuple[str, str]]:
    ex = process_bytes((NEWS_HEAD + body).encode(), "news.txt")
    t = ex.document.text
    return [(m.kind, t[m.start:m.start + 8]) for m in ex.measures][1:]


def test_a_figure_that_is_a_cases_condition_reports_nothing():
    # 研发投入达到100万元以上 reads like a statistic, but the sentence grants on it
    assert kinds_of("对首次认定的国家高新技术企业给予30万元奖励。企业年度研发投入达到100万元以上的,"
                    "按研发费用的8%给予补助,每家最高不超过100万元。")[-1] == ("measure", "企业年度研发投入")
    # a figure reported stays news
    assert kinds_of("对首次认定的国家高新技术企业给予30万元奖励。去年全区企业研发投入达到12亿元,同比增长15%。")[-1][0] == "news"


def test_corner_quotation_marks_read_as_quotes():
    from zhengce.ingest.script import t2s

    assert t2s("「科創十條」『內引』") == "“科创十条”‘内引’"
    # the speaker's frame after a quote is news; the provision after it starts a measure
    got = kinds_of("「我們還將加大對孵化載體的支持力度。」該負責人表示,新認定為市級以上科技企業孵化器的,區財政給予50萬元一次性獎勵。")
    assert got == [("news", "“我们还将加大对"), ("measure", "新认定为市级以上")]


def test_the_bodies_a_page_says_wrote_the_policy_issue_it():
    assert units("新措施由区人社局、区科技局、区财政局联合制定,将于今年7月1日起实施。") == \
        [("区人社局", "issuer"), ("区科技局", "issuer"), ("区财政局", "issuer")]
    # details to be written later: no issuer
    assert units("具体操作细则由县科技局会同县财政局另行制定。") == [("县科技局", "lead"), ("县财政局", "co")]


def test_a_papers_dateline_before_the_news_of_issue():
    for lead in ("本报讯 5月18日,", "本报讯(记者 张三 通讯员 李四)5月18日,", "赣南日报讯 近日,"):
        text = ("赣州出台楼市新政\n" + lead + "市住房和城乡建设局、市财政局、市自然资源局等六部门联合印发《若干措施》。\n"
                "《措施》明确,对购买首套新建商品住房的,给予购房款1%的补贴,最高不超过3万元。")
        ex = process_bytes(text.encode(), "news.txt")
        assert [(u.name, u.role) for u in ex.units] == [
            ("市住房和城乡建设局", "issuer"), ("市财政局", "issuer"), ("市自然资源局", "issuer")], lead


def test_a_dated_frame_between_a_body_and_its_act():
    assert units("县商务主管部门于2024年12月10日前完成初审。") == [("县商务主管部门", "certifier")]
    assert units("区财政局于每年3月31日前拨付资金。") == [("区财政局", "funder")]


def test_a_service_guides_competent_department_field():
    text = ("重庆市职业技能培训补贴政策\n补贴对象:参加职业技能培训并取得证书的劳动者。\n"
            "补贴标准:按每人1000元给予补贴;每人每年只能享受1次。\n主管部门:区人力资源和社会保障局\n")
    assert [(u.name, u.role) for u in process_bytes(text.encode(), "guide.txt").units] == \
        [("区人力资源和社会保障局", "administrator")]


def test_a_labelled_span_of_months_and_more_deadline_labels():
    assert dated("活动时间为4月至6月。") == [("4月至6月", "span", None)]
    got = find_deadlines("申报时间：4-6月。", issue_date="2024-03-15")
    assert [(d.start_date, d.end_date, d.year_inferred) for d in got] == [("2024-04-01", "2024-06-30", "issue_date")]
    assert [(d.start_date, d.end_date) for d in find_deadlines("4月—6月期间购车的给予补贴。", issue_date="2024-03-15")] == \
        [("2024-04-01", "2024-06-30")]
    # months a statistic or an age counts are no period
    for text in ("1-2月全市工业增加值增长5%。", "3-36月龄婴幼儿可申请补贴。", "补贴期限为3-6个月。"):
        assert dated(text) == [], text
    assert dated("申请截止日：6月30日。") == [("截止日：6月30日", "by", "2024-06-30")]
    got = find_deadlines("报名时间：即日起—6月30日。", issue_date="2024-03-15")
    assert [(d.kind, d.start_date, d.end_date) for d in got] == [("span", "2024-03-15", "2024-06-30")]


def test_yuanyue_is_january_and_keeps_its_text():
    got = find_deadlines("本办法自2024年元月1日起施行。", issue_date="2023-12-20")
    assert [(d.text, d.kind, d.date) for d in got] == [("自2024年元月1日起施行", "from", "2024-01-01")]
    assert dated("各县区于2025年元月底前完成验收。") == [("于2025年元月底前", "by", "2025-01-31")]
    # a sum before 月底 is no month
    assert dated("每人每月300元月底前发放。") == []


def test_a_labelled_span_of_dotted_days():
    got = find_deadlines("申报时间：10.8-10.20。", issue_date="2024-03-01")
    assert [(d.text, d.start_date, d.end_date) for d in got] == [("10.8-10.20", "2024-10-08", "2024-10-20")]
    assert [(d.start_date, d.end_date) for d in find_deadlines("活动时间为3.1至4.15。", issue_date="2024-03-01")] == \
        [("2024-03-01", "2024-04-15")]
    # amounts and versions written with dots are no dates; nor is a day a month lacks
    for text in ("补贴期限：1.5-2.5万元。", "版本号：3.1-3.2升级", "活动时间：2.30-3.5。"):
        assert find_deadlines(text, issue_date="2024-03-01") == [], text
