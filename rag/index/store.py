"""An index on disk: versioned snapshots switched atomically through a CURRENT file.

index/<name>/CURRENT names the live snapshot directory (e.g. v000003). A writer builds a
complete new snapshot beside it and only then replaces CURRENT (os.replace is atomic), so a
crash mid-write leaves the previous snapshot loadable and nothing already indexed is lost.
"""
from __future__ import annotations

import contextlib
import fcntl
import functools
import json
import os
import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from rag.index import bm25 as bm25mod
from rag.index.vectors import FaissStore, VectorStore, open_store, parse_spec
from rag.ingest.chunker import CHUNKER_VERSION, count_tokens
from rag.types import Chunk

FORMAT = 1
HNSW_FROM = 20000          # below this many chunks exact search is fast enough (< 5 ms)
# HNSW search depth. 128 gave recall@10 of 0.94 against exact search on 5,000 random unit
# vectors (384-d); 256 gives 0.99 for about 1 ms more per query.
EF_SEARCH = 256


class IndexMismatch(Exception):
    """The index on disk was built with settings that differ from the current ones."""


@dataclass
class UpdateReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    embedded_chunks: int = 0
    reused_chunks: int = 0
    embedded_tokens: int = 0
    seconds: float = 0.0
    embed_seconds: float = 0.0

    def to_dict(self) -> dict:
        d = self.__dict__.copy()
        d["tokens_per_s"] = round(self.embedded_tokens / self.embed_seconds, 1) \
            if self.embed_seconds else None
        return d


def index_text(c: Chunk) -> str:
    """What gets embedded and BM25-indexed: the chunk with its title, section, date, speaker.

    The header lets "who spoke at …" and date questions match paragraphs that never repeat
    the speaker's name or the date in their own text.
    """
    parts = [c.doc_title]
    if c.section:
        parts.append(" > ".join(c.section.split(" > ")[-2:]))
    if c.date:
        y, m, d = c.date.split("-")
        parts.append(f"{int(y)}年{int(m)}月{int(d)}日")
    if c.speaker:
        parts.append(c.speaker)
    return " | ".join(parts) + "\n" + c.text


@dataclass
class LoadedIndex:
    path: Path
    manifest: dict
    chunks: list[Chunk]
    vectors: np.ndarray            # FAISS: the rows of `dense`; a service store: empty
    dense: object                  # a faiss.Index (None when the vectors live in a service)
    bm25: bm25mod.BM25
    docs: dict[str, dict]          # doc_id -> metadata and cleaned text
    store: VectorStore | None = None   # the dense vectors behind the interface (search with filters)

    def by_id(self) -> dict[str, int]:
        return {c.id: i for i, c in enumerate(self.chunks)}

    @functools.cached_property
    def row_of(self) -> dict[str, int]:
        """chunk id -> row, kept (a service store's hits come back by id)."""
        return self.by_id()

    @functools.cached_property
    def paragraph_groups(self) -> dict[tuple[str, int], list[int]]:
        """(doc_id, paragraph) -> row numbers of its parts."""
        from rag.retrieve.paragraphs import paragraph_groups
        return paragraph_groups(self.chunks)


class IndexStore:
    """An index folder (chunks, BM25, manifest) and its dense vectors: in the snapshot (FAISS,
    the default) or in the service `store` names (rag.index.vectors: Milvus, Milvus Lite)."""

    def __init__(self, path: Path, store: str | None = None):
        self.path = Path(path)
        self.store_kind, target = parse_spec(store)           # a malformed spec fails here
        # a Milvus Lite file by its absolute path: the manifest's spec matches from any folder
        self.store_spec = (f"milvus-lite:{Path(target).resolve()}" if self.store_kind == "milvus-lite"
                           else (store or "faiss").strip())
        self._service = None

    @property
    def service(self) -> VectorStore | None:
        """The Milvus store (opened on first use), or None for FAISS."""
        if self._service is None and self.store_kind != "faiss":
            self._service = open_store(self.store_spec, self.path.name)
        return self._service

    # --- reading ---------------------------------------------------------------------------
    def current_dir(self) -> Path | None:
        cur = self.path / "CURRENT"
        if not cur.exists():
            return None
        d = self.path / cur.read_text().strip()
        return d if (d / "manifest.json").exists() else None

    def exists(self) -> bool:
        return self.current_dir() is not None

    def manifest(self) -> dict | None:
        d = self.current_dir()
        return json.loads((d / "manifest.json").read_text()) if d else None

    def check(self, embedder_spec: str, chunk_tokens: int) -> list[str]:
        """Differences between the index on disk and the settings, in words."""
        m = self.manifest()
        if m is None:
            return []
        diffs = []
        if m["embedder"] != embedder_spec:
            diffs.append(f"embedder: index has '{m['embedder']}', settings ask for '{embedder_spec}'")
        if m["chunker"] != CHUNKER_VERSION:
            diffs.append(f"chunker: index has '{m['chunker']}', this version is '{CHUNKER_VERSION}'")
        if m["chunk_tokens"] != chunk_tokens:
            diffs.append(f"chunk_tokens: index has {m['chunk_tokens']}, settings ask for {chunk_tokens}")
        if m.get("format") != FORMAT:
            diffs.append(f"format: index has {m.get('format')}, this version reads {FORMAT}")
        if (m.get("store") or "faiss") != self.store_spec:
            diffs.append(f"store: index has '{m.get('store') or 'faiss'}', settings ask for "
                         f"'{self.store_spec}'")
        return diffs

    def load(self, embedder_spec: str | None = None, chunk_tokens: int | None = None, *,
             verify: bool = True) -> LoadedIndex:
        """The live snapshot; `verify=False` skips the service store's row count (an update
        repairs a store that an interrupted update left behind)."""
        import faiss
        d = self.current_dir()
        if d is None:
            raise FileNotFoundError(f"no index at {self.path} (build it with `rag ingest`)")
        if embedder_spec is not None:
            diffs = self.check(embedder_spec, chunk_tokens if chunk_tokens is not None else
                               self.manifest()["chunk_tokens"])
            if diffs:
                raise IndexMismatch(f"index '{self.path.name}' does not match the settings: "
                                    + "; ".join(diffs) + ". Rebuild it with `rag ingest --rebuild "
                                    f"--index {self.path.name}` or change the settings back.")
        manifest = json.loads((d / "manifest.json").read_text())
        with open(d / "chunks.jsonl", encoding="utf-8") as f:
            chunks = [Chunk.from_dict(json.loads(line)) for line in f]
        service = self.service if (manifest.get("store") or "faiss") != "faiss" else None
        if service is None:
            vectors = np.load(d / "vectors.npy")
            dense = faiss.read_index(str(d / "dense.faiss"))
            if hasattr(dense, "hnsw"):
                dense.hnsw.efSearch = EF_SEARCH
        from scipy import sparse
        vocab = json.loads((d / "bm25_vocab.json").read_text(encoding="utf-8"))
        bm = bm25mod.BM25(vocab, sparse.load_npz(d / "bm25_tf.npz"), np.load(d / "bm25_len.npy"))
        docs = {}
        with open(d / "docs.jsonl", encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                docs[doc["doc_id"]] = doc
        if service is not None:
            stored = service.count() if verify else len(chunks)
            if not (len(chunks) == stored == bm.tf.shape[0]):
                raise IndexMismatch(f"index '{self.path.name}' is inconsistent: {len(chunks)} chunks, "
                                    f"{stored} vectors in {service.spec}; run `rag ingest` to "
                                    "bring the store up to date")
            return LoadedIndex(d, manifest, chunks, np.zeros((0, manifest["dim"]), np.float32),
                               None, bm, docs, service)
        if not (len(chunks) == vectors.shape[0] == dense.ntotal == bm.tf.shape[0]):
            raise IndexMismatch(f"index '{self.path.name}' is inconsistent: {len(chunks)} chunks, "
                                f"{vectors.shape[0]} vectors, {dense.ntotal} in FAISS; rebuild it")
        return LoadedIndex(d, manifest, chunks, vectors, dense, bm, docs,
                           FaissStore.from_chunks(chunks, vectors, docs, dense))

    # --- writing ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def _lock(self):
        self.path.mkdir(parents=True, exist_ok=True)
        with open(self.path / ".lock", "w") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)

    def update(self, doc_results, embedder, chunk_tokens: int, *, remove_ids=(),
               sync_roots=(), rebuild: bool = False, index_type: str = "auto",
               progress=None) -> UpdateReport:
        """Add or replace documents, drop removed ones, embed only chunks not seen before.

        A document previously ingested from under one of `sync_roots` whose file no longer
        exists is removed; one whose file failed to load this time is kept as it was.
        """
        t0 = time.perf_counter()
        report = UpdateReport()
        with self._lock():
            old = None
            if self.exists() and not rebuild:
                diffs = self.check(embedder.spec, chunk_tokens)
                if diffs and all(d.startswith(("chunker:", "format:")) for d in diffs):
                    # Only the chunker changed: the documents given are re-chunked and their
                    # vectors reused by content hash; others keep their chunks until re-ingested.
                    diffs = []
                if diffs:
                    raise IndexMismatch(
                        f"index '{self.path.name}' was built differently: " + "; ".join(diffs)
                        + f". Use `rag ingest --rebuild --index {self.path.name}` to rebuild it.")
                old = self.load(verify=False)
            old_docs = dict(old.docs) if old else {}
            old_chunks: dict[str, list[Chunk]] = {}
            vec_by_hash, tok_by_hash = {}, {}
            service = self.service
            if service is not None and rebuild:
                service.drop()
            if old:
                tokens_old = _read_tokens(old.path)
                for i, c in enumerate(old.chunks):
                    old_chunks.setdefault(c.doc_id, []).append(c)
                    if service is None:
                        vec_by_hash[c.hash] = old.vectors[i]
                    tok_by_hash[c.hash] = tokens_old[i]
            roots = [Path(r).resolve() for r in sync_roots]
            for doc_id, meta in list(old_docs.items()):
                p = Path(meta["path"]).resolve()
                gone = not p.exists() and any(p.is_relative_to(r) for r in roots)
                if doc_id in remove_ids or gone:
                    report.removed.append(doc_id)
                    old_docs.pop(doc_id)
                    old_chunks.pop(doc_id, None)
            docs = dict(old_docs)
            chunks_by_doc = dict(old_chunks)
            refreshed = False
            for r in doc_results:
                d = r.document
                prev = old_docs.get(d.doc_id)
                fingerprint = _chunks_fingerprint(r.chunks)
                if (prev and prev["sha256"] == d.sha256 and prev.get("title") == d.title
                        and prev.get("chunks_sha") == fingerprint):
                    report.unchanged.append(d.doc_id)
                    # Same chunks, but the file moved or its metadata changed: record the new
                    # path, or a later deletion from the new folder would go unnoticed.
                    rec = _doc_record(d, r.chunks)
                    if rec != prev:
                        docs[d.doc_id] = rec
                        refreshed = True
                    continue
                (report.updated if prev else report.added).append(d.doc_id)
                docs[d.doc_id] = _doc_record(d, r.chunks)
                chunks_by_doc[d.doc_id] = r.chunks
            chunks = [c for doc_id in docs for c in chunks_by_doc.get(doc_id, [])]
            if service is not None:
                need, stale = _service_diff(service, chunks, vec_by_hash)
                todo = [c for c in need if c.hash not in vec_by_hash]
            else:
                todo = [c for c in chunks if c.hash not in vec_by_hash]
            report.reused_chunks = len(chunks) - len(todo)
            report.embedded_chunks = len(todo)
            if todo:
                te = time.perf_counter()
                new_vecs, report.embedded_tokens = _embed_with_progress(embedder, todo, progress)
                report.embed_seconds = time.perf_counter() - te
                for c, v in zip(todo, new_vecs):
                    vec_by_hash[c.hash] = v
            dim = embedder.dim or (len(next(iter(vec_by_hash.values()))) if vec_by_hash else 0)
            if service is not None:
                # Milvus first, the snapshot after: until CURRENT switches, readers of the old
                # snapshot find every id they know (stale ids go only once nothing names them).
                service.add(need, np.stack([vec_by_hash[c.hash] for c in need]) if need
                            else np.zeros((0, dim), np.float32), docs)
                vectors = np.zeros((0, dim), np.float32)
            else:
                vectors = (np.stack([vec_by_hash[c.hash] for c in chunks]).astype(np.float32)
                           if chunks else np.zeros((0, dim), np.float32))
            tokens = [tok_by_hash.get(c.hash) or bm25mod.tokenize(index_text(c)) for c in chunks]
            if not (report.added or report.updated or report.removed or refreshed):
                if service is not None:
                    service.delete(stale)
                self._keep_originals(doc_results, report)
                report.seconds = time.perf_counter() - t0
                return report
            self._write(docs, chunks, vectors, tokens, embedder, chunk_tokens, index_type,
                        old.manifest if old else None)
            if service is not None:
                service.delete(stale)
            self._keep_originals(doc_results, report)
        report.seconds = time.perf_counter() - t0
        return report

    def _keep_originals(self, doc_results, report) -> None:
        """Copy new and changed documents' files into originals/, drop removed ones' (after
        the snapshot switch: a crash before it leaves at worst a spare copy). An unchanged
        document gets its copy too when it has none (an index from before originals)."""
        from rag.index import originals
        for doc_id in report.removed:
            originals.drop(self.path, doc_id)
        changed = set(report.added) | set(report.updated)
        for r in doc_results:
            d = r.document
            rec = {"doc_id": d.doc_id, "path": d.path}
            if d.doc_id in changed:
                originals.drop(self.path, d.doc_id)      # its suffix may have changed
            if d.doc_id in changed or originals.path_of(self.path, rec) is None:
                originals.keep(self.path, d.doc_id, Path(d.path))

    def _write(self, docs, chunks, vectors, tokens, embedder, chunk_tokens, index_type, old_manifest):
        version = _next_version(self.path)
        tmp = self.path / f".{version}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        kind = index_type if index_type != "auto" else ("hnsw" if len(chunks) >= HNSW_FROM else "flat")
        dim = vectors.shape[1] if vectors.size else embedder.dim
        if self.store_kind == "faiss":
            FaissStore.from_chunks(chunks, vectors, docs).write(tmp, kind, dim)
        with open(tmp / "chunks.jsonl", "w", encoding="utf-8") as f:
            for c in chunks:
                f.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
        with open(tmp / "docs.jsonl", "w", encoding="utf-8") as f:
            for d in docs.values():
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        with open(tmp / "bm25_tokens.jsonl", "w", encoding="utf-8") as f:
            for t in tokens:
                f.write(json.dumps(t, ensure_ascii=False) + "\n")
        bm = bm25mod.BM25.build(tokens)
        from scipy import sparse
        sparse.save_npz(tmp / "bm25_tf.npz", bm.tf)
        np.save(tmp / "bm25_len.npy", np.array([len(t) for t in tokens], np.float32))
        (tmp / "bm25_vocab.json").write_text(json.dumps(bm.vocab, ensure_ascii=False), encoding="utf-8")
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        manifest = {
            "format": FORMAT, "name": self.path.name, "version": version,
            "embedder": embedder.spec, "dim": int(dim), "normalized": bool(embedder.normalized),
            "chunker": CHUNKER_VERSION, "chunk_tokens": chunk_tokens,
            "faiss": kind if self.store_kind == "faiss" else None,
            "created": (old_manifest or {}).get("created", now), "updated": now,
            "counts": {"documents": len(docs), "chunks": len(chunks)},
            "documents": {k: {kk: v.get(kk) for kk in ("title", "path", "sha256", "chunks", "profile",
                                                       "flagged", "title_flagged")}
                          for k, v in docs.items()},
        }
        if self.store_kind != "faiss":          # FAISS manifests stay as they were (format 1)
            manifest["store"] = self.store_spec
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                           encoding="utf-8")
        _fsync_dir(tmp)
        previous = self.current_dir()
        final = self.path / version
        os.replace(tmp, final)
        cur_tmp = self.path / "CURRENT.tmp"
        cur_tmp.write_text(version)
        os.replace(cur_tmp, self.path / "CURRENT")      # the commit point
        _fsync_dir(self.path)
        # Keep the previous snapshot: a reader that read CURRENT just before the switch may
        # still be loading it. Older ones go.
        keep = {version, previous.name if previous else None}
        for old in self.path.glob("v*"):
            if old.name not in keep and old.is_dir():
                shutil.rmtree(old, ignore_errors=True)


def _service_diff(service: VectorStore, chunks, vec_by_hash: dict):
    """What a service store lacks (chunks to upsert) and holds in excess (ids to delete).

    Compared with the store itself, not the last snapshot, so an interrupted update is repaired
    by the next. A chunk whose text is stored under another id takes that vector (into
    `vec_by_hash`) instead of being embedded again."""
    stored = service.hashes()
    ids = {c.id for c in chunks}
    stale = [i for i in stored if i not in ids]
    need = [c for c in chunks if stored.get(c.id) != c.hash]
    by_hash = {}
    for i, h in stored.items():
        by_hash.setdefault(h, i)
    want = {by_hash[c.hash] for c in need if c.hash in by_hash and c.hash not in vec_by_hash}
    got = service.vectors(want)
    for c in need:
        src = by_hash.get(c.hash)
        if src in got:
            vec_by_hash.setdefault(c.hash, got[src])
    return need, stale


def _chunks_fingerprint(chunks) -> str:
    """Changes when chunk boundaries or metadata change even though the text did not."""
    import hashlib
    # flagged sentences, pages, kinds and OCR scores only when there are any: chunks without
    # them keep their old fingerprint (an index built before they existed is not rewritten)
    return hashlib.sha1("".join(f"{c.id}{c.hash}{c.years}{c.stance}{c.doc_period}{c.doc_place}{c.ref_year}{c.flagged or ''}"
                                f"{_opt(c.page)}{c.kind or ''}{_opt(c.ocr_confidence)}{c.scene or ''}{c.lead_in or ''}"
                                for c in chunks)
                        .encode()).hexdigest()[:16]


def _opt(value) -> str:
    return "" if value is None else f"|{value}"


def _doc_record(d, chunks) -> dict:
    n_chunks = len(chunks)
    return {"doc_id": d.doc_id, "title": d.title, "path": d.path, "sha256": d.sha256,
            "chunks_sha": _chunks_fingerprint(chunks),
            "place": d.place, "year": d.year, "kind": d.kind, "encoding": d.encoding,
            "profile": d.profile, "chunks": n_chunks, "text": d.text,
            # instruction-like sentences (rag.ingest.instructions), shown by `rag status` and the UI
            "flagged": len(d.flagged), "title_flagged": bool(d.title_flagged)}


def _read_tokens(d: Path) -> list[list[str]]:
    with open(d / "bm25_tokens.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _embed_with_progress(embedder, chunks: list[Chunk], progress=None) -> tuple[np.ndarray, int]:
    """The chunks' vectors and the tokens embedded (the embedder's own count where it has
    one). Reports the rate and time left to `progress(done, total, Rate)`, or on a tqdm bar."""
    from tqdm import tqdm

    from rag.ingest.progress import Rate
    texts = [index_text(c) for c in chunks]
    own = getattr(embedder, "token_count", None)
    counts = [n if own and (n := own(t)) is not None else count_tokens(t) for t in texts]
    total_tokens = sum(counts)
    bs = max(1, getattr(embedder, "batch_size", 16))
    out = []
    t0 = time.perf_counter()
    tokens = 0
    with tqdm(total=len(texts), unit="chunk", desc="embedding", leave=False,
              disable=progress is not None) as bar:
        for i in range(0, len(texts), bs):
            batch = texts[i:i + bs]
            out.append(embedder.embed_passages(batch))
            tokens += sum(counts[i:i + bs])
            tps = tokens / max(time.perf_counter() - t0, 1e-9)
            rate = Rate(tps, (total_tokens - tokens) / tps if tps > 0 else None)
            bar.update(len(batch))
            bar.set_postfix_str(str(rate))
            if progress:
                progress(min(i + bs, len(texts)), len(texts), rate)
    vecs = np.concatenate(out) if out else np.zeros((0, embedder.dim), np.float32)
    return vecs, total_tokens


def _next_version(path: Path) -> str:
    nums = [int(p.name[1:]) for p in path.glob("v[0-9]*") if p.name[1:].isdigit()]
    cur = path / "CURRENT"
    if cur.exists() and cur.read_text().strip()[1:].isdigit():
        nums.append(int(cur.read_text().strip()[1:]))
    return f"v{max(nums, default=0) + 1:06d}"


def _fsync_dir(d: Path) -> None:
    for p in [*d.iterdir(), d] if d.is_dir() else [d]:
        try:
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError:
            pass
