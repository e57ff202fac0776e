"""zhengce's money and date extraction against JioNLP's own tests, JioNLP run beside it.

    python bench/score_peer_cases.py                      # ../shared/peer-cases
    python bench/score_peer_cases.py --cases DIR --show-misses 20

The cases (``../shared/peer-cases``, converted from JioNLP's unit tests; see its README)
are scored the same way for both systems, in this process:

- money: every case text goes through the extractor (zhengce ``find_amounts``; JioNLP
  ``extract_money(with_parsing=True)``). A case passes when each expected amount is found
  (an overlapping item whose value — or [lower, upper] for ranges and approximate amounts —
  equals the expectation to the cent) and no other money value is reported (foreign-currency
  spans the case ignores excepted). Percentages are not money and are not counted.
- framed dates: each dated parser case whose expectation is whole days is framed as a deadline,
  ``请于<text>前完成。``, with the case's time base as the document date. zhengce passes when one
  deadline's end (``date``, or ``end_date`` of a span) is the expected last day and, where it
  reports a start, that is the expected first day; JioNLP when ``extract_time`` on the framed
  sentence gives a span ending on the expected day.
- clean: the 17 extractor cases that expect no time must yield no deadline (zhengce) / no time
  (JioNLP), the framing not applied.
- 文号: policy document numbers framed in a sentence must never give a date.

Prints a table of passes and ms per case for both, then (``--show-misses``) zhengce's misses.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CASES = REPO.parent / "shared" / "peer-cases"
FRAME = "请于{}前完成。"
DOC_NUMBER_SENTENCES = [
    "根据《财政部 国家税务总局关于全面推开营业税改征增值税试点的通知》(财税〔2016〕36号)执行。",
    "按照南府办〔2016〕34号文件精神,于2017年6月30日前完成申报。",
    "依据粤府〔2019〕1号、穗府规〔2020〕12号文件规定办理。",
    "财税[2018]99号规定的研发费用加计扣除政策继续执行。",
]
_CST = timezone(timedelta(hours=8))


@dataclass
class Tally:
    passed: int = 0
    total: int = 0
    seconds: float = 0.0
    misses: list = field(default_factory=list)

    def add(self, ok: bool, seconds: float, miss=None) -> None:
        self.total += 1
        self.passed += bool(ok)
        self.seconds += seconds
        if not ok and miss is not None:
            self.misses.append(miss)

    def cell(self) -> str:
        ms = 1000 * self.seconds / max(1, self.total)
        return f"{self.passed:>4}/{self.total:<4} {ms:7.3f} ms"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def base_date(case: dict) -> date | None:
    if case.get("issue_date"):
        return date.fromisoformat(case["issue_date"])
    tb = case.get("time_base")
    ts = tb.get("timestamp") if isinstance(tb, dict) else None   # "now": no document date
    return datetime.fromtimestamp(ts, _CST).date() if ts is not None else None


def whole_days(exp: dict | None) -> bool:
    return bool(exp) and exp["start"][11:] == "00:00:00" and exp["end"][11:] == "23:59:59"


def framed_cases(time_cases: list[dict]) -> list[dict]:
    # "两年前" framed as 请于两年前前完成 is no sentence: relative pasts ending in 前 are left out (211 cases)
    return [c for c in time_cases if c["origin"] == "parser" and whole_days(c["expected"])
            and not (c["text"].endswith("前") and not re.search(r"\d{4}", c["text"]))]


def clean_cases(time_cases: list[dict]) -> list[dict]:
    return [c for c in time_cases if c["origin"] == "extractor" and c["expected"] is None]


# ------------------------------------------------------------------ money

def _expected_values(exp: dict) -> tuple[float, float]:
    num = exp["num"]
    return (float(num[0]), float(num[1])) if isinstance(num, list) else (float(num), float(num))


def _close(a, b) -> bool:
    return a is not None and b is not None and abs(a - b) <= 0.011 + 1e-9 * abs(b)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _span_of(text: str, exp: dict) -> tuple[int, int]:
    i = text.find(exp["text"])
    return (i, i + len(exp["text"])) if i >= 0 else (0, len(text))


def judge_money(case: dict, found: list[tuple[int, int, float, float]]) -> bool:
    """found: (start, end, low, high) money values; True when exactly the expected ones."""
    text = case["text"]
    ignored = [tuple(x["offset"]) for x in case.get("ignored", [])]
    found = [f for f in found if not any(_overlaps(f[:2], g) for g in ignored)]
    used = set()
    for exp in case["expected"]:
        lo, hi = _expected_values(exp)
        span = _span_of(text, exp)
        hit = next((i for i, f in enumerate(found) if i not in used and _overlaps(f[:2], span)
                    and _close(f[2], lo) and _close(f[3], hi)), None)
        if hit is None:
            return False
        used.add(hit)
    return len(used) == len(found)


def zhengce_money(text: str) -> list[tuple[int, int, float, float]]:
    from zhengce.nlp.amounts import find_amounts
    out = []
    for a in find_amounts(text):
        if a.value_yuan is None and a.raw_value is None:
            continue   # percentages and leverage ratios
        hi = a.value_yuan if a.value_yuan is not None else float("nan")
        lo = a.min_yuan if a.min_yuan is not None else hi
        out.append((a.start, a.end, lo, hi))
    return out


def jionlp_money(text: str) -> list[tuple[int, int, float, float]]:
    import jionlp as jio
    out = []
    for m in jio.ner.extract_money(text, with_parsing=True):
        d = m.get("detail") or {}
        if d.get("case") != "元":
            continue
        num = d.get("num")
        lo, hi = (float(num[0]), float(num[1])) if isinstance(num, list) else (float(num), float(num))
        out.append((m["offset"][0], m["offset"][1], lo, hi))
    return out


# ------------------------------------------------------------------ dates

def zhengce_dates(text: str, base: date | None) -> list[tuple[str | None, str | None]]:
    """(first day or None, last day) of every dated deadline found."""
    from zhengce.nlp.deadlines import find_deadlines
    out = []
    for d in find_deadlines(text, issue_date=base.isoformat() if base else None):
        if d.kind in ("span",):
            out.append((d.start_date, d.end_date))
        elif d.date:
            out.append((d.start_date, d.date))
    return out


def jionlp_dates(text: str, base: date | None) -> list[tuple[str | None, str | None]]:
    import jionlp as jio
    kw = {"time_base": {"year": base.year, "month": base.month, "day": base.day}} if base else {}
    out = []
    try:
        found = jio.ner.extract_time(text, with_parsing=True, **kw)
    except Exception:   # noqa: BLE001 - a peer failure is a miss, not a crash of the bench
        return out
    for m in found:
        t = (m.get("detail") or {}).get("time")
        if isinstance(t, list) and len(t) == 2:
            s = t[0][:10] if t[0] not in ("inf", "-inf") else None
            e = t[1][:10] if t[1] not in ("inf", "-inf") else None
            out.append((s, e))
    return out


def jionlp_parse(text: str, base: date | None) -> list[tuple[str | None, str | None]]:
    import jionlp as jio
    kw = {"time_base": {"year": base.year, "month": base.month, "day": base.day}} if base else {}
    try:
        t = jio.parse_time(text, **kw).get("time")
    except Exception:   # noqa: BLE001
        return []
    return [(t[0][:10], t[1][:10])] if isinstance(t, list) and len(t) == 2 else []


def judge_framed(case: dict, got: list[tuple[str | None, str | None]]) -> bool:
    s, e = case["expected"]["start"][:10], case["expected"]["end"][:10]
    return any(end == e and (start is None or start == s) for start, end in got)


# ------------------------------------------------------------------ main

def _quiet_import_jionlp() -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp  # noqa: F401


def run(cases_dir: Path) -> dict:
    money_cases = load(cases_dir / "money_cases.jsonl")
    time_cases = load(cases_dir / "time_cases.jsonl")
    _quiet_import_jionlp()
    systems = {"zhengce": (zhengce_money, zhengce_dates), "JioNLP": (jionlp_money, jionlp_dates)}
    # warm both (first calls load dictionaries)
    for money, dates in systems.values():
        money("1万元")
        dates(FRAME.format("2020年底"), date(2021, 6, 14))
    rows: dict[str, dict[str, Tally]] = {}
    for name, (money, dates) in systems.items():
        r = rows[name] = {k: Tally() for k in ("money", "framed", "clean", "docnum", "bare")}
        for c in money_cases:
            t = time.perf_counter()
            found = money(c["text"])
            r["money"].add(judge_money(c, found), time.perf_counter() - t, (c["text"], found))
        for c in framed_cases(time_cases):
            text, base = FRAME.format(c["text"]), base_date(c)
            t = time.perf_counter()
            got = dates(text, base)
            r["framed"].add(judge_framed(c, got), time.perf_counter() - t,
                            (c["text"], str(base), c["expected"]["start"][:10], c["expected"]["end"][:10], got))
        for c in framed_cases(time_cases):   # the peer's own call on the bare expression, for reference
            if name != "JioNLP":
                continue
            t = time.perf_counter()
            got = jionlp_parse(c["text"], base_date(c))
            r["bare"].add(judge_framed(c, got), time.perf_counter() - t)
        for c in clean_cases(time_cases):
            t = time.perf_counter()
            got = dates(c["text"], base_date(c))
            r["clean"].add(not got, time.perf_counter() - t, (c["text"], got))
        for text in DOC_NUMBER_SENTENCES:
            t = time.perf_counter()
            got = dates(text, date(2021, 6, 14))
            bad = [g for g in got if g[1] and g[1][5:] == "12-31" and g[0] in (None, g[1][:4] + "-01-01")]
            r["docnum"].add(not bad, time.perf_counter() - t, (text, got))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    ap.add_argument("--show-misses", type=int, default=0, help="print up to N zhengce misses per field")
    args = ap.parse_args(argv)
    if not (args.cases / "money_cases.jsonl").is_file():
        print(f"no peer cases at {args.cases}", file=sys.stderr)
        return 2
    rows = run(args.cases)
    labels = {"money": "money cases (no spurious value)", "framed": "dates framed 请于<date>前完成。",
              "clean": "no-date cases kept clean", "docnum": "文号 never a date",
              "bare": "same dates bare, parse_time (ref.)"}
    print(f"{'field':<34} {'zhengce':>22} {'JioNLP':>22}")
    for key, label in labels.items():
        z = rows["zhengce"][key].cell() if rows["zhengce"][key].total else "—"
        print(f"{label:<34} {z:>22} {rows['JioNLP'][key].cell():>22}")
    if args.show_misses:
        for key in labels:
            for miss in rows["zhengce"][key].misses[:args.show_misses]:
                print(key, "MISS", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
