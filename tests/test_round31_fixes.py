"""Round 31's new-user test: the library as a notebook user calls it (paths, filters, queries), the
diffusion analyses and not_policy pages, export suffixes, schemas that describe what is printed."""
from __future__ import annotations

import html
import os
import re
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


# ---------------------------------------------------------------- 2. not_policy out of the diffusion analyses
NEWS = ("北海市新闻：记者获悉，对经认定的众创空间，按照其实际缴纳房租的百分之五十给予房租补贴，每个众创空间每年最高补贴"
        "三十万元，补贴期限不超过三年，由市科技局会同市财政局负责审核拨付。")


@pytest.fixture(scope="module")
def news_searcher(tmp_path_factory):
    """The diffusion tests' hand-built store and a news page (not_policy) from a place of its own, dated first."""
    from test_diffusion import FIXTURE, _doc

    from zhengce.index.search import Searcher
    from zhengce.records import Region

    news = _doc("bh", Region("广西壮族自治区", "北海市", None, "city", "450500"), "2014-02-02", [("measure", NEWS)])
    news.document.not_policy = True
    st = Store(tmp_path_factory.mktemp("news") / "zc")
    for ex in FIXTURE + [news]:
        st.upsert(ex)
    s = Searcher(st)
    s.sync()
    return s


def _timeline_places(tl):
    return {a.place for xs in (tl.adoptions, tl.undated, tl.national, tl.unplaced) for a in xs}


def test_timeline_panel_instruments_and_edges_leave_not_policy_out_unless_asked(news_searcher):
    from zhengce.diffusion import diffusion, instrument_mix, panel, timeline

    q = "众创空间 房租补贴"
    assert "北海市" not in _timeline_places(timeline(news_searcher, q))
    assert timeline(news_searcher, q, include_not_policy=True).adoptions[0].place == "北海市"
    assert "北海市" not in set(panel(news_searcher, q)["place"])             # neither adopter nor at risk
    df = panel(news_searcher, q, include_not_policy=True)
    assert df.loc[df["place"] == "北海市", "adoption_year"].iloc[0] == 2014
    store = news_searcher.store
    for kw in ({}, {"searcher": news_searcher, "question": q}):
        assert "北海市" not in {r["place"] for r in instrument_mix(store, **kw)}
        assert "北海市" in {r["place"] for r in instrument_mix(store, include_not_policy=True, **kw)}
    linked = lambda edges: {d for e in edges for d in (e.source, e.target)}     # noqa: E731
    assert "bh" not in linked(diffusion(news_searcher, q))
    assert "bh" in linked(diffusion(news_searcher, q, include_not_policy=True))


def test_cli_and_web_take_compares_switch(news_searcher, tmp_path, capsys):
    from fastapi.testclient import TestClient

    from zhengce.cli import main
    from zhengce.web.app import create_app

    store, q = str(news_searcher.store.path), "众创空间 房租补贴"
    for cmd in (["timeline", q], ["instruments"]):
        assert main(cmd + ["--store", store, "--format", "json"]) == 0
        assert "北海市" not in capsys.readouterr().out
        assert main(cmd + ["--store", store, "--format", "json", "--include-not-policy"]) == 0
        assert "北海市" in capsys.readouterr().out
    for flag in ([], ["--include-not-policy"]):
        assert main(["panel", q, "--store", store, "-o", str(tmp_path / "p.csv"), *flag]) == 0
        assert ("北海市" in (tmp_path / "p.csv").read_text(encoding="utf-8-sig")) == bool(flag)
    c = TestClient(create_app(news_searcher.store.path, warm=False, allowed_hosts=["*"]))
    places = lambda **kw: [a["place"] for a in c.get("/api/timeline", params={"q": q, **kw}).json()["adoptions"]]  # noqa: E731
    assert "北海市" not in places() and places(include_not_policy="true")[0] == "北海市"
    assert c.get("/timeline.png", params={"q": q, "include_not_policy": "true"}).status_code == 200
    # the page honours the switch too, and its chart link carries it (a review: the page had ignored it)
    page = lambda **kw: html.unescape(c.get("/timeline", params={"q": q, **kw}).text)    # noqa: E731
    assert "北海市" not in page() and "北海市" in page(include_not_policy="true")
    assert "include_not_policy=True" in page(include_not_policy="true")
    assert c.get("/timeline", params={"q": q, "include_not_policy": "maybe"}).status_code == 422


# ---------------------------------------------------------------- 3. Filters from Python as the CLI reads them
@pytest.fixture(scope="module")
def corpus_searcher(tmp_path_factory):
    from zhengce.index.search import Searcher

    st = Store(tmp_path_factory.mktemp("corpus") / "zc")
    ingest_paths(st, CORPUS)
    s = Searcher(st)
    s.sync()
    return s


def test_filters_resolve_pinyin_and_short_names_as_the_cli_does(corpus_searcher):
    from zhengce.index.filters import Filters
    from zhengce.params import make_filters

    assert Filters(province="Guangxi").province == "广西壮族自治区"
    assert Filters(city="nanning", date_from="2016") == make_filters(city="Nanning", date_from="2016")
    hits = corpus_searcher.search("房租补贴", filters=Filters(province="Guangxi"))
    assert hits and {h.region.city for h in hits} == {"南宁市"}
    # a dict goes through the same builder, in search and compare
    assert [h.measure_id for h in corpus_searcher.search("房租补贴", filters={"province": "Guangxi"})] == \
        [h.measure_id for h in hits]
    from zhengce.index.compare import compare
    assert [r.place for r in compare(corpus_searcher, "房租补贴", filters={"city": "南宁"})] == ["南宁市"]


@pytest.mark.parametrize("kw, says", [
    ({"level": "City"}, "unknown level 'City'; one of national, province, city, district"),
    ({"province": "Atlantis"}, "unknown province 'Atlantis'; one of 北京市"),
    ({"date_from": "2016-13"}, "date_from"),
    ({"provnce": "广西"}, "unknown filter 'provnce'; one of province, city"),
])
def test_a_bad_filter_is_a_value_error_naming_it_and_the_valid_ones(corpus_searcher, kw, says):
    from zhengce.index.filters import Filters

    with pytest.raises(ValueError, match=re.escape(says)):
        corpus_searcher.search("房租补贴", filters=kw)
    if "provnce" not in kw:
        with pytest.raises(ValueError, match=re.escape(says)):
            Filters(**kw)


def test_an_empty_query_is_a_value_error_in_the_library(corpus_searcher):
    for q in ("", "  \n"):
        with pytest.raises(ValueError, match="the query is empty"):
            corpus_searcher.search(q)


# ---------------------------------------------------------------- 4. export -o: a file's suffix is no folder name
@pytest.mark.parametrize("name, fmt, says", [
    ("t.dta", None, "export writes no .dta file; -o is a folder of tables (csv by default, or --format jsonl or "
                    "parquet) or a workbook FILE.xlsx"),
    ("u.sqlite", None, "export writes no .sqlite file"),
    ("u.parquet", None, "parquet export writes a folder of tables, one file each, not one .parquet file; "
                        "use --format parquet -o u"),
    ("u.parquet", "parquet", "use --format parquet -o u"),
    ("u.csv", None, "use -o u"),
    ("u.parquet", "csv", "names a parquet file but --format is csv"),
    ("u.xlsx", "csv", "names a workbook but --format is csv, which writes a folder of tables; drop --format"),
])
def test_export_refuses_a_files_suffix_and_names_what_it_writes(corpus_searcher, tmp_path, capsys, name, fmt, says):
    from zhengce.cli import main

    argv = ["export", "--store", str(corpus_searcher.store.path), "-o", str(tmp_path / name)]
    assert main(argv + (["--format", fmt] if fmt else [])) == 2
    assert says in capsys.readouterr().err
    assert not (tmp_path / name).exists()


def test_export_writes_into_a_folder_whose_name_has_a_dot(corpus_searcher, tmp_path, capsys):
    from zhengce.cli import main

    store = str(corpus_searcher.store.path)
    assert main(["export", "--store", store, "-o", str(tmp_path / "run.2024")]) == 0       # not a file's suffix
    assert (tmp_path / "run.2024" / "documents.csv").is_file()
    for name in ("results.v2", "out.tables", "my.data", "2024.export"):                 # folder names, not file kinds
        assert main(["export", "--store", store, "-o", str(tmp_path / name)]) == 0
        assert (tmp_path / name / "documents.csv").is_file()
    assert main(["export", "--store", store, "-o", str(tmp_path / "t.dta") + "/"]) == 0        # a slash names a folder
    assert (tmp_path / "t.dta" / "documents.csv").is_file()
    (tmp_path / "old.tables").mkdir()                                                     # a folder already there
    assert main(["export", "--store", store, "-o", str(tmp_path / "old.tables")]) == 0
    assert (tmp_path / "old.tables" / "documents.csv").is_file()


# ---------------------------------------------------------------- 5. the xlsx cut marker
@pytest.mark.parametrize("n", [32_768, 62_203, 1_000_000])
def test_an_xlsx_cut_says_how_much_was_cut_of_how_much(n):
    from zhengce.render import XLSX_CELL_MAX, cut_cell

    v = "补" * n
    out = cut_cell(v)
    kept = out.index("…[cut ")
    assert len(out) == XLSX_CELL_MAX and out[:kept] == v[:kept]
    assert out[kept:] == f"…[cut {n - kept:,} of {n:,} characters; csv, jsonl and parquet keep the whole text]"


def test_xlsx_append_writes_the_marker(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    from zhengce.render import xlsx_append

    ws = openpyxl.Workbook().active
    assert xlsx_append(ws, ["短", "补" * 62_203]) == 1
    cell = ws.cell(row=1, column=2).value
    assert cell.endswith("of 62,203 characters; csv, jsonl and parquet keep the whole text]")
    assert f"[cut {62_203 - cell.index('…[cut '):,} of" in cell


# ---------------------------------------------------------------- 6. the schemas describe what is printed
def test_extract_json_for_one_file_and_for_several_validates(tmp_path, capsys):
    import json

    import jsonschema

    from zhengce.cli import main
    from zhengce.schemas import load_schema

    schema = load_schema("extraction")
    files = [str(CORPUS / SEEDS[k]) for k in ("nanning", "qinghai")]
    assert main(["extract", files[0], "--no-text"]) == 0
    one = json.loads(capsys.readouterr().out)
    assert isinstance(one, dict)
    jsonschema.validate(one, schema)
    assert main(["extract", *files, "--no-text", "--format", "json"]) == 0
    several = json.loads(capsys.readouterr().out)
    assert isinstance(several, list) and len(several) == 2
    jsonschema.validate(several, schema)
    assert main(["extract", *files, "--no-text", "--format", "jsonl"]) == 0
    for line in capsys.readouterr().out.splitlines():
        jsonschema.validate(json.loads(line), schema)
    for bad in ([several], [1], [{"source": "x"}]):         # nested lists, non-objects, incomplete items
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


def test_document_schema_is_normalizes_object_and_says_so(capsys):
    import json

    import jsonschema

    from zhengce.cli import main
    from zhengce.schemas import load_schema

    schema = load_schema("document")
    assert "measures" not in schema["properties"] and "and measures" not in schema["description"]
    assert "normalize" in schema["description"]
    assert main(["normalize", str(CORPUS / SEEDS["nanning"])]) == 0
    doc = json.loads(capsys.readouterr().out)
    jsonschema.validate(doc, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([doc], schema)                  # normalize prints one object, never a list


# ---------------------------------------------------------------- 7. help() says something for what a notebook calls
def test_public_names_a_notebook_calls_have_docstrings():
    import inspect

    from zhengce import export
    from zhengce.index import compare, search
    from zhengce.index.filters import Filters
    from zhengce.pipeline import IngestReport, ingest_paths

    names = [search.Searcher, search.Searcher.search, search.Searcher.sync, Filters, export.collect,
             export.tables_schema, compare.compare, compare.place_label, compare.CompareRow, ingest_paths,
             IngestReport]
    names += [f for n, f in vars(Store).items() if not n.startswith("_") and (inspect.isfunction(f)
                                                                             or isinstance(f, property))]
    bare = [getattr(f, "__qualname__", None) or getattr(f.fget, "__qualname__", str(f)) for f in names
            if not (f.__doc__ or "").strip() or f.__doc__.startswith(f"{getattr(f, '__name__', '')}(")]
    assert not bare, bare


# ---------------------------------------------------------------- 8. small ones
def test_one_place_is_one_place(news_searcher, capsys):
    from fastapi.testclient import TestClient

    from zhengce.cli import main
    from zhengce.render import counted
    from zhengce.web.app import create_app

    assert (counted(1, "place"), counted(0, "place"), counted(2, "reuse edge")) == ("1 place", "0 places",
                                                                                   "2 reuse edges")
    store, q = str(news_searcher.store.path), "众创空间 房租补贴"
    assert main(["timeline", q, "--store", store, "--city", "南宁"]) == 0
    out = capsys.readouterr().out
    assert "— 1 place adopted (" in out
    c = TestClient(create_app(news_searcher.store.path, warm=False, allowed_hosts=["*"]))
    page = c.get("/timeline", params={"q": q, "min_match": "1"}).text
    n = len(c.get("/api/timeline", params={"q": q, "min_match": 1}).json()["adoptions"])
    assert f"{n} 个地区采纳 place{'' if n == 1 else 's'} adopted" in page


def test_the_heat_maps_colour_bar_label_reads_level(tmp_path, monkeypatch):
    import matplotlib.figure

    from zhengce.diffusion.plots import plot_mix

    figs = []
    save = matplotlib.figure.Figure.savefig
    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", lambda self, *a, **k: (figs.append(self),
                                                                                    save(self, *a, **k)))
    rows = [{"place": "南宁市", "typed": 3, "supply_share": 0.5, "environment_share": 0.25, "demand_share": 0.25}]
    plot_mix(rows, tmp_path / "m.png")
    texts = [t for a in figs[0].axes for t in a.texts + [a.title, a.yaxis.label] if t.get_text() == "占比"]
    assert texts and all(t.get_rotation() == 0 for t in texts)


def test_the_notebook_names_what_ships_the_cjk_font():
    from support import REPO

    text = (REPO / "notebooks" / "zhengce_walkthrough.ipynb").read_text(encoding="utf-8")
    assert "`export`" not in text or "extra ships" not in text
    assert "mplfonts" in text
