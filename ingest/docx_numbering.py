"""Word's automatic numbering, written out: ``一、`` ``（二）`` ``第三条`` ``1.``.

A DOCX keeps list numbers out of the text (numbering.xml holds the format, Word counts
at display time), yet they carry a policy's structure: measure segmentation reads
``一、`` and ``（一）`` to build section paths. So each numbered paragraph gets its
label back, counted the way Word counts: per list (numId), a level's counter restarting
when a shallower level advances.
"""
from __future__ import annotations

from typing import Optional

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"


def _val(el, path: str) -> Optional[str]:
    node = el.find(path) if el is not None else None
    return node.get(W + "val") if node is not None else None


def _chinese(n: int, digits: str = _CN_DIGITS, ten: str = "十") -> str:
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if not tens:
        return digits[ones]
    return (digits[tens] if tens > 1 else "") + ten + (digits[ones] if ones else "")


def format_number(n: int, fmt: Optional[str]) -> str:
    """``n`` in Word's number format ``fmt`` (decimal for formats not listed)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return _chinese(n)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _CN_LEGAL, "拾")
    if fmt in ("ideographDigital", "taiwaneseDigital"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt in ("ideographTraditional",) and 1 <= n <= 10:
        return _STEMS[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt in ("lowerLetter", "upperLetter") and 1 <= n <= 26:
        c = chr(ord("a") + n - 1)
        return c.upper() if fmt == "upperLetter" else c
    if fmt in ("lowerRoman", "upperRoman") and 1 <= n < 40:
        r = "x" * (n // 10) + ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"][n % 10]
        return r.upper() if fmt == "upperRoman" else r
    return str(n)


class Numbering:
    """Labels for numbered paragraphs of one document, in document order (stateful: call in order)."""

    def __init__(self, numbering_el, styles_el):
        self._levels: dict[str, dict[int, tuple[int, Optional[str], str, Optional[str]]]] = {}
        self._overrides: dict[str, dict[int, int]] = {}
        abstract: dict[str, dict[int, tuple[int, Optional[str], str, Optional[str]]]] = {}
        if numbering_el is not None:
            for an in numbering_el.iterchildren(W + "abstractNum"):
                lvls = {}
                for lvl in an.iterchildren(W + "lvl"):
                    start = _val(lvl, W + "start")
                    lvls[int(lvl.get(W + "ilvl", "0"))] = (
                        int(start) if start and start.lstrip("-").isdigit() else 1,
                        _val(lvl, W + "numFmt"), _val(lvl, W + "lvlText") or "", _val(lvl, W + "suff"))
                abstract[an.get(W + "abstractNumId")] = lvls
            for num in numbering_el.iterchildren(W + "num"):
                nid = num.get(W + "numId")
                self._levels[nid] = abstract.get(_val(num, W + "abstractNumId"), {})
                for ov in num.iterchildren(W + "lvlOverride"):
                    so = _val(ov, W + "startOverride")
                    if so and so.isdigit():
                        self._overrides.setdefault(nid, {})[int(ov.get(W + "ilvl", "0"))] = int(so)
        self._style_num: dict[str, tuple[Optional[str], Optional[str], Optional[str]]] = {}
        if styles_el is not None:
            for st in styles_el.iterchildren(W + "style"):
                ppr = st.find(W + "pPr")
                self._style_num[st.get(W + "styleId")] = (
                    _val(ppr, f"{W}numPr/{W}numId"), _val(ppr, f"{W}numPr/{W}ilvl"), _val(st, W + "basedOn"))
        self._counts: dict[str, list[int]] = {}

    def _style_numbering(self, style: Optional[str]) -> tuple[Optional[str], Optional[str]]:
        for _ in range(8):   # basedOn chains are short; a cycle must not hang
            if style is None or style not in self._style_num:
                return None, None
            nid, ilvl, based = self._style_num[style]
            if nid is not None:
                return nid, ilvl
            style = based
        return None, None

    def label(self, p) -> str:
        """The number label of paragraph element ``p`` with its separator, or ``""``."""
        ppr = p.find(W + "pPr")
        nid, ilvl = _val(ppr, f"{W}numPr/{W}numId"), _val(ppr, f"{W}numPr/{W}ilvl")
        if nid is None:
            snid, silvl = self._style_numbering(_val(ppr, W + "pStyle"))
            nid, ilvl = snid, ilvl or silvl
        levels = self._levels.get(nid) if nid not in (None, "0") else None
        if not levels:
            return ""
        lvl = int(ilvl) if ilvl and ilvl.isdigit() else 0
        if lvl not in levels or levels[lvl][1] in ("bullet", "none"):
            return ""
        counts = self._counts.setdefault(nid, [0] * 10)
        if lvl >= len(counts):
            return ""
        counts[lvl] += 1
        for deeper in range(lvl + 1, len(counts)):
            counts[deeper] = 0
        text = levels[lvl][2]
        for k in range(lvl, -1, -1):   # %1 .. %9: each level's counter in its own format
            start, fmt, _, _ = levels.get(k, (1, "decimal", "", None))
            start = self._overrides.get(nid, {}).get(k, start)
            text = text.replace(f"%{k + 1}", format_number(start + max(counts[k], 1) - 1, fmt))
        suff = levels[lvl][3]
        if not text or suff == "nothing" or not text[-1].isalnum():
            return text
        return text + ("\u3000" if suff != "space" else " ")
