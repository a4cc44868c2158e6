"""Sheets laid out from values and streamed (io/xlsx_stream.py): every value reads back as openpyxl's own writer
would have written it, styles are registered once, and a written sheet keeps nothing of its rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook, load_workbook

from parindex.io.xlsx_cells import put
from parindex.io.xlsx_stream import BOLD, PLAIN, SheetLayout, StreamedBook, table

VALUES: list[object] = [
    "Nội dung", "  lề trái và phải  ", "a & b < c > d", "dòng 1\r\ndòng 2\ndòng 3", "=SUM(A1:A2)", "#N/A", "",
    "x" * 40_000, "\x0bWord\x07", 0, -3, 12.5, 0.1 + 0.2, 1e-7, 10 ** 15, None, True, dt.date(2026, 12, 7),
]


def test_every_value_reads_back_as_openpyxl_writes_it(tmp_path: Path) -> None:
    book = StreamedBook()
    layout = SheetLayout("x")
    for value in VALUES:
        layout.append([value, "b"], BOLD)
    book.write(layout)
    book.save(tmp_path / "streamed.xlsx")
    plain = Workbook()
    for row, value in enumerate(VALUES, start=1):
        put(plain.active.cell(row, 1), value)
    plain.save(tmp_path / "plain.xlsx")
    streamed, expected = load_workbook(tmp_path / "streamed.xlsx").active, load_workbook(tmp_path / "plain.xlsx").active
    for row in range(1, len(VALUES) + 1):
        got, want = streamed.cell(row, 1), expected.cell(row, 1)
        assert (got.value, got.data_type) == (want.value, want.data_type), VALUES[row - 1]
        assert got.font.b and got.font.name == "Times New Roman"
    assert streamed["A5"].value == "=SUM(A1:A2)" and streamed["A5"].data_type == "s"  # text, never a formula


def test_a_style_is_registered_once_and_a_written_sheet_lets_its_rows_go(tmp_path: Path) -> None:
    book = StreamedBook()
    for n in range(3):
        book.write(table(f"s{n}", [["Mã", "Tên"], *[[f"1.{i}", "chữ " * i] for i in range(50)]]))
    sheets = book.book.worksheets
    kept = {name for sheet in sheets for name in ("row_dimensions", "column_dimensions", "page_setup", "HeaderFooter",
                                                  "views", "merged_cells") if name in vars(sheet)}
    assert not kept, kept  # written into the sheet's XML, then let go: the workbook's save does not read them
    book.save(tmp_path / "t.xlsx")
    assert len(book.book._cell_styles) <= 4  # the default, the header, the rows: not one a cell
    read = load_workbook(tmp_path / "t.xlsx")
    assert [sheet.title for sheet in read.worksheets] == ["s0", "s1", "s2"]
    assert read["s2"]["B51"].value == "chữ " * 49 and read["s2"].row_dimensions[51].height


def test_a_merged_heading_is_one_cell_as_tall_as_its_text(tmp_path: Path) -> None:
    layout = SheetLayout("x")
    layout.append(["tiêu đề " * 30])
    layout.append(["A", "B", "C"], BOLD)
    layout.print_ready(2)
    layout.heading(1, 3, "tiêu đề " * 30, PLAIN)
    book = StreamedBook()
    book.write(layout)
    book.save(tmp_path / "m.xlsx")
    sheet = load_workbook(tmp_path / "m.xlsx").active
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A1:C1"]
    assert sheet["A1"].alignment.wrap_text and sheet.row_dimensions[1].height > 14


def test_what_an_evidence_workbook_needs_protection_comments_another_font_and_a_hidden_sheet(tmp_path: Path) -> None:
    from openpyxl.comments import Comment

    from parindex.io.xlsx_stream import UNSTYLED, Style

    def hide(sheet: object) -> None:
        sheet.sheet_state = "hidden"  # type: ignore[attr-defined]

    typed = SheetLayout("x")
    typed.append(["Mã", "Kết quả"])
    typed.put(2, 1, "1.1", PLAIN)
    typed.put(2, 2, "", Style(locked=False, font="Calibri"))
    typed.comments[(2, 2)] = Comment("Số liệu điều tra", "parindex")
    lists = SheetLayout("lists", printed=False, finish=hide)
    lists.put(1, 1, "a", UNSTYLED)
    book = StreamedBook()
    book.write(typed)
    book.write(lists)
    book.save(tmp_path / "e.xlsx")
    read = load_workbook(tmp_path / "e.xlsx")
    cell = read["x"]["B2"]
    assert not cell.protection.locked and read["x"]["A2"].protection.locked
    assert cell.font.name == "Calibri" and cell.comment.text == "Số liệu điều tra"
    assert read["x"]["A2"].comment is None and read["x"].print_title_rows is None
    hidden = read["lists"]
    assert hidden.sheet_state == "hidden" and hidden["A1"].value == "a"
    assert hidden["A1"].style_id == 0 and hidden["A1"].font.name == "Calibri"  # openpyxl's default cell
    assert hidden.page_setup.paperSize is None and read["x"].page_setup.paperSize == 9  # no print setup


def test_sheets_keep_their_names_and_places_and_a_name_taken_or_too_long_is_a_writers_mistake(tmp_path: Path) -> None:
    import pytest

    book = StreamedBook()
    for title, index in (("Sở A", None), ("Xã B", None), ("Xếp hạng", 0)):
        book.write(SheetLayout(title), index)
    for title in ("sở a", "x" * 32, "a/b", ""):
        with pytest.raises(ValueError):
            book.write(SheetLayout(title))
    book.save(tmp_path / "names.xlsx")
    assert load_workbook(tmp_path / "names.xlsx").sheetnames == ["Xếp hạng", "Sở A", "Xã B"]
