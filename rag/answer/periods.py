"""When a sentence speaks of: the years a question asks about and those each sentence of a
passage is about, target or outcome, a dated entry's own day, and what a text dated before the
asked period ended cannot say."""
from __future__ import annotations

import re

from rag.answer.constraints import Constraints, asks_actual, is_period
from rag.types import Hit


def years_of(hit: Hit) -> set[int] | None:
    """The years a passage is about: its own (section, date, text), else its document's
    period; None when nothing is known (no profile)."""
    c = hit.chunk
    if c.years:
        return set(c.years)
    if c.doc_period:
        return set(range(c.doc_period[0], c.doc_period[1] + 1))
    return None


# A question's date names the day of its event when it writes the day ("3月4日", "March 9",
# "2019-07-26"); a month or a part of one ("3月份", "3月下旬") is a period, often a deadline or
# a plan's date ("预计3月下旬推出…"), not the entry's.
_EXPLICIT_DAY = re.compile(r"\d\s*[日号]|[A-Za-z]\.?\s+\d|\d(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Za-z]|\d-\d{1,2}-\d", re.I)


def dated_on(day, chunk) -> bool:
    """Whether a passage is dated to the day (or days) a question's date gives: a dated entry's
    own day, written in full (2019-03-05), not a month's or a year's heading."""
    return bool(chunk.date) and len(chunk.date) == 10 and day.matches(chunk.date)


def other_day(cons: Constraints, hit: Hit) -> bool:
    """Whether the question dates its event to a day and the passage is neither dated then
    nor writes that date ("3月10日…" for a question about 8月8日)."""
    from rag.retrieve.dates import event_dates
    specs = [d for d in event_dates(cons.question) if _EXPLICIT_DAY.search(d.text)]
    if not specs:
        return False
    c = hit.chunk
    if any(dated_on(d, c) for d in specs):
        return False
    from rag.answer.facts import text_dates
    return not any(m == d.month and day is not None and d.day_from <= day <= d.day_to
                   and (y is None or d.year in (None, y))
                   for y, m, day in text_dates(c.text) for d in specs)


def days_asked_apart(question: str) -> list:
    """The days a question asks about one by one ("3月3日…和3月5日…分别提出了什么要求"), each
    written with its day; empty for a question on one day or on several taken together."""
    from rag.answer.entities import ASKED_APART
    from rag.retrieve.dates import event_dates
    if not ASKED_APART.search(question):
        return []
    specs = [d for d in event_dates(question) if _EXPLICIT_DAY.search(d.text) and d.text in question]
    return specs if len(specs) > 1 else []


def of_another_day(cons: Constraints, chunk, names: list[str]) -> bool:
    """Whether a question asking about several days one by one ("3月3日…调研…和3月5日调研农口
    项目时，分别…") names these things in another day's part than the passage's: the 3月3日
    entry need not name the 5th's 农口项目. A name belongs to the nearest day written before it."""
    from rag.answer.entities import ENTITY_ALTS
    q = cons.question
    specs = days_asked_apart(q)
    mine = [d for d in specs if dated_on(d, chunk)]
    if not mine:
        return False
    at = sorted((q.find(d.text), d) for d in specs)
    for name in names:
        i = q.find(name.split(ENTITY_ALTS)[0])
        before = [d for j, d in at if j < i]
        if i < 0 or not before or before[-1] in mine:
            return False
    return True


def sentence_stance(sentence: str) -> str | None:
    """"plan" or "record" as the domain profile reads a sentence; None without such a reading."""
    from rag.ingest.profile import document_rules
    rules = document_rules()
    return rules.sentence_stance(sentence) if hasattr(rules, "sentence_stance") else None


# When something was finished or begun: the sentence dating it must say it was ("预计4月底完工"),
# not only that a meeting on it or a visit to it took place that day.
_EVENTS = [
    (re.compile(r"完工|竣工|建成|落成|通车|投用|投入使用|投产|(?:哪天|哪一天|何时|什么时候|几月几日|哪日)完成|"
                r"\b(?:completed?|finished|opened to traffic|"
                r"put into (?:use|operation|service))\b", re.I),
     re.compile(r"完工|竣工|建成|落成|通车|投用|投入使用|投产|完成|交付|告竣")),
    (re.compile(r"开工|动工|开建|开始建设|奠基|\b(?:beg[au]n|begin|commenced?|broke ground)\b", re.I),
     re.compile(r"开工|动工|开建|开始|启动|奠基|开展|开通")),
]


def other_event(question: str, sentence: str) -> bool:
    """Whether a "when was X finished / begun" question meets a sentence that does not say so."""
    return any(asked.search(question) and not said.search(sentence) for asked, said in _EVENTS)


def own_day(cons: Constraints, iso: str | None) -> bool:
    """Whether a passage's own date (a chronicle entry's "29日" under its month, a speech's
    byline) names a day the question does not give already: "in July 2019" leaves the day open,
    "on 29 July" does not."""
    return bool(iso) and not any(d.day_from == d.day_to and d.matches(iso) for d in cons.dates)


def asked_years(cons: Constraints) -> set[int]:
    """The years a sentence must be about: those the question names, or for "what target did
    the 2013 report set" the report's own year."""
    if cons.years:
        return set(cons.years)
    if (cons.doc_ref is not None and cons.period_kind == "target" and not cons.period_implied
            and cons.asks == "quantity"):
        return {cons.doc_ref.year}
    return set()


def sentence_scopes(chunk, sents: list[str], figures: bool = False) -> list[set[int] | None]:
    """The years each sentence of a passage is about (None: as its passage). A chronicle
    entry stays about its own date whatever other years it mentions; a speech's date (its
    byline, with a speaker) is when it was said, so "2019年全区完成生产总值…" in a 2020
    speech is about 2019 only. With `figures` (a figure is asked), an entry's sentence naming
    its years is about those only: "2018年，…一般公共预算收入同比增长13.9%" reported on
    25 February 2019 is 2018's figure, whatever happened that day."""
    from rag.ingest.profile import document_rules
    scopes = document_rules().sentence_scopes(sents, chunk.ref_year)
    if chunk.date and not chunk.speaker and not figures:
        own = int(chunk.date[:4])
        scopes = [(sc | {own}) if sc is not None else None for sc in scopes]
    return scopes


def span_for_year(cons: Constraints, years: set[int]) -> bool:
    """A figure for several years ("“十三五”时期…新增就业5000万人以上", "五年年均增长9.3%")
    does not give one year's figure."""
    return (cons.asks == "quantity" and len(cons.years) == 1 and len(years) >= 3
            and str(cons.years[0]) in cons.question)      # "“十二五”末" asks the state at the span's end


def _single_years(chunk, sentence: str) -> set[int]:
    from rag.ingest.profile import document_rules
    return document_rules().sentence_years(sentence, chunk.ref_year, spans=False)


def plan_for_outcome(cons: Constraints, chunk, scope: set[int] | None, sentence: str) -> bool:
    """A sentence that plans, for a question whose wording only suggests it asks what
    happened ("2016年城镇新增就业多少人"), or one that records, for a target question: kept,
    but the other kind is preferred."""
    stance = sentence_stance(sentence)
    if cons.period_kind == "target":
        # a sentence of a report's review that does not say so itself ("基本建成511万套")
        # records too; a chronicle's dated entry records what was set, so it stays neutral
        return stance == "record" or (not stance and chunk.stance == "review" and not chunk.date)
    if cons.period_kind != "outcome":
        return False
    if stance:
        return stance == "plan"
    if chunk.stance != "plan":
        return False
    return scope is None or not chunk.ref_year or min(scope) >= chunk.ref_year


def time_misses(cons: Constraints, chunk, misses: list[str], scope: set[int],
                 asked: set[int], sentence: str = "") -> list[str]:
    """A sentence whose own words (or its paragraph's opening) say which years it speaks of is
    judged by those, not by its passage: "去年…增长7.8%" in a 2013 plan answers for 2012, and
    "过去一年…" in a chapter on 2011 does not answer for 2011."""
    misses = [m for m in misses if m not in ("year", "period")]
    if (not asked <= scope if is_period(sorted(asked)) else not scope & asked) or (
            span_for_year(cons, scope) and not asked & _single_years(chunk, sentence)):
        misses.append("year")               # "十一五" is not answered by 2008-2012 or by 2009 alone
    elif (cons.period_kind == "outcome" and not cons.period_implied and chunk.stance == "plan"
          and chunk.ref_year and min(scope) >= chunk.ref_year):
        misses.append("period")             # still this year's plan, not what happened
    return misses


# A text dated before this month of the asked year cannot record the whole year's outcome; from
# it on, a year-end summary may ("全年完成…" said in late December). Not tuned: the last month.
YEAR_END_MONTH = 12


def said_before_the_end(cons: Constraints, chunk, asked: set[int], sentence: str) -> bool:
    """An explicit outcome question ("实际开工了多少个", "actually finished by the end of March")
    is not answered by a dated text (a speech, an entry) from before the asked period ended,
    unless the sentence itself records what was done ("已完成…")."""
    if cons.period_kind != "outcome" or not (asks_actual(cons.question) or cons.as_of) or not asked \
            or not chunk.date:
        return False
    dated = [d for d in cons.dates if d.year in asked]
    end = (f"{cons.as_of}-31" if cons.as_of       # "到2020年底是否已…": the state at that month's end
           else f"{dated[-1].year}-{dated[-1].month:02d}-{dated[-1].day_to:02d}" if dated
           else f"{max(asked)}-12-31")
    if chunk.date > end:
        return False
    # said on the very day asked about ("as he urged on 11 March"): the words, not their outcome.
    # What a text records as done answers, unless the question asks a whole year the text was
    # written well before the end of: a June speech's "完成新增就业8680人" is last year's, or
    # this year's so far, not what the year brought
    return _span_not_over(cons, chunk, asked) or sentence_stance(sentence) != "record"


def _span_not_over(cons: Constraints, chunk, asked: set[int]) -> bool:
    """Whether the question asks a whole year or a whole part of one (no day or month) and the
    text is dated by its month before that span was over: before the year's last month, or on or
    before the last day of the part ("上半年" asked, a 14 June speech)."""
    if cons.dates or cons.as_of or len(chunk.date or "") < 7:
        return False                # a text dated by its year alone: when in it, unknown
    from rag.ingest.profile import document_rules
    rules = document_rules()
    parts = rules.part_of_year(cons.question) if hasattr(rules, "part_of_year") else set()
    if parts - {"year"}:
        last = max(_PART_END.get(p) or int(re.search(r"(\d+)$", p).group(1)) for p in parts - {"year"})
        return chunk.date <= f"{max(asked)}-{last:02d}-31"
    return chunk.date < f"{max(asked)}-{YEAR_END_MONTH:02d}"


# The last month of a part of the year as rag's domain profile names it (part_of_year); "M1-4"
# (1~4月) ends on its own last month.
_PART_END = {"Q1": 3, "Q2": 6, "Q3": 9, "Q4": 12, "Q1-3": 9, "H1": 6, "H2": 12}


# "全年" (the whole year) of a text dated before its own year ended: the year before's, or an aim
_WHOLE_YEAR = re.compile(r"全年")


def whole_year_not_over(cons: Constraints, chunk, asked: set[int], sentence: str) -> bool:
    """Whether a sentence gives a whole year's result ("古城全年接待游客…") in a text dated
    before that year was over, for a question on what that year brought: a June 2020 speech's
    "全年" is 2019's."""
    if cons.period_kind != "outcome" or not asked or len(chunk.date or "") < 7 or not _WHOLE_YEAR.search(sentence):
        return False            # a text dated by its year alone: when in it, unknown
    year, month = chunk.date[:4], chunk.date[5:7]
    return year.isdigit() and int(year) in asked and month < "12" and sentence_stance(sentence) != "plan"
