"""FAISS inner-product index over L2-normalized vectors, ids = store row ids.

Exact ``IndexIDMap2(IndexFlatIP)`` up to ``FLAT_MAX`` vectors: below that a brute
scan takes a few ms and is exact. Past it the index is rebuilt once as
``IndexIVFScalarQuantizer`` (fp16 codes, inner product; nlist ~ 2*sqrt(n), nprobe
tuned for ~0.95 recall@10 relative to flat), which keeps p50 latency flat as the
store grows and, unlike HNSW, supports ``remove_ids`` for incremental deletes.
"""
from __future__ import annotations

import math
import os

import numpy as np

FLAT_MAX = 50_000          # documented switch point flat -> IVF
TRAIN_PER_LIST = 40        # training vectors sampled per inverted list
NPROBE = 24


def _faiss():
    import faiss
    return faiss


def _omp(n: int) -> None:
    """One query gains nothing from OpenMP threads and loses a lot to their spin-up
    (10k flat search: 0.7 ms on one thread, ~12 ms on two on a busy box); bulk
    work (k-means training, adding) uses all cores."""
    _faiss().omp_set_num_threads(n)


MMAP_MIN_BYTES = 64 * 2 ** 20   # larger index files are memory-mapped for searching


class DenseIndex:
    def __init__(self, dim: int, index=None, path: str | None = None, mapped: bool = False):
        self.dim = dim
        faiss = _faiss()
        self.index = index if index is not None else faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
        self.path, self.mapped = path, mapped

    def writable(self) -> None:
        """A memory-mapped index is read-only: read it fully before the first change."""
        if self.mapped:
            self.index = _faiss().read_index(self.path)
            self.mapped = False

    @property
    def kind(self) -> str:
        return "flat" if isinstance(self.index, _faiss().IndexIDMap2) else "ivf"

    @property
    def ntotal(self) -> int:
        return int(self.index.ntotal)

    def add(self, ids: np.ndarray, vecs: np.ndarray) -> None:
        if len(ids) == 0:
            return
        self.writable()
        vecs = np.ascontiguousarray(vecs, dtype=np.float32)
        ids = np.ascontiguousarray(ids, dtype=np.int64)
        if self.kind == "flat" and self.ntotal + len(ids) > FLAT_MAX:
            self._to_ivf(ids, vecs)
            return
        self.index.add_with_ids(vecs, ids)

    def remove(self, ids: np.ndarray) -> int:
        if len(ids) == 0 or self.ntotal == 0:
            return 0
        self.writable()
        sel = _faiss().IDSelectorBatch(np.ascontiguousarray(ids, dtype=np.int64))
        return int(self.index.remove_ids(sel))

    def _flat_contents(self) -> tuple[np.ndarray, np.ndarray]:
        faiss = _faiss()
        ids = faiss.vector_to_array(self.index.id_map).astype(np.int64)
        vecs = faiss.downcast_index(self.index.index).reconstruct_n(0, self.ntotal)
        return ids, np.ascontiguousarray(vecs, dtype=np.float32).reshape(self.ntotal, self.dim)

    def _to_ivf(self, new_ids: np.ndarray, new_vecs: np.ndarray) -> None:
        old_ids, old_vecs = self._flat_contents() if self.ntotal else (
            np.zeros(0, np.int64), np.zeros((0, self.dim), np.float32))
        ids = np.concatenate([old_ids, new_ids])
        vecs = np.concatenate([old_vecs, new_vecs])
        self.index = build_ivf(vecs, ids, self.dim)

    def search(self, qvec: np.ndarray, k: int, allowed: np.ndarray | None = None
               ) -> tuple[np.ndarray, np.ndarray]:
        """Top ``k`` (ids, scores) for one query vector; ``allowed`` restricts to those ids."""
        if self.ntotal == 0 or k <= 0:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        faiss = _faiss()
        _omp(1)
        q = np.ascontiguousarray(qvec, dtype=np.float32).reshape(1, -1)
        k = min(k, self.ntotal)
        params = None
        if self.kind == "ivf":
            nprobe = NPROBE
            if allowed is not None:
                # a selective filter leaves few candidates per list: probe more lists
                frac = max(len(allowed) / max(self.ntotal, 1), 1e-6)
                nprobe = int(min(self.index.nlist, max(NPROBE, NPROBE / frac)))
            params = faiss.SearchParametersIVF(nprobe=nprobe)
        if allowed is not None:
            if len(allowed) == 0:
                return np.zeros(0, np.int64), np.zeros(0, np.float32)
            sel = faiss.IDSelectorBatch(np.ascontiguousarray(allowed, dtype=np.int64))
            if params is None:
                params = faiss.SearchParameters()
            params.sel = sel
        scores, ids = self.index.search(q, k, params=params) if params is not None else self.index.search(q, k)
        ok = ids[0] >= 0
        return ids[0][ok].astype(np.int64), scores[0][ok].astype(np.float32)

    def save(self, path: str) -> None:
        tmp = f"{path}.tmp"
        _faiss().write_index(self.index, tmp)
        os.replace(tmp, path)
        self.path = path     # the same content: what ``writable`` reads if still mapped

    @classmethod
    def load(cls, path: str, dim: int) -> "DenseIndex":
        """Read an index; past MMAP_MIN_BYTES map it instead (a 1M-measure index opens in ms)."""
        faiss = _faiss()
        if os.path.getsize(path) >= MMAP_MIN_BYTES:
            return cls(dim, faiss.read_index(path, faiss.IO_FLAG_MMAP), path, mapped=True)
        return cls(dim, faiss.read_index(path), path)


def build_ivf(vecs: np.ndarray, ids: np.ndarray, dim: int, nlist: int | None = None):
    """An IVF fp16 inner-product index trained on (a sample of) ``vecs`` and holding them."""
    faiss = _faiss()
    _omp(os.cpu_count() or 1)
    n = len(vecs)
    nlist = nlist or max(64, int(2 * math.sqrt(max(n, 1))))
    quantizer = faiss.IndexFlatIP(dim)
    index = faiss.IndexIVFScalarQuantizer(quantizer, dim, nlist, faiss.ScalarQuantizer.QT_fp16,
                                          faiss.METRIC_INNER_PRODUCT)
    rng = np.random.default_rng(0)
    n_train = TRAIN_PER_LIST * nlist
    train = vecs if n <= n_train else vecs[rng.choice(n, n_train, replace=False)]
    index.train(np.ascontiguousarray(train, dtype=np.float32))
    index.nprobe = NPROBE
    for s in range(0, n, 200_000):
        index.add_with_ids(np.ascontiguousarray(vecs[s:s + 200_000], dtype=np.float32),
                           np.ascontiguousarray(ids[s:s + 200_000], dtype=np.int64))
    return index
