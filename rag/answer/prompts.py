"""Prompts live as text files in prompts/, loaded by name; a missing variable is an error.

File format: optional `[system]` and `[user]` section lines split the file into chat messages;
`{name}` is a placeholder and `{{` / `}}` are literal braces (str.format rules).
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path

from rag.settings import REPO_ROOT

PROMPTS_DIR = REPO_ROOT / "prompts"
_SECTION = re.compile(r"^\[(system|user|assistant)\][ \t]*$", re.M)


class PromptError(ValueError):
    """A prompt file is missing, malformed, or was formatted without a variable it needs."""


@dataclass(frozen=True)
class Prompt:
    name: str
    template: str

    @property
    def variables(self) -> list[str]:
        """Placeholder names, in order of first use."""
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(self.template) if f]
        except ValueError as e:
            raise PromptError(f"prompt {self.name!r} is malformed ({e}); write literal braces as {{{{ }}}}") from None
        seen: list[str] = []
        for f in fields:
            base = re.split(r"[.\[!:]", f, maxsplit=1)[0]
            if base not in seen:
                seen.append(base)
        return seen

    def format(self, **values) -> str:
        """The filled-in text; raises PromptError naming every missing variable."""
        missing = [v for v in self.variables if v not in values]
        if missing:
            names = ", ".join(repr(m) for m in missing)
            raise PromptError(f"prompt {self.name!r} needs variable(s) {names}: pass "
                              + ", ".join(f"{m}=..." for m in missing) + " to .format()")
        return self.template.format(**values)

    def messages(self, **values) -> list[dict]:
        """The filled-in prompt as chat messages [{"role", "content"}], split at [role] lines.

        A file without section lines is a single user message.
        """
        text = self.format(**values)
        parts = _SECTION.split(text)
        if len(parts) == 1:
            return [{"role": "user", "content": text.strip()}]
        if parts[0].strip():
            raise PromptError(f"prompt {self.name!r} has text before its first [system]/[user] line")
        return [{"role": role, "content": body.strip()}
                for role, body in zip(parts[1::2], parts[2::2]) if body.strip()]


def load_prompt(name: str, directory: Path | str | None = None) -> Prompt:
    """Load prompts/<name>.txt (or `directory`/<name>.txt)."""
    folder = Path(directory) if directory is not None else PROMPTS_DIR
    path = folder / f"{name}.txt"
    if not path.is_file():
        have = sorted(p.stem for p in folder.glob("*.txt")) if folder.is_dir() else []
        raise PromptError(f"prompt {name!r} not found: expected {path}"
                          + (f" (available: {', '.join(have)})" if have else ""))
    return Prompt(name, path.read_text(encoding="utf-8"))
