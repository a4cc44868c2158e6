"""The known components, enumerated from their registry (`criteria.sheet.COMPONENT_NAMES`, the components annexes
name): each is a valid id that its names read back as, and the groups the model treats apart (measured by others,
bonus and penalty) are known components."""

from __future__ import annotations

import pytest

from parindex.common.catalogue import MESSAGES
from parindex.criteria.model import IMPLIED_ROLES, Component, Role
from parindex.criteria.sheet import COMPONENT_NAMES, component_id

KNOWN = sorted(COMPONENT_NAMES)


@pytest.mark.parametrize("known", KNOWN)
def test_a_known_component_reads_back_from_its_id_and_each_of_its_names(known: str) -> None:
    Component.model_validate({"id": known, "name": COMPONENT_NAMES[known][0], "max": 1})
    assert component_id(known) == known
    for name in COMPONENT_NAMES[known]:
        assert component_id(name) == known and component_id(f"  {name.upper()} ") == known


def test_the_components_whose_id_implies_a_role_are_known() -> None:
    assert set(KNOWN) >= IMPLIED_ROLES.keys()
    assert set(IMPLIED_ROLES.values()) == set(Role)  # every role has a known component that implies it


@pytest.mark.parametrize("role", [role for role in Role if not role.inside_max])
def test_a_bonus_or_penalty_has_its_words_in_the_reports(role: Role) -> None:
    assert f"ui.score.{role}" in MESSAGES
