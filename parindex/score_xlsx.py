"""The score as an xlsx report: the Ministry's summary table (bảng tổng hợp) plus the warnings.

Columns follow the self-assessment report of Công văn 384/BNV-CCHC: STT, Nội dung, Điểm tối đa,
Điểm tự đánh giá, Tài liệu kiểm chứng, Giải trình. Plain values only: no formulas.
"""

from __future__ import annotations

from pathlib import Path

from parindex.criteria import Criterion, items_of
from parindex.i18n import message, t
from parindex.provenance import provenance_banner
from parindex.scoring import ItemScore, UnitScore, rank_units

SUMMARY_HEADERS = ("STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng", "Giải trình",
                   "Trạng thái")


def write_report_xlsx(units: list[UnitScore], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for unit in units:
        sheet = workbook.create_sheet(_sheet_name(unit.unit, workbook.sheetnames))
        banner = provenance_banner(unit.criteria)
        sheet.append([f"{unit.unit} — {unit.year} — {unit.criteria.id}"])
        sheet.append([banner or ""])
        sheet.append(list(SUMMARY_HEADERS))
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        for row, bold in _summary_rows(unit):
            sheet.append(row)
            if bold:
                for cell in sheet[sheet.max_row]:
                    cell.font = Font(bold=True)
        sheet.append(["", t("ui.score.total"), float(unit.max), float(unit.score)])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for letter, width in zip("ABCDEFG", (9, 60, 12, 14, 40, 40, 14), strict=True):
            sheet.column_dimensions[letter].width = width
        for row in sheet.iter_rows(min_row=4):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A4"
    notes = workbook.create_sheet(t("ui.score.warnings")[:31])
    notes.append([t("ui.score.unit"), "Mã lỗi / code", t("ui.score.code"), t("ui.explain.cell"), "Nội dung / message"])
    for unit in units:
        for notice in [*unit.errors, *unit.warnings]:
            notes.append([unit.unit, notice.code, notice.item or "", notice.ref, message(notice.code, notice.params)])
    if len(units) > 1:
        ranking = workbook.create_sheet(t("ui.score.ranking")[:31])
        ranking.append([t("ui.score.rank"), t("ui.score.unit"), t("ui.score.points"), t("ui.score.max"), "%"])
        for ranked in rank_units(units):
            u = ranked.unit
            ranking.append([ranked.rank, u.unit, float(u.score), float(u.max),
                            float(u.percent) if u.percent is not None else None])
    workbook.save(path)


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
    base = "".join(ch for ch in unit if ch not in '[]:*?/\\')[:28] or "Unit"
    name, n = base, 2
    while name in taken:
        name, n = f"{base[:25]} ({n})", n + 1
    return name
