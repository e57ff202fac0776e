"""Turning rows into text a person reads (aligned, CJK-aware tables) or files a program reads.

Rows are lists of dicts with the same keys; ``columns`` picks and orders them.
Wide (CJK) characters take two terminal cells, so padding counts display width,
not ``len``.
"""
from __future__ import annotations

import csv
import html
import io
import json
import unicodedata
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence


def display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in s)


def truncate(s: str, width: int) -> str:
    if display_width(s) <= width:
        return s
    out, w = [], 0
    for ch in s:
        cw = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if w + cw > width - 1:
            break
        out.append(ch)
        w += cw
    return "".join(out) + "…"


def cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:,.0f}" if v.is_integer() else f"{v:,.2f}"
    if isinstance(v, (list, tuple)):
        return "; ".join(cell(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return " ".join(str(v).split())


def text_table(rows: Sequence[dict], columns: Sequence[str], *, headers: Optional[Sequence[str]] = None,
               max_width: int = 40) -> str:
    headers = list(headers or columns)
    body = [[truncate(cell(r.get(c)), max_width) for c in columns] for r in rows]
    widths = [max([display_width(h)] + [display_width(b[i]) for b in body]) for i, h in enumerate(headers)]

    def line(vals):
        return "  ".join(v + " " * (w - display_width(v)) for v, w in zip(vals, widths)).rstrip()

    out = [line(headers), "  ".join("─" * w for w in widths)]
    out += [line(b) for b in body]
    return "\n".join(out)


def markdown_table(rows: Sequence[dict], columns: Sequence[str], *, headers: Optional[Sequence[str]] = None) -> str:
    headers = list(headers or columns)
    esc = lambda s: cell(s).replace("|", "\\|")  # noqa: E731
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(esc(r.get(c)) for c in columns) + " |" for r in rows]
    return "\n".join(out)


_FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(v):
    """A CSV value Excel will show as written: text that opens with = + - @ (or a tab or CR) and is not a
    number gets a leading ' so a scraped page can never plant a formula (CSV injection). Numbers, bare
    comparators (a target's ``=`` or ``>=``) and all other text pass through unchanged; jsonl and parquet
    always carry the value as read."""
    if isinstance(v, str) and v.startswith(_FORMULA_LEAD) and v.strip("=<>+-"):
        try:
            float(v)
        except ValueError:
            return "'" + v
    return v


def csv_text(rows: Sequence[dict], columns: Sequence[str]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([csv_safe(cell(r.get(c))) if isinstance(r.get(c), (list, dict))
                    else ("" if r.get(c) is None else csv_safe(r.get(c))) for c in columns])
    return buf.getvalue()


def html_table(rows: Sequence[dict], columns: Sequence[str], *, headers: Optional[Sequence[str]] = None,
               title: str = "") -> str:
    headers = list(headers or columns)
    th = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    trs = "".join("<tr>" + "".join(f"<td>{html.escape(cell(r.get(c)))}</td>" for c in columns) + "</tr>"
                  for r in rows)
    return ("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>body{{font-family:sans-serif}}"
            "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}"
            f"</style></head><body><h1>{html.escape(title)}</h1><table><thead><tr>{th}</tr></thead>"
            f"<tbody>{trs}</tbody></table></body></html>\n")


def counted(n: int, word: str, plural: str | None = None) -> str:
    """``n`` with its noun in the right number: 1 place, 3 places (``plural`` where it is not word + s)."""
    return f"{n} {word if n == 1 else plural or word + 's'}"


XLSX_CELL_MAX = 32767      # Excel's limit on the characters of one cell


def cut_cell(v: str, limit: int = XLSX_CELL_MAX) -> str:
    """``v`` cut to ``limit`` characters, ending with a marker that says how much was cut of how much."""
    dropped = len(v) - limit
    while True:     # the marker's own length changes how much is cut (settles within two rounds)
        mark = f"…[cut {dropped:,} of {len(v):,} characters; csv, jsonl and parquet keep the whole text]"
        if len(v) - (limit - len(mark)) == dropped:
            return v[:limit - len(mark)] + mark
        dropped = len(v) - (limit - len(mark))


def xlsx_append(ws, values: Sequence) -> int:
    """Append one row to an openpyxl sheet as data: scraped text is never a formula, and a text longer
    than a cell holds is cut with a marker saying so. Returns how many cells were cut."""
    cut = 0
    row = []
    for v in values:
        if isinstance(v, str) and len(v) > XLSX_CELL_MAX:
            v = cut_cell(v)
            cut += 1
        row.append(v)
    ws.append(row)
    formulas = [k for k, v in enumerate(row, 1) if isinstance(v, str) and v.startswith("=")]
    if formulas:
        # scraped text is data, never a spreadsheet formula (ws.max_row scans every cell: only here, rarely)
        r = getattr(ws, "_current_row", None) or ws.max_row
        for k in formulas:
            ws.cell(row=r, column=k).data_type = "s"
    return cut


def warn_cut(cut: int, path: Path) -> None:
    if cut:
        import warnings

        from .errors import ZhengceWarning
        warnings.warn(f"{path}: {cut} cells were longer than Excel's {XLSX_CELL_MAX:,} characters and were cut "
                      f"(marked in the cell); the csv, jsonl and parquet formats keep them whole",
                      ZhengceWarning, stacklevel=3)


def write_xlsx(rows: Sequence[dict], columns: Sequence[str], path: Path, *,
               headers: Optional[Sequence[str]] = None, sheet: str = "zhengce") -> None:
    try:
        from openpyxl import Workbook
    except ImportError as e:  # optional extra
        raise SystemExit("xlsx output needs openpyxl (part of zhengce's install): pip install openpyxl") from e
    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    ws.append(list(headers or columns))
    cut = 0
    for r in rows:
        cut += xlsx_append(ws, [r.get(c) if isinstance(r.get(c), (int, float, str, type(None))) else cell(r.get(c))
                                for c in columns])
    Path(path).parent.mkdir(parents=True, exist_ok=True)      # as every -o: a missing folder is made
    wb.save(path)
    warn_cut(cut, path)


def jsonl_lines(objs: Iterable[dict]) -> str:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs)
