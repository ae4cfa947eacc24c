"""Ingestion on small files the tests write themselves: loaders, bad inputs, repair rules,
structure (sections, dates, speakers) and chunking. No network, no models."""
from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest

from rag.ingest import chunker, ingest_paths, loaders, repair, structure
from rag.ingest.pipeline import DocResult

SENTENCE_ENDS = tuple("。！？；!?;")
CLOSERS = "”’」』）)"


# --- helpers -----------------------------------------------------------------------------

def write(path: Path, text: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode(encoding))
    return path


def ingest_one(path: Path, **kw) -> DocResult:
    result = ingest_paths([path], **kw)
    assert not result.skipped, result.skipped
    assert len(result.docs) == 1
    return result.docs[0]


def body(doc: DocResult) -> list:
    """Content paragraphs (not headings or bylines)."""
    return [p for p in doc.paragraphs if not p.heading]


def para_with(doc: DocResult, fragment: str):
    hits = [p for p in doc.paragraphs if fragment in p.text]
    assert len(hits) == 1, (fragment, [p.text for p in hits])
    return hits[0]


def parse_text(text: str, **kw):
    return structure.parse(repair.repair_lines(text), "t", **kw).paragraphs


def assert_offsets(doc: DocResult) -> None:
    text = doc.document.text
    for p in doc.paragraphs:
        assert text[p.start:p.end] == p.text
    for c in doc.chunks:
        assert text[c.start:c.end] == c.text, c.id


ZH = "魏都区召开全区领导干部会议，部署2019年重点工作。区委书记张书杰出席会议并讲话，要求各单位抓早抓紧抓实。"
ZH_TRAD = "魏都區召開全區領導幹部會議，部署2019年重點工作。區委書記出席會議並講話，要求各單位抓早抓緊抓實。"


# --- loaders: text encodings -------------------------------------------------------------

def test_utf8_txt(tmp_path):
    doc = ingest_one(write(tmp_path / "utf8.txt", ZH))
    assert doc.document.encoding == "utf-8"
    assert doc.document.text == ZH
    assert doc.chunks[0].text == ZH


def test_utf8_bom_is_stripped(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + ZH.encode("utf-8"))
    loaded = loaders.load(path, 2**20)
    assert loaded.encoding == "utf-8"
    assert loaded.text == ZH                      # no U+FEFF left at the start
    assert ingest_one(path).document.text == ZH


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_gbk_and_gb18030_txt(tmp_path, codec):
    text = ZH + ("“𠀀”字只有GB18030能编码。" if codec == "gb18030" else "")
    path = write(tmp_path / f"{codec}.txt", text, codec)
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")        # really not UTF-8
    loaded = loaders.load(path, 2**20)
    assert loaded.text == text
    assert loaded.encoding in ("gb18030", "gbk")  # GBK is a subset of GB18030
    doc = ingest_one(path)
    assert doc.document.encoding == loaded.encoding
    assert "张书杰出席会议并讲话" in doc.document.text


def test_big5_traditional_txt(tmp_path):
    path = write(tmp_path / "big5.txt", ZH_TRAD, "big5")
    loaded = loaders.load(path, 2**20)
    assert loaded.encoding == "big5"
    assert loaded.text == ZH_TRAD
    assert "區委書記出席會議並講話" in ingest_one(path).document.text


def test_decode_text_utf16_with_bom():
    text, enc = loaders.decode_text(ZH.encode("utf-16"))
    assert (text, enc) == (ZH, "utf-16")


# --- loaders: markdown, docx, pdf, html ---------------------------------------------------

def test_markdown_headings_become_sections(tmp_path):
    md = ("# 魏都区2019年工作总结\n\n## 一、经济运行\n\n全区生产总值增长7%，经济运行总体平稳。\n\n"
          "## 二、民生事业\n\n民生工程投资5.6亿元，完成218项民生实事。\n")
    doc = ingest_one(write(tmp_path / "report.md", md))
    assert doc.document.title == "魏都区2019年工作总结"          # first heading
    assert para_with(doc, "生产总值").section == ["魏都区2019年工作总结", "一、经济运行"]
    assert para_with(doc, "民生工程").section == ["魏都区2019年工作总结", "二、民生事业"]
    assert [c.section for c in doc.chunks] == ["魏都区2019年工作总结 > 一、经济运行",
                                               "魏都区2019年工作总结 > 二、民生事业"]


def make_docx(path: Path) -> Path:
    import docx
    d = docx.Document()
    d.add_heading("魏都区年鉴", level=1)
    d.add_heading("经济发展", level=2)
    d.add_paragraph("全区生产总值增长7%，经济运行总体平稳。")
    table = d.add_table(rows=2, cols=2)
    for (r, c), v in {(0, 0): "指标", (0, 1): "数值", (1, 0): "生产总值", (1, 1): "299.89亿元"}.items():
        table.cell(r, c).text = v
    d.add_heading("社会事业", level=2)
    d.add_paragraph("民生工程投资5.6亿元，完成218项民生实事。")
    d.save(path)
    return path


def test_docx_headings_and_table_rows(tmp_path):
    doc = ingest_one(make_docx(tmp_path / "yearbook.docx"))
    assert doc.document.title == "魏都区年鉴"
    assert para_with(doc, "生产总值增长").section == ["魏都区年鉴", "经济发展"]
    assert para_with(doc, "民生工程").section == ["魏都区年鉴", "社会事业"]
    # Each table row is its own paragraph with its cells in order, not glued to the next row.
    header, row = para_with(doc, "指标"), para_with(doc, "299.89亿元")
    assert (header.text, row.text) == ("| 指标 | 数值 |", "| 生产总值 | 299.89亿元 |")
    assert row.section == ["魏都区年鉴", "经济发展"]
    assert any(c.text == "| 生产总值 | 299.89亿元 |" for c in doc.chunks)
    assert_offsets(doc)


def make_pdf(path: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    pages = [(["魏都区召开全区领导干部会议，部署全年工作。", "会议要求各单位抓早抓紧抓实"], "1"),
             (["确保实现首季开门红。", "区长李朝锋出席会议并讲话。"], "- 2 -")]
    for lines, number in pages:
        c.setFont("STSong-Light", 12)
        for i, line in enumerate(lines):
            c.drawString(72, 750 - 20 * i, line)
        c.drawString(300, 40, number)             # the page number line
        c.showPage()
    c.save()
    return path


def test_pdf_with_cid_chinese_font(tmp_path):
    path = make_pdf(tmp_path / "meeting.pdf")
    # pypdf reads the STSong-Light CID text back exactly (checked, not assumed).
    raw = loaders.load(path, 2**20).text
    assert "魏都区召开全区领导干部会议" in raw and "确保实现首季开门红" in raw
    doc = ingest_one(path)
    assert [p.text for p in doc.paragraphs] == [
        "魏都区召开全区领导干部会议，部署全年工作。",
        "会议要求各单位抓早抓紧抓实确保实现首季开门红。",      # joined across the page break
        "区长李朝锋出席会议并讲话。"]
    assert "- 2 -" not in doc.document.text
    assert not any(line.strip() in ("1", "- 2 -") for line in doc.document.text.split("\n"))
    assert doc.document.encoding is None
    assert_offsets(doc)


HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>魏都区人民政府网</title>
<script>var tracker = "脚本里的文字不该出现";</script><style>p { color: red }</style></head>
<body>
<h1>魏都区2019年工作总结</h1>
<p>全区经济运行总体平稳，稳中有进。</p>
<h2>项目建设</h2>
<p>新开工项目<b>35个</b>，完成投资<span>32.2亿元</span>。</p>
<div><p>嵌套在div里的段落也要保留。</p></div>
<script>document.write("第二段脚本")</script>
</body></html>"""


def test_html_title_headings_paragraphs_no_script(tmp_path):
    path = write(tmp_path / "page.html", HTML)
    loaded = loaders.load(path, 2**20)
    assert loaded.title == "魏都区人民政府网"
    doc = ingest_one(path)
    assert doc.document.title == "魏都区人民政府网"
    text = doc.document.text
    assert "脚本" not in text and "tracker" not in text and "color" not in text
    assert para_with(doc, "稳中有进").section == ["魏都区2019年工作总结"]
    invest = para_with(doc, "新开工项目")
    assert invest.text == "新开工项目35个，完成投资32.2亿元。"   # inline tags leave no stray spaces
    assert invest.section == ["魏都区2019年工作总结", "项目建设"]
    assert para_with(doc, "嵌套在div里").text == "嵌套在div里的段落也要保留。"


def test_html_list_items_and_table_rows_stay_apart(tmp_path):
    page = ("<html><body><h1>重点任务</h1><ul><li>抓项目建设</li><li>抓营商环境</li></ul>"
            "<table><tr><th>指标</th><th>数值</th></tr>"
            "<tr><td>生产总值</td><td><p>299.89亿元</p></td></tr></table></body></html>")
    doc = ingest_one(write(tmp_path / "list.html", page))
    assert [p.text for p in body(doc)] == ["- 抓项目建设", "- 抓营商环境",
                                           "| 指标 | 数值 |", "| 生产总值 | 299.89亿元 |"]


def test_folder_walked_recursively_and_unsupported_skipped(tmp_path):
    write(tmp_path / "top.txt", ZH)
    write(tmp_path / "a" / "b" / "nested.md", "# 嵌套文档\n\n" + ZH)
    write(tmp_path / "a" / "notes.xlsx", b"PK\x03\x04 not really a spreadsheet")
    write(tmp_path / "a" / ".hidden.txt", ZH)
    result = ingest_paths([tmp_path])
    assert sorted(d.document.doc_id for d in result.docs) == ["nested", "top"]
    assert len(result.skipped) == 1
    skipped = result.skipped[0]
    assert skipped.path.endswith("notes.xlsx")
    assert "unsupported file type '.xlsx'" in skipped.reason and ".docx" in skipped.reason


def test_corpus_json_sidecar_gives_metadata(tmp_path):
    write(tmp_path / "chron.txt", "3月2日，市委书记主持召开市委常委会议，研究部署重点工作。\n")
    write(tmp_path / "corpus.json", json.dumps({"documents": {"chron.txt": {
        "doc_id": "cg-03", "title": "长葛市大事记", "place": "长葛市", "year": 2020,
        "chronicle_year": 2020, "kind": "chronicle"}}}, ensure_ascii=False))
    result = ingest_paths([tmp_path])
    assert not result.skipped                     # corpus.json itself is not a document
    doc = result.docs[0]
    assert (doc.document.doc_id, doc.document.title, doc.document.kind, doc.document.place) == \
        ("cg-03", "长葛市大事记", "chronicle", "长葛市")
    assert doc.chunks[0].id == "cg-03:p0000"
    assert doc.chunks[0].date == "2020-03-02"
    assert doc.chunks[0].doc_title == "长葛市大事记"


# --- bad inputs --------------------------------------------------------------------------

BAD_FILES = {
    "empty.txt": (b"", ["empty file"]),
    "binary.txt": (bytes(random.Random(1).randrange(256) for _ in range(4096)) + b"\x00" * 64,
                   ["binary"]),
    "undecodable.txt": (bytes(range(0x80, 0x100)) * 40, ["cannot decode", "UTF-8"]),
    "corrupt.docx": (b"PK\x03\x04" + bytes(random.Random(2).randrange(256) for _ in range(500)),
                     [".docx"]),
    "corrupt.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage without xref\n", ["PDF"]),
}


@pytest.fixture
def bad_batch(tmp_path):
    for name, (data, _) in BAD_FILES.items():
        write(tmp_path / "batch" / name, data)
    write(tmp_path / "batch" / "good1.txt", ZH)
    write(tmp_path / "batch" / "good2.txt", ZH_TRAD, "big5")
    return tmp_path / "batch"


def test_bad_files_skipped_with_reasons_and_good_files_still_ingest(bad_batch, tmp_path):
    missing = tmp_path / "no_such_dir" / "missing.txt"
    result = ingest_paths([bad_batch, missing])
    assert sorted(d.document.doc_id for d in result.docs) == ["good1", "good2"]
    reasons = {Path(s.path).name: s.reason for s in result.skipped}
    assert set(reasons) == set(BAD_FILES) | {"missing.txt"}
    assert "no such file" in reasons["missing.txt"]
    for name, (_, fragments) in BAD_FILES.items():
        for fragment in fragments:
            assert fragment.lower() in reasons[name].lower(), (name, reasons[name])


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_raises_load_error(tmp_path, name):
    data, fragments = BAD_FILES[name]
    path = write(tmp_path / name, data)
    with pytest.raises(loaders.LoadError) as err:
        loaders.load(path, 2**20)
    assert all(f.lower() in str(err.value).lower() for f in fragments)


def test_missing_path_only(tmp_path):
    result = ingest_paths([tmp_path / "nope.txt"])
    assert result.docs == []
    assert [(Path(s.path).name, s.reason) for s in result.skipped] == \
        [("nope.txt", "no such file or directory")]


def test_oversized_file_skipped_fast(tmp_path):
    big = tmp_path / "huge.txt"
    block = (ZH + "\n").encode("utf-8") * 4000           # ~0.6 MB of real text
    with open(big, "wb") as f:
        while f.tell() < 50 * 2**20:
            f.write(block)
        f.truncate(50 * 2**20)
    write(tmp_path / "small.txt", ZH)
    t0 = time.perf_counter()
    result = ingest_paths([tmp_path], max_file_mb=20)
    elapsed = time.perf_counter() - t0
    assert elapsed < 2.0                                  # the size check comes before reading
    assert [d.document.doc_id for d in result.docs] == ["small"]
    (skipped,) = result.skipped
    assert skipped.path.endswith("huge.txt")
    assert "50.0 MB" in skipped.reason and "20 MB limit" in skipped.reason
    assert "RAG_MAX_FILE_MB" in skipped.reason


def test_pdf_without_text_layer_and_encrypted_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.rect(100, 100, 200, 200, fill=1)                     # a "scanned" page: no text at all
    c.showPage()
    c.save()
    writer = PdfWriter()
    writer.append(PdfReader(make_pdf(tmp_path / "plain.pdf")))
    writer.encrypt("secret")
    writer.write(tmp_path / "locked.pdf")
    (tmp_path / "plain.pdf").unlink()
    reasons = {Path(s.path).name: s.reason for s in ingest_paths([tmp_path]).skipped}
    assert "no text layer" in reasons["scan.pdf"] and "OCR" in reasons["scan.pdf"]
    assert "encrypted" in reasons["locked.pdf"]


def test_duplicate_doc_ids_and_bad_metadata(tmp_path):
    write(tmp_path / "dup" / "report.txt", ZH)
    write(tmp_path / "dup" / "Report.md", ZH)
    write(tmp_path / "meta" / "x.txt", ZH)
    write(tmp_path / "meta" / "corpus.json", "{not json")
    result = ingest_paths([tmp_path / "dup", tmp_path / "meta"])
    assert [d.document.doc_id for d in result.docs] == ["report"]
    reasons = {Path(s.path).name: s.reason for s in result.skipped}
    dup = reasons.pop("report.txt", "") + reasons.pop("Report.md", "")
    assert "duplicate doc_id 'report'" in dup
    assert "corpus.json" in reasons["x.txt"] and "invalid metadata" in reasons["x.txt"]


def test_nothing_left_after_cleaning(tmp_path):
    result = ingest_paths([write(tmp_path / "pages.txt", "12\n\n- 13 -\n\n第 14 页\n")])
    assert result.docs == [] and "no text after cleaning" in result.skipped[0].reason


# --- repair rules ------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    # a sentence broken mid-way is joined, even across blank lines
    pytest.param("魏都区召开全区领导\n\n\n干部会议，部署全年工作。", ["魏都区召开全区领导干部会议，部署全年工作。"],
                 id="join-zh-blank-lines"),
    pytest.param("要推进高\n\n水平开放。", ["要推进高水平开放。"], id="join-zh"),
    pytest.param("要推进高\r\n\r\n水平开放。\r\n", ["要推进高水平开放。"], id="join-crlf"),
    # English words get their space back
    pytest.param("The district held a\n\nmeeting on Monday.",
                 ["The district held a meeting on Monday."], id="join-en"),
    pytest.param("Investment grew by 8 percent,\nreaching a record.",
                 ["Investment grew by 8 percent, reaching a record."], id="join-en-comma"),
    pytest.param("（一）围绕制造业发展，\n\n挺起建设脊梁。", ["（一）围绕制造业发展，挺起建设脊梁。"],
                 id="join-numbered-cut-at-comma"),
    # no join after a sentence end, a colon or a closing quote
    pytest.param("会议结束。\n\n新的段落开始。", ["会议结束。", "新的段落开始。"], id="after-period"),
    pytest.param("会议指出：\n\n要抓好项目建设。", ["会议指出：", "要抓好项目建设。"], id="after-colon"),
    pytest.param("他说“好。”\n\n大家鼓掌。", ["他说“好。”", "大家鼓掌。"], id="after-quote"),
    # no join before a heading, a numbered item, a chronicle entry or a byline
    pytest.param("会议要求\n\n# 标题", ["会议要求", "# 标题"], id="before-heading"),
    pytest.param("会议要求\n\n一、总体要求", ["会议要求", "一、总体要求"], id="before-cn-number"),
    pytest.param("会议要求\n\n（二）重点任务", ["会议要求", "（二）重点任务"], id="before-cn-paren"),
    pytest.param("会议要求\n\n第一，统一思想。", ["会议要求", "第一，统一思想。"], id="before-ordinal"),
    pytest.param("会议要求\n\n1. 领会新要求。", ["会议要求", "1. 领会新要求。"], id="before-arabic"),
    pytest.param("会议要求\n\n3月2日，市委召开常委会议。", ["会议要求", "3月2日，市委召开常委会议。"],
                 id="before-full-date"),
    pytest.param("会议要求\n\n**24日** 新华社记者到魏都区采访。", ["会议要求", "**24日**新华社记者到魏都区采访。"],
                 id="before-bold-day"),
    pytest.param("会议要求\n\n是日 新华社记者到魏都区采访。", ["会议要求", "是日新华社记者到魏都区采访。"],
                 id="before-shiri"),
    pytest.param("会议要求\n\n(2019年1月20日)", ["会议要求", "(2019年1月20日)"], id="before-byline"),
    # headings keep their "#" markers; an empty heading is dropped
    pytest.param("# 大事记\n\n## 1 月\n\n##\n", ["# 大事记", "## 1月"], id="keep-headings"),
])
def test_repair_joins_and_boundaries(raw, expected):
    assert repair.repair_lines(raw) == expected


@pytest.mark.parametrize("entry", ["3日 新华社记者到魏都区采访。", "2日至3日 区长带队赴上海考察。",
                                   "26~27日 副市长带队考察。", "是月 区长赴德国考察。",
                                   "**2月中旬** 区委社区工作委员会挂牌。", "**日前** 魏都区出台意见。"],
                         ids=["day", "range", "range-tilde", "shiyue", "mid-month", "riqian"])
def test_repair_does_not_glue_a_chronicle_entry_to_an_open_line(entry):
    # The space after "3日" is removed by cleaning, so the entry must be recognised before that.
    lines = repair.repair_lines("魏都区召开项目谋划会议\n\n" + entry)
    assert len(lines) == 2 and lines[0] == "魏都区召开项目谋划会议"


def test_repair_numbered_title_line_takes_no_continuation():
    lines = repair.repair_lines("一、深刻领会重要讲话精神，为谱写出彩篇章增添魏都光彩\n\n学习贯彻讲话精神是首要任务。")
    assert lines == ["一、深刻领会重要讲话精神，为谱写出彩篇章增添魏都光彩", "学习贯彻讲话精神是首要任务。"]
    # ...while a numbered paragraph broken mid-sentence is still joined
    lines = repair.repair_lines("2. 扛稳监督责任。各级纪检监察机关要严格\n\n履行监督责任。")
    assert lines == ["2. 扛稳监督责任。各级纪检监察机关要严格履行监督责任。"]


@pytest.mark.parametrize("page_line", ["12", "- 12 -", "—12—", "第 3 页", "第3页", "12 / 80", "Page 7"],
                         ids=["bare", "dashes", "em", "di-ye-sp", "di-ye", "of-total", "page"])
def test_repair_drops_page_number_lines(page_line):
    assert repair.repair_lines(f"会议强调要抓好\n\n{page_line}\n\n项目建设。") == ["会议强调要抓好项目建设。"]


def test_repair_keeps_numbers_that_are_content():
    assert repair.repair_lines("全年完成投资\n\n32.2亿元。") == ["全年完成投资32.2亿元。"]
    assert repair.repair_lines("2019年\n\n全区生产总值增长7%。") == ["2019年全区生产总值增长7%。"]


def test_repair_removes_bookmarks():
    assert repair.repair_lines("[bookmark: _GoBack]3月21日，市委召开会议。") == ["3月21日，市委召开会议。"]
    assert repair.repair_lines("市委召开[bookmark: _GoBack]常委会议。") == ["市委召开常委会议。"]


@pytest.mark.parametrize("raw, expected", [
    ("省委组织部非 公企业和社会组织党工委。", "省委组织部非公企业和社会组织党工委。"),
    ("1 月 25 日，中央政治局会议召开。", "1月25日，中央政治局会议召开。"),
    ("政纪处分 20 人。", "政纪处分20人。"),
    ("魏都区人民政府区长 李朝锋", "魏都区人民政府区长李朝锋"),
    ("全区　　经济运行平稳。", "全区经济运行平稳。"),                  # ideographic spaces
    ("The plan covers new energy vehicles.", "The plan covers new energy vehicles."),
    ("引进 Intel 公司的 AI 项目。", "引进 Intel 公司的 AI 项目。"),    # spaces next to Latin stay
], ids=["inside-word", "date", "number", "role-name", "ideographic", "english", "mixed"])
def test_repair_stray_spaces(raw, expected):
    assert repair.repair_lines(raw) == [expected]


def test_repair_keeps_bold_markers_for_structure():
    assert repair.repair_lines("**五、强力推进改革开放。**改革是动力。") == ["**五、强力推进改革开放。**改革是动力。"]


# --- structure: sections -----------------------------------------------------------------

SPEECH = """# 特载

## 在区委全会上的讲话

### 一、提升政治站位

深化机构改革是重大政治任务。

第一，统一思想认识。中央高度重视机构改革工作。

第二，站位发展全局。改革是大势所趋。

## 二、把握总体要求

各项改革要沿着正确方向前进。

**三、严格执行方案。**方案已经市委批准，要不折不扣落实。

（一）细化任务。各部门要列出清单。

1. 建立台账。每项任务明确责任人。

2. 定期调度。每月调度一次进展。

（二）强化督查。区委督查室要跟踪问效。

四、加强组织领导

各级党委要切实负起责任。
"""


def test_sections_from_markdown_numbering_and_bold_leads():
    paras = {p.text[:8]: p for p in parse_text(SPEECH) if not p.heading}
    assert "三、严格执行方案。方案已经市委批准，要不折不扣落实。" in [p.text for p in paras.values()]
    root = ["特载", "在区委全会上的讲话"]
    assert paras["深化机构改革是重"].section == root + ["一、提升政治站位"]
    assert paras["第一，统一思想认"].section == root + ["一、提升政治站位", "第一，统一思想认识"]
    assert paras["第二，站位发展全"].section == root + ["一、提升政治站位", "第二，站位发展全局"]
    # "## 二、" after "### 一、" is a sibling, not a child, and closes 第一/第二
    assert paras["各项改革要沿着正"].section == root + ["二、把握总体要求"]
    # a bold lead-in titles its own paragraph
    assert paras["三、严格执行方案"].section == root + ["三、严格执行方案"]
    assert paras["（一）细化任务。"].section == root + ["三、严格执行方案", "（一）细化任务"]
    assert paras["1. 建立台账。"].section == root + ["三、严格执行方案", "（一）细化任务", "1. 建立台账"]
    assert paras["2. 定期调度。"].section == root + ["三、严格执行方案", "（一）细化任务", "2. 定期调度"]
    assert paras["（二）强化督查。"].section == root + ["三、严格执行方案", "（二）强化督查"]
    # a plain-text numbered title line (no "#") is a heading for the paragraph after it
    assert paras["各级党委要切实负"].section == root + ["四、加强组织领导"]


def test_section_numbering_style_nesting_independent_of_markdown_level():
    text = "## 在会议上的讲话\n\n#### 一、甲\n\n正文甲。\n\n## 二、乙\n\n正文乙。\n\n### 三、丙\n\n正文丙。\n"
    secs = {p.text: p.section for p in parse_text(text) if not p.heading}
    assert secs == {"正文甲。": ["在会议上的讲话", "一、甲"], "正文乙。": ["在会议上的讲话", "二、乙"],
                    "正文丙。": ["在会议上的讲话", "三、丙"]}


# --- structure: chronicle dates ----------------------------------------------------------

CHRONICLE = """# 大事记

## 1 月

2日 魏都区召开补短板稳投资项目谋划例会。

是日 区委书记张书杰调研爱情公园打造工作。

3日 新华社河南分社副社长到魏都区调研。调研中指出：

要进一步加强基层党建工作。

**24日** 区委书记赴省民政厅参加社区治理论证会。

**是日深夜** 区委书记对全区道路积雪清除工作进行视察。

**日前** 魏都区出台《关于加强城市基层党建工作的意见》。

## 2 月

3月5日，省安委会考核组到魏都区考评安全生产工作。

26~27日 副市长带队到云南考察。

2日至3日 区长带队赴上海同济大学参观考察。

是月 区长随市代表团赴德国考察。

**2月中旬** 区委社区工作委员会正式挂牌成立。
"""


def chronicle_dates(text: str, **kw) -> dict[str, str | None]:
    return {p.text[:6]: p.date for p in parse_text(text, **kw) if not p.heading}


def test_chronicle_dates():
    d = chronicle_dates(CHRONICLE, chronicle_year=2019)
    assert d["2日魏都区召"] == "2019-01-02"          # month heading + "2日 "
    assert d["是日区委书记"] == "2019-01-02"          # 是日 inherits
    assert d["3日新华社河"] == "2019-01-03"
    assert d["要进一步加强"] == "2019-01-03"          # a later paragraph of the same entry
    assert d["24日区委书"] == "2019-01-24"           # **24日**
    assert d["是日深夜区委"] == "2019-01-24"          # 是日深夜 inherits too
    assert d["日前魏都区出"] is None                  # 日前: no date
    assert d["3月5日，省"] == "2019-03-05"           # a full "M月D日，" lead wins over the heading
    assert d["26~27日"] == "2019-03-26"             # a day range starts on its first day
    assert d["2日至3日区"] == "2019-03-02"
    assert d["是月区长随市"] is None                  # 是月: the month, not a day
    assert d["2月中旬区委"] is None


def test_chronicle_year_from_metadata_and_title():
    text = "3月2日，市委书记主持召开市委常委会议。\n\n是日 市长调研复工复产工作。\n"
    dates = chronicle_dates(text, chronicle=True, chronicle_year=2020)
    assert set(dates.values()) == {"2020-03-02"}
    # chronicle_year beats the document year (a 2020 yearbook chronicles 2019)
    assert set(chronicle_dates(text, chronicle=True, year=2020, chronicle_year=2019).values()) == \
        {"2019-03-02"}
    # a "2018年大事记" heading sets the year for its entries
    assert set(chronicle_dates("# 2018年大事记\n\n" + text, year=2020).values()) == {"2018-03-02"}
    # no year known: no invented date
    assert set(chronicle_dates(text, chronicle=True).values()) == {None}


def test_dates_only_inside_chronicles():
    text = "# 工作总结\n\n3月2日，市委书记主持召开市委常委会议。\n"
    assert chronicle_dates(text, year=2020) == {"3月2日，市": None}


def test_chronicle_via_pipeline_metadata(tmp_path):
    write(tmp_path / "cg.txt", "3月2日，市委书记主持召开市委常委会议。\n\n"
                               "3月3日，市长到坡胡镇调研产业园项目进展情况。\n")
    write(tmp_path / "corpus.json", json.dumps(
        {"documents": {"cg.txt": {"kind": "chronicle", "chronicle_year": 2020}}}))
    doc = ingest_paths([tmp_path]).docs[0]
    assert [c.date for c in doc.chunks] == ["2020-03-02", "2020-03-03"]


# --- structure: speeches -----------------------------------------------------------------

SPEECHES = """# 特载

## 在区委十四届七次全会上的讲话

张书杰

(2019年1月20日)

同志们：

今天召开全会，部署机构改革工作。

### 一、提升政治站位

深化机构改革是重大政治任务。

## 李朝锋在全区领导干部会议上的讲话

(2019年11月19日，根据录音整理)

这次会议的主要任务是回顾总结前三季度工作。

## 政府工作报告

——2020年6月14日在魏都区十五届人民代表大会第四次会议上

魏都区人民政府区长 李朝锋

各位代表：现在，我代表区人民政府向大会报告工作。

## 关于年鉴编纂的说明

本卷年鉴收录2019年全区重要文献。
"""


def test_speech_byline_date_and_speaker():
    paras = [p for p in parse_text(SPEECHES) if not p.heading]
    by_text = {p.text[:6]: (p.date, p.speaker) for p in paras}
    assert by_text["同志们："] == ("2019-01-20", "张书杰")
    assert by_text["今天召开全会"] == ("2019-01-20", "张书杰")
    assert by_text["深化机构改革"] == ("2019-01-20", "张书杰")      # inside a numbered subsection
    assert by_text["这次会议的主"] == ("2019-11-19", "李朝锋")      # speaker from the title
    assert by_text["各位代表：现"] == ("2020-06-14", "李朝锋")      # "——date" byline, role + name
    assert by_text["本卷年鉴收录"] == (None, None)                 # does not leak into the next piece
    # Bylines stay separate lines, and stay retrievable: "who gave the report, when" is
    # answered only there.
    bylines = {p.text: p for p in parse_text(SPEECHES) if p.text in ("张书杰", "(2019年1月20日)")}
    assert set(bylines) == {"张书杰", "(2019年1月20日)"}
    assert not bylines["(2019年1月20日)"].heading
    assert bylines["(2019年1月20日)"].date == "2019-01-20"


def test_speech_metadata_reaches_chunks(tmp_path):
    doc = ingest_one(write(tmp_path / "speeches.md", SPEECHES))
    chunk = next(c for c in doc.chunks if "今天召开全会" in c.text)
    assert (chunk.date, chunk.speaker) == ("2019-01-20", "张书杰")
    assert chunk.section == "特载 > 在区委十四届七次全会上的讲话"
    # the date byline is a (short) chunk of its own, carrying the speech's date and speaker
    byline = next(c for c in doc.chunks if c.text == "(2019年1月20日)")
    assert (byline.date, byline.speaker) == ("2019-01-20", "张书杰")


# --- chunker -----------------------------------------------------------------------------

def long_paragraph(n: int = 40) -> str:
    return "".join(f"第{i}项重点工作稳步推进，累计完成投资{i * 3}亿元，带动就业{i * 100}人。"
                   + ("部分项目提前竣工！" if i % 7 == 0 else "") + ("进度如何？" if i % 11 == 0 else "")
                   for i in range(1, n + 1))


def test_split_to_budget_parts_fit_and_end_at_sentences():
    text = long_paragraph()
    budget = 60
    assert chunker.count_tokens(text) > 5 * budget
    parts = chunker.split_to_budget(text, budget)
    assert len(parts) > 5
    assert "".join(parts) == text
    for part in parts:
        assert chunker.count_tokens(part) <= budget
        assert part.endswith(SENTENCE_ENDS)


def test_split_to_budget_short_text_untouched():
    assert chunker.split_to_budget("会议召开。", 400) == ["会议召开。"]


def test_split_to_budget_overlong_sentence_falls_back_to_clauses_then_tokens():
    sentence = "，".join(f"第{i}个片区完成改造" for i in range(60)) + "。"
    parts = chunker.split_to_budget(sentence, 40)
    assert "".join(parts) == sentence and all(chunker.count_tokens(p) <= 40 for p in parts)
    assert all(p.endswith(("，", "。")) for p in parts)                # cut at clause ends
    no_punct = "魏" * 500
    parts = chunker.split_to_budget(no_punct, 30)
    assert "".join(parts) == no_punct and all(chunker.count_tokens(p) <= 30 for p in parts)


def test_sentence_closing_quote_stays_with_its_sentence():
    assert chunker.sentences("他说：“要抓项目。”大家鼓掌。") == ["他说：“要抓项目。”", "大家鼓掌。"]


def test_long_paragraph_chunks_in_pipeline(tmp_path):
    para = long_paragraph()
    text = "# 项目建设情况\n\n开篇短段落说明背景。\n\n" + para + "\n\n结尾段落总结全年工作。\n"
    doc = ingest_one(write(tmp_path / "projects.md", text), chunk_tokens=60)
    parts = [c for c in doc.chunks if c.para == para_with(doc, "第1项").index]
    assert len(parts) > 5
    assert "".join(c.text for c in parts) == para
    assert [c.part for c in parts] == list(range(len(parts)))
    assert [c.id for c in parts] == [f"projects:p{parts[0].para:04d}.{i}"
                                     for i in range(len(parts))]
    for c in parts:
        assert chunker.count_tokens(c.text) <= 60
        assert c.text.endswith(SENTENCE_ENDS)
    for a, b in zip(parts, parts[1:]):
        assert a.end == b.start
    single = [c for c in doc.chunks if c.para != parts[0].para]
    assert all("." not in c.id.split(":p")[1] for c in single)        # unsplit: "<doc>:pNNNN"
    assert_offsets(doc)
    assert len({c.id for c in doc.chunks}) == len(doc.chunks)


def test_offsets_slice_document_text_for_every_format(tmp_path):
    write(tmp_path / "a.md", SPEECHES)
    write(tmp_path / "b.txt", CHRONICLE)
    make_docx(tmp_path / "c.docx")
    make_pdf(tmp_path / "d.pdf")
    write(tmp_path / "e.html", HTML)
    result = ingest_paths([tmp_path], chunk_tokens=30)
    assert not result.skipped and len(result.docs) == 5
    for doc in result.docs:
        assert_offsets(doc)
        assert not any("**" in c.text or c.text.startswith("#") for c in doc.chunks)


def test_chunk_ids_and_hashes_stable_when_another_document_changes(tmp_path):
    write(tmp_path / "a.md", SPEECHES)
    write(tmp_path / "b.txt", CHRONICLE)
    first = {d.document.doc_id: d for d in ingest_paths([tmp_path], chunk_tokens=40).docs}
    again = {d.document.doc_id: d for d in ingest_paths([tmp_path], chunk_tokens=40).docs}
    ids = lambda d: [(c.id, c.hash, c.start, c.end) for c in d.chunks]  # noqa: E731
    # deterministic
    assert ids(first["a"]) == ids(again["a"]) and ids(first["b"]) == ids(again["b"])

    write(tmp_path / "a.md", "# 新增的序言\n\n序言内容新增一段。\n\n" + SPEECHES.replace("全会", "大会"))
    changed = {d.document.doc_id: d for d in ingest_paths([tmp_path], chunk_tokens=40).docs}
    assert ids(changed["b"]) == ids(first["b"])
    assert changed["b"].document.sha256 == first["b"].document.sha256
    assert changed["a"].document.sha256 != first["a"].document.sha256
    assert {c.hash for c in changed["a"].chunks} != {c.hash for c in first["a"].chunks}


def test_short_fragments_are_not_chunked(tmp_path):
    doc = ingest_one(write(tmp_path / "s.txt", "好的。\n\n" + ZH))
    assert [c.text for c in doc.chunks] == [ZH]
    assert doc.paragraphs[0].text == "好的。"          # still in the document text
