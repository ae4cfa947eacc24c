"""Importing sets from CSV, XLSX and JSONL: malformed rows are skipped with an error naming the
file, row and field; quotes are checked against the passages of the bundled corpus index."""
from __future__ import annotations

import csv
import json

import pytest

from rag.eval.importer import import_set, index_passages
from rag.eval.runner import load_set

GOOD = "确保3月底前2019年度3万亩高标准农田建设项目大头落地"
HEADER = ["question", "answer", "gold quote", "gold quote 2", "unanswerable"]
ROWS = [
    ["市长对高标准农田建设提出了什么要求？", "3月底前；3万亩", GOOD, "", ""],               # row 2: ok
    ["", "段殿臣", "段殿臣代表市纪委常委会作了题为", "", ""],                               # row 3: no question
    ["长葛市纪委五次全会上作工作报告的是谁？", "段殿臣", "", "", ""],                       # row 4: no quote
    ["长葛市2031年的GDP是多少？", "", "", "", "是"],                                        # row 5: ok, unanswerable
    ["谁主持了会议？", "张三", "这句话在任何文件里都没有出现过", "", ""],                   # row 6: not found
    ["市长要求什么？", "3万亩", GOOD.replace("3", "３"), "", ""],                          # row 7: width only
    ["Who reported for the discipline commission?", "段殿臣", "段殿臣代表市纪委常委会作了题为",
     GOOD, "no"],                                                                          # row 8: ok, 2 quotes
]


@pytest.fixture(scope="module")
def passages(corpus_api, corpus_settings):
    return index_passages(corpus_settings)


def _write_csv(path, rows=ROWS):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, *rows])
    return path


def _write_xlsx(path, rows=ROWS):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    for row in [HEADER, *rows]:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize("write", [_write_csv, _write_xlsx], ids=["csv", "xlsx"])
def test_table_rows_with_errors_are_skipped_and_named(write, tmp_path, passages):
    path = write(tmp_path / ("mine.csv" if write is _write_csv else "mine.xlsx"))
    result = import_set(path, passages, "default")
    assert [n for n, _ in result.items] == [2, 5, 8]
    ok, unans, two = (obj for _, obj in result.items)
    assert ok["gold_quotes"] == [GOOD] and ok["answer_keywords"] == ["3月底前", "3万亩"]
    assert ok["lang"] == "zh" and ok["type"] == "fact" and ok["id"] == "mine-002"
    assert unans["unanswerable"] is True and unans["gold_quotes"] == []
    assert two["lang"] == "en" and len(two["gold_quotes"]) == 2
    errors = {e.where.rsplit(" ", 1)[-1]: e for e in result.errors}
    assert set(errors) == {"3", "4", "6", "7"}
    assert errors["3"].field == "question" and "missing" in errors["3"].message
    assert errors["4"].field == "gold_quotes" and "missing" in errors["4"].message
    assert errors["6"].field == "gold_quotes" and "not found in any document" in errors["6"].message
    assert errors["7"].field == "gold_quotes" and "only after normalising" in errors["7"].message
    assert str(errors["3"]).startswith(f"{path}: row 3: field 'question'")
    # what is kept is a valid set
    out = tmp_path / "kept.jsonl"
    out.write_text(result.jsonl(), encoding="utf-8")
    assert [q.id for q in load_set(out)] == ["mine-002", "mine-005", "mine-008"]


def test_jsonl_bad_lines_are_skipped_with_line_and_field(tmp_path, passages):
    good = {"id": "a", "question": "市长对高标准农田建设提出了什么要求？", "lang": "zh",
            "type": "requirement", "gold_quotes": [GOOD], "answer_keywords": ["3万亩"]}
    lines = [json.dumps(good, ensure_ascii=False),
             json.dumps({k: v for k, v in good.items() if k != "lang"} | {"id": "b"}, ensure_ascii=False),
             "{not json",
             json.dumps(good | {"id": "c", "gold_quotes": ["没有这句原文"]}, ensure_ascii=False),
             json.dumps(good | {"id": "a"}, ensure_ascii=False)]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_set(path, passages, "default")
    assert [obj["id"] for _, obj in result.items] == ["a"]
    got = [(e.where, e.field) for e in result.errors]
    assert got == [(f"{path}:2", "lang"), (f"{path}:3", "-"), (f"{path}:4", "gold_quotes"),
                   (f"{path}:5", "id")]
    assert "invalid JSON" in result.errors[1].message and "duplicate" in result.errors[3].message


def test_rag_eval_reads_a_csv_set_skipping_bad_rows(tmp_path, capsys):
    # no index needed to read the set: quotes are only checked by `rag eval import`
    from rag import cli
    path = _write_csv(tmp_path / "mine.csv")
    qs = load_set(path)
    assert [q.id for q in qs] == ["mine-002", "mine-005", "mine-006", "mine-007", "mine-008"]
    assert "row 3: field 'question'" in capsys.readouterr().err
    # the CLI: an unreadable header is one clear error, exit 2
    bad = tmp_path / "bad.csv"
    bad.write_text("问\n什么？\n", encoding="utf-8")
    assert cli.main(["eval", "import", str(bad), "--no-check"]) == 2
    assert "no 'question' column" in capsys.readouterr().err


def test_rag_eval_import_cli_writes_valid_rows(tmp_path, capsys, corpus_api, monkeypatch):
    from conftest import CORPUS_CACHE
    from rag import cli
    monkeypatch.setenv("RAG_INDEX_DIR", str(CORPUS_CACHE))
    out = tmp_path / "kept.jsonl"
    assert cli.main(["eval", "import", str(_write_csv(tmp_path / "mine.csv")), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "3 questions kept, 4 rows skipped" in err and "row 6: field 'gold_quotes'" in err
    assert len(load_set(out)) == 3
