"""The criteria set: areas → criteria → items, with maxima, components and scoring rules.

The shape lives here (pydantic checks types and required fields); each rule kind's behaviour lives with the kind
(`parindex.criteria.rules`). The invariants that relate nodes to each other (sums, code positions, points within
max…) are named checks in `parindex.criteria.checks`, so each can be reported with its own stable code.
"""

from __future__ import annotations

import hashlib
import json
from abc import abstractmethod
from collections.abc import Iterator, Sequence
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal, get_args

from pydantic import Field, PrivateAttr, model_validator
from pydantic_core import PydanticCustomError

from parindex.common import values
from parindex.common.messages import Message
from parindex.criteria.fields import Bound, Points, Strict
from parindex.criteria.rule_phrases import Data, Direction
from parindex.criteria.rules import Answers, BaseRule, Rule, read_rule

Code = Annotated[str, Field(pattern=r"^[0-9]+(\.[0-9]+)*$")]
Level = Literal["province", "department", "district", "commune"]
LEVELS: tuple[str, ...] = get_args(Level)


class Role(StrEnum):
    """What a component is, and so how its items are filled and counted. self: assessed from the unit's evidence
    and appraised by the council. measured: measured by someone else and filled from the province's or the
    Ministry's table; a unit's own value is at most an estimate. bonus / penalty: outside the set's max, capped by
    the component's max, added / subtracted. The known ids imply theirs: appraised → self; survey, sipas →
    measured; bonus → bonus; penalty → penalty."""

    SELF = "self"
    MEASURED = "measured"
    BONUS = "bonus"
    PENALTY = "penalty"

    @property
    def sign(self) -> int:
        """How its points enter the total: added, or subtracted for a penalty."""
        return -1 if self is Role.PENALTY else 1

    @property
    def inside_max(self) -> bool:
        """Part of the set's max (self, measured); bonus and penalty stand outside it, each total capped at the
        component's max (Hà Nội QĐ 5666/QĐ-UBND: "điểm thưởng, điểm trừ")."""
        return self in (Role.SELF, Role.MEASURED)

    @property
    def direction(self) -> Direction:
        """How the rule's points per case count (`rules.read_rule`): added for a bonus, subtracted for a penalty,
        None where the points are earned inside the max ('trừ … mỗi …' is then a deduction from the max)."""
        return "plus" if self is Role.BONUS else "minus" if self is Role.PENALTY else None

    @property
    def filled_by_survey(self) -> bool:
        """Filled from the province's or the Ministry's table (`score --survey`), assumed by `gap`; what a unit types
        for it is at most an estimate, never its score."""
        return self is Role.MEASURED


# The roles the known component ids imply, so a set written before roles existed reads as it always did
IMPLIED_ROLES: dict[str, Role] = {"appraised": Role.SELF, "survey": Role.MEASURED, "sipas": Role.MEASURED,
                                  "bonus": Role.BONUS, "penalty": Role.PENALTY}


def role_of(component: str, declared: Role | None = None) -> Role:
    """A component's role: as declared, else as its id implies; self for an unknown id without one (a set
    `validate` refuses, PX123; or a result file written before roles were)."""
    return declared or IMPLIED_ROLES.get(component) or Role.SELF


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
    # its component's role where the set declares one its id does not imply (set by `CriteriaSet`, see `role`)
    _declared_role: Role | None = PrivateAttr(default=None)

    @property
    def role(self) -> Role:
        """Its component's role, as the set declares it (an item alone knows only the component's id)."""
        # read directly: `self._declared_role` goes through pydantic's __getattr__ (3 µs, hundreds of times a unit)
        private = self.__pydantic_private__
        return role_of(self.component, private.get("_declared_role") if private else None)

    @property
    def is_survey(self) -> bool:
        """Measured by someone else (a survey rule, or a measured component): not self-scored, a unit's own value
        at most an estimate."""
        return self.rule.survey or self.role.filled_by_survey

    @property
    def is_adjustment(self) -> bool:
        """A bonus or penalty item: outside the set's max, added or subtracted, capped by its component."""
        return not self.role.inside_max

    def rule_words(self, lang: str | None = None, answers: Answers | None = None) -> str:
        """Its rule in an annex's words, with the sign its component gives points per case ('trừ' in a penalty)."""
        return self.rule.words(self.max, lang, answers, self.role.direction)


def item_rule(words: str | None, maximum: Decimal | None, role: Role | None = None) -> Data | Message:
    """The rule an item's *Cách chấm* words state (`rules.read_rule`). Items of a measured component (survey,
    SIPAS…) are known by its role, whatever the words say: someone else measures them."""
    if role is not None and role.filled_by_survey:
        return {"kind": "survey"}
    return read_rule(words, maximum, role.direction if role is not None else None)


class Derived(Provenance):
    """A node whose maximum may be written or left to its children: absent, it is their sum; written, it is
    checked against that sum (PX101), and until the check passes the written one is what the parents add up."""

    written_max: Points | None = Field(default=None, alias="max", title="Max")

    @cached_property
    def max(self) -> Decimal:
        return self.written_max if self.written_max is not None else self.children_max()

    def children_max(self) -> Decimal:
        """The sum of the children's maxima (what `max` is when not written), without trailing zeros: 10, as a
        written `max: 10` reads, not 10.0 (the fingerprint hashes the set's maximum as text)."""
        total = sum((child.max for child in self.children()), Decimal(0))
        return values.tidy(total)

    @abstractmethod
    def children(self) -> Sequence[Item | Derived]:
        """The nodes whose maxima make this one's."""


def _in_order(criteria: Sequence[Criterion], items: Sequence[Item]) -> list[Criterion | Item]:
    """A group's criteria and items as the document has them, by code: a node without children is an item
    wherever it stands (an annex's 9.1 scored directly beside 9.2's items)."""
    if not criteria or not items:
        return [*criteria, *items]
    return sorted([*criteria, *items], key=lambda node: code_key(node.code))


def _holds_something(criteria: Sequence[Criterion], items: Sequence[Item]) -> None:
    if not criteria and not items:
        raise PydanticCustomError("criterion_children", "a criterion or an area holds criteria, items, or both")


class Criterion(Derived):
    code: Code
    name: str = Field(min_length=1)
    lead: str | None = None
    criteria: list[Criterion] = Field(default=[])  # deeper nesting, where an official set has it
    items: list[Item] = Field(default=[])

    def children(self) -> Sequence[Item | Criterion]:
        return self.nodes()

    def nodes(self) -> list[Criterion | Item]:
        """Its criteria and items in document order."""
        return _in_order(self.criteria, self.items)

    @model_validator(mode="after")
    def _has_children(self) -> Criterion:
        _holds_something(self.criteria, self.items)
        return self


class Was(Strict):
    """What an area was called or numbered in an earlier set, and the years that set scored."""

    years: list[int] = Field(min_length=1)
    code: Code | None = None
    name: str | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _named(self) -> Was:
        if self.code is None and self.name is None:
            raise PydanticCustomError("was_named", "'was' needs the area's earlier code or name (or both)")
        return self


class Area(Derived):
    code: Code
    name: str = Field(min_length=1)
    lead: str | None = None
    criteria: list[Criterion] = Field(default=[])
    items: list[Item] = Field(default=[])  # criteria an annex scores directly (a bonus content's 9.1, 9.2)
    # what it was called or numbered in earlier sets: how `gap` compares it across years
    was: list[Was] = Field(default_factory=lambda: [])

    @model_validator(mode="after")
    def _has_children(self) -> Area:
        _holds_something(self.criteria, self.items)
        return self

    @property
    def is_adjustment(self) -> bool:
        """An area of bonus and penalty items only (Hà Nội's ninth content): outside the set's max."""
        return all(item.is_adjustment for item in items_of(self))

    def children(self) -> Sequence[Criterion | Item]:
        return self.nodes()

    def nodes(self) -> list[Criterion | Item]:
        """Its criteria and items in document order."""
        return _in_order(self.criteria, self.items)

    @cached_property
    def item_leads(self) -> dict[str, str | None]:
        """Item code → its lead agency: the item's own, else the nearest criterion's above it, else the area's
        (the way a provincial plan assigns work: an area to one agency, an exception named lower down)."""
        leads: dict[str, str | None] = {}

        def under(criterion: Criterion, inherited: str | None) -> None:
            lead = criterion.lead or inherited
            for item in criterion.items:
                leads[item.code] = item.lead or lead
            for child in criterion.criteria:
                under(child, lead)

        for item in self.items:
            leads[item.code] = item.lead or self.lead
        for criterion in self.criteria:
            under(criterion, self.lead)
        return leads


class Component(Provenance):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1)
    max: Points
    written_role: Role | None = Field(default=None, alias="role", title="Role")  # the known ids imply theirs

    @property
    def role(self) -> Role:
        return role_of(self.id, self.written_role)


class Band(Provenance):
    name: str = Field(min_length=1)
    at_least: Bound  # % of the unit's maximum; checked within 0–100 by `validate` (PX171)


class CriteriaSet(Derived):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    title: str = Field(min_length=1)
    basis: str | None = None
    years: list[int] = Field(min_length=1)
    level: Level
    status: Literal["official", "reconstructed"]
    components: list[Component] = Field(min_length=1)
    areas: list[Area] = Field(min_length=1)
    # grades on the % attained, best first (Tốt ≥ 90, Khá ≥ 70…). A lambda, not `list`: pydantic reads a builtin's
    # signature by tokenizing its text, and that compiles tokenize's patterns at every start (about 2 ms)
    bands: list[Band] = Field(default_factory=lambda: [])

    @model_validator(mode="after")
    def _item_roles(self) -> CriteriaSet:
        """Each item learns its component's role where the set declares one its id does not imply. An item is
        frozen data shared by nothing but its set; one built into two sets that disagree is refused."""
        roles: dict[str, Role] = {}
        for comp in self.components:
            roles.setdefault(comp.id, comp.role)  # a duplicated id is PX120: the first one counts
        for _, item in self.items():
            role = roles.get(item.component)
            if role is None or role is item.role:
                continue
            if item._declared_role is not None:
                raise PydanticCustomError("shared_item", "item {code} belongs to another set whose component "
                                          "'{component}' has another role", {"code": item.code,
                                                                              "component": item.component})
            item._declared_role = role
        return self

    def children(self) -> Sequence[Area]:
        """The areas that make the set's max: a bonus and penalty area stands outside it."""
        return [area for area in self.areas if not area.is_adjustment]

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
        nodes: list[Provenance] = [self, *self.components, *self.bands, *self.groups()]
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
             _rule_dump(item.rule), *_role_dump(item)]
            for _, item in self.items()
        ]
        payload = json.dumps([self.id, str(self.max), scoring], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()[:12]


LATER_FIELDS = ("most",)  # rule fields added after workbooks were filled: hashed only when written
LATER_TIER_FIELDS = ("above", "below")  # the same, of a tier


def _rule_dump(rule: BaseRule) -> dict[str, object]:
    """A rule as the fingerprint hashes it: a field added later counts only when set, so filled workbooks keep
    their fingerprint."""
    dump = rule.model_dump(mode="json")
    for fields, part in ((LATER_FIELDS, dump), *((LATER_TIER_FIELDS, tier) for tier in dump.get("tiers", ()))):
        for name in fields:
            if part.get(name) is None:
                part.pop(name, None)
    return dump


def _role_dump(item: Item) -> list[str]:
    """An item's role as the fingerprint hashes it: where its component's id does not imply it (a known id's
    role is its id's, so the sets written before roles keep their fingerprint)."""
    return [] if item.component in IMPLIED_ROLES else [item.role.value]


def items_of(group: Area | Criterion) -> Iterator[Item]:
    """The items under an area or a criterion, at any depth, in document order."""
    for node in group.nodes():
        if isinstance(node, Item):
            yield node
        else:
            yield from items_of(node)


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
    """The lead agency of an item of this area (see `Area.item_leads`)."""
    return area.item_leads.get(item.code, item.lead or area.lead)
