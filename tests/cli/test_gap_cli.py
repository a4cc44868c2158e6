"""`parindex gap` end to end through `parindex.cli.app.run`: outputs, exit codes, files, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from parindex.criteria.files import load_criteria
from tests.gap_samples import item, score_result, write_result
from tests.output import said

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "evidence_samples" / "bac-giang-2020.xlsx"


def reconstructed() -> bool:
    cset = load_criteria("par-province-2020")
    return cset.status == "reconstructed" or cset.provisional_count() > 0


def no_traceback(result) -> None:
    assert "Traceback" not in result.out + result.err


# --- without a workbook -----------------------------------------------------------------------------------

def test_bac_giang_2020_table(cli) -> None:
    result = cli("gap", "--year", "2020", "--unit", "Bắc Giang")
    assert result.code == 0, result.err
    out = said(result.out)
    for words in ("thứ 13/63", "9,57", "0,71", "4,14", "14,42", "thiếu 0,16", "Phú Thọ", "85,74", "86,77",
                  "91,04", "83,72", "58", "Sở Tài chính", "80,78%", "87,26%", "tăng 12 bậc", "Bắc Ninh"):
        assert words in out, words
    if reconstructed():
        assert "DỰNG LẠI" in out
    no_traceback(result)


def test_default_unit_is_the_home_unit(cli) -> None:
    default = json.loads(cli("gap", "--year", "2020", "--format", "json").out)
    named = json.loads(cli("gap", "--year", "2020", "--unit", "ubnd tinh bac giang", "--format", "json").out)
    assert default["unit"] == named["unit"] == "Bắc Giang"
    assert default["official"] == named["official"]


def test_json_output(cli) -> None:
    result = cli("gap", "--year", "2020", "--unit", "Tỉnh Bắc Giang", "--format", "json", "--target-rank", "10")
    assert result.code == 0
    data = json.loads(result.out)
    official = data["official"]
    assert official["rank"]["value"] == 13 and official["total"]["value"] == 85.58
    assert official["total"]["status"] == "seed"
    assert official["total"]["source"].startswith("seeds/bac-giang-ke-hoach-nang-cao-par-index-2021.txt")
    assert [c["lost"] for c in official["components"]] == [9.57, 0.71, 4.14]
    assert data["target"]["needed"] == 0.16
    assert data["criteria"]["reconstructed"] == (data["criteria"]["status"] == "reconstructed")
    if reconstructed():
        assert data["criteria"]["warning"]
    assert any(n["key"] == "ui.gap.merger" for n in data["notes"])


def test_english(cli) -> None:
    result = cli("gap", "--year", "2020", "--lang", "en")
    assert result.code == 0
    assert "Points lost" in result.out and "rank 13/63" in said(result.out)


def test_markdown_to_stdout_and_to_a_file(cli, tmp_path: Path) -> None:
    result = cli("gap", "--year", "2020", "--format", "md", "--target-rank", "10")
    assert result.code == 0 and result.out.lstrip().startswith(">")
    assert "## II. NỘI DUNG KHẮC PHỤC" in result.out
    plan = tmp_path / "plan.md"
    assert cli("gap", "--year", "2020", "--format", "md", "-o", str(plan)).code == 0
    first = plan.read_bytes()
    again = cli("gap", "--year", "2020", "--format", "md", "-o", str(plan))
    assert again.code == 2 and "PC701" in again.err
    assert plan.read_bytes() == first
    assert cli("gap", "--year", "2020", "--format", "md", "-o", str(plan), "--force").code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]  # no temporary file left behind


def test_xlsx_needs_a_file_and_is_a_workbook(cli, tmp_path: Path) -> None:
    result = cli("gap", "--year", "2020", "--format", "xlsx")
    assert result.code == 2 and "PC703" in result.err
    out = tmp_path / "gap.xlsx"
    current = write_result(tmp_path / "now.json", score_result())
    assert cli("gap", str(current), "--year", "2020", "--format", "xlsx", "-o", str(out)).code == 0
    from openpyxl import load_workbook

    book = load_workbook(out, read_only=True)
    assert book.sheetnames == ["Tổng quan", "Lĩnh vực", "Điểm có thể khôi phục", "Theo cơ quan", "Chưa nhập"]
    rows = list(book["Theo cơ quan"].iter_rows(values_only=True))
    assert rows[1][0] == "Sở Tài chính" and rows[1][2] == 1.75
    blank = list(book["Chưa nhập"].iter_rows(values_only=True))
    assert [row[0] for row in blank[1:]] == ["1.5.1"]
    summary = [cell for row in book["Tổng quan"].iter_rows(values_only=True) for cell in row if cell]
    # every status in Vietnamese, every source a citation, never a path on this machine
    assert not {"missing", "scored", "seed", "confirmed", "derived", "reconstructed"} & set(summary)
    assert not any(str(cell).startswith(("/", str(REPO))) for cell in summary)


def test_chart(cli, tmp_path: Path) -> None:
    chart = tmp_path / "areas.png"
    assert cli("gap", "--year", "2020", "--chart", str(chart)).code == 0
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    again = cli("gap", "--year", "2020", "--chart", str(chart))
    assert again.code == 2 and "PC701" in again.err
    now = tmp_path / "now.png"
    current = write_result(tmp_path / "now.json", score_result())
    assert cli("gap", str(current), "--year", "2020", "--chart", str(now), "--format", "json").code == 0
    assert now.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize(("argv", "code", "words"), [
    (["gap", "--year", "2020", "--unit", "Bac Gaing"], "PG401", "Bắc Giang"),
    (["gap", "--year", "2020", "--unit", "Bắc Ninh"], "PG404", "Bắc Giang"),
    (["gap", "--year", "2031"], "PG403", "2019"),
    (["gap", "--year", "2020", "--format", "csv"], "PC702", "table"),
    (["gap", "--year", "2020", "--target-rank", "70"], "PG411", "63"),
    (["gap", "--year", "2020", "--baseline", "x.json"], "PG409", "--baseline"),
    (["gap", "missing.json", "--year", "2020"], "PE300", "missing.json"),
])
def test_errors_are_catalogue_messages_with_exit_2(cli, argv: list[str], code: str, words: str) -> None:
    result = cli(*argv)
    assert result.code == 2, result.out + result.err
    assert code in result.err and words in result.err
    no_traceback(result)


def test_year_is_required(cli) -> None:
    result = cli("gap")
    assert result.code == 2
    no_traceback(result)


# --- with a score result ----------------------------------------------------------------------------------

def test_score_json_projection_and_target(cli, tmp_path: Path) -> None:
    current = write_result(tmp_path / "now.json", score_result())
    result = cli("gap", str(current), "--year", "2020", "--target-rank", "5", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    projection = data["projection"]
    assert projection["assumption"] is True
    assert projection["total"] == 86.15
    assert [(a["id"], a["value"], a["from"]) for a in projection["assumed"]] == [
        ("sipas", 9.29, "baseline 2020"), ("survey", 19.36, "baseline 2020")]
    # 1.5.1 has no value: not lost, listed apart; the target is measured from the projection's high end
    assert data["completeness"] == {"items": 5, "entered": 4, "not_entered": 1}
    assert [i["code"] for i in data["not_entered"]] == ["1.5.1"]
    assert (projection["range"]["low"]["total"], projection["range"]["high"]["total"]) == (86.15, 87.86)
    assert data["target"]["selection"] == [] and data["target"]["needed"] == 0
    assert [b["lead"] for b in data["by_lead"]] == ["Sở Tài chính", "Văn phòng UBND tỉnh"]


def test_assumptions_are_read_as_typed_and_labelled(cli, tmp_path: Path) -> None:
    current = write_result(tmp_path / "now.json", score_result())
    result = cli("gap", str(current), "--year", "2020", "--assume-sipas", "9,5", "--assume-survey", "20",
                 "--format", "json")
    data = json.loads(result.out)
    assert data["projection"]["total"] == 87
    assert {a["from"] for a in data["projection"]["assumed"]} == {"option"}
    table = cli("gap", str(current), "--year", "2020", "--assume-sipas", "9.5")
    words = said(table.out)
    assert words.count("GIẢ") >= 2 and "(--assume-sipas)" in words and "ĐỊNH = năm 2020)" in words
    bad = cli("gap", str(current), "--year", "2020", "--assume-sipas", "chín")
    assert bad.code == 2 and "PG417" in bad.err
    over = cli("gap", str(current), "--year", "2020", "--assume-survey", "30")
    assert over.code == 2 and "PG406" in over.err


def test_item_by_item_against_an_earlier_scoring(cli, tmp_path: Path) -> None:
    current = write_result(tmp_path / "now.json", score_result())
    earlier = write_result(tmp_path / "before.json", score_result(criteria="par-province-2019x", year="2020", items=[
        item("1.1.1", 0.5, 1), item("1.5.1", 1, 1.5), item("2.9.9", 1, 1), item("3.3.1", 1.5, 1.5)]))
    result = cli("gap", str(current), "--year", "2020", "--baseline", str(earlier), "--format", "json")
    assert result.code == 0, result.err
    cmp = json.loads(result.out)["comparison"]
    assert [c["code"] for c in cmp["max_changed"]] == ["1.5.1"]
    assert [c["code"] for c in cmp["removed"]] == ["2.9.9"]
    assert "6.2.1" in [c["code"] for c in cmp["added"]]
    table = said(cli("gap", str(current), "--year", "2020", "--baseline", str(earlier)).out)
    assert "đổi điểm tối đa" in table and "tiêu chí bỏ" in table


def test_errors_in_the_input_exit_1_and_are_listed(cli, tmp_path: Path) -> None:
    errors = [{"code": "PW443", "item": "1.5.1", "cell": "Tự đánh giá!E9", "message": "giá trị ngoài khoảng"}]
    current = write_result(tmp_path / "now.json", score_result(errors=errors))
    result = cli("gap", str(current), "--year", "2020")
    assert result.code == 1
    assert "PW443" in result.out


def test_a_json_that_is_not_a_score_result(cli, tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text('{"hello": 1}', encoding="utf-8")
    result = cli("gap", str(other), "--year", "2020")
    assert result.code == 2 and "PG414" in result.err
    broken = tmp_path / "broken.json"
    broken.write_text('{"unit": ', encoding="utf-8")
    assert "PG414" in cli("gap", str(broken), "--year", "2020").err


@pytest.mark.skipif(not SAMPLE.exists(), reason="no sample workbook in this checkout")
def test_the_sample_workbook_to_a_plan(cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    result = cli("gap", str(SAMPLE), "--year", "2020", "--target-rank", "10", "--format", "md", "-o", str(plan))
    assert result.code in (0, 1), result.err
    text = plan.read_text(encoding="utf-8")
    assert "## IV. ĐIỂM CÓ THỂ KHÔI PHỤC THEO CƠ QUAN CHỦ TRÌ" in text
    assert "## III. NỘI DUNG CHƯA CÓ SỐ LIỆU TỰ CHẤM" in text
    assert "| **Tổng** |" in text
    assert "GIẢ ĐỊNH" in text
    # the 33 items nobody has entered are not "to remedy": none is listed under a) of section II
    remedy = text[text.index("## II."):text.index("## III.")]
    assert "chưa nhập kết quả, tính 0 điểm" not in remedy and "1.1.1" not in remedy
    assert "Sổ còn 33/51 tiêu chí" in text and "Chỉ số dự báo từ 40,40 đến" in text
    data = json.loads(cli("gap", str(SAMPLE), "--year", "2020", "--format", "json").out)
    assert data["completeness"] == {"items": 51, "entered": 18, "not_entered": 33}
    assert len(data["not_entered"]) == 33 and not {i["code"] for i in data["not_entered"]} & {
        i["code"] for i in data["recoverable"]}
    ends = data["projection"]["range"]
    assert ends["low"]["total"] == 40.4 and ends["high"]["total"] > ends["low"]["total"]
    assert ends["low"]["label"].startswith("Mức thấp") and ends["high"]["label"].startswith("Mức cao")
    no_traceback(result)


def test_registering_gap_imports_nothing_heavy() -> None:
    code = ("import sys; from parindex.cli.app import create_app; create_app(); "
            "heavy = [m for m in ('matplotlib', 'parindex.gap.analysis', 'parindex.baseline.files', 'pandas') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO).stdout
    assert out.strip() == "[]"


def test_the_table_goes_to_a_file_with_o(cli, tmp_path: Path) -> None:
    out = tmp_path / "gap.txt"
    result = cli("gap", "--year", "2020", "-o", str(out))
    assert result.code == 0 and str(out) in result.out
    text = out.read_text(encoding="utf-8")
    assert "85,58/100" in text and "\x1b[" not in text  # the tables, as plain text
    assert "85,58/100" not in result.out


def test_a_chart_is_refused_before_any_work_when_it_cannot_be_written(cli, tmp_path: Path, monkeypatch) -> None:
    plan = tmp_path / "plan.md"
    same = cli("gap", "--year", "2020", "-f", "md", "-o", str(plan), "--chart", str(plan))
    assert same.code == 2 and "PG418" in same.err and not plan.exists()


def test_text_from_an_earlier_result_is_not_read_as_markup(cli, tmp_path: Path) -> None:
    current = write_result(tmp_path / "now.json", score_result())
    earlier = write_result(tmp_path / "before.json", score_result(criteria="bộ [/] cũ", year="2019 [bản sửa]"))
    result = cli("gap", str(current), "--year", "2020", "--baseline", str(earlier))
    assert result.code == 0, result.err
    assert "2019 [bản sửa]" in result.out and "bộ [/] cũ" in result.out


def test_a_year_without_published_area_figures_still_has_the_areas_of_the_set(cli, tmp_path: Path) -> None:
    current = write_result(tmp_path / "now.json", score_result(year="2022"))
    argv = ["gap", str(current), "--year", "2022", "--assume-sipas", "9", "--assume-survey", "19"]
    report = json.loads(cli(*argv, "-f", "json").out)
    codes = sorted(int(area["code"]) for area in report["official"]["areas"])
    assert codes == list(range(1, 9))
    plan = cli(*argv, "-f", "md").out
    assert "### 1. Lĩnh vực" in plan and "()" not in plan


def test_a_result_of_a_set_that_is_not_bundled_keeps_its_provisional_count(cli, tmp_path: Path) -> None:
    current = write_result(tmp_path / "now.json", score_result(criteria="par-province-2020-sua", year="2020"))
    result = cli("gap", str(current), "--year", "2020", "-f", "json", "--lang", "en")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["criteria"]["provisional"] == 3  # as the result file says, not 0
    assert any("3 provisional values" in note["message"] for note in report["notes"])


def test_an_absurd_number_in_a_result_file_is_named_not_a_crash(cli, tmp_path: Path) -> None:
    data = score_result(year="2020")
    data["items"][0]["score"] = 1e40
    result = cli("gap", str(write_result(tmp_path / "now.json", data)), "--year", "2020")
    assert result.code == 2 and "PG414" in result.err and "items.0.score" in result.err


def test_what_the_projection_needs_is_said_at_once_and_in_its_own_words(cli, tmp_path: Path) -> None:
    current = write_result(tmp_path / "now.json", score_result(year="2022"))
    both = cli("gap", str(current), "--year", "2022", "--lang", "en")
    assert both.code == 2 and "PG405" in both.err and "--assume-sipas" in both.err and "--assume-survey" in both.err
    ambiguous = cli("gap", str(current), "--year", "2022", "--assume-sipas", "9.999", "--assume-survey", "19")
    assert ambiguous.code == 2 and "PG417" in ambiguous.err and "9999" in ambiguous.err  # both readings named
    rank = cli("gap", "--year", "2020", str(current), "--target-rank", "64", "--lang", "en")
    assert rank.code == 2 and "a rank is 1 to 63" in rank.err


def test_a_result_without_a_survey_part_is_projected_with_the_baseline_survey(cli, tmp_path: Path) -> None:
    data = score_result(year="2020")
    data["components"] = [c for c in data["components"] if c["id"] != "survey"]
    report = json.loads(cli("gap", str(write_result(tmp_path / "now.json", data)), "--year", "2020", "-f",
                            "json").out)
    assumed = {a["id"]: a for a in report["projection"]["assumed"]}
    assert set(assumed) == {"sipas", "survey"} and assumed["survey"]["from"] == "baseline 2020"
    parts = [p["score"] for p in report["projection"]["self_assessed"]] + [a["value"] for a in assumed.values()]
    assert report["projection"]["total"] == pytest.approx(sum(parts))


# --- a year without area figures says so, in every output ------------------------------------------------

def test_a_year_without_area_figures_says_so(cli, tmp_path: Path, monkeypatch) -> None:
    plan = cli("gap", "--year", "2023", "--format", "md").out
    section = plan[plan.index("## II."):plan.index("## III.")]
    assert "không có thứ hạng, điểm theo lĩnh vực của Bắc Giang" in section and "()" not in section
    assert section.count("### ") == 8 and "Giao Sở Tư pháp chủ trì" in section  # the areas of QĐ 876, with leads
    assert "về thứ hạng" not in plan and "thứ hạng giữ nguyên" in plan  # 2022 and 2023: both 4th
    table = said(cli("gap", "--year", "2023").out)
    assert "không có thứ hạng, điểm theo lĩnh vực" in table and "confirmed" not in table
    assert "Hạng 2023" not in table  # no column of blanks
    from parindex.gap import chart as chart_module

    drawn = []
    words_only = chart_module._words_only
    monkeypatch.setattr(chart_module, "_words_only",
                        lambda plt, report: drawn.append(report) or words_only(plt, report))
    png = tmp_path / "areas.png"
    assert cli("gap", "--year", "2023", "--chart", str(png)).code == 0
    assert drawn and png.read_bytes()[:4] == b"\x89PNG"  # drawn as words, not an empty axis


def test_2024_hai_phong_first_against_the_national_average(cli) -> None:
    result = cli("gap", "--year", "2024", "--unit", "Hải Phòng")
    assert result.code == 0, result.err
    words = said(result.out)
    assert "Tổng điểm 96,17/100 · thứ 1/63" in words and "Trung bình cả nước │ │ 88,37" in words
    data = json.loads(cli("gap", "--year", "2024", "--unit", "Hải Phòng", "--format", "json").out)
    assert (data["official"]["total"]["value"], data["official"]["rank"]["value"]) == (96.17, 1)
    average = next(th for th in data["official"]["thresholds"] if th["kind"] == "average")
    assert (average["score"], average["status"]) == (88.37, "confirmed")
    assert data["official"]["total"]["source"].startswith("https://")  # a citation, with its status
    assert len(data["official"]["areas"]) == 8  # the areas of QĐ 876, named as the sources give them


# --- a workbook of another set than the year's ----------------------------------------------------------

@pytest.mark.skipif(not SAMPLE.exists(), reason="no sample workbook in this checkout")
def test_a_change_of_set_is_said_first(cli) -> None:
    argv = ("gap", str(SAMPLE), "--year", "2023", "--assume-survey", "20", "--assume-sipas", "9")
    plan = cli(*argv, "--format", "md").out
    first = plan.splitlines()[0]
    assert first.startswith("> Sổ tự chấm theo bộ tiêu chí par-province-2020, còn năm 2023 chấm theo bộ "
                            "par-province-2022")
    assert "Thành phần so theo mã: appraised, survey" in first and "thành phần sipas" in first
    data = json.loads(cli(*argv, "--format", "json").out)
    change = data["set_change"]
    assert [(a["workbook"], a["year"]) for a in change["areas_matched"]] == [("1", "1"), ("3", "3"), ("4", "4"),
                                                                            ("6", "6")]
    assert change["components_apart"] == ["sipas"] and data["notes"][0]["key"] == "ui.gap.set_changed"
    assert {(a["criteria"], a["code"]) for a in change["areas_apart"]} >= {("par-province-2022", "2"),
                                                                           ("par-province-2020", "2")}
    # the year's areas are the 2022 set's, and only matched areas carry the workbook's figures
    areas = {a["code"]: a for a in data["official"]["areas"]}
    assert areas["2"]["name"] == "Cải cách thể chế" and areas["2"]["now"] is None and areas["3"]["now"]
    words = said(cli(*argv).out)
    assert words.index("hai bộ khác nhau") < words.index("Kết quả chính thức năm 2023")



@pytest.mark.skipif(not SAMPLE.exists(), reason="no sample workbook in this checkout")
def test_an_assumed_survey_is_on_the_compared_years_scale(cli) -> None:
    """The 2020 set's survey is out of 23,5; 2023's (QĐ 876) out of 32: 30 is a survey score that year."""
    argv = ("gap", str(SAMPLE), "--year", "2023", "--assume-sipas", "9", "--format", "json")
    data = json.loads(cli(*argv, "--assume-survey", "30").out)
    survey = next(a for a in data["projection"]["assumed"] if a["id"] == "survey")
    assert (survey["value"], survey["max"]) == (30, 32)
    over = cli(*argv, "--assume-survey", "33", "--lang", "en")
    assert over.code == 2 and "outside [0, 32]" in over.err


def test_the_same_set_says_nothing_of_a_change(cli, tmp_path: Path) -> None:
    current = write_result(tmp_path / "now.json", score_result())
    data = json.loads(cli("gap", str(current), "--year", "2020", "--format", "json").out)
    assert data["set_change"] is None and all(n["key"] != "ui.gap.set_changed" for n in data["notes"])


# --- what gap compares, said first -------------------------------------------------------------------------------

def test_gap_says_what_it_compares_before_any_figure_in_every_format(cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    current = write_result(tmp_path / "now.json", score_result())
    argv = ("gap", str(current), "--year", "2020", "--unit", "Quảng Ninh", "--lang", "en")
    compares = "Compared: Quảng Ninh (province level) with the official results of 2020."
    override = "The file names unit 'UBND tỉnh Bắc Giang' but --unit says 'Quảng Ninh': compared as --unit."
    table = said(cli(*argv).out)
    assert table.index(compares) < table.index(override) < table.index("Total "), "said before the headline"
    plan = cli(*argv, "--format", "md").out.splitlines()
    assert plan[1].startswith("> " + compares) and plan[2] == "> " + override, "above the plan's first heading"
    notes = [n["message"] for n in json.loads(cli(*argv, "--format", "json").out)["notes"]]
    assert notes[1].startswith(compares) and notes[2] == override and notes.count(override) == 1
    assert cli(*argv, "-o", str(tmp_path / "gap.xlsx")).code == 0
    rows = [row[1] for row in load_workbook(tmp_path / "gap.xlsx").worksheets[0].iter_rows(values_only=True)]
    assert rows[1].startswith(compares) and rows[2] == override and rows.count(override) == 1
    from docx import Document

    assert cli(*argv, "-o", str(tmp_path / "plan.docx")).code == 0
    paragraphs = [said(p.text) for p in Document(str(tmp_path / "plan.docx")).paragraphs]
    assert paragraphs[1].startswith(compares) and paragraphs[2] == override and paragraphs[4] == "PLAN"


def test_gap_over_a_departments_workbook_says_what_gap_is_for_and_points_to_score_previous(cli, tmp_path) -> None:
    sample = REPO / "evidence_samples" / "synthetic-province-2026" / "so" / "so-003.xlsx"
    for lang, words in (("vi", "cấp sở, ban, ngành"), ("en", "department")):
        result = cli("gap", str(sample), "--year", "2025", "--lang", lang)
        assert result.code == 2 and "PG421" in result.err and "PG403" not in result.err
        assert "--previous" in result.err and "score" in result.err and words in result.err
        assert "–" not in result.err, "no empty list of years"
    no_traceback(result)
