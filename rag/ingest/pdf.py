"""PDF -> text in reading order with page markers, and its tables as data (pdfplumber).

Per page: the table finder's tables are taken out of the text (with the caption and unit
lines just above them); the remaining words are grouped into lines, and a page whose lines
leave a vertical gutter is read column by column. Lines at the top or bottom of a page that
repeat on most pages (page numbers in them vary) are running headers or footers and dropped.
A table that starts a page, with no caption, and as many columns as the table that ended
the previous page, continues it.
"""
from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field

from rag.ingest import tables as tbl
from rag.limits import Deadline, LimitError

log = logging.getLogger(__name__)

EDGE_LINES = 2             # lines at each end of a page that may be a running header/footer
LINE_TOLERANCE = 3         # points: words whose tops differ less are on one line
CAPTION_GAP = 40           # points: a caption or unit line sits this close above its table
COLUMN_MIN_WIDTH = 0.2     # of the page: a column's full lines are at least this wide
MAX_COLUMN_WORDS = 20000   # a page with more words is read as one column (the search is per x)
SCAN_MAX_CHARS = 20        # a page with fewer characters (a stamped page number) ...
SCAN_MIN_IMAGE_SHARE = 0.1 # ... and images over a tenth of it or more is OCR'd
_PAGE_NUMBER = re.compile(r"^(?:[-—–·\s]*\d{1,4}[-—–·\s]*|第\s*\d{1,4}\s*页|\d{1,4}\s*/\s*\d{1,4}|"
                          r"page\s*\d{1,4})$", re.I)


@dataclass
class _Line:
    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    words: list = field(default_factory=list)
    size: float = 0.0                 # the largest font size on the line


@dataclass
class _Page:
    number: int
    items: list = field(default_factory=list)      # _Line or _Block, in reading order
    width: float = 0.0
    height: float = 0.0
    scanned: bool = False                          # no text layer: a candidate for OCR
    confidence: float | None = None                # OCR's, when the text came from it


def load(data: bytes, deadline: Deadline | None = None):
    """(text with page and table markers, tables, {page: OCR confidence}, warnings) of a
    PDF; raises LoadError."""
    from rag.ingest.loaders import LoadError, _why
    try:
        import pdfplumber
    except ImportError:
        raise LoadError("reading PDF needs pdfplumber: pip install pdfplumber") from None
    pages: list[_Page] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for n, page in enumerate(pdf.pages, 1):
                if deadline is not None:
                    deadline.check()
                pages.append(_read_page(page, n))
                page.close()                 # frees the page's parsed objects
    except (LoadError, LimitError):
        raise
    except Exception as e:
        log.info("PDF reader failed: %r", e)
        if re.search(r"password|encrypt", f"{type(e).__name__} {e!r}", re.I):
            raise LoadError("encrypted PDF") from None
        if b"%%EOF" not in data[-2048:]:
            raise LoadError("not a readable PDF (truncated: it has no end-of-file marker)") from None
        raise LoadError(f"not a readable PDF ({_why(e)})") from None
    if not pages:
        raise LoadError("not a readable PDF (it has no pages)")
    warnings = _ocr_scanned(data, pages, deadline)
    _drop_running(pages)
    for p in pages:
        _take_captions(p)
    text, found = _assemble(pages)
    conf = {p.number: p.confidence for p in pages if p.confidence is not None}
    return text, found, conf, warnings


def _ocr_scanned(data: bytes, pages: list[_Page], deadline: Deadline | None) -> list[str]:
    """OCR the pages that have no text layer, when OCR is installed; a warning otherwise."""
    from rag.ingest import ocr
    scanned = [p for p in pages if p.scanned]
    if not scanned:
        return []
    if not ocr.available():
        return [f"{len(scanned)} of {len(pages)} pages are scans without a text layer and were "
                f"left out ({ocr.INSTALL})"]
    import pypdfium2
    from rag.ingest.loaders import LoadError
    try:
        document = pypdfium2.PdfDocument(data)
    except Exception as e:
        log.info("PDF renderer failed: %r", e)
        raise LoadError("not a readable PDF (its scanned pages could not be rendered for OCR)") from None
    from tqdm import tqdm

    from rag.ingest.progress import report
    if deadline is not None:
        deadline.allow_ocr(len(scanned))
    try:
        # seconds a page: a bar on a terminal (tqdm turns itself off when stderr is not one)
        for i, p in enumerate(tqdm(scanned, desc="OCR", unit="page", disable=None, leave=False)):
            report("ocr", i, len(scanned))
            if deadline is not None:
                deadline.check()          # a long scan needs a larger RAG_PARSE_SECONDS
            try:
                words = ocr.pdf_page(document, p.number - 1, p.width, p.height)
            except Exception as e:
                log.info("OCR failed on page %d: %r", p.number, e)
                raise LoadError(f"OCR failed on page {p.number} of the PDF") from None
            p.items = _ordered(_lines(words), p.width)      # a scan has no tables pdfplumber found
            p.confidence = ocr.confidence(words)
        report("ocr", len(scanned), len(scanned))
    finally:
        document.close()
    return []


@dataclass
class _Block:
    table: tbl.Table
    top: float


def _read_page(page, number: int) -> _Page:
    # a frame drawn around a paragraph is found as a one-column "table": it stays text
    found = [t for t in page.find_tables()
             if len(t.rows) >= 2 and max((len(r.cells) for r in t.rows), default=0) >= 2]
    boxes = [t.bbox for t in found]
    words = [w for w in page.extract_words(x_tolerance=1.5, y_tolerance=LINE_TOLERANCE,
                                           extra_attrs=["size"])
             if not any(_inside(w, b) for b in boxes)]
    lines = _lines(words)
    blocks = []
    for t, box in sorted(zip(found, boxes), key=lambda x: x[1][1]):
        grid = t.extract()
        # a header cell merged across columns leaves None beside it: the row under it is
        # the second header row ("2019年" over "收入 | 增长")
        spanned = next((i for i, r in enumerate(grid[:3]) if None not in r), 0)
        header_rows = spanned + 1 if spanned else 1
        table = tbl.split_header(tbl.fill_merged(grid, header_rows), header_rows)
        table.page, table.source = number, "pdf"
        blocks.append(_Block(table, box[1]))
    # a scan: next to no text, and images over a good part of the page (a blank page or a
    # drawing is not worth OCR's seconds)
    scanned = not blocks and sum(len(w["text"]) for w in words) < SCAN_MAX_CHARS and \
        _image_share(page) >= SCAN_MIN_IMAGE_SHARE
    return _Page(number, _merge_by_top(_ordered(lines, float(page.width)), blocks),
                 float(page.width), float(page.height), scanned=scanned)


def _image_share(page) -> float:
    area = float(page.width) * float(page.height) or 1.0
    covered = sum(max(0.0, float(i["x1"]) - float(i["x0"])) * max(0.0, float(i["bottom"]) - float(i["top"]))
                  for i in page.images)
    return min(1.0, covered / area)


def _ordered(lines: list[_Line], width: float) -> list[_Line]:
    ordered = _reading_order(lines, width)
    _mark_headings(ordered)
    return ordered


def load_image(data: bytes):
    """(text with a page marker, OCR confidence) of a .png/.jpg scan; raises LoadError."""
    from rag.ingest import ocr
    from rag.ingest.loaders import LoadError
    if not ocr.available():
        raise LoadError(f"an image needs OCR to be read: {ocr.INSTALL}", "unsupported")
    try:
        words, width = ocr.image(data)
    except LimitError:
        raise
    except ocr.OcrUnavailable as e:
        raise LoadError(str(e), "unsupported") from None
    except Exception as e:
        log.info("image reader failed: %r", e)
        raise LoadError("not a readable image (damaged, or not a PNG/JPEG)") from None
    if not words:
        raise LoadError("OCR found no text in the image", "empty")
    lines = [ln.text for ln in _ordered(_lines(words), width)]
    return "\n".join([tbl.page_marker(1)] + lines), ocr.confidence(words)


def _mark_headings(lines: list[_Line]) -> None:
    """A short line set larger than the page's body text is a heading ("# …" for repair)."""
    sizes = sorted(ln.size for ln in lines if ln.size)
    if not sizes:
        return
    body = sizes[len(sizes) // 2]
    for ln in lines:
        if ln.size >= 1.2 * body and len(ln.text) <= 40:
            ln.text = "# " + ln.text


def _merge_by_top(lines: list[_Line], blocks: list[_Block]) -> list:
    """Lines in reading order with each table (a full-width block) before the first line
    below it."""
    out: list = []
    pending = list(blocks)
    for ln in lines:
        while pending and pending[0].top <= ln.top:
            out.append(pending.pop(0))
        out.append(ln)
    return out + pending


def _inside(w: dict, box) -> bool:
    cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _lines(words: list[dict]) -> list[_Line]:
    words = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    rows: list[list[dict]] = []
    for w in words:
        if rows and abs(rows[-1][0]["top"] - w["top"]) < LINE_TOLERANCE:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [_Line(min(w["top"] for w in r), max(w["bottom"] for w in r),
                  min(w["x0"] for w in r), max(w["x1"] for w in r), _text(r), r,
                  max(float(w.get("size") or 0) for w in r)) for r in rows]


def _text(words: list[dict]) -> str:
    words = sorted(words, key=lambda w: w["x0"])
    out = ""
    for a, b in zip([None] + words, words):
        # a gap wider than a character is a space in Latin text; Chinese needs none (repair
        # removes spaces between Chinese characters)
        out += (" " if a is not None and b["x0"] - a["x1"] > 1 else "") + b["text"]
    return out


def _reading_order(lines: list[_Line], width: float) -> list[_Line]:
    """Lines top to bottom; where the page has two columns, the left column's lines before
    the right column's, block by block between full-width lines (titles)."""
    gutter = _gutter(lines, width)
    out: list[_Line] = []
    left: list[_Line] = []
    right: list[_Line] = []

    def flush() -> None:
        out.extend(left + right)
        left.clear()
        right.clear()

    for ln in lines:
        words = ln.words
        if gutter is None:
            out.append(ln)
            continue
        lw = [w for w in words if w["x1"] <= gutter]
        rw = [w for w in words if w["x0"] >= gutter]
        if len(lw) + len(rw) < len(words):         # a word crosses the gutter: full width
            flush()
            out.append(ln)
            continue
        for side, ws in ((left, lw), (right, rw)):
            if ws:
                side.append(_Line(ln.top, ln.bottom, min(w["x0"] for w in ws),
                                  max(w["x1"] for w in ws), _text(ws), ws, ln.size))
    flush()
    return out


def _gutter(lines: list[_Line], width: float) -> float | None:
    """An x in the middle of the page that few lines cross, with lines of text on each side
    of it (side by side or not: columns need not share baselines), each side's full lines as
    wide as a column's: the gap between two columns. The width test keeps an unruled table's
    short cells ("姓名   职务") in rows."""
    if len(lines) < 4 or sum(len(ln.words) for ln in lines) > MAX_COLUMN_WORDS:
        return None
    best = None
    for x in range(int(width * 0.3), int(width * 0.7), 2):
        crossing = sum(1 for ln in lines if any(w["x0"] < x < w["x1"] for w in ln.words))
        if crossing > 0.2 * len(lines):
            continue
        left = sum(1 for ln in lines if any(w["x1"] <= x for w in ln.words))
        right = sum(1 for ln in lines if any(w["x0"] >= x for w in ln.words))
        score = (crossing, -min(left, right))
        if min(left, right) >= 3 and (best is None or score < best[0]):
            best = (score, x)
    if best is None:
        return None
    x = best[1]

    def full_width(side) -> float:
        # the upper quartile: paragraphs' last lines, headers and footers are short
        spans = sorted(max(w["x1"] for w in ws) - min(w["x0"] for w in ws)
                       for ws in ([w for w in ln.words if side(w)] for ln in lines) if ws)
        return spans[3 * len(spans) // 4] if spans else 0.0

    wide = COLUMN_MIN_WIDTH * width
    if full_width(lambda w: w["x1"] <= x) < wide or full_width(lambda w: w["x0"] >= x) < wide:
        return None
    return x


def _key(text: str) -> str:
    return re.sub(r"\d+", "0", re.sub(r"\s+", "", text))


def _drop_running(pages: list[_Page]) -> None:
    """Drop page numbers at a page's edges, and edge lines repeated on at least half of the
    pages (two at least): running headers and footers."""
    def edges(p: _Page) -> list[_Line]:
        # by position on the page, not reading order: a footer under the left column is
        # read with that column
        lines = sorted((x for x in p.items if isinstance(x, _Line)), key=lambda ln: ln.top)
        return lines[:EDGE_LINES] + lines[-EDGE_LINES:] if len(lines) > EDGE_LINES else lines

    counts: dict[str, int] = {}
    for p in pages:
        for k in {_key(ln.text) for ln in edges(p)}:
            counts[k] = counts.get(k, 0) + 1
    need = max(2, (len(pages) + 1) // 2)
    for p in pages:
        drop = {id(ln) for ln in edges(p)
                if _PAGE_NUMBER.match(ln.text.strip()) or (len(pages) > 1 and counts[_key(ln.text)] >= need)}
        p.items = [x for x in p.items if id(x) not in drop]


def _take_captions(p: _Page) -> None:
    """A unit line and a caption line right above a table are the table's."""
    out: list = []
    for item in p.items:
        if isinstance(item, _Block):
            t, top = item.table, item.top
            while out and isinstance(out[-1], _Line) and 0 <= top - out[-1].bottom < CAPTION_GAP:
                text = out[-1].text.lstrip("# ")
                if not t.unit and not t.caption and tbl.unit_of(text):
                    t.unit = tbl.unit_of(text)
                elif not t.caption and tbl.is_caption(text, near=True):
                    t.caption = text
                else:
                    break
                top = out.pop().top
        out.append(item)
    p.items = out


def _assemble(pages: list[_Page]):
    """Text with a page marker before each page and a marker line per table; a table that
    opens a page with no caption and the column count of the table that closed the previous
    page is that table's continuation."""
    lines: list[str] = []
    tables: list[tbl.Table] = []
    last = None                         # the table that closed the previous page, if one did
    for p in pages:
        lines.append(tbl.page_marker(p.number))
        closing = None
        for i, item in enumerate(p.items):
            closing = None
            if isinstance(item, _Block):
                item = item.table
                if i == 0 and last is not None and tbl.continues(last, item):
                    tbl.append(last, item)
                    closing = last
                    continue
                lines += ["", tbl.marker(len(tables)), ""]
                tables.append(item)
                closing = item
            else:
                lines.append(item.text)
        last = closing if p.items else last
    return "\n".join(lines), tables
