"""Shared fixtures: settings isolated from the user's, and the bundled corpus embedded once.

Embedding the bundled corpus takes about three minutes on two cores, so the session fixture
keeps it in .cache/test-index and lets the index's own incremental update decide whether
anything changed (nothing is re-embedded when the corpus and chunker are unchanged).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS_CACHE = REPO / ".cache" / "test-index"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path):
    """No test sees the developer's RAG_* or OpenAI settings or writes to index/."""
    for k in list(os.environ):
        if k.startswith("RAG_") or k in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
            monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("RAG_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="session")
def corpus_settings():
    """Settings whose default index is the embedded bundled corpus."""
    from rag.settings import Settings
    return Settings.load(index_dir=CORPUS_CACHE, index="default", llm="extractive")


@pytest.fixture(scope="session")
def corpus_api(corpus_settings):
    """A RAG API over the bundled corpus, built (or brought up to date) once per session."""
    from rag.api import RAG
    api = RAG(corpus_settings)
    api.ingest()
    return api


@pytest.fixture(scope="session")
def corpus_chunks():
    """The bundled corpus ingested (no embedding): real chunks for answer tests."""
    from rag.ingest import ingest_paths
    return ingest_paths([REPO / "data" / "corpus"]).chunks


@pytest.fixture(scope="session")
def farmland_chunk(corpus_chunks):
    """The 2020-03-04 chronicle entry in which the mayor sets the farmland deadlines."""
    found = [c for c in corpus_chunks if "高标准农田" in c.text and c.date == "2020-03-04"]
    assert len(found) == 1, [c.id for c in found]
    return found[0]
