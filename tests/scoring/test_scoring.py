"""The scoring engine on evidence books built in memory (no workbook I/O)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parindex.criteria.files import load_criteria
from parindex.evidence.model import EvidenceBook, EvidenceRow
from parindex.scoring.engine import biggest_losses, competition_ranks, rank_units, score_book
from parindex.scoring.reports import json_report, report_text

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "criteria" / "minimal.yaml"
D = Decimal


@pytest.fixture(scope="module")
def cset():
    return load_criteria(str(MINIMAL))


def book(rows: dict[str, dict[str, object]], unit: str = "Sở Thử") -> EvidenceBook:
    evidence_rows = {}
    for n, (code, cells) in enumerate(rows.items(), start=2):
        evidence_rows[code] = EvidenceRow(code, n, dict(cells), {key: f"Tự đánh giá!{key}" for key in cells})
    return EvidenceBook("mem.xlsx", {"unit": unit, "year": "2020"}, evidence_rows)


def item(unit, code):
    return next(s for s in unit.items if s.item.code == code)


def points_for(cset, code: str, raw: object) -> Decimal:
    unit = score_book(cset, book({code: {"value": raw, "evidence": "QĐ số 1"}}))
    scored = item(unit, code)
    assert scored.status == "scored", unit.errors
    return scored.points


@pytest.mark.parametrize(("raw", "expected"), [
    ("100%", "2"), ("98%", "2"), ("97,99%", "1"), ("90", "1"), ("89.99", "0.5"), ("80%", "0.5"),
    ("79,9%", "0"), ("0,98", "2"), (0.9, "1"),
])
def test_threshold_at_least_every_boundary(cset, raw, expected):
    assert points_for(cset, "2.1.1", raw) == D(expected)


@pytest.mark.parametrize(("raw", "expected"), [(0, "1"), ("0", "1"), (1, "0.5"), (2, "0.5"), ("3", "0")])
def test_threshold_at_most_lower_is_better(cset, raw, expected):
    assert points_for(cset, "2.1.3", raw) == D(expected)


@pytest.mark.parametrize(("raw", "expected"), [(0, "1"), (1, "0.75"), (3, "0.25"), (4, "0"), (9, "0")])
def test_deduction_floors_at_zero(cset, raw, expected):
    assert points_for(cset, "2.1.2", raw) == D(expected)


@pytest.mark.parametrize(("raw", "expected"), [("Có", "1"), ("x", "1"), ("Không", "0"), (True, "1")])
def test_yes_no(cset, raw, expected):
    assert points_for(cset, "1.1.1", raw) == D(expected)


@pytest.mark.parametrize(("raw", "expected"), [("Hoàn thành 100%", "1.5"), ("hoàn thành từ 80%", "0.5"),
                                               ("Dưới 80%", "0")])
def test_choice(cset, raw, expected):
    assert points_for(cset, "1.1.2", raw) == D(expected)


@pytest.mark.parametrize(("raw", "expected"), [("30%", "1.5"), ("45%", "1.5"), ("15%", "0.75"), ("10%", "0.5"),
                                               ("0%", "0")])
def test_proportional_caps_at_max_and_rounds_half_up(cset, raw, expected):
    assert points_for(cset, "1.1.3", raw) == D(expected)


def test_proportional_rounds_once_half_up(cset):
    # 1.5 × 7/30 = 0.35 exactly; 1.5 × 1/30 = 0.05; 1.5 × 0.3/30 = 0.015 → 0.02 (half-up, not banker's)
    assert points_for(cset, "1.1.3", "7%") == D("0.35")
    assert points_for(cset, "1.1.3", "0,3%") == D("0.02")


def test_manual_bounded_by_max(cset):
    unit = score_book(cset, book({"2.2.2": {"value": "0,4"}}))
    assert item(unit, "2.2.2").points == D("0.4")
    unit = score_book(cset, book({"2.2.2": {"value": "0,6"}}))
    assert item(unit, "2.2.2").status == "invalid"
    assert [e.code for e in unit.errors] == ["PS511"]


def test_survey_without_value_is_not_self_scored_and_leaves_the_max(cset):
    unit = score_book(cset, book({}))
    survey = item(unit, "2.2.1")
    assert survey.status == "not_self_scored"
    assert survey.counted_max == 0
    components = {c.code: c for c in unit.components}
    assert components["survey"].max == 0  # every survey-component item is left to the Ministry
    assert components["survey"].full_max == D(2)


def test_survey_with_value_is_an_estimate_counted_in_the_total(cset):
    unit = score_book(cset, book({"2.2.1": {"value": "B"}}))
    survey = item(unit, "2.2.1")
    assert survey.status == "estimated"
    assert survey.points == D("0.9")  # 60 % of 1.5
    assert unit.score == survey.points


def test_not_applicable_removes_the_max_everywhere(cset):
    unit = score_book(cset, book({"1.1.3": {"not_applicable": "x"}}))
    assert item(unit, "1.1.3").status == "not_applicable"
    area1 = next(a for a in unit.areas if a.code == "1")
    assert area1.max == D("2.5") and area1.full_max == D(4)
    assert unit.max == D("6.5")  # 10 − 1.5 (N/A) − 2 (survey component, not self-scored)
    assert unit.max == sum((a.max for a in unit.areas), D(0))


def test_not_applicable_on_an_item_that_does_not_allow_it_is_an_error(cset):
    unit = score_book(cset, book({"1.1.1": {"value": "Có", "not_applicable": "x"}}))
    assert item(unit, "1.1.1").status == "invalid"
    assert unit.errors[0].code == "PS512"


def test_missing_value_scores_zero_and_is_listed(cset):
    unit = score_book(cset, book({"2.1.1": {"value": ""}}))
    missing = [s.item.code for s in unit.items if s.status == "missing"]
    assert "2.1.1" in missing
    assert any(w.code == "PS503" and w.item == "2.1.1" for w in unit.warnings)
    assert unit.score == 0


def test_a_missing_row_is_named_with_where_it_belongs(cset):
    unit = score_book(cset, book({"1.1.1": {"value": "Có"}, "2.1.1": {"value": "99%"}}))
    said = {w.item: w for w in unit.warnings if w.code == "PS540"}
    assert {"1.1.2", "1.1.3"} <= set(said)
    assert "1.1.1" in said["1.1.2"].params["after"]
    assert not any(w.code == "PS503" and w.item == "1.1.2" for w in unit.warnings), "said once"
    assert item(unit, "1.1.2").status == "missing"


def test_a_self_score_without_a_value_is_said_so(cset):
    unit = score_book(cset, book({"2.1.1": {"value": None, "self_score": "2"}}))
    notice = next(w for w in unit.warnings if w.item == "2.1.1")
    assert notice.code == "PS541" and notice.params["self"] == D(2)
    assert "no value in Kết quả" in notice.text("en")
    assert item(unit, "2.1.1").points == 0


def test_appraised_points_count_and_the_own_points_are_kept(cset):
    unit = score_book(cset, book({"2.1.1": {"value": "99%", "appraised": "1", "evidence": "BC"},
                                  "1.1.1": {"value": "Có", "evidence": "KH"}}))
    scored = item(unit, "2.1.1")
    assert scored.points == D(1) and scored.appraised == D(1) and scored.own == D(2)
    assert unit.self_score == D(3) and unit.appraised_score == unit.score == D(2)
    assert [s.item.code for s in unit.differences()] == ["2.1.1"]


def test_without_appraisal_the_appraised_score_is_none(cset):
    unit = score_book(cset, book({"2.1.1": {"value": "99%", "evidence": "BC"}}))
    assert unit.appraised_score is None and unit.self_score == unit.score == D(2)
    assert unit.differences() == []


def test_self_score_that_differs_from_the_rule_is_a_warning(cset):
    unit = score_book(cset, book({"2.1.1": {"value": "99%", "self_score": "1,5", "evidence": "BC"}}))
    assert item(unit, "2.1.1").points == D(2)
    assert any(w.code == "PS501" for w in unit.warnings)


def test_no_evidence_and_no_explanation_is_a_warning(cset):
    unit = score_book(cset, book({"2.1.1": {"value": "99%"}}))
    assert any(w.code == "PS502" and w.item == "2.1.1" for w in unit.warnings)
    unit = score_book(cset, book({"2.1.1": {"value": "99%", "explanation": "Chưa có báo cáo"}}))
    assert not any(w.code == "PS502" for w in unit.warnings)


def test_unknown_code_is_an_error_but_group_codes_are_not(cset):
    unit = score_book(cset, book({"2.1": {}, "9.9.9": {"value": "1"}}))
    assert [(e.code, e.item) for e in unit.errors] == [("PS510", "9.9.9")]


def test_invalid_value_names_the_cell(cset):
    unit = score_book(cset, book({"2.1.1": {"value": "nhiều"}}))
    assert item(unit, "2.1.1").status == "invalid"
    assert unit.errors[0].where == "Tự đánh giá!value2"


def test_competition_ranks_share_and_skip():
    assert competition_ranks([D(5), D(7), D(7), D(1)]) == [3, 1, 1, 4]


@given(keys=st.lists(st.decimals(min_value=-1, max_value=100, places=1), max_size=60))
def test_competition_rank_is_one_plus_how_many_are_greater(keys):
    assert competition_ranks(keys) == [1 + sum(1 for other in keys if other > key) for key in keys]


def test_units_ranked_by_percent_ties_share(cset):
    a = score_book(cset, book({"1.1.1": {"value": "Có"}}, unit="A"))
    b = score_book(cset, book({"1.1.1": {"value": "Có"}}, unit="B"))
    c = score_book(cset, book({}, unit="C"))
    ranking = rank_units([c.totals(), b.totals(), a.totals()])
    assert [(r.rank, r.unit.unit) for r in ranking] == [(1, "A"), (1, "B"), (3, "C")]


# --- properties -------------------------------------------------------------------------------------

percent_text = st.decimals(min_value=0, max_value=100, places=2).map(lambda d: f"{d}%".replace(".", ","))
counts = st.integers(min_value=0, max_value=50)
answers = st.sampled_from(["Có", "Không"])


@st.composite
def filled(draw):
    return {
        "1.1.1": {"value": draw(answers)},
        "1.1.3": {"value": draw(percent_text)},
        "2.1.1": {"value": draw(percent_text)},
        "2.1.2": {"value": draw(counts)},
        "2.1.3": {"value": draw(counts)},
        "2.2.1": {"value": draw(st.sampled_from(["A", "B", "C", "D", None]))},
    }


@settings(max_examples=60, deadline=None)
@given(rows=filled())
def test_points_within_bounds_and_parents_are_sums(cset, rows):
    unit = score_book(cset, book(rows))
    for s in unit.items:
        assert 0 <= s.points <= s.item.max
        assert s.points == s.points.quantize(D("0.01"))
    for area in unit.areas:
        assert area.score == sum((s.points for s in unit.items if s.area.code == area.code), D(0))
    assert unit.score == sum((a.score for a in unit.areas), D(0)) == sum((c.score for c in unit.components), D(0))


@settings(max_examples=60, deadline=None)
@given(low=st.decimals(min_value=0, max_value=100, places=1), high=st.decimals(min_value=0, max_value=100, places=1))
def test_a_better_value_never_scores_lower(cset, low, high):
    low, high = sorted((low, high))
    for code in ("2.1.1", "1.1.3"):
        assert points_for(cset, code, f"{low}%") <= points_for(cset, code, f"{high}%")
    assert points_for(cset, "2.1.2", int(high)) <= points_for(cset, "2.1.2", int(low))


@settings(max_examples=30, deadline=None)
@given(rows=filled())
def test_same_input_gives_byte_identical_json(cset, rows):
    report = json_report(many=False)
    assert report_text(report, [score_book(cset, book(rows))]) == report_text(report, [score_book(cset, book(rows))])


@pytest.mark.parametrize("raw", ["\u200b", " \u00a0 ", "\ufeff"])
def test_a_cell_with_only_invisible_characters_is_not_entered(cset, raw):
    unit = score_book(cset, book({"2.1.1": {"value": raw}}))
    scored = next(s for s in unit.items if s.item.code == "2.1.1")
    assert scored.status == "missing" and not unit.errors


ADJUSTED = MINIMAL.with_name("adjusted.yaml")


@pytest.fixture(scope="module")
def adjusted():
    return load_criteria(str(ADJUSTED))


def test_bonus_is_added_and_penalty_subtracted_each_capped(adjusted):
    unit = score_book(adjusted, book({"2.1.1": {"value": "99%", "evidence": "BC"},
                                      "3.1.1": {"value": 3, "evidence": "QĐ công nhận"},  # 1,5, item max 1
                                      "3.2.1": {"value": "2", "evidence": "Thông báo"}}))  # 1 deducted
    assert [a.code for a in unit.areas] == ["1", "2"], "the bonus/penalty area stands outside the areas"
    assert unit.max == D(8), "the survey (2) is not self-scored; bonus and penalty add no max"
    assert (unit.base, unit.bonus, unit.penalty) == (D(2), D(1), D(1))
    assert unit.score == unit.base + unit.bonus - unit.penalty == D(2)
    assert item(unit, "3.1.1").points == D(1) and unit.adjustments[0].earned == D(1)
    assert [s.item.code for s in biggest_losses(unit) if s.item.is_adjustment] == ["3.2.1"]
    totals = unit.totals()
    assert (totals.bonus, totals.penalty, totals.score) == (D(1), D(1), D(2))


def test_an_adjustment_is_capped_by_its_component():
    from parindex.scoring.engine import Adjustment

    assert Adjustment("bonus", "Điểm thưởng", D("2.5"), D(1)).points == D(1)
    assert Adjustment("penalty", "Điểm trừ", D("0.5"), D(2)).points == D("0.5")


def test_penalty_is_capped(adjusted):
    unit = score_book(adjusted, book({"3.2.1": {"value": 9, "evidence": "TB"}}))
    assert item(unit, "3.2.1").points == D(2) and unit.penalty == D(2)


def test_blank_bonus_and_penalty_are_nothing_to_report(adjusted):
    rows = {s.item.code: {"value": ""} for s in score_book(adjusted, book({})).items}
    unit = score_book(adjusted, book(rows))
    assert not [w for w in unit.warnings if w.item in ("3.1.1", "3.2.1")]
    assert unit.bonus == unit.penalty == 0


def test_a_lead_agencys_part_does_not_call_other_agencies_rows_deleted(cset):
    part = book({"1.1.1": {"value": "Có", "evidence": "KH"}})
    part = EvidenceBook(part.path, {**part.info, "lead": "Sở Nội vụ"}, part.rows)
    unit = score_book(cset, part)
    assert not [w for w in unit.warnings if w.code == "PS540"]
    assert any(w.code == "PS503" and w.item == "2.1.1" for w in unit.warnings)
