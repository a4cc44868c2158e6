"""Which decision governs which year's provincial index (`criteria.decisions`), and where the CLI says it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from parindex.criteria.decisions import DECISIONS, decision_note, governing
from parindex.criteria.files import bundled_sets

Cli = Callable[..., Any]


def said(result: Any) -> str:
    return " ".join((result.out + result.err).split())


@pytest.mark.parametrize(("year", "number"), [(2019, "QĐ 1150/QĐ-BNV"), (2021, "QĐ 1150/QĐ-BNV"),
                                              (2022, "QĐ 876/QĐ-BNV"), (2024, "QĐ 876/QĐ-BNV"),
                                              (2025, "QĐ 1187/QĐ-BNV"), (2026, "QĐ 1187/QĐ-BNV")])
def test_each_year_has_its_decision(year: int, number: str) -> None:
    found = governing(year)
    assert found is not None and found.number == number


def test_no_decision_is_invented_before_2019() -> None:
    assert governing(2018) is None
    assert decision_note(2018).code == "ui.decision.unknown"
    assert decision_note(2025, "commune").code == "ui.decision.unknown"  # the catalogue is the provincial index's


def test_a_bundled_set_serves_exactly_its_decisions_years() -> None:
    sets = {cset.id: cset for cset in bundled_sets()}
    for decision in DECISIONS:
        assert decision.source
        if decision.bundled:
            assert set(sets[decision.bundled].years) <= set(range(decision.first, (decision.last or 9999) + 1))
    assert sets["par-province-2022"].years == [2022, 2023, 2024]


def test_criteria_list_says_which_decision_governs_which_years(cli: Cli) -> None:
    out = said(cli("criteria", "list", "--lang", "en"))
    assert "QĐ 1150/QĐ-BNV, indices 2019–2021" in out
    assert "QĐ 876/QĐ-BNV, indices 2022–2024" in out and "Bundled reconstructed set: par-province-2022" in out
    assert "QĐ 1187/QĐ-BNV, indices 2025–" in out and "parindex criteria import" in out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_gap_2025_names_qd_1187_and_says_the_results_are_not_published(cli: Cli, lang: str) -> None:
    result = cli("gap", "--year", "2025", "--lang", lang)
    assert result.code == 2
    text = said(result)
    assert "PG403" in text and "QĐ 1187/QĐ-BNV" in text and "parindex criteria import" in text
    assert ("kết quả Chỉ số năm 2025 chưa được công bố" if lang == "vi"
            else "the 2025 results are not published yet") in text
    assert "2019, 2020, 2021, 2022, 2023, 2024" in text  # the years there are, as before


def test_template_for_2025_says_which_decision_and_how_to_bring_it_in(cli: Cli, tmp_path: Any) -> None:
    result = cli("template", "par-province-2022", "--year", "2025", "-o", str(tmp_path / "x.xlsx"), "--lang", "en")
    assert result.code == 2
    text = said(result)
    assert "PW412" in text and "QĐ 1187/QĐ-BNV" in text and "parindex criteria import" in text
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize(("unit", "reached", "short_of"), [("Hòa Bình", "B", ("A", "1.82")),
                                                          ("Sơn La", "A", None)])
def test_gap_2024_shows_the_grade_and_the_points_to_the_next(cli: Cli, unit: str, reached: str,
                                                             short_of: tuple[str, str] | None) -> None:
    import json

    data = json.loads(cli("gap", "--year", "2024", "--unit", unit, "--format", "json").out)
    grades = {th["grade"]: th["distance"] for th in data["official"]["thresholds"] if th["kind"] == "grade"}
    assert grades[reached] <= 0
    if short_of:
        assert grades[short_of[0]] == float(short_of[1])
    else:
        assert len(grades) == 1  # nothing above A
    text = said(cli("gap", "--year", "2024", "--unit", unit, "--lang", "en"))
    assert f"Grade {reached} (from" in text
