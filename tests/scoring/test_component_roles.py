"""Scoring asks a component's role, never its id: adjusted.yaml with every known id renamed and its role
declared scores exactly as it does with the known ids."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from parindex.criteria.model import CriteriaSet
from parindex.evidence.model import Cell, EvidenceBook, EvidenceRow
from parindex.io.yaml_source import parse_yaml
from parindex.scoring.engine import UnitScore, biggest_losses, score_book
from parindex.scoring.reports import total_parts, unit_dict

ADJUSTED = Path(__file__).resolve().parents[1] / "fixtures" / "criteria" / "adjusted.yaml"
D = Decimal
RENAMED = {"appraised": ("tham_dinh", "self"), "survey": ("khao_sat", "measured"), "bonus": ("diem_cong", "bonus"),
           "penalty": ("diem_tru", "penalty")}
ROWS = {"1.1.1": {"value": "Có", "evidence": "QĐ"}, "2.1.1": {"value": "99%", "evidence": "BC"},
        "2.2.1": {"value": "A"}, "3.1.1": {"value": 3, "evidence": "QĐ công nhận"}, "3.2.1": {"value": "2"}}


def load(text: str) -> CriteriaSet:
    return CriteriaSet.model_validate(parse_yaml(text).data)


@pytest.fixture(scope="module")
def sets() -> tuple[CriteriaSet, CriteriaSet]:
    text = ADJUSTED.read_text(encoding="utf-8")
    renamed = text
    for old, (new, role) in RENAMED.items():
        renamed = renamed.replace(f"component: {old}\n", f"component: {new}\n")
        renamed = re.sub(rf"\{{id: {old}, ", f"{{id: {new}, role: {role}, ", renamed)
    known, own = load(text), load(renamed)
    assert {c.id for c in own.components} == {new for new, _ in RENAMED.values()}
    return known, own


def book() -> EvidenceBook:
    rows = {code: EvidenceRow(code, n, dict(cells), {key: f"Tự đánh giá!{key}{n}" for key in cells})
            for n, (code, cells) in enumerate(ROWS.items(), start=2)}
    return EvidenceBook("mem.xlsx", {"unit": "Sở Thử", "year": "2020"}, rows)


def summary(unit: UnitScore) -> object:
    return ([(s.item.code, s.status, s.points, s.counted_max, s.lost) for s in unit.items],
            [(a.code, a.score, a.max) for a in unit.areas], [(c.score, c.max, c.full_max) for c in unit.components],
            (unit.base, unit.bonus, unit.penalty, unit.score, unit.max, unit.self_score),
            [s.item.code for s in biggest_losses(unit)], [(label, points) for label, points, _ in total_parts(unit)])


def test_renamed_components_score_as_the_known_ids_do(sets) -> None:
    known, own = sets
    assert own.fingerprint() != known.fingerprint()  # other ids: another set
    by_known, by_own = score_book(known, book()), score_book(own, book())
    assert summary(by_own) == summary(by_known)
    assert (by_own.base, by_own.bonus, by_own.penalty, by_own.score) == (D("4.5"), D(1), D(1), D("4.5"))
    estimated = next(s for s in by_own.items if s.item.code == "2.2.1")
    assert estimated.status == "estimated", "a unit's own value for a measured item is at most an estimate"
    blank = next(s for s in by_own.items if s.item.code == "2.2.2")
    assert blank.status == "not_self_scored"
    assert [label for label, _, _ in total_parts(by_own)][1:] == [label for label, _, _ in total_parts(by_known)][1:]
    assert [points for _, points, _ in total_parts(by_own)] == [D("4.5"), D(1), D(-1)], "a penalty is subtracted"


def test_a_survey_table_fills_any_measured_component(sets) -> None:
    _, own = sets
    unit = score_book(own, book(), {"2.2.1": Cell("60%", "Điều tra!C3")}, "dieu-tra.xlsx")
    surveyed = next(s for s in unit.items if s.item.code == "2.2.1")
    assert (surveyed.status, surveyed.points, surveyed.value_ref) == ("surveyed", D("0.9"),
                                                                     "dieu-tra.xlsx › Điều tra!C3")


def test_the_result_json_says_each_components_role(sets) -> None:
    _, own = sets
    data = unit_dict(score_book(own, book()))
    assert [(c["id"], c["role"]) for c in data["components"]] == [("tham_dinh", "self"), ("khao_sat", "measured")]
    assert [(a["id"], a["role"]) for a in data["adjustments"]] == [("diem_cong", "bonus"), ("diem_tru", "penalty")]
    assert (data["bonus"], data["penalty"]) == (1, 1)


def test_a_measurement_missing_leaves_the_unit_unranked_never_on_a_smaller_maximum(sets) -> None:
    _, own = sets
    alone = score_book(own, book())
    assert alone.unranked == () and alone.totals().unranked == (), "no table given: estimates left out, ranked"
    no_row = score_book(own, book(), None, "dieu-tra.xlsx")
    assert [(m.code, m.params["path"]) for m in no_row.unranked] == [("PS547", "dieu-tra.xlsx")]
    assert no_row.warnings[0] is no_row.unranked[0] and no_row.totals().unranked == no_row.unranked
    blank = score_book(own, book(), {"2.2.1": Cell(None, "Điều tra!C3"), "2.2.2": Cell("0,3", "Điều tra!D3")},
                       "dieu-tra.xlsx")
    assert [(m.code, m.where, m.item) for m in blank.unranked] == [("PS590", "dieu-tra.xlsx › Điều tra!C3", "2.2.1")]
    statuses = {s.item.code: s.status for s in blank.items}
    assert (statuses["2.2.1"], statuses["2.2.2"]) == ("estimated", "surveyed"), "the unit's own value: an estimate"
    full = score_book(own, book(), {"2.2.1": Cell("90%", "Điều tra!C3"), "2.2.2": Cell("0,3", "Điều tra!D3")},
                      "dieu-tra.xlsx")
    assert full.unranked == ()
