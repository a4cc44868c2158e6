"""`gap` asks a component's role and an area's `was:`, never a fixed id or a hard-coded name: what may be
assumed, which items are the office's to recover, and which areas of two sets are compared."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from parindex.baseline.files import find_baseline
from parindex.common.errors import ParindexError
from parindex.criteria.model import Role
from parindex.gap.analysis import CurrentResult, assume_option, projection, recoverable_items
from parindex.gap.input import result_from_dict
from tests.gap_samples import item, score_result

D = Decimal


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
