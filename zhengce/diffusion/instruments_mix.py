"""Policy-instrument mix per place: how each place splits its measures across supply,
environment and demand instruments (docs/instruments.md).

Counted over the provisions (``reuse.KINDS``: kind measure or goal; all of them, or those
answering a question, as the timeline decides). ``typed`` counts the provisions with any
type; a provision with two types counts once in each type's column. Shares are of the
place's type tags (supply / (supply + environment + demand)), so a row's shares sum to 1:
the instrument proportions policy-instrument content analysis reports, where each coded
instrument counts once. Divide a column by ``typed`` for the share of typed provisions
using the type (those may sum to more than 1).
"""
from __future__ import annotations

from typing import Optional

from ..errors import InvalidParam
from .reuse import KINDS, place_of

TYPES = ("supply", "environment", "demand")
TYPE_ZH = {"supply": "供给型", "environment": "环境型", "demand": "需求型"}
BY = ("place", "province")
SCHEMA_VERSION = "1.1.0"   # instruments' JSON; 1.1.0: provisions only (measure, goal: other no longer counted)
MIX_COLUMNS = ("place", "province", "level", "measures", "typed", *TYPES, *(f"{t}_share" for t in TYPES))


def _key(region, by: str) -> tuple[str, Optional[str], Optional[str]]:
    place, province, _ = place_of(region)
    if by == "province":
        if region.level == "national":
            return "全国", None, "national"
        known = province or region.province
        return (known or "未知"), known, "province" if known else None     # an unknown place has no level
    return place or "未知", province or region.province, region.level


def instrument_mix(store, by: str = "place", searcher=None, question: Optional[str] = None,
                   min_match: Optional[float] = None, include_not_policy: bool = False) -> list[dict]:
    """One row per place (or province): measure counts per instrument type and shares (``MIX_COLUMNS``).
    Measures of documents marked ``not_policy`` (readmes, spam, link lists, unrelated prose) are not counted unless ``include_not_policy``."""
    from ..index.compare import is_not_policy

    if by not in BY:
        raise InvalidParam("by", f"instruments by place or province, not {by!r}")
    if question:
        if searcher is None:
            raise InvalidParam("question", "a question needs a searcher")
        from .timeline import MIN_MATCH, answering_hits

        pairs, _ = answering_hits(searcher, question, min_match=MIN_MATCH if min_match is None else min_match,
                                  include_not_policy=include_not_policy)
        ids = {(h.doc_id, h.measure_id) for _, h in pairs}
        rows = (r for r in store.iter_measure_rows() if (r.doc.doc_id, r.measure.id) in ids)
    else:
        rows = (r for r in store.iter_measure_rows() if include_not_policy or not is_not_policy(r.doc))
    acc: dict[str, dict] = {}
    for r in rows:
        if r.measure.kind not in KINDS:
            continue
        place, province, level = _key(r.doc.region, by)
        a = acc.setdefault(place, {"place": place, "province": province, "level": level, "measures": 0,
                                   "typed": 0, **{t: 0 for t in TYPES}})
        a["measures"] += 1
        types = set(r.measure.instrument_types) & set(TYPES)
        a["typed"] += bool(types)
        for t in types:
            a[t] += 1
    out = []
    for a in acc.values():
        tot = sum(a[t] for t in TYPES)
        for t in TYPES:
            a[f"{t}_share"] = round(a[t] / tot, 3) if tot else None
        out.append(a)
    return sorted(out, key=lambda a: (-a["measures"], a["place"]))
