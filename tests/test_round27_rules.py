"""Round 27: readings added after the round's checks, each with the sentence it came from."""
from __future__ import annotations

from zhengce.nlp.measures import split_measures


def _starts(text: str) -> list[tuple[str, str]]:
    return [(m.kind, text[m.start:m.start + 8]) for m in split_measures(text)]


def test_a_news_lead_is_no_title_over_the_provision_after_it():
    t = ("记者从市人社局获悉，我市近日出台稳就业若干措施。对吸纳高校毕业生就业的小微企业，按每人1000元给予"
         "一次性吸纳就业补贴；对首次创业的大学生，给予5000元创业补贴。")
    got = _starts(t)
    assert got[0][0] == "news" and ("measure", "对吸纳高校毕业生") in got and ("measure", "对首次创业的大学") in got
    # a frame before a short title still opens the titled provision (通知显示,加大…力度。对…)
    t2 = "通知显示，加大财政支持力度。对新认定的众创空间给予20万元奖励。"
    assert ("measure", "加大财政支持力度") in _starts(t2)
