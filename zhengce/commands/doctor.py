"""``zhengce doctor``: check that store and index agree; ``--repair`` fixes what it can."""
from __future__ import annotations

from . import common as C

ORDER = 90


def register(sub) -> None:
    p = sub.add_parser("doctor", help="check that store and index agree; --repair fixes what it can")
    C.add_store(p)
    p.add_argument("--repair", action="store_true")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..doctor import check

    problems = check(C.open_store(args), repair=args.repair)
    for p in problems:
        print(("repaired: " if p.get("repaired") else "problem: ") + p["message"])
    if not problems:
        print("store and index agree")
    return C.EXIT_OK if all(p.get("repaired") for p in problems) else C.EXIT_ERROR
