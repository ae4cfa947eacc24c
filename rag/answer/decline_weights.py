"""Fitted weights of the decision to decline (`rag.answer.decline`). Generated: do not edit.

Refit: RAG_INDEX_DIR=.cache/test-index PYTHONPATH=. python eval/fit_decline.py
Fitted on the tune parts of eval/sets/bundled and eval/sets/gov-reports, extractive answers:
316 questions whose evidence passed the constraint check, 23 of them unanswerable, and
170 answerable ones with their gold passages removed (labelled unanswerable).
Threshold from 5-fold cross-validated probabilities: declines 8 of the 23,
61 of the 170 and 1 of the 297 answerable tune questions.
"""
EMBEDDER = 'e5-small-q4'       # the dense features' scale: unknown with any other embedder
INTERCEPT = 0.1957
WEIGHTS: dict[str, float] = {
    'cov_sent': 0.6570,
    'cov_pass': 0.6835,
    'subject_sent': 0.4364,
    'evidence': 0.0471,
    'rank': 0.3804,
    'dense': 0.1024,
    'dense_margin': 0.7014,
    'en': -0.1699,
}
MEANS: dict[str, float] = {
    'cov_sent': 0.4538,
    'cov_pass': 0.7735,
    'subject_sent': 0.6296,
    'evidence': 0.7281,
    'rank': 0.9420,
    'dense': 0.8868,
    'dense_margin': -0.0010,
    'en': 0.3951,
}
SCALES: dict[str, float] = {
    'cov_sent': 0.2178,
    'cov_pass': 0.1770,
    'subject_sent': 0.3091,
    'evidence': 0.1684,
    'rank': 0.1747,
    'dense': 0.0331,
    'dense_margin': 0.0166,
    'en': 0.4889,
}
THRESHOLD = 0.0896
