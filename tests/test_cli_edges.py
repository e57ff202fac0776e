"""Command-line edges found by a new-user sweep in round 19: what a script reading exit codes and stderr sees."""
from __future__ import annotations

import pytest
from support import CORPUS

from zhengce.cli import main


@pytest.fixture(scope="module")
def unindexed(tmp_path_factory):
    d = tmp_path_factory.mktemp("ne") / "s"
    assert main(["ingest", str(CORPUS), "--store", str(d), "--no-embed", "--quiet"]) == 0
    return d


def test_search_without_any_index_is_an_error_not_an_empty_answer(unindexed, capsys):
    for argv in (["search", "补贴"], ["compare", "哪些城市对众创空间给予房租补贴"]):
        assert main(argv + ["--store", str(unindexed), "--format", "json"]) == 1
        err = capsys.readouterr().err
        assert "no search index yet" in err and "zhengce embed" in err


def test_no_match_under_filters_says_which_filters(unindexed, capsys):
    assert main(["embed", "--store", str(unindexed), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["search", "众创空间", "--has-amount", "--instrument", "rent_subsidy", "--store", str(unindexed)]) == 0
    err = capsys.readouterr().err
    assert "with the filters" in err and "rent_subsidy" in err
