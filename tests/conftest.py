"""Shared fixtures: the bundled corpus and the external dev corpus.

The dev corpus (../shared/corpus-dev, 60 real excerpts) is read where it lies and
never copied into the repo; tests that need it skip with the reason when absent.
Override its location with ZHENGCE_DEV_CORPUS.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

# Tests import these from support; the re-export keeps test files not yet moved over working.
from support import CORPUS, DEV_CORPUS, FIXTURES, GOLD, REPO, SEEDS, dev_corpus_or_skip  # noqa: F401


@pytest.fixture
def dev_corpus() -> Path:
    return dev_corpus_or_skip()


@pytest.fixture
def dev_index(dev_corpus) -> list[dict]:
    with open(dev_corpus / "index.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture
def seed_path():
    return lambda key: CORPUS / SEEDS[key]
