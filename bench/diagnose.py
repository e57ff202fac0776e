#!/usr/bin/env python
"""Why measure starts and places disagree with a gold set: counts by category, safe to run on a sealed part.

    python bench/diagnose.py measures [--set dev2|devspec|genre] [--split tune|sealed] [--show]
    python bench/diagnose.py place    [--set dev2|devspec|genre] [--split tune|sealed] [--show]
    python bench/diagnose.py units    [--set dev2|devspec|genre] [--split tune|sealed] [--show]
    python bench/diagnose.py deadlines [--set dev2|devspec|genre] [--split tune|sealed] [--show]

``measures``: every missed gold measure start and every extra predicted one (as bench/score_dev2.py
matches them, ±3 characters) gets one category:

* ``miss:kind=K`` / ``fp:gold=K``: the boundary agrees, the kind does not (we read K there / gold reads K;
  a gold heading is ``:titled-line:<before>`` when gold starts a measure later on its line, else ``:own-line``);
* ``miss:inside-K:<before>``: gold starts a measure inside one of our items of kind K, after a sentence end,
  a line break, a comma (``,``), a colon, a space, a closing bracket or quote (``close``), a dash, an
  enumeration comma (``enum``), a dot, a Han character, a letter or digit, or something else (``?``): we did not cut there;
* ``fp:nostart:in-K:<before>``: we cut where gold's item of kind K goes on;
* ``miss:uncovered``: no item of ours covers the gold start.

It also counts how the reader opens each of our measures written as a titled line (一、加大资金扶持。乌鲁木齐
市…): ``conv:titled-line[<what ends the title>]:at-number`` / ``:after-title`` / ``:other`` — the gold's
convention, not our failures.

``units``: every missed gold unit (as bench/score_dev2.py matches names) gets one category:
``miss:extent:<side>:<what>`` (one of our units overlaps its name: ours ``longer``/``shorter`` by a ``level``
(市, 各), a ``place``, a ``list``, a generic ``tail`` (部门) or ``other:head|tail|mid``; or ``overlap``), ``miss:not-written`` (the name is not in the text:
the reader completed it), ``miss:not-scanned`` (the body grammar finds no body there),
``miss:scanned-other-extent`` (it finds one of another extent), ``miss:excluded`` (found, then excluded as
metadata/addressee/…), ``miss:no-role`` (found and kept, yet no measure or document list reports it).
Every extra unit: ``fp:extent`` (it overlaps a gold name), ``fp:issuer``, or ``fp:role=R``; every name
matched with another role: ``role:GOLD->OURS``.

``deadlines``: every missed gold dated deadline: ``miss:value`` (one of our dated deadlines overlaps it with
another date), ``miss:as-<kind>`` (we read it as a duration or a recurring date), ``miss:none`` (nothing of
ours overlaps), each with ``:year`` or ``:no-year`` (whether its span writes the year in figures: without
one, the reader completed it from the page's date — 9月30日前, 今年, 年底前); ``miss:none`` also names the
span's shape (``recurring``, ``relative``, ``quarter``, ``half``, ``month-day``, ``range``, ``month``,
``year``, ``other``). Every extra dated deadline: ``fp:value`` or ``fp:none`` with the year suffix.

``place``: ok, pred-unknown, wrong-province, too-coarse/too-fine/wrong at city or district level.

Only counts (and the number of documents behind each) are printed, so a sealed part can be diagnosed in
aggregate without reading its failures; ``--show`` prints each case and is refused for a sealed part,
as ``score_dev2.py --errors`` is. The counts come from the real pipeline (``process_bytes``).
"""
from __future__ import annotations

import argparse
import collections
import os
import sys
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parent.parent
SETS = {
    "dev2": (REPO / "tests" / "gold" / "dev2", REPO.parent / "shared" / "corpus-dev2"),
    "devspec": (REPO / "tests" / "gold" / "devspec", REPO.parent / "shared" / "corpus-dev"),
    "genre": (REPO / "tests" / "gold" / "genre", REPO / "tests" / "fixtures" / "genre_pages"),
}
_ENDS = "。；;！？!?"


def _scorer(name: str):
    """bench/score_dev2.py pointed at one gold set (it reads its folders from the environment at import)."""
    import importlib.util

    gold, corpus = SETS[name]
    env = {"ZHENGCE_DEV2_GOLD": str(gold), "ZHENGCE_DEV2_CORPUS": str(corpus)}
    # the module reads its folders at import; the caller's environment is left as it was
    with mock.patch.dict(os.environ, env):
        spec = importlib.util.spec_from_file_location(f"score_dev2_{name}", REPO / "bench" / "score_dev2.py")
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
    return mod


def _before(text: str, i: int) -> str:
    ch = text[i - 1] if i > 0 else ""
    if not ch:
        return "start"
    if ch in _ENDS:
        return "sentence"
    if ch == "\n":
        return "line"
    if ch in "，,":
        return ","
    if ch in "：:":
        return ":"
    if ch in " \u3000\xa0\t":
        return "space"
    if ch in "）)】」』》\"”’]":
        return "close"
    if ch in "—-－–~～":
        return "dash"
    if ch in "、":
        return "enum"
    if ch in ".．":
        return "dot"
    if "\u4e00" <= ch <= "\u9fff":
        return "han"
    if ch.isalnum():
        return "alnum"
    return "?"


def measure_cases(text: str, gold_items: list[tuple[int, str]], pred: list[tuple[int, int, int, str]],
                  match, tol: int) -> list[tuple[str, int]]:
    """(category, offset) of each disagreement. ``gold_items``: (start, kind) of every gold item;
    ``pred``: (content start, item start, item end, kind) of every predicted item; ``match``: the scorer's
    one-to-one start matching (returns prf, missed gold starts, extra predicted starts)."""
    _, missed, extra = match([s for s, k in gold_items if k == "measure"], [p for p, _, _, k in pred if k == "measure"])
    out = []
    for s in missed:
        near = [k for p, _, _, k in pred if abs(p - s) <= tol]
        if near:
            out.append((f"miss:kind={near[0]}", s))
            continue
        inside = [k for _, a, b, k in pred if a <= s < b]
        out.append((f"miss:inside-{inside[0]}:{_before(text, s)}" if inside else "miss:uncovered", s))
    for p in extra:
        near = [k for s, k in gold_items if abs(p - s) <= tol]
        if near:
            cat = f"fp:gold={near[0]}"
            if near[0] == "heading":
                # a titled line (一、加大资金扶持。乌鲁木齐市…) the reader opens after its title, or a line of its own
                eol = text.find("\n", p)
                eol = len(text) if eol < 0 else eol
                later = [s for s, k in gold_items if p + tol < s < eol and k == "measure"]
                # titled-line:<what ends the title> (the character before the reader's measure start)
                cat += f":titled-line:{_before(text, min(later))}" if later else ":own-line"
            out.append((cat, p))
            continue
        prev = max(((s, k) for s, k in gold_items if s < p), default=None)   # gold items need not be in order
        out.append((f"fp:nostart:in-{prev[1] if prev else 'none'}:{_before(text, p)}", p))
    return out


_TITLED_LINE_RE = __import__("re").compile(
    r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．]|第[一二三四五六七八九十]+条\s*"
    r"|[一二三四五六七八九十]是)[^。：:\s]{2,25}(?:[。：:]|[ \u3000\xa0]+)(?=[^\n]{6})")


def titled_line_conventions(text: str, gold_items: list[tuple[int, str]], pred: list, tol: int) -> list[str]:
    """How the reader opens each of our measure items written as a titled line (一、加大资金扶持。乌鲁木齐市…):
    ``conv:titled-line:at-number`` (a measure at the number, none later on the line), ``…:after-title`` (a
    measure starting after the title), ``…:other``. A count of the gold's convention, not of our failures."""
    out = []
    for p, a, _, k in pred:
        if k != "measure":
            continue
        m = _TITLED_LINE_RE.match(text, a)
        if not m:
            continue
        at_number = any(abs(s - p) <= tol and gk == "measure" for s, gk in gold_items)
        after = any(abs(s - m.end()) <= tol and gk == "measure" and abs(s - p) > tol for s, gk in gold_items)
        sep = text[m.end() - 1]
        sep = "space" if sep.isspace() else sep
        out.append(f"conv:titled-line[{sep}]:" + ("after-title" if after else "at-number" if at_number else "other"))
    return out


def place_case(gold: list, pred: list) -> str:
    """The category of a place reading: gold and pred are [province, city, district] (None when absent)."""
    if gold == pred:
        return "ok"
    if not any(pred):
        return "pred-unknown"
    if not any(gold):
        return "gold-unknown-or-national"
    if gold[0] != pred[0]:
        return "wrong-province"
    for i, level in ((1, "city"), (2, "district")):
        if gold[i] != pred[i]:
            return f"too-coarse({level})" if pred[i] is None else f"too-fine({level})" if gold[i] is None \
                else f"wrong-{level}"
    return "ok"


def _nm(s) -> str:
    return (s or "").replace(" ", "").replace("\u3000", "").replace("（", "(").replace("）", ")")


_LEVEL_ONLY_RE = __import__("re").compile(r"[省市区县州旗镇乡各]|[省市区县]级")
_LIST_JOIN_RE = __import__("re").compile(r"(?:局|委|厅|办|部门|中心|政府)(?:和|及|与)")   # 市科技局和市财政局, not 人力资源和…
_PLACE_DIFF_RE = __import__("re").compile(r".{1,8}(?:省|市|区|县|州|旗|镇|乡|街道|自治区)$")


def _extent_kind(ours: set, gold: set) -> str:
    """How our name's extent differs from the gold's: ``longer``/``shorter`` by a level (市), a place (厦门市),
    a list (、/和), a generic tail (部门, 单位) or something else; ``overlap`` when neither holds the other."""
    pairs = [(o, g) for o in ours for g in gold if o in g or g in o]
    if not pairs:
        return "overlap"
    o, g = min(pairs, key=lambda p: abs(len(p[0]) - len(p[1])))
    longer, short = (o, g) if len(o) >= len(g) else (g, o)
    diff = longer.replace(short, "", 1)
    if not diff:
        return "same"
    side = "longer" if len(o) > len(g) else "shorter"
    if _LEVEL_ONLY_RE.fullmatch(diff):
        what = "level"
    elif "、" in diff or _LIST_JOIN_RE.search(longer):
        what = "list"
    elif _PLACE_DIFF_RE.fullmatch(diff) and longer.startswith(diff):
        what = "place"
    elif diff in ("部门", "单位", "机构", "等", "等部门", "等单位", "主管部门", "行政主管部门", "人民政府"):
        what = "tail"
    else:
        what = "other" + (":head" if longer.startswith(diff) else ":tail" if longer.endswith(diff) else ":mid")
    return f"{side}:{what}"


def unit_cases(text: str, gold: list[dict], pred: list, every: list, kept: list) -> list[tuple[str, str]]:
    """(category, name) of each unit disagreement. ``gold``: the gold units (name, full_name, role);
    ``pred``: our units (UnitRef); ``every``/``kept``: the body scan's mentions (start, end), all and
    not excluded."""
    def names(u) -> set:
        return {_nm(getattr(u, "name", None)), _nm(getattr(u, "text", None)), _nm(getattr(u, "full_name", None))} - {""}

    def gnames(g) -> set:
        return {_nm(g.get("name")), _nm(g.get("full_name"))} - {""}

    def overlaps(a: set, b: set) -> bool:
        return any(x in y or y in x for x in a for y in b)

    out, used = [], set()
    ntext = _nm(text)
    raw = [i for i, ch in enumerate(text) if _nm(ch)]     # folded offset -> offset in the text
    exact = {}      # gold index -> our unit with its name and role, matched first so a second role never hides it
    for i, g in enumerate(gold):
        j = next((j for j, u in enumerate(pred) if j not in used and names(u) & gnames(g) and u.role == g.get("role")), None)
        if j is not None:
            used.add(j)
            exact[i] = j
    for i, g in enumerate(gold):
        if i in exact:
            continue
        gn = gnames(g)
        j = next((j for j, u in enumerate(pred) if j not in used and names(u) & gn), None)
        if j is not None:
            used.add(j)
            if pred[j].role != g.get("role"):
                out.append((f"role:{g.get('role')}->{pred[j].role}", g.get("name")))
            continue
        near = next((u for u in pred if overlaps(names(u), gn)), None)
        if near is not None:
            out.append((f"miss:extent:{_extent_kind(names(near), gn)}", g.get("name")))
            continue
        spans = [(raw[i], raw[i + len(n) - 1] + 1) for n in gn for i in _finds(ntext, n)]
        if not spans:
            out.append(("miss:not-written", g.get("name")))
            continue
        hit = [m for m in every if any(m.start < b and a < m.end for a, b in spans)]
        same = [m for m in hit if any((m.start, m.end) == sp for sp in spans)]
        if not hit:
            cat = "miss:not-scanned"
        elif not same:
            cat = "miss:scanned-other-extent"
        elif not any(m in kept for m in same):
            cat = "miss:excluded"
        else:
            cat = "miss:no-role"
        out.append((cat, g.get("name")))
    for j, u in enumerate(pred):
        if j in used:
            continue
        if any(overlaps(names(u), gnames(g)) for g in gold):
            out.append(("fp:extent", u.name))
        else:
            out.append(("fp:issuer" if u.role == "issuer" else f"fp:role={u.role}", u.name))
    return out


_YEAR_RE = __import__("re").compile(r"(?:19|20)\d{2}|[〇零○一二][〇零○一二三四五六七八九]{3}")     # a year written out


_SHAPES = [(s, __import__("re").compile(p)) for s, p in (
    ("recurring", r"每年|每季|每月|每周|逐年"),
    ("relative", r"今年|明年|次年|去年|当年|本年|本月|下月|次月|上月|即日|当日|同日|届时|年内|月内|年底前|年末"),
    ("quarter", r"季度"),
    ("half", r"上半年|下半年"),
    ("month-day", r"^\D*\d{4}[-./]\d{1,2}[-./]\d{1,2}\D*$"),      # one ISO or dotted day, no range
    ("range", r"[年月日\d]\s?[至到—\-~～]\s?[\d一二三四五六七八九十次明今]"),
    ("month-day", r"月.{0,3}日|\d{1,2}[./-]\d{1,2}"),
    ("month", r"月"),
    ("year", r"年"),
)]


def _date_shape(span: str) -> str:
    """What a missed deadline is written as (its first matching shape): counts only, for a sealed part too."""
    return next((s for s, p in _SHAPES if p.search(span)), "other")


def deadline_cases(text: str, gold: list, dated: list, durations: list, agree) -> list[tuple[str, int]]:
    """(category, offset) of each deadline disagreement. ``gold``: located gold deadlines (start, end, item);
    ``dated``/``durations``: ours, as bench/score_dev2.py splits them; ``agree``: its date agreement."""
    def yr(a: int, b: int) -> str:
        return ":year" if _YEAR_RE.search(text, a, b) else ":no-year"

    def over(a, b, x) -> bool:
        return a < x.end and x.start < b

    used, out = set(), []
    for g in gold:
        j = next((j for j, p in enumerate(dated) if j not in used and over(g.start, g.end, p) and agree(g.item, p)), None)
        if j is not None:
            used.add(j)
            continue
        if any(over(g.start, g.end, p) for p in dated):
            cat = "miss:value"
        else:
            other = [p for p in durations if over(g.start, g.end, p)]
            cat = f"miss:as-{getattr(other[0], 'kind', None) or 'duration'}" if other else "miss:none"
        shape = f":{_date_shape(text[g.start:g.end])}" if cat == "miss:none" else ""
        out.append((cat + yr(g.start, g.end) + shape, g.start))
    for j, p in enumerate(dated):
        if j not in used:
            cat = "fp:value" if any(over(g.start, g.end, p) for g in gold) else "fp:none"
            out.append((cat + yr(p.start, p.end), p.start))
    return out


def _finds(hay: str, needle: str) -> list[int]:
    out, i = [], hay.find(needle)
    while i >= 0:
        out.append(i)
        i = hay.find(needle, i + 1)
    return out


def run(what: str, set_name: str, split: str, show: bool) -> tuple[collections.Counter, dict]:
    """Counts by category (and the documents behind each); ``show`` prints each case, never for a sealed part."""
    if show and split != "tune":
        raise ValueError("cases are shown for a tune part only: sealed failures are counted, never read")
    from zhengce.pipeline import process_bytes  # noqa: PLC0415

    sd = _scorer(set_name)
    se = sd.se
    counts: collections.Counter = collections.Counter()
    docs: dict[str, set] = collections.defaultdict(set)
    url_of = sd.urls()
    for g in sd.load(split):
        name = g["file"].split(":", 1)[1]
        src = sd.DEV2 / name
        try:
            ex = process_bytes(src.read_bytes(), str(src), url=url_of.get(name))
        except Exception as e:      # a rejected page: counted, not read
            counts[f"rejected:{type(e).__name__}"] += 1
            continue
        doc = ex.document
        if what == "place":
            md = g.get("metadata") or {}
            keys = ("province", "city", "district")
            gold = [md.get(k) or None for k in keys]
            pred = [getattr(doc.region, k, None) or None for k in keys]
            cat = place_case(gold, pred)
            counts[cat] += 1
            docs[cat].add(name)
            if show and cat != "ok":
                print(f"{cat}\t{name}\tgold {gold}\tpred {pred}")
            continue
        text = doc.text
        if what == "units":
            from zhengce.nlp import units as U  # noqa: PLC0415

            _, every, kept, _ = U._scan_state(text)
            ours = list(getattr(ex, "units", None) or []) or [u for m in ex.measures for u in m.units]
            seen, pred = set(), []
            for u in ours:
                if (u.name, u.role) not in seen:
                    seen.add((u.name, u.role))
                    pred.append(u)
            for cat, nm in unit_cases(text, g.get("units", []), pred, every, kept):
                counts[cat] += 1
                docs[cat].add(name)
                if show:
                    print(f"{cat}\t{name}\t{nm}")
            continue
        ref = se.reference_text(src.read_text(encoding="utf-8"))
        dg = se.locate_gold({**g, "units": [], "instruments": [], "targets": g.get("durations", [])}, ref, text)
        if what == "deadlines":
            dated, durations = sd._pred_deadlines(ex)
            for cat, at in deadline_cases(text, dg.deadlines, dated, durations, sd._dates_agree):
                counts[cat] += 1
                docs[cat].add(name)
                if show:
                    print(f"{cat}\t{name}\t{text[max(0, at - 20):at]!r} | {text[at:at + 30]!r}")
            continue
        gold_items = [(x.start, x.item["kind"]) for x in dg.measures]
        pred = [(se._content_start(m, text), m.start, m.end, m.kind) for m in ex.measures]
        for cat in titled_line_conventions(text, gold_items, pred, se.BOUNDARY_TOL):
            counts[cat] += 1
            docs[cat].add(name)
        for cat, at in measure_cases(text, gold_items, pred, sd.match_starts, se.BOUNDARY_TOL):
            counts[cat] += 1
            docs[cat].add(name)
            if show:
                print(f"{cat}\t{name}\t{text[max(0, at - 20):at]!r} | {text[at:at + 30]!r}")
    return counts, docs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=("measures", "place", "units", "deadlines"))
    ap.add_argument("--set", choices=sorted(SETS), default="dev2", dest="set_name")
    ap.add_argument("--split", choices=("tune", "sealed"), default="tune")
    ap.add_argument("--show", action="store_true", help="print each case (tune only)")
    a = ap.parse_args(argv)
    if a.show and a.split != "tune":
        print("--show is only for --split tune: sealed failures are counted, never read", file=sys.stderr)
        return 2
    gold, corpus = SETS[a.set_name]
    if not corpus.is_dir() or not (gold / "split.json").is_file():
        print(f"skip: {corpus} or its gold is absent", file=sys.stderr)
        return 0
    counts, docs = run(a.what, a.set_name, a.split, a.show)
    conv = {k: v for k, v in counts.items() if k.startswith("conv:")}     # the gold's conventions, no failures
    cases = {k: v for k, v in counts.items() if k not in conv}
    width = max((len(k) for k in counts), default=10)
    for title, part in ((f"{a.what} on {a.set_name} {a.split}: {sum(cases.values())} cases", cases),
                        ("conventions (how the reader opens our titled lines):", conv)):
        if part is cases or part:
            print(title)
        for cat, n in sorted(part.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {cat:<{width}}  {n:5d}  in {len(docs[cat]):3d} docs")
    return 0


if __name__ == "__main__":
    import signal

    signal.signal(signal.SIGPIPE, signal.SIG_DFL)     # piped into head: stop quietly
    sys.exit(main())
