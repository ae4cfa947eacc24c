"""Load benchmark: many concurrent chat sessions against the real UI server on 127.0.0.1.

Starts `rag ui` in a subprocess over an existing index (default: the bundled corpus index in
.cache/test-index, as `rag ingest` or the test session builds it) with the extractive
answerer, then drives it with gradio_client:

  1. a baseline: one session alone asks the questions one after another;
  2. the load: N sessions at once, each asking M questions in turn (a conversation, so
     follow-ups carry history), through the streaming /chat endpoint the page uses, and
     the same through the /ask endpoint.

Prints p50/p95/max latency (submit to final answer), errors, and p50/p95 against the
baseline's median. Asserts nothing: the machines are shared and noisy. Loopback only,
bounded in requests (N x M per path) and in time (--max-seconds, after which the rest count
as errors).

    .venv/bin/python benchmarks/load_bench.py                       # 20 sessions x 3
    .venv/bin/python benchmarks/load_bench.py --sessions 5 --questions 2 --path chat
    RAG_INDEX_DIR=... .venv/bin/python benchmarks/load_bench.py --index myindex
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Questions of the kinds the bundled corpus answers: dated chronicle entries, requirements,
# figures from work reports, English through the glossary, and a follow-up.
QUESTIONS = [
    "市长对高标准农田建设提出了什么要求？",
    "3月4日长葛市委书记尹俊营主持召开了什么会议？",
    "What did the mayor require about high-standard farmland?",
    "那市长呢？",
    "2015年政府工作报告提出的地区生产总值增长目标是多少？",
    "疫情防控期间市委书记提出了哪些要求？",
]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100
    f = int(k)
    return xs[f] + (xs[min(f + 1, len(xs) - 1)] - xs[f]) * (k - f)


def _stat(pid) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def cpu_seconds(pid: int, children: bool = True) -> float | None:
    """User + system CPU time of a process and (`children`) its live descendants, the answer
    workers (Linux /proc), to see what one answer costs."""
    stats = {int(p.name): st for p in Path("/proc").iterdir() if p.name.isdigit()
             for st in [_stat(p.name)] if st}
    if pid not in stats:
        return None
    tree, todo = {pid}, [pid]
    while todo and children:
        p = todo.pop()
        tree.add(p)
        todo += [c for c, st in stats.items() if int(st[1]) == p and c not in tree]
    ticks = sum(int(stats[p][11]) + int(stats[p][12]) for p in tree)
    return ticks / os.sysconf("SC_CLK_TCK")


def workers_rss_mb(pid: int) -> list[float]:
    """Resident memory of the server's child processes (the answer workers), in MB."""
    out = []
    for p in Path("/proc").iterdir():
        st = _stat(p.name) if p.name.isdigit() else None
        if st and int(st[1]) == pid:
            try:
                cmd = (p / "cmdline").read_bytes()
            except OSError:
                continue
            if b"spawn_main" in cmd:
                out.append(int(st[21]) * os.sysconf("SC_PAGE_SIZE") / 2**20)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(index_dir: Path, index: str, port: int, log: Path,
                 workers: int | None = None) -> subprocess.Popen:
    env = {**os.environ, **({"RAG_ANSWER_WORKERS": str(workers)} if workers is not None else {}), "RAG_INDEX_DIR": str(index_dir), "RAG_INDEX": index,
           "RAG_LLM": "extractive", "RAG_UI_HOST": "127.0.0.1", "RAG_UI_PORT": str(port),
           "GRADIO_ANALYTICS_ENABLED": "False"}
    env.pop("RAG_UI_AUTH", None)
    out = open(log, "w")
    proc = subprocess.Popen([sys.executable, "-m", "rag", "ui", "--host", "127.0.0.1",
                             "--port", str(port)], cwd=REPO, env=env, stdout=out,
                            stderr=subprocess.STDOUT)
    deadline = time.time() + 600          # a missing index is built first (~3 min)
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited ({proc.returncode}); see {log}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit(f"the server did not listen within 10 minutes; see {log}")


class Session:
    """One browser-like session: its own gradio_client (its own session hash and state)."""

    def __init__(self, url: str, path: str):
        from gradio_client import Client
        self.client = Client(url, verbose=False)
        self.path = path
        self.history: list[list[str]] = []

    def ask(self, question: str, timeout: float) -> float:
        t0 = time.perf_counter()
        if self.path == "chat":
            # /chat inputs after the hidden conversation state: question, docs, date from,
            # date to, mode, k, answerer, language. The state keeps the conversation.
            job = self.client.submit(question, [], "", "", "hybrid", 5, "extractive", "zh",
                                     api_name="/chat")
            out = job.result(timeout=timeout)
            bot = out[0][-1]["content"] if out and out[0] else ""
            if not bot or bot == "…":
                raise RuntimeError("no answer in the final chat message")
        else:
            rec = self.client.predict(question, self.history or None, api_name="/ask",
                                      llm="extractive")
            self.history.append([question, rec["answer"]])
        return time.perf_counter() - t0


class HttpSession:
    """The same requests the way the page sends them: one POST to the queue and one SSE
    stream, on one thread, no polling. gradio_client's own threads and 50 ms polls cost as
    much CPU as the server's answer, on the same cores: this client measures the server."""

    _config: dict = {}

    def __init__(self, url: str, path: str):
        import uuid

        import httpx
        self.url, self.path = url.rstrip("/"), path
        self.http = httpx.Client(timeout=None)
        if not HttpSession._config:
            HttpSession._config = self.http.get(self.url + "/config").json()
        cfg = HttpSession._config
        self.prefix = self.url + cfg.get("api_prefix", "")
        self.fn = next(d["id"] for d in cfg["dependencies"] if d.get("api_name") == path)
        self.session = uuid.uuid4().hex[:11]
        self.history: list[list[str]] = []

    def ask(self, question: str, timeout: float) -> float:
        import json
        t0 = time.perf_counter()
        if self.path == "chat":      # as in the page: the state is the server's, sent as null
            data = [question, None, [], "", "", "hybrid", 5, "extractive", "zh"]
        else:
            data = [question, self.history or None, None, None, None, None, None, "extractive",
                    None]
        r = self.http.post(self.prefix + "/queue/join", json={
            "data": data, "fn_index": self.fn, "session_hash": self.session,
            "event_data": None, "trigger_id": None})
        r.raise_for_status()
        out = None
        with self.http.stream("GET", self.prefix + "/queue/data",
                              params={"session_hash": self.session}, timeout=timeout) as resp:
            for line in resp.iter_lines():
                if not line.startswith("data:"):
                    continue
                msg = json.loads(line[5:])
                if msg.get("msg") == "process_completed":
                    if not msg.get("success", True):
                        raise RuntimeError(str(msg.get("output", {}).get("error"))[:120])
                    out = msg["output"]["data"]
                    break
        if out is None:
            raise RuntimeError("the stream ended without an answer")
        if self.path == "ask":
            self.history.append([question, out[0]["answer"]])
        return time.perf_counter() - t0


def run_load(url: str, path: str, sessions: int, questions: int, timeout: float,
             deadline: float, kind=Session) -> tuple[list[float], list[str]]:
    lat, errors, lock = [], [], threading.Lock()
    clients = [kind(url, path) for _ in range(sessions)]
    start = threading.Barrier(sessions)

    def one(i: int) -> None:
        s = clients[i]
        start.wait()
        for j in range(questions):
            q = QUESTIONS[(i + j) % len(QUESTIONS)]
            if time.time() > deadline:
                with lock:
                    errors.append("over the time bound")
                continue
            try:
                dt = s.ask(q, timeout)
                with lock:
                    lat.append(dt)
            except Exception as e:          # counted and shown, the run goes on
                with lock:
                    errors.append(f"{type(e).__name__}: {str(e)[:120]}")

    with ThreadPoolExecutor(sessions) as pool:
        list(pool.map(one, range(sessions)))
    return lat, errors


def report(name: str, lat: list[float], errors: list[str], base: float, wall: float,
           server_cpu: float | None, client_cpu: float, main_cpu: float | None = None) -> None:
    if not lat:
        print(f"{name}: no answers; errors: {errors[:3]}")
        return
    p50, p95 = statistics.median(lat), pct(lat, 95)
    cpu = f", server CPU {server_cpu * 1000 / len(lat):.0f} ms/answer" if server_cpu else ""
    if server_cpu and main_cpu is not None and main_cpu < server_cpu - 1e-9:
        cpu += f" ({main_cpu * 1000 / len(lat):.0f} in the server process)"
    cpu += f", clients' CPU {client_cpu * 1000 / len(lat):.0f} ms/answer"
    print(f"{name}: n={len(lat)} p50={p50:.2f}s p95={p95:.2f}s max={max(lat):.2f}s "
          f"errors={len(errors)} in {wall:.1f}s{cpu}  (p50 {p50 / base:.1f}x, p95 "
          f"{p95 / base:.1f}x the single-session median {base:.2f}s)")
    for e in sorted(set(errors))[:5]:
        print(f"    error: {e}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index-dir", type=Path,
                    default=Path(os.environ.get("RAG_INDEX_DIR") or REPO / ".cache" / "test-index"))
    ap.add_argument("--index", default=os.environ.get("RAG_INDEX") or "default")
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--questions", type=int, default=3, help="questions per session")
    ap.add_argument("--path", choices=["chat", "ask", "both"], default="both")
    ap.add_argument("--client", choices=["gradio", "http", "both"], default="both",
                    help="gradio_client, or plain HTTP + SSE as the page does (default both)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per request")
    ap.add_argument("--max-seconds", type=float, default=300.0, help="bound on the whole run")
    ap.add_argument("--workers", type=int, help="the server's RAG_ANSWER_WORKERS (answer "
                    "processes; 0: answer in the server process; default: its own default)")
    ap.add_argument("--url", help="drive a server already running on 127.0.0.1 instead")
    ap.add_argument("--pid", type=int, help="with --url: the server's process id, to report "
                    "its CPU time per answer")
    args = ap.parse_args()
    if not 1 <= args.sessions <= 100 or not 1 <= args.questions <= 20:
        raise SystemExit("--sessions must be 1..100 and --questions 1..20")

    proc = None
    if args.url:
        if not args.url.startswith(("http://127.0.0.1:", "http://localhost:")):
            raise SystemExit("--url must be a loopback address (http://127.0.0.1:PORT/)")
        url = args.url
    else:
        port = free_port()
        log = REPO / ".cache" / "load_bench_server.log"
        log.parent.mkdir(exist_ok=True)
        proc = start_server(args.index_dir, args.index, port, log, args.workers)
        url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + args.max_seconds
    try:
        paths = ["chat", "ask"] if args.path == "both" else [args.path]
        print(f"{url}  index {args.index_dir / args.index}  {os.cpu_count()} cores  "
              f"{args.sessions} sessions x {args.questions} questions  "
              f"load average {os.getloadavg()[0]:.1f}")
        kinds = {"gradio": Session, "http": HttpSession}
        for client in (["gradio", "http"] if args.client == "both" else [args.client]):
            for path in paths:
                one = kinds[client](url, path)
                one.ask(QUESTIONS[0], args.timeout)              # warm-up: loads the index
                base = [one.ask(QUESTIONS[i % len(QUESTIONS)], args.timeout)
                        for i in range(max(args.questions, 3))]
                pid = proc.pid if proc else args.pid
                cpu0, t0, c0 = (cpu_seconds(pid) if pid else None, time.perf_counter(),
                                time.process_time())
                main0 = cpu_seconds(pid, children=False) if pid else None
                lat, errors = run_load(url, path, args.sessions, args.questions, args.timeout,
                                       deadline, kinds[client])
                cpu1 = cpu_seconds(pid) if pid else None
                main1 = cpu_seconds(pid, children=False) if pid else None
                report(f"{client:6} /{path}", lat, errors, statistics.median(base),
                       time.perf_counter() - t0,
                       cpu1 - cpu0 if cpu0 is not None and cpu1 is not None else None,
                       time.process_time() - c0,
                       main1 - main0 if main0 is not None and main1 is not None else None)
        if proc is not None:
            rss = workers_rss_mb(proc.pid)
            st = _stat(proc.pid)
            main_mb = int(st[21]) * os.sysconf("SC_PAGE_SIZE") / 2**20 if st else 0
            print(f"server process resident {main_mb:.0f} MB; answer workers: {len(rss)}" + (
                f", resident {', '.join(f'{m:.0f}' for m in rss)} MB" if rss else "")
                + f"  load average {os.getloadavg()[0]:.1f}")
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    main()
