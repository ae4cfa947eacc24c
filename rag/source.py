"""The source of a citation: a PDF's cited page as a PNG with the quoted lines highlighted,
or any other document's text with the passage located, and its kept original file.

`RAG.source(doc_id, page, quote)` returns a `SourceView`; the UI and the HTTP API show it.
The highlight is found on the page itself: the quote's characters are matched against
pdfplumber's character boxes and each line they cover gets one semi-transparent rectangle.
"""
from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

SCALE = 1.5                   # pixels per PDF point: 893 x 1263 px for an A4 page
HIGHLIGHT = (250, 204, 21, 96)   # amber, alpha 96/255: the text stays readable under it
MIN_PIECE = 4                 # shorter pieces of a quote match too much of a page by chance
_SPLIT = re.compile(r"[\s，。；：、！？,.;:!?（）()“”\"'《》]+")


@dataclass
class SourceView:
    doc_id: str
    title: str
    file_name: str                   # the original's file name, without any folder
    original: bool                   # the original file is kept in the index
    page: int | None = None          # the page shown (PDF)
    pages: int | None = None         # the document's page count (PDF)
    png: bytes | None = None         # the page image (PDF with its original)
    boxes: list[tuple[float, float, float, float]] | None = None   # highlights, in pixels
    text: str | None = None          # the document's text (not a PDF, or no original)
    start: int | None = None         # the passage's offsets in `text`, when found
    end: int | None = None

    def to_dict(self) -> dict:
        """JSON-able, with the PNG as base64."""
        import base64
        d = {k: v for k, v in self.__dict__.items() if k != "png"}
        d["png_base64"] = base64.b64encode(self.png).decode() if self.png else None
        return d


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def find_passage(text: str, quote: str | None) -> tuple[int, int] | None:
    """Offsets of `quote` in `text`: exact, else its longest piece between punctuation."""
    if not quote:
        return None
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    for piece in sorted(_SPLIT.split(quote), key=len, reverse=True):
        if len(piece) >= MIN_PIECE and (i := text.find(piece)) >= 0:
            return i, i + len(piece)
    return None


def quote_boxes(chars: list[dict], quote: str) -> list[tuple[float, float, float, float]]:
    """Line boxes (x0, top, x1, bottom in PDF points) of the characters the quote covers.

    Whitespace is ignored on both sides (a PDF line break is not in the cleaned quote, and a
    line's spaces may be); a quote that the page does not hold whole is matched piece by
    piece between punctuation, so a quote cleaned differently still lights its lines."""
    keep = [c for c in chars if c.get("text") and not c["text"].isspace()]
    page = "".join(_norm(c["text"]) for c in keep)
    # one normalised character can stand for one page character only if lengths agree
    if len(page) != len(keep):
        keep = [c for c in keep if len(_norm(c["text"])) == 1]
        page = "".join(_norm(c["text"]) for c in keep)
    q = re.sub(r"\s+", "", _norm(quote))
    spans = []
    if q and (i := page.find(q)) >= 0:
        spans.append((i, i + len(q)))
    else:
        pos = 0
        for piece in _SPLIT.split(q):
            if len(piece) >= MIN_PIECE and (i := page.find(piece, pos)) >= 0:
                spans.append((i, i + len(piece)))
                pos = i + len(piece)
    lines: dict[int, list[float]] = {}
    for a, b in spans:
        for c in keep[a:b]:
            key = round(c["top"] / 3)          # characters of one line share a top (±1.5 pt)
            box = lines.setdefault(key, [c["x0"], c["top"], c["x1"], c["bottom"]])
            box[0], box[1] = min(box[0], c["x0"]), min(box[1], c["top"])
            box[2], box[3] = max(box[2], c["x1"]), max(box[3], c["bottom"])
    return [tuple(b) for _, b in sorted(lines.items())]


def render_page(pdf_path: Path, page: int, quote: str | None = None,
                scale: float = SCALE) -> tuple[bytes, int, list]:
    """(PNG bytes, page count, highlight boxes in pixels) of page `page` (1-based)."""
    import pdfplumber
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        n = len(pdf)
        if not 1 <= page <= n:
            raise ValueError(f"page {page} is not in the document (it has {n} pages)")
        image = pdf[page - 1].render(scale=scale).to_pil().convert("RGBA")
    finally:
        pdf.close()
    boxes = []
    if quote:
        with pdfplumber.open(str(pdf_path)) as doc:
            boxes = [tuple(round(v * scale, 1) for v in b)
                     for b in quote_boxes(doc.pages[page - 1].chars, quote)]
    if boxes:
        layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(layer)
        for x0, top, x1, bottom in boxes:
            draw.rectangle([x0 - 2, top - 2, x1 + 2, bottom + 2], fill=HIGHLIGHT)
        image = Image.alpha_composite(image, layer)
    out = io.BytesIO()
    image.convert("RGB").save(out, "PNG", optimize=True)
    return out.getvalue(), n, boxes


def source_view(doc: dict, original: Path | None, page: int | None = None,
                quote: str | None = None) -> SourceView:
    """What to show for document record `doc` (docs.jsonl) and its kept original, if any."""
    name = Path(doc.get("path") or "").name
    view = SourceView(doc_id=doc["doc_id"], title=doc.get("title") or "", file_name=name,
                      original=original is not None)
    if original is not None and original.suffix.lower() == ".pdf":
        view.page = int(page or 1)
        view.png, view.pages, view.boxes = render_page(original, view.page, quote)
        return view
    view.text = doc.get("text") or ""
    found = find_passage(view.text, quote)
    if found:
        view.start, view.end = found
    return view
