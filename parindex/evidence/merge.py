"""Reading the parts lead agencies filled and writing the merged workbook (an adapter; the rules are in
`evidence.parts`).

The merged workbook is the set's ordinary template with every item's cells as the part held them (the raw
values, so it scores exactly as the parts say), and one more column, `Nguồn số liệu`, naming the part (file
and lead agency) each row came from. Scoring does not read that column.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from parindex.common.errors import ParindexError
from parindex.criteria.model import CriteriaSet
from parindex.evidence.book_set import criteria_of
from parindex.evidence.model import COLUMNS, READ_COLUMNS, SHEET_ITEMS, SOURCE_HEADER, EvidenceBook
from parindex.evidence.parts import CONTENT, Merged
from parindex.io.atomic import write_atomic
from parindex.io.workbook_guard import MERGED_CATEGORY
from parindex.io.xlsx_stream import SheetLayout, Style

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

# the source column in openpyxl's default font (Calibri): it was never restyled to the template's
_SOURCE = Style(font="Calibri", border="A6A6A6")
_SOURCE_HEADER = Style(font="Calibri", size=None, bold=True, colour=None, horizontal="center", vertical="center",
                       wrap=True, fill="DDEBF7", border="A6A6A6")
SOURCE_WIDTH = 34


def write_merged(path: Path, cset: CriteriaSet, merged: Merged, info: dict[str, str], *, force: bool = False,
                 today: date | None = None) -> None:
    """The set's template for the unit, each item's cells filled from its part, atomically at `path`."""
    from parindex.evidence.template import save_stamped, streamed, template_sheets

    day = today or date.today()
    year = info.get("year", "").strip()

    def write(tmp: Path) -> None:
        sheets = template_sheets(cset, unit=info.get("unit", ""), level=info.get("level") or None,
                                 year=int(year) if year.isdigit() else None, today=day,
                                 block=info.get("block", "").strip() or None)  # the parts' block, kept
        _fill(next(sheet for sheet in sheets if sheet.title == SHEET_ITEMS), cset, merged)
        # left among the parts, it is skipped, not read as one more
        save_stamped(streamed(cset, sheets, MERGED_CATEGORY).book, tmp, day)

    write_atomic(path, write, force)


def _fill(sheet: SheetLayout, cset: CriteriaSet, merged: Merged) -> None:
    """Each item's cells as its part held them, and the source column after the last."""
    from parindex.common.tables import column_letter

    column = {key: index for index, key in enumerate(COLUMNS)}
    source = len(COLUMNS)  # the source column's index in a row
    sheet.rows[0].append((SOURCE_HEADER, _SOURCE_HEADER))
    sheet.widths[source + 1] = SOURCE_WIDTH
    items = cset.item_by_code()
    for cells in sheet.rows[1:]:
        code = cells[column["code"]]
        taken = merged.rows.get(code[0]) if code and isinstance(code[0], str) and code[0] in items else None
        if taken is None:  # a heading (or an item no part holds): the new cell looks like its neighbours
            cells.append((None, replace(_SOURCE, fill=code[1].fill if code else None)))
            continue
        for key in CONTENT:
            value = taken.row.values.get(key)
            old = cells[column[key]]
            if value is not None and old is not None:
                cells[column[key]] = (value, old[1])
        cells.append((taken.source, replace(_SOURCE, vertical="top", wrap=True)))
    template_finish, last = sheet.finish, len(sheet.rows)

    def finish(written: Any) -> None:
        if template_finish:
            template_finish(written)
        written.auto_filter.ref = f"A1:{column_letter(source)}{last}"

    sheet.finish = finish
