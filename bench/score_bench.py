"""Benchmark: scoring N evidence workbooks against reading them with python-calamine alone and with pandas.

    python bench/score_bench.py                 # N = 1000
    python bench/score_bench.py --n 200 --small 50

Makes N synthetic district workbooks (the generator of evidence_samples/make_samples.py, seeded) in a
temporary folder, then in one run times:

  (a)  `parindex score FOLDER --format json -o FILE`, in-process the way the CLI runs it
       (`parindex.cli.app.run`), and once more as a subprocess (the installed command, startup included);
  (b)  python-calamine alone: open each workbook and read both sheets' values;
  (c)  pandas.read_excel over the same files, both sheets (engine openpyxl, pandas' default for .xlsx);
       pandas with engine="calamine" is shown as well, for context.

and prints the times and the ratios against their targets: (a)/(b) ≤ 2.0, (c)/(a) ≥ 10. It also times
`parindex --version` against `python -c "import typer, rich"` (median of several runs; target ≤ 2×) and
the peak memory (ru_maxrss of the scoring subprocess) for the small N against N: flat in N. Last, it times
the stages of (a) one by one (read, score, report) so a missed target says where the time goes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "evidence_samples"))

TARGET_A_OVER_B = 2.0
TARGET_C_OVER_A = 10.0
TARGET_VERSION = 2.0


def parindex_command() -> list[str]:
    """The installed `parindex` next to this interpreter, else `python -m parindex`."""
    script = Path(sys.executable).with_name("parindex")
    if script.exists():
        return [str(script)]
    found = shutil.which("parindex")
    return [found] if found else [sys.executable, "-m", "parindex"]


def generate(folder: Path, n: int) -> list[Path]:
    import make_samples

    cset = make_samples.load_set()
    units = make_samples.synthetic_units(cset, n, twin=False)
    paths = [folder / f"unit-{i + 1:04d}.xlsx" for i in range(n)]
    make_samples.write_units(cset, units, paths)
    return paths


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def score_in_process(folder: Path, out: Path) -> int:
    from parindex.cli.app import run

    return run(["score", str(folder), "--format", "json", "-o", str(out), "--force"])


# Runs one command and reports on that command alone. It is itself started as a fresh interpreter because Linux
# keeps a process's peak memory across fork and exec: a child forked straight from this (by then large) benchmark
# would report the benchmark's own peak, whatever the command used.
_MEASURE = """
import json, os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(json.dumps([time.perf_counter() - start, os.waitstatus_to_exitcode(status), usage.ru_maxrss]))
"""


def run_child(argv: list[str]) -> tuple[float, int, int]:
    """(wall seconds, exit code, peak resident memory in KiB) of one subprocess, measured on that child alone."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, *argv], capture_output=True, text=True, check=True)
    wall, code, maxrss = json.loads(done.stdout)
    return wall, code, maxrss


def read_calamine(paths: list[Path], sheets: tuple[str, str]) -> int:
    from python_calamine import CalamineWorkbook

    cells = 0
    for path in paths:
        book = CalamineWorkbook.from_path(str(path))
        for name in sheets:
            rows = book.get_sheet_by_name(name).to_python()
            cells += sum(len(row) for row in rows)
        book.close()
    return cells


def read_pandas(paths: list[Path], sheets: tuple[str, str], engine: str) -> int:
    import pandas as pd

    cells = 0
    for path in paths:
        frames = pd.read_excel(path, sheet_name=list(sheets), header=None, engine=engine)
        cells += sum(frame.size for frame in frames.values())
    return cells


def breakdown(paths: list[Path]) -> dict[str, float]:
    """Where (a)'s time goes: the stages `parindex score` runs, timed one by one in this process."""
    from parindex.criteria.files import load_criteria
    from parindex.evidence.reader import read_evidence
    from parindex.scoring.engine import score_book
    from parindex.scoring.reports import unit_dict, unit_json

    stages: dict[str, float] = {}
    stages["load_criteria"], cset = timed(lambda: load_criteria("par-province-2020"))
    stages["read_evidence"], books = timed(lambda: [read_evidence(path) for path in paths])
    stages["fingerprint (once per file)"], _ = timed(lambda: [cset.fingerprint() for _ in paths])
    stages["score_book"], units = timed(lambda: [score_book(cset, book) for book in books])
    stages["unit_dict"], _ = timed(lambda: [unit_dict(unit) for unit in units])
    stages["unit_json (dict + dumps)"], _ = timed(lambda: [unit_json(unit) for unit in units])
    return stages


def median_wall(argv: list[str], runs: int) -> float:
    run_child(argv)  # warm the file cache
    return statistics.median(run_child(argv)[0] for _ in range(runs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of workbooks (default 1000)")
    parser.add_argument("--small", type=int, default=100, help="the smaller N for the memory comparison")
    parser.add_argument("--runs", type=int, default=9, help="runs for the startup medians")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--no-breakdown", dest="breakdown", action="store_false",
                        help="skip timing the stages of (a) one by one")
    args = parser.parse_args(argv)
    if args.n < 2 or not 1 <= args.small <= args.n:
        parser.error("need --n ≥ 2 and 1 ≤ --small ≤ --n")

    from parindex.evidence.model import SHEET_INFO, SHEET_ITEMS

    sheets = (SHEET_INFO, SHEET_ITEMS)
    cmd = parindex_command()
    tmp = tempfile.TemporaryDirectory(prefix="parindex-bench-")
    base = Path(tmp.name)
    folder = args.keep or base / "units"
    folder.mkdir(parents=True, exist_ok=True)
    small = base / "small"
    small.mkdir()
    figures: dict[str, object] = {"n": args.n, "small_n": args.small, "python": sys.version.split()[0],
                                  "cpus": os.cpu_count()}
    try:
        print(f"generating {args.n} workbooks in {folder} …", flush=True)
        figures["generate_s"], paths = timed(lambda: generate(folder, args.n))
        for path in paths[: args.small]:
            shutil.copy2(path, small / path.name)
        size = sum(p.stat().st_size for p in paths)
        figures["bytes_per_file"] = size // len(paths)
        for path in paths:  # equal footing: every file in the page cache before anything is timed
            path.read_bytes()

        out = base / "scores.json"
        figures["a_in_process_s"], code = timed(lambda: score_in_process(folder, out))
        scored = json.loads(out.read_text(encoding="utf-8"))
        figures["a_exit"] = code
        figures["a_units"] = len(scored.get("units", []))
        wall, sub_code, rss_n = run_child([*cmd, "score", str(folder), "--format", "json",
                                           "-o", str(base / "scores-sub.json"), "--force"])
        figures["a_subprocess_s"], figures["a_subprocess_exit"] = wall, sub_code
        figures["b_calamine_s"], cells_b = timed(lambda: read_calamine(paths, sheets))
        figures["c_pandas_openpyxl_s"], cells_c = timed(lambda: read_pandas(paths, sheets, "openpyxl"))
        figures["c_pandas_calamine_s"], _ = timed(lambda: read_pandas(paths, sheets, "calamine"))
        figures["cells_read_b"], figures["cells_read_c"] = cells_b, cells_c

        if args.breakdown:
            figures["breakdown_s"] = breakdown(paths)

        figures["version_s"] = median_wall([*cmd, "--version"], args.runs)
        figures["import_typer_rich_s"] = median_wall([sys.executable, "-c", "import typer, rich"], args.runs)

        _, code_small, rss_small = run_child([*cmd, "score", str(small), "--format", "json",
                                              "-o", str(base / "scores-small.json"), "--force"])
        figures["maxrss_small_kib"], figures["maxrss_n_kib"] = rss_small, rss_n
        figures["small_exit"] = code_small
    finally:
        if args.keep is None:
            tmp.cleanup()

    a, b = figures["a_in_process_s"], figures["b_calamine_s"]
    c = figures["c_pandas_openpyxl_s"]
    figures["a_over_b"] = a / b
    figures["c_over_a"] = c / a
    figures["version_ratio"] = figures["version_s"] / figures["import_typer_rich_s"]
    figures["maxrss_ratio"] = figures["maxrss_n_kib"] / figures["maxrss_small_kib"]
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def report(f: dict) -> None:
    n = f["n"]

    def ok(good: bool) -> str:
        return "ok" if good else "MISSED"

    def per(seconds: float) -> str:
        return f"{seconds:8.2f} s  ({seconds / n * 1000:6.2f} ms/file)"

    print()
    print(f"parindex score benchmark — {n} workbooks ({f['bytes_per_file'] / 1024:.1f} KiB each), "
          f"Python {f['python']}, {f['cpus']} CPUs; generated in {f['generate_s']:.1f} s")
    print(f"  (a)  parindex score, in-process   {per(f['a_in_process_s'])}  exit {f['a_exit']}, "
          f"{f['a_units']} units")
    print(f"       parindex score, subprocess   {per(f['a_subprocess_s'])}  exit {f['a_subprocess_exit']}")
    print(f"  (b)  python-calamine alone        {per(f['b_calamine_s'])}")
    print(f"  (c)  pandas.read_excel (openpyxl) {per(f['c_pandas_openpyxl_s'])}")
    print(f"       pandas.read_excel (calamine) {per(f['c_pandas_calamine_s'])}")
    print(f"  (a)/(b) = {f['a_over_b']:.2f}   target ≤ {TARGET_A_OVER_B}   {ok(f['a_over_b'] <= TARGET_A_OVER_B)}")
    print(f"  (c)/(a) = {f['c_over_a']:.1f}   target ≥ {TARGET_C_OVER_A:g}   "
          f"{ok(f['c_over_a'] >= TARGET_C_OVER_A)}")
    print(f"  parindex --version {f['version_s'] * 1000:.0f} ms vs python -c 'import typer, rich' "
          f"{f['import_typer_rich_s'] * 1000:.0f} ms (medians): {f['version_ratio']:.2f}×   "
          f"target ≤ {TARGET_VERSION:g}×   {ok(f['version_ratio'] <= TARGET_VERSION)}")
    print(f"  peak memory of `parindex score`: N={f['small_n']}: {f['maxrss_small_kib'] / 1024:.0f} MiB, "
          f"N={n}: {f['maxrss_n_kib'] / 1024:.0f} MiB ({f['maxrss_ratio']:.2f}×)")
    if "breakdown_s" in f:
        print("  where (a) goes, stage by stage (in-process, same files):")
        for stage, seconds in f["breakdown_s"].items():
            print(f"       {stage:28s} {per(seconds)}")


if __name__ == "__main__":
    sys.exit(main())
