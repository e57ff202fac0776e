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

import bisect
import functools
import re
from dataclasses import dataclass, replace

from ..ingest.region import ZONE_OFFICIAL
from ..records import UnitRef
from ..text import trie_pattern, word_trie
from .tables import vertical_header_cell

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
    r"^(市(?!场)|省|区|县|州|盟|旗|镇|乡|街道|社区|村|各|全|本|国家|国务院|中央|中国|自治区|团(市|省|区|县)委|人行|人民银行|相关|有关|其他|其它)"
    r"|^(?!市场)[\u4e00-\u9fff]{1,10}?(省|市|县|区|州|盟|旗|镇|乡|街道)"
    r"|(银行|公司|集团|海关|大学|学院|研究院|研究所|支行|分行)$")
# Organisations that are no government body (spec: 企业/高校/银行 are beneficiaries or partners, even listed)
# (the central bank's branches are government: 人行西宁中心支行, 中国人民银行…分行)
_NON_GOV_RE = re.compile(r"^(?!.*人民银行|人行).*(?:公司|集团|大学|学院|学校|医院|研究院|研究所|事务所|电视台|广播电台|报社|"
                         r"银行|分行|支行)$")
_NO_PREFIX_END_RE = re.compile(r"(银监局|证监局|保监局|海关|银行|公司|集团|大学|学院|支行|分行|总局|总署)$")   # (总局: a national administration)

_LABEL_WORDS = frozenset({"主办", "协办", "试行", "暂行", "承办", "牵头", "配合", "责任", "负责", "参与", "街道办", "办公室",
                          "管委会", "委员会", "人民政府", "政府", "本局", "我局", "本委", "我委", "我办"})
# Verbs and function words never inside an organisation name: 主动与自治区质监局 is a clause.
_NOT_NAME_RE = re.compile(r"的|了|与|将|使|会同|拨付|其中|组成|下达|表示|[部局厅]长|主任|(?<!自)由|^并|初审|复审|复核|审核|核实|核查|提出|申请|申报|[后并再转]报|争取|发挥|明确|拥有|进一步|主动|充分|加强|推进|支持|鼓励|建立|开展|完善|报送|提交|连同|截止|资料|材料|日期"
                          r"|实施|提供|要求|通过|按照|根据|积极|依托|^[我本该其]"
                          # 感谢贵委员会对…: a reply thanks the proposer's body, "your committee", no unit
                          r"|感谢|贵(?=委员会|委|单位|局|厅|院|部|会|办|公司|中心|协会)")
# National ministries keep their name: 科技部 is never 市科技部.
_MINISTRY_RE = re.compile(r"^(科技|财政|教育|商务|工信|工业和信息化|人社|人力资源和?社会保障|自然资源|生态环境|住房和?城乡建设"
                          r"|交通运输|水利|农业农村|农业|文化和旅游|文化|应急管理|审计|司法|民政|公安|外交|国防|中宣|中组)部")
_DROP_TAIL_RE = re.compile(r"(等(有关|相关)?(部门|单位|机构|成员单位)?|分别|共同|按职责分工|按职责)+$")
_ROLE_TAIL_RE = re.compile(r"(牵头负责|牵头|负责|主办|协办|配合|参与|参加|落实|组织实施|实施)$")
# 市科技局(牵头): the role marked in brackets after the name
_ROLE_PAREN_RE = re.compile(r"[(（](牵头|主办|协办|配合|参与)(?:单位|部门)?[)）]$")
_SPLIT_RE = re.compile(r"[、,，;；/|]|(?<=[局委厅办府会院行心司部署])[和及与](?=[\u4e00-\u9fff])")
_WS_RE = re.compile(r"[\s\u3000\xa0]+")

# 各市州、直管市、神农架林区科技局: places that share the department named at the end.
_PLACE_ONLY_RE = re.compile(r"^各?[\u4e00-\u9fff]{0,8}(省|市|州|区|县|盟|旗)(?:[(（][^()（）]{1,8}[)）][省市区县州旗盟]{0,2})?$")
_DEPT_RE = re.compile(r"^.*?(?:省|市|州|区|县|盟|旗)(?:[(（][^()（）]{1,8}[)）][省市区县州旗盟]{0,2})?"
                      r"((?!.*(?:省|市|州|区|县|盟|旗))[\u4e00-\u9fff]{1,12}(?:局|委|厅|办|院|中心|委员会))$")
_LABEL_RE = re.compile(
    r"(?P<label>牵头单位|牵头部门|牵头处室|责任单位|责任部门|责任处室|负责单位|主责单位|配合单位|配合部门|协同单位|协办单位"
    r"|主办单位|主办|协办|参与单位|承办单位|实施单位"
    # the bare labels of a task line (牵头:县人社局;配合:县财政局、团县委): only before their colon, never the verbs
    r"|(?<![\u4e00-\u9fff])(?:牵头|配合|责任)(?=\s*[:：]))"   # (not 压实责任: / 强化部门配合:, a heading's words)
    r"\s*(?:[】\]]\s*[:：]?|[:：]|为|是)\s*\|?\s*(?P<body>(?:(?!主办|协办|承办|牵头(?![)）])|配合(?![)）])|参与|责任)[^\n。:：]){0,200})")
_BY_LEAD_RE = re.compile(
    r"由(?P<body>(?:(?!由)[\u4e00-\u9fff、,，和及()（）]){2,80}?)(?:统一|共同|具体|分别|按职责)?(?P<role>牵头|负责|主办|会同|组织(?!部)|统筹|审核|认定|实施)")
# a list that names its lead after it: 责任单位:市医保局、市财政局…,其中市医保局为牵头单位
_NAMED_LEAD_RE = re.compile(r"(?:其中|并以|以)\s*([^,，。;；:：\n]{2,30}?)(?:为|作为)牵头(?:单位|部门)")
# what a body charged by 由…负责 is charged with, when it is a recognition or a review: 众创空间认定由市科技局负责
_REVIEW_SUBJECT_RE = re.compile(r"(?:认定|评定|审核|评审|初审|复核|审定|验收)(?:工作|程序)?\s*$")
_REVIEW_AFTER_RE = re.compile(r"(?:认定|评定|评审|审定|验收)(?:工作)?(?:[,，。;；]|$)")   # 由市科技局负责认定
# The policy's own authors, as a page says who wrote it (由…联合印发,自…起施行); not a document cited (由…印发的《…》),
# nor details to be written later (由县科技局会同县财政局另行制定)
_BY_ISSUER_RE = re.compile(r"由(?P<body>(?:(?!由)[\u4e00-\u9fff、和及()（）]){2,60}?)(?<!另行)(?:联合|共同)?"
                           r"(?:制定|制订|印发|出台|发布)(?=[,，。;；]|$)")
# A unit as the subject of a clause: 市发展改革委负责… / 国家发展改革委会同… / 市科技局对…
_SUBJECT_RE = re.compile(
    r"(?:^|[。；;:：\n,，]|第[一二三四五六七八九十百\d]{1,4}条|^[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．])[ \u3000]*"
    r"(?P<body>[\u4e00-\u9fff、和及()（）]{2,40}?)"
    r"(?P<verb>将会同|会同|协同|牵头|负责(?!人[^,，。；;]{0,6}?(?:介绍|表示|说|称|指出|透露|解读|告诉|答)|同志[^,，。；;]{0,6}?(?:出席|参加|陪同|列席|到会|参会|观摩))|承担|主办|配合|协助|参与|将|要|应当|应|按照|对|定期|职责|组织(?!部)|委托|统筹|审核"
    r"|及时|联合)")
# _SUBJECT_RE past position 0 (where its ^ alternatives cannot match), written to open with one character
# class so that the regex engine skips to those characters (~3x faster over a measure)
_SUBJECT_ON_RE = re.compile(
    r"[。；;:：\n,，第](?:(?<!第)|(?<=第)[一二三四五六七八九十百\d]{1,4}条)[ \u3000]*"
    + _SUBJECT_RE.pattern[_SUBJECT_RE.pattern.index("(?P<body>"):])


def _subjects(seg: str) -> list[re.Match]:
    """``list(_SUBJECT_RE.finditer(seg))``: every alternative at 0, the faster form after."""
    first = _SUBJECT_RE.match(seg)
    return ([first] if first else []) + list(_SUBJECT_ON_RE.finditer(seg, first.end() if first else 1))


# 市科技局会同市财政局制定…: the units after 会同 work with the subject
_ITEM_MARK_RE = re.compile(r"[ \t\u3000\xa0]*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]"
                           r"|\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十\d]{1,4}条)[ \t\u3000\xa0]*")
_WITH_OBJ_RE = re.compile(
    r"(?:(?:市|省|区|县|州|国家|自治区)(?!场)(?:(?!组成|组织|开展|进行|负责|成立|对)[\u4e00-\u9fff]){1,18}?(?:局|委|厅|办|府|会|部|院|中心|行|联)(?![门位构\u4e00-\u9fff]*?[局委厅办府会部院心行联][、和及,，。;；])"
    r"(?:等部门|等单位)?[、和及]?)+")
# 经 / 以 before a body inside a clause's subject (评估结果经区卫生健康局审核, 认定结果以省科技厅…认定为准):
# the body after it acts, read by the body scan; the words before it are no name
_THROUGH_RE = re.compile(r"(?:经(?:过)?|(?<=[果据准])以)(?=省|市|区|县|州|自治区|国家|中央)")
_WITH_VERBS = frozenset({"将会同", "会同", "协同", "联合"})
# a government charged with a task (青秀区人民政府负责组织实施, 县政府牵头): it implements, so it counts (spec)
_GOV_DUTY_VERBS = frozenset({"负责", "承担", "牵头", "配合", "协助"})
# (各区县政府负责落实): a single unit that carries the task
_ONLY_BY_RE = re.compile(r"负责(?:落实|实施|推进|组织实施)?$")
_LEAD_VERBS = frozenset({"将会同", "会同", "协同", "牵头", "负责", "承担", "主办"})
_LEAD_RULE_RE = re.compile(
    r"(排|列)(在|于)?(第一|首)位?的?(单位|部门)?(为|是)牵头"
    r"|第一(个|家)?(单位|部门)?(为|是)牵头"
    r"|首位(单位|部门)?(为|是)牵头"
    r"|牵头(单位|部门)(排|列)(在|于)?(第一|首)")


_NAME_NOISE_RE = re.compile(r"\d|[A-Za-z]{3,}|[。!?！？“”\":：]")
_VAGUE_BODY_RE = re.compile(r"^[省市县区镇乡各]?(?:级)?(?:有关|相关|其他|其它)")
_NOT_NAME_START_RE = re.compile(r"(含|按|给予|不超过|最高|以下|以上|包括|如|即|详见|下同|见)")
# Endings _DROP_TAIL_RE removes (…等部门): a subject ending so may still hide a unit.
_DROPPED_ENDINGS = ("等", "部门", "单位", "机构", "分别", "共同", "职责", "分工")


# 由…牵头 marks the lead; 由…负责/组织 names who administers, 由…认定 who certifies (spec roles)
_BY_ROLES = {"牵头": "lead", "主办": "lead", "会同": "lead", "负责": "administrator", "组织": "administrator",
             "统筹": "administrator", "实施": "administrator", "审核": "certifier", "认定": "certifier"}


def document_lead_rule(text: str) -> bool:
    """True when the document declares the first-listed unit the lead (排第一位的单位为牵头单位)."""
    return bool(_LEAD_RULE_RE.search(text or ""))


_SECOND_NAME_RE = re.compile(r"^(?P<first>[^()（）]{2,30})[(（](?P<second>[^()（）]{2,30})[)）]$")


def is_unit_name(name: str) -> bool:
    """Looks like an organisation: 2-30 chars of Chinese ending in an organisation suffix (a second
    name in brackets allowed: 市发展改革委(市粮食和储备局))."""
    two = _SECOND_NAME_RE.match(name)
    if two and is_unit_name(two.group("first")) and is_unit_name(two.group("second")):
        return True
    if not 2 <= len(name) <= 30 or _NAME_NOISE_RE.search(name):
        return False
    if name in _LABEL_WORDS or _NOT_NAME_RE.search(name):
        return False
    if _NOT_NAME_START_RE.match(name) or name.endswith(("部委", "干部", "全部", "内部", "外部", "局部")) \
            or _VAGUE_BODY_RE.match(name):
        return False            # 各级领导干部 / 区有关部(门): people or no body in particular
    m = _UNIT_END_RE.search(name)
    if not m:
        return False
    # two-character names only for common abbreviations: 科协, 妇联, 农委
    return len(name) >= 3 or name[-1] in "局委厅办协联"


def complete_name(name: str, level_prefix: str | None) -> str:
    """Add the level prefix to an abbreviated department name (人社局 -> 市人社局); a 厅 is a
    province's department wherever the document sits (科技厅 -> 省科技厅)."""
    if level_prefix and level_prefix != "省" and name.endswith("厅") and not name.endswith("办公厅"):
        level_prefix = "省"
    if not level_prefix or _PLACED_RE.search(name) or _NO_PREFIX_END_RE.search(name) or name.endswith("部门") \
            or _starts_with_place(name) \
            or _MINISTRY_RE.search(name) or name.startswith(("所在", "当地", "属地", "辖区")):
        return name
    return level_prefix + name


@functools.lru_cache(maxsize=4096)
def _starts_with_place(name: str) -> bool:
    """辽宁金融监管局, 南宁科技局: the name already carries its place (gazetteer)."""
    try:
        from ..ingest.region import gazetteer
        g = gazetteer()
    except Exception:
        return False
    return any(name[:k] in g.full or name[:k] in g.short for k in range(2, min(8, len(name) - 1)))


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
    for verb in ("邀请", "请", "据"):
        if p.startswith(verb) and is_unit_name(p[len(verb):]):
            p = p[len(verb):]   # (邀)请市住房保障和房屋管理局、…负责同志介绍: the verb is no part of the name
            break
    if p.startswith("会同") and is_unit_name(p[2:]):
        p = p[2:]               # 由区民政局牵头，会同区卫生健康局、…: the partner's verb opens the list
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
    if e <= start or text[e - 1] not in ")）〕]":
        return None
    close = text[e - 1]
    opens, closes = ("〔", "〕") if close == "〕" else ("[", "]") if close == "]" else ("(（", ")）")
    depth, i = 0, e - 1
    while i >= max(start, e - 402):
        ch = text[i]
        if ch in closes:
            depth += 1
        elif ch in opens:
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
    clause_start = 0                         # first unit of the current 、-chain (after a ,/;)
    prev_b = s
    for a, b in _parts(text, s, e):
        if any(c in text[prev_b:a] for c in ",，;；"):
            clause_start = len(units)
        prev_b = b
        raw = text[a:b]
        lead_ws = len(raw) - len(raw.lstrip(" \t\u3000\xa0\n"))
        a += lead_ws
        raw = text[a:b].rstrip(" \t\u3000\xa0\n")
        name, role_word = _clean(raw)
        if is_unit_name(name) and _NON_GOV_RE.search(name):
            places = []
            continue            # 鹤壁职业技术学院, 国网…供电公司 in a list: organisations, no government body
        if not is_unit_name(name):
            if _PLACE_ONLY_RE.match(name) and name == raw:
                places.append((a, name))
                continue
            if require_first and not units and not places:
                return []       # the list does not start with a unit: not a unit list
            places = []
            continue
        dept = _DEPT_RE.match(name) if places else None
        # 各市州、直管市、神农架林区科技局: one body as written — its members joined by 、 alone (各区，市人社局 is
        # two clauses), and a government or a zone committee is shared by none (各县区、高新区管委会)
        whole_from = places[0][0] if dept and not _LIST_BREAK_CHARS_RE.search(text, places[0][0], a) \
            and not _COORD_NOT_RE.search(name) else None
        places = []
        if inferred_prefix is None and not units and name[0] in "市省区县":
            inferred_prefix = name[0]     # a list opened with 市编办 abbreviates the rest
        # the span that names the unit as written (without 等部门/负责)
        off = raw.find(name[:2]) if name[:2] in raw else 0
        span_end = a + off + len(name) if raw[off:off + len(name)] == name else b
        tail = raw[off + len(name):]
        if whole_from is not None:
            name = text[whole_from:span_end]
            off, a = 0, whole_from
        role = default_role
        if role_word in ("牵头", "牵头负责", "主办"):
            role = "lead"
        elif role_word in ("协办", "配合", "参与", "参加"):
            role = "co"
        prefix = None if national_company(text, a + off, span_end) else inferred_prefix
        units.append(UnitRef(name=complete_name(name, prefix), role=role,
                             text=text[a + off:span_end], start=a + off, end=span_end))
        if role == "lead" and "等" in tail:
            for u in units[clause_start:]:
                u.role = "lead"           # 省发展改革委、省财政厅等牵头: every unit of the chain leads
    if lead_first and units and not any(u.role == "lead" for u in units):
        units[0].role = "lead"
    return units


# a government or its general office (南宁市人民政府, 市人民政府办公室, 市政府办): as issuer it only promulgates
_GENERAL_OFFICE_RE = re.compile(r"政府(?:办公厅|办公室|办)?$")
# a subject list closed by the governments below (县财政局、各乡镇配合): the bodies before them still act
_LOWER_GROUP_TAIL_RE = re.compile(r"[局委厅办府会院署][、和及]各(?:乡镇|镇|乡|街道|县区|区县|县|区)(?:[(（][^()（）]{1,6}[)）])?$")


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
    if inner_span and _UNIT_END_RE.search(text, max(start, inner_span[0] - 6), inner_span[0] - 1) \
            and is_unit_name(text[inner_span[0]:inner_span[1]]):
        inner_span = None       # 市发展改革委(市粮食和储备局): the body's second name, not a list of others
    if inner_span and _contact_line(text, *_line_bounds(text, inner_span[0])):
        inner_span = None       # 咨询电话:0731-…(市人才服务中心): whom to call, no list of units charged
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
        role = "lead" if label in ("牵头单位", "牵头部门", "牵头处室", "主办单位", "主办", "牵头") else "co"
        if label in ("责任单位", "责任部门", "责任处室", "负责单位", "主责单位", "承办单位", "实施单位", "责任"):
            lst = _units_from_list(text, s, e, level_prefix, "co", lead_rule)
        else:
            lst = _units_from_list(text, s, e, level_prefix, role, False)
        units.extend(lst)

    if "由" in seg:
        for m in _BY_ISSUER_RE.finditer(seg):
            # 新措施由区人社局、区科技局、区财政局联合制定,将于…起实施: the policy's own authors
            units.extend(_units_from_list(text, start + m.start("body"), start + m.end("body"), level_prefix,
                                          "issuer", False))

    for m in _BY_LEAD_RE.finditer(seg):
        if _interprets(seg, m.end(), len(seg)):
            continue            # 本办法由市科技局(会同市财政局)负责解释: who interprets, not who acts
        s, e = start + m.start("body"), start + m.end("body")
        # 由…牵头 marks the lead; 由…负责 names who administers (spec roles)
        role = _BY_ROLES.get(m.group("role"), "co")
        if role == "administrator" and (_REVIEW_SUBJECT_RE.search(seg, max(0, m.start() - 8), m.start())
                                        or m.group("role") == "负责" and _REVIEW_AFTER_RE.match(seg, m.end())):
            role = "certifier"  # 众创空间认定由市科技局负责 / 评定工作由…负责: charged with the recognition, it certifies
        lst = _units_from_list(text, s, e, level_prefix, role, False)
        if len(lst) > 1 and m.group("role") == "负责":
            for u in lst:
                u.role = "co"
            if lead_rule:
                lst[0].role = "lead"
        units.extend(lst)

    for m in _subjects(seg):
        body = m.group("body")
        if paren[0] <= start + m.start("body") < paren[1]:
            continue            # inside the trailing list, read above
        if "由" in body or body.startswith(("对", "在", "经", "从", "按", "根据", "为", "报", "向", "交", "送", "提请", "委托")):
            continue
        if _THROUGH_RE.search(body):
            continue            # 评估结果经区卫生健康局审核: the body after 经 acts, read by the body scan
        if body[-1] not in _LAST_CHARS and not body.endswith(_DROPPED_ENDINGS) and not _LOWER_GROUP_TAIL_RE.search(body):
            continue            # most clauses: the subject is no organisation (cheap test first)
        s, e = start + m.start("body"), start + m.end("body")
        mark = _ITEM_MARK_RE.match(text, s, e)
        if mark:
            s = mark.end()      # （四）市工信局委托…: the item's number is no part of the name
        verb = m.group("verb")
        if _interprets(seg, m.start("verb"), len(seg)):
            continue            # 市人社局、市财政局负责解释: who interprets, as 由…负责解释 (read the same way above)
        if _DOC_AUTHOR_RE.match(text, start + m.start("verb"), end):
            continue            # 县农业农村局、县财政局联合印发的《…》: authors, read by the body scan
        lst = _units_from_list(text, s, e, level_prefix, "co", False)
        if not lst:
            continue
        if verb not in _GOV_DUTY_VERBS:
            lst = [u for u in lst if not u.name.endswith("政府")]   # a government as subject only promulgates
        if not lst:
            continue
        if verb in ("负责", "承担") and len(lst) == 1:
            lst[0].role = "administrator"
        elif verb in _LEAD_VERBS and verb not in ("负责", "承担"):
            lst[0].role = "lead"
        # a subject with no role word of its own (市教育局将对…给予, 区教育局、区卫健局共同组织…): the
        # words around it, read by the body scan, give its role; a default `co` would pass for a
        # listed co-unit
        if any(u.role == "co" for u in lst):
            scan_role = next((bm.role for bm in _span_mentions(text, start, end)
                              if any(bm.start < u.end and u.start < bm.end for u in lst)), None)
            if scan_role:
                for u in lst:
                    if u.role == "co":
                        u.role = scan_role
        units.extend(lst)
        if verb in _WITH_VERBS:
            obj = _WITH_OBJ_RE.match(seg, m.end())
            if obj:
                scanned = _scan_bodies(text, start + obj.start(), end)
                for u in _units_from_list(text, start + obj.start(), start + obj.end(), level_prefix, "co", False):
                    longer = next((b for b in scanned if b.start <= u.start and b.end > u.end), None)
                    if longer is not None:      # 会同市社会保险基金管理局南海分局: the whole name, not 市社会
                        u = _mention_ref(text, longer, level_prefix)
                        u.role = "co"
                    units.append(u)

    # bodies anywhere in the sentence (经…认定, 市财政给予…, 报…备案), beside the lists read above
    taken = [(u.start, u.end) for u in units]
    for bm in _span_mentions(text, start, end):
        if not any(a < bm.end and bm.start < b for a, b in taken):
            units.append(_mention_ref(text, bm, level_prefix))
            continue
        for u in units:         # 省数据局(省营商局): the list read the name, the scan its bracketed alias
            if u.start == bm.start and bm.end > u.end and text[u.end:u.end + 1] in ("(", "（"):
                alias = text[u.end:bm.end]
                u.text, u.end, u.name = u.text + alias, bm.end, u.name + alias

    if "牵头" in text[start:end]:
        by_name: dict[str, list[UnitRef]] = {}
        for u in units:
            if u.name:
                by_name.setdefault(u.name, []).append(u)
        for lm in _NAMED_LEAD_RE.finditer(text, start, end):
            g = lm.group(1)     # 责任单位:市医保局、市财政局…,其中市医保局为牵头单位: the list names its lead after it
            for k in range(len(g)):             # the names it ends with (a lookup per suffix, not per unit)
                for u in by_name.get(g[k:], ()):
                    u.role = "lead"
    for u in units:
        if u.role == "administrator" and "财政" in u.name:
            u.role = "funder"     # a finance body administers money: it funds
    # a zone's committee is its general government, and a government's general office only transmits: issuing
    # a document only promulgates it (spec: …人民政府, …人民政府办公厅 are no units; 本通知由市人民政府办公室印发)
    units = [u for u in units if not (u.role == "issuer" and (u.text.endswith("管委会") or _GENERAL_OFFICE_RE.search(u.name)))]

    # 市数据局牵头，市发展改革委、市工业和信息化局按职责分工负责: beside a lead in its sentence, who is only
    # "responsible by division" works with it (市税务局落实税收优惠, a task of its own, stays administrator)
    leads = [u.start for u in units if u.role == "lead"]
    if leads:
        for u in units:
            if u.role == "administrator" and any(a < u.start and not _SENT_END_RE.search(text, a, u.start)
                                                 for a in leads) and _divided_duty(text, u.end):
                u.role = "co"
    # one record per unit name, first mention wins; a lead role from any mention wins
    out: dict[str, UnitRef] = {}
    for u in sorted(units, key=lambda u: u.start):
        if u.name in out:
            if u.role == "lead":
                out[u.name].role = "lead"
            continue
        out[u.name] = u
    # spec order: the marked lead first, then order of appearance
    return sorted(out.values(), key=lambda u: (u.role != "lead", u.start))


# ---------------------------------------------------------------- bodies anywhere in a sentence
# The spec's units are every government body that administers, funds, certifies, implements or
# receives applications/reports, wherever it stands (经市科技局认定, 市财政给予…补贴, 报省科技厅备案,
# 向区人社局申请) — not only those in 责任单位 lists. A body is recognised by the grammar of agency
# names: an optional place (gazetteer) and level (市/省/区/县/国家/中央…), a functional domain
# (the closed class of government portfolios: 科技, 财政, 人力资源和社会保障, 市场监督管理…) and an
# organisation ending (局/厅/委/委员会/办/办公室/中心/部/署/部门…); the standard shorthands
# (市财政, 人社部门, 科技部, 省科技厅) are the same grammar with parts left out. Its role comes from the
# words around it; bodies that only promulgate (…人民政府, …办公厅), addressees, authors of cited
# documents and publication metadata are left out.

# Government portfolios, long forms first (a closed class, not names seen in any corpus).
_DOMAINS = sorted(set("""
科学技术 科技 科技创新 科创 财政 人力资源和社会保障 人力资源社会保障 人力资源 人社 劳动和社会保障 劳动保障 社会保障 社保
发展和改革 发展改革 发改 工业和信息化 工业与信息化 工业信息化 经济和信息化 经济信息化 经济和信息化 经信 工信 经济和信息 经济信息
商务 经贸 经济贸易 经济 商务和投资促进 投资促进 招商 民政 教育 教育体育 公安 司法 自然资源和规划 自然资源 国土资源 国土
规划和自然资源 规划 生态环境 环境保护 环保 住房和城乡建设 住房城乡建设 住建 城乡建设 建设 交通运输 交通 水利 水务 农业农村
农业 农牧 林业和草原 林业 文化和旅游 文化广电和旅游 文化广电旅游 文广旅 文广新旅 文旅 文化 旅游 卫生健康 卫生和计划生育
卫生计生 卫健 卫生 计划生育 应急管理 应急 审计 统计 市场监督管理 市场监管 工商行政管理 工商 质量技术监督 质监 食品药品监督管理
国有资产监督管理 国资 税务 地方税务 国家税务 国税 地税 医疗保障 医保 退役军人事务 乡村振兴 扶贫开发 扶贫 知识产权 金融工作 地方金融监督管理
地方金融监管 金融监督管理 金融监管 金融 大数据 数据 政务服务和数据管理 政务服务 营商环境 行政审批 机关事务管理 外事 外事侨务 侨务 融媒体 民营经济发展 民营经济
体育 广播电视 广电 新闻出版 人民防空 人防 城市管理 城管 粮食和物资储备 粮食 能源 海洋 气象 档案 住房公积金管理 住房公积金 公积金
人力社保 人力资源保障 外经贸 农机化
就业 就业服务 创业 创业服务 创新创业 人才 人才服务 中小企业 口岸 物价 价格 编制 机构编制 老龄工作 老龄 残疾人 妇女儿童工作 民族宗教 民族事务 宗教事务 民宗 信访
网信 港澳 台湾事务 台办 保密 科学技术协会 外汇 银行保险监督管理 证券监督管理 保险监督管理 银保监 证监 保监 邮政 烟草 电力 通信
劳动就业 劳动 社会保险 社会保险事业 医疗保险 住房保障 住房保障和房产管理 房产管理 房地产管理 房管 不动产登记 公共资源交易 政务服务管理
行政服务 招商引资 民营经济 商贸 供销合作 供销 物资储备 农业机械 农机化 农机 畜牧兽医 畜牧 渔业 海洋渔业 海洋与渔业 水产 林草 园林
园林绿化 市政 市容 城乡规划 测绘 消防救援 消防 公路 港航 港口 航务 邮政管理 通信管理 无线电管理 版权 电影 文物 地方志 老干部 外侨
侨联 红十字 教育考试 招生考试 学生资助 疾病预防控制 疾控 卫生监督 特殊教育 水文 统计调查 调查 价格监督 金融服务 上市 科技成果转化
技术市场 生产力促进 科技情报 专利 商标 标准化 计量 特种设备 药品监督管理 药品 食品安全 数据资源 大数据发展 数字经济 信息化 电子政务
优化营商环境 营商 政策研究 法制 法治 司法行政 公共就业服务 公共就业 人才开发 人力资源开发 社会事务 乡镇企业 中小企业服务 农村经济 农村工作
高新区 经开区 开发区 新区 工业园区 园区 高新技术产业开发区 经济技术开发区 保税区 综合保税区 自贸区 自由贸易试验区 产业园区
经发 经济发展 科工信 科工 工科 经科 自规 资规 政数 投促 商投 社事 社会事业 文体旅 文体 教体 农林水 城管执法 综合行政执法 行政执法
审批服务 行政审批服务 经济运行 财金 住房
""".split()), key=len, reverse=True)
# Organisation endings after a portfolio, longest first.
# A public institution's name ends in what it does + 中心/站/所 (知识产权保护中心, 农业技术推广站, 财政所).
_INST_ENDS = ("保护中心", "促进中心", "发展中心", "指导中心", "保障中心", "事务中心", "评估中心", "交易中心", "推广中心",
              "监测中心", "推广站", "管理站", "管理所", "监管所", "服务所", "兽医站", "服务站", "工作站",
              "监督所", "综合执法大队", "执法大队", "执法支队")
_ORG_ENDS = _INST_ENDS + ("行政主管部门", "行政部门", "主管部门", "管理部门", "部门", "机关", "委员会", "管委会", "办公室", "总局", "分局", "管理局", "管理中心",
             "服务中心", "经办机构", "中心", "局", "厅", "委", "办", "部", "署", "总署")
# Bodies named whole (no portfolio + ending split).
_WHOLE_NAMES = ("省厅", "供销合作社联合社", "供销合作社", "供销社", "财政所", "司法所", "市场监管所", "市场监督管理所", "住房公积金管理中心", "残疾人联合会", "残联", "妇女联合会", "妇联", "科学技术协会", "科协", "银保监会", "证监会", "银监会", "保监会", "总工会", "工商联", "工商业联合会", "侨联", "归国华侨联合会", "团市委", "团省委", "团区委", "团县委", "团委", "共青团",
                "红十字会", "人民银行", "人行", "海关", "税务局", "国务院国资委", "发改委", "经信委", "工信委", "科委", "农委",
                "教委", "卫健委", "建委", "经委", "商委", "编委", "编办", "金融办", "台办", "侨办", "外办", "法制办", "政务办",
                "网信办", "老龄办", "扶贫办", "人防办", "国资委", "政府督查室", "港澳办",
                "农经站", "农技站", "农机站", "经管站",     # a township's farm economy / technology stations
                # the office a claim is filed with, named by its field (readers list them: 3 of 3 on the tune halves)
                "主管税务机关", "医疗保障经办机构", "医保经办机构", "失业保险经办机构", "社会保险经办机构", "社保经办机构")
_PARTY = r"(?:(?:市|省|区|县|州|自治区)?党?委(?:组织部|宣传部|统战部|政法委|编办|机构编制委员会办公室|金融办|金融委员会办公室|网信办|人才工作领导小组办公室|人才办|农办|财经办|老干部局|机要局|党史研究室|政策研究室|巡察办|督查室))"
def _trie_alt(words) -> str:
    """One regex alternation for many words, nested by shared prefixes (one branch per position:
    far faster than a flat alternation); the longest word wins, as sorted alternatives would."""
    return trie_pattern(word_trie(words))


_DOMAIN_ALT = _trie_alt(_DOMAINS)
# A portfolio alone (no ending) names a body only as these shorthands: 市财政, 中央财政, 县财政.
_BARE_OK = frozenset({"财政", "人社", "税务", "医保", "人力资源社会保障", "人力资源和社会保障"})
_FIRST_CHARS = "".join(sorted({w[0] for w in _DOMAINS} | {w[0] for w in _WHOLE_NAMES} | set("市省区县州自委党")))
_BODY_RE = re.compile(
    "(?=[" + _FIRST_CHARS + "])(?P<body>" + _PARTY
    + "|(?:" + _DOMAIN_ALT + r")(?:(?:和|与)?(?:" + _DOMAIN_ALT + "))*"
    + "(?P<end>" + "|".join(map(re.escape, _ORG_ENDS)) + ")"
    + "|" + _trie_alt(_BARE_OK)
    + "|" + "|".join(map(re.escape, sorted(_WHOLE_NAMES, key=len, reverse=True))) + ")")
# Level words that may open a name (longest first); 市(?!场) is handled by the domain list itself.
_LEVELS = ("县级以上地方人民政府", "县级以上人民政府", "县级以上地方", "县级以上", "设区的市人民政府", "省人民政府", "市人民政府", "县人民政府",
           "区人民政府", "自治区人民政府", "中华人民共和国", "国务院", "国家", "中央", "所属县市区", "所属县市", "所在县市区",
           "各县(市、区)", "县(市、区)", "各区、县(市)", "区、县(市)", "各区(市)县", "区(市)县", "各县(市)区", "县(市)区",
           "各市(州)", "市(州)", "各市、县(区)", "市、县(区)", "各县(区)", "县(区)", "各县、市、区", "县、市、区", "各县市区", "县市区", "县(市)", "所属", "所在", "自治区", "省级", "市级", "县级", "区级", "省上", "市本级", "县本级",
           "各市州", "市州", "各县区", "各区县", "县区", "区县", "市县", "县市", "市区", "区(县)", "市(县)", "县(市)区",
           "各盟市", "盟市", "各地州市", "地州市", "各旗县(市、区)", "旗县(市、区)", "各旗县市区", "旗县市区", "各旗县区", "旗县区", "各旗县", "旗县",
           "各设区市", "设区市", "设区的市", "各地级以上市", "地级以上市", "各地级市", "地级市", "各地市", "地市",
           "地方各级", "省级地方", "各市", "各县", "各区", "各地", "各级", "地方", "所在地", "当地", "同级",
           "属地", "本级", "上级", "自治州", "自治县", "自治旗", "省", "市", "区", "县", "州", "旗", "盟")
# pages write the bracketed level lists with full-width brackets as often as not: 县（市、区）卫生健康局
# (苏木: Inner Mongolia's township, 苏木镇农机管理站)
_LEVELS = _LEVELS + ("乡镇(街道)", "镇(街道)", "乡(镇)", "乡镇人民政府(街道办事处)", "镇人民政府(街道办事处)", "苏木乡镇", "苏木镇",
                     "乡镇", "镇", "乡", "街道")
_LEVELS = _LEVELS + tuple(lv.replace("(", "（").replace(")", "）") for lv in _LEVELS if "(" in lv)
# and any bracketed list of levels the enumeration above lacks: 区(县、市), 市(州、区), 县（区）, 地(州、市) (新疆)
_LEVEL_LIST = r"(?:各?(?:[省市区县州旗]{1,2}|地)|乡?镇)[(（](?:[省市区县州旗乡镇、]|街道?){1,7}[)）][省市区县州旗]{0,2}"   # 镇(街)
# 地区 of a prefecture (和田地区发展和改革委员会: 新疆, 西藏), not of 所在地区/本地区
_LEVEL_TAIL_RE = re.compile("(?:" + "|".join(map(re.escape, sorted(_LEVELS, key=len, reverse=True))) + "|"
                            + _LEVEL_LIST + "|(?<![在本该各此全])地区)$")
_PARTY_HEADS = ("市委", "省委", "区委", "县委", "州委", "委", "自治区党委", "自治区委", "党委")

# Shorthand -> canonical portfolio, so 市科技局 and 南宁市科学技术局 are one body.
_CANON = (("科学技术", "科技"), ("人力资源和社会保障", "人社"), ("人力资源社会保障", "人社"), ("人力资源", "人社"), ("人力社保", "人社"), ("人力资源保障", "人社"),
          ("劳动和社会保障", "人社"), ("劳动保障", "人社"), ("发展和改革", "发改"), ("发展改革", "发改"),
          ("工业和信息化", "工信"), ("工业与信息化", "工信"), ("工业信息化", "工信"), ("经济和信息化", "经信"),
          ("经济信息化", "经信"), ("住房和城乡建设", "住建"), ("住房城乡建设", "住建"), ("卫生健康", "卫健"),
          ("卫生和计划生育", "卫计"), ("卫生计生", "卫计"), ("市场监督管理", "市场监管"), ("自然资源和规划", "自然资源"),
          ("规划和自然资源", "自然资源"), ("文化广电和旅游", "文旅"), ("文化广电旅游", "文旅"), ("文化和旅游", "文旅"),
          ("医疗保障", "医保"), ("残疾人联合会", "残联"), ("妇女联合会", "妇联"), ("科学技术协会", "科协"),
          ("经济贸易", "经贸"), ("国有资产监督管理", "国资"), ("地方金融监督管理", "金融"), ("金融工作", "金融"),
          ("生态环境", "环境"), ("环境保护", "环境"), ("委员会", "委"), ("办公室", "办"), ("行政主管部门", "部门"),
          ("主管部门", "部门"), ("管理部门", "部门"), ("住房公积金管理中心", "公积金中心"), ("住房公积金中心", "公积金中心"),
          # the party's standard shorthands: 市委人才办 = 中共绵阳市委人才工作领导小组办公室, 市委编办, 市委教育工委
          ("人才工作领导小组办公室", "人才办"), ("机构编制委员会办公室", "编办"), ("教育工作委员会", "教育工委"))
_CANON_RE = re.compile("|".join(map(re.escape, sorted(dict(_CANON), key=len, reverse=True))))
_CANON_MAP = dict(_CANON)
# Dept endings that name the same body: 财政局/财政厅/财政部门/财政 (a city's 财政 is its 财政局).
_END_CLASS = {"局": "局", "厅": "局", "部门": "局", "机关": "局", "": "局", "委": "委", "办": "办", "部": "部", "中心": "中心"}

# Words around a body that give its role. Before it: 经…认定, 由…负责, 向/报…申请.
_PRE_ROLE = (("经", "certifier"), ("经过", "certifier"), ("由", "administrator"), ("委托", "administrator"),
             ("向", "receiver"), ("报", "receiver"), ("报送", "receiver"), ("上报", "receiver"), ("报请", "receiver"), ("提交", "receiver"),
             ("报经", "certifier"), ("交", "receiver"), ("送", "receiver"), ("寄送至", "receiver"), ("寄至", "receiver"),
             ("送至", "receiver"), ("提交至", "receiver"), ("报送至", "receiver"), ("会同", "co"), ("配合", "co"),
             ("协助", "co"), ("联合", "co"), ("获得", "certifier"), ("取得", "certifier"), ("函告", "receiver"),
             ("告知", "receiver"), ("抄告", "receiver"), ("提请", "receiver"), ("移交", "receiver"), ("移送", "receiver"),
             ("转交", "receiver"), ("转送", "receiver"), ("转报", "receiver"), ("到", "receiver"),
             ("抄送", "receiver"), ("抄报", "receiver"))   # 同时抄送市科技局 (抄送: a distribution line is no cue)
# 向所在县(市、区)人社部门申请, 向注册地所在区(县)…, 向户籍所在地…: a locative between the cue and the
# body keeps the cue (whose place: 注册地, 学校所在地, 企业所属)
_PRE_ROLE_RE = re.compile("(?P<w>" + "|".join(re.escape(w) for w, _ in sorted(_PRE_ROLE, key=lambda x: -len(x[0])))
                          + r")\s*(?:(?:(?![向由报经交送])[\u4e00-\u9fff]){0,4}?(?:所在地?|所属|(?:注册|户籍|参保|就业|居住|经营|登记|纳税|缴费)地)|当地|属地|辖区|各|主管)?\s*$")
_PRE_ROLE_MAP = dict(_PRE_ROLE)
# 向房屋所在地住房和城乡建设部门申领: the body's own level word (所在地) holds the locative, so its owner (房屋,
# 企业, 户籍) stands alone between the cue and the body
_PRE_ROLE_OWNER_RE = re.compile(r"(?P<w>向|由|报送|报|提交|交|到)\s*(?:房屋|住房|企业|项目|学校|户籍|本人|单位|个人|申请人|"
                                r"生产经营|经营|注册|就业|居住|参保|纳税|工作|住所|机构|用人单位|用工单位)\s*$")
_CERT_WORDS = "认定|评定|审定|认可|授权|批准|审批|核准|颁发|评审|审核|验收|确认|考核|命名|授予|备案|登记|核定|审查|推荐|初审|复审|复核|核实|核查|会审|联审|评选|遴选|择优|核发|同意"
_POST_ROLE = (
    ("lead", r"(?:牵头|会同|将会同)"),
    ("issuer", r"(?:联合)?(?:发布(?!会)|印发|出台|下发|公布|颁布|发出|制定|制订|修订|发文)"
               # a notice the body published on a day, as the lead of the page that prints it (省工信厅10月9日公示,
               # 拟对…; 财政部25日在公告,…): the word closes its clause (县人社局公示,公示期为5个工作日 and
               # 由区人社局公示5个工作日 are steps of the procedure; 根据市财政局公告,… cites a notice)
               r"|(?:(?<=\d日)|(?<=[一二三四五六七八九十]日)|(?<=日在))(?:公示|公告|通告)(?=\s?[,，:：])"),
    ("certifier", _CERT_WORDS + "|出具"),
    ("funder", r"(?:下达[^,，。;；]{0,8}?(?:资金|经费|补助|奖励|补贴)(?!指标|名额|任务|计划)|加大(?:资金|财政|经费)?(?:投入|支持)(?!力度)|给予|安排(?!(?:专门|相关|有关)?(?:专人|人员|技术人员|工作人员|督导组|工作组|力量|人手|专家(?![^,，。;；]{0,4}?(?:经费|费用|资金|补贴))))(?=[^,，。;；]{0,14}?(?:资金|经费|补助|补贴|奖励|预算|专项|\d))|拨付|核拨|拨给|拨出|拨款|结算|补助|补贴|奖励|承担|列支|出资|资金|预算|专项资金|负担|分担|兑付|兑现|筹集|配套|统筹安排(?=[^,，。;；]{0,8}?(?:资金|经费|补助|补贴|奖励|预算|专项|\d))|按[^,，。;；\n]{1,24}?(?:给予|分担|承担|负担|配套|安排(?=[^,，。;；]{0,8}?(?:资金|经费|补助|补贴|奖励|预算|专项|\d))))"),
    ("receiver", r"(?:受理|接收|收到|汇总)"),
    ("co", r"(?:配合|协助|参与)"),
    ("administrator", r"(?:负责(?!人|同志)|主管|管理|组织|实施|统筹|指导|监督|推进|开展|会同|按照|根据|定期|做好|加强|建立|设立|举办|"
                      r"累计|提出|下达|委托|公示|发放|落实|协调|应当|应|要|将|已|对(?!接)|就|在|为|共同|分别|具体|联合|合作|共建|审查|核查|"
                      r"检查|跟踪|进行|及时|确定|决定|明确|推动|启动|督促|办理|承办|部署|以|通过|采取|制作|编制|牵头|"
                      r"增加|投入|设立|核实|核拨|拨|审定|研究同意|研究决定|审议|依托|利用|结合|围绕|针对|搭建|查处|查办|处罚|征收|执法|"
                      r"做实|抓好|把好|用好|做细|加大|"
                      # the acts of a body's own programme (市科技局完善…, 区人社局提供…): it administers them
                      r"完善|优化|简化|提升|提高|强化|深化|推行|推广|探索|引导|鼓励|支持|培育|实行|执行|保障|服务|宣传|"
                      r"通报|抽查|评估|监测|邀请|聘请|组建|成立|召开|建设|打造|督查|清理|整治|规范|指派|派出|设置|配备|"
                      r"提供|核算|报送|上报|发起|印制|开发|建成|健全|加快|公开|推出"
                      # a plan of its own with its time or act (市交通运输局计划在2025年6月底前完成…)
                      r"|计划(?=在|于|到|今年|明年|年内|\d|投入|安排|新建|建设|完成|开展|实施|组织))"),
)
_POST_RE = re.compile("|".join(f"(?P<{r}>{p})" for r, p in _POST_ROLE))
# Between a body and its verb: adverbs, time words and 等N部门.
_POST_SKIP_RE = re.compile(r"(?:[、,，和及与]?等?[\d一二三四五六七八九十多]*(?:个)?(?:部门|部委|单位|机构)|[(（][^()（）\n]{1,24}[)）]|"
                           # a partner beside it that is no body of the spec's, a government or an enterprise
                           # (省人社厅与天河区人民政府合作共建…, 市人社局与中国银行合作推出…, 市农业农村局携手市农担公司推出…):
                           # no list member, and the verb after it is still the body's own
                           r"(?:[与和及]|同(?![意时步样等])|携手)[\u4e00-\u9fff]{1,12}?(?:人民政府|政府|银行|公司|集团|大学|学院|研究院|协会|商会)"
                           r"(?![\u4e00-\u9fff]{0,2}(?:办公|的))|"
                           # a date on the way to the verb: 于2023年10月31日前将…报; a news day only before the
                           # act it dates (南山区科技创新局11日发布通知; 财政部25日在官网上… is no act of its own)
                           r"(?:于)?(?:(?:19|20)\d{2}\s?年)?[×\d一二三四五六七八九十]{1,4}月[×\d一二三四五六七八九十]{1,3}日(?:前|之前|以前)?|"
                           r"[\d一二三四五六七八九十]{1,3}日(?=(?:联合)?(?:发布|印发|出台|下发|公布|颁布|发出))|"
                           r"[\d一二三四五六七八九十]{1,3}日在?(?=(?:公示|公告|通告)\s?[,，:：])|"
                           # a month, on its own or in a year (区科技局于每年3月组织申报, 于6月底前将…报)
                           r"(?:于)?(?:每年|今年|明年|次年)?(?:(?:19|20)\d{2}\s?年)?[\d一二三四五六七八九十]{1,2}月(?:份|初|底|末|中旬|上旬|下旬)?(?:前|之前|以前|起)?|"
                           r"(?:于)?(?:每月|每季度|每半年)(?:[\d一二三四五六七八九十]{1,2}日|末|初|底)?(?:前|之前|以前)?|"
                           r"(?:在)?[\d一二三四五六七八九十]{1,3}个?(?:工作日|日|天|个月|月)(?:内|以内)|将|已|已于|于|均|各|分别|共同|统一|"
                           r"近日|日前|今年|近期|每年|按规定|依法|要|应|应当|全面|积极|进一步|认真|切实|大力|加快|继续|持续|不断|主动|"
                           r"及时|即时|严格|专门|还|也|都|正式|重点|首次|先后|随后|目前|现|亦|每年|逐年|统一|一次性|足额|按月|按季度|按年度|"
                           r"按季|按年|按时|全额|直接|据实|予以|给以)*")
# Contexts that exclude a mention.
# (发文机关/制定机关/发文单位 name who issues the document, not who published the page: an issuer when a
# functional department, read by _FIELD_LABEL_RE; a general government there only promulgates, dropped as such)
_META_RE = re.compile(r"((?<!资金)来源|发布机构|发布部门|公开责任部门|责任部门】|主办单位|承办单位|主管单位|主办|编辑|撰稿|责编|"
                      r"版权所有|技术支持|索引号|发布日期|发布单位|联系单位|所属机构|信息来源|举报单位|监督单位)[】\]:：\s|•]*$")
_DOC_AUTHOR_RE = re.compile(r"(?:\s*[、,，和及与]\s*\S{0,30}?)?(?:等\s*[\d一二三四五六七八九十]*\s*个?(?:部门|部委|单位))?\s*"
                            r"(?:关于|联合印发|印发的|发布的|制定的|出台的|公布的|颁布的|下发的|《"
                            # 合肥市民政局对市十七届人大三次会议第156号代表建议的答复: the body that replies
                            r"|对[^\n。]{0,40}?(?:建议|提案|议案)的?(?:答复|复函)"
                            # 南宁市人力资源和社会保障局文件: the red header of a department's own document
                            r"|文件[ \t\u3000]*(?=\n|$)"
                            # 南宁市科学技术局转发自治区科技厅关于…的通知: the body that forwards issues the notice
                            r"|转发(?!的)"
                            # 南宁市人力资源和社会保障局公告(2024年第1号): a body's own announcement
                            r"|(?:公告|通告)[ \t\u3000]*(?=\n|$|[(（〔\[]?\s*(?:19|20)\d{2}\s*年?\s*第))")
# A title followed on its line by its number in brackets is cited, not this document's own title.
_CITED_NUMBER_RE = re.compile(r"》?\s*[(（][^()（）\n]{0,12}[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*\d{1,4}\s*号\s*[)）]")
# …的企业 after the filing, before the sentence ends (在区市场监管局登记注册、具有独立法人资格的企业, 在卫生健康部门
# 备案满6个月的托育机构, 在县民政部门登记，且正常运营1年以上的): the filing describes who qualifies, no act
_DESCRIBES_RE = re.compile(r"[^。；;\n]*?(?<!后)的[^,，。；;\n]{0,6}?(?:企业|机构|单位|个人|组织|主体|项目|人员|家庭|农户|合作社|公司|商户|"
                           r"个体工商户|经营者|创业者|人才|学校|医院)")
_FILED_AT_RE = re.compile(r"\s*(?:依法)?(?:办理|完成|进行)?(?:登记|注册|备案)(?:注册|登记|手续)?")
_REGISTERED_RE = re.compile(r"\s*(?:依法)?(?:登记|注册|备案|办理(?:登记|注册))")
_GUIDED_RE = re.compile(r"\s*(?:的)?(?:业务)?(?:指导|领导)下")
_INTERPRET_RE = re.compile(r"\s*(?:负责|具体)?(?:解释|释义)")
# (a partner's name may stand between: 由市人社局会同市财政局负责解释; a duty that only ends in 解释 does not:
# 负责资金拨付并做好政策解释)
def _interprets(text: str, i: int, hi: int) -> bool:
    """The clause at ``i`` says who interprets the document (a cheap find before the pattern)."""
    j = min(hi, i + 40)
    return (text.find("解释", i, j) >= 0 or text.find("释义", i, j) >= 0) \
        and _INTERPRET_CLAUSE_RE.match(text, i, hi) is not None


_INTERPRET_CLAUSE_RE = re.compile(r"(?:\s*(?:会同|和|与|及|、)?[^,，。;；\n]{0,14}?(?:局|委|厅|办|中心|部门|部|院|会))?\s*"
                                  r"(?:负责|具体)?(?:解释|释义)(?:本(?:实施)?(?:办法|细则|意见|通知|方案|政策|规定|措施|指引|指南))?(?=[,，。;；\n]|$)")
_LIST_LABEL_RE = re.compile(r"(牵头单位|牵头部门|主办单位|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|实施单位|"
                            r"承办单位|协同单位|责任主体)\s*(?:[】\]]\s*[:：]?|[:：]|为|是)")
# What an addressee line holds besides body names: 各…, places, 有关单位, 直属机构, separators.
_ADDRESSEE_WORDS_RE = re.compile(r"各|有关|相关|直属|单位|部门|机构|企业|人民政府|政府|街道办事处|办事处|计划单列市|直辖市|自治区|"
                                 r"[\u4e00-\u9fff]{0,12}?(?:实验|示范|合作|试验)区?|"     # 郑州航空港经济综合实验区经发局
                                 r"[\u4e00-\u9fff]{0,6}?(?:新区|开发区|高新区|省|市|区|县|州|盟|旗)|[、,，()（）\s:：;；]")
_PAGE_PROVIDER_RE = re.compile(r"(?:本页面?|本网站?|本站|页面|网站)(?:信息|内容)?(?:由|来源于|来源:|来源：)\s*$")
_DUTY_WORD_RE = re.compile(r"要|应当?|须|负责|做好|落实|加强|按照|结合")
_LINKS_LINE_RE = re.compile(r"\s*(?:相关链接|友情链接|网站链接|链接|相关网站)\s*[:：|]")
_COLON_RE = re.compile(r"(?<!\d)[:：](?!\d)|[。；;\n]")     # 6:4 is a ratio, not an addressee colon
_GAP_RE = re.compile(r"\s{1,}")
_CC_RE = re.compile(r"^\s*(抄送|抄报|主送|分送|报送|发送)")


_PLACE_ENDS: tuple = (None, 0, 0, frozenset())


def _place_ends(g) -> frozenset:
    """The last characters of the gazetteer's full and short names, read once per gazetteer."""
    global _PLACE_ENDS
    key = (g, len(g.full), len(g.short))
    if _PLACE_ENDS[:3] != key:
        _PLACE_ENDS = key + (frozenset(w[-1] for names in (g.full, g.short) for w in names if w),)
    return _PLACE_ENDS[3]


def _place_before(text: str, i: int, lo: int) -> int:
    """Start of the place names (南宁市, 湖北省襄阳市, 辽宁) that end at ``i`` (``i`` if none)."""
    try:
        from ..ingest.region import gazetteer
        g = gazetteer()
    except Exception:    # the gazetteer is optional here
        return i
    ends = _place_ends(g)
    start = i
    while True:
        if start <= lo or text[start - 1] not in ends:
            return start    # no name ends with this character (most calls: skips the slices below)
        hit = 0
        for k in range(min(12, start - lo), 1, -1):
            w = text[start - k:start]
            if w in g.full or w in g.short:
                hit = k
                break
        if not hit:
            return start
        start -= hit


def _canon_key(level: str, core: str) -> str:
    """Identity of a body across its written forms: 市科技局 = 南宁市科学技术局 = 市科技."""
    c = _CANON_RE.sub(lambda m: _CANON_MAP[m.group()], core)
    for end in ("部门", "机关", "中心", "局", "厅", "委", "办", "部", "署"):
        if c.endswith(end) and len(c) > len(end):
            base, e = c[:-len(end)], end
            break
    else:
        base, e = c, ""
    return f"{level}|{base}|{_END_CLASS.get(e, e)}"

_BANK_RE = re.compile(r"(?:中国)?(?:人民银行|人行)(?:[\u4e00-\u9fff]{2,8}?(?:分行|中心支行|支行|营业管理部))?"
                      r"|国家金融监督管理总局(?:[\u4e00-\u9fff]{2,6}?监管(?:分)?局)?")
_NONSPECIFIC = frozenset({"各级", "地方", "所在地", "当地", "属地", "同级", "上级", "各地"})
# A body's main role in the document (spec: each unit once, with its main role; the marked lead
# first): a department that issues the document (title, signature, a news lead's 联合印发) is its issuer,
# whatever else the text has it do — lead, certify, receive, pay (readers of the tune halves: 154 of 208
# mentions of such bodies; dev2 alike); else a marked lead, then what it is said to do. A partner (会同Y,
# 配合单位, a 责任单位 list) that pays, certifies or receives elsewhere takes that role; the list still
# outranks a generic verb (加强/推进: administrator). A file passed on inside government (审核后报区财政局,
# 函告/告知 X: receiver_weak) is no application the body receives: its own act elsewhere is its role.
# A body applications are made to that also reviews them (向县商务主管部门提交…，县商务主管部门初审后报…) is
# their receiver: readers of the tune halves 31 of 39 such bodies (certifier 3); so receiver ranks first —
# unless it decides (审核认定, 审定, 批准: certifier_strong), as the spec's certifying body does.
_DECIDES_RE = re.compile(r"[^,，。；;]{0,8}?(?:认定|审定|批准|核准|审批|颁发|授予|命名)")
_ROLE_RANK = {"issuer_strong": -1, "issuer": -0.5, "lead": 0, "certifier_strong": 1.7, "certifier": 2, "receiver": 1.8,
              "funder": 5, "co_list": 6, "receiver_weak": 7, "administrator": 8, "co": 9, "administrator_weak": 10, "funder_weak": 10}
# A finance body that pays is a funder before anything else it does but issue the document or lead
# (经区商务局、区财政局审核后,由区财政局按月拨付: it also reviews, but paying is its part).
_FINANCE_RANK = dict(_ROLE_RANK, funder=1.5)
_RECEIVE_AFTER_RE = re.compile(r"申请|提出|申报|报送|备案|提交|报告|报批|审批|核准|登记|备查|申领|递交|报名|反映")
# 向…咨询/举报/投诉: a contact for questions or complaints, not a body receiving applications; 向…反映 (an
# objection to a 公示) goes to the body that decides (genre tune gold lists it 10 times of 11)
_CERT_AFTER_RE = re.compile(_CERT_WORDS)


_BAD_NEXT = {"办": "法理事好学", "局": "面势限", "委": "托屈婉", "部": "署分位队", "心": "城区", "厅": "堂",
             "所": "得有属需谓述以在", "站": "点位"}
# A unit inside a bureau, written on after it: 市公安局交通管理支队, 市税务局第一稽查局, 市场监管局高新区分局,
# the centre a bureau runs (市农业农村局农机化服务中心), the discipline group stationed in it (…工信局纪检监察组)
_SUBUNIT_RE = re.compile(r"(?:(?![" + "的了是为在对将把被从向由给按以及等各其该我本这那就都也还或并要应已于即可和与"
                         + r"])[\u4e00-\u9fff]){0,8}?(?:支队|大队|总队|分局|稽查局|服务中心|管理中心|管理站|管理所|纪检监察组)")
_SUBUNIT_BAD_RE = re.compile(r"联合|会同|指导|负责|组织|督促|配合|协调|牵头|协助|委托|通知|印发")


@dataclass
class _Mention:
    start: int
    end: int
    level: str          # level word written before the portfolio ("" if none)
    place: str          # place name written before it ("" if none)
    core: str           # portfolio + ending: 科技局, 财政, 人社部门
    role: str | None = None
    strength: int = 1   # 0: issuer read from a signature or title only


# Beyond the closed portfolio list: a place or level word, then any short portfolio of plain name
# characters, then a strong organisation ending (鄂州市住房和城市更新局, 市农机化管理办公室,
# 省疫情防控指挥部, 县主管部门). Function words, verbs of the clause and general governments never sit
# inside an agency name.
# Township offices that take applications (向所在镇(街道)劳动保障所提交, 乡镇农业农村服务中心受理)
_GRASSROOTS_ENDS = ("劳动保障所", "劳动保障事务所", "财政所", "司法所", "民政办", "社会事务办", "社会事务服务中心",
                    "农业服务中心", "农业农村服务中心", "农技站", "农业技术推广站", "服务站", "社保所", "人社所",
                    "人社服务所", "人力资源和社会保障所", "人力资源和社会保障服务所", "就业服务所")
_FREE_STOP = "的了是为在对将把被从向由给按以及等各其该我本这那就都也还或并要应已于即可"
_FREE_RE = re.compile(
    r"(?<=[省市区县州旗盟镇乡道)）家])(?![场民域级内里属直辖长委省市区县州])(?P<core>(?:(?![" + _FREE_STOP + r"])[\u4e00-\u9fff]){2,12}?"
    r"(?:局|厅|委员会|办公室|指挥部|管理中心|服务中心|领导小组办公室|领导小组|支队|总队|就业服务机构|人才服务机构|" + "|".join(_INST_ENDS + _GRASSROOTS_ENDS)
    + r")|(?:(?![" + _FREE_STOP + r"])[\u4e00-\u9fff]){0,8}?(?:" + "|".join(_GRASSROOTS_ENDS)
    + r")|(?:行业)?主管部门)(?![面势限堂托得有属需谓述点位])")
_FREE_BAD_RE = re.compile(r"政府|党委|人大|政协|法院|检察|申请|申报|认定|审核|初审|复审|复核|核实|核查|[后并再转]报|提交|汇总|上报|报送|负责|牵头|会同|配合|设立|成立|组建|给予|组织|"
                          r"支持|鼓励|推荐|评审|企业|公司|孵化|基地|空间|平台|园区|学校|医院|大学|"
                          r"[全大格布结时开战终]局$")   # 经济社会发展全局: a 局 that is no bureau


# A leading group's office is named by its task, which may hold words and characters no bureau's name does
# (国家高新技术企业认定管理工作领导小组办公室, 市就业创业工作领导小组办公室): only the clause's own verbs are kept out.
_GROUP_BAD_RE = re.compile(r"政府|党委|人大|政协|申请|申报|[后并再转]报|提交|上报|报送|负责|牵头|会同|配合|给予|组织|公示|公布")
_GROUP_OFFICE_RE = re.compile(r"(?<=[省市区县州旗盟家])(?P<core>(?:(?![的了是为在对将把被从向由给按以及等各其该我本这那都也还或并要应已于即可"
                              r"])[\u4e00-\u9fff]){2,20}?(?:领导小组办公室|领导小组))")


def _scan_free(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans (start of the portfolio, end) of anchored agency names the portfolio list lacks."""
    out = _scan_free_names(text, lo, hi)
    if text.find("领导小组", lo, hi) >= 0:
        for m in _GROUP_OFFICE_RE.finditer(text, lo, hi):
            s, e = m.span("core")
            if not _GROUP_BAD_RE.search(m.group("core")) and not any(a < e and s < b for a, b in out):
                out.append((s, e))
        out.sort()
    return out


# 经市级主管部门审核, 报县级行政主管部门备案: a level word with 级 before the generic ending (_FREE_RE keeps 级
# out after a place character, as 市级财政 is read by the portfolio grammar)
_LEVEL_MANAGER_RE = re.compile(r"(?<=[省市区县州旗]级)(?:行业|行政)?主管部门(?![面势限堂托得有属需谓述点位])")


def _scan_free_names(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out = []
    if text.find("级", lo, hi) >= 0 and text.find("主管部门", lo, hi) >= 0:
        out = [m.span() for m in _LEVEL_MANAGER_RE.finditer(text, lo, hi)]
    pos = lo
    while True:
        m = _FREE_RE.search(text, pos, hi)
        if not m:
            return sorted(out)
        s, e = m.span("core")
        core = m.group("core")
        if _FREE_BAD_RE.search(core) or _place_after(text, s, e):
            pos = s + 1         # a later anchor may start the real name (湖北省鄂州市住房和城市更新局)
            continue
        out.append((s, e))
        pos = e


def _place_after(text: str, s: int, e: int) -> bool:
    """text[s:e] opens with a place name (鄂州市…): the name starts at a later anchor."""
    try:
        from ..ingest.region import gazetteer
        g = gazetteer()
    except Exception:
        return False
    return any(text[s:s + k] in g.full for k in range(2, min(8, e - s)))


# The statute's way of naming a body by its function: 县级以上人民政府管理节能工作的部门, 省级管理机关事务工作的机构
_DESC_RE = re.compile(r"(?:管理|主管)[\u4e00-\u9fff]{2,10}?工作的(?:部门|机构)")


_ZONE_HEADS = ("新区", "高新区", "开发区", "经开区", "高新技术产业开发区", "经济技术开发区", "园区", "试验区", "示范区", "合作区",
               "度假区", "实验区")
# the zone's own name before its head: 2-8 characters after a break or a verb, never opening with one (经柳东新区:
# 柳东) nor holding one (企业向雄安新区: 雄安) — 经 may stand inside (天津经济技术开发区)
_ZONE_NAME_RE = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[由经向报及和与、,，;；:：\s]))(?![^各全本该所其]*[各全本该所其])(?![由经向报及和与在对将])(?:(?![由向报及和与在对将的])[\u4e00-\u9fff]){2,8}$")
# a zone's own tail the grammar read as the level 区 (苏州工业园区管理委员会 had read 区管理委员会)
_ALIAS_WORD_RE = re.compile(r"简称|下称")
_ZONE_TAIL_RE = re.compile("(?:" + "|".join(h[:-1] for h in sorted(_ZONE_HEADS, key=len, reverse=True)) + ")$")


def _zone_names(text: str, lo: int, out: list[_Mention]) -> None:
    """五象新区管委会, 东湖高新区管委会: the zone's own name (not in the gazetteer) opens the body's name."""
    for m in out:
        if m.level == "区" and not m.place and text.startswith("区", m.start):
            t = _ZONE_TAIL_RE.search(text, max(lo, m.start - 8), m.start)
            if t:
                m.start, m.level = t.start(), ""     # 工业园|区管理委员会: the zone's name, no level
        if not (m.level or m.place) and text.startswith(_ZONE_HEADS, m.start):
            z = _ZONE_NAME_RE.search(text, max(lo, m.start - 8), m.start)
            if z and z.end() == m.start and not _ALIAS_WORD_RE.search(z.group()):
                m.start = z.start()     # (…以下简称高新区管委会): the words that give a short name are no zone's


# The township government or street office an applicant goes to (向户籍所在地街道办事处申请, 由所在乡镇人民
# 政府初审): the basic level of government, unnamed — written after a word that is no place name
_TOWN_GOV_RE = re.compile(r"(?:(?<=[所在地各经由向报及和或,，。;；:：、\s])|^)各?(?:乡镇人民政府(?:[(（]街道办事处[)）])?|"
                          r"(?:乡镇|镇)[(（]街道[)）]办事处|街道办事处|(?:乡镇|镇|乡)政府(?:[(（]街道(?:办事处)?[)）])?)|"
                          r"(?:(?<=[所在地各经由向报及和或,，。;；:：、\s])|^)各?(?:镇|乡)人民政府(?:[(（]街道办事处[)）])?"
                          # a named one (永兴镇人民政府, 新都区新都街道办事处): 2-4 characters of its own name
                          r"|(?:(?<=[所在地经由向报及和或与,，。;；:：、\s|│区县旗])|^)"
                          r"(?!组织|指导|督促|协调|要求|配合|会同|通过|负责|做好|确保|推动|支持)"
                          r"(?:(?![所在地各经由向报及和或与的是对将各本该全])[\u4e00-\u9fff]){2,4}(?:(?<!乡)(?:镇|乡)人民政府|街道办事处)", re.M)


def _near_anchors(pattern: re.Pattern, anchors: re.Pattern, text: str, lo: int, hi: int,
                  before: int = 24, after: int = 40):
    """``pattern``'s matches in text[lo:hi], tried only around the words every match holds (``anchors``):
    such patterns cannot be anchored themselves, and most of a page is far from any. Each match covers an
    anchor; matches do not overlap."""
    last = lo
    for a in anchors.finditer(text, lo, hi):
        k = a.start()
        if k < last:
            continue
        for m in pattern.finditer(text, max(last, k - before), min(hi, k + after)):
            if m.start() <= k < m.end():
                yield m
                last = m.end()
                break


_TOWN_GOV_ANCHOR_RE = re.compile(r"人民政府|办事处|(?<=[乡镇])政府")


# The townships written by level alone (由乡镇(街道)汇总审核, 向户籍所在地街道(乡镇)提出申请, 各镇(街道)负责):
# the same basic-level governments, as readers list them; only where no name goes on after them
# (乡镇(街道)财政所, 乡镇卫生院 are other bodies or none) and the next word is a verb, a date or a list's end
_BARE_TOWN_RE = re.compile(
    r"(?:(?<=[所在地各经由向报及和或,，。;；:：、\s|])|^)各?(?:乡镇|镇|乡|街道|苏木乡镇|苏木镇)[(（](?:街道|乡镇|镇|苏木)[)）]"
    r"(?=[、,，。;；:：\s|)）]|要|应|须|负责|于|在|将|按|根据|汇总|初审|审核|核实|核查|组织|配合|协助|牵头|做好|落实|受理|统一|及时|"
    r"和|及|与|等|会同|提出|申报|报|进行|完成|对|结合|认真|要求|同步)", re.M)
_BARE_TOWN_ANCHOR_RE = re.compile(r"[(（](?:街道|乡镇|镇|苏木)[)）]")


def _town_governments(text: str, lo: int, hi: int, out: list[_Mention]) -> None:
    bare = text.find("(", lo, hi) >= 0 or text.find("（", lo, hi) >= 0
    if text.find("办事处", lo, hi) < 0 and text.find("政府", lo, hi) < 0 and not bare:
        return
    added = []
    starts = [m.start for m in out]     # sorted and disjoint: the grammar's bodies
    found = list(_near_anchors(_TOWN_GOV_RE, _TOWN_GOV_ANCHOR_RE, text, lo, hi))
    if bare:
        found += [t for t in _near_anchors(_BARE_TOWN_RE, _BARE_TOWN_ANCHOR_RE, text, lo, hi, before=8, after=12)
                  if not any(f.start() < t.end() and t.start() < f.end() for f in found)]
    for t in found:
        k = bisect.bisect_left(starts, t.end())
        if not (k > 0 and out[k - 1].end > t.start()):
            added.append(_Mention(t.start(), t.end(), "", "", t.group()))
    if added:
        out.extend(added)
        out.sort(key=lambda m: m.start)


# Levels or places written before one shared portfolio (各市州、直管市、神农架林区科技局, 市、县两级财政部门,
# 辖市、区工业和信息化主管部门) name one body as written: readers of all three gold sets list such a
# coordination whole. A member is a level word (市, 县(市、区), 县(市)区, 设区市, 开发区…) or a gazetteer place;
# portfolios shared the same way (科技、财政行政主管部门) join too — the level before the first stays out, as
# the devspec reader of 各开发区、区县(市)科技、财政行政主管部门 wrote it. Not joined: finance written bare (市、县(市、区)财政按6∶4分担: readers list the lower
# level's 财政 alone), governments and zone committees (各县(市、区)、高新区管委会: two bodies), and townships
# (各乡镇、区农业农村局: 各乡镇 is a body of its own).
_COORD_LEVEL_RE = re.compile(r"(?:国家|[省市区县州旗盟]{1,3}(?:[(（][^()（）]{1,8}[)）][省市区县州旗盟]{0,2})?|设区的?市|省辖市|辖市|"
                             r"直管市|地州市|开发区|高新区|经开区|示范区|园区|新区)$")
_ZONE_WORDS = ("开发区", "高新区", "经开区", "示范区", "园区", "新区")
_COORD_PORTFOLIO_END_RE = re.compile(r"(?:行政主管部门|主管部门|行政部门|部门)$")
_COORD_DOMAIN_RE = re.compile("(?:" + _DOMAIN_ALT + ")$")
_COORD_NOT_RE = re.compile(r"(?:^|[^局委厅办])财政$|管委会$|管理委员会$|政府$|办事处$")
_LIST_BREAK_CHARS_RE = re.compile(r"[,，;；/|:：\n]")
_COORD_MAX = 6          # members; a longer run is a list of places, not one body's name


def _coordination_start(text: str, m: _Mention, lo: int) -> int:
    """Where the coordination of levels, places or portfolios written before ``m`` starts (m.start if none)."""
    if _COORD_NOT_RE.search(m.core):
        return m.start
    j = m.start
    levels = False
    if text.startswith(("两级", "三级"), j - 2) and j - 2 > lo and text[j - 3] not in "、":
        j2 = j - 2          # 市、县两级财政部门: the levels stand before 两级
        if _COORD_LEVEL_RE.search(text, max(lo, j2 - 10), j2) and text.find("、", max(lo, j2 - 12), j2) >= 0:
            j, levels = j2, True
    # (a zone's name or a zone word opens it: 开发区市场监管部门)
    placed = levels or bool(m.level or m.place) or not text.startswith(m.core, m.start) or m.core.startswith(_ZONE_WORDS)
    portfolio = not placed and _COORD_PORTFOLIO_END_RE.search(m.core) is not None
    if j == m.start and not (placed or portfolio):
        return m.start
    first, members = True, 0
    while j - 1 > lo and members < _COORD_MAX and (text[j - 1] == "、" or first and j < m.start):
        k = j - 1 if text[j - 1] == "、" else j
        first = False
        if k == j:          # (两级) the last level before 两级, then the members before it
            j = _COORD_LEVEL_RE.search(text, max(lo, k - 10), k).start()
            members += 1
            continue
        if portfolio:       # 科技、财政行政主管部门: portfolio words only
            dm = _COORD_DOMAIN_RE.search(text, max(lo, k - 12), k)
            if not dm:
                break
            j, members = dm.start(), members + 1
            continue
        pl = _place_before(text, k, lo)
        lv = _COORD_LEVEL_RE.search(text, max(lo, k - 12), k)
        if pl < k:
            j = pl
        elif lv and not text.startswith(("乡", "镇", "街道"), lv.start()):
            j = lv.start()
        else:
            break
        members += 1
    return j


def _scan_bodies(text: str, lo: int, hi: int) -> list[_Mention]:
    """Every agency name in text[lo:hi]: the portfolio grammar, then anchored names it lacks."""
    ms = _scan_names(text, lo, hi)
    if text.find("、", lo, hi) >= 0:
        prev_end = lo
        for m in ms:
            if m.start > prev_end and text[m.start - 1:m.start] in ("、", "级"):
                j = _coordination_start(text, m, prev_end)
                if j < m.start:
                    m.level = text[j:m.start] + m.level
                    m.start = j
            prev_end = max(prev_end, m.end)
    if text.find("办公室", lo, hi) >= 0:
        for m in ms:
            # 湖北省农业农村厅办公室 (signing a notice), 市财政局办公室负责: a department's general office is a
            # body of its own, named whole (the gold lists such offices as issuers), not its department
            if m.core.endswith(_OFFICE_OWNERS) and text.startswith("办公室", m.end) and m.end + 3 <= hi:
                m.end += 3
                m.core += "办公室"
    return ms


_OFFICE_OWNERS = ("厅", "局", "委", "委员会")


def _scan_names(text: str, lo: int, hi: int) -> list[_Mention]:
    out = _scan_grammar(text, lo, hi)
    _town_governments(text, lo, hi, out)
    free = _scan_free(text, lo, hi)
    if "工作的" in text[lo:hi]:
        for d in _DESC_RE.finditer(text, lo, hi):
            s, e = d.span()
            if any(m.start < e and s < m.end for m in out):
                continue
            i, level, place = _left_of(text, s, lo)
            out.append(_Mention(i, e, level, place, d.group()))
        out.sort(key=lambda m: m.start)
    if not free:
        _zone_names(text, lo, out)
        return _join_branches(text, out, hi)
    ends = [m.end for m in out]        # the grammar's bodies, in order and disjoint
    starts = [m.start for m in out]
    gone: set[int] = set()
    added: list[_Mention] = []
    for s, e in free:
        k = bisect.bisect_right(ends, s)
        prev = ends[k - 1] if k else lo
        i, level, place = _left_of(text, s, prev)
        if i == prev and prev > lo and place.startswith(_VERB_PLACES):
            i, level, place = _left_of(text, s, i + (1 if place.startswith("和") else 2))
        if not (level or place) or level in _NONSPECIFIC:
            continue
        # the grammar's bodies overlapping s..e: those ending after s and starting before e
        inside = [j for j in range(k, bisect.bisect_left(starts, e)) if j not in gone]
        if inside and not all(i < out[j].start and out[j].end <= e for j in inside):
            continue            # the portfolio grammar read this name already
        gone.update(inside)     # 市外经贸局 over 经贸局
        core = text[s:e]
        if core.endswith("局"):
            sub = _SUBUNIT_RE.match(text, e, hi)
            if sub and not _SUBUNIT_BAD_RE.search(sub.group()):
                e, core = sub.end(), core + sub.group()     # 市社会保险基金管理局南海分局: its branch
        added.append(_Mention(i, e, level, place, core))
    out = [m for j, m in enumerate(out) if j not in gone] + added
    out.sort(key=lambda m: m.start)
    _zone_names(text, lo, out)
    merged: list[_Mention] = []
    for m in out:           # 市发展改革委(市粮食和储备局): a second name in brackets is the same body
        if merged and m.start == merged[-1].end + 1 and text[merged[-1].end] in "(（" \
                and m.end < len(text) and text[m.end] in ")）":
            merged[-1].end = m.end + 1
            continue
        if merged and m.start == merged[-1].end and text[merged[-1].start:merged[-1].end] == "国家税务总局" \
                and m.core.startswith("税务"):
            # 国家税务总局柳州市税务局: the local bureau of the national administration, one body
            merged[-1] = _Mention(merged[-1].start, m.end, m.level, m.place, m.core)
            continue
        merged.append(m)
    if "派驻" in text[lo:hi]:
        for m in merged:    # 市纪委监委派驻工信局纪检监察组: the discipline body's group stationed in a bureau
            st = _STATIONED_RE.search(text, max(lo, m.start - 8), m.start)
            if st and m.core.endswith("纪检监察组"):
                m.start = st.start()
    return _join_branches(text, merged, hi)


_STATIONED_RE = re.compile(r"[省市区县]?纪委(?:监委)?派驻$")


def _join_branches(text: str, ms: list[_Mention], hi: int) -> list[_Mention]:
    """国家金融监督管理总局青海监管局: a national administration's local branch is one body."""
    if not ms or text.find("总局", ms[0].start, hi) < 0:
        return ms
    out: list[_Mention] = []
    for m in ms:
        if out and out[-1].end > m.start:
            continue            # the branch's own name, read inside the whole
        out.append(m)
        if text.startswith("总局", m.end - 2) and text.startswith("国家", m.start):
            branch = _BRANCH_RE.match(text, m.end, hi)
            if branch:
                m.end = branch.end()
    return out


# A national administration's local branch written after it: a place, then its branch ending
_BRANCH_RE = re.compile(r"(?:(?![与和及或并、])[\u4e00-\u9fff]){2,7}?(?:省|市|自治区|州)?(?:监管局|监管分局|分局|调查总队|调查队|税务局)(?![\u4e00-\u9fff]{0,2}(?:要|的))")


def _left_of(text: str, s: int, lo: int) -> tuple[int, str, str]:
    """Levels and places written before a portfolio starting at ``s``: (start, level, place)."""
    i, level, place = s, "", ""
    for _ in range(3):
        moved = False
        j = _place_before(text, i, lo)
        if j < i:
            place, i, moved = text[j:i] + place, j, True
        elif not level and not place:
            lv = _LEVEL_TAIL_RE.search(text, max(lo, i - 12), i)
            if lv and lv.group().endswith("人民政府") and lv.start() > lo \
                    and "\u4e00" <= text[lv.start() - 1] <= "\u9fff" and _place_before(text, lv.start(), lo) == lv.start():
                lv = None       # 市、区县人民政府经委: 县人民政府 is the tail of a longer level; the body is 经委
            if lv:
                level, i, moved = lv.group(), lv.start(), True
        if not moved:
            break
    if text.startswith("国家", i - 2) and i - 2 >= lo and not level and not place:
        level, i = "国家", i - 2
    if place.startswith(("和县", "会同")) and i > lo and "\u4e00" <= text[i - 1] <= "\u9fff" and text[i - 1] not in "省市州":
        # 门户网站和县残联, 县科技局将会同县财政局: a conjunction or a verb; the counties 和县 (Anhui) and
        # 会同县 (Hunan) stand after their province or city when a body of theirs is named
        return _left_of(text, s, i + (1 if place.startswith("和") else 2))
    return i, level, place


def _scan_grammar(text: str, lo: int, hi: int) -> list[_Mention]:
    """Every agency name in text[lo:hi] by the grammar place? level? portfolio ending?."""
    out: list[_Mention] = []
    for m in _BODY_RE.finditer(text, lo, hi):
        s, e = m.span()
        if out and s < out[-1].end:
            continue
        core = m.group()
        end_word = m.group("end")
        b = _BANK_RE.match(text, s) if core.startswith(("人民银行", "人行")) else None
        if b:
            e, core = b.end(), b.group()
            if text.startswith("中国", s - 2) and (not out or out[-1].end <= s - 2):
                s, core = s - 2, "中国" + core      # 中国人民银行: the bank's full name
        bare = not end_word and core not in _WHOLE_NAMES and not b and not core.startswith(_PARTY_HEADS)
        if bare and core not in _BARE_OK:
            continue            # 经济, 建设, 科技 alone: a portfolio word, no body
        # left: levels and places written before the portfolio, never inside the body before it
        # (市级财政和县区财政: 政和县 is a county's name only across the two)
        i, level, place = _left_of(text, s, max(lo, out[-1].end) if out else lo)
        if out and i == out[-1].end and place.startswith(_VERB_PLACES):
            # 县住建局会同县财政局: right after a body 会同 is the verb, not 会同县 (Hunan); 市财政和县财政:
            # 和 the conjunction, not 和县 (Anhui)
            i, level, place = _left_of(text, s, i + (1 if place.startswith("和") else 2))
        # a portfolio without an ending is a body only as 市财政 / 中央财政 / 县财政
        if bare:
            if not (level or place) or level in _NONSPECIFIC and level != "同级" or level.startswith(("各", "所")):
                continue        # (同级财政 is the finance body of the level the text is at: a funder, as readers list it)
            if e < hi and text[e] in "部厅局委办所站":   # 镇财政所: the township office, read by the free scan
                continue
        if e < hi and end_word and text[e] in _BAD_NEXT.get(end_word[-1], ""):
            continue        # 管理办法, 局面, 委托: the ending is the start of another word
        if (end_word in ("中心", "服务中心", "管理中心", "办", "办公室") or end_word in _INST_ENDS) \
                and not (level or place) and core not in _WHOLE_NAMES:
            continue        # 数据中心, 就业服务中心 alone are places or services, not a named body
        if end_word == "部" and (level or place) and level not in ("国家", "中华人民共和国"):
            continue        # 市场部, 区域经济部: only the national ministries end in 部
        if end_word and end_word.endswith(("局", "厅")):
            sub = _SUBUNIT_RE.match(text, e, hi)
            if sub and not _SUBUNIT_BAD_RE.search(sub.group()):
                e, core = sub.end(), core + sub.group()
        if end_word and end_word.endswith("部门") and level in ("各级",):
            continue
        if out and text[out[-1].end:i] in ("(", "（") and e < hi and text[e] in ")）":
            out[-1].end = e + 1     # 省数据局(省营商局): a second name in brackets is the same body
            continue
        if out and out[-1].end == i == s and end_word and out[-1].core.endswith(("管委会", "管理委员会")):
            out[-1].end = e         # 高新区管委会经发局: the zone committee's own bureau, one body
            out[-1].core += core
            continue
        out.append(_Mention(i, e, level, place, core))
    return out


# County names that read as a verb or a conjunction when written right after a body: 会同县 (Hunan),
# 和县 (Anhui).
_VERB_PLACES = ("会同", "和县")

_SCAN_CACHE: tuple = (None, [], [], {})


def _scan_state(text: str) -> tuple:
    """(text, every body, bodies not excluded, memo) of the whole text, scanned once per text: the
    measures of a document and its document-level list read the same scan. The cache is one
    tuple, replaced whole, so threads never see one text's scan under another's key."""
    global _SCAN_CACHE
    cached = _SCAN_CACHE
    if cached[0] is text:
        return cached
    every = _scan_bodies(text, 0, len(text))
    memo: dict = {}
    state = (text, every, [m for m in every if not _excluded(text, m, memo)], memo)
    _SCAN_CACHE = state
    return state


def _doc_scan(text: str) -> list[_Mention]:
    return _scan_state(text)[2]


def _line_bodies(text: str, a: int, b: int) -> list[_Mention]:
    """Every body (excluded ones too) inside text[a:b], from the document's scan."""
    if _SCAN_CACHE[0] is text:
        every, memo = _SCAN_CACHE[1], _SCAN_CACHE[3]
        starts = memo.get("starts")
        if starts is None:
            starts = memo["starts"] = [m.start for m in every]
        return [m for m in every[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)] if m.end <= b]
    return _scan_bodies(text, a, b)


def _line_bounds(text: str, i: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, i) + 1
    b = text.find("\n", i)
    return a, (len(text) if b < 0 else b)


_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_PHONE_RE = re.compile(r"(?<!\d)0\d{2,3}[-－—]?(?:\d{7,8}(?!\d)|\d{3,6}[xX*＊]{1,5}(?![\dxX*＊]))"   # (0731-28826xxx: masked)
                       r"|(?<!\d)1[3-9]\d{9}(?!\d)|12345")
# a line that gives a body's act or field (受理单位:区人社局 电话…) keeps its body
_ACTS_ON_LINE_RE = re.compile(r"受理|负责|申请|申报|审核|审批|认定|办理|经办|实施|牵头|提交|报送|拨付|给予")


_NEAR = 300     # how far before a name its line is read for an open 《 or an addressee list's start


_REFERRED_TO_RE = re.compile(r"(?:移送|移交|提请)(?:有关|相关)?$")


# facilities a measure builds, runs or funds, named like bodies (…养老服务中心, …商贸中心, …电子商务服务站)
_FACILITY_RE = re.compile(r"(?:养老服务(?:指导)?|照料|商贸(?:服务)?|物流配送|电子商务(?:公共)?服务|电商服务)(?:中心|站)$")
# …unless the papers go to it: 申报材料报区养老服务指导中心 (it receives them)
_SENT_TO_RE = re.compile(r"(?:向|(?<![申填举])报|报送|提交(?:至|到)?|送(?:至|到)?)\s*$")
_ADDRESS_AFTER_RE = re.compile(r"\s*(?:[\d一二三四五六七八九十]+\s*(?:楼|层|号窗口|号楼)|[A-Za-z]?\d+\s*(?:室|号窗口))")
# the colophon (版记) line under an official document: the office that printed it, and the day
_PRINTED_RE = re.compile(r"[\s\u3000]*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:印发|印)\s*$")
# what a name read as a register or a facility (bare 海关, …养老服务中心) must be followed by to act in the measure
_ACTS_AFTER_RE = re.compile(r"\s*(?:等(?:部门|单位)?)?\s*(?:负责|认定|审核|核定|核实|出具|确认|会同|配合|牵头|按职责)")
# A body written as the owner of a thing the measure uses: its statistics, its index, its recognised degrees
_OWNER_OF_RE = re.compile(r"(?:[\u4e00-\u9fff]{0,10}?(?:统计调查数据|统计数据|调查数据|评价指标体系|指标体系)"
                          r"|(?:认可|承认|认证)的?(?:学历|学位)"
                          # 纳入工信部目录的新能源乘用车: whose catalogue a product is in, no act here
                          r"|(?:[\u4e00-\u9fff]{0,6}?(?:发布|公布|制定)的)?(?:推广应用|推荐)?(?:目录|名录))")


def _addressees_only(text: str, a: int, b: int) -> bool:
    """text[a:b] holds nothing but bodies and addressee words (a line of addressees)."""
    rest = text[a:b]
    for x in reversed(_scan_bodies(text, a, b)):
        rest = rest[:x.start - a] + rest[x.end - a:]
    return len(_ADDRESSEE_WORDS_RE.sub("", rest)) <= 2


def _excluded(text: str, m: _Mention, memo: dict | None = None) -> bool:
    """Addressees, cited documents' titles, publication metadata, copy-to lines."""
    a, b = _line_bounds(text, m.start)
    before = text[a:m.start]
    near = text[max(a, m.start - _NEAR):m.start]     # a page whose breaks were lost is one long line
    if near.count("《") > near.count("》") or near.count("“") > near.count("”"):
        return True
    if _META_RE.search(_WS_RE.sub("", text[max(0, m.start - 20):m.start])) or _CC_RE.match(before):   # 来 源 |
        return True
    if _contact_line(text, a, b, memo):
        return True         # 咨询电话: 湛江市人社局就业促进科:0759-…: a contact, no act
    if _LINKS_LINE_RE.match(text, a, m.start):
        return True         # 相关链接:黑龙江省人民政府 | 黑龙江省人社厅 | …: the site's link bar
    if _PAGE_PROVIDER_RE.search(text, max(a, m.start - 16), m.start):
        return True         # 本页面信息由海宁市人社局提供: who runs the page, publication metadata
    if _REFERRED_TO_RE.search(text, max(a, m.start - 8), m.start):
        return True         # 涉嫌犯罪的,依法移送司法机关处理: the stock referral, no body of the measure
    if _OWNER_OF_RE.match(text, m.end, min(b, m.end + 16)):
        return True         # 科技部火炬统计调查数据, 教育部认可的学历: the body names whose data or standard, no act here
    if _FACILITY_RE.search(text, m.start, m.end) and not _ACTS_AFTER_RE.match(text, m.end, b) \
            and not _SENT_TO_RE.search(text, max(a, m.start - 6), m.start):
        return True         # 对新建的街道综合养老服务中心给予…, 新建改造乡镇商贸中心: a facility the measure builds or
        # funds, no body (readers list none of 20 on the tune pages)
    if _PRINTED_RE.match(text, m.end, b):
        return True         # 武汉东湖新技术开发区党政办公室  2023年7月6日印发: the colophon's printing office
    if _ADDRESS_AFTER_RE.match(text, m.end, b):
        return True         # (县政务服务中心二楼12号窗口): where to go, an address
    if text.startswith("海关", m.start) and m.end - m.start == 2 and not _ACTS_AFTER_RE.match(text, m.end, b):
        return True         # 海关进出口数据, 海关登记的收发货人, 海关监管, 商贸、海关 (a subject label): customs
        # named as a register or a field, no body of the measure (readers list it 0 of 8 times on the tune pages)

    # an addressee list: from the last break (line, sentence, wide space) to a colon, names only
    colon = _COLON_RE.search(text, m.end, min(b, m.end + 160))
    if colon is None and b - a <= 80 and text.startswith("各", a + len(before) - len(before.lstrip())) \
            and a < 400 and not _DUTY_WORD_RE.search(text, a, b) and _addressees_only(text, a, b):
        return True         # 各街道办事处,区政府各部门 — an addressee line whose colon the scrape lost
    if colon is None or colon.group() not in ":：":
        return False
    if _DUTY_LABEL_AFTER_RE.match(text, colon.end(), b):
        return False        # （三）区市场监管局:负责查处… — a duty list's label, not an addressee (one ends its line)
    la = max(a, m.start - _NEAR)
    sa = max(a, max((text.rfind(c, la, m.start) + 1 for c in "。；;!?！？"), default=a),
             max((x.end() for x in _GAP_RE.finditer(text, la, m.start)), default=a))
    seg = text[sa:colon.start()]
    if ":" in seg or "：" in seg:
        return False
    rest = seg
    for x in reversed(_scan_bodies(text, sa, colon.start())):
        rest = rest[:x.start - sa] + rest[x.end - sa:]
    # a line of its own that opens with 各 and ends with the colon is an addressee list even when it
    # names zones the place words do not cover (各省辖市、济源示范区、航空港区财政局…,各财政直管县(市)财政局…:)
    whole = seg.lstrip().startswith("各") and sa == a and not text[colon.end():b].strip() \
        and not _DUTY_WORD_RE.search(seg)     # 各县(市、区)财政局、人社局…要切实做好以下工作: a duty's lead-in
    # (a whole line's zones, 四川天府新区…局, leave their place words unscanned: half the line may be left)
    return len(_ADDRESSEE_WORDS_RE.sub("", rest)) <= (max(6, len(seg) // 2) if whole else 6)


# what a duty list's line says after its body's label (职责分工: 区财政局:负责…, 县融媒体中心:通过…开展宣传)
_DUTY_LABEL_AFTER_RE = re.compile(r"[ \t\u3000]*(?:牵头|负责(?!人|同志)|配合|会同|协助|承担|做好|组织(?!部)|落实|督促|统筹"
                                  r"|通过[^,，。;；\n]{1,20}?开展)")
_GO_TO_APPLY_RE = re.compile(r"\s*(?:现场|窗口|线下)?(?:提出|提交|递交|申请|申报|报名|办理|领取)")
_REVIEWED_AFTER_RE = re.compile(r"\s*(?:审核|审批|审定|复核|核准|核定|审查|核实|核查|认定|评审|验收|初审|复审|会审|联审)")


_DASH_LIST_BEFORE_RE = re.compile(r"(?:——|—|--|－－|─)\s*$")
_DASH_LIST_AFTER_RE = re.compile(r"\s*(?:等(?:有关|相关)?(?:部门|单位))?\s*[。；;]?\s*(?:\n|$)")


def _context_role(text: str, group: list[_Mention], lo: int, hi: int) -> tuple[str | None, int]:
    """Role of a group of bodies written together (市科技局、市财政局联合制定) from the words around it."""
    first, last = group[0], group[-1]
    a, _ = _line_bounds(text, first.start)
    lab = None
    for lab in _LIST_LABEL_RE.finditer(text, max(a, first.start - 120), first.start):
        pass
    if lab is not None and not _LIST_BREAK_RE.search(text, lab.end(), first.start):
        return ("lead" if lab.group(1).startswith(("牵头", "主办")) else "co"), 3
    field = _FIELD_LABEL_RE.search(_WS_RE.sub("", text[max(a, first.start - 16):first.start]))
    if field:
        return field.lastgroup, 1       # 受理单位: 区人社局 (a service guide's fields)
    if _DASH_LIST_BEFORE_RE.search(text, max(a, first.start - 4), first.start) and \
            _DASH_LIST_AFTER_RE.match(text, last.end):
        return "co", 3      # …完成新建高标准农田1.2万亩。——县农业农村局、县财政局: a work plan's task and its bodies
    pre = text[max(lo, first.start - 10):first.start]
    after = text[last.end:min(hi, last.end + 24)]
    if _INTERPRET_RE.match(after) or _interprets(text, last.end, hi):
        return None, 0          # 本办法由市科技局(会同市财政局)负责解释: who interprets, not who acts
    if _GUIDED_RE.match(after):
        return "co", 1          # 在省管理节能工作的部门指导下,负责…: the guiding body works beside the one that acts
    if pre.rstrip().endswith("在"):
        filed = _FILED_AT_RE.match(after)
        if filed and not _DESCRIBES_RE.match(text, last.end + filed.end(), min(hi, last.end + filed.end() + 40)):
            return "receiver", 1    # 在县级民政部门办理登记, 项目已在区发改局完成备案: the body takes the filing
        if _REGISTERED_RE.match(after):
            return None, 0      # 在工商行政管理机关登记注册的企业: describes the beneficiary, no act here
    pm = _PRE_ROLE_RE.search(pre)
    if pm is None and first.level.startswith(("所在", "所属")):
        pm = _PRE_ROLE_OWNER_RE.search(pre)
    post_role, post_strength = _post_role(text, last, hi)
    if pm and pm.group("w") in ("报", "交", "送") and pm.start() > 0 and pre[pm.start() - 1] in "申填通汇举预情上外社":
        pm = None               # 申报国家级孵化器: applying for a title, not reporting to a body
    if pm:
        w = pm.group("w")
        role = _PRE_ROLE_MAP[w]
        if w in ("由", "委托") and post_role == "issuer":
            return "administrator", 1           # 由市科技局制定细则: who is to write the rules
        if w in ("由", "委托") and post_role not in (None, "administrator", "co"):
            return post_role, post_strength     # 由市财政给予补贴: who pays, not only who acts
        if role == "certifier" and not _CERT_AFTER_RE.search(after[:16]):
            role = "administrator" if w.startswith("经") else None
        elif role == "receiver" and w in ("向", "交", "送") and not _RECEIVE_AFTER_RE.search(after[:20]):
            role = None
        elif w == "到" and not _GO_TO_APPLY_RE.match(after):
            role = None         # 到…提出申请 only: 到市人社局调研,了解申报情况 is a visit
        if role == "administrator" and w == "由" and after.lstrip().startswith("牵头"):
            role = "lead"
        if role == "receiver" and w in ("报", "报送", "报请", "转报", "上报") and _REVIEWED_AFTER_RE.match(after):
            return "certifier", 1   # 报市人社局审核, 报区民政局审批: the body it goes to reviews it (报…备案 only files)
        if role == "receiver" and w in ("报", "报送", "报请", "转报", "上报") and post_role == "funder" and \
                _PAYS_AFTER_RE.match(after):
            return "funder", 1      # 核定里程后报县财政局拨付: the body it goes to pays
        if role == "receiver" and (w in ("函告", "告知", "抄告") or w.startswith(("报", "上报")) and _PASSED_ON_RE.search(pre, 0, pm.start())):
            return role, 0      # a file passed on inside government (审核后报区财政局): a weak receiver
        if role:
            return role, 1
    return post_role, post_strength


# the clause a listed body stands in ends 按职责分工负责 (市发展改革委、市工业和信息化局等部门按职责分工负责)
_DIVIDED_DUTY_TAIL_RE = re.compile(r"(?:等(?:有关|相关)?(?:部门|单位))?\s*(?:按|按照|根据)?(?:各自)?职责(?:分工)?"
                                   r"(?:配合|负责|参与)?\s*$")


def _divided_duty(text: str, at: int) -> bool:
    """The clause from ``at`` (a listed body's end) to its stop is the rest of the list and 按职责分工负责.
    (One search for the stop and one anchored tail: a list of 25 bodies costs no backtracking.)"""
    stop = _CLAUSE_END_RE.search(text, at, at + 400)
    end = stop.start() if stop else min(len(text), at + 400)
    tail = _DIVIDED_DUTY_TAIL_RE.search(text, at, end)
    return tail is not None and not _DUTY_VERB_IN_LIST_RE.search(text, at, tail.start())


# a verb of its own between the body and the tail (市税务局落实税收优惠…按职责分工负责): a task, not a list
_DUTY_VERB_IN_LIST_RE = re.compile(r"负责|落实|做好|组织|牵头|推进|开展|实施|加强|完善|制定|建立")
_REVIEW_THEN_PAY_RE = re.compile(r"(?:后|无误后|通过后|合格后)?[、，,]?(?:按规定|及时|统一|再)?(?:拨付|核拨|兑付|兑现|拨款|发放)")
_PAYS_AFTER_RE = re.compile(r"\s*(?:按规定|按程序|及时|统一)?(?:拨付|核拨|兑付|兑现|拨款|发放)")


def _post_role(text: str, last: _Mention, hi: int) -> tuple[str | None, int]:
    """Role from the verb after a body (skipping adverbs and 等N部门)."""
    k = last.end + (_POST_SKIP_RE.match(text, last.end, hi).end() - last.end)
    pm = _POST_RE.match(text, k, hi)
    if pm:
        role = pm.lastgroup
        if role == "issuer":
            if _FUTURE_RE.search(text, last.end, k):
                return "administrator", 1   # 市科技局将制定细则: a rule still to come, not this document
            if _LIST_OUT_RE.match(text, pm.end(), hi):
                return "certifier", 1       # 省体育局公布了…示范基地名单: publishing whom it recognised certifies
            return role, 2
        if role == "funder" and pm.group().startswith(("资金", "预算", "专项资金")) and "财政" not in last.core:
            return None, 0
        if role == "certifier" and "财政" in last.core and _REVIEW_THEN_PAY_RE.match(text, pm.end(), hi):
            return "funder", 1      # 区财政局审核拨付: a finance body that checks and pays is the funder
        if role == "administrator" and pm.group() == "委托":
            stop = _SENT_END_RE.search(text, pm.end(), min(hi, pm.end() + 60))
            if _COMMISSION_CERT_RE.search(text, pm.end(), stop.start() if stop else min(hi, pm.end() + 60)):
                return "certifier", 1   # 省科技厅委托省创业中心对…进行评审: the authority that commissions it certifies
        if role == "administrator":
            # a generic verb first (将对…, 组织专家…): the clause's own act, when it certifies or pays;
            # 对…的 is the object (对评定为5A级景区的给予…), its verbs are not the body's act
            at = pm.end()
            if pm.group() == "对":
                stop = _CLAUSE_END_RE.search(text, at, min(hi, at + 40))
                obj = text.rfind("的", at, stop.start() if stop else min(hi, at + 40))
                at = obj + 1 if obj >= 0 else at
            sharp = _CLAUSE_ACT_RE.match(text, at, hi)
            if sharp:
                return ("certifier" if sharp.group(1) else "funder" if sharp.group(2) else "receiver"), 1
        return role, 1
    late = _LATE_VERB_RE.match(text, k, hi)
    if late:
        stop = _CLAUSE_END_RE.search(text, late.end(), min(hi, late.end() + 30))
        if late.group(1) != "牵头" and stop and _THEN_LEAD_RE.match(text, stop.start(), hi):
            return "lead", 1        # 县林业和草原局是…的主管部门,负责牵头组织…: charged to lead
        return ("lead" if late.group(1) == "牵头" else "administrator"), 1
    if ("将" in text[last.end:k] or text.startswith("把", k)) and _FILE_UP_RE.match(text, k, min(hi, k + 16)):
        return "administrator", 1       # 县人社局于6月底前将名单报市人社局: it passes the file on
    # manner and time words the skip list lacks (按程序联合下达, 要按时足额拨付, 于每年3月份下达): the
    # clause's first act verb, a few characters on
    act = _CLAUSE_VERB_RE.match(text, k, min(hi, k + 14))
    if not act:
        # a time frame first (区财政局自公示结束之日起15个工作日内将奖励资金拨付至…): the verb after it
        frame = _TIME_FRAME_RE.match(text, k, hi) or _TIME_FRAME_RE.match(text, last.end, hi)
        if frame:       # (the skip list may have taken the frame's 于: 县商务主管部门于2024年12月10日前完成初审)
            act = _CLAUSE_VERB_RE.match(text, frame.end(), min(hi, frame.end() + 14))
    if act:
        return act.lastgroup, 1
    return None, 0


_TIME_FRAME_RE = re.compile(r"(?:\s?(?:自|从|在|于)[^,，。;；:：\n]{1,14}?(?:之日起|日起|起|以内|之内|内|前)"
                            r"|\s?\d{1,3}个?(?:工作)?日(?:内|以内))+")


_CLAUSE_VERB_RE = re.compile(
    r"(?:(?!关于|印发|发布)[^,，。;；:：\n、的《“])*?(?:(?P<lead>牵头|会同)|(?P<certifier>(?:" + _CERT_WORDS.replace("|备案|登记", "") + r")(?!名单|材料|表|结果|意见|证明|文件|对象))|"
    r"(?P<funder>给予|拨付|拨款|补助|列支|出资|负担|分担|兑付|兑现|筹集|配套)|(?P<receiver>受理|接收)|"
    r"(?P<administrator>负责(?!人|同志)|主管|实施|统筹|指导|监督|核查|检查|下达|发放|办理|落实|做好|抓好))")   # not 组织/管理: nouns as often
# Passing a file up with 将/把 (县人社局于6月底前将名单报市人社局): the body that submits it acts. Only then: in
# 企业登录市商务局网站提交申请 the 提交 is the applicant's, and the body only hosts the portal.
_FILE_UP_RE = re.compile(r"把?[^,，。;；:：\n、的《“]{0,12}?(?:报送|上报|提交|(?<![申填通汇举预情上外社])报(?=[省市县区州国]|上级))")


_FUTURE_RE = re.compile(r"将|要|应|另行|适时")
# 公布/公示 … 名单: a list of recognised entities (not of money: 资金/补助/奖励/拟…)
_LIST_OUT_RE = re.compile(r"了?(?:(?![资补奖拟《])[^,，。;；:：\n《]){0,30}?(?:名单|名录)(?![^,，。;；\n]{0,6}(?:资金|补助|补贴|奖励))")
# a document that publishes whom its author recognised: 关于公布…认定名单的通知, 关于命名…的决定
_CERT_TITLE_RE = re.compile(r"关于(?:(?![资补奖《])[^\n《]){0,40}?(?:认定|评定|命名|授予|认证|入库|复核|验收|评审结果)"
                            r"(?:(?![资补奖《])[^\n《]){0,24}?(?:名单|结果|的通知|的决定)|关于(?:公布|公示)(?:(?![资补奖《拟])[^\n《]){0,40}?(?:名单|名录)")
# What opens a news sentence before its subject: 近日, 日前, 3月5日, 记者从…获悉
_NEWS_LEAD_RE = re.compile(r"\s*(?:(?:近日|日前|近期|最近|今年|本月|上月|\d{1,2}月\d{1,2}日|记者从[^,，。\n]{0,20}?获悉|"
                           r"据[^,，。\n]{0,12}?(?:消息|报道)|"
                           # the paper's dateline and byline (本报讯(记者 张三) 5月18日,): no words of the story
                           r"(?:本报|本网|本台|本刊|[\u4e00-\u9fff]{2,8}?(?:日报|晚报|报|网|台))讯|[(（](?:记者|通讯员)[^)）\n]{0,30}[)）])"
                           r"[,，]?\s*)*")
_SHARED_DUTY_RE = re.compile(r"\s*(?:等(?:有关|相关)?(?:部门|单位)?)?\s*(?:按职责分工|按职责|分别|共同)?负责\s*(?:落实|实施|推进)?\s*[)）]")
_SENT_END_RE = re.compile(r"[。;；!?！？\n]")
_COMMISSION_CERT_RE = re.compile(r"对[^。;；\n]{0,30}?进行[^。;；\n,，]{0,8}?(?:" + _CERT_WORDS + r"|初评|评估)")
# 审核后报…, 汇总后报送…: a body forwards what it has handled to another
_PASSED_ON_RE = re.compile(r"(?:后|并|再|汇总|初审|审核|审查|复核)\s*$")
_CLAUSE_END_RE = re.compile(r"[,，。;；:：\n]")
_CLAUSE_ACT_RE = re.compile(r"[^,，。;；:：\n、]{0,16}?(?:(认定|评定|审定|审核(?:认定|确认|通过)?|认可|验收|核准|批准|评审(?:认定)?|"
                            r"审批|初审|复审|复核|进行[\u4e00-\u9fff]{0,4}?(?:评审|考核|审查|审核))(?![的后])|"
                            r"(给予|拨付|兑现|兑付)(?!.{0,3}(?:指导|支持|服务|帮助|便利))|(?<=负责)(受理|接收))")
_THEN_LEAD_RE = re.compile(r"[,，]\s*(?:负责|并|具体)?牵头")
_LATE_VERB_RE = re.compile(r"[^,，。;；:：\n]{0,14}?(负责(?!人|同志)|主管|牵头|组织实施)|是[^,，。;；:：\n]{0,24}?(主管部门|主管机关)")


# A service guide's fields: the body after the label has the label's role.
_FIELD_LABEL_RE = re.compile(
    r"(?:(?P<receiver>(?:申请|申报)?受理(?:单位|部门|机构|机关|地点|窗口))|"
    r"(?P<certifier>(?:审批|审核|认定|决定|审定|评审|核准)(?:单位|部门|机构|机关))|"
    r"(?P<administrator>实施(?:主体|机关|部门|机构)|办理(?:机构|部门|单位)|经办(?:机构|单位|部门)|执行机构|"
    r"(?:业务|行业)?主管(?:部门|单位|机关)|管理(?:部门|机构)|负责(?:部门|单位)|兑现(?:部门|单位|机构)|承办(?:部门|单位))|"
    r"(?P<funder>(?:发放|拨付|兑付|出资)(?:单位|部门|机构)|资金来源|资金渠道)|"
    r"(?P<issuer>发文机关|制定机关|发文单位|制发机关))[:：|│】]+"
    r"(?:(?:企业|项目|申请人|申报单位|个人|房屋|住房)?(?:注册地|户籍地|经营地|参保地)?所在地?)?$")   # 受理单位:企业注册地所在区县…
_LIST_BREAK_RE = re.compile(r"[。；;\]】〕)）]")
_SIG_FILL_RE = re.compile(r"[\s、,，和及()（）]")
# `_SIG_FILL_RE.sub("", s)` is non-empty iff s holds a character outside the fill: a search for one stops
# at the first instead of rebuilding a whole line
_NOT_SIG_FILL_RE = re.compile(r"[^\s、,，和及()（）]")
# What else a responsibility list line holds: 等(部门), governments and zone committees, 各乡镇（街道）…
_LIST_FILL_RE = re.compile(r"等(?:有关|相关)?(?:部门|单位)?|各?[\u4e00-\u9fff、()（）]{0,14}?(?:人民政府|政府|管委会)|"
                           r"按职责分工负责|负责|牵头|配合|[。;；]"
                           r"|各(?:乡镇|镇|街道|县|区|市|地)(?:[(（][^()（）\n]{1,8}[)）])?")   # 各乡镇（街道）: the lower governments
_JOIN_RE = re.compile(r"[\s、,，和及与]*")


def _is_title_line(text: str, i: int, title: str | None) -> bool:
    """The line at ``i`` is the document's own title (X关于印发…的通知), not a cited one."""
    if not title:
        return False
    a, b = _line_bounds(text, i)
    line = _WS_RE.sub("", text[a:b])
    t = _WS_RE.sub("", title)
    return len(line) >= 8 and (line in t or t in line or line[:16] == t[:16])


def _bodies_line(text: str, group: list[_Mention]) -> str | None:
    """A line that holds nothing but body names: ``"signature"`` (金华市科学技术局 / 2023年6月30日,
    names side by side) or ``"list"`` (市经信局、市财政局等,各县区政府: a responsibility list set on
    its own line); None for any other line. Read once a line (a page run onto one line holds thousands)."""
    global _LINE_MEMO
    a, b = _line_bounds(text, group[0].start)
    memo = _LINE_MEMO
    if memo[0] is not text:
        memo = _LINE_MEMO = (text, {})
    if a not in memo[1]:
        memo[1][a] = _line_of_bodies(text, a, b)
    if memo[1][a] is None and group[0].start - a > 2:
        # 特此通知。上海市科学技术委员会 2024年3月5日: a copy that lost the line breaks ran the signature onto the
        # last sentence; after that sentence's stop, names and the day alone still sign the notice
        stop = max(text.rfind(c, a, group[0].start) for c in "。！？!?")
        if stop >= a and stop + 1 not in memo[1]:
            tail = _line_of_bodies(text, stop + 1, b)
            memo[1][stop + 1] = tail if tail == "signature" and _SIG_DATE_RE.search(text, stop + 1, b) else None
        if stop >= a:
            return memo[1][stop + 1]
    return memo[1][a]


# (text, {line start: reading}): one tuple, replaced whole, so a thread never reads another text's memo
_LINE_MEMO: tuple = (None, {})


def _line_of_bodies(text: str, a: int, b: int) -> str | None:
    rest = _without_bodies(text, a, b)
    listed = any(c in text[a:b] for c in "、,，") or "等" in rest
    rest = _LIST_FILL_RE.sub("", rest) if listed else rest
    if _NOT_SIG_FILL_RE.search(rest):
        if not listed and not _NOT_SIG_FILL_RE.search(_SIG_DATE_RE.sub("", rest)):
            return "signature"      # 南京市科学技术局 2023年6月1日: the date on the signature's line
        return None
    return "list" if listed else "signature"


_SIG_DATE_RE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}"
                          r"|[〇零一二三四五六七八九]{4}\s*年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日")


_CELL_SEP = "|\t"
_HEADER_LABEL_RE = re.compile(r"^\s*(牵头单位|牵头部门|主办单位|主办|责任单位|责任部门|负责单位|配合单位|配合部门|协办单位|协办|"
                              r"参与单位|实施单位|承办单位|协同单位|责任主体)\s*$")


def _cells(line: str) -> list[str]:
    return re.split(r"[|\t]", line)


_LONG_LINE = 4000


def _table_cell_role(text: str, group: list[_Mention]) -> str | None:
    """Bodies alone in a table cell (`| 2 | 加大财政支持 | 市财政局 | 市发改委、市科技局 |`, cells split by
    | or tabs): a responsibility column. The header cell above the column names the role (牵头单位 ->
    lead, 配合单位/责任单位 -> co); without a header the cell is a list (co)."""
    a, b = _line_bounds(text, group[0].start)
    long_line = b - a > _LONG_LINE
    if long_line:
        # a table whose rows were run together on one line: the cell is read within its neighbourhood,
        # and no header line stands above it
        a, b = max(a, group[0].start - _LONG_LINE // 2), min(b, group[-1].end + _LONG_LINE // 2)
    line = text[a:b]
    if not any(c in line for c in _CELL_SEP):
        return None
    ca = max(text.rfind(c, a, group[0].start) for c in _CELL_SEP) + 1
    ends = [j for j in (text.find(c, group[-1].end, b) for c in _CELL_SEP) if j >= 0]
    cb = min(ends) if ends else b
    if ca <= a and cb >= b:
        return None
    rest = _without_bodies(text, ca, cb)
    if _NOT_SIG_FILL_RE.search(_LIST_FILL_RE.sub("", rest)):
        return None             # the cell says more than names: a clause, read by its words
    if long_line:
        return "co"
    col = sum(text.count(c, a, ca) for c in _CELL_SEP)
    # the header: the nearest table line above with a label cell in this column
    j, seen = a, 0
    while j > 0 and seen < 60:
        pa = text.rfind("\n", 0, j - 1) + 1
        prev = text[pa:j - 1] if j - 1 >= pa else ""
        j, seen = pa, seen + 1
        if not any(c in prev for c in _CELL_SEP):
            continue
        cells = _cells(prev)
        if any(_HEADER_LABEL_RE.match(c) for c in cells):
            if col < len(cells):
                lab = _HEADER_LABEL_RE.match(cells[col])
                if lab:
                    return "lead" if lab.group(1).startswith(("牵头", "主办")) else "co"
            return "co"
    return "co"


# a header block's cells: short lines without digits or punctuation (序号 / 重点任务 / 牵头单位 / 完成时限)
_VHEADER_LINE_RE = re.compile(r"\n\s*(?:牵头单位|牵头部门|主办单位|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|实施单位)\s*\n")
_NUMBERED_LINE_RE = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．])\s*")


def _per_line(text: str, key: tuple, compute, memo: dict | None = None):
    """``compute()`` once per key while ``text`` is the scanned text (its scan state's memo): a line of
    thousands of names would otherwise be re-read for each of them."""
    if memo is None:
        memo = _SCAN_CACHE[3] if _SCAN_CACHE[0] is text else None
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


# The party's name before a party organ (中共南宁市委组织部): the scan reads the body from its place name,
# and the prefix is part of the name, not words the line says besides it
_PARTY_PREFIX_RE = re.compile(r"(?:中共|中国共产党)[ \t\u3000]*$")


def _before_body(text: str, i: int, s: int) -> str:
    """text[i:s], the words before the body that starts at ``s``, less the party's name it carries."""
    m = _PARTY_PREFIX_RE.search(text, i, s)
    return text[i:m.start()] if m else text[i:s]


def _without_bodies(text: str, a: int, b: int) -> str:
    """text[a:b] with the body names in it cut out: what a line says besides names."""
    def cut() -> str:
        parts, i = [], a
        for m in _line_bodies(text, a, b):
            if m.start >= i:
                parts.append(_before_body(text, i, m.start))
                i = m.end
        parts.append(text[i:b])
        return "".join(parts)
    return _per_line(text, ("without", a, b), cut)


def _names_only(text: str, a: int, b: int) -> bool:
    return _per_line(text, ("names", a, b), lambda: not _NOT_SIG_FILL_RE.search(
        _LIST_FILL_RE.sub("", _without_bodies(text, a, b))))


def _contact_line(text: str, a: int, b: int, memo: dict | None = None) -> bool:
    """The line text[a:b] gives a phone number and no act."""
    return _per_line(text, ("contact", a, b), lambda: _PHONE_RE.search(text, a, b) is not None
                     and _ACTS_ON_LINE_RE.search(text, a, b) is None
                     and not _stating_row(text, a, b), memo)


def _stating_row(text: str, a: int, b: int) -> bool:
    """A table row with a cell that states something (| 首次升规奖励 | 对…企业,一次性奖励10万元 | 区工信局 |
    0771-…): the body in its 责任单位 column acts; the phone is the row's contact column."""
    return text.count("|", a, b) >= 2 and any(len(_CJK_RE.findall(c)) >= 10
                                              for c in _without_bodies(text, a, b).split("|"))


def _vertical_cell_role(text: str, group: list[_Mention]) -> str | None:
    """A table flattened one cell per line (序号 / 重点任务 / 牵头单位 / 配合单位 / 完成时限, then the rows'
    cells line by line): bodies alone on a line take the role of the header cell their column has."""
    a, b = _line_bounds(text, group[0].start)
    if not _names_only(text, a, b):
        return None
    cell = vertical_header_cell(text, a, _HEADER_LABEL_RE.match)
    lab = _HEADER_LABEL_RE.match(cell) if cell else None
    if lab is None:
        return None
    return "lead" if lab.group(1).startswith(("牵头", "主办")) else "co"


_BRACKET_TAIL_RE = re.compile(r"[(（][\u4e00-\u9fff]{2,12}[)）]")


def _heading_line_role(text: str, group: list[_Mention]) -> str | None:
    """一、市经信局（市新经济委） over the items it pays out (a 政策清单 by department): the department
    administers what its section lists."""
    a, b = _line_bounds(text, group[0].start)
    num = _NUMBERED_LINE_RE.match(text, a, b)
    if num is None or num.end() != group[0].start:
        return None
    tail = text[group[0].end:b].strip()
    if not tail or _BRACKET_TAIL_RE.fullmatch(tail) or _names_only(text, group[0].start, b):  # 市经信局（市新经济委）
        return "administrator"
    return None


_LABEL_COLON_RE = re.compile(r"[ \t\u3000]*[:：]")
_LABEL_ROLE_RE = re.compile(r"[ \t\u3000]*(?P<lead>牵头)?(?P<co>配合|协助|参与)?")


def _duty_label_role(text: str, group: list[_Mention]) -> str | None:
    """（三）区市场监管局:负责查处… / 区融媒体中心:通过…开展宣传 — a duty list (职责分工) by body: the label's
    body does what its line says; 牵头 marks the lead, 配合/协助 a co-unit."""
    a, b = _line_bounds(text, group[0].start)
    mark = _ITEM_MARK_RE.match(text, a, group[0].start)
    if (mark.end() if mark else a) != group[0].start and text[a:group[0].start].strip():
        return None
    colon = _LABEL_COLON_RE.match(text, group[-1].end, b)
    if colon is None or not _DUTY_LABEL_AFTER_RE.match(text, colon.end(), b):
        return None
    r = _LABEL_ROLE_RE.match(text, colon.end(), b)
    return "lead" if r.group("lead") else "co" if r.group("co") else "administrator"


def _span_mentions(text: str, start: int, end: int) -> list[_Mention]:
    """The document's bodies with their roles (read once per text), those inside text[start:end]."""
    state = _scan_state(text)
    memo = state[3]
    if "all" not in memo:
        memo["all"] = body_mentions(text, 0, len(text))
        memo["all_starts"] = [m.start for m in memo["all"]]
    every, starts = memo["all"], memo["all_starts"]
    return [m for m in every[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)] if m.end <= end]


# A body named where it does not act: the title line of a document, a news source (记者从省民政厅了解到,
# 市科技局相关负责人表示), an address, a fund or rule named after it (市财政专项资金, 民政部门规定的资质)
_TITLE_LINE_RE = re.compile(r"关于[^\n]{0,60}?(?:通知|办法|意见|决定|方案|公告|批复|函|细则|规定|通报)")
_SOURCE_BEFORE_RE = re.compile(r"(?:记者|笔者)?(?:从|据|向|经|与|在|由|受)\s*$|记者[^,，。\n]{0,12}$")
_SOURCE_AFTER_RE = re.compile(r"\s*(?:等(?:有关|相关)?(?:部门|单位)?)?\s*(?:了解到|获悉|得知|获知|相关负责人|负责人|有关负责人|负责同志|同志|领导|"
                              r"出席|参加|主持|供稿|介绍|表示|发布|公布|消息|官网|网站|专项|资金|有关规定|规定|文件|印发|联合印发|主办|承办|"
                              r"(?:有关|相关)?工作(?:安排|部署)|"
                              r"指导下|咨询|举报|投诉|为准|的|(?:负责|具体)?解释|(?:最新)?(?:数据|统计)(?:显示|表明|数据)?)")
# a line that is a labelled field no role reads from (答复单位:卫健局): page metadata
_FIELD_VALUE_RE = re.compile(r"\s*[-•·]?\s*[\u4e00-\u9fff]{2,8}\s*[:：]\s*[^:：|│。;；,，\n]{0,16}$")
_ADDRESS_BEFORE_RE = re.compile(r"(?:地\s*址|地点|窗口|联系|电话|邮编|位于)[^\n。]{0,24}$")


_NEWS_SOURCE_RE = re.compile(r"记者[^,，。\n]{0,6}?从\s*$")
_POLICY_NEWS_RE = re.compile(r"出台|印发|发布|制定|给予|补贴|补助|奖励|资助|政策|措施|办法|方案|将(?!近)|启动|开展|申请|申报")
# …but a sentence that reports a statistic (今年以来全市共发放…, 同比增长) is the body's figures, not its policy
_STATISTIC_NEWS_RE = re.compile(r"以来|累计|同比|环比|共发放|共计|截至|截止到|人口|增长\d")
_NEWS_SOURCE_AFTER_RE = re.compile(r"\s*(?:获悉|了解到|得知|获知)")
_HONOURED_BEFORE_RE = re.compile(r"(?:授予|表彰|表扬|命名|评为|评选|推荐)[^,，。;；]{0,4}$")


def _sentence_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(c, pos) for c in "。！？\n") if i >= 0]
    return min(ends) if ends else len(text)


def _weak_acting(text: str, group: list[_Mention]) -> bool:
    """A body the words around it give no role: kept as a weak administrator when nothing says it only
    stands there (a title line, a news source, an address, a fund or rule bearing its name)."""
    first, last = group[0], group[-1]
    a, b = _line_bounds(text, first.start)
    if _NEWS_SOURCE_RE.search(text, max(a, first.start - 16), first.start) and \
            _NEWS_SOURCE_AFTER_RE.match(text, last.end, b):
        # 记者从市人社局获悉,…将给予: where the story's policy comes from (readers list it, 20 of 26 tune pages);
        # the source of a statistic (…今年以来共发放…) is no actor
        end = _sentence_end(text, last.end)
        return bool(_POLICY_NEWS_RE.search(text, last.end, end)) and not _STATISTIC_NEWS_RE.search(text, last.end, end)
    # the page's first line is its title; a line of names alone is a header, signature or list
    if not text[:a].strip() or _TITLE_LINE_RE.search(text, a, b) or _names_only(text, a, b):
        return False
    if _SOURCE_BEFORE_RE.search(text, max(a, first.start - 16), first.start) \
            or _ADDRESS_BEFORE_RE.search(text, a, first.start) or _FIELD_VALUE_RE.fullmatch(text, a, first.start) \
            or _HONOURED_BEFORE_RE.search(text, max(a, first.start - 8), first.start):
        return False            # (授予A局、B局“先进单位”称号: whom the document honours, a recipient)
    if _OFFICIAL_AFTER_RE.match(text, last.end, b):
        return False            # 市委组织部副部长、市人才办主任刘建华介绍: who speaks, the body no actor
    if _STATES_PLAN_RE.match(text, last.end, b):
        return True             # 市农业农村局表示,下一步将加强补贴资金监管: the body's own next step
    return not _SOURCE_AFTER_RE.match(text, last.end, b)


_STATES_PLAN_RE = re.compile(r"\s*(?:表示|称|透露)\s*[,，:：]?\s*(?:下一步|接下来|今后|今年|将|要|还将|也将)")
# an official's post right after the body's name (…局局长张三, …办主任, …党组书记)
_OFFICIAL_AFTER_RE = re.compile(r"(?:党组|党委|党工委)?(?:副?书记|副?局长|副?部长|副?主任|副?处长|副?厅长|副?主席|副?司长|副?科长"
                                r"|副?秘书长|副?院长|负责人|(?:一级|二级)?巡视员|调研员|新闻发言人)")


def _clause_after_object(text: str, group: list[_Mention], nxt: int, lo: int) -> bool:
    """报所在县(市、区)人社部门,市人才发展服务中心复核: after a comma, a body that follows one a verb has taken as
    its object (报, 向, 经…) opens the next step of the procedure; it is no list with it."""
    gap = text[group[-1].end:nxt]
    if "，" not in gap and "," not in gap:
        return False
    first = text[group[0].start:group[0].end].lstrip("各")
    if text.startswith(first, nxt + 1 if text.startswith("各", nxt) else nxt):
        return False            # 报送所在市(区)市场监管局,各市(区)市场监管局审核: the same body again, one group
    return _PRE_ROLE_RE.search(text, max(lo, group[0].start - 10), group[0].start) is not None


# 财政部、科技部、工业和信息化部、发展改革委(以下简称四部委)将…继续实施…补助政策。现将有关事项通知如下: the bodies
# that open the sentence before a notice's 现将…通知如下 are its authors (dev2 tune: the readers list them as issuers)
_NOTICE_FOLLOWS_RE = re.compile(r"\s*现(?:将|就)[^。\n]{0,24}?(?:通知|公告|答复)如下")
_AUTHOR_VERB_RE = re.compile(r"\s*(?:[(（][^()（）]{0,16}[)）])?\s*(?:将|决定|拟|定于|联合|共同|研究决定|经研究)")


def _notice_authors(text: str, g: list[_Mention], hi: int) -> bool:
    end = text.find("。", g[-1].end, min(hi, g[-1].end + 120))
    if end < 0 or not _NOTICE_FOLLOWS_RE.match(text, end + 1, min(len(text), end + 40)):
        return False
    start = max(max(text.rfind(c, max(0, g[0].start - 200), g[0].start) for c in "。，,；;:：\n") + 1, g[0].start - 200)
    return not text[start:g[0].start].strip() and _AUTHOR_VERB_RE.match(text, g[-1].end) is not None


def body_mentions(text: str, lo: int = 0, hi: int | None = None, *, title: str | None = None,
                  keep_weak: bool = False) -> list[_Mention]:
    """Bodies in text[lo:hi] with the role the words around them give; excluded ones dropped.
    ``keep_weak``: a body no word gives a role to is kept as a weak administrator (strength -1)
    unless it only stands there (`_weak_acting`)."""
    hi = len(text) if hi is None else min(hi, len(text))
    ms = [_Mention(m.start, m.end, m.level, m.place, m.core) for m in _doc_scan(text)
          if lo <= m.start and m.end <= hi]
    groups: list[list[_Mention]] = []
    for m in ms:
        if groups and _JOIN_RE.fullmatch(text, groups[-1][-1].end, m.start) \
                and text[m.start:m.end] != text[groups[-1][-1].start:groups[-1][-1].end] \
                and not _clause_after_object(text, groups[-1], m.start, lo):
            groups[-1].append(m)    # a list never names one body twice: 函告市财政局,市财政局兑现… is a new clause
        else:
            groups.append([m])
    out = []
    head_end = len(title) + 200 if title else 300
    vtable = _VHEADER_LINE_RE.search(text) is not None     # a header cell on a line of its own: 牵头单位
    for g in groups:
        role, strength = _context_role(text, g, lo, hi)
        if role == "administrator" and len(g) > 1 and _SHARED_DUTY_RE.match(text, g[-1].end, hi):
            role, strength = "co", 3    # (市残联、市财政局、市税务局负责): a responsibility list, as find_units reads it
        if _notice_authors(text, g, hi):
            for m in g:
                m.role, m.strength = "issuer", 1
                out.append(m)
            continue
        author = _DOC_AUTHOR_RE.match(text, g[-1].end, hi)
        if author and (role in (None, "issuer") or author.group().endswith(("答复", "复函"))):
            la, lb = _line_bounds(text, g[0].start)
            at_line_start = not _before_body(text, la, g[0].start).strip()
            # 县农业农村局、县财政局联合印发的《…》: a document they wrote before, wherever it is cited
            of_cited = author.group().endswith("的") or text.startswith("的", author.end())
            if not at_line_start and not of_cited and _NEWS_LEAD_RE.fullmatch(
                    text, max(la, max(text.rfind(c, la, g[0].start) + 1 for c in "。!?！？")), g[0].start):
                # 近日,应急管理部、财政部等三部门联合印发《…》(…〔2023〕12号): news of the policy the page reports — its
                # issuers, its number given or not
                for m in g:
                    m.role, m.strength = "issuer", 2
                    out.append(m)
                continue
            if not at_line_start or (of_cited and not _is_title_line(text, g[0].start, title)) or (g[0].start > head_end and not _is_title_line(text, g[0].start, title)) \
                    or _CITED_NUMBER_RE.search(text, g[-1].end, lb):
                continue            # the author of a cited document (…的通知(市财函〔2019〕9号) in a list of sources)
            role, strength = "issuer", 1
        if role is None:
            cell = _table_cell_role(text, g)
            if cell:
                role, strength = cell, 3
        if role is None and vtable:
            # a table flattened one cell per line: each line's bodies take their own column's role
            # (a group may run across the lines of one row)
            vroles = [_vertical_cell_role(text, [m]) for m in g]
            if any(vroles) and all(vroles):
                for m, r in zip(g, vroles):
                    m.role, m.strength = r, 3
                    out.append(m)
                continue
        if role is None:
            label = _duty_label_role(text, g)
            if label:
                role, strength = label, 3
        if role is None and _heading_line_role(text, g):
            role, strength = "administrator", 1
        if role is None:
            kind = _bodies_line(text, g)
            if kind == "signature":
                role, strength = "issuer", 0
            elif kind == "list":
                role, strength = "co", 3
        if role is None and keep_weak and _weak_acting(text, g):
            role, strength = "administrator", -1
        if role is None:
            continue
        for m in g:
            m.role, m.strength = role, strength
            out.append(m)
    _shared_subject_leads(text, out, lo)
    if "政府" in text[lo:hi]:
        out.extend(_government_acts(text, lo, hi))
    seg = text[lo:hi]
    if "政府" in seg or "街" in seg or "各" in seg:
        out.extend(_lower_government_duties(text, lo, hi, out))
    out.sort(key=lambda m: m.start)
    return out


# The governments below the document's own, charged as a group (各县(市、区)人民政府要落实…, 市、区县人民
# 政府应当加强…, 各乡镇人民政府(街道办事处)负责…初审, 各镇(街道)配合): they implement, so the spec counts
# them; one government alone (县人民政府负责…) is left out, as it may be the one promulgating the document.
_LEVEL_WORD = r"(?:县市区|市县区|区县市|区县|县区|市县|市州|乡镇|苏木乡镇|苏木镇|苏木|旗县区|旗县|[市县区乡镇旗])"   # 苏木, 旗: Inner Mongolia's 乡 and 县
_LEVEL_LIST = r"(?:" + _LEVEL_WORD + r"(?:[(（][市县区乡镇街道、]{1,6}[)）])?)"
_LOWER_GOV_NAME_RE = re.compile(
    r"各(?:" + _LEVEL_LIST + r"[、和及]?){1,3}(?:人民)?政府(?:[(（](?:街道办事处|街道|办事处)[)）])?|"
    r"(?:" + _LEVEL_LIST + r"[、和及]){1,2}" + _LEVEL_LIST + r"(?:人民)?政府(?:[(（](?:街道办事处|街道|办事处)[)）])?|"
    r"各(?:乡镇|镇)(?:[(（]街道?[)）]|[、和及]街道(?:办事处)?|街)|各" + _LEVEL_LIST + r"(?:[(（][^()（）\n]{1,8}[)）])?(?=[、和及]?(?:牵头|配合|负责))")
# every lower-government name holds one of these: 政府, 街道, or 各 before a level word
_LOWER_GOV_ANCHOR_RE = re.compile(r"政府|街道|各(?=[市县区乡镇州苏旗])")


_LOWER_GOV_DUTY_RE = re.compile(
    r"\s*(?:[:：][ \t\u3000]*)?(?:等)?(?:(?:要|应当|应|将|须|必须|切实|按照职责分工|按职责分工|按职责|分别|共同|具体|进一步)\s*){0,4}"
    r"(?P<verb>负责(?!人|同志)|牵头|配合|协助|落实|统筹|组织实施|做好|加强|承担)")


def _lower_government_duties(text: str, lo: int, hi: int, taken: list[_Mention]) -> list[_Mention]:
    out = []
    taken.sort(key=lambda x: x.start)
    starts = [x.start for x in taken]
    for m in _near_anchors(_LOWER_GOV_NAME_RE, _LOWER_GOV_ANCHOR_RE, text, lo, hi):
        duty = _LOWER_GOV_DUTY_RE.match(text, m.end(), hi)
        if duty is None:
            continue
        near = taken[bisect.bisect_left(starts, m.start() - 60):bisect.bisect_left(starts, m.end())]
        inside = [x for x in near if m.start() <= x.start and x.end <= m.end()]
        if any(x.start < m.end() and m.start() < x.end for x in near if x not in inside):
            continue            # crosses a body read otherwise
        ment = _Mention(m.start(), m.end(), "", "", m.group())
        if _excluded(text, ment):
            continue
        for x in inside:        # 各县区、乡镇人民政府要…: the group's name, not the town government inside it
            taken.remove(x)
        if inside:
            starts = [x.start for x in taken]
        verb = duty.group("verb")
        ment.role = "lead" if verb == "牵头" else "co" if verb in ("配合", "协助") else "administrator"
        ment.strength = 1
        out.append(ment)
    return out


_BARE_WITH_RE = re.compile(r"[;；]\s*(?:并|同时|负责|及时|每年)?(?:将)?会同\s*$")
_SUBJECT_OPEN_RE = re.compile(r"\s*(?:第[一二三四五六七八九十百\d]{1,4}条|[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．])?\s*")


def _shared_subject_leads(text: str, out: list[_Mention], lo: int) -> None:
    """第五条 市经贸局负责…;制定…;会同市财政局下达…: a 会同 clause with no subject of its own is the
    sentence subject's, and 会同 marks that subject the lead."""
    for m in out:
        if m.role != "co" or not _BARE_WITH_RE.search(text, max(lo, m.start - 12), m.start):
            continue
        ss = max(text.rfind(c, lo, m.start) for c in "。\n") + 1
        subj = next((x for x in out if ss <= x.start < m.start), None)
        if subj is None or subj.role not in ("administrator", "co") or not _SUBJECT_OPEN_RE.fullmatch(text, ss, subj.start):
            continue
        if text.find("会同", ss, subj.start) >= 0 or any(x is not subj and ss <= x.start < m.start and x.start < subj.end + 1 for x in out):
            continue
        subj.role, subj.strength = "lead", 1


# A general government is no unit when it only promulgates (经市政府同意,现印发…), but it is one where
# the text gives it a substantive act: 经市政府批准, 由市人民政府设立…资金, 县政府设立…奖.
# (?<![各级])(?P<level>自治区|[省市县区])(?:人民)?政府…, written to open with one character class (the regex
# engine then skips to those characters) and to test the character before the level after reading it
_GOV_ACT_RE = re.compile(r"(?P<level>[自省市县区](?<![各级].)(?:(?<=自)治区|(?<=[省市县区])))"
                         r"(?:人民)?政府(?P<verb>批准|认定|审批|审定|批复|设立|出资|拨付|给予|安排)")
_GOV_FUND_RE = re.compile(r"资金|基金|经费")
_GOV_RECEIVE_RE = re.compile(r"(?<=[向报])[\u4e00-\u9fff]{0,8}?(?P<level>自治区|县市区|区县|县区|市县|[省市县区])(?:人民)?政府(?P<verb>报告|申请|提出申请|报送|备案)")


_RECEIVE_ANCHOR_RE = re.compile(r"政府(?=报告|申请|提出申请|报送|备案)")


# 报经市政府同意后可提高到20万元: a case put up to the government for its approval — it approves (certifier); the
# promulgating formula 经市政府同意,现印发… has no 报 and stays no unit
_PROMULGATES_RE = re.compile(r"[^。；;\n]{0,6}?现(?:予|将)?[^。；;\n]{0,20}?(?:印发|发布|下发|转发)|[^。；;\n]{0,30}?印发给你们")
_GOV_SUBMITTED_RE = re.compile(r"报经(?P<level>自治区|[省市县区])(?:人民)?政府(?:批准|同意|审定|审批)")


def _government_acts(text: str, lo: int, hi: int) -> list[_Mention]:
    out = []
    if text.find("报经", lo, hi) >= 0:
        for m in _GOV_SUBMITTED_RE.finditer(text, lo, hi):
            if _PROMULGATES_RE.match(text, m.end(), min(len(text), m.end() + 40)) or \
                    text.startswith(("现将", "现"), max(0, m.start() - 2)):
                continue        # 《…办法》已报经市政府同意，现印发给你们 / 现将报经…同意的《…》印发: promulgation
            s = m.start("level")
            e = text.find("政府", s) + 2
            ment = _Mention(s, e, m.group("level"), "", text[s + len(m.group("level")):e])
            if not _excluded(text, ment):
                ment.role = "certifier"
                out.append(ment)
    for m in _GOV_ACT_RE.finditer(text, lo, hi):
        e = m.end() - len(m.group("verb"))
        i = _place_before(text, m.start(), lo)
        ment = _Mention(i, e, m.group("level"), text[i:m.start()], text[m.start("level") + len(m.group("level")):e])
        if _excluded(text, ment):
            continue
        verb = m.group("verb")
        if verb in ("设立", "出资", "拨付", "给予", "安排"):
            ment.role = "funder" if verb != "设立" or _GOV_FUND_RE.search(text, m.end(), min(hi, m.end() + 16)) \
                or _GOV_FUND_RE.search(text, max(lo, i - 12), i) else "administrator"
        else:
            ment.role = "certifier"
        out.append(ment)
    for m in _near_anchors(_GOV_RECEIVE_RE, _RECEIVE_ANCHOR_RE, text, lo, hi):
        s = m.start("level")
        i = _place_before(text, s, lo)
        e = m.start("verb")
        if any(x.start <= i < x.end for x in out):
            continue
        ment = _Mention(i, e, m.group("level"), text[i:s], text[s + len(m.group("level")):e])
        if not _excluded(text, ment):
            ment.role = "receiver"      # 向市人民政府报告并申请拨付资金: the government takes the report
            out.append(ment)
    return out


# A locative before a body says whose (向户籍所在地社区居委会, 报所属县市区商务主管部门): not part of its name.
_LOCATIVE_HEAD_RE = re.compile(r"^(?:户籍|注册地|注册|居住地|经营地|参保地|就业地|企业|项目)?(?:所在地|所在|所属)(?=\S{2})")


def body_name(written: str) -> str:
    """The name a body goes by, from the words written for it: a locative before it is dropped. A second
    name in brackets stays (市市场监管局(知识产权局)): readers of the tune pages kept it 8 times of 10."""
    name = _LOCATIVE_HEAD_RE.sub("", written)
    return name if len(name) >= 3 else written


# 同级财政、税务部门: the bare bodies of a list opened by a relative level are that level's, not the document's
_RELATIVE_LIST_RE = re.compile(r"(?:同级|本级|当地|属地)[\u4e00-\u9fff]{1,8}[、和及]$")
# a shorthand listed with the national ministries (财政部、科技部、工信部、发改委等四部委) is theirs, not the
# document's level's: no 市 is added to it
_MINISTRY_LIST_BEFORE_RE = re.compile(r"(?:^|[^\u4e00-\u9fff]|[、和及])(?:国务院|(?![省市区县州委])(?:(?!组织|宣传|统战)[\u4e00-\u9fff]){1,6}部)[、和及]$")
# (a shorthand in such a list is a commission's or a ministry's, never a bureau: 科技部、财政局 keeps 市财政局)
_NATIONAL_SHORT_RE = re.compile(r"(?:委|部|署|总局|办)$")
_MINISTRY_LIST_AFTER_RE = re.compile(r"(?:[、和及][\u4e00-\u9fff]{1,8})*等[一二三四五六七八九十\d]*个?部委")


def national_company(text: str, start: int, end: int) -> bool:
    """The name at text[start:end] stands in a list of national ministries (and is named like one of them)."""
    return bool(_NATIONAL_SHORT_RE.search(text, start, end)) and bool(
        _MINISTRY_LIST_BEFORE_RE.search(text, max(0, start - 10), start)
        or _MINISTRY_LIST_AFTER_RE.match(text, end, end + 40))


def _mention_ref(text: str, m: _Mention, level_prefix: str | None) -> UnitRef:
    written = text[m.start:m.end]
    if _RELATIVE_LIST_RE.search(text, max(0, m.start - 12), m.start) or national_company(text, m.start, m.end):
        level_prefix = None
    name = body_name(written) if (m.level or m.place) else complete_name(body_name(written), level_prefix)
    role = m.role or "co"
    if role == "administrator" and "财政" in m.core:
        role = "funder"           # a finance body administers money: it funds
    return UnitRef(name=name, role=role, text=written, start=m.start, end=m.end)


_LEVEL_CLASS = {"省人民政府": "省", "市人民政府": "市", "县人民政府": "县", "区人民政府": "区", "自治区人民政府": "省",
                "县级以上人民政府": "县级以上", "县级以上地方人民政府": "县级以上", "市": "市", "市级": "市", "市本级": "市", "省": "省", "省级": "省", "省上": "省", "自治区": "省",
                "区": "区", "区级": "区", "县": "县", "县级": "县", "县本级": "县", "国家": "国", "中华人民共和国": "国",
                "中央": "国", "州": "州", "旗": "旗", "旗级": "旗"}


_VAGUE_HEAD_RE = re.compile(r"^各?(?:相关|有关)")


# Prefixes a body's full name may carry that its short mentions drop: the party (中共柳州市委组织部 =
# 柳州市委组织部), the state bank's 中国, the national tax administration over its local bureau.
_NAME_PREFIX_RE = re.compile(r"^(?:中共|中国共产党)(?=\S{0,10}?[省市区县州盟旗]委)|^中国(?=人民银行)|^国家税务总局(?=\S{2,12}税务局$)")


@functools.lru_cache(maxsize=4096)
def _parse_written(written: str) -> _Mention | None:
    """The one body a written name is (its level, place and portfolio), None if it is no body."""
    written = _NAME_PREFIX_RE.sub("", _VAGUE_HEAD_RE.sub("", written))
    ms = _scan_bodies(written, 0, len(written))
    if len(ms) != 1 or ms[0].start != 0 or ms[0].end != len(written):
        return None
    return ms[0]


def _identity(written: str, level_prefix: str | None, places: dict[str, str]) -> tuple[str, str, str] | None:
    """(key, level class, core) of a written body name; None when it is no single body."""
    m = _parse_written(written)
    if m is None:
        return None
    core = m.core[1:] if m.core.startswith("各") and not m.level and len(m.core) > 3 else m.core
    # 各县(区)工信部门 and 县(区)工信部门 are one body kind: the name keeps its 各 as written
    lv = m.level[1:] if m.level.startswith("各") else m.level
    level = _LEVEL_CLASS.get(lv, lv).replace("（", "(").replace("）", ")")
    if m.place:
        level = places.get(m.place) or _nested_place(m.place, places) or m.place + (m.level or "")
    elif not m.level:
        # 财政部门 unplaced names the function wherever it sits, not the document's own 财政局
        level = "国" if core.endswith(("部", "总局", "署")) and not core.endswith("部门") else \
            "" if core.endswith("部门") else "省" if core.endswith("厅") and level_prefix else (level_prefix or "")
    if level == "市" and not m.place and "@市" in places:
        level = places["@市"]   # 市民政局 and a bare 民政局 in a county-level city's document: its own
    return _canon_key(level, core), level, core


def _nested_place(place: str, places: dict[str, str]) -> str | None:
    """长春市朝阳区 written whole, when the document's places are 长春市 and 朝阳区: the innermost one's level."""
    best = None
    for k in places:
        if len(k) < len(place) and place.endswith(k) and place[:-len(k)] in places \
                and (best is None or len(k) > len(best)):
            best = k
    return places[best] if best else None


_GOV_NAME_RE = re.compile(r"(?P<place>[\u4e00-\u9fff]{0,8}?)(?P<level>自治区|[省市县区])(?:人民)?政府")


def _gov_identity(written: str, places: dict[str, str]) -> tuple[str, str, str] | None:
    """(key, level class, core) of a single government (长沙市政府 = 市人民政府 in a Changsha page)."""
    m = _GOV_NAME_RE.fullmatch(written)
    if m is None:
        return None
    place, level = m.group("place"), m.group("level")
    lv = places.get(place, places.get(place + level, place + level)) if place else _LEVEL_CLASS.get(level, level)
    return f"{lv}|政府|", lv, written[m.end("level"):]


def _doc_places(region) -> dict[str, str]:
    """The document's own place names -> their level class (南宁市/南宁 -> 市)."""
    out: dict[str, str] = {}
    if region is None:
        return out
    for attr, cls in (("province", "省"), ("city", "市"), ("district", None)):
        v = getattr(region, attr, None)
        if not v:
            continue
        c = cls or ("县" if v.endswith("县") else "县市" if v.endswith("市") else "旗" if v.endswith("旗") else "区")
        if attr == "province" and v.endswith("市"):
            c = "市"            # a municipality's 市商务委 is 上海市商务委员会
        if c == "县市":
            out["@市"] = c      # a county-level city (海宁市) writes its own bodies 市人社局
        out[v] = c
        short = re.sub(r"(壮族|回族|维吾尔)?(自治区|自治州|省|市|地区|盟|区|县|旗)$", "", v)
        if len(short) >= 2:
            out[short] = c
            out[short + ("省" if cls == "省" else "市" if cls == "市" else "")] = c
    return out


def placed_name(name: str, region) -> str | None:
    """A body's name with the place ``region`` makes certain (市科技局 in a 南宁市 document: 南宁市科学技术局), by
    the same reading as a document's unit list; None where the name is no single leveled body (市场监管部门,
    市县科技部门) or the place is not certain."""
    ident = _identity(name, None, {})
    return _full_name(ident[1], ident[2], region) if ident is not None and ident[1] else None


def _full_name(level: str, core: str, region) -> str | None:
    """南宁市 + 科技局 where the document's place makes the body's place certain."""
    if region is None:
        return None
    place = {"省": getattr(region, "province", None), "市": getattr(region, "city", None),
             "区": getattr(region, "district", None), "县": getattr(region, "district", None),
             "县市": getattr(region, "district", None), "旗": getattr(region, "district", None),
             "盟": getattr(region, "city", None)}.get(level)
    if not place or (level in ("区", "县", "旗", "盟") and not place.endswith(level)):
        return None
    if core.startswith(_PARTY_HEADS + ("人民银行", "人行", "国家金融")) or _starts_with_place(core):
        return None             # party organs and central-bank branches are named otherwise
    if core in _BARE_OK or core == "财政":
        core += "厅" if level == "省" else "局"
    head = _ZONE_BODY_RE.match(core)
    if head and place.endswith((head.group(), ZONE_OFFICIAL.get(head.group(), head.group()))):
        core = core[head.end():]    # 高新区财政金融局 of 成都高新技术产业开发区: the zone is named once
    code = getattr(region, "code", None) or ""
    if level == "区" and place.endswith("区") and len(code) == 6 and not code.endswith("00"):
        # a district's departments are officially named with their city (常州市武进区财政局, 重庆市永川区…):
        # district names repeat across cities (鼓楼区); county names and zones (no division code of their
        # own: they carry their city's or province's, ending in 00) are left as they are
        city = getattr(region, "city", None) or getattr(region, "province", None)
        if city and city.endswith("市") and not place.startswith(city):
            place = city + place
    return place + _OFFICIAL_RE.sub(lambda m: _OFFICIAL[m.group()], core)


# Standard shorthands -> the official name a full name carries (科技局 -> 科学技术局).
_OFFICIAL = {"科技局": "科学技术局", "科技厅": "科学技术厅", "发改委": "发展和改革委员会", "发展改革委": "发展和改革委员会",
             "人社局": "人力资源和社会保障局", "人力资源社会保障局": "人力资源和社会保障局",
             "人社厅": "人力资源和社会保障厅", "人力资源社会保障厅": "人力资源和社会保障厅",
             "工信局": "工业和信息化局", "工信厅": "工业和信息化厅", "住建局": "住房和城乡建设局", "住建厅": "住房和城乡建设厅",
             "住房城乡建设局": "住房和城乡建设局", "住房城乡建设厅": "住房和城乡建设厅", "卫健委": "卫生健康委员会",
             "卫健局": "卫生健康局", "市场监管局": "市场监督管理局", "医保局": "医疗保障局", "文旅局": "文化和旅游局",
             "文旅厅": "文化和旅游厅", "农业农村委": "农业农村委员会", "经信局": "经济和信息化局", "经信委": "经济和信息化委员会",
             "科委": "科学技术委员会"}
_OFFICIAL_RE = re.compile("^(?:" + "|".join(sorted(map(re.escape, _OFFICIAL), key=len, reverse=True)) + ")$")


_ALIAS_RE = re.compile(r"[(（]\s*(?:以下|下文)?(?:简称|称)\s*[:：]?\s*[“\"]?(?P<alias>[\u4e00-\u9fff]{2,20})[”\"]?\s*[)）]")


def _aliases(text: str, level_prefix: str | None, places: dict[str, str]) -> dict[str, str]:
    """市农机化管理办公室(以下简称市农机办): the short name's key -> the full name's key."""
    out: dict[str, str] = {}
    every = _scan_state(text)[1]
    for body in every:
        # 成都市市场监督管理局(成都市知识产权局): one body under two names; its second name, written
        # alone later (市知识产权局), is the same unit
        w = text[body.start:body.end]
        if w.endswith((")", "）")) and ("(" in w or "（" in w):
            k = max(w.rfind("("), w.rfind("（"))
            full = _identity(w, level_prefix, places)
            second = _identity(w[k + 1:-1], level_prefix, places)
            if full and second and full[0] != second[0]:
                out[second[0]] = full[0]
    _zone_aliases(text, every, level_prefix, places, out)
    if "简称" not in text:
        return out
    for m in _ALIAS_RE.finditer(text):
        body = next((b for b in every if b.end == m.start()), None)
        if body is None:
            continue
        full = _identity(text[body.start:body.end], level_prefix, places)
        short = _identity(m.group("alias"), level_prefix, places)
        if full and short and full[0] != short[0]:
            out[short[0]] = full[0]
    return out


_ZONE_BODY_RE = re.compile("^(?:" + "|".join(sorted(map(re.escape, _ZONE_HEADS), key=len, reverse=True)) + ")(?=..)")


def _zone_aliases(text: str, every: list, level_prefix: str | None, places: dict[str, str], out: dict[str, str]) -> None:
    """高新区科技创新局会同财政金融局审核: a zone department written bare later is the zone's, when no body of
    that portfolio is written with a level or a place of its own (市财政局 stays the city's)."""
    zone: dict[str, str] = {}
    explicit: set[str] = set()
    for body in every:
        w = text[body.start:body.end]
        m = _ZONE_BODY_RE.match(w)
        if m and not body.place:
            bare = _identity(w[m.end():], level_prefix, places)
            full = _identity(w, level_prefix, places)
            if bare and full and bare[0] != full[0]:
                zone.setdefault(bare[0], full[0])
        elif body.level or body.place:
            ident = _identity(w, level_prefix, places)
            if ident:
                explicit.add(ident[0])
    for bare, full in zone.items():
        if bare not in explicit and bare not in out:
            out[bare] = full


_BARE_TAIL_RE = re.compile("(?:" + "|".join(sorted(_BARE_OK, key=len, reverse=True)) + ")$")


def _lower_gov_key(written: str) -> str | None:
    """各镇(街道) / 各镇（街道）: one key for a group of lower governments, however its brackets are written
    (a list read it from one path, the body scan from another: the same group had been listed twice)."""
    if not _LOWER_GOV_NAME_RE.fullmatch(written):
        return None
    return "下级|政府|" + _WS_RE.sub("", written).replace("（", "(").replace("）", ")")


_LEVEL_HEADS = ("市", "县", "区", "省", "州", "盟", "旗", "自治区", "自治州", "镇", "乡", "街道")


def document_units(text: str, measure_units: list[UnitRef], *, level_prefix: str | None = None,
                   region=None, title: str | None = None, full_names: dict | None = None) -> list[UnitRef]:
    """Distinct units of a document, each with its main role: list roles from the measures
    (牵头/责任单位), and every body the scanner finds with the role its context gives.
    Order: the marked lead first, then order of appearance. ``full_names``, when given, is filled
    with (start, end) of each measure unit -> the full name its document-level body has, so a
    measure's 市人社局 reads 南宁市人社局 wherever the document's entry does."""
    places = _doc_places(region)
    found: dict[str, dict] = {}

    aliases = _aliases(text, level_prefix, places)

    def add(key: str, ref: UnitRef, rank_role: str, place_written: bool) -> None:
        key = aliases.get(key, key)
        cur = found.get(key)
        ranks = _FINANCE_RANK if "|财政|" in key else _ROLE_RANK
        if cur is None:
            found[key] = cur = {"ref": ref, "rank": rank_role, "full": None, "start": ref.start}
        else:
            if ranks[rank_role] < ranks[cur["rank"]]:
                cur["rank"] = rank_role
            if _BARE_TAIL_RE.search(cur["ref"].text) and not _BARE_TAIL_RE.search(ref.text) \
                    or cur["ref"].text.startswith("各") and ref.text == cur["ref"].text[1:]:
                cur["ref"] = ref        # 市级财政 then 市财政局 / 各区市场监管局 then 区市场监管局: the body's own name
            elif cur["ref"].text.startswith("各") and not ref.text.startswith("各"):
                # 各区人力资源和社会保障局(以下简称区人社局): the full name without 各, not the short one
                c = cur["ref"]
                cur["ref"] = replace(c, text=c.text[1:], start=c.start + 1,
                                     name=c.name[1:] if c.name.startswith("各") else c.name)
        if place_written and (cur["full"] is None or len(ref.text) > len(cur["full"])):
            cur["full"], cur["full_at"] = ref.text, ref.start

    mentions = body_mentions(text, 0, len(text), title=title, keep_weak=True)
    cert_doc = _CERT_TITLE_RE.search(title or text[:max(0, text.find("\n"))][:120])
    weak = {(m.start, m.end) for m in mentions if m.role == "receiver" and m.strength == 0}
    measure_keys: list[tuple[tuple[int, int], str]] = []
    for u in measure_units:
        at = (u.start, u.end)
        vague = _VAGUE_HEAD_RE.match(u.text)
        if vague and vague.end() < len(u.text) - 1:     # 各相关地方科技局 -> 地方科技局
            k = vague.end()
            u = UnitRef(name=u.name[k:] if u.name.startswith(u.text[:k]) else u.name, role=u.role,
                        text=u.text[k:], start=u.start + k, end=u.end, full_name=u.full_name)
        ident = _identity(u.text, level_prefix, places) or _gov_identity(u.text, places)
        key = ident[0] if ident else _lower_gov_key(u.text) or "name|" + u.name
        rank = {"lead": "lead", "co": "co_list"}.get(u.role, u.role)
        if rank == "receiver" and (u.start, u.end) in weak:
            rank = "receiver_weak"
        if rank not in _ROLE_RANK:
            rank = "co"
        measure_keys.append((at, aliases.get(key, key)))
        add(key, u, rank, False)
    listed = sorted((u.start, u.end) for u in measure_units)
    listed_starts = [a for a, _ in listed]
    longest = max((b - a for a, b in listed), default=0)
    for m in mentions:
        lo = bisect.bisect_left(listed_starts, m.end - longest)
        hi = bisect.bisect_right(listed_starts, m.start)
        if any(a <= m.start and m.end <= b and b - a > m.end - m.start for a, b in listed[lo:hi]):
            continue            # 高新区管委会 inside 东湖高新区管委会科创局, a name a list read whole
        written = text[m.start:m.end]
        ident = _identity(written, level_prefix, places) or _gov_identity(written, places)
        if ident is None:
            group = _lower_gov_key(written)
            ident = (group, "", written) if group else None
        if ident is None:
            continue
        key, level, core = ident
        role = m.role or "co"
        weak = m.strength == -1
        if role == "administrator" and core.startswith("财政"):
            role = "funder"           # a finance body administers money: it funds
        rank = "issuer_strong" if role == "issuer" and m.strength == 2 else \
            "co_list" if role == "co" and m.strength == 3 else \
            "receiver_weak" if role == "receiver" and m.strength == 0 else \
            "funder_weak" if weak and role == "funder" else "administrator_weak" if weak else role
        if rank == "certifier" and _DECIDES_RE.match(text, m.end, min(len(text), m.end + 12)):
            rank = "certifier_strong"     # 经县商务局审核认定: it decides, not only reviews what it received
        ref = _mention_ref(text, m, level_prefix)
        add(key, ref, rank, bool(m.place))
    out = []
    full_by_key: dict[str, str] = {}
    for key, cur in found.items():
        ref: UnitRef = cur["ref"]
        role = {"co_list": "co", "issuer_strong": "issuer", "receiver_weak": "receiver", "certifier_strong": "certifier",
                "administrator_weak": "administrator", "funder_weak": "funder"}.get(cur["rank"], cur["rank"])
        if role == "issuer" and cert_doc:
            role = "certifier"  # its author publishes whom it recognised (关于公布…认定名单的通知)
        if role == "issuer" and ref.text.endswith(("管委会", "管理委员会", "人民政府", "街道办事处")):
            continue            # a zone's committee is its general government: issuing only promulgates
        if cur["rank"] == "issuer_strong" and region is not None and getattr(region, "level", None) in \
                ("province", "city", "district") and _identity(ref.text, None, {}) is not None \
                and _identity(ref.text, None, {})[1] == "国":
            continue            # 今年5月,人民银行、金融监管总局发布通知…: national news a local page cites for context
        full = cur["full"]
        if full is None:
            ident = _identity(ref.text, level_prefix, places)
            # a name of its own before the core (五象新区管委会: core 新区管委会) is no level prefix to complete
            if ident and ref.text != ident[2] and not ref.text.startswith(_LEVEL_HEADS):
                ident = None
            if ident:
                full = _full_name(ident[1], ident[2], region) if not _identity(ref.text, None, {})[1] in ("国",) else None
        at = cur.get("full_at", ref.start) if cur["full"] is not None else ref.start
        party = _PARTY_PREFIX_RE.search(text, max(0, at - 8), at)
        if party and "委" in (cur["full"] or ref.text):
            full = party.group().strip() + (full or ref.text)     # 中共南宁市委组织部: its name written whole
        if full:
            full_by_key[key] = full
        out.append((cur["rank"] in ("administrator_weak", "funder_weak"), cur["start"],
                    UnitRef(name=ref.name, role=role, text=ref.text, start=ref.start, end=ref.end, full_name=full)))
    # the marked lead first, then order of first appearance; a body kept weakly (no word gave it a role)
    # after the rest, so a reader taking the first administrator (compare's 主管单位) takes a sure one
    out.sort(key=lambda x: (x[2].role != "lead", x[0], x[1]))
    if full_names is not None:
        for at, key in measure_keys:
            if key in full_by_key:
                full_names[at] = full_by_key[key]
    return [u for *_, u in out]
