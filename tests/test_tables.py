"""Tables as data from .xlsx, .csv, .docx and PDF: captions, units, merged cells, row texts,
limits on hostile spreadsheets, and retrieval of a row with the real default embedder."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from rag.ingest import ingest_paths, loaders
from rag.limits import FileLimits, LimitError
from ingest_util import assert_offsets, ingest_one, write

ROWS = [("2018年", 182000, 128000), ("2019年", 193600, 135500)]


def make_xlsx(path: Path) -> Path:
    """A title merged across the sheet, a unit line, and a two-row header whose "一般公共预算"
    cell is merged over two columns."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "财政收入"
    ws.append(["魏都区一般公共预算收入", None, None])
    ws.merge_cells("A1:C1")
    ws.append(["单位：万元"])
    ws.append(["年份", "一般公共预算", None])
    ws.merge_cells("B3:C3")
    ws.append([None, "收入", "税收收入"])
    ws.merge_cells("A3:A4")
    for r in ROWS:
        ws.append(list(r))
    wb.save(path)
    return path


def test_xlsx_merged_header_caption_unit_and_row_texts(tmp_path):
    doc = ingest_one(make_xlsx(tmp_path / "budget.xlsx"))
    (p,) = [p for p in doc.paragraphs if p.table is not None]
    t = p.table
    assert (t.caption, t.unit) == ("魏都区一般公共预算收入", "万元")
    # the merged cells carry their value into every cell they cover
    assert t.header == [["年份", "一般公共预算", "一般公共预算"], ["年份", "收入", "税收收入"]]
    assert t.columns() == ["年份", "一般公共预算/收入", "一般公共预算/税收收入"]
    assert t.rows == [["2018年", "182000", "128000"], ["2019年", "193600", "135500"]]
    rows = [c.text for c in doc.chunks if c.kind == "table-row"]
    assert rows[1] == ("魏都区一般公共预算收入 · 2019年 · 一般公共预算/收入: 193600万元；"
                       "一般公共预算/税收收入: 135500万元。")
    assert doc.document.title == "魏都区一般公共预算收入"
    assert_offsets(doc)


def test_gbk_csv_read_with_encoding_detection(tmp_path):
    text = "主要经济指标\n单位：亿元\n指标,2018年,2019年\n地区生产总值,280.5,299.89\n固定资产投资,120.3,131.2\n"
    doc = ingest_one(write(tmp_path / "indicators.csv", text, "gbk"))
    assert doc.document.encoding in ("gb18030", "gbk", "gb2312")
    (p,) = [p for p in doc.paragraphs if p.table is not None]
    assert (p.table.caption, p.table.unit, p.table.header) == (
        "主要经济指标", "亿元", [["指标", "2018年", "2019年"]])
    rows = [c.text for c in doc.chunks if c.kind == "table-row"]
    assert rows == ["主要经济指标 · 地区生产总值 · 2018年: 280.5亿元；2019年: 299.89亿元。",
                    "主要经济指标 · 固定资产投资 · 2018年: 120.3亿元；2019年: 131.2亿元。"]


def test_docx_merged_cells_repeat_and_caption_above_table(tmp_path):
    import docx
    d = docx.Document()
    d.add_heading("魏都区年鉴", level=1)
    d.add_paragraph("表2 重点项目投资情况")
    d.add_paragraph("单位：亿元")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).text, t.cell(0, 1).text = "项目", "投资"
    t.cell(0, 1).merge(t.cell(0, 2))
    for r, (name, a, b) in enumerate([("许昌东站", "5.1", "2019年"), ("魏都大道", "3.2", "2020年")], 1):
        t.cell(r, 0).text, t.cell(r, 1).text, t.cell(r, 2).text = name, a, b
    d.save(tmp_path / "projects.docx")
    doc = ingest_one(tmp_path / "projects.docx")
    (p,) = [p for p in doc.paragraphs if p.table is not None]
    assert (p.table.caption, p.table.unit) == ("表2 重点项目投资情况", "亿元")
    assert p.table.header == [["项目", "投资", "投资"]]
    assert "重点项目投资情况 · 许昌东站 · 投资: 5.1亿元；投资: 2019年。" in [c.text for c in doc.chunks]
    assert p.section == ["魏都区年鉴"]


def test_xlsx_zip_bomb_refused_before_unpacking(tmp_path):
    src = make_xlsx(tmp_path / "ok.xlsx")
    buf = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        zout.writestr("xl/media/padding.bin", b"\0" * (30 * 2**20))      # 30 MB of zeros, ~30 KB packed
    (tmp_path / "bomb.xlsx").write_bytes(buf.getvalue())
    src.unlink()
    result = ingest_paths([tmp_path])
    (skipped,) = result.skipped
    assert Path(skipped.path).name == "bomb.xlsx" and skipped.kind == "limit"
    assert "compressed" in skipped.reason or "unpacks to" in skipped.reason


def test_oversized_sheet_refused_with_its_setting(tmp_path):
    import openpyxl
    wb = openpyxl.Workbook()
    for i in range(300):
        wb.active.append([f"行{i}", i, i * 2, i * 3])
    wb.save(tmp_path / "big.xlsx")
    limits = FileLimits(max_sheet_cells=1000)
    with pytest.raises(loaders.LoadError) as err:
        loaders.load(tmp_path / "big.xlsx", limits=limits)
    assert "1,000 cells" in str(err.value) and "RAG_MAX_SHEET_CELLS" in str(err.value)
    assert err.value.kind == "limit"
    result = ingest_paths([tmp_path], limits=limits)
    assert [Path(s.path).name for s in result.skipped] == ["big.xlsx"]


def test_damaged_xlsx_refused_with_a_reason(tmp_path):
    write(tmp_path / "broken.xlsx", b"PK\x03\x04" + bytes(200))
    (skipped,) = ingest_paths([tmp_path]).skipped
    assert Path(skipped.path).name == "broken.xlsx" and ".xlsx" in skipped.reason


def test_question_about_a_table_cell_retrieves_its_row_with_page(tmp_path):
    """End to end with the real default embedder: the row chunk of a PDF table is retrieved
    for a question about one of its cells, and its citation carries the page."""
    from rag.api import RAG
    from rag.settings import Settings
    from test_pdf import make_yearbook_pdf
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_yearbook_pdf(corpus / "weidu-2020.pdf")
    write(corpus / "other.txt", "魏都区2019年新建公园三个，绿化覆盖率达到百分之四十。\n\n"
                                "全区常住人口五十万人，城镇化率持续提高。")
    api = RAG(Settings.load(index_dir=tmp_path / "index", index="t", llm="extractive"))
    result, _ = api.ingest([corpus])
    assert not result.skipped
    hits = api.retrieve("2019年魏都区一般公共预算收入是多少", k=5).hits
    rows = [h for h in hits if h.chunk.kind == "table-row"]
    assert rows and "2019年" in rows[0].chunk.text.split(" · ")[1]
    assert rows[0].chunk.page == 2 and rows[0].to_dict()["page"] == 2
    answer = api.ask("2019年魏都区一般公共预算收入是多少")
    cited = [c for c in answer.citations if "193600" in c.text]
    assert cited and cited[0].page == 2 and cited[0].to_dict()["page"] == 2
    assert cited[0].kind == "table-row" and "193600万元" in answer.answer.splitlines()[0]


def test_calamine_reader_resolves_the_same_merges(tmp_path):
    """The .xls path (python-calamine) on the same workbook: calamine reads by content, so
    the .xlsx bytes stand in for a legacy file this environment cannot write."""
    from rag.ingest import sheets
    data = make_xlsx(tmp_path / "budget.xlsx").read_bytes()
    limits = FileLimits()
    loaded = sheets.load(data, ".xls", limits, limits.deadline())
    (t,) = loaded.tables
    assert t.header == [["年份", "一般公共预算", "一般公共预算"], ["年份", "收入", "税收收入"]]
    assert t.rows[1] == ["2019年", "193600", "135500"] and t.unit == "万元"
    with pytest.raises(LimitError) as err:      # loaders.load turns it into a "limit" LoadError
        sheets.load(data, ".xls", FileLimits(max_sheet_cells=10), limits.deadline())
    assert "RAG_MAX_SHEET_CELLS" in str(err.value)


def test_html_colspan_rowspan_repeat_and_two_header_rows(tmp_path):
    page = """<html><body><h1>财政</h1><p>表3 各街道财政收入</p><p>单位：万元</p><table>
    <tr><th rowspan=2>街道</th><th colspan=2>2019年</th></tr>
    <tr><th>收入</th><th>增长</th></tr>
    <tr><td>西大街</td><td>5000</td><td>5%</td></tr>
    <tr><td rowspan=2>东大街</td><td>4000</td><td>3%</td></tr>
    <tr><td>4100</td><td>4%</td></tr></table></body></html>"""
    doc = ingest_one(write(tmp_path / "streets.html", page))
    (p,) = [p for p in doc.paragraphs if p.table is not None]
    t = p.table
    assert (t.caption, t.unit) == ("表3 各街道财政收入", "万元")
    assert t.header == [["街道", "2019年", "2019年"], ["街道", "收入", "增长"]]
    assert t.rows == [["西大街", "5000", "5%"], ["东大街", "4000", "3%"], ["东大街", "4100", "4%"]]
    assert [c.text for c in doc.chunks if c.kind == "table-row"][0] == \
        "各街道财政收入 · 西大街 · 2019年/收入: 5000万元；2019年/增长: 5%。"


def test_markdown_table_with_separator_row(tmp_path):
    md = ("# 魏都区概况\n\n## 人口\n\n表4 人口情况\n\n| 年份 | 常住人口 |\n|---|---:|\n"
          "| 2018年 | 49.6万人 |\n| 2019年 | 50.1万人 |\n\n全区人口稳步增长。\n")
    doc = ingest_one(write(tmp_path / "gaikuang.md", md))
    (p,) = [p for p in doc.paragraphs if p.table is not None]
    assert (p.table.caption, p.table.header, p.section) == (
        "表4 人口情况", [["年份", "常住人口"]], ["魏都区概况", "人口"])
    assert [c.text for c in doc.chunks if c.kind == "table-row"] == [
        "人口情况 · 2018年 · 常住人口: 49.6万人。", "人口情况 · 2019年 · 常住人口: 50.1万人。"]
    assert doc.chunks[-1].text == "全区人口稳步增长。" and doc.chunks[-1].kind is None
