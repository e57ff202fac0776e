"""zhengce against JioNLP's own money and time tests (../shared/peer-cases), targets of issue 10."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CASES = REPO.parent / "shared" / "peer-cases"

pytestmark = [
    pytest.mark.skipif(not (CASES / "money_cases.jsonl").is_file(), reason=f"no peer cases at {CASES}"),
    pytest.mark.skipif(importlib.util.find_spec("jionlp") is None, reason="jionlp not installed"),
]


@pytest.fixture(scope="module")
def rows():
    spec = importlib.util.spec_from_file_location("score_peer_cases", REPO / "bench" / "score_peer_cases.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod   # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod.run(CASES)["zhengce"]


def test_money_cases_without_spurious_values(rows):
    assert rows["money"].total == 46
    assert rows["money"].passed >= 42, rows["money"].misses


def test_dates_framed_as_deadlines(rows):
    assert rows["framed"].total == 211
    assert rows["framed"].passed >= 195, rows["framed"].misses[:20]


def test_no_date_cases_stay_clean(rows):
    assert rows["clean"].total == 17 and rows["clean"].passed == 17, rows["clean"].misses


def test_document_numbers_are_never_dates(rows):
    assert rows["docnum"].passed == rows["docnum"].total, rows["docnum"].misses
