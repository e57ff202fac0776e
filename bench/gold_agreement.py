#!/usr/bin/env python
"""Inter-annotator agreement on corpus-dev2: a second, independent annotation (tests/gold/dev2-iaa,
annotator B1) scored against the first (tests/gold/dev2) with the fields of bench/score_dev2.py.

Agreement is the ceiling a system can be expected to reach against one annotator's gold: where
two careful readers of the same spec disagree, an F1 near 1.0 is not meaningful.

    python bench/gold_agreement.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score_dev2 as sd  # noqa: E402

se = sd.se
IAA = sd.REPO / "tests" / "gold" / "dev2-iaa"


def _located(g: dict, ref: str) -> se.DocGold:
    return se.locate_gold({**g, "units": [], "instruments": [], "targets": g.get("durations", [])}, ref, ref)


def agree(a: dict, b: dict, tot: dict[str, se.PRF], place: list[int]) -> None:
    """``a`` is the reference gold, ``b`` the second reading."""
    ref = se.reference_text((sd.DEV2 / a["file"].split(":", 1)[1]).read_text(encoding="utf-8"))
    la, lb = _located(a, ref), _located(b, ref)
    va = [x["value_yuan"] for x in a.get("amounts", []) if x.get("value_yuan") is not None]
    vb = [x["value_yuan"] for x in b.get("amounts", []) if x.get("value_yuan") is not None]
    tot["money_values"].add(sd._set_prf(va, vb))
    tot["caps"].add(sd._set_prf([x["value_yuan"] for x in a.get("amounts", []) if x.get("kind") == "cap" and x.get("value_yuan") is not None],
                                [x["value_yuan"] for x in b.get("amounts", []) if x.get("kind") == "cap" and x.get("value_yuan") is not None]))

    class P:   # a located gold item of ``b`` seen as a prediction
        def __init__(self, loc):
            self.start, self.end = loc.start, loc.end
            for k, v in loc.item.items():
                setattr(self, k, v)
            self.duration = loc.item.get("iso")

    tot["deadlines"].add(se.match_spans(la.deadlines, [P(x) for x in lb.deadlines], sd._dates_agree,
                                        None, a["file"], "deadlines", ref))
    tot["durations"].add(se.match_spans(la.targets, [P(x) for x in lb.targets],
                                        lambda g, p: (g.get("iso") or "") == (p.duration or ""),
                                        None, a["file"], "durations", ref))

    class U:
        def __init__(self, u):
            self.name, self.role, self.text, self.full_name = u["name"], u["role"], u["name"], u.get("full_name")

    units_b = [U(u) for u in b.get("units", [])]
    tot["units"].add(sd._unit_prf(a.get("units", []), units_b, False))
    tot["unit_roles"].add(sd._unit_prf(a.get("units", []), units_b, True))
    sa = [x.start for x in la.measures if x.item["kind"] == "measure"]
    sb = [x.start for x in lb.measures if x.item["kind"] == "measure"]
    r = sd.match_starts(sa, sb)[0]
    tot["measures"].add(r)
    ma, mb = a.get("metadata") or {}, b.get("metadata") or {}
    place[0] += all((ma.get(k) or None) == (mb.get(k) or None) for k in ("province", "city", "district"))
    place[1] += 1


def main() -> int:
    if not sd.DEV2.is_dir() or not IAA.is_dir():
        print(f"skip: {sd.DEV2} or {IAA} is absent", file=sys.stderr)
        return 0
    fields = ("money_values", "caps", "deadlines", "durations", "units", "unit_roles", "measures")
    tot = {f: se.PRF() for f in fields}
    place = [0, 0]
    for p in sorted(IAA.glob("dev2-*.json")):
        b = json.loads(p.read_text(encoding="utf-8"))
        a = json.loads((sd.GOLD / p.name).read_text(encoding="utf-8"))
        agree(a, b, tot, place)
    print(f"agreement of two annotators on {place[1]} corpus-dev2 documents (first annotation as reference)")
    for f in fields:
        d = tot[f].as_dict()
        print(f"{f:<14} F1 {d['f1']:.3f} (P {d['p']:.2f} R {d['r']:.2f}; {d['tp']}/{d['tp'] + d['fn']} of the reference)")
    print(f"{'place':<14} {place[0]}/{place[1]} identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
