"""Money amounts in forms not seen while tuning: a stress set written from the spec alone.

Every sentence is invented (in the style of 办法 / 细则 / 通知 / news from many provinces), none is
taken from the corpus or the gold, and each expectation was written from
``../shared/extraction-spec.md`` ("Money amounts") and ``tests/gold/dev2/FORMAT.md`` *before* the
extractor was run on it. Conventions the spec leaves to the extractor, and which these cases follow:

- ``per_unit`` (spec kind) is written here as ``PER``: a per-unit amount is ``per_unit`` with its ``per``
  filled (``2000元/人·月`` -> per ``人/月``); a one-off sum (``一次性``) is ``fixed``; a per-unit amount under
  a cap word is ``cap`` (the spec: cap wins over per-unit).
- percentages carry ``percent`` and no ``value_yuan``; a qualifier glued before them is in the span.
- ``approximate`` amounts (余/多/数十/约/近/左右) are flagged; 余/多/数十 give the usual range.
- ``per`` is compared only where a case names it.

Cases where the spec does not decide are kept apart at the end as documented xfails.
"""
from __future__ import annotations

import pytest

from zhengce.nlp.amounts import find_amounts

PER = "per_unit"   # spec kind (schema 1.3.0; before it the extractor wrote fixed + per)


def A(text, kind, value=None, lo=None, pct=None, per="?", apx=None, raw=None):
    d = {"text": text, "kind": kind, "value_yuan": value, "min_yuan": lo, "percent": pct}
    if per != "?":
        d["per"] = per
    if apx is not None:
        d["approximate"] = apx
    if raw is not None:
        d["raw_value"] = raw
    return d


CASES = [
    # ---- written forms: 大写, 人民币, ¥, 整, 零, 千万
    ("m01", "经评审，给予该项目奖励人民币伍拾万元整。", [A("人民币伍拾万元整", "fixed", 500_000)]),
    ("m02", "合同金额大写：壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分。",
     [A("壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分", ("fixed", "other"), 1_234_567.89)]),
    ("m03", "补助金额壹万零伍佰元整（小写：10,500.00元）。",
     [A("壹万零伍佰元整", "fixed", 10_500), A("10,500.00元", "fixed", 10_500)]),
    ("m04", "中标金额为￥486,000.00，由区财政局拨付。", [A("￥486,000.00", ("fixed", "other"), 486_000)]),
    ("m05", "本次共拨付奖补资金1千万元。", [A("1千万元", ("fixed", "other"), 1e7)]),
    ("m06", "对首次认定的企业给予一次性奖励1.5亿元。", [A("1.5亿元", "fixed", 1.5e8, per="一次性")]),
    ("m07", "项目获得省级补助5百万元。", [A("5百万元", ("fixed", "other"), 5e6)]),
    ("m08", "对获奖团队给予二十万元资助。", [A("二十万元", "fixed", 200_000)]),
    # ---- per-unit
    ("p01", "对引进的博士研究生给予5万元/人的安家补贴。", [A("5万元/人", PER, 50_000, per="人")]),
    ("p02", "按每平方米每月20元的标准给予租金补贴。", [A("每平方米每月20元", PER, 20, per="平方米/月")]),
    ("p03", "见习期间给予2000元/人·月的生活补助。", [A("2000元/人·月", PER, 2000, per="人/月")]),
    ("p04", "对关停的燃煤锅炉按200元/吨标准煤给予奖励。", [A("200元/吨标准煤", PER, 200, per="吨标准煤")]),
    ("p05", "分布式光伏发电按0.1元/千瓦时给予度电补贴。", [A("0.1元/千瓦时", PER, 0.1, per="千瓦时")]),
    ("p06", "对新建充电桩按0.2元/瓦给予一次性建设补贴。", [A("0.2元/瓦", PER, 0.2, per="瓦")]),
    ("p07", "参加培训的按50元/人次给予补助。", [A("50元/人次", PER, 50, per="人次")]),
    ("p08", "对集装箱航线按100元/标准箱给予补贴。", [A("100元/标准箱", PER, 100, per="标准箱")]),
    ("p09", "污水处理费按1.2元/立方米征收。", [A("1.2元/立方米", PER, 1.2, per="立方米")]),
    ("p10", "对种植大户每亩补贴300元。", [A("300元", PER, 300, per="亩")]),
    ("p11", "按每人每年1200元的标准发放。", [A("每人每年1200元", PER, 1200, per="人/年")]),
    ("p12", "每户每月最高不超过2000元。", [A("每户每月最高不超过2000元", "cap", 2000, per="户/月")]),
    ("p13", "给予最高5000元/户的一次性补助。", [A("最高5000元/户", "cap", 5000, per="户")]),
    ("p14", "入住人才公寓的，按10元/平方米/月收取租金。", [A("10元/平方米/月", PER, 10, per="平方米/月")]),
    ("p15", "对发表的论文按2000元/篇给予奖励。", [A("2000元/篇", PER, 2000, per="篇")]),
    # ---- caps
    ("c01", "对符合条件的企业给予不超过50万元的奖励。", [A("不超过50万元", "cap", 500_000)]),
    # (corrected after the first run: 每家企业 before the cap word is the per-unit prefix, kept in the span
    # as in 最高不得超过每个基地每年55万元)
    ("c02", "每家企业最多可获200万元支持。", [A("每家企业最多可获200万元", "cap", 2e6, per="企业")]),
    ("c03", "单个项目补助金额上限为300万元。", [A("上限为300万元", "cap", 3e6)]),
    ("c04", "奖励金额最高100万元封顶。", [A("最高100万元封顶", "cap", 1e6)]),
    ("c05", "给予贷款贴息，贴息金额以50万元为限。", [A("50万元", "cap", 500_000)]),
    ("c06", "资助金额在5万元以内。", [A("5万元以内", "cap", 50_000)]),
    ("c07", "给予10万元以下的一次性补助。", [A("10万元以下", "cap", 100_000)]),
    ("c08", "创业担保贷款额度最高可达300万元。", [A("最高可达300万元", "cap", 3e6)]),
    ("c09", "补助资金总额不超过1000万元。", [A("不超过1000万元", "cap", 1e7)]),
    # (corrected after the first run: the span convention, as p12 and the gold's 每人每月500元, keeps 每次)
    ("c10", "给予最多3次、每次不超过5万元的支持。", [A("每次不超过5万元", "cap", 50_000, per="次")]),
    ("c11", "对单个企业的年度奖补总额最高不超过500万元。", [A("最高不超过500万元", "cap", 5e6)]),
    ("c12", "给予5万元(含)以内的资助。", [A("5万元(含)以内", "cap", 50_000)]),
    ("c13", "按实际投资额的30%给予补助，最高不超过200万元。",
     [A("30%", "ratio", pct=30), A("最高不超过200万元", "cap", 2e6)]),
    ("c14", "按不超过实际发生费用50%的比例给予补贴，单个企业最高100万元。",
     [A("50%", "ratio", pct=50), A("最高100万元", "cap", 1e6)]),
    ("c15", "每个项目资助额度原则上不高于80万元。", [A("不高于80万元", "cap", 800_000)]),
    ("c16", "贷款额度由20万元提高至最高50万元。", [A("20万元", ("fixed", "cap", "other"), 200_000),
                                              A("最高50万元", "cap", 500_000)]),
    # ---- ranges
    ("r01", "给予1-3万元的一次性补助。", [A("1-3万元", "range", 30_000, lo=10_000)]),
    ("r02", "根据评估结果给予1万～3万元奖励。", [A("1万～3万元", "range", 30_000, lo=10_000)]),
    ("r03", "对入选项目给予三至五万元资助。", [A("三至五万元", "range", 50_000, lo=30_000)]),
    ("r04", "给予5000-10000元的奖励。", [A("5000-10000元", "range", 10_000, lo=5000)]),
    ("r05", "给予50万至100万元支持。", [A("50万至100万元", "range", 1e6, lo=500_000)]),
    ("r06", "分档给予1万元至5万元不等的奖励。", [A("1万元至5万元", "range", 50_000, lo=10_000)]),
    ("r07", "按项目规模给予20万—50万元补助。", [A("20万—50万元", "range", 500_000, lo=200_000)]),
    ("r08", "给予0.5-1万元的培训补贴。", [A("0.5-1万元", "range", 10_000, lo=5000)]),
    ("r09", "按200~500元/人的标准给予补贴。", [A("200~500元/人", "range", 500, lo=200, per="人")]),
    ("r10", "给予5000万元至1亿元的股权投资。", [A("5000万元至1亿元", "range", 1e8, lo=5e7)]),
    ("r11", "每人给予500至1000元的交通补贴。", [A("500至1000元", "range", 1000, lo=500)]),
    # ---- lists
    ("l01", "第1名奖励10万元、第2名5万元、第3名3万元。",
     [A("10万元", "fixed", 1e5), A("5万元", "fixed", 5e4), A("3万元", "fixed", 3e4)]),
    ("l02", "一、二、三等奖分别奖励10万元、5万元、3万元。",
     [A("10万元", "fixed", 1e5), A("5万元", "fixed", 5e4), A("3万元", "fixed", 3e4)]),
    ("l03", "对国家级、省级、市级平台分别给予100万/50万/20万元奖励。",
     [A("100万", "fixed", 1e6), A("50万", "fixed", 5e5), A("20万元", "fixed", 2e5)]),
    ("l04", "补助资金按年度分三年拨付，每年拨付100万元。", [A("100万元", "per_unit", 1e6)]),
    # ---- thresholds and targets
    ("t01", "年主营业务收入2000万元以上的工业企业。", [A("2000万元以上", "threshold", 2e7)]),
    ("t02", "申报企业上年度研发投入不低于500万元。", [A("500万元", "threshold", 5e6)]),
    ("t03", "对年纳税额首次超过1亿元的企业给予奖励。", [A("1亿元", "threshold", 1e8)]),
    ("t04", "到2025年，全市数字经济规模突破5000亿元。", [A("5000亿元", "target", 5e11)]),
    ("t05", "给予不低于5万元的配套资助。", [A("5万元", ("fixed", "threshold"), 50_000)]),
    # ---- ratios and rates
    ("q01", "对企业贷款给予贴息50%。", [A("50%", "ratio", pct=50)]),
    ("q02", "按贷款市场报价利率(LPR)的50%给予贴息。", [A("50%", "ratio", pct=50)]),
    ("q03", "贷款利率在LPR基础上下浮10%。", [A("10%", "ratio", pct=10)]),
    ("q04", "年化利率不超过3.85%。", [A("不超过3.85%", "ratio", pct=3.85)]),
    ("q05", "担保费率不高于1%。", [A("不高于1%", "ratio", pct=1)]),
    ("q06", "按贷款额的0.5‰给予金融机构奖励。", [A("0.5‰", "ratio", pct=0.05)]),
    ("q07", "按融资额的千分之五给予奖励。", [A("千分之五", "ratio", pct=0.5)]),
    ("q08", "按发行额的万分之五给予补贴。", [A("万分之五", "ratio", pct=0.05)]),
    ("q09", "按照1∶1的比例安排配套资金。", [A("1∶1", "ratio")]),
    ("q10", "补助资金分三年拨付，首年拨付50%。", [A("50%", "ratio", pct=50)]),
    ("q11", "按项目投资额的百分之二十给予补助。", [A("百分之二十", "ratio", pct=20)]),
    # ---- approximate
    ("a01", "全年安排专项资金约5000万元。", [A("约5000万元", ("fixed", "other"), 5e7, apx=True)]),
    ("a02", "累计发放补贴近3亿元。", [A("近3亿元", "other", 3e8, apx=True)]),
    ("a03", "项目总投资1000万元左右。", [A("1000万元左右", ("fixed", "other"), 1e7, apx=True)]),
    ("a04", "每户获得补贴3万多元。", [A("3万多元", ("per_unit", "other"), 40_000, lo=30_000, apx=True)]),
    ("a05", "带动投资十余万元。", [A("十余万元", ("fixed", "other"), 200_000, lo=100_000, apx=True)]),
    ("a06", "撬动社会资本数百万元。", [A("数百万元", ("fixed", "other"), 1e7, lo=1e6, apx=True)]),
    # (corrected after the first run: written as a negative, but 下降2元 is a monetary amount the spec
    # counts; 每百元 is the denominator, not an amount)
    ("s01", "每百元营业收入中的成本下降2元。", [A("2元", ("fixed", "other"), 2)]),
    # ---- unit lost in scraping
    ("u01", "补贴标准为每人1500/月。", [A("每人1500/月", "per_unit", None, per="月", raw=1500)]),
]

# Second round, written from the spec after the first round was fixed and before running these.
CASES += [
    ("b01", "对新招用的员工给予月薪1万5千元的补贴。", [A("1万5千元", "fixed", 15_000)]),
    ("b02", "给予每人最高1万元的一次性创业补贴。", [A("每人最高1万元", "cap", 10_000, per="人")]),
    ("b03", "对认定的企业给予50万奖励。", [A("50万", "fixed", 500_000)]),
    ("b04", "根据评审结果给予10万-50万补助。", [A("10万-50万", "range", 500_000, lo=100_000)]),
    ("b05", "给予一万五千元的安家费。", [A("一万五千元", "fixed", 15_000)]),
    ("b06", "按照每吨50元的标准给予运费补贴。", [A("每吨50元", PER, 50, per="吨")]),
    ("b07", "按照每千瓦时0.05元给予补贴。", [A("每千瓦时0.05元", PER, 0.05, per="千瓦时")]),
    ("b08", "补助不超过项目投资额的30%且不超过500万元。",
     [A("30%", "ratio", pct=30), A("不超过500万元", "cap", 5e6)]),
    # (corrected after running: 以上 stays in the span, as t01's 2000万元以上)
    ("b09", "对年销售收入500万元(含)以上的企业给予奖励。", [A("500万元(含)以上", "threshold", 5e6)]),
    ("b10", "对年应纳税所得额不超过100万元(含100万元)的部分减免。", [A("不超过100万元", "threshold", 1e6)]),
    ("b11", "房租补贴第一年100%，第二年50%。", [A("100%", "ratio", pct=100), A("50%", "ratio", pct=50)]),
    ("b12", "按其缴纳个人所得税地方留成部分的50%给予奖励。", [A("50%", "ratio", pct=50)]),
    ("b13", "人均补贴不超过2万元。", [A("不超过2万元", "cap", 20_000)]),
    ("b14", "单笔贷款最高3000万元。", [A("最高3000万元", "cap", 3e7)]),
    ("b15", "给予1,000万元的股权投资支持。", [A("1,000万元", "fixed", 1e7)]),
    ("b16", "补贴资金500万元人民币，由市财政承担。", [A("500万元", "fixed", 5e6)]),
    ("b17", "奖励A类人才50万元、B类人才30万元。", [A("50万元", "fixed", 5e5), A("30万元", "fixed", 3e5)]),
    ("b18", "给予贷款额2%的贴息。", [A("2%", "ratio", pct=2)]),
    ("b19", "对购买首套住房的给予购房款1%的补贴，最高不超过3万元。",
     [A("1%", "ratio", pct=1), A("最高不超过3万元", "cap", 30_000)]),
    ("b20", "每个孵化器每年补助运营经费20万元。", [A("20万元", "per_unit", 2e5)]),
    ("b21", "按照2.5万元/年的标准补贴，连续补贴3年。", [A("2.5万元/年", PER, 25_000, per="年")]),
    ("b22", "给予最高不超过贷款利息的50%贴息。", [A("50%", "ratio", pct=50)]),
    ("b23", "项目总投资3.2亿元，其中中央预算内投资8000万元。",
     [A("3.2亿元", ("fixed", "other"), 3.2e8), A("8000万元", ("fixed", "other"), 8e7)]),
    ("b24", "给予5千元至2万元的奖励。", [A("5千元至2万元", "range", 20_000, lo=5000)]),
]

# Third round (probed by hand first, so not counted as unseen): colloquial and banded forms.
CASES += [
    ("d01", "该项目投资1个亿。", [A("1个亿", ("fixed", "other"), 1e8)]),
    ("d02", "给予5万元以上10万元以下的补助。", [A("5万元以上10万元以下", "range", 100_000, lo=50_000)]),
    ("d03", "年销售收入500万元以上1000万元以下的企业。",
     [A("500万元以上1000万元以下", "threshold", 1e7, lo=5e6)]),
    ("d04", "按照1比1的比例配套。", [A("1比1", "ratio")]),
]

# Sentences with numbers that size nothing in money: no amount at all.
NEGATIVES = [
    "咨询电话：0851-86812345，13812345678。",
    "黔府办发〔2023〕15号",
    "本办法自2023年1月1日起施行，有效期至2025年12月31日。",
    "2023年度专项资金申报指南",
    "全市共有1000余人参加培训。",
    "加快5G基站建设，新建5G基站1000个。",
    "第3批市级专精特新企业名单",
    "全市地区生产总值增长6.5%，增速比上年提高0.5个百分点。",
    "研发经费投入强度达到2.5%。",
    "新建厂房面积2万平方米，占地50亩。",
    "年龄在40周岁以下，具有3年以上工作经验。",
    "破除城乡二元结构，推动投资主体多元化。",
    "发展4K/8K超高清视频产业。",
    "按1:500比例尺测绘地形图。",
    "带动就业1-3万人。",
    "《规划》期限为2021-2025年。",
    "培育一批千万元级、亿元级企业，打造3个百亿元级产业集群。",
    "对外资企业实际到资超过1000万美元的，按规定予以支持。",
    "在10个工作日内完成审核，公示期为5天。",
    "执行GB/T 19001-2016标准。",
    # second round
    "新增装机容量10万千瓦，年产能100万吨。",
    "服务企业3万人次，覆盖1.2万户。",
    "全省5A级景区达到20家，财政部令第87号。",
    "贷款不良率控制在3%以内，群众满意度达到98%。",
    "拨打12345政务服务热线，或120急救电话。",
    "规模以上工业增加值增长8.5%，年均增长10%以上。",
    "以3比2战胜对手，观众1万余人。",
]


def _check(text, expected):
    items = find_amounts(text)
    for a in items:
        assert text[a.start:a.end] == a.text
    got = [(a.text, a.kind, a.value_yuan, a.min_yuan, a.percent) for a in items]
    assert len(items) == len(expected), got
    for a, e in zip(items, expected):
        assert a.text == e["text"], got
        kinds = e["kind"] if isinstance(e["kind"], tuple) else (e["kind"],)
        assert a.kind in kinds, got
        if e["value_yuan"] is None:
            assert a.value_yuan is None, got
        else:
            assert a.value_yuan == pytest.approx(e["value_yuan"]), got
        if e["min_yuan"] is not None:
            assert a.min_yuan == pytest.approx(e["min_yuan"]), got
        if e["percent"] is not None:
            assert a.percent == pytest.approx(e["percent"]), got
        if "per" in e:
            assert a.per == e["per"], (a.per, got)
        if "approximate" in e:
            assert a.approximate == e["approximate"], got
        if "raw_value" in e:
            assert a.unit_missing and a.raw_value == e["raw_value"], got


@pytest.mark.parametrize("cid, text, expected", CASES, ids=[c[0] for c in CASES])
def test_money_forms(cid, text, expected):
    _check(text, expected)


@pytest.mark.parametrize("text", NEGATIVES)
def test_numbers_that_are_not_money(text):
    assert [(a.text, a.kind, a.value_yuan, a.percent) for a in find_amounts(text)] == []


def test_foreign_currency_is_never_read_as_yuan():
    # spec: value_yuan is yuan; a dollar amount has no yuan value without an exchange rate
    for text in ("引进外资项目合同外资额5000万美元", "融资1亿港元", "出口额达到300万欧元"):
        assert all(a.value_yuan is None for a in find_amounts(text)), text


# ---- where the spec does not decide: kept as documented expectations, not passed by fiat
def test_table_unit_header():
    # the caption's unit sizes the bare numbers of the column its header names as money (round 28)
    text = "表1 补助资金安排表（单位：万元）\n项目名称 补助金额\n甲项目 50\n乙项目 30"
    assert sorted(a.value_yuan for a in find_amounts(text)) == [300_000, 500_000]
    # a count column is no money column, whatever the caption says
    assert find_amounts("表1 补助资金安排表（单位：万元）\n项目名称 受益户数\n甲项目 50\n乙项目 30") == []
    # numbered rows narrower than their header stay the caption table's: every row's sum is read
    rows = "单位：万元\n序号 地区 分配金额 备注\n1 武汉市 3160 含区域中心\n2 黄石市 860\n3 十堰市 1180 含山区县倾斜\n4 宜昌市 1360"
    assert sorted(a.value_yuan for a in find_amounts(rows)) == [8_600_000, 11_800_000, 13_600_000, 31_600_000]


@pytest.mark.xfail(reason="a fraction of a grant (三分之一): the spec names percentages only; read as a ratio "
                          "here would be a convention the spec has not made", strict=False)
def test_fraction_of_a_grant():
    items = find_amounts("补助资金分三年拨付，每年拨付三分之一。")
    assert [(a.kind, round(a.percent, 2)) for a in items] == [("ratio", 33.33)]
