"""The ranking an office publishes (pure): units ranked within their block, graded, compared with last year.

Built once from the units' totals; every renderer (screen, JSON, CSV, Markdown, xlsx, the Word annex) reads this
model, so every format shows the same rows and columns (README: "The ranking").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Generic, NamedTuple, Protocol, TypeVar

from parindex.common.i18n import fmt_plain, t
from parindex.common.messages import Message
from parindex.common.unit_names import name_key
from parindex.scoring.engine import UnitTotals, competition_ranks

if TYPE_CHECKING:
    from parindex.scoring.run_plan import RunSummary


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
    previous_rank: int | None = None  # last year's rank under this year's grouping; None: new, or not comparable

    @property
    def rank_change(self) -> int | None:
        """Places moved up since last year (negative: down; 0: kept); None for a unit new this year, or when last
        year's rank cannot be compared (the ranking's notes say why)."""
        return None if self.previous_rank is None or self.rank is None else self.previous_rank - self.rank

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
    warnings: list[Message] = field(default_factory=list)  # the run's (run_plan): what partly does not fit
    compared: bool = False  # a previous ranking was given
    banners: list[Message] = field(default_factory=list)  # each criteria set's reconstructed/provisional warning
    summary: RunSummary | None = None  # what went into the run (run_plan), which every many-unit output opens with

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


class Ranked(Protocol):
    """What grouping needs of a unit: a workbook's entry before scoring (run_plan.Entry), its totals after."""

    @property
    def unit(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def block(self) -> str: ...


U = TypeVar("U", bound=Ranked)


class Group(NamedTuple, Generic[U]):
    """Units ranked together: one block, or several joined by --together (`keys`: their blocks' keys)."""

    name: str
    keys: frozenset[str]
    units: list[U]


class UnknownBlock(KeyError):
    """A --together name that is no block of the run (a KeyError, as a missing key is)."""


class KnownBlocks(NamedTuple):
    """The blocks a run knows, folded once for every text split against them (`known_blocks`)."""

    keys: frozenset[str]
    longest: int  # words in the longest key: how far a run of comma-separated parts may reach


def known_blocks(names: Iterable[str]) -> KnownBlocks:
    keys = frozenset(block_key(name) for name in names)
    return KnownBlocks(keys, max((len(key.split()) for key in keys), default=0))


def split_blocks(text: str, known: KnownBlocks) -> list[str]:
    """`Phường,Xã, đặc khu` → [`Phường`, `Xã, đặc khu`]: split at commas, but a block whose own name holds a comma
    (Hải Phòng's `Xã, đặc khu`) is kept whole, the longest known name first.
    A part that is no known block: UnknownBlock(part).

    Linear in the parts: a run of parts is tried only as long as it has no more words than the longest known name
    (a part of punctuation alone adds none), so each part is folded a bounded number of times."""
    keys, longest = known
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


def group_blocks(units: Iterable[U], together: Sequence[str] = ()) -> list[Group[U]]:
    """Units by block, blocks in the order they first appear; each text of `together` (blocks separated by
    commas) makes one group named by its blocks joined. A name that is no block of the run: UnknownBlock(name)."""
    by_key: dict[str, list[U]] = {}
    names: dict[str, str] = {}
    for unit in units:
        key = block_key(unit.block)
        by_key.setdefault(key, []).append(unit)
        names.setdefault(key, unit.block)
    head: dict[str, str] = {}  # a block's key → the key of the first block of its group
    known = known_blocks(names.values())
    for text in together:
        keys = [block_key(name) for name in split_blocks(text, known)]
        for key in keys:
            head[key] = keys[0]
    members_of: dict[str, list[str]] = {}  # a group's first key → its blocks' keys, in the order they appear
    for key in by_key:
        members_of.setdefault(head.get(key, key), []).append(key)
    groups: dict[str, Group[U]] = {}
    for key, members in by_key.items():
        first = head.get(key, key)
        if first not in groups:
            keys_of = members_of[first]
            groups[first] = Group(", ".join(names[k] for k in keys_of), frozenset(keys_of), [])
        groups[first].units.extend(members)
    return list(groups.values())


# --- last year under this year's grouping -------------------------------------------------------------------------

class LastYear(NamedTuple):
    """Last year's rows of one group, and the rank each is compared on: as published where last year ranked the
    same blocks together, else recomputed from last year's scores; none where they cannot be (`why`)."""

    rows: list[PreviousRow]
    ranks: list[int | None]  # beside `rows`
    recomputed: bool = False
    why: str = ""  # why the ranks cannot be compared (a catalogue text), or ""


def last_year(groups: Sequence[Group[U]], previous: Sequence[PreviousRow]) -> list[LastYear]:
    """Each group's rows of last year's ranking (beside `groups`). A row belongs to the group holding the block(s)
    it was ranked in (its `block`, or the block most of its file's units are in this year), else to the group of
    this year's unit of its name; a row that is neither is in no group (nothing of this run matches it)."""
    known = known_blocks(name for group in groups for name in _names(group))
    defaults = _default_blocks(groups, previous)
    by_name = {name_key(unit.unit, unit.level): index for index, group in enumerate(groups) for unit in group.units}
    holding = {key: index for index, group in enumerate(groups) for key in group.keys}  # a block's key → its group
    level = next((unit.level for group in groups for unit in group.units), "commune")
    rows: list[list[PreviousRow]] = [[] for _ in groups]
    ranked_in: list[set[frozenset[str]]] = [set() for _ in groups]  # the blocks each row was ranked among
    went: dict[frozenset[str], set[int]] = {}  # last year's ranking → the groups its rows went to
    for row in previous:
        keys = _ranked_among(row.block or defaults.get(row.file, ""), known)
        owners = {holding.get(key) for key in keys}  # one group holding every block it names, or else by name
        index = owners.pop() if len(owners) == 1 and None not in owners else by_name.get(name_key(row.unit, level))
        if index is not None:
            rows[index].append(row)
            ranked_in[index].add(keys)
            went.setdefault(keys, set()).add(index)
    split = {keys for keys, indexes in went.items() if len(indexes) > 1}
    return [_comparable(group, found, among, split, known.keys)
            for group, found, among in zip(groups, rows, ranked_in, strict=True)]


def _names(group: Group[U]) -> list[str]:
    return list(dict.fromkeys(unit.block for unit in group.units))


def _ranked_among(block: str, known: KnownBlocks) -> frozenset[str]:
    """The keys of the blocks a row's block names (`Phường, Xã` when last year ranked them together); a name this
    run does not have (a block renamed since, or one not scored now) stands as its own key beside the known blocks
    it holds; none when the row names no block."""
    if not block:
        return frozenset()
    try:
        return frozenset(block_key(name) for name in split_blocks(block, known))
    except UnknownBlock:
        parts = [part.strip() for part in block.split(",") if part.strip()]
        runs = {block_key(", ".join(parts[start:end])) for start in range(len(parts))
                for end in range(start + 1, len(parts) + 1)}
        return frozenset({block_key(block)} | (known.keys & runs))


def _comparable(group: Group[U], rows: list[PreviousRow], ranked_in: set[frozenset[str]],
                split: set[frozenset[str]], known: frozenset[str]) -> LastYear:
    """Ranks as published when the group's rows are one whole ranking of last year; else (blocks ranked apart last
    year and together now, or together then and apart now) recomputed on last year's percent (or, where a table
    gives only points, its points) when every row has one and last year's rows cover each of the group's blocks."""
    if not rows or (len(ranked_in) == 1 and not ranked_in & split and _whole(group, next(iter(ranked_in)), known)):
        return LastYear(rows, [row.rank for row in rows])
    covered = frozenset().union(*ranked_in)
    missing = [name for name in _names(group) if block_key(name) not in covered] if covered <= known else []
    if missing:
        return LastYear(rows, [None] * len(rows), why=t("ui.rank.why_block_missing", blocks=", ".join(missing)))
    keys: list[Decimal | None] = [row.percent for row in rows]
    if any(key is None for key in keys):
        keys = [row.score for row in rows]
    if any(key is None for key in keys):
        lacking = sum(1 for row in rows if row.percent is None and row.score is None)
        return LastYear(rows, [None] * len(rows), why=t("ui.rank.why_no_scores", n=lacking))
    return LastYear(rows, list(competition_ranks([key for key in keys if key is not None])), recomputed=True)


def _whole(group: Group[U], ranked_among: frozenset[str], known: frozenset[str]) -> bool:
    """Last year ranked exactly the group's blocks together (a block renamed since stands for a group of one)."""
    return group.keys == ranked_among or (not ranked_among & known and len(group.keys) == 1)


def build_ranking(units: list[UnitTotals], together: Sequence[str] = (),
                  previous: Sequence[PreviousRow] | None = None, table_given: bool = False) -> Ranking:
    """Each block (or group of --together) ranked on its own; with `previous`, each unit beside last year's
    rank under this year's grouping, and last year's units that are gone. A unit a measurement is missing for
    (`UnitTotals.unranked`) is listed after the ranked ones without a rank; `table_given`: a survey table was."""
    blocks = []
    groups = group_blocks(units, together)
    notes = _notes(units, table_given)
    for group, before in zip(groups, last_year(groups, previous or ()), strict=True):
        ranked = [unit for unit in group.units if not unit.unranked]  # a measurement missing: listed after, no rank
        ordered: list[tuple[int | None, UnitTotals]] = sorted(
            zip(rank_of(ranked), ranked, strict=True), key=lambda pair: (pair[0], pair[1].unit))
        ordered += sorted(((None, unit) for unit in group.units if unit.unranked), key=lambda pair: pair[1].unit)
        rows, used = _compare(group.name, ordered, before)
        blocks.append(Block(group.name, rows, [row for row in before.rows if id(row) not in used]))
        if before.recomputed:
            notes.append(t("ui.rank.recomputed", blocks=group.name))
        elif before.why:
            notes.append(t("ui.rank.not_comparable", blocks=group.name, why=before.why))
    banners = list({banner.text(): banner for u in units if (banner := u.banner) is not None}.values())
    return Ranking(blocks, shared_areas(units), notes, [], previous is not None, banners)


def shared_areas(units: Sequence[UnitTotals]) -> list[tuple[str, str]]:
    """The areas every unit's set has, by code and name: a column "LV3 %" must mean one area for every row
    (a department set and a commune set may number their areas differently)."""
    if not units:
        return []
    common = {(a.code, a.name) for a in units[0].areas}
    for unit in units:  # one unit's areas at a time, not a set for every unit at once
        common.intersection_update((a.code, a.name) for a in unit.areas)
    return [(a.code, a.name) for a in units[0].areas if (a.code, a.name) in common]


def _default_blocks(groups: Sequence[Group[U]], previous: Sequence[PreviousRow]) -> dict[str, str]:
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
                found.setdefault(row.file, Counter())[unit.block] += 1
    return {file: counts.most_common(1)[0][0] for file, counts in found.items()}


def _compare(block: str, ordered: list[tuple[int | None, UnitTotals]],
             before: LastYear) -> tuple[list[RankRow], set[int]]:
    """Each unit's row beside its row of last year (by name), and the ids of last year's rows so matched."""
    by_name: dict[str, tuple[PreviousRow, int | None]] = {}
    for row, rank in zip(before.rows, before.ranks, strict=True):
        by_name.setdefault(name_key(row.unit, ordered[0][1].level if ordered else "commune"), (row, rank))
    rows, used = [], set()
    for rank, unit in ordered:
        before_row, was = by_name.get(name_key(unit.unit, unit.level), (None, None))
        if before_row is not None:
            used.add(id(before_row))
        rows.append(RankRow(block, rank, unit, before_row, was))
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
    """`▲ 3`, `▼ 2`, `=`, or `mới` (new this year); empty when no previous ranking was given, or when last year's
    rank cannot be compared under this year's grouping (the ranking's notes say why)."""
    if not compared or row.rank is None:
        return ""
    if row.previous is None:
        return t("ui.rank.new")
    change = row.rank_change
    if change is None:
        return ""
    if change == 0:
        return "="
    return f"▲ {change}" if change > 0 else f"▼ {-change}"
