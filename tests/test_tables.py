"""nlp.tables: where a table flattened one cell per line is (the one reading the layout pass and the money
reader share)."""
from zhengce.nlp.tables import VerticalTable, vertical_tables


def cells(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


def test_rows_that_line_up_are_the_table():
    c = cells("补助名单\n序号\n单位名称\n补助金额(万元)\n1\n甲公司\n200\n2\n乙公司\n150\n合计\n350")
    assert vertical_tables(c) == [VerticalTable(head=1, width=3, rows=2)]
    assert c[vertical_tables(c)[0].end] == "合计"


def test_a_row_with_a_cell_missing_ends_the_table():
    c = cells("序号\n单位名称\n补助金额(万元)\n1\n甲公司\n200\n2\n乙公司\n3\n丙公司\n80")
    assert vertical_tables(c) == [VerticalTable(head=0, width=3, rows=1)]


def test_a_sentence_is_no_cell():
    c = cells("序号\n任务\n1\n各地要于6月底前完成全部补贴资金的发放工作。\n2\n做好宣传")
    assert vertical_tables(c) == []


def test_no_serial_header_no_table():
    assert vertical_tables(cells("单位名称\n金额\n1\n甲公司\n200")) == []
