"""`gap` asks a component's role and an area's `was:`, never a fixed id or a hard-coded name: what may be
assumed, which items are the office's to recover, and which areas of two sets are compared."""

from __future__ import annotations

import copy
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from parindex.baseline.files import find_baseline
from parindex.common.errors import ParindexError
from parindex.criteria.files import load_criteria
from parindex.criteria.model import Role, Was
from parindex.gap.analysis import (
    AreaPast,
    CurrentResult,
    assume_option,
    change_note,
    official_position,
    projection,
    recoverable_items,
    set_change,
)
from parindex.gap.input import result_from_dict
from tests.gap_samples import item, score_result

D = Decimal
BUSINESS = Path(__file__).resolve().parents[1] / "fixtures" / "criteria" / "business-survey.yaml"


@pytest.fixture(scope="module")
def y2020():
    return find_baseline(2020)[1]


def home(base):
    return next(u for u in base.units if u.name == "Bắc Giang")


def with_business_survey(role: str | None = "measured") -> dict[str, Any]:
    """A result with a component of the set's own, its role written as `score` writes it (or not at all)."""
    data = score_result(items=[item("1.1.1", 1, 1), item("9.1.1", 2, 4, "estimated"), item("9.1.2", 0, 1, "scored")])
    data["components"].append({"id": "business_survey", "score": 2, "max": 4, "full_max": 4})
    if role is not None:
        data["components"][-1]["role"] = role
    return data


def current(data: dict[str, Any]) -> CurrentResult:
    return result_from_dict(data, "now.json")


def test_the_result_file_says_the_role_of_a_component_of_the_sets_own() -> None:
    now = current(with_business_survey())
    assert now.role("business_survey") is Role.MEASURED and now.measured("business_survey")
    assert now.role("sipas") is Role.MEASURED and not now.measured("appraised"), "the known ids imply theirs"
    assert not current(with_business_survey(role=None)).measured("business_survey"), "as before roles were"


def test_any_measured_component_needs_and_takes_an_assumption(y2020) -> None:
    now = current(with_business_survey())
    with pytest.raises(ParindexError) as caught:
        projection(y2020, home(y2020), now)
    assert caught.value.code == "PG405" and caught.value.params["component"] == "business_survey"
    assert caught.value.params["options"] == "--assume business_survey=…"
    proj = projection(y2020, home(y2020), now, {"business_survey": D("3.5")})
    assumed = {a.component: (a.value, a.max, a.given) for a in proj.assumptions}
    assert assumed["business_survey"] == (D("3.50"), D(4), True)
    assert [p.id for p in proj.self_assessed] == ["appraised"]
    assert proj.total == D("57.50") + D("3.50") + D("9.29") + D("19.36")
    with pytest.raises(ParindexError) as over:
        projection(y2020, home(y2020), now, {"business_survey": D("4.5")})
    assert over.value.code == "PG406" and over.value.params["option"] == "--assume business_survey"


def test_only_what_someone_else_measures_may_be_assumed(y2020) -> None:
    now = current(with_business_survey())
    with pytest.raises(ParindexError) as own:
        projection(y2020, home(y2020), now, {"appraised": D(50), "business_survey": D(3)})
    assert own.value.code == "PG420" and own.value.params["component"] == "appraised"
    assert own.value.params["measured"] == "sipas, survey, business_survey"
    with pytest.raises(ParindexError) as unknown:
        projection(y2020, home(y2020), now, {"sipsa": D(9), "business_survey": D(3)})
    assert unknown.value.code == "PG412" and unknown.value.params["component"] == "sipsa"


def test_the_old_options_are_named_where_they_apply() -> None:
    assert [assume_option(c) for c in ("sipas", "survey", "business_survey")] == [
        "--assume-sipas", "--assume-survey", "--assume business_survey"]


def test_measured_items_are_never_the_offices_to_recover() -> None:
    now = current(with_business_survey())
    items = [replace(i, component="business_survey" if i.code.startswith("9.") else "appraised") for i in now.items]
    lost = [i.code for i in recoverable_items(replace(now, items=items))]
    assert "9.1.2" not in lost, "scored, below its max, but measured: not the office's to recover"
    untagged = [replace(i, component="appraised") for i in now.items]
    assert "9.1.2" in [i.code for i in recoverable_items(replace(now, items=untagged))]


# --- areas across sets ------------------------------------------------------------------------------------

def business_result(y2020) -> CurrentResult:
    cset = load_criteria(str(BUSINESS))
    data = score_result(criteria=cset.id, year="2026")
    data["areas"] = [{"code": a.code, "name": a.name, "score": 1, "max": 2} for a in cset.children()]
    return current(data)


def test_an_area_is_compared_as_its_was_says_then_by_name(y2020) -> None:
    official = official_position(y2020, home(y2020))
    now = business_result(y2020)
    past = AreaPast.of_set(load_criteria(str(BUSINESS)))
    assert past.years == {2026} and set(past.was) == {"2"}
    change = set_change(y2020, official, now, past)
    assert change is not None
    assert [(wb, year) for wb, year, _ in change.areas_matched] == [("1", "3"), ("2", "7")]
    assert ("business-survey-2026", "3", "Đánh giá của doanh nghiệp") in change.areas_apart
    assert {code for set_id, code, _ in change.areas_apart if set_id == "par-province-2020"} == {
        "1", "2", "4", "5", "6", "8"}
    unsaid = set_change(y2020, official, now)
    assert unsaid is not None and [(wb, year) for wb, year, _ in unsaid.areas_matched] == [("1", "3")]
    assert "2" in {code for set_id, code, _ in unsaid.areas_apart if set_id == "business-survey-2026"}, \
        "renamed without was: said as not comparable, never dropped"
    assert change_note(unsaid).params["apart"].code == "ui.gap.apart_list_was", "with how to declare it"


def test_the_years_set_may_say_what_a_workbook_area_was(y2020) -> None:
    """The later set declares `was:` for the earlier one's numbering: read from the year's side as well."""
    official = official_position(y2020, home(y2020))
    now = business_result(y2020)
    year_past = AreaPast(frozenset({2020}), {"8": (Was(years=[2026], name="Đánh giá của doanh nghiệp"),)})
    change = set_change(y2020, official, now, None, year_past)
    assert change is not None and ("3", "8") in [(wb, year) for wb, year, _ in change.areas_matched]
    other_year = AreaPast(frozenset({2020}), {"8": (Was(years=[2019], name="Đánh giá của doanh nghiệp"),)})
    elsewhere = set_change(y2020, official, now, None, other_year)
    assert elsewhere is not None and ("3", "8") not in [(wb, year) for wb, year, _ in elsewhere.areas_matched]


def test_was_wins_over_a_name_that_happens_to_match(y2020) -> None:
    official = official_position(y2020, home(y2020))
    now = business_result(y2020)
    cset = load_criteria(str(BUSINESS))
    data = cset.model_dump(by_alias=True, exclude_none=True)
    moved = copy.deepcopy(data)
    moved["areas"][0]["was"] = [{"years": [2020], "code": "6"}]  # renumbered: not the 2020 area of its name
    past = AreaPast.of_set(type(cset).model_validate(moved))
    change = set_change(y2020, official, now, past)
    assert change is not None and ("1", "6") in [(wb, year) for wb, year, _ in change.areas_matched]
    assert "3" in {code for set_id, code, _ in change.areas_apart if set_id == "par-province-2020"}
