"""The learned kind model (nlp/kinds.py, resources/kinds.json): it ships, loads, is the default decider, is
asked only where bench/train_kinds.py found its overrides paid, and leaves the clauses the rules settle alone."""
from __future__ import annotations

import base64
import json
import os
from unittest import mock

import pytest

from zhengce.nlp import kinds as K
from zhengce.nlp.measures import split_measures


def _with(how: str, text: str) -> list[tuple[str, str]]:
    with mock.patch.dict(os.environ, {"ZHENGCE_KINDS": how}):
        return [(m.kind, text[m.start:m.end].strip()) for m in split_measures(text)]


def test_the_model_ships_in_the_format_the_training_script_writes():
    raw = json.loads(K.RESOURCE.read_text(encoding="utf-8"))
    assert set(raw) >= {"labels", "features", "coef", "bias", "confidence"}
    assert {"measure", "criterion", "news", "preamble", "other", "cont"} <= set(raw["labels"])
    assert len(base64.b64decode(raw["coef"])) == 4 * len(raw["features"]) * len(raw["labels"])
    assert 0.5 <= raw["confidence"] < 1
    m = K.load_model()
    assert m["W"].shape == (len(raw["features"]) + 1, len(raw["labels"]))   # + the unknown feature's zero row
    assert not m["W"][-1].any()
    assert K.DEFAULT_DECIDER == "model"


def test_scores_ignore_unknown_features_and_repeats():
    m = K.load_model()
    feats = ["b", "p:^", "rk:measure", "f1:对"]
    base = K.model_scores(m, feats)
    assert K.model_scores(m, feats + ["no such feature", "f1:对"]) == base
    assert K.model_scores(m, []) == list(m["bias"])


def test_where_the_model_is_asked():
    assert not K.consults_model(3, ",", "cont")            # after a comma: the rules'
    assert not K.consults_model(0, "^", "measure")         # a record the rules open as a measure
    assert not K.consults_model(0, "^", "news")
    assert not K.consults_model(2, "\n", "heading")
    assert K.consults_model(0, "^", "preamble")
    assert K.consults_model(2, "。", "cont")                # does the next sentence start a provision?
    assert K.consults_model(2, "；", "cont")


@pytest.mark.parametrize("text, want", [
    # a frame hands on to the provision after its comma: no item of its own
    ("本报讯（记者 王芳）8月9日，市住建局发布《关于促进房地产市场平稳健康发展的通知》。通知明确，自2023年8月10日起，"
     "在我市购买新建商品住房的，按购房款的1%给予购房补贴，单套最高不超过3万元。",
     ("measure", "自2023年8月10日起")),
    # a bare answer opens the provision after it
    ("问：电动自行车以旧换新有补贴吗？\n答：有。2024年9月1日至12月31日，个人消费者在本市交售老旧电动自行车并购买新车的，"
     "每辆补贴500元。\n", ("measure", "答：有。2024年9月1日")),
])
def test_clauses_the_rules_settle_read_alike_under_both_deciders(text, want):
    for how in ("rules", "model"):
        got = _with(how, text)
        assert any(k == want[0] and t.startswith(want[1]) for k, t in got), (how, got)
        assert not any(len(t) <= 6 and k == "measure" for k, t in got), (how, got)


def test_a_bracketed_responsibility_note_stays_with_its_item():
    text = ("一、大力引进人才\n（一）支持引进高层次人才。对来我市创业的高层次人才团队给予最高1000万元奖励。\n"
            "[牵头单位:市科技局;责任单位:市发改委、市工信局]\n（二）支持引进青年人才。对新引进的博士给予20万元安家补贴。\n")
    got = _with("model", text)
    assert not any(t.startswith("[") for _, t in got)
    assert any(t.endswith("市工信局]") for _, t in got)


def test_without_the_file_the_rules_decide(tmp_path):
    text = "一、对新认定的高新技术企业给予一次性奖励20万元。\n二、所需资金由市财政局列支。"
    rules = _with("rules", text)
    K.load_model.cache_clear()
    try:
        with mock.patch.object(K, "RESOURCE", tmp_path / "absent.json"):
            with pytest.warns(UserWarning, match="no kind model there"):
                assert K.load_model() is None
            assert _with("model", text) == rules
    finally:
        K.load_model.cache_clear()


def test_the_same_text_gives_the_same_items_every_time():
    text = ("日前，市发展改革委印发通知，明确对新建分布式光伏发电项目给予0.1元/千瓦时的度电补贴，补贴期限为3年。"
            "补贴申报须于今年6月30日前完成，项目须于明年底前建成并网。同时，对储能项目给予一次性补贴。")
    assert _with("model", text) == _with("model", text)


def test_a_damaged_model_file_leaves_the_rules_deciding_and_says_so(tmp_path):
    bad = tmp_path / "kinds.json"
    raw = json.loads(K.RESOURCE.read_text(encoding="utf-8"))
    raw["coef"] = raw["coef"][:100]            # truncated weights
    bad.write_text(json.dumps(raw), encoding="utf-8")
    text = "一、对新认定的高新技术企业给予一次性奖励20万元。\n二、所需资金由市财政局列支。"
    rules = _with("rules", text)
    K.load_model.cache_clear()
    try:
        with mock.patch.object(K, "RESOURCE", bad), pytest.warns(UserWarning, match="unreadable kind model"):
            assert K.load_model() is None
        with mock.patch.object(K, "RESOURCE", bad):
            assert _with("model", text) == rules
    finally:
        K.load_model.cache_clear()
