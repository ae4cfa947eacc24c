"""Tables as data: caption, unit, header rows and body rows, from any loader.

A loader hands its tables over as `Table` records and leaves a marker line where each one
stood (`marker(n)`), so repair never glues table cells into sentences and the structure pass
files the table under the section it sits in. The chunker turns a table into table chunks
(header repeated in every part) and one row chunk per body row, written
"表名 · 行名 · 列名: 值；…" so a question about one cell finds its row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Marker lines a loader puts in its text; \x0e and \x0c never survive in extracted text.
TABLE_MARK = "\x0eT"
PAGE_MARK = "\x0cP"
_MARK = re.compile(r"^\x0eT(\d+)$")
_PAGE = re.compile(r"^\x0cP(\d+)$")

# "单位：万元", "（单位：亿元、%）", "金额单位：元"
UNIT = re.compile(r"^[（(]?\s*(?:金额|计量)?单位\s*[：:]\s*([^）)]{1,20})[）)]?$")
# "表1 …", "表 3-2 …", "附表…", "…情况表", "…一览表"
_CAPTION = re.compile(r"^(?:附?表\s*[\d一二三四五六七八九十]+(?:[-－.．]\d+)?|附表)|表$|统计$|情况$")
_SENTENCE_END = re.compile(r"[。！？；!?;]$")


@dataclass
class Table:
    header: list[list[str]]                  # header rows, merged cells repeated
    rows: list[list[str]]                    # body rows, as many cells as header rows
    caption: str = ""
    unit: str = ""                           # "万元" from "单位：万元"
    page: int | None = None                  # page it starts on (PDF)
    source: str = ""                         # "pdf", "docx", "html", "xlsx", "csv"

    @property
    def ncols(self) -> int:
        return max((len(r) for r in self.header + self.rows), default=0)

    def columns(self) -> list[str]:
        """One name per column: the header rows' cells joined top-down ("2019年/收入"),
        a cell repeated down a merged header counted once."""
        names = []
        for j in range(self.ncols):
            parts: list[str] = []
            for r in self.header:
                v = r[j] if j < len(r) else ""
                if v and (not parts or parts[-1] != v):
                    parts.append(v)
            names.append("/".join(parts) or f"第{j + 1}列")
        return names

    def title(self) -> str:
        return self.caption or "表格"


def marker(n: int) -> str:
    return f"{TABLE_MARK}{n}"


def page_marker(n: int) -> str:
    return f"{PAGE_MARK}{n}"


def table_index(line: str) -> int | None:
    m = _MARK.match(line)
    return int(m.group(1)) if m else None


def page_number(line: str) -> int | None:
    m = _PAGE.match(line)
    return int(m.group(1)) if m else None


def clean_cell(v) -> str:
    if v is None or v is FROM_LEFT or v is FROM_ABOVE:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return re.sub(r"\s+", " ", str(v)).strip()


def unit_of(line: str) -> str | None:
    m = UNIT.match(line.strip())
    return m.group(1).strip() if m else None


def is_caption(line: str, near: bool = False) -> bool:
    """A short unpunctuated line that names a table ("表1 2019年一般公共预算收入", "…情况").
    `near`: the line sits right above the table on the page, where any short Chinese line
    that is not a list item is its title."""
    text = line.strip().replace("**", "").lstrip("#").strip()
    if not 0 < len(text) <= 50 or _SENTENCE_END.search(text) or re.match(r"[-*•·]\s", text):
        return False
    return bool(_CAPTION.search(text)) or (near and len(text) <= 30
                                            and bool(re.search(r"[\u4e00-\u9fff]", text)))


# Cells a merge covers, where the file says which way (spreadsheets): the merged value is
# the one to the left, or the one above.
FROM_LEFT, FROM_ABOVE = object(), object()


def header_rows(grid: list[list]) -> int:
    """Rows of the header: the first row, and every row a merge starting in the header
    reaches down to or sits right under (a cell merged across columns heads the row below)."""
    n = 1
    for i, row in enumerate(grid[:4]):
        if i >= n:
            break
        below = grid[i + 1] if i + 1 < len(grid) else []
        if any(v is FROM_LEFT for v in row) or any(v is FROM_ABOVE for v in below):
            n = max(n, i + 2)
    return min(n, max(1, len(grid) - 1))


def fill_merged(grid: list[list], header_rows: int) -> list[list[str]]:
    """Cells a merge left empty take the merged value: as the file says (FROM_LEFT,
    FROM_ABOVE), or for None (a PDF's missing cell) from the left in header rows (a title
    spanning columns) and from above in the body (a category spanning rows)."""
    out = [list(r) for r in grid]
    for i, row in enumerate(out):
        for j, v in enumerate(row):
            if v is FROM_LEFT and j > 0:
                row[j] = row[j - 1]
                continue
            if v is FROM_ABOVE and i > 0 and j < len(out[i - 1]):
                row[j] = out[i - 1][j]
                continue
            if v is not None:
                continue
            left = row[j - 1] if j > 0 else None
            up = out[i - 1][j] if i > 0 and j < len(out[i - 1]) else None
            row[j] = (left if left is not None else up) if i < header_rows else \
                (up if up is not None else left)
    return [[clean_cell(v) for v in r] for r in out]


def repeated_header_rows(grid: list[list[str]]) -> int:
    """Header rows of a table whose merges were already repeated into the cells (.docx,
    .html): a row with a value repeated side by side ("2019年 | 2019年") heads the row under
    it, when that row holds no figures ("收入 | 增长")."""
    n = 1
    while n < min(3, len(grid) - 1):
        above, row = grid[n - 1], grid[n]
        if not any(a and a == b for a, b in zip(above, above[1:])) or \
                any(_NUMBER.fullmatch(v) for v in row):
            break
        n += 1
    return n


def split_header(grid: list[list[str]], merged_rows: int = 0) -> Table:
    """The first row is the header, and so is every row down to the last one a merge
    touches (`merged_rows`: header rows known from the file's merged ranges)."""
    n = max(1, merged_rows)
    n = min(n, max(1, len(grid) - 1))
    return Table(header=grid[:n], rows=[r for r in grid[n:] if any(r)])


# "续表", "续表1", "表1（续）": the caption a yearbook puts over a table's continuation
_CONTINUED = re.compile(r"^续表|[（(]续[）)]$")


def continues(prev: Table, nxt: Table) -> bool:
    """A table that goes on after a page break: same columns, no caption of its own (or
    one that says it is a continuation)."""
    return ((not nxt.caption or bool(_CONTINUED.search(nxt.caption)))
            and prev.ncols == nxt.ncols and prev.ncols > 0)


def append(prev: Table, nxt: Table) -> None:
    """Join a continuation: its repeated header (if any) is not a row."""
    rows = nxt.header + nxt.rows
    while rows and prev.header and rows[0] in prev.header:
        rows = rows[1:]
    prev.rows.extend(r for r in rows if any(r))


def render(t: Table) -> str:
    """The table in the document text: caption, unit, then one "| a | b |" line per row."""
    lines = [t.title()] + ([f"单位：{t.unit}"] if t.unit else [])
    lines += ["| " + " | ".join(r) + " |" for r in t.header + t.rows]
    return "\n".join(lines)


def row_text(t: Table, row: list[str]) -> str:
    """"表名 · 行名 · 列名: 值万元；列名: 值万元。" for one body row. A single unit goes on
    every number, so each value reads as an amount; a mixed one ("亿元、%") is said once."""
    cols = t.columns()
    name = row[0] if row else ""
    single = t.unit and not re.search(r"[、,，/%％]", t.unit)
    cells = [f"{c}: {v}{t.unit if single and _NUMBER.fullmatch(v) else ''}"
             for c, v in zip(cols[1:], row[1:]) if v]
    # the caption without its label ("表1"): a number there would read as a value of the row
    title = _LABEL.sub("", t.title()) or t.title()
    head = " · ".join(x for x in (title, name) if x)
    text = head + " · " + "；".join(cells) if cells else head
    return text + (f"（单位：{t.unit}）" if t.unit and not single else "") + "。"


_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")
_LABEL = re.compile(r"^附?表\s*[\d一二三四五六七八九十]+(?:[-－.．]\d+)?\s*")


@dataclass
class TablePart:
    text: str
    kind: str                                 # "table" (header + rows) or "table-row"
    rows: list[int] = field(default_factory=list)


def parts(t: Table, budget: int, count_tokens) -> list[TablePart]:
    """Table chunks within `budget` tokens, each with the caption, unit and header, then one
    row chunk per body row."""
    head = [t.title()] + ([f"单位：{t.unit}"] if t.unit else [])
    head += ["| " + " | ".join(r) + " |" for r in t.header]
    head_text = "\n".join(head)
    out: list[TablePart] = []
    cur: list[int] = []
    cur_tokens = count_tokens(head_text)
    for i, r in enumerate(t.rows):
        line = "| " + " | ".join(r) + " |"
        n = count_tokens(line) + 1
        if cur and cur_tokens + n > budget:
            out.append(_part(head_text, t, cur))
            cur, cur_tokens = [], count_tokens(head_text)
        cur.append(i)
        cur_tokens += n
    if cur or not t.rows:
        out.append(_part(head_text, t, cur))
    out += [TablePart(row_text(t, r), "table-row", [i]) for i, r in enumerate(t.rows) if any(r[1:])]
    return out


def _part(head_text: str, t: Table, rows: list[int]) -> TablePart:
    body = ["| " + " | ".join(t.rows[i]) + " |" for i in rows]
    return TablePart("\n".join([head_text] + body), "table", rows)


def from_row_lines(text: str, source: str) -> tuple[str, list[Table]]:
    """Runs of "| a | b |" lines (as the .docx and .html loaders write table rows) -> tables,
    with the caption and unit lines just above them; the text keeps a marker in their place."""
    lines = text.split("\n")
    out: list[str] = []
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip().startswith("|"):
            out.append(lines[i])
            i += 1
            continue
        grid = []
        while i < len(lines) and (lines[i].strip().startswith("|") or not lines[i].strip()):
            s = lines[i].strip()
            if s and not re.fullmatch(r"\|[\s:|-]*\|?", s):        # "|---|---|" separators
                grid.append([clean_cell(c) for c in s.strip("|").split("|")])
            i += 1
        t = split_header(grid, repeated_header_rows(grid))
        t.source = source
        _take_caption(out, t)
        out.append(marker(len(tables)))
        out.append("")
        tables.append(t)
    return "\n".join(out), tables


def _take_caption(out: list[str], t: Table) -> None:
    """Move a unit line and a caption line from just above the table into it."""
    def last() -> int | None:
        idx = next((k for k in range(len(out) - 1, -1, -1) if out[k].strip()), None)
        return idx if idx is not None and len(out) - idx <= 3 else None
    k = last()
    if k is not None and unit_of(out[k]):
        t.unit = unit_of(out[k])
        del out[k:]
        k = last()
    if k is not None and is_caption(out[k]) and not out[k].lstrip().startswith("#"):
        t.caption = out[k].strip().replace("**", "")
        del out[k:]
