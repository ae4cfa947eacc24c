"""Fitted weights of the decision to decline (`rag.answer.decline`). Generated: do not edit.

Refit: RAG_INDEX_DIR=.cache/test-index PYTHONPATH=. python eval/fit_decline.py
Fitted on the tune parts of eval/sets/bundled and eval/sets/gov-reports, extractive answers:
569 questions whose evidence passed the constraint check, 62 of them unanswerable, and
267 answerable ones with their gold passages removed (labelled unanswerable).
Threshold from 5-fold cross-validated probabilities: declines 22 of the 62,
87 of the 267 and 8 of the 526 answerable tune questions
(5 of them answered right without it).
"""
EMBEDDER = 'e5-small-q4'       # the dense features' scale: unknown with any other embedder
INTERCEPT = 0.2215
WEIGHTS: dict[str, float] = {
    'cov_sent': 0.1377,
    'cov_pass': 0.8217,
    'subject_sent': 0.4145,
    'evidence': 0.1610,
    'rank': 0.1875,
    'dense': 0.2418,
    'dense_margin': 0.5817,
    'en': 0.0702,
    'specific': 0.3775,
}
MEANS: dict[str, float] = {
    'cov_sent': 0.5026,
    'cov_pass': 0.7388,
    'subject_sent': 0.6050,
    'evidence': 0.6924,
    'rank': 0.9343,
    'dense': 0.8900,
    'dense_margin': -0.0003,
    'en': 0.3911,
    'specific': 0.6013,
}
SCALES: dict[str, float] = {
    'cov_sent': 0.2521,
    'cov_pass': 0.2157,
    'subject_sent': 0.3055,
    'evidence': 0.2127,
    'rank': 0.1876,
    'dense': 0.0324,
    'dense_margin': 0.0168,
    'en': 0.4880,
    'specific': 0.2941,
}
THRESHOLD = 0.0945
