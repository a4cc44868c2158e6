"""The criteria spreadsheet as a file (an adapter; README: "Your province's decision in an afternoon"): written
for officers to read, print and fill from an annex, and read back as untrusted input, through the same guard and
prescan as evidence workbooks.

What the sheets hold and how cells become a set is `criteria.sheet` (pure); here are the workbook's looks
(`io.xlsx_print`, as every workbook parindex writes: one font, fitted widths, wrapped text, A4 landscape fitted
to the page width, the header on every page, page numbers; here also a frozen header and a filter) and the
reading: sheets and headers found by their text, blank spacer rows skipped, merged areas read as the value they
show, extra columns ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from parindex.common.errors import ParindexError
from parindex.common.findings import Finding
from parindex.common.messages import Message
from parindex.common.tables import column_letter
from parindex.criteria.model import CriteriaSet
from parindex.criteria.provenance import provenance_banner
from parindex.criteria.sheet import (
    COLUMNS,
    CRITERIA_SET,
    CRITERIA_SHEET,
    SHEET_INFO,
    SHEET_SET,
    SheetRead,
    all_accepted_headers,
    info_rows,
    sheet_rows,
    unreadable_rules,
)
from parindex.io.atomic import write_atomic
from parindex.io.sheets import read_book
from parindex.io.workbook_guard import CRITERIA_CATEGORY
from parindex.io.xlsx_cells import put

# The most characters a column gets: on A4 landscape at 9 pt (xlsx_print.LANDSCAPE_BUDGET) Nội dung and Cách chấm
# share what these leave; the rest wraps.
CAPS = {"component": 11, "lead": 13, "evidence": 14, "source": 14}
INFO_WIDTH = 70  # Thông tin's value column


# --- writing ------------------------------------------------------------------------------------------------

def write_criteria_book(path: Path, cset: CriteriaSet, force: bool = False) -> int:
    """Write the two sheets of `cset` to `path` atomically; the number of rows of Bộ tiêu chí. A set whose rules
    would not read back from their words is refused (PX340), so an export never loses a rule."""
    unreadable = unreadable_rules(cset)
    if unreadable:
        raise ParindexError(unreadable[0], where=str(path))
    rows = sheet_rows(cset)

    def write(tmp: Path) -> None:
        book = _book(cset, rows)
        book.save(tmp)

    write_atomic(path, write, force)
    return len(rows)


def _book(cset: CriteriaSet, rows: list[Any]) -> Any:
    from openpyxl import Workbook

    book = Workbook()
    book.properties.creator = "parindex"
    book.properties.title = cset.title
    # no evidence workbook (a scored folder skips it), and what officers fill in: no output replaces it
    book.properties.category = CRITERIA_CATEGORY
    sheet = book.active
    sheet.title = SHEET_SET
    _fill_set(sheet, rows)
    _fill_info(book.create_sheet(SHEET_INFO), cset)
    banner = provenance_banner(cset)
    if banner:
        sheet.oddHeader.left.text = banner.text("vi")[:250]
        sheet.oddHeader.left.size = 8
    return book


def _fill_set(sheet: Any, rows: list[Any]) -> None:
    from openpyxl.styles import Border, Font, PatternFill, Side

    from parindex.io.xlsx_print import print_ready

    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    keys = list(COLUMNS)
    for index, key in enumerate(keys, start=1):
        cell = sheet.cell(1, index, COLUMNS[key])
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.border = border
    fills = [PatternFill("solid", fgColor="E7E6E6"), PatternFill("solid", fgColor="F2F2F2")]
    for r, row in enumerate(rows, start=2):
        for index, key in enumerate(keys, start=1):
            cell = put(sheet.cell(r, index), _cell(row.values.get(key)))
            cell.border = border
            if row.group:
                cell.font = Font(bold=True)
                cell.fill = fills[min(row.depth, 1)]
        sheet.cell(r, 1).number_format = "@"
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{column_letter(len(keys) - 1)}{len(rows) + 1}"
    print_ready(sheet, 1, {column_letter(keys.index(key)): cap for key, cap in CAPS.items()})


def _fill_info(sheet: Any, cset: CriteriaSet) -> None:
    from openpyxl.styles import Alignment, Font

    from parindex.io.xlsx_print import LINE_PT, one_font, print_setup, text_lines

    rows = info_rows(cset)
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = INFO_WIDTH
    for r, (label, value) in enumerate(rows, start=1):
        key = put(sheet.cell(r, 1), label)
        key.font = Font(bold=True)
        key.alignment = Alignment(vertical="top")
        cell = put(sheet.cell(r, 2), _cell(value))
        cell.alignment = Alignment(wrap_text=True, horizontal="left", vertical="top")
        if isinstance(value, str):
            cell.number_format = "@"
        lines = text_lines(value, INFO_WIDTH)
        if lines > 1:
            sheet.row_dimensions[r].height = LINE_PT * lines
    banner = provenance_banner(cset)
    if banner:  # a row the import ignores: its value is not a number, and 'Lưu ý' is no key
        row = len(rows) + 2
        heading = sheet.cell(row, 1, "Lưu ý")  # its own name: mypy 1.12 would take `label` for the str above
        heading.font = Font(bold=True, color="C00000")
        heading.alignment = Alignment(vertical="top")
        note = put(sheet.cell(row, 2), banner.text("vi"))
        note.font = Font(color="C00000")
        note.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[row].height = LINE_PT * text_lines(banner.text("vi"), INFO_WIDTH)
    one_font(sheet)
    print_setup(sheet)


def _cell(value: Any) -> Any:
    """Maxima as spreadsheet numbers (a few decimals: exact as float text), the rest as it is."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


# --- reading ------------------------------------------------------------------------------------------------

def read_criteria_book(path: Path) -> SheetRead:
    """The cells of a criteria spreadsheet, every column of its table, or a ParindexError naming the file, sheet
    and cell (a header row not found names the headers accepted)."""
    try:
        book = read_book(Path(path), CRITERIA_SHEET)
    except ParindexError as error:
        if error.code != CRITERIA_SET.codes.no_header:
            raise
        header = Message("ui.sheet.headers", {"header": CRITERIA_SET.headers[CRITERIA_SET.anchor],
                                              "accepted": all_accepted_headers()})
        raise ParindexError("PX311", where=error.where, header=header, rows=error.msg.params["rows"]) from None
    assert book.table is not None and book.info is not None  # the spec has both sheets
    table = book.table
    rows = [(row, {key: table.cell(key, row, values) for key in table.prefixes}) for row, values in table.rows]
    return SheetRead([(pair.label, pair.value) for pair in book.info.pairs], rows,
                     header_ref=f"{table.sheet}!A{table.header}", info_ref=f"{book.info.sheet}!A1")


# --- importing: the workbook read, the YAML written and checked -------------------------------------------

@dataclass
class ImportReport:
    """What `criteria import` did: the cells it could not read (then nothing is written), or the file it wrote
    and what validation found in it, each finding with the cell it comes from."""

    problems: list[Message] = field(default_factory=list)
    findings: list[tuple[Finding, str | None]] = field(default_factory=list)
    items: int = 0
    set_id: str = ""
    notes: list[Message] = field(default_factory=list)  # columns read otherwise than headed, or not read


def import_criteria_book(source: Path, output: Path, force: bool = False) -> ImportReport:
    from parindex.criteria.files import check_criteria_document
    from parindex.criteria.sheet import read_sheet
    from parindex.criteria.yaml_writer import criteria_yaml
    from parindex.io.atomic import write_text_atomic
    from parindex.io.yaml_source import parse_yaml

    imported = read_sheet(read_criteria_book(source))
    where = f"{source} › "
    notes = [replace(note, where=where + (note.where or "")) for note in imported.notes]
    if imported.problems:
        return ImportReport([replace(problem, where=where + (problem.where or "")) for problem in imported.problems],
                            notes=notes)
    header = [f"Bộ tiêu chí nhập từ {source.name} bằng 'parindex criteria import'.",
              "Mỗi nút ghi dòng của nó trong trang Bộ tiêu chí; sửa ở bảng tính rồi nhập lại, hoặc sửa ở đây."]
    text = criteria_yaml(imported.data, imported.comments, header)
    write_text_atomic(output, text, force)
    checked = check_criteria_document(output, parse_yaml(text))
    findings = [(found, _cell_where(where, imported.cell_of(found.path))) for found in checked.findings]
    return ImportReport([], findings, _items_written(imported.data.get("areas", [])), str(imported.data.get("id", "")),
                        notes)


def _items_written(groups: list[Any]) -> int:
    """The items the YAML holds, counted in what was written: a set the schema refuses (an id with spaces) has them
    all the same, and 'wrote …: 0 items' would say otherwise."""
    return sum(len(group.get("items", [])) + _items_written(group.get("criteria", [])) for group in groups)


def _cell_where(prefix: str, cell: str | None) -> str | None:
    return prefix + cell if cell else None
