"""Last year's ranking (`score --previous FILE`), read in one of two shapes:

* JSON: an earlier many-unit `score --format json`, or the same shape written by hand from the published decision —
  `{"ranking": [{"unit": …, "rank": …, "score": …}, …]}` — each row read through the result contract
  (`scoring.result.RankingRow`); every problem a coded error at its JSON path (`ket-qua-2025.json › $.ranking[3].rank`).
* A table typed from the ranking the province published (.xlsx, or .csv as Excel saves it): columns Đơn vị, Điểm,
  Xếp hạng, Khối and Năm optional, found by their header words below any title rows (`evidence.model
  .PUBLISHED_RANKING`, read by the one sheet reader); a bad cell is PS575 at its cell (`kq.xlsx › Sheet1!C5`,
  `kq.csv:5`)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from json import JSONDecodeError
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from parindex.common.errors import ParindexError
from parindex.common.tables import is_blank
from parindex.common.unit_names import name_key
from parindex.common.values import RawValue, ValueProblem, clean_text, parse_count, parse_quantity, show
from parindex.evidence.model import PUBLISHED_RANKING
from parindex.io.input_files import read_bytes
from parindex.io.json_source import JsonBeyond, parse_json
from parindex.io.sheets import read_book, read_csv_table
from parindex.scoring.ranking import PreviousRow, block_key
from parindex.scoring.result import RankingRow

MAX_BYTES = 50_000_000  # a ranking of every commune in the country is a few megabytes
CSV_BYTES = 5_000_000  # a typed table of every commune in the country is under one
WORKBOOKS = (".xlsx", ".xlsm")
# What each key of a ranking row must be, as PS572 says it (a row that is not an object: "{…}")
EXPECTED = {"": "{…}", "block": "text", "rank": "1, 2, 3…", "unit": "text", "score": "0–100", "max": "0–100",
            "percent": "0–100", "band": "text", "previous_rank": "1, 2, 3…", "rank_change": "…, -1, 0, 1, …",
            "notes": "[text, …]"}
# What each cell of a typed table takes, as PS575 says it
TYPED = {"unit": "Sở Tư pháp", "score": "94,7 · 94.7 · 95", "rank": "1 · 2 · 3…", "year": "2025"}
HEADERS = {column.key: column.header for column in PUBLISHED_RANKING.sheets[0].columns}
FIRST_YEAR, LAST_YEAR = 2000, 2100  # a year a ranking was published in


def read_previous(path: Path) -> list[PreviousRow]:
    """Last year's rows, by the file's suffix: a workbook or a CSV is a typed table, anything else JSON. Two rows of
    one unit in one block are PS573."""
    suffix = path.suffix.lower()
    if suffix in WORKBOOKS or suffix == ".csv":
        rows = _table_rows(path, suffix == ".csv")
        _refuse_twice(rows, lambda row: row.where)
    else:
        rows = _json_rows(path)
        _refuse_twice(rows, lambda row: f"{row.where}.unit")
    return rows


def _refuse_twice(rows: list[PreviousRow], unit_at: Callable[[PreviousRow], str]) -> None:
    seen: dict[tuple[str, str], PreviousRow] = {}
    for row in rows:
        key = (block_key(row.block), name_key(row.unit, "commune"))
        if key in seen:
            raise ParindexError("PS573", where=unit_at(row), unit=row.unit, first=seen[key].where)
        seen[key] = row


def _json_rows(path: Path) -> list[PreviousRow]:
    raw = read_bytes(path, MAX_BYTES)  # missing, a folder, unreadable or too big: said as for every input
    try:
        data = parse_json(raw.decode("utf-8-sig"), str(path))
    except JsonBeyond as beyond:
        raise beyond.error from None
    except UnicodeDecodeError:
        raise ParindexError("PS570", where=str(path), line=1, col=1, problem="UTF-8") from None
    except JSONDecodeError as exc:
        raise ParindexError("PS570", where=str(path), line=exc.lineno, col=exc.colno, problem=exc.msg) from None
    ranking = data.get("ranking") if isinstance(data, dict) else None
    if not isinstance(ranking, list):
        raise ParindexError("PS571", where=f"{path} › $.ranking", problem=type(ranking).__name__)
    years = _years(data)
    rows = [_row(path, index, entry, years) for index, entry in enumerate(ranking)]
    return [row for row in rows if row is not None]


def _years(data: dict[str, Any]) -> dict[str, str]:
    """The year each unit of the file was scored for, by name, as its `units` say (a hand-written file may not)."""
    units = data.get("units")
    return {str(unit.get("unit", "")): str(unit.get("year", "")) for unit in units if isinstance(unit, dict)} \
        if isinstance(units, list) else {}


def _row(path: Path, index: int, entry: Any, years: dict[str, str]) -> PreviousRow | None:
    """A row read through the contract's `RankingRow` (PS572 at the key it refuses); a score or a percent below 0
    is refused too, as no ranking publishes one. None for a unit that was left unranked: it had no rank."""
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
    if row.rank is None:
        return None
    return PreviousRow(row.unit.strip(), row.rank, row.score, row.percent, row.block.strip(), str(path), where,
                       years.get(row.unit, ""))


def _table_rows(path: Path, is_csv: bool) -> list[PreviousRow]:
    """The rows of a typed table; a row naming a unit with neither a score nor a rank (a section title, a note) is
    not one."""
    table = read_csv_table(path, PUBLISHED_RANKING, CSV_BYTES) if is_csv else read_book(path, PUBLISHED_RANKING).table
    assert table is not None  # the spec is one table

    def place(key: str, row: int) -> str:
        return f"{path}:{row}" if is_csv else f"{path} › {table.ref(key, row)}"

    rows = []
    for row, values in table.rows:
        if is_blank(values.get("rank")) and is_blank(values.get("score")):
            continue
        read = _TypedRow(row, values, place)
        rank = read.number("rank", parse_count)
        if rank < 1:
            raise read.refused("rank")
        year = None if is_blank(values.get("year")) else read.number("year", parse_count)
        if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
            raise read.refused("year")
        score = None if is_blank(values.get("score")) else read.number("score", parse_quantity)
        rows.append(PreviousRow(read.text("unit"), int(rank), score, None, read.text("block", blank=True), str(path),
                                place("unit", row), "" if year is None else str(int(year))))
    return rows


class _TypedRow:
    """One row of a typed table, each cell read or refused (PS575) at its place."""

    def __init__(self, row: int, values: dict[str, RawValue], place: Callable[[str, int], str]) -> None:
        self.row, self.values, self.place = row, values, place

    def refused(self, key: str) -> ParindexError:
        raw = self.values.get(key)
        return ParindexError("PS575", where=self.place(key, self.row), column=HEADERS[key],
                             value="–" if is_blank(raw) else show(raw), expected=TYPED[key])

    def number(self, key: str, parse: Callable[[RawValue], Decimal]) -> Decimal:
        try:
            return parse(self.values.get(key))
        except ValueProblem:
            raise self.refused(key) from None

    def text(self, key: str, blank: bool = False) -> str:
        raw = self.values.get(key)
        if is_blank(raw):
            if blank:
                return ""
            raise self.refused(key)
        return clean_text(str(raw)).strip()
