"""Fitted weights of the decision to decline (`rag.answer.decline`). Generated: do not edit.

Refit: RAG_INDEX_DIR=.cache/test-index PYTHONPATH=. python eval/fit_decline.py
Fitted on the tune parts of eval/sets/bundled and eval/sets/gov-reports, extractive answers:
955 questions whose evidence passed the constraint check, 82 of them unanswerable, and
439 answerable ones with their gold passages removed (labelled unanswerable).
Threshold from 5-fold cross-validated probabilities: declines 30 of the 82,
133 of the 439 and 13 of the 904 answerable tune questions
(8 of them answered right without it).
"""
EMBEDDER = 'e5-small-q4'       # the dense features' scale: unknown with any other embedder
INTERCEPT = 0.2963
WEIGHTS: dict[str, float] = {
    'cov_sent': 0.0295,
    'cov_pass': 0.8047,
    'subject_sent': 0.4550,
    'evidence': 0.3449,
    'rank': 0.1852,
    'dense': 0.4576,
    'dense_margin': 0.4491,
    'en': 0.3208,
    'specific': 0.3419,
}
MEANS: dict[str, float] = {
    'cov_sent': 0.4943,
    'cov_pass': 0.7247,
    'subject_sent': 0.5791,
    'evidence': 0.6690,
    'rank': 0.9431,
    'dense': 0.8908,
    'dense_margin': 0.0012,
    'en': 0.4118,
    'specific': 0.5980,
}
SCALES: dict[str, float] = {
    'cov_sent': 0.2534,
    'cov_pass': 0.2294,
    'subject_sent': 0.3006,
    'evidence': 0.2292,
    'rank': 0.1769,
    'dense': 0.0336,
    'dense_margin': 0.0163,
    'en': 0.4922,
    'specific': 0.2919,
}
THRESHOLD = 0.0984       # both languages pooled
THRESHOLDS: dict[str, float] = {
    'zh': 0.1455,
    'en': 0.0372,
}
