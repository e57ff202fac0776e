"""Record types shared by every stage (ingest -> nlp -> index -> outputs).

One place for the shapes that cross module boundaries. Each record is a plain
dataclass with ``to_dict()`` so JSON/CSV/Parquet writers and the SQLite store
all serialise the same fields. Offsets (``start``/``end``) are always character
offsets into the document's *normalized* text (``Document.text``), end-exclusive,
so ``doc.text[x.start:x.end] == x.text`` holds for every extracted item.
"""
from __future__ import annotations

import bisect
import functools
import os
import types
import typing
from dataclasses import asdict, dataclass, field, fields
from typing import Optional

from .errors import IngestError, ZhengceError  # noqa: F401  (re-exported: long-standing import path)

SCHEMA_VERSION = "1.6.0"   # search output; 1.1.0: its items are the extraction schema's (every role, per_unit, other);
                           # 1.2.0: count and filters (the CLI's too); 1.3.0: region.code is six-digit (extraction 1.4.0);
                           # 1.4.0: a deadline's year_inferred may read title_year (extraction 1.5.0);
                           # 1.5.0: a deadline's kind may be on, a duration's procedure (extraction 1.6.0);
                           # 1.6.0: a hit's url (the page it was read from, when a sidecar or manifest gives it)
                           # and kind (the measure's: measure, goal, criterion, news…)
EXTRACTION_SCHEMA_VERSION = "1.8.0"   # 1.1.0: Extraction.durations; 1.2.0: Extraction.units, UnitRef roles + full_name;
# 1.3.0: amount kind per_unit (a rate with its ``per``, as the spec names it; was fixed + per); Duration.kind;
# 1.4.0: region.code is the six-digit GB/T 2260 code (450100; it was a 2- or 4-digit prefix for provinces and cities);
# 1.5.0: Deadline.year_inferred "title_year" (a dateless document's year-less dates read in the year its title names);
# 1.6.0: Deadline.kind "on" (the day an action happens: 第一期于6月15日10:00开抢); Duration.kind "procedure"
# (a step's length: 公示5个工作日); 1.7.0: the schema also takes the array extract --format json prints for several
# files (each item the same object; the object itself unchanged); 1.8.0: Document.issue_date_source (document | page)

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _scalars(obj) -> dict:
    """``asdict`` for a record whose fields are all scalars (str, int, float, bool, None): the same
    dict without asdict's recursion and deep copies (~5x faster; one search answer converts ~60)."""
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in fields(obj))
    return {n: getattr(obj, n) for n in names}


# Vocabularies the CLI, the web app and the library share (validation reads them from here).
LEVELS = ("national", "province", "city", "district")
SEARCH_MODES = ("hybrid", "dense", "bm25")
GROUP_BY = ("city", "province")   # what compare groups its rows by


@dataclass
class Region:
    """Where a document is from: full gazetteer names, ``level`` (national|province|city|district) and the
    GB/T 2260 ``code``; ``place`` is the name to show (南宁市, 深圳市福田区)."""
    province: Optional[str] = None   # full standard name: 广西壮族自治区
    city: Optional[str] = None       # 南宁市
    district: Optional[str] = None   # 江南区 / 郫县 / 高新区
    level: Optional[str] = None      # one of LEVELS, None when unknown
    code: Optional[str] = None       # GB/T 2260 code (six digits) of the most specific unit; a zone has its parent's

    def to_dict(self) -> dict:
        return _scalars(self)

    @property
    def place(self) -> Optional[str]:
        """The canonical display name, the same in every table and list: 南宁市, 青海省, 全国, and a
        district with its city (深圳市福田区), since district names repeat across cities."""
        if self.level == "national":
            return "全国"
        if self.district:
            parent = self.city or self.province or ""
            return self.district if self.district.startswith(parent) else parent + self.district
        return self.city or self.province


@dataclass
class Repair:
    """A change ingest made to the text beyond script/width normalisation."""
    kind: str            # e.g. "doc_number_bracket", "date_year_char", "pinyin_removed"
    start: int           # offsets into the normalized text: over `after`, or over `before` for a reading
                         # that left the text as found (date_collapsed_read)
    end: int
    before: str          # text as found (already simplified)
    after: str           # text as repaired

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Suspect:
    """Text that looks damaged but has no certain repair (mojibake): flagged, left as found."""
    kind: str            # "mojibake"
    start: int           # offsets into the normalized text
    end: int
    text: str            # the span with a little context

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class OffsetMap:
    """Maps normalized-text offsets back to original-text offsets.

    Stored as sorted anchor pairs ``(norm_pos, orig_pos)``: between anchors the
    two texts advance one character for one character. An anchor is added
    wherever normalisation inserted or deleted characters (pinyin notes removed,
    whitespace collapsed, a repair inserted 年/〕).
    """
    anchors: list[tuple[int, int]] = field(default_factory=lambda: [(0, 0)])

    def to_original(self, pos: int) -> int:
        keys = [a[0] for a in self.anchors]
        i = bisect.bisect_right(keys, pos) - 1
        if i < 0:
            return pos
        n, o = self.anchors[i]
        return o + (pos - n)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.to_original(start)
            return s, s
        return self.to_original(start), self.to_original(end - 1) + 1

    def to_dict(self) -> list:
        return [list(a) for a in self.anchors]

    @classmethod
    def from_list(cls, data: list) -> "OffsetMap":
        return cls([tuple(a) for a in data] or [(0, 0)])


@dataclass
class Document:
    """A normalized policy document: the output contract of ingest."""
    source: str                       # file path or URL as given
    text: str                         # clean, simplified body
    original_text: str                # body as decoded, before normalisation (script kept)
    title: Optional[str] = None
    doc_type: Optional[str] = None    # 通知, 实施意见, 方案, 办法, 意见, 答复 ...
    inner_doc_type: Optional[str] = None  # 方案 in 关于印发《X方案》的通知
    issuer: Optional[str] = None      # 发文机关
    doc_number: Optional[str] = None  # 南府办〔2016〕34号
    issue_date: Optional[str] = None  # ISO yyyy-mm-dd
    # where issue_date was read: "document" (the document states it: its info table's 成文日期, signature, adoption
    # line, reply date) or "page" (the page's own publication date: 发布日期, a byline, <meta>, a masthead), which a
    # repost or an upload can postdate by years; None when there is no date
    issue_date_source: Optional[str] = None
    region: Region = field(default_factory=Region)
    script: str = "simplified"        # "simplified" | "traditional" | "mixed"
    repairs: list[Repair] = field(default_factory=list)
    suspect_spans: list[Suspect] = field(default_factory=list)   # possible mojibake, not rewritten
    masked_count: int = 0
    encoding: Optional[str] = None
    content_hash: Optional[str] = None   # sha256 of the normalized text: duplicate detection
    byline: dict = field(default_factory=dict)   # 来源/作者/日期 lifted out of the body
    offset_map: OffsetMap = field(default_factory=OffsetMap)
    doc_id: Optional[str] = None
    url: Optional[str] = None            # where the page came from, when a sidecar/manifest says
    parent: Optional[str] = None         # an attachment's page (its source), found in the same folder
    inherited: list[str] = field(default_factory=list)  # fields the attachment took from its parent page
    not_policy: bool = False             # no policy at all (readme, spam, link list): kept, out of comparisons

    def to_dict(self, include_offsets: bool = False) -> dict:
        """Every field (derived: a new field appears here by itself), the long texts last."""
        d = {"doc_id": self.doc_id}
        d.update((f.name, to_plain(getattr(self, f.name))) for f in fields(self)
                 if f.name not in ("doc_id", "text", "original_text", "offset_map"))
        d["text"], d["original_text"] = self.text, self.original_text
        if include_offsets:
            d["offset_map"] = self.offset_map.to_dict()
        return d


# ---------------------------------------------------------------- extraction

@dataclass
class Amount:
    text: str
    start: int
    end: int
    kind: str                          # cap | fixed | per_unit | ratio | range | threshold | target | other
    value_yuan: Optional[float] = None # money in yuan (upper bound for ranges)
    min_yuan: Optional[float] = None   # lower bound of a range
    percent: Optional[float] = None    # 70% -> 70.0
    ratio: Optional[float] = None      # leverage 1:10 -> 10.0
    unit: Optional[str] = None         # the money unit as written: 元, 万元, 亿元; None when lost
    per: Optional[str] = None          # 个, 户/月, 人, 学年, m²/月, 年, 一次性 ...
    unit_missing: bool = False         # scraping lost the unit (1300//月)
    raw_value: Optional[float] = None  # the number as written when unit_missing (value_yuan stays None)
    approximate: bool = False          # 2000余元, 数十亿元: value_yuan/min_yuan are the usual reading's bounds
    repaired: Optional[str] = None     # a number read after a repair, as "before→after" (5O→50)
    raw_text: Optional[str] = None     # a number no reading fits, kept as written (value_yuan stays None)

    def to_dict(self) -> dict:
        return _scalars(self)


@dataclass
class Deadline:
    text: str
    start: int
    end: int
    kind: str                          # by | until | from | on | span | within | recurring
    date: Optional[str] = None         # ISO, for by/until/from/on
    start_date: Optional[str] = None   # ISO, spans
    end_date: Optional[str] = None
    duration: Optional[str] = None     # ISO 8601 duration for within: P3Y, P6M
    recurrence: Optional[str] = None   # quarterly, yearly, monthly ...
    year_inferred: Optional[str] = None  # how a missing year was filled: "issue_date"

    def to_dict(self) -> dict:
        return _scalars(self)


@dataclass
class Duration:
    """A benefit or term length, not a date: 连续两年, 贷款期限不超过3年, 免收3个月."""
    text: str
    start: int
    end: int
    duration: str                      # ISO 8601: P2Y, P3Y, P3M
    kind: str = "benefit"              # benefit (免收3个月, 贷款期限不超过3年) | condition (毕业2年以内, 正常经营1年以上)
                                       # | procedure (公示5个工作日: a step's length)

    def to_dict(self) -> dict:
        return _scalars(self)


@dataclass
class UnitRef:
    """A responsible unit (责任单位): a government body that leads, administers, funds, certifies,
    receives applications/reports for, or issues a measure or document (spec: "Responsible units")."""
    name: str                          # completed, simplified: 市人社局
    role: str                          # lead | co | funder | certifier | administrator | receiver | issuer
    text: str                          # as it stands in the text: 人社局, 市财政, 人社部门
    start: int
    end: int
    full_name: Optional[str] = None    # with the place, only where the document makes it certain: 南宁市人社局

    def to_dict(self) -> dict:
        return _scalars(self)


@dataclass
class Target:
    text: str
    start: int
    end: int
    quantity: Optional[float] = None
    unit: Optional[str] = None         # 家, 个, 件, %, 万人 ...
    comparator: Optional[str] = None   # ">=", "<=", "=", ">", "<", "~" (about: 左右)
    year: Optional[int] = None
    subject: Optional[str] = None      # what is counted: 众创空间

    def to_dict(self) -> dict:
        return asdict(self)


# criterion: eligibility conditions; news: reporting context (who announced what, when) — spec "Measures"
MEASURE_KINDS = ("measure", "criterion", "goal", "preamble", "heading", "signature", "news", "other")


@dataclass
class Measure:
    """One provision of a document: its ``kind``, section ``path``, ``text`` with ``start``/``end`` in the
    normalized text, and what was read in it (amounts, deadlines, units, targets, instruments)."""
    id: str
    kind: str                          # one of MEASURE_KINDS
    path: list[str]
    title: Optional[str]
    text: str
    start: int
    end: int
    amounts: list[Amount] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    units: list[UnitRef] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    instruments: list[str] = field(default_factory=list)      # topical tags
    instrument_types: list[str] = field(default_factory=list) # supply | demand | environment

    def to_dict(self) -> dict:
        return to_plain(self)


@dataclass
class Extraction:
    """A document with its measures: the output contract of nlp (``zhengce extract``)."""
    document: Document
    measures: list[Measure] = field(default_factory=list)
    durations: list[Duration] = field(default_factory=list)   # benefit lengths, apart from deadlines
    units: list[UnitRef] = field(default_factory=list)   # distinct units of the document, main role each

    def to_dict(self, include_text: bool = True) -> dict:
        d = self.document.to_dict()
        if not include_text:
            d.pop("original_text", None)
        d["schema_version"] = EXTRACTION_SCHEMA_VERSION
        d.update((f.name, to_plain(getattr(self, f.name))) for f in fields(self) if f.name != "document")
        return d


# ------------------------------------------------------------------- search

@dataclass
class Hit:
    """One search result: a measure (``text``, ``highlighted``, offsets, items) with its ``score`` and its
    document's id, title, 文号, date, place and source; ``to_dict()`` is the search schema's item."""
    measure_id: str
    doc_id: str
    score: float
    source: str
    title: Optional[str]
    doc_number: Optional[str]
    issue_date: Optional[str]
    region: Region
    doc_type: Optional[str]
    path: list[str]
    measure_title: Optional[str]
    text: str
    highlighted: str                   # text with matches wrapped in 【】
    amounts: list[Amount] = field(default_factory=list)
    units: list[UnitRef] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    instruments: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    dense_score: Optional[float] = None
    bm25_score: Optional[float] = None
    url: Optional[str] = None          # the document's page URL (sidecar/manifest), when known
    kind: Optional[str] = None         # the measure's kind (measure, goal, criterion, news, heading…)

    def to_dict(self) -> dict:
        return {
            "measure_id": self.measure_id,
            "doc_id": self.doc_id,
            "score": self.score,
            "dense_score": self.dense_score,
            "bm25_score": self.bm25_score,
            "source": self.source,
            "title": self.title,
            "doc_number": self.doc_number,
            "issue_date": self.issue_date,
            "doc_type": self.doc_type,
            "region": self.region.to_dict(),
            "place": self.region.place,
            "path": list(self.path),
            "measure_title": self.measure_title,
            "text": self.text,
            "highlighted": self.highlighted,
            "start": self.start,
            "end": self.end,
            "amounts": [a.to_dict() for a in self.amounts],
            "units": [u.to_dict() for u in self.units],
            "deadlines": [d.to_dict() for d in self.deadlines],
            "instruments": list(self.instruments),
            "url": self.url,
            "kind": self.kind,
        }


@typing.runtime_checkable
class MeasureSource(typing.Protocol):
    """What the search index needs from a store: ``zhengce.store.Store``, or any stand-in (tests' FakeStore)."""

    index_dir: "os.PathLike | str"     # where the index keeps its files
    generation: int                    # changes whenever measures are added or removed

    def measure_ids(self) -> "typing.Iterable[int]": ...

    def load_measures(self, ids: "typing.Iterable[int]") -> "list[MeasureRow]": ...


@dataclass
class MeasureRow:
    """A stored measure with its document's metadata: what the index consumes."""
    rowid: int                         # store row id, never reused; FAISS ids are these
    measure: Measure
    doc: Document                      # metadata, region and source; ``doc.text`` may be empty


# ------------------------------------------------------------ plain values
# The one mapping between records and JSON-able values: the store's JSON columns, the tidy
# tables and the schemas all go through these, so a field added to a record above travels
# everywhere without further edits.

def to_plain(value):
    """A record (or list/dict of them) as JSON-able values: dataclasses become dicts of their fields."""
    if isinstance(value, OffsetMap):
        return value.to_dict()
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: to_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    return value


@functools.lru_cache(maxsize=None)
def field_types(cls) -> dict:
    """Resolved type hints of a record's fields (annotations are strings under ``from __future__``)."""
    return typing.get_type_hints(cls)


def from_plain(tp, data):
    """The inverse of :func:`to_plain` for type ``tp``; unknown keys are ignored, missing ones default
    (so rows written by an older or newer version still load)."""
    return _decoder(tp)(data)


def _same(v):
    return v


@functools.lru_cache(maxsize=None)
def _decoder(tp) -> typing.Callable:
    """A function from plain values to ``tp``, built once per type (reading a store calls it a lot)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) != 1:
            return _same
        inner = _decoder(args[0])
        return lambda v: None if v is None else inner(v)
    if tp is OffsetMap:
        return lambda v: None if v is None else OffsetMap.from_list(v)
    if hasattr(tp, "__dataclass_fields__"):
        hints = field_types(tp)
        decs = [(f.name, _decoder(hints[f.name])) for f in fields(tp)]

        def record(v):
            if v is None:
                return None
            return tp(**{name: dec(v[name]) for name, dec in decs if name in v})
        return record
    if origin is tuple:
        return lambda v: None if v is None else tuple(v)
    if origin is list:
        args = typing.get_args(tp)
        inner = _decoder(args[0]) if args else _same
        if inner is _same:
            return lambda v: None if v is None else list(v)
        return lambda v: None if v is None else [inner(x) for x in v]
    return _same
