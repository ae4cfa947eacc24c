"""Spreadsheets and .csv -> one table per sheet (rag.ingest.tables), merged cells resolved.

A sheet's leading rows that hold one value only (a title merged across the columns, "单位：
万元") are its caption and unit; the rows under them down to the first row no merge covers
are its header (rag.ingest.tables.header_rows). Cells are counted before a sheet is loaded whole: a sheet over
`max_sheet_cells` is refused (a small file can declare a huge sheet, and a zip bomb is
stopped before by loaders.check_zip).
"""
from __future__ import annotations

import csv
import io
import logging

from rag.ingest import tables as tbl
from rag.limits import Deadline, FileLimits, LimitError

log = logging.getLogger(__name__)



def load(data: bytes, suffix: str, limits: FileLimits, deadline: Deadline):
    from rag.ingest.loaders import LoadError, Loaded, _why
    try:
        if suffix == ".csv":
            from rag.ingest.loaders import decode
            d = decode(data)
            sheets = [("", _csv_grid(d.text, limits, deadline), 0)]
            enc, conf, warn = d.encoding, d.confidence, d.warnings
        else:
            reader = _xlsx_sheets if suffix == ".xlsx" else _xls_sheets
            sheets = list(reader(data, limits, deadline))
            enc, conf, warn = None, None, []
    except (LoadError, LimitError):
        raise
    except ImportError as e:
        raise LoadError(f"reading {suffix} files needs {e.name}: pip install "
                        f"{'openpyxl' if suffix == '.xlsx' else 'python-calamine'}") from None
    except Exception as e:
        log.info("%s reader failed: %r", suffix, e)
        raise LoadError(f"not a readable {suffix} file ({_why(e)})") from None
    lines, found = [], []
    for name, grid, _ in sheets:
        t = _table(grid, name)
        if t is None:
            continue
        t.source = suffix.lstrip(".")
        if len(sheets) > 1 and name:
            lines.append(f"# {name}")
        lines += [tbl.marker(len(found)), ""]
        found.append(t)
    if not found:
        raise LoadError("the spreadsheet has no cells with text", "empty")
    # one sheet with a title row: that title is the document's
    title = found[0].caption if len(found) == 1 and found[0].caption != sheets[0][0] else None
    return Loaded("\n".join(lines), enc, title, conf, warn, found)


def _too_many(n: int, limits: FileLimits) -> LimitError:
    return LimitError(f"the sheet has more than {limits.max_sheet_cells:,} cells (setting "
                      "RAG_MAX_SHEET_CELLS)", "RAG_MAX_SHEET_CELLS")


def _xlsx_sheets(data: bytes, limits: FileLimits, deadline: Deadline):
    import openpyxl
    # First pass streams the cells to count them; only then is the workbook loaded whole
    # (read-only mode does not expose merged ranges).
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    count = 0
    for ws in wb.worksheets:
        for n, row in enumerate(ws.iter_rows(values_only=True)):
            count += len(row)
            if n % 1000 == 0:
                deadline.check()
            if count > limits.max_sheet_cells:
                raise _too_many(count, limits)
    wb.close()
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    for ws in wb.worksheets:
        deadline.check()
        grid = [["" if v is None else v for v in row] for row in ws.iter_rows(values_only=True)]
        for rng in ws.merged_cells.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != (rng.min_row, rng.min_col) and r <= len(grid) and c <= len(grid[r - 1]):
                        grid[r - 1][c - 1] = tbl.FROM_LEFT if r == rng.min_row else tbl.FROM_ABOVE
        yield ws.title, grid, 0


def _xls_sheets(data: bytes, limits: FileLimits, deadline: Deadline):
    from python_calamine import CalamineWorkbook
    wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    for name in wb.sheet_names:
        deadline.check()
        sheet = wb.get_sheet_by_name(name)
        cells = (sheet.total_height + 1) * (sheet.total_width + 1)     # both are last indexes
        if cells > limits.max_sheet_cells:
            raise _too_many(cells, limits)
        grid = [list(r) for r in sheet.to_python()]
        for rng in sheet.merged_cell_ranges or []:
            (r0, c0), (r1, c1) = rng
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0) and r < len(grid) and c < len(grid[r]):
                        grid[r][c] = tbl.FROM_LEFT if r == r0 else tbl.FROM_ABOVE
        yield name, grid, 0


def _csv_grid(text: str, limits: FileLimits, deadline: Deadline) -> list[list]:
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel
    grid, count = [], 0
    for n, row in enumerate(csv.reader(io.StringIO(text), dialect)):
        count += len(row)
        if count > limits.max_sheet_cells:
            raise _too_many(count, limits)
        if n % 1000 == 0:
            deadline.check()
        grid.append(row)
    return grid


def _table(grid: list[list], name: str) -> tbl.Table | None:
    """A sheet's grid (merge-covered cells None) -> a table with caption, unit and header."""
    grid = [r for r in grid if any(tbl.clean_cell(v) for v in r)]
    if not grid:
        return None
    width = max(len(r) for r in grid)
    grid = [list(r) + [""] * (width - len(r)) for r in grid]
    keep = [j for j in range(width) if any(tbl.clean_cell(r[j]) for r in grid)]
    grid = [[r[j] for j in keep] for r in grid]
    caption, unit = "", ""
    # leading rows of one value (a title merged across the sheet, a unit line)
    while len(grid) > 2:
        values = [x for x in map(tbl.clean_cell, grid[0]) if x]
        if len(values) == 2 and tbl.unit_of(values[1]) and not caption:    # "表1 …" "单位：万元"
            caption, unit = values[0], tbl.unit_of(values[1])
            grid = grid[1:]
            continue
        if len(values) != 1 or len(keep) == 1:
            break
        if tbl.unit_of(values[0]):
            unit = tbl.unit_of(values[0])
        elif not caption:
            caption = values[0]
        else:
            break
        grid = grid[1:]
    n = tbl.header_rows(grid)
    t = tbl.split_header(tbl.fill_merged(grid, n), n)
    t.caption, t.unit = caption or name, unit
    return t
