"""One run (pure): the run's workbooks as their Thông tin says, matched to the survey tables' rows and to last
year's units, and checked to belong together — before anything is scored (docs/architecture.md, "One run").

`scoring.runs.read_entries` reads each workbook's Thông tin into an `Entry`; `plan_run` takes those, the survey
tables and last year's rows, refuses what does not fit at all (exit 2, naming the files), names what partly does
not fit (the run's warnings) and says what went in (`RunSummary`, which every many-unit output opens with). Each
workbook is then scored with the row the plan found for it (`RunPlan.survey_of`), and ranked by `RunPlan.rank`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from parindex.common.errors import ParindexError
from parindex.common.i18n import t
from parindex.common.messages import Message
from parindex.common.unit_names import likely_spellings, name_key
from parindex.criteria.model import CriteriaSet
from parindex.evidence.model import SurveyRow, SurveyTable
from parindex.scoring.engine import UnitTotals
from parindex.scoring.ranking import (
    Group,
    PreviousRow,
    Ranking,
    UnknownBlock,
    block_key,
    build_ranking,
    group_blocks,
    last_year,
)


class Entry(NamedTuple):
    """A workbook of the run before it is scored: who it is (`engine.identity`) and the set it is read with."""

    source: str  # the workbook's path, as given
    unit: str
    level: str
    year: str
    block: str
    part_of: str
    cset: CriteriaSet
    cells: dict[str, str]  # Thông tin's cell of each key (`Thông tin!B5`), to say where

    def at(self, key: str) -> str:
        """`so-003.xlsx › Thông tin!B5`, or the file when the cell is not known."""
        cell = self.cells.get(key)
        return f"{self.source} › {cell}" if cell else self.source


class SurveyMatch(NamedTuple):
    """A unit's row of the province's survey tables; `row` None when no table has one (PS547)."""

    tables: str  # every table given, as a unit without its row is told
    table: str = ""  # the table that has its row
    row: SurveyRow | None = None


class SurveyTables:
    """The run's survey tables, each row's name compared once; `row_of` is the one lookup of a unit's row."""

    def __init__(self, tables: Sequence[SurveyTable]) -> None:
        self.tables = list(tables)
        self.used: set[int] = set()  # ids of the rows some unit matched

    def row_of(self, cset: CriteriaSet, unit: str, level: str) -> SurveyMatch:
        """The unit's row in the first table that has one, its name compared as `gap` compares names. The table's
        columns must be measured items of the unit's set (PS546), and hold one row for the unit (PS545)."""
        tables = ", ".join(table.path for table in self.tables)
        for table in self.tables:
            rows = table.rows_named(unit, level)
            if not rows:
                continue
            items = cset.item_by_code()
            for code in table.codes:
                if code not in items or not items[code].is_survey:
                    raise ParindexError("PS546", where=f"{table.path} › {table.code_refs.get(code, '')}", code=code,
                                        set_id=cset.id)
            if len(rows) > 1:
                raise ParindexError("PS545", where=f"{table.path} › {rows[1].ref}", unit=unit, first=rows[0].ref,
                                    second=rows[1].ref)
            self.used.add(id(rows[0]))
            return SurveyMatch(tables, table.path, rows[0])
        return SurveyMatch(tables)


class Matched(NamedTuple):
    """How much of one input file matches the run's units: `matched` of its `total` rows (units)."""

    path: str
    matched: int
    total: int


class RunSummary(NamedTuple):
    """What went into the run: the first lines of every many-unit output, and the JSON's `run`."""

    sets: list[tuple[str, str]]  # (id, fingerprint) of each set the units were scored with
    years: list[str]
    blocks: list[tuple[str, int]]  # each block as the workbooks name it, and its units
    surveys: list[Matched]  # each survey table: its rows some unit matched
    previous: list[Matched]  # each file of last year's results: its units found this year

    def lines(self) -> list[str]:
        """The summary in the reader's language, one line each."""
        lines = [t("ui.run.sets", sets="; ".join(t("ui.run.set", id=id_, fingerprint=fingerprint)
                                                  for id_, fingerprint in self.sets)),
                 t("ui.run.year", years=", ".join(self.years) or "–"),
                 t("ui.run.blocks", blocks="; ".join(f"{block}: {n}" for block, n in self.blocks))]
        lines += [t("ui.run.survey", path=m.path, matched=m.matched, rows=m.total) for m in self.surveys] or [
            t("ui.run.no_survey")]
        lines += [t("ui.run.previous", path=m.path, matched=m.matched, units=m.total) for m in self.previous] or [
            t("ui.run.no_previous")]
        return lines


@dataclass(frozen=True)
class RunPlan:
    """The run as checked, kept while its units are scored: what ranking them needs, not the workbooks' entries."""

    summary: RunSummary
    together: tuple[str, ...] = ()
    previous: tuple[PreviousRow, ...] | None = None  # None: no --previous
    surveys: dict[str, SurveyMatch] = field(default_factory=dict)  # by workbook; empty: no --survey
    warnings: list[Message] = field(default_factory=list)  # what partly does not fit

    def survey_of(self, source: str) -> SurveyMatch | None:
        """The workbook's row of the survey tables (None: no table was given)."""
        return self.surveys.get(source)

    def rank(self, totals: list[UnitTotals]) -> Ranking:
        """The units ranked as the plan groups them, compared with last year, opened by the summary."""
        ranking = build_ranking(totals, self.together, self.previous, table_given=bool(self.surveys))
        return replace(ranking, warnings=[*self.warnings, *ranking.warnings], summary=self.summary)


def plan_run(entries: Sequence[Entry], surveys: Sequence[SurveyTable] = (),
             previous: Sequence[PreviousRow] | None = None, together: Sequence[str] = ()) -> RunPlan:
    """The run, checked: one workbook per unit (PS526, PS527), one year (PS580), --together's blocks (PC731), each
    survey table (PS581) and each file of last year's results (PS574, PS578) matching some unit. Warned: a unit
    without its survey row, offered the rows it may be meant by (PS548), a unit alone in a block beside a block of
    its level (PS582)."""

    entries = list(entries)
    _refuse_second_workbook(entries)
    _refuse_other_years(entries)
    try:
        groups = group_blocks(entries, together)
    except UnknownBlock as missing:
        raise ParindexError("PC731", name=missing.args[0], blocks=_blocks(entries, counts=False)) from None
    tables = SurveyTables(surveys)
    matches = {entry.source: tables.row_of(entry.cset, entry.unit, entry.level) for entry in entries} if surveys \
        else {}
    warnings = [*_unmatched_rows(tables, entries, matches), *_lone_units(groups)]
    found = _previous_found(groups, previous or (), entries)
    summary = RunSummary(list(dict.fromkeys((e.cset.id, e.cset.fingerprint()) for e in entries)),
                         list(dict.fromkeys(e.year for e in entries if e.year)),
                         _per_block(entries),
                         [Matched(table.path, sum(1 for row in table.rows if id(row) in tables.used), len(table.rows))
                          for table in surveys],
                         found)
    return RunPlan(summary, tuple(together), None if previous is None else tuple(previous), matches,
                   warnings)


def _per_block(entries: list[Entry]) -> list[tuple[str, int]]:
    """Each block as its first workbook names it (`Phường`, ` phường ` are one), and its units."""
    counts: dict[str, tuple[str, int]] = {}
    for entry in entries:
        name, n = counts.get(block_key(entry.block), (entry.block, 0))
        counts[block_key(entry.block)] = (name, n + 1)
    return list(counts.values())


def _refuse_second_workbook(entries: list[Entry]) -> None:
    """PS526 for two workbooks of one unit (names compared as `gap` compares them: a copy e-mailed twice,
    `so-tu-phap (1).xlsx`, must not be ranked against itself); PS527 when they are lead agencies' parts, which
    `merge` assembles."""
    seen: dict[str, Entry] = {}
    for entry in entries:
        key = name_key(entry.unit, entry.level)
        first = seen.setdefault(key, entry)
        if first is not entry:
            code = "PS527" if first.part_of or entry.part_of else "PS526"
            raise ParindexError(code, unit=entry.unit, first=first.source, second=entry.source)


def _refuse_other_years(entries: list[Entry]) -> None:
    """PS580: one ranking holds one year's units (last year's workbook sent again would be ranked among them)."""
    by_year: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.year:
            by_year.setdefault(entry.year, []).append(entry)
    if len(by_year) < 2:
        return
    ordered = sorted(by_year.items(), key=lambda pair: len(pair[1]))  # the odd year first: it is what to look at
    shown = "; ".join(f"{year} ({len(found)}): " + ", ".join(entry.at("year") for entry in found[:3])
                      + (", …" if len(found) > 3 else "") for year, found in ordered)
    raise ParindexError("PS580", where=ordered[0][1][0].at("year"), years=shown)


def _blocks(entries: Iterable[Entry], counts: bool = True) -> str:
    """The run's blocks as a message names them: `Sở (14), Phường (45)`."""
    found = [entry.block for entry in entries]
    return ", ".join(f"{block} ({found.count(block)})" if counts else block for block in dict.fromkeys(found))


def _unmatched_rows(tables: SurveyTables, entries: list[Entry], matches: dict[str, SurveyMatch]) -> list[Message]:
    """PS581 for a table none of whose rows is a unit of the run (another block's table). PS548 for each unit without
    its row (left unranked, PS547): the rows no unit matched that it may be meant by, closest first. Unmatched rows
    alone are no warning: a table may hold a whole province's units, and a run score only some of them."""
    left: dict[str, str] = {}  # a row no unit matched → how it is named to the reader
    for table in tables.tables:
        rows = [row for row in table.rows if id(row) not in tables.used]
        if table.rows and len(rows) == len(table.rows):
            raise ParindexError("PS581", where=table.path, path=table.path, blocks=_blocks(entries))
        left.update((row.unit, f"{row.unit} ({table.path} › {row.ref})") for row in rows)
    return [Message("PS548", {"unit": entry.unit, "closest": ", ".join(
                left[name] for name in likely_spellings(entry.unit, left, entry.level)) or "–"}, entry.source)
            for entry in entries
            if (match := matches.get(entry.source)) is not None and match.row is None
            and any(item.is_survey for _, item in entry.cset.items())]


def _lone_units(groups: list[Group[Entry]]) -> list[Message]:
    """PS582: a unit ranked 1 of 1 in a block of its own beside a block of units of its level — a workbook made
    without its block (`template --block`) is ranked so without a word."""
    warnings = []
    for group in groups:
        if len(group.units) != 1:
            continue
        lone = group.units[0]
        others = [other.name for other in groups if other is not group
                  and any(unit.level == lone.level for unit in other.units)]
        if others:
            warnings.append(Message("PS582", {"unit": lone.unit, "block": group.name, "others": ", ".join(others),
                                              "cell": lone.at("block")}, lone.source))
    return warnings


def _previous_found(groups: list[Group[Entry]], previous: Sequence[PreviousRow], entries: list[Entry]
                    ) -> list[Matched]:
    """Each file of last year's results and how many of its units are found this year, in the group they are
    compared in; a file none of whose units is found is refused (PS574), as is one that ranks this run's year or a
    later one (PS578)."""
    _refuse_not_earlier(previous, entries)
    found: set[int] = set()  # ids of last year's rows matched to a unit of this run
    for group, before in zip(groups, last_year(groups, previous), strict=True):
        names = {name_key(unit.unit, unit.level) for unit in group.units}
        level = group.units[0].level
        found.update(id(row) for row in before.rows if name_key(row.unit, level) in names)
    files = list(dict.fromkeys(row.file for row in previous))
    matched = [Matched(file, sum(1 for row in previous if row.file == file and id(row) in found),
                       sum(1 for row in previous if row.file == file)) for file in files]
    for file in matched:
        if not file.matched:
            raise ParindexError("PS574", where=file.path, path=file.path, blocks=_blocks(entries))
    return matched


def _refuse_not_earlier(previous: Sequence[PreviousRow], entries: list[Entry]) -> None:
    """Last year's ranking must rank an earlier year than this run: this year's own file given as last year's made
    every change '=' without a word (PS578)."""
    years = [int(entry.year) for entry in entries if entry.year.isdigit()]
    if not years:
        return
    for row in previous:
        if row.year.isdigit() and int(row.year) >= min(years):
            raise ParindexError("PS578", where=row.where, path=row.file, year=row.year, this=str(min(years)))
