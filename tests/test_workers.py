"""Answer worker processes (rag.workers): real spawned processes over real indexes."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import replace

import pytest

from rag import workers
from rag.api import RAG

QUESTIONS = ["市长对高标准农田建设提出了什么要求？",
             "What did the mayor require about high-standard farmland?"]


def _same(a, b):
    return (a.answer, a.abstained, [c.to_dict() for c in a.citations],
            [h.chunk.id for h in a.hits]) == \
           (b.answer, b.abstained, [c.to_dict() for c in b.citations], [h.chunk.id for h in b.hits])


@pytest.fixture(scope="module")
def local_answers(corpus_api):
    workers.stop()
    return [corpus_api.ask(q, llm="extractive") for q in QUESTIONS]


@pytest.fixture(scope="module")
def one_worker(corpus_api, local_answers):
    assert workers.start(1, corpus_api.settings) == 1
    yield
    workers.stop()


def test_no_workers_answers_in_process(corpus_api, local_answers):
    workers.stop()
    assert workers.running() == 0
    events = corpus_api.stream(QUESTIONS[0], llm="extractive")
    assert not hasattr(events, "pid")           # the chain's own generator
    assert _same([e for e in events if e["type"] == "answer"][0]["answer"], local_answers[0])


def test_worker_answers_as_the_server_process_does(corpus_api, local_answers, one_worker):
    assert workers.running() == 1
    for q, local in zip(QUESTIONS, local_answers):
        assert _same(corpus_api.ask(q, llm="extractive"), local)
        events = corpus_api.stream(q, llm="extractive")
        got = list(events)
        assert events.pid is not None and events.pid != os.getpid()
        assert [e["type"] for e in got][0] == "hits" and got[-1]["type"] == "answer"
        assert "".join(e["text"] for e in got if e["type"] == "token")
        assert _same(got[-1]["answer"], local)


def test_closed_stream_yields_nothing_and_the_pool_goes_on(corpus_api, local_answers,
                                                           one_worker):
    events = corpus_api.stream(QUESTIONS[0], llm="extractive")
    events.close()
    assert list(events) == []
    assert _same(corpus_api.ask(QUESTIONS[0], llm="extractive"), local_answers[0])


def test_worker_follows_a_changed_index(tmp_path, corpus_settings, one_worker):
    """A worker loads another index's snapshot on demand and reloads it after an ingest."""
    settings = replace(corpus_settings, index_dir=tmp_path / "idx", index="t")
    api = RAG(settings)
    (tmp_path / "a.txt").write_text("2021年3月5日，清河县召开春季植树造林工作会议，全县完成植树12万株。\n",
                                    encoding="utf-8")
    api.ingest([tmp_path / "a.txt"])
    first = api.stream("清河县春季植树造林完成了多少株？", llm="extractive")
    hits = list(first)[0]["hits"]
    assert first.pid != os.getpid()
    assert {h.chunk.doc_id for h in hits} == {"a"}
    (tmp_path / "b.txt").write_text("2021年4月8日，清河县召开防汛抗旱工作会议，全县新建堤防8公里。\n",
                                    encoding="utf-8")
    api.ingest([tmp_path / "b.txt"])
    second = api.stream("清河县新建堤防多少公里？", llm="extractive")
    hits = list(second)[0]["hits"]
    assert second.pid == first.pid              # the same worker, with the new snapshot
    assert "b" in {h.chunk.doc_id for h in hits}


def test_milvus_lite_answers_in_process(corpus_settings, one_worker):
    """An embedded Milvus Lite file opens in one process at a time: no worker touches it."""
    lite = replace(corpus_settings, store="milvus-lite:v.db")
    assert not workers.shareable(lite) and workers.shareable(corpus_settings)
    assert workers.stream(lite, QUESTIONS[0]) is None
    assert workers.stream(corpus_settings, QUESTIONS[0]) is not None


def test_worker_count_defaults_and_checks():
    assert workers.default_count(1) == 0        # one core: the server process answers
    assert workers.default_count(2) == 2
    assert workers.default_count(64) == workers.MAX_DEFAULT
    with pytest.raises(ValueError, match="RAG_ANSWER_WORKERS"):
        workers.start(-1)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_workers_exit_when_the_server_is_killed():
    """A server killed outright (no clean-up runs) leaves no worker behind."""
    code = ("from rag import workers\n"
            "workers.start(1)\n"
            "print(*workers.pids(), flush=True)\n"
            "import time; time.sleep(600)\n")
    server = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(p) for p in server.stdout.readline().split()]
        assert len(pids) == 1 and _alive(pids[0])
    finally:
        server.kill()
        server.wait()
    deadline = time.monotonic() + 60         # a bound on the wait, not a timing claim
    while _alive(pids[0]) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(pids[0])
