"""The store and searcher one server process works on, kept in step with the store.

The server may start before anything is ingested, or keep running while
``zhengce ingest`` adds documents in another process. So the store is opened
when its database appears, and whenever the store's generation moves the index
is brought in line (``Searcher.sync``, a no-op when ``ingest`` already did it).
One lock serialises the work: SQLite connection and index are shared by the
request threads, and a local desk has one user.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Optional

from ..store import DB_NAME, Store


class Desk:
    def __init__(self, store_path, embedder: Optional[str] = None, warm: bool = True):
        self.path = Path(store_path)
        self.embedder = embedder
        self.warm = warm
        self.lock = threading.RLock()
        self._store: Optional[Store] = None
        self._searcher = None
        self._generation: Optional[int] = None

    # Call under ``self.lock``.
    def store(self) -> Optional[Store]:
        if self._store is None and (self.path / DB_NAME).is_file():
            self._store = Store(self.path, readonly=True)
        return self._store

    def searcher(self):
        """The searcher for the store as it is now, or None when there is no store yet."""
        store = self.store()
        if store is None:
            return None
        gen = store.generation
        if self._searcher is None or gen != self._generation:
            from ..index.search import Searcher

            # Re-read the index from disk (an ingest in another process may have synced it),
            # then sync: a no-op when the index already matches the store.
            searcher = Searcher(store, embedder=self.embedder)
            searcher.sync()
            self._searcher, self._generation = searcher, gen
        return self._searcher

    def warm_up(self) -> None:
        """Load index and embedder now so the first question does not wait for them."""
        with self.lock:
            s = self.searcher()
        if s is not None and self.warm:
            s.warm(background=False)

    def hint(self) -> Optional[str]:
        """What to do when there is nothing to search (None when the store has measures)."""
        store = self.store()
        if store is None:
            return (f"no zhengce store at {self.path} yet: run `zhengce ingest PATH --store {self.path}` "
                    "(the page picks new documents up without a restart)")
        if store.count()["measures"] == 0:
            return (f"the store at {self.path} holds no measures yet: run `zhengce ingest PATH --store "
                    f"{self.path}`")
        return None

    def close(self) -> None:
        with self.lock:
            if self._store is not None:
                self._store.close()
                self._store = None
                self._searcher = None
