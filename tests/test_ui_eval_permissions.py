"""The evaluation endpoints respect departments: a user cannot run, draft from, list runs of or
save sets into an index she may not see (accounts mode, the real app on 127.0.0.1)."""
from __future__ import annotations

import json
import socket
import time
from dataclasses import replace

import pytest

from browser_util import free_port

gradio_client = pytest.importorskip("gradio_client")
from gradio_client import Client  # noqa: E402

FACT = {"finance": "2021年3月5日，某某区财政局召开预算审查会议，决定拨付青松公园建设资金800万元。",
        "education": "2021年4月8日，某某区教育局召开专题会议，决定新建梧桐小学。"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from rag.api import RAG
    from rag.auth import Accounts
    from rag.settings import Settings
    from ui.app import launch

    root = tmp_path_factory.mktemp("eval-perm")
    settings = Settings.load(index_dir=root / "index", llm="extractive", ui_port=free_port())
    for name, fact in FACT.items():
        doc = root / f"{name}_notes.txt"
        doc.write_text(fact + "\n", encoding="utf-8")
        RAG(replace(settings, index=name)).ingest([doc])
    accounts = Accounts.for_settings(settings)
    accounts.add("alice", "alice-pw-1", ["财政局"])
    accounts.grant("finance", "财政局")
    accounts.grant("education", "教育局")
    demo = launch(settings, prevent_thread_lock=True, quiet=True)
    url = f"http://127.0.0.1:{settings.ui_port}/"
    for _ in range(50):
        try:
            with socket.create_connection(("127.0.0.1", settings.ui_port)):
                break
        except OSError:
            time.sleep(0.2)
    yield root / "index", Client(url, verbose=False, auth=("alice", "alice-pw-1"))
    demo.close()


def test_eval_endpoints_refuse_another_departments_index(site):
    index_dir, alice = site
    draft = {"id": "d1", "question": "梧桐小学是哪天决定新建的？", "lang": "zh", "type": "date",
             "gold_quotes": ["决定新建梧桐小学"], "answer_keywords": ["4月8日"],
             "draft": {"kind": "when", "status": "accepted"}}
    calls = [lambda: alice.predict(index="education", api_name="/eval_sets"),
             lambda: alice.predict(5, index="education", api_name="/eval_draft"),
             lambda: alice.predict("bundled:bundled/test.jsonl", None, ["default"], "extractive",
                                   index="education", api_name="/eval_start"),
             lambda: alice.predict("mine", [draft], index="education", api_name="/eval_save_set")]
    for call in calls:
        with pytest.raises(Exception, match="education"):
            call()
    assert not (index_dir / "education" / "eval").exists()      # nothing written there
    # her own index works: drafting reads it, a save reports what it kept
    assert isinstance(alice.predict(5, api_name="/eval_draft"), list)
    saved = alice.predict("mine", [{**draft, "gold_quotes": ["决定拨付青松公园建设资金800万元"],
                                    "question": "青松公园建设资金拨付了多少？",
                                    "answer_keywords": ["800万元"]}], api_name="/eval_save_set")
    assert saved["saved"] == 1 and saved["set"] == "saved:mine.jsonl"
    assert json.loads((index_dir / "finance" / "eval" / "sets" / "mine.jsonl").read_text(
        encoding="utf-8"))["question"] == "青松公园建设资金拨付了多少？"
