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
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from parindex.io.xlsx_stream import SheetLayout, StreamedBook

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

    write_atomic(path, _book(cset, rows).save, force)
    return len(rows)


def _book(cset: CriteriaSet, rows: list[Any]) -> StreamedBook:
    from parindex.io.xlsx_stream import StreamedBook

    book = StreamedBook(CRITERIA_CATEGORY)  # no evidence workbook (a scored folder skips it), and what officers
    book.book.properties.title = cset.title  # fill in: no output replaces it
    book.write(_set_sheet(rows, provenance_banner(cset)))
    book.write(_info_sheet(cset))
    return book


def _set_sheet(rows: list[Any], banner: Message | None) -> SheetLayout:
    from parindex.io.xlsx_stream import BOLD, PLAIN, SheetLayout

    keys = list(COLUMNS)

    def finish(sheet: Any) -> None:
        sheet.auto_filter.ref = f"A1:{column_letter(len(keys) - 1)}{len(rows) + 1}"
        if banner:
            sheet.oddHeader.left.text = banner.text("vi")[:250]
            sheet.oddHeader.left.size = 8

    sheet = SheetLayout(SHEET_SET, freeze="C2", finish=finish)
    sheet.append([COLUMNS[key] for key in keys], replace(BOLD, fill="DDEBF7", border=_GRID))
    for row in rows:
        style = replace(BOLD, fill=("E7E6E6", "F2F2F2")[min(row.depth, 1)]) if row.group else PLAIN
        style = replace(style, border=_GRID)
        cells = [(_cell(row.values.get(key)), style) for key in keys]
        cells[0] = (cells[0][0], replace(style, number_format="@"))
        sheet.rows.append(list(cells))
    sheet.print_ready(1, {column_letter(keys.index(key)): cap for key, cap in CAPS.items()})
    return sheet


def _info_sheet(cset: CriteriaSet) -> SheetLayout:
    from parindex.io.xlsx_print import LINE_PT, text_lines
    from parindex.io.xlsx_stream import BOLD, PLAIN, SheetLayout

    sheet = SheetLayout(SHEET_INFO, widths={1: 24, 2: INFO_WIDTH})
    label = replace(BOLD, vertical="top")
    for number, (name, value) in enumerate(info_rows(cset), start=1):
        written = replace(PLAIN, wrap=True, horizontal="left", vertical="top",
                          number_format="@" if isinstance(value, str) else "General")
        sheet.rows.append([(name, label), (_cell(value), written)])
        lines = text_lines(value, INFO_WIDTH)
        if lines > 1:
            sheet.heights[number] = LINE_PT * lines
    banner = provenance_banner(cset)
    if banner:  # a row the import ignores: its value is not a number, and 'Lưu ý' is no key
        sheet.rows.append([(None, PLAIN), (None, PLAIN)])
        red = replace(PLAIN, colour="C00000", vertical="top")
        sheet.rows.append([("Lưu ý", replace(red, bold=True)), (banner.text("vi"), replace(red, wrap=True))])
        sheet.heights[len(sheet.rows)] = LINE_PT * text_lines(banner.text("vi"), INFO_WIDTH)
    return sheet


_GRID = "A6A6A6"  # thin grey lines around every cell of the table


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
