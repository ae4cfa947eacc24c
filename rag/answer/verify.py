"""Check an answer's [n] citations against the passages they point to.

The answer is split into claims (sentences); each claim is scored against each passage it
cites with `rag.textsim.support` (fraction of the claim's character bigrams found in the
passage). Bigram overlap cannot tell 3.8万亿元 from 3.9万亿元, so a claim is also checked for
its facts: every number (with its unit), date and person name it states must occur in the
cited passages or their headers (`rag.answer.facts`; `ClaimCheck.mismatch` says which did not). Claims no passage
supports are flagged in the text, never silently kept; markers pointing to passages that do
not exist are dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rag.answer.base import ABSTAIN
from rag.answer.facts import claim_facts, evidence_text, missing_facts
from rag.answer.query import mostly_cjk
from rag.textsim import best_quote, is_cjk, support, units
from rag.types import Citation, Hit

# A citation is verified when at least this fraction of the claim's character bigrams occur in
# the cited passage. Measured on the bundled corpus: verbatim quotes score 1.0, Chinese
# paraphrases of the 2020-03-04 farmland entry 0.53-0.77, a topical but invented claim
# ("各镇在4月底前完成农田灌溉设施改造") 0.35, and a sentence against a random other passage 0.04
# (median) to 0.31 (99th percentile). 0.5 sits in the gap; tune it on the eval set.
SUPPORT_THRESHOLD = 0.5
# A claim citing several passages is supported when they cover it together; each of them then
# counts as verified if it carries at least this share of the threshold on its own.
JOINT_SHARE = 0.5
# Uncited sentences shorter than this (in units: Chinese characters, words, numbers) are
# framing ("综上，"), not claims, and are not checked.
MIN_CLAIM_UNITS = 4
QUOTE_MIN_LEN = 4
FLAG = {"zh": "⚠️[未核实]", "en": "⚠️[unverified]"}

_MARKER_BODY = r"[\[［]\s*(\d+(?:\s*(?:[,，、;；]|-|–)\s*\d+)*)\s*[\]］]|【\s*(\d+)\s*】"
_MARKER = re.compile(_MARKER_BODY)            # [1] [1,2] [2-4] ［1］ 【1】
_MARKERS_AFTER = re.compile(rf"(?:[ \t]*(?:{_MARKER_BODY}))+")
_TERMINATORS = set("。！？；!?;")
_OPEN_Q = set("“「『")
_CLOSE_Q = set("”」』")
_CLOSERS = set("”」』）)’\"'")
_LIST_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[a-zA-Z])$")


@dataclass
class ClaimCheck:
    """One sentence of the answer and how well the passages support it."""
    text: str                                   # the sentence without citation markers
    start: int                                  # offsets into the raw answer text
    end: int
    cited: list[int] = field(default_factory=list)     # passage numbers it cites (existing ones)
    dropped: list[int] = field(default_factory=list)   # markers to passages that do not exist
    support: dict[int, float] = field(default_factory=dict)   # passage number -> support
    checked: bool = True                        # False: framing, lead-in or abstention
    supported: bool = True
    # Facts the claim states that its passages do not: ["number 3.8万亿元 not in [1]"].
    mismatch: list[str] = field(default_factory=list)
    facts_ok: dict[int, bool] = field(default_factory=dict)  # passage number -> states all its facts

    @property
    def best(self) -> float:
        return max(self.support.values(), default=0.0)


@dataclass
class Verification:
    answer: str                                 # cleaned text: bad markers dropped, flags added
    citations: list[Citation]
    claims: list[ClaimCheck]

    @property
    def unsupported(self) -> list[ClaimCheck]:
        return [c for c in self.claims if c.checked and not c.supported]


def parse_markers(text: str) -> list[int]:
    """Passage numbers cited in text, in order, repeats kept: "[1][3]", "[1,2]", "[2-4]", "【1】"."""
    out: list[int] = []
    for m in _MARKER.finditer(text):
        if m.group(2):
            out.append(int(m.group(2)))
            continue
        for part in re.split(r"\s*[,，、;；]\s*", m.group(1).strip()):
            rng = re.fullmatch(r"(\d+)\s*[-–]\s*(\d+)", part)
            if rng:
                a, b = int(rng.group(1)), int(rng.group(2))
                out.extend(range(a, b + 1) if 0 <= b - a < 20 else (a, b))
            else:
                out.append(int(part))
    return out


def strip_markers(text: str) -> str:
    return _MARKER.sub("", text)


def _is_terminator(text: str, i: int) -> bool:
    ch = text[i]
    if ch in _TERMINATORS:
        return True
    if ch != ".":
        return False
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if nxt and not (nxt.isspace() or nxt in _CLOSERS or nxt in "[［【" or is_cjk(nxt)):
        return False          # 57.7, e.g.x, file.txt
    line_start = text.rfind("\n", 0, i) + 1
    return not _LIST_NUMBER.match(text[line_start:i])    # "1. " opens a list item


def split_claims(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of the sentences of an answer, each with its trailing markers.

    Ends at 。！？； and English . ! ? ; (not inside “quotes”, not in 57.7 or a "1." list
    number), and at line breaks. Markers right after the end ("。[1]") belong to the sentence.
    """
    spans: list[tuple[int, int]] = []
    start, depth, i, n = 0, 0, 0, len(text)

    def close(end: int):
        if text[start:end].strip():
            spans.append((start, end))

    while i < n:
        ch = text[i]
        if ch == "\n":
            close(i)
            start, depth, i = i + 1, 0, i + 1
            continue
        end_here = False
        if ch in _OPEN_Q:
            depth += 1
        elif ch in _CLOSE_Q:
            depth = max(0, depth - 1)
            end_here = depth == 0 and i > 0 and text[i - 1] in _TERMINATORS   # ……完成。”
        elif depth == 0 and _is_terminator(text, i):
            end_here = True
        if end_here:
            j = i + 1
            while j < n and text[j] in _CLOSERS:
                j += 1
            m = _MARKERS_AFTER.match(text, j)
            j = m.end() if m else j
            close(j)
            start, i = j, j
            continue
        i += 1
    close(n)
    return spans


def _comparable(claim: str, passage: str) -> str:
    """The part of a claim that can be compared with the passage character by character.

    Against a Chinese passage, a claim that mixes scripts (an English sentence quoting the
    Chinese source) is compared by its Chinese and numbers only: English words cannot match.
    """
    if mostly_cjk(passage) and any(is_cjk(c) for c in claim):
        return re.sub(r"[A-Za-z][A-Za-z'’\-]*", " ", claim)
    return claim


def _refs(ks) -> str:
    return "".join(f"[{k}]" for k in ks)


def claim_support(claim: str, hit: Hit) -> float:
    evidence = evidence_text(hit)
    return support(_comparable(claim, evidence), evidence)


def _quote(claim: str, hit: Hit) -> tuple[str, int, int] | None:
    text = hit.chunk.text
    span = best_quote(_comparable(claim, text), text, min_len=QUOTE_MIN_LEN)
    return (text[span[0]:span[1]], span[0], span[1]) if span else None


def _is_exempt(text: str) -> bool:
    t = text.strip()
    if not t or t in ABSTAIN.values():
        return True
    if t.endswith((":", "：")):
        return True                       # a lead-in: "According to 《…》 (2020-03-04):"
    return False


def verify_answer(answer: str, hits: list[Hit], lang: str = "zh",
                  threshold: float = SUPPORT_THRESHOLD) -> Verification:
    """Clean answer text, one Citation per cited passage (first-use order), and per-claim checks.

    `hits` are numbered from 1 as in the prompt context. A Citation's quote is the longest
    stretch of its passage that the best-supported claim citing it shares, at exact offsets.
    Sentences flagged as instructions (rag.ingest.instructions) never support a claim: claims
    are checked against the passages with those sentences blanked.
    """
    shown, hits = hits, [_without_instructions(h) for h in hits]
    claims: list[ClaimCheck] = []
    for s, e in split_claims(answer):
        raw = answer[s:e]
        numbers = parse_markers(raw)
        valid = list(dict.fromkeys(k for k in numbers if 1 <= k <= len(hits)))
        dropped = sorted({k for k in numbers if not 1 <= k <= len(hits)})
        text = strip_markers(raw).strip()
        if claims and valid and not units(text):      # "[1]" alone on a line: the line above cites it
            claims[-1].cited += [k for k in valid if k not in claims[-1].cited]
            claims.append(ClaimCheck(text, s, e, [], dropped, checked=False))
            continue
        claims.append(ClaimCheck(text, s, e, valid, dropped))

    for c in claims:
        if not c.checked:
            continue
        if c.cited:
            c.support = {k: claim_support(c.text, hits[k - 1]) for k in c.cited}
            joint = c.best
            if len(c.cited) > 1 and c.best < threshold:
                joint = support(_comparable(c.text, hits[c.cited[0] - 1].chunk.text),
                                "\n".join(evidence_text(hits[k - 1]) for k in c.cited))
            _check_facts(c, hits, c.cited)
            c.supported = joint >= threshold and not c.mismatch
        elif _is_exempt(c.text) or len(units(c.text)) < MIN_CLAIM_UNITS:
            c.checked = False
        else:
            c.support = {k: claim_support(c.text, h) for k, h in enumerate(hits, 1)}
            near = [k for k, s in c.support.items() if s >= threshold]
            if near:
                _check_facts(c, hits, near)
            c.supported = bool(near) and not c.mismatch

    citations = [_shown_citation(c, shown[c.n - 1]) for c in _citations(claims, hits, threshold)]
    return Verification(_rewrite(answer, claims, lang), citations, claims)


def _shown_citation(c: Citation, hit: Hit) -> Citation:
    """The citation over the passage as stored; a quote touching a flagged sentence never verifies."""
    from rag.ingest.instructions import overlaps
    flagged = c.end > c.start and overlaps(hit.chunk, c.start, c.end)
    return replace(c, text=hit.chunk.text, quote=hit.chunk.text[c.start:c.end],
                   verified=c.verified and not flagged)


def _without_instructions(hit: Hit) -> Hit:
    """The hit with its flagged sentences blanked (same offsets), or the hit itself."""
    from rag.ingest.instructions import masked_text
    text = masked_text(hit.chunk.text, hit.chunk.flagged)
    return hit if text == hit.chunk.text else replace(hit, chunk=replace(hit.chunk, text=text))


def _check_facts(c: ClaimCheck, hits: list[Hit], ks: list[int]) -> None:
    """Fill c.facts_ok (per passage) and c.mismatch (facts none of the passages ks states)."""
    facts = claim_facts(c.text)
    if not facts:
        return
    c.facts_ok = {k: not missing_facts(c.text, [hits[k - 1]], facts) for k in ks}
    if not any(c.facts_ok.values()):
        missing = missing_facts(c.text, [hits[k - 1] for k in ks], facts)
        c.mismatch = list(dict.fromkeys(f"{f} not in {_refs(ks)}" for f in missing))


def _cites_ok(c: ClaimCheck, k: int, threshold: float) -> bool:
    s = c.support.get(k, 0.0)
    return (s >= threshold and c.facts_ok.get(k, True)) or (c.supported and s >= threshold * JOINT_SHARE)


def _citations(claims: list[ClaimCheck], hits: list[Hit], threshold: float) -> list[Citation]:
    order: list[int] = []
    for c in claims:
        order += [k for k in c.cited if k not in order]
    out = []
    for k in order:
        citing = [c for c in claims if k in c.cited and c.checked]
        best = max(citing, key=lambda c: c.support.get(k, 0.0), default=None)
        hit = hits[k - 1]
        q = _quote(best.text, hit) if best else None
        verified = q is not None and any(_cites_ok(c, k, threshold) for c in citing)
        quote, start, end = q if q else ("", 0, 0)
        ch = hit.chunk
        out.append(Citation(n=k, id=ch.id, doc_title=ch.doc_title, section=ch.section, date=ch.date,
                            text=ch.text, quote=quote, start=start, end=end, verified=verified,
                            page=ch.page, kind=ch.kind, ocr_confidence=ch.ocr_confidence))
    return out


def _rewrite(answer: str, claims: list[ClaimCheck], lang: str) -> str:
    """Rebuild the answer: markers normalised to [n][m], dead ones dropped, unsupported claims flagged."""
    flag = FLAG.get(lang, FLAG["en"])
    out: list[str] = []
    pos = 0
    for c in claims:
        out.append(answer[pos:c.start])
        raw = answer[c.start:c.end]

        def fix(m: re.Match, dropped=c.dropped) -> str:
            keep = [k for k in dict.fromkeys(parse_markers(m.group(0))) if k not in dropped]
            return "".join(f"[{k}]" for k in keep)

        body = _MARKER.sub(fix, raw)
        if c.checked and not c.supported:
            stripped = body.rstrip()
            body = f"{stripped}{'' if lang == 'zh' else ' '}{flag}{body[len(stripped):]}"
        out.append(body)
        pos = c.end
    out.append(answer[pos:])
    return "".join(out).strip()


def clean_and_verify(answer: str, hits: list[Hit], lang: str = "zh"
                     ) -> tuple[str, list[Citation], list[ClaimCheck]]:
    """(clean answer text, citations, per-claim support) — the tuple form of `verify_answer`."""
    v = verify_answer(answer, hits, lang)
    return v.answer, v.citations, v.claims
