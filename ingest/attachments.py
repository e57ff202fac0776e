"""Attachments (附件): which binary kind a file is, and its text as body lines.

:func:`read_attachment` is the one entry ingest calls for non-page files: the kind comes
from the bytes (magic numbers), the suffix only names the legacy format in the hint.
PDF and DOCX are read (:mod:`.pdf`, :mod:`.docx`); legacy Word/WPS, OFD and encrypted
Office files are refused with a one-line reason that says what to do.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import Optional

from ..records import IngestError

ATTACHMENT_SUFFIXES = (".pdf", ".docx", ".doc", ".wps", ".ofd")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SOFFICE = "soffice --headless --convert-to docx FILE"


@dataclass
class AttachmentText:
    kind: str                 # pdf | docx
    lines: list[str]          # paragraphs, in reading order
    title: Optional[str]      # from the file's own properties, often junk ("Microsoft Word - 1.doc")
    pages: Optional[int] = None


def attachment_kind(data: bytes, source: str = "") -> Optional[str]:
    """``pdf``, ``docx``, ``ole``, ``rtf``, ``ofd``, or None for anything else (pages, text, other binaries)."""
    at = data.find(b"%PDF-", 0, 1024)   # writers may put junk before the header; readers allow 1 KB
    if at == 0 or (at > 0 and b"<" not in data[:at]):   # ...but not a page that mentions %PDF-
        return "pdf"
    if data.startswith(_OLE):
        return "ole"
    if data.startswith(b"{\\rtf"):   # offices save RTF under a .doc name; as text it is markup soup
        return "rtf"
    if data.startswith(b"PK\x03\x04"):
        names = set(_zip_names(data))
        suffix = PurePath(source).suffix.lower()
        if "OFD.xml" in names or (not names and suffix == ".ofd"):
            return "ofd"
        if "word/document.xml" in names or (not names and suffix == ".docx"):
            return "docx"     # a .docx that is a broken zip still gets the DOCX reason
    return None


def read_attachment(data: bytes, source: str, kind: str) -> AttachmentText:
    """The body lines of an attachment of ``kind``; raises IngestError with a reason and what to do."""
    suffix = PurePath(source).suffix.lower() or ".doc"
    if kind == "pdf":
        from .pdf import read_pdf

        t = read_pdf(data, source)
        return AttachmentText("pdf", t.paragraphs, t.title, t.pages)
    if kind == "docx":
        from .docx import read_docx

        d = read_docx(data, source)
        return AttachmentText("docx", d.paragraphs, d.title)
    if kind == "rtf":
        raise IngestError(source, "legacy_format",
                          f"convert RTF with LibreOffice: {_SOFFICE.replace('FILE', PurePath(source).name)}")
    if kind == "ole":
        if suffix in (".docx", ".xlsx", ".pptx"):
            raise IngestError(source, "encrypted", f"save it without a password: a password-protected {suffix}")
        if suffix in (".xls", ".et", ".ppt", ".dps"):
            raise IngestError(source, "unsupported_format", f"not a policy text: {suffix} is a spreadsheet or slides")
        raise IngestError(source, "legacy_format",
                          f"convert {suffix} with LibreOffice: {_SOFFICE.replace('FILE', PurePath(source).name)}")
    if kind == "ofd":
        raise IngestError(source, "unsupported_format",
                          "export it to PDF and ingest that (数科OFD阅读器 or ofdrw): no OFD reader here")
    raise IngestError(source, "binary", f"not an attachment kind zhengce reads: {kind}")


def _zip_names(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return zf.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return []
