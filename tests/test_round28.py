"""Round 28: a flattened table's rows, and the rule gates that keep extraction's output as it was."""
from __future__ import annotations

import re

from zhengce.nlp.amounts import find_amounts

LEAD = "现将2024年度中小企业发展专项资金分配如下："


def _values(text):
    return [(a.text, a.value_yuan) for a in find_amounts(text)]


def test_a_table_flattened_onto_one_line_is_read_row_by_row():
    t = LEAD + ("序号 企业名称 支持方向 补助金额（万元） 1 某某精密机械有限公司 专精特新奖励 50 "
                "2 某某新材料科技有限公司 技术改造补助 120 3 某某电子股份有限公司 数字化转型补助 35.5")
    assert _values(t) == [("50", 500000.0), ("120", 1200000.0), ("35.5", 355000.0)]


def test_a_flattened_roster_in_yuan():
    t = "2024年度首批创业补贴发放名单 序号 姓名 补贴类型 金额（元） 1 张某 一次性创业补贴 5000 2 李某 一次性创业补贴 5000"
    assert _values(t) == [("5000", 5000.0), ("5000", 5000.0)]


def test_a_row_out_of_sequence_ends_the_flattened_table():
    # a cell with a space in it shifts the row: the table is read up to it, never past it
    t = LEAD + "序号 企业名称 补助金额（万元） 1 甲公司 50 2 乙 公司 30 3 丙公司 20"
    assert _values(t) == [("50", 500000.0)]


def test_no_table_without_its_header():
    assert _values("名单如下 1 甲公司 50 2 乙公司 30") == []
    # numbers without a money column stay numbers
    assert _values("序号 企业名称 从业人数 1 甲公司 50 2 乙公司 30") == []
