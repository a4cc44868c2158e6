"""`parindex score` and `parindex explain` end to end: template → fill (every rule kind) → score.

The table report is compared with golden files (vi and en); `PARINDEX_UPDATE_GOLDEN=1` rewrites them.
"""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from parindex.common.i18n import set_lang
from parindex.criteria.files import load_criteria
from parindex.evidence.model import COLUMNS, SHEET_ITEMS
from parindex.evidence.template import write_template
from parindex.scoring.runs import score_workbook
from parindex.scoring.table import Look, unit_text
from tests.output import said

HERE = Path(__file__).resolve().parents[1]
MINIMAL = HERE / "fixtures" / "criteria" / "minimal.yaml"
GOLDEN = HERE / "golden"

# One value per rule kind, typed the way officers type them; with the points each must give.
FILLED = {
    "1.1.1": ({"value": "Có", "evidence": "KH số 12/KH-UBND"}, "1"),  # yes_no
    "1.1.2": ({"value": "hoàn thành từ 80%", "explanation": "Còn 2 nhiệm vụ"}, "0.5"),  # choice
    "1.1.3": ({"not_applicable": "x"}, None),  # N/A
    "2.1.1": ({"value": "95,7%", "evidence": "BC 34/BC-VP", "self_score": 2}, "1"),  # threshold at_least
    "2.1.2": ({"value": 3, "evidence": "BC 5/BC"}, "0.25"),  # deduction
    "2.1.3": ({"value": "1", "evidence": "BC 6/BC", "appraised": 0}, "0"),  # threshold at_most, appraised
    "2.2.1": ({"value": "B"}, "0.9"),  # survey estimate
}


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "so-thu.xlsx"
    write_template(path, load_criteria(str(MINIMAL)), unit="Sở Thử nghiệm", year=2020, today=date(2021, 1, 15))
    book = load_workbook(path)
    sheet = book[SHEET_ITEMS]
    header = {cell.value: cell.column for cell in sheet[1] if cell.value}
    for row in sheet.iter_rows(min_row=2):
        cells = FILLED.get(str(row[0].value))
        if cells:
            for key, value in cells[0].items():
                sheet.cell(row[0].row, header[COLUMNS[key]], value)
    book.save(path)
    return path


def test_every_rule_kind_scores_through_the_cli(cli, workbook: Path) -> None:
    result = cli("score", str(workbook), "--criteria", str(MINIMAL), "--format", "json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    items = {item["code"]: item for item in report["items"]}
    for code, (_, points) in FILLED.items():
        if points is not None:
            assert items[code]["score"] == float(points), code
    assert items["1.1.3"]["status"] == "not_applicable"
    assert items["2.2.1"]["status"] == "estimated"
    assert items["2.2.2"]["status"] == "not_self_scored"
    assert report["score"] == sum(item["score"] for item in report["items"]) == 3.65
    assert report["max"] == 8  # 10 − 1.5 (N/A) − 0.5 (survey item left blank)
    assert {(w["code"], w["item"]) for w in report["warnings"]} >= {("PS501", "2.1.1")}
    # 2.1.3 is appraised 0 against its own 0,5: the total that counts, the unit's own, and the item to contest
    assert report["appraised_score"] == 3.65 and report["self_score"] == 4.15
    assert [(d["code"], d["own"], d["appraised"], d["delta"]) for d in report["appraisal_differences"]] == [
        ("2.1.3", 0.5, 0, -0.5)]
    assert (report["base"], report["bonus"], report["penalty"]) == (3.65, 0, 0)
    assert report["criteria"]["status"] == "reconstructed"


def test_csv_and_markdown_carry_the_same_total(cli, workbook: Path) -> None:
    out = cli("score", str(workbook), "--criteria", str(MINIMAL), "-f", "csv", "--lang", "en").out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert sum(float(row["score"]) for row in rows) == pytest.approx(3.65)
    assert {row["criteria_status"] for row in rows} == {"reconstructed"}
    markdown = cli("score", str(workbook), "--criteria", str(MINIMAL), "-f", "md", "--lang", "en").out
    assert "**Total after appraisal: 3.65 / 8.00" in markdown and "RECONSTRUCTED" in markdown
    assert "the self-assessed total is 4.15" in markdown and "| 2.1.3 |" in markdown.split("appraised points differ")[1]


def test_xlsx_report_is_the_summary_table(cli, workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.xlsx"
    assert cli("score", str(workbook), "--criteria", str(MINIMAL), "-f", "xlsx", "-o", str(out)).code == 0
    report = load_workbook(out)
    sheet = report.worksheets[0]
    assert [cell.value for cell in sheet[3]][:7] == ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá",
                                                     "Điểm thẩm định", "Tài liệu kiểm chứng", "Giải trình"]
    total = [cell.value for cell in sheet[sheet.max_row]]
    assert total[2:5] == [10, 4.15, 3.65], "the set's max, the unit's own total, the total after appraisal"
    assert "Tổng điểm sau thẩm định" in sheet["A2"].value
    differences = report["Chênh lệch thẩm định"]
    assert [c.value for c in differences[3]][1:] == ["2.1.3", "Số văn bản ban hành trái quy định", 0.5, 0, -0.5]
    assert not any(isinstance(c.value, str) and c.value.startswith("=") for row in sheet.iter_rows() for c in row)
    assert cli("score", str(workbook), "--criteria", str(MINIMAL), "-f", "xlsx", "-o", str(out)).code == 2


@pytest.mark.parametrize(("lang", "header"), [("vi", ["Đơn vị", "Mã lỗi", "Tiêu chí", "Ô", "Nội dung"]),
                                               ("en", ["Unit", "Error code", "Item", "Cell", "Message"])])
def test_the_warnings_sheet_speaks_one_language(cli, workbook: Path, tmp_path: Path, lang: str,
                                                header: list[str]) -> None:
    out = tmp_path / "r.xlsx"
    assert cli("score", str(workbook), "--criteria", str(MINIMAL), "-o", str(out), "--lang", lang).code == 0
    sheet = load_workbook(out)["Cảnh báo" if lang == "vi" else "Warnings"]
    assert [cell.value for cell in sheet[1]] == header


def test_errors_written_to_a_file_are_also_said_on_screen(cli, workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.json"
    clean = cli("score", str(workbook), "--criteria", str(MINIMAL), "-f", "json", "-o", str(out))
    assert clean.code == 0 and "⚠" not in clean.err
    book = load_workbook(workbook)
    sheet = book[SHEET_ITEMS]
    header = {cell.value: cell.column for cell in sheet[1] if cell.value}
    row = next(r[0].row for r in sheet.iter_rows(min_row=2) if r[0].value == "2.1.2")
    sheet.cell(row, header[COLUMNS["value"]], "ba lần")  # a count typed in words: an error, the item scores 0
    book.save(workbook)
    failed = cli("score", str(workbook), "--criteria", str(MINIMAL), "-f", "json", "-o", str(out), "--force",
                 "--lang", "en")
    assert failed.code == 1
    assert "1 of 1 units have errors in their workbook (1 in all)" in said(failed.err)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [error["item"] for error in report["errors"]] == ["2.1.2"]


def test_explain_names_the_cell_the_rule_and_the_tier(cli, workbook: Path) -> None:
    result = cli("explain", str(workbook), "2.1.1.", "--criteria", str(MINIMAL), "--lang", "en")
    assert result.code == 0
    for part in ("95.7", "Tự đánh giá!E", "98% or more: 2 points", "1.00 / 2.00", "BC 34/BC-VP", "PS501"):
        assert part in result.out, part
    yes = cli("explain", str(workbook), "1.1.1", "--criteria", str(MINIMAL))
    assert "Có" in yes.out and "True" not in yes.out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_table_report_matches_the_golden_file(workbook: Path, lang: str) -> None:
    set_lang(lang)
    unit = score_workbook(workbook, str(MINIMAL), {})
    text = unit_text(unit, Look(100)).replace(str(workbook), "so-thu.xlsx")
    golden = GOLDEN / f"score-minimal.{lang}.txt"
    if os.environ.get("PARINDEX_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"run with PARINDEX_UPDATE_GOLDEN=1 to update {golden}"


def test_text_pasted_from_word_and_text_starting_with_equals_stay_text_in_xlsx(cli, tmp_path: Path) -> None:
    template = tmp_path / "so.xlsx"
    assert cli("template", "par-province-2020", "-o", str(template), "--unit", "=Sở A (bản nháp)").code == 0
    book = load_workbook(template)
    sheet = book[SHEET_ITEMS]
    header = {cell.value: cell.column for cell in sheet[1] if cell.value}
    row = next(r[0].row for r in sheet.iter_rows(min_row=2) if r[0].value == "1.3.1")
    sheet.cell(row, header[COLUMNS["value"]], "Có")
    sheet.cell(row, header[COLUMNS["evidence"]], "KH 12_x000B_BC 3")  # a vertical tab, as Excel stores it
    book.save(template)
    report = tmp_path / "bao-cao.xlsx"
    result = cli("score", str(template), "-f", "xlsx", "-o", str(report), "--lang", "en")
    assert result.code == 0, result.err  # the template's own '=…' unit is text, not a formula without a value
    cells = [c for r in load_workbook(report).worksheets[0].iter_rows() for c in r]
    assert "KH 12BC 3" in [c.value for c in cells]
    assert "=Sở A (bản nháp) — 2021 — par-province-2020" in [c.value for c in cells]
    assert all(c.data_type != "f" for c in cells)


def test_a_csv_file_opens_in_excel_as_utf8(cli, workbook: Path, tmp_path: Path) -> None:
    out = tmp_path / "diem.csv"
    assert cli("score", str(workbook), "--criteria", str(MINIMAL), "-f", "csv", "-o", str(out)).code == 0
    assert out.read_bytes().startswith("\ufeffĐơn vị;".encode())  # the BOM Excel needs to read UTF-8
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert {row["Đơn vị"] for row in rows} == {"Sở Thử nghiệm"}  # the header in the reader's language
    # Vietnamese regional settings: `;` between fields, a decimal comma, Có/Không for yes and no
    assert any("," in row["Điểm"] for row in rows) and not any("." in row["Điểm"] for row in rows)
    assert {row["Kết quả"] for row in rows if row["Kết quả"] in ("Có", "Không", "True", "False")} <= {"Có", "Không"}
    assert {row["Trạng thái bộ tiêu chí"] for row in rows} == {"dựng lại"}
    to_screen = cli("score", str(workbook), "--criteria", str(MINIMAL), "-f", "csv").out
    assert to_screen.startswith("Đơn vị;")  # no BOM in a pipe
    english = cli("score", str(workbook), "--criteria", str(MINIMAL), "-f", "csv", "--lang", "en").out
    assert english.startswith("unit,") and "True" not in english and "False" not in english


def _fill(workbook: Path, code: str, **cells: object) -> None:
    book = load_workbook(workbook)
    sheet = book[SHEET_ITEMS]
    header = {cell.value: cell.column for cell in sheet[1] if cell.value}
    row = next(r[0].row for r in sheet.iter_rows(min_row=2) if str(r[0].value) == code)
    for key, value in cells.items():
        sheet.cell(row, header[COLUMNS[key]], value)
    book.save(workbook)


def test_explain_shows_what_was_typed_and_where_for_invalid_and_not_applicable_items(cli, workbook: Path) -> None:
    _fill(workbook, "2.1.2", value="ba lần")
    invalid = cli("explain", str(workbook), "2.1.2", "--criteria", str(MINIMAL), "--lang", "en")
    assert invalid.code == 1 and "ba lần" in invalid.out and "Tự đánh giá!E" in invalid.out
    not_applicable = cli("explain", str(workbook), "1.1.3", "--criteria", str(MINIMAL), "--lang", "en")
    assert not_applicable.code == 0 and "Tự đánh giá!F" in not_applicable.out  # the Không áp dụng cell


def test_a_bad_not_applicable_mark_is_reported_at_its_own_cell(cli, workbook: Path) -> None:
    _fill(workbook, "1.1.3", not_applicable="có lẽ")
    report = json.loads(cli("score", str(workbook), "--criteria", str(MINIMAL), "-f", "json").out)
    error = next(e for e in report["errors"] if e["item"] == "1.1.3")
    assert error["code"] == "PW448" and error["cell"].startswith(f"{SHEET_ITEMS}!F")


def test_explain_a_group_code_names_its_items(cli, workbook: Path) -> None:
    result = cli("explain", str(workbook), "1.1", "--criteria", str(MINIMAL), "--lang", "en")
    assert result.code == 2 and "PS531" in result.err and "1.1.1, 1.1.2, 1.1.3" in result.err


def test_sheet_names_of_the_xlsx_report_never_collide(tmp_path: Path) -> None:
    from parindex.scoring.xlsx import SheetNames

    reserved = ["Cảnh báo", "Xếp hạng đơn vị"]
    names = SheetNames(reserved)
    taken = [names.name(unit) for unit in ("UBND A", "ubnd a", "Cảnh báo", "'Sở X'", "Huyện [B]/C", "x" * 40,
                                          "x" * 40, "Sở", "Sở (2)", "sở")]
    assert taken[:5] == ["UBND A", "ubnd a (2)", "Cảnh báo (2)", "Sở X", "Huyện BC"]
    assert taken[7:] == ["Sở", "Sở (2)", "sở (3)"]  # ' (2)' taken by a unit of that name: the next number
    assert len({name.casefold() for name in [*taken, *reserved]}) == len(taken) + len(reserved)
    assert all(len(name) <= 31 for name in taken)


def test_four_thousand_units_whose_names_begin_alike_keep_to_31_characters() -> None:
    """The nation's communes: thousands of names alike in their first 28 characters take ' (1000)' and more, and
    stay within the 31 characters Excel opens."""
    from parindex.scoring.xlsx import SheetNames

    names = SheetNames()
    taken = [names.name(f"Ủy ban nhân dân xã Thử nghiệm số {n:04d}") for n in range(4000)]
    assert len({name.casefold() for name in taken}) == 4000
    assert max(len(name) for name in taken) == 31
    assert taken[-1].endswith(" (4000)")


def test_a_workbook_of_another_level_is_refused(cli, workbook: Path) -> None:
    book = load_workbook(workbook)
    sheet = book["Thông tin"]
    cell = next(row[1] for row in sheet.iter_rows(max_col=2) if row[0].value == "Cấp")
    cell.value = "commune"
    book.save(workbook)
    result = cli("score", str(workbook), "--criteria", str(MINIMAL), "--lang", "en")
    assert result.code == 1 and "PS542" in result.err and "level 'commune'" in result.err


def test_explain_shows_the_units_own_points_beside_the_appraised(cli, workbook: Path) -> None:
    result = cli("explain", str(workbook), "2.1.3", "--criteria", str(MINIMAL), "--lang", "en")
    assert result.code == 0
    out = said(result.out)
    assert "Points the unit's value earns (before appraisal) │ 0.50" in out and "Appraised │ 0.00" in out


def test_the_unit_sheets_title_lines_are_as_tall_as_their_wrapped_text(cli, workbook: Path, tmp_path: Path) -> None:
    """The title and the line under it span the table: each row sized for its text wrapped across the fitted
    columns, as the ranking sheet's are (not guessed at 150 characters a line)."""
    from openpyxl.utils import get_column_letter

    from parindex.io.xlsx_print import LINE_PT, text_lines

    out = tmp_path / "bao-cao.xlsx"
    assert cli("score", str(workbook), "--criteria", str(MINIMAL), "-f", "xlsx", "-o", str(out)).code == 0
    sheet = load_workbook(out).worksheets[0]
    width = sum(sheet.column_dimensions[get_column_letter(c)].width for c in range(1, 9))
    for row in (1, 2):
        lines = text_lines(sheet.cell(row, 1).value, width, bold=row == 1)
        assert (sheet.row_dimensions[row].height or 15) >= LINE_PT * lines, (row, lines, sheet.cell(row, 1).value)
    assert sheet.cell(1, 1).alignment.wrap_text and sheet.cell(2, 1).alignment.wrap_text
