"""`parindex criteria export` / `criteria import` end to end: an officer's spreadsheet becomes a valid set that
scores like its hand-written YAML; export → import keeps the fingerprint; every problem names its cell."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook

from parindex.criteria.files import bundled_sets, load_criteria
from parindex.evidence.model import COLUMNS, SHEET_ITEMS
from parindex.evidence.template import write_template
from tests.criteria.test_checks_property import all_items, as_yaml, criteria_sets
from tests.fixtures.criteria_sheet.officer import FIRST_ROW, write_officer_sheet

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OFFICER_YAML = FIXTURES / "criteria_sheet" / "officer-set.yaml"
Cli = Callable[..., Any]

# A unit's values for the officer set, typed as people type them; every rule kind is hit.
VALUES = {"1.1.1": "ban hành chậm", "1.1.2": "85,5%", "1.1.3": "Đạt", "1.2.1": 2, "1.2.2": 1, "2.1.1": "12%",
          "2.1.2": "96.5", "2.1.3": "1,25", "2.2.1": "B"}


def _fill(book_path: Path, values: dict[str, object]) -> None:
    book = load_workbook(book_path)
    sheet = book[SHEET_ITEMS]
    header = {cell.value: cell.column for cell in sheet[1] if cell.value}
    for row in sheet.iter_rows(min_row=2):
        if str(row[0].value) in values:
            sheet.cell(row[0].row, header[COLUMNS["value"]], values[str(row[0].value)])
            sheet.cell(row[0].row, header[COLUMNS["evidence"]], "Báo cáo số 1/BC")
    book.save(book_path)


def test_an_officers_sheet_imports_validates_and_scores_as_its_hand_written_yaml(cli: Cli, tmp_path: Path) -> None:
    sheet = write_officer_sheet(tmp_path / "phu-luc.xlsx")
    imported = tmp_path / "bo-tieu-chi.yaml"
    result = cli("criteria", "import", str(sheet), "-o", str(imported))
    assert result.code == 0, result.out + result.err
    assert cli("validate", str(imported)).code == 0
    text = imported.read_text(encoding="utf-8")
    assert f'- code: "1.1.2"  # Bộ tiêu chí!{FIRST_ROW + 3}' in text  # each node names its sheet row
    assert "Ghi chú" not in text and "kiểm tra lại" not in text  # the officer's own column is ignored
    ours, theirs = load_criteria(str(imported)), load_criteria(str(OFFICER_YAML))
    assert ours.fingerprint() == theirs.fingerprint()
    assert [g.max for g in ours.groups()] == [g.max for g in theirs.groups()] and ours.max == Decimal(10)
    book = tmp_path / "so-thu.xlsx"
    write_template(book, theirs, unit="Sở Thử nghiệm", year=2025, today=date(2026, 1, 10))
    _fill(book, VALUES)
    scores = [json.loads(cli("score", str(book), "--criteria", str(criteria), "-f", "json").out)
              for criteria in (OFFICER_YAML, imported)]
    assert scores[0] == scores[1]
    assert scores[0]["score"] == 5.75  # 0.5 + 1 + 0.5 + 0.5 + 0.5 + 0.4 + 0.5 + 1.25, and 0.6 for the survey
    assert len(scores[0]["items"]) == 9 and scores[0]["errors"] == []


@pytest.mark.parametrize("cset", bundled_sets(), ids=lambda cset: cset.id)
def test_export_then_import_keeps_every_bundled_sets_fingerprint(cli: Cli, tmp_path: Path, cset: Any) -> None:
    exported, imported = tmp_path / "set.xlsx", tmp_path / "set.yaml"
    assert cli("criteria", "export", cset.id, "-o", str(exported)).code == 0
    result = cli("criteria", "import", str(exported), "-o", str(imported))
    assert result.code == 0, result.out
    again = load_criteria(str(imported))
    assert again.fingerprint() == cset.fingerprint()
    assert [(g.code, g.name, g.max, g.lead) for g in again.groups()] == [
        (g.code, g.name, g.max, g.lead) for g in cset.groups()]
    assert [(i.code, i.name, i.evidence, i.source, i.provisional) for _, i in again.items()] == [
        (i.code, i.name, i.evidence, i.source, i.provisional) for _, i in cset.items()]
    # import → export → import: the same file again
    assert cli("criteria", "export", str(imported), "-o", str(tmp_path / "again.xlsx")).code == 0
    assert cli("criteria", "import", str(tmp_path / "again.xlsx"), "-o", str(tmp_path / "again.yaml")).code == 0
    assert (tmp_path / "again.yaml").read_text(encoding="utf-8").splitlines()[2:] == \
        imported.read_text(encoding="utf-8").splitlines()[2:]  # all but the header naming the source file


def _as_the_sheet_holds_it(data: dict[str, Any]) -> dict[str, Any]:
    """A generated set in the form a sheet can hold exactly: survey and SIPAS items scored as surveys (the sheet
    knows them by their component) and `yes_points` equal to the max left unwritten (it is the default)."""
    for item in all_items(data):
        if item["component"] in ("survey", "sipas"):
            item["rule"] = {"kind": "survey"}
        if item["rule"].get("yes_points") == item["max"]:
            item["rule"].pop("yes_points")
        if _everything_scores_alike(item["rule"]):
            item["rule"] = {"kind": "yes_no"}
    # a bonus or penalty cap with no item: the sheet holds a cap beside its component's items (Thành phần), and
    # the generator gives these components none
    data["components"] = [c for c in data["components"] if c["id"] not in ("bonus", "penalty")]
    return data


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=criteria_sets())
def test_generated_sets_keep_their_fingerprint_through_export_and_import(cli: Cli, tmp_path_factory: Any,
                                                                          data: dict[str, Any]) -> None:
    folder = tmp_path_factory.mktemp("round")
    source = folder / "generated.yaml"
    source.write_text(as_yaml(_as_the_sheet_holds_it(data)), encoding="utf-8")
    cset = load_criteria(str(source))
    assert cli("criteria", "export", str(source), "-o", str(folder / "set.xlsx")).code == 0
    result = cli("criteria", "import", str(folder / "set.xlsx"), "-o", str(folder / "set.yaml"))
    assert result.code == 0, result.out
    assert load_criteria(str(folder / "set.yaml")).fingerprint() == cset.fingerprint()


def _everything_scores_alike(rule: dict[str, Any]) -> bool:
    """A threshold whose tiers cover every value and give both ends the same points (at most 10 % and at most 100 %):
    higher-is-better and lower-is-better are then one rule, which export may refuse (PX340) as words cannot say which
    direction the file wrote."""
    if rule["kind"] != "threshold":
        return False
    first, last = rule["tiers"][0], rule["tiers"][-1]
    if "at_least" in first or "above" in first:  # a bound left out ('trên 0') leaves 0 itself to nothing
        covers = last.get("at_least") == 0
    else:
        covers = rule["unit"] == "percent" and (last.get("at_most", -1) >= 100 or last.get("below", -1) > 100)
    return covers and first["points"] == last["points"]


def test_a_threshold_that_scores_every_value_alike_is_refused_by_export(cli: Cli, tmp_path: Path) -> None:
    """What the round trip above sets aside, shown: export says PX340 rather than write words that read back as
    another rule."""
    data = minimal_set_with_threshold([{"at_most": 10, "points": 1}, {"at_most": 100, "points": 1}])
    assert _everything_scores_alike(data["areas"][0]["criteria"][0]["items"][0]["rule"])
    source = tmp_path / "alike.yaml"
    source.write_text(as_yaml(data), encoding="utf-8")
    result = cli("criteria", "export", str(source), "-o", str(tmp_path / "alike.xlsx"))
    assert result.code == 1 and "PX340" in result.err


def minimal_set_with_threshold(tiers: list[dict[str, Any]]) -> dict[str, Any]:
    item = {"code": "1.1.1", "name": "Tỷ lệ", "max": 1, "component": "appraised", "source": "tạo cho kiểm thử",
            "rule": {"kind": "threshold", "unit": "percent", "tiers": tiers}}
    return {"id": "alike", "title": "Một tiêu chí", "years": [2025], "level": "province", "status": "official",
            "components": [{"id": "appraised", "name": "Điểm thẩm định", "max": 1}],
            "areas": [{"code": "1", "name": "Lĩnh vực", "criteria": [{"code": "1.1", "name": "Tiêu chí",
                                                                      "items": [item]}]}]}


def _officer_sheet_with(tmp_path: Path, **cells: object) -> Path:
    path = write_officer_sheet(tmp_path / "phu-luc.xlsx")
    book = load_workbook(path)
    for ref, value in cells.items():
        book["Bộ tiêu chí"][ref] = value
    book.save(path)
    return path


def test_phrases_that_cannot_be_read_are_errors_at_their_cells_and_nothing_is_written(cli: Cli,
                                                                                     tmp_path: Path) -> None:
    sheet = _officer_sheet_with(tmp_path, D7="từ 80% đến dưới 95%: 1 điểm; từ 90% trở lên: 2 điểm",
                                D15="Theo hướng dẫn của Bộ Nội vụ")
    output = tmp_path / "out.yaml"
    result = cli("criteria", "import", str(sheet), "-o", str(output), "--lang", "en")
    assert result.code == 1
    assert f"{sheet} › Bộ tiêu chí!D7: PX303 1.1.2:" in result.out
    assert f"{sheet} › Bộ tiêu chí!D15: PX301 2.1.1: the scoring rule 'Theo hướng dẫn của Bộ Nội vụ'" in result.out
    assert "Có: 1 điểm; Không: 0 điểm" in result.out  # the accepted forms, with examples
    assert not output.exists()


def test_what_validation_finds_is_reported_at_the_yaml_line_and_the_cell(cli: Cli, tmp_path: Path) -> None:
    sheet = _officer_sheet_with(tmp_path, C5=5)  # criterion 1.1's written max; its items make 4
    output = tmp_path / "out.yaml"
    result = cli("criteria", "import", str(sheet), "-o", str(output))
    assert result.code == 1
    line = next(n for n, text in enumerate(output.read_text(encoding="utf-8").splitlines(), start=1)
                if text.strip() == "max: 5")
    assert f"{output}:{line}:" in result.out and f"({sheet} › Bộ tiêu chí!C5): PX101" in result.out


def test_command_line_mistakes(cli: Cli, tmp_path: Path) -> None:
    assert "PC715" in cli("criteria", "export", "par-province-2020", "-o", str(tmp_path / "x.yaml")).err
    sheet = write_officer_sheet(tmp_path / "phu-luc.xlsx")
    assert "PC716" in cli("criteria", "import", str(sheet), "-o", str(tmp_path / "x.xlsx")).err
    taken = tmp_path / "taken.yaml"
    taken.write_text("old", encoding="utf-8")
    refused = cli("criteria", "import", str(sheet), "-o", str(taken))
    assert refused.code == 2 and "PC701" in refused.err and taken.read_text(encoding="utf-8") == "old"
    not_a_book = tmp_path / "bang.xlsx"
    not_a_book.write_text("Mã,Nội dung\n1,x\n", encoding="utf-8")
    assert "PW403" in cli("criteria", "import", str(not_a_book), "-o", str(tmp_path / "y.yaml")).err
    assert cli("criteria", "export", str(OFFICER_YAML), "-o", str(tmp_path / "e.xlsx")).code == 0
    again = cli("criteria", "export", str(OFFICER_YAML), "-o", str(tmp_path / "e.xlsx"))
    assert again.code == 2 and "PC701" in again.err


def test_a_set_whose_rule_would_not_read_back_is_not_exported(cli: Cli, tmp_path: Path) -> None:
    """minimal.yaml scores a survey-component item by hand (manual): the sheet would read it as a survey."""
    result = cli("criteria", "export", str(FIXTURES / "criteria" / "minimal.yaml"), "-o", str(tmp_path / "m.xlsx"))
    assert result.code == 1 and "PX340" in result.err and "2.2.2" in result.err
    assert not (tmp_path / "m.xlsx").exists()


def test_a_cap_outside_the_tree_is_refused_not_dropped(cli: Cli, tmp_path: Path) -> None:
    """Bonus and penalty are components with items (their cap is the component's max): a `bonus:` key of the
    set is not the format, refused by the schema rather than dropped."""
    text = OFFICER_YAML.read_text(encoding="utf-8") + "bonus: {name: Điểm thưởng, max: 2}\n"
    source = tmp_path / "with-bonus.yaml"
    source.write_text(text, encoding="utf-8")
    result = cli("criteria", "export", str(source), "-o", str(tmp_path / "b.xlsx"))
    assert result.code == 1 and "PE310" in result.err and "with-bonus.yaml:88:8" in result.err
    assert not (tmp_path / "b.xlsx").exists()


def test_a_set_with_components_of_its_own_keeps_their_roles_through_the_sheet(cli: Cli, tmp_path: Path) -> None:
    """Every item of a measured component is a survey item in the sheet's grammar, so 3.1.2 is made one."""
    text = (FIXTURES / "criteria" / "business-survey.yaml").read_text(encoding="utf-8")
    source = tmp_path / "business.yaml"
    source.write_text(text.replace("{kind: threshold, unit: percent, tiers: [{at_least: 80, points: 2}, "
                                   "{at_least: 60, points: 1}]}", "{kind: survey}"), encoding="utf-8")
    exported, imported = tmp_path / "set.xlsx", tmp_path / "set.yaml"
    assert cli("criteria", "export", str(source), "-o", str(exported)).code == 0
    labels = {row[4] for row in load_workbook(exported)["Bộ tiêu chí"].iter_rows(min_row=2, values_only=True)}
    assert {"Khảo sát doanh nghiệp (business_survey: measured)", "Điểm khen thưởng (khen_thuong: bonus)"} <= labels
    result = cli("criteria", "import", str(exported), "-o", str(imported))
    assert result.code == 0, result.out + result.err
    again, before = load_criteria(str(imported)), load_criteria(str(source))
    assert again.fingerprint() == before.fingerprint()
    assert [(c.id, c.role, c.max) for c in again.components] == [(c.id, c.role, c.max) for c in before.components]
    assert "{id: business_survey, name: Khảo sát doanh nghiệp, role: measured, max: 4}" in imported.read_text(
        encoding="utf-8")
