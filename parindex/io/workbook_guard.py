"""Guards run on an untrusted workbook before any parser sees it (README: "Giới hạn / Limits").

An .xlsx file is a zip of XML parts. Before python-calamine opens it we look only at the first bytes and
the zip directory: refuse folders, missing and oversized files, things that are not an .xlsx (legacy .xls
and encrypted .xlsx share the OLE2 magic; .ods; CSV and other text), damaged zips, too many entries, and
zip bombs (a huge declared total, or an entry compressed far more than real spreadsheets are). Parts read
later (the sheet XML for the formula check) are read through `WorkbookZip.open`, which stops at the same limits.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from parindex.common.errors import ParindexError
from parindex.io.input_files import OLE2_MAGIC, ZIP_MAGICS, checked_size, env_limit

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # the .xlsx file itself
DEFAULT_MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # all its parts, unpacked
MAX_ENTRIES = 5_000
MAX_RATIO = 200  # deflate tops out near 1032:1; real sheet XML compresses 5-50:1
RATIO_MIN_SIZE = 1024 * 1024  # small parts may compress as they like
MAX_PART_BYTES = 32 * 1024 * 1024  # one part, unpacked: a sheet of a million cells; real ones are under 5 MB
CHUNK = 1024 * 1024

ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
# The category (docProps/core.xml) of every workbook report parindex writes: such a file, found in a folder
# being scored, is skipped with a note instead of being read as a unit's workbook.
REPORT_CATEGORY = "parindex report"
# The category of a criteria spreadsheet (`criteria export`): skipped in such a folder too, and, since officers fill
# it in, never replaced by an output (earlier exports carry the report's category and a `Bộ tiêu chí` sheet).
CRITERIA_CATEGORY = "parindex criteria sheet"
# The category of the workbook `merge` writes: an evidence workbook, but one made of parts, so a command given it
# among those parts skips it rather than reading the same items twice.
MERGED_CATEGORY = "parindex merged workbook"
_CATEGORY = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?category>([^<]*)<")


def max_bytes() -> int:
    """Largest workbook file accepted; PARINDEX_MAX_BYTES raises it."""
    return env_limit("PARINDEX_MAX_BYTES", DEFAULT_MAX_BYTES)


def max_unzipped_bytes() -> int:
    """Largest total of unpacked parts accepted; PARINDEX_MAX_UNZIPPED_BYTES raises it."""
    return env_limit("PARINDEX_MAX_UNZIPPED_BYTES", DEFAULT_MAX_UNZIPPED_BYTES)


def guard_workbook(path: Path) -> WorkbookZip:
    """The zip directory of a workbook that looks safe to parse; else a ParindexError."""
    where = str(path)
    content = _content(path)
    head = content[:4096]
    if not head:
        raise ParindexError("PW408", where=where)
    if head.startswith(OLE2_MAGIC):
        raise ParindexError("PW401", where=where)
    if not head.startswith(ZIP_MAGICS):
        kind = text_kind(head)
        if kind:
            raise ParindexError("PW403", where=where, kind=kind)
        raise ParindexError("PW400", where=where)
    archive = None
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        entries = _check_entries(archive.infolist(), where)
        if "[Content_Types].xml" not in entries or "mimetype" in entries:
            _refuse_other_zip(archive, entries, where)
        if "xl/workbook.xml" not in entries:
            raise ParindexError("PW409", where=where, missing="xl/workbook.xml")
    except zipfile.BadZipFile as exc:
        _close(archive)
        raise ParindexError("PW404", where=where, reason=str(exc)) from None
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        _close(archive)
        raise ParindexError("PW404", where=where, reason=f"{type(exc).__name__}: {exc}") from None
    except ParindexError:
        _close(archive)
        raise
    return WorkbookZip(path, entries, archive, content)


def _content(path: Path) -> bytes:
    """The file's bytes, read once (its size checked first): the guard, the reader's look at the XML and
    calamine all read from memory. Only the first 4 KiB of a file that is not a zip, to say what it is."""
    limit = checked_size(path, max_bytes())
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
            if not head.startswith(ZIP_MAGICS):
                return head
            return head + handle.read(max(limit - len(head), 0))  # no more than the size checked
    except OSError as exc:
        raise ParindexError("PE303", where=str(path), reason=exc.strerror or str(exc)) from None


def _close(archive: zipfile.ZipFile | None) -> None:
    if archive is not None:
        archive.close()


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
        if info.file_size > MAX_PART_BYTES:  # every part the reader reads is held whole while it is looked at
            raise ParindexError("PW413", where=f"{where} › {info.filename}", size=info.file_size,
                                limit=MAX_PART_BYTES)
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


class WorkbookZip:
    """A guarded workbook's zip directory, and its parts read on demand through one open archive."""

    def __init__(self, path: Path, entries: dict[str, zipfile.ZipInfo],
                 archive: zipfile.ZipFile | None = None, content: bytes | None = None) -> None:
        self.path = path
        self.entries = entries
        self.content = content  # the file's bytes, when the guard read them
        self._archive = archive  # kept open from the guard: reading the zip directory twice costs time

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()
            self._archive = None

    def __enter__(self) -> WorkbookZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def open(self, name: str) -> Iterator[IO[bytes]]:
        """One part as a readable file; damage found while reading it (a bad CRC, a size that lied) is PW410.

        zipfile never returns more than the size the zip directory declares for a part (and checks the
        CRC), and the guard has already bounded those sizes, so a lying directory cannot inflate a read."""
        try:
            if self._archive is None:
                self._archive = zipfile.ZipFile(self.path if self.content is None else io.BytesIO(self.content))
            with self._archive.open(name) as member:
                yield member
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError,
                zlib.error) as exc:
            raise ParindexError("PW410", where=str(self.path), reason=f"{type(exc).__name__}: {exc}") from None

    def read(self, name: str) -> bytes:
        with self.open(name) as stream:
            return stream.read()

    def category(self) -> str:
        """The category of its core properties, where parindex marks what it wrote (`REPORT_CATEGORY`,
        `MERGED_CATEGORY`); '' when it has none."""
        if "docProps/core.xml" not in self.entries:
            return ""
        found = _CATEGORY.search(self.read("docProps/core.xml"))
        return html.unescape(found[1].decode("utf-8", "replace")).strip() if found else ""
