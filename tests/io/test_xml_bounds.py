"""The bounds on a workbook's XML: what real sheets hold passes; what only looks far (in text) is not refused."""

from __future__ import annotations

import random

import pytest

from parindex.common.errors import ParindexError
from parindex.io.xml_bounds import MAX_CELL_TEXT, NO_STRINGS, _spans, check_shared_strings, check_sheet

SHEET = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData>' \
        b"</worksheet>"


def check(rows: bytes, strings: bytes = b"") -> str | None:
    """The code the sheet `rows` is refused with (None: accepted)."""
    try:
        shared = check_shared_strings(b"<sst>" + strings + b"</sst>", "sst") if strings else NO_STRINGS
        check_sheet(SHEET % rows, shared, 20_000, 500, lambda ref: ref)
    except ParindexError as error:
        return error.code
    return None


def inline(ref: bytes, text: bytes) -> bytes:
    return b'<c r="' + ref + b'" t="inlineStr"><is><t>' + text + b"</t></is></c>"


def test_text_that_looks_like_a_far_reference_is_text() -> None:
    assert check(b'<row r="1">' + inline(b"A1", b'theo r="XFD1048576" v\xc3\xa0 r=\'SF20000\'') + b"</row>") is None


def test_a_long_vietnamese_text_under_excels_limit_is_read() -> None:
    text = ("Ủy ban nhân dân " * 3000)[:MAX_CELL_TEXT].encode()  # about 44 KB: more bytes than the limit in characters
    assert check(b'<row r="1">' + inline(b"B1", text) + b"</row>") is None
    assert check(b"", b"<si><t>" + text + b"</t></si>") is None
    assert check(b'<row r="1">' + inline(b"B1", text + b"x") + b"</row>") == "PW432"
    assert check(b"", b"<si><t>" + text + b"</t></si><si><r><t>" + text + b"</t></r><r><t>x</t></r></si>") == "PW432"


def test_a_wide_table_within_a_million_cells_is_read() -> None:
    """A survey table of 3,321 communes and 60 items (AA to BH): 200,000 cells."""
    row = b"".join(b'<c r="%s%%d"><v>1</v></c>' % letters.encode() for letters in ("A", "AA", "BH"))
    assert check(b"".join(b'<row r="%d">' % r + row % ((r,) * 3) + b"</row>" for r in range(1, 3322))) is None
    assert check(b'<row r="16700"><c r="BH16700"><v>1</v></c></row>') == "PW428"


@pytest.mark.parametrize(("rows", "code"), [
    (b"<row r='2'><c r='A2' r='B20001'><v>1</v></c></row>", "PW425"),
    (b'<row r="2"><c\tr="SG2"><v>1</v></c></row>', "PW427"),
    (b'<row><c r="A1"/></row>' * 3 + b"<row>" + b"<c/>" * 501 + b"</row>", "PW427"),
    (b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>', None),
])
def test_every_form_is_placed_as_calamine_places_it(rows: bytes, code: str | None) -> None:
    assert check(rows) == code


@pytest.mark.parametrize("before", [b"", b"<sheetPr>" * 100, b'<c r="A1" t="inlineStr"><is><t>a r&gt;b</t></is></c>'])
@pytest.mark.parametrize("prefix", [b"", b"x:"])
def test_an_inline_string_of_many_runs_is_measured_whole_after_any_other_r_tag(before: bytes, prefix: bytes) -> None:
    run = b"<" + prefix + b"r><" + prefix + b"t>" + b"a" * 20_000 + b"</" + prefix + b"t></" + prefix + b"r>"
    cell = b'<c r="B1" t="inlineStr"><' + prefix + b"is>" + run * 2 + b"</" + prefix + b"is></c>"
    assert check(b'<row r="1">' + before + cell + b"</row>") == "PW432"
    assert check(b'<row r="1">' + before + cell.replace(run * 2, run) + b"</row>") is None


def test_shared_strings_sized_alike_whatever_form_their_tags_take() -> None:
    draw = random.Random(27)
    pieces = [b"<si>", b"<si><t>abc</t></si>", b"<si/>", b"<si >", b"<sig>", b"<x:si>", b"text", b"<si\t>", b"</si>",
              b"<s", b"i>", b":si", b"<t>x</t>"]
    for _ in range(5_000):
        data = b"<sst>" + b"".join(draw.choice(pieces) for _ in range(draw.randint(0, 12))) + b"</sst>"
        by_pattern = [end - start for start, end in _spans(data)]
        assert check_shared_strings(data, "sst").sizes == by_pattern, data
