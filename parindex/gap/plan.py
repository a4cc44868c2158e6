"""The draft improvement plan (Kế hoạch cải thiện, nâng cao Chỉ số CCHC) as Markdown, filled from a gap report.

It follows the structure of the province's own plan (seeds/bac-giang-ke-hoach-nang-cao-par-index-2021.txt):
the year's result, I. purpose and requirements, II. per area — what to remedy (a), who is responsible (b),
the target (c) —, III. recoverable points by lead agency and the target rank, IV. implementation.
Pure: `plan_blocks` returns the plan as blocks (headings, paragraphs, lists, tables) every renderer shares;
`plan_markdown` writes them as Markdown. Written in the user's language (Vietnamese by default).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from parindex.common.i18n import by_sign, fmt_num, fmt_plain, t
from parindex.common.unit_names import unit_title
from parindex.gap.analysis import AreaGap, CurrentItem, GapReport, Threshold, areas_published, entered
from parindex.gap.exports import TOP_NOTES, all_notes, citation

DEFAULT_TARGET = 10
ROMAN = ("I", "II", "III", "IV", "V", "VI")  # the plan's parts are numbered as they come
STATUS_WORDS = ("missing", "invalid")  # why an item scored nothing, said in the plan's words
AREA_ITEMS = 10  # items listed per area; the full list is in --format json/xlsx


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


# --- the plan as data: blocks every renderer shares (Markdown here; Word later) ---------------------------

@dataclass(frozen=True)
class Heading:
    level: int  # 1 = the document's kind, 2 = a part (I., II.), 3 = a section, 4 = a labelled paragraph
    text: str


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Grid:
    """A table; the last row is a total when `total` (shown in bold)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]  # right-aligned columns
    total: bool = False


@dataclass(frozen=True)
class Callout:
    """A line that must be seen before the plan: the reconstructed-set warning, the draft mark."""

    text: str


@dataclass(frozen=True)
class Rule:
    pass


@dataclass(frozen=True)
class Figure:
    """Where the chart of the areas goes in a document that can hold a picture (Word); Markdown has none."""


Block = Heading | Para | Bullets | Grid | Callout | Rule | Figure


def plan_markdown(report: GapReport, today: date | None = None) -> str:
    return markdown(plan_blocks(report, today))


def markdown(blocks: list[Block]) -> str:
    chunks: list[str] = []
    for block in blocks:
        if isinstance(block, Figure):
            continue
        if isinstance(block, Callout) and (not chunks or chunks[-1].startswith(">")):
            chunks.append(f"> {block.text}")  # the warnings stand together at the top
            continue
        chunks += ["", _markdown(block)] if chunks else [_markdown(block)]
    return "\n".join(chunks) + "\n"


def _markdown(block: Block) -> str:
    if isinstance(block, Heading):
        return f"**{block.text}**" if block.level == 4 else f"{'#' * block.level} {block.text}"
    if isinstance(block, Para):
        return block.text
    if isinstance(block, Bullets):
        return "\n".join(f"{n}. {item}" if block.ordered else f"- {item}"
                         for n, item in enumerate(block.items, start=1))
    if isinstance(block, Grid):
        rows = [block.header, tuple("---:" if right else "---" for right in block.numeric), *block.rows]
        if block.total:
            rows[-1] = tuple(f"**{cell}**" for cell in rows[-1])
        return "\n".join("| " + " | ".join(row) + " |" for row in rows)
    return "---"


def plan_blocks(report: GapReport, today: date | None = None) -> list[Block]:
    """The draft plan, section by section, in the user's language."""
    o, base = report.official, report.baseline
    target = report.target.rank if report.target else DEFAULT_TARGET
    title_unit = unit_title(o.unit.name, base.level)
    blocks: list[Block] = [Callout(note.text()) for note in all_notes(report) if note.code in TOP_NOTES]
    blocks += [Callout(t("plan.draft", date=(today or date.today()).strftime("%d/%m/%Y"))),
               Heading(1, t("plan.kind")), Heading(2, t("plan.title", unit=title_unit, year=o.year + 1))]
    blocks += [*_result(report, title_unit, target), Figure()]
    parts = [_purpose(o.year, target), _areas(report, target), _blank_section(report),
             _recoverable_section(report, target), _implementation(report)]
    for roman, part in zip(ROMAN, (p for p in parts if p), strict=False):
        first = part[0]
        assert isinstance(first, Heading)
        blocks += [Heading(2, t("plan.part_title", roman=roman, title=first.text)), *part[1:]]
    return blocks


def _result(report: GapReport, title_unit: str, target: int) -> list[Block]:
    """The year's result, the change since the year before, the distance to the target, the self-assessment."""
    o, year = report.official, report.official.year
    parts = [t("plan.part", name=c.name, score=fmt_num(c.score), max=fmt_plain(c.max))
             for c in o.components if c.score is not None and c.max is not None]
    blocks: list[Block] = [Para(t(
        "plan.result", year=year, unit=title_unit, total=fmt_num(o.total.value if o.total else None),
        max=fmt_plain(o.max), parts=t("plan.parts", parts="; ".join(parts)) if parts else "",
        rank=o.rank.value if o.rank else "–", units=o.total_units))]
    p = o.previous
    if p and p.total_change is not None:
        blocks.append(Para(t("plan.previous", year=p.year, rank_change=_places(p.rank_change),
                             total_change=_points(p.total_change), before=fmt_num(p.total))))
    elif p and p.rank_change is not None:
        blocks.append(Para(t("plan.previous_rank", year=p.year, rank_change=_places(p.rank_change))))
    threshold = _target_threshold(report, target)
    if threshold is not None and threshold.distance and threshold.distance > 0 and not report.projection:
        blocks.append(Para(t("plan.distance", n=target, year=year, score=fmt_num(threshold.score),
                             needed=fmt_num(threshold.distance))))
    if report.projection and report.current:
        blocks += _self_now(report)
    return blocks


def _target_threshold(report: GapReport, target: int) -> Threshold | None:
    return next((th for th in report.official.thresholds if th.kind == "rank" and th.rank == target), None)


def _self_now(report: GapReport) -> list[Block]:
    proj, current, year = report.projection, report.current, report.official.year
    assert proj is not None and current is not None
    own = proj.self_assessed[0] if proj.self_assessed else None
    assumptions = "; ".join(
        t("plan.assumption_given" if a.given else "plan.assumption", name=a.name, value=fmt_num(a.value), year=year)
        for a in proj.assumptions)
    text = t("plan.self_now", source=_file_name(current.source), criteria=current.criteria_id,
             score=fmt_num(own.score if own else None),
             max=fmt_plain((own.full_max or own.max) if own else Decimal(0)),
             projected=_projected(report), assumptions=assumptions)
    blocks: list[Block] = [Para(text)]
    done = report.completeness
    if proj.fill is not None and done is not None:
        text = t("plan.range", n=done.not_entered, items=done.items, low=fmt_num(proj.total),
                 high=fmt_num(proj.fill.total), basis=t(f"plan.basis_{proj.fill.basis}", year=year))
        if proj.fill.unfilled and proj.fill.basis != "none":
            text += " " + t("plan.range_unfilled", n=proj.fill.unfilled, year=year)
        blocks.append(Para(text))
    return blocks


def _projected(report: GapReport) -> str:
    proj = report.projection
    assert proj is not None
    if proj.fill is None:
        return t("plan.projected_one", value=fmt_num(proj.total))
    return t("plan.projected_range", low=fmt_num(proj.total), high=fmt_num(proj.fill.total))


def _purpose(year: int, target: int) -> list[Block]:
    return [Heading(2, t("plan.s1")), Heading(3, t("plan.s1_purpose")),
            Bullets((t("plan.s1_p1", year=year), t("plan.s1_p2", next=year + 1, target=target))),
            Heading(3, t("plan.s1_requirements")), Bullets((t("plan.s1_r1"), t("plan.s1_r2", next=year + 1)))]


def _areas(report: GapReport, target: int) -> list[Block]:
    """II. per area: what to remedy (published shortfalls, entered items short of their maximum), who, the aim."""
    o = report.official
    blocks: list[Block] = [Heading(2, t("plan.s2"))]
    if not o.areas:
        return [*blocks, Para(t("plan.no_areas", year=o.year))]
    if not areas_published(report):
        blocks.append(Para(t("ui.gap.areas_unpublished", year=o.year, unit=o.unit.name)))
    by_area: dict[str | None, list[CurrentItem]] = {}
    for item in report.recoverable:
        by_area.setdefault(report.year_area(item.area), []).append(item)
    for n, area in enumerate(sorted(o.areas, key=lambda a: int(a.code)), start=1):
        items = by_area.get(area.code, [])
        blocks += [Heading(3, t("plan.area", n=n, name=area.name, rank=_area_rank(area, o.total_units, o.year))),
                   Heading(4, t("plan.a")), Bullets(tuple(_remedy(report, area, items))),
                   Heading(4, t("plan.b")),
                   Bullets((t("plan.lead", lead=area.lead) if area.lead else t("plan.lead_unknown"),
                            *_lead_lines(area, items))),
                   Heading(4, t("plan.c")), Para(goal(area, target, o.year + 1))]
    return blocks


def _area_rank(area: AreaGap, units: int, year: int) -> str:
    if area.rank is None:
        return t("plan.area_no_rank")
    if area.previous_rank is not None:
        return t("plan.area_rank_change", rank=area.rank, units=units, year=year - 1, before=area.previous_rank)
    return t("plan.area_rank", rank=area.rank, units=units)


def _remedy(report: GapReport, area: AreaGap, items: list[CurrentItem]) -> list[str]:
    """Published shortfalls and entered items short of their maximum; blank items are only counted here."""
    remedy = [s.text for s in area.shortfalls]  # the text carries its figures
    remedy += [_item_line(item) for item in items[:AREA_ITEMS]]
    if len(items) > AREA_ITEMS:
        remedy.append(t("ui.gap.more_items", n=len(items) - AREA_ITEMS))
    done = entered(report, area)
    if done is not None and done.percent is not None:
        lost = sum((i.lost for i in items), Decimal(0))
        key = "plan.area_points" if items else "plan.area_points_full"
        remedy.append(t(key, score=fmt_num(done.score), max=fmt_plain(done.max), percent=fmt_plain(done.percent),
                        lost=fmt_num(lost), n=len(items)))
    if done is not None and done.blank:
        remedy.append(t("plan.area_blank", n=done.blank))
    return remedy or [t("plan.nothing")]


def _blank_section(report: GapReport) -> list[Block]:
    """Items the workbook holds no value for yet, by lead agency: data to collect, not points lost."""
    if not report.not_entered:
        return []
    blocks: list[Block] = [Heading(2, t("plan.s_blank")), Para(t("plan.s_blank_intro", n=len(report.not_entered)))]
    by_lead: dict[str | None, list[CurrentItem]] = {}
    for item in report.not_entered:
        by_lead.setdefault(item.lead, []).append(item)
    for loss in report.blank_by_lead:
        items = by_lead[loss.lead]
        blocks += [Heading(3, t("plan.s_blank_lead", lead=loss.lead or t("ui.gap.no_lead"), n=loss.items,
                                max=fmt_plain(loss.lost))),
                   Bullets(tuple(t("plan.item_blank", code=f"{i.code} {i.name}" if i.name else i.code,
                                   max=fmt_plain(i.max)) for i in items))]
    return blocks


def _recoverable_section(report: GapReport, target: int) -> list[Block]:
    year = report.official.year
    blocks: list[Block] = [Heading(2, t("plan.s3"))]
    if report.current is None:
        blocks.append(Para(t("plan.s3_no_items", year=year)))
    elif not report.by_lead:
        blocks.append(Para(t("plan.s3_none")))
    else:
        rows = [(loss.lead or t("ui.gap.no_lead"), str(loss.items), fmt_num(loss.lost)) for loss in report.by_lead]
        rows.append((t("ui.gap.total"), str(sum(b.items for b in report.by_lead)),
                     fmt_num(sum((b.lost for b in report.by_lead), Decimal(0)))))
        blocks.append(Grid((t("ui.gap.lead"), t("ui.gap.items"), t("ui.gap.recoverable_points")), tuple(rows),
                           (False, True, True), total=True))
    tg = report.target
    if tg is None:
        return blocks
    threshold = _target_threshold(report, target)
    if tg.needed <= 0:
        blocks.append(Para(t("plan.s3_target_done", rank=tg.rank, year=year, score=fmt_num(tg.threshold.score))))
    elif report.current is None:
        if tg.rank != target or threshold is None:  # otherwise already said under the year's result
            blocks.append(Para(t("plan.distance", n=tg.rank, year=year, score=fmt_num(tg.threshold.score),
                                 needed=fmt_num(tg.needed))))
    else:
        key = "plan.s3_target_range" if report.projection and report.projection.fill else "plan.s3_target"
        blocks.append(Para(t(key, rank=tg.rank, year=year, score=fmt_num(tg.threshold.score),
                             needed=fmt_num(tg.needed), n=len(tg.selection), start=fmt_num(tg.start))))
        if tg.selection:
            blocks.append(Grid((t("ui.gap.code"), t("ui.gap.item"), t("ui.gap.lost"), t("ui.gap.lead")),
                               tuple((i.code, i.name or "", fmt_num(i.lost), i.lead or "") for i in tg.selection),
                               (False, False, True, False)))
        if tg.reachable is False:
            blocks.append(Para(t("ui.gap.target_short", sum=fmt_num(tg.recoverable), needed=fmt_num(tg.needed))))
    if not tg.threshold.exact:
        blocks.append(Para(t("ui.gap.not_exact", rank=tg.rank)))
    return blocks


def _implementation(report: GapReport) -> list[Block]:
    o = report.official
    leads = sorted({a.lead for a in o.areas if a.lead})
    steps = (t("plan.s4_1"), t("plan.s4_2", leads=", ".join(leads)) if leads else t("plan.s4_2_none"), t("plan.s4_3"))
    statuses = sorted({v.status for v in (o.total, o.rank) if v is not None}
                      | {s.status for a in o.areas for s in a.shortfalls})
    notes = [t("plan.source_line", year=o.year, source=citation(report),
               statuses=", ".join(t(f"ui.gap.value_{s}") for s in statuses))]
    notes += [note.text() for note in all_notes(report) if note.code not in TOP_NOTES]
    if report.current:
        # the message itself leads with its item code
        notes += [f"{n.code} {n.cell or '–'}: {n.msg.text()}" for n in report.current.errors]
    notes.append(t("ui.gap.legend"))
    return [Heading(2, t("plan.s4")), Bullets(steps, ordered=True), Rule(), Heading(4, t("ui.gap.notes")),
            Bullets(tuple(notes))]


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
