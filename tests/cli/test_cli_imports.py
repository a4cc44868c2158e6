"""What a command imports: openpyxl without numpy on the command line, and numpy still there for whoever asks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def imported(*argv: str) -> tuple[int, set[str]]:
    """The exit code and the modules a fresh `python -X importtime …` imported (from what it reports on stderr)."""
    done = subprocess.run([sys.executable, "-X", "importtime", *argv], cwd=ROOT, capture_output=True, text=True,
                          check=False, encoding="utf-8")
    return done.returncode, {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()
                             if line.startswith("import time:")}


def test_criteria_export_writes_its_workbook_with_openpyxl_and_never_imports_numpy(tmp_path: Path) -> None:
    out = tmp_path / "bo.xlsx"
    code, modules = imported("-m", "parindex", "criteria", "export", "par-province-2020", "-o", str(out))
    assert code == 0 and out.stat().st_size > 0
    assert "openpyxl" in modules and "openpyxl.compat.numbers" in modules
    # `-X importtime` lists the `import numpy` refused too: none of numpy's own modules ran
    assert not {module for module in modules if module.startswith("numpy.")}


def test_numpy_imports_as_usual_after_openpyxl_was_imported_without_it() -> None:
    code = ("import sys\n"
            "from parindex.cli.app import _OpenpyxlWithoutNumpy\n"
            "guard = _OpenpyxlWithoutNumpy()\n"
            "sys.meta_path.insert(0, guard)\n"
            "import openpyxl.compat.numbers as numbers\n"
            "import numpy\n"
            "print(numbers.NUMPY, guard in sys.meta_path, numpy.float64(1.5) + 1)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                          encoding="utf-8")
    assert done.stdout.split() == ["False", "False", "2.5"]
