"""LangChain `BaseRetriever` over the same retrieval function the CLI uses."""
from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever


class RagRetriever(BaseRetriever):
    api: Any
    search_kwargs: dict = {}

    def _get_relevant_documents(self, query: str, *,
                                run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        r = self.api.retrieve(query, **self.search_kwargs)
        return [Document(page_content=h.chunk.text, id=h.chunk.id,
                         metadata={"rank": h.rank, "score": h.score, "doc_id": h.chunk.doc_id,
                                   "doc_title": h.chunk.doc_title, "section": h.chunk.section,
                                   "date": h.chunk.date, "speaker": h.chunk.speaker})
                for h in r.hits]
