"""Round 24: readings found with invented cases from the spec (each kept only when no tune page changed)."""
from __future__ import annotations

import pytest

from zhengce.nlp.extract import extract
from zhengce.records import Document


def _units(text: str) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in extract(Document(source="x.txt", text=text, original_text=text)).units]


@pytest.mark.parametrize("body", ["高新区管委会经发局", "东湖高新区管委会科创局", "园区管委会科工信局"])
def test_a_zone_committees_own_bureau_is_one_body(body):
    names = [n for n, _ in _units(f"符合条件的企业可向{body}提出申请，经审核后拨付资金。")]
    assert names == [body]


@pytest.mark.parametrize("body", ["经发局", "经济发展局", "自规局", "投促局", "社事局", "文体旅局", "教体局", "农林水局"])
def test_county_and_zone_portfolios_are_read_without_a_level_word(body):
    # development zones and merged county bureaus: 经发局 (经济发展局), 自规局, 投促局, 社事局 ...
    assert [n for n, _ in _units(f"企业向{body}提出申请，审核通过后予以补贴。")] == [body]
