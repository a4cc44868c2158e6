"""The one way in for every sheet (an adapter): a workbook read as its `WorkbookSpec` (`common.tables`) says.

Every sheet-based input — an evidence workbook, a criteria sheet, a survey table, a list of units — comes in here
and nowhere else. The file is guarded first (`io.workbook_guard`: zip bombs, things that are not .xlsx), read once,
then opened by python-calamine from those bytes (fast, and it evaluates nothing). Before calamine reads the shared
strings or lays a sheet out, their XML is checked against the bounds of `io.xml_bounds` (one far cell would ask
calamine for billions of cells, a string shared by a million cells for gigabytes), and what calamine does not tell
is noted — cells formatted as a percent, Excel error cells (`#N/A`),
formulas saved without a value. Sheets are found by name and columns by header text, both without regard to case,
diacritics or spacing (`common.tables.header_form`), and every cell read is normalised one way (`_value`):
blank is None, an error cell is its error's text (never a blank), a %-formatted number is the percent Excel shows,
a duration its text. A formula saved without its value in a cell that is read is refused (PW426), not read as
blank. A table saved from Excel as CSV (`read_csv_table`) is found and matched by the same spec.
"""

from __future__ import annotations

import csv
import gc
import html
import io
import posixpath
import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from parindex.common.errors import ParindexError
from parindex.common.tables import (
    HEADER_SEARCH_ROWS,
    Book,
    Cell,
    Info,
    InfoSpec,
    Pair,
    SheetSpec,
    Table,
    TableSpec,
    WorkbookSpec,
    column_letter,
    header_form,
    is_blank,
)
from parindex.common.values import RawValue, ValueProblem, clean_text, float_text, normalise_code, show
from parindex.io.input_files import decode_utf8, read_bytes
from parindex.io.workbook_guard import WorkbookZip, guard_workbook
from parindex.io.xml_bounds import NO_STRINGS, SharedStrings, check_shared_strings, check_sheet

MAX_ROWS = 20_000
MAX_COLUMNS = 500
MAX_INFO_ROWS = 200
MAX_FORMULA_CELLS_SHOWN = 10

# The end of a formula (<f>…</f> or <f …/>) not followed by a cached value (<v> and some text): only a sheet
# with such a cell is parsed to find them; most sheets have none, and a formula with its value needs no parse.
_FORMULA_HINT = re.compile(rb"f[\s>/]")  # 'f' then a tag's end is rare in sheet XML: rules out most sheets at once
_FORMULA = re.compile(rb"<f[\s>/]")
_FORMULA_PREFIXED = re.compile(rb"<[A-Za-z_][\w.-]*:f[\s>/]")
_FORMULA_WITHOUT_VALUE = re.compile(
    rb"(?:</(?:[A-Za-z_][\w.-]*:)?f>|<(?:[A-Za-z_][\w.-]*:)?f\b[^>]*/>)\s*(?!<(?:[A-Za-z_][\w.-]*:)?v>[^<])")
_REF = re.compile(r"([A-Z]+)([0-9]+)")
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(sheet|Relationship)\s([^>]*)>")
_ATTRIBUTE = re.compile(rb"([A-Za-z_][\w.:-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def read_book(path: Path, spec: WorkbookSpec, keys: tuple[str, ...] | None = None,
              sheets: tuple[SheetSpec, ...] | None = None) -> Book:
    """The table and info rows of a workbook of kind `spec`, or a ParindexError naming the file, sheet and cell
    (with the spec's codes). `keys`: the table columns read (default: all the sheet has); `sheets`: only those
    of the spec's sheets (`read_info` reads only an evidence workbook's Thông tin)."""
    path = path if isinstance(path, Path) else Path(path)
    collecting = gc.isenabled()
    gc.disable()  # thousands of small acyclic objects: collecting while making them only costs time
    try:
        return _read(path, spec.sheets if sheets is None else sheets, keys)
    finally:
        if collecting:
            gc.enable()


def _read(path: Path, parts: tuple[SheetSpec, ...], keys: tuple[str, ...] | None) -> Book:
    with guard_workbook(path) as archive:
        category = archive.category()
        strings = shared_strings(archive)  # calamine reads them all when it opens the workbook
        book = open_workbook(path, archive)
        try:
            names = list(book.sheet_names)
            named = [(part, find_sheet(path, names, part)) for part in parts if part.sheet is not None]
            reader = WorkbookReader(path, archive, strings)
            scans = [(part, reader.prescan(name)) for part, name in named]
            found = [(part, scan.read(book, _max_rows(part))) for part, scan in scans]
            searched = next((part for part in parts if isinstance(part, TableSpec) and part.sheet is None), None)
            table_at = _search(path, book, reader, names, searched) if searched is not None else None
        finally:
            book.close()
    table: Table | None = None
    info: Info | None = None
    for part, sheet in found:
        if part.merged:
            sheet = sheet.filled()
        if isinstance(part, InfoSpec):
            info = _info(sheet, part)
        else:
            table = _table(sheet, part, _header_row(sheet, part), keys)
    if searched is not None and table_at is not None:
        table = _table(table_at[0], searched, table_at[1], keys)
    return Book(table, info, category)


def _max_rows(part: SheetSpec) -> int:
    return MAX_INFO_ROWS if isinstance(part, InfoSpec) else MAX_ROWS


def find_sheet(path: Path, names: list[str], part: SheetSpec) -> str:
    """The name of the sheet `part` is on, among `names`, found by its name or aliases whatever the case, accents'
    encoding or spacing; none is the spec's `no_sheet` code, two that are not told apart by the exact name PW429."""
    wanted = part.sheet or ""
    forms = {header_form(alias) for alias in (wanted, *part.sheet_aliases)}
    found = [name for name in names if header_form(name) in forms]
    if not found:
        raise ParindexError(part.codes.no_sheet, where=str(path), sheet=wanted,
                            found=", ".join(f"'{n}'" for n in names) or "–")
    exact = [name for name in found if clean_text(name).strip() == wanted]
    if len(found) > 1 and len(exact) != 1:
        raise ParindexError("PW429", where=str(path), sheet=wanted, first=f"'{found[0]}'", second=f"'{found[1]}'")
    return exact[0] if exact else found[0]


def _search(path: Path, book: Any, reader: WorkbookReader, names: list[str],
            spec: TableSpec) -> tuple[SheetRows, int]:
    """The first sheet (of all, or only the first one) with the spec's header row, and that row."""
    looked = names[:1] if spec.first_sheet_only else names
    for name in looked:
        sheet = reader.prescan(name).read(book, MAX_ROWS)
        header = _find_header(sheet, spec)
        if header is not None:
            return (sheet.filled() if spec.merged else sheet), header
    where = f"{path} › {looked[0]}!A1" if len(looked) == 1 else str(path)
    raise ParindexError(spec.codes.no_header, where=where, header=spec.headers[spec.anchor], rows=HEADER_SEARCH_ROWS)


def _find_header(sheet: SheetRows, spec: TableSpec) -> int | None:
    """The first of the sheet's first rows with a cell heading the spec's anchor column."""
    anchor, key_of = spec.anchor, spec.key_of
    return next((r for r, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS])
                 if any(key_of(value) == anchor for value in row)), None)


def _header_row(sheet: SheetRows, spec: TableSpec) -> int:
    """The header row of a table on a named sheet; none is the spec's `no_header` code at the sheet."""
    header = _find_header(sheet, spec)
    if header is None:
        raise ParindexError(spec.codes.no_header, where=sheet.where(f"{sheet.scan.name}!A1"),
                            header=spec.headers[spec.anchor], rows=HEADER_SEARCH_ROWS)
    return header


# --- calamine ---------------------------------------------------------------------------------------

def shared_strings(archive: WorkbookZip) -> SharedStrings:
    """The workbook's shared strings, checked (`xml_bounds.check_shared_strings`) before calamine reads them; a
    part named like them anywhere is checked too, whichever calamine takes."""
    found = NO_STRINGS
    for name in archive.entries:
        if name.lower().endswith("sharedstrings.xml"):
            strings = check_shared_strings(archive.read(name), f"{archive.path} › {name}")
            if strings.longest > found.longest:
                found = strings
    return found


def open_workbook(path: Path, archive: WorkbookZip) -> Any:
    """The workbook `guard_workbook` let through, opened by calamine (close it when done); a file that cannot
    be read is a ParindexError (PE303, PW410) naming it."""
    from python_calamine import CalamineWorkbook

    try:  # through a Python file: a file name that is not valid UTF-8 (an old USB stick) opens too
        if archive.content is not None:  # the bytes the guard read: the file is not read twice
            return CalamineWorkbook.from_filelike(io.BytesIO(archive.content))
        with open(path, "rb") as handle:
            return CalamineWorkbook.from_filelike(handle)
    except OSError as exc:
        raise ParindexError("PE303", where=str(path), reason=exc.strerror or str(exc)) from None
    except Exception as exc:  # any failure of the parser on untrusted input: the file cannot be read
        raise ParindexError("PW410", where=str(path), reason=_reason(exc)) from None


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def _sheet_rows(path: Path, book: Any, name: str, max_rows: int) -> list[list[Any]]:
    try:
        sheet = book.get_sheet_by_name(name)
        end = sheet.end
        if end is not None:
            if end[0] + 1 > max_rows:
                raise ParindexError("PW425", where=f"{path} › {name}!A{max_rows + 1}", limit=max_rows)
            if end[1] + 1 > MAX_COLUMNS:
                raise ParindexError("PW427", where=f"{path} › {name}!{column_letter(MAX_COLUMNS)}1",
                                    limit=MAX_COLUMNS)
        return sheet.to_python(skip_empty_area=False, nrows=max_rows)
    except ParindexError:
        raise
    except Exception as exc:
        raise ParindexError("PW410", where=f"{path} › {name}", reason=_reason(exc)) from None


# --- cells, tables and info rows ------------------------------------------------------------------------

def _value(sheet: SheetRows, r: int, c: int) -> RawValue:
    """A cell as read, normalised (0-based row and column): see `_table`'s loop, which does the same inline."""
    row = sheet.rows[r] if r < len(sheet.rows) else []
    value = row[c] if c < len(row) else ""
    if value.__class__ is str:
        return value or sheet.scan.errors.get((r, c))
    if value.__class__ is timedelta:
        return str(value)
    if value.__class__ is float and (r, c) in sheet.scan.percent:
        return percent_text(float(value))  # float(): mypy 1.12 (the lower bound) does not narrow by __class__
    return value


def _table(sheet: SheetRows, spec: TableSpec, header: int, keys: tuple[str, ...] | None) -> Table:
    """The table under the header row: its columns matched to the spec, and its rows' values of the columns read."""
    name, rows, scan = sheet.scan.name, sheet.rows, sheet.scan
    header_cells = [_value(sheet, header, c) for c in range(len(rows[header]))]
    try:
        columns = spec.match(header_cells)
    except ValueProblem as problem:
        raise ParindexError(problem.msg, where=sheet.where(f"{name}!A{header + 1}")) from None
    coded = _coded_columns(sheet, spec, header, header_cells, columns) if spec.coded_columns else []
    read = [(key, index) for key, index in columns.items() if keys is None or key in keys or key in coded]
    prefixes = {key: f"{name}!{column_letter(index)}" for key, index in read}
    first, *others = [columns[key] for key in spec.rows_with if key in columns] or [columns[spec.anchor]]
    errors, percent = scan.errors, scan.percent  # calamine reads an error cell as blank; it is not blank
    width = max(columns.values()) + 1
    found: list[tuple[int, dict[str, RawValue]]] = []
    # The hot loop of `parindex score`: one pass over the columns read, nothing recomputed per cell.
    for r in range(header + 1, len(rows)):
        row = rows[r]
        if len(row) < width:  # calamine pads every row to the sheet's width; be safe anyway
            row = [*row, *[""] * (width - len(row))]
        if row[first] == "" and not (errors and (r, first) in errors) and not any(
                row[c] != "" or (errors and (r, c) in errors) for c in others):
            continue  # not a row of the table: a spacer, a title, a note
        values: dict[str, RawValue] = {}
        for key, index in read:
            value = row[index]
            if value.__class__ is str:
                if not value:
                    value = errors.get((r, index)) if errors else None
            elif value.__class__ is timedelta:
                value = str(value)
            elif value.__class__ is float and (r, index) in percent:
                value = percent_text(value)
            values[key] = value
        found.append((r + 1, values))
    if scan.formulas is not None:  # a formula saved without its value may be in a cell read
        read_rows, read_columns = {r - 1 for r, _ in found}, {index for _, index in read}
        sheet.refuse_formulas(lambda r, c: r in read_rows and c in read_columns)
    return Table(name, header + 1, columns, prefixes, found, tuple(coded))


_CODE_INSIDE = re.compile(r"\d+\s*\.\s*\d+")  # `TC 3.2.1`, `3.2.1 (%)`: a code with words around it


def _coded_columns(sheet: SheetRows, spec: TableSpec, header: int, header_cells: list[RawValue],
                   columns: dict[str, int]) -> list[str]:
    """The columns headed by an item code, added to `columns`; other columns (STT, Khối, Ghi chú) are the user's own.

    A column no header names would be left out without a word, so a header that holds a code among other words
    (`codes.unread`), a code heading two columns (`codes.twice`) and a header merged over several columns that hold
    values (`codes.merged`) are refused at their cells."""
    name = sheet.scan.name
    _refuse_merged_header(sheet, spec, header)
    taken = set(columns.values())
    coded: list[str] = []
    for c, cell in enumerate(header_cells):
        if c in taken:
            continue
        code = normalise_code(cell)
        at = f"{column_letter(c)}{header + 1}"
        if code is None:
            if isinstance(cell, str) and _CODE_INSIDE.search(cell):
                raise ParindexError(spec.codes.unread, where=sheet.where(f"{name}!{at}"), header=show(cell))
            continue
        if code in columns:
            first = f"{column_letter(columns[code])}{header + 1}"
            raise ParindexError(spec.codes.twice, where=sheet.where(f"{name}!{at}"), header=code,
                                first=f"{first} ('{show(header_cells[columns[code]])}')",
                                second=f"{at} ('{show(cell)}')")
        columns[code] = c
        coded.append(code)
    return coded


def _refuse_merged_header(sheet: SheetRows, spec: TableSpec, header: int) -> None:
    """A header cell merged across columns heads only the first of them: a column under the rest that holds values
    would be read by no header."""
    for first_row, first_col, last_row, last_col in sheet.scan.merged:
        if not first_row <= header <= last_row or last_col == first_col:
            continue
        filled = any(c < len(row) and row[c] != "" for row in sheet.rows[header + 1:]
                     for c in range(first_col + 1, last_col + 1))
        if filled:
            cells = f"{column_letter(first_col)}{first_row + 1}:{column_letter(last_col)}{last_row + 1}"
            raise ParindexError(spec.codes.merged, where=sheet.where(f"{sheet.scan.name}!{cells}"), cells=cells,
                                header=show(_value(sheet, first_row, first_col)))


def _info(sheet: SheetRows, spec: InfoSpec) -> Info:
    """Label/value rows: the first filled cell of a row is its label, the next filled one its value."""
    name, errors = sheet.scan.name, sheet.scan.errors
    pairs: list[Pair] = []
    value_cells: set[tuple[int, int]] = set()
    for r, row in enumerate(sheet.rows):
        filled = [c for c, value in enumerate(row)  # '' is an empty cell, unless an error cell
                  if (value != "" and not (value.__class__ is str and is_blank(value)))
                  or (errors and (r, c) in errors)]
        if not filled:
            continue
        first = filled[0]
        label = _value(sheet, r, first)
        key = spec.key_of(label)
        if key is None and not spec.others:
            continue
        column = filled[1] if len(filled) > 1 else first + 1
        pairs.append(Pair(key, Cell(label, f"{name}!{column_letter(first)}{r + 1}"),
                          Cell(_value(sheet, r, column), f"{name}!{column_letter(column)}{r + 1}")))
        value_cells.add((r, column))
    sheet.refuse_formulas(lambda r, c: (r, c) in value_cells)
    return Info(name, pairs)


def percent_text(value: float) -> str:
    """0.957 shown as 95.7% → '95.7%', read as Excel shows it (15 digits: 0.7999999999999999 is 80%)."""
    from decimal import Decimal

    text = format(Decimal(float_text(value)) * 100, "f")
    return (text.rstrip("0").rstrip(".") if "." in text else text) + "%"


class WorkbookReader:
    """A workbook's sheets by their XML: a sheet is prescanned before calamine may lay it out, and only a
    prescanned sheet can be read (`PrescannedSheet.read`), so no sheet is read without what the prescan found."""

    def __init__(self, path: Path, archive: WorkbookZip, strings: SharedStrings = NO_STRINGS) -> None:
        self.path = path
        self.archive = archive
        self.strings = strings
        self._sheet_parts: dict[str, str] | None = None
        self._percent_styles: frozenset[bytes] | None = None

    def where(self, ref: str) -> str:
        return f"{self.path} › {ref}"

    def prescan(self, sheet: str) -> PrescannedSheet:
        """Refuse a sheet calamine should not lay out (`xml_bounds.check_sheet`: cells too many or too far, text
        too long), and note what calamine will not tell: cells formatted as a percent, error cells, formulas
        saved without a value."""
        part = self._sheet_part(sheet)
        if part is None:
            raise ParindexError("PW410", where=self.where(sheet), reason=f"no XML part found for sheet '{sheet}'")
        data = self.archive.read(part)
        check_sheet(data, self.strings, MAX_ROWS, MAX_COLUMNS, lambda ref: self.where(f"{sheet}!{ref}" if ref
                                                                                     else f"{sheet} ({part})"))
        has_formula = bool(_FORMULA_HINT.search(data)) and bool(  # cheap, and most sheets have none
            _FORMULA.search(data) or (b":f" in data and _FORMULA_PREFIXED.search(data)))
        formulas = data if has_formula and _FORMULA_WITHOUT_VALUE.search(data) else None
        return PrescannedSheet(self.path, sheet, formulas, self._percent_cells(data),
                           _error_cells(data) if b't="e"' in data else {},
                           _merged_cells(data) if b"mergeCell" in data else ())

    def _percent_cells(self, data: bytes) -> set[tuple[int, int]]:
        """Cells shown as a percent. Excel stores `100%` typed in a cell as 1 with a % format, and calamine
        gives values only: without this, a typed 100% would read as an ambiguous 1."""
        if self._percent_styles is None:
            self._percent_styles = _percent_styles(self.archive.read("xl/styles.xml")) \
                if "xl/styles.xml" in self.archive.entries else frozenset()
        if not self._percent_styles:
            return set()
        return _percent_cells(data, self._percent_styles)

    def _sheet_part(self, sheet: str) -> str | None:
        """The zip entry holding a sheet's XML, from xl/workbook.xml and its relationships.

        Both parts are small; their tags are picked out with a pattern (no entity is ever expanded)."""
        if self._sheet_parts is None:
            self._sheet_parts = {}
            rels_name = "xl/_rels/workbook.xml.rels"
            if rels_name not in self.archive.entries:
                return None
            self._sheet_parts = _sheet_parts(self.archive.read(rels_name), self.archive.read("xl/workbook.xml"))
        part = self._sheet_parts.get(sheet)
        return part if part in self.archive.entries else None


@lru_cache(maxsize=16)  # by content: the workbooks of a run are mostly copies of one template
def _sheet_parts(rels: bytes, workbook: bytes) -> dict[str, str]:
    """Sheet name → its zip entry, from the workbook's relationships and its <sheet> tags (never changed)."""
    targets: dict[str, str] = {}
    for attrs in _tags(rels, b"Relationship"):
        target = attrs.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        targets[attrs.get("Id", "")] = target
    parts = {}
    for attrs in _tags(workbook, b"sheet"):
        rel = next((value for name, value in attrs.items() if name.endswith(":id")), "")
        if rel in targets:
            parts[attrs.get("name", "")] = targets[rel]
    return parts


class PrescannedSheet(NamedTuple):
    """A sheet whose XML was checked: safe for calamine to lay out."""

    path: Path
    name: str
    formulas: bytes | None  # its XML when it may hold a formula without a value (kept: unzipping costs as much)
    percent: set[tuple[int, int]]  # (row, column) of %-formatted cells
    errors: dict[tuple[int, int], str]  # (row, column) → '#DIV/0!' …
    merged: tuple[tuple[int, int, int, int], ...] = ()  # (first row, first column, last row, last column), 0-based

    def read(self, book: Any, max_rows: int) -> SheetRows:
        return SheetRows(self, _sheet_rows(self.path, book, self.name, max_rows))


class SheetRows(NamedTuple):
    """A prescanned sheet's rows as calamine read them (0-based; an empty cell is '')."""

    scan: PrescannedSheet
    rows: list[list[Any]]

    def where(self, ref: str) -> str:
        return f"{self.scan.path} › {ref}"

    def filled(self) -> SheetRows:
        """The rows with every merged area holding the value it shows (its first cell's) in each of its cells, and
        its first cell's percent format or error with it."""
        rows = [list(row) for row in self.rows]
        percent, errors = set(self.scan.percent), dict(self.scan.errors)
        for first_row, first_col, last_row, last_col in self.scan.merged:
            if first_row >= len(rows) or first_col >= len(rows[first_row]):
                continue
            value = rows[first_row][first_col]
            for r in range(first_row, min(last_row, len(rows) - 1) + 1):
                for c in range(first_col, min(last_col, len(rows[r]) - 1) + 1):
                    rows[r][c] = value
                    if (first_row, first_col) in percent:
                        percent.add((r, c))
                    if (first_row, first_col) in errors:
                        errors[(r, c)] = errors[(first_row, first_col)]
        return SheetRows(self.scan._replace(percent=percent, errors=errors), rows)

    # --- formulas saved without their computed value -----------------------------------------------

    def refuse_formulas(self, read: Callable[[int, int], bool]) -> None:
        """Refuse cells we read as blank that hold a formula saved without its value; `read(row, column)`
        (0-based) says whether the caller reads that cell.

        The prescan searched the sheet XML for a formula without a value (a bytes pattern); only then is it
        parsed, streaming, to find exactly which cells those are. Files saved by Excel or LibreOffice hold
        every formula's value, so this is for files written by scripts."""
        sheet, rows, data = self.scan.name, self.rows, self.scan.formulas
        if data is None:
            return
        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import ParseError  # defusedxml 0.7.0 raises its own copy of the class

        try:
            formulas = _formulas_without_value(data)
        except (ParseError, DefusedXmlException) as exc:
            raise ParindexError("PW410", where=self.where(sheet), reason=_reason(exc)) from None

        def blank(r: int, c: int) -> bool:
            return r >= len(rows) or c >= len(rows[r]) or rows[r][c] == ""

        hits = [f"{sheet}!{column_letter(c)}{r + 1}" for r, c in sorted(formulas) if read(r, c) and blank(r, c)]
        if hits:
            shown = ", ".join(hits[:MAX_FORMULA_CELLS_SHOWN]) + (" …" if len(hits) > MAX_FORMULA_CELLS_SHOWN else "")
            raise ParindexError("PW426", where=self.where(hits[0]), count=len(hits), cells=shown)


def _formulas_without_value(data: bytes) -> list[tuple[int, int]]:
    """(row, column), 0-based, of every cell of the sheet XML with a formula and no cached value."""
    from defusedxml.ElementTree import iterparse

    found: list[tuple[int, int]] = []
    for _, element in iterparse(io.BytesIO(data), events=("end",)):
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "c":
            has_formula = has_value = False
            for child in element:
                name = child.tag.rsplit("}", 1)[-1]
                if name == "f":
                    has_formula = True
                elif name in ("v", "is") and (child.text or len(child)):
                    has_value = True
            if has_formula and not has_value:
                match = _REF.fullmatch(element.get("r") or "")
                if match:
                    found.append((int(match[2]) - 1, _column_index(match[1])))
            element.clear()
        elif tag == "row":
            element.clear()
    return found


def _tags(xml: bytes, name: bytes) -> list[dict[str, str]]:
    """The attributes of every `<name …>` tag (any namespace prefix), values unescaped."""
    found = []
    for match in _TAG.finditer(xml):
        if match[1] == name:
            found.append({key.decode(): html.unescape((double or single).decode("utf-8", "replace"))
                          for key, double, single in _ATTRIBUTE.findall(match[2])})
    return found


_ERROR_CELL = re.compile(
    rb"<((?:[A-Za-z_][\w.-]*:)?)c\s+r=\"([A-Z]{1,3})([0-9]{1,7})\"[^>]*\bt=\"e\"[^>/]*>(.*?)</\1c>", re.S)
_VALUE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?v>([^<]*)</")
_NUMFMT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?numFmt\s[^>]*?numFmtId=\"([0-9]+)\"[^>]*?formatCode=\"([^\"]*)\"")
_CELL_XFS = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?cellXfs\b.*?</(?:[A-Za-z_][\w.-]*:)?cellXfs>", re.S)
_XF = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?xf\b([^>]*)>")
_NUMFMT_ID = re.compile(rb"\bnumFmtId=\"([0-9]+)\"")


@lru_cache(maxsize=16)
def _percent_styles(styles: bytes) -> frozenset[bytes]:
    """Indexes (as in a cell's s="…") of the cell formats that show numbers as a percent. Cached by content:
    the workbooks of a run are mostly copies of one template, with one styles part (a worker reads many)."""
    percent_ids = {b"9", b"10"}  # Excel's built-in 0% and 0.00%
    percent_ids |= {fmt_id for fmt_id, code in _NUMFMT.findall(styles) if _shows_percent(code)}
    section = _CELL_XFS.search(styles)
    if section is None:
        return frozenset()
    found = set()
    for index, xf in enumerate(_XF.finditer(section[0])):
        fmt = _NUMFMT_ID.search(xf[1])
        if fmt and fmt[1] in percent_ids:
            found.add(str(index).encode())
    return frozenset(found)


_STYLED_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\s+r=\"([A-Z]{1,3})([0-9]{1,7})\"([^>]*)>")
_STYLE_ATTRIBUTE = re.compile(rb"\bs=\"([0-9]+)\"")


PERCENT_HITS = 256  # past this many percent-styled cells, every cell tag is read instead


def _percent_cells(data: bytes, styles: frozenset[bytes]) -> set[tuple[int, int]]:
    """(row, column) of the cells whose first style attribute (`s="…"`) is one of `styles`. Found from the places
    those attributes are written (a search of the sheet per style), each checked in its cell tag as
    `_percent_cells_tag_by_tag` reads it: a Python step for each cell of an item sheet cost about 0.8 ms."""
    hits: list[int] = []
    for style in styles:
        needle = b's="' + style + b'"'
        at = data.find(needle)
        while at >= 0:
            if len(hits) == PERCENT_HITS:
                return _percent_cells_tag_by_tag(data, styles)
            hits.append(at)
            at = data.find(needle, at + len(needle))
    found = set()
    for at in hits:
        start = data.rfind(b"<", 0, at)
        if start < 0:
            continue
        if data.rfind(b"<", 0, start) > data.rfind(b">", 0, start):  # a `<` inside a tag: not well-formed XML,
            return _percent_cells_tag_by_tag(data, styles)  # where the tag-by-tag reading may see other tags
        match = _STYLED_CELL.match(data, start)
        if match is None or match.end() <= at:  # not in a cell tag (in text, or another tag)
            continue
        first = _STYLE_ATTRIBUTE.search(match[3])
        if first and first[1] in styles:
            found.add((int(match[2]) - 1, _column_index(match[1].decode())))
    return found


def _percent_cells_tag_by_tag(data: bytes, styles: frozenset[bytes]) -> set[tuple[int, int]]:
    """The cells shown as a percent, each cell tag read in turn to its first `>`."""
    found = set()
    for match in _STYLED_CELL.finditer(data):
        style = _STYLE_ATTRIBUTE.search(match[3])
        if style and style[1] in styles:
            found.add((int(match[2]) - 1, _column_index(match[1].decode())))
    return found


def _error_cells(data: bytes) -> dict[tuple[int, int], str]:
    """Cells holding an Excel error (#DIV/0!, #N/A, #VALUE! …), by (row, column), with the error's text."""
    found = {}
    for match in _ERROR_CELL.finditer(data):
        value = _VALUE.search(match[4])
        found[(int(match[3]) - 1, _column_index(match[2].decode()))] = value[1].decode() if value else "#?"
    return found


_MERGE = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?ref=\"([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})\"")


def _merged_cells(data: bytes) -> tuple[tuple[int, int, int, int], ...]:
    """The merged areas of a sheet (calamine gives a merged area's value in its first cell only)."""
    return tuple((int(m[2]) - 1, _column_index(m[1].decode()), int(m[4]) - 1, _column_index(m[3].decode()))
                 for m in _MERGE.finditer(data))


def _shows_percent(format_code: bytes) -> bool:
    """A number format that multiplies by 100: a % outside quoted text ("%") and not escaped (\\%)."""
    code = html.unescape(format_code.decode("utf-8", "replace"))
    return "%" in re.sub(r'"[^"]*"|\\.', "", code)


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1



# --- a table typed in Excel and saved as CSV ---------------------------------------------------------------

CSV_DELIMITERS = (";", ",", "\t")  # Excel's vi-VN list separator, en-US's, a tab


def read_csv_table(path: Path, spec: WorkbookSpec, limit: int) -> Table:
    """The table of kind `spec` in a CSV as Excel saves it (vi-VN: `;` between fields; UTF-8, a BOM or not), found
    and matched as on a sheet: its header row among the first `HEADER_SEARCH_ROWS` lines (title lines above it
    allowed), columns by their header words, the same codes. The delimiter is the one that heads the most columns
    of the spec. Values are text (None when blank); a row's number is its line; `prefixes` are empty, as a CSV
    has no sheet (a cell is said `file:line`)."""
    table = spec.table
    assert table is not None  # a CSV holds one table
    text = decode_utf8(path, read_bytes(path, limit))
    best: tuple[int, str, int, list[str]] | None = None
    for delimiter in CSV_DELIMITERS:
        for line, cells in _csv_rows(path, text, delimiter, HEADER_SEARCH_ROWS):
            if any(table.key_of(cell) == table.anchor for cell in cells):
                heads = len({table.key_of(cell) for cell in cells} - {None})
                if best is None or heads > best[0]:
                    best = (heads, delimiter, line, cells)
                break
    if best is None:
        raise ParindexError(table.codes.no_header, where=str(path), header=table.headers[table.anchor],
                            rows=HEADER_SEARCH_ROWS)
    _, delimiter, header, cells = best
    try:
        columns = table.match(list(cells))
    except ValueProblem as problem:
        raise ParindexError(problem.msg, where=f"{path}:{header}") from None
    marks = [columns[key] for key in table.rows_with if key in columns]
    rows: list[tuple[int, dict[str, RawValue]]] = []
    for line, cells in _csv_rows(path, text, delimiter):
        if line > header and any(_csv_value(cells, index) is not None for index in marks):
            rows.append((line, {key: _csv_value(cells, index) for key, index in columns.items()}))
    return Table("", header, columns, dict.fromkeys(columns, ""), rows)


def _csv_rows(path: Path, text: str, delimiter: str, most: int | None = None) -> Iterator[tuple[int, list[str]]]:
    """Each record (at most `most`) with the line it starts on; PS577 where the csv module cannot go on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    try:
        for count, cells in enumerate(reader):
            if most is not None and count >= most:
                return
            yield line, cells
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ParindexError("PS577", where=str(path), line=reader.line_num, problem=str(exc)) from None


def _csv_value(cells: list[str], index: int) -> str | None:
    value = clean_text(cells[index]).strip() if index < len(cells) else ""
    return None if is_blank(value) else value
