"""The durable local store: one SQLite database (WAL) per store directory.

Layout of a store directory::

    STORE/zhengce.db     documents, measures (+ their extracts as JSON), failures, meta
    STORE/index/         search index files, owned by zhengce.index (rebuildable from the db)

Every document is written in one transaction together with its measures, so a
kill at any point leaves either the old version or the new one, never half.
Measure row ids come from AUTOINCREMENT and are never reused: the search
index keys its vectors by them, and ``zhengce doctor`` / index sync compare
the two id sets to find what is missing or stale.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
import types
import typing
from dataclasses import MISSING, dataclass, fields
from enum import Enum
from typing import Iterable, Iterator, NamedTuple, Optional

from .errors import ZhengceError
from .records import Document, Extraction, Measure, MeasureRow, Region, field_types, from_plain, to_plain

DB_NAME = "zhengce.db"
DEFAULT_STORE_ENV = "ZHENGCE_STORE"


def default_store_path() -> Path:
    """``$ZHENGCE_STORE`` if set (and not empty), else ``./zhengce-store`` (relative to the working directory)."""
    return Path(os.environ.get(DEFAULT_STORE_ENV, "").strip() or "zhengce-store")


# PRAGMA user_version of the database. 0: written before this was kept (columns listed by hand,
# ``inner_doc_type`` missing); 2: columns derived from the records. Opening an older store migrates it.
STORE_VERSION = 2
STORE_FORMAT = str(STORE_VERSION)

_SQL_TYPES = {int: "INTEGER", float: "REAL", bool: "BOOLEAN", str: "TEXT"}   # BOOLEAN: 0/1, read back as bool


@dataclass(frozen=True)
class Column:
    """One column of a store table and the record field it holds."""
    name: str
    sql: str                      # SQLite type (and constraints, for a new table)
    field: Optional[str] = None   # record field (None: the store's own bookkeeping)
    json: bool = False            # stored as JSON text (lists, dicts, nested records)
    heavy: bool = False           # left out when only metadata is read


def _record_columns(cls, rename: dict[str, str] = {}, skip: tuple[str, ...] = ()) -> list[Column]:
    hints = field_types(cls)
    cols = []
    for f in fields(cls):
        if f.name in skip:
            continue
        tp = hints[f.name]
        if typing.get_origin(tp) in (typing.Union, types.UnionType):   # Optional[X] is stored as X
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else tp
        sql = _SQL_TYPES.get(tp)
        cols.append(Column(rename.get(f.name, f.name), sql or "TEXT", f.name, json=sql is None))
    return cols


# A document row: the store's bookkeeping, every Document field (the region's flattened, its
# ``code`` as ``region_code``), and any field an Extraction holds besides document and measures.
_HEAVY = {"text", "original_text", "offset_map", "repairs"}
_REGION = {f"region.{c.field}": c for c in _record_columns(Region, rename={"code": "region_code"})}
DOC_COLUMNS: list[Column] = (
    [Column("doc_id", "TEXT PRIMARY KEY", "doc_id"), Column("source", "TEXT NOT NULL UNIQUE", "source"),
     Column("content_hash", "TEXT NOT NULL", "content_hash"),
     Column("raw_hash", "TEXT"), Column("pipeline_version", "TEXT"), Column("duplicate_of", "TEXT"),
     Column("ingested_at", "REAL")]
    + [Column(c.name, c.sql, f"region.{c.field}") for c in _REGION.values()]
    + [Column(c.name, c.sql + (" NOT NULL" if c.name in ("text", "original_text") else ""), c.field, c.json,
              c.name in _HEAVY)
       for c in _record_columns(Document, skip=("doc_id", "source", "content_hash", "region"))]
    + [Column(c.name, "TEXT", f"extraction.{c.field}", True)
       for c in _record_columns(Extraction, skip=("document", "measures"))]
)
_MEASURE_REQUIRED = {"id", "kind", "path", "text", "start", "end", "amounts", "deadlines", "units", "targets",
                     "instruments", "instrument_types"}
MEASURE_COLUMNS: list[Column] = (
    [Column("rowid", "INTEGER PRIMARY KEY AUTOINCREMENT"),
     Column("doc_id", "TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE"),
     Column("ordinal", "INTEGER NOT NULL"), Column("has_amount", "INTEGER NOT NULL")]
    # the fields every measure has are NOT NULL: a half-built row fails its transaction
    + [Column(c.name, c.sql + (" NOT NULL" if c.name in _MEASURE_REQUIRED else ""), c.field, c.json)
       for c in _record_columns(Measure)]
)
_EXTRA_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE INDEX IF NOT EXISTS documents_hash ON documents(content_hash);
CREATE INDEX IF NOT EXISTS measures_doc ON measures(doc_id);
CREATE INDEX IF NOT EXISTS measures_id ON measures(id);
CREATE TABLE IF NOT EXISTS failures (
    source TEXT PRIMARY KEY, reason TEXT NOT NULL, detail TEXT, at REAL
);
"""


def _q(name: str) -> str:
    return f'"{name}"'


def _create_table(name: str, columns: list[Column]) -> str:
    return f"CREATE TABLE IF NOT EXISTS {name} (" + ", ".join(
        f"{_q(c.name)} {c.sql}" for c in columns) + ")"


def _names(columns: list[Column]) -> str:
    return ", ".join(_q(c.name) for c in columns)


class StoreError(ZhengceError):
    pass


def unreadable_store(db: Path, e: Exception) -> StoreError:
    """The error for a database SQLite cannot read (truncated, overwritten, not a database at all)."""
    return StoreError(f"{db} is not a readable zhengce store ({e}); restore it from a backup, or move it "
                      f"away and ingest the files again")


class WriteStatus(str, Enum):
    """What :meth:`Store.upsert` did with a document (a str, so ``status == "new"`` holds)."""
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"


class PreparedRows(NamedTuple):
    """A document flattened into the store's named rows (cheap to pickle across processes)."""
    doc_id: str
    source: str
    content_hash: str
    document: dict        # documents column -> value, less the store's bookkeeping columns
    measures: list[dict]  # measures column -> value, less rowid


def prepare_rows(extraction: Extraction) -> PreparedRows:
    """Flatten an extraction into named rows (JSON already encoded): the writer's work, done anywhere."""
    doc = extraction.document
    if not doc.doc_id or not doc.content_hash:
        raise StoreError(f"{doc.source}: document has no doc_id/content_hash")
    document = {}
    for c in DOC_COLUMNS:
        if c.field is None:
            continue
        owner, _, name = c.field.rpartition(".")
        obj = {"": doc, "region": doc.region, "extraction": extraction}[owner]
        v = getattr(obj, name)
        document[c.name] = _dumps(to_plain(v)) if c.json else v
    measures = []
    for i, m in enumerate(extraction.measures):
        row = {"doc_id": doc.doc_id, "ordinal": i,
               "has_amount": int(any(a.value_yuan is not None or a.percent is not None for a in m.amounts))}
        for c in MEASURE_COLUMNS:
            if c.field is not None:
                v = getattr(m, c.field)
                row[c.name] = _dumps(to_plain(v)) if c.json else v
        measures.append(row)
    return PreparedRows(doc.doc_id, doc.source, doc.content_hash, document, measures)


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def check_store_folder(path: Path) -> None:
    """A store is a folder: a file at its path can never become one (StoreError)."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store folder (give --store a folder)")


class Store:
    """A store directory: ``zhengce.db`` (SQLite, WAL) and ``index/``. Cheap to open; safe for one writer and
    many readers. ``Store(path)`` creates the folder (default ``$ZHENGCE_STORE``, else ``./zhengce-store``);
    ``readonly=True`` opens an existing store only. Documents and measures go in through
    :func:`zhengce.pipeline.ingest_paths`; read them with :meth:`documents`, :meth:`get_document`,
    :meth:`get_extraction`, :meth:`iter_measure_rows`."""

    def __init__(self, path: str | os.PathLike | None = None, *, readonly: bool = False):
        self.path = Path(path) if path is not None else default_store_path()
        self.readonly = readonly
        check_store_folder(self.path)
        if readonly:
            if not (self.path / DB_NAME).is_file():
                raise StoreError(f"no zhengce store at {self.path} (run `zhengce ingest PATH --store {self.path}` first)")
        else:
            try:
                self.path.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"cannot create the store folder {self.path}: {e.strerror or e}") from e
        self.index_dir = self.path / "index"
        try:
            self._conn = sqlite3.connect(self.path / DB_NAME, timeout=60, isolation_level=None,
                                         check_same_thread=False)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._conn.execute("PRAGMA busy_timeout=60000")
            if not readonly:
                mode = self._conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
                if mode.lower() != "wal":
                    raise StoreError(f"could not put {self.path / DB_NAME} in WAL mode (got {mode})")
                self._conn.execute("PRAGMA synchronous=NORMAL")  # WAL+NORMAL: atomic commits, safe against kill -9
            self._ensure_schema()
        except sqlite3.DatabaseError as e:
            raise unreadable_store(self.path / DB_NAME, e) from e

    def _ensure_schema(self) -> None:
        """Create the tables, or bring a store written by an earlier version up to this one.

        Columns come from the records, so a field added to ``Document``/``Measure`` (or to
        ``Extraction`` beside them) appears here as a new column; a store that lacks it gets it
        with ``ALTER TABLE`` (nothing else touched), and its documents are marked for
        re-processing, so the next ``ingest`` of the same files fills the new column in.
        """
        if self._schema_state() == (STORE_VERSION, {"documents": [], "measures": []}):
            return
        with self.transaction() as c:
            _, missing = self._schema_state()   # again, inside the lock: another process may have migrated
            have = {t: {r[1] for r in c.execute(f"PRAGMA table_info({t})")} for t in ("documents", "measures")}
            for t, cols in (("documents", DOC_COLUMNS), ("measures", MEASURE_COLUMNS)):
                if not have[t]:
                    c.execute(_create_table(t, cols))
                    continue
                for col in missing[t]:
                    c.execute(f"ALTER TABLE {t} ADD COLUMN {_q(col.name)} {col.sql.split()[0]}")
            for stmt in _EXTRA_SCHEMA.split(";"):
                if stmt.strip():
                    c.execute(stmt)
            if have["documents"] and any(missing.values()):
                # rows written before these columns existed: the next ingest re-processes their sources
                c.execute("UPDATE documents SET pipeline_version=NULL")
            self._meta_set("store_format", STORE_FORMAT)
            c.execute(f"PRAGMA user_version={STORE_VERSION}")

    def _schema_state(self) -> tuple[int, dict[str, list[Column]]]:
        """(user_version, the columns each table lacks); refuses a store from a newer zhengce."""
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version > STORE_VERSION:
            raise StoreError(f"store {self.path} was written by a newer zhengce (store version {version}; "
                             f"this one reads up to {STORE_VERSION}): upgrade zhengce")
        missing = {}
        for t, cols in (("documents", DOC_COLUMNS), ("measures", MEASURE_COLUMNS)):
            have = {r[1] for r in self._conn.execute(f"PRAGMA table_info({t})")}
            missing[t] = [c for c in cols if c.name not in have]
        return version, missing

    # ------------------------------------------------------------ plumbing
    def close(self) -> None:
        """Close the database connection (``with Store(path) as s:`` closes it too)."""
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self):
        """``with store.transaction() as c:`` a write transaction (the connection), rolled back on error."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")

    def _meta_get(self, key: str) -> Optional[str]:
        row = self._conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def _meta_set(self, key: str, value: str) -> None:
        self._conn.execute("INSERT INTO meta(key, value) VALUES(?, ?) "
                           "ON CONFLICT(key) DO UPDATE SET value=excluded.value", (key, value))

    def meta_get(self, key: str) -> Optional[str]:
        """The store's setting ``key`` (a string), or None."""
        return self._meta_get(key)

    def meta_set(self, key: str, value: str) -> None:
        """Set the store's setting ``key`` to ``value``."""
        with self.transaction():
            self._meta_set(key, value)

    @property
    def generation(self) -> int:
        """Bumped by every write that changes documents or measures."""
        return int(self._meta_get("generation") or 0)

    def _bump(self) -> None:
        self._meta_set("generation", str(self.generation + 1))

    # ------------------------------------------------------------- writing
    def source_state(self, source: str) -> Optional[tuple[str, str]]:
        """(raw_hash, pipeline_version) of what is stored for ``source``, or None."""
        row = self._conn.execute("SELECT raw_hash, pipeline_version FROM documents WHERE source=?",
                                 (source,)).fetchone()
        return (row[0], row[1]) if row else None

    def upsert(self, extraction: "Extraction | PreparedRows", *, raw_hash: Optional[str] = None,
               pipeline_version: Optional[str] = None) -> WriteStatus:
        """Write one document and its measures atomically.

        Returns a :class:`WriteStatus`: new, updated, unchanged or duplicate. A document whose
        normalized text equals another source's is kept (so its source is known) with
        ``duplicate_of`` set and no measures, so search never returns the same text twice.
        ``extraction`` may come already flattened by :func:`prepare_rows` (workers do that,
        so the single writer only runs SQL).
        """
        p = extraction if isinstance(extraction, PreparedRows) else prepare_rows(extraction)
        with self.transaction() as c:
            old = c.execute(f"SELECT {_META_SELECT} FROM documents WHERE source=?", (p.source,)).fetchone()
            # unchanged: the same text and the same metadata (an attachment's inherited 文号/date,
            # a sidecar URL can change while the text stays the same)
            if (old and old["content_hash"] == p.content_hash and old["pipeline_version"] == pipeline_version
                    and all(old[k] == v for k, v in p.document.items() if k in old.keys())):
                if raw_hash and old["raw_hash"] != raw_hash:
                    c.execute("UPDATE documents SET raw_hash=? WHERE doc_id=?", (raw_hash, old["doc_id"]))
                return WriteStatus.UNCHANGED
            twin = c.execute("SELECT doc_id FROM documents WHERE content_hash=? AND source<>? "
                             "AND duplicate_of IS NULL LIMIT 1", (p.content_hash, p.source)).fetchone()
            if old:
                c.execute("DELETE FROM documents WHERE doc_id=?", (old["doc_id"],))  # cascades to measures
                if old["content_hash"] != p.content_hash:
                    self._release_duplicates(c, old["doc_id"])
            dup_of = twin["doc_id"] if twin else None
            row = {**p.document, "raw_hash": raw_hash, "pipeline_version": pipeline_version,
                   "duplicate_of": dup_of, "ingested_at": time.time()}
            c.execute(_insert("documents", row), row)
            if dup_of is None and p.measures:
                c.executemany(_insert("measures", p.measures[0]), p.measures)
            c.execute("DELETE FROM failures WHERE source=?", (p.source,))
            self._bump()
            if dup_of is not None:
                return WriteStatus.DUPLICATE
            return WriteStatus.UPDATED if old else WriteStatus.NEW

    @staticmethod
    def _release_duplicates(c, doc_id: str) -> None:
        # Copies of a text that is gone (deleted or changed) lose their primary: clearing their
        # pipeline version makes the next ingest process them in full, as primaries.
        c.execute("UPDATE documents SET duplicate_of=NULL, pipeline_version=NULL WHERE duplicate_of=?", (doc_id,))

    def record_failure(self, source: str, reason: str, detail: str = "") -> None:
        """Record that ``source`` failed to ingest (``reason`` a short code, as IngestError's); replaces an older one."""
        with self.transaction() as c:
            c.execute("INSERT INTO failures(source, reason, detail, at) VALUES(?,?,?,?) "
                      "ON CONFLICT(source) DO UPDATE SET reason=excluded.reason, detail=excluded.detail, "
                      "at=excluded.at", (source, reason, detail, time.time()))

    def forget_failure(self, source: str) -> bool:
        """Drop the recorded failure of ``source`` (its file is gone)."""
        with self.transaction() as c:
            return bool(c.execute("DELETE FROM failures WHERE source=?", (source,)).rowcount)

    def delete_document(self, doc_id: str) -> bool:
        """Delete a document and its measures (its stored copies become documents again); True if it existed."""
        with self.transaction() as c:
            n = c.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,)).rowcount
            if n:
                self._release_duplicates(c, doc_id)
                self._bump()
            return bool(n)

    # ------------------------------------------------------------- reading
    def count(self) -> dict:
        """{documents, duplicates, measures, failures}: how many the store holds (documents: not duplicates)."""
        q = self._conn.execute
        return {
            "documents": q("SELECT count(*) FROM documents WHERE duplicate_of IS NULL").fetchone()[0],
            "duplicates": q("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0],
            "measures": q("SELECT count(*) FROM measures").fetchone()[0],
            "failures": q("SELECT count(*) FROM failures").fetchone()[0],
        }

    def failures(self) -> list[dict]:
        """The files that failed to ingest, each {source, reason, detail}, by source."""
        return [dict(r) for r in self._conn.execute("SELECT source, reason, detail FROM failures ORDER BY source")]

    def duplicates(self) -> list[dict]:
        """Each document kept as a duplicate: its doc_id, the doc_id whose text it repeats, its source."""
        return [dict(r) for r in self._conn.execute(
            "SELECT doc_id, duplicate_of, source FROM documents WHERE duplicate_of IS NOT NULL ORDER BY source")]

    def doc_ids(self, include_duplicates: bool = False) -> list[str]:
        """Every document's id, by source (duplicates too with ``include_duplicates``)."""
        sql = "SELECT doc_id FROM documents" + ("" if include_duplicates else " WHERE duplicate_of IS NULL")
        return [r[0] for r in self._conn.execute(sql + " ORDER BY source")]

    def get_document(self, doc_id: str, *, with_text: bool = True) -> Optional[Document]:
        """The :class:`Document` with this id (metadata, region, text), or None; ``with_text=False`` leaves
        out the texts and offset map (fast)."""
        cols = _DOC_SELECT if with_text else _META_SELECT
        row = self._conn.execute(f"SELECT {cols} FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return _row_to_document(row) if row else None

    def find_document(self, source: str) -> Optional[Document]:
        """The :class:`Document` stored for ``source`` (an absolute path as ``pipeline.source_name`` gives it), or None."""
        row = self._conn.execute(f"SELECT {_DOC_SELECT} FROM documents WHERE source=?", (source,)).fetchone()
        return _row_to_document(row) if row else None

    def documents(self, *, with_text: bool = False, include_duplicates: bool = False) -> list[Document]:
        """Every document as a :class:`Document`, by source: metadata only unless ``with_text``; duplicates
        (reposts of a text another file holds) only with ``include_duplicates``."""
        cols = _DOC_SELECT if with_text else _META_SELECT
        sql = f"SELECT {cols} FROM documents" + ("" if include_duplicates else " WHERE duplicate_of IS NULL")
        return [_row_to_document(r) for r in self._conn.execute(sql + " ORDER BY source")]

    def measures_of(self, doc_id: str) -> list[Measure]:
        """The document's measures (:class:`Measure`, with amounts, deadlines, units…) in text order."""
        rows = self._conn.execute('SELECT * FROM measures WHERE doc_id=? ORDER BY ordinal', (doc_id,))
        return [_row_to_measure(r) for r in rows]

    def get_extraction(self, doc_id: str) -> Optional[Extraction]:
        """The document with its measures, durations and units as an :class:`Extraction` (what ``zhengce
        extract`` prints: ``.to_dict()``), or None."""
        row = self._conn.execute(f"SELECT {_DOC_SELECT} FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        if row is None:
            return None
        return Extraction(_row_to_document(row), self.measures_of(doc_id), **_extras_of(row))

    def measure_ids(self) -> set[int]:
        """The row ids of every stored measure (the index's ids)."""
        return {r[0] for r in self._conn.execute("SELECT rowid FROM measures")}

    def find_measures(self, measure_id: str) -> list[int]:
        """Row ids of the measures with this stable id (one, unless two documents hold the same text)."""
        return [r[0] for r in self._conn.execute("SELECT rowid FROM measures WHERE id=? ORDER BY rowid",
                                                 (measure_id,))]

    def measure_texts(self, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        """{row id: (doc_id, text)} of these measures: a light read for callers that compare texts only."""
        ids = list(ids)
        out: dict[int, tuple[str, str]] = {}
        for i in range(0, len(ids), 900):  # SQLite's bound-parameter limit
            chunk = ids[i:i + 900]
            out.update((r[0], (r[1], r[2])) for r in self._conn.execute(
                f"SELECT rowid, doc_id, text FROM measures WHERE rowid IN ({','.join('?' * len(chunk))})", chunk))
        return out

    def load_measures(self, ids: Iterable[int]) -> list[MeasureRow]:
        """The measures with these row ids as :class:`MeasureRow` (measure + its document's metadata), in
        the order given; ids not stored are left out."""
        ids = list(ids)
        out: list[MeasureRow] = []
        docs: dict[str, Document] = {}
        for i in range(0, len(ids), 900):  # SQLite's bound-parameter limit
            chunk = ids[i:i + 900]
            rows = self._conn.execute(f"SELECT * FROM measures WHERE rowid IN ({','.join('?' * len(chunk))})",
                                      chunk).fetchall()
            out.extend(self._rows(rows, docs))
        order = {r: k for k, r in enumerate(ids)}
        out.sort(key=lambda mr: order[mr.rowid])
        return out

    def iter_measure_rows(self, batch: int = 1000) -> Iterator[MeasureRow]:
        """Every stored measure as a :class:`MeasureRow` (measure + its document's metadata), read ``batch`` at a time."""
        docs: dict[str, Document] = {}
        last = 0
        while True:
            rows = self._conn.execute("SELECT * FROM measures WHERE rowid>? ORDER BY rowid LIMIT ?",
                                      (last, batch)).fetchall()
            if not rows:
                return
            yield from self._rows(rows, docs)
            last = rows[-1]["rowid"]

    def _rows(self, rows, docs: dict[str, Document]) -> list[MeasureRow]:
        out = []
        for r in rows:
            d = docs.get(r["doc_id"])
            if d is None:
                d = docs[r["doc_id"]] = self.get_document(r["doc_id"], with_text=False)
            out.append(MeasureRow(rowid=r["rowid"], measure=_row_to_measure(r), doc=d))
        return out

    # ------------------------------------------------------------- health (zhengce doctor)
    def integrity(self) -> list[str]:
        """Problems SQLite itself can see (``zhengce doctor`` adds the index checks)."""
        problems = []
        res = self.integrity_check()
        if res != ["ok"]:
            problems.append(f"sqlite integrity_check: {'; '.join(res[:5])}")
        orphans = self.orphan_measures()
        if orphans:
            problems.append(f"{orphans} measures without a document")
        return problems

    def integrity_check(self) -> list[str]:
        """SQLite's ``integrity_check`` lines (``["ok"]`` when sound)."""
        return [r[0] for r in self._conn.execute("PRAGMA integrity_check").fetchall()]

    def foreign_key_violations(self) -> int:
        """How many rows break a foreign key (``zhengce doctor``)."""
        return len(self._conn.execute("PRAGMA foreign_key_check").fetchall())

    def orphan_measures(self) -> int:
        """How many measures have no document (``zhengce doctor``)."""
        return self._conn.execute(f"SELECT count(*) {_ORPHANS}").fetchone()[0]

    def delete_orphan_measures(self) -> int:
        """Delete the measures that have no document; how many."""
        with self.transaction() as c:
            n = c.execute("DELETE FROM measures WHERE doc_id NOT IN (SELECT doc_id FROM documents)").rowcount
            self._bump()
        return n

    def released_sources(self) -> set[str]:
        """Sources stored with no pipeline version and no primary: copies whose primary changed or went,
        waiting to be processed as primaries (``_release_duplicates``)."""
        return {r[0] for r in self._conn.execute(
            "SELECT source FROM documents WHERE pipeline_version IS NULL AND duplicate_of IS NULL")}

    def released_without_measures(self) -> list[str]:
        """Released copies (``released_sources``) that hold no measures yet: their text is not searchable."""
        return [r[0] for r in self._conn.execute(
            "SELECT source FROM documents d WHERE pipeline_version IS NULL AND duplicate_of IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM measures m WHERE m.doc_id=d.doc_id) ORDER BY source")]

    def dangling_duplicates(self) -> int:
        """Duplicates whose primary document is gone."""
        return self._conn.execute(f"SELECT count(*) FROM documents d WHERE {_DANGLING}").fetchone()[0]

    def release_dangling_duplicates(self) -> int:
        """Make duplicates whose primary is gone documents again (the next ingest processes them); how many."""
        # pipeline_version NULL: the next ingest re-processes these sources as primaries
        with self.transaction() as c:
            n = c.execute(f"UPDATE documents SET duplicate_of=NULL, pipeline_version=NULL WHERE doc_id IN "
                          f"(SELECT d.doc_id FROM documents d WHERE {_DANGLING})").rowcount
            self._bump()
        return n

    def stale_duplicates(self) -> int:
        """Documents marked duplicate of a document whose text has changed since (so they have no measures)."""
        return self._conn.execute(f"SELECT count(*) {_STALE_DUPS}").fetchone()[0]

    def release_stale_duplicates(self) -> int:
        """Make duplicates of a document whose text changed since documents again (as above); how many."""
        with self.transaction() as c:
            n = c.execute("UPDATE documents SET duplicate_of=NULL, pipeline_version=NULL WHERE doc_id IN "
                          f"(SELECT d.doc_id {_STALE_DUPS})").rowcount
            self._bump()
        return n


_ORPHANS = "FROM measures m LEFT JOIN documents d ON m.doc_id=d.doc_id WHERE d.doc_id IS NULL"
_DANGLING = ("d.duplicate_of IS NOT NULL AND NOT EXISTS "
             "(SELECT 1 FROM documents p WHERE p.doc_id=d.duplicate_of)")
_STALE_DUPS = ("FROM documents d JOIN documents p ON p.doc_id=d.duplicate_of "
               "WHERE d.content_hash <> p.content_hash")
_DOC_SELECT = _names(DOC_COLUMNS)
_META_SELECT = _names([c for c in DOC_COLUMNS if not c.heavy])
_DOC_TYPES = field_types(Document)
_EXTRACTION_TYPES = field_types(Extraction)
_MEASURE_TYPES = field_types(Measure)
_MEASURE_REQUIRED_FIELDS = {f.name for f in fields(Measure) if f.default is MISSING and f.default_factory is MISSING}


def _insert(table: str, row: dict) -> str:
    return f"INSERT INTO {table}({', '.join(_q(k) for k in row)}) VALUES({', '.join(':' + k for k in row)})"


def _value(c: Column, raw, types: dict):
    if raw is None:
        return None
    if c.json:
        return from_plain(types[c.field.rpartition(".")[2]], json.loads(raw))
    if c.sql.startswith("BOOLEAN"):
        return bool(raw)
    return raw


def _row_to_document(row: sqlite3.Row) -> Document:
    """A document from its row; fields whose column was not selected (or is NULL) keep their defaults."""
    keys = set(row.keys())
    doc_kw, region_kw = {}, {}
    for c in DOC_COLUMNS:
        if c.field is None or c.name not in keys or c.field.startswith("extraction."):
            continue
        raw = row[c.name]
        if c.field.startswith("region."):
            region_kw[c.field[7:]] = raw
        elif raw is not None:
            doc_kw[c.field] = _value(c, raw, _DOC_TYPES)
    doc_kw.setdefault("text", "")
    doc_kw.setdefault("original_text", "")
    return Document(region=Region(**region_kw), **doc_kw)


def _extras_of(row: sqlite3.Row) -> dict:
    """Extraction fields stored beside the document (other than document and measures)."""
    keys = set(row.keys())
    return {c.field[11:]: _value(c, row[c.name], _EXTRACTION_TYPES) for c in DOC_COLUMNS
            if c.field and c.field.startswith("extraction.") and c.name in keys and row[c.name] is not None}


def _row_to_measure(r: sqlite3.Row) -> Measure:
    keys = set(r.keys())
    return Measure(**{c.field: _value(c, r[c.name], _MEASURE_TYPES) for c in MEASURE_COLUMNS
                      if c.field is not None and c.name in keys
                      and (r[c.name] is not None or c.field in _MEASURE_REQUIRED_FIELDS)})
