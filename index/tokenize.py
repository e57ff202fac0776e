"""Jieba tokens for BM25, with the policy vocabulary loaded into a private tokenizer.

The vocabulary (resources/policy_vocab.txt: 众创空间, 创业担保贷款, 首台套 …) goes into a
private ``jieba.Tokenizer`` so the process-wide ``jieba`` stays untouched for other
modules. Search mode (``cut_for_search``) also emits the dictionary words inside a
long word (房租补贴 -> 房租, 补贴, 房租补贴), so 租金补贴 and 房租补贴 still share 补贴.
"""
from __future__ import annotations

import logging
import re
import threading
from importlib import resources

from ..text import CJK

_VOCAB_FILE = "policy_vocab.txt"
_tokenizer = None
_lock = threading.Lock()

# Tokens kept: 2+ Han characters, or a letter/digit run (英文缩写, 2020, 5G).
_KEEP = re.compile(rf"^(?:[{CJK}]{{2,}}|[a-z0-9][a-z0-9+#.\-]*)$")
# Words that carry no topic in questions or policy boilerplate.
STOPWORDS = frozenset("""
哪些 什么 怎么 怎样 如何 多少 是否 有无 有没有 哪个 哪里 那些 这些 这个 那个 一个 我们 你们 他们 以及 或者 并且
而且 但是 因为 所以 如果 对于 关于 按照 根据 通过 进行 开展 实施 相关 有关 其他 其中 同时 以上 以下 之一 各类
给予 政策 规定 规定的 情况 问题 工作 方面 城市 地方 地区 各地 哪儿 提供 享受 可以 应当 不得 可按 按照 之间
""".split())
_ASCII_STOP = frozenset("the a an of for and or to in on by with at from is are which what who how".split())


def _vocab_path() -> str:
    return str(resources.files(__package__).joinpath("resources", _VOCAB_FILE))


def tokenizer():
    """The private jieba tokenizer with the policy vocabulary, built once on first use."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba
                jieba.setLogLevel(logging.WARNING)
                tk = jieba.Tokenizer()
                # load_userdict reads "word freq tag" lines; strip our comment lines first
                with open(_vocab_path(), encoding="utf-8") as f:
                    for line in f:
                        parts = line.split()
                        if not parts or parts[0].startswith("#"):
                            continue
                        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
                        tk.add_word(parts[0], freq, parts[2] if len(parts) > 2 else None)
                _tokenizer = tk
    return _tokenizer


def tokens(text: str, max_chars: int | None = None) -> list[str]:
    """BM25 terms of ``text``: search-mode jieba words, lower-cased, stopwords and 1-char words dropped."""
    if max_chars is not None:
        text = text[:max_chars]
    out = []
    for w in tokenizer().cut_for_search(text.lower(), HMM=True):
        if _KEEP.match(w) and w not in STOPWORDS and w not in _ASCII_STOP:
            out.append(w)
    return out


def vocabulary() -> list[str]:
    """The policy words loaded into the tokenizer (for highlighting and tests)."""
    words = []
    with open(_vocab_path(), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if parts and not parts[0].startswith("#"):
                words.append(parts[0])
    return words
