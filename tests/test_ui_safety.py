"""Hostile documents in a real Chromium: their markup is shown as text, never rendered.

A tiny index holds one document that plants every kind of live content a page can get from
markdown or HTML (a link, an image and raw <img>/<a>/<iframe> pointing at a recording HTTP
server on 127.0.0.1, bare URLs, an e-mail address, $$math$$, $math$ and \\(math\\)), in its
text and in its title. After a cited answer, an abstention (nearest passages) and a look at
the documents table, no outside link, image, frame or rendered math may exist anywhere on
the page, and the recording server must have seen no request. Also: failures reach the
browser as a sentence without server paths, and uploads do not stay in Gradio's temp folder.
"""
from __future__ import annotations

import http.server
import shutil
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from browser_util import free_port, open_page, start_browser

pytestmark = pytest.mark.browser

FARMLAND_ZH = "市长对高标准农田建设提出了什么要求？"
UNANSWERABLE = "2035年月球基地的建设预算是多少？"

# Every element through which a page fetches or links outside, or shows typeset math.
LIVE_JS = """port => {
  const out = [];
  for (const a of document.querySelectorAll('a[href]')) {
    const h = a.getAttribute('href');
    if (h.includes('evil.example') || h.includes(':' + port) || h.startsWith('mailto:'))
      out.push('link ' + h);
  }
  for (const e of document.querySelectorAll('img[src], iframe, embed, object, video, audio, source')) {
    const s = e.getAttribute('src') || e.getAttribute('data') || '';
    if (!s.startsWith('data:') && !s.startsWith('/') && !s.startsWith(location.origin))
      out.push(e.tagName + ' ' + s);
  }
  for (const e of document.querySelectorAll('.katex, .katex-display, mjx-container, math'))
    out.push('math ' + e.textContent.slice(0, 40));
  return out;
}"""


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/gif")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def recorder():
    """A local HTTP server that records every request: a live image would call it."""
    _Recorder.hits = []
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv.server_address[1], _Recorder.hits
    srv.shutdown()


def _planted(base: str, tag: str) -> str:
    return (f"[官方通知]({base}/{tag}-md-link)、<img src=\"{base}/{tag}-raw-img.png\" "
            f"onerror=\"alert(1)\">、<a href=\"{base}/{tag}-raw-a\">原文</a>、"
            f"<iframe src=\"{base}/{tag}-iframe\"></iframe>、http://evil.example/{tag}、"
            f"www.evil.example、admin@evil.example、$$E=mc^2$$、$a+b$、\\(x^2\\)")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, recorder):
    """(app url, recorder port and hits, api) over a two-document index in a temp dir."""
    from rag.api import RAG
    from rag.settings import Settings
    from ui.app import launch

    port, _ = recorder
    base = f"http://127.0.0.1:{port}"
    root = tmp_path_factory.mktemp("hostile")
    doc = root / "hostile.txt"
    doc.write_text(
        "长葛市2020年3月大事记\n\n"
        f"2020年3月4日，市长要求4月底前完成高标准农田建设任务，详见{_planted(base, 'text')}。\n\n"
        f"3月5日，市政府印发配图说明![配图]({base}/text-md-img.png)。\n", encoding="utf-8")
    other = root / "other.txt"
    other.write_text("2020年3月6日，市委召开会议，研究部署春季植树工作。\n", encoding="utf-8")
    settings = Settings.load(index_dir=root / "index", index="hostile", llm="extractive",
                             embedder="e5-small-q4")
    api = RAG(settings)
    title = f"{_planted(base, 'title')}![t]({base}/title-md-img.png)大事记"
    api.ingest([doc], profile={"title": title})
    api.ingest([other])
    ui_port = free_port()
    demo = launch(replace(settings, ui_port=ui_port), api=api, prevent_thread_lock=True,
                  quiet=True)
    yield f"http://127.0.0.1:{ui_port}/", recorder, api
    demo.close()


@pytest.fixture(scope="module")
def browser():
    yield from start_browser()


def _ask(page, question: str, turn: int) -> None:
    page.fill("#question textarea", question)
    page.press("#question textarea", "Enter")
    page.wait_for_selector(f"#sources #turn-{turn}", timeout=60_000)


def test_document_markup_is_text_everywhere(browser, hostile):
    url, (port, hits), _ = hostile
    page = open_page(browser, url, "zh-CN")
    try:
        _ask(page, FARMLAND_ZH, 1)
        page.wait_for_selector("#chatbot a.cite-ref", timeout=30_000)
        bubble = page.locator("#chatbot [data-testid='bot']").last.inner_text()
        card = page.locator("#sources .cite-card").first.inner_text()
        # The planted markup is there, as the characters the document holds.
        for shown in (bubble, card):
            assert f"[官方通知](http://127.0.0.1:{port}/title-md-link)" in shown
            assert "$$E=mc^2$$" in shown and "www.evil.example" in shown
        assert f'<img src="http://127.0.0.1:{port}/text-raw-img.png"' in card
        assert page.evaluate(LIVE_JS, port) == []

        _ask(page, UNANSWERABLE, 2)            # declines: the nearest passages are listed
        near = page.locator("#sources #turn-2 .cite-card")
        assert near.count() >= 1 and "evil.example" in near.first.inner_text() + \
            near.nth(near.count() - 1).inner_text()
        assert page.evaluate(LIVE_JS, port) == []

        page.get_by_role("tab", name="文档").click()
        planted = f"[官方通知](http://127.0.0.1:{port}/title-md-link)"
        page.wait_for_function("s => document.querySelector('#doc-table').innerText.includes(s)",
                               arg=planted, timeout=15_000)
        assert page.evaluate(LIVE_JS, port) == []
        page.wait_for_timeout(500)             # time for any stray fetch to arrive
        assert hits == []
    finally:
        page.close()


def _files_under(folder: str) -> list[str]:
    root = Path(folder)
    return [str(p) for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_upload_name_is_text_and_its_temp_copy_is_deleted(browser, hostile, tmp_path):
    from gradio.utils import get_upload_folder
    url, (port, hits), _ = hostile
    name = "公告 [a] _b_ www.evil.example.txt"      # Gradio itself drops "$", "!" and "*"
    f = tmp_path / name
    f.write_text("2021年5月8日，某某区召开了测试专题会议，决定建设青松公园。\n", encoding="utf-8")
    page = open_page(browser, url, "en-US")
    try:
        page.get_by_role("tab", name="Documents").click()
        page.set_input_files("#upload input[type=file]", str(f))
        page.wait_for_timeout(500)
        page.click("#ingest")
        msg = page.locator("#ingest-msg")
        msg.get_by_text("Added", exact=False).wait_for(timeout=60_000)
        assert "[a] _b_ www.evil.example.txt" in msg.inner_text()
        assert page.evaluate(LIVE_JS, port) == [] and hits == []
        left = [p for p in _files_under(get_upload_folder()) if "evil.example" in p]
        assert left == [], left
    finally:
        page.close()


def test_failures_show_a_sentence_not_the_exception(browser, hostile):
    """A broken index snapshot makes retrieval raise (FAISS names the file's full path):
    the page says what happened in words, the log keeps the rest."""
    url, _, api = hostile
    store = api.store
    cur = store.current_dir()
    broken = cur.parent / "v999999"
    shutil.copytree(cur, broken)
    (broken / "dense.faiss").unlink()
    pointer = store.path / "CURRENT"
    saved = pointer.read_text()
    pointer.write_text(broken.name)
    page = open_page(browser, url, "en-US")
    try:
        page.fill("#question textarea", FARMLAND_ZH)
        page.press("#question textarea", "Enter")
        page.get_by_text("Something went wrong while answering", exact=False).first.wait_for(
            timeout=60_000)
        body = page.inner_text("body")
        for leak in (str(store.path), "dense.faiss", "Traceback", "RuntimeError", "Errno"):
            assert leak not in body, leak
    finally:
        page.close()
        pointer.write_text(saved)
        shutil.rmtree(broken)


def test_a_limit_is_shown_with_its_message(browser, hostile):
    """A refusal (rag.limits.LimitError) is for users: the page shows what it says."""
    url, _, _ = hostile
    page = open_page(browser, url, "en-US")
    try:
        page.fill("#question textarea", "农田" * 1100)      # over RAG_MAX_QUESTION_CHARS (2000)
        page.press("#question textarea", "Enter")
        # the refusal may show in a toast before the chat renders it: wait for the chat itself
        chat = page.locator("#chatbot")
        chat.get_by_text("RAG_MAX_QUESTION_CHARS", exact=False).first.wait_for(timeout=60_000)
        chat.get_by_text("Request refused", exact=False).first.wait_for(timeout=60_000)
        assert "Request refused" in chat.inner_text()
    finally:
        page.close()


def test_api_errors_are_sentences(hostile):
    """/ask through gradio_client: a limit keeps its message; anything else is a sentence
    without the exception's text."""
    from gradio_client import Client
    url, _, _ = hostile
    client = Client(url, verbose=False)
    with pytest.raises(Exception, match="question is empty"):
        client.predict(None, api_name="/ask")
    with pytest.raises(Exception) as e:
        client.predict(FARMLAND_ZH, None, None, "2020-13-45", api_name="/ask")
    assert "YYYY-MM-DD" in str(e.value) and "Traceback" not in str(e.value)
    with pytest.raises(Exception) as e:
        client.predict(FARMLAND_ZH, [[1, 2, 3]], ["no-such-doc"], None, None, "nonsense",
                       api_name="/ask")
    assert "Traceback" not in str(e.value) and "/" not in str(e.value), str(e.value)
