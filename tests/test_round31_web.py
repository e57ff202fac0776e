"""Round 31: the timeline page and chart take the search filters; search cites a page by its URL as compare
does; 浦东 names 浦东新区; a search during another process's embed does not advise a second embed."""
from __future__ import annotations

import json

import pytest

from zhengce.cli import main

from support import run

PAGE = ("一、对经认定的众创空间给予房租补贴，按照实际租金的50%给予补助，每年最高10万元，补贴期限最长3年。\n"
        "二、支持创业孵化基地建设，对新认定的国家级孵化基地给予一次性奖励50万元，省级孵化基地给予一次性奖励20万元。\n"
        "三、对高校毕业生首次创业的，给予一次性创业补贴1万元。由市人力资源和社会保障局负责组织实施。\n")
URL = "http://www.example.gov.cn/p1.html"


# ------------------------------------------------------------------ search cites as compare does
@pytest.fixture(scope="module")
def url_store(tmp_path_factory):
    """A store of one untitled page without a 文号 whose URL a sidecar gives."""
    from support import sidecar_store

    return sidecar_store(tmp_path_factory, {"page1.txt": PAGE}, {"page1.txt": URL})


def test_search_cites_the_sidecar_url_as_compare_does(url_store, capsys):
    # a review: compare's row cited the page's URL, search's table its file name (page1.txt)
    code, out, _ = run(capsys, "compare", "房租补贴", "--store", url_store, "--format", "json")
    assert code == 0 and {r["cite"] for r in json.loads(out)["rows"]} == {URL}
    code, out, _ = run(capsys, "search", "房租补贴", "--store", url_store)
    assert code == 0 and URL in out and "page1.txt" not in out


def test_the_web_results_cite_the_sidecar_url(url_store):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from zhengce.web.app import create_app

    with TestClient(create_app(url_store, warm=False), base_url="http://127.0.0.1") as c:
        page = c.get("/", params={"q": "房租补贴"}).text
    results = page[page.index('id="results"'):]
    assert f">{URL}</a>" in results and "page1.txt" not in results


# ------------------------------------------------------------------ a 新区 by its stem
@pytest.mark.parametrize("typed,want", [
    ({"district": "浦东"}, {"province": "上海市", "district": "浦东新区"}),
    ({"district": "浦东新"}, {"province": "上海市", "district": "浦东新区"}),      # as before
    ({"district": "浦东", "city": "上海"}, {"province": "上海市", "district": "浦东新区"}),
    ({"district": "沈北"}, {"province": "辽宁省", "city": "沈阳市", "district": "沈北新区"}),
    ({"district": "两江"}, {"province": "重庆市", "district": "两江新区"}),
    # 滨海 is 天津's 滨海新区 and 盐城's 滨海县: the place given says which
    ({"district": "滨海", "province": "天津"}, {"province": "天津市", "district": "滨海新区"}),
    ({"district": "滨海", "city": "盐城"}, {"province": "江苏省", "city": "盐城市", "district": "滨海县"}),
    ({"district": "清新"}, {"province": "广东省", "city": "清远市", "district": "清新区"}),
])
def test_a_new_area_is_named_by_its_stem(typed, want):
    from zhengce.params import make_filters

    assert make_filters(**typed).to_dict() == want


@pytest.mark.parametrize("typed,says", [
    ("滨海", ("天津市滨海新区", "盐城市滨海县")),    # two districts go by it: both named, neither chosen
    ("清", ()),          # 清新区 is no 新区 of 清
    ("新区", ()), ("高新", ()), ("开发", ()), ("城区", ()), ("上海", ()),
])
def test_a_stem_names_no_more_than_it_did(typed, says):
    from zhengce.params import InvalidParam, make_filters

    with pytest.raises(InvalidParam) as e:
        make_filters(district=typed)
    assert e.value.param == "district" and all(s in str(e.value) for s in says), str(e.value)


def test_the_cli_filters_by_a_new_areas_stem(url_store, capsys):
    code, out, err = run(capsys, "search", "房租补贴", "--store", url_store, "--district", "浦东", "--format", "json")
    assert code == 0 and json.loads(out)["filters"] == {"province": "上海市", "district": "浦东新区"}, err


# ------------------------------------------------------------------ one writer of the index at a time
@pytest.fixture
def quick_busy(monkeypatch):
    from zhengce.index import lock

    monkeypatch.setattr(lock, "PROBE_GRACE_S", 0.0)     # a held lock is said at once, not after the grace


@pytest.fixture
def unembedded(tmp_path):
    """A store whose measures are not in the search index yet (an ingest still before or in its embed phase)."""
    src = tmp_path / "pages"
    src.mkdir()
    (src / "page1.txt").write_text(PAGE, encoding="utf-8")
    store = tmp_path / "store"
    assert main(["ingest", str(src), "--store", str(store), "--quiet", "--no-embed"]) == 0
    return store


def test_the_lock_names_its_holder(tmp_path, quick_busy):
    import os

    from zhengce.errors import IndexBusy
    from zhengce.index.lock import index_lock, index_writer

    from support import lock_held_elsewhere

    index = tmp_path / "store" / "index"
    assert index_writer(index) is None
    with lock_held_elsewhere(index):
        assert index_writer(index) == os.getpid()
        # held by another thread of this process: said so (round 32; another process is named by its pid)
        with pytest.raises(IndexBusy, match="another thread of this process"):
            with index_lock(index, wait=False):
                pass
    assert index_writer(index) is None and not (index.parent / "index.lock").read_text()
    assert not index.exists()       # the lock lies beside the index folder (doctor counts files in it)


def test_search_and_embed_during_another_processs_embed(unembedded, capsys, quick_busy):
    # a review: a search during an ingest's embed phase advised `zhengce embed`, which then embedded every
    # measure a second time beside the ingest
    from support import lock_held_elsewhere

    from zhengce.index.lock import index_lock

    index = unembedded / "index"
    with lock_held_elsewhere(index):         # held as an ingest's embed phase holds it
        code, _, err = run(capsys, "search", "房租补贴", "--store", unembedded)
        assert code == 1 and "is writing the search index" in err and "searchable when it finishes" in err
        assert "zhengce embed" not in err
        for argv in (["embed"], ["index", "--rebuild"]):
            code, out, err = run(capsys, *argv, "--store", unembedded)
            assert code == 1 and "is writing the search index" in err and "nothing done" in err, err
        assert not (index / "manifest.json").exists()     # nothing embedded beside the holder
    code, out, _ = run(capsys, "embed", "--store", unembedded, "--quiet")
    assert code == 0 and "4 measures added" in out
    # the index behind the store while another process writes it: the warning says so, search still answers
    (unembedded.parent / "pages" / "page2.txt").write_text(PAGE.replace("房租", "场地租金"), encoding="utf-8")
    assert main(["ingest", str(unembedded.parent / "pages"), "--store", str(unembedded), "--quiet",
                 "--no-embed"]) == 0
    with index_lock(index, wait=False):
        code, out, err = run(capsys, "search", "房租补贴", "--store", unembedded)
        assert code == 0 and "房租" in out and "behind the store" in err and "is writing the search index" in err
        assert "zhengce embed" not in err


def test_an_ingest_waits_for_another_writer_and_embeds_only_what_is_left(unembedded, capsys, quick_busy):
    import threading

    from zhengce.index.lock import index_lock

    held, done = threading.Event(), threading.Event()

    def other_writer():         # an embed in another process, here a thread with its own lock handle
        from zhengce.index.search import Searcher
        from zhengce.store import Store

        with index_lock(unembedded / "index", wait=False):
            held.set()
            # it indexes the 4 waiting measures while the ingest waits: the ingest must load the index after it,
            # under the lock, or it adds them a second time over the generation this writer saved
            assert Searcher(Store(unembedded)).sync()["added"] == 4
            done.wait(10)

    t = threading.Thread(target=other_writer)
    t.start()
    held.wait(10)
    threading.Timer(0.5, done.set).start()
    code, out, err = run(capsys, "ingest", unembedded.parent / "pages", "--store", unembedded, "--quiet")
    t.join()
    assert code == 0 and "waiting for it to finish" in err and "4 measures added" not in out, out
    from zhengce.index.search import Searcher
    from zhengce.store import Store

    assert len(Searcher(Store(unembedded)).catalog.ids) == 4       # each measure indexed once


def test_the_web_hint_says_an_index_is_being_written(unembedded, quick_busy):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from zhengce.index.lock import index_lock
    from zhengce.web.app import create_app

    with TestClient(create_app(unembedded, warm=False), base_url="http://127.0.0.1") as c:
        idle = c.get("/api/health").json()["hint"]
        assert "not in the search index yet" in idle and "zhengce embed" in idle     # --no-embed: advised
        with index_lock(unembedded / "index", wait=False):
            busy = c.get("/api/search", params={"q": "房租补贴"}).json()["hint"]
        assert "is writing the search index" in busy and "zhengce embed" not in busy
