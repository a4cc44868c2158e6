"""`evidence.criteria_book`: the criteria spreadsheet written for people (widths, wrapping, frozen header, A4
landscape fitted to the page width, header on every page) and read back as untrusted input."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from parindex.common.errors import ParindexError
from parindex.criteria.files import load_bundled
from parindex.criteria.sheet import COLUMNS
from parindex.evidence.criteria_book import read_criteria_book, write_criteria_book
from parindex.io.xlsx_print import LANDSCAPE_BUDGET
from tests.fixtures.criteria_sheet.officer import FIRST_ROW, write_officer_sheet


def test_the_exported_workbook_reads_and_prints_well(tmp_path: Path) -> None:
    path = tmp_path / "set.xlsx"
    cset = load_bundled("par-province-2020")
    rows = write_criteria_book(path, cset)
    assert rows == len(cset.items()) + len(list(cset.groups()))
    book = load_workbook(path)
    assert book.sheetnames == ["Bộ tiêu chí", "Thông tin"]
    sheet = book["Bộ tiêu chí"]
    assert [cell.value for cell in sheet[1]] == list(COLUMNS.values())
    assert sheet.freeze_panes == "C2" and sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJ"}
    assert sum(widths.values()) <= LANDSCAPE_BUDGET  # printed at 9 pt or more
    assert min(widths["B"], widths["D"]) > max(widths[letter] for letter in "ACEFGHIJ")  # Nội dung, Cách chấm widest
    assert all(cell.alignment.wrap_text for cell in sheet[3])
    assert sheet["A4"].value == "1.1.1" and sheet["A4"].number_format == "@"
    assert "DỰNG LẠI" in sheet.oddHeader.left.text  # a reconstructed set says so on every printed page
    info = {row[0].value: row[1].value for row in book["Thông tin"].iter_rows() if row[0].value}
    assert info["Mã bộ tiêu chí"] == "par-province-2020" and info["Năm áp dụng"] == "2019, 2020, 2021"
    assert "DỰNG LẠI" in info["Lưu ý"]


def test_an_officers_sheet_is_read_by_header_text_with_merged_cells_and_spacer_rows(tmp_path: Path) -> None:
    read = read_criteria_book(write_officer_sheet(tmp_path / "phu-luc.xlsx"))
    rows = dict(read.rows)
    assert FIRST_ROW + 5 not in rows  # the blank spacer row
    assert rows[FIRST_ROW + 3]["component"].raw == "Điểm thẩm định"  # merged from the row above
    assert rows[FIRST_ROW + 3]["component"].ref == f"Bộ tiêu chí!E{FIRST_ROW + 3}"
    assert rows[FIRST_ROW + 2]["rule"].ref == f"Bộ tiêu chí!D{FIRST_ROW + 2}"  # 'Cách chấm điểm' is Cách chấm
    assert "source" not in rows[FIRST_ROW]  # a column the sheet does not have
    assert [label.raw for label, _ in read.info][:2] == ["Mã bộ tiêu chí", "Tên"]


def test_a_sheet_without_the_criteria_sheets_is_refused_by_name(tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "khac.xlsx"
    book = Workbook()
    book.active.title = "Sheet1"
    book.save(path)
    with pytest.raises(ParindexError) as refused:
        read_criteria_book(path)
    assert refused.value.code == "PX310" and "Sheet1" in refused.value.msg.text("en")


def test_a_header_row_without_the_required_columns_is_refused(tmp_path: Path) -> None:
    path = write_officer_sheet(tmp_path / "phu-luc.xlsx")
    book = load_workbook(path)
    book["Bộ tiêu chí"]["D3"] = "Ghi chú"
    book.save(path)
    with pytest.raises(ParindexError) as refused:
        read_criteria_book(path)
    assert refused.value.code == "PX312" and refused.value.where.endswith("Bộ tiêu chí!A3")


def test_an_excel_error_in_a_cell_reads_as_its_text_not_as_a_blank(tmp_path: Path) -> None:
    """Read through the one sheet reader as every sheet is: a #N/A where a maximum should be is said at its cell,
    not taken for a maximum left blank."""
    path = write_officer_sheet(tmp_path / "phu-luc.xlsx")
    book = load_workbook(path)
    book["Bộ tiêu chí"].cell(FIRST_ROW + 2, 3).value = "#N/A"  # openpyxl writes it as an error cell (t="e")
    book.save(path)
    rows = dict(read_criteria_book(path).rows)
    assert rows[FIRST_ROW + 2]["max"] == ("#N/A", f"Bộ tiêu chí!C{FIRST_ROW + 2}")
