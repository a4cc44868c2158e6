"""Where the bundled criteria sets and baselines live: inside the wheel, or in the repository checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # parindex/, above this io/ folder


def bundled_dir(name: str) -> Path:
    """`criteria` or `baselines`: the copy shipped in the wheel, else the repository's own folder."""
    shipped = _PACKAGE / "_bundled" / name
    return shipped if shipped.is_dir() else _PACKAGE.parent / name


def bundled_files(name: str) -> list[Path]:
    folder = bundled_dir(name)
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []
