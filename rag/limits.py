"""Limits on the work one request or one file may cause, checked in one place.

The CLI, the UI's Gradio endpoints and any HTTP API reach the index through rag.api, which
calls these checks before any tokenising or embedding. A refusal is a `LimitError` whose
message names the limit and the setting that raises it, written to be shown to the user as
it is (no paths, no Python reprs).
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass


class LimitError(ValueError):
    """Input refused: over a limit, or not of the form asked for.

    `setting` is the environment variable that raises the limit ("RAG_MAX_QUESTION_CHARS"),
    or None when no setting can make the input acceptable (an empty question)."""

    def __init__(self, message: str, setting: str | None = None):
        super().__init__(message)
        self.setting = setting


def _default(field: str):
    from rag.settings import Settings
    return Settings.__dataclass_fields__[field].default


def _what(value) -> str:
    """A value's kind in words, for messages (never its repr: it may be huge or hostile)."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    return {list: "a list", tuple: "a list", dict: "an object", bytes: "bytes"}.get(
        type(value), "a value of another kind")


def _shown(value) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


# --- questions ---------------------------------------------------------------------------

def check_question(question, settings) -> str:
    """The question, if it is text of an acceptable length; checked before anything else
    touches it, so a megabyte question costs a length check and nothing more."""
    if question is None or (isinstance(question, str) and not question.strip()):
        raise LimitError("the question is empty: type a question")
    if not isinstance(question, str):
        raise LimitError(f"the question must be text, not {_what(question)}")
    limit = settings.max_question_chars
    if len(question) > limit:
        raise LimitError(f"the question is {len(question):,} characters long, over the limit of "
                         f"{limit:,} (setting RAG_MAX_QUESTION_CHARS)", "RAG_MAX_QUESTION_CHARS")
    return question


def check_k(k, settings) -> int:
    """`k` (passages to retrieve) as an int in 1..max_k; None means the configured default."""
    name = "k"
    if k is None:
        k = settings.k            # RAG_K, or `-k` on the command line
    value = k
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            value = None
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise LimitError(f"{name} must be a whole number from 1 to {settings.max_k}, "
                         f"got {_shown(k)!r}")
    if value < 1:
        raise LimitError(f"{name} must be at least 1, got {value}")
    if value > settings.max_k:
        raise LimitError(f"{name} is {_shown(value)}, over the limit of {settings.max_k} passages "
                         "(setting RAG_MAX_K)", "RAG_MAX_K")
    return value


def check_history(history, settings):
    """Earlier turns cut to the newest `max_history_turns`, each turn's text to
    `max_history_chars` (cut, not refused: the history is the app's own record, and its
    oldest turns matter least for resolving a follow-up)."""
    if not history:
        return history
    if isinstance(history, (str, bytes, dict)) or not isinstance(history, (list, tuple)):
        raise LimitError("history must be a list of earlier turns, "
                         f"not {_what(history)}")
    turns, chars = settings.max_history_turns, settings.max_history_chars
    if turns <= 0:
        return []
    messages = all(isinstance(h, dict) and "role" in h for h in history[-2 * turns:])
    kept = history[-(2 * turns if messages else turns):]      # a turn is two chat messages

    def cut(value):
        return value[:chars] if isinstance(value, str) else value

    out = []
    for item in kept:
        if isinstance(item, dict):
            item = {**item, "content": cut(item.get("content"))} if "content" in item else item
        elif isinstance(item, (list, tuple)):
            item = [cut(x) for x in item]
        else:
            item = cut(item)
        out.append(item)
    return out


def check_docs(docs):
    """A document filter as a list of doc ids (one id given alone is a list of one)."""
    if docs is None:
        return None
    if isinstance(docs, str):
        return [docs]
    if not isinstance(docs, (list, tuple, set, frozenset)) or \
            not all(isinstance(d, str) for d in docs):
        raise LimitError("docs must be a list of document ids")
    return list(docs)


def check_query(question, settings, k=None, history=None, docs=None) -> dict:
    """Every check a question request needs, in one call: {"question", "k", "history", "docs"}."""
    return {"question": check_question(question, settings), "k": check_k(k, settings),
            "history": check_history(history, settings), "docs": check_docs(docs)}


# --- ingestion ---------------------------------------------------------------------------

@dataclass(frozen=True)
class FileLimits:
    """What one file may cost to load. Defaults are Settings' defaults."""
    max_bytes: int = int(_default("max_file_mb") * 2**20)
    max_zip_entries: int = _default("max_zip_entries")
    max_zip_ratio: float = _default("max_zip_ratio")
    max_html_depth: int = _default("max_html_depth")
    max_sheet_cells: int = _default("max_sheet_cells")
    parse_seconds: float = _default("parse_seconds")
    ocr_page_seconds: float = _default("ocr_page_seconds")
    max_job_bytes: int | None = int(_default("max_job_mb") * 2**20)

    @classmethod
    def from_settings(cls, s) -> "FileLimits":
        return cls(max_bytes=int(s.max_file_mb * 2**20), max_zip_entries=s.max_zip_entries,
                   max_zip_ratio=s.max_zip_ratio, max_html_depth=s.max_html_depth,
                   max_sheet_cells=s.max_sheet_cells,
                   parse_seconds=s.parse_seconds, ocr_page_seconds=s.ocr_page_seconds,
                   max_job_bytes=int(s.max_job_mb * 2**20))

    def deadline(self) -> "Deadline":
        return Deadline(self.parse_seconds, self.ocr_page_seconds)


class Deadline:
    """A per-file time budget that loaders check between elements. Cooperative: one library
    call that does not come back to us (lxml parsing a part) is not interrupted, which is why
    the sizes that bound such calls are checked first."""

    def __init__(self, seconds: float, ocr_page_seconds: float = 0.0):
        self.seconds = seconds
        self.ocr_page_seconds = ocr_page_seconds
        self.ocr_pages = 0
        self.end = time.monotonic() + seconds

    def allow_ocr(self, pages: int) -> None:
        """Give the file RAG_OCR_PAGE_SECONDS more for each of `pages` scanned pages to read."""
        self.ocr_pages += pages
        self.seconds += pages * self.ocr_page_seconds
        self.end += pages * self.ocr_page_seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            setting = "RAG_PARSE_SECONDS" + (", RAG_OCR_PAGE_SECONDS" if self.ocr_pages else "")
            raise LimitError(f"reading the file took longer than {self.seconds:g} s "
                             f"(settings {setting})" if self.ocr_pages else
                             f"reading the file took longer than {self.seconds:g} s "
                             "(setting RAG_PARSE_SECONDS)", "RAG_PARSE_SECONDS")


def _mb(n: int) -> str:
    mb = n / 2**20
    return f"{mb:,.0f}" if mb >= 10 else f"{mb:.1f}"


def check_job_size(files, max_job_bytes: int | None) -> None:
    """Refuse an ingest call whose files add up to more than the job limit, before any is read."""
    if not max_job_bytes:
        return
    total = 0
    for f in files:
        try:
            total += os.stat(f).st_size
        except OSError:
            continue                   # reported when the file itself is read
    if total > max_job_bytes:
        raise LimitError(f"this ingest is {_mb(total)} MB in {len(files):,} files, over the "
                         f"{_mb(max_job_bytes)} MB limit for one ingest (setting "
                         "RAG_MAX_JOB_MB): ingest the folders one at a time or raise the limit",
                         "RAG_MAX_JOB_MB")
