"""Check an answer's [n] citations against the passages they point to.

The answer is split into claims (sentences); each claim is scored against each passage it
cites with `rag.textsim.support` (fraction of the claim's character bigrams found in the
passage). Bigram overlap cannot tell 3.8万亿元 from 3.9万亿元, so a claim is also checked for
its facts: every number (with its unit), date and person name it states must occur in the
cited passages or their headers (`ClaimCheck.mismatch` says which did not). Claims no passage
supports are flagged in the text, never silently kept; markers pointing to passages that do
not exist are dropped.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from rag.answer.base import ABSTAIN
from rag.answer.constraints import arabize, find_dates
from rag.answer.context import passage_header
from rag.answer.query import mostly_cjk
from rag.profiles import get_profile
from rag.textsim import best_quote, is_cjk, is_han, normalize, support, units
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


def _evidence_text(hit: Hit) -> str:
    # The header is part of what the model saw, so a claim may rest on the title or date.
    return f"{passage_header(hit.chunk)}\n{hit.chunk.text}"


# ---- the facts a claim states: numbers with units, dates, person names -----------------------

_MAGNITUDE = {"万亿": 10 ** 12, "千亿": 10 ** 11, "百亿": 10 ** 10, "亿": 10 ** 8, "千万": 10 ** 7,
              "百万": 10 ** 6, "万": 10 ** 4, "千": 10 ** 3,
              "trillion": 10 ** 12, "billion": 10 ** 9, "million": 10 ** 6, "thousand": 10 ** 3}
# Units as written -> one name per kind of quantity, so "63.6 trillion yuan" meets 63.6万亿元.
# Counting words (个, 项, 家 ...) say nothing checkable and map to None, as does no unit.
_UNIT_NAMES = {
    "pp": "个百分点 百分点 |percentage points|percentage point",
    "%": "% |percent|per cent", "‰": "‰",
    "usd": "美元 |us dollars|dollars|usd", "yuan": "元 |yuan|rmb|renminbi",
    "people": "人次 人 名 |people|persons|residents|workers|jobs", "households": "户 |households",
    "km2": "平方公里 |square kilometres|square kilometers|sq km|km2", "m2": "平方米 |square metres|square meters",
    "ha": "公顷 |hectares", "mu": "亩 |mu", "km": "公里 千米 |kilometres|kilometers|km",
    "m": "米 |metres|meters", "t": "吨 |tonnes|tons", "kg": "千克 公斤 |kg", "year": "年 |years|year",
    None: "个 项 家 所 座 条 处 批 次 届 天 倍 辆 台 套 件 岁 位 |",
}
_UNIT_OF = {u.strip(): kind for kind, names in _UNIT_NAMES.items()
            for u in re.split(r"[ |]", names) if u.strip()}
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(_UNIT_OF, key=len, reverse=True))
_NUMBER = re.compile(
    r"(?<![A-Za-z0-9.])(?<![A-Za-z]-)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*[余多])?"
    r"(?:\s*(万亿|千亿|百亿|亿|千万|百万|万|千(?![米克瓦]))|\s+(trillion|billion|million|thousand)(?![A-Za-z]))?"
    rf"(?:\s*[余多])?(?:\s*({_UNIT_ALT})(?![A-Za-z]))?", re.I)
_DATE_ZH = re.compile(r"(?<![\d.])(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月(?:份)?\s*(?:(\d{1,2})\s*[日号])?"
                      r"(?:\s*[至到—–~-]\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*[日号])?")
_DATE_ISO = re.compile(r"(?<![\d.])((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.])")
_DAY_ONLY = re.compile(r"(?<![\d.])(\d{1,2})\s*日")
_ENUMERATOR = re.compile(r"^\s*(?:[-*•]\s*)?(?:[(（]\d{1,2}[)）]|\d{1,2}[.、)）](?!\d))")
# Characters no name here contains, and words that follow a title but are not names.
_NOT_NAME_CHARS = set("的了是在和与及等对也都就市区县镇乡省委会议记部局厅府副年月日全各该本我其此一二三四五六七八九十")
_NOT_NAME = set("明确 高度 全面 安排 关于 应当 成立 时刻 向全 于是 严格 严肃 严厉 文明 和谐 方面 深入 充分 高效 "
                "高质 金融 史无 安全 管理 曾经 连续".split())


@dataclass(frozen=True)
class Fact:
    """A checkable statement inside a claim."""
    kind: str                       # number | date | name
    text: str                       # as written
    value: Decimal | None = None    # numbers: with magnitude (3.8万亿 -> 3.8E+12)
    mantissa: Decimal | None = None  # numbers: as written (3.8)
    scaled: bool = False            # numbers: a magnitude word (万, 亿, million) was written
    unit: str | None = None         # numbers: a _UNIT_NAMES kind
    date: tuple[int | None, int | None, int | None] = (None, None, None)   # (year, month, day)

    def __str__(self) -> str:
        return f"{self.kind} {self.text}"


@dataclass
class _Evidence:
    flat: str                                       # normalised text: names and verbatim claims
    values: dict[Decimal, set[str | None]]          # number -> the units it is written with
    mantissas: dict[Decimal, set[str | None]]
    dates: set[tuple[int | None, int | None, int | None]]
    years: set[int]
    names: set[str]


def _prepare(text: str, min_value: int) -> str:
    # The Chinese comma goes first: NFKC would make it "," and "1322，200" one number.
    return arabize(unicodedata.normalize("NFKC", text.replace("，", "、")), min_value)


def _dates(t: str) -> tuple[list[tuple[str, tuple, tuple | None]], bytearray]:
    """(text, (y, m, d), range end or None) for each date in t, and which characters they take."""
    out = []
    taken = bytearray(len(t) + 1)

    def add(m: re.Match, y, mo, d, end=None):   # kept even when impossible: "3月41日" is no fact
        out.append((m.group(0).strip(), (y, mo, d), end))
        taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())

    for m in _DATE_ISO.finditer(t):
        add(m, int(m[1]), int(m[2]), int(m[3]))
    for m in _DATE_ZH.finditer(t):
        if not taken[m.start()]:
            end = (int(m[4]) if m[4] else int(m[2]), int(m[5])) if m[5] else None
            add(m, int(m[1]) if m[1] else None, int(m[2]), int(m[3]) if m[3] else None, end)
    for m in _DAY_ONLY.finditer(t):
        if not taken[m.start()]:
            add(m, None, None, int(m[1]))
    if re.search(r"[A-Za-z]{3}", t):            # "March 4, 2019", "4 March": English dates
        seen: dict[str, int] = {}
        for spec in find_dates(t):
            if "月" in spec.text or _DATE_ISO.fullmatch(spec.text):
                continue
            i = t.find(spec.text, seen.get(spec.text, 0))
            seen[spec.text] = i + 1
            if i < 0 or taken[i]:
                continue
            day = spec.day_from if spec.day_from == spec.day_to else None
            out.append((spec.text, (spec.year, spec.month, day), None))
            taken[i:i + len(spec.text)] = b"\x01" * len(spec.text)
    return out, taken


def _numbers(t: str, taken: bytearray) -> list[Fact]:
    out = []
    for m in _NUMBER.finditer(t):
        if taken[m.start()]:
            continue
        if not m.group(5) and re.match(r"[A-Za-z]", t[m.end():m.end() + 1]):
            continue                            # 5G, 3D: names, not quantities
        mantissa = Decimal(m.group(1).replace(",", "") + (m.group(2) or ""))
        mag = m.group(3) or m.group(4)
        unit = _UNIT_OF.get(m.group(5).lower()) if m.group(5) else None
        out.append(Fact("number", m.group(0).strip(), mantissa * _MAGNITUDE[mag.lower()] if mag else mantissa,
                        mantissa, bool(mag), unit))
    return out


def _name_at(t: str, pos: int, prof) -> str | None:
    """The 2- or 3-character name starting at pos, when what follows it ends a name."""
    def ends(i: int) -> bool:
        return i >= len(t) or not is_han(t[i]) or t[i] in prof.after_name

    n2 = t[pos:pos + 2]
    if len(n2) < 2 or n2[0] not in prof.surnames or not is_han(n2[1]) or n2 in _NOT_NAME \
            or any(ch in _NOT_NAME_CHARS for ch in n2):
        return None
    if ends(pos + 2):
        return n2
    if pos + 2 < len(t) and t[pos + 2] not in _NOT_NAME_CHARS and ends(pos + 3):
        return t[pos:pos + 3]
    return None


def _names(t: str) -> list[str]:
    """Names written right after a title of the domain profile ("市长王建国", "区领导钱进、
    周平"), or right before 同志 ("陈志强同志"). Candidates that may be words are skipped."""
    prof = get_profile()
    out = []
    for m in prof.roles.title_regex.finditer(t):
        pos = m.end()
        while (name := _name_at(t, pos, prof)) is not None:
            out.append(name)
            pos += len(name)
            if t[pos:pos + 1] != "、":
                break
            pos += 1
    for m in re.finditer("同志", t):        # "陈志强同志": the name right before, at a boundary
        for n in (3, 2):
            i = m.start() - n
            if i >= 0 and (i == 0 or not is_han(t[i - 1])) and _name_at(t, i, prof) == t[i:m.start()]:
                out.append(t[i:m.start()])
                break
    return list(dict.fromkeys(out))


def person_names(text: str) -> list[str]:
    """The person names a text writes after a title or before 同志 (see _names)."""
    return _names(text)


def claim_facts(claim: str) -> list[Fact]:
    """The numbers, dates and person names a claim states. Small counts ("两项", "3个") are
    left out: an answer counting the items a passage lists states them in its own words."""
    t = _prepare(_ENUMERATOR.sub("", claim), min_value=10)
    dates, taken = _dates(t)
    facts = []
    for text, (y, m, d), end in dates:
        facts.append(Fact("date", text, date=(y, m, d)))
        if end:
            facts.append(Fact("date", text, date=(y, end[0], end[1])))
    for n in _numbers(t, taken):
        if not n.scaled and n.unit in (None, "year") and n.value < 10 and n.value == int(n.value):
            continue
        facts.append(n)
    facts += [Fact("name", n) for n in _names(t)]
    return facts


@functools.lru_cache(maxsize=2048)
def _evidence(text: str, date: str | None) -> _Evidence:
    t = _prepare(text, min_value=0)
    ev = _Evidence(normalize(text), {}, {}, set(), set(), set(_names(t)))
    dates, taken = _dates(t)
    head = re.fullmatch(r"((?:19|20)\d{2})-(\d{1,2})(?:-(\d{1,2}))?", date or "")
    if head:        # the passage's date ("2020-03-04", "2020-03") implies its year and month
        dates.append((date, (int(head[1]), int(head[2]), int(head[3]) if head[3] else None), None))
    for _, (y, m, d), end in dates:
        ev.dates.add((y, m, d))
        if end and end[0] == m and d is not None and 0 <= end[1] - d <= 31:
            ev.dates.update((y, m, day) for day in range(d, end[1] + 1))
        elif end:
            ev.dates.add((y, end[0], end[1]))
        if y:
            ev.years.add(y)
            ev.values.setdefault(Decimal(y), set()).add("year")
    for n in _numbers(t, taken):
        ev.values.setdefault(n.value, set()).add(n.unit)
        ev.mantissas.setdefault(n.mantissa, set()).add(n.unit)
        if n.unit == "year" or (n.unit is None and 1900 <= n.value <= 2100):
            ev.years.add(int(n.value))
    return ev


def _fact_found(f: Fact, ev: _Evidence) -> bool:
    if f.kind == "name":
        if f.text in ev.flat:
            return True
        # "王建军" for "王建国": the first two characters match, another 3-character name does.
        return len(f.text) == 3 and f.text[:2] in ev.flat and \
            not any(len(o) == 3 and o[:2] == f.text[:2] and o != f.text for o in ev.names)
    if f.kind == "date":
        y, m, d = f.date
        return any((m is None or em == m) and (d is None or ed == d)
                   and (y is None or ey == y or (ey is None and y in ev.years))
                   for ey, em, ed in ev.dates)
    found = ev.values.get(f.value)
    if found is None and not f.scaled:          # "1322" for 1322万人: the digits as written
        found = ev.mantissas.get(f.mantissa)
    return found is not None and (f.unit is None or None in found or f.unit in found)


def missing_facts(claim: str, hits: list[Hit], facts: list[Fact] | None = None) -> list[Fact]:
    """The facts of the claim that none of the passages (text and header) states."""
    facts = claim_facts(claim) if facts is None else facts
    if not facts:
        return []
    evs = [_evidence(_evidence_text(h), h.chunk.date) for h in hits]
    flat = normalize(claim)
    if any(flat in ev.flat for ev in evs):
        return []                               # a verbatim quote states only what it quotes
    return [f for f in facts if not any(_fact_found(f, ev) for ev in evs)]


def _refs(ks) -> str:
    return "".join(f"[{k}]" for k in ks)


def claim_support(claim: str, hit: Hit) -> float:
    evidence = _evidence_text(hit)
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
    """
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
                                "\n".join(_evidence_text(hits[k - 1]) for k in c.cited))
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

    citations = _citations(claims, hits, threshold)
    return Verification(_rewrite(answer, claims, lang), citations, claims)


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
                            text=ch.text, quote=quote, start=start, end=end, verified=verified))
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
