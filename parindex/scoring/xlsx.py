"""The score as an xlsx report: the Ministry's summary table (bảng tổng hợp) plus the warnings.

Columns follow the self-assessment report of Công văn 384/BNV-CCHC: STT, Nội dung, Điểm tối đa,
Điểm tự đánh giá, Tài liệu kiểm chứng, Giải trình; with the appraised points beside the unit's own, the total
as its parts (areas, bonus, penalty) and a sheet of the items whose appraisal differs. Plain values only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from openpyxl.utils import get_column_letter

from parindex.common.i18n import t
from parindex.common.safe_text import document_text
from parindex.criteria.provenance import provenance_banner
from parindex.io.xlsx_stream import BOLD, PLAIN, SheetLayout, Style, table
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
    warnings and the appraisal differences; every sheet printable on A4 landscape. Each unit's sheet is written
    as its part arrives (the first held until a second says the run has many); only the totals, the warnings and
    the differences stay for the end."""
    from parindex.io.workbook_guard import REPORT_CATEGORY
    from parindex.io.xlsx_stream import StreamedBook

    book = StreamedBook(REPORT_CATEGORY)  # found later in a scored folder, it is skipped, not read
    reserved = [t("ui.score.warnings")[:31], t("ui.score.ranking")[:31], DIFFERENCES_SHEET]  # made after the units
    notes: list[list[object]] = []
    differences: list[list[object]] = []
    totals: list[UnitTotals] = []
    names = SheetNames(reserved)

    def write(unit: UnitSheet, many: bool) -> None:
        book.write(_summary_sheet(unit, names.name(unit.unit), many))

    held: list[UnitSheet] = []  # the first unit's, until a second says the run has many (the compact layout)
    for unit, unit_totals in parts:
        totals.append(unit_totals)
        notes += unit.notices
        differences += unit.differences
        held.append(unit)
        if len(totals) > 1:
            for sheet in held:
                write(sheet, many=True)
            held.clear()
    for sheet in held:
        write(sheet, many=False)
    book.write(_warnings_sheet(reserved[0], notes))
    if differences:
        book.write(_differences_sheet(differences))
    if len(totals) > 1:
        book.write(ranking_sheet(reserved[1], rank(totals)), index=0)
    book.save(path)
    return totals


def ranking_sheet(title: str, ranking: Ranking) -> SheetLayout:
    """The table an office publishes: a title, the column headers (repeated on every printed page), one section
    per block with its units in rank order, then the notes; the columns every other format shows."""
    columns = ranking_columns(ranking, block=False)  # a table per block (or group): its heading names it
    sheet = SheetLayout(title, freeze="C4")
    title_text = t("ui.rank.title", year=ranking.years or "?", blocks=blocks_phrase(ranking))
    sheet.append([title_text])
    # what went into the run, the sets' provenance and what the LV columns are: under the title, on every page
    opening = [f"{t('ui.run.title')}: " + "; ".join(ranking.summary.lines())] if ranking.summary else []
    lines = [*opening, " ".join(banner.text() for banner in ranking.banners), area_legend(ranking)]
    legend = "\n".join(line for line in lines if line)
    sheet.append([legend])
    sheet.append([column.header for column in columns], BOLD)
    styles = [_RANKING_STYLES.get(column.key, PLAIN) for column in columns]
    sections: list[tuple[int, str]] = []
    for section in ranking.blocks:
        # the block's name is written once the columns are fitted: it spans them all
        sections.append((sheet.append([""]), t("annex.block", block=section.name, n=len(section.rows))))
        for n, ranked in enumerate(section.rows, start=1):
            values = ranking_cells(ranking, ranked, n, _number, block=False)
            sheet.rows.append(list(zip(values, styles, strict=True)))
    footnotes = ranking_footnotes(ranking, banners=False)
    first_note = len(sheet.rows) + 2
    caps = {get_column_letter(index): RANKING_CAPS[column.key] for index, column in enumerate(columns, start=1)}
    sheet.print_ready(3, caps, budget=RANKING_BUDGET)
    sheet.title_rows = "1:3"
    last = len(columns)
    for number in range(4, len(sheet.rows) + 1):  # the notes set off from the last area's figure on their left
        sheet.restyle(number, last, horizontal="left", wrap=True, vertical="top", indent=1)
    for at, label in sections:
        sheet.put(at, 1, label, _LABEL)
        sheet.merge(at, last)
    for offset, line in enumerate(footnotes):
        sheet.heading(first_note + offset, last, line, _FOOTNOTE)
    sheet.heading(1, last, title_text, Style(size=14, bold=True, colour=None), tall=1.3)
    sheet.heading(2, last, legend, PLAIN)
    return sheet


_RANKING_STYLES = {**{key: replace(PLAIN, number_format=form) for key, form in FORMATS.items()},
                   "change": replace(PLAIN, horizontal="center")}  # "▲ 7" centred, not run into last year's score
_LABEL = Style(size=None, bold=True, colour=None, vertical="top", wrap=True)  # in a row wrapped as the rest
_FOOTNOTE = Style(size=None, italic=True, colour=None)


def _summary_sheet(unit: UnitSheet, title: str, many: bool) -> SheetLayout:
    """One unit's report at 9 pt with its title on every page; in a many-unit run the compact sheet (COMPACT_CAPS),
    its title and warning read once on the first page and the header alone repeated."""
    sheet = SheetLayout(title, freeze="A4")
    heading = " — ".join(part for part in (unit.headline, unit.banner) if part)
    sheet.append([unit.title])
    sheet.append([heading])
    sheet.append(SUMMARY_HEADERS, BOLD)
    columns = len(SUMMARY_HEADERS)
    for row, bold in unit.rows:  # a bold row bold across the table
        sheet.append([*row, *[None] * (columns - len(row))] if bold else row, BOLD if bold else PLAIN)
    sheet.print_ready(3, COMPACT_CAPS if many else SUMMARY_CAPS, budget=COMPACT_BUDGET if many else None)
    sheet.heading(1, columns, unit.title, Style(size=13, bold=True, colour=None), tall=1.3)
    sheet.heading(2, columns, heading, PLAIN)
    if not many:
        sheet.title_rows = "1:3"
    return sheet


def _warnings_sheet(title: str, notes: list[list[object]]) -> SheetLayout:
    header = [t("ui.score.unit"), t("report.col_error_code"), t("report.col_item"), t("report.col_cell"),
              t("report.col_message")]
    return table(title, [header, *notes], (20, 9, 9, 14, 90))


def _differences_sheet(differences: list[list[object]]) -> SheetLayout:
    header = [t("ui.score.unit"), t("ui.score.code"), t("ui.score.item"), t("ui.score.own"), t("ui.score.appraised"),
              t("ui.score.delta")]
    return table(DIFFERENCES_SHEET, [header, *differences], (34, 9, 60, 11, 11, 11), above=[t("ui.score.differences")])


def _number(value: Decimal | None, places: int) -> float | None:
    return None if value is None else float(value)


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


class SheetNames:
    """Sheet names Excel accepts (at most 31 characters, none of []:*?/\\, no ' at either end), each unlike every
    other without regard to case (as Excel compares them), `reserved` included. A name met again takes the next
    number of its own (' (2)', ' (3)' …), found without trying those taken: a thousand units whose names begin
    alike cost a thousand lookups, not half a million."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self.used = {name.casefold() for name in reserved}
        self.next: dict[str, int] = {}  # a base name, casefolded: the number it takes next

    def name(self, unit: str) -> str:
        base = "".join(ch for ch in " ".join(document_text(unit).split()) if ch not in '[]:*?/\\')
        base = base.strip("'")[:28].strip().strip("'") or "Unit"
        name, key = base, base.casefold()
        while name.casefold() in self.used:
            n = self.next.get(key, 2)
            self.next[key] = n + 1
            suffix = f" ({n})"
            name = base[:31 - len(suffix)].rstrip() + suffix
        self.used.add(name.casefold())
        return name
