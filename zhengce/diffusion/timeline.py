"""Adoption timeline: per place, the earliest document with a measure that answers a question.

Relevance is compare's (``index.compare.compare``: the same search, the same grouping of
places); a measure *answers* when its score is at least ``min_match`` × the best measure's
score. A place's adoption is its earliest dated answering document; documents without an
issue date are listed apart (``undated``) and never given a guessed date; national documents
are listed apart too (``national``): they are the centre's signal, never a place's adoption;
so are documents whose place could not be read (``unplaced``) and drafts for public comment
(``drafts``: a 征求意见稿 is a proposal, not yet a policy).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..errors import InvalidParam
from ..index.filters import as_filters
from ..records import Hit, MeasureRow
from .reuse import KINDS, date_key, place_of

MIN_MATCH = 0.5      # corpus + dev + dev2, 众创空间房租补贴: 0.3 let in 19 places (3 real), 0.5 kept 6 with those 3
TOP_K = 1000         # measures read per question: every place's weaker documents too, not only its best
# A draft for public comment names itself so in its title (…(征求意见稿), 郑州公开征求意见) or its opening, the
# page's header and first paragraph (a document-sharing page has 征求意见稿 346 characters in); a final
# policy may say it was consulted (本办法经公开征求意见…, 在公开征求意见的基础上): that is no draft
DRAFT_TITLE = re.compile(r"征求意见|意见征求")
DRAFT_OPENING = re.compile(r"征求意见稿|(?<![经已曾])公开征求意见(?!的基础|后)|意见征求")
# …in a sentence that says the text is final or tells its drafting (a review: 于2022年3月向社会公开征求意见，现正式印发;
# 与征求意见稿相比，正式印发的《办法》…; 起草过程中先后两次公开征求意见并进行了合法性审查)
# (narrow: a draft notice's own words — 起草, 广泛听取, 请提出修改意见, 印发给你们 — are no sign of a final text)
FINAL_WORDS = re.compile(r"正式印发|现正式|正式发布|相比|已于|先后|起草过程中|进行了合法性|发布实施")
OPENING = 600


@dataclass
class Adoption:
    place: str
    province: Optional[str]
    city: Optional[str]
    level: Optional[str]
    region_code: Optional[str]
    date: Optional[str]              # the document's issue date (ISO); None in ``undated``
    doc_id: str
    doc_number: Optional[str]        # 文号
    title: Optional[str]
    measure_id: str
    measure: str                     # the measure's text
    start: int                       # offsets of the measure in the document's normalized text
    end: int
    match: float                     # score / best measure's score
    source: str
    documents: int = 1               # answering documents of this place (dated ones, for adoptions)
    date_source: Optional[str] = None  # document | page: the date the document states, or its page's publication date

    @property
    def link(self) -> str:
        """The measure in the web page (``zhengce serve``): the document, scrolled to the measure (web.docview.measure_anchor)."""
        return f"/doc/{self.doc_id}#m-{self.start}-{self.end}"

    @property
    def year(self) -> Optional[int]:
        return int(self.date[:4]) if self.date else None

    def to_dict(self) -> dict:
        d = {k: getattr(self, k) for k in (
            "place", "province", "city", "level", "region_code", "date", "doc_id", "doc_number", "title",
            "measure_id", "measure", "start", "end", "match", "source", "documents", "date_source")}
        d["link"] = self.link
        return d


@dataclass
class Timeline:
    question: str
    min_match: float
    adoptions: list[Adoption] = field(default_factory=list)   # one per place, earliest first
    undated: list[Adoption] = field(default_factory=list)     # answering documents without a date
    national: list[Adoption] = field(default_factory=list)    # national documents that answer
    unplaced: list[Adoption] = field(default_factory=list)    # answering documents with no place read
    drafts: list[Adoption] = field(default_factory=list)      # answering drafts for public comment (征求意见稿)
    filters: dict = field(default_factory=dict)               # what it was read under, so a saved file says so
    include_not_policy: bool = False

    @property
    def adoption_window(self) -> Optional[dict]:
        """The date filters, when they bound the adoptions: each place's first answering document issued in
        this window, not necessarily its first ever (the panel reads first adoptions whatever its window)."""
        w = {k: self.filters.get(k) for k in ("date_from", "date_to")}
        return w if any(w.values()) else None

    def to_dict(self) -> dict:
        return {"schema_version": SCHEMA_VERSION, "question": self.question, "min_match": self.min_match,
                "filters": self.filters, "include_not_policy": self.include_not_policy,
                "adoption_window": self.adoption_window,
                "adoptions": [a.to_dict() for a in self.adoptions],
                "undated": [a.to_dict() for a in self.undated],
                "national": [a.to_dict() for a in self.national],
                "unplaced": [a.to_dict() for a in self.unplaced],
                "drafts": [a.to_dict() for a in self.drafts]}

    def curve(self, by: Optional[str] = None) -> dict[str, list[tuple[str, int]]]:
        """Cumulative adoptions over time: {group: [(date, places adopted by then)]}; by None|level|province."""
        if by not in (None, "level", "province"):
            raise InvalidParam("split", f"split the curve by level or province, not {by!r}")
        out: dict[str, list[tuple[str, int]]] = {}
        for a in self.adoptions:
            g = "全部" if by is None else (getattr(a, by) or "未知")
            pts = out.setdefault(g, [])
            pts.append((a.date, len(pts) + 1))
        return out


SCHEMA_VERSION = "1.3.0"   # 1.1.0: region_code is the six-digit GB/T 2260 code (was a 2- or 4-digit prefix);
                           # 1.2.0: the filters and include_not_policy it was read under
                           # 1.3.0: drafts apart, adoption_window; provisions only answer (reuse.KINDS); each
                           # row's date_source (document | page: Document.issue_date_source)


def _adoption(h: Hit, key: tuple, best: float) -> Adoption:
    r = h.region
    return Adoption(place=key[0] or "未知", province=key[1] or r.province, city=key[2] or r.city, level=r.level,
                    region_code=r.code, date=h.issue_date, doc_id=h.doc_id, doc_number=h.doc_number,
                    title=h.title, measure_id=h.measure_id, measure=h.text, start=h.start, end=h.end,
                    match=round(h.score / best, 3) if best else 0.0, source=h.source)


def stored_document(store):
    """``doc_id`` → its stored Document without the text: what ``policy_hits`` reads of a hit."""
    return lambda doc_id: store.get_document(doc_id, with_text=False)


_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
MIN_HAN = 4


def is_draft(doc) -> bool:
    """Whether a document is a draft for public comment (征求意见稿), by its title or its opening."""
    if DRAFT_TITLE.search(doc.title or ""):
        return True
    opening = (doc.text or "")[:OPENING]
    for m in DRAFT_OPENING.finditer(opening):
        a = max(opening.rfind(c, 0, m.start()) for c in "。；\n") + 1
        b = min((i for i in (opening.find(c, m.end()) for c in "。；\n") if i >= 0), default=len(opening))
        if not FINAL_WORDS.search(opening, a, b):
            return True
    return False


def hit_rows(store, hits) -> dict[tuple[str, str], MeasureRow]:
    """{(doc_id, measure_id): stored row} of search hits (a measure id is shared by the documents holding its text)."""
    ids = {i for mid in {h.measure_id for h in hits} for i in store.find_measures(mid)}
    return {(r.doc.doc_id, r.measure.id): r for r in store.load_measures(sorted(ids))}


def answering_hits(searcher, question: str, *, filters=None, min_match: float = MIN_MATCH,
                   by: str = "city", top_k: int = TOP_K,
                   include_not_policy: bool = False) -> tuple[list[tuple[tuple, Hit]], float]:
    """[(place key, hit)] of provisions answering ``question``, best first, and the best score.

    The ranking is compare's (the same ``Searcher.search``), read deeper than compare's table
    (``top_k`` measures) because a place's earliest document is often not its best-ranked one.
    Only provisions (``reuse.KINDS``) answer: a news sentence reporting a national list, a heading
    or an addressee line is no place's adoption. Documents marked ``not_policy`` (readmes, spam,
    link lists, unrelated prose) are left out, as compare leaves them out, unless
    ``include_not_policy``; the best score is the best of those kept.
    """
    from ..index.compare import policy_hits
    from ..index.search import check_query

    if not 0 <= min_match <= 1:
        raise InvalidParam("min_match", f"min_match {min_match} is not between 0 and 1")
    hits = policy_hits(searcher.search(check_query(question), top_k=top_k, filters=filters),
                       stored_document(searcher.store), include_not_policy)
    # (a scrap such as ?。 — a damaged item number — answers nothing, whatever its score)
    hits = [h for h in hits if h.kind in KINDS and len(_HAN_RE.findall(h.text)) >= MIN_HAN]
    best = max((h.score for h in hits), default=0.0)
    return [(place_of(h.region, by), h) for h in hits if best and h.score >= min_match * best], best


def timeline(searcher, question: str, *, filters=None, min_match: float = MIN_MATCH, by: str = "city",
             top_k: int = TOP_K, include_not_policy: bool = False) -> Timeline:
    """Per place (city, or province with ``by="province"``) its earliest answering document; drafts for
    public comment apart (``is_draft``); documents marked ``not_policy`` are left out unless ``include_not_policy``."""
    pairs, best = answering_hits(searcher, question, filters=filters, min_match=min_match, by=by, top_k=top_k,
                                 include_not_policy=include_not_policy)
    tl = Timeline(question, min_match, include_not_policy=include_not_policy)
    f = as_filters(filters)
    tl.filters = f.to_dict() if f else {}
    first: dict[str, Adoption] = {}
    docs: dict[str, set] = {}
    seen_undated, seen_drafts, drafted = set(), set(), {}
    source_of: dict[str, Optional[str]] = {}
    for key, h in pairs:
        a = _adoption(h, key, best)
        if h.doc_id not in drafted:
            doc = searcher.store.get_document(h.doc_id)
            drafted[h.doc_id] = is_draft(doc)
            source_of[h.doc_id] = getattr(doc, "issue_date_source", None)
        a.date_source = source_of[h.doc_id] if a.date else None
        if drafted[h.doc_id]:       # before national: a national draft does not signal either
            if h.doc_id not in seen_drafts:       # one row per document: its best measure
                seen_drafts.add(h.doc_id)
                tl.drafts.append(a)
            continue
        if h.region.level == "national" or key[0] is None:
            apart = tl.national if h.region.level == "national" else tl.unplaced
            if all(x.doc_id != a.doc_id for x in apart):     # one row per document: its best measure
                apart.append(a)
            continue
        if not h.issue_date:
            if h.doc_id not in seen_undated:      # one row per document: its best measure
                seen_undated.add(h.doc_id)
                tl.undated.append(a)
            continue
        docs.setdefault(a.place, set()).add(h.doc_id)
        cur = first.get(a.place)
        # earliest document; within it (or a same-day one) the best-matching measure
        if cur is None or (a.date, -a.match) < (cur.date, -cur.match):
            first[a.place] = a
    for place, a in first.items():
        a.documents = len(docs[place])
    tl.adoptions = sorted(first.values(), key=lambda a: (a.date, a.place))
    tl.undated.sort(key=lambda a: (a.place, -a.match))
    tl.national.sort(key=lambda a: (date_key(a.date), -a.match))
    tl.unplaced.sort(key=lambda a: (date_key(a.date), -a.match))
    tl.drafts.sort(key=lambda a: (date_key(a.date), a.place, -a.match))
    return tl
