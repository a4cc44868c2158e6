"""Putting text into xlsx cells safely (openpyxl writers: score report, template, gap export).

Officers' text reaches the cells: evidence and explanations pasted from Word, unit names typed on the command
line. Two things openpyxl does with such text are wrong for us: a control character (\\x0b from Word) makes it
refuse the whole file (IllegalCharacterError), and text starting with '=' becomes a formula (which our own
reader would then refuse). Text stays text here, without the characters XML cannot hold.
"""

from __future__ import annotations

import re
from typing import Any

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # the control characters XML 1.0 cannot carry


def cell_value(value: Any) -> Any:
    """The value as a cell can hold it: text without XML-illegal control characters; anything else as is."""
    return _ILLEGAL.sub("", value) if isinstance(value, str) else value


def put(cell: Any, value: Any) -> Any:
    """Set a cell to `value`, text kept as text (never a formula); the cell, for styling."""
    cell.value = cell_value(value)
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell


def append(sheet: Any, values: list[Any]) -> None:
    """`sheet.append`, with every value put as `put` puts it."""
    sheet.append([cell_value(value) for value in values])
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"
