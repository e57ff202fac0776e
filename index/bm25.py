"""BM25 over jieba tokens, on scipy-style sparse postings (bm25s-like), incremental.

Postings are one CSC matrix (rows = internal positions, columns = terms) holding raw
term frequencies; scores are computed at query time from the few query columns, so
document frequencies and the average length always reflect the live documents and
adds/deletes never force a rescore of the corpus. Deleted rows are masked and
squeezed out by ``compact`` (the owner calls it when the dead share grows).
"""
from __future__ import annotations

import json
import os
from typing import Iterable

import numpy as np

# scipy.sparse is imported where matrices are built, not at import: a cold
# `zhengce search` only reads the arrays and should not pay ~0.15 s for it.


class BM25Index:
    # b below the textbook 0.75: policy measures that bundle several instruments are
    # long, and a strong length penalty buried them (dev set: 0.6 >= 0.75 on every metric)
    def __init__(self, k1: float = 1.2, b: float = 0.6):
        self.k1, self.b = k1, b
        self.vocab: dict[str, int] = {}
        self.indptr = np.zeros(1, dtype=np.int64)      # CSC over (n_rows, n_terms)
        self.indices = np.zeros(0, dtype=np.int32)     # row positions
        self.data = np.zeros(0, dtype=np.float32)      # term frequencies
        self.doclen = np.zeros(0, dtype=np.float32)
        self.alive = np.zeros(0, dtype=bool)
        self._stats: tuple[int, float] | None = None   # (live rows, mean live length), cached
        self._scoring: tuple[np.ndarray, np.ndarray] | None = None   # (impacts, idf): see _score_parts

    # ------------------------------------------------------------ building
    @property
    def n_rows(self) -> int:
        return int(self.doclen.shape[0])

    def term_ids(self, toks: Iterable[str], grow: bool) -> list[int]:
        out = []
        vocab = self.vocab
        for t in toks:
            i = vocab.get(t)
            if i is None and grow:
                i = vocab[t] = len(vocab)
            if i is not None:
                out.append(i)
        return out

    def add(self, token_lists: list[list[str]]) -> None:
        """Append documents as new rows (positions n_rows .. n_rows+len-1)."""
        self.add_term_ids([self.term_ids(toks, grow=True) for toks in token_lists])

    def add_term_ids(self, id_lists: list[list[int]] | tuple[np.ndarray, np.ndarray]) -> None:
        """Append rows given as term-id lists, or as (flat term ids, row lengths) arrays."""
        if isinstance(id_lists, tuple):
            flat, lens = id_lists
            flat = np.asarray(flat, dtype=np.int64)
            lens = np.asarray(lens, dtype=np.int64)
        else:
            lens = np.fromiter((len(x) for x in id_lists), dtype=np.int64, count=len(id_lists))
            flat = np.fromiter((t for x in id_lists for t in x), dtype=np.int64, count=int(lens.sum()))
        n_new = len(lens)
        if n_new == 0:
            return
        import scipy.sparse as sp
        rows = np.repeat(np.arange(n_new, dtype=np.int64), lens)
        n_terms = max(len(self.vocab), int(flat.max()) + 1 if flat.size else 0, self.indptr.size - 1)
        block = sp.csc_matrix((np.ones(flat.size, dtype=np.float32), (rows, flat)),
                              shape=(n_new, n_terms))
        block.sum_duplicates()
        old = self._matrix(n_terms)
        merged = sp.vstack([old, block], format="csc") if self.n_rows else block
        self._set_matrix(merged)
        self.doclen = np.concatenate([self.doclen, lens.astype(np.float32)])
        self.alive = np.concatenate([self.alive, np.ones(n_new, dtype=bool)])
        self._changed()

    def _matrix(self, n_terms: int | None = None):
        import scipy.sparse as sp
        n_cols = self.indptr.size - 1
        indptr = self.indptr
        if n_terms is not None and n_terms > n_cols:
            indptr = np.concatenate([indptr, np.full(n_terms - n_cols, indptr[-1], dtype=np.int64)])
            n_cols = n_terms
        return sp.csc_matrix((self.data, self.indices, indptr), shape=(self.n_rows, n_cols))

    def _set_matrix(self, m) -> None:
        self.indptr = m.indptr.astype(np.int64, copy=False)
        self.indices = m.indices.astype(np.int32, copy=False)
        self.data = m.data.astype(np.float32, copy=False)

    def remove(self, positions: np.ndarray) -> None:
        self.alive[np.asarray(positions, dtype=np.int64)] = False
        self._changed()

    def compact(self, keep: np.ndarray) -> None:
        """Keep only rows where ``keep`` is True (renumbers positions in order)."""
        m = self._matrix()[np.flatnonzero(keep)]
        self._set_matrix(m.tocsc())
        self.doclen = self.doclen[keep]
        self.alive = self.alive[keep]
        self._changed()

    def _changed(self) -> None:
        """Forget what was derived from the rows (their statistics, impacts and idf)."""
        self._stats = None
        self._scoring = None

    def stats(self) -> tuple[int, float]:
        if self._stats is None:
            n = int(self.alive.sum())
            self._stats = (n, float(self.doclen[self.alive].mean()) if n else 1.0)
        return self._stats

    def idf(self, term: str) -> float:
        """BM25 idf of ``term`` over the live rows (0 for an unknown term)."""
        t = self.vocab.get(term)
        if t is None or t >= self.indptr.size - 1:
            return 0.0
        return float(self._score_parts()[1][t])      # (the scores' own idf: one formula)

    # ------------------------------------------------------------ scoring
    def _postings(self, query_tokens: list[str]):
        """(token, lo, hi) of each distinct known query term: its postings are indices/data[lo:hi]."""
        n_cols = self.indptr.size - 1
        seen = set()
        for tok in query_tokens:
            t = self.vocab.get(tok)
            if t is None or t in seen or t >= n_cols:
                continue
            seen.add(t)
            yield tok, self.indptr[t], self.indptr[t + 1]

    def _score_parts(self) -> tuple[np.ndarray, np.ndarray]:
        """(each posting's BM25 impact — tf (k1+1) / (tf + k1 (1 - b + b len/avgdl)), 0 on a removed row —,
        each term's idf over the live rows): derived once per change of the rows, so a query's score is one
        gather and one bincount instead of eight array operations per query term (~18% of a server's CPU
        under 200 concurrent searches went to the per-term arithmetic)."""
        if self._scoring is None:
            n_all, avgdl = self.stats()
            rows, tf = self.indices, self.data
            # in place, float32: one posting-sized temporary beside the result (15M postings: ~120 MB, not ~360)
            denom = self.doclen[rows]
            denom *= np.float32(self.k1 * self.b / (avgdl or 1.0))
            denom += np.float32(self.k1 * (1.0 - self.b))
            denom += tf
            np.maximum(denom, np.float32(1e-9), out=denom)
            impact = tf * np.float32(self.k1 + 1.0)
            impact /= denom
            del denom
            live = self.alive[rows]
            impact[~live] = 0.0
            # df over the live corpus (not the filtered subset: a filter must not change idf); each term's live
            # postings summed where they lie (reduceat reads an empty column's next posting: zeroed after)
            starts, ends = self.indptr[:-1], self.indptr[1:]
            df = np.zeros(len(starts), dtype=np.float64)
            if live.size:
                sums = np.add.reduceat(live.view(np.uint8), np.minimum(starts, live.size - 1), dtype=np.int64)
                df = np.where(ends > starts, sums, 0).astype(np.float64)
            idf = np.where(df > 0, np.log1p((n_all - df + 0.5) / (df + 0.5)), 0.0)
            self._scoring = (impact, idf)
        return self._scoring

    def scores(self, query_tokens: list[str], weights: dict[str, float] | None = None,
               mask: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every row (0 where no term matches, dead or masked out)."""
        n_all, _ = self.stats()
        if n_all == 0:
            return np.zeros(self.n_rows, dtype=np.float32)
        impact, idf = self._score_parts()
        weights = weights or {}
        spans, coef = [], []
        for tok, lo, hi in self._postings(query_tokens):
            c = idf[self.vocab[tok]]
            if c > 0 and hi > lo:
                spans.append((lo, hi))
                coef.append(weights.get(tok, 1.0) * c)
        if not spans:
            return np.zeros(self.n_rows, dtype=np.float32)
        if len(spans) == 1:
            (lo, hi), = spans
            rows, vals = self.indices[lo:hi], impact[lo:hi] * coef[0]
        else:
            rows = np.concatenate([self.indices[lo:hi] for lo, hi in spans])
            vals = np.concatenate([impact[lo:hi] for lo, hi in spans]) \
                * np.repeat(np.asarray(coef), [hi - lo for lo, hi in spans])
        out = np.bincount(rows, weights=vals, minlength=self.n_rows).astype(np.float32)
        if mask is not None:
            out[~mask] = 0.0
        return out

    def group_scores(self, query_tokens: list[str], weights: dict[str, float] | None, group: np.ndarray,
                     n_groups: int, group_len: np.ndarray, b: float = 0.75) -> np.ndarray:
        """BM25 of each group of rows read as one text (``group``: each row's group index, ``n_groups``
        for a row in none, e.g. a removed one; ``group_len``: each group's length in tokens). With
        groups = documents this is the document-level BM25 the hybrid ranking uses as a prior: a
        document that covers every word of the question somewhere beats one whose single measure
        repeats one of them."""
        out = np.zeros(n_groups, dtype=np.float64)
        live = group_len > 0
        n = int(live.sum())
        if n == 0:
            return out
        avg = float(group_len[live].mean()) or 1.0
        norm = self.k1 * (1.0 - b + b * group_len / avg)
        for tok, lo, hi in self._postings(query_tokens):
            if hi == lo:
                continue
            # one pass over the postings; rows in no group fall into the extra last bin
            tf = np.bincount(group[self.indices[lo:hi]], weights=self.data[lo:hi], minlength=n_groups + 1)[:n_groups]
            df = int(np.count_nonzero(tf))
            if df == 0:
                continue
            idf = np.log1p((n - df + 0.5) / (df + 0.5))
            out += (weights or {}).get(tok, 1.0) * idf * tf * (self.k1 + 1.0) / (tf + norm)
        return out

    # ------------------------------------------------------------ persistence
    def save(self, path: str) -> None:
        """Write to ``path`` atomically (tmp file + os.replace)."""
        tmp = f"{path}.tmp"
        with open(tmp, "wb") as f:
            np.savez(f, indptr=self.indptr, indices=self.indices, data=self.data,
                     doclen=self.doclen, alive=self.alive,
                     params=np.array([self.k1, self.b], dtype=np.float64),
                     vocab=np.frombuffer(json.dumps(list(self.vocab), ensure_ascii=False)
                                         .encode("utf-8"), dtype=np.uint8))
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: str) -> "BM25Index":
        with np.load(path, allow_pickle=False) as z:
            k1, b = z["params"].tolist()
            idx = cls(k1, b)
            idx.indptr, idx.indices, idx.data = z["indptr"], z["indices"], z["data"]
            idx.doclen, idx.alive = z["doclen"], z["alive"]
            words = json.loads(z["vocab"].tobytes().decode("utf-8"))
        idx.vocab = {w: i for i, w in enumerate(words)}
        return idx
