"""Whether one sentence gives the value a question asks for (a figure of its subject, a person,
a place, a date, a requirement) rather than restating it; and the clause that holds the value."""
from __future__ import annotations

import re

from rag.answer.constraints import Constraints
from rag.answer.entities import entity_missing
from rag.answer.periods import sentence_stance
from rag.answer.place_scope import _CLAUSE_SPLIT, _names_new_place, _other_level, _people_elsewhere, _short_place
from rag.answer.quantities import AMOUNTS, CHANGE_Q, new_figure, quantities, states_value
from rag.answer.query import bigrams, chinese_terms, term_coverage
from rag.answer.subjects import (_CLAUSE, _HOW_MUCH, MIN_SUBJECT, SCENE_SUBJECT, _about_subject, _measured_elsewhere,
                                  _one_word_of_many, _subject_after_figures, _written_subject, figure_of_siblings)
from rag.answer.who import ACCOMPANY, ACCOMPANY_Q, in_question, names_person

# A sentence is a restatement when less than this share of its character bigrams is new
# relative to the question (headline or teaser sentences that echo the question).
# Origin: eval/sets/{bundled,gov-reports}/tune.jsonl, extractive answers; see the note in
# README "How well it works".
MIN_NOVELTY = 0.3
# Asked whether something is so ("Was X named a 国家食品安全示范城市?"), a sentence answers only
# if it names the thing nearly as asked: "食品安全示范区通过省里验收" (6 of 9 bigrams) is another title.
# Not tuned: no answerable whether-question of the tune parts names a programme or title; 0.8 lets
# a name of five or more bigrams miss one.
WHETHER_ENTITY_SHARE = 0.8
_CJK = re.compile(r"[\u4e00-\u9fff]")


# What an amount of money measures, when a Chinese question names it: the answer names it too.
_MONEY_MEASURE = re.compile(r"利润|利税|税收|营业额|销售额|营业收入|投资额|经费|增加值")
# The same measures named in English, with the words the records write for them.
_MONEY_MEASURE_EN = [(re.compile(r"\bprofits?\b", re.I), ("利润", "利税")),
                     (re.compile(r"\bvalue[- ]added\b|\badded value\b", re.I), ("增加值",)),
                     (re.compile(r"\btax revenue\b|\btaxes\b", re.I), ("税收", "税")),
                     (re.compile(r"\bsales\b", re.I), ("销售额", "销售")),
                     (re.compile(r"\boperating (?:revenue|income)\b", re.I), ("营业收入", "营业额"))]


# What a Chinese question counts, after its measure word: "多少个督查组" -> 督查组. Its first two
# characters must be in the answer's sentence or before it in its passage ("…保障性住房…基本建成
# 480万套"), not after ("审议法律议案13件…组织开展…大督查"); a measure word is no noun (百分点).
_COUNTED = re.compile(r"(?:多少|几)(?:个|家|项|件|所|座|台|套|条|名|位|批|起|处|户|种|部|支|辆|栋|间|张|场)"
                      r"(?!百分点)([\u4e00-\u9fff]{2})")


# An attribute asked by name ("X的主题是什么", "What was the theme of X"): the answer names it.
_ATTRIBUTE_Q = re.compile(r"的(主题|口号|宗旨|全称|简称|理念)(?:是什么|是啥|叫什么|为何)|"
                          r"\bwhat (?:is|was) the (theme|slogan|motto|full name)\b", re.I)
_ATTRIBUTE_WORDS = {"theme": ("主题",), "slogan": ("口号",), "motto": ("宗旨", "口号"), "full name": ("全称",)}


# A question on what was added ("新增", "new expressways") is not answered by a total ("通车里程达
# 11.2万公里", "累计…", "余额…"): a figure clause with a level word and no word of adding.
_INCREMENT_Q = re.compile(r"新增|新建|新开工|新培育|新引进|\bnew\b|\badditional\b|\bnewly\b|\badded\b", re.I)
_STOCK = re.compile(r"达到?|总量|总数|总规模|累计|共有|保有|余额|存量")
_ADDING = re.compile(r"新|增|建成|开通|投产|完成|改造|开工|培育|引进|净")


def _stock_only(cons: Constraints, sentence: str) -> bool:
    figured = [c for c in _CLAUSE_SPLIT.split(sentence)
               if any(cons.quantity_kind in (None, k) or k is None for _, k in quantities(c))]
    return bool(figured) and all(_STOCK.search(c) and not _ADDING.search(c) for c in figured)


def _counted_noun(cons: Constraints) -> str | None:
    m = _COUNTED.search(cons.question) if cons.lang == "zh" else None
    return m.group(1) if m else None


# Deadlines and parts of months answer "when" as well as a day does: "3月底", "年内",
# "2020年前", "提前一年完成", "3个月内", "限期".
_WHEN = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:底|末|初|上旬|中旬|下旬|前|以前|之前|份前)|(?:本|当|下个?)月(?:底|末|内|初)|年底|年内|\d{4}年(?:底|前)|"
                   r"提前[一二两三四五六七八九十半\d]{1,2}(?:个)?(?:年|月|季度|天)|"
                   r"[一二两三四五六七八九十\d]{1,3}(?:个月|天|日|周|年)(?:内|以内|之内)|限期|"
                   r"农历[正冬腊一二三四五六七八九十]{1,2}月(?:初|十|廿|二十|三十)[一二三四五六七八九十]?")
_ASKS_YEAR = re.compile(r"哪一?年|哪几年|哪些年份?|几几年|\b(?:what|which) years?\b|\bin what year\b", re.I)
_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年")


# A question asking whether something is so: answered only by a sentence about that thing
_WHETHER = re.compile(r"是否|有没有|\bwhether\b|^\s*(?:is|was|were|has|have|had|did|does|do)\b", re.I)


# "是否一致", "the same as": a comparison, answered by two sentences each on one side of it
_SAME_Q = re.compile(r"是否(?:一致|相同|相等|一样)|\bthe same\b|\bsame as\b", re.I)


def asks_whether(cons: Constraints) -> bool:
    """A yes-or-no question on a fact ("禁煤区是否实现了无燃煤现象？", "Had … been installed?"):
    answered only by a sentence about what it asks (its subject, as for a figure)."""
    return cons.asks in ("fact", "list", "date") and bool(_WHETHER.search(cons.question)) \
        and not _SAME_Q.search(cons.question)


# A Chinese whether-question's sentence must hold this share of its subject's terms: the thing
# whose state is asked ("私搭棚庵…拆除"), not only the place it is at ("某高速沿线").
# Not tuned: the tune parts hold no answerable whether-question on a fact (one compares two
# figures); half, where a figure question needs MIN_SUBJECT, as the whole proposition is asked.
WHETHER_SUBJECT = 0.5


def _says_of(cons: Constraints, subject: set[str], sentence: str) -> bool:
    """Whether the sentence holds the question's subject, as written in its language."""
    written, lang = _written_subject(cons, subject)
    if lang == "zh":
        return term_coverage(written, sentence) >= WHETHER_SUBJECT
    return _about_subject(written, sentence, lang)


_ORDINAL_Q = re.compile(r"第几")
_ORDINAL = re.compile(r"第\s*([0-9]+|[零〇一二两三四五六七八九十百千]+)\s*(次|届|批|期|轮|号|季度)")


# An English question's numbered meeting or term ("the fifth session", "the 7th city People's
# Congress", "the 22nd APEC leaders' meeting"): the ordinal, within four words of what it numbers.
_EN_ORDINAL_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}
_EN_ORDINAL = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b|\b(" + "|".join(_EN_ORDINAL_WORDS) + r")\b", re.I)
_EN_NUMBERED = re.compile(r"(?!\s+(?:time|times|half|quarter|place|step|year|month|week|day)\b)"
                          r"(?:\s+[\w'’-]+){0,4}?\s+(?:sessions?|meetings?|plenums?|plenary|congress|conferences?|"
                          r"games|expo|batch(?:es)?|rounds?|terms?|committee|forums?|summits?)\b", re.I)
# In a text, a number before what it numbers, with or without 第: "十五届", "七次全会", "三中全会", "十九大"
_NUMBERED_ZH = re.compile(r"([0-9]+|[零〇一二两三四五六七八九十百千]+)\s*(?:届|次|中全会|大|批|期|轮)")


def english_ordinals(question: str) -> set[int]:
    """The numbers of the meetings, sessions or terms an English question names."""
    out = set()
    for m in _EN_ORDINAL.finditer(question):
        if _EN_NUMBERED.match(question, m.end()):
            out.add(int(m.group(1)) if m.group(1) else _EN_ORDINAL_WORDS[m.group(2).lower()])
    return out


def numbered_in(text: str) -> set[int]:
    """The numbers of whatever a Chinese text numbers, read leniently (see _NUMBERED_ZH)."""
    from rag.answer.numerals import cn_number
    out = set()
    for m in _NUMBERED_ZH.finditer(text):
        n = int(m.group(1)) if m.group(1).isdigit() else cn_number(m.group(1))
        if n is not None:
            out.add(int(n))
    return out


def _ordinals(text: str) -> set[tuple[int, str]]:
    """The numbered things a text names ("第三百八十次", "第13届") as (number, what)."""
    from rag.answer.numerals import cn_number
    out = set()
    for m in _ORDINAL.finditer(text):
        n = int(m.group(1)) if m.group(1).isdigit() else cn_number(m.group(1))
        if n is not None:
            out.add((int(n), m.group(2)))
    return out


def _other_part_of_year(cons: Constraints, sentence: str) -> bool:
    """Whether the sentence gives figures only for parts of the year ("一季度", "1~4月份")
    the question does not ask about, or only for the whole year when it asks a part."""
    from rag.ingest.profile import document_rules
    rules = document_rules()
    if not hasattr(rules, "part_of_year"):
        return False
    given = rules.part_of_year(sentence)
    if not given:
        return False
    asked = rules.part_of_year(cons.question)
    if not asked:
        return "year" not in given      # no part asked: the year, or the question's own span
    return not (given & asked)


def _part_of_year_unsaid(cons: Constraints, sentence: str, before: str | None) -> bool:
    """Whether a part of a year is asked ("1~4月", "一季度") and neither the sentence nor its
    passage before it names that part: its figure is a whole year's ("一般公共预算收入12.7亿元"),
    or another part's ("1~10月份…；一般公共预算收入增速9.7%")."""
    from rag.ingest.profile import document_rules
    rules = document_rules()
    if not hasattr(rules, "part_of_year"):
        return False
    asked = rules.part_of_year(cons.question)
    if not asked or "year" in asked:
        return False
    return not (asked & (rules.part_of_year(sentence) or rules.part_of_year(before or "")))


# A sentence that only sets the scene (a meeting held, who attended, a visit) and says nothing
# anyone asked for: no answer to "提出了哪些要求".
_SCENE = re.compile(r"召开|举行|开幕|出席|参加|列席|主持|陪同|调研|视察|察看|查看|走访|慰问")
_DIRECTIVE = re.compile(r"要|必须|确保|务必|强调|指出|提出|部署|力争|争取|应当|需|希望|号召")
# A sentence ending on the act of requiring, with nothing required said ("并对谋划工作提出具体要求。",
# "作出安排部署。"); one going on ("提出要求：一是…", "提出三点要求，一要…") says what
_REQUIRED_UNSAID = re.compile(r"(?:提出|作出|做出|进行)了?(?:具体|明确|相关|有关|几点|一些|新的)?"
                              r"(?:要求|部署|安排|安排部署|工作部署)[。；！]?\s*$")


# A Chinese question's blank: what stands around 什么/哪些/哪种… ("实行以什么为主的对外投资管理方式")
# or 哪两个/哪几项 ("加快哪两个产业集聚区的…": "加快甲产业集聚区、乙产业集聚区…")
_SLOT = re.compile(r"([\u4e00-\u9fff]{2,6})(?:是|为)?(?:什么|哪些|哪种|哪类|哪个|哪一种|哪[一两二三四五六七八九十几]*[个项家条种类所座处部])"
                   r"(?:样的)?([\u4e00-\u9fff]{2,6})")
# A blank that opens a clause ("，什么在经济增长中发挥了主要拉动作用") or closes the question
# ("农业的根本出路在哪里？"): filled by new words before, or after, the words beside it
_SLOT_OPENS = re.compile(r"(?:^|[，,；;：:])\s*(?:什么|哪些|谁)([\u4e00-\u9fff]{2,6})")
_SLOT_CLOSES = re.compile(r"([\u4e00-\u9fff]{2,6})(?:是|为)?(?:什么|哪里|哪儿|哪些|谁)\s*[？?]?\s*$")
_CLAUSE_MARK = re.compile(r"[，,；;：:。！？!?、]")
# A question on how something stands ("…取得了什么进展", "成效如何"): the subject named, what is
# new is the state it reached ("基层医疗卫生服务体系基本建成"), however short beside the subject.
_ASKS_STATE = re.compile(r"(?:什么|哪些|何种?)(?:新的?)?(?:进展|成效|成果|变化|结果)|"
                         r"(?:进展|成效|结果|情况|进度)(?:如何|怎样|怎么样)")


def fills_slot(question: str, sentence: str) -> bool:
    """Whether the sentence fills the question's blank: it holds the words on both sides of it
    with something new between ("实行以备案制为主的…" for "实行以什么为主的…"), so it answers
    even though most of its words are the question's."""
    for m in _SLOT.finditer(question):
        # a verb's aspect ("取得了什么进展") is no word of the blank's side: "取得新进展" fills it
        left, right = m.group(1).rstrip("了过着")[-2:], m.group(2)[:2]
        i = sentence.find(left)
        # the right side's last place within reach: a blank filled with several items
        # ("甲产业集聚区、乙产业集聚区") repeats it after each
        j = sentence.rfind(right, i + 2, i + 2 + 20 + len(right)) if i >= 0 else -1
        if i >= 0 and 0 < j - (i + 2) <= 20 and sentence[i + 2:j] not in question:
            return True
    for m in _SLOT_OPENS.finditer(question):
        j = sentence.find(m.group(1)[:2])
        start = max((x.end() for x in _CLAUSE_MARK.finditer(sentence, 0, max(j, 0))), default=0)
        if j > 0 and 0 < j - start <= 20 and sentence[start:j] not in question:
            return True
    m = _SLOT_CLOSES.search(question)
    i = sentence.find(m.group(1)[-2:]) if m else -1
    if i >= 0:
        end = _CLAUSE_MARK.search(sentence, i + 2)
        filled = sentence[i + 2:end.start() if end else len(sentence)]
        return 0 < len(filled) <= 20 and filled not in question
    if _ASKS_STATE.search(question):
        last = [c for c in _CLAUSE_MARK.split(sentence) if c.strip()]
        end = last[-1].strip() if last else ""
        # the clause ends in a state the question does not write ("…基本建成")
        return len(end) >= 4 and not (bigrams(end[-2:]) & bigrams(question))
    return False


def _new_names(question: str, sentence: str) -> bool:
    """Whether the sentence names a person or place the question does not ("副市长李某某陪同",
    "…推进会在某区召开"): what a who- or where-question asks for."""
    from rag.answer.facts import person_names
    from rag.ingest.profile import document_rules
    if any(n not in question for n in person_names(sentence)):
        return True
    found = document_rules().place_in(sentence)
    return bool(found) and _short_place(found[0]) not in question


# A question for a month alone ("从几月份起逐月回落", "in which month"): "8月份" answers it.
_ASKS_MONTH = re.compile(r"几月份?(?!几)|哪个月|哪一个?月|\b(?:which|what) month\b", re.I)
_MONTH = re.compile(r"(?<![\d年])\d{1,2}月份?|(?<![年\d])[一二三四五六七八九十]{1,2}月份")


def _new_month(cons: Constraints, sentence: str) -> bool:
    return any(m.group(0) not in cons.question for m in _MONTH.finditer(sentence))


def _new_date(cons: Constraints, sentence: str) -> bool:
    """Whether the sentence gives a date the question does not already give."""
    from rag.answer.query import _HAS_DATE
    return any(not in_question(m.group(0), cons) for m in _HAS_DATE.finditer(sentence))


def _no_value(misses: list[str], why: list[str] | None, check: str) -> None:
    misses.append("value")
    if why is not None:
        why.append(check)


def sentence_misses(cons: Constraints, sentence: str, question_bigrams: frozenset,
                    subject: set[str] | None = None, passage: str | None = None,
                    before: str | None = None, phrases: tuple = (), why: list[str] | None = None) -> list[str]:
    """What a sentence fails on its own: the kind of value asked for, or it only restates.
    `before`: its passage up to it (a thing counted is named before its count). `why` receives,
    for a "value" miss, which value check made it ("subject": a figure, but of something else)."""
    misses = []
    if cons.asks == "quantity" and _ORDINAL_Q.search(cons.question):
        if not _ordinals(sentence):
            _no_value(misses, why, "ordinal")  # "第几届第几次全会" is answered by "第十四届…第八次", not a count
    elif cons.asks == "quantity":
        measured = (_MONEY_MEASURE.findall(cons.question) if cons.lang == "zh" else
                    [w for rx, words in _MONEY_MEASURE_EN if rx.search(cons.question) for w in words])
        counted = bool(cons.unit) and cons.quantity_kind == "count" and bool(_CJK.search(cons.unit))
        written = _written_subject(cons, subject or set())
        if not states_value(sentence, cons.quantity_kind, bool(CHANGE_Q.search(cons.question)), counted):
            _no_value(misses, why, "kind")
        elif counted and cons.unit != "个" and not any(q.endswith((cons.unit, "个")) for q, _ in quantities(sentence)):
            _no_value(misses, why, "unit")  # 几家 (firms) is not answered by 17起 (cases)
        elif (noun := _counted_noun(cons)) and noun not in sentence and noun not in (before or ""):
            _no_value(misses, why, "counted")  # "多少个督查组": a count of bills is not one of inspection teams
        elif measured and not any(m in sentence for m in measured):
            _no_value(misses, why, "measure")  # 利润 asked: 完成投资31亿元 is money, but not a profit
        elif _HOW_MUCH.search(cons.question) and not any(new_figure(q, cons.question)
                                                         for q, _ in quantities(sentence)):
            _no_value(misses, why, "own-figure")  # only the question's own figure ("19家风险企业…化解了几家")
        elif subject and not _about_subject(written[0], sentence, written[1]) and not (
                passage and term_coverage(written[0], sentence) >= MIN_SUBJECT / 2
                and term_coverage(written[0], passage) >= SCENE_SUBJECT):
            _no_value(misses, why, "subject")  # a figure, but of something else (GDP for grain)
        elif subject and _measured_elsewhere(cons, passage):
            _no_value(misses, why, "counts-other")  # "how many violations …": 4个拟观摩项目调研 counts something else
        elif phrases and _one_word_of_many(phrases, sentence) and not (
                passage and term_coverage(subject, passage) >= SCENE_SUBJECT):
            _no_value(misses, why, "part-of-subject")  # "share of state capital … social security fund": 比例 alone is not it
        elif _INCREMENT_Q.search(cons.question) and _stock_only(cons, sentence):
            _no_value(misses, why, "total")  # "how many km of new expressways": "通车里程达11.2万公里" is the total
        elif subject and _subject_after_figures(cons, subject, sentence):
            _no_value(misses, why, "subject-after")  # "完成投资62.7亿元，…，某产业园3个项目加快建设": not the park's
        elif subject and figure_of_siblings(cons, sentence):
            _no_value(misses, why, "siblings")  # 氮氧化物 asked: "二氧化硫、化学需氧量排放量都要减少2%" is theirs
    elif cons.asks == "place" and not _names_new_place(cons, sentence):
        _no_value(misses, why, "no-place")  # "Which city hosted…": a sentence naming no place is no answer
    elif cons.asks == "person" and not names_person(cons, sentence):
        _no_value(misses, why, "no-person")
    elif cons.asks == "person" and ACCOMPANY_Q.search(cons.question) and not ACCOMPANY.search(sentence):
        _no_value(misses, why, "no-companion")  # "有谁陪同": the sentence naming the visitor alone is not it
    elif cons.asks == "person" and _people_elsewhere(cons, sentence):
        misses.append("place")              # another city's "X市委书记…" does not say who leads this one
    elif cons.asks != "requirement" and cons.entities and _WHETHER.search(cons.question) \
            and entity_missing(cons, sentence, WHETHER_ENTITY_SHARE):
        misses.append("entity")             # "…项目最终是否已签约落地": a sentence on other projects says nothing of it
    elif subject and asks_whether(cons) and not _says_of(cons, subject, sentence):
        _no_value(misses, why, "not-of-subject")  # "禁煤区是否实现了无燃煤": a sentence on something else says nothing of it
    elif cons.asks == "requirement" and _SCENE.search(sentence) and not _DIRECTIVE.search(sentence):
        _no_value(misses, why, "nothing-required")  # "…全体会议召开，市领导…出席会议": held, but nothing required
    elif cons.asks == "requirement" and _REQUIRED_UNSAID.search(sentence):
        _no_value(misses, why, "requirements-unsaid")  # "…并对谋划工作提出具体要求。": requirements made, none said
    attribute = _ATTRIBUTE_Q.search(cons.question)
    if attribute and not any(a and a.lower() in sentence.lower() for a in _ATTRIBUTE_WORDS.get(
            (attribute.group(1) or attribute.group(2) or "").lower(), (attribute.group(1),))):
        _no_value(misses, why, "attribute")  # "世博会的主题是什么": a sentence on the Expo that names no theme
    if _other_level(cons, sentence):
        misses.append("place")              # "全区生产总值…" does not answer for the city
    if cons.asks == "quantity" and _other_part_of_year(cons, sentence):
        misses.append("period")             # "一季度…下降12%" does not answer for the whole year
    elif cons.asks == "quantity" and _part_of_year_unsaid(cons, sentence, before):
        misses.append("period")             # "1~4月…增长了多少": "一般公共预算收入12.7亿元，增长9%" is the year's
    if cons.period_kind == "outcome" and not cons.period_implied and sentence_stance(sentence) == "plan":
        misses.append("period")             # "今年要力争引进3个…" is no result
    elif cons.asks == "date" and _ASKS_YEAR.search(cons.question):
        if not any(m.group(0).replace(" ", "") not in cons.question.replace(" ", "")
                   for m in _YEAR_IN.finditer(sentence)):
            _no_value(misses, why, "no-year")  # "哪一年开始担任…": a day ("3月27日") without its year is no answer
    elif cons.asks == "date" and not (_new_date(cons, sentence) or _WHEN.search(sentence)
                                      or (_ASKS_MONTH.search(cons.question) and _new_month(cons, sentence))):
        _no_value(misses, why, "no-date")  # no date, or only the question's own ("3月18日…什么时候落地")
    own = bigrams(sentence)
    if own and len(own - question_bigrams) < MIN_NOVELTY * len(own) and not any(
            new_figure(q, cons.question) for q, _ in quantities(sentence)) \
            and not _new_names(cons.question, sentence) and not fills_slot(cons.question, sentence):
        misses.append("restates")           # no new words, figure, person or place
    return misses


_DATE = re.compile(r"(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日|(?:19|20)\d{2}年\d{1,2}月")


def value_clause(cons: Constraints, sentence: str) -> tuple[str | None, str | None]:
    """(clause, value): the clause of a sentence that holds the value the question asks for,
    preferring the clause that shares most with the question; (None, None) if none does."""
    if cons.asks not in ("quantity", "person", "date"):
        return None, None
    from rag.answer.facts import person_names        # titles from the domain profile
    qb = bigrams(cons.question)
    if cons.lang == "en":       # an English question shares its words' Chinese with the clause
        qb = qb.union(*(bigrams(t) for t in chinese_terms(cons.question, cons.lang)))
    change = bool(CHANGE_Q.search(cons.question))
    best = None
    clauses = list(_CLAUSE.finditer(sentence))
    for ci, m in enumerate(clauses):
        clause = m.group(0).strip().strip("“”\"")
        if cons.asks == "quantity":
            # of the asked kind; for a change ("下降了多少"), a share or an amount of any kind
            found = quantities(clause)
            fit = [q for q, k in found if cons.quantity_kind in (None, k) or k is None
                   or (change and k in AMOUNTS)]
            new = [q for q in fit if new_figure(q, cons.question)]
            exact = any(k == cons.quantity_kind for _, k in found)
        elif cons.asks == "person":
            fit = person_names(clause)
            new = [n for n in fit if not in_question(n, cons)]
        else:
            fit = [v.group(0) for v in _DATE.finditer(clause)]
            new = [v for v in fit if not in_question(v, cons)]
        if not fit:
            continue
        # a value the question does not already give ("Who accompanied 张三": not 张三)
        value = (new or fit)[0]
        # then the asked kind itself over a change's other kinds ("增长多少": 6.7%, not 74.4万亿元)
        score = (bool(new), cons.asks != "quantity" or exact, len(bigrams(clause) & qb))
        if cons.asks == "quantity" and ci + 1 < len(clauses) and quantities(clauses[ci + 1].group(0)):
            # the figure's clause and the next one with a figure: "达到74.4万亿元，增长6.7%"
            clause = sentence[m.start():clauses[ci + 1].end()].strip().strip("“”\"")
        if best is None or score > best[0]:
            best = (score, clause, value)
    return (best[1], best[2]) if best else (None, None)
