"""Retrieval over the bundled corpus (embedded once per session): modes, JSON output, the
CLI, dates, roles, names, filters, the LangChain adapter, and import weight."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rag.retrieve import dates as datesmod
from rag.retrieve import people as peoplemod

REPO = Path(__file__).resolve().parent.parent
HIT_FIELDS = {"rank", "score", "id", "doc_id", "doc_title", "section", "date", "text"}
WEIDU, CHANGGE = "weidu-yearbook-2020", "changge-2020-03"



def run_rag(*args, index_dir, timeout=120):
    env = {**os.environ, "RAG_INDEX_DIR": str(index_dir)}
    return subprocess.run([sys.executable, "-m", "rag", *args], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=timeout)


def dates_of(r, n=None):
    return [h.chunk.date for h in r.hits[:n]]


# --- modes and output ----------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["dense", "bm25", "hybrid"])
def test_each_mode_returns_k_hits_with_documented_fields(corpus_api, mode):
    r = corpus_api.retrieve("长葛市高标准农田建设", k=4, mode=mode)
    d = r.to_dict()
    assert d["query"] == "长葛市高标准农田建设"
    assert len(r.hits) == len(d["results"]) == 4
    for i, res in enumerate(d["results"], 1):
        assert set(res) >= HIT_FIELDS and res["rank"] == i
        assert isinstance(res["score"], float) and res["text"]
    scores = [res["score"] for res in d["results"]]
    assert scores == sorted(scores, reverse=True)
    assert len({res["id"] for res in d["results"]}) == 4
    assert d["results"][0]["doc_id"] == CHANGGE and "高标准农田" in d["results"][0]["text"]
    assert d["timings_ms"]["total"] > 0 and all(v >= 0 for v in d["timings_ms"].values())
    assert set(d["understanding"]) >= {"lang", "dates", "roles", "names", "terms"}
    json.dumps(d, ensure_ascii=False)


def test_unknown_mode_is_an_error(corpus_api):
    with pytest.raises(ValueError, match="mode"):
        corpus_api.retrieve("会议", mode="sparse")


def test_cli_retrieve_json(corpus_api, corpus_settings):
    p = run_rag("retrieve", "2019年1月22日魏都区召开了什么会议？", "--json", "-k", "3",
                index_dir=corpus_settings.index_dir)
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert len(out["results"]) == 3 and set(out["results"][0]) >= HIT_FIELDS
    assert out["results"][0]["date"] == "2019-01-22" and "timings_ms" in out


def test_cli_retrieve_batch(corpus_api, corpus_settings, tmp_path):
    batch = tmp_path / "qs.jsonl"
    batch.write_text("\n".join([
        json.dumps({"question": "市长对高标准农田建设提出了什么要求？", "id": 7, "expected": ["x"]},
                   ensure_ascii=False),
        "",
        json.dumps({"question": "3月下旬长葛市召开了哪些会议？"}, ensure_ascii=False)]) + "\n",
        encoding="utf-8")
    p = run_rag("retrieve", "--batch", str(batch), "--json", index_dir=corpus_settings.index_dir)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert [json.loads(line)["query"] for line in lines] == [
        "市长对高标准农田建设提出了什么要求？", "3月下旬长葛市召开了哪些会议？"]
    assert all(len(json.loads(line)["results"]) == 5 for line in lines)


@pytest.mark.parametrize("bad", ['{"q": "没有question字段"}', "not json", '["a list"]'])
def test_cli_batch_bad_line_names_file_and_line(corpus_api, corpus_settings, tmp_path, bad):
    batch = tmp_path / "bad.jsonl"
    batch.write_text("\n" + bad + "\n", encoding="utf-8")
    p = run_rag("retrieve", "--batch", str(batch), "--json", index_dir=corpus_settings.index_dir)
    assert p.returncode != 0
    assert f"{batch}:2:" in p.stderr and "question" in p.stderr
    assert "Traceback" not in p.stderr


# --- dates ------------------------------------------------------------------------------------

def test_chinese_date_question_finds_that_day(corpus_api):
    r = corpus_api.retrieve("2019年1月22日魏都区召开了什么会议？", k=5)
    assert [d.describe() for d in r.info.dates] == ["2019-01-22"]
    assert r.hits[0].chunk.date == "2019-01-22" and r.hits[0].chunk.doc_id == WEIDU


def test_days_asked_apart_each_lead(corpus_api):
    """Two speeches asked about one by one ("2月13日…和12月30日…的讲话中…分别"): the later
    speech's paragraphs outscore the earlier's, and each day's best passage is in the top."""
    r = corpus_api.retrieve("张书杰在2019年2月13日全区领导干部会议和12月30日区委全会上的讲话中，"
                            "对征地拆迁等工作分别提出了什么要求？", k=5)
    assert {"2019-02-13", "2019-12-30"} <= set(dates_of(r))


def test_english_date_question_finds_that_day(corpus_api):
    r = corpus_api.retrieve("What happened in Weidu on 28 January 2019?", k=5)
    assert [d.describe() for d in r.info.dates] == ["2019-01-28"]
    assert dates_of(r, 3) == ["2019-01-28"] * 3


def test_part_of_month_question(corpus_api):
    r = corpus_api.retrieve("3月下旬长葛市召开了哪些会议？", k=5)
    assert [d.describe() for d in r.info.dates] == ["*-03-21..31"]
    assert all("2020-03-21" <= d <= "2020-03-31" for d in dates_of(r)), dates_of(r)
    assert all(h.chunk.doc_id == CHANGGE for h in r.hits)


@pytest.mark.parametrize("q", ["长葛市要求3月底前完成哪些工作？", "3月底之前要完成什么？",
                               "What must be finished by the end of March?",
                               "What was due before March 31?"])
def test_deadline_is_not_a_date_filter(corpus_api, q):
    assert corpus_api.retriever().understand(q).dates == []


@pytest.mark.parametrize("text, want", [
    ("2019年1月22日", "2019-01-22"), ("3月4日", "*-03-04"), ("3月4日至6日", "*-03-04..06"),
    ("2020年3月上旬", "2020-03-01..10"), ("3月中旬", "*-03-11..20"), ("2019年12月", "2019-12-01..31"),
    ("28 January 2019", "2019-01-28"), ("January 28, 2019", "2019-01-28"), ("March 4th", "*-03-04"),
    ("the 4th of March", "*-03-04"), ("late March", "*-03-21..31"), ("mid-March", "*-03-11..20"),
    ("early April 2020", "2020-04-01..10"), ("2020-03-04", "2020-03-04"), ("in May 2019", "2019-05-01..31"),
])
def test_parse_dates(text, want):
    assert [d.describe() for d in datesmod.parse_dates(text)] == [want]


@pytest.mark.parametrize("text", ["You may ask", "Mar is a word", "增长3.5%", "120亿元",
                                  "February 30", "3个月"])
def test_parse_dates_ignores_non_dates(text):
    assert datesmod.parse_dates(text) == []


# --- roles and names ---------------------------------------------------------------------------

@pytest.mark.parametrize("q", ["区长李朝锋2019年2月17日做了什么？", "2019年2月17日区长做了什么？"])
def test_district_head_on_a_day_zh(corpus_api, q):
    r = corpus_api.retrieve(q, k=5)
    assert "李朝锋" in r.info.names
    top = r.hits[0].chunk
    assert top.date == "2019-02-17" and "李朝锋" in top.text


def test_district_head_by_name_zh(corpus_api):
    r = corpus_api.retrieve("区长李朝锋做了哪些调研？", k=5)
    assert all("李朝锋" in h.chunk.text for h in r.hits)


def test_district_head_on_a_day_en(corpus_api):
    r = corpus_api.retrieve("What did the district head do on 17 February 2019?", k=5)
    assert r.info.roles == ["区长"] and "李朝锋" in r.info.names
    assert any(h.chunk.date == "2019-02-17" and "李朝锋" in h.chunk.text for h in r.hits[:3])


def _farmland_0304(hits):
    return any(h.chunk.doc_id == CHANGGE and h.chunk.date == "2020-03-04"
               and "高标准农田" in h.chunk.text for h in hits)


def test_mayor_farmland_zh(corpus_api):
    r = corpus_api.retrieve("市长对高标准农田建设提出了什么要求？", k=5)
    assert "市长" in r.info.roles and "张忠民" in r.info.names
    assert _farmland_0304(r.hits)


def test_mayor_farmland_en(corpus_api):
    r = corpus_api.retrieve("What did the mayor require about high-standard farmland?", k=5)
    assert "市长" in r.info.roles and "高标准农田" in r.info.terms
    assert _farmland_0304(r.hits)


def test_pinyin_name_en(corpus_api):
    r = corpus_api.retrieve("What did Hu Wuyue do in Weidu?", k=5)
    assert "胡五岳" in r.info.names
    assert sum("胡五岳" in h.chunk.text for h in r.hits) >= 3
    assert "胡五岳" in r.hits[0].chunk.text


def test_people_table_from_corpus(corpus_api):
    people = corpus_api.retriever().people
    assert people.names_for_role("区长", top=1) == ["李朝锋"]
    assert people.names_for_role("区委书记", top=1) == ["张书杰"]
    assert "张忠民" in people.names_for_role("市长", top=2)
    assert peoplemod.link_names("What did Hu Wuyue do?", people) == ["胡五岳"]
    assert peoplemod.link_names("Wuyue Hu visited", people) == ["胡五岳"]
    assert peoplemod.link_names("What happened in March?", people) == []


@pytest.mark.parametrize("q, roles", [
    ("What did the mayor say?", ["市长"]), ("the deputy mayor", ["副市长"]),
    ("district head and party secretary", None), ("区长李朝锋", ["区长"]), ("副区长", ["副区长"]),
    ("市委书记", ["市委书记"]), ("What happened?", []),
])
def test_roles_in(q, roles):
    found = peoplemod.roles_in(q)
    if roles is None:
        assert "区长" in found and "区委书记" in found
    else:
        assert found == roles


# --- filters ---------------------------------------------------------------------------------------

def test_doc_filter(corpus_api):
    r = corpus_api.retrieve("魏都区召开会议", k=5, docs=[CHANGGE])
    assert len(r.hits) == 5 and {h.chunk.doc_id for h in r.hits} == {CHANGGE}


@pytest.mark.parametrize("mode", ["hybrid", "bm25", "dense"])
def test_date_range_filter(corpus_api, mode):
    r = corpus_api.retrieve("区长调研", k=5, mode=mode, date_from="2019-03-01", date_to="2019-03-31")
    assert len(r.hits) == 5
    assert all("2019-03-01" <= d <= "2019-03-31" for d in dates_of(r)), dates_of(r)
    r = corpus_api.retrieve("会议", k=5, mode=mode, date_from="2020-03-30")
    assert r.hits and all(d >= "2020-03-30" for d in dates_of(r))
    r = corpus_api.retrieve("会议", k=5, mode=mode, docs=[WEIDU], date_to="2019-01-05")
    assert r.hits and all(h.chunk.doc_id == WEIDU and h.chunk.date <= "2019-01-05" for h in r.hits)


def test_filter_that_matches_nothing_returns_no_hits(corpus_api):
    assert corpus_api.retrieve("会议", docs=["no-such-doc"]).hits == []
    assert corpus_api.retrieve("会议", date_from="2031-01-01").hits == []


# --- LangChain ----------------------------------------------------------------------------------

def test_langchain_retriever(corpus_api):
    from langchain_core.documents import Document
    docs = corpus_api.as_langchain_retriever(k=3).invoke("市长对高标准农田建设提出了什么要求？")
    assert len(docs) == 3 and all(isinstance(d, Document) for d in docs)
    for i, d in enumerate(docs, 1):
        assert d.page_content and d.id
        assert d.metadata["rank"] == i and d.metadata["doc_id"] in (CHANGGE, WEIDU)
        assert {"score", "doc_title", "section", "date", "speaker"} <= set(d.metadata)


# --- weight of the command line -----------------------------------------------------------------

@pytest.mark.parametrize("argv, heavy, shown", [
    (["--help"], ("torch", "gradio", "sentence_transformers", "transformers", "faiss", "jieba"),
     ("retrieve",)),
    # `rag serve --help` imports no server framework: FastAPI and uvicorn load when it serves
    (["serve", "--help"], ("fastapi", "uvicorn", "starlette", "torch", "gradio"), ("--ui", "127.0.0.1")),
])
def test_help_loads_no_heavy_module(argv, heavy, shown):
    # how long `rag --help` takes is printed by benchmarks/text_bench.py; what makes it fast
    # is that it imports none of these
    code = ("import sys\nfrom rag import cli\n"
            f"try:\n    cli.main({argv!r})\nexcept SystemExit:\n    pass\n"
            f"heavy = {heavy!r}\n"
            "print('HEAVY', sorted(m for m in sys.modules if m.split('.')[0] in heavy))")
    p = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 0, p.stderr
    assert all(w in p.stdout for w in shown) and "HEAVY []" in p.stdout


def test_light_imports():
    code = ("import sys, rag.cli, rag.api, rag.retrieve.retriever\n"
            "heavy = ('torch', 'gradio', 'sentence_transformers', 'transformers')\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))")
    p = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "[]"


@pytest.mark.parametrize("q", ["魏都区2020年政府工作报告由谁代表区人民政府作？",
                               "Who delivered Weidu's 2020 government work report?"])
def test_who_delivered_a_report_finds_its_byline(corpus_api, q):
    top = corpus_api.retrieve(q, k=5).hits[0].chunk
    assert top.speaker and top.speaker in top.text and "人民代表大会" in top.text


def test_asks_who_delivered_needs_a_document():
    from rag.profiles.zh_gov.documents import asks_who_delivered
    assert asks_who_delivered("谁作的2015年政府工作报告？")
    assert not asks_who_delivered("Who made the decision to build the road?")
    assert not asks_who_delivered("谁主持了会议？")


def test_a_bare_date_line_does_not_top_a_question_about_its_speech(corpus_api):
    # "(2020年1月6日)" under the speech's heading matched the heading's words and the
    # embedder's pull to short texts; the short-paragraph prior ranks it below the speech's text
    q = "In his January 2020 speech to the district economic work conference, what did Li Chaofeng say?"
    hits = corpus_api.retrieve(q, k=5).hits
    assert len(hits[0].chunk.text.strip()) >= 20, hits[0].chunk.text


def test_shortness_counts_a_split_paragraph_whole_and_spares_tables():
    from rag.retrieve.paragraphs import paragraph_groups
    from rag.retrieve.retriever import SHORT_CHARS, _shortness
    from rag.types import Chunk

    def chunk(i, text, para, part=0, kind=None, date=None):
        return Chunk(id=f"d:{i}", doc_id="d", doc_title="d", section="", date=date, start=0,
                     end=len(text), text=text, hash=str(i), para=para, part=part, kind=kind)
    chunks = [chunk(0, "今年要重点做好以下工作：", 0),
              chunk(1, "甲" * 300, 1, 0), chunk(2, "乙。", 1, 1),          # a long paragraph's tail
              chunk(3, "表1 · 2019年 · 收入: 5万元", 2, kind="table-row"),
              chunk(4, "3月2日，市长王某调研城北污水处理厂。", 3, date="2020-03-02"),   # a whole dated entry
              chunk(5, "（2020年1月6日）", 4, date="2020-01-06")]                      # a bare date line
    s = _shortness(chunks, paragraph_groups(chunks))
    assert s[0] == pytest.approx(1 - len(chunks[0].text) / SHORT_CHARS)
    assert list(s[1:5]) == [0, 0, 0, 0]
    assert s[5] > 0.5


@pytest.mark.parametrize("q, named", [
    ("What does the 2020 chronicle say about farmland?", "2020 chronicle"),
    ("2020年大事记中关于高标准农田的汇报有哪些？", "2020年大事记"),
])
def test_words_that_named_the_document_are_not_searched_for(corpus_api, q, named):
    info = corpus_api.retriever().understand(q)
    assert info.resolution.docs and info.resolution.doc_text == named
    if info.lang == "en":           # "chronicle" would add 大事记, in every entry's section
        assert "大事记" not in info.terms and {"耕地", "农田"} & set(info.terms)


def test_a_phrase_the_question_quotes_brings_its_passage_up(corpus_api):
    # the speech's other paragraphs match its date, title and speaker as well; the one that
    # says the quoted heading is what the question is about
    q = "张书杰2019年12月30日在区委十四届八次全会第一次全体会议上讲“四要突出创新驱动”时，提出了什么要求？"
    hits = corpus_api.retrieve(q, k=5).hits
    assert "四要突出创新驱动" in hits[0].chunk.text, [h.chunk.id for h in hits]


def test_quoted_phrases_are_quotes_or_an_english_questions_bracketed_chinese():
    from rag.answer.entities import quoted_phrases
    assert quoted_phrases("3月14日市委常委（扩大）会议提出了哪些“统一”？") == ["统一"]   # （扩大） is part of a name
    assert quoted_phrases("Which city leaders looked at the 'two squares and three halls' (两场三馆) "
                          "on 20 May 2019?") == ["两场三馆"]


def test_among_a_named_days_passages_the_words_few_share_decide(corpus_api):
    # every paragraph of the 30 December speech matches its date, title and speaker; 人才 is
    # said in few of them, and the one saying it is what the question is about
    q = "张书杰2019年12月30日在区委全会上，对人才引进提出了什么要求？"
    hits = corpus_api.retrieve(q, k=5).hits
    assert "人才" in hits[0].chunk.text, [h.chunk.id for h in hits]
    assert hits[0].chunk.date == "2019-12-30"
