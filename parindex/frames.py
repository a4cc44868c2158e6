"""Score results and the official baselines as pandas DataFrames, for notebooks (README: "parindex in Python").

pandas is imported here and nowhere else, and only `parindex.api` imports this module: the command line never
loads it (`.importlinter` forbids the chain; a test runs `parindex score` and looks).

Every column is declared below with the key of the contract it shows (`scoring.result` for results, `baseline.model`
for baselines), so a test can hold the frames to the contracts. The dtypes are a choice, the same for every frame:

* points, maxima and percentages: `object` columns holding `Decimal` — exact, as the JSON and the core have them
  (85.58 stays 85.58, and a sum of them is exact); `.astype(float)` where a chart wants floats;
* ranks and changes: pandas' nullable `Int64`, so that a unit new this year has `<NA>`, not a float NaN;
* text: pandas' `string` dtype, names as written (Vietnamese, with their accents, never folded);
* an item's value: `object` (a Decimal, True/False, an option's label, or the text as typed);
* whatever is missing (a blank value, a total not published, a unit new this year): `<NA>` (pd.NA) in every column.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import pandas as pd

from parindex.baseline.model import Baseline, SourcedPoints, SourcedRank
from parindex.baseline.model import UnitResult as BaselineUnit
from parindex.scoring.result import RankingRow, RunResult, UnitResult

POINTS, WHOLE, TEXT, ANY = "object", "Int64", "string", "object"


class Column(NamedTuple):
    name: str
    key: str  # what it shows: `Model.field` of the contract (a count of a list, for errors and warnings)
    dtype: str


# One row per unit, in the ranking's order. For a one-unit file (no ranking) score, max and percent are the unit's.
RUN_HEAD = (Column("block", "RankingRow.block", TEXT), Column("rank", "RankingRow.rank", WHOLE),
            Column("unit", "RankingRow.unit", TEXT), Column("score", "RankingRow.score", POINTS),
            Column("max", "RankingRow.max", POINTS), Column("percent", "RankingRow.percent", POINTS),
            Column("band", "RankingRow.band", TEXT), Column("previous_rank", "RankingRow.previous_rank", WHOLE),
            Column("rank_change", "RankingRow.rank_change", WHOLE))
# then one column per area every unit has (`area_1`…: its points, AreaResult.score), then
RUN_TAIL = (Column("year", "UnitResult.year", TEXT), Column("level", "UnitResult.level", TEXT),
            Column("criteria", "CriteriaRef.id", TEXT), Column("errors", "UnitResult.errors", WHOLE),
            Column("warnings", "UnitResult.warnings", WHOLE), Column("notes", "RankingRow.notes", TEXT))

# One row per unit and item, in the set's order
ITEM_COLUMNS = (Column("unit", "UnitResult.unit", TEXT), Column("code", "ItemResult.code", TEXT),
                Column("area", "ItemResult.area", TEXT), Column("component", "ItemResult.component", TEXT),
                Column("role", "ComponentResult.role", TEXT), Column("status", "ItemResult.status", TEXT),
                Column("value", "ItemResult.value", ANY), Column("score", "ItemResult.score", POINTS),
                Column("max", "ItemResult.max", POINTS), Column("own_score", "ItemResult.own_score", POINTS),
                Column("self_score", "ItemResult.self_score", POINTS),
                Column("appraised", "ItemResult.appraised", POINTS), Column("lead", "ItemResult.lead", TEXT))

# One row per year and unit; each published value with its status and its source (the document's address)
BASELINE_HEAD = (Column("year", "Baseline.year", WHOLE), Column("level", "Baseline.level", TEXT),
                 Column("unit", "UnitResult.name", TEXT), Column("max", "Baseline.max", POINTS))


def sourced(name: str, key: str, dtype: str) -> tuple[Column, ...]:
    """A published value and where it comes from: `total`, `total_status`, `total_source`."""
    return (Column(name, f"{key}.value", dtype), Column(f"{name}_status", f"{key}.status", TEXT),
            Column(f"{name}_source", f"{key}.source", TEXT))


BASELINE_VALUES = (*sourced("total", "UnitResult.total", POINTS), *sourced("rank", "UnitResult.rank", WHOLE),
                   Column("band", "National.groups", TEXT))  # the year's published group whose band holds the total


def area_column(code: str) -> str:
    return f"area_{code}"


def run_columns(areas: Iterable[str]) -> tuple[Column, ...]:
    return (*RUN_HEAD, *(Column(area_column(code), "AreaResult.score", POINTS) for code in areas), *RUN_TAIL)


def baseline_columns(areas: Iterable[str]) -> tuple[Column, ...]:
    return (*BASELINE_HEAD, *BASELINE_VALUES,
            *(column for code in areas for column in sourced(area_column(code), "AreaResult.score", POINTS)))


def frame(columns: Sequence[Column], rows: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """The rows (dicts by column name) as a DataFrame of these columns and dtypes; whatever is missing (a key left
    out, None) is pandas' NA in every column, shown `<NA>`."""
    return pd.DataFrame({column.name: pd.Series([_missing(row.get(column.name)) for row in rows], dtype=column.dtype)
                         for column in columns})


def _missing(value: object) -> object:
    return pd.NA if value is None else value


# --- a score result -------------------------------------------------------------------------------------

def run_frame(result: UnitResult | RunResult) -> pd.DataFrame:
    units = result.units if isinstance(result, RunResult) else [result]
    ranking = result.ranking if isinstance(result, RunResult) else []
    by_name = {unit.unit: unit for unit in units}
    ranked = {row.unit for row in ranking}
    rows = [_ranked(row, by_name.get(row.unit)) for row in ranking]
    rows += [_unranked(unit) for unit in units if unit.unit not in ranked]
    areas = shared_areas(units)
    table = frame(run_columns(areas), rows)
    table.attrs["areas"] = areas  # code → name
    return table


def shared_areas(units: Sequence[UnitResult]) -> dict[str, str | None]:
    """The areas (code → name) every unit has under one name: a column `area_3` means one area on every row (a
    department set and a commune set may number theirs differently)."""
    if not units:
        return {}
    common = set.intersection(*({(area.code, area.name) for area in unit.areas} for unit in units))
    return {area.code: area.name for area in units[0].areas if (area.code, area.name) in common}


def _ranked(row: RankingRow, unit: UnitResult | None) -> dict[str, Any]:
    values = {"block": row.block, "rank": row.rank, "unit": row.unit, "score": row.score, "max": row.max,
              "percent": row.percent, "band": row.band, "previous_rank": row.previous_rank,
              "rank_change": row.rank_change, "notes": "; ".join(row.notes)}
    return {**(_unit_values(unit) if unit else {}), **values}


def _unranked(unit: UnitResult) -> dict[str, Any]:
    return {**_unit_values(unit), "unit": unit.unit, "score": unit.score, "max": unit.max, "percent": unit.percent}


def _unit_values(unit: UnitResult) -> dict[str, Any]:
    return {"year": unit.year, "level": unit.level, "criteria": unit.criteria.id, "errors": len(unit.errors),
            "warnings": len(unit.warnings), **{area_column(area.code): area.score for area in unit.areas}}


def items_frame(result: UnitResult | RunResult) -> pd.DataFrame:
    units = result.units if isinstance(result, RunResult) else [result]
    rows = []
    for unit in units:
        roles = {component.id: component.role for component in unit.components}
        for item in unit.items:
            role = roles.get(item.component or "")
            rows.append({**item.model_dump(), "unit": unit.unit, "role": role.value if role else None})
    return frame(ITEM_COLUMNS, rows)


# --- the official baselines -------------------------------------------------------------------------------

def baselines_frame(baselines: Iterable[Baseline]) -> pd.DataFrame:
    rows, codes = [], set()
    for base in baselines:
        for unit in base.units:
            rows.append(_baseline_row(base, unit))
        codes |= {area.code for area in base.areas}
    return frame(baseline_columns(sorted(codes, key=int)), rows)  # area codes are numbers (baseline.model)


def _baseline_row(base: Baseline, unit: BaselineUnit) -> dict[str, Any]:
    row: dict[str, Any] = {"year": base.year, "level": base.level, "unit": unit.name, "max": base.max,
                           **_value("total", unit.total, base), **_value("rank", unit.rank, base),
                           "band": base.band_of(unit.total.value) if unit.total else None}
    for area in unit.areas:
        row.update(_value(area_column(area.code), area.score, base))
    return row


def _value(name: str, value: SourcedPoints | SourcedRank | None, base: Baseline) -> dict[str, object]:
    if value is None:
        return {}
    return {name: value.value, f"{name}_status": value.status, f"{name}_source": base.source_text(value.source)}

