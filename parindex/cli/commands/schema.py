"""`parindex schema` — the JSON Schema of the criteria format, for editors and CI."""

from __future__ import annotations

from pathlib import Path

import typer

from parindex.i18n import t


def register(app: typer.Typer) -> None:
    @app.command("schema", help=t("help.schema"))
    def schema(
        output: Path = typer.Option(None, "-o", "--output", help=t("help.output")),
        force: bool = typer.Option(False, "--force", help=t("help.force")),
    ) -> None:
        from parindex.atomic import write_text_atomic
        from parindex.cli.render import console
        from parindex.schema import schema_text

        text = schema_text()
        if output is None:
            typer.echo(text, nl=False)
        else:
            write_text_atomic(output, text, force)
            console.print(t("ui.written", path=output))
