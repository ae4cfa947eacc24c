"""What a question asks for: its language, its content terms, and whether it asks for requirements.

Shared by the extractive answerer (to score sentences) and the chain (to judge whether the
retrieved passages carry any evidence at all). Chinese is compared as character bigrams.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from rag.answer.context import passage_header
from rag.profiles import get_profile
from rag.textsim import is_cjk, normalize, question_lang, units

# Words that signal a question about requirements or deadlines, and sentence words that answer
# one (要求/确保/必须 introduce a directive; 底前/月前/日前 state a deadline).
_ZH_REQUIREMENT_Q = re.compile(r"要求|部署|强调|任务|目标|期限|时限|截止|时间节点|什么时候|何时|安排")
_EN_REQUIREMENT_Q = re.compile(r"\b(requir\w*|demand\w*|ask\w*|order\w*|instruct\w*|deadline\w*|"
                               r"target\w*|goal\w*|task\w*|by when|when)\b", re.I)
REQUIREMENT_WORDS = re.compile(r"要求|确保|必须|务必|力争|争取|底前|月前|日前|年底|之前|前完成|截至|限期|"
                               r"杜绝|严禁|禁止|不得")     # a prohibition is a requirement too

_NUMBER = re.compile(r"\d+")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
YEAR_WEIGHT = 2
# Below this share of the question's content terms found in the best of the top passages, the
# passages are off-topic and we abstain. On eval/sets/bundled.jsonl the passage holding the
# gold quote scores below 0.4 for 5 of 153 answerable questions (below 0.5 for 8); passages
# from another topic score 0.1-0.3. The set's unanswerable questions are near misses (a
# county's GDP of a year: the place and year occur, the fact does not) and score 0.5-1.0: lexical overlap
# cannot catch those; the LLM prompt's abstention rule has to. Tune it on the eval set.
MIN_EVIDENCE = 0.4
# English questions reach Chinese passages through glossary expressions, several per word,
# of which a passage uses one: their share is lower for the same evidence. Origin: tune
# parts of both sets, extractive: false abstentions 4 -> 3 of 64 (bundled), 1 of 63 (gov)
# unchanged, no unanswerable question answered that was declined at 0.4.
MIN_EVIDENCE_EN = 0.25


# What kind of answer a question wants: sentences that carry one get a bonus.
_NUMBER_Q = re.compile(r"多少|几[个次项家名人天年月日亩万条批所]|多大|多长|多高|比例|百分|"
                       r"\bhow (?:many|much|long|large)\b|\bwhat (?:percentage|share|proportion|number)\b", re.I)
_DATE_Q = re.compile(r"哪天|哪一天|哪日|何时|什么时候|什么时间|哪年|哪一年|几月|几号|日期|"
                     r"\bwhen\b|\bwhat (?:date|day|year|month)\b|\bwhich (?:date|day|year|month)\b", re.I)
_HAS_NUMBER = re.compile(r"\d|[一二两三四五六七八九十百千万亿]+[个次项家名人亩元条批所处座%]")
_HAS_DATE = re.compile(r"\d{1,2}月\d{1,2}日|\d{1,2}日|\d{4}年\d{1,2}月|是日|当日")
QWORD_ZH = re.compile(r"什么|哪些|哪个|哪里|哪天|哪年|哪一|多少|多大|多长|几|谁|何时|如何|怎样|怎么样|是否")
_CLAUSE = re.compile(r"[，,；;：:。？?！!]")


_SEVERAL_Q = re.compile(r"分别|各[是有为自]|以及|哪些|两[个次项]|\bboth\b|\beach\b|\brespectively\b",
                        re.I)


def asks_several(question: str) -> bool:
    """Does the question want more than one fact ("分别", "各是多少", two questions in one)?"""
    q = question.strip()
    return q.count("？") + q.count("?") > 1 or bool(_SEVERAL_Q.search(q))


_WHO_Q = re.compile(r"谁|哪位|何人|\bwho\b|\bwhom\b", re.I)


def answer_kind(question: str) -> str | None:
    """"number", "date", "who" or None: what the question asks for."""
    if _NUMBER_Q.search(question):
        return "number"
    if _DATE_Q.search(question):
        return "date"
    if _WHO_Q.search(question):
        return "who"
    return None


def has_answer_kind(sentence: str, kind: str | None) -> bool:
    if kind == "number":
        return bool(_HAS_NUMBER.search(sentence))
    if kind == "date":
        return bool(_HAS_DATE.search(sentence))
    if kind == "who":           # a title held by one person: "区长张三", "市委书记、市长李四"
        return bool(get_profile().roles.holder_only_regex.search(sentence))
    return False


_WH_EN = re.compile(r"\b(?:which|what|who|whom|how|when|where)\b", re.I)


def focus_terms(question: str, lang: str | None = None) -> set[str]:
    """Terms of the clause that holds the question word ("要求园区建设突出什么特色" in
    "张三调研…时，要求园区建设突出什么特色？"). The other clauses set the scene (date,
    meeting, place), which the intro sentence matches; the answer sits by the focus terms.
    Empty when the question is a single clause (no extra signal). An English question's focus is
    what a general dictionary gives for the words of its question-word clause that the glossary
    leaves uncovered ("which two shifts in education…" -> 转变): a preference among sentences,
    never evidence on its own."""
    if (lang or detect_lang(question)) != "zh":
        m = _WH_EN.search(question)
        return {t for t in get_profile().dictionary_terms(question[m.start():]) if len(t) >= 2} if m else set()
    clauses = [c for c in _CLAUSE.split(question) if c.strip()]
    if len(clauses) < 2:
        return set()
    focus = [c for c in clauses if QWORD_ZH.search(c)] or clauses[-1:]
    return chinese_terms("，".join(focus), "zh")


def detect_lang(text: str) -> str:
    """"zh" or "en" (rag.textsim.question_lang)."""
    return question_lang(text)


def asks_for_requirements(question: str) -> bool:
    return bool(_ZH_REQUIREMENT_Q.search(question) or _EN_REQUIREMENT_Q.search(question))


def zh_segments(question: str) -> list[str]:
    """The question with question/function words cut out, as the content pieces left between them."""
    text = normalize(question)
    for w in get_profile().question_words_zh:
        text = text.replace(w, "|")
    return [s for s in re.split(r"[|\W_]+", text) if s]


@functools.lru_cache(maxsize=4096)
def bigrams(text: str) -> frozenset[str]:
    """Unit bigrams of a text as strings ("高标", "2021年"); a one-unit text gives itself."""
    u = units(text)
    if len(u) == 1:
        return frozenset(u)
    return frozenset(u[i] + u[i + 1] for i in range(len(u) - 1))


def chinese_terms(question: str, lang: str | None = None) -> set[str]:
    """The question's content as Chinese-comparable terms (bigrams, glossary words, numbers).

    Chinese questions give the bigrams of their content pieces. English questions give the
    glossary translations of their words, the bigrams of any Chinese written in them, and
    their numbers.
    """
    lang = lang or detect_lang(question)
    terms: set[str] = set()
    if lang == "zh":
        for seg in zh_segments(question):
            terms |= bigrams(seg)
        terms.update(_YEAR.findall(question))
        return terms
    terms.update(get_profile().translate_terms(question))
    terms.update(english_dates(question))
    from rag.answer.numerals import english_amounts
    terms.update(english_amounts(question))
    for run in re.findall(r"[^\x00-\u2fff]+", question):
        terms |= {b for b in bigrams(run) if any(is_cjk(c) for c in b)}
    if terms:       # numbers alone ("the 8th session of the 14th committee") say too little
        terms.update(_NUMBER.findall(question))
    return terms


_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december)"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\b|\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
_MONTH_ONLY = re.compile(rf"\b{_MONTH}\b", re.I)


def english_dates(question: str) -> set[str]:
    """"28 January 2019" / "March 4" as Chinese records write them: {"1月28日"}, {"3月4日"}."""
    out = set()
    for m in _DAY_MONTH.finditer(question):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        out.add(f"{_MONTHS[month.lower()]}月{int(day)}日")
    if not out:
        out = {f"{_MONTHS[m.lower()]}月" for m in _MONTH_ONLY.findall(question)
               if not (m.lower() == "may" and not re.search(r"\bmay\s+\d|\d\s+may\b|\bin\s+may\b", question, re.I))}
    return out


def english_terms(question: str) -> set[str]:
    """Lower-cased content words of an English question (for passages written in English)."""
    stop = get_profile().question_stop_en
    return {w for w in re.findall(r"[a-z0-9]+", question.lower()) if w not in stop and len(w) > 1}


@functools.lru_cache(maxsize=4096)
def mostly_cjk(text: str) -> bool:
    """At least half of the text's comparison units are CJK characters."""
    u = units(text)
    return bool(u) and sum(1 for x in u if len(x) == 1 and is_cjk(x)) * 2 >= len(u)


@functools.lru_cache(maxsize=4096)
def _flat(text: str) -> str:
    return normalize(text)


def term_coverage(terms: set[str], text: str) -> float:
    """Fraction of terms found in text (bigram terms against the text's bigrams).

    A title asked about without 副 does not match its deputy: 市长 is not found in 副市长.
    A year counts double: records of another year do not answer a question about this one.
    """
    if not terms:
        return 0.0
    have = bigrams(text)
    flat = _flat(text)
    deputies = get_profile().roles.deputy_bases      # 市长, whose deputy 副市长 is another person
    found = total = 0
    for t in terms:
        w = YEAR_WEIGHT if _YEAR.fullmatch(t) else 1
        total += w
        if t in deputies and "副" + t[0] not in terms:
            found += w * bool(re.search(f"(?<!副){t}", flat))
        else:
            found += w * (t in have or t in flat)
    return found / total


def english_groups(question: str, drop: set[str] = frozenset()) -> list[tuple[str, ...]]:
    """An English question's content as groups of Chinese alternatives, one group per phrase
    (glossary or place), date, Chinese word written in it or number; alternatives in `drop`
    (the place, checked apart) are left out."""
    groups = [g for g in (tuple(v for v in grp if v not in drop)
                          for grp in get_profile().translate_groups(question)) if g]
    groups += [(d,) for d in english_dates(question)]
    for run in re.findall(r"[^\x00-\u2fff]+", question):
        groups += [(b,) for b in bigrams(run) if any(is_cjk(c) for c in b)]
    if groups:
        groups += [(n,) for n in _NUMBER.findall(question)]
    return _merged(groups)


def _merged(groups: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Phrases that share a Chinese expression are one thing to Chinese text ("programmes" and
    "plan": 方案, 计划): one group, so one word of a sentence does not count twice."""
    out: list[tuple[str, ...]] = []
    for g in groups:
        i = next((i for i, o in enumerate(out) if set(o) & set(g)), None)
        if i is None:
            out.append(g)
        else:
            out[i] = tuple(dict.fromkeys(out[i] + g))
    return out


def group_coverage(groups: list[tuple[str, ...]], text: str, share: float) -> float:
    """Share of the groups with an alternative in the text; a long alternative also counts
    when `share` of its bigrams are there: "居民消费价格指数" (CPI) in "居民消费价格涨幅3.5%"."""
    if not groups:
        return 0.0
    have = bigrams(text)
    flat = _flat(text)

    def found(t: str) -> bool:
        tb = bigrams(t)
        return t in flat or t in have or (len(tb) >= 3 and len(tb & have) >= share * len(tb))
    return sum(any(found(t) for t in g) for g in groups) / len(groups)


def match_text(chunk) -> str:
    """What a question is matched against: header, the date as Chinese writes it (3月7日), the
    opening sentence of its entry when it is a later paragraph of one (the meeting), text."""
    date = ""
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", chunk.date or "")
    if m:
        date = f"{m.group(1)}年{int(m.group(2))}月" + (f"{int(m.group(3))}日" if m.group(3) else "")
    scene = chunk.scene
    lead = re.match(r"[^。！？]*[。！？]?", scene).group(0) if scene else ""
    return f"{passage_header(chunk)} {date}{lead}\n{chunk.text}"


def evidence(question: str, hits: list, lang: str | None = None, top: int = 3) -> float | None:
    """The best `question_coverage` among the top hits (passage header included), or None
    when the question has nothing lexically comparable with them."""
    scores = [question_coverage(question, match_text(h.chunk), lang) for h in hits[:top]]
    known = [s for s in scores if s is not None]
    return max(known) if known else None


def question_coverage(question: str, passage: str, lang: str | None = None) -> float | None:
    """How much of the question's content the passage contains, in [0, 1].

    None when the question has no terms comparable with this passage (an English question
    with no glossary word, against a Chinese passage): lexical evidence cannot judge it.
    """
    lang = lang or detect_lang(question)
    if lang == "en" and not mostly_cjk(passage):
        terms = english_terms(question)
        if not terms:
            return None
        words = set(re.findall(r"[a-z0-9]+", passage.lower()))
        return sum(1 for t in terms if t in words) / len(terms)
    terms = chinese_terms(question, lang)
    return term_coverage(terms, passage) if terms else None


# Quantity questions name the unit they want: "多少公里", "几个", "多少亿元", "第几". When no
# top passage states a number in that unit, the documents do not give the figure (the usual
# near-miss: the project is described, its length is not), so the answer is an abstention.
_CN_NUM = "0-9０-９.．一二两三四五六七八九十百千万亿余多"
_UNIT_Q = re.compile(r"(?:多少|几)(个百分点|平方米|平方公里|千米|公里|万元|亿元|元|万亩|亩|万人|人次|人|家|例|棵|株|"
                     r"项|条|所|户|名|次|天|年|座|台|辆|吨|个|位次|位|处|批|场|期|届|岁|钱|米)")
_ORDINAL_Q = re.compile(r"第几")
_UNIT_ALIASES = {"钱": ("元",), "位次": ("位", "名"), "个": ("个", "项", "家", "所", "条", "处"),
                 "元": ("元",), "人": ("人", "名"), "名": ("名", "位")}


def asked_unit(question: str) -> str | None:
    """The unit a Chinese quantity question asks for ("公里" in "全长多少公里"), or None."""
    if _ORDINAL_Q.search(question):
        return "第"
    m = _UNIT_Q.search(question)
    return m.group(1) if m else None


def states_quantity(text: str, unit: str) -> bool:
    """Does the text give a number in the asked unit ("17.8亿元", "三个", "第5")?"""
    if unit == "第":
        return bool(re.search(rf"第[{_CN_NUM}]+|排名[{_CN_NUM}]|[{_CN_NUM}]+[名位]", text))
    units = _UNIT_ALIASES.get(unit, (unit,))
    alt = "|".join(sorted({re.escape(u) for u in units} | {re.escape(unit)}, key=len, reverse=True))
    return bool(re.search(rf"[{_CN_NUM}]+\s*(?:{alt})", text))



def latin_anchors(question: str) -> list[str]:
    """Latin-script terms in a Chinese question ("GDP", "PM2.5", "EPC"): a passage without
    them cannot answer it, however much of the rest of the question it matches."""
    if detect_lang(question) != "zh":
        return []
    return [a.lower() for a in re.findall(r"[A-Za-z][A-Za-z0-9.]*[A-Za-z0-9]", question)]


# Letters that text extracted from PDFs and scans confuses with digits ("HlN1" for H1N1)
_LOOKALIKE = str.maketrans("lIiOo", "11100")
_MIXED = re.compile(r"[a-z0-9.]*(?:[a-z][a-z0-9.]*\d|\d[a-z0-9.]*[a-z])[a-z0-9.]*", re.I)


def lookalike_key(text: str) -> str:
    """The text with letter-and-digit terms read alike whichever of l/1, O/0 they were written
    with (lower-cased): "HlN1" and "H1N1" give the same key; words without digits are kept."""
    return _MIXED.sub(lambda m: m.group(0).lower().translate(_LOOKALIKE), text.lower())


def years_covered(question: str, hits) -> bool:
    """Every year the question names (2021, 2018) appears in one top passage: its text, header
    or date. Records of other years do not answer "<a county>2021年的GDP". On eval/sets/bundled.jsonl
    this declines 3 unanswerable questions and no answerable one."""
    years = set(_YEAR.findall(question))
    if not years:
        return True
    return any(all(y in match_text(h.chunk) or (h.chunk.date or "").startswith(y) for y in years)
               for h in hits)


def weak_evidence(question: str, hits, lang: str, min_evidence: float = MIN_EVIDENCE) -> bool:
    """Are the passages off-topic? True when the top passages carry too little of the
    question's content, or lack a Latin-script term it names (GDP). Whether they satisfy what
    the question fixes (year, place, the kind of value) is `rag.answer.evidence`'s check."""
    if not hits:
        return True
    top = hits[:3]
    anchors = latin_anchors(question)
    if anchors:
        # each term as written or as the glossary's Chinese for it ("GDP": 国内生产总值)
        profile = get_profile()
        alts = [{lookalike_key(a)} | {lookalike_key(t) for t in profile.translate_terms(a)} for a in anchors]
        texts = [(h, lookalike_key(normalize(match_text(h.chunk)))) for h in hits]
        top = [h for h, text in texts if all(any(k in text for k in alt) for alt in alts)]
        if not top:
            return True
    ev = evidence(question, top if anchors else hits, lang)
    if lang == "en" and min_evidence == MIN_EVIDENCE:
        min_evidence = MIN_EVIDENCE_EN
    return ev is not None and ev < min_evidence
