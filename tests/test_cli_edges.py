"""Command-line edges found by a new-user sweep in round 19: what a script reading exit codes and stderr sees."""
from __future__ import annotations

import pytest
from support import CORPUS

from zhengce.cli import main


@pytest.fixture(scope="module")
def unindexed(tmp_path_factory):
    d = tmp_path_factory.mktemp("ne") / "s"
    assert main(["ingest", str(CORPUS), "--store", str(d), "--no-embed", "--quiet"]) == 0
    return d


def test_search_without_any_index_is_an_error_not_an_empty_answer(unindexed, capsys):
    for argv in (["search", "补贴"], ["compare", "哪些城市对众创空间给予房租补贴"]):
        assert main(argv + ["--store", str(unindexed), "--format", "json"]) == 1
        err = capsys.readouterr().err
        assert "no search index yet" in err and "zhengce embed" in err


def test_no_match_under_filters_says_which_filters(unindexed, capsys):
    assert main(["embed", "--store", str(unindexed), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["search", "众创空间", "--has-amount", "--instrument", "rent_subsidy", "--store", str(unindexed)]) == 0
    err = capsys.readouterr().err
    assert "with the filters" in err and "rent_subsidy" in err


def test_an_xlsx_cell_too_long_for_excel_is_cut_visibly_and_warned(tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl")
    from support import SEEDS
    seed = (CORPUS / SEEDS["nanning"]).read_text(encoding="utf-8")
    long = tmp_path / "long.txt"
    long.write_text(seed + "\n" + "\n".join(f"({i})对众创空间给予房租补贴。" + "各地要加强统筹，落实政策。" * 20
                                for i in range(150)), encoding="utf-8")
    store = tmp_path / "s"
    assert main(["ingest", str(long), "--store", str(store), "--no-embed", "--quiet"]) == 0
    capsys.readouterr()
    out = tmp_path / "all.xlsx"
    assert main(["export", "--format", "xlsx", "-o", str(out), "--store", str(store)]) == 0
    err = capsys.readouterr().err
    assert "warning:" in err and "32,767" in err
    ws = openpyxl.load_workbook(out)["documents"]
    texts = [c.value for c in next(ws.iter_cols()) if c.value]   # any column: find the long cells below
    cells = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "…[cut " in c.value]
    assert cells and all(len(v) <= 32767 for v in cells) and texts


def test_xlsx_rows_keep_scraped_text_as_text():
    openpyxl = pytest.importorskip("openpyxl")
    from zhengce.render import xlsx_append
    ws = openpyxl.Workbook().active
    ws.append(["header"])
    assert xlsx_append(ws, ["=HYPERLINK(\"http://x\")", 3, None]) == 0
    assert xlsx_append(ws, ["正文", "=1+1"]) == 0
    assert ws.cell(row=2, column=1).data_type == "s" and ws.cell(row=3, column=2).data_type == "s"
    assert ws.cell(row=2, column=2).value == 3


def test_csv_cells_never_open_as_formulas_in_a_spreadsheet():
    import csv
    import io

    from zhengce.render import csv_text
    rows = [{"a": "=HYPERLINK(\"http://x\",\"点击\")", "b": -5, "c": "-3.5"},
            {"a": "@SUM(A1)", "b": "+86 10 1234", "c": "正文=1"},
            {"a": "\t=1+1", "b": ["=x"], "c": None},
            {"a": "=", "b": "+", "c": "-"}]
    got = list(csv.reader(io.StringIO(csv_text(rows, ["a", "b", "c"]))))
    assert got[1] == ["'=HYPERLINK(\"http://x\",\"点击\")", "-5", "-3.5"]     # numbers stay numbers
    assert got[2] == ["'@SUM(A1)", "'+86 10 1234", "正文=1"]                   # = inside text is harmless
    assert got[3][0] == "'\t=1+1" and got[3][1] == "'=x" and got[3][2] == ""
    assert got[4] == ["=", "+", "-"]          # a bare comparator or sign (a target's =) is no formula


def test_checked_options_refuse_unknown_values_before_any_work(unindexed, capsys, tmp_path):
    s = ["--store", str(unindexed)]
    assert main(["search", "补贴", "--doc-type", "不存在"] + s) == 2
    assert "unknown doc_type" in capsys.readouterr().err
    assert main(["search", "补贴", "--doc-type", "暂行办法", "--format", "json"] + s) == 0    # stored as 办法
    capsys.readouterr()
    for bad in ("1.5", "-1"):
        assert main(["compare", "补贴", "--min-match", bad] + s) == 2
        assert "between 0 and 1" in capsys.readouterr().err
    assert main(["compare", "补贴", "--plot", str(tmp_path / "out.jpg")] + s) == 2      # a usage error
    out, err = capsys.readouterr()
    assert "--plot: wants" in err and not out.strip()         # refused before the table is printed


def test_an_empty_store_variable_is_the_default_store(monkeypatch):
    from zhengce.store import default_store_path
    monkeypatch.setenv("ZHENGCE_STORE", "")
    assert str(default_store_path()) == "zhengce-store"


def test_a_broken_link_in_a_folder_is_reported_and_extract_names_a_folder(tmp_path, capsys):
    from support import SEEDS
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text((CORPUS / SEEDS["nanning"]).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").symlink_to(tmp_path / "gone.txt")
    assert main(["ingest", str(folder), "--store", str(tmp_path / "s"), "--no-embed", "--quiet"]) == 1
    out, err = capsys.readouterr()
    assert "b.txt" in out + err and "1 of 2 files failed" in err     # the link named, exit 1 as for any failure
    from zhengce.store import Store
    with Store(tmp_path / "s") as st:
        assert "a link to" in st.failures()[0]["detail"] and "gone.txt" in st.failures()[0]["detail"]
    assert main(["extract", str(folder)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_a_district_filter_takes_the_names_compare_prints():
    from zhengce.errors import InvalidParam
    from zhengce.params import make_filters

    def f(**kw):
        x = make_filters(**kw)
        return x.province, x.city, x.district
    assert f(district="深圳市福田区") == ("广东省", "深圳市", "福田区")
    assert f(district="福田区") == ("广东省", "深圳市", "福田区")
    assert f(city="深圳市福田区") == ("广东省", "深圳市", "福田区")      # the row name compare prints
    assert f(city="北京市", district="朝阳区") == ("北京市", None, "朝阳区")
    with pytest.raises(InvalidParam, match="北京市朝阳区 or 长春市朝阳区"):
        make_filters(district="朝阳区")
    with pytest.raises(InvalidParam, match="not in 南宁市"):
        make_filters(district="福田区", city="南宁市")


def test_an_index_written_before_the_district_column_asks_for_a_rebuild(tmp_path):
    import numpy as np

    from zhengce.errors import IndexDamaged
    from zhengce.index.filters import Catalog, Filters
    c = Catalog()
    c.add_blank(np.arange(3))
    c.save(str(tmp_path / "cat.npz"))
    with np.load(tmp_path / "cat.npz") as z:             # the same catalog as an older version wrote it
        old = {k: z[k] for k in z.files if k != "code_district"}
    np.savez(tmp_path / "old.npz", **old)
    back = Catalog.load(str(tmp_path / "old.npz"))
    assert back.missing == {"district"} and back.mask(Filters(city="南宁市")) is not None
    with pytest.raises(IndexDamaged, match="district"):
        back.mask(Filters(district="福田区"))
    back.save(str(tmp_path / "again.npz"))              # rows added since do not make the old ones filterable
    assert Catalog.load(str(tmp_path / "again.npz")).missing == {"district"}


def test_an_output_path_that_cannot_be_written_is_one_line_not_a_traceback(tmp_path, capsys):
    from zhengce.cli import main
    page = next(p for p in sorted(CORPUS.iterdir()) if p.is_file() and p.suffix in (".txt", ".html", ".htm"))
    assert main(["extract", str(page), "-o", str(tmp_path)]) == 2     # a folder: said before the work (usage)
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(tmp_path) in err and err.count("\n") == 1


def test_serve_and_ingest_check_their_numbers(tmp_path, capsys):
    from zhengce.cli import main
    assert main(["serve", "--port", "99999", "--store", str(tmp_path / "s")]) == 2
    assert main(["ingest", str(tmp_path), "--workers", "0", "--store", str(tmp_path / "s")]) == 2
    assert main(["ingest", str(tmp_path), "--time-limit", "-1", "--store", str(tmp_path / "s")]) == 2
    err = capsys.readouterr().err
    assert "--port must be 0 to 65535" in err and "--workers must be 1 or more" in err and "--time-limit" in err


def test_an_output_name_that_contradicts_the_format_is_refused_before_any_work(tmp_path, capsys):
    page = next(p for p in sorted(CORPUS.iterdir()) if p.is_file() and p.suffix in (".txt", ".html", ".htm"))
    assert main(["extract", str(page), "--format", "json", "-o", str(tmp_path / "items.csv")]) == 2   # json, .csv
    assert not (tmp_path / "items.csv").exists()
    assert "--format is json" in capsys.readouterr().err
    # no --format: -o's suffix says which
    assert main(["extract", str(page), "-o", str(tmp_path / "items.csv")]) == 0
    assert (tmp_path / "items.csv").read_text(encoding="utf-8-sig").startswith("source,doc_id,")


def test_an_output_name_whose_suffix_the_command_does_not_write_is_refused(tmp_path, capsys):
    # round 21's sweep: -o c.docx wrote the text table, -o x.xlsx the JSON, under those names
    page = next(p for p in sorted(CORPUS.iterdir()) if p.is_file() and p.suffix in (".txt", ".html", ".htm"))
    for name in ("x.xlsx", "x.docx"):
        assert main(["extract", str(page), "-o", str(tmp_path / name)]) == 2
        assert not (tmp_path / name).exists()
        assert "does not write" in capsys.readouterr().err
    assert main(["extract", str(page), "-o", str(tmp_path / "x.docx"), "--format", "json"]) == 0   # said outright
    assert main(["extract", str(page), "-o", str(tmp_path / "plain")]) == 0                        # no suffix: default


def test_demo_as_json_is_one_json_document(tmp_path, capsys):
    import json
    assert main(["demo", "--format", "json", "--store", str(tmp_path / "d")]) == 0
    docs = json.loads(capsys.readouterr().out)          # markdown headings between documents broke this
    assert [d["query"] for d in docs] == ["哪些城市对众创空间给予房租补贴", "which cities subsidize maker-space rent"]
    assert all(d["schema_version"] and d["rows"] for d in docs)


def test_bad_values_found_by_the_round_21_sweep_are_usage_errors(tmp_path, capsys):
    page = next(p for p in sorted(CORPUS.iterdir()) if p.is_file() and p.suffix in (".txt", ".html", ".htm"))
    assert main(["extract", str(page), "--max-bytes", "-5"]) == 2
    assert "--max-bytes must be 0 or more" in capsys.readouterr().err
    empty = tmp_path / "pics"
    empty.mkdir()
    (empty / "x.jpg").write_bytes(b"\xff\xd8")
    assert main(["ingest", str(empty), "--store", str(tmp_path / "s"), "--no-embed", "--quiet"]) == 0
    assert "no file with a suffix zhengce reads" in capsys.readouterr().err


def test_a_plot_or_embedder_name_that_cannot_be_honoured_exits_2(unindexed, capsys):
    assert main(["compare", "房租补贴", "--store", str(unindexed), "--plot", "x.jpg"]) == 2
    assert "--plot" in capsys.readouterr().err
    assert main(["search", "房租补贴", "--store", str(unindexed), "--embedder", "foo"]) == 2
    assert "unknown embedder 'foo'" in capsys.readouterr().err


def test_saved_json_records_the_filters_in_the_shape_the_web_gives(unindexed, capsys):
    import json

    import jsonschema

    from zhengce.schemas import load_schema
    s = ["--store", str(unindexed), "--format", "json"]
    assert main(["embed", "--store", str(unindexed), "--quiet"]) == 0      # (a no-op when built already)
    capsys.readouterr()
    assert main(["search", "房租补贴", "--province", "广西"] + s) == 0
    body = json.loads(capsys.readouterr().out)
    jsonschema.validate(body, load_schema("search"))
    assert body["filters"] == {"province": "广西壮族自治区"} and body["count"] == len(body["hits"])
    assert main(["compare", "房租补贴", "--level", "city"] + s) == 0
    body = json.loads(capsys.readouterr().out)
    jsonschema.validate(body, load_schema("compare"))
    assert body["filters"] == {"level": "city"} and body["min_match"] == 0.0


def test_export_reads_the_format_from_an_xlsx_name_and_refuses_a_folder_named_like_a_file(unindexed, tmp_path,
                                                                                            capsys):
    # round 21's second sweep: -o out.xlsx without --format wrote a folder of CSVs named out.xlsx
    s = ["--store", str(unindexed)]
    assert main(["export", "-o", str(tmp_path / "out.xlsx")] + s) == 0
    assert (tmp_path / "out.xlsx").is_file()
    for argv in (["-o", str(tmp_path / "out.parquet")], ["--format", "jsonl", "-o", str(tmp_path / "one.jsonl")],
                 ["--format", "xlsx", "-o", str(tmp_path / "folder")], ["-o", str(tmp_path / ".xlsx")],
                 ["--format", "xlsx", "-o", str(tmp_path / ".xlsx")]):
        assert main(["export"] + argv + s) == 2, argv
        assert "-o" in capsys.readouterr().err
    assert not (tmp_path / "out.parquet").exists() and not (tmp_path / "one.jsonl").exists()
    assert not (tmp_path / ".xlsx").exists()    # a bare suffix had written a hidden CSV folder


def test_machine_output_gets_its_errors_as_json_too(unindexed, tmp_path, capsys):
    # round 22's data sweep: `ingest --json` on a missing path wrote a sentence, which a script parsing
    # stderr as the JSON it asked for could not read; words stay the default
    import json

    assert main(["ingest", str(tmp_path / "nowhere"), "--store", str(tmp_path / "s"), "--json"]) == 2
    err = json.loads(capsys.readouterr().err)
    assert err == {"error": "usage", "command": "ingest", "message": f"{tmp_path / 'nowhere'}: no such file or folder"}
    assert main(["search", "补贴", "--top-k", "0", "--store", str(unindexed), "--format", "json"]) == 2
    err = json.loads(capsys.readouterr().err)
    assert err["error"] == "usage" and err["command"] == "search" and "top" in err["message"]
    assert main(["ingest", str(tmp_path / "nowhere"), "--store", str(tmp_path / "s")]) == 2
    assert capsys.readouterr().err.startswith("zhengce ingest: ")


def test_doctor_json_names_each_problem_with_its_kind(tmp_path, capsys):
    import json

    from support import SEEDS
    st = tmp_path / "s"
    assert main(["ingest", str(CORPUS / SEEDS["nanning"]), "--store", str(st), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["doctor", "--store", str(st), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"ok": True, "problems": []}
    for f in (st / "index").glob("*.faiss"):
        f.unlink()                      # the vectors gone: the index no longer answers
    assert main(["doctor", "--store", str(st), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False and out["problems"]
    assert all(set(p) == {"kind", "message", "repaired"} and p["repaired"] is False for p in out["problems"])
    assert {p["kind"] for p in out["problems"]} <= {"index_missing", "index_broken", "index_stale"}


@pytest.mark.parametrize("argv, command, words", [
    (["search", "x", "--format", "json", "--top-k", "abc"], "search", "invalid int value"),
    (["search", "x", "--format=json", "--bogus"], "search", "unrecognized arguments: --bogus"),
    (["ingest", "--json"], "ingest", "required: PATH"),
])
def test_argument_errors_are_json_too_when_json_was_asked(argv, command, words, capsys):
    # the review of round 23: argparse's own errors came as words although the line asked for JSON
    import json
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 2
    err = json.loads(capsys.readouterr().err)
    assert err["error"] == "usage" and err["command"] == command and words in err["message"]


def test_dash_as_output_is_stdout_and_refused_for_a_workbook(tmp_path, capsys, monkeypatch):
    # -o - wrote a file named '-'; it is standard output now, except for formats no terminal reads
    monkeypatch.chdir(tmp_path)
    page = next(p for p in sorted(CORPUS.iterdir()) if p.is_file() and p.suffix in (".txt", ".html", ".htm"))
    assert main(["extract", str(page), "--format", "jsonl", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("{") and not (tmp_path / "-").exists()
    assert main(["compare", "房租", "--format", "xlsx", "-o", "-", "--store", str(tmp_path / "s")]) == 2
    assert "xlsx is a binary file" in capsys.readouterr().err and not (tmp_path / "-").exists()
