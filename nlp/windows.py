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


# ------------------------------------------------------------------ rule gates

_DIGIT = "\\d"       # stands for "any digit" (\d, Unicode) in a required set
_ANY_DIGIT_RE = re.compile(r"\d")


def required_chars(rx: re.Pattern) -> tuple[frozenset, ...]:
    """Sets of characters of which every match of ``rx`` holds at least one each (``"\\\\d"`` standing for any
    digit), read from the parsed pattern: a literal or a small class the match must consume, a branch's
    alternatives' sets joined, a positive lookaround's content (it reads the same string). () when nothing is
    sure (a case-blind pattern, a wildcard, a large range)."""
    try:        # the stdlib's own parser: the pattern as re reads it (re._parser from 3.11, sre_parse before)
        from re import _constants as C, _parser as P
    except ImportError:     # Python 3.10
        import sre_constants as C
        import sre_parse as P

    if not isinstance(rx.pattern, str) or rx.flags & re.IGNORECASE:
        return ()
    repeats = tuple(op for op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) if op is not None)
    atomic = getattr(C, "ATOMIC_GROUP", None)       # (3.11+)

    def one(op, av):
        if op is C.LITERAL:
            return frozenset(chr(av))
        if op is C.IN:
            out = set()
            for o, a in av:
                if o is C.LITERAL:
                    out.add(chr(a))
                elif o is C.CATEGORY and a is C.CATEGORY_DIGIT:
                    out.add(_DIGIT)
                elif o is C.RANGE and a[1] - a[0] <= 64:
                    out.update(chr(c) for c in range(a[0], a[1] + 1))
                else:
                    return None     # a negated class, \s, \w, a large range: anything may stand there
            return frozenset(out)
        if op is C.BRANCH:
            out = set()
            for alt in av[1]:
                sets = seq(alt)
                if not sets:
                    return None
                out |= min(sets, key=len)
            return frozenset(out)
        return None

    def seq(items) -> list[frozenset]:
        out = []
        for op, av in items:
            if op is C.SUBPATTERN:
                if av[1] & re.IGNORECASE:
                    continue        # (?i:…): its letters may be written either way
                out += seq(av[3])
            elif op in repeats:
                if av[0] >= 1:
                    out += seq(av[2])
            elif atomic is not None and op is atomic:
                out += seq(av)
            elif op is C.ASSERT:     # (?=…) / (?<=…): what it reads is in the string too
                out += seq(av[1])
            else:
                s = one(op, av)
                if s is not None:
                    out.append(s)
        return out

    try:
        found = set(seq(P.parse(rx.pattern, rx.flags)))
    except Exception:       # a parser whose internals changed: nothing is sure, the pattern always runs
        return ()
    sets: list[frozenset] = []
    for s in sorted(found, key=len):
        if not any(t <= s for t in sets):
            sets.append(s)
    return tuple(sets)


class RuleGate:
    """Which of several patterns can match somewhere in a text, from the characters the text holds: a pattern
    whose required characters (:func:`required_chars`) are not all there is skipped without a scan. The
    answer is one bitmask of the text's relevant characters and a memo per mask (texts repeat few masks)."""

    _MEMO_MAX = 4096

    def __init__(self, patterns: list[re.Pattern]):
        reqs = [required_chars(p) for p in patterns]
        alphabet = sorted({c for r in reqs for s in r for c in s if c != _DIGIT})
        self._bit = {c: 1 << i for i, c in enumerate(alphabet)}
        self._digit = 1 << len(alphabet)
        self._alphabet = frozenset(alphabet)
        self._needs = [tuple(sum(self._digit if c == _DIGIT else self._bit[c] for c in s) for s in r) for r in reqs]
        self._memo: dict[int, tuple[int, ...]] = {}

    def runnable(self, text: str) -> tuple[int, ...]:
        """Indices of the patterns that may match in ``text``, in order."""
        # each character once, each its own bit: the sum is the OR, computed without a Python loop
        mask = sum(map(self._bit.__getitem__, self._alphabet.intersection(text)))
        if _ANY_DIGIT_RE.search(text):
            mask |= self._digit
        out = self._memo.get(mask)
        if out is None:
            out = tuple(i for i, needs in enumerate(self._needs) if all(mask & n for n in needs))
            if len(self._memo) < self._MEMO_MAX:
                self._memo[mask] = out
        return out
