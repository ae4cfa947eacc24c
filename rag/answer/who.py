"""Whether a sentence can answer a who-question: the holder of the title asked about, someone
the question does not name already, whoever went along; and whether the question gives a name."""
from __future__ import annotations

import re

from rag.answer.constraints import Constraints
from rag.answer.query import chinese_terms, has_answer_kind
from rag.answer.speakers import pinyin_of, same_title

# Someone named without a title ("以习近平同志为核心", "由区城管局负责"): a person or body.
_NAMED = re.compile(r"[\u4e00-\u9fff]{2,3}同志|[\u4e00-\u9fff]{2,10}(?:局|委员会|办公室|中心|公司|集团|人民政府|"
                    r"街道办事处|办事处|管委会)(?=要|负责|牵头|承担|完成|[，、])")


def asked_titles(cons: Constraints) -> set[str]:
    """The titles a question asks the holder of ("哪位副市长", "某市政协主席是谁", "Which
    premier"): the profile's titles among its words."""
    from rag.profiles import get_profile
    titles = get_profile().roles.title_regex
    from rag.answer.facts import person_names
    if cons.lang != "zh":
        if ACCOMPANY_Q.search(cons.question) and not re.search(r"\bwhich\b", cons.question, re.I):
            return set()        # "Who accompanied the mayor": the title is the visitor's
        return {m.group(0) for m in titles.finditer(" ".join(chinese_terms(cons.question, cons.lang)))}
    q = cons.question           # a title with its holder's name ("市长王某某") only sets the scene
    # "哪几位市领导" asks for any of the city's officials, whatever their titles: no title to match
    found = {m.group(0) for m in titles.finditer(q) if not person_names(q[m.start():m.end() + 4])
             and not m.group(0).endswith("领导")}
    if ACCOMPANY_Q.search(q):
        # "区长到…调研时，有谁陪同": the title is the visitor's; "哪位副市长陪同" asks one
        found = {t for t in found if re.search(rf"(?:哪位|哪些|哪两位|哪几位|何)\S{{0,6}}{re.escape(t)}", q)}
    return found


def names_person(cons: Constraints, sentence: str) -> bool:
    """Whether a sentence can answer a who-question: with the asked title and a name after it
    when the question names a title; else with anyone titled or a named body. A bare "谁" or
    "to whom" with no title may be answered by anyone or anything ("企业处于主体地位")."""
    titles = asked_titles(cons)
    if titles:
        from rag.answer.facts import appointed_names, person_names
        from rag.profiles import get_profile
        # the holder after the title ("副市长王某某") or before it ("以胡锦涛同志为总书记",
        # "推选李某、王某为副团长")
        return any(same_title(m.group(0), titles) and (person_names(sentence[m.start():m.end() + 4])
                                             or person_names(sentence[max(0, m.start() - 8):m.start()])
                                             or appointed_names(sentence[max(0, m.start() - 24):m.start()]))
                   for m in get_profile().roles.title_regex.finditer(sentence))
    if not (_WHICH_PERSON.search(cons.question) or _ORIGINATOR_Q.search(cons.question)):
        return True
    # someone the question does not name already ("王某到…现场办公，哪些领导一同前往": not 王某)
    from rag.answer.facts import person_names
    if any(not in_question(n, cons) for n in person_names(sentence)):
        return True
    named = [m.group(0) for m in _NAMED.finditer(sentence)]
    if named:
        return any(not in_question(n, cons) for n in named)
    return has_answer_kind(sentence, "who") and not person_names(sentence)


# Who first proposed something ("谁最早提出…", "Who first put forward…"): someone named, not the
# text's own "we" carrying the idea on ("我们将秉持…理念")
_ORIGINATOR_Q = re.compile(r"(?:最早|最先|首先|首次|率先)(?:提出|倡导|倡议|发起)|\bwho\s+(?:first|originally)\s+"
                           r"(?:put forward|proposed|raised|came up with|advanced|initiated|coined|suggested)\b", re.I)
_WHICH_PERSON = re.compile(r"哪几?位|哪几名|何人|哪个人|什么人|哪些(?:人|领导|同志)|\bwhich (?:officials?|leaders?|persons?|people)\b",
                           re.I)


# Who went with someone: the sentence that says so ("副区长王某…陪同调研", "…一同前往").
ACCOMPANY_Q = re.compile(r"陪同|一同|随同|\baccompan", re.I)
ACCOMPANY = re.compile(r"陪同|一同|随同|陪|同行")


def in_question(value: str, cons: Constraints) -> bool:
    """Whether the question already gives this name or date: as written, an English
    question's pinyin ("Zhang San" for 张三) or its English date ("6 March" for 3月6日)."""
    if value in cons.question:
        return True
    if cons.lang != "en":
        return False
    from rag.answer.query import english_dates
    # "13日" is the day of "13 February" (2月13日) as a chronicle entry writes it
    if any(d in value or (d.endswith(value) and not d[-len(value) - 1:-len(value)].isdigit())
           for d in english_dates(cons.question)):
        return True
    pinyin = pinyin_of(frozenset([value]))
    flat = re.sub(r"[^a-z]", "", cons.question.lower())
    return any(p in flat for p in pinyin)
