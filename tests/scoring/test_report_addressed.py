"""A unit's Word report is addressed as that unit sends it (NĐ 30/2020): a department's to Sở Nội vụ and UBND tỉnh,
a commune's to UBND tỉnh and Sở Nội vụ, a province's to Bộ Nội vụ; the header, the place, the signature and every
sentence that names the recipients follow; `--to` names others."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from parindex.common.addressing import address

ROOT = Path(__file__).resolve().parents[2]
PROVINCE = ROOT / "evidence_samples" / "synthetic-province-2026"


def _words(path: Path) -> tuple[str, str, str, str]:
    """The header's left cell, its place and date, 'Nơi nhận' with the signature, and the whole text."""
    doc = Document(str(path))
    head, closing = doc.tables[0], doc.tables[1]
    text = "\n".join([*(p.text for p in doc.paragraphs),
                      *(cell.text for table in doc.tables for row in table.rows for cell in row.cells)])
    signature = "\n".join(c.text for c in closing.rows[0].cells)
    return head.rows[0].cells[0].text, head.rows[1].cells[1].text, signature, text


@pytest.mark.parametrize(("sample", "recipients", "heading", "signer"), [
    (PROVINCE / "so" / "so-001.xlsx", ["- Sở Nội vụ;", "- UBND tỉnh;"], "UBND TỈNH ……\nVĂN PHÒNG UBND TỈNH",
     "CHÁNH VĂN PHÒNG"),
    (PROVINCE / "xa" / "xa-001.xlsx", ["- UBND tỉnh;", "- Sở Nội vụ;"], "ỦY BAN NHÂN DÂN\nXÃ MẪU",
     "TM. ỦY BAN NHÂN DÂN"),
    (ROOT / "evidence_samples" / "bac-giang-2020.xlsx", ["- Bộ Nội vụ;"], "ỦY BAN NHÂN DÂN\nTỈNH BẮC GIANG",
     "TM. ỦY BAN NHÂN DÂN"),
], ids=["department", "commune", "province"])
def test_each_level_is_addressed_as_it_sends(cli, tmp_path: Path, sample: Path, recipients: list[str], heading: str,
                                             signer: str) -> None:
    out = tmp_path / "bao-cao.docx"
    assert cli("score", str(sample), "-o", str(out)).code in (0, 1)
    left, _, closing, text = _words(out)
    assert left.startswith(heading)
    lines = closing.splitlines()
    assert lines[1:1 + len(recipients)] == recipients and lines[1 + len(recipients)] == "- Lưu: VT."
    assert signer in closing
    if "Bộ Nội vụ" not in recipients[0]:
        assert "Bộ Nội vụ" not in text, "a department or commune does not report to the Ministry"
        assert "trước khi gửi " + recipients[0][2:-1] in text


def test_to_names_other_recipients_everywhere(cli, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.docx"
    sample = PROVINCE / "so" / "so-001.xlsx"
    assert cli("score", str(sample), "-o", str(out), "--to", "UBND tỉnh Bắc Ninh; Sở Nội vụ tỉnh Bắc Ninh").code == 1
    _, _, closing, text = _words(out)
    assert closing.splitlines()[1:3] == ["- UBND tỉnh Bắc Ninh;", "- Sở Nội vụ tỉnh Bắc Ninh;"]
    assert "trước khi gửi UBND tỉnh Bắc Ninh và Sở Nội vụ tỉnh Bắc Ninh" in text
    assert "kiến nghị với UBND tỉnh Bắc Ninh và Sở Nội vụ tỉnh Bắc Ninh" in text


def test_a_communes_place_is_its_own_name_unless_it_is_a_number() -> None:
    assert address("Xã Tân Yên", "commune").place == "Tân Yên"
    assert address("UBND phường Kinh Bắc", "commune").issuer == "ỦY BAN NHÂN DÂN\nPHƯỜNG KINH BẮC"
    assert address("Phường 1", "commune").place == "Phường 1"  # NĐ 30: a name that is a number stays whole
    assert address("Sở Nội vụ", "department").recipients == ("UBND tỉnh",)  # it does not write to itself
    assert address("Sở Tài chính", "department").signer == ("GIÁM ĐỐC",)
    assert address("UBND tỉnh Bắc Giang", "province").place == "Bắc Giang"
