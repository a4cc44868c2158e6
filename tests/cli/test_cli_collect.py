"""Collecting from the lead agencies, end to end: `template --by-lead`, each part filled by another hand, `merge`,
`score`; `progress` over half-filled parts; the refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from parindex.criteria.files import load_bundled
from parindex.criteria.leads import item_leads, lead_names
from parindex.evidence.model import EVIDENCE_ITEMS, SHEET_INFO, SHEET_ITEMS, SOURCE_HEADER
from parindex.evidence.reader import read_evidence
from tests.fill import codes_in, fill_workbook, random_fill

SET = "par-province-2020"
UNIT = "UBND tỉnh Bắc Giang"


@pytest.fixture(scope="module")
def cset():
    return load_bundled(SET)


def make_parts(cli, folder: Path, unit: str = UNIT) -> list[Path]:
    result = cli("template", SET, "--by-lead", "-o", str(folder), "--unit", unit, "--year", "2021")
    assert result.code == 0, result.err
    return sorted(folder.glob("*.xlsx"))


def fill_parts(parts: list[Path], fill: dict) -> None:
    """Each agency types only what it leads, in its own part (a different hand for each)."""
    for part in parts:
        codes = codes_in(part)
        fill_workbook(part, {code: cells for code, cells in fill.items() if code in codes})


def score_json(cli, path: Path, tmp_path: Path) -> dict:
    out = tmp_path / f"{path.stem}.json"
    result = cli("score", str(path), "-o", str(out))
    assert result.code in (0, 1), result.err
    return json.loads(out.read_text(encoding="utf-8"))


def test_parts_merged_score_as_the_same_values_typed_into_one_template(cli, tmp_path, cset):
    parts = make_parts(cli, tmp_path / "parts")
    assert [p.name for p in parts] == sorted(
        ["so-noi-vu.xlsx", "van-phong-ubnd-tinh.xlsx", "so-tu-phap.xlsx", "so-tai-chinh.xlsx",
         "so-thong-tin-va-truyen-thong.xlsx", "so-khoa-hoc-va-cong-nghe.xlsx", "so-ke-hoach-va-dau-tu.xlsx"])
    leads = item_leads(cset)
    for part in parts:  # the full name inside, only that agency's items
        book = read_evidence(part)
        lead = book.info["lead"]
        assert lead in lead_names(cset) and book.info["fingerprint"] == cset.fingerprint()
        assert set(book.rows) - cset.group_codes == {code for code, led in leads.items() if led == lead}
    fill = random_fill(cset, seed=14)
    fill_parts(parts, fill)
    whole = tmp_path / "whole.xlsx"
    assert cli("template", SET, "-o", str(whole), "--unit", UNIT, "--year", "2021").code == 0
    fill_workbook(whole, fill)

    before = {part: part.read_bytes() for part in parts}
    merged = tmp_path / "merged.xlsx"
    result = cli("merge", str(tmp_path / "parts"), "-o", str(merged))
    assert result.code == 0, result.err
    assert f"{len(cset.items())}" in result.out
    assert {part: part.read_bytes() for part in parts} == before  # inputs never modified

    assert score_json(cli, merged, tmp_path) == score_json(cli, whole, tmp_path)
    sheet = load_workbook(merged)[SHEET_ITEMS]
    headers = [cell.value for cell in sheet[1]]
    assert SOURCE_HEADER in headers and EVIDENCE_ITEMS.key_of(SOURCE_HEADER) is None  # the reader ignores that column
    source = headers.index(SOURCE_HEADER) + 1
    sources = {str(sheet.cell(r, 1).value): sheet.cell(r, source).value for r in range(2, sheet.max_row + 1)}
    assert sources["2.1.1"] == "so-tu-phap.xlsx (Sở Tư pháp)"
    assert sources["3.3.1"] == "van-phong-ubnd-tinh.xlsx (Văn phòng UBND tỉnh)"


def test_progress_over_half_filled_parts_lists_what_each_agency_owes(cli, tmp_path, cset):
    parts = make_parts(cli, tmp_path / "parts")
    fill = random_fill(cset, seed=7, share=0.5)
    fill_parts(parts, fill)
    result = cli("progress", str(tmp_path / "parts"), "--format", "md", "--lang", "en")
    assert result.code == 0, result.err
    lines = {line.split(" | ")[0].lstrip("| "): line.split(" | ") for line in result.out.splitlines()}
    leads = item_leads(cset)
    items = cset.item_by_code()
    for lead in lead_names(cset):
        owed = [code for code, led in leads.items() if led == lead and not items[code].is_survey
                and code not in fill]
        row = lines[lead]
        assert int(row[3]) == len(owed), lead  # Missing
        assert row[-1].rstrip(" |") == ", ".join(owed)
    table = cli("progress", str(tmp_path / "parts"))
    assert table.code == 0 and "Sở Tư pháp" in table.out and "Tiêu chí chưa nhập" in table.out


def test_progress_xlsx_is_a_report_not_a_workbook_to_read(cli, tmp_path):
    parts = make_parts(cli, tmp_path / "parts")
    out = tmp_path / "parts" / "tien-do.xlsx"
    result = cli("progress", str(tmp_path / "parts"), "-o", str(out))
    assert result.code == 0, result.err
    sheet = load_workbook(out).active
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == "$3:$3"
    again = cli("progress", *map(str, parts), str(out.parent), "-o", str(out), "--force")  # left in the folder
    assert again.code == 0, again.err


def test_progress_over_units_and_who_has_sent_nothing(cli, tmp_path, cset):
    folder = tmp_path / "don-vi"
    folder.mkdir()
    for name, share in (("UBND huyện Lục Nam", 1.0), ("UBND huyện Yên Thế", 0.3)):
        path = folder / f"{name}.xlsx"
        assert cli("template", SET, "-o", str(path), "--unit", name).code == 0
        fill_workbook(path, random_fill(cset, seed=3, share=share))
    expected = tmp_path / "ds.txt"
    expected.write_text("UBND huyện Lục Nam\nUBND huyện Yên Thế\nUBND huyện Sơn Động\n", encoding="utf-8")
    result = cli("progress", str(folder), "--expected", str(expected), "--format", "md", "--lang", "en")
    assert result.code == 0, result.err
    assert "Not sent (1): UBND huyện Sơn Động" in result.out
    rows = [line for line in result.out.splitlines() if line.startswith("| UBND")]
    assert [row.split(" | ")[0] for row in rows] == ["| UBND huyện Yên Thế", "| UBND huyện Lục Nam"]
    book = Workbook()
    book.active.append(["Tên đơn vị"])
    for name in ("huyện Lục Nam", "HUYỆN YÊN THẾ"):  # as `gap` matches names: 'UBND', case, marks aside
        book.active.append([name])
    book.save(tmp_path / "ds.xlsx")
    from_xlsx = cli("progress", str(folder), "--expected", str(tmp_path / "ds.xlsx"), "--lang", "en")
    assert from_xlsx.code == 0 and "Every unit on the list has sent." in from_xlsx.out
    book.active["A1"] = "STT"  # no header that says where the names are: not guessed
    book.save(tmp_path / "ds.xlsx")
    unheaded = cli("progress", str(folder), "--expected", str(tmp_path / "ds.xlsx"), "--lang", "en")
    assert unheaded.code == 2 and "PM821" in unheaded.err


def test_an_item_filled_differently_in_two_parts_names_both_cells(cli, tmp_path, cset):
    parts = make_parts(cli, tmp_path / "parts")
    tu_phap = next(p for p in parts if p.name == "so-tu-phap.xlsx")
    extra = tmp_path / "bo-sung.xlsx"
    assert cli("template", SET, "--lead", "Tư pháp", "-o", str(extra), "--unit", UNIT, "--year", "2021").code == 0
    fill_workbook(tu_phap, {"2.1.1": {"value": "Có", "evidence": "QĐ 1"}})
    fill_workbook(extra, {"2.1.1": {"value": "Không", "evidence": "QĐ 1"}})
    out = tmp_path / "merged.xlsx"
    result = cli("merge", str(tmp_path / "parts"), str(extra), "-o", str(out), "--lang", "en")
    assert result.code == 1
    assert "PM813" in result.err and "PM814" in result.err
    assert "so-tu-phap.xlsx › Tự đánh giá!E" in result.err and "bo-sung.xlsx › Tự đánh giá!E" in result.err
    assert not out.exists()
    progress = cli("progress", str(tmp_path / "parts"), str(extra))
    assert progress.code == 1 and "PM813" in progress.out
    fill_workbook(extra, {"2.1.1": {"value": "Có", "evidence": "QĐ 1"}})  # the same content twice is fine
    assert cli("merge", str(tmp_path / "parts"), str(extra), "-o", str(out)).code == 0


def test_merge_refuses_parts_of_another_unit_and_writing_over_a_part(cli, tmp_path):
    parts = make_parts(cli, tmp_path / "parts")
    other = make_parts(cli, tmp_path / "khac", unit="UBND tỉnh Bắc Ninh")
    out = tmp_path / "merged.xlsx"
    result = cli("merge", str(parts[0]), str(other[1]), "-o", str(out))
    assert result.code == 1 and "PM812" in result.err and other[1].name in result.err
    before = parts[0].read_bytes()
    result = cli("merge", *map(str, parts), "-o", str(parts[0]), "--force")
    assert result.code == 2 and "PE308" in result.err
    assert parts[0].read_bytes() == before
    assert cli("merge", *map(str, parts), "-o", str(tmp_path / "m.txt")).code == 2


def test_merge_lists_items_no_part_covers(cli, tmp_path, cset):
    parts = make_parts(cli, tmp_path / "parts")
    kept = [p for p in parts if p.name != "so-tu-phap.xlsx"]
    out = tmp_path / "merged.xlsx"
    result = cli("merge", *map(str, kept), "-o", str(out), "--lang", "en")
    assert result.code == 0, result.err
    assert "in no part" in result.err and "2.1.1" in result.err
    assert "2.1.1" in read_evidence(out).rows  # the row is there, empty


def test_template_part_options(cli, tmp_path):
    both = cli("template", SET, "--lead", "Sở Tư pháp", "--by-lead", "-o", str(tmp_path / "x"))
    assert both.code == 2 and "PC721" in both.err
    file_out = cli("template", SET, "--by-lead", "-o", str(tmp_path / "x.xlsx"))
    assert file_out.code == 2 and "PC722" in file_out.err
    unknown = cli("template", SET, "--lead", "Sở Y tế", "-o", str(tmp_path / "y.xlsx"))
    assert unknown.code == 2 and "PM800" in unknown.err and "Sở Tư pháp" in unknown.err
    part = tmp_path / "tu-phap.xlsx"
    assert cli("template", SET, "--lead", "tu phap", "-o", str(part)).code == 0
    info = load_workbook(part)[SHEET_INFO]
    assert ["Cơ quan chủ trì", "Sở Tư pháp"] in [[c.value for c in row[:2]] for row in info.iter_rows()]
    folder = tmp_path / "parts"
    make_parts(cli, folder)
    fill_workbook(folder / "so-tu-phap.xlsx", {"2.1.1": {"value": "Có"}})
    again = cli("template", SET, "--by-lead", "-o", str(folder), "--force")  # never over a filled part
    assert again.code == 2 and "PE309" in again.err
    assert read_evidence(folder / "so-tu-phap.xlsx").rows["2.1.1"].values["value"] == "Có"


def test_scoring_a_folder_of_parts_says_to_merge_them(cli, tmp_path):
    parts = make_parts(cli, tmp_path / "parts")
    before = {part: part.read_bytes() for part in parts}
    result = cli("score", str(tmp_path / "parts"), "--lang", "en")
    assert result.code == 2 and "PS527" in result.err and "parindex merge" in result.err
    assert {part: part.read_bytes() for part in parts} == before


def test_progress_names_the_unit_and_year_when_the_first_part_leaves_them_blank(cli, tmp_path):
    parts = make_parts(cli, tmp_path / "parts")
    book = load_workbook(parts[0])
    for row in book[SHEET_INFO].iter_rows():
        for cell in row:
            if cell.value in (UNIT, 2021, "2021"):
                cell.value = None
    book.save(parts[0])
    result = cli("progress", str(tmp_path / "parts"), "--format", "md", "--lang", "en")
    assert result.code == 0, result.err
    assert f"{UNIT} (2021)" in result.out.splitlines()[0]


def test_a_part_kept_in_a_subfolder_is_named_by_merge_and_progress(cli, tmp_path):
    """An agency's part filed in a folder of its own inside the unit's: merge would leave its items out and progress
    show it as not sent; both name the folder."""
    folder = tmp_path / "parts"
    parts = make_parts(cli, folder)
    (folder / "nop-muon").mkdir()
    parts[0].rename(folder / "nop-muon" / parts[0].name)
    merged = cli("merge", str(folder), "-o", str(tmp_path / "merged.xlsx"), "--lang", "en")
    assert merged.code in (0, 1) and "subfolders" in merged.err and "nop-muon" in merged.err
    progress = cli("progress", str(folder), "--lang", "en")
    assert progress.code in (0, 1) and "subfolders" in progress.err and "nop-muon" in progress.err
