"""Ingestion: load files, repair extraction damage, recover structure, cut chunks."""
from rag.ingest.pipeline import IngestError, IngestResult, ingest_paths  # noqa: F401
