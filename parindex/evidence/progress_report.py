"""`parindex progress` as people read it: a table on the screen, Markdown, or a printable xlsx (an adapter).

One shape for both views: a title, columns, one row per lead agency (or per unit), a total row, and notes
(who has sent nothing, items filled differently in two parts).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from parindex.common.i18n import fmt_plain, t
from parindex.evidence.progress import Tally

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from parindex.io.xlsx_stream import SheetLayout

Cell = str | int | Decimal | None


@dataclass(frozen=True)
class ProgressReport:
    title: str
    columns: list[str]
    rows: list[list[Cell]]
    total: list[Cell]
    notes: list[str] = field(default_factory=list)


_COUNTS = ("ui.progress.assigned", "ui.progress.entered", "ui.progress.missing", "ui.progress.no_evidence",
           "ui.progress.estimates", "ui.progress.left", "ui.progress.percent")


def _counts(tally: Tally) -> list[Cell]:
    return [tally.assigned, tally.entered, tally.missing, tally.no_evidence, tally.estimates, tally.left,
            tally.percent]


def _sum(tallies: Sequence[Tally], name: str) -> Tally:
    return Tally(name, sum(x.assigned for x in tallies), sum(x.entered for x in tallies),
                 sum(x.no_evidence for x in tallies), sum(x.estimates for x in tallies))


def lead_report(unit: str, year: str, files: int, tallies: Sequence[Tally], notes: list[str]) -> ProgressReport:
    """Per lead agency of one unit: the most left to do first, with the items still missing."""
    columns = [t("ui.progress.lead"), *map(t, _COUNTS), t("ui.progress.missing_items")]
    rows: list[list[Cell]] = [[tally.name or t("ui.progress.unassigned"), *_counts(tally),
                               ", ".join(tally.missing_codes)] for tally in tallies]
    total: list[Cell] = [t("ui.progress.total"), *_counts(_sum(tallies, "")), ""]
    title = t("ui.progress.title_leads", unit=unit or "–", year=year or "–", parts=files)
    return ProgressReport(title, columns, rows, total, notes)


def unit_report(units: Sequence[tuple[Tally, list[str]]], notes: list[str]) -> ProgressReport:
    """Per unit that sent a workbook (its files named), the most left to do first."""
    columns = [t("ui.progress.unit"), t("ui.progress.files"), *map(t, _COUNTS)]
    ordered = sorted(units, key=lambda pair: (-pair[0].left, pair[0].name))
    rows: list[list[Cell]] = [[tally.name or "–", ", ".join(files), *_counts(tally)] for tally, files in ordered]
    total: list[Cell] = [t("ui.progress.total"), sum(len(files) for _, files in units),
             *_counts(_sum([tally for tally, _ in units], ""))]
    return ProgressReport(t("ui.progress.title_units", count=len(units)), columns, rows, total, notes)


def shown(cell: Cell) -> str:
    if cell is None:
        return "–"
    if isinstance(cell, Decimal):
        return fmt_plain(cell)
    return str(cell)


# --- screen, Markdown --------------------------------------------------------------------------------

# The columns a terminal too narrow for the table leaves out, least useful first; the name, what is left and the
# share entered stay.
SHED = ("ui.progress.estimates", "ui.progress.assigned", "ui.progress.entered", "ui.progress.no_evidence",
        "ui.progress.files", "ui.progress.missing")


def draw_table(report: ProgressReport, console: Console) -> None:
    from functools import partial

    from rich.text import Text

    from parindex.io.screen import fitted, narrow_note, shed

    # The list of missing items would squeeze every column: on the screen it follows the table, agency by agency.
    listed = report.columns[-1] == t("ui.progress.missing_items")
    drawn = report.columns[:len(report.columns) - listed]
    table, hidden = shed(partial(_table, report, drawn), [t(key) for key in SHED if t(key) in drawn], console.width)
    console.print(table, *narrow_note(hidden, console.width))
    if listed and any(row[-1] for row in report.rows):
        console.print(Text(report.columns[-1] + ":", style="bold"))
        for row in report.rows:
            if row[-1]:
                console.print(fitted(f"  {shown(row[0])}: {shown(row[-1])}", console.width, [shown(row[0])]))
    for note in report.notes:
        console.print(fitted(note, console.width))


def _table(report: ProgressReport, drawn: list[str], hidden: Sequence[str]) -> Table:
    """The report's `drawn` columns but the `hidden` ones; its name column never more than two lines high."""
    from rich.table import Table

    from parindex.io.screen import literal, two_lines

    table = Table(title=literal(report.title), title_justify="left")
    shown_at = [index for index, column in enumerate(drawn) if column not in hidden]
    for index in shown_at:
        numeric = index > 0 and all(isinstance(row[index], int | Decimal) or row[index] is None for row in report.rows)
        table.add_column(literal(drawn[index]), justify="right" if numeric else "left", overflow="fold",
                         min_width=two_lines(shown(row[0]) for row in report.rows) if index == 0 else None)
    for row in report.rows:
        table.add_row(*(literal(shown(row[index])) for index in shown_at))
    table.add_section()
    table.add_row(*(literal(shown(report.total[index])) for index in shown_at), style="bold")
    return table


def markdown(report: ProgressReport) -> str:
    def line(cells: Sequence[object]) -> str:
        return "| " + " | ".join(str(cell).replace("|", "\\|") for cell in cells) + " |"

    lines = [f"## {report.title}", "", line(report.columns), line(["---"] * len(report.columns))]
    lines += [line([shown(cell) for cell in row]) for row in report.rows]
    lines.append(line([f"**{shown(cell)}**" if shown(cell) else "" for cell in report.total]))
    if report.notes:
        lines.append("")
        lines += [f"- {note}" for note in report.notes]
    return "\n".join(lines) + "\n"


# --- xlsx ------------------------------------------------------------------------------------------

def write_xlsx(report: ProgressReport, path: Path, force: bool) -> None:
    from parindex.io.atomic import write_atomic
    from parindex.io.workbook_guard import REPORT_CATEGORY
    from parindex.io.xlsx_stream import StreamedBook

    book = StreamedBook(REPORT_CATEGORY)  # found later in a folder of workbooks, it is skipped, not read
    book.write(_sheet(report))
    write_atomic(path, book.save, force)


def _sheet(report: ProgressReport) -> SheetLayout:
    from parindex.io.xlsx_stream import BOLD, PLAIN, SheetLayout, Style

    sheet = SheetLayout(t("ui.progress.sheet"), freeze="B4")
    sheet.append([report.title], Style(size=13, bold=True, colour=None))
    sheet.append([])
    grid = "A6A6A6"
    sheet.append(report.columns, replace(BOLD, fill="DDEBF7", border=grid))
    for row in [*report.rows, report.total]:
        style = replace(BOLD if row is report.total else PLAIN, border=grid)
        sheet.rows.append([(float(value), replace(style, number_format="0.0")) if isinstance(value, Decimal)
                           else (value, style) for value in row])
    sheet.print_ready(3)
    # The notes go under the table, across it, once its columns are fitted (they would widen the first one).
    for note_row, note in enumerate(report.notes, len(sheet.rows) + 2):
        sheet.heading(note_row, len(report.columns), note, replace(PLAIN, colour=None))
    return sheet
