"""Whole paragraphs for answering: retrieval ranks chunks, answers cite paragraphs.

A long paragraph is indexed in parts (e.g. a chronicle entry: who met when in part 0, the
requirements in part 2). Answering from the part alone loses the who and when; citing two
parts cites one paragraph twice. So each hit is widened to its paragraph before answering.
"""
from __future__ import annotations

from dataclasses import replace

from rag.types import Chunk, Hit


def paragraph_groups(chunks: list[Chunk]) -> dict[tuple[str, int], list[int]]:
    groups: dict[tuple[str, int], list[int]] = {}
    for i, c in enumerate(chunks):
        groups.setdefault((c.doc_id, c.para), []).append(i)
    return groups


def widen(hits: list[Hit], chunks: list[Chunk], groups: dict) -> list[Hit]:
    """One hit per paragraph, in the order of its best-ranked part, text = whole paragraph."""
    out: list[Hit] = []
    seen: set = set()               # (doc_id, paragraph) of prose, chunk ids of tables
    for h in hits:
        if h.chunk.kind:
            # a table part repeats its header and a row names its columns: each stands alone,
            # and widening a row to its whole table would lose which row was found
            if h.chunk.id not in seen:
                seen.add(h.chunk.id)
                out.append(replace(h, rank=len(out) + 1))
            continue
        key = (h.chunk.doc_id, h.chunk.para)
        if key in seen:
            continue
        seen.add(key)
        parts = [chunks[i] for i in groups.get(key, []) if not chunks[i].kind]
        if len(parts) <= 1:
            out.append(replace(h, rank=len(out) + 1))
            continue
        parts.sort(key=lambda c: c.part)
        first = parts[0]
        para = replace(h.chunk, id=f"{first.doc_id}:p{first.para:04d}", start=first.start,
                       end=parts[-1].end, text="".join(c.text for c in parts), part=0,
                       hash=first.hash)
        out.append(Hit(chunk=para, score=h.score, rank=len(out) + 1, sources=dict(h.sources)))
    return out
