"""`parindex score FILE…` and `parindex explain FILE CODE`."""

from __future__ import annotations

from pathlib import Path

import typer

from parindex.i18n import t

FORMATS = ("table", "json", "csv", "md", "xlsx")


def register(app: typer.Typer) -> None:
    @app.command("score", help=t("help.score"))
    def score(
        files: list[Path] = typer.Argument(..., metavar="FILE|FOLDER…"),
        fmt: str = typer.Option("table", "--format", "-f", help=t("help.format") + " " + "|".join(FORMATS)),
        output: Path = typer.Option(None, "-o", "--output", help=t("help.output")),
        force: bool = typer.Option(False, "--force", help=t("help.force")),
        criteria: str = typer.Option(None, "--criteria", help=t("help.criteria_opt")),
    ) -> None:
        raise typer.Exit(run_score(files, fmt, output, force, criteria))

    @app.command("explain", help=t("help.explain"))
    def explain(
        file: Path = typer.Argument(..., metavar="FILE"),
        code: str = typer.Argument(..., metavar="CODE"),
        criteria: str = typer.Option(None, "--criteria", help=t("help.criteria_opt")),
    ) -> None:
        raise typer.Exit(run_explain(file, code, criteria))


def score_all(files: list[Path], criteria: str | None) -> list:
    from rich.progress import Progress

    from parindex.cli.render import err_console
    from parindex.score_files import collect_workbooks, read_books, score_workbook

    paths = collect_workbooks(files)
    cache: dict = {}
    if len(paths) == 1:
        return [score_workbook(paths[0], criteria, cache)]
    units = []
    with Progress(console=err_console, transient=True) as progress:
        task = progress.add_task(t("ui.score.reading"), total=len(paths))
        for path, book in read_books(paths):
            units.append(score_workbook(path, criteria, cache, book))
            progress.advance(task)
    return units


def run_score(files: list[Path], fmt: str, output: Path | None, force: bool, criteria: str | None) -> int:
    from parindex.atomic import refuse_overwrite, write_atomic, write_text_atomic
    from parindex.cli.render import console
    from parindex.errors import ParindexError

    if fmt not in FORMATS:
        raise ParindexError("PC702", value=fmt, accepted=", ".join(FORMATS))
    if fmt == "xlsx" and output is None:
        raise ParindexError("PC703", fmt=fmt)
    if output is not None:
        refuse_overwrite(output, force)  # before the work, not after it
    units = score_all(files, criteria)
    text = render_text(units, fmt)
    if output is None:
        typer.echo(text, nl=False) if text is not None else _print_tables(units)
    else:
        if fmt == "xlsx":
            from parindex.score_xlsx import write_report_xlsx

            write_atomic(output, lambda tmp: write_report_xlsx(units, tmp), force)
        else:
            write_text_atomic(output, text if text is not None else _tables_as_text(units), force)
        console.print(t("ui.written", path=output))
    return 1 if any(unit.errors for unit in units) else 0


def render_text(units: list, fmt: str) -> str | None:
    from parindex import score_report

    if fmt == "json":
        return score_report.report_json(units)
    if fmt == "csv":
        return score_report.report_csv(units)
    if fmt == "md":
        return score_report.report_markdown(units)
    return None


def _print_tables(units: list) -> None:
    from parindex.cli.render import console
    from parindex.score_table import print_report

    print_report(console, units)


def _tables_as_text(units: list) -> str:
    import io

    from rich.console import Console

    from parindex.score_table import print_report

    recorder = Console(record=True, width=140, file=io.StringIO())
    print_report(recorder, units)
    return recorder.export_text()


def run_explain(file: Path, code: str, criteria: str | None) -> int:
    from rich.markup import escape
    from rich.table import Table

    from parindex.cli.render import console
    from parindex.errors import ParindexError
    from parindex.i18n import fmt_num, message
    from parindex.provenance import provenance_banner
    from parindex.rule_words import rule_in_words
    from parindex.score_files import score_workbook
    from parindex.values import normalise_code

    unit = score_workbook(file, criteria, {})
    wanted = normalise_code(code) or code.strip()
    found = next((s for s in unit.items if s.item.code == wanted), None)
    if found is None:
        raise ParindexError("PS530", code=code, set_id=unit.criteria.id)
    blank = t("ui.explain.none")
    table = Table(show_header=False, title=f"{found.item.code} {escape(found.item.name)}", title_justify="left")
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    value = _shown(found.value, blank)
    rows = [
        ("ui.explain.value", value),
        ("ui.explain.cell", found.value_ref or blank),
        ("ui.explain.rule", rule_in_words(found.item)),
        ("ui.explain.tier", found.tier or "–"),
        ("ui.explain.points", f"{fmt_num(found.points)} / {fmt_num(found.item.max)} ({t('status.' + found.status)})"),
        ("ui.explain.self", blank if found.self_score is None else fmt_num(found.self_score)),
        ("ui.explain.appraised", blank if found.appraised is None else fmt_num(found.appraised)),
        ("ui.explain.evidence", found.evidence or blank),
        ("ui.explain.explanation", found.explanation or blank),
        ("ui.score.lead", found.lead or blank),
    ]
    for key, shown in rows:
        table.add_row(t(key), escape(shown))
    console.print(table)
    for notice in [n for n in [*unit.errors, *unit.warnings] if n.item == found.item.code]:
        console.print(f"{notice.ref}: {notice.code} {escape(message(notice.code, notice.params))}", style="yellow")
    banner = provenance_banner(unit.criteria)
    if banner:
        console.print(banner, style="yellow")
    return 1 if any(n.item == found.item.code for n in unit.errors) else 0


def _shown(value: object, blank: str) -> str:
    """The value as understood, in the reader's words: Có/Không, not True/False; 95,7 in Vietnamese."""
    from decimal import Decimal

    from parindex.i18n import fmt_plain

    if value is None:
        return blank
    if isinstance(value, bool):
        return t("ui.yes" if value else "ui.no")
    return fmt_plain(value) if isinstance(value, Decimal) else str(value)
