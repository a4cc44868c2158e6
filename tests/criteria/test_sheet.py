"""`criteria.sheet`: a set laid out as the officers' spreadsheet, and cells (with addresses) read back into
criteria-file data — each value keeping its cell, each problem said at its cell."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from parindex.common.tables import Cell
from parindex.criteria.files import load_criteria
from parindex.criteria.model import CriteriaSet, Role
from parindex.criteria.sheet import (
    COLUMNS,
    SheetRead,
    component_id,
    component_label,
    component_role,
    info_rows,
    read_sheet,
    sheet_rows,
)

OFFICER = Path(__file__).resolve().parents[1] / "fixtures" / "criteria_sheet" / "officer-set.yaml"
KEYS = list(COLUMNS)
INFO = [("Mã bộ tiêu chí", "thu"), ("Tên", "Bộ thử"), ("Căn cứ", "QĐ 1/QĐ-UBND"), ("Năm áp dụng", "2025, 2026"),
        ("Cấp", "cấp xã"), ("Trạng thái", "chính thức")]
ROWS: list[list[Any]] = [  # Mã, Nội dung, Điểm tối đa, Cách chấm, Thành phần
    ["1", "Lĩnh vực", None, None, None],
    ["1.1", "Tiêu chí", None, None, None],
    ["1.1.1", "Có kế hoạch", 1, "Có: 1 điểm; Không: 0 điểm", "Điểm thẩm định"],
    ["1.1.2", "Điều tra", 2, None, "Điều tra XHH"],
]


def read(info: list[tuple[str, Any]] = INFO, rows: list[list[Any]] = ROWS) -> Any:
    info_cells = [(Cell(label, f"Thông tin!A{r}"), Cell(value, f"Thông tin!B{r}"))
                  for r, (label, value) in enumerate(info, start=1)]
    row_cells = [(r, {key: Cell(value, f"Bộ tiêu chí!{'ABCDE'[c]}{r}") for c, (key, value) in
                      enumerate(zip(KEYS, row, strict=False))}) for r, row in enumerate(rows, start=2)]
    return read_sheet(SheetRead(info_cells, row_cells))


def test_cells_become_a_set_with_its_sources_and_derived_maxima() -> None:
    imported = read()
    assert imported.problems == []
    data = imported.data
    assert (data["id"], data["years"], data["level"], data["status"]) == ("thu", [2025, 2026], "commune", "official")
    item = data["areas"][0]["criteria"][0]["items"][0]
    assert item["rule"] == {"kind": "yes_no"} and item["source"] == "QĐ 1/QĐ-UBND"  # no Nguồn: the set's basis
    assert "max" not in data["areas"][0]  # blank: derived
    assert data["components"] == [{"id": "appraised", "name": "Điểm thẩm định", "max": Decimal(1)},
                                  {"id": "survey", "name": "Điều tra XHH", "max": Decimal(2)}]
    assert data["areas"][0]["criteria"][0]["items"][1]["rule"] == {"kind": "survey"}
    cset = CriteriaSet.model_validate(data)
    assert cset.max == Decimal(3)
    assert imported.comments[("areas", 0, "criteria", 0, "items", 1)] == "Bộ tiêu chí!5"
    assert imported.cell_of(("areas", 0, "criteria", 0, "items", 0, "rule", "yes_points")) == "Bộ tiêu chí!D4"
    assert imported.cell_of(("areas", 0, "criteria", 0, "items", 0, "max")) == "Bộ tiêu chí!C4"


@pytest.mark.parametrize(("change", "code", "cell"), [
    (lambda i, r: i.__setitem__(4, ("Cấp", "cấp thôn")), "PX322", "Thông tin!B5"),
    (lambda i, r: i.__setitem__(3, ("Năm áp dụng", "năm nay")), "PX321", "Thông tin!B4"),
    (lambda i, r: i.pop(0), "PX320", "Thông tin!A1"),
    (lambda i, r: r[1].__setitem__(0, "2.1"), "PX326", "Bộ tiêu chí!A3"),
    (lambda i, r: r[3].__setitem__(0, "1.1.1"), "PX327", "Bộ tiêu chí!A5"),
    (lambda i, r: r[3].__setitem__(0, "1,1,2"), "PX328", "Bộ tiêu chí!A5"),
    (lambda i, r: r[2].__setitem__(2, None), "PX330", "Bộ tiêu chí!C4"),
    (lambda i, r: r[2].__setitem__(2, "một"), "PX323", "Bộ tiêu chí!C4"),
    (lambda i, r: r[2].__setitem__(3, "Theo hướng dẫn"), "PX301", "Bộ tiêu chí!D4"),
    (lambda i, r: r.append(["2", "Lĩnh vực trống", 1, None, None]), "PX329", "Bộ tiêu chí!A6"),
    # a criterion with no rows under it is an item (issue 23): without Cách chấm it says so at its cell
    (lambda i, r: r.append(["1.2", "Tiêu chí trống", 1, None, None]), "PX300", "Bộ tiêu chí!D6"),
    (lambda i, r: i.append(("Điểm thưởng", 5)), "PX331", "Thông tin!B7"),
    (lambda i, r: r.append([None, None, None, "dưới 50%: 0 điểm", None]), "PX332", "Bộ tiêu chí!D6"),
])
def test_each_problem_is_said_at_its_cell(change: Any, code: str, cell: str) -> None:
    info, rows = list(INFO), copy.deepcopy(ROWS)
    change(info, rows)
    problems = read(info, rows).problems
    assert [(p.code, p.where) for p in problems][:1] == [(code, cell)]
    assert all(p.text("vi") and p.text("en") for p in problems)


def test_a_heading_or_total_row_and_a_note_in_thong_tin_are_left_alone() -> None:
    rows = [["A. PHẦN CHUNG", None, None, None, None], *ROWS, ["Tổng cộng", None, 3, None, None]]
    imported = read([*INFO, ("Lưu ý", "bộ này là bản thử")], rows)
    assert imported.problems == []


def test_a_cap_row_gives_a_component_its_max_by_name() -> None:
    rows = [*ROWS, ["1.1.3", "Sáng kiến", 1, "Hội đồng thẩm định chấm", "Điểm thưởng"]]
    imported = read([*INFO, ("Điểm thưởng", 5)], rows)
    assert imported.problems == []
    assert {"id": "bonus", "name": "Điểm thưởng", "max": Decimal(5)} in imported.data["components"]
    assert imported.cell_of(("components", 2, "max")) == "Thông tin!B7"


def test_the_layout_of_a_set() -> None:
    cset = load_criteria(str(OFFICER))
    rows = sheet_rows(cset)
    assert [row.values["code"] for row in rows][:4] == ["1", "1.1", "1.1.1", "1.1.2"]
    assert [row.group for row in rows][:4] == [True, True, False, False]
    assert rows[0].values["max"] == Decimal(6)  # derived: area 1 has no max written (4 + 2)
    assert rows[2].values["rule"].startswith("Ban hành đúng hạn: 1,5 điểm")
    info = dict(info_rows(cset))
    assert info["Năm áp dụng"] == "2025, 2026" and info["Cấp"] == "cấp sở" and info["Trạng thái"] == "dựng lại"
    assert info["Điểm tối đa"] == Decimal(10)
    assert len(info) == 7  # no component row: each component's max is its items' sum


def test_a_component_whose_max_is_a_cap_gets_a_thong_tin_row() -> None:
    data = load_criteria(str(OFFICER)).model_dump(by_alias=True, exclude_none=True)
    data["components"][1]["max"] = Decimal(3)  # not its items' 1 (a cap, as bonus/penalty are)
    cset = CriteriaSet.model_validate(data)
    assert info_rows(cset)[-1] == ("Điều tra xã hội học", Decimal(3))


@pytest.mark.parametrize(("name", "expected"), [
    ("Điểm thẩm định", "appraised"), ("điểm  thẩm định ", "appraised"), ("SIPAS", "sipas"), ("XHH", "survey"),
    ("Điểm thưởng", "bonus"), ("Điểm trừ", "penalty"), ("APPRAISED", "appraised"),
    ("Khối lượng (extra)", "extra"), ("Điểm cộng (diem_cong)", "diem_cong"),
    ("Điểm cộng (diem_cong: bonus)", "diem_cong"), ("Khảo sát (business_survey :measured)", "business_survey"),
    ("Điểm cộng (diem_cong: thưởng)", None),  # a role is one of the four, never a guess
    ("Điểm cộng", None), ("xyz", None), ("Thẩm tra", None),  # not known and no id given: never a component of its own
])
def test_component_ids_from_names(name: str, expected: str | None) -> None:
    assert component_id(name) == expected


def test_a_name_that_would_not_give_its_id_back_carries_it() -> None:
    assert component_label("appraised", "Điểm thẩm định") == "Điểm thẩm định"
    assert component_label("tham_dinh", "Điểm thẩm định") == "Điểm thẩm định (tham_dinh)"
    assert component_id(component_label("tham_dinh", "Điểm thẩm định")) == "tham_dinh"
    assert component_label("diem_cong", "Điểm cộng") == "Điểm cộng (diem_cong)"


def test_a_new_components_label_carries_its_role_and_reads_back() -> None:
    label = component_label("business_survey", "Khảo sát doanh nghiệp", Role.MEASURED)
    assert label == "Khảo sát doanh nghiệp (business_survey: measured)"
    assert (component_id(label), component_role(label)) == ("business_survey", Role.MEASURED)
    assert component_label("sipas", "SIPAS", Role.MEASURED) == "SIPAS", "a known id's role goes without saying"
    assert component_role("Điểm cộng (diem_cong)") is None and component_role("Điểm thưởng") is None
