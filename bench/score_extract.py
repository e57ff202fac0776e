#!/usr/bin/env python
"""Score zhengce's extractor against the hand-annotated gold in tests/gold/extract/*.json.

For every gold file the source text is resolved (``seed:`` -> the repo's corpus/,
``dev:`` -> $ZHENGCE_DEV_CORPUS or ../shared/corpus-dev, absent ones skipped with a
message), run through the real pipeline (ingest ``normalize_file`` + nlp ``extract``),
and every gold span is located in ``doc.text``. Gold is text-anchored in a reference
normalisation (OpenCC t2s, pinyin notes removed); ingest may differ from it (repairs
insert 年/〕, whitespace collapses, page chrome is dropped), so reference offsets are
carried into ``doc.text`` through a character alignment of the two texts.

Fields (micro-averaged precision / recall / F1 over all documents):
  measures        boundary: a predicted item starts within ±3 chars of the gold head
                  (or of its ``alt_head``); gold headings are not scored, and a prediction
                  starting at a gold heading (or a predicted heading not at a gold item)
                  is neither right nor wrong
  measure_kind    boundary and kind
  amounts         span overlap + kind + value (value_yuan/min_yuan/percent/ratio/raw_value, 0.5%)
  amount_values   span overlap + value only (what a money tagger without kinds can get)
  deadlines       span overlap + kind + the ISO fields present in gold
  deadline_spans  span overlap only (any time expression counts)
  units           name exact, unit found inside the gold measure's extent
  unit_roles      units + role
  targets         span overlap + quantity (+ comparator and year where gold has them)
  instruments     (measure, tag) pairs for gold measures that carry instrument tags;
                  predicted tags outside the gold tag vocabulary, and tags of a family
                  (topical vs supply/demand/environment) the gold entry does not use,
                  are not counted
The jionlp peer (extract_money / extract_time) is scored on the amount and deadline
fields in the same run, with ms/document for both systems. Ingest's metadata (title, doc_type,
issuer, doc_number, issue_date, region) is reported as exact-match accuracy per key.

Usage: python bench/score_extract.py [--subset seed|dev|all] [--verbose] [--errors] [--json]
       [--system zhengce|baseline] [--no-peer] [--gold DIR]
Import: ``score(gold_dir, fields=None, ...) -> dict`` (bench/ is not a package: load by path).
"""
from __future__ import annotations

import argparse
import contextlib
import difflib
import io
import json
import logging
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

REPO = Path(__file__).resolve().parent.parent
GOLD_DIR = REPO / "tests" / "gold" / "extract"
SEED_DIR = REPO / "corpus"

FIELDS = ("measures", "measure_kind", "amounts", "amount_values", "deadlines", "deadline_spans",
          "units", "unit_roles", "targets", "instruments")
PEER_FIELDS = ("amounts", "amount_values", "deadlines", "deadline_spans")
TYPE_TAGS = frozenset({"supply", "demand", "environment"})
BOUNDARY_TOL = 3
REL_TOL = 0.005

_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
# length-preserving fold so that full-width digits/latin and odd spaces compare equal
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0xA0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20})


def dev_corpus_dir() -> Path:
    return Path(os.environ.get("ZHENGCE_DEV_CORPUS", REPO.parent / "shared" / "corpus-dev"))


def fold(s: str) -> str:
    return s.translate(_FOLD)


def reference_text(raw: str) -> str:
    """The normalised form the gold was written against (see tests/gold/README.md)."""
    from zhengce.ingest.script import t2s
    return fold(_PINYIN.sub("", t2s(raw)))


# ------------------------------------------------------------------ gold io

def load_gold(gold_dir: Path | str = GOLD_DIR, subset: str = "all") -> list[dict]:
    out = []
    for p in sorted(Path(gold_dir).glob("*.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        kind = g["file"].split(":", 1)[0]
        if subset in ("all", kind):
            g["_gold_path"] = str(p)
            out.append(g)
    return out


def resolve_source(g: dict, dev_dir: Optional[Path] = None, seed_dir: Path = SEED_DIR) -> Optional[Path]:
    kind, name = g["file"].split(":", 1)
    base = seed_dir if kind == "seed" else (dev_dir or dev_corpus_dir())
    p = base / name
    return p if p.is_file() else None


# ------------------------------------------------------------- alignment

class Aligner:
    """Carries offsets of the reference text into doc.text (char-level diff)."""

    def __init__(self, ref: str, doc_text: str):
        self.ref = ref
        self.doc = doc_text
        self.fwd: list[int] = [-1] * (len(ref) + 1)
        if ref == doc_text:
            self.fwd = list(range(len(ref) + 1))
            return
        sm = difflib.SequenceMatcher(None, ref, fold(doc_text), autojunk=False)
        for a, b, n in sm.get_matching_blocks():
            for k in range(n):
                self.fwd[a + k] = b + k

    def span(self, s: int, e: int) -> Optional[tuple[int, int]]:
        fwd = self.fwd
        i = s
        while i < e and fwd[i] < 0:
            i += 1
        j = e - 1
        while j >= i and fwd[j] < 0:
            j -= 1
        if i >= e or j < i:
            return None
        return fwd[i], fwd[j] + 1


def find_occurrence(text: str, needle: str, occurrence: int = 1) -> int:
    pos = -1
    for _ in range(max(1, occurrence)):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return -1
    return pos


def _ws_pattern(needle: str) -> re.Pattern:
    chars = [c for c in needle if not c.isspace()]
    return re.compile(r"\s*".join(re.escape(c) for c in chars))


@dataclass
class Located:
    item: dict
    start: int
    end: int


@dataclass
class DocGold:
    name: str
    doc_text: str
    measures: list[Located] = field(default_factory=list)   # all kinds, doc order
    alt_starts: dict[int, int] = field(default_factory=dict)  # index in measures -> alt start
    amounts: list[Located] = field(default_factory=list)
    deadlines: list[Located] = field(default_factory=list)
    targets: list[Located] = field(default_factory=list)
    units: list[tuple[dict, int, int]] = field(default_factory=list)  # gold unit, extent start, end
    instruments: list[tuple[dict, int]] = field(default_factory=list)  # entry, head position
    unlocated: list[str] = field(default_factory=list)


def locate_gold(g: dict, ref: str, doc_text: str) -> DocGold:
    al = Aligner(ref, doc_text)
    dg = DocGold(name=g["file"], doc_text=doc_text)

    def loc(text: str, occ: int, what: str) -> Optional[tuple[int, int]]:
        t = fold(text)
        p = find_occurrence(ref, t, occ)
        q = p + len(t)
        if p < 0:
            # annotators sometimes collapse runs of spaces: match whitespace-insensitively
            found = list(_ws_pattern(t).finditer(ref))
            if len(found) >= occ:
                p, q = found[occ - 1].span()
        sp = al.span(p, q) if p >= 0 else None
        if sp is None:
            dg.unlocated.append(f"{what}: {text!r}" + ("" if p >= 0 else " (not in reference text)"))
        return sp

    head_pos: dict[str, int] = {}
    for i, m in enumerate(g.get("measures", [])):
        sp = loc(m["head"], m.get("occurrence", 1), "measure")
        if sp is None:
            continue
        dg.measures.append(Located(m, sp[0], sp[1]))
        head_pos.setdefault(m["head"], sp[0])
        if m.get("alt_head"):
            asp = loc(m["alt_head"], m.get("alt_occurrence", 1), "alt_head")
            if asp:
                dg.alt_starts[len(dg.measures) - 1] = asp[0]
    for name in ("amounts", "deadlines", "targets"):
        for it in g.get(name, []):
            sp = loc(it["text"], it.get("occurrence", 1), name[:-1])
            if sp:
                getattr(dg, name).append(Located(it, sp[0], sp[1]))
    starts = sorted(x.start for x in dg.measures)
    for u in g.get("units", []):
        s = head_pos.get(u["measure"])
        if s is None:
            dg.unlocated.append(f"unit {u['name']}: measure {u['measure']!r} not located")
            continue
        nxt = [x for x in starts if x > s]
        dg.units.append((u, s, nxt[0] if nxt else len(doc_text)))
    for ins in g.get("instruments", []):
        s = head_pos.get(ins["measure"])
        if s is not None:
            dg.instruments.append((ins, s))
    return dg


# ------------------------------------------------------------- counting

@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, o: "PRF") -> None:
        self.tp += o.tp
        self.fp += o.fp
        self.fn += o.fn

    def as_dict(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def close(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return False
    a, b = float(a), float(b)
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b), 1e-9)


def overlaps(s1: int, e1: int, s2: int, e2: int) -> bool:
    return s1 < e2 and s2 < e1


def match_spans(gold: list[Located], preds: list[Any], agree: Callable[[dict, Any], bool],
                errors: Optional[list], fname: str, field_name: str, text: str,
                by_kind: Optional[dict] = None) -> PRF:
    """One-to-one greedy matching of overlapping spans whose key fields agree.

    ``by_kind`` (optional) accumulates recall per gold kind: {kind: [matched, total]}.
    """
    used = [False] * len(preds)
    res = PRF()
    for g in gold:
        hit = -1
        for j, p in enumerate(preds):
            if not used[j] and overlaps(g.start, g.end, p.start, p.end) and agree(g.item, p):
                hit = j
                break
        if by_kind is not None:
            c = by_kind.setdefault(g.item.get("kind", "?"), [0, 0])
            c[0] += int(hit >= 0)
            c[1] += 1
        if hit >= 0:
            used[hit] = True
            res.tp += 1
        else:
            res.fn += 1
            if errors is not None:
                near = [_brief(p) for p in preds if overlaps(g.start, g.end, p.start, p.end)]
                errors.append({"doc": fname, "field": field_name, "type": "miss", "gold": _brief_gold(g.item),
                               "at": g.start, "predicted_here": near})
    for j, p in enumerate(preds):
        if not used[j]:
            res.fp += 1
            if errors is not None:
                errors.append({"doc": fname, "field": field_name, "type": "false_positive", "pred": _brief(p),
                               "at": p.start, "context": text[max(0, p.start - 8):p.end + 8]})
    return res


def _brief(p: Any) -> dict:
    d = p.to_dict() if hasattr(p, "to_dict") else dict(p.__dict__)
    return {k: v for k, v in d.items() if v not in (None, False, [], "") and k not in ("start", "end")}


def _brief_gold(it: dict) -> dict:
    return {k: v for k, v in it.items() if v not in (None, False) and k != "occurrence"}


def amount_agree(g: dict, p: Any, with_kind: bool = True) -> bool:
    if with_kind and g.get("kind") != getattr(p, "kind", None):
        return False
    for key in ("value_yuan", "min_yuan", "percent", "ratio"):
        if g.get(key) is not None and not close(g[key], getattr(p, key, None)):
            return False
    raw = g.get("raw_value")
    if raw is not None:
        got = getattr(p, "raw_value", None)
        if got is None:
            got = getattr(p, "value_yuan", None)
        if not close(raw, got):
            return False
    return True


def _gold_deadline_kinds(g: dict) -> tuple:
    """This gold predates the spec, which reads a target year (到2020年,全省建成…) as ``by``; the
    gold wrote ``until`` for it, so either counts there. A validity bound (至2017年底) stays ``until``."""
    if g.get("kind") == "until" and re.match(r"(?:力争)?到\s?\d{4}\s?年", g.get("text") or ""):
        return ("until", "by")
    return (g.get("kind"),)


def deadline_agree(g: dict, p: Any) -> bool:
    if getattr(p, "kind", None) not in _gold_deadline_kinds(g):
        return False
    for key in ("date", "start_date", "end_date", "duration", "recurrence"):
        if g.get(key) is not None and g[key] != getattr(p, key, None):
            return False
    return True


def target_agree(g: dict, p: Any) -> bool:
    if g.get("quantity") is not None and not close(g["quantity"], getattr(p, "quantity", None)):
        return False
    gc, pc = g.get("comparator"), getattr(p, "comparator", None)
    if gc not in (None, "=") and gc != pc:
        return False
    if gc == "=" and pc not in (None, "="):
        return False
    if g.get("year") is not None and g["year"] != getattr(p, "year", None):
        return False
    return True


_LEAD_WS = re.compile(r"\s*")


def _content_start(m: Any, doc_text: str) -> int:
    """Predicted start with leading whitespace skipped."""
    return _LEAD_WS.match(doc_text, m.start, max(m.start, m.end)).end()


# This gold predates the spec's `criterion` and `news` kinds: eligibility items were measures and
# news narrative was `other` here.
OLD_KIND = {"criterion": "measure", "news": "other"}


def _layout_starts(doc_text: str) -> set[int]:
    from zhengce.nlp.measures import layout_records  # noqa: PLC0415
    recs, _ = layout_records(doc_text)
    return {_LEAD_WS.match(doc_text, r["start"], max(r["start"], r["end"])).end() for r in recs}


def score_measures(dg: DocGold, measures: list, errors: Optional[list],
                   layout_starts: Optional[set[int]] = None) -> tuple[PRF, PRF]:
    """``layout_starts``: where the layout records (items, paragraphs) start. This gold marks items,
    not the provisions inside them (the spec's granularity): a predicted provision cut inside an item
    that matches no gold item is then neither right nor wrong, and kinds are mapped by OLD_KIND."""
    if layout_starts is not None:
        measures = [m if getattr(m, "kind", None) not in OLD_KIND else _Kinded(m, OLD_KIND[m.kind]) for m in measures]
        measures = _join_titled_items(dg, measures)
    heads = [x.start for x in dg.measures if x.item["kind"] == "heading"]
    gold = [(i, x) for i, x in enumerate(dg.measures) if x.item["kind"] != "heading"]
    preds = []
    for m in measures:
        s = _content_start(m, dg.doc_text)
        at_primary = any(abs(s - x.start) <= BOUNDARY_TOL for _, x in gold)
        at_gold = at_primary or any(abs(s - a) <= BOUNDARY_TOL for a in dg.alt_starts.values())
        if m.kind == "heading" and not at_primary:
            continue   # headings are scored only where gold has an item (then the kind is wrong)
        if not at_gold and any(abs(s - h) <= BOUNDARY_TOL for h in heads):
            continue   # cutting at a heading is a segmentation choice, not an error
        preds.append((s, m))
    used = [False] * len(preds)
    bnd, knd = PRF(), PRF()
    for i, x in gold:
        cands = [(x.start, 0.0)] + ([(dg.alt_starts[i], 0.5)] if i in dg.alt_starts else [])
        hit = -1
        best = BOUNDARY_TOL + 1.0
        for j, (s, m) in enumerate(preds):
            if not used[j]:
                # the gold head itself wins a tie with its alt_head
                dist = min(abs(s - c) + pen for c, pen in cands)
                if dist < best or (dist == best and hit >= 0 and m.kind == x.item["kind"]):
                    hit, best = j, dist
        if hit >= 0:
            used[hit] = True
            bnd.tp += 1
            if preds[hit][1].kind == x.item["kind"]:
                knd.tp += 1
            else:
                knd.fn += 1
                knd.fp += 1
                if errors is not None:
                    errors.append({"doc": dg.name, "field": "measure_kind", "type": "wrong_kind",
                                   "gold": x.item, "pred_kind": preds[hit][1].kind, "at": x.start})
        else:
            bnd.fn += 1
            knd.fn += 1
            if errors is not None:
                errors.append({"doc": dg.name, "field": "measures", "type": "miss", "gold": x.item, "at": x.start,
                               "context": dg.doc_text[x.start:x.start + 24]})
    for j, (s, m) in enumerate(preds):
        if not used[j]:
            if any(abs(s - a) <= BOUNDARY_TOL for a in dg.alt_starts.values()):
                continue   # a cut at the heading above a matched body paragraph
            if layout_starts is not None and s not in layout_starts:
                continue   # a provision cut inside an item: finer than this gold's granularity
            bnd.fp += 1
            knd.fp += 1
            if errors is not None:
                errors.append({"doc": dg.name, "field": "measures", "type": "false_positive", "pred_kind": m.kind,
                               "at": s, "context": dg.doc_text[s:s + 24]})
    return bnd, knd


class _Kinded:
    """A measure seen with another kind."""
    def __init__(self, m: Any, kind: str):
        self.__dict__.update(getattr(m, "__dict__", {}))
        self.start, self.end, self.kind = m.start, m.end, kind


def _join_titled_items(dg: DocGold, measures: list) -> list:
    """This gold reads a leaf item whose title stands on its own line (`1.一次性创业补贴` + its text) as
    one measure at the title; the spec reads a heading there and the provision in the body. A
    predicted heading at such a gold item, followed by a body no gold item starts, is the item."""
    items = {x.start for x in dg.measures if x.item["kind"] != "heading"}
    out, skip = [], False
    for k, m in enumerate(measures):
        if skip:
            skip = False
            continue
        nxt = measures[k + 1] if k + 1 < len(measures) else None
        s = _content_start(m, dg.doc_text)
        if m.kind == "heading" and nxt is not None and any(abs(s - i) <= BOUNDARY_TOL for i in items) \
                and not any(abs(_content_start(nxt, dg.doc_text) - i) <= BOUNDARY_TOL for i in items):
            j = _Kinded(m, nxt.kind)
            j.end = nxt.end
            out.append(j)
            skip = True
        else:
            out.append(m)
    return out


def _name(s: str) -> str:
    return re.sub(r"\s+", "", fold(s or ""))


def _role_family(role: str) -> str:
    # This gold predates the spec's roles (it has lead/co only); the extractor now also says
    # funder/certifier/administrator/receiver/issuer, which the old annotation would call co.
    # Roles are compared by family: lead vs the rest.
    return "lead" if role == "lead" else "other"


def score_units(dg: DocGold, units: list, with_role: bool, errors: Optional[list]) -> PRF:
    used = [False] * len(units)
    res = PRF()
    for u, s, e in dg.units:
        hit = -1
        for j, p in enumerate(units):
            if not used[j] and s <= p.start < e and _name(p.name) == _name(u["name"]) and (
                    not with_role or _role_family(p.role) == _role_family(u["role"])):
                hit = j
                break
        if hit >= 0:
            used[hit] = True
            res.tp += 1
        else:
            res.fn += 1
            if errors is not None:
                errors.append({"doc": dg.name, "field": "unit_roles" if with_role else "units", "type": "miss",
                               "gold": u, "predicted_in_measure": [(p.name, p.role) for p in units if s <= p.start < e]})
    for j, p in enumerate(units):
        if not used[j]:
            res.fp += 1
            if errors is not None:
                errors.append({"doc": dg.name, "field": "unit_roles" if with_role else "units", "type": "false_positive",
                               "pred": {"name": p.name, "role": p.role, "text": p.text}, "at": p.start})
    return res


def score_instruments(dg: DocGold, measures: list, vocab: set[str], errors: Optional[list],
                      layout_starts: Optional[set[int]] = None) -> PRF:
    """``layout_starts`` (see score_measures): the provisions cut from one gold item pool their tags."""
    res = PRF()
    if layout_starts is not None:
        measures = _join_titled_items(dg, measures)
    content = [m for m in measures if m.kind != "heading"]
    if layout_starts is not None:
        pooled = []
        for m in content:
            if pooled and _content_start(m, dg.doc_text) not in layout_starts:
                p = pooled[-1]
                p.end = m.end
                p.instruments = list(dict.fromkeys(list(p.instruments) + list(m.instruments)))
                p.instrument_types = list(dict.fromkeys(list(p.instrument_types) + list(getattr(m, "instrument_types", []) or [])))
            else:
                pooled.append(_Kinded(m, m.kind))
        content = pooled
    for ins, pos in dg.instruments:
        owner = next((m for m in content if _content_start(m, dg.doc_text) - BOUNDARY_TOL <= pos < m.end), None)
        gold = set(ins["tags"])
        pred = set()
        if owner is not None:
            # a tag family (topical / supply-demand-environment type) is scored only where the
            # annotator used it for this measure: gold tags are "where clear", not exhaustive
            if gold - TYPE_TAGS:
                pred |= set(owner.instruments) - TYPE_TAGS
            if gold & TYPE_TAGS:
                pred |= set(getattr(owner, "instrument_types", []) or []) & TYPE_TAGS
            pred &= vocab
        res.tp += len(gold & pred)
        res.fp += len(pred - gold)
        res.fn += len(gold - pred)
        if errors is not None and gold != pred:
            errors.append({"doc": dg.name, "field": "instruments", "type": "diff", "measure": ins["measure"],
                           "missing": sorted(gold - pred), "extra": sorted(pred - gold)})
    return res


# ------------------------------------------------------------- systems

@dataclass
class SimpleItem:
    """A prediction from a system that does not produce zhengce records (peer, baseline)."""
    text: str
    start: int
    end: int
    kind: Optional[str] = None
    value_yuan: Optional[float] = None
    min_yuan: Optional[float] = None
    percent: Optional[float] = None
    ratio: Optional[float] = None
    raw_value: Optional[float] = None
    date: Optional[str] = None
    start_date: Optional[str] = None
    end_date: Optional[str] = None
    duration: Optional[str] = None
    recurrence: Optional[str] = None

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def _jionlp():
    # jionlp prints a banner to stdout on import
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp  # noqa: PLC0415
    return jionlp


def _num(x: Any) -> Optional[float]:
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def peer_amounts(text: str) -> list[SimpleItem]:
    jio = _jionlp()
    out = []
    for r in jio.ner.extract_money(text):
        s, e = r["offset"]
        d = r.get("detail") or {}
        num = d.get("num")
        item = SimpleItem(text=r["text"], start=s, end=e)
        if isinstance(num, (list, tuple)):
            item.kind, item.min_yuan, item.value_yuan = "range", _num(num[0]), _num(num[-1])
        else:
            item.value_yuan = _num(num)
            item.kind = {"accurate": "fixed", "blur-": "cap", "blur+": "threshold"}.get(d.get("definition"), "fixed")
        out.append(item)
    return out


def _iso(t: str) -> Optional[str]:
    return t[:10] if t and t[0].isdigit() else None


def peer_deadlines(text: str) -> list[SimpleItem]:
    jio = _jionlp()
    out = []
    for r in jio.ner.extract_time(text, with_parsing=True):
        s, e = r["offset"]
        d = r.get("detail") or {}
        typ = r.get("type")
        item = SimpleItem(text=r["text"], start=s, end=e)
        tm = d.get("time")
        if typ == "time_delta":
            item.kind = "within"
        elif typ == "time_period":
            item.kind = "recurring"
        elif isinstance(tm, (list, tuple)) and len(tm) == 2:
            a, b = tm
            if a == "-inf":
                item.kind, item.date = "by", _iso(b)
            elif b == "inf" or b == "+inf":
                item.kind, item.date = "from", _iso(a)
            else:
                item.kind, item.start_date, item.end_date = "span", _iso(a), _iso(b)
        else:
            item.kind = "by"
        out.append(item)
    return out


_BL_AMOUNT = re.compile(r"(最高|不超过|最多)?(\d+(?:\.\d+)?)(万元|亿元|元)")
_BL_HEAD = re.compile(r"(?m)^[ \t\u3000]*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、．])")
_BL_DEADLINE = re.compile(r"(?:至|到)?\d{4}年(?:\d{1,2}月)?(?:底|末)?(?:前|以前)?|\d+年内|按季度")


@dataclass
class BaselineMeasure:
    kind: str
    start: int
    end: int
    text: str
    amounts: list = field(default_factory=list)
    deadlines: list = field(default_factory=list)
    units: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    instruments: list = field(default_factory=list)
    instrument_types: list = field(default_factory=list)


def baseline_extract(text: str) -> list[BaselineMeasure]:
    """A deliberately trivial reference system: numbered lines are measures, N万元 is money."""
    starts = sorted({m.end() - len(m.group(0).lstrip()) for m in _BL_HEAD.finditer(text)} | {0})
    ms = []
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else len(text)
        m = BaselineMeasure(kind="measure", start=s, end=e, text=text[s:e])
        for a in _BL_AMOUNT.finditer(text, s, e):
            mult = {"万元": 1e4, "亿元": 1e8, "元": 1.0}[a.group(3)]
            m.amounts.append(SimpleItem(a.group(0), a.start(), a.end(), "cap" if a.group(1) else "fixed",
                                        value_yuan=float(a.group(2)) * mult))
        for d in _BL_DEADLINE.finditer(text, s, e):
            m.deadlines.append(SimpleItem(d.group(0), d.start(), d.end(), "by"))
        ms.append(m)
    return ms


def _document_for(path: Path):
    """The ingest Document for a source file (real pipeline)."""
    from zhengce.ingest.document import normalize_file  # noqa: PLC0415
    return normalize_file(path)


# ------------------------------------------------------------- scoring

def _warm_up(golds: list[dict], system: str, peer: bool, dev_dir: Optional[Path]) -> None:
    """Load lazy dictionaries/models once so ms/document measures steady-state work."""
    src = next((p for p in (resolve_source(g, dev_dir) for g in golds) if p), None)
    if src is not None and system != "baseline":
        from zhengce.nlp.extract import extract  # noqa: PLC0415
        extract(_document_for(src))
    if peer:
        logging.disable(logging.CRITICAL)
        try:
            peer_amounts("最高20万元")
            peer_deadlines("2020年12月底前")
        finally:
            logging.disable(logging.NOTSET)


META_KEYS = ("title", "doc_type", "issuer", "doc_number", "issue_date", "province", "city", "district", "level")
PLACE_KEYS = ("province", "city", "district")
# A municipality is its own city: this older gold writes 上海市/上海市/普陀区, the spec-aligned dev2 gold and
# ingest 上海市/null/普陀区 — the same place, so either city counts.
MUNICIPALITIES = frozenset({"北京市", "上海市", "天津市", "重庆市"})


def _city_key(province: Optional[str], city: Optional[str]) -> Optional[str]:
    return None if city and city == province and city in MUNICIPALITIES else (city or None)


def _score_metadata(gold: dict, doc: Any, tot: dict[str, list[int]]) -> None:
    """Exact-match accuracy of ingest's metadata per key (null must stay null)."""
    region = getattr(doc, "region", None)
    for k in META_KEYS:
        if k not in gold:
            continue
        got = getattr(region, k, None) if k in ("province", "city", "district", "level") else getattr(doc, k, None)
        ok = (gold[k] or None) == (got or None)
        if k == "city" and not ok:
            ok = _city_key(gold.get("province"), gold[k]) == _city_key(getattr(region, "province", None), got)
        c = tot.setdefault(k, [0, 0])
        c[0] += int(ok)
        c[1] += 1
        if k in PLACE_KEYS:
            # precision: correct among the documents that were given a value ("unknown beats wrong")
            cp = tot.setdefault(k + "_given", [0, 0])
            cp[0] += int(ok and bool(got))
            cp[1] += int(bool(got))
    if all(k in gold for k in PLACE_KEYS):
        # the whole place, as score_dev2 counts it: exact (province, city, district); given = a province
        # (or national level) was named
        want = (gold["province"] or None, _city_key(gold["province"], gold["city"]), gold["district"] or None)
        have = (getattr(region, "province", None) or None,
                _city_key(getattr(region, "province", None), getattr(region, "city", None)),
                getattr(region, "district", None) or None)
        ok = want == have
        known = bool(getattr(region, "province", None) or getattr(region, "level", None) == "national")
        c = tot.setdefault("place", [0, 0])
        c[0] += int(ok)
        c[1] += 1
        cp = tot.setdefault("place_given", [0, 0])
        cp[0] += int(ok and known)
        cp[1] += int(known)


def score(gold_dir: Path | str = GOLD_DIR, fields: Optional[Iterable[str]] = None, *, subset: str = "all",
          system: str = "zhengce", peer: bool = True, errors: bool = False,
          dev_dir: Optional[Path] = None, log: Callable[[str], None] = lambda s: None) -> dict:
    """Score a system (and the jionlp peer) on the gold; returns a JSON-able dict.

    ``result["fields"][name]`` -> {p, r, f1, tp, fp, fn}; ``result["peer"]`` likewise for jionlp;
    ``result["docs"][file][name]`` per-document F1; ``result["ms_per_doc"]``; ``result["skipped"]``
    lists gold files whose source is absent; ``result["unlocated"]`` gold spans not found.
    """
    wanted = tuple(fields) if fields else FIELDS
    golds = load_gold(gold_dir, subset)
    vocab = {t for g in golds for ins in g.get("instruments", []) for t in ins["tags"]}
    tot = {f: PRF() for f in wanted}
    ptot = {f: PRF() for f in PEER_FIELDS if f in wanted}
    out: dict[str, Any] = {"system": system, "subset": subset, "docs": {}, "skipped": [], "unlocated": {},
                           "errors": [] if errors else None, "n_docs": 0}
    meta_tot: dict[str, list[int]] = {}
    kind_recall: dict[str, dict] = {}
    _warm_up(golds, system, peer, dev_dir)
    t_ingest = t_sys = t_peer = 0.0
    for g in golds:
        src = resolve_source(g, dev_dir)
        if src is None:
            out["skipped"].append(g["file"])
            log(f"skip {g['file']}: source not found (dev corpus at {dev_corpus_dir()}; set ZHENGCE_DEV_CORPUS)")
            continue
        raw = src.read_bytes().decode("utf-8", errors="replace")
        ref = reference_text(raw)
        t0 = time.perf_counter()
        if system == "baseline":
            doc_text = ref
            measures = baseline_extract(doc_text)
            t1 = time.perf_counter()
        else:
            from zhengce.nlp.extract import extract  # noqa: PLC0415
            doc = _document_for(src)
            doc_text = doc.text
            t1 = time.perf_counter()
            extraction = extract(doc)
            measures = extraction.measures
            durations = extraction.durations
        t2 = time.perf_counter()
        t_ingest += t1 - t0
        t_sys += t2 - t1
        out["n_docs"] += 1
        if system != "baseline":
            _score_metadata(g.get("metadata") or {}, doc, meta_tot)
        dg = locate_gold(g, ref, doc_text)
        if dg.unlocated:
            out["unlocated"][g["file"]] = dg.unlocated
        err = out["errors"]
        per: dict[str, PRF] = {}
        amts = [a for m in measures for a in m.amounts]
        dls = [d for m in measures for d in m.deadlines]
        if system != "baseline":
            # The spec keeps benefit lengths (连续两年, 贷款期限不超过3年) apart from deadlines, as
            # ``Extraction.durations``; this gold predates that and lists them as deadlines of kind
            # ``within``, so they are matched against the durations here.
            dls += [SimpleItem(x.text, x.start, x.end, "within", duration=x.duration) for x in durations]
        if "measures" in wanted or "measure_kind" in wanted:
            per["measures"], per["measure_kind"] = score_measures(
                dg, measures, err, _layout_starts(doc_text) if system != "baseline" else None)
        if "amounts" in wanted:
            per["amounts"] = match_spans(dg.amounts, amts, amount_agree, err, dg.name, "amounts", doc_text,
                                         kind_recall.setdefault("amounts", {}))
        if "amount_values" in wanted:
            per["amount_values"] = match_spans(dg.amounts, amts, lambda g_, p: amount_agree(g_, p, False),
                                               None, dg.name, "amount_values", doc_text)
        if "deadlines" in wanted:
            per["deadlines"] = match_spans(dg.deadlines, dls, deadline_agree, err, dg.name, "deadlines", doc_text,
                                           kind_recall.setdefault("deadlines", {}))
        if "deadline_spans" in wanted:
            per["deadline_spans"] = match_spans(dg.deadlines, dls, lambda g_, p: True, None, dg.name,
                                                "deadline_spans", doc_text)
        if "units" in wanted:
            per["units"] = score_units(dg, [u for m in measures for u in m.units], False, err)
        if "unit_roles" in wanted:
            per["unit_roles"] = score_units(dg, [u for m in measures for u in m.units], True, None)
        if "targets" in wanted:
            per["targets"] = match_spans(dg.targets, [t for m in measures for t in m.targets], target_agree,
                                         err, dg.name, "targets", doc_text)
        if "instruments" in wanted:
            per["instruments"] = score_instruments(
                dg, measures, vocab, err, _layout_starts(doc_text) if system != "baseline" else None)
        for f in wanted:
            tot[f].add(per[f])
        out["docs"][g["file"]] = {f: per[f].as_dict()["f1"] for f in wanted}
        if peer and ptot:
            _jionlp()   # import (and its banner) outside the timing
            logging.disable(logging.CRITICAL)   # jionlp logs tracebacks for strings it cannot parse
            try:
                t3 = time.perf_counter()
                pa = peer_amounts(doc_text)
                pd = peer_deadlines(doc_text)
                t_peer += time.perf_counter() - t3
            finally:
                logging.disable(logging.NOTSET)
            if "amounts" in ptot:
                ptot["amounts"].add(match_spans(dg.amounts, pa, amount_agree, None, dg.name, "amounts", doc_text))
            if "amount_values" in ptot:
                ptot["amount_values"].add(match_spans(dg.amounts, pa, lambda g_, p: amount_agree(g_, p, False),
                                                      None, dg.name, "amount_values", doc_text))
            if "deadlines" in ptot:
                ptot["deadlines"].add(match_spans(dg.deadlines, pd, deadline_agree, None, dg.name, "d", doc_text))
            if "deadline_spans" in ptot:
                ptot["deadline_spans"].add(match_spans(dg.deadlines, pd, lambda g_, p: True, None, dg.name,
                                                       "d", doc_text))
    out["recall_by_kind"] = {f: {k: f"{v[0]}/{v[1]}" for k, v in sorted(d.items())} for f, d in kind_recall.items()}
    out["metadata"] = {k: round(v[0] / v[1], 4) for k, v in meta_tot.items()
                       if v[1] and not k.endswith("_given")}
    out["metadata_precision"] = {k[:-len("_given")]: round(v[0] / v[1], 4) for k, v in meta_tot.items()
                                 if v[1] and k.endswith("_given")}
    n = max(out["n_docs"], 1)
    out["fields"] = {f: tot[f].as_dict() for f in wanted}
    out["peer"] = {f: ptot[f].as_dict() for f in ptot} if peer else {}
    out["ms_per_doc"] = {"ingest": round(1000 * t_ingest / n, 2), system: round(1000 * t_sys / n, 2)}
    if peer:
        out["ms_per_doc"]["jionlp"] = round(1000 * t_peer / n, 2)
    return out


# ------------------------------------------------------------- report

def format_table(res: dict, verbose: bool = False) -> str:
    sysname = res["system"]
    lines = [f"extraction gold: {res['n_docs']} documents ({res['subset']}), "
             f"{len(res['skipped'])} skipped (source absent)"]
    hdr = f"{'field':<16}{'system':<10}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"
    lines += [hdr, "-" * len(hdr)]
    for f, r in res["fields"].items():
        lines.append(f"{f:<16}{sysname:<10}{r['p']:>7.3f}{r['r']:>7.3f}{r['f1']:>7.3f}{r['tp']:>6}{r['fp']:>6}{r['fn']:>6}")
        pr = res["peer"].get(f)
        if pr:
            lines.append(f"{'':<16}{'jionlp':<10}{pr['p']:>7.3f}{pr['r']:>7.3f}{pr['f1']:>7.3f}"
                         f"{pr['tp']:>6}{pr['fp']:>6}{pr['fn']:>6}")
    if res.get("metadata"):
        lines.append("ingest metadata accuracy: " + ", ".join(f"{k} {v:.2f}" for k, v in res["metadata"].items()))
    if res.get("metadata_precision"):
        lines.append("ingest place precision (correct among documents given one): "
                     + ", ".join(f"{k} {v:.2f}" for k, v in res["metadata_precision"].items()))
    lines.append("ms/document: " + ", ".join(f"{k} {v}" for k, v in res["ms_per_doc"].items()))
    n_un = sum(len(v) for v in res["unlocated"].values())
    if n_un:
        lines.append(f"{n_un} gold spans could not be located in doc.text (counted as misses); see --errors")
    if verbose:
        for f, d in res.get("recall_by_kind", {}).items():
            lines.append(f"recall by gold kind, {f}: " + ", ".join(f"{k} {v}" for k, v in d.items()))
        fs = list(res["fields"])
        lines.append("")
        lines.append(f"{'document':<40}" + "".join(f"{f[:10]:>11}" for f in fs))
        for d, row in res["docs"].items():
            lines.append(f"{d[:40]:<40}" + "".join(f"{row[f]:>11.3f}" for f in fs))
    return "\n".join(lines)


def format_errors(res: dict) -> str:
    lines = []
    for d, items in res["unlocated"].items():
        for it in items:
            lines.append(f"[unlocated] {d}: {it}")
    for e in res["errors"] or []:
        e = dict(e)
        lines.append(f"[{e.pop('field')}/{e.pop('type')}] {e.pop('doc')} " + json.dumps(e, ensure_ascii=False))
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default=str(GOLD_DIR))
    ap.add_argument("--subset", choices=("all", "seed", "dev"), default="all")
    ap.add_argument("--system", choices=("zhengce", "baseline"), default="zhengce")
    ap.add_argument("--no-peer", action="store_true", help="skip the jionlp peer")
    ap.add_argument("--fields", help="comma-separated subset of: " + ",".join(FIELDS))
    ap.add_argument("--verbose", action="store_true", help="per-document F1")
    ap.add_argument("--errors", action="store_true", help="list misses and false positives")
    ap.add_argument("--json", action="store_true", help="machine-readable results")
    a = ap.parse_args(argv)
    fields = a.fields.split(",") if a.fields else None
    res = score(a.gold, fields, subset=a.subset, system=a.system, peer=not a.no_peer, errors=a.errors,
                log=lambda s: print(s, file=sys.stderr))
    if a.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    print(format_table(res, a.verbose))
    if a.errors:
        print()
        print(format_errors(res))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.exit(main())
