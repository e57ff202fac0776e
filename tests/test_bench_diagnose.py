"""bench/diagnose.py: the categories it counts, and that it never shows a sealed part's cases."""
import importlib.util
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_diagnose", REPO / "bench" / "diagnose.py")
D = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(D)


def _match(gold, pred, tol=3):
    """One-to-one start matching within ±tol, as bench/score_dev2.match_starts does."""
    left = list(pred)
    missed = []
    for s in gold:
        hit = next((p for p in left if abs(p - s) <= tol), None)
        if hit is None:
            missed.append(s)
        else:
            left.remove(hit)
    return None, missed, left


def test_measure_cases_name_each_disagreement():
    text = "一、对企业给予补贴,市财政局3个工作日内兑现。申报条件:具有独立法人资格。\n二、附则。"
    comma = text.index("市财政局")
    crit = text.index("具有")
    annex = text.index("二、")
    gold = [(0, "measure"), (comma, "measure"), (crit, "criterion"), (annex, "heading")]
    # ours: one measure over the first sentence, the criterion read as a measure, 二、 as a measure
    pred = [(0, 0, crit - 5, "measure"), (crit, crit, annex - 1, "measure"), (annex, annex, len(text), "measure")]
    cases = sorted(c for c, _ in D.measure_cases(text, gold, pred, _match, 3))
    assert cases == ["fp:gold=criterion", "fp:gold=heading:own-line", "miss:inside-measure:,"]


def test_measure_cases_kind_and_cut_categories():
    text = "据了解,今年起实施新政。对新创办企业给予5000元补贴。"
    second = text.index("对新")
    gold = [(0, "news"), (second, "measure")]
    pred = [(0, 0, second, "measure"), (second, second, len(text), "other")]
    cases = sorted(c for c, _ in D.measure_cases(text, gold, pred, _match, 3))
    assert cases == ["fp:gold=news", "miss:kind=other"]
    # a cut where gold's measure goes on, after a sentence end
    gold = [(0, "measure")]
    pred = [(0, 0, second, "measure"), (second, second, len(text), "measure")]
    assert [c for c, _ in D.measure_cases(text, gold, pred, _match, 3)] == ["fp:nostart:in-measure:sentence"]


@pytest.mark.parametrize("gold,pred,cat", [
    (["广东省", "深圳市", None], ["广东省", "深圳市", None], "ok"),
    (["广东省", "深圳市", None], [None, None, None], "pred-unknown"),
    (["广东省", "深圳市", None], ["广西壮族自治区", "南宁市", None], "wrong-province"),
    (["广东省", "深圳市", None], ["广东省", None, None], "too-coarse(city)"),
    (["广东省", None, None], ["广东省", "广州市", None], "too-fine(city)"),
    (["广东省", "深圳市", "南山区"], ["广东省", "深圳市", "福田区"], "wrong-district"),
    ([None, None, None], ["广东省", None, None], "gold-unknown-or-national"),
])
def test_place_case(gold, pred, cat):
    assert D.place_case(gold, pred) == cat


def test_show_is_refused_for_a_sealed_part(capsys):
    assert D.main(["measures", "--set", "genre", "--split", "sealed", "--show"]) == 2
    assert "never read" in capsys.readouterr().err


def test_counts_on_a_real_set_leave_the_environment_alone(capsys):
    gold, corpus = D.SETS["devspec"]
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is absent (the shared dev corpus sits beside the repo)")
    before = os.environ.get("ZHENGCE_DEV2_GOLD")
    assert D.main(["place", "--set", "devspec", "--split", "tune"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("place on devspec tune: 39 cases")
    assert " ok " in out
    assert os.environ.get("ZHENGCE_DEV2_GOLD") == before


def test_run_itself_refuses_to_show_a_sealed_part():
    # a notebook calling run() directly gets the same refusal as the command line
    with pytest.raises(ValueError, match="never read"):
        D.run("measures", "genre", "sealed", show=True)


def test_an_extra_start_is_placed_in_the_gold_item_before_it_whatever_the_gold_order():
    text = "一、总体要求。\n二、对企业给予补贴。同时支持创业。"
    second = text.index("二、")
    cut = text.index("同时")
    gold = [(second, "measure"), (0, "heading")]        # not in start order, as locate_gold may give them
    pred = [(0, 0, second, "heading"), (second, second, cut, "measure"), (cut, cut, len(text), "measure")]
    assert [c for c, _ in D.measure_cases(text, gold, pred, _match, 3)] == ["fp:nostart:in-measure:sentence"]


class _U:
    def __init__(self, name, role, text=None, full_name=None):
        self.name, self.role, self.text, self.full_name = name, role, text or name, full_name


class _M:
    def __init__(self, start, end):
        self.start, self.end = start, end


def test_unit_cases_name_each_disagreement():
    text = "由市科技局负责，报市财政局审核。区 人社局受理。县民政局备案。"
    gold = [{"name": "市科技局", "role": "administrator"},     # matched
            {"name": "市财政局", "role": "certifier"},         # matched by name, another role
            {"name": "区人社局", "role": "receiver"},          # written with a space; the scan finds nothing there
            {"name": "县民政局", "role": "certifier"},         # found by the scan, reported by nobody
            {"name": "省科技厅", "role": "lead"},              # not written at all
            {"name": "市科技", "role": "co"}]                  # one of ours overlaps it
    pred = [_U("市科技局", "administrator"), _U("市财政局", "receiver"), _U("区科技局", "co"), _U("省政府", "issuer")]
    k = text.index("县民政局")
    every = [_M(k, k + 4)]
    got = sorted(c for c, _ in D.unit_cases(text, gold, pred, every, every))
    assert got == sorted(["role:certifier->receiver", "miss:not-scanned", "miss:no-role", "miss:not-written",
                          "miss:extent:longer:other:tail", "fp:role=co", "fp:issuer"])
    # excluded by the scan, and a scan of another extent
    assert [c for c, _ in D.unit_cases(text, gold[3:4], [], every, [])] == ["miss:excluded"]
    assert [c for c, _ in D.unit_cases(text, gold[3:4], [], [_M(k, k + 3)], [])] == ["miss:scanned-other-extent"]


class _D:
    def __init__(self, start, end, date=None, kind="by"):
        self.start, self.end, self.date, self.kind = start, end, date, kind
        self.start_date = self.end_date = None


class _G:
    def __init__(self, start, end, item):
        self.start, self.end, self.item = start, end, item


def test_deadline_cases_name_each_disagreement():
    text = "请于2024年3月31日前申报。9月30日前完成。有效期3年。到2025年建成。"
    a, b, c, d = (text.index(x) for x in ("2024年3月31日前", "9月30日前", "有效期3年", "到2025年"))

    def agree(g, p):
        return g.get("date") == p.date

    gold = [_G(a, a + 11, {"date": "2024-03-31"}), _G(b, b + 6, {"date": "2024-09-30"}),
            _G(c, c + 5, {"date": "2027-01-01"}), _G(d, d + 6, {"date": "2025-12-31"})]
    dated = [_D(a, a + 11, "2024-03-31"), _D(b, b + 6, "2023-09-30"), _D(d + 7, d + 9, "2030-01-01")]
    durations = [_D(c, c + 5, kind="benefit")]
    got = sorted(c for c, _ in D.deadline_cases(text, gold, dated, durations, agree))
    assert got == sorted(["miss:value:no-year", "miss:as-benefit:no-year", "miss:none:year:year", "fp:value:no-year",
                          "fp:none:no-year"])


def test_units_and_deadlines_refuse_to_show_a_sealed_part():
    for what in ("units", "deadlines"):
        assert D.main([what, "--set", "genre", "--split", "sealed", "--show"]) == 2


def test_titled_line_conventions_count_how_the_reader_opens_a_titled_line():
    text = "一、加大资金扶持。乌鲁木齐市级财政安排资金200万元。\n二、扩大政策支持：对新办企业给予补贴。\n三、其他事项\n"
    one, two = 0, text.index("二、")
    after_two = text.index("对新办")
    pred = [(one, one, two, "measure"), (two, two, len(text), "measure")]
    # the reader opens the first at its number, the second after its title (a heading at the number)
    gold = [(one, "measure"), (two, "heading"), (after_two, "measure")]
    assert D.titled_line_conventions(text, gold, pred, 3) == ["conv:titled-line[。]:at-number",
                                                               "conv:titled-line[：]:after-title"]
    # a heading at our start with a measure later on the same line is counted apart from the other headings,
    # with what ends the title (the character before the reader's measure start)
    cases = [c for c, _ in D.measure_cases(text, gold, pred, _match, 3)]
    assert "fp:gold=heading:titled-line::" in cases


@pytest.mark.parametrize("before,cat", [("。", "sentence"), ("\n", "line"), ("，", ","), ("：", ":"), (" ", "space"),
                                        ("）", "close"), ("—", "dash"), ("、", "enum"), ("．", "dot"), ("理", "han"),
                                        ("5", "alnum"), ("@", "?")])
def test_before_names_what_precedes_a_start(before, cat):
    assert D._before(before + "对", 1) == cat
    assert D._before("对", 0) == "start"


@pytest.mark.parametrize("ours,gold,kind", [
    ("各县(市、区)财政局", "县(市、区)财政局", "longer:level"), ("财政局", "市财政局", "shorter:level"),
    ("厦门市工信局", "工信局", "longer:place"), ("市科技局、市财政局", "市科技局", "longer:list"),
    ("科技主管部门", "科技主管", "longer:tail"), ("市科技局", "市科技", "longer:other:tail"),
    ("市科技局", "省科技厅", "overlap"), ("市科技局和市财政局", "市科技局", "longer:list"),
    ("人力资源和社会保障局", "社会保障局", "longer:other:head")])
def test_extent_kind_names_how_two_names_differ(ours, gold, kind):
    assert D._extent_kind({ours}, {gold}) == kind


@pytest.mark.parametrize("span,shape", [("每年3月", "recurring"), ("明年底前", "relative"), ("2024年一季度", "quarter"),
                                        ("上半年", "half"), ("3月至5月", "range"), ("9月30日前", "month-day"),
                                        ("2024.3.1", "month-day"), ("2016-10-18", "month-day"), ("2024-01-01至2024-12-31", "range"), ("9月", "month"), ("2025年", "year"), ("近期", "other")])
def test_date_shape_names_what_a_missed_deadline_is_written_as(span, shape):
    assert D._date_shape(span) == shape


def test_a_sealed_count_prints_no_document_name_and_no_text(capsys):
    import re

    for what in ("units", "deadlines"):
        assert D.main([what, "--set", "devspec", "--split", "sealed"]) == 0
        out = capsys.readouterr()
        if "skip:" in out.err:
            pytest.skip(out.err.strip())
        assert ".txt" not in out.out and not re.search(r"[\u4e00-\u9fff]", out.out), out.out
        assert out.out.startswith(f"{what} on devspec sealed: ")
