"""The evaluation sets are well-formed, split cleanly, and their evidence is findable.

Each set is a folder under eval/sets/ with a tune part and a test part. Gold quotes must each
sit inside ONE chunk of the product's chunker (else no retriever can ever score a hit on
them); answer keywords must occur in the cleaned corpus. No embedding: only the ingestion
pipeline runs. The gov-reports corpus is not bundled; its evidence checks are skipped when
../shared/corpora/gov-work-reports-2010-2017/ (relative to the repo) is absent.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from rag.eval.runner import OPTIONAL, REQUIRED, load_set
from rag.textsim import normalize

REPO = Path(__file__).resolve().parent.parent
SETS = REPO / "eval" / "sets"
PARTS = ("tune", "test")
TYPES = {"fact", "number", "date", "who", "role", "requirement", "multi", "crosslingual",
         "unanswerable"}
NEAR_MISS = {"wrong-year", "wrong-level", "missing-figure", "plan-vs-outcome", "other"}
CORPORA = {"bundled": REPO / "data" / "corpus",
           "gov-reports": REPO.parent / "shared" / "corpora" / "gov-work-reports-2010-2017"}


def _items(name: str, part: str | None = None) -> list[dict]:
    out = []
    for p in ([part] if part else PARTS):
        path = SETS / name / f"{p}.jsonl"
        out += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    return out


def test_every_set_is_a_folder_with_both_parts():
    assert not list(SETS.glob("*.jsonl")), "sets are folders with tune.jsonl and test.jsonl"
    assert set(CORPORA) <= {p.name for p in SETS.iterdir() if p.is_dir()}
    for d in (p for p in SETS.iterdir() if p.is_dir()):
        for part in PARTS:
            assert (d / f"{part}.jsonl").is_file(), f"{d.name}/{part}.jsonl missing"


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_parts_load_with_the_runner_validation(name):
    for part in PARTS:
        assert len(load_set(SETS / name / f"{part}.jsonl")) >= 40, (name, part)


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_fields_are_exact_and_ids_unique_across_parts(name):
    items = _items(name)
    allowed = set(REQUIRED) | set(OPTIONAL)
    for o in items:
        assert set(REQUIRED) <= set(o), o["id"]
        assert set(o) <= allowed, (o["id"], set(o) - allowed)
        assert o["lang"] in ("zh", "en") and o["type"] in TYPES, o["id"]
        if o.get("unanswerable"):
            assert o["type"] == "unanswerable" and not o["gold_quotes"], o["id"]
            assert o.get("near_miss", "other") in NEAR_MISS, o["id"]
        else:
            assert o["gold_quotes"] and o["answer_keywords"], o["id"]
            assert "near_miss" not in o, o["id"]
    ids = Counter(o["id"] for o in items)
    assert [i for i, n in ids.items() if n > 1] == []      # also: no id in both parts


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_distribution(name):
    items = _items(name)
    n = len(items)
    assert n >= 90
    assert set(Counter(o["type"] for o in items)) == TYPES
    en = sum(o["lang"] == "en" for o in items) / n
    assert 0.18 <= en <= 0.40, f"English share {en:.0%}"
    assert sum(o.get("unanswerable", False) for o in items) >= 15
    assert sum(o.get("date_inferred", False) for o in items) >= 10
    tune = len(_items(name, "tune")) / n
    # batch 1 was split 40/60, batch 2 (written later, see the sets' READMEs) 60/40, batch 3
    # and gov-reports batch 4 all tune (more signal to tune on; the test parts, what is
    # reported, stay as they were); batches 5 to 36 of both sets were split 50/50 by strata
    # (bounded by a 58% tune share): gov-reports is now 945 tune / 685 test, bundled 771 / 559
    assert 0.35 <= tune <= 0.60, f"tune share {tune:.0%}, want 35-60%"
    for part in PARTS:
        its = _items(name, part)
        assert set(Counter(o["type"] for o in its)) == TYPES, (name, part)
        assert {o["lang"] for o in its} == {"zh", "en"}, (name, part)
        assert sum(o.get("unanswerable", False) for o in its) >= 5, (name, part)


def test_gov_reports_near_misses_are_spread():
    for part in PARTS:
        kinds = Counter(o["near_miss"] for o in _items("gov-reports", part)
                        if o.get("unanswerable"))
        assert len(kinds) >= 3, (part, kinds)
    assert set(Counter(o["near_miss"] for o in _items("gov-reports")
                       if o.get("unanswerable"))) == NEAR_MISS


_CHUNKS: dict[str, list[str]] = {}


def _chunk_texts(name: str) -> list[str]:
    if name not in _CHUNKS:
        corpus = CORPORA[name]
        if not corpus.is_dir():
            pytest.skip(f"corpus not present: {corpus}")
        from rag.ingest import ingest_paths
        result = ingest_paths([corpus])
        assert not result.skipped, result.skipped
        _CHUNKS[name] = [normalize(c.text) for c in result.chunks]
    return _CHUNKS[name]


@pytest.mark.parametrize("item", [(name, o) for name in sorted(CORPORA) for o in _items(name)
                                  if not o.get("unanswerable")],
                         ids=lambda x: f"{x[0]}:{x[1]['id']}")
def test_gold_quotes_and_keywords_are_in_chunks(item):
    name, o = item
    chunk_texts = _chunk_texts(name)
    for q in o["gold_quotes"]:
        assert any(normalize(q) in t for t in chunk_texts), f"gold quote not inside one chunk: {q}"
    whole = "\n".join(chunk_texts)       # the separator keeps matches inside one chunk
    for k in o["answer_keywords"]:
        assert normalize(k) in whole, f"answer keyword not in the cleaned corpus: {k}"
