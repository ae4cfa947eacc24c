"""Places named in a question (in Chinese, or romanised) mapped to the documents about them.

Each document's `place` metadata ("<省><市><县>") names where it is from; its last
administrative unit is what questions say, and the domain profile knows its short name and
pinyin. Places every document shares (their common city) say nothing.
"""
from __future__ import annotations

import re

from rag.profiles import get_profile


def place_names(place: str | None) -> list[str]:
    """Ways a question may name the document's own place: its name, short name, pinyin."""
    return get_profile().place_names(place)


def build(docs: dict[str, dict]) -> dict[str, list[str]]:
    """doc_id -> its place names, leaving out names that every document shares."""
    out = {doc_id: place_names(meta.get("place")) for doc_id, meta in docs.items()}
    if len(out) > 1:
        shared = set.intersection(*(set(v) for v in out.values()))
        out = {k: [n for n in v if n not in shared] for k, v in out.items()}
    return {k: v for k, v in out.items() if v}


def docs_named(question: str, places: dict[str, list[str]]) -> list[str]:
    q = question.lower()
    found = []
    for doc_id, names in places.items():
        for n in names:
            hit = (re.search(rf"\b{re.escape(n)}", q) if n.isascii() else n in question)
            if hit:
                found.append(doc_id)
                break
    return found
