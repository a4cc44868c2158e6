"""`merge` and `progress` as officers misuse them: a part saved in another format beside the others, a folder
holding only reports. Nothing is dropped in silence; inputs stay byte-identical and nothing is written."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.output import said

SET = "par-department-2025"
UNIT = "Sở Tư pháp"


def make_parts(cli, folder: Path) -> list[Path]:
    result = cli("template", SET, "--by-lead", "-o", str(folder), "--unit", UNIT, "--year", "2026")
    assert result.code == 0, result.err
    return sorted(folder.glob("*.xlsx"))


def as_ods(part: Path) -> Path:
    """The part as LibreOffice's default Save would leave it: an OpenDocument spreadsheet beside the others."""
    ods = part.with_suffix(".ods")
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    part.unlink()
    return ods


@pytest.mark.parametrize("command", ["merge", "progress"])
def test_a_part_saved_as_ods_in_the_folder_is_not_dropped_in_silence(cli, tmp_path, command):
    parts = make_parts(cli, tmp_path / "parts")
    ods = as_ods(parts[-1])
    before = {path: path.read_bytes() for path in (tmp_path / "parts").iterdir()}
    out = tmp_path / "merged.xlsx"
    args = ["-o", str(out)] if command == "merge" else []
    result = cli(command, str(tmp_path / "parts"), *args, "--lang", "en")
    assert result.code == 2, result.out + result.err
    assert "PW402" in result.err and ods.name in result.err
    assert "Traceback" not in result.err
    assert not out.exists()
    assert {path: path.read_bytes() for path in (tmp_path / "parts").iterdir()} == before


def test_progress_over_a_folder_of_reports_does_not_speak_of_merging(cli, tmp_path):
    parts = make_parts(cli, tmp_path / "parts")
    reports = tmp_path / "bao-cao"
    reports.mkdir()
    assert cli("progress", *map(str, parts), "-o", str(reports / "tien-do.xlsx")).code == 0
    before = (reports / "tien-do.xlsx").read_bytes()
    for lang, merging in (("vi", "ghép"), ("en", "merge")):
        result = cli("progress", str(reports), "--lang", lang)
        assert result.code == 1 and "PM815" in result.err and "tien-do.xlsx" in result.err
        assert merging not in result.err.lower(), result.err
    assert (reports / "tien-do.xlsx").read_bytes() == before


def test_the_progress_command_merge_suggests_runs_as_printed(cli, tmp_path):
    """A set imported from a spreadsheet needs --criteria, and officers' folders have spaces in their names: the
    command merge prints for what is still blank must work when typed back."""
    import shlex

    cset_file = tmp_path / "so nganh.yaml"
    exported = tmp_path / "bo.xlsx"
    assert cli("criteria", "export", SET, "-o", str(exported)).code == 0
    from openpyxl import load_workbook

    book = load_workbook(exported)
    book["Thông tin"]["B1"] = "so-nganh-2026"  # the province's own set, not a bundled one
    book.save(exported)
    assert cli("criteria", "import", str(exported), "-o", str(cset_file)).code == 0
    folder = tmp_path / "phần các phòng"
    result = cli("template", str(cset_file), "--by-lead", "-o", str(folder), "--unit", UNIT)
    assert result.code == 0, result.err
    merged = tmp_path / "tổng hợp.xlsx"
    result = cli("merge", str(folder), "-o", str(merged), "--criteria", str(cset_file), "--lang", "en")
    assert result.code == 0, result.err
    hint = next(line for line in result.err.splitlines() if "see who still owes them: " in line)  # one line, whole
    argv = shlex.split(hint.split("see who still owes them: ")[1])
    assert argv[:2] == ["parindex", "progress"]
    again = cli(*argv[1:])
    assert again.code == 0, again.err


def test_the_template_command_criteria_import_suggests_runs_as_printed(cli, tmp_path):
    import shlex

    exported = tmp_path / "bo.xlsx"
    assert cli("criteria", "export", SET, "-o", str(exported)).code == 0
    imported = tmp_path / "bộ sở ngành.yaml"
    result = cli("criteria", "import", str(exported), "-o", str(imported), "--lang", "en")
    assert result.code == 0, result.err
    hint = next(line for line in result.out.splitlines() if "make a workbook with: " in line)  # one line, whole
    argv = shlex.split(hint.split("make a workbook with: ")[1])
    assert argv[:3] == ["parindex", "template", str(imported)]


def test_the_expected_list_kept_in_the_units_folder_is_not_read_as_a_workbook(cli, tmp_path):
    from openpyxl import Workbook

    folder = tmp_path / "xa"
    folder.mkdir()
    for name in ("Phường Hà Đông", "Xã Sóc Sơn"):
        assert cli("template", "par-commune-2025", "-o", str(folder / f"{name}.xlsx"), "--unit", name).code == 0
    book = Workbook()
    book.active.append(["STT", "Tên đơn vị"])
    for row in ((1, "UBND phường Hà Đông"), (2, "Xã Sóc Sơn"), (3, "Xã Ba Vì")):
        book.active.append(row)
    listed = folder / "danh-sach.xlsx"
    book.save(listed)
    before = {path: path.read_bytes() for path in folder.iterdir()}
    result = cli("progress", str(folder), "--expected", str(listed), "--format", "md", "--lang", "en")
    assert result.code == 0, result.err
    assert "Not sent (1): Xã Ba Vì" in result.out
    assert {path: path.read_bytes() for path in folder.iterdir()} == before
    alone = tmp_path / "chi-danh-sach"
    alone.mkdir()
    listed.rename(alone / listed.name)
    result = cli("progress", str(alone), "--expected", str(alone / listed.name))
    assert result.code == 2 and "PS523" in result.err and str(alone) in result.err


def test_one_agency_spelt_two_ways_in_the_set_gets_one_part_and_one_row(cli, tmp_path):
    """Leads are typed by hand in the criteria sheet: 'Phòng Pháp chế' on one row, 'Phòng pháp chế' on the next.
    `--lead` already takes them as one agency (case and marks aside); its part must hold all its items."""
    text = (Path(__file__).parents[2] / "criteria" / f"{SET}.yaml").read_text(encoding="utf-8")
    text = text.replace(f"id: {SET}", "id: so-thu-2026", 1)
    text = text.replace('lead: "Thanh tra / Phòng Pháp chế"', 'lead: "Thanh tra / Phòng pháp chế"', 1)
    cset_file = tmp_path / "so-thu.yaml"
    cset_file.write_text(text, encoding="utf-8")
    part = tmp_path / "thanh-tra.xlsx"
    result = cli("template", str(cset_file), "--lead", "Phòng Pháp chế", "-o", str(part), "--lang", "en")
    assert result.code == 0, result.err
    assert "4 items" in said(result.out), result.out
    folder = tmp_path / "parts"
    assert cli("template", str(cset_file), "--by-lead", "-o", str(folder), "--unit", UNIT).code == 0
    assert [p.name for p in sorted(folder.glob("thanh-tra*"))] == ["thanh-tra-phong-phap-che.xlsx"]
    progress = cli("progress", str(folder), "--criteria", str(cset_file), "--format", "md")
    assert progress.code == 0, progress.err
    assert sum(1 for line in progress.out.splitlines() if line.startswith("| Thanh tra")) == 1


def test_gap_counts_one_agency_typed_two_ways_once_by_lead(cli, tmp_path):
    """The recoverable points by lead agency: 'Sở tư pháp' on 2.2.3 and 'Sở Tư pháp' on 2.1.1 are one agency."""
    import json

    from tests.fill import fill_workbook

    text = (Path(__file__).parents[2] / "criteria" / "par-province-2020.yaml").read_text(encoding="utf-8")
    text = text.replace("id: par-province-2020", "id: tinh-thu-2020", 1)
    at = text.index("lead: Sở Tư pháp", text.index('"2.2.3"'))
    text = text[:at] + "lead: Sở tư pháp" + text[at + len("lead: Sở Tư pháp"):]
    cset_file = tmp_path / "tinh.yaml"
    cset_file.write_text(text, encoding="utf-8")
    book = tmp_path / "tu-cham.xlsx"
    made = cli("template", str(cset_file), "-o", str(book), "--unit", "UBND tỉnh Bắc Giang", "--year", "2020")
    assert made.code == 0, made.err
    fill_workbook(book, {"2.1.1": {"value": "85%", "evidence": "BC 1"},
                         "2.2.3": {"value": "Không", "evidence": "BC 2"}})
    out = tmp_path / "gap.json"
    result = cli("gap", str(book), "--year", "2020", "--criteria", str(cset_file), "-o", str(out))
    assert result.code in (0, 1), result.err
    leads = [row["lead"] for row in json.loads(out.read_text(encoding="utf-8"))["by_lead"]]
    assert sum(1 for lead in leads if lead and lead.casefold() == "sở tư pháp") == 1, leads


def test_by_lead_into_a_folder_whose_parent_is_missing_is_refused(cli, tmp_path):
    target = tmp_path / "khong-co" / "cac-phan"
    result = cli("template", "par-province-2020", "--by-lead", "-o", str(target))
    assert result.code == 2 and "PE304" in result.err
    assert not (tmp_path / "khong-co").exists()
    assert cli("template", "par-province-2020", "--by-lead", "-o", str(tmp_path / "cac-phan")).code == 0
    assert len(list((tmp_path / "cac-phan").glob("*.xlsx"))) == 7


def _rows(part: Path) -> tuple[object, dict[str, int], dict[str, int]]:
    """The workbook, its Tự đánh giá columns by header and its rows by code."""
    from openpyxl import load_workbook

    from parindex.evidence.model import SHEET_ITEMS

    book = load_workbook(part)
    sheet = book[SHEET_ITEMS]
    header = {cell.value: cell.column for cell in sheet[1] if cell.value}
    rows = {str(row[0].value): row[0].row for row in sheet.iter_rows(min_row=2) if row[0].value}
    return book, header, rows


@pytest.mark.parametrize(("header", "value"), [("Kết quả", "Có"), ("Tài liệu kiểm chứng", "QĐ số 12/QĐ-STP")])
def test_a_value_typed_on_a_criterions_heading_row_is_an_error_at_its_cell_not_dropped(cli, tmp_path, header,
                                                                                       value):
    from openpyxl.utils import get_column_letter

    from parindex.evidence.model import SHEET_ITEMS

    parts = make_parts(cli, tmp_path / "parts")
    part = next(p for p in parts if "1.1" in _rows(p)[2])
    book, columns, rows = _rows(part)
    book[SHEET_ITEMS].cell(rows["1.1"], columns[header], value)
    book.save(part)
    for command in (["merge", str(tmp_path / "parts"), "-o", str(tmp_path / "tu-cham.xlsx")],
                    ["progress", str(tmp_path / "parts")]):
        result = cli(*command, "--lang", "en")
        assert result.code == 1, result.out + result.err
        cell = f"{SHEET_ITEMS}!{get_column_letter(columns[header])}{rows['1.1']}"
        assert f"{part.name} › {cell}: PM831" in said(result.err) and f"'{value}'" in result.err
    assert not (tmp_path / "tu-cham.xlsx").exists()


@pytest.mark.parametrize("how", ["blank", "deleted"])
def test_merge_refuses_a_part_without_its_fingerprint(cli, tmp_path, how):
    from openpyxl import load_workbook

    from parindex.evidence.model import SHEET_INFO

    parts = make_parts(cli, tmp_path / "parts")
    book = load_workbook(parts[1])
    sheet = book[SHEET_INFO]
    row = next(r for r in sheet.iter_rows() if r[0].value == "Dấu vân tay bộ tiêu chí")
    if how == "blank":
        row[1].value = None
    else:
        sheet.delete_rows(row[0].row)
    book.save(parts[1])
    result = cli("merge", str(tmp_path / "parts"), "-o", str(tmp_path / "tu-cham.xlsx"), "--lang", "en")
    assert result.code == 1 and "PM830" in result.err and parts[1].name in result.err
    assert not (tmp_path / "tu-cham.xlsx").exists(), "never a merged workbook with a fingerprint nobody checked"


def test_the_merged_workbook_left_among_its_parts_is_skipped_by_merge_progress_and_score(cli, tmp_path):
    from parindex.evidence.reader import read_evidence, read_info

    parts = make_parts(cli, tmp_path / "parts")
    merged = tmp_path / "parts" / "tu-cham.xlsx"
    assert cli("merge", str(tmp_path / "parts"), "-o", str(merged)).code == 0
    assert read_evidence(merged).merged and not read_evidence(parts[0]).merged, "the mark reports carry"
    note = f"Skipped {merged}: a workbook 'parindex merge' wrote, among its own parts"
    again = cli("merge", str(tmp_path / "parts"), "-o", str(tmp_path / "again.xlsx"), "--lang", "en")
    assert again.code == 0 and note in said(again.err)
    assert f"Merged {len(parts)} parts" in said(again.out), "not one more part"
    progress = cli("progress", str(tmp_path / "parts"), "--lang", "en")
    assert progress.code == 0 and note in said(progress.err)
    score = cli("score", str(tmp_path / "parts"), "--lang", "en")
    assert score.code == 2 and "PS527" in score.err and str(merged) not in score.err.split("PS527")[1], (
        "the parts are what is out of place in a ranking; the merged workbook is not named as one of them")
    alone = cli("score", str(merged), "-f", "json")
    assert alone.code in (0, 1) and "PS527" not in alone.err and read_info(merged)["unit"] == UNIT


def test_score_skips_the_merged_workbook_beside_a_part_of_its_unit_whatever_the_order(cli, tmp_path):
    import shutil

    parts = make_parts(cli, tmp_path / "parts")
    assert cli("merge", str(tmp_path / "parts"), "-o", str(tmp_path / "merged.xlsx")).code == 0
    for name in ("0-merged.xlsx", "z-merged.xlsx"):  # before and after the part in file order
        run = tmp_path / name.removesuffix(".xlsx")
        run.mkdir()
        shutil.copy(parts[0], run / parts[0].name)
        shutil.copy(tmp_path / "merged.xlsx", run / name)
        result = cli("score", str(run), "-f", "json", "--lang", "en")
        assert "Skipped" in result.err and name in result.err, result.err
        assert "units" not in json.loads(result.out), "the part alone is scored: one unit's result, not a ranking"


def test_a_merged_workbook_named_with_a_late_part_is_merged_on_purpose(cli, tmp_path):
    from parindex.evidence.model import SHEET_ITEMS
    from parindex.evidence.reader import read_evidence

    parts = make_parts(cli, tmp_path / "parts")
    late = parts[-1]
    book, columns, rows = _rows(parts[0])
    code = next(code for code in rows if code.count(".") == 2)  # an item of the first agency, evidenced
    book[SHEET_ITEMS].cell(rows[code], columns["Tài liệu kiểm chứng"], "QĐ số 7/QĐ-UBND")
    book.save(parts[0])
    for part in parts[:-1]:
        part.rename(tmp_path / part.name)  # the late agency's part comes after the first merge
    assert cli("merge", *map(str, (tmp_path / p.name for p in parts[:-1])), "-o", str(tmp_path / "m1.xlsx")).code == 0
    result = cli("merge", str(tmp_path / "m1.xlsx"), str(late), "-o", str(tmp_path / "m2.xlsx"), "--lang", "en")
    assert result.code == 0 and "Skipped" not in result.err
    assert "Merged 2 parts" in said(result.out)
    assert read_evidence(tmp_path / "m2.xlsx").rows[code].values["evidence"] == "QĐ số 7/QĐ-UBND", (
        "the first merge's items are kept")
