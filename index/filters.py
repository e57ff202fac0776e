"""Search filters and the per-measure metadata table they run on.

The catalog keeps, for every indexed measure, the few fields filters need as numpy
columns (categorical codes, yyyymmdd ints, a bit set of instrument tags), aligned
with the BM25 rows, so a filter is a vectorised mask even at a million measures and
never touches the store.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields

import numpy as np

from ..errors import IndexDamaged, InvalidParam
from ..records import MeasureRow, ZhengceError
from ..text import parse_iso
from ..ingest.region import todays_name

_CATEGORICAL = ("province", "city", "district", "level", "doc_type", "kind")


@dataclass
class Filters:
    """What a search (``Searcher.search``, ``compare``, ``timeline``…) is restricted to, given as a person types
    it: ``Filters(province="Guangxi", date_from="2016")``. Each value is resolved and checked on construction
    by the same code as the CLI's options and the web's parameters (``zhengce.params.resolve_filters``):
    pinyin, short and full names find the place (the field then holds its full name), and a value that cannot
    be honoured (``level="City"``, ``province="Atlantis"``) raises ``InvalidParam``, a ``ValueError`` listing the
    valid ones. ``has_amount``: True, only measures with an amount; False, only those without (the CLI's and
    the web's has_amount is a flag: false there filters nothing). A ``datetime`` date keeps its date."""
    province: str | None = None
    city: str | None = None
    district: str | None = None      # a county, district or zone, as the document's place names it
    level: str | None = None
    doc_type: str | None = None
    date_from: str | None = None     # ISO date (or yyyy / yyyy-mm), inclusive
    date_to: str | None = None
    instrument: str | None = None    # an instrument tag as extracted
    has_amount: bool | None = None

    def __post_init__(self):
        from ..params import resolve_filters

        for k, v in resolve_filters(**{f.name: getattr(self, f.name) for f in fields(self)}).items():
            setattr(self, k, v)

    def active(self) -> bool:
        """Whether any filter is set."""
        return any(getattr(self, f.name) is not None for f in fields(self))

    def to_dict(self) -> dict:
        """The filters that are set, {name: value}."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None}


def as_filters(f) -> "Filters | None":
    """``Filters``, None, or a dict of the same names (``{"province": "Guangxi"}``) as ``Filters``."""
    if f is None or isinstance(f, Filters):
        return f
    if isinstance(f, Mapping):
        names = [x.name for x in fields(Filters)]
        unknown = [k for k in f if k not in names]
        if unknown:
            raise InvalidParam("filters", f"unknown filter {unknown[0]!r}; one of {', '.join(names)}")
        return Filters(**f)
    raise InvalidParam("filters", f"a Filters or a dict of filters, not {type(f).__name__}")


def date_int(s: str | None, end: bool = False) -> int:
    """'2016-06-13' -> 20160613; partial dates give the period's first (or last) day."""
    if not s:
        return 0
    try:
        d = parse_iso(str(s), end=end)
    except ValueError as e:
        raise ZhengceError(str(e)) from None
    return d.year * 10000 + d.month * 100 + d.day


class Catalog:
    """Row-aligned ids + metadata columns for filtering."""

    def __init__(self):
        self.ids = np.zeros(0, dtype=np.int64)
        self.codes = {k: np.zeros(0, dtype=np.int32) for k in _CATEGORICAL}
        self.values: dict[str, list[str]] = {k: [""] for k in _CATEGORICAL}   # code 0 = unknown
        self.date = np.zeros(0, dtype=np.int32)
        self.has_amount = np.zeros(0, dtype=bool)
        self.instr = np.zeros(0, dtype=np.uint64)
        # each row's document (a stable 63-bit key of its doc_id): the document-level BM25 prior
        # groups rows by it; None in a catalog written before the column existed (prior off)
        self.doc: np.ndarray | None = np.zeros(0, dtype=np.int64)
        self.tags: list[str] = []
        self._lookup: dict[str, dict[str, int]] | None = None
        self._sorter: np.ndarray | None = None
        self.missing: set[str] = set()   # columns a catalog written by an older version lacks

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def _code(self, field: str, value: str | None) -> int:
        if not value:
            return 0
        if self._lookup is None:
            self._lookup = {k: {v: i for i, v in enumerate(vs)} for k, vs in self.values.items()}
        table = self._lookup[field]
        if value not in table:
            table[value] = len(self.values[field])
            self.values[field].append(value)
        return table[value]

    def _tag_bits(self, tags: list[str]) -> int:
        bits = 0
        for t in tags:
            if t not in self.tags:
                self.tags.append(t)
            bits |= 1 << min(self.tags.index(t), 63)   # tags past 63 share the last bit; hits are re-checked
        return bits

    def add_rows(self, rows: list[MeasureRow]) -> None:
        self._sorter = None
        self.ids = np.concatenate([self.ids, np.array([r.rowid for r in rows], dtype=np.int64)])
        for k in _CATEGORICAL:
            vals = [self._code(k, _field(r, k)) for r in rows]
            self.codes[k] = np.concatenate([self.codes[k], np.array(vals, dtype=np.int32)])
        self.date = np.concatenate([self.date, np.array(
            [_safe_date(r.doc.issue_date) for r in rows], dtype=np.int32)])
        self.has_amount = np.concatenate([self.has_amount, np.array(
            [has_amount(r.measure) for r in rows], dtype=bool)])
        self.instr = np.concatenate([self.instr, np.array(
            [self._tag_bits(r.measure.instruments) for r in rows], dtype=np.uint64)])
        if self.doc is not None:
            self.doc = np.concatenate([self.doc, np.array([doc_key(r.doc) for r in rows], dtype=np.int64)])

    def add_blank(self, ids: np.ndarray, docs: np.ndarray | None = None) -> None:
        """Rows with ids only (synthetic benchmarks); ``docs``: their document keys (else one each)."""
        n = len(ids)
        if self.doc is not None:
            keys = np.asarray(ids if docs is None else docs, dtype=np.int64)
            self.doc = np.concatenate([self.doc, keys])
        self._sorter = None
        self.ids = np.concatenate([self.ids, np.asarray(ids, dtype=np.int64)])
        for k in _CATEGORICAL:
            self.codes[k] = np.concatenate([self.codes[k], np.zeros(n, np.int32)])
        self.date = np.concatenate([self.date, np.zeros(n, np.int32)])
        self.has_amount = np.concatenate([self.has_amount, np.zeros(n, bool)])
        self.instr = np.concatenate([self.instr, np.zeros(n, np.uint64)])

    def compact(self, keep: np.ndarray) -> None:
        self._sorter = None
        self.ids = self.ids[keep]
        for k in _CATEGORICAL:
            self.codes[k] = self.codes[k][keep]
        self.date, self.has_amount, self.instr = self.date[keep], self.has_amount[keep], self.instr[keep]
        if self.doc is not None:
            self.doc = self.doc[keep]

    def positions(self, ids: np.ndarray) -> np.ndarray:
        """Row positions of ``ids`` (-1 where absent)."""
        ids = np.asarray(ids, dtype=np.int64)
        if self._sorter is None:
            self._sorter = np.argsort(self.ids, kind="stable")
        if len(self.ids) == 0:
            return np.full(len(ids), -1, dtype=np.int64)
        sorted_ids = self.ids[self._sorter]
        i = np.searchsorted(sorted_ids, ids)
        i = np.clip(i, 0, len(sorted_ids) - 1)
        pos = self._sorter[i]
        return np.where(sorted_ids[i] == ids, pos, -1)

    def mask(self, f: Filters | None) -> np.ndarray | None:
        """Boolean row mask for ``f`` (None when nothing is filtered)."""
        if f is None or not f.active():
            return None
        m = np.ones(len(self), dtype=bool)
        for k in ("province", "city", "district", "level", "doc_type"):
            want = getattr(f, k)
            if want is None:
                continue
            if k in self.missing:
                raise IndexDamaged(f"the search index was built before it kept each measure's {k}")
            codes = [i for i, v in enumerate(self.values[k]) if v and _value_matches(k, v, want)]
            m &= np.isin(self.codes[k], np.array(codes, dtype=np.int32))
        if f.date_from:
            m &= self.date >= date_int(f.date_from)
        if f.date_to:
            m &= (self.date > 0) & (self.date <= date_int(f.date_to, end=True))
        if f.date_from:
            m &= self.date > 0
        if f.has_amount is not None:
            m &= self.has_amount == bool(f.has_amount)
        if f.instrument:
            if f.instrument in self.tags:
                bit = np.uint64(1 << min(self.tags.index(f.instrument), 63))
                m &= (self.instr & bit) != 0
            else:
                m[:] = False
        return m

    # ------------------------------------------------------------ persistence
    def save(self, path: str) -> None:
        tmp = f"{path}.tmp"
        with open(tmp, "wb") as fh:
            meta = json.dumps({"values": self.values, "tags": self.tags, "missing": sorted(self.missing)},
                              ensure_ascii=False)
            extra = {"doc": self.doc} if self.doc is not None else {}
            np.savez(fh, ids=self.ids, date=self.date, has_amount=self.has_amount, instr=self.instr,
                     meta=np.frombuffer(meta.encode("utf-8"), dtype=np.uint8), **extra,
                     **{f"code_{k}": self.codes[k] for k in _CATEGORICAL})
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: str) -> "Catalog":
        c = cls()
        with np.load(path, allow_pickle=False) as z:
            c.ids, c.date, c.has_amount, c.instr = z["ids"], z["date"], z["has_amount"], z["instr"]
            c.doc = z["doc"] if "doc" in z.files else None
            for k in _CATEGORICAL:
                if f"code_{k}" in z.files:
                    c.codes[k] = z[f"code_{k}"]
                else:           # written before the column existed: a filter on it asks for a rebuild
                    c.codes[k] = np.zeros(len(c.ids), dtype=np.int32)
                    c.missing.add(k)
            meta = json.loads(z["meta"].tobytes().decode("utf-8"))
        c.values, c.tags = meta["values"], meta["tags"]
        c.missing |= set(meta.get("missing", ()))   # rows added since still leave the old ones without it
        for k in c.missing:
            c.values.setdefault(k, [""])
        return c


def doc_key(doc) -> int:
    """A stable 63-bit key of a document (its doc_id, else its source): rows sharing it are one document."""
    ident = (doc.doc_id or doc.source or "").encode("utf-8")
    return int.from_bytes(hashlib.blake2b(ident, digest_size=8).digest(), "little") >> 1


def has_amount(m) -> bool:
    """Same rule as the store's has_amount column: a money value or a percentage was read."""
    return any(a.value_yuan is not None or a.percent is not None for a in m.amounts)


def _field(r: MeasureRow, k: str) -> str | None:
    if k == "doc_type":
        return r.doc.doc_type
    if k == "kind":
        return r.measure.kind
    return getattr(r.doc.region, k, None)


def _safe_date(s: str | None) -> int:
    try:
        return date_int(s)
    except ZhengceError:
        return 0


_SUFFIX = re.compile(r"(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|区|县)$")


def _value_matches(field: str, stored: str, wanted: str) -> bool:
    """Exact match, or a place given without its suffix (南宁 = 南宁市, 广西 = 广西壮族自治区)."""
    wanted = wanted.strip()
    if stored == wanted:
        return True
    if field in ("province", "city", "district") and len(wanted) >= 2:
        if _SUFFIX.sub("", stored) == _SUFFIX.sub("", wanted):
            return True
        today = todays_name(stored)      # 郫县 is found as 郫都区, 襄樊市 as 襄阳
        return today is not None and _SUFFIX.sub("", today) == _SUFFIX.sub("", wanted)
    return False
