"""The SQLite store: upsert statuses, duplicates, atomic replacement, stable row ids, readers."""
from __future__ import annotations

import copy
import sqlite3

import pytest

from zhengce.records import Amount, Document, Extraction, Measure, Region, UnitRef
from zhengce.store import DB_NAME, Store, StoreError, prepare_rows


def _ex(source="a.txt", text="一、支持众创空间。对众创空间给予房租补贴,最高10万元。", n=2, h="h1"):
    doc = Document(source=source, text=text, original_text=text, doc_id=source[:8], content_hash=h,
                   title="关于支持众创空间的通知", region=Region("广西壮族自治区", "南宁市", None, "city", "450100"))
    ms = [Measure(id=f"m{i}", kind="measure", path=["一、支持众创空间"], title="t", text=text[9:], start=9,
                  end=len(text), amounts=[Amount("最高10万元", 21, 27, "cap", value_yuan=1e5, unit="万元")],
                  units=[UnitRef("市科技局", "lead", "市科技局", 0, 4)]) for i in range(n)]
    return Extraction(doc, ms)


def test_upsert_statuses_and_roundtrip(tmp_path):
    s = Store(tmp_path / "st")
    assert s.upsert(_ex(), raw_hash="r1", pipeline_version="v") == "new"
    assert s.upsert(_ex(), raw_hash="r1", pipeline_version="v") == "unchanged"
    assert s.upsert(_ex(source="b.txt"), raw_hash="r1", pipeline_version="v") == "duplicate"
    assert s.upsert(_ex(h="h2", n=3), raw_hash="r2", pipeline_version="v") == "updated"
    # a new pipeline version re-processes even unchanged content
    assert s.upsert(_ex(h="h2", n=3), raw_hash="r2", pipeline_version="v2") == "updated"
    c = s.count()
    # b.txt copied a.txt's old text: when a.txt changed, b.txt lost its primary and is released
    # (kept, no measures yet, pipeline version cleared so the next ingest processes it in full)
    assert c == {"documents": 2, "duplicates": 0, "measures": 3, "failures": 0}
    assert s.source_state("b.txt") == ("r1", None)
    ex = s.get_extraction("a.txt")
    assert ex.document.region.city == "南宁市"
    assert ex.measures[0].amounts[0].value_yuan == 100000
    assert ex.measures[0].units[0].role == "lead"


def test_row_ids_never_reused_and_replacement_is_whole(tmp_path):
    s = Store(tmp_path)
    s.upsert(_ex(n=2), pipeline_version="v")
    first = s.measure_ids()
    s.upsert(_ex(h="h2", n=2), pipeline_version="v")
    second = s.measure_ids()
    assert len(second) == 2 and not (first & second), "replaced measures get fresh ids"
    rows = s.load_measures(sorted(second))
    assert [r.rowid for r in rows] == sorted(second)
    assert rows[0].doc.title == "关于支持众创空间的通知"
    assert [r.rowid for r in s.iter_measure_rows(batch=1)] == sorted(second)


def test_failed_write_rolls_back(tmp_path):
    s = Store(tmp_path)
    s.upsert(_ex(), pipeline_version="v")
    before = (s.count(), s.measure_ids(), s.generation)
    bad = prepare_rows(_ex(h="h3"))
    bad.measures[1]["text"] = None    # measures.text is NOT NULL: fails after the old version was deleted
    with pytest.raises(sqlite3.IntegrityError):
        s.upsert(bad, pipeline_version="v")
    assert (s.count(), s.measure_ids(), s.generation) == before


def test_delete_and_failures(tmp_path):
    s = Store(tmp_path)
    s.upsert(_ex(), pipeline_version="v")
    s.upsert(_ex(source="b.txt"), pipeline_version="v")   # duplicate of a.txt
    s.record_failure("x.html", "binary", "PNG image")
    assert s.failures() == [{"source": "x.html", "reason": "binary", "detail": "PNG image"}]
    assert s.delete_document("a.txt")
    assert s.measure_ids() == set()
    # the duplicate is released so its next ingest makes it the primary copy
    assert s.find_document("b.txt").doc_id == "b.txt"
    assert s.source_state("b.txt")[1] is None


def test_wal_and_concurrent_reader(tmp_path):
    s = Store(tmp_path)
    s.upsert(_ex(), pipeline_version="v")
    mode = sqlite3.connect(tmp_path / DB_NAME).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    reader = Store(tmp_path, readonly=True)
    with s.transaction() as c:   # a writer mid-transaction does not block a reader
        c.execute("DELETE FROM measures")
        assert len(reader.measure_ids()) == 2
    assert reader.measure_ids() == set()


def test_readonly_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no zhengce store"):
        Store(tmp_path / "nope", readonly=True)


def test_meta(tmp_path):
    s = Store(tmp_path)
    assert s.meta_get("index.embedder") is None
    s.meta_set("index.embedder", "usem3")
    assert Store(tmp_path).meta_get("index.embedder") == "usem3"
