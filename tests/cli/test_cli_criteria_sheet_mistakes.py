"""`criteria import` of a sheet an officer pasted from the Word annex: lists come as lines in a cell."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from parindex.criteria.files import load_criteria
from tests.output import said

SET = "par-department-2025"


def exported_with(cli, tmp_path, sheet_name: str, key: str, column: int, value: object) -> tuple[Path, int]:
    """The bundled set exported, then one cell typed as an officer would: in `sheet_name`, the row whose first
    cell is `key`, column `column`. Returns the file and that row."""
    sheet = tmp_path / "phu-luc.xlsx"
    assert cli("criteria", "export", SET, "-o", str(sheet)).code == 0
    book = load_workbook(sheet)
    rows = book[sheet_name]
    row = next(r for r in range(1, rows.max_row + 1) if rows.cell(r, 1).value == key)
    rows.cell(row, column).value = value
    book.save(sheet)
    return sheet, row


def test_a_bulleted_list_pasted_from_word_into_cach_cham_is_read(cli, tmp_path):
    sheet, _ = exported_with(cli, tmp_path, "Bộ tiêu chí", "1.1.1", 4,
                             "- Ban hành đúng hạn: 1,5 điểm\n- Ban hành chậm: 0,5 điểm\n- Không ban hành: 0 điểm")
    before = sheet.read_bytes()
    out = tmp_path / "bo.yaml"
    result = cli("criteria", "import", str(sheet), "-o", str(out), "--lang", "en")
    assert result.code == 0, result.out + result.err
    item = load_criteria(str(out)).item_by_code()["1.1.1"]
    assert [option.label for option in item.rule.options] == ["Ban hành đúng hạn", "Ban hành chậm", "Không ban hành"]
    assert sheet.read_bytes() == before


def test_a_mistyped_thanh_phan_is_said_at_its_cell_not_made_a_component(cli, tmp_path):
    sheet, row = exported_with(cli, tmp_path, "Bộ tiêu chí", "1.1.1", 5, "Thẩm tra")
    assert load_workbook(sheet)["Bộ tiêu chí"].cell(1, 5).value == "Thành phần"
    out = tmp_path / "bo.yaml"
    result = cli("criteria", "import", str(sheet), "-o", str(out))
    assert result.code == 1 and not out.exists()
    assert f"Bộ tiêu chí!E{row}" in result.out + result.err and "PX333" in result.out + result.err


def test_a_set_the_schema_refuses_still_says_how_many_items_were_written(cli, tmp_path):
    sheet, _ = exported_with(cli, tmp_path, "Thông tin", "Mã bộ tiêu chí", 2, "Bộ sở 2026")  # the schema refuses it
    result = cli("criteria", "import", str(sheet), "-o", str(tmp_path / "bo.yaml"), "--lang", "en")
    items = len(load_criteria(SET).items())
    assert result.code == 1 and f"{items} items" in said(result.out + result.err), result.out + result.err


def _edit(cli, tmp_path, sheet_name, code, column, value):
    """Export the set, put `value` at `column` of the row of `code` (or of the label `code` in Thông tin)."""
    sheet = tmp_path / "phu-luc.xlsx"
    assert cli("criteria", "export", SET, "-o", str(sheet)).code == 0
    book = load_workbook(sheet)
    rows = book[sheet_name]
    row = next(r for r in range(1, rows.max_row + 1) if rows.cell(r, 1).value == code)
    rows.cell(row, column).value = value
    book.save(sheet)
    return sheet, row


def test_a_mistyped_code_is_said_at_its_cell_not_skipped_as_a_heading(cli, tmp_path):
    sheet, row = _edit(cli, tmp_path, "Bộ tiêu chí", "1.1.1", 1, "1.1.x")
    out = tmp_path / "bo.yaml"
    result = cli("criteria", "import", str(sheet), "-o", str(out), "--lang", "en")
    words = said(result.out + result.err)
    assert result.code == 1 and not out.exists(), words
    assert "PX328" in words and f"Bộ tiêu chí!A{row}" in words, words


def test_true_in_diem_toi_da_is_a_number_that_cannot_be_read_not_a_blank(cli, tmp_path):
    sheet, row = _edit(cli, tmp_path, "Bộ tiêu chí", "1.1.1", 3, True)
    out = tmp_path / "bo.yaml"
    result = cli("criteria", "import", str(sheet), "-o", str(out), "--lang", "en")
    words = said(result.out + result.err)
    assert result.code == 1 and not out.exists(), words
    assert "PX323" in words and "PX330" not in words and f"Bộ tiêu chí!C{row}" in words, words


def test_true_in_the_sets_diem_toi_da_is_refused_not_dropped(cli, tmp_path):
    sheet, row = _edit(cli, tmp_path, "Thông tin", "Điểm tối đa", 2, True)
    out = tmp_path / "bo.yaml"
    result = cli("criteria", "import", str(sheet), "-o", str(out), "--lang", "en")
    words = said(result.out + result.err)
    assert result.code == 1 and not out.exists(), words
    assert "PX323" in words and f"Thông tin!B{row}" in words, words


def test_true_in_cach_cham_is_a_phrase_that_cannot_be_read_not_a_blank_cell(cli, tmp_path):
    sheet, row = _edit(cli, tmp_path, "Bộ tiêu chí", "1.1.1", 4, True)
    result = cli("criteria", "import", str(sheet), "-o", str(tmp_path / "bo.yaml"), "--lang", "en")
    words = said(result.out + result.err)
    assert result.code == 1 and "PX301" in words and "PX300" not in words and f"Bộ tiêu chí!D{row}" in words, words


def test_true_in_thanh_phan_is_named_not_taken_for_the_default_component(cli, tmp_path):
    sheet, row = _edit(cli, tmp_path, "Bộ tiêu chí", "1.1.1", 5, True)
    out = tmp_path / "bo.yaml"
    result = cli("criteria", "import", str(sheet), "-o", str(out), "--lang", "en")
    words = said(result.out + result.err)
    assert result.code == 1 and not out.exists() and "PX333" in words and f"Bộ tiêu chí!E{row}" in words, words


def test_a_bad_mark_in_tam_tinh_names_tam_tinh_not_the_khong_ap_dung_column(cli, tmp_path):
    sheet, row = _edit(cli, tmp_path, "Bộ tiêu chí", "1.1.1", 10, 2)
    result = cli("criteria", "import", str(sheet), "-o", str(tmp_path / "bo.yaml"), "--lang", "en")
    said = " ".join((result.out + result.err).split())
    assert result.code == 1 and "PX324" in said and f"Bộ tiêu chí!J{row}" in said, said
    assert "Tạm tính" in said and "Not applicable" not in said, said


def test_a_new_component_without_its_role_is_said_at_its_cell(cli, tmp_path):
    sheet, row = exported_with(cli, tmp_path, "Bộ tiêu chí", "1.1.1", 5, "Điểm riêng (diem_rieng)")
    out = tmp_path / "bo.yaml"
    result = cli("criteria", "import", str(sheet), "-o", str(out), "--lang", "en")
    said = " ".join((result.out + result.err).split())
    assert result.code == 1 and not out.exists() and "PX333" in said and f"Bộ tiêu chí!E{row}" in said, said
    assert "(diem_cong: bonus)" in said and "self · measured · bonus · penalty" in said


def test_two_roles_for_one_component_are_said_at_the_second(cli, tmp_path):
    sheet, first = exported_with(cli, tmp_path, "Bộ tiêu chí", "1.1.1", 5, "Điểm riêng (diem_rieng: self)")
    book = load_workbook(sheet)
    rows = book["Bộ tiêu chí"]
    second = next(r for r in range(first + 1, rows.max_row + 1) if rows.cell(r, 1).value == "1.1.2")
    rows.cell(second, 5).value = "Điểm riêng (diem_rieng: bonus)"
    book.save(sheet)
    result = cli("criteria", "import", str(sheet), "-o", str(tmp_path / "bo.yaml"), "--lang", "en")
    said = " ".join((result.out + result.err).split())
    assert result.code == 1 and "PX334" in said and f"Bộ tiêu chí!E{second}" in said, said
    assert "two roles: self and bonus" in said
