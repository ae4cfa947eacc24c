"""Who a question says acted or spoke, and whether a passage or sentence names them: people
written with a title, linked by pinyin, or held by a post; what someone else is credited with
saying is not theirs."""
from __future__ import annotations

import functools
import re

from rag.answer.constraints import Constraints
from rag.types import Hit


def named_people(question: str) -> list[str]:
    """People a Chinese question names with their title ("市委书记孙海" -> 孙海)."""
    from rag.answer.facts import person_names
    return person_names(question)


def required_people(cons: Constraints, hits: list[Hit]) -> list[list[str]]:
    """Who the question says acted, each as the strings that name them: a name it writes with
    a title ("市委书记孙海"), a name the retrieved passages give someone a title for ("区长李某"
    somewhere, so "李某到哪些街道…" names him; in English by pinyin), and a title without a
    name ("the mayor", "市长对…提出了什么要求") as that title or its holders in the passages.
    A title the question asks the holder of (who-questions) is the answer, not a condition;
    a title whose holder no passage names is not checked."""
    groups = [[n] for n in named_people(cons.question)]
    if not hits:
        return groups
    from rag.profiles import get_profile
    from rag.retrieve import people as peoplemod
    docs = {h.chunk.doc_id for h in hits}
    names = peoplemod.names_in(docs)        # the loaded index's table, built once at load
    # passages of no loaded index (an API caller's own hits): their own role-name pairs
    known = peoplemod.build(_texts(hits)) if not names else peoplemod.People()
    names = names or {n for c in known.role_names.values() for n in c}
    if cons.lang == "zh":
        found = [n for n in names if n in cons.question]
    else:
        known.pinyin.update(pinyin_of(frozenset(names)))
        found = peoplemod.link_names(cons.question, known)
    for n in sorted(found, key=cons.question.find):
        if [n] not in groups and not any(n in g[0] or g[0] in n for g in groups):
            groups.append([n])
    if cons.lang == "en":
        groups += _pinyin_groups(cons, hits, found)
    if not groups and cons.asks != "person":
        for titles in get_profile().roles.role_groups(cons.question):
            # alternatives of one English post ("Party secretary": 区委书记 or 市委书记) are one
            # person: any of them, or any of their holders, will do
            holders = [h for t in titles for h in (peoplemod.holders(t, docs) or known.names_for_role(t, top=3))]
            if holders:
                groups.append([TITLES_SEP.join(titles), *dict.fromkeys(holders)])
    return groups


TITLES_SEP = "|"        # a group's alternative titles, in its first element


def _pinyin_groups(cons: Constraints, hits: list[Hit], linked: list[str]) -> list[list[str]]:
    """Someone an English question names in pinyin whom no role links to a Chinese name
    ("the home of Zhao Ming, a serving peacekeeper"): the names of the passages that read so.
    When none does, the group holds the pinyin alone, which no Chinese passage names."""
    from rag.profiles import get_profile
    from rag.retrieve import people as peoplemod
    profile = get_profile()
    have = set(pinyin_of(frozenset(linked)))          # pinyin of the names already linked
    groups = []
    for written, syllables in peoplemod.pinyin_people(cons.question):
        if "".join(syllables) in have:
            continue
        words = profile.translate_terms(written)
        if profile.places().in_english(written) or (
                words and not any(peoplemod.chinese_names_for(syllables, w) for w in words)):
            continue                # "Hong Kong" (香港) is a place, whatever its syllables
        names = set()
        for h in hits:
            names |= peoplemod.chinese_names_for(syllables, f"{h.chunk.speaker or ''} {_text(h)}")
        groups.append([written, *sorted(names)])
    return groups


@functools.lru_cache(maxsize=64)
def pinyin_of(names: frozenset) -> dict[str, str]:
    try:
        from pypinyin import lazy_pinyin
    except ImportError:
        return {}
    return {"".join(lazy_pinyin(n)).lower(): n for n in names}


def names_one(group: list[str], text: str) -> bool:
    """Whether text names someone of the group: a name in it, or the title as a whole title
    ("市长" in "市长张三", not in "副市长李四")."""
    if any(n in text for n in group[1:]) or (len(group) == 1 and group[0] in text):
        return True
    if len(group) == 1:
        return False
    from rag.profiles import get_profile
    titles = set(group[0].split(TITLES_SEP))
    return any(same_title(m.group(0), titles) for m in get_profile().roles.title_regex.finditer(text))


def same_title(title: str, asked: set[str]) -> bool:
    """"市政协主席" holds "政协主席"; "市委副书记" does not hold "书记"."""
    return any(title == a or (title.endswith(a) and not title[:-len(a)].endswith("副")) for a in asked)


# A question on what someone said or required ("李某提出了什么要求", "What did the district head
# require"), and a passage's "NAME(同志)要求/强调/指出…": who said what follows.
_SAID_Q = re.compile(r"要求|强调|指出|表示|提出|讲话|讲了|谈了|说了|意见|发言|告诉|说了?什么|\b(?:requir|say|said|tell|told|stress|urg|demand|ask|"
                     r"call(?:ed)? for|insist|instruct|point(?:ed)? out)", re.I)
_SAID_AFTER = re.compile(r"(?:同志)?[^。；！？，]{0,12}?(?:要求|强调|指出|表示|提出)")


def _text(hit: Hit) -> str:
    """A passage with the entry it continues, if any (its scene names who is speaking)."""
    return f"{hit.chunk.scene}\n{hit.chunk.text}" if hit.chunk.scene else hit.chunk.text


def _texts(hits: list[Hit]) -> list[str]:
    return [_text(h) for h in hits]


def known_speakers(cons: Constraints, hits: list[Hit], people: list[list[str]]) -> set[str]:
    """The names a passage may credit with what is said, when the question asks what one of
    the people it names said: everyone the index knows by a role, and the question's own."""
    if not people or cons.asks not in ("requirement", "fact", "list") or not _SAID_Q.search(cons.question):
        return set()
    from rag.retrieve import people as peoplemod
    texts = _texts(hits)
    names = set(peoplemod.names_in({h.chunk.doc_id for h in hits})) or {
        n for c in peoplemod.build(texts).role_names.values() for n in c}
    return names | _titled_speakers(texts) | {
        n for g in people for n in (g if len(g) == 1 else g[1:])}


def _titled_speakers(texts) -> set[str]:
    """Names a passage writes after a post and then credits with words ("…局长李某带队…。
    李某要求，…"): a visiting bureau head the index's table of unit leaders does not hold."""
    from rag.profiles import get_profile
    prof = get_profile()
    surnames, after_title = prof.surnames, _after_title(prof.roles.endings)
    found = set()
    for text in texts:
        for m in after_title.finditer(text):
            if m.group(1)[0] not in surnames:
                continue                # "总书记再次强调": 再次 is no name
            for n in (m.group(1), m.group(1)[:2]):
                if re.search(re.escape(n) + r"(?:同志)?(?:要求|强调|指出|表示)", text):
                    found.add(n)
    return found


@functools.lru_cache(maxsize=4)
def _after_title(endings: tuple[str, ...]) -> re.Pattern:
    ends = "|".join(map(re.escape, endings))
    return re.compile(rf"(?:{ends})([\u4e00-\u9fff]{{2,3}})")


def said_by_them(before: str, speakers: set[str], people: list[list[str]], credited: bool = False) -> bool:
    """Whether a sentence may be the words of someone the question names: not when the last
    "NAME…要求" up to its end credits another; with `credited`, only when it credits one of them
    (of several people named, the one asked must be the one who spoke)."""
    last, who = -1, None
    for name in speakers:
        for m in re.finditer(re.escape(name), before):
            if m.start() > last and _SAID_AFTER.match(before, m.end()):
                last, who = m.start(), name
    # a post's holder the table did not list among its top ones ("某市副市长王某…王某强调")
    if who is None:
        return not credited
    return any(who in g or (len(g) > 1 and any(f"{t}{who}" in before for t in g[0].split(TITLES_SEP)))
               for g in people)


def credits_only_others(text: str, speakers: set[str], people: list[list[str]]) -> bool:
    """Whether a passage gives `people` no words: it credits words ("NAME…要求") to others only,
    or names them only as present ("区领导甲、乙参加座谈会")."""
    said = [_SAID_AFTER.match(text, m.end()) for name in speakers for m in re.finditer(re.escape(name), text)]
    ends = [m.end() for m in said if m]
    if any(said_by_them(text[:e], speakers, people, credited=True) for e in ends):
        return False
    return bool(ends) or _only_attend(text, people)


# "区领导甲、乙参加座谈会", "市长甲出席", "…甲陪同": named as present, not as one who spoke
_ATTENDS = re.compile(r"参加|出席|陪同|列席|一同前往|随同|参会")
_ACTS = re.compile(r"讲话|要求|强调|指出|表示|提出|致辞|发言|部署|主持|汇报")


def _only_attend(text: str, people: list[list[str]]) -> bool:
    """Whether every sentence naming one of `people` only says they were there (a sentence: "区领导
    甲、乙，县级干部丙陪同考察" names 甲 in one clause and says 陪同 in the next)."""
    names = [n for g in people for n in (g if len(g) == 1 else g[1:])]
    clauses = [c for c in re.split(r"[。；！？]", text) if any(n in c for n in names)]
    return bool(clauses) and all(_ATTENDS.search(c) and not _ACTS.search(c) for c in clauses)


def asked_speakers(question: str, people: list[list[str]]) -> list[list[str]]:
    """Of several people a question names, the one it asks what they said: whose name the
    question's own "…要求/提出" follows ("张某专题研究…时，区长李某提出了哪些要求" asks 李某);
    all of them when that is not one of them."""
    if len(people) < 2:
        return people
    asked = [g for g in people if any(m and _SAID_AFTER.match(question, m.end())
                                      for n in (g if len(g) == 1 else g[1:])
                                      for m in re.finditer(re.escape(n), question))]
    if not asked:
        from rag.answer.query import detect_lang
        asked = _asked_in_english(question, people) if detect_lang(question) == "en" else []
    return asked if len(asked) == 1 else people


_SAID_EN = re.compile(r"\b(?:requir|say|said|tell|told|stress|urg|demand|ask|call(?:ed)? for|insist|instruct|"
                      r"point(?:ed)? out)",
                      re.I)


def _asked_in_english(question: str, people: list[list[str]]) -> list[list[str]]:
    """"When 甲 inspected …, what did the Party secretary 乙 require?": the one named last before
    the verb of saying is the one whose words are asked."""
    flat = re.sub(r"[^a-z]", "", question.lower())
    verbs = list(_SAID_EN.finditer(question))
    if not verbs:
        return []
    verb_at = len(re.sub(r"[^a-z]", "", question[:verbs[-1].start()].lower()))
    where = []
    for g in people:
        spellings = [n for n in g if n.isascii()] + list(pinyin_of(frozenset(n for n in g if not n.isascii())))
        at = max((flat.rfind(re.sub(r"[^a-z]", "", p.lower()), 0, verb_at) for p in spellings), default=-1)
        where.append((at, g))
    best = max(where, key=lambda x: x[0])
    return [best[1]] if best[0] >= 0 else []
