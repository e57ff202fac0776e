"""HTML page -> text lines, keeping the block structure a reader sees.

Parsed with lxml (libxml2's forgiving HTML parser, ~10x faster than walking a
BeautifulSoup tree); markup lxml rejects outright is first repaired by
BeautifulSoup. Page chrome that HTML marks as such is
dropped before any text is taken: script/style/nav/header/footer/aside/form/
iframe elements, hidden elements, and elements whose class or id names them as
navigation, breadcrumbs, share widgets, footers, comment boxes, related-news
lists or sidebars. Chinese government CMSs use English and pinyin-initial
names for these (``dqwz`` 当前位置, ``xgxw`` 相关新闻, ``fxd`` 分享), so both are
listed.

Block elements (p, div, li, h1-h6, br ...) end lines. Table rows become one
line each: a row of plain cells is joined with `` | `` so a data table keeps
its rows, while a layout row whose cells hold paragraphs or nested tables is
walked as blocks -- table-layout government pages must not collapse into one
line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from .density import main_span

_DROP_TAGS = frozenset({
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
    "frame", "frameset", "object", "embed", "svg", "canvas", "template", "button", "select",
    "input", "textarea", "head", "title", "meta", "link", "map", "audio", "video",
})
_BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "tbody", "thead", "tfoot", "caption", "section", "article", "main", "blockquote",
    "center", "address", "figure", "figcaption", "hr", "body", "html", "fieldset", "legend",
    "details", "summary",
})
# Elements whose presence inside a table row means the row is layout, not data.
_LAYOUT_MARKERS = ("table", "p", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                   "section", "article", "blockquote", "dl")
_LAYOUT_SET = frozenset(_LAYOUT_MARKERS)
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# libxml2 stops reading at </html>; CMS templates close a header include with one mid-page
# (gov.cn), and browsers read on. End tags of html/body are implied at the end anyway.
_DOC_CLOSER = re.compile(r"</(?:html|body)\s*>", re.I)
# Sentence punctuation counted outside links to find the main text (see density.py).
_PROSE_PUNCT = re.compile(r"[，。；：！？、,;]")

# class/id words that mark chrome. Matched against whole tokens and against the
# parts of tokens split at - and _ ("footer_wrap", "bdshare-btn"), plus prefixes.
_CHROME_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "menus", "submenu", "topmenu", "breadcrumb",
    "breadcrumbs", "crumb", "crumbs", "share", "sharebox", "bdshare", "bshare", "jiathis",
    "footer", "foot", "comment", "comments", "related", "relate", "sidebar", "sidenav",
    "copyright", "toolbar", "topbar", "login", "search", "searchbox", "qrcode", "ewm",
    "advert", "ads", "dqwz", "xgxw", "xgwz", "xgwj", "xglj", "fxd", "fenxiang", "pinglun",
    "wzdt", "location", "position", "print", "guestbook", "friendlink", "yqlj", "hotnews",
    "recommend", "tuijian", "skip", "accessibility", "wza",
})
_CHROME_PREFIXES = ("breadcrumb", "bdshare", "share", "comment", "footer", "sidebar", "navbar",
                    "related", "relate", "copyright", "friendlink", "qrcode")
_TOKEN_SPLIT = re.compile(r"[-_]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# HTML collapses ASCII whitespace only; &nbsp; and ideographic spaces are characters of the
# text (B normalizes them); Unicode line separators must not split a line later.
_WS = re.compile(r"[ \t\r\n\f\v\x1c-\x1f\x85\u2028\u2029]+")
# An element holding most of the page's text is the body, whatever its class says
# ("main has-sidebar"): never drop it on a class/id match.
_GUARD_SHARE = 0.5
_GUARD_MIN_CHARS = 200


@dataclass
class Page:
    """A page read into lines, with where its main text lies."""
    lines: list[str]
    meta: dict
    # per line: -1 above the main text block, 0 inside it, 1 below it (all 0 when none was found)
    zone: list[int] = field(default_factory=list)
    link_share: list[float] = field(default_factory=list)   # per line: share of link characters


def html_to_lines(html: str) -> tuple[list[str], dict]:
    """Return (lines, meta). Lines keep the page's script; empty lines are dropped.

    ``meta`` has ``title`` (the <title> text), ``h1``/``h2`` (visible heading texts, one per line) and
    every ``<meta name|property=K content=V>`` as ``meta[K] = V`` with K exactly as written
    (government CMSs use ``ArticleTitle``, ``PubDate``, ``ContentSource``, ``ColumnName``).
    """
    page = read_page(html)
    return page.lines, page.meta


def read_page(html: str) -> Page:
    """Lines and meta as :func:`html_to_lines`, plus each line's zone and link share."""
    doc = _parse(html)
    if doc is None:
        return Page([], {})
    meta = _meta(doc)
    # the first <body> in document order (//body), found by a walk that stops there
    root = next(doc.iter("body"), None)
    root = doc if root is None else root
    total_chars = _chars(root)
    out = _LineWriter()
    _walk(root, out, total_chars)
    lines = out.lines()
    span = main_span([(0, len(lines))] + out.spans, out.chars, out.links, out.punct)
    n = len(lines)
    zone = [0] * n if span is None else [-1 if i < span[0] else (1 if i >= span[1] else 0) for i in range(n)]
    share = [lk / c if c else 0.0 for lk, c in zip(out.links, out.chars)]
    if any(_CTRL.search(line) for line in lines):   # from char refs such as &#x1F;: not text
        kept = [(c, z, s) for c, z, s in zip((_CTRL.sub("", line).strip() for line in lines), zone, share) if c]
        lines, zone, share = [k[0] for k in kept], [k[1] for k in kept], [k[2] for k in kept]
    return Page(lines, meta, zone, share)


def _parse(html: str):
    html = _DOC_CLOSER.sub("", _XML_DECL.sub("", html, count=1))
    if not html or html.isspace():      # (not html.strip(), without copying the page)
        return None
    try:
        doc = etree.fromstring(html, _PARSER)
        if doc is not None and not _too_deep(_PARSER):
            return doc
        if doc is not None:
            # libxml2 stops at 256 open elements and keeps none of the text; such
            # markup (hostile, or a CMS's thousand unclosed <font>s) is read flat
            return etree.fromstring(_flatten(html), _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        pass
    try:  # markup libxml2 gives up on: let BeautifulSoup repair it, then parse the repair
        from bs4 import BeautifulSoup

        return etree.fromstring(str(BeautifulSoup(html, "lxml")), _PARSER)
    except Exception:  # noqa: BLE001 -- nothing parseable: no lines
        return None


_CTRL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
# [^<>]: an attempt ends at the next "<", so a page of unclosed "<a<a<a..." stays linear
_ANY_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")
_FLAT_KEEP = frozenset({"title", "meta", "html", "head", "body"})
_FLAT_SKIP = frozenset({"script", "style"})


def _too_deep(parser) -> bool:
    return any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


def _flatten(html: str) -> str:
    """The page with every element but title/meta removed and block tags turned into <br>: depth 3.

    One pass over the tags (script/style bodies skipped up to their end tag), linear in the page.
    """
    out: list[str] = []
    pos, skip = 0, None
    for m in _ANY_TAG.finditer(html):
        name, closing = m.group(2).lower(), m.group(1) == "/"
        if skip is not None:
            if closing and name == skip:
                skip, pos = None, m.end()
            continue
        out.append(html[pos:m.start()])
        pos = m.end()
        if name in _FLAT_SKIP and not closing:
            skip = name
        elif name in _FLAT_KEEP:
            out.append(m.group(0))
        elif name in _BLOCK_TAGS or name in ("br", "tr", "td", "th"):
            out.append("<br>")
    if skip is None:
        out.append(html[pos:])
    return "".join(out)


def _text_of(el) -> str:
    return "".join(el.itertext())


_STRING = etree.XPath("string()")
_STRING_LENGTH = etree.XPath("string-length()")   # the same count, without building the string


def _chars(el) -> int:
    """len(_text_of(el)), concatenated in C (the guards ask it of large containers)."""
    return int(_STRING_LENGTH(el))


def _meta(doc) -> dict:
    meta: dict[str, str] = {}
    first_title = next(doc.iter("title"), None)   # //title's first, as a walk that stops there
    if first_title is not None:
        title = _WS.sub(" ", _text_of(first_title)).strip()
        if title:
            meta["title"] = title
    for tag in ("h1", "h2"):
        heads = []
        for h in doc.iter(tag):
            if _is_hidden(h) or any(_is_hidden(a) for a in h.iterancestors()):
                continue
            text = _WS.sub(" ", _text_of(h)).strip()
            if text and len(text) <= 200:
                heads.append(text)
            if len(heads) >= 8:
                break
        if heads:
            meta[tag] = "\n".join(heads)
    for tag in doc.iter("meta"):
        key = tag.get("name") or tag.get("property")
        content = tag.get("content")
        if key and content and key not in meta:
            value = _WS.sub(" ", content).strip()
            if value:
                meta[key] = value
    return meta


class _LineWriter:
    """Accumulates inline text; block boundaries end the current line.

    Per finished line it keeps characters, link characters and punctuation outside links,
    and per block element the range of lines it produced (``spans``), for density.py.
    """

    def __init__(self) -> None:
        self._done: list[str] = []
        self._buf: list[str] = []
        self._link_buf: list[str] = []
        self.in_link = 0
        self.spans: list[tuple[int, int]] = []
        self.chars: list[int] = []
        self.links: list[int] = []
        self.punct: list[int] = []

    def text(self, s: str | None) -> None:
        if s:
            self._buf.append(s)
            if self.in_link:
                self._link_buf.append(s)

    def newline(self) -> None:
        if self._buf:
            raw = "".join(self._buf)
            # most buffers between blocks are the source's indentation: no regex for those
            line = "" if raw.isspace() else _WS.sub(" ", raw).strip()
            if line:
                # (str.split: every whitespace the line's strip() removed, no-break spaces too, so a
                # line's link characters never outnumber its characters)
                link = "".join("".join(self._link_buf).split()) if self._link_buf else ""
                self._add(line, len(link), len(_PROSE_PUNCT.findall(line)) - len(_PROSE_PUNCT.findall(link)))
            self._buf = []
            self._link_buf = []

    def line(self, s: str) -> None:
        self.newline()
        if s:
            self._add(s, 0, len(_PROSE_PUNCT.findall(s)))

    def _add(self, line: str, link_chars: int, punct: int) -> None:
        self._done.append(line)
        self.chars.append(len(line) - line.count(" "))
        self.links.append(link_chars)
        self.punct.append(punct)

    def count(self) -> int:
        return len(self._done)

    def lines(self) -> list[str]:
        self.newline()
        return self._done


def _walk(node, out: _LineWriter, total_chars: int) -> None:
    text = node.text
    if text:
        out.text(text)
    for child in node:
        _element(child, out, total_chars)
        tail = child.tail     # text after a child belongs to this node, kept or not
        if tail:
            out.text(tail)


def _element(child, out: _LineWriter, total_chars: int) -> None:
    name = child.tag
    if not isinstance(name, str):  # comment, processing instruction, entity
        return
    name = name.lower()
    if name in _DROP_TAGS and not _kept_container(child, name, total_chars):
        return
    if child.attrib and (_is_hidden(child) or _is_chrome(child, total_chars)):   # most elements have none
        return
    if name == "br":
        out.newline()
    elif name == "pre":
        out.newline()
        for raw in _text_of(child).splitlines():
            out.line(_WS.sub(" ", raw).strip())
    elif name == "tr":
        _row(child, out, total_chars)
    elif name in _BLOCK_TAGS or name in ("td", "th"):
        out.newline()
        first, slot = out.count(), len(out.spans)
        out.spans.append((first, first))          # placeholder: ancestors precede descendants
        _walk(child, out, total_chars)
        out.newline()
        out.spans[slot] = (first, out.count())
    elif name == "a":
        out.in_link += 1
        _walk(child, out, total_chars)
        out.in_link -= 1
    else:
        _walk(child, out, total_chars)


def _row(tr, out: _LineWriter, total_chars: int) -> None:
    cells = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")
             and not _is_hidden(c) and not _is_chrome(c, total_chars)]
    if len(cells) >= 2 and not _has_layout(tr):
        texts = [_cell_text(c) for c in cells]
        if any(texts):
            out.line(" | ".join(texts).strip())   # an empty first/last cell leaves no edge space
        return
    out.newline()
    _walk(tr, out, total_chars)
    out.newline()


def _has_layout(tr) -> bool:
    return any(isinstance(d.tag, str) and d.tag.lower() in _LAYOUT_SET for d in tr.iterdescendants())


def _cell_text(cell) -> str:
    parts: list[str] = []
    _collect(cell, parts)
    return _WS.sub(" ", "".join(parts)).strip()


def _collect(el, parts: list[str]) -> None:
    if el.text:
        parts.append(el.text)
    for child in el:
        if isinstance(child.tag, str) and child.tag.lower() not in _DROP_TAGS and not _is_hidden(child):
            if child.tag.lower() == "br":
                parts.append(" ")
            _collect(child, parts)
        if child.tail:
            parts.append(child.tail)


def _kept_container(el, name: str, total_chars: int) -> bool:
    """Exceptions to dropping by tag name.

    ASP.NET sites wrap the whole page in one <form>; an HTML5 <header> inside an
    <article> holds the article's title and date line, not site chrome.
    """
    if name == "form":
        return total_chars >= _GUARD_MIN_CHARS and _chars(el) > _GUARD_SHARE * total_chars
    if name == "header":
        return any(a.tag in ("article", "main") for a in el.iterancestors())
    return False


def _is_hidden(el) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style) and bool(_HIDDEN_STYLE.search(style))


def _is_chrome(el, total_chars: int) -> bool:
    cls = el.get("class")
    ident = el.get("id")
    if not cls and not ident:
        return False
    if not _chrome_names(cls, ident):
        return False
    if total_chars >= _GUARD_MIN_CHARS and el.tag not in ("a", "span", "ul", "li"):
        own = _chars(el)
        if own > _GUARD_SHARE * total_chars:
            return False
    return True


@lru_cache(maxsize=8192)
def _chrome_names(cls: str | None, ident: str | None) -> bool:
    """class/id values name chrome (cached: a page repeats the same few class strings)."""
    names = (cls or "").split()
    if ident:
        names.append(ident)
    return any(_chrome_token(n.lower()) for n in names)


def _chrome_token(token: str) -> bool:
    if token in _CHROME_WORDS or token.startswith(_CHROME_PREFIXES):
        return True
    return any(part in _CHROME_WORDS for part in _TOKEN_SPLIT.split(token))
