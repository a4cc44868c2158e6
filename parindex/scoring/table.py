"""Score results as rich tables: what an officer reads on screen after `parindex score`."""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from rich.console import Console, Group, JustifyMethod, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from parindex.common.i18n import fmt_num, t
from parindex.criteria.provenance import provenance_banner
from parindex.scoring.engine import UnitScore, biggest_losses
from parindex.scoring.ranking import Ranking
from parindex.scoring.reports import (
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

MAX_WARNINGS_SHOWN = 25


def bar(pct: Decimal | None, width: int = 20) -> str:
    if pct is None:
        return ""
    filled = int((pct * width / 100).to_integral_value())
    return "█" * filled + "░" * (width - filled)


def unit_report(unit: UnitScore) -> RenderableType:
    parts: list[RenderableType] = [
        Text(f"{unit.unit} — {t('ui.score.year')} {unit.year or '?'} — {t('ui.score.set')} {unit.criteria.id}",
             style="bold"),
    ]
    banner = provenance_banner(unit.criteria)
    if banner:
        parts.append(Text(banner.text(), style="yellow"))
    parts.append(Text(headline(unit), style="bold"))
    parts += [components_table(unit), areas_table(unit), areas_ranked_table(unit), losses_table(unit)]
    if unit.differences():
        parts.append(differences_table(unit))
    estimated = sum(1 for s in unit.items if s.status == "estimated")
    if estimated:
        parts.append(Text(t("ui.score.estimated_note", n=estimated), style="yellow"))
    parts.append(Text(t("ui.score.max_note"), style="dim"))
    parts += notices(unit)
    return Group(*parts)


def components_table(unit: UnitScore) -> Table:
    table = Table(title=t("ui.score.components"), title_justify="left")
    columns: tuple[tuple[str, JustifyMethod], ...] = (("component", "left"), ("points", "right"), ("max", "right"),
                                                      ("full_max", "right"))
    for key, justify in columns:
        table.add_column(t(f"ui.score.{key}"), justify=justify)
    for comp in unit.components:
        shown = fmt_num(comp.score) if comp.max else f"– ({t('ui.score.not_self_scored')})"
        table.add_row(escape(comp.name), shown, fmt_num(comp.max), fmt_num(comp.full_max))
    for label, points, note in total_parts(unit)[1:]:  # bonus and penalty: outside the max
        table.add_row(escape(f"{label} ({note})"), fmt_num(points), "", "")
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
        table.add_row(s.item.code, escape(s.item.name), fmt_num(s.own), fmt_num(s.appraised), fmt_num(delta(s)))
    return table


def areas_table(unit: UnitScore) -> Table:
    table = Table(title=t("ui.score.areas"), title_justify="left")
    table.add_column(t("ui.score.code"))
    table.add_column(t("ui.score.area"), overflow="fold", ratio=1)
    for key in ("points", "max"):
        table.add_column(t(f"ui.score.{key}"), justify="right")
    table.add_column("%", justify="right")
    table.add_column(t("ui.score.bar"), no_wrap=True)
    for area in unit.areas:
        table.add_row(area.code, escape(area.name), fmt_num(area.score), fmt_num(area.max),
                      fmt_num(area.percent, 1), bar(area.percent))
    for label, points, note in total_parts(unit):
        table.add_row("", escape(f"{label} ({note})" if note else label), fmt_num(points), "", "", "")
    table.add_row("", Text(t("ui.score.sum"), style="bold"), fmt_num(unit.score), fmt_num(unit.max),
                  fmt_num(unit.percent, 1), bar(unit.percent), style="bold")
    return table


def areas_ranked_table(unit: UnitScore) -> Table:
    table = Table(title=t("ui.score.areas_ranked"), title_justify="left")
    table.add_column(t("ui.score.rank"), justify="right")
    table.add_column(t("ui.score.code"))
    table.add_column(t("ui.score.area"), overflow="fold", ratio=1)
    table.add_column("%", justify="right")
    for area in sorted(unit.areas, key=lambda a: (a.rank or 0, a.code)):
        table.add_row(str(area.rank), area.code, escape(area.name), fmt_num(area.percent, 1))
    return table


def losses_table(unit: UnitScore) -> Table:
    table = Table(title=t("ui.score.losses"), title_justify="left")
    table.add_column(t("ui.score.code"))
    table.add_column(t("ui.score.item"), overflow="fold", ratio=2)
    table.add_column(t("ui.score.lost"), justify="right")
    table.add_column(t("ui.score.status"))
    table.add_column(t("ui.score.lead"), overflow="fold", ratio=1)
    for s in biggest_losses(unit):
        table.add_row(s.item.code, escape(s.item.name), fmt_num(s.lost), t(f"status.{s.status}"),
                      escape(s.lead or ""))
    return table


def notices(unit: UnitScore) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for title_key, style, entries in (("ui.score.errors", "red", unit.errors),
                                      ("ui.score.warnings", "yellow", unit.warnings)):
        if not entries:
            continue
        parts.append(Text(f"{t(title_key)} ({len(entries)})", style=f"bold {style}"))
        for notice in entries[:MAX_WARNINGS_SHOWN]:
            parts.append(Text(f"  {notice.line()}", style=style))
        if len(entries) > MAX_WARNINGS_SHOWN:
            parts.append(Text("  " + t("ui.score.more_warnings", n=len(entries) - MAX_WARNINGS_SHOWN), style="dim"))
    return parts


def ranking_tables(ranking: Ranking, width: int = 200) -> RenderableType:
    """One table per block, the columns of every format (each area's % where the terminal is wide enough)."""
    columns = ranking_columns(ranking)
    areas = len(ranking.areas)
    narrow = width < 110 + 8 * areas
    # the block is in each table's title; a grade or change column nobody could fill is left out on screen
    hidden = {"block"} | ({"band"} if not ranking.graded else set()) | ({"area"} if narrow else set())
    hidden |= set() if ranking.compared else {"change"}
    hidden |= {"previous_score"} if width < 160 else set()  # the change and last year's rank say the most
    shown = [i for i, column in enumerate(columns) if column.key not in hidden]
    tables: list[RenderableType] = []
    for block in ranking.blocks:
        table = Table(title=f"{t('ui.score.ranking')} — {t('ui.rank.block')} {escape(block.name)}",
                      title_justify="left")
        for i in shown:
            column = columns[i]
            table.add_column(column.header, justify="right" if column.numeric else "left", overflow="fold",
                             ratio={"unit": 2, "notes": 1}.get(column.key),
                             no_wrap=column.key in ("score", "max", "percent"),
                             max_width=None if column.key in ("unit", "notes") else 9)  # headers wrap
        for n, row in enumerate(block.rows, start=1):
            cells = [str(c) for c in ranking_cells(ranking, row, n, shown_number)]
            table.add_row(*[escape(cells[i]) for i in shown], style="yellow" if row.unit.errors else None)
        tables.append(table)
    footnotes = ranking_footnotes(ranking) + ([t("ui.score.narrow")] if narrow and areas else [])
    tables += [Text(escape(line), style="dim") for line in footnotes]
    return Group(*tables)




def problem_line(unit: UnitScore) -> str:
    """One line of counts for a unit with problems; empty for a unit without any."""
    statuses: Counter[str] = Counter(s.status for s in unit.items)
    counts = {"errors": len(unit.errors), "warnings": len(unit.warnings),
              **{key: statuses[key] for key in ("invalid", "missing", "estimated")}}
    shown = [t(f"ui.rank.count_{key}", n=n) for key, n in counts.items() if n]
    return f"  {unit.unit}: {', '.join(shown)}\n" if shown else ""


# --- the tables as text: rendered where the unit was scored (a worker process), so the look is passed in ---

@dataclass(frozen=True)
class Look:
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
    return rendered(unit_report(unit), look) + "\n"


def ranking_text(ranking: Ranking, look: Look, brief: bool = False) -> str:
    text = rendered(ranking_tables(ranking, look.width), look)
    if brief:  # the lines of units with problems follow
        text += rendered(Text(t("ui.rank.details_hint"), style="dim"), look)
    return text


def table_report(many: bool, look: Look, details: bool = True) -> TextReport:
    """The report as tables: one unit's tables; for several, each unit's tables and then the ranking per block —
    or, without `details`, the ranking first and then one line of counts per unit with problems."""
    if many and not details:
        return TextReport(problem_line, tail=partial(ranking_text, look=look, brief=True), parts_last=True)
    return TextReport(partial(unit_text, look=look),
                      tail=partial(ranking_text, look=look) if many else no_ranking)
