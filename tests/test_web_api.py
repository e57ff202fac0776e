"""Every endpoint of the web app (JSON API and pages) through FastAPI's TestClient, on a store built from
the bundled corpus; bad parameters, an empty store, a missing store, escaping and the Host guard."""
from __future__ import annotations

import csv
import hashlib
import html
import io
import re

import pytest

from support import CORPUS, SEEDS

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from zhengce.outputs import COMPARE_COLUMNS  # noqa: E402
from zhengce.index.search import Searcher  # noqa: E402
from zhengce.pipeline import ingest_paths, source_name  # noqa: E402
from zhengce.records import Amount, Document, Extraction, Measure, Region, UnitRef  # noqa: E402
from zhengce.schemas import load_schema  # noqa: E402
from zhengce.store import Store  # noqa: E402
from zhengce.web.app import create_app  # noqa: E402

BASE = "http://127.0.0.1"
RENT = "哪些城市对众创空间给予房租补贴"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("webapi")
    with Store(d) as st:
        rep = ingest_paths(st, [CORPUS])
        assert rep.new == 5 and not rep.failed
        Searcher(st).sync()         # as `zhengce ingest` does at its end: the server reads, never writes, the index
    return d


@pytest.fixture(scope="module")
def client(store_dir):
    with TestClient(create_app(store_dir, warm=False), base_url=BASE) as c:
        yield c


@pytest.fixture(scope="module")
def nanning_id(store_dir):
    with Store(store_dir, readonly=True) as st:
        return st.find_document(source_name(CORPUS / SEEDS["nanning"])).doc_id


def _cjk_installed() -> bool:
    from zhengce.web.app import _cjk_font_file

    return _cjk_font_file() is not None


def _ok(r, status=200):
    assert r.status_code == status, (r.status_code, r.text[:500])
    return r


# ------------------------------------------------------------------ health / openapi
def test_health_counts_store_and_index(client):
    h = _ok(client.get("/api/health")).json()
    assert h["status"] == "ok" and h["store_exists"] is True
    assert h["documents"] == 5 and h["measures"] > 50
    assert h["indexed"] == h["measures"]
    assert h["embedder"] and h["hint"] is None


def test_openapi_documents_every_endpoint(client):
    spec = _ok(client.get("/openapi.json")).json()
    paths = spec["paths"]
    for p in ("/api/search", "/api/compare", "/api/compare.csv", "/api/compare.xlsx",
              "/api/documents/{doc_id}", "/api/health"):
        assert p in paths, p
    params = {p["name"]: p for p in paths["/api/search"]["get"]["parameters"]}
    assert {"q", "top_k", "mode", "province", "city", "level", "doc_type", "date_from", "date_to",
            "instrument", "has_amount"} <= set(params)
    assert params["q"]["required"] is True
    assert params["top_k"]["schema"]["maximum"] == 200 and params["top_k"]["schema"]["minimum"] == 1
    assert "text/csv" in paths["/api/compare.csv"]["get"]["responses"]["200"]["content"]
    assert "/" not in paths and "/doc/{doc_id}" not in paths     # pages are not API


# ------------------------------------------------------------------ search
def test_search_chinese(client):
    body = _ok(client.get("/api/search", params={"q": "众创空间 房租补贴", "top_k": 5})).json()
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(body, load_schema("search"))           # the whole answer: the CLI gives the same shape
    assert 1 <= body["count"] == len(body["hits"]) <= 5 and body["hint"] is None
    places = {h["place"] for h in body["hits"]}
    assert "南宁市" in places
    assert any("【" in h["highlighted"] for h in body["hits"])
    scores = [h["score"] for h in body["hits"]]
    assert scores == sorted(scores, reverse=True)


def test_search_english_reaches_chinese_measures(client):
    body = _ok(client.get("/api/search", params={"q": "maker space rent subsidy", "top_k": 10})).json()
    assert {"南宁市", "青海省"} & {h["place"] for h in body["hits"]}
    assert all(re.search(r"[\u4e00-\u9fff]", h["text"]) for h in body["hits"])


def test_search_filters(client):
    q = {"q": "补贴", "top_k": 50}
    b = _ok(client.get("/api/search", params={**q, "city": "南宁"})).json()
    assert b["hits"] and {h["region"]["city"] for h in b["hits"]} == {"南宁市"}
    assert b["filters"] == {"city": "南宁市"}          # resolved through the gazetteer
    b = _ok(client.get("/api/search", params={**q, "level": "province"})).json()
    assert b["hits"] and {h["region"]["level"] for h in b["hits"]} == {"province"}
    b = _ok(client.get("/api/search", params={**q, "has_amount": "true"})).json()
    assert b["hits"] and all(h["amounts"] for h in b["hits"])
    b = _ok(client.get("/api/search", params={**q, "date_from": "2017-01-01"})).json()
    assert all(h["issue_date"] >= "2017-01-01" for h in b["hits"])
    b = _ok(client.get("/api/search", params={**q, "date_to": "2016"})).json()
    assert b["hits"] and all(h["issue_date"] <= "2016-12-31" for h in b["hits"])
    b = _ok(client.get("/api/search", params={**q, "province": "福建"})).json()
    assert b["hits"] == [] and b["count"] == 0 and "filters" in b["hint"]
    b = _ok(client.get("/api/search", params={"q": "创业", "mode": "bm25", "top_k": 3})).json()
    assert b["hits"] and all(h["dense_score"] is None for h in b["hits"])


def test_search_no_hits_is_empty_not_error(client):
    b = _ok(client.get("/api/search", params={"q": "qwzxqv", "mode": "bm25"})).json()
    assert b["hits"] == [] and b["count"] == 0 and "no measure matches" in b["hint"]


# ------------------------------------------------------------------ compare
def test_compare_rows_per_place(client):
    body = _ok(client.get("/api/compare", params={"q": RENT})).json()
    assert body["query"] == RENT and body["by"] == "city"
    rows = {r["place"]: r for r in body["rows"]}
    assert "南宁市" in rows and "青海省" not in rows     # 哪些城市 asks for cities: no province rows
    assert all(r["level"] in ("city", "district") for r in body["rows"])
    nn = rows["南宁市"]
    assert nn["rate"] == "70%" and nn["cap_yuan"] == 550000
    assert nn["citation"]["doc_number"] and "南府办" in nn["citation"]["doc_number"]
    assert len(body["rows"]) == len(rows)       # one row per place
    by_prov = _ok(client.get("/api/compare", params={"q": RENT, "by": "province"})).json()
    assert by_prov["by"] == "province"
    assert {"广西壮族自治区", "青海省"} <= {r["place"] for r in by_prov["rows"]}


def test_compare_json_follows_the_shipped_schema(client):
    jsonschema = pytest.importorskip("jsonschema")
    body = _ok(client.get("/api/compare", params={"q": RENT})).json()
    jsonschema.validate(body, load_schema("compare"))


def test_compare_csv_matches_json(client):
    params = {"q": RENT}
    r = _ok(client.get("/api/compare.csv", params=params))
    assert r.headers["content-type"].startswith("text/csv") and "charset=utf-8" in r.headers["content-type"]
    assert "attachment" in r.headers["content-disposition"]
    assert r.content.startswith(b"\xef\xbb\xbf")      # BOM: Excel opens the Chinese correctly
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert list(rows[0]) == COMPARE_COLUMNS
    js = client.get("/api/compare", params=params).json()["rows"]
    assert [x["place"] for x in rows] == [x["place"] for x in js]
    nn = next(x for x in rows if x["place"] == "南宁市")
    assert nn["rate"] == "70%" and float(nn["cap_yuan"]) == 550000


def test_compare_xlsx_matches_json(client):
    openpyxl = pytest.importorskip("openpyxl")
    r = _ok(client.get("/api/compare.xlsx", params={"q": RENT, "by": "province"}))
    assert r.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    ws = wb.active
    values = list(ws.iter_rows(values_only=True))
    js = client.get("/api/compare", params={"q": RENT, "by": "province"}).json()["rows"]
    assert len(values) == len(js) + 1
    assert [v[0] for v in values[1:]] == [x["place"] for x in js]


# ------------------------------------------------------------------ documents
def test_document_json_offsets_hold(client, nanning_id):
    d = _ok(client.get(f"/api/documents/{nanning_id}")).json()
    assert d["doc_id"] == nanning_id and d["region"]["city"] == "南宁市"
    assert "original_text" not in d
    n = 0
    for m in d["measures"]:
        for field in ("amounts", "units", "deadlines"):
            for it in m[field]:
                assert d["text"][it["start"]:it["end"]] == it["text"]
                n += 1
    assert n > 50
    with_orig = _ok(client.get(f"/api/documents/{nanning_id}", params={"original_text": "true"})).json()
    assert with_orig["original_text"]


def test_unknown_document_is_404_json(client):
    r = client.get("/api/documents/no-such-doc")
    assert r.status_code == 404
    assert r.json()["error"] == "not_found" and "no-such-doc" in r.json()["message"]
    r = client.get("/doc/no-such-doc")
    assert r.status_code == 404 and "no-such-doc" in r.text


# ------------------------------------------------------------------ bad parameters
@pytest.mark.parametrize("path,params,param,needle", [
    ("/api/search", {"q": "房租", "top_k": 0}, "top_k", "greater than or equal to 1"),
    ("/api/search", {"q": "房租", "top_k": 100000}, "top_k", "less than or equal to 200"),
    ("/api/search", {"q": "房租", "top_k": "ten"}, "top_k", "integer"),
    ("/api/search", {"q": "房租", "level": "galaxy"}, "level", "'national'"),
    ("/api/search", {"q": "房租", "mode": "magic"}, "mode", "'hybrid'"),
    ("/api/search", {"q": "房租", "date_from": "2016-13-01"}, "date_from", "not a date"),
    ("/api/search", {"q": "房租", "date_to": "yesterday"}, "date_to", "not a date"),
    ("/api/search", {"q": "房租", "date_from": "2018", "date_to": "2016-05"}, "date_to", "before"),
    ("/api/search", {"q": "房租", "has_amount": "maybe"}, "has_amount", "boolean"),
    ("/api/search", {}, "q", "required"),
    ("/api/search", {"q": "   "}, "q", "empty"),
    ("/api/search", {"q": "房" * 2001}, "q", "2000"),
    ("/api/compare", {"q": RENT, "by": "county"}, "by", "'city'"),
    ("/api/compare", {"q": RENT, "per_place": 0}, "per_place", "greater than or equal to 1"),
    ("/api/compare", {"q": RENT, "top_k": 501}, "top_k", "less than or equal to 500"),
    ("/api/compare.csv", {"q": RENT, "level": "planet"}, "level", "'national'"),
    ("/api/compare.xlsx", {"q": RENT, "date_from": "2016-02-30"}, "date_from", "not a date"),
    ("/api/documents/x", {"original_text": "perhaps"}, "original_text", "boolean"),
    ("/api/search", {"q": "房租", "province": "火星"}, "province", "unknown province"),
    ("/api/search", {"q": "房租", "city": "Gotham"}, "city", "unknown city"),
    ("/api/search", {"q": "房租", "instrument": "rent"}, "instrument", "rent_subsidy"),
    ("/api/search", {"q": "房租", "date_from": "2016-1-5xyz"}, "date_from", "not a date"),
])
def test_bad_parameters_are_4xx_with_a_clear_message(client, path, params, param, needle):
    r = client.get(path, params=params)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"] == "bad_parameter" and body["param"] == param
    assert needle in body["message"], body["message"]


def test_foreign_host_refused(client):
    r = client.get("/api/health", headers={"host": "evil.example:8000"})
    assert r.status_code == 400 and r.json()["error"] == "bad_host"
    assert client.get("/api/health", headers={"host": "localhost:8000"}).status_code == 200


def test_security_headers(client):
    r = client.get("/")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


# ------------------------------------------------------------------ pages
def test_page_without_question_shows_the_form(client):
    r = _ok(client.get("/"))
    t = r.text
    assert r.headers["content-type"].startswith("text/html") and "charset=utf-8" in r.headers["content-type"]
    assert '<html lang="zh-CN">' in t and '<meta charset="utf-8">' in t
    for field in ("q", "province", "city", "level", "doc_type", "date_from", "date_to", "instrument",
                  "has_amount", "by"):
        assert f'name="{field}"' in t, field
    assert 'id="compare"' not in t
    assert '<option value="rent_subsidy">' in t     # the instrument tags the store has are offered
    # everything the page loads comes from this server (no CDN), and it is there
    assets = re.findall(r'(?:src|href)="([^"]+)"', t)
    assert not [a for a in assets if "//" in a], assets
    for a in ("/static/app.css", "/static/app.js"):
        assert a in assets and _ok(client.get(a)).content
    css = client.get("/static/app.css").text
    font = re.search(r'url\("(/static/fonts/cjk\.otf)"\)', css)
    assert font
    r = client.get(font.group(1))
    if _cjk_installed():                       # served when the export extra (mplfonts) is installed
        assert r.status_code == 200 and r.headers["content-type"] == "font/otf" and len(r.content) > 1_000_000


def test_page_answers_with_comparison_links_and_downloads(client):
    t = _ok(client.get("/", params={"q": RENT, "level": "", "date_from": ""})).text
    assert 'id="compare"' in t and 'data-place="南宁市"' in t and 'data-place="青海省"' not in t   # cities asked
    assert 'href="/api/compare.csv?q=' in t and 'href="/api/compare.xlsx?q=' in t
    assert '<mark class="q">' in t                          # hits grouped by place, query words marked
    # every cell link points at a span that the document page really marks with that id
    links = re.findall(r'<td class="c-(\w+)"[^>]*><a href="/doc/([^"#]+)#([am]-\d+-\d+)">([^<]*)</a>', t)
    assert len(links) >= 6
    pages: dict[str, str] = {}
    for key, doc_id, anchor, text in links:
        page = pages.setdefault(doc_id, _ok(client.get(f"/doc/{doc_id}")).text)
        assert f'id="{anchor}"' in page, (key, anchor)
        if key in ("rate", "cap", "lead_unit") and anchor.startswith("a-"):
            m = re.search(rf'<mark id="{anchor}"[^>]*>(.*?)</mark>', page, re.S)
            marked = html.unescape(re.sub(r"<[^>]+>", "", m.group(1))) if m else None
            # a unit is shown completed with its level (科技局 in a city's text -> 市科技局)
            assert m and (marked == html.unescape(text) or
                          key == "lead_unit" and html.unescape(text).endswith(marked)), key


def test_page_bad_parameter_shows_error(client):
    r = client.get("/", params={"q": RENT, "date_from": "2016-99"})
    assert r.status_code == 422 and 'id="error"' in r.text and "not a date" in r.text
    r = client.get("/", params={"q": RENT, "level": "galaxy"})
    assert r.status_code == 422 and "galaxy" in r.text


def test_document_page_marks_every_item(client, nanning_id):
    t = _ok(client.get(f"/doc/{nanning_id}")).text
    d = client.get(f"/api/documents/{nanning_id}").json()
    assert '<html lang="zh-CN">' in t and "南府办" in t
    ids = set(re.findall(r'id="(a-\d+-\d+)"', t))
    for m in d["measures"]:
        for field in ("amounts", "units", "deadlines"):
            for it in m[field]:
                assert f"a-{it['start']}-{it['end']}" in ids
    # the visible text of the body is exactly the normalized text
    body = re.search(r'<div class="body" id="body" lang="zh-CN">(.*?)</div>', t, re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == d["text"]


# ------------------------------------------------------------------ escaping, empty and missing stores
def _hostile_extraction() -> Extraction:
    text = ("第一条 对入驻众创空间的<script>alert('x')</script>企业给予房租补贴,"
            "最高不超过<b>5万元</b>。(责任单位:市科技局)")
    s = text.index("最高不超过")
    e = text.index("元</b>") + 1
    u = text.index("市科技局")
    doc = Document(source="/tmp/hostile.html", text=text, original_text=text,
                   title='<img src=x onerror="alert(1)">关于房租补贴的通知', doc_number="测试〔2020〕1号",
                   issue_date="2020-01-01", region=Region("广西壮族自治区", "南宁市", None, "city", None),
                   doc_id="hostile0000000001", content_hash=hashlib.sha256(text.encode()).hexdigest(),
                   url="javascript:alert(1)")
    m = Measure(id="m1", kind="measure", path=["第一条"], title=None, text=text, start=0, end=len(text),
                amounts=[Amount(text=text[s:e], start=s, end=e, kind="cap", value_yuan=50000.0, unit="万元")],
                units=[UnitRef(name="市科技局", role="lead", text="市科技局", start=u, end=u + 4)],
                instruments=["rent_subsidy"])
    return Extraction(doc, [m])


def test_everything_from_documents_is_escaped(tmp_path):
    with Store(tmp_path) as st:
        st.upsert(_hostile_extraction())
        Searcher(st).sync()
    with TestClient(create_app(tmp_path, warm=False), base_url=BASE) as c:
        page = _ok(c.get("/", params={"q": "房租补贴"})).text
        doc = _ok(c.get("/doc/hostile0000000001")).text
    for t in (page, doc):
        assert "<script>alert" not in t and "<img src=x" not in t and "<b>5万元" not in t
        assert "&lt;img src=x" in t
    assert "&lt;script&gt;alert(" in doc and "&lt;b&gt;5万元</mark>&lt;/b&gt;" in doc
    assert 'href="javascript:' not in doc
    assert 'data-place="南宁市"' in page


def test_damaged_index_is_a_server_fault_with_the_repair_hint(tmp_path):
    path = tmp_path / "store"
    with Store(path) as st:
        ingest_paths(st, [CORPUS / SEEDS["nanning"]])
        from zhengce.index.search import Searcher

        Searcher(st).sync()
    for f in (path / "index").glob("catalog-*"):
        f.write_bytes(b"not an index")
    with TestClient(create_app(path, warm=False), base_url=BASE) as c:
        r = c.get("/api/search", params={"q": RENT})
    assert r.status_code == 503, r.text
    body = r.json()
    assert body["error"] == "index_damaged" and "zhengce doctor --repair" in body["message"]


def test_the_page_says_a_damaged_index_in_html(store_dir, tmp_path):
    # new-user sweep: GET / and /?q=… answered 503 application/json when the index manifest was garbage
    import shutil

    path = tmp_path / "store"
    shutil.copytree(store_dir, path)
    (path / "index" / "manifest.json").write_text("garbage")
    with TestClient(create_app(path, warm=False), base_url=BASE) as c:
        for params in ({}, {"q": RENT}, {"q": RENT, "province": "火星"}):
            r = c.get("/", params=params)
            assert r.status_code == 503 and r.headers["content-type"].startswith("text/html"), params
            assert 'id="error"' in r.text and "zhengce doctor --repair" in r.text and 'id="ask"' in r.text
        assert "火星" in c.get("/", params={"q": RENT, "province": "火星"}).text    # the bad box is still said
        assert c.get("/api/search", params={"q": RENT}).json()["error"] == "index_damaged"    # the API: JSON


@pytest.mark.parametrize("kind", ["missing", "empty"])
def test_empty_or_missing_store_answers_with_a_hint(tmp_path, kind):
    path = tmp_path / "store"
    if kind == "empty":
        Store(path).close()
    with TestClient(create_app(path, warm=False), base_url=BASE) as c:
        h = _ok(c.get("/api/health")).json()
        assert h["store_exists"] is (kind == "empty") and h["documents"] == 0 and h["indexed"] == 0
        assert "zhengce ingest" in h["hint"]
        s = _ok(c.get("/api/search", params={"q": RENT})).json()
        assert s["hits"] == [] and "zhengce ingest" in s["hint"]
        cmp_ = _ok(c.get("/api/compare", params={"q": RENT})).json()
        assert cmp_["rows"] == [] and "zhengce ingest" in cmp_["hint"]
        csv_rows = _ok(c.get("/api/compare.csv", params={"q": RENT})).content.decode("utf-8-sig").splitlines()
        assert csv_rows == [",".join(COMPARE_COLUMNS)]
        _ok(c.get("/api/compare.xlsx", params={"q": RENT}))
        page = _ok(c.get("/", params={"q": RENT})).text
        assert 'id="hint"' in page and "zhengce ingest" in page and 'id="no-rows"' in page
        assert c.get("/api/documents/abc").status_code == 404
        assert not (path / "zhengce.db").exists() or kind == "empty"   # a server never creates a store
        # documents ingested while the server runs show up without a restart once the index holds them
        # (`zhengce ingest` indexes at its end; the server never writes the index): the hint says so meanwhile
        with Store(path) as st:
            ingest_paths(st, [CORPUS / SEEDS["nanning"]])
        s = _ok(c.get("/api/search", params={"q": RENT})).json()
        assert s["hits"] == [] and "zhengce embed" in s["hint"]
        with Store(path) as st:
            Searcher(st).sync()
        s = _ok(c.get("/api/search", params={"q": RENT})).json()
        assert s["hits"] and s["hint"] is None
        assert _ok(c.get("/api/health")).json()["documents"] == 1


def test_serve_binds_localhost_unless_told(monkeypatch, tmp_path):
    import uvicorn

    from zhengce.web import app as web

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.setattr(web, "check_port", lambda host, port: None)     # 8000 may be taken here: not the point
    web.serve(tmp_path)
    app, kw = calls[-1]
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8000
    with TestClient(app, base_url="http://example.org") as c:     # local server: foreign Host refused
        assert c.get("/api/health").status_code == 400
    web.serve(tmp_path, host="0.0.0.0", port=8123)
    app, kw = calls[-1]
    assert kw["host"] == "0.0.0.0" and kw["port"] == 8123
    with TestClient(app, base_url="http://example.org") as c:     # told to serve the network: any Host
        assert c.get("/api/health").status_code == 200
    assert not (tmp_path / "zhengce.db").exists()


def test_serve_refuses_a_store_path_that_is_a_file(monkeypatch, tmp_path, capsys):
    # new-user sweep: serve --store afile started, and its hint told the user to ingest into the file
    import uvicorn

    from zhengce.cli import main
    from zhengce.store import StoreError
    from zhengce.web import app as web

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    afile = tmp_path / "afile"
    afile.write_text("x")
    for workers in ("1", "2"):
        assert main(["serve", "--store", str(afile), "--workers", workers]) == 1        # as search --store afile
        assert "is a file, not a store folder" in capsys.readouterr().err
    with pytest.raises(StoreError):
        create_app(afile, warm=False)
    assert not calls


def test_serve_says_a_port_in_use_before_uvicorn(monkeypatch, tmp_path, capsys):
    # new-user sweep: a second `serve --port 8766` exited 3 with uvicorn's raw '[Errno 98] address already in use'
    import socket

    import uvicorn

    from zhengce.cli import main

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        for workers in ("1", "2"):
            assert main(["serve", "--store", str(tmp_path / "s"), "--port", str(port), "--workers", workers]) == 1
            err = capsys.readouterr().err
            assert f"zhengce serve: 127.0.0.1:{port} is already in use" in err and "--port" in err
    assert not calls
    assert main(["serve", "--store", str(tmp_path / "s"), "--port", str(port)]) == 0 and calls   # free again


# ------------------------------------------------------------------ the document renderer itself
def _well_formed(fragment: str) -> bool:
    from html.parser import HTMLParser

    class P(HTMLParser):
        stack: list = []
        bad = 0

        def handle_starttag(self, tag, attrs):
            self.stack.append(tag)

        def handle_endtag(self, tag):
            if not self.stack or self.stack.pop() != tag:
                self.bad += 1

    p = P()
    p.stack = []
    p.feed(fragment)
    return p.bad == 0 and not p.stack


def test_render_text_overlaps_nesting_and_bad_offsets():
    from zhengce.records import Deadline
    from zhengce.web.docview import render_text

    text = "一、对众创空间给予房租补贴,最高50万元;市科技局负责。\n二、2020年底前完成<认定>。"
    a = text.index("最高50万元")
    u = text.index("市科技局")
    d = text.index("2020年底前")
    m1 = Measure(id="1", kind="measure", path=["一"], title=None, text=text[:u + 7], start=0, end=u + 7,
                 amounts=[Amount(text="最高50万元", start=a, end=a + 6, kind="cap"),
                          Amount(text="50万元", start=a + 2, end=a + 6, kind="fixed"),       # inside the cap
                          Amount(text="元;市科", start=a + 5, end=u + 2, kind="fixed"),     # straddles a ';'
                          Amount(text="?", start=len(text) + 5, end=len(text) + 9, kind="cap")],  # out of range
                 units=[UnitRef(name="市科技局", role="lead", text="市科技局", start=u, end=u + 4)])
    m2 = Measure(id="2", kind="measure", path=["二"], title=None, text=text[u + 7:], start=u + 7, end=len(text),
                 deadlines=[Deadline(text="2020年底前", start=d, end=d + 7, kind="by", date="2020-12-31")])
    out = render_text(text, [m1, m2])
    assert _well_formed(out)
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text          # nothing lost, nothing added
    assert "&lt;认定&gt;" in out
    marks = {k: re.sub(r"<[^>]+>", "", v) for k, v in re.findall(r'<mark id="(a-\d+-\d+)"[^>]*>(.*?)</mark>', out)}
    assert marks[f"a-{a}-{a + 6}"] == "最高50万元" and marks[f"a-{d}-{d + 7}"] == "2020年底前"
    # items that lose an overlap keep their id as an empty anchor, so links to them still land
    for s_, e_ in ((a + 2, a + 6), (a + 5, u + 2), (u, u + 4)):
        assert f'id="a-{s_}-{e_}"' in out
    assert f'a-{len(text) + 5}-' not in out
    assert f'id="m-0-{u + 7}"' in out and f'id="m-{u + 7}-{len(text)}"' in out
    # sentences carry their offsets and tile the text
    sents = [(int(s_), int(e_)) for s_, e_ in re.findall(r'<span class="s" data-s="(\d+)" data-e="(\d+)">', out)]
    assert sents[0][0] == 0 and sents[-1][1] == len(text)
    assert all(x[1] == y[0] for x, y in zip(sents, sents[1:]))
    assert any(s_ <= a and a + 6 <= e_ for s_, e_ in sents)          # the cap sits inside one sentence


def test_render_text_empty_and_large():
    import time

    from zhengce.web.docview import render_text

    assert render_text("", []) == ""
    unit = "第一条 给予房租补贴最高50万元。"
    text = unit * 20000                                              # 340,000 characters
    ms = [Measure(id=str(i), kind="measure", path=[], title=None, text=unit, start=i * len(unit),
                  end=(i + 1) * len(unit),
                  amounts=[Amount(text="最高50万元", start=i * len(unit) + 10, end=i * len(unit) + 16, kind="cap")])
          for i in range(0, 20000, 7)]
    t = time.perf_counter()
    out = render_text(text, ms)
    assert time.perf_counter() - t < 2.0
    assert out.count("<mark ") == len(ms)


# ------------------------------------------------------------------ issue 11: uniform errors, page details
def test_unknown_routes_and_methods_answer_the_error_shape(client):
    for r, status, error in ((client.get("/api/nope"), 404, "not_found"),
                             (client.get("/no/such/page"), 404, "not_found"),
                             (client.post("/api/search", params={"q": "创业"}), 405, "method_not_allowed"),
                             (client.delete("/api/health"), 405, "method_not_allowed")):
        assert r.status_code == status
        body = r.json()
        assert set(body) == {"error", "param", "message"} and body["error"] == error and body["message"]
    bad = client.get("/api/search", params={"q": "创业", "mode": "fast"})
    assert bad.status_code == 422 and {"error", "param", "message"} <= set(bad.json())


def test_head_health(client):
    r = client.head("/api/health")
    assert r.status_code == 200 and r.content == b""


def test_host_with_user_info_is_refused(client):
    for host in ("127.0.0.1:8000@evil.example", "evil.example", "127.0.0.1:8000/x", "localhost:80:80"):
        r = client.get("/api/health", headers={"host": host})
        assert r.status_code == 400 and r.json()["error"] == "bad_host", host
    assert client.get("/api/health", headers={"host": "127.0.0.1:8000"}).status_code == 200
    assert client.get("/api/health", headers={"host": "[::1]:8000"}).status_code == 200


def test_empty_question_says_what_to_type(client):
    r = _ok(client.get("/", params={"q": "  ", "province": "广西"}))
    assert 'id="hint"' in r.text and "type a question" in r.text and 'value="广西"' in r.text


def test_page_shows_match_level_short_measure_and_citation(client):
    html = _ok(client.get("/", params={"q": RENT})).text
    assert "<meter" in html and 'data-match="1.00"' in html and "市级 city" in html
    assert "（无标题）" not in html
    body = _ok(client.get("/api/compare", params={"q": RENT})).json()
    assert body["schema_version"] == "1.8.0" and "url" in body["rows"][0]["citation"]
    assert body["include_not_policy"] is False and body["filters"] == {}      # what the rows were read under
    for row in body["rows"]:
        assert row["cite"] and set(row["evidence"]) <= {"rate", "cap", "per", "lead_unit", "start", "deadline",
                                                       "duration"}
        for ev in row["evidence"].values():
            assert ev["doc_id"] == row["best"][0]["doc_id"] and ev["sentence"]


# ------------------------------------------------------------------ /api/search's fast path

FAST_CASES = [
    {"q": RENT}, {"q": "maker space rent", "top_k": "3"}, {"q": "创业", "mode": "bm25", "city": "南宁"},
    {"q": "创业", "province": "广西", "date_from": "2016", "date_to": "2018-06"}, {"q": "创业", "has_amount": "No"},
    {"q": "创业", "level": "city", "instrument": "rent_subsidy", "doc_type": "通知"}, {"q": "创业", "top_k": "007"},
    {"q": "创业", "city": ""},
]
ROUTE_CASES = [   # anything not plainly valid goes on to the route, which validates it
    {"q": "x", "top_k": "0"}, {"q": "创业", "top_k": "+7"}, {"q": "创业", "top_k": ""}, {"q": "创业", "has_amount": "t"},
    {"q": "创业", "mode": ""}, {"q": "创业", "level": "galaxy"}, {"q": "  "}, {}, {"q": "创业", "city": "Gotham"},
    {"q": "创业", "date_from": "2016-13"}, {"q": "房" * 2001},
    {"q": "创业", "top_k": "1", "top_k ": "x", "extra": "no longer ignored"}, {"q": "创业", "provnce": "广东"},
]


@pytest.mark.parametrize("params", FAST_CASES + ROUTE_CASES)
def test_the_search_fast_path_answers_exactly_as_the_route(client, monkeypatch, params):
    import zhengce.web.api as api

    taken = []
    fast = api.fast_search

    async def spy(scope, desk):
        answer = await fast(scope, desk)
        taken.append(answer is not None)
        return answer

    monkeypatch.setattr(api, "fast_search", spy)
    r1 = client.get("/api/search", params=params)

    async def route_only(scope, desk):
        return None

    monkeypatch.setattr(api, "fast_search", route_only)
    r2 = client.get("/api/search", params=params)
    assert taken == [params in FAST_CASES]
    assert (r1.status_code, r1.content, dict(r1.headers)) == (r2.status_code, r2.content, dict(r2.headers))


def test_an_unknown_or_repeated_parameter_is_a_422_not_a_silent_unfiltered_answer(client):
    """Round 20's sweep: provnce=Guangdong (a typo) answered 200 with every place; compare's min_match
    (a CLI option) was ignored; province given twice kept the last."""
    for path, qs in (("/api/search", "q=%E6%88%BF%E7%A7%9F&provnce=Guangdong"),
                     ("/api/compare", "q=%E6%88%BF%E7%A7%9F&min_match=2"),
                     ("/api/search", "q=%E6%88%BF%E7%A7%9F&province=Guangdong&province=Zhejiang")):
        r = client.get(f"{path}?{qs}")
        body = r.json()
        assert r.status_code == 422 and body["error"] == "bad_parameter", (path, qs, body)
        assert body["param"] in ("provnce", "min_match", "province") and body["param"] in body["message"]


def test_head_on_the_page_is_200(client):
    assert client.head("/").status_code == 200


def test_head_on_a_get_route_answers_as_get_without_a_body(client):
    # round 21's sweep: HEAD /api/search was 405 while HEAD / was 200
    for path in ("/api/search?q=%E6%88%BF%E7%A7%9F", "/api/compare?q=%E6%88%BF%E7%A7%9F", "/api/search?q="):
        h, g = client.head(path), client.get(path)
        assert h.status_code == g.status_code and h.content == b"", path
        assert h.headers["content-length"] == g.headers["content-length"]
    assert client.head("/nope").status_code == 404


def test_monitors_may_add_parameters_to_health_and_an_empty_name_is_named(client):
    assert client.head("/api/health?_=1700000000").status_code == 200
    assert client.get("/api/health?_=1700000000").status_code == 200
    body = client.get("/api/search?q=%E6%88%BF&=").json()
    assert body["param"] == "(empty name)"


def test_timeline_and_similar_refuse_a_parameter_they_do_not_read(client):
    # round 21's second sweep: /api/timeline?…&province=火星 answered 200 with the nationwide timeline
    # (province is read since, and 火星 refused as an unknown province; a typo of it still is not a parameter)
    for path, qs in (("/api/timeline", {"q": RENT, "provnce": "广西"}), ("/api/timeline", {"q": RENT, "province": "火星"}),
                     ("/api/similar", {"text": RENT, "foo": "1"})):
        r = client.get(path, params=qs)
        assert r.status_code == 422, (path, r.text)
        assert r.json()["error"] == "bad_parameter" and r.json()["param"] in ("provnce", "province", "foo")


def test_compare_takes_the_clis_options_and_timeline_its_filters(client):
    # new-user sweep: /api/compare echoed min_match 0.0 but refused min_match=, and had no all_levels or
    # include_not_policy; /api/timeline had no filters. Same names, checks and error shape as the CLI's.
    rows = lambda **kw: _ok(client.get("/api/compare", params={"q": RENT, **kw})).json()    # noqa: E731
    every, cut = rows(), rows(min_match="0.9")
    assert cut["min_match"] == 0.9 and every["min_match"] == 0.0
    assert all(r["match"] >= 0.9 for r in cut["rows"]) and len(cut["rows"]) < len(every["rows"])
    levels = {r["level"] for r in rows(all_levels="true")["rows"]}
    assert "province" in levels and "province" not in {r["level"] for r in every["rows"]}    # 哪些城市: cities
    assert rows(include_not_policy="true")["rows"]
    csv_rows = _ok(client.get("/api/compare.csv", params={"q": RENT, "min_match": "0.9"})).text.splitlines()
    assert len(csv_rows) == len(cut["rows"]) + 1
    for bad in ({"min_match": "2"}, {"min_match": "-0.1"}, {"all_levels": "maybe"}):
        body = client.get("/api/compare", params={"q": RENT, **bad}).json()
        assert body["error"] == "bad_parameter" and body["param"] == next(iter(bad)), body
    tl = lambda **kw: _ok(client.get("/api/timeline", params={"q": RENT, **kw})).json()     # noqa: E731
    places = {a["place"] for a in tl()["adoptions"]}
    assert len(places) > 1 and {a["place"] for a in tl(province="广西")["adoptions"]} == {"南宁市"}


def test_the_page_honours_a_district_and_the_timeline_page_says_a_bad_box_in_html(client):
    # round 21's second sweep: ?district=… was dropped silently; a cleared min_match box gave raw JSON
    page = _ok(client.get("/", params={"q": RENT, "district": "福田区"})).text
    assert 'name="district"' in page and 'value="福田区"' in page and "district=%E7%A6%8F%E7%94%B0%E5%8C%BA" in page
    for bad in ("abc", "5"):
        r = client.get("/timeline", params={"q": RENT, "min_match": bad})
        assert r.status_code == 422 and r.headers["content-type"].startswith("text/html") and "min_match" in r.text
    r = client.get("/timeline", params={"q": RENT, "min_match": ""})      # a cleared box: the default
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")


def test_timeline_and_similar_without_a_store_answer_like_search_with_the_hint(tmp_path):
    # round 21 made them 503 no_store (they had blamed q with a 422); the new-user sweep found /api/search and
    # /api/compare answering 200 with the hint meanwhile: all four now answer as search does (schema: hint)
    import jsonschema

    with TestClient(create_app(tmp_path / "none", warm=False), base_url=BASE) as c:
        for path, qs, key in (("/api/timeline", {"q": RENT}, "adoptions"), ("/api/similar", {"text": RENT}, "similar"),
                              ("/api/similar", {"measure": "abc"}, "similar"), ("/api/search", {"q": RENT}, "hits"),
                              ("/api/compare", {"q": RENT}, "rows")):
            body = _ok(c.get(path, params=qs)).json()
            assert body[key] == [] and "zhengce ingest" in body["hint"], path
        jsonschema.validate(c.get("/api/timeline", params={"q": RENT}).json(), load_schema("timeline"))
        jsonschema.validate(c.get("/api/similar", params={"text": RENT}).json(), load_schema("similar"))
        assert c.get("/api/similar").json()["param"] == "measure"       # still checked: one of measure or text
        page = _ok(c.get("/timeline", params={"q": RENT})).text
        assert 'id="hint"' in page and "zhengce ingest" in page


def test_a_405_names_every_method_the_path_answers(client):
    # round 21's second sweep: PUT / answered "allow: HEAD" (the HEAD route matched first)
    for path in ("/", "/api/health", "/api/search"):
        r = client.put(path)
        assert r.status_code == 405 and r.json()["error"] == "method_not_allowed"
        assert r.headers["allow"] == "GET, HEAD" and "use GET, HEAD" in r.json()["message"], path


def test_the_timeline_chart_link_keeps_min_match_zero(client):
    page = _ok(client.get("/timeline", params={"q": RENT, "min_match": "0"})).text
    assert "min_match=0" in page.replace("&amp;", "&")      # 0 had been dropped, and the chart drew 0.5


def test_timeline_hint_names_the_filters_that_left_nothing(client):
    # a review: /api/timeline said "try other words" when its filters had excluded every place
    r = client.get("/api/timeline", params={"q": "众创空间房租补贴", "district": "新昌"})
    assert r.status_code == 200
    d = r.json()
    assert not (d["adoptions"] or d["undated"] or d["national"] or d["unplaced"])     # no 新昌 page in the corpus
    assert "with the filters" in d["hint"] and "新昌县" in d["hint"]


def test_the_timeline_page_and_chart_take_the_search_filters(client):
    # a review (round 31): /timeline and /timeline.png ignored province=… while /api/timeline read it
    every = _ok(client.get("/timeline", params={"q": RENT})).text
    r = _ok(client.get("/timeline", params={"q": RENT, "province": "广西", "date_from": "2010"}))
    page = html.unescape(r.text)
    rows = re.findall(r"<tr><td>[^<]*</td><td>([^<]+)</td>", page[page.index('id="adoptions"'):])
    assert rows == ["南宁市"] and len(re.findall(r"<tr><td>[^<]*</td><td>", every)) > 1
    assert 'id="active-filters"' in page and "广西壮族自治区" in page and "2010-01-01" in page   # as read
    assert 'name="province" id="province" value="广西"' in page and 'value="2010"' in page      # as typed
    img = re.search(r'<img id="curve" src="([^"]+)"', page).group(1)
    assert "province=%E5%B9%BF%E8%A5%BF" in img and "date_from=2010" in img   # (as read: 广西壮族自治区, 2010-01-01)
    # a value make_filters tidies (" city ") is carried as read: the chart had answered 422 to the raw box
    tidy = html.unescape(_ok(client.get("/timeline", params={"q": RENT, "level": " city "})).text)
    _ok(client.get(re.search(r'<img id="curve" src="([^"]+)"', tidy).group(1)))
    png, whole = _ok(client.get(img)), _ok(client.get("/timeline.png", params={"q": RENT}))
    assert png.headers["content-type"] == "image/png" and png.content != whole.content
    # the chart checks its filters as /api/timeline does: a bad or unknown one is a 422 naming it
    for qs, param in (({"province": "火星"}, "province"), ({"provnce": "广西"}, "provnce"),
                      ({"date_from": "2020", "date_to": "2019"}, "date_to")):
        body = client.get("/timeline.png", params={"q": RENT, **qs}).json()
        assert body["error"] == "bad_parameter" and body["param"] == param, body
    # the page says a bad filter in HTML and keeps the box; a filter that leaves nothing is named in the hint
    bad = client.get("/timeline", params={"q": RENT, "province": "火星"})
    assert bad.status_code == 422 and "火星" in bad.text and 'id="error"' in bad.text
    none = _ok(client.get("/timeline", params={"q": RENT, "district": "新昌"})).text
    assert "with the filters" in html.unescape(none) and "新昌县" in none
