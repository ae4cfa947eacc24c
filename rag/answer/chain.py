"""One question through the pipeline: condense -> retrieve -> abstain? -> context -> generate -> verify.

Built from langchain_core runnables (two RunnableLambda steps and a streaming
RunnableGenerator), behind two plain functions:

    answer_question(question, retrieve, answerer, history=None, lang=None, on_token=None) -> Answer
    stream_answer(question, retrieve, answerer, history=None, lang=None) -> Iterator[dict]

Events of `stream_answer`, in order:
    {"type": "hits", "standalone_question": str, "hits": [Hit]}      after retrieval
    {"type": "token", "text": str}                                   answer text deltas
    {"type": "reset", "notice": str}    the model failed mid-answer: drop the tokens so far,
                                        an extractive answer follows
    {"type": "answer", "answer": Answer}                             last; its .answer is the
                                        verified text (markers fixed, unsupported claims flagged)
"""
from __future__ import annotations

import time
from typing import Callable, Iterator

from rag.answer.base import ABSTAIN, Answerer, LLMError
from rag.answer.condense import condense
from rag.answer.context import build_context
from rag.answer.decline import judge as judge_evidence
from rag.answer.decline import reason as decline_reason
from rag.answer.constraints import extract
from rag.answer.evidence import check as check_evidence
from rag.answer.evidence import reasons as evidence_reasons
from rag.answer.extractive import ExtractiveAnswerer, passage_sentences
from rag.answer.parts import answer_parts
from rag.answer.query import MIN_EVIDENCE, detect_lang, weak_evidence
from rag.answer.verify import verify_answer
from rag.types import Answer, Hit

Retriever = Callable[[str], list[Hit]]
# An LLM answer in which no citation verifies is replaced by the extractive answer (with a
# notice): small local models often produce fluent text the passages do not back, or template
# junk with no citation at all. Flagging alone would leave the user nothing usable. An answer
# that echoes prompt scaffolding or a sentence flagged as an instruction is replaced too
# (rag.ingest.instructions.output_problem).
FALLBACK_WHEN_UNVERIFIED = True
__all__ = ["MIN_EVIDENCE", "FALLBACK_WHEN_UNVERIFIED", "answer_question", "stream_answer", "build_chain", "is_abstention"]


OFF_TOPIC = {"zh": "检索到的段落只包含问题中很少的内容", "en": "the passages found hold too little of the question"}


def _part_answers(part: str, hits, embedder) -> bool:
    """Whether one question of a compound one has a candidate the decline model accepts."""
    cons = extract(part)
    decision = check_evidence(cons, hits, passage_sentences)
    return decision.satisfied and not judge_evidence(cons, hits, decision, embedder).decline


def _each_day_answers(cons, hits, decision) -> bool:
    """Whether a question on days asked about one by one ("3月3日…、3月5日…时都讲到了“X”，
    分别…") finds, for each day, a candidate in that day's entry that holds every name the
    question gives: each half is answered, though no sentence shares the whole question."""
    from rag.answer.periods import dated_on, days_asked_apart
    days = days_asked_apart(cons.question)
    if not days or not cons.entities:
        return False
    held = {i for i, _, _ in decision.ok_sentences() if all(e in hits[i].chunk.text for e in cons.entities)}
    return all(any(dated_on(day, hits[i].chunk) for i in held) for day in days)


def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


def is_abstention(text: str) -> bool:
    t = text.strip()
    return any(t.startswith(p) or t == p.rstrip("。.") for p in ABSTAIN.values())


def _failure_notice(answerer: Answerer, err: Exception, lang: str) -> str:
    from rag.answer.openai_llm import redact
    reason = redact(str(err) if isinstance(err, LLMError) else f"{type(err).__name__}: {err}",
                    answerer.settings.llm_api_key)
    if lang == "zh":
        return f"{answerer.name} 模型调用失败（{reason}），以下为抽取式答案。"
    return f"The {answerer.name} model failed ({reason}); showing an extractive answer instead."


def _unverified_notice(answerer: Answerer, lang: str) -> str:
    if lang == "zh":
        return f"{answerer.name} 模型的回答无法与资料核对，以下为抽取式答案。"
    return f"The {answerer.name} model's answer could not be checked against the passages; showing an extractive answer instead."


def _llm_output_problem(raw: str, checked, hits: list[Hit], lang: str) -> str | None:
    """Why an LLM answer may not be shown as a clean answer: it echoes prompt scaffolding or
    instructions planted in a passage ("scaffolding", "instruction"), or none of its citations
    verifies ("unverified"). None when it may be shown."""
    from rag.ingest.instructions import output_problem
    problem = output_problem(raw, lang, hits)
    if problem:
        return problem
    if FALLBACK_WHEN_UNVERIFIED and not any(c.verified for c in checked.citations):
        return "unverified"
    return None


def _post_check_notice(answerer: Answerer, why: str, lang: str) -> str:
    if why == "unverified":
        return _unverified_notice(answerer, lang)
    if lang == "zh":
        return (f"{answerer.name} 模型的回答含有提示模板或资料中的指令性文字，未予采用，以下为抽取式答案。"
                if why == "scaffolding" else
                f"{answerer.name} 模型的回答复述了资料中疑似指令的文字，未予采用，以下为抽取式答案。")
    return (f"The {answerer.name} model's answer echoed prompt scaffolding and was not used; showing an extractive answer instead."
            if why == "scaffolding" else
            f"The {answerer.name} model's answer repeated instruction-like text from a document and was not used; "
            "showing an extractive answer instead.")


def merge_part_hits(hits: list[Hit], per_part: list[list[Hit]]) -> list[Hit]:
    """The passages for a compound question: the whole question's best, then the best for each
    part none of them answered ("2014年计划改建农村公路多少公里？当年实际新建改建了多少？": the second is answered by the next
    year's report, which the whole question, naming the 2014 report, does not reach), then the
    rest of the whole question's, as many as it had."""
    out, seen = [], set()
    for h in [hits[0], *(p[0] for p in per_part if p), *hits[1:]]:
        if h.chunk.id not in seen:
            seen.add(h.chunk.id)
            out.append(h)
    return out[:len(hits)]


def build_chain(retrieve: Retriever, answerer: Answerer, min_evidence: float = MIN_EVIDENCE):
    """The runnable: {"question", "history", "lang"} -> stream of event dicts (see module doc)."""
    from langchain_core.runnables import RunnableGenerator, RunnableLambda

    fallback = answerer if isinstance(answerer, ExtractiveAnswerer) else ExtractiveAnswerer(answerer.settings)

    def condense_step(state: dict) -> dict:
        t0 = time.perf_counter()
        q = state["question"]
        lang = state.get("lang") or detect_lang(q)
        llm_error = None
        try:
            standalone = condense(q, state.get("history"), llm=answerer, strict=True)
        except LLMError as e:           # the model is down: rules now, and no point asking it again
            llm_error = e
            standalone = condense(q, state.get("history"))
        timings = {"condense": _ms(t0)}
        return {**state, "lang": lang, "standalone": standalone, "llm_error": llm_error,
                "timings": timings, "t_start": state.get("t_start", t0)}

    def retrieve_step(state: dict) -> dict:
        t0 = time.perf_counter()
        hits = list(retrieve(state["standalone"]) or [])
        parts = answer_parts(state["standalone"])
        if len(parts) > 1 and hits:
            # a part asking of other years than the whole ("2014年报告计划…？当年实际…？") that no
            # passage answers gets its own search; a part that only goes on ("and by how much did
            # that grow?") has nothing of its own to search with
            whole = extract(state["standalone"])
            missing = [p for p, c in ((p, extract(p)) for p in parts)
                       if c.years and set(c.years) != set(whole.years)
                       and not check_evidence(c, hits, passage_sentences).satisfied]
            if missing:
                hits = merge_part_hits(hits, [list(retrieve(p) or []) for p in missing])
        state["timings"]["retrieve"] = _ms(t0)
        return {**state, "hits": hits}

    def generate(state: dict) -> Iterator[dict]:
        q, sq, lang, hits = state["question"], state["standalone"], state["lang"], state["hits"]
        timings = state["timings"]
        yield {"type": "hits", "standalone_question": sq, "hits": hits}

        def finish(text, citations, abstained, used, notice=None, declined_by=None, checks=()) -> dict:
            timings["total"] = _ms(state["t_start"])
            cons = state.get("constraints")
            return {"type": "answer", "answer": Answer(
                question=q, standalone_question=sq, answer=text, citations=citations,
                abstained=abstained, llm=used.name, timings_ms=timings, hits=hits, notice=notice,
                constraints=cons.to_dict() if cons else None, why=state.get("why") or [],
                declined_by=(declined_by or "answerer") if abstained else None, declined_checks=list(checks))}

        cons = extract(sq)
        decision = check_evidence(cons, hits, passage_sentences)
        state["constraints"] = cons
        # a compound question is answered when one of its questions is ("2015年和2016年的报告
        # 分别…": one report each)
        parts = answer_parts(sq)
        satisfied = decision.satisfied or (len(parts) > 1 and any(
            check_evidence(extract(p), hits, passage_sentences).satisfied for p in parts))
        answerable = satisfied and not weak_evidence(sq, hits, lang, min_evidence)
        declined = None
        if answerable and decision.satisfied:
            # the check leaves candidates: is the best of them an answer? (rag.answer.decline)
            judgement = judge_evidence(cons, hits, decision, answerer.settings.embedder)
            declined = judgement if judgement.decline else None
            if declined is not None and len(parts) > 1 and any(
                    _part_answers(p, hits, answerer.settings.embedder) for p in parts):
                declined = None     # one sentence rarely holds both halves; one half is an answer
            if declined is not None and _each_day_answers(cons, hits, decision):
                declined = None
        if not answerable or declined is not None:
            text = ABSTAIN[lang]
            if declined is not None:
                by, why = "judgement", [decline_reason(declined, lang)]
            elif satisfied:
                by, why = "off-topic", [OFF_TOPIC[lang]]
            else:
                by, why = "constraints", evidence_reasons(decision, hits, lang) if decision.checks else []
            state["why"] = why
            yield {"type": "token", "text": text}
            timings.update(generate=0.0, verify=0.0)
            yield finish(text, [], True, answerer, declined_by=by,
                         checks=decision.nearest_misses() if by == "constraints" else ())
            return

        t0 = time.perf_counter()
        ctx = build_context(hits, answerer.context_budget())
        used, notice, parts = answerer, None, []

        def switch_to_extractive(why: str) -> Iterator[dict]:
            nonlocal used, notice, parts
            notice = why
            if parts:
                yield {"type": "reset", "notice": why}
            used, parts = fallback, []
            for delta in fallback.stream(sq, ctx.hits, lang):
                parts.append(delta)
                yield {"type": "token", "text": delta}

        err = state.get("llm_error") if answerer is not fallback else None
        if err is None:
            try:
                for delta in answerer.stream(sq, ctx.hits, lang):
                    if not parts:
                        timings["first_token"] = _ms(t0)
                    parts.append(delta)
                    yield {"type": "token", "text": delta}
                if not "".join(parts).strip() and answerer is not fallback:
                    err = LLMError("the model returned an empty answer")
            except Exception as e:
                if answerer is fallback:
                    raise
                err = e
        if err is not None:
            yield from switch_to_extractive(_failure_notice(answerer, err, lang))
        timings["generate"] = _ms(t0)

        t0 = time.perf_counter()
        raw = "".join(parts)
        if is_abstention(raw) and "[" not in raw:
            timings["verify"] = _ms(t0)
            text = raw.strip() if raw.strip() in ABSTAIN.values() else ABSTAIN[lang]
            yield finish(text, [], True, used, notice)
            return
        checked = verify_answer(raw, ctx.hits, lang)
        if used is not fallback:
            why = _llm_output_problem(raw, checked, ctx.hits, lang)
            if why:
                yield from switch_to_extractive(_post_check_notice(answerer, why, lang))
                checked = verify_answer("".join(parts), ctx.hits, lang)
        timings["verify"] = _ms(t0)
        abstained = not checked.citations and is_abstention(checked.answer)
        yield finish(checked.answer, checked.citations, abstained, used, notice)

    def generate_step(states: Iterator[dict]) -> Iterator[dict]:
        for state in states:
            yield from generate(state)

    return (RunnableLambda(condense_step, name="condense")
            | RunnableLambda(retrieve_step, name="retrieve")
            | RunnableGenerator(generate_step, name="generate"))


def stream_answer(question: str, retrieve: Retriever, answerer: Answerer, history=None,
                  lang: str | None = None) -> Iterator[dict]:
    """Answer one question as a stream of events (see the module docstring)."""
    chain = build_chain(retrieve, answerer)
    yield from chain.stream({"question": question, "history": history, "lang": lang,
                             "t_start": time.perf_counter()})


def answer_question(question: str, retrieve: Retriever, answerer: Answerer, history=None,
                    lang: str | None = None, on_token: Callable[[str], None] | None = None) -> Answer:
    """Answer one question; `on_token` sees the text as it is generated. The returned
    Answer's text is the verified one, which may differ from the streamed tokens."""
    final = None
    for event in stream_answer(question, retrieve, answerer, history, lang):
        if event["type"] == "token" and on_token is not None:
            on_token(event["text"])
        elif event["type"] == "answer":
            final = event["answer"]
    if final is None:       # pragma: no cover - the chain always ends with an answer event
        raise RuntimeError("the answer chain ended without an answer")
    return final
