#!/usr/bin/env python
"""Train the provision/kind model of nlp/kinds.py and print its cross-validated scores beside the rules.

Examples are the clauses of the layout records (``nlp.measures.layout_records`` cut by
``nlp.kinds.clauses``), each labelled from gold: the kind of the gold item that starts there
(±3 chars), else ``cont`` (a clause inside a record) or ``other`` (a record start no gold item
marks). Sources: the ``tune`` parts (``tune`` and ``tune2``) of the three spec-aligned gold sets —

* ``dev2``: tests/gold/dev2 over ../shared/corpus-dev2 (real pages, 104 documents);
* ``devspec``: tests/gold/devspec over ../shared/corpus-dev (real pages, 39 documents);
* ``genre``: tests/gold/genre over tests/fixtures/genre_pages (pages written blind by helpers, 354).

Sealed documents are never read. Cross-validation: 5 folds over all tune documents (grouped by
document, fixed order). Each fold's model stands in for the shipped one while ``split_measures`` reads
the held-out documents — the whole of ``refine``: its gates, the clauses the rules settle, the running
kind fed back as ``cur`` — and measure starts and kinds are counted as bench/score_dev2.py counts them,
beside the rules alone on the same documents (in-sample for the rules).
A set whose folder is absent is skipped with a note. Deterministic (lbfgs, fixed folds). Writes
nlp/resources/kinds.json unless --dry-run.

Usage: python bench/train_kinds.py [--dry-run] [--C 0.5] [--sets dev2,devspec,genre]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parent.parent

_spec = importlib.util.spec_from_file_location("score_dev2", REPO / "bench" / "score_dev2.py")
sd = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sd)
se = sd.se

from zhengce.nlp import kinds as K  # noqa: E402
from zhengce.nlp.measures import layout_records  # noqa: E402

TOL = 3
MAP = K.TRAINED_AS
# per tune document: its normalized text and gold items [(start, kind)] (for the end-to-end CV)
DOCS: dict[str, tuple[str, list[tuple[int, str]]]] = {}


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
                        "after": units[i][2],
                        "first": i == 0, "rule": rule if i == 0 or rule != "cont" else "cont", "w": weight,
                        "plain": K.plain_continuation(text, rec, units, i, rcur)})
            cur = lab if lab != "cont" else cur
            rcur = rule if rule != "cont" else (rcur or rec["kind"])
    return out


SETS = {"dev2": (sd.GOLD, sd.DEV2),
        "devspec": (REPO / "tests" / "gold" / "devspec", REPO.parent / "shared" / "corpus-dev"),
        "genre": (REPO / "tests" / "gold" / "genre", REPO / "tests" / "fixtures" / "genre_pages")}


def set_examples(name: str) -> list[dict]:
    """The clauses of one gold set's tune documents, labelled ({"set": name, "doc": "name:file", …})."""
    from zhengce.pipeline import process_bytes
    gold, corpus = SETS[name]
    sd.GOLD, sd.DEV2 = gold, corpus         # score_dev2's loaders read these
    split = json.loads((gold / "split.json").read_text(encoding="utf-8"))
    url_of = sd.urls()
    out = []
    for fname in sorted(set(split["tune"]) | set(split.get("tune2", []))):   # tune only: sealed docs are never read
        g = json.loads((gold / fname.replace(".txt", ".json")).read_text(encoding="utf-8"))
        src = corpus / fname
        text = process_bytes(src.read_bytes(), str(src), url=url_of.get(fname)).document.text
        ref = se.reference_text(src.read_text(encoding="utf-8"))
        dg = se.locate_gold({**g, "units": [], "instruments": []}, ref, text)
        starts = {se._LEAD_WS.match(text, x.start).end(): x.item["kind"] for x in dg.measures}
        DOCS[f"{name}:{fname}"] = (text, [(x.start, x.item["kind"]) for x in dg.measures])
        for ex in _examples(text, starts, f"{name}:{fname}", True, 1.0):
            ex["set"] = name
            out.append(ex)
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
    import base64

    import numpy as np
    packed = base64.b64encode(np.asarray(rows, dtype="<f4").reshape(len(feats), len(labels)).tobytes()).decode("ascii")
    return {"about": "nlp/kinds.py provision/kind model; bench/train_kinds.py", "labels": labels,
            "features": feats, "coef": packed, "bias": [round(float(b), 4) for b in clf.intercept_]}


def _prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"F1 {f:.3f} (P {p:.2f} R {r:.2f}; tp {tp} fp {fp} fn {fn})"


def _score_docs(names: list[str]) -> dict[str, list[int]]:
    """Measure starts and kinds of ``split_measures`` on these documents as bench/score_dev2.py counts them
    (starts ±3 characters; the kind found at each gold item's start, headings aside): {field: [tp, fp, fn]}."""
    from zhengce.nlp.measures import split_measures
    out = {"starts": [0, 0, 0], "kinds": [0, 0, 0]}
    for name in names:
        text, gold = DOCS[name]
        ms = split_measures(text)
        found = [(se._content_start(m, text), m.kind) for m in ms]
        r, _, _ = sd.match_starts([s for s, k in gold if k == "measure"], [s for s, k in found if k == "measure"])
        for i, v in enumerate((r.tp, r.fp, r.fn)):
            out["starts"][i] += v
        for s, k in gold:
            if k != "heading":
                got = next((pk for ps, pk in found if abs(ps - s) <= se.BOUNDARY_TOL), None)
                out["kinds"][0] += got == k
                out["kinds"][1] += got is not None and got != k
                out["kinds"][2] += got is None
    return out


def _line(c: dict[str, list[int]]) -> str:
    return f"measure starts {_prf(*c['starts'])}; kinds {_prf(*c['kinds'])}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--sets", default="dev2,devspec,genre", help="gold sets whose tune parts train the model")
    ap.add_argument("--confidence", type=float, default=0.6,
                    help="shipped setting: the rules' label stands unless the model is this sure of its own")
    ap.add_argument("--prune", type=float, default=0.05, help="drop features whose largest |weight| is below")
    a = ap.parse_args(argv)
    exs: list[dict] = []
    for name in a.sets.split(","):
        gold, corpus = SETS[name]
        if not (gold / "split.json").is_file() or not corpus.is_dir():
            print(f"skip {name}: {corpus} or its gold is absent")
            continue
        got = set_examples(name)
        print(f"examples: {name} tune {len(got)} clauses from {len({e['doc'] for e in got})} docs")
        exs += got
    docs = sorted({ex["doc"] for ex in exs})
    # held-out documents read by the real pipeline (split_measures -> refine, with the rules' settled clauses,
    # the running kind as ``cur`` and every gate), the fold's model standing in for the shipped one
    tot = {how: {} for how in ("rules", "model")}
    real_load = K.load_model
    try:
        for k in range(a.folds):
            test_docs = docs[k::a.folds]
            dv, clf = fit([ex for ex in exs if ex["doc"] not in set(test_docs)], a.C)
            fold = K.prepare_model(export(dv, clf, a.prune))
            fold["confidence"] = a.confidence
            K.load_model = lambda path=None, _m=fold: _m
            for how in ("rules", "model"):
                with mock.patch.dict(os.environ, {"ZHENGCE_KINDS": how}):
                    for name in sorted({d.split(":", 1)[0] for d in test_docs}):
                        got = _score_docs([d for d in test_docs if d.startswith(name + ":")])
                        acc = tot[how].setdefault(name, {"starts": [0, 0, 0], "kinds": [0, 0, 0]})
                        for f in acc:
                            acc[f] = [x + y for x, y in zip(acc[f], got[f])]
    finally:
        K.load_model = real_load
    print(f"{a.folds}-fold CV over the tune documents of every set (grouped by document), held-out documents read "
          f"by split_measures as bench/score_dev2.py scores them (the rules are in-sample):")
    for name in sorted(tot["rules"]):
        print(f"  {name:8s} rules: {_line(tot['rules'][name])}")
        print(f"  {name:8s} model: {_line(tot['model'][name])}")
    dv, clf = fit(exs, a.C)
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
