"""Cheap text scanning for the extractors: trigger windows and clause tails.

Every amount pattern contains a money or ratio mark (元 万 % : /), every deadline
pattern a time word (年 月 日 起 内 …). Finding those marks first and running the
full patterns only on merged windows around them keeps extraction linear in the
number of marks rather than in text length times the number of patterns.
"""
from __future__ import annotations

import re
from typing import Iterator


def trigger_windows(trigger: re.Pattern, sub: str, before: int, after: int) -> list[tuple[int, int]]:
    """Merged (start, end) windows of ``before``/``after`` chars around each trigger match."""
    spans: list[tuple[int, int]] = []
    for m in trigger.finditer(sub):
        s, e = max(0, m.start() - before), min(len(sub), m.end() + after)
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


def scan(rx: re.Pattern, sub: str, windows: list[tuple[int, int]]) -> Iterator[re.Match]:
    """``rx.finditer`` restricted to the windows."""
    for s, e in windows:
        yield from rx.finditer(sub, s, e)


_TAIL_RX: dict[str, re.Pattern] = {}


def tail(text: str, lo: int, hi: int, stops: str) -> str:
    """``text[lo:hi]`` after its last stop character."""
    if lo >= 0 and hi >= 0 and stops:
        # one C-level match instead of an rfind per stop character: ``.*`` runs to ``hi`` and backs
        # off to the last stop (the windows are short)
        rx = _TAIL_RX.get(stops)
        if rx is None:
            rx = _TAIL_RX[stops] = re.compile("(?s).*[" + re.escape(stops) + "]")
        m = rx.match(text, lo, hi)
        return text[m.end() if m is not None else lo:hi]
    cut = lo
    for c in stops:
        i = text.rfind(c, lo, hi)
        if i >= cut:
            cut = i + 1
    return text[cut:hi]


def clamp(text: str, start: int, end: int | None) -> tuple[int, int]:
    """``[start, end)`` clamped into ``text``; ``end=None`` means to the end."""
    n = len(text)
    start = max(0, min(start, n))
    return start, (n if end is None else max(start, min(end, n)))
