"""Split a normalized policy document into measures with their section path.

Chinese government documents number their items with a handful of styles
(``一、`` ``(一)`` ``1.`` ``(1)`` ``①`` ``第X条`` …) whose nesting differs between
documents, so levels are assigned by the order in which styles first appear (a
stack), never by a fixed ranking. Scraped pages often lose line breaks, so a
numbering marker inside a line is accepted only when it continues the sequence
of its style (``2.`` after ``1.``) or opens one that continues (``1.`` with a
``2.`` following). ``一是…二是…`` enumerations inside a paragraph become separate
measures under that paragraph.

Record granularity: a heading whose title stands alone on its line becomes a
``heading`` record and each paragraph under it its own record (how annotators and
readers cite 政策条款: 优化创新创业发展环境。… is one measure); a heading with its text
on the same line (``1.进一步转变政府职能。深化…``) is one record with the paragraphs that
follow it. A leaf item whose own-line title names it (``1.一次性创业补贴`` + its text)
stays one record.

Record kinds (``Measure.kind``):

* ``measure``   – an actionable item, including items under 保障措施/组织实施, and on
  pages without numbered items (news, replies) a paragraph that grants or acts.
* ``goal``      – items in 发展目标/总体目标/主要目标/工作目标/建设目标 sections and in
  指导思想/总体要求/基本原则/工作思路 sections (intent and targets, not action), and a
  paragraph that sets dated targets (到2020年,全市建成…).
* ``preamble``  – text before the first heading: purpose clause (为…制定本办法, also as
  第一条), cover note, addressee block.
* ``heading``   – a heading line with no body of its own, the document's title line,
  unnumbered title lines (享受条件 / 政府资助:).
* ``signature`` – issuer and date lines (at the end, or closing a cover note).
* ``other``     – document numbers, contact blocks, attachment lists and form-like
  annexes, background sections (发展成就/面临的形势), closing clauses (本意见自印发之日起
  施行), news narrative. Page furniture (navigation, share buttons, bylines) is dropped.
"""
from __future__ import annotations

import bisect
import hashlib
import re

from ..records import Measure
from .kinds import DATED_RULE_RE, SENTENCE_GRANT_RE, cut_sentence, refine, stopless_sentence
from .numbering import DECOR_CHARS, SECTION_STYLES, cn_to_int, find_headings
from .paragraphs import (BULLET_RE, CHROME_RE, LEADIN_RE, PURPOSE_RE, SENT_RE, TITLE_END_RE, addressee_line, paragraph_records,
                         paragraph_spans, rstrip_end, split_trailing)
from .tables import SPACED_ROW_RE

__all__ = ["split_measures", "split_items", "layout_records", "cn_to_int"]

# (?:(?<=^)|(?<=[\s,，。;；:：]))(?P<n>[一二三四五六七八九十]{1,2})是…, written to open with the numeral's
# character class (the regex engine then skips to those characters) and to test what stands before it after it
_ENUM_RE = re.compile(r"(?P<n>[一二三四五六七八九十](?:(?<=^[一二三四五六七八九十])|(?<=[\s,，。;；:：][一二三四五六七八九十]))"
                      r"[一二三四五六七八九十]?)是(?=[\u4e00-\u9fff“\"])")
_WS_RUN_RE = re.compile(r"[ \t\u3000\xa0]{1,}")
_GOAL_RE = re.compile(r"(发展|总体|主要|工作|建设|实施|预期|具体|阶段性?)目标|目标任务|指导思想|总体要求|基本原则"
                      r"|工作思路|总体思路|总体思想|(评价|工作|设立|制定)目的")
_PREAMBLE_SECTION_RE = re.compile(r"重要意义|编制依据|适用范围|(?:出台|制定|起草|编制)(?:背景|依据)|主要依据|政策依据")
# Contact blocks, annexes and background sections (achievements, situation) act on nothing.
_OTHER_SECTION_RE = re.compile(r"联系方式|联系人|联系电话|咨询电话|咨询方式|咨询热线|咨询渠道|^附件|发展成就|发展基础|发展现状|基本情况|工作回顾"
                               r"|面临的(形势|问题|挑战|机遇)|发展形势|形势分析|取得的成效|存在的(主要)?问题|^背景")


# Older convention: a leaf item whose title stands on its own line is one record. The spec reads
# the title as a heading and the provision as starting where its own wording begins (the body).
_LEAF_TITLED = False
# ... unless the "title" is itself a provision: (一)对新认定的企业给予奖励。
_GRANT_TITLE_RE = re.compile(r"给予|予以|奖励\d|补贴\d|补助\d|资助\d|可享受|可申请")
_CLAUSE_SEP_RE = re.compile(r"[,，;；]")
_NEXT_ENUM_RE = re.compile(r"\s*二是")


# A section title run into its first sentence where scraping lost the line break between them
# (三、保障措施各牵头单位要于…, 四、做好资金发放补贴资金由区财政局…). Only a title that reads as one: a section's
# fixed name (保障措施, 监督管理) or a verb-object title (加强动态管理, 做好资金发放) ending in a section noun, the
# longest such; then a sentence that opens with its subject — 各…要, a body that acts (区民政局会同…), 凡, 本办法,
# 项目业主, 申请人, or funds a body handles (补贴资金由区财政局…). Nouns that usually modify the next word
# (保障资金由…, 项目申报所需材料…, 物业管理区域划分由…) never open a title here, and 对/由/所需 never a sentence.
_SECTION_NAME = (r"保障措施|组织实施|组织领导|组织保障|监督管理|监督检查|职责分工|工作要求|工作职责|申报程序|申报流程"
                 r"|申请程序|办理流程|补贴对象|补助对象|支持对象|适用对象|适用范围|补贴标准|补助标准|支持标准|资金来源"
                 r"|资金管理|资金拨付|资金发放|附则|其他事项")
_TITLE_VERB = r"加强|做好|强化|完善|规范|健全|严格|落实|加大|优化|建立|明确|抓好|推进|提升|注重|压实|夯实"
_SECTION_NOUN = (r"措施|保障|管理|程序|分工|对象|标准|条件|要求|职责|范围|方式|流程|机制|原则|领导|监督|监管|考核"
                 r"|申报|审核|发放|兑付|兑现|拨付|结算|宣传|责任|纪律|安排|步骤|用途|来源|事项|力度|环境|体系")
_BODY = r"(?:区|市|县|省|州|旗|镇|乡|街道)(?!域|场|级|内|外|属|直|区|县)[\u4e00-\u9fff]{1,10}?(?:局|委|办|厅|中心|政府|管委会)"
_FUSED_OPENER = (rf"各[\u4e00-\u9fff（()）]{{1,14}}?(?:要|应|须|负责|可|将|于|在)"
                 rf"|{_BODY}(?:会同|负责|要|应|将|按|牵头|组织|统筹|于|在)"
                 rf"|凡|本(?:办法|细则|通知|方案|政策|意见|措施|规定|条例)|项目(?:业主|单位|申报单位)|申请人"
                 rf"|[\u4e00-\u9fff]{{0,4}}资金由{_BODY}")
_FUSED_TITLE_RE = re.compile(rf"[ \t\u3000]*(?P<t>{_SECTION_NAME}|(?:{_TITLE_VERB})[\u4e00-\u9fff]{{0,6}}(?:{_SECTION_NOUN}))"
                             rf"(?=(?:{_FUSED_OPENER})[^\n]{{4,}}?[，,。；;])")


def _fused_title(first: str) -> re.Match | None:
    return _FUSED_TITLE_RE.match(first)


def _title_and_body(text: str, body: int, end: int) -> tuple[str | None, int, bool]:
    """Heading title after the marker, where the body after it starts, and
    whether the title stands alone on its line (its body is then paragraphs)."""
    seg = text[body:end]
    if not seg.strip():
        return None, end, True
    nl = seg.find("\n")
    if nl >= 0 and not seg[:nl].strip():
        return None, body + nl + 1, True     # `第一条` alone on its line: the body follows
    first = seg if nl < 0 else seg[:nl]
    stripped = first.strip()
    if nl >= 0 and stripped and len(stripped) <= 50 and not SENT_RE.search(stripped.rstrip("。")) \
            and not cut_sentence(stripped, seg[nl + 1:].split("\n", 1)[0]) \
            and not (stripped.endswith("。") and (_CLAUSE_SEP_RE.search(stripped) or SENTENCE_GRANT_RE.search(stripped)
                                                  or DATED_RULE_RE.search(stripped))):
        # title on its own line (trailing 。 allowed: `(二)积极推广众包。`)
        return stripped.rstrip("。；;") or None, body + nl + 1, True
    if nl < 0 and len(stripped) <= 24 and not TITLE_END_RE.search(stripped.rstrip("。:：")):
        return stripped.rstrip("。") or None, end, True     # the whole segment is the title
    fused = _fused_title(first)
    if fused:
        return fused.group("t"), body + fused.end(), True
    m = TITLE_END_RE.search(seg, 0, 61)
    if m and m.start() > 0:
        t = seg[:m.start()].strip()
        if t and "\n" not in t:
            return t, body + m.end(), False
    # inline title separated from its text by a space: `(一)营造环境 加快…`
    w = _WS_RUN_RE.search(first.lstrip(), 0, 31)
    if w and w.start() >= 4:
        lead = len(first) - len(first.lstrip())
        return first.lstrip()[:w.start()], body + lead + w.end(), False
    return None, body, False


def _one_line_item(text: str, start: int, end: int) -> bool:
    """text[start:end] is one list item on one line that ends a clause (（二）签订…劳动合同；)."""
    seg = text[start:end].strip()
    return bool(seg) and "\n" not in seg and seg[-1] in "；;。" and len(seg) <= 80


def _titled_paragraphs(text: str, body: int, end: int) -> bool:
    """Several paragraphs that each open with a short title sentence (优化创新创业发展环境。…)."""
    spans = paragraph_spans(text, body, end)
    if len(spans) < 2:
        return False
    titled = sum(1 for s, e in spans if 0 < text.find("。", s, e) - s <= 25)
    return titled * 2 > len(spans)


def _section_kind(titles: list[str]) -> str:
    for t in titles:
        if _OTHER_SECTION_RE.search(t):
            return "other"
        if _GOAL_RE.search(t):
            return "goal"
        if _PREAMBLE_SECTION_RE.search(t):
            return "preamble"
    return "measure"


def _split_enumerations(text: str, rec: dict) -> list[dict]:
    """一是…二是…三是 inside one record -> one record per item under its path."""
    body = rec.get("body", rec["start"])
    hits = []
    for m in _ENUM_RE.finditer(text, body, rec["end"]):
        n = cn_to_int(m.group("n"))
        exp = hits[-1][1] + 1 if hits else 1
        if n == exp or (n == 1 and hits):
            hits.append((m.start(), n))
    continued = len(hits) == 1 and _NEXT_ENUM_RE.match(text, rec["end"])
    if not continued and (len(hits) < 2 or not any(n == 2 for _, n in hits)):
        return [rec]
    path = rec["path"] + ([rec["label"]] if rec.get("label") else [])
    out = []
    intro_end = rstrip_end(text, rec["start"], hits[0][0])
    if intro_end > rec["start"]:
        out.append(dict(rec, end=intro_end))
    for i, (s, n) in enumerate(hits):
        e = hits[i + 1][0] if i + 1 < len(hits) else rec["end"]
        e = rstrip_end(text, s, e)
        t = text[s:e]
        tm = TITLE_END_RE.search(t, 0, 61)
        skip = len(_ENUM_RE.match(t).group(0)) if _ENUM_RE.match(t) else 0
        title = t[skip:tm.start()] if tm and tm.start() > skip else None
        out.append({"kind": rec["kind"], "path": path,
                    "title": title, "start": s, "end": e, "enum": rec["start"]})
    return out


# Annexes that are forms, lists or scoring criteria rather than policy text.
_ANNEX_FORM_RE = re.compile(r"评价|评分|考核|名单|申报书|申请表|申请书|汇总表|一览表|统计表|登记表|推荐表|指标|明细|目录")


def _mark_annex(text: str, recs: list[dict]) -> None:
    """After the measures, an 附件 that is a form, list or scoring sheet is `other` material."""
    seen_measure = False
    in_annex = False
    for i, r in enumerate(recs):
        body = text[r["start"]:r["end"]]
        if in_annex and r["kind"] in ("measure", "goal", "preamble"):
            r["kind"] = "other"
        elif r["kind"] == "measure":
            seen_measure = True
        if seen_measure and not in_annex and body.startswith("附件"):
            title = body + (text[recs[i + 1]["start"]:recs[i + 1]["end"]][:60] if i + 1 < len(recs) else "")
            in_annex = bool(_ANNEX_FORM_RE.search(title[:80]))


def _make_id(text: str, path: list[str], ordinal: int, norm: str | None = None) -> str:
    """``norm``: ``text`` without whitespace, when the caller has it already."""
    if norm is None:
        norm = "".join(text.split())
    h = hashlib.sha1(f"{norm}|{'/'.join(path)}|{ordinal}".encode("utf-8"))
    return h.hexdigest()[:16]


def split_measures(text: str, how: str | None = None, *, unwrapped: bool = False) -> list[Measure]:
    """Every item of ``text`` in order: measures and the non-measure parts.

    Fills id, kind, path, title, text, start, end (offsets into ``text``). Layout records are cut
    into provisions and given their kinds by ``nlp.kinds.refine`` (``how``: rules or model).
    ``unwrapped``: the caller has already taken out soft line breaks (:func:`unwrap`), so it is not
    tried a second time.
    """
    if not text or not text.strip():
        return []
    joined, back = (text, None) if unwrapped else unwrap(text)
    joined = restore_breaks(joined)
    recs, struct = layout_records(joined)
    return _to_measures(text, _drop_repeats(text, _map_back(refine(joined, recs, struct, how), back)))


_REPEAT_MIN = 20       # characters: shorter items (每人每月500元, a table's cells) repeat in good text
_REPEAT_KINDS = frozenset({"measure", "criterion", "goal", "news"})


def repeated(text: str, items: list, kinds: frozenset = _REPEAT_KINDS) -> set[int]:
    """Indexes of the items (dicts or Measures, of the given kinds) whose text repeats an earlier one's
    word for word: a scrape that printed a passage twice (a page's preview, a duplicated paragraph)."""
    seen: set[str] = set()
    out: set[int] = set()
    for i, it in enumerate(items):
        kind, s, e = (it["kind"], it["start"], it["end"]) if isinstance(it, dict) else (it.kind, it.start, it.end)
        if kind not in kinds:
            continue
        key = "".join(text[s:e].split())
        if len(key) < _REPEAT_MIN:
            continue
        if key in seen:
            out.add(i)
        else:
            seen.add(key)
    return out


def _drop_repeats(text: str, items: list[dict]) -> list[dict]:
    """The provisions of a passage printed twice are given once: the repeat's items are ``other``
    (and nlp.extract reads no fields from them). An addressee line (各有关单位:), read as the preamble
    it opens while items were cut, is ``other`` in the output too: whom a notice goes to is no purpose or
    basis (readers: other, 7 of 7)."""
    for i in repeated(text, items):
        items[i]["kind"] = "other"
    for it in items:
        if it["kind"] == "preamble" and addressee_line(text[it["start"]:it["end"]].strip()):
            it["kind"] = "other"
    return items


def split_items(text: str) -> list[Measure]:
    """The layout items (numbered items, paragraphs) with their rule kinds, before provisions are
    cut: the granularity of the older gold and of a reader's table of contents."""
    if not text or not text.strip():
        return []
    joined, back = unwrap(text)
    return _to_measures(text, _map_back(layout_records(restore_breaks(joined))[0], back))


# Hard-wrapped text (PDF extraction, fixed-width text files, some scrapers): most lines are cut at
# one width, mid-sentence. A line break is a paragraph break only after a line that ends short or
# with a sentence/lead-in end, or before a numbering marker.
_LINE_RE = re.compile(r"[^\n]*")
_PARA_END = "。！？!?:：；;"
_MARK_START_RE = re.compile(r"[ \t\u3000\xa0" + DECOR_CHARS + r"]*(?:第[一二三四五六七八九十百\d]+[条章节]|[(（][一二三四五六七八九十\d]{1,3}[)）]"
                            r"|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.．、](?!\d)|[①-⑳]|附件)")


_FOLDED_PUNCT_RE = re.compile(r"[,:;()!?]")


def unwrap(text: str) -> tuple[str, list[int] | None]:
    """``text`` with the soft line breaks of a hard-wrapped page removed, and the map from each
    character of the result to its offset in ``text`` (None when the page is not hard-wrapped)."""
    if text.count("\n") < 4:
        return text, None
    lines = [(m.start(), m.end()) for m in _LINE_RE.finditer(text) if m.end() > m.start()]
    widths = []
    for s, e in lines:          # display width: a Chinese character is two columns, ASCII one
        t = text[s:e].strip()
        widths.append(2 * len(t) - len(t.encode("ascii", "ignore")))
    long_ = [w for w in widths if w >= 32]
    if len(long_) >= 4:
        wrapped = _ragged_wrap(text, lines) or _fixed_wrap(text, lines, widths, long_)
        if wrapped is not None:
            return wrapped
        # the punctuation normalization folded from full width (，：；（）) stood two columns wide on a
        # page wrapped before it: measured so, its lines may share one width
        if _FOLDED_PUNCT_RE.search(text):
            widths = [w + len(_FOLDED_PUNCT_RE.findall(text, s, e)) for w, (s, e) in zip(widths, lines)]
            wrapped = _fixed_wrap(text, lines, widths, [w for w in widths if w >= 32])
            if wrapped is not None:
                return wrapped
    return _phrase_broken(text, lines) or (text, None)


def _piped_line(text: str, s: int, e: int | None = None) -> bool:
    """The line at ``s`` is a row of a | table (序号 | 政策内容 | 责任单位)."""
    if e is None:
        e = text.find("\n", s)
        e = len(text) if e < 0 else e
    return text.count("|", s, e) >= 2


def _fixed_wrap(text: str, lines: list[tuple[int, int]], widths: list[int],
                long_: list[int], tol: int = 2) -> tuple[str, list[int]] | None:
    """Lines cut at one width (± ``tol`` columns). A justified PDF page (its lines one physical width,
    their character counts varying with the punctuation and digits in them) is tried with a wider band
    when the narrow one finds nothing: then most long lines must lie in the band and most of those stop
    with no punctuation."""
    ws = sorted(long_)

    def near(w: int) -> int:     # long lines within ±tol columns of w
        return bisect.bisect_right(ws, w + tol) - bisect.bisect_left(ws, w - tol)

    width = max(set(ws), key=lambda w: (near(w), w))
    full = near(width)
    above = sum(1 for w in long_ if w > width + tol)
    # wrapped: a third of the long lines share one width (±2 columns) and hardly any is wider;
    # prose paragraphs and lists of titles never look like that
    if full < 3 or full * 3 < len(long_) or above * 10 > len(long_):
        if tol == 2 and len(long_) >= 8:
            mid = ws[len(ws) // 2]
            if mid <= 160:          # a printed page's lines, not paragraphs on a line each
                return _fixed_wrap(text, lines, widths, long_, tol=min(8, max(3, round(mid * 0.08))))
        return None
    open_ends = sum(1 for (s, e), w in zip(lines, widths) if abs(w - width) <= tol
                    and text[s:e].rstrip()[-1:] not in _PARA_END)
    if open_ends < 2:
        return None     # one line cut at the width is no wrapped page: a short notice's title over its issuer
    if tol > 2:
        if full * 2 < len(long_) or full < 6 or open_ends * 5 < full * 3:
            return None
    soft: list[int] = []
    for (s, e), w in zip(lines, widths):
        # (a paragraph's first line lost its two-character indent: four columns short, still full)
        if e >= len(text) or w < width - tol - 2 - 2 * (tol > 2) or text[s:e].rstrip()[-1:] in _PARA_END \
                or tol > 2 and w > width + tol:     # (wider than the page: a title line, not a wrapped one)
            continue
        if _MARK_START_RE.match(text, e + 1) or BULLET_RE.match(text, e + 1) or _piped_line(text, s, e) \
                or _piped_line(text, e + 1) or SPACED_ROW_RE.match(text, e + 1):
            continue            # a row of a | table (or a bulleted line) is a line of its own, however wide
        soft.append(e)          # the "\n" at e joins this line to the next
    if not soft:
        return None
    return _without(text, [(i, i + 1) for i in soft])


# A post that breaks its sentences into phrase lines (WeChat layout: 对新引进的全日制本科毕业生\n在县内企业
# 就业并签订3年以上劳动合同的\n每人每月给予800元生活补贴): inside a block most lines stop with no punctuation
# before a line that goes on, many on a word that cannot end a clause (的, 和, 对, 给予…).
_CJK_CHAR_RE = re.compile(r"[\u4e00-\u9fff]")
_OPEN_TAIL_RE = re.compile(r"(?:的|和|与|及|或|并|对|在|为|按|将|由|从|向|于|给予|、|，|,)$")
_TITLE_LINE_RE = re.compile(_MARK_START_RE.pattern + r"[^。；;，,]{0,20}$")


def _phrase_broken(text: str, lines: list[tuple[int, int]]) -> tuple[str, list[int]] | None:
    """Such a post's breaks inside a block joined (a blank line still ends a paragraph; a title line — a
    marker and a few words — and the line before a marker keep theirs); None for any other page."""
    body = joins = tails = 0
    soft: list[tuple[int, int]] = []
    for s, e in lines:
        line = text[s:e].strip()
        if len(line) < 6 or not _CJK_CHAR_RE.search(line):
            continue
        body += 1
        nxt = e + 1
        if nxt >= len(text) or text[nxt] == "\n" or line[-1] in _OPEN_END:
            continue
        if _MARK_START_RE.match(text, nxt) or _TITLE_LINE_RE.match(text, s, e) or BULLET_RE.match(text, nxt):
            continue            # (▶ 市民怎么领？: a bulleted line starts an item of its own)
        if len(text[nxt:text.find("\n", nxt) % (len(text) + 1)].strip()) < 2:
            continue
        joins += 1
        tails += bool(_OPEN_TAIL_RE.search(line))
        soft.append((e, e + 1))
    if body < 8 or joins * 5 < body * 2 or tails < 3:
        return None
    return _without(text, soft)


def _without(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """``text`` with the sorted spans removed, and the map from each character of the result (and its
    end) to its offset in ``text``."""
    parts, back, prev = [], [], 0
    for a, b in spans:
        if a < prev:
            continue
        parts.append(text[prev:a])
        back.extend(range(prev, a))
        prev = b
    parts.append(text[prev:])
    back.extend(range(prev, len(text)))
    back.append(len(text))
    return "".join(parts), back


_PAGE_NO_RE = re.compile(r"[ \t\u3000\xa0]*(?:[—\-–]\s?\d{1,3}\s?[—\-–]|第\s?\d{1,3}\s?页(?:\s?共\s?\d{1,3}\s?页)?)[ \t\u3000\xa0]*$")
_OPEN_END = frozenset(_PARA_END + "）)”」】》")


def _ragged_wrap(text: str, lines: list[tuple[int, int]]) -> tuple[str, list[int]] | None:
    """PDF text wrapped at no single width: lines cut mid-sentence (…按实际\n到位资金…, 1\n00万元), page
    numbers (— 3 —) between them. Recognised when most long lines stop with no punctuation before a line
    that no numbering opens; such breaks are joined and the page-number lines dropped."""
    body = [(s, e) for s, e in lines if e - s >= 16 and "|" not in text[s:e]]
    cut = strong = 0
    for s, e in body:
        if text[e - 1] not in _OPEN_END and e + 1 < len(text) and not _MARK_START_RE.match(text, e + 1) \
                and not SPACED_ROW_RE.match(text, e + 1):   # 1 张* … 10000\n2 李* …: rows, no number cut in two
            cut += 1
            # a break no writer makes: inside a number (1\n00万元) or before a comma or a closing bracket
            strong += text[e - 1].isdigit() and text[e + 1].isdigit() or text[e + 1] in "，,、。）);；"
    paged = sum(1 for s, e in lines if e - s <= 12 and _PAGE_NO_RE.match(text, s, e))
    if len(body) < 8 or cut * 5 < len(body) * 2 or not (paged >= 1 and strong >= 1 or strong >= 3 and cut * 5 >= len(body) * 3):
        return None
    drop: list[tuple[int, int]] = []            # spans removed: soft "\n"s and page-number lines
    for k, (s, e) in enumerate(lines):
        if _PAGE_NO_RE.match(text, s, e) and e - s <= 12:
            drop.append((s, min(len(text), e + 1)))
            continue
        if e >= len(text) or e - s < 12 or text[e - 1] in _OPEN_END:
            continue
        nxt = e + 1
        if _piped_line(text, s, e) or _piped_line(text, nxt) or SPACED_ROW_RE.match(text, nxt):
            continue
        if _MARK_START_RE.match(text, nxt) or text.startswith(("—", "-"), nxt) and _PAGE_NO_RE.match(text, nxt, text.find("\n", nxt) % (len(text) + 1)):
            continue
        drop.append((e, e + 1))
    if not drop:
        return None
    return _without(text, sorted(drop))


# A line break that scraping turned into spaces before a list bullet (`…1850元/月; - 西安高校…`,
# `…原则: ——公平公正。`): the bullet starts a line of its own.
# Only the marks lists are bulleted with: a middle dot (“新”有善育 · “昌”享未来) or a checkbox in a cell stays.
_LOST_BULLET_RE = re.compile(r"(?<=\S)[ \u3000\xa0]+(?=(?:[-•●▪■◆]|——)\s?[\u4e00-\u9fff“(（])")


def restore_breaks(text: str) -> str:
    """``text`` with lost line breaks before bullets put back: the same length, so offsets hold."""
    if " " not in text and "\u3000" not in text and "\xa0" not in text:
        return text
    return _LOST_BULLET_RE.sub(_bullet_break, text)


def _bullet_break(m: re.Match) -> str:
    # inside a flattened table row (| 公开渠道 | ■政府网站 ■公开查阅点 |) a mark is a cell's checkbox
    s = m.string
    line = s[s.rfind("\n", 0, m.start()) + 1:m.start()]
    in_row = (line.lstrip().startswith("|") or line.count(" | ") >= 2) and "|" in s[max(0, m.start() - 40):m.start()]
    return m.group() if in_row else "\n" * len(m.group())


def _map_back(recs: list[dict], back: list[int] | None) -> list[dict]:
    if back is None:
        return recs
    for r in recs:
        s, e = r["start"], r["end"]
        r["start"] = back[s]
        r["end"] = back[e - 1] + 1 if e > s else back[s]
    return recs


def layout_records(text: str) -> tuple[list[dict], bool]:
    """Records by layout (numbered items, paragraphs) with their rule kinds, and whether the
    document has numbered headings."""
    heads = find_headings(text)
    recs: list[dict] = []
    first = heads[0][0].start if heads else len(text)
    recs.extend(paragraph_records(text, 0, first, bool(heads), heading_follows=bool(heads)))
    path_stack: list[str] = []
    title_stack: list[str] = []
    for i, (c, level) in enumerate(heads):
        nxt = heads[i + 1][0].start if i + 1 < len(heads) else len(text)
        end = rstrip_end(text, c.start, nxt)
        title, body, own_line = _title_and_body(text, c.body, end)
        # the last item of a list of one-line items (（三）本人…无自有住房。) is no title of the
        # paragraph after it: the item is its line, the paragraph follows it outside the item
        item_line = own_line and body < end and i > 0 and heads[i - 1][1] == level \
            and _one_line_item(text, heads[i - 1][0].start, c.start) and text[c.body:body].rstrip()[-1:] in "；;。" \
            and not (i + 1 < len(heads) and heads[i + 1][1] > level)
        marker = text[c.start:c.body]
        gap = " " if c.body < len(text) and text[c.body] in " \u3000\xa0" and marker.startswith("第") else ""
        label = marker + gap + (title if title else "".join(text[c.body:min(end, c.body + 60)].split())[:20])
        del path_stack[level:]
        del title_stack[level:]
        kind = _section_kind(title_stack + [title or ""])
        has_body = bool(text[body:end].strip())
        has_children = i + 1 < len(heads) and heads[i + 1][1] > level
        path = list(path_stack)
        path_stack.append(label)
        title_stack.append(title or "")
        if kind == "measure" and PURPOSE_RE.match(text[c.start:end]):
            kind = "preamble"
        if CHROME_RE.match(text[c.start:end]):
            recs.append({"kind": "other", "path": path, "title": title, "start": c.start, "end": end})
        elif item_line:
            recs.append({"kind": kind, "path": path, "title": None, "start": c.start,
                         "end": rstrip_end(text, c.start, body)})
            recs.extend(paragraph_records(text, body, end, True, kind, path))
        elif own_line and has_body and c.style not in SECTION_STYLES and kind == "measure" \
                and not has_children and not _titled_paragraphs(text, body, end) \
                and (_LEAF_TITLED or title and _GRANT_TITLE_RE.search(title)):
            # `1.一次性创业补贴` + one paragraph: the title names the measure
            recs.extend(split_trailing(text, {"kind": kind, "path": path, "title": title,
                                               "start": c.start, "end": end, "body": body, "label": label}))
        elif own_line and has_body:
            # heading line, then each body paragraph is its own record
            below = paragraph_records(text, body, end, True, kind, path_stack)
            sentence = title is not None and (text[c.body:body].rstrip().endswith("。") and len(title) > 8
                                              or stopless_sentence(title))
            # …but the last item's own line over nothing but the signature (五、本通知自…起施行。\n市科技局\n2023年…),
            # or a work plan's task over its responsibility note (（一）新建居住区按照…配套建设托育服务设施。\n
            # 责任单位：市自然资源局, which _notes_into_tasks then joins to it), is the item, not a heading
            item = sentence and not has_children and below and (
                any(r["kind"] == "signature" for r in below) and all(r["kind"] in ("signature", "other") for r in below)
                or all(_RESP_NOTE_RE.match(text, r["start"], r["end"]) for r in below))
            recs.append({"kind": kind if item else "heading", "path": path, "title": title,
                         "start": c.start, "end": rstrip_end(text, c.start, body)})
            recs.extend(below)
        elif not has_body:
            k = "heading" if has_children and not LEADIN_RE.search(text[c.start:end]) else kind
            recs.append({"kind": k, "path": path, "title": title, "start": c.start, "end": end})
        elif (tab := _table_start(text, c.body, end)) is not None:
            # 二、重点任务分工。各项任务分工见下表。\n序号 | 工作措施 | 牵头单位 |…: the item's line heads the
            # table under it, whose rows are read one by one
            head_end = rstrip_end(text, c.start, tab)
            lead = _TABLE_LEAD_RE.search(text, c.body, head_end) is not None
            recs.extend(split_trailing(text, {"kind": "heading" if lead else kind, "path": path, "title": title,
                                               "start": c.start, "end": head_end, "body": body, "label": label}))
            recs.extend(paragraph_records(text, tab, end, True, kind, path_stack))
        else:
            recs.extend(split_trailing(text, {"kind": kind, "path": path, "title": title,
                                               "start": c.start, "end": end, "body": body, "label": label}))
    recs = _notes_into_tasks(text, recs)
    _mark_annex(text, recs)
    _cut_item_tail(text, recs)
    out_recs: list[dict] = []
    for r in recs:
        if r["kind"] in ("measure", "goal", "preamble", "other") and r["end"] - r["start"] > 20:
            out_recs.extend(_split_enumerations(text, r))
        else:
            out_recs.append(r)
    return out_recs, bool(heads)


# A task's responsibility note on its own line: 责任单位：市教育局 / （牵头单位：市发展改革委；配合单位：…）
_RESP_NOTE_RE = re.compile(r"\s*[(（]?\s*(?:责任|牵头|配合|参与|协办|主办)(?:单位|部门)\s*[:：]")

def _notes_into_tasks(text: str, recs: list[dict]) -> list[dict]:
    """A responsibility note on the line under a task (（三）支持幼儿园开设托班。\n责任单位：市教育局) is part of
    that task: the measure then carries its units, as a comparison's lead-unit cell reads them."""
    out: list[dict] = []
    for r in recs:
        prev = out[-1] if out else None
        if prev is not None and r["kind"] != "signature" and prev["kind"] in ("measure", "goal") and \
                _RESP_NOTE_RE.match(text, r["start"], r["end"]) and not text[prev["end"]:r["start"]].strip():
            prev["end"] = r["end"]
            continue
        out.append(r)
    return out


# The first of a series of item numbers: 一、 (一) 1. 第一条
_FIRST_NUMBER_RE = re.compile(r"\s*(?:一[、.．]|[(（]一[)）]|1\s?[、.．]|[(（]1[)）]|第一[条章节]|①)")
_ACTS_RE = re.compile(r"鼓励|支持|给予|开展|推进|推动|加快|实施|建立|完善|落实|打造|补贴|奖励|补助|提供")


def _cut_item_tail(text: str, recs: list[dict]) -> None:
    """A page cut mid-document opens with the tail of an item whose number it lost (…务体系,鼓励有条件的
    用人单位…。 then (三)…): a provision when it acts and the items after it do not start a series."""
    if len(recs) < 2 or recs[0]["start"] > 1 or recs[0]["kind"] != "preamble":
        return
    label = next((r.get("label") for r in recs[1:3] if r.get("label")), None)
    first = text[recs[0]["start"]:recs[0]["end"]]
    if label and not _FIRST_NUMBER_RE.match(label) and _ACTS_RE.search(first) and not PURPOSE_RE.match(first) \
            and "\n" not in first.strip():
        recs[0]["kind"] = "measure"


# an item line that only leads in the table below it (…见下表。/ 标准如下表:)
_TABLE_LEAD_RE = re.compile(r"(?:见|如)下表[。:：]?\s*$|(?:如下|见附表)[:：。]?\s*$")


def _table_start(text: str, a: int, b: int) -> int | None:
    """Where a | table (two rows or more, on lines of their own) starts inside text[a:b], after its
    first line; None when there is none."""
    i = text.find("\n", a, b)
    while 0 <= i < b:
        s = i + 1
        e = text.find("\n", s, b)
        e = b if e < 0 else e
        if _piped_line(text, s, e):
            e2 = text.find("\n", e + 1, b)
            if e < b and _piped_line(text, e + 1, b if e2 < 0 else e2):
                return s
        i = e if e < b else -1
    return None


def _to_measures(text: str, out_recs: list[dict]) -> list[Measure]:
    measures: list[Measure] = []
    seen: dict[tuple, int] = {}
    for r in out_recs:
        if r["end"] <= r["start"]:
            continue
        t = text[r["start"]:r["end"]]
        norm = "".join(t.split())
        key = (norm, tuple(r["path"]))
        seen[key] = seen.get(key, 0) + 1
        measures.append(Measure(id=_make_id(t, r["path"], seen[key], norm), kind=r["kind"], path=r["path"],
                                title=r["title"], text=t, start=r["start"], end=r["end"]))
    return measures
