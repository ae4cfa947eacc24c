"""HTTP API benchmark: N concurrent streaming clients of `rag serve` against the same
questions answered through rag.api.RAG in-process, in the same run.

Starts the API (uvicorn in a thread of this process, 127.0.0.1, a free port) over an existing
index (default: the bundled corpus index in .cache/test-index) with the extractive answerer,
then:

  1. HTTP: N threads, each an `openai` client streaming /v1/chat/completions, all asking
     the same questions in turn;
  2. in-process: N threads, each calling RAG.stream() on one shared RAG, same questions.

Prints p50/p95 time to first token (first non-empty text) and to the end of the answer for
both, and the HTTP overhead. Asserts nothing: the machines are shared and noisy. Each phase
gets one warm-up question first, so model and index loading are not counted.

    .venv/bin/python benchmarks/api_bench.py                 # 10 clients x 3 questions
    .venv/bin/python benchmarks/api_bench.py --clients 4 --questions 2
"""
from __future__ import annotations

import argparse
import os
import socket
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_bench import QUESTIONS as _LOAD_QUESTIONS, pct  # noqa: E402  the load benchmark's

# The load benchmark's questions that stand alone (each client here asks without history).
QUESTIONS = [q for q in _LOAD_QUESTIONS if not q.endswith("呢？")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_api(settings):
    import uvicorn

    from rag.server import create_app
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}/v1"


def http_one(client, question: str) -> tuple[float, float]:
    t0 = time.perf_counter()
    first = None
    for chunk in client.chat.completions.create(model="rag-default", stream=True, messages=[
            {"role": "user", "content": question}]):
        if first is None and chunk.choices and chunk.choices[0].delta.content:
            first = time.perf_counter() - t0
    return first if first is not None else float("nan"), time.perf_counter() - t0


def inproc_one(api, question: str) -> tuple[float, float]:
    t0 = time.perf_counter()
    first = None
    for ev in api.stream(question):
        if first is None and ev["type"] == "token" and ev["text"]:
            first = time.perf_counter() - t0
    return first if first is not None else float("nan"), time.perf_counter() - t0


def run(clients: int, questions: list[str], one) -> list[tuple[float, float]]:
    def session(_):
        return [one(q) for q in questions]
    with ThreadPoolExecutor(clients) as pool:
        return [t for s in pool.map(session, range(clients)) for t in s]


def report(name: str, times: list[tuple[float, float]]) -> dict:
    ttft = [a * 1000 for a, _ in times]
    total = [b * 1000 for _, b in times]
    row = {"ttft50": pct(ttft, 50), "ttft95": pct(ttft, 95), "tot50": pct(total, 50),
           "tot95": pct(total, 95)}
    print(f"{name:<12} {len(times):>4}  {row['ttft50']:>8.0f} {row['ttft95']:>8.0f}  "
          f"{row['tot50']:>8.0f} {row['tot95']:>8.0f}")
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=10)
    ap.add_argument("--questions", type=int, default=3, help="questions per client (max 4)")
    ap.add_argument("--index-dir", type=Path, default=REPO / ".cache" / "test-index")
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")          # as `rag serve` runs
    from openai import OpenAI

    from rag.api import RAG
    from rag.settings import Settings
    settings = Settings.load(index_dir=args.index_dir, index="default", llm="extractive",
                             users_db=Path("/nonexistent-rag-bench/users.db"), api_keys="")
    qs = QUESTIONS[:max(1, min(args.questions, len(QUESTIONS)))]

    server, thread, base = start_api(settings)
    client = OpenAI(base_url=base, api_key="unused", max_retries=0, timeout=300)
    http_one(client, qs[0])                                 # warm-up
    t0 = time.perf_counter()
    http = run(args.clients, qs, lambda q: http_one(client, q))
    http_wall = time.perf_counter() - t0
    server.should_exit = True
    thread.join(timeout=30)

    api = RAG(settings)
    inproc_one(api, qs[0])
    t0 = time.perf_counter()
    local = run(args.clients, qs, lambda q: inproc_one(api, q))
    local_wall = time.perf_counter() - t0

    print(f"{args.clients} concurrent streaming clients x {len(qs)} questions, extractive "
          f"answerer, index {args.index_dir.name}/default; milliseconds")
    print(f"{'path':<12} {'n':>4}  {'ttft p50':>8} {'p95':>8}  {'total p50':>8} {'p95':>8}")
    h = report("HTTP (SSE)", http)
    r = report("in-process", local)
    print(f"wall: HTTP {http_wall:.1f} s, in-process {local_wall:.1f} s; HTTP overhead at p50: "
          f"first token {h['ttft50'] - r['ttft50']:+.0f} ms, total {h['tot50'] - r['tot50']:+.0f} ms")


if __name__ == "__main__":
    main()
