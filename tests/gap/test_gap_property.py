"""Properties of the gap core: the target-rank selection is minimal, projections add up, ranks are monotone."""

from __future__ import annotations

from decimal import Decimal
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from parindex.baseline.files import find_baseline
from parindex.gap.analysis import CurrentItem, CurrentPart, CurrentResult, minimal_selection, projected_rank, projection

CENTS = st.integers(min_value=1, max_value=500).map(lambda n: Decimal(n) / 100)


def items_from(losses: list[Decimal]) -> list[CurrentItem]:
    return [CurrentItem(f"1.{i + 1}.1", "1", Decimal(0), lost, "scored") for i, lost in enumerate(losses)]


@settings(max_examples=300, deadline=None)
@given(st.lists(CENTS, min_size=0, max_size=8), CENTS)
def test_the_selection_is_the_fewest_items_that_close_the_gap(losses: list[Decimal], needed: Decimal) -> None:
    items = items_from(losses)
    chosen = minimal_selection(items, needed)
    recovered = sum((i.lost for i in chosen), Decimal(0))
    total = sum(losses, Decimal(0))
    assert len({i.code for i in chosen}) == len(chosen)  # no item twice
    if total < needed:
        assert len(chosen) == len(items)  # it cannot be closed: everything, and the caller says so
        return
    assert recovered >= needed
    # brute force: no smaller set of items reaches `needed`
    for size in range(len(chosen)):
        for subset in combinations(losses, size):
            assert sum(subset, Decimal(0)) < needed


@given(st.lists(CENTS, min_size=1, max_size=20))
def test_nothing_is_selected_when_nothing_is_needed(losses: list[Decimal]) -> None:
    assert minimal_selection(items_from(losses), Decimal(0)) == ()


@given(st.lists(CENTS, min_size=1, max_size=20), CENTS)
def test_the_selection_is_stable(losses: list[Decimal], needed: Decimal) -> None:
    items = items_from(losses)
    assert minimal_selection(items, needed) == minimal_selection(list(reversed(items)), needed)


BASE = find_baseline(2020)[1]
HOME = BASE.home_unit()
POINTS = st.integers(min_value=0, max_value=6650).map(lambda n: Decimal(n) / 100)


def result(appraised: Decimal) -> CurrentResult:
    parts = [CurrentPart("appraised", None, appraised, Decimal("66.5"), Decimal("66.5")),
             CurrentPart("sipas", None, Decimal(0), Decimal(0), Decimal(10)),
             CurrentPart("survey", None, Decimal(0), Decimal(0), Decimal("23.5"))]
    return CurrentResult("par-province-2020", "reconstructed", None, "Bắc Giang", "province", "2021", appraised,
                         Decimal("66.5"), parts, [], [])


@given(POINTS, st.none() | st.integers(0, 1000).map(lambda n: Decimal(n) / 100),
       st.none() | st.integers(0, 2350).map(lambda n: Decimal(n) / 100))
def test_the_projection_is_the_sum_of_its_parts(appraised: Decimal, sipas: Decimal | None,
                                                survey: Decimal | None) -> None:
    assume = {k: v for k, v in (("sipas", sipas), ("survey", survey)) if v is not None}
    proj = projection(BASE, HOME, result(appraised), assume)  # type: ignore[arg-type]
    parts = [p.score for p in proj.self_assessed] + [a.value for a in proj.assumptions]
    assert proj.total == sum(parts, Decimal(0))
    assert {a.component: a.value for a in proj.assumptions} == {
        "sipas": sipas if sipas is not None else Decimal("9.29"),
        "survey": survey if survey is not None else Decimal("19.36")}
    assert all(a.given == (a.component in assume) for a in proj.assumptions)
    assert proj.total.as_tuple().exponent >= -2


@given(POINTS.map(lambda p: p + 30), POINTS.map(lambda p: p + 30))
def test_projected_ranks_are_ordered_and_monotone(low: Decimal, high: Decimal) -> None:
    low, high = min(low, high), max(low, high)
    best_low, worst_low = projected_rank(BASE, low, HOME)
    best_high, worst_high = projected_rank(BASE, high, HOME)
    assert 1 <= best_low <= worst_low <= BASE.total_units
    assert best_high <= best_low and worst_high <= worst_low
