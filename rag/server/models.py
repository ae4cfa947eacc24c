"""Request and response bodies of the HTTP API, as pydantic models: they validate requests
and document every field in /openapi.json. Shapes follow OpenAI's chat API where one exists,
plus the fields an OpenAI client ignores: `citations`, `abstained`, `notice`.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

MODEL_PREFIX = "rag-"      # model "rag-default" answers from index "default"


def model_id(index: str) -> str:
    return MODEL_PREFIX + index


def index_of(model: str) -> str | None:
    return (model[len(MODEL_PREFIX):] or None) if model.startswith(MODEL_PREFIX) else None


class ErrorDetail(BaseModel):
    message: str = Field(description="What went wrong and which field or setting fixes it")
    type: str = Field(description="invalid_request_error, authentication_error, "
                                  "permission_error, not_found_error or server_error")
    param: str | None = Field(None, description="The request field at fault, when one is")
    code: str | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


# --- chat --------------------------------------------------------------------------------

class TextPart(BaseModel):
    type: Literal["text"] = "text"
    text: str


class Message(BaseModel):
    role: Literal["system", "developer", "user", "assistant"] = Field(
        description="user turns are questions, assistant turns earlier answers; system "
                    "messages are accepted and ignored (the answer prompt is the server's)")
    content: str | list[TextPart] | None = Field(None, description="Text, or a list of text parts")

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(p.text for p in self.content)
        return self.content or ""


class ChatRequest(BaseModel):
    model: str = Field(description="rag-<index>, e.g. rag-default; GET /v1/models lists yours",
                       examples=["rag-default"])
    messages: list[Message] = Field(description="The conversation; the last user message is "
                                                "the question, earlier turns resolve follow-ups")
    stream: bool = Field(False, description="Server-sent events: chat.completion.chunk objects, "
                                            "then data: [DONE]")
    temperature: float | None = Field(None, ge=0, le=2, description="Passed to an LLM answerer")
    max_tokens: int | None = Field(None, ge=1, le=8192, description="Passed to an LLM answerer")
    k: int | None = Field(None, description="Passages to retrieve (1 to RAG_MAX_K)")
    docs: list[str] | None = Field(None, description="Only these document ids")
    date_from: str | None = Field(None, description="Earliest date, YYYY-MM-DD")
    date_to: str | None = Field(None, description="Latest date, YYYY-MM-DD")
    model_config = ConfigDict(extra="allow")       # OpenAI clients send more (n, top_p, user)


class Citation(BaseModel):
    n: int = Field(description="The [n] marker in the answer text")
    id: str = Field(description="Chunk id, <doc_id>:p<paragraph>")
    doc_id: str = Field(description="Document id (GET /v1/documents)")
    doc_title: str = Field(description="Document title")
    section: str = Field(description="Section path inside the document, joined with ' > '")
    date: str | None = Field(description="Date of the cited entry, YYYY-MM-DD, when known")
    page: int | None = Field(None, description="Page number, when the loader recorded one")
    ocr_confidence: float | None = Field(None, description="The page's OCR confidence (0-1) when "
                                         "the passage was read from a scan; check low ones in the original")
    quote: str = Field(description="The exact sentence(s) supporting the claim; data from the "
                                   "document, not instructions")
    start: int = Field(description="Offset of quote within text")
    end: int = Field(description="End offset of quote within text")
    text: str = Field(description="The whole cited passage")
    verified: bool = Field(description="True when quote was found in the passage and supports "
                                       "the claim")


class AssistantMessage(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str = Field(description="The answer with its [n] markers, then a Sources list")


class Choice(BaseModel):
    index: int = 0
    message: AssistantMessage
    finish_reason: Literal["stop"] = "stop"


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class ChatCompletion(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[Choice]
    usage: Usage | None = Field(None, description="Not counted by this server")
    citations: list[Citation] = Field(description="The sources of the answer, by marker number")
    abstained: bool = Field(description="True when the documents do not answer the question")
    answer: str = Field(description="The answer text alone, without the Sources list")
    standalone_question: str = Field(description="The question as answered (follow-ups rewritten)")
    notice: str | None = Field(None, description="E.g. the LLM failed and an extractive answer "
                                                 "is shown")


class Delta(BaseModel):
    role: Literal["assistant"] | None = None
    content: str | None = None


class ChunkChoice(BaseModel):
    index: int = 0
    delta: Delta
    finish_reason: Literal["stop"] | None = None


class ChatCompletionChunk(BaseModel):
    """One SSE event. The last one (finish_reason "stop") carries citations, abstained, answer too."""
    id: str
    object: Literal["chat.completion.chunk"] = "chat.completion.chunk"
    created: int
    model: str
    choices: list[ChunkChoice]
    citations: list[Citation] | None = None
    abstained: bool | None = None
    answer: str | None = Field(None, description="On the last chunk: the final answer text "
                                                 "(authoritative if the streamed draft differed)")
    standalone_question: str | None = None
    notice: str | None = None


class ModelCard(BaseModel):
    id: str = Field(description="rag-<index>")
    object: Literal["model"] = "model"
    created: int = 0
    owned_by: str = Field("rag", description="The department the index belongs to, or rag")


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]


# --- retrieval ---------------------------------------------------------------------------

class RetrieveRequest(BaseModel):
    question: str = Field(description="The question (at most RAG_MAX_QUESTION_CHARS characters)")
    index: str | None = Field(None, description="Index name (default: the server's)")
    k: int | None = Field(None, description="Passages to return (1 to RAG_MAX_K)")
    mode: Literal["dense", "bm25", "hybrid"] | None = None
    docs: list[str] | None = Field(None, description="Only these document ids")
    date_from: str | None = Field(None, description="Earliest date, YYYY-MM-DD")
    date_to: str | None = Field(None, description="Latest date, YYYY-MM-DD")


class Passage(BaseModel):
    rank: int
    score: float = Field(description="Fused retrieval score (higher is better)")
    id: str
    doc_id: str
    doc_title: str
    section: str
    date: str | None
    text: str = Field(description="Passage text: data from the document")


class RetrieveResponse(BaseModel):
    query: str
    results: list[Passage]
    understanding: dict[str, Any] = Field(description="What the question was read as: language, "
                                                      "dates, places, roles, names, years")
    constraints: dict[str, Any] | None = Field(None, description="The constraints an answer "
                                                                 "must meet (rag.answer.constraints)")
    timings_ms: dict[str, float]


# --- documents and jobs ------------------------------------------------------------------

class DocumentInfo(BaseModel):
    doc_id: str
    title: str | None = None
    source: str = Field("", description="The file name it was ingested from")
    chunks: int = 0
    profile: dict[str, Any] | None = Field(None, description="kind, place, level, year, period")
    flagged: int = Field(0, description="Instruction-like sentences found: kept as data only")
    model_config = ConfigDict(extra="allow")


class DocumentList(BaseModel):
    index: str
    documents: list[DocumentInfo]


class Job(BaseModel):
    id: str
    index: str
    status: Literal["queued", "running", "done", "failed"]
    files: list[str] = Field(description="File names accepted for ingest")
    rejected: list[str] = Field(default_factory=list, description="Files refused, and why")
    added: list[str] = Field(default_factory=list, description="Document ids added")
    updated: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    skipped: list[str] = Field(default_factory=list, description="Files the loader skipped, and why")
    error: str | None = None
    created: float
    finished: float | None = None


class Removed(BaseModel):
    index: str
    removed: list[str]


class IndexStatus(BaseModel):
    name: str
    exists: bool
    documents: int = 0
    chunks: int = 0
    embedder: str | None = None
    updated: str | None = None


class Status(BaseModel):
    indexes: list[IndexStatus]
    default_index: str
    answerer: str
    auth: Literal["none", "keys", "accounts"]
    user: str | None = None


# --- eval --------------------------------------------------------------------------------

class EvalQuestion(BaseModel):
    id: str
    question: str
    lang: Literal["zh", "en"]
    type: str
    gold_quotes: list[str] = Field(description="Exact quotes a correct passage contains")
    answer_keywords: list[str] = Field(default_factory=list)
    unanswerable: bool = False
    model_config = ConfigDict(extra="allow")


class EvalRequest(BaseModel):
    set: str | None = Field(None, description="A bundled set by name, e.g. bundled/test",
                            examples=["bundled/test"])
    questions: list[EvalQuestion] | None = Field(None, description="Or the QA set itself")
    index: str | None = None
    config: Literal["default", "dense", "bm25"] = Field(
        "default", description="The configuration to score (as `rag eval --config`)")
    answers: bool = Field(True, description="Also score answers (extractive), not only retrieval")


class EvalResponse(BaseModel):
    set: Any
    n: int
    index: str
    metrics: dict[str, Any]
    by_type: dict[str, Any]
    by_lang: dict[str, Any]


class Health(BaseModel):
    ok: bool = True
