"""The benchmark script keeps running: a tiny N through every stage it times (no timing is asserted)."""

from __future__ import annotations

import contextlib
import io
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


def test_the_startup_benchmark_runs_end_to_end_and_prints_its_ratios(tmp_path: Path) -> None:
    figures_file = tmp_path / "figures.json"
    done = subprocess.run([sys.executable, str(STARTUP_BENCH), "--runs", "1", "--small", "2", "--large", "9",
                           "--json", str(figures_file)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    startup = figures["startup"]
    assert set(startup["times"]) == {"python -c pass", "typer app, score's command line", "parindex score ONE.xlsx",
                                     "check-jsonschema, the same schema", "parindex validate SET.yaml"}
    for measure in ("score", "validate"):  # check-jsonschema comes with the test extra
        assert startup[measure]["cpu"]["ratio"] > 0 and startup[measure]["wall"]["ratio"] > 0
    out = " ".join(done.stdout.split())
    assert "(i) parindex score ONE.xlsx / typer app, score's command line, CPU time = " in out
    assert "(ii) parindex validate SET.yaml / check-jsonschema, the same schema, CPU time = " in out
    marginal = figures["marginal"]
    assert marginal["units_scored"] == 9  # nine distinct units, parallel from 8 workbooks: the workers were used
    assert set(marginal["per_file"]) == {"parindex", "calamine"} and marginal["ratio"]["wall"]["ratio"] != 0
    assert "(b) parindex / calamine, per file, wall time = " in out
    assert "render the table" in figures["startup_stages"]["parindex"] and "score_book" in figures["per_file_stages"]


def test_without_check_jsonschema_the_validate_comparison_is_skipped_with_a_line_that_says_so() -> None:
    from bench import startup_bench

    figures = {"python": "3", "cpus": 2, "runs": 1, "load_before": 0.0, "load_after": 0.0,
               "startup": {"times": {}, "score": {kind: {"ratio": 1.2, "min": 1.1, "max": 1.4}
                                                  for kind in ("cpu", "wall")}, "validate": None}}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        startup_bench.report(figures)
    text = " ".join(out.getvalue().split())
    assert "CPU time = 1.20 [rounds 1.10–1.40] target ≤ 1.3 ok" in text
    assert "(ii) skipped: check-jsonschema is not installed" in text and "pip install" in text


def test_the_floor_app_declares_the_command_line_of_parindex_score() -> None:
    """bench/typer_floor.py stands for `parindex score` only while its options are of the same kinds."""
    import typer
    import typer.main

    from bench import typer_floor
    from parindex.cli.app import create_app

    def kind(param: object) -> object:  # typer ≥ 0.2x keeps the annotation; older ones a click type
        descriptor = getattr(param, "type_descriptor", None)
        return descriptor.annotation if descriptor is not None else param.type.name  # type: ignore[attr-defined]

    def shape(app: typer.Typer) -> list[tuple[object, ...]]:
        group = typer.main.get_command(app)
        return [(p.name, tuple(p.opts), p.multiple, p.nargs, getattr(p, "is_flag", None), kind(p))
                for p in [*group.params, *group.commands["score"].params]]

    assert shape(typer_floor.create_app()) == shape(create_app())


SCALE_BENCH = BENCH.with_name("scale_bench.py")


def test_the_scale_benchmark_runs_every_format_on_a_few_workbooks_and_prints_its_table(tmp_path: Path) -> None:
    figures_file = tmp_path / "figures.json"
    done = subprocess.run([sys.executable, str(SCALE_BENCH), "--sizes", "3,9", "--json", str(figures_file)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    assert figures["sizes"] == [3, 9]
    runs = figures["runs"]
    assert set(runs) == {"json", "csv", "md", "xlsx", "docx", "calamine"}
    for name in ("json", "csv", "md", "xlsx", "docx"):
        assert {runs[name]["at"][n]["exit"] for n in ("3", "9")} <= {0, 1}  # scored (1: a unit with problems)
        assert runs[name]["at"]["9"]["cpu"] > 0 and runs[name]["at"]["9"]["maxrss_kib"] > 0
        assert {"growth", "kib_per_unit", "per_file_ms", "over_calamine"} <= set(runs[name]["9"])
    assert runs["calamine"]["at"]["9"]["cells"] > runs["calamine"]["at"]["3"]["cells"] > 0
    judged = {verdict["what"] for verdict in figures["verdicts"]}
    assert {"json T(9)/T(3)", "docx KiB a unit 3→9", "xlsx / json CPU at 9", "xlsx / json peak at 9"} <= judged
    assert "issue 26's targets:" in done.stdout
    lines = done.stdout.splitlines()
    assert lines[1].split()[0] == "format" and [line.split()[0] for line in lines[2:8]] == [
        "json", "csv", "md", "xlsx", "docx", "calamine"]


def test_the_scale_benchmark_works_out_its_figures_and_issue_26s_verdicts_from_fixed_runs() -> None:
    from bench import scale_bench

    runs = {"json": {250: {"cpu": 2.0, "maxrss_kib": 46_000}, 1000: {"cpu": 8.0, "maxrss_kib": 46_600}},
            "xlsx": {250: {"cpu": 20.0, "maxrss_kib": 160_000}, 1000: {"cpu": 95.0, "maxrss_kib": 90_000}},
            "calamine": {250: {"cpu": 0.5, "maxrss_kib": 16_000}, 1000: {"cpu": 2.0, "maxrss_kib": 16_000}}}
    derived = scale_bench.derive(runs, [250, 1000])  # type: ignore[arg-type]
    json_step = derived["json"]["1000"]
    assert json_step == {"growth": 4.0, "kib_per_unit": 0.8, "per_file_ms": 8.0, "over_calamine": 4.0}
    verdicts = {v["what"]: (v["value"], v["bound"], v["met"]) for v in scale_bench.verdicts(derived, [250, 1000])}
    assert verdicts == {
        "json T(1000)/T(250)": (4.0, 4.6, True), "json KiB a unit 250→1000": (0.8, 1.0, True),
        "json × calamine a workbook 250→1000": (4.0, 1.5, False),
        "xlsx T(1000)/T(250)": (4.75, 4.6, False), "xlsx KiB a unit 250→1000": (-93.333, 1.0, True),
        "xlsx × calamine a workbook 250→1000": (50.0, 1.5, False),
        "xlsx / json CPU at 1000": (11.875, 4.0, False), "xlsx / json peak at 1000": (1.931, 2.0, True)}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        scale_bench.report({"sizes": [250, 1000], "cpus": 2, "python": "3", "runs": derived,
                            "verdicts": scale_bench.verdicts(derived, [250, 1000])})
    text = " ".join(out.getvalue().split())
    assert "json T(1000)/T(250) 4.00 ≤ 4.60 met" in text and "xlsx / json CPU at 1000 11.88 ≤ 4.00 NOT MET" in text


def test_the_scale_benchmarks_linear_bound_scales_with_the_sizes() -> None:
    from bench import scale_bench

    runs = {"json": {250: {"cpu": 1.0, "maxrss_kib": 1}, 4000: {"cpu": 18.0, "maxrss_kib": 1}},
            "calamine": {250: {"cpu": 1.0, "maxrss_kib": 1}, 4000: {"cpu": 2.0, "maxrss_kib": 1}}}
    found = scale_bench.verdicts(scale_bench.derive(runs, [250, 4000]), [250, 4000])  # type: ignore[arg-type]
    assert found[0] == {"what": "json T(4000)/T(250)", "value": 18.0, "bound": 18.4, "met": True}
