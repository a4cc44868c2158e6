"""Where the bundled criteria sets and baselines live: inside the wheel, or in the repository checkout."""

from __future__ import annotations

from pathlib import Path

from parindex.common.errors import ParindexError

_PACKAGE = Path(__file__).resolve().parents[1]  # parindex/, above this io/ folder


def bundled_dir(name: str) -> Path:
    """`criteria` or `baselines`: the copy shipped in the wheel, else the repository's own folder."""
    shipped = _PACKAGE / "_bundled" / name
    return shipped if shipped.is_dir() else _PACKAGE.parent / name


def bundled_files(name: str) -> list[Path]:
    """The bundled YAML files; none at all means a broken installation, said loudly (PE311), never read as
    'nothing to check' (`validate` would print '0 files valid' and pass)."""
    folder = bundled_dir(name)
    found = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not found:
        raise ParindexError("PE311", what=name, folder=str(folder))
    return found
