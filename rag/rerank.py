"""Optional second-stage reranking: score (query, passage) pairs with a cross-encoder.

`get_reranker(settings.reranker)` gives None when none is configured, so callers just skip it.
"""
from __future__ import annotations

import threading

import numpy as np


class RerankerError(RuntimeError):
    """A reranker could not be created or called; the message says how to fix it."""


class Reranker:
    """Base class: `rerank` returns one relevance score per text, higher is more relevant."""
    spec: str = ""

    def rerank(self, query: str, texts: list[str]) -> list[float]:
        raise NotImplementedError


class CrossEncoderReranker(Reranker):
    """A sentence-transformers CrossEncoder, by hub id or local folder (torch loaded on creation)."""

    def __init__(self, model_id_or_path: str, batch_size: int = 16, device: str | None = None):
        from .embed.st import load_st_model

        self.spec = model_id_or_path
        self.batch_size = max(1, int(batch_size))
        self._model = load_st_model("CrossEncoder", model_id_or_path, fix="RAG_RERANKER=",
                                    error=RerankerError, device=device)
        self._lock = threading.Lock()

    def rerank(self, query: str, texts: list[str]) -> list[float]:
        if not texts:
            return []
        pairs = [(query, t) for t in texts]
        with self._lock:
            scores = np.asarray(self._model.predict(pairs, batch_size=self.batch_size,
                                                    show_progress_bar=False, convert_to_numpy=True),
                                dtype=np.float32)
        if scores.ndim == 2:
            # Multi-label heads: the last label is "relevant" by the binary-classifier convention.
            scores = scores[:, -1]
        return [float(s) for s in scores.reshape(-1)]


_cache: dict[str, Reranker] = {}
_lock = threading.Lock()


def get_reranker(spec: str | None) -> Reranker | None:
    """The reranker for `spec` (a CrossEncoder id or folder), once per process; None if unset."""
    spec = (spec or "").strip()
    if spec.lower() in ("", "none", "off", "0", "false"):
        return None
    with _lock:
        if spec not in _cache:
            _cache[spec] = CrossEncoderReranker(spec)
        return _cache[spec]
