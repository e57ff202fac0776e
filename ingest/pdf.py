"""PDF text layer -> paragraphs, with pdfminer.six.

pdfminer.six was chosen over pypdf and pdfplumber (``bench/attachments.py``): it is the
one of the three whose layout analysis puts a two-column page in reading order (pypdf
and pdfplumber interleave the columns line by line), and it gives every line its box,
which the paragraph and header/footer rules below need. It is slower than pypdf, and
its layout analysis is quadratic on pages of scattered fragments: past 4,000 characters a
page's lines are made here from its characters instead.

What comes out is a list of paragraphs: the lines of a paragraph wrapped by the PDF are
joined again (a wrapped ``50`` / ``万元`` would break extraction), a paragraph never runs
over a page break unless the page's last line is full and the next page's first line is
not indented, and lines repeated at the top or bottom of most pages (running heads, the
issuer's footer) and page numbers (``— 3 —``, ``第3页 共9页``) are dropped.

Every failure is an :class:`IngestError` whose detail says what to do.
"""
from __future__ import annotations

import io
import logging
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import Iterator, Optional

from ..records import IngestError
from ..text import CJK

# A policy PDF runs to a few hundred pages; past this it is a scan archive or hostile.
MAX_PAGES = 2000
# Any single stream inflating past this is a decompression bomb (pdfminer inflates
# streams whole, in memory, with no bound of its own).
MAX_STREAM_BYTES = 64 * 1024 * 1024
# Characters on one page past which pdfminer's layout analysis (quadratic where fragments are
# dense) is skipped and lines are made from the characters (see _aggregator, _char_rows).
MAX_FLOW_CHARS = 4000   # a dense A4 page of body text holds about 1,500
# Stop reading once this much text is out: the pipeline refuses longer texts anyway.
MAX_CHARS = 1_000_000

_STREAM = re.compile(rb"stream\r?\n")
_ENDSTREAM = b"endstream"
# glyphs without a Unicode value: pdfminer writes (cid:N), or a control character
_CID = re.compile(r"\(cid:\d+\)|[\x00-\x08\x0b-\x1f\x7f\ufffd]")
_CJK = f"\u3000-\u303f{CJK}\uff00-\uffef"   # CJK text with its punctuation and full-width forms
# pdfminer inserts a space wherever glyphs sit apart (justified or letter-spaced CJK lines)
_CJK_SPACE = re.compile(f"(?<=[{_CJK}]) +(?=[{_CJK}])")
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–_·.]*(?:第\s*)?[0-9０-９]{1,4}(?:\s*页)?(?:\s*[/／]\s*[0-9]{1,4}|\s*共\s*[0-9]{1,4}\s*页)?[\s\-—–_·.]*$"
    r"|^[\s\-—–]*(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?[\s\-—–]*$", re.I)
_ENDS_PARAGRAPH = "。！？；：!?;:"
_STARTS_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|第[一二三四五六七八九十百\d]+[条章节])")

for _name in ("pdfminer", "pdfminer.pdfpage", "pdfminer.pdfinterp", "pdfminer.converter", "pdfminer.pdfdocument"):
    logging.getLogger(_name).setLevel(logging.ERROR)  # damaged files warn per object


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float          # character height: the unit for "short line" and "indented"
    lead_space: bool = False   # the line began with spaces (a first-line indent typed as 　　)
    left: float = 0.0    # edges of the line's column: lines of the page starting near its x0
    right: float = 0.0
    column_lines: int = 1


@dataclass
class PdfText:
    paragraphs: list[str]
    pages: int
    title: Optional[str] = None   # the document information dictionary's /Title


def read_pdf(data: bytes, source: str, *, max_pages: int = MAX_PAGES) -> PdfText:
    """The text layer of a PDF as paragraphs; raises IngestError with what to do."""
    from pdfminer.layout import LTChar, LTFigure, LTImage, LTTextBox, LTTextLineHorizontal
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser, PDFSyntaxError
    from pdfminer.psparser import PSException

    if b"%%EOF" not in data[-4096:]:
        raise IngestError(source, "truncated", "download it again: the PDF ends before %%EOF (cut off)")
    _check_inflation(data, source)
    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise IngestError(source, "encrypted",
                          "remove the password: qpdf --decrypt --password=PW in.pdf out.pdf") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, zlib.error) as e:
        raise IngestError(source, "broken", f"re-save or re-download it: not a readable PDF ({type(e).__name__})") from None
    declared = _declared_pages(doc)
    if declared > max_pages:
        raise IngestError(source, "too_many_pages",
                          f"split it (qpdf --split-pages): {declared} pages > limit {max_pages}")

    rsrc = PDFResourceManager(caching=True)
    device = _aggregator(rsrc)
    interp = PDFPageInterpreter(rsrc, device)
    pages: list[list[_Line]] = []
    images = chars = cids = scanned = 0
    try:
        for page in PDFPage.create_pages(doc):
            if len(pages) >= max_pages:   # the page tree may lie about /Count
                raise IngestError(source, "too_many_pages", f"split it (qpdf --split-pages): more than {max_pages} pages")
            interp.process_page(page)
            layout = device.get_result()
            lines: list[_Line] = []
            found: list = []     # text lines (analysed page) or characters (dense page)
            stack = list(layout)[::-1]
            while stack:   # in reading order, also inside figures
                el = stack.pop()
                if isinstance(el, LTImage):
                    images += 1
                if isinstance(el, LTFigure):
                    stack.extend(list(el)[::-1])
                elif isinstance(el, LTTextBox):
                    found.extend(ln for ln in el if isinstance(ln, LTTextLineHorizontal))
                elif isinstance(el, LTChar):
                    found.append(el)
            for raw, x0, x1, y0, y1, h in (_char_rows(found) if device.dense else
                                           ((ln.get_text(), ln.x0, ln.x1, ln.y0, ln.y1, ln.height) for ln in found)):
                cids += len(_CID.findall(raw))
                text = _CJK_SPACE.sub("", _CID.sub("", raw)).strip()
                if text:
                    lines.append(_Line(text, x0, x1, y0, y1, max(h, 1.0), raw[:1] in ("\u3000", " ")))
                    chars += len(text)
            if not lines and any(isinstance(el, (LTImage, LTFigure)) for el in layout):
                scanned += 1
            pages.append(lines)
            if chars > MAX_CHARS:
                break
    except IngestError:
        raise
    except (PDFEncryptionError, PDFPasswordIncorrect):
        raise IngestError(source, "encrypted", "remove the password: qpdf --decrypt --password=PW in.pdf out.pdf") from None
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError, zlib.error) as e:
        raise IngestError(source, "broken", f"re-save or re-download it: damaged on page {len(pages) + 1} "
                                            f"({type(e).__name__})") from None
    if not pages:
        raise IngestError(source, "broken", "re-save or re-download it: the PDF has no pages")
    if chars == 0:
        why = "glyphs without Unicode" if cids else "scanned" if images else "no readable text"
        raise IngestError(source, "no_text_layer",
                          f"OCR it first (ocrmypdf -l chi_sim in.pdf out.pdf): {len(pages)} page(s), {why}")
    if 2 * scanned > len(pages):   # most pages are images: what the text layer holds is not the document
        raise IngestError(source, "no_text_layer",
                          f"OCR it first (ocrmypdf -l chi_sim --skip-text in.pdf out.pdf): "
                          f"{scanned} of {len(pages)} pages are scans")
    if cids > chars:
        raise IngestError(source, "no_text_layer",
                          f"OCR it first (ocrmypdf -l chi_sim --force-ocr in.pdf out.pdf): {cids} glyphs have no Unicode")
    _strip_running_lines(pages)
    for lines in pages:
        _mark_columns(lines)
    return PdfText(_paragraphs(pages), len(pages), _info_title(doc))


def _aggregator(rsrc):
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTChar

    # line_margin 1.0, not 0.5: at office line spacing (16 pt type on 28 pt lines: a 0.75-line gap)
    # the default splits every line into a box of its own, and a two-column page then
    # comes out interleaved line by line. all_texts: a page drawn as a form XObject (page
    # imposition, stamping tools) holds all its text in a figure, which is otherwise not analysed
    layout = LAParams(line_margin=1.0, all_texts=True)
    # pdfminer's grouping of characters into lines and boxes is quadratic where fragments are
    # dense and scattered (8,000 on one page: minutes). Past MAX_FLOW_CHARS characters a page
    # is not analysed; _char_rows makes its lines (columns are then not kept apart).

    class Aggregator(PDFPageAggregator):
        dense = False

        def end_page(self, page):
            n = sum(1 for o in self.cur_item if isinstance(o, LTChar))
            self.dense = n > MAX_FLOW_CHARS
            self.laparams = None if self.dense else layout
            super().end_page(page)

    return Aggregator(rsrc, laparams=layout)


def _char_rows(chars: list) -> Iterator[tuple[str, float, float, float, float, float]]:
    """Lines of a dense page from its characters, top to bottom, in O(n log n): a row is the
    characters whose baselines lie within half a character of each other, cut where a gap
    is wider than two characters."""
    chars = sorted(chars, key=lambda c: (-c.y0, c.x0))
    row: list = []
    for c in chars + [None]:
        if row and (c is None or abs(c.y0 - row[0].y0) > 0.5 * max(row[0].height, 1.0)):
            row.sort(key=lambda o: o.x0)
            seg = [row[0]]
            for o in row[1:] + [None]:
                if o is None or o.x0 - seg[-1].x1 > 2 * max(seg[-1].width, 1.0):
                    yield ("".join(x.get_text() for x in seg), seg[0].x0, seg[-1].x1,
                           min(x.y0 for x in seg), max(x.y1 for x in seg), max(x.height for x in seg))
                    seg = []
                if o is not None:
                    seg.append(o)
            row = []
        if c is not None:
            row.append(c)


def _check_inflation(data: bytes, source: str) -> None:
    """Refuse a file with a Flate stream inflating past MAX_STREAM_BYTES, without holding it."""
    for m in _STREAM.finditer(data):
        end = data.find(_ENDSTREAM, m.end())
        if end < 0:
            break
        d = zlib.decompressobj()
        buf, out = data[m.end():end], 0
        try:
            while buf:
                out += len(d.decompress(buf, 1 << 20))
                buf = d.unconsumed_tail
                if out > MAX_STREAM_BYTES:
                    raise IngestError(source, "too_large", f"not ingested: a stream inflates past {MAX_STREAM_BYTES >> 20} MB "
                                                           "(a decompression bomb)")
        except zlib.error:
            continue   # not Flate (images, fonts in other filters): pdfminer copes or fails on its own


def _declared_pages(doc) -> int:
    from pdfminer.pdftypes import resolve1

    try:
        return int(resolve1(resolve1(doc.catalog.get("Pages")).get("Count", 0)))
    except Exception:  # a broken page tree is found when the pages are read
        return 0


def _info_title(doc) -> Optional[str]:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    for info in doc.info or ():
        t = resolve1(info.get("Title")) if isinstance(info, dict) else None
        if isinstance(t, bytes):
            t = decode_text(t)
        if isinstance(t, str) and t.strip():
            return t.strip()
    return None


def _key(text: str) -> str:
    # a running head/foot differs from page to page only in its numbers
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _strip_running_lines(pages: list[list[_Line]], band: int = 2) -> None:
    """Drop page numbers and lines repeated in the top/bottom ``band`` lines of most pages."""
    edges: list[tuple[set[int], set[int]]] = []
    counts: Counter = Counter()
    for lines in pages:
        by_y = sorted(range(len(lines)), key=lambda i: -lines[i].y1)
        top, bottom = set(by_y[:band]), set(by_y[-band:])
        edges.append((top, bottom))
        for where, idx in (("t", top), ("b", bottom)):
            for k in {_key(lines[i].text) for i in idx}:
                counts[where, k] += 1
    need = max(2, (len(pages) + 1) // 2)
    for p, lines in enumerate(pages):
        top, bottom = edges[p]
        drop = set()
        for where, idx in (("t", top), ("b", bottom)):
            for i in idx:
                if _PAGE_NUMBER.match(lines[i].text) or (len(pages) > 1 and counts[where, _key(lines[i].text)] >= need):
                    drop.add(i)
        pages[p] = [ln for i, ln in enumerate(lines) if i not in drop]


def _mark_columns(lines: list[_Line]) -> None:
    """Give each line the edges of its column. pdfminer's boxes cannot serve: at the line
    spacing offices use (16 pt type, 28 pt lines) every line is a box of its own."""
    if len(lines) > 1500:   # no real page has this many lines: leave them unjoined, in bounded time
        return
    for ln in lines:
        col = [o for o in lines if abs(o.x0 - ln.x0) < 3 * ln.size]
        ln.left, ln.right, ln.column_lines = min(o.x0 for o in col), max(o.x1 for o in col), len(col)


def _continues(prev: _Line, nxt: _Line) -> bool:
    """Whether ``nxt`` carries on the paragraph of ``prev``: ``prev`` fills its column (of two
    lines or more: a centred title fills nothing), ends in no sentence stop, and ``nxt`` starts
    at the same column's edge, neither indented nor a numbered item."""
    if prev.column_lines < 2 or prev.text[-1] in _ENDS_PARAGRAPH or abs(nxt.left - prev.left) > 3 * prev.size:
        return False
    full = prev.x1 >= prev.right - 1.5 * prev.size
    indented = nxt.lead_space or nxt.x0 > nxt.left + 1.2 * nxt.size
    return full and not indented and not _STARTS_ITEM.match(nxt.text)


def _paragraphs(pages: list[list[_Line]]) -> list[str]:
    out: list[str] = []
    prev: Optional[_Line] = None
    for lines in pages:   # one stream of lines: a paragraph may run over a page break
        for ln in lines:
            if prev is not None and out and _continues(prev, ln):
                sep = " " if prev.text[-1].isascii() and prev.text[-1].isalnum() and ln.text[0].isascii() else ""
                out[-1] += sep + ln.text
            else:
                out.append(ln.text)
            prev = ln
    return out
