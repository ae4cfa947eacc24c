"""`rag eval` end to end on a small hand-made set over the bundled corpus index (embedded once
per session by conftest), plus the naive-langchain baseline on a two-file corpus of its own."""
from __future__ import annotations

import contextlib
import io
import json
import re
from argparse import Namespace
from pathlib import Path

import pytest

from rag.eval import runner
from rag.eval.configs import ConfigError, build_config
from rag.eval.naive import NaiveLangChain, cache_dir_for

QUESTIONS = [
    {"id": "t-001", "question": "市长对高标准农田建设提出了什么要求？", "lang": "zh",
     "type": "requirement", "gold_quotes": ["确保3月底前2019年度3万亩高标准农田建设项目大头落地"],
     "answer_keywords": ["3万亩"], "source": "changge"},
    {"id": "t-002", "question": "长葛市纪委五次全会上，代表市纪委常委会作工作报告的是谁？", "lang": "zh",
     "type": "who", "gold_quotes": ["段殿臣代表市纪委常委会作了题为"], "answer_keywords": ["段殿臣"]},
    {"id": "t-003", "question": "3月2日长葛市委常委（扩大）会议上，尹俊营要求全年完成多大比例的农户改厕目标？",
     "lang": "zh", "type": "number", "gold_quotes": ["要按照全年完成85%的农户改厕目标任务加快推进"],
     "answer_keywords": ["85%"], "date_inferred": False},
    {"id": "t-004", "question": "3月4日尹俊营要求长葛每个社区每年集体经济收入力争不低于多少？", "lang": "zh",
     "type": "number", "gold_quotes": ["每个社区每年集体经济收入力争不低于10万元"],
     "answer_keywords": ["10万元"]},
    {"id": "t-005", "question": "Who is the Party secretary of Changge?", "lang": "en", "type": "role",
     "gold_quotes": ["3月2日，市委书记尹俊营主持召开市委常委（扩大）会议"], "answer_keywords": ["尹俊营"]},
    {"id": "t-006", "question": "长葛市2021年的GDP是多少？", "lang": "zh", "type": "unanswerable",
     "gold_quotes": [], "answer_keywords": [], "unanswerable": True},
    {"id": "t-007", "question": "What was Changge's GDP in 2021?", "lang": "en", "type": "unanswerable",
     "gold_quotes": [], "answer_keywords": [], "unanswerable": True},
]
METRICS = {"hit@1", "hit@3", "hit@5", "hit@10", "mrr@10", "ndcg@10", "quote_recall@5",
           "all_quotes@5", "citation_precision", "citation_recall", "faithfulness",
           "keyword_recall", "abstention", "latency_ms", "n"}


def write_set(path: Path, items=QUESTIONS) -> Path:
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in items), encoding="utf-8")
    return path


def eval_args(sets, out, **kw) -> Namespace:
    base = dict(sets=list(sets), configs=None, llm=None, out=out, no_answers=False, check=None,
                json=True, write_baseline=None)
    return Namespace(**{**base, **kw})


def call(args, settings) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = runner.run_eval(args, settings)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def run(corpus_api, corpus_settings, tmp_path_factory):
    """One run of default + bm25 (+ naive-langchain when its store is already cached)."""
    tmp = tmp_path_factory.mktemp("eval")
    configs = ["default", "bm25"]
    if cache_dir_for(corpus_settings).joinpath("index.faiss").exists():
        configs.append("naive-langchain")
    args = eval_args([write_set(tmp / "small.jsonl")], tmp / "out", configs=configs,
                     write_baseline=tmp / "baseline.json")
    code, stdout, stderr = call(args, corpus_settings)
    assert code == 0, stderr
    return {"out": tmp / "out", "json": json.loads(stdout), "configs": configs, "tmp": tmp,
            "baseline": tmp / "baseline.json"}


def test_json_shape(run):
    data = run["json"]
    assert set(data) == {"set", "n", "configs"}
    assert data["set"] == "small" and data["n"] == len(QUESTIONS)
    assert list(data["configs"]) == run["configs"]
    for name, cfg in data["configs"].items():
        assert set(cfg) == {"metrics", "by_type", "by_lang"}
        m = cfg["metrics"]
        assert METRICS <= set(m), METRICS - set(m)
        assert m["n"] == len(QUESTIONS)
        assert set(m["latency_ms"]) == {"retrieve", "answer", "total"}
        assert m["latency_ms"]["total"]["p50"] > 0 and m["latency_ms"]["total"]["p95"] is not None
        assert m["abstention"]["n"] == len(QUESTIONS)
        for key in ("hit@5", "mrr@10", "citation_precision", "keyword_recall"):
            assert m[key] is None or 0.0 <= m[key] <= 1.0
        assert set(cfg["by_lang"]) == {"zh", "en"}
        assert {"requirement", "who", "number", "role", "unanswerable"} == set(cfg["by_type"])
        assert cfg["by_type"]["unanswerable"]["hit@5"] is None      # no gold evidence to find
    # The bundled index finds these easy quotes.
    assert data["configs"]["default"]["metrics"]["hit@10"] >= 0.8


def test_report_files(run):
    out = run["out"]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    rows = report["configs"]["default"]["rows"]
    assert [r["id"] for r in rows] == [q["id"] for q in QUESTIONS]
    assert {"retrieved", "top3", "answer", "citations", "abstained", "declined_by", "total_ms"} <= set(rows[0])
    steps = {"off-topic", "constraints", "judgement", "answerer"}
    assert all((r["declined_by"] in steps) if r["abstained"] else r["declined_by"] is None for r in rows)
    by = report["configs"]["default"]["metrics"]["declined_by"]
    assert sum(by["unanswerable"].values()) + sum(by["answerable"].values()) == sum(r["abstained"] for r in rows)
    # the constraint check's declines, by the checks that ruled out the nearest sentence
    checks = report["configs"]["default"]["metrics"]["declined_by_check"]
    for side in ("unanswerable", "answerable"):
        assert sum(checks[side].values()) == by[side].get("constraints", 0)
    assert all(r["declined_checks"] for r in rows if r["declined_by"] == "constraints")
    assert all(r["declined_checks"] is None for r in rows if r["declined_by"] != "constraints")
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "| metric | " + " | ".join(run["configs"]) + " |" in md
    assert "hit@5 by question type" in md
    assert "declined, by the step that declined" in md      # the set's unanswerable questions are declined
    assert ("constraint declines, by the checks" in md) == any(sum(side.values()) for side in checks.values())
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<svg" in html and html.count("<svg") >= 3
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "<script" not in html.lower() and "<link" not in html.lower()
    assert "Failed questions" in html


def test_check_baseline(run, corpus_settings):
    measured = run["json"]["configs"]["default"]["metrics"]
    written = json.loads(run["baseline"].read_text(encoding="utf-8"))
    assert written["set"] == "small"
    assert written["configs"]["default"]["hit@5"] == pytest.approx(measured["hit@5"], abs=1e-4)

    report = json.loads((run["out"] / "report.json").read_text(encoding="utf-8"))

    def baseline(delta_hit: float, delta_cite: float = 0.0) -> Path:
        path = run["tmp"] / f"baseline-{delta_hit}-{delta_cite}.json"
        path.write_text(json.dumps({"set": "small", "configs": {"default": {
            "hit@5": measured["hit@5"] + delta_hit,
            "citation_precision": measured["citation_precision"] + delta_cite}}}))
        return path

    assert runner.check_baseline(report, baseline(0.0))[0] == []
    assert runner.check_baseline(report, baseline(0.029))[0] == []
    assert runner.check_baseline(report, baseline(-0.2))[0] == []
    failures, _ = runner.check_baseline(report, baseline(0.05))
    assert len(failures) == 1 and "hit@5" in failures[0] and "default" in failures[0]
    failures, _ = runner.check_baseline(report, baseline(0.0, 0.031))
    assert len(failures) == 1 and "citation_precision" in failures[0]

    # Through the command: exit 1 with a message when too low, 0 otherwise.
    small = run["tmp"] / "small.jsonl"
    code, _, err = call(eval_args([small], run["tmp"] / "out2", configs=["default"], json=False,
                                  check=baseline(0.05)), corpus_settings)
    assert code == 1 and "baseline check FAILED" in err and "hit@5" in err
    code, stdout, err = call(eval_args([small], run["tmp"] / "out3", configs=["default"], json=False,
                                       check=run["baseline"]), corpus_settings)
    assert code == 0, err
    assert "| hit@5 |" in stdout                  # Markdown table without --json


def test_bad_set_line_names_file_line_and_field(tmp_path, corpus_settings):
    good = json.dumps(QUESTIONS[0], ensure_ascii=False)
    cases = {
        "missing": {k: v for k, v in QUESTIONS[1].items() if k != "lang"},
        "unknown": {**QUESTIONS[1], "answer": "段殿臣"},
        "wrongtype": {**QUESTIONS[1], "gold_quotes": "段殿臣代表市纪委常委会作了题为"},
    }
    expect = {"missing": "'lang'", "unknown": "'answer'", "wrongtype": "'gold_quotes'"}
    for name, obj in cases.items():
        path = tmp_path / f"{name}.jsonl"
        path.write_text(good + "\n\n" + json.dumps(obj, ensure_ascii=False) + "\n", encoding="utf-8")
        with pytest.raises(runner.EvalError) as e:
            runner.load_set(path)
        assert f"{path}:3" in str(e.value) and expect[name] in str(e.value)
    path = tmp_path / "badjson.jsonl"
    path.write_text(good + "\n{not json\n", encoding="utf-8")
    code, _, err = call(eval_args([path], tmp_path / "out"), corpus_settings)
    assert code == 2 and f"{path}:2" in err and "invalid JSON" in err
    dup = tmp_path / "dup.jsonl"
    dup.write_text(good + "\n" + good + "\n", encoding="utf-8")
    with pytest.raises(runner.EvalError, match=r"dup\.jsonl:2: field 'id'"):
        runner.load_set(dup)


def test_unknown_config_lists_valid_names(tmp_path, corpus_settings):
    with pytest.raises(ConfigError, match="naive-langchain"):
        build_config("nope", corpus_settings)
    code, _, err = call(eval_args([write_set(tmp_path / "s.jsonl")], tmp_path / "out",
                                  configs=["default", "nope"]), corpus_settings)
    assert code == 2 and "'nope'" in err and "default, dense, bm25, hybrid, naive-langchain" in err


def test_naive_langchain_on_a_tiny_corpus(tmp_path, monkeypatch):
    from rag.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("# 甲县大事记\n\n3月5日，县长王大明要求年底前完成道路硬化工程。\n"
                                  "3月9日，县委书记李小红主持召开植树造林动员会。\n" * 12, encoding="utf-8")
    (corpus / "b.txt").write_text("乙区年鉴\n\n全年地区生产总值达到120亿元，增长6.5%。\n" * 4,
                                  encoding="utf-8")
    (corpus / "corpus.json").write_text("{}", encoding="utf-8")      # metadata, not a document
    s = Settings.load(index_dir=tmp_path / "index", corpus_dir=corpus, llm="extractive")
    naive = NaiveLangChain.load(s, progress=False)
    manifest = json.loads((naive.cache_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"] == ["a.txt", "b.txt"] and manifest["embedder"] == s.embedder
    hits = naive.retrieve("乙区地区生产总值是多少？", 3)
    assert hits[0].chunk.doc_title == "b.txt" and hits[0].chunk.id.startswith("naive:")
    assert [h.rank for h in hits] == [1, 2, 3] and manifest["chunks"] >= 3
    answer = naive.answer("乙区地区生产总值是多少？")
    assert not answer.abstained and "120亿元" in answer.answer
    assert answer.citations and answer.citations[0].id.startswith("naive:")

    # A second load reuses the cache; a changed file gets a store of its own.
    import rag.eval.naive as naive_mod
    with monkeypatch.context() as mp:
        mp.setattr(naive_mod, "_build", lambda *a, **k: pytest.fail("rebuilt a valid cache"))
        assert NaiveLangChain.load(s).cache_dir == naive.cache_dir
    (corpus / "b.txt").write_text("乙区年鉴\n\n全年地区生产总值达到130亿元。\n", encoding="utf-8")
    assert cache_dir_for(s) != naive.cache_dir


def test_wrong_year_counts_passages_from_documents_about_other_years():
    from rag.eval.runner import Question, _wrong_year

    class Cfg:
        def doc_years(self, doc_id):
            return {"r2015": {2014, 2015}, "r2017": {2016, 2017}}.get(doc_id)

    q = Question("q1", "2014年国内生产总值增长了多少？", "zh", "number", ["x"], ["7.4%"])
    assert _wrong_year(Cfg(), q, "r2015") == 0.0
    assert _wrong_year(Cfg(), q, "r2017") == 1.0
    assert _wrong_year(Cfg(), q, "r2017", "2014年以来累计……") == 0.0    # the passage names the year
    # a passage holding the gold quote is the right year's, whatever its document covers (a
    # speech of early 2019 in a yearbook of 2020 reviewing 2018)
    g = Question("q3", "2014年回顾时说了什么？", "zh", "fact", ["各级党组织的政治领导力不断提升"], ["领导力"])
    assert _wrong_year(Cfg(), g, "r2017", "回顾一年来，各级党组织的政治领导力不断提升。") == 0.0
    assert _wrong_year(Cfg(), g, "r2017", "各级党组织要提升组织力。") == 1.0
    assert _wrong_year(Cfg(), Question("q2", "国内生产总值增长了多少？", "zh", "number", ["x"], ["y"]),
                       "r2017") is None
    assert _wrong_year(Cfg(), q, "unknown") is None
