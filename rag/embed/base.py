"""The embedder interface: one required method, capability attributes, LangChain-compatible."""
from __future__ import annotations

import numpy as np


class EmbedderError(RuntimeError):
    """An embedder could not be created or called; the message says how to fix it."""


class Embedder:
    """Base class. Subclasses implement `_embed(texts, is_query)` returning float32 (n, dim).

    `embed_documents`/`embed_query` make any Embedder usable where LangChain expects
    `Embeddings` (duck-typed; `as_langchain()` returns a real `langchain_core` subclass).
    """
    spec: str = ""              # registry spec, e.g. "e5-small-q4", "st:BAAI/bge-m3"
    dim: int = 0
    normalized: bool = True     # vectors are L2-normalised (inner product == cosine)
    batch_size: int = 16

    def _embed(self, texts: list[str], is_query: bool) -> np.ndarray:
        raise NotImplementedError

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _as_matrix(self._embed(list(texts), False), self.normalized)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _as_matrix(self._embed(list(texts), True), self.normalized)

    def token_count(self, text: str, is_query: bool = False) -> int | None:
        """Tokens the model sees for `text`, or None when the backend cannot count them
        (the build's tokens/s then counts the chunker's tokens instead)."""
        return None

    def embed_query_vec(self, text: str) -> np.ndarray:
        return self.embed_queries([text])[0]

    # LangChain Embeddings protocol
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_passages(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_query_vec(text).tolist()

    def as_langchain(self):
        """A `langchain_core.embeddings.Embeddings` wrapping this embedder (imported lazily)."""
        from langchain_core.embeddings import Embeddings

        outer = self

        class _LC(Embeddings):
            def embed_documents(self, texts):
                return outer.embed_documents(texts)

            def embed_query(self, text):
                return outer.embed_query(text)

        return _LC()


def _as_matrix(x, normalize: bool) -> np.ndarray:
    m = np.ascontiguousarray(np.asarray(x, dtype=np.float32))
    if m.ndim == 1:
        m = m[None, :]
    if normalize:
        norms = np.linalg.norm(m, axis=1, keepdims=True)
        m = m / np.maximum(norms, 1e-12)
    return m
