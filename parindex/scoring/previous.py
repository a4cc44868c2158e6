"""Last year's ranking (`score --previous FILE.json`): an earlier many-unit `score --format json`, or the same
shape written by hand from the published decision — `{"ranking": [{"unit": …, "rank": …, "score": …}, …]}` —
each row read through the result contract (`scoring.result.RankingRow`).

Every problem is a coded error at its JSON path (`ket-qua-2025.json › $.ranking[3].rank`)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from parindex.common.errors import ParindexError
from parindex.common.unit_names import name_key
from parindex.io.input_files import read_bytes
from parindex.scoring.ranking import PreviousRow, block_key
from parindex.scoring.result import RankingRow

MAX_BYTES = 50_000_000  # a ranking of every commune in the country is a few megabytes
# What each key of a ranking row must be, as PS572 says it (a row that is not an object: "{…}")
EXPECTED = {"": "{…}", "block": "text", "rank": "1, 2, 3…", "unit": "text", "score": "0–100", "max": "0–100",
            "percent": "0–100", "band": "text", "previous_rank": "1, 2, 3…", "rank_change": "…, -1, 0, 1, …",
            "notes": "[text, …]"}


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
    """A row read through the contract's `RankingRow` (PS572 at the key it refuses); a score or a percent below 0
    is refused too, as no ranking publishes one."""
    where = f"{path} › $.ranking[{index}]"
    try:
        row = RankingRow.model_validate(entry)
    except ValidationError as exc:
        loc = exc.errors(include_url=False)[0]["loc"]
        field = str(loc[0]) if loc else ""
        raise ParindexError("PS572", where=f"{where}.{field}" if field else where, field=field,
                            expected=EXPECTED[field]) from None
    for key, value in (("score", row.score), ("percent", row.percent)):
        if value is not None and value < 0:
            raise ParindexError("PS572", where=f"{where}.{key}", field=key, expected=EXPECTED[key])
    return PreviousRow(row.unit.strip(), row.rank, row.score, row.percent, row.block.strip(), str(path), where)
