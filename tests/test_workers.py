"""--workers N: N processes run the stages, one writer; the store equals a one-process ingest."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zhengce.pipeline import ingest_paths
from zhengce.store import Store

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
CITIES = ("柳州", "桂林", "梧州", "北海", "钦州", "玉林", "百色", "贺州")

pytestmark = pytest.mark.timeout(180)


def variant(text: str, city: str, k: int) -> str:
    """The text moved to another city, with one added measure so its content differs."""
    lines = text.replace("南宁", city).replace("南通", city).split("\n")
    mid = len(lines) // 2
    return "\n".join(lines[:mid] + [f"{city}市对新认定的众创空间给予一次性奖励{k}万元。"] + lines[mid:])


def _corpus(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for p in sorted(CORPUS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        (root / p.name).write_text(text, encoding="utf-8")
        for k, c in enumerate(CITIES[:4], 1):
            (root / f"{p.stem}_{c}.txt").write_text(variant(text, c, k), encoding="utf-8")
    (root / "empty.html").write_bytes(b"")
    (root / "gz.html").write_bytes(b"\x1f\x8b\x08" + b"\0" * 64)
    (root / "dup.txt").write_bytes((CORPUS / "003_2f66007b48e19f9b.txt").read_bytes())
    return root


def _snapshot(db_path: Path) -> tuple:
    db = sqlite3.connect(db_path)
    docs = db.execute("SELECT source, content_hash, duplicate_of IS NOT NULL, city FROM documents "
                      "ORDER BY source").fetchall()
    ms = db.execute('SELECT d.source, m.ordinal, m.text, m.amounts FROM measures m JOIN documents d '
                    "USING(doc_id) ORDER BY d.source, m.ordinal").fetchall()
    fails = db.execute("SELECT source, reason FROM failures ORDER BY source").fetchall()
    return docs, ms, fails


@pytest.mark.slow
def test_two_workers_equal_one(tmp_path):
    root = _corpus(tmp_path / "in")
    with Store(tmp_path / "w1") as s:
        r1 = ingest_paths(s, [root], workers=1)
    with Store(tmp_path / "w2") as s:
        r2 = ingest_paths(s, [root], workers=2)
        assert s.integrity() == []
    assert (r1.new, r1.duplicate, len(r1.failed)) == (r2.new, r2.duplicate, len(r2.failed)) == (25, 1, 2)
    assert _snapshot(tmp_path / "w1" / "zhengce.db") == _snapshot(tmp_path / "w2" / "zhengce.db")
    assert {f["reason"] for f in r2.failed} == {"empty", "binary"}


@pytest.mark.slow
def test_workers_rerun_is_incremental(tmp_path):
    root = _corpus(tmp_path / "in")
    with Store(tmp_path / "s") as s:
        ingest_paths(s, [root], workers=2)
        (root / "000_a72e55d757611b23_柳州.txt").unlink()
        (root / "new.txt").write_text((CORPUS / "004_f249a5bce850aff6.txt").read_text(encoding="utf-8")
                                      .replace("南通", "扬州"), encoding="utf-8")
        r = ingest_paths(s, [root], workers=2)
        assert (r.new, r.updated, r.unchanged) == (1, 0, 25)


@pytest.mark.slow
def test_cli_workers_flag(tmp_path):
    root = _corpus(tmp_path / "in")
    out = subprocess.run([sys.executable, "-m", "zhengce", "ingest", str(root), "--store", str(tmp_path / "s"),
                          "--workers", "2", "--no-embed", "--json", "--quiet"],
                         capture_output=True, text=True, timeout=150, cwd=REPO)
    assert out.returncode == 1, out.stderr          # two files fail: the run says so, the rest is stored
    rep = json.loads(out.stdout)
    assert rep["new"] == 25 and rep["duplicate"] == 1 and len(rep["failed"]) == 2


def _touch_marker(path, **kw):
    from zhengce.pipeline import FileResult

    Path(str(path) + ".done").touch()
    return FileResult(str(path), skipped=True)


@pytest.mark.skipif(__import__("multiprocessing").get_start_method() != "fork",
                    reason="the stand-in stage function reaches the workers only when they are forked")
def test_results_in_flight_are_bounded(tmp_path, monkeypatch):
    """A writer that lags must not make the pool process (and hold) the whole corpus ahead of it."""
    import zhengce.pipeline as pl

    monkeypatch.setattr(pl, "process_file", _touch_marker)
    tasks = [pl.Task(str(tmp_path / f"f{i}"), 1, None, 1, None) for i in range(3000)]
    gen = pl._run(tasks, 2)
    next(gen)
    time.sleep(1.0)                                   # the writer stalls; workers run ahead of it
    ahead = len(list(tmp_path.glob("*.done")))
    chunk = min(32, len(tasks) // 16)
    assert ahead <= 2 * pl.IN_FLIGHT_PER_WORKER * chunk + chunk
    assert sum(1 for _ in gen) == len(tasks) - 1      # and every result still arrives, in order


def test_pool_workers_keep_the_time_bound(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    # under the 1M-character limit, so only the time bound can stop it
    (root / "slow.txt").write_text("支持企业发展，给予补贴10万元。" * 60_000, encoding="utf-8")   # 60,000 provisions: seconds of extraction
    for i in range(3):
        (root / f"ok{i}.txt").write_text(variant((CORPUS / "004_f249a5bce850aff6.txt").read_text(encoding="utf-8"),
                                                 CITIES[i], i + 1), encoding="utf-8")
    t = time.monotonic()
    with Store(tmp_path / "s") as s:
        rep = ingest_paths(s, [root], workers=2, time_limit=0.5)
    assert time.monotonic() - t < 20
    assert rep.new == 3 and [f["reason"] for f in rep.failed] == ["timeout"]
