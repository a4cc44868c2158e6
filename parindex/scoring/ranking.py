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
from parindex.common.unit_names import name_key
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
    rank: int
    unit: UnitTotals
    previous: PreviousRow | None = None

    @property
    def rank_change(self) -> int | None:
        """Places moved up since last year (negative: down; 0: kept); None for a unit new this year."""
        return None if self.previous is None else self.previous.rank - self.rank

    @property
    def band(self) -> str | None:
        return self.unit.band

    def notes(self) -> list[str]:
        """Ghi chú: what a reader must know before comparing this unit's figure with others'."""
        unit, notes = self.unit, []
        if unit.errors:
            notes.append(t("ui.rank.note_errors", n=unit.errors))
        if unit.estimated_max:
            notes.append(t("ui.rank.note_estimates", points=fmt_plain(unit.estimated),
                           max=fmt_plain(unit.estimated_max)))
        if unit.full_max and unit.max < unit.full_max:
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
    UnknownBlock(part).

    Linear in the parts: a run of parts is tried only as long as it has no more words than the longest known name
    (a part of punctuation alone adds none), so each part is folded a bounded number of times."""
    keys = {block_key(name) for name in known}
    longest = max((len(key.split()) for key in keys), default=0)
    parts = [part.strip() for part in text.split(",") if part.strip()]
    words = [len(block_key(part).split()) for part in parts]
    found: list[str] = []
    start = 0
    while start < len(parts):
        end, counted = start, 0
        while end < len(parts) and counted + words[end] <= max(longest, words[start]):
            counted += words[end]
            end += 1
        stop = next((stop for stop in range(end, start, -1) if block_key(", ".join(parts[start:stop])) in keys), None)
        if stop is None:
            raise UnknownBlock(parts[start])
        found.append(", ".join(parts[start:stop]))
        start = stop
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
    members_of: dict[str, list[str]] = {}  # a group's first key → its blocks' keys, in the order they appear
    for key in by_key:
        members_of.setdefault(head.get(key, key), []).append(key)
    groups: dict[str, Group] = {}
    for key, members in by_key.items():
        first = head.get(key, key)
        if first not in groups:
            keys_of = members_of[first]
            groups[first] = Group(", ".join(names[k] for k in keys_of), frozenset(keys_of), [])
        groups[first].units.extend(members)
    return list(groups.values())


def build_ranking(units: list[UnitTotals], together: Sequence[str] = (),
                  previous: Sequence[PreviousRow] | None = None) -> Ranking:
    """Each block (or group of --together) ranked on its own; with `previous`, each unit beside last year's
    rank, and last year's units that are gone."""
    blocks = []
    groups = group_blocks(units, together)
    known = list(previous or ())
    _refuse_not_earlier(known, units)
    defaults = _default_blocks(groups, known)
    in_block: dict[str, list[int]] = {}  # a block's key → its rows of last year, by their place in `known`
    for n, row in enumerate(known):
        in_block.setdefault(block_key(row.block or defaults.get(row.file, "")), []).append(n)
    for group in groups:
        ranks = rank_of(group.units)
        ordered = sorted(zip(ranks, group.units, strict=True), key=lambda pair: (pair[0], pair[1].unit))
        candidates = [known[n] for n in sorted(n for key in group.keys for n in in_block.get(key, ()))]
        rows, used = _compare(group.name, ordered, candidates)
        used_ids = {id(row) for row in used}
        blocks.append(Block(group.name, rows, [row for row in candidates if id(row) not in used_ids]))
    warnings = [Message("PS574", {"path": file}) for file in sorted({row.file for row in known})
                if file not in defaults and not any(row.block for row in known if row.file == file)]
    banners = list({banner.text(): banner for u in units if (banner := u.banner) is not None}.values())
    return Ranking(blocks, shared_areas(units), _notes(units), warnings, previous is not None, banners)


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
    unnamed: dict[tuple[str, str], list[PreviousRow]] = {}  # (level, name key) → rows: each name keyed once a level
    levels = {unit.level for group in groups for unit in group.units}
    for row in previous:
        if not row.block:
            for level in levels:
                unnamed.setdefault((level, name_key(row.unit, level)), []).append(row)
    for group in groups:
        for unit in group.units:
            for row in unnamed.get((unit.level, name_key(unit.unit, unit.level)), ()):
                found.setdefault(row.file, Counter())[block_key(unit.block)] += 1
    return {file: counts.most_common(1)[0][0] for file, counts in found.items()}


def _compare(block: str, ordered: list[tuple[int, UnitTotals]],
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


def _notes(units: list[UnitTotals]) -> list[str]:
    """What every ranking says about the survey: from the province's table, and/or units' own estimates left out."""
    notes = []
    if any(u.surveyed for u in units):
        notes.append(t("ui.score.rank_surveyed"))
    estimating = sum(1 for u in units if u.estimated_max)
    if estimating:
        notes.append(t("ui.score.rank_estimates", units=estimating))
    return notes


def change_words(row: RankRow, compared: bool) -> str:
    """`▲ 3`, `▼ 2`, `=`, or `mới` (new this year); empty when no previous ranking was given."""
    if not compared:
        return ""
    change = row.rank_change
    if change is None:
        return t("ui.rank.new")
    if change == 0:
        return "="
    return f"▲ {change}" if change > 0 else f"▼ {-change}"
