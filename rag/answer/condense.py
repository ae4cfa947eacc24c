"""Rewrite a follow-up question into a standalone one, with an LLM or with rules.

The rules carry the previous question's date, place and subject (title and name) into a
follow-up that leaves them out: "3月4日X市委书记张三调研了什么？" + "那市长呢？" ->
"3月4日X市长调研了什么？". Titles come from the domain profile's role table.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from types import SimpleNamespace

from rag.answer.base import Answerer, LLMError
from rag.answer.prompts import load_prompt
from rag.answer.query import detect_lang
from rag.profiles import get_profile

MAX_HISTORY_TURNS = 4
_HAN = "\u4e00-\u9fff"

_UNITS = "市|县|区|镇|乡|省"
_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}[日号])?(?:[上中下]旬)?|\d{4}年(?:[上下]半年|底|初)?"
                   r"|\d{4}-\d{1,2}(?:-\d{1,2})?")
_SUBJECT_END = "调研|主持|出席|参加|要求|强调|指出|讲|说|视察|检查|带队|召开|到|在|对|的|，|$"


@functools.lru_cache(maxsize=8)
def _rx(profile_name: str) -> SimpleNamespace:
    """The title-dependent patterns, built once per profile."""
    titles = get_profile(profile_name).roles
    role = "|".join(map(re.escape, titles.titles))          # longest first: 市委书记 before 书记
    # What follows a unit word inside a title or a body (市|委书记, 市|长, 市|人大常委会主任,
    # 市|领导, 市|委): after a place name it starts a title, so the unit belongs to the title.
    rests = {t[1:] for t in titles.titles if t[0] in _UNITS and len(t) > 1} | {"委", "领导"}
    after = "|".join(map(re.escape, sorted(rests, key=len, reverse=True)))
    return SimpleNamespace(
        # Place: 2-3 characters before 市/县/区/镇/乡/省, or before a title that starts with
        # that unit (X in X市委书记).
        place=re.compile(rf"[{_HAN}]{{2,3}}?(?:{_UNITS})(?!{after})|[{_HAN}]{{2,3}}?(?=(?:市|县|区)(?:{after}))"),
        title_after_unit=re.compile(rf"(?:市|县|区)(?:{after})"),
        subject=re.compile(rf"(?:{role})(?:[{_HAN}]{{2,3}}?(?={_SUBJECT_END}))?"),
        en_role=re.compile(titles.english_regex.pattern + r"(?:\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"),
    )


def _patterns() -> SimpleNamespace:
    return _rx(get_profile().name)


_ZH_PRONOUN = re.compile(r"他们|她们|他|她|其|该同志|此人|这位|那位")
_ZH_FOLLOWUP = re.compile(r"^(?:那么?|还有?|另外|此外|而|再|并且|以及|他|她|其|该|这|那)|呢[？?]?$")
# The asking end of a question: "提出了什么要求", "有哪些工作", "调研了什么".
_TAIL_Q = re.compile(r"(?:提出|调研|强调|部署|要求|指出|安排|做|开展|推进|完成|召开|出席|检查|视察|是|有)[了过]?"
                     r"[^，。；？?]{0,3}?(?:什么|哪些|哪个|多少|如何|怎样|怎么样|几)[^，。；？?]{0,6}$"
                     r"|(?:什么|哪些|哪个|多少|如何|怎样|怎么样)[^，。；？?]{0,6}$")
_ZH_LEAD = re.compile(r"^(?:那么|那|还有|另外|此外|而|再问一下|再问)\s*")
_ZH_TAIL = re.compile(r"(?:呢|呀|吗)?[？?。!！]*$")
_EN_FOLLOWUP = re.compile(r"^(?:what|how)\s+about\b|^and\b|^also\b|\b(?:he|she|it|they|him|her|his|its|their|them|that|this|those|these)\b", re.I)
_EN_ABOUT = re.compile(r"^(?:and\s+)?(?:what|how)\s+about\s+(.+?)[?.!\s]*$|^and\s+(.+?)[?.!\s]*$", re.I)
_EN_TOPIC = re.compile(r"\b(?:about|regarding|concerning|on|for)\s+[^?]+$", re.I)
_EN_PRONOUN = re.compile(r"\b(?:he|she|they|him|her|them)\b", re.I)


@dataclass
class Turn:
    question: str
    answer: str = ""


def _turns(history) -> list[Turn]:
    """Accept [str], [(q, a)], [{"role", "content"}] (chat messages) or [Answer]."""
    turns: list[Turn] = []
    for item in history or []:
        if isinstance(item, Turn):
            turns.append(item)
        elif isinstance(item, str):
            turns.append(Turn(item))
        elif isinstance(item, dict) and "role" in item:
            if item["role"] == "user":
                turns.append(Turn(str(item.get("content") or "")))
            elif item["role"] == "assistant" and turns:
                turns[-1].answer = str(item.get("content") or "")
        elif isinstance(item, (tuple, list)) and item:
            turns.append(Turn(str(item[0]), str(item[1] or "") if len(item) > 1 else ""))
        elif hasattr(item, "standalone_question"):      # an Answer: its rewritten question
            turns.append(Turn(item.standalone_question or item.question, getattr(item, "answer", "")))
    return [t for t in turns if t.question.strip()]


def looks_like_followup(question: str) -> bool:
    q = question.strip()
    if detect_lang(q) == "zh":
        return bool(_ZH_FOLLOWUP.search(q) or _ZH_PRONOUN.search(q)) or len(_ZH_TAIL.sub("", q)) <= 4
    return bool(_EN_FOLLOWUP.search(q)) or len(q.split()) <= 3


def condense(question: str, history=None, llm: Answerer | None = None, strict: bool = False) -> str:
    """A standalone version of `question` given earlier turns (unchanged when not a follow-up).

    With an `llm` that can condense, the condense_<lang> prompt is used; if it returns something
    implausible, or fails (unless `strict`: then its LLMError is raised), the rules are used.
    """
    turns = _turns(history)[-MAX_HISTORY_TURNS:]
    if not turns or not looks_like_followup(question):
        return question
    if llm is not None and getattr(llm, "can_condense", False):
        try:
            rewritten = _condense_llm(question, turns, llm)
        except LLMError:
            if strict:
                raise
            rewritten = None
        if rewritten:
            return rewritten
    return condense_rules(question, turns[-1].question)


def _condense_llm(question: str, turns: list[Turn], llm: Answerer) -> str | None:
    lang = detect_lang(question)
    lines = []
    for t in turns:
        lines.append(("用户：" if lang == "zh" else "User: ") + t.question)
        if t.answer:
            lines.append(("助手：" if lang == "zh" else "Assistant: ") + t.answer[:300])
    prompt = load_prompt(f"condense_{lang}")
    out = llm.chat(prompt.messages(history="\n".join(lines), question=question), max_tokens=120)
    out = out.strip().strip("\"“”").splitlines()[0].strip() if out.strip() else ""
    out = re.sub(r"^(?:完整问题|独立问题|Standalone question)\s*[:：]\s*", "", out)
    if not out or len(out) > 4 * len(question) + 120:
        return None
    return out


def _parts(q: str) -> dict:
    """Date, place and subject spans found in a Chinese question."""
    rx = _patterns()
    date = _DATE.search(q)
    subject = rx.subject.search(q)
    blank = q if not date else q[:date.start()] + " " * (date.end() - date.start()) + q[date.end():]
    place = rx.place.search(blank)          # not "日X" out of "3月4日X市委"
    if place and subject and place.start() >= subject.start():
        place = None            # 市长 is a title, not a place
    return {"date": date, "place": place, "subject": subject}


def condense_rules(question: str, previous: str) -> str:
    """Rule-based rewrite of a follow-up against the previous (standalone) question."""
    if detect_lang(question) == "en":
        return _condense_rules_en(question, previous)
    q = question.strip()
    prev = _ZH_TAIL.sub("", previous.strip())
    p = _parts(prev)
    core = _ZH_TAIL.sub("", _ZH_LEAD.sub("", q))
    mark = "？"

    # "他还强调了什么？": the pronoun stands for the previous subject.
    pron = _ZH_PRONOUN.search(core)
    if pron and p["subject"]:
        core = core[:pron.start()] + p["subject"].group(0) + core[pron.end():]
        return _carry(core, p) + mark

    # "那市长呢？" / "那3月5日呢？" / "那Y区呢？": swap that slot in the previous question.
    if len(core) <= 12 and not re.search(r"什么|哪|多少|怎|如何|吗|是否|谁", core):
        rx = _patterns()
        kind = ("date" if _DATE.fullmatch(core) else
                "subject" if rx.subject.fullmatch(core) else
                "place" if re.fullmatch(rf"[{_HAN}]{{1,6}}(?:市|县|区|镇|乡|省)", core) else None)
        target = p.get(kind) if kind else None
        if target is not None:
            end = target.end()
            if kind == "place" and rx.title_after_unit.match(prev[end:]) and core[-1] in "市县区":
                end += 1        # X|市委书记 -> Y区|委书记
            return prev[:target.start()] + core + prev[end:] + mark
        # A new topic ("那林业呢？"): the previous date/place/subject and question ending.
        tail = _TAIL_Q.search(prev)
        if tail:
            link = "对" if p["subject"] and re.search(r"对|关于|就", prev[:tail.start()]) else ""
            return _carry(link + core, p) + tail.group(0) + mark
        return _carry(core, p) + "的情况" + mark

    # A fuller follow-up ("还调研了哪些企业？"): add the previous date/place/subject it lacks.
    return _carry(core, p) + mark


def _carry(core: str, p: dict) -> str:
    """Prefix the previous date, place and subject that `core` does not mention itself."""
    c = _parts(core)
    prefix = ""
    if p["date"] and not c["date"]:
        prefix += p["date"].group(0)
    if p["place"] and not c["place"] and p["place"].group(0) not in core:
        prefix += p["place"].group(0)
    if p["subject"] and not c["subject"] and p["subject"].group(0) not in core:
        prefix += p["subject"].group(0)
    return prefix + core


def _condense_rules_en(question: str, previous: str) -> str:
    q = question.strip()
    prev = previous.strip().rstrip("?.! ")
    about = _EN_ABOUT.match(q)
    if about:
        x = (about.group(1) or about.group(2)).strip()
        en_role = _patterns().en_role
        role = en_role.search(prev)
        if role and en_role.fullmatch(x):
            if prev[:role.start()].endswith("'s "):
                x = re.sub(r"^the\s+", "", x, flags=re.I)      # X's mayor, not X's the mayor
            return prev[:role.start()] + x + prev[role.end():] + "?"
        return f"{prev} — {x}?"
    pron = _EN_PRONOUN.search(q)
    role = _patterns().en_role.search(prev)
    if pron and role:
        out = q[:pron.start()] + role.group(0) + q[pron.end():]
        topic = _EN_TOPIC.search(prev)
        if topic and topic.group(0).lower() not in out.lower():
            out = out.rstrip("?.! ") + " " + topic.group(0) + "?"
        return out
    return f"{q.rstrip('?')} ({prev})?"
