"""Originals kept with the index and a citation's source: a PDF page rendered with the
quote highlighted, a text document's passage located and escaped (issue #13)."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

FONT = "STSong-Light"
PAGES = [["第一页：魏都区召开全区领导干部会议。", "会议部署了全年的重点工作任务。"],
         ["第二页：区长要求全力推进高标准农田建设，", "年底前完成两万亩建设任务。",
          "同时做好冬春农田水利工作。"],
         ["第三页：会议还通报了安全生产情况。"]]
QUOTE = "区长要求全力推进高标准农田建设，年底前完成两万亩建设任务。"


def make_pdf(path: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    c = canvas.Canvas(str(path))            # A4: 595 x 842 points
    for lines in PAGES:
        c.setFont(FONT, 14)
        for i, line in enumerate(lines):
            c.drawString(72, 740 - 26 * i, line)
        c.showPage()
    c.save()
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from rag.api import RAG
    from rag.settings import Settings
    root = tmp_path_factory.mktemp("orig")
    src = root / "src"
    src.mkdir()
    pdf = make_pdf(src / "会议纪要.pdf")
    txt = src / "notes.txt"
    txt.write_text("魏都区工作笔记\n\n第一段说明情况。\n\n这一段有 [link](http://x) 和 <img src=x> 两处，"
                   "还要求抓好秸秆禁烧工作。\n\n最后一段。\n", encoding="utf-8")
    settings = Settings.load(index_dir=root / "index", index="t", llm="extractive")
    api = RAG(settings)
    api.ingest([pdf, txt])
    return api, pdf, txt


def _doc_id(api, name):
    return next(d["doc_id"] for d in api.documents() if Path(d["path"]).name == name)


def test_original_is_kept_in_the_index_and_survives_a_reload(built):
    from rag.api import RAG
    api, pdf, _ = built
    doc_id = _doc_id(api, pdf.name)
    kept = api.original(doc_id)
    assert kept is not None and kept.parent == api.store.path / "originals"
    assert kept.read_bytes() == pdf.read_bytes()
    again = RAG(api.settings)                           # a new process would do the same
    assert again.original(doc_id).read_bytes() == pdf.read_bytes()


def _pixels(png: bytes):
    import numpy as np
    from PIL import Image
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def test_pdf_source_is_the_cited_page_with_the_quote_highlighted(built):
    api, pdf, _ = built
    doc_id = _doc_id(api, pdf.name)
    plain = api.source(doc_id, page=2)
    lit = api.source(doc_id, page=2, quote=QUOTE)
    assert lit.page == 2 and lit.pages == 3 and lit.original
    a, b = _pixels(plain.png), _pixels(lit.png)
    from reportlab.lib.pagesizes import A4                # what the canvas drew on
    assert a.shape == b.shape
    assert a.shape[1] == pytest.approx(A4[0] * 1.5, abs=1)
    assert a.shape[0] == pytest.approx(A4[1] * 1.5, abs=1)
    # the quote's two lines (and not the third) are boxed: 740 and 714 pt from the bottom
    assert len(lit.boxes) == 2
    tops = sorted(box[1] for box in lit.boxes)
    assert tops[0] == pytest.approx((A4[1] - 740 - 14) * 1.5, abs=6)
    changed = (abs(a - b).sum(axis=2) > 0)
    ys, xs = changed.nonzero()
    assert changed.sum() > 1000
    # every changed pixel lies in a highlight box
    inside = sum(((xs >= x0 - 3) & (xs <= x1 + 3) & (ys >= t - 3) & (ys <= bt + 3)).sum()
                 for x0, t, x1, bt in lit.boxes)
    assert inside == changed.sum()
    # highlighted background is amber, not white
    x0, t, x1, bt = lit.boxes[0]
    r, g, bl = b[int(t), int(x1) - 1]
    assert r > 200 and bl < 200
    with pytest.raises(ValueError, match="3 pages"):
        api.source(doc_id, page=9)


def test_text_source_locates_the_passage(built):
    api, _, txt = built
    view = api.source(_doc_id(api, txt.name), quote="还要求抓好秸秆禁烧工作。")
    assert view.png is None and view.original
    assert view.text[view.start:view.end] == "还要求抓好秸秆禁烧工作。"


def test_pdf_of_an_index_without_originals_falls_back_to_text(built, tmp_path):
    import shutil
    from rag.api import RAG
    api, pdf, _ = built
    copy = tmp_path / "index"
    shutil.copytree(api.store.path.parent, copy)
    shutil.rmtree(copy / "t" / "originals")
    old = RAG(api.settings.__class__.load(index_dir=copy, index="t", llm="extractive"))
    doc_id = _doc_id(old, pdf.name)
    assert old.original(doc_id) is None
    view = old.source(doc_id, page=2, quote=QUOTE)
    assert not view.original and view.png is None
    assert view.start is not None and view.text[view.start:view.end] in QUOTE


def test_original_removed_with_its_document(tmp_path):
    from rag.api import RAG
    from rag.settings import Settings
    doc = tmp_path / "gone.txt"
    doc.write_text("要删除的文档。\n\n第二段内容在这里。\n", encoding="utf-8")
    api = RAG(Settings.load(index_dir=tmp_path / "index", index="r", llm="extractive"))
    api.ingest([doc])
    doc_id = _doc_id(api, doc.name)
    kept = api.original(doc_id)
    assert kept.is_file()
    api.remove([doc_id])
    assert not kept.exists() and api.original(doc_id) is None
    with pytest.raises(KeyError):
        api.source(doc_id)


def test_quote_boxes_match_across_line_breaks_and_spacing():
    from rag.source import quote_boxes
    chars = [{"text": ch, "x0": 10.0 * i, "x1": 10.0 * i + 9, "top": top, "bottom": top + 12}
             for top, line in ((100, "甲乙丙 丁"), (130, "戊己庚")) for i, ch in enumerate(line)]
    assert len(quote_boxes(chars, "丙丁戊己")) == 2
    assert quote_boxes(chars, "完全不在页面") == []


def test_text_view_highlights_the_passage_and_escapes_the_document(built):
    from ui.source import view_html
    api, _, txt = built
    doc_id = _doc_id(api, txt.name)
    html = view_html(api, api.source(doc_id, quote="还要求抓好秸秆禁烧工作。"), "zh")
    assert '<mark class="src-mark">还要求抓好秸秆禁烧工作。</mark>' in html
    assert "<img src=x>" not in html and "&lt;img src=x&gt;" in html
    assert "[link](http://x)" in html            # inside <pre>, as text: no markdown here
    assert '<a href="http://x"' not in html
    # the only <img> and <a> are ours: a download as a data: URL, no server path
    assert html.count("<a ") == 1 and 'href="data:text/plain;base64,' in html
    assert str(api.store.path) not in html and "/tmp" not in html


def test_pdf_view_is_the_page_image_and_a_download(built):
    from ui.source import view_html
    api, pdf, _ = built
    html = view_html(api, api.source(_doc_id(api, pdf.name), page=2, quote=QUOTE), "en")
    assert html.count('<img class="src-page"') == 1 and "data:image/png;base64," in html
    assert "p. 2 / 3" in html and 'href="data:application/pdf;base64,' in html
    assert str(api.store.path) not in html


def test_citation_card_has_a_source_button_with_its_document_and_page():
    from ui.render import citation_card
    c = {"n": 1, "id": "会议纪要:p3.1", "doc_title": "会议纪要", "section": "", "date": None,
         "text": "甲\"乙<b>丙", "quote": "乙<b>", "start": 2, "end": 6, "verified": True, "page": 2}
    html = citation_card(1, c, "zh")
    assert ('<button type="button" class="cite-source" data-doc="会议纪要" data-page="2" '
            'data-quote="乙&lt;b&gt;">原文</button>') in html
