"""Date expressions in questions, Chinese and English, as inclusive ISO ranges.

A range without a year ("3月4日", "March 4") matches that month-day in any year.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PART_ZH = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31), "初": (1, 10), "月初": (1, 10),
            "月中": (11, 20), "月底": (21, 31), "底": (21, 31), "末": (21, 31), "月末": (21, 31)}
_PART_EN = {"early": (1, 10), "beginning of": (1, 10), "mid": (11, 20),
            "middle of": (11, 20), "late": (21, 31), "end of": (21, 31)}


@dataclass(frozen=True)
class DateSpec:
    year: int | None
    month: int
    day_from: int
    day_to: int
    text: str                      # the expression as written in the question

    def matches(self, iso: str | None) -> bool:
        if not iso:
            return False
        y, m, d = (int(x) for x in iso.split("-"))
        return (self.year in (None, y)) and m == self.month and self.day_from <= d <= self.day_to

    def describe(self) -> str:
        y = f"{self.year}-" if self.year else "*-"
        if self.day_from == self.day_to:
            return f"{y}{self.month:02d}-{self.day_from:02d}"
        return f"{y}{self.month:02d}-{self.day_from:02d}..{self.day_to:02d}"


def _last_day(year: int | None, month: int) -> int:
    return calendar.monthrange(year or 2020, month)[1]


def _spec(year, month, d1, d2, text) -> DateSpec | None:
    if not 1 <= month <= 12:
        return None
    last = _last_day(year, month)
    d1, d2 = max(1, d1), min(last, d2)
    return DateSpec(year, month, d1, d2, text) if d1 <= d2 else None


_ZH = re.compile(r"(?:(?P<y>(?:19|20)\d{2})\s*年)?\s*(?P<m>\d{1,2})\s*月(?:份)?\s*"
                 r"(?:(?P<d>\d{1,2})\s*[日号](?:\s*[至到—-]\s*(?P<d2>\d{1,2})\s*[日号])?|"
                 r"(?P<part>上旬|中旬|下旬|月初|月中|月底|月末|初|底|末))?")
# "mid-March" is written with a hyphen as often as "mid March" with a space.
_EN_MD = re.compile(rf"\b(?:(?P<part>early|mid|middle of|late|end of|beginning of)(?:\s+|-))?{_MON}"
                    r"(?:\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(?P<y>(?:19|20)\d{2}))?\b", re.I)
_EN_DM = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?\b",
                    re.I)
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")


# A date the question sets as a deadline ("3月底前", "by March 20") is no passage's date.
_DEADLINE_AFTER = re.compile(r"^\s*(?:前|之前|以前|底前)")
_DEADLINE_BEFORE = re.compile(r"(?:\bby|\bbefore|\buntil|\bdeadline(?: of)?)\s*(?:the\s+)?$", re.I)


def event_dates(question: str) -> list[DateSpec]:
    """The dates a question places its events on: every date expression but deadlines."""
    out = []
    for spec in parse_dates(question):
        pos = question.find(spec.text)
        after = question[pos + len(spec.text):] if pos >= 0 else ""
        before = question[:pos] if pos >= 0 else ""
        if not (_DEADLINE_AFTER.match(after) or _DEADLINE_BEFORE.search(before)):
            out.append(spec)
    return out


def parse_dates(question: str) -> list[DateSpec]:
    """Every date expression in the question, most specific reading of each."""
    out: list[DateSpec] = []
    for m in _ISO.finditer(question):
        s = _spec(int(m["y"]), int(m["m"]), int(m["d"]), int(m["d"]), m.group(0))
        if s:
            out.append(s)
    for m in _ZH.finditer(question):
        if m.group(0).strip() == "" or not m["m"]:
            continue
        y = int(m["y"]) if m["y"] else None
        mo = int(m["m"])
        if m["d"]:
            d1 = int(m["d"])
            s = _spec(y, mo, d1, int(m["d2"]) if m["d2"] else d1, m.group(0).strip())
        elif m["part"]:
            a, b = _PART_ZH[m["part"]]
            s = _spec(y, mo, a, b, m.group(0).strip())
        else:
            s = _spec(y, mo, 1, 31, m.group(0).strip())
        if s:
            out.append(s)
    taken = []
    for m in _EN_DM.finditer(question):
        mo = MONTHS[m["mon"].lower()]
        s = _spec(int(m["y"]) if m["y"] else None, mo, int(m["d"]), int(m["d"]), m.group(0))
        if s:
            out.append(s)
            taken.append(m.span())
    for m in _EN_MD.finditer(question):
        if any(a <= m.start() < b for a, b in taken):
            continue
        word = m["mon"].lower()
        if word == "may" and not (m["d"] or m["y"] or m["part"]):
            continue                    # "may" the verb
        if word in ("mar", "jan", "jun", "jul", "aug", "oct", "dec", "sep", "nov", "feb", "apr") \
                and not m["d"] and not m["part"] and not m["y"]:
            continue                    # a bare abbreviation is more likely a word
        mo = MONTHS[word]
        y = int(m["y"]) if m["y"] else None
        if m["d"]:
            s = _spec(y, mo, int(m["d"]), int(m["d"]), m.group(0))
        elif m["part"]:
            a, b = _PART_EN[m["part"].lower()]
            s = _spec(y, mo, a, b, m.group(0))
        else:
            s = _spec(y, mo, 1, 31, m.group(0))
        if s:
            out.append(s)
    return out


# Long text (a document, a pasted page): parse_dates is quadratic in length, so it is read in
# pieces.
_PIECE = 1000
_CUT = re.compile(r"[。！？!?;；\n]|\.\s")
_CUTS = (_CUT, re.compile(r"[，,、]\s*"), re.compile(r"\s+"))


def find_dates(text: str) -> list[DateSpec]:
    """`parse_dates` over text of any length in linear time: pieces of about a thousand
    characters, cut at the last sentence end in a piece's second half, else at its last
    comma (a date spans neither), else at its last space."""
    if len(text) <= _PIECE:
        return parse_dates(text)
    out: list[DateSpec] = []
    i = 0
    while i < len(text):
        j = min(len(text), i + _PIECE)
        if j < len(text):
            cut = None
            for rx in _CUTS:                    # a sentence end, else a comma, else a space
                for m in rx.finditer(text, i + _PIECE // 2, j):
                    cut = m.end()
                if cut:
                    break
            j = cut or j
        out += parse_dates(text[i:j])
        i = j
    return out
