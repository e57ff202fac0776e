"""Bytes -> text for saved government pages: UTF-8, GB18030/GBK/GB2312, Big5.

Chinese government sites still serve GBK and Big5; mirrors re-save pages as
UTF-8 while keeping a stale ``<meta charset=gb2312>``. So the bytes decide:
UTF-8 is tried strictly first (GBK text is almost never valid UTF-8), then the
legacy Chinese codecs are scored by how much of the decoded text is common
Chinese characters; a ``<meta charset>`` only breaks near-ties.

Failures raise :class:`zhengce.records.IngestError` with a short reason code:
``empty``, ``too_large``, ``binary``, ``undecodable``. A multibyte character cut
off at the very end of the data (a truncated download) is dropped, not an error.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..records import IngestError
from ..text import CJK_BASIC

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Magic numbers of formats that are sometimes saved under an .html name.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "zip"), (b"PK\x05\x06", "zip"), (b"\x1f\x8b", "gzip"),
    (b"%PDF", "pdf"), (b"\x89PNG", "png"), (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"), (b"BM", "bmp"), (b"RIFF", "riff"), (b"7z\xbc\xaf", "7z"),
    (b"Rar!", "rar"), (b"\xd0\xcf\x11\xe0", "ole (doc/xls)"), (b"\x7fELF", "elf"),
    (b"MZ", "exe"), (b"BZh", "bzip2"), (b"\xfd7zXZ", "xz"), (b"\x00\x00\x01\x00", "ico"),
    (b"wOFF", "woff"), (b"OggS", "ogg"), (b"ID3", "mp3"), (b"\x1aE\xdf\xa3", "webm/mkv"),
    (b"SQLite format 3", "sqlite"),
)
_BMP_LIKE = re.compile(rb"^BM.{4}\x00\x00\x00\x00", re.S)  # "BM" alone is too weak a signature
_MZ_LIKE = re.compile(rb"^MZ.{58}", re.S)

_CTRL_BYTES = bytes(b for b in range(0x20) if b not in (9, 10, 11, 12, 13, 27))
_CTRL_CHARS = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
_CTRL_CHAR_BYTES = bytes([*range(0x01, 0x09), *range(0x0e, 0x20), 0x7f])   # the bytes of _CTRL_CHARS
_WIDE_CODECS = frozenset({"utf-16", "utf-32"})   # public names of the codecs whose units are not bytes
_UTF_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)

# <meta charset="gb2312"> and <meta http-equiv="Content-Type" content="text/html; charset=gbk">
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,20})""", re.I)
_HTML_SNIFF = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|meta|title|p|div|table|span|br|td|script|style|a\s)[\s>/]",
    re.I)
_HTML_SNIFF_BYTES = 4096
# A page: doctype, <html>, <head> or <body>; or markup from the first character (a saved
# fragment); or many tags. A text that merely quotes some markup (a raw <svg …>, an inline
# <a …>) stays text, or the HTML parser would swallow its sections into the markup.
_PAGE_MARK = re.compile(r"<\s*(?:!doctype\s+html|html|head|body)[\s>/]", re.I)
_MANY_TAGS = 8

# Most frequent Chinese characters (from jieba's word-frequency dictionary) in both
# scripts: correct decodings are dense in them, GBK-as-Big5 and Big5-as-GBK are not.
_COMMON_SIMPLIFIED = (
    "一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于后就发自之对得主长"
    "可过天作分方用多你着部能市等业全里工公经本都而高政法面门动日进区事代那去心小同北定开产前其军还然起"
    "种所如现理机体表力好外与文当两实重新三么只山水关明从化平建又制南内西没此将员名手最东头者月间无安看"
    "见各城十相但已些正口通想度加第她合院物性战由位常点海意场武使次二向治因立数样身情入原问把路被并利石"
    "老教万知级量任江及应省资委务元美特期世湖回系比气汉总展电科金先声提品设或义王社很统处四首共马形己儿"
    "司太目基领队直计别女权话少流命至报米给打变果书清活几州华解议更称程今决张导术府才保交放管结师便走达"
    "族反再题色五京河接条规式县白它改风光运信受什组听布百济党指论强做取技黄神选记斯真却职号界件花类何眼"
    "兵传带空干农边据集联古广完质阳难增历史专官每住商即步认车台林必死游举线言皇土团收考求德叫近备研争非"
    "具李众连调感转笑创励补贴助策施项目励扶持企孵化")
_COMMON_TRADITIONAL_EXTRA = (
    "並來個們備傳兒內兩別動務區卻員問國團報場學實將專對導師帶幹幾廣張強後從應戰據數於時書會東條業樣機權"
    "歷氣決沒漢濟無爭爲現產當發種稱級組結給統經線縣總義聯聲職聽臺與舉華萬處號衆術裏見規計記設話認說調論"
    "議變資質車軍轉農這連進遊運過達選還邊長門開間關陽隊難電領頭題類風馬體麼黃點黨為眾創勵補貼項勵擴")
_COMMON = frozenset(_COMMON_SIMPLIFIED + _COMMON_TRADITIONAL_EXTRA)
# every common character is in the basic block, so matching them counts the common ones among
# the CJK characters (a regex: much faster than testing each character in Python)
_COMMON_RE = re.compile("[" + "".join(sorted(_COMMON)) + "]")
_CJK = re.compile(f"[{CJK_BASIC}]")   # the basic block: Extension A counts as odd below
_CJK_RUN = re.compile(f"[{CJK_BASIC}]+")   # counted by runs: one string per run, not per character
# Kana, Greek, Cyrillic, box drawing, private use, CJK ext-A, compatibility ideographs,
# replacement char: what a wrong legacy codec leaves behind.
_ODD = re.compile(r"[\u0370-\u04ff\u2500-\u257f\u3040-\u30ff\u3400-\u4dbf\ue000-\uf8ff\uf900-\ufaff\ufffd]")

_CODEC_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030",
    "cp936": "gb18030", "euc-cn": "gb18030", "hz-gb-2312": "gb18030",
    "big5": "cp950", "big5-hkscs": "cp950", "big5hkscs": "cp950", "cp950": "cp950", "x-big5": "cp950",
    "utf-8": "utf-8", "utf8": "utf-8",
}
_LEGACY = ("gb18030", "cp950", "big5hkscs")
_PUBLIC_NAME = {"gb18030": "gb18030", "cp950": "big5", "big5hkscs": "big5hkscs", "utf-8": "utf-8", "utf-8-sig": "utf-8-sig",
                "utf-16": "utf-16", "utf-32": "utf-32"}


@dataclass
class Decoded:
    text: str
    encoding: str      # utf-8 | utf-8-sig | gb18030 | big5 | utf-16 | utf-32 | ascii
    is_html: bool


def decode_bytes(data: bytes, source: str = "<bytes>", *, max_bytes: int = DEFAULT_MAX_BYTES,
                 is_html: bool | None = None) -> Decoded:
    """Decode a saved page or text dump; raise IngestError with a reason code on failure.

    ``max_bytes`` falsy means no limit. ``is_html=None`` sniffs the first 4 KB for tags.
    """
    if not data or data.isspace():      # (not data.strip(), without copying the file)
        raise IngestError(source, "empty", "no content")
    if max_bytes and len(data) > max_bytes:
        raise IngestError(source, "too_large", f"{len(data)} bytes > limit {max_bytes}")
    kind = _binary_kind(data)
    wide = _bomless_utf16(data) if kind == "NUL bytes" else None
    if kind and not wide:
        raise IngestError(source, "binary", kind)

    if wide:
        text, encoding = _strict(data[:len(data) // 2 * 2], wide), "utf-16"
        if text is None:
            raise IngestError(source, "undecodable", f"invalid {wide} (no byte-order mark)")
    else:
        text, encoding = _decode(data, source)
    if not text or text.isspace():
        raise IngestError(source, "empty", "only whitespace after decoding")
    if "\x00" in text:
        raise IngestError(source, "binary", "NUL characters in decoded text")
    # stray C0 controls (BEL, ESC, DEL ... from a bad copy) are not text; XML-based
    # outputs (xlsx) refuse them, so they go here, before any offset is taken. In the
    # ASCII-compatible codecs a control character only ever comes from its own byte, and
    # looking for those bytes costs a sixth of running the regex over a whole page.
    if encoding in _WIDE_CODECS or len(data.translate(None, _CTRL_CHAR_BYTES)) != len(data):
        text = _CTRL_CHARS.sub("", text)
    if is_html is None:
        is_html = sniff_html(text)
    return Decoded(text=text, encoding=encoding, is_html=is_html)


def sniff_html(text: str) -> bool:
    """True when the start of the text looks like a page, not a text quoting markup."""
    head = text[:_HTML_SNIFF_BYTES]
    if _PAGE_MARK.search(head):
        return True
    first = _HTML_SNIFF.search(head)
    if first is None:
        return False
    if not head[:first.start()].strip():
        return True
    return len(_HTML_SNIFF.findall(head)) >= _MANY_TAGS


def _binary_kind(data: bytes) -> str | None:
    for magic, name in _MAGIC:
        if data.startswith(magic):
            if name == "bmp" and not _BMP_LIKE.match(data):
                continue
            if name == "exe" and not _MZ_LIKE.match(data):
                continue
            return name
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _UTF_BOMS[1:]):
        return None  # UTF-16/32 legitimately contain NUL bytes
    if b"\x00" in head:
        return "NUL bytes"
    # Control characters other than \t \n \r \f \v ESC are not in text files.
    ctrl = len(head) - len(head.translate(None, _CTRL_BYTES))
    if ctrl > max(8, len(head) // 100):
        return "control bytes"
    return None


# What a text is made of, for telling UTF-16 without a byte-order mark from binary: tabs and line ends, printable
# ASCII and Latin (pinyin's tone marks, NBSP, ·), general punctuation (“” ‘’ — …), number forms and enclosed
# numerals (①), CJK punctuation, symbols and compatibility units (㎡), the Han blocks, full-width forms.
_TEXT_CHARS = re.compile(r"[\t\n\r\x20-\x7e\xa0-\u024f\u2000-\u206f\u2100-\u21ff\u2460-\u24ff\u2500-\u25ff"
                         r"\u3000-\u303f\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``data`` (NUL bytes and no byte-order mark) reads as text in it:
    Notepad's "Unicode" saves a Chinese page so, its ASCII characters (line ends, digits) carrying the NULs —
    most on one side of their pairs (a Han character with a zero low byte, 一 or 最, puts one on the other), and more
    than one or two (ASCII read in pairs is Han: 'ab' is 扡)."""
    head = data[:8192]
    head = head[:len(head) // 2 * 2]
    nuls = head.count(0)
    if nuls < max(2, len(head) // 1000):
        return None
    for codec, side in (("utf-16-le", 1), ("utf-16-be", 0)):
        if head[side::2].count(0) < 0.7 * nuls:
            continue
        try:
            text = head.decode(codec)
        except UnicodeDecodeError:
            text = head[:-2].decode(codec, "ignore")    # (a surrogate pair cut by the head's end)
        if text and len(_TEXT_CHARS.findall(text)) >= 0.95 * len(text) \
                and (not _CJK_RUN.search(text) or _score(text) >= 0.3):
            return codec    # (ASCII with NULs read in pairs is Han, but rare Han: common characters are ≥ 0.57 of a page's)
    return None


def _decode(data: bytes, source: str) -> tuple[str, str]:
    for bom, codec in _UTF_BOMS:
        if data.startswith(bom):
            text = _strict(data, codec)
            if text is None:
                raise IngestError(source, "undecodable", f"invalid {codec} after byte-order mark")
            return text.lstrip("\ufeff"), _PUBLIC_NAME[codec]
    if data.isascii():
        return data.decode("ascii"), "ascii"
    utf8 = _strict(data, "utf-8")
    if utf8 is not None and _CJK.search(utf8, 0, 20000):
        return utf8, "utf-8"
    # Valid UTF-8 without a single CJK character: either a page in another script
    # or a short GBK/Big5 text whose byte pairs happen to form 2-byte UTF-8
    # sequences ("通知" in GBK is CD A8 D6 AA). The legacy codecs decide below.

    hint = _meta_hint(data)
    best: tuple[float, str, str] | None = None
    strict_codecs: set[str] = set()
    for codec in _LEGACY:
        if codec == "big5hkscs" and "cp950" in strict_codecs:
            continue  # the Hong Kong supplement only when plain Big5 (cp950) hit invalid bytes
        cand = _strict(data, codec)
        lenient = cand is None
        if not lenient:
            strict_codecs.add(codec)
        if lenient:
            cand = _incremental(data, codec, "replace")
        # invalid sequences already cost through _score (U+FFFD is debris); a Big5 page
        # with a few HKSCS characters must still beat a clean-but-garbage GBK reading
        score = _score(cand) - (0.02 if lenient else 0.0) + (0.05 if codec == hint else 0.0)
        if best is None or score > best[0]:
            best = (score, cand, codec)
    assert best is not None
    score, text, codec = best
    if utf8 is not None and (score < 0.3 or "\ufffd" in text):
        return utf8, "utf-8"
    if utf8 is None:
        # UTF-8 but for a few broken sequences (an encoded surrogate, a character cut
        # in the middle by a bad mirror): keep the text, with U+FFFD for the bad bytes
        loose = _incremental(data, "utf-8", "replace")
        if loose.count("\ufffd") <= max(3, len(loose) // 500) and _score(loose) > score:
            return loose, "utf-8"
    bad = text.count("\ufffd")
    if bad > max(3, len(text) // 200):
        raise IngestError(source, "undecodable",
                          f"not UTF-8, GB18030 or Big5 ({bad} invalid sequences as {_PUBLIC_NAME[codec]})")
    return text, _PUBLIC_NAME[codec]


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return _incremental(data, codec, "strict")
    except UnicodeDecodeError:
        return None


def _incremental(data: bytes, codec: str, errors: str) -> str:
    # final=False keeps a multibyte character cut off at the end out of the text
    # (a truncated download) instead of failing the whole file.
    return codecs.getincrementaldecoder(codec)(errors=errors).decode(data, final=False)


def _meta_hint(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:_HTML_SNIFF_BYTES])
    if not m:
        return None
    return _CODEC_ALIASES.get(m.group(1).decode("ascii", "replace").lower())


def _score(text: str) -> float:
    """Share of common characters among CJK characters, minus wrong-codec debris."""
    cjk = sum(map(len, _CJK_RUN.findall(text, 0, 20000)))
    if not cjk:
        return 0.0
    common = len(_COMMON_RE.findall(text, 0, 20000))
    odd = len(_ODD.findall(text, 0, 20000))
    return common / cjk - 2.0 * odd / (cjk + odd)
