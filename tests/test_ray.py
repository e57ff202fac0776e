"""The Ray engine: same stage function as Ray Data tasks, single writer, same store as a plain ingest."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="ray is not installed (pip install 'zhengce[ray]')")
pytest.importorskip("ray.data", reason="ray[data] is not installed")

from zhengce.engines import ingest_with_ray  # noqa: E402
from zhengce.pipeline import ingest_paths  # noqa: E402
from zhengce.store import Store  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

pytestmark = [pytest.mark.timeout(300), pytest.mark.slow,
              pytest.mark.filterwarnings("ignore::DeprecationWarning")]   # Ray Data's own, on context access


@pytest.fixture(scope="module")
def local_ray():
    started = not ray.is_initialized()
    if started:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    if started:
        ray.shutdown()


def _inputs(tmp_path: Path) -> Path:
    """corpus/ plus generated variants: a renamed city, an exact duplicate, a bad file."""
    root = tmp_path / "in"
    root.mkdir()
    for p in sorted(CORPUS.glob("*.txt")):
        (root / p.name).write_bytes(p.read_bytes())
    seed = (CORPUS / "001_b0a6d818020c8865.txt").read_text(encoding="utf-8")
    (root / "gen_liuzhou.txt").write_text(seed.replace("南宁", "柳州"), encoding="utf-8")
    (root / "gen_guilin.html").write_text(
        "<html><body><div class=content><p>" + seed.replace("南宁", "桂林").replace("\n", "</p><p>")
        + "</p></div></body></html>", encoding="utf-8")
    (root / "gen_copy.txt").write_text(seed, encoding="utf-8")          # duplicate of 001
    (root / "gen_binary.html").write_bytes(b"\x1f\x8b" + b"\0" * 100)    # a gzip named .html
    return root


def _snapshot(store_dir: Path) -> dict:
    db = sqlite3.connect(store_dir / "zhengce.db")
    return {
        "documents": db.execute("SELECT source, content_hash, duplicate_of, title, doc_number, issue_date, "
                                "province, city FROM documents ORDER BY source").fetchall(),
        "measures": db.execute('SELECT d.source, m.ordinal, m.id, m.kind, m.text, m.start, m."end", m.amounts, '
                               "m.units, m.deadlines FROM measures m JOIN documents d USING(doc_id) "
                               "ORDER BY d.source, m.ordinal").fetchall(),
        "failures": db.execute("SELECT source, reason FROM failures ORDER BY source").fetchall(),
    }


def test_ray_ingest_equals_plain_ingest(local_ray, tmp_path):
    root = _inputs(tmp_path)
    with Store(tmp_path / "plain") as s:
        plain = ingest_paths(s, [root])
    with Store(tmp_path / "ray") as s:
        seen = []
        rep = ingest_with_ray(s, [root], progress=lambda i, n: seen.append((i, n)))
    assert (rep.new, rep.duplicate, len(rep.failed)) == (plain.new, plain.duplicate, len(plain.failed))
    assert rep.new == 7 and rep.duplicate == 1 and [f["reason"] for f in rep.failed] == ["binary"]
    assert seen[-1] == (9, 9)
    a, b = _snapshot(tmp_path / "plain"), _snapshot(tmp_path / "ray")
    assert len(a["measures"]) > 100
    assert a == b
    assert ray.is_initialized()   # a Ray the caller started is left running


def test_ray_rerun_skips_unchanged(local_ray, tmp_path):
    root = _inputs(tmp_path)
    with Store(tmp_path / "s") as s:
        ingest_with_ray(s, [root])
        (root / "gen_liuzhou.txt").write_text(
            (CORPUS / "001_b0a6d818020c8865.txt").read_text(encoding="utf-8").replace("南宁", "钦州"),
            encoding="utf-8")
        rep = ingest_with_ray(s, [root])
        assert (rep.new, rep.updated, rep.unchanged) == (0, 1, 7)
        assert s.count()["documents"] == 7


def test_pipeline_engine_parameter(local_ray, tmp_path):
    with Store(tmp_path / "s") as s:
        rep = ingest_paths(s, [CORPUS], engine="ray")
        assert rep.new == 5 and not rep.failed
    with pytest.raises(ValueError):
        ingest_paths(Store(tmp_path / "t"), [CORPUS], engine="spark")


def test_embed_with_ray_matches_local_sync(local_ray, tmp_path):
    from zhengce.doctor import check
    from zhengce.engines import embed_with_ray
    from zhengce.index.search import Searcher

    seeds = [CORPUS / "000_a72e55d757611b23.txt", CORPUS / "004_f249a5bce850aff6.txt"]
    results = {}
    for how in ("local", "ray"):
        with Store(tmp_path / how) as s:
            ingest_paths(s, seeds)
            info = embed_with_ray(s, actors=2) if how == "ray" else Searcher(s).sync()
            assert info["added"] == s.count()["measures"] > 10
            assert check(s) == []
            sr = Searcher(s)
            results[how] = [[(h.measure_id, round(h.score, 4)) for h in sr.search(q, top_k=5)]
                            for q in ("创业培训补贴", "business incubator rent subsidy", "科技成果转化")]
    assert results["ray"] == results["local"]
    assert any(results["local"])


def test_ray_tasks_keep_the_time_bound(local_ray, tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    # under the 1M-character limit, so only the time bound can stop it
    (root / "slow.txt").write_text("支持企业发展，给予补贴10万元。" * 60_000, encoding="utf-8")   # 60,000 provisions: seconds of extraction
    (root / "ok.txt").write_bytes((CORPUS / "004_f249a5bce850aff6.txt").read_bytes())
    with Store(tmp_path / "s") as s:
        rep = ingest_with_ray(s, [root], time_limit=0.5)
    assert rep.new == 1 and [f["reason"] for f in rep.failed] == ["timeout"]
