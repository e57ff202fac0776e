"""File discovery: recursive, sorted, deduplicated, symlink loops survived."""
from __future__ import annotations

import os

import pytest

from support import CORPUS
from zhengce.ingest.discover import SUFFIXES, discover


def _touch(path, data=b"x"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_recursive_sorted_and_filtered(tmp_path):
    for rel in ("b/2.html", "b/1.HTM", "a/z.shtml", "a/sub/y.md", "c.txt", "skip.xls", "skip.json",
                ".hidden/h.html", "a/.swp.txt"):
        _touch(tmp_path / rel)
    got = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    assert got == ["a/sub/y.md", "a/z.shtml", "b/1.HTM", "b/2.html", "c.txt"]


def test_explicit_files_any_suffix_and_dedup(tmp_path):
    f = _touch(tmp_path / "page.html")
    odd = _touch(tmp_path / "export.dat")
    got = list(discover([f, tmp_path, str(f), odd, tmp_path / "missing.html"]))
    # a file named twice (directly and through its folder) comes once; a named file of
    # any suffix is yielded (decode says why it fails); a missing path yields nothing
    assert got == [f, odd]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_symlink_loop_and_duplicate_link(tmp_path):
    _touch(tmp_path / "docs" / "a.txt")
    try:
        os.symlink(tmp_path / "docs", tmp_path / "docs" / "loop")
        os.symlink(tmp_path / "docs" / "a.txt", tmp_path / "alias.txt")
    except OSError:
        pytest.skip("symlinks not permitted")
    got = list(discover([tmp_path]))
    assert [p.name for p in got] == ["alias.txt"] or [p.name for p in got] == ["a.txt"]
    assert len(got) == 1


def test_bundled_corpus():
    got = list(discover([CORPUS]))
    assert [p.name for p in got] == sorted(p.name for p in CORPUS.glob("*.txt"))
    assert len(got) == 5
    assert all(p.suffix in SUFFIXES for p in got)


def test_generator_is_lazy(tmp_path):
    for i in range(3):
        _touch(tmp_path / f"{i}.txt")
    it = discover([tmp_path])
    assert next(it).name == "0.txt"
