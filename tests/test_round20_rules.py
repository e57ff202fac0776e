"""Rules added in round 20. Cases are written here from the spec and from the administrative record
(renamed counties and prefectures), not copied from gold pages."""
from __future__ import annotations

from zhengce.ingest.region import resolve_region
from zhengce.pipeline import process_bytes

BODY = "为加快推进大众创业万众创新，结合我县实际，制定本方案。\n一、对新认定的众创空间给予10万元奖励。\n"


def place(text: str) -> tuple:
    r = process_bytes(text.encode(), "p.txt").document.region
    return r.province, r.city, r.district


# ------------------------------------------------------------------ place: former names

def test_a_county_renamed_with_a_new_stem_keeps_the_pages_name_and_todays_code():
    r = resolve_region(issuer="郫县人民政府", text=BODY)
    assert (r.province, r.city, r.district, r.code) == ("四川省", "成都市", "郫县", "510117")   # now 郫都区
    r = resolve_region(issuer="户县人民政府", text=BODY)
    assert (r.city, r.district, r.code) == ("西安市", "户县", "610118")                         # now 鄠邑区
    # named only in the body, several times: the page's name too, not today's
    assert place("关于建设菁蓉小镇创业基地的实施方案\n郫县将建设创业基地。郫县对入驻企业给予房租补贴。\n" + BODY) == \
        ("四川省", "成都市", "郫县")


def test_a_county_level_city_made_a_district_and_a_municipalitys_county():
    r = resolve_region(issuer="临安市人民政府", text=BODY)
    assert (r.city, r.district, r.code) == ("杭州市", "临安市", "330112")
    r = resolve_region(issuer="密云县人民政府", text=BODY)
    assert (r.province, r.city, r.district, r.code) == ("北京市", None, "密云县", "110118")
    r = resolve_region(issuer="梅县人民政府", text=BODY)            # now 梅县区: the old name is the stem
    assert (r.city, r.district) == ("梅州市", "梅县")


def test_a_prefecture_under_its_former_name():
    r = resolve_region(issuer="毕节地区行政公署", text=BODY)
    assert (r.province, r.city, r.level, r.code) == ("贵州省", "毕节地区", "city", "520500")    # six-digit GB/T 2260 code (round 22)


def test_a_two_character_county_right_after_a_year_is_a_place():
    assert place("2014年郧县农作物良种补贴项目实施方案\n" + BODY) == ("湖北省", "十堰市", "郧县")
    assert place("2016年沛县创业补贴实施办法\n" + BODY) == ("江苏省", "徐州市", "沛县")
    # glued to any other word it is still none (示范县 is no 范县)
    assert place("关于创建省级示范县的通知\n" + BODY) == (None, None, None)


def test_no_former_name_is_made_from_a_generic_stem():
    # 新城区 would give 新城市, which is a phrase (新城市民), not a place
    assert place("关于服务新城市民创业的通知\n" + BODY) == (None, None, None)


# ------------------------------------------------------------------ dates

def test_a_day_whose_ri_a_scrape_lost_at_the_lines_end_is_read():
    from zhengce.nlp.deadlines import find_deadlines
    got = [(d.kind, d.start_date, d.end_date) for d in
           find_deadlines("六、申报时间\n2022年3月9日-4月8\n七、其他事项", issue_date="2022-03-01")]
    assert got == [("span", "2022-03-09", "2022-04-08")]
    # not inside a line, where the number may count something else
    assert find_deadlines("共有4月8个项目通过。", issue_date="2022-03-01") == []


def test_an_info_tables_fawen_shijian_is_the_issue_date():
    page = ("关于补齐科技创新短板的若干意见\n发文文号:金政发[2016]54号\n发文部门:金华市人民政府\n"
            "发文时间:2016-10-18\n各县(市、区)人民政府,市政府各部门:\n" + BODY * 2)
    assert process_bytes(page.encode(), "p.txt").document.issue_date == "2016-10-18"


# ------------------------------------------------------------------ amount kinds

def kinds(s: str) -> list[tuple[str, str]]:
    from zhengce.nlp.amounts import find_amounts
    return [(a.text, a.kind) for a in find_amounts(s)]


def test_a_rate_that_is_handed_out_or_obtained_is_the_policys_rate_not_a_report():
    assert kinds("国家统一发放1850元/月;") == [("1850元/月", "per_unit")]
    assert kinds("向三孩家庭发放每年1万元的三孩育儿消费券。") == [("每年1万元", "per_unit")]
    assert kinds("对获得欧、美、日发明专利授权的企业,资助2万元/件。") == [("2万元/件", "per_unit")]
    # a report stays a report: 累计, 共, 去年 …
    assert kinds("去年累计发放补贴每人每月1000元。") == [("每人每月1000元", "other")]
    assert kinds("全年共发放补贴2.29亿元。") == [("2.29亿元", "other")]


def test_the_rate_of_a_list_covers_its_bare_items():
    assert [k for _, k in kinds("全职博士研究生,每人每月10000元、4000元和3000元的租房补贴。")] == ["per_unit"] * 3
    # words between the items: another grant, not the list
    assert kinds("每人每月1000元,给予企业5000元。") == [("每人每月1000元", "per_unit"), ("5000元", "fixed")]


def test_rates_per_counted_thing_increment_and_head():
    from zhengce.nlp.amounts import find_amounts
    per = lambda s: [(a.kind, a.per) for a in find_amounts(s)]   # noqa: E731
    assert per("非营利性养老机构新增每张床位补贴1万元。") == [("per_unit", "床位")]
    assert per("每间客房补贴200元。") == [("per_unit", "客房")]
    assert per("过夜游客每住宿一天奖励5元。") == [("per_unit", "天")]
    assert per("带动就业超过3人的,每增加1人再给予1000元补贴。") == [("per_unit", "人")]
    assert per("困难群众除人均100元的现金消费补助外。") == [("per_unit", "人")]
    # 人均 naming a statistic's subject, not the sum's: no rate
    assert per("人均可支配收入达到3万元。") == [("threshold", None)]


def test_a_funds_size_and_money_paid_out_are_other():
    assert kinds("市财政每年统筹安排县域商业体系建设资金不少于5000万元。") == [("5000万元", "other")]
    assert kinds("本次活动市级财政安排补贴资金3000万元。") == [("3000万元", "other")]
    assert kinds("设立规模10亿元的光谷科技成果转化基金。") == [("10亿元", "other")]
    assert kinds("2022年全市兑现各类人才政策资金2.3亿元。") == [("2.3亿元", "other")]
    # a grant word that is no fund's name keeps the sum a grant; a payment schedule is the grant's
    assert kinds("对新认定的企业安排补贴50万元。") == [("50万元", "fixed")]
    assert kinds("每个示范县补助资金1000万元，分两年拨付，第一年拨付600万元。")[1] == ("600万元", "fixed")


def test_a_conditions_huo_and_a_coupons_reduction_are_no_report():
    assert kinds("对新获评国家级绿色工厂的企业一次性奖励50万元。") == [("50万元", "fixed")]
    assert kinds("获得中国专利金奖的奖励100万元。") == [("100万元", "fixed")]
    assert kinds("消费券分为满300元减50元的数码券。") == [("300元", "threshold"), ("50元", "fixed")]
    # obtained, and said so: a report
    assert kinds("去年全市企业共获得补贴资金2.3亿元。") == [("2.3亿元", "other")]


def test_a_rate_per_counted_thing_wins_over_one_off_within_its_clause():
    from zhengce.nlp.amounts import find_amounts
    per = lambda s: [(a.kind, a.per) for a in find_amounts(s)]   # noqa: E731
    assert per("非营利性民办养老服务机构新增每张床位给予一次性补助7500元。") == [("per_unit", "床位")]
    assert per("直流充电桩按每千瓦200元给予一次性建设补贴。") == [("per_unit", "千瓦")]
    assert per("市、区两级财政对每部电梯分别给予10万元、5万元补助。") == [("per_unit", "部"), ("per_unit", "部")]
    assert per("对获评的企业给予一次性奖励20万元。") == [("fixed", "一次性")]


def test_a_trade_or_sales_level_a_grant_asks_for_is_a_threshold_and_a_reported_one_a_statistic():
    assert kinds("对年网络零售额首次突破1000万元、5000万元的农村电商企业，分别给予奖励。") == \
        [("1000万元", "threshold"), ("5000万元", "threshold")]
    assert kinds("（三）单笔贷款金额不低于50万元；") == [("50万元", "threshold")]
    assert kinds("自2017年以来,跨境电商规模增长近10倍,2021年进出口额达到1.98万亿元。")[0][1] == "other"
    # a condition with 已 in its list is still a condition
    assert kinds("（二）已享受加计扣除政策，且研发费用不低于100万元；") == [("100万元", "threshold")]


# ------------------------------------------------------------------ units

def test_the_body_a_news_story_has_its_policy_from_is_listed():
    page = ("记者从市人社局了解到,为支持大学生创业,今年将对入驻孵化基地的大学生企业给予房租补贴,每月最高2000元,"
            "补贴期限不超过2年。具体申报办法另行通知。\n")
    names = [u.name for u in process_bytes(page.encode(), "p.txt").units]
    assert names == ["市人社局"]


# ------------------------------------------------------------------ place names as typed and as written

def test_xinjiang_and_its_prefectures_write_their_group_without_zu():
    from zhengce.ingest.region import short_name
    assert [short_name(n) for n in ("新疆维吾尔自治区", "伊犁哈萨克自治州", "内蒙古自治区", "宁夏回族自治区")] == \
        ["新疆", "伊犁", "内蒙古", "宁夏"]
    assert place("新疆印发促进大众创业万众创新若干措施\n新疆将对入驻众创空间的企业给予房租补贴。" + BODY)[0] == "新疆维吾尔自治区"


def test_places_named_as_english_writes_them():
    from zhengce import params as P
    got = {n: P.make_filters(**{k: n}).to_dict()[k] for n, k in
           [("新疆", "province"), ("Shaanxi", "province"), ("Shanxi", "province"), ("Inner Mongolia", "province"),
            ("Tibet", "province"), ("Xi'an", "city"), ("Harbin", "city"), ("Urumqi", "city")]}
    assert got == {"新疆": "新疆维吾尔自治区", "Shaanxi": "陕西省", "Shanxi": "山西省", "Inner Mongolia": "内蒙古自治区",
                   "Tibet": "西藏自治区", "Xi'an": "西安市", "Harbin": "哈尔滨市", "Urumqi": "乌鲁木齐市"}


# ------------------------------------------------------------------ compare cells (the round's sweep)

def _hit_with(amounts):
    from zhengce.records import Hit, Region
    text = "每平方米每月补贴20元,每家企业每年最高不超过50万元;另给予一次性奖励20万元,每月发放1200元。"
    h = Hit(measure_id="d#1", doc_id="d", score=1.0, source="d.txt", title=None, doc_number=None, issue_date=None,
            region=Region(province="浙江省", city="嘉兴市", level="city"), doc_type=None, path=[], measure_title=None,
            text=text, highlighted=text, amounts=amounts)
    h.start, h.end = 0, len(text)
    return h


def test_the_cap_cell_takes_the_measures_cap_and_the_per_cell_that_amounts_own_basis():
    from zhengce.index.compare import summarize
    from zhengce.nlp.amounts import find_amounts
    hit = _hit_with(find_amounts("每平方米每月补贴20元,每家企业每年最高不超过50万元;另给予一次性奖励20万元,每月发放1200元。"))
    s = summarize([hit])
    assert (s["cap_yuan"], s["per"]) == (500000.0, "企业/年")
    # no cap stated: the first sum, and no basis borrowed from another amount (一次性 20万元 is not per 月)
    hit = _hit_with(find_amounts("另给予一次性奖励20万元,每月发放1200元。"))
    s = summarize([hit])
    assert (s["cap_yuan"], s["per"]) == (200000.0, "一次性")


def test_a_tier_lists_rate_comes_from_the_clause_that_grants_it():
    assert [(k, p) for _, k, p in
            [(a.text, a.kind, a.per) for a in __import__("zhengce.nlp.amounts", fromlist=["x"]).find_amounts(
                "对新引进的毕业生,连续3年每月发放生活补贴,博士研究生、硕士研究生、本科生分别为3000元、1500元、1000元。")]] \
        == [("per_unit", "月")] * 3
    assert kinds("每年评选10家企业，奖励标准分别为50万元、30万元。") == [("50万元", "fixed"), ("30万元", "fixed")]


def test_years_served_before_a_grant_are_a_condition_not_its_term():
    from zhengce.nlp.deadlines import find_durations
    assert [(d.text, d.kind) for d in find_durations("购买首套住房的,5年服务期满,分别给予20万元的购房补贴。")] == \
        [("5年服务期满", "condition")]


def test_per_mu_and_per_household_heads_name_the_rate():
    from zhengce.nlp.amounts import find_amounts
    got = [(a.kind, a.per) for a in find_amounts("其中中央和自治区补助资金亩均2000元,其余由旗财政配套。")]
    assert got == [("per_unit", "亩")]


def test_a_page_that_mostly_writes_todays_name_keeps_it():
    page = ("关于支持创业的实施意见\n原双流县撤县设区后,双流区将对入驻孵化基地的企业给予房租补贴。双流区财政每年安排资金。"
            "双流区人社局负责审核。\n" + BODY)
    assert place(page) == ("四川省", "成都市", "双流区")


def test_review_edges_production_units_statistic_sources_and_small_sums():
    from zhengce.nlp.amounts import find_amounts
    from zhengce.plot import _amount_text
    assert [(a.kind, a.per) for a in find_amounts("对企业每生产1吨再生资源给予补贴50元。")] != [("per_unit", "生")]
    assert kinds("2022年全市企业获得的财政补贴达5000万元。") == [("5000万元", "other")]
    page = ("关于养老服务补贴发放情况的通报\n记者从市统计局获悉,今年以来全市共发放高龄津贴3000万元,同比增长12%。"
            "全市养老机构运营平稳,各项服务有序开展,群众满意度持续提升。\n")
    assert "市统计局" not in [u.name for u in process_bytes(page.encode(), "p.txt").units]
    assert _amount_text(0.3, "千瓦时") == "0.3元/千瓦时" and _amount_text(800.0, "月") == "800元/月"


def test_a_traditional_script_source_line_names_the_site():
    from zhengce.ingest.place_evidence import region_of_source_line
    r = region_of_source_line("瀏覽次數:次 | 發布日期 | 2020-06-22 | 來 源 | 閻良區人社局 | | 內容概述")
    assert (r.city, r.district) == ("西安市", "阎良区")


def test_a_traditional_script_footer_filing_number_places_a_government_page():
    from zhengce.ingest.place_evidence import site_region
    r = site_region(None, "版權所有 政府網站標識碼:3415000001 皖公網安備 34150202000125號")
    assert r is not None and r.city == "六安市"
