"""`parindex template NEW_SET --from FILLED.xlsx -o NEW.xlsx`: a set corrected after the workbooks went out, and
what units typed carried into its workbook (README: "Correcting a set after the workbooks went out")."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from parindex.criteria.files import load_criteria
from parindex.evidence.model import SHEET_REVIEW
from parindex.evidence.reader import read_evidence
from parindex.scoring.runs import score_workbook
from tests.fill import fill_workbook, random_fill
from tests.output import said

ROOT = Path(__file__).resolve().parents[2]
PROVINCE = ROOT / "criteria" / "par-province-2020.yaml"
MINIMAL = ROOT / "tests" / "fixtures" / "criteria" / "minimal.yaml"
TIER = "{at_least: 100, points: 1.5}, {at_least: 80, points: 0.75}"  # item 1.1.2 of par-province-2020


def corrected(tmp_path: Path, source: Path, *edits: tuple[str, str]) -> Path:
    """A copy of `source` with each text replaced once: the set corrected in place, under the same id."""
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / f"corrected-{source.name}"
    path.write_text(text, encoding="utf-8")
    return path


def review_rows(path: Path) -> list[tuple[str, str]]:
    """(item, message code) of each row of the new workbook's review sheet."""
    sheet = load_workbook(path, read_only=True)[SHEET_REVIEW]
    return [(str(row[0]), str(row[1])) for row in sheet.iter_rows(min_row=2, max_col=2, values_only=True)]


@pytest.fixture
def filled(cli, tmp_path: Path) -> Path:
    """A workbook of the bundled 2020 provincial set, every item filled (N/A marks, self-scores, evidence…)."""
    path = tmp_path / "so-da-dien.xlsx"
    result = cli("template", "par-province-2020", "-o", str(path), "--unit", "UBND tỉnh Thử nghiệm",
                 "--year", "2021", "--prepared-by", "Nguyễn Văn A", "--block", "Cấp tỉnh thử")
    assert result.code == 0, result.err
    fill_workbook(path, random_fill(load_criteria("par-province-2020"), seed=23))
    return path


def test_one_tier_corrected_carries_everything_and_names_the_changed_item(cli, tmp_path, filled):
    new_set = corrected(tmp_path, PROVINCE, (TIER, TIER.replace("at_least: 80", "at_least: 90")))
    before, stat = filled.read_bytes(), filled.stat()
    refused = cli("score", str(filled), "--criteria", str(new_set))  # PS520 points at the way out
    assert refused.code == 1 and "PS520" in refused.err and "--from" in refused.err
    out = tmp_path / "so-moi.xlsx"

    result = cli("template", str(new_set), "--from", str(filled), "-o", str(out))

    assert result.code == 0, result.err
    assert filled.read_bytes() == before and filled.stat().st_mtime_ns == stat.st_mtime_ns  # only read
    assert review_rows(out) == [("1.1.2", "PW472")]  # the one item corrected, and nothing else
    text = said(result.err)
    assert "PW472 1.1.2:" in text and "80%" in text and "90%" in text
    old, new = score_workbook(filled, None, {}), score_workbook(out, str(new_set), {})
    assert (new.unit, new.year, new.level, new.block) == (old.unit, old.year, old.level, old.block)
    assert read_evidence(out).info["prepared_by"] == "Nguyễn Văn A"
    assert read_evidence(out).info["fingerprint"] == load_criteria(str(new_set)).fingerprint()
    for was, now in zip(old.items, new.items, strict=True):
        if was.item.code != "1.1.2":  # unchanged items score the same, from the same cells as typed
            assert (now.status, now.points, now.value, now.self_score, now.appraised, now.evidence,
                    now.explanation) == (was.status, was.points, was.value, was.self_score, was.appraised,
                                         was.evidence, was.explanation), was.item.code
    changed = {s.item.code: s for s in new.items}["1.1.2"]
    assert changed.value == {s.item.code: s for s in old.items}["1.1.2"].value  # carried, flagged, rescored
    assert cli("score", str(out), "--criteria", str(new_set)).code in (0, 1)


def test_the_same_set_again_carries_all_and_has_nothing_to_review(cli, tmp_path, filled):
    out = tmp_path / "lai.xlsx"
    result = cli("template", "par-province-2020", "--from", str(filled), "-o", str(out))
    assert result.code == 0, result.err
    assert "Không có gì cần xem lại" in said(result.out)
    assert SHEET_REVIEW not in load_workbook(out, read_only=True).sheetnames
    old, new = score_workbook(filled, None, {}), score_workbook(out, None, {})
    assert [(s.status, s.points, s.value) for s in new.items] == [(s.status, s.points, s.value) for s in old.items]
    assert (new.score, new.self_score, len(new.errors), len(new.warnings)) == \
           (old.score, old.self_score, len(old.errors), len(old.warnings))


def test_a_workbook_made_in_english_is_compared_by_its_words_in_either_language(cli, tmp_path):
    old = tmp_path / "en.xlsx"
    assert cli("template", "par-province-2020", "-o", str(old), "--lang", "en").code == 0
    fill_workbook(old, random_fill(load_criteria("par-province-2020"), seed=5))
    new_set = corrected(tmp_path, PROVINCE, (TIER, TIER.replace("at_least: 80", "at_least: 90")))
    out = tmp_path / "vi.xlsx"
    result = cli("template", str(new_set), "--from", str(old), "-o", str(out))
    assert result.code == 0, result.err
    assert review_rows(out) == [("1.1.2", "PW472")]


def test_added_removed_refused_and_changed_are_each_named(cli, tmp_path):
    old = tmp_path / "cu.xlsx"
    assert cli("template", str(MINIMAL), "-o", str(old), "--unit", "Sở Tư pháp").code == 0
    fill_workbook(old, {
        "1.1.1": {"value": "Có", "self_score": 1, "evidence": "KH 12/KH-STP"},
        "1.1.2": {"value": "Dưới 80%", "explanation": "chưa đạt"},
        "1.1.3": {"not_applicable": "x", "explanation": "không có cơ quan trực thuộc"},
        "2.1.1": {"value": "95,5%", "evidence": "BC 7"},
        "2.1.3": {"value": 3, "evidence": "QĐ 40"},
    })
    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    planning, procedures = data["areas"]
    first, second, third = planning["criteria"][0]["items"]
    first["max"], third["max"] = 0.5, 2  # 1.1.1: 1 → 0,5; 1.1.3: 1,5 → 2
    del third["not_applicable"]  # 1.1.3 may no longer be marked N/A
    second["rule"]["options"][2]["label"] = "Chưa đạt 80%"  # 1.1.2: the label typed is renamed
    moved = procedures["criteria"][0]["items"].pop()  # 2.1.3 moved to 2.2.3: removed, and added
    procedures["criteria"][1]["items"].append({**moved, "code": "2.2.3"})
    procedures["criteria"][0]["max"], procedures["criteria"][1]["max"] = 3, 3
    procedures["criteria"][0]["items"][1]["rule"]["per"] = 0.5  # 2.1.2 changed, but nothing was typed: not listed
    new_set = tmp_path / "corrected.yaml"
    new_set.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "moi.xlsx"
    result = cli("template", str(new_set), "--from", str(old), "-o", str(out))
    assert result.code == 0, result.err
    assert review_rows(out) == [
        ("1.1.1", "PW472"), ("1.1.1", "PW473"),  # max lowered: the self-score 1 no longer fits
        ("1.1.2", "PW472"), ("1.1.2", "PW473"),  # the label typed is gone: not carried
        ("1.1.3", "PW472"), ("1.1.3", "PW473"),  # the N/A mark is refused
        ("2.2.3", "PW470"),  # added
        ("2.1.3", "PW471"),  # removed, with what it held
    ]
    text = said(result.err)
    assert "Điểm tự chấm '1'" in text and "'Dưới 80%'" in text and "Không áp dụng 'x'" in text
    assert "Kết quả: 3; Tài liệu kiểm chứng: QĐ 40" in text  # nothing lost silently
    assert f"{old.name} › Tự đánh giá!" in text  # each said at the filled workbook's cell
    rows = read_evidence(out).rows
    assert rows["1.1.1"].values["value"] == "Có" and rows["1.1.1"].values["self_score"] is None
    assert rows["1.1.1"].values["evidence"] == "KH 12/KH-STP"
    assert rows["1.1.2"].values["value"] is None and rows["1.1.2"].values["explanation"] == "chưa đạt"
    assert rows["1.1.3"].values["not_applicable"] is None
    assert rows["1.1.3"].values["explanation"] == "không có cơ quan trực thuộc"
    assert rows["2.1.1"].values["value"] == "95,5%"
    assert "2.1.3" not in rows and rows["2.2.3"].values["value"] is None


def test_a_lead_agencys_part_stays_that_agencys_part(cli, tmp_path):
    part = tmp_path / "so-noi-vu.xlsx"
    assert cli("template", str(MINIMAL), "--lead", "Sở Nội vụ", "-o", str(part), "--unit", "Sở Tư pháp").code == 0
    fill_workbook(part, {"1.1.1": {"value": "Có"}, "1.1.2": {"value": "Hoàn thành 100%"},
                         "1.1.3": {"value": "12%", "evidence": "BC 3"}})
    new_set = corrected(tmp_path, MINIMAL, ("{label: Hoàn thành từ 80%, points: 0.5}",
                                            "{label: Hoàn thành từ 80%, points: 0.75}"),
                        ("            not_applicable: true\n",  # 1.1.3 now led by another agency
                         "            not_applicable: true\n            lead: Sở Tư pháp\n"))
    out = tmp_path / "phan-moi.xlsx"
    result = cli("template", str(new_set), "--from", str(part), "-o", str(out))
    assert result.code == 0, result.err
    book = read_evidence(out)
    assert book.info["lead"] == "Sở Nội vụ" and book.info["unit"] == "Sở Tư pháp"
    assert {code for code in book.rows if code.count(".") == 2} == {"1.1.1", "1.1.2"}  # only the agency's items
    assert review_rows(out) == [("1.1.2", "PW472"), ("1.1.3", "PW471")]  # nothing listed as added
    assert "Kết quả: 12%; Tài liệu kiểm chứng: BC 3" in said(result.err)
    assert book.rows["1.1.2"].values["value"] == "Hoàn thành 100%"


def test_guards(cli, tmp_path, filled):
    out = tmp_path / "moi.xlsx"
    over_input = cli("template", "par-province-2020", "--from", str(filled), "-o", str(filled), "--force")
    assert over_input.code == 2 and "PE308" in over_input.err
    other = tmp_path / "khac.xlsx"
    other.write_bytes(filled.read_bytes())
    over_evidence = cli("template", "par-province-2020", "--from", str(filled), "-o", str(other), "--force")
    assert over_evidence.code == 2 and "PE309" in over_evidence.err
    options = cli("template", "par-province-2020", "--from", str(filled), "-o", str(out), "--unit", "X",
                  "--year", "2020")
    assert options.code == 2 and "PC740" in options.err and "--unit, --year" in said(options.err)
    earlier = corrected(tmp_path, PROVINCE, ("years: [2019, 2020, 2021]", "years: [2019, 2020]"))
    year = cli("template", str(earlier), "--from", str(filled), "-o", str(out))
    assert year.code == 2 and "PW412" in year.err and "Thông tin!" in year.err  # the workbook's 2021 is not its
    assert not out.exists()
    assert cli("template", "par-province-2020", "--from", str(filled), "-o", str(out)).code == 0
    again = cli("template", "par-province-2020", "--from", str(filled), "-o", str(out), "--force")
    assert again.code == 2 and "PE309" in again.err  # what was carried is someone's evidence now
    for result in (over_input, over_evidence, options, year, again):
        assert "Traceback" not in result.err + result.out
    assert os.path.getsize(filled) > 0


def test_a_workbook_of_another_level_is_refused(cli, tmp_path):
    old = tmp_path / "so.xlsx"
    assert cli("template", str(MINIMAL), "-o", str(old)).code == 0  # a department's set
    result = cli("template", "par-commune-2025", "--from", str(old), "-o", str(tmp_path / "xa.xlsx"))
    assert result.code == 1 and "PS542" in result.err and "Thông tin!" in result.err


def test_a_date_excel_made_of_typed_evidence_is_carried_as_the_officer_saw_it(cli, tmp_path, filled):
    """Excel turns '15/03/2024' typed into the evidence column into a date; carried into the new workbook's text
    cell it reads 15/03/2024, not the date's serial number (45366)."""
    from datetime import date, datetime

    from parindex.evidence.model import COLUMNS

    book = load_workbook(filled)
    sheet = book["Tự đánh giá"]
    evidence = list(COLUMNS).index("evidence") + 1
    rows = [row for row in range(2, sheet.max_row + 1) if str(sheet.cell(row, 1).value or "").count(".") == 2][:2]
    sheet.cell(rows[0], evidence).value = date(2024, 3, 15)
    sheet.cell(rows[1], evidence).value = datetime(2024, 3, 15, 8, 30)
    book.save(filled)
    out = tmp_path / "moi.xlsx"
    assert cli("template", "par-province-2020", "--from", str(filled), "-o", str(out)).code == 0
    carried = load_workbook(out)["Tự đánh giá"]
    assert [carried.cell(row, evidence).value for row in rows] == ["15/03/2024", "15/03/2024 08:30"]
