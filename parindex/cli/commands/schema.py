"""`parindex schema` — the JSON Schema of the criteria format, for editors and CI."""

from __future__ import annotations

from pathlib import Path

import typer

from parindex.common.i18n import t


def register(app: typer.Typer) -> None:
    @app.command("schema", help=t("help.schema"))
    def schema(
        output: Path = typer.Option(None, "-o", "--output", help=t("help.output")),
        force: bool = typer.Option(False, "--force", help=t("help.force")),
    ) -> None:
        from parindex.cli.outputs import guard_output, output_format, say_written, show_text
        from parindex.criteria.schema import schema_text

        if output is not None:  # JSON only: `-o so.xlsx` must not turn a workbook into a schema
            output_format("json", output, ("json",))
            guard_output(output, force, [])
        show_text(schema_text(), output, force)
        if output is not None:
            say_written(output)
