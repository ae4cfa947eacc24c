"""Limits on the work one request or one file may cause (issue 12): question length, k,
empty questions, history, .docx decompression bombs, deep HTML, the parse time budget and
the size of one ingest job. Each refusal names the limit and the setting that raises it."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ingest_util import ZH, make_docx, write
from rag.api import RAG
from rag.ingest import ingest_paths, loaders
from rag.limits import FileLimits, LimitError, check_history, check_k, check_question
from rag.settings import Settings


@pytest.fixture
def empty_api(tmp_path):
    """An API with no index at all: a request that gets past the checks fails on the index."""
    return RAG(Settings.load(index_dir=tmp_path / "none", index="t", llm="extractive"))


# --- questions ---------------------------------------------------------------------------

def test_long_question_refused_before_the_index_is_touched(empty_api):
    question = "市长对高标准农田建设提出了什么要求？" * 60_000            # about 1 MB
    for call in (empty_api.retrieve, empty_api.ask, empty_api.stream):
        with pytest.raises(LimitError) as err:
            call(question)
        assert err.value.setting == "RAG_MAX_QUESTION_CHARS"
        assert "RAG_MAX_QUESTION_CHARS" in str(err.value) and "2,000" in str(err.value)
    # a question at the limit passes the checks and reaches the (missing) index
    with pytest.raises(FileNotFoundError):
        empty_api.retrieve("问" * 2000)


def test_question_limit_is_a_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("RAG_MAX_QUESTION_CHARS", "5000")
    api = RAG(Settings.load(index_dir=tmp_path / "none"))
    with pytest.raises(FileNotFoundError):                   # accepted, then no index
        api.retrieve("问" * 4000)
    with pytest.raises(LimitError, match="5,000"):
        api.retrieve("问" * 5001)


@pytest.mark.parametrize("question", [None, "", "   \n", 42, {"q": "x"}, ["a"]])
def test_null_empty_or_non_text_question_is_a_clear_error(empty_api, question):
    for call in (empty_api.retrieve, empty_api.ask, empty_api.stream):
        with pytest.raises(LimitError) as err:
            call(question)
        message = str(err.value)
        assert "question" in message
        assert "NoneType" not in message and "object" not in message.replace("an object", "")


@pytest.mark.parametrize("k", [-5, 0, 100_000_000, 51, "abc", 2.5, True, [5]])
def test_bad_k_refused_naming_k(empty_api, k):
    for call in (empty_api.retrieve, empty_api.ask, empty_api.stream):
        with pytest.raises(LimitError) as err:
            call("市长提出了什么要求？", k=k)
        assert str(err.value).startswith("k ")
    if k in (100_000_000, 51):
        assert err.value.setting == "RAG_MAX_K" and "RAG_MAX_K" in str(err.value)


@pytest.mark.parametrize("k, expected", [(1, 1), (50, 50), ("7", 7), (5.0, 5), (None, 5)])
def test_good_k_accepted(k, expected):
    assert check_k(k, Settings.load()) == expected


def test_history_cut_to_turns_and_characters():
    s = Settings.load()
    pairs = [[f"问题{i}", "答" * 10_000] for i in range(100)]
    kept = check_history(pairs, s)
    assert [q for q, _ in kept] == [f"问题{i}" for i in range(90, 100)]
    assert all(len(a) == s.max_history_chars for _, a in kept)
    messages = [m for q, a in pairs for m in ({"role": "user", "content": q},
                                              {"role": "assistant", "content": a})]
    kept = check_history(messages, s)
    assert len(kept) == 2 * s.max_history_turns and kept[0] == {"role": "user", "content": "问题90"}
    assert all(len(m["content"]) <= s.max_history_chars for m in kept)
    with pytest.raises(LimitError, match="history"):
        check_history("not a list", s)


def test_question_limit_message_is_safe_to_show():
    with pytest.raises(LimitError) as err:
        check_question("<script>" * 1000, Settings.load())
    assert "<script>" not in str(err.value)          # the question itself is never echoed


def test_cli_refuses_with_one_line(capsys):
    from rag.cli import main
    assert main(["ask", "   "]) == 2
    assert main(["retrieve", "问题", "-k", "-5"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["rag: the question is empty: type a question", "rag: k must be at least 1, got -5"]


def test_long_history_through_a_real_answer(corpus_api):
    history = [["市长对高标准农田建设提出了什么要求？", "要求" * 50_000]] * 200
    answer = corpus_api.ask("那么完成时间呢？", history=history, k=3)
    assert answer.question == "那么完成时间呢？"
    assert answer.standalone_question.startswith("市长")     # the kept history still resolves it


# --- .docx decompression bombs -----------------------------------------------------------

def docx_bomb(path: Path, paragraphs: int, template: Path) -> Path:
    """A real .docx whose document.xml is `paragraphs` empty paragraphs (streamed into the zip,
    never held whole): 7 million of them compress to under 100 KB."""
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info, src.read(info))
        head = src.read("word/document.xml").decode().split("<w:body>")[0] + "<w:body>"
        with out.open("word/document.xml", "w") as f:
            f.write(head.encode())
            block = b"<w:p/>" * 100_000
            for _ in range(paragraphs // 100_000):
                f.write(block)
            f.write(b"</w:body></w:document>")
    return path


@pytest.fixture
def template(tmp_path):
    (tmp_path / "template").mkdir()
    return make_docx(tmp_path / "template" / "t.docx")


def test_docx_bomb_refused_by_unzipped_size(tmp_path, template):
    bomb = docx_bomb(tmp_path / "bomb.docx", 7_000_000, template)
    assert bomb.stat().st_size < 100_000                  # small on disk...
    with pytest.raises(loaders.LoadError) as err:
        loaders.load(bomb, 20 * 2**20)
    assert err.value.kind == "limit" and err.value.setting == "RAG_MAX_FILE_MB"
    assert "unpacks to 40." in str(err.value) and "20 MB limit" in str(err.value)


def test_docx_bomb_under_the_size_limit_refused_by_ratio(tmp_path, template):
    bomb = docx_bomb(tmp_path / "bomb.docx", 2_000_000, template)     # 12 MB of XML
    with pytest.raises(loaders.LoadError) as err:
        loaders.load(bomb, 20 * 2**20)
    assert err.value.setting == "RAG_MAX_ZIP_RATIO" and "RAG_MAX_ZIP_RATIO" in str(err.value)


def test_docx_with_too_many_parts_refused(tmp_path, template):
    path = tmp_path / "parts.docx"
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        for i in range(2001):
            out.writestr(f"extra/part{i}.xml", "<a/>")
    with pytest.raises(loaders.LoadError, match="RAG_MAX_ZIP_ENTRIES"):
        loaders.load(path, 20 * 2**20)


def test_parse_time_budget_is_checked_while_reading(tmp_path, template):
    with pytest.raises(loaders.LoadError) as err:
        loaders.load(template, limits=FileLimits(parse_seconds=0))
    assert err.value.setting == "RAG_PARSE_SECONDS"
    assert loaders.load(template).text.startswith("# 魏都区年鉴")        # the default budget reads it


def test_docx_bomb_ingest_keeps_what_was_indexed(tmp_path, template):
    folder = tmp_path / "docs"
    write(folder / "good.txt", ZH)       # also makes the folder
    make_docx(folder / "yearbook.docx")
    api = RAG(Settings.load(index_dir=tmp_path / "index", index="t"))
    _, report = api.ingest([folder])
    assert sorted(report.added) == ["good", "yearbook"]
    # the yearbook is replaced by a bomb of the same name, and a second bomb arrives
    docx_bomb(folder / "yearbook.docx", 7_000_000, template)
    docx_bomb(folder / "another.docx", 2_000_000, template)
    result, report = api.ingest([folder])
    reasons = {Path(s.path).name: s.reason for s in result.skipped}
    assert "RAG_MAX_FILE_MB" in reasons["yearbook.docx"]
    assert "RAG_MAX_ZIP_RATIO" in reasons["another.docx"]
    assert not report.removed
    assert {d["doc_id"] for d in api.documents()} == {"good", "yearbook"}
    hits = api.retrieve("民生工程投资多少？", k=3).hits
    assert any(h.chunk.doc_id == "yearbook" for h in hits)             # the old version still answers


# --- HTML nesting --------------------------------------------------------------------------

def deep_html(depth: int) -> str:
    return ("<html><body>" + "<div>" * depth + "<p>深层段落的文字。</p>" + "</div>" * depth
            + "<p>页面末尾的段落。</p></body></html>")


def test_deep_html_refused_naming_the_setting(tmp_path):
    path = write(tmp_path / "deep.html", deep_html(8000))
    with pytest.raises(loaders.LoadError) as err:
        loaders.load(path, 2**20)
    assert err.value.setting == "RAG_MAX_HTML_DEPTH"
    assert "nested deeper than 512" in str(err.value)
    (skipped,) = ingest_paths([path]).skipped
    assert "RAG_MAX_HTML_DEPTH" in skipped.reason and skipped.kind == "limit"


def test_deep_html_read_when_the_limit_allows_it(tmp_path):
    path = write(tmp_path / "deep.html", deep_html(8000))
    loaded = loaders.load(path, limits=FileLimits(max_html_depth=10_000))
    assert loaded.text.split("\n\n") == ["深层段落的文字。", "页面末尾的段落。"]


def test_unclosed_paragraphs_do_not_count_as_nesting(tmp_path):
    # old pages never close <p>: each new one closes the last, as browsers do
    page = "<html><body>" + "".join(f"<p>第{i}段文字。" for i in range(8000)) + "</body></html>"
    loaded = loaders.load(write(tmp_path / "flat.html", page), 2**20)
    paras = loaded.text.split("\n\n")
    assert len(paras) == 8000 and paras[0] == "第0段文字。" and paras[-1] == "第7999段文字。"


# --- one ingest job ----------------------------------------------------------------------

def test_job_size_limit_refuses_the_whole_call_before_reading(tmp_path):
    for i in range(3):
        write(tmp_path / "docs" / f"d{i}.txt", ZH * 200)             # about 30 KB each
    with pytest.raises(LimitError) as err:
        ingest_paths([tmp_path / "docs"], limits=FileLimits(max_job_bytes=50_000))
    assert err.value.setting == "RAG_MAX_JOB_MB" and "in 3 files" in str(err.value)
    assert len(ingest_paths([tmp_path / "docs"]).docs) == 3             # the default allows it


def test_job_size_limit_through_the_api_and_cli(tmp_path, monkeypatch, capsys):
    write(tmp_path / "docs" / "big.txt", ZH * 2000)                     # about 300 KB
    monkeypatch.setenv("RAG_MAX_JOB_MB", "0.1")
    api = RAG(Settings.load(index="t"))
    with pytest.raises(LimitError, match="RAG_MAX_JOB_MB"):
        api.ingest([tmp_path / "docs"])
    assert not api.store.exists()                                      # nothing was started
    from rag.cli import main
    assert main(["ingest", str(tmp_path / "docs"), "--index", "t"]) == 2
    err = capsys.readouterr().err
    assert "over the 0.1 MB limit" in err and "RAG_MAX_JOB_MB" in err
    assert str(tmp_path) not in err


def test_scanned_pages_widen_the_files_time_budget():
    from rag.limits import Deadline, FileLimits, LimitError
    spent = Deadline(-1.0, ocr_page_seconds=30.0)          # a budget already used up...
    with pytest.raises(LimitError, match="RAG_PARSE_SECONDS"):
        spent.check()
    spent.allow_ocr(2)                                      # ...gets 60 s for two scanned pages
    spent.check()
    over = Deadline(-100.0, ocr_page_seconds=30.0)
    over.allow_ocr(1)
    with pytest.raises(LimitError, match="RAG_OCR_PAGE_SECONDS"):
        over.check()
    assert FileLimits().deadline().ocr_page_seconds == 30.0
