"""Shared rendering helpers of the CLI: the consoles, and how a message and an error are said."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from parindex.common.i18n import t
from parindex.common.messages import Message
from parindex.io.screen import Screen, fitted, quoted, recorder

if TYPE_CHECKING:
    from rich.text import Text

    from parindex.common.errors import ParindexError

# laid out for the terminal they write to; in a pipe or a file, at natural width (parindex.io.screen)
console = Screen(highlight=False)
err_console = Screen(stderr=True, highlight=False)


def file_console() -> Screen:
    """A console that records plain text for a file: `export_text()` once the tables are printed to it."""
    return recorder()


def say(message: Message | str, style: str = "", *, err: bool = False, head: Text | str = "") -> None:
    """Print one message (done, warning, error, hint) whole: one line in a pipe or a file; on a terminal wrapped
    between words, never inside a value it names. A Message says its text (a text key) or its line (place and code
    first); `head` goes before it (a mark, a label)."""
    from rich.text import Text

    target = err_console if err else console
    whole = quoted(message) if isinstance(message, Message) else []
    if isinstance(message, Message):
        message = message.text() if message.code.startswith("ui.") else message.line()
    text = Text.assemble(head, message, style=style)
    target.print(fitted(text, target.width, whole), soft_wrap=True)


def say_subfolders(folders: Sequence[Path]) -> None:
    """The folders inside the given ones that hold workbooks and were not entered (`Collected.folders_not_read`)."""
    if folders:
        say(Message("ui.score.subfolders", {"folders": [str(path) for path in folders]}), "yellow", err=True,
            head="⚠ ")


def print_error(exc: ParindexError) -> None:
    from rich.text import Text

    say(exc.msg, err=True, head=Text(f"{t('ui.error')}: ", style="bold red"))
