"""``zhengce export``: the whole store as tidy tables joined by ids, with their schemas beside them.

Formats: ``csv`` / ``jsonl`` / ``parquet`` write one file per table into a folder;
``xlsx`` writes one workbook with a sheet per table. Every export also writes
``tables.schema.json`` (columns and types of each table, versioned) and the
extraction JSON Schema, so a program reading the export knows what it holds.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from .records import ZhengceError
from .render import csv_text, jsonl_lines, warn_cut, xlsx_append
from .schemas import load_schema
from .store import Store
from .tidy import table_columns, tables

FORMATS = ("jsonl", "csv", "parquet", "xlsx")
TABLES_SCHEMA_VERSION = "1.4.0"   # its own version: it had borrowed the search answer's, which moves apart;
                                  # 1.2.0: the duplicates table; 1.3.0: ids required, each column's enum,
                                  # format, bounds and description as the extraction schema gives them,
                                  # region_code six-digit; 1.4.0: documents.issue_date_source
# A page whose text another source already holds (a repost) is stored without measures; this table keeps
# its source, URL and title and the doc_id it repeats, so a list of collected files joins the export.
DUPLICATE_COLUMNS = [("doc_id", "string"), ("duplicate_of", "string"), ("source", "string"), ("url", "string"),
                     ("title", "string"), ("issue_date", "string")]


def export_columns() -> dict[str, list[tuple[str, str]]]:
    """Every exported table's (column, JSON Schema type), in export order."""
    return {**table_columns(), "duplicates": DUPLICATE_COLUMNS}


def tables_schema() -> dict:
    """The export's tables as JSON Schema (``zhengce schema tables``, ``tables.schema.json``): under ``tables``,
    one row schema per table (columns, types, enums, descriptions), with ``schema_version``."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "zhengce export tables",
        "$comment": "not a schema of one object: validate each row of table NAME against tables[NAME]",
        "schema_version": TABLES_SCHEMA_VERSION,
        "description": "Tidy tables: documents(doc_id) 1-n measures(doc_id, measure_id) 1-n amounts/deadlines/"
                       "units/targets(doc_id, measure_id); repairs and durations(doc_id); duplicates(doc_id, "
                       "duplicate_of -> documents.doc_id): sources whose text repeats a document's, kept without "
                       "measures. Offsets index documents' normalized text. Derived from the record types, like "
                       "the store's columns.",
        "tables": {name: {"type": "object", "required": [c for c, _ in cols if c in _ID_COLUMNS],
                          "properties": {c: _column_schema(name, c, t) for c, t in cols}}
                   for name, cols in export_columns().items()},
    }


# never empty in a row: the keys that join the tables
_ID_COLUMNS = frozenset({"doc_id", "measure_id", "duplicate_of"})
_BORROWED = ("enum", "format", "minimum", "pattern", "description")


def _column_schema(table: str, column: str, typ: str) -> dict:
    """A column's JSON Schema: its type, and what the extraction schema says of the record field it holds
    (a kind's enum, a date's format, an offset's minimum), so a table validates as strictly as the JSON."""
    if column in _ID_COLUMNS:
        return {"type": typ}
    out: dict = {"type": [typ, "null"]}
    prop = _source_property(table, column)
    for key in _BORROWED:
        if key in prop:
            out[key] = list(prop[key]) + ([None] if None not in prop[key] else []) if key == "enum" else prop[key]
    return out


def _source_property(table: str, column: str) -> dict:
    """The extraction schema's property for the record field behind ``table.column`` ({} when none)."""
    from .schemas import _def_name
    from .tidy import layout

    ext = load_schema("extraction")
    defs, lay = ext["$defs"], layout()
    if table == "documents":
        where = [(ext["properties"], lay.doc), (defs.get("region", {}).get("properties", {}), lay.region)]
    elif table == "measures":
        where = [(defs.get("measure", {}).get("properties", {}), lay.measure)]
    elif table in lay.children:
        _, rec, cols = lay.children[table]
        where = [(defs.get(_def_name(rec), {}).get("properties", {}), cols)]
    else:
        return {}
    for props, cols in where:
        for c in cols:
            if c.name == column and c.how == "value":
                return props.get(c.field, {})
    return {}


def collect(store: Store) -> dict[str, list[dict]]:
    """The store as tidy tables in memory: {table name: rows (dicts)} for documents, measures, amounts,
    deadlines, units, targets, durations, document_units, repairs, suspect_spans and duplicates, joined by
    ``doc_id`` and ``measure_id`` (``pandas.DataFrame(collect(store)["amounts"])`` is one table)."""
    exs = (store.get_extraction(d) for d in store.doc_ids())
    data = tables(e for e in exs if e is not None)
    data["duplicates"] = []
    for dup in store.duplicates():
        d = store.get_document(dup["doc_id"], with_text=False)
        data["duplicates"].append({**dup, "url": d.url if d else None, "title": d.title if d else None,
                                   "issue_date": d.issue_date if d else None})
    return data


def export_store(store: Store, fmt: str, out: Path) -> list[Path]:
    """Write the store's tables to ``out``; returns the files written.

    Everything is written into a temporary folder beside ``out`` first and moved into
    place at the end, so a failed export (a missing extra, a full disk) leaves no folder
    and no half-written files behind.
    """
    if fmt not in FORMATS:
        raise ZhengceError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    data = collect(store)
    if fmt == "xlsx":
        out = out if out.suffix == ".xlsx" else out.with_suffix(".xlsx")
    target = out.parent if fmt == "xlsx" else out
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        names = _write_all(data, fmt, out.name, tmp)
        target.mkdir(exist_ok=True)
        for name in names:
            os.replace(tmp / name, target / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return [target / n for n in names]


def _write_all(data: dict[str, list[dict]], fmt: str, xlsx_name: str, folder: Path) -> list[str]:
    columns = {t: [c for c, _ in cols] for t, cols in export_columns().items()}
    names: list[str] = []
    if fmt == "xlsx":
        _xlsx(data, columns, folder / xlsx_name)
        names.append(xlsx_name)
    else:
        for table, rows in data.items():
            p = folder / f"{table}.{fmt}"
            if fmt == "csv":   # with a BOM, so Excel reads the Chinese (as the web download)
                p.write_text("\ufeff" + csv_text(rows, columns[table]), encoding="utf-8")
            elif fmt == "jsonl":
                p.write_text(jsonl_lines({c: r.get(c) for c in columns[table]} for r in rows), encoding="utf-8")
            else:
                _parquet(rows, export_columns()[table], p)
            names.append(p.name)
    # a workbook's schemas are named after it, so two workbooks in one folder keep their own
    pre = f"{Path(xlsx_name).stem}." if fmt == "xlsx" else ""
    for name, obj in ((f"{pre}tables.schema.json", tables_schema()), (f"{pre}extraction.schema.json", load_schema())):
        (folder / name).write_text(json.dumps(obj, ensure_ascii=False, indent=1), encoding="utf-8")
        names.append(name)
    return names


def _parquet(rows: list[dict], columns: list[tuple[str, str]], path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise ZhengceError("parquet export needs pyarrow (part of zhengce's install): pip install pyarrow") from e
    arrow = {"integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
    schema = pa.schema([pa.field(c, arrow.get(t, pa.string())) for c, t in columns])
    table = pa.Table.from_pylist([{c: r.get(c) for c, _ in columns} for r in rows], schema=schema)
    pq.write_table(table, path)


def _xlsx(data: dict[str, list[dict]], columns: dict[str, list[str]], path: Path) -> None:
    try:
        from openpyxl import Workbook
    except ImportError as e:
        raise ZhengceError("xlsx export needs openpyxl (part of zhengce's install): pip install openpyxl") from e
    wb = Workbook()
    wb.remove(wb.active)
    cut = 0
    for name, rows in data.items():
        ws = wb.create_sheet(name)
        ws.append(columns[name])
        for r in rows:
            cut += xlsx_append(ws, [r.get(c) for c in columns[name]])
    wb.save(path)
    warn_cut(cut, path.name)
