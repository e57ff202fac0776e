#!/usr/bin/env python
"""Train the provision/kind model of nlp/kinds.py and print its cross-validated scores beside the rules.

Examples are the clauses of the layout records (``nlp.measures.layout_records`` cut by
``nlp.kinds.clauses``), each labelled from gold: the kind of the gold item that starts there
(±3 chars), else ``cont`` (a clause inside a record) or ``other`` (a record start no gold item
marks). Sources:

* the ``tune`` (and ``tune2``) part of tests/gold/dev2 (spec-aligned, provision granularity) — every clause;
* the older in-sample gold tests/gold/extract (item granularity, no criterion/news kinds) — record
  starts only, at half weight (its items are not cut into provisions, so its inner clauses say
  nothing about provision starts).

Sealed dev2 documents are never read. Cross-validation: 5 folds over the tune documents (grouped
by document, fixed order), old gold always in training; scores are clause-level measure-start
P/R/F1 and the kind accuracy at starts, for the model and for the rules on the same clauses.
Deterministic (lbfgs, fixed folds). Writes nlp/resources/kinds.json unless --dry-run.

Usage: python bench/train_kinds.py [--dry-run] [--C 0.5]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_spec = importlib.util.spec_from_file_location("score_dev2", REPO / "bench" / "score_dev2.py")
sd = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sd)
se = sd.se

from zhengce.nlp import kinds as K  # noqa: E402
from zhengce.nlp.measures import layout_records  # noqa: E402

TOL = 3
MAP = {"heading": "other", "signature": "other"}


def _examples(text: str, gold_starts: dict[int, str], doc: str, inner: bool, weight: float) -> list[dict]:
    recs, struct = layout_records(text)
    out = []
    for idx, units, ctx in K.record_units(text, recs, struct):
        rec = recs[idx]
        cur = rcur = None        # the kind of the item a clause would continue: gold's, and the rules'
        for i, (s, e, _) in enumerate(units):
            if i and not inner:
                break
            g = next((k for p, k in gold_starts.items() if abs(p - s) <= TOL), None)
            lab = MAP.get(g, g) if g else ("cont" if i else "other")
            rule = K.rule_label(text, rec, units, i, ctx, rcur)
            out.append({"doc": doc, "feats": K.features(text, rec, units, i, ctx, rule, cur), "label": lab,
                        "first": i == 0, "rule": rule if i == 0 or rule != "cont" else "cont", "w": weight,
                        "plain": K.plain_continuation(text, rec, units, i, rcur)})
            cur = lab if lab != "cont" else cur
            rcur = rule if rule != "cont" else (rcur or rec["kind"])
    return out


def dev2_examples() -> list[dict]:
    from zhengce.pipeline import process_bytes
    split = json.loads((sd.GOLD / "split.json").read_text(encoding="utf-8"))
    url_of = sd.urls()
    out = []
    for name in sorted(set(split["tune"]) | set(split.get("tune2", []))):   # tune only: sealed docs are never read
        g = json.loads((sd.GOLD / name.replace(".txt", ".json")).read_text(encoding="utf-8"))
        src = sd.DEV2 / name
        text = process_bytes(src.read_bytes(), str(src), url=url_of.get(name)).document.text
        ref = se.reference_text(src.read_text(encoding="utf-8"))
        dg = se.locate_gold({**g, "units": [], "instruments": []}, ref, text)
        starts = {se._LEAD_WS.match(text, x.start).end(): x.item["kind"] for x in dg.measures}
        out += _examples(text, starts, name, True, 1.0)
    return out


def old_examples() -> list[dict]:
    from zhengce.ingest.document import normalize_file
    out = []
    for g in se.load_gold(se.GOLD_DIR):
        src = se.resolve_source(g)
        if src is None:
            continue
        text = normalize_file(src).text
        ref = se.reference_text(src.read_bytes().decode("utf-8", errors="replace"))
        dg = se.locate_gold({**g, "units": [], "instruments": []}, ref, text)
        starts = {x.start: x.item["kind"] for x in dg.measures}
        out += _examples(text, starts, g["file"], False, 0.5)
    return out


def fit(train: list[dict], C: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    dv = DictVectorizer()
    X = dv.fit_transform([{f: 1 for f in ex["feats"]} for ex in train])
    y = [ex["label"] for ex in train]
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(X, y, sample_weight=[ex["w"] for ex in train])
    return dv, clf


def export(dv, clf, prune: float = 0.02) -> dict:
    labels = list(clf.classes_)
    coef = clf.coef_.T        # features x labels
    feats, rows = [], []
    for f, k in sorted(dv.vocabulary_.items()):
        row = coef[k]
        if max(abs(v) for v in row) >= prune:
            feats.append(f)
            rows.append([round(float(v), 3) for v in row])
    return {"about": "nlp/kinds.py provision/kind model; bench/train_kinds.py", "labels": labels,
            "features": feats, "coef": rows, "bias": [round(float(b), 4) for b in clf.intercept_]}


def _prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"F1 {f:.3f} (P {p:.2f} R {r:.2f}; tp {tp} fp {fp} fn {fn})"


def evaluate(exs: list[dict], preds: list[str]) -> str:
    tp = fp = fn = 0
    for ex, p in zip(exs, preds):
        g, q = ex["label"] == "measure", p == "measure"
        tp += g and q
        fp += q and not g
        fn += g and not q
    starts = [(ex, p) for ex, p in zip(exs, preds) if ex["label"] != "cont"]
    acc = sum(ex["label"] == p for ex, p in starts) / max(1, len(starts))
    return f"measure starts {_prf(tp, fp, fn)}; kind accuracy at gold starts {acc:.3f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--old-weight", type=float, default=0.0,
                    help="weight of the older gold's record starts (0: left out; at 0.3 they lowered the CV "
                         "measure-start F1 from 0.774 to 0.737: that gold calls eligibility items measures)")
    ap.add_argument("--confidence", type=float, default=0.75,
                    help="shipped setting: the rules' label stands unless the model is this sure of its own")
    ap.add_argument("--prune", type=float, default=0.05, help="drop features whose largest |weight| is below")
    a = ap.parse_args(argv)
    dev = dev2_examples()
    old = old_examples() if a.old_weight > 0 else []
    for ex in old:
        ex["w"] = a.old_weight
    docs = sorted({ex["doc"] for ex in dev})
    print(f"examples: dev2 tune {len(dev)} clauses from {len(docs)} docs; old gold {len(old)} record starts")
    confs = (0.6, 0.75, 0.9)
    preds_m, preds_r, held = [], [], []
    preds_h = {c: [] for c in confs}
    for k in range(a.folds):
        test_docs = set(docs[k::a.folds])
        train = [ex for ex in dev if ex["doc"] not in test_docs] + old
        test = [ex for ex in dev if ex["doc"] in test_docs]
        dv, clf = fit(train, a.C)
        m = export(dv, clf)
        m["vocab"] = {f: i for i, f in enumerate(m["features"])}
        for ex in test:         # as in nlp.kinds.refine: plain continuations are never read
            preds_m.append("cont" if ex["plain"] else K.model_label(m, ex["feats"], ex["first"]))
            for c in confs:
                preds_h[c].append("cont" if ex["plain"] else K.model_label(m, ex["feats"], ex["first"], ex["rule"], c))
            preds_r.append(ex["rule"])
            held.append(ex)
    print(f"{a.folds}-fold CV over dev2 tune documents (clause level):")
    print("  rules:", evaluate(held, preds_r))
    print("  model:", evaluate(held, preds_m))
    for c in confs:
        print(f"  rules unless the model is >= {c:.2f} sure:", evaluate(held, preds_h[c]))
    dv, clf = fit(dev + old, a.C)
    m = export(dv, clf, a.prune)
    m["confidence"] = a.confidence
    print(f"model: {len(m['features'])} features x {len(m['labels'])} labels, confidence {a.confidence}")
    if not a.dry_run:
        K.RESOURCE.parent.mkdir(parents=True, exist_ok=True)
        K.RESOURCE.write_text(json.dumps(m, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        print(f"wrote {K.RESOURCE} ({K.RESOURCE.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
