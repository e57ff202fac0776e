"""Responsible units (责任单位) named for a measure.

Covers the ways Chinese policy texts assign work:

* a trailing parenthetical: ``(市科技局、人社局、财政局等部门,各县区人民政府)``,
  ``(省科技厅、省发展改革委…负责)``;
* labelled lists: ``责任单位:…``, ``牵头单位:… 配合单位:…``, reply tables
  ``承办单位: | 主办: | 科技局 | 协办: | 科协``;
* inline assignments: ``由市发展改革委牵头``, ``市科技局牵头,市财政局配合``, and a unit
  as the subject of a clause (``市发展改革委负责…``, ``国家发展改革委会同…``).

Names are split on 、,，;；和及 (not inside parentheses: 各县(市、区)人民政府), stripped
of 等部门/负责, completed with the document's level prefix when the list abbreviates
(``人社局`` -> ``市人社局``), and places sharing one department are expanded
(``各市州、直管市科技局`` -> 各市州科技局, 直管市科技局).
Only strings that look like organisations (ending in 局/委/厅/办/府/会/…) are
kept, so ``(含3万元)`` or ``(街道办)`` inside prose never become units.
"""
from __future__ import annotations

import re

from ..records import UnitRef

# Organisation-name endings, longest first so 管委会 wins over 会.
_SUFFIXES = ("管委会", "委员会", "人民政府", "办公厅", "办公室", "中心支行", "领导小组", "工作组",
             "银监局", "证监局", "保监局", "监管局", "税务局", "海关", "银行", "分行", "支行", "集团", "公司", "中心",
             "政府", "大学", "学院", "研究院", "研究所", "联合会", "协会", "商会", "工商联",
             "事务所", "派出所", "管理所", "电视台", "广播电台", "报社", "学校",
             "人行", "局", "委", "厅", "办", "部", "府", "会", "院", "署", "协", "联", "处")
_LAST_CHARS = frozenset(x[-1] for x in _SUFFIXES)
_UNIT_END_RE = re.compile("(?:" + "|".join(map(re.escape, _SUFFIXES)) + r")$")
# Names that never take the document's level prefix: already placed or not a department.
_PLACED_RE = re.compile(
    r"^(市(?!场)|省|区|县|州|盟|旗|各|全|本|国家|国务院|中央|中国|自治区|团(市|省|区|县)委|人行|人民银行|相关|有关|其他|其它)"
    r"|^(?!市场)[\u4e00-\u9fff]{1,10}?(省|市|县|区|州|盟|旗|镇|乡|街道)"
    r"|(银行|公司|集团|海关|大学|学院|研究院|研究所|支行|分行)$")
_NO_PREFIX_END_RE = re.compile(r"(银监局|证监局|保监局|海关|银行|公司|集团|大学|学院|支行|分行)$")

_LABEL_WORDS = frozenset({"主办", "协办", "试行", "暂行", "承办", "牵头", "配合", "责任", "负责", "参与", "街道办", "办公室",
                          "管委会", "委员会", "人民政府", "政府", "本局", "我局", "本委", "我委", "我办"})
# Verbs and function words never inside an organisation name: 主动与自治区质监局 is a clause.
_NOT_NAME_RE = re.compile(r"的|与|将|使|争取|发挥|明确|拥有|进一步|主动|充分|加强|推进|支持|鼓励|建立|开展|完善"
                          r"|实施|提供|要求|通过|按照|根据|积极|依托|^[我本该其]")
# National ministries keep their name: 科技部 is never 市科技部.
_MINISTRY_RE = re.compile(r"^(科技|财政|教育|商务|工信|工业和信息化|人社|人力资源和?社会保障|自然资源|生态环境|住房和?城乡建设"
                          r"|交通运输|水利|农业农村|农业|文化和旅游|文化|应急管理|审计|司法|民政|公安|外交|国防|中宣|中组)部")
_DROP_TAIL_RE = re.compile(r"(等(有关|相关)?(部门|单位|机构|成员单位)?|分别|共同|按职责分工|按职责)+$")
_ROLE_TAIL_RE = re.compile(r"(牵头负责|牵头|负责|主办|协办|配合|参与|参加|落实|组织实施|实施)$")
# 市科技局(牵头): the role marked in brackets after the name
_ROLE_PAREN_RE = re.compile(r"[(（](牵头|主办|协办|配合|参与)(?:单位|部门)?[)）]$")
_SPLIT_RE = re.compile(r"[、,，;；/|]|(?<=[局委厅办府会院行心司])[和及与](?=[\u4e00-\u9fff])")
_WS_RE = re.compile(r"[\s\u3000\xa0]+")

# 各市州、直管市、神农架林区科技局: places that share the department named at the end.
_PLACE_ONLY_RE = re.compile(r"^各?[\u4e00-\u9fff]{0,8}(市|州|区|县|盟|旗)$")
_DEPT_RE = re.compile(r"^.*?(?:市|州|区|县|盟|旗)((?!.*(?:市|州|区|县|盟|旗))[\u4e00-\u9fff]{1,12}(?:局|委|厅|办|院|中心|管委会|委员会))$")
_LABEL_RE = re.compile(
    r"(?P<label>牵头单位|牵头部门|牵头处室|责任单位|责任部门|责任处室|负责单位|主责单位|配合单位|配合部门|协同单位|协办单位"
    r"|主办单位|主办|协办|参与单位|承办单位|实施单位)"
    r"\s*[:：]\s*\|?\s*(?P<body>(?:(?!主办|协办|牵头(?![)）])|配合(?![)）])|参与|责任)[^\n。:：]){0,200})")
_BY_LEAD_RE = re.compile(
    r"由(?P<body>[\u4e00-\u9fff、,，和及()（）]{2,80}?)(?:统一|共同|具体|分别|按职责)?(?P<role>牵头|负责|主办|会同|组织(?!部)|统筹|审核|认定|实施)")
# A unit as the subject of a clause: 市发展改革委负责… / 国家发展改革委会同… / 市科技局对…
_SUBJECT_RE = re.compile(
    r"(?:^|[。；;:：\n,，]|第[一二三四五六七八九十百\d]{1,4}条|^[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．])[ \u3000]*"
    r"(?P<body>[\u4e00-\u9fff、和及()（）]{2,40}?)"
    r"(?P<verb>将会同|会同|协同|牵头|负责|承担|主办|配合|协助|参与|将|要|应当|应|按照|对|定期|职责|组织(?!部)|委托|统筹|审核"
    r"|及时|联合)")
# 市科技局会同市财政局制定…: the units after 会同 work with the subject
_WITH_OBJ_RE = re.compile(
    r"(?:(?:市|省|区|县|州|国家|自治区)(?!场)[\u4e00-\u9fff]{1,18}?(?:局|委|厅|办|府|会|部|院|中心|行|联)(?![门位构\u4e00-\u9fff]*?[局委厅办府会部院心行联][、和及,，。;；])"
    r"(?:等部门|等单位)?[、和及]?)+")
_WITH_VERBS = frozenset({"将会同", "会同", "协同", "联合"})
# (各区县政府负责落实): a single unit that carries the task
_ONLY_BY_RE = re.compile(r"负责(?:落实|实施|推进|组织实施)?$")
_LEAD_VERBS = frozenset({"将会同", "会同", "协同", "牵头", "负责", "承担", "主办"})
_LEAD_RULE_RE = re.compile(
    r"(排|列)(在|于)?(第一|首)位?的?(单位|部门)?(为|是)牵头"
    r"|第一(个|家)?(单位|部门)?(为|是)牵头"
    r"|首位(单位|部门)?(为|是)牵头"
    r"|牵头(单位|部门)(排|列)(在|于)?(第一|首)")


_NAME_NOISE_RE = re.compile(r"\d|[A-Za-z]{3,}|[。!?！？“”\":：]")
_NOT_NAME_START_RE = re.compile(r"(含|按|给予|不超过|最高|以下|以上|包括|如|即|详见|下同|见)")
# Endings _DROP_TAIL_RE removes (…等部门): a subject ending so may still hide a unit.
_DROPPED_ENDINGS = ("等", "部门", "单位", "机构", "分别", "共同", "职责", "分工")


def document_lead_rule(text: str) -> bool:
    """True when the document declares the first-listed unit the lead (排第一位的单位为牵头单位)."""
    return bool(_LEAD_RULE_RE.search(text or ""))


def is_unit_name(name: str) -> bool:
    """Looks like an organisation: 2-30 chars of Chinese ending in an organisation suffix."""
    if not 2 <= len(name) <= 30 or _NAME_NOISE_RE.search(name):
        return False
    if name in _LABEL_WORDS or _NOT_NAME_RE.search(name):
        return False
    if _NOT_NAME_START_RE.match(name):
        return False
    m = _UNIT_END_RE.search(name)
    if not m:
        return False
    # two-character names only for common abbreviations: 科协, 妇联, 农委
    return len(name) >= 3 or name[-1] in "局委厅办协联"


def complete_name(name: str, level_prefix: str | None) -> str:
    """Add the level prefix to an abbreviated department name (人社局 -> 市人社局)."""
    if not level_prefix or _PLACED_RE.search(name) or _NO_PREFIX_END_RE.search(name) \
            or _MINISTRY_RE.search(name) or name.startswith(("所在", "当地", "属地", "辖区")):
        return name
    return level_prefix + name


def _strip_unbalanced(p: str) -> str:
    """Drop a bracket left over from the split (`(市科技局` / `科协)`), keep 各县(市、区)人民政府."""
    while p and p[0] in "(（" and p.count("(") + p.count("（") > p.count(")") + p.count("）"):
        p = p[1:]
    while p and p[-1] in ")）" and p.count(")") + p.count("）") > p.count("(") + p.count("（"):
        p = p[:-1]
    return p


def _clean(part: str) -> tuple[str, str | None]:
    """Strip 等部门/负责 from one list element; return (name, explicit role word)."""
    p = _strip_unbalanced(_WS_RE.sub("", part).strip("[]【】“”\"'"))
    role = None
    rp = _ROLE_PAREN_RE.search(p)
    if rp:
        role, p = rp.group(1), p[:rp.start()]
    for _ in range(2):
        p = _DROP_TAIL_RE.sub("", p)
        m = _ROLE_TAIL_RE.search(p)
        if m and len(p) > len(m.group(0)) + 1:
            role = role or m.group(0)
            p = p[:m.start()]
    p = _DROP_TAIL_RE.sub("", p)
    return p, role


def _parts(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Spans of list elements in text[s:e], split on 、,，;；和及 outside parentheses
    (各县(市、区)人民政府 is one element)."""
    out, cur, depth = [], s, 0
    last = s
    for m in _SPLIT_RE.finditer(text, s, e):
        seg = text[last:m.start()]
        depth += seg.count("(") + seg.count("（") - seg.count(")") - seg.count("）")
        last = m.start()
        if depth > 0:
            continue
        out.append((cur, m.start()))
        cur = m.end()
    out.append((cur, e))
    return [(a, b) for a, b in out if b > a]


def _trailing_paren(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Inner span of the parenthetical that closes text[start:end] (nesting allowed)."""
    e = end
    while e > start and text[e - 1] in " \t\n\u3000\xa0。.;；":
        e -= 1
    if e <= start or text[e - 1] not in ")）":
        return None
    depth, i = 0, e - 1
    while i >= max(start, e - 402):
        ch = text[i]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            depth -= 1
            if depth == 0:
                return (i + 1, e - 1) if e - 1 - (i + 1) >= 2 else None
        i -= 1
    return None


def _units_from_list(text: str, s: int, e: int, prefix: str | None, default_role: str,
                     lead_first: bool, require_first: bool = True) -> list[UnitRef]:
    """Parse a unit list; roles from explicit words, the lead rule, or the default."""
    # Cut at the first 。 : the Nanning list continues with 排第一位的单位为牵头单位
    dot = text.find("。", s, e)
    if dot >= 0:
        e = dot
    units: list[UnitRef] = []
    inferred_prefix = prefix
    places: list[tuple[int, str]] = []      # bare places waiting for their department
    for a, b in _parts(text, s, e):
        raw = text[a:b]
        lead_ws = len(raw) - len(raw.lstrip(" \t\u3000\xa0\n"))
        a += lead_ws
        raw = text[a:b].rstrip(" \t\u3000\xa0\n")
        name, role_word = _clean(raw)
        if not is_unit_name(name):
            if _PLACE_ONLY_RE.match(name) and name == raw:
                places.append((a, name))
                continue
            if require_first and not units and not places:
                return []       # the list does not start with a unit: not a unit list
            places = []
            continue
        dept = _DEPT_RE.match(name) if places else None
        for pa, place in places if dept else ():
            units.append(UnitRef(name=place + dept.group(1), role=default_role, text=place,
                                 start=pa, end=pa + len(place)))
        places = []
        if inferred_prefix is None and not units and name[0] in "市省区县":
            inferred_prefix = name[0]     # a list opened with 市编办 abbreviates the rest
        # the span that names the unit as written (without 等部门/负责)
        off = raw.find(name[:2]) if name[:2] in raw else 0
        span_end = a + off + len(name) if raw[off:off + len(name)] == name else b
        role = default_role
        if role_word in ("牵头", "牵头负责", "主办"):
            role = "lead"
        elif role_word in ("协办", "配合", "参与", "参加"):
            role = "co"
        units.append(UnitRef(name=complete_name(name, inferred_prefix), role=role,
                             text=text[a + off:span_end], start=a + off, end=span_end))
    if lead_first and units and not any(u.role == "lead" for u in units):
        units[0].role = "lead"
    return units


def find_units(text: str, start: int = 0, end: int | None = None, *,
               level_prefix: str | None = None, lead_rule: bool = False) -> list[UnitRef]:
    """Responsible units named in text[start:end] (offsets into ``text``)."""
    if end is None or end > len(text):
        end = len(text)
    start = max(0, start)
    if start >= end:
        return []
    units: list[UnitRef] = []
    seg = text[start:end]

    inner_span = _trailing_paren(text, start, end)
    paren = (inner_span[0] - 1, inner_span[1] + 1) if inner_span else (end, end)
    if inner_span and not _LABEL_RE.search(text, *inner_span):   # (责任单位:…) is read below
        s, e = inner_span
        inner = text[s:e]
        only_by = _ONLY_BY_RE.search(inner.rstrip()) is not None
        lst = _units_from_list(text, s, e, level_prefix, "co", lead_rule)
        if len(lst) == 1 and only_by:
            lst[0].role = "lead"
        units.extend(lst)

    for m in _LABEL_RE.finditer(seg):
        label = m.group("label")
        s, e = start + m.start("body"), start + m.end("body")
        role = "lead" if label in ("牵头单位", "牵头部门", "牵头处室", "主办单位", "主办") else "co"
        if label in ("责任单位", "责任部门", "责任处室", "负责单位", "主责单位", "承办单位", "实施单位"):
            lst = _units_from_list(text, s, e, level_prefix, "co", lead_rule)
        else:
            lst = _units_from_list(text, s, e, level_prefix, role, False)
        units.extend(lst)

    for m in _BY_LEAD_RE.finditer(seg):
        if seg.startswith("解释", m.end()):
            continue            # 本办法由市科技局负责解释: who interprets, not who acts
        s, e = start + m.start("body"), start + m.end("body")
        role = "lead" if m.group("role") in ("牵头", "负责", "主办") else "co"
        lst = _units_from_list(text, s, e, level_prefix, role, False)
        if len(lst) > 1 and m.group("role") == "负责":
            for u in lst:
                u.role = "co"
            if lead_rule:
                lst[0].role = "lead"
        units.extend(lst)

    for m in _SUBJECT_RE.finditer(seg):
        body = m.group("body")
        if paren[0] <= start + m.start("body") < paren[1]:
            continue            # inside the trailing list, read above
        if "由" in body or body.startswith(("对", "在", "经", "从", "按", "根据", "为")):
            continue
        if body[-1] not in _LAST_CHARS and not body.endswith(_DROPPED_ENDINGS):
            continue            # most clauses: the subject is no organisation (cheap test first)
        s, e = start + m.start("body"), start + m.end("body")
        verb = m.group("verb")
        lst = _units_from_list(text, s, e, level_prefix, "co", False)
        if not lst:
            continue
        if verb in _LEAD_VERBS and (len(lst) == 1 or verb != "负责"):
            lst[0].role = "lead"
        units.extend(lst)
        if verb in _WITH_VERBS:
            obj = _WITH_OBJ_RE.match(seg, m.end())
            if obj:
                units.extend(_units_from_list(text, start + obj.start(), start + obj.end(),
                                              level_prefix, "co", False))

    # one record per unit name, first mention wins; a lead role from any mention wins
    out: dict[str, UnitRef] = {}
    for u in sorted(units, key=lambda u: u.start):
        if u.name in out:
            if u.role == "lead":
                out[u.name].role = "lead"
            continue
        out[u.name] = u
    return sorted(out.values(), key=lambda u: u.start)
