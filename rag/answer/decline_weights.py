"""Fitted weights of the decision to decline (`rag.answer.decline`). Generated: do not edit.

Refit: RAG_INDEX_DIR=.cache/test-index PYTHONPATH=. python eval/fit_decline.py
Fitted on the tune parts of eval/sets/bundled and eval/sets/gov-reports, extractive answers:
408 questions whose evidence passed the constraint check, 40 of them unanswerable, and
211 answerable ones with their gold passages removed (labelled unanswerable).
Threshold from 5-fold cross-validated probabilities: declines 14 of the 40,
67 of the 211 and 4 of the 376 answerable tune questions
(3 of them answered right without it).
"""
EMBEDDER = 'e5-small-q4'       # the dense features' scale: unknown with any other embedder
INTERCEPT = 0.1876
WEIGHTS: dict[str, float] = {
    'cov_sent': 0.2384,
    'cov_pass': 0.6432,
    'subject_sent': 0.3854,
    'evidence': 0.1526,
    'rank': 0.3155,
    'dense': 0.1221,
    'dense_margin': 0.6821,
    'en': 0.0206,
    'specific': 0.4213,
}
MEANS: dict[str, float] = {
    'cov_sent': 0.5158,
    'cov_pass': 0.7440,
    'subject_sent': 0.6222,
    'evidence': 0.6992,
    'rank': 0.9346,
    'dense': 0.8882,
    'dense_margin': -0.0006,
    'en': 0.4039,
    'specific': 0.6137,
}
SCALES: dict[str, float] = {
    'cov_sent': 0.2482,
    'cov_pass': 0.2155,
    'subject_sent': 0.3045,
    'evidence': 0.2108,
    'rank': 0.1837,
    'dense': 0.0317,
    'dense_margin': 0.0169,
    'en': 0.4907,
    'specific': 0.2918,
}
THRESHOLD = 0.0828
