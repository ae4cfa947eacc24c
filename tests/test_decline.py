"""The fitted decision to decline (rag.answer.decline) and the lead line's value.

Made-up passages: a candidate that passes the constraint check (right county, right year, a
figure of the asked kind) but is about something else than what was asked is trusted less
than one about the asked thing, and the chain declines below the fitted threshold.
"""
import pytest

from rag.answer import decline, decline_weights
from rag.answer.chain import answer_question
from rag.answer.constraints import extract
from rag.answer.evidence import check
from rag.answer.extractive import ExtractiveAnswerer, passage_sentences
from rag.answer.values import value_clause
from rag.settings import Settings
from rag.types import Chunk, Hit


def hit(text: str) -> Hit:
    c = Chunk(id="d:p1", doc_id="d", doc_title="青山县2020年政府工作报告", section="一、2019年工作回顾",
              date=None, start=0, end=len(text), text=text, hash="h", years=[2019], stance="review",
              doc_period=[2019, 2020], speaker=None, ref_year=2020, doc_place="某省青山县")
    return Hit(c, 1.0, 1, {})


ROADS = hit("2019年，全县新建城市道路20公里，改造背街小巷35条，新增公园绿地12万平方米，城市面貌明显改善。")
ASKED = "青山县2019年新建城市道路多少公里？"
OTHER = "青山县2019年新建污水管网多少公里？"       # a figure of the kind asked, of another thing


def judged(q: str):
    cons = extract(q)
    d = check(cons, [ROADS], passage_sentences)
    assert d.satisfied                                  # the constraint check lets both through
    return decline.judge(cons, [ROADS], d)


def test_the_fitted_weights_cover_every_feature():
    for table in (decline_weights.WEIGHTS, decline_weights.MEANS, decline_weights.SCALES):
        assert set(table) == set(decline.FEATURES)
    assert 0 < decline_weights.THRESHOLD < 1
    # more of the question in the candidate sentence and its passage: more likely an answer
    assert decline_weights.WEIGHTS["cov_sent"] > 0 and decline_weights.WEIGHTS["cov_pass"] > 0


def test_each_language_is_judged_by_its_own_threshold(monkeypatch):
    """English meets Chinese passages through a glossary: the same probability means less, so
    the fitted thresholds are per language; weights without them use the pooled one."""
    assert set(decline_weights.THRESHOLDS) == {"zh", "en"}
    assert all(0 < t < 1 for t in decline_weights.THRESHOLDS.values())
    en = "How many kilometres of city roads did Qingshan county build in 2019?"
    assert judged(ASKED).threshold == decline_weights.THRESHOLDS["zh"]
    assert judged(en).threshold == decline_weights.THRESHOLDS["en"]
    monkeypatch.delattr(decline_weights, "THRESHOLDS")
    assert judged(en).threshold == judged(ASKED).threshold == decline_weights.THRESHOLD


def test_a_candidate_about_something_else_is_trusted_less():
    right, other = judged(ASKED), judged(OTHER)
    assert right.p_answer > other.p_answer
    assert other.features["subject_sent"] < right.features["subject_sent"]
    assert not right.decline


def test_the_chain_declines_below_the_threshold(monkeypatch):
    right, other = judged(ASKED), judged(OTHER)
    ask = lambda q: answer_question(q, lambda _q: [ROADS], ExtractiveAnswerer(Settings()))  # noqa: E731
    monkeypatch.setattr(decline_weights, "THRESHOLDS", {"zh": 0.0})     # without the decision: answered
    assert not ask(OTHER).abstained
    monkeypatch.setattr(decline_weights, "THRESHOLDS", {"zh": (right.p_answer + other.p_answer) / 2})
    declined = ask(OTHER)
    assert declined.abstained and declined.why             # says why: the passages touch parts only
    assert declined.declined_by == "judgement" and declined.to_dict()["declined_by"] == "judgement"
    answered = ask(ASKED)
    assert not answered.abstained and answered.declined_by is None


def test_a_constraint_decline_names_the_check_that_ruled_out_the_nearest_sentence():
    """"2018年" asked, the passage is 2019's: declined by the constraint check, and the decline
    says it was the year (the sentence closest to answering missed nothing else)."""
    ask = lambda q: answer_question(q, lambda _q: [ROADS], ExtractiveAnswerer(Settings()))  # noqa: E731
    wrong_year = ask("青山县2018年新建城市道路多少公里？")
    assert wrong_year.abstained and wrong_year.declined_by == "constraints"
    assert wrong_year.declined_checks == ["year"] and wrong_year.to_dict()["declined_checks"] == ["year"]
    wrong_place = ask("白水县2019年新建城市道路多少公里？")
    assert wrong_place.abstained and wrong_place.declined_checks == ["place"]
    answered = ask(ASKED)
    assert not answered.abstained and answered.declined_checks == [] and "declined_checks" not in answered.to_dict()


def test_a_value_decline_names_the_value_check_that_made_it():
    """A value miss says which of the value checks made it, so a set's declines by the value
    check can be told apart: money asked of a passage giving kilometres is a figure of another
    kind; the official asked for, of a passage naming nobody, is no person."""
    ask = lambda q: answer_question(q, lambda _q: [ROADS], ExtractiveAnswerer(Settings()))  # noqa: E731
    money = ask("青山县2019年新建城市道路花了多少钱？")
    assert money.abstained and money.declined_checks == ["value:kind"]
    who = ask("2019年青山县哪位领导负责新建城市道路？")
    assert who.abstained and who.declined_checks == ["value:no-person"]


@pytest.mark.parametrize("question,sentence,want", [
    # the people asked about are the scene, not the answer: the one who accompanied them is
    ("Who accompanied Yin Junying on 6 March?", "3月6日，市委书记尹俊营调研重点项目，副市长张冠军陪同调研。", "张冠军"),
    ("3月6日谁陪同尹俊营调研重点项目？", "3月6日，市委书记尹俊营调研重点项目，副市长张冠军陪同调研。", "张冠军"),
    # a change: the share, with the figure's neighbour clause
    ("2016年国内生产总值增长多少？", "国内生产总值达到74.4万亿元，增长6.7%，名列世界前茅。", "6.7%"),
    # an English question: its words' Chinese pick the clause, not the first figure
    ("What forest coverage rate did the 12th Five-Year Plan set as its target?",
     "非化石能源占一次能源消费比重提高到11.4%，森林蓄积量增加6亿立方米，森林覆盖率达到21.66%。", "21.66%"),
])
def test_the_lead_clause_gives_a_value_the_question_does_not(question, sentence, want):
    clause, value = value_clause(extract(question), sentence)
    assert want in clause


def test_the_lead_clause_keeps_the_next_figure():
    clause, _ = value_clause(extract("2016年国内生产总值是多少？"), "国内生产总值达到74.4万亿元，增长6.7%，名列世界前茅。")
    assert clause == "国内生产总值达到74.4万亿元，增长6.7%"


def test_the_words_that_tell_the_asked_thing_apart_weigh_most():
    from rag.answer.decline import _specific_share
    from rag.types import Chunk, Hit

    def h(text):
        return Hit(Chunk(id="d:p1", doc_id="d", doc_title="d", section="", date=None, start=0, end=len(text),
                         text=text, hash="h"), 1.0, 1)
    hits = [h("大病保险覆盖城乡居民，加大投入。"), h("扶贫资金投入超过1000亿元。"), h("教育资金投入增加。"), h("投入资金建设道路。")]
    terms = ["大病", "保险", "投入", "资金"]
    # the sentence with the rare words scores above the one with only the common ones
    assert _specific_share(terms, hits, "大病保险覆盖城乡居民") > _specific_share(terms, hits, "扶贫资金投入超过1000亿元")
    assert _specific_share(["无关"], hits, "扶贫资金") == 0.5        # no passage holds it: no evidence either way


def test_a_compound_question_is_answered_when_one_of_its_questions_is(monkeypatch):
    """"…城市道路多少公里？污水管网多少公里？": no sentence holds both halves, so the whole
    question looks half covered; the half the passage answers is still an answer."""
    both = "青山县2019年新建城市道路多少公里？新建污水管网多少公里？"
    whole, right = judged(both), judged(ASKED)
    assert whole.p_answer < right.p_answer
    monkeypatch.setattr(decline_weights, "THRESHOLDS", {"zh": (whole.p_answer + right.p_answer) / 2})
    assert judged(both).decline and not judged(ASKED).decline
    got = answer_question(both, lambda _q: [ROADS], ExtractiveAnswerer(Settings()))
    assert not got.abstained and "20公里" in got.answer
