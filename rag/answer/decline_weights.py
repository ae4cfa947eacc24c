"""Fitted weights of the decision to decline (`rag.answer.decline`). Generated: do not edit.

Refit: RAG_INDEX_DIR=.cache/test-index PYTHONPATH=. python eval/fit_decline.py
Fitted on the tune parts of eval/sets/bundled and eval/sets/gov-reports, extractive answers:
355 questions whose evidence passed the constraint check, 34 of them unanswerable, and
184 answerable ones with their gold passages removed (labelled unanswerable).
Threshold from 5-fold cross-validated probabilities: declines 0 of the 34,
5 of the 184 and 0 of the 326 answerable tune questions.
"""
EMBEDDER = 'e5-small-q4'       # the dense features' scale: unknown with any other embedder
INTERCEPT = 0.1512
WEIGHTS: dict[str, float] = {
    'cov_sent': 0.4733,
    'cov_pass': 0.4260,
    'subject_sent': 0.4769,
    'evidence': 0.1828,
    'rank': 0.3460,
    'dense': 0.0945,
    'dense_margin': 0.6538,
    'en': -0.0497,
}
MEANS: dict[str, float] = {
    'cov_sent': 0.5158,
    'cov_pass': 0.7428,
    'subject_sent': 0.6258,
    'evidence': 0.6988,
    'rank': 0.9362,
    'dense': 0.8865,
    'dense_margin': -0.0009,
    'en': 0.4063,
}
SCALES: dict[str, float] = {
    'cov_sent': 0.2469,
    'cov_pass': 0.2220,
    'subject_sent': 0.3080,
    'evidence': 0.2093,
    'rank': 0.1803,
    'dense': 0.0325,
    'dense_margin': 0.0164,
    'en': 0.4911,
}
THRESHOLD = 0.0106
