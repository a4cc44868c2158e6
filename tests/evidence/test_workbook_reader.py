"""Reading evidence workbooks (parindex.evidence.reader, through the one sheet reader parindex.io.sheets) and the
guards before it (parindex.io.workbook_guard)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from parindex.common.errors import ParindexError
from parindex.evidence.model import INFO_KEYS, SHEET_INFO, SHEET_ITEMS, Cell
from parindex.evidence.reader import read_evidence
from parindex.io import sheets as sheet_reader

HEADERS = ["Mã", "Nội dung", "Điểm tối đa", "Cách chấm", "Kết quả", "Không áp dụng", "Điểm tự chấm",
           "Tài liệu kiểm chứng", "Giải trình", "Cơ quan chủ trì", "Điểm thẩm định", "Ghi chú"]
INFO = {"criteria_id": "mini-2020", "fingerprint": "abc123def456", "unit": "Sở Tư pháp", "level": "department",
        "year": "2020", "prepared_by": "Nguyễn Văn A", "date": "2024-05-01"}


def make_book(path: Path, rows: list[list], *, headers: list | None = None, info: dict | None = None,
              items_sheet: str = SHEET_ITEMS, info_sheet: str | None = SHEET_INFO, above: list[list] = ()) -> Path:
    """A workbook as a person might make one: optional lines above the header, then the header, then rows."""
    book = Workbook()
    sheet = book.active
    if info_sheet is not None:
        sheet.title = info_sheet
        for key, value in (INFO if info is None else info).items():
            sheet.append([INFO_KEYS.get(key, key), value])
        items = book.create_sheet(items_sheet)
    else:
        sheet.title = items_sheet
        items = sheet
    for line in above:
        items.append(line)
    items.append(HEADERS if headers is None else headers)
    for row in rows:
        items.append(row)
    book.save(path)
    return path


def raises(path: Path, code: str) -> ParindexError:
    with pytest.raises(ParindexError) as caught:
        read_evidence(path)
    assert caught.value.code == code, caught.value.msg.line("en")
    return caught.value


# --- reading ----------------------------------------------------------------------------------------

def test_reads_info_and_rows_with_addresses(tmp_path):
    path = make_book(tmp_path / "a.xlsx", [
        ["1", "Lĩnh vực 1", 4],
        ["1.1.1", "Kế hoạch", 1, "", "Có", None, 1, "QĐ 12/QĐ-UBND", None, "Sở Nội vụ"],
        ["1.1.2.", "Tỷ lệ", 1.5, "", 0.957],
        [None, "a free note line"],
        ["I. Cải cách thể chế"],
        [" 1.1.3", "Số việc", 1, "", "1.234,5", "x"],
    ])
    book = read_evidence(path)
    assert book.path == str(path)
    assert book.info == INFO
    assert book.info_refs["fingerprint"] == f"{SHEET_INFO}!B2"
    assert list(book.rows) == ["1", "1.1.1", "1.1.2", "1.1.3"]
    row = book.rows["1.1.1"]
    assert row.row == 3
    assert row.cell("value") == Cell("Có", f"{SHEET_ITEMS}!E3")
    assert hash(row.cell("value")) == hash(Cell("Có", f"{SHEET_ITEMS}!E3"))
    assert row.cell("self_score").raw == 1
    assert row.cell("evidence").raw == "QĐ 12/QĐ-UBND"
    assert row.cell("not_applicable").blank
    assert row.cell("not_applicable").ref == f"{SHEET_ITEMS}!F3"
    assert book.rows["1.1.2"].cell("value").raw == 0.957
    assert book.rows["1.1.2"].cell("code").ref == f"{SHEET_ITEMS}!A4"
    assert book.rows["1.1.3"].cell("value").raw == "1.234,5"
    assert book.rows["1.1.3"].cell("not_applicable").raw == "x"
    assert book.rows["1.1.3"].row == 7


def test_columns_found_by_header_wherever_they_are(tmp_path):
    headers = ["Ghi chú nội bộ", "Kết quả thực hiện", "STT/Mã", "Tiêu chí", "Điểm tự đánh giá"]
    path = make_book(tmp_path / "b.xlsx", [["x", "95,7%", "2.1.1", "Tỷ lệ", 2]], headers=headers,
                     above=[["BẢNG TỰ ĐÁNH GIÁ"], [], ["Đơn vị: Sở Tư pháp"]])
    row = read_evidence(path).rows["2.1.1"]
    assert row.row == 5
    assert row.cell("value").raw == "95,7%"
    assert row.cell("value").ref == f"{SHEET_ITEMS}!B5"
    assert row.cell("self_score").ref == f"{SHEET_ITEMS}!E5"
    assert row.cell("evidence").ref == ""  # no such column: a blank cell without an address
    assert row.cell("name").ref == ""  # a reference column (the set's text, not the unit's): not read
    assert set(row.cells) == {"value", "code", "self_score"}


def test_english_sheets_and_headers(tmp_path):
    headers = ["Code", "Content", "Max points", "Value", "Evidence"]
    info = {"Criteria set": "mini-2020", "Fingerprint": "f" * 12, "Year": 2020}
    path = make_book(tmp_path / "c.xlsx", [["1.1.1", "Plan", 1, "yes", "doc"]], headers=headers, info=info,
                     items_sheet="Self-assessment", info_sheet="Info")
    book = read_evidence(path)
    assert book.info == {"criteria_id": "mini-2020", "fingerprint": "f" * 12, "year": "2020"}
    assert book.rows["1.1.1"].cell("value").ref == "Self-assessment!D2"


def test_sheet_names_ignore_case_diacritics_and_spacing(tmp_path):
    nfd = unicodedata.normalize("NFD", "tự  đánh giá ")
    path = make_book(tmp_path / "d.xlsx", [["1.1.1", "", 1, "", "Có"]], items_sheet=nfd, info_sheet="THONG TIN")
    book = read_evidence(path)
    assert book.rows["1.1.1"].cell("value").ref == f"{nfd}!E2"
    assert book.info["criteria_id"] == "mini-2020"


def test_numeric_codes_and_typed_cells(tmp_path):
    path = make_book(tmp_path / "e.xlsx", [
        [1.1, "criterion typed as a number"],
        ["1.1.1", "", 1, "", datetime(2024, 3, 1)],
        ["1.1.2", "", 1, "", True],
    ])
    rows = read_evidence(path).rows
    assert list(rows) == ["1.1", "1.1.1", "1.1.2"]
    assert rows["1.1.1"].cell("value").raw == date(2024, 3, 1)  # calamine: a midnight datetime is a date
    assert rows["1.1.2"].cell("value").raw is True


def test_info_value_types_become_text(tmp_path):
    info = {**INFO, "year": 2020, "date": datetime(2024, 5, 1), "unit": "  Sở Tư pháp\u00a0"}
    path = make_book(tmp_path / "f.xlsx", [["1.1.1"]], info=info)
    book = read_evidence(path)
    assert book.info["year"] == "2020"
    assert book.info["date"] == "2024-05-01"
    assert book.info["unit"] == "Sở Tư pháp"


def test_info_label_without_value(tmp_path):
    path = make_book(tmp_path / "g.xlsx", [["1.1.1"]], info={"criteria_id": "mini-2020", "unit": None})
    book = read_evidence(path)
    assert book.info["unit"] == ""
    assert book.info_refs["unit"] == f"{SHEET_INFO}!B2"


# --- content errors (exit 1) ------------------------------------------------------------------------

def test_missing_sheet_names_the_sheets_found(tmp_path):
    path = make_book(tmp_path / "h.xlsx", [["1.1.1"]], info_sheet=None)
    error = raises(path, "PW420")
    assert error.exit_code == 1
    assert SHEET_INFO in error.msg.line("en")
    assert f"'{SHEET_ITEMS}'" in error.params["found"]
    assert str(path) in error.msg.line("vi")


def test_missing_items_sheet(tmp_path):
    path = make_book(tmp_path / "i.xlsx", [["1.1.1"]], items_sheet="Sheet2")
    error = raises(path, "PW420")
    assert error.params["sheet"] == SHEET_ITEMS
    assert "'Sheet2'" in error.params["found"]


def test_no_header_row(tmp_path):
    path = make_book(tmp_path / "j.xlsx", [["1.1.1", "x"]], headers=["Số thứ tự", "Nội dung"])
    error = raises(path, "PW421")
    assert error.exit_code == 1
    assert SHEET_ITEMS in error.where


def test_header_below_row_15_is_not_searched(tmp_path):
    path = make_book(tmp_path / "k.xlsx", [["1.1.1", "x"]], above=[["title"]] * 15)
    raises(path, "PW421")


def test_missing_value_column(tmp_path):
    path = make_book(tmp_path / "l.xlsx", [["1.1.1", "x"]], headers=["Mã", "Nội dung", "Số liệu báo cáo"])
    error = raises(path, "PW422")
    assert error.where.endswith(f"{SHEET_ITEMS}!A1")
    assert "'Số liệu báo cáo'" in error.msg.line("en")


def test_duplicate_columns(tmp_path):
    path = make_book(tmp_path / "m.xlsx", [["1.1.1", "x", "y"]], headers=["Mã", "Kết quả", "Kết quả thực hiện"])
    error = raises(path, "PW423")
    text = error.msg.line("en")
    assert "B ('Kết quả')" in text and "C ('Kết quả thực hiện')" in text


def test_duplicate_codes_name_both_cells(tmp_path):
    path = make_book(tmp_path / "n.xlsx", [["1.1.1", "", 1, "", "Có"], ["1.1.2"], ["1.1.1.", "", 1, "", "Không"]])
    error = raises(path, "PW424")
    assert error.exit_code == 1
    assert error.params == {"item": "1.1.1", "first": f"{SHEET_ITEMS}!A2", "second": f"{SHEET_ITEMS}!A4"}


def test_row_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(sheet_reader, "MAX_ROWS", 30)
    path = make_book(tmp_path / "o.xlsx", [[f"1.1.{n}"] for n in range(1, 40)])
    raises(path, "PW425")


def test_unreadable_code_on_a_row_with_data_is_not_skipped(tmp_path):
    path = make_book(tmp_path / "o2.xlsx", [["I. Lĩnh vực"], ["1,1,3", "", 1, "", "Có"], ["1.1.4", "", 1, "", "Có"]])
    error = raises(path, "PW430")
    assert error.exit_code == 1
    assert error.where.endswith(f"{SHEET_ITEMS}!A3")
    assert "1,1,3" in error.msg.line("en")


def _far_cell_book(tmp_path: Path, ref: str) -> Path:
    path = make_book(tmp_path / f"far-{ref}.xlsx", [["1.1.1", "", 1, "", "Có"]])
    row = re.sub(r"[A-Z]", "", ref)
    _rewrite_entry(path, "xl/worksheets/sheet2.xml", lambda xml: xml.replace(
        b"</sheetData>", f'<row r="{row}"><c r="{ref}"><v>1</v></c></row></sheetData>'.encode()))
    return path


@pytest.mark.parametrize(("ref", "code"), [("XFD1048576", "PW425"), ("A1048576", "PW425"), ("L20001", "PW425"),
                                           ("SG2", "PW427"), ("AAA1", "PW427"), ("SF20000", "PW428")])
def test_cells_beyond_the_limits_are_refused_before_the_sheet_is_laid_out(tmp_path, ref, code):
    """calamine fills the grid densely: XFD1048576 beside A1 would abort the process. Run in a child with a
    memory limit, so a regression fails this test instead of the test run."""
    path = _far_cell_book(tmp_path, ref)
    script = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
              "from parindex.common.errors import ParindexError\nfrom parindex.evidence.reader import read_evidence\n"
              "try:\n    read_evidence(sys.argv[1])\nexcept ParindexError as e:\n    print(e.code, e.where)\n")
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.split()[0] == code
    assert done.stdout.strip().endswith(re.sub(r"[A-Z]", "", ref) if code == "PW425" else ref)


@pytest.mark.parametrize("ref", ["A20000", "SF1", "AX20000"])
def test_cells_within_the_limits_are_read(tmp_path, ref):
    """The last row, the last column, and an area of a million cells (50 columns down to the last row) read; the
    last row and the last column together (SF20000: ten million cells laid out, 0.4 GB) are PW428."""
    path = _far_cell_book(tmp_path, ref)
    assert "1.1.1" in read_evidence(path).rows


def test_formula_without_cached_value_is_reported(tmp_path):
    path = make_book(tmp_path / "p.xlsx", [["1.1.1", "", 1, "", "=10*9.57%"], ["1.1.2", "", 1, "", 5]])
    error = raises(path, "PW426")
    assert error.exit_code == 1
    assert error.params["cells"] == f"{SHEET_ITEMS}!E2"
    assert "open and save the file in excel or libreoffice" in error.msg.line("en").lower()
    assert "LibreOffice" in error.msg.line("vi")


def test_sheet_xml_that_is_not_one_document_is_a_damaged_workbook(tmp_path):
    """A formula tag before the sheet's root (found by hypothesis with defusedxml 0.7.0, whose parse error is a
    class of its own): PW410, never a traceback."""
    path = make_book(tmp_path / "p.xlsx", [["1.1.1", "", 1, "", ""]])
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as out:
        for entry in source.infolist():
            data = source.read(entry)
            out.writestr(entry, b"<f>1+1</f>" + data if entry.filename == "xl/worksheets/sheet2.xml" else data)
    raises(damaged, "PW410")


def test_formula_with_a_namespace_prefix_is_found_too(tmp_path):
    path = make_book(tmp_path / "p2.xlsx", [["1.1.1", "", 1, "", "=10*9.57%"]])
    main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    _rewrite_entry(path, "xl/worksheets/sheet2.xml",
                   lambda xml: xml.replace(b"<f>", b'<x:f xmlns:x="' + main + b'">').replace(b"</f>", b"</x:f>"))
    assert raises(path, "PW426").params["cells"] == f"{SHEET_ITEMS}!E2"


def test_many_formula_cells_are_counted_and_the_first_ones_named(tmp_path):
    path = make_book(tmp_path / "p3.xlsx", [[f"1.1.{n}", "", 1, "", f"={n}*2"] for n in range(1, 16)])
    error = raises(path, "PW426")
    assert error.params["count"] == 15
    assert error.params["cells"].startswith(f"{SHEET_ITEMS}!E2, {SHEET_ITEMS}!E3")
    assert error.params["cells"].endswith("…")


def test_formula_in_the_info_sheet(tmp_path):
    path = make_book(tmp_path / "p4.xlsx", [["1.1.1"]], info={**INFO, "date": "=TODAY()"})
    assert raises(path, "PW426").params["cells"] == f"{SHEET_INFO}!B7"


def test_formula_with_cached_value_is_read_by_its_value(tmp_path):
    path = make_book(tmp_path / "q.xlsx", [["1.1.1", "", 1, "", "=10*9.57%"]])
    _rewrite_entry(path, "xl/worksheets/sheet2.xml", lambda xml: re.sub(rb"<v\s*/>|<v></v>", b"<v>0.957</v>", xml))
    assert read_evidence(path).rows["1.1.1"].cell("value").raw == 0.957


def test_formula_in_a_column_nobody_reads_is_ignored(tmp_path):
    path = make_book(tmp_path / "r.xlsx", [["1.1.1", "", 1, "", "Có", None, None, None, None, None, None, None,
                                             "=1+1"]])
    assert read_evidence(path).rows["1.1.1"].cell("value").raw == "Có"


# --- the file itself (exit 2) -----------------------------------------------------------------------

def test_not_a_zip(tmp_path):
    path = tmp_path / "s.xlsx"
    path.write_bytes(bytes(range(256)) * 8)
    error = raises(path, "PW400")
    assert error.exit_code == 2
    assert "Save As" in error.msg.line("en")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    assert raises(path, "PW408").exit_code == 2


def test_truncated_zip(tmp_path):
    good = make_book(tmp_path / "good.xlsx", [["1.1.1", "", 1, "", "Có"]])
    path = tmp_path / "t.xlsx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    error = raises(path, "PW404")
    assert error.exit_code == 2


def test_ods(tmp_path):
    path = tmp_path / "u.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    error = raises(path, "PW402")
    assert error.exit_code == 2
    assert ".ods" in error.msg.line("en")


@pytest.mark.parametrize(("content", "kind"), [
    ("Mã,Nội dung,Kết quả\n1.1.1,Kế hoạch,Có\n".encode(), "CSV"),
    ("Mã;Nội dung;Kết quả\r\n1.1.1;Kế hoạch;Có\r\n".encode("utf-8-sig"), "CSV"),
    ("Mã\tKết quả\n1.1.1\tCó\n".encode("utf-16"), "CSV"),
    (b"<html><body><table><tr><td>1.1.1</td></tr></table></body></html>", "HTML"),
    (b'<?xml version="1.0"?><Workbook/>', "XML"),
])
def test_text_renamed_to_xlsx(tmp_path, content, kind):
    path = tmp_path / "v.xlsx"
    path.write_bytes(content)
    error = raises(path, "PW403")
    assert error.params["kind"] == kind
    assert error.exit_code == 2


def test_ole2_means_xls_or_encrypted(tmp_path):
    path = tmp_path / "w.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    error = raises(path, "PW401")
    assert error.exit_code == 2
    assert "password" in error.msg.line("en") and ".xls" in error.msg.line("en")
    assert "mật khẩu" in error.msg.line("vi")


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "x.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    assert raises(path, "PW409").exit_code == 2
    plain = tmp_path / "y.xlsx"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert raises(plain, "PW409").params["missing"] == "[Content_Types].xml"


def test_zip_bomb_entry_is_refused_before_parsing(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (40 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    error = raises(path, "PW407")
    assert error.params["entry"] == "xl/worksheets/sheet1.xml"
    assert error.exit_code == 2


def test_unpacked_total_over_the_limit(tmp_path, monkeypatch):
    path = make_book(tmp_path / "z.xlsx", [["1.1.1", "", 1, "", "Có"]])
    monkeypatch.setenv("PARINDEX_MAX_UNZIPPED_BYTES", "2000")
    error = raises(path, "PW406")
    assert error.exit_code == 2
    monkeypatch.delenv("PARINDEX_MAX_UNZIPPED_BYTES")
    assert read_evidence(path).rows["1.1.1"].cell("value").raw == "Có"


def test_too_many_entries(tmp_path):
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(5_001):
            archive.writestr(f"xl/media/{number}.txt", "")
    assert raises(path, "PW405").exit_code == 2


def test_file_too_large(tmp_path, monkeypatch):
    path = make_book(tmp_path / "big.xlsx", [["1.1.1"]])
    monkeypatch.setenv("PARINDEX_MAX_BYTES", "100")
    error = raises(path, "PE301")
    assert error.exit_code == 2


def test_folder_and_missing_file(tmp_path):
    assert raises(tmp_path, "PE305").exit_code == 2
    assert raises(tmp_path / "nope.xlsx", "PE300").exit_code == 2


def test_damaged_workbook_xml_cannot_be_read(tmp_path):
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook><sheets><")
    error = raises(path, "PW410")
    assert error.exit_code == 2


def _rewrite_entry(path: Path, name: str, change) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            archive.writestr(info, change(data) if info.filename == name else data)


def test_percent_formatted_numbers_read_as_percents(tmp_path):
    """Excel stores a typed `100%` as 1 with a % format; without the format it would read as an ambiguous 1."""
    from openpyxl import load_workbook

    path = make_book(tmp_path / "pct.xlsx", [["1.1.1", "", "", "", 1], ["1.1.2", "", "", "", 0.957],
                                             ["1.1.3", "", "", "", 2]])
    book = load_workbook(path)
    items = book[SHEET_ITEMS]
    items["E2"].number_format = "0%"
    items["E3"].number_format = '0.0"x"%'
    book.save(path)
    rows = read_evidence(path).rows
    assert rows["1.1.1"].cell("value").raw == "100%"
    assert rows["1.1.2"].cell("value").raw == "95.7%"
    assert rows["1.1.3"].cell("value").raw == 2  # General format: left as the number it is


def test_percent_cells_read_as_excel_shows_them_and_literal_percent_signs_are_not_percents(tmp_path):
    from openpyxl import load_workbook

    path = make_book(tmp_path / "pct2.xlsx", [["1.1.1", "", "", "", 0.7 + 0.1], ["1.1.2", "", "", "", 95.7],
                                              ["1.1.3", "", "", "", 95.7]])
    book = load_workbook(path)
    items = book[SHEET_ITEMS]
    items["E2"].number_format = "0.0%"  # 0.7999999999999999 shown as 80.0%
    items["E3"].number_format = '0.0"%"'  # a % sign as text: the number is 95.7, not 9570%
    items["E4"].number_format = "0.0\\%"  # the same, escaped
    book.save(path)
    rows = read_evidence(path).rows
    assert rows["1.1.1"].cell("value").raw == "80%"
    assert rows["1.1.2"].cell("value").raw == 95.7
    assert rows["1.1.3"].cell("value").raw == 95.7


def test_an_excel_error_in_a_cell_is_read_as_that_error_not_as_blank(tmp_path):
    path = make_book(tmp_path / "err.xlsx", [["1.1.1", "", 1, "", 5], ["1.1.2", "", 1, "", 6]])
    _rewrite_entry(path, "xl/worksheets/sheet2.xml", lambda xml: re.sub(
        rb'<c r="E2"([^>]*)>.*?</c>', b'<c r="E2" t="e"><f>J2/K2</f><v>#DIV/0!</v></c>', xml))
    rows = read_evidence(path).rows
    assert rows["1.1.1"].cell("value").raw == "#DIV/0!"  # scoring then says '#DIV/0!' is not a number, at E2
    assert rows["1.1.2"].cell("value").raw == 6


def test_an_empty_formatted_row_far_down_is_not_too_many_rows(tmp_path):
    path = make_book(tmp_path / "rows.xlsx", [["1.1.1", "", 1, "", "Có"]])
    _rewrite_entry(path, "xl/worksheets/sheet2.xml", lambda xml: xml.replace(
        b"</sheetData>", b'<row r="30000" ht="20" customHeight="1"/><row r="40000"></row></sheetData>'))
    assert read_evidence(path).rows["1.1.1"].cell("value").raw == "Có"


@pytest.mark.parametrize("cell", [b'<c r="E2"><f t="shared" si="0"/></c>', b'<c r="E2"><f>1+1</f>\n  <v></v></c>',
                                  b'<c r="E2"><x:f xmlns:x="urn:x">1+1</x:f></c>'])
def test_every_way_of_writing_a_formula_without_its_value_is_found(tmp_path, cell):
    path = make_book(tmp_path / "f.xlsx", [["1.1.1", "", 1, "", 5]])
    _rewrite_entry(path, "xl/worksheets/sheet2.xml", lambda xml: re.sub(rb'<c r="E2"[^>]*>.*?</c>', cell, xml))
    assert raises(path, "PW426").params["cells"] == f"{SHEET_ITEMS}!E2"


@pytest.mark.skipif(os.name != "posix", reason="file names as bytes")
def test_a_file_name_that_is_not_utf8_is_read(tmp_path):
    source = make_book(tmp_path / "a.xlsx", [["1.1.1", "", 1, "", "Có"]])
    odd = tmp_path / os.fsdecode(b"so-t\xe0i-li\xea\xf5u.xlsx")  # Latin-1 bytes, as an old copy tool leaves them
    odd.write_bytes(source.read_bytes())
    assert read_evidence(odd).rows["1.1.1"].cell("value").raw == "Có"


def test_every_sheet_is_read_through_the_one_readers_public_names_only() -> None:
    """The evidence workbook, criteria import, the survey table and the list of units use the one sheet reader's
    public API, each name documented, and none of them opens a workbook itself."""
    import ast
    import inspect

    root = Path(sheet_reader.__file__).parents[1] / "evidence"
    used: set[str] = set()
    for module in ("reader.py", "criteria_book.py", "survey.py", "unit_list.py"):
        tree = ast.parse((root / module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "parindex.io.sheets":
                used |= {alias.name for alias in node.names}
            assert not (isinstance(node, ast.ImportFrom) and node.module == "python_calamine"), module
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                assert node.attr not in vars(sheet_reader.SheetRows), f"{module} calls private {node.attr}"
    assert used and not [name for name in used if name.startswith("_")]
    for name in used:
        value = getattr(sheet_reader, name)
        if callable(value):
            assert inspect.getdoc(value), f"{name} has no docstring"
