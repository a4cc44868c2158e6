"""How every workbook parindex writes reads on screen and prints: one font (Times New Roman, which every office
machine has and which shows Vietnamese), columns as wide as their contents up to a cap, wrapped headers, rows
tall enough for their wrapped text, and A4 landscape fitted to the page width with the header rows repeated
and the page numbers in the footer. One helper for all writers (score report, gap workbook, template,
ranking, criteria export, progress), so they cannot drift apart.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

FONT = "Times New Roman"
SIZE = 11
LINE_PT = 14  # the height of one line of 11 pt Times New Roman in a row (Excel: 14,25; LibreOffice: 12,65)
MIN_WIDTH, MAX_WIDTH = 6, 60
# Column widths (in Excel's character units) that fit across A4 landscape printed at 9 pt or more from 11 pt:
# LibreOffice lays a unit out at about 2,35 mm and the page holds 266 mm between its margins: 128 units print
# 11 pt text at about 9,2 pt (measured with bench/print_check.py).
LANDSCAPE_BUDGET = 128
PORTRAIT_BUDGET = 85
A4 = "9"  # openpyxl's Worksheet.PAPERSIZE_A4 (a streamed sheet has not the constant)


def font(size: float = SIZE, **style: Any) -> Font:
    return Font(name=FONT, size=size, **style)


def one_font(sheet: Any) -> None:
    """Times New Roman in every cell written, keeping bold, italics, colour and size (a bold cell with no font
    name falls back to whatever serif LibreOffice picks)."""
    for row in sheet.iter_rows():
        for cell in row:
            old = cell.font
            cell.font = Font(name=FONT, size=old.sz or SIZE, bold=old.b, italic=old.i, underline=old.u, color=old.color)


def fit_columns(sheet: Any, header_row: int, caps: Mapping[str, float] | None = None,
                budget: float = LANDSCAPE_BUDGET) -> dict[str, float]:
    """Each column as wide as its longest value (the header counts by its longest word: it wraps), between
    MIN_WIDTH and its cap; then, while they add up to more than `budget`, the widest narrowed (their text
    wraps). Returns the widths set."""
    caps = caps or {}
    widths: dict[str, float] = {}
    for column in sheet.iter_cols(min_row=header_row):
        letter = get_column_letter(column[0].column)
        longest = MIN_WIDTH
        for cell in column:
            if cell.value is None:
                continue
            text = str(cell.value)
            size = max(len(word) for word in text.split()) if cell.row == header_row and text.split() else \
                max(len(line) for line in text.split("\n"))
            longest = max(longest, size + 2)
        widths[letter] = min(longest, caps.get(letter, MAX_WIDTH))
    while sum(widths.values()) > budget and max(widths.values(), default=0) > 12:
        widest = max(widths, key=lambda letter: widths[letter])
        widths[widest] -= 1
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = width
    return widths


def wrap_and_size_rows(sheet: Any, header_row: int, widths: Mapping[str, float]) -> None:
    """Wrapped text from the header down, read from the top; each row tall enough for its longest wrapped cell
    (Excel does not size rows by itself when it opens a file)."""
    for row in sheet.iter_rows(min_row=header_row):
        lines = 1
        for cell in row:
            header = cell.row == header_row
            cell.alignment = Alignment(wrap_text=True, vertical="center" if header else "top",
                                       horizontal="center" if header else cell.alignment.horizontal)
            width = widths.get(cell.column_letter) or sheet.column_dimensions[cell.column_letter].width or 10
            lines = max(lines, text_lines(cell.value, width, bool(cell.font and cell.font.b)))
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = LINE_PT * lines


def text_lines(value: object, width: float, bold: bool = False) -> int:
    """Lines a value takes wrapped in a column `width` characters wide (Vietnamese letters run a little
    narrower than the digit '0' widths are measured in; bold a little wider)."""
    if value is None:
        return 1
    per_line = max(width * (1.0 if bold else 1.15) - 2, 1)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in str(value).split("\n"))


def print_setup(sheet: Any, title_rows: str | None = None, landscape: bool = True, area: str | None = None) -> None:
    """A4, fitted to one page wide (as many pages down as it takes), the title rows on every page, 'page n of
    m' in the footer, margins of 1,5 cm (0,8 cm at the header and footer)."""
    setup = sheet.page_setup
    setup.paperSize = A4
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    margins = sheet.page_margins
    margins.left = margins.right = margins.top = margins.bottom = 0.6  # inches
    margins.header = margins.footer = 0.3
    sheet.print_options.horizontalCentered = True
    if title_rows:
        sheet.print_title_rows = title_rows
    if area:
        sheet.print_area = area
    footer = sheet.oddFooter.center
    footer.text, footer.size, footer.font = "&P / &N", 9, FONT


def print_ready(sheet: Any, header_row: int, caps: Mapping[str, float] | None = None,
                landscape: bool = True, area: str | None = None, budget: float | None = None) -> None:
    """All of the above, for a sheet whose table's header is `header_row` (repeated on every page); `budget`
    widens the columns' total beyond what prints at 9 pt (a smaller print, fewer pages)."""
    one_font(sheet)
    widths = fit_columns(sheet, header_row, caps, budget or (LANDSCAPE_BUDGET if landscape else PORTRAIT_BUDGET))
    wrap_and_size_rows(sheet, header_row, widths)
    print_setup(sheet, f"{header_row}:{header_row}", landscape, area)
