"""An English question's dictionary terms, kept to what the corpus writes.

The profile's general dictionary (CC-CEDICT for zh-gov) gives Chinese words for the English
words no glossary phrase covers and for proper names ("Beijing Institute of Technology" ->
北京理工大学). A dictionary knows every sense, the corpus only some: a term is kept only when
the index's BM25 vocabulary holds it. A long name also brings the corpus's abbreviations of
it ("北理工"): words that open with the name's first character and take the rest of theirs
from the name in order, skipping some (Chinese shortens a name by keeping a character or two
of each part).
"""
from __future__ import annotations

from rag.index.bm25 import tokenize

# A name this long (characters) is looked for abbreviated; an abbreviation is at least
# ABBREV_MIN characters, at most half the name (北京大学 is no abbreviation of 北京理工大学) and
# not a run of it (those the name's own tokens match). Not tuned: 3 is the shortest
# abbreviation two-character words leave (北理工); shorter ones (北大) are too ambiguous to
# find by spelling and come from the dictionary.
NAME_MIN = 5
ABBREV_MIN = 3


class CorpusDictionary:
    """Built once per index from its BM25 vocabulary (token -> column)."""

    def __init__(self, vocab: dict[str, int]):
        self.vocab = vocab
        self._by_first: dict[str, list[str]] | None = None

    def terms(self, candidates: list[str]) -> list[str]:
        """The candidates the corpus writes (as one token, or as tokens all in it), each
        followed by the corpus's abbreviations of it."""
        out: dict[str, None] = {}
        for term in candidates:
            toks = tokenize(term)
            if term in self.vocab or (toks and all(t in self.vocab for t in toks)):
                out.setdefault(term)
            if len(term) >= NAME_MIN:
                for a in self.abbreviations(term):
                    out.setdefault(a)
        return list(out)

    def abbreviations(self, name: str) -> list[str]:
        if self._by_first is None:
            self._by_first = {}
            for tok in self.vocab:
                if len(tok) >= ABBREV_MIN and "\u4e00" <= tok[0] <= "\u9fff":
                    self._by_first.setdefault(tok[0], []).append(tok)
        return [t for t in self._by_first.get(name[0], ())
                if len(t) * 2 <= len(name) and t not in name and _subsequence(t, name)]


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)
