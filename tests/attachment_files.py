"""PDF and DOCX files made on the spot for the attachment tests and bench/attachments.py.

PDFs are drawn with reportlab and an embedded TrueType subset of Noto Sans CJK (shipped
by mplfonts as CFF OpenType, which reportlab cannot embed, so the glyphs needed are
converted to TrueType outlines first): text layers like a government office's PDF,
Identity-H with a ToUnicode map. Lines are placed by hand, so a test decides where a
paragraph wraps, where a column sits and in what order a two-column page is drawn.
"""
from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

A4 = (595.0, 842.0)
FONT = "NotoSubset"
SIZE = 12.0


def noto_path() -> Path:
    import mplfonts

    p = Path(mplfonts.__file__).parent / "fonts" / "NotoSansCJKsc-Regular.otf"
    if not p.is_file():
        raise FileNotFoundError(p)
    return p


@lru_cache(maxsize=8)
def truetype_subset(chars: str, name: str = FONT) -> bytes:
    """Noto Sans CJK SC cut down to ``chars`` (plus ASCII) with quadratic (TrueType) outlines,
    renamed ``name`` (reportlab keys its glyph subsets by the face's own name)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.subset import Options, Subsetter
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(noto_path())
    opts = Options()
    opts.notdef_outline, opts.name_IDs, opts.layout_features = True, ["*"], []
    sub = Subsetter(opts)
    sub.populate(text="".join(sorted(set(chars))) + "".join(map(chr, range(32, 127))) + "\u3000")
    sub.subset(font)
    glyphs, order = font.getGlyphSet(), font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for glyph in order:
        pen = TTGlyphPen(glyphs)
        glyphs[glyph].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[glyph] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 1 if attr == "maxZones" else 0)
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
    post = font["post"]
    post.formatType, post.extraNames, post.mapping, post.glyphOrder = 2.0, [], {}, None
    font["name"].names = []
    for name_id in (1, 2, 3, 4, 6):
        font["name"].setName(name, name_id, 3, 1, 0x409)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


SCAN = "scan"   # a page of make_pdf that is one image and no text


def make_pdf(pages: list[list[tuple[float, float, str]] | str], *, encrypt: str | None = None,
             title: str | None = None, as_form: bool = False) -> bytes:
    """A PDF whose page ``i`` carries the (x, y-from-top, text) lines of ``pages[i]``, drawn in that order,
    or an image only where ``pages[i]`` is SCAN (``as_form``: each page's content inside a form
    XObject, as imposition and stamping tools leave it)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    chars = "".join(t for page in pages if page != SCAN for _, _, t in page)
    font = f"{FONT}{abs(hash(chars)) % 10**8}"
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(font, io.BytesIO(truetype_subset(chars, font))))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt, invariant=1)
    if title:
        c.setTitle(title)
    for i, page in enumerate(pages):
        if page == SCAN:
            _draw_scan(c)
            c.showPage()
            continue
        if as_form:
            c.beginForm(f"p{i}")
        c.setFont(font, SIZE)
        for x, y, text in page:
            c.drawString(x, A4[1] - y, text)
        if as_form:
            c.endForm()
            c.doForm(f"p{i}")
        c.showPage()
    c.save()
    return buf.getvalue()


def flow(paragraphs: list[str], *, left: float = 72.0, width_chars: int = 38, top: float = 90.0,
         lead: float = 20.0, indent: bool = True) -> list[tuple[float, float, str]]:
    """Lines of ``paragraphs`` wrapped at ``width_chars`` characters, first lines indented by two
    full-width spaces the way Chinese offices type them."""
    out, y = [], top
    for para in paragraphs:
        text = ("\u3000\u3000" if indent else "") + para
        for i in range(0, len(text), width_chars):
            out.append((left, y, text[i:i + width_chars]))
            y += lead
    return out


def blank_pages(n: int) -> bytes:
    """A PDF of ``n`` empty pages, written directly (reportlab takes seconds for 10,000)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (3 + i) for i in range(n)) + b"] /Count %d >>" % n]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * n
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def _draw_scan(c) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    c.drawImage(ImageReader(Image.new("RGB", (200, 100), "white")), 72, 500, 400, 200)


def image_pdf() -> bytes:
    """A 'scanned' page: one image, no text."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    _draw_scan(c)
    c.showPage()
    c.save()
    return buf.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# 一、 then （一）: the outline Chinese offices number with Word's automatic lists
_CN_LIST = f"""<w:abstractNum {_W} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>"""
_CN_NUM = f'<w:num {_W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def make_docx(paragraphs: list[str | tuple[int, str]], *, table: list[list[str]] | None = None,
              header: str | None = None, footer: str | None = None, title: str | None = None,
              textbox: str | None = None) -> bytes:
    """A DOCX; a paragraph given as (level, text) is numbered by Word (一、 at level 0, （一） at 1)."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(_CN_LIST))
    numbering.append(parse_xml(_CN_NUM))
    for p in paragraphs:
        if isinstance(p, tuple):
            level, text = p
            para = d.add_paragraph(text)
            para._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {_W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
        else:
            d.add_paragraph(p)
    if textbox:   # as Word stores one: DrawingML, and a VML copy for old readers
        box = f"<w:txbxContent><w:p><w:r><w:t>{textbox}</w:t></w:r></w:p></w:txbxContent>"
        run = parse_xml(
            f'<w:r {_W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
            f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{box}</w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>')
        d.paragraphs[0]._p.insert(0, run)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for k, cell in enumerate(row):
                t.cell(r, k).text = cell
    sec = d.sections[0]
    if header:
        sec.header.paragraphs[0].text = header
    if footer:
        sec.footer.paragraphs[0].text = footer
    if title:
        d.core_properties.title = title
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
