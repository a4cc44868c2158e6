"""Putting text into xlsx cells safely (openpyxl writers: score report, template, gap export).

Officers' text reaches the cells: evidence and explanations pasted from Word, unit names typed on the command
line, file names. Two things openpyxl does with such text are wrong for us: a control character (\\x0b from Word)
or a file name's bad byte makes it refuse the whole file, and text starting with '=' becomes a formula (which our
own reader would then refuse). Text stays text here, as `common.safe_text.document_text` makes it.
"""

from __future__ import annotations

from typing import Any

from parindex.common.safe_text import document_text


def cell_value(value: Any) -> Any:
    """The value as a cell can hold it: text as a document holds it (`document_text`); anything else as is."""
    return document_text(value) if isinstance(value, str) else value


def put(cell: Any, value: Any) -> Any:
    """Set a cell to `value`, text kept as text (never a formula); the cell, for styling."""
    cell.value = cell_value(value)
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell
