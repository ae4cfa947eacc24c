"""POST /v1/chat/completions: OpenAI's chat API over one index, with citations.

The model name picks the index (rag-default). The last user message is the question; the
turns before it go to the answerer as history, so follow-ups are rewritten exactly as in the
UI (rag.answer.condense). The answer keeps its [n] markers; a "Sources" list is appended to
the content for clients that read only the text, and the structured `citations` ride on the
completion object (and on the last stream chunk).
"""
from __future__ import annotations

import json
import re
import time
import uuid
from typing import Iterator

from rag.server.access import ApiError
from rag.server.errors import translate
from rag.server.models import (AssistantMessage, ChatCompletion, ChatCompletionChunk,
                               ChatRequest, Choice, ChunkChoice, Citation, Delta, index_of)

# "Sources:" blocks this server appended to earlier answers: cut from the history, so a
# follow-up is condensed against the answer, not against the list of titles.
_SOURCES = re.compile(r"\n\n(?:Sources|来源)[:：]\n.*\Z", re.S)
QUOTE_CHARS = 200


def split_messages(messages) -> tuple[str, list[dict]]:
    """(question, history as [{"role", "content"}]) from OpenAI chat messages."""
    turns = [m for m in messages if m.role in ("user", "assistant")]
    if not turns:
        raise ApiError(400, "field 'messages' must hold at least one user message (the "
                            "question)", "messages")
    if turns[-1].role != "user":
        raise ApiError(400, "field 'messages': the last message must be the user's question",
                       "messages")
    history = [{"role": m.role, "content": _SOURCES.sub("", m.text())} for m in turns[:-1]]
    return turns[-1].text(), history


def citations(answer) -> list[Citation]:
    return [Citation(n=c.n, id=c.id, doc_id=c.id.rsplit(":", 1)[0], doc_title=c.doc_title,
                     section=c.section, date=c.date, page=getattr(c, "page", None),
                     ocr_confidence=getattr(c, "ocr_confidence", None), quote=c.quote,
                     start=c.start, end=c.end, text=c.text, verified=c.verified)
            for c in answer.citations]


def sources_text(answer) -> str:
    """The readable Sources list appended to the content (empty without citations)."""
    if not answer.citations:
        return ""
    zh = re.search(r"[\u4e00-\u9fff]", answer.question or "")
    lines = ["", "", "来源：" if zh else "Sources:"]
    for c in answer.citations:
        where = " · ".join(x for x in (c.doc_title, c.section, c.date) if x)
        quote = " ".join(c.quote.split())
        quote = quote if len(quote) <= QUOTE_CHARS else quote[:QUOTE_CHARS] + "…"
        mark = "" if c.verified else (" （未核实）" if zh else " (unverified)")
        lines.append(f"[{c.n}] {where} — “{quote}”{mark}")
    return "\n".join(lines)


def rag_fields(answer) -> dict:
    return {"citations": citations(answer), "abstained": bool(answer.abstained),
            "answer": answer.answer, "standalone_question": answer.standalone_question,
            "notice": answer.notice}


def prepare(body: ChatRequest, access, caller, dates) -> tuple:
    """(api, question, keyword arguments for api.ask/stream), permission-checked and audited."""
    index = index_of(body.model)
    if index is None:
        raise ApiError(404, f"unknown model: models are named rag-<index> (e.g. rag-"
                            f"{access.settings.index}); GET /v1/models lists yours", "model",
                       "model_not_found")
    question, history = split_messages(body.messages)
    api = access.rag(caller, index, "ask", question, status=404)
    if not api.store.exists():
        raise ApiError(404, f"model '{body.model}' has no index yet: upload documents with "
                            "POST /v1/documents", "model", "model_not_found")
    kwargs = {"history": history or None, "temperature": body.temperature,
              "max_tokens": body.max_tokens, "k": body.k, "docs": body.docs,
              "date_from": dates(body.date_from, "date_from"),
              "date_to": dates(body.date_to, "date_to", end=True)}
    access.audit(caller, "ask", index, question)
    return api, question, kwargs


def complete(body: ChatRequest, access, caller, dates) -> ChatCompletion:
    api, question, kwargs = prepare(body, access, caller, dates)
    try:
        answer = api.ask(question, **kwargs)
    except Exception as e:
        raise translate(e, "messages") from None
    return ChatCompletion(id=_id(), created=int(time.time()), model=body.model,
                          choices=[Choice(message=AssistantMessage(
                              content=answer.answer + sources_text(answer)))],
                          **rag_fields(answer))


def stream(body: ChatRequest, access, caller, dates) -> Iterator[str]:
    """The SSE lines. Checks and retrieval run before the first line, so a refused request
    still gets its 4xx status; later failures arrive as an error event."""
    api, question, kwargs = prepare(body, access, caller, dates)
    try:
        events = api.stream(question, **kwargs)
        first = next(events)               # condense + retrieve happen here
    except Exception as e:
        raise translate(e, "messages") from None
    return _sse(body.model, first, events)


def _sse(model: str, first: dict, events) -> Iterator[str]:
    cid, created = _id(), int(time.time())

    def chunk(content=None, role=None, finish=None, **extra) -> str:
        c = ChatCompletionChunk(id=cid, created=created, model=model, choices=[ChunkChoice(
            delta=Delta(role=role, content=content), finish_reason=finish)], **extra)
        return "data: " + c.model_dump_json(exclude_none=True) + "\n\n"

    yield chunk("", role="assistant")
    shown = ""                  # text streamed since the last reset
    try:
        for ev in _chain(first, events):
            if ev["type"] == "token":
                shown += ev["text"]
                yield chunk(ev["text"])
            elif ev["type"] == "reset":             # the model failed mid-answer
                shown = ""
                yield chunk(f"\n\n({ev.get('notice') or 'answer replaced'})\n\n")
            elif ev["type"] == "answer":
                answer = ev["answer"]
                final = answer.answer
                if final.startswith(shown) and final != shown:
                    yield chunk(final[len(shown):])
                elif final.rstrip() != shown.rstrip():
                    # the verified text differs from the draft (markers fixed, claims flagged)
                    yield chunk("\n\n(revised answer)\n\n" + final)
                sources = sources_text(answer)
                if sources:
                    yield chunk(sources[1:] if final.endswith("\n") or shown.endswith("\n")
                                else sources)
                fields = rag_fields(answer)
                yield chunk(finish="stop", **fields)
    except Exception as e:
        err = translate(e, "messages")
        yield "data: " + json.dumps(err.body(), ensure_ascii=False) + "\n\n"
    yield "data: [DONE]\n\n"


def _chain(first, events):
    yield first
    yield from events


def _id() -> str:
    return "chatcmpl-" + uuid.uuid4().hex
