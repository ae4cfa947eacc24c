"""`st:<model id or folder>` embedders through sentence-transformers (torch imported on first use).

Also home to `load_st_model`, shared with the CrossEncoder reranker: it fails in seconds, with
a message naming the fix, when a model is neither on disk nor reachable on the hub.
"""
from __future__ import annotations

import json
import os
import re
import socket
import threading
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from .base import Embedder, EmbedderError

# BGE's retrieval instructions for queries (passages get none); from the BGE model cards.
BGE_EN_QUERY = "Represent this sentence for searching relevant passages: "
BGE_ZH_QUERY = "为这个句子生成表示以用于检索相关文章："
E5_INSTRUCT_QUERY = "Instruct: Given a web search query, retrieve relevant passages that answer the query\nQuery: "


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model, with that model's own query/passage conventions."""
    normalized = True

    def __init__(self, model: str, batch_size: int = 16, device: str | None = None):
        if not model:
            raise EmbedderError("st: needs a model id or folder, e.g. RAG_EMBEDDER=st:/path/to/model-folder")
        self.model_name = model
        self.spec = f"st:{model}"
        self.batch_size = max(1, int(batch_size))
        self._model = load_st_model("SentenceTransformer", model, fix="RAG_EMBEDDER=st:",
                                    error=EmbedderError, device=device)
        get_dim = (getattr(self._model, "get_embedding_dimension", None)
                   or self._model.get_sentence_embedding_dimension)
        self.dim = int(get_dim() or len(self._model.encode(["x"])[0]))
        self._query_kw, self._passage_kw = prompt_kwargs(self._model.prompts, _names(model))
        self._lock = threading.Lock()   # fast tokenizers are not safe to share across threads

    def _embed(self, texts: list[str], is_query: bool) -> np.ndarray:
        kw = self._query_kw if is_query else self._passage_kw
        with self._lock:
            return self._model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                      convert_to_numpy=True, show_progress_bar=False, **kw)


def prompt_kwargs(prompts: dict | None, names: list[str]) -> tuple[dict, dict]:
    """encode() kwargs for queries and passages: the model's saved prompts, else its family's."""
    saved = {k for k, v in (prompts or {}).items() if v}
    query = {"prompt_name": "query"} if "query" in saved else None
    passage = next(({"prompt_name": k} for k in ("passage", "document", "corpus") if k in saved), None)
    if query is None and passage is None:
        q, p = family_prompts(names)
        query, passage = {"prompt": q}, {"prompt": p}
    # An explicit "" keeps encode() from falling back to a saved default_prompt_name.
    return query or {"prompt": ""}, passage or {"prompt": ""}


def family_prompts(names: list[str]) -> tuple[str, str]:
    """(query prefix, passage prefix) for model families known by name."""
    for name in names:
        base = name.lower().replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        parts = re.split(r"[-_.]", base)
        if base.startswith("bge-m3"):
            return "", ""
        if "e5" in parts:
            if "instruct" in parts:
                return E5_INSTRUCT_QUERY, ""
            return "query: ", "passage: "
        if base.startswith("bge-") and "zh" in parts:
            return BGE_ZH_QUERY, ""
        if base.startswith("bge-") and "en" in parts:
            return BGE_EN_QUERY, ""
    return "", ""


def _names(model: str) -> list[str]:
    """The spec, plus the hub id a local copy was saved from (config.json `_name_or_path`)."""
    names = [model]
    cfg = Path(model).expanduser() / "config.json"
    try:
        origin = json.loads(cfg.read_text(encoding="utf-8")).get("_name_or_path")
        if isinstance(origin, str) and origin:
            names.append(origin)
    except (OSError, ValueError):
        pass
    return names


def load_st_model(kind: str, model: str, *, fix: str, error: type[Exception], **kwargs):
    """Load sentence_transformers.<kind> from a folder, the local HF cache, or (if reachable) the hub.

    `fix` is the setting that points at a local copy, e.g. "RAG_EMBEDDER=st:".
    """
    def fail(why: str) -> Exception:
        return error(
            f"could not load the model {model!r}: {why}. This machine may have no access to the "
            f"Hugging Face hub: copy the model to a local folder (one with modules.json / config.json) "
            f"and point at it with {fix}/path/to/model-folder")

    path = Path(model).expanduser()
    if path.exists():
        if not path.is_dir():
            raise fail("it is a file, not a model folder")
        if not any((path / f).is_file() for f in ("modules.json", "config.json")):
            raise fail(f"the folder {str(path)!r} has no modules.json or config.json")
    elif _looks_like_path(model):
        raise fail(f"no such folder {str(path)!r}")

    try:
        import sentence_transformers
    except ImportError as e:
        raise error(f"{fix}... needs sentence-transformers ({e}); install it with: "
                    "pip install sentence-transformers") from None
    factory = getattr(sentence_transformers, kind)
    if path.exists():
        return _call(factory, str(path), fail, local_files_only=True, **kwargs)

    try:   # already in the local Hugging Face cache?
        return factory(model, local_files_only=True, **kwargs)
    except Exception:
        pass
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes", "on"):
        raise fail("it is not in the local Hugging Face cache and HF_HUB_OFFLINE is set")
    endpoint, unreachable = _hub_unreachable()
    if unreachable:
        # Without this check huggingface_hub retries for over a minute before giving up.
        raise fail(f"it is not in the local Hugging Face cache and {endpoint} is unreachable ({unreachable})")
    return _call(factory, model, fail, **kwargs)


def _call(factory, name: str, fail, **kwargs):
    try:
        return factory(name, **kwargs)
    except Exception as e:
        first = (str(e).strip().splitlines() or [""])[0][:200]
        raise fail(f"{type(e).__name__}: {first}") from None


def _looks_like_path(model: str) -> bool:
    # Hub ids are "name" or "org/name"; anything else is meant as a folder.
    return (model.startswith(("/", ".", "~")) or "\\" in model or model.count("/") > 1
            or bool(re.match(r"^[A-Za-z]:", model)))


def _hub_unreachable(timeout: float = 3.0) -> tuple[str, str | None]:
    """(endpoint, None if a TCP connection to it succeeds, else why not), within ~timeout seconds."""
    endpoint = os.environ.get("HF_ENDPOINT") or "https://huggingface.co"
    url = urlparse(endpoint)
    port = url.port or (443 if url.scheme == "https" else 80)
    result: list[str | None] = []

    def probe():   # in a thread: getaddrinfo has no timeout of its own
        try:
            socket.create_connection((url.hostname, port), timeout=timeout).close()
            result.append(None)
        except OSError as e:
            result.append(f"{type(e).__name__}: {e}")

    t = threading.Thread(target=probe, daemon=True)
    t.start()
    t.join(timeout + 0.5)
    return endpoint, (result[0] if result else f"no answer in {timeout:g}s")
