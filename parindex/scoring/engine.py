"""The scoring engine (pure): a criteria set and an evidence book in, an explained unit score out.

Points are Decimal. Each item's points are rounded once (2 decimals, half-up); every parent is the exact
sum of its children, so every total shown equals the sum of the parts shown.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, NamedTuple, TypeVar

from parindex.common import values
from parindex.common.messages import Message
from parindex.criteria.model import Area, CriteriaSet, Item, Role, code_key, effective_lead, role_of
from parindex.criteria.provenance import provenance_banner
from parindex.evidence.model import LEVEL_BLOCKS, SHEET_ITEMS, Cell, EvidenceBook, EvidenceRow, is_blank

Status = Literal["scored", "missing", "not_applicable", "not_self_scored", "estimated", "surveyed", "invalid"]
CENT = Decimal("0.01")
T = TypeVar("T")
ZERO = Decimal(0)


def round_points(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def percent(score: Decimal, maximum: Decimal) -> Decimal | None:
    return (score * 100 / maximum).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) if maximum else None


class ItemScore(NamedTuple):
    item: Item
    area: Area
    status: Status
    points: Decimal  # what counts: the appraised points where given, else `own` (0 unless scored/estimated)
    value: object = None  # the value as understood (Decimal, bool, label); as typed when invalid; None when blank
    value_ref: str = ""
    tier: str | None = None  # which tier/option/case gave the points, for `explain`
    self_score: Decimal | None = None
    appraised: Decimal | None = None
    evidence: str | None = None
    explanation: str | None = None
    own: Decimal = ZERO  # what the unit's own value earns through the rule (before any appraisal)

    @property
    def counted_max(self) -> Decimal:
        """The max this item adds to its parents: N/A and not-self-scored items add nothing, nor do bonus and
        penalty items (they stand outside the set's max)."""
        if self.status in ("not_applicable", "not_self_scored") or self.item.is_adjustment:
            return ZERO
        return self.item.max

    @property
    def lost(self) -> Decimal:
        """Points lost: a penalty item's points are lost; a bonus missed is not a loss."""
        if self.item.is_adjustment:
            return self.points if self.item.role.sign < 0 else ZERO
        return self.counted_max - self.points

    @property
    def differs(self) -> bool:
        """Appraised points that differ from the unit's own: the items to explain or contest."""
        return self.appraised is not None and self.appraised != self.own

    @property
    def lead(self) -> str | None:
        return effective_lead(self.area, self.item)


class Subtotal(NamedTuple):
    code: str
    name: str
    score: Decimal
    max: Decimal  # of what was scored (N/A and not-self-scored removed)
    full_max: Decimal  # as the criteria set says
    rank: int | None = None

    @property
    def percent(self) -> Decimal | None:
        return percent(self.score, self.max)


class Adjustment(NamedTuple):
    """Bonus or penalty points: its items' points added up (`earned`), then capped at the component's max."""

    id: str  # the component's
    name: str
    earned: Decimal
    cap: Decimal
    declared_role: Role | None = None  # the component's, where its id does not imply it

    @property
    def role(self) -> Role:
        return role_of(self.id, self.declared_role)

    @property
    def points(self) -> Decimal:
        return min(self.earned, self.cap)

    @property
    def signed(self) -> Decimal:
        """Its points as they enter the total: a penalty's subtracted."""
        return self.role.sign * self.points


class _Totals:
    """Score, max and % of a unit: the sum of its area subtotals (the base), plus bonus, minus penalty."""

    __slots__ = ()  # so that UnitTotals, kept for every unit of a run, has no per-instance dict
    areas: list[Subtotal]
    adjustments: list[Adjustment]

    @property
    def base(self) -> Decimal:
        return sum((area.score for area in self.areas), ZERO)

    @property
    def bonus(self) -> Decimal:
        return sum((a.points for a in self.adjustments if a.role.sign > 0), ZERO)

    @property
    def penalty(self) -> Decimal:
        return sum((a.points for a in self.adjustments if a.role.sign < 0), ZERO)

    @property
    def score(self) -> Decimal:
        return self.base + self.bonus - self.penalty

    @property
    def max(self) -> Decimal:
        return sum((area.max for area in self.areas), ZERO)

    @property
    def percent(self) -> Decimal | None:
        return percent(self.score, self.max)


@dataclass(frozen=True)
class UnitScore(_Totals):
    criteria: CriteriaSet
    unit: str
    level: str
    year: str
    source: str  # the workbook it came from
    items: list[ItemScore]
    areas: list[Subtotal]
    components: list[Subtotal]
    warnings: list[Message]
    errors: list[Message]
    adjustments: list[Adjustment]
    block: str = ""  # the block it is ranked in (Thông tin › Khối; its level in words when absent)
    part_of: str = ""  # the lead agency whose part this workbook is (Thông tin › Cơ quan chủ trì), else ""
    # why it cannot be ranked yet (PS547: no row in the survey table; PS590: a blank measured cell there)
    unranked: tuple[Message, ...] = ()
    merged: bool = False  # the workbook `merge` wrote (evidence.model.EvidenceBook.merged)

    def totals(self) -> UnitTotals:
        estimated = [s for s in self.items if s.status == "estimated"]
        return UnitTotals(self.unit, self.source, self.areas, len(self.errors), self.level, self.adjustments,
                          sum((s.points for s in estimated), ZERO), sum((s.counted_max for s in estimated), ZERO),
                          sum(1 for s in self.items if s.status == "surveyed"), self.block,
                          tuple((band.name, band.at_least) for band in self.criteria.bands),
                          self.criteria.max, self.year, provenance_banner(self.criteria), self.part_of,
                          self.unranked, self.merged)

    @property
    def self_score(self) -> Decimal:
        """What the unit's own points add up to (bonus and penalty capped), appraisal aside."""
        return total_of(self.criteria, self.items, lambda s: s.own)

    @property
    def appraised_score(self) -> Decimal | None:
        """The total with the appraised points where given; None when nothing was appraised."""
        return self.score if any(s.appraised is not None for s in self.items) else None

    def differences(self) -> list[ItemScore]:
        """Items whose appraised points differ from the unit's own, in the set's order."""
        return [s for s in self.items if s.differs]


@dataclass(frozen=True, slots=True)
class UnitTotals(_Totals):
    """What ranking needs of a unit: small, so a thousand units are ranked without keeping their items."""

    unit: str
    source: str
    areas: list[Subtotal]
    errors: int  # how many errors its workbook has (any: the run exits 1)
    level: str  # how its name is compared with others' (unit_names.name_key)
    adjustments: list[Adjustment]
    estimated: Decimal = ZERO  # points of survey items the unit estimated itself: never counted toward a rank
    estimated_max: Decimal = ZERO
    surveyed: int = 0  # items whose value came from the province's survey table
    block: str = ""
    bands: tuple[tuple[str, Decimal], ...] = ()  # the set's grades: (name, at least this %), best first
    full_max: Decimal = ZERO  # the set's max: above `max` when items do not apply to the unit
    year: str = ""
    banner: Message | None = None  # the set is reconstructed or holds provisional values: every output says so
    part_of: str = ""  # a lead agency's part, not a whole workbook: two of one unit are to be merged, not ranked
    unranked: tuple[Message, ...] = ()  # why it is not ranked (a measurement missing): kept out of the ranks
    merged: bool = False  # the workbook `merge` wrote: skipped when its own parts are in the run

    @property
    def rank_percent(self) -> Decimal | None:
        """The % a rank is decided on: the unit's own survey estimates left out, points and max."""
        return percent(self.score - self.estimated, self.max - self.estimated_max)

    @property
    def rank_score(self) -> Decimal:
        """The points a rank is decided on: the unit's own survey estimates left out."""
        return self.score - self.estimated

    @property
    def rank_max(self) -> Decimal:
        return self.max - self.estimated_max

    @property
    def band(self) -> str | None:
        """The grade its ranked points earn: the first band whose threshold they reach, compared exactly (89,96 %
        shows as 90,0 % but is below 90); None when the set has no bands or none is reached."""
        if not self.rank_max:
            return None
        return next((name for name, at_least in self.bands if self.rank_score * 100 >= at_least * self.rank_max),
                    None)


class Shared:
    """One object for each value many units' totals hold alike (area codes and names, points, maxima, a set's
    grades and banner), so that the totals a run keeps for its ranking cost little more than the unit's name: a
    worker's totals arrive unpickled, every value a new object. Values are told apart as written (a Decimal by
    its digits and exponent, 1.0 is not 1.00), so a total is never shown otherwise than it was scored."""

    def __init__(self) -> None:
        self._seen: dict[object, object] = {}

    def _one(self, key: object, value: T) -> T:
        return self._seen.setdefault(key, value)  # type: ignore[return-value]

    def _decimal(self, value: Decimal) -> Decimal:
        return self._one(("decimal", str(value)), value)

    def _text(self, value: str) -> str:
        return self._one(value, value)

    def totals(self, unit: UnitTotals) -> UnitTotals:
        d, s = self._decimal, self._text
        areas = [self._one(("area", a.code, a.name, str(a.score), str(a.max), str(a.full_max), a.rank),
                           Subtotal(s(a.code), s(a.name), d(a.score), d(a.max), d(a.full_max), a.rank))
                 for a in unit.areas]
        adjustments = [self._one(("adjustment", a.id, a.name, str(a.earned), str(a.cap), a.declared_role),
                                 Adjustment(s(a.id), s(a.name), d(a.earned), d(a.cap), a.declared_role))
                       for a in unit.adjustments]
        bands = self._one(("bands", *((name, str(at)) for name, at in unit.bands)),
                          tuple((s(name), d(at)) for name, at in unit.bands))
        banner = unit.banner
        if banner is not None:
            banner = self._one(("banner", banner.code, repr(banner.params), banner.where, banner.item), banner)
        return replace(unit, areas=areas, adjustments=adjustments, bands=bands, banner=banner, level=s(unit.level),
                       block=s(unit.block), year=s(unit.year), part_of=s(unit.part_of), full_max=d(unit.full_max),
                       estimated=d(unit.estimated), estimated_max=d(unit.estimated_max))


# --- scoring ----------------------------------------------------------------------------------------

def score_book(cset: CriteriaSet, book: EvidenceBook, surveyed: dict[str, Cell] | None = None,
               survey_path: str = "") -> UnitScore:
    """`surveyed`: this unit's results from the province's survey table (item code → cell), which replace
    what the unit typed for those items; `survey_path`: the table(s) its measured items are taken from.

    A measurement missing is not "không áp dụng": with a table given, a unit that has no row in it (`surveyed`
    None) or a blank cell in its row is scored on what it typed but stays unranked (`UnitScore.unranked`) until the
    table holds its result — never ranked on a smaller maximum."""
    who = identity(cset, book)
    unit_name = who.unit
    warnings: list[Message] = []
    errors: list[Message] = []
    unranked: list[Message] = []
    if survey_path and surveyed is None and any(item.is_survey for _, item in cset.items()):
        unranked.append(Message("PS547", {"unit": unit_name, "path": survey_path}, book.path))
    surveyed = surveyed or {}
    known = cset.item_by_code()
    for code, row in book.rows.items():
        if code not in known and code not in cset.group_codes:
            errors.append(Message("PS510", {}, row.ref("code") or None, code))
    scored: list[ItemScore] = []
    previous: EvidenceRow | None = None  # the row of the item before, to say where a missing row belongs
    part = bool(book.info.get("lead", "").strip())  # a lead agency's part holds only its own items' rows
    for area, item in cset.items():
        found = book.rows.get(item.code)
        if found is None and part:
            if not (item.is_survey or item.is_adjustment):
                warnings.append(Message("PS503", {}, None, item.code))
        elif found is None:
            warnings.append(_missing_row(item, previous))
        cell = surveyed.get(item.code)
        survey_cell = None if cell is None else Cell(cell.raw, f"{survey_path} › {cell.ref}")
        score = score_item(area, item, found, warnings, errors, None if cell is not None and cell.blank
                           else survey_cell)
        if survey_cell is not None and survey_cell.blank and score.status != "not_applicable":
            unranked.append(Message("PS590", {"unit": unit_name, "cell": survey_cell.ref}, survey_cell.ref,
                                    item.code))
        scored.append(score)
        previous = found or previous
    return UnitScore(
        criteria=cset,
        unit=who.unit,
        level=who.level,
        year=who.year,
        source=book.path,
        items=scored,
        areas=rank_subtotals(area_subtotals(cset, scored)),
        components=component_subtotals(cset, scored),
        warnings=[*unranked, *warnings],
        errors=errors,
        adjustments=adjustments(cset, scored, lambda s: s.points),
        block=who.block,
        part_of=who.part_of,
        unranked=tuple(unranked),
        merged=book.merged,
    )


class Identity(NamedTuple):
    """Who a workbook is, from its Thông tin alone: what a run matches and checks before anything is scored."""

    unit: str
    level: str  # how its name is compared with others' (unit_names.name_key)
    year: str
    block: str  # the block it is ranked in (Thông tin › Khối; its level in words when absent)
    part_of: str  # the lead agency whose part this workbook is, else ""


def identity(cset: CriteriaSet, book: EvidenceBook) -> Identity:
    level = book.info.get("level", "").strip() or cset.level
    return Identity(book.info.get("unit", "").strip() or book.path, level, book.info.get("year", "").strip(),
                    " ".join(book.info.get("block", "").split()) or LEVEL_BLOCKS.get(level, level),
                    book.info.get("lead", "").strip())


def _missing_row(item: Item, previous: EvidenceRow | None) -> Message:
    """PS540: an item without a row (deleted or never copied), with where its row belongs."""
    after = f"{previous.code} ({previous.ref('code')})" if previous is not None else "–"
    return Message("PS540", {"after": after}, SHEET_ITEMS, item.code)


def score_item(area: Area, item: Item, row: EvidenceRow | None, warnings: list[Message],
               errors: list[Message], surveyed: Cell | None = None) -> ItemScore:
    """One item: N/A, then the value through its rule (the province's survey result where given), then
    appraised and self-score cross-checks."""
    row = row or EvidenceRow(item.code, 0)
    raw = row.values.get  # raw values, read straight: this runs for every item of every workbook
    evidence, explanation = _text(raw("evidence")), _text(raw("explanation"))
    value_ref = row.ref("value") if surveyed is None else surveyed.ref
    try:
        if _is_not_applicable(item, row):
            return ItemScore(item, area, "not_applicable", ZERO, value_ref=row.ref("not_applicable"),
                             evidence=evidence, explanation=explanation)
        if surveyed is not None:
            value, points, tier = item.rule.score(surveyed.raw, item.max)
            points = round_points(points)
            return ItemScore(item, area, "surveyed", points, value=value, value_ref=value_ref, tier=tier,
                             evidence=evidence, explanation=explanation, own=points)
        self_score = _points_cell(row, "self_score", item)
        appraised = _points_cell(row, "appraised", item)
        survey = item.is_survey
        if is_blank(raw("value")):
            return _blank(area, item, row, self_score, appraised, evidence, explanation, warnings)
        value, points, tier = item.rule.score(raw("value"), item.max)
    except values.ValueProblem as problem:  # said at its cell (the value's, unless the problem names another)
        errors.append(replace(problem.msg, where=problem.msg.where or value_ref or None, item=item.code))
        typed = raw("value") if surveyed is None else surveyed.raw
        return ItemScore(item, area, "invalid", ZERO, value=_text(typed), value_ref=value_ref,
                         evidence=evidence, explanation=explanation)
    points = round_points(points)
    if self_score is not None and self_score != points:
        warnings.append(Message("PS501", {"self": self_score, "computed": points}, row.ref("self_score") or None,
                                item.code))
    if not survey and evidence is None and explanation is None:
        warnings.append(Message("PS502", {}, row.ref("evidence") or value_ref or None, item.code))
    return ItemScore(item, area, "estimated" if survey else "scored",
                     appraised if appraised is not None else points, value=value, value_ref=value_ref, tier=tier,
                     self_score=self_score, appraised=appraised, evidence=evidence, explanation=explanation,
                     own=points)


def _blank(area: Area, item: Item, row: EvidenceRow, self_score: Decimal | None, appraised: Decimal | None,
           evidence: str | None, explanation: str | None, warnings: list[Message]) -> ItemScore:
    """An item without a value: a bonus or penalty not earned (0, nothing to say), a survey item left to the
    province, or a missing value (PS503; PS541 when a self-score was typed without the value it comes from)."""
    status: Status = "scored" if item.is_adjustment else "not_self_scored" if item.is_survey else "missing"
    if status == "missing" and row.row:  # a missing row was said once (PS540)
        if self_score is not None:
            warnings.append(Message("PS541", {"self": self_score}, row.ref("value") or None, item.code))
        else:
            warnings.append(Message("PS503", {}, row.ref("value") or None, item.code))
    return ItemScore(item, area, status, appraised if appraised is not None else ZERO, value_ref=row.ref("value"),
                     self_score=self_score, appraised=appraised, evidence=evidence, explanation=explanation)


def _is_not_applicable(item: Item, row: EvidenceRow) -> bool:
    raw = row.values.get("not_applicable")
    try:
        if is_blank(raw) or not values.parse_not_applicable(raw):
            return False
    except values.ValueProblem as problem:  # said at the Không áp dụng cell, not at the value's
        raise values.ValueProblem(problem.msg, where=row.ref("not_applicable")) from None
    if not item.not_applicable:
        raise values.ValueProblem("PS512", where=row.ref("not_applicable"))
    return True


def _points_cell(row: EvidenceRow, key: str, item: Item) -> Decimal | None:
    """A points column (self-score, appraised): blank, or a number within [0, max]."""
    raw = row.values.get(key)
    if is_blank(raw):
        return None
    try:
        points = values.parse_quantity(raw)
    except values.ValueProblem as problem:
        raise values.ValueProblem(problem.msg, where=row.ref(key)) from None
    if points > item.max:
        raise values.ValueProblem("PS511", where=row.ref(key), value=points, max=item.max)
    return round_points(points)


def _text(raw: values.RawValue) -> str | None:
    return None if is_blank(raw) else str(raw).strip()


# --- subtotals and ranks ------------------------------------------------------------------------------

def area_subtotals(cset: CriteriaSet, scored: list[ItemScore]) -> list[Subtotal]:
    """The areas that make the set's max (a bonus and penalty area stands outside it: see `adjustments`)."""
    areas = [area for area in cset.areas if not area.is_adjustment]
    by_area: dict[int, list[ItemScore]] = {id(area): [] for area in areas}  # one pass, not one per area
    for s in scored:
        group = by_area.get(id(s.area))
        if group is not None:
            group.append(s)
    return [_subtotal(area.code, area.name, by_area[id(area)], area.max) for area in areas]


def component_subtotals(cset: CriteriaSet, scored: list[ItemScore]) -> list[Subtotal]:
    by_component: dict[str, list[ItemScore]] = {comp.id: [] for comp in cset.components if comp.role.inside_max}
    for s in scored:
        group = by_component.get(s.item.component)
        if group is not None:
            group.append(s)
    return [_subtotal(comp.id, comp.name, by_component[comp.id], comp.max) for comp in cset.components
            if comp.role.inside_max]


def adjustments(cset: CriteriaSet, scored: list[ItemScore], pick: Callable[[ItemScore], Decimal]) -> list[Adjustment]:
    """The set's bonus and penalty, each its items' points (`pick`: counted or own) added up, capped."""
    return [Adjustment(comp.id, comp.name, sum((pick(s) for s in scored if s.item.component == comp.id), ZERO),
                       comp.max, comp.role) for comp in cset.components if not comp.role.inside_max]


def total_of(cset: CriteriaSet, scored: list[ItemScore], pick: Callable[[ItemScore], Decimal]) -> Decimal:
    """A unit's total with each item's points taken by `pick`: the base, plus capped bonus, minus capped penalty."""
    base = sum((pick(s) for s in scored if not s.item.is_adjustment), ZERO)
    return base + sum((a.signed for a in adjustments(cset, scored, pick)), ZERO)


def _subtotal(code: str, name: str, group: list[ItemScore], full_max: Decimal) -> Subtotal:
    return Subtotal(code, name, sum((s.points for s in group), ZERO), sum((s.counted_max for s in group), ZERO),
                    full_max)


def rank_subtotals(subtotals: list[Subtotal]) -> list[Subtotal]:
    """The same subtotals with `rank` by % attained (ties share a rank; nothing scored ranks last)."""
    ranks = competition_ranks([s.percent if s.percent is not None else Decimal(-1) for s in subtotals])
    return [Subtotal(s.code, s.name, s.score, s.max, s.full_max, rank) for s, rank in zip(subtotals, ranks,
                                                                                            strict=True)]


def competition_ranks(keys: list[Decimal]) -> list[int]:
    """1-based ranks, higher key first; equal keys share a rank and the next rank skips (1, 2, 2, 4)."""
    ascending = sorted(keys)
    return [1 + len(keys) - bisect_right(ascending, key) for key in keys]  # 1 + how many are greater


def biggest_losses(unit: UnitScore, limit: int = 10) -> list[ItemScore]:
    lost = [s for s in unit.items if s.lost > 0]
    return sorted(lost, key=lambda s: (-s.lost, code_key(s.item.code)))[:limit]


class RankedUnit(NamedTuple):
    rank: int
    unit: UnitTotals


def rank_units(units: list[UnitTotals]) -> list[RankedUnit]:
    """Units by % of what they could score (fair when N/A items differ), their own survey estimates left out
    (a unit's guess of its survey never decides its rank); ties share a rank."""
    ranks = competition_ranks([unit.rank_percent if unit.rank_percent is not None else Decimal(-1)
                               for unit in units])
    ordered = sorted(zip(ranks, units, strict=True), key=lambda pair: (pair[0], pair[1].unit))
    return [RankedUnit(rank, unit) for rank, unit in ordered]
