"""The draft improvement plan (Kế hoạch cải thiện, nâng cao Chỉ số CCHC) as Markdown, filled from a gap report.

It follows the structure of the province's own plan (seeds/bac-giang-ke-hoach-nang-cao-par-index-2021.txt):
the year's result, I. purpose and requirements, II. per area — what to remedy (a), who is responsible (b),
the target (c) —, III. recoverable points by lead agency and the target rank, IV. implementation.
Pure: returns text; written in the user's language (Vietnamese by default).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from parindex.common.i18n import by_sign, fmt_num, fmt_plain, t
from parindex.common.unit_names import name_key
from parindex.criteria.provenance import BANNER_KEYS
from parindex.gap.analysis import AreaGap, CurrentItem, GapReport
from parindex.gap.exports import all_notes

DEFAULT_TARGET = 10
STATUS_WORDS = ("missing", "invalid")  # why an item scored nothing, said in the plan's words
AREA_ITEMS = 10  # items listed per area; the full list is in --format json/xlsx
_CITIES = {"ha noi", "hai phong", "da nang", "can tho", "ho chi minh"}  # centrally-run cities (2020)


def unit_title(name: str, level: str = "province") -> str:
    """'tỉnh Bắc Giang', 'thành phố Hà Nội'; other levels, and names that already say which, as written."""
    if level != "province":
        return name
    key = name_key(name)
    if name_key(name, "district") != key:  # the name carries 'Tỉnh' / 'Thành phố' itself
        return name
    return t("plan.city" if key in _CITIES else "plan.province", name=name)


def _band(rank: int, target: int) -> int:
    """The group an area already sits in: 5, 10, 15, 20… (never wider than the target)."""
    band = 5
    while band < rank:
        band += 5
    return min(band, target)


def goal(area: AreaGap, target: int, next_year: int) -> str:
    if area.rank is None:
        return t("plan.goal_none", next=next_year, name=area.name)
    if area.rank == 1:
        return t("plan.goal_keep_first", next=next_year, name=area.name)
    if area.rank <= target:
        return t("plan.goal_keep", n=_band(area.rank, target), next=next_year, name=area.name)
    return t("plan.goal_reach", n=target, next=next_year, name=area.name)


def _item_line(item: CurrentItem) -> str:
    status = t("plan.item_status", status=t(f"plan.status_{item.status}")) if item.status in STATUS_WORDS else ""
    code = f"{item.code} {item.name}" if item.name else item.code
    return t("plan.item_lost", code=code, score=fmt_num(item.score), max=fmt_plain(item.max),
             lost=fmt_num(item.lost), status=status)


def plan_markdown(report: GapReport, today: date | None = None) -> str:
    o, base = report.official, report.baseline
    year, next_year, units = o.year, o.year + 1, o.total_units
    target = report.target.rank if report.target else DEFAULT_TARGET
    title_unit = unit_title(o.unit.name, base.level)
    lines: list[str] = []
    for note in all_notes(report):
        if note.code in BANNER_KEYS:
            lines.append(f"> {note.text()}")
    lines.append(f"> {t('plan.draft', date=(today or date.today()).strftime('%d/%m/%Y'))}")
    lines += ["", f"# {t('plan.kind')}", "", f"## {t('plan.title', unit=title_unit, year=next_year)}", ""]

    parts = [t("plan.part", name=c.name, score=fmt_num(c.score), max=fmt_plain(c.max))
             for c in o.components if c.score is not None and c.max is not None]
    lines.append(t("plan.result", year=year, unit=title_unit, total=fmt_num(o.total.value if o.total else None),
                   max=fmt_plain(o.max), parts=t("plan.parts", parts="; ".join(parts)) if parts else "",
                   rank=o.rank.value if o.rank else "–", units=units))
    if o.previous and o.previous.total_change is not None:
        p = o.previous
        lines += ["", t("plan.previous", year=p.year, rank_change=_places(p.rank_change),
                        total_change=_points(p.total_change), before=fmt_num(p.total))]
    elif o.previous and o.previous.rank_change is not None:
        lines += ["", t("plan.previous_rank", year=o.previous.year, rank_change=_places(o.previous.rank_change))]
    threshold = next((th for th in o.thresholds if th.kind == "rank" and th.rank == target), None)
    if threshold is not None and threshold.distance and threshold.distance > 0 and not report.projection:
        lines += ["", t("plan.distance", n=target, year=year, score=fmt_num(threshold.score),
                        needed=fmt_num(threshold.distance))]
    if report.projection and report.current:
        proj, current = report.projection, report.current
        own = proj.self_assessed[0] if proj.self_assessed else None
        assumptions = "; ".join(
            t("plan.assumption_given" if a.given else "plan.assumption", name=a.name, value=fmt_num(a.value),
              year=year) for a in proj.assumptions)
        lines += ["", t("plan.self_now", source=current.source, criteria=current.criteria_id,
                        score=fmt_num(own.score if own else None), max=fmt_plain((own.full_max or own.max) if own
                                                                                 else Decimal(0)),
                        projected=fmt_num(proj.total), assumptions=assumptions)]

    lines += ["", f"## {t('plan.s1')}", "", f"### {t('plan.s1_purpose')}", "",
              f"- {t('plan.s1_p1', year=year)}", f"- {t('plan.s1_p2', next=next_year, target=target)}", "",
              f"### {t('plan.s1_requirements')}", "", f"- {t('plan.s1_r1')}", f"- {t('plan.s1_r2', next=next_year)}",
              "", f"## {t('plan.s2')}"]

    by_area: dict[str, list[CurrentItem]] = {}
    for item in report.recoverable:
        by_area.setdefault(item.area, []).append(item)
    areas = sorted(o.areas, key=lambda a: int(a.code))
    for n, area in enumerate(areas, start=1):
        if area.rank is None:
            rank = t("plan.area_no_rank")
        elif area.previous_rank is not None:
            rank = t("plan.area_rank_change", rank=area.rank, units=units, year=year - 1, before=area.previous_rank)
        else:
            rank = t("plan.area_rank", rank=area.rank, units=units)
        lines += ["", f"### {t('plan.area', n=n, name=area.name, rank=rank)}", "", f"**{t('plan.a')}**", ""]
        items = by_area.get(area.code, [])
        remedy = [f"- {s.text}" for s in area.shortfalls]  # the text carries its figures
        remedy += [f"- {_item_line(item)}" for item in items[:AREA_ITEMS]]
        if len(items) > AREA_ITEMS:
            remedy.append(f"- {t('ui.gap.more_items', n=len(items) - AREA_ITEMS)}")
        if area.now is not None and area.now.max:
            lost = sum((i.lost for i in items), Decimal(0))
            points = t("plan.area_points", score=fmt_num(area.now.score), max=fmt_plain(area.now.max),
                       percent=fmt_plain(area.now.percent or 0), lost=fmt_num(lost), n=len(items))
            remedy.append(f"- {points}")
        lines += remedy or [f"- {t('plan.nothing')}"]
        lines += ["", f"**{t('plan.b')}**", ""]
        lines.append(f"- {t('plan.lead', lead=area.lead)}" if area.lead else f"- {t('plan.lead_unknown')}")
        lines += [f"- {line}" for line in _lead_lines(area, items)]
        lines += ["", f"**{t('plan.c')}**", "", goal(area, target, next_year)]

    lines += ["", f"## {t('plan.s3')}", ""]
    if report.current is None:
        lines.append(t("plan.s3_no_items", year=year))
    else:
        lines += [f"| {t('ui.gap.lead')} | {t('ui.gap.items')} | {t('ui.gap.recoverable_points')} |",
                  "|---|---:|---:|"]
        for loss in report.by_lead:
            lines.append(f"| {loss.lead or t('ui.gap.no_lead')} | {loss.items} | {fmt_num(loss.lost)} |")
        total = sum((b.lost for b in report.by_lead), Decimal(0))
        lines.append(f"| **{t('ui.gap.total')}** | **{sum(b.items for b in report.by_lead)}** | "
                     f"**{fmt_num(total)}** |")
    if report.target:
        tg = report.target
        lines.append("")
        if tg.needed <= 0:
            lines.append(t("plan.s3_target_done", rank=tg.rank, year=year, score=fmt_num(tg.threshold.score)))
        elif report.current is None:
            if tg.rank != target or threshold is None:
                lines.append(t("plan.distance", n=tg.rank, year=year, score=fmt_num(tg.threshold.score),
                               needed=fmt_num(tg.needed)))
            else:
                lines.pop()  # already said under the year's result
        else:
            lines += [t("plan.s3_target", rank=tg.rank, year=year, score=fmt_num(tg.threshold.score),
                        needed=fmt_num(tg.needed), n=len(tg.selection)), ""]
            lines += [f"| {t('ui.gap.code')} | {t('ui.gap.item')} | {t('ui.gap.lost')} | {t('ui.gap.lead')} |",
                      "|---|---|---:|---|"]
            for item in tg.selection:
                lines.append(f"| {item.code} | {item.name or ''} | {fmt_num(item.lost)} | {item.lead or ''} |")
            if tg.reachable is False:
                lines += ["", t("ui.gap.target_short", sum=fmt_num(tg.recoverable), needed=fmt_num(tg.needed))]
        if not tg.threshold.exact:
            lines += ["", t("ui.gap.not_exact", rank=tg.rank)]

    leads = sorted({a.lead for a in o.areas if a.lead})
    lines += ["", f"## {t('plan.s4')}", "", f"1. {t('plan.s4_1')}", f"2. {t('plan.s4_2', leads=', '.join(leads))}",
              f"3. {t('plan.s4_3')}", "", "---", "", f"**{t('ui.gap.notes')}**", ""]
    statuses = sorted({v.status for v in (o.total, o.rank) if v is not None}
                      | {s.status for a in o.areas for s in a.shortfalls})
    source = t("plan.source_line", year=year, file=_file_name(report.baseline_file), statuses=", ".join(statuses))
    lines.append(f"- {source}")
    for note in all_notes(report):
        if note.code not in BANNER_KEYS:
            lines.append(f"- {note.text()}")
    if report.current:
        for notice in report.current.errors:
            where = notice.cell or "–"  # the message itself leads with its item code
            lines.append(f"- {notice.code} {where}: {notice.msg.text()}")
    lines.append(f"- {t('ui.gap.legend')}")
    return "\n".join(lines) + "\n"


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _lead_lines(area: AreaGap, items: list[CurrentItem]) -> list[str]:
    counts: dict[str, tuple[int, Decimal]] = {}
    for shortfall in area.shortfalls:
        if shortfall.lead:
            n, lost = counts.get(shortfall.lead, (0, Decimal(0)))
            counts[shortfall.lead] = (n + 1, lost)
    for item in items:
        if item.lead:
            n, lost = counts.get(item.lead, (0, Decimal(0)))
            counts[item.lead] = (n + 1, lost + item.lost)
    ordered = sorted(counts.items(), key=lambda pair: (-pair[1][1], -pair[1][0], pair[0]))
    return [t("plan.lead_items", lead=lead, n=n, points=t("plan.lead_points", lost=fmt_num(lost)) if lost else "")
            for lead, (n, lost) in ordered]


def _places(change: int | None) -> str:
    return by_sign(change, "plan.up_places", "plan.down_places", "plan.same_place")


def _points(change: Decimal | None) -> str:
    return by_sign(change, "plan.up_points", "plan.down_points", "plan.same_points", fmt_num)
