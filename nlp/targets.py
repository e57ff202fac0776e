"""Quantitative goals: 全市建成众创空间10家以上, 占比达到60%以上, 每万人…拥有量达到8件.

A count is a target when it is committed to, which Chinese plans say in one of
three ways: the paragraph names a target year or goal word (到2020年, 力争, 目标,
争取, 确保, 计划, 每年新增, 年均); a plan verb commits to the count with 以上/左右
or with the count modifying a noun (建设1个以上…, 遴选150名种养大户); or it sits
under a short heading line containing 目标 (发展目标, 建设目标). Left out: counts
in narrative (已建有, 累计, 截至, news words such as 获批/位列), criteria (是否…),
eligibility conditions (带动100人以上就业的,), titles (《…十条》) and subsidy ratios.

``quantity`` is in base units (4万户 -> 40000 户, 100亿元 -> 1e10 元). ``comparator``:
以上/不少于/不低于/达到 ">=", 突破/超过 ">", 以内/以下 "<=", else "="
(左右 too: the schema's enum has no "~");
a range 8—10个 gives its lower bound with ">=". ``subject`` is what is counted:
the words between the goal verb and the number (建成 *众创空间* 10家), else the words
before the verb (*占比* 达到60%), else the noun after the unit. ``year`` comes from
the nearest preceding 到/至 YYYY年 (same paragraph or the 200 characters before the
searched range), else from 年内/今年 with the issue date.
"""
from __future__ import annotations

import re
from typing import Optional

from ..records import Target
from ..text import CJK, CN_DIGITS, CN_SMALL, NUM, parse_number
from .windows import clamp, tail as _tail

_QTY_RE = re.compile(
    rf"(?=[\d{CN_DIGITS}{CN_SMALL}])(?<![第等\d.{CN_DIGITS}{CN_SMALL}])(?:(?P<lo>{NUM})\s?[-—–~～至到]\s?)?(?P<num>{NUM})\s?(?P<approx>余|多)?\s?"
    r"(?P<unit>个百分点|万平方米|平方米|万人次|万人|万家|万户|万件|万个|万亩|亿元|万元|家|个|件|项|人次|人|名|户|所|座|支|"
    r"场|次|套|台|条|亩|%|％|倍)"
    r"(?P<tail>以上|左右|以内|以下)?"
)
_VERB_RE = re.compile(
    r"建成|新增|培育(?:形成)?|引育|转移转化|达到|达|突破|超过|引进|建设|打造|扶持|认定|孵化|带动|实现|新建|创建|集聚|聚集|"
    r"吸引|服务|培训|举办|组织|遴选|培养|形成|提升|提高|增长|增加|拥有|保持|不低于|不少于|吸纳|发展|支持|建立|设立|开展|完成|创造|下降|降低|减少|控制在"
)
_GOAL_SENTENCE_RE = re.compile(r"(?<!截)(?:到|至)\s?\d{4}\s?年|力争|目标|争取|确保|计划|预计|每年(?:新增|提升|提高|增长|增加)|(?<!每)年均")
# verbs that commit the issuer to produce a count: 建设1个以上…, 培育50家…, 遴选150名
_PLAN_VERB_RE = re.compile(r"建设|建成|培育|新增|遴选|引进|引育|打造|新建|创建|扶持|培养|形成|吸引|集聚|聚集|转移转化")
# a bound stated on the count commits to it as much as 以上 does: 不少于50个, 控制在4.5%以内
_BOUND_BEFORE_RE = re.compile(r"(?:不少于|不低于|至少|控制在)\s?$")
# 累计 in a sentence aimed at a future year is a cumulative goal, not a running total
# news reporting, not commitments: 获批, 位列全省第一, 今年…
_NEWS_RE = re.compile(r"获批|获得|入选|公布|名单|全省第|全国第|位列|位居|排名|今年|去年|上半年|本次|此次|首批|日前|近日")
_CLAUSE_HEAD_RE = re.compile(r"[^,，。;；:：\n!！?？]*")
_ENUM_NOUN_RE = re.compile(r"任务|措施|工作|内容|原则|要求|举措|政策|意见|方面|环节|步骤|阶段")
_CJK_START_RE = re.compile(f"[{CJK}“\"]")
_HEADING_LINE_RE = re.compile(r"(?m)^[ \t\u3000]*(\S[^\n]{0,29}?)[ \t\u3000]*$")
_NARRATIVE_RE = re.compile(r"已|累计|截至目前|目前|同比|较去年|共有|现有|是否|获得|获批")
_MONEY_RATIO_RE = re.compile(r"补贴|补助|资助|奖励|奖补|贴息|给予|予以|减按|返还|费用|价格的|租金|房租|利息")
_MONEY_METRIC_RE = re.compile(r"规模|总量|产值|收入|营收|成交额|交易额|投资|融资|增加值")
_YEAR_RE = re.compile(r"(?:到|至|截至|截止|(?:力争|争取|确保)(?:到|在|于)?)\s?((?:19|20)\d{2})\s?年")
_THIS_YEAR_RE = re.compile(r"年内|今年|本年")
_CLAUSE_STOPS = ",，。;；:：\n!！?？"
_SENTENCE_STOPS = "。;；\n!！?？"
_NOUN_AFTER_RE = re.compile(rf"^[{CJK}“”\"A-Za-z]{{1,12}}?(?=[,，。;；、\n)）]|以上|左右|$|的)")
_GOAL_WORD_RE = re.compile(r"^(?:力争|争取|计划|确保|预计|每年|年均|均)+|(?:每年|年均|均)+$")
_SHARE_RE = re.compile(r"比重|占比|比例|率|占|强度|增速|增长")
_LIST_SEP_RE = re.compile(r"、|(?:和|及)(?=\s?[\d一二三四五六七八九十两]|\s?$)")
_PLACE_PREFIX_RE = re.compile(r"^(?:全市|全省|全区|全县|全州|全国|区域|本区域|市本级|各市|各县|我市|我省|我区)")
_YEAR_LEAD_RE = re.compile(r"^(?:(?:到|至|截至|力争到?)\s?\d{4}\s?年(?:底|末)?)")
_NOUN_COMPOUND_RE = re.compile(r"(?:孵化|增加|发展|服务|培训)(?:器|载体|基地|机构|值|经费|资金|规划|基金|平台|体系)")
_MONEY_UNITS = ("亿元", "万元")




def _scaled(qty: float, unit: str) -> tuple[float, str]:
    """4万户 -> (40000, 户), 100亿元 -> (1e10, 元): quantities in base units."""
    if unit == "％":
        return qty, "%"
    for prefix, factor in (("万", 1e4), ("亿", 1e8)):
        if unit.startswith(prefix) and len(unit) > 1:
            return round(qty * factor, 4), unit[1:]
    return qty, unit


def _clean_subject(s: str) -> str:
    s = _PLACE_PREFIX_RE.sub("", s.strip())
    return _GOAL_WORD_RE.sub("", s).strip()


def _goal_heading(text: str, pos: int) -> bool:
    """Whether the last short heading-like line before ``pos`` names a goal (发展目标)."""
    last: Optional[str] = None
    for m in _HEADING_LINE_RE.finditer(text, max(0, pos - 600), pos):
        if m.end() < pos:
            last = m.group(1)
    return last is not None and "目标" in last


def _comparator(verb: Optional[str], tail: Optional[str]) -> str:
    if tail == "左右":
        return "~"   # about (左右): an approximate goal
    if verb in ("突破", "超过"):
        return ">"
    if tail == "以上" or verb in ("不少于", "不低于", "至少", "达到", "达"):
        return ">="
    if tail in ("以内", "以下"):
        return "<="
    return "="


def _year(text: str, pos: int, lo: int, issue_date: Optional[str]) -> Optional[int]:
    window = text[max(0, lo - 200, pos - 400):pos]
    years = _YEAR_RE.findall(window)
    if years:
        return int(years[-1])
    sentence = _tail(window, 0, len(window), _SENTENCE_STOPS)
    if issue_date and _THIS_YEAR_RE.search(sentence):
        try:
            return int(issue_date[:4])
        except ValueError:
            return None
    return None


def find_targets(text: str, start: int = 0, end: int | None = None, *,
                 issue_date: str | None = None) -> list[Target]:
    """Quantitative goals in ``text[start:end]``, offsets into ``text``."""
    if not text:
        return []
    n = len(text)
    start, end = clamp(text, start, end)
    out: list[Target] = []
    heading_cache: dict[int, bool] = {}
    for m in _QTY_RE.finditer(text, start, end):
        num_text, unit = m.group("num"), m.group("unit")
        if num_text in ("一", "两", "几") and unit not in ("%", "％", "个百分点", "倍"):
            continue   # 打造一批 / 一个: not a count to meet
        qty = parse_number(num_text)
        if qty is None:
            continue
        ns = m.start()
        clause = _tail(text, max(start, ns - 80), ns, _CLAUSE_STOPS)
        sentence = _tail(text, max(0, ns - 160), ns, _SENTENCE_STOPS)
        narrative = _NARRATIVE_RE.search(clause)
        if narrative and narrative.group() == "累计" and _YEAR_RE.search(sentence) \
                and not _NARRATIVE_RE.search(clause.replace("累计", "")):
            narrative = None    # 到2026年,累计培育…超过3000家
        if narrative or "是否" in sentence or "截至" in sentence:
            continue
        if clause.rfind("《") > clause.rfind("》") or (unit not in ("%", "％") and clause.endswith("的")):
            continue   # inside a title (…的十条), or 院士建立的6家: a defined set, not a goal
        if unit in ("%", "％") and _MONEY_RATIO_RE.search(clause):
            continue   # a subsidy ratio: amounts handles it
        if unit in _MONEY_UNITS and not _MONEY_METRIC_RE.search(clause):
            continue   # a grant, not a goal
        rest = _CLAUSE_HEAD_RE.match(text, m.end(), min(n, m.end() + 16)).group()
        if _ENUM_NOUN_RE.match(rest):
            continue   # 四项任务, 十条措施: counting the document's own parts
        if rest.endswith("的") and m.end() + len(rest) < n and text[m.end() + len(rest)] in _CLAUSE_STOPS:
            continue   # 带动100人以上就业的,给予…: an eligibility condition
        paragraph = _tail(text, max(0, ns - 600), ns, "\n")
        # a plan verb commits only with 以上/左右 or when the count modifies a noun (遴选150名种养大户)
        bound = _BOUND_BEFORE_RE.search(clause) is not None
        planned = ((_PLAN_VERB_RE.search(clause) is not None or (bound and m.group("tail") in ("以内", "以下")))
                   and not _NEWS_RE.search(sentence)
                   and (m.group("tail") in ("以上", "左右") or bound or _CJK_START_RE.match(rest) is not None))
        # 建设1个以上…平台,1个以上…基地: a list continuing the previous target's verb
        continued = (bool(out) and out[-1].end >= ns - 80 and m.group("tail") in ("以上", "左右")
                     and not any(c in text[out[-1].end:ns] for c in "。;；\n"))
        goal = planned or continued or _GOAL_SENTENCE_RE.search(paragraph) is not None
        if not goal:
            line_start = ns - len(paragraph)
            if line_start not in heading_cache:
                heading_cache[line_start] = _goal_heading(text, line_start)
            if not heading_cache[line_start]:
                continue
            goal = True
        verbs = [v for v in _VERB_RE.finditer(clause) if not _NOUN_COMPOUND_RE.match(clause, v.start())]
        if not verbs and not (unit in ("%", "％") and _SHARE_RE.search(clause)):
            if not (continued or (goal and m.group("tail") in ("以上", "左右"))):
                continue
        clause_start = ns - len(clause)
        verb_start, verb_end = (verbs[-1].start(), verbs[-1].end()) if verbs else (0, 0)
        verb_word = verbs[-1].group() if verbs else None
        # in a list (新增孵化器5家、创客空间10家 / 2个产业集群和6个…) each item starts after the separator
        list_start = 0
        for sep in _LIST_SEP_RE.finditer(clause):
            list_start = sep.end()
        seg_start = max(list_start, verb_end)
        if list_start > verb_start:
            seg_start = list_start
        between = _clean_subject(clause[seg_start:])
        before = _clean_subject(_YEAR_LEAD_RE.sub("", clause[:verb_start].strip()))
        if between:
            subject: Optional[str] = between
        elif before and seg_start == verb_end:
            subject = before
        else:
            after = _NOUN_AFTER_RE.match(text[m.end():min(n, m.end() + 14)].lstrip("的"))
            subject = after.group() if after else None
        if list_start > 0:
            s = clause_start + list_start
        elif len(clause) >= 40:
            s = clause_start + verb_start
        else:
            lead = _YEAR_LEAD_RE.match(clause)
            s = clause_start + (lead.end() if lead else 0)
        while s < ns and text[s] in " \t\u3000,，":
            s += 1
        e = m.end()
        if m.group("lo"):
            lo = parse_number(m.group("lo"))
            if lo is not None and lo <= qty:
                qty, comparator = lo, ">="
            else:
                comparator = _comparator(verb_word, m.group("tail"))
        else:
            comparator = _comparator(verb_word, m.group("tail"))
        qty, unit = _scaled(qty, unit)
        out.append(Target(text=text[s:e], start=s, end=e, quantity=qty, unit=unit,
                          comparator=comparator,
                          year=_year(text, ns, start, issue_date), subject=subject))
    return out
