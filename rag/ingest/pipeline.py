"""Ingest files and folders into cleaned documents and chunks, reporting what was skipped."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from rag.ingest import chunker, loaders, repair, structure
from rag.types import Chunk, Document, Paragraph

METADATA_FILE = "corpus.json"


class IngestError(Exception):
    """Nothing could be ingested from what was given (e.g. a missing path)."""


@dataclass
class Skipped:
    path: str
    reason: str


@dataclass
class DocResult:
    document: Document
    paragraphs: list[Paragraph]
    chunks: list[Chunk]

    def counts(self) -> dict:
        content = [p for p in self.paragraphs if structure.is_chunkable(p)]
        return {"doc_id": self.document.doc_id, "title": self.document.title,
                "path": self.document.path, "encoding": self.document.encoding,
                "paragraphs": len(content), "chunks": len(self.chunks),
                "dated": sum(1 for p in content if p.date),
                "sections": len({" > ".join(p.section) for p in content})}


@dataclass
class IngestResult:
    docs: list[DocResult] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def chunks(self) -> list[Chunk]:
        return [c for d in self.docs for c in d.chunks]


def ingest_paths(paths, chunk_tokens: int = 400, max_file_mb: float = 20.0) -> IngestResult:
    """Load every supported file under `paths`; bad files are skipped with a reason."""
    result = IngestResult()
    files: list[Path] = []
    for p in map(Path, paths):
        if not p.exists():
            result.skipped.append(Skipped(str(p), "no such file or directory"))
        elif p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file()
                                and f.name != METADATA_FILE and not f.name.startswith(".")
                                and not f.name.lower().startswith("readme")))
        else:
            files.append(p)
    seen_ids: set[str] = set()
    for f in files:
        try:
            doc = ingest_file(f, chunk_tokens, int(max_file_mb * 2**20))
        except loaders.LoadError as e:
            result.skipped.append(Skipped(str(f), str(e)))
            continue
        except OSError as e:
            result.skipped.append(Skipped(str(f), f"cannot read: {e.strerror or e}"))
            continue
        if doc.document.doc_id in seen_ids:
            result.skipped.append(Skipped(str(f), f"duplicate doc_id '{doc.document.doc_id}'"))
            continue
        seen_ids.add(doc.document.doc_id)
        result.docs.append(doc)
    return result


def ingest_file(path: Path, chunk_tokens: int = 400, max_bytes: int = 20 * 2**20) -> DocResult:
    meta = _metadata_for(path)
    loaded = loaders.load(path, max_bytes)
    lines = repair.repair_lines(loaded.text)
    if not lines:
        raise loaders.LoadError("no text after cleaning")
    doc_id = meta.get("doc_id") or slug(path)
    title = meta.get("title") or loaded.title or _first_heading(lines) or path.stem
    year = meta.get("year") or _guess_year(title)
    parsed = structure.parse(lines, doc_id, year=year, chronicle_year=meta.get("chronicle_year"),
                             chronicle=meta.get("kind") == "chronicle" or "大事记" in title)
    document = Document(doc_id=doc_id, title=title, path=str(path), text=parsed.text,
                        sha256=hashlib.sha256(parsed.text.encode()).hexdigest(),
                        place=meta.get("place"), year=year, kind=meta.get("kind"),
                        encoding=loaded.encoding)
    chunks = [c for p in parsed.paragraphs if structure.is_chunkable(p)
              for c in chunker.chunk_paragraph(p, title, chunk_tokens)]
    if not chunks:
        raise loaders.LoadError("no paragraphs with text")
    return DocResult(document, parsed.paragraphs, chunks)


def slug(path: Path) -> str:
    """A doc id from the file name: stable, readable, safe in chunk ids."""
    s = re.sub(r"[^\w\u4e00-\u9fff-]+", "-", path.stem.lower()).strip("-")
    return s or hashlib.sha1(path.name.encode()).hexdigest()[:10]


def _metadata_for(path: Path) -> dict:
    meta_file = path.parent / METADATA_FILE
    if not meta_file.exists():
        return {}
    try:
        data = json.loads(meta_file.read_text(encoding="utf-8"))
    except (ValueError, OSError) as e:
        raise loaders.LoadError(f"{meta_file}: invalid metadata ({e})") from None
    return (data.get("documents") or {}).get(path.name, {})


def _first_heading(lines: list[str]) -> str | None:
    for line in lines[:5]:
        if line.startswith("# "):
            return structure.strip_marks(line)
    return None


def _guess_year(title: str) -> int | None:
    m = re.search(r"((?:19|20)\d{2})", title)
    return int(m.group(1)) if m else None
