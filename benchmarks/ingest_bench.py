"""Ingest speed: pages per second for text PDFs (built with reportlab) and, when the OCR
extra is installed, for scanned pages (the same pages rendered to images, no text layer).

    .venv/bin/python benchmarks/ingest_bench.py [--pages 40] [--scanned 2] [--repeat 3]

Times reading, cleaning and chunking (rag.ingest.ingest_paths), not embedding: the index
update's own rate is in `rag ingest`'s report. Prints the median of --repeat runs (the
first OCR run also loads the recogniser's models; the median leaves it out from 3 runs on).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

FONT = "STSong-Light"
LINE = "第{p}页第{i}行：全区经济运行总体平稳，新建高标准农田三万亩，民生实事全部完成。"


def text_pdf(path: Path, pages: int, lines: int = 30) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    c = canvas.Canvas(str(path))
    for p in range(1, pages + 1):
        c.setFont(FONT, 11)
        for i in range(lines):
            c.drawString(60, 780 - 22 * i, LINE.format(p=p, i=i + 1))
        c.drawString(290, 40, str(p))
        c.showPage()
    c.save()
    return path


def scanned_pdf(path: Path, source: Path, pages: int) -> Path:
    """Each page of `source` rendered at 150 dpi and placed as an image: no text layer."""
    import pypdfium2 as pdfium
    from reportlab.pdfgen import canvas
    doc = pdfium.PdfDocument(str(source))
    c = canvas.Canvas(str(path))
    for p in range(pages):
        img = path.parent / f"scan-{p}.png"
        doc[p].render(scale=150 / 72).to_pil().convert("L").save(img)
        c.drawImage(str(img), 0, 0, width=595.27, height=841.89)
        c.showPage()
    c.save()
    doc.close()
    return path


def pages_per_s(path: Path, pages: int, repeat: int) -> tuple[float, int]:
    from rag.ingest import ingest_paths
    times, chunks = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = ingest_paths([path])
        times.append(time.perf_counter() - t0)
        assert result.docs, result.skipped
        chunks = len(result.docs[0].chunks)
    return pages / statistics.median(times), chunks


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=40, help="pages of the text PDF")
    ap.add_argument("--scanned", type=int, default=2, help="scanned pages (OCR extra)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        text = text_pdf(tmp / "text.pdf", args.pages)
        rate, chunks = pages_per_s(text, args.pages, args.repeat)
        print(f"text PDF: {args.pages} pages, {chunks} chunks — {rate:.1f} pages/s "
              f"(median of {args.repeat})")
        from rag.ingest import ocr
        if not ocr.available():
            print("scanned PDF: skipped (the OCR extra is not installed: pip install 'rag-zh[ocr]')")
            return 0
        n = min(args.scanned, args.pages)
        scans = tmp / "scans"
        scans.mkdir()
        scanned = scanned_pdf(scans / "scanned.pdf", text, n)
        for img in scans.glob("scan-*.png"):
            img.unlink()                    # only the PDF is ingested
        rate, chunks = pages_per_s(scanned, n, args.repeat)
        print(f"scanned PDF (OCR): {n} pages, {chunks} chunks — {rate:.2f} pages/s "
              f"(median of {args.repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
