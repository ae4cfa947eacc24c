"""Fitted weights of the decision to decline (`rag.answer.decline`). Generated: do not edit.

Refit: RAG_INDEX_DIR=.cache/test-index PYTHONPATH=. python eval/fit_decline.py
Fitted on the tune parts of eval/sets/bundled and eval/sets/gov-reports, extractive answers:
1027 questions whose evidence passed the constraint check, 83 of them unanswerable, and
483 answerable ones with their gold passages removed (labelled unanswerable).
Threshold from 5-fold cross-validated probabilities: declines 34 of the 83,
172 of the 483 and 15 of the 978 answerable tune questions
(9 of them answered right without it).
"""
EMBEDDER = 'e5-small-q4'       # the dense features' scale: unknown with any other embedder
INTERCEPT = 0.3080
WEIGHTS: dict[str, float] = {
    'cov_sent': 0.0862,
    'cov_pass': 0.7020,
    'subject_sent': 0.5175,
    'evidence': 0.4070,
    'rank': 0.2645,
    'dense': 0.5600,
    'dense_margin': 0.3960,
    'en': 0.4310,
    'specific': 0.3061,
}
MEANS: dict[str, float] = {
    'cov_sent': 0.4891,
    'cov_pass': 0.7221,
    'subject_sent': 0.5704,
    'evidence': 0.6636,
    'rank': 0.9334,
    'dense': 0.8911,
    'dense_margin': 0.0011,
    'en': 0.4119,
    'specific': 0.5967,
}
SCALES: dict[str, float] = {
    'cov_sent': 0.2542,
    'cov_pass': 0.2295,
    'subject_sent': 0.2998,
    'evidence': 0.2303,
    'rank': 0.1884,
    'dense': 0.0337,
    'dense_margin': 0.0163,
    'en': 0.4922,
    'specific': 0.2907,
}
THRESHOLD = 0.1034       # both languages pooled
THRESHOLDS: dict[str, float] = {
    'zh': 0.1981,
    'en': 0.0338,
}
