"""`parindex template ID -o FILE` — a fill-in evidence workbook for a criteria set, unit and year."""

from __future__ import annotations

from pathlib import Path

import typer

from parindex.common.i18n import t


def register(app: typer.Typer) -> None:
    @app.command("template", help=t("help.template"))
    def template(
        ref: str = typer.Argument(..., metavar="ID|PATH"),
        output: Path = typer.Option(..., "-o", "--output", help=t("help.output")),
        unit: str = typer.Option("", "--unit", help=t("help.template.unit")),
        level: str = typer.Option(None, "--level", help=t("help.template.level")),
        year: int = typer.Option(None, "--year", help=t("help.template.year")),
        prepared_by: str = typer.Option("", "--prepared-by", help=t("help.template.prepared_by")),
        force: bool = typer.Option(False, "--force", help=t("help.force")),
    ) -> None:
        from typing import get_args

        from rich.markup import escape

        from parindex.cli.outputs import guard_output
        from parindex.cli.render import console, err_console
        from parindex.common.errors import ParindexError
        from parindex.criteria.files import load_criteria
        from parindex.criteria.model import Level
        from parindex.criteria.provenance import provenance_banner
        from parindex.evidence.template import write_template

        if output.suffix.lower() != ".xlsx":
            raise ParindexError("PC702", value=output.suffix or str(output), accepted=".xlsx")
        levels = get_args(Level)
        if level is not None and level not in levels:
            raise ParindexError("PW411", value=level, accepted=", ".join(levels))
        cset = load_criteria(ref)
        if level is not None and level != cset.level:  # scored later with this set, it would be refused (PS542)
            raise ParindexError("PC718", value=level, set_id=cset.id, level=cset.level)
        if year is not None and year not in cset.years:
            raise ParindexError("PW412", id=cset.id, years=", ".join(map(str, cset.years)), year=year)
        guard_output(output, force, [Path(ref)], blank_workbook_may_go=True)
        write_template(output, cset, unit=unit, level=level, year=year, prepared_by=prepared_by, force=force)
        console.print(escape(t("ui.template.written", path=output, items=len(cset.items()), id=cset.id)))
        banner = provenance_banner(cset)
        if banner:
            err_console.print(f"[yellow]{escape(banner.text())}[/]")
