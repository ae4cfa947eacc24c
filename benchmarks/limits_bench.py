"""Timings the limit tests do not assert (issue 12): what a refusal costs, and how HTML
reading scales with nesting depth now that it streams.

    .venv/bin/python benchmarks/limits_bench.py [--repeat 3]

Prints medians in ms; for nesting, the ratio of the time at depth 8,000 to depth 800 (linear
is about 10, quadratic about 100), measured in the same run. Files go to a temp folder.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def refused(fn):
    def run():
        try:
            fn()
        except Exception:
            return
        raise SystemExit("expected a refusal")
    return run


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    repeat = ap.parse_args().repeat
    from ingest_util import make_docx
    from test_limits import deep_html, docx_bomb

    from rag.api import RAG
    from rag.ingest import loaders
    from rag.limits import FileLimits
    from rag.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        api = RAG(Settings.load(index_dir=tmp / "index", index="none"))
        question = "市长对高标准农田建设提出了什么要求？" * 60_000
        print(f"1 MB question refused:        {median_ms(refused(lambda: api.ask(question)), repeat):8.2f} ms")
        (tmp / "t").mkdir()
        template = make_docx(tmp / "t" / "t.docx")
        big = docx_bomb(tmp / "big.docx", 7_000_000, template)
        ratio = docx_bomb(tmp / "ratio.docx", 2_000_000, template)
        print(f".docx bomb ({big.stat().st_size // 1024} KB, 40 MB unzipped) refused: "
              f"{median_ms(refused(lambda: loaders.load(big)), repeat):8.2f} ms")
        print(f".docx bomb ({ratio.stat().st_size // 1024} KB, 12 MB unzipped) refused by ratio: "
              f"{median_ms(refused(lambda: loaders.load(ratio)), repeat):8.2f} ms")
        deep = {}
        for depth in (800, 8000):
            path = tmp / f"deep{depth}.html"
            path.write_text(deep_html(depth), encoding="utf-8")
            lim = FileLimits(max_html_depth=depth + 10)
            deep[depth] = median_ms(lambda: loaders.load(path, limits=lim), repeat)
            print(f"HTML depth {depth:>5} read:          {deep[depth]:8.2f} ms")
        print(f"  depth x10 -> time x{deep[8000] / deep[800]:.1f} (linear ~10, quadratic ~100)")
        path = tmp / "deep-refused.html"
        path.write_text(deep_html(8000), encoding="utf-8")
        print(f"HTML depth  8000 refused (limit 512): "
              f"{median_ms(refused(lambda: loaders.load(path)), repeat):8.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
