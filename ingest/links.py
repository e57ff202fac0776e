"""An attachment's page: the page in the same folder that links it, or that shares its stem.

Saved sites keep a notice page and its 附件 side by side (``notice.html`` links
``P020190315.pdf`` by href), so the folder is the unit: its pages are read once per process
for their links. The attachment then takes from its page the citation fields it lacks
(:func:`inherit`): a PDF of the policy text often has no 文号 or date of its own.
"""
from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional
from urllib.parse import unquote_to_bytes

from ..records import Document, IngestError
from .attachments import ATTACHMENT_SUFFIXES
from .decode import decode_bytes

PAGE_SUFFIXES = (".html", ".htm", ".shtml")
INHERITED_FIELDS = ("issuer", "doc_number", "issue_date")
_MAX_PAGE_BYTES = 4 * 1024 * 1024
_MAX_PAGES_SCANNED = 5000   # a folder of a whole site: link by stem only past this
_LINK = re.compile(rb"""(?:href|src)\s*=\s*(?:"([^"]{1,2000})"|'([^']{1,2000})'|([^\s>'"]{1,2000}))""", re.I)


def parent_page(path: Path) -> Optional[Path]:
    """The page that links attachment ``path`` by a relative href (a page in its folder or the
    folder above: ``files/附件1.pdf``), else a page beside it linking its file name (absolute
    URLs), else the page beside it with the same stem."""
    if path.suffix.lower() not in ATTACHMENT_SUFFIXES:
        return None
    target = os.path.normpath(str(path))
    names, paths, pages = _folder_links(str(path.parent))
    hit = paths.get(target) or _folder_links(str(path.parent.parent))[1].get(target) or names.get(path.name.lower())
    if hit is not None:
        return hit
    for suffix in PAGE_SUFFIXES:
        for p in pages:
            if p.stem == path.stem and p.suffix.lower() == suffix:
                return p
    return None


def inherit(doc: Document, page: Document) -> None:
    """Fill the attachment's missing citation fields from its page and record which."""
    doc.parent = page.source
    for name in INHERITED_FIELDS:
        if getattr(doc, name) is None and getattr(page, name) is not None:
            setattr(doc, name, getattr(page, name))
            doc.inherited.append(name)
            if name == "issue_date":
                doc.issue_date_source = page.issue_date_source     # (the page's date says where it was read)
    if doc.region.level is None and page.region.level is not None:
        doc.region = page.region
        doc.inherited.append("region")


def link_parent(doc: Document, page_path: Path, page_source: str, max_bytes: int) -> None:
    """Read the page's metadata and :func:`inherit` from it; a page that cannot be read only links."""
    from .document import page_metadata

    try:
        with open(page_path, "rb") as f:
            data = f.read(max_bytes + 1)
        page = page_metadata(data, page_source, max_bytes=max_bytes)
    except (OSError, IngestError):
        doc.parent = page_source
        return
    inherit(doc, page)


def page_digest(page: Path) -> bytes:
    """Hash of the page's bytes: part of its attachment's input (a changed page re-reads the attachment)."""
    try:
        with open(page, "rb") as f:
            return hashlib.sha256(f.read(_MAX_PAGE_BYTES)).digest()
    except OSError:
        return b""


@lru_cache(maxsize=64)
def _folder_links(folder: str) -> tuple[dict[str, Path], dict[str, Path], list[Path]]:
    """For the pages of ``folder``: {linked file name (lowercased): first page linking it},
    {path a relative href points to: first page linking it}, and the pages, sorted."""
    try:
        pages = sorted(Path(e.path) for e in os.scandir(folder)
                       if e.is_file() and e.name.lower().endswith(PAGE_SUFFIXES) and not e.name.startswith("."))
    except OSError:
        return {}, {}, []
    names: dict[str, Path] = {}
    paths: dict[str, Path] = {}
    for page in pages[:_MAX_PAGES_SCANNED]:
        try:
            with open(page, "rb") as f:
                data = f.read(_MAX_PAGE_BYTES)
        except OSError:
            continue
        codec = None            # the page's encoding, worked out only for a href with raw non-ASCII bytes
        for m in _LINK.finditer(data):
            raw = m.group(1) or m.group(2) or m.group(3)
            if codec is None and not raw.isascii():
                codec = _page_codec(data)
            href = _href_path(raw, codec or "gb18030")
            name = href.rstrip("/").rsplit("/", 1)[-1] if href else ""
            if "." not in name:
                continue
            names.setdefault(name.lower(), page)
            if "://" not in href and not href.startswith("/"):
                paths.setdefault(os.path.normpath(os.path.join(folder, href)), page)
    return names, paths, pages


def _page_codec(data: bytes) -> str:
    """The codec a page's raw href bytes are in: the page's own (a Big5 page links 附件1.docx in Big5)."""
    if data.isascii():
        return "utf-8"
    try:
        enc = decode_bytes(data, max_bytes=0).encoding
    except IngestError:
        return "gb18030"
    return {"ascii": "utf-8"}.get(enc, enc)


def _href_path(href: bytes, page_codec: str = "gb18030") -> Optional[str]:
    raw = unquote_to_bytes(href.split(b"?", 1)[0].split(b"#", 1)[0].replace(b"\\", b"/").strip())
    # names are percent-encoded UTF-8, or raw bytes in the page's encoding
    for codec in dict.fromkeys(("utf-8", page_codec, "gb18030")):
        try:
            return raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return None
