"""Wrap the query's matched words in a hit's text with 【】."""
from __future__ import annotations

import re

_MAX_TERMS = 200


def highlighter(terms: list[str]) -> re.Pattern | None:
    """One alternation regex for the terms, longest first (so 房租补贴 wins over 补贴)."""
    uniq = sorted({t for t in terms if t and len(t) >= 2}, key=len, reverse=True)[:_MAX_TERMS]
    if not uniq:
        return None
    return re.compile("|".join(re.escape(t) for t in uniq), re.IGNORECASE)


def highlight(text: str, pattern: re.Pattern | None) -> str:
    if pattern is None or not text:
        return text
    # merge adjacent matches so 房租补贴 + 标准 reads 【房租补贴标准】 not 【房租补贴】【标准】
    out = pattern.sub(lambda m: f"【{m.group(0)}】", text)
    return out.replace("】【", "")
