"""What a question names that a passage must hold: a quoted name, a programme, event or
accident ("…工程", "…行动", "…事故", "…地震"), and in English a programme or a meeting named by
its topic (as the topic's Chinese expressions, any one of which will do); and whether a text
holds them (`entity_missing`)."""
from __future__ import annotations

import re

from typing import TYPE_CHECKING

from rag.answer.query import bigrams
from rag.textsim import is_han, question_lang

if TYPE_CHECKING:
    from rag.answer.constraints import Constraints


_QUOTED = re.compile(r"《([^》\n]{1,40})》|“([^”\n]{1,40})”|「([^」\n]{1,40})」|\"([^\"\n]{2,60})\"")
_PROGRAMME_SUFFIX = re.compile(r"专项行动|工程|计划|行动|项目|政策|改革|债券|战略|"
                               r"事故|地震|洪灾|洪涝灾害|台风|泥石流|火灾|博览会|运动会|论坛|峰会|文化节|旅游节|旅游周|文化周|活动周|展览会|"
                               # a meeting named by its topic: what was said at another is no answer
                               r"调度会|推进会|座谈会|现场会|协调会|部署会|动员会|观摩会")
# 计划/安排 before a verb is the verb "plans to" ("计划开工多少套"), not a programme's name.
_FIVE_YEAR_PLAN = re.compile(r"[一二三四五六七八九十]{1,3}五(?:规划|计划|时期|期间)?")
# So is 计划 before a time or an adverb ("计划当年再解决", "计划今年将…").
_PLAN_VERB_AFTER = re.compile(r"开工|投资|完成|新增|新建|建设|实施|改造|达到|实现|增长|减少|下降|提高|加装|"
                              r"培训|发放|引进|开展|推进|筹集|投入|招|解决|"
                              r"今年|当年|明年|年内|年底|再|将|要|到|在|于")
_LEADING_TIME = re.compile(r"^(?:期间|时期|以来|年内|年度|全年|今年|去年|明年|当年|上半年|下半年|末)+")
_LEADING_ADVERBS = re.compile(r"^(?:分别|各自|一共|总共|共|均|都|也|还|又|再|已经?|曾|主要|重点|具体|进一步|继续|同时|累计)+")
_TOPIC_ZH = re.compile(r"(?:关于|对于|至于)([\u4e00-\u9fff“”]{2,12})[，,：:]")
_ENTITY_STOP = set("的了在是对和与及等于为把将被从向给让由到、什么哪些多少几年月日万亿亩元个这那其该各今去要有")
_LEADING_VERBS = ("实施", "推进", "开展", "发行", "启动", "落实", "加快", "加强", "深化", "推动", "提出", "安排")
_PROGRAMME_EN = re.compile(r"\b((?:[A-Z][\w-]*\s+(?:(?:and|of|for|the)\s+)?){1,5}"
                           r"(?:Project|Programme|Program|Plan|Initiative|Campaign|Action|Policy|Reform|Bonds?))\b")


# A quoted phrase as retrieval and the extractive answer look for it: Chinese words in “…” or
# 「…」 (a 《title》 names a document or section, checked apart), or, in an English question,
# Chinese in brackets ("the 'two squares and three halls' (两场三馆)"; in a Chinese question
# brackets are part of a name: "市委常委（扩大）会议")
_CHINESE_PHRASE = re.compile(r"[\u4e00-\u9fff0-9、，]{2,30}")
_BRACKETED_ZH = re.compile(r"[（(]([\u4e00-\u9fff]{2,30})[）)]")


def quoted_phrases(question: str) -> list[str]:
    """Chinese phrases the question quotes, as written."""
    found = [p for m in _QUOTED.finditer(question) if (p := m.group(2) or m.group(3)) and _CHINESE_PHRASE.fullmatch(p)]
    if question_lang(question) == "en":
        found += [m.group(1) for m in _BRACKETED_ZH.finditer(question)]
    return found


def entities(q: str) -> list[str]:
    """The names a question gives, as written (an English meeting's topic as its Chinese
    expressions joined by ENTITY_ALTS)."""
    out: list[str] = []
    quoted = bytearray(len(q) + 1)
    for m in _QUOTED.finditer(q):
        name = next(g for g in m.groups() if g)
        if not _FIVE_YEAR_PLAN.fullmatch(name):     # “十二五” is a stretch of years, read as years
            out.append(name)
        quoted[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    for m in _PROGRAMME_SUFFIX.finditer(q):
        if quoted[m.start()]:
            continue
        if m.group(0) == "计划" and _PLAN_VERB_AFTER.match(q, m.end()):
            continue
        i = j = m.start()
        while j > 0 and i - j < 10 and is_han(q[j - 1]) and q[j - 1] not in _ENTITY_STOP:
            j -= 1
        name = q[j:i]
        if j > 0 and q[j - 1:j + 1] == "要求":
            name = name[1:]                 # "张某要求街道机构改革…": the verb stopped at 要, not its 求
        name = _LEADING_ADVERBS.sub("", name)
        for v in _LEADING_VERBS:
            if name.startswith(v) and len(name) > len(v) + 1:
                name = name[len(v):]
        # a time said before the name ("“十二五”期间城镇保障性安居工程") is not part of it, nor
        # an adverb ("分别计划退耕…": 计划 is the verb, and nothing is named)
        name = _LEADING_ADVERBS.sub("", _LEADING_TIME.sub("", name))
        if len(name) >= 2:
            out.append(name + m.group(0))
    # the topic a question sets before it asks ("关于巨灾保险，两年的报告分别提出了什么？"): what
    # its passages must be about, whatever word it ends in
    topic = _TOPIC_ZH.match(q)
    if topic and not any(topic.group(1) in o or o in topic.group(1) for o in out):
        out.append(topic.group(1))
    out += [m.group(1) for m in _PROGRAMME_EN.finditer(q)]
    out += _meeting_topics_en(q)
    if len(re.findall(r"[A-Za-z]+", q)) >= 4:
        # a Chinese name written into an English question ("the … line (盾构机装备生产线)") is named as written
        out += [n for n in re.findall(r"[\u4e00-\u9fff]{4,}", q) if not any(n in o for o in out)]
    return list(dict.fromkeys(out))


# "the March 9 air-pollution meeting", "the public culture conference": a meeting an English
# question names by its topic, as the topic's Chinese expressions ("大气污染|空气污染"), one of
# which its passage must hold as a Chinese question's "…工程", "…行动" must be.
_MEETING_EN = re.compile(r"\b((?:[a-z][a-z'’-]*\s+){1,5}?)(?:work\s+)?(?:meeting|conference|teleconference|"
                         r"symposium|forum|rally|session)s?\b", re.I)
_MEETING_ON_EN = re.compile(r"\b(?:meeting|conference|teleconference|symposium|forum|session)s?\s+(?:on|about)\s+"
                            r"((?:(?!(?:held|was|were|in|at|of|on|by|chaired|convened|called|and|where|when)\b)"
                            r"[a-z][a-z'’-]*\s*){1,6})", re.I)
# What kind of meeting it is, not its topic.
_MEETING_KIND_EN = re.compile(r"\b(?:work[- ]promotion|promotion|progress|advancement|coordination|scheduling|"
                              r"deployment|mobili[sz]ation|on-site|observation|"
                              r"special|morning|evening|working|work|regular|joint|plenary|standing|executive|"
                              r"enlarged|expanded|video|televised|emergency|routine|weekly|monthly|general|annual|"
                              r"provincial|municipal|national|county|district|city|party)\b", re.I)


def _meeting_topics_en(q: str) -> list[str]:
    if any(is_han(ch) for ch in q):
        return []
    from rag.profiles import get_profile
    profile = get_profile()
    places = profile.places()
    out = []
    for m in [*_MEETING_EN.finditer(q), *_MEETING_ON_EN.finditer(q)]:
        # the topic's own words: after the last article or preposition before "meeting"
        words = _TOPIC_START.split(m.group(1))[-1] if m.re is _MEETING_EN else m.group(1)
        names = re.findall(r"\b[A-Z][a-z]+\b", words)
        if places.matches(words) or any(not profile.translate_terms(n) for n in names):
            continue        # a place or a name in the topic: checked apart, or not in the glossary
        words = _MEETING_KIND_EN.sub(" ", words)
        for alts in profile.translate_groups(words):
            # a topic, not a level (省, 省级), a date (3月) or a role (领导)
            alts = [a for a in alts if len(a) >= 2 and not _NOT_TOPIC.search(a)]
            if alts:
                out.append(ENTITY_ALTS.join(alts))
    return out


_TOPIC_START = re.compile(r"\b(?:the|a|an|to|of|at|in|on|for|by|with|during|after|before)\s+|['’]s\s+", re.I)
_NOT_TOPIC = re.compile(r"\d|[年月日]|^[省市县区乡镇村]级$|领导|讲话|致辞|发言|书记|主任")
ENTITY_ALTS = "|"      # an entity's alternative expressions, one of which a passage must hold


# A passage answers a question naming a programme, event or accident ("第十三届三国文化旅游周")
# only if it holds this share of the name's bigrams. Origin: tune parts of both sets: every
# answerable question's named thing has at least 0.67 of its bigrams in the passage answered from.
ENTITY_SHARE = 0.6
_HAN = re.compile(r"[\u4e00-\u9fff]")


# A count opening a label: "三个" of 三个不生产, "四大" of 四大工程, "两项" of 两项制度
NUMBERED_LABEL = re.compile(r"^[一二两三四五六七八九十]+[个大项条种类]?(\w{2,})$")
# a count and one character: “三早” is "早发现、早防范、早处置", “五化” "工业化、信息化…"
_SHORT_LABEL = re.compile(r"^[一二两三四五六七八九十]([^一二两三四五六七八九十个大项条种类])$")


def _spelled_out(label: str, text: str) -> bool:
    """A numbered label given by its items, each with the label's word: “三个重要” as
    "重要阵地、重要平台、重要渠道" (as many times as the count says)."""
    from rag.answer.numerals import cn_number
    m = NUMBERED_LABEL.match(label) or _SHORT_LABEL.match(label)
    n = cn_number(re.match(r"[一二两三四五六七八九十]+", label).group(0)) if m else None
    return bool(n) and n > 1 and text.count(m.group(1)) >= n


def _quoted(name: str, question: str) -> bool:
    """A word of two characters or more the question quotes."""
    return len(name) >= 2 and any(f"{o}{name}{c}" in question for o, c in ("“”", "「」", "《》", '""'))


# "第二次推进会和第三次推进会上…各自提出…": names asked about one by one, each in its own passage
ASKED_APART = re.compile(r"分别|各自|\brespectively\b|\beach\b", re.I)


def entity_missing(cons: "Constraints", text: str, share: float = ENTITY_SHARE) -> bool:
    """Whether a named programme, event or accident of the question is not in the text (of
    names asked about one by one, none is)."""
    names = cons.entities
    if len(names) > 1 and ASKED_APART.search(cons.question):
        return all(_names_missing(cons, [n], text, share) for n in names)
    return _names_missing(cons, names, text, share)


def _names_missing(cons: "Constraints", names_asked: list[str], text: str, share: float) -> bool:
    have = bigrams(text)
    for name in names_asked:
        names = [a for a in name.split(ENTITY_ALTS) if _HAN.search(a)]
        # a numbered label ("三个不生产", "四大工程") may be given by its items alone ("措施不落实
        # 不生产、隐患不排除不生产…"): the label without its count is a name of it too
        names += [m.group(1) for a in names if (m := NUMBERED_LABEL.match(a))]
        if any(_spelled_out(a, text) for a in names):
            continue
        alts = [bigrams(a) for a in names]
        # a name of its own (…工程) has two bigrams at least; an English meeting's topic may be one
        # word (文化), and a name the question quotes is one however short (“三农”)
        short_ok = ENTITY_ALTS in name or not _HAN.search(cons.question)
        alts = [nb for a, nb in zip(names, alts)
                if len(nb) >= (1 if short_ok or _quoted(a, cons.question) else 2)]
        if alts and all(len(nb & have) < share * len(nb) for nb in alts):
            return True
    return False
