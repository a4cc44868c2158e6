"""Scoring many workbooks: worker processes give the same results in the same order, and stop cleanly on
Ctrl-C and on errors."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from parindex.scoring import UnitScore

SAMPLES = Path(__file__).resolve().parent.parent / "evidence_samples" / "synthetic-districts"


def _many(folder: Path, count: int) -> Path:
    sources = sorted(SAMPLES.glob("*.xlsx"))
    folder.mkdir()
    for n in range(count):
        target = folder / f"{n:05d}.xlsx"  # distinct files: a symlink would be the same file, read once
        try:
            os.link(sources[n % len(sources)], target)
        except OSError:  # another file system
            shutil.copyfile(sources[n % len(sources)], target)
    return folder


@pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT")
def test_ctrl_c_during_a_parallel_run_stops_at_once_without_tracebacks(tmp_path: Path) -> None:
    folder = _many(tmp_path / "units", 3000)  # several seconds of work: Ctrl-C lands mid-run
    output = tmp_path / "scores.json"
    run = subprocess.Popen([sys.executable, "-m", "parindex", "score", str(folder), "-f", "json", "-o", str(output)],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    time.sleep(1.0)
    sent = time.monotonic()
    os.killpg(run.pid, signal.SIGINT)  # what the terminal does: the whole group gets it, workers included
    try:
        out = run.communicate(timeout=30)[0].decode()
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        pytest.fail("parindex score hung after Ctrl-C")
    assert time.monotonic() - sent < 10
    assert run.returncode == 2, out
    assert "PC705" in out
    assert "Traceback" not in out
    assert not output.exists()


def _source(unit: UnitScore) -> str:  # module level: what a worker process is given must be picklable
    return Path(unit.source).name


def test_many_workbooks_come_back_in_file_order_with_their_totals(tmp_path: Path) -> None:
    from parindex.score_files import PARALLEL_FROM, score_many

    paths = sorted(_many(tmp_path / "units", PARALLEL_FROM * 3).glob("*.xlsx"))
    parallel = list(score_many(paths, None, _source))
    serial = [next(score_many([path], None, _source)) for path in paths]
    assert [name for name, _ in parallel] == [path.name for path in paths]
    assert parallel == serial
    assert len({totals.score for _, totals in parallel}) > 1  # not one unit repeated


def test_a_bad_workbook_among_many_stops_the_run_in_file_order(tmp_path: Path) -> None:
    from parindex.errors import ParindexError
    from parindex.score_files import score_many

    folder = _many(tmp_path / "units", 40)
    bad = folder / "00003.xlsx"
    bad.unlink()
    bad.write_bytes(b"not a workbook")
    read = []
    with pytest.raises(ParindexError) as caught:
        for name, _ in score_many(sorted(folder.glob("*.xlsx")), None, _source):
            read.append(name)
    assert caught.value.code == "PW403"  # a text file named .xlsx
    assert read == ["00000.xlsx", "00001.xlsx", "00002.xlsx"]  # in file order, up to the bad one


@pytest.mark.parametrize("fmt", ["json", "table", "xlsx"])
def test_a_bad_workbook_among_many_leaves_no_report(cli, tmp_path: Path, fmt: str) -> None:
    folder = _many(tmp_path / "units", 12)  # enough for the worker processes
    (folder / "00010.xlsx").unlink()
    (folder / "00010.xlsx").write_bytes(b"PK\x03\x04 truncated")
    output = tmp_path / f"report.{fmt}"
    result = cli("score", str(folder), "-f", fmt, "-o", str(output))
    assert result.code == 2 and "00010.xlsx" in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["units"]  # no report, no leftover .part file
    if fmt != "xlsx":
        on_screen = cli("score", str(folder), "-f", fmt)
        assert on_screen.code == 2 and on_screen.out == ""  # nothing half-printed


def test_the_output_is_never_read_nor_written_over_an_input(cli, tmp_path: Path) -> None:
    import hashlib

    workbook = tmp_path / "so.xlsx"
    workbook.write_bytes(sorted(SAMPLES.glob("*.xlsx"))[0].read_bytes())
    before = hashlib.sha1(workbook.read_bytes()).hexdigest()
    refused = cli("score", str(workbook), "-f", "json", "-o", str(workbook), "--force")
    assert refused.code == 2 and "PS525" in refused.err
    assert hashlib.sha1(workbook.read_bytes()).hexdigest() == before
    report = tmp_path / "bao-cao.xlsx"  # a report written into the folder being scored
    assert cli("score", str(tmp_path), "-f", "xlsx", "-o", str(report)).code == 0
    assert cli("score", str(tmp_path), "-f", "xlsx", "-o", str(report), "--force").code == 0  # left out, not read


def test_files_are_found_once_whatever_the_case_of_their_suffix(tmp_path: Path) -> None:
    from parindex.score_files import collect_workbooks

    sources = sorted(SAMPLES.glob("*.xlsx"))
    (tmp_path / "a.xlsx").write_bytes(sources[0].read_bytes())
    (tmp_path / "B.XLSX").write_bytes(sources[1].read_bytes())
    (tmp_path / "~$a.xlsx").write_bytes(b"lock")
    found = collect_workbooks([tmp_path, tmp_path / "a.xlsx", tmp_path / "." / "B.XLSX"])
    assert [path.name for path in found] == ["B.XLSX", "a.xlsx"]


def test_a_missing_file_is_named_before_any_workbook_is_read(tmp_path: Path) -> None:
    from parindex.errors import ParindexError
    from parindex.score_files import collect_workbooks

    with pytest.raises(ParindexError) as caught:
        collect_workbooks([sorted(SAMPLES.glob("*.xlsx"))[0], tmp_path / "thieu.xlsx"])
    assert caught.value.code == "PE300" and "thieu.xlsx" in caught.value.message()


def test_a_workbook_cannot_make_the_tool_open_another_file(cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from parindex.criteria_files import resolve_criteria
    from parindex.evidence import SHEET_INFO

    workbook = tmp_path / "so.xlsx"
    assert cli("template", "par-province-2020", "-o", str(workbook)).code == 0
    book = load_workbook(workbook)
    info = book[SHEET_INFO]
    id_cell = next(row[1] for row in info.iter_rows() if row[1].value == "par-province-2020")
    id_cell.value = str(resolve_criteria("par-province-2020"))  # a path, where the set's id belongs
    book.save(workbook)
    result = cli("score", str(workbook))
    assert result.code == 2 and "PS524" in result.err  # only bundled ids; a path needs --criteria


def test_lock_files_are_skipped_even_when_a_shell_glob_names_them(tmp_path: Path) -> None:
    from parindex.errors import ParindexError
    from parindex.score_files import collect_workbooks

    source = sorted(SAMPLES.glob("*.xlsx"))[0].read_bytes()
    for name in ("so.xlsx", "~$so.xlsx", "._so.xlsx"):
        (tmp_path / name).write_bytes(source)
    named = sorted(tmp_path.glob("*.xlsx"))  # what `parindex score *.xlsx` receives (the shell skips ._ files)
    assert [p.name for p in collect_workbooks(named)] == ["so.xlsx"]
    assert [p.name for p in collect_workbooks([tmp_path])] == ["so.xlsx"]
    with pytest.raises(ParindexError) as caught:
        collect_workbooks([tmp_path / "~$so.xlsx"])
    assert caught.value.code == "PS523"
