"""One typed settings object: explicit arguments > RAG_* environment variables > defaults.

Read when used (`Settings.load()`), never at import time.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def _default_index_dir() -> Path:
    # A source checkout keeps indexes in its top-level index/; an installed copy uses ./index.
    return REPO_ROOT / "index" if (REPO_ROOT / "pyproject.toml").exists() else Path.cwd() / "index"


@dataclass(frozen=True)
class Settings:
    index_dir: Path = None            # type: ignore[assignment]  # filled in load()
    index: str = "default"
    corpus_dir: Path = REPO_ROOT / "data" / "corpus"
    profile: str = "zh-gov"           # domain profile: titles, stop words, glossary, places
    embedder: str = "e5-small-q4"
    embed_base_url: str | None = None     # for openai:<model> embedders
    embed_api_key: str | None = None
    embed_batch: int = 16
    chunk_tokens: int = 400
    max_file_mb: float = 20.0         # larger files are skipped with a message (.docx: unzipped)
    # Limits on the work one request or one file may cause (rag/limits.py; README "Limits").
    max_question_chars: int = 2000
    max_k: int = 50
    max_history_turns: int = 10
    max_history_chars: int = 4000     # per turn; longer turns are cut
    max_job_mb: float = 200.0         # sum of the file sizes in one ingest call
    max_zip_entries: int = 2000       # a .docx has tens of parts; hundreds with many images
    # document.xml of empty paragraphs deflates 670:1 (deflate's ceiling is about 1032:1); a
    # python-docx table of 20,000 empty cells, the most repetitive real part seen, 160:1
    max_zip_ratio: float = 300.0
    max_html_depth: int = 512         # Blink's HTML parser nests no deeper either
    max_sheet_cells: int = 1_000_000  # cells in one spreadsheet or .csv, counted before it is loaded
    parse_seconds: float = 60.0       # per file, checked between elements while parsing
    # added to a file's budget for each scanned page it OCRs (4-5 s a page measured idle here,
    # 25 s on the busy machine): a 300-page scanned yearbook is not cut off at page 12
    ocr_page_seconds: float = 30.0
    index_type: str = "auto"          # auto | flat | hnsw
    # where dense vectors live (rag/index/vectors.py): faiss (in the index folder),
    # milvus://host:19530/collection (a Milvus server) or milvus-lite:path/to/file.db
    store: str = "faiss"
    mode: str = "hybrid"              # dense | bm25 | hybrid
    k: int = 5
    reranker: str | None = None       # sentence-transformers CrossEncoder id or path
    llm: str = "auto"                 # auto | extractive | openai | local
    llm_base_url: str | None = None
    llm_api_key: str | None = None
    llm_model: str | None = None
    llm_timeout: float = 60.0
    llm_max_tokens: int = 512
    llm_temperature: float | None = None  # None: the backend's own (0 for openai, 0.2 local)
    local_model: str | None = None    # GGUF path; default: the bundled Gemma 3 270M
    context_tokens: int = 3000
    ui_host: str = "127.0.0.1"
    ui_port: int = 7860
    ui_auth: str | None = None        # "user:password"
    users_db: Path | None = None      # accounts and audit log; default <index_dir>/users.db
    login_max_failures: int = 5       # wrong passwords before a lock-out (per user)
    login_lockout_s: float = 30.0     # first lock-out; doubles with each further failure
    ui_max_upload_mb: int = 50        # per uploaded file, in the UI and the HTTP API
    api_keys: str | None = None       # RAG_API_KEYS: comma-separated bearer tokens for `rag serve`
    # processes `rag ui`/`rag serve` answer extractively in (0: in the server process);
    # None: rag.workers.default_count(), one per core
    answer_workers: int | None = None

    @classmethod
    def load(cls, **overrides) -> "Settings":
        """Build settings from overrides (None means "not given"), then RAG_* env, then defaults."""
        values = {}
        for f in fields(cls):
            if overrides.get(f.name) is not None:
                values[f.name] = _coerce(f.type, overrides[f.name], f.name)
                continue
            env = os.environ.get("RAG_" + f.name.upper())
            if env not in (None, ""):
                values[f.name] = _coerce(f.type, env, "RAG_" + f.name.upper())
        if "llm_api_key" not in values and os.environ.get("OPENAI_API_KEY"):
            values["llm_api_key"] = os.environ["OPENAI_API_KEY"]
        s = cls(**values)
        if s.index_dir is None:
            s = replace(s, index_dir=_default_index_dir())
        return s

    @property
    def index_path(self) -> Path:
        return Path(self.index_dir) / self.index

    def redacted(self) -> dict:
        """Settings as a dict with secrets masked, safe for logs and the UI."""
        out = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if "key" in f.name or f.name == "ui_auth":
                v = "***" if v else None
            out[f.name] = str(v) if isinstance(v, Path) else v
        return out


def _coerce(typ, value, name: str):
    t = str(typ)
    try:
        if "Path" in t:
            return Path(value)
        if t.startswith("int"):
            return int(value)
        if t.startswith("float"):
            return float(value)
    except ValueError:
        raise ValueError(f"setting {name}: expected {t.split(' ')[0]}, got {value!r}") from None
    return value
