"""``zhengce export``: the whole store as tidy tables joined by ids, with their schemas beside them.

Formats: ``csv`` / ``jsonl`` / ``parquet`` write one file per table into a folder;
``xlsx`` writes one workbook with a sheet per table. Every export also writes
``tables.schema.json`` (columns and types of each table, versioned) and the
extraction JSON Schema, so a program reading the export knows what it holds.
"""
from __future__ import annotations

import json
from pathlib import Path

from .records import SCHEMA_VERSION, ZhengceError
from .render import csv_text, jsonl_lines
from .schemas import load_schema
from .store import Store
from .tidy import DOC_COLUMNS, ITEM_COLUMNS, MEASURE_COLUMNS, tables

FORMATS = ("jsonl", "csv", "parquet", "xlsx")
COLUMNS = {"documents": DOC_COLUMNS, "measures": MEASURE_COLUMNS, **ITEM_COLUMNS}
_TYPES = {"start": "integer", "end": "integer", "ordinal": "integer", "masked_count": "integer", "year": "integer",
          "value_yuan": "number", "min_yuan": "number", "percent": "number", "ratio": "number",
          "raw_value": "number", "quantity": "number", "unit_missing": "boolean"}


def tables_schema() -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "zhengce export tables",
        "schema_version": SCHEMA_VERSION,
        "description": "Tidy tables: documents(doc_id) 1-n measures(doc_id, measure_id) 1-n amounts/deadlines/"
                       "units/targets(doc_id, measure_id). Offsets index documents' normalized text.",
        "tables": {name: {"type": "object", "properties": {
            c: {"type": [_TYPES.get(c, "string"), "null"]} for c in cols}} for name, cols in COLUMNS.items()},
    }


def collect(store: Store) -> dict[str, list[dict]]:
    exs = (store.get_extraction(d) for d in store.doc_ids())
    return tables(e for e in exs if e is not None)


def export_store(store: Store, fmt: str, out: Path) -> list[Path]:
    """Write the store's tables to ``out``; returns the files written."""
    if fmt not in FORMATS:
        raise ZhengceError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    data = collect(store)
    written: list[Path] = []
    if fmt == "xlsx":
        out = out if out.suffix == ".xlsx" else out.with_suffix(".xlsx")
        out.parent.mkdir(parents=True, exist_ok=True)
        _xlsx(data, out)
        written.append(out)
        folder = out.parent
    else:
        folder = out
        folder.mkdir(parents=True, exist_ok=True)
        for name, rows in data.items():
            p = folder / f"{name}.{fmt}"
            if fmt == "csv":
                p.write_text(csv_text(rows, COLUMNS[name]), encoding="utf-8")
            elif fmt == "jsonl":
                p.write_text(jsonl_lines({c: r.get(c) for c in COLUMNS[name]} for r in rows), encoding="utf-8")
            else:
                _parquet(rows, COLUMNS[name], p)
            written.append(p)
    for name, obj in (("tables.schema.json", tables_schema()), ("extraction.schema.json", load_schema())):
        p = folder / name
        p.write_text(json.dumps(obj, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(p)
    return written


def _parquet(rows: list[dict], columns: list[str], path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise ZhengceError("parquet export needs pyarrow: pip install 'zhengce[export]'") from e
    fields = []
    for c in columns:
        t = _TYPES.get(c, "string")
        fields.append(pa.field(c, {"integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}.get(t, pa.string())))
    schema = pa.schema(fields)
    table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows], schema=schema)
    pq.write_table(table, path)


def _xlsx(data: dict[str, list[dict]], path: Path) -> None:
    try:
        from openpyxl import Workbook
    except ImportError as e:
        raise ZhengceError("xlsx export needs openpyxl: pip install 'zhengce[export]'") from e
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in data.items():
        ws = wb.create_sheet(name)
        ws.append(COLUMNS[name])
        for r in rows:
            ws.append([r.get(c) for c in COLUMNS[name]])
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"   # scraped text is data, never a spreadsheet formula
    wb.save(path)
