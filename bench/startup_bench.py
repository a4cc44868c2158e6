"""Benchmark: the start-up of `parindex score` and the cost of one more workbook.

    python bench/startup_bench.py                       # 9 runs, N = 50 and 400
    python bench/startup_bench.py --runs 15 --small 50 --large 400 --json figures.json

Times, in one run, each command as a fresh subprocess (interleaved, so that a busy machine slows both sides
alike; medians and ranges over --runs):

  (a)  `parindex score ONE.xlsx` (the table, to a pipe) against `python -c "import typer, rich, pydantic, yaml"`:
       target ≤ 1.5×. For context: `python -c pass`, and a typer app with `score`'s options that does nothing
       (the floor for any typer command: typer checks each option with a pydantic TypeAdapter).
  (b)  the marginal cost of one more workbook in a folder of small ones: (T(large) − T(small)) / (large − small),
       T(N) the wall time of `parindex score FOLDER --format json -o out.json` on N workbooks of N distinct units,
       against the same for a python-calamine read of the same files (open, both sheets `to_python()`, close;
       one process): target ≤ 1.5×. parindex uses its worker processes (one per CPU, at most 4) from 8 files.

Each command's CPU time (user + system, its worker processes included, from wait4) is shown beside its wall
time: on a machine shared with other jobs the wall time also measures the others, the CPU time much less so.

Bytecode: a pip-installed package has its .pyc files, but PYTHONDONTWRITEBYTECODE (set on some machines)
makes every run compile every module from source, for both sides. So the commands run with their bytecode
cached in a temporary PYTHONPYCACHEPREFIX (warmed once), as installed; (a) is also shown without it.

Last, where the time goes: the stages of (a) in one fresh process, and the per-file stages of (b) in this one.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ONE = REPO / "evidence_samples" / "bac-giang-2020.xlsx"
SMALL_SAMPLE = REPO / "evidence_samples" / "synthetic-districts" / "synthetic-huyen-01.xlsx"
SAMPLE_UNIT = "Huyện Mẫu A (tổng hợp)"  # the unit's name in SMALL_SAMPLE, made distinct in each copy

TARGET_STARTUP = 1.5
TARGET_MARGINAL = 1.5

BASELINE_IMPORTS = "import typer, rich, pydantic, yaml"

# A typer app with the options of `parindex score`, doing nothing: what any typer command costs to start.
TYPER_FLOOR = """
from pathlib import Path
import typer
app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
@app.callback()
def options(version: bool = typer.Option(False, "--version"), lang: str = typer.Option(None, "--lang"),
            debug: bool = typer.Option(False, "--debug")) -> None:
    pass
@app.command("score")
def score(files: list[Path] = typer.Argument(...), fmt: str = typer.Option(None, "--format", "-f"),
          output: Path = typer.Option(None, "-o", "--output"), force: bool = typer.Option(False, "--force"),
          criteria: str = typer.Option(None, "--criteria")) -> None:
    pass
app(["score", "ONE.xlsx"], standalone_mode=False)
"""

# Reads every .xlsx in a folder with python-calamine alone: (b)'s reference.
CALAMINE_READ = """
import sys
from pathlib import Path
from python_calamine import CalamineWorkbook
cells = 0
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    book = CalamineWorkbook.from_path(str(path))
    for name in sys.argv[2:]:
        cells += sum(len(row) for row in book.get_sheet_by_name(name).to_python())
    book.close()
print(cells)
"""

# The stages of `parindex score ONE.xlsx`, timed in one fresh process: what (a)'s time is made of.
STARTUP_STAGES = """
import gc, json, sys, time
from pathlib import Path
gc.disable()  # as parindex.cli.app.main runs a command
marks = [("interpreter", time.process_time())]
def mark(name):
    marks.append((name, time.process_time()))
import typer, rich, pydantic, yaml
mark("import typer, rich, pydantic, yaml")
from parindex.cli.app import create_app
app = create_app()
mark("create the typer app (command modules)")
from typer.main import get_command
command = get_command(app)
context = command.make_context("parindex", ["score", sys.argv[1]])
sub = command.get_command(context, "score")
sub.make_context("score", [sys.argv[1]], parent=context)
mark("parse the command line (typer)")
from parindex.scoring import runs
from parindex.criteria import files
from parindex.evidence import reader
from parindex.scoring import reports, table
mark("import the scoring path")
cset = files.load_bundled("par-province-2020")
mark("load and check the criteria set")
book = reader.read_evidence(Path(sys.argv[1]))
mark("read the workbook")
from parindex.scoring.engine import score_book
unit = score_book(cset, book)
mark("score")
from parindex.cli.render import console
mark("import the console")
from parindex.io.screen import NATURAL_WIDTH
table.table_report(False, table.Look(NATURAL_WIDTH)).unit(unit)
mark("render the table")
print(json.dumps([[marks[i][0], marks[i][1] - marks[i - 1][1]] for i in range(1, len(marks))]))
"""


def parindex_command() -> list[str]:
    """The installed `parindex` next to this interpreter, else `python -m parindex`."""
    script = Path(sys.executable).with_name("parindex")
    return [str(script)] if script.exists() else [sys.executable, "-m", "parindex"]


def distinct_copies(folder: Path, count: int, sample: Path = SMALL_SAMPLE, unit: str = SAMPLE_UNIT) -> list[Path]:
    """`count` copies of `sample`, each of a different unit (two of one unit stop a run: PS526), made quickly:
    the sample's Thông tin sheet stored uncompressed, so each copy is that template with the unit's name and
    the sheet's CRC patched in place (the tests make theirs with it too)."""
    sheet = "xl/worksheets/sheet1.xml"
    # as UTF-8, or as character references (&#7879;): openpyxl writes the latter when lxml is installed
    forms = (unit.encode(), "".join(ch if ord(ch) < 128 else f"&#{ord(ch)};" for ch in unit).encode())
    packed = io.BytesIO()
    with zipfile.ZipFile(sample) as source, zipfile.ZipFile(packed, "w") as out:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == sheet:
                name = next((form for form in forms if data.count(form) == 1), forms[0])
                marker = name + b" #00000"
                if data.count(name) != 1:
                    raise SystemExit(f"{sample}: the unit name {unit!r} is not in {sheet} once")
                sheet_data = data.replace(name, marker)
                out.writestr(sheet, sheet_data, zipfile.ZIP_STORED)
            else:
                out.writestr(entry, data)
    template = packed.getvalue()
    crc = struct.pack("<I", zlib.crc32(sheet_data))
    at = template.index(marker)
    crc_at = [template.index(crc), template.rindex(crc)]
    folder.mkdir(parents=True)
    book = bytearray(template)
    paths = []
    for n in range(count):
        unique = name + f" #{n:05d}".encode()
        book[at:at + len(unique)] = unique
        for where in crc_at:
            book[where:where + 4] = struct.pack("<I", zlib.crc32(sheet_data.replace(marker, unique)))
        path = folder / f"{n:05d}.xlsx"
        path.write_bytes(book)
        paths.append(path)
    return paths


def measure(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system, with the processes it waited for) and exit code of one
    subprocess, its output discarded."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


Times = dict[str, dict[str, list[float]]]  # command → {"wall": [...], "cpu": [...]}, one value per round


def interleaved(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> Times:
    """Each command run once to warm (file cache, bytecode), then `runs` rounds of all of them in turn."""
    times: Times = {name: {"wall": [], "cpu": []} for name in commands}
    for name, argv in commands.items():
        code = measure(argv, env)[2]
        if code != 0:
            raise SystemExit(f"{name}: exit {code}: {' '.join(argv)}")
    for _ in range(runs):
        for name, argv in commands.items():
            wall, cpu, _ = measure(argv, env)
            times[name]["wall"].append(wall)
            times[name]["cpu"].append(cpu)
    return times


def summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def summaries(times: Times) -> dict[str, dict[str, dict[str, float]]]:
    return {name: {kind: summary(values) for kind, values in kinds.items()} for name, kinds in times.items()}


def ratio(over: list[float], under: list[float]) -> dict[str, float]:
    """The ratio of the medians, and the range of the ratios round by round."""
    rounds = summary([a / b for a, b in zip(over, under, strict=True)])
    return {"ratio": statistics.median(over) / statistics.median(under), "min": rounds["min"], "max": rounds["max"]}


def environment(bytecode: bool, cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPYCACHEPREFIX", None)
    if bytecode:
        env["PYTHONPYCACHEPREFIX"] = str(cache)  # out of the source tree and the venv
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONPYCACHEPREFIX"] = str(cache / "none")  # no stray .pyc of the venv's is read either
    return env


def startup(runs: int, env: dict[str, str], one: Path) -> dict[str, object]:
    py = sys.executable
    commands = {"python -c pass": [py, "-c", "pass"],
                "import typer, rich, pydantic, yaml": [py, "-c", BASELINE_IMPORTS],
                "typer app with score's options": [py, "-c", TYPER_FLOOR],
                "parindex score ONE.xlsx": [*parindex_command(), "score", str(one)]}
    times = interleaved(commands, runs, env)
    score, base = times["parindex score ONE.xlsx"], times["import typer, rich, pydantic, yaml"]
    return {"times": summaries(times), "ratio": ratio(score["wall"], base["wall"]),
            "cpu_ratio": ratio(score["cpu"], base["cpu"])}


def startup_stages(runs: int, env: dict[str, str], one: Path) -> dict[str, dict[str, float]]:
    stages: dict[str, list[float]] = {}
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", STARTUP_STAGES, str(one)], capture_output=True, text=True,
                              env=env, check=True)  # CPU time of each stage (time.process_time)
        for name, seconds in json.loads(done.stdout.strip().splitlines()[-1]):
            stages.setdefault(name, []).append(seconds)
    return {name: summary(values) for name, values in stages.items()}


def marginal(base: Path, small: int, large: int, runs: int, env: dict[str, str]) -> dict[str, object]:
    from parindex.evidence.model import SHEET_INFO, SHEET_ITEMS

    folders = {n: base / f"units-{n}" for n in (small, large)}
    paths = distinct_copies(folders[large], large)
    folders[small].mkdir()
    for path in paths[:small]:
        os.link(path, folders[small] / path.name)
    commands: dict[str, list[str]] = {}
    for n, folder in folders.items():
        commands[f"parindex {n}"] = [*parindex_command(), "score", str(folder), "--format", "json",
                                     "-o", str(base / f"scores-{n}.json"), "--force"]
        commands[f"calamine {n}"] = [sys.executable, "-c", CALAMINE_READ, str(folder), SHEET_INFO, SHEET_ITEMS]
    times = interleaved(commands, runs, env)
    scored = json.loads((base / f"scores-{large}.json").read_text(encoding="utf-8"))
    span = large - small
    per_file = {tool: {kind: [(big - few) / span for few, big in zip(times[f"{tool} {small}"][kind],
                                                                     times[f"{tool} {large}"][kind], strict=True)]
                       for kind in ("wall", "cpu")}
                for tool in ("parindex", "calamine")}
    return {"times": summaries(times), "per_file": summaries(per_file),
            "ratio": ratio(per_file["parindex"]["wall"], per_file["calamine"]["wall"]),
            "cpu_ratio": ratio(per_file["parindex"]["cpu"], per_file["calamine"]["cpu"]),
            "units_scored": len(scored.get("units", [])), "bytes_per_file": paths[0].stat().st_size}


def per_file_stages(folder: Path, count: int) -> dict[str, float]:
    """(b)'s work per file, stage by stage, serial, in this process (the criteria set loaded beforehand): CPU."""
    from python_calamine import CalamineWorkbook

    from parindex.criteria.files import load_bundled
    from parindex.evidence.model import SHEET_INFO, SHEET_ITEMS
    from parindex.evidence.reader import read_evidence
    from parindex.scoring.engine import score_book
    from parindex.scoring.reports import unit_json

    paths = sorted(folder.glob("*.xlsx"))[:count]
    cset = load_bundled("par-province-2020")

    def calamine() -> None:
        for path in paths:
            book = CalamineWorkbook.from_path(str(path))
            for name in (SHEET_INFO, SHEET_ITEMS):
                book.get_sheet_by_name(name).to_python()
            book.close()

    stages: dict[str, float] = {}
    start = time.process_time()
    calamine()
    stages["python-calamine alone"] = time.process_time() - start
    start = time.process_time()
    books = [read_evidence(path) for path in paths]
    stages["read_evidence (guard + calamine + rows)"] = time.process_time() - start
    start = time.process_time()
    units = [score_book(cset, book) for book in books]
    stages["score_book"] = time.process_time() - start
    start = time.process_time()
    for unit in units:
        unit_json(unit)
        unit.totals()
    stages["unit_json + totals"] = time.process_time() - start
    return {name: seconds / len(paths) for name, seconds in stages.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="rounds of each measure (default 9)")
    parser.add_argument("--small", type=int, default=50, help="the smaller folder for (b) (default 50)")
    parser.add_argument("--large", type=int, default=400, help="the larger folder for (b) (default 400)")
    parser.add_argument("--one", type=Path, default=ONE, help="the workbook for (a)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--no-stages", dest="stages", action="store_false", help="skip the stage breakdowns")
    args = parser.parse_args(argv)
    if args.runs < 1 or not 1 <= args.small < args.large:
        parser.error("need --runs ≥ 1 and 1 ≤ --small < --large")

    figures: dict[str, object] = {"runs": args.runs, "small": args.small, "large": args.large,
                                  "python": sys.version.split()[0], "cpus": os.cpu_count(), "one": str(args.one),
                                  "load_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory(prefix="parindex-startup-") as tmp:
        base = Path(tmp)
        cached = environment(True, base / "pycache")
        print(f"(a) start-up, {args.runs} rounds, bytecode cached …", flush=True)
        figures["startup"] = startup(args.runs, cached, args.one)
        print(f"(a) start-up, {args.runs} rounds, no bytecode …", flush=True)
        figures["startup_no_bytecode"] = startup(args.runs, environment(False, base / "pycache"), args.one)
        print(f"(b) one more workbook, N = {args.small} and {args.large}, {args.runs} rounds …", flush=True)
        figures["marginal"] = marginal(base, args.small, args.large, args.runs, cached)
        if args.stages:
            figures["startup_stages"] = startup_stages(args.runs, cached, args.one)
            figures["per_file_stages"] = per_file_stages(base / f"units-{args.large}", args.large)
    figures["load_after"] = os.getloadavg()[0]
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def report(f: dict) -> None:
    def ok(good: bool) -> str:
        return "ok" if good else "MISSED"

    def ms(s: dict[str, float]) -> str:
        return f"{s['median'] * 1000:7.1f} [{s['min'] * 1000:.1f}–{s['max'] * 1000:.1f}]"

    def times(s: dict[str, dict[str, float]]) -> str:
        return f"wall {ms(s['wall'])}   cpu {ms(s['cpu'])} ms"

    def ratios(r: dict[str, float], c: dict[str, float], target: float) -> str:
        return (f"{r['ratio']:.2f} [rounds {r['min']:.2f}–{r['max']:.2f}]  target ≤ {target}  "
                f"{ok(r['ratio'] <= target)};  CPU time: {c['ratio']:.2f} [{c['min']:.2f}–{c['max']:.2f}]")

    print()
    print(f"parindex start-up benchmark — Python {f['python']}, {f['cpus']} CPUs, {f['runs']} rounds, "
          f"median [min–max]; load average {f['load_before']:.1f} → {f['load_after']:.1f}")
    for key, title in (("startup", "bytecode cached (as installed)"), ("startup_no_bytecode", "no bytecode")):
        a = f[key]
        print(f"  (a) start-up, {title}:")
        for name, s in a["times"].items():
            print(f"       {name:36s} {times(s)}")
        print("       parindex score / import typer, rich, pydantic, yaml = "
              + ratios(a["ratio"], a["cpu_ratio"], TARGET_STARTUP))
    b = f["marginal"]
    print(f"  (b) one more workbook ({b['bytes_per_file'] / 1024:.1f} KiB each; {b['units_scored']} units scored "
          f"at N = {f['large']}; calamine in one process, parindex with its workers):")
    for name, s in b["times"].items():
        print(f"       T({name:13s})                      {times(s)}")
    for tool, s in b["per_file"].items():
        print(f"       per file, {tool:9s} (T({f['large']})−T({f['small']}))/{f['large'] - f['small']}  {times(s)}")
    print("       parindex / calamine = " + ratios(b["ratio"], b["cpu_ratio"], TARGET_MARGINAL))
    if "startup_stages" in f:
        print("  where (a) goes, stage by stage (one fresh process, bytecode cached; CPU ms):")
        for name, s in f["startup_stages"].items():
            print(f"       {name:40s} {ms(s)}")
        print("  where (b) goes per file, serial, in-process (CPU ms; parindex runs one worker per core):")
        for name, seconds in f["per_file_stages"].items():
            print(f"       {name:40s} {seconds * 1000:7.2f}")


if __name__ == "__main__":
    sys.exit(main())
