"""The `parindex` command: global options, error handling, and the commands registered from their modules."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from parindex import __version__

if TYPE_CHECKING:
    import typer

CTRL_C = 130  # what typer returns when a command is interrupted by Ctrl-C (KeyboardInterrupt)


class Terminated(KeyboardInterrupt):
    """SIGTERM (a service stopping, `kill`, a CI job cancelled), met as Ctrl-C is: every `finally` runs on the way
    out, so no `.part` file stays behind."""


_terminated: list[int] = []  # the SIGTERM received, if any: said as PC745 rather than Ctrl-C's PC705


def _on_sigterm(signum: int, frame: object) -> None:
    _terminated.append(signum)
    raise Terminated


@contextlib.contextmanager
def sigterm_as_ctrl_c() -> Iterator[None]:
    """While inside, SIGTERM stops this process as Ctrl-C does; then the handler before is back (the main thread
    only can set one; elsewhere nothing changes)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _terminated.clear()
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _global_flags(argv: list[str]) -> tuple[list[str], str | None, bool]:
    """Take --lang and --debug from anywhere on the line, so `parindex score x.xlsx --lang en` works too."""
    rest: list[str] = []
    lang, debug = None, False
    args = iter(argv)
    for arg in args:
        if arg == "--debug":
            debug = True
        elif arg == "--lang":
            lang = next(args, "")
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return rest, lang, debug


# Each command's name → the module in `cli/commands/` that registers it, in the order `parindex --help` lists them.
COMMANDS = {"validate": "validate", "criteria": "criteria", "schema": "schema", "template": "template",
            "score": "score", "explain": "score", "gap": "gap", "merge": "merge", "progress": "progress"}


def create_app(args: Sequence[str] = ()) -> typer.Typer:
    """The app with every command; or, when `args` name one, with that command alone: a run imports and builds
    only what it runs (the other modules and typer's reading of their options were about 7 ms of every start).
    Help, a mistyped command and a line without a command see them all."""
    import importlib

    import typer

    from parindex.common.i18n import t

    app = typer.Typer(help=t("help.app"), no_args_is_help=True, add_completion=False,
                      rich_markup_mode=None, pretty_exceptions_enable=False)

    @app.callback()
    def _options(
        version: bool = typer.Option(False, "--version", help=t("help.version"), is_eager=True),
        lang: str = typer.Option(None, "--lang", help=t("help.lang")),
        debug: bool = typer.Option(False, "--debug", help=t("help.debug")),
    ) -> None:
        if version:
            typer.echo(f"parindex {__version__}")
            raise typer.Exit()

    named = next((arg for arg in args if not arg.startswith("-")), "")
    for module in [COMMANDS[named]] if named in COMMANDS else dict.fromkeys(COMMANDS.values()):
        importlib.import_module(f"parindex.cli.commands.{module}").register(app)
    return app


def main(argv: list[str] | None = None) -> None:
    # One command is a short-lived process. Left on, the cyclic garbage collector would walk the hundreds of
    # thousands of objects that typer, pydantic and rich make at import, again and again as more are made (about
    # 20 ms of `parindex score ONE.xlsx`), and once more at exit (about 25 ms), to find next to nothing. The
    # worker processes that score many workbooks collect as usual (`scoring.runs`); peak memory is unchanged.
    gc.disable()
    # pydantic looks for plugins in the metadata of every installed distribution when it builds the first model
    # (3 ms with 50 installed, more in a crowded environment); parindex's models have no use for them, and typer
    # turns the search off for its own adapters the same way. A value the user set is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    sys.meta_path.insert(0, _OpenpyxlWithoutNumpy())
    code = run(sys.argv[1:] if argv is None else argv)
    gc.freeze()  # the interpreter's last collection, at exit, then leaves them alone too
    sys.exit(code)


class _OpenpyxlWithoutNumpy:
    """openpyxl imports numpy, when installed, only to also accept numpy's number types as cell values
    (`openpyxl.compat.numbers`): about 90 ms of `merge`, `criteria export` and every command that writes a workbook.
    parindex writes Decimals, ints and text, never a numpy value, so the command line (not the Python API, whose
    callers may hand openpyxl numpy values) answers that one import as if numpy were absent. numpy is not marked
    missing: the plan's chart (matplotlib) imports it as usual. Consulted only for modules not yet imported."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        probing = sys.modules.get("openpyxl.compat.numbers")
        if probing is None:
            return
        if hasattr(probing, "NUMPY"):  # imported without asking (numpy was there already): no longer needed
            sys.meta_path.remove(self)
        elif name == "numpy":  # openpyxl's `import numpy`, as it runs
            sys.meta_path.remove(self)
            raise ImportError(name=name)


def run(argv: list[str]) -> int:
    """Run one command line; return the exit code. Only `--debug` lets a traceback through."""
    args, lang, debug = _global_flags(argv)
    if args == ["--version"]:  # the fast path: nothing imported, not even typer (most of the start-up time)
        print(f"parindex {__version__}")
        return 0
    return _run(args, lang, debug)


def expand_globs(args: list[str]) -> list[str]:
    """`criteria\\*.yaml` as the files it matches (sorted): Windows shells pass patterns through unexpanded,
    and typer expands them only for a command line it reads itself. A pattern matching nothing stays as
    written, so the error names it."""
    import glob

    expanded: list[str] = []
    for arg in args:
        matches = sorted(glob.glob(arg)) if not arg.startswith("-") and any(c in arg for c in "*?[") else []
        expanded += matches or [arg]
    return expanded


def _run(args: list[str], lang: str | None, debug: bool) -> int:
    import typer

    if os.name == "nt":
        args = expand_globs(args)

    from parindex.common.errors import ParindexError
    from parindex.common.i18n import LANGS, set_lang
    if lang is not None and lang not in LANGS:
        from parindex.cli.render import print_error

        print_error(ParindexError("PC704", value=lang))
        return 2
    set_lang(lang)
    app = create_app(args)
    try:
        with sigterm_as_ctrl_c():
            code = app(args=args, prog_name="parindex", standalone_mode=False)
    except ParindexError as exc:
        from parindex.cli.render import print_error

        if debug:
            raise
        print_error(exc)
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except (KeyboardInterrupt, typer.Abort):
        return _stopped()
    except Exception as exc:
        from parindex.cli import usage

        if usage.is_help_request(exc):
            exc.show()  # type: ignore[attr-defined]  # click's NoArgsIsHelpError, told by name: click is not imported
            return 2
        if usage.is_usage_error(exc):  # an unknown option, a missing argument…: said in the user's language
            from parindex.cli.render import print_error, say
            from parindex.common.messages import Message

            root = typer.main.get_command(app)
            print_error(usage.usage_error(exc, root))
            say(Message("ui.usage.see_help", {"command": usage.command_path(exc, args, root)}), "dim", err=True)
            return 2
        if debug:
            raise
        from parindex.cli.render import print_error

        print_error(ParindexError("PC700", detail=f"{type(exc).__name__}: {exc}"))
        return 2
    if code == CTRL_C:  # typer turns Ctrl-C into a silent return of 130; no command of ours exits 130
        return _stopped()
    return code if isinstance(code, int) else 0


def _stopped() -> int:
    """Ctrl-C (PC705) or SIGTERM (PC745): said, exit 2."""
    from parindex.cli.render import print_error
    from parindex.common.errors import ParindexError

    print_error(ParindexError("PC745" if _terminated else "PC705"))
    return 2
