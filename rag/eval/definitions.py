"""One-line meanings of the metrics `rag eval` reports, keyed by the report's row labels.

The HTML and Markdown reports print them under the table, the UI shows them beside the
figures, and docs/metrics.md gives the full definitions (a test keeps the three in step).
"""
from __future__ import annotations

MEANINGS: dict[str, str] = {
    "hit@1": "share of answerable questions with a gold quote inside the top passage, exactly as retrieved",
    "hit@3": "the same within the top 3 passages",
    "hit@5": "the same within the top 5 passages (the headline retrieval figure, strict)",
    "hit@10": "the same within the top 10 passages",
    "hit@5 lenient": "hit@5 after normalising both sides (full/half width, case, spaces, line breaks, '*')",
    "MRR@10": "mean of 1/rank of the first passage containing a gold quote (0 when none in the top 10)",
    "nDCG@10": "binary nDCG over the top 10, one relevant item per gold quote, capped at 1",
    "quote recall@5": "share of a question's gold quotes found in the top 5, averaged over questions",
    "all quotes@5": "share of questions with every gold quote in the top 5 (multi-hop)",
    "top-1 from another year's document": "share of year-naming questions whose top passage comes from a document about other years",
    "citation precision": "share of cited passages that contain a gold quote",
    "citation recall": "share of gold quotes contained in some cited passage",
    "faithfulness": "share of answer sentences lexically supported by a passage they cite",
    "keyword recall": "share of gold answer keywords present in the answer (pinyin, English dates and numbers count)",
    "first citation from another year's document": "share of year-naming questions whose first citation comes from a document about other years",
    "abstention precision": "of the questions the system declined, the share that were really unanswerable",
    "abstention recall": "of the unanswerable questions, the share the system declined",
    "abstention accuracy": "share of questions where declining or answering was the right decision",
    "latency retrieve p50 (ms)": "median time to retrieve the top 10 passages",
    "latency retrieve p95 (ms)": "95th percentile of the retrieval time",
    "latency answer p50 (ms)": "median time of the answer chain, its own retrieval excluded",
    "latency answer p95 (ms)": "95th percentile of the answer time",
    "latency total p50 (ms)": "median of retrieval plus answer time",
    "latency total p95 (ms)": "95th percentile of retrieval plus answer time",
    "questions": "questions in the set (unanswerable ones have no retrieval or citation scores)",
}


def meaning(label: str) -> str:
    """The one-line meaning of a report row label ("" for an unknown label)."""
    return MEANINGS.get(label, "")
