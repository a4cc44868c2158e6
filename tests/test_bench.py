"""The benchmark script keeps running: a tiny N through every stage it times (no timing is asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "score_bench.py"


def test_the_benchmark_runs_end_to_end_on_a_few_workbooks(tmp_path: Path) -> None:
    figures_file = tmp_path / "figures.json"
    done = subprocess.run([sys.executable, str(BENCH), "--n", "9", "--small", "2", "--runs", "1",
                           "--json", str(figures_file)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    assert figures["a_exit"] == figures["a_subprocess_exit"] == figures["small_exit"] == 0
    assert figures["a_units"] == 9  # parallel from 8 workbooks: the worker processes were used
    assert figures["cells_read_b"] > 0 and figures["cells_read_c"] > 0
    for ratio in ("a_over_b", "c_over_a", "version_ratio", "maxrss_ratio"):
        assert figures[ratio] > 0
    assert "(a)/(b)" in done.stdout and "(c)/(a)" in done.stdout


STARTUP_BENCH = BENCH.with_name("startup_bench.py")


def test_the_startup_benchmark_runs_end_to_end_on_a_few_workbooks(tmp_path: Path) -> None:
    figures_file = tmp_path / "figures.json"
    done = subprocess.run([sys.executable, str(STARTUP_BENCH), "--runs", "1", "--small", "2", "--large", "9",
                           "--json", str(figures_file)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    for key in ("startup", "startup_no_bytecode"):
        assert set(figures[key]["times"]) == {"python -c pass", "import typer, rich, pydantic, yaml",
                                              "typer app with score's options", "parindex score ONE.xlsx"}
        assert figures[key]["ratio"]["ratio"] > 0 and figures[key]["cpu_ratio"]["ratio"] > 0
    marginal = figures["marginal"]
    assert marginal["units_scored"] == 9  # nine distinct units, parallel from 8 workbooks: the workers were used
    assert set(marginal["per_file"]) == {"parindex", "calamine"} and marginal["ratio"]["ratio"] != 0
    assert "render the table" in figures["startup_stages"] and "score_book" in figures["per_file_stages"]
    assert "(a) start-up" in done.stdout and "parindex / calamine" in done.stdout
