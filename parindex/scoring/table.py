"""Score results as rich tables: what an officer reads on screen after `parindex score`."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Collection, Sequence
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from rich.console import Console, Group, JustifyMethod, RenderableType
from rich.table import Table
from rich.text import Text

from parindex.common.i18n import fmt_num, t
from parindex.criteria.provenance import provenance_banner
from parindex.io.screen import NATURAL_WIDTH, fitted, literal, narrow_note, quoted, shed, two_lines
from parindex.scoring.engine import UnitScore, biggest_losses
from parindex.scoring.ranking import Block, Ranking
from parindex.scoring.reports import (
    Column,
    TextReport,
    delta,
    headline,
    no_ranking,
    ranking_cells,
    ranking_columns,
    ranking_footnotes,
    shown_number,
    total_parts,
)

if TYPE_CHECKING:
    from parindex.scoring.run_plan import RunSummary

MAX_WARNINGS_SHOWN = 25


def bar(pct: Decimal | None, width: int = 20) -> str:
    if pct is None:
        return ""
    filled = int((pct * width / 100).to_integral_value())
    return "█" * filled + "░" * (width - filled)


def unit_report(unit: UnitScore, width: int = NATURAL_WIDTH) -> RenderableType:
    """One unit's tables and lines, laid out for `width` cells."""
    line = partial(fitted, width=width)
    parts: list[RenderableType] = [
        line(f"{unit.unit} — {t('ui.score.year')} {unit.year or '?'} — {t('ui.score.set')} {unit.criteria.id}",
             whole=[unit.unit], style="bold"),
    ]
    banner = provenance_banner(unit.criteria)
    if banner:
        parts.append(line(banner.text(), style="yellow"))
    parts.append(line(headline(unit), style="bold"))
    parts += [components_table(unit), *areas_table(unit, width), areas_ranked_table(unit), losses_table(unit)]
    if unit.differences():
        parts.append(differences_table(unit))
    estimated = sum(1 for s in unit.items if s.status == "estimated")
    if estimated:
        parts.append(line(t("ui.score.estimated_note", n=estimated), style="yellow"))
    parts.append(line(t("ui.score.max_note"), style="dim"))
    parts += notices(unit, width)
    return Group(*parts)


def components_table(unit: UnitScore) -> Table:
    table = Table(title=t("ui.score.components"), title_justify="left")
    columns: tuple[tuple[str, JustifyMethod], ...] = (("component", "left"), ("points", "right"), ("max", "right"),
                                                      ("full_max", "right"))
    for key, justify in columns:
        table.add_column(t(f"ui.score.{key}"), justify=justify)
    for comp in unit.components:
        shown = fmt_num(comp.score) if comp.max else f"– ({t('ui.score.not_self_scored')})"
        table.add_row(literal(comp.name), shown, fmt_num(comp.max), fmt_num(comp.full_max))
    for label, points, note in total_parts(unit)[1:]:  # bonus and penalty: outside the max
        table.add_row(literal(f"{label} ({note})"), fmt_num(points), "", "")
    table.add_row(Text(t("ui.score.sum"), style="bold"), fmt_num(unit.score), fmt_num(unit.max),
                  fmt_num(unit.criteria.max), style="bold")
    return table


def differences_table(unit: UnitScore) -> Table:
    """The items to explain or contest: appraised points that differ from the unit's own."""
    table = Table(title=t("ui.score.differences"), title_justify="left")
    table.add_column(t("ui.score.code"))
    table.add_column(t("ui.score.item"), overflow="fold", ratio=2)
    for key in ("own", "appraised", "delta"):
        table.add_column(t(f"ui.score.{key}"), justify="right")
    for s in unit.differences():
        table.add_row(s.item.code, literal(s.item.name), fmt_num(s.own), fmt_num(s.appraised), fmt_num(delta(s)))
    return table


def areas_table(unit: UnitScore, width: int = NATURAL_WIDTH) -> list[RenderableType]:
    """The areas' points; on a terminal too narrow for it, without the bar (and a line that says so)."""
    table, hidden = shed(partial(_areas_table, unit), ["bar"], width)
    return [table, *narrow_note([t("ui.score.bar")] if hidden else [], width)]


def _areas_table(unit: UnitScore, hidden: Collection[str]) -> Table:
    table = Table(title=t("ui.score.areas"), title_justify="left")
    table.add_column(t("ui.score.code"))
    table.add_column(t("ui.score.area"), overflow="fold")
    for key in ("points", "max"):
        table.add_column(t(f"ui.score.{key}"), justify="right", no_wrap=True)
    table.add_column("%", justify="right", no_wrap=True)
    if "bar" not in hidden:
        table.add_column(t("ui.score.bar"), no_wrap=True)
    shown = len(table.columns)  # each row's cells, the bar's cut when it is left out
    for area in unit.areas:
        table.add_row(*[area.code, literal(area.name), fmt_num(area.score), fmt_num(area.max),
                        fmt_num(area.percent, 1), bar(area.percent)][:shown])
    for label, points, note in total_parts(unit):
        table.add_row(*["", literal(f"{label} ({note})" if note else label), fmt_num(points), "", "", ""][:shown])
    total: list[RenderableType] = ["", Text(t("ui.score.sum"), style="bold"), fmt_num(unit.score), fmt_num(unit.max),
                                   fmt_num(unit.percent, 1), bar(unit.percent)]
    table.add_row(*total[:shown], style="bold")
    return table


def areas_ranked_table(unit: UnitScore) -> Table:
    table = Table(title=t("ui.score.areas_ranked"), title_justify="left")
    table.add_column(t("ui.score.rank"), justify="right")
    table.add_column(t("ui.score.code"))
    table.add_column(t("ui.score.area"), overflow="fold", ratio=1)
    table.add_column("%", justify="right")
    for area in sorted(unit.areas, key=lambda a: (a.rank or 0, a.code)):
        table.add_row(str(area.rank), area.code, literal(area.name), fmt_num(area.percent, 1))
    return table


def losses_table(unit: UnitScore) -> Table:
    table = Table(title=t("ui.score.losses"), title_justify="left")
    table.add_column(t("ui.score.code"))
    table.add_column(t("ui.score.item"), overflow="fold", ratio=2)
    table.add_column(t("ui.score.lost"), justify="right")
    table.add_column(t("ui.score.status"))
    table.add_column(t("ui.score.lead"), overflow="fold", ratio=1)
    for s in biggest_losses(unit):
        table.add_row(s.item.code, literal(s.item.name), fmt_num(s.lost), t(f"status.{s.status}"),
                      literal(s.lead or ""))
    return table


def notices(unit: UnitScore, width: int = NATURAL_WIDTH) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for title_key, style, entries in (("ui.score.errors", "red", unit.errors),
                                      ("ui.score.warnings", "yellow", unit.warnings)):
        if not entries:
            continue
        parts.append(Text(f"{t(title_key)} ({len(entries)})", style=f"bold {style}"))
        for notice in entries[:MAX_WARNINGS_SHOWN]:
            parts.append(fitted(f"  {notice.line()}", width, quoted(notice), style))
        if len(entries) > MAX_WARNINGS_SHOWN:
            parts.append(Text("  " + t("ui.score.more_warnings", n=len(entries) - MAX_WARNINGS_SHOWN), style="dim"))
    return parts


# The ranking's columns a terminal too narrow for them all leaves out, least useful first: each area's % (all of
# them), last year's score (the change and last year's rank say the most), the maximum, the grade, the notes.
RANKING_SHED = ("area", "previous_score", "max", "band", "notes", "change", "previous_rank")
NOTES_MIN_WIDTH = 24  # narrower, a unit's notes would run down a dozen lines: the column goes first


def ranking_tables(ranking: Ranking, width: int = NATURAL_WIDTH) -> RenderableType:
    """One table per block, the columns of every format but the block (in each table's title) and a grade or
    change column nobody could fill; on a terminal too narrow for them all, the least useful left out, said below
    the tables."""
    columns = ranking_columns(ranking)
    never = {"block"} | ({"band"} if not ranking.graded else set()) | (set() if ranking.compared else {"change"})
    sheddable = [key for key in RANKING_SHED if key not in never and any(c.key == key for c in columns)]
    tables: list[RenderableType] = []
    hidden: set[str] = set()
    for block in ranking.blocks:
        table, left_out = shed(partial(_ranking_table, ranking, block, columns, never), sheddable, width)
        tables.append(table)
        hidden.update(left_out)
    whole = quoted(*ranking.banners, *ranking.warnings)
    lines = [fitted(line, width, whole, style="dim") for line in ranking_footnotes(ranking)]
    labels = [_shed_label(columns, key) for key in RANKING_SHED if key in hidden]
    return Group(*tables, *lines, *narrow_note(labels, width))


def _ranking_table(ranking: Ranking, block: Block, columns: Sequence[Column], never: Collection[str],
                   hidden: Collection[str]) -> Table:
    shown = [i for i, column in enumerate(columns) if column.key not in never and column.key not in hidden]
    names = [row.unit.unit for row in block.rows]
    notes = max((len("; ".join(row.notes())) for row in block.rows), default=0)
    minimum = {"unit": two_lines(names), "notes": min(notes, NOTES_MIN_WIDTH)}
    table = Table(title=f"{t('ui.score.ranking')} — {t('ui.rank.block')} {literal(block.name)}", title_justify="left")
    for i in shown:
        column = columns[i]
        table.add_column(column.header, justify="right" if column.numeric else "left", overflow="fold",
                         min_width=minimum.get(column.key), no_wrap=column.key in ("score", "max", "percent"),
                         max_width=None if column.key in ("unit", "notes") else 9)  # headers wrap
    for n, row in enumerate(block.rows, start=1):
        cells = [str(c) for c in ranking_cells(ranking, row, n, shown_number)]
        table.add_row(*[literal(cells[i]) for i in shown], style="yellow" if row.unit.errors else None)
    return table


def _shed_label(columns: Sequence[Column], key: str) -> str:
    """A column left out, as its header says; each area's % as the first and last of them."""
    headers = [column.header for column in columns if column.key == key]
    return headers[0] if len(headers) == 1 else f"{headers[0]} … {headers[-1]}"


def problem_line(unit: UnitScore) -> str:
    """One line of counts for a unit with problems; empty for a unit without any."""
    statuses: Counter[str] = Counter(s.status for s in unit.items)
    counts = {"errors": len(unit.errors), "warnings": len(unit.warnings),
              **{key: statuses[key] for key in ("invalid", "missing", "estimated")}}
    shown = [t(f"ui.rank.count_{key}", n=n) for key, n in counts.items() if n]
    return f"  {unit.unit}: {', '.join(shown)}\n" if shown else ""


# --- the tables as text: rendered where the unit was scored (a worker process), so the look is passed in ---

class Look(NamedTuple):
    """The width and colours of the screen or file the tables go to."""

    width: int
    color_system: str | None = None  # None: plain text


def rendered(renderable: RenderableType, look: Look) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=look.width,
                      color_system=look.color_system,  # type: ignore[arg-type]  # a name rich gave (typed str)
                      force_terminal=look.color_system is not None, highlight=False, legacy_windows=False)
    console.print(renderable)
    return buffer.getvalue()


def unit_text(unit: UnitScore, look: Look) -> str:
    return rendered(unit_report(unit, look.width), look) + "\n"


def ranking_tail(ranking: Ranking, look: Look, brief: bool = False) -> list[str]:
    """The ranking as a report's tail (`reports.TextReport`): its tables, drawn whole."""
    return [ranking_text(ranking, look, brief)]


def ranking_text(ranking: Ranking, look: Look, brief: bool = False) -> str:
    text = rendered(ranking_tables(ranking, look.width), look)
    if brief:  # the lines of units with problems follow
        text += rendered(fitted(t("ui.rank.details_hint"), look.width, style="dim"), look)
    return text


def run_text(summary: RunSummary | None, look: Look) -> str:
    """The run's summary: a title and a line for each of its inputs."""
    if summary is None:
        return ""
    paths = [found.path for found in (*summary.surveys, *summary.previous)]
    lines = [fitted(t("ui.run.title"), look.width, style="bold"),
             *(fitted(f"  {line}", look.width, paths, style="dim") for line in summary.lines())]
    return rendered(Group(*lines), look) + "\n"


def table_report(many: bool, look: Look, details: bool = True) -> TextReport:
    """The report as tables: one unit's tables; for several, each unit's tables and then the ranking per block —
    or, without `details`, the ranking first and then one line of counts per unit with problems."""
    opening = partial(run_text, look=look) if many else None
    if many and not details:
        return TextReport(problem_line, tail=partial(ranking_tail, look=look, brief=True), parts_last=True,
                          opening=opening)
    return TextReport(partial(unit_text, look=look),
                      tail=partial(ranking_tail, look=look) if many else no_ranking, opening=opening)
