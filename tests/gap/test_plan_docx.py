"""The improvement plan as Word (`gap … --format docx`): the plan's own blocks, word for word, as paragraphs
and tables; the administrative header; the chart embedded."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from parindex.common.i18n import set_lang
from parindex.gap.analysis import GapOptions
from parindex.gap.docx import write_plan_docx
from parindex.gap.input import GapFiles, gap_report
from parindex.gap.plan import Bullets, Callout, Grid, Heading, Para, plan_blocks

SAMPLE = Path(__file__).resolve().parents[2] / "evidence_samples" / "bac-giang-2020.xlsx"
DAY = date(2021, 7, 1)


def _plan(tmp_path: Path, file: Path | None = SAMPLE):
    report = gap_report(GapFiles(2020, file, None, None, None), GapOptions(None, {}, None))
    out = tmp_path / "ke-hoach.docx"
    write_plan_docx(report, out, today=DAY)
    return report, Document(str(out))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_block_of_the_plan_is_in_the_document(tmp_path: Path, lang: str) -> None:
    set_lang(lang)
    report, doc = _plan(tmp_path)
    paragraphs = [p.text for p in doc.paragraphs]
    blocks = plan_blocks(report, DAY)
    for block in blocks:
        if isinstance(block, Para | Callout | Heading):
            assert block.text in paragraphs, block
        elif isinstance(block, Bullets):
            for n, text in enumerate(block.items, start=1):
                assert (f"{n}. {text}" if block.ordered else f"- {text}") in paragraphs
    grids = [block for block in blocks if isinstance(block, Grid)]
    tables = doc.tables[1:-1]  # between the letterhead and the signature block
    assert len(tables) == len(grids) > 0
    for grid, table in zip(grids, tables, strict=True):
        assert tuple(cell.text for cell in table.rows[0].cells) == grid.header
        assert [tuple(cell.text for cell in row.cells) for row in table.rows[1:]] == list(grid.rows)
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    head = doc.tables[0].rows[0].cells
    assert head[0].text.split("\n")[1] == ("TỈNH BẮC GIANG" if lang == "vi" else "BẮC GIANG PROVINCE")
    assert doc.tables[0].rows[1].cells[0].text.startswith(("Số: ……/KH-", "No.: ……/KH-"))


def test_the_chart_is_embedded(tmp_path: Path) -> None:
    _, doc = _plan(tmp_path)
    assert len(doc.inline_shapes) == 1
    assert 150 <= doc.inline_shapes[0].width.mm <= 166


def test_the_official_position_alone(tmp_path: Path) -> None:
    _, doc = _plan(tmp_path, None)
    assert "KẾ HOẠCH" in [p.text for p in doc.paragraphs]
    assert len(doc.inline_shapes) == 1  # the ranks by area


def test_gap_docx_through_the_cli_needs_a_file(cli, tmp_path: Path) -> None:
    assert cli("gap", "--year", "2020", "--format", "docx").code == 2  # PC703
    out = tmp_path / "plan.docx"
    result = cli("gap", str(SAMPLE), "--year", "2020", "-o", str(out))
    assert result.code == 0, result.err
    assert Document(str(out)).tables
