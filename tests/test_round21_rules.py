"""Rules added in round 21. Cases are written here from the spec, not copied from gold pages."""
from __future__ import annotations

from zhengce.pipeline import process_bytes


def starts(text: str) -> list[tuple[str, str]]:
    ex = process_bytes(text.encode(), "p.txt")
    t = ex.document.text
    return [(m.kind, t[m.start:m.start + 8]) for m in ex.measures]


# ------------------------------------------------------------------ measures: a speaker, then what a body will do

NEWS = ("本报讯 记者从县农业农村局获悉，今年全县玉米种植补贴标准为每亩80元，将于7月底前发放到户。\n"
        "补贴资金由县财政局直接拨付。该局相关负责人表示，下一步将组织技术人员深入乡镇开展政策宣讲。\n")


def test_what_a_body_will_do_after_its_speaker_starts_a_provision_of_its_own():
    got = starts(NEWS)
    assert ("measure", "下一步将组织技术") in got          # the provision starts after 该局相关负责人表示,
    assert not any(k == "measure" and s.startswith("该局相关") for k, s in got)


def test_a_target_after_its_speaker_is_a_goal():
    got = starts(NEWS.replace("下一步将组织技术人员深入乡镇开展政策宣讲", "到2025年，全县高标准农田将达到50万亩"))
    assert ("goal", "到2025年，全") in got


def test_a_report_after_a_speaker_stays_news():
    got = starts(NEWS.replace("下一步将组织技术人员深入乡镇开展政策宣讲", "去年全县累计发放补贴1.2亿元"))
    assert not any(s.startswith("去年全县") and k == "measure" for k, s in got)


# ------------------------------------------------------------------ units: a duty list by body (职责分工)

def units(text: str) -> list[tuple[str, str]]:
    return [(u.text, u.role) for u in process_bytes(text.encode(), "p.txt").units]


DUTIES = ("关于实施家电以旧换新补贴的工作方案\n一、对购买一级能效家电的消费者，按销售价格的15%给予补贴，每件最高2000元。\n"
          "二、职责分工\n（一）区商务局：牵头负责活动组织，审核参与企业资质。\n（二）区财政局：负责配套资金筹措和拨付。\n"
          "（三）区市场监管局：负责查处虚标价格等违法行为。\n（四）区融媒体中心：通过“发布”平台开展政策宣传。\n"
          "（五）各乡镇（街道）：负责组织辖区商户参与活动。\n")


def test_each_body_of_a_duty_list_is_a_unit_with_the_role_its_line_gives():
    got = dict(units(DUTIES))
    assert got["区商务局"] == "lead"
    assert got["区财政局"] == "funder"
    assert got["区市场监管局"] == "administrator"
    assert "区融媒体中心" in got and "各乡镇（街道）" in got


def test_an_addressee_line_is_still_no_unit():
    got = dict(units("各乡镇人民政府，县级各部门：\n现将《工作方案》印发给你们，请认真贯彻执行。\n" + DUTIES.split("\n", 1)[1]))
    assert "各乡镇人民政府" not in got


# ------------------------------------------------------------------ amounts: what a goal reaches

def kinds(text: str) -> list[tuple[str, str]]:
    from zhengce.nlp.amounts import find_amounts
    return [(a.text, a.kind) for a in find_amounts(text)]


def test_an_amount_a_goal_reaches_is_a_target():
    assert kinds("到2025年，农村居民人均可支配收入达到2.2万元以上。") == [("2.2万元以上", "target")]
    assert kinds("力争全年拉动消费1.2亿元以上。") == [("1.2亿元以上", "target")]


def test_a_condition_or_a_cap_in_a_goal_sentence_keeps_its_kind():
    assert kinds("到2025年，对年营业收入达到1亿元以上的企业给予奖励。") == [("1亿元以上", "threshold")]
    assert kinds("力争到2025年，按房款的1%给予购房补贴，最高不超过2万元。")[-1] == ("最高不超过2万元", "cap")


def test_a_price_ceiling_on_what_qualifies_is_a_threshold_not_a_cap():
    assert kinds("对个人消费者购买单件销售价格不超过6000元的手机，按15%给予补贴。")[0] == ("不超过6000元", "threshold")
    assert kinds("按产品销售价格的15%给予补贴，每件最高2000元。")[-1] == ("每件最高2000元", "cap")


# ------------------------------------------------------------------ deadlines: 次月 follows an event

def test_the_month_after_an_application_is_no_date():
    from zhengce.nlp.deadlines import find_deadlines
    assert find_deadlines("补贴由区财政局于次月底前直接发放至申请人账户。", issue_date="2025-03-10") == []
    got = find_deadlines("请于下月底前报送。", issue_date="2025-03-10")       # the page's own next month
    assert [d.date for d in got] == ["2025-04-30"]


# ------------------------------------------------------------------ compare cells: no sibling item's cells

def _row_cells(text: str, best_prefix: str) -> dict:
    from zhengce.index.compare import _context, summarize
    from zhengce.records import Hit, Region
    ex = process_bytes(text.encode(), "d.txt")
    m = next(m for m in ex.measures if m.text.startswith(best_prefix))
    h = Hit(measure_id=m.id, doc_id="d", score=1.0, source="d.txt", title=None, doc_number=None, issue_date=None,
            region=Region(province="浙江省", city="台州市", level="city"), doc_type=None, path=list(m.path),
            measure_title=None, text=m.text, highlighted=m.text, amounts=list(m.amounts), units=list(m.units),
            deadlines=list(m.deadlines))
    h.start, h.end = m.start, m.end
    return summarize(_context(h, ex), None, {"d": list(ex.units)}, lambda _id: list(ex.durations))


TIERS = ("关于高层次人才生活补贴的实施办法\n"
         "(1)高层次人才租房补贴(新政前)对2017年5月-2020年7月24日期间引进的高层次人才，每人每月给予1000元租房补贴。\n"
         "(2)高层次人才生活补贴(新政后)对新引进的高层次人才，按顶尖100万元、领军50万元发放生活补贴。\n"
         "生活补贴分5年发放。\n")


def test_a_numbered_sibling_before_the_best_item_gives_it_no_cell():
    s = _row_cells(TIERS, "(2)")
    assert s["cap"] == "100万元" and s["duration"] == "5年"      # its own sentence after it still counts
    assert s["deadline"] is None and s["start"] is None          # (1)'s window is another provision's


def test_a_ministry_a_local_page_mentions_is_not_its_lead_unit():
    s = _row_cells("关于引进人才生活补贴的通知\n1.通过教育部认证的海外留学人员，可享受同等待遇。\n"
                   "2.新引进的博士研究生，每月发放生活补贴3000元。\n", "2.")
    assert s["lead_unit"] != "教育部"


# ------------------------------------------------------------------ filters: a place name results show

def test_a_former_name_results_show_is_a_filter_for_todays_place():
    from zhengce.params import check_place
    assert check_place("city", "吐鲁番地区") == "吐鲁番市"     # the page's name (a prefecture until 2015)
    assert check_place("city", "襄樊市") == "襄阳市"
    assert check_place("city", "Turpan") == "吐鲁番市"


# ------------------------------------------------------------------ amounts the sweep read wrong

def test_kuai_before_a_noun_counts_things_not_yuan():
    assert kinds("华为发布了两块芯片。") == [] and kinds("新建三块示范田。") == []
    assert [t for t, _ in kinds("一亩地七十块，每斤3块钱，十块三毛。")] == ["七十块", "3块钱", "十块三毛"]


def test_a_total_after_a_rate_has_no_basis_and_a_grant_verb_is_no_basis():
    from zhengce.nlp.amounts import find_amounts
    got = [(a.text, a.per) for a in find_amounts("拟安排补助今年评定的12家示范家庭农场每家5万元共60万元。")]
    assert got == [("每家5万元", "家"), ("60万元", None)]
    assert [a.per for a in find_amounts("对认定的众创空间每家给予5万元奖励。")] == ["家"]
    assert [a.per for a in find_amounts("每家企业合计600万元。")] == ["企业"]


def test_a_cut_copy_of_the_title_above_the_whole_one_is_not_glued_to_it():
    page = ("好文档 - 专业文书写作范文服务资料分享网站\n\n广州市科技创新委员会关于印发广州市科技企业孵化器和众创空间管\n\n"
            "广州市科技创新委员会关于印发广州市科技企业孵化器和众\n\n创空间管理办法的通知\n\n各区科技主管部门：\n"
            "现将《广州市科技企业孵化器和众创空间管理办法》印发给你们，请遵照执行。\n")
    assert process_bytes(page.encode(), "p.txt").document.title == \
        "广州市科技创新委员会关于印发广州市科技企业孵化器和众创空间管理办法的通知"


# ------------------------------------------------------------------ similar: a text reused in two documents

def test_similar_takes_doc_id_and_measure_id_when_one_text_is_in_two_documents(tmp_path):
    import pytest

    from zhengce.diffusion import similar
    from zhengce.errors import InvalidParam
    from zhengce.pipeline import ingest_paths
    from zhengce.store import Store

    shared = "对新认定的国家级众创空间，给予一次性奖励50万元，所需资金由市财政局安排。"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("南宁市人民政府关于支持众创空间发展的通知\n一、" + shared + "\n二、对入驻企业给予房租补贴。\n",
                                           encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("柳州市人民政府关于支持众创空间发展的通知\n一、" + shared + "\n二、对孵化器给予运营补贴。\n",
                                           encoding="utf-8")
    with Store(tmp_path / "s") as st:
        ingest_paths(st, [tmp_path / "in"])
        rows = [r for r in st.load_measures(list(st.measure_ids())) if shared[:10] in r.measure.text]
        assert len({r.measure.id for r in rows}) == 1 and len(rows) == 2
        mid = rows[0].measure.id
        with pytest.raises(InvalidParam) as e:
            similar(st, mid)
        assert f"{rows[0].doc.doc_id}:{mid}" in str(e.value)
        got = similar(st, f"{rows[0].doc.doc_id}:{mid}")
        assert [r.to_dict()["measure_id"] for r in got] == [mid]      # the other document's copy


def test_an_unknown_place_by_province_has_no_level():
    from zhengce.diffusion.instruments_mix import _key
    from zhengce.records import Region
    assert _key(Region(), "province") == ("未知", None, None)
    assert _key(Region(province="广西壮族自治区", level="city"), "province")[2] == "province"


def test_a_continuation_sentence_keeps_its_own_numbered_item_but_not_the_next():
    page = ("关于人才安居的若干措施\n一、租房补贴\n1.对新引进的全日制博士研究生，每人每月给予租房补贴2000元，最高不超过5万元。"
            "补贴期限最长3年，自入职之日起计算。\n2.对新引进的硕士研究生，每人每月给予租房补贴1000元。\n")
    s = _row_cells(page, "补贴期限")
    assert s["cap"] == "最高不超过5万元"


# ------------------------------------------------------------------ the round's review

def test_review_kuai_before_a_money_noun_and_per_nouns_that_start_like_verbs():
    from zhengce.nlp.amounts import find_amounts
    assert [(a.text, a.per) for a in find_amounts("每人发放200块补贴。")] == [("200块", "人")]
    assert [a.text for a in find_amounts("一次性给予1万块奖金。")] == ["1万块"]
    assert [a.per for a in find_amounts("每个资助项目最高补助10万元")] == ["资助项目"]
    assert [a.per for a in find_amounts("每家获评企业奖励10万元")] == ["获评企业"]


def test_review_commentary_after_a_speaker_is_no_provision():
    for tail in ("此举将进一步减轻群众负担", "这将有效带动农民增收", "他说将继续关注这一问题"):
        got = starts(NEWS.replace("下一步将组织技术人员深入乡镇开展政策宣讲", tail))
        assert not any(k == "measure" and s.startswith(tail[:4]) for k, s in got), tail


def test_review_a_contact_list_is_no_duty_list():
    got = dict(units("关于开展消费券发放工作的通知\n一、对在本区消费的居民发放消费券，每人最高200元。\n二、联系方式\n"
                     "区商务局：负责人张三，电话12345678。\n区人社局：负责人李四，电话87654321。\n"))
    assert "区商务局" not in got and "区人社局" not in got


def test_review_a_local_branch_or_party_department_stays_a_lead_unit_candidate():
    from zhengce.index.compare import _NATIONAL_BODY_RE
    for local in ("组织部", "市委组织部", "国家税务总局南宁市税务局", "中国人民银行南宁中心支行", "科技创新部"):
        assert not _NATIONAL_BODY_RE.match(local), local
    for national in ("教育部", "财政部", "国家税务总局", "国务院"):
        assert _NATIONAL_BODY_RE.match(national), national


def test_review_prune_through_a_linked_folder(tmp_path):
    from zhengce.pipeline import ingest_paths
    from zhengce.store import Store
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("南宁市人民政府关于支持众创空间发展的通知\n一、对新认定的众创空间给予一次性奖励50万元，"
                                "所需资金由市财政局安排，由市科技局负责组织实施。\n", encoding="utf-8")
    (tmp_path / "in").symlink_to(real, target_is_directory=True)
    with Store(tmp_path / "s") as st:
        ingest_paths(st, [tmp_path / "in"])
        (real / "a.txt").unlink()
        assert ingest_paths(st, [tmp_path / "in"], prune=True).removed == [str(real / "a.txt")]
        assert st.count()["documents"] == 0


def test_a_question_in_full_width_or_capitals_reads_as_typed_plainly():
    from zhengce.index.compare import asked_level
    from zhengce.index.search import normalize_query
    assert asked_level(normalize_query("ｗｈｉｃｈ ｃｉｔｉｅｓ ｓｕｂｓｉｄｉｚｅ ｍａｋｅｒ－ｓｐａｃｅ ｒｅｎｔ")) == "city"
    assert normalize_query("WHICH CITIES SUBSIDIZE MAKER-SPACE RENT") == "which cities subsidize maker-space rent"
    assert normalize_query("rewards for listing on the NEEQ") == "rewards for listing on the NEEQ"


def test_an_info_field_line_is_no_title_and_a_query_needs_words():
    import pytest

    from zhengce.errors import InvalidParam
    from zhengce.index.search import check_query
    page = "发布文号: 琼府[2005]9号\n各市、县人民政府：\n为树立典型，鼓励先进，省政府决定对造林绿化工作先进单位给予表彰，每个单位奖励5万元。\n"
    assert process_bytes(page.encode(), "p.txt").document.title is None
    with pytest.raises(InvalidParam):
        check_query("???")
    assert check_query("R&D?") == "R&D?"
