"""Every printed column of a single unit's summary table adds up, in the Word report and in the xlsx report, read
back as a reader would add them: each area and criterion row is the sum of the rows right under it, the areas make
*Điểm các lĩnh vực*, and that row with the bonus and penalty rows makes the total. A penalty is negative on every
row it stands on, bonus and penalty never share a row, maxima are the set's, and the appraisal column is empty
where nothing was appraised."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from parindex.criteria.files import load_criteria
from parindex.evidence.template import write_template
from tests.fill import fill_workbook, random_fill

ROOT = Path(__file__).resolve().parents[2]
PROVINCE = ROOT / "evidence_samples" / "synthetic-province-2026"
SAMPLES = [PROVINCE / "so" / "so-001.xlsx", PROVINCE / "xa" / "xa-001.xlsx", ROOT / "evidence_samples" /
           "bac-giang-2020.xlsx"]
Row = tuple[str, str, list[Decimal | None]]  # code, name, the numeric columns (None: blank or words)


def _number(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        return Decimal(str(value))
    try:
        return Decimal(str(value).replace(".", "").replace(",", "."))
    except ArithmeticError:
        return None  # a status in words ('không tự chấm')


def _docx_rows(path: Path) -> list[Row]:
    table = Document(str(path)).tables[2]
    header = [cell.text for cell in table.rows[0].cells]
    numeric = [n for n, text in enumerate(header) if text.startswith("Điểm")]
    return [(row.cells[0].text, row.cells[1].text, [_number(row.cells[n].text) for n in numeric])
            for row in table.rows[1:]]


def _xlsx_rows(path: Path) -> list[Row]:
    sheet = load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows(min_row=4, max_col=5, values_only=True))
    return [(str(r[0] or ""), str(r[1]), [_number(v) for v in r[2:5]]) for r in rows]


def _check_sums(rows: list[Row]) -> None:
    coded = [(code, name, values) for code, name, values in rows if code]
    by_code = {code: values for code, _, values in coded}
    for code, _, values in coded:
        children = [v for c, _, v in coded if c.rsplit(".", 1)[0] == code and "." in c]
        for column, figure in enumerate(values):
            if figure is None or not children:
                continue
            parts = [child[column] or Decimal(0) for child in children]
            assert figure == sum(parts), f"row {code}, column {column}: {figure} ≠ {parts}"
    tail = [(name, values) for code, name, values in rows if not code]
    areas = [by_code[code] for code, _, _ in coded if "." not in code]
    base, adjustments, total = tail[0][1], tail[1:-1], tail[-1][1]
    for column, figure in enumerate(total):
        if figure is None:
            continue
        if len(tail) > 1:  # the areas' sum, then bonus and penalty
            assert base[column] == sum(a[column] or Decimal(0) for a in areas), f"areas' sum, column {column}"
            if column > 0:  # the maximum is the areas' alone: bonus and penalty stand outside it
                assert figure == base[column] + sum(v[column] or Decimal(0) for _, v in adjustments)
        else:
            assert figure == sum(a[column] or Decimal(0) for a in areas), f"total, column {column}"
    for name, values in adjustments:
        if name.startswith("Điểm trừ"):
            assert all(v is None or v <= 0 for v in values) and "đạt" not in name


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_each_printed_column_adds_up_in_the_word_and_the_xlsx_report(cli, sample: Path, tmp_path: Path) -> None:
    for suffix, read in ((".docx", _docx_rows), (".xlsx", _xlsx_rows)):
        out = tmp_path / f"report{suffix}"
        assert cli("score", str(sample), "-o", str(out)).code in (0, 1)
        rows = read(out)
        _check_sums(rows)
        names = {code: name for code, name, _ in rows}
        if "9.2" in names:  # Hà Nội's ninth content: bonus 9.1 and penalty 9.2 on rows of their own
            values = {code: v for code, _, v in rows}
            assert all(v is None for v in values["9"]), "bonus and penalty are not added together in one row"
            penalty = [v for code, v in values.items() if code.startswith("9.2")]
            assert all(x is None or x <= 0 for v in penalty for x in v) and any(x and x < 0 for v in penalty for x in v)


def test_maxima_are_the_sets_and_an_unappraised_workbook_leaves_the_appraisal_column_empty(cli, tmp_path: Path
                                                                                          ) -> None:
    cset = load_criteria("par-department-2025")
    book = tmp_path / "so.xlsx"
    write_template(book, cset, unit="Sở Xây dựng", year=2026, today=date(2027, 1, 10))
    fill_workbook(book, random_fill(cset, seed=24))
    out = tmp_path / "report.xlsx"
    assert cli("score", str(book), "-o", str(out)).code in (0, 1)
    rows = _xlsx_rows(out)
    _check_sums(rows)
    assert all(values[2] is None for _, _, values in rows), "nobody appraised this workbook"
    stated = {area.code: area.max for area in cset.areas if not area.is_adjustment}
    assert {code: values[0] for code, _, values in rows if code in stated} == stated
    assert rows[-1][2][0] == cset.max
    docx = tmp_path / "report.docx"
    assert cli("score", str(book), "-o", str(docx)).code in (0, 1)
    assert "Điểm thẩm định" not in [cell.text for cell in Document(str(docx)).tables[2].rows[0].cells]
