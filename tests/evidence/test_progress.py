"""What each lead agency (or unit) still owes (`evidence.progress`, pure) and the list of expected units."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from parindex.common.errors import ParindexError
from parindex.criteria.files import load_criteria
from parindex.evidence.model import EvidenceRow
from parindex.evidence.progress import Tally, by_lead, not_sent, of_unit
from parindex.evidence.unit_list import read_unit_list

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "criteria" / "minimal.yaml"


@pytest.fixture(scope="module")
def cset():
    return load_criteria(str(MINIMAL))


def rows(values: dict[str, dict[str, object]]) -> dict[str, EvidenceRow]:
    return {code: EvidenceRow(code, 2, cells, {}) for code, cells in values.items()}


def test_per_lead_entered_missing_without_documents_and_estimates(cset):
    survey = next(item.code for _, item in cset.items() if item.is_survey)
    filled = rows({"1.1.1": {"value": "Có", "evidence": "QĐ 12"}, "1.1.2": {"value": "Dưới 80%"},
                   "1.1.3": {"not_applicable": "x"}, survey: {"value": "B"}})
    tallies = {tally.name: tally for tally in by_lead(cset, filled)}
    home = tallies["Sở Nội vụ"]
    office = tallies["Văn phòng UBND tỉnh"]
    home_items = [code for area, item in cset.items() if area.lead == "Sở Nội vụ" and not item.is_survey
                  for code in [item.code]]
    assert home.assigned == len(home_items)
    assert home.entered == 3  # a value, or an N/A mark
    assert home.no_evidence == 1  # 1.1.2: a value, neither evidence nor explanation; N/A owes nothing
    assert home.missing == home.assigned - 3
    assert home.left == home.missing + 1
    assert set(home.missing_codes) == set(home_items) - {"1.1.1", "1.1.2", "1.1.3"}
    assert home.estimates + office.estimates == 1
    assert [t.left for t in by_lead(cset, filled)] == sorted((t.left for t in tallies.values()), reverse=True)


def test_a_unit_in_one_line(cset):
    tally = of_unit(cset, rows({"1.1.1": {"value": "Có", "explanation": "chưa có văn bản"}}), "Sở A")
    assert (tally.name, tally.entered, tally.no_evidence) == ("Sở A", 1, 0)
    assert tally.percent is not None and tally.percent > 0
    assert Tally("x").percent is None


def test_expected_units_compared_as_gap_compares_names():
    missing, unexpected = not_sent(["Xã Tân Lập", "Phường Bắc Giang", "xã tân lập"],
                                   ["XÃ TÂN LẬP", "Xã Đồng Sơn"], "commune")
    assert missing == ["Phường Bắc Giang"]
    assert unexpected == ["Xã Đồng Sơn"]
    assert not_sent(["Tỉnh Bắc Giang"], ["UBND tỉnh Bắc Giang"], "province") == ([], [])


def test_unit_list_from_text_and_from_an_xlsx_column(tmp_path):
    text = tmp_path / "don-vi.txt"
    text.write_text("\ufeff# các sở\nSở Tư pháp\n\n  Sở Tài chính  \nSở Tư pháp\n", encoding="utf-8")
    assert read_unit_list(text) == ["Sở Tư pháp", "Sở Tài chính"]
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Tên đơn vị", "Ghi chú"])
    sheet.append([1, "Xã Tân Lập", "x"])
    sheet.append([2, "Phường Đa Mai", None])
    book.save(tmp_path / "ds.xlsx")
    assert read_unit_list(tmp_path / "ds.xlsx") == ["Xã Tân Lập", "Phường Đa Mai"]


def test_unit_list_reads_the_survey_tables_unit_column(tmp_path):
    book = Workbook()  # the province's survey table, reused as the list: its names are under the same header
    book.active.append(["STT", "Đơn vị được đánh giá", "9.1.1"])
    book.active.append([1, "Xã Tân Lập", "95,7%"])
    book.save(tmp_path / "ds.xlsx")
    assert read_unit_list(tmp_path / "ds.xlsx") == ["Xã Tân Lập"]


def test_unit_list_refusals(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n\n", encoding="utf-8")
    with pytest.raises(ParindexError) as caught:
        read_unit_list(empty)
    assert caught.value.code == "PM820"
    pdf = tmp_path / "ds.pdf"
    pdf.write_bytes(b"%PDF")
    with pytest.raises(ParindexError) as caught:
        read_unit_list(pdf)
    assert caught.value.code == "PC723"


def test_unit_list_xlsx_goes_through_the_workbook_guard(tmp_path):
    fake = tmp_path / "ds.xlsx"
    fake.write_text("Sở Tư pháp\n", encoding="utf-8")
    with pytest.raises(ParindexError) as caught:
        read_unit_list(fake)
    assert caught.value.code.startswith("PW4")


def test_bonus_and_penalty_left_blank_are_not_missing():
    adjusted = load_criteria(str(Path(__file__).resolve().parents[1] / "fixtures" / "criteria" / "adjusted.yaml"))
    tally = of_unit(adjusted, {}, "Sở Thử")
    assert "3.1.1" not in tally.missing_codes and "3.2.1" not in tally.missing_codes
    assert all("3.1.1" not in t.missing_codes for t in by_lead(adjusted, {}))
