"""Cross-place comparison: one row per place with its best measures for a question.

Researchers ask "which cities subsidise maker-space rent, by how much, who pays,
until when?": the answer is the search hits grouped by place, with the money
(rate, cap, per unit), the lead unit, the deadline and a citation lifted from
the best-ranked measures of each place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..errors import InvalidParam
from ..records import GROUP_BY, Amount, Hit
from .filters import Filters

BY = GROUP_BY


@dataclass
class CompareRow:
    place: str
    province: Optional[str]
    city: Optional[str]
    level: Optional[str]
    best: list[Hit]
    score: float
    rate: Optional[str] = None          # "70%" (a subsidy ratio)
    cap: Optional[str] = None           # "最高不超过50万元"
    cap_yuan: Optional[float] = None
    per: Optional[str] = None           # "个/年" …
    amounts: list[str] = field(default_factory=list)   # every amount text in the best measures
    lead_unit: Optional[str] = None
    deadline: Optional[str] = None
    citation: dict = field(default_factory=dict)       # title, doc_number, issue_date, source
    source: str = ""
    match: Optional[float] = None       # score relative to the best place (1.0 = best)

    def to_dict(self) -> dict:
        return {"place": self.place, "province": self.province, "city": self.city, "level": self.level,
                "score": self.score, "match": self.match, "rate": self.rate, "cap": self.cap, "cap_yuan": self.cap_yuan,
                "per": self.per, "amounts": list(self.amounts), "lead_unit": self.lead_unit,
                "deadline": self.deadline, "citation": dict(self.citation), "source": self.source,
                "best": [h.to_dict() for h in self.best]}


def _place_key(h: Hit, by: str) -> tuple[str, Optional[str], Optional[str]]:
    r = h.region
    if r.level == "national":
        return "全国", None, None
    if by == "province":
        return r.province or r.city or "未知", r.province, None
    if r.city:
        return (r.city + (r.district or "") if r.level == "district" and r.district else r.city), r.province, r.city
    if r.province:
        return r.province, r.province, None
    return "未知", None, None


_SENTENCE = re.compile(r"[^。;；!?！？\n]+[。;；!?！？]?")
KEEP_SHARE = 0.7   # a sentence this close to the place's best sentence also speaks to the question


def focused_amounts(hits: list[Hit], term_idf: dict[str, float]) -> list[list[Amount]]:
    """Per hit, the amounts that belong to the question, not to the rest of the measure.

    A measure often carries several instruments (a performance award, a rent subsidy,
    a tax rebate); only amounts in sentences that match the query count. Sentences are
    scored by the idf of the query terms they contain; a sentence counts when it holds
    the rarest term matched in the place's best sentence (房租 for a rent question) or
    scores at least KEEP_SHARE of that sentence. A query without indexed terms keeps
    every amount; a place whose hits contain none of the query's terms (dense-only
    matches) gets none, rather than figures that may answer another question.
    """
    if not term_idf:
        return [list(h.amounts) for h in hits]
    scored = []      # per hit: [(start, end, score, terms)]
    for h in hits:
        sents = []
        for m in _SENTENCE.finditer(h.text):
            found = {t for t in term_idf if t in m.group()}
            sents.append((m.start(), m.end(), sum(term_idf[t] for t in found), found))
        scored.append(sents)
    best = max((s for sents in scored for s in sents), key=lambda s: s[2], default=None)
    if best is None or best[2] <= 0:
        return [[] for _ in hits]
    key_term = max(best[3], key=lambda t: term_idf[t])
    out = []
    for h, sents in zip(hits, scored):
        keep = [(a, b) for a, b, sc, found in sents if key_term in found or sc >= KEEP_SHARE * best[2]]
        out.append([am for am in h.amounts
                    if any(a <= am.start - h.start < b for a, b in keep)])
    return out


def summarize(hits: list[Hit], amounts: list[list[Amount]] | None = None) -> dict:
    """Rate, cap, per-unit, lead unit and deadline from a place's best hits (best hit first).

    ``amounts``: per hit, the amounts to use (default: all of each hit's amounts).
    """
    out: dict = {"rate": None, "cap": None, "cap_yuan": None, "per": None, "amounts": [],
                 "lead_unit": None, "deadline": None}
    if amounts is None:
        amounts = [list(h.amounts) for h in hits]
    for h, ams in zip(hits, amounts):
        for a in ams:
            if a.kind in ("threshold", "target"):
                continue
            if a.text not in out["amounts"]:
                out["amounts"].append(a.text)
            if out["rate"] is None and a.percent is not None and a.kind in ("ratio", "cap", "fixed"):
                out["rate"] = f"{a.percent:g}%"
            if a.value_yuan is not None and a.kind in ("cap", "fixed", "range") and out["cap"] is None:
                out["cap"], out["cap_yuan"] = a.text, a.value_yuan
                out["per"] = a.per
            if out["per"] is None and a.per:
                out["per"] = a.per
        if out["lead_unit"] is None:
            lead = next((u for u in h.units if u.role == "lead"), None) or (h.units[0] if h.units else None)
            if lead is not None:
                out["lead_unit"] = lead.name
        if out["deadline"] is None and h.deadlines:
            d = h.deadlines[0]
            out["deadline"] = d.date or d.end_date or d.duration or d.text
    return out


# Keep every place by default: on the 46-query gold, places with a relevant measure score as
# low as 0.20 of the best place, beside irrelevant ones at 0.5, so no cut separates them well.
# Tables show each place's relative match instead; callers may still cut (min_relative).
MIN_RELATIVE_SCORE = 0.0


def compare(searcher, query: str, by: str = "city", filters: Filters | None = None,
            per_place: int = 3, top_k: int = 50, mode: str = "hybrid",
            min_relative: float = MIN_RELATIVE_SCORE) -> list[CompareRow]:
    """One row per place (by city or province), best place first.

    Places whose best score is below ``min_relative`` × the best place's are dropped
    (0 keeps every place that has any hit).
    """
    if by not in BY:
        raise InvalidParam("by", f"unknown by {by!r}; one of {', '.join(BY)}")
    from .search import check_query
    check_query(query)
    hits = searcher.search(query, top_k=top_k, filters=filters, mode=mode)
    term_idf = _query_idf(searcher, query)
    groups: dict[str, list[Hit]] = {}
    keys: dict[str, tuple] = {}
    for h in hits:                                  # hits arrive best first
        key = _place_key(h, by)
        groups.setdefault(key[0], []).append(h)
        keys.setdefault(key[0], key)
    rows = []
    for place, hs in groups.items():
        best = hs[:per_place]
        top = best[0]
        s = summarize(best, focused_amounts(best, term_idf))
        rows.append(CompareRow(
            place=place, province=keys[place][1] or top.region.province,
            city=keys[place][2], level=top.region.level if by == "city" else "province",
            best=best, score=top.score, rate=s["rate"], cap=s["cap"], cap_yuan=s["cap_yuan"],
            per=s["per"], amounts=s["amounts"], lead_unit=s["lead_unit"], deadline=s["deadline"],
            citation={"title": top.title, "doc_number": top.doc_number, "issue_date": top.issue_date,
                      "source": top.source},
            source=top.source))
    rows.sort(key=lambda r: -r.score)
    if rows:
        top = rows[0].score or 1.0
        for r in rows:
            r.match = round(r.score / top, 2)
        if min_relative > 0:
            rows = [r for r in rows if r.match >= min_relative]
    return rows


def _query_idf(searcher, query: str) -> dict[str, float]:
    """Query terms (Chinese, glossary-expanded for English) with their idf in the index."""
    from .search import query_terms
    _, toks, _ = query_terms(" ".join(query.split())[:1000])
    out = {}
    for t in dict.fromkeys(toks):
        w = searcher.bm25.idf(t)
        if w > 0:
            out[t] = w
    return out
