"""Fitted weights of the decision to decline (`rag.answer.decline`). Generated: do not edit.

Refit: RAG_INDEX_DIR=.cache/test-index PYTHONPATH=. python eval/fit_decline.py
Fitted on the tune parts of eval/sets/bundled and eval/sets/gov-reports, extractive answers:
244 questions whose evidence passed the constraint check, 11 of them unanswerable, and
130 answerable ones with their gold passages removed (labelled unanswerable).
Threshold from 5-fold cross-validated probabilities: declines 3 of the 11,
59 of the 130 and 2 of the 236 answerable tune questions.
"""
EMBEDDER = 'e5-small-q4'       # the dense features' scale: unknown with any other embedder
INTERCEPT = 0.2863
WEIGHTS: dict[str, float] = {
    'cov_sent': 0.6924,
    'cov_pass': 0.4658,
    'subject_sent': 0.3595,
    'evidence': 0.2582,
    'rank': 0.2829,
    'dense': 0.2959,
    'dense_margin': 0.7098,
    'en': 0.0474,
}
MEANS: dict[str, float] = {
    'cov_sent': 0.4669,
    'cov_pass': 0.7790,
    'subject_sent': 0.6473,
    'evidence': 0.7386,
    'rank': 0.9476,
    'dense': 0.8904,
    'dense_margin': -0.0009,
    'en': 0.3583,
}
SCALES: dict[str, float] = {
    'cov_sent': 0.2145,
    'cov_pass': 0.1754,
    'subject_sent': 0.3055,
    'evidence': 0.1634,
    'rank': 0.1692,
    'dense': 0.0310,
    'dense_margin': 0.0164,
    'en': 0.4795,
}
THRESHOLD = 0.1207
