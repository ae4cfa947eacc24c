"""The product's promises, end to end through rag.api on the bundled corpus."""
import pytest

FARMLAND = ["市长对高标准农田建设提出了什么要求？",
            "What did the mayor require about high-standard farmland?"]


@pytest.mark.parametrize("question", FARMLAND)
def test_farmland_answer_cites_the_2020_03_04_entry_with_its_deadlines(corpus_api, question):
    a = corpus_api.ask(question, llm="extractive")
    assert not a.abstained and a.citations
    first = a.citations[0]
    assert (first.doc_title, first.date) == ("长葛市2020年3月大事记", "2020-03-04")
    assert all(c.verified and c.text[c.start:c.end] == c.quote for c in a.citations)
    assert "3月底前" in a.answer and "5月底前" in a.answer


def test_a_question_the_corpus_cannot_answer_abstains_with_nearest_passages(corpus_api):
    a = corpus_api.ask("长葛市2021年的GDP是多少？", llm="extractive")
    assert a.abstained and not a.citations
    assert a.answer.startswith("资料中没有找到")
    assert a.hits                                   # the nearest passages are offered


def test_answer_json_shape(corpus_api):
    d = corpus_api.ask(FARMLAND[0], llm="extractive").to_dict()
    assert set(d) >= {"question", "standalone_question", "answer", "citations", "abstained",
                      "llm", "timings_ms"}
    assert set(d["citations"][0]) == {"n", "id", "doc_title", "section", "date", "page", "kind", "ocr_confidence",
                                      "text", "quote", "start", "end", "verified"}


def test_follow_up_question_carries_the_subject(corpus_api):
    first = "3月4日长葛市委书记尹俊营主持召开了什么会议？"
    a = corpus_api.ask("那市长呢？", llm="extractive",
                       history=[{"role": "user", "content": first},
                                {"role": "assistant", "content": "……"}])
    assert "市长" in a.standalone_question and "3月4日" in a.standalone_question
