"""The versioned JSON Schemas of zhengce's machine-readable outputs (shipped in zhengce/schema/)."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files

from .records import ZhengceError

SCHEMA_NAMES = ("extraction", "search", "compare")


@lru_cache(maxsize=None)
def load_schema(name: str = "extraction") -> dict:
    if name not in SCHEMA_NAMES:
        raise ZhengceError(f"unknown schema {name!r}; choose from {', '.join(SCHEMA_NAMES)}")
    return json.loads(files("zhengce").joinpath("schema", f"{name}.schema.json").read_text(encoding="utf-8"))
