"""File loaders: bytes on disk -> plain text with markdown-style headings.

Every loader returns text where headings are "#"-prefixed lines and paragraphs are separated
by newlines, so one repair/structure pass serves all formats.
"""
from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass
from pathlib import Path

SUPPORTED = {".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm"}


class LoadError(Exception):
    """A file could not be read as a document; the message says why."""


@dataclass
class Loaded:
    text: str
    encoding: str | None
    title: str | None = None


def load(path: Path, max_bytes: int) -> Loaded:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise LoadError(f"unsupported file type '{suffix or '(none)'}' "
                        f"(supported: {', '.join(sorted(SUPPORTED))})")
    size = path.stat().st_size
    if size == 0:
        raise LoadError("empty file")
    if size > max_bytes:
        raise LoadError(f"file is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:.0f} MB limit "
                        "(raise RAG_MAX_FILE_MB to ingest it)")
    data = path.read_bytes()
    if suffix in (".txt", ".md", ".markdown"):
        text, enc = decode_text(data)
        return Loaded(text, enc)
    if suffix == ".docx":
        return Loaded(_docx(data), None)
    if suffix == ".pdf":
        return Loaded(_pdf(data), None)
    return _html(data)


# --- encodings ---------------------------------------------------------------------------

_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16")]


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes of unknown encoding: BOM, then strict UTF-8, then the CJK legacy codecs.

    GB18030 and Big5 byte ranges overlap, so when both decode strictly we keep the reading
    with more common Chinese characters rather than trusting the first that succeeds.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc.replace("-sig", "")
    if _looks_binary(data):
        raise LoadError("binary file (not text)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    readings = []
    for enc in ("gb18030", "big5"):
        try:
            readings.append((_common_ratio(data.decode(enc)), enc, data.decode(enc)))
        except UnicodeDecodeError:
            continue
    if readings:
        score, enc, text = max(readings)
        if score > 0.3:
            return text, enc
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data).best()
    except Exception:  # the detector failing must not crash a batch
        best = None
    if best is not None and best.encoding and _common_ratio(str(best)) > 0.3:
        return str(best), best.encoding
    raise LoadError("cannot decode text: not UTF-8, GB18030/GBK or Big5")


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > len(head) * 0.05


# The most frequent Chinese characters in both simplified and traditional text; a wrong
# codec produces rare characters, so the share of these separates right from wrong readings.
_COMMON = set(
    "的一是了不在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
    "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
    "日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政"
    "美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件"
    "计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象"
    "完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改"
    "收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
    "深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企"
    "會來個們說為國時過後裡這麼還點與對開關發問學當現動經種實進會議區長書記設會議黨員經濟")


def _common_ratio(text: str) -> float:
    cjk = [c for c in text[:20000] if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        # No Chinese at all: accept only if it is mostly printable ASCII/Latin.
        printable = sum(1 for c in text[:20000] if c.isprintable() or c in "\r\n\t")
        return printable / max(1, len(text[:20000]))
    # Real Chinese text scores about 0.5-0.7 against this list; mis-decoded bytes under 0.1.
    return sum(1 for c in cjk if c in _COMMON) / len(cjk)


# --- structured formats ------------------------------------------------------------------

def _docx(data: bytes) -> str:
    try:
        import docx
        doc = docx.Document(io.BytesIO(data))
    except Exception as e:
        raise LoadError(f"not a readable .docx file ({type(e).__name__})") from None
    lines = []
    for block in _docx_blocks(doc):
        if isinstance(block, str):
            lines.append(block)
    return "\n\n".join(lines)


def _docx_blocks(doc):
    """Paragraphs (headings as markdown) and table rows, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
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


def _pdf(data: bytes) -> str:
    try:
        from pypdf import PdfReader
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise LoadError("encrypted PDF")
        pages = [(page.extract_text() or "") for page in reader.pages]
    except LoadError:
        raise
    except Exception as e:
        raise LoadError(f"not a readable PDF ({type(e).__name__})") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise LoadError("PDF has no text layer (scanned images need OCR first)")
    return text


_HTML_BLOCKS = {"p", "li", "div", "td", "th", "pre", "blockquote", "section", "article", "br", "tr"}


def _html(data: bytes) -> Loaded:
    try:
        text, enc = decode_text(data)
    except LoadError:
        raise
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "footer", "head"]):
        if tag.name == "head":
            continue
        tag.decompose()
    title = soup.title.get_text(strip=True) if soup.title else None
    if soup.head:
        soup.head.decompose()
    out: list[str] = []
    for el in soup.find_all(True):
        name = el.name
        if el.find_parent("tr") is not None:
            continue                              # table content is emitted with its row
        if re.fullmatch(r"h[1-6]", name):
            t = el.get_text(" ", strip=True)
            if t:
                out.append("#" * int(name[1]) + " " + t)
        elif name == "tr":
            cells = [c.get_text(" ", strip=True)
                     for c in el.find_all(["td", "th"], recursive=False)]
            if any(cells):
                out.append(_table_row(cells))
        elif name in _HTML_BLOCKS and not el.find(list(_HTML_BLOCKS | {"h1", "h2", "h3", "h4", "h5", "h6"})):
            t = el.get_text(" ", strip=True)
            if t:
                # list items are separate lines even without end punctuation: mark them as such
                out.append(("- " + t) if name == "li" else t)
    if not out:
        body = soup.get_text("\n", strip=True)
        out = [body] if body else []
    if not out:
        raise LoadError("HTML page has no text")
    return Loaded("\n\n".join(out), enc, title)
