"""The reuse index: which measures elsewhere repeat this measure's wording (MinHash + LSH).

Layout, in ``STORE/index/reuse/``::

    manifest.json        format, generation, segment files, tombstone file, counts, parameters
    seg-<gen>.npz        one per sync that added measures: the row ids it looked at, the ids it
                         indexed, per LSH band the sorted band keys, each measure's signature head
                         and shingle count, and the shingle document frequencies of its documents
                         (hashed into DF_BUCKETS counters)
    tomb-<gen>.npy       row ids gone from the store since they were indexed

A sync only reads and hashes the measures it has not seen and writes them as one new
segment (a small segment-merge keeps the count bounded), then swaps the manifest with
``os.replace``: a kill at any point leaves the previous generation whole, and the files
of the half-done one are leftovers ``check(repair=True)`` removes. Files of the previous
generation are kept one sync longer for readers that loaded its manifest.

Candidates are measures sharing at least one LSH band with the query whose similarity,
estimated from the first SIG_KEEP signature values kept in memory, is not hopeless; they are
then scored exactly from their text: weighted Jaccard of the two shingle sets (or, for a
measure reusing part of a longer one, its weighted containment × CONTAINMENT), where a shingle that occurs in
more than ``max(COMMON_DF, COMMON_SHARE × documents)`` documents counts less (inversely to
its frequency), so phrasing every document carries does not make two measures "reuse".
The method was chosen against TF-IDF cosine on a planted corpus (``bench/similar.py``).
"""
from __future__ import annotations

import json
import os
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import numpy as np

from ..errors import IndexDamaged, InvalidParam
from ..records import MeasureRow
from . import shingles as S

REUSE_DIR = "reuse"
MANIFEST = "manifest.json"
FORMAT = 3                                # 3: provisions only (KINDS) and more boilerplate cut (shingles.clean)
# The provisions (spec "Measures"): what a government gives, requires or aims at. Only these adopt (timeline),
# are reuse, or count in the instrument mix. criterion (eligibility conditions) goes with the provision it
# conditions, and generic ones (营业执照, 独立法人) are shared by unrelated policies; news, preamble, heading,
# signature and other are context: on the tune pages `other` was addressee, attachment and contact lines
KINDS = ("measure", "goal")
SCHEMA_VERSION = "1.1.0"                  # similar's JSON; 1.1.0: provisions only (KINDS), a context measure refused
MIN_SIMILARITY = 0.4                      # planted corpus: precision 0.98, recall 0.99 (bench/similar.py)
MAX_CANDIDATES = 200                      # scored exactly per query, best estimate first
SIG_KEEP = 64                             # signature values kept per measure to estimate similarity before reading text
PREFILTER = 0.12                          # candidates estimated below this are not read (planted recall 0.986 with it)
CONTAINMENT = 0.8                         # a measure wholly inside a longer one scores 0.8 (partial reuse) …
MIN_CONTAINED = 15.0                      # … when it carries at least this much weight (not a short stock line)
MIN_WEIGHT = 10.0                         # a measure lighter than this ((此件公开发布), 加强组织领导) is never reuse
DF_BUCKETS = 1 << 22
COMMON_DF = 10                            # a shingle in more documents than this …
COMMON_SHARE = 0.02                       # … and than this share of them counts less
MAX_SEGMENTS = 12
BATCH = 4000


def place_of(region, by: str = "city") -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(place, province, city) named as compare names its rows; place None when the region is unknown."""
    from ..index.compare import UNKNOWN_PLACE, place_key

    place, province, city = place_key(region, "", by)
    return (None if place.startswith(UNKNOWN_PLACE) else place), province, city


@dataclass
class Reuse:
    """A measure whose wording another measure reuses (or that reuses it)."""
    rowid: int
    measure_id: str
    doc_id: str
    similarity: float
    place: str
    province: Optional[str]
    level: Optional[str]
    issue_date: Optional[str]
    doc_number: Optional[str]
    title: Optional[str]
    text: str
    start: int
    end: int
    shared: str = ""                 # the longest stretch of text the two share
    relation: str = ""               # earlier | later | same_date | undated (vs the query measure)
    source: str = ""

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in (
            "rowid", "measure_id", "doc_id", "similarity", "relation", "place", "province", "level",
            "issue_date", "doc_number", "title", "text", "start", "end", "shared", "source")}


@dataclass
class _Segment:
    name: str
    seen: np.ndarray                  # every row id this segment looked at (int64, sorted)
    ids: np.ndarray                   # row ids indexed (int64)
    keys: np.ndarray                  # (BANDS, n) uint32, each band sorted
    pos: np.ndarray                   # (BANDS, n) int32: position in ids of keys[b, i]
    sig: np.ndarray                   # (n, SIG_KEEP) uint32: head of each measure's MinHash signature
    size: np.ndarray                  # (n,) int32: shingles per measure
    df_bucket: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint32))
    df_count: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint32))
    n_docs: int = 0

    def save(self, path: Path) -> None:
        with open(path, "wb") as f:
            np.savez(f, seen=self.seen, ids=self.ids, keys=self.keys, pos=self.pos, sig=self.sig, size=self.size,
                     df_bucket=self.df_bucket, df_count=self.df_count, n_docs=np.int64(self.n_docs))
            f.flush()
            os.fsync(f.fileno())

    @classmethod
    def load(cls, path: Path) -> "_Segment":
        with np.load(path) as z:
            return cls(path.name, z["seen"], z["ids"], z["keys"], z["pos"], z["sig"], z["size"], z["df_bucket"],
                       z["df_count"], int(z["n_docs"]))


def _build_segment(name: str, seen: np.ndarray, ids: np.ndarray, keys: np.ndarray, sig: np.ndarray,
                   size: np.ndarray, df_bucket: np.ndarray, df_count: np.ndarray, n_docs: int) -> _Segment:
    """keys: (n, BANDS) band keys of ``ids``; sorted per band here."""
    kt = keys.T.copy() if len(ids) else np.zeros((S.BANDS, 0), np.uint32)
    order = np.argsort(kt, axis=1, kind="stable").astype(np.int32)
    return _Segment(name, np.sort(seen), ids, np.take_along_axis(kt, order, axis=1), order,
                    sig.reshape(-1, SIG_KEEP), size.astype(np.int32), df_bucket, df_count, n_docs)


class ReuseIndex:
    """The reuse index of a store (``store.index_dir / "reuse"``); cheap to open, sync to update."""

    def __init__(self, store):
        self.store = store
        self.dir = Path(store.index_dir) / REUSE_DIR
        self.manifest: Optional[dict] = None
        self.segments: list[_Segment] = []
        self.tomb = np.zeros(0, np.int64)
        self._df: Optional[np.ndarray] = None
        self._n_docs = 0
        m = read_manifest(self.dir)
        if m is not None:
            self._load(m)

    # ------------------------------------------------------------ loading
    def _load(self, m: dict, tries: int = 3) -> None:
        for attempt in range(tries):
            try:
                segs = [_Segment.load(self.dir / f) for f in m["segments"]]
                tomb = np.load(self.dir / m["tombstones"]) if m.get("tombstones") else np.zeros(0, np.int64)
                self.segments, self.tomb, self.manifest, self._df = segs, np.sort(tomb), m, None
                return
            except (OSError, ValueError, KeyError):
                if attempt == tries - 1:
                    raise IndexDamaged(f"reuse index files in {self.dir} are missing or damaged") from None
                time.sleep(0.05)        # a sync may have swapped the manifest meanwhile
                m = read_manifest(self.dir) or m

    @property
    def seen(self) -> np.ndarray:
        return np.concatenate([s.seen for s in self.segments]) if self.segments else np.zeros(0, np.int64)

    @property
    def indexed(self) -> np.ndarray:
        return np.concatenate([s.ids for s in self.segments]) if self.segments else np.zeros(0, np.int64)

    def __len__(self) -> int:
        return sum(len(s.ids) for s in self.segments) - len(self.tomb)

    def df(self) -> tuple[np.ndarray, int]:
        """Shingle document frequencies (hashed counters) and the number of documents counted."""
        if self._df is None:
            df = np.zeros(DF_BUCKETS, np.uint32)
            for s in self.segments:
                np.add.at(df, s.df_bucket, s.df_count)
            self._df, self._n_docs = df, sum(s.n_docs for s in self.segments)
        return self._df, self._n_docs

    def pending(self) -> dict:
        """Measures the index has not looked at, and indexed ones gone from the store."""
        store_ids = np.fromiter(self.store.measure_ids(), dtype=np.int64)
        gone = self.indexed[~np.isin(self.indexed, store_ids)]
        return {"add": int((~np.isin(store_ids, self.seen)).sum()),
                "remove": int((~np.isin(gone, self.tomb)).sum()), "built": self.manifest is not None}

    # ------------------------------------------------------------ sync
    def sync(self, progress: Optional[Callable[[int, int], None]] = None) -> dict:
        """Add the store's new measures as one segment, tombstone removed ones; persist if anything changed.

        One sync at a time per store (a lock file): an ingest and a web server's query may both sync.
        """
        self.dir.mkdir(parents=True, exist_ok=True)
        with _locked(self.dir / ".lock"):
            m = read_manifest(self.dir)
            if m is not None and m.get("generation") != (self.manifest or {}).get("generation"):
                self._load(m)           # another process synced meanwhile: continue from its generation
            return self._sync(progress)

    def _sync(self, progress) -> dict:
        t0 = time.perf_counter()
        store_ids = np.fromiter(self.store.measure_ids(), dtype=np.int64)
        seen = self.seen
        to_add = np.sort(store_ids[~np.isin(store_ids, seen)])
        gone = self.indexed[~np.isin(self.indexed, store_ids)]
        new_tomb = gone[~np.isin(gone, self.tomb)]
        if not len(to_add) and not len(new_tomb) and self.manifest is not None:
            return {"added": 0, "removed": 0, "indexed": len(self), "seconds": 0.0}
        ids, keys, sigs, sizes, buckets, n_docs = [], [], [], [], [], 0
        if progress:
            progress(0, len(to_add))
        for s in range(0, len(to_add), BATCH):
            rows = self.store.load_measures([int(i) for i in to_add[s:s + BATCH]])
            rows = [r for r in rows if r.measure.kind in KINDS]
            hl = [S.shingle_hashes(r.measure.text) for r in rows]
            if rows:
                sg = S.signatures(hl)
                keys.append(S.band_keys(sg))
                sigs.append(sg[:, :SIG_KEEP])
                sizes.append(np.array([len(h) for h in hl], np.int32))
                ids.append(np.array([r.rowid for r in rows], np.int64))
            by_doc: dict[str, list[np.ndarray]] = {}
            for r, h in zip(rows, hl):
                by_doc.setdefault(r.doc.doc_id or r.doc.source, []).append(h)
            for hs in by_doc.values():      # document frequency: a shingle counts once per document
                buckets.append(np.unique(np.concatenate(hs) % np.uint64(DF_BUCKETS)).astype(np.uint32))
            n_docs += len(by_doc)
            if progress:
                progress(min(s + BATCH, len(to_add)), len(to_add))
        gen = int((self.manifest or {}).get("generation", 0)) + 1
        segs = list(self.segments)
        written = []
        if len(to_add):
            b = np.concatenate(buckets) if buckets else np.zeros(0, np.uint32)
            ub, cnt = np.unique(b, return_counts=True)
            seg = _build_segment(f"seg-{gen}.npz", to_add,
                                 np.concatenate(ids) if ids else np.zeros(0, np.int64),
                                 np.concatenate(keys) if keys else np.zeros((0, S.BANDS), np.uint32),
                                 np.concatenate(sigs) if sigs else np.zeros((0, SIG_KEEP), np.uint32),
                                 np.concatenate(sizes) if sizes else np.zeros(0, np.int32),
                                 ub.astype(np.uint32), cnt.astype(np.uint32), n_docs)
            segs.append(seg)
        tomb = np.union1d(self.tomb, new_tomb).astype(np.int64)
        if len(segs) > MAX_SEGMENTS:
            segs, tomb = self._merge(segs, tomb, gen)
        self.dir.mkdir(parents=True, exist_ok=True)
        for s in segs:
            if not (self.dir / s.name).exists():
                s.save(self.dir / s.name)
                written.append(s.name)
        tomb_name = None
        if len(tomb):
            tomb_name = f"tomb-{gen}.npy"
            with open(self.dir / tomb_name, "wb") as f:
                np.save(f, tomb)
                f.flush()
                os.fsync(f.fileno())
        self._swap(gen, segs, tomb_name, int(sum(len(x.ids) for x in segs) - len(tomb)))
        self.segments, self.tomb, self._df = segs, tomb, None
        return {"added": int(sum(len(i) for i in ids)), "looked_at": int(len(to_add)), "removed": int(len(new_tomb)),
                "indexed": len(self), "segments": len(segs), "seconds": round(time.perf_counter() - t0, 3)}

    def _merge(self, segs: list[_Segment], tomb: np.ndarray, gen: int) -> tuple[list[_Segment], np.ndarray]:
        """Fold every segment but the largest into one (no re-hashing: keys are kept), dropping tombstoned ids."""
        big = max(range(len(segs)), key=lambda i: len(segs[i].ids))
        rest = [s for i, s in enumerate(segs) if i != big]
        ids, keys, sigs, sizes = [], [], [], []
        for s in rest:
            k = np.empty((len(s.ids), S.BANDS), np.uint32)
            for b in range(S.BANDS):
                k[s.pos[b], b] = s.keys[b]
            alive = ~np.isin(s.ids, tomb)
            ids.append(s.ids[alive])
            keys.append(k[alive])
            sigs.append(s.sig[alive])
            sizes.append(s.size[alive])
        seen = np.concatenate([s.seen for s in rest])
        b = np.concatenate([s.df_bucket for s in rest])
        c = np.concatenate([s.df_count for s in rest])
        ub, inv = np.unique(b, return_inverse=True)
        cnt = np.zeros(len(ub), np.uint32)
        np.add.at(cnt, inv, c)
        merged = _build_segment(f"seg-{gen}m.npz", seen, np.concatenate(ids), np.concatenate(keys),
                                np.concatenate(sigs), np.concatenate(sizes), ub, cnt, sum(s.n_docs for s in rest))
        # tombstones of merged segments are applied; those of the big one stay
        tomb = tomb[np.isin(tomb, segs[big].ids)]
        return [segs[big], merged], tomb

    def _swap(self, gen: int, segs: list[_Segment], tomb_name: Optional[str], count: int) -> None:
        prev = self.manifest or {}
        files = [s.name for s in segs] + ([tomb_name] if tomb_name else [])
        prev_files = [f for f in prev.get("segments", []) + [prev.get("tombstones")] if f and f not in files]
        m = {"format": FORMAT, "generation": gen, "segments": [s.name for s in segs], "tombstones": tomb_name,
             "count": count,
             "store_generation": self.store.generation,
             "params": {"k": S.K, "num_perm": S.NUM_PERM, "bands": S.BANDS, "seed": S.SEED},
             "previous_files": prev_files,
             "written": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        tmp = self.dir / (MANIFEST + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(m, f, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.dir / MANIFEST)
        self.manifest = m
        # files of the generation before the previous one are no longer read by anyone
        keep = set(files) | set(prev_files) | {MANIFEST}
        for old in prev.get("previous_files", []):
            if old not in keep:
                try:
                    os.remove(self.dir / old)
                except OSError:
                    pass

    # ------------------------------------------------------------ query
    def candidates(self, hashes: np.ndarray, limit: int = MAX_CANDIDATES) -> np.ndarray:
        """Row ids sharing an LSH band with this shingle set whose estimated similarity (from the kept
        signature heads: Jaccard, or containment of the smaller set) reaches PREFILTER; best estimate first."""
        if not len(hashes) or not self.segments:
            return np.zeros(0, np.int64)
        qs = S.signatures([hashes])
        q, qsig, qn = S.band_keys(qs)[0], qs[0, :SIG_KEEP], len(hashes)
        found, score = [], []
        for s in self.segments:
            if not len(s.ids):
                continue
            hits = []
            for b in range(S.BANDS):
                lo = np.searchsorted(s.keys[b], q[b], "left")
                hi = np.searchsorted(s.keys[b], q[b], "right")
                if hi > lo:
                    hits.append(s.pos[b, lo:hi])
            if not hits:
                continue
            pos = np.unique(np.concatenate(hits))
            est = (s.sig[pos] == qsig).mean(axis=1)
            n = s.size[pos].astype(np.float64)
            contained = est * (qn + n) / (1 + est) / np.maximum(1, np.minimum(qn, n))
            sc = np.maximum(est, CONTAINMENT * np.minimum(1.0, contained))
            keep = sc >= PREFILTER
            found.append(s.ids[pos[keep]])
            score.append(sc[keep])
        if not found:
            return np.zeros(0, np.int64)
        ids, sc = np.concatenate(found), np.concatenate(score)
        alive = ~np.isin(ids, self.tomb)
        ids, sc = ids[alive], sc[alive]
        order = np.lexsort((ids, -sc))[:limit]
        return ids[order]

    def weights(self, hashes: np.ndarray) -> np.ndarray:
        """Per shingle: 1, or less for shingles common across documents (boilerplate)."""
        df, n_docs = self.df()
        cap = max(COMMON_DF, COMMON_SHARE * n_docs)
        f = df[(hashes % np.uint64(DF_BUCKETS)).astype(np.int64)].astype(np.float64)
        return np.minimum(1.0, cap / np.maximum(f, 1.0))

    def similarity(self, a: np.ndarray, b: np.ndarray) -> float:
        """Weighted Jaccard of two sorted unique shingle-hash sets, or CONTAINMENT × the weighted share of
        the smaller set found in the larger (a measure reusing one sentence of a longer one), if higher."""
        if not len(a) or not len(b):
            return 0.0
        inter = np.intersect1d(a, b, assume_unique=True)
        wa, wb, wi = self.weights(a).sum(), self.weights(b).sum(), self.weights(inter).sum()
        if min(wa, wb) < MIN_WEIGHT:
            return 0.0
        wu = wa + wb - wi
        jac = wi / wu if wu else 0.0
        small = min(wa, wb)
        cont = CONTAINMENT * wi / small if small >= MIN_CONTAINED else 0.0
        return float(max(jac, cont))


class OtherFormat(IndexDamaged):
    """The reuse index was written by another zhengce version (derived data: rebuilt from the store)."""


@contextmanager
def _locked(path: Path):
    """An exclusive lock on ``path`` (POSIX flock; on Windows, where flock is missing, no lock)."""
    try:
        import fcntl
    except ImportError:          # Windows: one writer at a time is then the user's to keep
        yield
        return
    with open(path, "a") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def read_manifest(d: Path) -> Optional[dict]:
    p = Path(d) / MANIFEST
    if not p.is_file():
        return None
    try:
        m = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise IndexDamaged(f"unreadable reuse index manifest {p}: {e}") from e
    if m.get("format") != FORMAT:
        raise OtherFormat(f"reuse index in {d} has format {m.get('format')}, expected {FORMAT}")
    return m


def open_index(store, sync: bool = True) -> ReuseIndex:
    """The store's reuse index, brought up to date first unless ``sync=False`` (an incremental step)."""
    try:
        idx = ReuseIndex(store)
    except OtherFormat:
        if not sync:
            raise
        _rebuild(store)
        return ReuseIndex(store)
    if sync:
        idx.sync()
    return idx


# ---------------------------------------------------------------- similar
def _resolve(store, measure) -> MeasureRow:
    if isinstance(measure, MeasureRow):
        return measure
    key = str(measure).strip().lstrip("#")
    doc = None
    if ":" in key:              # DOC_ID:MEASURE_ID, both in search's JSON: one row when a text is reused
        doc, key = key.split(":", 1)
    rows = []
    if key.isdigit() and doc is None:
        rows = store.load_measures([int(key)])
    if not rows:
        rows = store.load_measures(store.find_measures(key))
        if doc is not None:
            rows = [r for r in rows if r.doc.doc_id == doc]
    if not rows:
        raise InvalidParam("measure", f"no measure {measure!r} in the store (give a measure id from "
                                      "`zhengce search --format json`, DOC_ID:MEASURE_ID, or a row id)")
    if len(rows) > 1:
        # the same wording in several documents (a reused text has one measure id): name each one
        raise InvalidParam("measure", f"measure id {measure!r} names {len(rows)} measures, the same text in "
                                      f"several documents; give one of "
                                      f"{', '.join(f'{r.doc.doc_id}:{key}' for r in rows)} (doc_id:measure_id)")
    return rows[0]


def _relation(a: Optional[str], b: Optional[str]) -> str:
    if not a or not b:
        return "undated"
    return "earlier" if b < a else "later" if b > a else "same_date"


def shared_span(a: str, b: str) -> str:
    """The longest stretch of text two measures share (for people to see what was reused)."""
    from difflib import SequenceMatcher

    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return a[m.a:m.a + m.size]


def date_key(date: Optional[str]) -> tuple:
    """Sort key: dated first, earliest first; undated last."""
    return (date is None, date or "")


def check_similar(measure, text: Optional[str], min_similarity: float) -> None:
    """similar's arguments (InvalidParam), also checked where there is no store to search yet."""
    if (measure is None) == (text is None):
        raise InvalidParam("measure", "give a measure id or a text (one of them, not both)")
    if not 0 <= min_similarity <= 1:
        raise InvalidParam("min_similarity", f"min_similarity {min_similarity} is not between 0 and 1")


def similar(store, measure=None, *, text: Optional[str] = None, min_similarity: float = MIN_SIMILARITY,
            limit: int = 20, other_places: bool = True, index: Optional[ReuseIndex] = None) -> list[Reuse]:
    """Measures whose wording reuses ``measure`` (row id, measure id or MeasureRow) or ``text``.

    Ordered earlier → later by issue date (undated last), each with its similarity (weighted
    shingle Jaccard, 0–1), place, date and the longest shared stretch of text. With a measure,
    the measure itself and its own document are left out, and so (``other_places``) are
    measures of the same place.
    """
    check_similar(measure, text, min_similarity)
    idx = index if index is not None else open_index(store)
    base = None
    if measure is not None:
        base = _resolve(store, measure)
        if base.measure.kind not in KINDS:      # not indexed either: nothing could reuse it, or be reused by it
            raise InvalidParam("measure", f"measure {base.measure.id!r} is a {base.measure.kind}, not a provision: "
                                          f"reuse is read between provisions ({', '.join(KINDS)})")
        qtext = base.measure.text
    else:
        qtext = " ".join(str(text).split())
        if not qtext:
            raise InvalidParam("text", "the text is empty")
    qh = S.shingle_hashes(qtext)
    # score candidates from their text alone; full rows are read only for those that pass
    sims = {}
    for rid, (doc_id, t) in store.measure_texts([int(i) for i in idx.candidates(qh)]).items():
        if base is not None and (rid == base.rowid or doc_id == base.doc.doc_id):
            continue
        sim = idx.similarity(qh, S.shingle_hashes(t))
        if sim >= min_similarity:
            sims[rid] = sim
    base_place = place_of(base.doc.region)[0] if base is not None else None
    out = []
    for r in store.load_measures(list(sims)):
        if other_places and base_place is not None and place_of(r.doc.region)[0] == base_place:
            continue
        sim = sims[r.rowid]
        d = r.doc
        out.append(Reuse(rowid=r.rowid, measure_id=r.measure.id, doc_id=d.doc_id or "", similarity=round(sim, 3),
                         place=place_of(d.region)[0] or "未知", province=d.region.province, level=d.region.level,
                         issue_date=d.issue_date, doc_number=d.doc_number, title=d.title, text=r.measure.text,
                         start=r.measure.start, end=r.measure.end, source=d.source,
                         relation=_relation(base.doc.issue_date if base else None, d.issue_date)
                         if base else ("undated" if not d.issue_date else "")))
    out.sort(key=lambda x: -x.similarity)
    out = out[:limit]
    for x in out:
        x.shared = shared_span(qtext, x.text)
    out.sort(key=lambda x: (date_key(x.issue_date), -x.similarity, x.rowid))
    return out


# ---------------------------------------------------------------- doctor
def check(store, repair: bool = False) -> list[dict]:
    """Doctor's reuse-index problems (same dict shape as ``zhengce.doctor.check``)."""
    d = Path(store.index_dir) / REUSE_DIR
    out: list[dict] = []
    try:
        m = read_manifest(d)
        idx = ReuseIndex(store) if m is not None else None
    except IndexDamaged as e:
        fixed = False
        if repair:
            _rebuild(store)
            fixed = True
        msg = str(e).removesuffix(f"; {IndexDamaged.HINT}") if fixed else str(e)
        out.append({"message": msg + (" (rebuilt from the store)" if fixed else ""), "repaired": fixed,
                    "kind": "reuse_broken"})
        return out
    if idx is None:
        return out      # never built: the first `similar` or `diffusion` builds it
    p = idx.pending()
    if p["add"] or p["remove"]:
        fixed = False
        if repair:
            info = idx.sync()
            fixed = True
        out.append({"message": f"reuse index behind the store: {p['add']} measures not looked at, {p['remove']} "
                               "gone" + (f" (synced: +{info['looked_at']} -{info['removed']})" if fixed else ""),
                    "repaired": fixed, "kind": "reuse_behind"})
    named = set(idx.manifest.get("segments", [])) | {idx.manifest.get("tombstones"), MANIFEST, ".lock"} \
        | set(idx.manifest.get("previous_files", []))
    gen, now = int(idx.manifest.get("generation", 0)), time.time()
    left = [p for p in d.iterdir() if p.is_file() and p.name not in named
            and not (_gen_of(p.name) > gen and now - p.stat().st_mtime < 3600)]   # a sync writing right now
    if left:
        if repair:
            for f in left:
                try:
                    f.unlink()
                except OSError:
                    pass
        out.append({"message": f"{len(left)} reuse index files no manifest names (left by an interrupted sync)"
                               + (" (removed)" if repair else ""), "repaired": repair, "kind": "leftovers"})
    return out


def _gen_of(name: str) -> int:
    m = re.match(r"^[a-z]+-(\d+)", name)
    return int(m.group(1)) if m else -1


def _rebuild(store) -> dict:
    """A fresh reuse index (files of the broken one are removed first: nothing reads them)."""
    d = Path(store.index_dir) / REUSE_DIR
    if d.is_dir():
        with _locked(d / ".lock"):
            for f in d.iterdir():
                if f.is_file() and f.name != ".lock":
                    f.unlink()
    return ReuseIndex(store).sync()
