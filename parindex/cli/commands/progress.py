"""`parindex progress FILE|FOLDER…` — how far the collection has come: per lead agency of one unit (its parts, or
its one workbook), or per unit of many, with the units on `--expected` that have sent nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from parindex.cli.outputs import MD, TABLE, XLSX, Output, Outputs
from parindex.common.i18n import t

if TYPE_CHECKING:
    from parindex.criteria.model import CriteriaSet
    from parindex.evidence.model import EvidenceBook
    from parindex.evidence.progress_report import ProgressReport


def register(app: typer.Typer) -> None:
    @app.command("progress", help=t("help.progress"))
    def progress(
        files: list[Path] = typer.Argument(..., metavar="FILE|FOLDER…"),
        expected: Path = typer.Option(None, "--expected", help=t("help.progress.expected")),
        fmt: str = typer.Option(None, "--format", "-f", help=t("help.format") + " " + "|".join(OUTPUTS.names)),
        output: Path = typer.Option(None, "-o", "--output", help=t("help.output")),
        force: bool = typer.Option(False, "--force", help=t("help.force")),
        criteria: str = typer.Option(None, "--criteria", help=t("help.criteria_opt")),
    ) -> None:
        raise typer.Exit(run_progress(files, expected, fmt, output, force, criteria))


def run_progress(files: list[Path], expected: Path | None, fmt: str | None, output: Path | None, force: bool,
                 criteria: str | None) -> int:
    from parindex.cli.outputs import guard_output, say_written
    from parindex.cli.render import say, say_subfolders
    from parindex.common.errors import ParindexError
    from parindex.common.messages import Message
    from parindex.evidence.merge import read_books
    from parindex.evidence.unit_list import read_unit_list
    from parindex.io.input_files import named_files
    from parindex.scoring.runs import collect_workbooks

    chosen = OUTPUTS.choose(fmt, output)
    collected = collect_workbooks(files, output)
    say_subfolders(collected.folders_not_read)  # a part kept there would show as not sent
    paths = collected.without(expected).parts
    if not paths:  # the folder held only the list of units
        raise ParindexError("PS523", path=", ".join(map(str, files)), others="")
    inputs = [*([Path(criteria)] if criteria else []), *([expected] if expected else [])]
    if output is not None:
        guard_output(output, force, inputs)
    wanted = read_unit_list(expected) if expected is not None else None
    books, skipped, merged = read_books(paths, named_files(files))
    for path in skipped:
        say(Message("ui.score.skipped_report", {"path": path}), "yellow", err=True)
    for path in merged:
        say(Message("ui.collect.skipped_merged", {"path": path}), "yellow", err=True)
    report, conflicts = _report(books, criteria, wanted)
    chosen.render(report, output, force)
    if output is not None:
        say_written(output)
    return 1 if conflicts else 0


def _report(books: list[EvidenceBook], criteria: str | None,
            wanted: list[str] | None) -> tuple[ProgressReport, int]:
    """Per lead agency when the workbooks are one unit's (and no list of units is given), else per unit."""
    from parindex.common.unit_names import name_key
    from parindex.evidence.book_set import criteria_of
    from parindex.evidence.parts import check_parts, merge_parts, said
    from parindex.evidence.progress import Tally, by_lead, not_sent, of_unit
    from parindex.evidence.progress_report import lead_report, unit_report

    sets: dict[str, CriteriaSet] = {}
    groups: dict[str, list[EvidenceBook]] = {}
    unnamed: list[EvidenceBook] = []
    for book in books:
        unit = said([book], "unit")
        if unit:
            groups.setdefault(name_key(unit, said([book], "level") or "province"), []).append(book)
        else:
            unnamed.append(book)
    if len(groups) == 1:  # a part that leaves the unit blank contradicts nothing (as merge reads it): the unit's
        next(iter(groups.values())).extend(unnamed)
    elif unnamed:
        groups[""] = unnamed
    notes: list[str] = []
    conflicts = 0
    units: list[tuple[Tally, list[str]]] = []
    for members in groups.values():
        cset = criteria_of(members[0], criteria, sets)
        check_parts(cset, members)
        merged = merge_parts(cset, members)
        if merged.conflicts:
            conflicts += len(merged.conflicts)
            notes += [t("ui.progress.conflicts", count=len(merged.conflicts)),
                      *(conflict.line() for conflict in merged.conflicts)]
        rows = {code: taken.row for code, taken in merged.rows.items()}
        if len(groups) == 1 and wanted is None:
            return lead_report(said(members, "unit"), said(members, "year"), len(members), by_lead(cset, rows),
                               notes), conflicts
        units.append((of_unit(cset, rows, said(members, "unit")), [Path(b.path).name for b in members]))
    if wanted is not None:
        level = said(books, "level") or "province"
        missing, unexpected = not_sent(wanted, [tally.name for tally, _ in units], level)
        notes.insert(0, t("ui.progress.not_sent", count=len(missing), units=", ".join(missing))
                     if missing else t("ui.progress.all_sent"))
        if unexpected:
            notes.insert(1, t("ui.progress.unexpected", count=len(unexpected), units=", ".join(unexpected)))
    return unit_report(units, notes), conflicts


# --- one renderer per format (imported when used) ----------------------------------------------------------

def _table(report: ProgressReport, output: Path | None, force: bool) -> None:
    from parindex.cli.outputs import show_tables
    from parindex.evidence.progress_report import draw_table

    show_tables(lambda console: draw_table(report, console), output, force)


def _markdown(report: ProgressReport, output: Path | None, force: bool) -> None:
    from parindex.cli.outputs import show_text
    from parindex.evidence.progress_report import markdown

    show_text(markdown(report), output, force)


def _xlsx(report: ProgressReport, output: Path | None, force: bool) -> None:
    from parindex.evidence.progress_report import write_xlsx

    assert output is not None  # a file-only format: Outputs.choose refuses it without -o (PC703)
    write_xlsx(report, output, force)


OUTPUTS: Outputs[Callable[[ProgressReport, Path | None, bool], None]] = Outputs(
    Output(TABLE, _table), Output(MD, _markdown), Output(XLSX, _xlsx))
