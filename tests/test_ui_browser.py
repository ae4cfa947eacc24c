"""End to end in a real headless Chromium (Debian's /usr/bin/chromium via Python Playwright).

Types the farmland question, waits for the streamed answer, checks the citation card with
its highlighted quote, clicks the [1] marker and saves a screenshot (tests/artifacts/ui.png;
with UPDATE_SCREENSHOT=1 also copied to docs/screenshot.png for the README). Skips, with the reason, when chromium is
missing or cannot start; never runs `playwright install`.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from browser_util import SEND_LABEL_IS, free_port, open_page, start_browser

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
FARMLAND_ZH = "市长对高标准农田建设提出了什么要求？"
CHANGGE_TITLE = "长葛市2020年3月大事记"

# Records every text the last assistant bubble shows, to see the answer arrive in pieces.
WATCH_STREAM_JS = """() => {
  window.__botTexts = [];
  const root = document.querySelector('#chatbot');
  new MutationObserver(() => {
    const bots = root.querySelectorAll('.bot .message-content, [data-testid="bot"]');
    if (!bots.length) return;
    const txt = bots[bots.length - 1].innerText;
    const seen = window.__botTexts;
    if (txt && seen[seen.length - 1] !== txt) seen.push(txt);
  }).observe(root, {subtree: true, childList: true, characterData: true});
}"""
IN_VIEW_JS = """id => { const r = document.getElementById(id).getBoundingClientRect();
                       return r.top >= 0 && r.bottom <= window.innerHeight; }"""


@pytest.fixture(scope="module")
def browser():
    yield from start_browser()


@pytest.fixture(scope="module")
def app_url(corpus_api, corpus_settings):
    from ui.app import launch
    port = free_port()
    demo = launch(replace(corpus_settings, ui_port=port), api=corpus_api,
                  prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


def _open(browser, url: str, locale: str, height: int = 1000):
    return open_page(browser, url, locale, height)


def test_language_follows_the_browser(browser, app_url):
    for locale, send, tab in (("en-US", "Send", "Documents"), ("zh-CN", "发送", "文档")):
        page = _open(browser, app_url, locale)
        try:
            page.wait_for_function(SEND_LABEL_IS, arg=send, timeout=15_000)
            page.get_by_role("tab", name=tab).wait_for(timeout=15_000)
        finally:
            page.close()


def test_ask_stream_cite_click_and_screenshot(browser, app_url):
    page = _open(browser, app_url, "zh-CN", height=760)
    try:
        page.wait_for_function(SEND_LABEL_IS, arg="发送", timeout=15_000)
        page.evaluate(WATCH_STREAM_JS)
        page.fill("#question textarea", FARMLAND_ZH)
        page.press("#question textarea", "Enter")

        # The streamed answer ends with its [n] links, then the cards render.
        page.wait_for_selector("#chatbot a.cite-ref", timeout=60_000)
        page.wait_for_selector("#sources .cite-card mark", timeout=60_000)
        texts = page.evaluate("window.__botTexts")
        assert texts and "高标准农田" in texts[-1]
        final = texts[-1]
        partial = [t for t in texts[:-1] if len(t.strip()) > 5 and t != final
                   and final.startswith(t.strip()[:10])]
        assert partial, f"expected the answer to arrive in pieces, saw {texts}"

        card = page.locator("#sources .cite-card", has_text=CHANGGE_TITLE).first
        assert "2020-03-04" in card.inner_text()
        mark = card.locator("mark").first
        quote = mark.inner_text()
        assert len(quote) > 10 and quote in card.locator(".cite-text").inner_text()

        # Scroll the card away, click the marker in the answer: the card comes into view.
        link = page.locator("#chatbot a.cite-ref").first
        target = link.get_attribute("href").lstrip("#")
        page.evaluate("window.scrollTo(0, 0)")
        assert not page.evaluate(IN_VIEW_JS, target), "the card should start out of view"
        link.click()
        page.wait_for_function(IN_VIEW_JS, arg=target, timeout=5_000)
        assert page.url.rstrip("/") == app_url.rstrip("/")    # no navigation, no new tab

        page.wait_for_timeout(1800)                        # let the highlight flash fade
        out = REPO / "tests" / "artifacts" / "ui.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out), full_page=True)
        assert out.stat().st_size > 10_000                    # a rendered page, not a blank
        if os.environ.get("UPDATE_SCREENSHOT") == "1":    # refresh the README's picture
            (REPO / "docs").mkdir(exist_ok=True)
            shutil.copyfile(out, REPO / "docs" / "screenshot.png")
    finally:
        page.close()


@pytest.fixture(scope="module")
def pdf_app_url(tmp_path_factory):
    """The app over an index of one three-page Chinese PDF (tests/test_originals.py's)."""
    from rag.api import RAG
    from rag.settings import Settings
    from test_originals import make_pdf
    from ui.app import launch
    root = tmp_path_factory.mktemp("pdf-ui")
    settings = Settings.load(index_dir=root / "index", index="pdf", llm="extractive",
                             ui_port=free_port())
    api = RAG(settings)
    api.ingest([make_pdf(root / "会议纪要.pdf")])
    demo = launch(settings, api=api, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{settings.ui_port}/"
    demo.close()


def test_citation_opens_the_pdf_page_with_the_quote_highlighted(browser, pdf_app_url):
    import base64
    import io

    import numpy as np
    from PIL import Image
    page = _open(browser, pdf_app_url, "zh-CN", height=1000)
    try:
        page.wait_for_function(SEND_LABEL_IS, arg="发送", timeout=15_000)
        page.fill("#question textarea", "区长对高标准农田建设提出了什么要求？")
        page.press("#question textarea", "Enter")
        page.wait_for_selector("#sources .cite-card mark", timeout=60_000)
        card = page.locator("#sources .cite-card").first
        assert "第2页" in card.inner_text()
        button = card.locator("button.cite-source")
        assert button.inner_text() == "原文"
        button.click()
        img = page.wait_for_selector("#source-view img.src-page", timeout=30_000)
        assert "第2页 / 3" in page.locator("#source-view").inner_text()
        assert page.locator("#source-view a.src-download").get_attribute("download") == "会议纪要.pdf"
        src = img.get_attribute("src")
        assert src.startswith("data:image/png;base64,")       # no server path or file URL
        rgb = np.asarray(Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1])))
                         .convert("RGB")).astype(int)
        amber = (rgb[..., 0] > 240) & (rgb[..., 1] > 200) & (rgb[..., 2] < 200)
        assert amber.sum() > 2000, "the cited lines should be highlighted"
        assert page.evaluate("() => document.querySelector('#source-view img').naturalWidth") > 800
        out = REPO / "tests" / "artifacts" / "ui-source.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out), full_page=True)
        assert out.stat().st_size > 10_000
    finally:
        page.close()
