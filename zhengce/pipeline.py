"""Run the stages over files: ingest -> nlp -> store, with one writer.

``process_file`` is the pure stage function (bytes in, Extraction out): the
same function runs in-process, in a worker pool (``workers > 1``) or as a Ray
task, and never touches the store. ``ingest_paths`` is the single writer that
puts results into the store one transaction per document and keeps going past
bad files, recording each failure with its reason.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from . import __version__
from .records import Extraction, IngestError
from .store import Store

# Bump when normalisation or extraction changes output, so re-ingest refreshes stored documents.
PIPELINE_VERSION = f"{__version__}+p1"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass
class FileResult:
    source: str
    raw_hash: Optional[str] = None
    extraction: Optional[Extraction] = None
    error: Optional[tuple[str, str]] = None      # (reason, detail)
    skipped: bool = False                        # unchanged since the last ingest: not processed


@dataclass
class IngestReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicate: int = 0
    failed: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    embedded: Optional[dict] = None

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged + self.duplicate + len(self.failed)

    def to_dict(self) -> dict:
        return {"new": self.new, "updated": self.updated, "unchanged": self.unchanged,
                "duplicate": self.duplicate, "failed": self.failed, "total": self.total,
                "seconds": round(self.seconds, 3), "index": self.embedded}


@lru_cache(maxsize=256)
def _folder_manifest(folder: str) -> dict:
    """``manifest.json`` beside input files: {"documents": [{"file": ..., "url": ...}]}."""
    p = Path(folder) / "manifest.json"
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        return {d["file"]: d.get("url") for d in data.get("documents", []) if isinstance(d, dict) and "file" in d}
    except (OSError, ValueError, AttributeError, TypeError):
        return {}


def sidecar_url(path: Path) -> Optional[str]:
    """The page URL for ``path`` from ``PATH.url`` (one line) or the folder's manifest.json."""
    side = path.with_name(path.name + ".url")
    if side.is_file():
        try:
            return side.read_text(encoding="utf-8").strip() or None
        except (OSError, UnicodeDecodeError):
            return None
    return _folder_manifest(str(path.parent)).get(path.name)


def source_name(path: Union[str, Path]) -> str:
    """The stable identity of an input file: its absolute path, POSIX-style."""
    return Path(path).resolve().as_posix()


def process_bytes(data: bytes, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  url: Optional[str] = None) -> Extraction:
    from .ingest.document import normalize_bytes
    from .nlp.extract import extract

    doc = normalize_bytes(data, source, max_bytes=max_bytes)
    doc.url = url
    return extract(doc)


def process_file(path: Union[str, Path], *, max_bytes: int = DEFAULT_MAX_BYTES,
                 known: Optional[tuple[str, str]] = None) -> FileResult:
    """Read, normalize and extract one file. Never raises for bad input: errors come back in the result.

    ``known`` is the store's (raw_hash, pipeline_version) for this source: when both match,
    the file is reported unchanged without being processed again.
    """
    path = Path(path)
    source = source_name(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(source, "too_large", f"{size} bytes > limit {max_bytes} (change with --max-bytes)")
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except IngestError as e:
        return FileResult(source, error=(e.reason, e.detail))
    except OSError as e:
        return FileResult(source, error=("unreadable", e.strerror or str(e)))
    raw_hash = hashlib.sha256(data).hexdigest()
    if known and known == (raw_hash, PIPELINE_VERSION):
        return FileResult(source, raw_hash=raw_hash, skipped=True)
    try:
        ex = process_bytes(data, source, max_bytes=max_bytes, url=sidecar_url(path))
    except IngestError as e:
        return FileResult(source, raw_hash=raw_hash, error=(e.reason, e.detail))
    except RecursionError:
        return FileResult(source, raw_hash=raw_hash, error=("too_complex", "structure nested too deeply"))
    except Exception as e:  # a bug on one input must not cost the batch; report it precisely
        return FileResult(source, raw_hash=raw_hash, error=("internal_error", f"{type(e).__name__}: {e}"))
    return FileResult(source, raw_hash=raw_hash, extraction=ex)


def _process_task(args: tuple) -> FileResult:
    path, max_bytes, known = args
    return process_file(path, max_bytes=max_bytes, known=known)


class Progress:
    """A one-line progress meter on stderr for long runs (silent when not a terminal unless forced)."""

    def __init__(self, total: int, label: str = "ingest", stream=None, enabled: Optional[bool] = None):
        self.total, self.label, self.done = total, label, 0
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.t0 = self._last = time.monotonic()

    def __call__(self, done: int, total: Optional[int] = None) -> None:
        self.done = done
        if total is not None:
            self.total = total
        now = time.monotonic()
        if self.enabled and (now - self._last > 0.2 or done == self.total):
            self._last = now
            rate = done / max(now - self.t0, 1e-9)
            pct = 100.0 * done / self.total if self.total else 100.0
            self.stream.write(f"\r{self.label}: {done}/{self.total} ({pct:5.1f}%) {rate:7.1f}/s")
            if done == self.total:
                self.stream.write("\n")
            self.stream.flush()


def ingest_paths(store: Store, paths: Iterable[Union[str, Path]], *, workers: int = 1,
                 max_bytes: int = DEFAULT_MAX_BYTES,
                 progress: Optional[Callable[[int, int], None]] = None) -> IngestReport:
    """Ingest files and folders into ``store``. One bad file is reported and skipped."""
    from .ingest.discover import discover

    t0 = time.monotonic()
    report = IngestReport()
    files = list(discover(paths))
    tasks = [(str(p), max_bytes, store.source_state(source_name(p))) for p in files]
    for i, res in enumerate(_run(tasks, workers), 1):
        _write(store, res, report)
        if progress:
            progress(i, len(tasks))
    report.seconds = time.monotonic() - t0
    return report


def _run(tasks: list[tuple], workers: int) -> Iterator[FileResult]:
    if workers <= 1 or len(tasks) < 2:
        for t in tasks:
            yield _process_task(t)
        return
    chunk = max(1, min(32, len(tasks) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_process_task, tasks, chunksize=chunk)


def _write(store: Store, res: FileResult, report: IngestReport) -> None:
    if res.skipped:
        report.unchanged += 1
        return
    if res.error:
        reason, detail = res.error
        store.record_failure(res.source, reason, detail)
        report.failed.append({"source": res.source, "reason": reason, "detail": detail})
        return
    status = store.upsert(res.extraction, raw_hash=res.raw_hash, pipeline_version=PIPELINE_VERSION)
    setattr(report, status, getattr(report, status) + 1)


def default_workers() -> int:
    return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8))
