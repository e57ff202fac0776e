"""Extraction against the hand-annotated gold (tests/gold/extract/*.json), via bench/score_extract.py.

Floors are per-field F1 of the real pipeline (ingest normalize_file + nlp extract) measured on
the gold at the time of writing, minus a small margin, never above what was measured. They hold
the line against silent regressions; raise them when the extractor improves. Issue targets
(amounts 0.95, deadlines 0.90, units 0.90, measure boundaries 0.95) are listed in ISSUE_TARGETS
and reported by the scorer; the floors below are what is actually achieved.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from support import DEV_CORPUS, dev_corpus_or_skip

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "gold" / "extract"

# Measured 2026-11-26 05:29 UTC (bench/score_extract.py); floor = measured F1 - ~0.02, never above it.
# seed: the five bundled pages (annotator E1); dev: 60 excerpts of ../shared/corpus-dev (annotator E2).
# The gold was readable by the extractor's authors while they worked, so these are development
# scores, not held-out ones; unseen documents will score lower.
SEED_FLOORS = {
    "measures": 0.97,        # measured 0.993
    "measure_kind": 0.94,    # measured 0.960
    "amounts": 0.98,         # measured 1.000
    # moved 0.98 -> 0.95 (2026-12-05, measured 0.959, recall 1.000): contract and service terms (签订1年以上劳动合同,
    # 服务期在3年以上) are durations in the spec-aligned dev2 gold; this older seed gold left them out (3 FPs)
    "deadlines": 0.95,
    "units": 0.97,           # measured 0.995
    "targets": 0.96,         # measured 0.981
    "instruments": 0.74,     # measured 0.761 (gold tags are "where clear": precision is a lower bound)
}
DEV_FLOORS = {
    "measures": 0.95,        # measured 0.973
    "measure_kind": 0.78,    # measured 0.867; 0.810 (2026-12-05): the spec's kinds differ from this gold's (definitions, lead-ins and 申报材料 lists are other, reporting is news)
    # moved 0.95 -> 0.88 (2026-12-05, measured 0.903, recall 0.974 unchanged): the spec counts every monetary amount,
    # statistics as kind `other` (累计发放…亿元, 下达…万元); this older gold left reported money out (19 of 21 FPs)
    # moved 0.88 -> 0.80 (round 19, measured 0.831): a fund's size (市财政每年安排1000万元, 设立总规模…) and a
    # superseded level (从不超过300万元提高到…) are `other`, as the spec-aligned readers mark them (28 to 1 on
    # the tune gold); this older gold says fixed, and says fixed + per where the spec says per_unit (migrated)
    "amounts": 0.80,
    # moved 0.94 -> 0.75 (2026-12-05, measured 0.775, recall 1.000): eligibility periods (毕业5年内, 正常经营1年以上)
    # are durations and a year leading its sentence (2022年,福建将实施…) is a period under the spec; this older
    # gold left both out, so they score as false positives here; 0.75 -> 0.74 (measured 0.748): five-year
    # plan periods (“十三五”时期 = 2016-2020) are spans under the spec, left out of this gold; 0.74 -> 0.72 (round 8,
    # measured 0.733): one more eligibility period (登记注册2年以上) read as the spec asks, an FP to this gold
    "deadlines": 0.72,
    # moved 0.66 -> 0.36 (2026-12-05, measured 0.412, recall unchanged 0.737): the spec now counts every body that
    # funds/certifies/administers/receives (经…认定, 市财政给予…, 向…申请) wherever it stands; this older gold marked
    # only 牵头/责任 lists, so those correct finds score as false positives here (19 gold units in the dev excerpts);
    # 0.36 -> 0.35 (round 24, measured 0.353, recall unchanged 0.632): a body acting by a verb of its own programme
    # (上海人社、财政部门还持续优化…补贴, 省财政鼓励支持…) is an administering unit under the spec, an FP to this gold;
    # 0.35 -> 0.34 (round 25, measured 0.348, recall unchanged 0.632): a body acting beside a government
    # (省人社厅与天河区人民政府合作共建…) is kept, one more FP to this gold (the devspec gold counts it: 0.778 -> 0.794);
    # 0.34 -> 0.26 (round 26, measured 0.265, 9 of this gold's 19 units found): levels sharing one department
    # (各市州、直管市、神农架林区科技局) are one body as written, as the spec readers of the same page (devspec gold),
    # of dev2 and of genre list them; this older gold splits dev-042's into three (devspec tune units 0.794 -> 0.873);
    # 0.26 -> 0.25 (round 26, measured 0.257): 市级主管部门 and the like (经市级主管部门审核) are bodies, two more
    # FPs to this list-only gold (the devspec gold of the same pages is unchanged, 0.889)
    "units": 0.25,
    "targets": 0.91,         # measured 0.935
    "instruments": 0.74,     # measured 0.806; 0.767 (2026-12-05): items are cut into provisions, each tagged from its own text
}
ISSUE_TARGETS = {"amounts": 0.95, "deadlines": 0.90, "units": 0.90, "measures": 0.95}

MEASURE_KINDS = {"measure", "preamble", "goal", "heading", "signature", "other"}
AMOUNT_KINDS = {"cap", "fixed", "per_unit", "ratio", "range", "threshold", "target"}
DEADLINE_KINDS = {"by", "until", "from", "span", "within", "recurring"}


def _load_scorer():
    spec = importlib.util.spec_from_file_location("score_extract", REPO / "bench" / "score_extract.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["score_extract"] = mod
    spec.loader.exec_module(mod)
    return mod


se = _load_scorer()


@pytest.fixture(scope="module")
def seed_result():
    return se.score(GOLD, subset="seed", peer=False)


def _gold_files(kind: str) -> list[Path]:
    return sorted(GOLD.glob(f"{kind}-*.json"))


def _check_well_formed(g: dict) -> None:
    assert set(g) >= {"file", "metadata", "measures", "amounts", "deadlines", "units", "targets"}, g["file"]
    heads = {m["head"] for m in g["measures"]}
    for m in g["measures"]:
        assert m["kind"] in MEASURE_KINDS, (g["file"], m)
    for a in g["amounts"]:
        assert a["kind"] in AMOUNT_KINDS, (g["file"], a)
        assert any(a.get(k) is not None for k in ("value_yuan", "percent", "ratio", "raw_value")), (g["file"], a)
    for d in g["deadlines"]:
        assert d["kind"] in DEADLINE_KINDS, (g["file"], d)
    for u in g["units"]:
        assert u["measure"] in heads and u["role"] in ("lead", "co"), (g["file"], u)
    for i in g.get("instruments", []):
        assert i["measure"] in heads, (g["file"], i)


def _locate_all(g: dict) -> list[str]:
    from zhengce.ingest.document import normalize_file
    src = se.resolve_source(g)
    ref = se.reference_text(src.read_bytes().decode("utf-8", errors="replace"))
    return se.locate_gold(g, ref, normalize_file(src).text).unlocated


def test_seed_gold_covers_all_five_seeds_and_is_well_formed():
    files = _gold_files("seed")
    assert len(files) == 5
    for p in files:
        g = json.loads(p.read_text(encoding="utf-8"))
        _check_well_formed(g)
        assert se.resolve_source(g) is not None, g["file"]
        assert _locate_all(g) == [], g["file"]


def test_dev_gold_is_well_formed_and_located():
    dev_corpus_or_skip()
    files = _gold_files("dev")
    assert len(files) >= 30
    for p in files:
        g = json.loads(p.read_text(encoding="utf-8"))
        _check_well_formed(g)
        assert se.resolve_source(g) is not None, g["file"]
        assert _locate_all(g) == [], g["file"]


def _oracle(dg, spoil_amounts: bool = False) -> list:
    """Predictions copied from located gold: the scorer must give them F1 1.0."""
    def item(x, **over):
        d = {k: v for k, v in x.item.items() if k not in ("text", "occurrence")}
        d.update(over)
        d.setdefault("raw_value", None)
        return SimpleNamespace(start=x.start, end=x.end, text=dg.doc_text[x.start:x.end], **d)

    ms = []
    for x in dg.measures:
        ms.append(SimpleNamespace(kind=x.item["kind"], start=x.start, end=x.start + 1, text="", amounts=[],
                                  deadlines=[], units=[], targets=[], instruments=[], instrument_types=[]))
    by_start = {m.start: m for m in ms}
    for m_next, m in zip(ms[1:] + [None], ms):
        m.end = m_next.start if m_next else len(dg.doc_text)
    holder = ms[0]
    for a in dg.amounts:
        vals = {"value_yuan": a.item["value_yuan"] * 1.1} if spoil_amounts and a.item.get("value_yuan") else {}
        holder.amounts.append(item(a, **vals))
    holder.deadlines += [item(d) for d in dg.deadlines]
    holder.targets += [item(t) for t in dg.targets]
    for u, s, _e in dg.units:
        holder.units.append(SimpleNamespace(name=u["name"], role=u["role"], text=u["name"], start=s, end=s + 1))
    for ins, pos in dg.instruments:
        owner = by_start[pos]
        owner.instruments = [t for t in ins["tags"] if t not in se.TYPE_TAGS]
        owner.instrument_types = [t for t in ins["tags"] if t in se.TYPE_TAGS]
    return ms


def test_scorer_gives_oracle_full_marks_and_catches_wrong_values():
    vocab = {t for p in _gold_files("seed") for i in json.loads(p.read_text("utf-8")).get("instruments", [])
             for t in i["tags"]}
    for p in _gold_files("seed"):
        g = json.loads(p.read_text(encoding="utf-8"))
        ref = se.reference_text(se.resolve_source(g).read_text(encoding="utf-8"))
        dg = se.locate_gold(g, ref, ref)
        ms = _oracle(dg)
        bnd, knd = se.score_measures(dg, ms, None)
        assert bnd.fp == bnd.fn == knd.fp == knd.fn == 0, g["file"]
        amts = [a for m in ms for a in m.amounts]
        assert se.match_spans(dg.amounts, amts, se.amount_agree, None, "", "", "").fn == 0
        dls = [d for m in ms for d in m.deadlines]
        assert se.match_spans(dg.deadlines, dls, se.deadline_agree, None, "", "", "").fn == 0
        tg = [t for m in ms for t in m.targets]
        assert se.match_spans(dg.targets, tg, se.target_agree, None, "", "", "").fn == 0
        r = se.score_units(dg, [u for m in ms for u in m.units], True, None)
        assert r.fn == r.fp == 0, g["file"]
        r = se.score_instruments(dg, ms, vocab, None)
        assert r.fn == r.fp == 0, g["file"]
        if dg.amounts:
            spoiled = [a for m in _oracle(dg, spoil_amounts=True) for a in m.amounts]
            r = se.match_spans(dg.amounts, spoiled, se.amount_agree, None, "", "", "")
            assert r.fn == sum(1 for a in dg.amounts if a.item.get("value_yuan")), g["file"]


def test_alignment_carries_gold_across_ingest_repairs():
    # seed 001 has '201612月底以前' which ingest repairs to '2016年12月底以前'
    from zhengce.ingest.document import normalize_file
    g = json.loads((GOLD / "seed-001.json").read_text(encoding="utf-8"))
    src = se.resolve_source(g)
    doc = normalize_file(src)
    dg = se.locate_gold(g, se.reference_text(src.read_text(encoding="utf-8")), doc.text)
    d = next(x for x in dg.deadlines if x.item["text"].startswith("201612"))
    assert doc.text[d.start:d.end].startswith("2016")
    assert doc.text[d.start:d.end].endswith("以前")


@pytest.mark.parametrize("field", sorted(SEED_FLOORS))
def test_seed_f1_floor(seed_result, field):
    assert seed_result["n_docs"] == 5
    f1 = seed_result["fields"][field]["f1"]
    assert f1 >= SEED_FLOORS[field], f"{field}: F1 {f1:.3f} < floor {SEED_FLOORS[field]}"


def test_seed_beats_jionlp_peer_on_amounts_and_deadlines():
    pytest.importorskip("jionlp", reason="the peer baseline jionlp is not installed (pip install jionlp)")
    result = se.score(GOLD, subset="seed", peer=True)
    for f in ("amounts", "deadlines"):
        assert result["fields"][f]["f1"] > result["peer"][f]["f1"] + 0.2, f


@pytest.fixture(scope="module")
def dev_result():
    if not (DEV_CORPUS / "index.jsonl").is_file():
        pytest.skip(f"dev corpus not found at {DEV_CORPUS} (set ZHENGCE_DEV_CORPUS); "
                    "it lives beside the repo in ../shared/corpus-dev and is not bundled")
    return se.score(GOLD, subset="dev", peer=False)


@pytest.mark.parametrize("field", sorted(DEV_FLOORS))
def test_dev_f1_floor(dev_result, field):
    assert dev_result["n_docs"] >= 30 and not dev_result["skipped"]
    f1 = dev_result["fields"][field]["f1"]
    assert f1 >= DEV_FLOORS[field], f"{field}: F1 {f1:.3f} < floor {DEV_FLOORS[field]}"
