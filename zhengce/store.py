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
from typing import Iterable, Iterator, NamedTuple, Optional

from .records import (
    Amount, Deadline, Document, Extraction, Measure, MeasureRow, OffsetMap, Region,
    Repair, Target, UnitRef, ZhengceError,
)

DB_NAME = "zhengce.db"
STORE_FORMAT = "1"
DEFAULT_STORE_ENV = "ZHENGCE_STORE"


def default_store_path() -> Path:
    """``$ZHENGCE_STORE`` if set, else ``./zhengce-store`` (relative to the working directory)."""
    return Path(os.environ.get(DEFAULT_STORE_ENV, "zhengce-store"))


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    url TEXT,
    raw_hash TEXT,
    content_hash TEXT NOT NULL,
    pipeline_version TEXT,
    duplicate_of TEXT,
    title TEXT, doc_type TEXT, issuer TEXT, doc_number TEXT, issue_date TEXT,
    province TEXT, city TEXT, district TEXT, level TEXT, region_code TEXT,
    script TEXT, encoding TEXT, masked_count INTEGER,
    byline TEXT, repairs TEXT, offset_map TEXT,
    text TEXT NOT NULL, original_text TEXT NOT NULL,
    ingested_at REAL
);
CREATE INDEX IF NOT EXISTS documents_hash ON documents(content_hash);
CREATE TABLE IF NOT EXISTS measures (
    rowid INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    path TEXT NOT NULL,
    title TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    amounts TEXT NOT NULL, deadlines TEXT NOT NULL, units TEXT NOT NULL, targets TEXT NOT NULL,
    instruments TEXT NOT NULL, instrument_types TEXT NOT NULL,
    has_amount INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS measures_doc ON measures(doc_id);
CREATE TABLE IF NOT EXISTS failures (
    source TEXT PRIMARY KEY, reason TEXT NOT NULL, detail TEXT, at REAL
);
"""

_DOC_COLS = ("doc_id, source, url, raw_hash, content_hash, pipeline_version, duplicate_of, title, doc_type, "
             "issuer, doc_number, issue_date, province, city, district, level, region_code, script, "
             "encoding, masked_count, byline, repairs, offset_map, text, original_text, ingested_at")
_META_COLS = ("doc_id, source, url, title, doc_type, issuer, doc_number, issue_date, province, city, "
              "district, level, region_code, script, encoding, masked_count, byline, content_hash, duplicate_of")


class StoreError(ZhengceError):
    pass


class PreparedRows(NamedTuple):
    """A document flattened into the store's row tuples (cheap to pickle across processes)."""
    doc_id: str
    source: str
    content_hash: str
    document: tuple       # documents columns less raw_hash, pipeline_version, duplicate_of, ingested_at
    measures: list        # measures rows, doc_id first


def prepare_rows(extraction: Extraction) -> PreparedRows:
    """Flatten an extraction into row tuples (JSON already encoded): the writer's work, done anywhere."""
    doc = extraction.document
    if not doc.doc_id or not doc.content_hash:
        raise StoreError(f"{doc.source}: document has no doc_id/content_hash")
    r = doc.region
    document = (doc.doc_id, doc.source, doc.url, doc.content_hash,
                doc.title, doc.doc_type, doc.issuer, doc.doc_number, doc.issue_date,
                r.province, r.city, r.district, r.level, r.code, doc.script, doc.encoding, doc.masked_count,
                _dumps(doc.byline), _dumps([x.to_dict() for x in doc.repairs]), _dumps(doc.offset_map.to_dict()),
                doc.text, doc.original_text)
    measures = [(doc.doc_id, i, m.id, m.kind, _dumps(m.path), m.title, m.text, m.start, m.end,
                 _dumps([a.to_dict() for a in m.amounts]), _dumps([d.to_dict() for d in m.deadlines]),
                 _dumps([u.to_dict() for u in m.units]), _dumps([t.to_dict() for t in m.targets]),
                 _dumps(m.instruments), _dumps(m.instrument_types),
                 int(any(a.value_yuan is not None or a.percent is not None for a in m.amounts)))
                for i, m in enumerate(extraction.measures)]
    return PreparedRows(doc.doc_id, doc.source, doc.content_hash, document, measures)


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class Store:
    """A store directory. Cheap to open; safe for one writer and many readers (WAL)."""

    def __init__(self, path: str | os.PathLike | None = None, *, readonly: bool = False):
        self.path = Path(path) if path is not None else default_store_path()
        self.readonly = readonly
        if readonly:
            if not (self.path / DB_NAME).is_file():
                raise StoreError(f"no zhengce store at {self.path} (run `zhengce ingest PATH --store {self.path}` first)")
        else:
            self.path.mkdir(parents=True, exist_ok=True)
        self.index_dir = self.path / "index"
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
            with self.transaction():
                for stmt in _SCHEMA.split(";"):
                    if stmt.strip():
                        self._conn.execute(stmt)
                fmt = self._meta_get("store_format")
                if fmt is None:
                    self._meta_set("store_format", STORE_FORMAT)
                elif fmt != STORE_FORMAT:
                    raise StoreError(f"store {self.path} has format {fmt}; this zhengce reads format {STORE_FORMAT}")

    # ------------------------------------------------------------ plumbing
    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self):
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
        return self._meta_get(key)

    def meta_set(self, key: str, value: str) -> None:
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
               pipeline_version: Optional[str] = None) -> str:
        """Write one document and its measures atomically.

        Returns ``new`` | ``updated`` | ``unchanged`` | ``duplicate``. A document whose
        normalized text equals another source's is kept (so its source is known) with
        ``duplicate_of`` set and no measures, so search never returns the same text twice.
        ``extraction`` may come already flattened by :func:`prepare_rows` (workers do that,
        so the single writer only runs SQL).
        """
        p = extraction if isinstance(extraction, PreparedRows) else prepare_rows(extraction)
        with self.transaction() as c:
            old = c.execute("SELECT doc_id, content_hash, raw_hash, pipeline_version FROM documents "
                            "WHERE source=?", (p.source,)).fetchone()
            if old and old["content_hash"] == p.content_hash and old["pipeline_version"] == pipeline_version:
                if raw_hash and old["raw_hash"] != raw_hash:
                    c.execute("UPDATE documents SET raw_hash=? WHERE doc_id=?", (raw_hash, old["doc_id"]))
                return "unchanged"
            twin = c.execute("SELECT doc_id FROM documents WHERE content_hash=? AND source<>? "
                             "AND duplicate_of IS NULL LIMIT 1", (p.content_hash, p.source)).fetchone()
            if old:
                c.execute("DELETE FROM documents WHERE doc_id=?", (old["doc_id"],))  # cascades to measures
                if old["content_hash"] != p.content_hash:
                    self._release_duplicates(c, old["doc_id"])
            dup_of = twin["doc_id"] if twin else None
            d = p.document
            c.execute(f"INSERT INTO documents({_DOC_COLS}) VALUES({','.join('?' * 26)})",
                      d[:3] + (raw_hash, d[3], pipeline_version, dup_of) + d[4:] + (time.time(),))
            if dup_of is None:
                c.executemany(
                    'INSERT INTO measures(doc_id, ordinal, id, kind, path, title, text, start, "end", amounts, '
                    "deadlines, units, targets, instruments, instrument_types, has_amount) "
                    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", p.measures)
            c.execute("DELETE FROM failures WHERE source=?", (p.source,))
            self._bump()
            if dup_of is not None:
                return "duplicate"
            return "updated" if old else "new"

    @staticmethod
    def _release_duplicates(c, doc_id: str) -> None:
        # Copies of a text that is gone (deleted or changed) lose their primary: clearing their
        # pipeline version makes the next ingest process them in full, as primaries.
        c.execute("UPDATE documents SET duplicate_of=NULL, pipeline_version=NULL WHERE duplicate_of=?", (doc_id,))

    def record_failure(self, source: str, reason: str, detail: str = "") -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO failures(source, reason, detail, at) VALUES(?,?,?,?) "
                      "ON CONFLICT(source) DO UPDATE SET reason=excluded.reason, detail=excluded.detail, "
                      "at=excluded.at", (source, reason, detail, time.time()))

    def delete_document(self, doc_id: str) -> bool:
        with self.transaction() as c:
            n = c.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,)).rowcount
            if n:
                self._release_duplicates(c, doc_id)
                self._bump()
            return bool(n)

    # ------------------------------------------------------------- reading
    def count(self) -> dict:
        q = self._conn.execute
        return {
            "documents": q("SELECT count(*) FROM documents WHERE duplicate_of IS NULL").fetchone()[0],
            "duplicates": q("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0],
            "measures": q("SELECT count(*) FROM measures").fetchone()[0],
            "failures": q("SELECT count(*) FROM failures").fetchone()[0],
        }

    def failures(self) -> list[dict]:
        return [dict(r) for r in self._conn.execute("SELECT source, reason, detail FROM failures ORDER BY source")]

    def doc_ids(self, include_duplicates: bool = False) -> list[str]:
        sql = "SELECT doc_id FROM documents" + ("" if include_duplicates else " WHERE duplicate_of IS NULL")
        return [r[0] for r in self._conn.execute(sql + " ORDER BY source")]

    def get_document(self, doc_id: str, *, with_text: bool = True) -> Optional[Document]:
        cols = _DOC_COLS if with_text else _META_COLS
        row = self._conn.execute(f"SELECT {cols} FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return _row_to_document(row) if row else None

    def find_document(self, source: str) -> Optional[Document]:
        row = self._conn.execute(f"SELECT {_DOC_COLS} FROM documents WHERE source=?", (source,)).fetchone()
        return _row_to_document(row) if row else None

    def documents(self, *, with_text: bool = False, include_duplicates: bool = False) -> list[Document]:
        cols = _DOC_COLS if with_text else _META_COLS
        sql = f"SELECT {cols} FROM documents" + ("" if include_duplicates else " WHERE duplicate_of IS NULL")
        return [_row_to_document(r) for r in self._conn.execute(sql + " ORDER BY source")]

    def measures_of(self, doc_id: str) -> list[Measure]:
        rows = self._conn.execute('SELECT * FROM measures WHERE doc_id=? ORDER BY ordinal', (doc_id,))
        return [_row_to_measure(r) for r in rows]

    def get_extraction(self, doc_id: str) -> Optional[Extraction]:
        doc = self.get_document(doc_id)
        return Extraction(doc, self.measures_of(doc_id)) if doc else None

    def measure_ids(self) -> set[int]:
        return {r[0] for r in self._conn.execute("SELECT rowid FROM measures")}

    def load_measures(self, ids: Iterable[int]) -> list[MeasureRow]:
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

    def integrity(self) -> list[str]:
        """Problems SQLite itself can see (``zhengce doctor`` adds the index checks)."""
        problems = []
        res = self._conn.execute("PRAGMA integrity_check").fetchone()[0]
        if res != "ok":
            problems.append(f"sqlite integrity_check: {res}")
        orphans = self._conn.execute("SELECT count(*) FROM measures m LEFT JOIN documents d "
                                     "ON m.doc_id=d.doc_id WHERE d.doc_id IS NULL").fetchone()[0]
        if orphans:
            problems.append(f"{orphans} measures without a document")
        return problems


def _row_to_document(row: sqlite3.Row) -> Document:
    keys = row.keys()
    get = lambda k: row[k] if k in keys else None  # noqa: E731
    return Document(
        doc_id=row["doc_id"], source=row["source"], url=get("url"),
        text=get("text") or "", original_text=get("original_text") or "",
        title=row["title"], doc_type=row["doc_type"], issuer=row["issuer"], doc_number=row["doc_number"],
        issue_date=row["issue_date"],
        region=Region(row["province"], row["city"], row["district"], row["level"], row["region_code"]),
        script=row["script"] or "simplified", encoding=row["encoding"], masked_count=row["masked_count"] or 0,
        content_hash=get("content_hash"), byline=json.loads(row["byline"] or "{}"),
        repairs=[Repair(**x) for x in json.loads(get("repairs") or "[]")],
        offset_map=OffsetMap.from_list(json.loads(get("offset_map") or "[[0,0]]")),
    )


def _row_to_measure(r: sqlite3.Row) -> Measure:
    return Measure(
        id=r["id"], kind=r["kind"], path=json.loads(r["path"]), title=r["title"], text=r["text"],
        start=r["start"], end=r["end"],
        amounts=[Amount(**x) for x in json.loads(r["amounts"])],
        deadlines=[Deadline(**x) for x in json.loads(r["deadlines"])],
        units=[UnitRef(**x) for x in json.loads(r["units"])],
        targets=[Target(**x) for x in json.loads(r["targets"])],
        instruments=json.loads(r["instruments"]), instrument_types=json.loads(r["instrument_types"]),
    )
