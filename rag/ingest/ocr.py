"""OCR for scans: PDF pages with no text layer and .png/.jpg files (RapidOCR, PP-OCR models
shipped in its wheel, run offline on onnxruntime). An optional extra: `pip install
'rag-zh[ocr]'`; without it a scan is refused with a message that says so.

Each recognised line comes back as a word dict shaped like pdfplumber's (x0, x1, top,
bottom, size, text) in the page's own units, so the PDF loader's reading order, column and
heading rules apply to scans too; `confidence` is the line's recognition score (0..1).
"""
from __future__ import annotations

import functools
import io
import logging

from rag.limits import LimitError

log = logging.getLogger(__name__)

INSTALL = "OCR is not installed: pip install 'rag-zh[ocr]' (rapidocr-onnxruntime)"
MAX_PIXELS = 40_000_000      # an A4 page at 600 dpi is 35 MP; larger images are refused unread
LONG_SIDE = 2200             # pixels a PDF page is rendered to on its longer side (~190 dpi on A4)


class OcrUnavailable(Exception):
    pass


def available() -> bool:
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def _engine():
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        raise OcrUnavailable(INSTALL) from None
    return RapidOCR()


def recognise(image, scale: float = 1.0) -> list[dict]:
    """Lines of a PIL image as word dicts in units of `scale` pixels (1/scale per pixel),
    each with its `confidence`."""
    import numpy as np
    result, _ = _engine()(np.array(image.convert("RGB")))
    words = []
    for box, text, score in result or []:
        xs, ys = [p[0] for p in box], [p[1] for p in box]
        top, bottom = min(ys) / scale, max(ys) / scale
        words.append({"text": text, "x0": min(xs) / scale, "x1": max(xs) / scale, "top": top,
                      "bottom": bottom, "size": bottom - top, "confidence": float(score)})
    return words


def image(data: bytes) -> tuple[list[dict], float]:
    """(lines as word dicts, image width) of a .png/.jpg; the size is checked from the
    header before any pixel is decoded."""
    from PIL import Image
    img = Image.open(io.BytesIO(data))
    if img.width * img.height > MAX_PIXELS:
        raise LimitError(f"the image is {img.width:,}×{img.height:,} pixels, over the "
                         f"{MAX_PIXELS // 1_000_000} megapixel limit for OCR")
    if max(img.size) > LONG_SIDE * 1.5:          # large scans lose nothing at ~200 dpi
        img.thumbnail((LONG_SIDE, LONG_SIDE))
    return recognise(img), float(img.width)


def pdf_page(document, index: int, width: float, height: float) -> list[dict]:
    """Lines of page `index` of a pypdfium2 document, in PDF points."""
    scale = min(3.0, LONG_SIDE / max(width, height, 1.0))
    bitmap = document[index].render(scale=scale)
    return recognise(bitmap.to_pil(), scale)


def confidence(words: list[dict]) -> float | None:
    """A page's confidence: its lines' scores weighted by their length in characters."""
    n = sum(len(w["text"]) for w in words)
    return round(sum(w["confidence"] * len(w["text"]) for w in words) / n, 4) if n else None
