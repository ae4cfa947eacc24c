"""The web UI over HTTP: the real app on 127.0.0.1, driven with gradio_client.

The bundled corpus is the session's embedded index (never re-embedded here); uploads go to
a separate index in a temp dir so .cache/test-index is never modified.
"""
from __future__ import annotations

import socket
from html import escape
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest

gradio_client = pytest.importorskip("gradio_client")
from gradio_client import Client, handle_file  # noqa: E402

FARMLAND_ZH = "市长对高标准农田建设提出了什么要求？"
FARMLAND_EN = "What did the mayor require about high-standard farmland?"
CHANGGE_TITLE = "长葛市2020年3月大事记"
UNIQUE_FACT = "2021年5月8日，某某区召开了测试专题会议，决定建设青松公园。"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def client_for(url: str, **kw) -> Client:
    for _ in range(50):            # the server thread may need a moment to accept
        try:
            return Client(url, verbose=False, **kw)
        except Exception:
            time.sleep(0.2)
    return Client(url, verbose=False, **kw)


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a LISTEN socket on `port`, read from /proc/net/tcp{,6}."""
    found = set()
    for name, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = Path(name).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            addr, p = local.split(":")
            if state == "0A" and int(p, 16) == port:      # 0A = LISTEN
                if width == 8:
                    found.add(socket.inet_ntop(socket.AF_INET, bytes.fromhex(addr)[::-1]))
                else:
                    raw = b"".join(bytes.fromhex(addr[i:i + 8])[::-1] for i in range(0, 32, 8))
                    found.add(socket.inet_ntop(socket.AF_INET6, raw))
    return found


@pytest.fixture(scope="module")
def corpus_server(corpus_api, corpus_settings):
    """The app over the embedded corpus, started by ui.app.launch with default host."""
    from ui.app import launch
    settings = replace(corpus_settings, ui_port=free_port())
    demo = launch(settings, api=corpus_api, prevent_thread_lock=True, quiet=True)
    yield demo, settings
    demo.close()


@pytest.fixture(scope="module")
def corpus_url(corpus_server):
    demo, settings = corpus_server
    return f"http://127.0.0.1:{settings.ui_port}/"


def _cites_changge_0304(result: dict) -> bool:
    return any(c["doc_title"] == CHANGGE_TITLE and c["date"] == "2020-03-04"
               for c in result["citations"])


@pytest.mark.parametrize("question", [FARMLAND_ZH, FARMLAND_EN])
def test_ask_farmland_is_cited_from_changge_0304(corpus_url, question):
    result = client_for(corpus_url).predict(question, api_name="/ask")
    assert not result["abstained"]
    assert result["answer"].strip()
    assert result["citations"], result
    assert _cites_changge_0304(result), [(c["doc_title"], c["date"]) for c in result["citations"]]
    quoted = [c for c in result["citations"] if c["verified"]]
    assert quoted and all(c["quote"] in c["text"] for c in quoted)


def test_chat_streams_and_remembers_the_conversation(corpus_url):
    client = client_for(corpus_url)
    job = client.submit(FARMLAND_ZH, api_name="/chat")
    chat, sources, _ = job.result()
    assert len(job.outputs()) >= 3, "the answer should arrive in several streamed updates"
    assert [m["role"] for m in chat] == ["user", "assistant"]
    answer_text = chat[1]["content"][0]["text"]
    assert 'href="#cite-1-1"' in answer_text              # [1] links to its card
    assert 'id="cite-1-1"' in sources and "<mark>" in sources
    assert CHANGGE_TITLE in sources and "2020-03-04" in sources

    # The same client session continues the conversation; a fresh client starts empty.
    chat2, sources2, _ = client.submit("那副市长呢？", api_name="/chat").result()
    assert [m["role"] for m in chat2] == ["user", "assistant"] * 2
    assert 'id="turn-2"' in sources2 and 'id="turn-1"' in sources2
    other, _, _ = client_for(corpus_url).submit("那副市长呢？", api_name="/chat").result()
    assert len(other) == 2


def test_follow_up_uses_history(corpus_url):
    client = client_for(corpus_url)
    first = client.predict("3月4日长葛市委书记尹俊营主持召开了什么会议？", api_name="/ask")
    follow = client.predict("那市长呢？", [[first["question"], first["answer"]]], api_name="/ask")
    assert "市长" in follow["standalone_question"]
    assert follow["standalone_question"] != "那市长呢？"


def test_ten_concurrent_sessions_are_all_answered_unmixed(corpus_url):
    questions = [FARMLAND_ZH, FARMLAND_EN, "3月4日长葛市老旧小区改造工作推进会提出了哪些要求？",
                 "金属表面处理园建设有什么要求？", "清潩河综合治理工程晨会强调了什么？",
                 "What did Party Secretary Yin Junying require about community management?",
                 "双洎河国家湿地公园要按照什么标准打造？", "魏都区2019年有哪些大事？",
                 "企业服务日座谈会上李光亚提出了什么要求？", "社区服务中心室内建筑面积不低于多少？"]

    def one(q: str):
        chat, sources, _ = client_for(corpus_url).submit(q, api_name="/chat").result()
        return q, chat, sources

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(one, questions))
    assert len(results) == 10
    for q, chat, sources in results:
        assert len(chat) == 2, (q, chat)
        assert chat[0]["content"][0]["text"] == q          # each session saw only its own turn
        assert chat[1]["content"][0]["text"].strip(), q
        assert escape(q) in sources


def test_server_listens_on_localhost_only_by_default(corpus_server):
    demo, settings = corpus_server
    assert settings.ui_host == "127.0.0.1"
    assert demo.server_name == "127.0.0.1"
    addrs = listening_addresses(settings.ui_port)
    if not addrs:
        pytest.skip("cannot read listening sockets from /proc/net/tcp")
    assert addrs == {"127.0.0.1"}, addrs


def test_status_endpoint(corpus_url):
    st = client_for(corpus_url).predict(api_name="/status")
    assert st["exists"] and st["documents"] >= 2 and st["chunks"] > 0
    assert CHANGGE_TITLE in {d["title"] for d in st["docs"]}


def test_auth_from_settings(corpus_api, corpus_settings):
    from ui.app import launch
    settings = replace(corpus_settings, ui_port=free_port(), ui_auth="alice:pa:ss")
    demo = launch(settings, api=corpus_api, prevent_thread_lock=True, quiet=True)
    try:
        url = f"http://127.0.0.1:{settings.ui_port}/"
        with pytest.raises(Exception):
            Client(url, verbose=False)
        st = client_for(url, auth=("alice", "pa:ss")).predict(api_name="/status")
        assert st["exists"]
    finally:
        demo.close()


def test_upload_then_ask_in_a_separate_index(tmp_path):
    """Uploading indexes the file into this app's own index, which then answers from it."""
    from rag.api import RAG
    from rag.settings import Settings
    from ui.app import build_app

    api = RAG(Settings.load(index_dir=tmp_path / "index", index="uploads", llm="extractive"))
    demo = build_app(api)
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    try:
        client = client_for(f"http://127.0.0.1:{port}/")
        fact = tmp_path / "qingsong_meeting.txt"
        fact.write_text(UNIQUE_FACT + "\n", encoding="utf-8")
        other = tmp_path / "other_notes.md"
        other.write_text("# 其他记录\n\n2021年6月1日，某某区开展了儿童节慰问活动。\n", encoding="utf-8")
        msg, status, table, *_ = client.predict([handle_file(fact), handle_file(other)], "en",
                                                api_name="/upload")
        assert "qingsong_meeting" in msg and "other_notes" in msg, msg
        assert "documents** 2" in status

        result = client.predict("青松公园是哪次会议决定建设的？", api_name="/ask")
        assert not result["abstained"]
        cited = [c for c in result["citations"] if "青松公园" in c["text"]]
        assert cited and cited[0]["doc_title"] == "qingsong_meeting"

        msg, status, *_ = client.predict(["other_notes"], "en", api_name="/remove")
        assert "other_notes" in msg
        st = client.predict(api_name="/status")
        assert [d["doc_id"] for d in st["docs"]] == ["qingsong_meeting"]
        # the upload's original is kept in the index (Gradio's temp copy is gone), the
        # removed document's is not
        kept = sorted(p.name for p in (api.store.path / "originals").iterdir())
        assert kept == ["qingsong_meeting.txt"]
        import base64
        got = client.predict("qingsong_meeting", api_name="/original")
        assert base64.b64decode(got["data_base64"]) == fact.read_bytes()
        assert got["file_name"] == "qingsong_meeting.txt"

        with pytest.raises(Exception, match="(?i)file type"):
            bad = tmp_path / "slides.pptx"             # .csv is a table now; slides are not read
            bad.write_bytes(b"PK\x03\x04 not read")
            client.predict([handle_file(bad)], "en", api_name="/upload")
    finally:
        demo.close()


# --- pieces without a server ---------------------------------------------------------------

def test_upload_checks_type_and_size(tmp_path):
    from ui.documents import check_uploads
    ok_file = tmp_path / "a.txt"
    ok_file.write_text("x")
    big = tmp_path / "big.pdf"
    big.write_bytes(b"0" * (2 * 2**20))
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ")
    ok, rejected = check_uploads([ok_file, big, exe], max_mb=1, lang="en")
    assert ok == [ok_file]
    assert any("big.pdf" in r and "1 MB" in r for r in rejected)
    assert any("tool.exe" in r and "unsupported" in r for r in rejected)
    _, rejected_zh = check_uploads([exe], max_mb=1, lang="zh")
    assert "不支持" in rejected_zh[0]


def test_cards_escape_documents_and_mark_quotes():
    from ui.render import answer_markdown, sources_html
    evil = "<script>alert(1)</script> 市长要求<b>加快</b>建设。"
    rec = {"question": "q<i>", "answer": "答案 [1] 和 [2]", "abstained": False, "llm": "extractive",
           "notice": "LLM timed out; extractive answer shown",
           "citations": [
               {"n": 1, "id": "d:p1", "doc_title": "<img src=x onerror=alert(1)>", "section": "a > b",
                "date": "2020-03-04", "text": evil, "quote": "市长要求<b>加快</b>建设。",
                "start": evil.index("市长"), "end": len(evil), "verified": True},
               {"n": 2, "id": "d:p2", "doc_title": "T", "section": "", "date": None,
                "text": "别的段落。", "quote": "不在原文", "start": 0, "end": 4, "verified": False}]}
    html = sources_html([rec], "zh")
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>市长要求&lt;b&gt;加快&lt;/b&gt;建设。</mark>" in html
    assert 'id="cite-1-1"' in html and 'id="cite-1-2"' in html
    assert html.count("badge-unverified") == 1 and "未核实" in html
    assert "LLM timed out" in html
    from ui.render import chat_messages
    bot = chat_messages([rec])[1]["content"]
    assert "LLM timed out" in bot and 'href="#cite-1-2"' in bot
    md = answer_markdown(rec["answer"], 1, {1, 2})
    assert 'href="#cite-1-1"' in md and 'href="#cite-1-2"' in md
    assert "<" not in answer_markdown("<script>x</script>", 1, set()).replace("&lt;", "")


def test_abstention_shows_nearest_passages():
    from ui.render import sources_html
    rec = {"question": "火星上有什么？", "answer": "资料中没有找到相关信息。", "abstained": True,
           "llm": "extractive", "citations": [],
           "nearest": [{"doc_title": "长葛", "section": "", "date": "2020-03-05", "text": "段落<x>"}]}
    html = sources_html([rec], "en")
    assert "The documents do not say" in html and 'id="near-1-1"' in html and "段落&lt;x&gt;" in html


def test_language_from_browser_and_dates():
    from ui.chat import normalize_date
    from ui.i18n import TEXT, pick_lang
    assert pick_lang("zh-CN") == "zh" and pick_lang("en-US", "zh") == "en"
    assert pick_lang("", "en-GB,en;q=0.9,zh-CN;q=0.8") == "en"
    assert pick_lang(None, "zh-TW,zh;q=0.9") == "zh"
    assert set(TEXT["zh"]) == set(TEXT["en"])
    assert normalize_date("2020-3-4") == "2020-03-04"
    assert normalize_date("2020年3月") == "2020-03-01"
    assert normalize_date("2020-02", end=True) == "2020-02-29"
    assert normalize_date("2020", end=True) == "2020-12-31"
    assert normalize_date("") is None
    with pytest.raises(ValueError):
        normalize_date("March 4")


def test_answerer_choices_offer_only_available_ones(corpus_api):
    from ui.chat import answerer_choices, reasons_markdown
    names, default, avail = answerer_choices(corpus_api)
    assert "extractive" in names and default in names
    assert all(avail[n][0] for n in names if n in avail)
    for name, (ok, why) in avail.items():
        if not ok:
            assert name not in names
            assert name in reasons_markdown(avail, "en") and why in reasons_markdown(avail, "en")


def test_parse_auth():
    from ui.app import parse_auth
    assert parse_auth(None) is None
    assert parse_auth("u:p:q") == ("u", "p:q")
    with pytest.raises(ValueError):
        parse_auth("nopassword")


def test_table_row_citation_is_a_small_table_with_the_answered_cell_marked():
    from ui.render import citation_card, table_row_html
    row = "魏都区一般公共预算收入 · 2019年 · 一般公共预算/收入: 193600万元；一般公共预算/税收收入: 135500万元。"
    html = table_row_html(row, "答：193600万元[1]")
    assert "<caption>魏都区一般公共预算收入</caption>" in html
    assert "<th>一般公共预算/收入</th><th>一般公共预算/税收收入</th>" in html
    assert "<th>2019年</th><td><mark>193600万元</mark></td><td>135500万元</td>" in html
    c = {"n": 1, "doc_title": "年鉴", "text": row, "quote": row, "kind": "table-row", "page": 2}
    assert '<table class="cite-table">' in citation_card(1, c, "zh", "答：193600万元")
    # document text in a cell is escaped; prose keeps the highlighted paragraph
    assert "&lt;b&gt;" in table_row_html("表 · 行 · 列: <b>1</b>。")
    assert table_row_html("一段普通的文字，没有表格。") is None
    prose = {**c, "kind": None, "text": "全年粮食产量12万吨。", "quote": "12万吨"}
    assert "<mark>12万吨</mark>" in citation_card(1, prose, "zh")
