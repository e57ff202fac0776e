"""Stress set for measure splitting and dated deadlines on prose nobody tuned on (issue 10).

Invented but realistic short texts in the styles that fail on new pages: news reports of a policy,
Q&A replies (答复), plans with unnumbered paragraphs, notices with 一是…二是…, semicolon-separated
provisions in one paragraph — across topics. The expectations were written from
../shared/extraction-spec.md (Measures; Deadlines and periods) BEFORE the extractor was run on any
of these texts, and were not changed afterwards to fit its output. Where the spec leaves a reading
open, the head is listed as ``optional`` (a measure may or may not start there) instead of guessed.

Per case:
  measures   heads where a ``measure`` must start (±3 characters, or right after a short reporting
             frame / connective such as 据介绍, / 此外, / 答:, which the spec lets either side take)
  optional   heads where a measure may start; a measure starting anywhere else is an error
  kinds      head -> kind of the item that contains the head (news, criterion, goal)
  deadlines  (head, dates): a dated deadline overlapping the head whose dates agree (a ``date``
             may be given as the prediction's date, start or end)
  recurring  heads that are schedules: a ``recurring`` item, never a dated deadline
  forbidden  heads that are no deadline (publication dates, 今年以来, a past 截至, durations)

Figures (cases fully passing / measure starts P R / dated deadlines found):
  batch 1 (26 cases), before the issue-10 rule changes (honest unseen): 8/26, P 0.88 R 0.77, 35/36
  batch 1 after the changes (in-sample now: the rules were fixed on its failures): 26/26, P 1.00 R 1.00, 36/36
  batch 2 (12 cases, written after the batch-1 changes, before running them): 6/12, P 0.90 R 0.81, 15/16
  (honest unseen for the batch-1 rules); after fixing its failures: 12/12, P 1.00 R 1.00, 16/16 (in-sample)
  batch 3 (10 cases, written after the batch-2 and deadline changes): 6/10, P 0.87 R 0.83, 11/11 unseen;
  after: 9/10, P 1.00 R 0.96 (one documented KNOWN_WEAK case)
  The rules before issue 10 on the same batches: batch 2 5/12, P 0.88 R 0.66, 15/16; batch 3 4/10,
  P 0.84 R 0.67, 11/11 — so each batch's unseen recall rose (0.66 -> 0.81, 0.67 -> 0.83) before its own fixes.
Run ``python tests/test_prose_general.py [-v]`` for the table.
"""
from __future__ import annotations

import re
import sys

import pytest

from zhengce.ingest.normalize import normalize
from zhengce.nlp.extract import extract_text

CASES: list[dict] = [
    dict(id="news_talent_semicolons", issue="2024-03-15", text=(
        "3月14日，记者从市人社局获悉，《关于进一步支持高校毕业生来我市就业创业的若干措施》日前正式印发。\n"
        "据介绍，对新引进的全日制博士研究生，给予每人每月3000元生活补贴，最长发放3年；对硕士研究生给予每人每月1500元生活补贴；"
        "首次在我市购房的高校毕业生，可申请最高10万元购房补贴。\n"
        "此外，在我市初次创业的高校毕业生可申请最高30万元创业担保贷款，并按规定享受贴息。"
        "市人社局相关负责人表示，该措施自2024年4月1日起施行，有效期至2026年12月31日。"),
        measures=["对新引进的全日制博士", "对硕士研究生给予", "首次在我市购房", "在我市初次创业"],
        optional=["市人社局相关负责人表示", "该措施自2024年4月1日起"],
        kinds={"3月14日，记者": "news"},
        deadlines=[("自2024年4月1日起", {"date": "2024-04-01"}), ("有效期至2026年12月31日", {"date": "2026-12-31"})],
        forbidden=["3月14日"]),
    dict(id="news_housing_frame", issue="2023-08-10", text=(
        "本报讯（记者 王芳）8月9日，市住建局发布《关于促进房地产市场平稳健康发展的通知》。"
        "通知明确，自2023年8月10日起，在我市购买新建商品住房的，按购房款的1%给予购房补贴，单套最高不超过3万元；"
        "多孩家庭购买首套住房的，住房公积金贷款额度可上浮20%。同时，取消二手住房限售年限要求。上述政策执行至2024年12月31日。"),
        measures=["自2023年8月10日起，在我市", "多孩家庭购买首套", "取消二手住房限售"],
        optional=["上述政策执行至"],
        kinds={"本报讯": "news"},
        deadlines=[("自2023年8月10日起", {"date": "2023-08-10"}), ("执行至2024年12月31日", {"date": "2024-12-31"})],
        forbidden=["8月9日"]),
    dict(id="reply_childcare_yishi", issue="2024-06-20", text=(
        "关于加快发展普惠托育服务的提案的答复\n张明委员：\n您提出的《关于加快发展普惠托育服务的提案》收悉，现答复如下：\n"
        "近年来，我市高度重视托育服务发展，截至2023年底，全市共有托育机构320家。下一步，我们将重点做好以下工作："
        "一是加大财政支持，对新建普惠性托育机构按每个托位1万元给予一次性建设补贴；"
        "二是落实运营补助，对收托3岁以下婴幼儿的普惠托育机构，按每人每月200元给予运营补助；"
        "三是加强人才培养，2025年底前完成1000名托育从业人员培训。\n"
        "感谢您对我市托育工作的关心和支持。\n市卫生健康委员会\n2024年6月20日"),
        measures=["一是加大财政支持", "二是落实运营补助", "三是加强人才培养"],
        optional=["下一步，我们将重点"],
        kinds={},
        deadlines=[("2025年底前", {"date": "2025-12-31"})],
        forbidden=["截至2023年底", "2024年6月20日"]),
    dict(id="plan_agri_unnumbered", issue="2023-03-01", text=(
        "XX县2023年高标准农田建设实施方案\n为加快推进高标准农田建设，提升粮食综合生产能力，制定本方案。\n"
        "到2025年，全县累计建成高标准农田20万亩。\n"
        "对新建高标准农田项目，县财政按每亩300元标准给予补助，补助资金于项目验收合格后拨付。\n"
        "鼓励新型农业经营主体参与高标准农田建设和管护，对承担管护任务的合作社每年给予每亩20元管护补助。\n"
        "各乡镇应于2023年6月30日前完成项目申报，县农业农村局于9月底前完成项目评审。\n本方案自印发之日起实施。"),
        measures=["对新建高标准农田项目", "鼓励新型农业经营主体", "各乡镇应于2023年6月30日前"],
        optional=["县农业农村局于9月底前", "对承担管护任务的合作社", "本方案自印发之日起"],
        kinds={"到2025年，全县": "goal", "为加快推进": "preamble"},
        deadlines=[("到2025年", {"date": "2025-12-31"}), ("2023年6月30日前", {"date": "2023-06-30"}),
                   ("9月底前", {"date": "2023-09-30"}), ("自印发之日起", {"date": "2023-03-01"})]),
    dict(id="notice_vouchers_yishi", issue="2023-04-25", text=(
        "关于发放2023年“惠购XX”消费券的通知\n为进一步激发消费活力，市商务局决定发放第二轮消费券。现将有关事项通知如下："
        "一是发放时间为2023年5月1日至2023年6月30日，分四期发放；二是消费券面额分为满200减50元、满500减120元两种，每人每期限领1张；"
        "三是消费券仅限在参与活动的本市商户使用，领取后7日内有效，逾期作废。\n市商务局\n2023年4月25日"),
        measures=["一是发放时间为", "二是消费券面额", "三是消费券仅限"],
        optional=["为进一步激发消费活力", "市商务局决定发放"],
        deadlines=[("2023年5月1日至2023年6月30日", {"start_date": "2023-05-01", "end_date": "2023-06-30"})],
        forbidden=["7日内", "2023年4月25日"]),
    dict(id="rd_semicolons_title_sentence", issue="2024-01-10", text=(
        "对企业研发投入给予奖励。对上年度研发费用超过500万元的规上工业企业，按研发费用增量部分的10%给予奖励，最高200万元；"
        "对新认定的国家高新技术企业，一次性奖励30万元；对新建省级以上研发机构的企业，给予50万元补助。申报截止时间为2024年3月31日。"),
        measures=["对上年度研发费用", "对新认定的国家高新", "对新建省级以上研发"],
        optional=["对企业研发投入给予奖励", "申报截止时间为"],
        deadlines=[("截止时间为2024年3月31日", {"date": "2024-03-31"})]),
    dict(id="news_ip_lingwai", issue="2023-11-02", text=(
        "记者11月1日从市市场监管局了解到，我市出台知识产权资助新政。新政规定，对获得国家发明专利授权的企业和个人，每件资助5000元；"
        "对获得国外发明专利授权的，每件资助2万元，每个单位每年资助总额不超过100万元。另外，对首次获得中国专利金奖的单位，奖励100万元。"
        "新政从2024年1月1日开始实施。"),
        measures=["对获得国家发明专利", "对获得国外发明专利", "对首次获得中国专利金奖"],
        optional=["新政从2024年1月1日"],
        kinds={"记者11月1日": "news"},
        deadlines=[("从2024年1月1日开始", {"date": "2024-01-01"})],
        forbidden=["11月1日从"]),
    dict(id="news_green_haijiang", issue="2024-05-08", text=(
        "近日，省生态环境厅、省财政厅联合印发《绿色低碳转型专项资金管理办法》。根据办法，企业实施节能降碳技术改造项目，"
        "按设备投资额的15%给予补助，单个项目最高500万元。省级还将对新获评国家级绿色工厂的企业给予一次性奖励50万元。"
        "项目申报工作将于2024年6月底前启动，资金管理办法有效期为2024年5月1日至2028年4月30日。"),
        measures=["企业实施节能降碳", "省级还将对新获评"],
        optional=["项目申报工作将于"],
        kinds={"近日，省生态": "news"},
        deadlines=[("2024年6月底前", {"date": "2024-06-30"}),
                   ("2024年5月1日至2028年4月30日", {"start_date": "2024-05-01", "end_date": "2028-04-30"})]),
    dict(id="criteria_list_then_measure", issue="2023-09-01", text=(
        "人才安居补贴申请条件：\n（一）具有全日制本科及以上学历；\n（二）与我市用人单位签订3年以上劳动合同；\n"
        "（三）本人及配偶在我市无自有住房。\n"
        "符合上述条件的人才，可按每月1000元标准申领租房补贴，最长不超过36个月。申请人应于每年3月底前向所在区人社局提交申请材料。"),
        measures=["符合上述条件的人才", "申请人应于每年3月底前"],
        kinds={"具有全日制本科": "criterion", "与我市用人单位签订": "criterion", "本人及配偶在我市": "criterion"},
        recurring=["每年3月底前"]),
    dict(id="qa_flexible_employment", issue="2024-02-01", text=(
        "问：灵活就业人员可以享受哪些社保补贴？\n"
        "答：登记失业半年以上的就业困难人员实现灵活就业并缴纳社会保险费的，可按实际缴费额的2/3给予社会保险补贴，"
        "补贴期限最长不超过3年。距法定退休年龄不足5年的，可延长至退休。申请人应在每季度结束后15日内提出申请。"),
        measures=["登记失业半年以上", "申请人应在每季度"],
        optional=["距法定退休年龄不足"],
        forbidden=["补贴期限最长不超过3年"]),
    dict(id="news_press_conf_yishi", issue="2023-06-18", text=(
        "6月17日，市政府新闻办召开新闻发布会，介绍我市促消费系列举措。市商务局副局长李华介绍，此次举措主要包括："
        "一是发放汽车消费补贴，个人消费者在2023年7月1日至9月30日期间购买新能源乘用车的，每辆补贴5000元；"
        "二是开展家电以旧换新，按新产品售价的10%给予补贴，每人最高1000元；三是举办夜间消费节。"),
        measures=["一是发放汽车消费补贴", "二是开展家电以旧换新", "三是举办夜间消费节"],
        kinds={"6月17日，市政府": "news"},
        deadlines=[("2023年7月1日至9月30日", {"start_date": "2023-07-01", "end_date": "2023-09-30"})],
        forbidden=["6月17日，"]),
    dict(id="opinion_childcare_tongshi", issue="2022-12-20", text=(
        "关于支持家庭托育点发展的实施意见\n各区人民政府，市政府各部门：\n"
        "家庭托育点是普惠托育服务体系的重要组成部分。经备案的家庭托育点，可按规定享受托育机构同等的用水、用电、用气价格政策。"
        "同时，各区要将家庭托育点纳入社区服务设施统筹规划，优先提供场地支持。对收托婴幼儿满10人的家庭托育点，区财政给予每年2万元运营补贴。\n"
        "本意见自2023年1月1日起施行，有效期3年。\n市人民政府办公厅\n2022年12月20日"),
        measures=["经备案的家庭托育点", "各区要将家庭托育点", "对收托婴幼儿满10人"],
        optional=["本意见自2023年1月1日"],
        deadlines=[("自2023年1月1日起施行", {"date": "2023-01-01"})],
        forbidden=["有效期3年", "2022年12月20日"]),
    dict(id="news_agri_frame_in_sentence", issue="2024-03-05", text=(
        "春耕时节，记者从县农业农村局获悉，今年我县继续实施耕地地力保护补贴政策，补贴标准为每亩110元。"
        "符合条件的种粮大户，可另外申请每亩50元的规模经营补贴。农机购置补贴申请截止日期为2024年10月31日。"
        "今年以来，全县已发放各类惠农补贴1.2亿元。"),
        measures=["今年我县继续实施", "符合条件的种粮大户"],
        optional=["农机购置补贴申请截止"],
        kinds={"春耕时节": "news", "今年以来，全县": "news"},
        deadlines=[("截止日期为2024年10月31日", {"date": "2024-10-31"})],
        forbidden=["今年以来"]),
    dict(id="notice_innovation_vouchers", issue="2023-07-12", text=(
        "各有关单位：\n为落实创新驱动发展战略，现就2023年度科技创新券申领工作通知如下。"
        "科技创新券重点支持科技型中小企业购买研发设计、检验检测等科技服务。一是企业每年可申领创新券额度最高20万元；"
        "二是创新券有效期至2023年12月31日，逾期自动失效；三是服务机构应于兑付申请受理后10个工作日内完成审核。"
        "申领时间：2023年7月15日—2023年8月31日。"),
        measures=["一是企业每年可申领", "二是创新券有效期", "三是服务机构应于"],
        optional=["科技创新券重点支持", "申领时间："],
        deadlines=[("有效期至2023年12月31日", {"date": "2023-12-31"}),
                   ("2023年7月15日—2023年8月31日", {"start_date": "2023-07-15", "end_date": "2023-08-31"})]),
    dict(id="news_fund_haijiang_ciwai", issue="2024-09-01", text=(
        "据市住房公积金管理中心消息，自2024年9月1日起，我市住房公积金个人住房贷款最高额度由60万元提高至80万元。"
        "多子女家庭购买首套自住住房的，贷款最高额度可再上浮20%。中心还将推出“商转公”组合贷款业务，方便缴存职工办理。"
        "此外，租房提取住房公积金的额度提高至每月1500元。"),
        measures=["自2024年9月1日起，我市", "多子女家庭购买首套", "中心还将推出", "租房提取住房公积金"],
        deadlines=[("自2024年9月1日起", {"date": "2024-09-01"})]),
    dict(id="plan_tasks_semicolons", issue="2023-02-15", text=(
        "2023年，全市将新增城镇就业5万人。重点做好以下工作：开展职业技能培训1万人次，对取得职业资格证书的按规定给予培训补贴；"
        "新建零工市场5个，2023年9月底前实现区县全覆盖；支持返乡创业，对首次创办小微企业并正常经营1年以上的，给予1万元一次性创业补贴。"),
        measures=["开展职业技能培训", "新建零工市场5个", "支持返乡创业"],
        optional=["对取得职业资格证书", "对首次创办小微企业"],
        kinds={"2023年，全市将新增": "goal"},
        deadlines=[("2023年9月底前", {"date": "2023-09-30"})]),
    dict(id="rd_fan_from_until", issue="2022-06-01", text=(
        "凡在本区注册的科技型中小企业，当年研发投入达到100万元以上的，按研发投入的5%给予补助，最高不超过50万元。"
        "获得市级以上科技进步奖的项目，区财政按市级奖励金额1:1给予配套奖励。本政策自2022年6月1日起执行，至2024年5月31日止。"),
        measures=["凡在本区注册", "获得市级以上科技进步奖"],
        optional=["本政策自2022年6月1日"],
        deadlines=[("自2022年6月1日起", {"date": "2022-06-01"}), ("至2024年5月31日止", {"date": "2024-05-31"})]),
    dict(id="news_solar_relative", issue="2024-04-10", text=(
        "日前，市发展改革委印发通知，明确对新建分布式光伏发电项目给予0.1元/千瓦时的度电补贴，补贴期限为3年。"
        "补贴申报须于今年6月30日前完成，项目须于明年底前建成并网。"),
        measures=["对新建分布式光伏", "补贴申报须于今年"],
        optional=["项目须于明年底前"],
        kinds={"日前，市发展改革委": "news"},
        deadlines=[("今年6月30日前", {"date": "2024-06-30"}), ("明年底前", {"date": "2025-12-31"})],
        forbidden=["补贴期限为3年"]),
    dict(id="reply_talent_lingwai", issue="2023-10-15", text=(
        "对市政协十四届二次会议第0123号提案的答复\n王丽委员：\n您提出的关于加大青年人才引进力度的提案收悉。经研究，现答复如下：\n"
        "2023年，我市出台了《青年人才引进十条》。对来我市就业的全日制本科毕业生，三年内按每人每月800元发放租房补贴。"
        "对新引进的博士研究生，给予20万元安家补贴，分三年发放。另外，我们正在研究制定青年人才驿站管理办法，计划于2024年上半年出台。\n"
        "再次感谢您对我市人才工作的关心。\n市委人才办\n2023年10月15日"),
        measures=["对来我市就业的全日制", "对新引进的博士研究生"],
        optional=["我们正在研究制定"],
        deadlines=[("2024年上半年", {"end_date": "2024-06-30"})],
        forbidden=["2023年，我市出台", "第0123号", "2023年10月15日"]),
    dict(id="news_tourism_semicolons", issue="2024-07-03", text=(
        "记者7月2日从市文旅局获悉，为激发暑期文旅消费，我市推出四项惠民措施：全市A级旅游景区对中小学生免收门票；"
        "对组织外地游客来我市旅游的旅行社，每接待1名过夜游客奖励20元；在本市住宿的游客可凭住宿凭证领取50元餐饮消费券；"
        "全市公共文化场馆延长开放时间至晚上9点。活动时间为7月5日至8月31日。"),
        measures=["全市A级旅游景区", "对组织外地游客", "在本市住宿的游客", "全市公共文化场馆"],
        optional=["活动时间为"],
        kinds={"记者7月2日": "news"},
        deadlines=[("7月5日至8月31日", {"start_date": "2024-07-05", "end_date": "2024-08-31"})],
        forbidden=["7月2日从"]),
    dict(id="agri_criteria_prose", issue="2023-05-20", text=(
        "家庭农场示范场申报主体须在县市场监管部门登记注册，经营土地面积不低于50亩，且连续经营2年以上。"
        "被认定为省级示范家庭农场的，一次性奖励3万元；被认定为市级示范家庭农场的，一次性奖励1万元。"
        "申报材料请于2023年6月15日前报送县农业农村局。"),
        measures=["被认定为省级示范", "被认定为市级示范"],
        optional=["申报材料请于"],
        kinds={"家庭农场示范场申报主体": "criterion"},
        deadlines=[("2023年6月15日前", {"date": "2023-06-15"})]),
    dict(id="news_childcare_haijiang", issue="2024-08-05", text=(
        "本报讯（通讯员 李明）8月1日起，我区正式实施育儿补贴制度。按照规定，对生育二孩的本区户籍家庭，每孩每年发放3000元育儿补贴，"
        "直至孩子满3周岁；对生育三孩及以上的，每孩每年发放5000元。同时，区财政还将对新建社区嵌入式托育点给予每个托位5000元的建设补助。"
        "据统计，目前全区已有1200余户家庭提交申请。"),
        measures=["对生育二孩的本区", "对生育三孩及以上", "区财政还将对新建"],
        kinds={"本报讯": "news", "据统计，目前": "news"},
        deadlines=[("8月1日起", {"date": "2024-08-01"})]),
    dict(id="plan_digital_paragraphs", issue="2024-01-20", text=(
        "XX市促进数字经济发展三年行动计划（2024—2026年）\n为加快数字经济发展，制定本行动计划。\n"
        "到2026年，全市数字经济核心产业增加值占地区生产总值比重达到12%。\n"
        "实施数字化转型“千企改造”工程，对企业数字化改造项目按软硬件投资额的20%给予补助，最高300万元。"
        "培育一批数字经济领军企业，对首次入选中国互联网百强的企业奖励500万元。加快5G基站建设，2024年底前实现重点区域5G网络全覆盖。\n"
        "本计划实施期限为2024年1月1日至2026年12月31日。"),
        measures=["实施数字化转型", "培育一批数字经济", "加快5G基站建设"],
        optional=["本计划实施期限"],
        kinds={"到2026年，全市": "goal"},
        deadlines=[("到2026年", {"date": "2026-12-31"}), ("2024年底前", {"date": "2024-12-31"}),
                   ("2024年1月1日至2026年12月31日", {"start_date": "2024-01-01", "end_date": "2026-12-31"})]),
        # (the title's （2024—2026年） was listed as forbidden; since round 25 a heading carries a plan's period,
        # as the spec counts plan periods and the dev2 and genre readers list it in 8 of 13 plan titles)
    dict(id="news_ip_pledge_written_forms", issue="2019-05-08", text=(
        "二〇一九年五月八日，市知识产权局发布通知。对以专利权质押获得银行贷款的中小企业，按贷款利息的50%给予贴息，"
        "单个企业每年最高50万元。申请受理时间为2019.6.1—2019.7.31，逾期不予受理。"),
        measures=["对以专利权质押"],
        optional=["申请受理时间为"],
        kinds={"二〇一九年五月八日，市": "news"},
        deadlines=[("2019.6.1—2019.7.31", {"start_date": "2019-06-01", "end_date": "2019-07-31"})],
        forbidden=["二〇一九年五月八日"]),
    dict(id="qa_small_firms_quarter", issue="2023-03-10", text=(
        "问：小微企业吸纳高校毕业生就业有什么补贴？\n"
        "答：小微企业招用毕业年度高校毕业生，签订1年以上劳动合同并缴纳社会保险费的，可按每人1500元申请一次性吸纳就业补贴。"
        "该政策执行期限至2023年12月31日。企业应于2023年第三季度末前完成申报；逾期未申报的，视为自动放弃。"),
        measures=["小微企业招用毕业年度", "企业应于2023年第三季度"],
        optional=["该政策执行期限", "逾期未申报的"],
        deadlines=[("执行期限至2023年12月31日", {"date": "2023-12-31"}), ("2023年第三季度末前", {"date": "2023-09-30"})]),
    dict(id="news_car_trade_in_span", issue="2022-11-20", text=(
        "记者昨日从市商务局获悉，为促进汽车消费，我市将于今年12月1日至明年1月31日开展新能源汽车置换补贴活动。"
        "活动期间，个人消费者报废或转出本人名下旧车并购买新能源汽车的，每辆车补贴8000元；购买燃油车的，每辆车补贴3000元。"),
        measures=["个人消费者报废", "购买燃油车的"],
        optional=["我市将于今年12月1日"],
        kinds={"记者昨日": "news"},
        deadlines=[("今年12月1日至明年1月31日", {"start_date": "2022-12-01", "end_date": "2023-01-31"})]),
]

# Batch 2: written after the batch-1 changes, before the extractor ran on it (a second unseen figure).
CASES += [
    dict(id="b2_news_youth_tikechu", issue="2023-05-12", text=(
        "5月11日，省人社厅召开新闻发布会，发布《关于支持青年人才创新创业的若干措施》。措施提出，青年人才创办企业的，"
        "可申请最高50万元创业担保贷款，财政按规定给予贴息。青年人才到县以下基层单位工作满3年的，一次性给予2万元奖励。"
        "青年人才还可优先入住人才公寓，租金按市场价的50%收取。措施自2023年6月1日起实施。"),
        measures=["青年人才创办企业的", "青年人才到县以下基层", "青年人才还可优先入住"],
        optional=["措施自2023年6月1日"],
        kinds={"5月11日，省人社厅": "news"},
        deadlines=[("自2023年6月1日起", {"date": "2023-06-01"})],
        forbidden=["5月11日，"]),
    dict(id="b2_reply_rental_housing", issue="2022-07-30", text=(
        "关于完善保障性租赁住房政策的建议的答复\n李强代表：\n您提出的建议收悉，现答复如下。\n"
        "目前，我市保障性租赁住房已筹集2.3万套。对新建保障性租赁住房项目，市级财政按每平方米300元给予补助。\n"
        "对利用闲置厂房改建保障性租赁住房的，免收城市基础设施配套费。\n"
        "下一步，市住建局将会同市财政局研究出台租赁补贴办法，力争2022年底前印发实施。\n特此答复。\n市住房和城乡建设局\n2022年7月30日"),
        measures=["对新建保障性租赁住房项目", "对利用闲置厂房改建"],
        optional=["下一步，市住建局", "市住建局将会同"],
        deadlines=[("2022年底前", {"date": "2022-12-31"})],
        forbidden=["2022年7月30日"]),
    dict(id="b2_notice_spring_consumption", issue="2024-02-20", text=(
        "为提振消费信心，区商务局决定开展春季促消费活动。活动期间，在辖区内限额以上商贸企业单笔消费满300元的，可参与抽奖，"
        "最高奖励2000元；参与活动的商户按实际让利金额的30%给予补贴，单户最高5万元；对活动期间销售额同比增长20%以上的企业，"
        "另奖励1万元。活动时间为2024年3月1日—2024年3月31日。"),
        measures=["在辖区内限额以上", "参与活动的商户按", "对活动期间销售额"],
        optional=["活动时间为", "为提振消费信心", "区商务局决定开展"],
        deadlines=[("2024年3月1日—2024年3月31日", {"start_date": "2024-03-01", "end_date": "2024-03-31"})]),
    dict(id="b2_news_insurance_relative", issue="2023-03-20", text=(
        "记者近日从市医保局获悉，去年9月起我市将3岁以下婴幼儿纳入城乡居民医保参保范围，截至目前已有5.6万名婴幼儿参保。"
        "今年，市医保局将进一步提高待遇水平，婴幼儿住院费用报销比例由60%提高至70%。"
        "此外，新生儿在出生后3个月内参保的，自出生之日起享受医保待遇。"),
        measures=["今年，市医保局将", "新生儿在出生后3个月内"],
        optional=["去年9月起我市将"],
        kinds={"记者近日": "news"},
        deadlines=[("去年9月起", {"date": "2022-09-01"})],
        forbidden=["截至目前", "3个月内"]),
    dict(id="b2_plan_spring_farming", issue="2023-01-05", text=(
        "2023年春季农业生产工作方案\n各乡镇人民政府：\n为抓好春季农业生产，确保粮食稳产增产，特制定本方案。\n"
        "2023年1-6月，集中开展春季农资打假专项行动，严厉打击制售假劣农资违法行为。\n"
        "对春播期间使用良种的种粮农户，按每亩15元给予良种补贴。\n"
        "各乡镇要在2023年前两个季度完成春播面积核查，并于7月10日前将核查结果报县农业农村局。\n"),
        measures=["2023年1-6月，集中开展", "对春播期间使用良种", "各乡镇要在2023年前两个季度"],
        kinds={"为抓好春季农业生产": "preamble"},
        deadlines=[("2023年1-6月", {"start_date": "2023-01-01", "end_date": "2023-06-30"}),
                   ("2023年前两个季度", {"end_date": "2023-06-30"}), ("7月10日前", {"date": "2023-07-10"})]),
    dict(id="b2_qa_childcare_online", issue="2024-10-10", text=(
        "网友留言：请问我市对开办托育机构有哪些扶持政策？\n"
        "回复：您好！我市对托育机构的扶持政策主要有：一是建设补贴，对新建托育机构按每个托位5000元给予补助；"
        "二是运营补贴，对普惠托育机构按实际收托人数每人每月300元给予补贴，补贴资金每季度拨付一次；"
        "三是用房支持，对利用自有房产开办托育机构的，三年内免收租金。感谢您的留言。"),
        measures=["一是建设补贴", "二是运营补贴", "三是用房支持"],
        recurring=["每季度拨付"],
        forbidden=["三年内"]),
    dict(id="b2_news_green_vouchers_forms", issue="2023-09-15", text=(
        "据市发展改革委消息，我市将于2023/09/19起发放绿色智能家电消费券，消费者购买一级能效家电可享受售价15%的立减优惠，"
        "每人最高补贴2000元。消费券有效期至2023-10-31，过期作废。符合条件的商户须于9月17日前完成报名。"),
        measures=["我市将于2023/09/19起", "符合条件的商户须于"],
        optional=["消费者购买一级能效", "消费券有效期至"],
        deadlines=[("2023/09/19起", {"date": "2023-09-19"}), ("有效期至2023-10-31", {"date": "2023-10-31"}),
                   ("9月17日前", {"date": "2023-09-17"})]),
    dict(id="b2_notice_incubators_cn_date", issue="2023-09-28", text=(
        "关于进一步支持科技企业孵化器发展的通知\n各区科技局：\n对新认定的国家级科技企业孵化器，给予一次性奖励100万元。"
        "同时，对孵化器内在孵企业发生的房租费用，按50%给予补贴，每家企业每年不超过10万元。"
        "另外，孵化器运营机构应当每年向市科技局报送运营情况。\n本通知自二〇二三年十月一日起施行，有效期两年。\n"
        "市科学技术局\n2023年9月28日"),
        measures=["对新认定的国家级", "对孵化器内在孵企业", "孵化器运营机构应当"],
        optional=["本通知自二〇二三年"],
        deadlines=[("自二〇二三年十月一日起施行", {"date": "2023-10-01"})],
        forbidden=["有效期两年", "2023年9月28日"]),
    dict(id="b2_news_rural_tourism", issue="2023-12-01", text=(
        "近年来，我县乡村旅游快速发展。今年以来，全县接待游客120万人次。县文旅局负责人介绍，明年起，对新评定的省级乡村旅游重点村，"
        "县财政给予20万元奖励；对新开办的星级民宿，按每间客房3000元给予一次性补助。上述奖补政策执行至2025年底。"),
        measures=["明年起，对新评定", "对新开办的星级民宿"],
        optional=["上述奖补政策执行至"],
        kinds={"近年来，我县": "news", "今年以来，全县": "news"},
        deadlines=[("明年起", {"date": "2024-01-01"}), ("执行至2025年底", {"date": "2025-12-31"})],
        forbidden=["今年以来"]),
    dict(id="b2_plan_ip_tasks", issue="2024-04-01", text=(
        "2024年知识产权工作要点\n主要任务：加快知识产权快速维权中心建设，2024年6月底前挂牌运行；"
        "开展专利转化运用专项行动，推动高校院所专利向中小企业转移转化；建立海外知识产权纠纷应对指导机制。\n"
        "各责任单位要于每月5日前报送工作进展。"),
        measures=["加快知识产权快速维权", "开展专利转化运用", "建立海外知识产权纠纷", "各责任单位要于每月"],
        deadlines=[("2024年6月底前", {"date": "2024-06-30"})],
        recurring=["每月5日前"]),
    dict(id="b2_news_rd_compact_dates", issue="2024-03-01", text=(
        "本报讯 记者从区科工信局了解到，2024年度区级研发费用补助申报工作即将启动。符合条件的企业可按上年度研发费用增量的8%申请补助，"
        "单家企业最高100万元；首次获批国家级专精特新“小巨人”的企业，还可获得50万元奖励。申报时间为20240307至20240331。"),
        measures=["符合条件的企业可按", "首次获批国家级"],
        optional=["申报时间为", "2024年度区级研发费用"],
        kinds={"本报讯": "news"},
        deadlines=[("20240307至20240331", {"start_date": "2024-03-07", "end_date": "2024-03-31"})]),
    dict(id="b2_news_elderly_regulation", issue="2023-06-01", text=(
        "据悉，《XX市养老服务条例》已经市人大常委会审议通过，自公布之日起30日后施行。条例规定，对入住养老机构的经济困难失能老年人，"
        "按每人每月800元发放护理补贴；街道应当为独居老年人建立定期探访制度。市民政局还将制定配套的养老服务补贴实施细则。"),
        measures=["对入住养老机构", "街道应当为独居", "市民政局还将制定"],
        kinds={"据悉": "news"},
        deadlines=[("自公布之日起30日后施行", {"date": "2023-07-01"})]),
]

# Batch 3: written after the batch-2 changes, before the extractor ran on it (a third unseen figure).
CASES += [
    dict(id="b3_news_rent_another_frame", issue="2024-05-20", text=(
        "今年起，我市将新就业大学生租房补贴标准由每月500元提高到每月800元。另据了解，在我市缴存住房公积金的新市民，"
        "可按月提取公积金支付房租，每月提取额度不超过1200元。市住建局表示，新政策执行期为2024年6月1日至2027年5月31日，"
        "申请人可通过“i深圳”平台在线申请。"),
        measures=["今年起，我市将新就业", "在我市缴存住房公积金的新市民"],
        optional=["市住建局表示", "新政策执行期为", "申请人可通过"],
        deadlines=[("今年起", {"date": "2024-01-01"}),
                   ("2024年6月1日至2027年5月31日", {"start_date": "2024-06-01", "end_date": "2027-05-31"})]),
    dict(id="b3_plan_farm_machinery", issue="2022-03-10", text=(
        "鼓励农机合作社购置大型智能农机装备，对购置单台价值50万元以上的，在国家补贴基础上，县级再给予10%的累加补贴。\n"
        "支持开展农机社会化服务，对年作业面积超过5000亩的服务组织，每亩补助10元。\n"
        "严禁借补贴之名搭车收费。违规套取补贴资金的，取消其3年内享受农机购置补贴资格。\n"
        "本年度补贴资金申请截止日期为2022年11月30日，逾期不再受理。"),
        measures=["鼓励农机合作社", "支持开展农机社会化", "严禁借补贴之名"],
        optional=["违规套取补贴资金的", "本年度补贴资金申请截止"],
        deadlines=[("截止日期为2022年11月30日", {"date": "2022-11-30"})],
        forbidden=["3年内"]),
    dict(id="b3_interpretation_qa", issue="2023-08-15", text=(
        "三、政策的主要内容是什么？\n《办法》共十条，主要包括以下内容：明确对首次认定的高新技术企业给予20万元奖励；"
        "对通过复审的高新技术企业给予10万元奖励；对高新技术企业上年度研发投入增量部分按5%给予补助。\n"
        "四、什么时候开始执行？\n《办法》自2023年9月1日起施行，有效期5年。"),
        measures=["明确对首次认定", "对通过复审的", "对高新技术企业上年度"],
        optional=["《办法》自2023年9月1日"],
        deadlines=[("自2023年9月1日起施行", {"date": "2023-09-01"})],
        forbidden=["有效期5年"]),
    dict(id="b3_news_yishi_title_sentences", issue="2024-11-12", text=(
        "11月11日，市卫健委发布消息，我市出台促进托育服务发展十条措施。一是降低托育机构运营成本。"
        "对普惠托育机构用水、用电、用气按居民生活类价格执行。二是加大财政补助力度。对普惠托育机构按每个托位每年1000元给予运营补助。"
        "三是强化人才支撑。将托育从业人员纳入职业技能培训补贴范围。"),
        measures=["一是降低托育机构", "二是加大财政补助", "三是强化人才支撑"],
        optional=["对普惠托育机构用水", "对普惠托育机构按每个", "将托育从业人员纳入"],
        kinds={"11月11日，市卫健委": "news"},
        forbidden=["11月11日"]),
    dict(id="b3_notice_design_centres", issue="2023-09-25", text=(
        "申报单位应为在本市注册的独立法人企业，上年度营业收入不低于2000万元，且无不良信用记录。\n"
        "对认定的市级工业设计中心，一次性给予30万元奖励；对认定的国家级工业设计中心，一次性给予100万元奖励。\n"
        "请于2023年10月8日（星期日）17:00前将申报材料报送市工信局，逾期不予受理。"),
        measures=["对认定的市级工业设计中心", "对认定的国家级工业设计中心"],
        optional=["请于2023年10月8日"],
        kinds={"申报单位应为在本市注册": "criterion"},
        deadlines=[("2023年10月8日", {"date": "2023-10-08"})]),
    dict(id="b3_news_spring_festival", issue="2023-01-10", text=(
        "为提振春节消费，市商务局联合多家银行推出“迎新春”消费季活动。活动期间，市民使用指定银行卡在参与商户消费满100元立减20元。"
        "与此同时，全市重点商圈将在1月14日至2月5日期间延长营业时间至晚上10点。另外，参与活动的餐饮企业可享受每户最高2万元的场地租金补贴。"),
        measures=["市民使用指定银行卡", "全市重点商圈将在", "参与活动的餐饮企业可"],
        optional=["为提振春节消费", "市商务局联合多家银行"],
        deadlines=[("1月14日至2月5日", {"start_date": "2023-01-14", "end_date": "2023-02-05"})]),
    dict(id="b3_articles_inline", issue="2021-04-01", text=(
        "第一条 为加强知识产权保护，制定本办法。第二条 对获得中国专利金奖的企业，给予50万元奖励。"
        "第三条 对新认定的国家知识产权示范企业，给予30万元奖励。第四条 本办法自2021年5月1日起施行。"),
        measures=["第二条 对获得中国", "第三条 对新认定的"],
        optional=["第四条 本办法"],
        kinds={"第一条 为加强": "preamble"},
        deadlines=[("自2021年5月1日起施行", {"date": "2021-05-01"})]),
    dict(id="b3_reply_old_estates", issue="2023-07-05", text=(
        "关于加快老旧小区改造的建议的答复\n您好！关于您反映的问题，答复如下：今年我市计划改造老旧小区120个，9月底前全部开工，"
        "年内完成主体工程。对列入改造计划的小区，市财政按每户1.5万元给予补助，居民可按规定提取住房公积金用于加装电梯。\n感谢您的关注！"),
        measures=["对列入改造计划的小区", "居民可按规定提取"],
        optional=["今年我市计划改造"],
        deadlines=[("9月底前", {"date": "2023-09-30"}), ("年内", {"date": "2023-12-31"})]),
    dict(id="b3_news_talent_conditions", issue="2024-06-06", text=(
        "记者6月5日从市人才办获悉，引进的顶尖人才可获得最高1000万元综合资助。申请人须同时满足以下条件：年龄不超过55周岁，"
        "具有博士学位或正高级职称。申报时间为6月10日至7月10日。"),
        measures=["引进的顶尖人才可获得"],
        optional=["申报时间为"],
        kinds={"记者6月5日": "news", "申请人须同时满足": "criterion", "年龄不超过55周岁": "criterion"},
        deadlines=[("6月10日至7月10日", {"start_date": "2024-06-10", "end_date": "2024-07-10"})],
        forbidden=["6月5日从"]),
    dict(id="b3_charging_standards_list", issue="2024-02-02", text=(
        "新能源汽车充电基础设施建设补贴标准如下：公共充电桩按充电功率每千瓦补贴200元；换电站每座补贴50万元；"
        "居民小区共享充电桩按每个1000元给予补贴。补贴资金于2024年12月31日前拨付到位。"),
        measures=["公共充电桩按充电功率", "换电站每座补贴", "居民小区共享充电桩"],
        optional=["补贴资金于2024年12月31日前", "新能源汽车充电基础设施"],
        deadlines=[("2024年12月31日前", {"date": "2024-12-31"})]),
]

# A reporting frame or connective a measure may take in or leave out (spec: either reading).
_FRAME_RE = re.compile(r"^(?:(?:另|又)?据[^，,。]{0,14}(?:介绍|悉|了解|消息)|[^，,。]{0,10}(?:明确|规定|提出|指出|表示|显示|介绍)"
                       r"|根据[^，,。]{0,10}|按照规定|活动期间|此外|同时|另外|与此同时|答)[，,：:]\s*$")
_DATED_OUT = ("recurring", "within", "duration")


def _find(text: str, head: str) -> int:
    i = text.find(head)
    assert i >= 0, f"head not in text: {head}"
    return i


def _starts_at(text: str, p: int, s: int) -> bool:
    return abs(p - s) <= 3 or (p < s and s - p <= 16 and bool(_FRAME_RE.match(text[p:s])))


def run_case(case: dict) -> dict:
    """Extraction of one case checked against its expectations: a dict of error lists and counts."""
    text = normalize(case["text"]).text
    ms = extract_text(text, issue_date=case["issue"])
    starts = []
    for m in ms:
        if m.kind == "measure":
            s = m.start
            while s < m.end and text[s].isspace():
                s += 1
            starts.append(s)
    exp = [_find(text, h) for h in case.get("measures", [])]
    opt = [_find(text, h) for h in case.get("optional", [])]
    errors: list[str] = []
    used = set()
    tp = 0
    for h, s in zip(case.get("measures", []), exp):
        hit = next((k for k, p in enumerate(starts) if k not in used and _starts_at(text, p, s)), None)
        if hit is None:
            errors.append(f"measure missed: {h}")
        else:
            used.add(hit)
            tp += 1
    fp = 0
    for k, p in enumerate(starts):
        if k in used or any(_starts_at(text, p, s) for s in opt):
            continue
        fp += 1
        errors.append(f"extra measure: {text[p:p + 16]}")
    for h, kind in case.get("kinds", {}).items():
        s = _find(text, h)
        got = next((m.kind for m in ms if m.start <= s < m.end), None)
        if got != kind:
            errors.append(f"kind of {h}: {got} != {kind}")
    dls = [d for m in ms for d in (m.deadlines or [])]
    dated = [d for d in dls if d.kind not in _DATED_OUT]
    dl_tp = 0
    for h, dates in case.get("deadlines", []):
        s = _find(text, h)
        e = s + len(h)

        def agree(d, dates=dates):
            if "date" in dates and len(dates) == 1:
                return dates["date"] in (d.date, d.start_date, d.end_date)
            return all(getattr(d, k) == v for k, v in dates.items())
        if any(d.start < e and s < d.end and agree(d) for d in dated):
            dl_tp += 1
        else:
            errors.append(f"deadline missed: {h} {dates} got "
                          f"{[(d.text, d.kind, d.date, d.start_date, d.end_date) for d in dated if d.start < e and s < d.end]}")
    # A yearly date (每年3月底前) may also be read for the document's year, as the genre pages' two annotators
    # read it (tests/test_dates_general.py recurring_yearly): it must then carry recurrence "yearly".
    for h in case.get("recurring", []):
        s = _find(text, h)
        e = s + len(h)
        here = [d for d in dls if d.start < e and s < d.end]
        if not here or not all(d.kind == "recurring" or d.recurrence == "yearly" for d in here):
            errors.append(f"not read as recurring: {h}")
    for h in case.get("forbidden", []):
        s = _find(text, h)
        e = s + len(h)
        bad = [d.text for d in dated if d.start < e and s < d.end]
        if bad:
            errors.append(f"not a deadline: {h} -> {bad}")
    return {"errors": errors, "tp": tp, "fp": fp, "fn": len(exp) - tp,
            "dl_tp": dl_tp, "dl_n": len(case.get("deadlines", []))}


# Cases the spec leaves open or that stay beyond the rules (reason given); they still run and report.
KNOWN_WEAK: dict[str, str] = {
    "b3_reply_old_estates": "a second provision after a comma (…给予补助,居民可按规定提取住房公积金…) is not cut: "
                            "a comma-level 'X可…' rule also cut variants of one grant (…,家庭经济困难者可申请半额) in tune",
}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_prose_case(case):
    if case["id"] in KNOWN_WEAK:
        pytest.xfail(KNOWN_WEAK[case["id"]])
    res = run_case(case)
    assert not res["errors"], res["errors"]


def summary(batch: str | None = None) -> dict:
    cases = [c for c in CASES if batch is None or (c["id"][:3] if c["id"][:3] in ("b2_", "b3_") else "b1_") == f"b{batch}_"]
    tot = {"cases": len(cases), "pass": 0, "tp": 0, "fp": 0, "fn": 0, "dl_tp": 0, "dl_n": 0}
    for c in cases:
        r = run_case(c)
        tot["pass"] += not r["errors"]
        for k in ("tp", "fp", "fn", "dl_tp", "dl_n"):
            tot[k] += r[k]
    return tot


def test_stress_set_floor():
    """The stress set as a whole: pass rate and measure-start recall do not fall back."""
    t = summary()
    assert t["pass"] >= FLOOR_PASS
    assert t["tp"] / max(1, t["tp"] + t["fn"]) >= FLOOR_RECALL


FLOOR_PASS = 47
FLOOR_RECALL = 0.95


if __name__ == "__main__":
    for c in CASES:
        r = run_case(c)
        print(("ok  " if not r["errors"] else "FAIL") + " " + c["id"])
        for e in r["errors"] if "-v" in sys.argv else []:
            print("      " + e)
    for batch in ("1", "2", "3", None):
        t = summary(batch)
        p = t["tp"] / max(1, t["tp"] + t["fp"])
        rc = t["tp"] / max(1, t["tp"] + t["fn"])
        print(f"batch {batch or 'all'}: cases {t['pass']}/{t['cases']}  measure starts P {p:.2f} R {rc:.2f} "
              f"F1 {2 * p * rc / max(1e-9, p + rc):.2f}  dated deadlines found {t['dl_tp']}/{t['dl_n']}")


def test_a_notice_that_certifies_bodies_states_its_act_as_measures():
    """关于认定…的通知: 现认定X等4家单位为…孵化器,认定Y等9家单位为…众创空间 — the notice's own acts
    (one per recognised group), not background."""
    from zhengce.pipeline import process_bytes
    text = ("关于认定2023年度省级科技企业孵化器和众创空间的通知\n各市科技局,各有关单位:\n"
            "根据《某省科技企业孵化器管理办法》(某科发〔2022〕6号)和《某省众创空间管理办法》(某科发〔2022〕7号),"
            "现认定甲乙数字产业园等4家单位为省级科技企业孵化器,认定丙丁创客空间等9家单位为省级众创空间,有效期三年。\n"
            "附件:1.2023年度省级科技企业孵化器名单\n某省科学技术厅\n2023年3月3日\n")
    ms = [m for m in process_bytes(text.encode(), "cert.txt").measures if m.kind == "measure"]
    assert len(ms) == 2 and "认定甲乙" in ms[0].text and ms[1].text.startswith("认定丙丁")


def test_a_proposed_total_and_an_answer_label_do_not_hide_the_provision():
    """公示: 拟对以下45家企业给予补助,共计补助资金1200万元 proposes (共计 is no report here); 答:符合条件的…可…
    is the answer's provision, its label aside."""
    from zhengce.pipeline import process_bytes
    notice = ("关于2023年度科技型企业研发费用补助拟资助项目的公示\n根据《绵阳市企业研发费用补助办法》有关规定,经企业申报、"
              "区科技局初审、专家评审,拟对以下45家企业给予研发费用补助,共计补助资金1200万元。现予以公示,公示期为2023年10月10日至10月16日。\n")
    kinds = [m.kind for m in process_bytes(notice.encode(), "g.txt").measures]
    assert kinds[:2] == ["heading", "measure"]
    qa = ("关于人才购房补贴的政策问答\n问:补贴如何申请?\n答:符合条件的人才可在购房后1年内向市人社局提出申请,"
          "经审核后由市财政局拨付。\n")
    assert [m.kind for m in process_bytes(qa.encode(), "qa.txt").measures][-1] == "measure"


def test_a_question_line_is_kept_and_the_answer_that_permits_is_a_measure():
    """Normalized text folds ？ to ?, which still ends a sentence (the question is a record of its own, not
    a dropped short line); 答:符合条件的人才可…申请 says what a reader may do: a provision."""
    from zhengce.pipeline import process_bytes
    qa = ("关于人才购房补贴的政策问答\n问:新引进的博士能享受哪些购房补贴?\n答:对新引进的全日制博士研究生,在我市首次购买商品住房的,"
          "给予20万元购房补贴,分5年发放。\n问:补贴如何申请?\n答:符合条件的人才可在购房后1年内向市人社局提出申请。\n")
    ms = process_bytes(qa.encode(), "qa.txt").measures
    assert [m.kind for m in ms] == ["heading", "other", "measure", "other", "measure"]
    assert ms[1].text.startswith("问:新引进") and ms[3].text == "问:补贴如何申请?"


def test_a_subsidy_table_is_one_provision_per_row_and_procedure_terms_are_provisions():
    """Rows of a flattened subsidy-standard table that state an amount are one measure each (its header row
    states nothing); 公示期:…至… and 如有异议,请…向…反映 are the procedure's terms; a numbered closing
    clause (五、本公告自发布之日起施行) is no measure."""
    from zhengce.pipeline import process_bytes
    text = ("宜昌市夷陵区人民政府关于开展家电消费补贴活动的公告\n一、补贴标准\n项目 | 补贴标准 | 责任单位\n"
            "一级能效空调 | 按成交价的15%给予补贴,每台最高不超过2000元 | 区商务局\n"
            "以旧换新 | 每台额外补贴200元 | 区商务局\n二、公示与监督\n公示期:2024年8月1日至8月7日。\n"
            "如有异议,请于公示期内向区商务局书面反映。\n三、本公告自发布之日起施行,由区商务局负责解释。\n")
    ms = process_bytes(text.encode(), "yiling.txt").measures

    def kind_of(head):
        return next(m.kind for m in ms if m.text.startswith(head))
    assert kind_of("项目 | 补贴标准") == "other"
    assert kind_of("一级能效空调") == "measure" and kind_of("以旧换新") == "measure"
    assert kind_of("公示期:") == "measure" and kind_of("如有异议") == "measure"
    assert kind_of("三、本公告") == "other"


def test_a_cited_frame_or_a_speaker_label_is_not_the_provisions_start():
    """《措施》明确,|对新建的…给予… and …局长张三答:|自2024年3月15日起,…: the spec puts the start where the
    provision's own wording begins; the frame or label is an item of its own (other)."""
    from zhengce.pipeline import process_bytes
    text = ("贵州出台措施支持数字经济发展\n本报讯 日前,贵州省人民政府办公厅印发《关于加快数字经济发展的若干措施》。\n"
            "《措施》明确,对新建的智能算力中心,按照实际算力设备投资额的10%给予补助,最高不超过2000万元。\n"
            "记者问:住房公积金方面有哪些调整?\n市住房公积金管理中心主任孙宏答:自2024年3月15日起,个人住房贷款最高额度提高至80万元。\n")
    ms = process_bytes(text.encode(), "gz.txt").measures
    starts = [m.text for m in ms if m.kind == "measure"]
    assert any(s.startswith("对新建的智能算力") for s in starts) and any(s.startswith("自2024年3月15日") for s in starts)
    assert not any(s.startswith(("《措施》", "市住房公积金")) for s in starts)


def test_rows_of_a_task_table_are_one_measure_each():
    from zhengce.pipeline import process_bytes
    text = ("西宁市优化营商环境重点任务分工方案\n现将重点任务分工如下:\n序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限\n"
            "1 | 推行企业开办“一网通办”,将企业开办时间压缩至1个工作日以内 | 市市场监管局 | 市公安局 | 2024年6月底前\n"
            "2 | 对新设立的小微企业首次申领税务UKey的,免费发放 | 市税务局 | 市财政局 | 长期坚持\n")
    ms = [m for m in process_bytes(text.encode(), "xn.txt").measures if m.kind == "measure"]
    assert [m.text[:3] for m in ms] == ["1 |", "2 |"]
