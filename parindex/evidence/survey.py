"""Reading the province's survey table (`score --survey FILE.xlsx`; README: "Survey from the province"): an adapter.

A sheet with a header row holding `Đơn vị` and one column per survey or SIPAS item code; one row per unit, its
results in % or A–D. The file comes in through the one sheet reader (`io.sheets`, `model.SURVEY_TABLE`), as
evidence workbooks do (zip bombs, far cells, formulas without values, %-formatted cells, error cells such as `#N/A`
read as their text, so the item's rule says at the cell that it is no result); values stay raw (Cell) until the
item's rule reads them.
"""

from __future__ import annotations

from pathlib import Path

from parindex.common.errors import ParindexError
from parindex.common.tables import Cell
from parindex.common.values import clean_text
from parindex.evidence.model import SURVEY_TABLE, SurveyRow, SurveyTable
from parindex.io.sheets import read_book


def read_survey(path: Path) -> SurveyTable:
    """The table of the first sheet that has a `Đơn vị` header, or a ParindexError naming the file and cell."""
    path = Path(path)
    table = read_book(path, SURVEY_TABLE).table
    assert table is not None  # the spec is one table
    if not table.coded:
        raise ParindexError("PS544", where=f"{path} › {table.sheet}!A{table.header}")
    rows: list[SurveyRow] = []
    for row, values in table.rows:
        name = values["unit"]
        name = clean_text(str(name)).strip() if name is not None else ""
        if name:
            rows.append(SurveyRow(name, table.ref("unit", row), {  # a blank cell kept: a measurement missing
                code: Cell(values[code], table.ref(code, row)) for code in table.coded}))
    return SurveyTable(str(path), sorted(set(table.coded)), rows,
                       {code: table.ref(code, table.header) for code in table.coded})
