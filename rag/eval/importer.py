"""Import evaluation sets in the formats users have: JSONL (the set format), CSV and XLSX.

A table needs a header row with a question column and, for answerable rows, a gold quote
column; an answer column becomes the answer keywords. Malformed rows are skipped, each with
an error naming the file, row and field; the rest are kept. With the index's passages given,
a gold quote that is not inside any passage exactly (the strict match of docs/metrics.md) is
an error too, because such a question could never count as found.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rag.textsim import count_cjk, normalize

# Header names (lowercased, spaces/underscores/hyphens removed, trailing digits dropped so
# "gold quote 2" is a second quote column) -> set field.
COLUMNS = {
    "id": "id", "编号": "id", "序号": "id",
    "question": "question", "问题": "question",
    "answer": "answer_keywords", "answers": "answer_keywords", "answerkeywords": "answer_keywords",
    "keywords": "answer_keywords", "答案": "answer_keywords", "关键词": "answer_keywords",
    "goldquote": "gold_quotes", "goldquotes": "gold_quotes", "goldquote(s)": "gold_quotes",
    "quote": "gold_quotes", "quotes": "gold_quotes", "原文": "gold_quotes", "引文": "gold_quotes",
    "lang": "lang", "language": "lang", "语言": "lang",
    "type": "type", "类型": "type",
    "unanswerable": "unanswerable", "无法回答": "unanswerable", "无答案": "unanswerable",
    "nearmiss": "near_miss", "source": "source", "来源": "source",
    "dateinferred": "date_inferred",
}
TRUE = {"true", "yes", "y", "1", "x", "是", "✓"}
FALSE = {"", "false", "no", "n", "0", "否"}
# Several quotes or keywords in one cell: one per line, or separated by "|" (quotes keep
# Chinese punctuation, so "；" only separates keywords).
QUOTE_SEP = re.compile(r"\s*(?:\n|\|)\s*")
KEYWORD_SEP = re.compile(r"\s*(?:\n|\||;|；)\s*")


@dataclass
class RowError:
    where: str                 # "sets/mine.csv: row 4"
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: field '{self.field}': {self.message}"

    def to_dict(self) -> dict:
        return {"where": self.where, "field": self.field, "message": self.message}


@dataclass
class ImportResult:
    items: list[tuple[int, dict]] = field(default_factory=list)   # (row or line, set object)
    errors: list[RowError] = field(default_factory=list)
    label: str = ""                 # the file, for messages
    table: bool = False             # rows are numbered as in a spreadsheet ("row 4")

    def where(self, n: int) -> str:
        return f"{self.label}: row {n}" if self.table else f"{self.label}:{n}"

    def jsonl(self) -> str:
        return "".join(json.dumps(obj, ensure_ascii=False) + "\n" for _, obj in self.items)


def _key(header) -> str:
    k = re.sub(r"[\s_\-]+", "", str(header or "")).lower()
    return COLUMNS.get(k) or COLUMNS.get(k.rstrip("0123456789"), "")


def _rows_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):        # Excel on Chinese Windows saves CSV as GBK
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValueError(f"{path}: neither UTF-8 nor GB18030 text")
    return [row for row in csv.reader(io.StringIO(text))]


def _rows_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:                      # zipfile.BadZipFile, KeyError, InvalidFileException
        raise ValueError(f"{path}: not a readable .xlsx workbook ({e})") from None
    try:
        sheet = wb.worksheets[0]
        return [["" if v is None else (str(int(v)) if isinstance(v, float) and v.is_integer()
                                       else str(v)) for v in row]
                for row in sheet.iter_rows(values_only=True)]
    finally:
        wb.close()


def _table_object(cells: dict[str, list[str]], row: int, stem: str) -> dict:
    """A set object from one table row's cells (field -> values); raises ValueError(field, msg)."""
    def one(name: str) -> str:
        return next((v.strip() for v in cells.get(name, []) if v.strip()), "")

    question = one("question")
    if not question:
        raise ValueError("question", "missing (the row has no question)")
    flag = one("unanswerable").lower()
    if flag not in TRUE | FALSE:
        raise ValueError("unanswerable", f"expected yes/no, got {flag!r}")
    unanswerable = flag in TRUE
    quotes = [q for v in cells.get("gold_quotes", []) for q in QUOTE_SEP.split(v.strip()) if q]
    keywords = [k for v in cells.get("answer_keywords", []) for k in KEYWORD_SEP.split(v.strip()) if k]
    if not unanswerable and not quotes:
        raise ValueError("gold_quotes", "missing (an answerable question needs a gold quote; "
                                        "mark others unanswerable)")
    obj = {"id": one("id") or f"{stem}-{row:03d}", "question": question,
           "lang": one("lang").lower() or ("zh" if count_cjk(question) else "en"),
           "type": one("type").lower() or ("unanswerable" if unanswerable else "fact"),
           "gold_quotes": [] if unanswerable else quotes,
           "answer_keywords": [] if unanswerable else keywords}
    if unanswerable:
        obj["unanswerable"] = True
    for name in ("near_miss", "source"):
        if one(name):
            obj[name] = one(name)
    if one("date_inferred").lower() in TRUE:
        obj["date_inferred"] = True
    return obj


def read_table_set(path: Path) -> ImportResult:
    """Rows of a CSV or XLSX set as set objects, with one error per malformed row."""
    from rag.eval.runner import EvalError, question_of

    path = Path(path)
    try:
        rows = _rows_xlsx(path) if path.suffix.lower() == ".xlsx" else _rows_csv(path)
    except OSError as e:
        raise EvalError(f"{path}: {e.strerror or e}") from None
    except ValueError as e:
        raise EvalError(str(e)) from None
    if not rows:
        raise EvalError(f"{path}: empty file")
    header = [_key(h) for h in rows[0]]
    if "question" not in header:
        raise EvalError(f"{path}: row 1: no 'question' column (columns: question, answer, "
                        f"gold quote; got {', '.join(map(str, rows[0]))})")
    result, seen = ImportResult(), {}
    for n, row in enumerate(rows[1:], 2):
        if not any(str(c).strip() for c in row):
            continue
        cells: dict[str, list[str]] = {}
        for name, value in zip(header, row):
            if name:
                cells.setdefault(name, []).append(str(value))
        _take(result, n, f"{path}: row {n}", lambda: _table_object(cells, n, path.stem),
              path.stem, seen)
    return result


def _take(result: ImportResult, n: int, where: str, make, set_name: str, seen: dict) -> None:
    """Add row n's set object (`make()`) to the items, or its error to the errors."""
    from rag.eval.runner import EvalError, question_of
    try:
        obj = make()
        question_of(obj, where, set_name, seen)
    except json.JSONDecodeError as e:
        result.errors.append(RowError(where, "-", f"invalid JSON ({e.msg})"))
    except ValueError as e:                     # _table_object: (field, message)
        result.errors.append(RowError(where, *e.args))
    except EvalError as e:
        result.errors.append(_from_eval_error(where, e))
    else:
        result.items.append((n, obj))


def _from_eval_error(where: str, e: Exception) -> RowError:
    msg = str(e).removeprefix(where + ": ")
    m = re.match(r"(?:missing )?field '([^']+)'[:]?\s*(.*)", msg)
    if m:
        return RowError(where, m.group(1), m.group(2) or "missing")
    return RowError(where, "-", msg)


def read_jsonl_set(path: Path) -> ImportResult:
    """A JSONL set read line by line; a bad line is an error and skipped (`rag eval` stops)."""
    from rag.eval.runner import read_lines

    path = Path(path)
    lines = read_lines(path, "utf-8-sig")
    result, seen = ImportResult(), {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        _take(result, n, f"{path}:{n}", lambda: json.loads(line), path.stem, seen)
    return result


def check_quotes(result: ImportResult, passages: Sequence[str], index_name: str) -> ImportResult:
    """Move rows whose gold quote lies inside no passage (exactly) to the errors."""
    loose = None
    kept = []
    for n, obj in result.items:
        missing = next((q for q in obj["gold_quotes"] if not any(q in p for p in passages)), None)
        if missing is None:
            kept.append((n, obj))
            continue
        if loose is None:
            loose = [normalize(p) for p in passages]
        short = missing if len(missing) <= 40 else missing[:40] + "…"
        if any(normalize(missing) in p for p in loose):
            msg = (f"quote {short!r} is in index '{index_name}' only after normalising width, "
                   "case or spaces; copy it exactly from the document")
        else:
            msg = f"quote {short!r} not found in any document of index '{index_name}'"
        result.errors.append(RowError(result.where(n), "gold_quotes", msg))
    result.items = kept
    return result


def import_set(path: Path, passages: Sequence[str] | None = None,
               index_name: str = "") -> ImportResult:
    """Any set file (.jsonl, .csv, .xlsx) with per-row errors; quotes checked when `passages`."""
    from rag.eval.runner import EvalError

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".xlsx"):
        result = read_table_set(path)
    elif suffix in (".jsonl", ".json", ".ndjson"):
        result = read_jsonl_set(path)
    else:
        raise EvalError(f"{path}: unknown set format {suffix or '(none)'}; use .jsonl, .csv or .xlsx")
    result.label, result.table = str(path), suffix in (".csv", ".xlsx")
    if passages is not None:
        check_quotes(result, passages, index_name)
    result.errors.sort(key=lambda e: _row_number(e.where))
    return result


def _row_number(where: str) -> int:
    m = re.search(r"(\d+)$", where)
    return int(m.group(1)) if m else 0


def index_passages(settings) -> list[str]:
    """The text of every passage of the settings' index, as retrieval returns them."""
    from rag.api import RAG
    return [c.text for c in RAG(settings).load_index(check=False).chunks]
