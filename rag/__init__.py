"""Cited question answering over Chinese local-government records.

Kept import-light: `import rag` loads nothing heavy; see rag.api for the entry points.
"""
__version__ = "0.1.0"
