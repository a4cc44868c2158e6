"""Reading a JSON file we did not write (an adapter): `score --previous FILE.json`, `gap RESULT.json`.

Before the result contract (`scoring.result`) sees the data, the JSON itself is bounded: its size (as every input),
its nesting (PE313: Python's parser would end in a RecursionError) and its numbers (PE312: a 5,000-digit integer
is a ValueError in Python's parser, and `1e999999` made a whole number takes minutes). A number is read exactly
(Decimal), and one no result holds — more than `MAX_DIGITS` digits, or beyond ±10^`MAX_MAGNITUDE` — is refused
at its JSON path (`kq.json › $.ranking[3].rank`).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from parindex.common.errors import ParindexError

MAX_DEPTH = 32  # a result is six levels deep
MAX_DIGITS = 30  # digits of one number (a score is written with two decimals)
MAX_MAGNITUDE = 12  # no result holds a number of 10^12 or more


class JsonBeyond(Exception):
    """A JSON beyond what a result can be, at `loc` (keys and indexes from the top): as a coded error, `error`."""

    def __init__(self, loc: tuple[str | int, ...], error: ParindexError) -> None:
        super().__init__(error.code)
        self.loc, self.error = loc, error


def json_path(loc: tuple[str | int, ...]) -> str:
    """`$.ranking[3].rank` for ('ranking', 3, 'rank')."""
    return "$" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc)


class _Refused(str):
    """A number as written that no result holds, kept as its text until its place is known."""


def parse_json(text: str, where: str) -> Any:
    """The JSON in `text` (read from `where`), numbers as int or Decimal; json.JSONDecodeError when it is not JSON,
    JsonBeyond (PE312 a number, PE313 nesting, at its JSON path) when it is beyond what a result can be: each
    caller says either with its own code, or as it is."""
    try:
        data = json.loads(text, parse_float=_number, parse_int=_number, parse_constant=_Refused)
    except RecursionError:
        raise JsonBeyond((), ParindexError("PE313", where=f"{where} › $", limit=MAX_DEPTH)) from None
    _check(data, where)
    return data


def _number(text: str) -> Decimal | int | _Refused:
    """An int or a Decimal read from `text`, never slower than its length: too long or too large stays text."""
    digits = sum(1 for char in text if char.isdigit())
    if digits > MAX_DIGITS + 8:  # the exponent's digits aside, surely too long: never converted
        return _Refused(text)
    number = Decimal(text)
    if not number.is_finite() or len(number.as_tuple().digits) > MAX_DIGITS or (
            number and number.adjusted() >= MAX_MAGNITUDE):
        return _Refused(text)
    return int(number) if text.lstrip("-").isdigit() else number


def _check(data: Any, where: str) -> None:
    """Walk the data (without recursion: its depth is what is checked) for refused numbers and too deep nesting."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        value, loc = stack.pop()
        at = f"{where} › {json_path(loc)}"
        if isinstance(value, _Refused):
            shown = value if len(value) <= 40 else value[:39] + "…"
            raise JsonBeyond(loc, ParindexError("PE312", where=at, value=shown, digits=MAX_DIGITS,
                                                magnitude=MAX_MAGNITUDE))
        if isinstance(value, dict | list) and len(loc) >= MAX_DEPTH:
            raise JsonBeyond(loc, ParindexError("PE313", where=at, limit=MAX_DEPTH))
        if isinstance(value, dict):
            stack.extend((item, (*loc, str(key))) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((item, (*loc, index)) for index, item in reversed(list(enumerate(value))))
