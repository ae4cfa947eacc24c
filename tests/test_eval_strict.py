"""`rag eval`'s hit@5 agrees exactly with a count made independently over `rag retrieve --batch
-k 10 --json` output: a question counts when one of its gold quotes is a substring of one of its
first five passages' `text`, exactly as printed (docs/metrics.md, "strict").

The set is the first questions of the bundled test part, plus one whose quote has full-width
digits (found only by the lenient match) and one unanswerable question.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CORPUS_CACHE, REPO

N_FROM_SET = 14            # enough to cover several question types at a few seconds each
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _set(tmp: Path) -> Path:
    lines = (REPO / "eval/sets/bundled/test.jsonl").read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()][:N_FROM_SET]
    first = next(q for q in items if not q.get("unanswerable")
                 and any(ch.isdigit() for ch in q["gold_quotes"][0]))
    lenient_only = {**first, "id": first["id"] + "-fw",
                    "gold_quotes": [q.translate(FULL_WIDTH) for q in first["gold_quotes"]]}
    unanswerable = {"id": "strict-unans", "question": "长葛市2031年的GDP是多少？", "lang": "zh",
                    "type": "unanswerable", "gold_quotes": [], "answer_keywords": [],
                    "unanswerable": True}
    path = tmp / "strict.jsonl"
    path.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n"
                            for q in [*items, lenient_only, unanswerable]), encoding="utf-8")
    return path


def _cli(argv: list[str], capsys) -> str:
    from rag import cli
    capsys.readouterr()
    assert cli.main(argv) == 0
    return capsys.readouterr().out


@pytest.fixture(scope="module")
def strict_set(tmp_path_factory) -> Path:
    return _set(tmp_path_factory.mktemp("strict"))


def test_eval_hit5_equals_independent_strict_count(corpus_api, strict_set, tmp_path,
                                                   monkeypatch, capsys):
    monkeypatch.setenv("RAG_INDEX_DIR", str(CORPUS_CACHE))
    retrieved = [json.loads(line) for line in
                 _cli(["retrieve", "--batch", str(strict_set), "-k", "10", "--json"],
                      capsys).splitlines() if line.strip()]
    questions = [json.loads(line) for line in strict_set.read_text(encoding="utf-8").splitlines()]
    assert [r["query"] for r in retrieved] == [q["question"] for q in questions]

    # the independent count: plain substring tests over the printed JSON
    answerable = [(q, r) for q, r in zip(questions, retrieved) if not q.get("unanswerable")]
    hits = [any(g in p["text"] for g in q["gold_quotes"] for p in r["results"][:5])
            for q, r in answerable]
    expected = sum(hits) / len(hits)

    report = json.loads(_cli(["eval", str(strict_set), "--no-answers", "--json",
                              "--out", str(tmp_path / "out")], capsys))
    metrics = report["configs"]["default"]["metrics"]
    assert metrics["hit@5"] == round(expected, 4)
    # the full-width copy of a found quote is a strict miss and a lenient hit
    fw = [i for i, (q, _) in enumerate(answerable) if q["id"].endswith("-fw")][0]
    assert not hits[fw]
    assert metrics["hit@5_lenient"] > metrics["hit@5"]


def test_report_prints_a_meaning_for_every_metric(tmp_path):
    from rag.eval.definitions import MEANINGS
    from rag.eval.report import ROWS, definitions_table

    labels = [label for label, _, _ in ROWS]
    assert set(labels) <= set(MEANINGS), set(labels) - set(MEANINGS)
    header, rows = definitions_table()
    assert header == ["metric", "meaning"] and all(meaning for _, meaning in rows)
    doc = (REPO / "docs" / "metrics.md").read_text(encoding="utf-8")
    for label in labels:
        if not label.startswith(("latency", "questions")):
            assert label in doc, f"docs/metrics.md does not define {label!r}"
