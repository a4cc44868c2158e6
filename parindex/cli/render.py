"""Shared rendering helpers of the CLI: consoles, errors, the reconstructed-set banner."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from parindex.i18n import t

if TYPE_CHECKING:
    from parindex.criteria import CriteriaSet
    from parindex.errors import ParindexError

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def print_error(exc: ParindexError) -> None:
    err_console.print(f"[bold red]{t('ui.error')}:[/] {escape(exc.message())}", soft_wrap=True)


def provenance_banner(cset: CriteriaSet) -> str | None:
    """The warning every output carries when a set is reconstructed or holds provisional values."""
    count = cset.provisional_count()
    if cset.status == "reconstructed":
        return t("ui.reconstructed", id=cset.id, n=count)
    if count:
        return t("ui.provisional_only", id=cset.id, n=count)
    return None
