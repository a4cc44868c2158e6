"""Score results as rich tables: what an officer reads on screen after `parindex score`."""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from rich.console import Console, Group, JustifyMethod, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from parindex.common.i18n import fmt_num, t
from parindex.criteria.provenance import provenance_banner
from parindex.scoring.engine import RankedUnit, UnitScore, biggest_losses
from parindex.scoring.reports import TextReport, delta, headline, no_ranking, ranking_notes, total_parts

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


def ranking_table(ranking: list[RankedUnit], width: int = 200) -> Table:
    """Units ranked, with one column per area (points) where the terminal is wide enough for them."""
    table = Table(title=t("ui.score.ranking"), title_justify="left")
    table.add_column(t("ui.score.rank"), justify="right")
    table.add_column(t("ui.score.unit"), overflow="fold")
    adjusted = any(r.unit.adjustments for r in ranking)
    for key in (("base", "bonus", "penalty") if adjusted else ()) + ("points", "max"):
        table.add_column(t(f"ui.score.{key}"), justify="right")
    table.add_column("%", justify="right")
    estimates = any(r.unit.estimated_max for r in ranking)
    if estimates:
        table.add_column(t("ui.score.rank_percent"), justify="right")
    areas = ranking[0].unit.areas if ranking else []
    area_codes = [a.code for a in areas] if width >= 60 + 8 * len(areas) else []
    table.caption = "\n".join([*ranking_notes(ranking), *([] if area_codes else [t("ui.score.narrow")])]) or None
    table.caption_justify = "left"
    for code in area_codes:
        table.add_column(f"LV{code}", justify="right")
    for ranked in ranking:
        unit = ranked.unit
        by_code = {a.code: a for a in unit.areas}
        parts = [fmt_num(unit.base), fmt_num(unit.bonus), fmt_num(unit.penalty)] if adjusted else []
        table.add_row(str(ranked.rank), escape(unit.unit), *parts, fmt_num(unit.score), fmt_num(unit.max),
                      fmt_num(unit.percent, 1), *([fmt_num(unit.rank_percent, 1)] if estimates else []),
                      *[fmt_num(by_code[c].score) if c in by_code else "–"
                                                  for c in area_codes])
    return table


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


def ranking_text(ranking: list[RankedUnit], look: Look) -> str:
    return rendered(ranking_table(ranking, look.width), look)


def table_report(many: bool, look: Look) -> TextReport:
    """The screen report: each unit's tables, then the ranking of the units when there are several."""
    return TextReport(partial(unit_text, look=look),
                      tail=partial(ranking_text, look=look) if many else no_ranking)
