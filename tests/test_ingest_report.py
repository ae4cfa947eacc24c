"""Honest ingestion reports (issue 12): every entry under a folder given is either ingested
or listed with the reason it was not; reasons shown to users carry no server paths and no
Python reprs; the CLI report prints all of it."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from ingest_util import ZH, ZH_TRAD, write
from rag.ingest import ingest_paths


@pytest.fixture
def messy(tmp_path):
    """A folder as people leave them: hidden files and folders, READMEs, links, junk."""
    root = tmp_path / "records"
    write(root / "report.txt", ZH)
    write(root / "sub" / "trad.txt", ZH_TRAD, "big5")
    write(root / ".DS_Store", b"\x00\x00\x00\x01Bud1")
    write(root / ".git" / "config", "[core]\n")
    write(root / "README.md", "# 说明\n\n本文件夹收录魏都区的材料。\n")
    write(root / "sub" / "readme.txt", "notes")
    write(root / "notes.pptx", b"PK\x03\x04 not really a presentation")
    write(root / "empty.txt", b"")
    write(root / "Report.md", ZH)                               # same doc id as report.txt
    os.symlink(tmp_path / "gone.txt", root / "dangling.txt")    # a broken link
    (tmp_path / "elsewhere").mkdir()
    write(tmp_path / "elsewhere" / "outside.txt", ZH)
    os.symlink(tmp_path / "elsewhere", root / "linked")          # a link to a folder
    return root


EXPECTED = {                        # entry -> (kind, words its reason must hold)
    ".DS_Store": ("hidden", "hidden file"),
    ".git": ("hidden", "hidden folder"),
    "README.md": ("readme", "README"),
    "sub/readme.txt": ("readme", "README"),
    "notes.pptx": ("unsupported", "unsupported file type '.pptx'"),
    "empty.txt": ("empty", "empty file"),
    "dangling.txt": ("link", "broken symbolic link"),
    "linked": ("link", "link to a folder"),
}


def test_every_entry_of_a_folder_is_accounted_for(messy):
    result = ingest_paths([messy])
    ingested = {str(Path(d.document.path).relative_to(messy)) for d in result.docs}
    skipped = {str(Path(s.path).relative_to(messy)): s for s in result.skipped}
    # one of report.txt / Report.md is ingested, the other is a duplicate doc id
    dup = ({"report.txt", "Report.md"} - ingested).pop()
    assert skipped[dup].kind == "duplicate" and "duplicate doc_id 'report'" in skipped[dup].reason
    assert ingested == {"sub/trad.txt"} | ({"report.txt", "Report.md"} - {dup})
    for name, (kind, words) in EXPECTED.items():
        assert skipped[name].kind == kind, (name, skipped[name])
        assert words in skipped[name].reason, (name, skipped[name].reason)
    assert set(skipped) == set(EXPECTED) | {dup}
    # nothing under the folder is left out: files and top entries of hidden/linked folders
    entries = set()
    for dirpath, dirs, files in os.walk(messy):
        here = Path(dirpath)
        closed = {d for d in dirs if d.startswith(".") or (here / d).is_symlink()}
        entries |= {str((here / n).relative_to(messy)) for n in set(files) | closed}
        dirs[:] = [d for d in dirs if d not in closed]
    assert entries == ingested | set(skipped)


def test_hidden_and_readme_files_given_by_name_are_ingested(messy):
    result = ingest_paths([messy / "README.md"])
    assert [d.document.doc_id for d in result.docs] == ["readme"] and not result.skipped


def test_broken_link_given_by_name_is_reported(messy):
    (s,) = ingest_paths([messy / "dangling.txt"]).skipped
    assert s.kind == "link" and "broken symbolic link" in s.reason


def test_reasons_carry_no_paths_or_python_reprs(tmp_path, messy):
    bad = tmp_path / "bad"
    write(bad / "a.txt", ZH)
    write(bad / "corpus.json", "{not json")
    listy = tmp_path / "listy"
    write(listy / "b.txt", ZH)
    write(listy / "corpus.json", json.dumps({"documents": ["b.txt"]}))     # a list, not a map
    noneish = tmp_path / "noneish"
    write(noneish / "c.txt", ZH)
    write(noneish / "corpus.json", json.dumps({"documents": {"c.txt": None}}))
    write(tmp_path / "broken.docx", b"PK\x03\x04" + bytes(300))
    write(tmp_path / "broken.pdf", b"%PDF-1.4\n garbage")
    result = ingest_paths([messy, bad, listy, noneish, tmp_path / "broken.docx",
                           tmp_path / "broken.pdf", tmp_path / "missing.txt"])
    reasons = {Path(s.path).name: s.reason for s in result.skipped}
    assert "corpus.json" in reasons["a.txt"] and "line 1, column 2" in reasons["a.txt"]
    assert "corpus.json" in reasons["b.txt"] and "must map file names" in reasons["b.txt"]
    assert "c.txt" in {Path(d.document.path).name for d in result.docs}   # null entry: no metadata
    for name, reason in reasons.items():
        assert str(tmp_path) not in reason and "/tmp" not in reason, (name, reason)
        assert not re.search(r"Error\b|object is not|NoneType|Traceback|\w+\(", reason), (name, reason)


def test_cli_report_lists_every_skipped_file(messy, capsys):
    from rag.cli import main
    assert main(["ingest", str(messy), "--index", "t"]) == 0
    out = capsys.readouterr().out
    for name, (_, words) in EXPECTED.items():
        line = next(ln for ln in out.splitlines() if f"skipped {messy / name}:" in ln)
        assert words in line
    assert "2 read, 9 skipped" in out and "2 hidden" in out and "2 readme" in out


def test_cli_json_report_has_kinds_and_encoding_confidence(tmp_path, capsys):
    write(tmp_path / "d" / "latin.txt", ("Der Gemeinderat hat über die Größe der Straße "
                                         "beraten. Müller präsentierte den Haushalt.\n") * 3,
          "latin-1")
    write(tmp_path / "d" / ".hidden.txt", ZH)
    from rag.cli import main
    assert main(["ingest", str(tmp_path / "d"), "--index", "t", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    (doc,) = report["documents"]
    assert doc["encoding"] == "latin-1" and doc["encoding_confidence"] >= 0.8
    assert doc["encoding_warnings"] == []
    assert [(Path(s["path"]).name, s["kind"]) for s in report["skipped"]] == [(".hidden.txt", "hidden")]


def test_cli_report_has_pages_tables_and_throughput(tmp_path, capsys):
    from test_pdf import make_yearbook_pdf
    from rag.cli import main
    (tmp_path / "d").mkdir()
    make_yearbook_pdf(tmp_path / "d" / "yearbook.pdf")
    write(tmp_path / "d" / "notes.txt", ZH)
    assert main(["ingest", str(tmp_path / "d"), "--index", "t", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    by_name = {Path(d["path"]).name: d for d in report["documents"]}
    pdf, txt = by_name["yearbook.pdf"], by_name["notes.txt"]
    assert pdf["pages"] == 3 and pdf["tables"] == 1 and pdf["ocr_pages"] == 0
    assert pdf["ocr_confidence"] is None and txt["pages"] is None
    originals = Path(os.environ["RAG_INDEX_DIR"]) / "t" / "originals"      # kept by `rag ingest`
    assert (originals / "yearbook.pdf").read_bytes() == (tmp_path / "d" / "yearbook.pdf").read_bytes()
    t = report["throughput"]
    assert t["chunks"] == pdf["chunks"] + txt["chunks"] and t["tokens"] > t["chunks"]
    assert t["chunks_per_s"] == pytest.approx(t["chunks"] / t["seconds"], rel=0.01)

    assert main(["ingest", str(tmp_path / "d"), "--index", "t2"]) == 0
    out = capsys.readouterr().out
    assert "3 pages, 1 table, " in out
    assert re.search(r"throughput: \d+ chunks, [\d,]+ tokens in [\d.]+ s — [\d.,]+ chunks/s, "
                     r"[\d,]+ tokens/s", out)


def test_report_layout_names_ocr_pages_and_their_confidence():
    from rag.commands import _layout
    assert _layout({"pages": 4, "ocr_pages": 2, "ocr_confidence": 0.913, "tables": 0}) == \
        "4 pages (2 OCR'd, mean confidence 0.91), "
    assert _layout({"pages": None, "tables": 2}) == "2 tables, "
