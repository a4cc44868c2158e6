"""Score results as data: the JSON contract, CSV rows and a Markdown summary.

The JSON shape is a contract other tools rely on (see README); numbers carry at most 2 decimals.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache, partial
from typing import Any, TextIO

from parindex.common.i18n import fmt_num, t
from parindex.criteria.provenance import provenance_banner
from parindex.scoring.engine import CENT, ItemScore, RankedUnit, UnitScore, UnitTotals, biggest_losses, rank_units


def json_number(value: Decimal | int | None) -> float | int | None:
    """A number for JSON: at most 2 decimals; a whole number as an int (85, not 85.0)."""
    if value is None or isinstance(value, int):
        return value
    return _json_number(value) if value.is_finite() else _quantized(value)


@lru_cache(maxsize=4096)  # a few hundred distinct points and maxima in a run; 1, 1.0 and 1.00 are one key
def _json_number(value: Decimal) -> float | int:
    return _quantized(value)


def _quantized(value: Decimal) -> float | int:
    value = value.quantize(CENT)
    return int(value) if value == value.to_integral_value() else float(value)


def _value(value: object) -> object:
    if isinstance(value, Decimal):
        return json_number(value)
    return value


def unit_dict(unit: UnitScore) -> dict[str, Any]:
    cset = unit.criteria
    return {
        "criteria": {"id": cset.id, "status": cset.status, "fingerprint": cset.fingerprint(),
                     "provisional_values": cset.provisional_count()},
        "unit": unit.unit,
        "level": unit.level,
        "year": unit.year,
        "score": json_number(unit.score),
        "self_score": json_number(unit.self_score),
        "appraised_score": json_number(unit.appraised_score),
        "base": json_number(unit.base),
        "bonus": json_number(unit.bonus),
        "penalty": json_number(unit.penalty),
        "max": json_number(unit.max),
        "percent": json_number(unit.percent),
        "components": [{"id": c.code, "score": json_number(c.score), "max": json_number(c.max),
                        "full_max": json_number(c.full_max)} for c in unit.components],
        "areas": [{"code": a.code, "name": a.name, "score": json_number(a.score), "max": json_number(a.max),
                   "percent": json_number(a.percent), "rank": a.rank} for a in unit.areas],
        "adjustments": [{"id": a.id, "earned": json_number(a.earned), "cap": json_number(a.cap),
                         "points": json_number(a.points)} for a in unit.adjustments],
        "items": [_item_dict(s) for s in unit.items],
        "appraisal_differences": [{"code": s.item.code, "name": s.item.name, "own": json_number(s.own),
                                   "appraised": json_number(s.appraised), "delta": json_number(delta(s))}
                                  for s in unit.differences()],
        "warnings": [{"code": n.code, "item": n.item, "cell": n.where or "", "message": n.text()}
                     for n in unit.warnings],
        "errors": [{"code": n.code, "item": n.item, "cell": n.where or "", "message": n.text()}
                   for n in unit.errors],
    }


def delta(s: ItemScore) -> Decimal:
    """Appraised minus own: negative where the appraisal took points away."""
    return (s.appraised if s.appraised is not None else s.own) - s.own


def headline(unit: UnitScore) -> str:
    """`Tổng điểm tự đánh giá: 58,05 / 80 (72,6 %)`, or the total after appraisal, saying which it is."""
    shown = f"{fmt_num(unit.score)} / {fmt_num(unit.max)} ({fmt_num(unit.percent, 1)} %)"
    if unit.appraised_score is None:
        return f"{t('ui.score.total')}: {shown}"
    appraised = sum(1 for s in unit.items if s.appraised is not None)
    return (f"{t('ui.score.total_appraised')}: {shown} — "
            f"{t('ui.score.total_appraised_note', n=appraised, self=fmt_num(unit.self_score))}")


def total_parts(unit: UnitScore) -> list[tuple[str, Decimal, str]]:
    """The total as its parts, where the set has bonus or penalty: (label, points, note)."""
    if not unit.adjustments:
        return []
    parts = [(t("ui.score.base"), unit.base, "")]
    for a in unit.adjustments:
        parts.append((t(f"ui.score.{a.id}"), a.points if a.id == "bonus" else -a.points,
                      t("ui.score.earned", earned=fmt_num(a.earned), cap=fmt_num(a.cap))))
    return parts


def _item_dict(s: ItemScore) -> dict[str, Any]:
    return {"code": s.item.code, "area": s.area.code, "score": json_number(s.points), "max": json_number(s.item.max),
            "own_score": json_number(s.own),
            "status": s.status, "value": _value(s.value), "self_score": json_number(s.self_score),
            "appraised": json_number(s.appraised), "lead": s.lead}


def unit_json(unit: UnitScore, indent: int | None = None) -> str:
    return json.dumps(unit_dict(unit), ensure_ascii=False, indent=indent)


def ranking_dicts(ranking: list[RankedUnit]) -> list[dict[str, Any]]:
    return [{"rank": r.rank, "unit": r.unit.unit, "score": json_number(r.unit.score), "max": json_number(r.unit.max),
             "percent": json_number(r.unit.percent), "base": json_number(r.unit.base),
             "bonus": json_number(r.unit.bonus), "penalty": json_number(r.unit.penalty),
             "estimated": json_number(r.unit.estimated), "rank_percent": json_number(r.unit.rank_percent)}
            for r in ranking]


def ranking_notes(ranking: list[RankedUnit]) -> list[str]:
    """What every ranking says about the survey: from the province's table, and/or units' own estimates left out."""
    notes = []
    if any(r.unit.surveyed for r in ranking):
        notes.append(t("ui.score.rank_surveyed"))
    estimating = sum(1 for r in ranking if r.unit.estimated_max)
    if estimating:
        notes.append(t("ui.score.rank_estimates", units=estimating))
    return notes


def ranking_json(ranking: list[RankedUnit]) -> str:
    return (f'], "ranking": {json.dumps(ranking_dicts(ranking), ensure_ascii=False)}, '
            f'"ranking_notes": {json.dumps(ranking_notes(ranking), ensure_ascii=False)}}}\n')


CSV_HEADER = ("unit", "year", "criteria", "criteria_status", "area", "code", "name", "status", "value", "score",
              "max", "own_score", "self_score", "appraised", "lead")


def unit_csv(unit: UnitScore) -> str:
    """One row per item: the table an officer pivots in Excel (the header is the report's)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for s in unit.items:
        writer.writerow([unit.unit, unit.year, unit.criteria.id, unit.criteria.status, s.area.code,
                         s.item.code, s.item.name, s.status,
                         "" if s.value is None else _value(s.value), json_number(s.points), json_number(s.item.max),
                         json_number(s.own), "" if s.self_score is None else json_number(s.self_score),
                         "" if s.appraised is None else json_number(s.appraised), s.lead or ""])
    return out.getvalue()


def unit_markdown(unit: UnitScore) -> str:
    lines: list[str] = []
    banner = provenance_banner(unit.criteria)
    if banner:
        lines += [f"> {banner.text()}", ""]
    lines += [f"## {unit.unit} — {unit.year}", "", f"**{headline(unit)}**", ""]
    lines += [f"- {label}: {fmt_num(points)}" + (f" ({note})" if note else "")
              for label, points, note in total_parts(unit)]
    lines += ["",
              f"| {t('ui.score.code')} | {t('ui.score.area')} | {t('ui.score.points')} | {t('ui.score.max')} "
              f"| % | {t('ui.score.rank')} |", "|---|---|---:|---:|---:|---:|"]
    lines += [f"| {a.code} | {a.name} | {fmt_num(a.score)} | {fmt_num(a.max)} | {fmt_num(a.percent, 1)} "
              f"| {a.rank} |" for a in unit.areas]
    lines += ["", f"**{t('ui.score.losses')}**", "",
              f"| {t('ui.score.code')} | {t('ui.score.item')} | {t('ui.score.lost')} | {t('ui.score.lead')} |",
              "|---|---|---:|---|"]
    lines += [f"| {s.item.code} | {s.item.name} | {fmt_num(s.lost)} | {s.lead or ''} |" for s in biggest_losses(unit)]
    if unit.differences():
        lines += ["", f"**{t('ui.score.differences')}**", "",
                  f"| {t('ui.score.code')} | {t('ui.score.item')} | {t('ui.score.own')} | {t('ui.score.appraised')} "
                  f"| {t('ui.score.delta')} |", "|---|---|---:|---:|---:|"]
        lines += [f"| {s.item.code} | {s.item.name} | {fmt_num(s.own)} | {fmt_num(s.appraised)} | {fmt_num(delta(s))} |"
                  for s in unit.differences()]
    return "\n".join(lines) + "\n"


def ranking_markdown(ranking: list[RankedUnit]) -> str:
    lines = ["", f"## {t('ui.score.ranking')}", "",
             f"| {t('ui.score.rank')} | {t('ui.score.unit')} | {t('ui.score.base')} | {t('ui.score.bonus')} "
             f"| {t('ui.score.penalty')} | {t('ui.score.points')} | {t('ui.score.max')} | % |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| {r.rank} | {r.unit.unit} | {fmt_num(r.unit.base)} | {fmt_num(r.unit.bonus)} "
              f"| {fmt_num(r.unit.penalty)} | {fmt_num(r.unit.score)} | {fmt_num(r.unit.max)} "
              f"| {fmt_num(r.unit.percent, 1)} |" for r in ranking]
    lines += ["", *(f"> {note}" for note in ranking_notes(ranking))] if ranking_notes(ranking) else []
    return "\n".join(lines) + "\n"


# --- a report as a stream: a head, each unit's part (made where the unit was scored), a tail ------------

def no_ranking(ranking: list[RankedUnit]) -> str:
    return ""


@dataclass(frozen=True)
class TextReport:
    """How one text format lays out a run: written as the units arrive, so a run over many workbooks keeps
    only their totals (for the ranking), whatever its size."""

    unit: Callable[[UnitScore], str]  # one unit's part; runs in the worker process that scored the unit
    head: str = ""
    joiner: str = ""
    tail: Callable[[list[RankedUnit]], str] = no_ranking
    file_encoding: str = "utf-8"  # of a file written with -o


def text_report(fmt: str, many: bool) -> TextReport:
    """The layout of json, csv or md output, for one unit or for several (with their ranking)."""
    if fmt == "json":
        if not many:  # the one-unit contract is the unit itself, indented for people
            return TextReport(partial(unit_json, indent=2), tail=lambda ranking: "\n")
        return TextReport(unit_json, '{"units": [', ", ", ranking_json)
    if fmt == "csv":
        # utf-8-sig: with the BOM, Excel opens the file as UTF-8 instead of garbling the Vietnamese
        return TextReport(unit_csv, head=",".join(CSV_HEADER) + "\n", file_encoding="utf-8-sig")
    if fmt == "md":
        return TextReport(unit_markdown, joiner="\n", tail=ranking_markdown if many else no_ranking)
    raise ValueError(fmt)


def write_report(out: TextIO, report: TextReport, parts: Iterable[tuple[str, UnitTotals]]) -> list[UnitTotals]:
    """Write the head, each unit's part as it comes, then the tail with the ranking; the units' totals."""
    out.write(report.head)
    totals: list[UnitTotals] = []
    for text, unit in parts:
        if totals:
            out.write(report.joiner)
        out.write(text)
        totals.append(unit)
    out.write(report.tail(rank_units(totals)))
    return totals


def report_text(report: TextReport, units: list[UnitScore]) -> str:
    """A whole report of units already scored, as one string (for callers that hold the units)."""
    out = io.StringIO()
    write_report(out, report, ((report.unit(unit), unit.totals()) for unit in units))
    return out.getvalue()
