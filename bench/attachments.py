"""PDF readers compared on generated Chinese policy PDFs, and the DOCX reader's speed.

    python bench/attachments.py [--files 8] [--pages 12]

Each PDF: a notice head, body paragraphs wrapped at 38 characters (simplified, one page in
traditional script), a running head and a page number on every page, and one two-column
page drawn across (left line, right line) the way some writers emit it, at office line
spacing (a gap of one line height, where pdfminer's default layout splits every line).
Printed per reader: pages/s, ms/file, paragraphs recovered whole (whitespace ignored) and
as one line (wrapped lines joined again), two-column paragraphs recovered whole, running
heads left in the text. ``zhengce`` is pdfminer.six plus our layout parameters and
paragraph, header/footer rules (ingest/pdf.py); the other rows are the libraries' own text
extraction. Needs the bench and test extras (pypdf, pdfplumber, reportlab, mplfonts).
"""
from __future__ import annotations

import argparse
import io
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from attachment_files import flow, make_docx, make_pdf  # noqa: E402

HEAD = "南宁市创业扶持政策汇编"
SIMP = ["对新认定的国家级众创空间给予一次性奖励，所需资金由市财政局负责安排，市科技局牵头组织实施，"
        "对新认定的众创空间给予最高不超过每个{n}0万元的补贴。",
        "对入驻孵化基地的初创企业，按实际租用面积给予房租补贴，补贴期限为3年，由市人社局负责落实。"]
TRAD = ["對新認定的國家級眾創空間給予一次性獎勵，所需資金由市財政局負責安排，市科技局牽頭組織實施。"]
LEFT = ["左栏：对新认定的众创空间给予一次性补贴，补贴标准为每个30万元，由市科技局负责。"]
RIGHT = ["右栏：对高校毕业生创业给予创业担保贷款，最高不超过20万元，由市人社局负责。"]


def corpus(files: int, pages: int) -> tuple[list[bytes], list[str], list[str]]:
    """PDFs, the body paragraphs every file holds, the two-column paragraphs."""
    body, cols = [], LEFT + RIGHT
    page_list = []
    for p in range(pages):
        if p == pages // 2:
            lcol, rcol = flow(LEFT, left=50, width_chars=19, top=120), flow(RIGHT, left=320, width_chars=19, top=120)
            lines = [ln for pair in zip(lcol, rcol) for ln in pair]
        else:
            paras = TRAD if p == 1 else [s.format(n=p % 9 + 1) for s in SIMP] * 3
            lines = flow(paras, top=110, lead=24)
            body.extend(paras)
        page_list.append([(200, 50, HEAD)] + lines + [(285, 800, f"— {p + 1} —")])
    data = make_pdf(page_list)
    return [data] * files, body, cols


def read_zhengce(data: bytes) -> str:
    from zhengce.ingest.pdf import read_pdf

    return "\n".join(read_pdf(data, "bench.pdf").paragraphs)


def read_pdfminer_raw(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def read_pypdf(data: bytes) -> str:
    import pypdf

    return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages)


def read_pdfplumber(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


READERS = {"zhengce (pdfminer.six + rules)": read_zhengce, "pdfminer.six extract_text": read_pdfminer_raw,
           "pypdf": read_pypdf, "pdfplumber": read_pdfplumber}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=int, default=8)
    ap.add_argument("--pages", type=int, default=12)
    args = ap.parse_args()
    files, body, cols = corpus(args.files, args.pages)
    print(f"{args.files} PDFs x {args.pages} pages, {len(files[0]) // 1024} KB each")
    print(f"{'reader':32} {'pages/s':>8} {'ms/file':>8} {'paras whole':>12} {'as one line':>12} {'columns whole':>14} {'heads left':>11}")
    for name, read in READERS.items():
        read(files[0])   # imports and caches out of the timing
        t0 = time.perf_counter()
        texts = [read(d) for d in files]
        dt = time.perf_counter() - t0
        flat = re.sub(r"\s", "", texts[0])
        from zhengce.ingest.script import t2s

        found = sum(1 for p in body if t2s(p) in t2s(flat))
        lines = {t2s(ln.strip()) for ln in texts[0].split("\n")}
        one_line = sum(1 for p in body if t2s(p) in lines)
        col = sum(1 for p in cols if p in flat)
        heads = flat.count(HEAD)
        print(f"{name:32} {args.files * args.pages / dt:8.1f} {1000 * dt / len(files):8.1f} "
              f"{found:>7}/{len(body):<4} {one_line:>7}/{len(body):<4} {col:>9}/{len(cols):<4} {heads:>6}/{args.pages}")

    from zhengce.ingest.docx import read_docx

    docx = make_docx([s.format(n=i % 9 + 1) for i in range(60) for s in SIMP], table=[["项目", "标准"]] * 20)
    read_docx(docx, "b.docx")
    t0 = time.perf_counter()
    for _ in range(args.files):
        read_docx(docx, "b.docx")
    dt = time.perf_counter() - t0
    print(f"{'python-docx (zhengce reader)':32} {'':8} {1000 * dt / args.files:8.1f}   "
          f"(120 paragraphs + 20-row table, {len(docx) // 1024} KB)")


if __name__ == "__main__":
    main()
