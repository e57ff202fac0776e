"""Deadlines, validity periods, schedules — and benefit durations, kept apart.

Only time expressions bound to an action are emitted — a date with 前/以前/底前
(``by``), 至/到…(止) (``until``), 起/开始/自…之日起 (``from``), two bounds or a
named period (``span``: 2021—2025年, 2021年前两个季度), a time window with 内
(``within``: 3年内完成) or a schedule word (``recurring``: 按季度, 每季度结束前).
A bare year in narrative (``2015年,市政府印发了…``) is not a deadline, nor is a
document number (财税〔2016〕36号). Benefit durations (连续两年, 贷款期限不超过3年,
免收3个月) are not deadlines: ``find_durations`` returns them as ``Duration``.

Finding spans and their kind is this module's job, as a table of rules (``RULES``:
name, pattern, handler, priority — a higher-priority rule claims its span first).
The span → date step is ``zhengce.text.read_time``, one parser for every written
form (2019/04/19, 20240307, 二〇一九年五月八日, 明年底, 2025年底 → 2025-12-31 as the
end of a ``by``). A date resolved against ``issue_date`` says so
(``year_inferred="issue_date"``); a month-day of a deadline more than two months
before the issue date is next year's; without an issue date it stays unresolved
(``date=None``). ``截至`` a date before the issue date is a narrative statistic.
"""
from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable, Optional

from ..records import Deadline, Duration
from ..text import CN_DIGITS, CN_SMALL, NUM, RANGE_DASH, TimeValue, parse_number, read_collapsed_date, read_time
from .tables import VHEAD_CELL_RE, vertical_header_cell
from .windows import RuleGate, clamp, scan, trigger_windows

CN_CHARS = CN_DIGITS + CN_SMALL

_Y = r"(?:19|20)\d{2}"
_M = r"(?:1[0-2]|0?[1-9])"
_D = r"(?:[12]\d|3[01]|0?[1-9])"
_CNM = r"(?:十[一二]?|[一二三四五六七八九])"
_CND = r"(?:[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])"
_HY = r"[〇零○一二三四五六七八九]{4}"
_REL = r"(?:今|明|去|本|当)年"
_PART = r"(?:上旬|中旬|下旬|底|末|初)"
_DATE = (
    rf"(?:{_Y}\s?年\s?{_M}\s?月\s?{_D}\s?[日号]"              # 2017年12月31日
    rf"|{_Y}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])日"        # 20171231日 (年/月 lost)
    rf"|(?<!\d){_Y}\d{{3}}(?=[日号]?\s?(?:起|开始|前|之前|以前))|(?<!\d){_Y}\d{{2}}(?=[日号]\s?(?:起|开始|前|之前|以前))"
    # 2023615起 / 202413日前: 年/月 lost, read where one reading is valid (202412前 is no day: 2024年12月)
    rf"|{_Y}[-./]{_M}[-./]{_D}(?!\d)"                          # 2023-09-19, 2019/04/19, 2019.9.6
    rf"|(?<![\d\-])(?:19|20)\d{{2}}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![\d\-])"  # 20240307
    rf"|(?:{_Y}|{_HY})\s?年\s?{_CNM}\s?月(?:{_CND}\s?[日号]|{_PART})?"   # 二〇一九年五月八日, 2017年五月
    rf"|{_Y}\s?年?\s?{_M}\s?月{_PART}?"                         # 2016年12月底, 201612月底
    rf"|{_Y}\s?年第?[一二三四1-4]季度(?:末|底)?"                # 2024年第三季度末
    rf"|{_Y}\s?年(?:年?底|年?末|上半年|下半年)?"                 # 2020年底, 2020年年底, 2016年
    rf"|{_REL}\s?{_M}\s?月(?:\s?{_D}\s?[日号]|{_PART})?"        # 去年9月, 明年3月底
    rf"|{_REL}\s?(?:上半年|下半年|第?[一二三四1-4]季度(?:末|底)?)"     # 今年上半年, 明年一季度末
    rf"|{_REL}(?:年?底|年?末|初)?"                             # 今年, 明年底
    rf"|(?<![前第\d一二三四五六七八九十两每本上下])第?[一二三四1-4]季度(?:末|底)"   # 一季度末 (of the document's year)
    rf"|{_M}\s?月\s?{_D}\s?[日号]"                              # 6月30日
    rf"|{_M}\s?月\s?{_D}(?=[ \t]*(?:\n|$))"                     # …-4月8 at a line's end: its 日 lost
    rf"|{_M}\s?月{_PART}?"                                     # 7月底
    rf"|{_REL}\s?{_CNM}\s?月(?:{_CND}\s?[日号]|{_PART})?"         # 明年三月底, 从明年一月一日
    # 七月底, 十月一日: written alone, after a preposition, a break or a stop only (统一月底 and 农历八月十五 are none)
    rf"|(?<![^于在至到从自起止截即前为是、，,。；;：:\s（(“\n]){_CNM}\s?月(?:{_CND}\s?[日号]|{_PART}))"
)
_SEP = rf"\s?(?:至|到|{RANGE_DASH})\s?"
_INCL = r"[(（]含(?:当日|当天|本日)?[)）]"      # (含), (含当日): the bound itself included
# 前 as "before", not "the first N" (今年前三季度, 2022年前十一个月), "around" (8月前后) or a comparison (与3月前相比)
# 前/以前/之前/为止 after a date; 截止 after it too (申报于8月22日截止), never 截止到/截止至 (a start of "as of")
_BEFORE = r"(?:前(?![一二两三四五六七八九十\d]{1,3}个?(?:季度|月|年|天|周)|后|相比)|以前|之前|为止|截止(?![到至日时]))"
_CLOCK = (r"(?:\s?[(（](?:星期|周)[一二三四五六日天][)）])?"
          r"(?:\s?(?:上午|下午|中午|晚上)?\s?(?:\d{1,2}\s?[:：]\s?\d{2}|(?:\d{1,2}|零|二?十[一二三四]?|[一二三四五六七八九])\s?[时点]"
          r"(?:\s?\d{1,2}\s?分)?))?")

# A document number: its year is never a date (财税〔2016〕36号, 南府办[2016]34号).
_DOC_NUMBER_RE = re.compile(rf"[〔\[［(（【]\s?{_Y}\s?[〕\]］)）】]\s?第?\s?\d{{0,5}}\s?号?")
# 201612月底, 2018 年 12 月: the canonical text handed to the parser
_LOST_YEAR_RE = re.compile(rf"^({_Y})(?=(?:{_M})(?:月|[-—–~～]))")
_SPACE_RE = re.compile(r"\s+")
_LOST_DAY_MARK_RE = re.compile(r"月\d{1,2}$")
_INCL_RE = re.compile(_INCL)
_YEAR_WRITTEN_RE = re.compile(rf"{_Y}|{_HY}|[年]")
_NEXT_YEAR_RE = re.compile(r"(?:次年|翌年|下一?年度?)\s?$")
_NEXT_YEAR_START_RE = re.compile(r"(?:次年|翌年|下一?年度?)\s?")     # the same, opening a framed date
_BY_PREFIX_RE = re.compile(r"(?:务必于|须于|应于|最迟|于|在)\s?$")
_DAY_IN_MONTH_RE = re.compile(r"月\s?\d{1,2}\s?[日号]|月(?:底|末)")
_EVERY_PREFIX_RE = re.compile(r"每(?:个)?(年|月|季度)\s?$")
_AS_OF_REPORT_RE = re.compile(r"\s?[,，]\s?(?:全[省市县区州]|我[省市县区州]|本[省市县区州]|各地|累计|共计|共有|全年|已累计"
                              r"|已(?:发放|兑现|拨付|完成|建成|有|达|受理\d|认定\d)|[^,，。]{0,6}(?:累计|共计|共有|共发放|已发放))")
_NARRATIVE_AFTER_RE = re.compile(r"[,，\s]?[^,，。;；\n]{0,8}?(?:已|累计|共有|共计)")
_DAYS_LATER_RE = re.compile(rf"\s?(?P<n>{NUM})\s?(?:日|天)后(?:起)?(?:施行|实施|生效|执行)")
# the events that happen on the document's own date
_ISSUE_EVENT_RE = re.compile(r"[自从]\s?(?:本(?:通知|办法|意见|细则|规定|方案|政策|措施|公告)?)?(?:印发|发布|公布|颁布|下发|签发|发文)之日")
# a sentence that reports what happened, not what a measure covers
_HISTORY_RE = re.compile(r"了|已|累计|共计|共有|实现|完成|达到|达|增长|同比|获得|获批|印发|出台|成立|召开|举办|开展|启动|发布")
# of _HISTORY_RE's words, those a target clause uses too (2024年,全县…实现/达到…), and those that only report
# (a figure after the verb: 达到98%以上, 建成3200户; 对完成技术改造的企业给予… names a condition, 下达 no target)
_TARGET_VERB_RE = re.compile(r"(?:实现|完成|达到|(?<!下)达|增长|建成|新增|突破|超过|提高|提升|培育|覆盖)[^,，。;；\n]{0,20}?\d")
_GRANT_WORD_RE = re.compile(r"给予|奖励|补贴|补助|资助|奖补|安排|下达")
_PAST_MARK_RE = re.compile(r"了|已|累计|共计|共有|同比|获得|获批|印发|出台|成立|召开|举办|开展|启动|发布|比上年|较上年|增长\d")
_ANCHORED_LENGTH_RE = re.compile(
    rf"[,，]?\s?(?:正常)?(?:运营|经营|营业|运行|满|为期|为)?\s?(?:{NUM}|半)\s?个?\s?(?:年|月|日|天|工作日|周)")
_ELIGIBILITY_RE = re.compile(r"(?:毕业|离校|离职|退役|成立|注册|登记|设立|创办|出生)(?:后)?\s?$")
_PLAN_START = {"一": 2006, "二": 2011, "三": 2016, "四": 2021, "五": 2026, "六": 2031, "七": 2036,
               "八": 2041, "九": 2046}
_RECURRENCE = {"季度": "quarterly", "季": "quarterly", "月": "monthly", "月度": "monthly",
               "年": "yearly", "年度": "yearly", "半年": "semiannual", "周": "weekly"}
# Every deadline pattern contains one of these; patterns reach at most this far around it.
# (written to open with one character class, which lets the regex engine skip to those characters:
# [年月日天周季旬期末前]|\d{8}|\d{4}[-./]\d{1,2}[-./]\d, same matches, ~2.5x faster)
_TRIGGER_RE = re.compile(r"[年月日天周季旬期末前\d](?:(?<=[年月日天周季旬期末前])|(?<=\d)(?:\d{7}|\d{3}[-./]\d{1,2}[-./]\d"
                         r"|\d{5,6}(?=\s?(?:起|开始))|\.\d{1,2}\s?(?:" + RANGE_DASH + r"|至|到)\s?\d))")   # 3.1-3.31
_WINDOW_BEFORE = 40
_WINDOW_AFTER = 28
# A framed deadline 于<time>前: the clause after 于 up to its last 前 is handed to the parser.
_FRAME_CLAUSE = 26
_FRAME_STOPS = ",，。;；:：!！?？\n、"


def _canonical(span: str) -> str:
    span = _INCL_RE.sub("", _SPACE_RE.sub("", span))
    span = _LOST_YEAR_RE.sub(r"\1年", span)
    if _LOST_DAY_MARK_RE.search(span):
        span += "日"
    return span.replace("年年底", "年底").replace("年年末", "年末")


def _issue(issue_date: Optional[str]) -> Optional[date]:
    if not issue_date or not isinstance(issue_date, str):
        return None
    try:
        return date.fromisoformat(issue_date[:10])
    except ValueError:
        return None


@dataclass
class _Ctx:
    sub: str
    base: int
    issue: Optional[date]
    out: list
    taken: list
    no_go: list          # document numbers
    text: str = ""       # the whole document (a table's header row lies outside a measure)
    written: str = ""    # ``sub`` as the page wrote it (sub reads 元月 as 1月, one character for one)
    basis: str = "issue_date"   # where ``issue`` came from: the caller's document date, or the page's own text

    def free(self, s: int, e: int) -> bool:
        # taken spans are disjoint and kept sorted: only the last one starting before e can overlap
        i = bisect.bisect_left(self.taken, (e, -1))
        if i and self.taken[i - 1][1] > s:
            return False
        return all(e <= a or b <= s for a, b in self.no_go)

    def emit(self, s: int, e: int, kind: str, **fields) -> bool:
        sub = self.sub
        while s < e and sub[s].isspace():
            s += 1
        while e > s and sub[e - 1].isspace():
            e -= 1
        if e <= s or not self.free(s, e):
            return False
        bisect.insort(self.taken, (s, e))
        if fields.get("year_inferred") == "issue_date" and self.basis != "issue_date":
            fields["year_inferred"] = self.basis    # the year came from a date the page prints, not the issue date
        self.out.append(Deadline(text=(self.written or sub)[s:e], start=self.base + s, end=self.base + e,  # 元月 as written
                                 kind=kind, **fields))
        return True

    def value(self, span: str, deadline: bool = True) -> tuple[Optional[TimeValue], Optional[str]]:
        """(value, year_inferred) of a date text; a relative one needs the issue date."""
        lost = _COLLAPSED_RE.fullmatch(span)
        if lost:
            # 2016630日: 年 and 月 lost in scraping; a date only where one reading is valid, else none
            iso = read_collapsed_date(lost.group(1) or lost.group(2), latest=date(2100, 12, 31))
            return (TimeValue(iso, iso) if iso else None), None
        tv = read_time(_canonical(span), self.issue)
        if tv is None or not tv.relative:
            return tv, None
        if deadline and self.issue is not None and _MONTH_DAY_RE.match(_canonical(span)):
            # 3月底前 in a November document is next March: deadlines lie ahead
            if _long_past(self.issue, date.fromisoformat(tv.end)):
                nxt = read_time(_canonical(span), _next_year(self.issue))
                if nxt is not None:
                    tv = nxt
        return tv, "issue_date"


_MONTH_DAY_RE = re.compile(rf"^{_M}月(?:{_D}[日号]|{_PART})?$")
_BARE_MONTH_RE = re.compile(rf"({_M}|{_CNM})\s?月份?")
_COLLAPSED_RE = re.compile(r"\s*((?:19|20)\d{5})\s?[日号]?\s*|\s*((?:19|20)\d{4})\s?[日号]\s*")
_SPAN_STRONG_RE = re.compile(rf"{_Y}|{_HY}|{_REL}")
_BARE_REL_RE = re.compile(rf"^{_REL}$")
_DAY_RE = re.compile(r"[日号]$")


def _long_past(issue: date, end: date) -> bool:
    """A year-less date ending this long before the document is the next year's: deadlines lie ahead."""
    return (issue - end).days > 62


def _next_year(d: date) -> date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:
        return d.replace(year=d.year + 1, day=28)


# The labels of a task's due-date field (完成时限：2024年10月底前); the layout keeps such a line as an item
DUE_LABELS = r"完成时限|完成时间|完成期限|时间节点|时限要求|办结时限"

# ------------------------------------------------------------------ rule handlers

def _year_span(m: re.Match, c: _Ctx) -> None:
    a, b = int(m.group("a")), int(m.group("b"))
    if m.start() > 0 and c.sub[m.start() - 1] in "(（" and c.sub[m.end():m.end() + 1] in (")", "）") \
            and (c.issue is None or b < c.issue.year or a < c.issue.year - 1):
        return   # 《…纲要(2006—2020年)》 cited in 2012 or 2021: a cited title's period, no bound of the measures
        # (《…行动计划(2022—2025年)》 cited as it starts is the plan period the measures follow)
    if a <= b:
        c.emit(m.start(), m.end(), "span", start_date=f"{a}-01-01", end_date=f"{b}-12-31")


def _iso_pair(m: re.Match, c: _Ctx) -> None:
    """2024-01-16/2024-02-23: two dates with a slash between, a period as forms print it."""
    _emit_span(m, c, m.group("a"), m.group("b"))


def _lost_month(m: re.Match, c: _Ctx) -> None:
    """截止至227日: the 月 of 2月27日 lost in scraping; read as month + day, a deadline."""
    tv, inferred = c.value(f"{m.group('m')}月{m.group('d')}日")
    if tv is None and not _parses(f"{m.group('m')}月{m.group('d')}日"):
        return
    c.emit(m.start(), m.end(), "by", date=tv.end if tv else None, year_inferred=inferred)


def _year_pair(m: re.Match, c: _Ctx) -> None:
    """2014年和2015年: two consecutive years named together are one period."""
    a, b = int(m.group("a")), int(m.group("b"))
    if b == a + 1:
        c.emit(m.start(), m.end(), "span", start_date=f"{a}-01-01", end_date=f"{b}-12-31")


def _period(m: re.Match, c: _Ctx) -> None:
    """A named period read whole: 2018年1-2月下旬, 2021年前两个季度, 在2018年上半年."""
    tv, inferred = c.value(m.group("p"), deadline=False)
    if tv is not None:
        c.emit(m.start(), m.end(), "span", start_date=tv.start, end_date=tv.end, year_inferred=inferred)


def _span(m: re.Match, c: _Ctx) -> None:
    a, b = m.group("a"), m.group("b")
    if (not (m.group("pre") or m.group("post")) and not _SPAN_STRONG_RE.match(_canonical(a))
            and not (_DAY_RE.search(a) and _DAY_RE.search(b))):
        return   # 3-5月 alone, without 自/至…止: too weak (3月27日至5月31日 is two days: a span)
    _emit_span(m, c, a, b)


def _emit_span(m: re.Match, c: _Ctx, a: str, b: str) -> None:
    """Two bounds; a bound without its year takes it from the first (2017年8月至11月)."""
    if not _YEAR_WRITTEN_RE.search(a) and _NEXT_YEAR_RE.search(c.sub, max(0, m.start() - 4), m.start()):
        a = "明年" + _canonical(a)     # 可于次年1月1日至3月31日补充申领: both bounds in the year after the document's
    ta, inferred = c.value(a, deadline=False)
    if ta is None:
        if c.issue is None and _parses(a) and _parses(b):
            c.emit(m.start(), m.end(), "span")   # 3月27日至5月31日 without a document date: years unknown
        return
    b = _canonical(b)
    if b.startswith(("同年", "次年", "翌年")):   # 至同年12月31日: the first bound's year (次年: the one after)
        b = ("" if b[0] == "同" else "明年") + b[2:]
    if _DAY_ONLY_RE.match(b) and len(ta.start) >= 10:
        b = f"{ta.start[:4]}年{int(ta.start[5:7])}月{b}"   # 5月1日至31日: the second bound is in the first's month
    if not _YEAR_WRITTEN_RE.search(b) and not re.match(_REL, b):
        b = f"{ta.start[:4]}年{b}"   # 8月至11月: the second bound is in the first's year
    tb = read_time(b, date.fromisoformat(ta.start))
    if tb is None or tb.end < ta.start:
        return
    start_date, end_date = ta.start, tb.end
    every = _EVERY_PREFIX_RE.search(c.sub, max(0, m.start() - 4), m.start())
    if every and every.group(1) == "年" and inferred and c.issue is not None and end_date < c.issue.isoformat():
        # 每年3月1日至3月31日 in a December notice: the window comes back; its next instance is next year's
        start_date, end_date = _plus_year(start_date), _plus_year(end_date)
    c.emit(m.start(), m.end(), "span", start_date=start_date, end_date=end_date, year_inferred=inferred)


def _plus_year(iso: str) -> str:
    d = date.fromisoformat(iso)
    return (d.replace(day=28) if d.month == 2 and d.day == 29 else d).replace(year=d.year + 1).isoformat()


_DAY_ONLY_RE = re.compile(rf"^{_D}[日号]$")


def _month_span(m: re.Match, c: _Ctx) -> None:
    """2018年1-9月, 20181-2月下旬, 2019年1-五月: months of one year."""
    y = m.group("y")
    _emit_span(m, c, f"{y}年{m.group('m1')}月", f"{y}年{m.group('m2')}月{m.group('part') or ''}")


def _label_month_span(m: re.Match, c: _Ctx) -> None:
    """活动时间为4月至6月, 4月—6月期间: months of the document's year, a period the words around it name (a bare
    3-5月 may be a statistic's months, so it needs the label or 期间)."""
    m1 = _month_number(m.group("m1") or m.group("m1b"))
    m2 = _month_number(m.group("m2"))
    s = m.start("m1") if m.group("m1") else m.start("m1b")
    if not (1 <= m1 <= m2 <= 12):
        return
    if c.issue is None:
        c.emit(s, m.end(), "span")
        return
    y = c.issue.year
    if _long_past(c.issue, _month_end(y, m2)):
        y += 1              # 活动时间为1月至3月 in a November notice: the coming months
    part = m.group("part")
    end = _month_end(y, m2)
    if part in ("上旬", "中旬"):
        end = date(y, m2, 10 if part == "上旬" else 20)
    c.emit(s, m.end(), "span", start_date=f"{y}-{m1:02d}-01", end_date=end.isoformat(), year_inferred="issue_date")


def _lead_month(m: re.Match, c: _Ctx) -> None:
    """5月份,县财政局组织审核…; 专家评审:5月上旬,市科技局委托…: a month leading a clause that schedules a
    step of the procedure is that step's period (6月底,完成拨付: due by its end). A month past for the
    document, or a clause that reports (已, 累计, 同比…), is none."""
    clause = _tail_clause(c.sub, m.end()).lstrip(",， ")
    if c.issue is None or not _SCHEDULED_ACT_RE.search(clause[:30]) or _LEAD_MONTH_PAST_RE.search(clause) \
            or _COUNTED_RE.search(clause):
        return      # (5月份,全市审核通过申请1200件…: the month's figures, a report; no date: no year to give it)
    a = m.group("a").replace("月份", "月")
    tv, inferred = c.value(a, deadline=False)     # (a schedule's month is not rolled into the next year)
    if tv is None and "年" not in a:
        # a month alone (5月份): the parser reads none without a year; it is the document's year's
        tv, inferred = read_time(_canonical(f"{c.issue.year}年{a}"), c.issue), "issue_date"
    if tv is None or (c.issue is not None and tv.end < c.issue.isoformat()):
        return
    if a.rstrip().endswith(("底", "末")):
        c.emit(m.start("a"), m.end("a"), "by", date=tv.end, year_inferred=inferred)
    else:
        c.emit(m.start("a"), m.end("a"), "span", start_date=tv.start, end_date=tv.end, year_inferred=inferred)


_LEAD_MONTH_PAST_RE = re.compile(r"了|已|累计|共计|共有|同比|环比|回顾|据统计")
_COUNTED_RE = re.compile(r"^(?:全[省市县区旗]|我[省市县区])|\d\s?(?:件|份|人次|人|户|家|个|万元|亿元|元|%|％)")
_SCHEDULED_ACT_RE = re.compile(r"组织|审核|评审|完成|开展|启动|拨付|发放|公示|申报|受理|验收|下达|报送|认定|复核|兑付|兑现|汇总|推荐|核查|核实")


def _step_month(m: re.Match, c: _Ctx) -> None:
    """（一）摸底谋划（2024年3月）；…（三）考核总结（2024年12月）: the month a plan's step is set for, in brackets
    after the step's short label (the readers list every such month: 11 of 11 on the genre tune pages). A
    month after a figure (增长5%（2023年12月）) dates a statistic: no label, no reading."""
    a = max(c.sub.rfind("\n", max(0, m.start() - 40), m.start()) + 1, m.start() - 40)   # (a label is short)
    for ch in "；;。":
        a = max(a, c.sub.rfind(ch, a, m.start()) + 1)
    if not _STEP_LABEL_RE.fullmatch(c.sub, a, m.start()):
        return
    y, mo = int(m.group("y")), int(m.group("mo"))
    if not 1 <= mo <= 12:
        return
    c.emit(m.start("y"), m.end("mo") + 1, "span", start_date=f"{y}-{mo:02d}-01", end_date=_month_end(y, mo).isoformat())


def _stage_period(m: re.Match, c: _Ctx) -> None:
    """2024年9月为评审阶段 / 第三阶段,2026年,开展…: the month or year a plan's stage is set for (the readers list
    every stage's period: 38 of 38 on the tune pages). A stage the sentence reports done (2019年为试点阶段,目前已
    全面推开) is history."""
    if _STAGE_PAST_RE.search(_tail_clause(c.sub, m.end())):
        return
    y = int(m.group("y") or m.group("y2"))
    if c.issue is not None and y < c.issue.year:
        return      # 2019年为试点阶段 on a 2024 page: history
    mo = m.group("mo") or m.group("mo2")
    if mo:
        mo = int(mo)
        c.emit(m.start(), m.end(), "span", start_date=f"{y}-{mo:02d}-01", end_date=_month_end(y, mo).isoformat())
    else:
        c.emit(m.start(), m.end(), "span", start_date=f"{y}-01-01", end_date=f"{y}-12-31")


_STAGE_PAST_RE = re.compile(r"目前|已经|已全面|已进入|完成了|以来")


# a plan step's label: its number, then a few words (摸底谋划, 动员部署阶段, 组织申报)
_STEP_LABEL_RE = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}[、.．]|\d{1,2}[、.．])?"
                            r"\s*[\u4e00-\u9fff]{2,10}")


def _label_month(m: re.Match, c: _Ctx) -> None:
    """申报时间为9月: the month of the document's year (the coming one when long past) that an action's
    label names (not a statistic's: 统计时间为3月)."""
    first = (m.start("y") if m.group("y") else m.start("m1"), m.start("more"), m.group("m1"))
    more = [(x.start(1), x.end(), x.group(1)) for x in _LISTED_MONTH_RE.finditer(m.group("more") or "")]
    base = m.start("more")
    for s, end, mtext in [first] + [(base + a, base + b, t) for a, b, t in more]:
        mo = _month_number(mtext)
        if not 1 <= mo <= 12:
            continue
        if m.group("y"):    # 申报时间预计为2025年6月: the year written
            y = int(m.group("y"))
            c.emit(s, end, "span", start_date=f"{y}-{mo:02d}-01", end_date=_month_end(y, mo).isoformat())
        elif c.issue is None:
            c.emit(s, end, "span")
        else:
            y = c.issue.year + (1 if _long_past(c.issue, _month_end(c.issue.year, mo)) else 0)
            c.emit(s, end, "span", start_date=f"{y}-{mo:02d}-01", end_date=_month_end(y, mo).isoformat(),
                   year_inferred="issue_date")


_LISTED_MONTH_RE = re.compile(rf"\s?[、和及]\s?({_M}|{_CNM})\s?月份?")


def _label_dot_span(m: re.Match, c: _Ctx) -> None:
    """活动时间:3.1-3.31, 申报时间:10.8-10.20: days of the document's year written with dots, named by a label."""
    m1, d1, d2 = int(m.group("m1")), int(m.group("d1")), int(m.group("d2"))
    m2 = int(m.group("m2")) if m.group("m2") else m1
    s = m.start("m1")
    if c.issue is None:
        c.emit(s, m.end(), "span")
        return
    y = c.issue.year
    try:
        if _long_past(c.issue, date(y, m2, d2)):
            y += 1          # the coming days, as for 3月31日前 in a November notice
        a, b = date(y, m1, d1), date(y, m2, d2)
    except ValueError:
        return              # 2.30: no day
    if b < a:
        return
    c.emit(s, m.end(), "span", start_date=a.isoformat(), end_date=b.isoformat(), year_inferred="issue_date")


def _plan_end(m: re.Match, c: _Ctx) -> None:
    c.emit(m.start(), m.end(), "by", date=f"{_PLAN_START[m.group('n')] + 4}-12-31")


_HISTORY_AFTER_RE = re.compile(r"[^。；;]{0,10}?(?:累计|共计|已经|已|以来)")


def _plan_period(m: re.Match, c: _Ctx) -> None:
    if _HISTORY_AFTER_RE.match(c.sub, m.end()):
        return   # “十二五”时期,我市累计建成…: a report of the past, not a period a measure runs for
    first = _PLAN_START[m.group("n")]      # 十四五期间: the five-year plan's period, 2021-2025
    c.emit(m.start(), m.end(), "span", start_date=f"{first}-01-01", end_date=f"{first + 4}-12-31")


def _monthly_day(m: re.Match, c: _Ctx) -> None:
    c.emit(m.start(), m.end(), "recurring", recurrence="monthly")


def _from_event(m: re.Match, c: _Ctx) -> None:
    if m.group("d"):
        tv, inferred = c.value(m.group("d"), deadline=False)
        if tv is not None:      # 自公布之日（2023年3月1日）起施行: the day is written beside the event
            c.emit(m.start(), m.end(), "from", date=tv.start, year_inferred=inferred)
            return
    later = _DAYS_LATER_RE.match(c.sub, m.end())
    if later and _ISSUE_EVENT_RE.search(m.group()):
        days = parse_number(later.group("n"))
        if days is not None and 0 < days < 400:   # 自公布之日起30日后施行: the issue date plus the days
            if c.issue is None:     # a start all the same, its day unknown (nothing guessed)
                c.emit(m.start(), later.end(), "from")
            else:
                c.emit(m.start(), later.end(), "from", date=(c.issue + timedelta(days=int(days))).isoformat(),
                       year_inferred="issue_date")
            return
    if _ANCHORED_LENGTH_RE.match(c.sub, m.end(), min(len(c.sub), m.end() + 14)):
        return   # 自注册之日起正常运营6个月, 自公示之日起5个工作日: the start of a length, not a date
    if c.issue is not None and _ISSUE_EVENT_RE.search(m.group()):
        # 自印发之日起施行: the day the document was issued, i.e. its own date (spec: resolve and say so)
        c.emit(m.start(), m.end(), "from", date=c.issue.isoformat(), year_inferred="issue_date")
        return
    c.emit(m.start(), m.end(), "from")


def _today_until(m: re.Match, c: _Ctx) -> None:
    """自即日起至2023年12月31日: from the document's own date to the date given (从即日起到年底: to the end
    of the document's year)."""
    b = m.group("b")
    if b in ("年底", "年末"):
        b = "今年底"
    tb, inferred = c.value(b)
    if tb is None and not _parses(b):
        return
    iso = c.issue.isoformat() if c.issue else None
    if tb is not None and inferred and iso and tb.end < iso:
        # 即日起至4月15日 on a May page: the end lies ahead, in the next year
        tb = read_time(_canonical(b), _next_year(c.issue)) or tb
    c.emit(m.start(), m.end(), "span", start_date=iso, end_date=tb.end if tb else None,
           year_inferred="issue_date" if iso or inferred else None)


def _school_term(m: re.Match, c: _Ctx) -> None:
    """自2024年秋季学期起: a start the school calendar sets, kept with no date (the day a term opens
    differs by place and year, and nothing is guessed). 开学前, 暑假前 name no calendar date: not read."""
    c.emit(m.start(), m.end(), "from")


def _today_from(m: re.Match, c: _Ctx) -> None:
    """(自)即日起, 今天起: from the document's own date."""
    iso = c.issue.isoformat() if c.issue else None
    c.emit(m.start(), m.end(), "from", date=iso, year_inferred="issue_date" if iso else None)


def _relative_from(m: re.Match, c: _Ctx) -> None:
    """从下月起, 本月起, 明天起: from a day the document's own date sets (次月/次日 count from an event, not read)."""
    if c.issue is None:
        c.emit(m.start(), m.end(), "from")
        return
    w = m.group("w")
    if w in ("明天", "明日"):
        day = c.issue + timedelta(days=1)
    elif w == "本月":
        day = c.issue.replace(day=1)
    else:   # 下月, 下个月
        day = (c.issue.replace(day=28) + timedelta(days=4)).replace(day=1)
    c.emit(m.start(), m.end(), "from", date=day.isoformat(), year_inferred="issue_date")


def _lead_year(m: re.Match, c: _Ctx) -> None:
    """2018年,补贴主要用于…: a year leading its sentence scopes what follows (a period), unless
    the clause reports what happened (2015年,市政府印发了…) or the year is past for the document."""
    y = int(m.group("y"))
    clause = _tail_clause(c.sub, m.end())
    if c.issue is not None and y < c.issue.year:
        return
    if _LEAD_GOAL_RE.match(clause):
        # 2025年,全市外贸进出口力争实现正增长: the year a target is set for (spec: target years), by its end
        c.emit(m.start("y"), m.end(), "by", date=f"{y}-12-31")
        return
    if _HISTORY_RE.search(clause):
        if _PAST_MARK_RE.search(clause) or not _TARGET_VERB_RE.search(clause) or _GRANT_WORD_RE.search(clause) \
                or c.issue is None or y == c.issue.year and c.issue.month >= 11:
            return
        # 2024年,全旗政务服务事项网上可办率达到98%以上: in a document of that year or before, a clause that
        # reaches a figure with no mark of the past and grants nothing sets a target for the year (spec: target
        # years); the year's figures written at its end (2024年,全市实现…, dated in December) report it
        c.emit(m.start("y"), m.end(), "by", date=f"{y}-12-31")
        return
    c.emit(m.start("y"), m.end(), "span", start_date=f"{y}-01-01", end_date=f"{y}-12-31")


# the clause after a leading year sets a target: 力争/确保/争取…实现/达到, or its subject 将/要 reach something
_LEAD_GOAL_RE = re.compile(r"[,，]?\s?[^。;；\n]{0,14}?(?:力争|确保|争取|目标(?:是|为)?|预计|计划)[^。;；\n]{0,20}?"
                           r"(?:实现|完成|达到|达|突破|超过|建成|新增|增长|提高|提升|培育|形成|覆盖)")


def _tail_clause(sub: str, e: int) -> str:
    """The sentence after position ``e`` (to 。/；/newline, at most 40 characters)."""
    chunk = sub[e:e + 40]
    for ch in "。;；\n":
        i = chunk.find(ch)
        if i >= 0:
            chunk = chunk[:i]
    return chunk


def _label_span(m: re.Match, c: _Ctx) -> None:
    """所属期为2021年度, 实施期为2023年: a year named as the period a measure covers."""
    y = int(m.group("y"))
    c.emit(m.start("y"), m.end(), "span", start_date=f"{y}-01-01", end_date=f"{y}-12-31")


def _label_from(m: re.Match, c: _Ctx) -> None:
    """【实施日期】2018.09.05: the date a policy takes effect, as an info table labels it."""
    tv, inferred = c.value(m.group("a"), deadline=False)
    if tv is not None:
        c.emit(m.start("a"), m.end(), "from", date=tv.start, year_inferred=inferred)


def _date_by(m: re.Match, c: _Ctx) -> None:
    """The date alone of a deadline the words around it name (…为截止日, …后不再受理)."""
    tv, inferred = c.value(m.group("a"))
    if tv is not None:
        c.emit(m.start("a"), m.end("a"), "by", date=tv.end, year_inferred=inferred)


def _label_by(m: re.Match, c: _Ctx) -> None:
    tv, inferred = c.value(m.group("a"))
    if tv is None and not _parses(m.group("a")):
        return
    c.emit(m.start("a"), m.end(), "by", date=tv.end if tv else None, year_inferred=inferred)


# the header of a task table: its date column holds deadlines (表头 in a | row, or cells one to a line)
_TASK_HEADER_RE = re.compile(r"时限|完成时间|时间节点|时间安排|进度安排|截止时间|完成期限|责任单位|牵头单位|责任部门"
                             r"|(?:申报|申请|受理)(?:时间|期限|截止)")


_DUE_HEAD_RE = re.compile(r"时限|完成时间|时间节点|截止|完成期限|(?:申报|申请|受理)(?:时间|期限)")


def _in_due_column(text: str, pos: int) -> bool:
    """The cell at ``pos`` sits in the column a header above names as the time limit (| 完成时限 |)."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    if "|" not in text[a:b if b >= 0 else len(text)]:      # a table flattened one cell per line
        cell = vertical_header_cell(text, a, lambda ln: VHEAD_CELL_RE.match(ln) is not None
                                    and _DUE_HEAD_RE.search(ln) is not None)
        return cell is not None and _DUE_HEAD_RE.search(cell) is not None
    col = text.count("|", a, pos) - (1 if text[a:pos].lstrip().startswith("|") else 0)
    k = a - 1
    for _ in range(60):                     # the header: the nearest line above with the same cells
        if k <= 0:
            return False
        b = text.rfind("\n", 0, k) + 1
        line = text[b:k]
        if line.count("|") >= 2 and _DUE_HEAD_RE.search(line):
            cells = [x for x in line.strip().strip("|").split("|")]
            return 0 <= col < len(cells) and _DUE_HEAD_RE.search(cells[col]) is not None
        k = b - 1
    return False


def _table_cell(m: re.Match, c: _Ctx) -> None:
    """A cell that is a date alone (| 2023年12月 |, or a line of its own) in a task table (完成时限,
    责任单位 columns): the task's deadline. A full day is left out (an info table's 发布日期)."""
    pos = c.base + m.start()
    if _TASK_HEADER_RE.search(c.text, max(0, pos - 3000), pos) is None:
        return   # a year column of a statistics table, a date in an info table: no deadline column
    if (m.group("day") or m.group("nday")) and not _in_due_column(c.text, pos):
        return   # a full day in another column (启动时间, an info table's 成文日期): no deadline
    tv, inferred = c.value(m.group("a"))
    if tv is not None:
        c.emit(m.start("a"), m.end(), "by", date=tv.end, year_inferred=inferred)


_FULL_DAY_OR_MONTH_RE = re.compile(r"月|[-./]|\d{8}")
_PAST_FIGURE_RE = re.compile(r"新增|投入|发放|下拨|拨付|兑现|受理|\d")   # 2022年上半年,全市新增就业1.2万人
_HALF_HISTORY_RE = re.compile(r"了|已|累计|同比|增长|以来|共计|共有|下降|实现了")


def _effective(m: re.Match, c: _Ctx) -> None:
    """本办法自2023年6月1日施行, 于2023年6月1日正式实施, 活动于9月1日正式启动: the day a policy takes effect
    or an application round opens."""
    a = m.group("a")
    if not _FULL_DAY_OR_MONTH_RE.search(a):
        return   # 2023年实施100个项目: a target year, not a start date
    tv, inferred = c.value(a, deadline=False)
    if tv is None:
        return
    if c.issue is not None and (date.fromisoformat(tv.end) - c.issue).days < (-400 if m.group("pre") else -60):
        return   # 2019年1月1日实施 in a 2023 text: a cited rule's start, history
    c.emit(m.start(), m.end("a"), "from", date=tv.start, year_inferred=inferred)


def _half_quarter(m: re.Match, c: _Ctx) -> None:
    """2023年下半年, 今年三季度, 上半年 (of the document's year): a period, unless it reports the past."""
    tv, inferred = c.value(m.group("p"), deadline=False)
    if tv is None:
        return
    clause = _tail_clause(c.sub, m.end())
    if _HALF_HISTORY_RE.search(clause) or (c.issue is not None and tv.end < c.issue.isoformat()
                                           and (_HISTORY_RE.search(clause) or _PAST_FIGURE_RE.search(clause))):
        return   # 上半年,全市实现增长…: a statistic (下拨上半年…补贴 is the period a payment covers)
    c.emit(m.start(), m.end(), "span", start_date=tv.start, end_date=tv.end, year_inferred=inferred)


def _md_dot(m: re.Match, c: _Ctx) -> None:
    """6.30前: month.day of a deadline, as notices abbreviate it."""
    tv, inferred = c.value(f"{int(m.group('m'))}月{int(m.group('d'))}日")
    if tv is not None:
        c.emit(m.start(), m.end(), "by", date=tv.end, year_inferred=inferred)


def _ym_dot_span(m: re.Match, c: _Ctx) -> None:
    """2023.6-2023.12: two year.month bounds, a period as plans and tables print it."""
    _emit_span(m, c, f"{m.group('y1')}年{int(m.group('m1'))}月", f"{m.group('y2')}年{int(m.group('m2'))}月")


def _dot_day_span(m: re.Match, c: _Ctx) -> None:
    """2024.5.1—5.31: a period in dotted days, its end's year left out as schedules print it."""
    y2 = m.group("y2") or m.group("y1")
    _emit_span(m, c, f"{m.group('y1')}年{int(m.group('m1'))}月{int(m.group('d1'))}日",
               f"{y2}年{int(m.group('m2'))}月{int(m.group('d2'))}日")


_PART_DAYS = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31), "上中旬": (1, 20), "中下旬": (11, 31)}
_PART_WORDS = "|".join(sorted(_PART_DAYS, key=len, reverse=True))
# (year?) month and its part, as month_part and part_span both open: 2024年6月上旬, 今年六月中下旬
_MONTH_PART_HEAD = (rf"(?=[\d今本当明次翌二〇零○一三四五六七八九十])(?<![\d年月至到])"
                    rf"(?P<y>(?:{_Y}|{_HY})\s?年|{_REL}|次年|翌年)?\s?(?P<m>{_M}|{_CNM})\s?月\s?(?P<part>{_PART_WORDS})")


def _month_number(written: str) -> int:
    """6 or 六 -> 6 (0 when unreadable): parse_number gives a float, a month is an int."""
    return int(written) if written.isdigit() else int(parse_number(written) or 0)


def _part_year(m: re.Match, c: _Ctx, relative: bool) -> Optional[tuple[int, Optional[str]]]:
    """(year, year_inferred) of a month part: the year written, else the document's own (``relative``:
    明年/次年/翌年 and 去年 too); None to leave it to the parser-backed rules (二〇二四年六月上旬)."""
    y_text = (m.group("y") or "").strip()
    if re.match(_Y, y_text):
        return int(y_text[:4]), None
    if c.issue is None:
        return None
    if relative and y_text[:1] in ("明", "次", "翌"):
        return c.issue.year + 1, "issue_date"
    if relative and y_text[:1] == "去":
        return c.issue.year - 1, "issue_date"
    if y_text and y_text[:1] not in ("今", "本", "当"):
        return None
    return c.issue.year, "issue_date"


def _month_part(m: re.Match, c: _Ctx) -> None:
    """6月上旬, 5月中下旬 (a stage of a schedule): the days of that part of the month as a period, in the
    year written or the document's own; never a report of the past."""
    mo = _month_number(m.group("m"))
    if not 1 <= mo <= 12:
        return
    read = _part_year(m, c, relative=True)
    if read is None:
        return
    year, inferred = read
    clause = _tail_clause(c.sub, m.end())
    if _HALF_HISTORY_RE.search(clause) or (c.issue is not None and f"{year}-{mo:02d}-28" < c.issue.isoformat()
                                           and (_HISTORY_RE.search(clause) or _PAST_FIGURE_RE.search(clause))):
        return          # 6月上旬,全市已发放…: a report
    a, b = _PART_DAYS[m.group("part")]
    b = min(b, calendar.monthrange(year, mo)[1])
    c.emit(m.start(), m.end(), "span", start_date=f"{year}-{mo:02d}-{a:02d}", end_date=f"{year}-{mo:02d}-{b:02d}",
           year_inferred=inferred)


def _part_span(m: re.Match, c: _Ctx) -> None:
    """5月下旬至6月上旬 (a stage of a schedule): from the first part's first day to the second's last,
    in the year written or the document's own."""
    mo, mo2 = _month_number(m.group("m")), _month_number(m.group("m2"))
    if not (1 <= mo <= 12 and 1 <= mo2 <= 12) or mo2 < mo:
        return
    read = _part_year(m, c, relative=False)     # 明年5月下旬至…: left to the other rules
    if read is None:
        return
    year, inferred = read
    a, _ = _PART_DAYS[m.group("part")]
    _, b = _PART_DAYS[m.group("part2")]
    b = min(b, calendar.monthrange(year, mo2)[1])
    c.emit(m.start(), m.end(), "span", start_date=f"{year}-{mo:02d}-{a:02d}", end_date=f"{year}-{mo2:02d}-{b:02d}",
           year_inferred=inferred)


def _yearly_month(m: re.Match, c: _Ctx) -> None:
    """每年3月由镇(街)组织复核, 每年12月集中申报: a month that comes back every year, read as that
    month's days at its next instance from the document's date (the readers of the spec agree: the
    year of the document, or the next one when the month is already past) and marked yearly."""
    if c.issue is None:
        return
    mo = _month_number(m.group("m"))
    if not 1 <= mo <= 12:
        return
    year = c.issue.year
    last = calendar.monthrange(year, mo)[1]
    if f"{year}-{mo:02d}-{last:02d}" < c.issue.isoformat():
        year += 1
        last = calendar.monthrange(year, mo)[1]
    c.emit(m.start(), m.end(), "span", start_date=f"{year}-{mo:02d}-01", end_date=f"{year}-{mo:02d}-{last:02d}",
           year_inferred="issue_date", recurrence="yearly")


def _opens_on(m: re.Match, c: _Ctx) -> None:
    """于7月15日正式启动申报: the day applications open, a start."""
    tv, inferred = c.value(m.group("a"), deadline=False)
    if tv is None:
        return
    c.emit(m.start("a"), m.end("a"), "from", date=tv.start, year_inferred=inferred)


def _on_day(m: re.Match, c: _Ctx) -> None:
    """第一期于6月15日10:00开抢, 第二期、第三期分别于6月22日、6月29日同一时间开抢: the day an action happens
    (a voucher round released, a fair held), each day of a list. A day already past for the document, or
    one the clause says is done (已于…发放), reports history."""
    if "已" in c.sub[max(0, m.start() - 4):m.start() + 1]:
        return      # 已于…上线, 平台已经于…正式上线
    month = None        # 于6月15日、22日、29日开抢: a bare day is in the month of the date before it
    for d in _ON_DAY_RE.finditer(c.sub, m.start("a"), m.end("days")):
        if d.group("date"):
            tv, inferred = c.value(d.group("date"), deadline=False)
            if tv is not None:
                month = tv.start[:8]
        elif month is not None:
            day = int(d.group("day"))
            try:
                iso = date.fromisoformat(f"{month}{day:02d}").isoformat()
            except ValueError:
                continue
            tv = TimeValue(iso, iso)
        else:
            continue
        if tv is None or tv.start != tv.end or (c.issue is not None and tv.end < c.issue.isoformat()):
            continue
        c.emit(d.start(), d.end(), "on", date=tv.start, year_inferred=inferred)


_ON_DAY_RE = re.compile(rf"(?<!\d)(?:(?P<date>{_DATE})|(?P<day>{_D})\s?[日号])")


def _ends_on(m: re.Match, c: _Ctx) -> None:
    """2025年9月30日废止, 于2025年12月31日到期: the last day a policy or a status holds."""
    tv, inferred = c.value(m.group("a"))
    if tv is None or (c.issue is not None and tv.end < c.issue.isoformat()):
        return   # 2019年废止的…: a past repeal, history
    c.emit(m.start("a"), m.end("a"), "until", date=tv.end, year_inferred=inferred)


def _parses(span: str) -> bool:
    """A time expression at all (given some reference date): 9月30日 is, 36号文 is not."""
    return read_time(_canonical(span), date(2001, 6, 15)) is not None


def _framed_by(m: re.Match, c: _Ctx) -> None:
    """于<time>前: the clause after 于 up to its last 前 that the parser reads as a time."""
    sub, s0 = c.sub, m.end()
    clause = sub[s0:s0 + _FRAME_CLAUSE]
    for ch in _FRAME_STOPS:
        i = clause.find(ch)
        if i >= 0:
            clause = clause[:i]
    if clause.lstrip().startswith("每"):
        return   # 于每季度结束前: a schedule (the recurring rule reads it), never a date
    if clause.lstrip().startswith(("次月", "次日")):
        return   # 于次月底前发放: the month after an application or a check, not after the page's date
    if _FESTIVAL_FIRST_RE.match(clause):
        return   # 于元旦前: the holiday rule reads it (the next one after the page's date, not this year's past one)
    if "前" not in clause and _framed_month(m, c, clause):
        return
    k = len(clause)
    while True:
        k = clause.rfind("前", 0, k)
        if k <= 0:
            return
        cand = clause[:k]
        cut = cand[:-1] if cand.endswith(("之", "以")) else cand
        if cut.strip() and not _DOC_NUMBER_RE.search(cut):
            ny = _NEXT_YEAR_START_RE.match(cut)
            if ny:
                day = _next_year_day(cut[ny.end():], c)
                if c.emit(m.start(), s0 + k + 1, "by", date=day, year_inferred="issue_date" if day else None):
                    return
            tv, inferred = c.value(cut)
            if tv is not None and c.emit(m.start(), s0 + k + 1, "by", date=tv.end, year_inferred=inferred):
                return
            if tv is None and _parses(cut) and c.emit(m.start(), s0 + k + 1, "by"):
                return   # 于9月30日前 without an issue date: a deadline, its year unknown


# 应于次年1月将结算材料报送 / 项目申报将于8月启动: a whole month after 于 and before the act done in it —
# the month as a span (readers of the 每年3月 form and ZkB), from its first day when the act starts something
_FRAMED_MONTH_RE = re.compile(r"\s?(?P<y>(?:19|20)\d{2}\s?年|次年|明年|当年|今年|本年)?\s?(?P<mo>1[0-2]|[1-9])\s?月(?:份)?"
                              r"(?![\d日号底末中上下初内前至到—\-~])\s?(?P<act>将|把|对|向|启动|开始|开放|开展|组织|完成|报送|提交|上报|下达|拨付|兑现|发放|集中|统一)")
_FRAMED_START_ACTS = ("启动", "开始", "开放")


def _framed_month(m: re.Match, c: _Ctx, clause: str) -> bool:
    fm = _FRAMED_MONTH_RE.match(clause)
    if fm is None or c.issue is None:
        return False
    y = fm.group("y") or ""
    year = int(y[:4]) if y[:1].isdigit() else c.issue.year + 1 if y in ("次年", "明年") else c.issue.year
    mo = int(fm.group("mo"))
    inferred = None if y[:1].isdigit() else "issue_date"
    last = calendar.monthrange(year, mo)[1]
    end = m.end() + fm.start("act")
    if fm.group("act") in _FRAMED_START_ACTS:
        return c.emit(m.start(), end, "from", date=f"{year}-{mo:02d}-01", year_inferred=inferred)
    return c.emit(m.start(), end, "span", start_date=f"{year}-{mo:02d}-01", end_date=f"{year}-{mo:02d}-{last:02d}",
                  year_inferred=inferred)


_PAST_QUALIFIER_RE = re.compile(r"\s?(?:已|依法|经)?(?:建成|竣工|出生|注册|成立|取得|购买|购置|登记|投产|建设|开工|参保|认定|入驻)(?:投用|并投入使用|投入使用)?的")


def _next_year_day(dt: str, c: _Ctx) -> Optional[str]:
    """The last day of the month-day ``dt`` (3月31日, 3月底) in the year after the document's, or None."""
    if c.issue is None:
        return None
    tv, _ = c.value(dt)
    if tv is None:
        return None
    end = date.fromisoformat(tv.end)
    year = c.issue.year + 1
    if end.month == 2 and end.day == 29 and not calendar.isleap(year):
        if dt.rstrip().endswith(("29日", "29号", "二十九日")):
            return None     # 2月29日 itself, in a year that has none
        return date(year, 2, 28).isoformat()     # 2月底 of a leap year read as its last day: next year's is the 28th
    return end.replace(year=year).isoformat()


def _by(m: re.Match, c: _Ctx) -> None:
    sub = c.sub
    dt = m.group("a") or m.group("a2")
    s0 = m.start()
    every = _EVERY_PREFIX_RE.search(sub, max(0, s0 - 4), s0)
    if every and not _YEAR_WRITTEN_RE.search(dt):
        if every.group(1) == "年" and c.issue is not None and _DAY_IN_MONTH_RE.search(dt):
            # 每年6月30日前申报: a yearly application deadline, read for the document's own year (as annotators
            # reading the spec do) and marked yearly, so a reader knows it comes back every year
            tv, _ = c.value(dt)
            if tv is not None:
                day = tv.end
                if day < c.issue.isoformat():   # past in the document's year (每年11月底前 in a December notice):
                    day = _next_year_day(dt, c) or day      # its first instance is next year's
                c.emit(every.start(), m.end(), "by", date=day, year_inferred="issue_date", recurrence="yearly")
                return
        c.emit(every.start(), m.end(), "recurring", recurrence=_RECURRENCE.get(every.group(1)))
        return
    nxt = _NEXT_YEAR_RE.search(sub, max(0, s0 - 4), s0) if not _YEAR_WRITTEN_RE.search(dt) else None
    pre = _BY_PREFIX_RE.search(sub, max(0, (nxt.start() if nxt else s0) - 4), nxt.start() if nxt else s0)
    start = pre.start() if pre else (nxt.start() if nxt else s0)
    if nxt:   # 次年3月31日前: the year after the document's own (spec: relative expressions against its date)
        day = _next_year_day(dt, c)
        c.emit(start, m.end(), "by", date=day, year_inferred="issue_date" if day else None)
        return
    tv, inferred = c.value(dt)
    if tv is None and _BARE_MONTH_BY_RE.fullmatch(dt):
        tv, inferred = c.value(dt.rstrip() + "底")   # 8月前: by the month's end, as 2024年8月前 reads
    if tv is None and not _parses(dt):
        return
    if tv is not None and c.issue is not None and tv.end < f"{c.issue.year - 1}-01-01" \
            and _PAST_QUALIFIER_RE.match(sub, m.end()):
        return   # 对2000年底前建成的老旧小区: a past cut-off that says which things qualify, no deadline
    pre2 = m.groupdict().get("pre2") or ""
    if pre2.startswith("截止") and _AS_OF_REPORT_RE.match(sub, m.end(), min(len(sub), m.end() + 16)):
        return   # 截止到6月底,全市已发放… / 截止:2023年12月31日,全市共有…: a statistic's cut-off ("as of")
    c.emit(start, m.end(), "by", date=tv.end if tv else None, year_inferred=inferred)


_BARE_MONTH_BY_RE = re.compile(rf"(?:{_M}|{_CNM})\s?月")
_PERIOD_WORD_RE = re.compile(r"(?:上半年|下半年|季度|旬)$")   # 计划于8月下旬上线: the days of that part, a span
_DUTY_DONE_RE = re.compile(r"\s?(?:全面|全部|基本|如期)?\s?(?:完成|建成)")   # …6月上旬完成公示: a duty's end, by
_VALIDITY_CLAUSE_RE = re.compile(r"有效期|执行期|实施期|期限")       # 有效期3年,到2026年12月31日: the same clause's validity
_EXPIRES_AFTER_RE = re.compile(r"\s?(?:到期|止|为止|失效|废止|截止)")
_VALIDITY_BEFORE_RE = re.compile(r"(?:执行|实施|施行|有效|延续|延长|持续|顺延|期限|期间|时间|有效期)\s?$")


_PRINTED_RE = re.compile(r"\s?(?:印发|印)\s*$|\s?印发\s*(?=\n)")


def _target_date(m: re.Match, c: _Ctx) -> None:
    """2025年底全面建成…, 确保2023年12月31日完成, 计划2024年建成投用: a date that an action is due by
    (spec: target years, 2025年底). A date already past for the document reports history, and without
    a document date only a target word (力争/确保/计划…) says it lies ahead."""
    a = m.group("a")
    tv, inferred = c.value(a)
    if tv is None:
        return
    prefix = bool(m.group("pre"))
    if c.issue is None and not prefix:
        return
    if c.issue is not None and tv.end < c.issue.isoformat():
        return   # 2019年底建成…: done before the document was written
    if not prefix and tv.start == tv.end and _PRINTED_RE.match(c.sub, m.end("a")):
        return   # ××办公室 2023年6月21日印发: the colophon's printing day, publication metadata
    if _PERIOD_WORD_RE.search(_canonical(a)) and not (a.endswith("旬") and _DUTY_DONE_RE.match(c.sub, m.end("a"))):
        c.emit(m.start("a"), m.end("a"), "span", start_date=tv.start, end_date=tv.end, year_inferred=inferred)
    else:
        c.emit(m.start("a"), m.end("a"), "by", date=tv.end, year_inferred=inferred)


def _this_year_plan(m: re.Match, c: _Ctx) -> None:
    """今年全市计划完成改造2.5万户, 市住建局今年将新筹集人才公寓300套: the year a plan is set for is the
    document's own, due by its end (spec: target years, 今年 resolved against the document's date)."""
    clause = _tail_clause(c.sub, m.end())
    if c.issue is None or _PAST_MARK_RE.search(clause) or not _PLAN_TARGET_RE.search(clause) \
            or _GRANT_WORD_RE.search(clause) or _OTHER_DATE_RE.search(clause):
        return      # (今年将继续对…给予10万元奖励 grants; 今年将于9月30日前完成… has its own date)
    c.emit(m.start(), m.end(), "by", date=f"{c.issue.year}-12-31", year_inferred="issue_date")


# what a plan for the year reaches: a figure built, added, reached, issued or brought in
_PLAN_TARGET_RE = re.compile(r"(?:实现|完成|达到|(?<!下)达|建成|新建|新增|新培育|培育|突破|超过|发放|引进|筹集|改造|打造|招募|培训|认定)"
                             r"[^。;；\n]{0,30}?(?<![第\d])\d+(?:\.\d+)?(?![\d]|\s?年|\s?批|\s?期|\s?届|\s?[万亿]?元)")
_OTHER_DATE_RE = re.compile(r"\d{1,2}\s?月|年底|年末|年内|季度")


def _year_within(m: re.Match, c: _Ctx) -> None:
    year = c.issue.year if c.issue else None
    c.emit(m.start(), m.end(), "by", date=f"{year}-12-31" if year else None,
           year_inferred="issue_date" if year else None)


_MONTHLY_BEFORE_RE = re.compile(r"每个?月|按月|逐月|月度")


def _month_within(m: re.Match, c: _Ctx) -> None:
    """本月底前, 本月内: by the last day of the document's own month (resolved, and said so)."""
    if m.group().startswith("月") and _MONTHLY_BEFORE_RE.search(c.sub, max(0, m.start() - 20), m.start()):
        return      # 每月…月底前发放: every month's end, no one date
    if c.issue is None:
        c.emit(m.start(), m.end(), "by")
        return
    ahead = 1 if m.group().startswith("下") else 0     # 下月底前: the month after the document's
    y, mo = divmod(c.issue.month - 1 + ahead, 12)
    c.emit(m.start(), m.end(), "by", date=_month_end(c.issue.year + y, mo + 1).isoformat(), year_inferred="issue_date")


def _month_day_by(m: re.Match, c: _Ctx) -> None:
    """本月25日前, 下月10日前: by a day of the document's own month or the next (resolved, and said so). Not in a
    monthly schedule (企业于每月15日前申报,下月10日前拨付: the month after each application); 当月 is an event's month."""
    if _MONTHLY_BEFORE_RE.search(c.sub, max(0, m.start() - 30), m.start()) or \
            m.group("w").startswith("下") and _EVENT_MONTH_RE.search(c.sub, max(0, m.start() - 30), m.start()):
        return      # (当月申请,下月15日前发放: the month after the application's, not after the page's)
    if c.issue is None:
        c.emit(m.start(), m.end(), "by")
        return
    ahead = 1 if m.group("w").startswith("下") else 0
    y, mo = divmod(c.issue.month - 1 + ahead, 12)
    try:
        day = date(c.issue.year + y, mo + 1, int(m.group("d")))
    except ValueError:      # 本月31日前 written in February: the day is unsaid, as without a date
        c.emit(m.start(), m.end(), "by")
        return
    c.emit(m.start(), m.end(), "by", date=day.isoformat(), year_inferred="issue_date")


_EVENT_MONTH_RE = re.compile(r"当月|每年|每季|申请|提交|受理|审核|认定")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _quarter_within(m: re.Match, c: _Ctx) -> None:
    """本季度末前, 本季度内: by the last day of the document's own quarter (resolved, and said so)."""
    if c.issue is None:
        c.emit(m.start(), m.end(), "by")
        return
    q_end = (c.issue.month - 1) // 3 * 3 + 3
    c.emit(m.start(), m.end(), "by", date=_month_end(c.issue.year, q_end).isoformat(), year_inferred="issue_date")


# holidays a deadline is set by (春节前发放到位); the parser knows their dates, lunar ones included
_FESTIVALS = r"元旦|春节|国庆节?|中秋节?|端午节?|清明节?|劳动节|五一"


_FESTIVAL_FIRST_RE = re.compile(rf"\s?(?:{_FESTIVALS})\s?(?:之|以)?前")


def _festival_by(m: re.Match, c: _Ctx) -> None:
    """春节前, 国庆节前: by the holiday; without a year, the next one after the document's date."""
    if c.issue is None:
        c.emit(m.start(), m.end(), "by")
        return
    tv = read_time(m.group("a"), c.issue)
    if tv is None:
        return
    day = date.fromisoformat(tv.end[:10])
    if day < c.issue and re.match(_REL, m.group("a")) is None:
        nxt = read_time(m.group("a"), _next_year(c.issue))      # 元旦前 written in March: next January
        if nxt is None:
            return
        day = date.fromisoformat(nxt.end[:10])
    c.emit(m.start(), m.end(), "by", date=day.isoformat(), year_inferred="issue_date")


def _ends_stop(m: re.Match, c: _Ctx) -> None:
    """2024年6月30日止 (no 至 before it): the day something ends — an until."""
    tv, inferred = c.value(m.group("a"))
    if tv is None and not _parses(m.group("a")):
        return
    c.emit(m.start(), m.end(), "until", date=tv.end if tv else None, year_inferred=inferred)


# 申报截止时间由7月31日延长至8月20日 / 报送时间由8月15日调整为9月5日: a moved deadline, both dates `by` (the
# old one is still a stated deadline: readers of two batches list both); a validity lengthened (执行期限延长至…)
# is left to ``until``
_MOVED_DUE_RE = re.compile(r"截止|申报|申请|报送|受理|提交|审核|办理|完成|报名|时间|日期")
_MOVED_VALIDITY_RE = re.compile(r"有效期|执行|实施|施行|政策|办法|措施|通知")


def _moved_by(m: re.Match, c: _Ctx) -> None:
    clause = re.split(r"[。；;\n]", c.sub[max(0, m.start() - 30):m.start()])[-1]
    if not _MOVED_DUE_RE.search(clause) or _MOVED_VALIDITY_RE.search(clause):
        return
    for g in ("a", "b"):
        if m.group(g) is None:
            continue
        tv, inferred = c.value(m.group(g))
        if tv is not None:
            s = m.start(g) if g == "a" else m.start("verb")
            c.emit(s, m.end(g), "by", date=tv.end, year_inferred=inferred)


def _until(m: re.Match, c: _Ctx) -> None:
    tv, inferred = c.value(m.group("a"))
    if tv is None and not _parses(m.group("a")):
        return
    iso = tv.end if tv else None
    if m.group("pre") == "截至" and (iso is None or (c.issue is not None and iso < c.issue.isoformat())):
        return   # 截至6月17日,苏州共…: a statistic's cut-off, not a deadline
    if _NARRATIVE_AFTER_RE.match(c.sub, m.end(), min(len(c.sub), m.end() + 14)) and not (
            m.group("pre") in ("到", "至") and iso and c.issue is not None and (
                iso[:4] > c.issue.isoformat()[:4] or _WHOLE_YEAR_RE.fullmatch(m.group("a")) and c.issue.month <= 10)
            and not re.match(r"[^,，。;；\n]{0,8}?已", c.sub[m.end():m.end() + 14].lstrip(",， ")) ):
        return   # 至2016年,我市已建有…: a count so far (到2025年,全县累计建成… in a 2023 plan is a target)
    if _BARE_REL_RE.match(m.group("a")) and not m.group().endswith("止"):
        return   # 增加到去年20户: a comparison with last year, not a bound
    # 到2025年,全市建成…: a target year is a `by` (spec); 执行到/有效期至/截至…止 bound a validity: `until`
    kind = "by" if m.group("pre") == "到" and not m.group().endswith(("止", "为止")) \
        and not _VALIDITY_BEFORE_RE.search(c.sub, max(0, m.start() - 6), m.start()) \
        and not _VALIDITY_CLAUSE_RE.search(c.sub, max(0, m.start() - 16), m.start()) \
        and not _EXPIRES_AFTER_RE.match(c.sub, m.end(), min(len(c.sub), m.end() + 4)) else "until"
    c.emit(m.start(), m.end(), kind, date=iso, year_inferred=inferred)


# 到2025年 (a whole year): a target in the year's own plan too, written before its last months (到2024年5月,
# 至5月底 with 累计 are counts so far)
_WHOLE_YEAR_RE = re.compile(r"(?:19|20)\d{2}\s?年")


def _from(m: re.Match, c: _Ctx) -> None:
    tv, inferred = c.value(m.group("a"), deadline=False)
    bare = _BARE_MONTH_RE.fullmatch(m.group("a"))
    if bare and re.search(r"(?:满|每年|连续|缴费|缴纳|累计)\s?$", c.sub[max(0, m.start() - 4):m.start()]):
        return   # 缴费满12月起 / 每年9月起: a length or a yearly start, not this year's date
    if tv is None and bare and c.issue is not None:
        # 9月起,补贴标准提高到…: a month alone starts something in the document's own year
        mo = int(bare.group(1)) if bare.group(1).isdigit() else parse_number(bare.group(1))
        if mo and 1 <= mo <= 12:
            tv, inferred = TimeValue(f"{c.issue.year}-{int(mo):02d}-01", f"{c.issue.year}-{int(mo):02d}-01",
                                     relative=True), "issue_date"
    if tv is None and not _parses(m.group("a")) and not bare and not _COLLAPSED_RE.fullmatch(m.group("a")):
        return          # (自2023111起: a date scraping collapsed two ways is kept, with no date)
    if (not m.group("pre") and m.group("suf") == "开始" and c.issue is not None and tv is not None
            and not tv.relative and tv.end < c.issue.isoformat()):
        return   # 2010年开始举办…: history, not a start date
    if m.group("suf") == "以来" and _SINCE_REPORT_RE.match(c.sub, m.end()):
        return   # 2023年1月1日以来,全市新增…: a report of what happened since (its clause ends at 以来);
        # 2023年1月1日以来全职引进的 / 首次获批的… runs on into who qualifies
    c.emit(m.start(), m.end(), "from", date=tv.start if tv else None, year_inferred=inferred)


_CLAUSE_END_RE = re.compile(r"[,，。;；:：\n]")
_SINCE_REPORT_RE = re.compile(r"\s?[,，。;；:：\n]")


def _in_condition(sub: str, s: int, e: int) -> bool:
    """text[s:e] stands in an eligibility condition: its clause opens with 对/凡 or ends with 的."""
    lo = max(0, s - 300)        # (a search back to the text's start for a stop it lacks made long texts quadratic)
    a = max(max((sub.rfind(ch, lo, s) for ch in ",，。;；:：\n"), default=-1) + 1, lo)
    nxt = _CLAUSE_END_RE.search(sub, e)
    b = nxt.start() if nxt else len(sub)
    return sub[a:s].lstrip().startswith(("对", "凡")) or sub[e:b].rstrip().endswith("的")


def _within(m: re.Match, c: _Ctx) -> None:
    n_text, unit = m.group("n"), m.group("u").lstrip("个").replace("年度", "年")
    value = parse_number(n_text) if n_text != "半" else 0.5
    if value is not None and value >= 1900 and unit == "年":
        y = int(value)
        if _in_condition(c.sub, m.start(), m.end()):
            # 对2023年度内新认定的企业 / 2023年内购买新建商品住房的,给予…: who qualifies by when they acted,
            # the year as a period (readers 2 of 2 on the tune pages)
            c.emit(m.start(), m.end(), "span", start_date=f"{y}-01-01", end_date=f"{y}-12-31")
        else:
            c.emit(m.start(), m.end(), "by", date=f"{y}-12-31")   # 项目须于2024年内建成: a duty's end
        return
    if _ELIGIBILITY_RE.search(c.sub, max(0, m.start() - 4), m.start()):
        return   # 毕业5年内的大学生: who is eligible, not when
    if m.start() > 0 and c.sub[m.start() - 1] in "同上下" and n_text in ("一", "1"):
        return   # 同一年度内不重复享受: how often; 上一年度内获得授权的: which year; not how long
    dur = iso_duration(n_text, unit)
    if dur is None:
        return
    rel = _FROM_ISSUE_RE.search(c.sub, max(0, m.start() - 16), m.start())
    if rel is not None and c.issue is not None and value is not None and unit in ("日", "天", "月") \
            and 1 <= value <= 366 and float(value).is_integer():   # 半个月 has no day to count to
        # 自本通知发布之日起30日内报送: a day counted from the document's own date (spec: relative
        # expressions against the document's date); working days are left a period (holidays unknown)
        day = _add_months(c.issue, int(value)) if unit == "月" else c.issue + timedelta(days=int(value))
        c.emit(rel.start(), m.end(), "by", date=day.isoformat(), year_inferred="issue_date")
        return
    c.emit(m.start(), m.end(), "within", duration=dur)


# 自本通知印发之日起 right before a count of days: counted from the document's date
_FROM_ISSUE_RE = re.compile(r"(?:自|从)?(?:本(?:通知|公告|办法|细则|方案))?(?:印发|发布|公布|下发)之日起\s?$")


def _add_months(d: date, n: int) -> date:
    y, mo = divmod(d.month - 1 + n, 12)
    y, mo = d.year + y, mo + 1
    return date(y, mo, min(d.day, calendar.monthrange(y, mo)[1]))


def _recurring(m: re.Match, c: _Ctx) -> None:
    word = m.group("a") or m.group("b") or m.group("c") or m.group("d") or m.group("e")
    c.emit(m.start(), m.end(), "recurring", recurrence=_RECURRENCE.get(word))


@dataclass(frozen=True)
class Rule:
    """One way a deadline is written: its pattern, what to emit, and who claims a span first."""
    name: str
    pattern: re.Pattern
    handler: Callable[[re.Match, _Ctx], None]
    priority: int        # higher first; a span claimed by one rule is not re-read by another
    example: str         # a sentence the rule reads (each is a test case)


RULES: tuple[Rule, ...] = tuple(sorted((
    Rule("year_span", re.compile(rf"(?=\d)(?<!\d)(?P<a>{_Y})\s?年?{_SEP}(?P<b>{_Y})\s?年(?:度)?"),
         _year_span, 100, "实施期为2016—2020年"),
    Rule("year_pair", re.compile(rf"(?=\d)(?<!\d)(?P<a>{_Y})\s?年?\s?(?:和|及|、)\s?(?P<b>{_Y})\s?年(?:度)?(?![\d月底末])"),
         _year_pair, 98, "但到2014年和2015年,补助标准分别下调"),
    Rule("iso_pair", re.compile(rf"(?=\d)(?<!\d)(?P<a>{_Y}-{_M}-{_D})\s?/\s?(?P<b>{_Y}-{_M}-{_D})(?!\d)"),
         _iso_pair, 99, "申报时间:2024-01-16/2024-02-23"),
    Rule("label_month_span", re.compile(
        rf"(?=[时期日周\d一二三四五六七八九十])(?:(?P<label>(?:时间|期间|日期|周期|期限|时段)\s?(?:为|是|[:：])?\s?)"
        rf"(?P<m1>{_M}|{_CNM})\s?月?|(?<![\d年.])(?P<m1b>{_M}|{_CNM})\s?月)\s?(?:{RANGE_DASH}|至|到)\s?"
        rf"(?P<m2>{_M}|{_CNM})\s?月份?(?P<part>上旬|中旬|下旬|底|末)?(?(label)|\s?期间)(?!龄|\d)"),
         _label_month_span, 94, "活动时间为4月至6月"),
    Rule("label_month", re.compile(
        rf"(?=[申受报活发兑实执办征评推使领集])(?:申报|受理|申请|报名|活动|发放|兑付|兑现|实施|执行|办理|征集|评审|推荐|使用|领取|申领|集中申报)"
        rf"(?:时间|期间|日期|时段)\s?(?:预计|暂定|初定|拟定?|计划)?\s?(?:为|是|[:：]|在)\s?(?:(?P<y>{_Y})\s?年\s?)?(?P<m1>{_M}|{_CNM})\s?月份?"
        rf"(?P<more>(?:\s?[、和及]\s?(?:{_M}|{_CNM})\s?月份?)*)"     # 申报时间为2024年3月、9月: each month
        rf"(?![\d日号底末初上中下份第、一二三四五六七八九十]|\s?(?:{RANGE_DASH}|至|到|起|前|以前|之前|以后|之后|后|截止|开始|\d))"),
         _label_month, 93, "申报时间为9月"),
    Rule("month_span", re.compile(
        rf"(?=[\d〇零○一二])(?<![\d〇零○一二三四五六七八九])(?P<y>{_Y}|{_HY}(?=\s?年))\s?年?\s?(?P<m1>{_M}|{_CNM})\s?月?\s?(?:{RANGE_DASH}|至|到)\s?"
        rf"(?P<m2>{_M}|{_CNM})\s?月份?(?P<part>上旬|中旬|下旬|底|末)?"),
         _month_span, 95, "1启动阶段(20181-2月下旬)"),
    Rule("lead_month", re.compile(
        rf"(?:(?<=[。；;\n：:])|^)\s?(?P<a>(?:{_Y}\s?年)?{_M}\s?月份?{_PART}?)(?=\s?[,，])", re.M),
         _lead_month, 41, "8月份,县财政局组织审核并报县政府审定;"),
    Rule("step_month", re.compile(
        r"(?<=[\u4e00-\u9fff])[(（](?P<y>(?:19|20)\d{2})\s?年\s?(?P<mo>1[0-2]|0?[1-9])\s?月[)）](?=\s?[；;：:。，,\n]|\s*$)"),
         _step_month, 94, "（一）摸底谋划（2024年3月）；"),
    Rule("stage_period", re.compile(
        # a plan's stage named by its month or year: 2024年9月为评审阶段 / 第三阶段,2026年,开展…
        r"(?<![\d年])(?P<y>(?:19|20)\d{2})\s?年\s?(?:(?P<mo>1[0-2]|0?[1-9])\s?月)?(?=\s?(?:为|是)[^,，。;；\n]{0,10}?阶段[,，;；。])"
        # …or after a numbered stage's label (第三阶段,2026年,…), not after a narrative's 已进入验收阶段,
        r"|(?<=第[一二三四五六七八九十]阶段[,，:：])\s?(?P<y2>(?:19|20)\d{2})\s?年\s?(?:(?P<mo2>1[0-2]|0?[1-9])\s?月)?(?=\s?[,，])"),
         _stage_period, 93, "2024年9月为评审阶段；"),
    Rule("quarter_period", re.compile(
        rf"(?=\d)(?<!\d)(?P<p>{_Y}\s?年(?:前[一二两三]个?季度|第?[一二三四1-4]季度))(?!末|底|前)"),
         _period, 92, "2021年前两个季度完成试点"),
    Rule("half_year", re.compile(
        rf"(?=[在于力争确])(?:在|于|力争(?:在|于)?|争取(?:在|于)?|确保(?:在|于)?)\s?(?P<p>{_Y}\s?年(?:上半年|下半年))"),
         _period, 90, "在2018年上半年开展评估"),
    Rule("span", re.compile(
        rf"(?=[从自于\d今本当明去二〇零○一三四五六七八九十])(?:(?P<pre>从|自|于)\s?)?(?<!\d)(?P<a>{_DATE}){_CLOCK}\s?(?:{_INCL})?\s?"
        rf"(?:(?:起|开始)(?:\s?[,，]\s?(?=[到至]))?)?{_SEP}"   # 从2024年9月10日开始,到…结束: one period
        rf"(?P<b>(?:同年|次年|翌年)?{_DATE}|{_D}\s?[日号]){_CLOCK}\s?(?P<post>止|为止|期间|结束)?"), _span, 85, "自2016年1月1日至2018年12月31日,对符合条件的"),
    Rule("effective_span", re.compile(   # after a comma the end needs its 止 (…起施行,至…止); joined, it need not
        rf"(?=[自从])(?P<pre>自|从)\s?(?P<a>{_DATE}){_CLOCK}\s?起(?:施行|执行|实施)"
        rf"(?:[,，]\s?(?=(?:至|到)\s?{_DATE}{_CLOCK}\s?(?:止|为止)))?(?:至|到)\s?(?P<b>{_DATE}){_CLOCK}\s?(?P<post>止|为止)?"),
         _span, 84, "本通知自2024年3月18日起施行,至2025年12月31日止。"),
    Rule("plan_end", re.compile(r"(?=[“\"十])[“\"]?十(?P<n>[一二三四五六七八九])五[”\"]?(?P<kind>末期|末)"),
         _plan_end, 80, "到“十四五”末,基本建成"),
    Rule("plan_period", re.compile(r"(?=[“\"十])[“\"]?十(?P<n>[一二三四五六七八九])五[”\"]?(?:规划)?(?:期间|时期)"),
         _plan_period, 79, "“十四五”期间,新建养老床位1万张"),
    Rule("monthly_day", re.compile(rf"(?=每)每(?:个)?月\s?(?:的)?{_D}\s?[日号](?:前|之前|以前)"),
         _monthly_day, 75, "于每月10日前报送统计报表"),
    Rule("from_event", re.compile(
        r"(?=[自从])(?:自|从)\s?[^,，。;；:：\n（(]{1,15}?之日(?:[（(](?P<d>[^()（）\n]{6,16})[)）])?(?:次月|次年|后)?起(?:施行|执行|实施|生效|计算)?"),
         _from_event, 70, "本意见自印发之日起施行。"),
    Rule("label_by", re.compile(
        rf"(?=[完时办])(?:{DUE_LABELS})\s?(?:为|是|[:：])\s?(?P<a>{_DATE})"
        rf"(?:{_CLOCK}?\s?(?:前|以前|之前))?"), _label_by, 65, "完成时限:2024年12月"),
    Rule("framed_by", re.compile(
        r"(?=[请须应务必最于在])(?:(?:请|须|应|务必|必须|需|要)于|最迟(?:于|在)?|(?<![关对用属由等高低位利终基鉴处至免])于)\s?"),
         _framed_by, 62, "请于明年底前完成。"),
    Rule("by", re.compile(
        rf"(?=[\d今本当明去截二〇零○一三四第五六七八九十])(?<!\d)(?:(?P<pre2>截止(?:到|至|[:：]|(?:日期|时间|日)(?:仍|依然|均|统一)?(?:为|是|[:：])?)?)\s?(?P<a2>{_DATE})"
        rf"(?:{_CLOCK}?\s?{_BEFORE})?"
        rf"|(?P<a>{_DATE})(?:(?<=月)份)?{_CLOCK}?\s?(?:{_INCL}\s?)?{_BEFORE})"), _by, 60, "相关工作应在7月底前全部完成"),
    Rule("listed_by", re.compile(
        # 于6月25日、12月10日前分别报送: the first of dates sharing one 前 (the last is read by ``by``)
        rf"(?=[\d今本当明二〇零○一三四五六七八九十])(?<!\d)(?P<a>{_DATE})(?=\s?[、和及]\s?(?:{_DATE})\s?(?:[、和及]\s?(?:{_DATE})\s?)?{_BEFORE})"),
         _date_by, 61, "各牵头单位要于6月25日、12月10日前分别报送进展"),
    Rule("closed_after", re.compile(
        # 2023年6月30日后不再受理: the last day to apply, though written as what happens after it
        rf"(?=[\d今本当明二〇零○一三四五六七八九十])(?<!\d)(?P<a>{_DATE}){_CLOCK}\s?(?:以后|之后|后)\s?[,，]?\s?(?:将|系统将|一律|均)?"
        r"(?:不再|不予|停止|一律不予?|不能)\s?(?:受理|接受|办理|申报|补报|接收)"), _date_by, 63, "2023年6月30日后不再受理"),
    Rule("named_deadline", re.compile(
        rf"(?=[\d今本当明二〇零○一三四五六七八九十])(?<!\d)(?P<a>{_DATE}){_CLOCK}\s?(?:为|是)\s?[^,，。;；\n]{{0,8}}?截止(?:日期|日|时间)"),
         _date_by, 64, "2023年6月30日为申报截止日"),
    Rule("not_later", re.compile(
        rf"(?=[不最])(?:不迟于|不晚于|最晚(?:于|在)?|最迟\s?(?:于|在|不超过|不得超过|不晚于)?)\s?(?P<a>{_DATE})"),
         _label_by, 61, "申报材料不迟于2023年9月30日报送"),
    Rule("table_cell", re.compile(
        rf"(?:(?<=\|)|^)\s?(?P<a>{_Y}\s?年(?:\s?{_M}\s?月份?(?P<day>\s?{_D}\s?[日号])?)?{_PART}?"
        r"|(?P<nday>(?:19|20)\d{2}(?P<sep>[./-])[01]?\d(?P=sep)[0-3]?\d))"
        rf"\s?(?:{_BEFORE})?(?=\s?(?:\||$))", re.M),
         _table_cell, 59, "序号 | 任务 | 完成时限\n1 | 建成平台 | 2023年12月"),
    Rule("effective", re.compile(
        rf"(?=[自于从\d二〇零○一三四五六七八九十])(?:(?P<pre>自|于|从)\s?)?(?<![\d已])(?P<a>{_DATE}){_CLOCK}\s?(?:正式|开始)?"
        r"(?:施行|实施|生效|(?<=[日号式])(?:启动|开启|开通|开放)(?=申报|受理|申领|报名|[,，。;；\s]|$))(?![的了过])"),
         _effective, 44, "本办法自2023年6月1日施行。"),
    Rule("half_quarter", re.compile(
        rf"(?=[\d今本当明去二〇零○上下一二三四第五六七八九十])(?<![\d年前第每本上下])"
        rf"(?P<p>(?:(?:{_Y}|{_HY})\s?年|{_REL})?\s?(?:上半年|下半年|第?[一二三四1-4]季度))(?!\s?(?:末|底|前|以前|之前|度))"),
         _half_quarter, 46, "2023年下半年启动第二批申报"),
    Rule("md_dot", re.compile(
        rf"(?=\d)(?<![\d.])(?P<m>{_M})\.(?P<d>{_D})(?![\d.])\s?(?:前|以前|之前|为止|止|截止)"),
         _md_dot, 56, "请于6.30前提交申请表"),
    Rule("ym_dot_span", re.compile(
        rf"(?=\d)(?<![\d.])(?P<y1>{_Y})\.(?P<m1>{_M})(?![\d.])\s?(?:{RANGE_DASH}|至|到)\s?"
        rf"(?P<y2>{_Y})\.(?P<m2>{_M})(?![\d.])"), _ym_dot_span, 96, "实施期限:2023.6-2023.12"),
    Rule("label_dot_span", re.compile(
        rf"(?=[时期日周])(?:时间|期间|日期|周期|期限|时段)\s?(?:为|是|[:：])?\s?(?<![\d.])(?P<m1>{_M})\.(?P<d1>{_D})\s?"
        rf"(?:{RANGE_DASH}|至|到)\s?(?:(?P<m2>{_M})\.)?(?P<d2>{_D})(?![\d.%％万亿千元倍])"),
         _label_dot_span, 96, "活动时间:3.1-3.31"),
    Rule("dot_day_span", re.compile(
        rf"(?=\d)(?<![\d.])(?P<y1>{_Y})\.(?P<m1>{_M})\.(?P<d1>{_D})(?![\d.])\s?(?:{RANGE_DASH}|至|到)\s?"
        rf"(?:(?P<y2>{_Y})\.)?(?P<m2>{_M})\.(?P<d2>{_D})(?![\d.])"), _dot_day_span, 97, "区级复核:2024.5.1—5.31"),
    Rule("month_part", re.compile(
        _MONTH_PART_HEAD + r"(?!\s?(?:前|以前|之前|底|末|完成|建成|全面|基本|$))"),
         _month_part, 41, "复核结果于6月上旬在区政府门户网站公示"),
    Rule("part_span", re.compile(
        _MONTH_PART_HEAD + rf"\s?(?:至|到|{RANGE_DASH})\s?(?P<m2>{_M}|{_CNM})\s?月\s?(?P<part2>{_PART_WORDS})"),
         _part_span, 86, "5月下旬至6月上旬组织专家复核"),
    Rule("yearly_month", re.compile(
        # a bare month after 每年, followed by what happens in it (not a day, a month's end or part, a start)
        rf"(?=每)每年\s?(?P<m>{_M}|{_CNM})\s?月份?(?![\d日号底末初中上下前起至到以内—\-~－～])"
        r"(?=\s?[(（]?[\u4e00-\u9fff]|[ \t]*[|\t])"), _yearly_month, 41, "每年3月由镇(街)组织开展一次资格复核"),
    Rule("opens_on", re.compile(
        rf"(?=[于自从\d今本当明二〇零○一三四五六七八九十])(?:(?P<pre>于|自|从)\s?)?(?<![\d已])(?P<a>{_DATE}){_CLOCK}\s?(?:正式)?(?:启动|开启|开始)"
        r"(?=(?:网上)?(?:申报|受理|报名|征集|申领|发放|兑付))"), _opens_on, 48, "研发投入后补助于7月15日正式启动申报"),
    Rule("on_day", re.compile(
        rf"(?=[于在定])(?:定于|于|在)\s?(?P<a>{_DATE}){_CLOCK}(?P<days>(?:\s?[、和及]\s?(?:{_DATE}|{_D}\s?[日号]){_CLOCK})*)\s?(?:同一时间|同时|正式)?\s?"
        # where it happens may stand between: 于2024年3月15日10:00在“云闪付”APP开抢
        r"(?:(?:在|通过)[^,，。;；:：\n]{1,20}?)?"
        r"(?:开抢|上线|投放|开幕|举行|举办|开放领取|领取|抢券|开启|(?:集中|统一|开始)?发放(?!到位|完毕))(?![时后前的])"),
         _on_day, 47, "第一期于6月15日10:00开抢"),
    Rule("ends_on", re.compile(
        rf"(?=[于在\d今本当明二〇零○一三四五六七八九十])(?:(?:于|在)\s?)?(?<!\d)(?P<a>{_DATE}){_CLOCK}\s?(?:自动|自行|正式)?(?:废止|失效|到期|终止|结束|关闭)(?![的后])"),
         _ends_on, 49, "本办法自2023年10月1日起施行,2025年9月30日废止"),
    Rule("lost_month", re.compile(r"(?=[截])(?:截止(?:到|至)?|截至)\s?(?<!\d)(?P<m>1[0-2]|[1-9])(?P<d>[0-2]\d|3[01])日"),
         _lost_month, 57, "意见征求截止至227日。"),
    Rule("target_date", re.compile(
        rf"(?=[力确争计预拟要将在于到\d今明本当去二〇零○一三四五六七八九十])(?:(?P<pre>力争|确保|争取|计划|预计|力求|拟)\s?(?:在|于|到)?\s?)?(?<![\d年])"
        rf"(?P<a>{_DATE})(?!\s?(?:前|以前|之前|起|开始|以来|至|到|{RANGE_DASH}|[,，、和及]|\d))"
        r"(?=\s?(?:全面|全部|基本|初步|率先|顺利|如期|必须|务必|要|将|须)?\s?(?:完成|建成|实现|达到|投用|投产|出台|印发|上线|挂牌|开工|竣工|覆盖|落地|到位|建立|形成"
        r"|[^,，。;；]{0,16}?(?:提高|提升|增加|扩大|增长)(?:至|到)))"),
         _target_date, 43, "2025年底全面建成15分钟便民生活圈"),
    Rule("target_lead", re.compile(
        rf"(?=[力确争计预])(?P<pre>力争|确保|争取|计划|预计|力求)\s?(?:在|于|到)?\s?(?<![\d年])(?P<a>{_DATE})(?=\s?[,，])"),
         _target_date, 42, "力争2025年,全市建成示范村100个"),
    Rule("this_year_plan", re.compile(
        r"(?=[今本])(?<![至到从自于在截止\d年])(?:今年|本年)(?![底末内初度上下前后一二三四1-4第\d以来年])"
        r"(?=[^,，。;；\n]{0,10}?(?:还将|将|计划|力争|预计|拟|确保|争取))"),
         _this_year_plan, 41, "今年全市计划完成农村清洁取暖改造2.5万户"),
    Rule("year_within", re.compile(
        r"(?=[今本当年])(?<![\d年一二三四五六七八九十两半每学周财同全整*＊×Xx])(?:今年|本年度?|当年|年)(?:内|底前|末前)"),
         _year_within, 55, "年底前完成验收"),
    Rule("month_within", re.compile(r"(?=[本下当月])(?:(?:本|当|下个?)月(?:底前|末前|内|底|末)"
                                    r"|(?<![\d一二三四五六七八九十两每个上本下当同次年逐月元万])月(?:底前|末前))"),
         _month_within, 54, "请于本月底前报送申请材料"),
    Rule("month_day_by", re.compile(rf"(?=[本下])(?P<w>本|下个?)月\s?(?P<d>{_D})\s?[日号](?:{_CLOCK})?\s?(?:前(?!后)|之前|以前)"),
         _month_day_by, 54, "请于本月25日前报送"),
    Rule("quarter_within", re.compile(r"(?=本)本季度?(?:末前|底前|内|末|底)"),
         _quarter_within, 54, "本季度末前完成整改"),
    Rule("festival_by", re.compile(rf"(?=[今明本元春国中端清劳五])(?P<a>(?:{_REL})?(?:{_FESTIVALS}))\s?(?:前(?![后夕往进])|之前|以前)"),
         _festival_by, 53, "春节前将补贴发放到位"),
    Rule("moved_by", re.compile(
        rf"(?=[由延调推顺改变提])(?:由\s?(?P<a>{_DATE})\s?)?(?P<verb>延长|调整|推迟|顺延|延期|推后|更改|变更|改|提前)\s?(?:至|到|为)\s?"
        rf"(?P<b>{_DATE})"), _moved_by, 73, "申报截止时间由2024年7月31日延长至2024年8月20日"),
    Rule("until", re.compile(rf"(?=[截直有至到])(?P<pre>截至|直至|有效期至|至|到)\s?(?P<a>{_DATE})\s?(?:止|为止)?"
                             r"(?!\s?(?:的)?(?:标准|水平|基数|同期|价格))"),
         _until, 50, "政策执行期限至2017年底。"),
    Rule("ends_stop", re.compile(
        rf"(?=[\d二〇零○今明本一三四五六七八九十])(?<![\d至到止])(?P<a>{_DATE}){_CLOCK}\s?止(?![步])"),
         _ends_stop, 47, "受理时间:2024年6月30日止"),
    Rule("from", re.compile(
        rf"(?=[自从于\d今本当明去二〇零○一三四五六七八九十])(?:(?P<pre>自|从|于)\s?)?(?<!\d)(?P<a>{_DATE}份?){_CLOCK}\s?(?:{_INCL}|及)?"
        rf"(?:(?<=年)度)?(?P<suf>起|开始|以后|之后|(?<=[日号)）])后(?![续期面来])|(?<=[日号])以来)(?:施行|执行|实施|生效)?(?!草|步|点|源|来)"),
         _from, 45, "2016年12月1日起,大学生群体"),
    Rule("lead_year", re.compile(
        rf"(?=\d)(?:(?<=[。;；,，:：\n])|(?<![\s\S]))\s?(?P<y>{_Y})\s?年(?P<du>度)?(?=[,，])"),
         _lead_year, 58, "2018年,中央和自治区农机购置补贴主要用于…"),
    Rule("today_until", re.compile(
        rf"(?=[自从即今印发公])(?:自|从)?(?:即日|今天|今日|(?:印发|发布|公布)之日)起\s?(?:至|到|{RANGE_DASH})\s?(?P<b>{_DATE}|年底|年末)\s?(?:止|为止)?"),
         _today_until, 72, "自即日起至2023年12月31日,对新购车辆给予补贴"),
    Rule("school_term", re.compile(
        rf"(?=[自从今明本\d二春秋新])(?:自|从)?\s?(?:(?:{_Y}|{_HY})\s?年|今年|明年|本年)?(?:(?:{_Y}|{_HY})\s?-\s?(?:{_Y}|{_HY})\s?学年)?"
        r"(?:(?:春季|秋季|新)学期|(?:春季|秋季)开学)(?:起|开始(?!前))"),
         _school_term, 69, "自2024年秋季学期起"),
    Rule("today_from", re.compile(r"(?=[自从即今])(?:自|从)?(?:即日|今天|今日)起"), _today_from, 68, "自即日起施行"),
    # at a clause's start or after 自/从 only: 自审核通过的下月起 counts from an event, 基本月起薪 is no date
    Rule("relative_from", re.compile(r"(?=[自从本下明])(?:(?:自|从)|(?<![^\s,，。;；:：]))(?P<w>本月|下月|下个月|明天|明日)(?:起|开始)(?!前)"),
         _relative_from, 68, "从下月起开始发放"),
    Rule("label_span", re.compile(
        rf"(?=[所实执有期年补扶奖政申])(?:所属期|实施期|执行期|有效期|期间|年度"
        rf"|(?:实施|执行|补贴|补助|扶持|奖励|政策|申报)(?:期限|时间|年度))\s?(?:为|是|[:：])\s?(?P<y>{_Y})\s?年度?(?![\d月底末初])"),
         _label_span, 67, "即征收所属期为2021年度"),
    Rule("label_from", re.compile(
        rf"(?=[实施生执])(?:实施|施行|生效|执行)(?:日期|时间)\s?[】\]:：]?\s?(?P<a>{_DATE})"),
         _label_from, 66, "【实施日期】2018.09.05"),
    Rule("within", re.compile(
        # not inside a number (1.5年内 is not 5年内), but right after an item number (2.三年内)
        rf"(?=[\d{CN_CHARS}半])(?:(?<![\d{CN_CHARS}.])|(?<=\.)(?=[{CN_CHARS}]))"
        rf"(?P<n>{NUM}|半)\s?(?:个)?\s?(?P<u>年度?|月|日|天|个?工作日|周|季度)"
        r"(?:内|以内|之内)"), _within, 40, "3年内可保留人事关系"),
    Rule("recurring", re.compile(
        r"(?=[按每])按\s?(?P<a>季度|季|月度?|半年|年度?)(?=\s?(?:申报|报送|汇总|拨付|考核|评估|发放|兑现|结算|统计|上报|报|核拨|通报))"
        r"|按\s?(?P<b>季度|半年)"
        r"|每(?:个)?(?P<c>季度|半年|月|年|周)(?P<post>结束前|结束后|末|底|初|前|第一|终了)"
        r"|每(?:个)?(?P<d>季度|半年)"
        r"|每(?P<e>年|月)(?:均)?(?=\s?(?:评估|认定|评选|创建|提升|提高|新增|举办|组织|开展|发布|更新|考核|申报|报送|遴选|召开|更新|复核|公布))"),
         _recurring, 30, "可按季度申报场地水电补贴"),
), key=lambda r: -r.priority))


# which rules can match a text at all, from the characters each rule's every match holds (a rule needing 截 or
# 每 and a digit is skipped, unscanned, where they are absent): ~6 of the 59 rules run on a measure's text
_GATE = RuleGate([r.pattern for r in RULES])


_JANUARY_RE = re.compile(r"(?<![\d万千百亿角分])元月")


# The document's own date as the page prints it, for a caller that has none (spec: the issue date,
# else the byline/news date): a full date in the head (a byline, 30.01.2015 04:21, 2017-08-31 08:00)
# or in the last lines (the signature) — never one that is itself framed as a deadline or a start.
_PAGE_DATE_RE = re.compile(
    rf"(?<![\d.年第于在至到自从止截])(?:(?P<y>{_Y})\s?(?:年\s?|[-/.])(?P<m>{_M})\s?(?:月\s?|[-/.])(?P<d>{_D})(?![\d.])\s?(?:日|(?!日))"
    rf"|(?P<d2>[0-3]\d)\.(?P<m2>[01]\d)\.(?P<y2>{_Y})(?![\d.])"
    rf"|(?P<hy>{_HY}\s?年\s?{_CNM}\s?月\s?{_CND}\s?日))"
    rf"(?!\s?(?:前|以前|之前|以后|之后|以来|起|开始|至|到|止|截止|{RANGE_DASH}|发布的|印发的))")
_HEAD, _TAIL = 400, 160
# (日 taken whole: with 日? the pattern backed off it, and 2020年1月1日至… passed the lookahead as 2020年1月1)


# a news lead's own day: 本报讯 5月8日, 兰州晚报讯(记者…)1月29日 — the news date, its year the page's
_DATELINE_RE = re.compile(rf"讯\s?(?:[(（][^)）\n]{{0,16}}[)）])?\s?(?P<m>{_M})月(?P<d>{_D})日")


@lru_cache(maxsize=16)
@lru_cache(maxsize=4)     # asked once per measure of the same document text
def _text_date(text: str) -> Optional[date]:
    found = _page_date(text)
    line = _DATELINE_RE.search(text, 0, _HEAD) if found is not None else None
    if line is not None:
        try:
            day = date(found.year, int(line.group("m")), int(line.group("d")))
            return day if day <= found else day.replace(year=found.year - 1)
        except ValueError:
            pass
    return found


def _page_date(text: str) -> Optional[date]:
    for part in (text[:_HEAD], text[-_TAIL:]):
        for m in _PAGE_DATE_RE.finditer(part):
            if m.group("hy"):
                tv = read_time(_canonical(m.group("hy")))
                if tv is not None:
                    return date.fromisoformat(tv.start)
                continue
            y, mo, d = (m.group("y"), m.group("m"), m.group("d")) if m.group("y") else (
                m.group("y2"), m.group("m2"), m.group("d2"))
            try:
                return date(int(y), int(mo), int(d))
            except ValueError:
                continue
    return None


_BATCH_PERIOD_RE = re.compile(r"(?:季度|半年)$")
# the period names the batch only when nothing is done in it (…完成名单公示, …开展认定并公示名单: an action's period)
_BATCH_LABEL_RE = re.compile(r"(?:(?!完成|开展|确定|进行|组织|启动|认定|公示|公布)[^。，,;；\n:：]){0,24}?(?:公示|名单)"
                             r"(?=\s?(?:[:：\n]|的公示|公示[:：\n]|$))")
_BATCH_ACT_BEFORE_RE = re.compile(r"(?:于|在|争|请|将|前|到)\s?$")
# (the whole place's figure: 全市累计发放…, 全区同比…; not 每年累计安排 of a plan, nor 累计缴纳社保满6个月的 of a condition)
_STAT_PERIOD_RE = re.compile(r"[,，]\s?(?:[全我本][省市县区州旗盟]|全国)(?![^,，。;；\n]{0,24}?(?:将|力争|计划|预计|拟|要|以上|不少于|达到))"
                             r"[^,，。;；\n]{0,6}?(?:累计|同比|共计|共(?=发放|投入|完成|新增|培训|兑现|兑付|拨付|帮扶|惠及|为|有))"
                             r"(?![^,，。;；\n]{0,12}?(?:上限|不超过|满))")
# what may stand before a period that opens its clause: the clause's start, a reporting frame (…了解到,)
_CLAUSE_OPEN_RE = re.compile(r"(?:^|[。；;！!？?\n,，）)】]|今年|去年|上年)\s?$")


def find_deadlines(text: str, start: int = 0, end: int | None = None, *,
                   issue_date: str | None = None) -> list[Deadline]:
    """Deadlines and periods in ``text[start:end]``, offsets into ``text``."""
    if not text or not isinstance(text, str):
        return []
    start, end = clamp(text, start, end)
    sub = text[start:end]
    if "\n" in sub and _CUT_DIGITS_RE.search(sub):
        return _read_cut_digits(text, start, sub, issue_date)
    windows = trigger_windows(_TRIGGER_RE, sub, _WINDOW_BEFORE, _WINDOW_AFTER)
    if not windows:
        return []
    no_go = [(m.start(), m.end()) for m in scan(_DOC_NUMBER_RE, sub, windows)]
    written = sub
    if "元月" in sub:
        sub = _JANUARY_RE.sub("1月", sub)     # 2024年元月1日: January, read like 1月 (a sum's 500元月底 is no month)
    given = _issue(issue_date)
    ctx = _Ctx(sub, start, given or _text_date(text), [], [], no_go, text, written,
               "issue_date" if given is not None else "page_date")
    for i in _GATE.runnable(sub):
        rule = RULES[i]
        rx, handler = rule.pattern, rule.handler
        for ws, we in windows:          # scan() inlined: this loop runs rules x windows times per measure
            for m in rx.finditer(sub, ws, we):
                handler(m, ctx)
    ctx.out.sort(key=lambda d: (d.start, d.end))
    if "累计" in sub or "同比" in sub or "共计" in sub:
        # 2024年1月至9月,全市累计发放…: the period a statistic covers, no deadline (readers list none)
        # (within one year only: 2024—2026年,全省累计培训… is a plan's period and its target)
        ctx.out = [d for d in ctx.out if not (d.kind == "span" and _STAT_PERIOD_RE.match(text, d.end)
                                              and (d.start_date or "")[:4] == (d.end_date or "")[:4]
                                              and _CLAUSE_OPEN_RE.search(text, max(0, d.start - 12), d.start))]
    if "公示" in sub or "名单" in sub:
        # 2024年第三季度公益性岗位补贴发放公示, 2024年上半年…发放名单: which batch a roster or a notice lists, no
        # deadline (the genre readers list none of 7)
        ctx.out = [d for d in ctx.out if not (d.kind == "span" and _BATCH_PERIOD_RE.search(d.text)
                                              and _BATCH_LABEL_RE.match(text, d.end)
                                              and not _BATCH_ACT_BEFORE_RE.search(text, max(0, d.start - 4), d.start))]
    if "《" in sub:
        ctx.out = [d for d in ctx.out if not _in_cited_title(text, d.start, d.end)]
    if ctx.issue is None:
        _sentence_years(text, ctx.out)
    return ctx.out


# 为贯彻落实《…实施方案(2018—2020年)》(鲁农机字〔2018〕3号): the period of a document the text cites, not a
# period of this one's measures; the title of the document itself (印发《…(2024—2026年)》, 已经市政府同意) keeps it.
_CITING_BEFORE_RE = re.compile(r"(?:根据|按照|依据|依照|参照|对照|贯彻|落实|执行|转发)[^《》。;；\n]{0,12}$")
_CITED_AFTER_RE = re.compile(r"\s?(?:[(（][^()（）\n]{0,12}〔\s?(?:19|20)\d\d\s?〕|部署|要求|精神|规定|明确)")
_TITLE_REACH = 60


def _in_cited_title(text: str, s: int, e: int) -> bool:
    a = text.rfind("《", max(0, s - _TITLE_REACH), s)
    if a < 0 or "》" in text[a:s]:
        return False
    b = text.find("》", e, e + _TITLE_REACH)
    if b < 0 or "《" in text[e:b]:
        return False
    return bool(_CITING_BEFORE_RE.search(text, max(0, a - 20), a) or _CITED_AFTER_RE.match(text, b + 1))


# A year the sentence names on its own (2024年度资助奖励申报工作将于10月8日开始,11月15日截止): the year of its
# month-days when the document gives no date of its own.
_SENTENCE_YEAR_RE = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s?年(?!\s?\d{1,2}\s?月|\s?[前底末内以至到—\-~])")
_SENTENCE_YEAR_BACK = 120


def _sentence_years(text: str, out: list[Deadline]) -> None:
    starts = [x.start for x in out]         # ``out`` is sorted by start
    for i, d in enumerate(out):
        if d.date or d.start_date or d.end_date or "月" not in d.text:
            continue
        lo = max(0, d.start - _SENTENCE_YEAR_BACK)      # a run-on page may have no stop for megabytes
        a = max((text.rfind(ch, lo, d.start) for ch in "。；;！!？?\n"), default=-1) + 1
        a = max(a, lo)
        years = {m.group(1) for m in _SENTENCE_YEAR_RE.finditer(text, a, d.start)}
        # …or the one year of the dates written before it in the sentence (2024年8月底前完成初赛,|11月底前完成
        # 决赛), when it falls on or after them: a later month of a schedule, not the next year's. A period across
        # two years (实施期为2024年7月至2025年6月,10月底前…) names two: which one is unsaid. (Only the deadlines
        # from the sentence's start on: a bisect, not a scan of all before it, which was quadratic.)
        before = [x for x in out[bisect.bisect_left(starts, a, 0, i):i]
                  if (x.date or x.end_date) and not x.year_inferred]
        if not years and before:
            years = {v[:4] for x in before for v in (x.date, x.start_date, x.end_date) if v}
        if len(years) != 1:
            continue
        again = find_deadlines(text, d.start, d.end, issue_date=f"{years.pop()}-01-01")
        if len(again) == 1 and (again[0].date or again[0].start_date):
            first = again[0].date or again[0].start_date
            if before and first < max(x.date or x.end_date for x in before):
                continue
            again[0].year_inferred = "sentence_year"
            out[i] = again[0]


# a month the text writes as a number (6月30日前, 十二月底): a year alone resolves it
_NUMBERED_MONTH_RE = re.compile(r"(?<![本下次当上])(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s?月")
# …but not a date tied to the issue day or to the issue year (即日起至6月30日, 明年3月底): the title's year is
# the year the document is about, which need not be the year it was issued in
_ISSUE_RELATIVE_RE = re.compile(r"即日|今天|今日|之日|本月|下月|次月|当月|今年|明年|去年|本年|次年|上年")
# a year the title names on its own: not one of several (2024、2025年), not a span, not a subject year (2023年度)
_TITLE_YEAR_RE = re.compile(r"(?<![\d〔\[［(（\-—–~～－至到、和及与])((?:19|20)\d{2})\s?年(?![\d\s]*[—\-~至到])(?!度)")
_ANY_YEAR_RE = re.compile(rf"(?<!\d){_Y}(?!\d)")


def title_year(title: Optional[str]) -> Optional[str]:
    """The one year a document's title names (关于开展2024年高新技术企业认定工作的通知), else None; a subject
    year (关于申报2023年度…资金的通知, issued the next year) or several years name none."""
    if not title or len(set(_ANY_YEAR_RE.findall(title))) != 1:
        return None
    years = {m.group(1) for m in _TITLE_YEAR_RE.finditer(title)}
    return years.pop() if len(years) == 1 else None


def resolve_by_title_year(text: str, lists: list[list[Deadline]], year: str) -> None:
    """Date the year-less deadlines (each list in ``lists``, in place) of a document that prints no date of its
    own by the year its title names (``year_inferred="title_year"``): 请于6月30日前报送 under
    关于开展2024年…认定工作的通知 is 2024-06-30."""
    if _text_date(text) is not None:
        return      # the page prints a date: find_deadlines already resolved against it
    for deadlines in lists:
        _title_year_dates(text, deadlines, year)


def _title_year_dates(text: str, deadlines: list[Deadline], year: str) -> None:
    for i, d in enumerate(deadlines):
        if d.date or d.start_date or d.end_date or not _NUMBERED_MONTH_RE.search(d.text) \
                or _ISSUE_RELATIVE_RE.search(d.text):
            continue
        again = find_deadlines(text, d.start, d.end, issue_date=f"{year}-01-01")
        if len(again) == 1 and (again[0].date or again[0].start_date or again[0].end_date):
            again[0].year_inferred = "title_year"
            deadlines[i] = again[0]


# A digit run a hard-wrapped PDF line cut (202\n4年12月31日前): read with the break taken out, each span
# mapped back onto the text as it stands (so an item's text still holds the break).
_CUT_DIGITS_RE = re.compile(r"(?<=\d)\n(?=\d)")


def _read_cut_digits(text: str, start: int, sub: str, issue_date: str | None) -> list[Deadline]:
    keep = [i for i in range(len(sub)) if not (sub[i] == "\n" and _CUT_DIGITS_RE.match(sub, i))]
    joined = "".join(sub[i] for i in keep)
    out = []
    for d in find_deadlines(joined, issue_date=issue_date or _text_date(text)):
        s, e = start + keep[d.start], start + keep[d.end - 1] + 1
        d.start, d.end, d.text = s, e, text[s:e]
        out.append(d)
    return out


# ------------------------------------------------------------------ durations

_DURATION_RE = re.compile(
    rf"(?=[最期有满延给免减享补资周连前后贷还孵扶缴毕离退正经运营起公试优服租合聘任签参居工就为过保建考培时年近分录购发登注落失累见实学研由调缩执管养维宽存帮距缓办审受承\d{CN_CHARS}])"
    rf"(?:(?P<pre>最长(?:可延期|可延长|期限|时间|期)?(?:不超过|不得超过|为)?"
    rf"|(?:贷款|还款|补贴|补助|享受|孵化|扶持|缴费|缴存|参保)?(?:期限|周期|年限)(?:累计)?(?:一般|原则上)?(?:为|不超过|不得超过|最长为?)?"
    rf"|(?:办结|办理|审核|受理|审批|承诺)时限\s?(?:为|[:：])?\s?"
    rf"|(?:补贴|补助|享受|孵化|扶持|公示|有效|试用|免租|减免|优惠|贴息|服务|租用|租赁|租|合同|聘|任|签约|过渡|保护|建设|运营"
    rf"|考核|培训|见习|实习|学习|研修|执行|实施|缓缴|宽限|存续|扶持|帮扶)期(?:一般|原则上)?(?:为|是|在|可达|延长至|不超过|不得超过|不少于|不低于|最长为?)?"
    rf"|(?:补贴|补助|享受|扶持|资助|免租|减免|发放|贴息)时间(?:为|不超过)?"
    rf"|(?:累计|连续)(?:发放|享受|领取|补贴|补助)(?:期限|时间)?(?:不超过|不得超过|最长不超过|最多|最长)"   # 累计发放不超过36个月
    rf"|(?:最多|最长)?补发(?:不超过|不得超过|最长)?"           # 最多补发不超过12个月
    rf"|(?<=[期间限])(?:由[^,，。;；\n]{{1,8}}?)?(?:延长至|延长到|调整为|缩短至|缩短为)"   # 期限由24个月延长至36个月
    rf"|(?<!每)满|为期|延期|延长|给予|免征|减免|免收|免租|享受|补贴|补助|资助|减半征收)\s?"
    rf"(?:{NUM}\s?(?:个)?\s?(?:年|月|天|日)?\s?(?:至|到|{RANGE_DASH})\s?)?"
    rf"(?P<n>{NUM}|半)\s?(?:个)?\s?(?P<u>年|月|日|天|个?工作日|周|季度)(?!以上|及以上|以下|度|内|以内|之内|岁|[\d])"
    rf"(?<!\d月(?=[底末初份]|[上中下]旬))(?<!\d\s月(?=[底末初份]|[上中下]旬))"     # 延长至12月底: a month's end, a date
    rf"|(?:连续\s?)(?<![\d.{CN_CHARS}])(?P<n2>{NUM})\s?(?:个)?\s?(?P<u2>年|月)"
    rf"|(?<![\d.{CN_CHARS}])(?P<n4>{NUM})\s?(?:个)?\s?(?P<u4>年|月)(?=的[^,，。;；\n]{{0,12}}?(?:补贴|贴息|补助|资助|减免|免租|扶持|优惠|支持))"
    rf"|(?=[前后])(?<![业职伍站国乡])[前后]\s?(?P<n3>{NUM})\s?(?:个)?\s?(?P<u3>年|月)(?:(?=[^,，。;；\n]{{0,3}}?(?:免|减|给予|全额|补贴|补助|享受|按))|(?<=[免减收租享缴]前\d年)|(?<=[免减收租享缴][前后][{CN_CHARS}]年)"
    rf"|(?<=[免减收租享缴][前后]\d个月)|(?<=[免减收租享缴][前后][{CN_CHARS}]个月))"
    # eligibility periods (spec: durations, not dates): 毕业2年以内, 退役2年以内, 正常经营3个月以上
    rf"|(?:毕业|离校|退役|离职|出站|回国|返乡)(?:后)?\s?(?P<n5>{NUM})\s?(?:个)?\s?(?P<u5>年|月)(?:以内|之内|内)"
    rf"|(?:正常)?(?:经营|运营|营业|运行|管护|养护|维护)(?:满|达到?)?\s?(?P<n6>{NUM})\s?(?:个)?\s?(?P<u6>年|月)(?:以上|及以上)?"
    rf"|(?:缴纳|缴费|参保|居住|工作|就业|登记注册|注册登记|登记失业|失业|登记|注册|落户)(?:城镇职工)?(?:社会保险|社保|养老保险|医疗保险|失业保险|住房公积金)?费?"
    rf"(?:满|达到?)?\s?(?P<n8>{NUM}|半)\s?(?:个)?\s?(?P<u8>年|月)(?:以上|及以上)"
    # a time or age condition: 从事…时间达到2年以上, 录用时间不超过五年, 购房时间超十年
    rf"|(?:时间|年限)(?:累计)?(?:达到?|超过|超|不少于|不低于|满|不超过|不满|在)\s?(?P<n10>{NUM})\s?(?:个)?\s?(?P<u10>年|月|天|周)"
    rf"(?![\d日号底末])(?:以上|及以上)?"
    # the recent years a condition looks back over: 近三年研发投入, 最近2年
    rf"|(?<![\d{CN_CHARS}])(?<!经过|历经)近\s?(?P<n11>{NUM})\s?(?:个)?\s?(?P<u11>年|月)(?!来|以来|内|以内|之内)"
    # a term named by its length: 5年服务期满, 三年到期, 分3年发放
    rf"|(?<![\d.{CN_CHARS}])(?P<n12>{NUM})\s?(?:个)?\s?(?P<u12>年)(?:服务期|合同期|聘期|租期)满?"
    rf"|(?<![\d.{CN_CHARS}])(?P<n14>{NUM})\s?(?:个)?\s?(?P<u14>年)(?:到期|期满)"
    rf"|分\s?(?P<n13>{NUM})\s?(?P<u13>年)(?:进行|平均|等额|逐年|按比例)?(?:发放|拨付|兑现|兑付|支付|补助|补贴|给予|奖励|资助)"
    rf"|(?:(?:租用|租赁|租|合同|服务|聘)期|期限|年限)(?:在|为|不少于|不低于|达到?)?\s?(?P<n15>{NUM})\s?(?:个)?\s?(?P<u15>年|月)(?:以上|及以上)"
    # a contract's term: 签订3年以上劳动合同
    rf"|(?<![\d.{CN_CHARS}])(?P<n9>{NUM})\s?(?:个)?\s?(?P<u9>年|月)(?:以上|及以上)?(?:的)?(?:劳动|聘用|租赁|服务|用工|[^\d,，。;；、\n]{{0,6}}?)(?:合同|协议)"
    # the years left before retirement (距法定退休年龄不足5年): a condition, as 毕业2年以内 is
    rf"|(?:距|离)(?:法定)?退休(?:年龄)?(?:不足|不满|少于|未满)\s?(?P<n16>{NUM})\s?(?:个)?\s?(?P<u16>年|月)"
    # the length a dated start opens: 自公示之日起5个工作日
    rf"|(?<=之日起)\s?(?P<n7>{NUM})\s?(?:个)?\s?(?P<u7>工作日|日|天|月|年)(?!内|以内|之内|[\d]))"
)
# the (count, unit) group pairs of _DURATION_RE, in the order they are tried
_DURATION_GROUPS = tuple((g, "u" + g[1:]) for g in sorted(_DURATION_RE.groupindex, key=_DURATION_RE.groupindex.get)
                         if g[0] == "n" and g[1:].isdigit() or g == "n")
# the groups whose length is an eligibility condition, not what a benefit runs for: 毕业2年以内 (n5), 正常经营
# 1年以上 (n6), 缴纳社保满1年 (n8), 从事…时间达到2年 (n10), 近三年 (n11), 3年以上劳动合同 (n9), 租期在3年以上 (n15)
_CONDITION_GROUPS = frozenset({"n5", "n6", "n8", "n9", "n10", "n11", "n15", "n16"})
# 连续补助2年、5年: a length listed after another takes its reading
_DURATION_LIST_RE = re.compile(rf"[、,，和或]\s?(?P<n>{NUM})\s?(?:个)?\s?(?P<u>年|月)(?![\d日号底末内])")
_DURATION_TRIGGER_RE = re.compile(r"[年月日天周]")
# A bare length that closes its clause (免租金入住人才公寓5年。, 减半收取租金2年，), names what a benefit
# runs for (3个月的租金) or sets a floor (从事养殖业5年以上的): a duration when its clause reads as a benefit,
# a term or a condition, not a report (_HISTORY_RE). Not a date (2023年, 6月: a month needs 个), an ordinal (第3年), a recurrence (每年), a look-back (近3年, its own rule),
# a within window (3年内, the deadline rule's) or a count (3年级); numbers of 100 and more are years.
_DURATION_BARE_RE = re.compile(
    rf"(?=[\d{CN_CHARS}半])(?<![\d.{CN_CHARS}第每近前后上下末初至到余多含~～\-—–])(?P<n>{NUM}|半)\s?(?P<u>年|个月|天|周|个工作日)"
    r"(?:(?:以上|及以上)(?![\d年月])|(?=\s?(?:[,，。;；:：、)）\n【|]|$|的?(?:租金|房租|物业费|租赁费|补贴|补助|贴息|免租|过渡期))))")
# the clause a bare length stands in, read back to its start: one of these words makes it a benefit or a term
_DURATION_CLAUSE_RE = re.compile(
    r"补贴|补助|资助|奖励|贴息|免|减半|享受|给予|发放|扶持|支持|连续|租金|房租|入住|租用|租赁|期限|服务|经营|运营|工作|缴纳|缴费"
    r"|参保|居住|从事|任职|聘用|合同|延长|延期|顺延|保留|过渡|孵化"
    # leave a benefit grants: 产前可休假15天, 增加产假15天, 享受育儿假10天
    r"|休假|产假|育儿假|护理假|陪产假"
    # a procedure's own periods: 公示5个工作日, 公示时间不少于5个工作日, 办结时限:20个工作日 (readers list them)
    r"|公示|时限")
# …of kind procedure: how long a step of the procedure lasts, no benefit's term (compare's 期限 column skips them)
# …of kind procedure: the words right before the length name a step's period (公示5个工作日, 公示期限为, 公示时间不少于,
# 办结时限:), or 的公示 follows it (进行为期5个工作日的公示). A benefit's term is no step's (补贴时限为3年, 经公示后免收
# 房租3年: a benefit word stands between), and compare's 期限 column reads benefits only.
_PROCEDURE_BEFORE_RE = re.compile(r"(?:公示|(?:办结|办理|审核|受理|审批|承诺|法定)时限)(?:期限?|时间|时长)?(?:为期|为|不少于|不低于|不超过|[:：]|】|\s?[|│]\s?)?"
                                  r"(?:自公示之日起)?\s?$")
_PROCEDURE_AFTER_RE = re.compile(r"\s?的?公示")
_CLAUSE_HEAD_RE = re.compile(r"[\s\S]*[,，。;；:：\n]")   # greedy: up to the clause's last stop
_DURATION_CLAUSE_BACK = 30
_DURATION_BEFORE = 24   # 贷款期限最长不超过 | 3年: the words before the unit
_DURATION_AFTER = 10    # 3年 | 以上的劳动合同: the words after it


def iso_duration(n_text: str, unit: str) -> Optional[str]:
    """P3Y, P6M, P15D for a count and a unit as written; None when unreadable."""
    n = 0.5 if n_text == "半" else parse_number(n_text)
    unit = unit.lstrip("个")
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


_AT_LEAST_RE = re.compile(r"期(?:一般|原则上)?(?:不少于|不低于)")
_WAIT_AFTER_RE = re.compile(r"(?:以)?后")
# what the beneficiary must have served before the payout (履行合同满1年后, 服务满3年后, 在岗满2年后) — not the
# benefit itself running its course (房租减免满3年后，按市场价收取; 补贴满2年后减半)
_SERVED_BEFORE_RE = re.compile(r"(?:履行合同|合同|服务|工作|任职|在岗|就业|缴纳[^,，。]{0,6}|缴费|参保|经营|入驻|落户|创业|聘用)"
                               r"(?:期)?满")


def _duration_kind(sub: str, n0: int, e0: int) -> str | None:
    """procedure when the words around the length (its number starts at ``n0``) name a step's period, condition when
    a field's label names a requirement (【经营年限】2年), else None."""
    if _PROCEDURE_BEFORE_RE.search(sub, max(0, n0 - 14), n0) or _PROCEDURE_AFTER_RE.match(sub, e0):
        return "procedure"
    if _REQUIRED_LENGTH_LABEL_RE.search(sub, max(0, n0 - 10), n0):
        return "condition"
    return None


_CELL_CLOSE_RE = re.compile(r"\s?[|│]")
_REQUIRED_LENGTH_LABEL_RE = re.compile(r"(?:经营|工作|从业|缴费|参保|注册|成立)(?:年限|时间)(?:要求)?\s?[:：】|│]\s?$")


def find_durations(text: str, start: int = 0, end: int | None = None) -> list[Duration]:
    """Benefit, term and eligibility durations (连续两年, 贷款期限不超过3年, 免收3个月, 正常经营1年以上)
    in ``text[start:end]``: the lead-word patterns of ``_DURATION_RE`` first, then any bare length
    (``_DURATION_BARE_RE``) that closes a clause reading as a benefit or term (免租金入住人才公寓5年。)."""
    if not text or not isinstance(text, str):
        return []
    start, end = clamp(text, start, end)
    sub = text[start:end]
    out: list[Duration] = []
    windows = trigger_windows(_DURATION_TRIGGER_RE, sub, _DURATION_BEFORE, _DURATION_AFTER)
    for m in scan(_DURATION_RE, sub, windows):
        n, u = next(((n, u) for n, u in _DURATION_GROUPS if m.group(n)), ("n", "u"))
        value = 0.5 if m.group(n) == "半" else parse_number(m.group(n) or "")
        if value is None or value >= 100:
            continue   # 给予2016年…: a year, not a length
        dur = iso_duration(m.group(n), m.group(u))
        if dur is None:
            continue
        kind = _duration_kind(sub, m.start(n), m.end()) or (
            "condition" if n in _CONDITION_GROUPS or _in_condition(sub, m.start(), m.end()) or
            (n == "n12" and m.group().endswith("满")) or n == "n" and _AT_LEAST_RE.search(m.group())
            or _WAIT_AFTER_RE.match(sub, m.end()) and _SERVED_BEFORE_RE.search(sub, max(0, m.start() - 10), m.end())
            else "benefit")
        # (履行合同满1年后，给予…: a wait before the payout, who qualifies, no term the benefit runs for)
        # (5年服务期满: served first, then paid; 承诺存续期不少于10年: an undertaking's floor, who qualifies)
        out.append(Duration(text=m.group(), start=start + m.start(), end=start + m.end(), duration=dur, kind=kind))
        e = m.end()
        while (nxt := _DURATION_LIST_RE.match(sub, e)) is not None:
            v = parse_number(nxt.group("n"))
            dur = iso_duration(nxt.group("n"), nxt.group("u")) if v is not None and v < 100 else None
            if dur is None:
                break
            s0 = nxt.start("n")
            out.append(Duration(text=sub[s0:nxt.end()], start=start + s0, end=start + nxt.end(), duration=dur,
                                kind=kind))
            e = nxt.end()
    taken = sorted((d.start - start, d.end - start) for d in out)
    for m in scan(_DURATION_BARE_RE, sub, windows):
        s0, e0 = m.span()
        i = bisect.bisect_left(taken, (e0, -1))      # only spans starting before e0 can overlap; checked from the last
        if any(a < e0 and s0 < b for a, b in taken[max(0, i - 3):i]):
            continue
        value = 0.5 if m.group("n") == "半" else parse_number(m.group("n"))
        if value is None or value >= 100:
            continue
        back = sub[max(0, s0 - _DURATION_CLAUSE_BACK):s0]
        head = _CLAUSE_HEAD_RE.match(back)
        clause = back[head.end():] if head else back
        if _HISTORY_RE.search(clause) and not _in_condition(sub, s0, e0) or not _DURATION_CLAUSE_RE.search(clause):
            continue   # 已连续举办3年, 经过3年: a report or a plain length, not a benefit's term (对获得授权并连续
            # 使用2年以上的企业: a condition's length, whatever its verbs)
        dur = iso_duration(m.group("n"), m.group("u"))
        if dur is None:
            continue
        kind = _duration_kind(sub, s0, e0) or (
            "condition" if m.group().endswith("以上") or _in_condition(sub, s0, e0) else "benefit")
        if kind != "procedure" and _CELL_CLOSE_RE.match(sub, e0):
            continue    # | 从事农业生产5年 | 合格 |: a table's cell states a fact; only a time limit's cell is read
        out.append(Duration(text=m.group(), start=start + s0, end=start + e0, duration=dur, kind=kind))
        bisect.insort(taken, (s0, e0))
    out.sort(key=lambda d: (d.start, d.end))
    return out
