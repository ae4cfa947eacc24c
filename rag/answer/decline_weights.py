"""Fitted weights of the decision to decline (`rag.answer.decline`). Generated: do not edit.

Refit: RAG_INDEX_DIR=.cache/test-index PYTHONPATH=. python eval/fit_decline.py
Fitted on the tune parts of eval/sets/bundled and eval/sets/gov-reports, extractive answers:
244 questions whose evidence passed the constraint check, 11 of them unanswerable, and
130 answerable ones with their gold passages removed (labelled unanswerable).
Threshold from 5-fold cross-validated probabilities: declines 3 of the 11,
58 of the 130 and 2 of the 236 answerable tune questions.
"""
EMBEDDER = 'e5-small-q4'       # the dense features' scale: unknown with any other embedder
INTERCEPT = 0.3577
WEIGHTS: dict[str, float] = {
    'cov_sent': 0.4843,
    'cov_pass': 0.4584,
    'subject_sent': 0.3707,
    'evidence': 0.2216,
    'rank': 0.2408,
    'dense': 0.2141,
    'dense_margin': 0.7478,
    'novelty': -0.7847,
    'en': 0.3892,
}
MEANS: dict[str, float] = {
    'cov_sent': 0.4600,
    'cov_pass': 0.7790,
    'subject_sent': 0.6394,
    'evidence': 0.7386,
    'rank': 0.9476,
    'dense': 0.8904,
    'dense_margin': -0.0009,
    'novelty': 0.8267,
    'en': 0.3583,
}
SCALES: dict[str, float] = {
    'cov_sent': 0.2133,
    'cov_pass': 0.1754,
    'subject_sent': 0.3078,
    'evidence': 0.1634,
    'rank': 0.1692,
    'dense': 0.0310,
    'dense_margin': 0.0164,
    'novelty': 0.1979,
    'en': 0.4795,
}
THRESHOLD = 0.1184
