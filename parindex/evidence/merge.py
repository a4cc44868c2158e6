"""Reading the parts lead agencies filled and writing the merged workbook (an adapter; the rules are in
`evidence.parts`).

The merged workbook is the set's ordinary template with every item's cells as the part held them (the raw
values, so it scores exactly as the parts say), and one more column, `Nguồn số liệu`, naming the part (file
and lead agency) each row came from. Scoring does not read that column.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from copy import copy
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from parindex.common.errors import ParindexError
from parindex.criteria.model import CriteriaSet
from parindex.evidence.book_set import criteria_of
from parindex.evidence.model import COLUMNS, READ_COLUMNS, SHEET_ITEMS, SOURCE_HEADER, EvidenceBook
from parindex.evidence.parts import CONTENT, Merged
from parindex.io.atomic import write_atomic
from parindex.io.workbook_guard import MERGED_CATEGORY
from parindex.io.xlsx_cells import put

PART_COLUMNS = tuple(dict.fromkeys((*READ_COLUMNS, *CONTENT)))  # what a part says, notes included


@dataclass(frozen=True)
class Parts:
    cset: CriteriaSet
    books: list[EvidenceBook]
    skipped: list[Path]  # reports parindex wrote, found in a given folder
    merged: list[Path]  # workbooks `merge` wrote, found among their own parts


def read_parts(paths: Iterable[Path], criteria_ref: str | None, named: Collection[Path] = ()) -> Parts:
    """Every part read (a report parindex wrote, or a merged workbook, left in the folder, is skipped) and the
    set they were made from: `--criteria`, else the one the first part names."""
    books, skipped, merged = read_books(paths, named)
    return Parts(criteria_of(books[0], criteria_ref), books, skipped, merged)


def read_books(paths: Iterable[Path],
               named: Collection[Path] = ()) -> tuple[list[EvidenceBook], list[Path], list[Path]]:
    """The workbooks read with everything a part says, the reports parindex wrote that were skipped, and the
    workbooks `merge` wrote that were skipped because their own parts are read (`parts.merged_among_parts`) —
    unless named on the command line (`named`, resolved): a merged workbook and a late part, merged on purpose."""
    from parindex.evidence.parts import merged_among_parts
    from parindex.evidence.reader import is_report, read_evidence

    books: list[EvidenceBook] = []
    skipped: list[Path] = []
    for path in paths:
        try:
            books.append(read_evidence(path, PART_COLUMNS))
        except ParindexError as exc:
            if exc.code == "PW420" and is_report(path):
                skipped.append(path)
                continue
            raise
    if not books:
        raise ParindexError("PM815", path=", ".join(map(str, skipped)))
    merged = {id(book) for book in merged_among_parts(books) if Path(book.path).resolve() not in named}
    return ([book for book in books if id(book) not in merged], skipped,
            [Path(book.path) for book in books if id(book) in merged])


# --- the merged workbook ------------------------------------------------------------------------------

_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
SOURCE_WIDTH = 34


def write_merged(path: Path, cset: CriteriaSet, merged: Merged, info: dict[str, str], *, force: bool = False,
                 today: date | None = None) -> None:
    """The set's template for the unit, each item's cells filled from its part, atomically at `path`."""
    from parindex.evidence.template import build_template, save_stamped

    day = today or date.today()
    year = info.get("year", "").strip()

    def write(tmp: Path) -> None:
        book = build_template(cset, unit=info.get("unit", ""), level=info.get("level") or None,
                              year=int(year) if year.isdigit() else None, today=day,
                              block=info.get("block", "").strip() or None)  # the parts' block, kept
        _fill(book[SHEET_ITEMS], cset, merged)
        book.properties.category = MERGED_CATEGORY  # left among the parts, it is skipped, not read as one more
        save_stamped(book, tmp, day)

    write_atomic(path, write, force)


def _fill(sheet: Worksheet, cset: CriteriaSet, merged: Merged) -> None:
    from parindex.common.tables import column_letter

    column = {key: index + 1 for index, key in enumerate(COLUMNS)}
    source = len(COLUMNS) + 1
    header = sheet.cell(1, source, SOURCE_HEADER)
    header.font = Font(name="Calibri", bold=True)
    header.fill = _HEADER_FILL
    header.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    header.border = _BORDER
    sheet.column_dimensions[column_letter(source - 1)].width = SOURCE_WIDTH
    items = cset.item_by_code()
    for row in range(2, sheet.max_row + 1):
        code = sheet.cell(row, column["code"]).value
        taken = merged.rows.get(code) if isinstance(code, str) and code in items else None
        if taken is None:  # a heading (or an item no part holds): the new cell looks like its neighbours
            cell = sheet.cell(row, source)
            cell.border = _BORDER
            cell.fill = copy(sheet.cell(row, column["code"]).fill)
            continue
        for key in CONTENT:
            value = taken.row.values.get(key)
            if value is not None:
                put(sheet.cell(row, column[key]), value)
        cell = put(sheet.cell(row, source), taken.source)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.border = _BORDER
    sheet.auto_filter.ref = f"A1:{column_letter(source - 1)}{sheet.max_row}"
