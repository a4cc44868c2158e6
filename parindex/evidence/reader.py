"""Reading an evidence workbook (.xlsx) into an `EvidenceBook` of raw cells with their addresses (an adapter).

The workbook comes in through the one sheet reader (`io.sheets.read_book`, driven by `model.EVIDENCE_WORKBOOK`):
guarded, read once, prescanned, its cells normalised and its columns found by header text. Here its Thông tin
rows become the info by key, and its Tự đánh giá rows the items by code.
"""

from __future__ import annotations

import re
import sys
from datetime import date, datetime, time
from pathlib import Path

from parindex.common.errors import ParindexError
from parindex.common.tables import Info, Table
from parindex.common.values import RawValue, clean_text, normalise_code, show
from parindex.criteria.sheet import SHEET_SET
from parindex.evidence.model import (
    EVIDENCE_INFO,
    EVIDENCE_WORKBOOK,
    READ_COLUMNS,
    EvidenceBook,
    EvidenceRow,
    level_id,
)
from parindex.io.sheets import read_book
from parindex.io.workbook_guard import CRITERIA_CATEGORY, MERGED_CATEGORY, REPORT_CATEGORY, guard_workbook

DATA_COLUMNS = ("value", "not_applicable", "self_score", "appraised")  # a row with these filled is an item


def read_evidence(path: Path, columns: tuple[str, ...] = READ_COLUMNS) -> EvidenceBook:
    """The workbook's info and item rows, or a ParindexError naming the file, sheet and cell. `columns`: the
    item columns kept (scoring's by default; `merge` keeps the notes too)."""
    path = Path(path)
    book = read_book(path, EVIDENCE_WORKBOOK, columns)
    assert book.info is not None and book.table is not None  # the spec has both sheets
    info, refs = _info(book.info)
    return EvidenceBook(path=str(path), info=info, rows=_items(path, book.table), info_refs=refs,
                        merged=book.category == MERGED_CATEGORY)


def read_info(path: Path) -> dict[str, str]:
    """Only the *Thông tin* sheet's key/value rows (is an existing file someone's evidence workbook?)."""
    return read_info_book(path).info


def read_info_book(path: Path) -> EvidenceBook:
    """The workbook with only its *Thông tin* read (no item rows): who it is, before a run scores anything."""
    path = Path(path)
    book = read_book(path, EVIDENCE_WORKBOOK, sheets=(EVIDENCE_INFO,))
    assert book.info is not None
    found, refs = _info(book.info)
    return EvidenceBook(path=str(path), info=found, rows={}, info_refs=refs, merged=book.category == MERGED_CATEGORY)


def _info(info: Info) -> tuple[dict[str, str], dict[str, str]]:
    """Thông tin's values by key, as text, and their cells (a label written twice: the first counts)."""
    found: dict[str, str] = {}
    refs: dict[str, str] = {}
    for key, _, value in info.pairs:
        if key is not None and key not in found:
            found[key] = level_id(_text(value.raw)) if key == "level" else _text(value.raw)
            refs[key] = sys.intern(value.ref)  # `Thông tin!B5` in every workbook: one string a run keeps
    return found, refs


def _text(value: RawValue) -> str:
    """An info value as text: 2020.0 → '2020', a date → '2024-05-01'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return format(value, ".15g")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return clean_text(str(value)).strip()


def _items(path: Path, table: Table) -> dict[str, EvidenceRow]:
    """The item rows by code: a row is an item when its Mã reads as a code; one that does not but holds data is
    PW430, a code written twice PW424."""
    prefixes = table.prefixes
    data = [key for key in DATA_COLUMNS if key in prefixes]
    found: dict[str, EvidenceRow] = {}
    for row, values in table.rows:
        raw_code = values["code"]
        code = normalise_code(raw_code)
        if code is None:
            if any(values[key] is not None for key in data):  # '1,1,3' beside a value: not skipped
                raise ParindexError("PW430", where=f"{path} › {table.ref('code', row)}", value=show(raw_code))
            continue
        entry = EvidenceRow(code, row, values, prefixes)
        if code in found:
            raise ParindexError("PW424", where=f"{path} › {entry.ref('code')}", item=code,
                                first=found[code].ref("code"), second=entry.ref("code"))
        found[code] = entry
    return found


_CRITERIA_SHEET = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sheet [^>]*name=\"" + re.escape(SHEET_SET.encode()) + rb"\"")


def is_report(path: Path) -> bool:
    """A workbook parindex wrote that is no one's evidence: a report or a criteria spreadsheet (its core properties
    carry `REPORT_CATEGORY` or `CRITERIA_CATEGORY`). Asked only of a file that is not an evidence workbook, so the
    common case pays nothing."""
    return _mark(path) is not None


def is_criteria_sheet(path: Path) -> bool:
    """A criteria spreadsheet `criteria export` wrote (officers fill it in): its own mark, or, written before it had
    one, the report's mark and a `Bộ tiêu chí` sheet."""
    return _mark(path, with_sheets=True) == CRITERIA_CATEGORY


def _mark(path: Path, with_sheets: bool = False) -> str | None:
    """`REPORT_CATEGORY`, `CRITERIA_CATEGORY` or None: which of parindex's workbooks `path` is."""
    try:
        with guard_workbook(path) as archive:
            mark = archive.category()
            if mark == REPORT_CATEGORY and with_sheets and "xl/workbook.xml" in archive.entries:
                return CRITERIA_CATEGORY if _CRITERIA_SHEET.search(archive.read("xl/workbook.xml")) else mark
            return mark if mark in (REPORT_CATEGORY, CRITERIA_CATEGORY) else None
    except ParindexError:
        return None
