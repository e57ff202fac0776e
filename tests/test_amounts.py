"""Money amounts: values, kinds, per-units, damaged units, and what is NOT money.

Snippets are short quotes from the bundled seeds and the dev corpus (cited by file).
"""
from __future__ import annotations

import pytest

from zhengce.nlp.amounts import find_amounts


def one(text: str):
    items = find_amounts(text)
    assert len(items) == 1, [a.text for a in items]
    a = items[0]
    assert text[a.start:a.end] == a.text
    return a


@pytest.mark.parametrize("text, span, kind, value, per", [
    # seed 001 (Nanning)
    ("按照2万元/个的标准进行补助", "2万元/个", "per_unit", 20000, "个"),
    ("对同一企业每年补助最高20万元。", "最高20万元", "cap", 200000, "年"),
    ("房租和宽带接入费最高不得超过每个基地每年55万元。", "最高不得超过每个基地每年55万元", "cap", 550000, "基地/年"),
    ("积极帮助符合条件的个人申请最高单笔10万元的创业担保贷款", "最高单笔10万元", "cap", 100000, None),
    ("对每家企业奖励金额不超过100 万元", "不超过100 万元", "cap", 1000000, "企业"),   # the counted noun, as 每家企业最高… gives
    ("自治区申请给予一次性工作经费补助50万元", "50万元", "fixed", 500000, "一次性"),
    # seed 003 (Qinghai)
    ("绩效突出的给予100万元以内的后补助奖励", "100万元以内", "cap", 1000000, None),
    # dev-015, dev-016, dev-022, dev-048
    ("按照第一年每月1200元标准给予租金补贴", "每月1200元", "per_unit", 1200, "月"),
    ("第一年1元/平方米·天", "1元/平方米·天", "per_unit", 1, "平方米/天"),
    ("给与50万元/人的培育资本", "50万元/人", "per_unit", 500000, "人"),
    ("每件资助不超过0.6万元", "不超过0.6万元", "cap", 6000, "件"),
    # Chinese numerals
    ("给予五十万元奖励", "五十万元", "fixed", 500000, None),
    ("补贴两万元", "两万元", "fixed", 20000, None),
    ("一次性奖励1.5亿元", "1.5亿元", "fixed", 150_000_000, "一次性"),
])
def test_single_amounts(text, span, kind, value, per):
    a = one(text)
    assert a.text == span
    assert a.kind == kind
    assert a.value_yuan == pytest.approx(value)
    assert a.per == per
    assert not a.unit_missing


@pytest.mark.parametrize("text, span, lo, hi", [
    ("可获2万元-20万元无偿资助", "2万元-20万元", 20000, 200000),            # dev-016
    ("对新认定的省级科技企业孵化器给予20万元到50万元后补助", "20万元到50万元", 200000, 500000),  # dev-052
    ("可申请一次性20-40万元补助", "20-40万元", 200000, 400000),            # dev-060
    ("分别给予每人400-1600元培训补贴", "每人400-1600元", 400, 1600),         # dev-022
])
def test_ranges(text, span, lo, hi):
    a = one(text)
    assert (a.text, a.kind) == (span, "range")
    assert a.min_yuan == pytest.approx(lo) and a.value_yuan == pytest.approx(hi)


@pytest.mark.parametrize("text, span", [
    ("对年税收100万元以上或者带动100人以上就业的", "100万元以上"),             # dev-016
    ("投资总额在1亿元以上", "1亿元以上"),                                    # dev-006
    ("项目的固定资产投资额达到1000万元以上", "1000万元以上"),
    ("对年应纳税所得额不超过30万元(含30万元)的小型微利企业", "不超过30万元"),  # seed 001
    ("注册资本300万元以上的企业", "300万元以上"),
    ("年营业收入达到500万元的企业", "500万元"),
])
def test_thresholds_are_conditions_not_grants(text, span):
    items = find_amounts(text)
    assert [a.text for a in items] == [span]
    assert items[0].kind == "threshold"


def test_target_amount_in_goal_sentence():
    a = one("到2030年,年技术合同成交额突破100亿元")                               # dev-053
    assert (a.kind, a.value_yuan) == ("target", 1e10)


@pytest.mark.parametrize("text, span, percent", [
    ("按首台(套)产品销售价格的50%予以奖励", "50%", 50),                     # seed 001
    ("每年实际缴纳的房租和宽带接入费的70%给予补助", "70%", 70),
    ("给予实际支付贷款利息50%的贴息资助", "50%", 50),                          # dev-023
    ("补助比例可适当放大,最高不超过20%", "最高不超过20%", 20),                  # dev-006
    ("按年度累计发行额的0.01%申请自治区奖励", "0.01%", 0.01),
    ("职务科技成果转化的收益,按至少70%的比例划归成果完成人", "70%", 70),   # seed 001
])
def test_subsidy_ratios(text, span, percent):
    a = one(text)
    assert (a.text, a.kind, a.percent, a.value_yuan) == (span, "ratio", percent, None)


def test_fee_rate_cut_is_a_ratio_pair():
    items = find_amounts("失业保险费率由2%降至1%")                                 # seed 001
    assert [(a.kind, a.percent) for a in items] == [("ratio", 2.0), ("ratio", 1.0)]


def test_floor_percentage_is_a_threshold():
    items = find_amounts("核心成员出资总额不低于注册资本的30%")                       # dev-016
    assert [(a.kind, a.percent) for a in items] == [("threshold", 30.0)]


@pytest.mark.parametrize("text", [
    "今年全市新发放创业担保贷款近12亿元",                                          # dev-036
    "三季度临沂市累计发放小额担保贷款2.29亿元",                                      # dev-037
    "对2017年度科技创新券补助的单位下达2143.4万元的补助金额",                        # dev-056
    "兑付区级高企奖励扶持资金4600余万元",                                            # dev-029
])
def test_reported_money_is_a_statistic_not_a_grant(text):
    # spec: every monetary amount counts; money reported as spent or received is kind ``other``
    assert [a.kind for a in find_amounts(text)] == ["other"]


def test_reported_context_keeps_policy_grants():
    items = find_amounts("130家企业中有5家获得最高20万元补助")                         # dev-056
    assert [(a.text, a.kind) for a in items] == [("最高20万元", "cap")]


def test_cap_carried_through_year_list():
    items = find_amounts("每户每月场租补贴最高限额分别为:第一年800元,第二年600元,第三年400元")  # dev-014
    assert [(a.kind, a.value_yuan) for a in items] == [("cap", 800), ("cap", 600), ("cap", 400)]


def test_leverage_ratio():
    a = one("财政资金撬动银行贷款比例达到1:10以上")                               # seed 001
    assert (a.text, a.kind, a.ratio) == ("1:10", "ratio", 10.0)


@pytest.mark.parametrize("text, span, raw, per, kind", [
    ("补贴标准最高不超过1300//月(两项合计)", "最高不超过1300//月", 1300, "月", "cap"),   # seed 001
    ("给予2000/户的一次性补贴", "2000/户", 2000, "户", "per_unit"),
    ("按1500/人标准给予一次性补助", "1500/人", 1500, "人", "per_unit"),
    ("就业见习补贴标准由原来的750/.月提高", "750/.月", 750, "月", "per_unit"),
])
def test_damaged_amounts_keep_number_but_not_unit(text, span, raw, per, kind):
    a = one(text)
    assert (a.text, a.per, a.kind) == (span, per, kind)
    assert a.unit_missing and a.unit is None and a.value_yuan is None
    assert a.raw_value == raw


def test_list_qualifier_covers_every_item():
    items = find_amounts("分别给予不超过10万元、50万元、100万元的一次性奖补")            # dev-021
    assert [(a.kind, a.value_yuan) for a in items] == [("cap", 1e5), ("cap", 5e5), ("cap", 1e6)]


def test_fixed_list_stays_fixed():
    items = find_amounts("按不同级别给予一次性奖励:国家级100万元、省级50万元、市级20万元")  # dev-010
    assert [(a.kind, a.value_yuan) for a in items] == [("fixed", 1e6), ("fixed", 5e5), ("fixed", 2e5)]


@pytest.mark.parametrize("text", [
    "南府办〔2016〕34号",
    "2016年6月13日",
    "联系电话:0771-5501234",
    "1.进一步转变政府职能 2.深化商事制度改革",
    "全市建成众创空间10家以上",
    "占比达到60%以上",
    "见习期满留用率达到50%的",
    "带动就业2.5万人",
    "面积88.6万平方米",
    "2012年08月10日 11:30",
    "统一元素",
])
def test_not_money(text):
    assert find_amounts(text) == []


def test_offsets_are_document_level_and_window_respected():
    text = "前文。补助最高20万元。后文给予50万元。"
    s = text.index("补助")
    e = text.index("后文")
    items = find_amounts(text, s, e)
    assert [a.text for a in items] == ["最高20万元"]
    assert text[items[0].start:items[0].end] == "最高20万元"


def test_seed_nanning_amounts(seed_path):
    text = seed_path("nanning").read_text(encoding="utf-8")
    items = find_amounts(text)
    for a in items:
        assert text[a.start:a.end] == a.text
    got = {(a.text, a.kind) for a in items}
    for expected in [("2万元/个", "per_unit"), ("最高20万元", "cap"), ("最高不超过1300//月", "cap"),
                     ("1:10", "ratio"), ("不超过3万元", "threshold")]:
        assert expected in got
    assert not any(a.value_yuan is not None and a.value_yuan in (2016.0, 2017.0, 2020.0) for a in items)


def test_dev_corpus_caps_and_ranges(dev_corpus):
    text = (dev_corpus / "dev-017.txt").read_text(encoding="utf-8")
    caps = [a for a in find_amounts(text) if a.kind == "cap"]
    assert {a.value_yuan for a in caps} >= {300000.0, 1000000.0, 2000000.0}
    text = (dev_corpus / "dev-015.txt").read_text(encoding="utf-8")
    monthly = [a.value_yuan for a in find_amounts(text) if a.per == "月"]
    assert monthly[:3] == [1200.0, 1000.0, 700.0]


@pytest.mark.parametrize("text, span, value", [
    ("奖励１０，０００元", "１０，０００元", 10_000),        # full-width digits and separator
    ("奖励10，000元", "10，000元", 10_000),                  # never 0
    ("奖励82，225.00元", "82，225.00元", 82_225),
    ("给予肆佰叁拾萬圆整", "肆佰叁拾萬圆整", 4_300_000),      # financial numerals, 圆
    ("补贴一百二十三元1角1分", "一百二十三元1角1分", 123.11),
])
def test_written_forms(text, span, value):
    a = one(text)
    assert (a.text, a.value_yuan) == (span, pytest.approx(value))


@pytest.mark.parametrize("text, span, lo, hi", [
    ("给予3万至5万元补贴", "3万至5万元", 30_000, 50_000),
    ("给予1万(含)-5万元奖励", "1万(含)-5万元", 10_000, 50_000),
    ("给予1万元--5万元奖励", "1万元--5万元", 10_000, 50_000),
    ("给予10万元-30万元资助", "10万元-30万元", 100_000, 300_000),
])
def test_ranges_are_one_item(text, span, lo, hi):
    a = one(text)
    assert (a.text, a.kind, a.min_yuan, a.value_yuan) == (span, "range", lo, hi)


def test_shared_unit_distributes():
    items = find_amounts("按评估等级分别给予2万/5万/10万元奖励")
    assert [a.value_yuan for a in items] == [20_000, 50_000, 100_000]


@pytest.mark.parametrize("text, lo, hi", [
    ("每户补贴2000余元", 2000, 3000),
    ("给予区级高企奖励扶持资金4600余万元", 46_000_000, 47_000_000),
    ("总投资规模可达数十亿元", 1e9, 1e10),
])
def test_approximate_amounts_are_flagged_ranges(text, lo, hi):
    [a] = [x for x in find_amounts(text) if x.value_yuan]
    assert (a.approximate, a.min_yuan, a.value_yuan) == (True, lo, hi)


def test_letter_o_for_zero_is_repaired_and_noted():
    a = one("最高给予5O万元奖励")
    assert (a.value_yuan, a.repaired) == (500_000, "5O→50")


def test_unreadable_number_kept_as_written():
    a = one("给予五五万元补贴")   # two digits, no reading: not a guessed value
    assert (a.value_yuan, a.raw_text) == (None, "五五万")


@pytest.mark.parametrize("text, value", [
    ("符合条件的家庭可最高领取补贴5万元", 50000),       # 最高 before the verb and object
    ("对入选企业给予高20万元的奖励", 200000),             # 最 lost in scraping: a bare 高 before the amount
    ("每家高享受100万元奖补", 1000000),
])
def test_cap_words_apart_from_the_amount(text, value):
    [a] = find_amounts(text)
    assert (a.kind, a.value_yuan) == ("cap", value)


def test_higher_than_is_not_a_cap():
    [a] = find_amounts("年销售收入高于500万元的企业")
    assert a.kind != "cap"


@pytest.mark.parametrize("text", ["总投资高达100亿元", "标准提高10万元"])
def test_high_as_a_statistic_is_not_a_cap(text):
    assert all(a.kind != "cap" for a in find_amounts(text))


def test_range_with_a_bare_lower_bound_in_yuan():
    [a] = find_amounts("引进1名硕士,企业可获得8000-5万元奖励")
    assert (a.kind, a.min_yuan, a.value_yuan) == ("range", 8000, 50000)


def test_range_with_a_small_hyphen():
    [a] = find_amounts("给予3万﹣5万元补助")
    assert (a.kind, a.min_yuan, a.value_yuan) == ("range", 30000, 50000)


@pytest.mark.parametrize("text, value", [
    ("每月最多增加1500元", 1500),                     # 最多 before its verb
    ("补贴以每户2万元为限", 20000),                    # …为限 after the amount
])
def test_more_cap_wordings(text, value):
    [a] = find_amounts(text)
    assert (a.kind, a.value_yuan) == ("cap", value)


def test_bare_wan_beside_a_grant_word_is_money():
    [a] = find_amounts("对认定的企业最高奖补50万。")
    assert (a.kind, a.value_yuan) == ("cap", 500000)


@pytest.mark.parametrize("text, lo, hi", [
    ("发放补贴资金3万余元", 30000, 40000),          # 余 between 万 and 元
    ("累计兑付1.2亿余元", 1.2e8, 1.3e8),             # a decimal counts in its last place
])
def test_approximate_after_the_big_unit(text, lo, hi):
    [a] = find_amounts(text)
    assert (a.min_yuan, a.value_yuan, a.approximate) == (lo, hi, True)


def test_people_are_not_money():
    assert find_amounts("带动就业3万余人") == []


@pytest.mark.parametrize("text, value, kind", [
    ("顶尖人才20万/年", 200000, "per_unit"),             # bare 万 with a rate tail
    ("建园投入50万以上的,给予一次性补贴", 500000, "threshold"),
    ("年产值1亿以上的企业", 1e8, "threshold"),
])
def test_bare_wan_read_as_money_where_the_context_says_so(text, value, kind):
    [a] = find_amounts(text)
    assert (a.value_yuan, a.kind) == (value, kind)


@pytest.mark.parametrize("text", ["带动就业1万/年", "游客人数20万/次", "常住人口50万以上的城市"])
def test_bare_wan_counts_are_not_money(text):
    assert find_amounts(text) == []


@pytest.mark.parametrize("text, kind", [
    ("每套购房消费券提高至5万元", "per_unit"),                  # a grant raised to a new level
    ("创业担保贷款额度由10万元提高到20万元", "cap"),           # a limit raised
    ("特别优秀的项目经批准后可以提高到20万元", "cap"),         # may be raised up to
])
def test_raised_to(text, kind):
    assert find_amounts(text)[-1].kind == kind


def test_a_table_money_column_gives_its_cells_their_unit():
    """A 公示 list flattened to rows: the header names the money column and its unit (拟奖励金额（万元）), so
    the bare numbers under it are amounts in 万元; a number in another column is not money."""
    text = ("拟对以下企业给予奖励。\n序号 | 企业名称 | 所属县区 | 拟奖励金额（万元）\n1 | 兰州金城百货有限公司 | 城关区 | 30\n"
            "2 | 甘肃陇鑫超市连锁有限公司 | 七里河区 | 8.5\n……(其余略)\n")
    got = [(a.text, a.value_yuan, a.unit) for a in find_amounts(text)]
    assert got == [("30", 300000.0, "万元"), ("8.5", 85000.0, "万元")]
