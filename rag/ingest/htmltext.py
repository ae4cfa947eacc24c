"""HTML -> headings, paragraphs and table rows in one streaming pass.

Why not a tree (BeautifulSoup): asking each element for its ancestors and descendants costs
time quadratic in nesting depth (41 s for an 88 KB page nested 8,000 deep). Here every
element is handled when it opens and closes, with a stack; nesting deeper than the limit is
refused, and the time budget is checked as elements go by.

What comes out, in document order: h1-h6 as "#" headings; each table row as "| a | b |"
(its direct cells; nothing inside a row is emitted on its own); each block element (p, li,
div, td, ...) that holds no other block as its text, list items as "- item". Text inside
script, style, noscript, nav, footer and head is dropped; <title> gives the title.
"""
from __future__ import annotations

from html.parser import HTMLParser

from rag.limits import Deadline, LimitError

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {"p", "li", "div", "td", "th", "pre", "blockquote", "section", "article", "tr"}
_SKIP = {"script", "style", "noscript", "nav", "footer", "template"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
# A start tag of these closes an open <p>, as the HTML standard says: pages that never close
# their paragraphs then stay flat instead of nesting one level per paragraph.
_CLOSES_P = _HEADINGS | {"p", "div", "ul", "ol", "table", "pre", "blockquote", "section",
                         "article", "dl", "form", "hr", "header", "main", "aside", "figure"}
# Implied end tags: a new <li> ends the open one, up to its list; likewise cells and rows.
_IMPLIED = {"li": ("li", {"ul", "ol"}), "td": ("td th", {"tr", "table"}),
            "th": ("td th", {"tr", "table"}), "tr": ("tr", {"table"}),
            "p": ("p", {"div", "td", "th", "li", "table", "blockquote", "section", "article", "body"})}
_BR = object()          # a line break inside a block's text


class _Frame:
    __slots__ = ("tag", "slot", "start", "nested_block", "cells", "skip", "cell_of", "span",
                 "table", "spans")

    def __init__(self, tag: str, start: int):
        self.tag, self.start = tag, start
        self.slot = None            # index in the output reserved for this element
        self.nested_block = False   # holds a block or heading: its own text is not emitted
        self.cells = None           # a row's cell texts
        self.skip = False
        self.cell_of = None         # the row frame this cell belongs to
        self.span = (1, 1)          # a cell's colspan, rowspan
        self.table = None           # a row's table frame
        self.spans = None           # a table's cells merged down: column -> [text, rows left]


class _Extractor(HTMLParser):
    def __init__(self, max_depth: int, deadline: Deadline | None):
        super().__init__(convert_charrefs=True)
        self.max_depth, self.deadline = max_depth, deadline
        self.stack: list[_Frame] = []
        self.pieces: list = []          # text in document order, outside dropped elements
        self.out: list[str | None] = []
        self.title: list[str] = []
        self.skipping = 0               # open dropped elements (script, head, ...)
        self.in_title = False
        self.rows = 0                   # open <tr> elements
        self.seen = 0

    # --- tags ---
    def handle_starttag(self, tag, attrs):
        self.seen += 1
        if self.deadline is not None and self.seen % 512 == 0:
            self.deadline.check()
        if tag == "title":
            self.in_title = True
            return
        if tag == "br":
            if not self.skipping:
                self.pieces.append(_BR)
            return
        if tag in _VOID:
            return
        if tag == "body":
            self._close("head")
        if tag in _CLOSES_P:
            self._implied("p")
        if tag in _IMPLIED and tag != "p":
            self._implied(tag)
        if len(self.stack) >= self.max_depth:
            raise LimitError(f"HTML nested deeper than {self.max_depth} elements "
                             "(setting RAG_MAX_HTML_DEPTH)", "RAG_MAX_HTML_DEPTH")
        parent = self.stack[-1] if self.stack else None
        f = _Frame(tag, len(self.pieces))
        if tag in _SKIP or tag == "head":
            f.skip = True
            self.skipping += 1
        elif not self.skipping:
            if tag in _BLOCKS or tag in _HEADINGS:
                for anc in reversed(self.stack):   # ancestors marked once: amortised O(1)
                    if anc.nested_block:
                        break
                    anc.nested_block = True
                if not self.rows:
                    f.slot = len(self.out)
                    self.out.append(None)
            if tag in ("td", "th") and parent is not None and parent.tag == "tr":
                f.cell_of = parent
                f.span = (_span(attrs, "colspan"), _span(attrs, "rowspan"))
            if tag == "tr":
                f.cells = []
                f.table = next((a for a in reversed(self.stack) if a.tag == "table"), None)
                self.rows += 1
            if tag == "table":
                f.spans = {}
        self.stack.append(f)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag not in _VOID:
            self._close(tag)

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.pieces.append(data)

    # --- stack ---
    def _implied(self, tag: str) -> None:
        names, scope = _IMPLIED[tag]
        names = names.split()
        for i in range(len(self.stack) - 1, -1, -1):
            t = self.stack[i].tag
            if t in names:
                self._pop_to(i)
                return
            if t in scope:
                return

    def _close(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                self._pop_to(i)
                return

    def _pop_to(self, i: int) -> None:
        while len(self.stack) > i:
            self._finish(self.stack.pop())

    def _finish(self, f: _Frame) -> None:
        if f.skip:
            self.skipping -= 1
            return
        if f.tag == "tr":
            self.rows -= 1
        text = None
        if f.cell_of is not None:
            _add_cell(f.cell_of, _join(self.pieces[f.start:], " "), *f.span)
        if f.slot is None:
            return
        if f.tag == "tr":
            _end_row(f)
            if any(f.cells):
                text = "| " + " | ".join(f.cells) + " |"
        elif f.tag in _HEADINGS:
            t = _join(self.pieces[f.start:], " ")
            text = "#" * int(f.tag[1]) + " " + t if t else None
        elif not f.nested_block:
            t = _join(self.pieces[f.start:], "\n")
            text = (("- " + t) if f.tag == "li" else t) or None
        self.out[f.slot] = text

    def finish(self) -> tuple[list[str], str | None]:
        self.close()
        self._pop_to(0)
        out = [t for t in self.out if t]
        if not out:
            body = _join(self.pieces, "\n", lines=True)
            out = [body] if body else []
        title = "".join(s.strip() for s in self.title).strip() or None
        return out, title


MAX_SPAN = 100         # a colspan/rowspan beyond any real table's is cut to this


def _span(attrs, name: str) -> int:
    value = dict(attrs).get(name) or "1"
    return max(1, min(MAX_SPAN, int(value))) if value.strip().isdigit() else 1


def _pending(row: _Frame) -> dict:
    return row.table.spans if row.table is not None and row.table.spans is not None else {}


def _add_cell(row: _Frame, text: str, colspan: int, rowspan: int) -> None:
    """A merged cell's text goes into every cell it covers: across (colspan) now, down
    (rowspan) as the rows below reach its columns."""
    spans = _pending(row)
    while len(row.cells) in spans:          # columns a cell from a row above covers
        row.cells.append(spans[len(row.cells)][0])
        _used(spans, len(row.cells) - 1)
    for _ in range(colspan):
        if rowspan > 1:
            spans[len(row.cells)] = [text, rowspan - 1, True]
        row.cells.append(text)


def _used(spans: dict, col: int) -> None:
    spans[col][1] -= 1
    if spans[col][1] <= 0:
        del spans[col]


def _end_row(row: _Frame) -> None:
    """Fill the row's trailing columns merged down from above; spans opened in this row
    start counting from the next."""
    spans = _pending(row)
    while len(row.cells) in spans and not spans[len(row.cells)][2]:
        row.cells.append(spans[len(row.cells)][0])
        _used(spans, len(row.cells) - 1)
    for v in spans.values():
        v[2] = False


def _join(pieces, br: str, lines: bool = False) -> str:
    """Stripped text pieces joined by spaces (by newlines with `lines`); a <br> starts a new
    line (`br`), so a block's lines stay lines."""
    parts, line = [], []
    sep = "\n" if lines else " "
    for p in pieces:
        if p is _BR:
            if line:
                parts.append(sep.join(line))
                line = []
            continue
        s = p.strip()
        if s:
            line.append(s)
    if line:
        parts.append(sep.join(line))
    return br.join(parts)


def extract(text: str, max_depth: int = 512, deadline: Deadline | None = None):
    """(paragraph texts in order, title or None) of an HTML page."""
    parser = _Extractor(max_depth, deadline)
    parser.feed(text)
    return parser.finish()
