"""The evaluation tab over HTTP: gradio_client runs a small set and reads its metrics; a real
Chromium drafts a set, accepts some questions, saves and runs it, and sees the report.

The server runs over a copy of the embedded bundled index in a temp dir (runs and saved sets
are written under the index folder, and .cache/test-index must stay untouched).
"""
from __future__ import annotations

import json
import shutil
import time
from dataclasses import replace
from pathlib import Path

import pytest

from browser_util import free_port, start_browser
from conftest import CORPUS_CACHE

gradio_client = pytest.importorskip("gradio_client")
from gradio_client import Client, handle_file  # noqa: E402

ARTIFACTS = Path(__file__).parent / "artifacts"
SMALL = [
    {"id": "u-1", "question": "市长对高标准农田建设提出了什么要求？", "lang": "zh", "type": "requirement",
     "gold_quotes": ["确保3月底前2019年度3万亩高标准农田建设项目大头落地"], "answer_keywords": ["3万亩"]},
    {"id": "u-2", "question": "长葛市纪委五次全会上，代表市纪委常委会作工作报告的是谁？", "lang": "zh",
     "type": "who", "gold_quotes": ["段殿臣代表市纪委常委会作了题为"], "answer_keywords": ["段殿臣"]},
    {"id": "u-3", "question": "长葛市2031年的GDP是多少？", "lang": "zh", "type": "unanswerable",
     "gold_quotes": [], "answer_keywords": [], "unanswerable": True},
]


@pytest.fixture(scope="module")
def eval_server(corpus_api, corpus_settings, tmp_path_factory):
    from rag.api import RAG
    from ui.app import launch
    root = tmp_path_factory.mktemp("eval-index")
    shutil.copytree(CORPUS_CACHE / "default", root / "default",
                    ignore=shutil.ignore_patterns("eval"))
    settings = replace(corpus_settings, index_dir=root, ui_port=free_port())
    api = RAG(settings)
    demo = launch(settings, api=api, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{settings.ui_port}/", root
    demo.close()


def _client(url: str) -> Client:
    for _ in range(50):
        try:
            return Client(url, verbose=False)
        except Exception:
            time.sleep(0.2)
    return Client(url, verbose=False)


def _wait(client: Client, run_id: str, seconds: float = 600) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        st = client.predict(run_id, api_name="/eval_status")
        if st["state"] != "running":
            return st
        time.sleep(1)
    raise AssertionError(f"run {run_id} still running after {seconds} s")


def test_gradio_client_runs_a_small_set_and_gets_the_metrics(eval_server, tmp_path):
    url, root = eval_server
    path = tmp_path / "small.jsonl"
    path.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in SMALL), encoding="utf-8")
    client = _client(url)
    assert "bundled:bundled/test.jsonl" in client.predict(api_name="/eval_sets")
    run_id = client.predict(None, handle_file(str(path)), ["default", "bm25"], "extractive",
                            api_name="/eval_start")
    st = _wait(client, run_id)
    assert st["state"] == "done", st
    assert st["done"] == st["total"] == 6
    metrics = st["report"]["configs"]["default"]["metrics"]
    assert metrics["hit@5"] == 1.0 and metrics["n"] == 3
    assert metrics["citation_precision"] is not None and metrics["abstention"]["n"] == 3
    assert set(st["figures"]) == {"default", "bm25"}
    # the run is kept under the index folder with its reports
    run_dir = root / "default" / "eval" / "runs" / run_id
    assert (run_dir / "report.html").exists() and (run_dir / "status.json").exists()


@pytest.fixture(scope="module")
def browser():
    yield from start_browser()


def test_browser_drafts_accepts_runs_and_sees_the_report(eval_server, browser):
    url, root = eval_server
    page = browser.new_page(locale="en-US", viewport={"width": 1400, "height": 1800})
    page.goto(url)
    page.wait_for_selector("#tab-eval-button, button:has-text('Evaluate')", timeout=30_000)
    page.get_by_role("tab", name="Evaluate").click()
    page.locator("#eval-draft-n input").fill("12")
    page.locator("#eval-draft-btn").click()
    page.wait_for_selector("#eval-draft-msg:has-text('Drafted 12 questions')", timeout=120_000)
    page.locator("#eval-accept-all").click()
    page.wait_for_timeout(1500)
    page.locator("#eval-set-name textarea, #eval-set-name input").first.fill("drafted-ui")
    page.locator("#eval-save").click()
    page.wait_for_selector("#eval-draft-msg:has-text('as set')", timeout=60_000)
    saved = root / "default" / "eval" / "sets" / "drafted-ui.jsonl"
    assert saved.exists() and len(saved.read_text(encoding="utf-8").splitlines()) >= 8
    # the saved set is selected; run it
    page.locator("#eval-run").click()
    page.wait_for_selector("#eval-progress[data-state='done']", timeout=600_000)
    page.wait_for_selector("#eval-report:has-text('Headline metrics')", timeout=30_000)
    text = page.locator("#eval-report").inner_text()
    assert "hit@5" in text and "headline retrieval figure, strict" in text
    assert page.locator("#eval-chart svg").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "eval_tab.png"), full_page=True)
    # a reload finds the run again (its id is kept in the browser)
    page.reload()
    page.get_by_role("tab", name="Evaluate").click()
    page.wait_for_selector("#eval-progress[data-state='done']", timeout=30_000)
    page.close()


def test_browser_failed_question_shows_gold_beside_retrieved_and_opens_in_chat(eval_server, browser,
                                                                              tmp_path):
    url, _ = eval_server
    # a full-width copy of a real quote: a strict miss, so the question is listed as failed
    miss = {**SMALL[0], "id": "fw-1",
            "gold_quotes": [SMALL[0]["gold_quotes"][0].replace("3", "３")]}
    path = tmp_path / "failing.jsonl"
    path.write_text(json.dumps(miss, ensure_ascii=False) + "\n", encoding="utf-8")
    page = browser.new_page(locale="en-US", viewport={"width": 1400, "height": 1600})
    page.goto(url)
    page.get_by_role("tab", name="Evaluate").click()
    page.locator("#eval-upload input[type=file]").set_input_files(str(path))
    page.wait_for_timeout(1000)
    page.locator("#eval-run").click()
    page.wait_for_selector("#eval-progress[data-state='done']", timeout=300_000)
    cell = page.locator("#eval-failed").get_by_text("fw-1", exact=True).locator("visible=true").first
    cell.wait_for(timeout=30_000)
    cell.click()
    page.wait_for_selector("#eval-compare", timeout=30_000)
    compare = page.locator("#eval-compare").inner_text()
    assert "３月底前" in compare and "3月底前" in compare     # gold (full width) beside retrieved
    page.locator("#eval-open-chat").click()
    page.wait_for_selector("#sources [id^='cite-']", timeout=120_000)
    assert miss["question"] in page.locator("#chatbot").inner_text()
    page.screenshot(path=str(ARTIFACTS / "eval_failed_in_chat.png"), full_page=False)
    page.close()
