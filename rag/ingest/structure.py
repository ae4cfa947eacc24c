"""Recover structure from repaired lines: section paths, dates and speakers per paragraph.

Heading depth comes from the kind of numbering (一、 / （一） / 第一， / 1.) rather than the
markdown level, because extracted yearbooks put "## 二、" under "### 一、" freely.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.ingest.repair import BYLINE_DATE, CJK, NAME_LINE, ROLE_NAME, is_byline
from rag.types import Paragraph

_NUM_KINDS = [
    ("cn", re.compile(r"^[一二三四五六七八九十]+、")),
    ("cn-paren", re.compile(r"^[（(][一二三四五六七八九十]+[)）]")),
    ("ordinal", re.compile(r"^第[一二三四五六七八九十]+[，、,]")),
    ("arabic", re.compile(r"^\d{1,2}[.．、](?!\d)")),
    ("arabic-paren", re.compile(r"^[（(]\d{1,2}[)）]")),
]
_RANK = {"month": 0, "cn": 1, "cn-paren": 2, "ordinal": 3, "arabic": 3, "arabic-paren": 4}
_MONTH_HEADING = re.compile(r"^(\d{1,2})\s*月$")
_FULL_DATE = re.compile(r"^(\d{1,2})月(\d{1,2})日")
_DAY = re.compile(r"^(\d{1,2})(?:日?[至~～—–-]\d{1,2})?日")      # "2日", "2日至3日", "26~27日"
_SAME_DAY = re.compile(r"^是日")
# Entries dated to a month or part of one ("是月", "2月中旬") carry no day of their own.
_UNDATED = re.compile(r"^(?:日前|近日|是月|月内|本月|上旬|中旬|下旬|月初|月底|\d{1,2}月[上中下]旬)")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_SPEECH_BY = re.compile(rf"^([{CJK}]{{2,3}})在.+(?:讲话|报告|致辞)$")
_BOLD_LEAD = re.compile(r"^\*\*(.+?)\*\*(.*)$")
_SENTENCE_END = re.compile(r"[。！？；]")
MIN_CHUNK_CHARS = 6          # "同志们：" and the like carry nothing worth retrieving


@dataclass
class _Level:
    kind: str                 # "md1".."md6", "month", or a numbering kind
    title: str
    date: str | None = None   # a speech's byline date applies to its whole section
    speaker: str | None = None
    chronicle: bool = False


@dataclass
class Parsed:
    text: str                                   # the cleaned document
    paragraphs: list[Paragraph] = field(default_factory=list)


def strip_marks(line: str) -> str:
    return line.replace("**", "").lstrip("#").strip()


def _numbering(text: str) -> str | None:
    for kind, rx in _NUM_KINDS:
        if rx.match(text):
            return kind
    return None


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if not (year and month and day) or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse(lines: list[str], doc_id: str, year: int | None = None,
          chronicle_year: int | None = None, chronicle: bool = False) -> Parsed:
    """Walk repaired lines keeping a heading stack; emit paragraphs with offsets."""
    stack: list[_Level] = []
    out = Parsed(text="")
    parts: list[str] = []
    pos = 0
    month: int | None = None
    last_entry_date: str | None = None
    after_heading = False
    cyear = chronicle_year or year
    bylines: list = []          # byline paragraphs whose speaker may be named on a later line

    def emit(text: str, heading: bool, date=None, speaker=None) -> None:
        nonlocal pos
        if parts:
            pos += 1                         # the "\n" between paragraphs
        start = pos
        parts.append(text)
        pos += len(text)
        out.paragraphs.append(Paragraph(
            doc_id=doc_id, index=len(out.paragraphs), start=start, end=pos, text=text,
            section=[lv.title for lv in stack], date=date, speaker=speaker, heading=heading))

    def push(kind: str, title: str) -> _Level:
        if kind.startswith("md"):
            lvl = int(kind[2:])
            cut = next((i for i, lv in enumerate(stack)
                        if lv.kind.startswith("md") and int(lv.kind[2:]) >= lvl), None)
        else:
            # 一、 contains （一）, which contains 第一，/1., which contains (1): a numbering
            # style closes every open level of its own rank or deeper.
            rank = _RANK.get(kind, 9)
            cut = next((i for i, lv in enumerate(stack) if _RANK.get(lv.kind, -1) >= rank), None)
        if cut is not None:
            del stack[cut:]
        level = _Level(kind, title)
        level.chronicle = chronicle or "大事记" in title or kind == "month" or any(
            lv.chronicle for lv in stack)
        stack.append(level)
        return level

    def in_chronicle() -> bool:
        return chronicle or any(lv.chronicle for lv in stack)

    def section_attr(name: str):
        for lv in reversed(stack):
            if getattr(lv, name):
                return getattr(lv, name)
        return None

    for i, line in enumerate(lines):
        text = strip_marks(line)
        if not text:
            continue
        if line.startswith("#"):
            depth = len(line) - len(line.lstrip("#"))
            m = _MONTH_HEADING.match(text.replace(" ", ""))
            if m:
                month = int(m.group(1))
                kind = "month"
                text = f"{month}月"
            else:
                kind = _numbering(text) or f"md{min(depth, 6)}"
            if "大事记" in text and _YEAR.search(text):
                cyear = int(_YEAR.search(text).group(1))
            level = push(kind, text)
            sm = _SPEECH_BY.match(text)
            if sm:
                level.speaker = sm.group(1)
            emit(text, heading=True)
            after_heading = True
            continue

        if is_byline(line, after_heading):
            m = BYLINE_DATE.match(text)
            if m:
                y, mo, d = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
                if stack:
                    stack[-1].date = _iso(y, mo, d)
            else:
                rm = ROLE_NAME.match(text)
                name = rm.group(1) if rm else text if NAME_LINE.match(text) else None
                if stack and name:
                    stack[-1].speaker = name
            # Date and role bylines are content too: "政府工作报告由谁、在哪次会上作" is answered
            # only there. A bare name line is metadata (it reaches chunks as their speaker).
            bare_name = not m and not ROLE_NAME.match(text)
            emit(text, heading=bare_name, date=None if bare_name else section_attr("date"),
                 speaker=None if bare_name else section_attr("speaker"))
            if not bare_name and stack:
                bylines.append((out.paragraphs[-1], stack[-1]))
            continue
        after_heading = False

        # A short unpunctuated line standing alone ("特载") titles what follows.
        if (len(text) <= 6 and re.fullmatch(rf"[{CJK}]+", text) and i + 1 < len(lines)
                and lines[i + 1].startswith("#")):
            push("md1", text)
            emit(text, heading=True)
            continue

        bold = _BOLD_LEAD.match(line)
        lead = strip_marks(bold.group(1)) if bold else text
        kind = _numbering(lead)
        if kind:
            # A numbered line titles a section; so does the first sentence of a numbered
            # paragraph ("（一）围绕对外开放，撬动…杠杆。对外开放是…") when it is short.
            title = (lead if bold else _SENTENCE_END.split(lead)[0]).rstrip("。；;，, ")
            whole_line = title == text.rstrip("。；;，, ")
            if bold or len(title) <= (80 if whole_line else 40):
                push(kind, title)
                if whole_line:
                    emit(text, heading=True)
                    continue

        date = None
        if in_chronicle():
            m_full, m_day = _FULL_DATE.match(text), _DAY.match(text)
            if m_full:
                month = int(m_full.group(1))
                date = last_entry_date = _iso(cyear, month, int(m_full.group(2)))
            elif m_day:
                date = last_entry_date = _iso(cyear, month, int(m_day.group(1)))
            elif _SAME_DAY.match(text):
                date = last_entry_date
            elif _UNDATED.match(text):
                last_entry_date = None
            else:
                date = last_entry_date          # a later paragraph of the same entry
        date = date or section_attr("date")
        emit(text, heading=False, date=date, speaker=section_attr("speaker"))

    for p, level in bylines:
        p.speaker = p.speaker or level.speaker
        p.date = p.date or level.date
    out.text = "\n".join(parts)
    return out


def is_chunkable(p: Paragraph) -> bool:
    return not p.heading and len(p.text) >= MIN_CHUNK_CHARS
