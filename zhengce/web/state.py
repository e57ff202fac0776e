"""The store and searcher one server process works on, kept in step with the store.

The server may start before anything is ingested, or keep running while
``zhengce ingest`` adds documents in another process. So the store is opened
when its database appears, the index is re-read whenever its manifest changes
(``ingest`` and ``embed`` write it), and the server brings the index in line itself
only once the store has been quiet for QUIET seconds: an ingest commits document by
document, and syncing on every commit stalled requests for seconds while both
processes embedded the same measures. An index that lags is synced in a background
thread while requests use the one there is; with no index at all the request waits.

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
        self._gen_last: Optional[int] = None        # the store generation last seen
        self._gen_changed_at = float("-inf")        # when it last moved while this server watched
        self._checked_gen: Optional[int] = None     # the generation the index was last checked against
        self._syncing: Optional[threading.Thread] = None
        self._hint: Optional[tuple[tuple, Optional[str]]] = None   # ((generation, index stamp), hint): per write
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

    QUIET = 2.0      # seconds without a store write before the server syncs the index itself

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
        gen, now = self.generation(store), time.monotonic()
        if gen != self._gen_last:
            if self._gen_last is not None:
                self._gen_changed_at = now
            self._gen_last = gen
        self._reload_if_changed(store)
        if self._checked_gen != gen and now - self._gen_changed_at >= self.QUIET and self._bring_in_line(store, gen):
            self._reload_if_changed(store)      # it indexed the store just now: read what it wrote
        return self._searcher

    def _reload_if_changed(self, store) -> None:
        """Read the index again when its manifest changed (or none was read yet)."""
        stamp = self._index_stamp()
        if self._searcher is None or stamp != self._index_seen:
            with self.lock:
                if self._searcher is None or stamp != self._index_seen:
                    from ..index.search import Searcher

                    self._searcher, self._index_seen = Searcher(store, embedder=self.embedder), stamp
                    self._checked_gen = None

    def _bring_in_line(self, store, gen: int) -> bool:
        """Index what the store holds beyond the index: in a background thread while there is an index to
        answer from (True only when it indexed here, for a request that had nothing to search)."""
        with self.lock:
            if self._checked_gen == gen or (self._syncing is not None and self._syncing.is_alive()):
                return False
            p = self._searcher.pending()
            self._checked_gen = gen
            if not (p["add"] or p["remove"]) and p["built"]:
                return False
            if not p["built"]:          # nothing to answer from yet: this request waits for the index
                self._sync(store)
                return True
            self._syncing = threading.Thread(target=self._sync, args=(store,), daemon=True, name="zhengce-index-sync")
            self._syncing.start()
            return False

    def _sync(self, store) -> None:
        """Bring the index on disk in line with the store. It is not swapped in here: the new manifest makes
        the next request read it (so a newer index another process wrote meanwhile is never shadowed)."""
        from ..index.search import Searcher

        try:
            Searcher(store, embedder=self.embedder).sync()
        except Exception:       # a broken index shows up, with its message, on the next request instead
            pass

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
        if cached is not None and cached[0] == key:
            return cached[1]
        hint = None
        if store.count()["measures"] == 0:      # four count(*) queries: once per generation, not per request
            hint = (f"the store at {self.path} holds no measures yet: run `zhengce ingest PATH --store "
                    f"{self.path}`")
        else:
            searcher = self.searcher()
            p = searcher.pending() if searcher is not None else None
            if p is not None and p["add"]:
                hint = (f"{p['add']} of the store's measures are not in the search index yet: an ingest is "
                        f"running (they are indexed when it ends), or ran with --no-embed (the server indexes "
                        f"them once the store is quiet, or run `zhengce embed --store {self.path}`)")
        self._hint = (key, hint)
        return hint

    def close(self) -> None:
        self.lane.stop()
        with self.lock:
            if self._store is not None:
                self._store.close()
                self._store = None
                self._searcher = None
