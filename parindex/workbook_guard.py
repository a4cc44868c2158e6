"""Guards run on an untrusted workbook before any parser sees it (DESIGN §8).

An .xlsx file is a zip of XML parts. Before python-calamine opens it we look only at the first bytes and
the zip directory: refuse folders, missing and oversized files, things that are not an .xlsx (legacy .xls
and encrypted .xlsx share the OLE2 magic; .ods; CSV and other text), damaged zips, too many entries, and
zip bombs (a huge declared total, or an entry compressed far more than real spreadsheets are). Parts read
later (the sheet XML for the formula check) are read through `open_entry`, which stops at the same limits.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from parindex.errors import ParindexError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # the .xlsx file itself
DEFAULT_MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # all its parts, unpacked
MAX_ENTRIES = 5_000
MAX_RATIO = 200  # deflate tops out near 1032:1; real sheet XML compresses 5-50:1
RATIO_MIN_SIZE = 1024 * 1024  # small parts may compress as they like
CHUNK = 1024 * 1024

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


def _limit(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else default


def max_bytes() -> int:
    """Largest workbook file accepted; PARINDEX_MAX_BYTES raises it."""
    return _limit("PARINDEX_MAX_BYTES", DEFAULT_MAX_BYTES)


def max_unzipped_bytes() -> int:
    """Largest total of unpacked parts accepted; PARINDEX_MAX_UNZIPPED_BYTES raises it."""
    return _limit("PARINDEX_MAX_UNZIPPED_BYTES", DEFAULT_MAX_UNZIPPED_BYTES)


def guard_workbook(path: Path) -> dict[str, zipfile.ZipInfo]:
    """The zip directory of a workbook that looks safe to parse, by entry name; else a ParindexError."""
    where = str(path)
    if path.is_dir():
        raise ParindexError("PE305", path=where)
    try:
        size = path.stat().st_size
        if size > max_bytes():
            raise ParindexError("PE301", where=where, size=size, limit=max_bytes())
        if size == 0:
            raise ParindexError("PW408", where=where)
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except FileNotFoundError:
        raise ParindexError("PE300", path=where) from None
    except OSError as exc:
        raise ParindexError("PE303", where=where, reason=exc.strerror or str(exc)) from None
    if head.startswith(OLE2_MAGIC):
        raise ParindexError("PW401", where=where)
    if not head.startswith(ZIP_MAGICS):
        kind = text_kind(head)
        if kind:
            raise ParindexError("PW403", where=where, kind=kind)
        raise ParindexError("PW400", where=where)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            entries = _check_entries(infos, where)
            if "[Content_Types].xml" not in entries or "mimetype" in entries:
                _refuse_other_zip(archive, entries, where)
    except zipfile.BadZipFile as exc:
        raise ParindexError("PW404", where=where, reason=str(exc)) from None
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise ParindexError("PW404", where=where, reason=f"{type(exc).__name__}: {exc}") from None
    if "xl/workbook.xml" not in entries:
        raise ParindexError("PW409", where=where, missing="xl/workbook.xml")
    return entries


def _check_entries(infos: list[zipfile.ZipInfo], where: str) -> dict[str, zipfile.ZipInfo]:
    if len(infos) > MAX_ENTRIES:
        raise ParindexError("PW405", where=where, count=len(infos), limit=MAX_ENTRIES)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ParindexError("PW404", where=where, reason=f"entry '{info.filename}' is encrypted")
        total += info.file_size
        if info.file_size > RATIO_MIN_SIZE:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_RATIO:
                raise ParindexError("PW407", where=where, entry=info.filename, ratio=int(ratio), limit=MAX_RATIO)
    if total > max_unzipped_bytes():
        raise ParindexError("PW406", where=where, size=total, limit=max_unzipped_bytes())
    return {info.filename: info for info in infos}


def _refuse_other_zip(archive: zipfile.ZipFile, entries: dict[str, zipfile.ZipInfo], where: str) -> None:
    """An OpenDocument file names its type in a small `mimetype` entry; any other zip is not a workbook."""
    info = entries.get("mimetype")
    if info is not None and info.file_size < 200 and archive.read(info).strip().startswith(ODS_MIME):
        raise ParindexError("PW402", where=where)
    if "[Content_Types].xml" not in entries:
        raise ParindexError("PW409", where=where, missing="[Content_Types].xml")


def text_kind(head: bytes) -> str | None:
    """'CSV', 'HTML', 'XML' or 'TXT' when the first bytes of a file are text; None for binary."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            head = head.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            head = head[2:].replace(b"\x00", b"")
    head = head.removeprefix(b"\xef\xbb\xbf")
    if not head or b"\x00" in head:
        return None
    control = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    if control > len(head) // 100:
        return None
    start = head.lstrip()[:200].lower()
    if start.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")):
        return "HTML"
    if start.startswith(b"<"):
        return "XML"
    first_line = head.split(b"\n", 1)[0]
    if any(sep in first_line for sep in (b",", b";", b"\t")):
        return "CSV"
    return "TXT"


class _BoundedReader(io.RawIOBase):
    """A zip member read as a file, that stops with PW406 past `limit` unpacked bytes."""

    def __init__(self, member: IO[bytes], limit: int, where: str) -> None:
        self.member, self.limit, self.where, self.count = member, limit, where, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.member.read(min(len(buffer), CHUNK))
        self.count += len(data)
        if self.count > self.limit:
            raise ParindexError("PW406", where=self.where, size=self.count, limit=self.limit)
        buffer[: len(data)] = data
        return len(data)


@contextmanager
def open_entry(path: Path, name: str, entries: dict[str, zipfile.ZipInfo]) -> Iterator[IO[bytes]]:
    """One part as a readable file, bounded by the unpacked-size limit even when the zip directory lied
    about its size; damage found while reading becomes PW404."""
    limit = min(max_unzipped_bytes(), entries[name].file_size + CHUNK)
    try:
        with zipfile.ZipFile(path) as archive, archive.open(name) as member:
            yield io.BufferedReader(_BoundedReader(member, limit, str(path)), CHUNK)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError, zlib.error) as exc:
        raise ParindexError("PW404", where=str(path), reason=f"{type(exc).__name__}: {exc}") from None


def read_entry(path: Path, name: str, entries: dict[str, zipfile.ZipInfo]) -> bytes:
    with open_entry(path, name, entries) as stream:
        return stream.read()
