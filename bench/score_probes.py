#!/usr/bin/env python
"""Score extraction on the spec probes: 120 short passages written with their answers from the spec alone.

    python bench/score_probes.py                   # tune and sealed side by side
    python bench/score_probes.py --split tune --errors unit_roles

tests/gold/probes/probes.jsonl was written by a helper who read only ../shared/extraction-spec.md (no project
code, gold or corpus; nothing run), each case 1-4 sentences in a genre of local-government writing (申报通知,
责任单位 lists, 答复函, news, 公示, flattened table rows) with its units and roles, deadlines, durations and
money. split.json divides it once (random, before the extractor first ran on it): ``tune`` failures may be
read (``--errors``); ``sealed`` is only ever scored in aggregate.

Scoring, per case, micro over cases:
  units / unit_roles  the document-level units (name as written; + role), as bench/score_dev2.py scores them
  deadlines           a dated prediction overlapping the gold span whose date, start and end include every date
                      the gold names (the probes fill ``date`` beside ``start_date`` for a start and beside
                      ``end_date`` for an end: compared as a set, either convention passes)
  durations           benefit/eligibility periods and within-windows: overlap and the same ISO duration
  money               distinct yuan values per case
A case too short for ingest's 50-character floor is extracted as a bare document of its text.

    python bench/score_probes.py --pages           # 60 probe pages: measure starts, kinds, place
    python bench/score_probes.py --batch 2         # round 27's second batch: 150 passages (--pages: 40 pages)

Batch 2 (``--batch 2``, round 27): another helper, the same spec and rules, other genres and forms (service guides with
their field labels, 答复函, flattened table rows, WeChat summaries, plan stages); 150 passages in tests/gold/probes2
(90 tune / 60 sealed) and 40 pages in tests/fixtures/probe_pages2 with gold in tests/gold/probe_pages2 (24 / 16), each
split once before the extractor first ran on it.

tests/fixtures/probe_pages (gold in tests/gold/probe_pages, split 35 tune / 25 sealed the same way) are whole
pages (notices, 办法 by 第X条, 解读 Q&A, replies to 建议, news, 申报指南, work plans, 公示, flattened tables) a
helper wrote with every item's start and kind and the page's place, from the spec alone. Measure starts
match within ±3 characters. The writer opened a measure after a short title or a reporting lead-in on its
own line (（一）推进…。对…, 根据措施，…) where the older gold opens it at the number (298 of 312 such
items in the genre tune gold): either start counts (``--raw``: only the writer's). Kinds: at each gold
item's start (headings aside), the kind of the item found there. Place: (province, city, district) exact.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIELDS = ("units", "unit_roles", "deadlines", "durations", "money")

_spec = importlib.util.spec_from_file_location("score_dev2", REPO / "bench" / "score_dev2.py")
sd = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sd)


# batch 2 (round 27): another helper, the same spec, other genres and forms; split the same way
BATCHES = {1: ("probes", "probe_pages"), 2: ("probes2", "probe_pages2")}


def load(split: str, batch: int = 1) -> list[dict]:
    gold = REPO / "tests" / "gold" / BATCHES[batch][0]
    sp = json.loads((gold / "split.json").read_text(encoding="utf-8"))
    want = set(sp["tune"]) | set(sp["sealed"]) if split == "all" else set(sp[split])
    rows = [json.loads(line) for line in (gold / "probes.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["id"] in want]


def _document(case: dict):
    from zhengce.errors import IngestError
    from zhengce.ingest.document import normalize_bytes
    from zhengce.records import Document

    try:
        doc = normalize_bytes(case["text"].encode("utf-8"), case["id"] + ".txt")
    except IngestError:     # under ingest's 50-character floor: the passage as it stands
        doc = Document(source=case["id"] + ".txt", text=case["text"], original_text=case["text"])
    if case.get("doc_date"):
        doc.issue_date = case["doc_date"]
    return doc


def _dates_cover(g: dict, p) -> bool:
    want = {g.get(k) for k in ("date", "start_date", "end_date")} - {None}
    have = {getattr(p, k, None) for k in ("date", "start_date", "end_date")} - {None}
    return want <= have


def _match(gold: list[dict], preds: list, text: str, agree) -> tuple:
    r, used, missed = sd.PRF(), set(), []
    for g in gold:
        at = text.find(g["text"])
        hit = next((j for j, p in enumerate(preds) if j not in used and at >= 0 and
                    p.start < at + len(g["text"]) and at < p.end and agree(g, p)), None)
        if hit is None:
            r.fn += 1
            missed.append(g)
        else:
            used.add(hit)
            r.tp += 1
    extra = [p for j, p in enumerate(preds) if j not in used]
    r.fp += len(extra)
    return r, missed, extra


def score_case(case: dict, tot: dict, errors) -> None:
    from zhengce.nlp.extract import extract

    ex = extract(_document(case))
    text = ex.document.text
    gu = [{"name": n, "role": r, "full_name": None} for n, r in case.get("units", [])]
    for key, with_role in (("units", False), ("unit_roles", True)):
        r = sd._unit_prf(gu, list(ex.units or []), with_role)
        tot[key].add(r)
        if errors is not None and (r.fp or r.fn):
            errors.append({"id": case["id"], "field": key, "gold": [(u["name"], u["role"]) for u in gu],
                           "pred": sorted({(u.name, u.role) for u in ex.units or []})})
    dated, durations = sd._pred_deadlines(ex)
    for key, gold, preds, agree in (
            ("deadlines", case.get("deadlines", []), dated, _dates_cover),
            ("durations", case.get("durations", []), durations, lambda g, p: g["iso"] == sd._iso_of(p))):
        r, missed, extra = _match(gold, preds, text, agree)
        tot[key].add(r)
        if errors is not None and (missed or extra):
            errors.append({"id": case["id"], "field": key, "missed": missed,
                           "extra": [(p.text, getattr(p, "kind", None), getattr(p, "date", None) or sd._iso_of(p))
                                     for p in extra]})
    golds = [a["value_yuan"] for a in case.get("money", []) if a.get("value_yuan") is not None]
    amounts = sd._all(ex, "amounts")
    r = sd._set_prf(golds, [a.value_yuan for a in amounts if a.value_yuan is not None])
    tot["money"].add(r)
    if errors is not None and (r.fp or r.fn):
        errors.append({"id": case["id"], "field": "money", "gold": golds,
                       "pred": [(a.text, a.value_yuan, a.kind) for a in amounts]})


def run(split: str, errors, batch: int = 1) -> dict:
    tot = {f: sd.PRF() for f in FIELDS}
    cases = load(split, batch)
    for case in cases:
        score_case(case, tot, errors)
    return {"split": split, "n": len(cases), "fields": {f: tot[f].as_dict() for f in FIELDS}}


def run_pages(split: str, errors, raw: bool = False, batch: int = 1) -> dict:
    from zhengce.pipeline import process_bytes

    se = sd.se
    PAGES = REPO / "tests" / "fixtures" / BATCHES[batch][1]
    PAGE_GOLD = REPO / "tests" / "gold" / BATCHES[batch][1]
    sp = json.loads((PAGE_GOLD / "split.json").read_text(encoding="utf-8"))
    want = set(sp["tune"]) | set(sp["sealed"]) if split == "all" else set(sp[split])
    golds = [json.loads(x) for x in (PAGE_GOLD / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    starts, kinds, place = sd.PRF(), sd.PRF(), [0, 0]
    for g in (g for g in golds if g["file"] in want):
        page = (PAGES / g["file"]).read_text(encoding="utf-8")
        ex = process_bytes(page.encode("utf-8"), g["file"])
        doc = ex.document
        items = [{"head": it["head"], "occurrence": page.count(it["head"], 0, it["start"]) + 1, "kind": it["kind"]}
                 for it in g["items"]]
        dg = se.locate_gold({"file": g["file"], "measures": items, "units": [], "instruments": [], "targets": []},
                            se.reference_text(page), doc.text)
        gold_starts = [x.start for x in dg.measures if x.item["kind"] == "measure"]
        pred_starts = [se._content_start(m, doc.text) for m in ex.measures if m.kind == "measure"]
        alt = {} if raw else {b.start: a.start for a, b in zip(dg.measures, dg.measures[1:])
                              if b.item["kind"] == "measure" and a.item["kind"] in ("heading", "news")
                              and "\n" not in doc.text[a.start:b.start] and b.start - a.start <= 20}
        r, missed, extra = sd._greedy(gold_starts, pred_starts, lambda s, q: abs(q - s) <= se.BOUNDARY_TOL or
                                      (s in alt and abs(q - alt[s]) <= se.BOUNDARY_TOL))
        starts.add(r)
        found = [(se._content_start(m, doc.text), m.kind) for m in ex.measures]
        for x in dg.measures:
            if x.item["kind"] == "heading":
                continue
            near = [k for s, k in found if abs(s - x.start) <= se.BOUNDARY_TOL]
            kinds.tp += x.item["kind"] in near
            kinds.fp += bool(near) and x.item["kind"] not in near
            kinds.fn += x.item["kind"] not in near
        reg, gp = doc.region, g["place"]
        ok = all((gp.get(k) or None) == (getattr(reg, k, None) or None) for k in ("province", "city", "district"))
        place[0] += ok
        place[1] += 1
        if errors is not None:
            errors.extend({"id": g["file"], "field": "measures", "type": t, "text": doc.text[p:p + 30]}
                          for t, ps in (("miss", missed), ("false_positive", extra)) for p in ps)
            if not ok:
                errors.append({"id": g["file"], "field": "place", "gold": [gp.get(k) for k in ("province", "city", "district")],
                               "pred": [getattr(reg, k, None) for k in ("province", "city", "district")]})
    return {"split": split, "n": place[1], "fields": {"measures": starts.as_dict(), "kinds": kinds.as_dict(),
                                                      "place": {"accuracy": round(place[0] / max(1, place[1]), 4)}}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("both", "tune", "sealed", "all"), default="both")
    ap.add_argument("--errors", nargs="?", const="all", default=None, help="failures of the tune split (refused for sealed)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--pages", action="store_true", help="the 60 probe pages: measure starts, kinds, place")
    ap.add_argument("--raw", action="store_true", help="--pages: only the writer's own measure starts count")
    ap.add_argument("--batch", type=int, choices=sorted(BATCHES), default=1,
                    help="1: the first helper's 120 passages / 60 pages; 2: round 27's 150 passages / 40 pages")
    a = ap.parse_args(argv)
    if a.errors and a.split != "tune":
        print("--errors is only for --split tune: sealed failures are never read", file=sys.stderr)
        return 2
    errors = [] if a.errors else None
    splits = ("tune", "sealed") if a.split == "both" else (a.split,)
    results = [run_pages(s, errors, a.raw, a.batch) if a.pages else run(s, errors, a.batch) for s in splits]
    if a.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    elif a.pages:
        for r in results:
            m, k = r["fields"]["measures"], r["fields"]["kinds"]
            print(f"{r['split']:<7} ({r['n']} pages)  measure starts F1 {m['f1']:.3f} (P {m['p']:.2f} R {m['r']:.2f})"
                  f"  kinds F1 {k['f1']:.3f}  place {r['fields']['place']['accuracy']:.3f}")
    else:
        head = f"{'field':<12}" + "".join(f"  {r['split']} ({r['n']} cases)".ljust(30) for r in results)
        print(head)
        print("-" * len(head))
        for f in FIELDS:
            cells = "".join(f"  F1 {r['fields'][f]['f1']:.3f} (P {r['fields'][f]['p']:.2f} R {r['fields'][f]['r']:.2f})".ljust(30)
                            for r in results)
            print(f"{f:<12}{cells}")
    for e in errors or []:
        if a.errors in ("all", e["field"]):
            print(json.dumps(e, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
