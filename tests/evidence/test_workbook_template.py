"""The fill-in evidence workbook (parindex.evidence.template): layout, validation, protection, round trip."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from parindex.common.errors import ParindexError
from parindex.criteria.files import load_criteria
from parindex.criteria.model import CriteriaSet
from parindex.evidence.model import COLUMNS, INFO_KEYS, SHEET_INFO, SHEET_ITEMS
from parindex.evidence.reader import read_evidence
from parindex.evidence.template import SHEET_LISTS, write_template

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "criteria" / "minimal.yaml"
TODAY = date(2024, 5, 1)
COL = {key: "ABCDEFGHIJKL"[index] for index, key in enumerate(COLUMNS)}


@pytest.fixture(scope="module")
def cset() -> CriteriaSet:
    return load_criteria(str(MINIMAL))


@pytest.fixture
def made(tmp_path, cset) -> Path:
    path = tmp_path / "mau.xlsx"
    write_template(path, cset, unit="Sở Tư pháp", prepared_by="Nguyễn Văn A", today=TODAY)
    return path


def variant(**changes) -> CriteriaSet:
    """minimal.yaml with some items changed (not re-validated: only the shape matters here)."""
    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    items = {item["code"]: item for area in data["areas"] for crit in area["criteria"] for item in crit["items"]}
    for code, change in changes.items():
        items[code.replace("_", ".")].update(change)
    return CriteriaSet.model_validate(data)


def rows_by_code(sheet) -> dict[str, int]:
    return {sheet.cell(row, 1).value: row for row in range(2, sheet.max_row + 1) if sheet.cell(row, 1).value}


def validations_of(sheet, ref: str) -> list:
    return [dv for dv in sheet.data_validations.dataValidation if ref in dv.sqref]


def test_sheets_and_header(made):
    book = load_workbook(made)
    assert book.sheetnames[:2] == [SHEET_INFO, SHEET_ITEMS]
    items = book[SHEET_ITEMS]
    assert [cell.value for cell in items[1]] == list(COLUMNS.values())


def test_one_row_per_area_criterion_and_item_in_order(made, cset):
    items = load_workbook(made)[SHEET_ITEMS]
    codes = [items.cell(row, 1).value for row in range(2, items.max_row + 1)]
    assert codes == ["1", "1.1", "1.1.1", "1.1.2", "1.1.3", "2", "2.1", "2.1.1", "2.1.2", "2.1.3", "2.2", "2.2.1",
                     "2.2.2"]
    rows = rows_by_code(items)
    assert items.cell(rows["1"], 1).font.b and items.cell(rows["1.1"], 2).font.b
    assert not items.cell(rows["1.1.1"], 2).font.b
    item = cset.item_by_code()["2.1.1"]
    row = rows["2.1.1"]
    assert items[f"B{row}"].value == item.name
    assert items[f"C{row}"].value == 2
    assert "98%" in items[f"D{row}"].value  # the rule in words
    assert items[f"{COL['lead']}{row}"].value == "Văn phòng UBND tỉnh"  # the area's lead
    assert items[f"{COL['value']}{rows['1']}"].value is None


def test_codes_are_text_so_3_10_stays_3_10(tmp_path):
    cset = variant(**{"1_1_3": {"code": "1.1.10"}})
    path = tmp_path / "codes.xlsx"
    write_template(path, cset, today=TODAY)
    items = load_workbook(path)[SHEET_ITEMS]
    cell = items[f"A{rows_by_code(items)['1.1.10']}"]
    assert cell.data_type == "s" and cell.value == "1.1.10"
    assert "1.1.10" in read_evidence(path).rows


def test_info_sheet(made, cset):
    info = load_workbook(made)[SHEET_INFO]
    pairs = {info.cell(row, 1).value: info.cell(row, 2).value for row in range(1, info.max_row + 1)}
    assert pairs[INFO_KEYS["criteria_id"]] == "mini-2020"
    assert pairs[INFO_KEYS["fingerprint"]] == cset.fingerprint()
    assert pairs[INFO_KEYS["unit"]] == "Sở Tư pháp"
    assert pairs[INFO_KEYS["level"]] == "Sở, ban, ngành"  # in words; read back as the id (level_id)
    assert pairs[INFO_KEYS["year"]] == "2020"
    assert pairs[INFO_KEYS["prepared_by"]] == "Nguyễn Văn A"
    assert pairs[INFO_KEYS["date"]] == "2024-05-01"
    texts = " ".join(str(cell.value) for row in info.iter_rows() for cell in row if cell.value)
    assert "DỰNG LẠI" in texts  # the reconstructed warning
    assert info.protection.sheet


def test_options_override_defaults(tmp_path, cset):
    path = tmp_path / "opts.xlsx"
    write_template(path, cset, level="province", year=2020, today=TODAY)
    assert read_evidence(path).info["level"] == "province"


def test_dropdowns_for_yes_no_choice_and_not_applicable(made):
    items = load_workbook(made)[SHEET_ITEMS]
    rows = rows_by_code(items)
    (yes_no,) = validations_of(items, f"{COL['value']}{rows['1.1.1']}")
    assert yes_no.type == "list" and yes_no.formula1 == '"Có,Không"'
    (choice,) = validations_of(items, f"{COL['value']}{rows['1.1.2']}")
    assert choice.type == "list"
    assert choice.formula1 == '"Hoàn thành 100%,Hoàn thành từ 80%,Dưới 80%"'
    (na,) = validations_of(items, f"{COL['not_applicable']}{rows['1.1.3']}")
    assert na.type == "list" and na.formula1 == '"Có"'
    assert not validations_of(items, f"{COL['not_applicable']}{rows['1.1.1']}")  # N/A only where allowed
    assert items[f"{COL['not_applicable']}{rows['1.1.1']}"].protection.locked


def test_number_validation_and_input_messages(made):
    items = load_workbook(made)[SHEET_ITEMS]
    rows = rows_by_code(items)
    (count,) = validations_of(items, f"{COL['value']}{rows['2.1.2']}")  # a whole number reads alike everywhere
    assert count.type == "whole" and count.operator == "greaterThanOrEqual" and count.formula1 == "0"
    for code in ("1.1.3", "2.1.1", "2.1.3"):  # shares and quantities: Text cells that keep what is typed
        (dv,) = validations_of(items, f"{COL['value']}{rows[code]}")
        assert dv.type is None and dv.showInputMessage and dv.prompt and not dv.showErrorMessage
        assert items[f"{COL['value']}{rows[code]}"].number_format == "@"
    (percent,) = validations_of(items, f"{COL['value']}{rows['2.1.1']}")
    assert "95,7%" in percent.prompt and "0,957" not in percent.prompt
    (manual,) = validations_of(items, f"{COL['value']}{rows['2.2.2']}")
    assert manual.type == "decimal" and manual.operator == "between" and manual.formula2 == "0.5"
    for dv in items.data_validations.dataValidation:
        assert len(dv.prompt or "") <= 255 and len(dv.promptTitle or "") <= 32
        assert len(dv.formula1 or "") <= 255


def test_survey_items_say_they_are_not_self_scored(made):
    items = load_workbook(made)[SHEET_ITEMS]
    rows = rows_by_code(items)
    cell = items[f"{COL['value']}{rows['2.2.1']}"]  # rule: survey
    assert cell.comment is not None and "SIPAS" in cell.comment.text
    assert not validations_of(items, cell.coordinate)
    manual = items[f"{COL['value']}{rows['2.2.2']}"]  # rule: manual, but in the survey component
    assert manual.comment is not None
    assert items[f"{COL['value']}{rows['2.1.1']}"].comment is None


def test_long_or_comma_option_lists_go_to_a_hidden_sheet(tmp_path):
    options = [{"label": f"Phương án số {n}, có dấu phẩy và một đoạn mô tả khá dài", "points": 0} for n in range(6)]
    options[0]["points"] = 1.5
    cset = variant(**{"1_1_2": {"rule": {"kind": "choice", "options": options}}})
    path = tmp_path / "long.xlsx"
    write_template(path, cset, today=TODAY)
    book = load_workbook(path)
    items = book[SHEET_ITEMS]
    (dv,) = validations_of(items, f"{COL['value']}{rows_by_code(items)['1.1.2']}")
    assert dv.formula1 == f"'{SHEET_LISTS}'!$A$2:$A$7"
    lists = book[SHEET_LISTS]
    assert lists.sheet_state == "hidden"
    assert [lists.cell(row, 1).value for row in range(2, 8)] == [option["label"] for option in options]
    assert "1.1.2" in read_evidence(path).rows  # the extra sheet does not disturb reading


def test_typed_shares_are_read_as_typed_whatever_the_regional_setting(tmp_path, cset):
    """A Text cell keeps '95,7%', '95.7%' and '0,957' as typed (a Number cell under English (US) would hold 957
    for '0,957'); the reader takes each as 95,7 %. The guidance recommends the form with %."""
    from openpyxl import load_workbook as load

    path = tmp_path / "typed.xlsx"
    write_template(path, cset, today=TODAY)
    book = load(path)
    items = book[SHEET_ITEMS]
    row = rows_by_code(items)["2.1.1"]
    for typed in ("95,7%", "95.7%", "0,957"):
        items[f"{COL['value']}{row}"] = typed  # what a Text cell holds after typing
        book.save(path)
        scored = read_evidence(path).rows["2.1.1"].cell("value").raw
        assert scored == typed
    guidance = " ".join(str(c.value) for r in book[SHEET_INFO].iter_rows() for c in r if c.value)
    assert "95,7%" in guidance and "Không gõ tỷ lệ dạng 0,957" in guidance and "Alt+↓" in guidance


def test_yes_no_words_do_not_collide_with_choice_labels_under_autocomplete(tmp_path):
    """'Có' typed in a column that holds 'Có sáng kiến…' was completed to the longer label: where a choice label
    starts with Có or Không, the yes/no dropdown offers Đạt / Không đạt, which the reader takes as yes / no."""
    from parindex.common.values import parse_yes_no
    from parindex.evidence.template import yes_no_words

    bundled = load_criteria("par-province-2020")
    yes, no = yes_no_words(bundled)
    assert (yes, no) == ("Đạt", "Không đạt")
    labels = [o.casefold() for _, i in bundled.items() if i.rule.kind == "choice" for o in i.rule.labels()]
    assert any(label.startswith("có") for label in labels)  # the collision this avoids
    assert not any(label.startswith(word.casefold()) for label in labels for word in (yes, no))
    assert parse_yes_no(yes) is True and parse_yes_no(no) is False  # what the reader accepts is unchanged
    path = tmp_path / "bundled.xlsx"
    write_template(path, bundled, today=TODAY)
    items = load_workbook(path)[SHEET_ITEMS]
    code = next(i.code for _, i in bundled.items() if i.rule.kind == "yes_no")
    (dv,) = validations_of(items, f"{COL['value']}{rows_by_code(items)[code]}")
    assert dv.formula1 == '"Đạt,Không đạt"' and "Đạt" in dv.prompt
    # the Cách chấm column names the words the dropdown offers, not Có / Không
    rule = items.cell(rows_by_code(items)[code], 4).value
    assert rule.startswith("Đạt: ") and "; Không đạt: " in rule, rule
    assert not any(str(items.cell(row, 4).value or "").startswith("Có: ") for row in range(2, items.max_row + 1))


def test_rule_words_name_the_default_pair_where_nothing_collides(made):
    items = load_workbook(made)[SHEET_ITEMS]
    assert items.cell(rows_by_code(items)["1.1.1"], 4).value.startswith("Có: ")


def test_frozen_header_protection_and_locks(made):
    items = load_workbook(made)[SHEET_ITEMS]
    assert items.freeze_panes == "C2"
    assert items.protection.sheet
    assert items.protection.password is None
    row = rows_by_code(items)["2.1.1"]
    for key in ("code", "name", "max", "rule", "lead"):
        assert items[f"{COL[key]}{row}"].protection.locked, key
    for key in ("value", "self_score", "evidence", "explanation", "appraised", "note"):
        assert not items[f"{COL[key]}{row}"].protection.locked, key
    assert items.column_dimensions["B"].width >= 30
    assert items[f"B{row}"].alignment.wrap_text


def test_prints_on_a4_landscape_at_nine_points_or_more(made):
    """The body (code to Giải trình) is the print area: its widths fit one A4 landscape page wide at 9 pt or
    more; the other columns are for the screen. One font throughout, the header on every page, page numbers."""
    from parindex.io.xlsx_print import LANDSCAPE_BUDGET
    from tests.io.test_xlsx_print import assert_prints_well

    book = load_workbook(made)
    items = book[SHEET_ITEMS]
    assert_prints_well(items, "1:1")
    assert items.print_area == f"'{SHEET_ITEMS}'!$A$1:${COL['explanation']}${items.max_row}"
    printed = [items.column_dimensions[letter].width for letter in "ABCDEFGHI"]
    assert sum(printed) <= LANDSCAPE_BUDGET
    assert_prints_well(book[SHEET_INFO], None)


def test_no_formulas_anywhere(made):
    book = load_workbook(made)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
    with zipfile.ZipFile(made) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


def test_same_day_same_bytes(tmp_path, cset):
    first, second = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    write_template(first, cset, unit="X", today=TODAY)
    write_template(second, cset, unit="X", today=TODAY)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {(2024, 5, 1)}


def test_refuses_to_overwrite_without_force(made, cset):
    before = made.read_bytes()
    with pytest.raises(ParindexError) as caught:
        write_template(made, cset, today=date(2025, 1, 1))
    assert caught.value.code == "PC701"
    assert made.read_bytes() == before
    write_template(made, cset, today=date(2025, 1, 1), force=True)
    assert read_evidence(made).info["date"] == "2025-01-01"


def test_round_trip_filled_in_excel_style(made, cset):
    book = load_workbook(made)
    items = book[SHEET_ITEMS]
    rows = rows_by_code(items)
    filled = {
        ("1.1.1", "value"): "Có",
        ("1.1.1", "evidence"): "Kế hoạch 12/KH-UBND",
        ("1.1.2", "value"): "Hoàn thành từ 80%",
        ("1.1.3", "not_applicable"): "Có",
        ("2.1.1", "value"): 0.957,
        ("2.1.2", "value"): 2,
        ("2.1.3", "value"): "1",
        ("2.2.1", "value"): "B",
        ("2.2.2", "self_score"): 0.5,
        ("2.2.2", "explanation"): "Không có tài liệu",
    }
    for (code, key), value in filled.items():
        items[f"{COL[key]}{rows[code]}"] = value
    book.save(made)

    evidence = read_evidence(made)
    assert evidence.info["fingerprint"] == cset.fingerprint()
    assert evidence.info["criteria_id"] == cset.id
    assert {code for _, item in cset.items() for code in [item.code]} <= set(evidence.rows)
    for (code, key), value in filled.items():
        cell = evidence.rows[code].cell(key)
        assert cell.raw == value, (code, key)
        assert cell.ref == f"{SHEET_ITEMS}!{COL[key]}{rows[code]}"
    assert evidence.rows["2.1.1"].cell("value").ref == f"{SHEET_ITEMS}!E{rows['2.1.1']}"
    assert evidence.rows["1.1.1"].cell("value").ref == f"{SHEET_ITEMS}!E{rows['1.1.1']}"
    assert evidence.rows["2.2.2"].cell("value").blank
