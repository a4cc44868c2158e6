"""No English word reaches an officer under --lang vi: every document the tool writes for one (Word text, xlsx cells
and headers, csv) is scanned for English words the code could leak — a level's id, a status, a CSV header, a
set's status. What is data stays as written: set ids, file names, options, web addresses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from docx import Document
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
PROVINCE = ROOT / "evidence_samples" / "synthetic-province-2026"
SAMPLE = ROOT / "evidence_samples" / "bac-giang-2020.xlsx"
ENGLISH = {"department", "province", "commune", "district", "level", "status", "reconstructed", "provisional",
           "official", "unit", "year", "criteria", "area", "code", "name", "value", "score", "max", "own_score",
           "self_score", "appraised", "lead", "scored", "missing", "invalid", "estimated", "surveyed", "bonus",
           "penalty", "base", "earned", "cap", "total", "item", "items", "points"}
DATA = re.compile(r"par-[a-z]+-\d{4}|--[a-z-]+|https?://\S+|\S+\.(?:xlsx|yaml|json|csv|md|txt|docx)\b|'parindex [^']*'")


def _texts(path: Path) -> Iterator[str]:
    if path.suffix == ".docx":
        doc = Document(str(path))
        yield from (p.text for p in doc.paragraphs)
        yield from (cell.text for table in doc.tables for row in table.rows for cell in row.cells)
    elif path.suffix == ".xlsx":
        for sheet in load_workbook(path).worksheets:
            yield sheet.title
            yield from (v for row in sheet.iter_rows(values_only=True) for v in row if isinstance(v, str))
    else:
        yield path.read_text(encoding="utf-8-sig")


def _documents(cli, folder: Path) -> list[Path]:
    department = PROVINCE / "so" / "so-001.xlsx"
    runs = [("score", str(department), "-o", "so.docx"), ("score", str(department), "-o", "so.xlsx"),
            ("score", str(department), "-o", "so.csv"), ("score", str(department), "-o", "so.md"),
            ("score", str(ROOT / "evidence_samples" / "synthetic-districts"), "-o", "many.csv"),
            ("score", str(ROOT / "evidence_samples" / "synthetic-districts"), "-o", "many.xlsx"),
            ("template", "par-department-2025", "--unit", "Sở Tài chính", "-o", "tpl.xlsx"),
            ("template", "par-commune-2025", "--unit", "Xã Tân Yên", "--by-lead", "-o", "parts"),
            ("progress", "parts", "-o", "progress.xlsx"),
            ("gap", str(SAMPLE), "--year", "2020", "-o", "gap.xlsx"),
            ("gap", str(SAMPLE), "--year", "2020", "-o", "plan.docx")]
    for run in runs:
        args = [str(folder / arg) if arg in ("so.docx", "so.xlsx", "so.csv", "so.md", "many.csv", "many.xlsx",
                                              "tpl.xlsx", "parts", "progress.xlsx", "gap.xlsx", "plan.docx")
                else arg for arg in run]
        assert cli("--lang", "vi", *args).code in (0, 1), args
    return sorted(path for path in folder.rglob("*") if path.is_file())


def test_no_english_word_in_a_vietnamese_document(cli, tmp_path: Path) -> None:
    found: dict[str, set[str]] = {}
    documents = _documents(cli, tmp_path)
    assert len(documents) >= 14  # every kind above, and the parts
    for path in documents:
        for text in _texts(path):
            for word in re.findall(r"[A-Za-z_]+", DATA.sub(" ", text)):
                if word.lower() in ENGLISH:
                    found.setdefault(word, set()).add(path.name)
    assert found == {}, f"English words in Vietnamese documents: {found}"


def test_a_part_says_whom_it_goes_back_to_and_its_level_reads_back(cli, tmp_path: Path) -> None:
    from parindex.evidence.model import level_id
    from parindex.evidence.reader import read_info

    assert cli("template", "par-commune-2025", "--unit", "Xã Tân Yên", "--by-lead", "-o", str(tmp_path)).code == 0
    part = sorted(tmp_path.glob("*.xlsx"))[0]
    text = "\n".join(_texts(part))
    assert "gửi lại tệp này cho bộ phận tổng hợp Chỉ số CCHC của Xã Tân Yên" in text and "parindex score" not in text
    assert read_info(part)["level"] == "commune"  # 'Cấp xã' as written, the id as read
    assert [level_id(w) for w in ("Sở, ban, ngành", "cấp tỉnh", "department", "Cấp huyện", "phố")] == [
        "department", "province", "department", "district", "phố"]
