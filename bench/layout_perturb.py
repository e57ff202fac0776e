"""Measure starts on tune pages re-laid-out as pages nobody tuned on look: a layout check.

Each mode rewrites the corpus-dev2 excerpts of a tune split (never sealed) into a temporary folder
and scores them with bench/score_dev2.py; gold heads are located whitespace-insensitively, so the
gold stays valid. Modes: none, wrap (hard-wrapped at 76 display columns, as PDF text), wrap50,
spaces (line breaks turned into spaces), flat (line breaks removed), sentlines (a line per sentence),
html (<p> per line), stopcomma (a 。 inside a line turned into a comma, as garbled scrapes leave it),
allcomma (every 。 a comma). Set ZHENGCE_NO_UNWRAP=1 to score without nlp.measures.unwrap.

Usage: python bench/layout_perturb.py [--split tune1|fresh|tune] [--modes none,wrap,spaces]
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score_dev2 as sd  # noqa: E402


def _cols(c: str) -> int:
    return 1 if ord(c) < 128 else 2


def _wrap(raw: str, width: int) -> str:
    out = []
    for line in sd.se.reference_text(raw).split("\n"):
        cur, cw = "", 0
        for c in line:
            if cw + _cols(c) > width:
                out.append(cur)
                cur, cw = "", 0
            cur += c
            cw += _cols(c)
        out.append(cur)
    return "\n".join(out)


MODES = {
    "none": lambda t: t,
    "wrap": lambda t: _wrap(t, 76),
    "wrap50": lambda t: _wrap(t, 50),
    "spaces": lambda t: re.sub(r"\s*\n\s*", " ", t),
    "flat": lambda t: re.sub(r"\s*\n\s*", "", t),
    "sentlines": lambda t: re.sub(r"(?<=[。；])(?!\n)", "\n", t),
    "html": lambda t: "<html><body><div>" + "".join(f"<p>{x}</p>\n" for x in t.split("\n") if x.strip())
                      + "</div></body></html>",
    # garbled punctuation (the corpora's garbled_punct label): a stop inside a line turned into a comma,
    # or every stop; the gold's quoted heads are mapped the same way (PUNCT_GOLD), so they still locate
    "stopcomma": lambda t: re.sub("。(?![ \t]*(?:\n|$))", ",", t),
    "allcomma": lambda t: t.replace("。", ","),
}
PUNCT_GOLD = {"stopcomma": lambda t: t.replace("。", ","), "allcomma": lambda t: t.replace("。", ",")}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("tune1", "fresh", "tune"), default="tune")
    ap.add_argument("--modes", default="none,wrap,wrap50,spaces,flat,sentlines,html,stopcomma,allcomma")
    a = ap.parse_args(argv)
    if not sd.DEV2.is_dir():
        print(f"skip: {sd.DEV2} is absent", file=sys.stderr)
        return 0
    if os.environ.get("ZHENGCE_NO_UNWRAP"):
        import zhengce.nlp.measures as M  # noqa: PLC0415
        M.unwrap = lambda t: (t, None)
    rt0 = sd.se.reference_text
    sd.se.reference_text = lambda raw: rt0(re.sub(r"<[^>]+>", "\n", raw))   # html mode: tags are breaks
    orig = sd.DEV2
    names = {g["file"].split(":", 1)[1] for g in sd.load(a.split)}
    with tempfile.TemporaryDirectory() as tmp:
        for mode in a.modes.split(","):
            d = Path(tmp) / mode
            d.mkdir()
            for n in names:
                (d / n).write_text(MODES[mode]((orig / n).read_text(encoding="utf-8")), encoding="utf-8")
            if (orig / "index.jsonl").is_file():    # the pages' URLs (place and date evidence) travel too
                (d / "index.jsonl").write_bytes((orig / "index.jsonl").read_bytes())
            sd.DEV2 = d
            fold = sd.se.fold
            if mode in PUNCT_GOLD:
                sd.se.fold = lambda x, f=fold, g=PUNCT_GOLD[mode]: g(f(x))
            try:
                m = sd.run(a.split, False, None)["fields"]["measures"]
            finally:
                sd.se.fold = fold
            print(f"{a.split:6} {mode:10} measure starts F1 {m['f1']:.3f} (P {m['p']:.2f} R {m['r']:.2f})", flush=True)
    sd.DEV2 = orig
    return 0


if __name__ == "__main__":
    sys.exit(main())
