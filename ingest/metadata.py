"""Citation metadata read from a normalized (simplified) body: title, type, issuer, number, date.

Every field is None when the text does not state it; nothing is guessed.
Government documents put the title, the document number and the issuer in a short
header, and the issuer and date again in a signature block; numbers of *cited*
documents appear inside running sentences and are ignored.

``doc_type`` is the head noun of the title. For transmittals (``关于印发《X方案》的通知``)
``doc_type`` is 通知 and ``inner_doc_type`` the type of the transmitted document (方案).
"""
from __future__ import annotations

import re
from itertools import islice
from dataclasses import dataclass, field
from typing import Optional

from ..records import Repair
from ..text import CJK_RE, read_collapsed_date
from ..text import first_date as parse_date  # the one date reader (re-exported: tests import it here)
from .boilerplate import BYLINE_LABEL_AT_START
from .script import t2s

# Head nouns, longest first so 实施意见 wins over 意见 and 复函 over 函.
DOC_TYPES = ("实施意见", "实施细则", "暂行办法", "通知", "意见", "方案", "办法", "规定", "细则",
             "决定", "答复", "复函", "批复", "公告", "通告", "规划", "计划", "措施", "指南", "报告",
             "请示", "公示", "通报", "条例", "纲要", "决议", "建议", "函")
TYPE_NORMAL = {"实施细则": "细则", "暂行办法": "办法"}   # the type stored for these head nouns
_TYPE_ALT = "|".join(DOC_TYPES)

_ORG_SUFFIX = (r"(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|管委会|领导小组|"
               r"总局|局|厅|委|部|院|署|办|中心|政府|银行|政协|人大常委会|党委|市委|省委|县委|区委)")
_ORG_RE = re.compile(rf"^[\u4e00-\u9fff()()]{{2,40}}{_ORG_SUFFIX}$")
_ORGS_RE = re.compile(rf"^(?:[\u4e00-\u9fff()()]{{2,40}}{_ORG_SUFFIX}[ 、]?){{1,4}}$")

_BRACKETS_OPEN = re.escape("〔[［(（【﹝")
_BRACKETS_CLOSE = re.escape("〕]］)）】﹞")
# a 文号 (财建〔2015〕134号), shared with normalize (a run-on head breaks after one)
DOCNUM_RE = re.compile(
    rf"([\u4e00-\u9fff]{{1,10}})\s*[{_BRACKETS_OPEN}]\s*((?:19|20)\d{{2}})\s*[{_BRACKETS_CLOSE}]"
    r"\s*(第?\d{1,5})\s*号")
_TRAILING_PARENS = re.compile(r"\s*[(（][^()（）]{0,30}[)）]\s*$")
# the 文号 after a title, in brackets or after a space (…若干措施 东府〔2024〕8号)
_BRACKETED_DOCNUM = re.compile(rf"\s*[(（]\s*{DOCNUM_RE.pattern}\s*[)）]\s*$")
_SPACED_DOCNUM = re.compile(rf"\s+{DOCNUM_RE.pattern}\s*$")
_TRAILING_DOCNUM = re.compile(f"{_BRACKETED_DOCNUM.pattern}|{_SPACED_DOCNUM.pattern}")
_LEADING_DOCNUM = re.compile(rf"^\s*{DOCNUM_RE.pattern}\s*")
_BULLET = re.compile(r"^[\s•·●◆■\-*|]+|[\s|]+$")


def _bullet_edge(s: str) -> bool:
    """``s`` starts or ends with what _BULLET removes (otherwise the substitution keeps it)."""
    return bool(s) and (s[0].isspace() or s[0] in "•·●◆■-*|" or s[-1].isspace() or s[-1] == "|")
_WRAPPED = re.compile(r"^《(.+)》$")
_TITLE_TYPE_END = re.compile(rf"(?:{_TYPE_ALT})$")
_FIELD_TITLE = re.compile(r"^(?:(?:信件|来信|留言|咨询|问题)?标题|题目|文件名称|名称)\s*[:：]\s*\|?\s*([^|]+?)\s*(?:\||$)")
_REPLY_DATE = re.compile(r"答复(?:日期|时间)\s*[:：]\s*\|?\s*([0-9年月日\-./ ]{8,14})")
_REPLY_HINT = re.compile(r"答复日期|答复内容|现(?:给予|将有关情况)?(?:如下)?答复|答复如下")
_NOTICE_HINT = re.compile(r"通知全文如下|(?:现将|现就)[^。\n]{0,30}通知如下")

# Signature dates in Chinese numerals: 二〇一六年六月十三日.
_HAN_DIGIT = "〇○零一二三四五六七八九"
_DATE_TEXT = (r"(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
              rf"|[{_HAN_DIGIT}]{{4}}\s*年\s*[一二三四五六七八九十]{{1,2}}\s*月\s*[一二三四五六七八九十]{{1,3}}\s*日"
              r"|(?:19|20)\d{4,6})")
# (a signature line may end with the stop a flattened page put after it: 唐山市科学技术局2023年11月14日。)
_DATE_ONLY_LINE = re.compile(rf"^[(（]?\s*{_DATE_TEXT}\s*[)）]?[。.]?$")
_ORG_DATE_LINE = re.compile(rf"^(.{{2,60}}?{_ORG_SUFFIX})\s*({_DATE_TEXT})[。.]?$")
# Labelled fields of government CMS information tables (索引号 | 发文机关 | 发文字号 | 成文日期 ...).
_LABELS = (r"(索\s?引\s?号|主题分类|主\s?题\s?词|发文机关|制定机关|发布机构|发文单位|发文字号|字\s?号|文\s?号|成文日期|印发日期|发文日期"
           r"|成文时间|印发时间|发文时间|发布日期|公布日期|标\s?题|文件名称|名\s?称|有效性|体裁分类|组配分类)")
# "发文机关:" anywhere, or a label in its own table cell ("文号 | 仙政发〔2019〕10号"), not 项目名称 |.
# legal databases write 【制定机关】唐山市科学技术局
_FIELD_LABEL = re.compile(rf"{_LABELS}\s*([:：|】])")
_BARE_LABEL_LINE = re.compile(rf"^{_LABELS}$")
_CJK_CHAR = CJK_RE
# 发布机构 names the publishing office, often abbreviated (渝中区政府办公室): it yields to the
# issuer the title or signature gives in full.
_FIELD_KEYS = {"发文机关": "issuer", "制定机关": "issuer", "发布机构": "publisher", "发文单位": "issuer", "发文字号": "number",
               "字号": "number",     # 【字号】唐科高函〔2023〕47号 (a law database); 字号:默认 大 中 小 yields no number
               "文号": "number", "成文日期": "date", "印发日期": "date", "发文日期": "published", "发布日期": "published",
               "成文时间": "date", "印发时间": "date", "发文时间": "published",
               "公布日期": "date",     # a law database's 【公布日期】2023.11.14: the day the issuer promulgated it
               "标题": "title", "文件名称": "title", "名称": "title"}
# issue_date readings that give the page's own publication date, not a date the document states
PAGE_DATE_SOURCES = frozenset({"published", "byline", "meta", "masthead"})
# Announcements of ministries are numbered by year: 财政部 税务总局公告2021年第13号.
_ANNOUNCE_NUM = re.compile(r"^\s*([\u4e00-\u9fff][\u4e00-\u9fff ]{1,40}?公告)\s*((?:19|20)\d{2})\s*年\s*第\s*(\d{1,4})\s*号\s*$")
_TITLE_SEP = re.compile(r"\s*(?:_|\||\s[-—]+\s|--)\s*")   # not a bare ——: titles quote slogans with it
# Rules (规章) are numbered as orders: 广州市人民政府令 / 第180号, on one line or two.
_ORDER_NUM = re.compile(r"^\s*([\u4e00-\u9fff]{2,30}令)\s*[(（]?\s*(?:第\s*(\d{1,4})\s*号\s*[)）]?)?\s*$")
_ORDER_SERIAL = re.compile(r"^\s*[(（]?\s*第\s*(\d{1,4})\s*号\s*[)）]?\s*$")
_PLACELESS = re.compile(r"^(?:省|市|县|区|州|旗|盟)[\u4e00-\u9fff]")
_ISSUER_IN_TITLE = re.compile(rf"^(.{{2,80}}?{_ORG_SUFFIX})\s*关于")
_HEADER_LINES = 14


@dataclass
class Metadata:
    title: Optional[str] = None
    doc_type: Optional[str] = None
    inner_doc_type: Optional[str] = None
    issuer: Optional[str] = None
    doc_number: Optional[str] = None
    issue_date: Optional[str] = None
    issue_date_source: Optional[str] = None     # which reading gave issue_date (field, signature, …; PAGE_DATE_SOURCES)
    repairs: list[Repair] = field(default_factory=list)   # interpretation-only (collapsed dates)
    title_line: Optional[int] = None


def _fields(lines: list[str]) -> dict[str, str]:
    """Labelled header fields (first occurrence each) from the first lines of the text."""
    out: dict[str, str] = {}
    for n, line in enumerate(lines):
        bare = _BARE_LABEL_LINE.match(_BULLET.sub("", line))
        if bare and n + 1 < len(lines) and not _FIELD_LABEL.search(lines[n + 1]):
            # a label alone on its line, no colon, its value on the next (成文日期 / 2023-10-09)
            key = _FIELD_KEYS.get(re.sub(r"\s", "", bare.group(1)))
            value = _BULLET.sub("", lines[n + 1]).strip()
            if key and key not in out and value and not _BARE_LABEL_LINE.match(value) \
                    and (key != "number" or any(c.isdigit() for c in value)):
                out[key] = value
            continue
        labels = list(_FIELD_LABEL.finditer(line))
        for i, m in enumerate(labels):
            if m.group(2) == "|" and m.start() and _CJK_CHAR.match(line, m.start() - 1):
                continue
            if line[m.start() - 1:m.start()] == "原":   # （原标题：…） names a reprint's old title
                continue
            key = _FIELD_KEYS.get(re.sub(r"\s", "", m.group(1)))
            if not key or key in out:
                continue
            end = labels[i + 1].start() if i + 1 < len(labels) else len(line)
            value = line[m.end():end].strip(" |\t")
            value = value.split("|")[0].strip()
            if not value and i == len(labels) - 1 and n + 1 < len(lines) and not _FIELD_LABEL.search(lines[n + 1]):
                value = _BULLET.sub("", lines[n + 1]).strip()     # a table flattened a cell per line: 成文日期: / 2023-10-09
            if key == "number" and not any(c.isdigit() for c in value):
                continue        # 字号:默认 大 中 小 — a page's font-size switch, no number
            if value:
                out[key] = value
    return out


def normalize_doc_number(abbr: str, year: str, serial: str) -> str:
    """``青政办``, ``2017``, ``2`` -> ``青政办〔2017〕2号`` (brackets unified to 〔〕)."""
    return f"{abbr}〔{year}〕{serial}号"


def _type_of(title: str) -> Optional[str]:
    core = _TRAILING_PARENS.sub("", title.rstrip("》\"”"))
    m = _TITLE_TYPE_END.search(core)
    if not m:
        return None
    return TYPE_NORMAL.get(m.group(), m.group())


# A scrape that flattened a page's header puts its info fields on the title's line (…管理办法 时间:2009-11-10
# 来源: 作者:) and a download list names the file (…奖励办法(共10页).doc): neither is part of the title.
_FIELDS_AFTER = re.compile(r"\s+(?:时间|发布时间|发布日期|日期|来源|作者|浏览次数|点击数|阅读次数|字号)\s*[:：].*$")
_FILE_TAIL = re.compile(r"\s*(?:[(（]共\d+页[)）]\s*)?\.(?:docx?|pdf|wps|xlsx?)$|\s*[(（](?:全文|附全文|第\d+页)[)）]$", re.I)
# SEO and gambling spam a scrape keeps as a page's first line (…为您分享以下优质知识, 365bet盘口_…)
# (彩票 alone is no spam: 彩票公益金 is a fiscal topic of its own)
_SPAM_LINE = re.compile(r"为您分享|[Bb][Ee][Tt]\d|\d{3}[Bb][Ee][Tt]|即时比分|娱乐城")


# words of a title that cites a document by its number (关于贯彻落实国发〔2015〕23号文件精神…): no issuer's code
_CITING = re.compile(r"关于|贯彻|落实|执行|根据|按照|依据|转发|印发|学习")
_TITLE_LINE_MAX = 300       # a title is at most 100 characters (_is_titleish): past this a line is no title, and its
# spaces cost the patterns below quadratic time


def _clean_title(line: str) -> str:
    s = _BULLET.sub("", line[:_TITLE_LINE_MAX])
    if re.match(r"附件\s*\d*\s*[:：].*\.(?:pdf|docx?|wps|xlsx?|ofd|zip|rar)\s*$", s, re.I):
        return s            # an attachment's file (附件:…的通知.pdf) titles the attachment, not the page
    s = _FILE_TAIL.sub("", _FIELDS_AFTER.sub("", s))
    s = _BRACKETED_DOCNUM.sub("", s)
    spaced = _SPACED_DOCNUM.search(s)
    if spaced and _type_of(s[:spaced.start()]):
        s = s[:spaced.start()]      # …若干措施 东府〔2024〕8号 (not 关于贯彻落实 国发〔2024〕8号: a title's own words)
    lead = _LEADING_DOCNUM.match(s)
    if lead and not _CITING.search(lead.group(1)):
        s = s[lead.end():]      # 南府办〔2016〕34号 关于…: the number before the title (not 关于贯彻落实国发〔2015〕23号文件精神…)
    m = _WRAPPED.match(s)
    if m and "《" not in m.group(1):
        s = m.group(1)
    if ":" in s or "：" in s:
        tail = re.split(r"[:：]", s)[-1].strip()
        if tail and _type_of(tail):
            s = tail
    return s.strip()


def _is_titleish(s: str) -> bool:
    # Sentences, breadcrumbs (首页 > 政策), table rows, attachment lists, a reprint's （原标题：…） note
    # and a section's heading (四、保障措施 on a page cut mid-document) are not titles.
    return (6 <= len(s) <= 100 and not _NOT_HEADLINE.search(s) and not re.search(r"[。!！?？;；,，>»|]", s)
            and not _SPAM_LINE.search(s)
            and not s.endswith(("如下", ":", "："))
            and not re.match(r"^(?:根据|为了?|按照|经|附件|\d+[.、]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])", s))


def _find_title(lines: list[str]) -> tuple[Optional[str], Optional[int]]:
    for i, line in enumerate(lines[:_HEADER_LINES]):
        m = _FIELD_TITLE.match(line)
        if m:
            return m.group(1).strip(), i
    repeated = _repeated_title(lines[:_HEADER_LINES])
    if repeated is not None:
        return repeated
    cited = _cited_lines(lines[:_HEADER_LINES])
    for i, line in enumerate(lines[:_HEADER_LINES]):
        s = _clean_title(line)
        if not _is_titleish(s) or i in cited:
            continue
        if i > 0 and s.count("》") > s.count("《"):
            # the title's head is on the line above (即时比分关于印发《2026年 / 省〈…〉分工方案》的通知)
            above = _clean_title(lines[i - 1])
            if above.count("《") > above.count("》"):
                k = above.find("关于")
                head = above[k:] if k >= 0 else _SPAM_LINE.sub("", above)
                if _is_titleish(head + s):
                    s = head + s
        if _type_of(s) and (s.startswith("关于") or _ISSUER_IN_TITLE.match(s) or len(s) <= 60):
            return s, i
        # Titles broken over 2-3 short lines: [issuer] / 关于... / ...的通知
        issuer_line = _ORGS_RE.match(s) and i + 1 < len(lines) and lines[i + 1].startswith("关于")
        start_ok = s.startswith("关于") or _ISSUER_IN_TITLE.match(s) or issuer_line
        if not start_ok:
            continue
        joined = s
        for j in range(i + 1, min(i + 4, len(lines))):
            nxt = _clean_title(lines[j])
            if len(nxt) >= 8 and joined.startswith(nxt[:8]) and _is_titleish(nxt):
                joined = nxt    # the title again, whole this time: the line above was a cut copy (site chrome)
            elif len(nxt) > 40 or not _is_titleish(joined + nxt):
                break
            else:
                joined += nxt
            if _type_of(joined):
                return joined, i
    return None, None


_BASIS_LABEL = re.compile(r"\s*(?:文件|政策|法规|法律|制定|设定|实施)?依据\s*[:：]")


def _cited_lines(head: list[str]) -> set[int]:
    """The lines under a basis label that list the documents a page rests on (文件依据:…《…》(市财函〔2019〕2993号) /
    西安市…关于印发《…》的通知 / 陕西省…的通知): cited documents, none of them the page's title."""
    out: set[int] = set()
    for j, x in enumerate(head):
        if _BASIS_LABEL.match(x):
            k = j + 1
            while k < len(head) and _type_of(_clean_title(head[k])) and _BASIS_LABEL.match(head[k]) is None:
                out.add(k)
                k += 1
    return out


_REPEATED_MIN = 12      # characters: a repeated short line is a menu's (通知公告), not a title
_REPEATS = 3            # <title>, breadcrumb and heading: a related document or a ticker's item shows twice at most
_PLACE_HEAD = re.compile(r"^[\u4e00-\u9fff]{1,6}?[省市县区州旗]")


def _issues(notice: str, title: str) -> bool:
    """``notice`` (a line above) issues the document ``title`` names: …关于印发《X》的通知 or …印发X的通知 above X, its
    place's name left off or not (阜阳市失业保险…实施办法 under …关于印发失业保险…实施办法的通知)."""
    if len(notice) <= len(title) // 2:
        return False
    core = _PLACE_HEAD.sub("", title, count=1)
    return title in notice or len(core) >= 8 and core in notice


def _repeated_title(head: list[str]) -> Optional[tuple[str, int]]:
    """A document title the page prints three times or more in its head (its <title>, breadcrumb and heading): the
    page's own, before a related document's title listed above it (定西市…的通知 / 合集下载 / 唐山市…的通知 ×3)."""
    raw = [x.strip() for x in head]
    seen: dict[str, int] = {}
    for x in raw:
        seen[x] = seen.get(x, 0) + 1
    for i, x in enumerate(raw):
        if seen[x] < _REPEATS or len(x) < _REPEATED_MIN:
            continue        # (lines compared as written: cleaning all of them cost more than the rest of the title search)
        s = _clean_title(x)
        if len(s) >= _REPEATED_MIN and _is_titleish(s) and _type_of(s) \
                and (s.startswith("关于") or _ISSUER_IN_TITLE.match(s) or len(s) <= 60) \
                and not any(_issues(t, s) for t in raw[:i]):
            return s, i
    return None


def _headline(lines: list[str]) -> tuple[Optional[str], Optional[int], Optional[str]]:
    """A news page's headline: a short first line with no sentence end, followed by body text; its line; and the
    publishing body's name when that stands alone over it.

    News headlines carry no document-type noun and may use ! , | (最高200万元奖补!支持…), so
    they fail the strict title test; the first line is taken only when it cannot be a sentence.
    """
    first = 0
    # an emblem's alt text, then a channel's or site's name above the headline (湖北省行业资讯,
    # 深圳市南山区人民政府网站): the site's, not the page's
    while first < 2 and len(lines) > first + 2 and _EMBLEM.match(_clean_title(lines[first])):
        first += 1
    if len(lines) > first + 2 and (_SITE_NAME.match(_clean_title(lines[first])) or _MASTHEAD.match(lines[first])):
        first += 1
    # the site's header the body kept (禾点点 | 嘉兴新闻, 百科知识网 — 有问题,就搜百科, 长春市人民政府网 2019-05-30 来源:…),
    # its menu (首页 | 分类 | 帮助) and a breadcrumb (湖里区人民政府 > 政务公开 > 政策解读): the page's place in its
    # site, not its headline — passed over only when a headline stands under them (a headline misread as a site's
    # line then stays the headline)
    j = first
    while j < first + 3 and len(lines) > j + 2 and (_BREADCRUMB.match(lines[j]) or _site_line(lines[j])):
        j += 1
    got = _headline_at(lines[j:]) if j > first else None
    if got is not None:
        first = j
    else:
        got = _headline_at(lines[first:])
    name = _masthead_name(lines[first]) if len(lines) > first + 2 else None
    if name is not None:
        # the publishing body's name over the headline (天津市商务局 / 天津市汽车和家电以旧换新政策问答 / 为方便…); not
        # over a label or stamp line (当前栏目：政策解读, 发布时间：…), nor a headline ending in a body (…成立知识产权服务中心)
        nxt = lines[first + 1]
        below = None if _FIELD_LINE.match(nxt) else _headline_at(lines[first + 1:])
        if below is not None and not _ORGS_RE.match(below):
            return below, first + 1, name
        # else the name alone, which extract_metadata keeps as the page's publisher
    return (got, first, None) if got is not None else (None, None, None)


# A body's name standing alone over a page's headline: short, and no headline's verb (…成立知识产权服务中心, …揭牌)
_HEADLINE_VERB = re.compile(r"成立|落户|新建|组建|揭牌|挂牌|启用|开业|获批|入选|设立|建成|投用|迎来|召开|举行")
_FIELD_LINE = re.compile(r"^\s*[\u4e00-\u9fff]{2,6}\s*[:：]")     # 当前栏目：…, 发布时间：…, 作者：…
_MASTHEAD_NAME_MAX = 20


def _masthead_name(line: str) -> Optional[str]:
    s = _clean_title(line)
    return s if len(s) <= _MASTHEAD_NAME_MAX and _ORG_RE.match(s) and not _HEADLINE_VERB.search(s) else None


# Short lines that are no headline: a salutation, a WeChat post's header, a site's welcome, a source, a full date
_NOT_A_HEADLINE = re.compile(r"^(?:尊敬的|亲爱的|各位|原创\s|以下文章来源于|点击.{0,4}关注|欢迎(?:访问|来到|光临|您))|(?:本文)?来源\s*[:：]"
                             # (the byline's labels are _stamp_line's; these are the editors' and a department's)
                             r"|^\s*[【\[]?(?:责任编辑|编辑|审核|校对|发布部门)\s*[:：]"
                             r"|(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}")
_PERIOD_ALONE = re.compile(r"^\s*(?:19|20)\d{2}\s*年(?:度|第?[一二三四1-4]季度|[上下]半年|\d{1,2}月)?\s*$")
_QUESTION_LINE = re.compile(r"^\s*(?:问|问题\s*\d*|Q\d*)\s*[:：]")     # a Q&A page's first question under its headline
_QA_TITLE = re.compile(r"问答|解答|答疑|问题|百问|答复|咨询|问与答|解读")        # …under a headline that says it is one
# _TITLE_SEP's separators and the full-width bar and middle dots a site's line in the body uses (搜狐号 · 长沙生活圈);
# a <title> keeps its dots (一带一路·…)
_LINE_PART_SEP = re.compile(r"\s*(?:_|\||｜|·|•|\s[-—]+\s|--)\s*")
_SITE_WORD = re.compile(r"(?:网|网站|门户网站|官网|客户端|电视台|本地宝|知识库|百科|生活圈|热线)$")
# a site's name, then the page's stamp (长春市人民政府网 2019-05-30 来源：长春日报): a source or time label on the line
_SITE_LEAD = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9]{2,16}(?:网|网站|官网)\s+(?=.*(?:来源|发布时间|发布日期|作者|编辑|浏览|阅读))")
_MENU_WORD = re.compile(r"^(?:首页|网站首页|帮助|登录|注册|网站地图|联系我们|关于我们|无障碍|English|设为首页|加入收藏|新闻中心|政务公开"
                        r"|互动交流|办事服务|分类|用户)$")
_LATIN = re.compile(r"[A-Za-z]")
_TAG = re.compile(r"\s*[\[【][^\]】]{1,4}[\]】]\s*")


def _site_line(line: str) -> bool:
    """A line that names the site or a channel, or lists its menu: every part of it (between | · _ -) a site's
    or channel's name or a word or two, or a site's name before its slogan or the page's stamp."""
    if _SITE_LEAD.match(line.strip()):
        return True
    s = _clean_title(line)
    parts = [_TAG.sub("", p).strip() for p in _LINE_PART_SEP.split(s)]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return False
    # (a name mixing Chinese and letters is a product's or a topic's, 个税APP, not a site's, 澎湃新闻 / The Paper)
    site = [bool(_SITE_WORD.search(p) or _SITE_NAME.match(p) and not (_LATIN.search(p) and _CJK_CHAR.search(p)))
            for p in parts]
    if len(parts) >= 3 and all(len(p) <= 6 for p in parts) and any(_MENU_WORD.match(p) for p in parts):
        return True         # a menu: 首页 | 分类 | 特色词条 | 用户 | 帮助 (乡村振兴 | 产业兴旺 | 农民增收 is a headline)
    return any(site) and all(ok or len(p) <= 5 for ok, p in zip(site, parts))


_SECTION_HEAD = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[章条部分])")
# (spaces are in the class: one way to match, linear; the last crumb may be the page's own title)
_BREADCRUMB = re.compile(r"^\s*(?:[^>»›\n]{1,26}[>»›]){2,}[^>»›\n]{0,60}$")


# A news story with no headline of its own opens by reporting a document: 近日,厦门市工信局印发《厦门市…评价细则》,
# 11月27日,科技厅发布《…的通知》(川科高〔2018〕56号) — that document names the page (the readers title it so). Not a
# notice's basis (根据…印发的《…》要求,现将…通知如下) nor a local response to it (…《…》,我县迅速行动…).
_REPORTING_VERB = re.compile(r"(?:印发|发布|出台|下发|公布|修订|制定|推出|出炉)(?:了|实施了|的)?\s*《([^《》\n]{4,80}?)》")
_REPORT_REACH = 160     # the story's lead: its first sentence, within the first characters of the page
# …nor a policy's own lead-in resting on it (现就贯彻落实…印发《…》提出如下意见, 结合本市实际,贯彻…《…》,制定本办法,
# 经区政府同意,现就执行…《…》有关问题明确如下)
_NOT_A_REPORT = re.compile(r"^\s*(?:根据|按照|依据|依照|为|贯彻|落实|遵照)|如下|现将|现就|制定本|结合本|经[^,，。]{0,12}同意"
                           r"|我(?:省|市|县|区|镇|旗)")


def _reported_title(text: str) -> Optional[str]:
    """The title of the document a news story's lead reports (印发《…》), when it names a document type."""
    head = text[:_REPORT_REACH]
    stop = min((i for i in (head.find("。"), head.find("\n")) if i >= 0), default=len(head))
    m = _REPORTING_VERB.search(head, 0, stop)
    if m is None or _NOT_A_REPORT.search(head, 0, m.start(1)) or _NOT_A_REPORT.search(head, m.end(1), stop):
        return None     # (the document's own title may say 我市: 《关于…促进我市房地产市场…的通知》)
    t = m.group(1).strip()
    return t if _type_of(t) else None


# What may stand between a headline and its story: its date (and weekday and time), a line of the byline's labelled
# fields (来源:…, 阅读:1234; boilerplate's labels), a line with no Chinese at all (The Beginning), the headline repeated.
_STAMP_DATE = re.compile(r"^\s*(?:(?:(?:19|20)\d{2}[-./年])?\d{1,2}[-./月]\d{1,2}日?|\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d{2})"
                         r"(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*"
                         r"(?:$|(?=来源|作者|发布|编辑|浏览|点击|阅读|字号|责任))")
_NO_CJK_LINE = re.compile(r"[^\u4e00-\u9fff]*")


def _stamp_line(line: str) -> bool:
    return _STAMP_DATE.match(line) is not None or BYLINE_LABEL_AT_START.match(line) is not None


def _headline_at(lines: list[str]) -> Optional[str]:
    if len(lines) < 2:
        return None
    s = _clean_title(lines[0])
    parts = s.split()
    if len(parts) == 2 and parts[1].startswith(parts[0]) and len(parts[1]) - len(parts[0]) <= 4:
        s = parts[0]        # 2023台州人才租房补贴标准 2023台州人才租房补贴标准表: the title and its table's caption
    k = 1                   # the story under it, past the headline's repeats, stamp and source lines
    while k < min(len(lines) - 1, 4) and len(lines[k]) <= 80 and (
            _clean_title(lines[k]) == s or _stamp_line(lines[k]) or _NO_CJK_LINE.fullmatch(lines[k])):
        k += 1
    # …and a reporter's byline (泉州晚报记者 陈明)
    nxt = lines[k + 1] if len(lines) > k + 1 and len(lines[k]) <= 60 and _REPORTER_LINE.match(lines[k]) else lines[k]
    if len(nxt) <= 20 and _SECTION_HEAD.match(nxt) and not _SECTION_HEAD.match(s) \
            and len(lines) > k + 1 + (nxt is not lines[k]):
        # the story opens with its first section's heading (大理市…惠民政策汇编 / 一、养老服务类 / 1. 高龄津贴:…)
        nxt = lines[lines.index(nxt, k) + 1]
    if (6 <= len(s) <= 60 and not _NOT_HEADLINE.search(lines[0]) and not re.search(r"[。;；]", s) and not s.endswith((":", "："))
            and not _stamp_line(lines[0]) and not _NOT_A_HEADLINE.search(s) and not _PERIOD_ALONE.match(s)
            and not _SPAM_LINE.search(s)
            and re.search(r"[\u4e00-\u9fff]{4}", s) and (len(nxt) > len(s) or _QUESTION_LINE.match(nxt)
                                                          and _QA_TITLE.search(s) and not re.search(r"\d", s))
            and not re.match(r"^(?:根据|为了?|按照|经|附件|各|\d+[.、]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{4}年\d{1,2}月)", s)
            and not re.search(r"日报》|第\d+版|社发\s|记者|摄$", s)):
        return s
    return None


# A <title> segment or <h1> naming the site or a channel, not the page: 网易财经, 凤凰网, 新闻中心,
# XX市人民政府门户网站, 澎湃新闻-The Paper.
_SITE_NAME = re.compile(r"^.{0,16}(?:网|网站|门户|门户网站|官网|频道|客户端|在线|首页)$"
                        r"|^.{0,6}(?:新闻|新闻中心|信息中心|日报|晚报|时报|商报|晨报|资讯|动态|要闻)$"
                        r"|^.{0,4}(?:百科|论坛|社区|头条|生活圈|融媒|微报|知识库)$"
                        r"|^[\u4e00-\u9fff]{1,12}[省市县区州旗盟](?:人民)?政府(?:办公厅|办公室)?$"
                        r"|^[\u4e00-\u9fff]{0,8}[-\s]*[A-Za-z][A-Za-z .\-]*$")
_NOT_HEADLINE = re.compile(r"^[(（]?原标题|^(?:首页|当前位置|您的位置)|[>»›]"
                           # an info table's field (发布文号: 琼府[2005]9号) is no headline
                           r"|^\s*(?:发布文号|文号|发文字号|索引号|发布日期|发文日期|成文日期|发布机构|发文机关|信息来源|来源"
                           r"|主题分类|公开方式|有效性)\s*[:：]")
_REPORTER_LINE = re.compile(r"^[ \t\u3000]*[\u4e00-\u9fff]{0,12}?(?:记者|通讯员)[ \t\u3000]*[\u4e00-\u9fff]{2,4}"
                            r"(?:[ \t\u3000]+(?:记者|通讯员)?[ \t\u3000]*[\u4e00-\u9fff]{2,4})*[ \t\u3000]*$")
# A newspaper's masthead line above a story: 济南日报　2024年3月15日　第2版 (its day is the story's)
_MASTHEAD = re.compile(r"^[ \t\u3000]*[\u4e00-\u9fff]{2,10}(?:日报|晚报|都市报|时报|商报|晨报)[ \t\u3000]+"
                       r"((?:19|20)\d{2}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日)(?:[ \t\u3000]*(?:星期.|周.))?"
                       r"(?:[ \t\u3000]*第?\s?[\dA-Z]{1,3}\s?版)?[ \t\u3000]*$")
# An emblem's alt text at the top of a government page (中华人民共和国国徽): page furniture, no headline
_EMBLEM = re.compile(r"^(?:中华人民共和国|中国共产党)?(?:国徽|党徽|徽标|标志|logo|LOGO|Logo)(?:图片)?$")


def _masthead_date(lines: list[str]) -> Optional[str]:
    for line in lines[:3]:
        m = _MASTHEAD.match(line)
        if m:
            return parse_date(m.group(1))
    return None


def _page_headline(html_meta: dict) -> Optional[str]:
    """The headline a page shows: a heading (<h1>, <h2>) that its <title> repeats, minus site
    and channel names; else the <title>'s first such segment; else the <h1>; else ``og:title``.
    Simplified script."""
    def ok(s: str) -> bool:
        s = s.strip()
        return (4 <= len(s) <= 100 and len(_CJK_CHAR.findall(s)) >= 4 and not _SITE_NAME.match(s)
                and not _NOT_HEADLINE.search(s))

    title = t2s(str(html_meta.get("articletitle") or html_meta.get("title") or ""))
    parts = [p.strip() for p in _TITLE_SEP.split(title) if ok(p) and len(p.strip()) >= 6]   # not 网易财经
    heads = [h.strip() for h in t2s(str(html_meta.get("h1") or "")).split("\n") if ok(h)]
    subheads = [h.strip() for h in t2s(str(html_meta.get("h2") or "")).split("\n") if ok(h)]
    flat_parts = [re.sub(r"\s", "", p) for p in parts]
    for h in heads + subheads:
        fh = re.sub(r"\s", "", h)
        for part, fp in zip(parts, flat_parts):
            if fh == fp:
                return part
            # the <title> carries the heading with words added (keywords, a column name)
            if len(fh) >= 6 and len(fh) >= 0.5 * len(fp) and fh in fp:
                return h
    if parts:
        return parts[0]
    if heads:
        return heads[0]
    og = t2s(str(html_meta.get("og:title") or "")).strip()
    return og if ok(og) else None


# Laws, resolutions and rules carry their adoption under the title:
# （2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）.
_ADOPTED = re.compile(rf"^[(（]\s*({_DATE_TEXT}).{{0,80}}?(?:通过|发布|公布|印发|施行|批准)")
# <meta> publish dates: PubDate, publishdate, article:published_time, apub:time, og:release_date ...
_META_DATE_KEY = re.compile(r"pub(?:lish)?(?:ed)?[\w:.\-]*(?:date|time)|(?:date|time)[\w:.\-]*pub|release_?date|date\.issued")


# An information table whose labels the page lost (• 416049270/2023-00072 • 郑州市科学技术局 • 2023-10-09 …
# • 郑科规〔2023〕6号): its first bare date near the index number or the document's own number is 成文日期.
_INDEX_NO_LINE = re.compile(r"^[0-9A-Za-z]{5,}(?:[-/][0-9A-Za-z]{2,}){1,3}$")
_ISO_DATE_LINE = re.compile(r"^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}$|^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


# any label in the table, colon or not (发布时间： / 发布日期 / 浏览次数：1234): it kept its labels, and a bare date
# there may be the page's own (a review: 南府办〔2016〕34号 / 发布时间： / 2016-06-20 read as the document's date)
_TABLE_LABEL_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}\s*[:：]\s*$|发布|时间|日期|浏览|来源|点击|阅读")


def _info_table_date(lines: list[str]) -> Optional[str]:
    head = [_BULLET.sub("", line) for line in lines[:_HEADER_LINES]]
    anchors = [i for i, v in enumerate(head) if _INDEX_NO_LINE.match(v) or DOCNUM_RE.fullmatch(v)]
    for i, v in enumerate(head):
        if _ISO_DATE_LINE.match(v) and any(abs(i - a) <= 6 for a in anchors):
            if len(anchors) >= 2 and not min(anchors) - 1 <= i <= max(anchors) + 1:
                return None     # the table's own rows lie about its index number and its 文号
            table = head[max(0, min(anchors + [i]) - 1):max(anchors + [i]) + 2]
            if any(_TABLE_LABEL_RE.search(x) for x in table):
                return None     # the table kept its labels (公开日期: / 2021-04-28): the fields read those
            rows = [x for x in head[min(anchors + [i]):max(anchors + [i]) + 1] if x.strip()]
            if len(rows) < 4 or any((len(x) > 30 and not _INDEX_NO_LINE.match(x)) or re.search(r"[。；，,]", x)
                                    for x in rows):
                return None     # a number and a date alone (a byline lifted from between them) make no table
            return parse_date(v)
    return None


def _adopted_date(lines: list[str]) -> Optional[str]:
    for line in lines[:_HEADER_LINES]:
        m = _ADOPTED.match(line.strip())
        if m:
            return parse_date(m.group(1))
    return None


def _meta_date(html_meta: dict) -> Optional[str]:
    """Publish date from the page's <meta> tags (keys lower-cased)."""
    for key in ("pubdate", "publishdate", "article:published_time"):
        if html_meta.get(key):
            iso = parse_date(str(html_meta[key]))
            if iso:
                return iso
    for key, value in html_meta.items():
        if _META_DATE_KEY.search(key):
            iso = parse_date(str(value))
            if iso:
                return iso
    return None


# What may follow a document's own number on its line when a page flattens its header: the addressees
# (益商外经〔2023〕1号各县市区商务主管部门), a CMS field (缙政办发〔2024〕19号  发布日期:…)
_AFTER_OWN_NUMBER = re.compile(r"\s*(?:各|发布|成文|印发|索引|主题|【)")
_TITLE_BEFORE_NUMBER = re.compile(r"(?:通知|意见|办法|决定|方案|规定|细则|批复|公告|通告)\s+$")


_LEADING_BULLETS = re.compile(r"^[\s•·●◆■\-*|]+")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
_NUMBERS_PER_LINE = 8


def _find_doc_number(lines: list[str], title_line: Optional[int]) -> Optional[str]:
    limit = _HEADER_LINES if title_line is None else max(title_line + 4, 6)
    for i, line in enumerate(lines[:limit]):
        if "号" not in line:
            continue    # no number here; DOCNUM_RE, tried at every CJK character, is costly
        cjk = len(_HAN_RE.findall(line))
        lead = len(line) - len(_LEADING_BULLETS.sub("", line, count=1))
        in_title_parens = i == title_line and _TRAILING_DOCNUM.search(line) is not None
        title = lines[title_line].strip() if title_line is not None and i > title_line else ""
        if len(title) >= 8 and line.lstrip().startswith(title):
            # the headline repeated in the body with its number in brackets right after it:
            # <h1>标题</h1><p>标题(南府办〔2016〕34号)</p> (not a number the title itself cites: 关于贯彻国发〔2015〕23号…)
            b = _BRACKETED_DOCNUM.match(line, len(line) - len(line.lstrip()) + len(title))
            if b:
                return normalize_doc_number(b.group(1), b.group(2), b.group(3))
        # (a header line holds a number or two: the first few are read, so a line of thousands costs no more)
        for m in islice(DOCNUM_RE.finditer(line), _NUMBERS_PER_LINE):
            standalone = cjk - len(_HAN_RE.findall(m.group())) <= 4     # (bullets hold no Chinese)
            own_after = _AFTER_OWN_NUMBER.match(line, m.end())
            at_start = m.start() <= lead and (line[m.end():m.end() + 8].lstrip().startswith("《") or own_after)
            # a flattened header: …的通知  寿农发〔2023〕9号  各镇(街道): the title, its number, the addressees
            at_start = at_start or (own_after and _TITLE_BEFORE_NUMBER.search(line, 0, m.start()))
            if standalone or at_start or in_title_parens:
                return normalize_doc_number(m.group(1), m.group(2), m.group(3))
    for i, line in enumerate(lines[:limit]):
        a = _ANNOUNCE_NUM.match(line)
        if a:
            return f"{a.group(1).strip()}{a.group(2)}年第{a.group(3)}号"
        o = _ORDER_NUM.match(line)
        if o and _ORG_RE.match(o.group(1)[:-1]):
            serial = o.group(2) or (i + 1 < len(lines) and _ORDER_SERIAL.match(lines[i + 1]) or None)
            if isinstance(serial, re.Match):
                serial = serial.group(1)
            if serial:
                return f"{o.group(1)}第{serial}号"
    return None


def _title_issuer(title: Optional[str]) -> Optional[str]:
    if not title:
        return None
    m = _ISSUER_IN_TITLE.match(title)
    if m and _ORGS_RE.match(m.group(1)):
        return m.group(1)
    return None


def _signature(lines: list[str], year_hint: Optional[int]
               ) -> tuple[Optional[str], Optional[str], Optional[tuple[int, str, str]]]:
    """(issuer, iso date, collapsed-date info) from the first signature block."""
    for i, raw in enumerate(lines):
        if len(raw) > 70 and not _bullet_edge(raw):
            # a scrape ran the signature into its paragraph: …请结合实际抓好贯彻落实。江西省工业和信息化厅 江西省财政厅 2023年8月25日
            stop = max(raw.rfind(c) for c in "。！？")
            raw = raw[stop + 1:] if stop >= 0 and _ORG_DATE_LINE.match(raw[stop + 1:].strip()) else ""
            if not raw:
                continue    # _BULLET would remove nothing: still too long for a signature line
        line = _BULLET.sub("", raw)
        if len(line) > 70:
            continue
        issuer = None
        m = _ORG_DATE_LINE.match(line)
        if m and _ORGS_RE.match(m.group(1)):
            issuer, date_part = m.group(1), m.group(2)
        elif _DATE_ONLY_LINE.match(line):
            date_part = line.strip("()（）")
            # Joint issuers sign on consecutive lines above the date.
            orgs: list[str] = []
            for j in range(i - 1, max(-1, i - 5), -1):
                prev = _BULLET.sub("", lines[j])
                if not _ORGS_RE.match(prev):
                    break
                orgs.insert(0, prev)
            issuer = " ".join(orgs) or None
        else:
            continue
        iso = parse_date(date_part)
        collapsed = None
        if iso is None:
            digits = re.sub(r"\D", "", date_part)
            iso = read_collapsed_date(digits, year_hint)
            if iso is None:
                continue
            collapsed = (i, digits, iso)
        return issuer, iso, collapsed
    return None, None, None


def extract_metadata(text: str, byline: Optional[dict] = None,
                     html_meta: Optional[dict] = None) -> Metadata:
    """Metadata of a normalized document ``text`` (lines separated by newlines)."""
    byline = byline or {}
    html_meta = {str(k).lower(): v for k, v in (html_meta or {}).items()}
    lines = text.split("\n")
    md = Metadata()

    # Byline lines that boilerplate removal lifted out of the body may carry fields too.
    raw = byline.get("raw") or []
    fields = _fields(lines[:_HEADER_LINES * 2] + [t2s(str(x)) for x in raw if isinstance(x, str)])
    md.title, md.title_line = _find_title(lines)
    if fields.get("title") and _is_titleish(_clean_title(fields["title"])):
        md.title = _clean_title(fields["title"])
    for x in raw if md.title is None else ():
        # a byline line the body lost, its title before the fields (关于…的通知 时间:2016-06-13 来源:…)
        line = t2s(str(x)).strip() if isinstance(x, str) else ""
        s = _clean_title(line)
        if s != line and _is_titleish(s) and _type_of(s):
            md.title = s
            break
    if md.title is None:
        cand = html_meta.get("articletitle") or html_meta.get("title")
        # <title> often carries the site name after a separator: 标题_XX市人民政府, 标题 - 网站名
        for part in _TITLE_SEP.split(t2s(str(cand))) if cand else ():
            s = _clean_title(part)
            if _is_titleish(s) and _type_of(s):
                md.title = s
                break
    headline = False
    if md.title is None:
        md.title = _page_headline(html_meta)
        headline = md.title is not None
    masthead = None
    if md.title is None:
        md.title, md.title_line, masthead = _headline(lines)     # (the body's name over the headline: its publisher)
        headline = md.title is not None
        if headline and _ORGS_RE.match(md.title):
            # a body's name where a headline stands (安徽省人力资源和社会保障厅 / 2024-03-15 / …): who published the
            # page — its issuer when nothing else names one — and no title
            masthead, md.title, md.title_line, headline = md.title, None, None, False
    if md.title is None and byline.get("original_title"):
        md.title = _clean_title(t2s(str(byline["original_title"]))) or None    # a reprint's 原标题: its own headline
        headline = md.title is not None
    if md.title is None:
        # the document a news lead reports: its issuer places the page (as place_evidence's reported document
        # does); its type is not the page's, which is news
        md.title = _reported_title(text)
        headline = md.title is not None

    if md.title and not headline:   # a news headline names no document type (…公开征求意见 is not an 意见)
        md.doc_type = _type_of(md.title)
        inner = re.search(r"(?:印发|转发|公布|发布)(.+?)的(?:通知|决定|函)$", _TRAILING_PARENS.sub("", md.title))
        if inner:
            md.inner_doc_type = _type_of(inner.group(1).strip("《》“”\""))
    if _REPLY_HINT.search(text[:3000]) and (md.doc_type in (None, "建议", "函", "复函") or
                                           "答复日期" in text[:3000]):
        md.doc_type = "答复"
    if md.doc_type is None and _NOTICE_HINT.search(text[:2000]):
        md.doc_type = "通知"

    field_number = DOCNUM_RE.search(fields.get("number", ""))
    md.doc_number = normalize_doc_number(*field_number.groups()) if field_number \
        else _find_doc_number(lines, md.title_line)
    year = re.search(r"〔(\d{4})〕|公告((?:19|20)\d{2})年", md.doc_number or "")
    year_hint = int(year.group(1) or year.group(2)) if year else None

    sig_issuer, sig_date, collapsed = _signature(lines, year_hint)
    field_issuer, publisher = fields.get("issuer"), fields.get("publisher")
    if field_issuer and not _ORGS_RE.match(field_issuer.replace("、", " ")):
        field_issuer = None
    if publisher and not _ORGS_RE.match(publisher.replace("、", " ")):
        publisher = None
    md.issuer = field_issuer or _title_issuer(md.title) or sig_issuer or publisher or masthead
    # The signature often names the issuer in full where header and title shorten it:
    # 朝阳区人民政府 -> 北京市朝阳区人民政府.
    # and header/title names without the place (省发展改革委, 市政府办公室) yield to it too.
    if md.issuer and sig_issuer and (
            (len(sig_issuer) > len(md.issuer) and sig_issuer.endswith(md.issuer))
            or (_PLACELESS.match(md.issuer) and not _PLACELESS.match(sig_issuer))):
        md.issuer = sig_issuer
    order = re.match(r"^(.+)令第\d+号$", md.doc_number or "")
    if md.issuer is None and order and _ORGS_RE.match(order.group(1)):
        md.issuer = order.group(1)

    reply = _REPLY_DATE.search(text)
    reply_date = parse_date(reply.group(1)) if reply else None
    for source, get in (("field", lambda: parse_date(fields.get("date", ""))), ("signature", lambda: sig_date),
                        ("adopted", lambda: _adopted_date(lines)), ("table", lambda: _info_table_date(lines)),
                        ("reply", lambda: reply_date),
                        ("published", lambda: parse_date(fields.get("published", ""))),
                        ("byline", lambda: parse_date(str(byline.get("date") or ""))),
                        ("meta", lambda: _meta_date(html_meta)), ("masthead", lambda: _masthead_date(lines))):
        md.issue_date = get()
        if md.issue_date:
            md.issue_date_source = source
            break
    if collapsed and md.issue_date == collapsed[2]:
        i, digits, iso = collapsed
        start = sum(len(x) + 1 for x in lines[:i]) + lines[i].find(digits)
        md.repairs.append(Repair(kind="date_collapsed_read", start=start, end=start + len(digits),
                                 before=digits, after=iso))
    return md
