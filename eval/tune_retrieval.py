"""Grid search of the retriever's fusion weight and boosts on the *tune* parts of the sets.

    RAG_INDEX_DIR=.cache/test-index .venv/bin/python eval/tune_retrieval.py \
        bundled:default:eval/sets/bundled/tune.jsonl gov-reports:gov-reports:eval/sets/gov-reports/tune.jsonl

Each argument is NAME:INDEX:SET. Question embeddings are computed once and reused, so each
setting costs only BM25 and vector arithmetic. Prints the best settings by the mean over
the sets of hit@1 + hit@5 + English hit@5 (strict: a gold quote inside a passage as
returned). The test parts are never read here.
"""
from __future__ import annotations

import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rag.api import RAG  # noqa: E402
from rag.eval import metrics as M  # noqa: E402
from rag.eval.runner import load_set  # noqa: E402
from rag.retrieve import retriever as R  # noqa: E402

GRID = {
    "BM25_WEIGHT.zh": [0.7],
    "BM25_WEIGHT.en": [0.4],
    "YEAR_BOOST": [1.0],
    "YEAR_PENALTY": [2.0],
    "STANCE_BOOST": [1.0],
    "SATISFY_BOOST": [3.0],
    "TOPIC_BOOST": [0.0, 1.0, 2.0, 3.0, 4.0],    # with batch 36: 2.0 (see the retriever)
    "TOPIC_SHARE": [0.15, 0.25, 0.4],
    "SATISFY_POOL": [10],
    "SHORT_CHARS": [40],
    "SHORT_PENALTY": [1.0],
}


def _setup(arg: str):
    name, index, path = arg.split(":", 2)
    api = RAG(index=index)
    ret = api.retriever()
    cache: dict[str, object] = {}
    embed = ret.embedder.embed_query_vec

    def cached(text):
        if text not in cache:
            cache[text] = embed(text)
        return cache[text]
    ret.embedder.embed_query_vec = cached
    qs = [q for q in load_set(Path(path)) if not q.unanswerable]
    return name, ret, qs


def _apply(setting: dict) -> None:
    R.BM25_WEIGHT = {"zh": setting["BM25_WEIGHT.zh"], "en": setting["BM25_WEIGHT.en"]}
    for k, v in setting.items():
        if "." not in k:
            setattr(R, k, v)


def score(sets, setting) -> dict:
    _apply(setting)
    out = {}
    for name, ret, qs in sets:
        ret._shortness = R._shortness(ret.index.chunks, ret.index.paragraph_groups)
        h1 = h5 = en5 = en = 0
        for q in qs:
            hits = ret.search(q.question, k=5).hits
            flags = M.relevant_flags([h.chunk.text for h in hits], q.gold_quotes)
            h1 += flags[0] if flags else 0
            h5 += any(flags)
            if q.lang == "en":
                en += 1
                en5 += any(flags)
        n = len(qs)
        out[name] = (h1 / n, h5 / n, en5 / max(en, 1))
    return out


def main(argv: list[str]) -> int:
    sets = [_setup(a) for a in argv]
    keys = list(GRID)
    results = []
    for values in itertools.product(*(GRID[k] for k in keys)):
        setting = dict(zip(keys, values))
        s = score(sets, setting)
        total = sum(sum(v) for v in s.values()) / len(s)
        results.append((total, setting, s))
    results.sort(key=lambda r: -r[0])
    for total, setting, s in results[:12]:
        print(f"{total:.3f}", setting, {k: tuple(round(x, 3) for x in v) for k, v in s.items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
