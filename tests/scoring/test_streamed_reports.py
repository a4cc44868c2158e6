"""The many-unit text reports, written row by row, are byte for byte what they were when built whole: the synthetic
province (three blocks, their survey tables and last year's results, two blocks ranked together) and the synthetic
districts, in JSON, CSV and Markdown, each compared with the SHA-256 of the file written before the rows were
streamed (`golden/score-many.sha256.json`; `PARINDEX_UPDATE_GOLDEN=1` rewrites it)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult

REPO = Path(__file__).resolve().parents[2]
DIGESTS = REPO / "tests" / "golden" / "score-many.sha256.json"
PROVINCE = "evidence_samples/synthetic-province-2026"
RUNS = {
    "province": ["--lang", "vi", "score", f"{PROVINCE}/so", f"{PROVINCE}/phuong", f"{PROVINCE}/xa",
                 *(arg for block in ("so", "phuong", "xa")
                   for arg in ("--survey", f"{PROVINCE}/dieu-tra-{block}-2026.xlsx",
                               "--previous", f"{PROVINCE}/ket-qua-2025-{block}.json")),
                 "--together", "Phường,Xã, đặc khu"],
    "districts": ["--lang", "en", "score", "evidence_samples/synthetic-districts"],
}


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
@pytest.mark.parametrize("run", sorted(RUNS))
def test_a_many_unit_report_is_the_same_bytes_as_before_it_was_streamed(
        run: str, fmt: str, cli: Callable[..., CliResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # the workbooks named as given, relative: the report says the same paths on any machine
    out = tmp_path / f"report.{fmt}"
    done = cli(*RUNS[run], "--format", fmt, "-o", str(out))
    assert done.code in (0, 1), done.err  # 1: the samples' slips, on purpose
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    known = json.loads(DIGESTS.read_text(encoding="utf-8")) if DIGESTS.exists() else {}
    if os.environ.get("PARINDEX_UPDATE_GOLDEN"):
        known[f"{run}.{fmt}"] = digest
        DIGESTS.write_text(json.dumps(dict(sorted(known.items())), indent=2) + "\n", encoding="utf-8")
    assert digest == known[f"{run}.{fmt}"], f"run with PARINDEX_UPDATE_GOLDEN=1 to update {DIGESTS.name}"
