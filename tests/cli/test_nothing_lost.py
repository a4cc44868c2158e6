"""Nothing lost, tried as a new user would, through the CLI: a report never replaces a workbook, a file gets the
format its name says, no spreadsheet in a folder is passed over in silence, and one unit is never ranked twice.

Every case checks the exit code, the error code and that every input is byte-identical afterwards.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult
from tests.output import said

SAMPLES = Path(__file__).resolve().parents[2] / "evidence_samples" / "synthetic-districts"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three filled district workbooks, as an office keeps them."""
    units = tmp_path / "so-filled"
    units.mkdir()
    for path in sorted(SAMPLES.glob("*.xlsx"))[:3]:
        shutil.copy(path, units / path.name)
    return units


def hashes(*roots: Path) -> dict[Path, str]:
    files = [p for root in roots for p in ([root] if root.is_file() else sorted(root.rglob("*"))) if p.is_file()]
    return {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


def run_unchanged(cli: Callable[..., CliResult], roots: list[Path], *argv: str) -> CliResult:
    """Run parindex; every file under `roots` that existed before is byte-identical after."""
    before = hashes(*roots)
    result = cli(*argv)
    after = hashes(*roots)
    assert {path: after.get(path) for path in before} == before, "an input changed"
    return result


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_workbook_found_in_the_scored_folder_is_never_the_output(cli: Callable[..., CliResult], folder: Path,
                                                                   force: list[str]) -> None:
    target = folder / "synthetic-huyen-02.xlsx"
    result = run_unchanged(cli, [folder], "score", str(folder), "-o", str(target), "--format", "xlsx", *force)
    assert result.code == 2 and "PS525" in result.err
    assert sorted(p.name for p in folder.iterdir()) == [f"synthetic-huyen-0{i}.xlsx" for i in (1, 2, 3)]


def test_an_evidence_workbook_outside_the_run_is_never_overwritten_by_a_report(
        cli: Callable[..., CliResult], folder: Path, tmp_path: Path) -> None:
    other = tmp_path / "so-y-te.xlsx"
    shutil.copy(sorted(SAMPLES.glob("*.xlsx"))[5], other)
    result = run_unchanged(cli, [folder, other], "score", str(folder / "synthetic-huyen-01.xlsx"), "-o", str(other),
                           "--force")
    assert result.code == 2 and "PE309" in result.err and "par-province-2020" in result.err


def test_gap_refuses_an_output_that_is_its_own_input_or_a_workbook(cli: Callable[..., CliResult],
                                                                   folder: Path) -> None:
    workbook = folder / "synthetic-huyen-01.xlsx"
    own = run_unchanged(cli, [folder], "gap", str(workbook), "--year", "2020", "--unit", "Bắc Giang",
                        "-o", str(workbook), "--force")
    assert own.code == 2 and "PE308" in own.err
    chart = run_unchanged(cli, [folder], "gap", "--year", "2020", "--unit", "Bắc Giang",
                          "--chart", str(folder / "synthetic-huyen-02.xlsx"), "--force")
    assert chart.code == 2 and "PE309" in chart.err


def test_without_format_the_output_extension_decides(cli: Callable[..., CliResult], folder: Path,
                                                     tmp_path: Path) -> None:
    report = tmp_path / "r.xlsx"
    result = run_unchanged(cli, [folder], "score", str(folder), "-o", str(report))
    assert result.code == 0, result.err
    with zipfile.ZipFile(report) as book:  # a real workbook, not a text table named .xlsx
        assert "xl/workbook.xml" in book.namelist()
    as_json = tmp_path / "r.json"
    assert run_unchanged(cli, [folder], "score", str(folder), "-o", str(as_json)).code == 0
    assert len(json.loads(as_json.read_text(encoding="utf-8"))["units"]) == 3


@pytest.mark.parametrize(("name", "fmt", "code"), [
    ("r.xlsx", "json", "PC713"),   # contradicts --format
    ("r.json", "table", "PC713"),
    ("r.pdf", None, "PC714"),      # no format has it
    ("r.docx", "md", "PC713"),     # a Word file holding Markdown
    ("r.odt", None, "PC714"),
])
def test_an_extension_that_contradicts_the_format_or_has_none_is_refused_before_any_work(
        cli: Callable[..., CliResult], folder: Path, tmp_path: Path, name: str, fmt: str | None, code: str) -> None:
    target = tmp_path / name
    argv = ["score", str(folder), "-o", str(target), *(["--format", fmt] if fmt else [])]
    result = run_unchanged(cli, [folder], *argv)
    assert result.code == 2 and code in result.err
    assert not target.exists()


def test_spreadsheets_that_are_not_xlsx_are_named(cli: Callable[..., CliResult], folder: Path) -> None:
    (folder / "so-noi-vu.ods").write_bytes(b"PK\x03\x04 an OpenDocument spreadsheet")
    (folder / "so-tai-chinh.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 a legacy workbook")
    (folder / "ghi-chu.txt").write_text("not a spreadsheet", encoding="utf-8")
    result = run_unchanged(cli, [folder], "score", str(folder), "--format", "json")
    assert result.code == 0
    assert "so-noi-vu.ods" in result.err and "so-tai-chinh.xls" in result.err and "ghi-chu.txt" not in result.err
    assert len(json.loads(result.out)["units"]) == 3


def test_a_subfolder_holding_workbooks_is_named_not_entered(cli: Callable[..., CliResult], folder: Path) -> None:
    inner = folder / "phuong"
    inner.mkdir()
    shutil.copy(next(folder.glob("*.xlsx")), inner / "phuong-1.xlsx")
    (folder / "anh").mkdir()  # a folder of photos: nothing to say of it
    (folder / "anh" / "a.png").write_bytes(b"\x89PNG")
    result = run_unchanged(cli, [folder], "score", str(folder), "--format", "json")
    assert result.code == 0 and len(json.loads(result.out)["units"]) == 3
    assert "phuong" in result.err and "anh" not in said(result.err)
    only = run_unchanged(cli, [folder.parent], "score", str(folder.parent))  # the province's folder of blocks
    assert only.code == 2 and "PS523" in only.err and "so-filled" in only.err


@pytest.mark.skipif(os.name != "posix", reason="pipes and links")
@pytest.mark.parametrize(("make", "code"), [
    (lambda path: os.mkfifo(path), "PE307"),                 # a pipe: reading it would wait for ever
    (lambda path: path.symlink_to(path.parent / "gone.xlsx"), "PE300"),  # a link to a workbook moved away
    (lambda path: path.symlink_to(path), "PE303"),           # a link to itself
])
def test_a_workbook_name_on_what_is_not_a_file_stops_the_run_rather_than_leave_a_unit_out(
        cli: Callable[..., CliResult], folder: Path, make: Callable[[Path], None], code: str) -> None:
    make(folder / "so-moi.xlsx")
    result = cli("score", str(folder), "--format", "json")
    assert result.code == 2 and code in result.err and "so-moi.xlsx" in result.err and not result.out


def test_a_folder_of_only_other_spreadsheets_says_what_it_holds(cli: Callable[..., CliResult],
                                                                tmp_path: Path) -> None:
    (tmp_path / "so-noi-vu.ods").write_bytes(b"PK\x03\x04")
    result = run_unchanged(cli, [tmp_path], "score", str(tmp_path))
    assert result.code == 2 and "PS523" in result.err and "so-noi-vu.ods" in result.err


def test_two_workbooks_of_one_unit_stop_the_run_naming_both(cli: Callable[..., CliResult], folder: Path,
                                                            tmp_path: Path) -> None:
    shutil.copy(folder / "synthetic-huyen-02.xlsx", folder / "synthetic-huyen-02 (1).xlsx")
    target = tmp_path / "r.json"
    result = run_unchanged(cli, [folder], "score", str(folder), "-o", str(target))
    assert result.code == 2 and "PS526" in result.err
    assert "synthetic-huyen-02.xlsx" in result.err and "synthetic-huyen-02 (1).xlsx" in result.err
    assert not target.exists() and not list(tmp_path.glob(".r.json.*.part"))


def test_a_report_parindex_wrote_in_the_folder_is_skipped_with_a_note(cli: Callable[..., CliResult],
                                                                      folder: Path) -> None:
    report = folder / "ket-qua.xlsx"
    assert cli("score", str(folder), "-o", str(report)).code == 0
    again = run_unchanged(cli, [folder], "score", str(folder), "--format", "json")
    assert again.code == 0 and "ket-qua.xlsx" in again.err
    assert len(json.loads(again.out)["units"]) == 3
    rewritten = cli("score", str(folder), "-o", str(report), "--force")  # last run's report may be replaced
    assert rewritten.code == 0, rewritten.err


def test_a_workbook_without_the_evidence_sheets_that_parindex_did_not_write_still_stops_the_run(
        cli: Callable[..., CliResult], folder: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Bảng tính"
    book.save(folder / "khac.xlsx")
    result = run_unchanged(cli, [folder], "score", str(folder), "--format", "json")
    assert result.code == 1 and "PW420" in result.err


def test_template_and_schema_never_replace_a_filled_workbook(cli: Callable[..., CliResult], folder: Path) -> None:
    filled = folder / "synthetic-huyen-01.xlsx"
    template = run_unchanged(cli, [folder], "template", "par-province-2020", "-o", str(filled), "--force")
    assert template.code == 2 and "PE309" in template.err
    schema = run_unchanged(cli, [folder], "schema", "-o", str(filled), "--force")
    assert schema.code == 2 and "PC714" in schema.err
