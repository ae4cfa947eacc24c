"""Departments cannot see each other's indexes: the real app on 127.0.0.1 with accounts,
driven through gradio_client as each user, and the UI handlers' guard called directly.

Two tiny indexes (one document each) in a temp index folder: "finance" belongs to 财政局,
"education" to 教育局. alice is in 财政局, root is an admin.
"""
from __future__ import annotations

import json
import socket
import time
from dataclasses import replace

import pytest

gradio_client = pytest.importorskip("gradio_client")
from gradio_client import Client  # noqa: E402



FINANCE_FACT = "2021年3月5日，某某区财政局召开预算审查会议，决定拨付青松公园建设资金八百万元。"
EDUCATION_FACT = "2021年4月8日，某某区教育局召开专题会议，决定新建梧桐小学。"
EDU_QUESTION = "梧桐小学是哪次会议决定新建的？"
PASSWORDS = {"alice": "alice-pw-1", "root": "root-pw-1", "carol": "carol-pw-1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def client_for(url: str, **kw) -> Client:
    """A logged-in client; the server thread may need a moment to accept connections."""
    for _ in range(50):
        try:
            with socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1].strip("/")))):
                break
        except OSError:
            time.sleep(0.2)
    return Client(url, verbose=False, **kw)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Accounts, two built indexes and the app launched by ui.app.launch."""
    from rag.api import RAG
    from rag.auth import Accounts
    from rag.settings import Settings
    from ui.app import launch

    root = tmp_path_factory.mktemp("perm")
    settings = Settings.load(index_dir=root / "index", llm="extractive", ui_port=free_port())
    for name, fact in (("finance", FINANCE_FACT), ("education", EDUCATION_FACT)):
        doc = root / f"{name}_notes.txt"
        doc.write_text(fact + "\n", encoding="utf-8")
        RAG(replace(settings, index=name)).ingest([doc])
    accounts = Accounts.for_settings(settings)
    accounts.add("alice", PASSWORDS["alice"], ["财政局"])
    accounts.add("carol", PASSWORDS["carol"], ["财政局"])
    accounts.add("root", PASSWORDS["root"], admin=True)
    accounts.grant("finance", "财政局")
    accounts.grant("education", "教育局")
    demo = launch(settings, prevent_thread_lock=True, quiet=True)
    yield settings, f"http://127.0.0.1:{settings.ui_port}/", accounts
    demo.close()


def login(url: str, name: str) -> Client:
    return client_for(url, auth=(name, PASSWORDS[name]))


def audit(accounts, **filters):
    from rag.auth import AuditLog
    return AuditLog(accounts.path).entries(limit=None, **filters)


def test_login_is_required(site):
    _, url, _ = site
    with pytest.raises(Exception):
        Client(url, verbose=False)
    with pytest.raises(Exception):
        Client(url, verbose=False, auth=("alice", "wrong"))


def test_member_sees_only_her_departments_index(site):
    _, url, accounts = site
    alice = login(url, "alice")
    assert alice.predict(api_name="/indexes") == {"indexes": ["finance"], "current": "finance"}
    st = alice.predict(api_name="/status")
    assert st["name"] == "finance" and [d["doc_id"] for d in st["docs"]] == ["finance_notes"]
    # The page's built-in values hold no index's documents: they are filled per user.
    config = json.dumps(alice.config, ensure_ascii=False)
    assert "education_notes" not in config and "梧桐小学" not in config

    for call in (lambda: alice.predict(index="education", api_name="/status"),
                 lambda: alice.predict(EDU_QUESTION, index="education", api_name="/ask"),
                 lambda: alice.predict("education_notes", index="education", api_name="/download"),
                 lambda: alice.predict("education", api_name="/select_index")):
        with pytest.raises(Exception, match="education"):
            call()

    # The UI's own handlers act on her index only, whatever she asks about.
    chat, sources, _ = alice.submit(EDU_QUESTION, api_name="/chat").result()
    assert "梧桐小学" not in json.dumps(chat, ensure_ascii=False).replace(EDU_QUESTION, "")
    assert "梧桐小学" not in sources.replace(EDU_QUESTION, "")
    _, status, table, *_ = alice.predict("en", api_name="/refresh_documents")
    assert "finance" in status and "education" not in json.dumps(table, ensure_ascii=False)
    with pytest.raises(Exception, match="education_notes"):   # not among her choices
        alice.predict(["education_notes"], "en", api_name="/remove")
    assert root_status(url)["documents"] == 1        # education's document is still there

    denied = audit(accounts, user="alice", outcome="denied")
    assert {(e.action, e.index) for e in denied} >= {
        ("list", "education"), ("ask", "education"), ("download", "education"),
        ("select", "education")}
    asked = [e for e in denied if e.action == "ask"]
    assert asked[0].target == EDU_QUESTION and asked[0].addr == "127.0.0.1"
    ok_asks = audit(accounts, user="alice", action="ask", outcome="ok")
    assert [(e.index, e.target) for e in ok_asks] == [("finance", EDU_QUESTION)]


def root_status(url: str) -> dict:
    return login(url, "root").predict(index="education", api_name="/status")


def test_admin_sees_and_uses_every_index(site):
    _, url, accounts = site
    root = login(url, "root")
    assert root.predict(api_name="/indexes")["indexes"] == ["education", "finance"]
    result = root.predict(EDU_QUESTION, index="education", api_name="/ask")
    assert not result["abstained"]
    assert any("梧桐小学" in c["text"] for c in result["citations"])
    doc = root.predict("education_notes", index="education", api_name="/download")
    assert doc["text"].strip() == EDUCATION_FACT and doc["source"] == "education_notes.txt"

    # The session's chosen index drives the UI handlers.
    assert root.predict("education", api_name="/select_index") == "education"
    _, status, table, *_ = root.predict("en", api_name="/refresh_documents")
    assert "education_notes" in json.dumps(table, ensure_ascii=False)
    chat, _, _ = root.submit(EDU_QUESTION, api_name="/chat").result()
    assert "梧桐小学" in chat[1]["content"][0]["text"]

    mine = audit(accounts, user="root")
    assert ("ask", "education", EDU_QUESTION, "ok") in {
        (e.action, e.index, e.target, e.outcome) for e in mine}
    assert ("download", "education", "education_notes") in {
        (e.action, e.index, e.target) for e in mine}
    assert any(e.action == "login" and e.outcome == "ok" for e in mine)


def test_uploads_and_removals_are_audited(site, tmp_path):
    from gradio_client import handle_file
    _, url, accounts = site
    alice = login(url, "alice")
    note = tmp_path / "budget_memo.txt"
    note.write_text("2021年6月2日，某某区财政局通报了上半年预算执行情况。\n", encoding="utf-8")
    msg, *_ = alice.predict([handle_file(note)], "en", api_name="/upload")
    assert "budget" in msg
    msg, *_ = alice.predict(["budget_memo"], "en", api_name="/remove")
    assert "budget" in msg
    done = {(e.action, e.index, e.target, e.outcome) for e in audit(accounts, user="alice")}
    assert {("upload", "finance", "budget_memo", "ok"),
            ("remove", "finance", "budget_memo", "ok")} <= done


def test_repeated_wrong_passwords_lock_out(site):
    settings, url, accounts = site
    for _ in range(settings.login_max_failures):
        with pytest.raises(Exception):
            Client(url, verbose=False, auth=("carol", "guess"))
    with pytest.raises(Exception):                  # the right password is refused too
        Client(url, verbose=False, auth=("carol", PASSWORDS["carol"]))
    outcomes = [e.outcome for e in audit(accounts, user="carol", action="login")]
    assert outcomes == ["failed"] * settings.login_max_failures + ["locked"]


def test_sources_and_originals_only_from_her_indexes(site):
    """/source and /original (the source panel's data) answer for her index only."""
    _, url, accounts = site
    alice = login(url, "alice")
    view = alice.predict("finance_notes", None, "青松公园建设资金", api_name="/source")
    assert view["text"][view["start"]:view["end"]] == "青松公园建设资金"
    assert view["file_name"] == "finance_notes.txt" and "/" not in json.dumps(view)
    got = alice.predict("finance_notes", api_name="/original")
    import base64
    assert base64.b64decode(got["data_base64"]).decode("utf-8") == FINANCE_FACT + "\n"
    for name in ("/source", "/original"):
        with pytest.raises(Exception, match="education"):
            alice.predict("education_notes", index="education", api_name=name)
    denied = audit(accounts, user="alice", outcome="denied", action="download")
    assert sum(e.target == "education_notes" for e in denied) >= 2


def test_guard_rechecks_a_spoofed_session_choice(site):
    """Even if the session's index were another department's, each call is refused."""
    import gradio as gr

    from ui.access import Access, Denied
    settings, _, accounts = site
    access = Access(settings, accounts)
    request = gr.Request(username="alice", session_hash="s1")
    assert access.api_for(request).index == "finance"
    access._chosen[("alice", "s1")] = "education"        # what a forged choice would do
    api = access.api_for(request)
    for call in (api.status, lambda: api.ask(EDU_QUESTION),
                 lambda: list(api.stream(EDU_QUESTION)), lambda: api.document("education_notes"),
                 lambda: api.source("education_notes"), lambda: api.original("education_notes"),
                 lambda: api.remove(["education_notes"])):
        with pytest.raises(Denied):
            call()
    assert access.api_for(None).status() == {"exists": False, "name": ""}


@pytest.fixture(scope="module")
def browser():
    from pathlib import Path
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:
        pytest.skip(f"python playwright is not installed: {e}")
    chromium = "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip(f"chromium not found at {chromium}")
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=chromium,
                               args=["--headless", "--no-sandbox", "--disable-gpu"])
    except Exception as e:
        pw.stop()
        pytest.skip(f"chromium cannot start: {str(e).splitlines()[0]}")
    yield b
    b.close()
    pw.stop()


def _logged_in_page(browser, url: str, name: str):
    page = browser.new_page(locale="en-US", viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.locator("input[type=text]").first.fill(name)
    page.locator("input[type=password]").fill(PASSWORDS[name])
    page.keyboard.press("Enter")
    page.wait_for_selector("#question textarea", timeout=30_000)
    return page


@pytest.mark.browser
def test_browser_offers_each_user_only_their_indexes(site, browser):
    _, url, _ = site
    page = _logged_in_page(browser, url, "alice")
    try:
        page.get_by_role("tab", name="Documents").click()
        page.locator("#doc-table", has_text="finance_notes").wait_for(timeout=15_000)
        assert "education_notes" not in page.locator("#doc-table").inner_text()
        assert not page.locator("#index-select").is_visible()     # one index: no choice
    finally:
        page.close()

    page = _logged_in_page(browser, url, "root")
    try:
        page.locator("#index-select").wait_for(state="visible", timeout=15_000)
        page.locator("#index-select input").click()
        page.get_by_role("option", name="education").click()
        page.get_by_role("tab", name="Documents").click()
        page.locator("#doc-table", has_text="education_notes").wait_for(timeout=15_000)
        assert "finance_notes" not in page.locator("#doc-table").inner_text()
    finally:
        page.close()
