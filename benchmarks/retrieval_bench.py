"""Benchmark: index build, reload and retrieval latency on the bundled corpus.

Prints figures, asserts nothing: these machines are shared and noisy, so read medians and
the ratios against the query-embedding baseline measured in the same run.

    .venv/bin/python benchmarks/retrieval_bench.py            # everything (build ~3 min)
    .venv/bin/python benchmarks/retrieval_bench.py --no-build # reuse .cache/test-index
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def pct(xs, p):
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100
    f = int(k)
    return xs[f] + (xs[min(f + 1, len(xs) - 1)] - xs[f]) * (k - f)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-build", action="store_true", help="skip the full build")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the questions per mode")
    args = ap.parse_args()
    from rag.api import RAG
    from rag.index.store import IndexStore
    from rag.settings import Settings

    if args.no_build:
        index_dir = REPO / ".cache" / "test-index"
        api = RAG(Settings.load(index_dir=index_dir))
        api.ingest()
    else:
        index_dir = Path(tempfile.mkdtemp(prefix="rag-bench-"))
        api = RAG(Settings.load(index_dir=index_dir))
        t0 = time.perf_counter()
        _, report = api.ingest()
        build = time.perf_counter() - t0
        r = report.to_dict()
        print(f"full build: {build:.1f} s, {r['embedded_chunks']} chunks, "
              f"{r['embedded_tokens']} tokens embedded at {r['tokens_per_s']:.0f} tokens/s "
              f"(embedding {report.embed_seconds:.1f} s of the total)")

    store = IndexStore(index_dir / "default")
    loads = []
    for _ in range(5):
        t0 = time.perf_counter()
        store.load()
        loads.append(time.perf_counter() - t0)
    print(f"reload of the persisted index: median {statistics.median(loads) * 1000:.0f} ms "
          f"(min {min(loads) * 1000:.0f}, max {max(loads) * 1000:.0f}) over 5 loads")

    # latency only: every question of both parts of the bundled set
    questions = [json.loads(line)["question"]
                 for part in ("tune", "test")
                 for line in (REPO / "eval" / "sets" / "bundled" / f"{part}.jsonl")
                 .read_text(encoding="utf-8").splitlines() if line.strip()]
    emb = api.embedder()
    retr = api.retriever()
    for q in questions[:10]:                       # warm-up: jieba dictionary, caches
        retr.search(q, k=5, mode="hybrid")
    base = []
    for q in questions:
        t0 = time.perf_counter()
        emb.embed_query_vec(q)
        base.append((time.perf_counter() - t0) * 1000)
    b50 = statistics.median(base)
    print(f"baseline, query embedding alone: p50 {b50:.1f} ms, p95 {pct(base, 95):.1f} ms "
          f"({len(questions)} questions)")
    print(f"{'mode':8s} {'p50 ms':>8s} {'p95 ms':>8s} {'p50 / embedding':>16s}")
    for mode in ("bm25", "dense", "hybrid"):
        lat = []
        for _ in range(args.repeat):
            for q in questions:
                t0 = time.perf_counter()
                retr.search(q, k=5, mode=mode)
                lat.append((time.perf_counter() - t0) * 1000)
        print(f"{mode:8s} {statistics.median(lat):8.1f} {pct(lat, 95):8.1f} "
              f"{statistics.median(lat) / b50:16.2f}")


if __name__ == "__main__":
    main()
