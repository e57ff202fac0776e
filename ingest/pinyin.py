"""Find pinyin notes that scrapers inserted after characters: ``關(guān)``, ``創(chuàng)(chuang)``.

Some converters emit a reading in parentheses after every polyphonic character.
A note with a tone mark is unmistakable. A toneless note such as ``(zhong)`` is
only treated as pinyin when the same text already carries toned notes, and only
when it is a well-formed pinyin syllable: ``(PPP)``, ``(AI)``, ``(app)``,
``市(州)``, ``(一)`` are real text and never match. Scraping also cuts notes in
half (an excerpt that starts with ``chuàng)業``, a mojibake ``?qǐng)``, a line
that ends in ``創(``); those fragments go too, again only in texts with notes.
"""
from __future__ import annotations

import re

from ..text import CJK

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_LETTER = f"a-zü{_TONED}"

# One syllable: optional initial + final; letters with tone marks count as vowels.
_V = f"[aeiouüv{_TONED}]"
_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    rf"{_V}{{1,3}}(?:ng|n|r)?"
)
_CJK = CJK

# Everything that starts with "(": a toned note (always pinyin), a toneless syllable
# (pinyin only right after a CJK char or another note), a note cut at the line end.
_PAREN_NOTE = re.compile(
    rf"\((?:(?P<toned> ?(?=[{_LETTER} /]*[{_TONED}]){_SYLLABLE}(?: ?/ ?{_SYLLABLE})* ?\))"   # (wéi / wèi): a reading per sense
    rf"|(?P<plain>(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv]{{1,3}}(?:ng|n|r)?\)(?: (?=[{_CJK}，,。、]))?)"
    rf"|(?P<cut>[{_LETTER}]{{0,6}}(?=\n|$)))")
# A note whose "(" was lost at a line start or to mojibake ("?").
_ORPHAN_HEAD = re.compile(rf"(?:(?m:^)|(?<=\?))(?=[{_LETTER}]*[{_TONED}])({_SYLLABLE})\)")
# a space inside (会(huì )同), a reading per sense (爲(wéi / wèi))
_HAS_NOTES = re.compile(rf"\( ?[{_LETTER}]*[{_TONED}][{_LETTER}]*(?: ?/ ?[{_LETTER}]+)* ?\)")
_CJK_CHAR = re.compile(rf"[{_CJK}]")


# A toneless note right after a character: 關(guan) 於(yu). Three of them (with no toned note anywhere) say the
# converter wrote its notes without tones; fewer may be text (the odd (a) after a word).
# Only notes with an initial count (guan, yu, men): 人工智能(ai)、虚拟现实(vr)、增强现实(ar) are acronyms, and
# (a)(e)(o) option letters.
_PLAIN_NOTE = re.compile(rf"(?<=[{_CJK}])\((?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])[aeiouü]{{1,3}}(?:ng|n|r)?\)")
_PLAIN_NOTES_MIN = 3


def has_pinyin_notes(text: str) -> bool:
    """True when the text carries at least one toned pinyin note, or several toneless ones after characters."""
    if _HAS_NOTES.search(text) is not None:
        return True
    found = 0
    for _ in _PLAIN_NOTE.finditer(text):
        found += 1
        if found >= _PLAIN_NOTES_MIN:
            return True
    return False


def pinyin_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ``(start, end)`` spans of pinyin notes to delete."""
    if "(" not in text and ")" not in text:
        return []
    if not has_pinyin_notes(text):
        return []
    spans = []
    for m in _PAREN_NOTE.finditer(text):
        if m.group("toned") is None:
            prev = text[m.start() - 1] if m.start() else ""
            if not (prev == ")" or (prev and _CJK_CHAR.match(prev))):
                continue
        spans.append(m.span())
    spans.extend(m.span() for m in _ORPHAN_HEAD.finditer(text))
    if not spans:
        return []
    spans.sort()
    merged: list[tuple[int, int]] = [spans[0]]
    for s, e in spans[1:]:
        ps, pe = merged[-1]
        if s < pe:
            merged[-1] = (ps, max(pe, e))
        else:
            merged.append((s, e))
    return merged


def strip_pinyin(text: str) -> str:
    """The text with pinyin notes removed (convenience; offsets are lost)."""
    spans = pinyin_spans(text)
    if not spans:
        return text
    out, prev = [], 0
    for s, e in spans:
        out.append(text[prev:s])
        prev = e
    out.append(text[prev:])
    return "".join(out)
