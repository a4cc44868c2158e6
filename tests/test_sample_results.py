"""The JSON results of the synthetic districts and province stay exactly what they were (issue 26 part 3: reading
and scoring made cheaper, no result changed). Each unit's part, the run and the ranking are compared by a digest
of their canonical JSON against `golden/sample-results.json`; a unit that differs is named.

After a change meant to alter results: `python tests/test_sample_results.py --write`, and say why in the commit.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from parindex.cli.app import run
from parindex.common.i18n import set_lang

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "evidence_samples"
PROVINCE = SAMPLES / "synthetic-province-2026"
GOLDEN = Path(__file__).resolve().parent / "golden" / "sample-results.json"

# name → the command's arguments after `score` (paths relative to evidence_samples)
RUNS: dict[str, list[str]] = {
    "districts": ["synthetic-districts"],
    **{block: [f"synthetic-province-2026/{block}", "--survey", f"synthetic-province-2026/dieu-tra-{block}-2026.xlsx",
               "--previous", f"synthetic-province-2026/ket-qua-2025-{block}.json"] for block in ("so", "phuong", "xa")},
    "phuong-without-survey": ["synthetic-province-2026/phuong"],
}


def _digest(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True).replace(str(SAMPLES), "SAMPLES")
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def digests(name: str, out: Path) -> dict[str, object]:
    """The run's exit code and a digest of its run, ranking and each unit's part (by unit name)."""
    args = [str(SAMPLES / arg) if "/" in arg or arg.startswith("synthetic") else arg for arg in RUNS[name]]
    code = run(["--lang", "en", "score", *args, "--format", "json", "-o", str(out), "--force"])
    report = json.loads(out.read_text(encoding="utf-8"))
    units = {unit["unit"]: _digest(unit) for unit in report.pop("units")}
    return {"exit": code, "units": units, **{key: _digest(value) for key, value in sorted(report.items())}}


@pytest.fixture(autouse=True)
def _english():
    yield
    set_lang(None)


@pytest.mark.parametrize("name", sorted(RUNS))
def test_sample_results_are_unchanged(name, tmp_path, capsys):
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))[name]
    found = digests(name, tmp_path / "out.json")
    capsys.readouterr()
    changed = sorted(unit for unit in expected["units"] | found["units"]
                     if expected["units"].get(unit) != found["units"].get(unit))
    assert not changed, f"{name}: units whose result changed: {changed}"
    assert found == expected


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        made = {name: digests(name, Path(scratch) / "out.json") for name in sorted(RUNS)}
    GOLDEN.write_text(json.dumps(made, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    set_lang(None)
