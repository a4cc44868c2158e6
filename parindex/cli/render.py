"""Shared rendering helpers of the CLI: the consoles and how an error is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from parindex.common.i18n import t

if TYPE_CHECKING:
    from parindex.common.errors import ParindexError

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)
FILE_WIDTH = 140  # tables written to a file (-o) are laid out for this many columns


def file_console() -> Console:
    """A console that records plain text for a file: `export_text()` once the tables are printed to it."""
    import io

    return Console(record=True, width=FILE_WIDTH, file=io.StringIO(), highlight=False, color_system=None)


def print_error(exc: ParindexError) -> None:
    err_console.print(f"[bold red]{t('ui.error')}:[/] {escape(exc.msg.line())}", soft_wrap=True)
