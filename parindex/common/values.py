"""Reading cell values as people type them: `95,7%`, `1.234,5`, `Có`, `x`, `3.3.1.` (pure, no I/O).

Every reader takes a raw cell value (what the spreadsheet held) and returns a Decimal, bool or str, or raises
`ValueProblem`: a Message (PW4xx) with the value as written and the accepted forms. It is not a
`ParindexError` because only the caller knows the cell address; the scoring engine adds it (`where`). Nothing
ambiguous is guessed: `1.234` could be a thousand or a decimal, so it is an error that names both readings.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from parindex.common.messages import CarriesMessage, Message

# A cell as the spreadsheet held it, before any rule reads it.
RawValue = str | int | float | bool | date | datetime | time | None

# The forms each reader accepts, shown in its error messages. Examples, not words: the same in vi and en.
NUMBER_FORMS = "95,7 · 95.7 · 1.234,5 · 1,234.5 · 12 345"
PERCENT_FORMS = "95,7% · 95.7% · 95,7 · 0,957"
COUNT_FORMS = "0 · 1 · 2 · 15"
YES_NO_FORMS = "Có / Không · C / K · x · Đạt / Không đạt · Yes / No · 1 / 0"
NOT_APPLICABLE_FORMS = "x · Có · N/A · KAD · Không áp dụng"
SURVEY_FORMS = "A · B · C · D · 95,7% · 0,957"
SURVEY_ANSWERS: dict[str, Decimal] = {"a": Decimal(100), "b": Decimal(60), "c": Decimal(20), "d": Decimal(0)}

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u3000\t\r\n"), " ")
_MINUS = "-−–"
_NOT_TEXT_OR_NUMBER = (bool, datetime, date, time, timedelta)
MAX_DIGITS = 28  # Decimal's precision: longer numbers would be rounded silently, so they are refused
# Numbers of 10^15 or more are refused too: Excel keeps 15 digits, no PAR figure comes near, and rounding such a
# number to cents (reports, JSON) would need more than Decimal's 28 digits.
MAX_MAGNITUDE = 15
_TRAILING_PUNCT = ".,;:!?…'\"“”‘’*"


class ValueProblem(CarriesMessage, Exception):
    """A value that cannot be read as asked: `msg` is what to say (a PW4xx code, the value as written and the
    accepted forms), its place (`where`) added by whoever knows the cell."""

    def __init__(self, code: str | Message, /, where: str | None = None, **params: object) -> None:
        self.msg = self.said(code, where, params)
        super().__init__(f"{self.msg.code} {dict(self.msg.params)}")

    def accepting(self, accepted: str, code: str | None = None) -> ValueProblem:
        """The same problem where other forms are accepted (a percent read as a number names the percent forms),
        under another code when given."""
        msg = self.msg
        return ValueProblem(replace(msg, code=code or msg.code, params={**msg.params, "accepted": accepted}))


# --- text -------------------------------------------------------------------------------------------

def clean_text(text: str) -> str:
    """NFC, zero-width characters removed, odd spaces (NBSP, thin, tab, newline) made plain spaces."""
    return unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH).translate(_SPACES)


_NOT_WORD = re.compile(r"[\W_]+")


FOLD_CACHED = 512  # characters: a longer text (pasted evidence, a hostile cell of 32,767) is folded, not kept


def fold(text: str, spaced: bool = False, punctuation: bool = True) -> str:
    """The one form texts are compared in: no case, no diacritics (đ = d), any Unicode form, any spacing.

    By default words run together and punctuation at the end goes ('  Không Đạt. ' → 'khongdat'): labels, answers,
    names of sheets. `spaced`: words one space apart and punctuation kept ('khong dat.'), for text read on after
    folding (rule words). `punctuation=False`: every mark counts as a space ('Cơ quan/đơn vị' → 'coquandonvi', or
    spaced 'co quan don vi'), for headers and the names of units and agencies.

    Short texts are remembered (labels, headers, names and typed answers repeat across items and workbooks); a long
    one is not, so the cache holds at most 8,192 × `FOLD_CACHED` characters (8,192 hostile cells of 32,767 would have
    held about 0.8 GB)."""
    if len(text) > FOLD_CACHED:
        return _fold(text, spaced, punctuation)
    return _fold_cached(text, spaced, punctuation)


def _fold(text: str, spaced: bool, punctuation: bool) -> str:
    decomposed = unicodedata.normalize("NFD", clean_text(text).casefold())
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))
    bare = bare.replace("đ", "d")
    if not punctuation:
        bare = _NOT_WORD.sub(" ", bare)
    if spaced:
        return " ".join(bare.split())
    return "".join(bare.split()).rstrip(_TRAILING_PUNCT)


_fold_cached = functools.lru_cache(maxsize=8192)(_fold)


def show(raw: RawValue) -> str:
    """A raw value as the user wrote it, short enough for a message."""
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, float):
        return float_text(raw)
    if isinstance(raw, datetime | date | time):
        return raw.isoformat()
    text = clean_text(str(raw)).strip()
    return text if len(text) <= 60 else text[:59] + "…"


def float_text(value: float) -> str:
    """A float as Excel shows it: 15 significant digits, so 95.69999999999999 is 95.7."""
    if math.isnan(value) or math.isinf(value):
        return str(value)
    return format(value, ".15g")


# --- numbers ----------------------------------------------------------------------------------------

_DIGITS = re.compile(r"[0-9]+")
_SPACE_GROUPED = re.compile(r"[0-9]{1,3}(?: [0-9]{3})+(?:[.,][0-9]*)?")


def _grouped(text: str, sep: str) -> bool:
    """`1.234.567` with `sep`='.': a leading group of 1-3 digits, then groups of exactly three."""
    return re.fullmatch(rf"[0-9]{{1,3}}(?:{re.escape(sep)}[0-9]{{3}})+", text) is not None


def tidy(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent form (100, not 1E+2)."""
    if value == 0:
        return Decimal(0)
    try:
        if value == value.to_integral_value():
            return value.quantize(Decimal(1))
        return value.normalize()
    except InvalidOperation:  # more digits than the context holds: leave it as it is
        return value


def _not_number(raw: RawValue) -> ValueProblem:
    return ValueProblem("PW440", value=show(raw), accepted=NUMBER_FORMS)


@functools.lru_cache(maxsize=4096)  # a run's workbooks repeat their texts; one that is no number raises each time
def _number_text(text: str, raw: RawValue) -> Decimal:
    """The number a text holds (`raw` names the cell's value in a problem)."""
    s = clean_text(text).strip()
    negative = False
    if s[:1] in ("+", *_MINUS):
        negative = s[0] != "+"
        s = s[1:].strip()
    if " " in s:
        if not _SPACE_GROUPED.fullmatch(s):
            raise _not_number(raw)
        s = s.replace(" ", "")
    if not s or re.fullmatch(r"[0-9.,]+", s) is None or not _DIGITS.search(s):
        raise _not_number(raw)
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        last = max(s.rfind("."), s.rfind(","))
        decimal_sep = s[last]
        thousands = "," if decimal_sep == "." else "."
        whole, frac = s[:last], s[last + 1:]
        if s.count(decimal_sep) != 1 or not frac.isdigit() or not _grouped(whole, thousands):
            raise _not_number(raw)
        digits = whole.replace(thousands, "") + "." + frac
    elif dots > 1 or commas > 1:
        sep = "." if dots else ","
        if not _grouped(s, sep):
            raise _not_number(raw)
        digits = s.replace(sep, "")
    elif dots or commas:
        sep = "." if dots else ","
        whole, frac = s.split(sep)
        if len(frac) == 3 and 1 <= len(whole) <= 3 and whole[0] != "0":
            sign = "-" if negative else ""
            other = "," if sep == "." else "."
            raise ValueProblem("PW441", value=show(raw), thousand=f"{sign}{whole}{frac}",
                               decimal=f"{sign}{whole}{sep}{frac}0 / {sign}{whole}{other}{frac}0",
                               accepted=NUMBER_FORMS)
        digits = f"{whole or '0'}.{frac or '0'}"
    else:
        digits = s
    if len(digits) > MAX_DIGITS:
        raise _not_number(raw)
    try:
        value = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the patterns above only let digits through
        raise _not_number(raw) from None
    if value and value.adjusted() >= MAX_MAGNITUDE:
        raise _not_number(raw)
    return tidy(-value if negative else value)


def parse_number(raw: RawValue) -> Decimal:
    """A number typed in either convention: `95,7`, `1.234,5`, `1,234.5`, `12 345`, or a numeric cell."""
    if isinstance(raw, _NOT_TEXT_OR_NUMBER):
        raise ValueProblem("PW442", value=show(raw), accepted=NUMBER_FORMS)
    if isinstance(raw, int | float):
        if isinstance(raw, float) and (math.isnan(raw) or math.isinf(raw)):
            raise _not_number(raw)
        value = Decimal(raw) if isinstance(raw, int) else Decimal(float_text(raw))
        if value and value.adjusted() >= MAX_MAGNITUDE:
            raise _not_number(raw)
        return tidy(value)
    if raw is None or not clean_text(str(raw)).strip():
        raise ValueProblem("PW452", accepted=NUMBER_FORMS)
    return _number_text(str(raw), raw)


def parse_quantity(raw: RawValue) -> Decimal:
    """A non-negative number (a `unit: number` threshold or target)."""
    value = parse_number(raw)
    if value < 0:
        raise ValueProblem("PW445", value=show(raw), accepted=NUMBER_FORMS)
    return value


def parse_count(raw: RawValue) -> Decimal:
    """A whole non-negative number of cases (deductions)."""
    value = parse_number(raw)
    if value < 0:
        raise ValueProblem("PW445", value=show(raw), accepted=COUNT_FORMS)
    if value != value.to_integral_value():
        raise ValueProblem("PW446", value=show(raw), accepted=COUNT_FORMS)
    return value.quantize(Decimal(1))


HUNDRED = Decimal(100)


def parse_percent(raw: RawValue, most: Decimal = HUNDRED) -> Decimal:
    """A share in percent, 0-`most` (100 unless a rule accepts more, as revenue against the estimate):
    `95,7%`, `95.7%`, `95,7`; a bare value strictly between 0 and 1 is a fraction (`0,957`, and Excel's
    percent-formatted cells, which hold 0.957). A bare 1 is ambiguous (1 % or 100 %?)."""
    if isinstance(raw, str):
        text = clean_text(raw).strip()
        if text.endswith("%"):
            number = text[:-1].strip()
            if not number:
                raise ValueProblem("PW440", value=show(raw), accepted=PERCENT_FORMS)
            try:
                value = _number_text(number, raw)
            except ValueProblem as problem:
                raise problem.accepting(PERCENT_FORMS) from None
            return _percent_in_range(value, raw, most)
    try:
        value = parse_number(raw)
    except ValueProblem as problem:
        raise problem.accepting(PERCENT_FORMS) from None
    if value == 1:
        raise ValueProblem("PW444", value=show(raw), accepted=PERCENT_FORMS)
    if 0 < value < 1:
        value = tidy(value * 100)
    return _percent_in_range(value, raw, most)


def _percent_in_range(value: Decimal, raw: RawValue, most: Decimal) -> Decimal:
    if value < 0 or value > most:
        raise ValueProblem("PW443", value=show(raw), accepted=PERCENT_FORMS, most=most)
    return value


# --- words ------------------------------------------------------------------------------------------

_YES = {"co", "c", "x", "yes", "y", "true", "1", "dat", "✓", "✔", "☑"}
_NO = {"khong", "k", "no", "n", "false", "0", "khongdat", "chuadat", "khongco", "✗", "✘"}
_NA_YES = {"x", "co", "c", "n/a", "na", "kad", "k/ad", "khongapdung", "notapplicable", "true", "yes", "y", "1",
           "✓", "✔", "☑"}
_NA_NO = {"khong", "k", "false", "0", "no", "n", "apdung", "coapdung"}


def _word(raw: RawValue) -> str:
    return fold(str(raw))


def parse_yes_no(raw: RawValue) -> bool:
    """Có / Không in the ways people write them (and TRUE/FALSE, 1/0 cells)."""
    return _flag(raw, _YES, _NO, "PW447", YES_NO_FORMS)


def parse_not_applicable(raw: RawValue) -> bool:
    """The Không áp dụng column: blank = applies; x, Có, N/A, KAD, Không áp dụng = does not apply."""
    if raw is None or (isinstance(raw, str) and not clean_text(raw).strip()):
        return False
    return _flag(raw, _NA_YES, _NA_NO, "PW448", NOT_APPLICABLE_FORMS)


def _flag(raw: RawValue, yes: set[str], no: set[str], code: str, accepted: str) -> bool:
    """A yes/no cell: TRUE/FALSE, 1/0, or one of the words of `yes` and `no`; else `code`."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float) and raw in (0, 1):
        return raw == 1
    if isinstance(raw, str):
        word = _word(raw)
        if word in yes:
            return True
        if word in no:
            return False
    raise ValueProblem(code, value=show(raw), accepted=accepted)


def parse_choice(raw: RawValue, labels: list[str]) -> str:
    """The option label `raw` names, compared without case, diacritics, spacing or trailing punctuation."""
    accepted = " · ".join(labels)
    if raw is None or isinstance(raw, _NOT_TEXT_OR_NUMBER):
        raise ValueProblem("PW449", value=show(raw), accepted=accepted)
    text = float_text(raw) if isinstance(raw, float) else str(raw)
    word = fold(text)
    matches = [label for label in labels if fold(label) == word] if word else []
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise ValueProblem("PW450", value=show(raw), matches=" · ".join(matches), accepted=accepted)
    raise ValueProblem("PW449", value=show(raw), accepted=accepted)


def parse_survey(raw: RawValue) -> Decimal:
    """A survey result: a share in percent (as `parse_percent`) or an answer A/B/C/D (100/60/20/0 %)."""
    if isinstance(raw, str):
        answer = _word(raw)
        if answer in SURVEY_ANSWERS:
            return SURVEY_ANSWERS[answer]
    try:
        return parse_percent(raw)
    except ValueProblem as problem:
        code = "PW451" if problem.code in ("PW440", "PW442") else problem.code
        raise problem.accepting(SURVEY_FORMS, code) from None


# --- codes ------------------------------------------------------------------------------------------

_CODE = re.compile(r"[0-9]+(?:\.[0-9]+)*")


def normalise_code(raw: RawValue) -> str | None:
    """'3.3.1.', ' 3.3.1', a numeric 1.1 → '3.3.1', '1.1'; None for anything that is not a code."""
    if type(raw) is str and _CODE.fullmatch(raw):  # the usual case, first: a clean code typed as text
        return raw
    if raw is None or isinstance(raw, _NOT_TEXT_OR_NUMBER):
        return None
    if isinstance(raw, int):
        return str(raw) if raw >= 0 else None
    if isinstance(raw, float):
        if math.isnan(raw) or math.isinf(raw) or raw < 0:
            return None
        text = float_text(raw)
    else:
        text = str(raw)
    text = clean_text(text).strip().rstrip(".").strip()
    return text if _CODE.fullmatch(text) else None
