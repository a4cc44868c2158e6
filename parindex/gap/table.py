"""The gap report as rich tables: what an officer reads on screen after `parindex gap` (or in a -o .txt file)."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from parindex.common.catalogue import MESSAGES
from parindex.common.i18n import by_sign, fmt_num, fmt_plain, t
from parindex.gap.analysis import GapReport, areas_published, assume_option, entered, is_warning
from parindex.gap.exports import TOP_NOTES, all_notes, threshold_label, value_status
from parindex.io.screen import fitted, literal, quoted

TABLE_ITEMS = 15  # recoverable items listed; the full list is in --format json/xlsx


def _n(value: Decimal | None) -> str:
    return fmt_num(value)


def _distance(value: Decimal | None) -> str:
    return by_sign(value, "ui.gap.short", "ui.gap.ahead", "ui.gap.level", fmt_num)


def _places(change: int | None) -> str:
    return by_sign(change, "ui.gap.up", "ui.gap.down", "ui.gap.same")


def render_table(report: GapReport, console: Console) -> None:
    """The whole report, section by section, on `console` (the screen, or one recording for a file)."""
    o = report.official
    console.print(f"[bold]{literal(t('ui.gap.title', unit=o.unit.name, year=o.year))}[/]")
    for note in (n for n in all_notes(report) if n.code in TOP_NOTES):  # what is compared, the set's warning…
        console.print(literal(note.text()), style=None if note.code == "ui.gap.compares" else "yellow")
    console.print(t("ui.gap.headline", total=_n(o.total.value if o.total else None), max=fmt_plain(o.max),
                    rank=o.rank.value if o.rank else "–", units=o.total_units))
    _render_official(report, console)
    if not o.areas:
        console.print(t("ui.gap.no_area_figures", year=o.year))
    elif not areas_published(report):
        console.print(t("ui.gap.areas_unpublished", year=o.year, unit=o.unit.name))
        _render_areas(report, console)
    else:
        _render_areas(report, console)
    _render_previous(report, console)
    _render_current(report, console)
    _render_errors(report, console)
    if report.target:
        _render_target(report, console)
    if report.comparison:
        _render_comparison(report, console)
    _render_notes(report, console)


def _render_official(report: GapReport, console: Console) -> None:
    o, year = report.official, report.official.year
    table = Table(title=t("ui.gap.official", year=year), title_justify="left")
    for key in ("component", "score", "max", "lost", "rank", "status"):
        table.add_column(t(f"ui.gap.{key}"), justify="left" if key in ("component", "status") else "right")
    for comp in o.components:
        table.add_row(literal(comp.name), _n(comp.score), _n(comp.max), _n(comp.lost),
                      str(comp.rank) if comp.rank else "", value_status(comp.status))
    table.add_row(f"[bold]{t('ui.gap.total')}[/]", _n(o.total.value if o.total else None), _n(o.max), _n(o.lost),
                  str(o.rank.value) if o.rank else "", value_status(o.total.status if o.total else None))
    console.print(table)
    if not o.thresholds:
        return
    table = Table(title=t("ui.gap.thresholds", year=year), title_justify="left")
    for key in ("mark", "holder", "score", "status", "distance"):
        table.add_column(t(f"ui.gap.{key}"), justify="right" if key in ("score", "distance") else "left")
    for th in o.thresholds:
        mark = threshold_label(th)
        holder = "" if th.kind == "grade" else th.holder or ""
        if not th.exact:
            holder = t("ui.gap.not_exact", rank=th.rank)
        table.add_row(mark, literal(holder), _n(th.score), value_status(th.status), _distance(th.distance))
    console.print(table)


def _render_previous(report: GapReport, console: Console) -> None:
    o, p = report.official, report.official.previous
    if not p:
        return
    if p.total_change is None:
        console.print(t("ui.gap.previous_rank", year=p.year, rank_change=_places(p.rank_change),
                        rank_before=p.rank or "–", rank_after=o.rank.value if o.rank else "–"))
    else:
        console.print(t("ui.gap.previous", year=p.year, total_change=_signed(p.total_change),
                        before=_n(p.total), after=_n(o.total.value if o.total else None),
                        rank_change=_places(p.rank_change), rank_before=p.rank or "–",
                        rank_after=o.rank.value if o.rank else "–"))


def _render_errors(report: GapReport, console: Console) -> None:
    if not (report.current and report.current.errors):
        return
    console.print(f"[bold red]{t('ui.gap.input_error_list', n=len(report.current.errors))}[/]")
    for notice in report.current.errors:
        where = notice.cell or "–"  # the message itself leads with its item code
        said = Text.assemble("  ", (notice.code, "red"), f" {where}: {notice.msg.text()}")
        console.print(fitted(said, console.width, [where, *quoted(notice.msg)]))


def _render_notes(report: GapReport, console: Console) -> None:
    notes = [n for n in all_notes(report) if n.code not in TOP_NOTES]
    if notes:
        console.print(f"[bold]{t('ui.gap.notes')}[/]")
        for note in notes:
            style = "yellow" if is_warning(note) else "dim"
            console.print(f"[{style}]• {literal(note.text())}[/]")
    console.print(f"[dim]{t('ui.gap.legend')}[/]")


def _render_areas(report: GapReport, console: Console) -> None:
    o, year = report.official, report.official.year
    ranked = any(a.rank or a.previous_rank for a in o.areas)  # else said above in words, not empty columns
    table = Table(title=t("ui.gap.areas" if ranked else "ui.gap.areas_plain"), title_justify="left")
    table.add_column(t("ui.gap.area"), ratio=1)
    if ranked:
        table.add_column(t("ui.gap.rank_year", year=year), justify="right")
        table.add_column(t("ui.gap.rank_year", year=year - 1), justify="right")
        table.add_column(t("ui.gap.change"))
    published = any(a.baseline_score is not None or a.baseline_percent is not None for a in o.areas)
    if published:
        table.add_column(t("ui.gap.year_col", year=year), justify="right")
    if report.current:
        table.add_column(t("ui.gap.entered_col"), justify="right")
    table.add_column(t("ui.gap.lead"))
    for area in o.areas:
        row = [f"{area.code}. {literal(area.name)}"]
        if ranked:
            row += [str(area.rank) if area.rank else t("ui.gap.no_rank"),
                    str(area.previous_rank) if area.previous_rank else "–", _places(area.rank_change)]
        if published:
            then = _n(area.baseline_score) if area.baseline_score is not None else ""
            if area.baseline_percent is not None:
                then += f" ({fmt_plain(area.baseline_percent)}%)"
            row.append(then.strip() or "–")
        if report.current:
            done = entered(report, area)  # over the items entered: a blank item is not a lost one
            text = "–"
            if done is not None and done.percent is not None:
                text = f"{_n(done.score)}/{_n(done.max)} ({fmt_plain(done.percent)}%)"
            if done is not None and done.blank:
                text += " " + t("ui.gap.chart_blank", n=done.blank)
            if area.score_change is not None:
                text += f" {_signed(area.score_change)}"
            row.append(text)
        row.append(literal(area.lead or ""))
        table.add_row(*row)
    console.print(table)
    if any(area.shortfalls for area in o.areas):
        console.print(f"[bold]{t('ui.gap.shortfalls')}[/]")
        for area in o.areas:
            if not area.shortfalls:
                continue
            console.print(f"[bold]{area.code}. {literal(area.name)}[/]")
            for shortfall in area.shortfalls:
                lead = f" [dim]({literal(shortfall.lead)})[/]" if shortfall.lead else ""
                console.print(f"  • {literal(shortfall.text)}{lead}")


def _render_current(report: GapReport, console: Console) -> None:
    o, year, units = report.official, report.official.year, report.official.total_units
    if report.projection and report.current:
        proj = report.projection
        table = Table(title=t("ui.gap.projection"), title_justify="left")
        for key in ("component", "now_col", "max", "year_col", "delta"):
            table.add_column(t(f"ui.gap.{key}", year=year), justify="left" if key == "component" else "right")
        for part in proj.self_assessed:
            before = o.unit.component_score(part.id)
            table.add_row(literal(part.name or part.id) + f" ({t('ui.gap.from_self')})", _n(part.score),
                          _n(part.full_max or part.max), _n(before.value if before else None),
                          _signed(part.score - before.value) if before else "–")
        for a in proj.assumptions:
            label = (t("ui.gap.assumed_given", option=assume_option(a.component)) if a.given
                     else t("ui.gap.assumed_base", year=year))
            before = o.unit.component_score(a.component)
            table.add_row(f"{literal(a.name)} [yellow]({label})[/]", _n(a.value), _n(a.max),
                          _n(before.value if before else None),
                          _signed(a.value - before.value) if before else "–")
        table.add_row(f"[bold]{t('ui.gap.projected_total')}[/]", _n(proj.total), _n(o.max),
                      _n(proj.baseline_total), _signed(proj.change) if proj.change is not None else "–")
        console.print(table)
        if proj.rank_best is not None:
            key = "ui.gap.projected_rank" if proj.rank_best == proj.rank_worst else "ui.gap.projected_range"
            console.print(t(key, year=year, best=proj.rank_best, worst=proj.rank_worst, units=units))
        if proj.fill is not None:
            fill = proj.fill
            console.print(t("ui.gap.range_line", low=_n(proj.total), high=_n(fill.total),
                            label=t(f"ui.gap.fill_{fill.basis}", year=year)))
            if fill.rank_best is not None:
                rank = (f"{fill.rank_best}/{units}" if fill.rank_best == fill.rank_worst
                        else f"{fill.rank_best}–{fill.rank_worst}/{units}")
                console.print(t("ui.gap.range_rank", year=year, rank=rank))

    if report.completeness:
        console.print(f"[bold]{literal(t('ui.gap.completeness', **vars(report.completeness)))}[/]")
    if report.blank_by_lead:
        table = Table(title=t("ui.gap.not_entered"), title_justify="left")
        for key in ("lead", "items", "max_points"):
            table.add_column(t(f"ui.gap.{key}"), justify="left" if key == "lead" else "right")
        for loss in report.blank_by_lead:
            table.add_row(literal(loss.lead or t("ui.gap.no_lead")), str(loss.items), _n(loss.lost))
        console.print(table)
    if report.current:
        items = report.recoverable
        table = Table(title=t("ui.gap.recoverable"), title_justify="left")
        for key in ("code", "item", "score", "max", "lost", "status", "lead"):
            table.add_column(t(f"ui.gap.{key}"), justify="right" if key in ("score", "max", "lost") else "left")
        for item in items[:TABLE_ITEMS]:
            table.add_row(literal(item.code), literal(item.name or ""), _n(item.score), _n(item.max), _n(item.lost),
                          _status(item.status), literal(item.lead or ""))
        console.print(table)
        if len(items) > TABLE_ITEMS:
            console.print(t("ui.gap.more_items", n=len(items) - TABLE_ITEMS))
        table = Table(title=t("ui.gap.by_lead"), title_justify="left")
        for key in ("lead", "items", "recoverable_points"):
            table.add_column(t(f"ui.gap.{key}"), justify="left" if key == "lead" else "right")
        for loss in report.by_lead:
            table.add_row(literal(loss.lead or t("ui.gap.no_lead")), str(loss.items), _n(loss.lost))
        table.add_row(f"[bold]{t('ui.gap.total')}[/]", str(sum(b.items for b in report.by_lead)),
                      _n(sum((b.lost for b in report.by_lead), Decimal(0))))
        console.print(table)


def _signed(value: Decimal | None) -> str:
    if value is None:
        return "–"
    return ("+" if value > 0 else "") + _n(value)


def _status(status: str) -> str:
    key = f"status.{status}"
    return t(key) if key in MESSAGES else status


def _render_target(report: GapReport, console: Console) -> None:
    tg, year = report.target, report.official.year
    assert tg is not None
    holder = f" ({tg.threshold.holder})" if tg.threshold.holder else ""
    console.print(f"[bold]{t('ui.gap.target', rank=tg.rank)}[/]")
    key = "ui.gap.target_line" if tg.needed > 0 else "ui.gap.target_done"
    console.print(literal(t(key, rank=tg.rank, year=year, holder=holder, score=_n(tg.threshold.score),
                           start=_n(tg.start), needed=_n(tg.needed))))
    if not tg.threshold.exact:
        console.print(f"[dim]{literal(t('ui.gap.not_exact', rank=tg.rank))}[/]")
    if tg.selection:
        picked = sum((i.lost for i in tg.selection), Decimal(0))
        console.print(t("ui.gap.target_pick", n=len(tg.selection), sum=_n(picked)))
        table = Table()
        for key in ("code", "item", "lost", "lead"):
            table.add_column(t(f"ui.gap.{key}"), justify="right" if key == "lost" else "left")
        for item in tg.selection:
            table.add_row(literal(item.code), literal(item.name or ""), _n(item.lost), literal(item.lead or ""))
        console.print(table)
    if tg.reachable is False:
        console.print(f"[yellow]{t('ui.gap.target_short', sum=_n(tg.recoverable), needed=_n(tg.needed))}[/]")


def _render_comparison(report: GapReport, console: Console) -> None:
    cmp = report.comparison
    assert cmp is not None
    console.print(f"[bold]{literal(t('ui.gap.comparison', year=cmp.previous_year, criteria=cmp.previous_criteria))}[/]")
    changed = [c for c in cmp.same if c.delta]
    console.print(t("ui.gap.cmp_summary", same=len(cmp.same), changed=len(changed), max_changed=len(cmp.max_changed),
                    added=len(cmp.added), removed=len(cmp.removed), before=_n(cmp.previous_score),
                    after=_n(cmp.current_score)))
    rows = ([("ui.gap.kind_changed", c) for c in changed] + [("ui.gap.kind_max", c) for c in cmp.max_changed]
            + [("ui.gap.kind_added", c) for c in cmp.added] + [("ui.gap.kind_removed", c) for c in cmp.removed])
    if not rows:
        return
    table = Table()
    for key in ("kind", "code", "before", "after", "max_before", "max_after", "delta"):
        table.add_column(t(f"ui.gap.{key}"), justify="left" if key in ("kind", "code") else "right")
    for label, c in rows:
        table.add_row(t(label), literal(c.code), _n(c.before), _n(c.after), _n(c.max_before), _n(c.max_after),
                      _signed(c.delta))
    console.print(table)
