"""Evaluation of retrieval, citations and answers for `rag eval`."""
