"""The versioned JSON Schemas of zhengce's machine-readable outputs (shipped in zhengce/schema/).

The extraction schema's shape is derived from the records (``dataclasses.fields`` and their
types): every field of ``Extraction``, ``Document`` and the records they hold is a property.
The shipped file adds what types cannot say (descriptions, enums, bounds, ``required``) and
wins where it speaks; a field added to a record without a word in the file still appears,
typed from its annotation.
"""
from __future__ import annotations

import copy
import json
import types
import typing
from dataclasses import MISSING, fields
from functools import lru_cache
from importlib.resources import files

from .records import EXTRACTION_SCHEMA_VERSION, Extraction, OffsetMap, UnitRef, ZhengceError, field_types

SCHEMA_NAMES = ("extraction", "document", "tables", "search", "compare", "timeline", "similar", "instruments")
_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean"}
_DEF_NAMES = {UnitRef: "unit"}   # $defs name of a record, when not its class name in lower case


def _def_name(cls) -> str:
    return _DEF_NAMES.get(cls, cls.__name__.lower())


def _type_schema(tp, defs: dict) -> dict:
    nullable = False
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        nullable = len(args) < len(typing.get_args(tp))
        tp = args[0] if len(args) == 1 else tp
    if tp in _SCALARS:
        t = _SCALARS[tp]
        return {"type": [t, "null"] if nullable else t}
    if tp is OffsetMap:
        return {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}}
    if hasattr(tp, "__dataclass_fields__"):
        _record_def(tp, defs)
        return {"$ref": f"#/$defs/{_def_name(tp)}"}
    origin = typing.get_origin(tp)
    if origin in (list, tuple):
        args = typing.get_args(tp)
        return {"type": "array", "items": _type_schema(args[0], defs) if args else {}}
    if origin is dict or tp is dict:
        return {"type": "object"}
    return {}


def _record_def(cls, defs: dict) -> None:
    name = _def_name(cls)
    if name in defs:
        return
    defs[name] = {}   # placeholder against recursion
    hints = field_types(cls)
    props = {f.name: _type_schema(hints[f.name], defs) for f in fields(cls)}
    required = [f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING]
    defs[name] = {"type": "object", "required": required, "properties": props}


def derived_extraction_schema() -> dict:
    """The shape of ``Extraction.to_dict()`` from the record types alone."""
    defs: dict = {}
    hints = field_types(Extraction)
    doc_cls = hints["document"]
    _record_def(doc_cls, defs)
    doc = defs.pop(_def_name(doc_cls))
    props = {"schema_version": {"type": "string"}, **doc["properties"]}
    props.update((f.name, _type_schema(hints[f.name], defs)) for f in fields(Extraction) if f.name != "document")
    return {"type": "object", "properties": props, "$defs": defs}


def _overlay(shipped: dict, derived: dict) -> dict:
    out = copy.deepcopy(shipped)
    props = out.setdefault("properties", {})
    for k, v in derived["properties"].items():
        props.setdefault(k, v)
    out_defs = out.setdefault("$defs", {})
    for name, d in derived["$defs"].items():
        if name not in out_defs:
            out_defs[name] = d
            continue
        dprops = out_defs[name].setdefault("properties", {})
        for k, v in d["properties"].items():
            dprops.setdefault(k, v)
    return out


def _document_schema() -> dict:
    """``zhengce normalize``'s object: the extraction's document part (the extraction is that object plus
    measures, durations and units), under the extraction's version."""
    out = copy.deepcopy(_load("extraction"))
    for f in fields(Extraction):
        if f.name != "document":
            out["properties"].pop(f.name, None)
            if f.name in out.get("required", []):
                out["required"].remove(f.name)
    out["properties"].pop("not_policy", None)      # decided by extraction, not printed by normalize
    out["type"] = "object"                  # normalize prints one document, never a list
    out.pop("items", None)
    out["title"] = "zhengce normalized document"
    out["description"] = ("One normalized document with its metadata (zhengce normalize): the extraction's document "
                          "part, without measures, durations and units. Offsets index the normalized text.")
    out["$id"] = f"https://zhengce.dev/schema/document/{EXTRACTION_SCHEMA_VERSION}"
    return out


@lru_cache(maxsize=None)
def _load(name: str) -> dict:
    if name not in SCHEMA_NAMES:
        raise ZhengceError(f"unknown schema {name!r}; choose from {', '.join(SCHEMA_NAMES)}")
    if name == "document":
        return _document_schema()
    if name == "tables":
        from .export import tables_schema      # the export's tables, derived from the record types

        return tables_schema()
    shipped = json.loads(files("zhengce").joinpath("schema", f"{name}.schema.json").read_text(encoding="utf-8"))
    if name != "extraction":
        # a hit or a row carries the extraction's own items (measure, amount, unit, …): one definition of
        # each, the extraction schema's, so a role or an amount kind added there is valid here too
        shared = _load("extraction")["$defs"]
        defs = shipped.setdefault("$defs", {})
        for k, v in shared.items():
            defs.setdefault(k, copy.deepcopy(v))
        return shipped
    out = _overlay(shipped, derived_extraction_schema())
    # the version the records write is the version of this schema: one constant, in records.py
    out["properties"]["schema_version"] = {"const": EXTRACTION_SCHEMA_VERSION}
    out["$id"] = f"https://zhengce.dev/schema/extraction/{EXTRACTION_SCHEMA_VERSION}"
    return out


def load_schema(name: str = "extraction") -> dict:
    return copy.deepcopy(_load(name))
