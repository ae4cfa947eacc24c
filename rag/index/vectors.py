"""The vector store interface and its registry: FAISS inside the snapshot (default) or Milvus.

A store spec is a short string (RAG_STORE / --store): `faiss`, `milvus://host:19530/collection`
for a Milvus server, `milvus-lite:path/to/file.db` for embedded Milvus Lite. Chunks, BM25 and
the manifest stay in the index folder for every store; only the dense vectors move.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rag.types import Chunk

SPEC_HELP = ("use faiss, milvus://host:19530/collection (a Milvus server) or "
             "milvus-lite:path/to/file.db (embedded Milvus Lite)")


class StoreError(Exception):
    """The vector store cannot be opened: a malformed spec, a missing extra, an unreachable server."""


@dataclass(frozen=True)
class VectorHit:
    id: str                 # chunk id
    score: float            # inner product (cosine for normalised embedders)


@dataclass(frozen=True)
class Where:
    """Filters a dense search honours: documents, an inclusive date range, profile fields."""
    docs: tuple[str, ...] | None = None
    date_from: str | None = None          # YYYY-MM-DD; undated chunks never pass a date bound
    date_to: str | None = None
    place: str | None = None
    kind: str | None = None
    year: int | None = None

    def empty(self) -> bool:
        return not any((self.docs, self.date_from, self.date_to, self.place, self.kind, self.year))


def row_fields(c: Chunk, doc: dict | None) -> dict:
    """The scalar fields stored with a chunk's vector, for filtering."""
    doc = doc or {}
    return {"id": c.id, "doc_id": c.doc_id, "hash": c.hash, "date": c.date or "",
            "place": doc.get("place") or "", "kind": doc.get("kind") or "",
            "year": int(doc.get("year") or 0)}


class VectorStore:
    """Dense vectors of the chunks, searchable with filters. One required method per operation."""
    spec: str = ""
    in_snapshot: bool = False     # True: written into each index snapshot (FAISS); False: a service

    def add(self, chunks: list[Chunk], vectors: np.ndarray, docs: dict[str, dict]) -> None:
        """Insert or replace the vectors of these chunks (by chunk id)."""
        raise NotImplementedError

    def delete_docs(self, doc_ids) -> None:
        raise NotImplementedError

    def delete(self, ids) -> None:
        """Remove chunks by id."""
        raise NotImplementedError

    def search(self, q: np.ndarray, k: int, where: Where | None = None) -> list[VectorHit]:
        raise NotImplementedError

    def count(self) -> int:
        raise NotImplementedError

    def hashes(self) -> dict[str, str]:
        """chunk id -> content hash of every stored vector (what an update compares against)."""
        raise NotImplementedError

    def vectors(self, ids) -> dict[str, np.ndarray]:
        """The stored vectors of these chunk ids (reused when a chunk moves, not re-embedded)."""
        raise NotImplementedError


class FaissStore(VectorStore):
    """The vectors of one snapshot in memory, written as dense.faiss + vectors.npy (format 1)."""
    spec = "faiss"
    in_snapshot = True

    def __init__(self, rows: list[dict] | None = None, vectors: np.ndarray | None = None,
                 dense=None):
        self.rows = list(rows or [])
        self.vecs = vectors if vectors is not None else np.zeros((0, 0), np.float32)
        self.dense = dense            # a faiss.Index over vecs, when loaded from disk

    @classmethod
    def from_chunks(cls, chunks, vectors, docs, dense=None) -> "FaissStore":
        return cls([row_fields(c, docs.get(c.doc_id)) for c in chunks], vectors, dense)

    def add(self, chunks, vectors, docs):
        ids = {c.id for c in chunks}
        self.delete(ids)
        new = [row_fields(c, docs.get(c.doc_id)) for c in chunks]
        vectors = np.asarray(vectors, np.float32)
        self.vecs = vectors if not len(self.rows) else np.concatenate([self.vecs, vectors])
        self.rows += new
        self.dense = None

    def delete(self, ids):
        ids = set(ids)
        keep = [i for i, r in enumerate(self.rows) if r["id"] not in ids]
        if len(keep) != len(self.rows):
            self.rows = [self.rows[i] for i in keep]
            self.vecs = self.vecs[keep]
            self.dense = None

    def delete_docs(self, doc_ids):
        doc_ids = set(doc_ids)
        self.delete([r["id"] for r in self.rows if r["doc_id"] in doc_ids])

    def search(self, q, k, where=None):
        if not self.rows:
            return []
        scores = self.vecs @ np.asarray(q, np.float32)
        mask = _mask(self.rows, where)
        scores = np.where(mask, scores, -np.inf)
        top = np.argsort(-scores, kind="stable")[:k]
        return [VectorHit(self.rows[i]["id"], float(scores[i])) for i in top if mask[i]]

    def count(self):
        return len(self.rows)

    def hashes(self):
        return {r["id"]: r["hash"] for r in self.rows}

    def vectors(self, ids):
        pos = {r["id"]: i for i, r in enumerate(self.rows)}
        return {i: self.vecs[pos[i]] for i in ids if i in pos}

    def write(self, folder: Path, kind: str, dim: int) -> None:
        """dense.faiss (flat or HNSW inner product) and vectors.npy, rows in chunk order."""
        import faiss
        if kind == "hnsw":
            dense = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
            dense.hnsw.efConstruction = 80
        else:
            dense = faiss.IndexFlatIP(dim)
        if len(self.vecs):
            dense.add(self.vecs)
        faiss.write_index(dense, str(folder / "dense.faiss"))
        np.save(folder / "vectors.npy", self.vecs)


def _mask(rows: list[dict], where: Where | None) -> np.ndarray:
    mask = np.ones(len(rows), bool)
    if where is None or where.empty():
        return mask
    for i, r in enumerate(rows):
        mask[i] = ((not where.docs or r["doc_id"] in where.docs)
                   and (not where.date_from or (r["date"] and r["date"] >= where.date_from))
                   and (not where.date_to or (r["date"] and r["date"] <= where.date_to))
                   and (not where.place or r["place"] == where.place)
                   and (not where.kind or r["kind"] == where.kind)
                   and (not where.year or r["year"] == where.year))
    return mask


def parse_spec(spec: str | None, setting: str = "RAG_STORE") -> tuple[str, str]:
    """(kind, target): ("faiss", ""), ("milvus", uri#collection) or ("milvus-lite", path)."""
    s = (spec or "faiss").strip()
    if s == "faiss":
        return "faiss", ""
    if s.startswith("milvus-lite:"):
        path = s[len("milvus-lite:"):]
        if not path or not path.endswith(".db"):
            raise StoreError(f"{setting}={spec!r}: Milvus Lite needs a file ending in .db "
                             f"(milvus-lite:path/to/file.db); {SPEC_HELP}")
        return "milvus-lite", path
    if s.startswith("milvus://"):
        from urllib.parse import urlsplit
        u = urlsplit(s)
        try:
            port = u.port
        except ValueError:
            port = None
        coll = u.path.strip("/")
        if not u.hostname or not port or not coll or "/" in coll:
            raise StoreError(f"{setting}={spec!r}: expected milvus://host:port/collection, e.g. "
                             f"milvus://localhost:19530/rag; {SPEC_HELP}")
        return "milvus", s
    raise StoreError(f"{setting}={spec!r} is not a vector store: {SPEC_HELP}")


def open_store(spec: str | None, collection: str) -> VectorStore | None:
    """The service store a spec names (None for FAISS, which lives in each snapshot)."""
    kind, _ = parse_spec(spec)
    if kind == "faiss":
        return None
    try:
        from rag.index.milvus import MilvusStore
    except ImportError as e:
        raise StoreError(f"RAG_STORE={spec!r} needs pymilvus: pip install 'rag-zh[milvus]' ({e})") from None
    return MilvusStore(spec, collection)
