"""Baseline files: the bundled ones validate, their sums hold to the cent, and every PX2xx check fires."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from parindex.baseline.files import (
    BASELINE_CHECKS,
    check_baseline_file,
    find_baseline,
    load_baseline,
    sourced_values,
)
from parindex.baseline.model import STATUSES, Baseline
from parindex.common.errors import ParindexError
from parindex.common.unit_names import name_key
from parindex.io.bundled import bundled_files

BUNDLED = bundled_files("baselines")


def test_the_six_years_are_bundled() -> None:
    assert [p.name for p in BUNDLED] == [f"par-province-{y}.yaml" for y in range(2019, 2025)]


def test_2024_holds_what_the_sources_publish_and_nothing_estimated() -> None:
    _, base = find_baseline(2024)
    assert base.national and base.national.average and base.national.average.value == Decimal("88.37")
    assert {g.id: g.count.value for g in base.national.groups} == {"A": 13, "B": 50, "C": 0}
    ranked = {u.name: (u.rank.value if u.rank else None, u.total.value if u.total else None) for u in base.units}
    assert ranked["Hải Phòng"] == (1, Decimal("96.17")) and ranked["Cao Bằng"] == (63, None)
    assert len(base.areas) == 8 and base.home_unit() is None  # Bắc Giang's 2024 result is not in any source
    assert {c.id: c.max for c in base.components} == {"appraised": 68, "survey": 32}


def test_2024_grades_and_the_five_rows_of_the_reference() -> None:
    _, base = find_baseline(2024)
    assert base.national is not None
    bounds = {g.id: (g.at_least, g.below, g.source) for g in base.national.groups}
    assert bounds["A"] == (Decimal("90"), None, "qd268") and bounds["B"] == (Decimal("80"), Decimal("90"), "qd268")
    ranked = {u.name: (u.rank.value if u.rank else None, u.total.value if u.total else None) for u in base.units}
    assert {name: ranked[name] for name in ("Bà Rịa - Vũng Tàu", "Hà Nội", "Đồng Nai", "Sơn La", "Hòa Bình")} == {
        "Bà Rịa - Vũng Tàu": (2, Decimal("93.35")), "Hà Nội": (3, Decimal("92.57")),
        "Đồng Nai": (8, Decimal("90.69")), "Sơn La": (12, Decimal("90.02")), "Hòa Bình": (37, Decimal("88.18"))}
    hoa_binh = next(u for u in base.units if u.name == "Hòa Bình")
    assert hoa_binh.total and hoa_binh.total.status == "confirmed"
    assert "baohoabinh" in base.sources[hoa_binh.total.source]


def test_a_grade_bound_needs_a_known_source(tmp_path: Path) -> None:
    text = BUNDLED[-1].read_text(encoding="utf-8").replace("at_least: 90, source: qd268", "at_least: 90, source: x")
    bad = tmp_path / "par-province-2024.yaml"
    bad.write_text(text, encoding="utf-8")
    assert [f.code for f in check_baseline_file(bad).findings] == ["PX204"]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_bundled_baseline_is_valid(path: Path) -> None:
    checked = check_baseline_file(path)
    assert checked.findings == [], [f.msg.text() for f in checked.findings]
    assert checked.baseline is not None
    assert checked.baseline.year == int(path.stem.rsplit("-", 1)[1])


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_components_add_up_to_totals_to_the_cent(path: Path) -> None:
    """Recomputed here, independently of PX201: the parts of every complete row equal its total exactly,
    except rows whose published columns are rounded one by one, which say so and miss by at most a cent."""
    base = load_baseline(path)
    ids = [c.id for c in base.components]
    checked = 0
    for unit in base.units:
        scores = [unit.component_score(i) for i in ids]
        if unit.total is None or any(s is None for s in scores):
            continue
        checked += 1
        total = sum((s.value for s in scores), Decimal(0))  # type: ignore[union-attr]
        if unit.rounding is None:
            assert total == unit.total.value, unit.name
        else:
            assert abs(total - unit.total.value) <= Decimal("0.01"), unit.name
            assert total != unit.total.value, f"{unit.name}: rounding declared but not needed"
        for comp_id in ids:
            parts = [c.id for c in base.columns if c.of == comp_id]
            if parts and all(p in unit.columns for p in parts):
                assert sum(unit.columns[p].value for p in parts) == unit.component_score(comp_id).value  # type: ignore[union-attr]
    if base.year == 2020:
        assert checked == 11  # the top 10 and Bắc Giang


def test_2020_holds_the_known_rows() -> None:
    _, base = find_baseline(2020)
    by_rank = {u.rank.value: u for u in base.units if u.rank}
    assert [by_rank[r].name for r in (1, 5, 10, 13, 63)] == ["Quảng Ninh", "Đồng Tháp", "Phú Thọ", "Bắc Giang",
                                                              "Quảng Ngãi"]
    assert by_rank[10].total.value == Decimal("85.74")  # type: ignore[union-attr]
    bac_giang = by_rank[13]
    assert bac_giang.home
    assert bac_giang.total.value == Decimal("85.58")  # type: ignore[union-attr]
    assert {c: bac_giang.component_score(c).value for c in ("appraised", "sipas", "survey")} == {  # type: ignore[union-attr]
        "appraised": Decimal("56.93"), "sipas": Decimal("9.29"), "survey": Decimal("19.36")}
    assert {a.code: a.rank.value for a in bac_giang.areas if a.rank} == {  # type: ignore[union-attr]
        "1": 22, "2": 21, "3": 38, "4": 38, "5": 5, "6": 58, "7": 1}
    figures = {s.figure.value for s in bac_giang.shortfalls if s.figure}
    assert figures == {Decimal("80.78"), Decimal("87.26")}
    assert {s.area for s in bac_giang.shortfalls} == {"1", "3", "4", "6", "7", "8"}
    assert all(s.lead for s in bac_giang.shortfalls)
    assert base.national.average.value == Decimal("83.72")  # type: ignore[union-attr]
    assert base.national.average.status == "derived"  # type: ignore[union-attr]
    assert sum(g.count.value for g in base.national.groups) == 63  # type: ignore[union-attr]
    # the 66.5 split of the top 10 is derived from the published columns 1 + 4
    assert {by_rank[r].component_score("appraised").status for r in range(1, 11)} == {"derived"}  # type: ignore[union-attr]


def test_2019_bac_giang() -> None:
    _, base = find_baseline(2019)
    unit = next(u for u in base.units if u.name == "Bắc Giang")
    assert (unit.total.value, unit.rank.value) == (Decimal("81.84"), 25)  # type: ignore[union-attr]
    assert unit.components["sipas"].percent.value == Decimal("89.18")  # type: ignore[union-attr]
    assert {a.code: a.rank.value for a in unit.areas} == {"3": 55, "4": 52, "5": 42, "7": 5}  # type: ignore[union-attr]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_value_has_a_source_and_an_accepted_status(path: Path) -> None:
    base = load_baseline(path)
    for where, value in sourced_values(base):
        assert value.status in STATUSES, where
        assert base.source_text(value.source).strip(), where
        if value.status == "derived":
            assert value.note, where


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_the_2025_merger_is_recorded(path: Path) -> None:
    base = load_baseline(path)
    merger = next(m for m in base.mergers if name_key(m.into) == "bac ninh")
    assert sorted(merger.members) == ["Bắc Giang", "Bắc Ninh"]
    assert str(merger.date) == "2025-07-01"


def test_validate_cli_checks_the_bundled_baselines(cli) -> None:
    result = cli("validate", *map(str, BUNDLED))
    assert result.code == 0, result.out + result.err


# --- each check fires, with a line number ---------------------------------------------------------------

HEADER = """\
year: 2020
criteria: mini-2020
title: t
total_units: 5
max: 10
source: s
sources: {s: "seeds/x.txt §1"}
components:
  - {id: appraised, name: A, max: 8, source: s, status: seed}
  - {id: survey, name: S, max: 2, source: s, status: seed}
columns:
  - {id: core, name: C, of: appraised, source: s, status: seed}
  - {id: impact, name: I, of: appraised, source: s, status: seed}
areas:
  - {code: "1", name: One, source: s, status: seed}
national:
  groups:
    - {id: A, at_least: 9, count: {value: 1, source: s, status: seed}}
    - {id: B, below: 9, count: {value: 4, source: s, status: seed}}
units:
"""

GOOD_UNIT = """\
  - name: Alpha
    total: {value: 9.5, source: s, status: seed}
    rank: {value: 1, source: s, status: seed}
    components:
      appraised: {score: {value: 7.5, source: s, status: seed}}
      survey: {score: {value: 2, source: s, status: seed}}
    columns:
      core: {value: 7, source: s, status: seed}
      impact: {value: 0.5, source: s, status: seed}
"""

CASES = {
    "PX201": GOOD_UNIT.replace("total: {value: 9.5", "total: {value: 9.49"),
    "PX202": GOOD_UNIT.replace("core: {value: 7,", "core: {value: 6.9,"),
    "PX203": GOOD_UNIT.replace("rank: {value: 1, source: s, status: seed}",
                               "rank: {value: 1, source: s, status: estimated}"),
    "PX204": GOOD_UNIT.replace("rank: {value: 1, source: s,", "rank: {value: 1, source: nowhere,"),
    "PX205": GOOD_UNIT + "  - {name: Beta, rank: {value: 1, source: s, status: seed}}\n",
    "PX206": GOOD_UNIT + "  - {name: Beta, rank: {value: 2, source: s, status: seed}, "
                         "total: {value: 9.8, source: s, status: seed}}\n",
    "PX207": GOOD_UNIT + "  - {name: 'UBND tỉnh alpha', rank: {value: 2, source: s, status: seed}}\n",
    "PX208": GOOD_UNIT.replace("rank: {value: 1,", "rank: {value: 6,"),
    "PX209": GOOD_UNIT + "    areas: [{code: '9', rank: {value: 1, source: s, status: seed}}]\n",
    "PX211": GOOD_UNIT.replace("rank: {value: 1, source: s, status: seed}",
                               "rank: {value: 1, source: s, status: derived}"),
    "PX212": GOOD_UNIT + "  - {name: Beta, rank: {value: 2, source: s, status: seed}, "
                         "total: {value: 9.1, source: s, status: seed}}\n",
    "PX213": GOOD_UNIT.replace("  - name: Alpha\n", "  - name: Alpha\n    home: true\n")
             + "  - {name: Beta, home: true}\n",
    "PX214": GOOD_UNIT + "    rounding: {tolerance: 0.01, note: not needed}\n",
}


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "baseline.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_good_case_is_valid(tmp_path: Path) -> None:
    checked = check_baseline_file(_write(tmp_path, HEADER + GOOD_UNIT))
    assert checked.findings == [], [f.msg.text() for f in checked.findings]


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_check_fires(tmp_path: Path, code: str) -> None:
    checked = check_baseline_file(_write(tmp_path, HEADER + CASES[code]))
    codes = [f.code for f in checked.findings]
    assert code in codes, [f.msg.text() for f in checked.findings]
    finding = next(f for f in checked.findings if f.code == code)
    units_line = HEADER.count("\n")
    if code == "PX212":  # the group whose count is exceeded
        assert finding.line == HEADER.splitlines().index(next(x for x in HEADER.splitlines() if "id: A," in x)) + 1
    else:  # points into the units, not at the top of the file
        assert finding.line and finding.line > units_line
    for lang in ("vi", "en"):
        assert finding.msg.text(lang)


def test_component_maxima_must_add_up(tmp_path: Path) -> None:
    checked = check_baseline_file(_write(tmp_path, HEADER.replace("max: 2, source", "max: 3, source") + GOOD_UNIT))
    assert "PX210" in [f.code for f in checked.findings]


def test_rounding_allows_one_cent_and_says_why(tmp_path: Path) -> None:
    unit = CASES["PX201"] + "    rounding: {tolerance: 0.01, note: the source rounds each column}\n"
    assert check_baseline_file(_write(tmp_path, HEADER + unit)).findings == []


def test_schema_problems_are_reported_with_a_position(tmp_path: Path) -> None:
    checked = check_baseline_file(_write(tmp_path, HEADER + GOOD_UNIT.replace("name: Alpha", "nmae: Alpha")))
    assert {f.code for f in checked.findings} == {"PX113"}
    assert checked.baseline is None


def test_every_check_code_has_a_name_and_texts() -> None:
    from parindex.common.catalogue import MESSAGES
    from parindex.common.findings import CHECK_NAMES

    for code, name in BASELINE_CHECKS.items():
        assert CHECK_NAMES[code] == name
        assert MESSAGES[code].exit == 1


def test_validate_dispatches_to_baselines_and_exits_1(cli, tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER + CASES["PX206"])
    result = cli("validate", str(path), "--format", "json")
    assert result.code == 1
    assert '"PX206"' in result.out
    assert "Traceback" not in result.out + result.err


def test_an_invalid_baseline_stops_gap_with_exit_1(cli, tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER + CASES["PX205"])
    result = cli("gap", "--year", "2020", "--official", str(path), "--unit", "Alpha")
    assert result.code == 1
    assert "PG410" in result.err


def test_no_baseline_for_a_year_lists_the_years(cli) -> None:
    result = cli("gap", "--year", "2015")
    assert result.code == 2
    assert "PG403" in result.err and "2019, 2020, 2021, 2022, 2023, 2024" in result.err
    with pytest.raises(ParindexError):
        find_baseline(2015)


def test_model_roundtrip_keeps_decimals() -> None:
    _, base = find_baseline(2020)
    assert isinstance(base, Baseline)
    assert all(isinstance(u.total.value, Decimal) for u in base.units if u.total)
