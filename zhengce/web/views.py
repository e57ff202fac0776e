"""What the page shows, prepared from search hits and comparison rows (no HTML here).

Every comparison cell that came from a document carries a link to the exact
span it was read from (``/doc/ID#a-START-END``); the rest of a row links to its
measure (``#m-START-END``). Hit text is split into (text, matched) segments so
the template escapes everything and only wraps the query's words.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional, Sequence
from urllib.parse import quote

from ..outputs import CAP_KIND_NAMES, compare_dict
from ..records import Hit
from ..render import cell
from ..index.compare import hit_citation
from .docview import anchor_id, measure_anchor

COMPARE_CELLS = (("rate", "比例 rate"), ("cap", "金额 amount"), ("per", "计量 per"),
                 ("lead_unit", "牵头单位 lead"), ("start", "起始 start"), ("deadline", "截止 deadline"),
                 ("duration", "期限 duration"), ("measure", "措施 measure"))
LEVEL_NAMES = {"national": "国家 national", "province": "省级 province", "city": "市级 city",
               "district": "区县 district"}
MEASURE_CHARS = 160


def doc_href(doc_id: str, anchor: Optional[str] = None) -> str:
    return f"/doc/{quote(doc_id, safe='')}" + (f"#{anchor}" if anchor else "")


def segments(text: str, terms: Sequence[str]) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_query_match) for highlighting without trusting any markup."""
    from ..index.highlight import highlighter

    pat = highlighter(list(terms))
    if pat is None or not text:
        return [(text, False)]
    out, pos = [], 0
    for s, e in pat.spans(text):
        if s > pos:
            out.append((text[pos:s], False))
        if out and out[-1][1] and pos == s:
            out[-1] = (out[-1][0] + text[s:e], True)   # adjacent matches read as one
        else:
            out.append((text[s:e], True))
        pos = e
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def highlight_terms(query: str) -> list[str]:
    from ..index.search import query_terms

    return query_terms(query)[2]


def _hit_of(x: Any) -> Optional[Hit]:
    return x if isinstance(x, Hit) else None


def _find_item(hits: Sequence[Hit], key: str, value: Any) -> Optional[tuple[Hit, int, int]]:
    """The extracted item (in the row's best hits) a comparison cell was read from."""
    if value in (None, ""):
        return None
    for h in hits:
        if key == "rate":
            found = next((a for a in h.amounts if a.percent is not None and f"{a.percent:g}%" == value), None)
        elif key == "cap":
            found = next((a for a in h.amounts if a.text == value), None)
        elif key == "per":
            found = next((a for a in h.amounts if a.per == value), None)
        elif key == "lead_unit":
            found = next((u for u in h.units if value in (u.name, u.text)), None)
        elif key == "deadline":
            found = next((d for d in h.deadlines if value in (d.date, d.end_date, d.duration, d.text)), None)
        else:
            found = None
        if found is not None:
            return h, found.start, found.end
    return None


def _short(text: str, n: int = MEASURE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


def compare_view(rows: Iterable[Any]) -> list[dict]:
    """Comparison rows as dicts of displayable cells: {key: {"text", "href", "sentence"}} plus citation fields.

    A cell links to the span it was read from (``evidence``), in the document the row cites; the
    measure cell leads with the answering sentence and keeps the rest of the measure to expand.
    """
    out = []
    for row in rows:
        d = compare_dict(row)
        best = [h for h in (_hit_of(x) for x in getattr(row, "best", None) or []) if h is not None]
        first = best[0] if best else None
        evidence = d.get("evidence") or {}
        cells = {}
        for key, _ in COMPARE_CELLS:
            if key == "measure":
                continue
            value = d.get(key)
            ev = evidence.get(key)
            href = sentence = None
            if ev and value not in (None, ""):
                # durations are not marked items on the document page: link their measure
                anchor = (measure_anchor(ev["measure_start"], ev["measure_end"])
                          if key == "duration" and ev.get("measure_start") is not None
                          else anchor_id(ev["start"], ev["end"]))
                href = doc_href(ev["doc_id"], anchor)
                sentence = ev.get("sentence")
            else:
                found = _find_item(best, key, value)
                if found:
                    h, s0, e0 = found
                    href = doc_href(h.doc_id, anchor_id(s0, e0))
            cells[key] = {"text": cell(value), "href": href, "sentence": sentence}
        answer = d.get("answer") or (first.text if first is not None else "")
        full = " ".join(first.text.split()) if first is not None else ""
        rest = full.replace(" ".join((answer or "").split()), "", 1).strip() if answer else full
        cells["measure"] = {"text": _short(answer or full), "rest": rest, "sentence": None,
                            "href": doc_href(first.doc_id, measure_anchor(first.start, first.end)) if first else None}
        if d.get("cap_yuan") is not None:
            cells["cap"]["title"] = f"{d['cap_yuan']:,.0f} 元"
        kind = d.get("cap_kind")
        if kind and kind != "cap" and cells["cap"]["text"]:
            # a rate or a one-off sum says so: the column holds a ceiling only where the text states one
            cells["cap"]["text"] += f"（{CAP_KIND_NAMES.get(kind, kind)}）"
        match = d.get("match")
        out.append({"place": d.get("place") or "?", "cells": cells, "title": d.get("title"),
                    "cite": d.get("cite") or d.get("title") or d.get("doc_number") or d.get("source") or "",
                    "level": d.get("level"), "level_name": LEVEL_NAMES.get(d.get("level") or "", d.get("level") or ""),
                    "match": match, "match_pct": int(round(100 * match)) if isinstance(match, (int, float)) else None,
                    "others": d.get("other_documents") or 0,
                    "doc_number": d.get("doc_number"), "issue_date": d.get("issue_date"),
                    "doc_href": doc_href(first.doc_id) if first else None})
    return out


def grouped_hits(hits: Sequence[Hit], query: str) -> list[dict]:
    """Hits grouped by place, places in the order of their best hit."""
    terms = highlight_terms(query) if hits else []
    groups: dict[str, list[dict]] = {}
    for rank, h in enumerate(hits, 1):
        place = h.region.place or "未知地区"     # the same display name as the comparison rows
        groups.setdefault(place, []).append({
            "rank": rank, "score": h.score, "title": h.title, "doc_number": h.doc_number,
            "cite": hit_citation(h),
            "issue_date": h.issue_date, "path": " > ".join(h.path),
            "segments": segments(h.text, terms), "amounts": [a.text for a in h.amounts if a.kind != "threshold"],
            "href": doc_href(h.doc_id, measure_anchor(h.start, h.end))})
    return [{"place": p, "hits": hs} for p, hs in groups.items()]
