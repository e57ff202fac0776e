"""Tables as copies leave them, and where they are: flattened one cell per line (序号\\n单位名称\\n
补助金额（万元）\\n1\\n甲公司\\n200…, long cells wrapped onto more lines or not), cells separated by spaces or
tabs (a header line, then rows; a row wrapped onto two lines), numbered rows under a 单位：万元 caption whose
header was lost.

One reading of their geometry for every pass that needs it: the layout pass keeps a money table whole as one
record or gives a table of provisions a record per row, the money reader takes the cells of its money column,
and :func:`piped_view` writes space-separated cells as the | rows the table passes read (same length, so
every offset holds).
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
# (…or the signature under the table: 思南县人民政府办公室 over its date, 附件 lines)
_TABLE_END_RE = re.compile(r"合计|小计|总计|注[:：]|备注|[^。]*[。；;]$|附件|[^\d]{2,20}(?:人民政府|办公室|办公厅)$")
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


def _header_end(cells: list[str], i: int, most: int, cell_len: int) -> int | None:
    """Where the header that opens at the 序号/编号 cell ``cells[i]`` ends: the index of the first row number
    after at most ``most`` short cells (no |), or of the cell that stopped it; None when ``cells[i]`` opens none."""
    if not _SERIAL_RE.fullmatch(cells[i]):
        return None
    j = i + 1
    while j < len(cells) and j - i <= most and not ROW_NUMBER_RE.fullmatch(cells[j]) and "|" not in cells[j] \
            and len(cells[j].strip()) <= cell_len:
        j += 1
    return j


def vertical_tables(cells: list[str]) -> list[VerticalTable]:
    """Tables in ``cells`` (consecutive non-empty lines): the header runs from a 序号/编号 cell to the cell
    before the first row number (2–12 short cells); rows are read while each starts with the next number,
    its cells are short and no sentence, and the cell after it starts the next row or ends the table — a
    row with a cell missing or extra no longer lines up and ends it."""
    out: list[VerticalTable] = []
    i = 0
    while i < len(cells):
        j = _header_end(cells, i, 12, 24)
        width = j - i if j is not None else 0
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


# a header cell that names what a table is about: with one, rows need no serial number
# (补贴对象 补贴标准 经办部门\n高校毕业生 每人3000元 区人社局)
_NAMED_HEADER_RE = re.compile(r"(?:金额|资金|补贴|补助|奖励|资助|标准|额度)[^|\n]{0,6}?[(（]\s?(?:万元|亿元|元)"
                              r"|(?:责任|牵头|配合|主管|经办|受理|实施|承办|办理)(?:单位|部门|机构)")


def spaced_tables(text: str) -> list[list[tuple[int, int]]]:
    """The rows (start, end) of each space-separated table in ``text``, its header line first. A header
    has 3–12 short cells without digits or sentence marks; its rows have as many cells, the first
    counting up from 1 (a 合计/总计 row may close the table), none a sentence. Under a header that names
    a money column with its unit or a responsible column, rows need no number. A numbered row a copy
    wrapped onto a second line (1 新疆天山明珠商贸有限\n公司 12 18000) spans both lines."""
    if text.count("\n") < 2 or text.count(" ") + text.count("\t") + text.count("\u3000") < 6:
        return []               # a header and two rows hold two gaps each at least
    lines = [m.span() for m in _LINE_SPAN_RE.finditer(text)]
    out = []
    i = 0
    while i < len(lines):
        cells = _tokens(text, *lines[i])
        if not 3 <= len(cells) <= 12 or not all(_HEADER_CELL_RE.fullmatch(text, a, b) for a, b in cells):
            i += 1
            continue
        width, n, j = len(cells), 1, i + 1
        named = _NAMED_HEADER_RE.search(text, *lines[i]) is not None
        rows = [lines[i]]
        while j < len(lines):
            row = _tokens(text, *lines[j])
            span = lines[j]
            first = text[row[0][0]:row[0][1]] if row else ""
            total = first in ("合计", "总计") and len(row) >= 2
            if first == str(n) and 2 <= len(row) < width and j + 1 < len(lines):
                more = _tokens(text, *lines[j + 1])
                nxt = text[more[0][0]:more[0][1]] if more else ""
                if nxt not in (str(n + 1), "合计", "总计") and len(row) + len(more) in (width, width + 1):
                    row, span, j = row + more, (lines[j][0], lines[j + 1][1]), j + 1   # a wrapped row
            if not total and (len(_cells_of(text, row, width)) != width or first != str(n)
                              and not (named and _HEADER_CELL_RE.fullmatch(text, *row[0]))):
                break
            if not all(_ROW_CELL_RE.fullmatch(text, a, b) for a, b in row):
                break
            rows.append(span)
            j, n = j + 1, n + 1
            if total:
                break
        if n > 2:       # two rows at least
            out.append(rows)
            i = j
        else:
            i += 1
    return out


def _cells_of(text: str, tokens: list[tuple[int, int]], width: int) -> list[tuple[int, int]]:
    """A row's tokens as cells: two tokens either side of a line break are one cell when the row
    has a cell too many (the break fell inside a cell: 有限\n公司)."""
    if len(tokens) != width + 1:
        return tokens
    for k in range(len(tokens) - 1):
        if "\n" in text[tokens[k][1]:tokens[k + 1][0]]:
            return tokens[:k] + [(tokens[k][0], tokens[k + 1][1])] + tokens[k + 2:]
    return tokens


VHEAD_CELL_RE = re.compile(r"^[\u4e00-\u9fff()（）]{2,8}$")     # a header cell: a short label, no digits


def vertical_header_cell(text: str, a: int, is_label) -> str | None:
    """A table flattened one cell per line (序号 / 重点任务 / 牵头单位 / 配合单位 / 完成时限, then each row's cells
    line by line): the header cell of the column the line starting at ``a`` falls in, counted from the nearest
    block of header cells above that holds a cell ``is_label`` accepts; None when there is no such block or the
    count cannot hold (a cell that wraps onto two lines shifts it)."""
    lines: list[str] = []          # lines above, nearest first ("" for a blank line)
    j = a
    while j > 0 and len(lines) < 400:
        pa = text.rfind("\n", 0, j - 1) + 1
        lines.append(text[pa:j - 1].strip())
        j = pa
    for k, ln in enumerate(lines):
        if not is_label(ln):
            continue
        lo = k                      # the block of header cells around the label: short lines, no digits
        while lo > 0 and VHEAD_CELL_RE.match(lines[lo - 1]):
            lo -= 1
        hi = k
        while hi + 1 < len(lines) and VHEAD_CELL_RE.match(lines[hi + 1]):
            hi += 1
        header = list(reversed(lines[lo:hi + 1]))
        below = [x for x in reversed(lines[:lo]) if x]    # the cells read since the header, in order
        n = len(header)
        if not 3 <= n <= 8 or header[0] in ("序号", "编号") and not (below and below[0].isdigit()):
            return None
        return header[len(below) % n]
    return None


_PIPED_LINE_RE = re.compile(r"[^\n]*\|[^\n]*")


def _split_rows(text: str) -> list[tuple[int, int]]:
    """Breaks (positions of ``\n``) inside | rows whose cells a scrape put one per line: a row with fewer
    cells than the table's header (4 | 绿色工厂), then exactly the missing cells as short lines of their
    own (国家级绿色工厂 / 一次性奖励50万元 / — / 市工信局), then the next row or the table's end."""
    if text.count("|") < 6:
        return []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", text) if m.start() == 0 or text[m.start() - 1] == "\n"]
    cells = [text[a:b].strip().strip("|").count("|") + 1 if "|" in text[a:b] else 0 for a, b in lines]
    out: list[tuple[int, int]] = []
    header = 0
    i = 0
    while i < len(lines):
        n = cells[i]
        if n >= 3:              # the widest row of the table this line is in (a new table starts afresh)
            header = max(header, n) if i and cells[i - 1] >= 3 else n
        if n >= 2 and header >= 3 and n < header and _ROW_START_RE.match(text, lines[i][0]):
            need = header - n
            take = lines[i + 1:i + 1 + need]
            after = i + 1 + need
            if len(take) == need and all(cells[i + 1 + k] == 0 and 0 < len(text[a:b].strip()) <= 40
                                         and not _SENTENCE_END_RE.search(text, a, b) for k, (a, b) in enumerate(take)) \
                    and (after >= len(lines) or cells[after] >= 2 or not text[lines[after][0]:lines[after][1]].strip()
                         or len(text[lines[after][0]:lines[after][1]].strip()) > 40):
                out.extend((lines[i + k][1], lines[i + k][1]) for k in range(need))
                i = after
                continue
        i += 1
    return out


_NUMBERED_ROW_RE = re.compile(r"[ \t\u3000]*(\d{1,3})[ \t]*[|\t]")
_NEXT_ROW_RE = re.compile(r"(?<![\d.])[ \u3000]+(\d{1,3})[ \t]*[|\t]")


def _run_together_rows(text: str) -> list[int]:
    """Blanks that stand where a row break was lost: a numbered | or tab row (1|耕地地力保护补贴|…) on whose
    line the next numbers follow in turn, each after a blank and before a separator (…|乡镇农业综合服务中心
    2|稻谷目标价格补贴|…). Only the next number in sequence counts, so an amount (每亩110元) never does."""
    if text.count("|") + text.count("\t") < 6:
        return []
    out: list[int] = []
    for line in re.finditer(r"[^\n]+", text):
        a, b = line.span()
        first = _NUMBERED_ROW_RE.match(text, a, b)
        if first is None or text.count("|", a, b) + text.count("\t", a, b) < 6:
            continue
        n = int(first.group(1))
        for nxt in _NEXT_ROW_RE.finditer(text, first.end(), b):
            if int(nxt.group(1)) == n + 1:
                out.append(nxt.start())
                n += 1
    return out


def piped_view(text: str) -> str:
    """``text`` with the cell gaps of its space-separated tables written as ``|`` (same length, so every
    offset holds): the table passes read them as the | tables they are. A row wrapped onto two lines
    reads as one line: the break becomes a gap, or a blank inside the cell it cut; a | row whose cells
    were put one per line reads as one row."""
    tables = spaced_tables(text)
    captioned = caption_tables(text)
    split = _split_rows(text)
    joined = _run_together_rows(text)
    if not tables and not captioned and not split and not joined:
        return text
    chars = list(text)
    for k, _ in split:
        chars[k] = "|"
    for k in joined:
        chars[k] = "\n"        # a row break the scrape turned into a blank
    for t in captioned:
        for a, b in t.rows:
            for m in _CAP_TOKEN_RE.finditer(text, a, b):
                if m.end() < b:
                    chars[m.end()] = "|"     # a gap, or the break before a wrapped note
            for k in range(a, b):
                if chars[k] == "\n":
                    chars[k] = " "
    for rows in tables:
        width = len(_tokens(text, *rows[0]))
        for a, b in rows:
            cells = _cells_of(text, _tokens(text, a, b), width)
            for (_, e), _ in zip(cells, cells[1:]):
                chars[e] = "|"      # the first blank of each gap (a line break, where the row wrapped)
            for k in range(a, b):   # any other break: inside a cell
                if chars[k] == "\n":
                    chars[k] = " "
    return "".join(chars)


# A table under a caption that gives its money unit (单位：万元) whose header line a copy lost: numbered
# rows (1 武汉市 3160 含区域养老服务中\n心8个), a note wrapped onto the next line, a 合计 row.
CAPTION_LINE_RE = re.compile(r"[ \t]*[(（]?\s*(?:金额|资金)?单位\s?[:：]\s?(?P<u>万元|亿元|元)\s*[)）]?[ \t]*")
_ROW_START_RE = re.compile(r"[ \t]*(?:(?P<n>\d{1,4})(?![\d.])|合计|小计|总计)")
# a header line whose cells a copy separated by spaces (or |), none a number: 序号 地区 分配金额 备注 over a
# caption table's rows, 序号 重点任务 责任单位 完成时限 over a task table's
SPACED_HEADER_RE = re.compile(r"[ \t\u3000]*序号(?:[ \t\u3000|]+[^\s\d|]{2,12}){2,8}[ \t\u3000|]*")
DIGIT_START_RE = re.compile(r"[ \t\u3000\xa0]*\d")   # a line led by a number: a row, never a wrapped note or a title
_BARE_NUMBER_RE = re.compile(r"\d{1,9}(?:\.\d{1,4})?")
_CAP_TOKEN_RE = re.compile(r"[^ \t\u3000\xa0|]+")    # (a cell of the | view, too)
_MEMO: tuple = (None, [])      # (text, tables): replaced whole, so a thread never reads another text's


class CaptionTable(NamedTuple):
    rows: list      # (start, end) of each row, its wrapped lines included
    cells: list     # (start, end, unit) of each row's money cell


def caption_tables(text: str) -> list[CaptionTable]:
    """Such tables in ``text``: the money cell of each row is the one bare number it holds besides its
    serial (a table whose rows hold two numbers is left alone: which is money?)."""
    global _MEMO
    memo = _MEMO
    if memo[0] is text:
        return memo[1]
    out: list[CaptionTable] = []
    if "单位" in text:
        lines = [m.span() for m in _LINE_SPAN_RE.finditer(text)]
        for i, (a, b) in enumerate(lines):
            cap = CAPTION_LINE_RE.fullmatch(text, a, b)
            if cap:
                k = i + 1 + (i + 1 < len(lines) and SPACED_HEADER_RE.fullmatch(text, *lines[i + 1]) is not None)
                t = _caption_rows(text, lines, k, cap.group("u"))
                if t is not None:
                    out.append(t)
    _MEMO = (text, out)
    return out


def caption_cells(text: str) -> list[tuple[int, int, str]]:
    """(start, end, unit) of every money cell of the caption tables in ``text``."""
    return [c for t in caption_tables(text) for c in t.cells]


def _caption_rows(text: str, lines: list[tuple[int, int]], i: int, unit: str) -> CaptionTable | None:
    rows: list[tuple[int, int]] = []
    cells: list[tuple[int, int, str]] = []
    n = 1
    while i < len(lines):
        a, b = lines[i]
        m = _ROW_START_RE.match(text, a, b)
        serial = m.group("n") if m else None
        if m is None or serial is not None and int(serial) != n:
            break
        group = [(a, b)]
        while i + 1 < len(lines) and not _ROW_START_RE.match(text, *lines[i + 1]) \
                and not DIGIT_START_RE.match(text, *lines[i + 1]) \
                and lines[i + 1][1] - lines[i + 1][0] <= 16 and not _SENTENCE_END_RE.search(text, *lines[i + 1]):
            i += 1
            group.append(lines[i])      # a cell's text wrapped onto the next line
        numbers = [t.span() for ga, gb in group for t in _CAP_TOKEN_RE.finditer(text, ga, gb)
                   if _BARE_NUMBER_RE.fullmatch(t.group()) and t.start() != m.start("n")]
        if len(numbers) != 1:
            if len(numbers) > 1:
                return None
            break
        rows.append((group[0][0], group[-1][1]))
        cells.append((*numbers[0], unit))
        i += 1
        if serial is None:
            break               # 合计: the table's last row
        n += 1
    return CaptionTable(rows, cells) if n > 2 else None


class RowBlocks(NamedTuple):
    head: int       # index of the 序号 cell
    width: int      # the header's cells
    rows: list      # (first, last) cell index of each row, its serial included


_SECTION_START_RE = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十\d]+[章节条])")


def wrapped_row_tables(cells: list[str]) -> list[RowBlocks]:
    """A table of provisions flattened one cell per line whose long cells a copy wrapped onto more lines
    (序号\\n支持项目\\n支持标准\\n备注\\n1\\n国内发明专利授权资助\\n每件资助3000元，…最高不超\\n过30万元\\n仅限第一申请人\\n2…):
    the header (a 序号 cell, 2–8 short cells, one naming a content column) and rows told apart by their
    serials 1, 2, 3… on lines of their own; a row runs to the next serial, the last one to a section
    heading, a sentence line or twice the header's width."""
    out: list[RowBlocks] = []
    i = 0
    while i < len(cells):
        j = _header_end(cells, i, 8, 12)
        width = j - i if j is not None else 0
        if width < 3 or j >= len(cells) or cells[j].strip() != "1" \
                or not any(CONTENT_HEAD_RE.search(c.strip()) for c in cells[i + 1:j]):
            i += 1
            continue
        rows, n, r = [], 1, j
        while r < len(cells) and cells[r].strip() == str(n):
            k = r + 1
            while k < len(cells) and cells[k].strip() != str(n + 1) and k - r <= 2 * width \
                    and not _SECTION_START_RE.match(cells[k]) and not (len(cells[k].strip()) > 40 and _SENTENCE_END_RE.search(cells[k])):
                k += 1
            if k - r < width - 1:
                break           # too few cells for a row
            rows.append((r, k - 1))
            r, n = k, n + 1
        if len(rows) >= 2:
            out.append(RowBlocks(i, width, rows))
            i = r
        else:
            i += 1
    return out
