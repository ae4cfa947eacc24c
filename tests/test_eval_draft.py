"""`rag eval draft` on the bundled corpus index: gold quotes are exact substrings of their
passage, no question copies 15 or more characters of its quote, near misses are included,
and nothing drafted is a set question until accepted (`rag eval accept`)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CORPUS_CACHE
from rag.eval import draft as D
from rag.eval.runner import EvalError, load_set


@pytest.fixture(scope="module")
def drafts(corpus_api, corpus_settings):
    return D.draft_index(corpus_settings, n=60)


def test_drafts_have_valid_quotes_and_do_not_copy_them(drafts, corpus_api):
    chunks = {c.id: c.text for c in corpus_api.load_index().chunks}
    assert len(drafts) == 60
    answerable = [d for d in drafts if not d.unanswerable]
    assert len(answerable) >= 40
    for d in answerable:
        assert d.gold_quotes and all(q in chunks[d.passage] for q in d.gold_quotes), d
        assert d.answer_keywords, d
        assert max(D.longest_common(d.question, q) for q in d.gold_quotes) < 15, d.question
    # several kinds of question, and near misses of more than one kind
    assert {"who", "when", "figure", "requirement"} <= {d.kind for d in answerable}
    misses = [d for d in drafts if d.unanswerable]
    assert len({d.near_miss for d in misses}) >= 2 and all(d.of for d in misses)
    assert len({d.id for d in drafts}) == 60


def test_longest_common():
    assert D.longest_common("市长对高标准农田建设提出了什么要求", "抓好高标准农田建设") == 7
    assert D.longest_common("", "abc") == 0
    assert D.copies_quote("x" + "一二三四五六七八九十甲乙丙丁戊", ["一二三四五六七八九十甲乙丙丁戊"])
    assert not D.copies_quote("一二三四五六七八九十甲乙丙丁", ["一二三四五六七八九十甲乙丙丁戊"])


def test_drafts_are_refused_by_the_set_loader_until_accepted(drafts, tmp_path, capsys,
                                                             monkeypatch):
    from rag import cli
    path = tmp_path / "drafts.jsonl"
    path.write_text(D.drafts_jsonl(drafts), encoding="utf-8")
    with pytest.raises(EvalError, match="field 'draft': a drafted question nobody has reviewed"):
        load_set(path)
    # review: accept the first ten, edit one question into a copy of its quote, reject the rest
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for i, obj in enumerate(lines):
        obj["draft"]["status"] = "accepted" if i < 10 else "rejected"
    j = next(i for i, o in enumerate(lines[:10]) if o["gold_quotes"] and len(o["gold_quotes"][0]) >= 15)
    lines[j]["draft"]["status"] = "edited"
    lines[j]["question"] = "请问" + lines[j]["gold_quotes"][0] + "？"
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in lines), encoding="utf-8")
    monkeypatch.setenv("RAG_INDEX_DIR", str(CORPUS_CACHE))
    out = tmp_path / "set.jsonl"
    capsys.readouterr()
    assert cli.main(["eval", "accept", str(path), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    kept = load_set(out)
    assert len(kept) == 9 and lines[j]["id"] not in {q.id for q in kept}
    assert "50 rejected" in err and "copies 15 or more characters" in err


GOV = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "gov-work-reports-2010-2017"


@pytest.mark.skipif(not GOV.is_dir(), reason="the gov-reports corpus (../shared/corpora/...) is absent")
def test_drafts_on_the_work_reports(corpus_settings):
    """The 2010-2017 reports, read and chunked as at ingest (no embedding needed to draft)."""
    from types import SimpleNamespace

    from rag.ingest import ingest_paths
    result = ingest_paths([GOV])
    index = SimpleNamespace(chunks=result.chunks,
                            docs={d.document.doc_id: {"title": d.document.title,
                                                      "profile": d.document.profile}
                                  for d in result.docs})
    drafts = D.pick(D.draft_candidates(index, corpus_settings), 60)
    texts = {c.id: c.text for c in result.chunks}
    answerable = [d for d in drafts if not d.unanswerable]
    assert len(drafts) == 60 and len(answerable) >= 40
    for d in answerable:
        assert all(q in texts[d.passage] for q in d.gold_quotes) and d.answer_keywords
        assert not D.copies_quote(d.question, d.gold_quotes), d.question
    assert {"zh", "en"} <= {d.lang for d in answerable}
    # near misses name a year no report covers, or a province the national reports are not about
    misses = [d for d in drafts if d.unanswerable]
    assert {"wrong-year", "wrong-level"} <= {d.near_miss for d in misses}
    assert all("2007年" in d.question for d in misses if d.near_miss == "wrong-year")


def test_table_row_gives_cell_questions_without_copying_the_cell():
    from rag.profiles.zh_gov import drafting
    text = "主要经济指标 · 地区生产总值 · 2019年: 352.6亿元；增长: 7.2%。"    # rag.ingest.tables.row_text
    doc = {"title": "某县统计年鉴2020", "profile": {"kind": "年鉴", "place": "河南省某市某县", "year": 2020}}
    cands = drafting.candidates(text, None, doc, "table-row")
    assert [c["answer_keywords"] for c in cands] == [["352.6亿元"], ["7.2%"]]
    assert all(c["gold_quotes"][0] in text and c["type"] == "number" for c in cands)
    assert cands[0]["question"] == "《某县统计年鉴2020》中，主要经济指标里，地区生产总值的2019年是多少？"
