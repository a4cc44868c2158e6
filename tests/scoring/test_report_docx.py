"""The self-assessment report as Word (`score ONE.xlsx --format docx`), read back as a person's editor reads it:
the header table, the summary table and its totals against the JSON, the repeated header row, the fonts and
the page (A4, NĐ 30's margins), the items without evidence, the warnings, the language."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from parindex.criteria.files import load_criteria
from parindex.evidence.template import write_template
from tests.fill import fill_workbook

HERE = Path(__file__).resolve().parents[1]
MINIMAL = HERE / "fixtures" / "criteria" / "minimal.yaml"
SAMPLE = HERE.parent / "evidence_samples" / "bac-giang-2020.xlsx"
FILLED = {
    "1.1.1": {"value": "Có", "evidence": "KH số 12/KH-UBND"},
    "1.1.2": {"value": "hoàn thành từ 80%", "explanation": "Còn 2 nhiệm vụ chuyển sang năm sau"},
    "1.1.3": {"not_applicable": "x"},
    "2.1.1": {"value": "95,7%", "evidence": "BC 34/BC-VP"},
    "2.1.2": {"value": 3},  # no evidence, no explanation
    "2.1.3": {"value": "1", "evidence": "BC 6/BC", "appraised": 0},
    "2.2.1": {"value": "B"},
}


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "so-thu.xlsx"
    write_template(path, load_criteria(str(MINIMAL)), unit="Sở Thử nghiệm", year=2020, today=date(2021, 1, 15))
    fill_workbook(path, FILLED)
    return path


def _report(cli, workbook: Path, tmp_path: Path, *options: str) -> tuple[object, dict]:
    out = tmp_path / "bao-cao.docx"
    result = cli(*options, "score", str(workbook), "--criteria", str(MINIMAL), "-o", str(out))
    assert result.code == 0, result.err
    data = json.loads(cli(*options, "score", str(workbook), "--criteria", str(MINIMAL), "--format", "json").out)
    return Document(str(out)), data


def _text(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def test_summary_table_totals_equal_the_json_and_its_header_repeats(cli, workbook: Path, tmp_path: Path) -> None:
    doc, data = _report(cli, workbook, tmp_path)
    summary = doc.tables[2]  # after the letterhead and the signature block
    header = [cell.text for cell in summary.rows[0].cells]
    assert header == ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Tài liệu kiểm chứng",
                      "Giải trình"]
    assert summary.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on every page
    rows = {row.cells[0].text: [cell.text for cell in row.cells] for row in summary.rows[1:]}
    number = lambda text: float(text.replace(",", "."))  # noqa: E731 — Vietnamese decimal comma
    cset = load_criteria(str(MINIMAL))
    stated = {area.code: float(area.max) for area in cset.areas}
    for area in data["areas"]:  # the appraised column holds the points counted: the JSON's area score
        own = sum(i["own_score"] for i in data["items"] if i["area"] == area["code"])
        assert number(rows[area["code"]][2]) == stated[area["code"]], "the maximum the set states"
        assert number(rows[area["code"]][4]) == area["score"]
        assert number(rows[area["code"]][3]) == pytest.approx(own)  # the unit's own points
    total = [cell.text for cell in summary.rows[-1].cells]
    assert total[1] == "TỔNG ĐIỂM" and number(total[2]) == float(cset.max)
    assert number(total[3]) == data["self_score"] and number(total[4]) == data["appraised_score"] == data["score"]
    assert data["self_score"] != data["score"]  # 2.1.3 was appraised below the unit's own points
    assert rows["2.1.3"][3] != rows["2.1.3"][4] == "0,00"
    assert rows["1.1.3"][3] == "không áp dụng"
    assert rows["2.1.1"][5] == "BC 34/BC-VP" and rows["1.1.2"][6] == "Còn 2 nhiệm vụ chuyển sang năm sau"


def test_letterhead_items_without_evidence_and_warnings(cli, workbook: Path, tmp_path: Path) -> None:
    doc, data = _report(cli, workbook, tmp_path)
    head = doc.tables[0]
    assert head.rows[0].cells[0].text.startswith("UBND TỈNH ……\nSỞ THỬ NGHIỆM")  # NĐ 30: the body above first
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in head.rows[0].cells[1].text
    assert "Độc lập - Tự do - Hạnh phúc" in head.rows[0].cells[1].text
    assert head.rows[1].cells[0].text.startswith("Số: ……/BC-")
    assert "ngày …… tháng …… năm" in head.rows[1].cells[1].text
    text = _text(doc)
    assert "BÁO CÁO" in text and "II. TIÊU CHÍ THÀNH PHẦN KHÔNG CÓ TÀI LIỆU KIỂM CHỨNG" in text
    assert "1.1.2 " in text and "Còn 2 nhiệm vụ chuyển sang năm sau" in text  # its explanation
    assert any(line.startswith("- 2.1.2 ") and "cần bổ sung giải trình" in line for line in text.splitlines())
    assert "2.2.1 " not in text.split("II.")[1].split("III.")[0]  # a survey item is measured, not evidenced
    warnings = doc.tables[-1]
    assert {row.cells[0].text for row in warnings.rows[1:]} == {w["code"] for w in data["warnings"] + data["errors"]}


def test_page_fonts_and_editable_text(cli, workbook: Path, tmp_path: Path) -> None:
    doc, _ = _report(cli, workbook, tmp_path)
    for section in doc.sections:
        assert {round(section.page_width.mm), round(section.page_height.mm)} == {210, 297}
        mm = {side: round(getattr(section, f"{side}_margin").mm) for side in ("top", "bottom", "left", "right")}
        assert 20 <= mm["top"] <= 25 and 20 <= mm["bottom"] <= 25, mm  # in twips: 15 mm is 14,99
        assert 30 <= mm["left"] <= 35 and 15 <= mm["right"] <= 20, mm
    assert doc.sections[-1].page_width > doc.sections[-1].page_height  # the summary table on landscape pages
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 13
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == fonts.get(qn("w:cs")) == "Times New Roman"
    runs = [run for table in doc.tables for row in table.rows for cell in row.cells for p in cell.paragraphs
            for run in p.runs] + [run for p in doc.paragraphs for run in p.runs]
    assert all(run.font.name in (None, "Times New Roman") for run in runs)
    sizes = {run.text: run.font.size.pt for run in runs if run.font.size is not None and run.text.strip()}
    small = {text for text, size in sizes.items() if size < 12}
    assert small == {"- Sở Nội vụ;", "- UBND tỉnh;", "- Lưu: VT."}  # NĐ 30: the recipients list in 11 pt
    assert all(size <= 14 for size in sizes.values())
    assert not doc.inline_shapes  # text and tables, no pictures


def test_english_and_the_reconstructed_set_warning(cli, tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    result = cli("--lang", "en", "score", str(SAMPLE), "-o", str(out))
    assert result.code in (0, 1), result.err
    doc = Document(str(out))
    text = _text(doc)
    assert "REPORT" in text and "SOCIALIST REPUBLIC OF VIET NAM" in doc.tables[0].rows[0].cells[1].text
    assert "reconstructed" in text.lower()
    assert [cell.text for cell in doc.tables[2].rows[0].cells][:4] == ["No.", "Content", "Max points",
                                                                        "Self-assessed"]


def test_docx_needs_a_file_and_several_units_make_the_ranking_annex(cli, workbook: Path, tmp_path: Path) -> None:
    assert cli("score", str(workbook), "--criteria", str(MINIMAL), "--format", "docx").code == 2  # PC703
    second = tmp_path / "so-hai.xlsx"
    write_template(second, load_criteria(str(MINIMAL)), unit="Sở Hai", year=2020, today=date(2021, 1, 15))
    result = cli("score", str(workbook), str(second), "--criteria", str(MINIMAL), "-o", str(tmp_path / "r.docx"))
    assert result.code == 0, result.err  # Sở Hai's blank workbook ranks last
    annex = Document(str(tmp_path / "r.docx"))
    assert _text(annex).startswith("PHỤ LỤC") and len(annex.tables) == 1
    assert [row.cells[1].text for row in annex.tables[0].rows[1:]] == ["Sở Thử nghiệm", "Sở Hai"]
