"""Normalized document text as HTML with every extracted item marked at its offsets.

Each amount, responsible unit and deadline becomes ``<mark id="a-START-END">``
(offsets into ``Document.text``), so a comparison cell can link to
``/doc/ID#a-START-END``. The text is also cut into sentence spans carrying their
own offsets (``data-s``/``data-e``): the page script highlights the sentence(s)
that a link's span falls in, whatever kind of anchor the link names. Marks never
overlap (the first-starting, longest item wins); an item that loses keeps its id
as an empty anchor so links to it still land. Everything from the document is
escaped.
"""
from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass
from typing import Iterable

from ..records import Measure

# Where a sentence ends in Chinese government prose (also a line break: list items, headings).
_SENT_END = re.compile(r"[。！？；!?;\n]+")
KINDS = ("amount", "deadline", "unit")   # priority when two items start at the same place


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str          # amount | deadline | unit
    label: str         # tooltip: what was extracted

    @property
    def anchor(self) -> str:
        return anchor_id(self.start, self.end)


def anchor_id(start: int, end: int) -> str:
    return f"a-{start}-{end}"


def measure_anchor(start: int, end: int) -> str:
    return f"m-{start}-{end}"


def _amount_label(a) -> str:
    bits = [a.kind]
    if a.value_yuan is not None:
        bits.append(f"{a.value_yuan:,.0f}元")
    if a.percent is not None:
        bits.append(f"{a.percent:g}%")
    if a.per:
        bits.append(f"per {a.per}")
    if a.unit_missing:
        bits.append("unit lost in scraping")
    return " · ".join(bits)


def _deadline_label(d) -> str:
    return " · ".join(x for x in (d.kind, d.date or d.end_date or d.duration or d.recurrence) if x)


def spans_of(measures: Iterable[Measure], text_len: int) -> list[Span]:
    """All markable items of the measures, sorted, with out-of-range offsets dropped."""
    out: dict[tuple[int, int], Span] = {}
    for m in measures:
        items = ([(a, "amount", _amount_label(a)) for a in m.amounts]
                 + [(d, "deadline", _deadline_label(d)) for d in m.deadlines]
                 + [(u, "unit", f"{u.role} · {u.name}") for u in m.units])
        for it, kind, label in items:
            if 0 <= it.start < it.end <= text_len and (it.start, it.end) not in out:
                out[(it.start, it.end)] = Span(it.start, it.end, kind, label)
    return sorted(out.values(), key=lambda s: (s.start, -(s.end - s.start), KINDS.index(s.kind)))


def _layout(spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """Split into marks that do not overlap and items that only get an anchor."""
    marks, anchors, reach = [], [], -1
    for s in spans:
        if s.start >= reach:
            marks.append(s)
            reach = s.end
        else:
            anchors.append(s)
    return marks, anchors


def _sentence_cuts(text: str, marks: list[Span]) -> list[int]:
    """Sentence boundaries, never inside a mark (so tags nest). ``marks`` are sorted and disjoint."""
    starts = [m.start for m in marks]
    out = []
    for m in _SENT_END.finditer(text):
        c = m.end()
        if c >= len(text):
            continue
        i = bisect.bisect_left(starts, c) - 1      # the last mark starting before c
        if i >= 0 and marks[i].end > c:
            continue
        out.append(c)
    return out


def render_text(text: str, measures: list[Measure]) -> str:
    """The document body as HTML: sentence spans, marks and anchors (for a ``white-space: pre-wrap`` box)."""
    spans = spans_of(measures, len(text))
    marks, anchors = _layout(spans)
    cuts = _sentence_cuts(text, marks)
    # events at a position, in the order they must be written
    opens: dict[int, list[str]] = {}
    closes: dict[int, int] = {}
    for m in marks:
        opens.setdefault(m.start, []).append(
            f'<mark id="{m.anchor}" class="x-{m.kind}" title="{html.escape(m.label)}">')
        closes[m.end] = closes.get(m.end, 0) + 1
    for a in anchors:
        opens.setdefault(a.start, []).insert(0, f'<span id="{a.anchor}" class="anchor x-{a.kind}" '
                                                f'title="{html.escape(a.label)}"></span>')
    for m in measures:   # a measure's own anchor (search results link to the whole measure)
        if 0 <= m.start < m.end <= len(text):
            opens.setdefault(m.start, []).insert(0, f'<span id="{measure_anchor(m.start, m.end)}" '
                                                    'class="anchor"></span>')
    bounds = [0] + cuts + [len(text)]
    out: list[str] = []
    points = sorted(set(opens) | set(closes) | set(bounds))
    next_bound = dict(zip(bounds[:-1], bounds[1:]))
    sent_ends = set(bounds[1:])
    pos = 0
    for p in points:
        if p > pos:
            out.append(html.escape(text[pos:p]))
            pos = p
        out.append("</mark>" * closes.get(p, 0))
        if p in sent_ends and p > 0:
            out.append("</span>")
        if p in next_bound and p < len(text):
            out.append(f'<span class="s" data-s="{p}" data-e="{next_bound[p]}">')
        out.extend(opens.get(p, ()))
    return "".join(out)


def item_rows(measures: Iterable[Measure]) -> list[dict]:
    """The extracted items as a list for the side panel (each linking to its anchor)."""
    rows = []
    for m in measures:
        for a in m.amounts:
            rows.append({"kind": "amount", "text": a.text, "detail": _amount_label(a), "anchor": anchor_id(a.start, a.end)})
        for u in m.units:
            rows.append({"kind": "unit", "text": u.text, "detail": f"{u.role} · {u.name}",
                         "anchor": anchor_id(u.start, u.end)})
        for d in m.deadlines:
            rows.append({"kind": "deadline", "text": d.text, "detail": _deadline_label(d),
                         "anchor": anchor_id(d.start, d.end)})
    return rows

