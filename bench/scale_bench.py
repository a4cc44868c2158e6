"""Benchmark: how `parindex score` grows with the number of workbooks, format by format, against python-calamine.

    python bench/scale_bench.py                          # N = 50 and 250, every format
    python bench/scale_bench.py --sizes 250,1000,4000    # the issue's full run (about an hour here)
    python bench/scale_bench.py --formats json,csv --json figures.json

Makes the largest N distinct workbooks once (copies of one small synthetic district, each of its own unit:
`startup_bench.distinct_copies`); each smaller N is the first N of them. For each N and each format it runs
`parindex score FOLDER --format F -o OUT --force` in a fresh interpreter that runs the command the way
`parindex` does (`cli.app.main`) and then reports, from inside, its own peak resident memory (the main process
alone: what it keeps per unit) and its CPU time with its worker processes' (getrusage SELF + CHILDREN). What
counts is CPU time: on a shared machine the wall time also measures the neighbours. python-calamine reads the
same files (open, every sheet `to_python()`, close; one process) as the floor a workbook cannot cost less than.

Printed per format: CPU time and main-process peak memory at each N; the growth T(Nk)/T(N1) (linear: Nk/N1);
memory per unit, (peak(Nk) − peak(N1)) / (Nk − N1); the cost of one more workbook, (T(Nk) − T(N1)) / (Nk − N1),
and its ratio to calamine's. Then issue 26's verdicts, each figure against its target (`--json` carries them):
every format's growth within 1.15 × Nk/N1 (4.6 for 250 → 1,000), memory at most 1 KiB a unit, one more workbook
at most 1.5 × calamine's, and at each N after the first (the issue: 1,000) the xlsx run within 4 × the JSON
run's CPU time and 2 × its peak.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup_bench import distinct_copies, environment

FORMATS = ("json", "csv", "md", "xlsx", "docx")

# Issue 26's targets
LINEAR_SLACK = 1.15  # T(Nk)/T(N1) at most this × Nk/N1: 4.6 for 250 → 1,000
KIB_PER_UNIT = 1.0  # the main process's growth a unit
OVER_CALAMINE = 1.5  # one more workbook's CPU time against python-calamine reading it
XLSX_CPU = 4.0  # the xlsx run against the JSON run, at 1,000 units (and each N after the first)
XLSX_PEAK = 2.0

# The command run as `parindex` runs it (`cli.app.main`), then its own figures: CPU (self + waited-for workers),
# peak memory (self; the largest worker's), exit code. A fresh interpreter: Linux keeps a process's peak across fork
# and exec.
_SCORE = """
import json, resource, sys
from parindex.cli.app import main
try:
    main(sys.argv[2:])
except SystemExit as end:
    code = end.code
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as out:
    json.dump({"cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime, "maxrss_kib": me.ru_maxrss,
               "workers_maxrss_kib": kids.ru_maxrss, "exit": code}, out)
"""

_CALAMINE = """
import json, resource, sys
from pathlib import Path
from python_calamine import CalamineWorkbook
cells = 0
for path in sorted(Path(sys.argv[2]).glob("*.xlsx")):
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        cells += sum(len(row) for row in book.get_sheet_by_name(name).to_python())
    book.close()
me = resource.getrusage(resource.RUSAGE_SELF)
with open(sys.argv[1], "w") as out:
    json.dump({"cpu": me.ru_utime + me.ru_stime, "maxrss_kib": me.ru_maxrss, "cells": cells}, out)
"""


def folders(base: Path, sizes: list[int]) -> dict[int, Path]:
    """A folder per N holding the first N of the largest N's distinct workbooks (hard links where possible)."""
    every = distinct_copies(base / "all", max(sizes))
    made = {}
    for n in sizes:
        folder = base / f"n{n}"
        folder.mkdir()
        for path in every[:n]:
            try:
                os.link(path, folder / path.name)
            except OSError:
                shutil.copyfile(path, folder / path.name)
        made[n] = folder
    return made


def child(code: str, args: list[str], env: dict[str, str], scratch: Path) -> dict[str, float]:
    figures = scratch / "figures.json"
    subprocess.run([sys.executable, "-c", code, str(figures), *args], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return json.loads(figures.read_text(encoding="utf-8"))


def measure(sizes: list[int], formats: list[str], base: Path) -> dict[str, object]:
    env = environment(base / "pycache")
    made = folders(base, sizes)
    child(_SCORE, ["score", str(made[sizes[0]]), "--format", "json", "-o", str(base / "warm.json"), "--force"],
          env, base)  # bytecode cached, files in the page cache
    runs: dict[str, dict[int, dict[str, float]]] = {fmt: {} for fmt in formats}
    runs["calamine"] = {}
    for n in sizes:
        runs["calamine"][n] = child(_CALAMINE, [str(made[n])], env, base)
        for fmt in formats:
            out = base / f"out-{n}.{fmt}"
            runs[fmt][n] = child(_SCORE, ["score", str(made[n]), "--format", fmt, "-o", str(out), "--force"], env,
                                 base)
            out.unlink(missing_ok=True)
    derived = derive(runs, sizes)
    return {"sizes": sizes, "cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else
            os.cpu_count(), "python": sys.version.split()[0], "runs": derived, "verdicts": verdicts(derived, sizes)}


def derive(runs: dict[str, dict[int, dict[str, float]]], sizes: list[int]) -> dict[str, dict[str, object]]:
    """Each format's figures, with the growth, memory per unit and per-workbook cost against the first N."""
    first = sizes[0]
    calamine = runs["calamine"]
    per_calamine = {n: (calamine[n]["cpu"] - calamine[first]["cpu"]) / (n - first) for n in sizes[1:]}
    out: dict[str, dict[str, object]] = {}
    for name, by_n in runs.items():
        figures: dict[str, object] = {"at": {str(n): by_n[n] for n in sizes}}
        for n in sizes[1:]:
            per_file = (by_n[n]["cpu"] - by_n[first]["cpu"]) / (n - first)
            figures[str(n)] = {"growth": by_n[n]["cpu"] / by_n[first]["cpu"],
                               "kib_per_unit": (by_n[n]["maxrss_kib"] - by_n[first]["maxrss_kib"]) / (n - first),
                               "per_file_ms": per_file * 1000,
                               "over_calamine": per_file / per_calamine[n] if per_calamine[n] > 0 else 0.0}
        out[name] = figures
    return out


def verdicts(runs: dict[str, dict[str, object]], sizes: list[int]) -> list[dict[str, object]]:
    """Each of issue 26's targets the figures can answer: what, the figure, the bound, and whether it is met."""
    first = sizes[0]
    found: list[dict[str, object]] = []

    def judge(what: str, value: float, bound: float) -> None:
        found.append({"what": what, "value": round(value, 3), "bound": round(bound, 3), "met": value <= bound})

    for name, figures in runs.items():
        if name == "calamine":
            continue
        for n in sizes[1:]:
            step = figures[str(n)]
            assert isinstance(step, dict)
            judge(f"{name} T({n})/T({first})", step["growth"], LINEAR_SLACK * n / first)
            judge(f"{name} KiB a unit {first}→{n}", step["kib_per_unit"], KIB_PER_UNIT)
            judge(f"{name} × calamine a workbook {first}→{n}", step["over_calamine"], OVER_CALAMINE)
    if "xlsx" in runs and "json" in runs:
        xlsx, json_ = (runs[name]["at"] for name in ("xlsx", "json"))
        assert isinstance(xlsx, dict) and isinstance(json_, dict)
        for n in sizes[1:]:  # the issue sets them at 1,000 units; the larger sizes say how they hold on
            judge(f"xlsx / json CPU at {n}", xlsx[str(n)]["cpu"] / json_[str(n)]["cpu"], XLSX_CPU)
            judge(f"xlsx / json peak at {n}", xlsx[str(n)]["maxrss_kib"] / json_[str(n)]["maxrss_kib"], XLSX_PEAK)
    return found


def report(f: dict) -> None:
    sizes: list[int] = f["sizes"]
    first = sizes[0]
    print(f"parindex score, N distinct workbooks: {', '.join(map(str, sizes))} · {f['cpus']} CPUs · "
          f"Python {f['python']} · CPU time = main process + its workers; memory = the main process's peak")
    head = ["format", *[f"CPU s N={n}" for n in sizes], *[f"MiB N={n}" for n in sizes]]
    for n in sizes[1:]:
        head += [f"T({n})/T({first})", f"KiB/unit {first}→{n}", f"ms/workbook {first}→{n}", f"× calamine {first}→{n}"]
    rows = [head]
    for name, figures in f["runs"].items():
        at = figures["at"]
        row = [name, *[f"{at[str(n)]['cpu']:.2f}" for n in sizes],
               *[f"{at[str(n)]['maxrss_kib'] / 1024:.0f}" for n in sizes]]
        for n in sizes[1:]:
            g = figures[str(n)]
            row += [f"{g['growth']:.2f}", f"{g['kib_per_unit']:.2f}", f"{g['per_file_ms']:.1f}",
                    "—" if name == "calamine" else f"{g['over_calamine']:.2f}"]
        rows.append(row)
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    for row in rows:
        print("  ".join(cell.rjust(width) if i else cell.ljust(width) for i, (cell, width)
                        in enumerate(zip(row, widths, strict=True))))
    print(f"linear growth is T(N)/T({first}) = N/{first}; calamine: the read alone, every sheet, one process")
    print("issue 26's targets:")
    width = max((len(v["what"]) for v in f["verdicts"]), default=0)
    for v in f["verdicts"]:
        print(f"  {v['what'].ljust(width)}  {v['value']:8.2f}  ≤ {v['bound']:.2f}  {'met' if v['met'] else 'NOT MET'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="50,250", help="comma-separated N, smallest first (default 50,250)")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated (default every format)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    sizes = sorted({int(n) for n in args.sizes.split(",")})
    formats = [fmt for fmt in args.formats.split(",") if fmt]
    if len(sizes) < 2 or sizes[0] < 1 or any(fmt not in FORMATS for fmt in formats):
        parser.error(f"two sizes or more, each at least 1; formats among {', '.join(FORMATS)}")
    with tempfile.TemporaryDirectory(prefix="parindex-scale-") as scratch:
        figures = measure(sizes, formats, Path(scratch))
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
