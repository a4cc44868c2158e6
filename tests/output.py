"""Reading what a command said rather than how it was laid out: a test that compares output fails only when what is
said changes, never because a line broke elsewhere (a longer temporary path, another terminal width)."""

from __future__ import annotations


def said(text: str) -> str:
    """`text` with every run of whitespace as one space: a line break, a table cell's padding, an indent."""
    return " ".join(text.split())
