"""Evidence that satisfies a question's constraints, or the reasons none does.

A sentence answers a question only if what the question fixes holds for it, in the sentence,
its passage or its document's profile: the year asked about (a figure in the 2019 report's
review of 2018 is a 2018 figure), outcome or target, the place (a national figure does not
answer a question about one province), and the kind of value asked for (an amount, a share,
a number of people). A sentence that only restates the question is no answer. When no
sentence of the retrieved passages satisfies the constraints, the answer is a decline that
says what did not match.

The checks on time (rag.answer.periods), on figures (rag.answer.quantities), on people
(rag.answer.speakers), on place (rag.answer.place_scope), on a figure's subject
(rag.answer.subjects) and on the value one sentence gives (rag.answer.values) live beside
this module; it combines them sentence by sentence.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from rag.answer.constraints import Constraints, asks_actual, frame_free, is_period, is_text_title, named_texts
from rag.answer.entities import ASKED_APART, ENTITY_ALTS, entity_missing
from rag.answer.periods import (asked_years, of_another_day, other_day, other_event, own_day, plan_for_outcome,
                                 said_before_the_end, sentence_scopes, span_for_year, time_misses,
                                 whole_year_not_over, years_of)
from rag.answer.place_scope import (_CLAUSE_SPLIT, _chinese_place, _own_place, _own_scope, _part_of_asked_place,
                                     _short_place, _speaks_for, place_words)
from rag.answer.query import bigrams, chinese_terms, match_text
from rag.answer.speakers import (TITLES_SEP, asked_speakers, credits_only_others, known_speakers, named_people,
                                  names_one, required_people, said_by_them)
from rag.answer.subjects import _subject_groups, subject_terms
from rag.answer.values import _ASKS_YEAR, _CJK, _ordinals, asks_whether, english_ordinals, \
    numbered_in, sentence_misses
from rag.retrieve.people import reads_as
from rag.types import Hit

@dataclass
class Check:
    """One sentence of one passage against the constraints."""
    hit: int                        # index into the hits
    start: int
    end: int
    misses: list[str] = field(default_factory=list)     # "year", "period", "place", "value", "restates"
    soft: list[str] = field(default_factory=list)       # fits, but less well: "period" (a plan for an outcome)
    why: list[str] = field(default_factory=list)        # which value check made a "value" miss ("subject")

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

    def nearest_misses(self) -> list[str]:
        """What ruled out the sentence that came closest to answering: the fewest kinds of miss,
        the best-ranked passage and its earliest sentence first ("entity", or "person", "year").
        Shown with a decline, and counted by `rag eval` so a set's declines can be told apart
        by the check that made them."""
        ruled_out = [c for c in self.checks if c.misses]
        if not ruled_out:
            return []
        near = min(ruled_out, key=lambda c: (len(set(c.misses)), c.hit, c.start))
        # a value miss says which value check made it: "value:subject" (a figure of something else)
        return sorted({f"value:{near.why[0]}" if m == "value" and near.why else m for m in near.misses})

    def soft_misses(self) -> dict[tuple[int, int, int], int]:
        """Sentences that fit but less well, with how many preferences they miss."""
        return {(c.hit, c.start, c.end): len(c.soft) for c in self.checks if c.ok and c.soft}


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


_YEAR_IN_TITLE = re.compile(r"(?:19|20)\d{2}")


def passage_misses(cons: Constraints, hit: Hit) -> list[str]:
    """What a passage as a whole fails: the year, outcome vs target, the place, the document."""
    misses = []
    c = hit.chunk
    ref = cons.doc_ref
    if ref is not None and str(ref.year) not in c.doc_title and c.ref_year != ref.year:
        period = set(range(c.doc_period[0], c.doc_period[1] + 1)) if c.doc_period else set()
        # a document whose own year is known is another year's ("2014年政府工作报告": not the
        # 2015 report, though its review covers 2014); one of unknown year may be it if it covers it
        dated = c.ref_year is not None or _YEAR_IN_TITLE.search(c.doc_title)
        if dated or (ref.year not in period and ref.year not in c.years):
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
    asked_ordinals = _ordinals(cons.question)
    held = _ordinals(text) if asked_ordinals else set()
    # "第二次和第三次推进会上…各自": asked one by one, a passage holds one of them
    one_by_one = len(asked_ordinals) > 1 and ASKED_APART.search(cons.question)
    if asked_ordinals and (not any(o in held for o in asked_ordinals) if one_by_one
                           else not all(o in held for o in asked_ordinals)):
        misses.append("entity")             # "第三百八十次晨会" is not the 375th
    else:
        asked = english_ordinals(cons.question) if cons.lang == "en" else set()
        if asked and not asked <= numbered_in(text):
            misses.append("entity")         # "the fifth session": not "第四次会议"
    # the programme may be named at the end of the paragraph before ("实施两年新增4万亿元的投资
    # 计划。" / "…重大基础设施建设占23.6%"): what a paragraph goes on about
    if entity_missing(cons, f"{c.lead_in}\n{text}" if c.lead_in else text) \
            and not of_another_day(cons, c, cons.entities):
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


@functools.lru_cache(maxsize=256)
def _pinyin_names(question: str) -> tuple:
    from rag.retrieve.people import pinyin_names
    return tuple(pinyin_names(question))


# What was said after a meeting ("会后，某某强调…一是…二是…") is the follow-up of whoever spoke,
# not what the meeting required; a question asking about the time after it says so.
_AFTER_MEETING = "会后"
_ASKS_AFTER = re.compile(r"会后|会议后|召开后|结束后|之后|\bafter\b|\bafterwards\b|\bfollowing\b", re.I)
# a directive's verbs, 要 among them (query.REQUIREMENT_WORDS ranks answers by the strong ones and
# by deadlines; here any directive will do)
_REQUIRES = re.compile(r"要求|强调|指出|提出|部署|要|必须|务必|确保|应当|需")
_ASKS_MEETING = re.compile(r"会议|会上|\bmeeting\b|\bconference\b", re.I)


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
    subject = subject_terms(cons) if cons.asks == "quantity" or asks_whether(cons) else None
    # an English subject's phrases, for "two of several" (see subjects._one_word_of_many)
    phrases = _subject_groups(frame_free(cons), frozenset(place_words(cons))) \
        if subject and cons.lang == "en" and cons.asks == "quantity" else ()
    people = required_people(cons, hits)
    # who acted in the very sentence: checked for those the question names with a title, as
    # before; a bare name or a title's holder need only be in the passage (an entry's "会上，
    # 某某要求，…。要…。" names its speaker once, before the sentences that carry what was said)
    titled = [[n] for n in named_people(cons.question)]
    speakers = known_speakers(cons, hits, people)
    asked_people = asked_speakers(cons.question, people)     # whose words are asked, of those named
    asked = asked_years(cons)
    actual = cons.period_kind == "outcome" and asks_actual(cons.question)
    planned = cons.period_kind == "target" and not cons.period_implied and cons.doc_ref is not None
    checks: list[Check] = []
    pmiss: dict[int, list[str]] = {}
    texts = _named_texts(cons, hits)
    # people asked about one by one ("2月11日张某、6月25日李某…分别提出了什么"): each in his own
    # passage, so a passage need name one of them; otherwise it names all
    each = any if len(people) > 1 and ASKED_APART.search(cons.question) else all
    for i, hit in enumerate(hits):
        pm = passage_misses(cons, hit)
        if texts and "document" not in pm and _in_another_text(hit.chunk.section, texts):
            pm.append("document")           # "…在区委经济工作会议上的讲话…": not the work report
        # a later paragraph of a chronicle entry ("二要…") speaks in its entry's scene
        scene = hit.chunk.scene or ""
        where = f"{hit.chunk.speaker or ''} {scene} {hit.chunk.lead_in or ''} {hit.chunk.text}"
        if people and not each(names_one(g, where) for g in people):
            pm.append("person")             # the question names someone the passage does not
        pmiss[i] = pm
        text = hit.chunk.text
        spans = list(sentences(text))
        ptext = match_text(hit.chunk)
        # a year asked for is what the sentence names: "面向2030年的…项目" launched in 2016 is of
        # its passage's time, not 2030's
        scopes = (sentence_scopes(hit.chunk, [text[s:e] for s, e in spans], figures=cons.asks == "quantity")
                  if asked and not (cons.asks == "date" and _ASKS_YEAR.search(cons.question)) else None)
        # who a passage is about: its speaker and those its opening sentence names; someone
        # named only further on ("传达了某某讲话精神") is not who acted in it
        opening = scene or text             # an entry's opening sentence, for its later paragraphs too
        lead = opening[:next(iter(sentences(opening)), (0, 0))[1]]
        actors = f"{hit.chunk.speaker or ''} {lead}"
        # a lower unit's entry whose opening names the asked place ("某市…推进会召开") is about it
        own = _own_place(hit.chunk.doc_place)
        # an entry whose subject is the asked place's ("3月3日，某市…会议召开") speaks for it
        about_asked = bool(cons.place) and _short_place(_chinese_place(cons.place) or "") in "".join(
            _CLAUSE_SPLIT.split(opening, maxsplit=2)[:2])
        part_of_place = ("place" not in pm and _part_of_asked_place(cons, hit)
                         and not _speaks_for(cons, lead, own))
        # a chronicle entry's date, not a speech's (when it was said, not when what it tells happened)
        entry_day = (cons.asks == "date" and not hit.chunk.speaker and not _ASKS_YEAR.search(cons.question)
                     and own_day(cons, hit.chunk.date))
        # a meeting's requirements asked, with nobody named: what follows "会后" is another's
        follow_up = (text.find(_AFTER_MEETING) if cons.asks == "requirement" and not people and not titled
                     and _ASKS_MEETING.search(cons.question) and not _ASKS_AFTER.search(cons.question) else -1)
        # an entry crediting words to others only ("…张某出席。…李某要求，…"): what the asked
        # person said is not in it, its scene included
        others_only = (bool(speakers) and "person" not in pm and bool(hit.chunk.date) and not hit.chunk.speaker
                       and credits_only_others(scene + text, speakers, asked_people))
        for j, (s, e) in enumerate(spans):
            sent = text[s:e]
            why: list[str] = []
            sm = sentence_misses(cons, sent, qb, subject, ptext, ptext[:ptext.find(sent)] if sent in ptext else ptext,
                                 phrases, why)
            if follow_up >= 0 and e > follow_up:
                sm.append("person")         # "省里在会上提出了哪些要求": "会后，某区长强调…" is not it
            elif follow_up >= 0 and not _REQUIRES.search(sent):
                sm.append("value")          # before it, "是日…收听收看…会议" requires nothing
                why.append("nothing-required")
            if speakers and "person" not in pm and not said_by_them(scene + text[:e], speakers, asked_people,
                                                                       credited=asked_people != people):
                sm.append("person")         # "What did 李某 require": 张某要求… is someone else's
            elif others_only:
                sm.append("person")         # an entry where only others speak ("…李某出席。…王某要求")
            if titled and "person" not in pm and not each(names_one(g, sent) or names_one(g, actors)
                                                          for g in titled):
                sm.append("person")
            if part_of_place and "place" not in sm and not _speaks_for(cons, sent, own):
                sm.append("place")          # a district's "要对19家风险企业…" is not the city's
            elif "place" not in sm and not about_asked and _own_scope(cons, sent, own):
                sm.append("place")          # a county-level city's "全市341个行政村" is not its prefecture's
            if entry_day and j == 0 and "value" in sm:
                sm.remove("value")          # a dated entry's day is its opening event's: "on what day…"
                why.clear()
            if cons.asks == "date" and "value" not in sm and other_event(cons.question, sent):
                sm.append("value")          # "什么时候完工": the day of a visit to the site is not it
                why.append("other-event")
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
            elif soft and planned and hit.chunk.stance == "review" and "period" not in misses:
                misses, soft = misses + soft, []    # "what did the 2014 report plan": not its review of 2013
            checks.append(Check(i, s, e, misses + sm, soft, why))
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
                # a programme, or else a name in pinyin ("Dongcun"); a numbered session, unnamed
                what = "、".join([e.split(ENTITY_ALTS)[0] for e in cons.entities if _CJK.search(e)]
                                or [w for w, _ in _pinyin_names(cons.question)]) or (
                    "问题所说的会议或名称" if lang == "zh" else "the meeting or name the question gives")
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
    if cons.period_kind == "outcome" and any(c.misses == ["period"] for c in clean):
        # a sentence that would answer but for its time: a plan, or words said before then
        seen.append(f"资料只有{years or '所问时间'}之前的部署或计划，没有说明实际完成情况" if lang == "zh" else
                    "the documents give what was planned or said before then, not what was done")
    if cons.place and any("place" in c.misses for c in clean):
        seen.append(f"相关段落说的是其他地方的情况，没有{cons.place}的" if lang == "zh" else
                    f"the passages speak for another place, not {cons.place}")
    return list(dict.fromkeys(seen))[:3]
