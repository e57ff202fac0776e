"""Rules added in round 14. Cases are written here from the spec (what a deadline is, who counts as a
responsible unit, what an amount is), not copied from gold pages."""
from __future__ import annotations

from zhengce.nlp.deadlines import find_deadlines
from zhengce.pipeline import process_bytes

LEAD = ("关于某某专项资金申报工作的通知\n为做好专项资金管理工作,结合本地实际,现将有关事项通知如下。"
        "本通知适用于本辖区注册企业。\n一、办理程序\n")


def extraction(body: str, lead: str = LEAD, tail: str = "某某省商务厅\n2024年7月19日\n"):
    return process_bytes((lead + body + "\n" + tail).encode(), "probe.txt")


def dates(text: str, issue: str | None = "2024-03-12") -> list[tuple]:
    return [(d.text, d.kind, d.date or (d.start_date, d.end_date)) for d in find_deadlines(text, issue_date=issue)]


# ------------------------------------------------------------------ tables

def test_a_spaced_table_header_is_kept_and_sizes_its_money_column():
    # the header (four short cells, no digit) had read as a site's menu bar and was dropped with its unit
    body = ("现将拟支持企业名单予以公示。\n序号\u3000盟市\u3000企业名称\u3000补助金额（万元）\n"
            "1\u3000呼和浩特市\u3000某某生物科技有限公司\u3000100\n2\u3000包头市\u3000某某新材料有限公司\u300086.42\n")
    ex = extraction(body)
    assert "补助金额（万元）" in ex.document.text
    assert {a.value_yuan for m in ex.measures for a in m.amounts} >= {1_000_000, 864_200}


def test_a_menu_bar_is_still_chrome():
    ex = extraction("企业按要求提交申报材料。\n", lead="首页 政务公开 政策文件 互动交流 办事服务\n" + LEAD)
    assert "互动交流" not in ex.document.text


def test_a_caption_table_whose_header_was_kept_reads_as_one_allocation_list():
    body = ("各地分配资金如下。\n单位：万元\n序号 地区 分配金额 备注\n1 甲市 3160 含区域养老服务中\n心8个\n"
            "2 乙市 860\n3 丙市 1180\n")
    ex = extraction(body)
    values = {a.value_yuan for m in ex.measures for a in m.amounts}
    assert {31_600_000, 8_600_000, 11_800_000} <= values
    rows = [m for m in ex.measures if "甲市" in ex.document.text[m.start:m.end]]
    assert len(rows) == 1 and "丙市" in ex.document.text[rows[0].start:rows[0].end]


# ------------------------------------------------------------------ dates

def test_a_moved_deadline_gives_both_dates_as_deadlines():
    got = dates("企业申报截止时间由2024年7月31日延长至2024年8月20日；各地审核后报送的时间，由2024年8月15日调整为2024年9月5日。")
    assert ("2024年7月31日", "by", "2024-07-31") in got
    assert ("延长至2024年8月20日", "by", "2024-08-20") in got
    assert ("2024年8月15日", "by", "2024-08-15") in got
    assert ("调整为2024年9月5日", "by", "2024-09-05") in got


def test_a_lengthened_validity_stays_an_until():
    got = dates("本办法执行期限延长至2025年12月31日。")
    assert got == [("至2025年12月31日", "until", "2025-12-31")]


def test_days_counted_from_the_documents_own_date_are_a_dated_deadline():
    assert dates("请自本通知发布之日起30日内报送材料。") == [("自本通知发布之日起30日内", "by", "2024-04-11")]
    assert dates("自印发之日起2个月内完成清理。", "2024-12-31") == [("自印发之日起2个月内", "by", "2025-02-28")]
    d = find_deadlines("请自本通知发布之日起30日内报送材料。", issue_date="2024-03-12")[0]
    assert d.year_inferred == "issue_date"
    # no document date: a period, never a guessed day
    assert [k for _, k, _ in dates("请自本通知发布之日起30日内报送材料。", None)] == ["within"]
    # working days depend on holidays: left a period
    assert [k for _, k, _ in dates("自本通知印发之日起15个工作日内完成。")] == ["within"]


def test_a_whole_month_after_yu_is_that_months_span_or_its_start():
    assert dates("各地应于次年1月将上年度资金结算材料报送省财政厅。") == [("应于次年1月", "span", ("2025-01-01", "2025-01-31"))]
    assert dates("请于2024年7月报送材料。") == [("请于2024年7月", "span", ("2024-07-01", "2024-07-31"))]
    assert dates("项目申报工作将于8月启动。") == [("于8月", "from", "2024-08-01")]
    # a day, an end or a part of the month keep their own readings
    assert dates("请于次年3月底前报送。") == [("请于次年3月底前", "by", "2025-03-31")]
    assert dates("数博会将于5月在贵阳举办。") == []


# ------------------------------------------------------------------ units

def test_the_body_applications_are_made_to_receives_them_though_it_also_reviews_them():
    ex = extraction("企业于9月30日前向注册地县（市）区商务主管部门提交申报材料，县（市）区商务主管部门初审后报市商务局。"
                    "市商务局会同市财政局组织复审。\n")
    roles = {u.name: u.role for u in ex.units}
    assert roles["县（市）区商务主管部门"] == "receiver"


def test_a_xinjiang_prefecture_list_opens_a_body_name():
    ex = extraction("各地（州、市）商务主管部门审核汇总后报送自治区商务厅。\n",
                    tail="新疆维吾尔自治区商务厅\n2024年7月19日\n")
    names = {u.name for u in ex.units}
    assert "各地（州、市）商务主管部门" in names
    assert not any(n.startswith("省") for n in names)


# ------------------------------------------------------------------ layout

def test_a_spaced_task_table_gives_a_provision_per_row_with_its_due_date():
    body = ("附件：重点任务清单\n序号 重点任务 责任单位 完成时限\n1 印发章程，组建理事会 县卫生健康委 2024年10月底前\n"
            "2 制定打包付费实施细则 县医保局 县财政局 2024年11月底前\n3 完成编制核定 县委编办 2024年12月底前\n")
    ex = extraction(body)
    text = ex.document.text
    rows = [m for m in ex.measures if text[m.start:m.start + 2] in ("1 ", "2 ", "3 ")]
    assert [m.kind for m in rows] == ["measure"] * 3
    assert [d.date for m in rows for d in m.deadlines] == ["2024-10-31", "2024-11-30", "2024-12-31"]


def test_a_task_table_flattened_one_cell_per_line_keeps_its_last_row_over_the_signature():
    body = ("附件：重点任务分解表\n序号\n重点任务\n牵头单位\n配合单位\n完成时限\n1\n农村户厕改造\n县农业农村局\n"
            "县卫生健康局、县财政局、各乡镇（街道）\n2024年8月底\n2\n生活污水治理\n县住房和城乡建设局\n县水务局、各乡镇（街道）\n"
            "2024年11月底\n")
    ex = extraction(body, tail="某某县人民政府办公室\n2024年3月28日\n")
    roles = {u.name: u.role for u in ex.units}
    assert roles["县农业农村局"] == "lead" and roles["县住房和城乡建设局"] == "lead"
    assert roles["县卫生健康局"] == "co" and roles["县水务局"] == "co"
    last = [m for m in ex.measures if "生活污水治理" in ex.document.text[m.start:m.end]]
    assert len(last) == 1 and "2024年11月底" in ex.document.text[last[0].start:last[0].end]


def test_a_related_video_list_is_chrome():
    ex = extraction("企业按要求提交申报材料。\n\n相关视频\n· 某区：早稻收割进入高峰期\n· 某区稻虾共养亩均增收3000元\n")
    assert "稻虾共养" not in ex.document.text


def test_a_tv_items_sound_bite_is_reporting_to_the_end_of_its_quotation():
    lead = "某市出台中小企业数字化改造补助办法\n记者从市经信局获悉，我市出台中小企业数字化改造补助办法。\n"
    body = ("对购买数字化产品和服务的，按实际支付费用的50%给予补助。\n"
            "同期声（市经济和信息化局副局长 张某）：“2021年以来，全市已经累计实施数字化改造项目1800个。"
            "接下来我们重点要解决中小企业不敢转的问题，让更多企业用得起数字化产品。”\n")
    ex = extraction(body, lead=lead, tail="")
    text = ex.document.text
    quote = [m for m in ex.measures if "同期声" in text[m.start:m.end]]
    assert len(quote) == 1 and quote[0].kind == "news" and "接下来" in text[quote[0].start:quote[0].end]


def test_a_prefecture_bureau_in_xinjiang_keeps_its_level_word():
    ex = extraction("安置点项目由县发展和改革委员会汇总后报地区发展和改革委员会审批。\n", tail="某某县人民政府办公室\n2024年3月28日\n")
    assert "地区发展和改革委员会" in {u.name for u in ex.units}
    # 所在地区 is no level
    ex = extraction("购房补贴由购房人向用人单位所在地区人社部门申请。\n")
    assert "地区人社部门" not in {u.name for u in ex.units}


def test_a_reported_documents_effective_date_after_a_comma_stays_in_its_sentence():
    lead = "某市住房公积金新政发布\n记者从市住房公积金管理中心获悉，"
    body = ("中心印发了《关于进一步优化住房公积金使用政策的通知》（某公积金发〔2024〕9号），自2024年10月20日起施行。\n"
            "在提高贷款额度方面，夫妻双方均缴存的最高贷款额度由70万元提高至80万元。\n")
    ex = extraction(body, lead=lead, tail="")
    text = ex.document.text
    assert not any(text.startswith("自2024年10月20日", m.start) for m in ex.measures)


def test_a_fraction_of_a_month_from_the_documents_date_stays_a_period():
    assert [k for _, k, _ in dates("自发布之日起半个月内完成。")] == ["within"]


def test_offices_a_claim_is_filed_with_and_levelled_departments_are_named_whole():
    lead = "财政部 税务总局关于支持农村金融发展有关税收政策的公告\n为支持农村金融发展，现将有关税收政策公告如下。\n"
    tail = "财政部 税务总局\n2025年2月28日\n"
    def names(body):
        return {u.name for u in extraction(body, lead=lead, tail=tail).units}
    assert "主管税务机关" in names("一、纳税人应向主管税务机关申报享受优惠。\n")
    assert "省级地方金融管理部门" in names("二、省级地方金融管理部门负责认定名单。\n")
    assert "地方各级财政部门" in names("三、地方各级财政部门负责资金拨付。\n")
    assert "失业保险经办机构" in names("四、失业保险经办机构负责审核发放。\n")
    assert not any("各级财政部门" == n for n in names("五、各级财政部门负责拨付。\n"))
