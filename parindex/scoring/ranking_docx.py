"""The ranking annex as a Word document (`score MANY --format docx`): the annex of the decision that publishes the
province's own index — a title, the sets' reconstructed/provisional warning, one table per block (or group of
--together) with the ranking's columns, then the ranking's notes; landscape A4, NĐ 30's margins.

Rows, cells and notes are the pure ranking model's (`ranking_columns`, `ranking_cells`, `ranking_footnotes`), so
the annex shows what JSON, CSV, Markdown and xlsx show.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from parindex.common.i18n import t
from parindex.scoring.engine import UnitScore, UnitTotals
from parindex.scoring.ranking import Ranking
from parindex.scoring.reports import (
    Column,
    area_legend,
    blocks_phrase,
    ranking_cells,
    ranking_columns,
    ranking_footnotes,
    shown_number,
)

TEXT_MM = 297 - 30 - 15  # landscape A4 between NĐ 30's left and right margins
# mm a column takes at 11 pt (headers wrap); the unit's name and the notes share what is left, 3 to 2
# ("100,00", "100,0" and "Nhóm A" on one line with 0,6 mm padding)
WIDTHS = {"no": 9, "block": 16, "score": 12, "max": 12.5, "percent": 11, "band": 15.5, "rank": 11,
          "previous_rank": 11.5, "previous_score": 12, "change": 11, "area": 10.3}
UNIT_MIN, NOTES_MIN = 30, 18
DENSE = 14  # more columns than this: the table at 11 pt with narrow cell padding, else 12 pt


def no_part(unit: UnitScore) -> None:
    """The annex needs only each unit's totals (module level: it runs in the worker process)."""
    return None


def column_widths(columns: list[Column]) -> list[float]:
    """Each column's width in mm, the table exactly as wide as the text: fixed ones as WIDTHS says, the rest
    shared between the unit's name and the notes; all narrowed alike when even their minimum does not fit."""
    fixed = [WIDTHS.get(column.key, 0.0) for column in columns]
    left = TEXT_MM - sum(fixed)
    scale = min(1.0, TEXT_MM / (sum(fixed) + UNIT_MIN + NOTES_MIN))
    if scale < 1:
        fixed, left = [width * scale for width in fixed], (UNIT_MIN + NOTES_MIN) * scale
    share = {"unit": left * 0.6, "notes": left * 0.4}
    return [share.get(column.key, width) for column, width in zip(columns, fixed, strict=True)]


def write_ranking_docx(parts: Iterable[tuple[Any, UnitTotals]], path: Path, force: bool,
                       rank: Any) -> list[UnitTotals]:
    from parindex.io import docx_document as docx

    totals = [unit for _, unit in parts]
    ranking: Ranking = rank(totals)
    doc = docx.new_document(wide=True)
    docx.centred(doc, t("annex.kind"))
    docx.centred(doc, t("annex.title", year=ranking.years or "……", blocks=blocks_phrase(ranking).upper()))
    docx.centred(doc, t("annex.decision"), bold=False, italic=True, size=docx.BODY_PT)
    if ranking.summary is not None:  # what went into the run, before any figure
        docx.para(doc, f"{t('ui.run.title')}: " + "; ".join(ranking.summary.lines()) + ".", italic=True,
                  indent=False)
    for banner in ranking.banners:
        docx.para(doc, banner.text(), italic=True, indent=False)
    if ranking.areas:  # what the LV columns are, before the tables that show them
        docx.para(doc, area_legend(ranking), italic=True, indent=False)
    columns = ranking_columns(ranking, block=False)  # a table per block (or group): its heading names it
    dense = len(columns) > DENSE
    shown = [docx.Column(column.header, width, column.numeric)
             for column, width in zip(columns, column_widths(columns), strict=True)]
    for section in ranking.blocks:
        docx.heading(doc, t("annex.block", block=section.name, n=len(section.rows)))
        rows = ([str(cell) for cell in ranking_cells(ranking, row, n, shown_number, block=False)]
                for n, row in enumerate(section.rows, start=1))  # made as the file is written, row by row
        docx.table(doc, shown, rows, size=11 if dense else docx.TABLE_PT, padding_mm=0.6 if dense else None)
    notes = ranking_footnotes(ranking, banners=False)
    if notes:
        docx.heading(doc, t("annex.notes"))
        for line in notes:
            docx.para(doc, f"- {line}", italic=True)
    docx.save(doc, path, force)
    return totals
