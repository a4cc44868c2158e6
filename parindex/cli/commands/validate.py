"""`parindex validate [PATH…]` — check criteria and baseline files, for people and for CI."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from parindex.i18n import t

FORMATS = ("text", "json", "github")


def register(app: typer.Typer) -> None:
    @app.command("validate", help=t("help.validate"))
    def validate(
        paths: list[Path] = typer.Argument(None, show_default=False),
        fmt: str = typer.Option("text", "--format", "-f", help=t("help.validate.format")),
    ) -> None:
        raise typer.Exit(run_validate(paths or [], fmt))


def run_validate(paths: list[Path], fmt: str) -> int:
    from parindex.cli.render import console
    from parindex.errors import ParindexError
    from parindex.findings import describe
    from parindex.validation import default_paths, validate_path

    if fmt not in FORMATS:
        raise ParindexError("PC702", value=fmt, accepted=", ".join(FORMATS))
    results = [validate_path(path) for path in (paths or default_paths())]
    rows = [(str(r.path), f, describe(f)) for r in results
            for f in sorted(r.findings, key=lambda f: (f.line or 0, f.col or 0))]
    if fmt == "json":
        payload = {
            "valid": not rows,
            "files": [str(r.path) for r in results],
            "findings": [{"file": file, "line": f.line, "col": f.col, "code": f.code, "check": f.name,
                          "message": message} for file, f, message in rows],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif fmt == "github":
        for file, f, message in rows:
            typer.echo(f"::error file={_gh(file, True)},line={f.line},col={f.col},title={f.code} {f.name}::"
                       f"{_gh(message)}")
    else:
        for file, f, message in rows:
            typer.echo(f"{file}:{f.line}:{f.col}: {f.code} {f.name} {message}")
        summary = t("ui.validate.found", count=len(rows), files=len(results)) if rows else t(
            "ui.validate.ok", n=len(results))
        console.print(summary, style="red" if rows else "green")
    return 1 if rows else 0


def _gh(text: str, property_value: bool = False) -> str:
    """Escape for a GitHub workflow command (message data, or a property value that also escapes : and ,)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text
