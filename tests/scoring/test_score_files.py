"""Scoring many workbooks: worker processes give the same results in the same order, and stop cleanly on
Ctrl-C and on errors."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from parindex.scoring.engine import UnitScore

SAMPLES = Path(__file__).resolve().parents[2] / "evidence_samples" / "synthetic-districts"


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


def _distinct(folder: Path, count: int) -> Path:
    """`count` workbooks of `count` different units (two of one unit stop a run: PS526), made quickly."""
    from bench.startup_bench import distinct_copies

    distinct_copies(folder, count)
    return folder


DEADLINE = 120  # seconds: only a guard against a hang, never a guess at how fast the machine is
BUSY = 1 << 20  # bytes of report written (about 80 of 3000 units): the workers are scoring, the run is under way


def _wait_for(condition: Callable[[], bool], what: str, child: subprocess.Popen[bytes]) -> None:
    """Poll until `condition()` holds; fail clearly if the child exits first or the deadline passes."""
    end = time.monotonic() + DEADLINE
    while not condition():
        if child.poll() is not None and not condition():
            out = child.stdout.read().decode() if child.stdout else ""
            pytest.fail(f"the child exited ({child.returncode}) before {what}\n{out[-2000:]}")
        if time.monotonic() > end:
            pytest.fail(f"waited {DEADLINE} s for {what}")
        time.sleep(0.01)


def _size(folder: Path, pattern: re.Pattern[str]) -> int:
    """Bytes in the `.part` file matching `pattern` in `folder` (0 while there is none)."""
    for path in folder.iterdir():
        if pattern.fullmatch(path.name):
            with contextlib.suppress(OSError):  # renamed or removed meanwhile
                return path.stat().st_size
    return 0


@pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT")
def test_ctrl_c_during_a_parallel_run_stops_at_once_without_tracebacks(tmp_path: Path) -> None:
    """Ctrl-C once the workers are busy (the report's `.part` file holds scored units; the run is not
    done): the run stops within seconds, says PC705, and leaves neither the report nor its `.part` file."""
    from parindex.io.atomic import part_pattern

    folder = _distinct(tmp_path / "units", 3000)  # several seconds of work: Ctrl-C lands mid-run
    output = tmp_path / "scores.json"
    run = subprocess.Popen([sys.executable, "-m", "parindex", "score", str(folder), "-f", "json", "-o", str(output)],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        pattern = part_pattern(output)
        _wait_for(lambda: _size(tmp_path, pattern) >= BUSY, f"{BUSY} bytes of scored units in the .part file", run)
        assert not output.exists(), "the run finished before Ctrl-C: give it more workbooks"
        sent = time.monotonic()
        os.killpg(run.pid, signal.SIGINT)  # what the terminal does: the whole group gets it, workers included
        try:
            out = run.communicate(timeout=DEADLINE)[0].decode()
        except subprocess.TimeoutExpired:
            pytest.fail(f"parindex score hung after Ctrl-C (still running after {DEADLINE} s)")
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.communicate()
    stopped = time.monotonic() - sent
    assert stopped < 10, f"took {stopped:.1f} s to stop after Ctrl-C"
    assert run.returncode == 2, out
    assert "PC705" in out
    assert "Traceback" not in out
    assert not output.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["units"], "the .part file must be removed on Ctrl-C"


def _source(unit: UnitScore) -> str:  # module level: what a worker process is given must be picklable
    return Path(unit.source).name


def test_many_workbooks_come_back_in_file_order_with_their_totals(tmp_path: Path) -> None:
    from parindex.scoring.runs import PARALLEL_FROM, score_many

    paths = sorted(_many(tmp_path / "units", PARALLEL_FROM * 3).glob("*.xlsx"))
    parallel = list(score_many(paths, None, _source))
    serial = [next(score_many([path], None, _source)) for path in paths]
    assert [name for name, _ in parallel] == [path.name for path in paths]
    assert parallel == serial
    assert len({totals.score for _, totals in parallel}) > 1  # not one unit repeated


def test_the_totals_kept_for_the_ranking_share_what_units_hold_alike_and_equal_what_each_unit_scored(
        tmp_path: Path) -> None:
    from parindex.scoring.runs import PARALLEL_FROM, score_many, score_workbook

    paths = sorted(_many(tmp_path / "units", PARALLEL_FROM * 2).glob("*.xlsx"))
    kept = [totals for _, totals in score_many(paths, None, _source)]  # unpickled from the workers
    assert kept == [score_workbook(path, None, {}).totals() for path in paths]
    names = {id(area.name) for totals in kept for area in totals.areas}
    assert len(names) == len({area.name for totals in kept for area in totals.areas})  # one object per name
    assert not hasattr(kept[0], "__dict__")  # slotted: no dict per unit


def test_shared_values_keep_the_digits_they_were_scored_with() -> None:
    from decimal import Decimal

    from parindex.scoring.engine import Shared, Subtotal, UnitTotals

    def unit(name: str, score: str) -> UnitTotals:
        return UnitTotals(name, name, [Subtotal("1", "LV", Decimal(score), Decimal(10), Decimal(10))], 0, "district",
                          [], bands=(("Tốt", Decimal("90.0")),))

    shared = Shared()
    one, other = shared.totals(unit("A", "1.0")), shared.totals(unit("B", "1.00"))
    assert str(one.areas[0].score) == "1.0" and str(other.areas[0].score) == "1.00"  # equal, but not one object
    assert one.bands is other.bands and one.areas[0].max is other.areas[0].max


def test_a_bad_workbook_among_many_stops_the_run_in_file_order(tmp_path: Path) -> None:
    from parindex.common.errors import ParindexError
    from parindex.scoring.runs import score_many

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
    folder = _distinct(tmp_path / "units", 12)  # enough for the worker processes
    (folder / "00010.xlsx").unlink()
    (folder / "00010.xlsx").write_bytes(b"PK\x03\x04 truncated")
    output = tmp_path / f"report.{'txt' if fmt == 'table' else fmt}"
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
    refused = cli("score", str(workbook), "-o", str(workbook), "--force")
    assert refused.code == 2 and "PS525" in refused.err
    assert hashlib.sha1(workbook.read_bytes()).hexdigest() == before
    report = tmp_path / "bao-cao.xlsx"  # a report written into the folder being scored
    assert cli("score", str(tmp_path), "-f", "xlsx", "-o", str(report)).code == 0
    assert cli("score", str(tmp_path), "-f", "xlsx", "-o", str(report), "--force").code == 0  # last run's report


def test_files_are_found_once_whatever_the_case_of_their_suffix(tmp_path: Path) -> None:
    from parindex.scoring.runs import collect_workbooks

    sources = sorted(SAMPLES.glob("*.xlsx"))
    (tmp_path / "a.xlsx").write_bytes(sources[0].read_bytes())
    (tmp_path / "B.XLSX").write_bytes(sources[1].read_bytes())
    (tmp_path / "~$a.xlsx").write_bytes(b"lock")
    found = collect_workbooks([tmp_path, tmp_path / "a.xlsx", tmp_path / "." / "B.XLSX"]).workbooks
    assert [path.name for path in found] == ["B.XLSX", "a.xlsx"]


def test_a_missing_file_is_named_before_any_workbook_is_read(tmp_path: Path) -> None:
    from parindex.common.errors import ParindexError
    from parindex.scoring.runs import collect_workbooks

    with pytest.raises(ParindexError) as caught:
        collect_workbooks([sorted(SAMPLES.glob("*.xlsx"))[0], tmp_path / "thieu.xlsx"])
    assert caught.value.code == "PE300" and "thieu.xlsx" in caught.value.msg.line()


def test_a_workbook_cannot_make_the_tool_open_another_file(cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from parindex.criteria.files import resolve_criteria
    from parindex.evidence.model import SHEET_INFO

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
    from parindex.common.errors import ParindexError
    from parindex.scoring.runs import collect_workbooks

    source = sorted(SAMPLES.glob("*.xlsx"))[0].read_bytes()
    for name in ("so.xlsx", "~$so.xlsx", "._so.xlsx"):
        (tmp_path / name).write_bytes(source)
    named = sorted(tmp_path.glob("*.xlsx"))  # what `parindex score *.xlsx` receives (the shell skips ._ files)
    assert [p.name for p in collect_workbooks(named).workbooks] == ["so.xlsx"]
    assert [p.name for p in collect_workbooks([tmp_path]).workbooks] == ["so.xlsx"]
    with pytest.raises(ParindexError) as caught:
        collect_workbooks([tmp_path / "~$so.xlsx"])
    assert caught.value.code == "PS523"
