"""Writing output files so that a reader only ever sees the old file or the complete new one.

The new content goes to a temporary file beside the target, `.NAME.XXXXXXXX.part` (hidden on Linux and
macOS, named after the target everywhere), is flushed to disk, then renamed over the target in one step.
An error or Ctrl-C removes the temporary file. A process killed outright (kill -9, Task Manager, a power
cut) cannot clean up: its `.part` file stays beside the target — the target itself is untouched — and the
next write to the same target removes such leftovers once they are older than `STALE_PART_SECONDS` (a
younger one may belong to a write still running in another process).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from parindex.common.errors import ParindexError

STALE_PART_SECONDS = 15 * 60


def refuse_overwrite(path: Path, force: bool) -> None:
    """Refuse, before any work, an output that cannot or may not be written (a folder, a device, a missing
    folder, an existing file without --force)."""
    if path.is_dir():  # -o pointing at a folder: no --force can make that a file
        raise ParindexError("PE305", path=str(path))
    if path.exists() and not path.is_file():  # a device or a pipe: renaming over it would replace it
        raise ParindexError("PE307", path=str(path))
    if not path.resolve().parent.is_dir():
        from parindex.common.i18n import t

        raise ParindexError("PE304", path=str(path), reason=t("ui.no_folder", folder=str(path.resolve().parent)))
    if path.exists() and not force:
        raise ParindexError("PC701", path=str(path))


def part_pattern(path: Path) -> re.Pattern[str]:
    """The names `tempfile.mkstemp` gives temporary files for `path` (8 random characters)."""
    return re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.part")


def remove_stale_parts(path: Path, older_than: float = STALE_PART_SECONDS) -> list[Path]:
    """Delete temporary files left beside `path` by killed writers; return what was removed."""
    pattern = part_pattern(path)
    removed = []
    now = time.time()
    with contextlib.suppress(OSError):
        for candidate in path.parent.iterdir():
            if not pattern.fullmatch(candidate.name):
                continue
            with contextlib.suppress(OSError):
                if now - candidate.lstat().st_mtime > older_than and candidate.is_file():
                    candidate.unlink()
                    removed.append(candidate)
    return removed


def _new_file_mode(path: Path) -> int:
    """The mode the output should have: the replaced file's, else what a plain open() would give (umask)."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(path.stat().st_mode)
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, write: Callable[[Path], object], force: bool = False) -> None:
    """Call `write(tmp)` on a temporary file beside `path`, fsync it, then rename it over `path`."""
    refuse_overwrite(path, force)
    path = path.resolve()  # through a symlink: the file it names is replaced, beside it, on its file system
    folder = path.parent
    remove_stale_parts(folder / path.name)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ParindexError("PE304", path=str(path), reason=exc.strerror or str(exc)) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):  # mkstemp makes the file private (0600); give it the usual mode
            os.chmod(tmp, _new_file_mode(path))
        os.replace(tmp, path)
        _sync_folder(folder)
    except OSError as exc:
        raise ParindexError("PE304", path=str(path), reason=exc.strerror or str(exc)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to flush."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def write_text_atomic(path: Path, text: str, force: bool = False) -> None:
    write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), force)
