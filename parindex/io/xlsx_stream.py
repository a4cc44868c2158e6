"""Workbooks laid out from values, then written once (openpyxl's write-only mode).

A sheet is built as rows of (value, Style) in memory (`SheetLayout`): its widths are fitted, its rows wrapped and
sized and its headings merged there, from the values, as `io/xlsx_print.py` describes; then `StreamedBook.write`
streams it to the file and forgets it. Each distinct Style becomes openpyxl's Font, Alignment, fill, border and
number format once per workbook; a cell takes the registered style's number as it is written, its row going to
the sheet's stream as the XML openpyxl's writer makes (`_write_rows`). Nothing scans a sheet: a thousand units'
report costs a thousand sheets' rows, not a thousand times the rows written so far.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from copy import copy
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from openpyxl.compat.strings import safe_string
from openpyxl.utils import get_column_letter

from parindex.io.xlsx_cells import cell_value
from parindex.io.xlsx_print import FONT, LANDSCAPE_BUDGET, LINE_PT, MAX_WIDTH, MIN_WIDTH, PORTRAIT_BUDGET, text_lines


@dataclass(frozen=True)
class Style:
    """How a cell looks, in Times New Roman (`xlsx_print.FONT`) unless `font` says another. `colour`: an int is the
    theme's colour (1, its text colour, is what a cell not restyled keeps), a str an RGB; `size` None leaves the
    size to the application (11 pt). `locked` False: the cell can be typed in once the sheet is protected."""

    size: float | None = 11
    bold: bool = False
    italic: bool = False
    colour: int | str | None = 1
    horizontal: str | None = None
    vertical: str | None = None
    wrap: bool | None = None
    indent: float = 0
    number_format: str = "General"
    fill: str | None = None  # a solid fill's RGB
    border: str | None = None  # a thin border's RGB, on all four sides
    locked: bool = True
    font: str = FONT


PLAIN = Style()
BOLD = Style(bold=True, colour=None)
UNSTYLED = Style()  # by identity: openpyxl's own default cell (Calibri), as a cell nobody styled is written

Cell = tuple[object, Style]


@dataclass
class SheetLayout:
    """One sheet as values: rows of cells (None where nothing is written, as under a merge), the column widths,
    the rows' heights, the merged rows and the print setup; row and column numbers from 1, as in Excel."""

    title: str
    rows: list[list[Cell | None]] = field(default_factory=list)
    widths: dict[int, float] = field(default_factory=dict)
    heights: dict[int, float] = field(default_factory=dict)
    merges: list[tuple[int, int]] = field(default_factory=list)  # (row, last column): merged from column 1
    comments: dict[tuple[int, int], Any] = field(default_factory=dict)  # (row, column): an openpyxl Comment
    printed: bool = True  # False: no print setup (a hidden sheet of lists)
    title_rows: str | None = None
    freeze: str | None = None
    landscape: bool = True
    area: str | None = None
    finish: Callable[[Any], None] | None = None  # what else the openpyxl sheet is told (a filter, a page header)

    def append(self, values: Iterable[object], style: Style = PLAIN) -> int:
        """A row of `values` in `style`; its number."""
        self.rows.append([(value, style) for value in values])
        return len(self.rows)

    def put(self, row: int, column: int, value: object, style: Style) -> None:
        while len(self.rows) < row:
            self.rows.append([])
        cells = self.rows[row - 1]
        cells.extend([None] * (column - len(cells)))
        cells[column - 1] = (value, style)

    def restyle(self, row: int, column: int, **changes: Any) -> None:
        cell = self.rows[row - 1][column - 1]
        if cell is not None:
            self.rows[row - 1][column - 1] = (cell[0], replace(cell[1], **changes))

    @property
    def columns(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def print_ready(self, header_row: int, caps: Mapping[str, float] | None = None, landscape: bool = True,
                    area: str | None = None, budget: float | None = None) -> None:
        """Every cell of the table's rectangle written in the font, the columns fitted (`fit`), the rows from the
        header down wrapped and sized (`wrap`), A4 with the header row on every page (`xlsx_print.print_setup`)."""
        self.fill_blanks()
        self.fit(header_row, caps or {}, budget or (LANDSCAPE_BUDGET if landscape else PORTRAIT_BUDGET))
        self.wrap(header_row)
        self.title_rows, self.landscape, self.area = f"{header_row}:{header_row}", landscape, area

    def fill_blanks(self) -> None:
        """Every cell of the rectangle the rows span written: where nothing is, an empty cell in PLAIN (the font
        shows where the officer types)."""
        columns = self.columns
        for row in self.rows:
            row.extend([None] * (columns - len(row)))
            row[:] = [(None, PLAIN) if cell is None else cell for cell in row]

    def fit(self, header_row: int, caps: Mapping[str, float], budget: float) -> None:
        """Each column as wide as its longest value (the header by its longest word: it wraps), between MIN_WIDTH
        and its cap (by letter); then, while they add up to more than `budget`, the widest narrowed."""
        longest = dict.fromkeys(range(1, self.columns + 1), MIN_WIDTH)
        for number, row in enumerate(self.rows[header_row - 1:], start=header_row):
            for column, cell in enumerate(row, start=1):
                if cell is None or cell[0] is None:
                    continue
                text = str(cell[0])
                size = max(len(word) for word in text.split()) if number == header_row and text.split() else \
                    max(len(line) for line in text.split("\n"))
                longest[column] = max(longest[column], size + 2)
        widths = {column: min(width, caps.get(get_column_letter(column), MAX_WIDTH))
                  for column, width in longest.items()}
        while sum(widths.values()) > budget and max(widths.values(), default=0) > 12:
            widest = max(widths, key=lambda column: widths[column])
            widths[widest] -= 1
        self.widths = widths

    def wrap(self, header_row: int) -> None:
        """Wrapped text from the header down (the header centred); each row tall enough for its longest wrapped
        cell (Excel does not size rows by itself when it opens a file)."""
        for number, row in enumerate(self.rows[header_row - 1:], start=header_row):
            header, lines = number == header_row, 1
            for column, cell in enumerate(row, start=1):
                if cell is None:
                    continue
                value, style = cell
                row[column - 1] = (value, _wrapped(style, header))
                lines = max(lines, text_lines(value, self.widths.get(column) or 10, style.bold))
            if lines > 1:
                self.heights[number] = LINE_PT * lines

    def merge(self, row: int, last: int) -> None:
        """Columns 1 to `last` of `row` merged: only the first cell is written."""
        cells = self.rows[row - 1]
        cells[1:last] = [None] * len(cells[1:last])
        self.merges.append((row, last))

    def heading(self, row: int, last: int, text: object, style: Style, tall: float = 1) -> None:
        """`text` across columns 1 to `last` of `row` (merged) in `style`, wrapped from the top, the row as tall as
        the text wrapped across them, times `tall` (neither Excel nor LibreOffice sizes a merged row by itself)."""
        self.put(row, 1, text, replace(style, wrap=True, vertical="top", horizontal=None, indent=0))
        self.merge(row, last)
        width = sum(self.widths.get(column) or 10 for column in range(1, last + 1))
        self.heights[row] = LINE_PT * text_lines(text, width, style.bold) * tall


def table(title: str, rows: Sequence[Sequence[object]], caps: Sequence[float] = (),
          above: Sequence[object] = ()) -> SheetLayout:
    """A sheet holding one table: the `above` rows (plain, one value each: a title) first, then the header row
    (bold across the table), then the rest of `rows`; fitted (`caps` by column, in order), wrapped, the header on
    every page and frozen under it."""
    sheet = SheetLayout(title)
    for line in above:
        sheet.append([line])
    columns = max(len(row) for row in rows)
    sheet.append([*rows[0], *[None] * (columns - len(rows[0]))], BOLD)
    for row in rows[1:]:
        sheet.append(row)
    header_row = len(above) + 1
    sheet.print_ready(header_row, {get_column_letter(n): cap for n, cap in enumerate(caps, start=1)})
    sheet.freeze = f"A{header_row + 1}"
    return sheet


@lru_cache(maxsize=256)
def _wrapped(style: Style, header: bool) -> Style:
    """`style` wrapped: centred in the header, from the top below it."""
    return replace(style, wrap=True, vertical="center" if header else "top",
                   horizontal="center" if header else style.horizontal)


class StreamedBook:
    """A write-only workbook: each sheet written whole as it is given, each style registered once."""

    def __init__(self, category: str | None = None) -> None:
        from openpyxl import Workbook

        self.book = Workbook(write_only=True)
        self.book.properties.creator = "parindex"
        if category:
            self.book.properties.category = category
        self._styles: dict[Style, Any] = {}
        self._ids: dict[Style, int] = {}
        self._titles: set[str] = set()  # casefolded, as Excel compares sheet names

    @property
    def sheetnames(self) -> list[str]:
        return list(self.book.sheetnames)

    def write(self, layout: SheetLayout, index: int | None = None) -> None:
        """The sheet streamed into the workbook (at `index`, else last) and closed: nothing of it stays here."""
        from parindex.io.xlsx_print import print_setup

        sheet = self._new_sheet(layout.title, index)
        for column, width in layout.widths.items():
            sheet.column_dimensions[get_column_letter(column)].width = width
        if layout.freeze:
            sheet.freeze_panes = layout.freeze
        if layout.printed:
            print_setup(sheet, layout.title_rows, layout.landscape, layout.area)
        if layout.finish:
            layout.finish(sheet)
        _write_rows(sheet, layout, self._style_id)
        for merged, last in layout.merges:  # written at the sheet's tail
            sheet.merged_cells.add(f"A{merged}:{get_column_letter(last)}{merged}")
        sheet.close()
        # written: what only the sheet's own XML needed is let go (its rows' heights alone were about 40 KiB a
        # unit's sheet; its page setup, header, footer, views and the rest 13 KiB), kept until the workbook is saved
        for written in _WRITTEN_INTO_THE_SHEET:
            sheet.__dict__.pop(written, None)

    def _new_sheet(self, title: str, index: int | None) -> Any:
        """A write-only sheet named `title`, which must be a name Excel opens and unlike the others. openpyxl's
        `create_sheet` compares a new title with every sheet's, listing them all each time: the nation's 4,000
        units' sheets cost 12 s that way. Here the titles taken are a set, and openpyxl's check is not run."""
        from openpyxl.worksheet._write_only import WriteOnlyWorksheet

        if not 0 < len(title) <= 31 or title.casefold() in self._titles or set(title) & set("[]:*?/\\"):
            raise ValueError(f"not a sheet name Excel opens, or one taken: {title!r}")  # a writer's mistake
        self._titles.add(title.casefold())
        sheet = WriteOnlyWorksheet(None, title)  # no workbook yet: openpyxl leaves the title to us
        sheet._parent = self.book
        sheet._WorkbookChild__title = title
        self.book._add_sheet(sheet, index)
        return sheet

    def _style_id(self, sheet: Any, style: Style) -> int:
        """The workbook's number for `style` (its cellXfs entry), registered the first time it is asked for."""
        if style is UNSTYLED:
            return 0
        if style not in self._ids:
            self._ids[style] = self.book._cell_styles.add(self._style(sheet, style))
        return self._ids[style]

    def _style(self, sheet: Any, style: Style) -> Any:
        """openpyxl's style for `style`, registered in the workbook the first time it is asked for."""
        if style not in self._styles:
            from openpyxl.cell import WriteOnlyCell
            from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
            from openpyxl.styles.colors import Color

            cell = WriteOnlyCell(sheet)
            colour = Color(theme=style.colour) if isinstance(style.colour, int) else style.colour
            cell.font = Font(name=style.font, size=style.size, bold=style.bold, italic=style.italic, color=colour)
            cell.alignment = Alignment(horizontal=style.horizontal, vertical=style.vertical, wrap_text=style.wrap,
                                       indent=style.indent)
            cell.number_format = style.number_format
            if style.fill:
                cell.fill = PatternFill("solid", fgColor=style.fill)
            if style.border:
                side = Side(style="thin", color=style.border)
                cell.border = Border(left=side, right=side, top=side, bottom=side)
            if not style.locked:
                cell.protection = Protection(locked=False)
            self._styles[style] = cell._style
        return self._styles[style]

    def save(self, path: Path) -> None:
        self.book.save(path)


def _write_rows(sheet: Any, layout: SheetLayout, style_id: Callable[[Any, Style], int]) -> None:
    """The layout's rows straight to the sheet's stream as the XML openpyxl writes for them: made as text and
    parsed in one piece (lxml), rather than a Cell object and a dozen calls a cell. A value of another type than
    text, a number or nothing (a date), or a row with a comment, goes through openpyxl's own cell writer. The
    sheet is left as its `append` leaves it, for `close` to write its tail."""
    from openpyxl.cell import Cell as Written
    from openpyxl.xml.functions import fromstring

    sheet._get_writer()
    writer = sheet._writer
    xf = writer.xf.send(True)
    ids: dict[int, int] = {}  # by id(Style): a Style is hashed once a sheet, not once a cell
    letters = [get_column_letter(column) for column in range(1, layout.columns + 1)]
    commented = {row for row, _ in layout.comments}

    def number(style: Style) -> int:
        if id(style) not in ids:
            ids[id(style)] = style_id(sheet, style)
        return ids[id(style)]

    with xf.element("sheetData"):
        for row, cells in enumerate(layout.rows, start=1):
            if row in layout.heights:
                sheet.row_dimensions[row].height = layout.heights[row]
            if row not in commented and all(cell is None or type(cell[0]) in _FAST for cell in cells):
                attributes = "".join(f' {key}="{value}"' for key, value in sheet.row_dimensions.get(row, {}))
                text = "".join(_cell_xml(f"{letters[column]}{row}", cell[0], number(cell[1]))
                               for column, cell in enumerate(cells) if cell is not None)
                xf.write(fromstring(f'<row r="{row}"{attributes}>{text}</row>'))
                continue
            written = []
            for column, cell in enumerate(cells, start=1):
                if cell is not None:
                    one = Written(sheet, row=row, column=column)
                    one._style = copy(sheet.parent._cell_styles[number(cell[1])])  # a date adds its format
                    one.value = cell_value(cell[0])
                    one.data_type = "s" if one.data_type == "f" else one.data_type  # text, never a formula
                    one.comment = layout.comments.get((row, column))
                    written.append(one)
            writer.write_row(xf, written, row)
    writer.xf.send(None)
    sheet._rows = _written()  # what `close` closes once the rows are written


_FAST = {str, int, float, type(None)}
# What a write-only sheet holds that only its own XML reads (`close` wrote it): the workbook's save reads its title,
# state, relations, print titles and area, filter and names, which stay.
_WRITTEN_INTO_THE_SHEET = ("row_dimensions", "column_dimensions", "HeaderFooter", "page_setup", "page_margins",
                           "print_options", "views", "protection", "data_validations", "row_breaks", "col_breaks",
                           "merged_cells", "_cells", "_hyperlinks", "sheet_properties", "conditional_formatting",
                           "scenarios", "_rows", "_writer_rows")
_ERRORS = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))  # openpyxl's ERROR_CODES


def _cell_xml(coordinate: str, value: object, style: int) -> str:
    """One cell as openpyxl's writer writes it: text inline (at most 32,767 characters; Excel's error codes as
    errors, as openpyxl types them), a number as '%.16g', nothing as an empty styled cell."""
    where = f'r="{coordinate}" s="{style}"'
    if value is None:
        return f'<c {where} t="n"/>'
    if isinstance(value, str):
        text = cell_value(value)[:32767]
        if text in _ERRORS:
            return f'<c {where} t="e"><v>{text}</v></c>'
        if text == "":
            return f'<c {where} t="inlineStr"/>'
        space = ' xml:space="preserve"' if text != text.strip() else ""
        return f'<c {where} t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>'
    return f'<c {where} t="n"><v>{safe_string(value)}</v></c>'


def _escape(text: str) -> str:
    """Text as XML character data that parses back to the same text (a carriage return kept, not normalised)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _written() -> Iterator[None]:
    yield None
