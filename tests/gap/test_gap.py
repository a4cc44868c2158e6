"""The gap core on the bundled baselines and on score results built by hand (no workbook, no terminal)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parindex.baseline.files import find_baseline
from parindex.common.errors import ParindexError
from parindex.gap.analysis import (
    Completeness,
    GapInputs,
    GapOptions,
    analyse,
    compare_items,
    is_warning,
    projected_rank,
    projection,
    rank_bounds,
    rank_threshold,
    recoverable_items,
)
from parindex.gap.input import result_from_dict
from tests.gap_samples import STC, VP, item, score_result

D = Decimal


@pytest.fixture(scope="module")
def y2020():
    return find_baseline(2020)[1]


@pytest.fixture(scope="module")
def y2019():
    return find_baseline(2019)[1]


def official(y2020, y2019, **options):
    return analyse(GapInputs(y2020, "par-province-2020.yaml", previous=y2019), GapOptions(**options))


# --- without a workbook -----------------------------------------------------------------------------------

def test_bac_giang_2020_official_position(y2020, y2019) -> None:
    report = official(y2020, y2019)
    o = report.official
    assert o.unit.name == "Bắc Giang"  # the home unit by default
    assert (o.total.value, o.rank.value, o.total_units) == (D("85.58"), 13, 63)
    lost = {c.id: c.lost for c in o.components}
    assert lost == {"appraised": D("9.57"), "sipas": D("0.71"), "survey": D("4.14")}
    assert o.lost == D("14.42") == sum(lost.values())  # the parts shown add up to the total shown
    top10 = next(th for th in o.thresholds if th.rank == 10)
    assert (top10.score, top10.holder, top10.distance) == (D("85.74"), "Phú Thọ", D("0.16"))
    marks = {(th.kind, th.rank if th.kind != "grade" else th.holder): th.distance for th in o.thresholds}
    assert marks == {("rank", 1): D("5.46"), ("rank", 5): D("1.19"), ("rank", 10): D("0.16"),
                     ("average", None): D("-1.86"), ("grade", "B"): D("-5.58"), ("grade", "A"): D("4.42")}


def test_areas_worst_first_with_shortfalls_and_leads(y2020, y2019) -> None:
    areas = official(y2020, y2019).official.areas
    assert [(a.code, a.rank) for a in areas] == [("6", 58), ("3", 38), ("4", 38), ("1", 22), ("2", 21), ("5", 5),
                                                  ("7", 1), ("8", None)]
    finance = areas[0]
    assert finance.lead == STC
    assert any("80,78%" in s.text for s in finance.shortfalls)
    assert any("87,26%" in s.text for s in finance.shortfalls)
    procedures = next(a for a in areas if a.code == "3")
    assert (procedures.previous_rank, procedures.rank_change) == (55, 17)
    assert procedures.lead == VP


def test_year_before(y2020, y2019) -> None:
    previous = official(y2020, y2019).official.previous
    assert previous is not None
    assert (previous.year, previous.total, previous.rank) == (2019, D("81.84"), 25)
    assert (previous.total_change, previous.rank_change) == (D("3.74"), 12)  # as the seed plan says


def test_the_merger_is_said(y2020, y2019) -> None:
    notes = official(y2020, y2019).notes
    merger = next(n for n in notes if n.code == "ui.gap.merger")
    assert merger.params["into"] == "Bắc Ninh"


def test_target_rank_without_a_workbook(y2020, y2019) -> None:
    target = official(y2020, y2019, target_rank=10).target
    assert target is not None
    assert (target.needed, target.selection, target.reachable) == (D("0.16"), (), None)


def test_other_units_and_missing_data(y2020, y2019) -> None:
    report = official(y2020, y2019, unit="Quảng Ninh")
    assert report.official.rank.value == 1
    assert next(th for th in report.official.thresholds if th.rank == 1).distance == 0
    with pytest.raises(ParindexError) as caught:
        official(y2020, y2019, unit="Hà Giang")
    assert caught.value.code == "PG401"


def test_a_rank_without_a_published_score_uses_the_known_score_above(y2020) -> None:
    threshold = rank_threshold(y2020, 12, D("85.58"))
    assert (threshold.score, threshold.exact) == (D("85.74"), False)
    with pytest.raises(ParindexError) as caught:
        rank_threshold(y2020, 64, None)
    assert caught.value.code == "PG411"


def test_rank_bounds_follow_the_published_scores(y2020) -> None:
    bounds = rank_bounds(y2020)
    assert bounds[10][:2] == (D("85.74"), D("85.74"))
    assert bounds[11][:2] == (D("85.58"), D("85.74"))  # between Phú Thọ (10th) and Bắc Giang (13th)
    assert bounds[40][:2] == (D("73.25"), D("83.81"))
    lows = [bounds[r][0] for r in range(1, 64)]
    assert lows == sorted(lows, reverse=True)


def test_projected_rank(y2020) -> None:
    unit = next(u for u in y2020.units if u.name == "Bắc Giang")
    assert projected_rank(y2020, D("85.58"), unit) == (11, 13)  # ranks 11 and 12 are unpublished
    assert projected_rank(y2020, D("86.15"), unit) == (8, 8)
    assert projected_rank(y2020, D("95"), unit) == (1, 1)
    assert projected_rank(y2020, D("70"), unit) == (63, 63)


# --- with a score result --------------------------------------------------------------------------------

def current(**kwargs):
    return result_from_dict(score_result(**kwargs), "sample.json")


def test_projection_with_the_baseline_year_assumed(y2020) -> None:
    unit = next(u for u in y2020.units if u.name == "Bắc Giang")
    proj = projection(y2020, unit, current())
    assert [(p.id, p.score) for p in proj.self_assessed] == [("appraised", D("57.50"))]
    assert [(a.component, a.value, a.given) for a in proj.assumptions] == [("sipas", D("9.29"), False),
                                                                            ("survey", D("19.36"), False)]
    assert proj.total == D("86.15") == D("57.50") + D("9.29") + D("19.36")
    assert proj.change == D("0.57")
    assert (proj.rank_best, proj.rank_worst) == (8, 8)
    # the workbook's own survey estimate (1.00) is not used, and that is said
    assert any(n.code == "ui.gap.estimate_ignored" for n in proj.notes)


def test_projection_with_given_assumptions(y2020) -> None:
    unit = next(u for u in y2020.units if u.name == "Bắc Giang")
    proj = projection(y2020, unit, current(), {"sipas": D("9.5"), "survey": D("20")})
    assert [(a.component, a.value, a.given) for a in proj.assumptions] == [("sipas", D("9.50"), True),
                                                                            ("survey", D("20.00"), True)]
    assert proj.total == D("87.00")
    assert proj.rank_best == proj.rank_worst == 4
    only_sipas = projection(y2020, unit, current(), {"sipas": D("10")})
    assert only_sipas.total == D("57.50") + D("10") + D("19.36")


@pytest.mark.parametrize("value", [D("-1"), D("10.01")])
def test_assumptions_out_of_range(y2020, value: Decimal) -> None:
    unit = next(u for u in y2020.units if u.name == "Bắc Giang")
    with pytest.raises(ParindexError) as caught:
        projection(y2020, unit, current(), {"sipas": value})
    assert caught.value.code == "PG406"


def test_no_baseline_component_needs_an_assumption(y2019) -> None:
    """2019 published Bắc Giang's SIPAS as a share, not as points: the projection must be told."""
    unit = next(u for u in y2019.units if u.name == "Bắc Giang")
    with pytest.raises(ParindexError) as caught:
        projection(y2019, unit, current())
    assert caught.value.code == "PG405"


def test_recoverable_items_and_leads(y2020, y2019) -> None:
    report = analyse(GapInputs(y2020, "x", previous=y2019, current=current()), GapOptions())
    assert [(i.code, i.lost) for i in report.recoverable] == [("3.3.1", D("1.00")), ("6.2.1", D("1.00")),
                                                              ("6.3.1", D("0.75"))]
    assert [(b.lead, b.lost, b.items) for b in report.by_lead] == [(STC, D("1.75"), 2), (VP, D("1.00"), 1)]
    assert sum(b.lost for b in report.by_lead) == sum(i.lost for i in report.recoverable)
    assert report.official.unit.name == "Bắc Giang"  # read from the file's "UBND tỉnh Bắc Giang"
    assert any(n.code == "ui.gap.matched" for n in report.notes)
    by_area = {a.code: a.now for a in report.official.areas}
    assert by_area["6"].score == D("6.00") and by_area["2"] is None


def test_survey_items_are_never_recoverable() -> None:
    result = current(items=[item("8.1.1", 0, 10, "scored", "x"), item("1.1.1", 0, 1, "scored", "y")])
    from dataclasses import replace

    tagged = replace(result, items=[replace(result.items[0], component="sipas"), result.items[1]])
    assert [i.code for i in recoverable_items(tagged)] == ["1.1.1"]


def test_target_rank_with_a_workbook(y2020, y2019) -> None:
    report = analyse(GapInputs(y2020, "x", previous=y2019, current=current()), GapOptions(target_rank=5))
    target = report.target
    assert target is not None
    # measured from the projection's high end: 1.5.1 (not entered, max 2) at 2020's appraised share 56.93/66.5
    assert (target.start, target.threshold.score, target.needed) == (D("87.86"), D("86.77"), D("0"))
    assert target.selection == () and target.reachable
    first = analyse(GapInputs(y2020, "x", previous=y2019, current=current()), GapOptions(target_rank=1)).target
    assert first.needed == D("3.18") and first.recoverable == D("2.75")
    assert [i.code for i in first.selection] == ["3.3.1", "6.2.1", "6.3.1"]  # entered items only
    assert first.reachable is False


def test_items_not_entered_are_apart_from_items_lost(y2020, y2019) -> None:
    report = analyse(GapInputs(y2020, "x", previous=y2019, current=current()), GapOptions())
    # N/A (4.1.1), survey (8.1.1) and estimated (8.2.1) items are not self-scored items
    assert report.completeness == Completeness(items=5, entered=4, not_entered=1)
    assert [i.code for i in report.not_entered] == ["1.5.1"]
    assert "1.5.1" not in {i.code for i in report.recoverable}
    assert [(b.lead, b.lost, b.items) for b in report.blank_by_lead] == [(VP, D("2.00"), 1)]
    proj = report.projection
    assert proj is not None and proj.fill is not None
    assert (proj.total, proj.fill.points, proj.fill.total, proj.fill.basis) == (
        D("86.15"), D("1.71"), D("87.86"), "component")  # 2 × 56.93 / 66.5 = 1.712
    assert proj.high == proj.fill.total and proj.fill.rank_best <= proj.rank_best


def test_a_finished_workbook_has_one_projected_figure(y2020, y2019) -> None:
    done = current(items=[item("1.1.1", 1, 1, "scored", "x"), item("3.3.1", 0.5, 1.5, "scored", "y")])
    report = analyse(GapInputs(y2020, "x", previous=y2019, current=done), GapOptions())
    assert report.completeness == Completeness(items=2, entered=2, not_entered=0)
    assert report.projection is not None and report.projection.fill is None
    assert report.projection.high == report.projection.total
    done = analyse(GapInputs(y2020, "x", previous=y2019, current=current()), GapOptions(target_rank=20)).target
    assert done.needed == 0 and done.selection == ()


def test_input_errors_are_carried(y2020, y2019) -> None:
    errors = [{"code": "PW443", "item": "1.5.1", "cell": "Tự đánh giá!E9", "message": "x"}]
    report = analyse(GapInputs(y2020, "x", previous=y2019, current=current(errors=errors)), GapOptions())
    assert report.current.errors[0].code == "PW443"
    assert any(n.code == "ui.gap.input_errors" and is_warning(n) for n in report.notes)


def test_a_crossing_of_the_merger_is_a_warning(y2020, y2019) -> None:
    report = analyse(GapInputs(y2020, "x", previous=y2019, current=current(year="2025")), GapOptions())
    crossed = [n for n in report.notes if n.code == "ui.gap.merger_crossed"]
    assert crossed and is_warning(crossed[0])


# --- item by item across a changed criteria set ------------------------------------------------------------

def test_comparison_lists_added_removed_and_changed_maxima() -> None:
    before = result_from_dict(score_result(criteria="par-province-2019x", year="2020", items=[
        item("1.1.1", 0.5, 1), item("1.5.1", 1, 1.5), item("2.9.9", 1, 1), item("3.3.1", 1.5, 1.5),
    ]), "before.json")
    now = current()
    cmp = compare_items(now, before)
    assert [c.code for c in cmp.max_changed] == ["1.5.1"]
    assert (cmp.max_changed[0].max_before, cmp.max_changed[0].max_after) == (D("1.50"), D("2.00"))
    assert [c.code for c in cmp.removed] == ["2.9.9"]
    assert [c.code for c in cmp.added] == ["4.1.1", "6.2.1", "6.3.1", "8.1.1", "8.2.1"]
    same = {c.code: c.delta for c in cmp.same}
    assert same == {"1.1.1": D("0.50"), "3.3.1": D("-1.00")}
    # nothing is dropped: every code of either side is in exactly one list
    listed = [c.code for group in (cmp.same, cmp.max_changed, cmp.added, cmp.removed) for c in group]
    assert sorted(listed) == sorted({i.code for i in now.items} | {i.code for i in before.items})
    assert any(n.code == "ui.gap.cmp_criteria" for n in cmp.notes)


def test_comparison_needs_a_current_scoring(y2020, y2019) -> None:
    with pytest.raises(ParindexError) as caught:
        analyse(GapInputs(y2020, "x", previous=y2019, earlier=current()), GapOptions())
    assert caught.value.code == "PG409"


def test_the_score_json_adapter_refuses_other_json() -> None:
    with pytest.raises(ParindexError) as caught:
        result_from_dict({"unit": "x"}, "other.json")
    assert caught.value.code == "PG414"
    several = {"units": [score_result(unit="Sở A"), score_result(unit="Sở B")]}
    with pytest.raises(ParindexError) as caught:
        result_from_dict(several, "many.json")
    assert caught.value.code == "PG413"
    assert result_from_dict(several, "many.json", unit="so b").unit == "Sở B"


def test_per_area_comparison_where_the_baseline_publishes_area_scores() -> None:
    from parindex.baseline.model import Baseline

    seed = {"source": "s", "status": "seed"}
    base = Baseline.model_validate({
        "year": 2020, "criteria": "mini-2020", "title": "t", "level": "department", "total_units": 3, "max": 10,
        "source": "s", "sources": {"s": "seeds/x.txt §1"},
        "components": [{"id": "appraised", "name": "A", "max": 8, **seed},
                       {"id": "survey", "name": "S", "max": 2, **seed}],
        "areas": [{"code": "1", "name": "Một", **seed}, {"code": "2", "name": "Hai", **seed}],
        "units": [{"name": "Sở Thử", "home": True, "total": {"value": 7.5, **seed}, "rank": {"value": 2, **seed},
                   "components": {"appraised": {"score": {"value": 6, **seed}},
                                  "survey": {"score": {"value": 1.5, **seed}}},
                   "areas": [{"code": "1", "score": {"value": 3, **seed}},
                             {"code": "2", "percent": {"value": 50, **seed}}]}],
    })
    data = score_result(unit="Sở Thử", criteria="mini-2020", appraised=6.5, items=[item("1.1.1", 1, 2)])
    data["level"] = "department"
    data["components"] = [{"id": "appraised", "score": 6.5, "max": 8, "full_max": 8},
                          {"id": "survey", "score": 0, "max": 0, "full_max": 2}]
    data["areas"] = [{"code": "1", "name": "Một", "score": 3.5, "max": 4, "percent": 87.5, "rank": 1},
                     {"code": "2", "name": "Hai", "score": 3, "max": 4, "percent": 75, "rank": 2}]
    report = analyse(GapInputs(base, "x", current=result_from_dict(data, "now.json")), GapOptions())
    areas = {a.code: a for a in report.official.areas}
    assert (areas["1"].baseline_score, areas["1"].baseline_percent, areas["1"].score_change) == (
        D("3"), D("75.0"), D("0.50"))
    assert (areas["2"].baseline_score, areas["2"].baseline_percent, areas["2"].score_change) == (None, D("50"), None)
    assert report.projection.total == D("6.50") + D("1.5")


def test_a_unit_other_than_the_files_is_said(y2020, y2019) -> None:
    report = analyse(GapInputs(y2020, "x", previous=y2019, current=current()), GapOptions(unit="Quảng Ninh"))
    assert report.official.unit.name == "Quảng Ninh"
    assert any(n.code == "ui.gap.unit_override" and is_warning(n) for n in report.notes)
