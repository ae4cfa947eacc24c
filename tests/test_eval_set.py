"""The bundled evaluation set is well-formed and its evidence is findable in the cleaned corpus.

Gold quotes must each sit inside ONE chunk of the product's chunker (else no retriever can
ever score a hit on them); answer keywords must occur in the cleaned corpus. No embedding:
only the ingestion pipeline runs.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from rag.eval.runner import OPTIONAL, REQUIRED, load_set
from rag.textsim import normalize

REPO = Path(__file__).resolve().parent.parent
SET = REPO / "eval" / "sets" / "bundled.jsonl"
TYPES = {"fact", "number", "date", "who", "role", "requirement", "multi", "crosslingual",
         "unanswerable"}


def _items() -> list[dict]:
    return [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines()
            if line.strip()]


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return _items()


@pytest.fixture(scope="module")
def chunk_texts() -> list[str]:
    from rag.ingest import ingest_paths
    result = ingest_paths([REPO / "data" / "corpus"])
    assert not result.skipped, result.skipped
    return [normalize(c.text) for c in result.chunks]


def test_set_loads_with_the_runner_validation():
    assert len(load_set(SET)) >= 120


def test_fields_are_exact_and_ids_unique(items):
    allowed = set(REQUIRED) | set(OPTIONAL)
    for o in items:
        assert set(REQUIRED) <= set(o), o["id"]
        assert set(o) <= allowed, (o["id"], set(o) - allowed)
        assert o["lang"] in ("zh", "en") and o["type"] in TYPES, o["id"]
        if o.get("unanswerable"):
            assert o["type"] == "unanswerable" and not o["gold_quotes"], o["id"]
        else:
            assert o["gold_quotes"] and o["answer_keywords"], o["id"]
    ids = Counter(o["id"] for o in items)
    assert [i for i, n in ids.items() if n > 1] == []


def test_distribution(items):
    n = len(items)
    assert n >= 120
    assert set(Counter(o["type"] for o in items)) == TYPES
    en = sum(o["lang"] == "en" for o in items) / n
    assert 0.18 <= en <= 0.35, f"English share {en:.0%}, want about 25%"
    assert sum(o.get("unanswerable", False) for o in items) >= 15
    assert sum(o.get("date_inferred", False) for o in items) >= 10


@pytest.mark.parametrize("item", [o for o in _items() if not o.get("unanswerable")],
                         ids=lambda o: o["id"])
def test_gold_quotes_and_keywords_are_in_chunks(item, chunk_texts):
    for q in item["gold_quotes"]:
        assert any(normalize(q) in t for t in chunk_texts), f"gold quote not inside one chunk: {q}"
    whole = "\n".join(chunk_texts)       # the separator keeps matches inside one chunk
    for k in item["answer_keywords"]:
        assert normalize(k) in whole, f"answer keyword not in the cleaned corpus: {k}"
