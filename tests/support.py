"""Paths and names the tests share (a plain module: tests import it, never conftest).

The dev corpus (../shared/corpus-dev, 60 real excerpts) is read where it lies and
never copied into the repo; tests that need it skip with the reason when absent.
Override its location with ZHENGCE_DEV_CORPUS.
"""
from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
GOLD = Path(__file__).resolve().parent / "gold"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEV_CORPUS = Path(os.environ.get("ZHENGCE_DEV_CORPUS", REPO.parent / "shared" / "corpus-dev"))

SEEDS = {
    "national": "000_a72e55d757611b23.txt",
    "nanning": "001_b0a6d818020c8865.txt",
    "shijiazhuang": "002_eee70b44fdd38aa3.txt",
    "qinghai": "003_2f66007b48e19f9b.txt",
    "nantong": "004_f249a5bce850aff6.txt",
}


def dev_corpus_or_skip() -> Path:
    if not (DEV_CORPUS / "index.jsonl").is_file():
        pytest.skip(f"dev corpus not found at {DEV_CORPUS} (set ZHENGCE_DEV_CORPUS); "
                    "it lives beside the repo in ../shared/corpus-dev and is not bundled")
    return DEV_CORPUS


def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    """Half-open spans [a0, a1) and [b0, b1) share a character."""
    return a0 < b1 and b0 < a1


def duration_problems(text: str, expected, found, optional) -> list[str]:
    """Stress-set check of durations: every expected (needle, iso) matched once by an overlapping
    found (start, end, iso); every found one unmatched and outside the ``optional`` spans is extra."""
    problems, used = [], set()
    for needle, iso in expected:
        s = text.find(needle)
        assert s >= 0, needle
        hit = next((i for i, (a, b, dur) in enumerate(found)
                    if i not in used and overlaps(s, s + len(needle), a, b) and dur == iso), None)
        if hit is None:
            problems.append(f"missed duration {needle} {iso}; have {[(text[a:b], d) for a, b, d in found]}")
        else:
            used.add(hit)
    for i, (a, b, dur) in enumerate(found):
        if i not in used and not any(overlaps(x, y, a, b) for x, y in optional):
            problems.append(f"extra duration {text[a:b]} {dur}")
    return problems


def blind_scorer(name: str, gold_dir: Path, corpus_dir: Path):
    """bench/score_dev2.py loaded as module ``name`` with its gold and corpus pointed at another blind set
    (tests/gold/genre over tests/fixtures/genre_pages, tests/gold/devspec over ../shared/corpus-dev): the
    scorer reads ZHENGCE_DEV2_GOLD/ZHENGCE_DEV2_CORPUS when it is loaded, and the environment is put back."""
    import importlib.util
    import sys

    env = {"ZHENGCE_DEV2_GOLD": str(gold_dir), "ZHENGCE_DEV2_CORPUS": str(corpus_dir)}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / "score_dev2.py")
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return mod


def run(capsys, *argv) -> tuple[int, str, str]:
    """``zhengce ARGV…`` in-process: (exit code, stdout, stderr)."""
    from zhengce.cli import main

    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@contextlib.contextmanager
def lock_held_elsewhere(index_dir):
    """The store's index lock held by another thread, on its own descriptor as another process would hold it
    (this thread's own hold is re-entered since round 32, so it cannot stand for another writer)."""
    from zhengce.index.lock import index_lock

    taken, done = threading.Event(), threading.Event()

    def hold():
        with index_lock(index_dir, wait=False):
            taken.set()
            done.wait(60)

    t = threading.Thread(target=hold, daemon=True)
    t.start()
    assert taken.wait(10), "the lock was not taken"
    try:
        yield
    finally:
        done.set()
        t.join(10)


def sidecar_store(tmp_path_factory, pages: dict, urls: dict):
    """A store ingested by the CLI from ``pages`` (file name -> text), each name in ``urls`` given that URL by a
    sidecar ``NAME.url`` file."""
    from zhengce.cli import main

    src = tmp_path_factory.mktemp("pages")
    for name, text in pages.items():
        (src / name).write_text(text, encoding="utf-8")
        if name in urls:
            (src / f"{name}.url").write_text(urls[name] + "\n", encoding="utf-8")
    store = tmp_path_factory.mktemp("store")
    assert main(["ingest", str(src), "--store", str(store), "--quiet", "--json"]) == 0
    return store
