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
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "gold" / "probes"
FIELDS = ("units", "unit_roles", "deadlines", "durations", "money")

_spec = importlib.util.spec_from_file_location("score_dev2", REPO / "bench" / "score_dev2.py")
sd = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sd)


def load(split: str) -> list[dict]:
    sp = json.loads((GOLD / "split.json").read_text(encoding="utf-8"))
    want = set(sp["tune"]) | set(sp["sealed"]) if split == "all" else set(sp[split])
    rows = [json.loads(line) for line in (GOLD / "probes.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
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


def run(split: str, errors) -> dict:
    tot = {f: sd.PRF() for f in FIELDS}
    cases = load(split)
    for case in cases:
        score_case(case, tot, errors)
    return {"split": split, "n": len(cases), "fields": {f: tot[f].as_dict() for f in FIELDS}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("both", "tune", "sealed", "all"), default="both")
    ap.add_argument("--errors", nargs="?", const="all", default=None, help="failures of the tune split (refused for sealed)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    if a.errors and a.split != "tune":
        print("--errors is only for --split tune: sealed failures are never read", file=sys.stderr)
        return 2
    errors = [] if a.errors else None
    results = [run(s, errors) for s in (("tune", "sealed") if a.split == "both" else (a.split,))]
    if a.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
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
