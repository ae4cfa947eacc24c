"""Who holds which role, as the corpus itself states it ("市长张三", "区委书记李四").

Built from the indexed chunks, so a question about "the mayor" or a pinyin name ("Zhang
San") can be linked to the Chinese names that the passages actually contain. The titles,
surnames and chronicle phrasing come from the domain profile (`rag.profiles`).
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rag.profiles import get_profile

_NAME_AFTER = re.compile(r"([\u4e00-\u9fff]{2,3})")


@dataclass
class People:
    role_names: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    # the same per document, so "the mayor of X" is looked up in X's records
    by_doc: dict[str, dict[str, Counter]] = field(default_factory=dict)
    pinyin: dict[str, str] = field(default_factory=dict)      # "zhangsan" -> "张三"

    def names_for_role(self, role: str, top: int = 3, docs=None) -> list[str]:
        if docs:
            c = Counter()
            for d in docs:
                c.update(self.by_doc.get(d, {}).get(role, Counter()))
            if c:
                return [n for n, _ in c.most_common(top)]
        return [n for n, _ in self.role_names.get(role, Counter()).most_common(top)]

    def to_dict(self) -> dict:
        return {"roles": {r: dict(c) for r, c in self.role_names.items()}}


def _name_after(text: str, pos: int, corpus: str, cache: dict, prof) -> str | None:
    m = _NAME_AFTER.match(text, pos)
    if not m or m.group(1)[0] not in prof.surnames:
        return None
    cand = m.group(1)
    if len(cand) == 3:
        # A real 3-character name occurs about as often as its first two characters;
        # "张三就" occurs far less often than "张三".
        for s in (cand, cand[:2]):
            if s not in cache:
                cache[s] = corpus.count(s)
        if cand[2] in prof.after_name or cache[cand] < cache[cand[:2]] * 0.6:
            cand = cand[:2]
    return cand


# Role holders per document, as the loaded indexes found them: the answer step checks "what did
# the mayor require" against who the mayor is in the cited passage's document, which the few
# passages it is handed may not say. Filled by build(); a re-ingested document is replaced.
_BY_DOC: dict[str, dict[str, Counter]] = {}


def holders(title: str, doc_ids, top: int = 3) -> list[str]:
    """Who the documents call `title` most often ("市长" -> the mayor's name)."""
    c = Counter()
    for d in doc_ids:
        c.update(_BY_DOC.get(d, {}).get(title, Counter()))
    return [n for n, _ in c.most_common(top)]


def names_in(doc_ids) -> set[str]:
    """Everyone the documents name with a title."""
    return {n for d in doc_ids for c in _BY_DOC.get(d, {}).values() for n in c}


def build(texts: list[str], doc_ids: list[str] | None = None, profile=None) -> People:
    """Scan passages for role-name pairs ("区长张三", "市委书记、市长李四": both titles,
    "国务院总理 王五")."""
    prof = profile or get_profile()
    holder, titles = prof.roles.holder_regex, prof.roles.holder_only_regex
    people = People()
    doc_ids = doc_ids or [""] * len(texts)
    corpus = "\n".join(texts)
    cache: dict[str, int] = {}
    for t, doc in zip(texts, doc_ids):
        per_doc = people.by_doc.setdefault(doc, defaultdict(Counter))
        for m in holder.finditer(t):
            name = _name_after(t, m.end(), corpus, cache, prof)
            if not name:
                continue
            for r in {u for t in titles.findall(m.group(0)) for u in prof.roles.usual(t)}:
                people.role_names[r][name] += 1
                per_doc[r][name] += 1
    _BY_DOC.update({d: roles for d, roles in people.by_doc.items() if d})
    try:
        from pypinyin import lazy_pinyin
    except ImportError:           # pinyin linking is a bonus, not a requirement
        return people
    names = {n for c in people.role_names.values() for n in c}
    for t in texts:               # "区领导张三、李四" lists name people without roles
        for lst in prof.name_list.findall(t):
            names.update(n for n in lst.split("、") if 2 <= len(n) <= 3)
    for n in names:
        people.pinyin["".join(lazy_pinyin(n)).lower()] = n
    return people


def link_names(question: str, people: People) -> list[str]:
    """Chinese names for pinyin names in an English question ("Zhang San", "San Zhang")."""
    words = re.findall(r"[A-Za-z]+", question)
    found = []
    for i in range(len(words)):
        for j in (2, 3, 1):
            seq = words[i:i + j]
            if len(seq) < j:
                continue
            for key in ("".join(seq).lower(), "".join(seq[1:] + seq[:1]).lower()):
                if key in people.pinyin and people.pinyin[key] not in found:
                    found.append(people.pinyin[key])
    return found


def roles_in(question: str, profile=None) -> list[str]:
    """Chinese titles named in the question, in Chinese or English ("the mayor" -> 市长; "the
    party secretary of <a district>" -> 区委书记)."""
    return (profile or get_profile()).roles_in(question)


# "Zhao Ming", "Wang Jianguo": a surname's syllable, then a given name of one or two syllables.
# overlapping, so that "In Zhang Shujie's" finds "Zhang Shujie" after trying "In Zhang"
_PINYIN_PAIR = re.compile(r"(?=\b(([A-Z][a-z]{0,5})\s+([A-Z][a-z]{1,11}))\b)")


@functools.lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (about 410), from pypinyin's own table."""
    from pypinyin import lazy_pinyin
    from pypinyin.constants import PINYIN_DICT
    return frozenset(lazy_pinyin("".join(chr(c) for c in PINYIN_DICT if 0x4E00 <= c <= 0x9FFF)))


@functools.lru_cache(maxsize=4)
def _surname_syllables(surnames: frozenset[str]) -> frozenset[str]:
    from pypinyin import lazy_pinyin
    return frozenset(p for s in surnames for p in lazy_pinyin(s))


def _split_syllables(word: str, most: int) -> list[str] | None:
    """`word` as at most `most` pinyin syllables, longest first ("shujie" -> shu, jie)."""
    if not word:
        return []
    if most == 0:
        return None
    for n in range(min(6, len(word)), 0, -1):
        if word[:n] in _syllables():
            rest = _split_syllables(word[n:], most - 1)
            if rest is not None:
                return [word[:n], *rest]
    return None


def pinyin_people(question: str, profile=None) -> list[tuple[str, list[str]]]:
    """Names an English question writes in pinyin, as (name as written, syllables): a
    surname's syllable and a given name of one or two ("Zhao Ming" -> zhao, ming)."""
    try:
        surnames = _surname_syllables((profile or get_profile()).surnames)
    except ImportError:
        return []
    out = []
    for m in _PINYIN_PAIR.finditer(question):
        family, given = m.group(2).lower(), _split_syllables(m.group(3).lower(), 2)
        if family in surnames and given:
            out.append((m.group(1), [family, *given]))
    return out


_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")


def pinyin_names(question: str, profile=None) -> list[tuple[str, list[str]]]:
    """Names other than people's an English question writes in pinyin ("Ruimei Zhenfa Co.",
    "the Qingyi River"), as (name as written, syllables): capitalised words past the first
    that read as pinyin and are no English word, no known place, no person's name (see
    pinyin_people). Nothing when the profile cannot tell English words from others."""
    profile = profile or get_profile()
    people = [w for w, _ in pinyin_people(question, profile)]
    places = profile.places()
    out = []
    for m in _CAPITALISED_RUN.finditer(question):
        if any(m.group(0) in p or p in m.group(0) for p in people):
            continue
        run: list[tuple[str, list[str]]] = []
        for w in re.split(r"[ -]", m.group(0)) + [""]:
            syl = _split_syllables(w.lower(), 4) if w and question.find(w) > 0 else None
            if syl and profile.english_word(w) is False and not profile.translate_terms(w):
                run.append((w, syl))
                continue
            written = " ".join(x for x, _ in run)
            if sum(len(x) for _, x in run) >= 2 and not places.in_english(written):
                out.append((written, [y for _, x in run for y in x]))
            run = []
    return out


def reads_as(syllables: list[str], text: str) -> bool:
    """Whether the text holds characters reading as these syllables, in order (any reading)."""
    n = len(syllables)
    return any(all(syl in _readings(c) for syl, c in zip(syllables, text[i:i + n]))
               for i in range(len(text) - n + 1) if syllables[0] in _readings(text[i]))


def chinese_names_for(syllables: list[str], text: str, profile=None) -> set[str]:
    """The names in a Chinese text that read as these syllables, surname first; any reading
    of a character counts (曾 is zeng or ceng)."""
    surnames = (profile or get_profile()).surnames
    n = len(syllables)
    out = set()
    for i, ch in enumerate(text[:len(text) - n + 1]):
        if ch in surnames and syllables[0] in _readings(ch):
            cand = text[i:i + n]
            if all(syl in _readings(c) for syl, c in zip(syllables[1:], cand[1:])):
                out.add(cand)
    return out


@functools.lru_cache(maxsize=8192)
def _readings(ch: str) -> frozenset[str]:
    if not "\u4e00" <= ch <= "\u9fff":
        return frozenset()
    from pypinyin import Style, pinyin
    return frozenset(pinyin(ch, style=Style.NORMAL, heteronym=True)[0])
