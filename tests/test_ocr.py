"""Scans: a PDF page with no text layer and a .png are read by OCR (the optional "ocr"
extra), chosen per page, with the recogniser's confidence on each chunk."""
from __future__ import annotations

from pathlib import Path

import pytest

from rag.ingest import ingest_paths
from ingest_util import ingest_one

pytest.importorskip("rapidocr_onnxruntime", reason="the ocr extra is not installed")

LINES = ["魏都区全年粮食总产量达到十二万吨。", "全区新建高标准农田三万亩。"]


@pytest.fixture(scope="module")
def scans(tmp_path_factory):
    """A .png of two lines of Chinese text (rendered from a real PDF), and a PDF whose
    second page is only that image."""
    import pypdfium2
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    root = tmp_path_factory.mktemp("scans")
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(root / "text.pdf"), pagesize=(400, 200))
    c.setFont("STSong-Light", 16)
    for i, line in enumerate(LINES):
        c.drawString(20, 150 - 30 * i, line)
    c.showPage()
    c.save()
    png = root / "scan.png"
    pypdfium2.PdfDocument(str(root / "text.pdf"))[0].render(scale=2).to_pil().save(png)
    (root / "text.pdf").unlink()
    c = canvas.Canvas(str(root / "mixed.pdf"))
    c.setFont("STSong-Light", 12)
    c.drawString(72, 750, "第一页有文字层：全区经济运行总体平稳。")
    c.showPage()
    c.drawImage(str(png), 72, 500, width=400, height=200)     # page 2: a scan, no text layer
    c.showPage()
    c.save()
    return root


def test_pdf_page_without_text_layer_is_ocr_read_and_the_text_page_is_not(scans):
    doc = ingest_one(scans / "mixed.pdf")
    assert [(c.page, c.text) for c in doc.chunks] == [
        (1, "第一页有文字层：全区经济运行总体平稳。"), (2, LINES[0]), (2, LINES[1])]
    assert doc.chunks[0].ocr_confidence is None
    assert all(0.8 < c.ocr_confidence <= 1 for c in doc.chunks[1:])


def test_png_is_ocr_read_with_confidence(scans):
    doc = ingest_one(scans / "scan.png")
    assert [c.text for c in doc.chunks] == LINES
    assert all(c.page == 1 and 0.8 < c.ocr_confidence <= 1 for c in doc.chunks)


def test_image_that_is_not_one_is_refused_with_a_reason(tmp_path):
    (tmp_path / "fake.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg" * 10)
    (skipped,) = ingest_paths([tmp_path]).skipped
    assert Path(skipped.path).name == "fake.jpg" and "not a readable image" in skipped.reason


def test_huge_image_refused_from_its_header(tmp_path):
    from PIL import Image
    Image.new("1", (10000, 8000)).save(tmp_path / "huge.png")      # 80 MP, a few KB on disk
    (skipped,) = ingest_paths([tmp_path]).skipped
    assert Path(skipped.path).name == "huge.png" and skipped.kind == "limit"
    assert "10,000×8,000 pixels" in skipped.reason and "megapixel" in skipped.reason


def test_question_answered_from_the_scanned_page_cites_its_page(scans, tmp_path):
    """End to end with the real default embedder: a question whose answer is only on the
    scanned page is answered from the OCR'd text, and the citation says page 2."""
    import shutil

    from rag.api import RAG
    from rag.settings import Settings
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(scans / "mixed.pdf", corpus / "weidu-2019.pdf")
    api = RAG(Settings.load(index_dir=tmp_path / "index", index="t", llm="extractive"))
    result, _ = api.ingest([corpus])
    assert not result.skipped
    answer = api.ask("魏都区全年粮食总产量达到多少？")
    assert not answer.abstained
    cited = [c for c in answer.citations if "十二万吨" in c.text]
    assert cited and cited[0].page == 2 and cited[0].to_dict()["page"] == 2
    assert "十二万吨" in answer.answer


def test_rag_ingest_of_a_mixed_folder_counts_pages_tables_and_ocr_per_file(scans, tmp_path, capsys):
    """`rag ingest` over one folder holding every kind users bring: a text PDF with a table
    across pages, a PDF with a scanned page, a .png, an .xlsx with a merged header, a .docx
    with a table. Each file's line of the report counts its pages, tables and OCR'd pages."""
    import json
    import shutil

    import docx

    from rag.cli import main
    from test_pdf import make_yearbook_pdf
    from test_tables import make_xlsx
    d = tmp_path / "mixed"
    d.mkdir()
    make_yearbook_pdf(d / "yearbook.pdf")
    shutil.copy(scans / "mixed.pdf", d / "scanned.pdf")
    shutil.copy(scans / "scan.png", d / "scan.png")
    make_xlsx(d / "budget.xlsx")
    doc = docx.Document()
    doc.add_paragraph("表2 重点项目投资情况")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "投资（亿元）"
    table.cell(1, 0).text, table.cell(1, 1).text = "许昌东站", "5.1"
    doc.save(d / "projects.docx")
    assert main(["ingest", str(d), "--index", "mixed", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert not report.get("skipped")
    by = {Path(r["path"]).name: r for r in report["documents"]}
    assert set(by) == {"yearbook.pdf", "scanned.pdf", "scan.png", "budget.xlsx", "projects.docx"}
    assert (by["yearbook.pdf"]["pages"], by["yearbook.pdf"]["tables"], by["yearbook.pdf"]["ocr_pages"]) == (3, 1, 0)
    assert (by["scanned.pdf"]["pages"], by["scanned.pdf"]["ocr_pages"]) == (2, 1)
    assert 0.8 < by["scanned.pdf"]["ocr_confidence"] <= 1
    assert by["scan.png"]["ocr_pages"] == 1 and 0.8 < by["scan.png"]["ocr_confidence"] <= 1
    assert by["budget.xlsx"]["tables"] == 1 and by["projects.docx"]["tables"] == 1
    assert report["throughput"]["chunks"] == sum(r["chunks"] for r in by.values())
