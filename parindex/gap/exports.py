"""The gap report as data: a JSON document and an xlsx workbook (adapters at the edge).

JSON numbers carry at most 2 decimals; every value from a baseline keeps its status and source.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from parindex.baseline.model import SourcedPoints, SourcedRank
from parindex.common.catalogue import MESSAGES
from parindex.common.i18n import by_sign, fmt_num, t
from parindex.common.messages import Message
from parindex.criteria.model import code_key
from parindex.criteria.provenance import BANNER_KEYS
from parindex.gap.analysis import (
    FIRST_NOTES,
    OPENING_NOTES,
    CurrentItem,
    GapReport,
    InputNotice,
    ItemChange,
    Projection,
    Threshold,
    areas_published,
    criteria_note,
    entered,
    is_warning,
)
from parindex.scoring.reports import json_number

TOP_NOTES = (*BANNER_KEYS, *FIRST_NOTES, *OPENING_NOTES)  # said above the title and any figure


def all_notes(report: GapReport) -> list[Message]:
    """The criteria warning first, then the report's own notes, then the projection's."""
    banner = criteria_note(report.criteria)
    notes = [n for n in report.notes if n.code in FIRST_NOTES]  # a change of set is said before anything
    notes += [banner] if banner else []
    notes += [n for n in report.notes if n.code in OPENING_NOTES]  # what is compared, before any figure
    notes += [n for n in report.notes if n.code not in FIRST_NOTES and n.code not in OPENING_NOTES]
    if report.projection:
        notes += list(report.projection.notes)
    if report.comparison:
        notes += report.comparison.notes
    unit = report.official.unit
    if unit.rounding:
        notes.append(Message("ui.gap.rounding", {"unit": unit.name, "tolerance": unit.rounding.tolerance}))
    return notes


def _sourced(report: GapReport, value: SourcedPoints | SourcedRank | None) -> dict[str, Any] | None:
    if value is None:
        return None
    raw = value.value
    return {"value": json_number(raw) if isinstance(raw, Decimal | int) else raw, "status": value.status,
            "source": report.baseline.source_text(value.source), "note": value.note}


def _item(item: CurrentItem) -> dict[str, Any]:
    return {"code": item.code, "name": item.name, "area": item.area, "score": json_number(item.score),
            "max": json_number(item.max), "lost": json_number(item.lost), "status": item.status, "lead": item.lead}


def _notice(notice: InputNotice) -> dict[str, Any]:
    return {"code": notice.code, "item": notice.item, "cell": notice.cell, "message": notice.msg.text()}


def _change(change: ItemChange) -> dict[str, Any]:
    return {"code": change.code, "area": change.area, "before": json_number(change.before),
            "after": json_number(change.after),
            "max_before": json_number(change.max_before), "max_after": json_number(change.max_after),
            "delta": json_number(change.delta)}


def report_dict(report: GapReport) -> dict[str, Any]:
    o, base = report.official, report.baseline
    criteria = asdict(report.criteria) if report.criteria else {}
    banner = criteria_note(report.criteria)
    if criteria:
        criteria["reconstructed"] = criteria.get("status") == "reconstructed"
        criteria["warning"] = banner.text() if banner else None
    data: dict[str, Any] = {
        "year": base.year,
        "baseline_file": report.baseline_file,
        "criteria": criteria or None,
        "unit": o.unit.name,
        "official": {
            "total": _sourced(report, o.total),
            "rank": _sourced(report, o.rank),
            "total_units": o.total_units,
            "max": json_number(o.max),
            "lost": json_number(o.lost),
            "components": [{"id": c.id, "name": c.name, "score": json_number(c.score), "max": json_number(c.max),
                            "lost": json_number(c.lost), "status": c.status, "rank": c.rank} for c in o.components],
            "thresholds": [{"kind": th.kind, "rank": th.rank, "score": json_number(th.score),
                            **({"grade": th.holder} if th.kind == "grade" else {"unit": th.holder}),
                            "status": th.status, "exact": th.exact, "distance": json_number(th.distance)}
                           for th in o.thresholds],
            "areas": [{"code": a.code, "name": a.name, "rank": a.rank, "rank_status": a.rank_status,
                       "previous_rank": a.previous_rank, "rank_change": a.rank_change, "lead": a.lead,
                       "baseline_score": json_number(a.baseline_score),
                       "baseline_percent": json_number(a.baseline_percent),
                       "score_change": json_number(a.score_change),
                       "now": None if a.now is None else {"score": json_number(a.now.score),
                                                          "max": json_number(a.now.max),
                                                          "percent": json_number(a.now.percent)},
                       "shortfalls": [{"text": s.text, "lead": s.lead, "status": s.status,
                                       "source": base.source_text(s.source),
                                       "figure": None if s.figure is None else {
                                           "value": json_number(s.figure.value), "unit": s.figure.unit,
                                           "target": json_number(s.figure.target)}} for s in a.shortfalls]}
                      for a in o.areas],
            "previous": None if o.previous is None else {
                "year": o.previous.year, "unit": o.previous.unit, "total": json_number(o.previous.total),
                "rank": o.previous.rank, "total_change": json_number(o.previous.total_change),
                "rank_change": o.previous.rank_change},
        },
        "current": None,
        "projection": None,
        "completeness": None if report.completeness is None else {
            "items": report.completeness.items, "entered": report.completeness.entered,
            "not_entered": report.completeness.not_entered},
        "not_entered": [_item(i) for i in report.not_entered],
        "recoverable": [_item(i) for i in report.recoverable],
        "by_lead": [{"lead": b.lead, "lost": json_number(b.lost), "items": b.items} for b in report.by_lead],
        "target": None,
        "comparison": None,
        "set_change": None if report.set_change is None else {
            "workbook_set": report.set_change.workbook_set, "year_set": report.set_change.year_set,
            "components_same": list(report.set_change.components_same),
            "components_apart": list(report.set_change.components_apart),
            "areas_matched": [{"workbook": wb, "year": year, "name": name}
                              for wb, year, name in report.set_change.areas_matched],
            "areas_apart": [{"criteria": set_id, "code": code, "name": name}
                            for set_id, code, name in report.set_change.areas_apart]},
        "notes": [{"key": n.code, "warning": is_warning(n), "message": n.text()} for n in all_notes(report)],
    }
    if report.current:
        c = report.current
        data["current"] = {"source": c.source, "criteria": c.criteria_id, "unit": c.unit, "year": c.year,
                           "score": json_number(c.score), "max": json_number(c.max),
                           "warnings": [_notice(n) for n in c.warnings], "errors": [_notice(n) for n in c.errors],
                           "components": [{"id": p.id, "score": json_number(p.score), "max": json_number(p.max),
                                           "full_max": json_number(p.full_max)} for p in c.components]}
    if report.projection:
        p = report.projection
        data["projection"] = {
            "assumption": True,
            "self_assessed": [{"id": s.id, "score": json_number(s.score)} for s in p.self_assessed],
            "assumed": [{"id": a.component, "value": json_number(a.value), "max": json_number(a.max),
                         "from": "option" if a.given else f"baseline {base.year}"} for a in p.assumptions],
            "total": json_number(p.total), "baseline_total": json_number(p.baseline_total),
            "change": json_number(p.change),
            "rank_best": p.rank_best, "rank_worst": p.rank_worst,
            "range": _range(p, base.year)}
    if report.target:
        tg = report.target
        data["target"] = {"rank": tg.rank, "score": json_number(tg.threshold.score), "unit": tg.threshold.holder,
                          "exact": tg.threshold.exact, "start": json_number(tg.start), "needed": json_number(tg.needed),
                          "reachable": tg.reachable, "recoverable": json_number(tg.recoverable),
                          "selection": [_item(i) for i in tg.selection],
                          "selection_points": json_number(sum((i.lost for i in tg.selection), Decimal(0)))}
    if report.comparison:
        cmp = report.comparison
        data["comparison"] = {"previous_criteria": cmp.previous_criteria, "previous_year": cmp.previous_year,
                              "previous_unit": cmp.previous_unit, "previous_score": json_number(cmp.previous_score),
                              "current_score": json_number(cmp.current_score),
                              "same": [_change(c) for c in cmp.same],
                              "max_changed": [_change(c) for c in cmp.max_changed],
                              "added": [_change(c) for c in cmp.added], "removed": [_change(c) for c in cmp.removed]}
    return data


def _range(p: Projection, year: int) -> dict[str, Any]:
    """Low: every item not entered at 0 (the `total`); high: each at the baseline year's attainment."""
    fill = p.fill
    return {"low": {"total": json_number(p.total), "rank_best": p.rank_best, "rank_worst": p.rank_worst,
                    "label": t("ui.gap.range_low")},
            "high": {"total": json_number(p.high), "rank_best": fill.rank_best if fill else p.rank_best,
                     "rank_worst": fill.rank_worst if fill else p.rank_worst,
                     "blank_points": json_number(fill.points) if fill else 0,
                     "basis": fill.basis if fill else None, "unfilled": fill.unfilled if fill else 0,
                     "label": _high_label(p, year)}}


def _high_label(p: Projection, year: int) -> str:
    if p.fill is None:
        return t("ui.gap.range_none")
    return t("ui.gap.range_high", what=t(f"ui.gap.fill_{p.fill.basis}", year=year))


def citation(report: GapReport) -> str:
    """Where the year's figures come from, as a reader cites it: the baseline's source, else its file's name —
    never a path on this machine."""
    base = report.baseline
    return base.source_text(base.source) if base.source else report.baseline_file.replace("\\", "/").rsplit("/", 1)[-1]


def value_status(status: str | None) -> str:
    """A baseline value's status in the reader's words (the legend explains them)."""
    return t(f"ui.gap.value_{status}") if status else ""


def _criteria_status(status: str) -> str:
    key = f"ui.gap.criteria_{status}"
    return t(key) if key in MESSAGES else status


def report_json(report: GapReport) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


def write_xlsx(report: GapReport, path: Path, force: bool = False) -> None:
    """A workbook an officer can sort and filter: summary, areas, recoverable items, leads, comparison."""
    from parindex.io.atomic import write_atomic
    from parindex.io.workbook_guard import REPORT_CATEGORY
    from parindex.io.xlsx_stream import StreamedBook, table

    data = report_dict(report)
    book = StreamedBook(REPORT_CATEGORY)
    o = data["official"]
    rows: list[list[Any]] = [[t("ui.gap.what"), t("ui.gap.value"), t("ui.gap.status"), t("ui.gap.source")]]
    first = [note for note in all_notes(report) if note.code in OPENING_NOTES]  # what is compared, before any figure
    rows += [[t("ui.gap.notes"), note.text(), "", ""] for note in first]
    rows.append([t("ui.gap.unit"), data["unit"], "", ""])
    rows.append([t("ui.gap.year"), data["year"], "", citation(report)])
    if data["criteria"]:
        rows.append([t("ui.gap.criteria"), data["criteria"]["id"], _criteria_status(data["criteria"]["status"]), ""])
    for key, label in (("total", t("ui.gap.total")), ("rank", t("ui.gap.rank"))):
        value = o[key]
        rows.append([label, value["value"] if value else None, value_status(value["status"]) if value else "",
                     value["source"] if value else ""])
    for comp in report.official.components:
        rows.append([comp.name, json_number(comp.score), value_status(comp.status),
                     t("ui.gap.max_lost", max=fmt_num(comp.max), lost=fmt_num(comp.lost))])
    for th in report.official.thresholds:
        rows.append([threshold_label(th), json_number(th.score), value_status(th.status),
                     by_sign(th.distance, "ui.gap.short", "ui.gap.ahead", "ui.gap.level", fmt_num)])
    if data["completeness"]:
        done = data["completeness"]
        rows.append([t("ui.gap.completeness_label"), done["entered"], "",
                     t("ui.gap.completeness", **done)])
    if data["projection"]:
        ends = data["projection"]["range"]
        rows.append([t("ui.gap.projected_low"), ends["low"]["total"], t("ui.gap.projection_short"),
                     ends["low"]["label"]])
        if report.projection and report.projection.fill:
            rows.append([t("ui.gap.projected_high"), ends["high"]["total"], t("ui.gap.projection_short"),
                         ends["high"]["label"]])
    shown = {note.text() for note in first}
    rows += [[t("ui.gap.notes"), note["message"], "", ""] for note in data["notes"] if note["message"] not in shown]
    book.write(table(t("ui.gap.sheet_summary"), rows))

    area_rows: list[list[Any]] = [[t("ui.gap.code"), t("ui.gap.area"), t("ui.gap.rank_year", year=data["year"]),
                                   t("ui.gap.rank_year", year=data["year"] - 1), t("ui.gap.lead"),
                                   t("ui.gap.entered_col"), t("ui.gap.max"), t("ui.gap.percent"),
                                   t("ui.gap.sheet_blank"), t("ui.gap.shortfalls")]]
    if not report.official.areas:  # said in words, not an empty sheet
        area_rows.append(["", t("ui.gap.no_area_figures", year=data["year"])])
    elif not areas_published(report):
        area_rows.append(["", t("ui.gap.areas_unpublished", year=data["year"], unit=data["unit"])])
    for area, a in zip(report.official.areas, o["areas"], strict=True):
        done = entered(report, area)  # over the items entered: a blank item is not a lost one
        area_rows.append([a["code"], a["name"], a["rank"], a["previous_rank"], a["lead"],
                          json_number(done.score) if done else None, json_number(done.max) if done else None,
                          json_number(done.percent) if done else None, done.blank if done else None,
                          "\n".join(s["text"] for s in a["shortfalls"])])
    book.write(table(t("ui.gap.sheet_areas"), area_rows))

    item_rows: list[list[Any]] = [[t("ui.gap.code"), t("ui.gap.item"), t("ui.gap.area"), t("ui.gap.score"),
                                   t("ui.gap.max"), t("ui.gap.lost"), t("ui.gap.status"), t("ui.gap.lead")]]
    item_rows += [[i["code"], i["name"], i["area"], i["score"], i["max"], i["lost"], t(f"status.{i['status']}"),
                   i["lead"]] for i in data["recoverable"]]
    book.write(table(t("ui.gap.sheet_items"), item_rows))

    lead_rows: list[list[Any]] = [[t("ui.gap.lead"), t("ui.gap.items"), t("ui.gap.recoverable_points")]]
    lead_rows += [[b["lead"] or t("ui.gap.no_lead"), b["items"], b["lost"]] for b in data["by_lead"]]
    book.write(table(t("ui.gap.sheet_leads"), lead_rows))

    if data["not_entered"]:
        blank_rows: list[list[Any]] = [[t("ui.gap.code"), t("ui.gap.item"), t("ui.gap.area"), t("ui.gap.max_points"),
                                        t("ui.gap.lead")]]
        blank_rows += [[i["code"], i["name"], i["area"], i["max"], i["lead"] or t("ui.gap.no_lead")]
                       for i in sorted(data["not_entered"], key=lambda i: (i["lead"] or "~", code_key(i["code"])))]
        book.write(table(t("ui.gap.sheet_blank"), blank_rows))

    if data["comparison"]:
        cmp = data["comparison"]
        cmp_rows: list[list[Any]] = [[t("ui.gap.kind"), t("ui.gap.code"), t("ui.gap.before"), t("ui.gap.after"),
                                      t("ui.gap.max_before"), t("ui.gap.max_after"), t("ui.gap.delta")]]
        for kind, label in (("same", "ui.gap.kind_changed"), ("max_changed", "ui.gap.kind_max"),
                            ("added", "ui.gap.kind_added"), ("removed", "ui.gap.kind_removed")):
            for c in cmp[kind]:
                if kind == "same" and not c["delta"]:
                    continue
                cmp_rows.append([t(label), c["code"], c["before"], c["after"], c["max_before"], c["max_after"],
                                 c["delta"]])
        book.write(table(t("ui.gap.sheet_compare"), cmp_rows))
    write_atomic(path, book.save, force)


def threshold_label(th: Threshold) -> str:
    """What a milestone is called in every renderer."""
    if th.kind == "grade":
        return t("ui.gap.grade", id=th.holder, at_least=fmt_num(th.score))
    if th.kind == "average":
        return t("ui.gap.average")
    return t("ui.gap.first") if th.rank == 1 else t("ui.gap.top", n=th.rank)
