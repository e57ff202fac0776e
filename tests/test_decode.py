"""Decoding saved pages: encodings detected from bytes, broken inputs rejected with a reason."""
from __future__ import annotations

import gzip
import io
import json
import time
import zipfile

import pytest

from support import CORPUS, DEV_CORPUS, FIXTURES, SEEDS
from zhengce.ingest.decode import DEFAULT_MAX_BYTES, decode_bytes, sniff_html
from zhengce.records import IngestError

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
SIMPLIFIED = "关于加快众创空间发展服务实体经济转型升级的实施意见。对新认定的国家级科技企业孵化器给予一次性奖励100万元。"


def _reason(data: bytes, **kw) -> str:
    with pytest.raises(IngestError) as err:
        decode_bytes(data, "x.html", **kw)
    assert err.value.source == "x.html"
    return err.value.reason


def test_fixture_encodings_detected_without_being_told():
    expected = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
    for name, exp in expected.items():
        d = decode_bytes((FIXTURES / name).read_bytes(), name)
        assert d.is_html
        want = {"gb2312": "gb18030", "big5": "big5", "utf-8": "utf-8"}[exp["encoding"]]
        assert d.encoding == want, name
        for line in exp["body"][:3]:
            assert line in d.text, (name, line)


def test_gbk_page_decodes_to_simplified_text():
    d = decode_bytes((FIXTURES / "gbk_notice.html").read_bytes())
    assert "柳州市支持创业孵化载体发展若干措施" in d.text
    assert "\ufffd" not in d.text


def test_big5_page_decodes_to_traditional_text():
    d = decode_bytes((FIXTURES / "big5_notice.html").read_bytes())
    assert "關于加快眾創空間發展" in d.text
    assert d.encoding == "big5"


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_seeds_roundtrip_through_legacy_encodings(key):
    text = (CORPUS / SEEDS[key]).read_text(encoding="utf-8")
    assert decode_bytes(text.encode("utf-8")).text == text
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8")).encoding == "utf-8-sig"
    gb = text.encode("gb18030")
    assert decode_bytes(gb).text == text
    # seeds 000/003 are traditional script: they must come back from Big5 intact
    b5 = text.encode("cp950", errors="ignore")
    d = decode_bytes(b5)
    assert d.encoding == "big5" and d.text == b5.decode("cp950")


def test_dev_corpus_as_gbk_and_big5(dev_corpus):
    wrong = []
    for path in sorted(dev_corpus.glob("dev-*.txt")):
        text = path.read_text(encoding="utf-8")
        for codec, name in (("gb18030", "gb18030"), ("cp950", "big5")):
            data = text.encode(codec, errors="ignore")
            if data.isascii():
                continue
            d = decode_bytes(data, path.name)
            if d.encoding != name:
                wrong.append((path.name, codec, d.encoding))
    assert not wrong


def test_meta_charset_that_lies_loses_to_the_bytes():
    page = f'<html><head><meta charset="gb2312"></head><body><p>{SIMPLIFIED}</p></body></html>'
    d = decode_bytes(page.encode("utf-8"))
    assert d.encoding == "utf-8" and SIMPLIFIED in d.text
    page_b5 = page.replace("gb2312", "big5")
    d = decode_bytes(page_b5.encode("gb18030"))
    assert d.encoding == "gb18030" and SIMPLIFIED in d.text


def test_meta_http_equiv_hint_and_short_gbk_text():
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"></head>'
            "<body><p>通知</p></body></html>")
    d = decode_bytes(page.encode("gbk"))
    assert "通知" in d.text and d.encoding == "gb18030"


def test_truncated_multibyte_at_end_is_dropped_not_an_error():
    traditional = "關于加快眾創空間發展服務實體經濟轉型升級的實施意見"
    for codec, text in (("utf-8", SIMPLIFIED), ("gb18030", SIMPLIFIED), ("cp950", traditional)):
        data = text.encode(codec)
        assert not data[-1:].isascii()
        cut = data[:-1]
        d = decode_bytes(cut)
        assert "\ufffd" not in d.text
        assert d.text == text[:-1], codec


def test_empty_and_whitespace_rejected():
    assert _reason(b"") == "empty"
    assert _reason(b" \n\t \r\n") == "empty"
    assert _reason("\u3000\u3000\n".encode("utf-8")) == "empty"


@pytest.mark.parametrize("data", [
    PNG,
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    gzip.compress("<html>政策</html>".encode()),
    b"\x00\x01\x02\x03\x04\x05\x06\x07" * 64,
])
def test_binary_rejected(data):
    assert _reason(data) == "binary"


def test_zip_named_html_rejected_as_binary():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("index.html", "<html><body>关于印发的通知</body></html>")
    with pytest.raises(IngestError) as err:
        decode_bytes(buf.getvalue(), "page.html")
    assert err.value.reason == "binary" and "zip" in err.value.detail


def test_undecodable_bytes_rejected():
    # Latin-1 high bytes in runs that are invalid UTF-8, GB18030-odd and Big5-invalid
    data = bytes([0x80, 0xFF, 0xFE, 0xA0]) * 500
    assert _reason(data) == "undecodable"


def test_too_large_rejected_quickly(tmp_path):
    big = tmp_path / "big.html"
    with open(big, "wb") as f:
        f.write(b"<html><body>" + ("政策" * 1024).encode("utf-8") * (50 * 1024 // 6 + 1) + b"</body></html>")
    data = big.read_bytes()
    assert len(data) > 50 * 1024 * 1024 > DEFAULT_MAX_BYTES
    t = time.perf_counter()
    with pytest.raises(IngestError) as err:
        decode_bytes(data, str(big))
    assert err.value.reason == "too_large"
    assert time.perf_counter() - t < 0.05
    # the limit is the caller's to change
    assert decode_bytes(data, max_bytes=len(data)).encoding == "utf-8"


def test_utf16_with_bom():
    d = decode_bytes(b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le"))
    assert d.text == SIMPLIFIED and d.encoding == "utf-16"


def test_is_html_sniffing_and_override():
    assert sniff_html("<!DOCTYPE html><html><body>x</body></html>")
    assert sniff_html("\n\n<div class=a>正文</div>")
    assert not sniff_html("第一条 为规范<管理>,制定本办法。")
    assert decode_bytes(b"<p>x</p>", is_html=False).is_html is False
    assert decode_bytes("一、总体要求".encode("utf-8")).is_html is False


def test_decode_is_cheap_on_seed_sized_pages():
    datas = [(CORPUS / name).read_bytes() for name in SEEDS.values()]
    gbk = [d.decode("utf-8").encode("gb18030") for d in datas]
    t = time.process_time()
    for _ in range(20):
        for d in datas + gbk:
            decode_bytes(d)
    per_doc = (time.process_time() - t) / (20 * len(datas + gbk))
    assert per_doc < 0.002, per_doc


def test_dev_corpus_files_decode_as_utf8(dev_corpus):
    for path in sorted(DEV_CORPUS.glob("dev-*.txt")):
        d = decode_bytes(path.read_bytes(), path.name)
        assert d.encoding in ("utf-8", "ascii")
        assert d.text == path.read_text(encoding="utf-8")


def test_big5_with_hong_kong_supplement_or_a_stray_bad_pair():
    trad = "關於加快眾創空間發展服務實體經濟轉型升級的實施意見,對新認定的國家級科技企業孵化器給予一次性獎勵100萬元。" * 3
    data = trad.encode("cp950")
    hk = "\u4e6a"  # a character only in Big5-HKSCS
    d = decode_bytes(data[:40] + hk.encode("big5hkscs") + data[40:])
    assert d.encoding == "big5hkscs" and hk in d.text and trad[:20] in d.text
    d = decode_bytes(data[:40] + b"\xff\x30" + data[40:])  # damaged pair: replaced, page still Big5
    assert d.encoding == "big5" and trad[:20] in d.text
