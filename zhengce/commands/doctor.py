"""``zhengce doctor``: check that store and index agree; ``--repair`` fixes what it can."""
from __future__ import annotations

import json

from . import common as C

ORDER = 90


def register(sub) -> None:
    p = sub.add_parser("doctor", help="check that store and index agree; --repair fixes what it can")
    C.add_store(p)
    p.add_argument("--repair", action="store_true")
    p.add_argument("--json", action="store_true",
                   help='print {"ok", "problems": [{"kind", "message", "repaired"}]} instead of lines')
    p.set_defaults(run=run)


def run(args) -> int:
    from ..doctor import check

    problems = check(C.open_store(args), repair=args.repair)
    ok = all(p.get("repaired") for p in problems)
    if args.json:
        print(json.dumps({"ok": ok, "problems": [{"kind": p.get("kind"), "message": p["message"],
                                                  "repaired": bool(p.get("repaired"))} for p in problems]},
                         ensure_ascii=False, indent=1))
        return C.EXIT_OK if ok else C.EXIT_ERROR
    for p in problems:
        print(("repaired: " if p.get("repaired") else "problem: ") + p["message"])
    if not problems:
        print("store and index agree")
    return C.EXIT_OK if ok else C.EXIT_ERROR
