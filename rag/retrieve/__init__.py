"""Retrieval: dense + BM25 fusion with date, role and cross-lingual query understanding."""
