"""Last year's ranking (`score --previous FILE.json`): an earlier many-unit `score --format json`, or the same
shape written by hand from the published decision — `{"ranking": [{"unit": …, "rank": …, "score": …}, …]}`.

Every problem is a coded error at its JSON path (`ket-qua-2025.json › $.ranking[3].rank`)."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from parindex.common.errors import ParindexError
from parindex.common.unit_names import name_key
from parindex.io.input_files import read_bytes
from parindex.scoring.ranking import PreviousRow, block_key

MAX_BYTES = 50_000_000  # a ranking of every commune in the country is a few megabytes


def read_previous(path: Path) -> list[PreviousRow]:
    raw = read_bytes(path, MAX_BYTES)  # missing, a folder, unreadable or too big: said as for every input
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_float=Decimal)
    except UnicodeDecodeError:
        raise ParindexError("PS570", where=str(path), line=1, col=1, problem="UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ParindexError("PS570", where=str(path), line=exc.lineno, col=exc.colno, problem=exc.msg) from None
    ranking = data.get("ranking") if isinstance(data, dict) else None
    if not isinstance(ranking, list):
        raise ParindexError("PS571", where=f"{path} › $.ranking", problem=type(ranking).__name__)
    rows = [_row(path, index, entry) for index, entry in enumerate(ranking)]
    seen: dict[tuple[str, str], PreviousRow] = {}
    for row in rows:
        key = (block_key(row.block), name_key(row.unit, "commune"))
        if key in seen:
            raise ParindexError("PS573", where=f"{row.where}.unit", unit=row.unit, first=seen[key].where)
        seen[key] = row
    return rows


def _row(path: Path, index: int, entry: Any) -> PreviousRow:
    where = f"{path} › $.ranking[{index}]"
    if not isinstance(entry, dict):
        raise ParindexError("PS572", where=where, field="", expected="{…}")
    unit = entry.get("unit")
    if not isinstance(unit, str) or not unit.strip():
        raise ParindexError("PS572", where=f"{where}.unit", field="unit", expected="text")
    rank = entry.get("rank")
    if isinstance(rank, Decimal) and rank == rank.to_integral_value():
        rank = int(rank)
    if isinstance(rank, bool) or not isinstance(rank, int) or rank < 1:
        raise ParindexError("PS572", where=f"{where}.rank", field="rank", expected="1, 2, 3…")
    block = entry.get("block", "")
    if not isinstance(block, str):
        raise ParindexError("PS572", where=f"{where}.block", field="block", expected="text")
    return PreviousRow(unit.strip(), rank, _number(entry, "score", where), _number(entry, "percent", where),
                       block.strip(), str(path), where)


def _number(entry: dict[str, Any], key: str, where: str) -> Decimal | None:
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ParindexError("PS572", where=f"{where}.{key}", field=key, expected="0–100")
    try:
        number = Decimal(value)
    except InvalidOperation:  # pragma: no cover - json gives only int and Decimal here
        raise ParindexError("PS572", where=f"{where}.{key}", field=key, expected="0–100") from None
    if number < 0:
        raise ParindexError("PS572", where=f"{where}.{key}", field=key, expected="0–100")
    return number
