"""Rules added in round 8: tables whose cells a copy separated by spaces or tabs, per-unit money columns,
the printing colophon. Cases are written here from the spec, not copied from gold pages."""
from __future__ import annotations

import pytest

from zhengce.ingest.document import normalize_bytes
from zhengce.nlp.extract import extract, extract_text
from zhengce.nlp.tables import piped_view, spaced_tables

ROWS = [["序号", "补贴项目", "补贴标准（元/亩）", "责任单位"],
        ["1", "小麦种植", "120", "县农业农村局"],
        ["2", "玉米种植", "100", "县农业农村局"],
        ["3", "大豆种植", "150", "县财政局"]]


def page(sep: str) -> str:
    return ("某某县人民政府办公室关于印发某某县农业补贴实施办法的通知\n各乡镇人民政府，县直各部门：\n现将补贴标准公布如下。\n"
            + "\n".join(sep.join(r) for r in ROWS) + "\n请各乡镇于2024年6月30日前完成申报。\n")


@pytest.mark.parametrize("sep", ["\t", "    ", "  "])
def test_space_separated_table_rows_are_items_with_their_units(sep):
    # the rows were dropped as page furniture (short lines, no full stop, no 元): their units with them
    ex = extract(normalize_bytes(page(sep).encode(), source="x.txt"))
    rows = [m for m in ex.measures if m.text.startswith(("1 ", "2 ", "3 "))]
    assert [m.kind for m in rows] == ["measure"] * 3
    assert [[u.text for u in m.units] for m in rows] == [["县农业农村局"], ["县农业农村局"], ["县财政局"]]
    assert {u.name for u in ex.units} >= {"县农业农村局", "县财政局"}
    # item text is the page's own (the | of the reading view never shows)
    assert all("|" not in m.text and m.text == ex.document.text[m.start:m.end] for m in ex.measures)


def test_per_unit_money_column_gives_per_unit_amounts():
    got = [a for m in extract_text(page(" | ")) for a in m.amounts]
    assert [(a.text, a.kind, a.value_yuan, a.per) for a in got] == [
        ("120", "per_unit", 120.0, "亩"), ("100", "per_unit", 100.0, "亩"), ("150", "per_unit", 150.0, "亩")]


def test_whole_unit_money_column_stays_fixed():
    text = "序号 | 企业名称 | 奖励金额（万元）\n1 | 甲公司 | 30\n2 | 乙公司 | 20\n"
    got = [(a.text, a.kind, a.value_yuan, a.per) for m in extract_text(text) for a in m.amounts]
    assert got == [("30", "fixed", 300000.0, None), ("20", "fixed", 200000.0, None)]


def test_spaced_table_needs_a_header_and_counted_rows():
    # prose lines with spaces, and numbered lines of different widths, are no table
    assert spaced_tables("一、总体要求 坚持 稳中求进\n1 加强 组织领导\n3 落实 资金 保障 到位\n") == []
    assert spaced_tables("序号 姓名 金额\n1 张三 100\n") == []          # one row: not enough to tell
    text = "序号 姓名 金额（元）\n1 张三 100\n2 李四 200\n合计 300\n说明：以上为拟补助名单。"
    (lines,) = spaced_tables(text)
    assert [text[a:b] for a, b in lines] == ["序号 姓名 金额（元）", "1 张三 100", "2 李四 200", "合计 300"]
    view = piped_view(text)
    assert len(view) == len(text) and view.startswith("序号|姓名|金额（元）\n1|张三|100") and view.endswith("说明：以上为拟补助名单。")


def test_printing_colophon_is_no_provision():
    text = ("一、支持标准\n（一）对新认定的企业给予10万元奖励。\n附件\n补贴申领指引\n"
            "序号 补贴项目 补贴标准 受理部门\n1 一次性创业补贴 1万元 区人社局\n2 场地租金补贴 每月500元 区人社局\n"
            "抄送：市委办公室，市人大常委会办公室。\n某某市人民政府办公室 2023年6月21日印发\n")
    got = {m.text: m.kind for m in extract_text(text)}
    assert got["某某市人民政府办公室 2023年6月21日印发"] != "measure"
    assert got["1 一次性创业补贴 1万元 区人社局"] == "measure"
