"""Fuzzing (issue 5 item 5): whatever is typed in a cell, written as a header, saved as YAML or packed in a
workbook, only the tool's own error types come out — `ValueProblem` (a value as typed), `ParindexError` (a
file), or findings (a criteria file) — and every one of them renders in Vietnamese and English.

Bounded in CI (the `fuzz` profile: 200 examples per target). A longer run, for developers:

    HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py      # 20,000 examples per target

(profiles registered in tests/conftest.py; failures are replayed from the local .hypothesis/ database).
"""

from __future__ import annotations

import math
import os
import sys
import unicodedata
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from parindex.common.catalogue import MESSAGES
from parindex.common.errors import ParindexError
from parindex.common.tables import header_form
from parindex.common.values import (
    ValueProblem,
    clean_text,
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
    show,
)
from parindex.criteria.files import check_criteria_document
from parindex.evidence.model import COLUMNS, EVIDENCE_ITEMS, ITEM_ALIASES
from parindex.io.yaml_source import load_yaml_file, parse_yaml

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "bad"))
import make_corpus

FUZZ = settings.get_profile("long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "fuzz")
SMALL = settings(FUZZ, max_examples=max(20, FUZZ.max_examples // 4))  # targets that write files
MINIMAL_TEXT = (Path(__file__).resolve().parent / "fixtures" / "criteria" / "minimal.yaml").read_text("utf-8")
LABELS = ["Hoàn thành 100%", "Hoàn thành từ 80%", "Dưới 80%", "Không"]


def renders(code: str, params: dict[str, object]) -> None:
    """A code of the catalogue whose text fills in, in both languages, from these parameters."""
    assert code in MESSAGES, code
    for lang in ("vi", "en"):
        text = MESSAGES[code].vi if lang == "vi" else MESSAGES[code].en
        assert text.format(**params)


# --- cell values ---------------------------------------------------------------------------------------------

NUMBERISH = st.text(alphabet="0123456789.,%-+ −–\u00a0\u202f\u200b'eE_", max_size=24)
WORDS = ["Có", "Không", "x", "X", "N/A", "KAD", "Đạt", "Không đạt", "A", "b", "yes", "No", "1", "0", "✓", "?",
         "Hoàn thành 100%", "hoàn thành từ 80%.", "  Dưới 80 %  ", "3.3.1.", "1,1,3", "—", "", "   "]
WORDISH = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(lambda w: unicodedata.normalize("NFD", w)),
    st.sampled_from(WORDS).flatmap(lambda w: st.text(max_size=4).map(lambda extra: w + extra)),
)
RAW = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**30, max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.dates(), st.datetimes(), st.times(),
    st.text(max_size=40), NUMBERISH, WORDISH,
)
READERS = {
    "number": parse_number, "quantity": parse_quantity, "count": parse_count, "percent": parse_percent,
    "yes_no": parse_yes_no, "not_applicable": parse_not_applicable, "survey": parse_survey,
    "choice": lambda raw: parse_choice(raw, LABELS),
}


@FUZZ
@given(raw=RAW)
def test_value_readers_raise_only_value_problems(raw: object) -> None:
    for name, reader in READERS.items():
        try:
            value = reader(raw)
        except ValueProblem as problem:
            renders(problem.code, problem.params)
            assert problem.msg.text("vi") and problem.msg.text("en")
            continue
        if name in ("number", "quantity", "count", "percent", "survey"):
            assert isinstance(value, Decimal) and value.is_finite(), (name, raw, value)
        if name in ("quantity", "count"):
            assert value >= 0
        if name == "count":
            assert value == value.to_integral_value()
        if name in ("percent", "survey"):
            assert 0 <= value <= 100, (name, raw, value)
        if name in ("yes_no", "not_applicable"):
            assert isinstance(value, bool)
        if name == "choice":
            assert value in LABELS


@FUZZ
@given(raw=RAW)
def test_text_helpers_never_raise(raw: object) -> None:
    code = normalise_code(raw)
    assert code is None or all(part.isdigit() for part in code.split("."))
    assert isinstance(show(raw), str)
    if isinstance(raw, str):
        assert unicodedata.is_normalized("NFC", clean_text(raw))
        assert isinstance(fold(raw), str)


def _written(value: Decimal, decimal_sep: str, group_sep: str) -> str:
    """`value` as a person writes it: groups of three and a decimal separator (vi: 1.234,5; en: 1,234.5)."""
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):f}".partition(".")
    groups = f"{int(whole):,}".replace(",", group_sep)
    return sign + groups + (decimal_sep + frac if frac else "")


@FUZZ
@given(value=st.decimals(min_value=-10**12, max_value=10**12, places=3, allow_nan=False, allow_infinity=False),
       style=st.sampled_from([(",", "."), (".", ","), (",", " "), (".", " ")]))
def test_numbers_are_read_right_or_refused_never_misread(value: Decimal, style: tuple[str, str]) -> None:
    text = _written(value, *style)
    try:
        read = parse_number(text)
    except ValueProblem as problem:
        assert problem.code == "PW441", (text, problem.code)  # only an honest ambiguity may refuse it
        return
    assert read == value, (text, read, value)


@FUZZ
@given(value=st.floats(min_value=0, max_value=1e12, allow_nan=False))
def test_numeric_cells_read_as_excel_shows_them(value: float) -> None:
    read = parse_number(value)
    assert math.isclose(float(read), value, rel_tol=1e-14, abs_tol=1e-300)


# --- headers -------------------------------------------------------------------------------------------------

HEADER_TEXTS = [text for key, header in COLUMNS.items() for text in (header, key, *ITEM_ALIASES.get(key, ()))]
HEADER = st.one_of(
    st.sampled_from(HEADER_TEXTS),
    st.sampled_from(HEADER_TEXTS).map(lambda h: unicodedata.normalize("NFD", h.upper())),
    st.sampled_from(HEADER_TEXTS).flatmap(lambda h: st.sampled_from([f" {h} ", f"{h} (ghi chú)", f"{h}:", h * 2])),
    RAW,
)


@FUZZ
@given(cells=st.lists(HEADER, max_size=30))
def test_header_matcher_raises_only_value_problems(cells: list[object]) -> None:
    for cell in cells:
        assert isinstance(header_form(cell), str)
        assert EVIDENCE_ITEMS.key_of(cell) in (None, *COLUMNS)
    try:
        found = EVIDENCE_ITEMS.match(cells)
    except ValueProblem as problem:
        assert problem.code in ("PW422", "PW423"), problem.code
        renders(problem.code, problem.params)
        return
    assert {"code", "value"} <= set(found)
    assert len(set(found.values())) == len(found)
    assert all(0 <= index < len(cells) and EVIDENCE_ITEMS.key_of(cells[index]) == key for key, index in found.items())


# --- YAML ------------------------------------------------------------------------------------------------------

YAML_BITS = st.sampled_from([":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!python/object:os.system ", "!x ",
                             "\t", "\n", "  ", "#", "'", '"', "|", ">", "---", "...", "? ", ",", "<<: ", "%YAML 1.1",
                             "\ufeff", "\x00", "\x85", "\u2028", "ệ", "e\u0302\u0323", "1e999", ".nan", "0x1F",
                             "~", "null", "yes", "2020-01-01", "max: ", "code: \"1.1\"", "items:", "rule: {kind: "])


@st.composite
def mutated_yaml(draw: st.DrawFn) -> str:
    """minimal.yaml with a few random edits: cuts, YAML punctuation pasted in, lines doubled or swapped."""
    text = MINIMAL_TEXT
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["cut", "insert", "double", "swap"]))
        at = draw(st.integers(0, len(text)))
        if op == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        elif op == "insert":
            text = text[:at] + draw(st.one_of(YAML_BITS, st.text(max_size=8))) + text[at:]
        else:
            lines = text.split("\n")
            k = draw(st.integers(0, len(lines) - 1))
            if op == "double":
                lines.insert(k, lines[k])
            else:
                j = draw(st.integers(0, len(lines) - 1))
                lines[k], lines[j] = lines[j], lines[k]
            text = "\n".join(lines)
    return text


def _findings_render(text: str) -> None:
    doc = parse_yaml(text)
    checked = check_criteria_document(Path("fuzz.yaml"), doc)
    for finding in [*doc.findings, *checked.findings]:
        assert finding.code in MESSAGES, finding.code
        assert finding.line is None or finding.line >= 1
        for lang in ("vi", "en"):
            assert finding.msg.text(lang)


@FUZZ
@given(text=st.one_of(mutated_yaml(), st.text(max_size=200),
                      st.lists(YAML_BITS, max_size=30).map("".join)))
def test_yaml_loader_returns_findings_never_raises(text: str) -> None:
    _findings_render(text)


@SMALL
@given(data=st.binary(max_size=300), prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"id: x\n"]))
def test_yaml_files_of_any_bytes_give_a_parindex_error_or_findings(tmp_path_factory, data: bytes,
                                                                   prefix: bytes) -> None:
    path = tmp_path_factory.mktemp("yaml") / "set.yaml"
    path.write_bytes(prefix + data)
    try:
        doc = load_yaml_file(path)
    except ParindexError as error:
        assert error.code in ("PE302", "PE301", "PE306"), error.code  # PE306: bytes that begin like a workbook
        assert error.msg.line("vi") and error.msg.line("en")
        return
    checked = check_criteria_document(path, doc)
    for finding in [*doc.findings, *checked.findings]:
        assert finding.msg.text("vi") and finding.msg.text("en")


# --- workbooks -----------------------------------------------------------------------------------------------

PART_NAMES = ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
              "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"]
XML_BITS = st.sampled_from([b"<", b">", b"</c>", b"<c r=\"E5\">", b"<v>", b"</v>", b"<f>1+1</f>", b"&amp;", b"&x;",
                            b"<!DOCTYPE x [<!ENTITY x \"y\">]>", b"\x00", b"\xff", b"r=\"XFD1\"", b"r=\"A0\"",
                            b"t=\"s\"", b"t=\"e\"", b"t=\"d\"", b"<v>99999999</v>", b"s=\"7\"", b"\"", b" "])


@SMALL
@given(part=st.sampled_from(PART_NAMES), at=st.floats(0, 1), cut=st.integers(0, 30),
       insert=st.lists(XML_BITS, max_size=4).map(b"".join))
def test_workbook_reader_raises_only_parindex_errors(tmp_path_factory, part: str, at: float, cut: int,
                                                     insert: bytes) -> None:
    """A valid evidence workbook with one XML part damaged (before zipping, so the XML parser sees it)."""
    from parindex.evidence.reader import read_evidence

    parts = make_corpus.book()
    target = next(p for p in parts if p.name == part)
    k = int(at * len(target.data))
    target.data = target.data[:k] + insert + target.data[k + cut:]
    assume(cut or insert)
    path = tmp_path_factory.mktemp("book") / "so.xlsx"
    path.write_bytes(make_corpus.zip_bytes(parts))
    try:
        book = read_evidence(path)
    except ParindexError as error:
        assert error.code.startswith(("PW4", "PE3")), error.code
        assert error.msg.line("vi") and error.msg.line("en")
        return
    assert isinstance(book.rows, dict)


@FUZZ
@given(raw=st.one_of(st.dates(), st.datetimes(), st.times()))
def test_dates_are_never_numbers(raw: date | datetime | time) -> None:
    for reader in (parse_number, parse_quantity, parse_count, parse_percent):
        try:
            reader(raw)
        except ValueProblem as problem:
            assert problem.code == "PW442"
        else:  # pragma: no cover - a date read as a number: a silent guess (README: "Evidence workbooks")
            raise AssertionError(f"{reader.__name__} read the date {raw!r} as a number")
