"""Tables flattened one cell per line (序号\\n单位名称\\n补助金额（万元）\\n1\\n甲公司\\n200…): where they are.

One reading of their geometry for every pass that needs it: the layout pass keeps such a table whole as
one record, the money reader takes the cells of its money column.
"""
from __future__ import annotations

import re
from typing import NamedTuple


# A row of a table whose cells a copy left separated by spaces (tabs folded): a serial number first, a bare
# number last (1 张*军 张掖路街道 餐饮服务 一次性创业补贴 10000). Its own line however wide: never a wrapped line.
# the rule rows of a markdown table (| --- | :---: |) between its header and its rows (a box-drawing border
# read as | and - too: |------|------|)
RULE_ROWS_RE = re.compile(r"(?:\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*)*\s*")
SPACED_ROW_RE = re.compile(r"^[ \t]*(?:\d{1,4}|合计|总计)[ \t]+\S.*?[ \t](?P<n>\d{1,9}(?:\.\d{1,4})?)[ \t]*$", re.M)

_SERIAL_RE = re.compile(r"\s*(?:序号|编号)\s*")
ROW_NUMBER_RE = re.compile(r"\s*\d{1,3}\s*")
# what may follow a table's last row: a total, a note, a sentence
_TABLE_END_RE = re.compile(r"合计|小计|总计|注[:：]|备注|[^。]*[。；;]$")
_SENTENCE_END_RE = re.compile(r"[。！？]")
# a header cell naming what a row provides or requires: that column's cells are provisions, of any length
CONTENT_HEAD_RE = re.compile(r"(?:政策|支持|扶持|补贴|奖补|服务)?(?:内容|措施|举措|条款|标准|要点|事项|任务)$")


class VerticalTable(NamedTuple):
    head: int       # index of the 序号 cell
    width: int      # cells a row (the header's cells)
    rows: int       # rows that line up

    @property
    def end(self) -> int:
        """Index after the last cell of the last row."""
        return self.head + self.width * (self.rows + 1)


def vertical_tables(cells: list[str]) -> list[VerticalTable]:
    """Tables in ``cells`` (consecutive non-empty lines): the header runs from a 序号/编号 cell to the cell
    before the first row number (2–12 short cells); rows are read while each starts with the next number,
    its cells are short and no sentence, and the cell after it starts the next row or ends the table — a
    row with a cell missing or extra no longer lines up and ends it."""
    out: list[VerticalTable] = []
    i = 0
    while i < len(cells):
        if not _SERIAL_RE.fullmatch(cells[i]):
            i += 1
            continue
        j = i + 1
        while j < len(cells) and j - i <= 12 and not ROW_NUMBER_RE.fullmatch(cells[j]) and "|" not in cells[j] \
                and len(cells[j].strip()) <= 24:
            j += 1
        width = j - i
        if width < 2 or j >= len(cells) or not ROW_NUMBER_RE.fullmatch(cells[j]):
            i += 1
            continue
        # (a 序号/任务 pair is a numbered list, whose items may be sentences: no table)
        free = {k for k, c in enumerate(cells[i:j]) if CONTENT_HEAD_RE.search(c.strip())} if width >= 3 else set()
        r, n = j, 1
        while r + width <= len(cells) and cells[r].strip() == str(n) \
                and all(k in free or len(c.strip()) <= 40 and not _SENTENCE_END_RE.search(c)
                        for k, c in enumerate(cells[r:r + width])):
            nxt = cells[r + width].strip() if r + width < len(cells) else ""
            if nxt and nxt != str(n + 1) and len(nxt) <= 24 and not _TABLE_END_RE.match(nxt):
                break
            r, n = r + width, n + 1
        if n > 1:
            out.append(VerticalTable(i, width, n - 1))
            i = r
        else:
            i += 1
    return out


# A table whose cells a copy left separated by spaces (tabs and runs of spaces folded to one):
# a header line of short cells, then rows as wide whose first cell counts 1, 2, 3…
# (序号 补贴项目 补贴标准（元/亩） 责任单位\n1 小麦种植 120 县农业农村局\n2 …).
_LINE_SPAN_RE = re.compile(r"[^\n]+")
_TOKEN_RE = re.compile(r"[^ \t\u3000\xa0]+")
_HEADER_CELL_RE = re.compile(r"[^\d。；;，,:：!?！？|]{1,16}")
_ROW_CELL_RE = re.compile(r"[^。；;|]{1,40}")


def _tokens(text: str, a: int, b: int) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN_RE.finditer(text, a, b)]


def spaced_tables(text: str) -> list[list[tuple[int, int]]]:
    """The lines (start, end) of each space-separated table in ``text``: its header line and the rows
    under it. A header has 3–12 short cells without digits or sentence marks; its rows have as many
    cells, the first counting up from 1 (a 合计/总计 row may close the table), none a sentence."""
    if text.count("\n") < 2 or ("序号" not in text and "编号" not in text and "\n1 " not in text and "\n1\t" not in text):
        return []
    lines = [m.span() for m in _LINE_SPAN_RE.finditer(text)]
    out = []
    i = 0
    while i < len(lines):
        cells = _tokens(text, *lines[i])
        if not 3 <= len(cells) <= 12 or not all(_HEADER_CELL_RE.fullmatch(text, a, b) for a, b in cells):
            i += 1
            continue
        width, n, j = len(cells), 1, i + 1
        while j < len(lines):
            row = _tokens(text, *lines[j])
            total = bool(row) and text[row[0][0]:row[0][1]] in ("合计", "总计") and len(row) >= 2
            if not total and (len(row) != width or text[row[0][0]:row[0][1]] != str(n)):
                break
            if not all(_ROW_CELL_RE.fullmatch(text, a, b) for a, b in row):
                break
            j, n = j + 1, n + 1
            if total:
                break
        if n > 2:       # two rows at least
            out.append(lines[i:j])
            i = j
        else:
            i += 1
    return out


def piped_view(text: str) -> str:
    """``text`` with the cell gaps of its space-separated tables written as ``|`` (same length, so every
    offset holds): the table passes read them as the | tables they are."""
    tables = spaced_tables(text)
    if not tables:
        return text
    chars = list(text)
    for lines in tables:
        for a, b in lines:
            cells = _tokens(text, a, b)
            for (_, e), _next in zip(cells, cells[1:]):
                chars[e] = "|"      # the first blank of each gap
    return "".join(chars)
