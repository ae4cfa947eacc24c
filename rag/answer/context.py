"""Numbered passages for the answer prompt, packed into a token budget.

[n] in an answer refers to the n-th hit of `Context.hits`; every answerer and the citation
verifier number passages this way.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from rag.ingest import instructions
from rag.ingest.chunker import count_tokens as _count_tokens
from rag.types import Chunk, Hit

# Passage text is data: it may not open or close the block it sits in, start a chat-template
# turn or a prompt section ("</passages>", "<|im_start|>", "[INST]", a "[system]" line), so
# angle brackets become ‹ › and role brackets full-width. Sentences flagged as instructions
# (rag.ingest.instructions) are fenced as quoted data; the prompts say what the fence means.
_ANGLE = str.maketrans({"<": "‹", ">": "›", "⟦": "〚", "⟧": "〛"})      # one char for one: offsets hold
_ROLE_TAG = re.compile(r"\[(\s*/?\s*(?:system|user|assistant|inst|sys)\s*)\]", re.I)
FENCE = ("⟦flagged⟧", "⟦/flagged⟧")


@dataclass
class Context:
    text: str                                      # "[1] 《title》 ...\n text\n\n[2] ..."
    hits: list[Hit] = field(default_factory=list)  # the hits included, in passage-number order
    tokens: int = 0
    dropped: int = 0                               # hits left out to stay within the budget
    truncated: bool = False                        # the first passage alone was over budget


def passage_header(chunk: Chunk) -> str:
    """"《doc_title》 section · date · speaker", leaving out what the chunk does not have."""
    # a title, heading or speaker holding an instruction is withheld (rag.ingest.instructions)
    parts = [instructions.safe_title(p) for p in (chunk.section, chunk.date, chunk.speaker) if p]
    title = instructions.safe_title(chunk.doc_title)
    head = f"《{title}》" if title else ""
    return " ".join(x for x in (head, " · ".join(parts)) if x)


def profile_line(chunk: Chunk) -> str:
    """What the passage is about, from its document profile: "about 2014 · looks back"."""
    bits = []
    years = chunk.years or (list(range(chunk.doc_period[0], chunk.doc_period[1] + 1))
                            if chunk.doc_period else [])
    if years:
        bits.append(f"about {years[0]}" + (f"–{years[-1]}" if len(years) > 1 else ""))
    if chunk.stance:
        bits.append({"review": "looks back (outcomes)", "plan": "plans (targets)"}[chunk.stance])
    return " · ".join(bits)


def neutralize(text: str) -> str:
    """Text from outside the prompt (passages, questions) with no template or section tokens."""
    return _ROLE_TAG.sub(r"［\1］", text.translate(_ANGLE))


def fenced(text: str, stored=()) -> str:
    """The passage text neutralized, each instruction-like sentence wrapped in FENCE as quoted
    data (the passage cannot forge a fence: its own ⟦ ⟧ are replaced)."""
    safe = neutralize(text)
    out, pos = [], 0
    for s, e in instructions.flagged_spans(text, stored):
        if s < pos:
            continue
        out += [safe[pos:s], FENCE[0], safe[s:e], FENCE[1]]
        pos = e
    return "".join(out) + safe[pos:]


# How much of a later paragraph's entry an LLM is shown: its opening and its last sentence
# (where and who presided; who is speaking). Not tuned: a sentence or two of a typical entry.
SCENE_EXCERPT_CHARS = 160


def scene_excerpt(scene: str) -> str:
    """The opening sentence and the last one of the entry a passage continues."""
    sents = re.findall(r"[^。！？]+[。！？]?", scene)
    if len(sents) <= 2 or len(scene) <= SCENE_EXCERPT_CHARS:
        return scene[:SCENE_EXCERPT_CHARS]
    first, last = sents[0][:SCENE_EXCERPT_CHARS // 2], sents[-1][-(SCENE_EXCERPT_CHARS // 2):]
    return f"{first}……{last}"


def format_passage(n: int, chunk: Chunk, text: str | None = None) -> str:
    body = fenced(chunk.text if text is None else text, chunk.flagged)
    about = profile_line(chunk)
    head = f"[{n}] {passage_header(chunk)}" + (f" ({about})" if about else "")
    # a later paragraph of a chronicle entry ("二要…"): who said it is in the entry before it
    scene = f"（接上文：{fenced(scene_excerpt(chunk.scene)).strip()}）\n" if chunk.scene else ""
    if not scene and chunk.lead_in:
        # a report's paragraph going on about what the one before named ("…的投资计划。")
        scene = f"（上文：{fenced(chunk.lead_in).strip()}）\n"
    return neutralize(head) + f"\n{scene}{body.strip()}"


def answer_messages(question: str, hits: list[Hit], lang: str, budget: int) -> list[dict]:
    """The answer prompt for an LLM: numbered passages with what each is about, and what the
    question fixes (year, outcome or target, place, the kind of value asked for)."""
    from rag.answer.constraints import extract
    from rag.answer.prompts import load_prompt
    ctx = build_context(hits, budget)
    cons = extract(question).describe(lang)
    return load_prompt(f"answer_{lang}").messages(passages=ctx.text, question=neutralize(question),
                                                  constraints=neutralize(cons or "-"))


# Cached: an index's passages recur across answers, and counting a passage's tokens costs
# ~0.2 ms per 300 characters (tiktoken), several passages an answer.
count_tokens = functools.lru_cache(maxsize=4096)(_count_tokens)


def _cut_to_tokens(text: str, budget: int) -> str:
    """The longest prefix of text within `budget` tokens (binary search on characters)."""
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if _count_tokens(text[:mid]) <= budget:     # prefixes: not worth caching
            lo = mid
        else:
            hi = mid - 1
    return text[:lo]


def build_context(hits: list[Hit], budget_tokens: int) -> Context:
    """Number hits in rank order, skipping duplicates and any passage that would overflow the
    budget (a later, shorter one may still fit). The top hit is always kept, cut if need be."""
    parts: list[str] = []
    kept: list[Hit] = []
    seen: set[str] = set()
    used = dropped = 0
    truncated = False
    sep = count_tokens("\n\n")
    for hit in hits:
        if hit.chunk.id in seen:
            continue
        seen.add(hit.chunk.id)
        n = len(kept) + 1
        block = format_passage(n, hit.chunk)
        cost = count_tokens(block) + (sep if parts else 0)
        if used + cost > budget_tokens:
            if kept:
                dropped += 1
                continue
            head = count_tokens(format_passage(n, hit.chunk, ""))
            block = format_passage(n, hit.chunk, _cut_to_tokens(hit.chunk.text, max(budget_tokens - head, 0)))
            cost, truncated = count_tokens(block), True
        parts.append(block)
        kept.append(hit)
        used += cost
    text = "\n\n".join(parts)
    # Packing sums per-passage counts (an upper bound: BPE merges across the joins only save).
    return Context(text, kept, count_tokens(text), dropped, truncated)
