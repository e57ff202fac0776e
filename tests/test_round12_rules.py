"""Rules added in round 12. Cases are written here from the spec (what a period or a deadline is, who counts
as a responsible unit), not copied from gold pages."""
from __future__ import annotations

from zhengce.nlp.deadlines import find_deadlines
from zhengce.nlp.units import body_name, find_units
from zhengce.pipeline import process_bytes

LEAD = ("关于印发某某产业发展扶持办法的通知\n为推动产业高质量发展,结合我市实际,制定本办法。"
        "本办法适用于在本市注册的企业和个人。\n一、支持措施\n")


def units_of(body: str) -> list[tuple[str, str]]:
    ex = process_bytes((LEAD + body + "\n").encode(), "probe.txt")
    return [(u.name, u.role) for u in ex.units]


def dates(text: str, issue: str = "2024-03-08") -> list[tuple]:
    return [(d.text, d.kind, d.date or (d.start_date, d.end_date)) for d in find_deadlines(text, issue_date=issue)]


# ------------------------------------------------------------------ dates

def test_a_date_alone_in_a_table_flattened_one_cell_per_line_is_the_tasks_deadline():
    text = ("三、任务分工\n序号\n工作任务\n牵头单位\n配合单位\n完成时限\n"
            "1\n制定人才引进办法\n县委组织部\n县人社局\n6月底前\n"
            "2\n兑现安家补贴\n县财政局\n县人社局\n2024年9月30日\n")
    assert ("2024年9月30日", "by", "2024-09-30") in dates(text)


def test_a_full_day_in_another_column_of_such_a_table_is_no_deadline():
    text = ("序号\n工作任务\n启动时间\n牵头单位\n完成时限\n"
            "1\n兑现安家补贴\n2024年3月1日\n县财政局\n年底前\n")
    assert not [d for d in dates(text) if d[0] == "2024年3月1日"]


def test_a_period_in_dotted_days_with_the_year_of_its_end_left_out():
    assert dates("区级复核:2024.5.1—5.31,区农业农村局组织验收。") == \
        [("2024.5.1—5.31", "span", ("2024-05-01", "2024-05-31"))]


def test_part_of_a_month_in_a_schedule_is_a_period_of_the_documents_year():
    assert dates("复核结果于6月上旬在区政府门户网站公示。") == [("6月上旬", "span", ("2024-06-01", "2024-06-10"))]
    assert dates("5月中下旬,县科技局对申报材料进行形式审查。") == [("5月中下旬", "span", ("2024-05-11", "2024-05-31"))]
    assert dates("明年3月下旬组织评审。")[0][2] == ("2025-03-21", "2025-03-31")
    # a report of what was done then is no period of the policy
    assert dates("去年6月上旬,全市已发放补贴300万元。") == []
    # a part of a month that ends a duty stays a deadline (the older rule)
    assert dates("2024年6月上旬完成公示。")[0][1] == "by"


def test_a_masked_count_before_nian_nei_is_no_deadline():
    # 追回资金,*年内不得再次申请: the scrape masked the count; 年内 is no "within this year"
    assert dates("对弄虚作假的,追回资金,*年内不得再次申请。") == []
    assert dates("请于年内完成验收。")[0][1] == "by"


def test_the_day_applications_open_is_a_start():
    assert dates("2024年度研发投入后补助于7月15日正式启动申报。", "2024-07-03") == \
        [("7月15日", "from", "2024-07-15")]


# ------------------------------------------------------------------ units

def test_a_township_station_is_a_body_and_a_clause_verb_never_ends_a_name():
    got = [(u.name, u.role) for u in find_units(
        "区农业农村局会同区财政局、区畜牧兽医站组成联合验收组,对初审合格的项目进行复核验收。")]
    assert ("区畜牧兽医站", "co") in got and not [n for n, _ in got if "组成" in n]


def test_he_xian_and_hui_tong_after_a_noun_are_a_conjunction_and_a_verb():
    assert [u.name for u in find_units("审核结果在县政府门户网站和县残联公示栏公示。")] == ["县残联"]
    assert [u.name for u in find_units("对挪用资金的,县科技局将会同县财政局收回已拨资金。")] == ["县科技局", "县财政局"]
    # the counties themselves, after their province or city
    assert [u.name for u in find_units("由湖南省会同县科技局负责。")] == ["湖南省会同县科技局"]
    assert [u.name for u in find_units("经安徽省和县科技局认定。")] == ["安徽省和县科技局"]


def test_a_second_you_starts_a_second_body():
    got = [u.name for u in find_units("无异议后由县财政局拨付资金其中乡村旅游类项目由县文化和旅游局负责验收")]
    assert got == ["县财政局", "县文化和旅游局"]


def test_party_offices_and_the_government_inspection_office_are_read_whole():
    assert [u.name for u in find_units("县委老干部局组织离退休专家开展志愿服务。")] == ["县委老干部局"]
    assert [u.name for u in find_units("旗政府督查室负责跟踪督办。")] == ["旗政府督查室"]


def test_an_unnamed_town_government_written_without_renmin():
    assert ("镇政府(街道办事处)", "receiver") in [(u.name, u.role) for u in find_units(
        "申报主体于10月31日前向所在镇政府(街道办事处)提交申请。")]


def test_a_locative_before_a_body_is_not_part_of_its_name():
    assert body_name("所属县市区商务主管部门") == "县市区商务主管部门"
    assert body_name("所在地人社部门") == "人社部门"
    assert body_name("所在县") == "所在县"
    assert body_name("市市场监管局(知识产权局)") == "市市场监管局(知识产权局)"   # the second name stays


# ------------------------------------------------------------------ measures

def test_an_ordinal_with_its_comma_titles_the_provision_after_it():
    # 第一,实施…补助。对…给予…: like 一是 / (一), the short title stays with the provision it heads
    from zhengce.nlp.extract import extract_text
    text = ("关于支持研发的若干政策\n第一，实施研发投入后补助。对上年度研发费用超过500万元的企业，按增量部分的10%给予奖补。"
            "对首次开展研发活动的企业，给予一次性奖励5万元。\n第二，鼓励高新技术企业培育。对首次通过认定的国家高新技术企业，奖励20万元。")
    heads = [(m.kind, text[m.start:m.start + 6]) for m in extract_text(text) if m.kind == "measure"]
    assert heads == [("measure", "第一，实施研"), ("measure", "对首次开展研"), ("measure", "第二，鼓励高")]


def test_a_traineeship_or_study_period_is_a_duration():
    from zhengce.nlp.deadlines import find_durations
    assert [d.text for d in find_durations("见习期3至12个月,见习期间由县财政给予生活补助。")] == ["见习期3至12个月"]
    assert [d.text for d in find_durations("赴对口帮扶地区跟岗学习,学习期一般为3个月。")] == ["学习期一般为3个月"]


def test_a_table_row_whose_cells_a_scrape_put_one_per_line_is_one_row():
    from zhengce.nlp.extract import extract_text
    from zhengce.nlp.tables import piped_view
    text = ("一、补助标准\n序号 | 项目类别 | 补助对象 | 补助标准 | 补助上限 | 责任单位\n"
            "1 | 新型储能 | 装机容量1兆瓦时以上的储能项目 | 按投资额的8%给予补助 | 最高200万元 | 市发改局\n"
            "2 | 绿色工厂\n国家级绿色工厂\n一次性奖励50万元\n—\n市工信局\n"
            "3 | 清洁生产审核 | 通过审核验收的企业 | 按审核费用的50%给予补助 | 每家最高5万元 | 市生态环境局\n")
    view = piped_view(text)
    assert len(view) == len(text) and "2 | 绿色工厂|国家级绿色工厂|一次性奖励50万元|—|市工信局\n" in view
    rows = [text[m.start:m.start + 6] for m in extract_text(text) if m.kind == "measure"]
    assert rows == ["1 | 新型", "2 | 绿色", "3 | 清洁"]
    # lines that are not the missing cells (a prose paragraph after a short row) stay lines
    prose = "序号 | 项目 | 标准 | 单位\n1 | 绿色工厂\n对新认定的国家级绿色工厂，给予一次性奖励50万元，由市工信局负责兑现。\n"
    assert piped_view(prose) == prose


def test_no_body_name_holds_a_particle_a_speech_verb_or_an_officials_title():
    # found on real news pages (../shared/html-dev), which no gold covers: 表示会配合 read as a body 表示会,
    # 听取了财政部部长…代表国务院 as one name ending in 院, 党委宣传部门 cut to 委宣传部
    assert find_units("当时给小花检查的医院医生,表示会配合调查组工作,不便接受采访。") == []
    assert find_units("会议听取了财政部部长金人庆代表国务院对议案的说明。") == []
    assert [u.name for u in find_units("各级党组织特别是党委宣传部门,要组织开展宣传教育。")] == []
    assert [u.name for u in find_units("由市委宣传部负责组织实施。")] == ["市委宣传部"]
