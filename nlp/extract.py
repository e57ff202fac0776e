"""Compose the extractors: a document in, its measures with everything found in them out.

``split_measures`` cuts the text; per measure the money amounts, deadlines,
targets, responsible units and instrument tags are read from the measure's
own span, so every offset stays an offset into the document's normalized text.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..records import Document, Extraction, Measure
from ..text import url_date
from .amounts import find_amounts
from .deadlines import find_deadlines, find_durations, resolve_by_title_year, title_year
from .instruments import tag_spans
from .kinds import not_policy
from .measures import repeated, split_measures, unwrap
from .tables import piped_view
from .targets import find_targets
from .units import document_lead_rule, document_units, find_units

# Kinds whose spans can carry amounts, deadlines and units: an amount in a criterion is a threshold,
# and money in news prose counts (the spec counts every monetary amount in policy text).
_CONTENT_KINDS = frozenset({"measure", "criterion", "goal", "news", "preamble", "other"})
# Kinds that get instrument tags: news prose and conditions can still describe a measure.
_TAGGED_KINDS = frozenset({"measure", "criterion", "goal", "news", "other"})
_REPEAT_KINDS = frozenset({"measure", "criterion", "goal", "news", "other"})
_LEVEL_PREFIX = {"province": "省", "city": "市"}
# a span of years, as a plan's title gives its period: 2023—2025年, 2021-2025年
_PLAN_PERIOD_RE = re.compile(r"(?:19|20)\d\d\s?年?\s?[—\-－–~～至到]\s?(?:19|20)\d\d\s?年")


def level_prefix_for(doc: Document) -> str | None:
    """The prefix a unit list abbreviates away: 市 in a city document, 省 in a provincial one."""
    level = doc.region.level if doc.region else None
    if level == "district":
        d = (doc.region.district or "")
        # 海宁市 writes 市人社局, 伊金霍洛旗 旗农牧局
        return "县" if d.endswith("县") else "市" if d.endswith("市") else "旗" if d.endswith("旗") else "区"
    return _LEVEL_PREFIX.get(level or "")


# Box-drawing tables (│ 1 │ 县道改造 │ 1860 │, ┌──┬──┐ borders) read as the | tables and rule rows the table
# passes know: the same length, so every offset holds; items keep the text as written.
_BOX_VIEW = str.maketrans({**{c: "|" for c in "│┃┆┇┊┋║┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬┏┓┗┛┣┫┳┻╋"},
                           **{c: "-" for c in "─━┄┅┈┉═"}})
_BOX_CHARS_RE = re.compile(r"[│┃┆┇┊┋║─━┄┅┈┉═]")


def _reading(text: str) -> tuple[str, list[int] | None]:
    """The text every field is read from, and the map back to ``text`` (None: offsets are the same).

    A hard-wrapped page (PDF text, fixed-width dumps) cuts names, amounts and dates across lines
    (市人力资源和社\n会保障局): it is read with its soft breaks taken out. A box-drawing table, and a table
    whose cells are separated by spaces, are read through same-length views as | tables, so they need no map."""
    view = text.translate(_BOX_VIEW) if _BOX_CHARS_RE.search(text) else text
    return unwrap(piped_view(view))


def _restore(item, text: str, back: list[int] | None):
    """``item`` (and what it holds) with offsets into ``text`` and its text as ``text`` writes it
    (breaks and box lines included)."""
    if back is not None:
        a = back[item.start]
        item.start, item.end = a, back[item.end - 1] + 1 if item.end > item.start else a
    item.text = text[item.start:item.end]
    for name in ("amounts", "deadlines", "units", "targets"):
        for sub in getattr(item, name, ()):
            _restore(sub, text, back)
    return item


def extract_text(text: str, *, issue_date: str | None = None,
                 level_prefix: str | None = None) -> list[Measure]:
    """Measures of a bare text with amounts, deadlines, units, targets and instruments."""
    if not text:
        return []
    joined, back = _reading(text)
    measures, _ = _extract_fields(joined, issue_date, level_prefix)
    return measures if joined is text else [_restore(m, text, back) for m in measures]


def _extract_fields(text: str, issue_date: str | None, level_prefix: str | None) -> tuple[list[Measure], set[int]]:
    """The measures with their fields, and the indexes of those a scrape printed twice (read once)."""
    measures = split_measures(text, unwrapped=True)   # _reading unwrapped it
    lead_rule = document_lead_rule(text)
    twice = repeated(text, measures, _REPEAT_KINDS)    # a passage the scrape printed twice: read once
    for i, m in enumerate(measures):
        if i in twice:
            continue
        if m.kind == "heading":
            # a headline states money too (购房最高补贴6万元!…, 招徕旅客将享10万~60万元奖励): its amounts
            # count (spec: every monetary amount in policy text); of its dates only a span of years does, as a
            # plan's title gives its period (…实施方案(2023—2025年), spec: plan periods; a 2023—2024年度 subsidy's
            # years read the same): a headline's 春节前 dates no action
            if "元" in text[m.start:m.end]:
                m.amounts = find_amounts(text, m.start, m.end)
            if _PLAN_PERIOD_RE.search(text, m.start, m.end):
                m.deadlines = [d for d in find_deadlines(text, m.start, m.end, issue_date=issue_date)
                               if d.kind == "span" and d.start_date and d.end_date and d.start_date[:4] != d.end_date[:4]]
        if m.kind not in _CONTENT_KINDS:
            continue
        m.amounts = find_amounts(text, m.start, m.end)
        m.deadlines = find_deadlines(text, m.start, m.end, issue_date=issue_date)
        m.targets = find_targets(text, m.start, m.end, issue_date=issue_date)
        m.units = find_units(text, m.start, m.end, level_prefix=level_prefix, lead_rule=lead_rule)
    tagged = [m for m in measures if m.kind in _TAGGED_KINDS]
    spans = []
    for m in tagged:
        ts = m.text.find(m.title) if m.title else -1
        spans.append((m.start, m.end, m.start + ts, m.start + ts + len(m.title)) if ts >= 0
                     else (m.start, m.end, 0, 0))
    for m, (tags, types) in zip(tagged, tag_spans(text, spans)):
        m.instruments, m.instrument_types = tags, types
    return measures, twice


def extract(doc: Document) -> Extraction:
    """Extraction of a normalized document (``zhengce extract``)."""
    text = doc.text or ""
    prefix = level_prefix_for(doc)
    # year-less dates resolve against the document's date: its issue date, else the byline's (spec)
    dated = (doc.issue_date or (doc.byline.get("date") if isinstance(doc.byline, dict) else None)
             or url_date(doc.url))   # a news page's day as its URL path carries it (/2020/0327/)
    joined, back = _reading(text)
    measures, twice = _extract_fields(joined, dated, prefix) if joined else ([], set())
    year = title_year(doc.title) if not dated else None
    if year:                # no date of its own: the year its title names (关于开展2024年…认定工作的通知)
        resolve_by_title_year(joined, [m.deadlines for m in measures if m.deadlines], year)
    durations = [d for i, m in enumerate(measures) if m.kind in _CONTENT_KINDS and i not in twice
                 for d in find_durations(joined, m.start, m.end)]
    # the document's distinct units with their main role (what compare's 牵头单位 column reads)
    full_names: dict = {}
    units = document_units(joined, [u for m in measures for u in m.units], level_prefix=prefix,
                           region=doc.region, title=doc.title, full_names=full_names)
    for m in measures:      # a measure's unit gets the full name its body has at document level
        m.units = [replace(u, full_name=full_names[(u.start, u.end)])
                   if u.full_name is None and (u.start, u.end) in full_names else u for u in m.units]
    doc.not_policy = not_policy(joined, measures)   # a readme, spam or link list: kept, out of comparisons
    if joined is not text:
        measures, durations, units = ([_restore(x, text, back) for x in xs] for xs in (measures, durations, units))
    return Extraction(document=doc, measures=measures, durations=durations, units=units)
