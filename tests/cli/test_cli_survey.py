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
from tests.output import said

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


def test_a_unit_without_its_survey_row_is_left_unranked_never_ranked_on_a_smaller_maximum(
        cli, folder: Path, tmp_path: Path) -> None:
    table = survey_table(tmp_path / "dieu-tra.xlsx", [["Sở Một", "90%"], ["Sở Ba tỉnh Ninh Bình", "80%"],
                                                      ["Sở Bốn", "70%"]], ("Đơn vị", "2.2.1"))
    result = cli("score", str(folder), "--criteria", str(MINIMAL), "-f", "json", "--survey", str(table), "--lang", "en")
    assert result.code == 1, "a ranking with a unit left out is not done"
    report = json.loads(result.out)
    without = [u["unit"] for u in report["units"] if any(w["code"] == "PS547" for w in u["warnings"])]
    assert sorted(without) == ["Sở Ba", "Sở Hai"]
    rows = {r["unit"]: r for r in report["ranking"]}
    assert rows["Sở Một"]["rank"] == 1 and rows["Sở Một"]["max"] == 9.5
    for unit in ("Sở Ba", "Sở Hai"):  # not ranked, and no figure on a smaller maximum
        assert (rows[unit]["rank"], rows[unit]["score"], rows[unit]["max"], rows[unit]["percent"]) == (
            None, None, None, None)
        assert rows[unit]["notes"][0] == "not ranked: the survey table has no row for the unit"
    assert [r["unit"] for r in report["ranking"]] == ["Sở Một", "Sở Ba", "Sở Hai"], "unranked after the ranked"
    warnings = {w["cell"]: w["message"] for w in report["ranking_warnings"] if w["code"] == "PS548"}
    assert len(warnings) == 2
    offered = next(text for cell, text in warnings.items() if cell.endswith("Sở Ba.xlsx"))
    assert "'Sở Ba'" in offered and "Sở Ba tỉnh Ninh Bình (" in offered and "Điều tra!A4)" in offered
    assert "Sở Bốn" not in offered, "a row nothing like the name is no likely spelling"
    assert not any("estimated themselves" in note for note in report["ranking_notes"])
    assert said(result.err).count("PS548") == 2, "and on stderr, where the JSON goes to a file or a pipe"


@pytest.mark.parametrize("fmt", ["csv", "md", "table"])
def test_an_unranked_unit_says_why_on_its_row_in_every_format(cli, folder: Path, tmp_path: Path, fmt: str) -> None:
    table = survey_table(tmp_path / "dieu-tra.xlsx", [["Sở Một", "90%"], ["Sở Hai", "60%"], ["Sở Ba", None]],
                         ("Đơn vị", "2.2.1"))
    result = cli("score", str(folder), "--criteria", str(MINIMAL), "-f", fmt, "--survey", str(table), "--lang", "en")
    assert result.code == 1
    text = said(result.out)
    assert "not ranked: the survey table leaves" in text and "Điều tra!B5 blank" in text
    assert "PS548" not in text, "a blank cell offers no spellings: the row is there"
    assert fmt != "md" or "PS590" in text, "and the unit's warnings (where the format lists them) say the cell"


def test_the_unranked_unit_in_the_xlsx_and_docx_ranking(cli, folder: Path, tmp_path: Path) -> None:
    from docx import Document

    table = survey_table(tmp_path / "dieu-tra.xlsx", [["Sở Một", "90%"], ["Sở Hai", "60%"]], ("Đơn vị", "2.2.1"))
    for suffix in ("xlsx", "docx"):
        out = tmp_path / f"r.{suffix}"
        assert cli("score", str(folder), "--criteria", str(MINIMAL), "--survey", str(table), "-o", str(out),
                   "--lang", "en").code == 1
    book = load_workbook(tmp_path / "r.xlsx")
    sheet = next(book[name] for name in book.sheetnames if name.startswith("Units ranked"))
    cells = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    ba = next(row for row in cells if "Sở Ba" in row)
    assert "not ranked: the survey table has no row for the unit" in str(ba[-1])
    assert all(value in (None, "") for value in ba[3:8]), "no score, max, %, band or rank on a smaller maximum"
    doc = said(" ".join(cell.text for t in Document(str(tmp_path / "r.docx")).tables for row in t.rows
                        for cell in row.cells))
    assert "not ranked: the survey table has no row for the unit" in doc


def test_one_unit_scored_with_the_provinces_whole_table_is_not_warned_about_the_other_rows(
        cli, folder: Path, tmp_path: Path) -> None:
    table = survey_table(tmp_path / "dieu-tra.xlsx", [["Sở Một", "90%"], ["Sở Hai", "60%"], ["Sở Ba", "50%"],
                                                      ["Sở Bốn", "70%"]], ("Đơn vị", "2.2.1"))
    result = cli("score", str(folder / "Sở Một.xlsx"), "--criteria", str(MINIMAL), "--survey", str(table),
                 "--lang", "en")
    assert result.code == 0, result.err
    assert "PS548" not in result.out + result.err and "PS547" not in result.out + result.err


def test_one_unit_without_its_row_is_refused_as_a_table_of_other_units(cli, folder: Path, tmp_path: Path) -> None:
    table = survey_table(tmp_path / "dieu-tra.xlsx", [["Sở Mot tỉnh X", "90%"], ["Sở Hai", "60%"]],
                         ("Đơn vị", "2.2.1"))
    result = cli("score", str(folder / "Sở Một.xlsx"), "--criteria", str(MINIMAL), "--survey", str(table),
                 "--lang", "en")
    assert result.code == 2 and "PS581" in result.err and "dieu-tra.xlsx" in result.err, result.err
    assert "nothing was scored" in said(result.err)


@pytest.mark.parametrize(("header", "rows", "code"), [
    (("Tên", "2.2.1"), [["Sở Một", "90%"]], "PS543"),
    (("Đơn vị", "Ghi chú"), [["Sở Một", "x"]], "PS544"),
    (("Đơn vị", "2.1.1"), [["Sở Một", "90%"]], "PS546"),
    (("Đơn vị", "2.2.1"), [["Sở Một", "90%"], ["UBND Sở Một", "80%"]], "PS545"),
    (("Đơn vị", "2.2.1", "Ghi chú", "2.2.1."), [["Sở Một", "90%", "", "10%"]], "PS593"),
    (("Đơn vị", "TC 2.2.1"), [["Sở Một", "90%"]], "PS591"),
    (("Đơn vị", "2.2.1 (%)"), [["Sở Một", "90%"]], "PS591"),
])
def test_a_survey_table_that_cannot_be_used_stops_the_run(cli, folder: Path, tmp_path: Path, header, rows,
                                                           code) -> None:
    table = survey_table(tmp_path / "dieu-tra.xlsx", rows, header)
    result = cli("score", str(folder), "--criteria", str(MINIMAL), "--survey", str(table), "--lang", "en")
    assert result.code == 2 and code in result.err, result.err


def test_a_column_twice_names_both_header_cells(cli, folder: Path, tmp_path: Path) -> None:
    table = survey_table(tmp_path / "dieu-tra.xlsx", [["Sở Một", "75,7%", "10%"]], ("Đơn vị", "2.2.1", "2.2.1"))
    result = cli("score", str(folder), "--criteria", str(MINIMAL), "--survey", str(table), "--lang", "en")
    assert result.code == 2
    assert "Điều tra!C2: PS593" in said(result.err) and "B2 ('2.2.1') and C2 ('2.2.1')" in said(result.err)


def test_a_header_merged_over_a_code_column_is_named_not_ignored(cli, folder: Path, tmp_path: Path) -> None:
    path = survey_table(tmp_path / "dieu-tra.xlsx", [["Sở Một", "90%", "80%"], ["Sở Hai", "60%", "70%"]],
                        ("Đơn vị", "2.2.1", None))
    book = load_workbook(path)
    book["Điều tra"].merge_cells("B2:C2")  # `2.2.1` spread over the column of another item's results
    book.save(path)
    result = cli("score", str(folder), "--criteria", str(MINIMAL), "--survey", str(path), "--lang", "en")
    assert result.code == 2
    assert "Điều tra!B2:C2: PS592" in said(result.err) and "'2.2.1' is merged across B2:C2" in said(result.err)


def test_a_header_merged_over_nothing_is_no_problem(cli, folder: Path, tmp_path: Path) -> None:
    path = survey_table(tmp_path / "dieu-tra.xlsx", [["Sở Một", "90%"], ["Sở Hai", "60%"], ["Sở Ba", "50%"]],
                        ("Đơn vị", "2.2.1", None))
    book = load_workbook(path)
    book["Điều tra"].merge_cells("B2:C2")  # centred over an empty column
    book.save(path)
    assert cli("score", str(folder), "--criteria", str(MINIMAL), "--survey", str(path)).code == 0


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
