"""The "naive-langchain" baseline: what a typical LangChain tutorial would build on our corpus.

Raw corpus files read as text (no cleaning, no structure), RecursiveCharacterTextSplitter
(500/50), the product's embedder, a LangChain FAISS store, plain top-k. No BM25, no query
understanding. Answers go through the same answer chain as the product, on these chunks, so
answer metrics compare like with like. The store is cached on disk by content hash because
embedding the corpus takes minutes.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
import warnings
from pathlib import Path

from rag.types import Answer, Chunk, Hit

CHUNK_SIZE = 500
CHUNK_OVERLAP = 50
CACHE_VERSION = 1                       # bump when the cached layout or chunk metadata change
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
SKIP_NAMES = ("corpus.json",)           # the corpus metadata file, not a document
EMBED_BATCH = 32


def _faiss_class():
    # langchain-community warns that it is being sunset; the baseline deliberately uses the
    # tutorial-standard FAISS wrapper, so the warning is noise for `rag eval` users.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from langchain_community.vectorstores import FAISS
    return FAISS


def corpus_files(corpus_dir: Path) -> list[Path]:
    """The raw text files a tutorial's DirectoryLoader would pick up, sorted by path."""
    return sorted(f for f in Path(corpus_dir).rglob("*")
                  if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES
                  and f.name not in SKIP_NAMES and not f.name.startswith(".")
                  and not f.name.lower().startswith("readme"))


def read_raw(path: Path) -> str:
    """The file as text: decoded, nothing else (GB18030 fallback for legacy Chinese files)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def cache_key(files: list[Path], root: Path, embedder_spec: str) -> str:
    """Hash of everything the store depends on: file names and bytes, splitter, embedder."""
    h = hashlib.sha256()
    h.update(json.dumps({"version": CACHE_VERSION, "splitter": "RecursiveCharacterTextSplitter",
                         "chunk_size": CHUNK_SIZE, "chunk_overlap": CHUNK_OVERLAP,
                         "embedder": embedder_spec}, sort_keys=True).encode())
    for f in files:
        h.update(b"\0" + str(f.relative_to(root)).encode() + b"\0")
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()[:16]


def split_corpus(files: list[Path], root: Path) -> tuple[list[str], list[dict]]:
    """Chunk texts and their metadata (n, source file, start offset in the raw text)."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP,
                                              add_start_index=True)
    texts, metas = [], []
    for f in files:
        for doc in splitter.create_documents([read_raw(f)]):
            metas.append({"n": len(texts), "source": str(f.relative_to(root)),
                          "start_index": doc.metadata.get("start_index", 0)})
            texts.append(doc.page_content)
    return texts, metas


def cache_dir_for(settings) -> Path:
    """<index_dir>/naive-langchain-<hash>: where the store for this corpus and embedder lives."""
    root = Path(settings.corpus_dir)
    files = corpus_files(root)
    if not files:
        raise FileNotFoundError(f"naive-langchain: no text files ({', '.join(TEXT_SUFFIXES)}) "
                                f"in {root}; set RAG_CORPUS_DIR")
    return Path(settings.index_dir) / f"naive-langchain-{cache_key(files, root, settings.embedder)}"


class NaiveLangChain:
    """Retrieval (and answers) of the naive baseline; build with `NaiveLangChain.load`."""
    name = "naive-langchain"

    def __init__(self, store, settings, cache_dir: Path):
        self.store = store
        self.settings = settings
        self.cache_dir = cache_dir
        self._answerer = None

    @classmethod
    def load(cls, settings, progress: bool = True) -> "NaiveLangChain":
        """Open the cached store for the current corpus and embedder, building it if needed."""
        from rag.embed import get_embedder

        FAISS = _faiss_class()

        root = Path(settings.corpus_dir)
        files = corpus_files(root)
        cache_dir = cache_dir_for(settings)
        lc = get_embedder(settings.embedder, settings).as_langchain()
        if not (cache_dir / "index.faiss").exists():
            _build(cache_dir, files, root, settings.embedder, lc, progress)
        # allow_dangerous_deserialization: the pickle is one we wrote ourselves (see _build).
        store = FAISS.load_local(str(cache_dir), lc, allow_dangerous_deserialization=True)
        return cls(store, settings, cache_dir)

    def describe(self) -> str:
        return (f"RecursiveCharacterTextSplitter({CHUNK_SIZE}/{CHUNK_OVERLAP}) over raw files, "
                f"LangChain FAISS, embedder={self.settings.embedder}, store={self.cache_dir}")

    def retrieve(self, question: str, k: int) -> list[Hit]:
        hits = []
        for rank, (doc, dist) in enumerate(self.store.similarity_search_with_score(question, k=k), 1):
            m = doc.metadata
            start = int(m.get("start_index", 0))
            text = doc.page_content
            chunk = Chunk(id=f"naive:{m['n']}", doc_id=m["source"], doc_title=Path(m["source"]).name,
                          section="", date=None, start=start, end=start + len(text), text=text,
                          hash=hashlib.sha256(text.encode()).hexdigest()[:16])
            # FAISS's default index returns squared L2; for unit vectors 1 - d/2 is the cosine.
            score = 1.0 - float(dist) / 2.0
            hits.append(Hit(chunk=chunk, score=score, rank=rank, sources={"dense": score}))
        return hits

    def answer(self, question: str) -> Answer:
        from rag.answer import get_answerer
        from rag.answer.chain import answer_question

        if self._answerer is None:
            self._answerer = get_answerer(self.settings.llm, self.settings)
        k = self.settings.k
        return answer_question(question, lambda q: self.retrieve(q, k), self._answerer)


def _build(cache_dir: Path, files: list[Path], root: Path, embedder_spec: str, lc,
           progress: bool) -> None:
    """Split, embed with a progress bar, save to a temp folder, then move it into place."""
    from tqdm import tqdm

    FAISS = _faiss_class()

    texts, metas = split_corpus(files, root)
    vectors: list[list[float]] = []
    with tqdm(total=len(texts), desc="naive-langchain: embedding chunks", unit="chunk",
              file=sys.stderr, disable=not progress) as bar:
        for i in range(0, len(texts), EMBED_BATCH):
            batch = texts[i:i + EMBED_BATCH]
            vectors.extend(lc.embed_documents(batch))
            bar.update(len(batch))
    store = FAISS.from_embeddings(list(zip(texts, vectors)), lc, metadatas=metas,
                                  ids=[f"naive:{m['n']}" for m in metas])
    cache_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir.with_name(f".{cache_dir.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    store.save_local(str(tmp))
    manifest = {"kind": "naive-langchain", "version": CACHE_VERSION, "embedder": embedder_spec,
                "splitter": {"name": "RecursiveCharacterTextSplitter", "chunk_size": CHUNK_SIZE,
                             "chunk_overlap": CHUNK_OVERLAP},
                "files": [str(f.relative_to(root)) for f in files], "chunks": len(texts),
                "created": time.strftime("%Y-%m-%dT%H:%M:%S")}
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2),
                                       encoding="utf-8")
    try:
        os.replace(tmp, cache_dir)
    except OSError:                     # another process finished the same store first
        shutil.rmtree(tmp, ignore_errors=True)
        if not (cache_dir / "index.faiss").exists():
            raise
