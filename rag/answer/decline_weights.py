"""Fitted weights of the decision to decline (`rag.answer.decline`). Generated: do not edit.

Refit: RAG_INDEX_DIR=.cache/test-index PYTHONPATH=. python eval/fit_decline.py
Fitted on the tune parts of eval/sets/bundled and eval/sets/gov-reports, extractive answers:
354 questions whose evidence passed the constraint check, 32 of them unanswerable, and
184 answerable ones with their gold passages removed (labelled unanswerable).
Threshold from 5-fold cross-validated probabilities: declines 8 of the 32,
28 of the 184 and 4 of the 326 answerable tune questions
(3 of them answered right without it).
"""
EMBEDDER = 'e5-small-q4'       # the dense features' scale: unknown with any other embedder
INTERCEPT = 0.1718
WEIGHTS: dict[str, float] = {
    'cov_sent': 0.1803,
    'cov_pass': 0.5019,
    'subject_sent': 0.4289,
    'evidence': 0.1837,
    'rank': 0.3167,
    'dense': 0.1058,
    'dense_margin': 0.6271,
    'en': 0.0537,
    'specific': 0.4107,
}
MEANS: dict[str, float] = {
    'cov_sent': 0.5149,
    'cov_pass': 0.7438,
    'subject_sent': 0.6253,
    'evidence': 0.6992,
    'rank': 0.9376,
    'dense': 0.8865,
    'dense_margin': -0.0009,
    'en': 0.4071,
    'specific': 0.6140,
}
SCALES: dict[str, float] = {
    'cov_sent': 0.2472,
    'cov_pass': 0.2214,
    'subject_sent': 0.3086,
    'evidence': 0.2095,
    'rank': 0.1776,
    'dense': 0.0325,
    'dense_margin': 0.0165,
    'en': 0.4913,
    'specific': 0.2904,
}
THRESHOLD = 0.0531
