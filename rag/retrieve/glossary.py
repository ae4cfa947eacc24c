"""English -> Chinese terms of a question, from the domain profile's glossary and place list.

Kept as the retriever's entry point; the table itself lives in the profile
(`rag.profiles.zh_gov.glossary` for zh-gov).
"""
from __future__ import annotations

from rag.profiles import get_profile

__all__ = ["glossary", "translate_terms"]


def glossary() -> dict[str, tuple[str, ...]]:
    """Lowercase English phrase -> Chinese expressions (places not included)."""
    return get_profile().glossary().entries


def translate_terms(question: str) -> list[str]:
    """Chinese expressions for every glossary phrase and place name in an English question.

    Longer phrases win over the shorter phrases inside them ("deputy district head" yields
    副区长, not also 区长); phrases that merely overlap are both kept. Question order, no
    duplicates.
    """
    return get_profile().translate_terms(question)
