"""Round 22: what a data-consumer sweep found (outputs a program reads) and a researcher's cell-by-cell audit."""
from __future__ import annotations

from pathlib import Path

from zhengce.ingest.document import normalize_file
from zhengce.nlp.extract import extract

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _nanning():
    return extract(normalize_file(next(CORPUS.glob("001_*.txt"))))


def test_a_measure_unit_has_the_full_name_its_body_has_at_document_level():
    # measure-level units had full_name null everywhere (0 of 505) while the document's list had 南宁市编办
    ex = _nanning()
    doc_full = {u.name: u.full_name for u in ex.units if u.full_name}
    measure_units = [u for m in ex.measures for u in m.units]
    assert doc_full and measure_units
    shared = [u for u in measure_units if u.name in doc_full]
    assert shared and all(u.full_name == doc_full[u.name] for u in shared)
    assert any(u.full_name == "南宁市编办" for u in measure_units)
    for m in ex.measures:       # offsets untouched
        for u in m.units:
            assert ex.document.text[u.start:u.end] == u.text


def test_normalize_names_a_file_as_extract_does_and_is_versioned(tmp_path, monkeypatch, capsys):
    # normalize's doc_id changed with the working folder (it hashed the path as typed) and it had no version
    import json

    import jsonschema

    from zhengce.cli import main
    from zhengce.schemas import load_schema
    page = next(CORPUS.glob("001_*.txt"))
    monkeypatch.chdir(CORPUS)
    assert main(["normalize", page.name]) == 0
    rel = json.loads(capsys.readouterr().out)
    monkeypatch.chdir(tmp_path)
    assert main(["extract", str(page), "--no-text"]) == 0
    ex = json.loads(capsys.readouterr().out)
    assert rel["doc_id"] == ex["doc_id"] and rel["source"] == ex["source"]
    assert rel["schema_version"] == ex["schema_version"]
    jsonschema.validate(rel, load_schema("document"))
    assert main(["schema", "tables"]) == 0
    tables = json.loads(capsys.readouterr().out)
    assert "duplicates" in tables["tables"] and tables["schema_version"]
