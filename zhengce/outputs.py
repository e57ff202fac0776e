"""Search hits and comparison rows in every output format the CLI and web app offer.

JSON follows the shipped schemas (``zhengce schema search`` / ``zhengce schema compare``);
tables are for people (aligned, CJK-aware); CSV/XLSX are flat for spreadsheets.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional, Sequence

from .records import SCHEMA_VERSION, Amount, Hit
from .render import csv_text, html_table, markdown_table, text_table, write_xlsx


def amount_summary(amounts: Sequence[Amount], limit: int = 3) -> str:
    """Short human form: 最高50万元; 50%; 2000元/户/月."""
    parts = []
    for a in amounts:
        if a.kind == "threshold":
            continue
        parts.append(a.text)
        if len(parts) == limit:
            break
    return "; ".join(parts)


HIT_COLUMNS = ["rank", "score", "place", "title", "doc_number", "issue_date", "path", "text", "amounts",
               "lead_unit", "deadline", "source", "doc_id", "measure_id"]     # ids: a row joins export tables


def hit_row(rank: int, h: Hit, *, highlighted: bool = True) -> dict:
    lead = next((u.name for u in h.units if u.role == "lead"), h.units[0].name if h.units else None)
    return {"rank": rank, "score": round(h.score, 4), "place": h.region.place, "title": h.title,
            "doc_number": h.doc_number, "issue_date": h.issue_date, "path": " > ".join(h.path),
            "text": h.highlighted if highlighted else h.text, "amounts": amount_summary(h.amounts),
            "lead_unit": lead, "deadline": h.deadlines[0].text if h.deadlines else None, "source": h.source,
            "doc_id": h.doc_id, "measure_id": h.measure_id}


def search_json(query: str, hits: Sequence[Hit], filters=None) -> dict:
    """The search answer (schema ``search``): the same shape from the CLI and the web (which adds ``hint``)."""
    return {"schema_version": SCHEMA_VERSION, "query": query, "count": len(hits),
            "filters": filters.to_dict() if filters else {}, "hits": [h.to_dict() for h in hits]}


def render_hits(query: str, hits: Sequence[Hit], fmt: str, filters=None) -> str:
    if fmt == "json":
        return json.dumps(search_json(query, hits, filters), ensure_ascii=False, indent=1)
    rows = [hit_row(i, h, highlighted=fmt != "csv") for i, h in enumerate(hits, 1)]
    if fmt == "csv":
        return csv_text(rows, HIT_COLUMNS)
    if fmt == "markdown":
        return markdown_table(rows, HIT_COLUMNS)
    if not hits:
        return f"no matches for {query!r}"
    from .index.compare import UNKNOWN_PLACE, hit_citation

    # for people, as compare's table: an unplaced hit says so, and every hit cites its document (title, else
    # 文号, else URL, else file name) so an untitled one can still be traced
    shown = [{**r, "place": r["place"] or UNKNOWN_PLACE, "cite": hit_citation(h)}
             for r, h in zip(rows, hits)]
    cols = ["rank", "score", "place", "cite", "path", "text", "amounts"]
    return text_table(shown, cols, max_width=36)


# ------------------------------------------------------------- comparison
COMPARE_COLUMNS = ["place", "level", "match", "rate", "cap_yuan", "cap_kind", "per", "lead_unit", "start", "deadline",
                   "duration", "measure", "cite", "title", "doc_number", "issue_date", "source", "doc_id", "measure_id",
                   "cap_measure_id"]
COMPARE_HEADERS = ["地区 place", "层级 level", "匹配 match", "比例 rate", "金额(元) amount", "类型 kind", "计量 per",
                   "牵头单位 lead", "起始 start", "截止 deadline", "期限 duration", "措施 measure", "出处 cite", "文件 title",
                   "文号 number", "日期 date", "来源 source", "文件ID doc_id", "措施ID measure_id",
                   "金额所在措施ID cap_measure_id"]
# The 金额 cell is the measure's cap where it states one, else its first sum: its kind says which, so a
# monthly rate (per_unit) or a one-off grant (fixed) is never read as a ceiling (round 22's data sweep).
CAP_KIND_NAMES = {"cap": "上限", "fixed": "定额", "per_unit": "标准", "range": "区间"}
# compare's own version: 1.1.0 added level honouring, start/duration apart from deadline, cite,
# answer (the answering sentence, which leads the measure cell), evidence per cell, other_documents.
def no_match_hint(filters=None) -> str:
    """Why a question found nothing, and what to try (the CLI's stderr line, the web page's hint)."""
    given = filters.to_dict() if filters is not None else {}
    if given:
        return (f"no measure matches this question with the filters {given}: none of the measures they leave "
                f"shares its words or comes close in meaning; try removing some, or other words")
    return "no measure matches this question; try other words (Chinese or English)"


COMPARE_SCHEMA_VERSION = "1.8.0"   # 1.2.0: items as the extraction schema defines them (every role, per_unit, other);
                                   # 1.3.0: filters (the CLI's too); 1.4.0: cap_kind, row doc_id and measure_id;
                                   # 1.5.0: deadline may be the words as written when the page gives no year
                                   # 1.6.0: an item's deadline kind may be on, a duration's procedure (extraction 1.6.0)
                                   # 1.7.0: include_not_policy, what the rows were read under beside filters
                                   # 1.8.0: citation.url and each best hit's url and kind (search 1.6.0)


def compare_dict(row: Any) -> dict:
    """A comparison row as the flat dict of the compare schema (plus ``hits``)."""
    d = row.to_dict() if hasattr(row, "to_dict") else dict(row)
    best = d.get("best") or []
    d.setdefault("measure", d.get("answer") or (best[0].get("text") if best else None))
    cit = d.get("citation") or {}
    for k in ("title", "doc_number", "issue_date"):
        d.setdefault(k, cit.get(k))
    d.setdefault("source", cit.get("source"))
    # the best measure's ids, so a CSV or XLSX row joins back to search and export tables
    d.setdefault("doc_id", best[0].get("doc_id") if best else None)
    d.setdefault("measure_id", best[0].get("measure_id") if best else None)
    # the amount cell may come from a neighbouring sentence of the provision: the measure it was read from
    d.setdefault("cap_measure_id", ((d.get("evidence") or {}).get("cap") or {}).get("measure_id"))
    return d


def compare_json(query: str, by: str, rows: Sequence[Any], filters=None, min_match: float = 0.0,
                 include_not_policy: bool = False) -> dict:
    """The comparison (schema ``compare``): the same shape from the CLI and the web (which adds ``hint``).
    ``min_match``, ``filters``, ``include_not_policy``: what the rows were read under, so a saved file says so."""
    return {"schema_version": COMPARE_SCHEMA_VERSION, "query": query,
            "filters": filters.to_dict() if filters else {}, "min_match": min_match,
            "include_not_policy": include_not_policy, "by": by, "rows": [compare_dict(r) for r in rows]}


def render_comparison(query: str, rows: Sequence[Any], fmt: str, *, by: str = "city",
                      path: Optional[Path] = None, filters=None, min_match: float = 0.0,
                      include_not_policy: bool = False) -> str:
    dicts = [compare_dict(r) for r in rows]
    if fmt == "json":
        return json.dumps(compare_json(query, by, rows, filters, min_match, include_not_policy),
                          ensure_ascii=False, indent=1)
    if fmt == "csv":
        return csv_text(dicts, COMPARE_COLUMNS)
    # for people: every match with two decimals (1.00, not 1 beside 0.81), the amount's kind in words
    # …and a province's row answered by one of its cities' documents names that city (广西壮族自治区 · 南宁市)
    shown = [{**d, "match": f"{d['match']:.2f}" if isinstance(d.get("match"), (int, float)) else d.get("match"),
              "cap_kind": CAP_KIND_NAMES.get(d.get("cap_kind") or "", d.get("cap_kind")),
              "place": f"{d['place']} · {d['city']}" if by == "province" and d.get("city") and d.get("place")
              and d["city"] not in d["place"] else d.get("place")} for d in dicts]
    if fmt == "markdown":
        return markdown_table(shown, COMPARE_COLUMNS, headers=COMPARE_HEADERS)
    if fmt == "html":
        return html_table(shown, COMPARE_COLUMNS, headers=COMPARE_HEADERS, title=query)
    if fmt == "xlsx":
        if path is None:
            raise ValueError("xlsx needs a path")
        write_xlsx([{**d, "cap_kind": shown[i]["cap_kind"]} for i, d in enumerate(dicts)], COMPARE_COLUMNS, path,
                   headers=COMPARE_HEADERS, sheet="compare")     # for people, as the headers: the kind in words
        return ""
    if not dicts:
        return f"no place has a measure matching {query!r}"
    return text_table(shown, ["place", "level", "match", "rate", "cap_yuan", "cap_kind", "per", "lead_unit", "start",
                              "deadline", "duration", "measure", "cite"],
                      headers=["地区", "层级", "匹配", "比例", "金额(元)", "类型", "计量", "牵头单位", "起始", "截止",
                               "期限", "措施", "出处"],
                      max_width=30)
