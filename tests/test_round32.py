"""Round 32: search and compare JSON carry the page URL; the library's index writer takes the store's lock."""
from __future__ import annotations

import json

import pytest

from zhengce.cli import main

from support import run

PAGE = ("一、对经认定的众创空间给予房租补贴，按照实际租金的50%给予补助，每年最高10万元，补贴期限最长3年。\n"
        "二、对高校毕业生首次创业的，给予一次性创业补贴1万元。由市人力资源和社会保障局负责组织实施。\n")
URL = "http://www.example.gov.cn/p1.html"


@pytest.fixture(scope="module")
def url_store(tmp_path_factory):
    """One page a sidecar gives the URL of, and one it does not."""
    src = tmp_path_factory.mktemp("pages")
    (src / "page1.txt").write_text(PAGE, encoding="utf-8")
    (src / "page1.txt.url").write_text(URL + "\n", encoding="utf-8")
    (src / "page2.txt").write_text(PAGE.replace("众创空间", "孵化器"), encoding="utf-8")
    store = tmp_path_factory.mktemp("store")
    assert main(["ingest", str(src), "--store", str(store), "--quiet", "--json"]) == 0
    return store


def test_search_json_gives_each_hits_url(url_store, capsys):
    # round 31 left /api/search and `search --format json` without the URL their tables cite
    from zhengce.schemas import load_schema as schema
    import jsonschema

    code, out, _ = run(capsys, "search", "房租补贴", "--store", url_store, "--format", "json")
    body = json.loads(out)
    assert code == 0 and body["schema_version"] == "1.6.0"
    jsonschema.validate(body, schema("search"))
    urls = {h["source"].rsplit("/", 1)[-1]: h["url"] for h in body["hits"]}
    assert urls.get("page1.txt") == URL and urls.get("page2.txt", "absent") is None


def test_compare_json_cites_the_url(url_store, capsys):
    from zhengce.schemas import load_schema as schema
    import jsonschema

    code, out, _ = run(capsys, "compare", "房租补贴", "--store", url_store, "--format", "json", "--min-match", "0")
    body = json.loads(out)
    assert code == 0 and body["schema_version"] == "1.8.0"
    jsonschema.validate(body, schema("compare"))
    by_file = {r["source"].rsplit("/", 1)[-1]: r for r in body["rows"]}
    row = by_file.get("page1.txt") or next(r for r in body["rows"] if r["citation"]["url"])
    assert row["citation"]["url"] == URL and row["best"][0]["url"] == URL


def test_web_search_json_gives_the_url(url_store):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from zhengce.web.app import create_app

    with TestClient(create_app(url_store, warm=False), base_url="http://127.0.0.1") as c:
        body = c.get("/api/search", params={"q": "房租补贴"}).json()
    assert URL in {h["url"] for h in body["hits"]}

