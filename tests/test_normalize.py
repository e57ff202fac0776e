"""Normalization: pinyin notes, script, width, whitespace, repairs, masks, and the offset map."""
from __future__ import annotations

import random
import re

import pytest

from zhengce.ingest.normalize import apply_edits, count_masks, normalize
from zhengce.ingest.pinyin import pinyin_spans, strip_pinyin
from zhengce.ingest.repair import find_repairs
from zhengce.text import read_collapsed_date
from zhengce.ingest.script import t2s

from support import CORPUS, SEEDS

_CJK = re.compile(r"[\u3400-\u9fff]")


# ----------------------------------------------------------------- pinyin

@pytest.mark.parametrize("raw, clean", [
    ("關(guān)于建設(shè)", "關于建設"),
    ("創(chuàng)(chuang)(chuang)新", "創新"),
    ("重(zhòng)要中(zhong)心", "重要中心"),          # toneless only because toned notes exist
    ("chuàng)業(yè)孵化", "業孵化"),                 # note cut at the excerpt start
    ("眾創(chuàng)空間建設(", "眾創空間建設"),           # note cut at the end
    ("市科技局会(huì )同市财政局", "市科技局会同市财政局"),  # a space inside the note
])
def test_pinyin_notes_removed(raw, clean):
    assert strip_pinyin(raw) == clean


@pytest.mark.parametrize("real", [
    "(PPP)模式", "人工智能(AI)", "手机(app)", "各市(州)", "(一)营造环境", "(市科技局、人社局等部门)",
    "不超过3万元(含3万元)", "(以下簡稱:“四眾”)", "中(zhong)国",   # toneless without toned notes: kept
])
def test_real_parentheticals_kept(real):
    assert strip_pinyin(real) == real


def test_real_parentheticals_kept_next_to_pinyin():
    raw = "創(chuàng)業(yè)(PPP)模式(AI)各市(州)(一)(含3万元)(以下簡稱:“四眾”)(app)(市科技局)"
    assert strip_pinyin(raw) == "創業(PPP)模式(AI)各市(州)(一)(含3万元)(以下簡稱:“四眾”)(app)(市科技局)"


# ----------------------------------------------------------------- script, width, whitespace

def test_t2s_profile_keeps_mainland_vocabulary():
    n = normalize("國務院關於建設示範基地的實施意見,建立工作機制。" * 3)
    assert "建设" in n.text and "建立" in n.text and "置设" not in n.text
    assert n.script == "traditional"


def test_script_detection():
    assert normalize("南宁市人民政府关于推进大众创业万众创新的实施意见,加快建设。").script == "simplified"
    assert normalize("青海省人民政府辦公廳關於加快大眾創業萬眾創新支撐平臺建設的實施意見").script == "traditional"


def test_fullwidth_digits_and_latin_halfwidth_punctuation_kept():
    n = normalize("补助１０万元，支持ＡＩ和ｐｐｐ项目。（含３万元）")
    assert n.text == "补助10万元，支持AI和ppp项目。（含3万元）"


def test_whitespace_collapsed_and_number_spaces_removed():
    raw = "\n\n  一、总体要求 \n\n\n\t补助133.28 万元，自 2019 年 1 月 1 日起\u3000\u3000执行  \n  \n第一章  总则"
    n = normalize(raw)
    assert n.text == "一、总体要求\n补助133.28万元，自2019年1月1日起 执行\n第一章 总则"


def test_spaces_around_punctuation_removed():
    assert normalize("提升自主创新能力 , 培育新优势 。").text == "提升自主创新能力,培育新优势。"


# ----------------------------------------------------------------- repairs and masks

def test_doc_number_bracket_repaired_only_in_doc_numbers():
    n = normalize("落实《通知》(桂政办发〔2015134号)精神,共计20151234人。")
    assert "桂政办发〔2015〕134号" in n.text
    assert "20151234人" in n.text
    (r,) = [r for r in n.repairs if r.kind == "doc_number_bracket"]
    assert r.before == "〔2015134号" and r.after == "〔2015〕134号"
    assert n.text[r.start:r.end] == r.after


def test_lost_nian_repaired():
    n = normalize("201612月底以前公布清单,至202012月底止。金额201612元。")
    assert "2016年12月底以前" in n.text and "2020年12月底止" in n.text
    assert "201612元" in n.text
    assert [r.kind for r in n.repairs] == ["date_year_char", "date_year_char"]
    for r in n.repairs:
        assert n.text[r.start:r.end] == r.after


def test_collapsed_signature_dates_not_rewritten():
    n = normalize("南宁市人民政府办公厅\n2016613\n至20171231日")
    assert "2016613" in n.text and "20171231日" in n.text
    assert not find_repairs("2016613")


@pytest.mark.parametrize("digits, hint, iso", [
    ("2016613", None, "2016-06-13"), ("201844", 2018, "2018-04-04"), ("20171231", None, "2017-12-31"),
    ("2016113", None, None),            # 1-13 or 11-3: ambiguous
    ("201844", 2015, None),             # contradicts the document number's year
    ("2016133", None, None),            # neither 1-33 nor 13-3 is a date
])
def test_read_collapsed_date(digits, hint, iso):
    assert read_collapsed_date(digits, hint) == iso


def test_masked_words_kept_and_counted():
    n = normalize("记者从国家*获悉,为落实*《意见》,加强**,由*、*、*牵头。")
    assert n.text.count("*") == 7
    assert n.masked_count == 6
    assert count_masks("计算公式 a * b") == 0


# ----------------------------------------------------------------- offset map

def test_apply_edits_maps_back():
    text = "關(guān)于  建设"
    t, anchors, _ = apply_edits(text, [(0, 0)], [(1, 7, ""), (8, 10, " ")])
    assert t == "關于 建设"
    from zhengce.records import OffsetMap
    om = OffsetMap(anchors)
    assert text[slice(*om.span_to_original(0, 2))] == "關(guān)于"
    assert text[slice(*om.span_to_original(3, 5))] == "建设"


def _check_spans(original: str, rng: random.Random, samples: int = 150) -> None:
    n = normalize(original)
    om = n.offset_map
    deleted = pinyin_spans(original)
    keep = [True] * len(original)
    for s, e in deleted:
        keep[s:e] = [False] * (e - s)
    repaired = [(r.start, r.end) for r in n.repairs]
    L = len(n.text)
    for _ in range(samples):
        s = rng.randrange(0, L)
        e = min(L, s + rng.randrange(1, 60))
        if any(s < re_ and rs < e for rs, re_ in repaired):
            continue
        os_, oe = om.span_to_original(s, e)
        assert 0 <= os_ <= oe <= len(original)
        orig_slice = "".join(ch for ch, k in zip(original[os_:oe], keep[os_:oe]) if k)
        want = _CJK.findall(n.text[s:e])
        got = _CJK.findall(t2s(orig_slice).replace("陜", "陕"))
        assert got == want, (s, e, n.text[s:e], original[os_:oe])


def test_offset_map_on_seeds():
    rng = random.Random(7)
    for name in SEEDS.values():
        lines = [ln.strip() for ln in (CORPUS / name).read_text(encoding="utf-8").splitlines() if ln.strip()]
        _check_spans("\n".join(lines), rng)


def test_offset_map_on_dev_corpus(dev_corpus):
    rng = random.Random(11)
    for path in sorted(dev_corpus.glob("dev-*.txt")):
        _check_spans(path.read_text(encoding="utf-8"), rng, samples=60)


def test_offset_map_exact_for_simplified_text():
    original = "  一、总体要求 \n\n补助133.28 万元\n(桂政办发〔2015134号)"
    n = normalize(original)
    om = n.offset_map
    for word in ("总体要求", "133.28", "万元", "桂政办发"):
        s = n.text.index(word)
        assert original[slice(*om.span_to_original(s, s + len(word)))] == word


# ----------------------------------------------------------------- property: any input

from hypothesis import given, settings, strategies as st  # noqa: E402

_ALPHABET = list("關于建設創業万众创新南宁市年月日号〔〕()（）*＊ 　\t\n\n0123456789０１２ＡａPPAIguānchuàngzhong.,，。:：、") + \
    ["(guān)", "(chuàng)", "(zhong)", "〔2015134号", "201612月", "133.28 万元"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=80).map("".join))
def test_normalize_any_text_keeps_offsets_consistent(original):
    n = normalize(original)
    om = n.offset_map
    assert om.anchors[0][0] == 0
    assert all(a[0] < b[0] for a, b in zip(om.anchors, om.anchors[1:]))
    deleted = pinyin_spans(original)
    keep = [True] * len(original)
    for s, e in deleted:
        keep[s:e] = [False] * (e - s)
    repaired = [(r.start, r.end) for r in n.repairs]
    for s in range(len(n.text)):
        for e in (s + 1, min(len(n.text), s + 7)):
            if any(s < re_ and rs < e for rs, re_ in repaired):
                continue
            os_, oe = om.span_to_original(s, e)
            assert 0 <= os_ <= oe <= len(original)
            orig_slice = "".join(ch for ch, k in zip(original[os_:oe], keep[os_:oe]) if k)
            assert _CJK.findall(t2s(orig_slice)) == _CJK.findall(n.text[s:e])


# ---------------------------------------------------------------- doubled punctuation and mojibake (issue 12)
def test_doubled_punctuation_repaired_and_recorded():
    n = normalize("省人社厅了解到,,为充分整合资源,,搭建平台。共补助649.2万元,。其中,,我市有10家。好吗？！")
    assert n.text == "省人社厅了解到,为充分整合资源,搭建平台。共补助649.2万元。其中,我市有10家。好吗？！"
    kinds = [(r.kind, r.before, r.after) for r in n.repairs]
    assert kinds == [("punct_doubled", ",,", ","), ("punct_doubled", ",,", ","),
                     ("punct_doubled", ",。", "。"), ("punct_doubled", ",,", ",")]
    for r in n.repairs:
        assert n.text[r.start:r.end] == r.after


def test_mojibake_is_flagged_never_rewritten():
    n = normalize("推动新旧动能转换,加快培育适合当?禺a业结构调整的新模式。证券时报e公司讯,是否?如何落实。")
    assert "当?禺a业" in n.text
    assert [(s.kind, s.text) for s in n.suspects] == [("mojibake", "合当?禺a业结")]
    s = n.suspects[0]
    assert n.text[s.start:s.end] == s.text


def test_suspect_spans_reach_the_document():
    from zhengce.ingest.document import normalize_text

    doc = normalize_text("关于推动产业发展的通知\n" + "各单位：为加快适合当?禺a业结构调整,,现就有关事项通知如下。\n" * 3)
    assert doc.suspect_spans and doc.suspect_spans[0].kind == "mojibake"
    assert any(r.kind == "punct_doubled" for r in doc.repairs)
    assert "suspect_spans" in doc.to_dict()
