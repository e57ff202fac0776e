"""Export round trip: what pandas reads back from csv / jsonl / parquet / xlsx equals what the store holds.

The expected tables are built here straight from the store's records (not through ``zhengce.tidy``), and
the files are read the way a researcher would: column types taken from the ``tables.schema.json`` that
the export writes beside them.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from support import CORPUS

pd = pytest.importorskip("pandas")

from zhengce.export import export_store  # noqa: E402
from zhengce.pipeline import ingest_paths  # noqa: E402
from zhengce.store import Store  # noqa: E402

TABLES = ("documents", "measures", "amounts", "deadlines", "units", "targets")
ITEM_FIELDS = {
    "amounts": ("text", "start", "end", "kind", "value_yuan", "min_yuan", "percent", "ratio", "unit", "per",
                "unit_missing", "raw_value"),
    "deadlines": ("text", "start", "end", "kind", "date", "start_date", "end_date", "duration", "recurrence",
                  "year_inferred"),
    "units": ("name", "role", "text", "start", "end"),
    "targets": ("text", "start", "end", "quantity", "unit", "comparator", "year", "subject"),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    st = Store(tmp_path_factory.mktemp("export-store"))
    rep = ingest_paths(st, [CORPUS])
    assert rep.new == 5 and not rep.failed
    yield st
    st.close()


@pytest.fixture(scope="module")
def expected(store) -> dict[str, list[dict]]:
    """The store's content as tidy rows, read from its records."""
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    for doc_id in store.doc_ids():
        ex = store.get_extraction(doc_id)
        d, r = ex.document, ex.document.region
        out["documents"].append({
            "doc_id": d.doc_id, "source": d.source, "url": d.url, "title": d.title, "doc_type": d.doc_type,
            "issuer": d.issuer, "doc_number": d.doc_number, "issue_date": d.issue_date, "province": r.province,
            "city": r.city, "district": r.district, "level": r.level, "script": d.script,
            "masked_count": d.masked_count, "content_hash": d.content_hash})
        for i, m in enumerate(ex.measures):
            out["measures"].append({
                "doc_id": d.doc_id, "measure_id": m.id, "ordinal": i, "kind": m.kind, "path": " > ".join(m.path),
                "title": m.title, "start": m.start, "end": m.end, "instruments": ";".join(m.instruments),
                "instrument_types": ";".join(m.instrument_types), "text": m.text})
            for table, fields in ITEM_FIELDS.items():
                for it in getattr(m, table):
                    out[table].append({"doc_id": d.doc_id, "measure_id": m.id,
                                       **{f: getattr(it, f) for f in fields}})
    assert out["documents"] and out["measures"] and out["amounts"] and out["units"] and out["deadlines"]
    return out


def _canon(v):
    """One spelling per value whatever the file format did to it (NaN/None/'' -> None, numbers -> float)."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, str):
        return v if v != "" else None
    if isinstance(v, bool) or type(v).__name__ == "bool_":
        return bool(v)
    if isinstance(v, (int, float)) or hasattr(v, "item"):
        return float(v)
    return v


def _frame_rows(df) -> list[dict]:
    return [{k: _canon(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


def _expected_rows(rows: list[dict], columns: list[str]) -> list[dict]:
    return [{c: _canon(r.get(c)) for c in columns} for r in rows]


def _dtypes(schema: dict, table: str) -> dict:
    """pandas dtypes from the exported JSON Schema: strings stay strings (ids like 1e5 are not numbers)."""
    props = schema["tables"][table]["properties"]
    kinds = {c: p["type"] if isinstance(p["type"], str) else p["type"][0] for c, p in props.items()}
    return {c: {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}[k]
            for c, k in kinds.items()}


def _read(fmt: str, out: Path, table: str, schema: dict):
    dtypes = _dtypes(schema, table)
    if fmt == "csv":
        return pd.read_csv(out / f"{table}.csv", dtype=dtypes, keep_default_na=False, na_values=[""],
                           encoding="utf-8-sig")
    if fmt == "jsonl":
        p = out / f"{table}.jsonl"
        if p.stat().st_size == 0:
            return pd.DataFrame(columns=list(dtypes))
        # pandas < 3 would turn a column named "date" into timestamps unless told not to
        legacy = {"convert_dates": False} if int(pd.__version__.split(".")[0]) < 3 else {}
        return pd.read_json(p, lines=True, dtype=False, **legacy)
    if fmt == "parquet":
        return pd.read_parquet(out / f"{table}.parquet")
    return pd.read_excel(out, sheet_name=table, dtype=dtypes, keep_default_na=False, na_values=[""])


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "xlsx"])
def test_round_trip(store, expected, tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    if fmt == "xlsx":
        pytest.importorskip("openpyxl")
    out = tmp_path / ("export.xlsx" if fmt == "xlsx" else "export")
    written = export_store(store, fmt, out)
    folder = out.parent if fmt == "xlsx" else out
    assert all(p.exists() for p in written)
    pre = "export." if fmt == "xlsx" else ""      # a workbook's schemas are named after it
    schema = json.loads((folder / f"{pre}tables.schema.json").read_text(encoding="utf-8"))
    extraction_schema = json.loads((folder / f"{pre}extraction.schema.json").read_text(encoding="utf-8"))
    assert extraction_schema["$schema"].startswith("https://json-schema.org/")
    assert set(schema["tables"]) >= set(TABLES)
    for table in TABLES:
        df = _read(fmt, out, table, schema)
        columns = list(schema["tables"][table]["properties"])
        assert list(df.columns) == columns, (fmt, table)
        # the columns named here; test_roundtrip checks that every record field has one
        known = [c for c in columns if c in (expected[table][0] if expected[table] else {})]
        got = [{k: r[k] for k in known} for r in _frame_rows(df)]
        want = _expected_rows(expected[table], known)
        assert len(got) == len(want), (fmt, table)
        for i, (g, w) in enumerate(zip(got, want)):
            assert g == w, (fmt, table, i, {k: (g[k], w[k]) for k in columns if g[k] != w[k]})


def test_every_exported_row_validates_against_its_table_schema(store, tmp_path):
    # the tables schema says what the extraction schema says of each field (a kind's enum, a date's
    # format, an offset's bound) and that the ids are never empty; rows that break it fail here
    jsonschema = pytest.importorskip("jsonschema")
    out = tmp_path / "export"
    export_store(store, "jsonl", out)
    schema = json.loads((out / "tables.schema.json").read_text(encoding="utf-8"))
    assert schema["schema_version"] == "1.4.0"
    checker = jsonschema.FormatChecker()
    seen = 0
    for table, sub in schema["tables"].items():
        assert {"doc_id"} <= set(sub["required"]), table
        path = out / f"{table}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            jsonschema.validate(json.loads(line), sub, format_checker=checker)
            seen += 1
    assert seen > 100
    kinds = schema["tables"]["amounts"]["properties"]["kind"]
    assert "cap" in kinds["enum"] and None in kinds["enum"]
    with pytest.raises(jsonschema.ValidationError):     # a kind the extraction never writes is refused
        jsonschema.validate({"doc_id": "d", "measure_id": "m", "kind": "subsidy"}, schema["tables"]["amounts"])
    with pytest.raises(jsonschema.ValidationError):     # and a row without its measure's id
        jsonschema.validate({"doc_id": "d", "kind": "cap"}, schema["tables"]["amounts"])


def test_tables_join_by_ids(store, expected, tmp_path):
    out = tmp_path / "export"
    export_store(store, "parquet" if _has("pyarrow") else "csv", out)
    docs = {r["doc_id"] for r in expected["documents"]}
    measures = {(r["doc_id"], r["measure_id"]): r for r in expected["measures"]}
    assert {r["doc_id"] for r in expected["measures"]} <= docs
    assert len(measures) == len(expected["measures"])      # (doc_id, measure_id) is a key
    for table in ("amounts", "deadlines", "units", "targets"):
        for r in expected[table]:
            m = measures[(r["doc_id"], r["measure_id"])]
            # item offsets index the document's normalized text; the measure is a slice of it
            assert m["start"] <= r["start"] < r["end"] <= m["end"]
            assert m["text"][r["start"] - m["start"]:r["end"] - m["start"]] == r["text"]


def test_unknown_format_is_refused(store, tmp_path):
    from zhengce.records import ZhengceError

    with pytest.raises(ZhengceError, match="unknown export format"):
        export_store(store, "dta", tmp_path / "x")


def _has(mod: str) -> bool:
    try:
        __import__(mod)
        return True
    except ImportError:
        return False


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "xlsx"])
def test_duplicates_are_exported_with_the_document_they_repeat(tmp_path, fmt):
    # round 22's data sweep: a repost (same text, another file) was in the store but in no export table, so
    # the doc_id `extract` gives for that file joined nothing
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    if fmt == "xlsx":
        pytest.importorskip("openpyxl")
    pages = tmp_path / "pages"
    pages.mkdir()
    seed = next(CORPUS.glob("001_*.txt")).read_bytes()
    (pages / "a-original.txt").write_bytes(seed)
    (pages / "b-repost.txt").write_bytes(seed)
    with Store(tmp_path / "st") as st:
        rep = ingest_paths(st, [pages])
        assert rep.new == 1 and rep.duplicate == 1
        out = tmp_path / ("x.xlsx" if fmt == "xlsx" else "x")
        export_store(st, fmt, out)
        folder = out.parent if fmt == "xlsx" else out
        schema = json.loads((folder / ("x.tables.schema.json" if fmt == "xlsx" else "tables.schema.json"))
                            .read_text(encoding="utf-8"))
        assert list(schema["tables"]["duplicates"]["properties"]) == ["doc_id", "duplicate_of", "source", "url",
                                                                      "title", "issue_date"]
        dups = _read(fmt, out, "duplicates", schema)
        docs = _read(fmt, out, "documents", schema)
        assert len(dups) == 1 and len(docs) == 1
        row = _frame_rows(dups)[0]
        assert row["source"].endswith("b-repost.txt") and row["duplicate_of"] == _frame_rows(docs)[0]["doc_id"]
        assert row["doc_id"] in st.doc_ids(include_duplicates=True) and row["title"]
