"""What `parindex gap` reads (an adapter): the official baselines, the criteria set, and the current
self-assessment — a `score --format json` result or a workbook — and the report made of them.

Both kinds of self-assessment end as a `gap.CurrentResult`. A JSON result is read through the score JSON contract
(`scoring.result`: unknown keys ignored so later additions to the contract do not break it); a workbook is
scored with the scoring engine and its `UnitScore` taken as it is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from parindex.baseline.files import find_baseline
from parindex.baseline.model import Baseline
from parindex.common.errors import ParindexError
from parindex.common.messages import Message
from parindex.common.unit_names import match_name
from parindex.criteria.files import load_bundled, load_criteria
from parindex.criteria.leads import lead_key, lead_names
from parindex.criteria.model import CriteriaSet, Role, effective_lead
from parindex.gap.analysis import (
    AreaPast,
    CriteriaInfo,
    CurrentItem,
    CurrentPart,
    CurrentResult,
    GapInputs,
    GapOptions,
    GapReport,
    InputNotice,
    analyse,
    needed_current,
)
from parindex.io.json_source import JsonBeyond, parse_json
from parindex.io.yaml_source import read_text
from parindex.scoring.engine import Subtotal, UnitScore, round_points
from parindex.scoring.result import AreaResult, ComponentResult, Notice, UnitResult


def _part(part: ComponentResult | AreaResult, code: str, name: str | None = None,
          full_max: Decimal | None = None) -> CurrentPart:
    return CurrentPart(code, name, round_points(part.score), round_points(part.max),
                       round_points(full_max) if full_max is not None else None)


def result_from_dict(data: Any, where: str, unit: str | None = None) -> CurrentResult:
    """A CurrentResult from the score JSON (one unit, or `{"units": [...]}` and the one `unit` names)."""
    if isinstance(data, dict) and isinstance(data.get("units"), list):
        names: dict[str, list[str]] = {str(u.get("unit", "")): [] for u in data["units"] if isinstance(u, dict)}
        if unit is None:
            raise ParindexError("PG413", where=where, names=", ".join(names) or "–")
        chosen = match_name(unit, names, context=where)
        data = next(u for u in data["units"] if isinstance(u, dict) and str(u.get("unit", "")) == chosen)
    try:
        parsed = UnitResult.model_validate(data)
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
        components=[_part(p, p.id, full_max=p.full_max) for p in parsed.components],
        areas=[_part(p, p.code, p.name) for p in parsed.areas],
        items=[CurrentItem(i.code, i.area, round_points(i.score), round_points(i.max), i.status, i.lead)
               for i in parsed.items],
        warnings=[_notice(n) for n in parsed.warnings],
        errors=[_notice(n) for n in parsed.errors],
        source=where,
        provisional=parsed.criteria.provisional_values or 0,
        roles={p.id: p.role for p in parsed.components if p.id and p.role},
    )


def _notice(entry: Notice) -> InputNotice:
    return InputNotice(entry.code or "?", entry.item, entry.cell, Message("ui.gap.as_written", {"text": entry.message}))


def read_result_json(path: Path, unit: str | None = None) -> CurrentResult:
    text = read_text(path)
    try:
        data = parse_json(text, str(path))
    except JsonBeyond as beyond:  # said as the contract says a field it refuses
        field = ".".join(str(part) for part in beyond.loc) or "(root)"
        problem = Message(beyond.error.msg.code, beyond.error.msg.params)  # its text, without its place
        raise ParindexError("PG414", where=str(path), field=field, problem=problem) from None
    except json.JSONDecodeError as exc:
        raise ParindexError("PG414", where=f"{path}:{exc.lineno}:{exc.colno}", field="(json)",
                            problem=exc.msg) from None
    return result_from_dict(data, str(path), unit)


def read_workbook(path: Path, criteria_ref: str | None) -> CurrentResult:
    """Score an evidence workbook with the scoring engine."""
    from parindex.scoring.runs import score_workbook

    return result_from_score(score_workbook(path, criteria_ref, {}))


def result_from_score(unit: UnitScore) -> CurrentResult:
    """A CurrentResult from a unit scored in this run: what its score JSON would say, without the JSON."""
    cset = unit.criteria
    return CurrentResult(
        criteria_id=cset.id,
        criteria_status=cset.status,
        fingerprint=cset.fingerprint(),
        unit=unit.unit,
        level=unit.level,
        year=unit.year,
        score=round_points(unit.score),
        max=round_points(unit.max),
        components=[_subtotal(c) for c in unit.components],
        areas=[_subtotal(a) for a in unit.areas],
        items=[CurrentItem(s.item.code, s.area.code, round_points(s.points), round_points(s.item.max), s.status,
                           s.lead, s.item.name, s.item.component) for s in unit.items],
        warnings=[InputNotice(n.code, n.item, n.where, n) for n in unit.warnings],
        errors=[InputNotice(n.code, n.item, n.where, n) for n in unit.errors],
        source=unit.source,
        provisional=cset.provisional_count(),
        roles=_roles(cset),
    )


def _subtotal(part: Subtotal) -> CurrentPart:
    return CurrentPart(part.code, part.name, round_points(part.score), round_points(part.max),
                       round_points(part.full_max))


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
    spelling = {lead_key(name): name for name in lead_names(cset)}  # one agency typed two ways is one agency
    items = []
    for item in current.items:
        found = known.get(item.code)
        if found is None:
            items.append(item)
            continue
        area, defined = found
        lead = item.lead or effective_lead(area, defined)
        items.append(CurrentItem(item.code, item.area, item.score, item.max, item.status,
                                 spelling.get(lead_key(lead), lead) if lead else lead, defined.name,
                                 defined.component))
    defined_areas = {a.code: a for a in cset.areas}
    areas = [CurrentPart(a.id, a.name or (defined_areas[a.id].name if a.id in defined_areas else None), a.score,
                         a.max, a.full_max or (defined_areas[a.id].max if a.id in defined_areas else None))
             for a in current.areas]
    comp_names = {c.id: c.name for c in cset.components}
    comps = [CurrentPart(c.id, c.name or comp_names.get(c.id), c.score, c.max, c.full_max) for c in current.components]
    return replace(current, items=items, areas=areas, components=comps, roles={**current.roles, **_roles(cset)})


def _roles(cset: CriteriaSet) -> dict[str, Role]:
    return {comp.id: comp.role for comp in cset.components}


# --- everything the report is made of -----------------------------------------------------------------------

@dataclass(frozen=True)
class GapFiles:
    """What `parindex gap` reads: the baseline year, and the files its command line names."""

    year: int
    current: Path | None = None  # FILE: a workbook or a score result
    official: Path | None = None  # --official: a baseline file instead of the bundled one
    criteria: str | None = None  # --criteria: a set's id or file
    earlier: Path | None = None  # --baseline: an earlier scoring, compared item by item


def gap_report(files: GapFiles, options: GapOptions) -> GapReport:
    """The whole report: the inputs read, then the pure analysis."""
    return analyse(read_inputs(files, options.unit), options)


def read_inputs(files: GapFiles, unit: str | None) -> GapInputs:
    """Baselines, criteria set and scorings, in the order their errors should be met."""
    current = read_current(files.current, files.criteria, unit) if files.current is not None else None
    level = current.level if current else "province"
    base_path, base = find_baseline(files.year, level, files.official)
    previous = _previous(files.year - 1, level)
    cset, notes = _criteria_set(files.criteria, current.criteria_id if current else base.criteria)
    if current is not None:
        notes += _other_fingerprint(current, cset)
        current = with_criteria(current, cset)
    earlier = read_current(files.earlier, None, needed_current(current).unit) if files.earlier else None
    info = CriteriaInfo.of_set(cset) if cset else CriteriaInfo.of_result(current) if current else None
    year_set = cset if current is None or current.criteria_id == base.criteria else _year_set(base.criteria)
    areas = {a.code: (a.name, a.lead) for a in year_set.areas} if year_set else {}  # the year's areas
    return GapInputs(base, str(base_path), previous, current, earlier, info, areas, notes,
                     AreaPast.of_set(cset), AreaPast.of_set(year_set))


def _year_set(set_id: str) -> CriteriaSet | None:
    """The set the year was scored with, when the workbook's is another: its areas name the year's (if bundled)."""
    try:
        return load_bundled(set_id)
    except ParindexError as exc:
        if exc.code != "PE300":
            raise
        return None


def _previous(year: int, level: str) -> Baseline | None:
    """The year before, when there is a baseline for it."""
    try:
        return find_baseline(year, level)[1]
    except ParindexError as exc:
        if exc.code not in ("PG403", "PG421"):  # none of that year, or none of that level (--official gave it)
            raise
        return None


def _criteria_set(given: str | None, ref: str) -> tuple[CriteriaSet | None, tuple[Message, ...]]:
    """--criteria must load; otherwise the bundled set of the id the result or the baseline names, which a
    result of someone's own set may not have: said, and the report made without it."""
    try:
        return (load_criteria(given) if given else load_bundled(ref)), ()
    except ParindexError as exc:
        if given or exc.code != "PE300":
            raise
        return None, (Message("ui.gap.criteria_missing", {"id": ref}),)


def _other_fingerprint(current: CurrentResult, cset: CriteriaSet | None) -> tuple[Message, ...]:
    if cset is None or not current.fingerprint or current.fingerprint == cset.fingerprint():
        return ()
    return (Message("ui.gap.criteria_other", {"set_id": cset.id, "set_fp": cset.fingerprint(),
                                           "id": current.criteria_id, "fp": current.fingerprint}),)
