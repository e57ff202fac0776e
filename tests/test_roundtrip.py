"""Every field of every record survives normalize -> store -> web API -> each export format.

The record used is generated from the record types themselves: every field of Document,
Region, Measure, each item record and Extraction gets a distinct non-default value. A field
added to records.py is therefore covered without an edit here, and a field lost anywhere
(a store column, the API's JSON, a tidy table, a file format) fails the test.
"""
from __future__ import annotations

import csv
import io
import json
import types
import typing
from dataclasses import fields
from itertools import count

import pytest

from support import CORPUS, SEEDS
from zhengce.export import export_store
from zhengce.records import Document, Extraction, Measure, OffsetMap, field_types, from_plain
from zhengce.store import Store
from zhengce.tidy import layout, table_columns

_n = count(1)


def sample(tp, name: str):
    """A value of type ``tp`` unlike any default and any other field's value."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        tp = next(a for a in typing.get_args(tp) if a is not type(None))
    if tp is str:
        return f"{name}-值{next(_n)}"
    if tp is bool:
        return True
    if tp is int:
        return 100 + next(_n)
    if tp is float:
        return next(_n) + 0.5
    if tp is OffsetMap:
        return OffsetMap([(0, 0), (3, 5 + next(_n))])
    if tp is dict or typing.get_origin(tp) is dict:
        return {"来源": f"{name}-{next(_n)}"}
    if hasattr(tp, "__dataclass_fields__"):
        hints = field_types(tp)
        return tp(**{f.name: sample(hints[f.name], f.name) for f in fields(tp)})
    if typing.get_origin(tp) is list:
        (arg,) = typing.get_args(tp)
        return [sample(arg, name), sample(arg, name)]
    raise AssertionError(f"no sample for {name}: {tp}")


@pytest.fixture(scope="module")
def full() -> Extraction:
    return sample(Extraction, "extraction")


def test_sample_sets_every_field(full):
    """Guard the guard: no field of any record is left at its default."""
    def walk(obj, where):
        for f in fields(obj):
            v = getattr(obj, f.name)
            assert v not in (None, [], {}, "", 0), f"{where}.{f.name} left empty"
            if hasattr(v, "__dataclass_fields__") and not isinstance(v, OffsetMap):
                walk(v, f"{where}.{f.name}")
            elif isinstance(v, list) and v and hasattr(v[0], "__dataclass_fields__"):
                walk(v[0], f"{where}.{f.name}[0]")
    walk(full, "extraction")


@pytest.fixture(scope="module")
def stored(tmp_path_factory, full):
    st = Store(tmp_path_factory.mktemp("roundtrip"))
    st.upsert(full, pipeline_version="test")
    yield st
    st.close()


def test_store_keeps_every_field(stored, full):
    assert stored.get_extraction(full.document.doc_id) == full


def test_real_document_keeps_every_field(tmp_path):
    from zhengce.pipeline import process_file

    ex = process_file(CORPUS / SEEDS["nanning"]).extraction
    assert ex.document.inner_doc_type      # the field the hand-listed columns once lost
    with Store(tmp_path) as st:
        st.upsert(ex)
        assert st.get_extraction(ex.document.doc_id) == ex


def _from_api(body: dict) -> Extraction:
    """The API's JSON holds the document's fields at top level, beside the extraction's own."""
    doc_fields = {f.name for f in fields(Document)}
    doc = from_plain(Document, {k: v for k, v in body.items() if k in doc_fields})
    hints = field_types(Extraction)
    return Extraction(doc, **{f.name: from_plain(hints[f.name], body[f.name])
                              for f in fields(Extraction) if f.name != "document"})


def test_api_keeps_every_field(stored, full):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from zhengce.web.app import create_app

    with TestClient(create_app(stored.path, warm=False), base_url="http://localhost") as c:
        r = c.get(f"/api/documents/{full.document.doc_id}", params={"original_text": "true", "offsets": "true"})
        assert r.status_code == 200, r.text
        assert _from_api(r.json()) == full


# ------------------------------------------------------------------ exports
def _typed(value, kind: str):
    """A cell as a file gave it back -> the value the record holds (CSV and XLSX lose types)."""
    if value is None:
        return None
    if hasattr(value, "item"):              # numpy scalars from pandas
        value = value.item()
    if kind == "integer":
        return int(value)
    if kind == "number":
        return float(value)
    if kind == "boolean":
        return value if isinstance(value, bool) else str(value) == "True"
    return str(value)


def _read_tables(fmt: str, out) -> dict[str, list[dict]]:
    cols = table_columns()
    tables: dict[str, list[dict]] = {}
    for table, spec in cols.items():
        kinds = dict(spec)
        if fmt == "csv":
            text = (out / f"{table}.csv").read_text(encoding="utf-8")
            assert text.startswith("\ufeff"), "CSV for Excel starts with a BOM"
            raw = list(csv.DictReader(io.StringIO(text[1:])))
        elif fmt == "jsonl":
            raw = [json.loads(line) for line in (out / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()]
        elif fmt == "parquet":
            pq = pytest.importorskip("pyarrow.parquet")
            raw = pq.read_table(out / f"{table}.parquet").to_pylist()
        else:
            openpyxl = pytest.importorskip("openpyxl")
            ws = openpyxl.load_workbook(out)[table]
            rows = list(ws.iter_rows(values_only=True))
            raw = [dict(zip(rows[0], r)) for r in rows[1:]]
        assert raw and list(raw[0]) == [c for c, _ in spec], (fmt, table)
        tables[table] = [{c: _typed(r[c], kinds[c]) for c in r} for r in raw]
    return tables


def _cell_back(col, value, tp):
    if col.how == "join":
        return value.split(" > " if col.field == "path" else ";")
    if col.how == "json":
        return from_plain(tp, json.loads(value))
    return value


def _record(cls, row: dict, cols) -> object:
    hints = field_types(cls)
    return {c.field: _cell_back(c, row[c.name], hints[c.field]) for c in cols}


def _rebuild(tables: dict[str, list[dict]]) -> list[Extraction]:
    """Extractions from the tidy tables alone, by the same layout the export used."""
    lay = layout()
    out = []
    for drow in tables["documents"]:
        doc_id = drow["doc_id"]
        dkw = _record(Document, drow, [c for c in lay.doc if c.name != "doc_id"])
        region = _record(field_types(Document)["region"], drow, lay.region)
        children = {}
        for name, (owner, rec, cols) in lay.children.items():
            rows = [r for r in tables[name] if r["doc_id"] == doc_id]
            children[name] = (owner, rec, cols, rows)
        doc_kw = {**dkw, "doc_id": doc_id}
        ex_kw = {}
        for name, (owner, rec, cols, rows) in children.items():
            field = name.removeprefix("document_") if owner != "measure" else name
            if owner == "document":
                doc_kw[field] = [rec(**_record(rec, r, cols)) for r in rows]
            elif owner == "extraction":
                ex_kw[field] = [rec(**_record(rec, r, cols)) for r in rows]
        doc = Document(**doc_kw, region=field_types(Document)["region"](**region))
        measures = []
        for mrow in sorted((r for r in tables["measures"] if r["doc_id"] == doc_id), key=lambda r: r["ordinal"]):
            mkw = _record(Measure, mrow, [c for c in lay.measure if c.name != "measure_id"])
            mkw["id"] = mrow["measure_id"]
            for name, (owner, rec, cols, rows) in children.items():
                if owner == "measure":
                    mkw[name] = [rec(**_record(rec, r, cols)) for r in rows if r["measure_id"] == mrow["measure_id"]]
            measures.append(Measure(**mkw))
        out.append(Extraction(doc, measures, **ex_kw))
    return out


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "xlsx"])
def test_every_export_format_keeps_every_field(stored, full, tmp_path, fmt):
    out = tmp_path / ("x.xlsx" if fmt == "xlsx" else "x")
    export_store(stored, fmt, out)
    assert _rebuild(_read_tables(fmt, out)) == [full]


# ------------------------------------------------------------------ older stores
OLD_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY, source TEXT NOT NULL UNIQUE, url TEXT, raw_hash TEXT, content_hash TEXT NOT NULL,
    pipeline_version TEXT, duplicate_of TEXT,
    title TEXT, doc_type TEXT, issuer TEXT, doc_number TEXT, issue_date TEXT,
    province TEXT, city TEXT, district TEXT, level TEXT, region_code TEXT,
    script TEXT, encoding TEXT, masked_count INTEGER,
    byline TEXT, repairs TEXT, offset_map TEXT,
    text TEXT NOT NULL, original_text TEXT NOT NULL, ingested_at REAL);
CREATE INDEX documents_hash ON documents(content_hash);
CREATE TABLE measures (
    rowid INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, path TEXT NOT NULL, title TEXT,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    amounts TEXT NOT NULL, deadlines TEXT NOT NULL, units TEXT NOT NULL, targets TEXT NOT NULL,
    instruments TEXT NOT NULL, instrument_types TEXT NOT NULL, has_amount INTEGER NOT NULL);
CREATE INDEX measures_doc ON measures(doc_id);
CREATE TABLE failures (source TEXT PRIMARY KEY, reason TEXT NOT NULL, detail TEXT, at REAL);
INSERT INTO meta VALUES ('store_format', '1'), ('generation', '3');
INSERT INTO documents VALUES ('d1', 'a.html', 'http://x/a', 'rh', 'ch', '0.1.0+p1', NULL,
    '关于支持众创空间的通知', '通知', '南宁市人民政府办公厅', '南府办〔2016〕34号', '2016-06-13',
    '广西壮族自治区', '南宁市', NULL, 'city', '4501', 'simplified', 'utf-8', 2,
    '{"来源":"南宁市"}', '[{"kind":"k","start":0,"end":2,"before":"a","after":"b"}]', '[[0,0],[5,6]]',
    '对众创空间给予房租补贴。', '對眾創空間給予房租補貼。', 1.0);
INSERT INTO measures VALUES (7, 'd1', 0, 'm1', 'measure', '["一、任务"]', '任务', '对众创空间给予房租补贴。', 0, 12,
    '[{"text":"50万元","start":0,"end":4,"kind":"cap","value_yuan":500000}]', '[]',
    '[{"name":"市科技局","role":"lead","text":"科技局","start":0,"end":3}]', '[]', '["rent_subsidy"]', '["supply"]', 1);
"""


def test_store_written_by_the_previous_version_migrates(tmp_path):
    import sqlite3

    con = sqlite3.connect(tmp_path / "zhengce.db")
    con.executescript(OLD_SCHEMA)
    con.close()
    with Store(tmp_path, readonly=True) as st:     # even a read-only open (search, serve) migrates
        ex = st.get_extraction("d1")
        assert st.generation == 3 and st.measure_ids() == {7}
        d = ex.document
        assert (d.title, d.doc_number, d.region.code, d.byline, d.masked_count) == (
            "关于支持众创空间的通知", "南府办〔2016〕34号", "4501", {"来源": "南宁市"}, 2)
        assert d.repairs[0].after == "b" and d.offset_map.anchors == [(0, 0), (5, 6)]
        assert d.inner_doc_type is None and d.original_text == "對眾創空間給予房租補貼。"
        m = ex.measures[0]
        assert m.amounts[0].value_yuan == 500000 and m.units[0].name == "市科技局" and m.path == ["一、任务"]
        # re-ingesting the same source fills the new columns: it no longer counts as up to date
        assert st.source_state("a.html") == ("rh", None)
    con = sqlite3.connect(tmp_path / "zhengce.db")
    from zhengce.store import STORE_VERSION

    assert con.execute("PRAGMA user_version").fetchone()[0] == STORE_VERSION
    from zhengce.store import DOC_COLUMNS

    cols = {r[1] for r in con.execute("PRAGMA table_info(documents)")}
    assert {c.name for c in DOC_COLUMNS} <= cols and "inner_doc_type" in cols
    con.close()


def test_store_from_a_newer_version_is_refused(tmp_path):
    import sqlite3

    from zhengce.store import STORE_VERSION, StoreError

    Store(tmp_path).close()
    con = sqlite3.connect(tmp_path / "zhengce.db")
    con.execute(f"PRAGMA user_version={STORE_VERSION + 1}")
    con.close()
    with pytest.raises(StoreError, match="newer zhengce"):
        Store(tmp_path)


def test_extract_long_csv_carries_every_extracted_item(full):
    """``zhengce extract --format csv``: one row per item, every field of every item record."""
    from zhengce.tidy import long_columns, long_rows

    rows = long_rows(full)
    assert set().union(*(r.keys() for r in rows)) <= set(long_columns())
    lay = layout()
    for name, (owner, rec, cols) in lay.children.items():
        if owner == "document":
            continue
        holders = full.measures if owner == "measure" else [full]
        items = [it for h in holders for it in getattr(h, name.removeprefix("document_"))]
        for it in items:
            want = {c.name: getattr(it, c.field) for c in cols if c.how == "value"}
            assert any(all(r.get(k) == v for k, v in want.items()) for r in rows), (name, want)
