#!/usr/bin/env python
"""Annotators' helper for tests/gold/dev2 (see tests/gold/dev2/FORMAT.md).

  python bench/gold_tool.py text dev2-007.txt      print the reference text the gold is written in
  python bench/gold_tool.py check GOLD.json ...    every string found, fields well formed

It only normalises text (OpenCC t2s, pinyin notes removed, full-width folded); it never runs the
extractor, so annotating with it keeps the gold blind.
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV2 = Path(os.environ.get("ZHENGCE_DEV2_CORPUS", REPO.parent / "shared" / "corpus-dev2"))

_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0xA0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20})

MEASURE_KINDS = {"measure", "criterion", "goal", "preamble", "heading", "signature", "news", "other"}
AMOUNT_KINDS = {"cap", "fixed", "ratio", "per_unit", "range", "threshold", "target", "other"}
DEADLINE_KINDS = {"by", "from", "until", "span", "on"}
ROLES = {"lead", "co", "funder", "certifier", "administrator", "receiver", "issuer"}
LEVELS = {"national", "province", "city", "district", None}
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DUR = re.compile(r"^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$")


def reference_text(raw: str) -> str:
    import opencc

    return _PINYIN.sub("", opencc.OpenCC("t2s").convert(raw)).translate(_FOLD)


def source_text(name: str) -> str:
    return reference_text((DEV2 / name).read_text(encoding="utf-8"))


def _find(text: str, needle: str, occurrence: int) -> bool:
    pos = -1
    for _ in range(max(1, occurrence)):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return False
    return True


def check(path: Path) -> list[str]:
    g = json.loads(path.read_text(encoding="utf-8"))
    errs: list[str] = []
    name = g.get("file", "").split(":", 1)[-1]
    if not (DEV2 / name).is_file():
        return [f"{path.name}: source {name!r} not found in {DEV2}"]
    text = source_text(name)
    md = g.get("metadata") or {}
    if md.get("level") not in LEVELS:
        errs.append(f"metadata.level {md.get('level')!r}")
    if md.get("issue_date") and not _ISO.match(md["issue_date"]):
        errs.append(f"metadata.issue_date {md['issue_date']!r} is not YYYY-MM-DD")
    if not isinstance(g.get("is_policy"), bool):
        errs.append("is_policy must be true/false")
    for key, field, kinds in (("measures", "head", MEASURE_KINDS), ("amounts", "text", AMOUNT_KINDS),
                              ("deadlines", "text", DEADLINE_KINDS), ("durations", "text", None),
                              ("units", None, None)):
        for i, it in enumerate(g.get(key, [])):
            where = f"{key}[{i}]"
            if field and not _find(text, it.get(field) or "\0", it.get("occurrence", 1)):
                errs.append(f"{where}: {it.get(field)!r} (occurrence {it.get('occurrence', 1)}) not in the text")
            if kinds and it.get("kind") not in kinds:
                errs.append(f"{where}: kind {it.get('kind')!r} not in {sorted(kinds)}")
    for i, d in enumerate(g.get("deadlines", [])):
        for k in ("date", "start_date", "end_date"):
            if d.get(k) and not _ISO.match(d[k]):
                errs.append(f"deadlines[{i}].{k} {d[k]!r} is not YYYY-MM-DD")
    for i, d in enumerate(g.get("durations", [])):
        if not _DUR.match(d.get("iso") or ""):
            errs.append(f"durations[{i}].iso {d.get('iso')!r} is not an ISO duration")
    for i, u in enumerate(g.get("units", [])):
        if u.get("role") not in ROLES:
            errs.append(f"units[{i}].role {u.get('role')!r} not in {sorted(ROLES)}")
        if not u.get("name") or u["name"] not in text:
            errs.append(f"units[{i}].name {u.get('name')!r} not in the text")
    return [f"{path.name}: {e}" for e in errs]


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "text":
        for name in argv[1:]:
            sys.stdout.write(source_text(name) + "\n")
        return 0
    if len(argv) >= 2 and argv[0] == "check":
        errs = [e for p in argv[1:] for e in check(Path(p))]
        print("\n".join(errs) if errs else f"ok: {len(argv) - 1} file(s)")
        return 1 if errs else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
