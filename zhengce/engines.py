"""Run the ingest stages on a distributed engine: Ray Data.

The stage function is the same :func:`zhengce.pipeline.process_file` the local
engine runs; Ray only decides where it runs. Files are planned here (what the store
already holds decides which are skipped), mapped as Ray Data tasks, and the results
stream back in input order to this process, which stays the store's only writer --
so the store's one-transaction-per-document guarantee, duplicate detection and
kill-safety are exactly those of a local ingest.

On a cluster (``RAY_ADDRESS=ray://head:10001`` or ``address=``) the input paths must
be readable under the same names on every worker (a shared filesystem: NFS, Lustre,
a mounted bucket); the store stays on the driver.

Embedding, the costly step, is what a cluster takes over: :func:`embed_with_ray` runs
the index sync of :class:`zhengce.index.search.Searcher` with its encoder replaced by a
pool of Ray actors (one model each), so vectors are computed across the cluster while
the index files are still written by this one process.
"""
from __future__ import annotations

import logging
import os
import pickle
import time
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

import numpy as np

from .pipeline import (
    DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, DEFAULT_TIME_LIMIT, FileResult, IngestReport, plan_tasks, rewrite_released,
    run_task, write_result,
)
from .records import ZhengceError
from .store import Store

__all__ = ["ingest_with_ray", "embed_with_ray", "RayEmbedder", "ray_available", "ensure_ray"]

# tasks per Ray Data block: small enough to spread a few thousand files over every
# CPU, large enough that per-task overhead (~ms) stays below the work (~5 ms/file)
FILES_PER_BLOCK = 32


def ray_available() -> bool:
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError:
        return False
    return True


def ensure_ray(address: Optional[str] = None, num_cpus: Optional[int] = None) -> bool:
    """Connect to Ray, starting a local instance when none runs. True when this call started it."""
    try:
        import ray
    except ImportError as e:
        raise ZhengceError("the ray engine needs Ray: pip install 'zhengce[ray]' (ray[data])") from e
    if ray.is_initialized():
        return False
    address = address or os.environ.get("RAY_ADDRESS")
    kw: dict = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.WARNING,
                "configure_logging": True}
    if address:
        ray.init(address=address, **kw)
    else:
        ray.init(num_cpus=num_cpus or _local_cpus(), **kw)
    return True


def _local_cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _ray_map(row: dict) -> dict:
    """One Ray Data row -> the pickled FileResult (Arrow cannot hold the dataclass itself)."""
    task = pickle.loads(row["task"])
    return {"result": pickle.dumps(run_task(task), protocol=pickle.HIGHEST_PROTOCOL)}


def ingest_with_ray(store: Store, paths: Iterable[Union[str, Path]], *, max_bytes: int = DEFAULT_MAX_BYTES,
                    progress: Optional[Callable[[int, int], None]] = None,
                    max_chars: int = DEFAULT_MAX_CHARS, time_limit: Optional[float] = DEFAULT_TIME_LIMIT,
                    address: Optional[str] = None, num_cpus: Optional[int] = None,
                    files_per_block: int = FILES_PER_BLOCK) -> IngestReport:
    """Ingest like :func:`zhengce.pipeline.ingest_paths`, with the stages as Ray Data map tasks.

    Uses the running Ray (``ray.init`` done by the caller), else ``address`` /
    ``$RAY_ADDRESS``, else starts a local instance with ``num_cpus`` (default: this
    machine's) and shuts it down afterwards.
    """
    t0 = time.monotonic()
    report = IngestReport()
    tasks = plan_tasks(store, paths, max_bytes=max_bytes, max_chars=max_chars, time_limit=time_limit)
    if not tasks:
        report.seconds = time.monotonic() - t0
        return report
    started = ensure_ray(address, num_cpus)
    try:
        import ray
        import ray.data

        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True   # same duplicate winners as a local ingest
        ctx.enable_progress_bars = False
        logging.getLogger("ray.data").setLevel(logging.WARNING)   # no per-dataset INFO lines on the console
        items = [{"task": pickle.dumps(t, protocol=pickle.HIGHEST_PROTOCOL)} for t in tasks]
        blocks = max(1, min(len(items), -(-len(items) // files_per_block)))
        ds = ray.data.from_items(items, override_num_blocks=blocks).map(_ray_map)
        written = {}
        for i, row in enumerate(ds.iter_rows(), 1):
            res: FileResult = pickle.loads(row["result"])
            written[res.source] = write_result(store, res, report)
            if progress:
                progress(i, len(tasks))
        rewrite_released(store, tasks, written, report)
    finally:
        if started:
            import ray

            ray.shutdown()
    report.seconds = time.monotonic() - t0
    return report


# ------------------------------------------------------------------ embedding on Ray
# texts per actor call: large enough to amortise the round trip, small enough to spread
# one sync batch (512 texts) over several actors
EMBED_CHUNK = 128


class _EmbedActor:
    def __init__(self, name: str):
        from .index.embed import get_embedder

        self.emb = get_embedder(name)
        getattr(self.emb, "warm", lambda: None)()

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.emb.encode(texts)


class RayEmbedder:
    """An embedder with the interface of :mod:`zhengce.index.embed` whose ``encode`` runs on Ray actors."""

    def __init__(self, name: str, actors: Optional[int] = None, chunk: int = EMBED_CHUNK):
        import ray

        from .index.embed import get_embedder

        local = get_embedder(name)
        self.name = local.name
        self._dim = getattr(type(local), "dim", None)
        self._dim = self._dim if isinstance(self._dim, int) else None
        self.chunk = chunk
        n = actors or max(1, int(ray.available_resources().get("CPU", 1)))
        cls = ray.remote(num_cpus=1)(_EmbedActor)
        self.actors = [cls.remote(self.name) for _ in range(n)]
        self._next = 0

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._dim = int(self.encode(["维度"]).shape[1])
        return self._dim

    def encode(self, texts: list[str]) -> np.ndarray:
        import ray

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        futures = []
        for s in range(0, len(texts), self.chunk):
            actor = self.actors[self._next % len(self.actors)]
            self._next += 1
            futures.append(actor.encode.remote(list(texts[s:s + self.chunk])))
        return np.vstack(ray.get(futures)).astype(np.float32, copy=False)


def embed_with_ray(store: Store, embedder: Optional[str] = None, *, address: Optional[str] = None,
                   num_cpus: Optional[int] = None, actors: Optional[int] = None,
                   progress: Optional[Callable[[int, int], None]] = None) -> dict:
    """``zhengce embed`` with the vectors computed by Ray actors; returns ``Searcher.sync``'s summary."""
    from .index.lock import index_lock
    from .index.search import Searcher

    with index_lock(store.index_dir, wait=False):     # as `zhengce embed`: another writer's work is not repeated
        started = ensure_ray(address, num_cpus)
        try:
            searcher = Searcher(store, embedder=embedder)
            remote = RayEmbedder(searcher.embedder_name, actors=actors)

            class _RaySearcher(type(searcher)):
                embedder = property(lambda self: remote)

            searcher.__class__ = _RaySearcher   # the sync logic stays the index's own; only encoding moves
            info = searcher.sync(progress=progress)
            info["engine"] = f"ray ({len(remote.actors)} actors)"
            return info
        finally:
            if started:
                import ray

                ray.shutdown()
