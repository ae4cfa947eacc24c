"""Helpers shared by the ingestion tests (files written by the tests themselves)."""
from __future__ import annotations

from pathlib import Path

from rag.ingest import ingest_paths, repair, structure
from rag.ingest.pipeline import DocResult

SENTENCE_ENDS = tuple("。！？；!?;")


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
        if c.kind in ("table", "table-row"):
            # a table chunk (header repeated) or row text spans its table's paragraph
            (p,) = [p for p in doc.paragraphs if p.index == c.para]
            assert (c.start, c.end) == (p.start, p.end) and p.table is not None, c.id
            continue
        assert text[c.start:c.end] == c.text, c.id


ZH = "魏都区召开全区领导干部会议，部署2019年重点工作。区委书记张书杰出席会议并讲话，要求各单位抓早抓紧抓实。"
ZH_TRAD = "魏都區召開全區領導幹部會議，部署2019年重點工作。區委書記出席會議並講話，要求各單位抓早抓緊抓實。"


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
