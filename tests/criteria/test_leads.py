"""Who leads what: an item's lead, else its nearest criterion's, else its area's; names as people write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from parindex.common.errors import ParindexError
from parindex.criteria.files import load_bundled, load_criteria
from parindex.criteria.leads import file_stem, find_lead, item_leads, lead_names
from parindex.criteria.model import CriteriaSet, effective_lead

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "criteria" / "minimal.yaml"


def nested() -> CriteriaSet:
    item = {"max": 1, "component": "appraised", "rule": {"kind": "yes_no"}}
    return CriteriaSet.model_validate({
        "id": "x", "title": "x", "years": [2020], "level": "province", "status": "official", "max": 4,
        "components": [{"id": "appraised", "name": "A", "max": 4}],
        "areas": [{"code": "1", "name": "Lĩnh vực", "lead": "Sở Nội vụ", "max": 4, "criteria": [
            {"code": "1.1", "name": "Tiêu chí", "lead": "Sở Tư pháp", "max": 3, "criteria": [
                {"code": "1.1.1", "name": "Con", "max": 2, "items": [
                    {"code": "1.1.1.1", "name": "a", **item},
                    {"code": "1.1.1.2", "name": "b", "lead": "Sở Tài chính", **item}]},
                {"code": "1.1.2", "name": "Con 2", "lead": "Văn phòng UBND tỉnh", "max": 1, "items": [
                    {"code": "1.1.2.1", "name": "c", **item}]}]},
            {"code": "1.2", "name": "Tiêu chí 2", "max": 1, "items": [{"code": "1.2.1", "name": "d", **item}]}]}]})


def test_item_then_nearest_criterion_then_area():
    assert item_leads(nested()) == {"1.1.1.1": "Sở Tư pháp", "1.1.1.2": "Sở Tài chính",
                                    "1.1.2.1": "Văn phòng UBND tỉnh", "1.2.1": "Sở Nội vụ"}
    assert lead_names(nested()) == ["Sở Tư pháp", "Sở Tài chính", "Văn phòng UBND tỉnh", "Sở Nội vụ"]


def test_scores_and_gap_credit_the_same_lead_as_the_parts():
    """One answer to "who leads this item": the lead a score (and gap's recoverable points) credits is the
    lead the parts and progress assign, criterion-level leads included."""
    cset = nested()
    assert {item.code: effective_lead(area, item) for area, item in cset.items()} == item_leads(cset)


def test_the_bundled_set_assigns_every_item():
    cset = load_bundled("par-province-2020")
    leads = item_leads(cset)
    assert len(leads) == len(cset.items()) and all(leads.values())
    assert "Sở Tư pháp" in lead_names(cset)


@pytest.mark.parametrize(("query", "lead"), [
    ("Sở Tư pháp", "Sở Tư pháp"), ("so tu phap", "Sở Tư pháp"), ("SỞ TƯ PHÁP ", "Sở Tư pháp"),
    ("Tư pháp", "Sở Tư pháp"),  # the seed's own short form: "Các Sở, cơ quan: Văn phòng UBND tỉnh, Tài chính, Tư pháp"
    ("Văn phòng", "Văn phòng UBND tỉnh"), ("Sở Tư  pháp.", "Sở Tư pháp")])
def test_find_lead_as_people_write_it(query, lead):
    assert find_lead(nested(), query) == lead


def test_unknown_and_ambiguous_leads_are_named():
    with pytest.raises(ParindexError) as unknown:
        find_lead(nested(), "Sở Y tế")
    assert unknown.value.code == "PM800" and "Sở Tư pháp" in unknown.value.msg.text("en")
    with pytest.raises(ParindexError) as several:
        find_lead(nested(), "Sở")
    assert several.value.code == "PM801"


def test_a_set_without_leads_cannot_be_split():
    cset = load_criteria(str(MINIMAL)).model_copy(deep=True)
    for area in cset.areas:
        object.__setattr__(area, "lead", None)
    with pytest.raises(ParindexError) as caught:
        find_lead(cset, "Sở Nội vụ")
    assert caught.value.code == "PM802"


@pytest.mark.parametrize(("name", "stem"), [
    ("Sở Tư pháp", "so-tu-phap"), ("Sở Kế hoạch và Đầu tư", "so-ke-hoach-va-dau-tu"),
    ("Văn phòng UBND tỉnh", "van-phong-ubnd-tinh"), ("Đài PT-TH", "dai-pt-th"), ("", "chua-phan-cong")])
def test_file_names_fold_vietnamese_letters(name, stem):
    assert file_stem(name) == stem
