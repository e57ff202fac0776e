"""Round 25 readings, each with the case that asked for it and the reading it must not take over."""
from zhengce.nlp.measures import split_measures


def _kinds(text):
    return [(m.kind, text[m.start:m.end][:12]) for m in split_measures(text)]


def test_a_scope_sentence_after_a_frame_clause_is_a_criterion():
    # dev2 tune: 根据政策规定,此次补贴对象为…户籍 states who qualifies (gold: criterion), as 补贴对象为… alone did
    text = ("一、支持创业。对新创办的小微企业给予5000元一次性补贴。\n"
            "二、根据政策规定，此次补贴对象为本县户籍、符合法律法规生育的家庭。\n"
            "三、根据规定，对符合条件的企业给予10万元奖励。")
    kinds = [k for k, _ in _kinds(text)]
    assert kinds == ["measure", "criterion", "measure"]
