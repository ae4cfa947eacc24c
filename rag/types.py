"""Typed records that cross module boundaries: documents, chunks, hits, citations, answers."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Document:
    """A cleaned source document. `text` is what chunk offsets point into."""
    doc_id: str
    title: str
    path: str
    text: str
    sha256: str                      # hash of the cleaned text: decides re-embedding
    place: str | None = None
    year: int | None = None
    kind: str | None = None          # one of rag.ingest.profile.KINDS
    encoding: str | None = None
    profile: dict | None = None      # rag.ingest.profile.DocProfile.to_dict()
    # Instruction-like sentences found in it (rag.ingest.instructions): never answer evidence.
    flagged: list[str] = field(default_factory=list)
    title_flagged: bool = False      # the title itself reads as an instruction


@dataclass
class Paragraph:
    """One paragraph of a cleaned document, with the structure around it."""
    doc_id: str
    index: int                       # paragraph number within the document
    start: int                       # offsets into Document.text
    end: int
    text: str
    section: list[str] = field(default_factory=list)
    date: str | None = None          # ISO YYYY-MM-DD
    speaker: str | None = None
    heading: bool = False
    page: int | None = None          # page it starts on (paged formats: PDF)
    page_breaks: list[tuple[int, int]] = field(default_factory=list)  # (offset in text, page) after the first
    table: object | None = None      # a rag.ingest.tables.Table: the paragraph is that table
    scene: str | None = None         # a later paragraph of a chronicle entry: the entry before it
    lead_in: str | None = None       # the end of the paragraph before it in the same section


@dataclass
class Chunk:
    """The unit we embed, index, retrieve and cite."""
    id: str                          # "<doc_id>:p<para>" or "<doc_id>:p<para>.<part>"; stable
    #                                  (a table's: ".t<part>" for its parts, ".r<row>" for its rows)
    doc_id: str
    doc_title: str
    section: str                     # section path joined with " > "
    date: str | None
    start: int
    end: int
    text: str
    hash: str
    para: int = 0
    part: int = 0
    speaker: str | None = None
    years: list[int] = field(default_factory=list)   # years the passage is about (see profile)
    stance: str | None = None        # "review" (looks back) or "plan" (looks ahead)
    doc_period: list[int] | None = None   # [first, last] year its document covers (profile)
    doc_place: str | None = None     # where its document is from (profile): 全国, 平阳县
    ref_year: int | None = None      # the year it was written in: "今年"/"去年" count from it
    flagged: list[str] = field(default_factory=list)  # instruction-like sentences of `text`
    page: int | None = None          # page its text starts on (PDF); None when unpaged or unknown
    kind: str | None = None          # None: prose; "table": caption + header + rows; "table-row"
    ocr_confidence: float | None = None   # its page's OCR score (0..1) when read from a scan
    # A later paragraph of a chronicle entry ("二要…三要…" after "23日…会议。…某某强调，一要…"):
    # the entry's text before it, which says where it happened and who is speaking
    scene: str | None = None
    # The end of the paragraph before it in the same section, when it is no chronicle entry: a
    # report's "实施两年新增4万亿元的投资计划。" before the paragraph that gives its shares. It
    # names what the paragraph goes on about; it is not the paragraph's own text.
    lead_in: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Chunk":
        names = cls.__dataclass_fields__
        return cls(**{k: v for k, v in d.items() if k in names})

    def public(self) -> dict:
        """The fields `rag chunks` prints (page, kind and OCR confidence when it has them)."""
        d = {k: getattr(self, k) for k in
             ("id", "doc_id", "doc_title", "section", "date", "start", "end", "text")}
        d.update({k: getattr(self, k) for k in ("page", "kind", "ocr_confidence")
                  if getattr(self, k) is not None})
        return d


@dataclass
class Hit:
    """A retrieved chunk with its fused score and per-retriever evidence."""
    chunk: Chunk
    score: float
    rank: int = 0
    sources: dict[str, float] = field(default_factory=dict)   # e.g. {"dense": 0.83, "bm25": 12.1}

    def to_dict(self) -> dict:
        c = self.chunk
        return {"rank": self.rank, "score": round(float(self.score), 6), "id": c.id,
                "doc_id": c.doc_id, "doc_title": c.doc_title, "section": c.section,
                "date": c.date, "text": c.text,
                **({"page": c.page} if c.page is not None else {}),
                **({"kind": c.kind} if c.kind else {})}


@dataclass
class Citation:
    """A numbered source of an answer, with the exact quote that supports it."""
    n: int
    id: str
    doc_title: str
    section: str
    date: str | None
    text: str                        # the whole cited paragraph (chunk text)
    quote: str                       # exact substring of `text`
    start: int                       # offsets of `quote` within `text`
    end: int
    verified: bool
    page: int | None = None          # page the cited passage starts on, when known
    kind: str | None = None          # the chunk's kind: "table-row" quotes a row with its header
    ocr_confidence: float | None = None   # the page's OCR score when the passage was read from a scan

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Answer:
    question: str
    standalone_question: str
    answer: str
    citations: list[Citation]
    abstained: bool
    llm: str
    timings_ms: dict[str, float] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)      # what retrieval returned (nearest passages)
    notice: str | None = None                          # e.g. "LLM timed out; extractive answer shown"
    constraints: dict | None = None                    # rag.answer.constraints.Constraints.to_dict()
    why: list[str] = field(default_factory=list)       # for a decline: what did not match
    # for a decline, the step that made it: "off-topic" (the passages hold too little of the
    # question), "constraints" (no sentence meets what it fixes), "judgement" (the best one was
    # judged no answer, rag.answer.decline) or "answerer" (the model said the documents do not say)
    declined_by: str | None = None
    # for a "constraints" decline, the checks that ruled out the sentence closest to answering
    # (rag.answer.evidence.Decision.nearest_misses): "year", "place", "person", "entity", "value"…
    declined_checks: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"question": self.question, "standalone_question": self.standalone_question,
                "answer": self.answer, "citations": [c.to_dict() for c in self.citations],
                "abstained": self.abstained, "llm": self.llm,
                "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
                "constraints": self.constraints, "why": self.why, "declined_by": self.declined_by,
                **({"declined_checks": self.declined_checks} if self.declined_checks else {}),
                **({"notice": self.notice} if self.notice else {})}
