"""The score as an xlsx report: the Ministry's summary table (bảng tổng hợp) plus the warnings.

Columns follow the self-assessment report of Công văn 384/BNV-CCHC: STT, Nội dung, Điểm tối đa,
Điểm tự đánh giá, Tài liệu kiểm chứng, Giải trình. Plain values only: no formulas.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parindex.common.i18n import t
from parindex.criteria.model import Criterion, items_of
from parindex.criteria.provenance import provenance_banner
from parindex.io.xlsx_cells import append
from parindex.scoring.engine import ItemScore, UnitScore, UnitTotals, rank_units

SUMMARY_CAPS = {"A": 9, "B": 50, "C": 8, "D": 9, "E": 40, "F": 40, "G": 12}  # then fitted to A4 landscape
SUMMARY_HEADERS = ("STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng", "Giải trình",
                   "Trạng thái")


@dataclass(frozen=True)
class UnitSheet:
    """One unit's sheet as plain values (made in the worker that scored the unit) and its warnings rows."""

    unit: str
    title: str
    banner: str
    rows: list[tuple[list[object], bool]]  # (cells, bold)
    notices: list[list[object]]


def unit_sheet(unit: UnitScore) -> UnitSheet:
    rows = _summary_rows(unit)
    rows.append((["", t("ui.score.total"), float(unit.max), float(unit.score)], True))
    notices: list[list[object]] = [[unit.unit, n.code, n.item or "", n.where or "", n.text()]
                                   for n in [*unit.errors, *unit.warnings]]
    banner = provenance_banner(unit.criteria)
    return UnitSheet(unit.unit, f"{unit.unit} — {unit.year} — {unit.criteria.id}",
                     banner.text() if banner else "", rows, notices)


def write_report_xlsx(parts: Iterable[tuple[UnitSheet, UnitTotals]], path: Path) -> list[UnitTotals]:
    """The workbook: a summary sheet per unit, the warnings, and the ranking when there are several units."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from parindex.evidence.guard import REPORT_CATEGORY
    from parindex.io.xlsx_print import print_ready

    workbook = Workbook()
    workbook.properties.creator = "parindex"
    workbook.properties.category = REPORT_CATEGORY  # found later in a scored folder, it is skipped, not read
    workbook.remove(workbook.active)
    reserved = [t("ui.score.warnings")[:31], t("ui.score.ranking")[:31]]  # the sheets made after the units
    notes: list[list[object]] = []
    totals: list[UnitTotals] = []
    for unit, unit_totals in parts:
        totals.append(unit_totals)
        notes += unit.notices
        sheet = workbook.create_sheet(_sheet_name(unit.unit, [*workbook.sheetnames, *reserved]))
        append(sheet, [unit.title])
        append(sheet, [unit.banner])
        append(sheet, list(SUMMARY_HEADERS))
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        for row, bold in unit.rows:
            append(sheet, row)
            if bold:
                for cell in sheet[sheet.max_row]:
                    cell.font = Font(bold=True)
        print_ready(sheet, 3, SUMMARY_CAPS)
        for line in (1, 2):  # the title and the set's warning: across the table, wrapped, on every printed page
            sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=len(SUMMARY_HEADERS))
            sheet.cell(line, 1).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(1, 1).font = Font(name="Times New Roman", size=13, bold=True)
        if unit.banner:
            sheet.row_dimensions[2].height = 15 * -(-len(unit.banner) // 150)
        sheet.print_title_rows = "1:3"
        sheet.freeze_panes = "A4"
    warnings = workbook.create_sheet(reserved[0])
    append(warnings, [t("ui.score.unit"), "Mã lỗi / code", t("ui.score.code"), t("ui.explain.cell"),
                     "Nội dung / message"])
    for row in notes:
        append(warnings, row)
    _bold_header(warnings, Font)
    print_ready(warnings, 1, {"E": 90})
    if len(totals) > 1:
        ranking = workbook.create_sheet(reserved[1])
        append(ranking, [t("ui.score.rank"), t("ui.score.unit"), t("ui.score.points"), t("ui.score.max"), "%"])
        for ranked in rank_units(totals):
            u = ranked.unit
            append(ranking, [ranked.rank, u.unit, float(u.score), float(u.max),
                            float(u.percent) if u.percent is not None else None])
        _bold_header(ranking, Font)
        print_ready(ranking, 1)
    workbook.save(path)
    return totals


def _bold_header(sheet: Any, font: Any) -> None:
    for cell in sheet[1]:
        cell.font = font(bold=True)


def _summary_rows(unit: UnitScore) -> list[tuple[list[object], bool]]:
    """Area and criterion rows (bold, with subtotals) and item rows, in the set's order."""
    by_item = {s.item.code: s for s in unit.items}
    rows: list[tuple[list[object], bool]] = []

    def crit_rows(crit: Criterion) -> None:
        scored = [by_item[item.code] for item in items_of(crit)]
        rows.append(([crit.code, crit.name, _total(scored, "max"), _total(scored, "points")], True))
        for child in crit.criteria:
            crit_rows(child)
        for item in crit.items:
            s = by_item[item.code]
            self_points = float(s.points) if s.status not in ("not_applicable", "not_self_scored") else None
            rows.append(([item.code, item.name, float(s.counted_max), self_points, s.evidence or "",
                          s.explanation or "", t(f"status.{s.status}")], False))

    for area in unit.criteria.areas:
        scored = [s for s in unit.items if s.area is area]
        rows.append(([area.code, area.name.upper(), _total(scored, "max"), _total(scored, "points")], True))
        for crit in area.criteria:
            crit_rows(crit)
    return rows


def _total(scored: list[ItemScore], what: str) -> float:
    return float(sum((s.counted_max if what == "max" else s.points for s in scored), start=0))


def _sheet_name(unit: str, taken: list[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\, no ' at either end), unlike every name in
    `taken` without regard to case (as Excel compares them)."""
    base = "".join(ch for ch in unit if ch not in '[]:*?/\\').strip().strip("'")[:28].strip() or "Unit"
    used = {name.casefold() for name in taken}
    name, n = base, 2
    while name.casefold() in used:
        name, n = f"{base[:25]} ({n})", n + 1
    return name
