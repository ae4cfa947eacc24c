"""Benchmark: FAISS vs Milvus Lite on the bundled set's test part, side by side (issue #16).

hit@5 and retrieval p50/p95 come from the evaluator itself (rag.eval.runner, as `rag eval
--config default --no-answers` computes them). The Milvus Lite index is seeded with the FAISS
index's vectors through the store interface, so the comparison is of the stores, not of two
embedding runs, and the build takes seconds instead of minutes.

    .venv/bin/python benchmarks/store_bench.py            # FAISS from .cache/test-index
    .venv/bin/python benchmarks/store_bench.py --rebuild  # re-embed into Milvus Lite too
"""
from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEST_SET = REPO / "eval" / "sets" / "bundled" / "test.jsonl"


def milvus_index(faiss_api, root: Path, rebuild: bool):
    """A Milvus Lite copy of the FAISS index: vectors added through the interface, then
    `ingest` finds every chunk stored and embeds nothing (unless --rebuild)."""
    from rag.api import RAG
    from rag.index.vectors import open_store
    from rag.settings import Settings
    shutil.rmtree(root, ignore_errors=True)
    spec = f"milvus-lite:{root / 'vectors.db'}"
    api = RAG(Settings.load(index_dir=root / "index", index="default", store=spec))
    if not rebuild:
        src = faiss_api.load_index()
        open_store(spec, "default").add(src.chunks, src.vectors, src.docs)
    t0 = time.perf_counter()
    _, report = api.ingest()
    print(f"milvus-lite build: {time.perf_counter() - t0:.1f} s, embedded {report.embedded_chunks} "
          f"chunks, reused {report.reused_chunks}")
    return api


def evaluate(settings) -> dict:
    from rag.eval.runner import load_set, run
    report = run(["default"], load_set(TEST_SET), settings, answers=False, progress=False)
    m = report["configs"]["default"]["metrics"]
    lat = m["latency_ms"]["retrieve"]
    return {"hit@5": m["hit@5"], "hit@1": m["hit@1"], "p50": lat["p50"], "p95": lat["p95"],
            "n": lat["n"]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rebuild", action="store_true", help="embed the corpus again for Milvus Lite")
    ap.add_argument("--dir", type=Path, default=REPO / ".cache" / "store-bench",
                    help="where the Milvus Lite index goes (replaced)")
    args = ap.parse_args()
    from rag.api import RAG
    from rag.settings import Settings
    faiss_api = RAG(Settings.load(index_dir=REPO / ".cache" / "test-index", index="default",
                                  llm="extractive"))
    faiss_api.ingest()                       # brings the cached index up to date (usually a no-op)
    milvus_api = milvus_index(faiss_api, args.dir, args.rebuild)
    rows = {"faiss": evaluate(faiss_api.settings),
            "milvus-lite": evaluate(milvus_api.settings)}
    n = rows["faiss"]["n"]
    print(f"bundled test part ({TEST_SET.relative_to(REPO)}), {n} questions, config default, "
          "hybrid retrieval, no answers")
    print(f"{'store':12s} {'hit@5':>6s} {'hit@1':>6s} {'p50 ms':>8s} {'p95 ms':>8s}")
    for name, r in rows.items():
        print(f"{name:12s} {r['hit@5']:6.3f} {r['hit@1']:6.3f} {r['p50']:8.1f} {r['p95']:8.1f}")
    print(f"hit@5 difference: {abs(rows['faiss']['hit@5'] - rows['milvus-lite']['hit@5']):.3f}")


if __name__ == "__main__":
    main()
