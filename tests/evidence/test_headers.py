"""Finding the columns of the self-assessment sheet by header text (its spec, `evidence.model.EVIDENCE_ITEMS`, and
`common.tables`)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parindex.common.catalogue import MESSAGES
from parindex.common.tables import column_letter
from parindex.common.values import ValueProblem
from parindex.evidence.model import COLUMNS, EVIDENCE_ITEMS

match_headers, header_key = EVIDENCE_ITEMS.match, EVIDENCE_ITEMS.key_of

VI = list(COLUMNS.values())
EN = ["Code", "Content", "Max points", "Rule", "Value", "Not applicable", "Self score", "Evidence", "Explanation",
      "Lead agency", "Appraised score", "Note"]


def test_template_headers_in_order():
    assert match_headers(VI) == {key: index for index, key in enumerate(COLUMNS)}


def test_english_headers():
    assert match_headers(EN) == {key: index for index, key in enumerate(COLUMNS)}


def test_reordered_with_extra_columns_and_blanks():
    cells = ["STT", "Ghi chú", None, "Kết quả", "Cột của tôi", "Mã", 2020, "", "Điểm tự chấm"]
    assert match_headers(cells) == {"note": 1, "value": 3, "code": 5, "self_score": 8}


@pytest.mark.parametrize(("header", "key"), [
    ("Mã tiêu chí", "code"),
    ("STT/Mã", "code"),
    ("MÃ", "code"),
    ("ma", "code"),
    (unicodedata.normalize("NFD", "Mã"), "code"),
    ("  Mã \n", "code"),
    ("Tiêu chí", "name"),
    ("Nội  dung", "name"),
    ("Điểm tự đánh giá", "self_score"),
    ("Điểm tự chấm (điểm)", "self_score"),
    ("Kết quả thực hiện", "value"),
    ("Kết quả:", "value"),
    ("Tài liệu kiểm chứng (số, ký hiệu văn bản)", "evidence"),
    ("TÀI LIỆU KIỂM CHỨNG", "evidence"),
    ("Không áp dụng", "not_applicable"),
    ("N/A", "not_applicable"),
    ("Điểm tối đa", "max"),
    ("Diem toi da", "max"),
    ("Cơ quan chủ trì", "lead"),
    ("co quan chu tri", "lead"),
    ("Điểm thẩm định", "appraised"),
    ("Giải trình", "explanation"),
    ("Cách chấm", "rule"),
    ("Ghi chú", "note"),
    ("item code", "code"),
    ("Self-score", "self_score"),
    ("Lead", "lead"),
    ("Appraised", "appraised"),
    ("Result", "value"),
])
def test_header_variants(header, key):
    assert header_key(header) == key


@pytest.mark.parametrize("header", ["STT", "Điểm", "Năm 2020", "", None, 5, "Ghi chú của tôi"])
def test_not_ours(header):
    assert header_key(header) is None


def test_duplicate_columns_name_both():
    with pytest.raises(ValueProblem) as caught:
        match_headers(["Mã", "Kết quả", "Mã tiêu chí"])
    problem = caught.value
    assert problem.code == "PW423"
    assert "A ('Mã')" in problem.params["first"]
    assert "C ('Mã tiêu chí')" in problem.params["second"]
    assert MESSAGES["PW423"].exit == 1


def test_missing_required_column_lists_what_was_found():
    with pytest.raises(ValueProblem) as caught:
        match_headers(["Mã", "Nội dung", "Số liệu báo cáo"])
    problem = caught.value
    assert problem.code == "PW422"
    assert "Kết quả" in problem.params["missing"]
    assert "'Số liệu báo cáo'" in problem.params["found"]
    assert "Mã" not in problem.params["missing"]
    assert MESSAGES["PW422"].exit == 1


def test_empty_header_row():
    with pytest.raises(ValueProblem) as caught:
        match_headers([])
    assert caught.value.code == "PW422"


@pytest.mark.parametrize(("index", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ"),
                                                (702, "AAA")])
def test_column_letter(index, letters):
    assert column_letter(index) == letters


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=25), st.sampled_from(VI + EN), st.none(), st.integers(),
                          st.floats(allow_nan=True), st.booleans()), max_size=20))
def test_match_headers_raises_only_value_problems(cells):
    try:
        found = match_headers(cells)
    except ValueProblem as problem:
        assert problem.code in ("PW422", "PW423")
        problem.msg.text("vi")
        problem.msg.text("en")
    else:
        assert {"code", "value"} <= set(found)
        assert len(set(found.values())) == len(found)
        assert all(header_key(cells[index]) == key for key, index in found.items())
