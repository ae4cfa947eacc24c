"""Text normalisation and lexical support scores for Chinese (and mixed) text.

Shared by `rag eval` and the answer-citation verifier, so both judge "is this quote in that
passage" and "does this passage support that sentence" the same way. Chinese is compared as
characters, not whitespace words: each CJK character is one unit, each ASCII word or number
one unit. Pure Python, no dependencies.
"""
from __future__ import annotations

import functools
import re

import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from typing import NamedTuple

# Zero-width characters that scraped or converted documents leave inside Chinese text; they
# are invisible, so they are dropped like whitespace.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")

# Scripts written without spaces between words: every character is its own unit.
_CJK_RANGES = (
    (0x3007, 0x3007),      # 〇, the zero of Chinese dates (二〇一九年)
    (0x3040, 0x30FF),      # hiragana, katakana
    (0x3400, 0x4DBF),      # CJK extension A
    (0x4E00, 0x9FFF),      # CJK unified ideographs
    (0xAC00, 0xD7AF),      # hangul syllables
    (0xF900, 0xFAFF),      # CJK compatibility ideographs
    (0x20000, 0x323AF),    # CJK extensions B-H
)
_HAN_RANGES = tuple(r for r in _CJK_RANGES if r[0] not in (0x3040, 0xAC00))
# The same ranges as regex classes: scanning text with them is several times faster than
# testing characters one by one (the answer step scans every candidate passage).
_CJK_CLASS = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in _CJK_RANGES)
_CJK_RX = re.compile(f"[{_CJK_CLASS}]")
_HAN_RX = re.compile("[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in _HAN_RANGES) + "]")
# A unit: one CJK character, or a run of other letters/digits (str.isalnum; "_" is not).
_UNIT_RX = re.compile(f"[{_CJK_CLASS}]|(?:(?![{_CJK_CLASS}])[^\\W_])+")


class Span(NamedTuple):
    """Character offsets [start, end) into an original, un-normalised string."""
    start: int
    end: int


def is_cjk(ch: str) -> bool:
    """True for a character of a space-less East Asian script (Han, kana, hangul)."""
    return _CJK_RX.match(ch) is not None


def count_cjk(text: str) -> int:
    """How many characters of `text` are CJK (see is_cjk)."""
    return len(_CJK_RX.findall(text))


def match_spans(rx: "re.Pattern", text: str) -> list[tuple[int, int]]:
    """[start, end) of each match of rx in text with outer whitespace excluded, empty ones
    dropped: how sentence splitters turn their pattern into spans."""
    spans = []
    for m in rx.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def question_lang(text: str) -> str:
    """"zh" or "en": the language a question is written in. An English question may quote a
    Chinese term ("listed on the STAR Market (科创板)"): Chinese when its CJK characters are at
    least twice its Latin words, which a Chinese question with "GDP" in it always is."""
    cjk = count_cjk(text)
    if not cjk:
        return "en"
    latin = len(re.findall(r"[A-Za-z]{2,}", text))
    return "zh" if cjk >= 2 * latin else "en"


def is_han(ch: str) -> bool:
    """True for a Chinese character (hanzi), including 〇."""
    return _HAN_RX.match(ch) is not None


def _dropped(ch: str) -> bool:
    return ch.isspace() or ch == "*" or ch in _INVISIBLE


def normalize(text: str) -> str:
    """NFKC (full-width digits/letters to half-width), lowercase, no whitespace and no "*".

    Whitespace goes because PDF and OCR text breaks Chinese lines anywhere; "*" because
    LLM answers wrap quotes in markdown bold. Other punctuation is kept.
    """
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in folded if not _dropped(ch))


def normalize_with_offsets(text: str) -> tuple[str, list[int], list[int]]:
    """`normalize(text)` plus, for each output character, its [start, end) in `text`.

    Normalises one base character (with its combining marks) at a time, so a full-width
    "２" or a ligature maps back to exactly the original characters it came from.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        for ch in unicodedata.normalize("NFKC", text[i:j]).lower():
            if not _dropped(ch):
                out.append(ch)
                starts.append(i)
                ends.append(j)
        i = j
    return "".join(out), starts, ends


@functools.lru_cache(maxsize=1024)
def _offsets(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    # Cached: the verifier quotes the same few passages for every answer drawn from them,
    # and the per-character pass costs ~1 ms per thousand characters.
    norm, starts, ends = normalize_with_offsets(text)
    return norm, tuple(starts), tuple(ends)


def units(text: str) -> list[str]:
    """Comparison units: each CJK character, each run of letters/digits (lowercased).

    Punctuation and whitespace separate units and are dropped, so "57.7" is ["57", "7"].
    """
    return list(_units(text))


@functools.lru_cache(maxsize=8192)
def _units(text: str) -> tuple[str, ...]:
    # Cached: the answer step and the verifier split the same passages many times.
    return tuple(_UNIT_RX.findall(unicodedata.normalize("NFKC", text).lower()))


def _ngrams(seq: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(seq[i:i + n]) for i in range(len(seq) - n + 1)}


def char_ngrams(text: str, n: int = 2) -> set[tuple[str, ...]]:
    """The set of n-grams over `units(text)`, as tuples (units may be several letters long)."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    return _ngrams(units(text), n)


def support(claim: str, passage: str) -> float:
    """Fraction of the claim's unit bigrams that occur in the passage, in [0, 1].

    A claim of one unit is scored on unigrams; a claim with no units scores 0.0 (there is
    nothing a passage could support). Bigrams rather than characters, because single common
    characters (的, 年, 在) occur in almost any Chinese passage.
    """
    claim_units = units(claim)
    if not claim_units:
        return 0.0
    n = 2 if len(claim_units) >= 2 else 1
    wanted = _ngrams(claim_units, n)
    found = wanted & _ngrams(units(passage), n)
    return len(found) / len(wanted)


def best_quote(claim: str, passage: str, min_len: int = 4) -> Span | None:
    """The passage span that best supports the claim, or None if no match is long enough.

    The span is the longest common substring of the normalised texts (so full-width digits,
    line breaks and spaces inside Chinese do not break a match), mapped back so that
    `passage[start:end]` is the exact original text. `min_len` counts normalised characters.
    Ties go to the match earliest in the claim, then earliest in the passage.
    """
    norm_claim = normalize(claim)
    norm_passage, starts, ends = _offsets(passage)
    if not norm_claim or not norm_passage:
        return None
    m = SequenceMatcher(None, norm_claim, norm_passage, autojunk=False).find_longest_match(
        0, len(norm_claim), 0, len(norm_passage))
    if m.size < max(min_len, 1):
        return None
    return Span(starts[m.b], ends[m.b + m.size - 1])


def char_f1(pred: str, gold: str) -> float:
    """F1 of the multiset overlap of units (SQuAD-style, but characters for Chinese).

    Two empty texts score 1.0; one empty text scores 0.0.
    """
    p, g = Counter(units(pred)), Counter(units(gold))
    if not p or not g:
        return float(p == g)
    common = sum((p & g).values())
    if common == 0:
        return 0.0
    precision = common / sum(p.values())
    recall = common / sum(g.values())
    return 2 * precision * recall / (precision + recall)
