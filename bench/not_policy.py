"""How often the not_policy flag is right: unrelated real pages flagged, policy pages left alone.

    python bench/not_policy.py [--html ../shared/html-dev]

Negatives are the real news, portal and product pages of ../shared/html-dev (labelled by hand in
``bench/html_policy_labels.json``: 31 are no policy, one is), split as ``bench/html_split.json``
(tune part tuned on, sealed part printed in aggregate). Positives are every page with extraction gold:
dev2 and devspec (real excerpts under ../shared) and the genre pages in the repo (tune and sealed
apart). A policy page flagged is the costly error: a flagged page leaves comparisons.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
GOLD_SETS = {   # name: (gold folder, page folder)
    "dev2": (REPO / "tests" / "gold" / "dev2", SHARED / "corpus-dev2"),
    "devspec": (REPO / "tests" / "gold" / "devspec", SHARED / "corpus-dev"),
    "genre": (REPO / "tests" / "gold" / "genre", REPO / "tests" / "fixtures" / "genre_pages"),
}


def flagged(data: bytes, name: str, url: str | None = None) -> bool | None:
    """The pipeline's not_policy flag for one page (None when ingest refuses it)."""
    from zhengce.errors import IngestError
    from zhengce.pipeline import process_bytes

    try:
        return bool(process_bytes(data, name, url=url).document.not_policy)
    except IngestError as err:
        return True if err.reason == "not_policy" else None


def html_part(folder: Path) -> list[tuple[str, str, bool, bool | None]]:
    split = json.loads((HERE / "html_split.json").read_text(encoding="utf-8"))
    labels = json.loads((HERE / "html_policy_labels.json").read_text(encoding="utf-8"))["is_policy"]
    rows = []
    for part in ("tune", "sealed"):
        for page in split[part]:
            path = folder / "pages" / f"{page}.html"
            rows.append((part, page, labels[page], flagged(path.read_bytes(), str(path))))
    return rows


def gold_part(name: str, gold: Path, pages: Path) -> list[tuple[str, str, bool, bool | None]]:
    os.environ["ZHENGCE_DEV2_GOLD"], os.environ["ZHENGCE_DEV2_CORPUS"] = str(gold), str(pages)
    spec = importlib.util.spec_from_file_location(f"score_dev2_{name}", HERE / "score_dev2.py")
    sd = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sd)
    url_of = sd.urls()
    rows = []
    for part in ("tune", "sealed"):
        for g in sd.load(part):
            page = g["file"].split(":", 1)[1]
            path = pages / page
            rows.append((part, page, bool(g.get("is_policy", True)), flagged(path.read_bytes(), str(path), url_of.get(page))))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--html", type=Path, default=SHARED / "html-dev")
    a = ap.parse_args(argv)
    print(f"{'set':10} {'part':7} {'pages':>5} {'no policy':>9} {'flagged':>7} {'policy':>6} {'policy flagged':>14}")
    sets = [("html-dev", lambda: html_part(a.html), a.html)] + \
        [(n, (lambda n=n, g=g, p=p: gold_part(n, g, p)), p) for n, (g, p) in GOLD_SETS.items()]
    for name, run, folder in sets:
        if not folder.is_dir():
            print(f"{name:10} skipped: {folder} not found")
            continue
        rows = run()
        for part in ("tune", "sealed"):
            rs = [r for r in rows if r[0] == part]
            neg = [r for r in rs if not r[2]]
            pos = [r for r in rs if r[2]]
            print(f"{name:10} {part:7} {len(rs):5d} {len(neg):9d} {sum(bool(r[3]) for r in neg):7d} "
                  f"{len(pos):6d} {sum(bool(r[3]) for r in pos):14d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
