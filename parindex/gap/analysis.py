"""Gap analysis: a unit's official position in a baseline year, and where the points are now (pure core).

No I/O and no terminal: `gap.input` reads the files into `GapInputs`, `analyse` returns the whole `GapReport`,
and renderers show it (tables, JSON, Markdown plan, xlsx, chart). Sentences stay catalogue keys with their
parameters (`Message`) until they are rendered.

Numbers: Decimal points rounded to 2 decimals half-up once (`scoring.round_points`); every total shown is the
exact sum of the parts shown with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from parindex.baseline.model import Baseline, Shortfall, SourcedPoints, SourcedRank, UnitResult
from parindex.common.errors import ParindexError
from parindex.common.messages import Message
from parindex.common.unit_names import match_name, name_key
from parindex.common.values import fold
from parindex.criteria.model import CriteriaSet, Role, Was, code_key, role_of
from parindex.criteria.provenance import banner_key
from parindex.scoring.engine import percent as scoring_percent
from parindex.scoring.engine import round_points

ZERO = Decimal(0)
STANDARD_RANKS = (1, 5, 10)


# Notes a reader should not miss (shown as warnings); the others are for information.
WARNING_NOTES = frozenset({"ui.gap.set_changed",
                           "ui.reconstructed", "ui.provisional_only", "ui.gap.merger_crossed", "ui.gap.cmp_criteria",
                           "ui.gap.cmp_unit", "ui.gap.unit_override", "ui.gap.input_errors", "ui.gap.assume_unused",
                           "ui.gap.criteria_other"})


def is_warning(note: Message) -> bool:
    return note.code in WARNING_NOTES


FIRST_NOTES = ("ui.gap.set_changed",)  # said before anything else, with the reconstructed-set warning
OPENING_NOTES = ("ui.gap.compares", "ui.gap.unit_override")  # then what is compared, before any figure


# --- the current self-assessment, as read from a score result or a workbook -------------------------------

@dataclass(frozen=True)
class CurrentItem:
    code: str
    area: str
    score: Decimal
    max: Decimal
    status: str  # scored | missing | not_applicable | not_self_scored | estimated | invalid
    lead: str | None = None
    name: str | None = None
    component: str | None = None  # known when the criteria set is at hand

    @property
    def lost(self) -> Decimal:
        return self.max - self.score


@dataclass(frozen=True)
class CurrentPart:
    """A component or an area of the current scoring."""

    id: str
    name: str | None
    score: Decimal
    max: Decimal  # what was scored (N/A and not-self-scored items removed)
    full_max: Decimal | None = None  # as the criteria set says

    @property
    def percent(self) -> Decimal | None:
        return scoring_percent(self.score, self.max)


@dataclass(frozen=True)
class InputNotice:
    """A warning or error the scoring reported about the input, under its own code: the Message itself when the
    workbook was scored in this run, or its text as a result file wrote it (`ui.gap.as_written`)."""

    code: str
    item: str | None
    cell: str | None
    msg: Message


@dataclass(frozen=True)
class CurrentResult:
    criteria_id: str
    criteria_status: str
    fingerprint: str | None
    unit: str
    level: str
    year: str
    score: Decimal
    max: Decimal
    components: list[CurrentPart]
    areas: list[CurrentPart]
    items: list[CurrentItem]
    warnings: list[InputNotice] = field(default_factory=list)
    errors: list[InputNotice] = field(default_factory=list)
    source: str = ""
    provisional: int = 0  # provisional values of its criteria set, as the result file says
    roles: Mapping[str, Role] = field(default_factory=dict)  # component id → role, as its set or the file says

    def role(self, component: str) -> Role:
        """A component's role: as its set or the result file says, else as its id implies."""
        return role_of(component, self.roles.get(component))

    def measured(self, component: str | None) -> bool:
        """Whether the component is measured by someone else (filled from their table, assumed by `gap`)."""
        return component is not None and self.role(component).filled_by_survey


# --- the report -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ComponentGap:
    id: str
    name: str
    score: Decimal | None
    max: Decimal | None
    status: str | None
    rank: int | None = None

    @property
    def lost(self) -> Decimal | None:
        return None if self.score is None or self.max is None else self.max - self.score


@dataclass(frozen=True)
class Threshold:
    """A score to reach: the unit ranked N that year, the national average, or a grade (nhóm A ≥ 90 %…)."""

    kind: str  # rank | average | grade (holder: the grade's id)
    rank: int | None
    holder: str | None
    score: Decimal
    status: str
    exact: bool = True  # False: rank N's score is unpublished; `score` is the nearest known one above it
    distance: Decimal | None = None  # score − the unit's total: > 0 points short, ≤ 0 there; None: no total


@dataclass(frozen=True)
class AreaGap:
    code: str
    name: str
    rank: int | None
    rank_status: str | None
    previous_rank: int | None
    lead: str | None
    shortfalls: tuple[Shortfall, ...]
    now: CurrentPart | None = None
    baseline_percent: Decimal | None = None
    baseline_score: Decimal | None = None

    @property
    def score_change(self) -> Decimal | None:
        """Self-assessed now − the baseline year's area score, where the baseline publishes one."""
        return None if self.now is None or self.baseline_score is None else self.now.score - self.baseline_score

    @property
    def rank_change(self) -> int | None:
        """Places gained since the year before (positive = better)."""
        return None if self.rank is None or self.previous_rank is None else self.previous_rank - self.rank


@dataclass(frozen=True)
class YearChange:
    year: int
    unit: str
    total: Decimal | None
    rank: int | None
    total_change: Decimal | None  # this year − the year before
    rank_change: int | None  # places gained


@dataclass(frozen=True)
class Official:
    unit: UnitResult
    year: int
    total_units: int
    max: Decimal
    total: SourcedPoints | None
    rank: SourcedRank | None
    components: list[ComponentGap]
    thresholds: list[Threshold]
    areas: list[AreaGap]
    previous: YearChange | None

    @property
    def lost(self) -> Decimal | None:
        return None if self.total is None else self.max - self.total.value


@dataclass(frozen=True)
class Assumption:
    component: str
    name: str
    value: Decimal
    max: Decimal | None
    given: bool  # True: from --assume-…; False: the baseline year's own figure


@dataclass(frozen=True)
class Fill:
    """The upper end of the projection: the items not entered yet, each at the baseline year's attainment."""

    points: Decimal  # the sum of the items' fills, each rounded once
    total: Decimal  # the projection's total + points
    rank_best: int | None
    rank_worst: int | None
    basis: str  # area | component | mixed: where the attainment came from
    unfilled: int = 0  # blank items with no attainment to go by (counted at 0 in both ends)


@dataclass(frozen=True)
class Projection:
    self_assessed: list[CurrentPart]  # components taken from the current scoring
    assumptions: list[Assumption]
    total: Decimal  # every item not entered yet at 0: the lower end
    baseline_total: Decimal | None
    rank_best: int | None
    rank_worst: int | None
    notes: tuple[Message, ...] = ()
    fill: Fill | None = None  # None: every item is entered, the projection is one figure

    @property
    def change(self) -> Decimal | None:
        return None if self.baseline_total is None else self.total - self.baseline_total

    @property
    def high(self) -> Decimal:
        """The upper end (the total itself when nothing is left blank); targets are measured from it."""
        return self.fill.total if self.fill else self.total


@dataclass(frozen=True)
class Completeness:
    """Self-scored items: how many the workbook has a value for. Blank is not lost: it is not known yet."""

    items: int
    entered: int
    not_entered: int


@dataclass(frozen=True)
class LeadLoss:
    lead: str | None
    lost: Decimal
    items: int


@dataclass(frozen=True)
class Target:
    rank: int
    threshold: Threshold
    start: Decimal  # the score the distance is measured from (projected, else the official total)
    needed: Decimal  # ≥ 0
    selection: tuple[CurrentItem, ...] = ()
    recoverable: Decimal | None = None  # all the points the listed items could bring back

    @property
    def reachable(self) -> bool | None:
        if self.recoverable is None:
            return None
        return self.recoverable >= self.needed


@dataclass(frozen=True)
class ItemChange:
    code: str
    area: str
    before: Decimal | None
    after: Decimal | None
    max_before: Decimal | None
    max_after: Decimal | None

    @property
    def delta(self) -> Decimal | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass(frozen=True)
class Comparison:
    previous_criteria: str
    previous_year: str
    previous_unit: str
    previous_score: Decimal
    current_score: Decimal
    same: list[ItemChange]
    max_changed: list[ItemChange]
    added: list[ItemChange]
    removed: list[ItemChange]
    notes: list[Message]


@dataclass(frozen=True)
class SetChange:
    """The workbook was scored with another set than the year: what can be compared, and what cannot."""

    year: int
    workbook_set: str
    year_set: str
    components_same: tuple[str, ...]  # ids in both sets
    components_apart: tuple[str, ...]  # ids in one set only
    areas_matched: tuple[tuple[str, str, str], ...]  # (workbook code, year code, name): the same name in both
    areas_apart: tuple[tuple[str, str, str], ...]  # (set id, code, name): no area of that name in the other set

    def year_code(self, workbook_code: str) -> str | None:
        return next((year for wb, year, _ in self.areas_matched if wb == workbook_code), None)


@dataclass(frozen=True)
class AreaPast:
    """What a set's areas were called or numbered in earlier sets (their `was:`), and the years the set is for."""

    years: frozenset[int] = frozenset()
    was: Mapping[str, tuple[Was, ...]] = field(default_factory=dict)  # area code → its entries

    @classmethod
    def of_set(cls, cset: CriteriaSet | None) -> AreaPast:
        if cset is None:
            return cls()
        return cls(frozenset(cset.years), {area.code: tuple(area.was) for area in cset.areas if area.was})

    def names(self, code: str, years: frozenset[int], other_code: str, other_name: str) -> bool:
        """Whether area `code` was, in one of `years`, the other set's area `other_code` (by its code where the
        entry gives one, else by its name)."""
        return any(years.intersection(entry.years)
                   and (entry.code == other_code if entry.code is not None
                        else _area_key(entry.name or "") == _area_key(other_name))
                   for entry in self.was.get(code, ()))


@dataclass(frozen=True)
class CriteriaInfo:
    """What every output says about the criteria set it used."""

    id: str
    status: str = "official"
    title: str | None = None
    provisional: int = 0  # how many of its values are provisional
    fingerprint: str | None = None

    @classmethod
    def of_set(cls, cset: CriteriaSet) -> CriteriaInfo:
        return cls(cset.id, cset.status, cset.title, cset.provisional_count(), cset.fingerprint())

    @classmethod
    def of_result(cls, current: CurrentResult) -> CriteriaInfo:
        """As a score result says it, when its set is not at hand."""
        return cls(current.criteria_id, current.criteria_status, None, current.provisional, current.fingerprint)


@dataclass(frozen=True)
class GapReport:
    baseline: Baseline
    baseline_file: str
    official: Official
    criteria: CriteriaInfo | None
    current: CurrentResult | None = None
    projection: Projection | None = None
    recoverable: tuple[CurrentItem, ...] = ()
    by_lead: tuple[LeadLoss, ...] = ()
    target: Target | None = None
    comparison: Comparison | None = None
    notes: tuple[Message, ...] = ()
    completeness: Completeness | None = None
    not_entered: tuple[CurrentItem, ...] = ()  # self-scored items without a value yet, by code
    blank_by_lead: tuple[LeadLoss, ...] = ()  # the same, by lead agency (`lost` = their maxima)
    set_change: SetChange | None = None

    def year_area(self, workbook_code: str) -> str | None:
        """The year's area a workbook area stands for: the same code in the same set, the same name across sets."""
        return self.set_change.year_code(workbook_code) if self.set_change else workbook_code


def areas_published(report: GapReport) -> bool:
    """Whether the baseline year says anything area by area (a rank, a score, a shortfall) for the unit."""
    return any(a.rank or a.shortfalls or a.baseline_score is not None or a.baseline_percent is not None
               for a in report.official.areas)


@dataclass(frozen=True)
class Entered:
    """An area's self-assessment over the items entered so far: blank items are not counted as lost."""

    score: Decimal
    max: Decimal  # the area's maximum without its blank items
    blank: int

    @property
    def percent(self) -> Decimal | None:
        """None when nothing is entered, or when the file's area total disagrees with its items."""
        return scoring_percent(self.score, self.max) if self.score <= self.max else None


def entered(report: GapReport, area: AreaGap) -> Entered | None:
    """None without a current figure for the area."""
    if area.now is None:
        return None
    blank = [i for i in report.not_entered if report.year_area(i.area) == area.code]
    return Entered(area.now.score, area.now.max - sum((i.max for i in blank), ZERO), len(blank))


def criteria_note(criteria: CriteriaInfo | None) -> Message | None:
    """The warning every output carries when the set is reconstructed or holds provisional values."""
    key = banner_key(criteria.status, criteria.provisional) if criteria else None
    return Message(key, {"id": criteria.id, "n": criteria.provisional}) if key and criteria else None


# --- unit names, mergers --------------------------------------------------------------------------------

def resolve_unit(base: Baseline, query: str) -> UnitResult:
    """The baseline unit `query` names (diacritics, case and prefixes ignored); PG401/PG402/PG404 otherwise."""
    names = {unit.name: list(unit.aliases) for unit in base.units}
    key = name_key(query, base.level)
    for merger in base.mergers:
        known = [m for m in merger.members if name_key(m, base.level) in {name_key(n, base.level) for n in names}]
        if name_key(merger.into, base.level) == key and not any(
                key in {name_key(n, base.level) for n in (u.name, *u.aliases)} for u in base.units):
            raise ParindexError("PG404", query=query, date=merger.date.strftime("%d/%m/%Y"),
                                members=", ".join(merger.members), year=base.year,
                                known=", ".join(known) or "–")
    name = match_name(query, names, base.level, context=str(base.year))
    return next(unit for unit in base.units if unit.name == name)


def merger_notes(base: Baseline, unit_name: str, other_year: int | None = None) -> list[Message]:
    """What a reader must know when the unit was later merged: said, never matched silently."""
    key = name_key(unit_name, base.level)
    notes = []
    for merger in base.mergers:
        keys = {name_key(n, base.level) for n in (merger.into, *merger.members)}
        if key not in keys:
            continue
        params = {"unit": unit_name, "date": merger.date.strftime("%d/%m/%Y"), "into": merger.into,
                  "members": merger.members, "year": base.year}
        if other_year is not None and other_year >= merger.date.year:
            notes.append(Message("ui.gap.merger_crossed", {**params, "other_year": other_year}))
        else:
            notes.append(Message("ui.gap.merger", params))
    return notes


# --- the official position --------------------------------------------------------------------------------

def official_position(base: Baseline, unit: UnitResult, previous: Baseline | None = None,
                      criteria_areas: Mapping[str, tuple[str, str | None]] | None = None) -> Official:
    """Total, rank, components with points lost, thresholds, areas worst-first, the year before."""
    components = []
    for comp in base.components:
        result = unit.components.get(comp.id)
        score = result.score if result else None
        components.append(ComponentGap(comp.id, comp.name, score.value if score else None, comp.max,
                                       score.status if score else None,
                                       result.rank.value if result and result.rank else None))
    prev_unit = _previous_unit(previous, unit) if previous else None
    areas = area_gaps(base, unit, prev_unit, criteria_areas or {})
    change = None
    if previous is not None and prev_unit is not None:
        total_change = (unit.total.value - prev_unit.total.value
                        if unit.total and prev_unit.total else None)
        rank_change = (prev_unit.rank.value - unit.rank.value if unit.rank and prev_unit.rank else None)
        change = YearChange(previous.year, prev_unit.name, prev_unit.total.value if prev_unit.total else None,
                            prev_unit.rank.value if prev_unit.rank else None, total_change, rank_change)
    return Official(unit, base.year, base.total_units, base.max, unit.total, unit.rank, components,
                    thresholds(base, unit.total.value if unit.total else None), areas, change)


def _previous_unit(previous: Baseline, unit: UnitResult) -> UnitResult | None:
    keys = {name_key(n, previous.level) for n in (unit.name, *unit.aliases)}
    return next((u for u in previous.units
                 if keys & {name_key(n, previous.level) for n in (u.name, *u.aliases)}), None)


def area_gaps(base: Baseline, unit: UnitResult, prev_unit: UnitResult | None,
              criteria_areas: Mapping[str, tuple[str, str | None]]) -> list[AreaGap]:
    """Every area the baseline or the unit knows, worst rank first; areas without a rank after, by code."""
    codes = ([a.code for a in base.areas]
             or sorted({a.code for a in unit.areas} | {s.area for s in unit.shortfalls}, key=int)
             or sorted(criteria_areas, key=int))  # a year that publishes no area figures: the set's areas
    gaps = []
    for code in codes:
        result = unit.area(code)
        before = prev_unit.area(code) if prev_unit else None
        name = base.area_name(code) or criteria_areas.get(code, (code, None))[0]
        # the tasks go to the lead the set names; the baseline's recorded lead where the set names none
        lead = criteria_areas.get(code, ("", None))[1] or (result.lead.value if result and result.lead else None)
        gaps.append(AreaGap(
            code, name,
            result.rank.value if result and result.rank else None,
            result.rank.status if result and result.rank else None,
            before.rank.value if before and before.rank else None,
            lead,
            tuple(s for s in unit.shortfalls if s.area == code),
            baseline_percent=result.percent.value if result and result.percent else None,
            baseline_score=result.score.value if result and result.score else None,
        ))
    return sorted(gaps, key=lambda g: (g.rank is None, -(g.rank or 0), int(g.code)))


def rank_bounds(base: Baseline) -> dict[int, tuple[Decimal, Decimal, str | None]]:
    """For every rank 1..N: the lowest and highest total the unit there can have, and its name if known.

    Published totals are exact; an unpublished one lies between its known neighbours (ranks order totals).
    """
    known = {u.rank.value: u.total.value for u in base.units if u.rank and u.total}
    holders = {u.rank.value: u.name for u in base.units if u.rank}
    bounds = {}
    for rank in range(1, base.total_units + 1):
        if rank in known:
            bounds[rank] = (known[rank], known[rank], holders.get(rank))
            continue
        above = [known[r] for r in known if r < rank]
        below = [known[r] for r in known if r > rank]
        bounds[rank] = (max(below) if below else ZERO, min(above) if above else base.max, holders.get(rank))
    return bounds


def rank_threshold(base: Baseline, rank: int, total: Decimal | None) -> Threshold:
    """The score of the unit ranked `rank`; if unpublished, the nearest published score above it (enough)."""
    if not 1 <= rank <= base.total_units:
        raise ParindexError("PG411", rank=rank, reason=Message("ui.gap.rank_range", {"units": base.total_units}))
    for unit in base.units:
        if unit.rank and unit.rank.value == rank and unit.total:
            return _threshold("rank", rank, unit.name, unit.total, total, exact=True)
    above = [(u.rank.value, u.total) for u in base.units if u.rank and u.total and u.rank.value < rank]
    if not above:
        raise ParindexError("PG411", rank=rank,
                            reason=Message("ui.gap.rank_unpublished", {"units": base.total_units}))
    _, nearest = max(above, key=lambda ranked: ranked[0])  # the published rank closest above
    holder = next((u.name for u in base.units if u.rank and u.rank.value == rank), None)
    return _threshold("rank", rank, holder, nearest, total, exact=False)


def _threshold(kind: str, rank: int | None, holder: str | None, value: SourcedPoints,
               total: Decimal | None, exact: bool) -> Threshold:
    distance = value.value - total if total is not None else None
    return Threshold(kind, rank, holder, value.value, value.status, exact, distance)


def thresholds(base: Baseline, total: Decimal | None) -> list[Threshold]:
    found = []
    for rank in STANDARD_RANKS:
        if rank <= base.total_units and any(u.rank and u.rank.value <= rank and u.total for u in base.units):
            found.append(rank_threshold(base, rank, total))
    if base.national and base.national.average:
        found.append(_threshold("average", None, None, base.national.average, total, exact=True))
    return found + grade_thresholds(base, total)


def grade_thresholds(base: Baseline, total: Decimal | None) -> list[Threshold]:
    """The grade the unit's total reached and the next one up (bounds in % of the year's max), as scores."""
    if total is None or base.national is None:
        return []
    bounds = sorted(((g.at_least * base.max / 100, g) for g in base.national.groups if g.at_least is not None),
                    key=lambda pair: pair[0])
    reached = [pair for pair in bounds if pair[0] <= total][-1:]
    above = [pair for pair in bounds if pair[0] > total][:1]
    return [Threshold("grade", None, g.id, score, "confirmed" if g.source else g.count.status, True, score - total)
            for score, g in reached + above]


def projected_rank(base: Baseline, score: Decimal, exclude: UnitResult | None) -> tuple[int, int]:
    """Best and worst rank `score` would have had among the year's other units (ties in the unit's favour)."""
    bounds = rank_bounds(base)
    own = exclude.rank.value if exclude and exclude.rank else None
    if own is None:  # the unit has no place in the table: every position is someone else's
        others = list(bounds.values())[: base.total_units - 1]
    else:
        others = [b for rank, b in bounds.items() if rank != own]
    best = 1 + sum(1 for low, _, _ in others if low > score)
    worst = 1 + sum(1 for _, high, _ in others if high > score)
    return best, worst


# --- the current scoring against it -----------------------------------------------------------------------

# The options `gap` had before `--assume ID=VALUE`, kept as its aliases and named where they apply
ASSUME_ALIASES = {"sipas": "--assume-sipas", "survey": "--assume-survey"}


def assume_option(component: str) -> str:
    """The option that assumes a component's points, as the user would type it (its alias where it has one)."""
    return ASSUME_ALIASES.get(component, f"--assume {component}")


def _assume_hint(component: str) -> str:
    alias = ASSUME_ALIASES.get(component)
    return f"{alias} …" if alias else f"--assume {component}=…"


def projection(base: Baseline, unit: UnitResult, current: CurrentResult,
               assume: Mapping[str, Decimal] | None = None) -> Projection:
    """Current self-assessed components + the measured ones (SIPAS, survey…) as the baseline year's (or as
    assumed)."""
    left = dict(assume or {})  # taken off as it is used
    known = {part.id for part in current.components}  # a result without survey parts still gets the baseline's
    parts = [*current.components, *(CurrentPart(comp.id, comp.name, ZERO, ZERO, comp.max) for comp in base.components
                                    if current.measured(comp.id) and comp.id not in known)]
    _assumable(left, parts, current)
    missing = [part.id for part in parts if current.measured(part.id) and part.id not in left
               and unit.component_score(part.id) is None]
    if missing:  # every option the projection needs, at once
        raise ParindexError("PG405", component=", ".join(missing), unit=unit.name, year=base.year,
                            options=" ".join(_assume_hint(m) for m in missing))
    own, assumptions, notes = [], [], []
    for part in parts:
        if not current.measured(part.id):
            own.append(part)
            continue
        comp = base.component(part.id)
        name = comp.name if comp else (part.name or part.id)
        if part.score > 0:  # the workbook holds an estimate for a component the office cannot score itself
            notes.append(Message("ui.gap.estimate_ignored", {"component": name, "score": part.score}))
        if part.id in left:
            value = left.pop(part.id)
            # an assumption is a score of the compared year: its scale, where the year's set differs (2020's survey
            # is out of 23,5, 2024's out of 32)
            maximum = (comp.max if comp else None) or part.full_max or part.max
            if value < 0 or (maximum is not None and value > maximum):
                raise ParindexError("PG406", option=assume_option(part.id), value=value, max=maximum)
            assumptions.append(Assumption(part.id, name, round_points(value), maximum, given=True))
            continue
        score = unit.component_score(part.id)
        assert score is not None  # checked above
        assumptions.append(Assumption(part.id, name, score.value, comp.max if comp else part.full_max, given=False))
    total = sum((p.score for p in own), ZERO) + sum((a.value for a in assumptions), ZERO)
    best, worst = projected_rank(base, total, unit)
    return Projection(own, assumptions, total, unit.total.value if unit.total else None, best, worst,
                      tuple(notes), blank_fill(base, unit, current, total))


def _assumable(assume: Mapping[str, Decimal], parts: list[CurrentPart], current: CurrentResult) -> None:
    """PG412: an assumption for a component the set does not have; PG420: for one the unit scores itself (only
    what someone else measures is assumed)."""
    ids = [part.id for part in parts]
    unknown = sorted(key for key in assume if key not in ids)
    if unknown:
        raise ParindexError("PG412", component=", ".join(unknown), criteria=current.criteria_id, known=", ".join(ids))
    own = sorted(key for key in assume if not current.measured(key))
    if own:
        raise ParindexError("PG420", component=", ".join(own),
                            measured=", ".join(i for i in ids if current.measured(i)) or "–")


def blank_fill(base: Baseline, unit: UnitResult, current: CurrentResult, total: Decimal) -> Fill | None:
    """Every item not entered at the baseline year's attainment for its area (its component where the year
    publishes no area figure); None when nothing is blank."""
    blank = not_entered_items(current)
    if not blank:
        return None
    full = {a.id: a.full_max or a.max for a in current.areas}
    own = next((p.id for p in current.components if not current.measured(p.id)), None)
    points, bases, unfilled = ZERO, set(), 0
    for item in blank:
        share, basis = _attainment(base, unit, item.area, full.get(item.area), item.component or own)
        if share is None:
            unfilled += 1
            continue
        points += round_points(item.max * share)
        bases.add(basis)
    filled = total + points
    best, worst = projected_rank(base, filled, unit)
    basis = bases.pop() if len(bases) == 1 else "mixed" if bases else "none"
    return Fill(points, filled, best, worst, basis, unfilled)


def _attainment(base: Baseline, unit: UnitResult, area: str, area_max: Decimal | None,
                component: str | None) -> tuple[Decimal | None, str]:
    """The share of the maximum the unit reached that year: in the area if published, else in the component."""
    result = unit.area(area)
    if result and result.percent:
        return result.percent.value / 100, "area"
    if result and result.score and area_max:
        return result.score.value / area_max, "area"
    comp = base.component(component) if component else None
    score = unit.component_score(component) if component else None
    if comp and score and comp.max:
        return score.value / comp.max, "component"
    return None, "none"


NOT_RECOVERABLE = ("not_applicable", "not_self_scored", "estimated")  # N/A, and survey items (not self-scored)
NOT_ENTERED = "missing"  # the scoring's status of an item the workbook holds no value for


def self_scored(current: CurrentResult) -> list[CurrentItem]:
    """The items the office scores itself (N/A, survey and SIPAS items left out)."""
    return [item for item in current.items
            if item.status not in NOT_RECOVERABLE and not current.measured(item.component)]


def not_entered_items(current: CurrentResult) -> list[CurrentItem]:
    return sorted((i for i in self_scored(current) if i.status == NOT_ENTERED), key=lambda i: code_key(i.code))


def completeness(current: CurrentResult) -> Completeness:
    items = self_scored(current)
    blank = sum(1 for item in items if item.status == NOT_ENTERED)
    return Completeness(len(items), len(items) - blank, blank)


def recoverable_items(current: CurrentResult) -> list[CurrentItem]:
    """Self-scored items entered and below their maximum, most points lost first (then by code).

    Survey and SIPAS items are left out: the office cannot recover them by evidence, and the projection
    takes those components from the baseline year (or `--assume-…`). Items not entered yet are not lost
    either: they are listed apart (`not_entered_items`).
    """
    found = [item for item in self_scored(current) if item.status != NOT_ENTERED and item.lost > 0]
    return sorted(found, key=lambda item: (-item.lost, code_key(item.code)))


def losses_by_lead(items: Iterable[CurrentItem]) -> list[LeadLoss]:
    totals: dict[str | None, tuple[Decimal, int]] = {}
    for item in items:
        lost, count = totals.get(item.lead, (ZERO, 0))
        totals[item.lead] = (lost + item.lost, count + 1)
    return sorted((LeadLoss(lead, lost, count) for lead, (lost, count) in totals.items()),
                  key=lambda loss: (-loss.lost, loss.lead is None, loss.lead or ""))


def minimal_selection(items: Iterable[CurrentItem], needed: Decimal) -> tuple[CurrentItem, ...]:
    """The fewest items whose lost points together reach `needed` (all of them if they cannot).

    Taking the largest losses first is optimal for the count: any k items recover at most the k largest
    losses. Ties go to the lower code, so the answer is stable.
    """
    if needed <= 0:
        return ()
    chosen, total = [], ZERO
    for item in sorted(items, key=lambda i: (-i.lost, code_key(i.code))):
        if total >= needed:
            break
        chosen.append(item)
        total += item.lost
    return tuple(chosen)


def target(base: Baseline, rank: int, start: Decimal, recoverable: Sequence[CurrentItem] | None) -> Target:
    threshold = rank_threshold(base, rank, start)
    needed = max(ZERO, threshold.score - start)
    if recoverable is None:
        return Target(rank, threshold, start, needed)
    return Target(rank, threshold, start, needed, minimal_selection(recoverable, needed),
                  sum((i.lost for i in recoverable), ZERO))


def compare_items(current: CurrentResult, previous: CurrentResult) -> Comparison:
    """Item by item by code: same maximum, maximum changed, added, removed — nothing dropped silently."""
    before = {i.code: i for i in previous.items}
    after = {i.code: i for i in current.items}
    same, changed, added, removed = [], [], [], []
    for code in sorted(set(before) | set(after), key=code_key):
        old, new = before.get(code), after.get(code)
        change = ItemChange(code, (new or before[code]).area,  # a code of `after` or, if not, of `before`
                            old.score if old else None, new.score if new else None,
                            old.max if old else None, new.max if new else None)
        if old is None:
            added.append(change)
        elif new is None:
            removed.append(change)
        elif old.max != new.max:
            changed.append(change)
        else:
            same.append(change)
    notes = []
    if previous.criteria_id != current.criteria_id or previous.fingerprint != current.fingerprint:
        notes.append(Message("ui.gap.cmp_criteria", {"before": previous.criteria_id, "after": current.criteria_id}))
    if name_key(previous.unit, current.level) != name_key(current.unit, current.level):
        notes.append(Message("ui.gap.cmp_unit", {"before": previous.unit, "after": current.unit}))
    return Comparison(previous.criteria_id, previous.year, previous.unit, previous.score, current.score,
                      same, changed, added, removed, notes)


# --- all of it --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GapOptions:
    unit: str | None = None
    assume: Mapping[str, Decimal] = field(default_factory=dict)
    target_rank: int | None = None


@dataclass(frozen=True)
class GapInputs:
    """What the report is made from, as read by `gap.input` (or built by hand)."""

    baseline: Baseline
    baseline_file: str
    previous: Baseline | None = None  # the year before, for the change of rank
    current: CurrentResult | None = None  # the self-assessment now
    earlier: CurrentResult | None = None  # an earlier scoring, compared item by item (--baseline)
    criteria: CriteriaInfo | None = None  # the set the outputs name
    criteria_areas: Mapping[str, tuple[str, str | None]] = field(default_factory=dict)  # code → (name, lead)
    notes: tuple[Message, ...] = ()  # what reading them found (a set not bundled, another fingerprint)
    workbook_past: AreaPast = field(default_factory=AreaPast)  # the `was:` of the workbook's set
    year_past: AreaPast = field(default_factory=AreaPast)  # and of the year's


def needed_current(current: CurrentResult | None) -> CurrentResult:
    """The current scoring an earlier one is compared with (PG409 without one): asked by `gap.input` before it
    reads the earlier file, and by `analyse` of inputs built by hand."""
    if current is None:
        raise ParindexError("PG409")
    return current


def analyse(inputs: GapInputs, options: GapOptions) -> GapReport:
    """The whole gap report, built at once."""
    base, current = inputs.baseline, inputs.current
    query = options.unit or (current.unit if current else None)
    unit = resolve_unit(base, query) if query else _home_unit(base)
    if unit.total is None and unit.rank is None:
        raise ParindexError("PG408", unit=unit.name, year=base.year)
    official = official_position(base, unit, inputs.previous, inputs.criteria_areas)
    change = None
    if current is not None:
        change = set_change(base, official, current, inputs.workbook_past, inputs.year_past)
        codes = {a.id: (change.year_code(a.id) if change else a.id) for a in current.areas}
        now = {codes[a.id]: a for a in current.areas if codes[a.id] is not None}
        official = replace(official, areas=[_with_now(a, now.get(a.code)) for a in official.areas])
    projected = projection(base, unit, current, options.assume) if current else None
    recoverable = tuple(recoverable_items(current)) if current else ()
    aim = _target(base, unit, options.target_rank, projected, recoverable if current else None)
    comparison = compare_items(needed_current(current), inputs.earlier) if inputs.earlier is not None else None
    first = [_compares(inputs, unit), *_override(inputs, options), *([change_note(change)] if change else [])]
    notes = (*first, *inputs.notes, *merger_notes(base, unit.name, _year_of(current.year) if current else None),
             *_reading_notes(inputs, options, query, unit), *_previous_notes(base, inputs.previous, official))
    blank = tuple(not_entered_items(current)) if current else ()
    return GapReport(base, inputs.baseline_file, official, inputs.criteria, current, projected, recoverable,
                     tuple(losses_by_lead(recoverable)), aim, comparison, notes,
                     completeness(current) if current else None, blank, tuple(losses_by_lead(blank)), change)


def set_change(base: Baseline, official: Official, current: CurrentResult, workbook_past: AreaPast | None = None,
               year_past: AreaPast | None = None) -> SetChange | None:
    """None when the workbook was scored with the year's own set; else components by id, areas as either set's
    `was:` says, then by name. An area matched neither way is listed apart, with how to declare it."""
    if current.criteria_id == base.criteria:
        return None
    mine = [c.id for c in current.components]
    theirs = [c.id for c in base.components]
    left = {a.code: a.name for a in official.areas}  # the year's areas not matched yet
    wb_past, yr_past = workbook_past or AreaPast(), year_past or AreaPast()
    wb_years, yr_years = wb_past.years | _years(current.year), yr_past.years | {base.year}

    def declared(code: str, name: str) -> str | None:  # what `was:` says: the set author's word, before names
        return next((year for year, year_name in left.items()
                     if wb_past.names(code, yr_years, year, year_name) or yr_past.names(year, wb_years, code, name)),
                    None)

    def same_name(code: str, name: str) -> str | None:
        return next((year for year, year_name in left.items() if _area_key(year_name) == _area_key(name)), None)

    found: dict[str, str] = {}
    for match in (declared, same_name):
        for area in current.areas:
            year = None if area.id in found else match(area.id, area.name or area.id)
            if year is not None:
                found[area.id] = year
                del left[year]
    matched = [(a.id, found[a.id], a.name or a.id) for a in current.areas if a.id in found]
    apart = [(current.criteria_id, a.id, a.name or a.id) for a in current.areas if a.id not in found]
    apart += [(base.criteria, code, left[code]) for code in sorted(left, key=int)]
    return SetChange(base.year, current.criteria_id, base.criteria, tuple(c for c in mine if c in theirs),
                     tuple(c for c in (*mine, *theirs) if c not in mine or c not in theirs),
                     tuple(matched), tuple(apart))


def _years(year: str) -> frozenset[int]:
    return frozenset({int(year)}) if year.strip().isdigit() else frozenset()


def _area_key(name: str) -> str:
    """Names compared folded (`values.fold`), the usual abbreviation of 'cải cách hành chính' spelled out."""
    return fold(name).replace("cchc", "caicachhanhchinh")


def change_note(change: SetChange) -> Message:
    return Message("ui.gap.set_changed", {
        "workbook": change.workbook_set, "year_set": change.year_set, "year": change.year,
        "components": ", ".join(change.components_same) or "–",
        "areas": ", ".join(f"{wb} → {year}" for wb, year, _ in change.areas_matched) or "–",
        "apart": _apart(change)})


def _apart(change: SetChange) -> Message | str:
    """What cannot be compared, as one phrase: the components of one set only, then each set's unmatched areas."""
    parts: list[Message] = []
    if change.components_apart:
        parts.append(Message("ui.gap.apart_components", {"ids": ", ".join(change.components_apart)}))
    for set_id in (change.workbook_set, change.year_set):
        areas = [f"{code}. {name}" for owner, code, name in change.areas_apart if owner == set_id]
        if areas:
            parts.append(Message("ui.gap.apart_areas", {"set": set_id, "areas": "; ".join(areas)}))
    if not parts:
        return "–"
    # a renamed area is not compared by a guess: the set says what it was (`was:`)
    return Message("ui.gap.apart_list_was" if change.areas_apart else "ui.gap.apart_list", {"parts": parts})


def _home_unit(base: Baseline) -> UnitResult:
    home = base.home_unit()
    if home is None:
        raise ParindexError("PG407", year=base.year)
    return home


def _target(base: Baseline, unit: UnitResult, rank: int | None, projected: Projection | None,
            recoverable: Sequence[CurrentItem] | None) -> Target | None:
    """Measured from the projection, else from the official total (PG408 without either)."""
    if rank is None:
        return None
    start = projected.high if projected else (unit.total.value if unit.total else None)
    if start is None:
        raise ParindexError("PG408", unit=unit.name, year=base.year)
    return target(base, rank, start, recoverable)


def _compares(inputs: GapInputs, unit: UnitResult) -> Message:
    """What the report compares, said before any figure: the unit and its level, the year's official results, and
    the self-assessment's file where one is given."""
    base, current = inputs.baseline, inputs.current
    source = Message("ui.gap.compares_file", {"file": current.source}) if current and current.source else ""
    return Message("ui.gap.compares", {"unit": unit.name, "level": Message(f"ui.level.{base.level}", {}),
                                       "year": base.year, "source": source})


def _override(inputs: GapInputs, options: GapOptions) -> list[Message]:
    """--unit naming another unit than the file's: said first, not after the figures of a unit the file is not."""
    current, level = inputs.current, inputs.baseline.level
    if current is not None and options.unit and name_key(options.unit, level) != name_key(current.unit, level):
        return [Message("ui.gap.unit_override", {"unit": options.unit, "file_unit": current.unit})]
    return []


def _reading_notes(inputs: GapInputs, options: GapOptions, query: str | None, unit: UnitResult) -> list[Message]:
    """Which unit was read and how: another than the file's, a name matched loosely, errors, unused options."""
    current = inputs.current
    notes = []
    if query and " ".join(query.split()) != unit.name:
        notes.append(Message("ui.gap.matched", {"query": query, "unit": unit.name}))
    if current is not None and current.errors:
        notes.append(Message("ui.gap.input_errors", {"n": len(current.errors)}))
    elif current is None and options.assume:
        notes.append(Message("ui.gap.assume_unused", {}))
    return notes


def _previous_notes(base: Baseline, previous: Baseline | None, official: Official) -> list[Message]:
    """Why the change since the year before is missing or not like for like."""
    if previous is None:
        return [Message("ui.gap.no_previous", {"year": base.year - 1})]
    if previous.criteria != base.criteria:
        return [Message("ui.gap.prev_criteria", {"before_year": previous.year, "before": previous.criteria,
                                                 "year": base.year, "after": base.criteria})]
    if official.previous is None:
        return [Message("ui.gap.previous_unmatched", {"unit": official.unit.name, "year": previous.year})]
    return []


def _with_now(area: AreaGap, now: CurrentPart | None) -> AreaGap:
    """The area with its current self-assessment; a published area score becomes a share of the set's max."""
    percent = area.baseline_percent
    full = (now.full_max or now.max) if now else None
    if percent is None and area.baseline_score is not None and full:
        percent = scoring_percent(area.baseline_score, full)
    return replace(area, now=now, baseline_percent=percent)


def _year_of(text: str) -> int | None:
    digits = "".join(ch for ch in str(text) if ch.isdigit())
    return int(digits[:4]) if len(digits) >= 4 else None
