"""A store SQLite cannot read, or a --store that is a file: one clear line and exit 1, never a traceback
(found by a new-user sweep in round 19: every command ended in sqlite3.DatabaseError)."""
from __future__ import annotations

import pytest
from support import CORPUS, SEEDS

from zhengce.cli import main
from zhengce.pipeline import ingest_paths
from zhengce.store import DB_NAME, Store, StoreError


@pytest.fixture()
def damaged(tmp_path):
    store = Store(tmp_path / "s")
    ingest_paths(store, [CORPUS / SEEDS["nanning"]])
    store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store._conn.close()
    db = tmp_path / "s" / DB_NAME
    data = db.read_bytes()
    db.write_bytes(data[:len(data) // 3])           # a copy cut short
    for extra in ("-wal", "-shm"):
        (tmp_path / "s" / (DB_NAME + extra)).unlink(missing_ok=True)
    return tmp_path / "s"


@pytest.mark.parametrize("argv", [["status"], ["search", "补贴"], ["doctor"], ["export", "--format", "csv"]])
def test_every_command_says_the_store_is_unreadable(damaged, tmp_path, capsys, argv):
    if argv[0] == "export":
        argv = argv + ["--out", str(tmp_path / "out")]
    rc = main(argv + ["--store", str(damaged)])
    err = capsys.readouterr().err
    assert rc == 1
    assert "not a readable zhengce store" in err or "cannot be read" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_file_given_as_the_store(tmp_path, capsys):
    f = tmp_path / "afile"
    f.write_text("x")
    with pytest.raises(StoreError, match="is a file, not a store folder"):
        Store(f)
    assert main(["ingest", str(CORPUS / SEEDS["nanning"]), "--store", str(f)]) == 1
    assert "is a file, not a store folder" in capsys.readouterr().err


def test_the_web_page_answers_503_with_the_reason(damaged):
    from fastapi.testclient import TestClient

    from zhengce.web.app import create_app

    with TestClient(create_app(str(damaged), warm=False), base_url="http://127.0.0.1",
                    raise_server_exceptions=False) as c:
        r = c.get("/api/health")
    assert r.status_code == 503 and r.json()["error"] == "store_unreadable"
