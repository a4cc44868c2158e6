"""A set with a measured component of its own (a survey of businesses) is data only, end to end through the CLI:
it validates, the template marks its items, a unit's own value is at most an estimate, a survey table fills it,
and `gap` takes `--assume business_survey=…` (the old `--assume-sipas` still works beside it)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from parindex.evidence.model import COLUMNS, SHEET_ITEMS

BUSINESS = Path(__file__).resolve().parents[1] / "fixtures" / "criteria" / "business-survey.yaml"
Cli = Callable[..., Any]
TYPED = {"1.1.1": "Có", "1.1.2": "95%", "2.1.1": "Có", "3.1.1": "A", "3.1.2": "90%", "4.1.1": 3}


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def book(cli: Cli, tmp_path: Path) -> Path:
    """The template of the set, filled as the unit would, its own guesses of the business survey included."""
    path = tmp_path / "bac-giang.xlsx"
    made = cli("template", str(BUSINESS), "-o", str(path), "--unit", "Bắc Giang", "--year", "2026")
    assert made.code == 0, made.err
    workbook = load_workbook(path)
    sheet = workbook[SHEET_ITEMS]
    header = {cell.value: cell.column for cell in sheet[1] if cell.value}
    marked = set()
    for row in sheet.iter_rows(min_row=2):
        code = str(row[0].value)
        value_cell = sheet.cell(row[0].row, header[COLUMNS["value"]])
        if value_cell.comment is not None:  # the template's note on a value the unit can only estimate
            marked.add(code)
        if code in TYPED:
            value_cell.value = TYPED[code]
            sheet.cell(row[0].row, header[COLUMNS["evidence"]], "Báo cáo số 1/BC")
    assert marked == {"3.1.1", "3.1.2"}, "the template marks every item of the measured component"
    workbook.save(path)
    return path


def survey_table(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["STT", "Đơn vị", "3.1.1", "3.1.2"])
    sheet.append([1, "UBND tỉnh Bắc Giang", "50%", "70%"])
    workbook.save(path)
    return path


def items(result: dict[str, Any]) -> dict[str, tuple[str, float]]:
    return {i["code"]: (i["status"], i["score"]) for i in result["items"]}


def test_a_new_measured_component_is_data_only(cli: Cli, book: Path, tmp_path: Path) -> None:
    assert cli("validate", str(BUSINESS)).code == 0
    own = json.loads(cli("score", str(book), "--criteria", str(BUSINESS), "-f", "json").out)
    assert items(own)["3.1.1"] == ("estimated", 2) and items(own)["3.1.2"] == ("estimated", 2)
    assert (own["bonus"], own["penalty"]) == (1, 0), "khen_thuong is a bonus by its role: 3 cases, capped at 1"
    assert {c["id"]: c["role"] for c in own["components"]} == {"appraised": "self", "business_survey": "measured"}

    result = tmp_path / "ket-qua.json"
    scored = cli("score", str(book), "--criteria", str(BUSINESS), "--survey", str(survey_table(tmp_path / "ks.xlsx")),
                 "-f", "json", "-o", str(result))
    assert scored.code == 0, scored.err
    surveyed = json.loads(result.read_text(encoding="utf-8"))
    assert items(surveyed)["3.1.1"] == ("surveyed", 1) and items(surveyed)["3.1.2"] == ("surveyed", 1)
    assert surveyed["score"] == 8  # 2 + 1 + 2 appraised, 1 + 1 surveyed, 1 bonus

    gap = ("gap", str(result), "--year", "2020", "--criteria", str(BUSINESS), "--lang", "en")
    needed = cli(*gap)
    assert needed.code == 2 and "PG405" in needed.err and "--assume business_survey=…" in words(needed.err)
    report = json.loads(cli(*gap, "--assume", "business_survey=4", "-f", "json").out)
    assumed = {a["id"]: (a["value"], a["from"]) for a in report["projection"]["assumed"]}
    assert assumed == {"business_survey": (4, "option"), "sipas": (9.29, "baseline 2020"),
                       "survey": (19.36, "baseline 2020")}
    assert [p["id"] for p in report["projection"]["self_assessed"]] == ["appraised"]
    matched = [(a["workbook"], a["year"]) for a in report["set_change"]["areas_matched"]]
    assert matched == [("1", "3"), ("2", "7")], "area 2 by its was:, area 1 by its name"
    table = words(cli(*gap, "--assume", "business_survey=4", "--assume-sipas", "9,5").out)  # cells wrap: pieces
    assert table.count("ASSUMED") == 3 and "(--assume business_survey))" in table and "(--assume-sipas))" in table

    without_set = json.loads(cli("gap", str(result), "--year", "2020", "--assume", "business_survey=3,5",
                                 "-f", "json").out)  # the set not at hand: the result file says the role
    assert {a["id"]: a["value"] for a in without_set["projection"]["assumed"]}["business_survey"] == 3.5


@pytest.mark.parametrize(("options", "code", "said"), [
    (("--assume", "appraised=4"), "PG420", "--assume is for measured components"),
    (("--assume", "business_survey"), "PG417", "expected ID=POINTS"),
    (("--assume", "business_survey=5"), "PG406", "--assume business_survey = 5 is outside [0, 4]"),
    (("--assume", "sipas=9", "--assume-sipas", "9"), "PG417", "sipas is already assumed (--assume sipas=9)"),
    (("--assume", "business_survey=4", "--assume", "khao_sat=1"), "PG412", "has no component 'khao_sat'"),
])
def test_what_gap_may_assume_follows_from_the_role(cli: Cli, book: Path, tmp_path: Path, options: tuple[str, ...],
                                                  code: str, said: str) -> None:
    result = tmp_path / "ket-qua.json"
    assert cli("score", str(book), "--criteria", str(BUSINESS), "-f", "json", "-o", str(result)).code == 0
    refused = cli("gap", str(result), "--year", "2020", "--criteria", str(BUSINESS), *options, "--lang", "en")
    assert refused.code == 2 and code in refused.err and said in words(refused.err), refused.err
