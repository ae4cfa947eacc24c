"""Fitted weights of the decision to decline (`rag.answer.decline`). Generated: do not edit.

Refit: RAG_INDEX_DIR=.cache/test-index PYTHONPATH=. python eval/fit_decline.py
Fitted on the tune parts of eval/sets/bundled and eval/sets/gov-reports, extractive answers:
538 questions whose evidence passed the constraint check, 54 of them unanswerable, and
260 answerable ones with their gold passages removed (labelled unanswerable).
Threshold from 5-fold cross-validated probabilities: declines 22 of the 54,
83 of the 260 and 8 of the 500 answerable tune questions
(5 of them answered right without it).
"""
EMBEDDER = 'e5-small-q4'       # the dense features' scale: unknown with any other embedder
INTERCEPT = 0.2294
WEIGHTS: dict[str, float] = {
    'cov_sent': 0.1362,
    'cov_pass': 0.7774,
    'subject_sent': 0.3920,
    'evidence': 0.2183,
    'rank': 0.1695,
    'dense': 0.1915,
    'dense_margin': 0.5872,
    'en': 0.0837,
    'specific': 0.4312,
}
MEANS: dict[str, float] = {
    'cov_sent': 0.5098,
    'cov_pass': 0.7369,
    'subject_sent': 0.6062,
    'evidence': 0.6895,
    'rank': 0.9299,
    'dense': 0.8903,
    'dense_margin': -0.0004,
    'en': 0.3860,
    'specific': 0.6134,
}
SCALES: dict[str, float] = {
    'cov_sent': 0.2499,
    'cov_pass': 0.2177,
    'subject_sent': 0.3023,
    'evidence': 0.2120,
    'rank': 0.1926,
    'dense': 0.0323,
    'dense_margin': 0.0170,
    'en': 0.4868,
    'specific': 0.2925,
}
THRESHOLD = 0.0933
