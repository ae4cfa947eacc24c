"""A compound question's parts, one by one: the questions it asks ("…是多少，实际…多少？",
"What was the target, and what was achieved?"), each with what the first fixes and it leaves
out (years, place), and the items it asks about in one breath ("2016年和2017年…", "A和B分别…").
The decision to answer reads question_parts (rag.answer.chain); the extractive answer quotes
for answer_parts."""
from __future__ import annotations

import re

from rag.answer.constraints import Constraints, asks_actual, extract, frame_free
from rag.answer.query import QWORD_ZH, detect_lang, zh_segments
from rag.answer.quantities import CHANGE_Q
from rag.answer.question_kind import TEMPORAL_LEAD, without_relative_who


def question_parts(question: str) -> list[str]:
    """The questions of a compound question, each with what the first one fixes (years,
    place) when it leaves them out: "2016年城镇新增就业多少人？年末城镇登记失业率是多少？" ->
    [..., "2016年 年末城镇登记失业率是多少？"]. One part for a simple question."""
    lang = detect_lang(question)
    mark = "？" if lang == "zh" else "?"
    # "What post did X, who went with him, hold?" is one question
    asked = without_relative_who(question) if lang == "en" else question
    parts = [c.strip() + mark for p in re.split(r"[？?]", asked) if len(p.strip()) >= 4
             for c in _clauses(p.strip(), lang) if len(c.strip()) >= 4]
    if len(parts) < 2:
        return [question]
    return _carry(parts)


_THAT_YEAR = re.compile(r"当年|同年|那一年|\bin that year\b|\bthat year\b|\bthe same year\b", re.I)


def _carry(parts: list[str]) -> list[str]:
    """Later parts with what the first one fixes and they leave out (years, place)."""
    first = extract(parts[0])
    out = [parts[0]]
    for p in parts[1:]:
        c = extract(p)
        if (not c.years and not first.years and first.doc_ref is not None and c.doc_ref is None
                and _THAT_YEAR.search(p)):
            # "2014年政府工作报告计划…？当年实际…？": that year is the report's
            p = _THAT_YEAR.sub(f"{first.doc_ref.year}年" if first.lang == "zh" else f"in {first.doc_ref.year}", p, 1)
            c = extract(p)
        prefix = "".join(f"{y}年" for y in first.years if not c.years) if first.lang == "zh" else ""
        own = _COMPARED.sub(" ", _SOURCE.sub(" ", CHANGE_Q.sub(" ", frame_free(c))))
        if c.unit:
            own = own.replace(c.unit, " ")     # "完成了多少户": a unit is no subject
        if first.lang == "zh" and not c.dates and not c.place and not zh_segments(own):
            # a part that names nothing but what it asks ("实际增长了多少？", "增长多少？") asks it
            # of the first part's subject ("…广义货币M2的预期增长目标是多少？"); one with a day and
            # place of its own ("11月19日某区…会上由什么人作…发言？") is a question of its own
            subject = _asked_subject(first, keep_target=first.period_kind == "target" and not asks_actual(p))
            prefix += subject.replace(first.place, "") if first.place else subject
        if first.lang == "zh" and first.place and not c.place and first.place not in p:
            prefix = first.place + prefix
        suffix = ""
        if first.lang == "en":
            # a part naming nothing but what it asks ("and what growth was actually achieved?",
            # "how much did it actually fall that year?") asks it of the first part's subject
            subject = "" if _names_own_subject(c) else _english_subject(first)
            if subject and not all(w.lower() in p.lower() for w in subject.split()):
                suffix += f" ({subject})"       # not when the part says it already ("what growth")
            # the first part's place and years ("…of Pingyang's … in 2020, how did he…, and what
            # standing was it meant to keep?": Pingyang's)
            if first.place and not c.place and first.place.lower() not in p.lower():
                suffix += f" in {first.place}"
            suffix += "".join(f" in {y}" for y in first.years if not c.years)
        out.append(prefix + p[:-1] + suffix + p[-1])
    return out


# What an English part may say besides its subject: the figure asked, a change, a pronoun for
# the first part's subject, the time ("that year"), a plan or report that frames it.
_GENERIC_EN = re.compile(r"\b(?:rate|ratio|share|growth|amount|number|figure|level|total|target|goal|ceiling|cap|"
                         r"percentage|percent|points?|cut|cuts|much|many|actually|actual|achieved|reached|came|come|"
                         r"in|out|below|above|china|chinese|national|nationwide|country|"
                         r"year|years|five|th|st|nd|rd|plan|report|reports|reviewed|aim|aimed|set|"
                         r"they|them|it|its|their|that|same|each|\d+)\b", re.I)


def _names_own_subject(c: Constraints) -> bool:
    """Whether an English part names what it asks about, beyond its frame, figure and pronouns."""
    from rag.profiles import get_profile
    from rag.profiles.phrases import words
    stop = get_profile().question_stop_en
    text = CHANGE_Q.sub(" ", frame_free(c))
    places = {w.lower() for w in words(c.place or "")}
    return any(w not in stop and w not in places and not _GENERIC_EN.fullmatch(w) for w in words(text))


def _english_subject(first: Constraints) -> str:
    """The first English part's subject as written: its glossary phrases outside its frame
    ("What was the GDP growth target for 2014?" -> "GDP growth")."""
    from rag.profiles import get_profile
    from rag.profiles.phrases import words
    text = frame_free(first)
    toks = words(text, keep_case=True)
    return " ".join(" ".join(toks[a:b]) for a, b, _ in get_profile().glossary().spans(text))


# what links a subject to its question word: "注册商标有多少件", "目标是多少"
_LINK_TAIL = re.compile(r"(?:的|有|是|为|达到|达|共|约|一共|总共)+$")
# what a change is measured against: "比上年预算增加多少" names no subject of its own
_COMPARED = re.compile(r"(?:比|较|与|同)(?:上年|去年|上一年|前一年|上年同期|同期)(?:预算|计划|目标|实际)?(?:相比)?")
# where a figure is said, not what it is of: "政府工作报告公布的", "某某在…会议上预计"
_SOURCE = re.compile(r"[^，,。？?\s]*?(?:讲话|报告|致辞|发言|公报|会议|会)(?:中|里|上)?(?:公布|提到|提出|说|称|显示|预计)?的?")


def _asked_subject(first: Constraints, keep_target: bool = False) -> str:
    """What the first question asks about: its asking clause up to the question word, without
    its frame, place and linking words ("李某在会上说，2019年某区有效注册商标有多少件？" ->
    "有效注册商标"); else its first content piece. `keep_target`: a target asked first stays
    what the later part asks about ("拟安排的财政赤字…？比上年预算增加多少？")."""
    clauses = [c for c in re.split(r"[，,；;：:]", frame_free(first, keep_target).rstrip("？? ")) if c.strip()]
    asking = next((c for c in reversed(clauses) if QWORD_ZH.search(c)), clauses[-1] if clauses else "")
    m = QWORD_ZH.search(asking)
    subject = _LINK_TAIL.sub("", CHANGE_Q.sub("", _SOURCE.sub("", re.sub(r"\s", "", asking[:m.start()] if m else asking))))
    if first.place:
        subject = subject.replace(first.place, "")
    subject = subject.lstrip("的")
    return subject if len(subject) >= 2 else next(iter(zh_segments(frame_free(first))), "")


def answer_parts(question: str) -> list[str]:
    """The questions the answer quotes for, one by one: question_parts, or else one per item of
    a simple question that asks about several in one breath: "2016年和2017年…" (one per year
    or date), "城镇化率和人均可支配收入分别达到了多少" (one per item before 分别). The decision
    to answer stays with question_parts (rag.answer.chain); this only widens the quotes."""
    parts = question_parts(question)
    if len(parts) > 1:
        return parts
    split = _date_pair_parts(question) or _report_pair_parts(question) or _respective_parts(question)
    return _carry(split) if split else [question]


# Two years or dates joined: "2016年和2017年", "between the 2016 and 2017 reports", "3月4日和5日",
# "in 2015 and in 2016"
_WHEN = r"(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}(?:\s*年)?"
_DATE_PAIR = re.compile(rf"(?<!\d)({_WHEN})\s*(?:和|与|及|以及|、|,?\s+and\s+)\s*(?:in\s+|the\s+|在)?({_WHEN})(?![\d月])", re.I)
# "分别", "各自": the items before it are asked about one by one
_RESPECTIVE = re.compile(r"[，,]?\s*(?:分别|各自)")
# the word saying so, left out of each part ("分别", ", respectively")
_RESPECTIVELY = re.compile(r"分别|各自|,?\s*\brespectively\b", re.I)
_ITEM_AND = re.compile(r"以及|和|与|及")
_CLAUSE_START = re.compile(r".*[，；：,;:]")
_CONTEXT_END = set("的在说中上后末年时，")
MIN_ITEM_CHARS = 3          # "城镇和农村居民收入": "城镇" is a modifier, not an item of its own


def joined_years(question: str) -> set[int]:
    """The years of two dates or years the question joins ("2015年和2016年", "the 2015 and
    2016 reports"), which it asks about one by one."""
    m = _DATE_PAIR.search(question)
    return {int(y) for g in (m.group(1), m.group(2)) for y in re.findall(r"(?:19|20)\d{2}", g)} if m else set()


def _date_pair_parts(question: str) -> list[str] | None:
    m = _DATE_PAIR.search(question)
    if not m or re.sub(r"\s", "", m.group(1)) == re.sub(r"\s", "", m.group(2)):
        return None
    # "the 2015 and 2016 reports": each part names one report, and asks for one thing
    rest = _RESPECTIVELY.sub("", re.sub(r"^(\s+)reports\b", r"\1report", question[m.end():]), count=1)
    return [question[:m.start()] + m.group(i) + rest for i in (1, 2)]


# "according to the 2012 report and according to the 2014 report", "2012年报告和2014年报告分别…":
# two reports named apart, each part asks the question of one of them
_REPORT_OF = re.compile(r"((?:19|20)\d{2})\s*(?:年(?:的)?(?:国务院)?(?:政府工作)?报告|(?:'s)?\s+(?:government\s+work\s+)?reports?\b)",
                        re.I)


def _report_pair_parts(question: str) -> list[str] | None:
    refs = list(_REPORT_OF.finditer(question))
    years = list(dict.fromkeys(m.group(1) for m in refs))
    if len(years) != 2 or len(set(re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", question))) != 2:
        return None
    if not re.search(r"和|与|及|\band\b", question[refs[0].end():refs[-1].start()], re.I):
        return None
    one = _RESPECTIVELY.sub("", question, count=1)
    a, b = years
    return [re.sub(rf"(?<!\d){b}(?!\d)", a, one), re.sub(rf"(?<!\d){a}(?!\d)", b, one)]


def _respective_parts(question: str) -> list[str] | None:
    m = _RESPECTIVE.search(question)
    if not m or detect_lang(question) != "zh":
        return None
    head, rest = question[:m.start()], question[m.start():]
    cs = _CLAUSE_START.match(head)
    cs = cs.end() if cs else 0
    clause = head[cs:]
    joins = list(_ITEM_AND.finditer(clause))
    if not joins:
        return None
    j = joins[-1]
    first, second = clause[:j.start()], clause[j.end():]
    if min(len(first), len(second)) < MIN_ITEM_CHARS:
        return None
    # The first item is as long as the second, give or take a word; what precedes it (the
    # speaker, the time: "“十二五”末", "张三在全会讲话中说") is said of both.
    cut = max((i + 1 for i, ch in enumerate(first[:len(first) - len(second) + 1]) if ch in _CONTEXT_END),
              default=0)
    rest = _RESPECTIVELY.sub("", rest, count=1)         # each part asks for one thing
    # what the last item says after 的 is said of every item: "甲、乙和丙的比重" asks each one's 比重
    own = second[second.rfind("的"):] if "的" in second and "的" not in first else ""
    return [head[:cs] + first + own + rest, head[:cs] + first[:cut] + second + rest]


# A question word, by language: a clause with one asks something of its own.
_ASKS = {"zh": re.compile(r"多少|什么|哪|谁|几|是否|吗|怎样|怎么|如何|何时|为何|为什么"),
         "en": re.compile(r"\b(?:what|how|which|who|whom|when|where|whether|why)\b", re.I)}
# Where one asking clause ends and the next begins: "…的任务是多少，实际搬迁了多少人",
# "What was the target, and what was achieved".
_CLAUSE_BREAK = {"zh": re.compile(r"[，；,;]"),
                 "en": re.compile(r"[;,]\s*(?:and\s+)?(?=(?:(?:by|in|to|from|for|at|on)\s+)?"
                                  r"(?:what|how|which|who|whom|when|where|whether|why)\b)"
                                  r"|\s+and\s+(?=(?:(?:by|in|to|from|for|at|on)\s+)?"
                                  r"(?:what|how|which|who|whom|when|where|whether|why)\s)", re.I)}


# ", which the county followed at a branch venue,": a relative clause on the noun before it (its own
# subject follows: a name, a pronoun, an article), not a question of its own as "which city" is
_RELATIVE_EN = re.compile(r",\s*(?:which|whom)\s+(?=(?:the|a|an|he|she|it|they|we|you|his|her|its|their|[A-Z][\w'’-]*)\b)")


def _asks_something(span: str, lang: str) -> bool:
    if lang == "en":
        span = _RELATIVE_EN.sub(", ", span)
    return bool(_ASKS[lang].search(span))


def _clauses(question: str, lang: str) -> list[str]:
    """A question split where each piece asks something of its own; a clause without a
    question word ("在3月4日的会议上，") stays with its neighbour."""
    spans, start = [], 0
    lead = TEMPORAL_LEAD.match(question) if lang == "en" else None
    for m in _CLAUSE_BREAK[lang].finditer(question):
        if lead and m.start() < lead.end():
            continue                        # "When X happened, what…": the time of what is asked
        if lang == "en" and _RELATIVE_EN.match(question, m.start()):
            continue                        # "…the rules, which the 2015 report says were…": no question
        if _asks_something(question[start:m.start()], lang):
            spans.append((start, m.start()))
            start = m.end()
    if not spans:
        return [question]
    if _asks_something(question[start:], lang):
        spans.append((start, len(question)))
    else:                                   # a trailing clause that asks nothing
        spans[-1] = (spans[-1][0], len(question))
    return [question[s:e] for s, e in spans]
