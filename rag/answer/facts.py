"""The facts a claim states, and whether its cited passages state them too.

Bigram overlap cannot tell 3.8万亿元 from 3.9万亿元: every number (with magnitude and unit),
date and person name a claim states must occur in the cited passages or their headers.
Used by `rag.answer.verify`.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from rag.answer.numerals import arabize
from rag.retrieve.dates import find_dates
from rag.answer.context import passage_header
from rag.profiles import get_profile
from rag.textsim import is_han, normalize
from rag.types import Hit

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
_BEFORE_NAME = set("以由和与在是同向对及给请把被")     # "以习近平同志为核心": a word, then the name
_NUMERALS = set("一二三四五六七八九十")
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
            or n2[0] in _NOT_NAME_CHARS:
        return None
    if n2[1] not in _NOT_NAME_CHARS and ends(pos + 2):
        return n2
    # A numeral inside a three-character name ("孙五峰", "王一鸣") when the name ends cleanly.
    if pos + 2 < len(t) and (n2[1] not in _NOT_NAME_CHARS or n2[1] in _NUMERALS) \
            and t[pos + 2] not in _NOT_NAME_CHARS and ends(pos + 3):
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
            if i >= 0 and (i == 0 or not is_han(t[i - 1]) or t[i - 1] in _BEFORE_NAME) \
                    and _name_at(t, i, prof) == t[i:m.start()]:
                out.append(t[i:m.start()])
                break
    return list(dict.fromkeys(out))


def person_names(text: str) -> list[str]:
    """The person names a text writes after a title or before 同志 (see _names)."""
    return _names(text)


# Names put to a post, written before it: "会议推选李某、王某为副团长", "选举张某为主任"
_APPOINTED = re.compile(r"(?:推选|选举|推举|任命|提名|聘任|增补)((?:[\u4e00-\u9fff]{2,3}、)*[\u4e00-\u9fff]{2,3})为$")


def appointed_names(before: str) -> list[str]:
    """The names a text ending right before a title puts to that post ("…推选李某、王某为")."""
    m = _APPOINTED.search(before)
    if not m:
        return []
    prof = get_profile()
    names = m.group(1).split("、")
    return names if all(_name_at(n + "为", 0, prof) == n for n in names) else []


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


def text_dates(text: str, date: str | None = None) -> set[tuple[int | None, int | None, int | None]]:
    """(year, month, day) of every date a text writes, and of its own date ("2020-03-04");
    None where a part is not written ("3月4日" has no year)."""
    return _evidence(text, date).dates


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


def evidence_text(hit: Hit) -> str:
    """What a claim about a passage may rest on: its header (title, section, date, speaker:
    the model saw them) and its text."""
    return f"{passage_header(hit.chunk)}\n{hit.chunk.text}"


def missing_facts(claim: str, hits: list[Hit], facts: list[Fact] | None = None) -> list[Fact]:
    """The facts of the claim that none of the passages (text and header) states."""
    facts = claim_facts(claim) if facts is None else facts
    if not facts:
        return []
    evs = [_evidence(evidence_text(h), h.chunk.date) for h in hits]
    flat = normalize(claim)
    if any(flat in ev.flat for ev in evs):
        return []                               # a verbatim quote states only what it quotes
    return [f for f in facts if not any(_fact_found(f, ev) for ev in evs)]


