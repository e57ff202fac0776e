"""A Markdown file (.md) as the plain lines a page's body gives, its markup read by markdown-it-py.

Read as text, ``# 标题`` kept its ``#`` in the title, ``[市科技局](http://…)`` hid a unit in link syntax and
``最高不超过**10万元**`` split a cap from its amount. markdown-it (CommonMark, with tables) parses the file;
each block becomes its lines: a heading's or paragraph's text (a line break in the source stays one),
a list item with its number as written (``1.``; a bullet item without its bullet), a table row as
``| a | b |`` (the form the table readers take), code as written. Links keep their text, images their alt
text; emphasis and code marks go. Raw HTML in the file is kept as text.
"""
from __future__ import annotations

from functools import lru_cache

MD_SUFFIXES = (".md", ".markdown")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def is_markdown(source: str) -> bool:
    return source.lower().endswith(MD_SUFFIXES)


def _inline(children) -> str:
    out = []
    for t in children or ():
        if t.type in ("text", "code_inline", "html_inline"):
            out.append(t.content)
        elif t.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif t.type == "image":
            out.append(t.content)           # the alt text
    return "".join(out)


def to_text(src: str) -> str:
    """The text of Markdown ``src``: one line per heading, paragraph line, list item, table row."""
    lines: list[str] = []
    marker = ""
    row: list[str] | None = None
    for tok in _parser().parse(src):
        kind = tok.type
        if kind == "list_item_open":
            # an ordered item keeps its number as written (1. / 2)); a bullet item its text alone
            marker = f"{tok.info}{tok.markup}" if tok.info else ""
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            lines.append("| " + " | ".join(row) + " |")
            row = None
        elif kind == "inline":
            text = _inline(tok.children)
            if row is not None:
                row.append(" ".join(text.split()))
            else:
                first, *rest = text.split("\n")
                lines.append(marker + first)
                lines.extend(rest)
                marker = ""
        elif kind in ("fence", "code_block", "html_block"):
            lines.extend(tok.content.rstrip("\n").split("\n"))
    return "\n".join(lines)
