"""Score results as data: the JSON contract, CSV rows and a Markdown summary.

The JSON shape is a contract other tools rely on (see README); numbers carry at most 2 decimals.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

from parindex.i18n import fmt_num, message, t
from parindex.provenance import provenance_banner
from parindex.scoring import ItemScore, UnitScore, biggest_losses, rank_units


def _num(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    value = value.quantize(Decimal("0.01")).normalize()
    return int(value) if value == value.to_integral_value() else float(value)


def _value(value: object) -> object:
    if isinstance(value, Decimal):
        return _num(value)
    return value


def unit_dict(unit: UnitScore) -> dict[str, Any]:
    cset = unit.criteria
    return {
        "criteria": {"id": cset.id, "status": cset.status, "fingerprint": cset.fingerprint(),
                     "provisional_values": cset.provisional_count()},
        "unit": unit.unit,
        "level": unit.level,
        "year": unit.year,
        "score": _num(unit.score),
        "max": _num(unit.max),
        "percent": _num(unit.percent),
        "components": [{"id": c.code, "score": _num(c.score), "max": _num(c.max), "full_max": _num(c.full_max)}
                       for c in unit.components],
        "areas": [{"code": a.code, "name": a.name, "score": _num(a.score), "max": _num(a.max),
                   "percent": _num(a.percent), "rank": a.rank} for a in unit.areas],
        "items": [_item_dict(s) for s in unit.items],
        "warnings": [{"code": n.code, "item": n.item, "cell": n.ref, "message": message(n.code, n.params)}
                     for n in unit.warnings],
        "errors": [{"code": n.code, "item": n.item, "cell": n.ref, "message": message(n.code, n.params)}
                   for n in unit.errors],
    }


def _item_dict(s: ItemScore) -> dict[str, Any]:
    return {"code": s.item.code, "area": s.area.code, "score": _num(s.points), "max": _num(s.item.max),
            "status": s.status, "value": _value(s.value), "self_score": _num(s.self_score),
            "appraised": _num(s.appraised), "lead": s.lead}


def report_dict(units: list[UnitScore]) -> dict[str, Any]:
    """One unit: its dict. Several: every unit and the ranking."""
    if len(units) == 1:
        return unit_dict(units[0])
    return {"units": [unit_dict(u) for u in units],
            "ranking": [{"rank": r.rank, "unit": r.unit.unit, "score": _num(r.unit.score), "max": _num(r.unit.max),
                         "percent": _num(r.unit.percent)} for r in rank_units(units)]}


def report_json(units: list[UnitScore]) -> str:
    """Indented for one unit (people read it); compact for many (Python's indenting encoder is 5× slower)."""
    return json.dumps(report_dict(units), ensure_ascii=False, indent=2 if len(units) == 1 else None) + "\n"


def report_csv(units: list[UnitScore]) -> str:
    """One row per unit and item: the table an officer pivots in Excel."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["unit", "year", "criteria", "criteria_status", "area", "code", "name", "status", "value",
                     "score", "max", "self_score", "appraised", "lead"])
    for unit in units:
        for s in unit.items:
            writer.writerow([unit.unit, unit.year, unit.criteria.id, unit.criteria.status, s.area.code,
                             s.item.code, s.item.name, s.status,
                             "" if s.value is None else _value(s.value), _num(s.points), _num(s.item.max),
                             "" if s.self_score is None else _num(s.self_score),
                             "" if s.appraised is None else _num(s.appraised), s.lead or ""])
    return out.getvalue()


def report_markdown(units: list[UnitScore]) -> str:
    lines: list[str] = []
    for unit in units:
        banner = provenance_banner(unit.criteria)
        if banner:
            lines += [f"> {banner}", ""]
        lines += [f"## {unit.unit} — {unit.year}", "",
                  f"{t('ui.score.total')}: **{fmt_num(unit.score)} / {fmt_num(unit.max)}** "
                  f"({fmt_num(unit.percent, 1)} %)", "",
                  f"| {t('ui.score.code')} | {t('ui.score.area')} | {t('ui.score.points')} | {t('ui.score.max')} "
                  f"| % | {t('ui.score.rank')} |", "|---|---|---:|---:|---:|---:|"]
        lines += [f"| {a.code} | {a.name} | {fmt_num(a.score)} | {fmt_num(a.max)} | {fmt_num(a.percent, 1)} "
                  f"| {a.rank} |" for a in unit.areas]
        lines += ["", f"**{t('ui.score.losses')}**", "",
                  f"| {t('ui.score.code')} | {t('ui.score.item')} | {t('ui.score.lost')} | {t('ui.score.lead')} |",
                  "|---|---|---:|---|"]
        lines += [f"| {s.item.code} | {s.item.name} | {fmt_num(s.lost)} | {s.lead or ''} |"
                  for s in biggest_losses(unit)]
        lines.append("")
    if len(units) > 1:
        lines += [f"## {t('ui.score.ranking')}", "",
                  f"| {t('ui.score.rank')} | {t('ui.score.unit')} | {t('ui.score.points')} | {t('ui.score.max')} "
                  "| % |", "|---:|---|---:|---:|---:|"]
        lines += [f"| {r.rank} | {r.unit.unit} | {fmt_num(r.unit.score)} | {fmt_num(r.unit.max)} "
                  f"| {fmt_num(r.unit.percent, 1)} |" for r in rank_units(units)]
        lines.append("")
    return "\n".join(lines)
