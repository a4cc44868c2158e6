"""The ranking annex as Word (`score MANY --format docx`), read back as an editor reads it: one table per block whose
rows and numbers are the JSON ranking's of the same run, the header row repeated, rows kept whole, landscape A4,
Times New Roman, the sets' warning and the ranking's notes, Vietnamese and English, --together as one table.

The synthetic province (evidence_samples/synthetic-province-2026) is scored once for the module."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from parindex.cli.app import run
from parindex.common.i18n import set_lang
from parindex.scoring.ranking_docx import TEXT_MM

PROVINCE = Path(__file__).resolve().parents[2] / "evidence_samples" / "synthetic-province-2026"
BLOCKS = ("so", "phuong", "xa")
SURVEY = [arg for block in BLOCKS for arg in ("--survey", str(PROVINCE / f"dieu-tra-{block}-2026.xlsx"))]
PREVIOUS = [arg for block in BLOCKS for arg in ("--previous", str(PROVINCE / f"ket-qua-2025-{block}.json"))]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    folder = tmp_path_factory.mktemp("annex")
    units = [str(PROVINCE / block) for block in BLOCKS]
    argv = {"vi.docx": [*units, *SURVEY, *PREVIOUS], "ranking.json": [*units, *SURVEY, *PREVIOUS],
            "en.docx": [*units, *SURVEY, *PREVIOUS], "together.docx": [*units[1:], "--together", "Phường,Xã, đặc khu"]}
    for name, args in argv.items():
        lang = ["--lang", "en"] if name == "en.docx" else []
        assert run([*lang, "score", *args, "-o", str(folder / name)]) == 1  # three slips per block (the README)
        set_lang(None)
    yield {name: folder / name for name in argv}


def _text(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def _rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def test_one_table_per_block_with_the_json_rankings_rows(runs: dict[str, Path]) -> None:
    doc = Document(str(runs["vi.docx"]))
    data = json.loads(runs["ranking.json"].read_text(encoding="utf-8"))
    blocks = list(dict.fromkeys(row["block"] for row in data["ranking"]))
    assert blocks == ["Sở", "Phường", "Xã, đặc khu"] and len(doc.tables) == 3
    assert [p.text for p in doc.paragraphs if p.text.startswith("Khối ")] == [
        f"Khối {b} ({sum(r['block'] == b for r in data['ranking'])} đơn vị)" for b in blocks]
    for table, block in zip(doc.tables, blocks, strict=True):
        header, *rows = _rows(table)
        # no Khối column: the heading above the table names the block
        assert header[:10] == ["STT", "Đơn vị", "Điểm", "Tối đa", "Tỷ lệ %", "Xếp loại", "Xếp hạng",
                               "Hạng năm trước", "Điểm năm trước", "Thay đổi"]
        assert header[10:] == [f"LV{n} %" for n in range(1, 9)] + ["Ghi chú"]
        wanted = [row for row in data["ranking"] if row["block"] == block]
        assert len(rows) == len(wanted)
        for n, (cells, row) in enumerate(zip(rows, wanted, strict=True), start=1):
            assert cells[:2] == [str(n), row["unit"]] and row["block"] == block
            assert (_number(cells[2]), _number(cells[3]), _number(cells[4])) == (row["score"], row["max"],
                                                                                 row["percent"])
            assert (cells[5], int(cells[6]), cells[-1]) == (row["band"] or "", row["rank"], "; ".join(row["notes"]))
            assert cells[7] == str(row.get("previous_rank") or "")
    thanh_tra = next(cells for cells in _rows(doc.tables[0]) if cells[1].startswith("Thanh tra tỉnh"))
    assert thanh_tra[10:18][2] == ""  # area 3 not applicable: no % (the JSON's unit shows none either)


def test_header_repeats_rows_stay_whole_page_is_landscape_a4_in_times_new_roman(runs: dict[str, Path]) -> None:
    doc = Document(str(runs["vi.docx"]))
    (section,) = doc.sections
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    margins = [round(getattr(section, f"{side}_margin").mm) for side in ("top", "bottom", "left", "right")]
    assert margins == [20, 20, 30, 15]
    assert doc.styles["Normal"].font.name == "Times New Roman"
    for table in doc.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
        assert sum(column.width.mm for column in table.columns) == pytest.approx(TEXT_MM, abs=0.5)
        sizes = {run.font.size.pt for row in table.rows for cell in row.cells for p in cell.paragraphs
                 for run in p.runs}
        assert sizes == {11}  # 21 columns: 11 pt


def test_title_warning_and_notes(runs: dict[str, Path]) -> None:
    text = _text(Document(str(runs["vi.docx"])))
    assert text.startswith("PHỤ LỤC\nKẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026 CỦA CÁC ĐƠN VỊ "
                           "KHỐI SỞ, KHỐI PHƯỜNG VÀ KHỐI XÃ, ĐẶC KHU\n")
    assert "(Kèm theo Quyết định số" in text
    assert "par-department-2025" in text and "par-commune-2025" in text and "DỰNG LẠI" in text
    assert "Điểm điều tra/SIPAS theo bảng kết quả điều tra của tỉnh." in text
    # the LV columns explained before the tables, each by its area's name in the set
    legend = next(line for line in text.splitlines() if line.startswith("Các cột lĩnh vực"))
    assert "LV1 %: " in legend and "LV8 %: " in legend and legend.index("LV1 %") < legend.index("LV8 %")


def test_legend_names_every_area_column(runs: dict[str, Path]) -> None:
    doc = Document(str(runs["vi.docx"]))
    data = json.loads(runs["ranking.json"].read_text(encoding="utf-8"))
    legend = next(p.text for p in doc.paragraphs if p.text.startswith("Các cột lĩnh vực"))
    headers = [h for h in _rows(doc.tables[0])[0] if h.startswith("LV")]
    names = {f"LV{area['code']} %": area["name"] for area in data["units"][0]["areas"]}
    assert len(headers) == 8 and all(f"{h}: {names[h]}" in legend for h in headers)


def test_english(runs: dict[str, Path]) -> None:
    doc = Document(str(runs["en.docx"]))
    assert _text(doc).startswith("ANNEX\nPUBLIC ADMINISTRATION REFORM INDEX") and "Block Sở (14 units)" in _text(doc)
    assert _rows(doc.tables[0])[0][:3] == ["No.", "Unit", "Points"]
    assert _rows(doc.tables[0])[1][2].count(".") == 1  # 95.61: English decimals


def test_together_gives_one_table(runs: dict[str, Path]) -> None:
    doc = Document(str(runs["together.docx"]))
    (table,) = doc.tables
    rows = _rows(table)[1:]
    assert len(rows) == 45 + 68 and [int(cells[0]) for cells in rows] == list(range(1, 114))
    # the group, as every format names it, in the table's heading (not repeated in a Khối column)
    assert "Khối Phường, Xã, đặc khu (113 đơn vị)" in _text(doc) and "Khối" not in _rows(table)[0]
    assert "Thay đổi" in _rows(table)[0] and "Hạng năm trước" not in _rows(table)[0]  # no --previous
    assert len(_rows(table)[0]) == 20 - 3
