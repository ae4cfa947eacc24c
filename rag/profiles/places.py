"""A national table of places, looked up by Chinese name or by romanised name.

A profile fills it (`Place` rows and their romanised keys); this module only looks up. Keys
are proper nouns: matched as whole words, exactly, never stemmed. A key that is also an
ordinary English word ("dean", "lean") counts only when capitalised past the first word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .phrases import PhraseTable, keep_longest, words

__all__ = ["Place", "PlaceTable"]


@dataclass(frozen=True)
class Place:
    id: str                         # a stable code (an administrative division code)
    name: str                       # 南山区
    short: str                      # 南山 ("" when too short to be said alone)
    level: str                      # province | city | county
    unit: str                       # the unit word its titles use: 省, 自治区, 市, 州, 县, 区, 旗...
    parent: str | None = None       # the place it belongs to (深圳市 for a district of it)
    province: str | None = None
    keys: tuple[str, ...] = ()      # romanised ways to write it ("nanshan", "nanshan district")

    @property
    def names(self) -> tuple[str, ...]:
        """The Chinese ways a text names it: 南山区, 南山."""
        return (self.name, self.short) if self.short and self.short != self.name else (self.name,)

    @property
    def full_name(self) -> str:
        """Its name with the units above it: 广东省深圳市南山区."""
        parts = [p for p in (self.province, self.parent) if p and p != self.name]
        return "".join(dict.fromkeys(parts + [self.name]))


class PlaceTable:
    def __init__(self, places: Iterable[Place], english_words: Iterable[str] = (),
                 chinese_words: Iterable[str] = ()):
        self.places: tuple[Place, ...] = tuple(places)
        self.by_id = {p.id: p for p in self.places}
        self.by_name: dict[str, tuple[Place, ...]] = {}
        self._keys = PhraseTable()
        # short names that are also ordinary words (和平 "peace", 合作 "to cooperate"): a text
        # names the place only with its unit (和平区, 合作市)
        ordinary = frozenset(chinese_words)
        for p in self.places:
            for n in p.names:
                if n != p.name and n in ordinary:
                    continue
                self.by_name[n] = self.by_name.get(n, ()) + (p,)
            for k in p.keys:
                self._keys.add(k, (p.id,), exact=True)
        # keys that are also English words: only when written with a capital
        self._ambiguous = frozenset(w.lower() for w in english_words)

    def __len__(self) -> int:
        return len(self.places)

    def named(self, name: str) -> tuple[Place, ...]:
        """Places of this Chinese name or romanised key ("南山区", "南山", "nanshan")."""
        if name in self.by_name:
            return self.by_name[name]
        return tuple(self.by_id[i] for i in self._keys.get(name))

    def matches(self, text: str) -> list[tuple[int, int, tuple[str, ...]]]:
        """(first word, end word, place ids) of every romanised name in a text."""
        cased = words(text, keep_case=True)
        # a name numbered with a hyphen is a craft's or a model's ("Shenzhou-8", "Tiangong-1")
        numbered = {m.group(1).lower() for m in re.finditer(r"\b([A-Za-z]+)-\d", text)}
        # a text that capitalises its names: a lowercase word there is none ("(yishi yiyi)", a
        # term's transliteration, is no pair of counties)
        capitalised = any(w[:1].isupper() for w in cased[1:])
        out = []
        for start, end, ids in self._keys.matches(text):
            if end - start == 1 and cased[start].lower() in self._ambiguous \
                    and (start == 0 or not cased[start][:1].isupper()):
                continue            # "the dean", "Change ..." are no places
            if capitalised and not cased[start][:1].isupper():
                continue
            if end - start == 1 and cased[start].lower() in numbered:
                continue
            out.append((start, end, ids))
        return out

    def in_english(self, text: str) -> list[Place]:
        """Places a text names in romanised form ("Guangdong", "Haidian District"), in order."""
        out: dict[str, Place] = {}
        for _, _, ids in keep_longest(self.matches(text)):
            for i in ids:
                out.setdefault(i, self.by_id[i])
        return list(out.values())

    def in_chinese(self, text: str, min_len: int = 2) -> list[Place]:
        """Places a Chinese text names (longest names first, non-overlapping), in order."""
        rx = self._chinese_regex(min_len)
        out: dict[str, Place] = {}
        for m in rx.finditer(text):
            for p in self.by_name.get(m.group(0), ()):
                out.setdefault(p.id, p)
        return list(out.values())

    def _chinese_regex(self, min_len: int) -> re.Pattern:
        cache = self.__dict__.setdefault("_zh_rx", {})
        if min_len not in cache:
            names = sorted((n for n in self.by_name if len(n) >= min_len), key=len, reverse=True)
            cache[min_len] = re.compile("|".join(map(re.escape, names)) or r"(?!x)x")
        return cache[min_len]

    def names_of(self, ids) -> tuple[str, ...]:
        """Chinese names (南山区, 南山) of place ids, without duplicates."""
        return tuple(dict.fromkeys(n for i in ids for n in self.by_id[i].names))
