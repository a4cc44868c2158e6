"""The score as an xlsx report: the Ministry's summary table (bảng tổng hợp) plus the warnings.

Columns follow the self-assessment report of Công văn 384/BNV-CCHC: STT, Nội dung, Điểm tối đa,
Điểm tự đánh giá, Tài liệu kiểm chứng, Giải trình; with the appraised points beside the unit's own, the total
as its parts (areas, bonus, penalty) and a sheet of the items whose appraisal differs. Plain values only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from parindex.common.i18n import t
from parindex.common.safe_text import document_text
from parindex.criteria.provenance import provenance_banner
from parindex.io.xlsx_cells import append
from parindex.io.xlsx_print import FONT
from parindex.scoring.engine import UnitScore, UnitTotals
from parindex.scoring.ranking import Ranking, build_ranking
from parindex.scoring.reports import (
    area_legend,
    blocks_phrase,
    delta,
    headline,
    ranking_cells,
    ranking_columns,
    ranking_footnotes,
)
from parindex.scoring.summary import summary_rows as table_rows

# A unit's sheet on at most two A4 landscape pages (127 units of a province: 254 pages, not 665): each item's
# name on one line, evidence and explanation on one or two, a status on one; the whole fitted to a wider budget
# than 9 pt allows (about 7 pt printed, as the ranking), the header alone repeated (bench/print_check.py)
COMPACT_CAPS = {"A": 9, "B": 66, "C": 9, "D": 9, "E": 9, "F": 30, "G": 30, "H": 14}
COMPACT_BUDGET = 170
SUMMARY_CAPS = {"A": 9, "B": 50, "C": 8, "D": 9, "E": 9, "F": 40, "G": 40, "H": 12}  # one unit: 9 pt on A4 landscape
SUMMARY_HEADERS = ("STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Tài liệu kiểm chứng",
                   "Giải trình", "Trạng thái")


@dataclass(frozen=True)
class UnitSheet:
    """One unit's sheet as plain values (made in the worker that scored the unit) and its warnings rows."""

    unit: str
    title: str
    banner: str
    rows: list[tuple[list[object], bool]]  # (cells, bold)
    notices: list[list[object]]
    differences: list[list[object]]
    headline: str = ""


def unit_sheet(unit: UnitScore) -> UnitSheet:
    rows = _summary_rows(unit)
    notices: list[list[object]] = [[unit.unit, n.code, n.item or "", n.where or "", n.text()]
                                   for n in [*unit.errors, *unit.warnings]]
    differences: list[list[object]] = [[unit.unit, s.item.code, s.item.name, float(s.own), float(s.appraised or 0),
                                        float(delta(s))] for s in unit.differences()]
    banner = provenance_banner(unit.criteria)
    return UnitSheet(unit.unit, f"{unit.unit} — {unit.year} — {unit.criteria.id}",
                     banner.text() if banner else "", rows, notices, differences, headline(unit))


RANKING_CAPS = {"no": 5, "unit": 30, "block": 12, "score": 8, "max": 8, "percent": 7, "band": 10, "rank": 7,
                "previous_rank": 7, "previous_score": 8, "change": 7, "area": 7, "notes": 36}
FORMATS = {"score": "0.00", "max": "0.00", "previous_score": "0.00", "percent": "0.0", "area": "0.0"}
# A ranking has more columns than a unit's sheet (one per area): fitted to A4 landscape at about 8,5 pt
# rather than 9 (io/xlsx_print.py LANDSCAPE_BUDGET: 128 units print 11 pt text at 9,2 pt)
RANKING_BUDGET = 172


def write_report_xlsx(parts: Iterable[tuple[UnitSheet, UnitTotals]], path: Path,
                      rank: Callable[[list[UnitTotals]], Ranking] = build_ranking) -> list[UnitTotals]:
    """The workbook: the ranking first when there are several units, then a summary sheet per unit, the
    warnings and the appraisal differences; every sheet printable on A4 landscape."""
    from openpyxl import Workbook

    from parindex.io.workbook_guard import REPORT_CATEGORY

    workbook = Workbook()
    workbook.properties.creator = "parindex"
    workbook.properties.category = REPORT_CATEGORY  # found later in a scored folder, it is skipped, not read
    workbook.remove(workbook.active)
    reserved = [t("ui.score.warnings")[:31], t("ui.score.ranking")[:31], DIFFERENCES_SHEET]  # made after the units
    notes: list[list[object]] = []
    differences: list[list[object]] = []
    totals: list[UnitTotals] = []
    unit_sheets: list[Any] = []
    for unit, unit_totals in parts:
        totals.append(unit_totals)
        notes += unit.notices
        differences += unit.differences
        sheet = workbook.create_sheet(_sheet_name(unit.unit, [*workbook.sheetnames, *reserved]))
        append(sheet, [unit.title])
        append(sheet, [" — ".join(part for part in (unit.headline, unit.banner) if part)])
        append(sheet, list(SUMMARY_HEADERS))
        _bold_row(sheet, 3)
        for row, bold in unit.rows:
            append(sheet, row)
            if bold:
                _bold_row(sheet, sheet.max_row)
        unit_sheets.append(sheet)
    for sheet in unit_sheets:  # laid out once it is known whether the run has many units
        _summary_layout(sheet, many=len(totals) > 1)
    warnings = workbook.create_sheet(reserved[0])
    append(warnings, [t("ui.score.unit"), t("report.col_error_code"), t("report.col_item"), t("report.col_cell"),
                     t("report.col_message")])
    for row in notes:
        append(warnings, row)
    _layout(warnings, (20, 9, 9, 14, 90), header_row=1)
    if differences:
        sheet = workbook.create_sheet(DIFFERENCES_SHEET)
        append(sheet, [t("ui.score.differences")])
        append(sheet, [t("ui.score.unit"), t("ui.score.code"), t("ui.score.item"), t("ui.score.own"),
                       t("ui.score.appraised"), t("ui.score.delta")])
        for row in differences:
            append(sheet, row)
        _layout(sheet, (34, 9, 60, 11, 11, 11), header_row=2)
    if len(totals) > 1:
        ranking_sheet(workbook.create_sheet(reserved[1], 0), rank(totals))
        workbook.active = 0
    workbook.save(path)
    return totals


def ranking_sheet(sheet: Any, ranking: Ranking) -> None:
    """The table an office publishes: a title, the column headers (repeated on every printed page), one section
    per block with its units in rank order, then the notes; the columns every other format shows."""
    from openpyxl.styles import Alignment, Font

    from parindex.io.xlsx_print import fit_columns, one_font, print_setup, wrap_and_size_rows

    columns = ranking_columns(ranking, block=False)  # a table per block (or group): its heading names it
    headers = [column.header for column in columns]
    append(sheet, [t("ui.rank.title", year=ranking.years or "?", blocks=blocks_phrase(ranking))])
    # what went into the run, the sets' provenance and what the LV columns are: under the title, on every page
    opening = [f"{t('ui.run.title')}: " + "; ".join(ranking.summary.lines())] if ranking.summary else []
    lines = [*opening, " ".join(banner.text() for banner in ranking.banners), area_legend(ranking)]
    append(sheet, ["\n".join(line for line in lines if line)])
    append(sheet, headers)
    _bold_row(sheet, 3)
    sections: list[tuple[int, str]] = []
    for section in ranking.blocks:
        # the block's name is written once the columns are fitted: it spans them all
        sections.append((sheet.max_row + 1, t("annex.block", block=section.name, n=len(section.rows))))
        sheet.cell(sheet.max_row + 1, 1, "")
        for n, row in enumerate(section.rows, start=1):
            append(sheet, ranking_cells(ranking, row, n, _number, block=False))
            for index, column in enumerate(columns, start=1):
                if column.key in FORMATS:
                    sheet.cell(sheet.max_row, index).number_format = FORMATS[column.key]
                elif column.key == "change":  # "▲ 7" centred, not run into last year's score on its left
                    sheet.cell(sheet.max_row, index).alignment = Alignment(horizontal="center")
    footnotes = ranking_footnotes(ranking, banners=False)
    first_note = sheet.max_row + 2
    one_font(sheet)
    caps = {get_column_letter(index): RANKING_CAPS[column.key] for index, column in enumerate(columns, start=1)}
    widths = fit_columns(sheet, 3, caps, RANKING_BUDGET)
    wrap_and_size_rows(sheet, 3, widths)
    notes = get_column_letter(len(columns))  # set off from the last area's figure on its left
    for cell in sheet[notes][3:]:
        cell.alignment = Alignment(horizontal="left", wrap_text=True, vertical="top", indent=1)
    print_setup(sheet, "1:3")
    for at, label in sections:
        sheet.cell(at, 1, label).font = Font(name=FONT, bold=True)
        sheet.merge_cells(start_row=at, start_column=1, end_row=at, end_column=len(headers))
    for offset, line in enumerate(footnotes):
        sheet.cell(first_note + offset, 1, line).font = Font(name=FONT, italic=True)
        sheet.merge_cells(start_row=first_note + offset, start_column=1, end_row=first_note + offset,
                          end_column=len(headers))
        _wrap_merged(sheet, first_note + offset, line, len(headers))
    _heading_rows(sheet, 2, len(headers), size=14)
    sheet.freeze_panes = "C4"


def _summary_layout(sheet: Any, many: bool) -> None:
    """One unit's report at 9 pt with its title on every page; in a many-unit run the compact sheet (COMPACT_CAPS),
    its title and warning read once on the first page and the header alone repeated."""
    from parindex.io.xlsx_print import print_ready

    print_ready(sheet, 3, COMPACT_CAPS if many else SUMMARY_CAPS, budget=COMPACT_BUDGET if many else None)
    _heading_rows(sheet, 2, len(SUMMARY_HEADERS))  # the title and the set's warning, across the table
    if not many:
        sheet.print_title_rows = "1:3"
    sheet.freeze_panes = "A4"


def _number(value: Decimal | None, places: int) -> float | None:
    return None if value is None else float(value)


def _bold_row(sheet: Any, row: int) -> None:
    from openpyxl.styles import Font

    for cell in sheet[row]:
        cell.font = Font(name=FONT, bold=True)


def _heading_rows(sheet: Any, rows: int, columns: int, size: int = 13) -> None:
    """The title (bold) and the lines under it, each across the table and wrapped."""
    from openpyxl.styles import Font

    for line in range(1, rows + 1):
        text = sheet.cell(line, 1).value
        sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=columns)
        if line == 1:
            sheet.cell(1, 1).font = Font(name=FONT, size=size, bold=True)
        _wrap_merged(sheet, line, text, columns)


def _wrap_merged(sheet: Any, row: int, text: object, columns: int) -> None:
    """A merged row as tall as its wrapped text (neither Excel nor LibreOffice sizes a merged row by itself)."""
    from openpyxl.styles import Alignment

    from parindex.io.xlsx_print import LINE_PT, text_lines

    sheet.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    width = sum(sheet.column_dimensions[get_column_letter(c)].width or 10 for c in range(1, columns + 1))
    lines = text_lines(text, width, bold=row == 1)
    sheet.row_dimensions[row].height = LINE_PT * lines * (1.3 if row == 1 else 1)


def _layout(sheet: Any, caps: tuple[int, ...], header_row: int) -> None:
    """Readable on screen and on paper: a bold header, then the print setup every workbook shares (one font,
    fitted columns up to `caps`, wrapped rows, A4 landscape one page wide, the header on every page)."""
    from parindex.io.xlsx_print import print_ready

    _bold_row(sheet, header_row)
    print_ready(sheet, header_row, {get_column_letter(n): cap for n, cap in enumerate(caps, start=1)})
    sheet.freeze_panes = f"A{header_row + 1}"


def _summary_rows(unit: UnitScore) -> list[tuple[list[object], bool]]:
    """The summary table's rows (`scoring.summary`) as values: numbers as numbers, a status in its own column."""
    rows: list[tuple[list[object], bool]] = []
    for row in table_rows(unit):
        s = row.item
        cells: list[object] = [row.code, row.name, _number(row.max, 2), _number(row.own, 2), _number(row.counted, 2)]
        if s is not None:
            cells += [s.evidence or "", s.explanation or "", t(f"status.{s.status}")]
        rows.append((cells, row.bold))
    return rows


DIFFERENCES_SHEET = "Chênh lệch thẩm định"


def _sheet_name(unit: str, taken: list[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\, no ' at either end), unlike every name in
    `taken` without regard to case (as Excel compares them)."""
    base = "".join(ch for ch in " ".join(document_text(unit).split()) if ch not in '[]:*?/\\').strip("'")[:28].strip()
    base = base or "Unit"
    used = {name.casefold() for name in taken}
    name, n = base, 2
    while name.casefold() in used:
        name, n = f"{base[:25]} ({n})", n + 1
    return name
