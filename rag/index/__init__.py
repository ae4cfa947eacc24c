"""Persisted indexes: dense (FAISS) and sparse (BM25) over the same chunks, with a manifest."""
from rag.index.store import IndexMismatch, IndexStore, LoadedIndex, UpdateReport  # noqa: F401
