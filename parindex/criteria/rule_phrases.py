"""The grammar of *Cách chấm* as annexes write it: a phrase cut into what the rule kinds read.

The other half of one grammar: each rule kind (`criteria.rules`) prints its Vietnamese words (texts `rule.*` of the
catalogue) and reads them back from a `Phrase`, so `criteria export` then `criteria import` gives the rule back.
Here is what every kind reads with: the phrase on one line and folded, its 'label: points' clauses, numbers, and
the ranges tiers are written in. Officers' variants are read too: spacing, case, missing diacritics or NFD text,
`≥`/`từ … trở lên`, `%`/`phần trăm`, a decimal comma. A phrase is never guessed at: ranges that leave a gap or
overlap are a Message (PX302–PX306) quoting the phrase. Pure: regular expressions over text; nothing in a phrase
is ever evaluated. Knows no rule kind (.importlinter: the kinds import the grammar, never the other way).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cached_property
from itertools import pairwise
from typing import Any, Literal, NamedTuple

from parindex.common.messages import Message
from parindex.common.values import clean_text, fold


class Lazy:
    """A regular expression compiled when first used: phrases are read by `criteria import` and `export` and by a
    choice's words, and compiling every pattern of the grammar at import would cost each `score` run's start-up
    about 10 ms."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.match(text, pos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)

    def sub(self, replacement: str, text: str) -> str:
        return self.compiled.sub(replacement, text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)


CHOICE_MARK = "chon mot muc"  # 'Chọn một mức: …' — the options that follow are labels, whatever they look like
# '…; chấp nhận đến 300 %' at the end of a percent rule: the largest value it accepts (revenue over the estimate)
MOST_FORM = "(tỷ lệ vượt 100 %) …; chấp nhận đến 300 %"

Data = dict[str, Any]  # a rule as a criteria file writes it: {kind: threshold, unit: percent, tiers: [...]}
# How an item outside the set's max counts: a bonus's points are added ('plus'), a penalty's subtracted ('minus');
# None for an item inside the max, whose points are earned. Where points per case go depends on it.
Direction = Literal["plus", "minus"] | None

NUMBER = r"[0-9]+(?:[.,][0-9]+)?"
# 'label: 1,5 điểm' then a separator (';', ',', '.', a new line) or the end; the points' unit may be left out
_CLAUSE = Lazy(rf"\s*(?P<cond>[^:;\n]*?)\s*:\s*(?P<points>{NUMBER})\s*(?:điểm|diem|đ)?\s*(?:[;,.\n]+|$)",
               re.IGNORECASE)
_YES = {"co", "dat", "hoan thanh", "yes"}
_NO = {"khong", "khong dat", "chua dat", "khong co", "khong hoan thanh", "chua hoan thanh", "no"}
# 'Có vi phạm' / 'Không có vi phạm': yes and no written as the presence and the absence of something
_PRESENT = Lazy(r"co\s+(?P<what>\S.*)")
_ABSENT = Lazy(r"khong(?:\s+co)?\s+(?P<what>\S.*)")
# '1. ', 'a) ', 'b. ' before a clause of a numbered or lettered list: the list's mark, not the tier's words
_LIST_MARK = Lazy(r"^(?:[0-9]{1,2}|[a-zđ])[.)]\s+", re.IGNORECASE)
# 'Điểm đánh giá như sau:' before the clauses: an intro with no number in it
_INTRO = Lazy(r"^[^:;0-9]+:\s*")

# --- points per counted case, in a sentence ----------------------------------------------------------------
_EACH = Lazy(r"\bmoi\b")
_CAP = Lazy(rf"\b(?:(?:tru|cong)\s+)?toi da\s*(?:(?:la|tru|cong|duoc)\s+)?({NUMBER})\s*(?:diem|d)\b")
_FLOOR = Lazy(rf"\bthap nhat\s*(?:(?:la|con)\s+)?({NUMBER})\s*(?:diem|d)\b")
_AMOUNT = Lazy(rf"(?:\b(tru|cong|thuong|duoc|tinh)\s+)?({NUMBER})\s*(?:diem|d)\b")
_SIGN_WORDS: dict[str, Direction] = {"tru": "minus", "cong": "plus", "thuong": "plus", "duoc": "plus", "tinh": None}
_MINUS = Lazy(r"\btru\b")
_PLUS = Lazy(r"\b(?:cong|thuong)\b|(?<!khong )\bduoc\b")


class Counted(NamedTuple):
    """Points for each counted case, as a sentence states them ('Mỗi văn bản chậm trừ 0,5 điểm, trừ tối đa 2
    điểm'): the points, their sign as the words say it, the cap and the floor where written."""

    per: Decimal
    sign: Direction  # 'minus' (trừ), 'plus' (cộng, được, thưởng), None: the words say neither
    cap: Decimal | None  # 'tối đa 2 điểm'
    floor: Decimal | None  # 'thấp nhất 0 điểm'


def counted(prose: str | None) -> Counted | None:
    """The points per case a folded sentence with 'mỗi' states, or None: not such a sentence, or one whose points
    or sign cannot be told (two amounts with a sign word each, 'cộng' and 'trừ' both)."""
    if not prose or not _EACH.search(prose):
        return None
    bounds: list[Decimal | None] = []
    for pattern in (_CAP, _FLOOR):
        found = pattern.search(prose)
        bounds.append(number(found[1]) if found else None)
        if found:
            prose = f"{prose[:found.start()]} {prose[found.end():]}"
    amounts = list(_AMOUNT.finditer(prose))
    signed = [amount for amount in amounts if amount[1]]
    chosen = signed if len(amounts) > 1 else amounts  # '2 điểm, mỗi trường hợp trừ 0,5 điểm': the signed one
    if len(chosen) != 1:
        return None
    word = chosen[0][1]
    sign = _SIGN_WORDS[word] if word else None
    if sign is None:  # 'trừ mỗi trường hợp 0,5 điểm': the sign word stands apart
        minus, plus = bool(_MINUS.search(prose)), bool(_PLUS.search(prose))
        if minus and plus:
            return None
        sign = "minus" if minus else "plus" if plus else None
    return Counted(number(chosen[0][2]), sign, bounds[0], bounds[1])


# --- ranges: the conditions of tiers, read in folded text (no case, no diacritics, đ = d) ------------------
_X = rf"({NUMBER})\s*(%)?"
_NOUN = r"(?:\s+(?!(?:den|duoi|tro|tren|len)\b)[a-z/]+)*"  # 'trường hợp', 'văn bản' after a number
_LEAD = Lazy(r"^(?:(?:dat|ty le|muc|so|co|ket qua|neu|hoan thanh|thuc hien)\s+)+(?=[0-9<>=tdkv])")
_TO = r"\s*(?:den|-|–)\s*"
_RANGES: list[tuple[Lazy, str]] = [  # pattern → the interval: '[' / '(' closed / open at each end
    (Lazy(rf"tu\s*{_X}{_NOUN}{_TO}duoi\s*{_X}{_NOUN}"), "[)"),
    (Lazy(rf"tren\s*{_X}{_NOUN}{_TO}duoi\s*{_X}{_NOUN}"), "()"),
    (Lazy(rf"tu\s*{_X}{_NOUN}{_TO}{_X}{_NOUN}"), "[]"),
    (Lazy(rf"tren\s*{_X}{_NOUN}{_TO}{_X}{_NOUN}"), "(]"),
    (Lazy(rf"(?:tu\s*|>=\s*)?{_X}{_NOUN}\s*tro len|>=\s*{_X}{_NOUN}"), "[∞"),
    (Lazy(rf"(?:va|hoac)\s+vuot(?:\s+qua)?\s*{_X}{_NOUN}(?:\s*tro len)?"), "[∞"),  # 'đạt và vượt 100% chỉ tiêu'
    (Lazy(rf"vuot(?:\s+qua)?\s*{_X}{_NOUN}"), "(∞"),
    (Lazy(rf"(?:tu\s*)?{_X}{_NOUN}\s*tro xuong"), "0]"),
    (Lazy(rf"(?:tren|>)\s*{_X}{_NOUN}(?:\s*tro len)?"), "(∞"),
    (Lazy(rf"(?:duoi|<)\s*{_X}{_NOUN}"), "0)"),
    (Lazy(rf"(?:khong qua|khong vuot qua|toi da|<=)\s*{_X}{_NOUN}"), "0]"),
    (Lazy(rf"(?:bang\s*|=\s*)?{_X}{_NOUN}"), "[]="),
    (Lazy(r"khong co(?:\s+[a-z/]+)*"), "none"),  # 'Không có trường hợp nào': none at all
]
_REST = Lazy(r"(?:cac |nhung )?(?:truong hop )?(?:con lai|khac)")

_MOST = Lazy(r"\s*[;,.]?\s*ch[aấ]p nh[aậ]n(?: gi[aá] tr[iị])? (?:[đd][eế]n|t[oố]i [đd]a)"
             rf"\s*({NUMBER})\s*%\s*\.?$", re.IGNORECASE)
# '- ', '• ', 'a) ', '1. ', 'b. ' before a line of a pasted list
_BULLET = Lazy(r"^(?:[-+*•·▪◦–]|(?:[0-9]{1,2}|[a-zđ])[.)])\s+", re.IGNORECASE)
_ENDS_CLAUSE = Lazy(rf":\s*{NUMBER}\s*(?:điểm|diem|đ)?$", re.IGNORECASE)


def one_line(text: str) -> str:
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


def most_of(phrase: str) -> tuple[str, str | None]:
    """The phrase without a closing '…; chấp nhận đến 300 %', and that largest percent as written (None when not
    said)."""
    most = _MOST.search(phrase)
    return (phrase, None) if most is None else (phrase[:most.start()], most[1])


def _fold(text: str) -> str:
    """The common fold, spaced, then the signs and words the patterns read as one ('≥' is '>=', 'phần trăm' '%')."""
    return fold(text, spaced=True).replace("≥", ">=").replace("≤", "<=").replace("phan tram", "%")


def number(text: str) -> Decimal:
    """'1,5' or '1.5' as 1.5, '2.0' as 2; raises InvalidOperation for a number longer than a Decimal holds."""
    value = Decimal(text.replace(",", "."))
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


# --- what the kinds read: a phrase, and its 'label: points' clauses ----------------------------------------

class Clause(NamedTuple):
    cond: str  # as written, spaces tidied
    points: Decimal

    @property
    def folded(self) -> str:
        return _fold(self.cond).rstrip(" .")


class Phrase(NamedTuple):
    """A *Cách chấm* text as the rule kinds read it. A kind written as a list of 'label: points' reads `clauses`
    (`listed`, when no 'Chọn một mức:' marks them as labels); a kind written as a sentence reads `prose`."""

    text: str  # on one line, as written
    folded: str  # no case, no diacritics
    clauses: tuple[Clause, ...] | None  # the whole text (after the mark) is such a list (two or more, or a range)
    marked: bool  # led by 'Chọn một mức:': the clauses are labels, whatever they look like
    direction: Direction = None  # the item's component's: how points per case count

    @classmethod
    def of(cls, text: str, direction: Direction = None) -> Phrase:
        folded = _fold(text)
        marked = folded.startswith(CHOICE_MARK) and ":" in text
        clauses = _clauses(text.split(":", 1)[1] if marked else text)
        intro = _INTRO.match(text) if clauses is None and not marked else None
        if intro is not None:  # 'Điểm đánh giá như sau: Từ 100% trở lên: 2 điểm; …'
            clauses = _clauses(text[intro.end():])
        return cls(text, folded, clauses, marked and clauses is not None, direction)

    @property
    def listed(self) -> tuple[Clause, ...] | None:
        """The clauses, unless marked as labels: where yes/no and ranges are read."""
        return None if self.marked else self.clauses

    @property
    def prose(self) -> str | None:
        """The folded text, for the kinds written as a sentence; None when the phrase is a list of clauses."""
        return self.folded if self.clauses is None else None


def _clauses(text: str) -> tuple[Clause, ...] | None:
    """'A: 1 điểm; B: 0,5 điểm' as its clauses; None unless the whole text is such a list (two or more)."""
    found, position = [], 0
    text = text.strip()
    while position < len(text):
        match = _CLAUSE.match(text, position)
        if match is None or not match["cond"].strip() or match.end() == position:
            return None
        found.append(Clause(_LIST_MARK.sub("", " ".join(match["cond"].split())), number(match["points"])))
        position = match.end()
    return tuple(found) if len(found) >= 2 or (found and _range(found[0].folded) is not None) else None


def yes_no(clauses: tuple[Clause, ...]) -> tuple[Decimal, Decimal] | None:
    """The points for yes and for no of 'Có: 1 điểm; Không: 0 điểm' (and 'Đạt …; không đạt …', 'Không có vi phạm:
    1 điểm; có vi phạm: 0 điểm': yes is the presence), else None."""
    if len(clauses) != 2:
        return None
    if clauses[0].folded in _YES and clauses[1].folded in _NO:
        return clauses[0].points, clauses[1].points
    for present, absent in (clauses, clauses[::-1]):
        said, missing = _PRESENT.fullmatch(present.folded), _ABSENT.fullmatch(absent.folded)
        if said and missing and said["what"] == missing["what"]:
            return present.points, absent.points
    return None


def is_rest(clause: Clause) -> bool:
    """'còn lại', 'các trường hợp khác': whatever the other clauses leave."""
    return _REST.fullmatch(clause.folded) is not None


def is_range(clause: Clause) -> bool:
    """A condition that names an interval ('từ 80% đến dưới 100%', 'không quá 5 trường hợp')."""
    return _range(clause.folded) is not None


# --- tiers ------------------------------------------------------------------------------------------

class _Range(NamedTuple):
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
        numbers = [number(groups[i]) for i in range(0, len(groups), 2) if groups[i] is not None]
        percent = any(groups[i] for i in range(1, len(groups), 2))
        if shape in ("[)", "()", "[]", "(]"):
            return _Range(numbers[0], shape[0] == "[", numbers[1], shape[1] == "]", percent)
        if shape in ("[∞", "(∞"):
            return _Range(numbers[0], shape[0] == "[", None, False, percent, open_ended=True)
        if shape in ("0)", "0]"):
            return _Range(Decimal(0), True, numbers[0], shape[1] == "]", percent, open_ended=True)
        return _Range(numbers[0], True, numbers[0], True, percent)  # '[]=': exactly this value
    return None


def tiers(phrase: str, clauses: tuple[Clause, ...], forms: str) -> tuple[str, list[Data]] | Message:
    """The unit ('percent' or 'number') and the tiers (best first) that clauses of ranges state — each a range or
    'còn lại' — or a Message (PX302–PX306) when they leave a gap, overlap or cannot say which end is better;
    `forms`: the accepted forms, each with an example, for the message that names them."""
    rest = [clause for clause in clauses if is_rest(clause)]
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
        return Message("PX306", {"text": phrase, "accepted": forms})
    if top_open or (not bottom_open and ranges[0].points > ranges[-1].points):
        found = _lower_is_better(phrase, ranges, top)
    else:
        found = _higher_is_better(phrase, ranges, forms)
    return found if isinstance(found, Message) else (unit, found)


def _with(found: _Range | None, clause: Clause) -> _Range:
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


def _with_rest(ranges: list[_Range], rest: Clause, at_bottom: bool, top: Decimal | None) -> list[_Range]:
    if at_bottom:
        first = ranges[0]
        return [_Range(Decimal(0), True, first.low, not first.low_closed, None, rest.points, rest.cond, True),
                *ranges]
    last = ranges[-1]
    high = last.high if last.high is not None else Decimal(0)
    return [*ranges, _Range(high, not last.high_closed, top, top is not None, None, rest.points, rest.cond, True)]


def _higher_is_better(phrase: str, ranges: list[_Range], forms: str) -> list[Data] | Message:
    found: list[Data] = []
    for each in reversed(ranges):
        if each.open_ended and each.low == 0 and each.points == 0:
            break  # 'dưới 50%: 0 điểm': below every tier
        found.append({"at_least" if each.low_closed else "above": each.low, "points": each.points})
    return found or Message("PX306", {"text": phrase, "accepted": forms})


def _lower_is_better(phrase: str, ranges: list[_Range], top: Decimal | None) -> list[Data] | Message:
    found: list[Data] = []
    for each in ranges:
        if each.open_ended and _reaches_top(each, top) and each.points == 0 and found:
            break  # 'trên 5 trường hợp: 0 điểm': past every tier
        if each.high is None:
            return Message("PX305", {"text": phrase, "cond": each.cond})
        found.append({"at_most" if each.high_closed else "below": each.high, "points": each.points})
    return found
