"""The ranking an office publishes (pure): units ranked within their block, graded, compared with last year.

Built once from the units' totals; every renderer (screen, JSON, CSV, Markdown, xlsx, the Word annex) reads this
model, so every format shows the same rows and columns (README: "The ranking").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from parindex.common.errors import ParindexError
from parindex.common.i18n import fmt_plain, t
from parindex.common.messages import Message
from parindex.common.unit_names import likely_spellings, name_key
from parindex.evidence.model import SurveyTable
from parindex.scoring.engine import UnitTotals, competition_ranks


class PreviousRow(NamedTuple):
    """One unit of last year's ranking, as an earlier `score --format json` (or a hand-written file) gives it."""

    unit: str
    rank: int
    score: Decimal | None = None
    percent: Decimal | None = None
    block: str = ""
    file: str = ""
    where: str = ""  # its JSON path, `ket-qua-2025.json › $.ranking[3]`
    year: str = ""  # the year it ranked, where the file says (a table's Năm, the JSON's units)


class RankRow(NamedTuple):
    block: str
    rank: int | None  # None: not ranked, a measurement missing (`UnitTotals.unranked` says which)
    unit: UnitTotals
    previous: PreviousRow | None = None

    @property
    def rank_change(self) -> int | None:
        """Places moved up since last year (negative: down; 0: kept); None for a unit new this year or unranked."""
        return None if self.previous is None or self.rank is None else self.previous.rank - self.rank

    @property
    def band(self) -> str | None:
        return None if self.rank is None else self.unit.band

    @property
    def figures(self) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
        """Score, max and % the rank is decided on; none for a unit left unranked: its figure would stand on a
        smaller maximum, as if a missing measurement did not apply."""
        if self.rank is None:
            return None, None, None
        return self.unit.rank_score, self.unit.rank_max, self.unit.rank_percent

    def notes(self) -> list[str]:
        """Ghi chú: what a reader must know before comparing this unit's figure with others'."""
        unit, notes = self.unit, [unranked_note(self.unit.unranked)] if self.unit.unranked else []
        if unit.errors:
            notes.append(t("ui.rank.note_errors", n=unit.errors))
        if unit.estimated_max and self.rank is not None:
            notes.append(t("ui.rank.note_estimates", points=fmt_plain(unit.estimated),
                           max=fmt_plain(unit.estimated_max)))
        if unit.full_max and unit.max < unit.full_max and self.rank is not None:
            notes.append(t("ui.rank.note_reduced", max=fmt_plain(unit.max), full=fmt_plain(unit.full_max)))
        return notes


@dataclass(frozen=True)
class Block:
    name: str
    rows: list[RankRow]
    gone: list[PreviousRow] = field(default_factory=list)  # in last year's ranking, not in this run


@dataclass(frozen=True)
class Ranking:
    blocks: list[Block]
    areas: list[tuple[str, str]]  # (code, name) of the areas every row shows a % for
    notes: list[str]  # about the whole ranking: survey from the province's table, estimates left out…
    warnings: list[Message] = field(default_factory=list)
    compared: bool = False  # a previous ranking was given
    banners: list[Message] = field(default_factory=list)  # each criteria set's reconstructed/provisional warning

    @property
    def rows(self) -> list[RankRow]:
        return [row for block in self.blocks for row in block.rows]

    @property
    def years(self) -> str:
        """The years its units were scored for, as a title says them: `2025`, `2024–2025`; "" when none says."""
        return "–".join(sorted({row.unit.year for row in self.rows if row.unit.year}))

    @property
    def graded(self) -> bool:
        return any(row.unit.bands for row in self.rows)


def unranked_note(reasons: Sequence[Message]) -> str:
    """Ghi chú of a unit left unranked: which measurement is missing (its row of the survey table, or cells)."""
    blank = [reason.where or "" for reason in reasons if reason.code == "PS590"]
    if len(blank) < len(reasons):  # no row at all
        return t("ui.rank.note_no_survey_row")
    return t("ui.rank.note_blank_survey", cells=", ".join(blank))


def block_key(name: str) -> str:
    """Block names compared as unit names are: `Phường`, `phuong`, ` PHƯỜNG ` are one block."""
    return name_key(name, "block")


def rank_of(units: Sequence[UnitTotals]) -> list[int]:
    """Competition ranks on the % each unit is ranked on (its own survey estimates left out): 1, 2, 2, 4."""
    return competition_ranks([u.rank_percent if u.rank_percent is not None else Decimal(-1) for u in units])


class Group(NamedTuple):
    """Units ranked together: one block, or several joined by --together (`keys`: their blocks' keys)."""

    name: str
    keys: frozenset[str]
    units: list[UnitTotals]


class UnknownBlock(KeyError):
    """A --together name that is no block of the run (a KeyError, as a missing key is)."""


def split_blocks(text: str, known: Iterable[str]) -> list[str]:
    """`Phường,Xã, đặc khu` → [`Phường`, `Xã, đặc khu`]: split at commas, but a block whose own name holds a comma
    (Hải Phòng's `Xã, đặc khu`) is kept whole, the longest known name first. A part that is no known block:
    UnknownBlock(part)."""
    keys = {block_key(name) for name in known}
    parts = [part.strip() for part in text.split(",") if part.strip()]
    found: list[str] = []
    start = 0
    while start < len(parts):
        end = next((end for end in range(len(parts), start, -1) if block_key(", ".join(parts[start:end])) in keys),
                   None)
        if end is None:
            raise UnknownBlock(parts[start])
        found.append(", ".join(parts[start:end]))
        start = end
    return found


def group_blocks(units: Iterable[UnitTotals], together: Sequence[str] = ()) -> list[Group]:
    """Units by block, blocks in the order they first appear; each text of `together` (blocks separated by
    commas) makes one group named by its blocks joined. A name that is no block of the run: UnknownBlock(name)."""
    by_key: dict[str, list[UnitTotals]] = {}
    names: dict[str, str] = {}
    for unit in units:
        key = block_key(unit.block)
        by_key.setdefault(key, []).append(unit)
        names.setdefault(key, unit.block)
    head: dict[str, str] = {}  # a block's key → the key of the first block of its group
    for text in together:
        keys = [block_key(name) for name in split_blocks(text, names.values())]
        for key in keys:
            head[key] = keys[0]
    groups: dict[str, Group] = {}
    for key, members in by_key.items():
        first = head.get(key, key)
        if first not in groups:
            keys_of = frozenset(k for k in by_key if head.get(k, k) == first)
            groups[first] = Group(", ".join(names[k] for k in by_key if k in keys_of), keys_of, [])
        groups[first].units.extend(members)
    return list(groups.values())


def build_ranking(units: list[UnitTotals], together: Sequence[str] = (),
                  previous: Sequence[PreviousRow] | None = None, surveys: Sequence[SurveyTable] = ()) -> Ranking:
    """Each block (or group of --together) ranked on its own; with `previous`, each unit beside last year's
    rank, and last year's units that are gone. A unit a measurement is missing for (`UnitTotals.unranked`) is
    listed after the ranked ones without a rank; `surveys` (the tables given) offer it their unmatched rows."""
    blocks = []
    groups = group_blocks(units, together)
    known = list(previous or ())
    _refuse_not_earlier(known, units)
    defaults = _default_blocks(groups, known)
    for group in groups:
        ranked = [unit for unit in group.units if not unit.unranked]
        ordered: list[tuple[int | None, UnitTotals]] = sorted(
            zip(rank_of(ranked), ranked, strict=True), key=lambda pair: (pair[0], pair[1].unit))
        ordered += sorted(((None, unit) for unit in group.units if unit.unranked), key=lambda pair: pair[1].unit)
        candidates = [row for row in known if block_key(row.block or defaults.get(row.file, "")) in group.keys]
        rows, used = _compare(group.name, ordered, candidates)
        used_ids = {id(row) for row in used}
        blocks.append(Block(group.name, rows, [row for row in candidates if id(row) not in used_ids]))
    warnings = [*survey_warnings(units, surveys),
                *(Message("PS574", {"path": file}) for file in sorted({row.file for row in known})
                  if file not in defaults and not any(row.block for row in known if row.file == file))]
    banners = list({banner.text(): banner for u in units if (banner := u.banner) is not None}.values())
    return Ranking(blocks, shared_areas(units), _notes(units, bool(surveys)), warnings, previous is not None,
                   banners)


def survey_warnings(units: Sequence[UnitTotals], surveys: Sequence[SurveyTable]) -> list[Message]:
    """PS548 for each unit without its row in the survey tables: the tables' rows no unit of the run matched that
    it may be meant by, the closest names first (a misspelt name). Unmatched rows alone are no warning: a table may
    hold a whole province's units, and a run may score only some of them."""
    lacking = [unit for unit in units if any(reason.code == "PS547" for reason in unit.unranked)]
    if not lacking:
        return []
    seen = {name_key(unit.unit, unit.level) for unit in units}
    warnings = []
    for unit in lacking:
        rows = {row.unit: f"{row.unit} ({table.path} › {row.ref})" for table in surveys for row in table.rows
                if name_key(row.unit, unit.level) not in seen}
        shown = [rows[name] for name in likely_spellings(unit.unit, rows, unit.level)] or ["–"]
        warnings.append(Message("PS548", {"unit": unit.unit, "closest": ", ".join(shown)}, unit.source))
    return warnings


def shared_areas(units: Sequence[UnitTotals]) -> list[tuple[str, str]]:
    """The areas every unit's set has, by code and name: a column "LV3 %" must mean one area for every row
    (a department set and a commune set may number their areas differently)."""
    if not units:
        return []
    common = set.intersection(*({(a.code, a.name) for a in unit.areas} for unit in units))
    return [(a.code, a.name) for a in units[0].areas if (a.code, a.name) in common]


def _refuse_not_earlier(previous: list[PreviousRow], units: list[UnitTotals]) -> None:
    """Last year's ranking must rank an earlier year than this run: this year's own file given as last year's made
    every change '=' without a word (PS578)."""
    years = [int(unit.year) for unit in units if unit.year.isdigit()]
    if not years:
        return
    for row in previous:
        if row.year.isdigit() and int(row.year) >= min(years):
            raise ParindexError("PS578", where=row.where, path=row.file, year=row.year, this=str(min(years)))


def _default_blocks(groups: list[Group], previous: list[PreviousRow]) -> dict[str, str]:
    """The block of a previous file whose rows name none: the block most of its units are found in this year."""
    found: dict[str, Counter[str]] = {}
    unnamed = [row for row in previous if not row.block]
    for group in groups:
        for unit in group.units:
            key = name_key(unit.unit, unit.level)
            for row in unnamed:
                if name_key(row.unit, unit.level) == key:
                    found.setdefault(row.file, Counter())[block_key(unit.block)] += 1
    return {file: counts.most_common(1)[0][0] for file, counts in found.items()}


def _compare(block: str, ordered: list[tuple[int | None, UnitTotals]],
             candidates: list[PreviousRow]) -> tuple[list[RankRow], list[PreviousRow]]:
    by_name: dict[str, PreviousRow] = {}
    for row in candidates:
        by_name.setdefault(name_key(row.unit, ordered[0][1].level if ordered else "commune"), row)
    rows, used = [], []
    for rank, unit in ordered:
        before = by_name.get(name_key(unit.unit, unit.level))
        if before is not None:
            used.append(before)
        rows.append(RankRow(block, rank, unit, before))
    return rows, used


def _notes(units: list[UnitTotals], table_given: bool = False) -> list[str]:
    """What every ranking says about the survey: from the province's table, and/or units' own estimates left out
    (and, when no table was given, how to give one)."""
    notes = []
    if any(u.surveyed for u in units):
        notes.append(t("ui.score.rank_surveyed"))
    estimating = sum(1 for u in units if u.estimated_max and not u.unranked)
    if estimating:
        notes.append(t("ui.score.rank_estimates", units=estimating)
                     + ("" if table_given else " " + t("ui.score.rank_use_survey")))
    return notes


def change_words(row: RankRow, compared: bool) -> str:
    """`▲ 3`, `▼ 2`, `=`, or `mới` (new this year); empty when no previous ranking was given."""
    if not compared or row.rank is None:
        return ""
    change = row.rank_change
    if change is None:
        return t("ui.rank.new")
    if change == 0:
        return "="
    return f"▲ {change}" if change > 0 else f"▼ {-change}"
