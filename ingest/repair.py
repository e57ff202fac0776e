"""Repairs of scraping damage where the intent is certain, and collapsed-date reading.

Scrapers lose single characters around numbers. Two losses are rewritten because
only one reading exists:

* a document number missing its closing bracket: ``桂政办发〔2015134号`` ->
  ``桂政办发〔2015〕134号`` (issuer abbreviation + 〔 + 4-digit year + serial + 号);
* a lost 年 between a 4-digit year and a month: ``201612月底`` -> ``2016年12月底``;
* doubled punctuation inside Chinese text: ``,,`` / ``，，`` -> one mark, ``,。`` -> ``。``
  (a pause mark before a sentence end is a leftover of an edit).

Mojibake fragments (``当?禺a业``: a ``?`` standing for an undecodable byte, a stray Latin
letter, a replacement character) have no certain reading: :func:`find_suspects` flags them,
the text is left as found.

Collapsed signature dates (``2016613``, ``201844``) are ambiguous in general and are
*not* rewritten; :func:`zhengce.text.read_collapsed_date` interprets them for metadata when the
digits allow exactly one valid date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"

# Issuer abbreviation, an opening bracket, the year, then the serial with no closing bracket.
# (Literal-first patterns: a leading lookbehind would be tried at every position.)
_DOCNUM_OPEN = re.compile(rf"([〔﹝])(?<=[\u4e00-\u9fff][〔﹝])({_YEAR})(\d{{1,4}})(?=号)")
_CLOSERS = {"〔": "〕", "﹝": "﹞"}
# Year glued to month: 201612月 / 20161月; month must be 1-12 and no digit before the year.
_LOST_NIAN = re.compile(rf"({_YEAR})(?<![\d.]\d{{4}})(1[0-2]|0?[1-9])(?=月)")
# Two or more pause marks, or pause marks before a sentence end, between Chinese text;
# a run of sentence ends (。。。, ？！) is the writer's and stays.
_CJK_EDGE = r"\u4e00-\u9fff”’」』)）》"
# (written mark-first, the lookbehind after it: ``(?<=[…])([,，、;；]{2,}|[,，、;；]+[。！？!?])``)
_DOUBLED_PUNCT = re.compile(rf"([,，、;；](?<=[{_CJK_EDGE}][,，、;；])(?:[,，、;；]+|[。！？!?]))")
_SENTENCE_END = frozenset("。！？!?")


@dataclass
class FoundRepair:
    kind: str
    start: int           # edit span in the input text
    end: int
    replacement: str
    context_start: int   # the whole damaged expression in the input text
    context_end: int
    before: str


def find_repairs(text: str) -> list[FoundRepair]:
    """Repairs to apply to ``text`` (already simplified), sorted by position."""
    found: list[FoundRepair] = []
    for m in _DOCNUM_OPEN.finditer(text):
        ins = m.end(2)
        end = m.end() + 1  # through 号
        found.append(FoundRepair("doc_number_bracket", ins, ins, _CLOSERS[m.group(1)],
                                 m.start(), end, text[m.start():end]))
    for m in _LOST_NIAN.finditer(text):
        ins = m.end(1)
        end = m.end() + 1  # through 月
        found.append(FoundRepair("date_year_char", ins, ins, "年", m.start(), end,
                                 text[m.start():end]))
    for m in _DOUBLED_PUNCT.finditer(text):
        run = m.group()
        keep = run[-1] if run[-1] in _SENTENCE_END else run[0]
        found.append(FoundRepair("punct_doubled", m.start(), m.end(), keep, m.start(), m.end(), run))
    found.sort(key=lambda f: f.start)
    return found


# Marks of a lost byte inside Chinese text: ``?`` or U+FFFD between CJK characters (not after a
# question word: 是否?如何), a lone Latin letter between CJK characters, private-use characters.
# A run of ``??`` between CJK characters, U+FFFD and private-use characters are evidence alone.
# Written mark-first with the lookbehinds after the mark (a character class at the head lets the
# regex skip to candidates) for: (?<=[CJK])\?{2,}(?=[CJK]) | (?<=[CJK])(?<![吗呢…])\?(?=[CJK])
# | (?<=[CJK])[A-Za-z](?=[CJK]) | \ufffd | [\ue000-\uf8ff]
_ODD = re.compile(r"[?A-Za-z\ufffd\ue000-\uf8ff]"
                  r"(?:(?<=[\u4e00-\u9fff]\?)\?+(?=[\u4e00-\u9fff])"
                  r"|(?<=[\u4e00-\u9fff]\?)(?<![吗呢吧么啊嘛否何谁啥哪]\?)(?=[\u4e00-\u9fff])"
                  r"|(?<=[\u4e00-\u9fff][A-Za-z])(?=[\u4e00-\u9fff])|(?<=\ufffd)|(?<=[\ue000-\uf8ff]))")
_STRONG_ODD = re.compile(r"\?\?|[\ufffd\ue000-\uf8ff]")
_ODD_GAP = 3      # odd marks this close together belong to one damaged fragment
_CONTEXT = 2      # characters kept around the fragment so it can be found and read


@dataclass
class FoundSuspect:
    kind: str
    start: int
    end: int
    text: str


def find_suspects(text: str) -> list[FoundSuspect]:
    """Spans of ``text`` that look like mojibake: two odd marks within a few characters, or
    one replacement / private-use character. One odd mark alone (证券时报e公司) is no evidence."""
    found = list(_ODD.finditer(text))
    marks = [m.start() for m in found]
    out: list[FoundSuspect] = []
    i = 0
    while i < len(marks):
        j = i
        while j + 1 < len(marks) and marks[j + 1] - found[j].end() < _ODD_GAP and "\n" not in text[marks[j]:marks[j + 1]]:
            j += 1
        s, e = marks[i], found[j].end()
        if j > i or _STRONG_ODD.match(text, s):
            line_start = text.rfind("\n", 0, s) + 1
            line_end = text.find("\n", e)
            line_end = len(text) if line_end < 0 else line_end
            s, e = max(line_start, s - _CONTEXT), min(line_end, e + _CONTEXT)
            out.append(FoundSuspect("mojibake", s, e, text[s:e]))
        i = j + 1
    return out


