"""Answer with any OpenAI-compatible chat API (OpenAI, DeepSeek, Qwen, vLLM, Ollama) via langchain-openai.

Errors name the RAG_LLM_* setting that fixes them. The API key never appears in an error,
log line or repr: server messages are passed through `redact()` first.
"""
from __future__ import annotations

import re
from typing import Iterator

from rag.answer.base import Answerer, LLMError
from rag.answer.context import answer_messages
from rag.answer.query import detect_lang
from rag.types import Hit

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"    # only when talking to api.openai.com (no base URL set)
MAX_RETRIES = 1
_KEYLIKE = re.compile(r"\b(?:sk|pk|ak|key)-[A-Za-z0-9_\-*.]{4,}|Bearer\s+\S+", re.I)


def redact(text: str, key: str | None) -> str:
    """Text with the key, and anything shaped like a key (sk-..., masked sk-ab***yz), removed."""
    if key:
        text = text.replace(key, "***")
    return _KEYLIKE.sub("***", text)


class OpenAIAnswerer(Answerer):
    name = "openai"
    needs_network = True
    can_condense = True

    def __init__(self, settings=None, model: str | None = None):
        super().__init__(settings)
        s = self.settings
        self.base_url = s.llm_base_url
        self.model = model or s.llm_model or (None if s.llm_base_url else DEFAULT_OPENAI_MODEL)
        self._client = None

    def available(self) -> tuple[bool, str]:
        s = self.settings
        if not s.llm_base_url and not s.llm_api_key:
            return False, "no API key or base URL configured (set RAG_LLM_BASE_URL / RAG_LLM_API_KEY)"
        if not self.model:
            return False, "no model configured for the LLM endpoint (set RAG_LLM_MODEL)"
        try:
            import langchain_openai  # noqa: F401
        except ImportError:
            return False, "langchain-openai not installed (pip install langchain-openai)"
        return True, ""

    # client
    def _llm(self):
        self.require()
        if self._client is None:
            from langchain_openai import ChatOpenAI
            s = self.settings
            self._client = ChatOpenAI(
                model=self.model, base_url=s.llm_base_url,
                api_key=s.llm_api_key or "not-needed",     # local servers (Ollama, vLLM) take any key
                timeout=s.llm_timeout, max_retries=MAX_RETRIES, max_tokens=s.llm_max_tokens,
                temperature=0 if s.llm_temperature is None else s.llm_temperature)
        return self._client

    def _where(self) -> str:
        return self.base_url or "the OpenAI API"

    def _error(self, e: Exception) -> LLMError:
        """Translate an openai/httpx exception into an LLMError that names the fix."""
        import openai
        s, where = self.settings, self._where()
        status = getattr(e, "status_code", None)
        detail = redact(str(getattr(e, "message", "") or e), s.llm_api_key)[:300]
        if isinstance(e, openai.AuthenticationError) or status == 401:
            msg = f"the LLM endpoint {where} rejected the API key (HTTP 401): check RAG_LLM_API_KEY"
        elif isinstance(e, openai.PermissionDeniedError) or status == 403:
            msg = f"the API key may not use model {self.model!r} at {where} (HTTP 403): check RAG_LLM_API_KEY and RAG_LLM_MODEL"
        elif isinstance(e, openai.NotFoundError) or status == 404:
            msg = (f"model {self.model!r} or the chat endpoint was not found at {where} (HTTP 404): "
                   f"check RAG_LLM_MODEL, and that RAG_LLM_BASE_URL ends in /v1 if the server needs it")
        elif isinstance(e, openai.RateLimitError) or status == 429:
            msg = f"rate limited by {where} (HTTP 429): wait and retry, or check the plan's quota ({detail})"
        elif isinstance(e, openai.APITimeoutError):
            msg = f"the LLM at {where} did not answer within {s.llm_timeout:g}s: raise RAG_LLM_TIMEOUT or try later"
        elif isinstance(e, openai.APIConnectionError):
            msg = f"cannot connect to the LLM endpoint {where}: check RAG_LLM_BASE_URL and that the server is running"
        elif isinstance(e, openai.APIStatusError) and status and status >= 500:
            msg = f"the LLM endpoint {where} failed (HTTP {status}): try again later ({detail})"
        elif isinstance(e, openai.APIStatusError):
            msg = f"the LLM endpoint {where} refused the request (HTTP {status}): {detail}"
        else:
            msg = f"LLM call to {where} failed: {type(e).__name__}: {detail}"
        err = LLMError(redact(msg, s.llm_api_key))
        err.status_code = status
        return err

    def _messages(self, msgs: list[dict]):
        from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
        kinds = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
        return [kinds[m["role"]](content=m["content"]) for m in msgs]

    def answer_messages(self, question: str, hits: list[Hit], lang: str) -> list[dict]:
        return answer_messages(question, hits, lang, self.context_budget())

    # Answerer API
    def stream(self, question: str, hits: list[Hit], lang: str | None = None) -> Iterator[str]:
        lang = lang or detect_lang(question)
        msgs = self._messages(self.answer_messages(question, hits, lang))
        llm = self._llm()
        try:
            for chunk in llm.stream(msgs):
                if chunk.content:
                    yield chunk.content if isinstance(chunk.content, str) else str(chunk.content)
        except LLMError:
            raise
        except Exception as e:       # openai.*Error, httpx errors: translated, key-free
            raise self._error(e) from None

    def chat(self, messages: list[dict], max_tokens: int | None = None) -> str:
        llm = self._llm()
        if max_tokens:
            llm = llm.bind(max_tokens=max_tokens)
        try:
            out = llm.invoke(self._messages(messages))
        except Exception as e:
            raise self._error(e) from None
        return out.content if isinstance(out.content, str) else str(out.content)

    def generate(self, question: str, hits: list[Hit], lang: str | None = None) -> str:
        """One non-streaming call (some gateways handle it better than SSE)."""
        lang = lang or detect_lang(question)
        return self.chat(self.answer_messages(question, hits, lang))
