"""The registry of every kind of sheet parindex reads: `SHEET_KINDS` (pure data).

Each kind is a `WorkbookSpec` (`common.tables`) the one reader (`io.sheets.read_book`) is driven by: its sheets,
columns, the other ways people head them, what is required and the codes it speaks with. Each is declared beside
the model it fills (`evidence.model`: the evidence workbook, the survey table, the list of units, and last year's
published ranking, whose model is in scoring above; `criteria.sheet`: the criteria sheet), so a reader imports only
its own; this module gathers them for whoever enumerates them (the tests, which fail when a spec declared anywhere
in parindex is missing here).

Adding a kind is local: a spec beside its model, added here, and a function that reads it with
`read_book(path, SPEC)` and turns the `Table`'s rows into that model; the tests of every kind (it reads; a missing
required column, a column twice, a missing sheet are refused naming header, file and sheet) then cover it too.
"""

from __future__ import annotations

from parindex.common.tables import WorkbookSpec
from parindex.criteria.sheet import CRITERIA_SHEET
from parindex.evidence.model import EVIDENCE_WORKBOOK, PUBLISHED_RANKING, SURVEY_TABLE, UNIT_LIST

SHEET_KINDS: dict[str, WorkbookSpec] = {spec.kind: spec for spec in (
    EVIDENCE_WORKBOOK, CRITERIA_SHEET, SURVEY_TABLE, UNIT_LIST, PUBLISHED_RANKING,
)}
