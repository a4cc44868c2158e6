"""The ranking an office publishes, end to end on the synthetic two-tier province (evidence_samples/
synthetic-province-2026: 14 departments, 45 wards, 68 communes and special zones; one survey table per block;
last year's results as score JSON): per block, graded, compared with last year, in every format."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from parindex.evidence.reader import read_evidence
from parindex.io.xlsx_print import text_lines

PROVINCE = Path(__file__).resolve().parents[2] / "evidence_samples" / "synthetic-province-2026"
BLOCKS = {"so": ("Sở", 14), "phuong": ("Phường", 45), "xa": ("Xã, đặc khu", 68)}


def province_args(*extra: str) -> list[str]:
    args = ["score", *(str(PROVINCE / key) for key in BLOCKS)]
    for key in BLOCKS:
        args += ["--survey", str(PROVINCE / f"dieu-tra-{key}-2026.xlsx"),
                 "--previous", str(PROVINCE / f"ket-qua-2025-{key}.json")]
    return args + list(extra)


def run(*argv: str, lang: str = "vi") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "parindex", "--lang", lang, *argv], capture_output=True, text=True,
                          encoding="utf-8", check=False)


@pytest.fixture(scope="module")
def report() -> dict:
    done = run(*province_args("--format", "json"))
    assert done.returncode == 1, done.stderr  # the planted slips are errors
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("xlsx") / "xep-hang-2026.xlsx"
    done = run(*province_args("-o", str(out)))
    assert done.returncode == 1 and out.is_file(), done.stderr
    return out


def test_the_province_ranks_per_block_with_grades_and_changes(report: dict) -> None:
    ranking = report["ranking"]
    assert list(ranking[0]) == ["block", "rank", "unit", "score", "max", "percent", "band", "previous_rank",
                                "rank_change", "notes"]
    blocks = [row["block"] for row in ranking]
    assert list(dict.fromkeys(blocks)) == [name for name, _ in BLOCKS.values()]
    for name, count in BLOCKS.values():
        rows = [row for row in ranking if row["block"] == name]
        assert len(rows) == count and rows[0]["rank"] == 1
        assert [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)
        assert all(r["previous_rank"] is not None for r in rows), "last year had the same units"
        assert {r["rank_change"] for r in rows} - {0} and all(
            r["rank_change"] == r["previous_rank"] - r["rank"] for r in rows)
        assert {r["band"] for r in rows} <= {"Nhóm A", "Nhóm B", None}
        assert all((r["band"] == "Nhóm A") == (r["percent"] >= 90) for r in rows if r["percent"] != 90)
    assert any(r["band"] == "Nhóm B" for r in ranking) and any(r["band"] is None for r in ranking)
    errors = {u["unit"] for u in report["units"] if u["errors"]}
    assert len(errors) == 3 and all(any("lỗi" in n for n in r["notes"]) == (r["unit"] in errors) for r in ranking)
    inspectorate = next(r for r in ranking if r["unit"].startswith("Thanh tra tỉnh"))
    assert any("tối đa giảm" in n for n in inspectorate["notes"])
    assert report["ranking_gone"] == []


def test_a_unit_new_this_year_and_one_gone(tmp_path: Path) -> None:
    """Last year's file edited by hand as a published ranking is typed: one unit renamed since."""
    last = json.loads((PROVINCE / "ket-qua-2025-so.json").read_text(encoding="utf-8"))
    rows = [{k: r[k] for k in ("unit", "rank", "score")} for r in last["ranking"]]
    rows[0]["unit"] = "Sở Đã Sáp Nhập"
    previous = tmp_path / "ket-qua-2025.json"
    previous.write_text(json.dumps({"ranking": rows}, ensure_ascii=False), encoding="utf-8")
    done = run("score", str(PROVINCE / "so"), "--survey", str(PROVINCE / "dieu-tra-so-2026.xlsx"),
               "--previous", str(previous), "-f", "md")
    assert "mới" in done.stdout and "Có trong kết quả năm trước, không có năm nay: Sở Đã Sáp Nhập" in done.stdout


def test_the_xlsx_opens_on_the_ranking_and_prints_on_a4_landscape(workbook: Path) -> None:
    book = load_workbook(workbook)
    sheet = book.worksheets[0]
    assert sheet.title == "Xếp hạng đơn vị" and book.active.title == sheet.title
    assert sheet["A1"].value == ("Kết quả xác định Chỉ số CCHC năm 2026 của các đơn vị khối Sở, khối Phường và "
                                 "khối Xã, đặc khu")
    # no Khối column: each section's heading names its block
    assert [c.value for c in sheet[3]][:12] == ["STT", "Đơn vị", "Điểm", "Tối đa", "Tỷ lệ %", "Xếp loại",
                                               "Xếp hạng", "Hạng năm trước", "Điểm năm trước", "Thay đổi", "LV1 %",
                                               "LV2 %"]
    first = [c.value for c in sheet[5]]
    assert isinstance(first[7], int) and isinstance(first[8], float) and first[9].startswith(("▲", "▼", "="))
    assert sheet[5][9].alignment.horizontal == "center", "the change is not run into last year's score"
    sections = [row[0].value for row in sheet.iter_rows(min_row=4) if str(row[0].value or "").startswith("Khối")]
    assert sections == ["Khối Sở (14 đơn vị)", "Khối Phường (45 đơn vị)", "Khối Xã, đặc khu (68 đơn vị)"]
    # the LV columns named under the title, on every printed page; the notes set off from the LV8 figure
    legend = sheet["A2"].value.splitlines()[-1]
    assert legend.startswith("Các cột lĩnh vực") and "LV1 %: Công tác chỉ đạo" in legend and "LV8 %: " in legend
    notes = sheet[5][len(sheet[3]) - 1]
    assert sheet[3][-1].value == "Ghi chú" and notes.alignment.indent >= 1 and notes.alignment.horizontal == "left"
    longest = max((str(c.value) for c in sheet["B"][4:] if c.value and not str(c.value).startswith("Khối")), key=len)
    assert text_lines(longest, sheet.column_dimensions["B"].width) <= 2, "unit names read whole, wrapped at most once"
    assert all(c.font.name == "Times New Roman" for row in sheet.iter_rows(max_row=20) for c in row if c.value)
    assert sheet[3][0].alignment.wrap_text
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == ("landscape", 9, 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_title_rows == "$1:$3"
    assert "&P" in sheet.oddFooter.center.text
    # a unit's sheet compact (at most two A4 pages for the synthetic province's units): landscape, one page wide,
    # the header alone repeated, each item's name and status wrapped at most once ("không tự chấm" on one line)
    unit_sheet = book.worksheets[1]
    unit_setup = unit_sheet.page_setup
    assert (unit_setup.orientation, unit_setup.fitToWidth, unit_setup.fitToHeight) == ("landscape", 1, 0)
    assert unit_sheet.sheet_properties.pageSetUpPr.fitToPage and unit_sheet.print_title_rows == "$3:$3"
    assert text_lines("không tự chấm", unit_sheet.column_dimensions["H"].width) == 1
    for column, lines in (("B", 2), ("H", 2)):
        longest = max((str(c.value) for c in unit_sheet[column][3:] if c.value and not c.font.b), key=len)
        assert text_lines(longest, unit_sheet.column_dimensions[column].width) <= lines, column


def test_the_screen_shows_the_ranking_then_a_line_per_unit_with_problems() -> None:
    args = ["score", str(PROVINCE / "so"), "--survey", str(PROVINCE / "dieu-tra-so-2026.xlsx"),
            "--previous", str(PROVINCE / "ket-qua-2025-so.json")]
    brief = run(*args).stdout
    lines = brief.splitlines()
    assert "Thành phần điểm" not in brief, "no unit's full tables without --details"
    assert "DỰNG LẠI" in brief, "the reconstructed set is said even when no unit's tables are shown"
    assert lines[0] == "Lần chấm này" and "  Số đơn vị theo khối: Sở: 14" in lines, "the run's summary opens it"
    start = next(i for i, line in enumerate(lines) if not line.strip())
    assert lines[start + 1].startswith("Xếp hạng đơn vị — Khối Sở")
    problems = [line for line in lines if line.startswith("  ") and ": " in line and "lỗi" in line]
    hint = next(i for i, line in enumerate(lines) if "--details" in line)
    assert problems and lines.index(problems[0]) > hint > start + 14, \
        "the ranking first, then a line per unit with problems"
    assert len(lines) < 60 + start, "14 departments, a line each"
    detailed = run(*args, "--details").stdout
    assert detailed.count("Thành phần điểm") == 14 and "Xếp hạng đơn vị — Khối Sở" in detailed


def test_csv_holds_the_ranking_for_excel_with_vietnamese_settings(tmp_path: Path) -> None:
    out = tmp_path / "xep-hang.csv"
    run("score", str(PROVINCE / "so"), "--survey", str(PROVINCE / "dieu-tra-so-2026.xlsx"), "-o", str(out))
    raw = out.read_bytes()
    assert raw.startswith("\ufeffLần chấm này\r\n".encode()) and "\r\n\r\nĐơn vị;".encode() in raw, \
        "the run's summary, then the items"
    text = raw.decode("utf-8-sig")
    ranking = text.split("\r\n\r\n", 2)[2]
    rows = list(csv.reader(io.StringIO(ranking), delimiter=";"))
    assert rows[0][:9] == ["STT", "Đơn vị", "Khối", "Điểm", "Tối đa", "Tỷ lệ %", "Xếp loại", "Xếp hạng", "Thay đổi"]
    data = [row for row in rows[1:] if len(row) > 3]
    assert len(data) == 14 and all("," in row[3] and "." not in row[3] for row in data if row[3] != "0")
    assert "True" not in text and "False" not in text and (";Có;" in text or ";Không;" in text)


def test_markdown_carries_errors_and_warnings() -> None:
    done = run("score", str(PROVINCE / "so"), "--survey", str(PROVINCE / "dieu-tra-so-2026.xlsx"), "-f", "md")
    assert "**Lỗi trong sổ (1)**" in done.stdout and "**Cảnh báo (" in done.stdout and "PS540" in done.stdout
    assert "| STT | Đơn vị | Khối |" in done.stdout and "| Trạng thái |" in done.stdout


def test_blocks_ranked_together_as_tuyen_quang_ranks_communes_and_wards() -> None:
    done = run("score", str(PROVINCE / "phuong"), str(PROVINCE / "xa"), "--together", "Phường,Xã, đặc khu",
               "-f", "json")
    ranking = json.loads(done.stdout)["ranking"]
    assert {r["block"] for r in ranking} == {"Phường, Xã, đặc khu"} and len(ranking) == 45 + 68
    wrong = run("score", str(PROVINCE / "phuong"), "--together", "Phường,Huyện")
    assert wrong.returncode == 2 and "PC731" in wrong.stderr and "Phường" in wrong.stderr
    assert "PC732" in run("score", str(PROVINCE / "phuong"), "--together", "Phường").stderr


def test_a_bad_previous_file_stops_the_run_before_any_workbook_is_read(tmp_path: Path) -> None:
    bad = tmp_path / "cu.json"
    bad.write_text('{"ranking": [{"unit": "A", "rank": "một"}]}', encoding="utf-8")
    done = run("score", str(PROVINCE / "so"), "--previous", str(bad), lang="en")
    assert done.returncode == 2 and "PS572" in done.stderr and "$.ranking[0].rank" in done.stderr
    assert "Traceback" not in done.stderr


def test_template_writes_the_block(tmp_path: Path) -> None:
    ward, default = tmp_path / "phuong.xlsx", tmp_path / "xa.xlsx"
    assert run("template", "par-commune-2025", "-o", str(ward), "--block", "Phường").returncode == 0
    assert run("template", "par-commune-2025", "-o", str(default)).returncode == 0
    assert read_evidence(ward).info["block"] == "Phường"
    assert read_evidence(default).info["block"] == "Cấp xã", "default: the set's level in words"
    blank = run("template", "par-commune-2025", "-o", str(tmp_path / "b.xlsx"), "--block", " ")
    assert blank.returncode == 2 and "PC730" in blank.stderr


def test_only_an_unknown_together_block_is_pc731(monkeypatch: pytest.MonkeyPatch) -> None:
    """A KeyError from anywhere else in the ranking is a fault to report, not 'no block named …' sent to an
    officer who may not even have used --together."""
    from parindex.scoring import ranking
    from parindex.scoring.run_plan import plan_run

    def broken(units: object) -> None:
        raise KeyError("LV1")

    monkeypatch.setattr(ranking, "shared_areas", broken)
    with pytest.raises(KeyError, match="LV1"):
        plan_run([]).rank([])
