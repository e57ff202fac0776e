"""Numbers as Chinese government documents write them.

``parse_number`` reads ASCII digits (``1,200``, ``133.28``, ``100 ``), Chinese
numerals (``五十``, ``两``, ``一百二十``, ``二〇二〇``, financial ``贰拾``) and the
mixed form documents use for money (``3万``, ``1.5亿``, ``五十万``). It never
raises: anything it cannot read gives ``None``.

``NUM`` is the regex fragment the finders share for "a number as written".
"""
from __future__ import annotations

import re
from typing import Optional

# One number as written: ASCII digits with optional thousands commas/decimal, or
# a run of Chinese numeral characters. 万/亿 are NOT included in the Chinese run
# when they end it, so ``五十万元`` splits into 五十 + 万元 (the money unit).
CN_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
CN_SMALL = "十百千拾佰仟"
_CN_RUN = f"[{CN_DIGITS}{CN_SMALL}]+(?:[万亿][{CN_DIGITS}{CN_SMALL}]+)*"
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
NUM = f"(?:{ARABIC}|{_CN_RUN})"

_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")}
_DIGIT.update({"〇": 0, "两": 2, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5,
               "陆": 6, "柒": 7, "捌": 8, "玖": 9})
_SMALL_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNIT = {"万": 10_000, "亿": 100_000_000}

_ARABIC_RE = re.compile(r"^\d+(?:\.\d+)?$")
_MIXED_RE = re.compile(r"^(\d+(?:\.\d+)?)([万亿]+)$")
_SPACES_RE = re.compile(r"[\s,，]")
_CN_ONLY_RE = re.compile(f"^[{CN_DIGITS}{CN_SMALL}万亿]+$")
_DIGIT_STRING_RE = re.compile(f"^[{CN_DIGITS}]{{4,}}$")


def _parse_chinese(s: str) -> Optional[float]:
    """Positional Chinese numeral: 一百二十 -> 120, 五十万 -> 500000, 二〇二〇 -> 2020."""
    if _DIGIT_STRING_RE.match(s) and "两" not in s:
        # digit-by-digit reading (years: 二〇一六)
        return float("".join(str(_DIGIT[c]) for c in s))
    total = 0       # completed 亿 groups
    section = 0     # completed 万 group below the current 亿
    current = 0     # below 万
    digit: Optional[int] = None
    for ch in s:
        if ch in _DIGIT:
            if digit is not None and digit != 0:
                return None   # two digits in a row without a unit: 二三 is not a number
            digit = _DIGIT[ch]
        elif ch in _SMALL_UNIT:
            current += (1 if digit is None else digit) * _SMALL_UNIT[ch]
            digit = None
        elif ch == "万":
            section += (current + (digit or 0)) or 1
            section *= 10_000
            current, digit = 0, None
        elif ch == "亿":
            total += ((section + current + (digit or 0)) or 1) * 100_000_000
            section, current, digit = 0, 0, None
        else:
            return None
    return float(total + section + current + (digit or 0))


def parse_number(s: str) -> Optional[float]:
    """Read a number written in digits, Chinese numerals or a mix (``3万``); None if unreadable."""
    if not isinstance(s, str):
        return None
    s = _SPACES_RE.sub("", s)
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
