"""`rag eval draft`: candidate questions drawn from an index's own passages, for review.

The domain profile's drafting module (`DomainProfile.drafting_module`, e.g.
rag/profiles/zh_gov/drafting.py) says which questions a passage supports and how to phrase
them; this module walks the passages, keeps candidates whose gold quotes are exact substrings
of their passage and whose question copies fewer than 15 characters of a quote, adds
near-miss unanswerable variants (a year no document covers, a place no document is about),
and picks a balanced sample. A draft is not a set question until a reviewer accepts it
(`rag eval accept`, or the Evaluation tab): the drafts file carries a "draft" field the set
loader refuses.
"""
from __future__ import annotations

import importlib
import json
import random
from dataclasses import dataclass, field

from rag.eval.runner import EvalError

MAX_COPY = 14              # a question may share at most 14 consecutive characters with a quote
NEAR_MISS_SHARE = 0.2      # of the drafts; the bundled test part has 22 of 137 (0.16) unanswerable
STATUSES = ("pending", "accepted", "edited", "rejected")


@dataclass
class Draft:
    id: str
    question: str
    lang: str
    type: str
    gold_quotes: list[str]
    answer_keywords: list[str]
    kind: str                          # who, when, figure, requirement, table, wrong-year, ...
    source: str                        # doc_id
    passage: str | None = None         # chunk id the quote was taken from (None for near misses)
    unanswerable: bool = False
    near_miss: str | None = None
    status: str = "pending"
    of: str | None = None              # for a near miss: the draft it varies

    def to_set(self) -> dict:
        """The set line (eval/README.md fields) for an accepted draft."""
        obj = {"id": self.id, "question": self.question, "lang": self.lang, "type": self.type,
               "gold_quotes": self.gold_quotes, "answer_keywords": self.answer_keywords,
               "source": self.source}
        if self.unanswerable:
            obj["unanswerable"] = True
            obj["near_miss"] = self.near_miss or "other"
        return obj

    def to_dict(self) -> dict:
        """The drafts-file line: the set fields plus "draft" (kind, passage, status)."""
        return {**self.to_set(), "draft": {"kind": self.kind, "passage": self.passage,
                                           "status": self.status, "of": self.of}}

    @classmethod
    def from_dict(cls, obj: dict) -> "Draft":
        d = obj.get("draft") or {}
        return cls(id=obj["id"], question=obj["question"], lang=obj["lang"], type=obj["type"],
                   gold_quotes=list(obj.get("gold_quotes") or []),
                   answer_keywords=list(obj.get("answer_keywords") or []),
                   kind=d.get("kind", "?"), source=obj.get("source", ""),
                   passage=d.get("passage"), unanswerable=bool(obj.get("unanswerable")),
                   near_miss=obj.get("near_miss"), status=d.get("status", "pending"),
                   of=d.get("of"))


def longest_common(a: str, b: str) -> int:
    """Length of the longest common substring of two short strings."""
    best, prev = 0, [0] * (len(b) + 1)
    for ch in a:
        cur = [0] * (len(b) + 1)
        for j, other in enumerate(b, 1):
            if ch == other:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def copies_quote(question: str, quotes: list[str]) -> bool:
    """True when the question shares 15 or more consecutive characters with a gold quote."""
    return any(longest_common(question, q) > MAX_COPY for q in quotes)


def _drafting(settings):
    from rag.profiles import get_profile
    prof = get_profile(settings=settings)
    if not prof.drafting_module:
        raise EvalError(f"profile {prof.name!r} has no drafting rules (DomainProfile.drafting_module)")
    return importlib.import_module(prof.drafting_module), prof


def _covered_years(docs: dict) -> set[int]:
    years: set[int] = set()
    for d in docs.values():
        p = d.get("profile") or {}
        if p.get("period"):
            years |= set(range(p["period"][0], p["period"][1] + 1))
        if p.get("year"):
            years.add(p["year"])
    return years


def _other_year(covered: set[int]) -> int | None:
    """A year just before everything the documents cover (and not named as covered)."""
    if not covered:
        return None
    y = min(covered) - 2
    return y if y not in covered else None


def _other_place(prof, doc: dict, corpus_text: str) -> tuple[str | None, bool]:
    """(a place no document is about, whether the documents are national): a province for
    national documents, else a sibling of the document's place (same parent and level)."""
    place = (doc.get("profile") or {}).get("place") or ""
    table = prof.places()
    if place in ("全国", ""):
        for p in table.places:
            if p.level == "province" and p.name not in corpus_text and p.short not in corpus_text:
                return p.name, True
        return None, True
    own = next((p for p in table.in_chinese(place) if place.endswith(p.name)), None)
    if own is None:
        return None, False
    for p in table.places:
        if (p.parent == own.parent and p.level == own.level and p.id != own.id
                and p.name not in corpus_text and p.short not in corpus_text):
            return p.name, False
    return None, False


def draft_candidates(index, settings) -> list[Draft]:
    """Every candidate the profile finds in the index, answerable ones first (not sampled)."""
    mod, prof = _drafting(settings)
    docs = index.docs
    covered = _covered_years(docs)
    other_year = _other_year(covered)
    corpus_text = "".join(c.text for c in index.chunks)
    places: dict[str, tuple[str | None, bool]] = {}
    out: list[Draft] = []
    seen_q: set[str] = set()
    seen_quote: set[str] = set()
    for chunk in index.chunks:
        doc = docs.get(chunk.doc_id) or {}
        for c in mod.candidates(chunk.text, chunk.date, doc, chunk.kind):
            quotes = c["gold_quotes"]
            if (not quotes or not all(q in chunk.text for q in quotes)
                    or copies_quote(c["question"], quotes) or c["question"] in seen_q
                    or (quotes[0] in seen_quote and c["lang"] == "zh")):
                continue
            seen_q.add(c["question"])
            seen_quote.add(quotes[0])
            d = Draft(id="", question=c["question"], lang=c["lang"], type=c["type"],
                      gold_quotes=quotes, answer_keywords=c["answer_keywords"], kind=c["kind"],
                      source=chunk.doc_id, passage=chunk.id)
            out.append(d)
            if chunk.doc_id not in places:
                places[chunk.doc_id] = _other_place(prof, doc, corpus_text)
            other_place, national = places[chunk.doc_id]
            for nm in mod.near_misses(c, other_year, other_place, national):
                if nm["question"] in seen_q:
                    continue
                seen_q.add(nm["question"])
                out.append(Draft(id="", question=nm["question"], lang=nm["lang"], type=nm["type"],
                                 gold_quotes=[], answer_keywords=[], kind=nm["kind"],
                                 source=chunk.doc_id, unanswerable=True,
                                 near_miss=nm["near_miss"], of=c["question"]))
    return out


def pick(cands: list[Draft], n: int, seed: int = 0) -> list[Draft]:
    """A balanced sample: about NEAR_MISS_SHARE near misses, the rest round-robin over the
    kinds of question and spread over documents (shuffled with `seed`)."""
    rng = random.Random(seed)
    answerable = [c for c in cands if not c.unanswerable]
    misses = [c for c in cands if c.unanswerable]
    n_miss = min(len(misses), round(n * NEAR_MISS_SHARE))
    chosen = _round_robin(answerable, n - n_miss, rng, key=lambda d: (d.kind, d.source))
    chosen += _round_robin(misses, n - len(chosen), rng, key=lambda d: d.kind)
    for i, d in enumerate(chosen, 1):
        d.id = f"draft-{i:03d}"
    return chosen


def _round_robin(items: list[Draft], n: int, rng: random.Random, key) -> list[Draft]:
    groups: dict = {}
    for d in items:
        groups.setdefault(key(d), []).append(d)
    for g in groups.values():
        rng.shuffle(g)
    order = sorted(groups, key=str)
    out: list[Draft] = []
    while len(out) < n and any(groups.values()):
        for k in order:
            if groups[k] and len(out) < n:
                out.append(groups[k].pop())
    return out


def draft_index(settings, n: int = 60, seed: int = 0) -> list[Draft]:
    """`n` drafts from the settings' index (fewer when the documents support fewer)."""
    from rag.api import RAG
    if n < 1:
        raise EvalError(f"--n must be at least 1, got {n}")
    index = RAG(settings).load_index(check=False)
    return pick(draft_candidates(index, settings), n, seed)


def drafts_jsonl(drafts: list[Draft]) -> str:
    return "".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in drafts)


@dataclass
class Accepted:
    items: list[dict] = field(default_factory=list)      # set lines
    errors: list[str] = field(default_factory=list)


def accept(drafts: list[Draft], passages: list[str] | None = None) -> Accepted:
    """The set lines of the accepted and edited drafts, re-checked: an edited question must
    still not copy its quote, and each quote must still lie inside a passage exactly."""
    out = Accepted()
    for d in drafts:
        if d.status not in STATUSES:
            out.errors.append(f"{d.id}: field 'draft.status' must be one of {', '.join(STATUSES)}, "
                              f"got {d.status!r}")
            continue
        if d.status not in ("accepted", "edited"):
            continue
        if copies_quote(d.question, d.gold_quotes):
            out.errors.append(f"{d.id}: field 'question' copies 15 or more characters of its gold quote")
            continue
        if passages is not None:
            missing = [q for q in d.gold_quotes if not any(q in p for p in passages)]
            if missing:
                out.errors.append(f"{d.id}: field 'gold_quotes': {missing[0]!r} not found in any "
                                  "passage of the index")
                continue
        out.items.append(d.to_set())
    return out
