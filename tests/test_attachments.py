"""PDF and DOCX attachments: read like pages (normalisation, metadata, offsets, extraction),
hostile files refused with a one-line reason that says what to do, and an attachment linked
to the page it was found with. Every file is generated here (tests/attachment_files.py)."""
from __future__ import annotations

import io
import time
import urllib.parse
import zipfile
import zlib

import pytest

pytest.importorskip("reportlab")
pytest.importorskip("docx")
pytest.importorskip("pdfminer")
mplfonts = pytest.importorskip("mplfonts")

from attachment_files import SCAN, blank_pages, flow, image_pdf, make_docx, make_pdf  # noqa: E402
from zhengce.ingest.attachments import attachment_kind  # noqa: E402
from zhengce.ingest.discover import discover  # noqa: E402
from zhengce.ingest.pdf import MAX_FLOW_CHARS  # noqa: E402
from zhengce.ingest.document import normalize_bytes  # noqa: E402
from zhengce.ingest.script import t2s  # noqa: E402
from zhengce.pipeline import ingest_paths, process_bytes, process_file  # noqa: E402
from zhengce.records import IngestError  # noqa: E402
from zhengce.store import Store  # noqa: E402

TITLE = "关于印发南宁市众创空间扶持办法的通知"
HEAD = [(150, 60, "南宁市人民政府办公厅文件"), (220, 90, "南府办〔2016〕34号"), (160, 130, TITLE)]
BODY = [
    "为加快推进大众创业万众创新，现就扶持众创空间发展提出以下措施。",
    # 38 characters a line: this paragraph wraps between 50 and 万元 (line 2 ends "最高不超过每个50")
    "对新认定的国家级众创空间给予一次性奖励，所需资金由市财政局负责安排，市科技局牵头组织实施，对新认定的众创空间给予最高不超过每个50万元的补贴。",
    "对入驻孵化基地的初创企业，按实际租用面积给予房租补贴，补贴期限为3年。",
]
SIGN = [(380, 520, "南宁市人民政府办公厅"), (390, 545, "2016年6月13日")]


def _notice_pdf(body=BODY, **kw) -> bytes:
    return make_pdf([HEAD + flow(body, top=170) + SIGN], **kw)


def _reason(data: bytes, name: str) -> IngestError:
    with pytest.raises(IngestError) as err:
        normalize_bytes(data, name)
    assert "\n" not in str(err.value)
    return err.value


# ------------------------------------------------------------------ PDF reading

def test_pdf_like_a_page_metadata_paragraphs_and_amount():
    pdf = _notice_pdf(title="Microsoft Word - 附件1.doc")
    ex = process_bytes(pdf, "notice.pdf")
    doc = ex.document
    assert doc.encoding == "pdf" and doc.script == "simplified"
    assert doc.title == TITLE and doc.doc_type == "通知"
    assert doc.doc_number == "南府办〔2016〕34号" and doc.issue_date == "2016-06-13"
    assert doc.region.city == "南宁市"
    lines = doc.text.split("\n")
    # a paragraph wrapped by the PDF is one line again; paragraphs stay apart
    assert BODY[1] in lines and BODY[0] in lines and BODY[2] in lines
    amounts = [a for m in ex.measures for a in m.amounts if a.value_yuan == 500000]
    assert amounts, [a.text for m in ex.measures for a in m.amounts]
    for m in ex.measures:
        assert doc.text[m.start:m.end] == m.text
        for a in m.amounts + m.deadlines:
            assert doc.text[a.start:a.end] == a.text
            o0, o1 = doc.offset_map.span_to_original(a.start, a.end)
            assert doc.original_text[o0:o1] == a.text   # simplified, no repair: the same characters


def test_pdf_traditional_script_offsets_map_back():
    trad = ["對新認定的國家級眾創空間給予一次性獎勵，所需資金由市財政局負責安排，市科技局牽頭組織實施，對新認定的眾創空間給予最高不超過每個50萬元的補貼。",
            "對入駐孵化基地的初創企業，按實際租用面積給予房租補貼，補貼期限為3年。"]
    pdf = make_pdf([[(160, 60, "關於印發臺北市眾創空間扶持辦法的通知")] + flow(trad, top=110)])
    ex = process_bytes(pdf, "trad.pdf")
    doc = ex.document
    assert doc.script == "traditional"
    assert "对新认定的国家级众创空间给予一次性奖励" in doc.text and "對" in doc.original_text
    amounts = [a for m in ex.measures for a in m.amounts if a.value_yuan == 500000]
    assert amounts
    for a in amounts:
        o0, o1 = doc.offset_map.span_to_original(a.start, a.end)
        assert t2s(doc.original_text[o0:o1]) == a.text


def test_two_column_page_read_column_by_column():
    left = ["左栏：对新认定的众创空间给予一次性补贴，补贴标准为每个30万元，由市科技局负责。",
            "左栏：对孵化基地给予房租补贴。"]
    right = ["右栏：对高校毕业生创业给予创业担保贷款，最高不超过20万元，由市人社局负责。",
             "右栏：对创业培训给予补贴。"]
    lcol = flow(left, left=50, width_chars=19, top=120)
    rcol = flow(right, left=320, width_chars=19, top=120)
    # drawn the way some writers do: across the page, left line then right line
    lines = [ln for pair in zip(lcol, rcol) for ln in pair] + lcol[len(rcol):] + rcol[len(lcol):]
    pdf = make_pdf([[(180, 60, "关于扶持创业就业的若干措施")] + lines])
    text = normalize_bytes(pdf, "cols.pdf").text
    for para in left + right:
        assert para in text.split("\n"), text
    assert text.index(left[1]) < text.index(right[0])


def test_repeated_header_footer_and_page_numbers_stripped_paragraph_over_page_break():
    paras = [f"第{i}条对符合条件的小微企业给予创业补贴，每户补贴标准为5000元，由区人社局负责落实。" for i in range(1, 13)]
    body = flow(paras, top=120, lead=22)
    per_page = 9   # 12 paragraphs of 2 lines: a paragraph is cut by each page break
    pages = []
    for n, i in enumerate(range(0, len(body), per_page), 1):
        chunk = [(x, 120 + (y - body[i][1]), t) for x, y, t in body[i:i + per_page]]
        pages.append([(180, 40, "南宁市创业扶持政策汇编（内部资料）")] + chunk + [(280, 800, f"— {n} —")])
    assert len(pages) >= 3
    pdf = make_pdf(pages)
    doc = normalize_bytes(pdf, "multi.pdf")
    assert "内部资料" not in doc.text and "—" not in doc.text
    lines = doc.text.split("\n")
    for p in paras:   # every paragraph whole, including those cut by a page break
        assert p in lines, (p, lines)
    assert len(lines) == len(paras)


def test_page_drawn_as_a_form_xobject_is_text_not_a_scan():
    doc = normalize_bytes(_notice_pdf(as_form=True), "form.pdf")
    assert BODY[1] in doc.text.split("\n") and doc.doc_number == "南府办〔2016〕34号"


def test_pdf_title_property_is_only_a_fallback():
    paras = ["为加快推进大众创业万众创新，现就扶持众创空间发展提出以下措施，请认真贯彻执行。"] * 3
    pdf = make_pdf([flow(paras, top=100)], title="关于扶持众创空间发展的实施意见")
    assert normalize_bytes(pdf, "t.pdf").title == "关于扶持众创空间发展的实施意见"


# ----------------------------------------------------------------- DOCX reading

def test_docx_body_table_and_no_header_footer():
    data = make_docx(["南府办〔2016〕34号", TITLE, *BODY, "南宁市人民政府办公厅", "2016年6月13日"],
                     table=[["项目", "标准"], ["众创空间补贴", "每个最高20万元"]],
                     header="南宁市人民政府办公厅文件（页眉）", footer="第1页（页脚）")
    ex = process_bytes(data, "notice.docx")
    doc = ex.document
    assert doc.encoding == "docx" and doc.title == TITLE and doc.doc_number == "南府办〔2016〕34号"
    assert doc.issue_date == "2016-06-13"
    assert "页眉" not in doc.text and "页脚" not in doc.text
    assert "众创空间补贴 每个最高20万元" in doc.text
    values = {a.value_yuan for m in ex.measures for a in m.amounts}
    assert 500000 in values
    for m in ex.measures:
        for a in m.amounts:
            assert doc.text[a.start:a.end] == a.text


def test_docx_automatic_numbering_written_out():
    data = make_docx([TITLE, (0, "总体要求"), "为加快推进大众创业万众创新，现就扶持众创空间发展提出以下措施。",
                      (0, "主要措施"), (1, "加大资金支持"), "对新认定的众创空间给予最高不超过每个50万元的补贴。",
                      (1, "落实房租补贴"), "对入驻孵化基地的初创企业给予房租补贴。", (0, "保障措施")])
    ex = process_bytes(data, "numbered.docx")
    lines = ex.document.text.split("\n")
    assert ["一、总体要求", "二、主要措施", "（一）加大资金支持", "（二）落实房租补贴", "三、保障措施"] == [
        ln for ln in lines if ln.endswith(("要求", "措施", "支持", "补贴")) and len(ln) < 10]
    cap = next(m for m in ex.measures if any(a.value_yuan == 500000 for a in m.amounts))
    assert cap.path[:1] == ["二、主要措施"]   # without the labels the measure would sit in no section


def test_docx_text_box_read_once():
    data = make_docx(["南府办〔2016〕34号", TITLE, *BODY], textbox="南宁市人民政府办公厅文件")
    doc = normalize_bytes(data, "box.docx")
    assert doc.text.count("南宁市人民政府办公厅文件") == 1 and doc.text.split("\n")[0] == "南宁市人民政府办公厅文件"


def test_docx_traditional():
    data = make_docx(["關於印發臺北市眾創空間扶持辦法的通知", "對新認定的眾創空間給予最高不超過每個50萬元的補貼，所需資金由市財政局負責安排。" * 2])
    doc = normalize_bytes(data, "trad.docx")
    assert doc.script == "traditional" and "对新认定的众创空间" in doc.text


# ---------------------------------------------------------------- hostile files

def test_truncated_pdf():
    pdf = _notice_pdf()
    err = _reason(pdf[: len(pdf) // 2], "cut.pdf")
    assert err.reason == "truncated" and "again" in err.detail


def test_encrypted_pdf():
    err = _reason(_notice_pdf(encrypt="secret"), "locked.pdf")
    assert err.reason == "encrypted" and err.detail.startswith("remove the password: qpdf --decrypt")


def test_scanned_pdf_needs_ocr():
    err = _reason(image_pdf(), "scan.pdf")
    assert err.reason == "no_text_layer" and "OCR it first" in err.detail


def test_mostly_scanned_pdf_refused_a_scanned_signature_page_kept():
    text = HEAD + flow(BODY, top=170)
    err = _reason(make_pdf([text, SCAN, SCAN]), "mostly-scans.pdf")
    assert err.reason == "no_text_layer" and "2 of 3 pages are scans" in err.detail
    more = flow(["对入驻孵化基地的初创企业，按实际租用面积给予房租补贴，补贴期限为3年，由市人社局负责落实。"], top=100)
    doc = normalize_bytes(make_pdf([text, more, SCAN]), "signed.pdf")   # e.g. the stamped last page
    assert BODY[1] in doc.text.split("\n") and doc.doc_number == "南府办〔2016〕34号"


def test_ten_thousand_pages_refused_fast():
    data = blank_pages(10_000)
    t0 = time.monotonic()
    err = _reason(data, "huge.pdf")
    assert err.reason == "too_many_pages" and "10000 pages" in err.detail
    assert time.monotonic() - t0 < 5


def test_scattered_fragments_page_bounded_and_dense_page_read_in_order():
    import random

    rnd = random.Random(7)
    scattered = [(rnd.uniform(20, 560), rnd.uniform(20, 820), "补贴") for _ in range(8000)]
    t0 = time.monotonic()
    normalize_bytes(make_pdf([scattered]), "scattered.pdf")   # pdfminer's own layout: minutes
    assert time.monotonic() - t0 < 20
    # a dense page (past the layout bound: lines made from the characters) still reads in order
    rows = [f"第{i}条对新认定的众创空间给予一次性补贴，补贴标准为每个30万元，由市科技局负责落实。" for i in range(1, 111)]
    assert len("".join(rows)) > MAX_FLOW_CHARS
    doc = normalize_bytes(make_pdf([[(20, 20 + 7 * i, r) for i, r in enumerate(rows)]]), "dense.pdf")
    assert doc.text.split("\n") == rows


def test_flate_bomb_in_pdf():
    pdf = _notice_pdf()
    bomb = zlib.compress(b"\0" * (80 << 20), 9)
    obj = b"99 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb + b"\nendstream\nendobj\n"
    at = pdf.index(b"xref")
    err = _reason(pdf[:at] + obj + pdf[at:], "bomb.pdf")
    assert err.reason == "too_large" and "bomb" in err.detail


def test_zip_bomb_docx():
    base = make_docx(BODY)
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":   # 80 MB of whitespace inside the body: valid XML
                data = data.replace(b"<w:body>", b"<w:body>" + b" " * (80 << 20), 1)
            dst.writestr(item, data)
    assert len(buf.getvalue()) < 1 << 20
    t0 = time.monotonic()
    err = _reason(buf.getvalue(), "bomb.docx")
    assert err.reason == "too_large" and "zip bomb" in err.detail
    assert time.monotonic() - t0 < 2


def test_truncated_docx():
    data = make_docx(BODY)
    err = _reason(data[: len(data) // 2], "cut.docx")
    assert err.reason == "broken" and err.detail.startswith("re-save")


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "关于印发的通知".encode("utf-16-le") * 50


@pytest.mark.parametrize("name, reason, hint", [
    ("old.doc", "legacy_format", "soffice --headless --convert-to docx old.doc"),
    ("公文.wps", "legacy_format", "convert .wps with LibreOffice: soffice --headless --convert-to docx 公文.wps"),
    ("locked.docx", "encrypted", "save it without a password"),
    ("table.xls", "unsupported_format", "spreadsheet"),
])
def test_legacy_office_files(name, reason, hint):
    err = _reason(OLE, name)
    assert err.reason == reason and hint in err.detail


def test_rtf_saved_as_doc():
    rtf = b"{\\rtf1\\ansi\\ansicpg936 " + "关于印发的通知".encode("gbk").hex().encode() * 40 + b"}"
    err = _reason(rtf, "notice.doc")
    assert err.reason == "legacy_format" and "soffice --headless --convert-to docx notice.doc" in err.detail


def test_ofd():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("OFD.xml", "<ofd:OFD/>")
        z.writestr("Doc_0/Document.xml", "<ofd:Document/>")
    err = _reason(buf.getvalue(), "notice.ofd")
    assert err.reason == "unsupported_format" and "PDF" in err.detail


def test_kind_comes_from_bytes_not_name():
    pdf = _notice_pdf()
    assert attachment_kind(pdf, "saved-as.html") == "pdf"
    assert attachment_kind(b"<html><p>%PDF-1.4 is a format</p></html>", "p.html") is None
    assert attachment_kind(make_docx(BODY), "download.bin") == "docx"


# ------------------------------------------------- pipeline, discovery and store

NOTICE_PAGE = """<html><head><meta charset="utf-8"><title>{title}_南宁市人民政府</title></head><body>
<div class="nav">首页 > 政务公开 > 文件</div>
<h1>{title}</h1>
<p>发布日期：2016-06-13　来源：南宁市人民政府办公厅</p>
<p>南府办〔2016〕34号</p>
<p>各县、区人民政府，市政府各部门：经市人民政府同意，现将{title}印发给你们，请认真贯彻执行。</p>
<p>南宁市人民政府办公厅</p><p>2016年6月13日</p>
<p>附件：<a href="{href}">众创空间扶持办法.pdf</a></p>
</body></html>"""


def test_attachment_linked_to_its_page_and_inherits(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    href = "./P020160613%s.pdf" % urllib.parse.quote("附件1")
    (folder / "notice.html").write_text(NOTICE_PAGE.format(title=TITLE, href=href), encoding="utf-8")
    # the attachment has no 文号, no date and no issuer of its own
    (folder / "P020160613附件1.pdf").write_bytes(make_pdf([[(200, 60, "南宁市众创空间扶持办法")] + flow(BODY[1:] * 2, top=110)]))
    (folder / "scan.pdf").write_bytes(image_pdf())
    (folder / "zh.docx").write_bytes(make_docx(["南宁市众创空间扶持办法", *BODY[1:]]))
    (folder / "zh.html").write_text("<html><body><h1>南宁市众创空间扶持办法解读</h1><p>为加快推进大众创业万众创新，"
                                    "南宁市人民政府办公厅印发扶持办法，现就有关内容解读如下，请认真贯彻执行。</p><p>南府办〔2016〕35号</p>"
                                    "<p>2016年7月1日</p></body></html>", encoding="utf-8")
    with Store(tmp_path / "store") as store:
        rep = ingest_paths(store, [folder])
        assert [f["reason"] for f in rep.failed] == ["no_text_layer"]
        docs = {d.source.rsplit("/", 1)[-1]: d for d in store.documents()}
        assert "scan.pdf" not in docs   # a failure writes nothing half-way
        att = docs["P020160613附件1.pdf"]
        assert att.parent == docs["notice.html"].source
        assert att.doc_number == "南府办〔2016〕34号" and att.issue_date == "2016-06-13"
        assert att.issuer == "南宁市人民政府办公厅"
        assert set(att.inherited) >= {"doc_number", "issue_date", "issuer"}
        same_stem = docs["zh.docx"]   # no link, but zh.html beside it
        assert same_stem.parent == docs["zh.html"].source and same_stem.doc_number == "南府办〔2016〕35号"
        assert docs["notice.html"].parent is None and docs["notice.html"].inherited == []


def test_attachment_in_a_subfolder_linked_by_relative_href(tmp_path):
    (tmp_path / "notice.html").write_text(NOTICE_PAGE.format(title=TITLE, href="files/%E9%99%84%E4%BB%B61.pdf"),
                                          encoding="utf-8")
    (tmp_path / "other.html").write_text(NOTICE_PAGE.format(title="关于另一件事的通知", href="../x/附件1.pdf"),
                                         encoding="utf-8")
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "附件1.pdf").write_bytes(make_pdf([[(200, 60, "南宁市众创空间扶持办法")] + flow(BODY[1:] * 2, top=110)]))
    doc = process_file(tmp_path / "files" / "附件1.pdf").extraction.document
    assert doc.parent.endswith("/notice.html") and doc.doc_number == "南府办〔2016〕34号"


def test_normalize_file_links_like_the_pipeline(tmp_path):
    from zhengce.ingest.document import normalize_file

    (tmp_path / "a.html").write_text(NOTICE_PAGE.format(title=TITLE, href="a.pdf"), encoding="utf-8")
    (tmp_path / "a.pdf").write_bytes(make_pdf([[(200, 60, "南宁市众创空间扶持办法")] + flow(BODY[1:] * 2, top=110)]))
    doc = normalize_file(tmp_path / "a.pdf")
    assert doc.parent == str(tmp_path / "a.html") and doc.doc_number == "南府办〔2016〕34号"


def test_attachment_keeps_its_own_fields(tmp_path):
    (tmp_path / "a.html").write_text(NOTICE_PAGE.format(title="关于另一件事的通知", href="a.pdf"), encoding="utf-8")
    (tmp_path / "a.pdf").write_bytes(_notice_pdf())
    res = process_file(tmp_path / "a.pdf")
    doc = res.extraction.document
    assert doc.parent.endswith("/a.html")
    assert doc.doc_number == "南府办〔2016〕34号" and doc.title == TITLE
    assert "doc_number" not in doc.inherited and "issue_date" not in doc.inherited


def test_discovery_finds_attachments(tmp_path):
    for name in ("a.pdf", "b.DOCX", "c.doc", "d.wps", "e.ofd", "f.html", "g.xls", "h.zip"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in discover([tmp_path])] == ["a.pdf", "b.DOCX", "c.doc", "d.wps", "e.ofd", "f.html"]


def test_hostile_files_cost_nothing_else(tmp_path):
    (tmp_path / "good.pdf").write_bytes(_notice_pdf())
    (tmp_path / "huge.pdf").write_bytes(blank_pages(10_000))
    (tmp_path / "old.doc").write_bytes(OLE)
    (tmp_path / "cut.docx").write_bytes(make_docx(BODY)[:500])
    with Store(tmp_path / "s") as store:
        rep = ingest_paths(store, [tmp_path])
        assert rep.new == 1
        assert sorted((f["source"].rsplit("/", 1)[-1], f["reason"]) for f in rep.failed) == [
            ("cut.docx", "broken"), ("huge.pdf", "too_many_pages"), ("old.doc", "legacy_format")]
        assert all("\n" not in f["detail"] for f in store.failures())


def test_changed_page_refreshes_its_attachment(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(NOTICE_PAGE.format(title=TITLE, href="a.pdf"), encoding="utf-8")
    (tmp_path / "a.pdf").write_bytes(make_pdf([[(200, 60, "南宁市众创空间扶持办法")] + flow(BODY[1:] * 2, top=110)]))
    with Store(tmp_path / "s") as store:
        ingest_paths(store, [tmp_path])
        assert store.find_document(str((tmp_path / "a.pdf").resolve())).issue_date == "2016-06-13"
        assert ingest_paths(store, [tmp_path]).unchanged == 2   # nothing changed: nothing re-read
        page.write_text(NOTICE_PAGE.format(title=TITLE, href="a.pdf").replace("2016-06-13", "2016-06-20")
                        .replace("2016年6月13日", "2016年6月20日"), encoding="utf-8")
        rep = ingest_paths(store, [tmp_path])
        assert rep.updated == 2
        assert store.find_document(str((tmp_path / "a.pdf").resolve())).issue_date == "2016-06-20"


def test_a_big5_page_links_its_attachment_by_the_raw_name_in_its_own_encoding(tmp_path):
    page = NOTICE_PAGE.format(title=TITLE, href="files/附件1.pdf").replace('charset="utf-8"', 'charset="big5"')
    page = page.replace("utf-8", "big5")
    (tmp_path / "notice.html").write_bytes(page.encode("big5", errors="replace"))
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "附件1.pdf").write_bytes(make_pdf([[(200, 60, "南宁市众创空间扶持办法")] + flow(BODY[1:] * 2, top=110)]))
    doc = process_file(tmp_path / "files" / "附件1.pdf").extraction.document
    assert doc.parent is not None and doc.parent.endswith("/notice.html")    # read as GB18030 it named no file
