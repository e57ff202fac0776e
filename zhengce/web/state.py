"""The store and searcher one server process works on, kept in step with the store.

The server may start before anything is ingested, or keep running while
``zhengce ingest`` adds documents in another process. So the store is opened
when its database appears, and the index is read again whenever its manifest
changes (``ingest`` and ``embed`` write it; the server never does). It had synced
the index itself on every store write: during an ingest that stalled requests for
seconds while both processes embedded the same measures, and two writers of one
index could leave the older one on disk. When the index lags the store, the hint
says so. An index that disappears or cannot be read keeps the one already in memory.

Requests read concurrently: each request thread reads SQLite through its own read-only
connection (WAL lets readers run beside each other and beside a writer), and the index
arrays are only read. ``lock`` guards only opening the store and swapping in a new
searcher; a request keeps the searcher it started with. /api/search runs in the desk's search
lane (``lane.py``): one thread, arrival order, queued questions embedded together.
"""
from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path
from typing import Optional

from ..store import DB_NAME, Store
from .lane import SearchLane


class ThreadStores:
    """A read-only Store per thread behind one object: SQLite connections are not shared across threads."""

    def __init__(self, path: Path):
        self._path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Store] = []
        self._get()        # fail now, in the caller, if the store cannot be opened

    def _get(self) -> Store:
        st = getattr(self._local, "store", None)
        if st is None:
            st = Store(self._path, readonly=True)
            self._local.store = st
            with self._lock:
                self._opened.append(st)
        return st

    def __getattr__(self, name):
        return getattr(self._get(), name)

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for st in opened:
            try:
                st.close()
            except Exception:     # a connection made in another thread: closing may be refused
                pass


class Desk:
    def __init__(self, store_path, embedder: Optional[str] = None, warm: bool = True):
        self.path = Path(store_path)
        self.embedder = embedder
        self.warm = warm
        self.lock = threading.RLock()
        self._store: Optional[Store] = None
        self._searcher = None
        self._index_seen: Optional[tuple] = None    # the manifest's stamp the searcher was read at
        self._hint: Optional[tuple[tuple, Optional[int]]] = None   # ((generation, index stamp), _lag): per write
        self.lane = SearchLane()      # where /api/search runs (lane.py says why)
        self._seen: Optional[tuple[tuple, float, int]] = None   # (file stamp, when, generation)

    GENERATION_TTL = 1.0      # seconds a generation read stays good while the store's files look unchanged

    def _stamp(self) -> tuple:
        """Size and mtime of the database and its WAL: any commit changes one of them."""
        out = []
        for name in (DB_NAME, DB_NAME + "-wal"):
            try:
                st = os.stat(self.path / name)
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def generation(self, store: Store) -> int:
        """The store's generation, re-read from SQLite only when its files changed or a second passed:
        a query per request cost the search lane ~10% (two stat calls cost ~2 µs). The second bounds
        how stale it can be should two commits land within one mtime tick at the same WAL size."""
        stamp, now = self._stamp(), time.monotonic()
        seen = self._seen
        if seen is not None and seen[0] == stamp and now - seen[1] < self.GENERATION_TTL:
            return seen[2]
        gen = store.generation
        self._seen = (stamp, now, gen)
        return gen

    def store(self) -> Optional[Store]:
        """The store (each thread reading through its own connection), or None when there is none yet."""
        if self._store is None and (self.path / DB_NAME).is_file():
            with self.lock:
                if self._store is None:
                    self._store = ThreadStores(self.path)
        return self._store

    def _index_stamp(self) -> Optional[tuple]:
        """mtime, size and inode of the index manifest (replaced atomically by every index write)."""
        from ..index.search import MANIFEST

        try:
            st = os.stat(self.path / "index" / MANIFEST)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def searcher(self):
        """The searcher over the index as it is on disk, or None when there is no store yet."""
        store = self.store()
        if store is None:
            return None
        stamp = self._index_stamp()
        if self._searcher is None or stamp != self._index_seen:
            with self.lock:
                if self._searcher is None or stamp != self._index_seen:
                    self._reload(store, stamp)
        return self._searcher

    def _reload(self, store, stamp: Optional[tuple]) -> None:
        from ..index.search import Searcher
        from ..records import ZhengceError

        if stamp is None and self._searcher is not None:
            self._index_seen = None     # the index was removed: answer from the one in memory until a new one
            return
        try:
            self._searcher = Searcher(store, embedder=self.embedder)
        except ZhengceError:
            if self._searcher is None:
                raise               # nothing to answer from: the request says why (503 index_damaged)
            # a damaged or half-written index: keep the one in memory (doctor --repair, or the next write)
        self._index_seen = stamp

    def prime(self, questions: list[str]) -> None:
        """Embed the lane's queued questions in one batch (nothing when there is no index yet)."""
        s = self.searcher()
        if s is not None:
            s.prime(questions)

    def reading(self):
        """The context a request reads in: nothing to hold, readers run side by side (kept as a
        named seam so a handler states it only reads)."""
        return contextlib.nullcontext()

    def warm_up(self) -> None:
        """Load index and embedder now so the first question does not wait for them."""
        s = self.searcher()
        if s is not None and self.warm:
            s.warm(background=False)

    def hint(self) -> Optional[str]:
        """What to do when there is nothing to search (None when the store has measures)."""
        store = self.store()
        if store is None:
            return (f"no zhengce store at {self.path} yet: run `zhengce ingest PATH --store {self.path}` "
                    "(the page picks new documents up without a restart)")
        key = (self.generation(store), self._index_stamp())     # a write to the store or to the index
        cached = self._hint
        if cached is None or cached[0] != key:
            cached = self._hint = (key, self._lag(store))
        lag = cached[1]
        if lag is None:
            return None
        if lag == 0:
            return (f"the store at {self.path} holds no measures yet: run `zhengce ingest PATH --store "
                    f"{self.path}`")
        from ..index.lock import busy_words, index_writer

        # asked on each request while the index lags: an ingest's embed phase starts without a store write
        writer = index_writer(self.path / "index")
        if writer is not None:
            return (f"{lag} of the store's measures are not in the search index yet: {busy_words(writer)} now; "
                    f"they are searchable when it finishes (the page reads the new index without a restart)")
        return (f"{lag} of the store's measures are not in the search index yet: an ingest is running (they are "
                f"indexed when it ends), or ran with --no-embed (run `zhengce embed --store {self.path}`; the page "
                f"reads the new index without a restart)")

    def _lag(self, store) -> Optional[int]:
        """0 when the store holds no measures, else how many the index lacks; None when it lacks none."""
        if store.count()["measures"] == 0:      # four count(*) queries: once per generation, not per request
            return 0
        searcher = self.searcher()
        p = searcher.pending() if searcher is not None else None
        return p["add"] if p is not None and p["add"] else None

    def close(self) -> None:
        self.lane.stop()
        with self.lock:
            if self._store is not None:
                self._store.close()
                self._store = None
                self._searcher = None
