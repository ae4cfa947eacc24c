"""Timings the tests do not assert: question constraints, claim facts, one cold extractive
answer, `rag --help`.

    .venv/bin/python benchmarks/text_bench.py [--repeat 5]

Prints medians; for the long-input checks, the ratio of the time for 10x the text to the
time for 1x (linear is about 10, quadratic about 100), measured in the same run.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    repeat = ap.parse_args().repeat
    from rag.answer.constraints import extract
    from rag.answer.verify import claim_facts

    qs = ["2014年国内生产总值增长了多少", "What GDP growth target did the 2016 report set?",
          "3月4日平阳县委书记调研了什么？", "广东省2015年GDP是多少"]
    extract(qs[0])
    per_q = median_ms(lambda: [extract(q) for q in qs * 25], repeat) / 100
    print(f"constraints.extract: median {per_q:.3f} ms per question")
    for name, fn, units in (
            ("constraints.extract", extract, ("市长对高标准农田建设提出了什么要求，", "4 March 2019, ", "3月4日至")),
            ("verify.claim_facts", claim_facts, ("增长7.4%，投资3.8万亿元，", "市长王建国、", "3月4日至"))):
        for unit in units:
            short = median_ms(lambda: fn(unit * 200), repeat)
            long = median_ms(lambda: fn(unit * 2000), repeat)
            print(f"{name} {unit!r}: 200x {short:.1f} ms, 2000x {long:.1f} ms, ratio {long / short:.1f}")
    from rag.answer.extractive import ExtractiveAnswerer
    from rag.answer.query import _flat, bigrams
    from rag.ingest import ingest_paths
    from rag.settings import Settings
    from rag.types import Hit
    chunks = [c for c in ingest_paths([REPO / "data" / "corpus"]).chunks if "高标准农田" in c.text][:4]
    hits = [Hit(c, 1.0 / (i + 1), i + 1) for i, c in enumerate(chunks)]
    answerer = ExtractiveAnswerer(Settings(llm="extractive"))

    def cold_answer():
        bigrams.cache_clear(), _flat.cache_clear()          # no scoring work cached
        answerer.generate("市长对高标准农田建设提出了什么要求？", hits)
    cold_answer()
    print(f"extractive answer over {len(hits)} passages, cold: median {median_ms(cold_answer, repeat):.1f} ms")
    helps = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "rag", "--help"], cwd=REPO, capture_output=True, check=True)
        helps.append((time.perf_counter() - t0) * 1000)
    print(f"rag --help: median {statistics.median(helps):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
