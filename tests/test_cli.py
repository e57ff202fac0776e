"""Every CLI command, run in-process (fast) and once as the real console script."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zhengce.cli import main
from zhengce.schemas import load_schema

from conftest import CORPUS, SEEDS

jsonschema = pytest.importorskip("jsonschema")


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("store")
    assert main(["ingest", str(CORPUS), "--store", str(d), "--quiet", "--json"]) == 0
    return d


def test_ingest_summary_and_rerun_is_noop(store_dir, capsys, tmp_path):
    code, out, _ = run(capsys, "ingest", CORPUS, "--store", store_dir, "--json", "--quiet")
    rep = json.loads(out)
    assert code == 0 and rep["unchanged"] == 5 and rep["new"] == 0 and rep["failed"] == []
    # a broken file in the batch is reported with its reason and costs nothing else
    src = tmp_path / "in"
    shutil.copytree(CORPUS, src)
    (src / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (src / "empty.txt").write_bytes(b"")
    code, out, _ = run(capsys, "ingest", src, "--store", tmp_path / "s2", "--quiet")
    assert code == 0
    assert "failed" in out and "broken.html" in out and "binary" in out and "empty" in out
    assert "5 documents" in out or "documents" in out


def test_ingest_missing_path(capsys, tmp_path):
    code, _, err = run(capsys, "ingest", tmp_path / "nope", "--store", tmp_path / "s")
    assert code == 2 and "no such file" in err


def test_normalize_prints_contract_fields(capsys):
    code, out, _ = run(capsys, "normalize", CORPUS / SEEDS["qinghai"])
    d = json.loads(out)
    assert code == 0
    for k in ("source", "text", "original_text", "title", "doc_type", "issuer", "doc_number", "issue_date",
              "region", "script", "repairs", "masked_count"):
        assert k in d
    assert d["region"]["province"] == "青海省" and d["script"] == "traditional"
    assert "(guān)" not in d["text"]


def test_normalize_bad_file(capsys, tmp_path):
    p = tmp_path / "x.html"
    p.write_bytes(b"")
    code, _, err = run(capsys, "normalize", p)
    assert code == 1 and "empty" in err


def test_extract_json_validates_against_schema(capsys):
    code, out, _ = run(capsys, "extract", CORPUS / SEEDS["nanning"])
    d = json.loads(out)
    jsonschema.validate(d, load_schema("extraction"))
    assert code == 0 and d["measures"]
    for m in d["measures"]:
        for field in ("amounts", "deadlines", "units", "targets"):
            for it in m[field]:
                assert d["text"][it["start"]:it["end"]] == it["text"]


def test_extract_jsonl_and_csv(capsys):
    files = [CORPUS / SEEDS["nanning"], CORPUS / SEEDS["qinghai"]]
    code, out, _ = run(capsys, "extract", *files, "--format", "jsonl", "--no-text")
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 2 and "original_text" not in json.loads(lines[0])
    code, out, _ = run(capsys, "extract", *files, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["field"] for r in rows} >= {"amount", "deadline", "unit"}
    assert {r["city"] for r in rows} >= {"南宁市"}


def test_schema_command(capsys):
    code, out, _ = run(capsys, "schema", "--list")
    assert out.split() == ["extraction", "search", "compare"]
    code, out, _ = run(capsys, "schema", "compare")
    assert json.loads(out)["title"] == "zhengce comparison"


def test_search_formats(store_dir, capsys):
    q = "众创空间 房租补贴"
    code, out, _ = run(capsys, "search", q, "--store", store_dir, "--format", "json", "--top-k", "5")
    d = json.loads(out)
    jsonschema.validate(d, load_schema("search"))
    assert code == 0 and d["query"] == q and 0 < len(d["hits"]) <= 5
    assert all(h["source"] for h in d["hits"])
    for fmt in ("table", "csv", "markdown"):
        code, out, _ = run(capsys, "search", q, "--store", store_dir, "--format", fmt)
        assert code == 0 and out.strip()
    code, out, _ = run(capsys, "search", q, "--store", store_dir, "--level", "province", "--format", "json")
    assert all(h["region"]["level"] == "province" for h in json.loads(out)["hits"])


def test_compare_formats(store_dir, capsys, tmp_path):
    q = "哪些城市对众创空间给予房租补贴"
    code, out, _ = run(capsys, "compare", q, "--store", store_dir, "--format", "json")
    d = json.loads(out)
    jsonschema.validate(d, load_schema("compare"))
    assert code == 0 and d["rows"] and all(r["source"] for r in d["rows"])
    for fmt in ("table", "markdown", "csv", "html"):
        code, out, _ = run(capsys, "compare", q, "--store", store_dir, "--format", fmt)
        assert code == 0 and out.strip()
    x = tmp_path / "c.xlsx"
    code, _, _ = run(capsys, "compare", q, "--store", store_dir, "--format", "xlsx", "-o", x)
    assert code == 0 and x.stat().st_size > 1000
    code, _, err = run(capsys, "compare", q, "--store", store_dir, "--format", "xlsx")
    assert code == 2 and "-o" in err


def test_status_export_doctor(store_dir, capsys, tmp_path):
    code, out, _ = run(capsys, "status", "--store", store_dir)
    assert code == 0 and json.loads(out)["documents"] == 5
    code, out, _ = run(capsys, "export", "--store", store_dir, "--format", "csv", "-o", tmp_path / "ex")
    assert code == 0 and (tmp_path / "ex" / "amounts.csv").is_file()
    code, out, _ = run(capsys, "doctor", "--store", store_dir)
    assert code == 0, out


def test_missing_store_is_clear(capsys, tmp_path):
    code, _, err = run(capsys, "search", "x", "--store", tmp_path / "none")
    assert code == 1 and "no zhengce store" in err


def test_console_script_demo(tmp_path):
    exe = Path(sys.executable).with_name("zhengce")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "zhengce"]
    res = subprocess.run(cmd + ["demo", "--store", str(tmp_path / "demo")], capture_output=True,
                         text=True, encoding="utf-8", timeout=600)
    assert res.returncode == 0, res.stderr
    assert "哪些城市对众创空间给予房租补贴" in res.stdout and "which cities subsidize maker-space rent" in res.stdout
    assert "青海省" in res.stdout   # Qinghai's rent subsidy under 保障措施
