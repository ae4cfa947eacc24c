"""Recover structure from repaired lines: section paths, dates and speakers per paragraph.

Heading depth comes from the kind of numbering (一、 / （一） / 第一， / 1.) rather than the
markdown level, because extracted yearbooks put "## 二、" under "### 一、" freely.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from rag.ingest.repair import CJK, MONTH_LINE, SAME_DAY, is_heading, parse_byline
from rag.ingest.tables import render as render_table, table_index
from rag.types import Paragraph

_NUM_KINDS = [
    ("cn", re.compile(r"^[一二三四五六七八九十]+、")),
    ("cn-paren", re.compile(r"^[（(][一二三四五六七八九十]+[)）]")),
    ("ordinal", re.compile(r"^第[一二三四五六七八九十]+[，、,]")),
    ("arabic", re.compile(r"^\d{1,2}[.．、](?!\d)")),
    ("arabic-paren", re.compile(r"^[（(]\d{1,2}[)）]")),
]
_RANK = {"month": 0, "cn": 1, "cn-paren": 2, "ordinal": 3, "arabic": 3, "arabic-paren": 4}
_CN_NUM = {c: i for i, c in enumerate("一二三四五六七八九", 1)}
_CHRONICLE_TITLE = re.compile(r"大事记|大事纪|大事年表")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_YEAR_HEADING = re.compile(r"^((?:19|20)\d{2})\s*年$")

# Chronicle entry leads (on cleaned text, where "2日 " has lost its space). A day followed by
# 以来/以前/内… is a span in a report sentence ("3月5日以来，", "30日内"), not an entry date.
_NOT_A_DAY = r"(?!以来|以前|以后|之前|之后|前后|内|以内)"
_TO = r"[至到~～—–\-－、]"
_FULL_DATE = re.compile(rf"^(?:((?:19|20)\d{{2}})年)?(\d{{1,2}})月(\d{{1,2}})日{_NOT_A_DAY}")
_DAY = re.compile(rf"^(\d{{1,2}})(?:日?{_TO}\d{{1,2}})?日{_NOT_A_DAY}")   # "2日", "5—7日", "2日至3日"
_SAME_DAY = re.compile(rf"^(?:{SAME_DAY})")
# Entries dated to a month or part of one ("是月", "2月中旬") carry no day of their own.
_UNDATED = re.compile(r"^(?:日前|近日|是月|同月|当月|月内|本月|上旬|中旬|下旬|月初|月中|月底|月末|"
                      r"(?:(?:19|20)\d{2}年)?(\d{1,2})月(?:[上中下]旬|初|中|底|末|份?[，,]))")
_SPEECH_BY = re.compile(rf"^([{CJK}]{{2,3}})在.+(?:讲话|报告|致辞)$")
_BOLD_LEAD = re.compile(r"^\*\*(.+?)\*\*(.*)$")
_SENTENCE_END = re.compile(r"[。！？；]")
_TITLE_PUNCT = re.compile(r"[。！？；：，,;:!?]")
MIN_CHUNK_CHARS = 6          # "同志们：" and the like carry nothing worth retrieving


@dataclass
class _Level:
    kind: str                 # "md1".."md6", "title", "month", or a numbering kind
    title: str
    date: str | None = None   # a speech's byline date applies to its whole section
    speaker: str | None = None
    chronicle: bool = False


@dataclass
class Parsed:
    text: str                                   # the cleaned document
    paragraphs: list[Paragraph] = field(default_factory=list)
    entries: list[int] = field(default_factory=list)          # chronicle entries (paragraph index)
    undated_entries: list[int] = field(default_factory=list)  # ...that should have a day but got none


def strip_marks(line: str) -> str:
    text = line.replace("**", "")
    if is_heading(text):
        text = re.sub(r"\s+#+\s*$", "", re.sub(r"^#{1,6}", "", text))   # "## 标题 ##" -> "标题"
    return text.strip()


def _numbering(text: str) -> str | None:
    for kind, rx in _NUM_KINDS:
        if rx.match(text):
            return kind
    return None


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if not (year and month and day) or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def month_heading(text: str) -> tuple[int | None, int] | None:
    """"1月", "1 月份", "十二月", "2020年1月" -> (year or None, month); None otherwise."""
    m = MONTH_LINE.match(text.replace(" ", ""))
    if not m:
        return None
    s = m.group(2)
    month = int(s) if s.isdigit() else 10 + _CN_NUM.get(s[1:], 0) if s[0] == "十" else _CN_NUM[s]
    return (int(m.group(1)) if m.group(1) else None, month) if 1 <= month <= 12 else None


class Lead(NamedTuple):
    """The date lead opening a chronicle entry. kind "day": a day, with year and month None
    when the lead leaves them to the context ("5日"); "same": 是日/同日/当天; "part": a month
    or part of one ("是月", "2月中旬"), with the month when it names one."""
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None


def entry_lead(text: str) -> Lead | None:
    m = _FULL_DATE.match(text)
    if m:
        return Lead("day", int(m.group(1)) if m.group(1) else None, int(m.group(2)), int(m.group(3)))
    m = _DAY.match(text)
    if m:
        return Lead("day", day=int(m.group(1)))
    if _SAME_DAY.match(text):
        return Lead("same")
    m = _UNDATED.match(text)
    if m:
        return Lead("part", month=int(m.group(1)) if m.group(1) else None)
    return None


def chronicle_stretches(lines: list[str]) -> list[bool]:
    """Per line: whether it lies between headings where most paragraphs open with an entry
    lead, i.e. a chronicle whatever its title says. At least three leads (a month alone on a
    line counts as one), two with a day or month: a report paragraph or two starting
    "3月5日，" does not make a chronicle."""
    flags = [False] * len(lines)
    bounds = [i for i, x in enumerate(lines) if is_heading(x)]
    for a, b in zip([0] + bounds, bounds + [len(lines)]):
        texts = [t for t in map(strip_marks, lines[a + (a in bounds):b]) if t]
        months = sum(1 for t in texts if month_heading(t))
        body = [t for t in texts if not month_heading(t)]
        leads = [lead.kind for lead in map(entry_lead, body) if lead]
        if (leads.count("day") + months >= 2 and len(leads) + months >= 3
                and 2 * (len(leads) + months) >= len(texts)):
            flags[a:b] = [True] * (b - a)
    return flags


def _title_like(text: str) -> bool:
    return 2 <= len(text) <= 40 and not _TITLE_PUNCT.search(text) and entry_lead(text) is None


def _bylines_follow(lines: list[str], i: int) -> bool:
    """Whether lines[i] is followed by a date or speaker byline (or a name, then a date)."""
    nxt, after = (lines[i + 1:i + 3] + ["", ""])[:2]
    by = None if not nxt or is_heading(nxt) else parse_byline(nxt, False, after)
    return by is not None and bool(by.date or by.speaker)


# How much of an entry a later paragraph keeps as its scene: the opening sentence (where, who
# presided) and the end (who is speaking now). Not tuned: longer than most entries' openings.
SCENE_CHARS = 600


def _scene(text: str) -> str:
    if len(text) <= SCENE_CHARS:
        return text
    first = _SENTENCE_END.split(text, maxsplit=1)[0][:SCENE_CHARS // 2] + "。"
    return first + "…" + text[-(SCENE_CHARS - len(first) - 1):]


# How much of the paragraph before a later one keeps as its lead-in: the whole of a short one
# ("促进投资快速增长。…实施两年新增4万亿元的投资计划。"), else its last sentence, cut to this
# length from its end. Not tuned: about two sentences of a report.
LEAD_IN_CHARS = 150


def _lead_in(text: str) -> str:
    if len(text) <= LEAD_IN_CHARS:
        return text
    body = text.rstrip("。！？；")
    end = text[len(body):]
    last = _SENTENCE_END.split(body)[-1]
    room = LEAD_IN_CHARS - len(end)
    return (last if len(last) <= room else last[-room:]) + end


def parse(lines: list[str], doc_id: str, year: int | None = None,
          chronicle_year: int | None = None, chronicle: bool = False,
          pages: list | None = None, tables: list | None = None) -> Parsed:
    """Walk repaired lines keeping a heading stack; emit paragraphs with offsets. `pages`
    (from repair.repair_pages) give each paragraph its page; `tables` are the loader's
    tables, each emitted as one paragraph where its marker line stands."""
    stack: list[_Level] = []
    root = _Level("doc", "")        # a byline before any title speaks for the whole document
    out = Parsed(text="")
    parts: list[str] = []
    pos = 0
    month: int | None = None
    last_entry_date: str | None = None
    entry: list[str] = []       # the paragraphs of the chronicle entry still open
    after_heading = False
    cyear = chronicle_year or year
    bylines: list = []          # byline paragraphs whose speaker may be named on a later line
    stretches = chronicle_stretches(lines)

    line_no = 0

    prose: list = [None]        # the last prose paragraph, when no heading, entry or table came since

    def emit(text: str, heading: bool, date=None, speaker=None, table=None, scene=None, entry_part=False) -> None:
        nonlocal pos
        if heading:
            entry.clear()
        before = prose[0]
        lead_in = (_lead_in(before.text) if before is not None and not entry_part and not heading
                   and table is None and before.section == [lv.title for lv in stack] else None)
        if parts:
            pos += 1                         # the "\n" between paragraphs
        start = pos
        parts.append(text)
        pos += len(text)
        where = pages[line_no] if pages and line_no < len(pages) else []
        out.paragraphs.append(Paragraph(
            doc_id=doc_id, index=len(out.paragraphs), start=start, end=pos, text=text,
            section=[lv.title for lv in stack], date=date, speaker=speaker, heading=heading,
            page=getattr(table, "page", None) or (where[0][1] if where else None),
            page_breaks=list(where[1:]), table=table, scene=scene, lead_in=lead_in))
        # a chronicle entry is an event of its own: it neither leads into the next nor is led into
        prose[0] = None if heading or table is not None or entry_part else out.paragraphs[-1]

    def push(kind: str, title: str) -> _Level:
        if kind.startswith("md"):
            lvl = int(kind[2:])
            cut = next((i for i, lv in enumerate(stack) if lv.kind == "title" or (
                lv.kind.startswith("md") and int(lv.kind[2:]) >= lvl)), None)
        elif kind == "title":
            # a title without "#" sits under the markdown headings and closes everything else
            cut = next((i for i, lv in enumerate(stack) if not lv.kind.startswith("md")), None)
        else:
            # 一、 contains （一）, which contains 第一，/1., which contains (1): a numbering
            # style closes every open level of its own rank or deeper.
            rank = _RANK.get(kind, 9)
            cut = next((i for i, lv in enumerate(stack) if _RANK.get(lv.kind, -1) >= rank), None)
        if cut is not None:
            del stack[cut:]
        level = _Level(kind, title)
        level.chronicle = (chronicle or bool(_CHRONICLE_TITLE.search(title)) or kind == "month"
                           or any(lv.chronicle for lv in stack))
        stack.append(level)
        return level

    def in_chronicle(i: int) -> bool:
        return chronicle or stretches[i] or any(lv.chronicle for lv in stack)

    def section_attr(name: str):
        for lv in reversed(stack):
            if getattr(lv, name):
                return getattr(lv, name)
        return getattr(root, name)

    def push_month(y: int | None, mo: int, text: str) -> None:
        nonlocal month, cyear, last_entry_date
        month, last_entry_date = mo, None
        cyear = y or cyear
        push("month", f"{y}年{mo}月" if y else f"{mo}月")     # "一月份" files under "1月"
        emit(text, heading=True)

    for i, line in enumerate(lines):
        line_no = i
        ti = table_index(line)
        if ti is not None and tables and ti < len(tables):
            table = tables[ti]
            if not table.caption and stack:      # an uncaptioned table is named by its section
                table.caption = stack[-1].title
            emit(render_table(table), heading=False, date=section_attr("date"), table=table)
            after_heading = False
            continue
        text = strip_marks(line)
        if not text:
            continue
        mh = month_heading(text)
        if is_heading(line):
            after_heading = True
            if mh:
                push_month(*mh, text)
                continue
            depth = len(line) - len(line.lstrip("#"))
            kind = _numbering(text) or f"md{min(depth, 6)}"
            # "2018年大事记", "2019年", "2021年县域要事" over entries or months: the entries' year
            ym = _YEAR.search(text)
            nxt = strip_marks(lines[i + 1]) if i + 1 < len(lines) else ""
            if ym and (_CHRONICLE_TITLE.search(text) or _YEAR_HEADING.match(text)
                       or (i + 1 < len(lines) and stretches[i + 1]) or month_heading(nxt)):
                cyear = int(ym.group(1))
            level = push(kind, text)
            sm = _SPEECH_BY.match(text)
            if sm:
                level.speaker = sm.group(1)
            emit(text, heading=True)
            continue
        if mh and in_chronicle(i):           # "1月" or "一月份" alone on a line
            push_month(*mh, text)
            after_heading = True
            continue

        by = parse_byline(line, after_heading, lines[i + 1] if i + 1 < len(lines) else "")
        if by:
            target = stack[-1] if stack else root
            target.date = _iso(*by.date) if by.date else target.date
            target.speaker = by.speaker or target.speaker
            # Date and role bylines are content too: "政府工作报告由谁、在哪次会上作" is answered
            # only there. A bare name line is metadata (it reaches chunks as their speaker).
            if by.bare_name:
                emit(text, heading=True)
            else:
                emit(text, heading=False, date=section_attr("date"), speaker=section_attr("speaker"))
                bylines.append((out.paragraphs[-1], target))
                prose[0] = None             # a byline leads into nothing: it is about the whole text
            continue
        after_heading = False

        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        # A title typed as text: a short unpunctuated line right before a date or speaker
        # byline ("政府工作报告" / "——2017年3月5日在…"), or standing alone before a heading ("特载").
        if _title_like(text) and _bylines_follow(lines, i):
            push("title", text)
            emit(text, heading=True)
            after_heading = True
            continue
        if len(text) <= 6 and re.fullmatch(rf"[{CJK}]+", text) and is_heading(nxt):
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

        date, found, dated, scene = None, None, False, None
        chronicled = in_chronicle(i)
        if chronicled:
            found = entry_lead(text)
            if found and found.kind == "day":
                cyear, month = found.year or cyear, found.month or month
                date = last_entry_date = _iso(cyear, month, found.day)
                dated = True
            elif found and found.kind == "same":
                date, dated = last_entry_date, True
            elif found:                         # "是月", "2月中旬": no day of its own
                month = found.month or month
                last_entry_date = None
            else:
                date = last_entry_date          # a later paragraph of the same entry
                scene = _scene("".join(entry)) if entry else None
        date = date or section_attr("date")
        emit(text, heading=False, date=date, speaker=section_attr("speaker"), scene=scene, entry_part=chronicled)
        if found:
            entry[:] = [text]
            out.entries.append(out.paragraphs[-1].index)
            if dated and not date:
                out.undated_entries.append(out.paragraphs[-1].index)
        elif chronicled and entry:
            entry.append(text)

    for p, level in bylines:
        p.speaker = p.speaker or level.speaker
        p.date = p.date or level.date
    out.text = "\n".join(parts)
    return out


def is_chunkable(p: Paragraph) -> bool:
    return not p.heading and len(p.text) >= MIN_CHUNK_CHARS
