"""zh-gov: records of Chinese governments at any level (yearbooks, chronicles, speeches,
work reports), asked about in Chinese or English.

Importing this package reads no file: the glossary and the national place list are built
on first use and kept.
"""
from __future__ import annotations

import functools

from rag.profiles.base import DomainProfile
from rag.profiles.roles import RoleTable

from . import words


@functools.lru_cache(maxsize=1)
def _places():
    from . import divisions
    return divisions.table()


@functools.lru_cache(maxsize=1)
def _roles() -> RoleTable:
    from . import roles

    def units_named(question: str) -> list[str]:
        units = [p.unit for p in _places().in_english(question)]
        return units + ([roles.NATIONAL] if roles.NATIONAL_WORDS.search(question) else [])

    return RoleTable(roles.roles(), roles.GENERIC_ENGLISH, roles.DEFAULT_UNITS, units_named)


@functools.lru_cache(maxsize=1)
def _glossary():
    from . import glossary
    return glossary.build(_roles())


def _place_names(place):
    from . import divisions
    return divisions.names_for(place)


def _dictionary(word: str) -> tuple[str, ...]:
    """CC-CEDICT for words the glossary lacks, for retrieval (RAG_CEDICT=0 turns it off)."""
    from . import cedict
    return cedict.lookup(word) if cedict.enabled() else ()


def _dictionary_names(question_words: list[str]) -> list:
    """CC-CEDICT's proper names ("Beijing Institute of Technology" -> 北京理工大学)."""
    from . import cedict
    return cedict.names(question_words) if cedict.enabled() else []


def _english_word(word: str) -> bool | None:
    """Whether a word is English (CC-CEDICT's glosses); None without the dictionary."""
    from . import cedict
    return cedict.is_english(word) if cedict.enabled() else None


@functools.lru_cache(maxsize=1)
def profile() -> DomainProfile:
    return DomainProfile(
        name="zh-gov",
        description="Chinese government records: yearbooks, chronicles, speeches, work reports",
        roles=_roles(),
        stop_words=words.BM25_STOP,
        question_stop_en=words.QUESTION_STOP_EN,
        dictionary_stop_en=words.DICTIONARY_STOP_EN,
        question_words_zh=words.QUESTION_WORDS_ZH,
        surnames=words.SURNAMES,
        after_name=words.AFTER_NAME,
        name_list=words.NAME_LIST,
        load_glossary=_glossary,
        load_places=_places,
        documents_module="rag.profiles.zh_gov.documents",
        drafting_module="rag.profiles.zh_gov.drafting",
        doc_place_names=_place_names,
        word_fallback=_dictionary,
        name_fallback=_dictionary_names,
        english_word=_english_word,
    )
