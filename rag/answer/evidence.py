"""Evidence that satisfies a question's constraints, or the reasons none does.

A sentence answers a question only if what the question fixes holds for it, in the sentence,
its passage or its document's profile: the year asked about (a figure in the 2019 report's
review of 2018 is a 2018 figure), outcome or target, the place (a national figure does not
answer a question about one province), and the kind of value asked for (an amount, a share,
a number of people). A sentence that only restates the question is no answer. When no
sentence of the retrieved passages satisfies the constraints, the answer is a decline that
says what did not match.

The checks on time (rag.answer.periods), on figures (rag.answer.quantities) and on people
(rag.answer.speakers) live beside this module; it combines them sentence by sentence.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from rag.answer.constraints import Constraints, asks_actual, frame_free, is_period, is_text_title, named_texts
from rag.answer.entities import ENTITY_ALTS
from rag.answer.periods import (asked_years, other_day, other_event, own_day, plan_for_outcome,
                                 said_before_the_end, sentence_scopes, sentence_stance, span_for_year, time_misses,
                                 whole_year_not_over, years_of)
from rag.answer.quantities import AMOUNTS, CHANGE_Q, new_figure, quantities, states_value
from rag.answer.query import bigrams, chinese_terms, group_coverage, has_answer_kind, match_text, term_coverage
from rag.answer.speakers import (TITLES_SEP, asked_speakers, known_speakers, named_people, names_one, pinyin_of,
                                  required_people, said_by_them, same_title)
from rag.retrieve.people import reads_as
from rag.types import Hit

# A sentence is a restatement when less than this share of its character bigrams is new
# relative to the question (headline or teaser sentences that echo the question).
# Origin: eval/sets/{bundled,gov-reports}/tune.jsonl, extractive answers; see the note in
# README "How well it works".
MIN_NOVELTY = 0.3
# A sentence answering a quantity question must hold at least this share of the question's
# content terms (its subject): "国内生产总值达到67.7万亿元" gives a figure, not grain output's.
# Origin: tune parts of both sets, extractive answers; see README "How well it works".
MIN_SUBJECT = 0.2
# For an English question, one glossary expression of its subject must be there with at least
# this share of its bigrams. Origin: tune parts of both sets, extractive; see README.
EXPRESSION_SHARE = 0.6
# A passage answers a question naming a programme, event or accident ("第十三届三国文化旅游周")
# only if it holds this share of the name's bigrams. Origin: tune parts of both sets: every
# answerable question's named thing has at least 0.67 of its bigrams in the passage answered from.
ENTITY_SHARE = 0.6
# Asked whether something is so ("Was X named a 国家食品安全示范城市?"), a sentence answers only
# if it names the thing nearly as asked: "食品安全示范区通过省里验收" (6 of 9 bigrams) is another title.
# Not tuned: no answerable whether-question of the tune parts names a programme or title; 0.8 lets
# a name of five or more bigrams miss one.
WHETHER_ENTITY_SHARE = 0.8
# A long question sets a scene (who spoke, at which meeting) its passage matches; a sentence
# of that passage touching the subject then needs no MIN_SUBJECT share of its own.
# Origin: tune parts of both sets, gold sentences rejected as "value" (wd-010 kind).
SCENE_SUBJECT = 0.5
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


def _written_subject(cons: Constraints, subject: set[str]) -> tuple[set[str], str]:
    """The subject to look for and the language to match it in: a Chinese name written into an
    English question ("… line (盾构机装备生产线) project") is the subject as the text writes it."""
    if cons.lang != "zh":
        named = re.findall(r"[\u4e00-\u9fff]{4,}", cons.question)
        if named:
            return set().union(*(bigrams(n) for n in named)), "zh"
    return subject, cons.lang


def _subject_after_figures(cons: Constraints, subject: set[str], sentence: str) -> bool:
    """Whether the sentence names what is asked about only after its last figure of the asked
    kind: a figure's subject comes before it or in its clause. Chinese questions only: an
    English one's glossary expression may be the sentence's later rewording ("财政赤字占国内生产
    总值的比重…1.5%左右，赤字率…保持在安全水平")."""
    subject, lang = _written_subject(cons, subject)
    if lang != "zh":
        return False
    end = 0
    several = len(_HOW_MUCH.findall(cons.question)) > 1        # "实施多少个项目、完成投资多少": any kind
    for m in _CLAUSE.finditer(sentence):
        if any(several or cons.quantity_kind in (None, k) or k is None for _, k in quantities(m.group(0))):
            end = m.end()
    return 0 < end < len(sentence) and _about_subject(subject, sentence, lang) \
        and not _about_subject(subject, sentence[:end], lang)


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


# Someone named without a title ("以习近平同志为核心", "由区城管局负责"): a person or body.
_NAMED = re.compile(r"[\u4e00-\u9fff]{2,3}同志|[\u4e00-\u9fff]{2,10}(?:局|委员会|办公室|中心|公司|集团|人民政府|"
                    r"街道办事处|办事处|管委会)(?=要|负责|牵头|承担|完成|[，、])")
# Deadlines and parts of months answer "when" as well as a day does: "3月底", "年内",
# "2020年前", "提前一年完成", "3个月内", "限期".
_WHEN = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:底|末|初|上旬|中旬|下旬|前|以前|之前|份前)|(?:本|当|下个?)月(?:底|末|内|初)|年底|年内|\d{4}年(?:底|前)|"
                   r"提前[一二两三四五六七八九十半\d]{1,2}(?:个)?(?:年|月|季度|天)|"
                   r"[一二两三四五六七八九十\d]{1,3}(?:个月|天|日|周|年)(?:内|以内|之内)|限期|"
                   r"农历[正冬腊一二三四五六七八九十]{1,2}月(?:初|十|廿|二十|三十)[一二三四五六七八九十]?")
_ASKS_YEAR = re.compile(r"哪一?年|几几年|\b(?:what|which) year\b|\bin what year\b", re.I)
_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年")


@dataclass
class Check:
    """One sentence of one passage against the constraints."""
    hit: int                        # index into the hits
    start: int
    end: int
    misses: list[str] = field(default_factory=list)     # "year", "period", "place", "value", "restates"
    soft: list[str] = field(default_factory=list)       # fits, but less well: "period" (a plan for an outcome)

    @property
    def ok(self) -> bool:
        return not self.misses


@dataclass
class Decision:
    constraints: Constraints
    checks: list[Check]
    passage_misses: dict[int, list[str]]    # hit index -> passage-level misses
    people: list[list[str]] = field(default_factory=list)      # see required_people

    @property
    def satisfied(self) -> bool:
        return any(c.ok for c in self.checks)

    def ok_sentences(self) -> set[tuple[int, int, int]]:
        return {(c.hit, c.start, c.end) for c in self.checks if c.ok}

    def soft_misses(self) -> dict[tuple[int, int, int], int]:
        """Sentences that fit but less well, with how many preferences they miss."""
        return {(c.hit, c.start, c.end): len(c.soft) for c in self.checks if c.ok and c.soft}


def _short_place(place: str) -> str:
    return re.sub(r"(?:特别行政区|自治区|自治州|自治县|省|市|县|区|镇|乡|街道)$", "", place) or place


def _chinese_place(place: str) -> str | None:
    """The Chinese name of a place as the question writes it ("Haidian district" -> 海淀区);
    None when it cannot be told (then the place is not checked)."""
    if re.search(r"[\u4e00-\u9fff]", place):
        return place
    from rag.profiles.zh_gov.documents import place_in
    found = place_in(place.lower())
    return found[0] if found else None


def byline_answers(cons: Constraints, text: str) -> bool:
    """A question on who gave or when was given a document it names ("Who delivered the 2017
    report?") is answered by that document's byline ("——2017年3月5日在…会议上 国务院总理某某"),
    which shares no word with it: its words are about the document, which the document check matches."""
    if cons.doc_ref is None or cons.asks not in ("person", "date"):
        return False
    # about the document itself: nothing but the verb is left once it is set apart ("…提到的党的
    # 十九大是在哪一天开幕的" asks about an event the report names, not about the report)
    if len(chinese_terms(cons.question.replace(cons.doc_ref.text or "", " "), cons.lang)) > 1:
        return False
    from rag.ingest.repair import parse_byline
    by = parse_byline(text.strip(), False)
    return by is not None and bool(by.speaker if cons.asks == "person" else by.date)


def passage_misses(cons: Constraints, hit: Hit) -> list[str]:
    """What a passage as a whole fails: the year, outcome vs target, the place, the document."""
    misses = []
    c = hit.chunk
    ref = cons.doc_ref
    if ref is not None:
        period = set(range(c.doc_period[0], c.doc_period[1] + 1)) if c.doc_period else set()
        if str(ref.year) not in c.doc_title and ref.year not in period and ref.year not in c.years:
            misses.append("document")       # "2021年政府工作报告": not this one
    if other_day(cons, hit):
        misses.append("date")           # "2019年8月8日…" asked: another day's entry
    if cons.years:
        years = years_of(hit)
        if ref is not None and "document" not in misses and all(f"{y}年" in c.text for y in cons.years):
            years = None                # "According to the 2013 report, … the SARS outbreak in 2003": the
                                        # document asked writes the year; its sentences are checked for it
        if years is not None and (not (years & set(cons.years)) or span_for_year(cons, years)
                                  or (is_period(cons.years) and not set(cons.years) <= years)):
            misses.append("year")           # a five-year plan's span is not answered by one of its years
        elif cons.period_implied:
            pass                        # preferred in ranking, never a reason to decline
        elif cons.period_kind == "outcome" and c.stance == "plan":
            # asked what happened, the passage only plans; a review that mentions the target
            # it met still answers a target question, so the reverse is no decline
            misses.append("period")
    text = match_text(c)
    for n, what in _ordinals(cons.question):
        if (n, what) not in _ordinals(text):
            misses.append("entity")         # "第三百八十次晨会" is not the 375th
            break
    if _entity_missing(cons, text):
        misses.append("entity")             # the programme, event or accident asked about is not here
    if "entity" not in misses and cons.lang == "en":
        where = f"{c.speaker or ''} {c.doc_title} {c.section} {c.text}"
        if any(not reads_as(syllables, where) for _, syllables in _pinyin_names(cons.question)):
            misses.append("entity")         # "Ruimei Zhenfa Co." asked: a passage on another firm
    place = _chinese_place(cons.place) if cons.place and cons.level != "national" else None
    if place:
        short = _short_place(place)
        where = f"{c.doc_place or ''} {c.doc_title} {c.section} {c.text}"
        if short not in where and place not in where:
            misses.append("place")
    return misses


# A count opening a label: "三个" of 三个不生产, "四大" of 四大工程, "两项" of 两项制度
_NUMBERED_LABEL = re.compile(r"^[一二两三四五六七八九十]+[个大项条种类]?(\w{2,})$")


def _entity_missing(cons: Constraints, text: str, share: float = ENTITY_SHARE) -> bool:
    """Whether a named programme, event or accident of the question is not in the text."""
    have = bigrams(text)
    for name in cons.entities:
        names = [a for a in name.split(ENTITY_ALTS) if _CJK.search(a)]
        # a numbered label ("三个不生产", "四大工程") may be given by its items alone ("措施不落实
        # 不生产、隐患不排除不生产…"): the label without its count is a name of it too
        names += [m.group(1) for a in names if (m := _NUMBERED_LABEL.match(a))]
        alts = [bigrams(a) for a in names]
        # a name of its own (…工程) has two bigrams at least; an English meeting's topic may be one word (文化)
        alts = [nb for nb in alts if len(nb) >= (1 if ENTITY_ALTS in name or not _CJK.search(cons.question) else 2)]
        if alts and all(len(nb & have) < share * len(nb) for nb in alts):
            return True
    return False


# A question asking whether something is so: answered only by a sentence about that thing
_WHETHER = re.compile(r"是否|有没有|\bwhether\b|^\s*(?:is|was|were|has|have|had|did|does|do)\b", re.I)


@functools.lru_cache(maxsize=256)
def _pinyin_names(question: str) -> tuple:
    from rag.retrieve.people import pinyin_names
    return tuple(pinyin_names(question))


def _own_place(doc_place: str | None) -> str:
    """The last unit of a document's place chain: "浙江省温州市平阳县" -> "平阳县"."""
    if not doc_place:
        return ""
    from rag.profiles import get_profile
    found = get_profile().places().in_chinese(doc_place)
    if found:
        return found[-1].name
    # a place the national list does not hold (a new or a made-up county): its last unit by suffix
    units = re.findall(r"[^省市县区州旗盟]+?(?:自治州|自治县|[省市县区州旗盟])", doc_place)
    return units[-1] if units else doc_place


def _about_subject(subject: set[str], sentence: str, lang: str) -> bool:
    # Chinese questions give the bigrams of their own words: a share of them must be there.
    # English ones give glossary expressions, several per word: one of them is enough.
    # An expression counts when most of its bigrams are there: "居民消费价格指数" (CPI) in
    # "居民消费价格涨幅3.5%左右".
    if lang == "en":
        have = bigrams(sentence)
        # as written, too: a one-character expression (煤) has no bigram to compare
        return any(t in sentence or len(bigrams(t) & have) >= EXPRESSION_SHARE * len(bigrams(t)) for t in subject)
    return term_coverage(subject, sentence) >= MIN_SUBJECT


_ORDINAL_Q = re.compile(r"第几")
_ORDINAL = re.compile(r"第\s*([0-9]+|[零〇一二两三四五六七八九十百千]+)\s*(次|届|批|期|轮|号|季度)")


# An English subject of this many phrases or more needs two of them in the sentence: one
# general word ("share" -> 比例) says little. Not tuned: the smallest count where one phrase
# is a minority of them.
MANY_PHRASES = 3


def _one_word_of_many(phrases: tuple[tuple[str, ...], ...], sentence: str) -> bool:
    """Whether a sentence holds only one of an English subject's several phrases."""
    if len(phrases) < MANY_PHRASES:
        return False
    return round(group_coverage(list(phrases), sentence, EXPRESSION_SHARE) * len(phrases)) < 2


@functools.lru_cache(maxsize=256)
def _subject_groups(text: str, drop: frozenset) -> tuple[tuple[str, ...], ...]:
    """The subject's phrases as groups of Chinese alternatives, numbers and dates left out;
    one group repeated in another ("fund" 资金 in "capital" 资本|资金) counted once."""
    from rag.answer.query import english_groups
    groups = [g for g in english_groups(text, set(drop)) if not any(re.search(r"\d", t) for t in g)]
    return tuple(g for g in dict.fromkeys(groups)
                 if not any(o != g and set(g) < set(o) for o in groups))


def _ordinals(text: str) -> set[tuple[int, str]]:
    """The numbered things a text names ("第三百八十次", "第13届") as (number, what)."""
    from rag.answer.numerals import cn_number
    out = set()
    for m in _ORDINAL.finditer(text):
        n = int(m.group(1)) if m.group(1).isdigit() else cn_number(m.group(1))
        if n is not None:
            out.add((int(n), m.group(2)))
    return out


def place_words(cons: Constraints) -> set[str]:
    """The words for the place a question names, and for the whole country: the place is
    checked against the passage, so as words they would only favour sentences naming it."""
    from rag.ingest.profile import document_rules
    place = _chinese_place(cons.place) if cons.place else None
    words = set(getattr(document_rules(), "NATION_WORDS", ())) if cons.level == "national" else set()
    return words | ({place, _short_place(place)} if place else set())


def subject_terms(cons: Constraints) -> set[str]:
    """What a quantity question is about, as Chinese-comparable terms: without its years, the
    document it names, its outcome/target words and its place, which are checked apart
    ("What was China's grain output" is about 粮食产量, not 全国)."""
    from rag.ingest.profile import document_rules
    rules = document_rules()
    text = frame_free(cons)
    if hasattr(rules, "without_part_of_year"):
        text = rules.without_part_of_year(text)     # "全年", "一季度": a time, checked apart
    # the unit, scope words (全市) and the place are no subject either
    for w in [cons.unit, cons.place, *getattr(rules, "SCOPE_LEVEL", {})]:
        if w and cons.lang == "zh":
            text = text.replace(w, "，")
    if cons.lang == "zh":
        text = _CHANGE_WORD.sub("，", text)    # "具体增加多少": the change is what is asked, not what of
    if cons.lang == "en" and _untranslated_measure(cons.question):
        return set()        # "how many city study rooms": the thing counted has no Chinese here,
                            # so the other words (the meeting) would stand in for it
    terms = chinese_terms(text, cons.lang) or chinese_terms(cons.question, cons.lang)
    drop = place_words(cons) | set(getattr(rules, "NATION_WORDS", ()))
    if cons.lang == "en" and cons.unit:
        from rag.profiles import get_profile
        drop |= set(get_profile().translate_terms(cons.unit))   # "how many kilometres of …": 公里 is no subject
    return {t for t in terms if not re.search(r"\d", t) and t not in drop}


# A change asked for ("增加多少", "增长了"), not "增加值" (value added), a thing of its own
_CHANGE_WORD = re.compile(r"(?:增长|增加|下降|减少|提高|降低|上升|回落)(?!值)")


# The thing an English question counts or measures: the words after "how many/much" up to the
# verb or preposition ("how many city study rooms were planned" -> "city study rooms"), past a
# unit ("how many units of affordable housing" -> "affordable housing").
_MEASURED_EN = re.compile(r"\bhow (?:many|much)\s+(?:[a-z-]+\s+of\s+(?:the\s+)?)?((?:(?!(?:were|was|did|do|does|are|is|has|have|had|"
                          r"will|would|could|can|should|in|of|for|by|to|at|on|during|from|with|per)\b)"
                          r"[a-z][a-z-]*\s*){1,4})", re.I)


def _untranslated_measure(question: str) -> bool:
    from rag.profiles import get_profile
    m = _MEASURED_EN.search(question)
    phrase = m.group(1).strip() if m else ""
    words = [w for w in phrase.split() if w.lower() not in ("more", "new", "the", "additional")]
    return bool(words) and not get_profile().translate_terms(" ".join(words))


# The fewest characters of every translation of a thing named rather than a plain word
# (八项规定, 高速公路); not tuned: two-character words are the dictionary's plain words.
COMPOUND_TERM = 4
# Measures that say how something is counted, not what: the passage need not name them.
_GENERIC_MEASURED = {"money", "funds", "funding", "people", "persons", "yuan", "percent", "times", "units"}


@functools.lru_cache(maxsize=256)
def _measured_groups(question: str) -> tuple[tuple[str, ...], ...]:
    """The Chinese alternatives of what an English question counts or measures ("how many
    violations of the central eight-point rules" -> 中央八项规定|八项规定), numbers left out."""
    from rag.answer.query import english_groups
    m = _MEASURED_EN.search(question)
    words = [w for w in (m.group(1).split() if m else []) if w.lower() not in _GENERIC_MEASURED]
    if not words:
        return ()
    # only compound terms: a text repeats a name as written ("八项规定"), while a plain word has
    # synonyms the dictionary does not give (tune: "members" 成员 for 会员, "children" 儿童 for 孩子)
    return tuple(g for g in english_groups(" ".join(words), set())
                 if not any(re.search(r"\d", t) for t in g) and min(map(len, g)) >= COMPOUND_TERM)


def _measured_elsewhere(cons: Constraints, passage: str | None) -> bool:
    """Whether an English figure question's counted thing is named nowhere in the passage:
    a count of projects visited does not answer "how many violations of the rules"; the
    question's verb ("investigate" -> 调研) alone does not tie them."""
    if cons.lang != "en" or passage is None:
        return False
    groups = _measured_groups(cons.question)
    return bool(groups) and group_coverage(list(groups), passage, EXPRESSION_SHARE) == 0


_LEVEL_ZH = {"province": "省", "city": "市", "county": "县", "district": "区", "township": "乡镇",
             "national": "national", "省": "省", "市": "市", "县": "县", "区": "区", "乡镇": "乡镇"}


def _suffix_levels(place: str) -> set[str]:
    """The scope word a place's own texts use for it: a county-level city says 全市 too."""
    return {lv for suf, lv in (("市", "市"), ("县", "县"), ("区", "区"), ("省", "省"), ("旗", "县"),
                               ("镇", "乡镇"), ("乡", "乡镇")) if place.endswith(suf)}


def _other_level(cons: Constraints, sentence: str) -> bool:
    """Whether the sentence's scope words give another level than the one asked about and it
    does not name the place asked about ("全区…" for a question on a city)."""
    from rag.ingest.profile import document_rules
    rules = document_rules()
    asked = _LEVEL_ZH.get(cons.level or "")
    place = _chinese_place(cons.place) if cons.place and asked != "national" else None
    if not hasattr(rules, "sentence_levels") or not (asked or place):
        return False
    # a county-level city's own texts say 全市: the name's suffix counts as its level too
    names = {asked} | _suffix_levels(place or "")
    names |= rules.sentence_levels(cons.question)     # "全市…会上，介绍某区经验…": both levels asked
    levels = rules.sentence_levels(_figure_scope(cons, sentence))
    if not levels or levels & names:
        return False
    return not (place and _short_place(place) in sentence)


# A level named as what a figure is compared with ("比全市平均高1.05万元") is not its scope.
_COMPARED = re.compile(r"(?:比|较|高于|低于|超过|快于|慢于)(?:全|本)[省市县区镇乡]")


def _figure_scope(cons: Constraints, sentence: str) -> str:
    """The part of a sentence whose scope words say whose figure it gives: for a quantity
    question the clauses that hold a figure ("待全省疫情得到控制后，…提前一周公布": the
    province sets the condition, not the figure), without comparisons; else the sentence."""
    if cons.asks != "quantity":
        return sentence
    figured = [c for c in _CLAUSE_SPLIT.split(sentence) if quantities(c)]
    return _COMPARED.sub("", "，".join(figured)) if figured else sentence


# The question asks for a figure ("多少", "几家", "how many"), not about one it gives ("…定为7%时，
# 提到哪个因素…"): only then is a sentence holding nothing but the question's figures no answer.
_HOW_MUCH = re.compile(r"多少|几|how (?:many|much)|by what", re.I)


def _part_of_asked_place(cons: Constraints, hit: Hit) -> bool:
    """Whether the passage's document is of a place inside the one asked about: a district's
    yearbook for a question on its city, a city's for its province."""
    place = _chinese_place(cons.place) if cons.place and cons.level != "national" else None
    where = hit.chunk.doc_place or ""
    if not place or not where:
        return False
    i = where.find(place)
    if i < 0 or i + len(place) >= len(where):
        return False
    # "某市…会议后，某县教体局…": the question names the document's own place too
    own = where[i + len(place):]
    return _short_place(own) not in cons.question and own not in cons.question


_CLAUSE_SPLIT = re.compile(r"[，,；;。：:]")
# What was said after a meeting ("会后，某某强调…一是…二是…") is the follow-up of whoever spoke,
# not what the meeting required; a question asking about the time after it says so.
_AFTER_MEETING = "会后"
_ASKS_AFTER = re.compile(r"会后|会议后|召开后|结束后|之后|\bafter\b|\bafterwards\b|\bfollowing\b", re.I)
# a directive's verbs, 要 among them (query.REQUIREMENT_WORDS ranks answers by the strong ones and
# by deadlines; here any directive will do)
_REQUIRES = re.compile(r"要求|强调|指出|提出|部署|要|必须|务必|确保|应当|需")
_ASKS_MEETING = re.compile(r"会议|会上|\bmeeting\b|\bconference\b", re.I)


def _own_scope(cons: Constraints, sentence: str, own: str) -> bool:
    """Whether a sentence speaks for its document's own place ("我市", "全市" in a county-level
    city's records) when another place of that level was asked about, which it does not name."""
    place = _chinese_place(cons.place) if cons.place and cons.level != "national" else None
    if not place or not own or own == place or _short_place(place) in sentence:
        return False
    from rag.ingest.profile import document_rules
    rules = document_rules()
    if not hasattr(rules, "sentence_levels"):
        return False
    return bool(rules.sentence_levels(sentence) & _suffix_levels(own) & _suffix_levels(place))


def _speaks_for(cons: Constraints, sentence: str, own: str = "") -> bool:
    """Whether a sentence of a lower unit's document speaks for the place asked about: it names
    it ("某市…") or its level ("全市…", "全省…"), unless that level is the document's own place's
    as well (a county-level city's "全市" is itself, not its prefecture)."""
    place = _chinese_place(cons.place) or ""
    from rag.ingest.profile import document_rules
    rules = document_rules()
    if place and _short_place(place) in sentence and not (
            hasattr(rules, "place_in_names_only") and rules.place_in_names_only(sentence, _short_place(place), place)):
        return True
    if not hasattr(rules, "sentence_levels"):
        return True
    asked = _suffix_levels(place)
    asked |= {_LEVEL_ZH.get(cons.level or "")} - {None}
    asked -= _suffix_levels(own)
    return bool(rules.sentence_levels(sentence) & asked)


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


def asked_titles(cons: Constraints) -> set[str]:
    """The titles a question asks the holder of ("哪位副市长", "某市政协主席是谁", "Which
    premier"): the profile's titles among its words."""
    from rag.profiles import get_profile
    titles = get_profile().roles.title_regex
    from rag.answer.facts import person_names
    if cons.lang != "zh":
        if _ACCOMPANY_Q.search(cons.question) and not re.search(r"\bwhich\b", cons.question, re.I):
            return set()        # "Who accompanied the mayor": the title is the visitor's
        return {m.group(0) for m in titles.finditer(" ".join(chinese_terms(cons.question, cons.lang)))}
    q = cons.question           # a title with its holder's name ("市长王某某") only sets the scene
    found = {m.group(0) for m in titles.finditer(q) if not person_names(q[m.start():m.end() + 4])}
    if _ACCOMPANY_Q.search(q):
        # "区长到…调研时，有谁陪同": the title is the visitor's; "哪位副市长陪同" asks one
        found = {t for t in found if re.search(rf"(?:哪位|哪些|哪两位|哪几位|何)\S{{0,6}}{re.escape(t)}", q)}
    return found


def _names_person(cons: Constraints, sentence: str) -> bool:
    """Whether a sentence can answer a who-question: with the asked title and a name after it
    when the question names a title; else with anyone titled or a named body. A bare "谁" or
    "to whom" with no title may be answered by anyone or anything ("企业处于主体地位")."""
    titles = asked_titles(cons)
    if titles:
        from rag.answer.facts import person_names
        from rag.profiles import get_profile
        # the holder after the title ("副市长王某某") or before it ("以胡锦涛同志为总书记")
        return any(same_title(m.group(0), titles) and (person_names(sentence[m.start():m.end() + 4])
                                             or person_names(sentence[max(0, m.start() - 8):m.start()]))
                   for m in get_profile().roles.title_regex.finditer(sentence))
    if not _WHICH_PERSON.search(cons.question):
        return True
    # someone the question does not name already ("王某到…现场办公，哪些领导一同前往": not 王某)
    from rag.answer.facts import person_names
    if any(not _in_question(n, cons) for n in person_names(sentence)):
        return True
    named = [m.group(0) for m in _NAMED.finditer(sentence)]
    if named:
        return any(not _in_question(n, cons) for n in named)
    return has_answer_kind(sentence, "who") and not person_names(sentence)


_WHICH_PERSON = re.compile(r"哪几?位|哪几名|何人|哪个人|什么人|哪些(?:人|领导|同志)|\bwhich (?:officials?|leaders?|persons?|people)\b",
                           re.I)


# Who went with someone: the sentence that says so ("副区长王某…陪同调研", "…一同前往").
_ACCOMPANY_Q = re.compile(r"陪同|一同|随同|\baccompan", re.I)
_ACCOMPANY = re.compile(r"陪同|一同|随同|陪|同行")
# A sentence that only sets the scene (a meeting held, who attended, a visit) and says nothing
# anyone asked for: no answer to "提出了哪些要求".
_SCENE = re.compile(r"召开|举行|开幕|出席|参加|列席|主持|陪同|调研|视察|察看|查看|走访|慰问")
_DIRECTIVE = re.compile(r"要|必须|确保|务必|强调|指出|提出|部署|力争|争取|应当|需|希望|号召")


def _people_elsewhere(cons: Constraints, sentence: str) -> bool:
    """Whether every titled person in the sentence holds the title of another place than the
    one asked about."""
    place = _chinese_place(cons.place) if cons.place and cons.level != "national" else None
    if not place:
        return False
    from rag.answer.facts import person_names
    from rag.ingest.profile import document_rules
    from rag.profiles import get_profile
    rules, short = document_rules(), _short_place(place)
    titles = get_profile().roles.title_regex
    # the title asked about ("Party secretary" -> 市委书记), else every title
    asked = {m.group(0) for m in titles.finditer(" ".join(chinese_terms(cons.question, cons.lang)))}
    wheres = [rules.title_place(sentence, m.start()) for m in titles.finditer(sentence)
              if (not asked or m.group(0) in asked) and person_names(sentence[m.start():m.end() + 4])]
    return bool(wheres) and all(w and w != short and w not in place for w in wheres)


# A Chinese question's blank: what stands around 什么/哪些/哪种… ("实行以什么为主的对外投资管理方式")
_SLOT = re.compile(r"([\u4e00-\u9fff]{2,6})(?:是|为)?(?:什么|哪些|哪种|哪类|哪个|哪一种)(?:样的)?([\u4e00-\u9fff]{2,6})")


def fills_slot(question: str, sentence: str) -> bool:
    """Whether the sentence fills the question's blank: it holds the words on both sides of it
    with something new between ("实行以备案制为主的…" for "实行以什么为主的…"), so it answers
    even though most of its words are the question's."""
    for m in _SLOT.finditer(question):
        left, right = m.group(1)[-2:], m.group(2)[:2]
        i = sentence.find(left)
        j = sentence.find(right, i + 2) if i >= 0 else -1
        if i >= 0 and 0 < j - (i + 2) <= 20 and sentence[i + 2:j] not in question:
            return True
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


def _names_new_place(cons: Constraints, sentence: str) -> bool:
    """Whether the sentence names a place (of the profile's place list) the question does not."""
    from rag.ingest.profile import document_rules
    from rag.profiles import get_profile
    rules = document_rules()
    places = get_profile().places()
    if hasattr(rules, "place_in_names_only") and hasattr(rules, "without_names"):   # "上海合作组织峰会": no city
        for p in places.in_chinese(sentence):
            if rules.place_in_names_only(sentence, _short_place(p.name), p.name):
                sentence = rules.without_names(sentence, _short_place(p.name))
    return any(p.name not in cons.question and _short_place(p.name) not in cons.question
               for p in places.in_chinese(sentence))


def _new_date(cons: Constraints, sentence: str) -> bool:
    """Whether the sentence gives a date the question does not already give."""
    from rag.answer.query import _HAS_DATE
    return any(not _in_question(m.group(0), cons) for m in _HAS_DATE.finditer(sentence))


def sentence_misses(cons: Constraints, sentence: str, question_bigrams: frozenset,
                    subject: set[str] | None = None, passage: str | None = None,
                    before: str | None = None, phrases: tuple = ()) -> list[str]:
    """What a sentence fails on its own: the kind of value asked for, or it only restates.
    `before`: its passage up to it (a thing counted is named before its count)."""
    misses = []
    if cons.asks == "quantity" and _ORDINAL_Q.search(cons.question):
        if not _ordinals(sentence):
            misses.append("value")          # "第几届第几次全会" is answered by "第十四届…第八次", not a count
    elif cons.asks == "quantity":
        measured = (_MONEY_MEASURE.findall(cons.question) if cons.lang == "zh" else
                    [w for rx, words in _MONEY_MEASURE_EN if rx.search(cons.question) for w in words])
        counted = bool(cons.unit) and cons.quantity_kind == "count" and bool(_CJK.search(cons.unit))
        written = _written_subject(cons, subject or set())
        if not states_value(sentence, cons.quantity_kind, bool(CHANGE_Q.search(cons.question)), counted):
            misses.append("value")
        elif counted and cons.unit != "个" and not any(q.endswith((cons.unit, "个")) for q, _ in quantities(sentence)):
            misses.append("value")          # 几家 (firms) is not answered by 17起 (cases)
        elif (noun := _counted_noun(cons)) and noun not in sentence and noun not in (before or ""):
            misses.append("value")          # "多少个督查组": a count of bills is not one of inspection teams
        elif measured and not any(m in sentence for m in measured):
            misses.append("value")          # 利润 asked: 完成投资31亿元 is money, but not a profit
        elif _HOW_MUCH.search(cons.question) and not any(new_figure(q, cons.question)
                                                         for q, _ in quantities(sentence)):
            misses.append("value")          # only the question's own figure ("19家风险企业…化解了几家")
        elif subject and not _about_subject(written[0], sentence, written[1]) and not (
                passage and term_coverage(written[0], sentence) >= MIN_SUBJECT / 2
                and term_coverage(written[0], passage) >= SCENE_SUBJECT):
            misses.append("value")          # a figure, but of something else (GDP for grain)
        elif subject and _measured_elsewhere(cons, passage):
            misses.append("value")          # "how many violations …": 4个拟观摩项目调研 counts something else
        elif phrases and _one_word_of_many(phrases, sentence) and not (
                passage and term_coverage(subject, passage) >= SCENE_SUBJECT):
            misses.append("value")          # "share of state capital … social security fund": 比例 alone is not it
        elif _INCREMENT_Q.search(cons.question) and _stock_only(cons, sentence):
            misses.append("value")          # "how many km of new expressways": "通车里程达11.2万公里" is the total
        elif subject and _subject_after_figures(cons, subject, sentence):
            misses.append("value")          # "完成投资62.7亿元，…，某产业园3个项目加快建设": not the park's
    elif cons.asks == "place" and not _names_new_place(cons, sentence):
        misses.append("value")              # "Which city hosted…": a sentence naming no place is no answer
    elif cons.asks == "person" and not _names_person(cons, sentence):
        misses.append("value")
    elif cons.asks == "person" and _ACCOMPANY_Q.search(cons.question) and not _ACCOMPANY.search(sentence):
        misses.append("value")              # "有谁陪同": the sentence naming the visitor alone is not it
    elif cons.asks == "person" and _people_elsewhere(cons, sentence):
        misses.append("place")              # another city's "X市委书记…" does not say who leads this one
    elif cons.asks != "requirement" and cons.entities and _WHETHER.search(cons.question) \
            and _entity_missing(cons, sentence, WHETHER_ENTITY_SHARE):
        misses.append("entity")             # "…项目最终是否已签约落地": a sentence on other projects says nothing of it
    elif cons.asks == "requirement" and _SCENE.search(sentence) and not _DIRECTIVE.search(sentence):
        misses.append("value")              # "…全体会议召开，市领导…出席会议": held, but nothing required
    attribute = _ATTRIBUTE_Q.search(cons.question)
    if attribute and not any(a and a.lower() in sentence.lower() for a in _ATTRIBUTE_WORDS.get(
            (attribute.group(1) or attribute.group(2) or "").lower(), (attribute.group(1),))):
        misses.append("value")              # "世博会的主题是什么": a sentence on the Expo that names no theme
    if _other_level(cons, sentence):
        misses.append("place")              # "全区生产总值…" does not answer for the city
    if cons.asks == "quantity" and _other_part_of_year(cons, sentence):
        misses.append("period")             # "一季度…下降12%" does not answer for the whole year
    if cons.period_kind == "outcome" and not cons.period_implied and sentence_stance(sentence) == "plan":
        misses.append("period")             # "今年要力争引进3个…" is no result
    elif cons.asks == "date" and _ASKS_YEAR.search(cons.question):
        if not any(m.group(0).replace(" ", "") not in cons.question.replace(" ", "")
                   for m in _YEAR_IN.finditer(sentence)):
            misses.append("value")          # "哪一年开始担任…": a day ("3月27日") without its year is no answer
    elif cons.asks == "date" and not (_new_date(cons, sentence) or _WHEN.search(sentence)):
        misses.append("value")              # no date, or only the question's own ("3月18日…什么时候落地")
    own = bigrams(sentence)
    if own and len(own - question_bigrams) < MIN_NOVELTY * len(own) and not any(
            new_figure(q, cons.question) for q, _ in quantities(sentence)) \
            and not _new_names(cons.question, sentence) and not fills_slot(cons.question, sentence):
        misses.append("restates")           # no new words, figure, person or place
    return misses


def _named_texts(cons: Constraints, hits: list[Hit]) -> set[str]:
    """Titles of the retrieved passages' texts (a speech, a report within a yearbook) that the
    question names; an English question by its glossary expressions."""
    sections = [h.chunk.section for h in hits if h.chunk.section]
    if not sections:
        return set()
    translated = ""
    if cons.lang == "en":
        from rag.profiles import get_profile
        translated = " ".join(get_profile().translate_terms(cons.question))
    return named_texts(cons.question, sections, translated)


def _in_another_text(section: str, texts: set[str]) -> bool:
    """Whether a passage lies in a text other than the named ones: under another title that
    names a kind of text (a speech beside the report), not merely outside them."""
    titles = section.split(" > ")
    return not any(t in titles for t in texts) and any(is_text_title(t) for t in titles)


def check(cons: Constraints, hits: list[Hit], sentences) -> Decision:
    """Check every sentence of every passage. `sentences(text)` gives (start, end) spans."""
    from rag.ingest.instructions import overlaps as instruction_at
    qb = bigrams(cons.question)
    subject = subject_terms(cons) if cons.asks == "quantity" else None
    # an English subject's phrases, for "two of several" (see _one_word_of_many)
    phrases = _subject_groups(frame_free(cons), frozenset(place_words(cons))) if subject and cons.lang == "en" else ()
    people = required_people(cons, hits)
    # who acted in the very sentence: checked for those the question names with a title, as
    # before; a bare name or a title's holder need only be in the passage (an entry's "会上，
    # 某某要求，…。要…。" names its speaker once, before the sentences that carry what was said)
    titled = [[n] for n in named_people(cons.question)]
    speakers = known_speakers(cons, hits, people)
    asked_people = asked_speakers(cons.question, people)     # whose words are asked, of those named
    asked = asked_years(cons)
    actual = cons.period_kind == "outcome" and asks_actual(cons.question)
    checks: list[Check] = []
    pmiss: dict[int, list[str]] = {}
    texts = _named_texts(cons, hits)
    for i, hit in enumerate(hits):
        pm = passage_misses(cons, hit)
        if texts and "document" not in pm and _in_another_text(hit.chunk.section, texts):
            pm.append("document")           # "…在区委经济工作会议上的讲话…": not the work report
        if people and not all(names_one(g, f"{hit.chunk.speaker or ''} {hit.chunk.text}") for g in people):
            pm.append("person")             # the question names someone the passage does not
        pmiss[i] = pm
        text = hit.chunk.text
        spans = list(sentences(text))
        ptext = match_text(hit.chunk)
        # a year asked for is what the sentence names: "面向2030年的…项目" launched in 2016 is of
        # its passage's time, not 2030's
        scopes = (sentence_scopes(hit.chunk, [text[s:e] for s, e in spans])
                  if asked and not (cons.asks == "date" and _ASKS_YEAR.search(cons.question)) else None)
        # who a passage is about: its speaker and those its opening sentence names; someone
        # named only further on ("传达了某某讲话精神") is not who acted in it
        actors = f"{hit.chunk.speaker or ''} {text[:spans[0][1]] if spans else ''}"
        # a lower unit's entry whose opening names the asked place ("某市…推进会召开") is about it
        own = _own_place(hit.chunk.doc_place)
        # an entry whose subject is the asked place's ("3月3日，某市…会议召开") speaks for it
        about_asked = bool(cons.place) and _short_place(_chinese_place(cons.place) or "") in "".join(
            _CLAUSE_SPLIT.split(text, maxsplit=2)[:2])
        part_of_place = ("place" not in pm and _part_of_asked_place(cons, hit)
                         and not _speaks_for(cons, text[:spans[0][1]] if spans else "", own))
        # a chronicle entry's date, not a speech's (when it was said, not when what it tells happened)
        entry_day = (cons.asks == "date" and not hit.chunk.speaker and not _ASKS_YEAR.search(cons.question)
                     and own_day(cons, hit.chunk.date))
        # a meeting's requirements asked, with nobody named: what follows "会后" is another's
        follow_up = (text.find(_AFTER_MEETING) if cons.asks == "requirement" and not people and not titled
                     and _ASKS_MEETING.search(cons.question) and not _ASKS_AFTER.search(cons.question) else -1)
        for j, (s, e) in enumerate(spans):
            sent = text[s:e]
            sm = sentence_misses(cons, sent, qb, subject, ptext, ptext[:ptext.find(sent)] if sent in ptext else ptext,
                                 phrases)
            if follow_up >= 0 and e > follow_up:
                sm.append("person")         # "省里在会上提出了哪些要求": "会后，某区长强调…" is not it
            elif follow_up >= 0 and not _REQUIRES.search(sent):
                sm.append("value")          # before it, "是日…收听收看…会议" requires nothing
            if speakers and "person" not in pm and not said_by_them(text[:e], speakers, asked_people,
                                                                       credited=asked_people != people):
                sm.append("person")         # "What did 李某 require": 张某要求… is someone else's
            if titled and "person" not in pm and not all(names_one(g, sent) or names_one(g, actors)
                                                         for g in titled):
                sm.append("person")
            if part_of_place and "place" not in sm and not _speaks_for(cons, sent, own):
                sm.append("place")          # a district's "要对19家风险企业…" is not the city's
            elif "place" not in sm and not about_asked and _own_scope(cons, sent, own):
                sm.append("place")          # a county-level city's "全市341个行政村" is not its prefecture's
            if entry_day and j == 0 and "value" in sm:
                sm.remove("value")          # a dated entry's day is its opening event's: "on what day…"
            if cons.asks == "date" and "value" not in sm and other_event(cons.question, sent):
                sm.append("value")          # "什么时候完工": the day of a visit to the site is not it
            if instruction_at(hit.chunk, s, e):     # hook (issue 12): planted instructions are data
                sm.append("instruction")
            misses = list(pm)
            scope = scopes[j] if scopes is not None else None
            if scope is not None:
                misses = time_misses(cons, hit.chunk, misses, scope, asked, sent)
            if "period" not in misses and said_before_the_end(cons, hit.chunk, asked, sent):
                misses.append("period")     # a January speech cannot say what 2020 actually brought
            if "year" not in misses and whole_year_not_over(cons, hit.chunk, asked, sent):
                misses.append("year")       # a June 2020 speech's "全年…" is 2019's
            soft = ["period"] if plan_for_outcome(cons, hit.chunk, scope, sent) else []
            if soft and actual and "period" not in misses:
                misses, soft = misses + soft, []    # "最终是否已签约落地": a plan says nothing of it
            checks.append(Check(i, s, e, misses + sm, soft))
    return Decision(cons, checks, pmiss, people)


def reasons(decision: Decision, hits: list[Hit], lang: str) -> list[str]:
    """Why nothing answers, in the user's language, from the nearest passages' misses."""
    cons = decision.constraints
    seen: list[str] = []
    years = "、".join(map(str, cons.years)) if lang == "zh" else ", ".join(map(str, cons.years))
    for i, misses in list(decision.passage_misses.items())[:5]:
        hit = hits[i]
        got = sorted(years_of(hit) or [])
        got_s = (f"{got[0]}–{got[-1]}" if len(got) > 1 else str(got[0])) if got else "?"
        for m in misses:
            if m == "year":
                seen.append(f"资料给出的是{got_s}年的情况，不是{years}年的" if lang == "zh" else
                            f"the documents give {got_s}, not {years}")
            elif m == "period":
                want = cons.period_kind
                if lang == "zh":
                    seen.append(f"资料给出的是{years}年的{'目标' if want == 'outcome' else '实际情况'}，"
                                f"不是{'实际完成情况' if want == 'outcome' else '目标'}")
                else:
                    seen.append(f"the documents give the {years} {'target' if want == 'outcome' else 'outcome'}, "
                                f"not the {'outcome' if want == 'outcome' else 'target'}")
            elif m == "document" and cons.doc_ref:
                seen.append(f"资料中没有{cons.doc_ref.year}年的{cons.doc_ref.kind}" if lang == "zh" else
                            f"the documents include no {cons.doc_ref.year} {cons.doc_ref.kind}")
            elif m == "entity":
                what = "、".join(e.split(ENTITY_ALTS)[0] for e in cons.entities if _CJK.search(e))
                seen.append(f"相关段落没有提到{what}" if lang == "zh" else f"the passages do not mention {what}")
            elif m == "person":
                who = "、".join(g[0].replace(TITLES_SEP, "或" if lang == "zh" else " or ") for g in decision.people) or "、".join(named_people(cons.question))
                seen.append(f"相关段落没有提到{who}" if lang == "zh" else f"the passages do not mention {who}")
            elif m == "place":
                scope = hit.chunk.doc_title
                seen.append(f"相关内容出自《{scope}》，没有{cons.place}的数据" if lang == "zh" else
                            f"the passages are from 《{scope}》 and say nothing specific to {cons.place}")
    clean = [c for c in decision.checks if not decision.passage_misses.get(c.hit)]
    if cons.asks in ("quantity", "person", "date") and clean and all("value" in c.misses for c in clean):
        what = {"quantity": ("数字", "figure"), "person": ("人名", "person"), "date": ("日期", "date")}[cons.asks]
        seen.append(f"相关段落没有给出所问的{what[0]}" if lang == "zh" else
                    f"the passages do not give the {what[1]} asked for")
    if cons.place and any("place" in c.misses for c in clean):
        seen.append(f"相关段落说的是其他地方的情况，没有{cons.place}的" if lang == "zh" else
                    f"the passages speak for another place, not {cons.place}")
    return list(dict.fromkeys(seen))[:3]


_CLAUSE = re.compile(r"[^，,；;：:。！？!?]+")
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
            new = [n for n in fit if not _in_question(n, cons)]
        else:
            fit = [v.group(0) for v in _DATE.finditer(clause)]
            new = [v for v in fit if not _in_question(v, cons)]
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


def _in_question(value: str, cons: Constraints) -> bool:
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
