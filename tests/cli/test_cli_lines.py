"""Messages are lines: whatever COLUMNS says, what a command prints to a pipe or a file is never hard-wrapped — a
path, a name, a count stay on the line of the message that says them, so `grep` and a log find them whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from parindex.common.i18n import t
from parindex.criteria.files import load_criteria
from parindex.criteria.leads import lead_names

SET = "par-department-2025"
PROVINCE = Path(__file__).resolve().parents[2] / "evidence_samples" / "synthetic-province-2026"
LONG = "thư mục rất dài của Phòng Kế hoạch - Tài chính/Tự chấm điểm CCHC năm 2026 (bản nộp lần hai)"


@pytest.fixture(autouse=True)
def _narrow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")


def test_template_by_lead_says_each_part_and_the_sets_warning_in_one_line(cli, tmp_path: Path) -> None:
    folder = tmp_path / LONG
    folder.parent.mkdir(parents=True)
    result = cli("template", SET, "--by-lead", "-o", str(folder))
    assert result.code == 0, result.err
    cset = load_criteria(SET)
    lines = result.out.splitlines()
    assert len(lines) == len(lead_names(cset)) + 1  # one line per part, and one for the folder
    for name in lead_names(cset):
        line = next(line for line in lines if line.endswith(f" {name} chủ trì."))
        assert line.startswith(f"Đã ghi {folder}/") and ".xlsx: " in line
    assert result.err.splitlines() == [t("ui.reconstructed", id=cset.id, n=cset.provisional_count())]


def test_criteria_import_says_the_written_path_and_the_count_in_one_line(cli, tmp_path: Path) -> None:
    sheet = tmp_path / "bo.xlsx"
    assert cli("criteria", "export", SET, "-o", str(sheet)).code == 0
    target = tmp_path / LONG / "bộ tiêu chí.yaml"
    target.parent.mkdir(parents=True)
    result = cli("criteria", "import", str(sheet), "-o", str(target), "--lang", "en")
    assert result.code == 0, result.err
    items = len(load_criteria(SET).items())
    assert f"Written {target}: {items} items, criteria set {SET}." in result.out.splitlines()


def test_an_error_is_one_line_with_the_whole_path(cli, tmp_path: Path) -> None:
    missing = tmp_path / LONG / "không có.xlsx"
    result = cli("score", str(missing))
    assert result.code == 2
    (line,) = result.err.splitlines()
    assert line.startswith(f"{t('ui.error')}: ") and str(missing) in line


def run(*argv: str, columns: int) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own, its output a pipe, as `parindex … | grep` sees it."""
    env = {**os.environ, "COLUMNS": str(columns)}
    return subprocess.run([sys.executable, "-m", "parindex", *argv], capture_output=True, text=True,
                          encoding="utf-8", check=False, env=env)


def test_in_a_pipe_the_tables_keep_each_name_on_one_line(tmp_path: Path) -> None:
    parts = tmp_path / "parts"
    assert run("template", SET, "--by-lead", "-o", str(parts), columns=60).returncode == 0
    progress = run("progress", str(parts), columns=60)
    assert progress.returncode == 0, progress.stderr
    table = [line for line in progress.stdout.splitlines() if line.startswith("│")]
    for name in lead_names(load_criteria(SET)):
        assert sum(line.startswith(f"│ {name} ") for line in table) == 1, name  # `grep NAME` finds its row
    score = run("score", str(PROVINCE / "so"), "-f", "json", columns=60)
    units = [row["unit"] for row in json.loads(score.stdout)["ranking"]]
    ranking = run("score", str(PROVINCE / "so"), columns=60).stdout.splitlines()
    for unit in units:
        assert any(f"│ {unit} " in line for line in ranking), unit
