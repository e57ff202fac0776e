"""Wrap the query's matched words in a hit's text with 【】.

The words are found as one case-insensitive alternation, longest first, would find them (leftmost
match, the longest word at that position, no overlaps), but with ``str.find`` per word: compiling
that alternation cost ~0.5 ms per new question, a fifth of a search's CPU once its vector is known.
Where ``re.IGNORECASE`` folds more than ``str.lower`` the compiled pattern is used instead, so the
result is the same either way: words with a cased letter outside ASCII, and texts holding one of the
four letters outside ASCII that IGNORECASE matches to an ASCII one (İ ı ſ and the Kelvin sign; İ is also the one letter
whose ``lower()`` is two characters). Other cased letters in a text (Ⅱ, Ａ) cannot match such words.
"""
from __future__ import annotations

import re
from typing import Optional

_MAX_TERMS = 200
_ASCII = dict.fromkeys(range(128))      # str.translate table that drops ASCII
_ASCII_FOLDS = "\u0130\u0131\u017f\u212a"     # every non-ASCII character that re.IGNORECASE matches to ASCII (tests check it)


def _plain_case(s: str) -> bool:
    """No cased letter outside ASCII: lower-casing ``s`` is exactly what IGNORECASE compares."""
    rest = s.translate(_ASCII)
    return rest.lower() == rest == rest.upper()


class Terms:
    """The words to mark, longest first; ``spans`` finds them."""

    def __init__(self, terms: tuple[str, ...]):
        self.terms = terms
        self._plain = all(_plain_case(t) for t in terms)
        self._low = tuple(t.lower() for t in terms)
        self._rx: Optional[re.Pattern] = None

    @property
    def pattern(self) -> re.Pattern:
        if self._rx is None:
            self._rx = re.compile("|".join(re.escape(t) for t in self.terms), re.IGNORECASE)
        return self._rx

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each match in ``text``, left to right, as ``pattern.finditer`` gives them."""
        if not self._plain or any(c in text for c in _ASCII_FOLDS):
            return [m.span() for m in self.pattern.finditer(text)]
        low = text.lower()
        longest: dict[int, int] = {}
        for t in self._low:
            i = low.find(t)
            while i >= 0:
                if len(t) > longest.get(i, 0):
                    longest[i] = len(t)
                i = low.find(t, i + 1)
        out, pos = [], 0
        for s in sorted(longest):
            if s >= pos:
                pos = s + longest[s]
                out.append((s, pos))
        return out


def highlighter(terms: list[str]) -> Optional[Terms]:
    """The terms to mark (two characters or more), longest first (so 房租补贴 wins over 补贴)."""
    uniq = sorted({t for t in terms if t and len(t) >= 2}, key=len, reverse=True)[:_MAX_TERMS]
    if not uniq:
        return None
    return Terms(tuple(uniq))


def highlight(text: str, terms: Optional[Terms]) -> str:
    if terms is None or not text:
        return text
    out, pos = [], 0
    for s, e in terms.spans(text):
        out.append(text[pos:s])
        out.append(f"【{text[s:e]}】")
        pos = e
    out.append(text[pos:])
    # merge adjacent matches so 房租补贴 + 标准 reads 【房租补贴标准】 not 【房租补贴】【标准】
    return "".join(out).replace("】【", "")
