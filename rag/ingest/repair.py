"""Repair text damaged by PDF/Word extraction, line by line.

Output is a list of logical lines: headings keep their "#" markers and bold "**" markers are
kept for the structure pass, which needs them to recognise bold lead-ins and entry dates.
"""
from __future__ import annotations

import re

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014"
_ARTIFACTS = re.compile(r"\[(?:bookmark|anchor)\s*:[^\]]*\]|\{#[^}]*\}", re.I)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# A line that is only a page number: "12", "- 12 -", "—12—", "第 12 页", "12 / 80".
_PAGE_NUMBER = re.compile(r"^(?:[-—–·\s]*\d{1,4}[-—–·\s]*|第\s*\d{1,4}\s*页|\d{1,4}\s*/\s*\d{1,4}|"
                          r"page\s*\d{1,4})$", re.I)
# Spaces inside Chinese text ("非 公企业", "1 月 25 日") are extraction noise.
_CJK_SPACE = re.compile(rf"(?<=[{CJK}{CJK_PUNCT}*])[ \t]+(?=[{CJK}{CJK_PUNCT}*\d])|"
                        rf"(?<=[\d])[ \t]+(?=[{CJK}{CJK_PUNCT}])")
# Where a sentence, clause list or quotation can end. A line ending otherwise was cut.
_CLOSED_END = tuple("。！？；：…”’」』）)】!?;:")

# Lines that start a new paragraph even when the line before them is open.
_NUMBERED = r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[，、,]|" \
            r"\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）])"
# Chronicle entry leads: "3月2日，", "2日 ", "2日至3日 ", "26~27日 ", "**24日**", "是日", "是月",
# "日前", "**2月中旬**". A bare "2日" needs the space after it, so this is matched before cleaning.
_DAYS = r"\d{1,2}(?:日?[至~～—–-]\d{1,2})?日"
_ENTRY = (rf"(?:\d{{1,2}}月\d{{1,2}}日[，,\s]|{_DAYS}[\s\u3000*]|(?:\*\*)?(?:是日|是月|日前)|\*\*{_DAYS}|"
          rf"\*\*\d{{1,2}}月[上中下]旬|\d{{1,2}}月[上中下]旬[\s\u3000])")
_STARTS_BLOCK = re.compile(rf"^(?:#|\*\*{_NUMBERED}|{_NUMBERED}|{_ENTRY}|[-*•·]\s|\|)")
_SENTENCE_PUNCT = re.compile(r"[。！？；!?;]")
# Bylines under a speech title: "(2019年1月20日)", "——2020年6月14日…会议", "魏都区人民政府区长 李朝锋".
BYLINE_DATE = re.compile(r"^[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^)）]{0,20}[)）]$|"
                         r"^[—-]{1,2}\s*(\d{4})年(\d{1,2})月(\d{1,2})日.{0,40}$")
ROLE_NAME = re.compile(rf"^.{{0,16}}(?:书记|区长|市长|县长|主任|主席|部长|局长)\s*([{CJK}]{{2,3}})$")
NAME_LINE = re.compile(rf"^[{CJK}]{{2,4}}$")


def is_heading(line: str) -> bool:
    return line.startswith("#")


def is_byline(line: str, after_heading: bool) -> bool:
    """Date/speaker lines under a title: never joined to their neighbours."""
    if len(line) > 60:
        return False
    return bool(BYLINE_DATE.match(line) or (len(line) <= 25 and ROLE_NAME.match(line))
                or (after_heading and NAME_LINE.match(line)))


def _strip_noise(line: str) -> str:
    line = _INVISIBLE.sub("", line)
    line = _ARTIFACTS.sub("", line)
    return line.replace("\u3000", " ").replace("\xa0", " ").strip()


def clean_line(line: str) -> str:
    line = _CJK_SPACE.sub("", _strip_noise(line))
    return re.sub(r"[ \t]{2,}", " ", line)


def is_numbered_title(line: str) -> bool:
    """A numbered line with no sentence end that does not stop on a comma is a title typed as
    plain text ("一、提升政治站位"), not the first half of a broken paragraph. 60 characters is
    longer than any such title in the yearbooks we have seen."""
    text = line.replace("**", "")
    return (len(text) <= 60 and bool(re.match(_NUMBERED, text))
            and not _SENTENCE_PUNCT.search(text) and not text.endswith(("，", "、", ",")))


def repair_lines(text: str) -> list[str]:
    """Raw extracted text -> logical lines (blank lines gone, broken sentences joined)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines, starts = [], []
    for raw in text.split("\n"):
        line = clean_line(raw)
        if not line or _PAGE_NUMBER.match(line):
            continue
        if re.fullmatch(r"#+", line):      # an empty markdown heading
            continue
        lines.append(line)
        # Cleaning drops the space in "2日 魏都区…", so decide "starts an entry" on the raw line.
        starts.append(bool(_STARTS_BLOCK.match(line) or _STARTS_BLOCK.match(_strip_noise(raw))))
    return _join_broken(lines, starts)


def _ends_open(line: str) -> bool:
    return not line.rstrip("*").endswith(_CLOSED_END)


def _join_broken(lines: list[str], starts: list[bool]) -> list[str]:
    out: list[str] = []
    standalone_prev = True          # the previous line may not take a continuation
    after_heading = False
    for line, starts_block in zip(lines, starts):
        heading = is_heading(line)
        byline = not heading and is_byline(line, after_heading)
        joinable = (bool(out) and not standalone_prev and not heading and not byline
                    and _ends_open(out[-1]) and not starts_block)
        if joinable:
            out[-1] = _glue(out[-1], line)
        else:
            out.append(line)
        # table rows and numbered titles are whole lines, never the first half of a sentence
        standalone_prev = heading or byline or (
            not joinable and (line.startswith("|") or is_numbered_title(line)))
        after_heading = heading or (byline and after_heading)
    return out


def _glue(a: str, b: str) -> str:
    # Latin words broken across lines need their space back; Chinese text needs none.
    if re.search(r"[A-Za-z0-9,]$", a) and re.match(r"[A-Za-z]", b):
        return a + " " + b
    return a + b
