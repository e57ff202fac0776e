"""One writer of a store's search index at a time, across processes.

``zhengce ingest`` (its embed phase), ``zhengce embed``, ``zhengce index --rebuild`` and the library's
``Searcher.sync``/``save`` hold ``STORE/index.lock`` while they write the index (a thread that holds it already
re-enters: a command around a library call; another thread of the process waits or is refused as another
process would be). Two syncs at once had each embedded every new measure (the work done twice, the
last manifest winning), and a search during an ingest's embed phase advised running that second ``embed``.
Now ``embed`` or a rebuild started meanwhile says who holds the lock and stops, an ingest waits for it, and
a search behind the store says the index is being written.

The lock is an advisory ``flock``, released by the kernel when its process ends: a killed ingest leaves no
stale lock. Where there is no ``fcntl`` (Windows) nothing is locked, as before.
"""
from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path
from typing import Callable, Iterator, Optional

from ..errors import IndexBusy

try:
    import fcntl
except ImportError:         # Windows
    fcntl = None

LOCK_NAME = "index.lock"    # beside the index folder, not in it: doctor counts unknown files there as leftovers
PROBE_GRACE_S = 0.5         # a reader's probe holds the lock shared for microseconds: a writer retries this long
# Locks this process holds, by (lock file, thread): a holder that calls ``Searcher.sync`` (which takes the lock
# itself, for library callers) re-enters rather than waiting on its own flock, which a second descriptor would do.
_HELD: dict[tuple[str, int], int] = {}


def lock_path(index_dir) -> Path:
    return Path(index_dir).with_name(LOCK_NAME)


def busy_words(pid: int) -> str:
    """Who holds the lock, for a message."""
    if pid and pid == os.getpid():
        return "another thread of this process is writing the search index"
    return f"another process ({f'pid {pid}: ' if pid else ''}an ingest, embed, index rebuild, doctor --repair or a " \
           f"library sync) is writing the search index"


def index_writer(index_dir) -> Optional[int]:
    """The pid of the process writing this index now (0 when it has not written it yet), else None."""
    if fcntl is None:
        return None
    try:
        fd = os.open(lock_path(index_dir), os.O_RDONLY)
    except OSError:
        return None         # no lock file: nothing has written the index since
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _pid(fd)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


@contextlib.contextmanager
def index_lock(index_dir, *, wait: bool, on_wait: Optional[Callable[[int], None]] = None) -> Iterator[None]:
    """Hold the index's write lock for the block. When another process holds it: with ``wait``, call
    ``on_wait(pid)`` and wait for it; else raise :class:`IndexBusy` naming it."""
    if fcntl is None:
        yield
        return
    path = lock_path(index_dir)
    key = (os.path.abspath(path), threading.get_ident())
    if key in _HELD:                        # this thread holds it already (a command around a library call)
        _HELD[key] += 1
        try:
            yield
        finally:
            _HELD[key] -= 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _try_lock(fd):
            pid = _pid(fd)
            if not wait:
                raise IndexBusy(f"{busy_words(pid)} of {path.parent} now; nothing done: the measures it indexes "
                                f"are searchable when it finishes")
            if on_wait is not None:
                on_wait(pid)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)     # named in the others' messages
        _HELD[key] = 1
        try:
            yield
        finally:
            del _HELD[key]
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)        # releases the lock


def _try_lock(fd: int) -> bool:
    end = time.monotonic() + PROBE_GRACE_S
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= end:
                return False
            time.sleep(0.02)


def _pid(fd: int) -> int:
    data = os.pread(fd, 32, 0).strip()
    return int(data) if data.isdigit() else 0
