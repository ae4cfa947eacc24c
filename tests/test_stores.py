"""The vector store interface on both backends: the same small corpus indexed into FAISS and a
real Milvus Lite (tmp dirs, real e5 embedder) gives the same rankings, filters, deletes,
incremental updates and manifests; a bad RAG_STORE or an unreachable server is one clear line."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pymilvus", reason="the milvus extra is not installed: pip install -e '.[milvus]'")

from rag.api import RAG  # noqa: E402
from rag.index import IndexMismatch  # noqa: E402
from rag.index.vectors import FaissStore, StoreError, Where, parse_spec  # noqa: E402
from rag.settings import Settings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent

DOCS = {
    "heping.txt": """# 和平区2021年3月大事记

3月2日，区长王建国主持召开区政府常务会议，研究部署春季农业生产和高标准农田建设工作。

3月9日，区委书记赵明带队调研城市更新项目，要求加快老旧小区改造进度。

3月18日，和平区召开优化营商环境工作推进会，部署“一网通办”改革。

3月25日，和平区举行植树节义务植树活动，机关干部一千余人参加。
""",
    "qinghe.txt": """# 清河县2019年政府工作报告摘要

2019年，全县完成地区生产总值120亿元，同比增长7.5%。

全年新建高标准农田3.5万亩，完成灌溉排水和田间道路配套。

城乡居民人均可支配收入分别增长8.1%和9.3%。
""",
    "dongshan.txt": """# 东山镇2020年6月大事记

6月3日，东山镇召开乡村旅游发展大会，全年接待游客12万人次。

6月15日，镇图书馆延长周末开放时间，每晚开放至九点。

6月28日，东山镇完成防汛应急演练，转移群众三百余人。
""",
}
QUESTIONS = ["高标准农田建设", "老旧小区改造", "图书馆开放时间", "地区生产总值增长多少",
             "防汛应急演练", "优化营商环境", "义务植树", "乡村旅游收入"]
K = 3


def write_corpus(folder: Path, docs=DOCS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def free_port() -> int:
    with socket.socket() as s:          # bound and closed: nothing listens on it afterwards
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_api(root: Path, store: str, index: str = "t") -> RAG:
    return RAG(Settings.load(index_dir=root / "index", index=index, store=store))


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """The corpus indexed once into FAISS and once into Milvus Lite: {"faiss": api, "milvus": api}."""
    root = tmp_path_factory.mktemp("stores")
    corpus = write_corpus(root / "corpus")
    apis = {"faiss": make_api(root / "f", "faiss"),
            "milvus": make_api(root / "m", f"milvus-lite:{root / 'm' / 'vectors.db'}")}
    for api in apis.values():
        _, report = api.ingest([corpus])
        assert sorted(report.added) == ["dongshan", "heping", "qinghe"]
    return corpus, apis


@pytest.fixture
def fresh(tmp_path):
    """A pair of its own for a test that changes the index."""
    corpus = write_corpus(tmp_path / "corpus")
    apis = {"faiss": make_api(tmp_path / "f", "faiss"),
            "milvus": make_api(tmp_path / "m", f"milvus-lite:{tmp_path / 'm' / 'v.db'}")}
    for api in apis.values():
        api.ingest([corpus])
    return corpus, apis


def top_ids(api, q, mode, **kw):
    return [h.chunk.id for h in api.retrieve(q, k=K, mode=mode, **kw).hits]


# --- the same answers from both ------------------------------------------------------------

@pytest.mark.parametrize("mode", ["dense", "hybrid"])
def test_same_top_k_on_both_stores(pair, mode):
    _, apis = pair
    for q in QUESTIONS:
        f, m = top_ids(apis["faiss"], q, mode), top_ids(apis["milvus"], q, mode)
        assert len(f) == len(m) == K
        assert f[0] == m[0] and len(set(f) & set(m)) >= K - 1, (q, f, m)


def test_dense_scores_agree(pair):
    """Milvus Lite's exact inner product is FAISS's, to float precision."""
    _, apis = pair
    q = apis["faiss"].embedder().embed_query_vec("高标准农田建设")
    f = apis["faiss"].load_index().store.search(q, 5)
    m = apis["milvus"].load_index().store.search(q, 5)
    assert [h.id for h in f] == [h.id for h in m]
    assert np.allclose([h.score for h in f], [h.score for h in m], atol=1e-4)


@pytest.mark.parametrize("where", [
    Where(docs=("qinghe",)),
    Where(docs=("heping", "dongshan")),
    Where(date_from="2021-03-05", date_to="2021-03-20"),
    Where(date_from="2020-06-10"),
    Where(date_to="2020-12-31"),
    Where(docs=("heping",), date_to="2021-03-10"),
], ids=["one-doc", "two-docs", "date-range", "date-from", "date-to", "doc-and-date"])
def test_filters_give_the_same_results(pair, where):
    _, apis = pair
    idx_f, idx_m = apis["faiss"].load_index(), apis["milvus"].load_index()
    q = apis["faiss"].embedder().embed_query_vec("召开会议部署工作")
    f = [h.id for h in idx_f.store.search(q, 20, where)]
    m = [h.id for h in idx_m.store.search(q, 20, where)]
    assert f and f == m
    chunks = {c.id: c for c in idx_f.chunks}
    for cid in f:
        c = chunks[cid]
        assert not where.docs or c.doc_id in where.docs
        assert not where.date_from or (c.date and c.date >= where.date_from)
        assert not where.date_to or (c.date and c.date <= where.date_to)


def test_profile_field_filter(pair):
    """Documents' profile fields (here the year) filter both stores alike."""
    _, apis = pair
    idx_f, idx_m = apis["faiss"].load_index(), apis["milvus"].load_index()
    year = idx_f.docs["qinghe"]["year"]
    assert year
    q = apis["faiss"].embedder().embed_query_vec("增长")
    f = [h.id for h in idx_f.store.search(q, 20, Where(year=year))]
    assert f == [h.id for h in idx_m.store.search(q, 20, Where(year=year))]
    assert {idx_f.chunks[idx_f.row_of[i]].doc_id for i in f} == {
        d for d, rec in idx_f.docs.items() if rec["year"] == year}


def test_retrieve_filters_on_both(pair):
    _, apis = pair
    for kw in ({"docs": ["dongshan"]}, {"date_from": "2021-03-01", "date_to": "2021-03-15"}):
        f, m = top_ids(apis["faiss"], "会议", "hybrid", **kw), top_ids(apis["milvus"], "会议", "hybrid", **kw)
        assert f == m and f


def test_manifest_lists_the_same_documents(pair):
    _, apis = pair
    sf, sm = apis["faiss"].status(), apis["milvus"].status()
    assert sf["store"] == "faiss" and sm["store"].startswith("milvus-lite:")
    assert sf["faiss"] == "flat" and sm["faiss"] is None
    assert sf["docs"] == sm["docs"] and sf["chunks"] == sm["chunks"] == apis["milvus"].load_index().store.count()


def test_faiss_manifest_has_no_store_key(pair):
    """The FAISS on-disk format is unchanged: same files, no new manifest field."""
    _, apis = pair
    d = apis["faiss"].store.current_dir()
    assert not apis["faiss"].store.manifest().keys() & {"store"}
    assert {"dense.faiss", "vectors.npy", "chunks.jsonl", "manifest.json"} <= {p.name for p in d.iterdir()}
    dm = apis["milvus"].store.current_dir()
    assert not (dm / "dense.faiss").exists() and (dm / "bm25_tf.npz").exists()


# --- incremental updates and deletes -------------------------------------------------------

def test_reingest_unchanged_embeds_nothing_on_both(pair):
    corpus, apis = pair
    for name, api in apis.items():
        _, report = api.ingest([corpus])
        assert report.embedded_chunks == 0, name
        assert sorted(report.unchanged) == ["dongshan", "heping", "qinghe"], name


def test_changed_document_embeds_the_same_chunks_on_both(fresh):
    corpus, apis = fresh
    (corpus / "qinghe.txt").write_text(DOCS["qinghe.txt"] + "\n全县新增城镇就业岗位六千个。\n",
                                       encoding="utf-8")
    reports = {name: api.ingest([corpus])[1] for name, api in apis.items()}
    assert reports["faiss"].updated == reports["milvus"].updated == ["qinghe"]
    assert reports["faiss"].embedded_chunks == reports["milvus"].embedded_chunks >= 1
    assert reports["faiss"].reused_chunks == reports["milvus"].reused_chunks
    assert top_ids(apis["faiss"], "新增就业岗位", "dense") == top_ids(apis["milvus"], "新增就业岗位", "dense")


def test_delete_by_document_removes_from_both(fresh):
    _, apis = fresh
    for name, api in apis.items():
        before = api.load_index().store.count()
        report = api.remove(["qinghe"])
        assert report.removed == ["qinghe"], name
        idx = api.load_index()
        assert "qinghe" not in idx.docs and "qinghe" not in api.status()["docs"].__repr__()
        assert idx.store.count() == len(idx.chunks) < before, name
        hits = api.retrieve("地区生产总值增长多少", k=5, mode="dense").hits
        assert all(h.chunk.doc_id != "qinghe" for h in hits), name
    vs = apis["milvus"].load_index().store
    assert all(not i.startswith("qinghe") for i in vs.hashes())


def test_store_delete_docs_interface(fresh):
    """delete_docs on the interface itself, both backends."""
    _, apis = fresh
    idx = apis["faiss"].load_index()
    faiss_store = FaissStore.from_chunks(idx.chunks, idx.vectors, idx.docs)
    milvus_store = apis["milvus"].load_index().store
    for vs in (faiss_store, milvus_store):
        vs.delete_docs(["dongshan"])
        assert vs.count() == sum(c.doc_id != "dongshan" for c in idx.chunks)
        assert not any(i.startswith("dongshan") for i in vs.hashes())


def test_an_out_of_sync_milvus_is_detected_and_repaired(fresh):
    corpus, apis = fresh
    api = apis["milvus"]
    vs = api.load_index().store
    victim = sorted(vs.hashes())[0]
    vs.delete([victim])
    fresh_api = RAG(api.settings)
    with pytest.raises(IndexMismatch, match="rag ingest"):
        fresh_api.load_index()
    _, report = fresh_api.ingest([corpus])
    assert report.embedded_chunks == 1 and victim in vs.hashes()
    assert fresh_api.load_index().store.count() == len(fresh_api.load_index().chunks)


def test_switching_store_needs_a_rebuild(pair, tmp_path):
    corpus, apis = pair
    other = RAG(Settings.load(index_dir=apis["faiss"].settings.index_dir, index="t",
                              store=f"milvus-lite:{tmp_path / 'x.db'}"))
    with pytest.raises(IndexMismatch, match="store: index has 'faiss'"):
        other.ingest([corpus])


# --- errors: malformed spec, unreachable server -------------------------------------------

@pytest.mark.parametrize("spec", ["milvus:/x", "milvus://localhost/c", "milvus://h:19530/",
                                  "milvus-lite:", "milvus-lite:vectors", "chroma://x"])
def test_malformed_store_names_the_setting(spec):
    with pytest.raises(StoreError, match="RAG_STORE") as e:
        parse_spec(spec)
    assert spec in str(e.value) and "milvus-lite:path/to/file.db" in str(e.value)


def run_rag(*args, env_extra, cwd):
    env = {**os.environ, **env_extra}
    return subprocess.run([sys.executable, "-m", "rag", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_cli_malformed_rag_store_is_one_line(tmp_path):
    p = run_rag("status", env_extra={"RAG_STORE": "milvus:/nowhere", "RAG_INDEX_DIR": str(tmp_path)},
                cwd=REPO)
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert "RAG_STORE='milvus:/nowhere'" in p.stderr


def test_unreachable_server_names_the_url(tmp_path):
    url = f"milvus://127.0.0.1:{free_port()}/c"
    corpus = write_corpus(tmp_path / "corpus", {"q.txt": DOCS["qinghe.txt"]})
    api = make_api(tmp_path, url)
    with pytest.raises(StoreError) as e:
        api.ingest([corpus])
    msg = str(e.value)
    assert url in msg and "server is running" in msg
    # the CLI prints it as one line; the subprocess timeout bounds the connection attempt
    p = run_rag("ingest", str(corpus), "--store", url,
                env_extra={"RAG_INDEX_DIR": str(tmp_path / "cli")}, cwd=REPO)
    assert p.returncode == 2 and url in p.stderr and "Traceback" not in p.stderr


def test_cli_status_and_ingest_show_the_store(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {"q.txt": DOCS["qinghe.txt"]})
    spec = f"milvus-lite:{tmp_path / 'cli.db'}"
    env = {"RAG_INDEX_DIR": str(tmp_path / "index"), "RAG_STORE": spec}
    p = run_rag("ingest", str(corpus), env_extra=env, cwd=REPO)
    assert p.returncode == 0, p.stderr
    assert f"vectors in {spec}" in p.stdout
    p = run_rag("status", env_extra=env, cwd=REPO)
    assert p.returncode == 0, p.stderr
    assert f"vectors in {spec}" in p.stdout and "1 documents" in p.stdout
    # a process other than the writer searches the collection (Milvus Lite loads it first)
    p = run_rag("retrieve", "高标准农田", "--json", "-k", "1", "--mode", "dense",
                "--store", f"milvus-lite:{os.path.relpath(tmp_path / 'cli.db', REPO)}",
                env_extra=env, cwd=REPO)
    assert p.returncode == 0, p.stderr
    assert "高标准农田" in json.loads(p.stdout)["results"][0]["text"]


def test_rag_imports_no_pymilvus_until_asked():
    code = ("import sys; import rag.api, rag.index, rag.cli, rag.index.vectors; "
            "rag.index.vectors.parse_spec('milvus-lite:a.db'); "
            "from rag.settings import Settings; from rag.api import RAG; "
            "RAG(Settings.load(store='milvus-lite:a.db')).status(); "
            "print('pymilvus' in sys.modules, 'torch' in sys.modules)")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                       env={**os.environ, "RAG_INDEX_DIR": "/nonexistent-rag-index"}, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout.split() == ["False", "False"]
