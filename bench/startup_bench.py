"""Benchmark: the start-up of `parindex score` and `parindex validate`, and the cost of one more workbook.

    python bench/startup_bench.py                       # 15 rounds, N = 50 and 400
    python bench/startup_bench.py --runs 25 --no-marginal --json figures.json

Times, in one run, each command as a fresh subprocess, interleaved round by round so that a busy machine slows
every side alike; medians over --runs rounds and the range of the round-by-round ratios. What counts is each
command's CPU time (user + system of the child and the processes it waited for, from wait4): on a machine shared
with other jobs the wall time also measures the others. The wall time is shown beside it.

  (i)   `parindex score ONE.xlsx` (the table, to a pipe) against bench/typer_floor.py, a typer app declaring a
        `score` command with the same kinds of options that does nothing: target ≤ 1.3× in CPU time. What
        parindex adds to what typer costs any command of this shape. `python -c pass` is shown for context.
  (ii)  `parindex validate SET.yaml` against check-jsonschema validating the same file with `parindex schema`'s
        JSON Schema: target < 1× in CPU time. check-jsonschema comes with the test extra
        (`pip install -e ".[test]"`, or `pip install check-jsonschema`); without it (ii) is skipped, with a line
        that says so.
  (b)   the marginal cost of one more workbook in a folder of small ones: (T(large) − T(small)) / (large − small),
        T(N) the time of `parindex score FOLDER --format json -o out.json` on N workbooks of N distinct units,
        against the same for a python-calamine read of the same files (open, both sheets `to_python()`, close;
        one process): target ≤ 1.5× in wall time. parindex uses its worker processes (one per CPU, at most 4)
        from 8 files. --no-marginal skips it.

Bytecode: a pip-installed package has its .pyc files, but PYTHONDONTWRITEBYTECODE (set on some machines) makes
every run compile every module from source. So the commands run with their bytecode cached in a temporary
PYTHONPYCACHEPREFIX (warmed by a first run of each), as installed.

Last, where (i)'s time goes: its stages in one fresh process, and (b)'s per-file stages in this one.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
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
SET = REPO / "criteria" / "par-province-2020.yaml"  # the largest bundled set
FLOOR = Path(__file__).resolve().with_name("typer_floor.py")
SMALL_SAMPLE = REPO / "evidence_samples" / "synthetic-districts" / "synthetic-huyen-01.xlsx"
SAMPLE_UNIT = "Huyện Mẫu A (tổng hợp)"  # the unit's name in SMALL_SAMPLE, made distinct in each copy

TARGET_SCORE = 1.3  # (i), CPU time
TARGET_VALIDATE = 1.0  # (ii), CPU time: below it
TARGET_MARGINAL = 1.5  # (b), wall time

SCORE, FLOOR_NAME = "parindex score ONE.xlsx", "typer app, score's command line"
VALIDATE, CHECK_JSONSCHEMA = "parindex validate SET.yaml", "check-jsonschema, the same schema"
NO_CHECK_JSONSCHEMA = ("(ii) skipped: check-jsonschema is not installed (it comes with the test extra: "
                       "pip install -e \".[test]\"; or pip install check-jsonschema)")

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

# The stages of `parindex score ONE.xlsx`, timed in one fresh process: what (i)'s time is made of.
STARTUP_STAGES = """
import gc, json, os, sys, time
from pathlib import Path
gc.disable()  # as parindex.cli.app.main runs a command, with pydantic's plugin search off
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
marks = [("interpreter", time.process_time())]
def mark(name):
    marks.append((name, time.process_time()))
import typer
mark("import typer")
from parindex.cli.app import create_app
app = create_app(["score", sys.argv[1]])
mark("create the typer app (the score module)")
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


# The same for the floor: what typer itself costs a command of score's shape.
FLOOR_STAGES = """
import json, sys, time
marks = [("interpreter", time.process_time())]
def mark(name):
    marks.append((name, time.process_time()))
import typer
mark("import typer")
sys.path.insert(0, sys.argv[2])
import typer_floor
app = typer_floor.create_app()
mark("create the typer app")
app(args=["score", sys.argv[1]], prog_name="parindex", standalone_mode=False)
mark("parse the command line and call the command")
print(json.dumps([[marks[i][0], marks[i][1] - marks[i - 1][1]] for i in range(1, len(marks))]))
"""


def installed(name: str) -> list[str] | None:
    """The console script `name` installed next to this interpreter, else on PATH; None when there is none."""
    script = Path(sys.executable).with_name(name)
    found = str(script) if script.exists() else shutil.which(name)
    return [found] if found else None


def parindex_command() -> list[str]:
    """The installed `parindex`, else `python -m parindex`."""
    return installed("parindex") or [sys.executable, "-m", "parindex"]


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


def environment(cache: Path) -> dict[str, str]:
    """Bytecode cached out of the source tree and the venv, as an installed package has it."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def startup(runs: int, env: dict[str, str], one: Path, criteria_file: Path, base: Path) -> dict[str, object]:
    """(i) and, when check-jsonschema is installed, (ii): all their commands interleaved in the same rounds."""
    commands = {"python -c pass": [sys.executable, "-c", "pass"],
                FLOOR_NAME: [sys.executable, str(FLOOR), "score", str(one)],
                SCORE: [*parindex_command(), "score", str(one)]}
    check_jsonschema = installed("check-jsonschema")
    if check_jsonschema:
        schema = base / "criteria.schema.json"
        subprocess.run([*parindex_command(), "schema", "-o", str(schema)], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        commands[CHECK_JSONSCHEMA] = [*check_jsonschema, "--schemafile", str(schema), str(criteria_file)]
        commands[VALIDATE] = [*parindex_command(), "validate", str(criteria_file)]
    times = interleaved(commands, runs, env)
    figures: dict[str, object] = {"times": summaries(times), "score": ratios(times, SCORE, FLOOR_NAME)}
    figures["validate"] = ratios(times, VALIDATE, CHECK_JSONSCHEMA) if check_jsonschema else None
    return figures


def ratios(times: Times, over: str, under: str) -> dict[str, dict[str, float]]:
    return {kind: ratio(times[over][kind], times[under][kind]) for kind in ("cpu", "wall")}


def startup_stages(runs: int, env: dict[str, str], one: Path) -> dict[str, dict[str, dict[str, float]]]:
    """CPU time of each stage (time.process_time) of parindex's and of the floor's, in alternate processes."""
    stages: dict[str, dict[str, list[float]]] = {"parindex": {}, "floor": {}}
    for _ in range(runs):
        for side, script in (("parindex", STARTUP_STAGES), ("floor", FLOOR_STAGES)):
            done = subprocess.run([sys.executable, "-c", script, str(one), str(FLOOR.parent)], capture_output=True,
                                  text=True, env=env, check=True)
            for name, seconds in json.loads(done.stdout.strip().splitlines()[-1]):
                stages[side].setdefault(name, []).append(seconds)
    return {side: {name: summary(values) for name, values in named.items()} for side, named in stages.items()}


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
            "ratio": {kind: ratio(per_file["parindex"][kind], per_file["calamine"][kind]) for kind in ("cpu", "wall")},
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
    parser.add_argument("--runs", type=int, default=15, help="rounds of each measure (default 15)")
    parser.add_argument("--one", type=Path, default=ONE, help="the workbook for (i)")
    parser.add_argument("--set", type=Path, default=SET, help="the criteria file for (ii)")
    parser.add_argument("--small", type=int, default=50, help="the smaller folder for (b) (default 50)")
    parser.add_argument("--large", type=int, default=400, help="the larger folder for (b) (default 400)")
    parser.add_argument("--no-marginal", dest="marginal", action="store_false", help="skip (b)")
    parser.add_argument("--no-stages", dest="stages", action="store_false", help="skip the stage breakdowns")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.runs < 1 or not 1 <= args.small < args.large:
        parser.error("need --runs ≥ 1 and 1 ≤ --small < --large")

    figures: dict[str, object] = {"runs": args.runs, "small": args.small, "large": args.large,
                                  "python": sys.version.split()[0], "cpus": os.cpu_count(), "one": str(args.one),
                                  "set": str(args.set), "load_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory(prefix="parindex-startup-") as tmp:
        base = Path(tmp)
        env = environment(base / "pycache")
        print(f"(i) and (ii) start-up, {args.runs} rounds …", flush=True)
        figures["startup"] = startup(args.runs, env, args.one, args.set, base)
        if args.marginal:
            print(f"(b) one more workbook, N = {args.small} and {args.large}, {args.runs} rounds …", flush=True)
            figures["marginal"] = marginal(base, args.small, args.large, args.runs, env)
        if args.stages:
            figures["startup_stages"] = startup_stages(args.runs, env, args.one)
            if args.marginal:
                figures["per_file_stages"] = per_file_stages(base / f"units-{args.large}", args.large)
    figures["load_after"] = os.getloadavg()[0]
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def report(f: dict) -> None:
    def ms(s: dict[str, float]) -> str:
        return f"{s['median'] * 1000:7.1f} [{s['min'] * 1000:.1f}–{s['max'] * 1000:.1f}]"

    def times(s: dict[str, dict[str, float]]) -> str:
        return f"cpu {ms(s['cpu'])}   wall {ms(s['wall'])} ms"

    def ratio_line(title: str, r: dict[str, dict[str, float]], kind: str, target: str, met: bool) -> str:
        main, other = r[kind], r["wall" if kind == "cpu" else "cpu"]
        return (f"  {title}, {'CPU' if kind == 'cpu' else 'wall'} time = {main['ratio']:.2f} "
                f"[rounds {main['min']:.2f}–{main['max']:.2f}]  target {target}  {'ok' if met else 'MISSED'};  "
                f"{'wall' if kind == 'cpu' else 'CPU'}: {other['ratio']:.2f} [{other['min']:.2f}–{other['max']:.2f}]")

    print()
    print(f"parindex start-up benchmark — Python {f['python']}, {f['cpus']} CPUs, {f['runs']} rounds, "
          f"median [min–max]; load average {f['load_before']:.1f} → {f['load_after']:.1f}")
    a = f["startup"]
    for name, s in a["times"].items():
        print(f"       {name:36s} {times(s)}")
    score = a["score"]
    print(ratio_line(f"(i)  {SCORE} / {FLOOR_NAME}", score, "cpu", f"≤ {TARGET_SCORE}",
                     score["cpu"]["ratio"] <= TARGET_SCORE))
    validate = a["validate"]
    if validate is None:
        print("  " + NO_CHECK_JSONSCHEMA)
    else:
        print(ratio_line(f"(ii) {VALIDATE} / {CHECK_JSONSCHEMA}", validate, "cpu", f"< {TARGET_VALIDATE:g}",
                         validate["cpu"]["ratio"] < TARGET_VALIDATE))
    if "marginal" in f:
        b = f["marginal"]
        print(f"  (b) one more workbook ({b['bytes_per_file'] / 1024:.1f} KiB each; {b['units_scored']} units "
              f"scored at N = {f['large']}; calamine in one process, parindex with its workers):")
        for name, s in b["times"].items():
            print(f"       T({name:13s})                      {times(s)}")
        for tool, s in b["per_file"].items():
            print(f"       per file, {tool:9s} (T({f['large']})−T({f['small']}))/{f['large'] - f['small']}  {times(s)}")
        print(ratio_line("(b)  parindex / calamine, per file", b["ratio"], "wall", f"≤ {TARGET_MARGINAL}",
                         b["ratio"]["wall"]["ratio"] <= TARGET_MARGINAL))
    if "startup_stages" in f:
        for side, title in (("parindex", SCORE), ("floor", FLOOR_NAME)):
            print(f"  where (i) goes, {title}, stage by stage (a fresh process each round; CPU ms):")
            for name, s in f["startup_stages"][side].items():
                print(f"       {name:44s} {ms(s)}")
    if "per_file_stages" in f:
        print("  where (b) goes per file, serial, in-process (CPU ms; parindex runs one worker per core):")
        for name, seconds in f["per_file_stages"].items():
            print(f"       {name:44s} {seconds * 1000:7.2f}")


if __name__ == "__main__":
    sys.exit(main())
