"""Weighted score fusion of the BM25 and dense rankings, weighted by query language.

On policy text BM25 is far better than USE dense retrieval for Chinese questions,
and plain reciprocal-rank fusion drags the Chinese results below BM25 alone. For
English questions BM25 runs on glossary-expanded Chinese terms and dense carries
what the glossary misses. So BM25 is normalised by the query's best BM25 score,
dense cosine is mapped through a fixed range (USE cosines are comparable across
queries; min-max over the candidate list would inflate weak dense lists), and the
two are mixed with per-language weights. On the dev query set (bench/score_search.py)
the Chinese weight plateau was 0.8-0.9 for BM25 and the English one 0.5-0.7; the
defaults sit in the middle of each plateau, not on its best point.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Weights:
    bm25: float
    dense: float


WEIGHTS = {"zh": Weights(bm25=0.85, dense=0.15), "en": Weights(bm25=0.6, dense=0.4)}
# cosine -> [0, 1]: at or below DENSE_LO counts as no similarity, DENSE_HI and above as full
DENSE_LO, DENSE_HI = 0.2, 0.7
# Dense similarity below which a candidate with no keyword match is not a hit at all
# (USE cosine of unrelated Chinese policy sentences sits around 0.1-0.3).
DENSE_FLOOR = 0.30
# When no query word matches any measure, dense similarity alone must be this high.
# USE scores gibberish against policy text at 0.3-0.46 ("qwzxqv" 0.37, "xyz123" 0.46,
# "12345" 0.45), the same range as the best hit of real but badly matched questions, so
# below this a keyword-less query returns nothing rather than confident-looking noise.
DENSE_ALONE_FLOOR = 0.50


def normalize_bm25(scores: np.ndarray) -> np.ndarray:
    top = float(scores.max()) if scores.size else 0.0
    return scores / top if top > 0 else np.zeros_like(scores)


def normalize_dense(scores: np.ndarray) -> np.ndarray:
    return np.clip((scores - DENSE_LO) / (DENSE_HI - DENSE_LO), 0.0, 1.0).astype(np.float32)


def fuse(bm25: np.ndarray, dense: np.ndarray, dense_known: np.ndarray, lang: str,
         weights: dict[str, Weights] | None = None) -> np.ndarray:
    """Fused scores for aligned candidate arrays.

    ``bm25``: exact BM25 for every candidate; ``dense``: cosine where ``dense_known``
    (the candidate was in the dense top N), else ignored.
    """
    w = (weights or WEIGHTS)[lang]
    nb = normalize_bm25(bm25)
    nd = np.zeros_like(bm25, dtype=np.float32)
    if dense_known.any():
        nd[dense_known] = normalize_dense(dense[dense_known])
    return (w.bm25 * nb + w.dense * nd).astype(np.float32)
