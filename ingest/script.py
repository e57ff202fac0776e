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


def t2s(text: str) -> str:
    """Traditional -> simplified. Character-for-character for the t2s profile."""
    if not text:
        return text
    return _converter().convert(text)
