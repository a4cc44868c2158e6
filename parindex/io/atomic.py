"""Writing output files so that a reader only ever sees the old file or the complete new one.

The new content goes to a temporary file beside the target, `.NAME.XXXXXXXX.part` (hidden on Linux and
macOS, named after the target everywhere), is flushed to disk, then renamed over the target in one step.
An error or Ctrl-C removes the temporary file. A process killed outright (kill -9, Task Manager, a power
cut) cannot clean up: its `.part` file stays beside the target — the target itself is untouched — and the
next write to the same target removes such leftovers once they are older than `STALE_PART_SECONDS` (a
younger one may belong to a write still running in another process).

Without --force the last step never replaces anything: the new file is linked to the target's name, which fails
when a file of that name appeared while this one was written (another run writing the same new name): PC701, and
that file is kept. A name too long for the temporary file's prefix is cut (its `.part` file still names it).
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
    folder, an existing file without --force, a name the disk cannot hold)."""
    try:
        _refuse_overwrite(path, force)
    except OSError as exc:  # a name too long, a folder that cannot be searched…
        raise ParindexError("PE304", path=str(path), reason=exc.strerror or str(exc)) from None


def _refuse_overwrite(path: Path, force: bool) -> None:
    if path.is_dir():  # -o pointing at a folder: no --force can make that a file
        raise ParindexError("PE305", path=str(path))
    if path.exists() and not path.is_file():  # a device or a pipe: renaming over it would replace it
        raise ParindexError("PE307", path=str(path))
    if not path.resolve().parent.is_dir():
        from parindex.common.i18n import t

        raise ParindexError("PE304", path=str(path), reason=t("ui.no_folder", folder=str(path.resolve().parent)))
    if path.exists() and not force:
        raise ParindexError("PC701", path=str(path))


NAME_MAX = 255  # bytes of one file name on Linux, macOS and Windows file systems
_PART_EXTRA = len(".") + len(".12345678.part")  # what `mkstemp` adds to the prefix's name


def _part_stem(path: Path) -> str:
    """The target's name as its temporary files start with it, cut so that theirs fits in `NAME_MAX` bytes."""
    name = path.name
    while len(os.fsencode(name)) > NAME_MAX - _PART_EXTRA:
        name = name[:-1]
    return name


def part_pattern(path: Path) -> re.Pattern[str]:
    """The names `tempfile.mkstemp` gives temporary files for `path` (8 random characters)."""
    return re.compile(rf"\.{re.escape(_part_stem(path))}\.[a-z0-9_]{{8}}\.part")


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
        fd, tmp_name = tempfile.mkstemp(prefix=f".{_part_stem(path)}.", suffix=".part", dir=folder)
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
        if force:
            os.replace(tmp, path)
        else:
            _place_new(tmp, path)
        _sync_folder(folder)
    except OSError as exc:
        raise ParindexError("PE304", path=str(path), reason=exc.strerror or str(exc)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _place_new(tmp: Path, path: Path) -> None:
    """Give `tmp` the name `path` only if no file has it (PC701 otherwise): a hard link where the file
    system has them, else a rename, which Windows never lets replace a file; on a POSIX disk without links the name
    is claimed first (O_EXCL) and then replaced."""
    try:
        if os.name != "posix":
            os.rename(tmp, path)
            return
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:  # FAT, some network shares
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            os.replace(tmp, path)
    except FileExistsError:  # it appeared while this one was written: kept
        raise ParindexError("PC701", path=str(path)) from None


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
