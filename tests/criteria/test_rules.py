"""Every rule kind answers every question scoring, checks, words and the template ask of it.

The kinds are taken from the registry (`RULE_KINDS`, the `Rule` union itself), so a kind added there without an
example here, or without one of the methods, fails these tests rather than failing differently in each place that
asks; and a rule class left out of the union fails too.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from parindex.common.values import RawValue, ValueProblem
from parindex.criteria import rules
from parindex.criteria.rules import FORMS, RULE_KINDS, BaseRule, ChoiceRule, Entry, Outcome, Rule, kind_name, read_rule

MAX = Decimal(2)
KINDS = RULE_KINDS
RULE = TypeAdapter(Rule)

# Per kind: a valid rule for an item of max 2, and values it reads, among them the one that earns the most.
EXAMPLES: dict[str, tuple[dict[str, Any], list[RawValue]]] = {
    "yes_no": ({"kind": "yes_no", "yes_points": 2, "no_points": 0.5}, ["Có", "Không", True, 0]),
    "choice": ({"kind": "choice", "options": [{"label": "Đúng hạn", "points": 2}, {"label": "Chậm", "points": 1},
                                               {"label": "Không", "points": 0}]}, ["đúng hạn", "Chậm", "Không"]),
    "threshold": ({"kind": "threshold", "unit": "percent",
                   "tiers": [{"at_least": 100, "points": 2}, {"at_least": 80, "points": 1}]},
                  ["100%", "85,5", 0.5, 0]),
    "proportional": ({"kind": "proportional", "unit": "number", "target": 30}, [0, 15, "30", "45,5"]),
    "deduction": ({"kind": "deduction", "per": 0.5}, [0, 1, "3", 10]),
    "per_case": ({"kind": "per_case", "per": 0.5}, [0, 1, "3", 10]),
    "survey": ({"kind": "survey"}, ["A", "b", "C", "D", "95,7%"]),
    "manual": ({"kind": "manual"}, [0, "1,25", 2]),
}


def kind_of(member: type[BaseRule]) -> str:
    return kind_name(member)


def example(member: type[BaseRule]) -> tuple[BaseRule, list[RawValue]]:
    data, samples = EXAMPLES[kind_of(member)]
    rule = RULE.validate_python(data)
    assert type(rule) is member
    return rule, samples


def test_every_kind_has_an_example() -> None:
    assert {kind_of(member) for member in KINDS} == set(EXAMPLES)
    assert all(issubclass(member, BaseRule) for member in KINDS)


def test_every_rule_class_is_a_kind_of_the_registry() -> None:
    """A kind written but left out of the `Rule` union would validate nowhere and be read from no phrase."""
    defined = {member for member in vars(rules).values()
               if isinstance(member, type) and issubclass(member, BaseRule) and member is not BaseRule}
    assert defined == set(KINDS)
    names = [kind_of(member) for member in KINDS]
    assert len(set(names)) == len(names)
    assert all(member.defers_to <= set(names) for member in KINDS)


@pytest.mark.parametrize("member", KINDS, ids=kind_of)
def test_every_kind_names_its_forms_and_each_reads_back_as_the_kind(member: type[BaseRule]) -> None:
    """The examples every message about an unreadable phrase shows (FORMS) are each kind's own, and read as it."""
    assert member.forms
    for form in member.forms:
        assert form in FORMS
        read = read_rule(form, MAX)
        assert isinstance(read, dict) and read["kind"] == kind_of(member), (form, read)


def test_a_kind_without_its_behaviour_cannot_be_made() -> None:
    class Unfinished(BaseRule):
        kind: Literal["unfinished"]

    with pytest.raises(TypeError, match="abstract"):
        Unfinished.model_validate({"kind": "unfinished"})  # as a criteria file would make it


@pytest.mark.parametrize("member", KINDS, ids=kind_of)
def test_every_kind_answers_every_question(member: type[BaseRule]) -> None:
    rule, samples = example(member)
    best = rule.best(MAX)
    assert best is None or isinstance(best, Decimal)
    outcomes = [rule.score(raw, MAX) for raw in samples]
    assert all(isinstance(outcome, Outcome) and isinstance(outcome.points, Decimal) for outcome in outcomes)
    assert all(Decimal(0) <= outcome.points <= MAX for outcome in outcomes)
    assert list(rule.problems("1.1", ("rule",))) == []
    for lang in ("vi", "en"):
        assert rule.words(MAX, lang).strip()
    entry = rule.entry(MAX)
    assert entry is None or isinstance(entry, Entry)
    assert isinstance(rule.survey, bool)


@pytest.mark.parametrize("member", KINDS, ids=kind_of)
def test_best_is_what_the_best_value_earns(member: type[BaseRule]) -> None:
    """Where the rule fixes its best, some value earns exactly that; where it scales, the best value earns max."""
    rule, samples = example(member)
    best = rule.best(MAX)
    assert max(rule.score(raw, MAX).points for raw in samples) == (MAX if best is None else best)


@pytest.mark.parametrize("member", KINDS, ids=kind_of)
def test_declared_points_are_found_at_their_paths(member: type[BaseRule]) -> None:
    rule, _ = example(member)
    written = rule.model_dump()
    for path, points in rule.declared_points():
        node: Any = written
        for key in path:
            node = node[key]
        assert node == points


def test_choice_entry_offers_the_labels() -> None:
    rule, _ = example(ChoiceRule)
    entry = rule.entry(MAX)
    assert entry is not None and entry.options == ("Đúng hạn", "Chậm", "Không")


RAW = st.one_of(st.integers(-5, 200), st.floats(-5, 200, allow_nan=False), st.booleans(),
                st.sampled_from(["Có", "Không", "Chậm", "A", "D", "x", "95,7%", "12,5", "1.234", "", "?"]))


@pytest.mark.parametrize("member", KINDS, ids=kind_of)
@settings(max_examples=150, deadline=None)
@given(raw=RAW, maximum=st.integers(8, 40).map(lambda quarters: quarters * Decimal("0.25")))
def test_any_value_is_refused_or_earns_within_the_best(member: type[BaseRule], raw: RawValue,
                                                       maximum: Decimal) -> None:
    """A value is either refused with a ValueProblem or earns points within [0, best] (or [0, max])."""
    rule, _ = example(member)
    try:
        points = rule.score(raw, maximum).points
    except ValueProblem:
        return
    best = rule.best(maximum)
    assert Decimal(0) <= points <= (maximum if best is None else best) <= maximum


def test_per_case_points_stop_at_the_max() -> None:
    rule = TypeAdapter(Rule).validate_python({"kind": "per_case", "per": 0.5})
    assert rule.score(3, Decimal(2)).points == Decimal("1.5")
    assert rule.score(10, Decimal(2)).points == Decimal(2)
    assert "0.5" in rule.words(Decimal(2), "en") and "at most 2" in rule.words(Decimal(2), "en")


def test_a_percent_rule_accepts_up_to_its_most() -> None:
    from parindex.common.values import ValueProblem

    rule = TypeAdapter(Rule).validate_python(
        {"kind": "threshold", "unit": "percent", "most": 200, "tiers": [{"at_least": 100, "points": 1}]})
    assert rule.score("112,5%", Decimal(1)).value == Decimal("112.5")
    assert rule.score("112,5%", Decimal(1)).points == Decimal(1)
    assert "200" in rule.words(Decimal(1), "vi")
    with pytest.raises(ValueProblem) as refused:
        rule.score("250%", Decimal(1))
    assert refused.value.msg.code == "PW443" and "0–200" in refused.value.msg.text("en")
    plain = TypeAdapter(Rule).validate_python(
        {"kind": "threshold", "unit": "percent", "tiers": [{"at_least": 100, "points": 1}]})
    with pytest.raises(ValueProblem):
        plain.score("112,5%", Decimal(1))
