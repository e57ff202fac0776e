#!/usr/bin/env python
"""Score extraction on the blind corpus-dev2 gold (tests/gold/dev2, spec-aligned; FORMAT.md there).

The gold was written from ../shared/extraction-spec.md before the extractor first ran on these
files, and split once (tests/gold/dev2/split.json) into a ``tune`` part and a ``sealed`` part.
Sealed documents are only ever scored in aggregate: ``--errors`` refuses them, so nobody tuning
the rules reads their individual failures. Both figures are printed side by side by default.

Fields (micro P/R/F1 over documents unless said otherwise):
  money_values   distinct value_yuan per document (0.5% tolerance) — each amount counted once per
                 document as the gold lists it; JioNLP ``extract_money`` scored the same way
  caps           distinct value_yuan of kind ``cap`` per document
  deadlines      dated deadlines: span overlap and every ISO date the gold gives agrees
  money_kinds    for each gold amount a predicted one overlaps with the same value (yuan or percent),
                 whether the kinds agree (cap, fixed, per_unit, ratio, range, threshold, target, other):
                 accuracy, printed as P = R = F1
  deadline_kinds for each gold deadline a predicted one overlaps, whether the kinds agree (by, from,
                 until, span, on): accuracy, printed as P = R = F1
  durations      benefit periods: span overlap and the ISO duration agrees
  units          responsible units per document: name as written (or its completed/full form)
  unit_roles     units + role
  measures       starts of gold ``measure`` items (±3 chars) vs predicted ``measure`` items
  place          accuracy: (province, city, district) exactly as gold (unknown gold must stay unknown)
  issue_date     accuracy: the document's date as gold gives it (ISO; no gold date: none must be read — a page's
                 own upload or byline date the gold leaves out counts against)
  title          accuracy: the document's title as gold writes it (spaces and punctuation aside; no gold
                 title: none must be read); "with issuer" also counts a title read with its issuer before
                 it (宁波市人力资源和社会保障局关于… for 关于…), which readers wrote both ways
  kinds          the kind of the item found at each gold item's start (every kind but heading):
                 tp same kind, fp another kind, fn nothing starts there
  not_policy     pages that are no policy (gold is_policy false) vs the document's not_policy flag

Usage: python bench/score_dev2.py [--split both|tune|sealed] [--no-peer] [--json]
       python bench/score_dev2.py --split tune --errors [FIELD]
       python bench/score_dev2.py --groups      # F1 by page kind, level, script and damage (index.jsonl)

``--groups`` says where a split is weak without naming a document: each group is a label of the corpus's
own index (kind news/notice/…, level, script, each artifact such as garbled_punct or char_dropped), shown
only when it holds at least four documents in every split printed.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import os
import re
import sys
import time
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parent.parent
# ZHENGCE_DEV2_GOLD / ZHENGCE_DEV2_CORPUS point the same scorer at another blind set written to FORMAT.md
# (tests/gold/genre over tests/fixtures/genre_pages: invented genre pages, see bench/score_genre.sh).
GOLD = Path(os.environ.get("ZHENGCE_DEV2_GOLD", REPO / "tests" / "gold" / "dev2"))
DEV2 = Path(os.environ.get("ZHENGCE_DEV2_CORPUS", REPO.parent / "shared" / "corpus-dev2"))
FIELDS = ("money_values", "caps", "money_kinds", "deadlines", "deadline_kinds", "durations", "units", "unit_roles", "measures", "kinds",
          "not_policy", "place")

_spec = importlib.util.spec_from_file_location("score_extract", REPO / "bench" / "score_extract.py")
se = importlib.util.module_from_spec(_spec)
sys.modules["score_extract"] = se
_spec.loader.exec_module(se)
PRF, close, overlaps = se.PRF, se.close, se.overlaps


def load(split: str) -> list[dict]:
    sp = json.loads((GOLD / "split.json").read_text(encoding="utf-8"))
    # ``fresh``: documents annotated later (tune2), scored once blind before they joined ``tune``
    parts = {"all": ("tune", "tune2", "sealed"), "tune": ("tune", "tune2"), "tune1": ("tune",), "fresh": ("tune2",),
             "sealed": ("sealed",)}[split]
    names = {n for part in parts for n in sp.get(part, [])}
    out = []
    for name in sorted(names):
        p = GOLD / name.replace(".txt", ".json")
        if p.is_file():
            g = json.loads(p.read_text(encoding="utf-8"))
            g["_split"] = "sealed" if name in sp["sealed"] else "tune"
            out.append(g)
    return out


def urls() -> dict[str, str]:
    idx = DEV2 / "index.jsonl"
    if not idx.is_file():
        return {}
    rows = [json.loads(line) for line in idx.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["file"]: r.get("url") for r in rows}


def _distinct(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in values:
        if v is not None and not any(close(v, w) for w in out):
            out.append(float(v))
    return out


def _greedy(gold: list, pred: list, agree) -> tuple[PRF, list, list]:
    """One-to-one greedy matching in gold order: counts, missed gold items, unmatched predictions."""
    used = [False] * len(pred)
    res, missed = PRF(), []
    for g in gold:
        j = next((j for j, p in enumerate(pred) if not used[j] and agree(g, p)), -1)
        if j >= 0:
            used[j] = True
            res.tp += 1
        else:
            res.fn += 1
            missed.append(g)
    extra = [p for j, p in enumerate(pred) if not used[j]]
    res.fp += len(extra)
    return res, missed, extra


def _set_prf(gold: list[float], pred: list[float]) -> PRF:
    return _greedy(_distinct(gold), _distinct(pred), close)[0]


def _money_errors(errors: list, name: str, golds: list[dict], amounts: list) -> None:
    """Distinct values missed / reported in excess (money_values), and caps (caps), as the scorer sees them."""
    for field, gv, pv in (
            ("money_values", [(a["value_yuan"], a["text"]) for a in golds],
             [(a.value_yuan, a.text) for a in amounts if a.value_yuan is not None]),
            ("caps", [(a["value_yuan"], a["text"]) for a in golds if a["kind"] == "cap"],
             [(a.value_yuan, a.text) for a in amounts if a.kind == "cap" and a.value_yuan is not None])):
        for typ, xs, ys in (("miss", gv, pv), ("false_positive", pv, gv)):
            seen: list[float] = []
            for v, text in xs:
                if any(close(v, w) for w in seen) or any(close(v, w) for w, _ in ys):
                    continue
                seen.append(v)
                errors.append({"doc": name, "field": field, "type": typ, "value": v, "text": text})


def _dates_agree(g: dict, p: Any) -> bool:
    keys = [k for k in ("date", "start_date", "end_date") if g.get(k)]
    if not keys:
        return True
    pd = {k: getattr(p, k, None) for k in ("date", "start_date", "end_date")}
    if keys == ["date"]:
        # a by/until date may be given by a system as a span's end, and the reverse
        return g["date"] in (pd["date"], pd["end_date"], pd["start_date"])
    return all(g[k] == pd[k] for k in keys)


def _all(ex, attr: str) -> list:
    seen, out = set(), []
    for m in ex.measures:
        for it in getattr(m, attr, None) or []:
            key = (it.start, it.end, getattr(it, "kind", None))
            if key not in seen:
                seen.add(key)
                out.append(it)
    durs = getattr(ex, "durations", None)
    if attr == "durations" and durs:
        out.extend(durs)
    return out


def _pred_deadlines(ex) -> tuple[list, list]:
    dated, durations = [], []
    for d in _all(ex, "deadlines"):
        if getattr(d, "kind", None) in ("within", "duration") or (getattr(d, "duration", None) and not
                                                                 (d.date or d.start_date or d.end_date)):
            durations.append(d)
        elif getattr(d, "kind", None) != "recurring":
            dated.append(d)
    durations.extend(_all(ex, "durations"))
    return dated, durations


def _iso_of(p: Any) -> Optional[str]:
    return getattr(p, "iso", None) or getattr(p, "duration", None)


# The gold is written in the reference text, full-width ASCII folded (FORMAT.md); an extracted name is
# as the page writes it (县（市、区）农业农村局). Compare names folded the same way.
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def _norm(s: Optional[str]) -> str:
    return (s or "").translate(_FOLD).replace(" ", "").replace("\u3000", "")


def _unit_prf(gold: list[dict], preds: list, with_role: bool) -> PRF:
    pred = []
    for u in preds:
        names = {_norm(u.name), _norm(getattr(u, "text", None)), _norm(getattr(u, "full_name", None))} - {""}
        if not any(names == q[0] and (not with_role or u.role == q[1]) for q in pred):
            pred.append((names, u.role))
    return _greedy(gold, pred, lambda g, q: bool(q[0] & ({_norm(g["name"]), _norm(g.get("full_name"))} - {""}))
                   and (not with_role or q[1] == g["role"]))[0]


def score_doc(g: dict, ex, tot: dict[str, PRF], place: list[int], errors: Optional[list]) -> None:
    doc = ex.document
    src = DEV2 / g["file"].split(":", 1)[1]
    ref = se.reference_text(src.read_text(encoding="utf-8"))
    # durations ride in the locator's ``targets`` slot (this gold has no targets)
    dg = se.locate_gold({**g, "units": [], "instruments": [], "targets": g.get("durations", [])}, ref, doc.text)
    # money
    golds = [a for a in g.get("amounts", []) if a.get("value_yuan") is not None]
    amounts = _all(ex, "amounts")
    r = _set_prf([a["value_yuan"] for a in golds], [a.value_yuan for a in amounts if a.value_yuan is not None])
    tot["money_values"].add(r)
    r2 = _set_prf([a["value_yuan"] for a in golds if a["kind"] == "cap"],
                  [a.value_yuan for a in amounts if a.kind == "cap" and a.value_yuan is not None])
    tot["caps"].add(r2)
    if errors is not None:
        _money_errors(errors, g["file"], golds, amounts)
    mk = PRF()
    for x in dg.amounts:
        same = [a for a in amounts if a.start < x.end and x.start < a.end
                and a.value_yuan == x.item.get("value_yuan") and a.percent == x.item.get("percent")]
        if same:
            agree = any(a.kind == x.item.get("kind") for a in same)
            mk.tp += agree
            mk.fp += not agree
            mk.fn += not agree
            if errors is not None and not agree:
                errors.append({"doc": g["file"], "field": "money_kinds", "text": x.item.get("text"),
                               "gold": x.item.get("kind"), "pred": same[0].kind})
    tot["money_kinds"].add(mk)
    dated, durations = _pred_deadlines(ex)
    gold_dl = [x for x in dg.deadlines]
    tot["deadlines"].add(se.match_spans(gold_dl, dated, _dates_agree, errors, g["file"], "deadlines", doc.text))
    kinds = PRF()
    for x in gold_dl:
        over = [p for p in dated if p.start < x.end and x.start < p.end]
        if over:
            same = any(p.kind == x.item["kind"] for p in over)
            kinds.tp += same
            kinds.fp += not same
            kinds.fn += not same
    tot["deadline_kinds"].add(kinds)
    tot["durations"].add(se.match_spans(dg.targets, durations,
                                        lambda gi, p: (gi.get("iso") or "") == (_iso_of(p) or ""),
                                        errors, g["file"], "durations", doc.text))
    # The gold lists each unit once per document with its main role: score the extraction's
    # document-level list when it has one, else the union of the measures' units.
    units = list(getattr(ex, "units", None) or []) or [u for m in ex.measures for u in m.units]
    for key, wr in (("units", False), ("unit_roles", True)):
        r = _unit_prf(g.get("units", []), units, wr)
        tot[key].add(r)
        if errors is not None and key == "unit_roles" and (r.fp or r.fn):
            errors.append({"doc": g["file"], "field": key, "gold": [(u["name"], u["role"]) for u in g.get("units", [])],
                           "pred": sorted({(u.name, u.role) for u in units})})
    # measure starts
    gold_starts = [x.start for x in dg.measures if x.item["kind"] == "measure"]
    pred_starts = [se._content_start(m, doc.text) for m in ex.measures if m.kind == "measure"]
    r, missed, extra = match_starts(gold_starts, pred_starts)
    if errors is not None:
        errors.extend({"doc": g["file"], "field": "measures", "type": "miss", "at": s,
                       "text": doc.text[s:s + 20]} for s in missed)
        errors.extend({"doc": g["file"], "field": "measures", "type": "false_positive", "at": p,
                       "text": doc.text[p:p + 20]} for p in extra)
    tot["measures"].add(r)
    kr = PRF()
    found = [(se._content_start(m, doc.text), m.kind) for m in ex.measures]
    for x in dg.measures:
        if x.item["kind"] != "heading":
            k = next((k for s, k in found if abs(s - x.start) <= se.BOUNDARY_TOL), None)
            kr.tp += k == x.item["kind"]
            kr.fp += k is not None and k != x.item["kind"]
            kr.fn += k is None
    tot["kinds"].add(kr)
    gold_np, pred_np = g.get("is_policy") is False, bool(getattr(doc, "not_policy", False))
    tot["not_policy"].add(PRF(tp=int(gold_np and pred_np), fp=int(pred_np and not gold_np),
                              fn=int(gold_np and not pred_np)))
    md = g.get("metadata") or {}
    reg = doc.region
    ok = all((md.get(k) or None) == (getattr(reg, k, None) or None) for k in ("province", "city", "district"))
    place[0] += int(ok)
    place[1] += 1
    known = bool(getattr(reg, "province", None) or getattr(reg, "level", None) == "national")
    place[2] += int(known)
    place[3] += int(known and ok)
    gt, pt = _title_key(md.get("title")), _title_key(doc.title)
    place[4] += int(gt == pt)
    place[5] += int(gt == pt or bool(gt and pt and pt.endswith(gt)))
    place[6] += 1
    gd, pd = md.get("issue_date") or None, doc.issue_date or None
    place[7] += int(gd == pd)
    if errors is not None and gd != pd:
        errors.append({"doc": g["file"], "field": "issue_date", "gold": gd, "pred": pd,
                       "source": getattr(doc, "issue_date_source", None)})
    if errors is not None and gt != pt:
        errors.append({"doc": g["file"], "field": "title", "gold": md.get("title"), "pred": doc.title})
    if errors is not None and not ok:
        errors.append({"doc": g["file"], "field": "place", "gold": [md.get(k) for k in ("province", "city", "district")],
                       "pred": [getattr(reg, k, None) for k in ("province", "city", "district")]})


def _title_key(t: Optional[str]) -> str:
    return re.sub(r"[\s《》〈〉“”\"'()（）:：,，、.。·—\-!！?？|]", "", _norm(t)) if t else ""


def match_starts(gold: list[int], pred: list[int]) -> tuple[PRF, list[int], list[int]]:
    """One-to-one matching of item starts within ±BOUNDARY_TOL: counts, missed gold, extra predictions."""
    return _greedy(gold, pred, lambda s, p: abs(p - s) <= se.BOUNDARY_TOL)


def _all_missed(g: dict, tot: dict[str, PRF], place: list[int]) -> None:
    """A document the pipeline rejected: every gold item is a miss, its place wrong."""
    values = [a["value_yuan"] for a in g.get("amounts", []) if a.get("value_yuan") is not None]
    tot["money_values"].fn += len(_distinct(values))
    tot["caps"].fn += len(_distinct([a["value_yuan"] for a in g.get("amounts", [])
                                     if a["kind"] == "cap" and a.get("value_yuan") is not None]))
    tot["deadlines"].fn += len(g.get("deadlines", []))
    tot["durations"].fn += len(g.get("durations", []))
    tot["units"].fn += len(g.get("units", []))
    tot["unit_roles"].fn += len(g.get("units", []))
    n_measures = sum(1 for m in g.get("measures", []) if m["kind"] == "measure")
    tot["measures"].fn += n_measures
    tot["kinds"].fn += sum(1 for m in g.get("measures", []) if m["kind"] != "heading")
    tot["not_policy"].fn += int(g.get("is_policy") is False)
    place[1] += 1
    place[6] += 1


def score_peer(g: dict, tot: PRF) -> None:
    src = DEV2 / g["file"].split(":", 1)[1]
    text = se.reference_text(src.read_text(encoding="utf-8"))
    golds = [a["value_yuan"] for a in g.get("amounts", []) if a.get("value_yuan") is not None]
    pred = [a.value_yuan for a in se.peer_amounts(text) if a.value_yuan is not None]
    tot.add(_set_prf(golds, pred))


GROUP_FIELDS = ("money_values", "deadlines", "durations", "units", "unit_roles", "measures", "kinds")
MIN_GROUP = 4


def _labels(meta: dict) -> list[str]:
    return (["all", "kind:" + str(meta.get("kind")), "level:" + str(meta.get("level")), "script:" + str(meta.get("script"))]
            + ["damage:" + a for a in meta.get("artifacts") or []])


def _index() -> dict[str, dict]:
    f = DEV2 / "index.jsonl"
    if not f.is_file():
        return {}
    rows = (json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
    return {r["file"]: r for r in rows if "file" in r}


def run(split: str, peer: bool, errors: Optional[list], groups: Optional[dict] = None) -> dict:
    from zhengce.pipeline import process_bytes  # noqa: PLC0415

    golds = load(split)
    url_of = urls()
    tot = {f: PRF() for f in FIELDS if f != "place"}
    place = [0] * 8     # place right, n, known, known and right; title right, right with issuer, n; issue date right
    peer_tot = PRF()
    t_sys = t_peer = 0.0
    failed = []
    for g in golds:
        name = g["file"].split(":", 1)[1]
        src = DEV2 / name
        t0 = time.perf_counter()
        try:
            ex = process_bytes(src.read_bytes(), str(src), url=url_of.get(name))
        except Exception as e:  # a rejected file scores as all misses
            failed.append(f"{name}: {type(e).__name__}")
            ex = None
        t_sys += time.perf_counter() - t0
        doc_tot = {f: PRF() for f in tot} if groups is not None else tot
        doc_place = [0] * 8 if groups is not None else place
        if ex is not None:
            score_doc(g, ex, doc_tot, doc_place, errors)
        else:
            _all_missed(g, doc_tot, doc_place)
            if errors is not None and (g.get("metadata") or {}).get("title"):
                errors.append({"doc": g["file"], "field": "title", "gold": g["metadata"]["title"], "pred": None})
        if groups is not None:
            meta = groups["index"].get(name, {})
            for label in _labels(meta) if meta else ["all"]:
                grp = groups.setdefault((split, label), {"docs": 0, "place": [0, 0], **{f: PRF() for f in GROUP_FIELDS}})
                grp["docs"] += 1
                grp["place"][0] += doc_place[0]
                grp["place"][1] += doc_place[1]
                for f in GROUP_FIELDS:
                    grp[f].add(doc_tot[f])
            for f in tot:
                tot[f].add(doc_tot[f])
            for i in range(len(place)):
                place[i] += doc_place[i]
        if peer:
            t0 = time.perf_counter()
            logging.disable(logging.CRITICAL)
            try:
                score_peer(g, peer_tot)
            finally:
                logging.disable(logging.NOTSET)
            t_peer += time.perf_counter() - t0
    n = max(1, len(golds))
    out = {"split": split, "documents": len(golds), "failed": len(failed),
           "fields": {k: v.as_dict() for k, v in tot.items()},
           "place": {"accuracy": round(place[0] / max(1, place[1]), 4),
                     "precision": round(place[3] / max(1, place[2]), 4), "n": place[1]},
           "title": {"accuracy": round(place[4] / max(1, place[6]), 4),
                     "with_issuer": round(place[5] / max(1, place[6]), 4), "n": place[6]},
           "issue_date": {"accuracy": round(place[7] / max(1, place[6]), 4), "n": place[6]},
           "ms_per_doc": round(1000 * t_sys / n, 2)}
    if peer:
        out["jionlp_money_values"] = peer_tot.as_dict()
        out["jionlp_ms_per_doc"] = round(1000 * t_peer / n, 2)
    return out


def _prf_cell(d: dict) -> str:
    """One F1 (P R) cell of the side-by-side table."""
    return f"{'F1 ' + format(d['f1'], '.3f') + ' (P ' + format(d['p'], '.2f') + ' R ' + format(d['r'], '.2f') + ')':>26}"


def format_table(results: list[dict]) -> str:
    head = f"{'field':<14}" + "".join(f"{r['split'] + ' (' + str(r['documents']) + ' docs)':>26}" for r in results)
    lines = [head, "-" * len(head)]
    for f in FIELDS:
        row = f"{f:<14}"
        for r in results:
            if f == "place":
                p = r["place"]
                row += f"{'acc ' + format(p['accuracy'], '.3f') + '  prec ' + format(p['precision'], '.3f'):>26}"
            else:
                d = r["fields"][f]
                row += _prf_cell(d)
        lines.append(row)
    if all("title" in r for r in results):
        row = f"{'title':<14}"
        for r in results:
            t = r["title"]
            row += f"{'acc ' + format(t['accuracy'], '.3f') + ' (issuer ' + format(t['with_issuer'], '.3f') + ')':>26}"
        lines.append(row)
    if all("issue_date" in r for r in results):
        lines.append(f"{'issue_date':<14}" + "".join(f"{'acc ' + format(r['issue_date']['accuracy'], '.3f'):>26}"
                                                     for r in results))
    if all("jionlp_money_values" in r for r in results):
        row = f"{'jionlp money':<14}"
        for r in results:
            d = r["jionlp_money_values"]
            row += _prf_cell(d)
        lines.append(row)
    row = f"{'ms/doc':<14}" + "".join(f"{str(r['ms_per_doc']) + (' / jionlp ' + str(r.get('jionlp_ms_per_doc')) if 'jionlp_ms_per_doc' in r else ''):>26}" for r in results)
    lines.append(row)
    return "\n".join(lines)


def format_groups(groups: dict, splits: tuple) -> str:
    labels = sorted({k[1] for k in groups if isinstance(k, tuple)}, key=lambda x: (x != "all", x))
    labels = [lab for lab in labels if all(groups.get((s, lab), {}).get("docs", 0) >= MIN_GROUP for s in splits)]
    cols = list(GROUP_FIELDS) + ["place"]
    short = {"money_values": "money", "deadlines": "dates", "durations": "durat.", "unit_roles": "roles", "measures": "starts"}
    head = f"{'group (docs ' + '/'.join(splits) + ')':<34}" + "".join(f"{short.get(c, c):>{7 * len(splits) + 1}}" for c in cols)
    lines = [head, "-" * len(head)]
    for lab in labels:
        row = f"{lab + ' (' + '/'.join(str(groups[(s, lab)]['docs']) for s in splits) + ')':<34}"
        for c in cols:
            vals = []
            for s in splits:
                grp = groups[(s, lab)]
                if c == "place":
                    vals.append(format(grp["place"][0] / max(1, grp["place"][1]), ".2f"))
                else:
                    p = grp[c]
                    vals.append(format(p.as_dict()["f1"], ".2f") if (p.tp + p.fp + p.fn) else "-")
            row += " " + "".join(f"{v:>7}" for v in vals)
        lines.append(row)
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("both", "tune", "tune1", "fresh", "sealed", "all"), default="both")
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", nargs="?", const="all", default=None,
                    help="print individual failures of the tune split (refused for sealed)")
    ap.add_argument("--groups", action="store_true",
                    help="also print F1 by page kind, level, script and damage label (groups of 4+ documents)")
    a = ap.parse_args(argv)
    if not DEV2.is_dir():
        print(f"skip: {DEV2} is absent (set ZHENGCE_DEV2_CORPUS)", file=sys.stderr)
        return 0
    if a.errors and a.split not in ("tune", "tune1", "fresh"):
        print("--errors is only for --split tune: sealed failures are never read", file=sys.stderr)
        return 2
    splits = ("tune", "sealed") if a.split == "both" else (a.split,)
    errors: Optional[list] = [] if a.errors else None
    groups: Optional[dict] = {"index": _index()} if a.groups else None
    results = [run(s, not a.no_peer, errors, groups) for s in splits]
    if a.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        print(format_table(results))
    if groups is not None:
        print()
        print(format_groups(groups, splits) if groups["index"] else f"(no index.jsonl in {DEV2}: no groups)")
    if errors is not None:
        for e in errors:
            if a.errors in ("all", e["field"]):
                print(json.dumps(e, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
