"""What the core needs to know about a kind of corpus, in one object.

The retrieval and answer code stays free of domain words: official titles, stop words, the
English bridge and the place list come from a `DomainProfile`. Tables built from files or
packages are loaded on first use, never at import.
"""
from __future__ import annotations

import importlib
import re
import sys
from dataclasses import dataclass, field
from typing import Callable

from .phrases import PhraseTable, keep_longest, stem, words
from .places import PlaceTable
from .roles import RoleTable


@dataclass(frozen=True, eq=False)
class DomainProfile:
    name: str
    description: str
    roles: RoleTable
    stop_words: frozenset[str]              # BM25: dropped from documents and queries alike
    question_stop_en: frozenset[str]        # English question words never compared with passages
    question_words_zh: tuple[str, ...]      # Chinese question/function words, longest first
    surnames: frozenset[str]                # a personal name starts with one
    after_name: frozenset[str]              # characters that follow a name (verbs, particles)
    name_list: re.Pattern                   # group 1: a list of names without titles ("领导：A、B")
    load_glossary: Callable[[], PhraseTable] = field(repr=False)   # cached by the profile module
    load_places: Callable[[], PlaceTable] = field(repr=False)
    documents_module: str | None = None     # document kinds, periods (used at ingest)
    drafting_module: str | None = None      # question templates for `rag eval draft`
    # a document's place metadata -> the ways questions name it (长治市, 长治, changzhi)
    doc_place_names: Callable[[str | None], list[str]] = field(default=lambda place: [place] if place else [],
                                                             repr=False)
    # English content word the glossary lacks -> expressions (a dictionary fallback), or None
    word_fallback: Callable[[str], tuple[str, ...]] | None = field(default=None, repr=False)
    # English words the dictionary fallback leaves alone (no topic, or the records' generic words)
    dictionary_stop_en: frozenset = frozenset()
    # words of an English question (as written) -> (start, end, expressions) of proper names
    name_fallback: Callable[[list[str]], list] | None = field(default=None, repr=False)
    # whether a word is English (True/False), None when the profile cannot tell: a capitalised
    # word that is not may be a name in pinyin ("Ruimei Zhenfa")
    english_word: Callable[[str], bool | None] = field(default=lambda word: None, repr=False)

    def glossary(self) -> PhraseTable:
        """English phrase -> expressions of the corpus (loaded on first use)."""
        return self.load_glossary()

    def places(self) -> PlaceTable:
        """The national place table (loaded on first use)."""
        return self.load_places()

    def translate_terms(self, question: str) -> list[str]:
        """Corpus-language expressions for the English phrases and place names of a question,
        in question order, longer phrases winning over the phrases inside them."""
        out: dict[str, None] = {}
        for values in self.translate_groups(question):
            for v in values:
                out.setdefault(v)
        return list(out)

    def translate_groups(self, question: str) -> list[tuple[str, ...]]:
        """The same, one tuple of alternatives per English phrase ("grain output" ->
        (粮食产量, 粮食总产量, 粮食生产)): a passage covers the phrase with any one of them."""
        places = self.places()
        found = [(a, b, v) for a, b, v in self.glossary().matches(question)]
        found += [(a, b, places.names_of(ids)) for a, b, ids in places.matches(question)]
        kept = self._in_context(question, keep_longest(found))
        return [tuple(values) for _, _, values in kept if values]

    def dictionary_terms(self, question: str) -> list[str]:
        """Expressions a general dictionary gives for what the glossary and place list leave
        uncovered: proper names ("Beijing Institute of Technology") and single content words.
        For retrieval, and as an English question's focus (a preference among answer sentences,
        rag.answer.query.focus_terms); as answer evidence they were noise (see the profile's dictionary)."""
        if self.word_fallback is None and self.name_fallback is None:
            return []
        places = self.places()
        found = [(a, b, v) for a, b, v in self.glossary().matches(question)]
        found += [(a, b, places.names_of(ids)) for a, b, ids in places.matches(question)]
        spans = self.name_fallback(words(question, keep_case=True)) if self.name_fallback else []
        # a name wins over the glossary phrases inside it ("Institute", "Technology"), as the
        # longer phrase does in the glossary; one inside a longer glossary phrase goes
        covered = [(a, b, v) for a, b, v in spans
                   if not any(c <= a and b <= d and d - c > b - a for c, d, _ in found)]
        spans = covered + (self._fallback_spans(question, found + covered) if self.word_fallback else [])
        out: dict[str, None] = {}
        for _, _, values in sorted(spans, key=lambda s: s[0]):
            for v in values:
                out.setdefault(v)
        return list(out)

    def _in_context(self, question: str, kept: list) -> list:
        """Generic role names ("party secretary") as the titles of the places the question
        names (省委书记 for a province), not the default units' titles."""
        generic = self.roles.generic_keys
        stems = [stem(w) for w in words(question)]
        out = []
        for a, b, values in kept:
            post = generic.get(tuple(stems[a:b]))
            titles = self.roles.in_context(post, question) if post else None
            if titles:      # the other units' titles go; words that are no unit's title stay
                by = self.roles.by_title
                values = tuple(dict.fromkeys(titles + [v for v in values if v not in by or not by[v].unit]))
            out.append((a, b, values))
        return out

    def _fallback_spans(self, question: str, found) -> list:
        """Single content words no phrase covers: lowercase past the first word (a capital
        there is a name), 4+ letters, not a stop word."""
        covered = {i for a, b, _ in found for i in range(a, b)}
        out = []
        for i, w in enumerate(words(question, keep_case=True)):
            low = w.lower()
            if i in covered or len(low) < 4 or not low.isalpha() or (i and w[0].isupper()) \
                    or low in self.question_stop_en or low in self.stop_words \
                    or low in self.dictionary_stop_en or stem(low) in self.dictionary_stop_en:
                continue
            values = self.word_fallback(low)
            if values:
                out.append((i, i + 1, values))
        return out

    def place_names(self, place: str | None) -> list[str]:
        return self.doc_place_names(place)

    def roles_in(self, question: str) -> list[str]:
        return self.roles.roles_in(question)

    @property
    def documents(self):
        """The module with the profile's document rules (kinds, national markers, periods)."""
        if not self.documents_module:
            raise AttributeError(f"profile {self.name!r} has no document rules")
        # looked up per sentence by answer scoring: sys.modules first, not the import machinery
        return sys.modules.get(self.documents_module) or importlib.import_module(self.documents_module)
