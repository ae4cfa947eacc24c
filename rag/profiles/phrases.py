"""English phrases found in a question and mapped to expressions of the corpus language.

Two kinds of keys: ordinary words, compared through a light stemmer (so "inspects",
"inspected" and "inspecting" find "inspect"), and proper nouns (place pinyin, personal
names), compared as whole words exactly: a stemmer would collapse "changes" and a pinyin
place name ending in -ge onto one stem. Longest match first, case-insensitive.
"""
from __future__ import annotations

import re
from typing import Iterable

__all__ = ["PhraseTable", "keep_longest", "stem", "words"]

_DROP = frozenset({"the", "a", "an"})
_IRREGULAR = {
    "met": "meet", "held": "hold", "led": "lead", "spoke": "speak", "spoken": "speak",
    "said": "say", "gave": "give", "given": "give", "took": "take", "taken": "take",
    "made": "make", "built": "build", "sent": "send", "went": "go", "gone": "go",
    "saw": "see", "seen": "see", "began": "begin", "begun": "begin", "won": "win",
    "chose": "choose", "chosen": "choose", "brought": "bring", "sold": "sell",
    "paid": "pay", "laid": "lay", "ran": "run", "rose": "rise", "risen": "rise",
    "fell": "fall", "fallen": "fall", "grew": "grow", "grown": "grow",
    "oversaw": "oversee", "overseen": "oversee", "undertook": "undertake",
    "undertaken": "undertake", "wrote": "write", "written": "write", "spent": "spend",
    "children": "child", "women": "woman", "men": "man", "analyses": "analysis",
    "crises": "crisis", "criteria": "criterion",
}
# Words whose final "s" is not a plural, and nouns in "-ing" that must not
# collapse onto a different verb ("listing" is not "list", "meeting" not "meet").
_KEEP_S = frozenset({"news", "gas", "series", "species", "always", "was", "has", "does",
                     "its", "this", "his", "means", "perhaps", "aids", "headquarters",
                     "thanks", "minutes", "securities"})
_NO_STEM = frozenset({"meeting", "opening", "closing", "listing", "spring", "during",
                      "morning", "evening", "building", "housing",
                      "parking", "financing"})
_VOWEL = re.compile(r"[aeiouy]")
_APOS_S = re.compile(r"['’`][sS]\b")
_APOS = re.compile(r"['’`]")
_WORD = re.compile(r"[a-z0-9]+")
_WORD_ANY = re.compile(r"[A-Za-z0-9]+")


def stem(word: str) -> str:
    """Collapse plurals, 3rd-person, past and -ing forms onto one stem.

    It only needs to be consistent (keys go through it too), not to produce dictionary
    words: require/required/requires/requiring -> "requir".
    """
    w = _IRREGULAR.get(word, word)
    if w in _KEEP_S or w in _NO_STEM or w.isdigit():
        return w
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w in _NO_STEM:
        return w
    if len(w) > 4 and w.endswith("ied"):
        w = w[:-3] + "y"
    elif len(w) > 5 and w.endswith("ing") and _VOWEL.search(w[:-3]):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed") and not w.endswith("eed") and _VOWEL.search(w[:-2]):
        w = w[:-2]
    if len(w) > 3 and w.endswith("e") and not w.endswith("ee"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouy" and w[-1].isalpha():
        w = w[:-1]
    return w


def words(text: str, keep_case: bool = False) -> list[str]:
    """Lowercase words, possessive 's and apostrophes dropped ("Xi'an" -> "xian"), no articles.
    `keep_case`: the same words as written (for telling "Dean County" from "the dean")."""
    text = _APOS.sub("", _APOS_S.sub("", text)).replace("&", " and ")
    if keep_case:
        return [t for t in _WORD_ANY.findall(text) if t.lower() not in _DROP]
    return [t for t in _WORD.findall(text.lower()) if t not in _DROP]


def _key(phrase: str, exact: bool) -> tuple[str, ...]:
    toks = words(phrase)
    return tuple(toks) if exact else tuple(stem(t) for t in toks)


class PhraseTable:
    """Phrase -> expressions; `find` returns the expressions of every phrase in a text."""

    def __init__(self):
        self.entries: dict[str, tuple[str, ...]] = {}     # lowercase phrase -> expressions
        self._stemmed: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._exact: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._max = 1

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, phrase: str) -> bool:
        return " ".join(phrase.lower().split()) in self.entries

    def get(self, phrase: str, default=()) -> tuple[str, ...]:
        return self.entries.get(" ".join(phrase.lower().split()), default)

    def add(self, phrase: str, values: Iterable[str], exact: bool = False) -> None:
        """Add a phrase; a phrase added twice keeps the union of its values, in order.
        `exact`: a proper noun, matched as written (lowercased), never stemmed."""
        values = tuple(dict.fromkeys(v for v in values if v))
        phrase = " ".join(phrase.lower().split())
        key = _key(phrase, exact)
        if not phrase or not values or not key:
            return
        self.entries[phrase] = _union(self.entries.get(phrase, ()), values)
        index = self._exact if exact else self._stemmed
        index[key] = _union(index.get(key, ()), values)
        self._max = max(self._max, len(key))

    def matches(self, text: str) -> list[tuple[int, int, tuple[str, ...]]]:
        """Every (first word, end word, expressions) found, overlapping ones included."""
        raw = words(text)
        stemmed = [stem(t) for t in raw]
        found: list[tuple[int, int, tuple[str, ...]]] = []
        for i in range(len(raw)):
            for n in range(min(self._max, len(raw) - i), 0, -1):
                values = _union(self._exact.get(tuple(raw[i:i + n]), ()),
                                self._stemmed.get(tuple(stemmed[i:i + n]), ()))
                if values:
                    found.append((i, i + n, values))
        return found

    def spans(self, text: str) -> list[tuple[int, int, tuple[str, ...]]]:
        """The matches that are not inside a longer one, in text order."""
        return keep_longest(self.matches(text))

    def find(self, text: str) -> list[str]:
        """Expressions of every phrase in the text, in text order, without duplicates."""
        out: dict[str, None] = {}
        for _, _, values in self.spans(text):
            for v in values:
                out.setdefault(v)
        return list(out)


def keep_longest(found):
    """Longest first: a phrase inside a longer one found ("district head" in "deputy district
    head") is dropped; phrases that merely overlap are both kept. In text order."""
    kept = []
    for s in sorted(found, key=lambda s: (s[0] - s[1], s[0])):
        if not any(a <= s[0] and s[1] <= b for a, b, *_ in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: s[0])


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return a + tuple(v for v in b if v not in a) if b else a
