"""Faults: ``kill -9`` at random points of an ingest, over and over, never leaves the store broken or
out of step with its index in a way a sync cannot mend; the next run finishes the job with every
document exactly once; search keeps answering while another process ingests."""
from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from zhengce.doctor import check
from zhengce.pipeline import ingest_paths
from zhengce.store import Store

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
CITIES = ("柳州", "桂林", "梧州", "北海", "钦州", "玉林", "百色", "贺州", "河池", "来宾", "崇左", "防城港",
          "保定", "唐山", "邯郸", "邢台", "沧州", "廊坊", "衡水", "承德", "扬州", "镇江", "泰州", "盐城")
KILLS = 24
# what a kill may leave behind: the search and reuse indexes one sync behind the store, files of
# the interrupted sync. Anything else (a broken sqlite file, orphans, index parts that disagree
# with each other, a broken reuse index) would be a real fault.
MENDABLE = {"index_missing", "index_stale", "reuse_behind", "leftovers"}

pytestmark = pytest.mark.timeout(600)


def build_corpus(root: Path, n_docs: int, rng: random.Random) -> int:
    """Small policy documents cut from corpus/ texts, each moved to a city with a measure of its own.

    Every 20th file is a byte copy of the one before (a duplicate); returns the number of
    distinct texts.
    """
    root.mkdir(parents=True, exist_ok=True)
    seeds = [[ln for ln in p.read_text(encoding="utf-8").split("\n") if ln.strip()]
             for p in sorted(CORPUS.glob("*.txt"))]
    distinct = 0
    prev = None
    for i in range(n_docs):
        sub = root / f"part{i % 4}"
        sub.mkdir(exist_ok=True)
        if i % 20 == 19 and prev is not None:
            (sub / f"doc{i:04d}.txt").write_text(prev, encoding="utf-8")
            continue
        lines = seeds[i % len(seeds)]
        start = rng.randrange(3, max(4, len(lines) - 6))
        city = CITIES[i % len(CITIES)]
        text = "\n".join([f"{city}市人民政府办公室关于印发{city}市促进创业就业若干措施的通知",
                          *lines[start:start + 5],
                          f"{city}市对新认定的众创空间给予一次性奖励{i + 1}万元，由市科技局负责。"])
        (sub / f"doc{i:04d}.txt").write_text(text, encoding="utf-8")
        prev = text
        distinct += 1
    return distinct


def _ingest_cmd(root: Path, store: Path, embed: bool, workers: int, progress: bool = False) -> list[str]:
    cmd = [sys.executable, "-m", "zhengce", "ingest", str(root), "--store", str(store), "--workers", str(workers)]
    cmd += ["--progress"] if progress else ["--quiet", "--json"]
    return cmd if embed else cmd + ["--no-embed"]


def _phase(log: Path) -> str:
    """Where a killed run was: ``start`` (no document yet), ``ingest`` (documents being written) or
    ``index`` (every document written: the index sync, when embedding is on)."""
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "start"
    done = re.findall(r"ingest: (\d+)/(\d+)", text)
    if not done:
        return "start"
    a, b = done[-1]
    return "index" if a == b else "ingest"


def _store_sound(store_dir: Path) -> None:
    db = sqlite3.connect(store_dir / "zhengce.db", timeout=30)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT count(*) FROM measures WHERE doc_id NOT IN "
                          "(SELECT doc_id FROM documents)").fetchone()[0] == 0
        # no text stored twice as a primary document
        assert db.execute("SELECT count(*) FROM (SELECT content_hash FROM documents WHERE duplicate_of IS NULL "
                          "GROUP BY content_hash HAVING count(*) > 1)").fetchone()[0] == 0
        # every document's measures are complete: ordinals 0..n-1 without a gap
        assert db.execute("SELECT count(*) FROM (SELECT doc_id FROM measures GROUP BY doc_id "
                          "HAVING max(ordinal) + 1 <> count(*))").fetchone()[0] == 0
    finally:
        db.close()


def _snapshot(store_dir: Path) -> tuple:
    db = sqlite3.connect(store_dir / "zhengce.db")
    try:
        docs = db.execute("SELECT source, content_hash, duplicate_of IS NOT NULL FROM documents "
                          "ORDER BY source").fetchall()
        ms = db.execute("SELECT d.source, m.ordinal, m.text, m.amounts FROM measures m JOIN documents d "
                        "USING(doc_id) ORDER BY d.source, m.ordinal").fetchall()
        return docs, ms
    finally:
        db.close()


@pytest.mark.slow
def test_kill9_loop(tmp_path):
    rng = random.Random(int(os.environ.get("ZHENGCE_FAULT_SEED", "6")))
    root = tmp_path / "in"
    distinct = build_corpus(root, 160, rng)
    files = sorted(root.rglob("*.txt"))
    store = tmp_path / "store"
    problems_repaired_at: dict[int, bool] = {}
    phases: Counter = Counter()
    landed = runs = 0
    hi = {False: 3.0, True: 8.0}       # upper bound of the kill delay, adapted to how long runs take
    t_start = time.monotonic()
    while landed < KILLS and runs < 3 * KILLS:
        embed = runs % 3 == 2
        workers = 2 if runs % 4 == 1 else 1
        runs += 1
        log = tmp_path / f"run{runs}.log"
        with open(log, "wb") as err:
            proc = subprocess.Popen(_ingest_cmd(root, store, embed, workers, progress=True), cwd=REPO,
                                    stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        time.sleep(rng.uniform(0.3, hi[embed]))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)     # the ingest and any worker processes it started
            landed += 1
            phases[_phase(log)] += 1
            hi[embed] = min(hi[embed] * 1.1, 12.0)
        else:
            hi[embed] = max(0.6, hi[embed] * 0.7)   # the run finished first: aim earlier next time
        proc.wait(timeout=30)
        if not (store / "zhengce.db").exists():
            continue                                 # killed before the store was created
        _store_sound(store)
        with Store(store, readonly=True) as s:
            problems = check(s)
        assert {p["kind"] for p in problems} <= MENDABLE, problems
        # change some inputs so every run has work to do (updates delete and re-add measures);
        # the duplicate pairs (files 18/19 of every 20) stay byte-identical
        for f in rng.sample(files, 48):   # enough work that a kill lands mid-run on a fast machine too
            if int(f.stem[3:]) % 20 in (18, 19):
                continue
            f.write_text(f.read_text(encoding="utf-8") + f"\n第{runs}次修订：补贴标准提高{runs}%。",
                         encoding="utf-8")
        if landed in (8, 16) and not problems_repaired_at.get(landed):
            problems_repaired_at[landed] = True
            r = subprocess.run([sys.executable, "-m", "zhengce", "doctor", "--store", str(store), "--repair"],
                               cwd=REPO, capture_output=True, text=True, timeout=300)
            assert r.returncode == 0, r.stdout + r.stderr
            with Store(store, readonly=True) as s:
                assert check(s) == []
    assert landed >= KILLS, f"only {landed} of {runs} kills landed inside a run"
    # kills landed while documents were being written and while the index was being built
    print(f"{landed} kills in {runs} runs; where they landed: {dict(phases)}")
    assert phases["ingest"] >= 3 and phases["index"] >= 1, phases

    # the next run finishes the job
    r = subprocess.run(_ingest_cmd(root, store, True, 2), cwd=REPO, capture_output=True, text=True, timeout=400)
    assert r.returncode == 0, r.stderr
    _store_sound(store)
    with Store(store, readonly=True) as s:
        assert check(s) == []
        c = s.count()
        assert c["documents"] + c["duplicates"] == len(files)          # every file exactly once
        # one primary per distinct normalized text (files that differ only in what ingest
        # drops, such as trailing site chrome, are duplicates), never more than distinct files
        db = sqlite3.connect(store / "zhengce.db")
        n_texts = db.execute("SELECT count(DISTINCT content_hash) FROM documents").fetchone()[0]
        db.close()
        assert c["documents"] == n_texts <= len({f.read_bytes() for f in files}) <= distinct
        assert c["failures"] == 0, s.failures()
        from zhengce.index.search import Searcher

        sr = Searcher(s)
        assert len(sr) == c["measures"]
        hits = sr.search("众创空间 一次性奖励", top_k=5)
        assert hits and all("奖励" in h.text or "众创" in h.text for h in hits[:3])
    # and the store is the one an uninterrupted ingest makes
    with Store(tmp_path / "clean") as s:
        ingest_paths(s, [root])
    assert _snapshot(store) == _snapshot(tmp_path / "clean")
    assert time.monotonic() - t_start < 540


@pytest.mark.slow
def test_search_answers_while_ingesting(tmp_path):
    from zhengce.index.search import Searcher

    rng = random.Random(3)
    root = tmp_path / "in"
    build_corpus(root, 120, rng)
    store = tmp_path / "store"
    first = sorted(root.glob("part0/*.txt"))
    with Store(store) as s:
        ingest_paths(s, first)
        Searcher(s).sync()
    reader = Store(store, readonly=True)
    searcher = Searcher(reader)
    searcher.warm(background=False)
    proc = subprocess.Popen(_ingest_cmd(root, store, True, 1), cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    answered, reopened, latencies = 0, 0, []
    deadline = time.monotonic() + 300
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            t = time.perf_counter()
            hits = searcher.search("众创空间 奖励", top_k=5)
            latencies.append(time.perf_counter() - t)
            assert hits and all(h.text and h.source for h in hits)
            answered += 1
            if answered % 10 == 0:
                # a new reader sees a consistent index generation (the writer swaps manifests atomically);
                # one retry covers a reader that read the old manifest just before its files were removed
                for attempt in range(2):
                    try:
                        fresh = Searcher(reader)
                        break
                    except (FileNotFoundError, OSError):
                        if attempt:
                            raise
                assert fresh.search("创业", top_k=3, mode="bm25")
                reopened += 1
            time.sleep(0.02)
    finally:
        if proc.poll() is None:
            proc.kill()
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert answered >= 20 and reopened >= 2
    latencies.sort()
    assert latencies[len(latencies) // 2] < 1.0
    reader.close()
    with Store(store, readonly=True) as s:
        assert check(s) == []
        assert len(Searcher(s)) == s.count()["measures"]


@pytest.mark.parametrize("step", ["bm25", "catalog", "dense", "manifest"])
def test_crash_inside_index_persist(tmp_path, monkeypatch, step):
    """A crash between any two files of an index write leaves the previous generation readable."""
    from zhengce.index import search as search_mod
    from zhengce.index.bm25 import BM25Index
    from zhengce.index.dense import DenseIndex
    from zhengce.index.filters import Catalog
    from zhengce.index.search import Searcher

    rng = random.Random(1)
    root = tmp_path / "in"
    build_corpus(root, 12, rng)
    parts = sorted(root.glob("part*"))
    store_dir = tmp_path / "store"
    with Store(store_dir) as s:
        ingest_paths(s, parts[:2])
        Searcher(s).sync()
        before = len(Searcher(s))
        ingest_paths(s, parts[2:])

        class Crash(BaseException):
            pass

        def boom(*a, **k):
            raise Crash()

        target = {"bm25": (BM25Index, "save"), "catalog": (Catalog, "save"), "dense": (DenseIndex, "save")}
        if step == "manifest":
            real_replace = os.replace

            def replace(src, dst):
                if str(dst).endswith("manifest.json"):
                    raise Crash()               # every data file of the new generation is written
                return real_replace(src, dst)

            monkeypatch.setattr(search_mod.os, "replace", replace)
        else:
            monkeypatch.setattr(*target[step], boom)
        with pytest.raises(Crash):
            Searcher(s).sync()
        monkeypatch.undo()
        assert len(Searcher(s)) == before                     # the old generation still loads
        assert {p["kind"] for p in check(s)} <= MENDABLE
        check(s, repair=True)
        assert check(s) == []
        assert len(Searcher(s)) == s.count()["measures"] > before
