"""File loaders: bytes on disk -> plain text with markdown-style headings.

Every loader returns text where headings are "#"-prefixed lines and paragraphs are separated
by newlines, so one repair/structure pass serves all formats. Paged formats put a page marker
line before each page, and tables are handed over as data with a marker line where each
stood (rag.ingest.tables).
"""
from __future__ import annotations

import dataclasses
import io
import logging
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from rag.ingest import encoding, tables
from rag.limits import Deadline, FileLimits, LimitError

log = logging.getLogger(__name__)

SUPPORTED = {".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm", ".xlsx", ".xls", ".csv",
             ".png", ".jpg", ".jpeg"}                  # images: OCR (the optional "ocr" extra)
IMAGES = {".png", ".jpg", ".jpeg"}
# What the UI and the HTTP API accept as uploads: one list, so both surfaces agree.
UPLOAD_TYPES = (".txt", ".md", ".docx", ".pdf", ".html", ".xlsx", ".xls", ".csv", ".png", ".jpg", ".jpeg")
ZIP_FORMATS = {".docx", ".xlsx", ".pptx", ".odt"}      # size limits count their unzipped bytes


class LoadError(Exception):
    """A file could not be read as a document; the message says why, fit to show a user
    (no paths, no Python reprs). `kind` sorts reasons in reports: unsupported, empty,
    limit, unreadable; `setting` names the setting behind a limit."""

    def __init__(self, message: str, kind: str = "unreadable", setting: str | None = None):
        super().__init__(message)
        self.kind, self.setting = kind, setting


@dataclass
class Loaded:
    text: str
    encoding: str | None
    title: str | None = None
    confidence: float | None = None              # of the encoding; None for binary formats
    warnings: list[str] = field(default_factory=list)
    tables: list = field(default_factory=list)   # rag.ingest.tables.Table, marked in `text`
    ocr: dict[int, float] = field(default_factory=dict)   # page -> OCR confidence, for scans
    notes: list[str] = field(default_factory=list)        # what the ingest report should say (not encoding)


def load(path: Path, max_bytes: int | None = None, limits: FileLimits | None = None) -> Loaded:
    """Read one file within `limits` (max_bytes, when given, overrides limits.max_bytes)."""
    limits = limits or FileLimits()
    if max_bytes is not None:
        limits = dataclasses.replace(limits, max_bytes=max_bytes)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise LoadError(f"unsupported file type '{suffix or '(none)'}' "
                        f"(supported: {', '.join(sorted(SUPPORTED))})", "unsupported")
    size = path.stat().st_size
    if size == 0:
        raise LoadError("empty file", "empty")
    if size > limits.max_bytes:
        raise LoadError(f"file is {size / 2**20:.1f} MB, over the {limits.max_bytes / 2**20:.0f} MB "
                        "limit (raise RAG_MAX_FILE_MB to ingest it)", "limit", "RAG_MAX_FILE_MB")
    data = path.read_bytes()
    deadline = limits.deadline()
    try:
        if suffix in ZIP_FORMATS:
            check_zip(data, limits)
        if suffix in (".md", ".markdown"):        # markdown tables are tables
            loaded = _text(data)
            loaded.text, loaded.tables = tables.from_row_lines(loaded.text, "md")
            return loaded
        if suffix == ".txt":
            return _text(data)
        if suffix == ".docx":
            text, found = tables.from_row_lines(_docx(data, deadline), "docx")
            return Loaded(text, None, tables=found)
        if suffix == ".pdf":
            return _pdf(data, deadline)
        if suffix in IMAGES:
            from rag.ingest import pdf
            text, conf = pdf.load_image(data)
            return Loaded(text, None, ocr={1: conf})
        if suffix in (".xlsx", ".xls", ".csv"):
            from rag.ingest import sheets
            return sheets.load(data, suffix, limits, deadline)
        return _html(data, limits, deadline)
    except LimitError as e:
        raise LoadError(str(e), "limit", e.setting) from None


# --- encodings ---------------------------------------------------------------------------

def decode(data: bytes) -> encoding.Decoded:
    """Bytes of unknown encoding -> text, codec, confidence and warnings (rag.ingest.encoding)."""
    try:
        return encoding.decode(data)
    except encoding.DecodeError as e:
        raise LoadError(str(e)) from None


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding) of bytes of unknown encoding."""
    d = decode(data)
    return d.text, d.encoding


def _text(data: bytes) -> Loaded:
    d = decode(data)
    return Loaded(d.text, d.encoding, confidence=d.confidence, warnings=d.warnings)


def check_zip(data: bytes, limits: FileLimits) -> None:
    """Refuse a zip-based document whose parts would unpack to more than the file limit, that
    has too many parts, or whose parts are compressed beyond any real document's ratio, all
    before anything is unpacked. The sizes in the zip directory are trustworthy bounds:
    Python's zipfile stops reading a part at its declared size (and then fails its CRC)."""
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return            # not a zip: the format's own reader says what is wrong with it
    if len(infos) > limits.max_zip_entries:
        raise LoadError(f"the document holds {len(infos):,} parts, over the limit of "
                        f"{limits.max_zip_entries:,} (setting RAG_MAX_ZIP_ENTRIES)",
                        "limit", "RAG_MAX_ZIP_ENTRIES")
    total = sum(i.file_size for i in infos)
    if total > limits.max_bytes:
        raise LoadError(f"the document unpacks to {total / 2**20:,.1f} MB, over the "
                        f"{limits.max_bytes / 2**20:.0f} MB limit (raise RAG_MAX_FILE_MB to ingest it)",
                        "limit", "RAG_MAX_FILE_MB")
    for i in infos:
        # Parts under 1 MiB cost little whatever their ratio (tiny XML parts compress ~50:1).
        if i.file_size > 2**20 and i.file_size > limits.max_zip_ratio * max(1, i.compress_size):
            ratio = i.file_size / max(1, i.compress_size)
            raise LoadError(f"a part of the document is compressed {ratio:,.0f}:1, over the "
                            f"{limits.max_zip_ratio:g}:1 limit (setting RAG_MAX_ZIP_RATIO): "
                            "a decompression bomb, or an unusual document", "limit",
                            "RAG_MAX_ZIP_RATIO")


# --- structured formats ------------------------------------------------------------------

def _why(e: Exception) -> str:
    """A reader's failure in words for the user; the exception itself goes to the log."""
    if isinstance(e, zipfile.BadZipFile):
        return "damaged, or not a zip archive"
    if isinstance(e, KeyError):
        return "a part it must have is missing"
    if type(e).__name__ in ("XMLSyntaxError", "ParseError"):
        return "its XML is malformed or nested too deeply"
    return "its content could not be parsed"


def _docx(data: bytes, deadline: Deadline | None = None) -> str:
    try:
        import docx
        doc = docx.Document(io.BytesIO(data))
    except Exception as e:
        log.info("docx reader failed: %r", e)
        raise LoadError(f"not a readable .docx file ({_why(e)})") from None
    lines = []
    try:
        for n, block in enumerate(_docx_blocks(doc)):
            if deadline is not None and n % 256 == 0:
                deadline.check()
            if isinstance(block, str):
                lines.append(block)
    except LimitError:
        raise
    except Exception as e:
        log.info("docx reader failed: %r", e)
        raise LoadError(f"not a readable .docx file ({_why(e)})") from None
    return "\n\n".join(lines)


def _docx_blocks(doc):
    """Paragraphs (headings as markdown) and table rows, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        yield None              # one step per element, so the caller's time checks see empty ones
        if tag == "p":
            p = Paragraph(child, doc)
            text = p.text.strip()
            if not text:
                continue
            style = (p.style.name or "") if p.style is not None else ""
            m = re.match(r"(?:Heading|标题)\s*(\d)", style)
            if m:
                yield "#" * int(m.group(1)) + " " + text
            elif style == "Title":
                yield "# " + text
            else:
                yield text
        elif tag == "tbl":
            for row in Table(child, doc).rows:
                cells = [c.text.strip() for c in row.cells]
                if any(cells):
                    yield _table_row(cells)


def _table_row(cells: list[str]) -> str:
    # A markdown-style row: the leading "|" tells repair it is a whole line, never to be glued
    # to the next row the way a sentence broken across lines is.
    return "| " + " | ".join(cells) + " |"


def _pdf(data: bytes, deadline: Deadline | None = None) -> Loaded:
    from rag.ingest import ocr, pdf
    text, found, conf, warnings = pdf.load(data, deadline)
    body = [x for x in text.split("\n") if x.strip() and tables.page_number(x) is None]
    if not body:
        raise LoadError("PDF has no text layer, and no page image in which OCR found text"
                        if ocr.available() else
                        f"PDF has no text layer (scanned images need OCR: {ocr.INSTALL})")
    return Loaded(text, None, tables=found, ocr=conf, notes=warnings)


def _html(data: bytes, limits: FileLimits, deadline: Deadline) -> Loaded:
    from rag.ingest.htmltext import extract
    d = decode(data)
    out, title = extract(d.text, limits.max_html_depth, deadline)
    if not out:
        raise LoadError("HTML page has no text", "empty")
    text, found = tables.from_row_lines("\n\n".join(out), "html")
    return Loaded(text, d.encoding, title, d.confidence, d.warnings, found)
