"""Fitted weights of the decision to decline (`rag.answer.decline`). Generated: do not edit.

Refit: RAG_INDEX_DIR=.cache/test-index PYTHONPATH=. python eval/fit_decline.py
Fitted on the tune parts of eval/sets/bundled and eval/sets/gov-reports, extractive answers:
354 questions whose evidence passed the constraint check, 32 of them unanswerable, and
184 answerable ones with their gold passages removed (labelled unanswerable).
Threshold from 5-fold cross-validated probabilities: declines 7 of the 32,
41 of the 184 and 5 of the 326 answerable tune questions
(3 of them answered right without it).
"""
EMBEDDER = 'e5-small-q4'       # the dense features' scale: unknown with any other embedder
INTERCEPT = 0.1593
WEIGHTS: dict[str, float] = {
    'cov_sent': 0.4343,
    'cov_pass': 0.4385,
    'subject_sent': 0.4909,
    'evidence': 0.1786,
    'rank': 0.3369,
    'dense': 0.0809,
    'dense_margin': 0.6752,
    'en': -0.0739,
}
MEANS: dict[str, float] = {
    'cov_sent': 0.5153,
    'cov_pass': 0.7438,
    'subject_sent': 0.6259,
    'evidence': 0.6992,
    'rank': 0.9376,
    'dense': 0.8865,
    'dense_margin': -0.0009,
    'en': 0.4071,
}
SCALES: dict[str, float] = {
    'cov_sent': 0.2469,
    'cov_pass': 0.2214,
    'subject_sent': 0.3083,
    'evidence': 0.2095,
    'rank': 0.1776,
    'dense': 0.0325,
    'dense_margin': 0.0165,
    'en': 0.4913,
}
THRESHOLD = 0.0709
