"""Repair text damaged by PDF/Word extraction, line by line.

Output is a list of logical lines: headings keep their "#" markers and bold "**" markers are
kept for the structure pass, which needs them to recognise bold lead-ins and entry dates.
Lines repeated on every page (running headers, footers) are dropped before lines are joined,
so a header is not glued into the sentence its page break cut.
"""
from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass

from rag.ingest import tables

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014"
_ARTIFACTS = re.compile(r"\[(?:bookmark|anchor)\s*:[^\]]*\]|\{#[^}]*\}", re.I)
# Inline formatting a Word or HTML export leaves as tags ("PM<sub>2.5</sub>", "m<sup>2</sup>"):
# the text inside is kept, the tags go, so "PM2.5" is found as written.
_INLINE_TAGS = re.compile(r"</?(?:sub|sup|b|i|u|em|strong|span|font|small|big|mark|ins|del|s)(?:\s[^<>\n]*)?>", re.I)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# A line that is only a page number: "12", "- 12 -", "—12—", "第 12 页", "12 / 80".
_PAGE_NUMBER = re.compile(r"^(?:[-—–·\s]*\d{1,4}[-—–·\s]*|第\s*\d{1,4}\s*页|\d{1,4}\s*/\s*\d{1,4}|"
                          r"page\s*\d{1,4})$", re.I)
# ...unless it is a subscript split off the symbol before it ("广义货币M" / "2" / "增长").
_SUBSCRIPT = re.compile(r"^\d{1,2}(?:\.\d)?$")
# Spaces inside Chinese text ("非 公企业", "1 月 25 日") are extraction noise.
_CJK_SPACE = re.compile(rf"(?<=[{CJK}{CJK_PUNCT}*])[ \t]+(?=[{CJK}{CJK_PUNCT}*\d])|"
                        rf"(?<=[\d])[ \t]+(?=[{CJK}{CJK_PUNCT}])")
# Where a sentence, clause list or quotation can end. A line ending otherwise was cut.
_CLOSED_END = tuple("。！？；：…”’」』）)】!?;:")
# CommonMark ATX headings: one to six "#" then a space or the end of the line. "#话题#今天…"
# and "#2019两会#…" are hashtags, i.e. text.
_HEADING = re.compile(r"^#{1,6}(?:[ \t]|$)")

# Lines that start a new paragraph even when the line before them is open.
_NUMBERED = r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[，、,]|" \
            r"\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）])"
# A month alone on a line titles the chronicle entries under it: "1月", "1 月份", "十二月",
# "一月份", "2020年1月" (with or without "#").
MONTH_LINE = re.compile(r"^(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?$")
# Chronicle entry leads: "3月2日，", "2020年1月5日 ", "2日 ", "2日至3日 ", "5—7日 ", "26~27日 ",
# "1月30日至2月2日，", "**24日**", "是日", "同日", "是月", "日前", "**2月中旬**". A bare "2日" needs
# the space after it, so this is matched before cleaning.
_TO = r"[至到~～—–\-－、]"
_DAYS = rf"\d{{1,2}}(?:日?{_TO}\d{{1,2}})?日"
_MDAY = rf"(?:(?:19|20)\d{{2}}年)?\d{{1,2}}月\d{{1,2}}日"
SAME_DAY = "是日|同日|当日|当天|是晚|当晚"
# 当天/同日 are ordinary words too, so unlike 是日 they start an entry only when set off.
_ENTRY = (rf"(?:{_MDAY}(?:{_TO}(?:\d{{1,2}}月)?\d{{1,2}}日)?[，,：:\s]|{_DAYS}[\s\u3000*]|"
          rf"(?:\*\*)?(?:是日|是月|日前)|(?:{SAME_DAY}|同月|当月)[，,：:\s]|"
          rf"\*\*(?:{SAME_DAY}|同月|当月|{_MDAY}|{_DAYS})|"
          rf"\*\*(?:\d{{1,2}}月)?[上中下]旬|(?:\d{{1,2}}月)?[上中下]旬[，,\s\u3000])")
_STARTS_BLOCK = re.compile(rf"^(?:#{{1,6}}(?:\s|$)|\*\*{_NUMBERED}|{_NUMBERED}|{_ENTRY}|[-*•·]\s|\|)")
_SENTENCE_PUNCT = re.compile(r"[。！？；!?;]")

# Bylines under a speech or report title: "(2019年1月20日)", "——2020年6月14日在…会议上",
# "海淀区人民政府区长 陈志强", "国务院总理" + "李克强".
_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
BYLINE_DATE = re.compile(rf"^[（(]\s*{_DATE}[^)）]{{0,40}}[)）]$|^[—―－-]{{1,2}}\s*{_DATE}([^。！？；]{{0,60}})$")
_ROLES = ("书记|区长|市长|县长|州长|盟长|旗长|省长|乡长|镇长|总理|主任|主席|委员长|部长|厅长|局长|"
          "院长|检察长|秘书长|会长|理事长")
ROLE_NAME = re.compile(rf"^[^。，；！？,;!?]{{0,16}}(?:{_ROLES})\s*([{CJK}]{{2,3}})$")
ROLE_ONLY = re.compile(rf"^[^\s。，；！？,;!?：:]{{0,16}}(?:{_ROLES})$")
NAME_LINE = re.compile(rf"^[{CJK}]{{2,4}}$")


@dataclass
class Byline:
    """What a byline line says: a date (y, m, d), a speaker, or a bare name (metadata only)."""
    date: tuple[int, int, int] | None = None
    speaker: str | None = None
    bare_name: bool = False


def is_heading(line: str) -> bool:
    return bool(_HEADING.match(line))


def parse_byline(line: str, after_heading: bool, next_line: str = "") -> Byline | None:
    """Date/speaker lines under a title, None for anything else. A role alone ("国务院总理") or
    a bare name ("王某某") counts only right under a heading, where nothing else is that short,
    or (a name) right before a date byline."""
    text = line.replace("**", "").strip()
    if len(text) > 80 or MONTH_LINE.match(text.replace(" ", "")):
        return None
    m = BYLINE_DATE.match(text)
    if m:
        g = m.groups()
        date = tuple(int(x) for x in (g[:3] if g[0] else g[3:6]))
        tail = (g[6] or "").split()
        rm = ROLE_NAME.match(tail[-1]) if len(tail) > 1 else None   # "…会议上 国务院总理李克强"
        return Byline(date=date, speaker=rm.group(1) if rm else None)
    if len(text) <= 25:
        rm = ROLE_NAME.match(text)
        if rm:
            return Byline(speaker=rm.group(1))
    if after_heading and len(text) <= 20 and ROLE_ONLY.match(text):
        return Byline()
    if NAME_LINE.match(text) and (after_heading or BYLINE_DATE.match(next_line.replace("**", ""))):
        return Byline(speaker=text, bare_name=True)
    return None


def is_byline(line: str, after_heading: bool) -> bool:
    """Date/speaker lines under a title: never joined to their neighbours."""
    return parse_byline(line, after_heading) is not None


def _strip_noise(line: str) -> str:
    line = _INVISIBLE.sub("", line)
    line = _INLINE_TAGS.sub("", _ARTIFACTS.sub("", line))
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


def is_month_line(line: str) -> bool:
    text = re.sub(r"^#{1,6}\s", "", line.replace("**", "")).replace(" ", "")
    return bool(MONTH_LINE.match(text))


def repair_lines(text: str) -> list[str]:
    """Raw extracted text -> logical lines (blank lines gone, broken sentences joined)."""
    return repair_pages(text)[0]


def repair_pages(text: str) -> tuple[list[str], list[list[tuple[int, int]]]]:
    """`repair_lines`, and per logical line where its pages start: [(offset in the line,
    page), ...], from the page markers a loader left (rag.ingest.tables.page_marker); empty
    lists when the text has none. A sentence a page break cut is one line whose second
    entry says where the next page begins."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines, starts, pages = [], [], []
    page = None
    for raw in text.split("\n"):
        marked = tables.page_number(raw)
        if marked is not None:
            page = marked
            continue
        line = clean_line(raw)
        if not line:
            continue
        if _PAGE_NUMBER.match(line) and not (
                _SUBSCRIPT.match(line) and lines and re.search(r"[A-Z]$", lines[-1])):
            continue
        if re.fullmatch(r"#+", line):      # an empty markdown heading
            continue
        lines.append(line)
        pages.append(page)
        # Cleaning drops the space in "2日 海淀区…", so decide "starts an entry" on the raw line.
        starts.append(bool(_STARTS_BLOCK.match(line) or _STARTS_BLOCK.match(_strip_noise(raw))
                           or is_month_line(line) or tables.table_index(line) is not None))
    keep = _not_running(lines)
    lines, starts, pages = ([x for x, k in zip(seq, keep) if k] for seq in (lines, starts, pages))
    return _join_broken(lines, starts, pages)


def _running_key(line: str) -> str | None:
    """The key a running header or footer repeats under (page numbers in it vary), or None for
    lines that cannot be one: sentences, structure (numbering, entry leads, months, tables),
    long lines, and lines of fewer than two letters (table cells such as "2019年")."""
    text = line.replace("**", "")
    if (len(text) > 50 or text.endswith(_CLOSED_END) or text.startswith("|") or is_month_line(text)
            or (not is_heading(text) and _STARTS_BLOCK.match(text))):
        return None
    text = re.sub(r"^#{1,6}\s", "", text)
    if len(re.findall(rf"[{CJK}A-Za-z]", text)) < 2:
        return None
    return re.sub(r"\d+", "0", re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)))


def _not_running(lines: list[str]) -> list[bool]:
    """Which lines to keep: a line repeated 3+ times, spread out like one per page (a median
    gap of 4+ lines; a table's unit column repeats on consecutive lines), is a running header
    or footer. Kept are headings, a line found mostly right under headings (a speaker's name
    under each of their speeches) and a first occurrence that titles something (the first
    line, or one right before a heading)."""
    keys = [_running_key(x) for x in lines]
    where: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        if k:
            where.setdefault(k, []).append(i)
    keep = [True] * len(lines)
    for positions in where.values():
        if len(positions) < 3:
            continue
        if statistics.median(b - a for a, b in zip(positions, positions[1:])) < 4:
            continue
        plain = [i for i in positions if not is_heading(lines[i])]
        if 2 * sum(1 for i in plain if i > 0 and is_heading(lines[i - 1])) >= len(plain):
            continue
        for n, i in enumerate(positions):
            if is_heading(lines[i]):
                continue
            if n == 0 and (i == 0 or (i + 1 < len(lines) and is_heading(lines[i + 1]))):
                continue
            keep[i] = False
    return keep


def _ends_open(line: str) -> bool:
    return not line.rstrip("*").endswith(_CLOSED_END)


def _join_broken(lines: list[str], starts: list[bool], pages: list) -> tuple[list[str], list]:
    out: list[str] = []
    out_pages: list[list[tuple[int, int]]] = []
    standalone_prev = True          # the previous line may not take a continuation
    after_heading = False
    speaker_slot = None             # after a date byline: "role" may follow; after a role: "name"
    for i, (line, starts_block) in enumerate(zip(lines, starts)):
        heading = is_heading(line)
        # A byline's speaker split over lines ("——2017年3月5日在…会议上" / "国务院总理" / "李克强")
        # joins the byline: one paragraph holding date and speaker, parted by an ideographic
        # space as typeset bylines are (a plain space between Chinese words reads as noise).
        if speaker_slot == "role" and (ROLE_NAME.match(line) or ROLE_ONLY.match(line)) \
                and len(line) <= 25:
            out[-1] += "\u3000" + line
            speaker_slot = "name" if ROLE_ONLY.match(line) else None
            continue
        if speaker_slot == "name" and NAME_LINE.match(line):
            out[-1] += line
            speaker_slot = None
            continue
        by = None if heading else parse_byline(line, after_heading,
                                                 lines[i + 1] if i + 1 < len(lines) else "")
        joinable = (bool(out) and not standalone_prev and not heading and by is None
                    and _ends_open(out[-1]) and not starts_block)
        if joinable:
            out[-1] = _glue(out[-1], line)
            if pages[i] is not None and (not out_pages[-1] or out_pages[-1][-1][1] != pages[i]):
                out_pages[-1].append((len(out[-1]) - len(line), pages[i]))
        else:
            out.append(line)
            out_pages.append([(0, pages[i])] if pages[i] is not None else [])
        speaker_slot = None
        if by is not None and by.date and not by.speaker:
            speaker_slot = "role"
        elif by is not None and not by.date and not by.speaker:
            speaker_slot = "name"                   # a role alone under a title
        # table rows, numbered titles and month headings are whole lines, never the first half
        # of a sentence
        standalone_prev = heading or by is not None or (
            not joinable and (line.startswith("|") or is_numbered_title(line)
                              or is_month_line(line) or tables.table_index(line) is not None))
        after_heading = heading or (by is not None and after_heading)
    return out, out_pages


def _glue(a: str, b: str) -> str:
    # Latin words broken across lines need their space back; Chinese text needs none.
    if re.search(r"[A-Za-z0-9,]$", a) and re.match(r"[A-Za-z]", b):
        return a + " " + b
    return a + b


def boilerplate_key(text: str) -> str:
    """A paragraph as compared across documents: width-folded, no spaces or bold marks."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text.replace("**", ""))).lower()


def find_boilerplate(docs: list[list[str]], min_docs: int = 3) -> set[str]:
    """Keys of the paragraphs that occur in `min_docs` or more of the documents (each a list
    of paragraph texts): licence text, site headers and footers. Three, because two reports
    may share a sentence by quotation, while text found verbatim in three or more documents
    of one batch says something about the source, not the document."""
    counts = Counter(k for texts in docs for k in {boilerplate_key(t) for t in texts} if k)
    return {k for k, n in counts.items() if n >= min_docs}
