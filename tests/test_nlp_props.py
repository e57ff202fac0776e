"""Property tests: on arbitrary text the number/amount/deadline/target finders never raise,
every offset lies inside the searched window, and text[start:end] == item.text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhengce.nlp.amounts import find_amounts
from zhengce.nlp.deadlines import find_deadlines
from zhengce.text import parse_number
from zhengce.nlp.targets import find_targets

# Characters the patterns care about, so random text actually exercises them.
_ALPHABET = ("0123456789.,:/-—~%％ 　\n"
             "零〇一二两三四五六七八九十百千万亿元年月日号天周季度底末旬上中下半内以前后起止至到自从于每按个家户人件项次"
             "最高不超过得低于少多上限封顶达到突破新增建成培育占比重率给予补贴助奖励贴息注册资本营业收入累计已截止之授牌印发施行满长期"
             "、,。;:()（）《》“”的和及或等第ab")
_text = st.text(alphabet=_ALPHABET, max_size=160) | st.text(max_size=80)
_issue = st.none() | st.sampled_from(["2016-06-13", "2020-01-01", "bad-date", "2016"])


def _check(items, text, lo, hi):
    for it in items:
        assert lo <= it.start <= it.end <= hi
        assert text[it.start:it.end] == it.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_text, st.integers(-5, 200), st.integers(-5, 200) | st.none(), _issue)
def test_finders_never_raise_and_offsets_slice(text, start, end, issue):
    lo = max(0, min(start, len(text)))
    hi = len(text) if end is None else max(lo, min(end, len(text)))
    _check(find_amounts(text, start, end), text, lo, hi)
    _check(find_deadlines(text, start, end, issue_date=issue), text, lo, hi)
    _check(find_targets(text, start, end, issue_date=issue), text, lo, hi)


@settings(max_examples=300, deadline=None)
@given(_text)
def test_parse_number_never_raises(text):
    value = parse_number(text)
    assert value is None or isinstance(value, float)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 10**9))
def test_parse_number_round_trips_digits(n):
    assert parse_number(str(n)) == float(n)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 9999), st.sampled_from(["元", "万元", "亿元"]))
def test_any_plain_grant_amount_is_read(n, unit):
    text = f"给予{n}{unit}奖励"
    [a] = find_amounts(text)
    scale = {"元": 1, "万元": 1e4, "亿元": 1e8}[unit]
    assert a.value_yuan == n * scale and a.kind == "fixed"
