"""Writing output files so that a reader only ever sees the old file or the complete new one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from parindex.errors import ParindexError


def refuse_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise ParindexError("PC701", path=str(path))


def write_atomic(path: Path, write: Callable[[Path], None], force: bool = False) -> None:
    """Call `write(tmp)` on a temporary file beside `path`, fsync it, then rename it over `path`."""
    refuse_overwrite(path, force)
    folder = path.resolve().parent
    if not folder.is_dir():
        raise ParindexError("PE304", path=str(path), reason="folder does not exist")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise ParindexError("PE304", path=str(path), reason=exc.strerror or str(exc)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_text_atomic(path: Path, text: str, force: bool = False) -> None:
    write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), force)
