"""A run whose inputs do not belong together says so (issue 22), on the synthetic province: refused before anything
is scored when nothing of an input fits, warned where part of it does not; the clean province warns nothing; every
many-unit output opens with the run's summary."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from parindex.scoring.engine import competition_ranks
from tests.conftest import CliResult
from tests.output import said

PROVINCE = Path(__file__).resolve().parents[2] / "evidence_samples" / "synthetic-province-2026"
BLOCKS = ("so", "phuong", "xa")


def with_info(folder: Path, name: str, label: str, value: str) -> Path:
    """`folder`'s copy of the departments' workbooks, `name`'s Thông tin `label` set to `value`."""
    target = folder / "so"
    if not target.exists():
        shutil.copytree(PROVINCE / "so", target)
    book = load_workbook(target / name)
    sheet = book["Thông tin"]
    row = next(cell.row for cell in sheet["A"] if cell.value == label)
    sheet.cell(row, 2, value)
    book.save(target / name)
    return target


def test_a_workbook_of_last_year_is_not_ranked_among_this_years(cli: Callable[..., CliResult],
                                                                tmp_path: Path) -> None:
    folder = with_info(tmp_path, "so-003.xlsx", "Năm", "2025")
    out = tmp_path / "r.json"
    result = cli("--lang", "en", "score", str(folder), "-o", str(out))
    assert result.code == 2 and "PS580" in result.err and not out.exists()
    assert "2026 (13)" in said(result.err) and f"2025 (1): {folder / 'so-003.xlsx'} › Thông tin!B8" in said(result.err)


@pytest.mark.parametrize(("option", "wrong", "code"), [("--survey", "dieu-tra-xa-2026.xlsx", "PS581"),
                                                       ("--previous", "ket-qua-2025-xa.json", "PS574")])
def test_another_blocks_table_or_last_years_file_is_refused(cli: Callable[..., CliResult], tmp_path: Path,
                                                            option: str, wrong: str, code: str) -> None:
    out = tmp_path / "r.xlsx"
    result = cli("--lang", "en", "score", str(PROVINCE / "so"), option, str(PROVINCE / wrong), "-o", str(out))
    assert result.code == 2 and code in result.err and not out.exists()
    assert str(PROVINCE / wrong) in said(result.err) and "Sở (14)" in said(result.err)


def test_a_department_left_in_a_block_of_its_own_is_pointed_out(cli: Callable[..., CliResult],
                                                               tmp_path: Path) -> None:
    folder = with_info(tmp_path, "so-005.xlsx", "Khối", "Sở, ban, ngành")
    result = cli("--lang", "en", "score", str(folder), "-f", "json")
    report = json.loads(result.out)
    lone = [w for w in report["ranking_warnings"] if w["code"] == "PS582"]
    assert len(lone) == 1 and "block 'Sở, ban, ngành' (ranked 1 of 1), beside block Sở" in lone[0]["message"]
    assert "PS582" in result.err, "said on the terminal too"
    assert {"block": "Sở, ban, ngành", "units": 1} in report["run"]["blocks"]
    for fmt in ("md", "csv", "table"):
        assert "PS582" in cli("--lang", "en", "score", str(folder), "-f", fmt).out, fmt
    out = tmp_path / "r.xlsx"
    cli("score", str(folder), "-o", str(out))
    assert any("PS582" in str(row[0]) for row in load_workbook(out).worksheets[0].iter_rows(values_only=True))


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict]:
    """The whole province in one run: its three blocks, their survey tables and last year's results."""
    from parindex.cli.app import run

    out = tmp_path_factory.mktemp("province") / "all.json"
    args = ["--lang", "en", "score", *(str(PROVINCE / block) for block in BLOCKS)]
    for block in BLOCKS:
        args += ["--survey", str(PROVINCE / f"dieu-tra-{block}-2026.xlsx"),
                 "--previous", str(PROVINCE / f"ket-qua-2025-{block}.json")]
    code = run([*args, "-o", str(out)])
    return code, json.loads(out.read_text(encoding="utf-8"))


def test_the_clean_province_has_no_warning_of_the_run(province: tuple[int, dict]) -> None:
    code, report = province
    assert code == 1, "the planted slips in the workbooks"
    assert report["ranking_warnings"] == []
    assert not [w for u in report["units"] for w in u["warnings"] if w["code"] in ("PS547", "PS548", "PS582")]


def test_the_run_opens_the_json_and_says_everything_matched(province: tuple[int, dict]) -> None:
    _, report = province
    run = report["run"]
    assert next(iter(report)) == "run"
    assert [s["id"] for s in run["sets"]] == ["par-department-2025", "par-commune-2025"] and run["years"] == ["2026"]
    assert run["blocks"] == [{"block": "Sở", "units": 14}, {"block": "Phường", "units": 45},
                             {"block": "Xã, đặc khu", "units": 68}]
    assert [(s["matched"], s["rows"]) for s in run["surveys"]] == [(14, 14), (45, 45), (68, 68)]
    assert [(p["matched"], p["units"]) for p in run["previous"]] == [(14, 14), (45, 45), (68, 68)]


@pytest.mark.parametrize("fmt", ["table", "md", "csv", "xlsx", "docx"])
def test_every_many_unit_output_opens_with_the_runs_summary(cli: Callable[..., CliResult], tmp_path: Path,
                                                            fmt: str) -> None:
    args = ["score", str(PROVINCE / "so"), "--survey", str(PROVINCE / "dieu-tra-so-2026.xlsx")]
    if fmt in ("table", "md"):
        text = cli(*args, "-f", fmt).out
    else:
        out = tmp_path / f"r.{fmt}"
        cli(*args, "-o", str(out))
        if fmt == "csv":
            text = out.read_text(encoding="utf-8-sig")
        elif fmt == "xlsx":
            cells = [row[0] for row in load_workbook(out).worksheets[0].iter_rows(values_only=True)]
            assert "Xếp hạng" not in str(cells[1])
            text = str(cells[1])
        else:
            paragraphs = [p.text for p in Document(str(out)).paragraphs]
            text = next(p for p in paragraphs if p.startswith("Lần chấm này"))
            assert paragraphs.index(text) < 5, "before the first block's table"
    assert "Lần chấm này" in text.splitlines()[0] or text.startswith("## Lần chấm này")
    for words in ("par-department-2025 (dấu vân tay", "Năm: 2026", "Sở: 14", "khớp 14/14 dòng",
                  "Kết quả năm trước: không dùng"):
        assert words in said(text), (fmt, words)


def test_joined_blocks_compare_with_last_years_scores_ranked_as_if_joined(cli: Callable[..., CliResult]) -> None:
    result = cli("--lang", "en", "score", str(PROVINCE / "phuong"), str(PROVINCE / "xa"), "--together",
                 "Phường,Xã, đặc khu", "--previous", str(PROVINCE / "ket-qua-2025-phuong.json"), "--previous",
                 str(PROVINCE / "ket-qua-2025-xa.json"), "-f", "json")
    report = json.loads(result.out)
    last = [row for block in ("phuong", "xa")
            for row in json.loads((PROVINCE / f"ket-qua-2025-{block}.json").read_text(encoding="utf-8"))["ranking"]]
    joined = dict(zip((row["unit"] for row in last),
                      competition_ranks([Decimal(str(row["percent"])) for row in last]), strict=True))
    ranking = report["ranking"]
    assert [row["previous_rank"] for row in ranking] == [joined[row["unit"]] for row in ranking]
    assert any(joined[row["unit"]] != own["rank"] for row in ranking for own in last if own["unit"] == row["unit"]), \
        "a ward's rank among wards alone is not the one compared"
    assert any("recomputed from last year's scores under this year's grouping" in note
               for note in report["ranking_notes"])
