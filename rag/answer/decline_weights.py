"""Fitted weights of the decision to decline (`rag.answer.decline`). Generated: do not edit.

Refit: RAG_INDEX_DIR=.cache/test-index PYTHONPATH=. python eval/fit_decline.py
Fitted on the tune parts of eval/sets/bundled and eval/sets/gov-reports, extractive answers:
815 questions whose evidence passed the constraint check, 75 of them unanswerable, and
376 answerable ones with their gold passages removed (labelled unanswerable).
Threshold from 5-fold cross-validated probabilities: declines 29 of the 75,
123 of the 376 and 10 of the 764 answerable tune questions
(7 of them answered right without it).
"""
EMBEDDER = 'e5-small-q4'       # the dense features' scale: unknown with any other embedder
INTERCEPT = 0.2560
WEIGHTS: dict[str, float] = {
    'cov_sent': 0.1006,
    'cov_pass': 0.8676,
    'subject_sent': 0.4371,
    'evidence': 0.2373,
    'rank': 0.2040,
    'dense': 0.3734,
    'dense_margin': 0.4677,
    'en': 0.2030,
    'specific': 0.3005,
}
MEANS: dict[str, float] = {
    'cov_sent': 0.4998,
    'cov_pass': 0.7287,
    'subject_sent': 0.5926,
    'evidence': 0.6783,
    'rank': 0.9388,
    'dense': 0.8908,
    'dense_margin': 0.0005,
    'en': 0.3938,
    'specific': 0.6031,
}
SCALES: dict[str, float] = {
    'cov_sent': 0.2535,
    'cov_pass': 0.2263,
    'subject_sent': 0.3037,
    'evidence': 0.2227,
    'rank': 0.1818,
    'dense': 0.0329,
    'dense_margin': 0.0167,
    'en': 0.4886,
    'specific': 0.2937,
}
THRESHOLD = 0.0892
