"""`parindex score --survey TABLE.xlsx`: the province's survey results replace what units typed, and a unit's
own survey estimate never decides a rank."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from parindex.criteria.files import load_criteria
from parindex.evidence.model import COLUMNS, SHEET_ITEMS
from parindex.evidence.template import write_template

HERE = Path(__file__).resolve().parents[1]
MINIMAL = HERE / "fixtures" / "criteria" / "minimal.yaml"
BASE = {"1.1.1": "Có", "1.1.2": "Hoàn thành 100%", "2.1.1": "99%", "2.1.2": 0, "2.1.3": 0}


def unit_book(folder: Path, name: str, survey_value: object) -> Path:
    """Identical workbooks but for the survey item 2.2.1 the unit typed itself."""
    path = folder / f"{name}.xlsx"
    write_template(path, load_criteria(str(MINIMAL)), unit=name, year=2020, today=date(2021, 1, 15))
    book = load_workbook(path)
    sheet = book[SHEET_ITEMS]
    header = {cell.value: cell.column for cell in sheet[1] if cell.value}
    for row in sheet.iter_rows(min_row=2):
        code = str(row[0].value)
        value = survey_value if code == "2.2.1" else BASE.get(code)
        if value is not None:
            sheet.cell(row[0].row, header[COLUMNS["value"]], value)
            sheet.cell(row[0].row, header[COLUMNS["evidence"]], "BC số 1")
    book.save(path)
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    units = tmp_path / "units"
    units.mkdir()
    for name, guess in (("Sở Một", "A"), ("Sở Hai", "B"), ("Sở Ba", "D")):
        unit_book(units, name, guess)
    return units


def survey_table(path: Path, rows: list[list[object]], header: tuple[str, ...] = ("STT", "Đơn vị", "2.2.1")) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Điều tra"
    sheet.append(["Kết quả điều tra xã hội học năm 2020 (tổng hợp)"])
    sheet.append(list(header))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_units_own_guess_of_its_survey_does_not_decide_its_rank(cli, folder: Path) -> None:
    report = json.loads(cli("score", str(folder), "--criteria", str(MINIMAL), "-f", "json").out)
    ranking = report["ranking"]
    assert {r["rank"] for r in ranking} == {1}, "the same but for their own survey guesses: they tie"
    assert len({u["percent"] for u in report["units"]}) == 3, "their totals still show the estimates"
    assert len({r["percent"] for r in ranking}) == 1, "the ranking shows the % it is decided on"
    assert all("self-estimated" in " ".join(r["notes"]) or "tự ước tính" in " ".join(r["notes"]) for r in ranking)
    assert any("estimated themselves" in note or "tự ước tính" in note for note in report["ranking_notes"])
    statuses = {u["unit"]: next(i["status"] for i in u["items"] if i["code"] == "2.2.1") for u in report["units"]}
    assert set(statuses.values()) == {"estimated"}


def test_the_survey_table_replaces_what_units_typed(cli, folder: Path, tmp_path: Path) -> None:
    table = survey_table(tmp_path / "dieu-tra.xlsx", [[1, "Sở Ba", "90%"], [2, "sở  MỘT", 0.5], [3, "sở hai", "C"]])
    result = cli("score", str(folder), "--criteria", str(MINIMAL), "-f", "json", "--survey", str(table), "--lang", "en")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    items = {u["unit"]: next(i for i in u["items"] if i["code"] == "2.2.1") for u in report["units"]}
    assert {unit: (i["status"], i["score"]) for unit, i in items.items()} == {
        "Sở Ba": ("surveyed", 1.35), "Sở Một": ("surveyed", 0.75), "Sở Hai": ("surveyed", 0.3)}
    assert [r["unit"] for r in report["ranking"]] == ["Sở Ba", "Sở Một", "Sở Hai"]
    assert report["ranking_notes"] == ["Survey/SIPAS points from the province's survey table."]


def test_unknown_and_unmatched_units_are_named(cli, folder: Path, tmp_path: Path) -> None:
    table = survey_table(tmp_path / "dieu-tra.xlsx", [["Sở Một", "90%"], ["Sở Bốn", "80%"]], ("Đơn vị", "2.2.1"))
    result = cli("score", str(folder), "--criteria", str(MINIMAL), "-f", "json", "--survey", str(table), "--lang", "en")
    assert "PS548" in result.err and "Sở Bốn (Điều tra!A4)" in result.err
    report = json.loads(result.out)
    without = [u["unit"] for u in report["units"] if any(w["code"] == "PS547" for w in u["warnings"])]
    assert sorted(without) == ["Sở Ba", "Sở Hai"]


@pytest.mark.parametrize(("header", "rows", "code"), [
    (("Tên", "2.2.1"), [["Sở Một", "90%"]], "PS543"),
    (("Đơn vị", "Ghi chú"), [["Sở Một", "x"]], "PS544"),
    (("Đơn vị", "2.1.1"), [["Sở Một", "90%"]], "PS546"),
    (("Đơn vị", "2.2.1"), [["Sở Một", "90%"], ["UBND Sở Một", "80%"]], "PS545"),
])
def test_a_survey_table_that_cannot_be_used_stops_the_run(cli, folder: Path, tmp_path: Path, header, rows,
                                                           code) -> None:
    table = survey_table(tmp_path / "dieu-tra.xlsx", rows, header)
    result = cli("score", str(folder), "--criteria", str(MINIMAL), "--survey", str(table), "--lang", "en")
    assert result.code == 2 and code in result.err, result.err


def test_a_bad_survey_value_is_an_error_at_its_cell(cli, folder: Path, tmp_path: Path) -> None:
    table = survey_table(tmp_path / "dieu-tra.xlsx", [["Sở Một", "tốt"]], ("Đơn vị", "2.2.1"))
    result = cli("score", str(folder), "--criteria", str(MINIMAL), "-f", "json", "--survey", str(table), "--lang", "en")
    assert result.code == 1
    errors = [e for u in json.loads(result.out)["units"] for e in u["errors"]]
    assert errors[0]["cell"].endswith("dieu-tra.xlsx › Điều tra!B3")


@pytest.mark.parametrize("error", ["#N/A", "#VALUE!"])
def test_an_excel_error_in_the_survey_table_is_an_error_at_its_cell_never_a_blank(cli, folder: Path, tmp_path: Path,
                                                                                  error: str) -> None:
    table = survey_table(tmp_path / "dieu-tra.xlsx", [["Sở Một", error], ["Sở Hai", "80%"], ["Sở Ba", "80%"]],
                         ("Đơn vị", "2.2.1"))  # openpyxl writes an error's text as an error cell (t="e")
    result = cli("score", str(folder), "--criteria", str(MINIMAL), "-f", "json", "--survey", str(table), "--lang", "en")
    assert result.code == 1
    errors = [e for u in json.loads(result.out)["units"] for e in u["errors"]]
    assert [(e["code"], e["cell"].split("dieu-tra.xlsx › ")[-1]) for e in errors] == [("PW451", "Điều tra!B3")]
    assert error in errors[0]["message"]


def test_the_survey_table_goes_through_the_workbook_guard(cli, folder: Path, tmp_path: Path) -> None:
    fake = tmp_path / "dieu-tra.xlsx"
    fake.write_text("Đơn vị,2.2.1\n", encoding="utf-8")
    result = cli("score", str(folder), "--criteria", str(MINIMAL), "--survey", str(fake), "--lang", "en")
    assert result.code == 2 and "PW403" in result.err


def test_a_survey_table_inside_the_scored_folder_is_not_scored_as_a_workbook(cli, folder: Path) -> None:
    table = survey_table(folder / "dieu-tra.xlsx", [["Sở Một", "90%"], ["Sở Hai", "90%"], ["Sở Ba", "90%"]],
                         ("Đơn vị", "2.2.1"))
    result = cli("score", str(folder), "--criteria", str(MINIMAL), "-f", "json", "--survey", str(table))
    assert result.code == 0, result.err
    assert len(json.loads(result.out)["units"]) == 3
    shutil.rmtree(folder)
