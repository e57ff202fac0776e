"""Extractions as tidy tables (one row per thing, joined by ids) for CSV, pandas, Stata, Excel.

The tables and their columns are derived from the records (``dataclasses.fields``), so a
field added to a record appears in every export without an edit here:

* ``documents``: every ``Document`` field, the region flattened (its ``code`` as ``region_code``);
* ``measures``: every scalar ``Measure`` field, keyed by ``doc_id`` and ``measure_id``;
* one table per list of records: a ``Measure``'s (``amounts``, ``deadlines``, ``units``,
  ``targets``) keyed by ``doc_id`` and ``measure_id``, a ``Document``'s (``repairs``) or an
  ``Extraction``'s (``durations``) keyed by ``doc_id`` -- named ``document_<field>`` when a
  measure's table has the name already (``document_units``).

Lists of words are joined (``path`` with `` > ``, others with ``;``); anything else that is
not a scalar (``byline``, ``offset_map``) is a JSON string. ``long_rows()`` is the single
long-format table of ``zhengce extract --format csv``: one row per extracted item (a measure's,
or the document's own such as ``duration``) with a ``field`` column naming what it is.
"""
from __future__ import annotations

import json
import types
import typing
from dataclasses import fields
from functools import lru_cache
from typing import Iterable, NamedTuple

from .records import Document, Extraction, Measure, Region, field_types, to_plain

_JSON_TYPES = {int: "integer", float: "number", bool: "boolean", str: "string"}
_JOIN = {"path": " > "}
# the citation columns every long row carries
LONG_DOC_COLUMNS = ["source", "doc_id", "title", "doc_number", "issue_date", "province", "city", "district",
                    "level"]


class Col(NamedTuple):
    name: str
    type: str            # JSON Schema type: string | integer | number | boolean
    field: str           # record field it comes from
    how: str = "value"   # value | join | json


def _unwrap(tp):
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _record_list(tp):
    """The record type of a ``list[Record]`` field, else None."""
    tp = _unwrap(tp)
    if typing.get_origin(tp) is list:
        (arg,) = typing.get_args(tp) or (None,)
        if hasattr(arg, "__dataclass_fields__"):
            return arg
    return None


def _cols(cls, skip: tuple[str, ...] = (), rename: dict[str, str] = {}) -> tuple[list[Col], dict[str, type]]:
    """Scalar/joined/JSON columns of ``cls`` and, apart, its list-of-record fields (child tables)."""
    hints = field_types(cls)
    cols, children = [], {}
    for f in fields(cls):
        if f.name in skip:
            continue
        tp = _unwrap(hints[f.name])
        child = _record_list(tp)
        if child is not None:
            children[f.name] = child
        elif tp in _JSON_TYPES:
            cols.append(Col(rename.get(f.name, f.name), _JSON_TYPES[tp], f.name))
        elif typing.get_origin(tp) is list and typing.get_args(tp) == (str,):
            cols.append(Col(rename.get(f.name, f.name), "string", f.name, "join"))
        else:
            cols.append(Col(rename.get(f.name, f.name), "string", f.name, "json"))
    return cols, children


class Layout(NamedTuple):
    doc: list[Col]
    region: list[Col]
    measure: list[Col]
    children: dict[str, tuple[str, type, list[Col]]]   # table -> (owner: document|measure|extraction, record, cols)


@lru_cache(maxsize=1)
def layout() -> Layout:
    doc, doc_children = _cols(Document, skip=("region",))
    region, _ = _cols(Region, rename={"code": "region_code"})
    measure, m_children = _cols(Measure, rename={"id": "measure_id"})
    _, ex_children = _cols(Extraction, skip=("document", "measures"))
    children = {name: ("measure", rec, _cols(rec)[0]) for name, rec in m_children.items()}
    for owner, found in (("document", doc_children), ("extraction", ex_children)):
        for name, rec in found.items():
            # a document-wide list named like a measure's (units) gets its own table: document_units
            table = name if name not in children else f"document_{name}"
            children[table] = (owner, rec, _cols(rec)[0])
    return Layout(doc, region, measure, children)


def table_columns() -> dict[str, list[tuple[str, str]]]:
    """Table name -> [(column, JSON Schema type)], in export order."""
    lay = layout()
    key = [("doc_id", "string")]
    out = {"documents": key + [(c.name, c.type) for c in lay.doc if c.name != "doc_id"]
           + [(c.name, c.type) for c in lay.region],
           "measures": key + [("measure_id", "string"), ("ordinal", "integer")]
           + [(c.name, c.type) for c in lay.measure if c.name != "measure_id"]}
    for name, (owner, _, cols) in lay.children.items():
        ids = key + ([("measure_id", "string")] if owner == "measure" else [])
        out[name] = ids + [(c.name, c.type) for c in cols]
    return out


def _cell(c: Col, obj):
    v = getattr(obj, c.field)
    if c.how == "join":
        return _JOIN.get(c.field, ";").join(v)
    if c.how == "json":
        return json.dumps(to_plain(v), ensure_ascii=False, separators=(",", ":"))
    return v


def doc_row(ex: Extraction) -> dict:
    lay = layout()
    d = ex.document
    row = {"doc_id": d.doc_id}
    row.update((c.name, _cell(c, d)) for c in lay.doc if c.name != "doc_id")
    row.update((c.name, _cell(c, d.region)) for c in lay.region)
    return row


def tables(extractions: Iterable[Extraction]) -> dict[str, list[dict]]:
    lay = layout()
    out: dict[str, list[dict]] = {name: [] for name in table_columns()}
    for ex in extractions:
        d = ex.document
        out["documents"].append(doc_row(ex))
        for name, (owner, _, cols) in lay.children.items():
            if owner != "measure":
                for item in getattr(d if owner == "document" else ex, _field(name)):
                    out[name].append({"doc_id": d.doc_id, **{c.name: _cell(c, item) for c in cols}})
        for i, m in enumerate(ex.measures):
            out["measures"].append({"doc_id": d.doc_id, "measure_id": m.id, "ordinal": i,
                                    **{c.name: _cell(c, m) for c in lay.measure if c.name != "measure_id"}})
            for name, (owner, _, cols) in lay.children.items():
                if owner == "measure":
                    for item in getattr(m, name):
                        out[name].append({"doc_id": d.doc_id, "measure_id": m.id,
                                          **{c.name: _cell(c, item) for c in cols}})
    return out


def _field(table: str) -> str:
    """The record field a child table holds (``document_units`` -> ``units``)."""
    return table[len("document_"):] if table.startswith("document_") else table


def _singular(name: str) -> str:
    return name[:-1] if name.endswith("s") else name


@lru_cache(maxsize=1)
def long_columns() -> list[str]:
    """Columns of the long table: citation, measure, ``field``, then every item field of every kind."""
    cols = LONG_DOC_COLUMNS + ["measure_id", "measure_kind", "path", "measure_title", "field"]
    items = ["text", "start", "end", "kind"]
    for name, (owner, _, icols) in layout().children.items():
        if owner != "document":        # a document's own lists (repairs) are ingest notes, not extracted items
            items += [c.name for c in icols if c.name not in items]
    return cols + items


def long_rows(ex: Extraction) -> list[dict]:
    base = doc_row(ex)
    lay = layout()
    # one row names the document itself, so a document with no items is still listed (and counted)
    rows = [{**{k: base[k] for k in LONG_DOC_COLUMNS}, "field": "document"}]
    for m in ex.measures:
        mbase = {**{k: base[k] for k in LONG_DOC_COLUMNS}, "measure_id": m.id, "measure_kind": m.kind,
                 "path": " > ".join(m.path), "measure_title": m.title}
        for name, (owner, _, cols) in lay.children.items():
            if owner != "measure":
                continue
            for it in getattr(m, name):
                rows.append({**mbase, "field": _singular(name), **{c.name: _cell(c, it) for c in cols}})
        for tag in m.instruments:
            # a tag of the whole measure (its measure_id says which): no span of its own, so no offsets
            # (text must equal doc.text[start:end] wherever offsets are given)
            rows.append({**mbase, "field": "instrument", "kind": tag})
    # items the extraction holds for the document as a whole (durations, ...): no measure columns
    dbase = {k: base[k] for k in LONG_DOC_COLUMNS}
    for name, (owner, _, cols) in lay.children.items():
        if owner == "extraction":
            for it in getattr(ex, _field(name)):
                rows.append({**dbase, "field": _singular(name), **{c.name: _cell(c, it) for c in cols}})
    return rows
