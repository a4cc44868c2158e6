"""Last year's ranking typed from the published table (`score --previous FILE.xlsx|.csv`): headers by their words
below title rows, numbers as typed, and every bad cell a coded error at its cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from parindex.common.errors import ParindexError
from parindex.scoring.previous import read_previous

HEADER = ["STT", "Tên đơn vị", "Tổng điểm", "Thứ hạng", "Khối", "Ghi chú"]


def xlsx(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Xếp hạng"
    sheet.append(["KẾT QUẢ CHỈ SỐ CCHC NĂM 2025"])
    sheet.append(["(Kèm theo Quyết định số 12/QĐ-UBND)"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def csv_file(path: Path, lines: list[str], encoding: str = "utf-8-sig") -> Path:
    path.write_bytes("\r\n".join(lines).encode(encoding))
    return path


def refused(path: Path) -> ParindexError:
    with pytest.raises(ParindexError) as caught:
        read_previous(path)
    return caught.value


def test_a_published_table_reads_below_its_title_with_the_office_s_headers(tmp_path: Path) -> None:
    """Hải Phòng's department block (reference/units-and-recent-years.md §A.2), with a section title, a score typed
    with a decimal comma and a rank-only row."""
    path = xlsx(tmp_path / "kq-2025.xlsx", [
        [None, "I. KHỐI SỞ, BAN, NGÀNH"],
        [1, "Thanh tra thành phố", 94.71, 1, "Sở"],
        [2, "Văn phòng UBND TP", "94,4", 2, "Sở", "ghi chú"],
        [3, "Sở Tài chính", None, "3", None],
    ])
    rows = read_previous(path)
    assert [(r.unit, r.rank, r.score, r.block) for r in rows] == [
        ("Thanh tra thành phố", 1, Decimal("94.71"), "Sở"), ("Văn phòng UBND TP", 2, Decimal("94.4"), "Sở"),
        ("Sở Tài chính", 3, None, "")]
    assert rows[1].where == f"{path} › Xếp hạng!B6" and rows[1].file == str(path)


def test_a_csv_as_excel_saves_it_in_either_language(tmp_path: Path) -> None:
    vi = csv_file(tmp_path / "vi.csv", ["Kết quả năm 2025;;;", "STT;Đơn vị;Điểm;Xếp hạng;Năm",
                                        "1;Sở Tư pháp;91,21;1;2025", ";;;;", "2;\"Sở Nội vụ; tổng hợp\";90,81;2;2025"])
    en = csv_file(tmp_path / "en.csv", ["Unit,Score,Rank", "Sở Tư pháp,91.21,1", "Sở Nội vụ,90.81,2"], "utf-8")
    for path in (vi, en):
        rows = read_previous(path)
        assert [(r.rank, r.score) for r in rows] == [(1, Decimal("91.21")), (2, Decimal("90.81"))]
    assert read_previous(vi)[1].unit == "Sở Nội vụ; tổng hợp" and read_previous(vi)[1].where == f"{vi}:5"


@pytest.mark.parametrize(("row", "column", "cell", "value"), [
    ([1, "Sở A", 90, 0], "Xếp hạng", "D4", "0"),
    ([1, "Sở A", 90, "1,5"], "Xếp hạng", "D4", "1,5"),
    ([1, "Sở A", 90, None], "Xếp hạng", "D4", "–"),
    ([1, "Sở A", "chín mươi", 1], "Điểm", "C4", "chín mươi"),
    ([1, "Sở A", -3, 1], "Điểm", "C4", "-3"),
    ([1, None, 90, 1], "Đơn vị", "B4", "–"),
])
def test_a_bad_cell_is_refused_at_its_cell(tmp_path: Path, row: list[object], column: str, cell: str,
                                           value: str) -> None:
    path = xlsx(tmp_path / "kq.xlsx", [row])
    error = refused(path)
    assert (error.code, error.where) == ("PS575", f"{path} › Xếp hạng!{cell}")
    assert error.params["column"] == column and error.params["value"] == value
    assert column in error.msg.text("en") and column in error.msg.text("vi")


def test_a_bad_csv_cell_and_a_bad_year_are_refused_at_their_line(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "kq.csv", ["Đơn vị;Điểm;Xếp hạng;Năm", "Sở A;90;1;2025", "Sở B;90;2;năm ngoái"])
    error = refused(path)
    assert (error.code, error.where, error.params["column"]) == ("PS575", f"{path}:3", "Năm")


def test_a_unit_twice_in_one_block_is_refused_at_the_second(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "kq.xlsx", [[1, "Sở Tư pháp", 90, 1, "Sở"], [2, "SỞ TƯ PHÁP", 89, 2, "Sở"]])
    error = refused(path)
    assert (error.code, error.where, error.params["first"]) == (
        "PS573", f"{path} › Xếp hạng!B5", f"{path} › Xếp hạng!B4")


@pytest.mark.parametrize(("name", "lines", "code", "where"), [
    ("no-header.csv", ["Tên;Điểm", "Sở A;90"], "PS576", ""),
    ("no-rank.csv", ["Đơn vị;Điểm", "Sở A;90"], "PW422", ":1"),
    ("twice.csv", ["Đơn vị;Điểm;Hạng;Xếp hạng", "Sở A;90;1;1"], "PW423", ":1"),
])
def test_a_csv_without_its_columns_is_refused_as_a_sheet_is(tmp_path: Path, name: str, lines: list[str], code: str,
                                                            where: str) -> None:
    path = csv_file(tmp_path / name, lines)
    error = refused(path)
    assert (error.code, error.where) == (code, f"{path}{where}")


def test_a_csv_not_in_utf8_or_too_big_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = csv_file(tmp_path / "unicode-text.csv", ["Đơn vị;Điểm;Xếp hạng", "Sở Tư pháp;90;1"], "utf-16")
    assert refused(path).code == "PE302"
    monkeypatch.setattr("parindex.scoring.previous.CSV_BYTES", 10)
    assert refused(csv_file(tmp_path / "big.csv", ["Đơn vị;Điểm;Xếp hạng"])).code == "PE301"


def test_an_xlsx_without_the_table_names_the_header_it_looked_for(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "kq.xlsx", [[1, "Sở A", 90, 1]], header=["STT", "Tên", "Điểm", "Hạng"])
    error = refused(path)
    assert error.code == "PS576" and "Đơn vị" in error.msg.text("en") and error.exit_code == 2


def test_another_suffix_is_still_read_as_json(tmp_path: Path) -> None:
    path = tmp_path / "ket-qua-2025.txt"
    path.write_text('{"ranking": [{"unit": "Sở A", "rank": 1}]}', encoding="utf-8")
    assert [(r.unit, r.rank, r.where) for r in read_previous(path)] == [("Sở A", 1, f"{path} › $.ranking[0]")]


def test_a_csv_the_csv_module_cannot_read_is_refused_at_its_line(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "kq.csv", ["Đơn vị;Điểm;Xếp hạng", "Sở A;90;1", f"\"{'x' * 200_000}\";90;2"])
    error = refused(path)
    assert (error.code, error.where, error.params["line"]) == ("PS577", str(path), 3)
