"""The Python API that the CLI, the UI and the evaluator share.

    rag = RAG()                      # settings from RAG_* env and defaults
    rag.ingest()                     # bundled corpus into index "default"
    rag.retrieve("市长对高标准农田建设提出了什么要求？").hits
    rag.ask("What did the mayor require about high-standard farmland?").citations
"""
from __future__ import annotations

import threading
from pathlib import Path

from rag.settings import Settings


class RAG:
    def __init__(self, settings: Settings | None = None, **overrides):
        self.settings = settings or Settings.load(**overrides)
        self._lock = threading.RLock()
        self._index = None
        self._index_dir = None
        self._retriever = None
        self._store = None

    # --- index -----------------------------------------------------------------------------
    @property
    def store(self):
        """The index folder and its vector store (kept: a Milvus client is opened once)."""
        if self._store is None:
            from rag.index import IndexStore
            self._store = IndexStore(self.settings.index_path, self.settings.store)
        return self._store

    def embedder(self):
        from rag.embed import get_embedder
        return get_embedder(self.settings.embedder, self.settings)

    def load_index(self, check: bool = True):
        """The live index snapshot, reloaded when a writer has switched CURRENT."""
        with self._lock:
            cur = self.store.current_dir()
            if cur is None:
                raise FileNotFoundError(
                    f"no index '{self.settings.index}' at {self.settings.index_path}: "
                    "build it with `rag ingest` (or `make run`)")
            if self._index is None or cur != self._index_dir:
                s = self.settings
                self._index = self.store.load(s.embedder if check else None, s.chunk_tokens)
                self._index_dir = cur
                self._retriever = None
            return self._index

    def ingest(self, paths=None, rebuild: bool = False, progress=None, profile: dict | None = None,
               on_step=None):
        """Ingest files/folders (default: the bundled corpus) and update the index.

        `progress(done, total, rate)` follows the embedding; `on_step(step, done, total)` the
        slow steps of reading files ("ocr": scanned pages).

        `profile` holds document-profile fields the user gave (title, kind, place, level, year,
        period); they win over sidecar metadata and inference for every file ingested."""
        from rag.ingest import ingest_paths
        from rag.ingest.progress import reporting
        from rag.limits import FileLimits
        s = self.settings
        paths = [Path(p) for p in (paths or [s.corpus_dir])]
        # over RAG_MAX_JOB_MB in all raises LimitError before any file is read
        with reporting(on_step):
            result = ingest_paths(paths, chunk_tokens=s.chunk_tokens, max_file_mb=s.max_file_mb,
                                  overrides=profile, limits=FileLimits.from_settings(s))
        with self._lock:
            report = self.store.update(result.docs, self.embedder(), s.chunk_tokens,
                                       sync_roots=[p for p in paths if p.is_dir()],
                                       rebuild=rebuild, index_type=s.index_type, progress=progress)
        return result, report

    def ensure_index(self):
        """Build the index from the bundled corpus when it is missing or out of date."""
        return self.ingest()

    def remove(self, doc_ids):
        with self._lock:
            return self.store.update([], self.embedder(), self.settings.chunk_tokens,
                                     remove_ids=set(doc_ids), index_type=self.settings.index_type)

    def status(self) -> dict:
        m = self.store.manifest()
        if m is None:
            return {"exists": False, "name": self.settings.index, "store": self.settings.store}
        return {"exists": True, "name": m["name"], "embedder": m["embedder"], "dim": m["dim"],
                "faiss": m["faiss"], "store": m.get("store") or "faiss", "updated": m["updated"], "created": m["created"],
                "documents": m["counts"]["documents"], "chunks": m["counts"]["chunks"],
                "docs": [{"doc_id": k, **v} for k, v in m["documents"].items()]}

    def documents(self) -> list[dict]:
        """Every indexed document with its profile (title, kind, place, level, year, period)."""
        return self.status().get("docs", [])

    def document(self, doc_id: str) -> dict | None:
        """One document's record as indexed (profile, path, cleaned text), or None."""
        if not self.status().get("exists"):
            return None
        return self.load_index().docs.get(doc_id)

    def original(self, doc_id: str):
        """The kept copy of the document's file (a Path), or None: unknown document, or an
        index built before originals were kept."""
        from rag.index import originals
        doc = self.document(doc_id)
        return originals.path_of(self.store.path, doc) if doc else None

    def source(self, doc_id: str, page: int | None = None, quote: str | None = None):
        """A citation's source (rag.source.SourceView): a PDF's page `page` as a PNG with
        `quote` highlighted, else the document's text with the passage's offsets.
        KeyError for an unknown document; ValueError for a page the PDF does not have."""
        from rag.source import source_view
        doc = self.document(doc_id)
        if doc is None:
            raise KeyError(f"no document {doc_id!r} in index '{self.settings.index}'")
        return source_view(doc, self.original(doc_id), page, quote)

    # --- retrieval -------------------------------------------------------------------------
    def retriever(self):
        with self._lock:
            index = self.load_index()
            if self._retriever is None:
                from rag.rerank import get_reranker
                from rag.retrieve.retriever import Retriever
                self._retriever = Retriever(index, self.embedder(), get_reranker(self.settings.reranker))
            return self._retriever

    def retrieve(self, question: str, k: int | None = None, mode: str | None = None,
                 docs=None, date_from=None, date_to=None):
        q = self._checked(question, k=k, docs=docs)       # LimitError before any tokenising
        return self._search(q["question"], q["k"], mode, q["docs"], date_from, date_to)

    def _checked(self, question, k=None, history=None, docs=None) -> dict:
        """rag.limits' checks on a request, shared by retrieve, ask and stream."""
        from rag.limits import check_query
        return check_query(question, self.settings, k=k, history=history, docs=docs)

    def _search(self, question, k, mode=None, docs=None, date_from=None, date_to=None):
        return self.retriever().search(question, k=k, mode=mode or self.settings.mode, docs=docs,
                                       date_from=date_from, date_to=date_to)

    def as_langchain_retriever(self, **kwargs):
        from rag.retrieve.lc import RagRetriever
        return RagRetriever(api=self, search_kwargs=kwargs)

    # --- answers ---------------------------------------------------------------------------
    def answerer(self, name: str | None = None, temperature: float | None = None,
                 max_tokens: int | None = None):
        """The answer backend; `temperature`/`max_tokens` override the settings for this one
        (an HTTP client's per-request sampling options)."""
        from dataclasses import replace

        from rag.answer import get_answerer
        s = self.settings
        if temperature is not None or max_tokens is not None:
            s = replace(s, llm_temperature=s.llm_temperature if temperature is None else temperature,
                        llm_max_tokens=max_tokens or s.llm_max_tokens)
        return get_answerer(name or s.llm, s)

    def _retrieve_fn(self, k=None, mode=None, docs=None, date_from=None, date_to=None):
        """Retrieval for answering: the top chunks, widened to whole paragraphs."""
        from rag.retrieve.paragraphs import widen

        def retrieve(q):        # q may be a rewritten follow-up: checked as asked, not again
            hits = self._search(q, k, mode, docs, date_from, date_to).hits
            index = self.load_index()
            return widen(hits, index.chunks, index.paragraph_groups)
        return retrieve

    def ask(self, question: str, history=None, llm: str | None = None,
            temperature: float | None = None, max_tokens: int | None = None, **filters):
        q = self._checked(question, filters.pop("k", None), history, filters.pop("docs", None))
        answerer = self.answerer(llm, temperature, max_tokens)
        events = self._in_worker(q, answerer, filters)
        if events is not None:
            return next(ev["answer"] for ev in events if ev["type"] == "answer")
        from rag.answer.chain import answer_question
        return answer_question(q["question"], self._retrieve_fn(k=q["k"], docs=q["docs"], **filters),
                               answerer, history=q["history"])

    def stream(self, question: str, history=None, llm: str | None = None,
               temperature: float | None = None, max_tokens: int | None = None, **filters):
        """Answer events (see rag.answer.chain). Not a generator function, so a request over a
        limit raises LimitError here, before the first event, where an API can still refuse it."""
        q = self._checked(question, filters.pop("k", None), history, filters.pop("docs", None))
        answerer = self.answerer(llm, temperature, max_tokens)
        events = self._in_worker(q, answerer, filters)
        if events is not None:
            return events
        from rag.answer.chain import stream_answer
        return stream_answer(q["question"], self._retrieve_fn(k=q["k"], docs=q["docs"], **filters),
                             answerer, history=q["history"])

    def _in_worker(self, q: dict, answerer, filters: dict):
        """The events of an extractive answer from an answer worker (rag.workers), or None
        when none run or the answerer is a model (it waits on the model, not on this
        process's interpreter lock)."""
        from rag import workers
        if not workers.running() or answerer.name != "extractive":
            return None
        return workers.stream(self.settings, q["question"], q["history"], k=q["k"],
                              docs=q["docs"], **filters)
