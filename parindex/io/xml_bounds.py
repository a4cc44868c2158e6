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

A sheet whose cells and rows all start with their `r` (as Excel, LibreOffice and openpyxl write them) is checked by
a few searches of its bytes, without a Python loop over its cells; any other is read tag by tag (`_positions`).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import NamedTuple

from parindex.common.errors import ParindexError
from parindex.common.tables import column_letter

MAX_CELLS = 1_000_000  # cells written in a sheet, and cells of the area calamine lays out
MAX_CELL_TEXT = 32_767  # Excel's own limit for the text of one cell
MAX_SHEET_TEXT = 8 * 1024 * 1024  # bytes of text in one sheet's cells, a shared string counted in each cell naming it
MAX_STRINGS = 500_000  # shared strings in a workbook

_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"
# Cell and row tags that do not start with their `r` (or have a prefix): their place may be implied, so such a
# sheet is read tag by tag. Each pattern starts with a literal, which the regex engine finds fast.
_ODD_TAGS = (re.compile(rb'<c(?:[>/\t\n\r]| (?!r="))'), re.compile(rb'<row(?:[>/\t\n\r]| (?!r="))'),
             re.compile(rb":(?:c|row)[\s>/]"))
# An `r` attribute, however quoted or spaced, whose value is long enough to be far: two letters or more (column
# AA on), or five digits (row 10,000 on). Text may hold such words too: a match counts only inside a tag.
_R_VALUE = rb"""r(?<![\w:.-]r)\s*=\s*["']"""
_WIDE = re.compile(_R_VALUE + rb"([A-Za-z]{2,})[0-9]+[\"']")
_LONG = re.compile(_R_VALUE + rb"[A-Za-z]+([0-9]{5,})[\"']")
_ROW_OF_REF = re.compile(_R_VALUE + rb"[A-Za-z]+([0-9]+)[\"']")
_FAR_ISH = re.compile(_R_VALUE + rb"(?:[A-Za-z]{2}|[A-Za-z]+[0-9]{5})")  # either of the two above, in one search
_TAG = re.compile(rb"<" + _PREFIX + rb"(c|row)((?:[\s/][^>]*)?)>")
_R_ATTRIBUTE = re.compile(rb"""(?<![\w:.-])r\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = re.compile(rb"([A-Za-z]*)([0-9]*)")
_REF_AROUND = re.compile(rb"""["']([A-Za-z]+)([0-9]+)["']""")
_STRING_START = re.compile(rb"<" + _PREFIX + rb"si[\s>/]")
_STRING_CELL = re.compile(  # the index a cell of type s names: `t="s"` then its value (no formula comes between)
    rb"""(?<=\s)t\s*=\s*["']s["'][^>]*>\s*<""" + _PREFIX + rb"v>\s*([0-9]+)")
_CELL_END = re.compile(rb"</" + _PREFIX + rb"c>")
_TEXT_START = re.compile(rb">(?=[^<])")  # where a text node begins
_CELL_START = re.compile(rb"<" + _PREFIX + rb"c[\s>/]")
_INLINE = re.compile(rb"<(" + _PREFIX + rb")is>.*?</\1is>", re.S)
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
    sizes = _plain_sizes(data)
    if sizes is None:
        sizes = [end - start for start, end in _spans(data)]
    if len(sizes) > MAX_STRINGS:
        raise ParindexError("PW414", where=where, count=len(sizes), limit=MAX_STRINGS)
    if not sizes:
        return NO_STRINGS
    longest = max(sizes)
    if longest > MAX_CELL_TEXT:
        for index, (start, end) in enumerate(_spans(data)):
            if end - start > MAX_CELL_TEXT and longer_than(data[start:end], MAX_CELL_TEXT):
                raise ParindexError("PW432", where=f"{where} #{index + 1}", limit=MAX_CELL_TEXT)
    return SharedStrings(sizes, longest)


def _spans(data: bytes) -> list[tuple[int, int]]:
    """Where each shared string's XML starts and ends (the next one's start, or the end of the part)."""
    starts = [match.start() for match in _STRING_START.finditer(data)]
    return list(zip(starts, [*starts[1:], len(data)], strict=False))  # none: no string


def _plain_sizes(data: bytes) -> list[int] | None:
    """The strings' sizes as `_spans` gives them, when every string starts `<si>` (no prefix, no attribute: as
    Excel writes them): one split of the part, no pattern matched a string (800 strings: 340 → about 120 µs, read
    twice a workbook). None for any other form."""
    if b":si" in data:
        return None
    parts = data.split(b"<si>")
    if len(parts) - 1 != data.count(b"<si"):  # a `<si` followed by anything but `>`
        return None
    return [len(part) + 4 for part in parts[1:]]


def longer_than(xml: bytes, limit: int) -> bool:
    """Whether the text in a piece of XML (one string, one cell) is longer than `limit` characters: read a text
    node at a time (tags and phonetic guides left out, entities read), never copying a node too long to matter."""
    if b"rPh" in xml:
        xml = _PHONETIC.sub(b"", xml)
    chars = 0
    for match in _TEXT_START.finditer(xml):
        end = xml.find(b"<", match.end())
        end = len(xml) if end < 0 else end
        if end - match.end() > 10 * limit:  # even at ten bytes a character (`&#x1F600;`), too long
            return True
        text = xml[match.end():end].decode("utf-8", "replace")
        chars += len(html.unescape(text)) if "&" in text else len(text)
        if chars > limit:
            return True
    return False


def check_sheet(data: bytes, strings: SharedStrings, max_rows: int, max_columns: int,
                where: Callable[[str], str]) -> None:
    """Refuse a sheet (its XML `data`) calamine should not lay out; `where(ref)` places a cell or the sheet ('')."""
    odd = any(pattern.search(data) for pattern in _ODD_TAGS)
    cells = _positions(data, max_rows, max_columns, where) if odd else _usual_positions(data, max_rows, max_columns,
                                                                                        where)
    if cells > MAX_CELLS:
        raise ParindexError("PW431", where=where(""), count=cells, limit=MAX_CELLS)
    _check_cell_text(data, where)
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
    """Cells and rows that all start with their `r`: the number of cells (at most), after the far ones are refused.
    Only references long enough to be far are read (a second `r` is one of them: calamine reads the last), as sets
    of their columns and rows; the area can only be too large for a sheet wider than MAX_CELLS / max_rows columns,
    and all its rows are then read."""
    cells = data.count(b"<c ") if len(data) > 11 * MAX_CELLS else 0  # `<c r="A1"/>` is 11 bytes
    far = _Far(0, 0)
    if not _FAR_ISH.search(data):  # columns A to Z, rows below 10,000: no cell can be too far
        return cells
    letters = _farthest(data, _WIDE, lambda found: _column(found))
    if letters is not None:
        far = _refuse_far(*letters, far, max_rows, max_columns, where)
    rows = _farthest(data, _LONG, int) or _farthest(data, _ROW_OF_REF, int) if far.columns * max_rows > MAX_CELLS \
        else _farthest(data, _LONG, int)
    if rows is not None:
        far = _refuse_far(*rows, far, max_rows, max_columns, where)
    return cells


def _farthest(data: bytes, pattern: re.Pattern[bytes], order: Callable[[bytes], int]) -> tuple[bytes, bytes] | None:
    """The reference (letters, digits) whose part `pattern` captures is the greatest by `order`, in a tag."""
    for found in sorted(set(pattern.findall(data)), key=order, reverse=True):
        for match in re.finditer(re.escape(found), data):
            if _in_tag(data, match.start()):
                value = _REF_AROUND.search(data, max(match.start() - 8, 0), match.end() + 8)
                if value is not None:
                    return value[1], value[2]
    return None


def _in_tag(data: bytes, at: int) -> bool:
    """Whether position `at` is inside a tag (not in text)."""
    return data.rfind(b"<", 0, at) > data.rfind(b">", 0, at)


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


def _check_cell_text(data: bytes, where: Callable[[str], str]) -> None:
    """PW432 for a cell whose own text (inline, or a formula's text result) is longer than Excel allows. Such a
    text is a run of more than MAX_CELL_TEXT bytes without a `<`: every such run holds one of the points taken every
    MAX_CELL_TEXT // 2 bytes, so only the runs around those points are measured. An inline string of several runs
    is looked at whole, in a sheet that has one."""
    step = MAX_CELL_TEXT // 2
    for point in range(step, len(data), step):
        start = data.rfind(b"<", 0, point)
        end = data.find(b"<", point)
        if (len(data) if end < 0 else end) - start > MAX_CELL_TEXT:
            _refuse_long_cell(data, max(start, 0), where)
    if _has_runs(data):
        for match in _INLINE.finditer(data):
            if match.end() - match.start() > MAX_CELL_TEXT:
                _refuse_long_cell(data, match.start(), where)


def _has_runs(data: bytes) -> bool:
    """Whether the sheet has a rich-text run (`<r>`, any prefix): one search for `r>`, which other tags rarely end
    with (`sheetPr>`), rather than one search for each form; past a few dozen of those, the two searches."""
    at = data.find(b"r>")
    for _ in range(64):
        if at < 0:
            return False
        if at and data[at - 1] in b"<:":
            return True
        at = data.find(b"r>", at + 2)
    return b"<r>" in data or b":r>" in data


def _refuse_long_cell(data: bytes, at: int, where: Callable[[str], str]) -> None:
    """PW432 at the cell around `at` if its text is longer than Excel allows."""
    start = max((m.start() for m in _CELL_START.finditer(data, max(at - 4096, 0), at)), default=at)
    end = _CELL_END.search(data, at)
    if longer_than(data[start:end.start() if end else len(data)], MAX_CELL_TEXT):
        found = _R_ATTRIBUTE.search(data, start, at)
        ref = (found[1] or found[2]).decode("ascii", "replace") if found else ""
        raise ParindexError("PW432", where=where(ref), limit=MAX_CELL_TEXT)


def _check_sheet_text(data: bytes, strings: SharedStrings, where: Callable[[str], str]) -> None:
    """PW433 when the shared strings the cells name add up to more text than MAX_SHEET_TEXT. Most sheets are
    cleared at once: even if every value named the longest string, they would stay under it."""
    if len(data) // 11 * strings.longest <= MAX_SHEET_TEXT:  # even if every cell named the longest string
        return
    values = (data.count(b"v>") + 1) // 2  # each value is <v>…</v>, any prefix
    if values * strings.longest <= MAX_SHEET_TEXT:
        return
    sizes, count = strings.sizes, len(strings.sizes)
    named = Counter(_STRING_CELL.findall(data))  # a string's index → the cells naming it
    total = sum(sizes[index] * cells for text, cells in named.items() if (index := int(text)) < count)
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
