"""Scoring many workbooks: worker processes give the same results in the same order, and stop cleanly on
Ctrl-C and on errors."""

from __future__ import annotations

import os
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
        (folder / f"{n:05d}.xlsx").symlink_to(sources[n % len(sources)])
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
