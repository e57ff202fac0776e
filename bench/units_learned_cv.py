#!/usr/bin/env python
"""Would a learned component beat the unit rules? Cross-validated on the dev2 ``tune`` gold only.

Two decisions are measured, each with scikit-learn's LogisticRegression over features of the candidate
body and the words around its mentions (cue characters before/after, at a line start, in the head of
the page, place/level written, its ending, the rules' own answer as one feature), 5-fold GroupKFold
with documents as groups (deterministic):

  inclusion  every body the scanner finds (not excluded) plus every unit the rules report: is it a
             gold unit of the document? rules vs LR (P/R/F1 over candidates)
  role       units the rules report that match a gold unit: which main role? rules vs LR (accuracy),
             also on the ``tune2`` part alone (annotated later, first scored blind)

The sealed split is never read. Usage: python bench/units_learned_cv.py
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("score_dev2", REPO / "bench" / "score_dev2.py")
sd = importlib.util.module_from_spec(_spec)
sys.modules["score_dev2"] = sd
_spec.loader.exec_module(sd)


def _ctx_feats(f: dict, text: str, ms: list, U) -> None:
    for m in ms:
        a, b = U._line_bounds(text, m.start)
        before, after = text[max(a, m.start - 6):m.start], text[m.end:min(b, m.end + 8)]
        for n in (1, 2, 3):
            f["b" + before[-n:]] = 1
            f["a" + after[:n]] = 1
        f["head"] = max(f.get("head", 0), int(m.start < 300))
        f["line_start"] = max(f.get("line_start", 0), int(m.start == a))
        f["placed"] = max(f.get("placed", 0), int(bool(m.level or m.place)))
    f["mentions"] = min(len(ms), 5) / 5


def collect():
    from zhengce.nlp import units as U
    from zhengce.nlp.extract import level_prefix_for
    from zhengce.pipeline import process_bytes

    tune2 = set(json.loads((sd.GOLD / "split.json").read_text(encoding="utf-8"))["tune2"])
    url_of = sd.urls()
    inc, rol = [], []
    for di, g in enumerate(sd.load("tune")):
        name = g["file"].split(":", 1)[1]
        ex = process_bytes((sd.DEV2 / name).read_bytes(), str(sd.DEV2 / name), url=url_of.get(name))
        t = ex.document.text
        pre, places = level_prefix_for(ex.document), U._doc_places(ex.document.region)
        gold = [({sd._norm(u["name"]), sd._norm(u.get("full_name"))} - {""}, u["role"]) for u in g["units"]]

        def key(w):
            i = U._identity(w, pre, places)
            return i[0] if i else w

        cands: dict[str, list] = {}
        for m in U._doc_scan(t):
            cands.setdefault(key(t[m.start:m.end]), []).append(m)
        pred = {key(u.text): u for u in ex.units}
        for k in pred:
            cands.setdefault(k, [])
        for k, ms in cands.items():
            u = pred.get(k)
            names = {t[m.start:m.end] for m in ms} | {U.complete_name(t[m.start:m.end], pre) for m in ms}
            if u:
                names |= {u.name, u.text, u.full_name or ""}
            names = {sd._norm(x) for x in names} - {""}
            hit = next((r for gn, r in gold if gn & names), None)
            core = ms[0].core if ms else (u.text if u else "")
            f = {"rule": int(u is not None), "end=" + core[-1:]: 1, "finance": int("财政" in core)}
            _ctx_feats(f, t, ms, U)
            inc.append((di, int(hit is not None), f))
            if u is not None and hit is not None:
                fr = {k2: v for k2, v in f.items() if k2 != "rule"}
                fr["rule=" + u.role] = 1
                rol.append((di, hit, u.role, fr, name in tune2))
    return inc, rol


def _cv(groups, y, X, balanced=False):
    pred = np.empty(len(y), dtype=object)
    for tr, te in GroupKFold(5).split(X, y, groups):
        dv = DictVectorizer()
        clf = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced" if balanced else None)
        clf.fit(dv.fit_transform([X[i] for i in tr]), y[tr])
        pred[te] = clf.predict(dv.transform([X[i] for i in te]))
    return pred


def _prf(y, p):
    tp, fp, fn = int(((p == 1) & (y == 1)).sum()), int(((p == 1) & (y == 0)).sum()), int(((p == 0) & (y == 1)).sum())
    return f"P {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f} F1 {2 * tp / max(1, 2 * tp + fp + fn):.3f}"


def main() -> int:
    if not sd.DEV2.is_dir():
        print(f"skip: {sd.DEV2} is absent", file=sys.stderr)
        return 0
    inc, rol = collect()
    g = np.array([r[0] for r in inc])
    y = np.array([r[1] for r in inc])
    X = [r[2] for r in inc]
    rule = np.array([r[2]["rule"] for r in inc])
    print(f"inclusion: {len(inc)} candidates, {int(y.sum())} gold")
    print(f"  rules (in-sample)          {_prf(y, rule)}")
    print(f"  LR + rule feature, CV      {_prf(y, _cv(g, y, X, True).astype(int))}")
    X2 = [{k: v for k, v in x.items() if k != 'rule'} for x in X]
    print(f"  LR without rule, CV        {_prf(y, _cv(g, y, X2, True).astype(int))}")
    g = np.array([r[0] for r in rol])
    y = np.array([r[1] for r in rol], dtype=object)
    rr = np.array([r[2] for r in rol], dtype=object)
    fresh = np.array([r[4] for r in rol])
    p = _cv(g, y, [r[3] for r in rol])
    print(f"role: {len(rol)} matched units")
    print(f"  rules accuracy {np.mean(rr == y):.3f} (tune2 part {np.mean(rr[fresh] == y[fresh]):.3f}, n={int(fresh.sum())})")
    print(f"  LR CV accuracy {np.mean(p == y):.3f} (tune2 part {np.mean(p[fresh] == y[fresh]):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
