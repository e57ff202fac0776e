"""Deadlines, validity periods, durations and schedules in policy text.

Only time expressions bound to an action are emitted — a date with 前/以前/底前
(``by``), 至/到…(止) (``until``), 起/开始/自…之日起 (``from``), two bounds
(``span``), a duration with 内/最长/满/期限 (``within``) or a schedule word
(``recurring``: 按季度, 每季度结束前, 每半年). A bare year in narrative
(``2015年,市政府印发了…``) is not a deadline.

Dates are resolved to ISO at the coarse bound the text gives: ``2020年底`` ->
2020-12-31, ``3月上旬`` starts on the 1st and ``7月下旬`` ends on the last day,
``2016年`` as an end is 12-31 and as a start 01-01. A missing year is taken from
the other bound of a span, else from ``issue_date`` (``year_inferred="issue_date"``;
a month-day more than a month before the issue date is read as next year's),
else left unresolved (``date=None``). ``截至`` a date before the issue date is a
narrative statistic (截至6月17日,苏州共…) and is skipped.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Optional

from ..records import Deadline
from .numerals import CN_DIGITS, CN_SMALL, NUM, parse_number
from .windows import clamp, scan, trigger_windows

CN_CHARS = CN_DIGITS + CN_SMALL

_Y = r"(?:19|20)\d{2}"
_M = r"(?:1[0-2]|0?[1-9])"
_D = r"(?:[12]\d|3[01]|0?[1-9])"
_PART = r"(?:上旬|中旬|下旬|底|末|初)"
_DATE = (
    rf"(?:{_Y}\s?年\s?{_M}\s?月\s?{_D}\s?[日号]"              # 2017年12月31日
    rf"|{_Y}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])日"        # 20171231日 (年/月 lost)
    rf"|{_Y}[-./]{_M}[-./]{_D}(?!\d)"                          # 2023-09-19
    rf"|{_Y}\s?年?\s?{_M}\s?月{_PART}?"                         # 2016年12月底, 201612月底
    rf"|{_Y}\s?年第?[一二三四1-4]季度(?:末|底)?"                # 2024年第三季度末
    rf"|{_Y}\s?年(?:年?底|年?末|上半年|下半年)?"                 # 2020年底, 2020年年底, 2016年
    rf"|{_M}\s?月\s?{_D}\s?[日号]"                              # 6月30日
    rf"|{_M}\s?月{_PART}?"                                     # 7月底
    rf"|(?:今|本|当)年(?:底|末))"
)
_DATE_PARSE_RE = re.compile(
    rf"^(?:(?P<y>{_Y})\s?年?)?\s?(?:(?P<m>{_M})\s?月)?\s?(?:(?P<d>{_D})\s?[日号])?"
    r"(?:(?<=年)年(?=底|末))?(?P<part>上旬|中旬|下旬|底|末|初|上半年|下半年)?$"
)
_COLLAPSED_RE = re.compile(rf"^(?P<y>{_Y})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])日$")
_DASHED_RE = re.compile(rf"^(?P<y>{_Y})[-./](?P<m>{_M})[-./](?P<d>{_D})$")
_RELYEAR_RE = re.compile(r"^(?:今|本|当)年(?P<part>底|末)?$")
_QUARTER_RE = re.compile(rf"^(?P<y>{_Y})年第?(?P<q>[一二三四1-4])季度(?:末|底)?$")
_QUARTER_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_SEP = r"\s?(?:至|到|—|–|-|~|～)\s?"
_CLOCK = (r"(?:\s?[(（](?:星期|周)[一二三四五六日天][)）])?"
          r"(?:\s?(?:\d{1,2}\s?[:：]\s?\d{2}|\d{1,2}\s?[时点](?:\s?\d{1,2}\s?分)?))?")
_SPAN_RE = re.compile(
    rf"(?=[从自于\d今本当])(?:(?P<pre>从|自|于)\s?)?(?<!\d)(?P<a>{_DATE})\s?(?:起|开始)?{_SEP}(?P<b>{_DATE})\s?(?P<post>止|为止|期间|结束)?"
)
_YEAR_SPAN_RE = re.compile(rf"(?=\d)(?<!\d)(?P<a>{_Y})\s?年?{_SEP}(?P<b>{_Y})\s?年(?:度)?")
_FROM_REL_RE = re.compile(
    r"(?=自)自\s?[^,，。;；:：\n]{1,15}?之日(?:次月|次年|后)?起(?:施行|执行|实施|生效|计算)?"
)
_FROM_RE = re.compile(rf"(?=[自从于\d今本当])(?:(?P<pre>自|从|于)\s?)?(?<!\d)(?P<a>{_DATE})\s?(?:[(（]含[)）])?(?P<suf>起|开始|以后|之后)(?:施行|执行|实施|生效)?(?!草|步|点|源|来)")
_BY_RE = re.compile(
    rf"(?=[\d今本当截])(?<!\d)(?:(?P<pre2>截止(?:到|至|(?:日期|时间)(?:为|是|[:：])?)?)\s?(?P<a2>{_DATE})(?:{_CLOCK}?\s?(?:前|以前|之前|为止))?"
    rf"|(?P<a>{_DATE}){_CLOCK}?\s?(?:前|以前|之前|为止))"
)
# 完成时限:2024年12月 — a labelled time limit is a deadline without 前
_LABEL_BY_RE = re.compile(
    rf"(?=[完时办])(?:完成时限|完成时间|时间节点|时限要求|办结时限)\s?(?:为|是|[:：])\s?(?P<a>{_DATE})(?:{_CLOCK}?\s?(?:前|以前|之前))?"
)
# 次年3月31日前: the year after the period the text is about, not a year the issue date fixes
_NEXT_YEAR_RE = re.compile(r"(?:次年|翌年|下一?年度?)\s?$")
_BY_PREFIX_RE = re.compile(r"(?:务必于|须于|应于|最迟|于|在)\s?$")
_YEAR_WITHIN_RE = re.compile(r"(?=[今本当年])(?<![\d年一二三四五六七八九十两半每])(?:今年|本年度?|当年|年)(?:内|底前|末前)")
_UNTIL_RE = re.compile(
    rf"(?=[截直有至到])(?P<pre>截至|直至|有效期至|至|到)\s?(?P<a>{_DATE})\s?(?:止|为止)?"
)
_WITHIN_RE = re.compile(
    rf"(?=[最期有满延半\d{CN_CHARS}])(?:(?P<pre>最长(?:可延期|可延长|期限|时间|期)?(?:不超过|不得超过|为)?|期限(?:为|不超过|最长)?|有效期(?:为)?|满|延期|延长)\s?"
    rf"(?P<n>{NUM}|半)\s?(?:个)?\s?(?P<u>年|月|日|天|个?工作日|周|季度)(?P<post>内|以内|之内)?"
    rf"|(?<![\d{CN_CHARS}])(?:(?<!\.)|(?=[{CN_CHARS}半]))(?P<n2>{NUM}|半)\s?(?:个)?\s?(?P<u2>年|月|日|天|个?工作日|周|季度)(?P<post2>内|以内|之内))"
)
_RECUR_RE = re.compile(
    r"(?=[按每])按\s?(?P<a>季度|季|月度?|半年|年度?)(?=\s?(?:申报|报送|汇总|拨付|考核|评估|发放|兑现|结算|统计|上报|报|核拨|通报))"
    r"|按\s?(?P<b>季度|半年)"
    r"|每(?:个)?(?P<c>季度|半年|月|年|周)(?P<post>结束前|结束后|末|底|初|前|第一|终了)"
    r"|每(?:个)?(?P<d>季度|半年)"
    r"|每(?P<e>年|月)(?:均)?(?=\s?(?:评估|认定|评选|创建|提升|提高|新增|举办|组织|开展|发布|更新|考核|申报|报送|遴选|召开|更新|复核|公布))"
)
_NARRATIVE_AFTER_RE = re.compile(r"[,，\s]?[^,，。;；\n]{0,8}?(?:已|累计|共有|共计)")
_ELIGIBILITY_RE = re.compile(r"(?:毕业|离校|离职|退役|成立|注册|登记|设立|创办|出生)(?:后)?\s?$")
_BENEFIT_RE = re.compile(
    rf"(?=[给免减享补资周期])(?:(?:给予|免征|减免|免收|享受|补贴|补助|资助|减半征收)|(?:周期|期限)(?:不超过|最长为?|为))\s?"
    rf"(?P<n>{NUM})\s?(?:个)?\s?(?P<u>年|月)(?!以上|及以上|以下|度)"
    rf"|(?=[连\d{CN_CHARS}])(?:连续\s?)?(?<![\d.{CN_CHARS}])(?P<n2>{NUM})\s?(?:个)?\s?(?P<u2>年|月)(?=的[^,，。;；\n]{{0,12}}?(?:补贴|贴息|补助|资助|减免|免租|扶持|优惠|支持))"
    # 前3年免收租金 / 前两年给予全额补贴: the first years of a benefit
    rf"|(?=前)前\s?(?P<n3>{NUM})\s?(?:个)?\s?(?P<u3>年|月)(?=[^,，。;；\n]{{0,3}}?(?:免|减|给予|全额|补贴|补助|享受|按))"
)
_HALF_YEAR_SPAN_RE = re.compile(
    rf"(?=[在于力争确])(?:在|于|力争(?:在|于)?|争取(?:在|于)?|确保(?:在|于)?)\s?(?P<y>{_Y})\s?年(?P<part>上半年|下半年)")
_MONTH_SPAN_RE = re.compile(
    rf"(?=\d)(?<!\d)(?P<y>{_Y})\s?年?\s?(?P<m1>{_M})\s?月?\s?(?:-|—|–|~|～|至|到)\s?(?P<m2>{_M})\s?月(?P<part>上旬|中旬|下旬|底|末)?"
)
# 每年3月底前 / 每月10日前: a yearly or monthly due date
_EVERY_PREFIX_RE = re.compile(r"每(?:个)?(年|月|季度)\s?$")
_MONTHLY_DAY_RE = re.compile(rf"(?=每)每(?:个)?月\s?(?:的)?{_D}\s?[日号](?:前|之前|以前)")
# the end of a five-year plan: “十四五”末 = 2025-12-31 (its 期间 is mostly narrative, so left out)
_PLAN_PERIOD_RE = re.compile(r"(?=[“\"十])[“\"]?十(?P<n>[一二三四五六七八九])五[”\"]?(?P<kind>末期|末)")
_PLAN_START = {"一": 2006, "二": 2011, "三": 2016, "四": 2021, "五": 2026, "六": 2031, "七": 2036,
               "八": 2041, "九": 2046}
# Every deadline pattern contains one of these; patterns reach at most this far around it.
_TRIGGER_RE = re.compile(r"[年月日天周季旬期末]")
_WINDOW_BEFORE = 40
_WINDOW_AFTER = 24
_RECURRENCE = {"季度": "quarterly", "季": "quarterly", "月": "monthly", "月度": "monthly",
               "年": "yearly", "年度": "yearly", "半年": "semiannual", "周": "weekly"}
_PART_START_DAY = {"上旬": 1, "中旬": 11, "下旬": 21, "初": 1}
_PART_END_DAY = {"上旬": 10, "中旬": 20, "初": 10}


def _parse_issue(issue_date: Optional[str]) -> Optional[date]:
    if not issue_date or not isinstance(issue_date, str):
        return None
    try:
        return date.fromisoformat(issue_date[:10])
    except ValueError:
        return None


def _split_date(s: str) -> Optional[tuple[Optional[int], Optional[int], Optional[int], Optional[str]]]:
    """(year, month, day, part) of a matched date text; None when not a date."""
    s = s.replace(" ", "")
    for rx in (_COLLAPSED_RE, _DASHED_RE):
        m = rx.match(s)
        if m:
            return int(m.group("y")), int(m.group("m")), int(m.group("d")), None
    m = _QUARTER_RE.match(s)
    if m:
        return int(m.group("y")), _QUARTER_NUM[m.group("q")] * 3, None, "季度"
    m = _RELYEAR_RE.match(s)
    if m:
        return None, None, None, ("年底" if m.group("part") else "本年")
    m = _DATE_PARSE_RE.match(s)
    if not m or not (m.group("y") or m.group("m")):
        return None
    y, mo, d = m.group("y"), m.group("m"), m.group("d")
    return (int(y) if y else None, int(mo) if mo else None, int(d) if d else None, m.group("part"))


def _bound(parts, year: Optional[int], end: bool) -> Optional[str]:
    """ISO date at the start or end bound of a (year, month, day, part) date."""
    _, month, day, part = parts
    if year is None:
        return None
    try:
        if month is None:
            if part == "上半年":
                return date(year, 6, 30).isoformat() if end else date(year, 1, 1).isoformat()
            if part == "下半年":
                return date(year, 12, 31).isoformat() if end else date(year, 7, 1).isoformat()
            return date(year, 12, 31).isoformat() if end else date(year, 1, 1).isoformat()
        if day is not None:
            return date(year, month, day).isoformat()
        if part == "季度" and not end:
            return date(year, month - 2, 1).isoformat()
        if end:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, _PART_END_DAY.get(part or "", last)).isoformat()
        return date(year, month, _PART_START_DAY.get(part or "", 1)).isoformat()
    except ValueError:
        return None


def _resolve_year(parts, issue: Optional[date], fallback_year: Optional[int] = None
                  ) -> tuple[Optional[int], Optional[str]]:
    """The year of a date: as written, from the span's other bound, or from the issue date."""
    if parts[0] is not None:
        return parts[0], None
    if fallback_year is not None:
        return fallback_year, None
    if issue is None:
        return None, None
    year = issue.year
    month, day = parts[1], parts[2]
    if month is not None:
        try:
            probe = date(year, month, day or 1)
            if (issue - probe).days > 31 + 31:
                year += 1   # 3月底前 in a November document means next March
        except ValueError:
            pass
    return year, "issue_date"


class _Taken:
    """Non-overlapping spans already claimed by a higher-priority pattern."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def free(self, s: int, e: int) -> bool:
        return all(e <= a or b <= s for a, b in self.spans)

    def add(self, s: int, e: int) -> None:
        self.spans.append((s, e))


def _strip(sub: str, s: int, e: int) -> tuple[int, int]:
    while s < e and sub[s].isspace():
        s += 1
    while e > s and sub[e - 1].isspace():
        e -= 1
    return s, e


def _duration(n_text: str, unit: str) -> Optional[str]:
    n = 0.5 if n_text == "半" else parse_number(n_text)
    if n is None or n <= 0:
        return None
    if unit == "季度":
        n, unit = n * 3, "月"
    if n != int(n):
        if unit == "年":
            n, unit = n * 12, "月"
        elif unit == "月":
            n, unit = n * 30, "日"
    code = {"年": "Y", "月": "M", "周": "W"}.get(unit, "D")
    return f"P{int(n)}{code}"


def find_deadlines(text: str, start: int = 0, end: int | None = None, *,
                   issue_date: str | None = None) -> list[Deadline]:
    """Deadlines and periods in ``text[start:end]``, offsets into ``text``."""
    if not text:
        return []
    start, end = clamp(text, start, end)
    sub = text[start:end]
    issue = _parse_issue(issue_date)
    taken = _Taken()
    out: list[Deadline] = []
    windows = trigger_windows(_TRIGGER_RE, sub, _WINDOW_BEFORE, _WINDOW_AFTER)

    def emit(s: int, e: int, kind: str, **fields) -> None:
        s, e = _strip(sub, s, e)
        if e <= s or not taken.free(s, e):
            return
        taken.add(s, e)
        out.append(Deadline(text=sub[s:e], start=start + s, end=start + e, kind=kind, **fields))

    for m in scan(_YEAR_SPAN_RE, sub, windows):
        a, b = int(m.group("a")), int(m.group("b"))
        if m.start() > 0 and sub[m.start() - 1] in "(（" and sub[m.end():m.end() + 1] in (")", "）"):
            continue   # 《…规划(2006—2020年)》: the period in a title, not a deadline
        if a <= b:
            emit(m.start(), m.end(), "span", start_date=f"{a}-01-01", end_date=f"{b}-12-31")
    for m in scan(_MONTH_SPAN_RE, sub, windows):
        y, m1, m2 = int(m.group("y")), int(m.group("m1")), int(m.group("m2"))
        if m1 <= m2:
            part = m.group("part")
            emit(m.start(), m.end(), "span", start_date=_bound((y, m1, None, None), y, end=False),
                 end_date=_bound((y, m2, None, part), y, end=True))
    for m in scan(_HALF_YEAR_SPAN_RE, sub, windows):
        y = int(m.group("y"))
        parts = (y, None, None, m.group("part"))
        emit(m.start(), m.end(), "span", start_date=_bound(parts, y, end=False), end_date=_bound(parts, y, end=True))
    for m in scan(_SPAN_RE, sub, windows):
        pa, pb = _split_date(m.group("a")), _split_date(m.group("b"))
        if pa is None or pb is None:
            continue
        if not (m.group("pre") or m.group("post")) and (pa[0] is None and pa[1] is None):
            continue
        ya, inferred = _resolve_year(pa, issue)
        yb, inferred_b = _resolve_year(pb, issue, ya)
        sd, ed = _bound(pa, ya, end=False), _bound(pb, yb, end=True)
        if sd and ed and sd > ed:
            continue
        emit(m.start(), m.end(), "span", start_date=sd, end_date=ed, year_inferred=inferred or inferred_b)
    for m in scan(_PLAN_PERIOD_RE, sub, windows):
        emit(m.start(), m.end(), "by", date=f"{_PLAN_START[m.group('n')] + 4}-12-31")
    for m in scan(_MONTHLY_DAY_RE, sub, windows):
        emit(m.start(), m.end(), "recurring", recurrence="monthly")
    for m in scan(_FROM_REL_RE, sub, windows):
        emit(m.start(), m.end(), "from")
    for m in scan(_LABEL_BY_RE, sub, windows):
        parts = _split_date(m.group("a"))
        if parts is None:
            continue
        year, inferred = _resolve_year(parts, issue)
        emit(m.start("a"), m.end(), "by", date=_bound(parts, year, end=True), year_inferred=inferred)
    for m in scan(_BY_RE, sub, windows):
        dt = m.group("a") or m.group("a2")
        parts = _split_date(dt)
        if parts is None:
            continue
        every = _EVERY_PREFIX_RE.search(sub, max(0, m.start() - 4), m.start())
        if every and parts[0] is None:
            emit(every.start(), m.end(), "recurring", recurrence=_RECURRENCE.get(every.group(1)))
            continue
        year, inferred = _resolve_year(parts, issue)
        s0 = m.start()
        nxt = _NEXT_YEAR_RE.search(sub, max(0, s0 - 4), s0) if parts[0] is None else None
        if nxt:
            s0, year, inferred = nxt.start(), None, None
        pre = _BY_PREFIX_RE.search(sub, max(0, s0 - 4), s0)
        emit(pre.start() if pre else s0, m.end(), "by", date=_bound(parts, year, end=True),
             year_inferred=inferred)
    for m in scan(_YEAR_WITHIN_RE, sub, windows):
        year = issue.year if issue else None
        emit(m.start(), m.end(), "by", date=f"{year}-12-31" if year else None,
             year_inferred="issue_date" if year else None)
    for m in scan(_UNTIL_RE, sub, windows):
        parts = _split_date(m.group("a"))
        if parts is None:
            continue
        year, inferred = _resolve_year(parts, issue)
        iso = _bound(parts, year, end=True)
        if m.group("pre") == "截至" and (iso is None or (issue is not None and iso < issue.isoformat())):
            continue   # 截至6月17日,苏州共…: a statistic's cut-off, not a deadline
        if _NARRATIVE_AFTER_RE.match(sub, m.end(), min(len(sub), m.end() + 14)):
            continue   # 至2016年,我市已建有…: a count so far
        emit(m.start(), m.end(), "until", date=iso, year_inferred=inferred)
    for m in scan(_FROM_RE, sub, windows):
        parts = _split_date(m.group("a"))
        if parts is None:
            continue
        year, inferred = _resolve_year(parts, issue)
        iso = _bound(parts, year, end=False)
        if (not m.group("pre") and m.group("suf") == "开始" and issue is not None
                and parts[0] is not None and parts[0] < issue.year):
            continue   # 2010年开始举办…: history, not a start date
        emit(m.start(), m.end(), "from", date=iso, year_inferred=inferred)
    for m in scan(_WITHIN_RE, sub, windows):
        n_text = m.group("n") or m.group("n2")
        unit = (m.group("u") or m.group("u2")).lstrip("个")
        value = parse_number(n_text) if n_text != "半" else 0.5
        if value is not None and value >= 1900 and unit == "年":
            emit(m.start(), m.end(), "by", date=f"{int(value)}-12-31")   # 2016年内
            continue
        if not m.group("pre") and _ELIGIBILITY_RE.search(sub, max(0, m.start() - 4), m.start()):
            continue   # 毕业5年内的大学生: who is eligible, not when
        dur = _duration(n_text, unit)
        if dur is not None:
            emit(m.start(), m.end(), "within", duration=dur)
    for m in scan(_BENEFIT_RE, sub, windows):
        n_text, unit = ((m.group("n"), m.group("u")) if m.group("n") else
                        (m.group("n2"), m.group("u2")) if m.group("n2") else (m.group("n3"), m.group("u3")))
        value = parse_number(n_text)
        if value is None or value >= 100:
            continue
        dur = _duration(n_text, unit)
        if dur is not None:
            emit(m.start(), m.end(), "within", duration=dur)
    for m in scan(_RECUR_RE, sub, windows):
        word = m.group("a") or m.group("b") or m.group("c") or m.group("d") or m.group("e")
        emit(m.start(), m.end(), "recurring", recurrence=_RECURRENCE.get(word))
    out.sort(key=lambda d: (d.start, d.end))
    return out
