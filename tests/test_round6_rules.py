"""Rules added in round 6: tables of provisions written with | between cells, as html-to-text tools and
scrapers leave them (the cases are written here from the spec, not copied from gold pages)."""
from __future__ import annotations

from zhengce.nlp.deadlines import find_deadlines
from zhengce.nlp.extract import extract_text

POLICY_LIST = (
    "某某区惠企政策清单（2025年版）\n"
    "序号 | 政策名称 | 政策内容 | 适用对象 | 责任单位 | 联系电话 |\n"
    "1 | 首次升规奖励 | 对首次纳入规模以上统计的工业企业，一次性奖励10万元 | 工业企业 | 区工信局 | 0771-1234567 |\n"
    "2 | 人才住房保障 | 引进的高层次人才可申请入住人才公寓 | 高层次人才 | 区人社局 | 0771-7654321 |\n"
    "3 | 用地保障 | 对重大产业项目实行“标准地”出让，实现拿地即开工 | 产业项目 | 区自然资源分局 | 0771-2223333 |\n")

TASKS = (
    "序号 | 具体举措 | 责任部门 | 时间安排 |\n"
    "1 | 优先保障民营企业重点项目用地需求，实行用地指标单列 | 市自然资源局 | 2025年12月底前 |\n"
    "2 | 建立民营企业诉求快速响应机制，限时办结 | 市营商环境局 | 2025年6月30日前 |\n"
    "3 | 落实研发费用加计扣除政策 | 市税务局 | 持续推进 |\n")

MARKDOWN = (
    "| 政策条款 | 主管部门 | 政策依据 |\n"
    "| --- | --- | --- |\n"
    "| 支持企业开展技术改造，按设备投资额的10%给予补助 | 市工信局 | 《关于推动技术改造的若干意见》 |\n"
    "| 鼓励企业建设研发机构，认定为省级工程技术研究中心的给予奖励 | 市科技局 | 《某某市科技创新条例》 |\n"
    "| 推行惠企政策“免申即享”，通过数据比对主动兑现 | 市营商环境局 | 市政府第12次常务会议纪要 |\n")


def rows(text: str):
    return [(m.kind, m.text.split("|")[1 if m.text.startswith("|") else 0].strip(), [u.text for u in m.units])
            for m in extract_text(text) if "|" in m.text]


def test_rows_of_even_width_are_no_hard_wrapped_paragraph():
    # the rows are about as wide as each other: the unwrapper once joined them into one paragraph
    got = rows(POLICY_LIST)
    assert [k for k, _, _ in got] == ["other", "measure", "measure", "measure"]
    assert [n for _, n, _ in got][1:] == ["1", "2", "3"]


def test_a_body_in_the_responsible_column_of_a_stating_row_is_a_unit_though_the_row_gives_a_phone():
    got = rows(POLICY_LIST)
    assert [u for _, _, u in got][1:] == [["区工信局"], ["区人社局"], ["区自然资源分局"]]


def test_a_contact_row_of_a_table_still_gives_no_unit():
    text = "事项 | 单位 | 电话 |\n咨询电话 | 区工信局 | 0771-1234567 |\n"
    assert all(not m.units for m in extract_text(text))


def test_a_task_table_headed_举措_and_责任部门_gives_one_provision_per_row_with_or_without_a_comma():
    got = rows(TASKS)
    assert [k for k, _, _ in got] == ["other", "measure", "measure", "measure"]
    assert got[3][2] == ["市税务局"]          # was merged into row 2, its bureau with it


def test_a_markdown_table_header_is_no_heading_and_its_rule_row_does_not_cut_header_from_rows():
    got = rows(MARKDOWN)
    assert [k for k, _, _ in got] == ["other", "measure", "measure", "measure"]
    assert [u for _, _, u in got][1:] == [["市工信局"], ["市科技局"], ["市营商环境局"]]


def test_a_name_list_table_stays_one_record():
    text = ("公示名单如下：\n序号 | 姓名 | 创业实体 | 补贴金额 |\n1 | 张* | 某某面馆 | 5000元 |\n"
            "2 | 李** | 某某汽车美容店 | 5000元 |\n3 | 王* | 某某书吧 | 5000元 |\n")
    ms = extract_text(text)
    assert [m.kind for m in ms] == ["other"] and "书吧" in ms[0].text


def test_a_numeric_day_in_an_application_time_column_is_a_deadline():
    text = ("序号 | 事项 | 支持标准 | 申报时间 | 责任单位 |\n"
            "1 | 创业担保贷款 | 个人不超过30万元 | 2025.6.30 | 县人社局 |\n")
    assert [(d.text, d.date) for d in find_deadlines(text)] == [("2025.6.30", "2025-06-30")]


def test_a_numeric_day_in_an_info_table_is_no_deadline():
    assert find_deadlines("发布日期 | 2023-12-31 |\n序号 | 事项 | 责任单位 |") == []


# --- provisions run together with commas (pages whose punctuation was garbled, national news prose)

def kinds_of(text: str):
    return [(m.kind, m.text[:12]) for m in extract_text(text)]


def test_a_numbered_duty_after_a_comma_is_a_provision_not_a_contents_line():
    got = kinds_of("各县区人社局,为做好稳岗工作,现通知如下,1.对不裁员的企业返还失业保险费的60%,"
                   "2.对吸纳就业的企业给予每人1000元补贴,3.由市人社局负责审核,4.申报截止时间为2024年6月30日")
    assert [k for k, t in got if t.startswith("3.")] == ["measure"]


def test_a_short_numbered_item_with_an_amount_is_a_provision():
    got = kinds_of("二、贷款支持,（一）个人创业担保贷款最高30万元,（二）小微企业最高300万元,三、本通知自2024年1月1日起施行")
    assert [k for k, t in got if t.startswith("（二）")] == ["measure"]
    assert kinds_of("目录\n1、总则\n")[-1][0] == "other"        # a contents line stays other


NEWS = ("记者从人力资源社会保障部获悉,人社部、财政部、税务总局近日联合印发通知,延续实施阶段性降低失业保险费率政策至2025年底,"
        "企业招用毕业年度高校毕业生并签订1年以上劳动合同的,可按每人1500元给予一次性扩岗补助,"
        "对不裁员或少裁员的参保企业,大型企业按30%、中小微企业按60%返还上年度实际缴纳失业保险费。")


def test_news_of_a_notice_issued_then_three_provisions_gives_three_measures():
    got = kinds_of(NEWS)
    assert [k for k, _ in got] == ["news", "measure", "measure", "measure"]
    assert [t[:4] for _, t in got[1:]] == ["延续实施", "企业招用", "对不裁员"]


def test_a_case_clause_after_a_subject_lead_stays_in_its_provision():
    got = kinds_of("对符合条件的小微企业,企业招用高校毕业生的,可按每人1000元给予补贴。")
    assert [k for k, _ in got] == ["measure"]


def test_a_cap_written_不超过_is_no_target():
    got = kinds_of("一、减税。\n二是对小微企业年应纳税所得额不超过100万元的部分减按25%计入应纳税所得额。")
    assert got[-1][0] == "measure"


# --- from the tune halves of batch 8 (cases rewritten here in the same shapes)

def test_a_numbered_item_whose_body_is_a_table_heads_it_and_each_row_is_read():
    text = ("二、重点任务分工。各项任务分工见下表。\n序号 | 工作措施 | 牵头单位 | 配合单位 | 完成时限\n"
            "1 | 全面推行企业开办“一网通办”，实现全流程1个工作日内办结 | 省市场监管局 | 省公安厅 | 2025年6月底前\n"
            "2 | 建立涉企收费目录清单制度，全面清理规范涉企违规收费 | 省发展改革委 | 省财政厅 | 长期坚持\n"
            "三、保障措施\n（一）各牵头单位要细化工作举措。")
    got = kinds_of(text)
    assert got[0][0] == "heading" and got[0][1].startswith("二、重点任务分工")
    assert [k for k, t in got if t[:1] in "12"] == ["measure", "measure"]


def test_a_long_cell_does_not_cut_a_row_of_a_table_in_two():
    text = ("补贴项目 | 补贴对象 | 补贴标准 | 经办机构 |\n"
            "社会保险补贴 | 招用就业困难人员并为其缴纳社会保险费的用人单位 | 按单位实际缴纳的基本养老、基本医疗和失业保险费给予补贴，"
            "补贴期限最长不超过3年 | 县市区人社局 |\n"
            "一次性创业补贴 | 首次创办小微企业的高校毕业生 | 5000元 | 县市区人社局 |\n")
    got = kinds_of(text)
    assert [k for k, _ in got] == ["other", "measure", "measure"]


def test_a_reply_closing_asking_to_get_in_touch_and_a_bracketed_contact_are_no_provisions():
    got = kinds_of("一、对企业给予补贴。\n以上答复意见，如有不同意见，请及时与我局联系。感谢您的关心和支持。\n"
                   "（联系单位：省医保局待遇保障处 联系电话：029-8916****）")
    assert {k for k, _ in got[1:]} == {"other"}


def test_a_field_line_that_states_a_duty_is_a_provision_with_its_body():
    text = "一、申报受理\n受理单位：企业注册地所在区县（市）商务主管部门，负责申报材料的受理和初审。\n咨询单位：市外贸服务中心"
    ms = extract_text(text)
    duty = next(m for m in ms if m.text.startswith("受理单位"))
    assert duty.kind != "other" and [(u.text, u.role) for u in duty.units] == [("区县（市）商务主管部门", "receiver")]
    assert next(m for m in ms if m.text.startswith("咨询单位")).kind == "other"


def test_a_township_finance_office_is_one_body():
    from zhengce.nlp.units import find_units
    assert [u.text for u in find_units("由各镇（街道）财政所负责初审。")] == ["镇（街道）财政所"]
    assert [u.text for u in find_units("市财政给予补贴。")] == ["市财政"]


def test_an_addressee_line_naming_a_development_zone_gives_no_unit():
    text = ("各区县（市）商务主管部门，郑州航空港经济综合实验区经济发展局，各有关企业：\n"
            "一、对企业参加境外展会的，给予展位费50%的补助。")
    assert all(not m.units for m in extract_text(text))


def test_another_case_with_its_own_amount_and_a_body_paying_after_a_semicolon_start_provisions():
    got = kinds_of("一、符合条件的个人创业者可申请最高30万元创业担保贷款，合伙创业的可按每人不超过30万元申请。\n"
                   "二、按实际缴纳保费的50%给予补助，单个企业最高补助50万元；小微企业统保平台保费由市财政全额承担。")
    assert [t[:4] for k, t in got if k == "measure"] == ["一、符合", "合伙创业", "二、按实", "小微企业"]


def test_an_item_line_that_closes_a_grant_sentence_is_no_title_when_the_next_items_number_was_lost():
    got = kinds_of("一、对新引进的博士给予10万元安家补贴。\n对新认定的技能大师工作室给予5万元资助。\n三、由市人社局负责人才服务。")
    assert [k for k, _ in got] == ["measure", "measure", "measure"]
    # a short title with a full stop still heads its paragraph
    assert kinds_of("（二）积极推广众包。\n对众包平台给予10万元奖励。")[0][0] == "heading"


# --- from the tune half of batch 9's national pages (cases rewritten here)

def test_a_dated_duty_after_a_validity_clause_is_a_provision():
    got = kinds_of("五、本通知所列政策执行至2025年12月31日。各地要于2025年6月30日前完成上年度稳岗返还资金发放工作。")
    assert [k for k, _ in got] == ["other", "measure"]


def test_the_localities_taking_the_next_duty_after_a_comma_start_a_provision():
    got = kinds_of("四、稳岗返还、一次性扩岗补助所需资金从失业保险基金中列支，各地要加强基金运行分析，确保基金可持续。")
    assert [t[:4] for k, t in got if k == "measure"] == ["四、稳岗", "各地要加"]


def test_an_example_is_no_provision_of_its_own():
    got = kinds_of("一、对在珠三角九市工作的境外人才，按内地与香港个人所得税税负差额给予补贴。举个例子：某工程师年应纳税所得额100万元，"
                   "可获得补贴约13.5万元。")
    assert [k for k, _ in got] == ["measure"]


def test_the_peoples_bank_keeps_its_full_name_and_its_list_partners():
    from zhengce.nlp.units import find_units
    got = find_units("记者从教育部获悉，教育部、财政部、中国人民银行、金融监管总局近日联合印发通知。")
    assert [u.text for u in got] == ["教育部", "财政部", "中国人民银行", "金融监管总局"]


def test_bodies_named_by_a_level_above_keep_it():
    from zhengce.nlp.units import find_units
    assert [u.text for u in find_units("县级以上人力资源社会保障部门负责审核。")] == ["县级以上人力资源社会保障部门"]


# --- from the tune half of batch 9's damaged pages (cases rewritten here)

def test_an_item_line_that_dates_the_rule_is_no_title_and_its_dates_are_read():
    ms = extract_text("十一、本措施自2024年3月1日起施行有效期至2024年12月31日由区住房和城乡建设局负责解释。\n相关附件：申请表.doc")
    first = ms[0]
    assert first.kind == "other"
    assert [(d.kind, d.date) for d in first.deadlines] == [("from", "2024-03-01"), ("until", "2024-12-31")]


def test_a_numbered_question_heads_its_answer_which_is_read_on_its_own():
    ms = extract_text("4. 有什么变化？\n与此前政策相比，本次通知延续了原有补贴机制，执行期限延长至2027年底。")
    assert [m.kind for m in ms][0] == "heading" and len(ms) == 2
    assert [d.date for d in ms[1].deadlines] == ["2027-12-31"]


def test_a_rule_in_force_from_one_day_to_another_is_one_span():
    got = find_deadlines("四、本通知自2024年1月1日起执行至2027年12月31日。")
    assert [(d.kind, d.start_date, d.end_date) for d in got] == [("span", "2024-01-01", "2027-12-31")]


def test_a_body_paying_for_a_condition_is_part_of_its_provision():
    got = kinds_of("九、对为居家老年人提供紧急呼叫和远程照护服务的，省财政厅按每个平台不超过100万元给予补助。")
    assert [k for k, _ in got] == ["measure"]


def test_a_period_clause_is_no_finished_provision_before_a_case():
    got = kinds_of("2024年3月1日至2024年12月31日期间，在本区范围内购买新建商品住房的，按契税金额的50%给予补贴。")
    assert [k for k, _ in got] == ["measure"]


def test_a_start_written_as_a_year_of_account_or_beside_its_event_is_read():
    assert [(d.kind, d.date) for d in find_deadlines("2023年度起实施。", issue_date="2023-02-01")] == [("from", "2023-01-01")]
    got = find_deadlines("本办法自公布之日（2023年3月1日）起施行。", issue_date="2023-02-01")
    assert [(d.kind, d.date) for d in got] == [("from", "2023-03-01")]


# --- probes written from the spec: tables flattened one cell per line, lines whose full stop was lost

VERTICAL = ("某某区2025年稳岗政策清单\n序号\n政策名称\n政策内容\n责任单位\n"
            "1\n稳岗返还\n对不裁员或少裁员的参保企业，按其上年度实际缴纳失业保险费的60%返还。\n区人社局\n"
            "2\n一次性扩岗补助\n对招用高校毕业生的企业，按每人1500元给予一次性扩岗补助\n区人社局\n"
            "3\n用工保障\n为重点企业提供用工对接服务，帮助解决招工难题\n区就业服务中心\n")


def test_a_table_of_provisions_one_cell_per_line_gives_a_provision_per_row_with_its_unit():
    ms = [m for m in extract_text(VERTICAL) if m.kind == "measure"]
    assert [m.text.split("\n")[0] for m in ms] == ["1", "2", "3"]
    assert [[u.text for u in m.units] for m in ms] == [["区人社局"], ["区人社局"], ["区就业服务中心"]]
    assert [a.text for a in ms[1].amounts] == ["每人1500元"]


def test_a_clause_line_without_its_full_stop_is_no_furniture():
    got = kinds_of("关于做好稳岗工作的通知\n各有关单位：\n对招用高校毕业生的企业，按每人1500元给予一次性扩岗补助\n"
                   "面向重点企业开展用工对接服务，帮助解决招工难题\n")
    assert [t[:4] for k, t in got if k == "measure"] == ["对招用高", "面向重点"]


def test_a_table_whose_rows_were_run_together_on_one_line_gives_a_row_each():
    text = ("关于印发稳岗政策清单的通知\n各有关单位：\n现将政策清单印发给你们，请遵照执行。\n"
            "序号 | 政策名称 | 政策内容 | 责任单位 | 1 | 稳岗返还 | 对不裁员的参保企业按60%返还失业保险费 | 区人社局 | "
            "2 | 扩岗补助 | 对招用高校毕业生的企业按每人1500元给予补助 | 区人社局 | 3 | 用工保障 | 为重点企业提供用工对接服务 | "
            "区就业服务中心 |\n某某区人力资源和社会保障局\n2025年3月1日")
    ms = [m for m in extract_text(text) if "|" in m.text]
    assert [m.kind for m in ms] == ["other", "measure", "measure", "measure"]
    assert [m.text[:1] for m in ms[1:]] == ["1", "2", "3"]
    assert [[u.text for u in m.units] for m in ms[1:]] == [["区人社局"], ["区人社局"], ["区就业服务中心"]]
