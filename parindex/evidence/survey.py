"""Reading the province's survey table (`score --survey FILE.xlsx`, DESIGN §3.5): an adapter.

A sheet with a header row holding `Đơn vị` and one column per survey or SIPAS item code; one row per unit, its
results in % or A–D. The file goes through the same guard as evidence workbooks (zip bombs, far cells,
formulas without values, %-formatted cells); values stay raw (Cell) until the item's rule reads them.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from parindex.common.errors import ParindexError
from parindex.common.values import clean_text, normalise_code
from parindex.io.workbook_guard import guard_workbook
from parindex.evidence.headers import UNIT_HEADERS, column_letter, header_form
from parindex.evidence.model import Cell, SurveyRow, SurveyTable
from parindex.evidence.reader import (
    HEADER_SEARCH_ROWS,
    MAX_ROWS,
    WorkbookReader,
    open_workbook,
    percent_text,
    raw_value,
)


def read_survey(path: Path) -> SurveyTable:
    """The table of the first sheet that has a `Đơn vị` header, or a ParindexError naming the file and cell."""
    path = Path(path)
    with guard_workbook(path) as archive:
        book = open_workbook(path, archive)
        try:
            reader = WorkbookReader(path, archive)
            for name in list(book.sheet_names):
                scan = reader.prescan(name)
                sheet = scan.read(book, MAX_ROWS)
                header = _header_row(sheet.rows)
                if header is not None:
                    table = _table(path, name, sheet.rows, header, scan.percent)
                    sheet.refuse_formulas(partial(_below, header))  # a formula saved without its value
                    return table
        finally:
            book.close()
    raise ParindexError("PS543", where=str(path), rows=HEADER_SEARCH_ROWS)


def _below(header: int, row: int, column: int) -> bool:
    return row > header


def _header_row(rows: list[list[Any]]) -> int | None:
    return next((r for r, row in enumerate(rows[:HEADER_SEARCH_ROWS])
                 if any(isinstance(v, str) and header_form(v) in UNIT_HEADERS for v in row)), None)


def _table(path: Path, sheet: str, rows: list[list[Any]], header: int, percent: set[tuple[int, int]]) -> SurveyTable:
    heads = rows[header]
    unit_col = next(c for c, v in enumerate(heads) if isinstance(v, str) and header_form(v) in UNIT_HEADERS)
    codes: dict[int, str] = {}
    for c, value in enumerate(heads):
        code = normalise_code(raw_value(value)) if c != unit_col else None
        if code is not None:
            codes[c] = code  # other columns (STT, Khối, Ghi chú) are the user's own
    if not codes:
        raise ParindexError("PS544", where=f"{path} › {sheet}!A{header + 1}")
    table_rows: list[SurveyRow] = []
    for r in range(header + 1, len(rows)):
        row = rows[r]
        name = clean_text(str(row[unit_col])).strip() if unit_col < len(row) and row[unit_col] != "" else ""
        if not name:
            continue
        values: dict[str, Cell] = {}
        for c, code in codes.items():
            value = row[c] if c < len(row) else ""
            if value == "":
                continue
            if isinstance(value, float) and (r, c) in percent:
                value = percent_text(value)
            values[code] = Cell(raw_value(value), f"{sheet}!{column_letter(c)}{r + 1}")
        table_rows.append(SurveyRow(name, f"{sheet}!{column_letter(unit_col)}{r + 1}", values))
    return SurveyTable(str(path), sorted(set(codes.values())), table_rows,
                       {code: f"{sheet}!{column_letter(c)}{header + 1}" for c, code in codes.items()})
