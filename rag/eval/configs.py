"""Named configurations `rag eval` can compare side by side.

A configuration is built from settings and offers `retrieve(question, k) -> list[Hit]` and,
when it can answer, `answer(question) -> Answer`. The product configurations go through
`rag.api.RAG` exactly as the CLI and UI do; "naive-langchain" is the tutorial-style baseline.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from rag.types import Answer, Hit


class ConfigError(ValueError):
    """An unknown configuration name, or one that cannot be built; says how to fix it."""


class ApiConfig:
    """The product pipeline (rag.api.RAG), optionally with the retrieval mode forced."""

    def __init__(self, name: str, settings, mode: str | None = None):
        from rag.api import RAG

        self.name = name
        self.mode = mode or settings.mode
        self.api = RAG(replace(settings, mode=self.mode))
        if not self.api.store.exists() and settings.index == "default":
            # a fresh checkout: evaluate the bundled corpus, as `make run` would serve it
            import sys
            print(f"no index '{settings.index}' yet: building it from {settings.corpus_dir} "
                  "(about 3 minutes)", file=sys.stderr)
            self.api.ensure_index()
        try:
            self.api.load_index()
        except FileNotFoundError as e:
            raise ConfigError(f"config {name!r}: {e}") from None

    def retrieve(self, question: str, k: int) -> list[Hit]:
        return self.api.retrieve(question, k=k, mode=self.mode).hits

    def answer(self, question: str) -> Answer:
        return self.api.ask(question, llm=self.api.settings.llm, mode=self.mode)

    def doc_years(self, doc_id: str) -> set[int] | None:
        """The document's own year and the years it covers, from its profile (None when
        unknown): a yearbook of 2020 is of 2020 and about 2019."""
        prof = (self.api.load_index().docs.get(doc_id) or {}).get("profile") or {}
        period = prof.get("period")
        years = set(range(period[0], period[1] + 1)) if period else set()
        years |= {prof["year"]} if prof.get("year") else set()
        return years or None

    def describe(self) -> str:
        s = self.api.settings
        return (f"rag.api.RAG, mode={self.mode}, embedder={s.embedder}, index={s.index_path}, "
                f"store={s.store}")


def _default(settings):
    return ApiConfig("default", settings)


def _mode(mode: str) -> Callable:
    def make(settings):
        return ApiConfig(mode, settings, mode=mode)
    make.__doc__ = f"The product pipeline with retrieval mode forced to {mode}."
    return make


def _naive(settings):
    from rag.eval.naive import NaiveLangChain
    try:
        return NaiveLangChain.load(settings)
    except FileNotFoundError as e:
        raise ConfigError(str(e)) from None


CONFIGS: dict[str, Callable] = {
    "default": _default,
    "dense": _mode("dense"),
    "bm25": _mode("bm25"),
    "hybrid": _mode("hybrid"),
    "naive-langchain": _naive,
}


def check_names(names: list[str]) -> None:
    """Raise ConfigError for unknown names before anything expensive is loaded."""
    unknown = [n for n in names if n not in CONFIGS]
    if unknown:
        raise ConfigError(f"unknown config {', '.join(map(repr, unknown))}; "
                          f"valid names: {', '.join(CONFIGS)}")


def build_config(name: str, settings):
    """The configuration object for `name` (see CONFIGS)."""
    check_names([name])
    return CONFIGS[name](settings)
