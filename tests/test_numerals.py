"""parse_number: digits, Chinese numerals and the mixed money forms documents use."""
from __future__ import annotations

import pytest

from zhengce.text import parse_number


@pytest.mark.parametrize("text, value", [
    ("2", 2.0), ("1.5", 1.5), ("133.28", 133.28), ("1,200", 1200.0), ("100 ", 100.0),
    ("五十", 50.0), ("两", 2.0), ("十", 10.0), ("十五", 15.0), ("一百二十", 120.0),
    ("一千零五", 1005.0), ("三千五百万", 35_000_000.0), ("一亿二千万", 120_000_000.0),
    ("五十万", 500_000.0), ("两万", 20_000.0), ("3万", 30_000.0), ("1.5亿", 150_000_000.0),
    ("0.6万", 6000.0), ("二〇二〇", 2020.0), ("贰拾", 20.0), ("百", 100.0),
])
def test_parse_number_reads_written_forms(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "万元", "二三", "1.2.3", "十五x", None, "3万x"])
def test_parse_number_rejects_junk_without_raising(text):
    assert parse_number(text) is None
