"""How far the collection has come (pure): per lead agency of one unit, or per unit of many.

An item is *entered* when it has a value or an N/A mark; an entered item (not N/A) with neither evidence nor
explanation still owes its documents (the Ministry asks an explanation for every item without evidence).
Survey and SIPAS items are the Ministry's to measure: not owed by anyone, and a value typed for one counts as
an *estimate*. What is left is what is missing plus what lacks its documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from parindex.common.unit_names import name_key
from parindex.criteria.leads import item_leads
from parindex.criteria.model import CriteriaSet
from parindex.evidence.model import EvidenceRow, is_blank


@dataclass(frozen=True)
class Tally:
    """Counts of one lead agency's (or one unit's) items. `name` '' is the items no agency leads."""

    name: str
    assigned: int = 0  # self-scored items
    entered: int = 0
    no_evidence: int = 0  # entered, applicable, with neither evidence nor explanation
    estimates: int = 0  # survey/SIPAS items with a value typed
    missing_codes: tuple[str, ...] = ()

    @property
    def missing(self) -> int:
        return self.assigned - self.entered

    @property
    def left(self) -> int:
        return self.missing + self.no_evidence

    @property
    def percent(self) -> Decimal | None:
        """Share of the items entered, 1 decimal."""
        if not self.assigned:
            return None
        return (Decimal(self.entered * 100) / self.assigned).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    def plus(self, code: str, survey: bool, row: EvidenceRow | None) -> Tally:
        value = None if row is None else row.values.get("value")
        na = None if row is None else row.values.get("not_applicable")
        if survey:
            return replace(self, estimates=self.estimates + (not is_blank(value)))
        entered = not is_blank(value) or not is_blank(na)
        bare = entered and is_blank(na) and row is not None and all(
            is_blank(row.values.get(key)) for key in ("evidence", "explanation"))
        return replace(self, assigned=self.assigned + 1, entered=self.entered + entered,
                     no_evidence=self.no_evidence + bare,
                     missing_codes=self.missing_codes if entered else (*self.missing_codes, code))


def by_lead(cset: CriteriaSet, rows: Mapping[str, EvidenceRow]) -> list[Tally]:
    """One tally per lead agency of the set, the most left to do first (then by name)."""
    items = cset.item_by_code()
    tallies: dict[str, Tally] = {}
    for code, lead in item_leads(cset).items():
        if items[code].is_adjustment:  # bonus and penalty: blank means none earned, nothing to chase
            continue
        name = lead or ""
        tallies[name] = tallies.get(name, Tally(name)).plus(code, items[code].is_survey, rows.get(code))
    return sorted(tallies.values(), key=lambda tally: (-tally.left, tally.name == "", tally.name))


def of_unit(cset: CriteriaSet, rows: Mapping[str, EvidenceRow], name: str) -> Tally:
    tally = Tally(name)
    for code, item in cset.item_by_code().items():
        if not item.is_adjustment:  # bonus and penalty: blank means none earned, nothing to chase
            tally = tally.plus(code, item.is_survey, rows.get(code))
    return tally


def not_sent(expected: Iterable[str], sent: Iterable[str], level: str) -> tuple[list[str], list[str]]:
    """Expected units without a workbook, and units that sent one but are not on the list (names compared as
    `gap` compares them)."""
    expected = list(dict.fromkeys(expected))
    sent = list(sent)
    sent_keys = {name_key(name, level) for name in sent}
    expected_keys = {name_key(name, level) for name in expected}
    return ([name for name in expected if name_key(name, level) not in sent_keys],
            [name for name in sent if name_key(name, level) not in expected_keys])
