"""`parindex schema [--results]` — the JSON Schema of the criteria format, for editors and CI; or of the score
results, for the programs that read them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer

from parindex.cli.outputs import JSON, Output, Outputs
from parindex.common.i18n import t


def register(app: typer.Typer) -> None:
    @app.command("schema", help=t("help.schema"))
    def schema(
        output: Path = typer.Option(None, "-o", "--output", help=t("help.output")),
        force: bool = typer.Option(False, "--force", help=t("help.force")),
        results: bool = typer.Option(False, "--results", help=t("help.schema.results")),
    ) -> None:
        from parindex.cli.outputs import guard_output, say_written

        chosen = OUTPUTS.choose("json", output)  # JSON only: `-o so.xlsx` must not turn a workbook into a schema
        if output is not None:
            guard_output(output, force, [])
        chosen.render(_results_schema() if results else _criteria_schema(), output, force)
        if output is not None:
            say_written(output)


def _criteria_schema() -> str:
    from parindex.criteria.schema import schema_text

    return schema_text()


def _results_schema() -> str:
    from parindex.scoring.result import results_schema_text

    return results_schema_text()


def _text(text: str, output: Path | None, force: bool) -> None:
    from parindex.cli.outputs import show_text

    show_text(text, output, force)


OUTPUTS: Outputs[Callable[[str, Path | None, bool], None]] = Outputs(Output(JSON, _text))
