"""Made-up passages and the constraint check on them, shared by the abstention tests."""
from __future__ import annotations

from rag.answer.constraints import extract
from rag.answer.evidence import check
from rag.answer.extractive import passage_sentences
from rag.types import Chunk, Hit


def hit(text: str, years=(), stance=None, period=None, title="2015年国务院政府工作报告",
        date=None, speaker=None, ref_year=None, place=None) -> Hit:
    c = Chunk(id="d:p1", doc_id="d", doc_title=title, section="", date=date, start=0,
              end=len(text), text=text, hash="h", years=list(years), stance=stance,
              doc_period=list(period) if period else None, speaker=speaker, ref_year=ref_year,
              doc_place=place)
    return Hit(c, 1.0, 1)


def decide(q, hits):
    cons = extract(q)
    return cons, check(cons, hits, passage_sentences)
