"""Reading *Cách chấm* as annexes write it: a phrase → the data of one scoring rule, or a Message saying why not.

The other half of one grammar: the rule kinds print their Vietnamese words (`words()` in `criteria.model`, texts
`rule.*` of the catalogue), and what they print is one of the forms read here, so `criteria export` then
`criteria import` gives the rule back. Officers' variants are read too: spacing, case, missing diacritics or
NFD text, `≥`/`từ … trở lên`, `%`/`phần trăm`, a decimal comma. A phrase is never guessed at: one that fits no
form, or whose ranges leave a gap or overlap, is a Message (PX300–PX307) quoting it with the accepted forms.
Pure: regular expressions over text; nothing in a phrase is ever evaluated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import pairwise
from typing import Any

from pydantic import TypeAdapter, ValidationError

from parindex.common.messages import Message
from parindex.common.values import clean_text, fold
from parindex.criteria.model import SURVEY_COMPONENTS, BaseRule, Rule

# The forms, with an example each, named in every message about a phrase (examples: the same in vi and en).
FORMS = ("Có: 1 điểm; Không: 0 điểm · Từ 100% trở lên: 2 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm · "
         "Không có trường hợp nào: 1 điểm; từ 1 đến 5 trường hợp: 0,5 điểm; trên 5 trường hợp: 0 điểm · "
         "Ban hành đúng hạn: 1,5 điểm; Ban hành chậm: 0,5 điểm; Không ban hành: 0 điểm · "
         "Mỗi trường hợp chậm trừ 0,5 điểm · Trừ 0,5 điểm mỗi trường hợp, tối đa 2 điểm · "
         "Điểm = tỷ lệ % / 30% × điểm tối đa · Hội đồng thẩm định chấm · (tỷ lệ vượt 100 %) …; chấp nhận đến 300 %")
CHOICE_MARK = "chon mot muc"  # 'Chọn một mức: …' — the options that follow are labels, whatever they look like

Data = dict[str, Any]  # a rule as a criteria file writes it: {kind: threshold, unit: percent, tiers: [...]}

_NUMBER = r"[0-9]+(?:[.,][0-9]+)?"
# 'label: 1,5 điểm' then a separator (';', ',', '.', a new line) or the end; the points' unit may be left out
_CLAUSE = re.compile(rf"\s*(?P<cond>[^:;\n]*?)\s*:\s*(?P<points>{_NUMBER})\s*(?:điểm|diem|đ)?\s*(?:[;,.\n]+|$)",
                     re.IGNORECASE)
_YES = {"co", "dat", "yes"}
_NO = {"khong", "khong dat", "chua dat", "khong co", "no"}

# --- ranges: the conditions of tiers, read in folded text (no case, no diacritics, đ = d) ------------------
_X = rf"({_NUMBER})\s*(%)?"
_NOUN = r"(?:\s+(?!(?:den|duoi|tro|tren|len)\b)[a-z/]+)*"  # 'trường hợp', 'văn bản' after a number
_LEAD = re.compile(r"^(?:(?:dat|ty le|muc|so|co|ket qua|neu)\s+)+(?=[0-9<>=tdk])")
_TO = r"\s*(?:den|-|–)\s*"
_RANGES: list[tuple[re.Pattern[str], str]] = [  # pattern → the interval: '[' / '(' closed / open at each end
    (re.compile(rf"tu\s*{_X}{_NOUN}{_TO}duoi\s*{_X}{_NOUN}"), "[)"),
    (re.compile(rf"tren\s*{_X}{_NOUN}{_TO}duoi\s*{_X}{_NOUN}"), "()"),
    (re.compile(rf"tu\s*{_X}{_NOUN}{_TO}{_X}{_NOUN}"), "[]"),
    (re.compile(rf"tren\s*{_X}{_NOUN}{_TO}{_X}{_NOUN}"), "(]"),
    (re.compile(rf"(?:tu\s*|>=\s*)?{_X}{_NOUN}\s*tro len|>=\s*{_X}{_NOUN}"), "[∞"),
    (re.compile(rf"(?:tren|>)\s*{_X}{_NOUN}(?:\s*tro len)?"), "(∞"),
    (re.compile(rf"(?:duoi|<)\s*{_X}{_NOUN}"), "0)"),
    (re.compile(rf"(?:khong qua|khong vuot qua|toi da|<=)\s*{_X}{_NOUN}"), "0]"),
    (re.compile(rf"(?:bang\s*|=\s*)?{_X}{_NOUN}"), "[]="),
    (re.compile(r"khong co(?:\s+[a-z/]+)*"), "none"),  # 'Không có trường hợp nào': none at all
]
_REST = re.compile(r"(?:cac |nhung )?(?:truong hop )?(?:con lai|khac)")

_DEDUCTION = (re.compile(rf"\btru\s*({_NUMBER})\s*(?:diem|d)\b"), re.compile(r"\bmoi\b"))
_PROPORTIONAL = (
    re.compile(rf"(?:ket qua|ty le(?:\s*%)?|gia tri|so lieu)\s*/\s*{_X}\s*(?:[x×*]|nhan)"),
    re.compile(rf"theo ty le.*?(?:dat|tu)\s*{_X}\s*tro len.*?diem toi da"),
)
# 'trừ 0,5 điểm mỗi trường hợp, tối đa 2 điểm' / '0,5 điểm cho mỗi trường hợp, tối đa 2 điểm': per case, capped
_PER_CASE = (re.compile(rf"(?:^|\s)(?:tru|cong|tinh)?\s*({_NUMBER})\s*(?:diem|d)\b[^;]*?\bmoi\b|"
                        rf"\bmoi\b[^;]*?(?:tru|cong|tinh)\s*({_NUMBER})\s*(?:diem|d)\b"),
             re.compile(r"\btoi da\b"), re.compile(r"\bthap nhat\b"))
# '…; chấp nhận đến 300 %' at the end of a percent rule: the largest value it accepts (revenue over the estimate)
_MOST = re.compile(r"\s*[;,.]?\s*ch[aấ]p nh[aậ]n(?: gi[aá] tr[iị])? (?:[đd][eế]n|t[oố]i [đd]a)"
                   rf"\s*({_NUMBER})\s*%\s*\.?$", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-+*•·▪◦–]|[a-zđ]\))\s+")  # '- ', '• ', 'a) ' before a line of a pasted list
_ENDS_CLAUSE = re.compile(rf":\s*{_NUMBER}\s*(?:điểm|diem|đ)?$", re.IGNORECASE)
_SURVEY = re.compile(r"^(?:theo\s+)?(?:ket qua\s+)?(?:dieu tra|sipas)")
_MANUAL = re.compile(r"hoi dong(?: tham dinh)? cham|cham theo muc do|nguoi cham nhap diem|tham dinh cham")


def read_rule(text: str | None, maximum: Decimal | None, component: str | None = None) -> Data | Message:
    """The rule a *Cách chấm* phrase states, as criteria-file data; a Message (PX300–PX307) when it cannot be
    read with certainty. Survey and SIPAS items are known by their component, whatever the phrase says."""
    if component in SURVEY_COMPONENTS:
        return {"kind": "survey"}
    phrase = _one_line(text or "")
    if not phrase:
        return Message("PX300", {"accepted": FORMS})
    try:
        return _read_most(phrase, maximum)
    except InvalidOperation:  # a number longer than a Decimal holds (35 nines): not a rule to guess at
        return Message("PX301", {"text": phrase, "accepted": FORMS})


def _read_most(phrase: str, maximum: Decimal | None) -> Data | Message:
    most = _MOST.search(phrase)
    if most is None:
        return _read(phrase, maximum)
    data = _read(phrase[:most.start()], maximum)
    if isinstance(data, Message):
        return data
    if data.get("unit") != "percent":
        return Message("PX153", {"text": phrase})
    return {**data, "most": _number(most[1])}


def _one_line(text: str) -> str:
    """The cell's text on one line. A list pasted from Word comes as lines, often bulleted, with no ';' between
    its clauses: a line that starts a 'label: points' clause after one that ended a clause gets the ';'."""
    joined = ""
    for line in text.splitlines():
        line = _BULLET.sub("", " ".join(clean_text(line).split()))
        if not line:
            continue
        if joined and ":" in line and _ENDS_CLAUSE.search(joined):
            joined += ";"
        joined = f"{joined} {line}" if joined else line
    return joined


def _read(phrase: str, maximum: Decimal | None) -> Data | Message:
    folded = _fold(phrase)
    marked = folded.startswith(CHOICE_MARK) and ":" in phrase
    clauses = _clauses(phrase.split(":", 1)[1] if marked else phrase)
    if clauses is not None:
        return _options(phrase, clauses, maximum, marked)
    for read in (_per_case, _deduction, _proportional, _survey, _manual):
        found = read(folded)
        if found is not None:
            return found
    return Message("PX301", {"text": phrase, "accepted": FORMS})


def reads_back(words: str, rule: BaseRule, maximum: Decimal) -> bool:
    """Whether `words` read as `rule` (the printing half asks before it prints a choice without its mark)."""
    data = read_rule(words, maximum)
    if isinstance(data, Message):
        return False
    try:
        return bool(_RULE.validate_python(data) == rule)
    except ValidationError:
        return False


_RULE: TypeAdapter[Any] = TypeAdapter(Rule)


def _fold(text: str) -> str:
    """The common fold, spaced, then the signs and words the patterns read as one ('≥' is '>=', 'phần trăm' '%')."""
    return fold(text, spaced=True).replace("≥", ">=").replace("≤", "<=").replace("phan tram", "%")


def _number(text: str) -> Decimal:
    value = Decimal(text.replace(",", "."))
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


# --- 'label: points' lists: yes/no, tiers, options -------------------------------------------------------

@dataclass(frozen=True)
class _Clause:
    cond: str  # as written, spaces tidied
    points: Decimal

    @property
    def folded(self) -> str:
        return _fold(self.cond).rstrip(" .")


def _clauses(text: str) -> list[_Clause] | None:
    """'A: 1 điểm; B: 0,5 điểm' as its clauses; None unless the whole text is such a list (two or more)."""
    found, position = [], 0
    text = text.strip()
    while position < len(text):
        match = _CLAUSE.match(text, position)
        if match is None or not match["cond"].strip() or match.end() == position:
            return None
        found.append(_Clause(" ".join(match["cond"].split()), _number(match["points"])))
        position = match.end()
    return found if len(found) >= 2 or (found and _range(found[0].folded) is not None) else None


def _options(phrase: str, clauses: list[_Clause], maximum: Decimal | None, marked: bool) -> Data | Message:
    if marked:
        return _choice(clauses)
    words = [clause.folded for clause in clauses]
    if len(clauses) == 2 and words[0] in _YES and words[1] in _NO:
        return _yes_no(clauses[0].points, clauses[1].points, maximum)
    ranges = [(_REST.fullmatch(word) is not None) or _range(word) is not None for word in words]
    if all(ranges):
        return _threshold(phrase, clauses)
    if any(ranges[index] and _REST.fullmatch(words[index]) is None for index in range(len(words))):
        shown = [clauses[index].cond for index, is_range in enumerate(ranges) if is_range]
        labels = [clauses[index].cond for index, is_range in enumerate(ranges) if not is_range]
        return Message("PX307", {"text": phrase, "ranges": " · ".join(shown), "labels": " · ".join(labels)})
    return _choice(clauses)


def _yes_no(yes: Decimal, no: Decimal, maximum: Decimal | None) -> Data:
    data: Data = {"kind": "yes_no"}
    if yes != maximum:
        data["yes_points"] = yes
    if no != 0:
        data["no_points"] = no
    return data


def _choice(clauses: list[_Clause]) -> Data:
    return {"kind": "choice", "options": [{"label": clause.cond, "points": clause.points} for clause in clauses]}


# --- tiers ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Range:
    low: Decimal
    low_closed: bool
    high: Decimal | None  # None: no upper end
    high_closed: bool
    percent: bool | None  # None: no number written ('Không có trường hợp nào')
    points: Decimal = Decimal(0)
    cond: str = ""
    open_ended: bool = False  # 'dưới 50%', 'trên 5', 'còn lại': where nothing is earned, the end past every tier


def _range(word: str) -> _Range | None:
    """The interval a condition names ('tu 80 % den duoi 100 %' → [80, 100)), or None."""
    word = _LEAD.sub("", word)
    for pattern, shape in _RANGES:
        match = pattern.fullmatch(word)
        if match is None:
            continue
        if shape == "none":
            return _Range(Decimal(0), True, Decimal(0), True, None)
        groups = list(match.groups())
        numbers = [_number(groups[i]) for i in range(0, len(groups), 2) if groups[i] is not None]
        percent = any(groups[i] for i in range(1, len(groups), 2))
        if shape in ("[)", "()", "[]", "(]"):
            return _Range(numbers[0], shape[0] == "[", numbers[1], shape[1] == "]", percent)
        if shape in ("[∞", "(∞"):
            return _Range(numbers[0], shape[0] == "[", None, False, percent, open_ended=True)
        if shape in ("0)", "0]"):
            return _Range(Decimal(0), True, numbers[0], shape[1] == "]", percent, open_ended=True)
        return _Range(numbers[0], True, numbers[0], True, percent)  # '[]=': exactly this value
    return None


def _threshold(phrase: str, clauses: list[_Clause]) -> Data | Message:
    rest = [clause for clause in clauses if _REST.fullmatch(clause.folded)]
    ranges = [_with(_range(clause.folded), clause) for clause in clauses if clause not in rest]
    kinds = {found.percent for found in ranges if found.percent is not None}
    if len(kinds) > 1:
        return Message("PX304", {"text": phrase})
    percent = kinds == {True}
    top = Decimal(100) if percent else None
    ranges = sorted((_clip(found, top) for found in ranges), key=lambda r: (r.low, not r.low_closed))
    for before, after in pairwise(ranges):
        problem = _join(phrase, before, after, percent)
        if problem is not None:
            return problem
    if len(rest) > 1:
        return Message("PX303", {"text": phrase, "first": rest[0].cond, "second": rest[1].cond})
    bottom_open = not (ranges[0].low == 0 and ranges[0].low_closed)
    top_open = not _reaches_top(ranges[-1], top)
    if rest:
        if bottom_open == top_open:  # 'còn lại' must be one stretch, at one end
            return Message("PX302", {"text": phrase, "low": ranges[0].cond, "high": ranges[-1].cond})
        ranges = _with_rest(ranges, rest[0], bottom_open, top)
        bottom_open = top_open = False
    unit = "percent" if percent else "number"
    if top_open and bottom_open:
        return Message("PX306", {"text": phrase, "accepted": FORMS})
    if top_open or (not bottom_open and ranges[0].points > ranges[-1].points):
        return _lower_is_better(phrase, ranges, unit, top)
    return _higher_is_better(phrase, ranges, unit)


def _with(found: _Range | None, clause: _Clause) -> _Range:
    assert found is not None  # only clauses read as ranges come here
    return _Range(found.low, found.low_closed, found.high, found.high_closed, found.percent, clause.points,
                  clause.cond, found.open_ended)


def _clip(found: _Range, top: Decimal | None) -> _Range:
    """A percent range running past 100 % ends at 100 %: 'từ 100% trở lên' is 'đạt 100%'."""
    if top is None or (found.high is not None and found.high <= top):
        return found
    return _Range(found.low, found.low_closed, top, True, found.percent, found.points, found.cond, found.open_ended)


def _reaches_top(found: _Range, top: Decimal | None) -> bool:
    return found.high is None if top is None else found.high == top and found.high_closed


def _join(phrase: str, before: _Range, after: _Range, percent: bool) -> Message | None:
    """PX303 when two ranges overlap, PX302 when they leave a gap; counts (no %) are whole: 5 then 6 meet."""
    high = before.high
    if high is None or after.low < high or (after.low == high and before.high_closed and after.low_closed):
        return Message("PX303", {"text": phrase, "first": before.cond, "second": after.cond})
    if after.low == high and before.high_closed != after.low_closed:
        return None
    whole = not percent and before.high_closed and after.low_closed and high == high.to_integral_value() \
        and after.low == high + 1
    return None if whole else Message("PX302", {"text": phrase, "low": before.cond, "high": after.cond})


def _with_rest(ranges: list[_Range], rest: _Clause, at_bottom: bool, top: Decimal | None) -> list[_Range]:
    if at_bottom:
        first = ranges[0]
        return [_Range(Decimal(0), True, first.low, not first.low_closed, None, rest.points, rest.cond, True),
                *ranges]
    last = ranges[-1]
    high = last.high if last.high is not None else Decimal(0)
    return [*ranges, _Range(high, not last.high_closed, top, top is not None, None, rest.points, rest.cond, True)]


def _higher_is_better(phrase: str, ranges: list[_Range], unit: str) -> Data | Message:
    tiers: list[Data] = []
    for found in reversed(ranges):
        if found.open_ended and found.low == 0 and found.points == 0:
            break  # 'dưới 50%: 0 điểm': below every tier
        if not found.low_closed:
            return Message("PX305", {"text": phrase, "cond": found.cond})
        tiers.append({"at_least": found.low, "points": found.points})
    return {"kind": "threshold", "unit": unit, "tiers": tiers} if tiers else Message("PX306", {"text": phrase})


def _lower_is_better(phrase: str, ranges: list[_Range], unit: str, top: Decimal | None) -> Data | Message:
    tiers: list[Data] = []
    for found in ranges:
        if found.open_ended and _reaches_top(found, top) and found.points == 0 and tiers:
            break  # 'trên 5 trường hợp: 0 điểm': past every tier
        if found.high is None or not found.high_closed:
            return Message("PX305", {"text": phrase, "cond": found.cond})
        tiers.append({"at_most": found.high, "points": found.points})
    return {"kind": "threshold", "unit": unit, "tiers": tiers}


# --- the kinds without options --------------------------------------------------------------------------

def _per_case(folded: str) -> Data | None:
    per, capped, floored = _PER_CASE
    found = per.search(folded)
    if found is None or not capped.search(folded) or floored.search(folded):
        return None
    return {"kind": "per_case", "per": _number(found[1] or found[2])}


def _deduction(folded: str) -> Data | None:
    per, each = _DEDUCTION
    found = per.search(folded)
    return {"kind": "deduction", "per": _number(found[1])} if found and each.search(folded) else None


def _proportional(folded: str) -> Data | None:
    for pattern in _PROPORTIONAL:
        found = pattern.search(folded)
        if found:
            return {"kind": "proportional", "unit": "percent" if found[2] else "number", "target": _number(found[1])}
    return None


def _survey(folded: str) -> Data | None:
    return {"kind": "survey"} if _SURVEY.search(folded) else None


def _manual(folded: str) -> Data | None:
    return {"kind": "manual"} if _MANUAL.search(folded) else None
