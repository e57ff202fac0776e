"""Re-ingesting a folder whose files changed: copies of a changed text get their measures in the same run.

A byte-identical copy is stored as a duplicate with no measures. When the original's text changes, the
copy is released (it now holds the old text alone); found by a new-user sweep in round 19, the run that
released it had planned it as unchanged, so its text stayed unsearchable until a third ingest.
"""
from __future__ import annotations

import shutil

from support import CORPUS, SEEDS

from zhengce.doctor import check
from zhengce.pipeline import ingest_paths
from zhengce.store import Store


def _measures(store: Store) -> dict[str, int]:
    rows = store._conn.execute("SELECT d.source, count(m.doc_id) FROM documents d LEFT JOIN measures m "
                               "ON m.doc_id=d.doc_id GROUP BY d.source").fetchall()
    return {src.rsplit("/", 1)[-1]: n for src, n in rows}


def test_a_copy_whose_original_changed_is_processed_in_the_same_run(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    seed = (CORPUS / SEEDS["nanning"]).read_text(encoding="utf-8")
    (folder / "a.txt").write_text(seed, encoding="utf-8")
    shutil.copy(folder / "a.txt", folder / "b.txt")
    store = Store(tmp_path / "s")
    first = ingest_paths(store, [folder])
    assert (first.new, first.duplicate) == (1, 1)
    assert _measures(store)["b.txt"] == 0                      # the copy holds no measures of its own

    (folder / "a.txt").write_text(seed.replace("55万元", "66万元"), encoding="utf-8")
    second = ingest_paths(store, [folder])
    got = _measures(store)
    assert got["a.txt"] > 0 and got["b.txt"] == got["a.txt"]   # the released copy, processed now
    assert (second.updated, second.new, second.unchanged, second.duplicate) == (2, 0, 0, 0)
    assert second.total == 2
    assert not [p for p in check(store) if p["kind"] == "unprocessed"]

    third = ingest_paths(store, [folder])
    assert (third.unchanged, third.total) == (2, 2)


def test_doctor_names_a_copy_left_without_measures(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    seed = (CORPUS / SEEDS["nanning"]).read_text(encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(seed, encoding="utf-8")
    store = Store(tmp_path / "s")
    ingest_paths(store, [folder])
    original = next(d for d in store.documents() if d.source.endswith("a.txt"))
    store.delete_document(original.doc_id)          # the copy is released, its file not ingested again
    problems = [p for p in check(store) if p["kind"] == "unprocessed"]
    assert len(problems) == 1 and "b.txt" in problems[0]["message"]
    ingest_paths(store, [folder / "b.txt"])
    assert not [p for p in check(store) if p["kind"] == "unprocessed"]


def test_prune_takes_out_documents_whose_files_are_gone_and_a_copy_takes_over(tmp_path):
    """Round 20's sweep: a deleted or renamed file stayed searchable, cited by a path that was gone,
    and doctor said all was well."""
    folder = tmp_path / "in"
    folder.mkdir()
    seed = (CORPUS / SEEDS["nanning"]).read_text(encoding="utf-8")
    other = (CORPUS / SEEDS["qinghai"]).read_text(encoding="utf-8") if "qinghai" in SEEDS else seed + "\n附:其他。"
    (folder / "a.txt").write_text(seed, encoding="utf-8")
    (folder / "c.txt").write_text(other, encoding="utf-8")
    shutil.copy(folder / "a.txt", folder / "renamed a.txt")
    store = Store(tmp_path / "s")
    ingest_paths(store, [folder])
    (folder / "a.txt").unlink()
    assert [p["kind"] for p in check(store) if p["kind"] == "missing_sources"] == ["missing_sources"]
    plain = ingest_paths(store, [folder])                       # without --prune nothing is taken out
    assert plain.removed == [] and "a.txt" in _measures(store)
    report = ingest_paths(store, [folder], prune=True)
    got = _measures(store)
    assert report.removed == [str(folder / "a.txt")]
    assert "a.txt" not in got and got["renamed a.txt"] > 0     # the copy is the document now, with measures
    assert not [p for p in check(store) if p["kind"] in ("missing_sources", "unprocessed")]
    # a path outside the folders named is never touched
    assert ingest_paths(store, [folder / "c.txt"], prune=True).removed == []


def test_prune_a_moved_folder_a_copy_elsewhere_and_a_name_that_is_not_utf8(tmp_path):
    """Review of round 20: a non-UTF-8 file name always read as gone; a moved folder could not be named;
    a copy outside the folder pruned was left with no measures."""
    import os
    seed = (CORPUS / SEEDS["nanning"]).read_text(encoding="utf-8")
    a, b = tmp_path / "A", tmp_path / "B"
    a.mkdir(); b.mkdir()
    (a / "a.txt").write_text(seed, encoding="utf-8")
    shutil.copy(a / "a.txt", b / "b.txt")
    odd = os.fsdecode(bytes(a) + b"/\xb2\xe2.txt")
    with open(odd, "w", encoding="utf-8") as fh:
        fh.write(seed.replace("55万元", "66万元"))
    store = Store(tmp_path / "s")
    ingest_paths(store, [a, b])
    assert ingest_paths(store, [a], prune=True).removed == []        # nothing is gone yet
    (a / "a.txt").unlink()
    report = ingest_paths(store, [a], prune=True)
    assert report.removed == [str(a / "a.txt")]
    assert _measures(store)["b.txt"] > 0                              # the copy in B, processed in this run
    shutil.move(str(a), str(tmp_path / "A2"))
    report = ingest_paths(store, [a], prune=True)                     # the folder itself is gone
    assert len(report.removed) == 1 and "\\xb2" in report.removed[0]


def test_a_link_is_stored_as_the_link_and_prune_clears_failures_of_files_gone(tmp_path):
    """Round 21's sweep: a symlinked file was stored under its target's path (so deleting the link pruned
    nothing), and a recorded failure stayed counted after its file was deleted."""
    folder = tmp_path / "in"
    folder.mkdir()
    target = tmp_path / "elsewhere.txt"
    target.write_text((CORPUS / SEEDS["nanning"]).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "link.txt").symlink_to(target)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    store = Store(tmp_path / "s")
    report = ingest_paths(store, [folder])
    assert [d.source for d in store.documents()] == [str(folder / "link.txt")]
    assert [f["source"] for f in store.failures()] == [str(folder / "empty.txt")] and report.failed
    (folder / "link.txt").unlink()
    (folder / "empty.txt").unlink()
    report = ingest_paths(store, [folder], prune=True)
    assert report.removed == [str(folder / "link.txt")]
    assert store.count()["documents"] == 0 and store.failures() == []
