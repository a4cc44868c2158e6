"""The criteria set: areas → criteria → items, with maxima, components and scoring rules.

The shape lives here (pydantic checks types and required fields), and each rule kind's behaviour: how it
reads and scores a value, its best, its words, what the template offers, what is wrong inside it (tier order,
repeated labels). The invariants that relate nodes to each other (sums, code positions, points within max…) are
named checks in `parindex.criteria.checks`, so each can be reported with its own stable code.
"""

from __future__ import annotations

import hashlib
import json
from abc import abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import Annotated, ClassVar, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator
from pydantic_core import PydanticCustomError

from parindex.common import values
from parindex.common.findings import Finding, Path
from parindex.common.i18n import fmt_plain, t
from parindex.common.values import RawValue

# Bounded in size and in decimals (1e-99999999 is a small number with a hundred million digits to print)
Points = Annotated[Decimal, Field(ge=0, le=10_000, decimal_places=4, allow_inf_nan=False)]
Bound = Annotated[Decimal, Field(ge=-1_000_000_000, le=1_000_000_000, decimal_places=4, allow_inf_nan=False)]
Code = Annotated[str, Field(pattern=r"^[0-9]+(\.[0-9]+)*$")]
Level = Literal["province", "department", "district", "commune"]


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


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- rules: a closed set, told apart by `kind`; nothing in them is ever evaluated as code -----------
# Each kind carries its own behaviour (DESIGN §7): scoring, checks, words and the template ask the rule, never
# its class, so a new kind is one class here plus its tests. No docstrings on the rule classes: pydantic
# would write them into the committed JSON Schema.

class Outcome(NamedTuple):
    """A value read through a rule: as understood, its points before rounding, the tier or option that applied."""

    value: object
    points: Decimal
    tier: str | None = None


@dataclass(frozen=True)
class Entry:
    """What the template's value cell offers, without naming any spreadsheet library.

    `kind`: a yes/no dropdown, a dropdown of `options`, or a number ("decimal", "whole") at least 0 and at
    most `most` where the rule bounds it; `prompt` is the catalogue key of the input message.
    """

    kind: Literal["yes_no", "choice", "decimal", "whole"]
    prompt: str
    options: tuple[str, ...] = ()
    most: Decimal | None = None


Answers = tuple[str, str]  # the words for yes and for no a yes/no rule is written with ('Đạt', 'Không đạt')


class BaseRule(Strict):
    survey: ClassVar[bool] = False  # assessed by the Ministry: not self-scored

    @abstractmethod
    def best(self, maximum: Decimal) -> Decimal | None:
        """The most the rule can give, where it fixes it (None: it scales with `maximum` itself)."""

    @abstractmethod
    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        """A cell value read and scored; raises `values.ValueProblem` for a value the rule cannot read."""

    def declared_points(self) -> Iterator[tuple[Path, Decimal]]:
        """The points values the rule states, with their paths inside the rule (each must be within [0, max]);
        none where the points follow from the item's max."""
        yield from ()

    def problems(self, code: str, path: Path) -> Iterator[Finding]:
        """What is wrong inside the rule itself (tier order, repeated labels); `path` is the rule's own."""
        yield from ()

    def option_labels(self) -> Iterator[tuple[Path, str]]:
        """The labels a person types into the value cell, with their paths inside the rule (none: a number or
        yes/no)."""
        yield from ()

    @abstractmethod
    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None) -> str:
        """The rule as the Ministry's annex would write it (criteria show, the template, explain); a yes/no rule
        names its two answers `answers` (the template's dropdown words; default the language's yes and no)."""

    @abstractmethod
    def entry(self, maximum: Decimal) -> Entry | None:
        """What the template offers for the value (None: anything, as survey results come in many forms)."""


class YesNoRule(BaseRule):
    kind: Literal["yes_no"]
    yes_points: Points | None = None  # default: the item's max
    no_points: Points = Decimal(0)

    def yes(self, maximum: Decimal) -> Decimal:
        return self.yes_points if self.yes_points is not None else maximum

    def best(self, maximum: Decimal) -> Decimal:
        return max(self.yes(maximum), self.no_points)

    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        yes = values.parse_yes_no(raw)
        return Outcome(yes, self.yes(maximum) if yes else self.no_points)

    def declared_points(self) -> Iterator[tuple[Path, Decimal]]:
        if self.yes_points is not None:
            yield ("yes_points",), self.yes_points
        yield ("no_points",), self.no_points

    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None) -> str:
        yes, no = fmt_plain(self.yes(maximum), lang), fmt_plain(self.no_points, lang)
        yes_word, no_word = answers or (t("ui.yes", lang=lang), t("ui.no", lang=lang))
        return t("rule.yes_no", lang=lang, yes=yes, no=no, yes_word=yes_word, no_word=no_word)

    def entry(self, maximum: Decimal) -> Entry:
        return Entry("yes_no", "ui.template.prompt_yes_no")


class ChoiceOption(Strict):
    label: str = Field(min_length=1)
    points: Points


class ChoiceRule(BaseRule):
    kind: Literal["choice"]
    options: list[ChoiceOption] = Field(min_length=2)

    def best(self, maximum: Decimal) -> Decimal:
        return max(option.points for option in self.options)

    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        label = values.parse_choice(raw, self.labels())
        option = next(option for option in self.options if option.label == label)
        return Outcome(label, option.points, label)

    def labels(self) -> list[str]:
        return [option.label for option in self.options]

    def declared_points(self) -> Iterator[tuple[Path, Decimal]]:
        for o, option in enumerate(self.options):
            yield ("options", o, "points"), option.points

    def option_labels(self) -> Iterator[tuple[Path, str]]:
        for o, option in enumerate(self.options):
            yield ("options", o, "label"), option.label

    def problems(self, code: str, path: Path) -> Iterator[Finding]:
        """PX108: two labels a person could not tell apart (case and spacing aside)."""
        seen: set[str] = set()
        for o, option in enumerate(self.options):
            key = " ".join(option.label.casefold().split())
            if key in seen:
                yield Finding.of("PX108", path + ("options", o, "label"), {"code": code, "label": option.label})
            seen.add(key)

    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None) -> str:
        """'Ban hành đúng hạn: 1,5 điểm; Ban hành chậm: 0,5 điểm'; led by 'Chọn một mức:' where the labels alone
        would read as another kind ('Dưới 80%', 'Có'), so the words always read back as this rule."""
        from parindex.criteria.rule_phrases import reads_back  # the reading half of the grammar (pure)

        def plain(lang: str | None) -> str:
            return "; ".join(t("rule.option", lang=lang, label=option.label, points=fmt_plain(option.points, lang))
                             for option in self.options)

        if reads_back(plain("vi"), self, maximum):  # the grammar reads Vietnamese
            return plain(lang)
        return t("rule.choice_marked", lang=lang, options=plain(lang))

    def entry(self, maximum: Decimal) -> Entry:
        return Entry("choice", "ui.template.prompt_choice", options=tuple(self.labels()))


class Tier(Strict):
    at_least: Bound | None = None
    at_most: Bound | None = None
    points: Points

    @model_validator(mode="after")
    def _one_bound(self) -> Tier:
        if (self.at_least is None) == (self.at_most is None):
            raise PydanticCustomError("tier_bound", "a tier needs exactly one of at_least / at_most")
        return self

    def met_by(self, number: Decimal) -> bool:
        if self.at_least is not None:
            return number >= self.at_least
        return self.at_most is not None and number <= self.at_most

    @property
    def bound(self) -> Decimal:
        """The tier's one bound (`at_least` or `at_most`)."""
        return self.at_least if self.at_least is not None else self.at_most or Decimal(0)


Measure = Literal["percent", "number"]


def _read_measure(unit: Measure, raw: RawValue, most: Decimal | None = None) -> Decimal:
    if unit == "percent":
        return values.parse_percent(raw, most if most is not None else values.HUNDRED)
    return values.parse_quantity(raw)


def _most_words(most: Decimal | None, lang: str | None) -> list[str]:
    return [t("rule.most", lang=lang, most=fmt_plain(most, lang))] if most is not None else []


def _most_problems(unit: Measure, most: Decimal | None, code: str, path: Path) -> Iterator[Finding]:
    """PX150: `most` (the largest percent accepted) bounds a percent, not a number."""
    if most is not None and unit != "percent":
        yield Finding.of("PX150", path + ("most",), {"code": code})


def _measure_sign(unit: Measure) -> str:
    return "%" if unit == "percent" else ""


def _measure_entry(unit: Measure) -> Entry:
    return Entry("decimal", f"ui.template.prompt_{unit}")


MostPercent = Annotated[Decimal, Field(gt=0, le=1_000_000, decimal_places=4, allow_inf_nan=False)]


class ThresholdRule(BaseRule):
    kind: Literal["threshold"]
    unit: Measure
    tiers: list[Tier] = Field(min_length=1)
    most: MostPercent | None = None  # the largest percent accepted (default 100; revenue/estimate exceeds it)

    def best(self, maximum: Decimal) -> Decimal:
        return max(tier.points for tier in self.tiers)

    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        number = _read_measure(self.unit, raw, self.most)
        for index, tier in enumerate(self.tiers, start=1):
            if tier.met_by(number):
                return Outcome(number, tier.points, str(index))
        return Outcome(number, Decimal(0))

    def declared_points(self) -> Iterator[tuple[Path, Decimal]]:
        for index, tier in enumerate(self.tiers):
            yield ("tiers", index, "points"), tier.points

    def problems(self, code: str, path: Path) -> Iterator[Finding]:
        """PX106: tiers run from best to worst, each a worse bound for fewer points."""
        yield from _most_problems(self.unit, self.most, code, path)
        lower_is_better = self.tiers[0].at_most is not None
        prev = None
        for index, tier in enumerate(self.tiers):
            bound = tier.at_most if lower_is_better else tier.at_least
            tier_path = path + ("tiers", index)
            if bound is None:  # mixes at_least and at_most
                yield Finding.of("PX106", tier_path, {"code": code, "index": index + 1, "value": "?", "prev": "?"})
                return
            if prev is not None:
                prev_bound, prev_points = prev
                worse = bound > prev_bound if lower_is_better else bound < prev_bound
                if not worse or tier.points > prev_points:
                    yield Finding.of("PX106", tier_path,
                                     {"code": code, "index": index + 1, "value": bound, "prev": prev_bound})
            prev = (bound, tier.points)

    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None) -> str:
        """Ranges as annexes write them, best first, each from where the one before ends: 'Từ 100% trở lên: 2 điểm;
        từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm' (lower is better: 'Không quá 0: …; trên 0 đến 5: …')."""
        sign = _measure_sign(self.unit)

        def shown(value: Decimal) -> str:
            return fmt_plain(value, lang) + sign

        lower_is_better = self.tiers[0].at_most is not None
        first, next_, tail = ("rule.at_most", "rule.above_to", "rule.above") if lower_is_better else (
            "rule.at_least", "rule.from_below", "rule.below")
        clauses: list[str] = []
        prev: Decimal | None = None
        for tier in self.tiers:
            points = fmt_plain(tier.points, lang)
            if prev is None:
                clauses.append(t(first, lang=lang, value=shown(tier.bound), points=points))
            elif lower_is_better:
                clauses.append(t(next_, lang=lang, low=shown(prev), high=shown(tier.bound), points=points))
            else:
                clauses.append(t(next_, lang=lang, low=shown(tier.bound), high=shown(prev), points=points))
            prev = tier.bound
        last = prev if prev is not None else Decimal(0)
        if (last < 100 or self.unit == "number") if lower_is_better else last > 0:  # nothing left past 100 % or 0
            clauses.append(t(tail, lang=lang, value=shown(last)))
        text = "; ".join(clauses + _most_words(self.most, lang))
        return text[:1].upper() + text[1:]

    def entry(self, maximum: Decimal) -> Entry:
        return _measure_entry(self.unit)


class ProportionalRule(BaseRule):
    kind: Literal["proportional"]
    unit: Measure
    target: Annotated[Decimal, Field(gt=0, le=1_000_000_000, allow_inf_nan=False)]
    most: MostPercent | None = None  # the largest percent accepted (default 100)

    def best(self, maximum: Decimal) -> None:
        return None

    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        number = _read_measure(self.unit, raw, self.most)
        return Outcome(number, maximum * min(number / self.target, Decimal(1)))

    def problems(self, code: str, path: Path) -> Iterator[Finding]:
        yield from _most_problems(self.unit, self.most, code, path)

    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None) -> str:
        return "; ".join([t("rule.proportional", lang=lang, max=fmt_plain(maximum, lang),
                            target=fmt_plain(self.target, lang) + _measure_sign(self.unit)),
                          *_most_words(self.most, lang)])

    def entry(self, maximum: Decimal) -> Entry:
        return _measure_entry(self.unit)


class DeductionRule(BaseRule):
    kind: Literal["deduction"]
    per: Annotated[Decimal, Field(gt=0, le=10_000, allow_inf_nan=False)]

    def best(self, maximum: Decimal) -> None:
        return None

    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        count = values.parse_count(raw)
        return Outcome(count, max(maximum - self.per * count, Decimal(0)))

    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None) -> str:
        return t("rule.deduction", lang=lang, max=fmt_plain(maximum, lang), per=fmt_plain(self.per, lang))

    def entry(self, maximum: Decimal) -> Entry:
        return Entry("whole", "ui.template.prompt_count")


class PerCaseRule(BaseRule):
    kind: Literal["per_case"]
    per: Annotated[Decimal, Field(gt=0, le=10_000, allow_inf_nan=False)]

    def best(self, maximum: Decimal) -> None:
        return None

    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        """`per` points for each counted case, at most the item's max (a bonus, or a penalty: "trừ 0,5 điểm mỗi
        trường hợp, tối đa 2 điểm")."""
        count = values.parse_count(raw)
        return Outcome(count, min(self.per * count, maximum))

    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None) -> str:
        return t("rule.per_case", lang=lang, max=fmt_plain(maximum, lang), per=fmt_plain(self.per, lang))

    def entry(self, maximum: Decimal) -> Entry:
        return Entry("whole", "ui.template.prompt_count")


class SurveyRule(BaseRule):
    kind: Literal["survey"]
    survey: ClassVar[bool] = True

    def best(self, maximum: Decimal) -> None:
        return None

    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        share = values.parse_survey(raw)
        return Outcome(share, maximum * share / 100)

    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None) -> str:
        return t("rule.survey", lang=lang, max=fmt_plain(maximum, lang))

    def entry(self, maximum: Decimal) -> None:
        return None


class ManualRule(BaseRule):
    kind: Literal["manual"]

    def best(self, maximum: Decimal) -> None:
        return None

    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        points = values.parse_quantity(raw)
        if points > maximum:
            raise values.ValueProblem("PS511", value=points, max=maximum)
        return Outcome(points, points)

    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None) -> str:
        return t("rule.manual", lang=lang, max=fmt_plain(maximum, lang))

    def entry(self, maximum: Decimal) -> Entry:
        return Entry("decimal", "ui.template.prompt_manual", most=maximum)


Rule = Annotated[
    YesNoRule | ChoiceRule | ThresholdRule | ProportionalRule | DeductionRule | PerCaseRule | SurveyRule
    | ManualRule,
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
    # its component's role where the set declares one its id does not imply (set by `CriteriaSet`, see `role`)
    _declared_role: Role | None = PrivateAttr(default=None)

    @property
    def role(self) -> Role:
        """Its component's role, as the set declares it (an item alone knows only the component's id)."""
        return role_of(self.component, self._declared_role)

    @property
    def is_survey(self) -> bool:
        """Measured by someone else (a survey rule, or a measured component): not self-scored, a unit's own value
        at most an estimate."""
        return self.rule.survey or self.role.filled_by_survey

    @property
    def is_adjustment(self) -> bool:
        """A bonus or penalty item: outside the set's max, added or subtracted, capped by its component."""
        return not self.role.inside_max


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


class Criterion(Derived):
    code: Code
    name: str = Field(min_length=1)
    lead: str | None = None
    criteria: list[Criterion] = []  # deeper nesting, where an official set has it
    items: list[Item] = []

    def children(self) -> Sequence[Item | Criterion]:
        return self.criteria or self.items

    @model_validator(mode="after")
    def _has_children(self) -> Criterion:
        if bool(self.criteria) == bool(self.items):
            raise PydanticCustomError("criterion_children",
                                      "a criterion holds either items or criteria (one of them, not both)")
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
    criteria: list[Criterion] = Field(min_length=1)
    was: list[Was] = []  # what it was called or numbered in earlier sets: how `gap` compares it across years

    @property
    def is_adjustment(self) -> bool:
        """An area of bonus and penalty items only (Hà Nội's ninth content): outside the set's max."""
        return all(item.is_adjustment for item in items_of(self))

    def children(self) -> Sequence[Criterion]:
        return self.criteria

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


def _rule_dump(rule: BaseRule) -> dict[str, object]:
    """A rule as the fingerprint hashes it: a field added later counts only when set, so filled workbooks keep
    their fingerprint."""
    dump = rule.model_dump(mode="json")
    for name in LATER_FIELDS:
        if dump.get(name) is None:
            dump.pop(name, None)
    return dump


def _role_dump(item: Item) -> list[str]:
    """An item's role as the fingerprint hashes it: where its component's id does not imply it (a known id's
    role is its id's, so the sets written before roles keep their fingerprint)."""
    return [] if item.component in IMPLIED_ROLES else [item.role.value]


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
    """The lead agency of an item of this area (see `Area.item_leads`)."""
    return area.item_leads.get(item.code, item.lead or area.lead)
