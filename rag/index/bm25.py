"""BM25 over Chinese words (jieba search mode) with English words and numbers kept.

The term-frequency matrix is persisted and reused; queries are a sparse column sum, so
nothing is rebuilt per query.
"""
from __future__ import annotations

import functools
import re

import numpy as np

K1, B = 1.2, 0.75
_TOKEN = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?|[\u3400-\u9fff]+")


@functools.lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


# Segmentations of Chinese runs kept: a document's title and section heads head every one of
# its chunks (rag.index.store.index_text), so the bundled corpus's 25,165 runs are 14,177 distinct.
_RUN_CACHE = 65536


@functools.lru_cache(maxsize=_RUN_CACHE)
def _segment(run: str) -> tuple[str, ...]:
    return tuple(_jieba().lcut_for_search(run))


def tokenize(text: str) -> list[str]:
    """Words for BM25: jieba search-mode segments of Chinese runs, lowercased ASCII words,
    without the domain profile's stop words."""
    from rag.profiles import get_profile
    stop = get_profile().stop_words
    out = []
    for run in _TOKEN.findall(text.lower()):
        if run[0].isascii():
            out.append(run)
            continue
        for w in _segment(run):
            if w not in stop:
                out.append(w)
    return [t for t in out if t not in stop]


class BM25:
    """Okapi BM25 over a CSR term-frequency matrix (chunks x vocabulary)."""

    def __init__(self, vocab: dict[str, int], tf, doc_len: np.ndarray):
        from scipy import sparse
        self.vocab = vocab
        self.tf = sparse.csr_matrix(tf, dtype=np.float32)
        n = self.tf.shape[0]
        df = np.bincount(self.tf.indices, minlength=len(vocab)).astype(np.float32)
        self.idf = np.log(1 + (n - df + 0.5) / (df + 0.5)).astype(np.float32)
        avg = float(doc_len.mean()) if n else 1.0
        # Precompute per-entry BM25 weights so a query only sums columns.
        rows = np.repeat(np.arange(n), np.diff(self.tf.indptr))
        tfv = self.tf.data
        denom = tfv + K1 * (1 - B + B * doc_len[rows] / max(avg, 1e-9))
        w = self.tf.copy()
        w.data = (tfv * (K1 + 1) / denom * self.idf[self.tf.indices]).astype(np.float32)
        self.weights = w.tocsc()

    @classmethod
    def build(cls, token_lists: list[list[str]]) -> "BM25":
        from scipy import sparse
        vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for i, toks in enumerate(token_lists):
            counts: dict[int, int] = {}
            for t in toks:
                j = vocab.setdefault(t, len(vocab))
                counts[j] = counts.get(j, 0) + 1
            rows.extend([i] * len(counts))
            cols.extend(counts.keys())
            vals.extend(counts.values())
        tf = sparse.csr_matrix((np.array(vals, np.float32), (rows, cols)),
                               shape=(len(token_lists), max(1, len(vocab))))
        doc_len = np.array([len(t) for t in token_lists], np.float32)
        return cls(vocab, tf, doc_len)

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        ids = [self.vocab[t] for t in dict.fromkeys(query_tokens) if t in self.vocab]
        if not ids:
            return np.zeros(self.tf.shape[0], np.float32)
        return np.asarray(self.weights[:, ids].sum(axis=1)).ravel()
