"""A baseline: one year's official published results (Chỉ số CCHC), as reviewed data.

Only the shape lives here; the invariants that relate values to each other (sums to the cent, rank order,
provenance) are named checks in `parindex.baseline.files`, each with a stable PX2xx code.

Every published number is a `Sourced*` value: the value, where it was read (`source`: a key of the file's
`sources` map, a URL, or `seeds/<file> §section`) and its `status`:

- `confirmed` — appears verbatim in the cited public source;
- `derived`   — computed from confirmed numbers; `note` shows the arithmetic;
- `seed`      — stated in the province's own document (a seed), not confirmed independently.

Nothing is estimated to fill a table: an unknown value is simply absent.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

STATUSES = ("confirmed", "derived", "seed")

Points = Annotated[Decimal, Field(ge=0, allow_inf_nan=False)]
AreaCode = Annotated[str, Field(pattern=r"^[0-9]+$")]
Level = Literal["province", "department", "district", "commune"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Provenance(Strict):
    source: str = Field(min_length=1)
    status: str = Field(min_length=1)  # checked by PX203, so an `estimated` gets its own message
    note: str | None = None


class SourcedPoints(Provenance):
    value: Points


class SourcedRank(Provenance):
    value: Annotated[int, Field(ge=1)]


class SourcedCount(Provenance):
    value: Annotated[int, Field(ge=0)]


class SourcedText(Provenance):
    value: str = Field(min_length=1)


# --- what the year's framework is ---------------------------------------------------------------------

class ComponentDef(Provenance):
    """A method component of the total (thẩm định, SIPAS, điều tra XHH) and its maximum."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1)
    max: Points | None = None  # unknown for some years (2019): then sums are not checked against it


class ColumnDef(Provenance):
    """A published column that is part of a component (2020: the appraised score was published in 2 columns)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1)
    of: str


class AreaDef(Provenance):
    code: AreaCode
    name: str = Field(min_length=1)


class Group(Strict):
    """A result band (nhóm A ≥ 90 %…) and how many units fell in it."""

    id: str = Field(min_length=1)
    at_least: Decimal | None = None
    below: Decimal | None = None
    count: SourcedCount
    source: str | None = None  # where the bounds are published (the count has its own)

    def holds(self, value: Decimal) -> bool:
        """From `at_least` (included) to `below` (excluded); an open end has no bound."""
        return (self.at_least is None or value >= self.at_least) and (self.below is None or value < self.below)


class National(Strict):
    average: SourcedPoints | None = None
    groups: list[Group] = []


class Merger(Strict):
    """Units merged after this year: comparisons across `date` must say so, not match names silently."""

    date: date
    into: str = Field(min_length=1)
    members: list[str] = Field(min_length=2)
    seat: str | None = None
    source: str = Field(min_length=1)
    note: str | None = None


# --- one unit's results -------------------------------------------------------------------------------

class ComponentResult(Strict):
    score: SourcedPoints | None = None
    percent: SourcedPoints | None = None  # where a component was published as a share (2019 SIPAS 89.18 %)
    rank: SourcedRank | None = None


class AreaResult(Strict):
    code: AreaCode
    score: SourcedPoints | None = None
    percent: SourcedPoints | None = None
    rank: SourcedRank | None = None
    lead: SourcedText | None = None  # the agency the unit itself made responsible for the area


class Figure(Strict):
    """A measured figure behind a shortfall: 80.78 % of plan against a required 100 %."""

    value: Decimal
    unit: str = Field(min_length=1)
    target: Decimal | None = None


class Shortfall(Provenance):
    """A point the unit lost, as its own documents name it, mapped to an area and the agency to fix it."""

    area: AreaCode
    text: str = Field(min_length=1)
    lead: str | None = None
    figure: Figure | None = None


class Rounding(Strict):
    """The published parts of this row were rounded one by one, so they miss the total by up to `tolerance`."""

    tolerance: Annotated[Decimal, Field(gt=0, le=Decimal("0.02"))]
    note: str = Field(min_length=1)


class UnitResult(Strict):
    name: str = Field(min_length=1)
    aliases: list[str] = []
    home: bool = False  # the unit `parindex gap` reports on when no --unit is given
    total: SourcedPoints | None = None
    rank: SourcedRank | None = None
    components: dict[str, ComponentResult] = {}
    columns: dict[str, SourcedPoints] = {}
    areas: list[AreaResult] = []
    shortfalls: list[Shortfall] = []
    rounding: Rounding | None = None

    def area(self, code: str) -> AreaResult | None:
        return next((a for a in self.areas if a.code == code), None)

    def component_score(self, component_id: str) -> SourcedPoints | None:
        result = self.components.get(component_id)
        return result.score if result else None


class Baseline(Strict):
    year: int = Field(ge=2000, le=2100)
    criteria: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    title: str = Field(min_length=1)
    level: Level = "province"
    total_units: int = Field(ge=1)
    max: Points
    source: str = Field(min_length=1)
    note: str | None = None
    sources: dict[str, str] = {}
    components: list[ComponentDef] = Field(min_length=1)
    columns: list[ColumnDef] = []
    areas: list[AreaDef] = []
    national: National | None = None
    mergers: list[Merger] = []
    units: list[UnitResult] = Field(min_length=1)

    def component(self, component_id: str) -> ComponentDef | None:
        return next((c for c in self.components if c.id == component_id), None)

    def area_name(self, code: str) -> str | None:
        return next((a.name for a in self.areas if a.code == code), None)

    def band_of(self, total: Decimal) -> str | None:
        """The published group (nhóm A, B…) whose band holds `total` as a % of the year's max; None when the year
        publishes no groups."""
        if not self.max or self.national is None:
            return None
        percent = total * 100 / self.max
        return next((group.id for group in self.national.groups if group.holds(percent)), None)

    def home_unit(self) -> UnitResult | None:
        return next((u for u in self.units if u.home), None)

    def source_text(self, ref: str) -> str:
        """What a `source:` reference points at (a key of `sources`, or the reference itself)."""
        return self.sources.get(ref, ref)
