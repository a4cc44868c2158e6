"""Parts of one unit's evidence put back together (`evidence.parts`, pure), and the property that matters: the
merged workbook scores exactly as one filled in one piece, over generated sets and fills."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parindex.common.errors import ParindexError
from parindex.criteria.files import load_criteria
from parindex.criteria.leads import item_leads, lead_names
from parindex.criteria.model import CriteriaSet
from parindex.evidence.merge import PART_COLUMNS, write_merged
from parindex.evidence.model import EvidenceBook, EvidenceRow
from parindex.evidence.parts import check_parts, merge_parts
from parindex.evidence.reader import read_evidence
from parindex.evidence.template import write_template
from parindex.scoring.engine import score_book
from tests.criteria.test_checks_property import all_groups, criteria_sets
from tests.fill import fill_workbook, random_fill

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "criteria" / "minimal.yaml"
PREFIXES = {key: f"Tự đánh giá!{letter}" for key, letter in
            {"code": "A", "value": "E", "not_applicable": "F", "self_score": "G", "evidence": "H",
             "explanation": "I", "appraised": "K", "note": "L"}.items()}


@pytest.fixture(scope="module")
def cset() -> CriteriaSet:
    return load_criteria(str(MINIMAL))


def book(path: str, rows: dict[str, dict[str, object]], **info: str) -> EvidenceBook:
    base = {"criteria_id": "mini-2020", "unit": "Sở Thử", "year": "2020", **info}
    made = {code: EvidenceRow(code, 2 + n, values, PREFIXES) for n, (code, values) in enumerate(rows.items())}
    return EvidenceBook(path, base, made, {"unit": "Thông tin!B6", "year": "Thông tin!B8",
                                           "fingerprint": "Thông tin!B5"})


def test_each_item_comes_from_the_part_that_holds_it(cset):
    a = book("a.xlsx", {"1.1.1": {"value": "Có"}, "1.1.2": {}}, lead="Sở Nội vụ")
    b = book("b.xlsx", {"1.1.2": {"value": "Dưới 80%", "evidence": "BC 1"}, "2.1.1": {"value": "95%"}})
    merged = merge_parts(cset, [a, b])
    assert merged.rows["1.1.1"].book is a
    assert merged.rows["1.1.2"].book is b  # the filled row wins over a blank one
    assert merged.rows["1.1.1"].source == "a.xlsx (Sở Nội vụ)"
    assert merged.rows["2.1.1"].source == "b.xlsx"
    assert set(merged.uncovered) == set(cset.item_by_code()) - {"1.1.1", "1.1.2", "2.1.1"}
    assert merged.conflicts == []


def test_the_same_content_twice_is_fine_different_content_names_both_cells(cset):
    a = book("a.xlsx", {"1.1.1": {"value": "Có", "evidence": "BC 1 "}})
    same = book("b.xlsx", {"1.1.1": {"value": "Có", "evidence": "BC 1"}})
    assert merge_parts(cset, [a, same]).conflicts == []
    other = book("c.xlsx", {"1.1.1": {"value": "Có", "evidence": "BC 2"}})
    [conflict] = merge_parts(cset, [a, same, other]).conflicts
    assert conflict.code == "PM813" and conflict.item == "1.1.1"
    text = conflict.text("en")
    assert "a.xlsx › Tự đánh giá!H2" in text and "c.xlsx › Tự đánh giá!H2" in text
    assert "BC 1" in text and "BC 2" in text


@pytest.mark.parametrize(("info", "code"), [
    ({"criteria_id": "other-set"}, "PM810"), ({"fingerprint": "0123456789ab"}, "PM810"),
    ({"year": "2019"}, "PM811"), ({"unit": "Sở Khác"}, "PM812")])
def test_parts_of_another_set_year_or_unit_are_refused_naming_them(cset, info, code):
    good = book("a.xlsx", {}, fingerprint=cset.fingerprint())
    bad = book("b.xlsx", {}, **{"fingerprint": cset.fingerprint(), **info})
    with pytest.raises(ParindexError) as caught:
        check_parts(cset, [good, bad])
    assert caught.value.code == code
    assert caught.value.where is not None and caught.value.where.startswith("b.xlsx")


def test_a_row_merge_could_not_place_is_refused_naming_its_cell(cset):
    stray = book("a.xlsx", {"1.1.1": {"value": "Có"}, "9.9.9": {"value": "Có"}})
    with pytest.raises(ParindexError) as caught:
        check_parts(cset, [stray])
    assert caught.value.code == "PM816" and caught.value.where == "a.xlsx › Tự đánh giá!A3"
    check_parts(cset, [book("b.xlsx", {"1.1": {}, "1.1.1": {"value": "Có"}})])  # a heading row is fine


def test_unit_names_compare_as_gap_compares_them_and_a_blank_contradicts_nothing(cset):
    parts = [book("a.xlsx", {}, unit="Sở Thử"), book("b.xlsx", {}, unit="sở thử "), book("c.xlsx", {}, unit="")]
    check_parts(cset, parts)


# --- the property: merged parts score as one piece ---------------------------------------------------------

AGENCIES = ("Sở Tư pháp", "Sở Tài chính", "Sở Nội vụ", "Văn phòng UBND tỉnh")


@st.composite
def led_sets(draw: st.DrawFn) -> dict[str, Any]:
    """A generated set whose criteria sometimes name their own lead, so the three levels of lead all count."""
    data = draw(criteria_sets())
    for group in all_groups(data):
        if "." in group["code"] and draw(st.booleans()):
            group["lead"] = draw(st.sampled_from(AGENCIES))
    return data


def scored(cset: CriteriaSet, path: Path) -> tuple[object, ...]:
    unit = score_book(cset, read_evidence(path))
    return unit.items, unit.areas, unit.components, unit.warnings, unit.errors, unit.score, unit.max


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=led_sets(), seed=st.integers(0, 10_000), share=st.sampled_from([0.5, 1.0]))
def test_merged_parts_score_exactly_as_one_workbook(data, seed, share):
    cset = CriteriaSet.model_validate(data)
    day, unit = date(2026, 11, 29), "UBND tỉnh Thử"
    fill = random_fill(cset, seed, share)
    leads = item_leads(cset)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        whole = tmp / "whole.xlsx"
        write_template(whole, cset, unit=unit, today=day)
        fill_workbook(whole, fill)
        parts = []
        for n, lead in enumerate(lead_names(cset)):
            part = tmp / f"part-{n}.xlsx"
            write_template(part, cset, unit=unit, today=day, lead=lead)
            fill_workbook(part, {code: cells for code, cells in fill.items() if leads[code] == lead})
            parts.append(part)
        books = [read_evidence(part, PART_COLUMNS) for part in parts]
        check_parts(cset, books)
        merged = merge_parts(cset, books)
        assert merged.conflicts == [] and merged.uncovered == []
        out = tmp / "merged.xlsx"
        write_merged(out, cset, merged, {"unit": unit}, today=day)
        assert scored(cset, out) == scored(cset, whole)
        assert read_evidence(out, PART_COLUMNS).rows.keys() == read_evidence(whole, PART_COLUMNS).rows.keys()


def test_the_merged_workbook_keeps_the_parts_block(cset, tmp_path):
    """Thông tin › Khối (the block the unit is ranked in) survives the merge, as unit and year do."""
    out = tmp_path / "merged.xlsx"
    a = book("a.xlsx", {"1.1.1": {"value": "Có"}}, lead="Sở Nội vụ", block="Phường")
    write_merged(out, cset, merge_parts(cset, [a]), {"unit": "Phường Một", "year": "2020", "block": "Phường"},
                 today=date(2021, 1, 1))
    assert read_evidence(out).info["block"] == "Phường"
