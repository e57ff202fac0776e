"""Run the stages over files: ingest -> nlp -> store, with one writer.

``process_file`` is the pure stage function (bytes in, Extraction out): the
same function runs in-process, in a worker pool (``workers > 1``) or as a Ray
task, and never touches the store. ``ingest_paths`` is the single writer that
puts results into the store one transaction per document and keeps going past
bad files, recording each failure with its reason.
"""
from __future__ import annotations

import hashlib
import itertools
import os
import re
import signal
import stat
import sys
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple, Optional, Union

from . import __version__
from .ingest.discover import sidecar_url
from .records import Extraction, IngestError
from .store import PreparedRows, Store, WriteStatus, prepare_rows

# Bump when normalisation or extraction changes output, so re-ingest refreshes stored documents.
# p2 (round 19): amount kinds per_unit/other (extraction schema 1.3.0), and every rule since p1.
# p3 (round 20): amount kinds (rates, budgets, reports), former place names, news-source units.
# p4 (round 21): duty lists by body, goal targets, price thresholds, 块/每 readings, cut-copy titles.
# p5 (round 22): six-digit GB/T 2260 region codes, measure units with their full names.
# p6 (round 23): provisions and their kinds decided with the learned model (nlp/resources/kinds.json).
# p7 (round 24): unit roles and names (zone bureaus, receivers, funders), task notes inside their measure,
#     a paper's masthead and byline (date, place, headline), title_year dates (extraction schema 1.5.0).
# p8 (round 25): unit frames (partners, filing up, notices published, general offices), a plan's period in a
#     heading, a scope after a frame clause as a criterion (no schema change: the same fields and roles).
# p9 (round 26): target years (leading years, 今年 plans), the day an action happens (kind on, extraction
#     schema 1.6.0), receivers of a filing, township bodies, levels sharing one portfolio as one unit.
# p10 (round 27): task-line labels, funds and review bodies, plan stages and Chinese-numeral months, statistic and
#     roster periods left out, procedures and restrictions as provisions (no schema change).
# p11 (round 28): headlines under a channel name or over a stamp line, a reprint's 原标题 and a news lead's reported
#     document as titles; a county's short name after its city; a table flattened onto one line (no schema change).
# p12 (round 30): .md files without their markup; 以来 after a day as a start; a section title run into its first
#     sentence; the kind model retrained (no schema change).
# p13 (round 31): validity clauses not written 本… as other; 和 after a body as a conjunction; UTF-16 without a
#     byte-order mark; 东方/阿里 in everyday words no place; a 文号 after a repeated headline; a shorthand listed
#     with the ministries keeps no local level; 满N年后 a condition (no schema change).
# p14 (round 32): Document.issue_date_source (extraction schema 1.8.0); issue dates from 【公布日期】, a table flattened a
#     cell per line (labels with or without a colon), a label-less information table, a signature run into its
#     paragraph or ended with a stop, 答复时间; a related-links header run into a headline ends the body; a county
#     page's call by the county's short name; a named grant (房租…补助, 贴息补助, 培训补贴) no general subsidy and
#     水电费 a site cost; a metric's rate (失业率5.5%) no money percentage; pinyin notes without tones or with several
#     readings removed.
PIPELINE_VERSION = f"{__version__}+p14"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# ---- per-stage bounds (hostile input: every stage is bounded by size or time) ----
# Normalized text longer than this is not a policy document (the longest real ones,
# five-year plans with annexes, run to a few hundred thousand characters); extraction
# is the costliest stage per character, so the bound sits in front of it.
DEFAULT_MAX_CHARS = 1_000_000
# Wall-clock bound on decode+normalize+extract of one file: a backstop for a pattern
# that turns pathological on some input. Enforced with SIGALRM where the stage runs
# in a process's main thread (single process, worker pool, Ray task), else not at all.
DEFAULT_TIME_LIMIT = 60.0
# chunks of files queued per worker process: keeps every worker busy while bounding the
# results held in memory to workers * 4 * 32 documents however far the writer lags
IN_FLIGHT_PER_WORKER = 4


class StageTimeout(BaseException):
    """Raised inside a stage that ran past its time bound (BaseException: no ``except Exception`` eats it)."""


@contextmanager
def time_bound(seconds: Optional[float]):
    """Raise :class:`StageTimeout` in the block after ``seconds`` (no-op off the main thread or on Windows)."""
    if (not seconds or seconds <= 0 or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    def _expired(signum, frame):
        raise StageTimeout()

    old = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@dataclass
class FileResult:
    source: str
    raw_hash: Optional[str] = None
    extraction: Optional[Extraction] = None
    rows: Optional[PreparedRows] = None          # the extraction flattened for the store (from workers)
    error: Optional[tuple[str, str]] = None      # (reason, detail)
    skipped: bool = False                        # unchanged since the last ingest: not processed


@dataclass
class IngestReport:
    """What ``ingest_paths`` did: counts of new, updated, unchanged and duplicate files, ``failed`` (each
    {source, reason, detail}), ``removed`` sources (prune), ``seconds``; ``to_dict()`` is ``ingest --json``."""
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicate: int = 0
    failed: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    embedded: Optional[dict] = None
    removed: list[str] = field(default_factory=list)   # sources ``prune`` took out: their files are gone

    def count(self, status: WriteStatus) -> None:
        """Count one file written with ``status``."""
        if status is WriteStatus.NEW:
            self.new += 1
        elif status is WriteStatus.UPDATED:
            self.updated += 1
        elif status is WriteStatus.UNCHANGED:
            self.unchanged += 1
        elif status is WriteStatus.DUPLICATE:
            self.duplicate += 1
        else:
            raise ValueError(f"unknown write status {status!r}")

    def uncount(self, status: WriteStatus) -> None:
        """Take back one ``count(status)``: a file written twice in one run is counted once, as its last write."""
        name = {WriteStatus.NEW: "new", WriteStatus.UPDATED: "updated", WriteStatus.UNCHANGED: "unchanged",
                WriteStatus.DUPLICATE: "duplicate"}[status]
        setattr(self, name, getattr(self, name) - 1)

    @property
    def total(self) -> int:
        """Files seen: written, unchanged or failed."""
        return self.new + self.updated + self.unchanged + self.duplicate + len(self.failed)

    def to_dict(self) -> dict:
        """The report as ``ingest --json`` prints it."""
        return {"new": self.new, "updated": self.updated, "unchanged": self.unchanged,
                "duplicate": self.duplicate, "failed": self.failed, "total": self.total,
                "removed": self.removed, "seconds": round(self.seconds, 3), "index": self.embedded}


def source_name(path: Union[str, Path]) -> str:
    """The stable identity of an input file: its absolute path, POSIX-style, its folder resolved and
    the file's own name as given — a link is stored as the link (deleting it prunes the document),
    not as the file it points to.

    Bytes of a file name that are not UTF-8 (surrogate escapes in a ``str`` path) are
    written as ``\\xNN``: SQLite and JSON cannot hold lone surrogates.
    """
    p = Path(path)
    try:
        name = (p.parent.resolve() / p.name).as_posix() if p.name not in ("", ".", "..") else p.resolve().as_posix()
    except (OSError, RuntimeError):      # a folder link to itself: name it as given (its read fails and says so)
        name = p.absolute().as_posix()
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


def process_bytes(data: bytes, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  url: Optional[str] = None, max_chars: int = DEFAULT_MAX_CHARS,
                  parent: Optional[Path] = None) -> Extraction:
    """Normalize and extract one file's bytes (``source`` names it) into an :class:`Extraction`; raises
    IngestError for input that is no document (empty, binary, too long…). No store is touched."""
    from .ingest.document import normalize_bytes
    from .nlp.extract import extract

    doc = normalize_bytes(data, source, max_bytes=max_bytes, url=url)
    if max_chars and len(doc.text) > max_chars:
        raise IngestError(source, "too_long", f"{len(doc.text)} characters of text > limit {max_chars}")
    if parent is not None:   # an attachment takes its page's 文号/date before extraction reads the date
        from .ingest.links import link_parent

        link_parent(doc, parent, source_name(parent), max_bytes)
    return extract(doc)


NOT_A_FILE = "not a regular file (pipe, device or socket)"


def process_file(path: Union[str, Path], *, max_bytes: int = DEFAULT_MAX_BYTES,
                 known: Optional[tuple[str, str]] = None, max_chars: int = DEFAULT_MAX_CHARS,
                 time_limit: Optional[float] = DEFAULT_TIME_LIMIT) -> FileResult:
    """Read, normalize and extract one file. Never raises for bad input: errors come back in the result.

    ``known`` is the store's (raw_hash, pipeline_version) for this source: when both match,
    the file is reported unchanged without being processed again. ``max_bytes``,
    ``max_chars`` and ``time_limit`` bound the work one file can cost.
    """
    from .ingest.links import page_digest, parent_page

    path = Path(path)
    source = source_name(path)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            # a FIFO would block open() forever, a device would read without end
            raise IngestError(source, "not_a_file", NOT_A_FILE)
        size = st.st_size
        if size > max_bytes:
            raise IngestError(source, "too_large", f"{size} bytes > limit {max_bytes} (change with --max-bytes)")
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except IngestError as e:
        return FileResult(source, error=(e.reason, e.detail))
    except OSError as e:
        detail = e.strerror or str(e)
        if os.path.islink(path):           # the link is the source; say where it points
            try:
                detail += f" (a link to {os.readlink(path)})"
            except OSError:
                pass
        return FileResult(source, error=("unreadable", detail))
    parent = parent_page(path)
    digest = hashlib.sha256(data)
    if parent is not None:   # an attachment's document also reads its page (inherited 文号/date)
        digest.update(page_digest(parent))
    raw_hash = digest.hexdigest()
    if known and known == (raw_hash, PIPELINE_VERSION):
        return FileResult(source, raw_hash=raw_hash, skipped=True)
    # The stages' modules (hundreds of patterns compiled at import, ~0.2 s) and what they load on first use
    # (OpenCC's dictionaries, the date parser, the kind model, the gazetteer) load before the clock starts:
    # the first file of a fresh worker must not spend its time bound on them, and an import the alarm cut
    # short stayed broken for every later file of the process (ImportError: opencc_clib not found).
    _warm_once()
    try:
        with time_bound(time_limit):
            ex = process_bytes(data, source, max_bytes=max_bytes, url=sidecar_url(path), max_chars=max_chars,
                               parent=parent)
    except StageTimeout:
        return FileResult(source, raw_hash=raw_hash,
                          error=("timeout", f"processing took longer than {time_limit:g}s (change with --time-limit)"))
    except IngestError as e:
        return FileResult(source, raw_hash=raw_hash, error=(e.reason, e.detail))
    except RecursionError:
        return FileResult(source, raw_hash=raw_hash, error=("too_complex", "structure nested too deeply"))
    except Exception as e:  # a bug on one input must not cost the batch; report it precisely
        return FileResult(source, raw_hash=raw_hash, error=("internal_error", f"{type(e).__name__}: {e}"))
    return FileResult(source, raw_hash=raw_hash, extraction=ex)


_WARM_PAGE = ("關於支持眾創空間發展的通知\n各區人民政府：\n一、對經認定的眾創空間給予房租補貼，最高不超過每年10萬元，"
              "由市科技局負責。\n二、請於2024年6月30日前報送市財政局，9月底前完成審核。\n南宁市人民政府办公室\n2024年3月1日\n")
_warmed = False


def _warm_once() -> None:
    """Run every stage once on a small page (traditional script, an amount, dates, units, a place)."""
    global _warmed
    if _warmed:
        return
    _warmed = True
    try:
        process_bytes(_WARM_PAGE.encode("utf-8"), "<warm-up>")
        from .text import _jio_time_parser
        _jio_time_parser()      # the date parser some forms reach (0.2 s to build)
    except Exception:       # a stage that fails here reports itself on the real files
        pass


class Task(NamedTuple):
    """One file to process, with what the store knows of it (pickles small: workers and Ray get these)."""
    path: str
    max_bytes: int = DEFAULT_MAX_BYTES
    known: Optional[tuple[str, str]] = None      # the store's (raw_hash, pipeline_version) for this source
    max_chars: int = DEFAULT_MAX_CHARS
    time_limit: Optional[float] = DEFAULT_TIME_LIMIT


def run_task(task: Task) -> FileResult:
    """The stage function of one task; the same in-process, in a worker pool or as a Ray task."""
    return process_file(task.path, max_bytes=task.max_bytes, known=task.known, max_chars=task.max_chars,
                        time_limit=task.time_limit)


class Progress:
    """Progress of a long step on stderr.

    On a terminal one line is redrawn in place; otherwise (a log, CI, a pipe) a plain line is
    written every ``interval`` seconds and once at the end, so a long run is never silent.
    """

    TTY_INTERVAL = 0.2
    LOG_INTERVAL = 5.0

    def __init__(self, total: int, label: str = "ingest", stream=None, enabled: bool = True,
                 interval: Optional[float] = None):
        self.total, self.label, self.done = total, label, 0
        self.stream = stream or sys.stderr
        self.enabled = enabled
        isatty = getattr(self.stream, "isatty", None)
        self.tty = bool(isatty and isatty())
        self.interval = interval if interval is not None else (self.TTY_INTERVAL if self.tty else self.LOG_INTERVAL)
        self.t0 = self._last = time.monotonic()

    def __call__(self, done: int, total: Optional[int] = None) -> None:
        self.done = done
        if total is not None:
            self.total = total
        now = time.monotonic()
        finished = done >= self.total
        if not self.enabled or (now - self._last < self.interval and not finished):
            return
        if finished and not self.tty and self.total == 0:
            return   # nothing to do: no line
        self._last = now
        rate = done / max(now - self.t0, 1e-9)
        pct = 100.0 * done / self.total if self.total else 100.0
        line = f"{self.label}: {done}/{self.total} ({pct:5.1f}%) {rate:7.1f}/s"
        if self.tty:
            self.stream.write("\r" + line + ("\n" if finished else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def ingest_paths(store: Store, paths: Iterable[Union[str, Path]], *, workers: int = 1,
                 max_bytes: int = DEFAULT_MAX_BYTES,
                 progress: Optional[Callable[[int, int], None]] = None,
                 engine: str = "local", max_chars: int = DEFAULT_MAX_CHARS,
                 time_limit: Optional[float] = DEFAULT_TIME_LIMIT, prune: bool = False) -> IngestReport:
    """Ingest files and folders into ``store``. One bad file is reported and skipped.

    ``engine="local"`` runs the stages here (``workers`` processes); ``engine="ray"`` runs
    them as Ray Data tasks (:func:`zhengce.engines.ingest_with_ray`). Either way this
    process is the only writer. ``prune``: first take out the stored documents under
    ``paths`` whose files are gone (:func:`prune_missing`; a copy of one takes its place).

    ``paths`` is one file or folder (a ``str`` or ``Path``) or a list of them. A path that does not
    exist is a failure of that path in the report (reason ``missing``; not recorded in the store,
    which holds failures of files), unless ``prune`` takes out what was stored under it.
    """
    paths = as_paths(paths)
    removed = []
    missing = [p for p in paths if not os.path.lexists(p)]
    paths = [p for p in paths if os.path.lexists(p)]
    if prune:
        # a folder that was moved or deleted is named to be pruned: nothing under it to ingest
        removed = prune_missing(store, paths + missing)
        # …but a missing name with nothing stored under it is still a mistyped name, said as such
        missing = [p for p in missing if not any(src == r or src.startswith(r.rstrip("/") + "/")
                                                 for src in removed for r in _roots([p]))]
        # a copy elsewhere of a document taken out is the document now: this run processes it
        paths += [os.fsdecode(_source_path(s)) for s in store.released_without_measures()
                  if os.path.exists(_source_path(s))]
    if engine == "ray":
        from .engines import ingest_with_ray

        report = ingest_with_ray(store, paths, max_bytes=max_bytes, progress=progress,
                                 max_chars=max_chars, time_limit=time_limit)
        report.removed = removed
        _report_missing(report, missing)
        return report
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: local or ray")
    t0 = time.monotonic()
    report = IngestReport(removed=removed)
    _report_missing(report, missing)
    tasks = plan_tasks(store, paths, max_bytes=max_bytes, max_chars=max_chars, time_limit=time_limit)
    written: dict[str, Optional[WriteStatus]] = {}
    for i, res in enumerate(_run(tasks, workers), 1):
        written[res.source] = write_result(store, res, report)
        if progress:
            progress(i, len(tasks))
    rewrite_released(store, tasks, written, report)
    report.seconds = time.monotonic() - t0
    return report


def as_paths(paths: Union[str, os.PathLike, Iterable[Union[str, os.PathLike]]]) -> list:
    """``paths`` as a list: one ``str``/``bytes``/``PathLike`` is one path (``list("pages/")`` would be one path
    per character, ``/`` among them: the whole filesystem)."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    try:
        out = [os.fsdecode(p) if isinstance(p, bytes) else p for p in paths]
    except TypeError:
        raise TypeError(f"paths: a file or folder (str or Path) or a list of them, not {type(paths).__name__}") \
            from None
    if any(isinstance(p, (str, os.PathLike)) and not os.fspath(p) for p in out):
        raise ValueError("paths: an empty path names nothing (it would be read as the working folder)")
    return out


def _report_missing(report: IngestReport, missing: list) -> None:
    # a failure in the report, as a file that cannot be read is: a silent total of 0 hid a mistyped name
    for p in missing:
        report.failed.append({"source": source_name(p), "reason": "missing", "detail": "no such file or folder"})


def missing_sources(store: Store, paths: Optional[Iterable[Union[str, Path]]] = None) -> list[tuple[str, str]]:
    """(doc_id, source) of stored documents whose file is gone: deleted, renamed or moved. ``paths``:
    only those at or under these files and folders (default: every source that is a path on this machine)."""
    roots = _roots(as_paths(paths)) if paths is not None else None
    out = []
    for d in store.documents(include_duplicates=True):
        src = d.source or ""
        if "://" in src or not os.path.isabs(src):
            continue        # not a path on this machine (a URL, stdin): nothing to check
        if roots is not None and not any(src == r or src.startswith(r.rstrip("/") + "/") for r in roots):
            continue
        if not os.path.lexists(_source_path(src)):
            out.append((d.doc_id, src))
    return out


def _roots(paths: Iterable[Union[str, Path]]) -> list[str]:
    """Where stored sources under ``paths`` start: the name as ``source_name`` gives it (a file link as
    the link) and the path resolved (a folder link: its files are named through the resolved folder)."""
    out = []
    for p in paths:
        out.append(source_name(p))
        try:
            out.append(Path(p).resolve().as_posix())
        except (OSError, RuntimeError):
            pass
    return list(dict.fromkeys(out))


def _source_path(source: str) -> Union[str, bytes]:
    """The file a source names: ``source_name`` wrote the bytes of a name that is not UTF-8 as ``\\xNN``."""
    if "\\x" not in source:
        return source
    return re.sub(rb"\\x([0-9a-f]{2})", lambda m: bytes([int(m.group(1), 16)]), source.encode("utf-8"))


def prune_missing(store: Store, paths: Iterable[Union[str, Path]]) -> list[str]:
    """Take out the stored documents under ``paths`` whose files are gone; return their sources. A
    stored copy of one is released and becomes the document (the same run processes it)."""
    paths = as_paths(paths)
    gone = missing_sources(store, paths)
    for doc_id, _ in gone:
        store.delete_document(doc_id)
    # a failure recorded for a file that is gone goes too: it would be counted forever
    roots = _roots(paths)
    for f in store.failures():
        src = f["source"] or ""
        if os.path.isabs(src) and any(src == r or src.startswith(r.rstrip("/") + "/") for r in roots) \
                and not os.path.lexists(_source_path(src)):
            store.forget_failure(src)
    return [src for _, src in gone]


def rewrite_released(store: Store, tasks: list[Task], written: dict, report: IngestReport) -> None:
    """Process again, here and now, the files of this run whose stored copy lost its primary during the
    run: a copy of a text that changed (or went) is released with no measures (Store.upsert), and the
    plan made before the run had already marked it unchanged, or written it as a duplicate. Without
    this pass its text stayed unsearchable until some later ingest."""
    released = store.released_sources()
    if not released:
        return
    again = [t._replace(known=None) for t in tasks if source_name(t.path) in released]
    for res in _run(again, 1):
        before = written.get(res.source)
        if before is not None:
            report.uncount(before)
        write_result(store, res, report)


def plan_tasks(store: Store, paths: Iterable[Union[str, Path]], *, max_bytes: int = DEFAULT_MAX_BYTES,
               max_chars: int = DEFAULT_MAX_CHARS, time_limit: Optional[float] = DEFAULT_TIME_LIMIT
               ) -> list[Task]:
    """The files to process, each with what the store knows of it (engines share this)."""
    from .ingest.discover import discover

    return [Task(str(p), max_bytes, store.source_state(source_name(p)), max_chars, time_limit)
            for p in discover(paths)]


def _run(tasks: list[Task], workers: int) -> Iterator[FileResult]:
    if workers <= 1 or len(tasks) < 2:
        for t in tasks:
            yield run_task(t)
        return
    chunk = max(1, min(32, len(tasks) // (workers * 8)))
    chunks = iter([tasks[i:i + chunk] for i in range(0, len(tasks), chunk)])
    # A bounded window of chunks in flight, results in input order: pool.map would queue
    # every result in memory whenever the workers outrun the single writer (many cores).
    window = workers * IN_FLIGHT_PER_WORKER
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = deque(pool.submit(_process_chunk, c) for c in itertools.islice(chunks, window))
        while pending:
            done = pending.popleft().result()
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append(pool.submit(_process_chunk, nxt))
            yield from done


def _process_chunk(tasks: list[Task]) -> list[FileResult]:
    """Worker side: results go back flattened into row tuples, which pickle and write far cheaper."""
    out = []
    for t in tasks:
        res = run_task(t)
        if res.extraction is not None:
            res.rows, res.extraction = prepare_rows(res.extraction), None
        out.append(res)
    return out


def write_result(store: Store, res: FileResult, report: IngestReport) -> Optional[WriteStatus]:
    """The single writer's step for one result: store it (or its failure) and count it in ``report``;
    the status counted (None for a failure)."""
    if res.skipped:
        report.count(WriteStatus.UNCHANGED)
        return WriteStatus.UNCHANGED
    if res.error:
        reason, detail = res.error
        store.record_failure(res.source, reason, detail)
        report.failed.append({"source": res.source, "reason": reason, "detail": detail})
        return None
    status = store.upsert(res.rows or res.extraction, raw_hash=res.raw_hash, pipeline_version=PIPELINE_VERSION)
    report.count(status)
    return status


def default_workers() -> int:
    """Worker processes worth starting here: the usable cores, at most 8."""
    return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8))
