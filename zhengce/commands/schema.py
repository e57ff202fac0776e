"""``zhengce schema [NAME]``: the versioned JSON Schema of an output."""
from __future__ import annotations

import json

from . import common as C

ORDER = 40


def register(sub) -> None:
    from ..schemas import SCHEMA_NAMES

    p = sub.add_parser("schema", help="print the JSON Schema of an output (default: extraction)")
    p.add_argument("name", nargs="?", default="extraction", choices=SCHEMA_NAMES)
    p.add_argument("--list", action="store_true", help="the schema names, one a line")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..schemas import SCHEMA_NAMES, load_schema

    if args.list:
        print("\n".join(SCHEMA_NAMES))
        return C.EXIT_OK
    print(json.dumps(load_schema(args.name), ensure_ascii=False, indent=1))
    return C.EXIT_OK
