"""What a sheet holds, declared: the table specs the one sheet reader (`io.sheets`) is driven by (pure data).

A kind of sheet parindex reads (an evidence workbook, a criteria sheet, a survey table, a list of units) is a
`WorkbookSpec`: its sheets in the order they are looked for, each a table found by its header row (`TableSpec`:
columns with their header, other names and whether they are required) or label/value rows (`InfoSpec`). Headers
and labels are compared in `header_form` — the common fold (`values.fold`) without punctuation, a parenthesised
remark dropped — so people may reorder columns, add their own and write headers in their office's words.
The reader hands back `Table`s and label/value `Cell` pairs, every value with the address it came from.
Specs and results are named tuples, cheap to define (every command's start-up pays for each class at import);
the two specs that keep their header lookup are frozen dataclasses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

from parindex.common.values import RawValue, ValueProblem, clean_text, fold

HEADER_SEARCH_ROWS = 15  # a header row is looked for in a sheet's first rows


class Cell(NamedTuple):
    """One cell as read: its value and where it is (`Tự đánh giá!E12`).

    A named tuple, not a dataclass: a workbook holds thousands of cells, and tuples are made and pickled
    (for parallel reading) several times faster.
    """

    raw: RawValue
    ref: str

    @property
    def blank(self) -> bool:
        return is_blank(self.raw)


def is_blank(raw: RawValue) -> bool:
    """Nothing typed: an empty cell, or only spaces and invisible characters (zero-width space, BOM)."""
    return raw is None or (isinstance(raw, str) and not raw.strip().strip("\u200b\u200c\u200d\u2060\ufeff\u00ad"))


# --- headers --------------------------------------------------------------------------------------------

_REMARK = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def header_form(text: RawValue) -> str:
    """The comparable form of a header, label or sheet name: 'Tài liệu kiểm chứng (số, ký hiệu)' →
    'tailieukiemchung'. The common fold without punctuation, after dropping a remark in brackets (a header that is
    only a remark, '(N/A)', keeps its words)."""
    if text is None or isinstance(text, bool):
        return ""
    return _header_form(str(text))


@lru_cache(maxsize=4096)  # the same few dozen headers and labels come back in every workbook
def _header_form(text: str) -> str:
    return fold(_REMARK.sub(" ", text), punctuation=False) or fold(text, punctuation=False)


def column_letter(index: int) -> str:
    """0-based column index → spreadsheet letters: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- the specs ------------------------------------------------------------------------------------------

class Column(NamedTuple):
    """A column of a table (or a label of an info sheet): its key, the header written (and named in messages),
    the other ways people head it, and whether a table without it is refused."""

    key: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False


def columns_of(headers: dict[str, str], aliases: dict[str, tuple[str, ...]] | None = None,
               required: tuple[str, ...] = ()) -> tuple[Column, ...]:
    """The columns of a key → header table (as a template or an export writes them), with their other names."""
    return tuple(Column(key, header, (aliases or {}).get(key, ()), key in required) for key, header in headers.items())


class Codes(NamedTuple):
    """The catalogue codes a kind of sheet speaks with when its sheets or headers are not as they should be."""

    no_sheet: str = "PW420"  # {sheet} {found}
    no_header: str = "PW421"  # {header} {rows}
    missing: str = "PW422"  # {missing} {found}
    twice: str = "PW423"  # {header} {first} {second}
    # a table read with coded columns (the survey table is the one): a header with a code among words, {header};
    # a header merged over columns that hold values, {cells} {header}
    unread: str = "PS591"
    merged: str = "PS592"


WORKBOOK_CODES = Codes()  # an evidence workbook's, and the default


def _lookup(columns: tuple[Column, ...]) -> dict[str, str]:
    """Header form → column key, for every way of writing every column."""
    found: dict[str, str] = {}
    for column in columns:
        for text in (column.header, column.key, *column.aliases):
            if found.setdefault(header_form(text), column.key) != column.key:  # pragma: no cover - a spec's mistake
                raise RuntimeError(f"header '{text}' is given to two columns")
    return found


class _Headed:
    """What a spec with columns (or labels) answers: which key a header (or label) names."""

    columns: tuple[Column, ...]

    @cached_property
    def lookup(self) -> dict[str, str]:
        return _lookup(self.columns)

    def key_of(self, cell: RawValue) -> str | None:
        """The key a header cell (or label) names, or None for a column (or row) of the user's own."""
        return self.lookup.get(header_form(cell)) if isinstance(cell, str) else None


@dataclass(frozen=True)
class TableSpec(_Headed):
    """A table found by its header row: the row, among a sheet's first `HEADER_SEARCH_ROWS`, that heads a column
    `anchor`; below it, the rows where one of `rows_with` holds something (the others are spacers, titles, notes).

    `sheet` names the sheet it is on (with `sheet_aliases`); without one the table is on the first sheet that has
    such a header row (only the first sheet when `first_sheet_only`). `coded_columns`: a column headed by an item
    code (8.1.1) is read too, under that code. `merged`: every cell of a merged area reads as the value it shows.
    `others`: every other headed column is read too, under `other_key` (a criteria sheet names those it does not
    use, and finds its component column by the values)."""

    columns: tuple[Column, ...]
    anchor: str
    rows_with: tuple[str, ...]
    sheet: str | None = None
    sheet_aliases: tuple[str, ...] = ()
    first_sheet_only: bool = False
    coded_columns: bool = False
    merged: bool = False
    others: bool = False
    codes: Codes = WORKBOOK_CODES

    @cached_property
    def headers(self) -> dict[str, str]:
        return {column.key: column.header for column in self.columns}

    def match(self, header_cells: list[RawValue]) -> dict[str, int]:
        """Column key → 0-based index for the columns this header row has. A ValueProblem `codes.twice` when two
        columns name the same thing, `codes.missing` when a required one is missing (the place is the caller's)."""
        found: dict[str, int] = {}
        for index, cell in enumerate(header_cells):
            key = self.key_of(cell)
            if key is None:
                continue
            if key in found:
                first = found[key]
                raise ValueProblem(self.codes.twice, header=self.headers[key],
                                   first=_label(first, header_cells[first]), second=_label(index, cell))
            found[key] = index
        if self.others:
            for index, cell in enumerate(header_cells):
                text = clean_text(str(cell)).strip() if cell is not None else ""
                if text and index not in found.values():
                    found[other_key(index, text)] = index
        missing = [column for column in self.columns if column.required and column.key not in found]
        if missing:
            seen = [f"'{clean_text(str(cell)).strip()}'" for cell in header_cells
                    if cell is not None and clean_text(str(cell)).strip()]
            raise ValueProblem(self.codes.missing, missing=", ".join(f"'{c.header}' ({c.key})" for c in missing),
                               found=", ".join(seen) or "–")
        return found


OTHER = "?"  # the key of a column of the user's own begins so: '?G Ghi chú'


def other_key(index: int, header: str) -> str:
    """The key a column no spec column names is read under (`TableSpec.others`): its letter and its header."""
    return f"{OTHER}{column_letter(index)} {header}"


def other_column(key: str) -> tuple[str, str] | None:
    """(letter, header) of a key made by `other_key`; None for a spec column's key."""
    if not key.startswith(OTHER):
        return None
    letter, _, header = key[1:].partition(" ")
    return letter, header


def _label(index: int, cell: RawValue) -> str:
    return f"{column_letter(index)} ('{clean_text(str(cell)).strip()}')"


@dataclass(frozen=True)
class InfoSpec(_Headed):
    """Label/value rows on a named sheet: the first filled cell of a row is its label, the next filled one its
    value. `columns` are the labels (a Column's header and aliases: the ways to write it); rows whose label is
    none of them are dropped, unless `others` (a criteria sheet's component caps)."""

    sheet: str
    columns: tuple[Column, ...]
    sheet_aliases: tuple[str, ...] = ()
    others: bool = False
    merged: bool = False
    codes: Codes = WORKBOOK_CODES


SheetSpec = TableSpec | InfoSpec


class WorkbookSpec(NamedTuple):
    """A kind of sheet parindex reads: its name in the registry (`evidence.sheet_kinds`) and its sheets, in the
    order they are looked for (a workbook without the first is refused for that one)."""

    kind: str
    sheets: tuple[SheetSpec, ...]

    @property
    def table(self) -> TableSpec | None:
        return next((sheet for sheet in self.sheets if isinstance(sheet, TableSpec)), None)

    @property
    def info(self) -> InfoSpec | None:
        return next((sheet for sheet in self.sheets if isinstance(sheet, InfoSpec)), None)


# --- what the reader found ------------------------------------------------------------------------------

class Table(NamedTuple):
    """A table as read: the sheet, its header row (1-based), the columns it has (key → 0-based index; a coded
    column by its code), and the rows of the table (1-based row, value by key of every column read).

    A value's address is its column's prefix and its row: `prefixes` (key → `Tự đánh giá!E`) is one dict for
    every row, so rows stay small to keep and to send between processes."""

    sheet: str
    header: int
    columns: dict[str, int]
    prefixes: dict[str, str]
    rows: list[tuple[int, dict[str, RawValue]]]
    coded: tuple[str, ...] = ()  # the keys of coded columns, in sheet order

    def ref(self, key: str, row: int) -> str:
        return f"{self.prefixes[key]}{row}"

    def cell(self, key: str, row: int, values: dict[str, RawValue]) -> Cell:
        return Cell(values.get(key), self.ref(key, row))


class Pair(NamedTuple):
    """A label/value row as read: the key its label names (None: a label of no key), and the two cells."""

    key: str | None
    label: Cell
    value: Cell


class Info(NamedTuple):
    """Label/value rows as read: the sheet and its rows, in sheet order."""

    sheet: str
    pairs: list[Pair]


class Book(NamedTuple):
    """What the reader found in a workbook: the table and the info rows its spec asks for (None: not asked)."""

    table: Table | None = None
    info: Info | None = None
    category: str = ""  # of its core properties: parindex marks the workbooks it wrote (`io.workbook_guard`)
