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
        from parindex.cli.render import console
        from parindex.criteria.schema import schema_text
        from parindex.io.atomic import write_text_atomic

        text = schema_text()
        if output is None:
            typer.echo(text, nl=False)
        else:
            write_text_atomic(output, text, force)
            console.print(t("ui.written", path=output))
