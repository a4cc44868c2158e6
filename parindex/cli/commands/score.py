"""`parindex score FILE…` and `parindex explain FILE CODE`."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import typer

from parindex.cli.outputs import CSV, DOCX, JSON, MD, TABLE, XLSX, Output, Outputs
from parindex.common.i18n import t

if TYPE_CHECKING:
    from parindex.scoring.engine import UnitScore, UnitTotals
    from parindex.scoring.reports import TextReport
    from parindex.scoring.run_plan import RunPlan
    from parindex.scoring.runs import OpenedRun


def register(app: typer.Typer) -> None:
    @app.command("score", help=t("help.score"))
    def score(
        files: list[Path] = typer.Argument(..., metavar="FILE|FOLDER…"),
        fmt: str = typer.Option(None, "--format", "-f", help=t("help.format") + " " + "|".join(OUTPUTS.names)),
        output: Path = typer.Option(None, "-o", "--output", help=t("help.output")),
        force: bool = typer.Option(False, "--force", help=t("help.force")),
        criteria: str = typer.Option(None, "--criteria", help=t("help.criteria_opt")),
        survey: list[Path] = typer.Option(None, "--survey", help=t("help.survey")),
        previous: list[Path] = typer.Option(None, "--previous", metavar="FILE.json|xlsx|csv", help=t("help.previous")),
        together: list[str] = typer.Option(None, "--together", metavar="KHỐI,KHỐI", help=t("help.together")),
        details: bool = typer.Option(False, "--details", help=t("help.details")),
        to: list[str] = typer.Option(None, "--to", metavar="NƠI NHẬN; …", help=t("help.to")),
    ) -> None:
        recipients = tuple(name for given in to or () for name in given.split(";"))
        raise typer.Exit(run_score(files, fmt, output, force, criteria, tuple(survey or ()),
                                   RankOptions(tuple(previous or ()), tuple(together or ()), details, recipients)))

    @app.command("explain", help=t("help.explain"))
    def explain(
        file: Path = typer.Argument(..., metavar="FILE"),
        code: str = typer.Argument(..., metavar="CODE"),
        criteria: str = typer.Option(None, "--criteria", help=t("help.criteria_opt")),
    ) -> None:
        raise typer.Exit(run_explain(file, code, criteria))


class RankOptions(NamedTuple):
    previous: tuple[Path, ...] = ()
    together: tuple[str, ...] = ()  # each "Phường,Xã": blocks ranked as one
    details: bool = False  # every unit's tables on screen even when there are many
    to: tuple[str, ...] = ()  # the Word report's recipients instead of those of the set's level


def run_score(files: list[Path], fmt: str | None, output: Path | None, force: bool, criteria: str | None,
              survey_paths: tuple[Path, ...] = (), options: RankOptions = RankOptions()) -> int:
    from parindex.cli.outputs import say_written
    from parindex.cli.render import say
    from parindex.common.messages import Message

    chosen = OUTPUTS.choose(fmt, output)
    run = _open_run(files, output, force, criteria, survey_paths, options)
    for skipped in run.skipped:
        say(Message("ui.score.skipped_report", {"path": skipped.path}), "yellow", err=True)
    for path in run.merged:
        say(Message("ui.collect.skipped_merged", {"path": path}), "yellow", err=True)
    many = len(run.paths) > 1
    reporter = chosen.render(many, output is None, options)
    totals = reporter.write(_scored(run, criteria, reporter.unit), output, force, run.plan)
    if output is not None:
        say_written(output)
    if output is not None or chosen.format is not TABLE or not many:  # else the ranking's notes showed them
        for warning in run.plan.warnings:
            say(warning, "yellow", err=True, head="⚠ ")
    failed = [unit for unit in totals if unit.errors]
    if failed and (output is not None or chosen.format is not TABLE):  # on screen, the tables list each error
        say(Message("ui.score.errors_summary", {"units": len(failed), "total": len(totals),
                                                "errors": sum(unit.errors for unit in failed)}), "yellow", err=True)
    return 1 if failed or any(unit.unranked for unit in totals) else 0


def _open_run(files: list[Path], output: Path | None, force: bool, criteria: str | None,
              survey_paths: tuple[Path, ...], options: RankOptions) -> OpenedRun:
    """The workbooks found and the run checked before anything is scored (`runs.open_run`); what was found is let
    go here, so that the run keeps a string per workbook, not its paths as found."""
    from parindex.cli.outputs import guard_output
    from parindex.cli.render import say, say_subfolders
    from parindex.common.errors import ParindexError
    from parindex.common.messages import Message
    from parindex.io.input_files import named_files
    from parindex.scoring.runs import collect_workbooks, open_run

    collected = collect_workbooks(files, output)
    if output is not None:
        guard_output(output, force, [Path(p) for p in (criteria, *survey_paths, *options.previous) if p])
    collected = collected.without(*survey_paths)
    if collected.not_read:
        say(Message("ui.score.not_xlsx", {"files": [str(path) for path in collected.not_read]}), "yellow", err=True,
            head="⚠ ")
    say_subfolders(collected.folders_not_read)
    if not collected.workbooks:
        raise ParindexError("PS523", path=", ".join(map(str, files)), others="")
    return open_run(collected.workbooks, criteria, survey_paths, options.previous, options.together,
                    named_files(files))


# --- one reporter per format: each unit's part, made where the unit was scored, and how the parts are written

Parts = Iterable[tuple[Any, "UnitTotals"]]


class Reporter(NamedTuple):
    unit: Callable[[UnitScore], Any]  # picklable: it runs in the worker process that scored the unit
    # the parts, the -o file, --force, the run (its summary; how its units are ranked) → totals
    write: Callable[[Parts, Path | None, bool, RunPlan], list[UnitTotals]]


def _table(many: bool, to_screen: bool, options: RankOptions) -> Reporter:
    """On screen without --details, many units show the ranking and a line per unit with problems; a file holds
    every unit's tables."""
    from parindex.cli.render import console
    from parindex.io.screen import NATURAL_WIDTH
    from parindex.scoring.table import Look, table_report

    look = Look(console.width, console.color_system) if to_screen else Look(NATURAL_WIDTH)
    return _text(table_report(many, look, details=options.details or not to_screen))


def _json(many: bool, to_screen: bool, options: RankOptions) -> Reporter:
    from parindex.scoring.reports import json_report

    return _text(json_report(many))


def _csv(many: bool, to_screen: bool, options: RankOptions) -> Reporter:
    from parindex.scoring.reports import csv_report

    return _text(csv_report(many))


def _markdown(many: bool, to_screen: bool, options: RankOptions) -> Reporter:
    from parindex.scoring.reports import markdown_report

    return _text(markdown_report(many))


def _text(report: TextReport) -> Reporter:
    return Reporter(report.unit, partial(_write_text, report))


def _write_text(report: TextReport, parts: Parts, output: Path | None, force: bool,
                run: RunPlan) -> list[UnitTotals]:
    from parindex.cli.render import console
    from parindex.common.safe_text import steer_free
    from parindex.io.atomic import write_atomic
    from parindex.scoring.reports import write_report

    if output is None:  # held until the end, so that an error leaves nothing half-printed
        buffer = io.StringIO()
        shown = write_report(buffer, report, parts, run)
        console.file.write(steer_free(buffer.getvalue()))  # a name as typed never steers the terminal
        return shown
    totals: list[UnitTotals] = []  # streamed into the new file: memory stays flat however many workbooks there are

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding=report.file_encoding, newline="") as out:
            totals.extend(write_report(out, report, parts, run))

    write_atomic(output, write, force)
    return totals


def _xlsx(many: bool, to_screen: bool, options: RankOptions) -> Reporter:
    from parindex.scoring.xlsx import unit_sheet

    return Reporter(unit_sheet, _write_xlsx)


def _write_xlsx(parts: Parts, output: Path | None, force: bool, run: RunPlan) -> list[UnitTotals]:
    from parindex.io.atomic import write_atomic
    from parindex.scoring.xlsx import write_report_xlsx

    assert output is not None  # a file-only format: Outputs.choose refuses it without -o (PC703)
    totals: list[UnitTotals] = []
    write_atomic(output, lambda tmp: totals.extend(write_report_xlsx(parts, tmp, run.rank)), force)
    return totals


def _docx(many: bool, to_screen: bool, options: RankOptions) -> Reporter:
    """One unit: its self-assessment report; many: the ranking annex (each unit's totals are all it needs)."""
    if many:
        from parindex.scoring.ranking_docx import no_part, write_ranking_docx

        return Reporter(no_part, partial(_write_docx, write_ranking_docx))
    from parindex.scoring.docx import unit_report, write_report_docx

    return Reporter(partial(unit_report, to=options.to), partial(_write_docx, lambda parts, output, force, rank:
                                         write_report_docx(parts, output, force)))


def _write_docx(write: Callable, parts: Parts, output: Path | None, force: bool, run: RunPlan) -> list[UnitTotals]:
    assert output is not None  # a file-only format: Outputs.choose refuses it without -o (PC703)
    return write(parts, output, force, run.rank)


# each format with its reporter, given whether there are many units (a ranking follows), whether it goes to the
# screen and the options (--details: every unit's tables there; --to: the Word report's recipients)
OUTPUTS: Outputs[Callable[[bool, bool, RankOptions], Reporter]] = Outputs(
    Output(TABLE, _table), Output(JSON, _json), Output(CSV, _csv), Output(MD, _markdown), Output(XLSX, _xlsx),
    Output(DOCX, _docx))


def _scored(run: OpenedRun, criteria: str | None, render: Callable) -> Iterator:
    """Each unit's rendered part and totals, in order, with a progress bar when there are several."""
    from parindex.cli.render import say
    from parindex.common.messages import Message
    from parindex.scoring.runs import Skipped, score_many

    with _progress_bar(len(run.paths)) as advance:
        for part in score_many(run.paths, criteria, render, run.surveys, run.sets):
            advance()
            if isinstance(part, Skipped):
                say(Message("ui.score.skipped_report", {"path": part.path}), "yellow", err=True)
                continue
            yield part


@contextmanager
def _progress_bar(total: int) -> Iterator[Callable[[], None]]:
    """Advances a progress bar on a terminal when there are several workbooks; otherwise nothing (and
    rich.progress is not even imported: 2 ms of every one-workbook run)."""
    from parindex.cli.render import err_console

    if total < 2 or not err_console.is_terminal:
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(console=err_console, transient=True) as progress:
        task = progress.add_task(t("ui.score.reading"), total=total)
        yield lambda: progress.advance(task)


def run_explain(file: Path, code: str, criteria: str | None) -> int:
    from rich.table import Table

    from parindex.cli.render import console, say
    from parindex.common.errors import ParindexError
    from parindex.common.i18n import fmt_num
    from parindex.common.values import normalise_code
    from parindex.criteria.provenance import provenance_banner
    from parindex.scoring.runs import score_workbook

    unit = score_workbook(file, criteria, {})
    wanted = normalise_code(code) or code.strip()
    found = next((s for s in unit.items if s.item.code == wanted), None)
    if found is None:
        group = next((g for g in unit.criteria.groups() if g.code == wanted), None)
        if group is not None:
            from parindex.criteria.model import items_of

            raise ParindexError("PS531", code=wanted, items=", ".join(item.code for item in items_of(group)))
        raise ParindexError("PS530", code=code, set_id=unit.criteria.id)
    from parindex.common.safe_text import EXCEL_CELL
    from parindex.io.screen import literal

    blank = t("ui.explain.none")
    table = Table(show_header=False, title=f"{found.item.code} {literal(found.item.name)}", title_justify="left")
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    value = _shown(found.value, blank)
    rows = [
        ("ui.explain.value", value),
        ("ui.explain.cell", found.value_ref or blank),
        ("ui.explain.rule", found.item.rule_words()),
        ("ui.explain.tier", found.tier or "–"),
        ("ui.explain.points", f"{fmt_num(found.points)} / {fmt_num(found.item.max)} ({t('status.' + found.status)})"),
        ("ui.explain.own", fmt_num(found.own)),
        ("ui.explain.self", blank if found.self_score is None else fmt_num(found.self_score)),
        ("ui.explain.appraised", blank if found.appraised is None else fmt_num(found.appraised)),
        ("ui.explain.evidence", found.evidence or blank),
        ("ui.explain.explanation", found.explanation or blank),
        ("ui.score.lead", found.lead or blank),
    ]
    for key, shown in rows:
        table.add_row(t(key), literal(shown, limit=EXCEL_CELL))  # a whole explanation, as the cell holds it
    console.print(table)
    for notice in [n for n in [*unit.errors, *unit.warnings] if n.item == found.item.code]:
        say(notice, "yellow")
    banner = provenance_banner(unit.criteria)
    if banner:
        say(banner, "yellow")
    return 1 if any(n.item == found.item.code for n in unit.errors) else 0


def _shown(value: object, blank: str) -> str:
    """The value as understood, in the reader's words: Có/Không, not True/False; 95,7 in Vietnamese."""
    from decimal import Decimal

    from parindex.common.i18n import fmt_plain

    if value is None:
        return blank
    if isinstance(value, bool):
        return t("ui.yes" if value else "ui.no")
    return fmt_plain(value) if isinstance(value, Decimal) else str(value)
