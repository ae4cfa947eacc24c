"""Embedders, chosen by a spec string: "e5-small-q4", "st:<model id or folder>", "openai:<model>".

Backends are imported when first asked for, so `import rag.embed` stays light (no torch).
"""
from __future__ import annotations

import hashlib
import threading

from .base import Embedder, EmbedderError

__all__ = ["Embedder", "EmbedderError", "get_embedder", "SPEC_FORMS"]

SPEC_FORMS = ("e5-small-q4", "st:<model id or local folder>", "openai:<model>")

_cache: dict[tuple, Embedder] = {}
_lock = threading.Lock()


def get_embedder(spec: str, settings=None) -> Embedder:
    """The embedder for `spec`, created once per process (per spec and server)."""
    spec = (spec or "").strip()
    if settings is None:
        from ..settings import Settings
        settings = Settings.load()
    batch = getattr(settings, "embed_batch", 16) or 16

    base_url = key = None
    if spec.startswith("openai:"):
        base_url = settings.embed_base_url or settings.llm_base_url
        key = settings.embed_api_key or settings.llm_api_key
    # The key is part of the identity (a changed key needs a new client) but is never stored in clear.
    cache_key = (spec, base_url, hashlib.sha256(key.encode()).hexdigest() if key else None)

    with _lock:   # held while loading, so two threads never load the same model twice
        emb = _cache.get(cache_key)
        if emb is None:
            emb = _create(spec, base_url, key, batch)
            _cache[cache_key] = emb
    emb.batch_size = max(1, int(batch))
    return emb


def _create(spec: str, base_url: str | None, key: str | None, batch: int) -> Embedder:
    if spec == "e5-small-q4":
        from .e5 import E5Embedder
        return E5Embedder(batch_size=batch)
    if spec.startswith("st:") and spec[3:].strip():
        from .st import SentenceTransformerEmbedder
        return SentenceTransformerEmbedder(spec[3:].strip(), batch_size=batch)
    if spec.startswith("openai:") and spec[7:].strip():
        from .openai_embed import OpenAIEmbedder
        if not base_url:
            raise EmbedderError(
                f"{spec} needs an OpenAI-compatible server: set RAG_EMBED_BASE_URL "
                "(or RAG_LLM_BASE_URL), e.g. https://api.openai.com/v1 or http://127.0.0.1:8000/v1")
        return OpenAIEmbedder(spec[7:].strip(), base_url, key, batch_size=batch)
    raise EmbedderError(
        f"unknown embedder {spec!r}; set RAG_EMBEDDER to one of: " + ", ".join(SPEC_FORMS))
