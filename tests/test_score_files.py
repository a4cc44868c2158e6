"""Scoring many workbooks: the worker processes that read them stop cleanly on Ctrl-C and on errors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def test_a_bad_workbook_among_many_stops_the_run_in_file_order(tmp_path: Path) -> None:
    from parindex.errors import ParindexError
    from parindex.score_files import read_books

    folder = _many(tmp_path / "units", 40)
    bad = folder / "00003.xlsx"
    bad.unlink()
    bad.write_bytes(b"not a workbook")
    read = []
    with pytest.raises(ParindexError) as caught:
        for path, _ in read_books(sorted(folder.glob("*.xlsx"))):
            read.append(path.name)
    assert caught.value.code == "PW403"  # a text file named .xlsx
    assert read == ["00000.xlsx", "00001.xlsx", "00002.xlsx"]  # in file order, up to the bad one
