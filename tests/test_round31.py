"""Round 31: validity clauses whose subject is not written 本…, a body after 和 right after another body."""
import pytest

from zhengce.nlp.measures import split_measures
from zhengce.nlp.units import find_units


def _items(text):
    return [(m.kind, text[m.start:m.end]) for m in split_measures(text)]


@pytest.mark.parametrize("text,clause", [
    ("一、对新招用高校毕业生的企业，按每人1500元给予一次性吸纳就业补贴。政策执行至2024年12月31日。\n二、附则。",
     "政策执行至2024年12月31日。"),
    ("对首次购房的青年人才给予购房补贴5万元。\n该政策自2024年6月15日起实施，有效期至2025年12月31日。",
     "该政策自2024年6月15日起实施"),
    ("对首次购房的青年人才给予购房补贴5万元。\n本标准自印发之日起施行，有效期至2024年12月31日。",
     "本标准自印发之日起施行"),
    ("五、对新认定的孵化器给予20万元奖励。\n六、附则。本办法自2023年3月1日起施行，有效期至2028年2月29日。",
     "六、附则。"),
])
def test_a_validity_clause_is_other(text, clause):
    items = _items(text)
    hit = [k for k, t in items if t.startswith(clause)]
    assert hit == ["other"], items
    assert items[0][0] == "measure"


@pytest.mark.parametrize("text", [
    "政策支持力度进一步加大，对新认定的孵化器给予20万元奖励。",
    "活动期间，对购买新能源汽车的消费者每辆补贴3000元。",
])
def test_a_policy_sentence_without_a_validity_clause_stays_a_measure(text):
    assert _items(text)[0][0] == "measure"


@pytest.mark.parametrize("text,want", [
    ("市财政和县财政各承担一半。", ["市财政", "县财政"]),          # 和 the conjunction, not 和县 (Anhui)
    ("市财政局和县财政局按比例分担。", ["市财政局", "县财政局"]),
    ("马鞍山市和县财政局负责拨付。", ["马鞍山市和县财政局"]),      # the county after its city
    ("和县财政局负责拨付。", ["和县财政局"]),
])
def test_he_county_only_where_it_is_a_place(text, want):
    assert [u.name for u in find_units(text)] == want
