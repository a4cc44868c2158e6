"""Unit names as people write them, matched without diacritics, case or prefixes; errors name the closest."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parindex.baseline.files import find_baseline
from parindex.common.errors import ParindexError
from parindex.common.unit_names import closest, match_name, name_key, plain_name
from parindex.gap.analysis import resolve_unit

PROVINCES = {"Bắc Giang": [], "Bắc Ninh": [], "Quảng Ninh": [], "Hà Nội": [], "Thừa Thiên Huế": [],
             "Bà Rịa - Vũng Tàu": [], "Thành phố Hồ Chí Minh": ["TP.HCM"], "Hải Phòng": []}


@pytest.mark.parametrize("written", [
    "Bắc Giang", "bac giang", "BẮC GIANG", "Tỉnh Bắc Giang", "tinh bac giang", "UBND tỉnh Bắc Giang",
    "Ủy ban nhân dân tỉnh Bắc Giang", "Uỷ ban nhân dân tỉnh Bắc Giang", "  Bắc   Giang ",
    unicodedata.normalize("NFD", "UBND tỉnh Bắc Giang"), "Bac Giang.",
])
def test_ways_of_writing_bac_giang(written: str) -> None:
    assert match_name(written, PROVINCES) == "Bắc Giang"


@pytest.mark.parametrize(("written", "name"), [
    ("TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"), ("Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ("TP.HCM", "Thành phố Hồ Chí Minh"), ("UBND Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ("Thành phố Hà Nội", "Hà Nội"), ("TP Hải Phòng", "Hải Phòng"), ("Thừa Thiên - Huế", "Thừa Thiên Huế"),
    ("Bà Rịa–Vũng Tàu", "Bà Rịa - Vũng Tàu"), ("ba ria vung tau", "Bà Rịa - Vũng Tàu"),
])
def test_prefixes_punctuation_and_aliases(written: str, name: str) -> None:
    assert match_name(written, PROVINCES) == name


def test_unknown_name_lists_the_closest() -> None:
    with pytest.raises(ParindexError) as caught:
        match_name("Bac Gaing", PROVINCES, context="2020")
    error = caught.value
    assert error.code == "PG401"
    assert error.exit_code == 2
    assert error.params["closest"].split(", ")[0] == "Bắc Giang"
    assert "Bắc Giang" in error.msg.line("vi") and "2020" in error.msg.line("en")


def test_ambiguous_name_lists_the_candidates() -> None:
    units = {"Bắc Giang": [], "Tỉnh Bắc Giang (cũ)": ["Bac Giang"]}
    with pytest.raises(ParindexError) as caught:
        match_name("bắc giang", units)
    assert caught.value.code == "PG402"
    assert "Bắc Giang" in caught.value.params["names"] and "(cũ)" in caught.value.params["names"]


def test_lower_levels_keep_thanh_pho() -> None:
    """A district-level 'Thành phố Bắc Giang' is the city, not the province: the prefix is part of the name."""
    assert name_key("Thành phố Bắc Giang", "district") == "thanh pho bac giang"
    assert name_key("UBND thành phố Bắc Giang", "district") == "thanh pho bac giang"
    assert name_key("Thành phố Bắc Giang", "province") == "bac giang"


@pytest.mark.parametrize(("published", "written", "level"), [
    ("Văn phòng UBND TP", "Văn phòng UBND thành phố", "department"),
    ("VĂN PHÒNG UBND TP.", "Văn phòng Ủy ban nhân dân thành phố", "department"),
    ("Thanh tra TP.", "Thanh tra thành phố", "department"),
    ("Văn phòng Uỷ ban nhân dân tỉnh", "Văn phòng UBND tỉnh", "department"),
    ("UBND TP. Bắc Giang", "Thành phố Bắc Giang", "district"),
    ("UBND xã Tân An", "Xã Tân An", "commune"),
    ("UBND tỉnh Bắc Giang", "Bắc Giang", "province"),
])
def test_the_abbreviations_of_published_tables_read_as_their_words(published: str, written: str, level: str) -> None:
    """A province's published ranking shortens names (`UBND TP`, `TP.`, a `UBND tỉnh` prefix): one unit still."""
    assert name_key(published, level) == name_key(written, level)


def test_abbreviations_do_not_join_other_units() -> None:
    assert name_key("Văn phòng UBND TP", "department") != name_key("Văn phòng UBND tỉnh", "department")
    assert name_key("TP. Bắc Giang", "district") != name_key("Huyện Bắc Giang", "district")
    assert name_key("Phòng TPKT", "department") == "phong tpkt", "only the word TP is read as thành phố"
    assert plain_name("Ủy ban nhân dân tỉnh Bắc Giang") == "Bắc Giang" and plain_name("TP.HCM") == "TP.HCM"


def test_closest_is_stable_and_bounded() -> None:
    assert closest("Quang Nin", PROVINCES)[0] == "Quảng Ninh"
    assert len(closest("x", PROVINCES)) <= 3


@given(st.sampled_from(sorted(PROVINCES)), st.sampled_from(["", "Tỉnh ", "UBND tỉnh ", "tỉnh "]),
       st.booleans(), st.booleans())
def test_any_spelling_of_a_known_name_matches_it(name: str, prefix: str, upper: bool, bare: bool) -> None:
    written = prefix + name
    if upper:
        written = written.upper()
    if bare:
        written = "".join(c for c in unicodedata.normalize("NFD", written) if not unicodedata.combining(c))
        written = written.replace("đ", "d").replace("Đ", "D")
    assert match_name(written, PROVINCES) == name


def test_baseline_units_resolve() -> None:
    _, base = find_baseline(2020)
    for query in ("bac giang", "Tỉnh Bắc Giang", "UBND tỉnh Bắc Giang"):
        assert resolve_unit(base, query).name == "Bắc Giang"
    assert resolve_unit(base, "TP.HCM").name == "Thành phố Hồ Chí Minh"


def test_the_merged_province_is_not_matched_silently() -> None:
    """'Bắc Ninh' after 1 July 2025 is Bắc Giang + Bắc Ninh: the 2020 table lists them apart, so say so."""
    _, base = find_baseline(2020)
    with pytest.raises(ParindexError) as caught:
        resolve_unit(base, "Tỉnh Bắc Ninh")
    error = caught.value
    assert error.code == "PG404"
    assert error.params["known"] == "Bắc Giang"
    assert "01/07/2025" in error.msg.line("vi")


def test_likely_spellings_offer_only_names_alike_closest_first() -> None:
    from parindex.common.unit_names import likely_spellings

    names = ["Sở Ngaoi vụ", "Sở Ngoại vụ tỉnh Ninh Bình", "Sở Y tế", "Xã Mẫu 47"]
    assert likely_spellings("Sở Ngoại vụ", names, "department") == ["Sở Ngoại vụ tỉnh Ninh Bình", "Sở Ngaoi vụ"]
    assert likely_spellings("Sở Tư pháp", names, "department") == [], "nothing alike: nothing offered"
    assert likely_spellings("", names, "department") == []
