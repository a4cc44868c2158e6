"""Components declare their role (docs/architecture.md: "Components and roles"): what each role does, the roles
the known ids imply, an item learning its component's role from its set, and the fingerprint of the sets written
before roles."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from parindex.criteria.checks import check_set
from parindex.criteria.files import load_criteria
from parindex.criteria.model import IMPLIED_ROLES, CriteriaSet, Role, role_of
from parindex.criteria.schema import schema_text
from parindex.io.yaml_source import parse_yaml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "criteria"
BUSINESS = FIXTURES / "business-survey.yaml"
ADJUSTED = FIXTURES / "adjusted.yaml"


def yaml_data(path: Path) -> dict[str, Any]:
    data = parse_yaml(path.read_text(encoding="utf-8")).data
    assert isinstance(data, dict)
    return data


def business_data() -> dict[str, Any]:
    return yaml_data(BUSINESS)


def codes(data: dict[str, Any]) -> list[str]:
    return [finding.code for finding in check_set(CriteriaSet.model_validate(data))]


def test_what_each_role_does() -> None:
    assert [(r.value, r.sign, r.inside_max, r.filled_by_survey) for r in Role] == [
        ("self", 1, True, False), ("measured", 1, True, True), ("bonus", 1, False, False),
        ("penalty", -1, False, False)]


def test_the_known_ids_imply_their_roles_and_a_declared_role_wins() -> None:
    assert {component: role_of(component) for component in IMPLIED_ROLES} == {
        "appraised": Role.SELF, "survey": Role.MEASURED, "sipas": Role.MEASURED, "bonus": Role.BONUS,
        "penalty": Role.PENALTY}
    assert role_of("business_survey", Role.MEASURED) is Role.MEASURED
    assert role_of("business_survey") is Role.SELF  # only where validate has refused the set (PX123)


def test_a_new_measured_component_is_data_only() -> None:
    cset = load_criteria(str(BUSINESS))
    roles = {comp.id: comp.role for comp in cset.components}
    assert roles == {"appraised": Role.SELF, "business_survey": Role.MEASURED, "khen_thuong": Role.BONUS}
    items = cset.item_by_code()
    assert items["3.1.1"].is_survey and items["3.1.2"].is_survey, "a threshold rule, measured all the same"
    assert not items["1.1.1"].is_survey and not items["1.1.1"].is_adjustment
    assert items["4.1.1"].is_adjustment and items["4.1.1"].role is Role.BONUS
    assert [area.code for area in cset.children()] == ["1", "2", "3"], "the bonus area stands outside the max"
    assert cset.max == 10


def test_the_known_ids_keep_their_behaviour_without_a_role() -> None:
    cset = load_criteria(str(ADJUSTED))
    assert {comp.id: comp.role for comp in cset.components} == {
        "appraised": Role.SELF, "survey": Role.MEASURED, "bonus": Role.BONUS, "penalty": Role.PENALTY}
    assert all(comp.written_role is None for comp in cset.components)
    assert [item.code for _, item in cset.items() if item.is_survey] == ["2.2.1", "2.2.2"]
    assert [item.code for _, item in cset.items() if item.is_adjustment] == ["3.1.1", "3.2.1"]


def test_a_role_that_contradicts_a_known_id_or_no_role_for_a_new_id_is_refused() -> None:
    data = business_data()
    assert codes(data) == []
    unsaid = copy.deepcopy(data)
    del unsaid["components"][1]["role"]
    assert codes(unsaid) == ["PX123"]
    contradicted = copy.deepcopy(data)
    contradicted["components"][0]["role"] = "measured"
    assert codes(contradicted) == ["PX122"]
    agreed = copy.deepcopy(data)
    agreed["components"][0]["role"] = "self"
    assert codes(agreed) == []


def test_the_role_of_a_new_component_is_in_the_fingerprint_the_known_ones_are_not() -> None:
    data = business_data()
    measured = CriteriaSet.model_validate(data).fingerprint()
    self_scored = copy.deepcopy(data)
    self_scored["components"][1]["role"] = "self"
    assert CriteriaSet.model_validate(self_scored).fingerprint() != measured, "who fills it changed"
    adjusted = yaml_data(ADJUSTED)
    declared = copy.deepcopy(adjusted)
    for comp in declared["components"]:
        comp["role"] = IMPLIED_ROLES[comp["id"]].value
    assert CriteriaSet.model_validate(declared).fingerprint() == CriteriaSet.model_validate(adjusted).fingerprint()


def test_an_item_built_into_two_sets_that_disagree_on_its_role_is_refused() -> None:
    first = CriteriaSet.model_validate(business_data())
    other = business_data()
    other["components"][1]["role"] = "bonus"
    other["areas"] = first.areas  # the same item objects, under a component of another role
    with pytest.raises(ValidationError, match="another role"):
        CriteriaSet.model_validate(other)
    assert first.item_by_code()["3.1.1"].role is Role.MEASURED, "the first set's items are untouched"


def test_an_area_says_what_it_was_by_code_or_name() -> None:
    data = business_data()
    area = CriteriaSet.model_validate(data).areas[1]
    assert [(w.years, w.code, w.name) for w in area.was] == [([2020], "7", "Hiện đại hóa hành chính")]
    for was in ([{"years": [2020]}], [{"code": "7"}], [{"years": [], "code": "7"}]):
        broken = copy.deepcopy(data)
        broken["areas"][1]["was"] = was
        with pytest.raises(ValidationError):
            CriteriaSet.model_validate(broken)


def test_the_schema_offers_the_roles_and_was() -> None:
    schema = schema_text()
    assert '"enum": [\n        "self",\n        "measured",\n        "bonus",\n        "penalty"\n      ]' in schema
    assert '"was": {' in schema and '"$ref": "#/$defs/Role"' in schema
