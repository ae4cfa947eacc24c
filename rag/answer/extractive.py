"""Answer without a model: quote the passage sentences that best match the question.

Every sentence emitted is a verbatim substring of its passage, so its citation verifies.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Iterator

from rag.answer import evidence as constraint_check
from rag.answer.base import ABSTAIN, Answerer
from rag.answer.constraints import Constraints, asks_actual, extract, frame_free
from rag.answer.enumeration import requirement_run, run_near
from rag.answer.periods import asked_years, own_day
from rag.answer.place_scope import place_words
from rag.answer.query import (MIN_EVIDENCE, MIN_EVIDENCE_EN, REQUIREMENT_WORDS, answer_kind, asks_several,
                              asks_for_requirements, chinese_terms, detect_lang, english_terms,
                              english_groups, evidence, focus_terms, group_coverage, has_answer_kind, match_text, mostly_cjk,
                              term_coverage, zh_segments, QWORD_ZH)
from rag.answer.quantities import CHANGE_Q
from rag.answer.question_kind import TEMPORAL_LEAD, without_relative_who
from rag.answer.subjects import EXPRESSION_SHARE, SCENE_SUBJECT
from rag.answer.values import value_clause
from rag.ingest.instructions import safe_title
from rag.types import Hit

TOP_PASSAGES = 5        # passages considered
MAX_PASSAGES = 2        # passages quoted
# Sentences quoted, and the share of the best score a further sentence of the best passage needs.
# Origin: tune parts of both sets (with batches 17-18), extractive: keyword recall bundled
# 0.910 -> 0.924, gov-reports 0.930 = 0.930, citation precision unchanged, when they went from
# 4 and 0.5 to 6 and 0.4 (grid: 5/0.5 0.913, 6/0.5 0.916, 4/0.4 0.914, 5/0.4 0.920, 5/0.3 0.920);
# answers 13% longer on the bundled set.
MAX_SENTENCES = 6
MIN_SENTENCE_CHARS = 6
KEEP_SAME_PASSAGE = 0.4
KEEP_OTHER_PASSAGE = 0.95   # ... and one from another passage this share
RANK_WEIGHT = 0.2           # prior for the retriever's order
# How much a sentence's passage's share of the question counts beside its own (0.6): a dated
# entry is one event, whose scene the question describes and whose detail it asks ("who went
# along" is "区领导某某陪同。", the sentence after "张某到某市民之家调研。"). Origin: tune parts of
# both sets with batch 32, extractive: 0.25 -> 0.6 citation precision bundled 0.948 -> 0.953,
# gov-reports 0.951 -> 0.953, keyword recall 0.908 -> 0.914, 0.923 -> 0.924; 0.45 and 0.8 within a question of it.
PASSAGE_WEIGHT = 0.6
# A sentence that fits but misses a preference (a plan where the question suggests an
# outcome) loses this much score. Origin: tune parts of both sets, extractive; see README.
SOFT_PENALTY = 0.3
# The share of the question a sentence counts as holding when it holds none itself but its
# passage's scene does (see select): above nothing, below any sentence holding one word. Not tuned.
SCENE_COVERAGE = 0.01
PART_SENTENCES = 2          # sentences quoted per question of a compound question
UNLIMITED_CONTEXT = 10 ** 9    # context_budget: every hit reaches select (not a tuned value)
MAX_RUN_ITEMS = 10          # items quoted of an enumerated run (rag.answer.enumeration); no tune list is longer
# "要…" sentences quoted after a picked one, for a requirements question. Origin: bundled
# tune, keyword recall 0.9223 -> 0.9248 (one question needed 1; 3 lets a short list through).
FOLLOWING_REQUIREMENTS = 3

_YEARS = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年?(?!\d)")
# Sentences: up to 。！？；!?; plus closing quotes (the chunker's rule), with offsets.
_SENTENCE = re.compile(r"[^。！？；!?;\n]+(?:[。！？；!?;]+[”’」』）)]*|$)")


@dataclass
class _Sentence:
    rank: int           # passage number - 1
    pos: int            # sentence index within the passage
    start: int
    end: int
    score: float
    cov: float          # share of the question's terms in the sentence


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
            # the first part's place and years ("…of Pingyang's … in 2020, how did he…, and what
            # standing was it meant to keep?": Pingyang's)
            if first.place and not c.place and first.place.lower() not in p.lower():
                suffix += f" in {first.place}"
            suffix += "".join(f" in {y}" for y in first.years if not c.years)
        out.append(prefix + p[:-1] + suffix + p[-1])
    return out


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
# "which"/"whom" followed by its clause's own subject ("…, which the report says…", "…, whom
# he met…") relates to the noun before it; a question would invert ("which did the report…").
_RELATIVE_CLAUSE = re.compile(r"(?:which|whom)\s+(?:the|a|an|this|these|those|his|her|its|their|he|she|it|"
                              r"they|we|you)\b", re.I)
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
        if lang == "en" and "and" not in m.group(0).lower() and _RELATIVE_CLAUSE.match(question, m.end()):
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


def passage_sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of text, leading/trailing whitespace excluded."""
    from rag.textsim import match_spans
    return match_spans(_SENTENCE, text)


class ExtractiveAnswerer(Answerer):
    name = "extractive"

    def context_budget(self) -> int:
        """Every retrieved passage: quoting sentences costs no prompt, and a long passage
        packed out of a model's budget (context_tokens) may hold the part of the answer the
        others lack (select still reads only the TOP_PASSAGES best)."""
        return UNLIMITED_CONTEXT

    def stream(self, question: str, hits: list[Hit], lang: str | None = None) -> Iterator[str]:
        lang = lang or detect_lang(question)
        cons = extract(question)
        parts = answer_parts(question)
        if len(parts) > 1:
            picked, leads = self._select_parts(parts, hits, lang)
        else:
            picked = self.select(question, hits, lang, cons)
            leads = [self._lead(picked[0], hits, lang, cons)] if picked else []
        if not picked:
            yield ABSTAIN[lang]
            return
        picked = self._widen(picked, hits, question, cons)
        yield from self._compose(picked, hits, lang, [x for x in leads if x])

    def _select_parts(self, parts: list[str], hits: list[Hit], lang: str):
        """Each question of a compound one ("…多少人？年末失业率是多少？") answered on its
        own: its best sentences and its lead line, in the order asked."""
        picked: list[_Sentence] = []
        leads: list[str | None] = []
        for part in parts:
            cons = extract(part)
            got = self.select(part, hits, lang, cons)[:PART_SENTENCES]
            if not got:
                continue
            leads.append(self._lead(got[0], hits, lang, cons))
            seen = {(p.rank, p.start) for p in picked}
            picked += [g for g in got if (g.rank, g.start) not in seen]
        return picked, list(dict.fromkeys(leads))

    def select(self, question: str, hits: list[Hit], lang: str,
               cons: Constraints | None = None) -> list[_Sentence]:
        """The sentences to quote: best first by score, at most MAX_PASSAGES passages.

        Only sentences that satisfy the question's constraints (rag.answer.evidence) are
        candidates, from every retrieved passage: the year, outcome or target, the place and
        the kind of value asked for."""
        cons = cons or extract(question)
        top = hits[:TOP_PASSAGES]
        decision = constraint_check.check(cons, top, passage_sentences)
        allowed, soft = decision.ok_sentences(), decision.soft_misses()
        # The years asked about are checked sentence by sentence above; as words they would only
        # favour sentences that name a year over those that give the figure.
        worded = _YEARS.sub("，", question) if asked_years(cons) else question
        if cons.doc_ref is not None and cons.doc_ref.text:
            worded = worded.replace(cons.doc_ref.text, "，")     # "the 2017 report": checked apart too
        zh_terms = ((chinese_terms(worded, lang) - place_words(cons))
                    or chinese_terms(question, lang))
        en_terms = english_terms(worded) if lang == "en" else set()
        # English against Chinese passages: one alternative per phrase is enough
        groups = english_groups(worded, place_words(cons)) if lang == "en" else []
        wants_req = asks_for_requirements(question)
        focus = focus_terms(question, lang)
        kind = answer_kind(question)
        cands: list[_Sentence] = []
        any_overlap = any_terms = False
        # "Who delivered the 2017 report?": answered by that report's byline, which shares no word
        bylines = ({r for r, h in enumerate(top) if constraint_check.byline_answers(cons, h.chunk.text)}
                   if cons.doc_ref is not None and cons.asks in ("person", "date") else set())
        for r, hit in enumerate(top):
            text = hit.chunk.text
            cjk = mostly_cjk(text)
            terms = zh_terms if (lang == "zh" or cjk) else en_terms
            any_terms |= bool(terms)
            passage_cov = term_coverage(terms, match_text(hit.chunk)) if terms else 0.0
            spans = passage_sentences(text)
            # a dated entry's scene (its opening) was ruled out, yet it is what matches the question;
            # a report's or a speech's paragraph has no scene: its sentences stand on their own
            scene_only = (bool(spans) and (r, *spans[0]) not in allowed and bool(hit.chunk.date)
                          and not hit.chunk.speaker and passage_cov >= SCENE_SUBJECT)
            for pos, (s, e) in enumerate(spans):
                sent = text[s:e]
                if len(sent) < MIN_SENTENCE_CHARS:
                    continue
                if (r, s, e) not in allowed:
                    continue
                cov = ((group_coverage(groups, sent, EXPRESSION_SHARE)
                        if groups and cjk else term_coverage(terms, sent)) if terms else 0.0)
                if r in bylines:
                    cov = 1.0
                if not cov and scene_only:
                    # "会议要求各乡镇要落实网格监管" shares no word with the question, but its
                    # passage's scene ("5月8日，全县环保攻坚推进会召开", no requirement) matches it
                    cov = SCENE_COVERAGE
                any_overlap |= cov > 0
                # Weights set on eval/sets/bundled.jsonl with the product retriever: citation
                # precision 0.880 -> 0.911, keyword recall 0.805 -> 0.853 when RANK_WEIGHT went
                # 0.1 -> 0.2, KEEP_OTHER 0.85 -> 0.95, MAX_SENTENCES 3 -> 4 (0.3 scores 0.921 but
                # lets the retriever's order overrule content when it ranks the answer 2nd): the sentence's share of
                # the question, its passage's share (scene: date, meeting), the asked-about clause,
                # requirement and number/date cues, then rank and position as tie-breakers.
                score = (0.6 * cov + PASSAGE_WEIGHT * passage_cov
                         + (0.4 * term_coverage(focus, sent) if focus and cjk else 0.0)
                         + (0.25 if wants_req and REQUIREMENT_WORDS.search(sent) else 0.0)
                         + (0.15 if has_answer_kind(sent, kind) else 0.0)
                         + RANK_WEIGHT / (1 + r) - 0.01 * min(pos, 10)
                         - SOFT_PENALTY * soft.get((r, s, e), 0))
                cands.append(_Sentence(r, pos, s, e, score, cov))
        if not cands or (any_terms and not any_overlap):
            return []           # nothing in the passages touches the question
        if any_overlap:         # a sentence sharing no word with the question is no answer
            cands = [c for c in cands if c.cov > 0]
        ev = evidence(question, top, lang)
        if ev is not None and ev < (MIN_EVIDENCE_EN if lang == "en" else MIN_EVIDENCE) \
                and not any(c.rank in bylines for c in cands):
            return []
        # A second passage only when the question asks for several facts: otherwise it is
        # usually a near-duplicate that dilutes the citation (precision 0.936 -> 0.949).
        max_passages = MAX_PASSAGES if asks_several(question) else 1
        cands.sort(key=lambda c: -c.score)
        best = cands[0]
        picked = [best]
        for c in cands[1:]:
            if len(picked) >= MAX_SENTENCES:
                break
            passages = {p.rank for p in picked}
            same = c.rank == best.rank
            if c.score < best.score * (KEEP_SAME_PASSAGE if same else KEEP_OTHER_PASSAGE):
                continue
            if not same and c.cov < best.cov:
                continue        # another passage only when it matches the question as well
            if c.rank not in passages and len(passages) >= max_passages:
                continue
            picked.append(c)
        return self._after_scene(picked, cands, top, cons)

    @staticmethod
    def _after_scene(picked: list[_Sentence], cands: list[_Sentence], top: list[Hit],
                     cons: Constraints) -> list[_Sentence]:
        """A dated entry's opening sentence sets the scene ("3月17日，某部长来某县调研…"), which
        shares most words with the question; what was asked usually follows it ("…一行先后到
        市图书馆、…"). So the sentence after it is quoted too, when it passes the checks."""
        best = picked[0]
        chunk = top[best.rank].chunk
        if best.pos != 0 or cons.asks == "date" or not chunk.date or chunk.speaker:
            return picked
        nxt = next((c for c in cands if c.rank == best.rank and c.pos == 1), None)
        if nxt is None or nxt in picked or len(picked) >= MAX_SENTENCES:
            return picked
        return [best, nxt, *picked[1:]]

    @staticmethod
    def _widen(picked: list[_Sentence], hits: list[Hit], question: str,
               cons: Constraints) -> list[_Sentence]:
        """Sentences of the quoted passages that complete the quote when the question asks
        for requirements or a list: the enumerated run ("一要…。二要…。三要…。") a picked
        sentence introduces or belongs to, and the "要…" sentences right after a picked one."""
        if not (cons.asks in ("requirement", "list") or asks_for_requirements(question)):
            return picked
        out = list(picked)
        have = {(p.rank, p.pos) for p in picked}
        for r in dict.fromkeys(p.rank for p in picked):
            text = hits[r].chunk.text
            spans = passage_sentences(text)
            mine = {p.pos for p in picked if p.rank == r}
            sents = [text[s:e] for s, e in spans]
            extra = run_near(sents, mine)[:MAX_RUN_ITEMS]
            for pos in sorted(mine):
                extra += requirement_run(sents, pos, FOLLOWING_REQUIREMENTS)
            for pos in extra:
                if (r, pos) not in have:
                    have.add((r, pos))
                    out.append(_Sentence(r, pos, spans[pos][0], spans[pos][1], 0.0, 0.0))
        return out

    def _compose(self, picked: list[_Sentence], hits: list[Hit], lang: str,
                 leads: list[str]) -> Iterator[str]:
        for lead in leads:
            yield lead + "\n"
        order = list(dict.fromkeys(p.rank for p in picked))      # passage of the best sentence first
        for gi, r in enumerate(order):
            chunk = hits[r].chunk
            spans = sorted((p.pos, p.start, p.end) for p in picked if p.rank == r)
            merged: list[list[int]] = []
            for pos, s, e in spans:                   # adjacent sentences become one quote
                if merged and pos == merged[-1][0] + 1:
                    merged[-1][0], merged[-1][2] = pos, e
                else:
                    merged.append([pos, s, e])
            meta = [x for x in (chunk.section.split(" > ")[-1] if chunk.section else "",
                                chunk.date, chunk.speaker) if x]
            # hook (issue 12): a title or heading that holds an instruction is withheld, never quoted
            title, meta = safe_title(chunk.doc_title, lang), [safe_title(x, lang) for x in meta]
            if lang == "zh":
                head = f"据《{title}》" + (f"（{'，'.join(meta)}）" if meta else "") + "："
            else:
                head = f"According to 《{title}》" + (f" ({', '.join(meta)})" if meta else "") + ":"
            yield ("\n" if gi or leads else "") + head + "\n"
            for _, s, e in merged:
                yield f"“{chunk.text[s:e]}”[{r + 1}]\n"

    @staticmethod
    def _lead(best: _Sentence, hits: list[Hit], lang: str, cons: Constraints | None) -> str | None:
        """The answer's first line: the clause of the best sentence that carries the asked-for
        value (the figure, the person, the date), with its citation. None when the question
        asks for requirements or a list: the quotes that follow are the answer."""
        if cons is None or cons.asks not in ("quantity", "person", "date"):
            return None
        chunk = hits[best.rank].chunk
        text = chunk.text
        clause, value = value_clause(cons, text[best.start:best.end])
        n = best.rank + 1
        if not clause and cons.asks == "date" and not chunk.speaker and own_day(cons, chunk.date):
            y, m, d = (int(x) for x in chunk.date.split("-"))
            # the entry's own day, as the document dates it ("29日" under "7月" of 2019)
            return f"答：{y}年{m}月{d}日[{n}]" if lang == "zh" else \
                f"Answer: {d} {calendar.month_name[m]} {y} ({y}年{m}月{d}日) [{n}]"
        if not clause:
            return None
        if lang == "zh":
            return f"答：{clause}[{n}]"
        return f"Answer: {value} (“{clause}”) [{n}]" if value else f"Answer: “{clause}” [{n}]"
