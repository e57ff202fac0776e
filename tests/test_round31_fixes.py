"""Round 31's new-user test: the library as a notebook user calls it (paths, filters, queries), the
diffusion analyses and not_policy pages, export suffixes, schemas that describe what is printed."""
from __future__ import annotations

import os
import shutil

import pytest

from support import CORPUS, SEEDS
from zhengce.pipeline import ingest_paths
from zhengce.store import Store


# ---------------------------------------------------------------- 1. ingest_paths' paths
def test_one_path_as_a_string_is_one_path_not_one_per_character(tmp_path, monkeypatch):
    # "ab" read as a list is "a", "b": the folder a was ingested, ab was not (and "/" would be the filesystem)
    for folder, key in (("ab", "nanning"), ("a", "shijiazhuang")):
        (tmp_path / folder).mkdir()
        shutil.copy(CORPUS / SEEDS[key], tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    store = Store(tmp_path / "st")
    assert ingest_paths(store, "ab").new == 1
    assert [os.path.basename(d.source) for d in store.documents()] == [SEEDS["nanning"]]
    assert ingest_paths(store, tmp_path / "a").new == 1        # a Path is one path too


def test_paths_that_are_not_paths_are_refused(tmp_path):
    with pytest.raises(TypeError, match="not int"):
        ingest_paths(Store(tmp_path / "st"), 5)


def test_a_missing_path_is_a_failure_in_the_report(tmp_path):
    store = Store(tmp_path / "st")
    report = ingest_paths(store, [tmp_path / "nothere", CORPUS / SEEDS["nanning"]])
    assert report.new == 1 and report.total == 2
    assert report.failed == [{"source": (tmp_path / "nothere").as_posix(), "reason": "missing",
                              "detail": "no such file or folder"}]
    assert store.failures() == []            # a mistyped name is no file of the corpus: not kept as one


def test_a_broken_link_named_is_reported_not_skipped(tmp_path):
    (tmp_path / "page.txt").symlink_to(tmp_path / "gone.txt")
    report = ingest_paths(Store(tmp_path / "st"), [tmp_path / "page.txt"])
    assert [f["reason"] for f in report.failed] == ["unreadable"]
