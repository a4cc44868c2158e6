"""The README's table of error codes, generated from the message catalogue (`parindex/catalogue/`).

    python tests/catalogue_table.py          # print the table
    python tests/catalogue_table.py --write  # rewrite the table inside README.md's troubleshooting section

`tests/common/test_troubleshooting.py` fails when the README's table and the catalogue disagree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
START, END = "<!-- errors:start -->", "<!-- errors:end -->"
ERROR_CODE = re.compile(r"P[A-Z][0-9]{3}")
HEADER = ["| Mã / Code | Thoát / Exit | Tiếng Việt | English |", "|---|---|---|---|"]


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


def table_lines() -> list[str]:
    """One row per error code of the catalogue, sorted by code."""
    sys.path.insert(0, str(REPO))
    from parindex.common.catalogue import MESSAGES

    rows = [f"| `{code}` | {msg.exit} | {_cell(msg.vi)} | {_cell(msg.en)} |"
            for code, msg in sorted(MESSAGES.items()) if ERROR_CODE.fullmatch(code) and msg.exit is not None]
    return HEADER + rows


def section(text: str) -> tuple[int, int]:
    """Start and end offsets of the troubleshooting section's body in the README text."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"README.md has no {START} … {END} section")
    return start + len(START), end


def _table_span(lines: list[str]) -> tuple[int, int] | None:
    """First and past-last index of the error table (found by its header row) in the section's lines."""
    first = next((k for k, line in enumerate(lines) if line.rstrip() == HEADER[0]), None)
    if first is None:
        return None
    last = first
    while last < len(lines) and lines[last].startswith("|"):
        last += 1
    return first, last


def readme_table(text: str) -> list[str]:
    """The error table's lines as the README has them (empty when it has none)."""
    start, end = section(text)
    lines = text[start:end].splitlines()
    span = _table_span(lines)
    return [line.rstrip() for line in lines[span[0]:span[1]]] if span else []


def write() -> bool:
    """Replace (or add, at the end of the section) the error table; True when README.md changed."""
    text = README.read_text(encoding="utf-8")
    start, end = section(text)
    lines = text[start:end].splitlines()
    span = _table_span(lines)
    if span is None:
        lines = [*lines, *table_lines(), ""]
    else:
        lines[span[0]:span[1]] = table_lines()
    new = text[:start] + "\n".join(lines) + "\n" + text[end:]
    if new != text:
        README.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    if "--write" in sys.argv[1:]:
        print("README.md updated" if write() else "README.md already up to date")
    else:
        print("\n".join(table_lines()))
