"""Text read from a file, made safe where it is written (common/safe_text.py): documents, screens, CSV cells."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parindex.common.messages import Message
from parindex.common.safe_text import SHOWN_LIMIT, csv_text, document_text, shown
from parindex.scoring.reports import _csv_number_vi, _csv_value


def test_what_xml_cannot_hold_goes() -> None:
    assert document_text("Báo cáo \x0bsố 1\x0c") == "Báo cáo số 1", "Word's line and page breaks too"
    assert document_text("UBND\x01 tỉnh\x1b[31m\x00") == "UBND tỉnh[31m"
    assert document_text("tab\tand\r\nlines") == "tab\tand\r\nlines", "what XML holds is kept"
    assert document_text("\ufffe\uffff") == ""


@pytest.mark.skipif(os.name != "posix", reason="a file name of bytes")
def test_a_file_name_that_is_not_utf8_shows_its_bad_byte_as_a_replacement_character() -> None:
    name = os.fsdecode(b"so-noi-vu\xfe.xlsx")
    assert document_text(name) == "so-noi-vu\ufffd.xlsx"
    assert shown(name) == "so-noi-vu\ufffd.xlsx"
    document_text(name).encode("utf-8")  # writable


@given(st.text())
def test_a_document_holds_whatever_text_comes_in(text: str) -> None:
    from xml.sax.saxutils import escape

    from lxml import etree

    cleaned = document_text(text)
    etree.fromstring(f"<t>{escape(cleaned)}</t>".encode())  # raises on anything XML 1.0 cannot hold


def test_a_screen_never_gets_a_control_character_and_a_long_name_is_cut() -> None:
    assert shown("UBND\x1b[31m tỉnh\r\nX\x9b2J\u202eY") == "UBND [31m tỉnh  X 2J Y"
    long = "Đơn vị " * 10_000
    assert len(shown(long)) == SHOWN_LIMIT and shown(long).endswith("…")


def test_a_message_shows_a_name_read_from_a_file_on_one_line_without_terminal_control() -> None:
    said = Message("PS547", {"unit": "UBND\x1b]0;pwned\x07 [bold red]X[/]" + "x" * 40_000, "path": "t.xlsx"}).text()
    assert "\x1b" not in said and "\x07" not in said and "[bold red]X[/]" in said
    words = len(Message("PS547", {"unit": "", "path": "t.xlsx"}).text())  # the message's own words
    assert len(said) <= SHOWN_LIMIT + words, "the name cut at the limit, whatever the message says around it"


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"UBND\")", "=1+1", "@SUM(A1)", "+84 912", "-5",
                                  "\tx", "\rx", "\nx"])
def test_text_that_would_start_a_formula_stays_text_in_csv(text: str) -> None:
    assert csv_text(text) == "'" + text


@pytest.mark.parametrize("text", ["UBND xã A", "'quoted", " =1+1", "", "95,7%"])
def test_other_text_is_written_as_it_is(text: str) -> None:
    assert csv_text(text) == text


def test_numbers_keep_their_sign_and_typed_text_does_not_become_a_formula() -> None:
    assert _csv_value(Decimal("-0.75"), _csv_number_vi) == "-0,75"
    assert _csv_value("-0,75", _csv_number_vi) == "'-0,75", "typed as text, kept as text"
    assert _csv_value("=1+1", _csv_number_vi) == "'=1+1"
