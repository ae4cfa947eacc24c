"""Loaders on small files the tests write themselves (text encodings, markdown, docx, pdf,
html, folders, metadata) and bad inputs that must be skipped with a reason."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from ingest_util import (HTML, ZH, ZH_TRAD, assert_offsets, body, ingest_one, make_docx, make_pdf,
                         para_with, write)
from rag.ingest import ingest_paths, loaders

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


# Western text that charset_normalizer alone read as cp775 mojibake (issue 12).
LATIN = ("Le conseil municipal s'est réuni à Besançon. Müller a présenté le budget. "
         "Die Größe der Straße über die Brücke; naïve façade, garçon, año, Ærø.\n") * 3


def test_latin1_text_read_right_with_confidence(tmp_path):
    path = write(tmp_path / "latin.txt", LATIN, "latin-1")
    loaded = loaders.load(path, 2**20)
    assert (loaded.text, loaded.encoding) == (LATIN, "latin-1")
    assert loaded.confidence >= 0.8 and loaded.warnings == []
    counts = ingest_one(path).counts()
    assert counts["encoding"] == "latin-1" and counts["encoding_warnings"] == []
    assert "Größe der Straße" in ingest_one(path).document.text


def test_cp1252_quotes_and_euro(tmp_path):
    text = "The “budget” is 3,5 million € – approved by the council’s vote.\n" * 3
    loaded = loaders.load(write(tmp_path / "w.txt", text, "cp1252"), 2**20)
    assert (loaded.text, loaded.encoding) == (text, "cp1252")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ZH, "2019年\n" + ZH + "\n第3条 一、总则", "Council minutes, 2019.\n"])
def test_utf16_without_bom_read_right(tmp_path, codec, text):
    path = write(tmp_path / "u16.txt", text, codec)
    assert not path.read_bytes().startswith((b"\xff\xfe", b"\xfe\xff"))
    loaded = loaders.load(path, 2**20)
    assert (loaded.text, loaded.encoding) == (text, "utf-16")
    assert loaded.confidence >= 0.8 and loaded.warnings == []


def test_double_encoded_utf8_is_flagged(tmp_path):
    garbled = ZH.encode("utf-8").decode("latin-1")            # UTF-8 bytes read as Latin-1...
    path = write(tmp_path / "moji.txt", garbled)               # ...and saved as UTF-8
    loaded = loaders.load(path, 2**20)
    assert loaded.encoding == "utf-8" and loaded.confidence < 0.8
    assert any("double-encoded" in w for w in loaded.warnings)


def test_unusual_chinese_characters_are_flagged():
    # UTF-8 bytes once read as GBK and saved again ("鍖椾含" for "北京"): real but rare characters
    rare = "鍖椾含甯傛斂搴滃伐浣滄姤鍛婄殑閲嶇偣鍐呭锛屽寘鎷粡娴庡彂灞曘€佹皯鐢熶繚闅滃拰鏀块" * 3
    d = loaders.decode(rare.encode("utf-8"))
    assert d.confidence < 0.8 and any("mojibake" in w for w in d.warnings)


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


def test_docx_headings_and_table_rows(tmp_path):
    doc = ingest_one(make_docx(tmp_path / "yearbook.docx"))
    assert doc.document.title == "魏都区年鉴"
    assert para_with(doc, "生产总值增长").section == ["魏都区年鉴", "经济发展"]
    assert para_with(doc, "民生工程").section == ["魏都区年鉴", "社会事业"]
    # The table is one paragraph of its section, named by it, with its rows in order; each
    # row is also a chunk of its own that names its columns.
    table = para_with(doc, "299.89亿元")
    assert table.text == "经济发展\n| 指标 | 数值 |\n| 生产总值 | 299.89亿元 |"
    assert table.section == ["魏都区年鉴", "经济发展"] and table.table.header == [["指标", "数值"]]
    assert [c.text for c in doc.chunks if c.kind == "table-row"] == ["经济发展 · 生产总值 · 数值: 299.89亿元。"]
    assert_offsets(doc)


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
    # a list item right above a table is not its caption: the table is named by its section
    assert [p.text for p in body(doc)] == ["- 抓项目建设", "- 抓营商环境",
                                           "重点任务\n| 指标 | 数值 |\n| 生产总值 | 299.89亿元 |"]


def test_folder_walked_recursively_and_unsupported_skipped(tmp_path):
    write(tmp_path / "top.txt", ZH)
    write(tmp_path / "a" / "b" / "nested.md", "# 嵌套文档\n\n" + ZH)
    write(tmp_path / "a" / "notes.pptx", b"PK\x03\x04 not really a presentation")
    write(tmp_path / "a" / ".hidden.txt", ZH)
    result = ingest_paths([tmp_path])
    assert sorted(d.document.doc_id for d in result.docs) == ["nested", "top"]
    reasons = {Path(s.path).name: (s.kind, s.reason) for s in result.skipped}
    assert set(reasons) == {"notes.pptx", ".hidden.txt"}       # each file not read is listed
    kind, reason = reasons["notes.pptx"]
    assert kind == "unsupported"
    assert "unsupported file type '.pptx'" in reason and ".docx" in reason
    assert reasons[".hidden.txt"][0] == "hidden" and "hidden file" in reasons[".hidden.txt"][1]


def test_corpus_json_sidecar_gives_metadata(tmp_path):
    write(tmp_path / "chron.txt", "3月2日，市委书记主持召开市委常委会议，研究部署重点工作。\n")
    write(tmp_path / "corpus.json", json.dumps({"documents": {"chron.txt": {
        "doc_id": "cg-03", "title": "长葛市大事记", "place": "长葛市", "year": 2020,
        "chronicle_year": 2020, "kind": "chronicle"}}}, ensure_ascii=False))
    result = ingest_paths([tmp_path])
    assert not result.skipped                     # corpus.json itself is not a document
    doc = result.docs[0]
    assert (doc.document.doc_id, doc.document.title, doc.document.kind, doc.document.place) == \
        ("cg-03", "长葛市大事记", "大事记", "长葛市")
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


def test_oversized_file_skipped_before_it_is_read(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:          # sparse: 50 MB of NUL bytes, which read as "binary file"
        f.truncate(50 * 2**20)
    write(tmp_path / "small.txt", ZH)
    result = ingest_paths([tmp_path], max_file_mb=20)
    # the size reason, not the binary one, shows the size check comes before any reading
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
