"""Where `parindex gap FILE` gets the current self-assessment: a `score --format json` result or a workbook.

Both end as a `gap.CurrentResult`. A JSON result is checked against the score JSON contract (pydantic,
unknown keys ignored so later additions to the contract do not break it); a workbook is scored through the
scoring engine and its JSON export, so both paths read exactly the same shape.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from parindex.common.errors import ParindexError
from parindex.common.unit_names import match_name
from parindex.criteria.model import CriteriaSet, effective_lead
from parindex.gap.analysis import CurrentItem, CurrentPart, CurrentResult, InputNotice
from parindex.io.yaml_source import read_text
from parindex.scoring.engine import round_points

# Points in a result file: bounded like a criteria set's (a score of 1e40 would overflow the rounding to cents)
_Points = Annotated[Decimal, Field(ge=-10_000, le=10_000, allow_inf_nan=False)]


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore")


class _Criteria(_Loose):
    id: str
    status: str = "official"
    fingerprint: str | None = None
    provisional_values: int | None = None


class _Part(_Loose):
    id: str | None = None
    code: str | None = None
    name: str | None = None
    score: _Points
    max: _Points
    full_max: _Points | None = None


class _Item(_Loose):
    code: str
    area: str
    score: _Points
    max: _Points
    status: str
    lead: str | None = None


class ScoreJson(_Loose):
    """One unit of `parindex score --format json`."""

    criteria: _Criteria
    unit: str
    level: str = "province"
    year: str | int
    score: _Points
    max: _Points
    components: list[_Part]
    areas: list[_Part]
    items: list[_Item]
    warnings: list[Any] = []
    errors: list[Any] = []


def _part(part: _Part, code: str | None) -> CurrentPart:
    return CurrentPart(code or "?", part.name, round_points(part.score), round_points(part.max),
                       round_points(part.full_max) if part.full_max is not None else None)


def result_from_dict(data: Any, where: str, unit: str | None = None) -> CurrentResult:
    """A CurrentResult from the score JSON (one unit, or `{"units": [...]}` and the one `unit` names)."""
    if isinstance(data, dict) and isinstance(data.get("units"), list):
        names = {str(u.get("unit", "")): [] for u in data["units"] if isinstance(u, dict)}
        if unit is None:
            raise ParindexError("PG413", where=where, names=", ".join(names) or "–")
        chosen = match_name(unit, names, context=where)  # type: ignore[arg-type]
        data = next(u for u in data["units"] if isinstance(u, dict) and str(u.get("unit", "")) == chosen)
    try:
        parsed = ScoreJson.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        field = ".".join(str(part) for part in first["loc"]) or "(root)"
        raise ParindexError("PG414", where=where, field=field, problem=first["msg"]) from None
    return CurrentResult(
        criteria_id=parsed.criteria.id,
        criteria_status=parsed.criteria.status,
        fingerprint=parsed.criteria.fingerprint,
        unit=parsed.unit,
        level=parsed.level,
        year=str(parsed.year),
        score=round_points(parsed.score),
        max=round_points(parsed.max),
        components=[_part(p, p.id or p.code) for p in parsed.components],
        areas=[_part(p, p.code or p.id) for p in parsed.areas],
        items=[CurrentItem(i.code, i.area, round_points(i.score), round_points(i.max), i.status, i.lead)
               for i in parsed.items],
        warnings=[_notice(n) for n in parsed.warnings],
        errors=[_notice(n) for n in parsed.errors],
        source=where,
        provisional=parsed.criteria.provisional_values or 0,
    )


def _notice(entry: Any) -> InputNotice:
    if not isinstance(entry, dict):
        return InputNotice("?", message=str(entry))
    return InputNotice(str(entry.get("code") or "?"), entry.get("item"), entry.get("cell"),
                       str(entry.get("message") or ""))


def read_result_json(path: Path, unit: str | None = None) -> CurrentResult:
    text = read_text(path)
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise ParindexError("PG414", where=f"{path}:{exc.lineno}:{exc.colno}", field="(json)",
                            problem=exc.msg) from None
    return result_from_dict(data, str(path), unit)


def read_workbook(path: Path, criteria_ref: str | None) -> CurrentResult:
    """Score an evidence workbook with the scoring engine and read its JSON export."""
    from parindex.scoring.reports import unit_dict
    from parindex.scoring.runs import score_workbook

    unit = score_workbook(path, criteria_ref, {})
    data = json.loads(json.dumps(unit_dict(unit), ensure_ascii=False), parse_float=Decimal)
    return result_from_dict(data, str(path))


def read_current(path: Path, criteria_ref: str | None, unit: str | None) -> CurrentResult:
    """A `.json` file is a score result; anything else goes to the workbook reader, which says what it is."""
    if path.suffix.lower() == ".json":
        return read_result_json(path, unit)
    return read_workbook(path, criteria_ref)


def with_criteria(current: CurrentResult, cset: CriteriaSet | None) -> CurrentResult:
    """Item names, components and lead agencies from the criteria set the result was scored with."""
    if cset is None:
        return current
    known = {item.code: (area, item) for area, item in cset.items()}
    items = []
    for item in current.items:
        area, defined = known.get(item.code, (None, None))
        if defined is None:
            items.append(item)
            continue
        items.append(CurrentItem(item.code, item.area, item.score, item.max, item.status,
                                 item.lead or effective_lead(area, defined), defined.name,  # type: ignore[arg-type]
                                 defined.component))
    defined_areas = {a.code: a for a in cset.areas}
    areas = [CurrentPart(a.id, a.name or (defined_areas[a.id].name if a.id in defined_areas else None), a.score,
                         a.max, a.full_max or (defined_areas[a.id].max if a.id in defined_areas else None))
             for a in current.areas]
    comp_names = {c.id: c.name for c in cset.components}
    comps = [CurrentPart(c.id, c.name or comp_names.get(c.id), c.score, c.max, c.full_max) for c in current.components]
    return CurrentResult(**{**current.__dict__, "items": items, "areas": areas, "components": comps})
