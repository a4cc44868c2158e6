"""The rows of a unit's summary table (bảng tổng hợp), shared by the Word report and the xlsx report.

Every column adds up: each area's and criterion's figures are the exact sums of the rows under it, the areas add
up to *Điểm các lĩnh vực*, and that row with the bonus and penalty rows to the total. Maxima are the set's own
(a surveyed or not-applicable item keeps its maximum; the total's maximum is the set's). A penalty is negative
wherever it stands; bonus and penalty never share a row: a group holding both (Hà Nội's ninth content) is a
heading without figures, its bonus and penalty criteria carry theirs. The counted column (appraised where given,
the unit's own points elsewhere) is filled only when something was appraised.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from parindex.common.i18n import t
from parindex.criteria.model import Area, Criterion, items_of
from parindex.scoring.engine import ZERO, ItemScore, UnitScore, adjustments
from parindex.scoring.reports import adjustment_note

UNSCORED = ("not_applicable", "not_self_scored")  # no points of the unit's own: their status is shown instead
Kind = Literal["area", "criterion", "item", "base", "adjustment", "total"]


@dataclass(frozen=True)
class SummaryRow:
    kind: Kind
    code: str
    name: str
    max: Decimal | None  # None: nothing printed
    own: Decimal | None
    counted: Decimal | None
    item: ItemScore | None = None

    @property
    def bold(self) -> bool:
        return self.kind != "item"


def signed(s: ItemScore, value: Decimal) -> Decimal:
    """An item's points or maximum as the table prints them: a penalty's negative (never -0)."""
    return abs(value) * -1 if s.item.role.sign < 0 and value else value


def summary_rows(unit: UnitScore) -> Iterator[SummaryRow]:
    """Areas (names in capitals), criteria at any depth and items in the set's order, then the areas' sum, bonus
    and penalty (capped) where the set has them, and the total."""
    by_item = {s.item.code: s for s in unit.items}
    appraised = any(s.appraised is not None for s in unit.items)

    def group(node: Area | Criterion, kind: Kind, name: str) -> Iterator[SummaryRow]:
        scored = [by_item[item.code] for item in items_of(node)]
        mixed = len({s.item.role.sign for s in scored if s.item.is_adjustment}) > 1  # bonus and penalty
        if mixed:
            yield SummaryRow(kind, node.code, name, None, None, None)
        else:
            yield SummaryRow(kind, node.code, name, _sum(scored, "max"), _sum(scored, "own"),
                             _sum(scored, "points") if appraised else None)
        for child in node.nodes():  # in the set's order: an area may hold items directly, a criterion both
            if isinstance(child, Criterion):
                yield from group(child, "criterion", child.name)
                continue
            item, s = child, by_item[child.code]
            unscored = s.status in UNSCORED
            yield SummaryRow("item", item.code, item.name, signed(s, item.max), None if unscored else signed(s, s.own),
                             signed(s, s.points) if appraised and not unscored else None, s)

    for area in unit.criteria.areas:
        yield from group(area, "area", area.name.upper())
    inside = [s for s in unit.items if not s.item.is_adjustment]
    counted = unit.adjustments
    if counted:
        own = adjustments(unit.criteria, unit.items, lambda s: s.own)
        yield SummaryRow("base", "", t("ui.score.base"), _sum(inside, "max"), _sum(inside, "own"),
                         _sum(inside, "points") if appraised else None)
        for mine, final in zip(own, counted, strict=True):
            yield SummaryRow("adjustment", "", f"{t(f'ui.score.{final.role}')} ({adjustment_note(final)})", None,
                             mine.signed + ZERO, final.signed + ZERO if appraised else None)
    yield SummaryRow("total", "", t("report.total_row"), _sum(inside, "max"), unit.self_score,
                     unit.appraised_score)


def _sum(scored: list[ItemScore], what: Literal["max", "own", "points"]) -> Decimal:
    """A group's figure: its items' maxima as the set states them (bonus and penalty items' signed), or their
    own or counted points (N/A and survey items without points add nothing)."""
    total = ZERO
    for s in scored:
        if what == "max":
            total += signed(s, s.item.max)
        elif s.status not in UNSCORED:
            total += signed(s, s.own if what == "own" else s.points)
    return total
