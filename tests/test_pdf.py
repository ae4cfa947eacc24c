"""PDF ingestion on real PDFs built with reportlab: pages, reading order, running headers,
page breaks, tables continuing across pages, and damaged files."""
from __future__ import annotations

from pathlib import Path

import pytest

from rag.ingest import ingest_paths, loaders
from ingest_util import assert_offsets, ingest_one

FONT = "STSong-Light"
HEADER = "魏都区年鉴（2020）"
TABLE_HEAD = ["年份", "一般公共预算收入", "税收收入"]


def _table(c, rows, y):
    from reportlab.platypus import Table, TableStyle
    t = Table(rows, colWidths=[120, 120, 120])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                           ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    _, h = t.wrapOn(c, 400, 400)
    t.drawOn(c, 72, y - h)
    return y - h


def make_yearbook_pdf(path: Path, repeat_header: bool = True, continued: str = "",
                      right_drop: int = 7) -> Path:
    """Three pages, each with a running header and a page number: a title over two columns
    (on baselines of their own) whose right column ends mid-sentence; the sentence ends on page 2, where a captioned
    table with a unit line starts and goes on (header repeated) on page 3."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    c = canvas.Canvas(str(path))

    def frame(n):
        c.setFont(FONT, 9)
        c.drawString(240, 810, HEADER)
        c.drawString(290, 30, f"- {n} -")
        c.setFont(FONT, 11)

    frame(1)
    c.setFont(FONT, 16)
    c.drawString(150, 760, "魏都区财政工作概况")
    c.setFont(FONT, 11)
    left = ["左栏第一段：全区财政运行平稳，", "收支结构持续优化。", "左栏第二段：深化预算管理改革，",
            "绩效评价全面覆盖。"]
    right = ["右栏第一段：民生支出占比稳步", "提高，重点支出保障有力。", "右栏第二段：全年一般公共预算",
             "收入中税收收入"]
    for i, (a, b) in enumerate(zip(left, right)):
        c.drawString(72, 720 - 18 * i, a)
        c.drawString(320, 720 - right_drop - 18 * i, b)     # baselines differ by right_drop
    c.showPage()
    frame(2)
    c.drawString(72, 760, "占比达到百分之七十。")
    c.drawString(72, 730, "表1 魏都区一般公共预算收入")
    c.drawString(72, 712, "单位：万元")
    _table(c, [TABLE_HEAD, ["2015年", "150000", "105000"], ["2016年", "160000", "112000"],
               ["2017年", "171000", "120000"]], 700)
    c.showPage()
    frame(3)
    if continued:                            # a caption saying the table goes on ("续表")
        c.drawString(72, 790, continued)
    y = _table(c, [TABLE_HEAD] * repeat_header + [["2018年", "182000", "128000"],
                                                  ["2019年", "193600", "135500"]], 780)
    c.drawString(72, y - 30, "二、财政支出")
    c.drawString(72, y - 50, "全年一般公共预算支出三十亿元。")
    c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def yearbook(tmp_path_factory):
    path = make_yearbook_pdf(tmp_path_factory.mktemp("pdf") / "weidu-2020.pdf")
    return ingest_one(path)


@pytest.mark.parametrize("right_drop", [0, 7])
def test_columns_read_one_after_the_other_on_shared_or_own_baselines(tmp_path, right_drop):
    doc = ingest_one(make_yearbook_pdf(tmp_path / "cols.pdf", right_drop=right_drop))
    firsts = [p.text[:5] for p in doc.paragraphs if p.page == 1 and not p.heading]
    assert firsts == ["左栏第一段", "左栏第二段", "右栏第一段", "右栏第二段"]


def test_pages_and_reading_order_column_by_column(yearbook):
    prose = [(p.page, p.text) for p in yearbook.paragraphs if p.table is None and not p.heading]
    assert prose == [
        (1, "左栏第一段：全区财政运行平稳，收支结构持续优化。"),
        (1, "左栏第二段：深化预算管理改革，绩效评价全面覆盖。"),
        (1, "右栏第一段：民生支出占比稳步提高，重点支出保障有力。"),
        (1, "右栏第二段：全年一般公共预算收入中税收收入占比达到百分之七十。"),
        (3, "全年一般公共预算支出三十亿元。")]
    # the larger title line is a heading, not glued to the first paragraph
    assert yearbook.paragraphs[0].heading and yearbook.paragraphs[0].text == "魏都区财政工作概况"
    assert all(c.page in (1, 2, 3) for c in yearbook.chunks)
    assert_offsets(yearbook)


def test_running_header_and_page_numbers_dropped(yearbook):
    text = yearbook.document.text
    assert HEADER not in text
    assert not any(f"- {n} -" in text for n in (1, 2, 3))


def test_sentence_across_page_break_joined_and_knows_both_pages(yearbook):
    p = next(p for p in yearbook.paragraphs if p.text.startswith("右栏第二段"))
    assert p.page == 1
    at = p.text.index("占比")
    assert p.page_breaks == [(at, 2)]         # page 2 begins where the sentence goes on


def test_table_continued_on_next_page_is_one_table(yearbook):
    (table,) = [p for p in yearbook.paragraphs if p.table is not None]
    t = table.table
    assert (t.caption, t.unit, t.page) == ("表1 魏都区一般公共预算收入", "万元", 2)
    assert t.header == [TABLE_HEAD]
    assert [r[0] for r in t.rows] == ["2015年", "2016年", "2017年", "2018年", "2019年"]  # header not a row
    rows = {c.text for c in yearbook.chunks if c.kind == "table-row"}
    # the unit goes on each amount; the caption's label "表1" stays out (it is no value)
    assert "魏都区一般公共预算收入 · 2019年 · 一般公共预算收入: 193600万元；税收收入: 135500万元。" in rows
    assert len(rows) == 5
    (part,) = [c for c in yearbook.chunks if c.kind == "table"]
    assert part.text.splitlines()[:3] == ["表1 魏都区一般公共预算收入", "单位：万元",
                                          "| 年份 | 一般公共预算收入 | 税收收入 |"]


@pytest.mark.parametrize("repeat_header, continued", [(False, ""), (True, "续表1")])
def test_table_continued_without_its_header_or_under_xubiao_is_one_table(
        tmp_path, repeat_header, continued):
    doc = ingest_one(make_yearbook_pdf(tmp_path / "t.pdf", repeat_header, continued))
    (table,) = [p.table for p in doc.paragraphs if p.table is not None]
    assert table.header == [TABLE_HEAD]
    assert [r[0] for r in table.rows] == ["2015年", "2016年", "2017年", "2018年", "2019年"]


def test_framed_paragraph_is_text_not_a_table(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    c = canvas.Canvas(str(tmp_path / "boxed.pdf"))
    c.setFont(FONT, 11)
    c.rect(60, 660, 400, 90)                 # a box of two rows, one column: pdfplumber
    c.line(60, 705, 460, 705)                # finds it as a 2x1 table
    c.drawString(72, 720, "专栏：口袋公园建设")
    c.drawString(72, 680, "全区新建口袋公园十二个。")
    c.showPage()
    c.save()
    doc = ingest_one(tmp_path / "boxed.pdf")
    # kept as text (and, like any line left open, joined to the next)
    assert [(p.text, p.table) for p in doc.paragraphs] == [("专栏：口袋公园建设全区新建口袋公园十二个。", None)]
    assert not any(c.kind for c in doc.chunks)


def test_table_split_by_rows_repeats_header(tmp_path):
    doc = ingest_one(make_yearbook_pdf(tmp_path / "small-budget.pdf"), chunk_tokens=60)
    parts = [c for c in doc.chunks if c.kind == "table"]
    assert len(parts) > 1
    for c in parts:
        assert "| 年份 | 一般公共预算收入 | 税收收入 |" in c.text and "单位：万元" in c.text
    body = [line for c in parts for line in c.text.splitlines()[3:]]
    assert [line.split(" | ")[0] for line in body] == [f"| {y}年" for y in range(2015, 2020)]


def test_truncated_pdf_is_refused_with_a_reason_naming_the_file(tmp_path):
    data = make_yearbook_pdf(tmp_path / "whole.pdf").read_bytes()
    (tmp_path / "whole.pdf").unlink()
    (tmp_path / "cut.pdf").write_bytes(data[:len(data) // 3])
    result = ingest_paths([tmp_path])
    assert not result.docs
    (skipped,) = result.skipped
    assert Path(skipped.path).name == "cut.pdf" and "PDF" in skipped.reason and "truncated" in skipped.reason
    with pytest.raises(loaders.LoadError):
        loaders.load(tmp_path / "cut.pdf")


def test_chunks_of_an_older_index_load_without_page_or_kind(yearbook):
    from rag.types import Chunk
    old = {k: v for k, v in yearbook.chunks[0].to_dict().items() if k not in ("page", "kind")}
    c = Chunk.from_dict(old)
    assert (c.page, c.kind) == (None, None)
    row = next(c for c in yearbook.chunks if c.kind == "table-row")
    assert Chunk.from_dict(row.to_dict()) == row            # saved and loaded as it was


def test_citation_cards_show_the_page_in_the_answer_language():
    from ui.render import citation_card
    c = {"n": 1, "doc_title": "魏都区年鉴", "section": "财政", "date": None, "text": "全年收入增长。",
         "quote": "全年收入增长。", "start": 0, "end": 7, "verified": True, "page": 37}
    assert "第37页" in citation_card(0, c, "zh") and "p. 37" in citation_card(0, c, "en")
    assert "p. " not in citation_card(0, {**c, "page": None}, "en")


def test_pages_change_the_documents_fingerprint_and_prose_keeps_its_own(yearbook):
    """An index records a fingerprint of each document's chunks: a page that changes
    re-records the document, while chunks without pages (nor lead-ins) keep the fingerprint
    older indexes stored."""
    from dataclasses import replace

    from rag.index.store import _chunks_fingerprint
    chunks = yearbook.chunks
    moved = [replace(c, page=(c.page or 0) + 1) for c in chunks]
    assert _chunks_fingerprint(moved) != _chunks_fingerprint(chunks)
    plain = [replace(c, page=None, kind=None, lead_in=None) for c in chunks]
    legacy = __import__("hashlib").sha1("".join(
        f"{c.id}{c.hash}{c.years}{c.stance}{c.doc_period}{c.doc_place}{c.ref_year}{c.flagged or ''}"
        for c in plain).encode()).hexdigest()[:16]
    assert _chunks_fingerprint(plain) == legacy


def test_unruled_table_of_short_cells_stays_in_rows(tmp_path):
    """Name/title lists set in two short columns are rows, not two text columns."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    c = canvas.Canvas(str(tmp_path / "leaders.pdf"))
    c.setFont(FONT, 11)
    c.drawString(72, 760, "区政府领导分工如下：")
    for i, (name, role) in enumerate([("王一民", "区长"), ("李二强", "常务副区长"),
                                      ("张三丰", "副区长"), ("赵四海", "副区长")]):
        c.drawString(72, 730 - 18 * i, name)
        c.drawString(330, 730 - 18 * i, role + "；")
    c.showPage()
    c.save()
    doc = ingest_one(tmp_path / "leaders.pdf")
    # each name stays with its title (repair drops the space between Chinese words)
    assert [p.text for p in doc.paragraphs][1:3] == ["王一民区长；", "李二强常务副区长；"]
