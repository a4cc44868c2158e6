"""Every writer safe (issue 27 parts 3-5): officers' odd text reaches xlsx, docx and CSV without breaking them or
becoming a formula; odd names are coded or shortened; two writers of one new name never both succeed; SIGTERM
cleans up as Ctrl-C does; workers end with their parent; a criteria spreadsheet is never replaced."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook, load_workbook

from parindex.criteria.files import load_criteria
from parindex.criteria.leads import STEM_BYTES, file_stem
from parindex.evidence.model import COLUMNS, SHEET_INFO, SHEET_ITEMS
from parindex.evidence.reader import is_criteria_sheet, is_report, read_evidence
from parindex.evidence.template import write_template
from parindex.io.atomic import part_pattern, write_text_atomic
from parindex.io.xlsx_cells import put

HERE = Path(__file__).resolve().parents[1]
REPO = HERE.parent
MINIMAL = HERE / "fixtures" / "criteria" / "minimal.yaml"
DEADLINE = 120  # seconds: only a guard against a hang, never a guess at how fast the machine is
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def workbook(path: Path, unit: str = "Sở Thử nghiệm", evidence: str = "Báo cáo _x000B_ số 1") -> Path:
    """An evidence workbook of the minimal set: `unit` in Thông tin, `evidence` in item 1.1.1's row, as typed
    (`_x000B_` is how Excel stores Word's line break: read back as U+000B)."""
    write_template(path, load_criteria(str(MINIMAL)), unit="placeholder", year=2020, today=date(2021, 1, 15))
    book = load_workbook(path)
    for row in book[SHEET_INFO].iter_rows():
        if row[1].value == "placeholder":
            put(row[1], unit)  # as typed: text, never a formula
    items = book[SHEET_ITEMS]
    header = {cell.value: cell.column for cell in items[1] if cell.value}
    row = next(cells[0].row for cells in items.iter_rows() if cells[0].value == "1.1.1")
    items.cell(row, header[COLUMNS["value"]], "Có")
    put(items.cell(row, header[COLUMNS["evidence"]]), evidence)
    book.save(path)
    return path


# --- part 3: what Word and Excel cannot hold is cleaned -----------------------------------------------------

def test_word_line_breaks_and_control_characters_reach_docx_and_xlsx(cli, tmp_path: Path) -> None:
    source = workbook(tmp_path / "so.xlsx", unit="Sở_x0001_ Thử_x001B_ nghiệm")
    book = read_evidence(source)
    assert "\x0b" in str(book.rows["1.1.1"].values["evidence"]), "the test exercises U+000B"
    assert "\x01" in book.info["unit"]
    for name in ("r.docx", "r.xlsx"):
        result = cli("score", str(source), "--criteria", str(MINIMAL), "-o", str(tmp_path / name))
        assert result.code in (0, 1) and "PC700" not in result.err, result.err
    cells = [str(c.value) for sheet in load_workbook(tmp_path / "r.xlsx") for row in sheet.iter_rows() for c in row
             if c.value is not None]
    assert "Báo cáo  số 1" in cells, "Word's line break removed, as Excel cannot hold it"
    assert not any(ch in text for text in cells for ch in "\x01\x0b\x1b")
    document = Document(str(tmp_path / "r.docx"))
    texts = [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert any("Sở Thử nghiệm" in text for text in texts)


@pytest.mark.skipif(sys.platform != "linux", reason="a file name that is not UTF-8 (macOS and Windows refuse one)")
def test_a_file_name_that_is_not_utf8_goes_into_docx_and_merge(cli, tmp_path: Path) -> None:
    source = workbook(tmp_path / os.fsdecode(b"so-\xff.xlsx"))
    result = cli("score", str(source), "--criteria", str(MINIMAL), "-o", str(tmp_path / "r.docx"))
    assert result.code in (0, 1) and "PC700" not in result.err, result.err
    folder = tmp_path / "phan"
    assert cli("template", "par-province-2020", "--by-lead", "-o", str(folder), "--unit", "UBND tỉnh A").code == 0
    first = sorted(folder.iterdir())[0]
    renamed = first.with_name(os.fsdecode(b"so-\xfe.xlsx"))
    first.rename(renamed)
    book = load_workbook(renamed)
    sheet = book[SHEET_ITEMS]
    item = next(row for row in range(2, sheet.max_row + 1) if str(sheet.cell(row, 1).value or "").count(".") >= 2)
    sheet.cell(item, 5).value = "Có"  # an item's row: a value on a heading row is refused (PM831)
    book.save(renamed)
    merged = cli("merge", *map(str, sorted(folder.iterdir())), "-o", str(tmp_path / "gop.xlsx"))
    assert merged.code in (0, 1) and "PC700" not in merged.err, merged.err
    sources = [str(c.value) for row in load_workbook(tmp_path / "gop.xlsx")[SHEET_ITEMS].iter_rows() for c in row]
    assert any("so-\ufffd.xlsx" in value for value in sources), "the part's name, its bad byte shown as U+FFFD"


def test_a_lead_name_too_long_for_a_file_name_is_shortened_the_same_way_every_time() -> None:
    long = "Sở " + "Khoa học và Công nghệ " * 30
    assert len(file_stem(long).encode()) <= STEM_BYTES and file_stem(long) == file_stem(long)
    assert file_stem(long) != file_stem(long + " thứ hai"), "two long names that begin alike keep apart"
    assert file_stem("Sở Tư pháp") == "so-tu-phap"


def test_template_by_lead_writes_a_part_for_a_lead_named_beyond_255_bytes(cli, tmp_path: Path) -> None:
    long = "Sở " + "Khoa học và Công nghệ " * 30
    text = MINIMAL.read_text(encoding="utf-8").replace("lead: Sở Nội vụ", f"lead: {long.strip()}")
    criteria = tmp_path / "dai.yaml"
    criteria.write_text(text, encoding="utf-8")
    result = cli("template", str(criteria), "--by-lead", "-o", str(tmp_path / "phan"))
    assert result.code == 0, result.err
    names = sorted(p.name for p in (tmp_path / "phan").iterdir())
    assert len(names) == 2 and all(len(name.encode()) <= 255 for name in names)


def test_an_output_name_too_long_for_the_disk_is_pe304(cli, tmp_path: Path) -> None:
    source = workbook(tmp_path / "so.xlsx")
    for length in (240, 300):  # the name fits but its .part file's would not; the name itself does not fit
        result = cli("score", str(source), "--criteria", str(MINIMAL), "-o", str(tmp_path / ("a" * length + ".json")))
        if length == 240:
            assert result.code in (0, 1), result.err
        else:
            assert result.code == 2 and "PE304" in result.err and "PC700" not in result.err


def test_a_criteria_sheet_with_codes_500_levels_deep_is_px345_at_its_cell(cli, tmp_path: Path) -> None:
    sheet = tmp_path / "sau.xlsx"
    assert cli("criteria", "export", "par-province-2020", "-o", str(sheet)).code == 0
    book = load_workbook(sheet)
    rows = book.worksheets[0]
    code, row = "99", rows.max_row + 1
    for depth in range(500):
        rows.cell(row + depth, 1, code)
        rows.cell(row + depth, 2, "x")
        code += ".1"
    book.save(sheet)
    result = cli("criteria", "import", str(sheet), "-o", str(tmp_path / "sau.yaml"))
    said = result.out + result.err
    assert result.code == 1 and "PC700" not in said
    assert said.count("PX345") == 1 and "có 17 cấp" in said
    assert not (tmp_path / "sau.yaml").exists()


def test_a_name_read_from_a_file_never_steers_the_terminal(cli, tmp_path: Path) -> None:
    one = workbook(tmp_path / "a.xlsx", unit="Sở_x001B_[2J [bold red]A[/]")
    other = workbook(tmp_path / "b.xlsx", unit="Sở B")
    for argv in ((str(one),), (str(one), str(other)), (str(one), "--format", "md")):
        result = cli("score", *argv, "--criteria", str(MINIMAL))
        assert result.code in (0, 1), result.err
        assert "\x1b" not in result.out + result.err
        assert "[bold red]A[/]" in result.out, "markup shown as written"
    explained = cli("explain", str(one), "1.1.1", "--criteria", str(MINIMAL))
    assert explained.code in (0, 1) and "\x0b" not in explained.out and "Báo cáo" in explained.out


# --- part 4: text never becomes a formula ---------------------------------------------------------------

@pytest.mark.parametrize("unit", ['=HYPERLINK("http://x","UBND")', "=1+1", "@SUM(A1)", "+Xã A", "-Xã B"])
def test_csv_cells_never_start_a_formula(cli, tmp_path: Path, unit: str) -> None:
    one = workbook(tmp_path / "a.xlsx", unit=unit, evidence="=1+1")
    other = workbook(tmp_path / "b.xlsx", unit="Sở B")
    result = cli("score", str(one), str(other), "--criteria", str(MINIMAL), "--format", "csv")
    assert result.code in (0, 1), result.err
    cells = [cell for row in csv.reader(io.StringIO(result.out), delimiter=";") for cell in row]
    assert "'" + unit in cells, "the name, as text"
    numbers = [cell for cell in cells if cell[:1].isdigit()]
    assert numbers, "numbers are written as numbers"
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)], "no cell starts a formula"


# --- part 5: writers that cannot race or linger ---------------------------------------------------------

HELD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from parindex.cli.app import sigterm_as_ctrl_c
    from parindex.common.errors import ParindexError
    from parindex.io.atomic import write_atomic

    def write(tmp):
        tmp.write_text("A", encoding="utf-8")
        print("ready", flush=True)
        sys.stdin.readline()  # held until the test says, or signals

    try:
        with sigterm_as_ctrl_c():
            write_atomic(Path(sys.argv[1]), write, force=sys.argv[2] == "force")
    except ParindexError as exc:
        print(exc.code, flush=True)
        sys.exit(2)
    except KeyboardInterrupt:
        print("stopped", flush=True)
        sys.exit(3)
    print("done", flush=True)
""")


def held_writer(target: Path, force: bool = False) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", HELD, str(target), "force" if force else "new"], cwd=REPO,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    return child


def finish(child: subprocess.Popen[str], answer: str = "\n") -> tuple[int, str]:
    out, _ = child.communicate(answer, timeout=DEADLINE)
    return child.returncode, out


def test_a_file_that_appears_while_a_new_one_is_written_is_kept_pc701(tmp_path: Path) -> None:
    target = tmp_path / "c.xlsx"
    first = held_writer(target)  # checked that no c.xlsx exists, and is writing
    write_text_atomic(target, "B")  # another run writes the same new name meanwhile, and finishes
    code, out = finish(first)
    assert (code, out.split()) == (2, ["PC701"]), "the second never replaces the first without --force"
    assert target.read_text(encoding="utf-8") == "B"
    assert sorted(os.listdir(tmp_path)) == ["c.xlsx"]


def test_two_runs_writing_one_new_name_exactly_one_succeeds(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    runs = [subprocess.Popen([sys.executable, "-m", "parindex", "schema", "-o", str(target)], cwd=REPO,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(run.wait(timeout=DEADLINE), run.communicate()[1]) for run in runs]
    assert sorted(code for code, _ in results) == [0, 2]
    assert "PC701" in next(err for code, err in results if code == 2)
    assert sorted(os.listdir(tmp_path)) == ["schema.json"]


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM")
def test_sigterm_mid_write_removes_the_part_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "r.xlsx"
    target.write_text("old", encoding="utf-8")
    child = held_writer(target, force=True)
    assert [p.name for p in tmp_path.iterdir() if part_pattern(target).fullmatch(p.name)], "mid-write"
    child.send_signal(signal.SIGTERM)
    code, out = finish(child, "")
    assert (code, out.split()) == (3, ["stopped"])
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(os.listdir(tmp_path)) == ["r.xlsx"], "no .part file left"


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM")
def test_sigterm_is_said_pc745(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import parindex.criteria.schema

    def terminated() -> str:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(DEADLINE)  # the handler interrupts this
        return ""

    monkeypatch.setattr(parindex.criteria.schema, "schema_text", terminated)
    before = signal.getsignal(signal.SIGTERM)
    result = cli("schema", "-o", str(tmp_path / "s.json"))
    assert result.code == 2 and "PC745" in result.err and "Traceback" not in result.err
    assert os.listdir(tmp_path) == []
    assert signal.getsignal(signal.SIGTERM) == before, "the handler before is back"


POOL = textwrap.dedent("""
    import os, sys, time
    from functools import partial
    from pathlib import Path
    from parindex.scoring.runs import score_many

    def hang(folder, unit):
        (Path(folder) / f"worker-{os.getpid()}").touch()
        time.sleep(3600)

    paths = sorted(Path(sys.argv[1]).glob("*.xlsx"))
    for _ in score_many(paths, sys.argv[2], partial(hang, sys.argv[1])):
        pass
""")


@pytest.mark.skipif(os.name != "posix" or len(os.sched_getaffinity(0)) < 2, reason="worker processes (POSIX)")
def test_workers_end_with_their_parent_killed_outright(tmp_path: Path) -> None:
    for n in range(8):
        workbook(tmp_path / f"so-{n}.xlsx")
    main = subprocess.Popen([sys.executable, "-c", POOL, str(tmp_path), str(MINIMAL)], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    end = time.monotonic() + DEADLINE
    while not list(tmp_path.glob("worker-*")):
        assert main.poll() is None and time.monotonic() < end, "no worker started"
        time.sleep(0.01)
    workers = [int(p.name.removeprefix("worker-")) for p in tmp_path.glob("worker-*")]
    main.kill()
    closed = threading.Event()
    threading.Thread(target=lambda: (main.communicate(), closed.set()), daemon=True).start()
    assert closed.wait(DEADLINE), "a worker still holds the output pipe"
    while any(_alive(pid) for pid in workers):
        assert time.monotonic() < end + DEADLINE, "a worker outlived its parent"
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split(")")[-1].split()[0] == "Z")  # a zombie has ended


def test_criteria_export_marks_its_sheet_and_no_output_replaces_it(cli, tmp_path: Path) -> None:
    sheet = tmp_path / "bo-tieu-chi.xlsx"
    assert cli("criteria", "export", "par-province-2020", "-o", str(sheet)).code == 0
    assert is_criteria_sheet(sheet) and is_report(sheet), "its own mark; a scored folder still skips it"
    before = sheet.read_bytes()
    source = workbook(tmp_path / "so.xlsx")
    for argv in (("criteria", "export", "par-province-2020"), ("score", str(source), "--criteria", str(MINIMAL))):
        result = cli(*argv, "-o", str(sheet), "--force")
        assert result.code == 2 and "PE325" in result.err, result.err
    assert sheet.read_bytes() == before
    report = tmp_path / "r.xlsx"
    assert cli("score", str(source), "--criteria", str(MINIMAL), "-o", str(report)).code in (0, 1)
    assert is_report(report) and not is_criteria_sheet(report)


def test_a_criteria_sheet_exported_before_it_had_its_mark_is_protected_too(cli, tmp_path: Path) -> None:
    from parindex.io.workbook_guard import REPORT_CATEGORY

    sheet = tmp_path / "cu.xlsx"
    assert cli("criteria", "export", "par-province-2020", "-o", str(sheet)).code == 0
    book = load_workbook(sheet)
    book.properties.category = REPORT_CATEGORY  # as earlier versions marked it
    book.save(sheet)
    assert is_criteria_sheet(sheet)
    other = Workbook()
    other.properties.category = REPORT_CATEGORY
    other.save(tmp_path / "bao-cao.xlsx")
    assert not is_criteria_sheet(tmp_path / "bao-cao.xlsx"), "a report is replaced with --force as before"
