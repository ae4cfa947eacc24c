"""Progress of slow steps inside a loader (OCR of scanned pages), for whoever is watching.

    with reporting(lambda step, done, total: print(step, done, total)):
        ingest_paths([...])          # a loader calls report("ocr", 3, 12) as it goes

The reporter is context-local: concurrent ingests (UI sessions, API jobs) each see their own.
"""
from __future__ import annotations

import contextlib
import contextvars
from typing import Callable

Reporter = Callable[[str, int, int], None]
_reporter: contextvars.ContextVar[Reporter | None] = contextvars.ContextVar("ingest_reporter", default=None)


@contextlib.contextmanager
def reporting(fn: Reporter | None):
    token = _reporter.set(fn)
    try:
        yield
    finally:
        _reporter.reset(token)


def report(step: str, done: int, total: int) -> None:
    """Tell the watcher, if any, that `done` of `total` units of `step` are finished."""
    fn = _reporter.get()
    if fn is not None:
        fn(step, done, total)
