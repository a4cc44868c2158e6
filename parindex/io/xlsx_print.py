"""How every workbook parindex writes reads on screen and prints: one font (Times New Roman, which every office
machine has and which shows Vietnamese), columns as wide as their contents up to a cap, wrapped headers, rows
tall enough for their wrapped text, and A4 landscape fitted to the page width with the header rows repeated
and the page numbers in the footer. The measures and the page are here for every writer (score report, gap
workbook, template, ranking, criteria export, progress), so they cannot drift apart; a sheet laid out from
values is `io/xlsx_stream.py`.
"""

from __future__ import annotations

import math
from typing import Any

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
