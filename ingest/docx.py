"""DOCX body -> paragraphs, with python-docx.

The body is read in document order, paragraphs and tables alike (a table row becomes one
line, its cells joined by a space, a merged cell once). Headers and footers live in their
own parts of the package and are never read, so they need no stripping. The zip is
checked before python-docx opens it: python-docx reads every part into memory, and a zip
bomb would otherwise inflate in full.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Optional

from ..records import IngestError
from .docx_numbering import Numbering

MAX_PART_BYTES = 64 * 1024 * 1024       # word/document.xml of the longest real policies is a few MB
MAX_TOTAL_BYTES = 256 * 1024 * 1024     # all parts, images included
MAX_RATIO = 200                         # inflated / compressed, over the whole package

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


@dataclass
class DocxText:
    paragraphs: list[str]
    title: Optional[str] = None   # core properties' title


def check_zip(data: bytes, source: str, *, what: str = "DOCX") -> zipfile.ZipFile:
    """Open a zip package after bounding what it would inflate to (sizes as declared:
    Python's zipfile never returns more than a member's declared size)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise IngestError(source, "broken", f"re-save or re-download it: not a readable {what} "
                                            "(truncated or damaged zip)") from None
    total = sum(i.file_size for i in infos)
    biggest = max((i.file_size for i in infos), default=0)
    if biggest > MAX_PART_BYTES or total > MAX_TOTAL_BYTES or total > MAX_RATIO * max(len(data), 1 << 20):
        raise IngestError(source, "too_large", f"not ingested: {what} inflates to {total >> 20} MB "
                                               f"from {len(data) >> 10} KB (a zip bomb)")
    return zf


def read_docx(data: bytes, source: str) -> DocxText:
    """The body text of a DOCX as paragraphs; raises IngestError with what to do."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    zf = check_zip(data, source)
    if "word/document.xml" not in zf.namelist():
        raise IngestError(source, "broken", "re-save it as .docx: a zip without word/document.xml")
    try:
        d = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, EOFError, OSError) as e:
        raise IngestError(source, "broken", f"re-save it: not a readable DOCX ({type(e).__name__})") from None
    except Exception as e:  # lxml's XMLSyntaxError and the like: a damaged part
        raise IngestError(source, "broken", f"re-save it: damaged DOCX ({type(e).__name__})") from None
    numbering = Numbering(_part_element(d.part, "numbering_part"), _part_element(d, "styles"))
    out: list[str] = []
    for el in _blocks(d.element.body):
        if el.tag == _W + "p":
            _add(out, numbering.label(el) + _text(el))
        elif el.tag == _W + "tbl":
            for tr in el.iter(_W + "tr"):
                cells = [_text(tc) for tc in tr.iterchildren(_W + "tc")]
                _add(out, " ".join(c for c in cells if c))
    title = (d.core_properties.title or "").strip() or None
    return DocxText(out, title)


def _blocks(parent):
    """Paragraphs and tables in order, also those inside content controls (w:sdt) and custom XML."""
    for el in parent.iterchildren():
        if el.tag in (_W + "p", _W + "tbl"):
            yield el
        elif el.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
            yield from _blocks(el)


def _part_element(obj, name: str):
    try:
        return getattr(obj, name).element
    except (NotImplementedError, KeyError, AttributeError):
        return None   # no numbering part: nothing is numbered


def _text(el) -> str:
    """Visible text of a paragraph or cell: runs, tabs and line breaks (w:br) as spaces/newlines;
    paragraphs inside it (cells, text boxes) on lines of their own; a text box once (Word stores
    it twice: DrawingML, and a VML copy under mc:Fallback for old readers)."""
    from lxml import etree

    parts = []
    walk = etree.iterwalk(el, events=("start", "end"))
    for event, node in walk:
        tag = node.tag
        if event == "end":
            if tag == _W + "txbxContent":
                parts.append("\n")
        elif tag == _MC_FALLBACK:
            walk.skip_subtree()
        elif tag == _W + "t":
            parts.append(node.text or "")
        elif tag == _W + "tab":
            parts.append(" ")
        elif tag in (_W + "br", _W + "cr") or (tag == _W + "p" and node is not el):
            parts.append("\n")
    return "".join(parts).strip()


def _add(out: list[str], text: str) -> None:
    out.extend(ln for ln in text.split("\n") if ln.strip())
