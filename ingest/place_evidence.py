"""Evidence of a document's place that is not a place name in its body.

- ``region_of_host``: a government site's host (``kjj.anshan.gov.cn``, ``www.yuan.gov.cn``,
  ``www.gd.gov.cn``). Labels are read against the pinyin of every gazetteer name plus the
  provinces' customary short hosts; other hosts (mirrors, aggregators) say nothing.
- ``region_of_filing``: the 公网安备 filing number in a government site's footer, whose first six
  digits are the administrative division code of the filing place (皖公网安备 34150202000125号).
- ``province_of_doc_number``: 琼府〔2005〕9号, 湘老龄发〔2019〕3号 → the province whose one-character
  abbreviation opens the number (only abbreviations no city also uses).
- ``city_of_doc_number``: 株政办发〔2024〕12号 → 株洲市, when one city (of the province, if known) has
  the abbreviation.
- ``dateline_place``: a local paper's dateline at the top of a news story (厦门日报讯, 南宁晚报讯).
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from typing import Optional
from urllib.parse import urlsplit

from ..records import Region

# Hosts provinces use that are not the pinyin of their name.
_PROVINCE_HOSTS = {
    "bj": "北京市", "tj": "天津市", "sh": "上海市", "cq": "重庆市", "hlj": "黑龙江省", "jl": "吉林省",
    "ln": "辽宁省", "nmg": "内蒙古自治区", "nx": "宁夏回族自治区", "js": "江苏省", "zj": "浙江省",
    "ah": "安徽省", "fj": "福建省", "sd": "山东省", "gd": "广东省", "gxzf": "广西壮族自治区",
    "gx": "广西壮族自治区", "sc": "四川省", "yn": "云南省", "xj": "新疆维吾尔自治区",
}
# One-character abbreviations that open provincial document numbers and that no prefecture
# also uses for its own (青 is also 青岛, 宁 also 南京, 吉 also 吉林市, 云 also 云浮 …).
_PROVINCE_ABBR = {
    "京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省", "晋": "山西省",
    "蒙": "内蒙古自治区", "辽": "辽宁省", "黑": "黑龙江省", "苏": "江苏省", "浙": "浙江省", "皖": "安徽省",
    "闽": "福建省", "赣": "江西省", "鲁": "山东省", "豫": "河南省", "鄂": "湖北省", "湘": "湖南省",
    "粤": "广东省", "桂": "广西壮族自治区", "琼": "海南省", "川": "四川省", "黔": "贵州省", "滇": "云南省",
    "藏": "西藏自治区", "陕": "陕西省", "甘": "甘肃省", "陇": "甘肃省",
}
# After the abbreviation a prefecture's numbers read 晋市政发, 苏府 (苏州), 甘孜州, 黔南府 …
_DOC_NUMBER = re.compile(r"^\s*(?!苏府|甘孜|甘南|黔东南|黔南|黔西南|鄂府|黔江)([京津沪渝冀晋蒙辽黑苏浙皖闽赣鲁豫鄂湘粤桂琼川黔滇藏陕甘陇])"
                         r"(?!市)[\u4e00-\u9fff]{1,6}[〔\[［(（]?\s*(?:19|20)\d\d")
_FILING = re.compile(r"公[网網]安[备備]\s*(\d{6})\d*")   # 公網安備 on a traditional-script page
_MEDIA = r"(?:日报社?|晚报|都市报|新闻网|广播电视台|电视台|融媒体中心)"
_DATELINE = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:日报|晚报|都市报|新闻网|广播电视台|电视台|融媒体中心|发布)讯")
# a local paper's byline or masthead on a line of its own: 济南日报记者 李想, 济南日报　2024年3月15日　第2版
_BYLINE = re.compile(r"(?:^|\n)[ \t\u3000]*([\u4e00-\u9fff]{2,4}?)(?:日报|晚报|都市报)社?[ \t\u3000]*"
                     r"(?:记者|通讯员|首席记者|全媒体记者|融媒记者|(?:19|20)\d{2}\s?年)")
# a credit closing a local story: (商州区广播电视台 杨运良)
_CREDIT = re.compile(rf"[(（]\s*([\u4e00-\u9fff]{{2,6}}?){_MEDIA}[\s\u4e00-\u9fff]{{0,12}}[)）]")
# the site's own name in its chrome: 离开“随州市人民政府”门户网站, 主办单位:宣恩县人民政府办公室
# (traditional forms too: the page text is read before script conversion); the site's name
# on a line of its own: 深圳市南山区人民政府网站
_PORTAL = re.compile(r"(?:(?:离开|離開)[“\"「]|主(?:办|辦)(?:单位|單位)?[:：]\s*|(?:版权所有|版權所有)[:：]?\s*(?:©\s*)?|^\s*)"
                     r"([\u3400-\u9fff]{2,16}?)人民政府(?:办公室|辦公室|办公厅|辦公廳)?"
                     r"(?:[”\"」]|(?:门户|門戶)?(?:网站|網站)|\s|$)", re.M)
# Before its 人民政府 a _PORTAL match holds at most 22 characters that are not spaces (a name of
# 16, 版權所有：© 6), all of them CJK or these; it starts at a line start or one of _PORTAL_FIRST.
_PORTAL_REACH = 22
_PORTAL_LEAD = frozenset("“\"「:：©")
_PORTAL_FIRST = frozenset("离離主版")


def _portal_matches(text: str):
    """``_PORTAL.finditer(text)``, the same matches in the same order, but tried only near each
    人民政府: the regex has no literal head, and trying it at every position of a whole page
    cost milliseconds."""
    pos = 0
    while True:
        q = text.find("人民政府", pos)
        if q < 0:
            return
        # a match starting at or before q holds q's 人民政府 and only allowed characters before it
        lo, count = q, 0
        while lo > pos:
            c = text[lo - 1]
            if not c.isspace():
                if not ("\u3400" <= c <= "\u9fff" or c in _PORTAL_LEAD) or count == _PORTAL_REACH:
                    break
                count += 1
            lo -= 1
        m = None
        for p in range(lo, q + 1):
            if p == 0 or text[p - 1] == "\n" or text[p] in _PORTAL_FIRST:
                m = _PORTAL.match(text, p)
                if m:
                    break
        if m is None:
            pos = q + 1       # a later match starts after q
            continue
        yield m
        pos = m.end()


@functools.lru_cache(maxsize=2)
def _pinyin_index(alt: bool = False) -> dict[str, list]:
    """pinyin of every unit's short and full name -> units (``anshan`` -> 鞍山市); ``alt``: the other
    readings of names with a polyphonic character (``minhang`` -> 闵行区)."""
    from .region import gazetteer, name_pinyin, name_pinyin_variants, short_name

    out: dict[str, list] = defaultdict(list)
    for u in gazetteer().units.values():
        for name in {u.name, short_name(u.name)} - {None}:
            for key in ([p for p, _ in name_pinyin_variants(name)] if alt else [name_pinyin(name)[0]]):
                if u not in out[key]:
                    out[key].append(u)
    return out


# Department labels hosts put before the place (rsj.sm.gov.cn): 张家界's initials are 住建局's too
_DEPARTMENT_LABELS = frozenset("zjj rsj kjj czj fgw jyj gxj sjj mzj swj hbj wjw nyj slj jtj sti kjt czt rst jyt gxt swt zjt "
                               "sft sfj gaj tjj sjt lyj wlj whj ybj yjj tyj zfj scj".split())


@functools.lru_cache(maxsize=1)
def _city_initials() -> dict[str, object]:
    """Initials of a prefecture's short name that no other prefecture, province host or pinyin key
    shares (``xm`` 厦门市, ``sm`` 三明市; ``cz`` is six cities and reads nothing)."""
    from .region import gazetteer, name_pinyin, short_name

    found: dict[str, list] = defaultdict(list)
    for u in gazetteer().units.values():
        if u.kind == "city":
            found[name_pinyin(short_name(u.name) or u.name)[1]].append(u)
    taken = set(_PROVINCE_HOSTS) | set(_pinyin_index()) | _DEPARTMENT_LABELS
    return {k: us[0] for k, us in found.items() if len(us) == 1 and len(k) >= 2 and k not in taken}


@functools.lru_cache(maxsize=2)
def _compound_index(alt: bool = False) -> dict[str, list]:
    """Hosts that join a parent's key and a child's (``zjcs`` 浙江常山, ``szns`` 深圳南山):
    pinyin or initials of each, parent first; ``alt``: with the other readings too (``shmh`` 上海闵行)."""
    from .region import gazetteer, name_pinyin, name_pinyin_variants, short_name

    g = gazetteer()

    def keys(u) -> set[str]:
        name = short_name(u.name) or u.name
        keys = set(name_pinyin(name))
        if alt:
            keys |= {k for pair in name_pinyin_variants(name) for k in pair}
        if u.kind == "province":
            keys |= {k for k, v in _PROVINCE_HOSTS.items() if v == u.name}
        return keys

    out: dict[str, list] = defaultdict(list)

    def add(parent, u) -> None:
        for a in keys(parent):
            for b in keys(u):
                if len(a) + len(b) >= 4 and u not in out[a + b]:
                    out[a + b].append(u)

    for parent_code, kids in g.children.items():
        parent = g.units[parent_code]
        for u in kids:
            add(parent, u)
            if parent.kind == "province":       # a county under its province: zjcs 浙江常山
                for d in g.children.get(u.code, []):
                    add(parent, d)
    return out


_RANK = {"province": 0, "city": 1, "district": 2}


def _pick(units: list, parent=None):
    if parent is not None:
        units = [u for u in units if u.province == parent.name or u.city == parent.name] or []
    if not units:
        return None
    top = min(_RANK[u.kind] for u in units)
    best = [u for u in units if _RANK[u.kind] == top]
    # 海南 is the province before the prefecture; two cities of one name stay unknown
    return best[0] if len({u.code for u in best}) == 1 else None


def is_gov_host(url: Optional[str]) -> bool:
    host = _host(url)
    return bool(host) and (host.endswith(".gov.cn") or host == "gov.cn")


def _host(url: Optional[str]) -> str:
    if not url:
        return ""
    try:
        return (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return ""


def region_of_host(url: Optional[str]) -> Optional[Region]:
    """The jurisdiction of a ``*.gov.cn`` host, read from its labels right to left."""
    from .region import gazetteer, region_of_unit

    if not is_gov_host(url):
        return None
    labels = _host(url).split(".")[:-2]        # drop gov, cn
    g = gazetteer()
    current = None
    for label in reversed(labels):
        if label in ("www", "m", "wap"):
            continue
        prov = _PROVINCE_HOSTS.get(label)
        if prov and current is None:
            current = g.full[prov][0]
            continue
        u = _pick(_pinyin_index().get(label, []), current)
        if u is None and current is None:
            found = _compound_index().get(label, [])
            u = found[0] if len(found) == 1 else None
        if u is None and label not in _pinyin_index() and label not in _compound_index():
            # the readings pypinyin does not put first (shmh 上海闵行, fogang 佛冈), then a prefecture's
            # initials no other prefecture shares (xm 厦门, sm 三明): tried only where nothing else reads
            u = _pick(_pinyin_index(alt=True).get(label, []), current)
            if u is None and current is None:
                found = _compound_index(alt=True).get(label, [])
                u = found[0] if len(found) == 1 else None
            if u is None and current is None:
                u = _city_initials().get(label)
        if u is None:
            continue            # a department label (kjj, fgw, rsj) or an unknown one
        current = u
    return region_of_unit(current) if current is not None else None


def region_of_filing(raw_text: str) -> Optional[Region]:
    """Division code of a 公网安备 filing number (footer of a government site)."""
    from .region import gazetteer, region_of_unit

    raw_text = raw_text or ""
    at = raw_text.find("公网安备")     # str.find skips through a whole page far faster than the regex
    if at < 0:
        at = raw_text.find("公網安備")
    m = _FILING.search(raw_text, at) if at >= 0 else None
    if not m:
        return None
    units = gazetteer().units
    code = m.group(1)
    # division codes nest by prefix (34 > 3415 > 341502); the filing office is often the
    # neighbouring district's police, so trust the code to the city only
    for pref in (code[:4], code[:2]):
        u = units.get(pref)
        if u is not None:
            return region_of_unit(u)
    return None


def province_of_doc_number(doc_number: Optional[str]) -> Optional[Region]:
    if not doc_number:
        return None
    m = _DOC_NUMBER.match(doc_number)
    if not m:
        return None
    from .region import division_code, gazetteer

    name = _PROVINCE_ABBR[m.group(1)]
    u = gazetteer().full[name][0]
    return Region(province=u.province, level="province", code=division_code(u.code))


# the numbers of documents a page cites: 根据湘老龄发〔2014〕3号文件
_CITED_NUMBER = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=号))([\u4e00-\u9fff]{2,12})([〔\[［]\s*(?:19|20)\d\d\s*[〕\]］]\s*\d{1,4}\s*号)")
# where a number may open inside the words before it: after a citing word (根据湘老龄发〔2014〕3号), never inside
# a word (高温津贴人社部发〔2012〕89号 is the ministry's, not 天津's)
_CITE_WORDS = ("根据", "按照", "依据", "参照", "对照", "执行", "转发", "印发", "落实", "贯彻", "和", "及", "与", "、")


def cited_numbers_province(text: str) -> Optional[Region]:
    """The province whose abbreviation opens every provincial document number the page cites (根据湘老龄发〔2014〕3号
    文件), or None when it cites none or several provinces'. A last resort for a page that names no place at all:
    a local page cites its own province's documents (and national ones, which carry no province)."""
    found: dict = {}
    for m in _CITED_NUMBER.finditer(text, 0, 20000):
        run, tail = m.groups()
        for i in range(len(run) - 1):       # the number opens somewhere in the words before it (根据湘老龄发)
            if i and not run[:i].endswith(_CITE_WORDS):
                continue
            r = province_of_doc_number(run[i:] + tail)
            if r is not None:
                found[r.province] = r
                break
    return next(iter(found.values())) if len(found) == 1 else None


# A prefecture's own numbers open with its one-character abbreviation and a government or department
# mark: 株政办发〔2024〕12号 (株洲), 南府办〔2016〕34号 (南宁), 甬政发 (宁波). Many prefectures share a first
# character (长沙/长春/长治, 南宁/南昌/南通), so a first character names a city only when no other city of
# the document's province, or of the country when no province is known, has it.
_CITY_NUMBER = re.compile(r"^\s*([\u4e00-\u9fff])(?:政|府|人社|财|科|发改|工信|教|商务|住建|卫健|民|农)"
                          r"[\u4e00-\u9fff]{0,4}[〔\[［(（]?\s*(?:19|20)\d\d")
# provinces that open their numbers with these too (青政发 is 青海's and 青岛's): no city reading
_PROVINCE_FIRST = frozenset("青宁吉云新贵内")
# customary abbreviations that are not the first character of the name (ingest/region.py reads them in prose too)
CITY_ABBR = {"甬": "宁波市", "穗": "广州市", "榕": "福州市", "筑": "贵阳市", "邕": "南宁市", "锡": "无锡市"}


@functools.lru_cache(maxsize=1)
def _cities_by_first() -> dict[str, list]:
    from .region import gazetteer

    out: dict[str, list] = defaultdict(list)
    for u in gazetteer().units.values():
        if u.kind == "city" and not u.municipality:
            out[u.name[0]].append(u)
    return out


def city_of_doc_number(doc_number: Optional[str], province: Optional[str] = None) -> Optional[Region]:
    """株政办发〔2024〕12号 → 株洲市: the prefecture whose abbreviation opens the number, when only one
    city (of ``province``, if given) has it; None otherwise, and for provincial numbers."""
    if not doc_number or province_of_doc_number(doc_number) is not None:
        return None
    m = _CITY_NUMBER.match(doc_number)
    if not m:
        return None
    from .region import gazetteer, region_of_unit

    ch = m.group(1)
    if ch in _PROVINCE_FIRST:
        return None
    if ch in CITY_ABBR:
        cands = list(gazetteer().full[CITY_ABBR[ch]])
    else:
        cands = [u for u in _cities_by_first().get(ch, ()) if province is None or u.province == province]
    if province is not None:
        cands = [u for u in cands if u.province == province]
    return region_of_unit(cands[0]) if len(cands) == 1 else None


def dateline_place(text: str) -> Optional[Region]:
    """A local paper's dateline in the first lines: 厦门日报讯 (记者 …) → 厦门市; its byline or masthead on a
    line of its own (济南日报记者 李想) → 济南市."""
    from .region import region_of_unit, unit_at_start

    m = _DATELINE.search(text[:200]) or _BYLINE.search(text[:300]) or _CREDIT.search(text, max(0, len(text) - 300))
    if not m:
        return None
    u, zone = unit_at_start(m.group(1))
    return region_of_unit(u, zone) if u is not None else None


def region_of_portal(page_text: str) -> Optional[Region]:
    """The government whose portal the page comes from, as its chrome names it (a mirror copies
    the chrome too, so this is the original site's place)."""
    from .region import region_of_unit, unit_at_start

    from .script import t2s

    for m in _portal_matches(page_text or ""):
        u, zone = unit_at_start(t2s(m.group(1)))
        if u is not None:
            return region_of_unit(u, zone)
    return None


# A page's 来源 (source) line naming a local government body or a local newsroom: 来源：毕节市人民政府办公室,
# 来源：黔西市融媒体中心 — who published the page, evidence like the site's host.
_SOURCE_LINE = re.compile(r"[来來]\s?源\s*(?:[:：|]\s*|(?=<))(?:<[^<>\n]{0,80}>\s*){0,3}"
                          r"([\u4e00-\u9fff]{2,20}?(?:人民政府(?:办公室|办公厅)?|政府网|局|委员会|委|厅|办公室"
                          r"|融媒体中心|日报社?|晚报|新闻网|广播电视台|电视台))"
                          r"(?=[^\u4e00-\u9fff]|发布|日期|时间|作者|浏览|更新|点击|$)")


_SOURCE_HEAD = re.compile(r"[来來]\s?源")   # 來源 on a traditional-script page (read before conversion)


def region_of_source_line(page_text: str) -> Optional[Region]:
    """The place of the body a page's 来源 line names (national bodies and placeless ones say nothing)."""
    from .region import region_of_unit, unit_at_start

    from .script import t2s

    text = page_text or ""
    tries = 0
    for head in _SOURCE_HEAD.finditer(text):
        m = _SOURCE_LINE.match(text, head.start())
        if m:
            u, zone = unit_at_start(t2s(m.group(1)))
            if u is not None:
                return region_of_unit(u, zone)
            tries += 1
            if tries == 3:
                break
    return None


# An information-disclosure page's index number (索引号: 11610114013443185P/2020-004784) opens with its publisher's
# unified social credit code: 1 (a body registered by the staffing office), a kind digit (1 an organ of government, 2 a
# public institution), then the division code of where it is registered (610114: 阎良区), then ten more characters.
_INDEX_CODE = re.compile(r"索\s?引\s?[号號]\s*(?:[:：|\]】]\s*|<[^<>\n]{0,80}>\s*){0,6}1[1-9](\d{6})[0-9A-Z]{10}(?![0-9A-Z])")


def region_of_index_code(page_text: str) -> Optional[Region]:
    """The division of the body whose credit code opens the page's 索引号 (None for a national body or an unknown code)."""
    from .region import gazetteer, region_of_unit

    text = page_text or ""
    at = text.find("索")
    while 0 <= at < len(text):
        m = _INDEX_CODE.match(text, at)
        if m:
            code = m.group(1)
            # the code as registered: a district's, a city's or a province's; a division since abolished (莱芜市
            # 371200) or unknown says nothing, rather than its province alone
            key = code if code[4:] != "00" else code[:4] if code[2:] != "0000" else code[:2]
            u = gazetteer().units.get(key)
            return region_of_unit(u) if u is not None else None
        at = text.find("索", at + 1)
    return None


def site_region(url: Optional[str], page_text: str = "") -> Optional[Region]:
    """Where a government site is: its host, else its publisher's credit code in the 索引号, its chrome or 来源 line,
    else its footer's filing code (government pages only: a mirror's footer names the mirror's town, not the
    policy's)."""
    site = region_of_host(url) or region_of_index_code(page_text) or region_of_portal(page_text) \
        or region_of_source_line(page_text)
    if site is None and (is_gov_host(url) or "政府网站标识码" in page_text or "政府網站標識碼" in page_text):
        site = region_of_filing(page_text)
    return site


# A news story's subject document: 《甘肃省…管理办法》出台 (the paper's own city only reports it).
_REPORTED = re.compile(r"《([^《》\n]{4,60}?(?:办法|意见|通知|方案|规定|细则|政策|措施|条例|规划|计划|决定|通告))》"
                       r"[\u4e00-\u9fff]{0,4}?(?:正式)?(?:出台|印发|发布|施行|实施|出炉|公布)")


# A news lead naming the issuer before the document: 国务院日前下发《关于…的意见》. The time word
# (日前, 近日, 11日) marks a report of news, not a citation (根据国务院印发的《…》 has none).
_ISSUED = re.compile(r"(?:^|[,，。;；:：\s])([\u4e00-\u9fff]{2,30}?)(?:日前|近日|今天|今日|昨天|昨日|\d{1,2}日)"
                     r"(?:正式|联合)?(?:印发|下发|出台|发布|公布)了?《([^《》\n]{4,60}?)》")


# ... or a news lead that opens a line with the day (no year: a citation dates its document in full,
# 2024年10月23日…印发《…》): 11月27日,科技厅发布《四川省科学技术厅关于公布…的通知》
_ISSUED_AFTER_DAY = re.compile(r"(?:^|\n)\s*(?:\d{1,2}月)?\d{1,2}日[,，]?\s*([\u4e00-\u9fff]{2,30}?)"
                               r"(?:正式|联合)?(?:印发|下发|出台|发布|公布)了?《([^《》\n]{4,60}?)》")


def reported_document_place(text: str) -> Optional[Region]:
    """The place of the document a news story reports: the one its opening names as issued, by its
    title (《甘肃省…管理办法》出台) or else by its issuer (国务院日前下发《…》 → national)."""
    from .region import region_of_name

    m = _REPORTED.search(text[:400])
    if m:
        r = region_of_name(m.group(1))
        if r is not None:
            return r
    m = _ISSUED.search(text[:300]) or _ISSUED_AFTER_DAY.search(text[:300])
    if m:
        return region_of_name(m.group(2)) or region_of_name(m.group(1))
    return None
