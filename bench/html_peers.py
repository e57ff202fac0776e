"""zhengce vs trafilatura vs GNE on real pages with hand-read anchors (../shared/html-dev).

One run scores the three systems the same way (README of html-dev): whitespace removed
on both sides, then per page

* body: the gold ``first`` and ``last`` anchors both found in the extracted body,
* chrome left: how many of the page's ``chrome`` strings are still in the body (lower is better),
* title exact: the extracted title equals the headline shown,
* date right: the extracted publish date equals the gold date (pages with a gold date),
* ms/page: mean wall time of one extraction (best of ``--repeat`` runs per page).

zhengce runs its whole ingest (decode, body, normalize, metadata) through ``normalize_bytes``;
its body is ``original_text`` (the extracted lines before normalisation), its date the
document's ``issue_date``, else the byline date. trafilatura runs ``bare_extraction`` with
metadata (text, title and date in one call), GNE its ``extract`` (title, publish_time, content).

The pages are split once into tune and sealed parts (``bench/html_split.json``). The sealed
part is printed in aggregate only; ``--detail`` lists per-page failures of the tune part.

    python bench/html_peers.py [--dir ../shared/html-dev] [--repeat 3] [--detail]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DIR = HERE.parent.parent / "shared" / "html-dev"
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def _flat(s: str | None) -> str:
    return "".join((s or "").split())


def _iso(s: str | None) -> str | None:
    m = _DATE.search(s or "")
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


def run_zhengce(data: bytes, html: str, name: str) -> dict:
    from zhengce.ingest.document import normalize_bytes
    from zhengce.records import IngestError

    try:
        doc = normalize_bytes(data, name)
    except IngestError as err:
        return {"body": "", "title": None, "date": None, "error": err.reason}
    return {"body": doc.original_text, "title": doc.title,
            "date": doc.issue_date or doc.byline.get("date")}


def run_trafilatura(data: bytes, html: str, name: str) -> dict:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        return {"body": "", "title": None, "date": None}
    return {"body": doc.text or "", "title": doc.title, "date": _iso(doc.date)}


_GNE = None


def run_gne(data: bytes, html: str, name: str) -> dict:
    global _GNE
    if _GNE is None:
        from gne import GeneralNewsExtractor
        _GNE = GeneralNewsExtractor()
    try:
        out = _GNE.extract(html)
    except Exception as err:  # noqa: BLE001 -- a peer's crash is a failed page, not a failed bench
        return {"body": "", "title": None, "date": None, "error": type(err).__name__}
    return {"body": out.get("content") or "", "title": out.get("title"), "date": _iso(out.get("publish_time"))}


SYSTEMS = (("zhengce", run_zhengce), ("trafilatura", run_trafilatura), ("GNE", run_gne))


def score(out: dict, gold: dict) -> dict:
    body = _flat(out["body"])
    return {
        "body": int(_flat(gold["first"]) in body and _flat(gold["last"]) in body),
        "start": int(_flat(gold["first"]) in body),
        "end": int(_flat(gold["last"]) in body),
        "chrome": sum(_flat(c) in body for c in gold["chrome"]),
        "n_chrome": len(gold["chrome"]),
        "title": int(bool(out["title"]) and _flat(out["title"]) == _flat(gold["title"])),
        "date": int(gold["date"] is not None and out["date"] == gold["date"]),
        "n_date": int(gold["date"] is not None),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--split", type=Path, default=HERE / "html_split.json")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--detail", action="store_true", help="per-page misses of the tune part")
    args = ap.parse_args(argv)
    if not (args.dir / "gold.jsonl").exists():
        print(f"no {args.dir}/gold.jsonl: the html-dev pages are not here", file=sys.stderr)
        return 2
    golds = {json.loads(l)["page"]: json.loads(l)
             for l in (args.dir / "gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()}
    split = json.loads(args.split.read_text(encoding="utf-8"))
    parts = {"tune": split["tune"], "sealed": split["sealed"]}
    results: dict[str, dict[str, list]] = {p: {s: [] for s, _ in SYSTEMS} for p in parts}
    ms: dict[str, dict[str, list]] = {p: {s: [] for s, _ in SYSTEMS} for p in parts}
    for system, fn in SYSTEMS:   # warm-up: imports and lazy models are not page time
        page = next(iter(golds))
        data = (args.dir / "pages" / page).read_bytes()
        fn(data, data.decode("utf-8", "replace"), page)
    for part, pages in parts.items():
        for stem in pages:
            gold = golds[f"{stem}.html"]
            data = (args.dir / "pages" / gold["page"]).read_bytes()
            html = data.decode("utf-8", "replace")
            for system, fn in SYSTEMS:
                best = float("inf")
                for _ in range(max(1, args.repeat)):
                    t = time.perf_counter()
                    out = fn(data, html, gold["page"])
                    best = min(best, time.perf_counter() - t)
                ms[part][system].append(1000 * best)
                results[part][system].append((stem, out, score(out, gold)))

    for part, pages in parts.items():
        n = len(pages)
        print(f"\n== html-dev {part}: {n} pages (same run, same scoring)")
        head = ("system", "body start+end", "chrome left", "title exact", "date right", "ms/page")
        rows = []
        for system, _ in SYSTEMS:
            sc = [s for _, _, s in results[part][system]]
            tot = {k: sum(s[k] for s in sc) for k in sc[0]}
            rows.append((system, f"{tot['body']}/{n}", f"{tot['chrome']}/{tot['n_chrome']}",
                         f"{tot['title']}/{n}", f"{tot['date']}/{tot['n_date']}",
                         f"{sum(ms[part][system]) / n:.1f}"))
        widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
        for r in [head] + rows:
            print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))
    if args.detail:
        print("\n-- tune part, zhengce misses (page: what)")
        for stem, out, s in results["tune"]["zhengce"]:
            gold = golds[f"{stem}.html"]
            miss = []
            if not s["start"]:
                miss.append(f"start «{gold['first']}»")
            if not s["end"]:
                miss.append(f"end «{gold['last']}»")
            left = [c for c in gold["chrome"] if _flat(c) in _flat(out["body"])]
            if left:
                miss.append(f"chrome {left}")
            if not s["title"]:
                miss.append(f"title «{out['title']}» want «{gold['title']}»")
            if s["n_date"] and not s["date"]:
                miss.append(f"date {out['date']} want {gold['date']}")
            if out.get("error"):
                miss.append(f"error {out['error']}")
            if miss:
                print(f"{stem}: " + "; ".join(miss))
    return 0


if __name__ == "__main__":
    sys.exit(main())
