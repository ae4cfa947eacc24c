"""False positives of the instruction detector on real government prose (rag.ingest.instructions).

    .venv/bin/python benchmarks/injection_bench.py [FOLDER ...]

Default folders: the bundled corpus (data/corpus/) and the 2010-2017 State Council work
reports (../shared/corpora/gov-work-reports-2010-2017/, relative to the repository; skipped
when absent). Every sentence of every ingested chunk, every heading and every title is scored;
prints per folder the count of sentences, how many are flagged (should be 0), the score
distribution and the highest-scoring sentences, then the time per sentence.
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DEFAULT = [REPO / "data" / "corpus", REPO.parent / "shared" / "corpora" / "gov-work-reports-2010-2017"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--top", type=int, default=5, help="highest-scoring sentences to print")
    args = ap.parse_args()
    from rag.ingest import ingest_paths
    from rag.ingest.instructions import THRESHOLD, detect, sentence_spans

    total_flagged = 0
    for folder in args.folders or DEFAULT:
        if not folder.is_dir():
            print(f"{folder.name}: not found, skipped")
            continue
        result = ingest_paths([folder])
        texts = [c.text[s:e] for c in result.chunks for s, e in sentence_spans(c.text)]
        labels = {d.document.title for d in result.docs}
        labels |= {h for c in result.chunks for h in c.section.split(" > ") if h}
        texts += sorted(labels)
        t0 = time.perf_counter()
        scored = [(detect.__wrapped__(t), t) for t in texts]
        per_ms = (time.perf_counter() - t0) * 1000 / max(len(texts), 1)
        flagged = [t for d, t in scored if d.flagged]
        total_flagged += len(flagged)
        dist = collections.Counter(d.score for d, _ in scored)
        print(f"{folder.name}: {len(result.docs)} documents, {len(texts)} sentences/titles/headings, "
              f"{len(flagged)} flagged (threshold {THRESHOLD}); {per_ms:.3f} ms per sentence")
        print("  scores: " + ", ".join(f"{k}: {v}" for k, v in sorted(dist.items())))
        for d, t in sorted(scored, key=lambda x: -x[0].score)[:args.top]:
            print(f"  {d.score:.1f} {sorted(d.families)} {t[:70]}")
        for t in flagged:
            print(f"  FLAGGED: {t[:120]}")
    return 1 if total_flagged else 0


if __name__ == "__main__":
    raise SystemExit(main())
