"""Which block of a page holds its main text: punctuation density against link density.

Running prose is punctuated (，。；) and is not link text; menus, related-headline lists,
share bars and promo dialogs are short link runs or unpunctuated labels. Each block element
of the page is scored on the lines it produced:

    score = P * (1 - L / C) ** 2

with C its characters, L those inside links and P its sentence punctuation outside links.
The best block is widened to the outermost ancestor that scores nearly as well, so a title,
byline, data table or attachment list that sits beside the text in a parent adding no links
stays inside; a parent that adds a related list or a menu scores lower and is not taken.
"""
from __future__ import annotations

from itertools import accumulate

_WIDEN = 0.9          # an ancestor scoring this share of the best still counts as the body
_MIN_PUNCT = 4        # fewer marks than this: no prose to locate (table-only or empty pages)


def main_span(spans: list[tuple[int, int]], chars: list[int], links: list[int],
              punct: list[int]) -> tuple[int, int] | None:
    """Line range [start, end) of the main text, or None when the page has no clear one.

    ``spans`` are the line ranges of block elements in document order (an ancestor before
    its descendants); the three lists give, per line, characters, link characters and
    punctuation outside links.
    """
    if not spans or not chars:
        return None
    cc = [0, *accumulate(chars)]
    cl = [0, *accumulate(links)]
    cp = [0, *accumulate(punct)]

    def score(s: int, e: int) -> float:
        c = cc[e] - cc[s]
        if c <= 0:
            return 0.0
        share = 1.0 - (cl[e] - cl[s]) / c
        return (cp[e] - cp[s]) * share * share

    scored = [(score(s, e), s, e) for s, e in spans if e > s]
    if not scored:
        return None
    best = max(sc for sc, _, _ in scored)
    if best < _MIN_PUNCT:
        return None
    # the first span (in document order) reaching the bar is the outermost such block
    top = next((s, e) for sc, s, e in scored if sc >= best)
    for sc, s, e in scored:
        if sc >= _WIDEN * best and s <= top[0] and e >= top[1]:
            return s, e
    return top
