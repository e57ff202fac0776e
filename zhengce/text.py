"""Text vocabulary shared by ingest, nlp and index: one definition of each.

- CJK character ranges (``CJK``, ``CJK_RE``);
- numbers as documents write them (``parse_number``, ``cn_to_int``, regex fragments
  ``NUM``/``ARABIC``/``CN_DIGITS``/``CN_SMALL``), full-width digits and separators included;
- dates: ``parse_iso`` (strict YYYY[-MM[-DD]] of filters and forms), ``first_date`` (the
  first explicit date of a metadata line) and ``read_time`` — the one span → value step for
  every date expression extraction finds. ``read_time`` hands the span to JioNLP's
  ``parse_time`` (chosen by measurement in ``bench/score_peer_cases.py``: it passes its own
  suite of 350 date forms — lunar dates, quarters, relative years — where a hand-written
  grammar covered a fraction); fully numeric Y-M-D dates take a direct path because they
  are the commonest form and need no grammar. JioNLP is imported on first use, never at
  ``import zhengce``, and its import banner is kept off stdout;
- word lists several modules share (``GRANT_VERBS``).

Nothing here raises on bad text: unreadable input gives ``None``.
"""
from __future__ import annotations

import calendar
import contextlib
import io
import re
import threading
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

# ----------------------------------------------------------------- characters

# CJK Unified Ideographs with Extension A and the compatibility block: one range for
# "a Chinese character" everywhere (a regex class body, use as f"[{CJK}]").
CJK = "\u3400-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")
# The basic block alone, only where Extension A must stay apart: ingest/decode.py scores a decoding
# by its common characters and counts rare Extension A ones as signs of mojibake.
CJK_BASIC = "\u4e00-\u9fff"

# ----------------------------------------------------------------- numerals

CN_DIGITS = "零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
CN_SMALL = "十百千拾佰仟"
_CN_RUN = f"[{CN_DIGITS}{CN_SMALL}]+(?:[万亿萬][{CN_DIGITS}{CN_SMALL}]+)*"
# ASCII or full-width digits (``\d`` is Unicode), thousands groups with , or ，, a decimal part
# (. or the full-width ． a page typed with full-width digits: １，２８６．４万元).
ARABIC = r"\d+(?:[,，]\d{3}(?!\d))*(?:[.．]\d+)?"
NUM = f"(?:{ARABIC}|{_CN_RUN})"

# A dash between the bounds of a range as pages write it (2017年5月﹣2020年7月, 10万元--30万元, 3~5万元):
# ASCII, full-width, em/en dashes, the small hyphen ﹣, the horizontal bar ―, tildes.
RANGE_DASH = r"(?:-{1,2}|－|—{1,2}|–|~|～|﹣|―|‐|‑)"

_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")}
_DIGIT.update({"〇": 0, "○": 0, "两": 2, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5,
               "陆": 6, "柒": 7, "捌": 8, "玖": 9})
_SMALL_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNIT = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_ARABIC_RE = re.compile(r"^\d+(?:\.\d+)?$")
_MIXED_RE = re.compile(r"^(\d+(?:\.\d+)?)([万亿萬]+)$")
_SEPARATORS_RE = re.compile(r"[\s,，]")
_CN_ONLY_RE = re.compile(f"^[{CN_DIGITS}{CN_SMALL}万亿萬]+$")
_DIGIT_STRING_RE = re.compile(f"^[{CN_DIGITS}]{{2,}}$")


def _parse_chinese(s: str) -> Optional[float]:
    """Positional Chinese numeral: 一百二十 -> 120, 五十万 -> 500000, 二〇二〇 -> 2020."""
    if _DIGIT_STRING_RE.match(s) and "两" not in s and len(s) >= 4:
        return float("".join(str(_DIGIT[c]) for c in s))   # digit by digit (years: 二〇一六)
    total = section = current = 0
    digit: Optional[int] = None
    for ch in s:
        if ch in _DIGIT:
            if digit is not None and digit != 0:
                return None   # 二三 is not one number
            digit = _DIGIT[ch]
        elif ch in _SMALL_UNIT:
            current += (1 if digit is None else digit) * _SMALL_UNIT[ch]
            digit = None
        elif ch in ("万", "萬"):
            section = (section + current + (digit or 0) or 1) * 10_000
            current, digit = 0, None
        elif ch == "亿":
            total += ((section + current + (digit or 0)) or 1) * 100_000_000
            section, current, digit = 0, 0, None
        else:
            return None
    return float(total + section + current + (digit or 0))


def parse_number(s: str) -> Optional[float]:
    """A number in digits (full-width too, ``1,200``, ``１０，０００``), Chinese numerals
    (``一百二十``, ``二〇二〇``, ``贰拾``) or mixed (``3万``); None when unreadable."""
    if not isinstance(s, str):
        return None
    s = _SEPARATORS_RE.sub("", s).replace("．", ".")
    if not s:
        return None
    try:
        if _ARABIC_RE.match(s):
            return float(s)
        m = _MIXED_RE.match(s)
        if m:
            value = float(m.group(1))
            for ch in m.group(2):
                value *= _BIG_UNIT[ch]
            return value
        if _CN_ONLY_RE.match(s):
            return _parse_chinese(s)
    except (ValueError, KeyError, OverflowError):
        return None
    return None


def cn_to_int(s: str) -> Optional[int]:
    """A small positive integer as item numbering writes it: 一, 十二, 12, ③; None otherwise."""
    if not isinstance(s, str) or not s:
        return None
    if len(s) == 1 and s in _CIRCLED:
        return _CIRCLED.index(s) + 1
    if s.isascii() and s.isdigit():
        return int(s)
    if _DIGIT_STRING_RE.match(s) and len(s) < 4:
        return None
    value = parse_number(s) if _CN_ONLY_RE.match(s) else None
    return int(value) if value and value == int(value) else None


# ----------------------------------------------------------------- dates

_ISO_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_iso(s: str, end: bool = False) -> date:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` -> the first (``end``: last) day it names.

    Raises ``ValueError`` with a message a user can act on."""
    m = _ISO_RE.match(str(s).strip()) if s is not None else None
    if not m:
        raise ValueError(f"not a date: {s!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d is not None:
            return date(y, int(mo), int(d))
        if mo is not None:
            mo = int(mo)
            return date(y, mo, calendar.monthrange(y, mo)[1] if end else 1)
        return date(y, 12, 31) if end else date(y, 1, 1)
    except ValueError as e:
        raise ValueError(f"not a date: {s!r} ({e})") from None


_HAN_YEAR = f"[{CN_DIGITS}]{{4}}"
_HAN_SMALL = "[一二三四五六七八九十]{1,3}"
# An explicit full date as metadata lines write it (the finder; values come from read_time).
DATE_RE = re.compile(
    r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}(?!\d)"
    rf"|{_HAN_YEAR}\s*年\s*{_HAN_SMALL}\s*月\s*{_HAN_SMALL}\s*日"
)


def first_date(s: str) -> Optional[str]:
    """First explicit full date in ``s`` (2017年6月29日, 2017-06-29, 二〇一七年六月二十九日) as ISO."""
    if not s or not isinstance(s, str):
        return None
    for m in DATE_RE.finditer(s):
        tv = read_time(m.group())
        if tv is not None and tv.start == tv.end:
            return tv.start
    return None


# A page's date as news and government sites write it into the URL path: /2020/0327/, /2020-03-27/,
# /202003/t20200327_123.html, /20200327/. Only a whole, valid day counts.
_URL_DATE_RE = re.compile(
    r"(?<![\d])((?:19|20)\d{2})(?:[/_-]?)(0[1-9]|1[0-2])(?:[/_-]?)(0[1-9]|[12]\d|3[01])(?=[/_.\-]|$)"
    r"|(?<![\d])((?:19|20)\d{2})/(1[0-2]|0?[1-9])/([12]\d|3[01]|0?[1-9])/")   # /art/2019/3/4/


def url_date(url: Optional[str]) -> Optional[str]:
    """The publication day a page's URL path carries (ISO), else None."""
    if not url or not isinstance(url, str) or "://" not in url:
        return None
    path = url.split("://", 1)[1].partition("/")[2]
    for m in _URL_DATE_RE.finditer(path):
        y, mo, d = (g for g in m.groups() if g is not None)
        try:
            return date(int(y), int(mo), int(d)).isoformat()
        except ValueError:
            continue
    return None


@dataclass(frozen=True)
class TimeValue:
    """What a date expression means: first and last day (ISO), and how it was read."""
    start: str
    end: str
    relative: bool = False     # depends on the reference date (9月30日, 明年底, 今年)
    approximate: bool = False  # the parser's ``blur`` (2025年底 = a stretch ending 12-31)


_NUMERIC_YMD_RE = re.compile(
    r"^\s*((?:19|20)\d{2})\s*(?:年\s*|[-./])(\d{1,2})\s*(?:月\s*|[-./])(\d{1,2})\s*[日号]?\s*$"
    r"|^\s*((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*日?\s*$")
_BASE_SHIFT_YEARS = 2
_parser_lock = threading.Lock()
_SINK = io.StringIO()
_time_parser = None


def _jio_time_parser():
    """JioNLP's TimeParser, built once; its import prints a banner, kept off stdout."""
    global _time_parser
    if _time_parser is None:
        with _parser_lock:
            if _time_parser is None:
                sink = io.StringIO()
                with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
                    from jionlp.gadget.time_parser import TimeParser
                    _time_parser = TimeParser()
    return _time_parser


def _jio(span: str, base: date) -> Optional[tuple[str, str, str, str]]:
    try:
        with contextlib.redirect_stderr(_SINK):   # it prints tracebacks of strings it rejects
            r = _jio_time_parser()(span, time_base={"year": base.year, "month": base.month, "day": base.day})
    except Exception:   # noqa: BLE001 - the peer raises ValueError and others on odd text
        return None
    finally:
        _SINK.seek(0)
        _SINK.truncate()
    if not isinstance(r, dict) or r.get("type") not in ("time_point", "time_span"):
        return None
    t = r.get("time")
    if not (isinstance(t, list) and len(t) == 2 and all(isinstance(x, str) for x in t)):
        return None   # open ranges (inf) and durations are not dates
    return t[0][:10], t[1][:10], r.get("definition", ""), r["type"]


def _shift(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


# The fast path: the forms policy text writes most (2025年, 2025年底, 2018年3月上旬, 明年底, 9月30日,
# 二〇一九年五月八日) read directly, with exactly the values JioNLP gives them (first/last day,
# ``blur`` for 底/末/初/旬/半年; tests/test_deadlines.py checks the two agree form by form).
# Anything else — holidays, lunar dates, weeks, 前两个季度 — goes to JioNLP.
_FY = r"(?P<y>(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})年"
_FREL = r"(?P<rel>今年|本年|当年|明年|去年)"
_FM = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月"
_FD = r"(?P<d>[12]\d|3[01]|0?[1-9]|[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])[日号]"
_FPART = r"(?P<part>底|末|初|上旬|中旬|下旬)"
_FAST_TIME_RE = re.compile(
    rf"^(?:(?:{_FY}|{_FREL})(?:{_FM}(?:{_FD}|{_FPART})?|(?P<ypart>年?底|年?末|年?初|上半年|下半年))?"
    rf"|(?P<bare>本年度)"
    rf"|{_FM.replace('?P<m>', '?P<m2>')}(?:{_FD.replace('?P<d>', '?P<d2>')}|{_FPART.replace('?P<part>', '?P<part2>')}))$")
_REL_YEAR = {"今年": 0, "本年": 0, "当年": 0, "本年度": 0, "明年": 1, "去年": -1}
_PART_DAYS = {"底": (25, 31), "末": (25, 31), "初": (1, 5), "上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31)}
_YEAR_PART = {"底": ((11, 1), (12, 31)), "末": ((11, 1), (12, 31)), "初": ((1, 1), (2, 31)),
              "上半年": ((1, 1), (6, 30)), "下半年": ((7, 1), (12, 31))}


def _num(s: str) -> int:
    return int(s) if s.isdigit() else int(_parse_chinese(s) or 0)


def _ymd(y: int, m: int, d: int) -> str:
    """ISO date, the day clamped to the month's last (2月31 -> 2月28/29)."""
    return date(y, m, min(d, calendar.monthrange(y, m)[1])).isoformat()


def _fast_time(span: str, base: Optional[date]) -> Optional[tuple[Optional[TimeValue], bool]]:
    """(value or None, handled): ``handled`` False hands the span on to JioNLP."""
    m = _FAST_TIME_RE.match(span)
    if m is None:
        return None, False
    g = m.groupdict()
    relative = g["y"] is None
    if relative:
        if base is None:
            return None, True
        y = base.year + _REL_YEAR.get(g["rel"] or g["bare"] or "今年", 0)
    else:
        y = _num(g["y"])
        if not 1900 <= y <= 2099:
            return None, False
    month, day, part = g["m"] or g["m2"], g["d"] or g["d2"], g["part"] or g["part2"]
    try:
        if month is None:
            ypart = (g["ypart"] or "").lstrip("年")
            if not ypart:
                return TimeValue(f"{y}-01-01", f"{y}-12-31", relative=relative), True
            (m1, d1), (m2, d2) = _YEAR_PART[ypart]
            return TimeValue(_ymd(y, m1, d1), _ymd(y, m2, d2), relative=relative, approximate=True), True
        mo = _num(month)
        if day is not None:
            iso = date(y, mo, _num(day)).isoformat()
            return TimeValue(iso, iso, relative=relative), True
        if part is not None:
            d1, d2 = _PART_DAYS[part]
            return TimeValue(_ymd(y, mo, d1), _ymd(y, mo, d2), relative=relative, approximate=True), True
        return TimeValue(_ymd(y, mo, 1), _ymd(y, mo, 31), relative=relative), True
    except (ValueError, KeyError):
        return None, False   # 2023年2月30日: let the parser decide


# A year written out (2025, 二〇二五, 25年 as JioNLP reads it) makes a span absolute unless a
# relative word shifts it; without one the span depends on the reference date.
_EXPLICIT_YEAR_RE = re.compile(rf"(?:19|20)\d{{2}}|[{CN_DIGITS}]{{4}}|\d{{2}}年|世纪")
_MAYBE_YEAR_RE = re.compile(rf"[{CN_DIGITS}]{{2}}年")   # 零七年 is 2007, 三三年 depends: ask twice
# …and a relative word, or an open end (2025年前, 2019年5月8日起: from/until the reference date).
_RELATIVE_WORD_RE = re.compile(
    r"[今明去昨前后次翌本当这上下同该近现][年月日天周季期]|上个|下个|[前后起次翌几多]|以来|至今|目前|现在|当前|年代")


@lru_cache(maxsize=4096)
def read_time(span: str, base: Optional[date] = None) -> Optional[TimeValue]:
    """The dates a time expression names, resolved against ``base`` (the document's date).

    Returns None for text that is not a date, and for a relative expression
    (9月30日, 明年底) when there is no ``base`` to resolve it — never a guess.
    One parse per span: whether the value depends on ``base`` is read from the span
    (a written year and no relative word → absolute); only a span with both is parsed
    against a second reference date to tell.
    """
    if not span or not isinstance(span, str) or len(span) > 40:
        return None
    span = span.replace("○", "〇")   # a circle for zero in signature dates; the parser knows 〇
    m = _NUMERIC_YMD_RE.match(span)
    if m:
        g = [x for x in m.groups() if x is not None]
        try:
            iso = date(int(g[0]), int(g[1]), int(g[2])).isoformat()
        except ValueError:
            return None
        return TimeValue(iso, iso)
    tv, handled = _fast_time(span, base)
    if handled:
        return tv
    probe = base or date(2001, 6, 15)
    first = _jio(span, probe)
    if first is None:
        return None
    explicit = _EXPLICIT_YEAR_RE.search(span)
    if not explicit and not _MAYBE_YEAR_RE.search(span):
        relative = True
    elif explicit and not _RELATIVE_WORD_RE.search(span):
        relative = False
    else:
        other = _jio(span, _shift(probe, _BASE_SHIFT_YEARS))
        relative = other is None or other[:2] != first[:2]
    if relative and base is None:
        return None
    if first[0] > first[1]:
        return None
    return TimeValue(first[0], first[1], relative=relative, approximate=first[2] != "accurate")


# ----------------------------------------------------------------- word lists

# Verbs that grant money or support: the clause is an offer, not a condition or a report.
GRANT_VERBS = ("给予", "给与", "补助", "补贴", "奖励", "资助", "奖补", "扶持", "贴息", "安排", "拨付",
               "下达", "获得", "支持", "补偿", "返还", "减免", "申请", "可获", "可享")
GRANT_RE = re.compile("|".join(GRANT_VERBS))


# ---------------------------------------------------------------- word lists as one regex
def word_trie(words) -> dict:
    """Characters nested by shared prefix; ``""`` marks the end of a word."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    return trie


def trie_pattern(node: dict) -> str:
    """One regex alternation for many words, nested by shared prefixes (one branch per position:
    far faster than a flat alternation); the longest word wins, as sorted alternatives would."""
    alts = [re.escape(ch) + trie_pattern(sub) for ch, sub in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


# ---------------------------------------------------------------- collapsed dates
def _valid(y: int, m: int, d: int, latest: Optional[date] = None) -> Optional[str]:
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    if day.year < 1949 or day > (latest or date.today() + timedelta(days=366)):
        return None
    return day.isoformat()


def read_collapsed_date(digits: str, year_hint: Optional[int] = None, latest: Optional[date] = None) -> Optional[str]:
    """``2016613`` -> ``2016-06-13``; None unless exactly one valid reading remains.

    6 digits are yyyymd, 7 digits yyyymdd or yyyymmd, 8 digits yyyymmdd. A year
    hint (the document number's year) rejects readings in another year. ``latest`` bounds the date (a
    signature date lies before about a year from today; a deadline may lie further ahead).
    """
    if not digits.isdigit() or not 6 <= len(digits) <= 8:
        return None
    y = int(digits[:4])
    if year_hint is not None and y not in (year_hint, year_hint + 1):
        return None
    rest = digits[4:]
    splits = [(rest[:i], rest[i:]) for i in (1, 2) if 0 < len(rest) - i <= 2]
    readings = set()
    for ms, ds in splits:
        if ms.startswith("0") and len(ms) == 1 or ds.startswith("0") and len(ds) == 1:
            continue
        iso = _valid(y, int(ms), int(ds), latest)
        if iso:
            readings.add(iso)
    return readings.pop() if len(readings) == 1 else None
