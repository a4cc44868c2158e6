"""Shared rendering helpers of the CLI: the consoles and how an error is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from parindex.i18n import t

if TYPE_CHECKING:
    from parindex.errors import ParindexError

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def print_error(exc: ParindexError) -> None:
    err_console.print(f"[bold red]{t('ui.error')}:[/] {escape(exc.message())}", soft_wrap=True)
