"""`parindex gap [FILE] --year YEAR` — where the points were lost against a year's official results.

Without FILE: the unit's official position (default unit: the baseline's `home: true` unit, Bắc Giang in the
bundled files). With FILE (an .xlsx evidence workbook or a `score --format json` result): the current
self-assessment against it, a projection, recoverable points by lead agency and a target rank.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from parindex.cli.outputs import DOCX, JSON, MD, TABLE, XLSX, Output, Outputs
from parindex.common.i18n import t

if TYPE_CHECKING:
    from decimal import Decimal

    from parindex.gap.analysis import GapReport


def register(app: typer.Typer) -> None:
    @app.command("gap", help=t("help.gap"))
    def gap(
        file: Path = typer.Argument(None, metavar="FILE", help=t("help.gap.file"), show_default=False),
        year: int = typer.Option(..., "--year", help=t("help.gap.year")),
        unit: str = typer.Option(None, "--unit", help=t("help.gap.unit")),
        official: Path = typer.Option(None, "--official", help=t("help.gap.official")),
        criteria: str = typer.Option(None, "--criteria", help=t("help.criteria_opt")),
        assume: list[str] = typer.Option(None, "--assume", metavar="ID=POINTS", help=t("help.gap.assume")),
        assume_sipas: str = typer.Option(None, "--assume-sipas", help=t("help.gap.assume_sipas")),
        assume_survey: str = typer.Option(None, "--assume-survey", help=t("help.gap.assume_survey")),
        target_rank: int = typer.Option(None, "--target-rank", min=1, help=t("help.gap.target_rank")),
        baseline: Path = typer.Option(None, "--baseline", help=t("help.gap.baseline")),
        fmt: str = typer.Option(None, "--format", "-f", help=t("help.gap.format")),
        output: Path = typer.Option(None, "-o", "--output", help=t("help.output")),
        force: bool = typer.Option(False, "--force", help=t("help.force")),
        chart: Path = typer.Option(None, "--chart", help=t("help.gap.chart")),
    ) -> None:
        from parindex.cli.outputs import say_written
        from parindex.gap.analysis import GapOptions
        from parindex.gap.input import GapFiles, gap_report

        chosen = OUTPUTS.choose(fmt, output)
        inputs = [path for path in (file, official, baseline, Path(criteria) if criteria else None) if path is not None]
        _refuse_outputs(output, chart, force, inputs)
        given = [("--assume", raw) for raw in assume or ()]
        given += [(option, raw) for option, raw in (("--assume-sipas", assume_sipas),
                                                    ("--assume-survey", assume_survey)) if raw is not None]
        options = GapOptions(unit, _assumptions(given), target_rank)
        report = gap_report(GapFiles(year, file, official, criteria, baseline), options)
        chosen.render(report, output, force)
        if output is not None:
            say_written(output)
        if chart is not None:
            from parindex.gap.chart import write_chart

            write_chart(report, chart, force)
            say_written(chart)
        raise typer.Exit(1 if report.current is not None and report.current.errors else 0)


def _refuse_outputs(output: Path | None, chart: Path | None, force: bool, inputs: list[Path]) -> None:
    """Before any work: a file that would be lost, a chart over the report."""
    from parindex.cli.outputs import guard_output
    from parindex.common.errors import ParindexError
    from parindex.io.input_files import same_file

    for path in (output, chart):
        if path is not None:
            guard_output(path, force, inputs)
    if chart is None:
        return
    if output is not None and same_file(chart, output):
        raise ParindexError("PG418", path=str(chart))


def _assumptions(given: list[tuple[str, str]]) -> dict[str, Decimal]:
    """`--assume ID=POINTS` and its aliases (`--assume-sipas POINTS`), points read as typed ('9,5' or '9.5'); PG417
    in the reader's own words, or for a malformed or repeated one. Which ids may be assumed is the set's to say
    (`gap.analysis.projection`)."""
    from parindex.common.errors import ParindexError
    from parindex.common.messages import Message
    from parindex.common.values import ValueProblem, parse_number
    from parindex.gap.analysis import ASSUME_ALIASES

    aliases = {option: component for component, option in ASSUME_ALIASES.items()}
    assumed: dict[str, Decimal] = {}
    first: dict[str, str] = {}  # component → the option that assumed it, as typed
    for option, raw in given:
        component, _, points = raw.partition("=") if option == "--assume" else (aliases[option], "=", raw)
        component = component.strip()
        if not (component and points.strip()):
            raise ParindexError("PG417", option=option, value=raw, problem=Message("ui.gap.assume_form", {}))
        if component in first:
            raise ParindexError("PG417", option=option, value=raw,
                                problem=Message("ui.gap.assume_twice", {"component": component,
                                                                        "first": first[component]}))
        try:
            assumed[component] = parse_number(points.strip())
        except ValueProblem as problem:  # its own words: '9.999' is ambiguous, not 'not a number'
            raise ParindexError("PG417", option=option, value=raw, problem=problem.msg) from None
        first[component] = f"{option} {raw}"
    return assumed


# --- one renderer per format (imported when used: registering the command stays light) ------------------

def _table(report: GapReport, output: Path | None, force: bool) -> None:
    from parindex.cli.outputs import show_tables
    from parindex.gap.table import render_table

    show_tables(partial(render_table, report), output, force)


def _json(report: GapReport, output: Path | None, force: bool) -> None:
    from parindex.cli.outputs import show_text
    from parindex.gap.exports import report_json

    show_text(report_json(report), output, force)


def _markdown(report: GapReport, output: Path | None, force: bool) -> None:
    from parindex.cli.outputs import show_text
    from parindex.gap.plan import plan_markdown

    show_text(plan_markdown(report), output, force)


def _xlsx(report: GapReport, output: Path | None, force: bool) -> None:
    from parindex.gap.exports import write_xlsx

    assert output is not None  # a file-only format: Outputs.choose refuses it without -o (PC703)
    write_xlsx(report, output, force)


def _docx(report: GapReport, output: Path | None, force: bool) -> None:
    from parindex.gap.docx import write_plan_docx

    assert output is not None  # a file-only format: Outputs.choose refuses it without -o (PC703)
    write_plan_docx(report, output, force)


OUTPUTS: Outputs[Callable[[GapReport, Path | None, bool], None]] = Outputs(
    Output(TABLE, _table), Output(JSON, _json), Output(MD, _markdown), Output(XLSX, _xlsx), Output(DOCX, _docx))
