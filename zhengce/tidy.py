"""Extractions as tidy tables (one row per thing, joined by ids) for CSV, pandas, Stata, Excel.

``tables()`` gives documents / measures / amounts / deadlines / units / targets,
each row keyed by ``doc_id`` and (below documents) ``measure_id``.
``long_rows()`` is the single long-format table of ``zhengce extract --format csv``:
one row per extracted item with a ``field`` column naming what it is.
"""
from __future__ import annotations

from typing import Iterable

from .records import Extraction

DOC_COLUMNS = ["doc_id", "source", "url", "title", "doc_type", "issuer", "doc_number", "issue_date",
               "province", "city", "district", "level", "script", "masked_count", "content_hash"]
MEASURE_COLUMNS = ["doc_id", "measure_id", "ordinal", "kind", "path", "title", "start", "end",
                   "instruments", "instrument_types", "text"]
ITEM_COLUMNS = {
    "amounts": ["doc_id", "measure_id", "text", "start", "end", "kind", "value_yuan", "min_yuan", "percent",
                "ratio", "unit", "per", "unit_missing", "raw_value"],
    "deadlines": ["doc_id", "measure_id", "text", "start", "end", "kind", "date", "start_date", "end_date",
                  "duration", "recurrence", "year_inferred"],
    "units": ["doc_id", "measure_id", "name", "role", "text", "start", "end"],
    "targets": ["doc_id", "measure_id", "text", "start", "end", "quantity", "unit", "comparator", "year",
                "subject"],
}
LONG_COLUMNS = (["source", "doc_id", "title", "doc_number", "issue_date", "province", "city", "district",
                 "level", "measure_id", "measure_kind", "path", "measure_title", "field", "text", "start",
                 "end", "kind"]
                + ["value_yuan", "min_yuan", "percent", "ratio", "unit", "per", "unit_missing", "raw_value",
                   "date", "start_date", "end_date", "duration", "recurrence", "year_inferred",
                   "name", "role", "quantity", "comparator", "year", "subject"])


def doc_row(ex: Extraction) -> dict:
    d = ex.document
    r = d.region
    return {"doc_id": d.doc_id, "source": d.source, "url": d.url, "title": d.title, "doc_type": d.doc_type,
            "issuer": d.issuer, "doc_number": d.doc_number, "issue_date": d.issue_date,
            "province": r.province, "city": r.city, "district": r.district, "level": r.level,
            "script": d.script, "masked_count": d.masked_count, "content_hash": d.content_hash}


def tables(extractions: Iterable[Extraction]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {"documents": [], "measures": [], "amounts": [], "deadlines": [],
                                  "units": [], "targets": []}
    for ex in extractions:
        d = ex.document
        out["documents"].append(doc_row(ex))
        for i, m in enumerate(ex.measures):
            out["measures"].append({"doc_id": d.doc_id, "measure_id": m.id, "ordinal": i, "kind": m.kind,
                                    "path": " > ".join(m.path), "title": m.title, "start": m.start,
                                    "end": m.end, "instruments": ";".join(m.instruments),
                                    "instrument_types": ";".join(m.instrument_types), "text": m.text})
            for name in ("amounts", "deadlines", "units", "targets"):
                for item in getattr(m, name):
                    row = {"doc_id": d.doc_id, "measure_id": m.id}
                    row.update(item.to_dict())
                    out[name].append({c: row.get(c) for c in ITEM_COLUMNS[name]})
    return out


def long_rows(ex: Extraction) -> list[dict]:
    base = doc_row(ex)
    rows = []
    for m in ex.measures:
        mbase = {**{k: base[k] for k in ("source", "doc_id", "title", "doc_number", "issue_date", "province",
                                          "city", "district", "level")},
                 "measure_id": m.id, "measure_kind": m.kind, "path": " > ".join(m.path),
                 "measure_title": m.title}
        for field, items in (("amount", m.amounts), ("deadline", m.deadlines), ("unit", m.units),
                             ("target", m.targets)):
            for it in items:
                rows.append({**mbase, "field": field, **it.to_dict()})
        for tag in m.instruments:
            rows.append({**mbase, "field": "instrument", "text": tag, "start": m.start, "end": m.end,
                         "kind": tag})
    return rows
