"""Answer worker processes: retrieval and the extractive answer on every core.

One server process runs its Python under one interpreter lock, so however many threads its
web framework gives requests, answers queue for one core. `start(n)` spawns n processes;
`RAG.stream`/`RAG.ask` then send extractive answers to them (LLM answers stay in the server:
they wait on the model, not the lock). Each worker keeps one RAG per settings, so it loads an
index snapshot once, read-only, and reloads it when a writer switches CURRENT, as the server
does. The server replays a worker's events in order: an extractive answer's pieces come in
one burst anyway, so the page sees the same stream.

    from rag import workers
    workers.start(workers.default_count())      # the UI and HTTP servers do this
    api.stream(question, llm="extractive")      # answered in a worker
"""
from __future__ import annotations

import atexit
import concurrent.futures as cf
import logging
import multiprocessing as mp
import os
import threading
from typing import Iterator

log = logging.getLogger(__name__)

_pool: cf.ProcessPoolExecutor | None = None
_count = 0
_pids: set[int] = set()
_atexit = False
_lock = threading.Lock()
_apis: dict = {}            # in a worker: Settings -> RAG
MAX_DEFAULT = 4             # ~300 MB each over the bundled index; more cores were not measured
WARM_UP = "工作报告的主要内容是什么？"    # any question: answering it once loads what answers need


def default_count(cpu_count: int | None = None) -> int:
    """Workers when RAG_ANSWER_WORKERS is not set: one per core, none on a single core.

    Origin: benchmarks/load_bench.py, 20 sessions x 3 questions over HTTP + SSE on 2 shared
    cores, 5 alternated pairs: /ask p95 median 2.63 s in-process, 1.63 s with 2 workers
    (best 1.03 s); /chat mixed (2.26 s vs 2.73 s, best 1.33 s), 1 worker between. The server
    process keeps 15-34 ms of an answer's 60-90 ms of CPU (README "Load")."""
    n = cpu_count if cpu_count is not None else (os.cpu_count() or 1)
    return min(n, MAX_DEFAULT) if n > 1 else 0


def start_for(settings) -> int:
    """Start the workers `settings.answer_workers` asks for (None: default_count()); none
    for a store only one process may open."""
    n = settings.answer_workers
    if not shareable(settings):
        if n:
            print(f"RAG_ANSWER_WORKERS={n} ignored: {settings.store} opens in one process only")
        return start(0)
    try:
        return start(default_count() if n is None else n, settings)
    except (OSError, cf.BrokenExecutor) as e:      # no processes to be had: answer here
        print(f"answer workers did not start ({type(e).__name__}: {e}); "
              "answering in the server process")
        stop()
        return 0


def shareable(settings) -> bool:
    """Whether worker processes may open the index `settings` name beside this one: not an
    embedded Milvus Lite file, which one process at a time holds."""
    return not str(settings.store or "").startswith("milvus-lite")


def start(count: int, settings=None) -> int:
    """Start `count` worker processes (0: answer in this process), each loading the index
    `settings` name up front. Returns the number running. Idempotent for the same count."""
    global _pool, _count, _pids, _atexit
    if count < 0:
        raise ValueError(f"RAG_ANSWER_WORKERS must be 0 or more, got {count}")
    with _lock:
        if _pool is not None and count == _count:
            return _count
        _shutdown()
        if count == 0:
            return 0
        if not _atexit:             # stopped before interpreter teardown, where the pool's
            atexit.register(stop)   # own callbacks find their modules gone
            _atexit = True
        # spawn, not fork: the server has threads (and OpenMP) whose locks a fork would copy
        _pool = cf.ProcessPoolExecutor(count, mp_context=mp.get_context("spawn"),
                                       initializer=_init, initargs=(settings, os.getpid()))
        _count = count
        # every worker up, its index loaded, before the first request: a worker still
        # initialising takes no ping, so ask until each has answered one
        pids: set[int] = set()
        for _ in range(100):
            pids |= {f.result() for f in [_pool.submit(_ping) for _ in range(count)]}
            if len(pids) >= count:
                break
        _pids = pids
    return count


def stop() -> None:
    with _lock:
        _shutdown()


def pids() -> set[int]:
    """The workers' process ids."""
    return set(_pids) if _pool is not None else set()


def running() -> int:
    """How many workers answer; 0 when answers run in this process."""
    return _count if _pool is not None else 0


def _shutdown() -> None:
    global _pool, _count
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
    _pool, _count = None, 0


def stream(settings, question: str, history=None, **filters) -> Iterator[dict] | None:
    """The events of `RAG(settings).stream(question, llm="extractive", ...)` from a worker, or
    None when no workers run. The work is submitted now; closing the iterator before it has
    started withdraws it (a page closed while its answer waited in the queue)."""
    with _lock:
        pool = _pool
    if pool is None or not shareable(settings):
        return None
    try:
        fut = pool.submit(_answer, settings, question, history, filters)
    except (cf.BrokenExecutor, RuntimeError):       # a worker died or the pool is stopping
        log.warning("answer workers unavailable; answering in the server process")
        _restart_broken(pool, settings)
        return None
    return _Events(fut)


class _Events:
    """A worker's answer as the iterator RAG.stream returns: waits for the worker at the
    first event; close() withdraws work no worker has begun (work begun runs to its end,
    as an answer between two updates does in the server)."""

    def __init__(self, fut: cf.Future):
        self._fut, self._events = fut, None
        self.pid: int | None = None         # the worker's, once it has answered

    def __iter__(self):
        return self

    def __next__(self) -> dict:
        if self._events is None:
            try:
                self.pid, events = self._fut.result()
                self._events = iter(events)
            except cf.CancelledError:
                raise StopIteration from None
        return next(self._events)

    def close(self) -> None:
        self._fut.cancel()
        self._events = iter(())

    def cancelled(self) -> bool:
        return self._fut.cancelled()


def _restart_broken(pool, settings) -> None:
    global _pool, _count
    with _lock:
        if _pool is pool:
            n = _count
            _shutdown()
            threading.Thread(target=start, args=(n, settings), daemon=True).start()


# --- in a worker ---------------------------------------------------------------------------
def _init(settings, parent: int) -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")     # one core each: parallel across workers
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    if settings is not None:
        try:            # one answer loads it all: index, embedder, jieba's dictionary, modules
            list(_api(settings).stream(WARM_UP, llm="extractive"))
        except Exception as e:          # no index yet, say: loaded with the first answer
            log.info("answer worker %d not warmed up: %s", os.getpid(), e)


def _exit_with(parent: int) -> None:
    # A server stopped outright (SIGTERM, SIGKILL) runs no clean-up, and its workers, blocked
    # on a queue whose both ends they hold, would wait (and hold their memory) forever.
    import time
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def _ping() -> int:
    import time
    time.sleep(0.01)            # leave the next ping to another worker
    return os.getpid()


def _api(settings):
    api = _apis.get(settings)
    if api is None:
        from rag.api import RAG
        api = _apis[settings] = RAG(settings)
    return api


def _answer(settings, question: str, history, filters: dict) -> tuple[int, list[dict]]:
    events = list(_api(settings).stream(question, history=history, llm="extractive", **filters))
    return os.getpid(), events
