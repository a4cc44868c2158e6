"""The criteria set: areas → criteria → items, with maxima, components and scoring rules.

Only the shape lives here (pydantic checks types and required fields). The invariants that relate
nodes to each other (sums, code positions, tier order…) are named checks in `parindex.criteria.checks`, so each
can be reported with its own stable code.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

# Bounded in size and in decimals (1e-99999999 is a small number with a hundred million digits to print)
Points = Annotated[Decimal, Field(ge=0, le=10_000, decimal_places=4, allow_inf_nan=False)]
Bound = Annotated[Decimal, Field(ge=-1_000_000_000, le=1_000_000_000, decimal_places=4, allow_inf_nan=False)]
Code = Annotated[str, Field(pattern=r"^[0-9]+(\.[0-9]+)*$")]
Level = Literal["province", "department", "district", "commune"]
SURVEY_COMPONENTS = frozenset({"survey", "sipas"})  # assessed by the Ministry, not self-scored


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- rules: a closed set, told apart by `kind`; nothing in them is ever evaluated as code -----------

class YesNoRule(Strict):
    kind: Literal["yes_no"]
    yes_points: Points | None = None  # default: the item's max
    no_points: Points = Decimal(0)


class ChoiceOption(Strict):
    label: str = Field(min_length=1)
    points: Points


class ChoiceRule(Strict):
    kind: Literal["choice"]
    options: list[ChoiceOption] = Field(min_length=2)


class Tier(Strict):
    at_least: Bound | None = None
    at_most: Bound | None = None
    points: Points

    @model_validator(mode="after")
    def _one_bound(self) -> Tier:
        if (self.at_least is None) == (self.at_most is None):
            raise PydanticCustomError("tier_bound", "a tier needs exactly one of at_least / at_most")
        return self


class ThresholdRule(Strict):
    kind: Literal["threshold"]
    unit: Literal["percent", "number"]
    tiers: list[Tier] = Field(min_length=1)


class ProportionalRule(Strict):
    kind: Literal["proportional"]
    unit: Literal["percent", "number"]
    target: Annotated[Decimal, Field(gt=0, le=1_000_000_000, allow_inf_nan=False)]


class DeductionRule(Strict):
    kind: Literal["deduction"]
    per: Annotated[Decimal, Field(gt=0, le=10_000, allow_inf_nan=False)]


class SurveyRule(Strict):
    kind: Literal["survey"]


class ManualRule(Strict):
    kind: Literal["manual"]


Rule = Annotated[
    YesNoRule | ChoiceRule | ThresholdRule | ProportionalRule | DeductionRule | SurveyRule | ManualRule,
    Field(discriminator="kind"),
]


# --- the tree ---------------------------------------------------------------------------------------

class Provenance(Strict):
    source: str | None = None
    provisional: bool = False
    note: str | None = None


class Item(Provenance):
    """A sub-criterion (tiêu chí thành phần): the unit of scoring."""

    code: Code
    name: str = Field(min_length=1)
    max: Points
    component: str
    rule: Rule
    evidence: str | None = None
    lead: str | None = None
    not_applicable: bool = False  # the workbook may mark it N/A, which removes its max


class Criterion(Provenance):
    code: Code
    name: str = Field(min_length=1)
    max: Points
    lead: str | None = None
    criteria: list[Criterion] = []  # deeper nesting, where an official set has it
    items: list[Item] = []

    @model_validator(mode="after")
    def _has_children(self) -> Criterion:
        if bool(self.criteria) == bool(self.items):
            raise PydanticCustomError("criterion_children",
                                      "a criterion holds either items or criteria (one of them, not both)")
        return self


class Area(Provenance):
    code: Code
    name: str = Field(min_length=1)
    max: Points
    lead: str | None = None
    criteria: list[Criterion] = Field(min_length=1)


class Component(Provenance):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1)
    max: Points


class Cap(Provenance):
    """A capped bonus (điểm thưởng) or penalty (điểm trừ) outside the tree."""

    name: str = Field(min_length=1)
    max: Points


class CriteriaSet(Provenance):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    title: str = Field(min_length=1)
    basis: str | None = None
    years: list[int] = Field(min_length=1)
    level: Level
    status: Literal["official", "reconstructed"]
    max: Points
    components: list[Component] = Field(min_length=1)
    areas: list[Area] = Field(min_length=1)
    bonus: Cap | None = None
    penalty: Cap | None = None

    def items(self) -> tuple[tuple[Area, Item], ...]:
        """Every item with the area it belongs to, in document order."""
        return self._items

    @cached_property
    def _items(self) -> tuple[tuple[Area, Item], ...]:  # the set is frozen: walked once, not once per workbook
        return tuple((area, item) for area in self.areas for item in items_of(area))

    def groups(self) -> Iterator[Area | Criterion]:
        """Every area and criterion (at any depth): the nodes that hold items rather than being scored."""
        for area in self.areas:
            yield area
            yield from _criteria_of(area.criteria)

    def item_by_code(self) -> dict[str, Item]:
        return self._item_by_code

    @cached_property
    def _item_by_code(self) -> dict[str, Item]:
        return {item.code: item for _, item in self.items()}

    @cached_property
    def group_codes(self) -> frozenset[str]:
        """Codes of the areas and criteria: rows a workbook may carry that are not scored."""
        return frozenset(group.code for group in self.groups())

    def provisional_count(self) -> int:
        return self._provisional_count

    @cached_property
    def _provisional_count(self) -> int:
        nodes: list[Provenance] = [self, *self.components, *self.groups()]
        nodes += [cap for cap in (self.bonus, self.penalty) if cap is not None]  # as PX117 counts them
        nodes += [item for _, item in self.items()]
        return sum(1 for node in nodes if node.provisional)

    def fingerprint(self) -> str:
        """A short hash of what scoring depends on (codes, maxima, components, rules, N/A).

        Names, sources and notes are left out, so correcting a typo does not orphan filled workbooks.
        """
        return self._fingerprint

    @cached_property
    def _fingerprint(self) -> str:  # the set is frozen: hash it once, not once per workbook
        scoring = [
            [item.code, str(item.max), item.component, item.not_applicable,
             item.rule.model_dump(mode="json")]
            for _, item in self.items()
        ]
        payload = json.dumps([self.id, str(self.max), scoring], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()[:12]


def items_of(group: Area | Criterion) -> Iterator[Item]:
    """The items under an area or a criterion, at any depth, in document order."""
    if isinstance(group, Criterion):
        yield from group.items
    for child in group.criteria:
        yield from items_of(child)


def _criteria_of(criteria: list[Criterion]) -> Iterator[Criterion]:
    for criterion in criteria:
        yield criterion
        yield from _criteria_of(criterion.criteria)


def code_key(code: str) -> tuple[int, ...]:
    """A code as numbers, for sorting 1.10 after 1.9; a code that is not numbers sorts last."""
    try:
        return tuple(int(part) for part in code.split("."))
    except ValueError:
        return (10**9,)


def effective_lead(area: Area, item: Item) -> str | None:
    return item.lead or area.lead
