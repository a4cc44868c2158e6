"""The result JSON (`parindex score --format json`) as one typed contract: every key, its type and its place.

`scoring.reports` writes it, with dicts in this order for speed (`score` does not even import these models): a
test checks every written result against them, key by key and byte by byte. `gap` reads a unit's result and
`score --previous` last year's ranking through them; `parindex schema --results` exports them as a JSON Schema
(README: "The JSON contract"). Readers ignore keys they do not know, so a later addition to the contract does not
break an older reader; the keys a reader can do without have defaults, and the exported schema says which keys
parindex always writes (all of them). Numbers carry at most 2 decimals (`reports.json_number`); read, they are
exact Decimals, never text or true/false.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, AliasChoices, BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer
from pydantic_core import PydanticCustomError

from parindex.criteria.model import Role
from parindex.scoring.engine import Status as Status  # an item's status: the engine's one Literal, re-exported
from parindex.scoring.reports import json_number


def _a_number(value: object) -> object:
    """A JSON number: '94,7' written as text, or true, is refused rather than read."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise PydanticCustomError("number_type", "Input should be a number")
    return value


def _a_whole_number(value: object) -> object:
    """A whole JSON number: 3, or 3.0 as a parser may give it; never 1.5, text or true."""
    _a_number(value)
    if isinstance(value, float | Decimal):
        exact = Decimal(value)
        if exact.is_finite() and exact == exact.to_integral_value():
            return int(exact)
    return value


def _not_blank(text: str) -> str:
    if not text.strip():
        raise PydanticCustomError("blank", "Input should not be blank")
    return text


def _year(value: object) -> object:
    """A year written as a number (2020) is the year '2020'."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


_WRITTEN = PlainSerializer(json_number, return_type=float | int, when_used="json")
Quantity = Annotated[Decimal, BeforeValidator(_a_number), Field(allow_inf_nan=False), _WRITTEN]
# Points, maxima, percentages: bounded, so that rounding a result to cents cannot overflow (1e40)
Points = Annotated[Decimal, BeforeValidator(_a_number), Field(ge=-10_000, le=10_000, allow_inf_nan=False), _WRITTEN]
Whole = Annotated[int, BeforeValidator(_a_whole_number), Field(strict=True)]
Rank = Annotated[Whole, Field(ge=1)]
Name = Annotated[str, AfterValidator(_not_blank)]
# An item's value as understood: a number, yes/no, an option's label; as typed (text) when invalid; null when blank
Value = Annotated[Quantity | Annotated[bool, Field(strict=True)] | str | None, Field(union_mode="left_to_right")]


class Contract(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, json_schema_serialization_defaults_required=True)


class CriteriaRef(Contract):
    id: str
    status: str = "official"
    fingerprint: str | None = None
    provisional_values: int = 0


class ComponentResult(Contract):
    id: str = Field(validation_alias=AliasChoices("id", "code"))
    role: Role | None = None  # written since components declare roles; before, its id implied it
    score: Points
    max: Points
    full_max: Points | None = None


class AreaResult(Contract):
    code: str = Field(validation_alias=AliasChoices("code", "id"))
    name: str | None = None
    score: Points
    max: Points
    percent: Points | None = None
    rank: Rank | None = None


class AdjustmentResult(Contract):
    id: str
    role: Literal[Role.BONUS, Role.PENALTY] | None = None  # written since roles; before, the id was the role
    earned: Points
    cap: Points
    points: Points


class ItemResult(Contract):
    code: str
    area: str
    component: str | None = None  # its component's id (its role: in `components`); null in files written before it
    score: Points
    max: Points
    own_score: Points | None = None
    status: Status
    value: Value = None
    self_score: Points | None = None
    appraised: Points | None = None
    lead: str | None = None


class DifferenceResult(Contract):
    code: str
    name: str
    own: Points
    appraised: Points | None
    delta: Points


class Notice(Contract):
    code: str
    item: str | None = None
    cell: str = ""
    message: str = ""


class UnitResult(Contract):
    """One unit: the whole output for one workbook, and each of `units` for several."""

    criteria: CriteriaRef
    unit: str
    level: str = "province"
    year: Annotated[str, BeforeValidator(_year)]
    score: Points
    self_score: Points | None = None
    appraised_score: Points | None = None
    base: Points | None = None
    bonus: Points | None = None
    penalty: Points | None = None
    max: Points
    percent: Points | None = None
    components: list[ComponentResult]
    areas: list[AreaResult]
    adjustments: list[AdjustmentResult] = []
    items: list[ItemResult]
    appraisal_differences: list[DifferenceResult] = []
    warnings: list[Notice] = []
    errors: list[Notice] = []


class RankingRow(Contract):
    """A unit's place in its block: what `score --previous` reads of last year's file (a hand-written one holds
    only `unit`, `rank` and maybe `score` and `block`)."""

    block: str = ""
    rank: Rank | None  # null: left unranked, a measurement missing (its notes say which); never read as last year's
    unit: Name
    score: Points | None = None
    max: Points | None = None
    percent: Points | None = None
    band: str | None = None
    previous_rank: Rank | None = None
    rank_change: Whole | None = None
    notes: list[str] = []


class GoneRow(Contract):
    block: str
    unit: str
    rank: Rank
    score: Points | None = None


class RankingNotice(Contract):
    code: str
    cell: str = ""
    message: str = ""


class RunSet(Contract):
    id: str
    fingerprint: str


class RunBlock(Contract):
    block: str
    units: Annotated[Whole, Field(ge=0)]


class RunSurvey(Contract):
    """A survey table: `matched` of its `rows` are units of the run."""

    file: str
    matched: Annotated[Whole, Field(ge=0)]
    rows: Annotated[Whole, Field(ge=0)]


class RunPrevious(Contract):
    """A file of last year's results: `matched` of its `units` are found in this run."""

    file: str
    matched: Annotated[Whole, Field(ge=0)]
    units: Annotated[Whole, Field(ge=0)]


class RunInfo(Contract):
    """What went into the run (`scoring.run_plan.RunSummary`): what every many-unit output opens with."""

    sets: list[RunSet]
    years: list[str]
    blocks: list[RunBlock]
    surveys: list[RunSurvey] = []
    previous: list[RunPrevious] = []


class RunResult(Contract):
    """Several units, then their ranking; the run's summary first (null or absent in a result written before it)."""

    run: RunInfo | None = None
    units: list[UnitResult]
    ranking: list[RankingRow]
    ranking_notes: list[str] = []
    ranking_gone: list[GoneRow] = []
    ranking_warnings: list[RankingNotice] = []


def results_schema_text() -> str:
    """The JSON Schema of what `score --format json` writes (one unit, or several with their ranking), as
    `parindex schema --results` prints it."""
    import json

    from pydantic import TypeAdapter

    schema = TypeAdapter(UnitResult | RunResult).json_schema(mode="serialization")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "parindex score result", **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"  # keys unsorted: in the order they are written
