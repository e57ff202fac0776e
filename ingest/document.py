"""Compose ingest: bytes -> decoded -> body -> normalized -> metadata + region -> Document."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePath
from typing import Callable, Optional, Union

from ..records import Document, IngestError, Region
from .attachments import attachment_kind, read_attachment
from .boilerplate import extract_body
from .decode import DEFAULT_MAX_BYTES, Decoded, decode_bytes
from .discover import SUFFIXES
from .markdown import is_markdown, to_text
from .metadata import PAGE_DATE_SOURCES, extract_metadata
from .normalize import normalize
from .place_evidence import site_region
from .region import resolve_region

# Fewer CJK characters than this in the body: not a policy text at all.
MIN_CJK = 50
_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# data and archives, not pages (an explicit file is read whatever its suffix: .jsp/.asp/.php pages are pages)
_DATA_SUFFIXES = frozenset((".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".parquet", ".feather", ".dta", ".sav",
                            ".db", ".sqlite", ".zip", ".gz", ".bz2", ".xz", ".7z", ".rar", ".tar"))


def _cjk_at_least(text: str, n: int) -> bool:
    """At least ``n`` characters of _CJK_RE in ``text``: counted by runs, stopping at ``n``."""
    seen = 0
    for m in _CJK_RUN.finditer(text):
        if seen >= n:
            break
        seen += m.end() - m.start()
    return seen >= n


def _compose(body_lines: list[str], byline: dict, html_meta: dict, source: str,
             encoding: Optional[str], min_cjk: int = MIN_CJK, site: Optional[Region] = None) -> Document:
    original = "\n".join(body_lines)
    if not _cjk_at_least(original, min_cjk):
        raise IngestError(source, "not_policy", f"fewer than {MIN_CJK} Chinese characters in the body")
    norm = normalize(original)
    md = extract_metadata(norm.text, byline, html_meta)
    region = resolve_region(issuer=md.issuer, title=md.title, text=norm.text, doc_number=md.doc_number,
                            site=site)
    repairs = sorted(norm.repairs + md.repairs, key=lambda r: (r.start, r.end))
    return Document(
        source=source, text=norm.text, original_text=original,
        title=md.title, doc_type=md.doc_type, inner_doc_type=md.inner_doc_type, issuer=md.issuer, doc_number=md.doc_number,
        issue_date=md.issue_date, issue_date_source=md.issue_date_source and (
            "page" if md.issue_date_source in PAGE_DATE_SOURCES else "document"), region=region, script=norm.script, repairs=repairs,
        masked_count=norm.masked_count, encoding=encoding, suspect_spans=norm.suspects,
        content_hash=hashlib.sha256(norm.text.encode("utf-8")).hexdigest(),
        byline=dict(byline), offset_map=norm.offset_map,
        doc_id=hashlib.sha256(source.encode("utf-8")).hexdigest()[:16],
    )


def normalize_bytes(data: bytes, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
                    is_html: Optional[bool] = None, url: Optional[str] = None) -> Document:
    """Raw page or attachment bytes -> Document; raises IngestError (empty/binary/too_large/undecodable/
    not_policy, and for attachments no_text_layer/encrypted/legacy_format/broken ...).
    ``url``: where the page came from, when known; a government host is evidence of its place."""
    kind = attachment_kind(data, source) if is_html is None else None
    suffix = PurePath(source).suffix.lower()
    if not kind and suffix in _DATA_SUFFIXES and is_html is None:
        # named on the command line (folders skip them): a data file is no page, and read as text its keys
        # and braces became the body (a PDF or DOCX under such a name is read by what its bytes are)
        raise IngestError(source, "unsupported_format",
                          f"not a policy text: {suffix} holds data; zhengce reads {', '.join(SUFFIXES)}")
    if kind:
        if max_bytes and len(data) > max_bytes:
            raise IngestError(source, "too_large", f"{len(data)} bytes > limit {max_bytes}")
        att = read_attachment(data, source, kind)
        # the file's own title property only as a fallback, like a page's <title>
        doc = _compose(att.lines, {}, {"title": att.title} if att.title else {}, source, att.kind,
                       site=site_region(url))
    else:
        decoded = _unmarked(decode_bytes(data, source, max_bytes=max_bytes, is_html=is_html), source)
        body, html_meta = extract_body(decoded.text, decoded.is_html)
        doc = _compose(body.lines, body.byline, html_meta, source, decoded.encoding,
                       site=site_region(url, decoded.text))
    doc.url = url
    return doc


def page_metadata(data: bytes, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """A page read for its metadata only, however short its body: a notice page whose body is
    one line (附件：….pdf) is no policy text, but its title, issuer, 文号 and date are the attachment's."""
    decoded = _unmarked(decode_bytes(data, source, max_bytes=max_bytes), source)
    body, html_meta = extract_body(decoded.text, decoded.is_html)
    return _compose(body.lines or [""], body.byline, html_meta, source, decoded.encoding, min_cjk=0)


def _unmarked(decoded: Decoded, source: str) -> Decoded:
    """A Markdown file's text without its markup (``markdown.py`` says why); a page saved as .md stays a page."""
    if decoded.is_html or not is_markdown(source):
        return decoded
    return Decoded(text=to_text(decoded.text), encoding=decoded.encoding, is_html=False)


def normalize_text(text: str, source: str = "<text>", *, is_html: bool = False) -> Document:
    """Already-decoded text (a dump or an HTML string) -> Document."""
    if not text or not text.strip():
        raise IngestError(source, "empty", "no content")
    body, html_meta = extract_body(text, is_html)
    return _compose(body.lines, body.byline, html_meta, source, None)


def normalize_file(path: Union[str, Path], *, max_bytes: int = DEFAULT_MAX_BYTES,
                   name: Optional[Callable[[Path], str]] = None) -> Document:
    """Read a file and normalize it; OSError becomes IngestError(reason="unreadable").
    An attachment found with its page is linked to it, as in the pipeline (:mod:`.links`).
    ``name``: how a file is named as a source (its doc_id derives from it; the pipeline's ``source_name``),
    for the file and its page alike; default the path as given."""
    name = name or str
    from .discover import sidecar_url
    from .links import link_parent, parent_page

    p = Path(path)
    try:
        size = p.stat().st_size
        if max_bytes and size > max_bytes:
            raise IngestError(str(path), "too_large", f"{size} bytes > limit {max_bytes}")
        with open(p, "rb") as f:        # a pipe or a device has no size: read at most one byte past the limit
            data = f.read(max_bytes + 1) if max_bytes else f.read()
        if max_bytes and len(data) > max_bytes:
            raise IngestError(str(path), "too_large", f"more than {max_bytes} bytes (limit)")
    except OSError as e:
        raise IngestError(str(path), "unreadable", str(e)) from e
    doc = normalize_bytes(data, name(p), max_bytes=max_bytes, url=sidecar_url(p))
    parent = parent_page(p)
    if parent is not None:
        link_parent(doc, parent, name(parent), max_bytes)
    return doc
