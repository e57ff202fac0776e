"""Stress set: date FORMS and the frames around them, in invented but realistic policy sentences.

Written from ../shared/extraction-spec.md ("Deadlines and periods") and tests/gold/dev2/FORMAT.md
*before* the extractor was run on them; none is copied from a corpus. Each case gives the sentence,
the document date the pipeline would hand over (``issue_date``, as nlp/extract.py passes it), the
dated deadlines expected and the durations expected. Scoring follows bench/score_dev2.py: a dated
deadline is any item whose kind is not ``within``/``recurring``; ``within`` items count as durations;
an item must overlap the expected text and its dates must agree. Anything extra is a failure unless
it overlaps an ``opt`` text (a reading the spec leaves open).

Expected deadline: (text, kinds or None, date | (start, end) | None, year_inferred or None)
  kinds: allowed kinds; None = not checked. date None = not checked (year unknown by design).
  year_inferred: True/False checked, None not checked.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from support import duration_problems, overlaps
from zhengce.nlp.deadlines import find_deadlines, find_durations

BY, FROM, UNTIL, SPAN = {"by"}, {"from"}, {"until"}, {"span"}
BY_UNTIL = {"by", "until"}   # 到2025年 / 至2020年底: the spec's target years; kind is not scored


@dataclass
class C:
    text: str
    issue: str | None = "2023-05-10"
    dl: list = field(default_factory=list)
    du: list = field(default_factory=list)
    opt: list = field(default_factory=list)
    xfail: str | None = None


CASES = {
    # ---------------------------------------------------------------- written forms of a full date
    "dot_date": C("申报截止日期为2023.6.1。", dl=[("2023.6.1", BY, "2023-06-01", False)]),
    "iso_date": C("请于2023-06-01前提交申报材料。", dl=[("2023-06-01", BY, "2023-06-01", False)]),
    "slash_date": C("请于2023/6/1前将材料报送区科技局。", dl=[("2023/6/1", BY, "2023-06-01", False)]),
    "compact_date": C("申报材料须于20230601前报送。", dl=[("20230601", BY, "2023-06-01", False)]),
    "han_date_from": C("本办法自二〇二三年六月一日起施行。", dl=[("二〇二三年六月一日", FROM, "2023-06-01", False)]),
    "han_date_by": C("各地须于二〇二三年十二月三十一日前完成验收。",
                     dl=[("二〇二三年十二月三十一日", BY, "2023-12-31", False)]),
    "clock_from": C("本通知自2023年6月1日0时起施行。", dl=[("2023年6月1日", FROM, "2023-06-01", False)]),
    "clock_by": C("网上申报截止时间：2023年9月30日17:00。", dl=[("2023年9月30日", BY, "2023-09-30", False)]),
    "weekday_by": C("请于2023年9月30日（星期六）前提交纸质材料。", dl=[("2023年9月30日", BY, "2023-09-30", False)]),
    "dotted_padded_span": C("申报时间：2023.06.01-2023.06.30。",
                            dl=[("2023.06.01-2023.06.30", SPAN, ("2023-06-01", "2023-06-30"), False)]),
    "incl_by": C("2023年12月20日（含）前登记注册的企业均可申请。",
                 dl=[("2023年12月20日", BY, "2023-12-20", False)]),
    "xun_by": C("各区于2023年6月上旬前完成摸底。", dl=[("2023年6月上旬", BY, "2023-06-10", False)]),
    "zero_padded_cn": C("发布日期：2023年05月08日。申报截至2023年06月30日。",
                        dl=[("2023年06月30日", BY_UNTIL, "2023-06-30", False)]),
    # ---------------------------------------------------------------- year-less and relative forms
    "month_end": C("各单位须于6月底前完成自查。", dl=[("6月底", BY, "2023-06-30", True)]),
    "year_end": C("年底前完成全部验收工作。", issue="2023-03-01", dl=[("年底前", BY, "2023-12-31", True)]),
    "year_mo": C("确保年末前全面完成改造任务。", issue="2023-03-01", dl=[("年末前", BY, "2023-12-31", True)]),
    "this_year_end": C("今年底前完成老旧小区改造100个。", issue="2023-04-01",
                       dl=[("今年底前", BY, "2023-12-31", True)]),
    "next_year_month": C("明年6月底前全面完成整改。", issue="2023-09-01",
                         dl=[("明年6月底", BY, "2024-06-30", True)]),
    "bare_day_by": C("9月30日前完成首批申报。", issue="2023-08-01", dl=[("9月30日前", BY, "2023-09-30", True)]),
    "rollover": C("请于1月15日前将报表报送市统计局。", issue="2023-12-01",
                  dl=[("1月15日", BY, "2024-01-15", True)]),
    "halves": C("上半年完成政策宣传，下半年组织评审。", issue="2023-02-01",
                dl=[("上半年", SPAN, ("2023-01-01", "2023-06-30"), True),
                    ("下半年", SPAN, ("2023-07-01", "2023-12-31"), True)]),
    "quarter_end_bare": C("一季度末前完成资金拨付。", issue="2023-01-15",
                          dl=[("一季度末", BY, "2023-03-31", True)]),
    "next_year_jan": C("次年1月底前报送上年度执行情况。", issue="2023-06-01",
                       dl=[("次年1月底前", BY, None, None)]),
    "issue_day_from": C("本通知自印发之日起施行。", dl=[("自印发之日起施行", FROM, "2023-05-10", True)]),
    "issue_day_from_doc": C("本办法自发布之日起实施。", issue="2023-02-15",
                            dl=[("自发布之日起实施", FROM, "2023-02-15", True)]),
    "today_until": C("即日起至2024年底，对新购新能源汽车给予补贴。", issue="2023-08-01",
                     dl=[("即日起至2024年底", SPAN, ("2023-08-01", "2024-12-31"), None)]),
    "within_after_issue": C("自本办法发布之日起30日内提交申请。",
                            opt=["自本办法发布之日起30日内"]),   # a duration P30D or a by-date: spec open
    # ---------------------------------------------------------------- periods
    "year_half": C("2023年下半年启动第二批申报。", dl=[("2023年下半年", SPAN, ("2023-07-01", "2023-12-31"), False)]),
    "quarter": C("2023年第一季度完成项目遴选。", issue="2022-12-20",
                 dl=[("2023年第一季度", SPAN, ("2023-01-01", "2023-03-31"), False)]),
    "quarter_end": C("2023年第三季度末前完成全部建设任务。",
                     dl=[("2023年第三季度末", BY, "2023-09-30", False)]),
    "plan_span_dash": C("2021—2025年，每年安排专项资金1亿元。", issue="2021-03-01",
                        dl=[("2021—2025年", SPAN, ("2021-01-01", "2025-12-31"), False)]),
    "plan_span_hyphen": C("实施期限为2023-2025年。", dl=[("2023-2025年", SPAN, ("2023-01-01", "2025-12-31"), False)]),
    "five_year_plan": C("“十四五”期间，全市新建保障性租赁住房2万套。", issue="2022-01-01",
                        dl=[("“十四五”期间", SPAN, ("2021-01-01", "2025-12-31"), False)]),
    "five_year_end": C("“十四五”末，全市森林覆盖率达到45%。", issue="2022-01-01",
                       dl=[("十四五”末", BY, "2025-12-31", False)]),
    "month_span_year": C("对2023年1-6月新增的规上企业给予奖励。",
                         dl=[("2023年1-6月", SPAN, ("2023-01-01", "2023-06-30"), False)]),
    "span_day_only": C("申报时间：2023年5月1日—5月31日。",
                       dl=[("2023年5月1日—5月31日", SPAN, ("2023-05-01", "2023-05-31"), False)]),
    "span_days": C("申报时间：2023年6月1日-30日。", dl=[("2023年6月1日-30日", SPAN, ("2023-06-01", "2023-06-30"), False)]),
    "span_full": C("自2023年1月1日起至2025年12月31日止，对新认定的企业给予奖励。",
                   dl=[("2023年1月1日起至2025年12月31日止", SPAN, ("2023-01-01", "2025-12-31"), False)]),
    "span_months": C("开展专项行动，时间为2023年3月至12月。",
                     dl=[("2023年3月至12月", SPAN, ("2023-03-01", "2023-12-31"), False)]),
    "span_purchase": C("2023年6月1日至2023年12月31日期间购车的消费者可申请补贴。",
                       dl=[("2023年6月1日至2023年12月31日", SPAN, ("2023-06-01", "2023-12-31"), False)]),
    "span_window": C("受理时间为2023年6月1日至6月30日（节假日除外）。",
                     dl=[("2023年6月1日至6月30日", SPAN, ("2023-06-01", "2023-06-30"), False)]),
    "span_validity": C("政策有效期为2023年1月1日至2025年12月31日。",
                       dl=[("2023年1月1日至2025年12月31日", SPAN, ("2023-01-01", "2025-12-31"), False)]),
    "span_han_months": C("试点期为2023年五月至2024年四月。",
                         dl=[("2023年五月至2024年四月", SPAN, ("2023-05-01", "2024-04-30"), False)]),
    "year_label": C("补贴期限为2023年度。", dl=[("2023年度", SPAN, ("2023-01-01", "2023-12-31"), False)]),
    "lead_year": C("2024年，继续实施小微企业房租减免政策。", issue="2024-01-10",
                   dl=[("2024年", SPAN, ("2024-01-01", "2024-12-31"), False)]),
    # ---------------------------------------------------------------- start, end, validity
    "from_then_years": C("本办法自2024年1月1日起施行，有效期3年。",
                         dl=[("2024年1月1日起施行", FROM, "2024-01-01", False)],
                         du=[("有效期3年", "P3Y")],
                         opt=["有效期3年"]),   # an until 2026-12-31 computed from it is allowed, not required
    "from_then_five": C("本意见自2023年6月1日起施行，有效期五年。",
                        dl=[("2023年6月1日起施行", FROM, "2023-06-01", False)], du=[("有效期五年", "P5Y")],
                        opt=["有效期五年"]),
    "valid_until": C("本政策有效期至2025年12月31日。", dl=[("至2025年12月31日", UNTIL, "2025-12-31", False)]),
    "from_and_until": C("本细则由市科技局负责解释，自2023年5月1日起施行，有效期至2028年4月30日。",
                        dl=[("2023年5月1日起施行", FROM, "2023-05-01", False),
                            ("至2028年4月30日", UNTIL, "2028-04-30", False)]),
    "repeal": C("本办法自2023年7月1日起施行，《某市人才引进暂行办法》（某政发〔2019〕12号）同时废止。",
                dl=[("2023年7月1日起施行", FROM, "2023-07-01", False)]),
    "exec_until": C("补贴政策执行至2024年6月30日。", dl=[("至2024年6月30日", UNTIL, "2024-06-30", False)]),
    "until_stop": C("本措施执行至2024年底止。", dl=[("至2024年底止", UNTIL, "2024-12-31", False)]),
    "month_from": C("2023年10月起，对新招用的高校毕业生给予补贴。", dl=[("2023年10月起", FROM, "2023-10-01", False)]),
    "year_from": C("自2023年起，连续3年每年安排1000万元。", issue="2023-01-05",
                   dl=[("自2023年起", FROM, "2023-01-01", False)], du=[("连续3年", "P3Y")]),
    "after_date": C("对2022年1月1日后首次认定的企业给予奖励。", dl=[("2022年1月1日后", FROM, "2022-01-01", False)]),
    "registered_before": C("2023年6月30日前注册的企业可申请。", dl=[("2023年6月30日前", BY, "2023-06-30", False)]),
    "until_future": C("截至2023年12月31日仍在有效期内的高新技术企业可申请。",
                      dl=[("2023年12月31日", BY_UNTIL, "2023-12-31", False)]),
    "deadline_stop": C("申报工作于2023年7月15日截止。", dl=[("2023年7月15日", BY, "2023-07-15", False)]),
    # ---------------------------------------------------------------- targets
    "target_year": C("到2025年，全市数字经济核心产业增加值达到1000亿元。", issue="2022-01-01",
                     dl=[("到2025年", BY_UNTIL, "2025-12-31", False)]),
    "target_year_end": C("到2027年底，建成5G基站1万个。", issue="2024-02-01",
                         dl=[("到2027年底", BY_UNTIL, "2027-12-31", False)]),
    "year_before": C("2025年前建成市级公共实训基地。", issue="2023-03-01",
                     dl=[("2025年前", BY, "2025-12-31", False)]),
    "strive_year": C("力争2025年实现5G网络全覆盖。", issue="2023-03-01",
                     dl=[("2025年", BY, "2025-12-31", False)]),
    "strive_years": C("力争用3年时间，培育10家产值超百亿元企业。", opt=["用3年时间"]),   # a plan length: spec silent
    # ---------------------------------------------------------------- table cells
    "table_cell": C("序号 | 重点任务 | 责任单位 | 完成时限\n1 | 建成智慧停车平台 | 市交通局 | 2023年12月",
                    dl=[("2023年12月", BY, "2023-12-31", False)]),
    "table_cell_end": C("2 | 出台实施细则 | 市发展改革委 | 2023年6月底前",
                        dl=[("2023年6月底前", BY, "2023-06-30", False)]),
    # ---------------------------------------------------------------- not deadlines
    "late_rejected": C("逾期不予受理。"),
    "doc_number": C("根据《关于促进科技创新的若干政策》（某府发〔2023〕5号）规定，对企业给予奖励。"),
    "doc_number_bracket": C("按照财税[2023]12号文件执行。"),
    "announcement_number": C("某市财政局2023年第5号公告"),
    "birth": C("张三，男，1985年3月出生，2010年创办某某公司。"),
    "founded": C("公司成立于2010年，注册资本1000万元。"),
    "news_dateline": C("本报讯 5月8日，市人社局召开新闻发布会，解读稳就业政策。", issue="2023-05-09"),
    "signature": C("某某市人民政府办公室\n二〇二三年五月八日"),
    "signature_arabic": C("（此件公开发布）\n2023年5月8日"),
    "pub_meta": C("发布时间：2023-05-08 10:30 来源：市政府办公室"),
    "written_date": C("成文日期：2023年5月8日"),
    "history": C("2019年，我市出台了《人才新政》。"),
    "stat_cutoff": C("截至2022年末，全市累计培育高新技术企业500家。", issue="2023-03-01"),
    "since_last_year": C("去年9月以来，我市累计发放补贴3000万元。", issue="2023-03-01"),
    "last_year_metric": C("上年度营业收入达到2000万元以上的企业。"),
    # A yearly date: this set's writer read no dated deadline here; the two writers of the genre pages
    # (tests/gold/genre) both read it for the document's year. The spec is silent; two readers of three
    # win: a ``by`` date of the document's year, year_inferred, recurrence yearly.
    "recurring_yearly": C("企业应于每年6月30日前报送年度报告。", dl=[("每年6月30日前", BY, "2023-06-30", True)]),
    "recurring_monthly": C("每月10日前报送上月统计数据。"),
    "recurring_quarter": C("每季度结束后15日内报送项目进展。", opt=["15日内"]),
    # ---------------------------------------------------------------- durations
    "loan_term": C("创业担保贷款期限不超过3年。", du=[("贷款期限不超过3年", "P3Y")]),
    "loan_term_plain": C("贷款期限1年，到期后可续贷1次。", du=[("贷款期限1年", "P1Y")]),
    "rent_free": C("入驻孵化器的企业免收3个月房租。", du=[("免收3个月", "P3M")]),
    "continuous": C("对符合条件的企业连续补贴2年。", du=[("连续补贴2年", "P2Y")]),
    "within_years": C("新引进的博士3年内给予每月2000元生活补贴。", du=[("3年内", "P3Y")]),
    "benefit_within": C("经认定的企业，3年内享受租金减免。", du=[("3年内", "P3Y")]),
    "term_label": C("租金补贴期限为2年。", du=[("补贴期限为2年", "P2Y")]),
    "months_cap": C("享受期限最长不超过36个月。", du=[("期限最长不超过36个月", "P36M")]),
    "first_then": C("前3年给予全额补贴，后2年减半补贴。", du=[("前3年", "P3Y"), ("后2年", "P2Y")]),
    "years_of_benefit": C("入选人才给予5年的安家补贴。", du=[("5年", "P5Y")]),
    "transition": C("给予最长6个月的过渡期。", du=[("6个月", "P6M")]),
    "years_cn": C("对新落户企业连续三年给予房租补贴。", du=[("连续三年", "P3Y")]),
    # ---------------------------------------------------------------- more frames (second batch)
    "month_fen": C("各地于2023年6月份前完成摸底调查。", dl=[("2023年6月份", BY, "2023-06-30", False)]),
    "not_later": C("申报材料不迟于2023年9月30日报送。", dl=[("2023年9月30日", BY, "2023-09-30", False)]),
    "not_later2": C("项目须在不晚于2024年6月30日竣工。", dl=[("2024年6月30日", BY, "2024-06-30", False)]),
    "zero_hour_cn": C("自2023年6月1日零时起施行。", dl=[("2023年6月1日", FROM, "2023-06-01", False)]),
    "same_year_end": C("自2023年6月1日起至同年12月31日止。",
                       dl=[("2023年6月1日起至同年12月31日止", SPAN, ("2023-06-01", "2023-12-31"), False)]),
    "han_month_span": C("活动时间为二〇二三年六月至十二月。",
                        dl=[("二〇二三年六月至十二月", SPAN, ("2023-06-01", "2023-12-31"), False)]),
    "effective_no_qi": C("本办法自2023年6月1日施行。", dl=[("2023年6月1日", FROM, "2023-06-01", False)]),
    "effective_formal": C("本办法于2023年6月1日正式实施。", dl=[("2023年6月1日", FROM, "2023-06-01", False)]),
    "bare_from": C("7月1日起施行。", issue="2023-06-10", dl=[("7月1日起", FROM, "2023-07-01", True)]),
    "bare_span": C("报名时间：6月1日至6月30日。", issue="2023-05-10",
                   dl=[("6月1日至6月30日", SPAN, ("2023-06-01", "2023-06-30"), True)]),
    "today_until_bare": C("报名时间：即日起至6月30日。", issue="2023-05-10",
                          dl=[("即日起至6月30日", SPAN, ("2023-05-10", "2023-06-30"), True)]),
    "bare_quarter_span": C("三季度开展专项督查。", issue="2023-05-10",
                           dl=[("三季度", SPAN, ("2023-07-01", "2023-09-30"), True)]),
    "month_mid_by": C("6月中旬前完成名单公示。", dl=[("6月中旬", BY, "2023-06-20", True)]),
    "year_within_explicit": C("2023年内完成全部改造任务。", dl=[("2023年内", BY, "2023-12-31", False)]),
    "year_within_bare": C("年内完成全部改造任务。", dl=[("年内", BY, "2023-12-31", True)]),
    "clock_24": C("请于2023年6月30日24:00前完成网上填报。", dl=[("2023年6月30日", BY, "2023-06-30", False)]),
    "year_range_tilde": C("实施期限为2023年~2025年。", dl=[("2023年~2025年", SPAN, ("2023-01-01", "2025-12-31"), False)]),
    "month_range_short": C("2023年6-12月开展集中整治。", dl=[("2023年6-12月", SPAN, ("2023-06-01", "2023-12-31"), False)]),
    "incl_both": C("2023年1月1日（含）至2023年12月31日（含）期间新招用的人员。",
                   dl=[("2023年1月1日（含）至2023年12月31日", SPAN, ("2023-01-01", "2023-12-31"), False)]),
    "since_2017": C("自2017年以来，我市累计投入资金3亿元。", issue="2023-03-01"),
    "valid_label": C("有效期：2023年6月1日至2026年5月31日。",
                     dl=[("2023年6月1日至2026年5月31日", SPAN, ("2023-06-01", "2026-05-31"), False)]),
    "work_days": C("区人社局在收到申请后5个工作日内完成审核。", opt=["5个工作日内"]),
    "age_not_duration": C("申请人年龄在35周岁以下。"),
    # ---------------------------------------------------------------- third batch (written before running it)
    "md_dot": C("请于6.30前提交申请表。", dl=[("6.30", BY, "2023-06-30", True)]),
    "clock_ampm_span": C("报名时间为2023年6月1日上午9:00至6月30日下午17:00。",
                         dl=[("2023年6月1日上午9:00至6月30日", SPAN, ("2023-06-01", "2023-06-30"), False)]),
    "deadline_pm": C("截止时间：2023年6月30日下午5:00。", dl=[("2023年6月30日", BY, "2023-06-30", False)]),
    "from_exec_until": C("本政策自2023年7月1日起实施，执行期至2025年6月30日。",
                         dl=[("2023年7月1日起实施", FROM, "2023-07-01", False),
                             ("至2025年6月30日", UNTIL, "2025-06-30", False)]),
    "valid_two": C("有效期两年。", du=[("有效期两年", "P2Y")]),
    "rent_free_label": C("免租期为6个月。", du=[("免租期为6个月", "P6M")]),
    "year_round_stop": C("2023年度申报工作于5月31日截止。", dl=[("5月31日", BY, "2023-05-31", None)],
                         opt=["2023年度"]),
    "postmark": C("申报截止日期：2023年6月30日（以邮戳为准）。", dl=[("2023年6月30日", BY, "2023-06-30", False)]),
    "this_year_within": C("本年度内完成全部改造任务。", dl=[("本年度内", BY, "2023-12-31", True)]),
    "same_year_by": C("当年12月31日前完成拨付。", dl=[("当年12月31日前", BY, "2023-12-31", True)]),
    "fiscal_within": C("在2023年度内完成项目验收。", dl=[("2023年度内", BY, "2023-12-31", False)]),
    "max_not_over": C("建设期最迟不超过2023年12月31日。", dl=[("2023年12月31日", BY, "2023-12-31", False)]),
    "ym_dot_span": C("实施期限：2023.6-2023.12。", dl=[("2023.6-2023.12", SPAN, ("2023-06-01", "2023-12-31"), False)]),
    "ym_dot_span_dash": C("建设周期为2023.06—2024.05。",
                          dl=[("2023.06—2024.05", SPAN, ("2023-06-01", "2024-05-31"), False)]),
    "repealed_old": C("本办法自2023年9月1日起施行。2018年9月1日印发的《办法》同时废止。", issue="2023-08-01",
                      dl=[("2023年9月1日起施行", FROM, "2023-09-01", False)]),
    "abolish_date": C("本办法自2023年10月1日起施行，2025年9月30日废止。",
                      dl=[("2023年10月1日起施行", FROM, "2023-10-01", False),
                          ("2025年9月30日", BY_UNTIL, "2025-09-30", False)]),
    "expires": C("资格有效期于2025年12月31日到期。", dl=[("2025年12月31日", BY_UNTIL, "2025-12-31", False)]),
    "target_2035": C("到2035年，基本实现社会主义现代化。", issue="2021-03-01",
                     dl=[("到2035年", BY_UNTIL, "2035-12-31", False)]),
    "month_span_period": C("2023年6月至8月期间开展集中申报。",
                           dl=[("2023年6月至8月", SPAN, ("2023-06-01", "2023-08-31"), False)]),
    "within_contract": C("自签订合同之日起3年内给予租金补贴。", du=[("3年内", "P3Y")]),
    # ---------------------------------------------------------------- no issue date handed over: the page's own date
    "page_dateline": C("30.01.2015  04:21\n兰州晚报讯(记者王某)1月29日,记者从省民政厅了解到,《办法》出台,并从即日起施行。",
                       issue=None, dl=[("从即日起", FROM, "2015-01-29", True)]),
    "page_byline": C("发布时间：2023-03-01 09:30\n今年底前完成老旧小区改造。", issue=None,
                     dl=[("今年底前", BY, "2023-12-31", True)]),
    "page_signature": C("关于做好申报工作的通知\n请于6月30日前报送。\n某市科技局\n2023年5月8日", issue=None,
                        dl=[("6月30日前", BY, "2023-06-30", True)]),
    "page_no_date": C("请于2023年6月30日前完成申报，9月30日前完成验收。", issue=None,
                      dl=[("2023年6月30日前", BY, "2023-06-30", False), ("9月30日前", BY, None, None)]),
    # added after the first run (guards for rules written then): reports of a past half or quarter
    "past_half_report": C("2022年上半年，全市新增城镇就业1.2万人。", issue="2023-03-01"),
    "past_quarter_report": C("一季度，全市发放稳岗补贴3000万元。", issue="2023-05-10"),
    "stat_table_year": C("年份 | 产值 | 增速\n2021年 | 100 | 5%\n2022年 | 120 | 6%"),
    "task_lines": C("重点任务\n责任单位\n完成时限\n建成智慧停车平台\n市交通局\n2023年12月",
                    dl=[("2023年12月", BY, "2023-12-31", False)]),
}


def _dated(d) -> bool:
    return d.kind not in ("within", "recurring") and not (d.duration and not (d.date or d.start_date or d.end_date))


def _agree(exp_val, d) -> bool:
    if exp_val is None:
        return True
    if isinstance(exp_val, tuple):
        return (d.start_date, d.end_date) == exp_val
    return exp_val in (d.date, d.end_date, d.start_date)


def check(case: C) -> list[str]:
    """What is wrong with the extractor's reading of a case ([] when it is right)."""
    text = case.text
    preds = find_deadlines(text, issue_date=case.issue)
    dated = [d for d in preds if _dated(d)]
    durs = [(d.start, d.end, d.duration) for d in find_durations(text)]
    durs += [(d.start, d.end, d.duration) for d in preds if not _dated(d) and d.kind == "within"]
    opt = [(text.find(o), text.find(o) + len(o)) for o in case.opt]
    problems, used = [], set()
    for needle, kinds, val, inferred in case.dl:
        s = text.find(needle)
        assert s >= 0, needle
        hit = next((i for i, d in enumerate(dated) if i not in used and overlaps(s, s + len(needle), d.start, d.end)
                    and _agree(val, d) and (kinds is None or d.kind in kinds)
                    and (inferred is None or bool(d.year_inferred) == inferred)), None)
        if hit is None:
            near = [(d.text, d.kind, d.date, d.start_date, d.end_date, d.year_inferred) for d in dated
                    if overlaps(s, s + len(needle), d.start, d.end)]
            problems.append(f"missed {needle} {val}; near {near}")
        else:
            used.add(hit)
    for i, d in enumerate(dated):
        if i not in used and not any(overlaps(a, b, d.start, d.end) for a, b in opt):
            problems.append(f"extra {d.text} {d.kind} {d.date or (d.start_date, d.end_date)}")
    problems += duration_problems(text, case.du, durs, opt)
    return problems


@pytest.mark.parametrize("name", [
    pytest.param(k, marks=pytest.mark.xfail(reason=v.xfail, strict=True)) if v.xfail else k
    for k, v in CASES.items()])
def test_date_forms(name):
    assert check(CASES[name]) == []


def test_within_after_issue_is_read_one_way():
    """自发布之日起30日内: either a 30-day window (a duration) or its end date — not nothing."""
    text = "自本办法发布之日起30日内提交申请。"
    preds = find_deadlines(text, issue_date="2023-05-10")
    durs = find_durations(text)
    assert any(d.duration == "P30D" or d.date == "2023-06-09" for d in preds) or any(
        d.duration == "P30D" for d in durs)


if __name__ == "__main__":   # python tests/test_dates_general.py: the pass rate and every failure
    bad = {k: check(v) for k, v in CASES.items()}
    for k, v in bad.items():
        if v:
            print(k, "|", CASES[k].text.replace("\n", "\\n"), "|", v)
    print(f"{sum(not v for v in bad.values())}/{len(bad)} pass")
