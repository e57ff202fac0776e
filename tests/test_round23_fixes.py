"""Round 23: small readings found while checking date forms from the spec."""
from __future__ import annotations

import pytest

from zhengce.nlp.deadlines import find_deadlines

PAD = "为进一步促进消费，激发市场活力，推动经济社会高质量发展。"


@pytest.mark.parametrize("sentence, issue, want", [
    ("从即日起到年底，购房可享受补贴。", "2024-03-01", ("span", "2024-03-01", "2024-12-31")),
    ("即日起至年末，市民可领取消费券。", "2023-05-20", ("span", "2023-05-20", "2023-12-31")),
    ("即日起至年底，购房可享受补贴。", None, ("span", None, None)),      # no date of its own: nothing guessed
])
def test_from_today_to_the_years_end_is_a_span_of_the_documents_year(sentence, issue, want):
    text = PAD + sentence
    got = [(d.kind, d.start_date, d.end_date) for d in find_deadlines(text, 0, len(text), issue_date=issue)
           if d.start >= len(PAD)]
    assert got == [want]
