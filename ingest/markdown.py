"""A Markdown file (.md) as the plain lines a page's body gives, its markup read by markdown-it-py.

Read as text, ``# 标题`` kept its ``#`` in the title, ``[市科技局](http://…)`` hid a unit in link syntax and
``最高不超过**10万元**`` split a cap from its amount. markdown-it (CommonMark, with tables) parses the file;
each block becomes its lines: a heading's or paragraph's text (a line break in the source stays one),
a list item with its number as written (``1.``; a bullet item without its bullet), a table row as
``| a | b |`` (the form the table readers take), code as written. Links keep their text, images their alt
text; emphasis and code marks go. HTML in the file is read as HTML: a table's rows as ``| a | b |``, other
tags dropped, ``<br>`` a line break. Two CommonMark readings that eat Chinese text are off: a single ``*``
or a run of three or more is a masked character (张*明, 4501**********1234, 面积*单价*30%), not emphasis
(only ``**…**`` is), and ``[注]: 本办法自…起施行`` is a line, not a link reference definition.
"""
from __future__ import annotations

import re

from functools import lru_cache

MD_SUFFIXES = (".md", ".markdown")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt
    return MarkdownIt("commonmark", {"html": True}).enable("table").disable("reference")


# a lone * or a run of three or more: a masked character, kept (escaped before parsing); ** stays bold
_MASK_RE = re.compile(r"(?<!\*)\*(?!\*)|\*{3,}")
_FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")


def _escape_masks(src: str) -> str:
    out, fenced = [], False
    for line in src.split("\n"):
        if _FENCE_RE.match(line):
            fenced = not fenced
        elif not fenced and "*" in line:
            line = _MASK_RE.sub(lambda m: "\\*" * len(m.group()), line)
        out.append(line)
    return "\n".join(out)


def _html_lines(html: str) -> list[str]:
    """An HTML block's text: each table row as ``| a | b |``, the rest line by line."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    lines = []
    for tr in soup.find_all("tr"):
        cells = [" ".join(c.get_text(" ").split()) for c in tr.find_all(["td", "th"])]
        lines.append("| " + " | ".join(cells) + " |")
        tr.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    lines[:0] = [ln.strip() for ln in soup.get_text("\n").split("\n") if ln.strip()]
    return lines


def is_markdown(source: str) -> bool:
    return source.lower().endswith(MD_SUFFIXES)


def _inline(children) -> str:
    out = []
    for t in children or ():
        if t.type in ("text", "code_inline"):
            out.append(t.content)
        elif t.type == "html_inline":
            if t.content.lower().startswith("<br"):
                out.append("\n")          # other inline tags (<span>, <font>) carry no text of their own
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
    for tok in _parser().parse(_escape_masks(src)):
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
        elif kind in ("fence", "code_block"):
            lines.extend(tok.content.rstrip("\n").split("\n"))
        elif kind == "html_block":
            lines.extend(_html_lines(tok.content))
    return "\n".join(lines)
