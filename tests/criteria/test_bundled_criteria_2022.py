"""The reconstructed skeleton of the QĐ 876/QĐ-BNV provincial set (`criteria/par-province-2022.yaml`): what the
sources confirm is not provisional, everything else is, and the skeleton is enough for a workbook and for `gap`."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from parindex.criteria.files import check_criteria_file
from parindex.criteria.model import CriteriaSet

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "criteria" / "par-province-2022.yaml"
CONFIRMED_AREAS = {"1": Decimal("9.5"), "3": Decimal("13"), "4": Decimal("10.5"), "5": Decimal("15"),
                   "8": Decimal("16.5")}
# reference/national-sets-2022-2025.md: 61,5 + 6,5 = 68 appraised, 10 + 22 = 32 survey (Hòa Bình, 2023 results)
COMPONENTS = {"appraised": ("61.5", "self"), "impact": ("6.5", "measured"), "sipas": ("10", "measured"),
              "survey": ("22", "measured")}

Cli = Callable[..., Any]


@pytest.fixture(scope="module")
def cset() -> CriteriaSet:
    checked = check_criteria_file(BUNDLED)
    assert not checked.findings, [f"{f.code} {f.msg.text('en')}" for f in checked.findings]
    assert checked.criteria is not None
    return checked.criteria


def test_what_the_sources_confirm(cset: CriteriaSet) -> None:
    assert (cset.id, cset.status, cset.max, cset.years) == ("par-province-2022", "reconstructed", 100,
                                                             [2022, 2023, 2024])
    assert {c.id: (c.max, c.role.value) for c in cset.components} == {
        cid: (Decimal(mx), role) for cid, (mx, role) in COMPONENTS.items()}
    assert not any(c.provisional for c in cset.components) and all(c.source for c in cset.components)
    assert len(cset.areas) == 8
    for area in cset.areas:
        if area.code in CONFIRMED_AREAS:
            assert (area.max, area.provisional) == (CONFIRMED_AREAS[area.code], False), area.code
        else:
            assert area.provisional, area.code
    assert sum(a.max for a in cset.areas if a.code not in CONFIRMED_AREAS) == Decimal("35.5")  # 100 − 64,5
    area_1 = next(a for a in cset.areas if a.code == "1")
    assert area_1.source and "baohoabinh" in area_1.source


def test_everything_below_the_areas_is_provisional_and_sourced(cset: CriteriaSet) -> None:
    """Except area 8, whose two parts are the sourced impact indicators (6,5) and SIPAS (10)."""
    items = [item for _, item in cset.items()]
    assert items and all(item.source and item.lead for item in items)
    assert all(item.provisional for item in items if not item.code.startswith("8."))
    assert all(c.provisional for a in cset.areas for c in a.criteria if a.code != "8")
    assert {item.component: item.max for item in items if item.code.startswith("8.")} == {
        "impact": Decimal("6.5"), "sipas": Decimal("10")}
    assert not any(item.provisional for item in items if item.code.startswith("8."))


def test_show_prints_area_1_with_its_source_and_four_components(cli: Cli) -> None:
    out = " ".join(cli("criteria", "show", "par-province-2022", "--depth", "1", "--lang", "en").out.split())
    area_1 = "1 Công tác chỉ đạo, điều hành cải cách hành chính — 9.5 (lead: Sở Nội vụ)"
    assert f"{area_1} (source: https://en.baohoabinh" in out
    for cid, (mx, role) in COMPONENTS.items():
        assert f"{cid} " in out and f"— {mx} (role: {role})" in out, cid


def test_a_workbook_for_the_current_set(cli: Cli, tmp_path: Path) -> None:
    book = tmp_path / "2024.xlsx"
    result = cli("template", "par-province-2022", "-o", str(book), "--unit", "Bắc Giang", "--year", "2024")
    assert result.code == 0, result.err
    scored = cli("score", str(book))
    assert scored.code in (0, 1) and "PS503" in scored.out + scored.err  # blank, and said so


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_gap_lists_the_areas_from_2022(cli: Cli, year: int) -> None:
    import json

    unit = [] if year < 2024 else ["--unit", "Sơn La"]
    data = json.loads(cli("gap", "--year", str(year), *unit, "--format", "json").out)
    assert [a["code"] for a in sorted(data["official"]["areas"], key=lambda a: int(a["code"]))] == [
        str(n) for n in range(1, 9)]
    assert data["criteria"]["id"] == "par-province-2022" and data["criteria"]["reconstructed"]
