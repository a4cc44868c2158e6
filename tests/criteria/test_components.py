"""The known components, enumerated from their registry (`criteria.sheet.COMPONENT_NAMES`, the components annexes
name): each is a valid id that its names read back as, and the groups the model treats apart (measured by others,
bonus and penalty) are known components."""

from __future__ import annotations

import pytest

from parindex.common.catalogue import MESSAGES
from parindex.criteria.model import ADJUSTMENTS, SURVEY_COMPONENTS, Component
from parindex.criteria.sheet import COMPONENT_NAMES, component_id

KNOWN = sorted(COMPONENT_NAMES)


@pytest.mark.parametrize("known", KNOWN)
def test_a_known_component_reads_back_from_its_id_and_each_of_its_names(known: str) -> None:
    Component.model_validate({"id": known, "name": COMPONENT_NAMES[known][0], "max": 1})
    assert component_id(known) == known
    for name in COMPONENT_NAMES[known]:
        assert component_id(name) == known and component_id(f"  {name.upper()} ") == known


def test_the_components_the_model_treats_apart_are_known() -> None:
    assert set(KNOWN) >= SURVEY_COMPONENTS | ADJUSTMENTS
    assert not SURVEY_COMPONENTS & ADJUSTMENTS


@pytest.mark.parametrize("adjustment", sorted(ADJUSTMENTS))
def test_a_bonus_or_penalty_has_its_words_in_the_reports(adjustment: str) -> None:
    assert f"ui.score.{adjustment}" in MESSAGES
