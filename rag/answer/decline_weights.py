"""Fitted weights of the decision to decline (`rag.answer.decline`). Generated: do not edit.

Refit: RAG_INDEX_DIR=.cache/test-index PYTHONPATH=. python eval/fit_decline.py
Fitted on the tune parts of eval/sets/bundled and eval/sets/gov-reports, extractive answers:
244 questions whose evidence passed the constraint check, 11 of them unanswerable, and
130 answerable ones with their gold passages removed (labelled unanswerable).
Threshold from 5-fold cross-validated probabilities: declines 3 of the 11,
50 of the 130 and 2 of the 236 answerable tune questions.
"""
INTERCEPT = 0.2866
WEIGHTS: dict[str, float] = {
    'cov_sent': 0.5072,
    'cov_pass': 0.6223,
    'subject_sent': 0.3703,
    'evidence': 0.1785,
    'rank': 0.3425,
    'dense': 0.5723,
    'novelty': -0.7503,
    'en': 0.5181,
}
MEANS: dict[str, float] = {
    'cov_sent': 0.4600,
    'cov_pass': 0.7790,
    'subject_sent': 0.6394,
    'evidence': 0.7386,
    'rank': 0.9476,
    'dense': 0.8904,
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
    'novelty': 0.1979,
    'en': 0.4795,
}
THRESHOLD = 0.1136
