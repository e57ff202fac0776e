"""extract / extract_text: composition on real documents, and hypothesis properties.

On arbitrary text the extractor never raises, and every offset is in range and slices
to the field's text (measures, amounts, deadlines, units, targets).
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

try:  # helper D's finders: the composition needs them
    from zhengce.nlp.extract import extract, extract_text, level_prefix_for
except ImportError as exc:  # pragma: no cover - only while nlp/amounts|deadlines|targets are missing
    pytest.skip(f"extractor parts missing: {exc}", allow_module_level=True)

from zhengce.records import Document, Region, MEASURE_KINDS
from zhengce.ingest.normalize import normalize

from support import CORPUS, SEEDS


def assert_consistent(text, measures):
    assert all(m.kind in MEASURE_KINDS for m in measures)
    for m in measures:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start:m.end] == m.text
        for item in (*m.amounts, *m.deadlines, *m.units, *m.targets):
            assert 0 <= item.start <= item.end <= len(text), item
            assert text[item.start:item.end] == item.text, item
            assert m.start <= item.start and item.end <= m.end, (item, m.start, m.end)
        assert set(m.instrument_types) <= {"supply", "environment", "demand"}


def seed_doc(key, level, issue_date=None, **region):
    text = normalize((CORPUS / SEEDS[key]).read_text(encoding="utf-8")).text
    return Document(source=SEEDS[key], text=text, original_text=text, issue_date=issue_date,
                    region=Region(level=level, **region))


def item_parts(ms, m):
    """``m`` and the provisions cut from the same item after it (they carry no title of their own)."""
    i = ms.index(m)
    out = [m]
    for x in ms[i + 1:]:
        if x.title is not None or x.path != m.path or x.kind == "heading":
            break
        out.append(x)
    return out


def test_extract_nanning():
    doc = seed_doc("nanning", "city", "2016-06-13", city="南宁市", province="广西壮族自治区")
    ex = extract(doc)
    assert ex.document is doc
    assert_consistent(doc.text, ex.measures)
    m9 = next(m for m in ex.measures if m.title == "支持新产品推广")
    parts = item_parts(ex.measures, m9)
    assert any(a.value_yuan == 20000 for p in parts for a in p.amounts)
    units = [u for p in parts for u in p.units]
    assert units[0].name == "市工信委" and units[0].role == "lead"
    m = next(m for m in ex.measures if m.title == "积极推进众创空间等新型创业创新平台建设")
    assert "platform" in m.instruments and "supply" in m.instrument_types
    goal = next(m for m in ex.measures if m.kind == "goal" and "众创空间10家以上" in m.text)
    assert goal.targets
    d = ex.to_dict()
    assert d["measures"] and d["schema_version"]


def test_extract_qinghai_units_and_tags():
    doc = seed_doc("qinghai", "province", "2017-01-01", province="青海省")
    ex = extract(doc)
    assert_consistent(doc.text, ex.measures)
    m = next(m for m in ex.measures if m.title == "实行奖励和补助政策")
    parts = item_parts(ex.measures, m)     # the item's provisions (the rent subsidy is one of them)
    assert "rent_subsidy" in {t for p in parts for t in p.instruments}
    assert [u.name for p in parts for u in p.units][:2] == ["省科技厅", "省发展改革委"]
    assert any(a.value_yuan == 1_000_000 for p in parts for a in p.amounts)


def test_every_seed_is_consistent():
    for key in SEEDS:
        doc = seed_doc(key, None)
        assert_consistent(doc.text, extract(doc).measures)


def test_level_prefix_for():
    assert level_prefix_for(Document("x", "", "", region=Region(level="city"))) == "市"
    assert level_prefix_for(Document("x", "", "", region=Region(level="province"))) == "省"
    assert level_prefix_for(Document("x", "", "", region=Region(level="district", district="郫县"))) == "县"
    assert level_prefix_for(Document("x", "", "", region=Region(level="district", district="江南区"))) == "区"
    assert level_prefix_for(Document("x", "", "", region=Region(level="national"))) is None
    assert level_prefix_for(Document("x", "", "")) is None


def test_extract_text_without_document():
    text = "一、支持政策\n1.房租补贴。对入驻企业给予每月最高1000元房租补贴,2020年底前完成。(市科技局、财政局)\n"
    ms = extract_text(text, issue_date="2019-01-01", level_prefix="市")
    assert_consistent(text, ms)
    m = next(m for m in ms if m.title == "房租补贴")
    assert [u.name for u in m.units] == ["市科技局", "市财政局"]
    assert "rent_subsidy" in m.instruments
    assert extract_text("") == []


# Characters policy text is made of, plus damage: numbering, brackets, pipes, digits, newlines.
_ALPHABET = st.sampled_from(list(
    "一二三四五六七八九十是第条章()（）、。,，;；:：|\n 0123456789.%元万亿年月日底前内起至止"
    "市省区县局委厅办府会牵头负责配合主办协办单位等部门各人民政府最高不超过补贴给予奖励众创空间孵化器"
    "①②③“”《》〔〕号/-—~*"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(_ALPHABET, max_size=300))
def test_never_raises_offsets_slice(text):
    ms = extract_text(text, issue_date="2018-04-04", level_prefix="市")
    assert_consistent(text, ms)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_on_any_unicode(text):
    assert_consistent(text, extract_text(text))
