"""`parindex validate`: which checker reads which file, and the default set of files."""

from __future__ import annotations

from pathlib import Path

from parindex.criteria.files import CheckedFile, check_criteria_document
from parindex.io.bundled import bundled_files
from parindex.io.yaml_source import load_yaml_file


def default_paths() -> list[Path]:
    return bundled_files("criteria") + bundled_files("baselines")


def validate_path(path: Path) -> CheckedFile:
    """Check one file: a baseline if it holds `units`, otherwise a criteria set."""
    doc = load_yaml_file(path)
    if isinstance(doc.data, dict) and "units" in doc.data:
        from parindex.baseline.files import check_baseline_document

        return check_baseline_document(path, doc)
    return check_criteria_document(path, doc)
