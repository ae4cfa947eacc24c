"""Shared by the browser tests: Debian's /usr/bin/chromium through Python Playwright.

`start_browser()` is the body of a module-scoped fixture: it skips, with the reason, when
Playwright or chromium is missing or cannot start, and never runs `playwright install`.
"""
from __future__ import annotations

import socket
import subprocess
import warnings
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def has_cjk_font() -> bool:
    try:
        out = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return True             # cannot tell; say nothing
    return bool(out.stdout.strip())


def start_browser():
    """Yield a launched Playwright chromium; close it afterwards."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:
        pytest.skip(f"python playwright is not installed: {e}")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"chromium not found at {CHROMIUM} (apt-get install chromium)")
    if not has_cjk_font():
        warnings.warn("no CJK font installed: screenshots will show boxes for Chinese text "
                      "(apt-get install fonts-noto-cjk)")
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception as e:
        pw.stop()
        pytest.skip(f"chromium at {CHROMIUM} cannot start: {str(e).splitlines()[0]}")
    yield b
    b.close()
    pw.stop()


SEND_LABEL_IS = "s => { const b = document.querySelector('#send'); return !!b && b.innerText.trim() === s; }"


def open_page(browser, url: str, locale: str, height: int = 1000):
    """A new page on the app, once its question box is there and the page speaks the browser's
    language: the language is applied by a load event, and a question sent before it would
    be answered in the default language (a test asking at once flaked so under load)."""
    page = browser.new_page(locale=locale, viewport={"width": 1400, "height": height})
    page.goto(url)
    page.wait_for_selector("#question textarea", timeout=30_000)
    page.wait_for_function(SEND_LABEL_IS, arg="发送" if locale.startswith("zh") else "Send",
                           timeout=30_000)
    return page
