"""The ranking as a table on screen (scoring/table.py): at natural width every column; on a terminal too narrow
for it, the least useful columns left out — said in the line below — and each unit's name in at most two lines."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rich.cells import cell_len

from parindex.common.i18n import t
from parindex.io.screen import NATURAL_WIDTH
from parindex.scoring.engine import Subtotal, UnitTotals
from parindex.scoring.ranking import build_ranking
from parindex.scoring.table import Look, ranking_text
from tests.output import said

BANDS = (("Tốt", Decimal(90)), ("Khá", Decimal(70)))
NAMES = ("Ủy ban nhân dân phường Hoàn Kiếm", "Phường Cửa Nam", "Ủy ban nhân dân phường Ba Đình (tổng hợp)")


def unit(name: str, score: str) -> UnitTotals:
    areas = [Subtotal(str(n), f"Lĩnh vực {n}", Decimal(score) / 8, Decimal("12.5"), Decimal("12.5"))
             for n in range(1, 9)]
    return UnitTotals(name, f"{name}.xlsx", areas, 0, "commune", [], Decimal(0), Decimal(0), 0, "Phường", BANDS,
                      Decimal(100), "2026")


@pytest.fixture
def ranking():
    return build_ranking([unit(name, score) for name, score in zip(NAMES, ("91", "75", "60"), strict=True)])


def name_cells(text: str) -> list[list[str]]:
    """The unit column's cells, row by row: a row starts where its STT cell holds a number."""
    rows: list[list[str]] = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.split("│")[1:-1]]
        if len(cells) > 2 and not line.startswith("┃"):
            if cells[0]:
                rows.append([])
            if cells[1]:
                rows[-1].append(cells[1])
    return rows


def test_at_natural_width_every_column_shows_and_each_name_takes_one_line(ranking) -> None:
    text = ranking_text(ranking, Look(NATURAL_WIDTH))
    assert all(header in text for header in ("LV1 %", "LV8 %", "Tối đa", "Xếp loại", "Ghi chú"))
    assert name_cells(text) == [[name] for name in NAMES]
    assert "--format md" not in text  # nothing left out, nothing to say


@pytest.mark.parametrize("width", [60, 72, 80, 100])
def test_on_a_narrow_terminal_columns_are_shed_said_and_names_stay_readable(ranking, width: int) -> None:
    text = ranking_text(ranking, Look(width))
    assert all(cell_len(line) <= width for line in text.splitlines())
    rows = name_cells(text)
    assert [" ".join(cells) for cells in rows] == list(NAMES)  # broken between words only
    assert all(len(cells) <= 2 for cells in rows), rows
    assert "LV1 %" not in text.split("└")[0]  # each area's % goes first
    shed = said(text.split("┘")[-1])
    lead, _ = t("ui.table.narrow").split("{columns}")
    assert said(lead) in shed and "LV1 % … LV8 %" in shed and "--format md" in shed
