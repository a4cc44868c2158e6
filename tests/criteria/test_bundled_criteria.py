"""The bundled provincial set `criteria/par-province-2020.yaml`: valid, the right totals and shape, every item
sourced and led, and honest about being reconstructed wherever it is shown."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from parindex.common.i18n import t
from parindex.criteria.files import check_criteria_file
from parindex.criteria.model import CriteriaSet, effective_lead
from tests.output import said

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "criteria" / "par-province-2020.yaml"

Cli = Callable[..., Any]


@pytest.fixture(scope="module")
def cset() -> CriteriaSet:
    assert BUNDLED.is_file(), f"{BUNDLED.relative_to(REPO)} is missing"
    checked = check_criteria_file(BUNDLED)
    problems = [f"{f.line}:{f.col} {f.code} {f.msg.text('en')}" for f in checked.findings]
    assert not problems, "\n".join(problems)
    assert checked.criteria is not None
    return checked.criteria


def test_validates_with_zero_findings(cset: CriteriaSet) -> None:
    assert cset.id == "par-province-2020"


def test_totals_and_components(cset: CriteriaSet) -> None:
    assert cset.max == 100
    assert {c.id: c.max for c in cset.components} == {
        "appraised": Decimal("66.5"), "sipas": Decimal(10), "survey": Decimal("23.5")}


def test_shape(cset: CriteriaSet) -> None:
    assert len(cset.areas) == 8
    assert [area.code for area in cset.areas] == [str(n) for n in range(1, 9)]
    assert sum(1 for _ in cset.items()) >= 45
    assert cset.level == "province"


def test_every_item_has_a_source_and_a_lead(cset: CriteriaSet) -> None:
    unsourced = [item.code for _, item in cset.items() if not (item.source or "").strip()]
    leaderless = [item.code for area, item in cset.items() if not (effective_lead(area, item) or "").strip()]
    assert unsourced == []
    assert leaderless == []


def test_status_is_reconstructed(cset: CriteriaSet) -> None:
    assert cset.status == "reconstructed"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_show_carries_the_reconstructed_warning(cli: Cli, cset: CriteriaSet, lang: str) -> None:
    result = cli("--lang", lang, "criteria", "show", "par-province-2020")
    assert result.code == 0, result.err
    warning = t("ui.reconstructed", lang=lang, id=cset.id, n=cset.provisional_count())
    assert said(warning) in said(result.out)


@pytest.mark.parametrize(("set_id", "level"), [("par-department-2025", "department"), ("par-commune-2025", "commune")])
def test_two_tier_sets_are_reconstructed_after_hanoi(set_id: str, level: str) -> None:
    from parindex.criteria.checks import check_set
    from parindex.criteria.files import load_criteria

    two_tier = load_criteria(set_id)
    assert check_set(two_tier) == []
    assert (two_tier.level, two_tier.status, two_tier.years) == (level, "reconstructed", [2025, 2026])
    assert two_tier.max == 100
    caps = {c.id: c.max for c in two_tier.components}
    assert caps["appraised"] == 70 and caps["survey"] + caps["sipas"] == 30, "70 appraised + 30 survey (Hà Nội 2024)"
    assert {"bonus", "penalty"} <= set(caps)
    assert len([a for a in two_tier.areas if not a.is_adjustment]) == 8 and two_tier.areas[-1].is_adjustment
    for _, item in two_tier.items():
        assert item.source and item.provisional, item.code  # nothing in these sets is checked against a decision


def test_departments_without_procedures_may_drop_area_3() -> None:
    from parindex.criteria.files import load_criteria

    department = load_criteria("par-department-2025")
    assert all(item.not_applicable for area, item in department.items() if area.code == "3")


def test_the_commune_set_accepts_revenue_over_the_estimate() -> None:
    from decimal import Decimal

    from parindex.criteria.files import load_criteria

    revenue = load_criteria("par-commune-2025").item_by_code()["8.1.1"]
    assert revenue.rule.score("112,5%", revenue.max).points == revenue.max
    assert revenue.rule.score("112,5%", revenue.max).value == Decimal("112.5")


@pytest.mark.parametrize("set_id", ["par-province-2020", "par-province-2022", "par-department-2025",
                                    "par-commune-2025"])
def test_no_bundled_label_is_swallowed_by_autocomplete(set_id: str) -> None:
    """In a template's Kết quả column no option may be the beginning of another (4.4.1 was, of 5.6.1)."""
    from parindex.criteria.checks import swallowed_labels
    from parindex.criteria.files import load_bundled

    assert swallowed_labels(load_bundled(set_id)) == []
