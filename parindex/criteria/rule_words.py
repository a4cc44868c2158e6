"""A scoring rule said in words, as the Ministry's annex would write it (used by show, template, explain)."""

from __future__ import annotations

from decimal import Decimal

from parindex.common.i18n import fmt_plain, t
from parindex.criteria.model import (
    ChoiceRule,
    DeductionRule,
    Item,
    ManualRule,
    ProportionalRule,
    SurveyRule,
    ThresholdRule,
    YesNoRule,
)


def rule_in_words(item: Item, lang: str | None = None) -> str:
    rule = item.rule

    def n(value: Decimal) -> str:
        return fmt_plain(value, lang)

    if isinstance(rule, YesNoRule):
        yes = rule.yes_points if rule.yes_points is not None else item.max
        return t("rule.yes_no", lang=lang, yes=n(yes), no=n(rule.no_points))
    if isinstance(rule, ChoiceRule):
        return "; ".join(f"{option.label}: {n(option.points)}" for option in rule.options)
    if isinstance(rule, ThresholdRule):
        unit = "%" if rule.unit == "percent" else ""
        parts = []
        for tier in rule.tiers:
            if tier.at_least is not None:
                parts.append(t("rule.at_least", lang=lang, value=n(tier.at_least) + unit, points=n(tier.points)))
            else:
                parts.append(t("rule.at_most", lang=lang, value=n(tier.at_most or 0) + unit,
                               points=n(tier.points)))
        return "; ".join([*parts, t("rule.otherwise", lang=lang)])
    if isinstance(rule, ProportionalRule):
        unit = "%" if rule.unit == "percent" else ""
        return t("rule.proportional", lang=lang, max=n(item.max), target=n(rule.target) + unit)
    if isinstance(rule, DeductionRule):
        return t("rule.deduction", lang=lang, max=n(item.max), per=n(rule.per))
    if isinstance(rule, SurveyRule):
        return t("rule.survey", lang=lang, max=n(item.max))
    if isinstance(rule, ManualRule):
        return t("rule.manual", lang=lang, max=n(item.max))
    raise TypeError(rule)
