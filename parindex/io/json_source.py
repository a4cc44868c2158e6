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


class _Refused(str):
    """A number as written that no result holds, kept as its text until its place is known."""


def parse_json(text: str, where: str) -> Any:
    """The JSON in `text` (read from `where`), numbers as int or Decimal; json.JSONDecodeError when it is not JSON
    (each caller says so with its own code), a ParindexError (PE312 a number, PE313 nesting) when it is beyond
    what a result can be."""
    try:
        data = json.loads(text, parse_float=_number, parse_int=_number, parse_constant=_Refused)
    except RecursionError:
        raise ParindexError("PE313", where=f"{where} › $", limit=MAX_DEPTH) from None
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
    stack: list[tuple[Any, str, int]] = [(data, "$", 0)]
    while stack:
        value, at, depth = stack.pop()
        if isinstance(value, _Refused):
            shown = value if len(value) <= 40 else value[:39] + "…"
            raise ParindexError("PE312", where=f"{where} › {at}", value=shown, digits=MAX_DIGITS,
                                magnitude=MAX_MAGNITUDE)
        if isinstance(value, dict | list) and depth >= MAX_DEPTH:
            raise ParindexError("PE313", where=f"{where} › {at}", limit=MAX_DEPTH)
        if isinstance(value, dict):
            stack.extend((item, f"{at}.{key}", depth + 1) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((item, f"{at}[{index}]", depth + 1) for index, item in reversed(list(enumerate(value))))
