"""The scoring rules: a closed set of kinds, told apart by `kind`; nothing in them is ever evaluated as code.

Each kind carries its own behaviour (docs/architecture.md: "Rule kinds"): how it reads and scores a value, its best,
its words, what the template offers, what is wrong inside it (tier order, repeated labels), and how its words are
read back from a *Cách chấm* phrase (`from_words`, with the grammar of `criteria.rule_phrases`). Scoring, checks,
the template and the criteria sheet ask the rule, never its class, and the phrase reader asks every kind of the
registry (`Rule`, `RULE_KINDS`): a new kind is one class here, its words in the catalogue and its example in the
tests (docs/architecture.md: "Recipes").
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Annotated, Any, ClassVar, Literal, NamedTuple, get_args

from pydantic import Field, TypeAdapter, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from parindex.common import values
from parindex.common.findings import Finding, Path
from parindex.common.i18n import fmt_plain, t
from parindex.common.messages import Message
from parindex.common.safe_text import OwnWords
from parindex.common.values import RawValue
from parindex.criteria.fields import Bound, Points, Strict
from parindex.criteria.rule_phrases import (
    MOST_FORM,
    NUMBER,
    Counted,
    Data,
    Direction,
    Lazy,
    Phrase,
    counted,
    is_range,
    is_rest,
    most_of,
    number,
    one_line,
    tiers,
    yes_no,
)

# No docstrings on the rule classes: pydantic would write them into the committed JSON Schema.

class Outcome(NamedTuple):
    """A value read through a rule: as understood, its points before rounding, the tier or option that applied."""

    value: object
    points: Decimal
    tier: str | None = None


class Entry(NamedTuple):
    """What the template's value cell offers, without naming any spreadsheet library.

    `kind`: a yes/no dropdown, a dropdown of `options`, or a number ("decimal", "whole") at least 0 and at
    most `most` where the rule bounds it; `prompt` is the catalogue key of the input message.
    """

    kind: Literal["yes_no", "choice", "decimal", "whole"]
    prompt: str
    options: tuple[str, ...] = ()
    most: Decimal | None = None


Answers = tuple[str, str]  # the words for yes and for no a yes/no rule is written with ('Đạt', 'Không đạt')


class BaseRule(Strict):
    survey: ClassVar[bool] = False  # assessed by the Ministry: not self-scored
    # The kind's words as annexes write them, each an example that reads back as this kind: every message about a
    # phrase that cannot be read names them all (`FORMS`).
    forms: ClassVar[tuple[str, ...]] = ()
    # Kinds whose reading of a phrase wins over this one's when both read it ('Có: 1 điểm; Không có: 0 điểm' is
    # yes/no, though 'không có' is also a range): any other phrase two kinds read is refused, never guessed at.
    defers_to: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    @abstractmethod
    def from_words(cls, phrase: Phrase, maximum: Decimal | None) -> Data | Message | None:
        """The rule a *Cách chấm* phrase states in this kind's form, as criteria-file data; a Message when it is
        this kind's form but cannot be read with certainty; None when it is not this kind's form."""

    @abstractmethod
    def best(self, maximum: Decimal) -> Decimal | None:
        """The most the rule can give, where it fixes it (None: it scales with `maximum` itself)."""

    @abstractmethod
    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        """A cell value read and scored; raises `values.ValueProblem` for a value the rule cannot read."""

    def declared_points(self) -> Iterator[tuple[Path, Decimal]]:
        """The points values the rule states, with their paths inside the rule (each must be within [0, max]);
        none where the points follow from the item's max."""
        yield from ()

    def problems(self, code: str, path: Path) -> Iterator[Finding]:
        """What is wrong inside the rule itself (tier order, repeated labels); `path` is the rule's own."""
        yield from ()

    def option_labels(self) -> Iterator[tuple[Path, str]]:
        """The labels a person types into the value cell, with their paths inside the rule (none: a number or
        yes/no)."""
        yield from ()

    @abstractmethod
    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None,
              direction: Direction = None) -> str:
        """The rule as the Ministry's annex would write it (criteria show, the template, explain); a yes/no rule
        names its two answers `answers` (the template's dropdown words; default the language's yes and no); points
        per case say 'trừ' or 'cộng' as the item's component counts them (`direction`)."""

    @abstractmethod
    def entry(self, maximum: Decimal) -> Entry | None:
        """What the template offers for the value (None: anything, as survey results come in many forms)."""


class YesNoRule(BaseRule):
    kind: Literal["yes_no"]
    forms = ("Có: 1 điểm; Không: 0 điểm",)
    yes_points: Points | None = None  # default: the item's max
    no_points: Points = Decimal(0)

    def yes(self, maximum: Decimal) -> Decimal:
        return self.yes_points if self.yes_points is not None else maximum

    def best(self, maximum: Decimal) -> Decimal:
        return max(self.yes(maximum), self.no_points)

    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        yes = values.parse_yes_no(raw)
        return Outcome(yes, self.yes(maximum) if yes else self.no_points)

    def declared_points(self) -> Iterator[tuple[Path, Decimal]]:
        if self.yes_points is not None:
            yield ("yes_points",), self.yes_points
        yield ("no_points",), self.no_points

    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None,
              direction: Direction = None) -> str:
        yes, no = fmt_plain(self.yes(maximum), lang), fmt_plain(self.no_points, lang)
        yes_word, no_word = answers or (t("ui.yes", lang=lang), t("ui.no", lang=lang))
        return t("rule.yes_no", lang=lang, yes=yes, no=no, yes_word=yes_word, no_word=no_word)

    def entry(self, maximum: Decimal) -> Entry:
        return Entry("yes_no", "ui.template.prompt_yes_no")

    @classmethod
    def from_words(cls, phrase: Phrase, maximum: Decimal | None) -> Data | None:
        pair = yes_no(phrase.listed) if phrase.listed is not None else None
        if pair is None:
            return None
        yes, no = pair
        data: Data = {"kind": "yes_no"}
        if yes != maximum:
            data["yes_points"] = yes
        if no != 0:
            data["no_points"] = no
        return data


class ChoiceOption(Strict):
    label: str = Field(min_length=1)
    points: Points


class ChoiceRule(BaseRule):
    kind: Literal["choice"]
    forms = ("Ban hành đúng hạn: 1,5 điểm; Ban hành chậm: 0,5 điểm; Không ban hành: 0 điểm",)
    defers_to = frozenset({"yes_no", "threshold"})  # labels are what reads as no other list
    options: list[ChoiceOption] = Field(min_length=2)

    def best(self, maximum: Decimal) -> Decimal:
        return max(option.points for option in self.options)

    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        label = values.parse_choice(raw, self.labels())
        option = next(option for option in self.options if option.label == label)
        return Outcome(label, option.points, label)

    def labels(self) -> list[str]:
        return [option.label for option in self.options]

    def declared_points(self) -> Iterator[tuple[Path, Decimal]]:
        for o, option in enumerate(self.options):
            yield ("options", o, "points"), option.points

    def option_labels(self) -> Iterator[tuple[Path, str]]:
        for o, option in enumerate(self.options):
            yield ("options", o, "label"), option.label

    def problems(self, code: str, path: Path) -> Iterator[Finding]:
        """PX108: two labels a person could not tell apart (case and spacing aside)."""
        seen: set[str] = set()
        for o, option in enumerate(self.options):
            key = " ".join(option.label.casefold().split())
            if key in seen:
                yield Finding.of("PX108", path + ("options", o, "label"), {"code": code, "label": option.label})
            seen.add(key)

    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None,
              direction: Direction = None) -> str:
        """'Ban hành đúng hạn: 1,5 điểm; Ban hành chậm: 0,5 điểm'; led by 'Chọn một mức:' where the labels alone
        would read as another kind ('Dưới 80%', 'Có'), so the words always read back as this rule."""
        def plain(lang: str | None) -> str:
            return "; ".join(t("rule.option", lang=lang, label=option.label, points=fmt_plain(option.points, lang))
                             for option in self.options)

        if reads_back(plain("vi"), self, maximum):  # the grammar reads Vietnamese
            return plain(lang)
        return t("rule.choice_marked", lang=lang, options=plain(lang))

    def entry(self, maximum: Decimal) -> Entry:
        return Entry("choice", "ui.template.prompt_choice", options=tuple(self.labels()))

    @classmethod
    def from_words(cls, phrase: Phrase, maximum: Decimal | None) -> Data | None:
        if phrase.clauses is None:
            return None
        return {"kind": "choice", "options": [{"label": clause.cond, "points": clause.points}
                                              for clause in phrase.clauses]}


class Tier(Strict):
    at_least: Bound | None = None
    at_most: Bound | None = None
    above: Bound | None = None  # more than, not equal ('trên 90%': 90 itself belongs to the next tier)
    below: Bound | None = None  # less than, not equal ('dưới 5 ngày')
    points: Points

    @model_validator(mode="after")
    def _one_bound(self) -> Tier:
        if sum(bound is not None for bound in (self.at_least, self.at_most, self.above, self.below)) != 1:
            raise PydanticCustomError("tier_bound", "a tier needs exactly one of at_least / at_most / above / below")
        return self

    def met_by(self, number: Decimal) -> bool:
        if self.at_least is not None:
            return number >= self.at_least
        if self.above is not None:
            return number > self.above
        if self.below is not None:
            return number < self.below
        return self.at_most is not None and number <= self.at_most

    @property
    def bound(self) -> Decimal:
        """The tier's one bound."""
        return next(bound for bound in (self.at_least, self.at_most, self.above, self.below) if bound is not None)

    @property
    def upper(self) -> bool:
        """Whether the bound is the tier's upper end (at_most, below: lower is better)."""
        return self.at_most is not None or self.below is not None

    @property
    def strict(self) -> bool:
        """Whether the bound itself is left out (above, below)."""
        return self.above is not None or self.below is not None

    def order_key(self) -> tuple[Decimal, int]:
        """Where the tier's bound lies, a left-out bound a hair past it: 'trên 90' after 'từ 90' going up."""
        return self.bound, (1 if self.above is not None else -1 if self.below is not None else 0)


def _bound_name(tier: Tier) -> str:
    return next(name for name in ("at_least", "at_most", "above", "below") if getattr(tier, name) is not None)


Measure = Literal["percent", "number"]


def _read_measure(unit: Measure, raw: RawValue, most: Decimal | None = None) -> Decimal:
    if unit == "percent":
        return values.parse_percent(raw, most if most is not None else values.HUNDRED)
    return values.parse_quantity(raw)


def _most_words(most: Decimal | None, lang: str | None) -> list[str]:
    return [t("rule.most", lang=lang, most=fmt_plain(most, lang))] if most is not None else []


def _most_problems(unit: Measure, most: Decimal | None, code: str, path: Path) -> Iterator[Finding]:
    """PX150: `most` (the largest percent accepted) bounds a percent, not a number."""
    if most is not None and unit != "percent":
        yield Finding.of("PX150", path + ("most",), {"code": code})


def _measure_sign(unit: Measure) -> str:
    return "%" if unit == "percent" else ""


def _measure_entry(unit: Measure) -> Entry:
    return Entry("decimal", f"ui.template.prompt_{unit}")


MostPercent = Annotated[Decimal, Field(gt=0, le=1_000_000, decimal_places=4, allow_inf_nan=False)]


class ThresholdRule(BaseRule):
    kind: Literal["threshold"]
    forms = ("Từ 100% trở lên: 2 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm",
             "Không có trường hợp nào: 1 điểm; từ 1 đến 5 trường hợp: 0,5 điểm; trên 5 trường hợp: 0 điểm")
    defers_to = frozenset({"yes_no"})
    unit: Measure
    tiers: list[Tier] = Field(min_length=1)
    most: MostPercent | None = None  # the largest percent accepted (default 100; revenue/estimate exceeds it)

    def best(self, maximum: Decimal) -> Decimal:
        return max(tier.points for tier in self.tiers)

    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        number = _read_measure(self.unit, raw, self.most)
        for index, tier in enumerate(self.tiers, start=1):
            if tier.met_by(number):
                return Outcome(number, tier.points, str(index))
        return Outcome(number, Decimal(0))

    def declared_points(self) -> Iterator[tuple[Path, Decimal]]:
        for index, tier in enumerate(self.tiers):
            yield ("tiers", index, "points"), tier.points

    def problems(self, code: str, path: Path) -> Iterator[Finding]:
        """PX106: tiers run from best to worst, each a worse bound for fewer points."""
        yield from _most_problems(self.unit, self.most, code, path)
        lower_is_better = self.tiers[0].upper
        prev: Tier | None = None
        for index, tier in enumerate(self.tiers):
            tier_path = path + ("tiers", index)
            if tier.upper != lower_is_better:  # mixes at_least and at_most
                yield Finding.of("PX106", tier_path, {"code": code, "index": index + 1, "value": "?", "prev": "?"})
                return
            if prev is not None:
                key, prev_key = tier.order_key(), prev.order_key()
                worse = key > prev_key if lower_is_better else key < prev_key
                if not worse or tier.points > prev.points:
                    yield Finding.of("PX106", tier_path,
                                     {"code": code, "index": index + 1, "value": tier.bound, "prev": prev.bound})
            prev = tier

    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None,
              direction: Direction = None) -> str:
        """Ranges as annexes write them, best first, each from where the one before ends: 'Từ 100% trở lên: 2 điểm;
        từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm' (lower is better: 'Không quá 0: …; trên 0 đến 5: …'; a bound
        left out: 'Trên 90%: …; từ 70% đến 90%: …')."""
        sign = _measure_sign(self.unit)

        def shown(value: Decimal) -> str:
            return fmt_plain(value, lang) + sign

        clauses: list[str] = []
        prev: Tier | None = None
        for tier in self.tiers:
            points = fmt_plain(tier.points, lang)
            if prev is None:
                key = {"at_least": "rule.at_least", "above": "rule.over", "at_most": "rule.at_most",
                       "below": "rule.under"}[_bound_name(tier)]
                clauses.append(t(key, lang=lang, value=shown(tier.bound), points=points))
                prev = tier
                continue
            # the stretch between this tier's bound and the one before: an end is in when the other tier's is out
            low, high = (prev, tier) if tier.upper else (tier, prev)
            low_in = not low.strict if not tier.upper else prev.strict
            high_in = prev.strict if not tier.upper else not high.strict
            key = {(True, True): "rule.from_to", (True, False): "rule.from_below", (False, True): "rule.above_to",
                   (False, False): "rule.above_below"}[(low_in, high_in)]
            clauses.append(t(key, lang=lang, low=shown(low.bound), high=shown(high.bound), points=points))
            prev = tier
        assert prev is not None  # a threshold has a tier
        last = prev.bound
        if prev.upper and (last < 100 or self.unit == "number" or prev.strict):  # what is past the worst tier
            clauses.append(t("rule.at_least" if prev.strict else "rule.above", lang=lang, value=shown(last),
                             points=fmt_plain(Decimal(0), lang)))
        elif not prev.upper and (last > 0 or prev.strict):
            clauses.append(t("rule.at_most" if prev.strict else "rule.below", lang=lang, value=shown(last),
                             points=fmt_plain(Decimal(0), lang)))
        text = "; ".join(clauses + _most_words(self.most, lang))
        return text[:1].upper() + text[1:]

    def entry(self, maximum: Decimal) -> Entry:
        return _measure_entry(self.unit)

    @classmethod
    def from_words(cls, phrase: Phrase, maximum: Decimal | None) -> Data | Message | None:
        """Every clause a range (or 'còn lại'); PX307 when ranges and labels are mixed."""
        clauses = phrase.listed
        if clauses is None:
            return None
        ranged = [is_rest(clause) or is_range(clause) for clause in clauses]
        if all(ranged):
            found = tiers(phrase.text, clauses, FORMS)
            return found if isinstance(found, Message) else {"kind": "threshold", "unit": found[0], "tiers": found[1]}
        if not any(is_range(clause) and not is_rest(clause) for clause in clauses):
            return None
        shown = [clause.cond for clause, is_ranged in zip(clauses, ranged, strict=True) if is_ranged]
        labels = [clause.cond for clause, is_ranged in zip(clauses, ranged, strict=True) if not is_ranged]
        return Message("PX307", {"text": phrase.text, "ranges": " · ".join(shown), "labels": " · ".join(labels)})


# 'Điểm = tỷ lệ % / 30% × điểm tối đa', 'Tính theo tỷ lệ, đạt 30% trở lên được điểm tối đa'
_PROPORTIONAL = (
    Lazy(rf"(?:ket qua|ty le(?:\s*%)?|gia tri|so lieu)\s*/\s*({NUMBER})\s*(%)?\s*(?:[x×*]|nhan)"),
    Lazy(rf"theo ty le.*?(?:dat|tu)\s*({NUMBER})\s*(%)?\s*tro len.*?diem toi da"),
)


class ProportionalRule(BaseRule):
    kind: Literal["proportional"]
    forms = ("Điểm = tỷ lệ % / 30% × điểm tối đa",)
    unit: Measure
    target: Annotated[Decimal, Field(gt=0, le=1_000_000_000, allow_inf_nan=False)]
    most: MostPercent | None = None  # the largest percent accepted (default 100)

    def best(self, maximum: Decimal) -> None:
        return None

    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        number = _read_measure(self.unit, raw, self.most)
        return Outcome(number, maximum * min(number / self.target, Decimal(1)))

    def problems(self, code: str, path: Path) -> Iterator[Finding]:
        yield from _most_problems(self.unit, self.most, code, path)

    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None,
              direction: Direction = None) -> str:
        return "; ".join([t("rule.proportional", lang=lang, max=fmt_plain(maximum, lang),
                            target=fmt_plain(self.target, lang) + _measure_sign(self.unit)),
                          *_most_words(self.most, lang)])

    def entry(self, maximum: Decimal) -> Entry:
        return _measure_entry(self.unit)

    @classmethod
    def from_words(cls, phrase: Phrase, maximum: Decimal | None) -> Data | None:
        for pattern in _PROPORTIONAL:
            found = pattern.search(phrase.prose or "")
            if found:
                return {"kind": "proportional", "unit": "percent" if found[2] else "number", "target": number(found[1])}
        return None


def _capped(data: Data, found: Counted, maximum: Decimal | None, phrase: Phrase) -> Data | Message:
    """Points per case with the cap the words write ('tối đa 2 điểm'): PX309 when it is not the item's max (the
    rule counts down from, or up to, the max)."""
    if found.cap is not None and maximum is not None and found.cap != maximum:
        return Message("PX309", {"text": phrase.text, "cap": found.cap, "max": maximum})
    return data


class DeductionRule(BaseRule):
    kind: Literal["deduction"]
    forms = ("Mỗi trường hợp chậm trừ 0,5 điểm", "Mỗi văn bản chậm trừ 0,5 điểm, trừ tối đa 2 điểm")
    per: Annotated[Decimal, Field(gt=0, le=10_000, allow_inf_nan=False)]

    def best(self, maximum: Decimal) -> None:
        return None

    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        count = values.parse_count(raw)
        return Outcome(count, max(maximum - self.per * count, Decimal(0)))

    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None,
              direction: Direction = None) -> str:
        return t("rule.deduction", lang=lang, max=fmt_plain(maximum, lang), per=fmt_plain(self.per, lang))

    def entry(self, maximum: Decimal) -> Entry:
        return Entry("whole", "ui.template.prompt_count")

    @classmethod
    def from_words(cls, phrase: Phrase, maximum: Decimal | None) -> Data | Message | None:
        """'trừ … mỗi …' on an item whose points are earned (inside the set's max): from the max down, floor 0."""
        found = counted(phrase.prose)
        if found is None or found.sign != "minus" or phrase.direction is not None or found.floor not in (None, 0):
            return None
        return _capped({"kind": "deduction", "per": found.per}, found, maximum, phrase)


class PerCaseRule(BaseRule):
    kind: Literal["per_case"]
    forms = ("Cộng 0,5 điểm mỗi sáng kiến, tối đa 2 điểm",)
    per: Annotated[Decimal, Field(gt=0, le=10_000, allow_inf_nan=False)]

    def best(self, maximum: Decimal) -> None:
        return None

    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        """`per` points for each counted case, at most the item's max: a bonus, or in a penalty component the
        points subtracted ("trừ 0,5 điểm mỗi trường hợp, tối đa 2 điểm")."""
        count = values.parse_count(raw)
        return Outcome(count, min(self.per * count, maximum))

    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None,
              direction: Direction = None) -> str:
        key = "rule.per_case_minus" if direction == "minus" else "rule.per_case"
        return t(key, lang=lang, max=fmt_plain(maximum, lang), per=fmt_plain(self.per, lang))

    def entry(self, maximum: Decimal) -> Entry:
        return Entry("whole", "ui.template.prompt_count")

    @classmethod
    def from_words(cls, phrase: Phrase, maximum: Decimal | None) -> Data | Message | None:
        """'cộng/được … mỗi …', or any sign in the component that gives it (a bonus adds, a penalty subtracts);
        PX308 where the sign cannot be placed: no sign word on an item whose points are earned, or a sign the
        component contradicts. Never points earned for a deduction."""
        found = counted(phrase.prose)
        direction = phrase.direction
        if found is None or found.floor is not None or (found.sign == "minus" and direction is None):
            return None  # a floor, or 'trừ' on an earned item: a deduction's words
        if found.sign is None and direction is None:
            return Message("PX308", {"text": phrase.text, "reason": Message("rule.sign_none")})
        if found.sign is not None and direction is not None and found.sign != direction:
            return Message("PX308", {"text": phrase.text, "reason": Message(f"rule.sign_{direction}")})
        return _capped({"kind": "per_case", "per": found.per}, found, maximum, phrase)


_SURVEY = Lazy(r"^(?:theo\s+)?(?:ket qua\s+)?(?:dieu tra|sipas)")


class SurveyRule(BaseRule):
    kind: Literal["survey"]
    forms = ("Theo kết quả điều tra xã hội học",)
    survey: ClassVar[bool] = True

    def best(self, maximum: Decimal) -> None:
        return None

    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        share = values.parse_survey(raw)
        return Outcome(share, maximum * share / 100)

    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None,
              direction: Direction = None) -> str:
        return t("rule.survey", lang=lang, max=fmt_plain(maximum, lang))

    def entry(self, maximum: Decimal) -> None:
        return None

    @classmethod
    def from_words(cls, phrase: Phrase, maximum: Decimal | None) -> Data | None:
        return {"kind": "survey"} if _SURVEY.search(phrase.prose or "") else None


_MANUAL = Lazy(r"hoi dong(?: tham dinh)? cham|cham theo muc do|nguoi cham nhap diem|tham dinh cham")


class ManualRule(BaseRule):
    kind: Literal["manual"]
    forms = ("Hội đồng thẩm định chấm",)

    def best(self, maximum: Decimal) -> None:
        return None

    def score(self, raw: RawValue, maximum: Decimal) -> Outcome:
        points = values.parse_quantity(raw)
        if points > maximum:
            raise values.ValueProblem("PS511", value=points, max=maximum)
        return Outcome(points, points)

    def words(self, maximum: Decimal, lang: str | None = None, answers: Answers | None = None,
              direction: Direction = None) -> str:
        return t("rule.manual", lang=lang, max=fmt_plain(maximum, lang))

    def entry(self, maximum: Decimal) -> Entry:
        return Entry("decimal", "ui.template.prompt_manual", most=maximum)

    @classmethod
    def from_words(cls, phrase: Phrase, maximum: Decimal | None) -> Data | None:
        return {"kind": "manual"} if _MANUAL.search(phrase.prose or "") else None


Rule = Annotated[
    YesNoRule | ChoiceRule | ThresholdRule | ProportionalRule | DeductionRule | PerCaseRule | SurveyRule
    | ManualRule,
    Field(discriminator="kind"),
]


# --- the registry: the kinds of the union, and the phrase reader that asks each of them ---------------------

RULE_KINDS: tuple[type[BaseRule], ...] = get_args(get_args(Rule)[0])


def kind_name(kind: type[BaseRule]) -> str:
    """The `kind` a rule class is written with in a criteria file ('threshold')."""
    return str(get_args(kind.model_fields["kind"].annotation)[0])


_BY_NAME = {kind_name(kind): kind for kind in RULE_KINDS}
# The forms, with an example each, named in every message about a phrase (examples: the same in vi and en).
FORMS = OwnWords(" · ".join([*(form for kind in RULE_KINDS for form in kind.forms), MOST_FORM]))


def read_rule(text: str | None, maximum: Decimal | None, direction: Direction = None) -> Data | Message:
    """The rule a *Cách chấm* phrase states, as criteria-file data; a Message (PX300–PX309, PX153) when it cannot
    be read with certainty: no kind reads it, or two kinds do and neither defers to the other. `direction`: how
    the item's component counts (a bonus adds, a penalty subtracts; None: points earned inside the max)."""
    phrase = one_line(text or "")
    if not phrase:
        return Message("PX300", {"accepted": FORMS})
    try:
        return _read_most(phrase, maximum, direction)
    except InvalidOperation:  # a number longer than a Decimal holds (35 nines): not a rule to guess at
        return Message("PX301", {"text": phrase, "accepted": FORMS})


def _read_most(phrase: str, maximum: Decimal | None, direction: Direction) -> Data | Message:
    rest, most = most_of(phrase)
    data = _read(rest, maximum, direction)
    if most is None or isinstance(data, Message):
        return data
    if data.get("unit") != "percent":
        return Message("PX153", {"text": phrase})
    return {**data, "most": number(most)}


def _read(text: str, maximum: Decimal | None, direction: Direction) -> Data | Message:
    phrase = Phrase.of(text, direction)
    claims: dict[str, Data | Message] = {}
    for name, kind in _BY_NAME.items():
        found = kind.from_words(phrase, maximum)
        if found is not None:
            claims[name] = found
    kept = [found for name, found in claims.items() if not _BY_NAME[name].defers_to & claims.keys()]
    return kept[0] if len(kept) == 1 else Message("PX301", {"text": text, "accepted": FORMS})


def reads_back(words: str, rule: BaseRule, maximum: Decimal, direction: Direction = None) -> bool:
    """Whether `words` read as `rule` (a choice asks before it prints its labels without 'Chọn một mức:')."""
    data = read_rule(words, maximum, direction)
    return not isinstance(data, Message) and as_rule(data) == rule


def as_rule(data: Data) -> BaseRule | None:
    """The rule criteria-file data make, None when they make none (a phrase read as points beyond the bounds)."""
    try:
        rule: BaseRule = _rule_adapter().validate_python(data)
    except ValidationError:
        return None
    return rule


@cache
def _rule_adapter() -> TypeAdapter[Any]:  # built when first asked: start-up does not pay for it
    return TypeAdapter(Rule)
