"""The print setup every workbook shares (io/xlsx_print.py), and each writer read back with openpyxl: one font,
fitted widths within what A4 landscape prints at 9 pt, wrapped headers, rows tall enough, the header row on
every page, page numbers. (bench/print_check.py prints them with LibreOffice.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from parindex.io.xlsx_print import FONT, LANDSCAPE_BUDGET, LINE_PT, text_lines
from parindex.io.xlsx_stream import SheetLayout, StreamedBook, Style

SAMPLE = Path(__file__).resolve().parents[2] / "evidence_samples" / "bac-giang-2020.xlsx"
DISTRICTS = SAMPLE.parent / "synthetic-districts"


def assert_prints_well(sheet: Any, title_rows: str | None) -> None:
    """What a person sees printing `sheet`: A4 landscape one page wide, the title rows on every page, page
    numbers, and every written cell in Times New Roman."""
    setup = sheet.page_setup
    assert int(setup.paperSize) == 9 and setup.orientation == "landscape"  # 9: A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth == 1 and setup.fitToHeight == 0
    assert (sheet.print_title_rows or "").replace("$", "") == (title_rows or "")
    assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
    fonts = {cell.font.name for row in sheet.iter_rows() for cell in row if cell.value is not None}
    assert fonts == {FONT}, (sheet.title, fonts)


def _widths(sheet: Any) -> list[float]:
    from openpyxl.utils import get_column_letter

    return [sheet.column_dimensions[get_column_letter(n)].width for n in range(1, sheet.max_column + 1)]


def _streamed(tmp_path: Path, layout: SheetLayout) -> Any:
    """`layout` written as parindex writes a workbook, read back."""
    book = StreamedBook()
    book.write(layout)
    book.save(tmp_path / "x.xlsx")
    return load_workbook(tmp_path / "x.xlsx").active


def test_one_font_fitted_columns_wrapped_rows_and_the_page(tmp_path: Path) -> None:
    layout = SheetLayout("x")
    layout.append(["Mã", "Nội dung", "Điểm tự đánh giá", "Ghi chú"])
    layout.append(["1.1.1", "Ban hành Kế hoạch cải cách hành chính năm", 1, "x " * 200])
    layout.restyle(1, 1, bold=True)
    layout.print_ready(1)
    sheet = _streamed(tmp_path, layout)
    assert_prints_well(sheet, "1:1")
    assert sheet["A1"].font.b and sheet["A1"].font.name == FONT  # bold kept
    widths = _widths(sheet)
    assert widths[0] == 7 and widths[3] == 60  # as wide as the contents, up to the cap
    assert widths[2] == 6  # a header counts by its longest word ("đánh", +2): it wraps, not 18 wide
    assert sheet["C1"].alignment.wrap_text and sheet["D2"].alignment.wrap_text
    assert sheet.row_dimensions[2].height == LINE_PT * text_lines("x " * 200, 60)


def test_columns_wider_than_the_page_are_narrowed_to_print_at_nine_points(tmp_path: Path) -> None:
    layout = SheetLayout("x")
    layout.append([f"Cột {n}" for n in range(6)])
    layout.append(["chữ " * 20] * 6)
    layout.print_ready(1)
    assert sum(layout.widths.values()) <= LANDSCAPE_BUDGET
    assert sum(_widths(_streamed(tmp_path, layout))) <= LANDSCAPE_BUDGET


def test_one_font_keeps_what_a_cell_had_but_its_name(tmp_path: Path) -> None:
    layout = SheetLayout("x")
    layout.append(["x"], Style(bold=True, italic=True, size=13))  # a bold cell: its font named all the same
    font = _streamed(tmp_path, layout)["A1"].font
    assert font.name == FONT and font.b and font.i and font.sz == 13


def test_the_score_report_and_the_ranking_print_well(cli, tmp_path: Path) -> None:
    one, many = tmp_path / "one.xlsx", tmp_path / "many.xlsx"
    assert cli("score", str(SAMPLE), "-o", str(one)).code in (0, 1)
    assert cli("score", str(DISTRICTS), "-o", str(many)).code in (0, 1)
    book = load_workbook(one)
    summary = book.worksheets[0]
    assert_prints_well(summary, "1:3")
    assert sum(_widths(summary)) <= LANDSCAPE_BUDGET
    assert summary["D3"].alignment.wrap_text  # 'Điểm tự đánh giá' wraps instead of being cut
    assert summary.merged_cells.ranges and summary["A2"].alignment.wrap_text  # the set's warning across the page
    for sheet in load_workbook(many).worksheets:
        # the ranking 1:3; a unit's compact sheet its header alone (its title read once, on the first page)
        header = {"Cảnh báo": "1:1", "Chênh lệch thẩm định": "2:2"}.get(sheet.title, "3:3")
        header = "1:3" if sheet.title == "Xếp hạng đơn vị" else header
        assert_prints_well(sheet, header)


def test_the_gap_workbook_prints_well(cli, tmp_path: Path) -> None:
    out = tmp_path / "gap.xlsx"
    assert cli("gap", str(SAMPLE), "--year", "2020", "-o", str(out)).code == 0
    for sheet in load_workbook(out).worksheets:
        assert_prints_well(sheet, "1:1")
        assert sum(_widths(sheet)) <= LANDSCAPE_BUDGET


def test_the_progress_report_prints_well(tmp_path: Path) -> None:
    from parindex.evidence.progress import Tally
    from parindex.evidence.progress_report import lead_report, write_xlsx

    tallies = [Tally("Sở Thông tin và Truyền thông", 12, 3, 1, 0, tuple(f"7.{n}.1" for n in range(1, 10))),
               Tally("Sở Tư pháp", 6, 6, 0, 1)]
    note = "Chưa nhận được phần của: Sở Nội vụ, Sở Tài chính, Sở Kế hoạch và Đầu tư. " * 3
    out = tmp_path / "tien-do.xlsx"
    write_xlsx(lead_report("UBND tỉnh Bắc Giang", "2021", 2, tallies, [note]), out, force=False)
    sheet = load_workbook(out).active
    assert_prints_well(sheet, "3:3")
    widths = _widths(sheet)
    assert sum(widths) <= LANDSCAPE_BUDGET
    assert widths[0] < 40  # the note below the table, across it, does not widen the first column
    note_row = next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == note)
    assert sheet.cell(note_row, 1).alignment.wrap_text
    assert sheet.row_dimensions[note_row].height == LINE_PT * text_lines(note, sum(widths))


def test_the_criteria_export_prints_well(cli, tmp_path: Path) -> None:
    out = tmp_path / "bo-tieu-chi.xlsx"
    assert cli("criteria", "export", "par-province-2020", "-o", str(out)).code == 0
    book = load_workbook(out)
    table, info = book["Bộ tiêu chí"], book["Thông tin"]
    assert_prints_well(table, "1:1")
    assert sum(_widths(table)) <= LANDSCAPE_BUDGET
    assert table["B1"].alignment.wrap_text and table.freeze_panes == "C2" and table.auto_filter.ref
    assert_prints_well(info, None)
