"""Floors on corpus-dev read at the spec's granularity (tests/gold/devspec, written blind from the spec by
three helpers in round 10; the pages themselves had been read in earlier rounds against the older item gold).

The figures at the time of writing (bench/score_dev2.py with ZHENGCE_DEV2_GOLD=tests/gold/devspec and
ZHENGCE_DEV2_CORPUS=../shared/corpus-dev), tune 39 / sealed 21: see tests/gold/devspec/README.md. The floors
sit a little under them; the sealed part is only scored in aggregate (this test prints no individual failure).
"""
from __future__ import annotations

import pytest

from support import DEV_CORPUS, REPO, blind_scorer

FLOORS = {"tune": {"money_values": 0.93, "units": 0.74, "measures": 0.63, "kinds": 0.76},
          "sealed": {"money_values": 0.95, "units": 0.70, "measures": 0.57, "kinds": 0.66}}


@pytest.fixture(scope="module")
def scorer():
    if not DEV_CORPUS.is_dir():
        pytest.skip(f"{DEV_CORPUS} is absent (the corpus-dev pages are read where they lie; set ZHENGCE_DEV_CORPUS)")
    return blind_scorer("score_devspec", REPO / "tests" / "gold" / "devspec", DEV_CORPUS)


@pytest.mark.parametrize("split, n", [("tune", 39), ("sealed", 21)])
def test_devspec_pages_hold_their_floors(scorer, split, n):
    res = scorer.run(split, peer=False, errors=None)
    assert res["documents"] == n and res["failed"] == 0
    low = {f: res["fields"][f]["f1"] for f, floor in FLOORS[split].items() if res["fields"][f]["f1"] < floor}
    assert not low, f"{split}: below floor {low}"
