"""English → Chinese glossary for questions about Chinese local-government records.

The corpus (年鉴, 大事记, 讲话, 政府工作报告 of Henan counties, districts and cities)
is Chinese only, while users may ask in English.  The multilingual embedder bridges
the languages approximately; this module is the deterministic complement: it turns
the English terms of a question ("district head", "inspect", "shantytown renovation",
"late March") into the Chinese expressions such documents actually use
(区长, 调研, 棚户区改造, 下旬), so lexical search and reranking can reach Chinese
passages without calling an LLM.

``glossary()`` maps lowercase English terms (1–5 words) to Chinese expressions, most
specific first.  ``translate_terms`` finds every glossary phrase in a question
(longest match first, case-insensitive, on word boundaries, with light handling of
plurals and inflections) and returns their Chinese expressions in question order,
without duplicates.  Question words ("how many", "when", "what") are deliberately
absent, and so are words too generic to help ("work" → 工作, "city" → 市).
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

__all__ = ["glossary", "translate_terms"]




_SUFFIX_EN = {"市": "city", "县": "county", "区": "district"}

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july",
                "august", "september", "october", "november", "december")
_MONTH_ABBR = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _add(table: dict[str, tuple[str, ...]], key: str, values: tuple[str, ...]) -> None:
    key = " ".join(key.lower().split())
    if not key or not values:
        return
    old = table.get(key, ())
    table[key] = old + tuple(v for v in values if v not in old)


_DATA = Path(__file__).resolve().parent


def _build() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for raw in (_DATA / "glossary_en_zh.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        english, chinese = line.split("=", 1)
        values = tuple(dict.fromkeys(chinese.split()))
        for key in english.split("|"):
            _add(table, key, values)
    places = "\n".join(line for line in (_DATA / "places_henan.txt").read_text(encoding="utf-8")
                        .splitlines() if not line.startswith("#"))
    for item in re.split(r"[|\n]", places):
        if not item.strip():
            continue
        pinyin, name, suffix = item.split()
        full = name + suffix
        _add(table, pinyin, (full, name))
        _add(table, f"{pinyin} {_SUFFIX_EN[suffix]}", (full, name))
    for number, (name, abbr) in enumerate(zip(_MONTH_NAMES, _MONTH_ABBR), start=1):
        month = f"{number}月"
        forms = (name, abbr) + (("sept",) if number == 9 else ())
        if name == "may":       # the modal verb: only unambiguous phrasings
            for lead in ("in", "of", "since", "during", "by", "until", "from", "through"):
                _add(table, f"{lead} may", (month,))
        else:
            _add(table, name, (month,))   # bare abbreviations are too often ordinary words
        for form in forms:
            _add(table, f"early {form}", (f"{month}上旬", f"{month}初", "上旬", month))
            _add(table, f"beginning of {form}", (f"{month}上旬", f"{month}初", "上旬", month))
            _add(table, f"start of {form}", (f"{month}上旬", f"{month}初", "上旬", month))
            _add(table, f"first ten days of {form}", (f"{month}上旬", "上旬", month))
            _add(table, f"mid-{form}", (f"{month}中旬", "中旬", month))
            _add(table, f"middle of {form}", (f"{month}中旬", "中旬", month))
            _add(table, f"late {form}", (f"{month}下旬", "下旬", month))
            _add(table, f"last ten days of {form}", (f"{month}下旬", "下旬", month))
            _add(table, f"end of {form}", (f"{month}底", f"{month}末", "月底", month))
            _add(table, f"by the end of {form}", (f"{month}底前", "底前", f"{month}底", month))
            _add(table, f"before the end of {form}", (f"{month}底前", "底前", f"{month}底", month))
            _add(table, f"by end of {form}", (f"{month}底前", "底前", f"{month}底", month))
    return table


@functools.lru_cache(maxsize=1)
def glossary() -> dict[str, tuple[str, ...]]:
    """The table, read from glossary_en_zh.txt and places_henan.txt on first use."""
    return _build()

# ---------------------------------------------------------------- matching

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
_APOS_S = re.compile(r"['’`]s\b")
_APOS = re.compile(r"['’`]")
_WORD = re.compile(r"[a-z0-9]+")


def _stem(word: str) -> str:
    """Collapse plurals, 3rd-person, past and -ing forms onto one stem.

    It only needs to be consistent (glossary keys go through it too), not to
    produce dictionary words: require/required/requires/requiring → "requir".
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


def _tokens(text: str) -> list[str]:
    text = _APOS.sub("", _APOS_S.sub("", text.lower()))
    text = text.replace("&", " and ")
    return [_stem(t) for t in _WORD.findall(text) if t not in _DROP]


@functools.lru_cache(maxsize=1)
def _index() -> tuple[dict[tuple[str, ...], tuple[str, ...]], int]:
    index: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key, values in glossary().items():
        toks = tuple(_tokens(key))
        if toks:
            old = index.get(toks, ())
            index[toks] = old + tuple(v for v in values if v not in old)
    return index, max(len(k) for k in index)


def translate_terms(question: str) -> list[str]:
    """Chinese expressions for every glossary phrase found in an English question.

    Longer phrases win over the shorter phrases inside them ("deputy district head"
    yields 副区长, not also 区长); phrases that merely overlap are both kept.  The
    result follows question order and has no duplicates.
    """
    index, max_len = _index()
    toks = _tokens(question)
    found: list[tuple[int, int]] = []
    for i in range(len(toks)):
        for n in range(min(max_len, len(toks) - i), 0, -1):
            if tuple(toks[i:i + n]) in index:
                found.append((i, i + n))
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda s: (s[0] - s[1], s[0])):
        if not any(a <= start and end <= b for a, b in kept):
            kept.append((start, end))
    out: dict[str, None] = {}
    for start, end in sorted(kept):
        for value in index[tuple(toks[start:end])]:
            out.setdefault(value)
    return list(out)
