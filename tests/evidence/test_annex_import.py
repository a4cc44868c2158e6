"""`criteria import` of an annex as a decision publishes it, pasted into a workbook (issue 23): the table on a sheet
named 'Phụ lục' under title rows, headed in the decision's words, codes in the STT column, the component column
headed its own way, a column of notes, a total row, and Cách chấm in each of the annex's phrasings. It imports
with no edits, and every item scores what a hand calculation gives.

Synthetic (written for the tests; no official values)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from parindex.common.errors import ParindexError
from parindex.criteria.files import load_criteria
from parindex.evidence.criteria_book import import_criteria_book

D = Decimal
HEADER = ["STT", "Nội dung", "Điểm tối đa", "Phương pháp chấm điểm", "Phân loại", "Ghi chú"]
HEADER_ROW = 4
# code, name, max, Cách chấm, component, note; then the values a unit gives and the points a hand calculation gives
ANNEX: list[tuple[Any, ...]] = [
    ("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 6, None, None, None),
    ("1.1", "Kế hoạch cải cách hành chính", 6, None, None, None),
    ("1.1.1", "Tỷ lệ hoàn thành kế hoạch", 2,
     "Hoàn thành 100% kế hoạch: 2 điểm; hoàn thành từ 80% đến dưới 100% kế hoạch: 1 điểm; hoàn thành dưới 80% kế "
     "hoạch: 0 điểm", "Điểm thẩm định", None),
    ("1.1.2", "Tỷ lệ đạt chỉ tiêu", 2,
     "Đạt và vượt 100% chỉ tiêu: 2 điểm; đạt từ 80% đến dưới 100% chỉ tiêu: 1 điểm; dưới 80%: 0 điểm",
     "Điểm thẩm định", "xem lại chỉ tiêu"),
    ("1.1.3", "Số văn bản ban hành chậm", 2, "Mỗi văn bản chậm trừ 0,5 điểm, trừ tối đa 2 điểm", "Điểm thẩm định",
     None),
    ("2", "KỶ LUẬT, KỶ CƯƠNG", 4, None, None, None),
    ("2.1", "Thực hiện nhiệm vụ", 4, None, None, None),
    ("2.1.1", "Tỷ lệ hồ sơ đúng hạn", 2,
     "Điểm đánh giá như sau:\n1. Trên 90%: 2 điểm\n2. Từ 70% đến 90%: 1 điểm\n3. Dưới 70%: 0 điểm",
     "Điểm thẩm định", None),
    ("2.1.2", "Vi phạm trong thực hiện quy chế", 1, "Không có vi phạm: 1 điểm; có vi phạm: 0 điểm",
     "Điểm thẩm định", None),
    ("2.1.3", "Nhiệm vụ hoàn thành chậm", 1, "Điểm tối đa 1 điểm; mỗi nhiệm vụ chậm trừ 0,25 điểm",
     "Điểm thẩm định", None),
    ("3", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", None, None, None, None),
    ("3.1", "Điểm thưởng", None, None, None, None),
    ("3.1.1", "Sáng kiến được công nhận", 1, "Mỗi sáng kiến được cộng 0,5 điểm, tối đa 1 điểm", "Điểm thưởng",
     None),
    ("3.2", "Điểm trừ", None, None, None, None),
    ("3.2.1", "Vi phạm kỷ luật hành chính", 2, "Mỗi trường hợp vi phạm trừ 0,5 điểm, tối đa 2 điểm", "Điểm trừ",
     None),
    (None, "TỔNG ĐIỂM", 10, None, None, None),
]
INFO = [("Mã bộ tiêu chí", "phu-luc-thu"), ("Tên", "Bộ tiêu chí thử nghiệm"), ("Năm áp dụng", "2026"),
        ("Cấp", "cấp xã"), ("Trạng thái", "dựng lại"), ("Căn cứ", "Phụ lục thử nghiệm (synthetic)")]
# code → (value typed, points by hand, signed as its component counts)
BY_HAND: dict[str, tuple[Any, Decimal]] = {
    "1.1.1": ("95%", D(1)),  # from 80% to under 100%
    "1.1.2": ("100%", D(2)),  # 'đạt và vượt 100%'
    "1.1.3": (4, D(0)),  # 2 − 4 × 0,5, not below 0
    "2.1.1": ("90%", D(1)),  # 'trên 90%' leaves 90% to the next tier
    "2.1.2": ("Không", D(1)),  # no violation
    "2.1.3": (2, D("0.5")),  # 1 − 2 × 0,25
    "3.1.1": (3, D(1)),  # 3 × 0,5 = 1,5, at most 1: added
    "3.2.1": (1, D("-0.5")),  # 1 × 0,5: subtracted
}


def write_annex(path: Path, rows: list[tuple[Any, ...]] | None = None, header: list[str] | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Phụ lục"
    sheet.cell(1, 1, "PHỤ LỤC")
    sheet.cell(2, 1, "BỘ TIÊU CHÍ ĐÁNH GIÁ CẢI CÁCH HÀNH CHÍNH (kèm theo Quyết định số …/QĐ-UBND)")
    sheet.merge_cells("A2:F2")
    for column, text in enumerate(header or HEADER, start=1):
        sheet.cell(HEADER_ROW, column, text)
    for offset, row in enumerate(rows or ANNEX, start=1):
        for column, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(HEADER_ROW + offset, column, value)
    info = book.create_sheet("Thông tin")
    for row, (label, value) in enumerate(INFO, start=1):
        info.cell(row, 1, label)
        info.cell(row, 2, value)
    book.save(path)
    return path


def row_of(code: str | None) -> int:
    return HEADER_ROW + 1 + next(i for i, row in enumerate(ANNEX) if row[0] == code)


def test_an_annex_as_published_imports_with_no_edits_and_scores_what_a_hand_calculation_gives(tmp_path: Path) -> None:
    report = import_criteria_book(write_annex(tmp_path / "phu-luc.xlsx"), tmp_path / "set.yaml")
    assert report.problems == [] and report.findings == [], [m.text("en") for m in report.problems]
    cset = load_criteria(str(tmp_path / "set.yaml"))
    assert cset.max == 10 and report.items == len(BY_HAND)
    assert {comp.id: comp.max for comp in cset.components} == {"appraised": 10, "bonus": 1, "penalty": 2}
    items = cset.item_by_code()
    rules = {code: items[code].rule.kind for code in BY_HAND}
    assert rules == {"1.1.1": "threshold", "1.1.2": "threshold", "1.1.3": "deduction", "2.1.1": "threshold",
                     "2.1.2": "yes_no", "2.1.3": "deduction", "3.1.1": "per_case", "3.2.1": "per_case"}
    for code, (value, points) in BY_HAND.items():
        item = items[code]
        assert item.rule.score(value, item.max).points * item.role.sign == points, code
    assert sum(points for _, points in BY_HAND.values()) == 6  # 5,5 earned + 1 bonus − 0,5 penalty
    assert "trừ" in items["1.1.3"].rule_words("vi") and items["3.2.1"].rule_words("vi").startswith("Trừ")
    # the notes column is named, and the component column found by its values said
    codes = {note.code: note.text("en") for note in report.notes}
    assert "F ('Ghi chú')" in codes["PX335"] and "'Cách chấm'" in codes["PX335"]
    assert "E ('Phân loại')" in codes["PX337"]


def test_a_total_row_that_does_not_add_up_is_said_at_its_cell(tmp_path: Path) -> None:
    rows = [row if row[1] != "TỔNG ĐIỂM" else (None, "TỔNG ĐIỂM", 99, None, None, None) for row in ANNEX]
    report = import_criteria_book(write_annex(tmp_path / "phu-luc.xlsx", rows), tmp_path / "set.yaml")
    [problem] = report.problems
    assert problem.code == "PX338" and problem.where.endswith(f"Phụ lục!C{row_of(None)}")
    assert "99" in problem.text("en") and "10" in problem.text("en")


@pytest.mark.parametrize("total", ["Tổng cộng", "Tổng điểm", "TỔNG ĐIỂM"])
def test_a_total_row_in_the_code_column_is_checked_too(tmp_path: Path, total: str) -> None:
    rows = [row if row[1] != "TỔNG ĐIỂM" else (total, None, 9, None, None, None) for row in ANNEX]
    report = import_criteria_book(write_annex(tmp_path / "phu-luc.xlsx", rows), tmp_path / "set.yaml")
    assert [problem.code for problem in report.problems] == ["PX338"]


def test_a_value_on_a_heading_row_is_an_error_at_its_cell(tmp_path: Path) -> None:
    rows = [row if row[0] != "1.1" else ("1.1", "Kế hoạch", 6, "Có: 1 điểm; Không: 0 điểm", None, None)
            for row in ANNEX]
    report = import_criteria_book(write_annex(tmp_path / "phu-luc.xlsx", rows), tmp_path / "set.yaml")
    [problem] = report.problems
    assert problem.code == "PX339" and problem.where.endswith(f"Phụ lục!D{row_of('1.1')}")


def test_an_stt_column_of_row_numbers_is_no_code_column(tmp_path: Path) -> None:
    rows = [(str(n) if row[0] else None, *row[1:]) for n, row in enumerate(ANNEX, start=1)]
    report = import_criteria_book(write_annex(tmp_path / "phu-luc.xlsx", rows), tmp_path / "set.yaml")
    assert [problem.code for problem in report.problems] == ["PX336"]
    assert "'Mã số'" in report.problems[0].text("en")


def test_a_header_row_not_found_names_every_header_accepted(tmp_path: Path) -> None:
    header = ["TT", "Nội dung công việc", "Điểm", "Cách làm", "", ""]
    with pytest.raises(ParindexError) as refused:
        import_criteria_book(write_annex(tmp_path / "phu-luc.xlsx", header=header), tmp_path / "set.yaml")
    assert refused.value.code == "PX311"
    text = refused.value.msg.text("en")
    assert "'Nội dung'" in text and "'Phương pháp chấm điểm'" in text and "'Loại điểm'" in text


def test_an_official_set_keeping_the_examples_provisional_grades_fails_at_their_cells(tmp_path: Path) -> None:
    """The exported example's grading rows left in Thông tin of a set marked chính thức: validate names the cell."""
    path = write_annex(tmp_path / "phu-luc.xlsx")
    from openpyxl import load_workbook

    book = load_workbook(path)
    info = book["Thông tin"]
    info["B5"] = "chính thức"
    for label, value in (("Xếp loại", "Nhóm A: từ 90 %; Nhóm B: từ 70 %"), ("Nguồn xếp loại", "QĐ của Sơn La"),
                         ("Xếp loại tạm tính", "x")):
        info.append([label, value])
    book.save(path)
    report = import_criteria_book(path, tmp_path / "set.yaml")
    assert report.problems == []
    flagged = [(found.code, cell) for found, cell in report.findings]
    assert flagged == [("PX117", f"{path} › Thông tin!B{len(INFO) + 3}")] * 2  # each grade, at its row


def test_items_standing_directly_under_a_content_are_items_and_score_as_the_annex_says(tmp_path: Path) -> None:
    """A bonus and penalty content whose items stand directly under it (3.1, 3.2) was refused (PX329); a node
    without children is an item at any depth, in the template and the score. By hand: 5,5 earned (as above), + 1
    bonus (3 × 0,5 = 1,5, at most 1), − 0,5 penalty = 6."""
    from openpyxl import load_workbook

    from parindex.evidence.reader import read_evidence
    from parindex.evidence.template import write_template
    from parindex.scoring.engine import score_book

    rows = [row for row in ANNEX if row[0] not in ("3.1", "3.2")]
    rows = [("3.1", *row[1:]) if row[0] == "3.1.1" else ("3.2", *row[1:]) if row[0] == "3.2.1" else row
            for row in rows]
    report = import_criteria_book(write_annex(tmp_path / "phu-luc.xlsx", rows), tmp_path / "set.yaml")
    assert report.problems == [] and report.findings == [], [m.text("en") for m in report.problems]
    cset = load_criteria(str(tmp_path / "set.yaml"))
    area = cset.areas[2]
    assert [item.code for item in area.items] == ["3.1", "3.2"] and area.criteria == []
    assert area.is_adjustment and cset.max == 10
    typed = {("3.1" if code == "3.1.1" else "3.2" if code == "3.2.1" else code): value
             for code, (value, _) in BY_HAND.items()}
    write_template(tmp_path / "so.xlsx", cset, unit="Xã thử", year=2026)
    book = load_workbook(tmp_path / "so.xlsx")
    sheet = book["Tự đánh giá"]
    header = [cell.value for cell in sheet[1]]
    code_col, value_col = header.index("Mã") + 1, header.index("Kết quả") + 1
    for r in range(2, sheet.max_row + 1):
        code = sheet.cell(r, code_col).value
        if code in typed:
            sheet.cell(r, value_col).value = typed.pop(code)
    assert typed == {}  # every item has its row in the template, 3.1 and 3.2 too
    book.save(tmp_path / "so.xlsx")
    unit = score_book(cset, read_evidence(tmp_path / "so.xlsx"))
    assert unit.self_score == 6
