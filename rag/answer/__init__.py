"""Answer generation: prompts, context packing, answerers, citation checks and the answer chain.

Backends are looked up by a short spec: "extractive", "openai", "openai:<model>", "local",
"local:<path.gguf>", or "auto" (openai if configured, else a local GGUF the user configured,
else extractive).
Backend modules are imported only when asked for.
"""
from __future__ import annotations

from importlib import import_module

from rag.answer.base import ABSTAIN, Answerer, AnswerError, AnswererUnavailable, LLMError  # noqa: F401
from rag.settings import Settings

ANSWERERS = {
    "openai": ("rag.answer.openai_llm", "OpenAIAnswerer"),
    "local": ("rag.answer.local_llm", "LocalAnswerer"),
    "extractive": ("rag.answer.extractive", "ExtractiveAnswerer"),
}
AUTO_ORDER = ("openai", "local", "extractive")
# "auto" skips the bundled Gemma 3 270M: on 20 questions of eval/sets/bundled.jsonl it scored
# keyword recall 0.50, faithfulness 0.50 and citation precision 0.74 at 12.5 s a question, where
# extractive scored 0.88, 1.00 and 0.94 at 13 ms (`rag eval SUBSET --llm local|extractive`).
# A GGUF the user names in RAG_LOCAL_MODEL is taken as a deliberate choice.


def _build(name: str, arg: str | None, settings: Settings) -> Answerer:
    module, cls = ANSWERERS[name]
    klass = getattr(import_module(module), cls)
    if arg is None:
        return klass(settings)
    if name == "openai":
        return klass(settings, model=arg)
    if name == "local":
        return klass(settings, model_path=arg)
    raise AnswerError(f"answerer {name!r} takes no argument (got {name}:{arg})")


def resolve(name: str | None, settings: Settings) -> str:
    """The backend "auto" (or None) stands for with these settings."""
    name = name or "auto"
    if name != "auto":
        return name
    for candidate in AUTO_ORDER:
        if candidate == "local" and not settings.local_model:
            continue
        ok, _ = _build(candidate, None, settings).available()
        if ok:
            return candidate
    return "extractive"


def get_answerer(name: str | None = None, settings: Settings | None = None) -> Answerer:
    """The answerer for a spec (default: settings.llm), checked to be usable."""
    settings = settings if settings is not None else Settings.load()
    spec = resolve(name or settings.llm, settings)
    base, _, arg = spec.partition(":")
    if base not in ANSWERERS:
        raise AnswerError(f"unknown answerer {spec!r}: choose one of auto, {', '.join(ANSWERERS)} "
                          f"(set RAG_LLM or pass --llm)")
    answerer = _build(base, arg or None, settings)
    answerer.require()
    return answerer


def available_answerers(settings: Settings | None = None) -> dict[str, tuple[bool, str]]:
    """{name: (usable, reason if not)} for every backend, without loading any model."""
    settings = settings if settings is not None else Settings.load()
    out = {}
    for name in ANSWERERS:
        try:
            out[name] = _build(name, None, settings).available()
        except Exception as e:          # a backend module that fails to import is just unavailable
            out[name] = (False, f"{type(e).__name__}: {e}")
    return out


def __getattr__(name: str):
    # answer_question / stream_answer / condense / verify_answer without importing them eagerly
    lazy = {"answer_question": "rag.answer.chain", "stream_answer": "rag.answer.chain",
            "build_chain": "rag.answer.chain", "condense": "rag.answer.condense",
            "verify_answer": "rag.answer.verify", "build_context": "rag.answer.context",
            "load_prompt": "rag.answer.prompts"}
    if name in lazy:
        return getattr(import_module(lazy[name]), name)
    raise AttributeError(f"module 'rag.answer' has no attribute {name!r}")
