"""Milvus as the vector store: a server (milvus://host:port/collection) or Milvus Lite (a .db file).

Only dense vectors and the scalar fields filters need live here; BM25 stays the project's own
(jieba tokens in the index folder), since Milvus Lite has no Chinese full-text analyzer.
"""
from __future__ import annotations

import functools
import logging
import re

import numpy as np

from rag.index.vectors import StoreError, VectorHit, VectorStore, Where, parse_spec, row_fields

CONNECT_TIMEOUT = 5.0       # seconds; an unreachable server fails within this, not after minutes
MAX_LIMIT = 16384           # Milvus's ceiling on a search's topk and a query's page
BATCH = 512                 # rows per insert


@functools.lru_cache(maxsize=None)
def _client(uri: str):
    """One client per server or .db file per process (Milvus Lite serves a file to one client)."""
    from pymilvus import MilvusClient
    return MilvusClient(uri=uri, timeout=CONNECT_TIMEOUT)


class MilvusStore(VectorStore):
    in_snapshot = False

    def __init__(self, spec: str, collection: str):
        kind, target = parse_spec(spec)
        self.spec = spec
        self.lite = kind == "milvus-lite"
        if self.lite:
            from pathlib import Path
            self.uri = str(Path(target).resolve())
            Path(self.uri).parent.mkdir(parents=True, exist_ok=True)
            self.collection = _name(collection)
        else:
            from urllib.parse import urlsplit
            u = urlsplit(target)
            self.uri = f"http://{u.hostname}:{u.port}"
            self.collection = _name(u.path.strip("/"))
        try:
            self.client = _client(self.uri)
        except Exception as e:
            what = ("check the file's folder is writable and no other process holds it"
                    if self.lite else "check that the server is running and the host and port are right")
            raise StoreError(f"cannot open Milvus at {spec} (RAG_STORE): {_short(e)}; {what}") from None
        self._ready = False         # the collection exists and is loaded (checked once: ~7 ms a call)

    # --- schema ----------------------------------------------------------------------------
    def _ensure(self, dim: int) -> None:
        if self._exists():
            return
        from pymilvus import DataType
        s = self.client.create_schema(auto_id=False, enable_dynamic_field=False)
        s.add_field("id", DataType.VARCHAR, is_primary=True, max_length=512)
        s.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
        for f in ("doc_id", "place", "kind"):
            s.add_field(f, DataType.VARCHAR, max_length=512)
        s.add_field("hash", DataType.VARCHAR, max_length=128)
        s.add_field("date", DataType.VARCHAR, max_length=10)
        s.add_field("year", DataType.INT64)
        ip = self.client.prepare_index_params()
        # exact search on Lite (its only index); HNSW-like AUTOINDEX on a server
        ip.add_index("vector", index_type="FLAT" if self.lite else "AUTOINDEX", metric_type="IP")
        self.client.create_collection(self.collection, schema=s, index_params=ip)
        self._ready = True

    def _exists(self) -> bool:
        """Whether the collection exists; loads it the first time (a collection another process
        wrote is 'released' until loaded, and cannot be searched)."""
        if not self._ready and self.client.has_collection(self.collection):
            self.client.load_collection(self.collection)
            self._ready = True
        return self._ready

    # --- interface -------------------------------------------------------------------------
    def add(self, chunks, vectors, docs):
        if not chunks:
            return
        vectors = np.asarray(vectors, np.float32)
        self._ensure(vectors.shape[1])
        rows = [{**row_fields(c, docs.get(c.doc_id)), "vector": v.tolist()}
                for c, v in zip(chunks, vectors)]
        for i in range(0, len(rows), BATCH):
            self.client.upsert(self.collection, rows[i:i + BATCH])

    def delete(self, ids):
        ids = list(ids)
        if ids and self._exists():
            for i in range(0, len(ids), BATCH):
                self.client.delete(self.collection, ids=ids[i:i + BATCH])

    def delete_docs(self, doc_ids):
        doc_ids = list(doc_ids)
        if doc_ids and self._exists():
            self.client.delete(self.collection, filter=f"doc_id in {_list(doc_ids)}")

    def search(self, q, k, where=None):
        if not self._exists() or k <= 0:
            return []
        res = self.client.search(self.collection, [np.asarray(q, np.float32).tolist()],
                                 limit=min(k, MAX_LIMIT), filter=_expr(where),
                                 search_params={"metric_type": "IP"}, output_fields=["id"])
        return [VectorHit(h["id"], float(h["distance"])) for h in res[0]]

    def count(self):
        if not self._exists():
            return 0
        return len(self.hashes())

    def hashes(self):
        if not self._exists():
            return {}
        out = {}
        # Milvus Lite returns no MVCC timestamp and the iterator warns on every call that it
        # uses the client's clock instead, which is right for a single-writer index
        quiet = logging.getLogger("pymilvus.client.iterator.query_iterator")
        level = quiet.level
        quiet.setLevel(logging.ERROR)
        try:
            it = self.client.query_iterator(self.collection, batch_size=MAX_LIMIT // 4, filter="",
                                            output_fields=["id", "hash"])
        finally:
            quiet.setLevel(level)
        while True:
            page = it.next()
            if not page:
                it.close()
                return out
            out.update((r["id"], r["hash"]) for r in page)

    def vectors(self, ids):
        ids = list(ids)
        out = {}
        if not ids or not self._exists():
            return out
        for i in range(0, len(ids), BATCH):
            for r in self.client.get(self.collection, ids=ids[i:i + BATCH],
                                     output_fields=["id", "vector"]):
                out[r["id"]] = np.asarray(r["vector"], np.float32)
        return out

    def drop(self) -> None:
        if self._exists():
            self.client.drop_collection(self.collection)
            self._ready = False


def _name(s: str) -> str:
    """Milvus collection names: letters, digits and underscores, not starting with a digit."""
    n = re.sub(r"\W", "_", s, flags=re.ASCII)
    return n if n and not n[0].isdigit() else "c_" + n


def _list(xs) -> str:
    import json
    return json.dumps(list(xs), ensure_ascii=False)


def _expr(where: Where | None) -> str:
    if where is None or where.empty():
        return ""
    import json
    parts = []
    if where.docs:
        parts.append(f"doc_id in {_list(where.docs)}")
    if where.date_from:
        parts.append(f'date != "" and date >= {json.dumps(where.date_from)}')
    if where.date_to:
        parts.append(f'date != "" and date <= {json.dumps(where.date_to)}')
    for f in ("place", "kind"):
        if getattr(where, f):
            parts.append(f"{f} == {json.dumps(getattr(where, f), ensure_ascii=False)}")
    if where.year:
        parts.append(f"year == {int(where.year)}")
    return " and ".join(f"({p})" for p in parts)


def _short(e: Exception) -> str:
    msg = str(getattr(e, "message", "") or e)
    return msg.splitlines()[0][:200] if msg else type(e).__name__
