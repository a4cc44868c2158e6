"""`parindex validate [PATH…]` — check criteria and baseline files, for people and for CI."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from parindex.common.i18n import t

FORMATS = ("text", "json", "github")


def register(app: typer.Typer) -> None:
    @app.command("validate", help=t("help.validate"))
    def validate(
        paths: list[Path] = typer.Argument(None, show_default=False),
        fmt: str = typer.Option("text", "--format", "-f", help=t("help.validate.format")),
    ) -> None:
        raise typer.Exit(run_validate(paths or [], fmt))


def run_validate(paths: list[Path], fmt: str) -> int:
    from parindex.baseline.validation import default_paths, validate_path
    from parindex.cli.render import say
    from parindex.common.errors import ParindexError

    if fmt not in FORMATS:
        raise ParindexError("PC702", value=fmt, accepted=", ".join(FORMATS))
    files = paths or default_paths()
    rows: list[tuple[str, int, int, str, str, str]] = []  # file, line, col, code, check, message
    unreadable: list[tuple[str, int, int, str, str, str]] = []  # the same, for files that could not be read
    for path in files:  # a file that cannot be read is reported as that file's row; the others are still checked
        try:
            checked = validate_path(path)
        except ParindexError as exc:
            unreadable.append((str(path), int(str(exc.params.get("line", 1))), 1, exc.code, "file",
                               exc.msg.text()))
            continue
        rows += [(str(path), f.line or 1, f.col or 1, f.code, f.name, f.msg.text())
                 for f in sorted(checked.findings, key=lambda f: (f.line or 0, f.col or 0))]
    if fmt == "json":
        rows = unreadable + rows
        payload = {
            "valid": not rows,
            "files": [str(path) for path in files],
            "findings": [{"file": file, "line": line, "col": col, "code": code, "check": check, "message": message}
                         for file, line, col, code, check, message in rows],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif fmt == "github":
        for file, line, col, code, check, message in unreadable + rows:
            typer.echo(f"::error file={_gh(file, True)},line={line},col={col},title={code} {check}::{_gh(message)}")
    else:
        for file, line, col, code, _, message in unreadable:  # could not run on these: said on stderr
            typer.echo(f"{file}:{line}:{col}: {code} {message}", err=True)
        for file, line, col, code, check, message in rows:
            typer.echo(f"{file}:{line}:{col}: {code} {check} {message}")
        problems = len(rows) + len(unreadable)
        summary = t("ui.validate.found", count=problems, files=len(files)) if problems else t(
            "ui.validate.ok", n=len(files))
        say(summary, "red" if problems else "green")
    return 2 if unreadable else 1 if rows else 0


def _gh(text: str, property_value: bool = False) -> str:
    """Escape for a GitHub workflow command (message data, or a property value that also escapes : and ,)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text
