"""Reading the list of units expected to send a workbook (`progress --expected FILE`; an adapter).

A text file (.txt, UTF-8) holds one name a line (blank lines and lines starting with `#` are skipped); an xlsx
workbook holds the names in the column of its first sheet headed as in the survey table (`Đơn vị`, `Tên đơn vị`,
`unit`…; PM821 without one: which column holds the names, and whether the first row is one, is not guessed), read
through the one sheet reader (`io.sheets`, `model.UNIT_LIST`).
"""

from __future__ import annotations

from pathlib import Path

from parindex.common.errors import ParindexError
from parindex.common.values import clean_text

LIST_LIMIT = 5_000_000  # bytes: a list of names, not a database


def read_unit_list(path: Path) -> list[str]:
    """The names, each once, in file order; PC723 for a file of another kind, PM820 when it holds none."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        names = _text_names(path)
    elif suffix == ".xlsx":
        names = _xlsx_names(path)
    else:
        raise ParindexError("PC723", path=str(path), suffix=path.suffix or "–")
    names = list(dict.fromkeys(names))
    if not names:
        raise ParindexError("PM820", path=str(path))
    return names


def _text_names(path: Path) -> list[str]:
    from parindex.io.input_files import decode_utf8, read_bytes

    text = decode_utf8(path, read_bytes(path, LIST_LIMIT))
    names = []
    for typed in text.splitlines():
        name = clean_text(typed).strip()
        if name and not name.startswith("#"):
            names.append(name)
    return names


def _xlsx_names(path: Path) -> list[str]:
    from parindex.evidence.model import UNIT_LIST
    from parindex.io.sheets import read_book

    table = read_book(path, UNIT_LIST).table
    assert table is not None  # the spec is one table
    names = []
    for _, values in table.rows:
        value = values["unit"]
        text = clean_text(str(value)).strip() if value is not None else ""
        if text:
            names.append(text)
    return names
