"""Script conversion (traditional -> simplified) with the OpenCC C++ binding.

The converter is built once per process on first use, never at import time.
``t2s`` is the profile: ``tw2sp`` would rewrite mainland vocabulary (建设 -> 置设).
"""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc  # the C++ binding (package "opencc"), ~75 MB/s

    return opencc.OpenCC("t2s")


# Quotation marks as the mainland writes them: t2s keeps 「」『』, the rules read “” ‘’ (a quoted provision,
# a speaker's frame “…”该负责人表示). One character for one, so offsets stay as they are.
_QUOTES = (("「", "“"), ("」", "”"), ("『", "‘"), ("』", "’"))


def t2s(text: str) -> str:
    """Traditional -> simplified. Character-for-character for the t2s profile; corner quotation marks
    become the mainland's."""
    if not text:
        return text
    out = _converter().convert(text)
    if "「" in out or "『" in out:
        for old, new in _QUOTES:
            out = out.replace(old, new)
    return out
