"""Reading values as people type them (parindex.common.values): every accepted form, every refusal, and fuzzing."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parindex.common.catalogue import MESSAGES
from parindex.common.values import (
    ValueProblem,
    fold,
    normalise_code,
    parse_choice,
    parse_count,
    parse_not_applicable,
    parse_number,
    parse_percent,
    parse_quantity,
    parse_survey,
    parse_yes_no,
)

D = Decimal


def problem_code(func, *args) -> str:
    with pytest.raises(ValueProblem) as caught:
        func(*args)
    return caught.value.code


# --- numbers ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ("95.7", "95.7"),
    ("95,7", "95.7"),
    ("1.234,5", "1234.5"),
    ("1,234.5", "1234.5"),
    ("1.234.567", "1234567"),
    ("1,234,567", "1234567"),
    ("1.234.567,89", "1234567.89"),
    ("12 345", "12345"),
    ("12\u00a0345", "12345"),
    ("1 234,5", "1234.5"),
    ("  42  ", "42"),
    ("\u200b42\u200b", "42"),
    ("0,957", "0.957"),
    ("0.123", "0.123"),
    ("1234.567", "1234.567"),
    ("95,70", "95.7"),
    ("1,2345", "1.2345"),
    (",5", "0.5"),
    ("7.", "7"),
    ("-3,5", "-3.5"),
    ("−2", "-2"),
    ("+8", "8"),
    ("0", "0"),
    ("-0", "0"),
    (12, "12"),
    (0.1, "0.1"),
    (95.69999999999999, "95.7"),
    (1234.5, "1234.5"),
    (3.0, "3"),
])
def test_parse_number_accepts(raw, expected):
    assert parse_number(raw) == D(expected)


def test_float_cells_keep_their_decimal_text():
    assert str(parse_number(0.1)) == "0.1"
    assert str(parse_number(0.957)) == "0.957"


@pytest.mark.parametrize("raw", ["1.234", "1,234", "12.345", "999,999", "-1.234"])
def test_one_separator_and_three_digits_is_ambiguous(raw):
    with pytest.raises(ValueProblem) as caught:
        parse_number(raw)
    problem = caught.value
    assert problem.code == "PW441"
    digits = raw.lstrip("-").replace(".", "").replace(",", "")
    assert digits in problem.params["thousand"]
    assert "0" in problem.params["decimal"]  # the unambiguous decimal form: 1,2340
    message = problem.msg.text("en")
    assert raw in message and problem.params["thousand"] in message


@pytest.mark.parametrize(("raw", "code"), [
    ("abc", "PW440"),
    ("12a", "PW440"),
    ("1,2.3", "PW440"),
    ("1.23.4", "PW440"),
    ("1 2", "PW440"),
    ("12  345", "PW440"),
    ("1.234,5,6", "PW440"),
    ("1e5", "PW440"),
    ("²", "PW440"),
    ("٣", "PW440"),
    (".", "PW440"),
    ("-", "PW440"),
    ("95%", "PW440"),
    ("9" * 40, "PW440"),
    (float("nan"), "PW440"),
    (float("inf"), "PW440"),
    (True, "PW442"),
    (False, "PW442"),
    (date(2020, 1, 2), "PW442"),
    (datetime(2020, 1, 2, 3, 4), "PW442"),
    (time(12, 0), "PW442"),
    (None, "PW452"),
    ("   ", "PW452"),
    ("\u00a0", "PW452"),
])
def test_parse_number_refuses(raw, code):
    assert problem_code(parse_number, raw) == code


def test_number_errors_name_the_accepted_forms():
    with pytest.raises(ValueProblem) as caught:
        parse_number("abc")
    assert "1.234,5" in caught.value.params["accepted"]
    assert "abc" in caught.value.msg.text("vi")


def test_quantity_and_count():
    assert parse_quantity("2,5") == D("2.5")
    assert problem_code(parse_quantity, "-1") == "PW445"
    assert parse_count("3") == D(3)
    assert parse_count(2.0) == D(2)
    assert parse_count("0") == 0
    assert problem_code(parse_count, "2,5") == "PW446"
    assert problem_code(parse_count, "-1") == "PW445"
    assert problem_code(parse_count, "hai") == "PW440"


# --- percents ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ("95,7%", "95.7"),
    ("95.7%", "95.7"),
    ("95,7 %", "95.7"),
    ("95.7", "95.7"),
    ("95,7", "95.7"),
    ("0,957", "95.7"),
    ("0.957", "95.7"),
    (0.957, "95.7"),
    (0.5, "50"),
    ("100", "100"),
    ("100%", "100"),
    (100, "100"),
    ("1%", "1"),
    ("0%", "0"),
    ("0", "0"),
    (0, "0"),
    ("0,5%", "0.5"),
    (" 85,5% ", "85.5"),
])
def test_parse_percent_accepts(raw, expected):
    assert parse_percent(raw) == D(expected)


@pytest.mark.parametrize(("raw", "code"), [
    ("1", "PW444"),
    (1, "PW444"),
    (1.0, "PW444"),
    ("1,0", "PW444"),
    ("101", "PW443"),
    ("100,5%", "PW443"),
    (-0.5, "PW443"),
    ("-5%", "PW443"),
    ("1.234%", "PW441"),
    ("abc", "PW440"),
    ("%", "PW440"),
    (True, "PW442"),
    (date(2020, 1, 1), "PW442"),
])
def test_parse_percent_refuses(raw, code):
    with pytest.raises(ValueProblem) as caught:
        parse_percent(raw)
    assert caught.value.code == code
    assert "95,7%" in caught.value.params["accepted"]


def test_bare_one_says_how_to_write_both_readings():
    with pytest.raises(ValueProblem) as caught:
        parse_percent(1.0)
    text = caught.value.msg.text("en")
    assert "100" in text and "1%" in text


# --- words ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", ["Có", "có", "CÓ", "C", "c", "x", "X", "yes", "Y", "true", "1", "Đạt", "đạt", "✓",
                                 True, 1, 1.0, " Có ", "Có.", unicodedata.normalize("NFD", "Có")])
def test_yes(raw):
    assert parse_yes_no(raw) is True


@pytest.mark.parametrize("raw", ["Không", "không", "KHÔNG", "K", "k", "no", "N", "false", "0", "Không đạt",
                                 "không  đạt", False, 0, 0.0, unicodedata.normalize("NFD", "Không đạt")])
def test_no(raw):
    assert parse_yes_no(raw) is False


@pytest.mark.parametrize("raw", ["có lẽ", "2", 2, "", None, "maybe", date(2020, 1, 1)])
def test_yes_no_refuses(raw):
    with pytest.raises(ValueProblem) as caught:
        parse_yes_no(raw)
    assert caught.value.code == "PW447"
    assert "Có / Không" in caught.value.params["accepted"]


@pytest.mark.parametrize(("raw", "expected"), [
    (None, False), ("", False), ("  ", False), ("x", True), ("X", True), ("Có", True), ("N/A", True),
    ("n/a", True), ("NA", True), ("KAD", True), ("Không áp dụng", True), ("không áp dụng", True), (True, True),
    ("Không", False), (False, False), ("false", False), (unicodedata.normalize("NFD", "Không áp dụng"), True),
])
def test_not_applicable(raw, expected):
    assert parse_not_applicable(raw) is expected


@pytest.mark.parametrize("raw", ["có thể", "?", 5, date(2020, 1, 1)])
def test_not_applicable_refuses(raw):
    assert problem_code(parse_not_applicable, raw) == "PW448"


LABELS = ["Hoàn thành 100%", "Hoàn thành từ 80%", "Dưới 80%"]


@pytest.mark.parametrize(("raw", "expected"), [
    ("Hoàn thành 100%", "Hoàn thành 100%"),
    ("hoàn thành 100%", "Hoàn thành 100%"),
    ("HOAN THANH 100%", "Hoàn thành 100%"),
    ("Hoàn  thành   100 %", "Hoàn thành 100%"),
    ("Hoàn thành 100%.", "Hoàn thành 100%"),
    (" dưới 80% ", "Dưới 80%"),
    (unicodedata.normalize("NFD", "Hoàn thành từ 80%"), "Hoàn thành từ 80%"),
    ("Hoàn\u00a0thành từ 80%", "Hoàn thành từ 80%"),
])
def test_choice_matches_loosely(raw, expected):
    assert parse_choice(raw, LABELS) == expected


@pytest.mark.parametrize("raw", ["Hoàn thành", "Xuất sắc", "", None, True, 3])
def test_choice_unknown(raw):
    with pytest.raises(ValueProblem) as caught:
        parse_choice(raw, LABELS)
    assert caught.value.code == "PW449"
    assert all(label in caught.value.params["accepted"] for label in LABELS)


def test_choice_ambiguous_when_labels_fold_alike():
    with pytest.raises(ValueProblem) as caught:
        parse_choice("Dat", ["Đạt", "Dạt", "Không đạt"])
    assert caught.value.code == "PW450"
    assert "Đạt" in caught.value.params["matches"] and "Dạt" in caught.value.params["matches"]


@pytest.mark.parametrize(("raw", "expected"), [
    ("A", "100"), ("b", "60"), ("C.", "20"), (" d ", "0"), ("85,5%", "85.5"), (0.9, "90"), ("75", "75"),
])
def test_survey(raw, expected):
    assert parse_survey(raw) == D(expected)


@pytest.mark.parametrize(("raw", "code"), [("E", "PW451"), ("tốt", "PW451"), (True, "PW451"), ("150", "PW443"),
                                           (1, "PW444")])
def test_survey_refuses(raw, code):
    with pytest.raises(ValueProblem) as caught:
        parse_survey(raw)
    assert caught.value.code == code
    assert "A · B · C · D" in caught.value.params["accepted"]


# --- codes ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ("3.3.1", "3.3.1"), ("3.3.1.", "3.3.1"), (" 3.3.1", "3.3.1"), ("3.3.1 ", "3.3.1"), ("\u00a03.3.1\u00a0", "3.3.1"),
    ("3.10", "3.10"), ("1", "1"), (1, "1"), (1.1, "1.1"), (3.0, "3"), (2.25, "2.25"), ("\u200b1.2", "1.2"),
    (None, None), ("", None), ("  ", None), ("I", None), ("Lĩnh vực 1", None), ("3,3,1", None), ("3..1", None),
    (True, None), (date(2020, 1, 1), None), (-1, None), (float("nan"), None), ("a.1", None),
])
def test_normalise_code(raw, expected):
    assert normalise_code(raw) == expected


def test_fold():
    assert fold("  Không Đạt. ") == "khongdat"
    assert fold(unicodedata.normalize("NFD", "Hoàn thành")) == fold("Hoàn thành")


def test_the_one_fold_keeps_words_apart_or_drops_punctuation_when_asked():
    assert fold("  Không   Đạt. ", spaced=True) == "khong dat."  # rule words: read on after folding
    assert fold("Cơ quan/đơn vị chủ trì", punctuation=False) == "coquandonvichutri"  # headers
    assert fold("Sở  Tư-pháp.", spaced=True, punctuation=False) == "so tu phap"  # names of units and agencies
    assert fold("ĐẠT", spaced=True) == fold("đạt", spaced=True) == "dat"  # đ = d in every form
    assert fold("1,5 điểm") != fold("15 điểm")  # labels keep the marks inside them


def test_every_code_raised_is_in_the_catalogue_with_an_exit_code():
    for code in ("PW440", "PW441", "PW442", "PW443", "PW444", "PW445", "PW446", "PW447", "PW448", "PW449",
                 "PW450", "PW451", "PW452"):
        assert MESSAGES[code].exit == 1
        assert MESSAGES[code].vi and MESSAGES[code].en


# --- fuzzing: only ValueProblem may escape ----------------------------------------------------------

raw_values = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789.,% -−+\u00a0\u200bAaBbCcDdxX", max_size=20),
    st.integers(min_value=-10**30, max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(),
    st.datetimes(),
    st.times(),
)


@settings(max_examples=400, deadline=None)
@given(raw_values)
def test_number_readers_raise_only_value_problems(raw):
    for reader in (parse_number, parse_percent, parse_quantity, parse_count, parse_survey, parse_yes_no,
                   parse_not_applicable):
        try:
            result = reader(raw)
        except ValueProblem as problem:
            assert problem.code in MESSAGES
            problem.msg.text("vi")  # every parameter its text needs is there
            problem.msg.text("en")
        else:
            assert isinstance(result, Decimal | bool)
            if reader is parse_percent:
                assert 0 <= result <= 100


@settings(max_examples=300, deadline=None)
@given(raw_values, st.lists(st.text(min_size=1, max_size=12), min_size=2, max_size=4))
def test_choice_and_code_never_crash(raw, labels):
    try:
        assert parse_choice(raw, labels) in labels
    except ValueProblem as problem:
        problem.msg.text("en")
    code = normalise_code(raw)
    assert code is None or all(part.isdigit() and part.isascii() for part in code.split("."))


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False))
def test_plain_decimals_read_back(value):
    text = f"{value:f}"
    whole, _, frac = text.partition(".")
    if len(frac) == 3 and 1 <= len(whole) <= 3 and whole[0] != "0":
        return  # ambiguous by design, tested above
    assert parse_number(text) == value
    assert parse_number(text.replace(".", ",")) == value


@pytest.mark.parametrize("raw", ["1000000000000000", "123456789012345678901234567", 1e20, 10**16])
def test_numbers_too_large_for_any_par_figure_are_refused(raw):
    with pytest.raises(ValueProblem) as caught:
        parse_number(raw)
    assert caught.value.code == "PW440"
    assert parse_number("999999999999999") == Decimal("999999999999999")  # 15 digits still read


def test_a_huge_value_is_an_error_at_its_cell_in_every_report(cli, tmp_path):
    from openpyxl import load_workbook

    from parindex.evidence.model import COLUMNS, SHEET_ITEMS

    path = tmp_path / "so.xlsx"
    assert cli("template", "par-province-2020", "-o", str(path)).code == 0
    book = load_workbook(path)
    sheet = book[SHEET_ITEMS]
    value_col = next(c.column for c in sheet[1] if c.value == COLUMNS["value"])
    row = next(r[0].row for r in sheet.iter_rows(min_row=2) if r[0].value == "1.5.1")  # a count of breaches
    sheet.cell(row, value_col, "123456789012345678901234567")
    book.save(path)
    for fmt in ("json", "csv", "md", "table"):
        result = cli("score", str(path), "-f", fmt)
        assert result.code == 1 and "PC700" not in result.err, fmt


def test_a_long_text_is_folded_alike_but_not_kept_in_the_cache() -> None:
    from parindex.common import values

    long = "Đạt  " * 2_000  # a pasted page, or a hostile cell: 10,000 characters
    values._fold_cached.cache_clear()  # not full, whatever ran before
    before = values._fold_cached.cache_info().currsize
    assert values.fold(long) == "dat" * 2_000 and values.fold(long, spaced=True) == " ".join(["dat"] * 2_000)
    assert values._fold_cached.cache_info().currsize == before, "a long text takes no room in the cache"
    short = "Đạt test_values " + "x" * (values.FOLD_CACHED - 20)  # within the limit, and new to the cache
    assert values.fold(short) == values._fold(short, False, True), "short or long, one way of folding"
    assert values._fold_cached.cache_info().currsize == before + 1, "a short text is remembered"
