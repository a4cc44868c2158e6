"""Bounds on a workbook's XML as written, checked before python-calamine lays anything out (an adapter).

calamine builds a sheet densely, from A1 to its last cell, and gives every cell its own copy of its text: one
far cell (`<c r='XFD1048576'>`, however quoted or spaced), a million cells naming one long shared string, or one
150 MB string cost gigabytes there, and abort the process rather than fail. So the XML is read as calamine will
read it — a cell's position from its last `r` attribute, else the one after the cell before it; a row's from its
`r`, else the next — and refused, with a code naming the file and the part, when:

* the shared strings are too many (PW414), or one is longer than Excel's 32,767 characters (PW432);
* a sheet holds too many cells (PW431), or its cells reach too far (PW425 rows, PW427 columns, PW428 the area
  calamine would lay out), or a cell's text is longer than 32,767 characters (PW432);
* a sheet's cells would hold too much text in all, a shared string counted in every cell naming it (PW433).

Most sheets are written one way (`<c r="A1"`, `<row r="1"`): they are checked by a few searches of the bytes and
no Python loop over their cells; any other form is read tag by tag, exactly (`_positions`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from parindex.common.errors import ParindexError
from parindex.common.tables import column_letter

MAX_CELLS = 1_000_000  # cells written in a sheet, and cells of the area calamine lays out
MAX_CELL_TEXT = 32_767  # Excel's own limit for the text of one cell
MAX_SHEET_TEXT = 8 * 1024 * 1024  # bytes of text in one sheet's cells, a shared string counted in each cell naming it
MAX_STRINGS = 500_000  # shared strings in a workbook

_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"
# A cell or row start tag in any form but the usual one (a prefix, no `r`, other quotes or spacing, a second `r`).
_ODD_TAG = re.compile(rb'<(?:[A-Za-z_][\w.-]*:(?:c|row)[\s>/]|c(?! r="[A-Za-z]+[0-9]+")[\s>/]'
                      rb'|row(?! r="[0-9]+")[\s>/]|c r="[^"]*"[^>]*?\sr\s*=)')
_TAG = re.compile(rb"<" + _PREFIX + rb"(c|row)([\s/>][^>]*)?>")
_R_ATTRIBUTE = re.compile(rb"""(?<![\w:.-])r\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = re.compile(rb"([A-Za-z]*)([0-9]*)")
_CELL_REF = re.compile(rb'<c r="([A-Za-z]+)([0-9]+)"')
_WIDE_REF = re.compile(rb'<c r="([A-Za-z]{2,})([0-9]+)"')
_STRING_START = re.compile(rb"<" + _PREFIX + rb"si[\s>/]")
_STRING_CELL = re.compile(  # a cell of type s, and the index of the shared string its value names
    rb"<" + _PREFIX + rb"""c\s[^>]*?(?<![\w:.-])t\s*=\s*["']s["'][^>]*>\s*<""" + _PREFIX + rb"v>\s*([0-9]+)")
_CELL_END = re.compile(rb"</" + _PREFIX + rb"c>")
_MARKUP = re.compile(rb"<[^>]*>")
_PHONETIC = re.compile(rb"<" + _PREFIX + rb"rPh\b.*?</" + _PREFIX + rb"rPh>", re.S)


class SharedStrings(NamedTuple):
    """The size in bytes of each shared string's XML (at least its text's length in characters)."""

    sizes: list[int]
    longest: int


NO_STRINGS = SharedStrings([], 0)


def check_shared_strings(data: bytes, where: str) -> SharedStrings:
    """The shared strings' sizes; PW414 when there are too many, PW432 when one is longer than Excel allows."""
    if data.count(b"si") > 2 * MAX_STRINGS + 2:  # each string is `<si>…</si>`: too many before any loop
        count = sum(1 for _ in _STRING_START.finditer(data))
        if count > MAX_STRINGS:
            raise ParindexError("PW414", where=where, count=count, limit=MAX_STRINGS)
    starts = [match.start() for match in _STRING_START.finditer(data)]
    if len(starts) > MAX_STRINGS:
        raise ParindexError("PW414", where=where, count=len(starts), limit=MAX_STRINGS)
    if not starts:
        return NO_STRINGS
    ends = [*starts[1:], len(data)]
    sizes = [end - start for start, end in zip(starts, ends, strict=True)]
    longest = max(sizes, default=0)
    if longest > MAX_CELL_TEXT:
        for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
            if end - start > MAX_CELL_TEXT and (length := text_length(data[start:end])) > MAX_CELL_TEXT:
                raise ParindexError("PW432", where=f"{where} #{index + 1}", length=length, limit=MAX_CELL_TEXT)
    return SharedStrings(sizes, longest)


def text_length(xml: bytes) -> int:
    """Characters of text in a piece of XML (tags and phonetic guides left out, entities read)."""
    text = _MARKUP.sub(b"", _PHONETIC.sub(b"", xml)).decode("utf-8", "replace")
    return len(html.unescape(text)) if "&" in text else len(text)


def check_sheet(data: bytes, strings: SharedStrings, max_rows: int, max_columns: int,
                where: Callable[[str], str]) -> None:
    """Refuse a sheet (its XML `data`) calamine should not lay out; `where(ref)` places a cell or the sheet ('')."""
    odd = _ODD_TAG.search(data) is not None
    cells = _positions(data, max_rows, max_columns, where) if odd else _usual_positions(data, max_rows, max_columns,
                                                                                        where)
    if cells > MAX_CELLS:
        raise ParindexError("PW431", where=where(""), count=cells, limit=MAX_CELLS)
    _check_cell_text(data, odd, where)
    _check_sheet_text(data, strings, where)


class _Far(NamedTuple):
    rows: int
    columns: int


def _refuse_far(letters: bytes, digits: bytes, far: _Far, max_rows: int, max_columns: int,
                where: Callable[[str], str]) -> _Far:
    """The area so far, with the cell at `letters digits` in it; PW425, PW427 or PW428 when it goes too far."""
    ref = f"{letters.decode().upper() or 'A'}{digits.decode() or 1}"
    row = int(digits) if digits else 1
    column = _column(letters) if letters else 1
    if row > max_rows:
        raise ParindexError("PW425", where=where(ref), limit=max_rows)
    if column > max_columns:
        raise ParindexError("PW427", where=where(ref), limit=max_columns)
    far = _Far(max(far.rows, row), max(far.columns, column))
    if far.rows * far.columns > MAX_CELLS:
        last = f"{column_letter(far.columns - 1)}{far.rows}"
        raise ParindexError("PW428", where=where(last), cell=last, count=far.rows * far.columns, limit=MAX_CELLS)
    return far


def _usual_positions(data: bytes, max_rows: int, max_columns: int, where: Callable[[str], str]) -> int:
    """Cells written `<c r="A1"`: the number of cells, after the far ones are refused. The area can only be too
    large for a sheet wider than MAX_CELLS / max_rows columns: only then is every cell looked at."""
    cells = data.count(b'<c r="')
    if cells > MAX_CELLS:
        return cells
    far = _Far(0, 0)
    digits = len(str(max_rows))
    long_row = re.compile(rb'<c r="([A-Za-z]+)([0-9]{%d,})"' % digits)
    for match in long_row.finditer(data):
        far = _refuse_far(match[1], match[2], far, max_rows, max_columns, where)
    wide = False
    for match in _WIDE_REF.finditer(data):  # columns AA and beyond (AAA is past any limit)
        far = _refuse_far(match[1], match[2], far, max_rows, max_columns, where)
        wide = True
    if wide and far.columns * max_rows > MAX_CELLS:
        for match in _CELL_REF.finditer(data):
            far = _refuse_far(match[1], match[2], far, max_rows, max_columns, where)
    return cells


def _positions(data: bytes, max_rows: int, max_columns: int, where: Callable[[str], str]) -> int:
    """Every row and cell tag read in order, as calamine places them: the number of cells."""
    far = _Far(0, 0)
    row = column = cells = 0
    for tag, attributes in _tags(data):
        found = _R_ATTRIBUTE.findall(attributes)
        value = (found[-1][0] or found[-1][1]) if found else None  # of two `r`, calamine reads the last
        if tag == b"row":
            row = int(value) if value is not None and value.isdigit() else row + 1
            column = 0
            continue
        cells += 1
        if cells > MAX_CELLS:
            return cells
        ref = _REF.fullmatch(value) if value is not None else None
        if ref is not None and ref[1] and ref[2]:
            column, row = _column(ref[1]), int(ref[2])
        else:  # no `r` (or one calamine refuses: it says so itself): the cell after the one before
            column += 1
        far = _refuse_far(column_letter(column - 1).encode(), str(max(row, 1)).encode(), far, max_rows,
                          max_columns, where)
    return cells


def _tags(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    for match in _TAG.finditer(data):
        yield match[1], match[2] or b""


def _check_cell_text(data: bytes, odd: bool, where: Callable[[str], str]) -> None:
    """PW432 for a cell whose own text (inline, or a formula's text result) is longer than Excel allows. A cell is
    never longer than the bytes from the end of the cell before it to its own end."""
    pieces = _CELL_END.split(data) if odd or b":c>" in data else data.split(b"</c>")
    if max(map(len, pieces), default=0) <= MAX_CELL_TEXT:
        return
    for piece in pieces:
        if len(piece) > MAX_CELL_TEXT:
            start = max(piece.rfind(b"<c "), piece.rfind(b"<c>"), piece.rfind(b":c "), 0)
            length = text_length(piece[start:])
            if length > MAX_CELL_TEXT:
                found = _R_ATTRIBUTE.search(piece, start)
                ref = (found[1] or found[2]).decode("ascii", "replace") if found else ""
                raise ParindexError("PW432", where=where(ref), length=length, limit=MAX_CELL_TEXT)


def _check_sheet_text(data: bytes, strings: SharedStrings, where: Callable[[str], str]) -> None:
    """PW433 when the shared strings the cells name add up to more text than MAX_SHEET_TEXT. Most sheets are
    cleared at once: even if every value named the longest string, they would stay under it."""
    values = (data.count(b"v>") + 1) // 2  # each value is <v>…</v>, any prefix
    if values * strings.longest <= MAX_SHEET_TEXT:
        return
    sizes, count, total = strings.sizes, len(strings.sizes), 0
    for match in _STRING_CELL.finditer(data):
        index = int(match[1])
        if index < count:
            total += sizes[index]
            if total > MAX_SHEET_TEXT:
                raise ParindexError("PW433", where=where(""), size=_megabytes(total), limit=_megabytes(MAX_SHEET_TEXT))


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.0f}"


def _column(letters: bytes) -> int:
    """1-based column of 'A', 'sf', 'XFD'…"""
    index = 0
    for letter in letters.upper():
        index = index * 26 + letter - 64
    return index
