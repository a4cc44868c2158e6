"""Opening an input file the same way everywhere: what it is, how big it may be, its first bytes.

Criteria and baseline YAML and evidence workbooks all come from officers' folders. Before any parser sees
one: a folder, a missing file, a device or pipe (endless, or blocking), an unreadable file and a file over
the size limit are refused with the catalogue's errors, and limits raised by environment variables are read
one way.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from parindex.common.errors import ParindexError

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls, and encrypted .xlsx
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")  # .xlsx, .ods and other zips


def env_limit(name: str, default: int) -> int:
    """A positive whole number from the environment (e.g. PARINDEX_MAX_BYTES), else `default`."""
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw.isdecimal() and raw.isascii() and int(raw) > 0 else default


def checked_size(path: Path, limit: int) -> int:
    """The size of a regular file at most `limit` bytes long; else the ParindexError that says why not."""
    where = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ParindexError("PE300", path=where) from None
    except OSError as exc:
        raise ParindexError("PE303", where=where, reason=exc.strerror or str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ParindexError("PE305", path=where)
    if not stat.S_ISREG(info.st_mode):
        raise ParindexError("PE307", path=where)
    if info.st_size > limit:
        raise ParindexError("PE301", where=where, size=info.st_size, limit=limit)
    return info.st_size


def read_bytes(path: Path, limit: int, count: int = -1) -> bytes:
    """The file's bytes (the first `count` of them, if given), after `checked_size`."""
    checked_size(path, limit)
    try:
        with open(path, "rb") as handle:
            return handle.read(count)
    except OSError as exc:
        raise ParindexError("PE303", where=str(path), reason=exc.strerror or str(exc)) from None


def decode_utf8(path: Path, raw: bytes) -> str:
    """A file's bytes as UTF-8 text (a BOM, as Notepad and Excel write it, dropped); PE302 names the line of the
    first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParindexError("PE302", where=str(path), line=raw[:exc.start].count(b"\n") + 1) from None


def not_found(path: Path) -> ParindexError:
    """Why a path `Path.exists` denies cannot be read: it is not there (PE300), or the system refuses it — a link
    that goes round in a loop, a folder that may not be entered (PE303, in the system's words)."""
    try:
        os.stat(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        return ParindexError("PE303", where=str(path), reason=exc.strerror or str(exc))
    return ParindexError("PE300", path=str(path))


def resolve_path(path: Path) -> Path:
    """The path with its links followed; as it is (made absolute) when they go round in a loop, which `resolve`
    reports as a RuntimeError before Python 3.13."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def same_file(path: Path, other: Path | None) -> bool:
    """The same file, however named (relative, through a link, in another case on a case-blind disk)."""
    return FileIdentity(other).matches(path)


class FileIdentity:
    """One file, worked out once (its resolved path; its device and inode when it exists), to ask of many paths
    whether they are it: a folder of a thousand workbooks is checked against the output without resolving and
    stat-ing the output a thousand times."""

    def __init__(self, path: Path | None) -> None:
        self.resolved: Path | None = None
        self.stat: os.stat_result | None = None
        if path is None:
            return
        self.resolved = resolve_path(path)
        with contextlib.suppress(OSError):  # not there (yet), or a link in a loop: only the same resolved name is it
            self.stat = path.stat()

    def matches(self, path: Path, resolved: Path | None = None) -> bool:
        """Whether `path` (already resolved as `resolved`, if given) is this file."""
        if self.resolved is None:
            return False
        try:
            if (resolved if resolved is not None else resolve_path(path)) == self.resolved:
                return True
            return self.stat is not None and os.path.samestat(path.stat(), self.stat)
        except OSError:
            return False


def named_files(paths: Iterable[Path]) -> frozenset[Path]:
    """The files of a command line named one by one, not found in a folder it names (resolved): what the user
    meant, where a file left in a folder may be there by mistake."""
    return frozenset(path.resolve() for path in paths if not path.is_dir())
