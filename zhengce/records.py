"""Record types shared by every stage (ingest -> nlp -> index -> outputs).

One place for the shapes that cross module boundaries. Each record is a plain
dataclass with ``to_dict()`` so JSON/CSV/Parquet writers and the SQLite store
all serialise the same fields. Offsets (``start``/``end``) are always character
offsets into the document's *normalized* text (``Document.text``), end-exclusive,
so ``doc.text[x.start:x.end] == x.text`` holds for every extracted item.
"""
from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field
from typing import Optional

SCHEMA_VERSION = "1.0.0"
EXTRACTION_SCHEMA_VERSION = "1.1.0"   # 1.1.0: Extraction.durations

LEVELS = ("national", "province", "city", "district")


@dataclass
class Region:
    province: Optional[str] = None   # full standard name: 广西壮族自治区
    city: Optional[str] = None       # 南宁市
    district: Optional[str] = None   # 江南区 / 郫县 / 高新区
    level: Optional[str] = None      # one of LEVELS, None when unknown
    code: Optional[str] = None       # administrative division code of the most specific unit

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def place(self) -> Optional[str]:
        """The most specific name, for tables: 南宁市, 青海省, 全国."""
        if self.level == "national":
            return "全国"
        return self.district or self.city or self.province


@dataclass
class Repair:
    """A change ingest made to the text beyond script/width normalisation."""
    kind: str            # e.g. "doc_number_bracket", "date_year_char", "pinyin_removed"
    start: int           # offsets into the normalized text after the repair
    end: int
    before: str          # text as found (already simplified)
    after: str           # text as repaired

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
    region: Region = field(default_factory=Region)
    script: str = "simplified"        # "simplified" | "traditional" | "mixed"
    repairs: list[Repair] = field(default_factory=list)
    masked_count: int = 0
    encoding: Optional[str] = None
    content_hash: Optional[str] = None   # sha256 of the normalized text: duplicate detection
    byline: dict = field(default_factory=dict)   # 来源/作者/日期 lifted out of the body
    offset_map: OffsetMap = field(default_factory=OffsetMap)
    doc_id: Optional[str] = None
    url: Optional[str] = None            # where the page came from, when a sidecar/manifest says
    parent: Optional[str] = None         # an attachment's page (its source), found in the same folder
    inherited: list[str] = field(default_factory=list)  # fields the attachment took from its parent page

    def to_dict(self, include_offsets: bool = False) -> dict:
        d = {
            "doc_id": self.doc_id,
            "source": self.source,
            "url": self.url,
            "parent": self.parent,
            "inherited": list(self.inherited),
            "title": self.title,
            "doc_type": self.doc_type,
            "inner_doc_type": self.inner_doc_type,
            "issuer": self.issuer,
            "doc_number": self.doc_number,
            "issue_date": self.issue_date,
            "region": self.region.to_dict(),
            "script": self.script,
            "encoding": self.encoding,
            "content_hash": self.content_hash,
            "byline": self.byline,
            "repairs": [r.to_dict() for r in self.repairs],
            "masked_count": self.masked_count,
            "text": self.text,
            "original_text": self.original_text,
        }
        if include_offsets:
            d["offset_map"] = self.offset_map.to_dict()
        return d


# ---------------------------------------------------------------- extraction

@dataclass
class Amount:
    text: str
    start: int
    end: int
    kind: str                          # cap | fixed | ratio | range | threshold | target | other
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
        return asdict(self)


@dataclass
class Deadline:
    text: str
    start: int
    end: int
    kind: str                          # by | until | from | span | within | recurring
    date: Optional[str] = None         # ISO, for by/until/from
    start_date: Optional[str] = None   # ISO, spans
    end_date: Optional[str] = None
    duration: Optional[str] = None     # ISO 8601 duration for within: P3Y, P6M
    recurrence: Optional[str] = None   # quarterly, yearly, monthly ...
    year_inferred: Optional[str] = None  # how a missing year was filled: "issue_date"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Duration:
    """A benefit or term length, not a date: 连续两年, 贷款期限不超过3年, 免收3个月."""
    text: str
    start: int
    end: int
    duration: str                      # ISO 8601: P2Y, P3Y, P3M

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class UnitRef:
    """A responsible unit (责任单位) named for a measure."""
    name: str                          # completed, simplified: 市人社局
    role: str                          # lead | co
    text: str                          # as it stands in the text
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


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


MEASURE_KINDS = ("measure", "preamble", "goal", "heading", "signature", "other")


@dataclass
class Measure:
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
        return {
            "id": self.id,
            "kind": self.kind,
            "path": list(self.path),
            "title": self.title,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "amounts": [a.to_dict() for a in self.amounts],
            "deadlines": [d.to_dict() for d in self.deadlines],
            "units": [u.to_dict() for u in self.units],
            "targets": [t.to_dict() for t in self.targets],
            "instruments": list(self.instruments),
            "instrument_types": list(self.instrument_types),
        }


@dataclass
class Extraction:
    """A document with its measures: the output contract of nlp (``zhengce extract``)."""
    document: Document
    measures: list[Measure] = field(default_factory=list)
    durations: list[Duration] = field(default_factory=list)   # benefit lengths, apart from deadlines

    def to_dict(self, include_text: bool = True) -> dict:
        d = self.document.to_dict()
        if not include_text:
            d.pop("original_text", None)
        d["schema_version"] = EXTRACTION_SCHEMA_VERSION
        d["measures"] = [m.to_dict() for m in self.measures]
        d["durations"] = [x.to_dict() for x in self.durations]
        return d


# ------------------------------------------------------------------- search

@dataclass
class Hit:
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
        }


class ZhengceError(Exception):
    """Base class for errors a user can act on."""


class IngestError(ZhengceError):
    """One input could not be ingested; ``reason`` is a short machine code."""

    def __init__(self, source: str, reason: str, detail: str = ""):
        self.source = source
        self.reason = reason          # empty | binary | undecodable | too_large | not_policy | unreadable | ...
        self.detail = detail
        super().__init__(f"{source}: {reason}" + (f" ({detail})" if detail else ""))


@dataclass
class MeasureRow:
    """A stored measure with its document's metadata: what the index consumes."""
    rowid: int                         # store row id, never reused; FAISS ids are these
    measure: Measure
    doc: Document                      # metadata, region and source; ``doc.text`` may be empty
