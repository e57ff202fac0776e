"""Body text -> clean simplified text, with an offset map back to the original.

Steps, in this order (each one an edit list applied by :func:`apply_edits`, which
keeps the :class:`OffsetMap` exact across insertions and deletions):

1. pinyin notes removed (before OpenCC: the notes are read on the original script);
2. OpenCC t2s (length-preserving; a chunk that changes length is aligned per char);
3. full-width digits and Latin letters -> half-width (punctuation kept as found);
4. whitespace, in one pass: runs collapsed, lines stripped, blank lines dropped, and spaces
   that only split a number or a number from its unit removed (``133.28 万元``);
5. repairs of scraping damage whose intent is certain (see :mod:`.repair`);
6. mojibake fragments flagged as ``suspects`` (offsets in the final text), never rewritten.
"""
from __future__ import annotations

import bisect
import functools
import html
import re
from dataclasses import dataclass, field

from ..records import OffsetMap, Repair, Suspect
from ..text import CJK
from .metadata import DOCNUM_RE
from .pinyin import pinyin_spans
from .repair import find_repairs, find_suspects
from .script import t2s

Edit = tuple[int, int, str]  # replace text[start:end] with the string

# Variants OpenCC t2s leaves alone but that are plainly the simplified character's old form.
_VARIANTS = {"陜": "陕"}


def _t2s(text: str) -> str:
    """t2s, then the variants it leaves (str.replace: str.translate walks CJK text slowly)."""
    conv = t2s(text)
    for old, new in _VARIANTS.items():
        if old in conv:
            conv = conv.replace(old, new)
    return conv

_CJK_RUN_RE = re.compile(f"[{CJK}]+")   # CJK characters counted by runs
_SCRIPT_SAMPLE = 3000

# Full-width digits and Latin letters only; Chinese and ASCII punctuation stay as found.
_WIDTH_TABLE = {c: c - 0xFEE0 for c in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B))
                + list(range(0xFF41, 0xFF5B))}
_FULLWIDTH_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")

_SPACE_CHARS = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff\r\f\v"
_WS_RUN = re.compile(f"[{_SPACE_CHARS}]*\n[\n{_SPACE_CHARS}]*|[{_SPACE_CHARS}]+")

_UNIT_AFTER_NUMBER = "万亿千百元年月日号个家项人次件名户位%％倍天周元条"
# A single space that only separates parts of a number, a number from its unit,
# or CJK from adjacent punctuation: pure scraping noise in Chinese text.
_NOISE_SPACE = re.compile(
    r"(?<=\d) (?=[" + _UNIT_AFTER_NUMBER + r"])"
    r"|(?<=\d) (?=\.\d)|(?<=\d\.) (?=\d)"
    r"|(?<=[年月至到自从于]) (?=\d)"
    r"|(?<=[\u4e00-\u9fff\d]) (?=[,，。、;；:：!！?？)）】」』”])"
    r"|(?<=[,，。、;；:：!！?？(（【「『“]) (?=[\u4e00-\u9fff\d])"
)
# A space after a sentence end, before Chinese text, is a paragraph break that flattening
# (table cells, one-line dumps) turned into a space -- unless the page spaces all its
# punctuation (`之路 。 近年来`), where it is only noise.
_LOST_BREAK = re.compile(r"(?<=[^\s][。！？；]) (?=[\u4e00-\u9fff])")
# On a page whose line breaks were lost the document's head runs on in one line, its parts parted by spaces:
# 首页 > 政策文件 关于…的通知 财建〔2015〕134号 阅读次数:702 各省、…财政厅: 正文 … 办公室 2022年8月19日 方案标题. A
# space after the breadcrumb, the title, the 文号, a byline's counter, the addressees or the signature's date is
# that lost break (read on the stretch before the space, so a space inside a title, 推广应用 财政支持政策的通知, stays).
_HEAD_BREAK_RE = re.compile(
    r"(?:^|\s)(?:[^\s。；;，,]{0,40}?关于[^。；;\n]{2,80}?的(?:通知|意见|决定|批复|复函|函|公告|通告)"
    rf"|{DOCNUM_RE.pattern}"
    r"|各[^。；;\s]{1,80}[:：]"
    r"|(?:首页|当前位置|您的位置|您现在的位置)[^\n。]{0,80}[>»›]\s*[^\s>»›]{1,16}"
    r"|(?:阅读|浏览|点击|访问)(?:次数|量|数)?[:：]\s?\d+次?"
    r"|[\u4e00-\u9fff]{2,30}(?:政府|办公室|办公厅|局|委员会|委|厅|中心|部)\s{1,4}(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)$", re.M)
_HEAD_BREAK_LOOKBACK = 120
_HEAD_CHARS = 3000
_MASK_RUN = re.compile(r"(?:(?<=[\u4e00-\u9fff，,。、《“(（])|^)[*＊]+|[*＊]+(?=[\u4e00-\u9fff，,。、》”)）])",
                       re.M)


@dataclass
class Normalized:
    text: str
    offset_map: OffsetMap
    repairs: list[Repair] = field(default_factory=list)
    masked_count: int = 0
    script: str = "simplified"
    suspects: list[Suspect] = field(default_factory=list)


def _to_orig(keys: list[int], anchors: list[tuple[int, int]], pos: int) -> int:
    i = bisect.bisect_right(keys, pos) - 1
    if i < 0:
        return pos
    n, o = anchors[i]
    return o + (pos - n)


def apply_edits(text: str, anchors: list[tuple[int, int]], edits: list[Edit]
                ) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """Apply sorted, non-overlapping edits; return (new text, new anchors, edit spans in new text).

    ``anchors`` map positions of ``text`` to the original; the result maps
    positions of the new text to the same original. Equal-length replacements
    keep the old anchors (char-for-char); others anchor their start.
    """
    if not edits:
        return text, anchors, []
    if len(anchors) == 1 and anchors[0] == (0, 0):
        return _apply_on_identity(text, edits)
    keys = [a[0] for a in anchors]
    out: list[str] = []
    new: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []
    o = 0

    def keep(a: int, b: int, piece: str) -> None:
        nonlocal o
        if a >= b:
            return
        new.append((o, _to_orig(keys, anchors, a)))
        i, j = bisect.bisect_right(keys, a), bisect.bisect_left(keys, b)
        if i < j:
            shift = o - a
            new.extend([(k + shift, v) for k, v in anchors[i:j]])
        out.append(piece)
        o += b - a

    prev = 0
    for s, e, r in edits:
        keep(prev, s, text[prev:s])
        if len(r) == e - s and r:
            start = o
            keep(s, e, r)
            spans.append((start, o))
        else:
            if r:
                new.append((o, _to_orig(keys, anchors, s)))
                out.append(r)
            spans.append((o, o + len(r)))
            o += len(r)
        prev = e
    keep(prev, len(text), text[prev:])
    return "".join(out), _compact(new), spans


def _apply_on_identity(text: str, edits: list[Edit]
                       ) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """Fast path of :func:`apply_edits` when the text is still the original (one anchor)."""
    out: list[str] = []
    new: list[tuple[int, int]] = [(0, 0)]
    spans: list[tuple[int, int]] = []
    o = prev = 0
    for s, e, r in edits:
        out.append(text[prev:s])
        o += s - prev
        if r:
            if len(r) != e - s:
                new.append((o, s))
            out.append(r)
        spans.append((o, o + len(r)))
        o += len(r)
        new.append((o, e))
        prev = e
    out.append(text[prev:])
    return "".join(out), _compact(new), spans


def _compact(anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Anchors (already in position order), one per position (last wins), collinear ones dropped."""
    if not anchors:
        return [(0, 0)]
    res: list[tuple[int, int]] = []
    for n, o in anchors:
        if res:
            pn, po = res[-1]
            if pn == n:
                res[-1] = (n, o)
                if len(res) > 1 and o - res[-2][1] == n - res[-2][0]:
                    res.pop()
                continue
            if o - po == n - pn:
                continue
        res.append((n, o))
    if res[0][0] != 0:
        res.insert(0, (0, 0))
    return res


def _convert_script(text: str) -> list[Edit]:
    """t2s as edits; whole text when length-preserving, else line by line, char by char."""
    conv = _t2s(text)
    if conv == text:
        return []
    if len(conv) == len(text):
        return [(0, len(text), conv)]
    edits: list[Edit] = []
    pos = 0
    for line in text.split("\n"):
        cl = _t2s(line)
        if cl != line:
            if len(cl) == len(line):
                edits.append((pos, pos + len(line), cl))
            else:
                for i, ch in enumerate(line):  # rare: a phrase rule changed the length
                    cc = _t2s(ch)
                    if cc != ch:
                        edits.append((pos + i, pos + i + 1, cc))
        pos += len(line) + 1
    return edits


def _changed_chars(a: str, b: str) -> int:
    """Positions where two equally long strings differ: ``sum(map(str.__ne__, a, b))`` done on
    integers (one 32-bit group per character, each group folded onto its lowest bit)."""
    x = int.from_bytes(a.encode("utf-32-le", "surrogatepass"), "little") ^ \
        int.from_bytes(b.encode("utf-32-le", "surrogatepass"), "little")
    for shift in (16, 8, 4, 2, 1):
        x |= x >> shift
    return (x & _low_bits(len(a))).bit_count()


@functools.lru_cache(maxsize=8)
def _low_bits(n: int) -> int:
    """The lowest bit of each of ``n`` 32-bit groups."""
    return int.from_bytes(b"\x01\x00\x00\x00" * n, "little")


def _script_of(before: str, after: str) -> str:
    # A sample is enough to tell the script; the whole text costs a comparison per char.
    before, after = before[:_SCRIPT_SAMPLE], after[:_SCRIPT_SAMPLE]
    if before == after:
        return "simplified"     # nothing converted: no share of changed characters to measure
    cjk = sum(map(len, _CJK_RUN_RE.findall(before)))
    if not cjk:
        return "simplified"
    changed = _changed_chars(before, after) if len(before) == len(after) else cjk
    share = changed / cjk
    if share >= 0.08:
        return "traditional"
    if share >= 0.02:
        return "mixed"
    return "simplified"


def _whitespace_edits(text: str) -> list[Edit]:
    """One pass: lines stripped, blank lines dropped, space runs collapsed or, as noise, removed."""
    edits: list[Edit] = []
    n = len(text)
    for m in _WS_RUN.finditer(text):
        s, e = m.span()
        run = m.group()
        if s == 0 or e == n:
            edits.append((s, e, ""))
        elif "\n" in run:
            if run != "\n":
                edits.append((s, e, "\n"))
        else:
            lo = max(0, s - 2)
            window = text[lo:s] + " " + text[e:e + 1]
            if _LOST_BREAK.match(window, s - lo) or _head_break(text, s, e):
                edits.append((s, e, "\n"))
            elif _NOISE_SPACE.match(window, s - lo) and not _after_item_number(text, s):
                edits.append((s, e, ""))
            elif run != " ":
                edits.append((s, e, " "))
    return edits


_ITEM_NUMBER_RE = re.compile(r"[ \t\u3000]*\d{1,2}\.")


def _after_item_number(text: str, s: int) -> bool:
    """The space at ``s`` follows a line's item number (1. 50万元以上的项目): kept, or 1.50万元 would be read;
    a decimal scraping split (补贴1. 5万元) has more before it on its line."""
    if text[s - 1] != ".":
        return False
    return _ITEM_NUMBER_RE.fullmatch(text, text.rfind("\n", 0, s) + 1, s) is not None


def _head_break(text: str, s: int, e: int) -> bool:
    """The space text[s:e], before Chinese text, ends a run-on page's title, 文号, addressees or signature
    (in the page's head only: a run-on page's body is cut by its sentences and numbering)."""
    if s > _HEAD_CHARS or e >= len(text) or not ("\u4e00" <= text[e] <= "\u9fff" or text[e].isdigit() or text[e] in "《“"):
        return False
    lo = max(text.rfind("\n", 0, s) + 1, s - _HEAD_BREAK_LOOKBACK)
    return _HEAD_BREAK_RE.search(text, lo, s) is not None


def count_masks(text: str) -> int:
    """Number of masked runs (``*`` standing in for removed words)."""
    if "*" not in text and "＊" not in text:
        return 0        # the regex has no literal head: skip the scan of a text without stars
    return len(_MASK_RUN.findall(text))


# HTML entities a scrape left in text (&nbsp;&nbsp;（二）…, 研发&amp;创新): a page's markup, never its words.
# The parser decodes them in HTML; text files (and text inside markup escaped twice) keep them.
_ENTITY_RE = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#[xX][0-9a-fA-F]{2,5});")
_SPACE_ENTITY = {"\xa0", "\u2002", "\u2003", "\u2009", "\u3000"}


def _entity_edits(text: str) -> list[Edit]:
    edits = []
    for m in _ENTITY_RE.finditer(text):
        ch = html.unescape(m.group())
        if ch != m.group() and ch.isprintable() or ch in _SPACE_ENTITY:
            edits.append((m.start(), m.end(), " " if ch in _SPACE_ENTITY else ch))
    return edits


def normalize(original: str) -> Normalized:
    """Normalize ``original`` (body lines joined by newlines, any script)."""
    text = original
    anchors: list[tuple[int, int]] = [(0, 0)]

    if "&" in text:
        edits = _entity_edits(text)
        if edits:
            text, anchors, _ = apply_edits(text, anchors, edits)

    spans = pinyin_spans(text)
    if spans:
        text, anchors, _ = apply_edits(text, anchors, [(s, e, "") for s, e in spans])

    before = text
    edits = _convert_script(text)
    if len(edits) == 1 and edits[0][:2] == (0, len(text)):
        text = edits[0][2]  # char-for-char: anchors unchanged
    else:
        text, anchors, _ = apply_edits(text, anchors, edits)
    script = _script_of(before, text)

    if _FULLWIDTH_RE.search(text):  # length-preserving: anchors unchanged
        text = _FULLWIDTH_RE.sub(lambda m: m.group().translate(_WIDTH_TABLE), text)

    text, anchors, _ = apply_edits(text, anchors, _whitespace_edits(text))

    found = find_repairs(text)
    repairs: list[Repair] = []
    if found:
        edits = [(f.start, f.end, f.replacement) for f in found]
        text, anchors, _ = apply_edits(text, anchors, edits)
        # Report each repair on the span it covers in the final text.
        shift = 0
        for f in found:
            delta = len(f.replacement) - (f.end - f.start)
            s = f.context_start + shift
            e = f.context_end + shift + delta
            repairs.append(Repair(kind=f.kind, start=s, end=e, before=f.before, after=text[s:e]))
            shift += delta

    suspects = [Suspect(kind=f.kind, start=f.start, end=f.end, text=f.text) for f in find_suspects(text)]
    return Normalized(text=text, offset_map=OffsetMap(anchors), repairs=repairs,
                      masked_count=count_masks(text), script=script, suspects=suspects)
