"""Ingest files and folders into cleaned documents and chunks, reporting what was skipped."""
from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from rag.ingest import chunker, instructions, loaders, profile, repair, structure
from rag.ingest.listing import Skipped, list_files
from rag.limits import FileLimits, check_job_size
from rag.types import Chunk, Document, Paragraph

log = logging.getLogger(__name__)

METADATA_FILE = "corpus.json"


class IngestError(Exception):
    """Nothing could be ingested from what was given (e.g. a missing path)."""


@dataclass
class DocResult:
    document: Document
    paragraphs: list[Paragraph]
    chunks: list[Chunk]
    undated_entries: int = 0          # chronicle entries with a day lead that got no date
    dropped_boilerplate: int = 0      # paragraphs dropped as shared with other documents
    encoding_confidence: float | None = None     # None for binary formats (.docx, .pdf)
    encoding_warnings: list[str] = field(default_factory=list)
    same_as: str | None = None        # an earlier file of the batch with the same text
    notes: list[str] = field(default_factory=list)   # from the loader: e.g. scanned pages left out
    pages: int | None = None          # pages read (paged formats: PDF); None when unpaged
    ocr_scores: dict[int, float] = field(default_factory=dict)   # page -> OCR confidence

    def counts(self) -> dict:
        content = [p for p in self.paragraphs if structure.is_chunkable(p)]
        return {"doc_id": self.document.doc_id, "title": self.document.title,
                "path": self.document.path, "encoding": self.document.encoding,
                "encoding_confidence": self.encoding_confidence,
                "encoding_warnings": list(self.encoding_warnings), "same_as": self.same_as,
                "paragraphs": len(content), "chunks": len(self.chunks),
                "dated": sum(1 for p in content if p.date),
                "sections": len({" > ".join(p.section) for p in content}),
                "undated_entries": self.undated_entries,
                "tables": sum(1 for p in self.paragraphs if p.table is not None),
                "ocr_pages": len({c.page for c in self.chunks if c.ocr_confidence is not None}),
                "pages": self.pages,
                "ocr_confidence": (round(sum(self.ocr_scores.values()) / len(self.ocr_scores), 3)
                                   if self.ocr_scores else None),
                "dropped_boilerplate": self.dropped_boilerplate}


@dataclass
class IngestResult:
    docs: list[DocResult] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)   # texts dropped as boilerplate, once each
    sidecars: list[str] = field(default_factory=list)      # corpus.json files read for metadata
    seconds: float = 0.0              # reading, cleaning and chunking (the ingest report's rates)

    @property
    def chunks(self) -> list[Chunk]:
        return [c for d in self.docs for c in d.chunks]


def ingest_paths(paths, chunk_tokens: int = 400, max_file_mb: float = 20.0,
                 overrides: dict | None = None, limits: FileLimits | None = None) -> IngestResult:
    """Load every supported file under `paths`; every file not loaded is listed in
    `skipped` with a reason. `limits` (default: the settings' defaults with `max_file_mb`)
    bound each file and the whole call; a call over the job limit raises LimitError before
    any file is read."""
    limits = limits or FileLimits(max_bytes=int(max_file_mb * 2**20))
    t0 = time.perf_counter()
    result = IngestResult()
    listing = list_files(paths, METADATA_FILE)
    result.skipped.extend(listing.skipped)
    result.sidecars = [str(p) for p in listing.sidecars]
    check_job_size(listing.files, limits.max_job_bytes)
    seen_ids: dict[str, str] = {}
    seen_text: dict[str, str] = {}
    for f in listing.files:
        try:
            doc = ingest_file(f, chunk_tokens, limits.max_bytes, overrides, limits=limits)
        except loaders.LoadError as e:
            result.skipped.append(Skipped(str(f), str(e), getattr(e, "kind", "unreadable")))
            continue
        except OSError as e:
            log.info("cannot read %s: %r", f, e)
            result.skipped.append(Skipped(str(f), f"cannot read: {(e.strerror or 'error').lower()}",
                                          "unreadable"))
            continue
        except Exception:      # a bug on one file must not sink the batch, nor reach the user raw
            log.exception("ingest failed on %s", f)
            result.skipped.append(Skipped(str(f), "could not be processed (an internal error; "
                                                  "the server log has the details)", "error"))
            continue
        if doc.document.doc_id in seen_ids:
            result.skipped.append(Skipped(str(f), f"duplicate doc_id '{doc.document.doc_id}' "
                                                  f"(also {Path(seen_ids[doc.document.doc_id]).name})",
                                          "duplicate"))
            continue
        seen_ids[doc.document.doc_id] = str(f)
        # Copies are kept (each is its own record) but reported, so an accidental one is seen.
        doc.same_as = seen_text.setdefault(doc.document.sha256, str(f))
        if doc.same_as == str(f):
            doc.same_as = None
        result.docs.append(doc)
    _drop_boilerplate(result)
    result.seconds = time.perf_counter() - t0
    return result


def ingest_file(path: Path, chunk_tokens: int = 400, max_bytes: int = 20 * 2**20,
                overrides: dict | None = None, limits: FileLimits | None = None) -> DocResult:
    """One file -> cleaned document, paragraphs and chunks. `overrides` are profile fields the
    user gave (CLI flags, upload form): they win over the sidecar file and inference."""
    meta = _metadata_for(path)
    loaded = loaders.load(path, max_bytes, limits)
    lines, pages = repair.repair_pages(loaded.text)
    if not lines:
        raise loaders.LoadError("no text after cleaning")
    doc_id = meta.get("doc_id") or slug(path)
    title = meta.get("title") or loaded.title or _first_heading(lines) or _title_from_name(path)
    parsed, prof = _parse_with_profile(path, lines, doc_id, title, meta, overrides,
                                       pages=pages, tables=loaded.tables)
    title = prof.title
    document = Document(doc_id=doc_id, title=title, path=str(path), text=parsed.text,
                        sha256=hashlib.sha256(parsed.text.encode()).hexdigest(),
                        place=prof.place, year=prof.year, kind=prof.kind,
                        encoding=loaded.encoding, profile=prof.to_dict())
    chunks = [c for p in parsed.paragraphs if structure.is_chunkable(p)
              for c in chunker.chunk_paragraph(p, title, chunk_tokens)]
    if not chunks:
        raise loaders.LoadError("no paragraphs with text")
    for c in chunks:           # text read by OCR keeps how sure the recogniser was
        c.ocr_confidence = loaded.ocr.get(c.page) if loaded.ocr else None
    profile.annotate_chunks(chunks, prof)
    instructions.annotate(document, chunks)     # instruction-like sentences: data, never answers
    return DocResult(document, parsed.paragraphs, chunks,
                     undated_entries=len(parsed.undated_entries),
                     encoding_confidence=loaded.confidence,
                     encoding_warnings=list(loaded.warnings), notes=list(loaded.notes),
                     pages=max((pg for line in pages for _, pg in line), default=None),
                     ocr_scores=dict(loaded.ocr or {}))


def _parse_with_profile(path: Path, lines, doc_id: str, title: str, meta: dict, overrides,
                        **where):
    """Infer the document's profile, parse its structure with the years the profile gives
    (a yearbook's chronicle is of the year before its edition), then refine the profile with
    what parsing found (entry dates)."""
    try:            # a bad kind, year or period in the sidecar or the flags names its field
        given = profile.check_given({k: meta.get(k) for k in profile.FIELDS})
        if meta.get("chronicle_year") and not given.get("period"):
            given["period"] = profile.parse_period(meta["chronicle_year"])
        user = profile.check_given(overrides or {})
    except ValueError as e:
        raise loaders.LoadError(f"document profile: {e}") from None
    if user:
        given.update(user, _source="given")
    prof = profile.infer(title=title, file_name=path.name, lines=lines, given=given)
    cyear = prof.period[0] if prof.period else prof.year
    parsed = structure.parse(lines, doc_id, year=prof.year, chronicle_year=cyear,
                             chronicle=prof.kind == "大事记", **where)
    prof = profile.infer(title=title, file_name=path.name, lines=lines,
                         paragraphs=parsed.paragraphs, given=given)
    if (prof.period[0] if prof.period else prof.year) != cyear:
        cyear = prof.period[0] if prof.period else prof.year
        parsed = structure.parse(lines, doc_id, year=prof.year, chronicle_year=cyear,
                                 chronicle=prof.kind == "大事记", **where)
    return parsed, prof


def _title_from_name(path: Path) -> str:
    """A file name that reads as a title ("2015年国务院政府工作报告.txt") is one."""
    return path.stem


# A document whose content would be mostly "boilerplate" is a copy or a template of the
# others (or a test fixture), not a carrier of it: it keeps its text.
_MAX_BOILERPLATE_SHARE = 0.5


# Share of a document's paragraphs (at least 3) at its start and at its end where text
# repeated across documents is taken for boilerplate.
EDGE_SHARE = 0.15


def _drop_boilerplate(result: IngestResult) -> None:
    """Drop paragraphs found verbatim in 3+ documents of the batch (licence footers, site
    headers), then renumber paragraphs, offsets and chunk ids so they stay consistent.
    Headings, bylines and table rows are structure, repeated legitimately."""
    def candidate(p: Paragraph) -> bool:
        return (not p.heading and p.table is None and not p.text.startswith("|")
                and not repair.is_byline(p.text, False))

    distinct = {d.document.sha256: d for d in result.docs}.values()   # exact copies count once
    keys = repair.find_boilerplate([[p.text for p in d.paragraphs if candidate(p)] for d in distinct])
    if not keys:
        return
    dropped: dict[str, str] = {}
    for d in list(result.docs):
        n = len(d.paragraphs)
        edge = max(3, int(n * EDGE_SHARE + 0.5))
        # only at a document's edges, where headers, footers and licences sit: a sentence a
        # report repeats every year in its body ("一年来，我们主要做了以下工作：") is content
        drop = {p.index: p.text for p in d.paragraphs
                if candidate(p) and repair.boilerplate_key(p.text) in keys
                and (p.index < edge or p.index >= n - edge)}
        content = sum(len(p.text) for p in d.paragraphs if structure.is_chunkable(p))
        if not drop or sum(map(len, drop.values())) > _MAX_BOILERPLATE_SHARE * content:
            continue
        for text in drop.values():
            dropped.setdefault(repair.boilerplate_key(text), text)
        _remove_paragraphs(d, set(drop))
        if not d.chunks:
            result.docs.remove(d)
            result.skipped.append(Skipped(d.document.path,
                                          "only boilerplate shared with other documents", "empty"))
    result.boilerplate = list(dropped.values())


def _remove_paragraphs(d: DocResult, drop: set[int]) -> None:
    kept = [p for p in d.paragraphs if p.index not in drop]
    new_index: dict[int, int] = {}
    shift: dict[int, int] = {}
    paragraphs, pos = [], 0
    for n, p in enumerate(kept):
        new_index[p.index], shift[p.index] = n, pos - p.start
        paragraphs.append(dataclasses.replace(p, index=n, start=pos, end=pos + len(p.text)))
        pos += len(p.text) + 1                      # the "\n" between paragraphs
    chunks = []
    for c in d.chunks:
        if c.para in drop:
            continue
        n, delta = new_index[c.para], shift[c.para]
        part = c.id.rsplit(":p", 1)[1].partition(".")[2]           # "<doc>:p0012.3" -> "3"
        chunks.append(dataclasses.replace(
            c, id=f"{c.doc_id}:p{n:04d}" + (f".{part}" if part else ""), para=n,
            start=c.start + delta, end=c.end + delta))
    text = "\n".join(p.text for p in paragraphs)
    d.document = dataclasses.replace(d.document, text=text,
                                     sha256=hashlib.sha256(text.encode()).hexdigest())
    d.paragraphs, d.chunks = paragraphs, chunks
    d.dropped_boilerplate += len(drop)


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
    except json.JSONDecodeError as e:
        raise loaders.LoadError(f"{METADATA_FILE} beside it is invalid metadata (not JSON: "
                                f"line {e.lineno}, column {e.colno})") from None
    except (ValueError, OSError) as e:
        log.info("cannot read %s: %r", meta_file, e)
        raise loaders.LoadError(f"{METADATA_FILE} beside it is invalid metadata (unreadable)") from None
    if not isinstance(data, dict):
        raise loaders.LoadError(f"{METADATA_FILE} beside it is invalid metadata (not a JSON object)")
    docs = data.get("documents") or {}
    entry = docs.get(path.name) if isinstance(docs, dict) else None
    if not isinstance(docs, dict) or not isinstance(entry, (dict, type(None))):
        raise loaders.LoadError(f"{METADATA_FILE} beside it is invalid metadata (\"documents\" "
                                "must map file names to objects)")
    return entry or {}


def _first_heading(lines: list[str]) -> str | None:
    """A top heading that reads as the document's title, not its first section ("# 概况")."""
    from rag.ingest.profile import document_rules
    for line in lines[:5]:
        if line.startswith("# "):
            text = structure.strip_marks(line)
            kind = document_rules().document_kind(text)
            # "海淀区年鉴" is a title; "大事记" or "概况" alone is the first section
            return text if (kind and len(text) > 3) or len(text) >= 10 else None
    return None
