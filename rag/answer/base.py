"""The one base class every answer backend implements, and the errors they raise."""
from __future__ import annotations

from typing import Iterator

from rag.settings import Settings
from rag.types import Hit

# The exact sentences an answer gives when the passages do not contain the answer.
ABSTAIN = {"zh": "资料中没有找到相关信息。", "en": "The documents do not say."}


class AnswerError(RuntimeError):
    """Base of answer-time errors; messages say what to set or install to fix them."""


class AnswererUnavailable(AnswerError):
    """The backend is not configured or not installed."""


class LLMError(AnswerError):
    """A model call failed (auth, network, timeout, server). The chain falls back on these."""


class Answerer:
    """Turns a question and retrieved hits into answer text with [n] citation markers.

    Subclasses implement `stream()`; [n] refers to the n-th hit passed in (1-based), which is
    the numbering `rag.answer.context.build_context` gives the same hits. Constructors must
    stay cheap (no model loading, no network): `available_answerers()` builds each one.
    """
    name = "base"
    needs_network = False     # talks to a remote endpoint
    can_condense = False      # good enough to rewrite follow-up questions with the condense prompt

    def __init__(self, settings: Settings | None = None):
        self.settings = settings if settings is not None else Settings.load()

    def available(self) -> tuple[bool, str]:
        """(True, "") when usable; otherwise (False, what to set or install)."""
        return True, ""

    def require(self) -> None:
        """Raise AnswererUnavailable, saying what to set or install, unless usable."""
        ok, why = self.available()
        if not ok:
            raise AnswererUnavailable(f"{self.name} answerer unavailable: {why}")

    def context_budget(self) -> int:
        """Tokens of numbered passages this backend takes (the chain packs hits to this)."""
        return self.settings.context_tokens

    def stream(self, question: str, hits: list[Hit], lang: str | None = None) -> Iterator[str]:
        """Yield the answer as text deltas; `lang` ("zh"/"en") defaults to the question's."""
        raise NotImplementedError

    def generate(self, question: str, hits: list[Hit], lang: str | None = None) -> str:
        return "".join(self.stream(question, hits, lang))

    def chat(self, messages: list[dict], max_tokens: int | None = None) -> str:
        """One plain chat completion (used for follow-up rewriting); LLM backends only."""
        raise AnswerError(f"the {self.name!r} answerer cannot run free-form prompts")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"
