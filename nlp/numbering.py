"""Item numbering in Chinese policy documents: which markers are headings, at what level.

Styles: ``第X篇/部分`` ``第X章`` ``第X节`` ``第X条`` ``(一)`` ``(1)`` ``①`` ``一、`` ``1.``
(and ``1`` whose dot was lost at a line start). Levels come from the order in which
styles first appear (a stack), never from a fixed ranking: documents differ. A marker
inside a line (scraped pages lose their line breaks) is accepted only when it continues
its style's sequence or opens a list whose ``2`` follows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import cn_to_int  # noqa: F401  (re-exported: measures imports it from here)

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CN = "一二三四五六七八九十百零〇"

# One alternation, one named group per numbering style; `n_*` captures the number.
_HEADING_RE = re.compile(
    # the lookahead lets the engine skip most positions cheaply (10x faster)
    rf"(?=[第(（{_CIRCLED}{_CN}0-9])(?:"
    rf"(?P<part>第(?P<n_part>[{_CN}]{{1,4}}|\d{{1,3}})(篇|部分|编))"
    rf"|(?P<chapter>第(?P<n_chapter>[{_CN}]{{1,4}}|\d{{1,3}})章)"
    rf"|(?P<jie>第(?P<n_jie>[{_CN}]{{1,4}}|\d{{1,3}})节)"
    rf"|(?P<article>第(?P<n_article>[{_CN}]{{1,5}}|\d{{1,3}})条)"
    rf"|(?P<cn_paren>[(（](?P<n_cn_paren>[{_CN}]{{1,3}})[)）])"
    rf"|(?P<ar_paren>[(（](?P<n_ar_paren>\d{{1,2}})[)）])"
    rf"|(?P<circled>(?P<n_circled>[{_CIRCLED}])[、.．]?)"
    rf"|(?<![{_CN}\d])(?P<cn_dun>(?P<n_cn_dun>[{_CN}]{{1,3}})[、．.])(?![{_CN}]{{1,3}}[、．.等至到和及]|[、\d])"
    rf"|(?<![\d.．A-Za-z%/\-])(?P<ar_dot>(?P<n_ar_dot>\d{{1,2}})[.．、](?![\d.．、%])))"
)
_STYLES = ("part", "chapter", "jie", "article", "cn_paren", "ar_paren", "circled", "cn_dun", "ar_dot")
# A bare number at the start of a short line (`1建设目标`): the dot was lost.
_BARE_NUM_RE = re.compile(
    r"(?:\A|\n)[ \t\u3000\xa0]*(\d{1,2})(?=[\u4e00-\u9fff])(?![年月日号个家万元亿倍岁项件次名人批期届])"
    r"[^\n。(（:：]{2,24}(?=\n|\Z|[。(（:：])")
# `4.2018年12月31日以前认定的…`: an item whose text opens with a year, at a line start.
# (A literal \n or 附件 to anchor on keeps these scans fast; (?m)^ is tried at every position.)
_YEAR_ITEM_RE = re.compile(r"(?:\A|\n|附件[:：])[ \t\u3000\xa0]*(\d{1,2})[.．](?=(?:19|20)\d\d年)")
# Emoji, dingbats, arrows and geometric marks (with their joiners) that decorate a line's start
DECOR_CHARS = r"\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff\U0001F000-\U0001FAFF\ufe0f\u200d"
# What may bullet a list line, for a character class: those marks and the typographic dots; a list line
# may also open with a dash ([BULLET_CHARS + "\-–"]) where a dash cannot be read as a range or minus.
BULLET_CHARS = DECOR_CHARS + "•·※"
_DECOR_RE = re.compile(r"[\s" + DECOR_CHARS + "]+")
_BREADCRUMB_RE = re.compile(r"[^\n]{0,20}?\s>\s?\S")
_ANNEX_BEFORE_RE = re.compile(r"附件\s*\d*\s*[:：]?\s*$")
# Styles that rarely occur inside prose, so a boundary-preceded marker that skips
# one number (a dropped item in a damaged dump) is still taken.
# Styles that number sections rather than items: their body paragraphs are records of their own.
SECTION_STYLES = frozenset({"part", "chapter", "jie", "article", "cn_dun"})
_STRONG = frozenset({"part", "chapter", "article", "cn_dun"})
_OUTLINE = ("part", "chapter", "jie", "article")     # 编 > 章 > 节 > 条, whichever a page shows first
_BOUNDARY_BEFORE = set(" \t\n\u3000\xa0,，。;；:：)）」”\"|】")


@dataclass
class Heading:
    """A numbering marker accepted as a heading."""
    style: str
    num: int
    start: int          # marker start
    body: int           # first char after the marker
    line_start: bool
    boundary: bool
    after_annex: bool = False    # 附件:1.… lists attachments, not items
    joined: bool = False         # the first part inline after its item's title: counts in the series, opens no item


# What a list of conditions, cases or materials is led in by (须满足以下条件:①…, 符合下列情形之一的:①…): its
# circled items are read one by one; any other lead-in (按以下标准给予补助:①…;②…) opens the parts of one provision
# (tune readers never start a measure at an inline circled number: 0 of 13).
_LIST_LEAD_WORDS_RE = re.compile(r"条件|情形|对象|资格|材料|之一|范围|要求")


# An item's mark and short title that open the line, with the first of its parts inline after them (（一）专利资助。
# 1.国内发明专利…; 3.家电以旧换新。①个人消费者…): readers start the item at its own mark, 6 of 6 on the tune
# pages; the later parts ((2), ②) are items of their own.
# An item's own mark (一、 (一) (1) 1. 第一条): one list, read here and by kinds.cut_sentence
ITEM_MARK = (r"(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．]"
             r"|第[一二三四五六七八九十百]{1,4}条)")
_TITLED_LINE_HEAD_RE = re.compile(r"[ \t\u3000]*" + ITEM_MARK + r"\s*[^。；;:：,，\n]{2,16}[。:：]\s*")


def _standard_lead_in(text: str, line_start: int, s: int) -> bool:
    lo = max(line_start, s - 3)         # bounded: a run-on line may hold thousands of markers
    colon = max(text.rfind(":", lo, s), text.rfind("：", lo, s))
    if colon < 0:
        return False
    lo = max(line_start, colon - 30)
    stop = max(text.rfind(ch, lo, colon) for ch in "。；;")
    return not _LIST_LEAD_WORDS_RE.search(text, max(stop + 1, lo), colon)


def _candidates(text: str) -> list[Heading]:
    out: list[Heading] = []
    for m in _HEADING_RE.finditer(text):
        style = next(s for s in _STYLES if m.group(s) is not None)
        num = cn_to_int(m.group("n_" + style))
        if num is None or num > 60:
            continue
        s = m.start(style)
        nl = text.rfind("\n", 0, s)
        # 🌟第一条 / ▶一、: a symbol a post puts before its items is no text before the marker
        line_start = not text[nl + 1:s].strip() or _DECOR_RE.fullmatch(text, nl + 1, s) is not None
        prev = text[s - 1] if s > 0 else "\n"
        if line_start and prev not in _BOUNDARY_BEFORE:
            prev = "\n"
        if not line_start and style == "cn_dun" and prev not in _BOUNDARY_BEFORE and num == 1:
            continue        # 统一、规范 / 之一、 : a word, not a heading
        if style == "circled" and not line_start and num == 1 and _standard_lead_in(text, nl + 1, s):
            continue        # 按以下标准给予补助:①…;②单个项目最高…: the parts of one standard, not items
        # 第四条 租房补贴和人才公寓。(1)尚未购房的…;(2)…: the first part goes with its item's title
        joined = not line_start and num == 1 and _TITLED_LINE_HEAD_RE.fullmatch(text, nl + 1, s) is not None
        if line_start and _BREADCRUMB_RE.match(text, m.end(style)):
            continue        # `1. 主页 > 生活百科`: a numbered breadcrumb is page furniture
        if m.end(style) >= len(text) or text[m.end(style)] in "\n":
            if not line_start:
                continue
        out.append(Heading(style, num, s, m.end(style), line_start, prev in _BOUNDARY_BEFORE,
                           bool(_ANNEX_BEFORE_RE.search(text, max(0, s - 10), s)), joined))
    for m in _BARE_NUM_RE.finditer(text):
        out.append(Heading("ar_dot", int(m.group(1)), m.start(1), m.end(1), True, True))
    for m in _YEAR_ITEM_RE.finditer(text):
        out.append(Heading("ar_dot", int(m.group(1)), m.start(1), m.end(1) + 1, True, True,
                         bool(_ANNEX_BEFORE_RE.search(text, max(0, m.start(1) - 10), m.start(1)))))
    out.sort(key=lambda c: c.start)
    return out


def _accept(cands: list[Heading]) -> list[tuple[Heading, int]]:
    """Pick the real headings and give each its level (by style first appearance)."""
    accepted: list[tuple[Heading, int]] = []
    stack: list[str] = []
    last: dict[str, int] = {}
    ever: dict[str, int] = {}     # never reset: documents that number 1..31 straight through
    annex_style: str | None = None
    for i, c in enumerate(cands):
        if c.after_annex:
            annex_style = c.style
            continue
        if c.style == annex_style:
            continue
        exp = last.get(c.style, 0) + 1
        ok = False
        if c.line_start:
            ok = c.num <= exp + 3 or c.num == 1 or c.num == ever.get(c.style, -9) + 1
        elif c.num == exp and exp > 1 or c.num == ever.get(c.style, -9) + 1 and c.num > 1:
            # a cn_dun glued to a word (文件四、申报受理) only continues its own sequence
            ok = c.boundary or c.style != "cn_dun" or c.num == last.get(c.style, -9) + 1
        elif c.num == 1:
            # opening a list inline: only when its "2" follows before too long
            ok = any(d.style == c.style and d.num == 2 and d.start - c.start < 3000
                     for d in cands[i + 1:i + 60])
        elif c.boundary and c.style in _STRONG and c.num == exp + 1:
            ok = True
        if not ok:
            continue
        below = [k for k, st in enumerate(stack) if st in _OUTLINE and _OUTLINE.index(st) > _OUTLINE.index(c.style)] \
            if c.style in _OUTLINE and c.style not in stack else []
        if c.style in stack:
            level = stack.index(c.style)
            del stack[level + 1:]
        elif below:
            # a page cut mid-document meets its articles before their chapter (第三条…\n第二章…\n第四条…):
            # the chapter still holds the articles after it
            level = below[0]
            del stack[level:]
            stack.append(c.style)
        else:
            stack.append(c.style)
            level = len(stack) - 1
        for s in stack[level + 1:]:
            last.pop(s, None)
        # styles deeper than this one restart their numbering under it
        for s in list(last):
            if s not in stack[:level + 1]:
                last.pop(s, None)
        last[c.style] = c.num
        ever[c.style] = c.num
        annex_style = None
        if not c.joined:
            accepted.append((c, level))
    return accepted


def find_headings(text: str) -> list[tuple[Heading, int]]:
    """Accepted headings of ``text`` in order, each with its level (0 = outermost)."""
    return _accept(_candidates(text))
