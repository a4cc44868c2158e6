"""A typer app that declares `parindex score`'s command line and does nothing: the floor of (i) in startup_bench.

    python bench/typer_floor.py score ONE.xlsx

The same kinds of parameters as `parindex score` (a list of paths as the argument; text, path and flag options;
options that repeat, of paths and of text) and the same global options, each with a help text, under one
`typer.Typer` built as parindex builds its own. What typer costs to start, parse and call a command of this shape,
and nothing else: no parindex import. tests/test_bench.py checks that the two command lines keep the same shape.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer


def create_app() -> typer.Typer:
    app = typer.Typer(help="A score command that does nothing.", no_args_is_help=True, add_completion=False,
                      rich_markup_mode=None, pretty_exceptions_enable=False)

    @app.callback()
    def _options(
        version: bool = typer.Option(False, "--version", help="Print the version.", is_eager=True),
        lang: str = typer.Option(None, "--lang", help="Language."),
        debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
    ) -> None:
        pass

    @app.command("score", help="Score workbooks.")
    def score(
        files: list[Path] = typer.Argument(..., metavar="FILE|FOLDER…"),
        fmt: str = typer.Option(None, "--format", "-f", help="Output format."),
        output: Path = typer.Option(None, "-o", "--output", help="Write to this file."),
        force: bool = typer.Option(False, "--force", help="Replace the file."),
        criteria: str = typer.Option(None, "--criteria", help="Criteria set."),
        survey: list[Path] = typer.Option(None, "--survey", help="Survey tables."),
        previous: list[Path] = typer.Option(None, "--previous", metavar="FILE.json", help="Last year's results."),
        together: list[str] = typer.Option(None, "--together", metavar="A,B", help="Blocks ranked as one."),
        details: bool = typer.Option(False, "--details", help="Every unit's tables."),
        to: list[str] = typer.Option(None, "--to", metavar="A; B", help="The report's recipients."),
    ) -> None:
        pass

    return app


if __name__ == "__main__":
    create_app()(args=sys.argv[1:], prog_name="parindex", standalone_mode=False)
