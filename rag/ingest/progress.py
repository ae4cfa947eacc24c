"""Progress of slow steps, for whoever is watching: a loader's steps (OCR of scanned pages) and
the embedding's rate and time left.

    with reporting(lambda step, done, total: print(step, done, total)):
        ingest_paths([...])          # a loader calls report("ocr", 3, 12) as it goes

The reporter is context-local: concurrent ingests (UI sessions, API jobs) each see their own.
"""
from __future__ import annotations

import contextlib
import contextvars
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Rate:
    """How fast the embedding goes and how long it has left, passed as the `rate` of
    `progress(done, total, rate)`. Tokens are the embedder's own where it can count them."""
    tokens_per_s: float
    eta_s: float | None            # None until a first batch has been timed

    def __float__(self) -> float:
        return float(self.tokens_per_s)

    def __str__(self) -> str:
        return f"{self.tokens_per_s:,.0f} tok/s, ETA {format_eta(self.eta_s)}"


def format_eta(seconds: float | None) -> str:
    """'1:05' (m:ss) or '2:03:10' (h:mm:ss); '?' when not known yet."""
    if seconds is None:
        return "?"
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"
