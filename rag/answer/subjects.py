"""What a figure question is about (its subject, without its years, place and framing words) and
whether a sentence is about it rather than giving another thing's figure."""
from __future__ import annotations

import functools
import re

from rag.answer.constraints import Constraints, frame_free
from rag.answer.place_scope import place_words
from rag.answer.quantities import quantities
from rag.answer.query import bigrams, chinese_terms, group_coverage, term_coverage

# A sentence answering a quantity question must hold at least this share of the question's
# content terms (its subject): "国内生产总值达到67.7万亿元" gives a figure, not grain output's.
# Origin: tune parts of both sets, extractive answers; see README "How well it works".
MIN_SUBJECT = 0.2
# For an English question, one glossary expression of its subject must be there with at least
# this share of its bigrams. Origin: tune parts of both sets, extractive; see README.
EXPRESSION_SHARE = 0.6
# A long question sets a scene (who spoke, at which meeting) its passage matches; a sentence
# of that passage touching the subject then needs no MIN_SUBJECT share of its own.
# Origin: tune parts of both sets, gold sentences rejected as "value" (wd-010 kind).
SCENE_SUBJECT = 0.5


def _written_subject(cons: Constraints, subject: set[str]) -> tuple[set[str], str]:
    """The subject to look for and the language to match it in: a Chinese name written into an
    English question ("… line (盾构机装备生产线) project") is the subject as the text writes it."""
    if cons.lang != "zh":
        named = re.findall(r"[\u4e00-\u9fff]{4,}", cons.question)
        if named:
            return set().union(*(bigrams(n) for n in named)), "zh"
    return subject, cons.lang


_TIME_NUMBER = re.compile(r"\d{1,4}\s*(?:[~～—\-至到]\s*\d{1,4}\s*)?(?:年|月份?|日|号|季度)")


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
        # a time ("1~4月份", "2019年") is no figure: the clause after it may well name the subject
        clause = _TIME_NUMBER.sub("", m.group(0))
        if any(several or cons.quantity_kind in (None, k) or k is None for _, k in quantities(clause)):
            end = m.end()
    if not 0 < end < len(sentence):
        return False
    # the thing the asking clause measures, as written ("…，当年均衡性转移支付要增长多少"), named
    # only after the figures: their subject is another ("一般性转移支付规模增长9.5%，重点增加均衡性…")
    measured = _measured_noun(cons.question)
    if measured and measured in sentence[end:] and measured not in sentence[:end]:
        return True
    return _about_subject(subject, sentence, lang) and not _about_subject(subject, sentence[:end], lang)


# The noun right before the verb and question word of a Chinese quantity question's last clause,
# its time words ("当年", "2017年") cut off
_MEASURED = re.compile(r"([\u4e00-\u9fff]{3,12}?)(?:要|将|应|能)?(?:增长|增加|下降|减少|提高|降低|达到|是|为)?了?"
                       r"(?:多少|几)[^，,；;。？?]*[？?]?\s*$")
_TIME_LEAD = re.compile(r"^(?:当年|今年|去年|全年|同年|次年|上年|年)+")   # "2017年…": the digits are not in the match


def _measured_noun(question: str) -> str | None:
    m = _MEASURED.search(question)
    if not m:
        return None
    noun = _TIME_LEAD.sub("", m.group(1))
    return noun if len(noun) >= 3 else None


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


def subject_terms(cons: Constraints) -> set[str]:
    """What a quantity question is about, as Chinese-comparable terms: without its years, the
    document it names, its outcome/target words and its place, which are checked apart
    ("What was China's grain output" is about 粮食产量, not 全国)."""
    from rag.ingest.profile import document_rules
    rules = document_rules()
    text = _subject_text(cons)
    if cons.lang == "en" and _untranslated_measure(cons.question):
        return set()        # "how many city study rooms": the thing counted has no Chinese here,
                            # so the other words (the meeting) would stand in for it
    terms = chinese_terms(text, cons.lang) or chinese_terms(cons.question, cons.lang)
    drop = place_words(cons) | set(getattr(rules, "NATION_WORDS", ()))
    if cons.lang == "en" and cons.unit:
        from rag.profiles import get_profile
        drop |= set(get_profile().translate_terms(cons.unit))   # "how many kilometres of …": 公里 is no subject
    return {t for t in terms if not re.search(r"\d", t) and t not in drop}


def _subject_text(cons: Constraints, also=()) -> str:
    """The question as its subject: framing words cut out and, in Chinese, the unit, scope words
    (全市), the place, the change asked ("具体增加多少") and `also` too."""
    from rag.ingest.profile import document_rules
    rules = document_rules()
    text = frame_free(cons)
    if hasattr(rules, "without_part_of_year"):
        text = rules.without_part_of_year(text)     # "全年", "一季度": a time, checked apart
    if cons.lang != "zh":
        return text
    for w in [cons.unit, cons.place, *getattr(rules, "SCOPE_LEVEL", {}), *also]:
        if w:
            text = text.replace(w, "，")
    return _CHANGE_WORD.sub("，", text)


# What a figure's noun is said of, as the question writes it before the noun: two characters
# at least, after any time ("当年氮氧化物") and at most six (a noun phrase, not the clause).
_TIME_WORD = re.compile(r"[今当去明本上下全]年|年内|年度|年底|年末|期间|时期")
# ...and not what the question does with it ("要求扩大到多少地市": 扩大到 is no noun of 要求's)
_FRAME_VERB = re.compile(r"要求|提出|计划|安排|部署|强调|指出|预计|力争|争取|确保|拟|要|将|已|再")
_LIST_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,}(?:、|和|及|与)[\u4e00-\u9fff]{2,}$")
_CLAUSE_MARK = re.compile(r"[，,；;：:。！？]")


def _common_noun(a: str, b: str) -> str:
    """The longest run of Chinese characters (two at least) of `a` that `b` holds."""
    best = ""
    for i in range(len(a)):
        for j in range(i + max(2, len(best) + 1), len(a) + 1):
            piece = a[i:j]
            if not re.fullmatch(r"[\u4e00-\u9fff]+", piece) or piece not in b:
                break
            best = piece
    return best


def figure_of_siblings(cons: Constraints, sentence: str) -> bool:
    """Whether the sentence gives the asked noun's figure for a list of other things: asked
    "氮氧化物排放量要减少多少", it says "二氧化硫、化学需氧量排放量都要减少2%". The question names
    what the noun is of; the sentence names two or more things before the same noun, and not it."""
    if cons.lang != "zh" or cons.asks != "quantity":
        return False
    from rag.ingest.profile import document_rules
    text = _subject_text(cons, (*place_words(cons), *getattr(document_rules(), "NATION_WORDS", ())))
    noun = _common_noun(text, sentence)
    if not noun:
        return False
    run = re.search(r"[\u4e00-\u9fff]*$", text[:text.find(noun)]).group(0)
    of = _TIME_WORD.split(run)[-1].removesuffix("的")[-6:]
    # named in the sentence when half its bigrams are there (not tuned: "氮氧化物" shares 氧化 with
    # 二氧化硫, one of three)
    if len(of) < 2 or _FRAME_VERB.search(of) or term_coverage(bigrams(of), sentence) >= 0.5:
        return False
    said_of = _CLAUSE_MARK.split(sentence[:sentence.find(noun)])[-1]
    return bool(_LIST_BEFORE.search(said_of))


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


# The question asks for a figure ("多少", "几家", "how many"), not about one it gives ("…定为7%时，
# 提到哪个因素…"): only then is a sentence holding nothing but the question's figures no answer.
_HOW_MUCH = re.compile(r"多少|几|多[大长高远]|how (?:many|much|large|big|long|far|fast)|by what|"
                       r"\bwhat (?:(?:was|is|were|are) )?(?:the )?(?:total|amount|sum|number|figure|size|value|"
                       r"percentage|share|proportion|rate)\b", re.I)


# A clause: the text between two punctuation marks ("达到74.4万亿元")
_CLAUSE = re.compile(r"[^，,；;：:。！？!?]+")
