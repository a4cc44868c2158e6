"""Reading baseline files: YAML → schema → named checks (PX2xx) with positions → a checked `Baseline`.

The checks hold the published numbers to what a reviewer would check by hand: parts add up to totals to
the cent, ranks are unique and agree with the totals, every value says where it was read and how sure it
is, and nothing is estimated.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from parindex.baseline.model import STATUSES, Baseline, Group, Provenance, SourcedPoints, SourcedRank, UnitResult
from parindex.common.errors import ParindexError
from parindex.common.findings import CHECK_NAMES, Finding
from parindex.common.findings import Path as FindingPath
from parindex.common.messages import Message
from parindex.common.unit_names import name_key
from parindex.criteria.decisions import decision_note
from parindex.criteria.files import CheckedFile, check_document, first_finding_at
from parindex.criteria.model import LEVELS
from parindex.io.bundled import bundled_files
from parindex.io.yaml_source import YamlDocument, load_yaml_file

BASELINE_CHECKS = {code: name for code, name in CHECK_NAMES.items() if code.startswith("PX2")}  # named in findings

_LITERAL_SOURCES = ("http://", "https://", "seeds/", "reference/", "DESIGN.md")


@dataclass
class CheckedBaseline(CheckedFile):
    baseline: Baseline | None = None


def check_baseline_document(path: Path, doc: YamlDocument) -> CheckedBaseline:
    baseline, findings = check_document(doc, Baseline, check_baseline)
    return CheckedBaseline(path, findings, baseline=baseline)


def check_baseline_file(path: Path) -> CheckedBaseline:
    return check_baseline_document(path, load_yaml_file(path))


def check_baseline(base: Baseline) -> list[Finding]:
    """Every named invariant of a parsed baseline (pure)."""
    findings: list[Finding] = []
    for check in (_provenance, _references, _maxima, _sums, _ranks, _names, _groups):
        findings.extend(check(base))
    return findings


# --- walking every sourced value with its path ------------------------------------------------------

def sourced_values(base: Baseline) -> Iterator[tuple[FindingPath, Provenance]]:
    for i, comp in enumerate(base.components):
        yield ("components", i), comp
    for i, col in enumerate(base.columns):
        yield ("columns", i), col
    for i, area in enumerate(base.areas):
        yield ("areas", i), area
    if base.national:
        if base.national.average:
            yield ("national", "average"), base.national.average
        for i, group in enumerate(base.national.groups):
            yield ("national", "groups", i, "count"), group.count
    for u, unit in enumerate(base.units):
        yield from _unit_values(("units", u), unit)


def _unit_values(path: FindingPath, unit: UnitResult) -> Iterator[tuple[FindingPath, Provenance]]:
    for key in ("total", "rank"):
        value = getattr(unit, key)
        if value is not None:
            yield path + (key,), value
    for comp_id, comp in unit.components.items():
        for key in ("score", "percent", "rank"):
            value = getattr(comp, key)
            if value is not None:
                yield path + ("components", comp_id, key), value
    for col_id, col in unit.columns.items():
        yield path + ("columns", col_id), col
    for a, area in enumerate(unit.areas):
        for key in ("score", "percent", "rank", "lead"):
            value = getattr(area, key)
            if value is not None:
                yield path + ("areas", a, key), value
    for s, shortfall in enumerate(unit.shortfalls):
        yield path + ("shortfalls", s), shortfall


# --- checks -----------------------------------------------------------------------------------------

def _provenance(base: Baseline) -> Iterator[Finding]:
    known = ", ".join(sorted(base.sources)) or "–"
    refs: list[tuple[FindingPath, str]] = [(("source",), base.source)]
    refs += [(("mergers", m, "source"), merger.source) for m, merger in enumerate(base.mergers)]
    groups = base.national.groups if base.national else []
    refs += [(("national", "groups", g, "source"), group.source) for g, group in enumerate(groups) if group.source]
    for path, value in sourced_values(base):
        refs.append((path + ("source",), value.source))
        if value.status not in STATUSES:
            yield Finding.of("PX203", path + ("status",), {"status": value.status, "accepted": ", ".join(STATUSES)})
        elif value.status == "derived" and not (value.note or "").strip():
            yield Finding.of("PX211", path + ("status",), {})
    for path, ref in refs:
        if ref not in base.sources and not ref.startswith(_LITERAL_SOURCES):
            yield Finding.of("PX204", path, {"source": ref, "known": known})


def _references(base: Baseline) -> Iterator[Finding]:
    components = {c.id for c in base.components}
    columns = {c.id for c in base.columns}
    areas = {a.code for a in base.areas}
    for i, col in enumerate(base.columns):
        if col.of not in components:
            yield Finding.of("PX209", ("columns", i, "of"), {"kind": "component", "ref": col.of,
                                                          "known": ", ".join(sorted(components))})
    for u, unit in enumerate(base.units):
        for comp_id in unit.components:
            if comp_id not in components:
                yield Finding.of("PX209", ("units", u, "components", comp_id),
                                 {"kind": "component", "ref": comp_id, "known": ", ".join(sorted(components))})
        for col_id in unit.columns:
            if col_id not in columns:
                yield Finding.of("PX209", ("units", u, "columns", col_id),
                                 {"kind": "column", "ref": col_id, "known": ", ".join(sorted(columns)) or "–"})
        where = [(("units", u, "areas", a, "code"), area.code) for a, area in enumerate(unit.areas)]
        where += [(("units", u, "shortfalls", s, "area"), sf.area) for s, sf in enumerate(unit.shortfalls)]
        for path, code in where:
            if code not in areas:
                yield Finding.of("PX209", path, {"kind": "area", "ref": code, "known": ", ".join(sorted(areas)) or "–"})


def _maxima(base: Baseline) -> Iterator[Finding]:
    maxima = [c.max for c in base.components if c.max is not None]
    if maxima and len(maxima) == len(base.components):  # every component says its max
        total = sum(maxima, Decimal(0))
        if total != base.max:
            yield Finding.of("PX210", ("components",), {"total": total, "max": base.max})
    comp_max = {c.id: c.max for c in base.components}
    for u, unit in enumerate(base.units):
        path: FindingPath = ("units", u)
        if unit.total and unit.total.value > base.max:
            yield Finding.of("PX208", path + ("total", "value"), {"what": unit.name, "value": unit.total.value,
                                                              "max": base.max})
        # (a sourced value, the most it may be, where it is under the unit)
        checks: list[tuple[SourcedRank | SourcedPoints | None, Decimal | int | None, FindingPath]]
        checks = [(unit.rank, base.total_units, ("rank",))]
        for comp_id, comp in unit.components.items():
            checks.append((comp.rank, base.total_units, ("components", comp_id, "rank")))
            checks.append((comp.score, comp_max.get(comp_id), ("components", comp_id, "score")))
            checks.append((comp.percent, Decimal(100), ("components", comp_id, "percent")))
        for a, area in enumerate(unit.areas):
            checks.append((area.rank, base.total_units, ("areas", a, "rank")))
            checks.append((area.percent, Decimal(100), ("areas", a, "percent")))
        for value, maximum, sub in checks:
            if value is not None and maximum is not None and value.value > maximum:
                yield Finding.of("PX208", path + sub + ("value",), {"what": f"{unit.name} {'.'.join(map(str, sub))}",
                                                                 "value": value.value, "max": maximum})


def _sums(base: Baseline) -> Iterator[Finding]:
    ids = [c.id for c in base.components]
    for u, unit in enumerate(base.units):
        tolerance = unit.rounding.tolerance if unit.rounding else Decimal(0)
        worst = Decimal(0)
        scores = [score for score in map(unit.component_score, ids) if score is not None]
        if unit.total is not None and len(scores) == len(ids):  # every component's score is there
            total = sum((s.value for s in scores), Decimal(0))
            worst = max(worst, abs(total - unit.total.value))
            if abs(total - unit.total.value) > tolerance:
                yield Finding.of("PX201", ("units", u, "total", "value"),
                                 {"unit": unit.name, "sum": total, "parts": " + ".join(ids), "total": unit.total.value})
        for comp_id in ids:
            parts = [c.id for c in base.columns if c.of == comp_id]
            score = unit.component_score(comp_id)
            if not parts or score is None or not all(p in unit.columns for p in parts):
                continue
            total = sum((unit.columns[p].value for p in parts), Decimal(0))
            worst = max(worst, abs(total - score.value))
            if abs(total - score.value) > tolerance:
                yield Finding.of("PX202", ("units", u, "components", comp_id, "score", "value"),
                                 {"unit": unit.name, "component": comp_id, "sum": total, "parts": " + ".join(parts),
                                  "score": score.value})
        if unit.rounding and worst == 0:
            yield Finding.of("PX214", ("units", u, "rounding"), {"unit": unit.name})


def _ranks(base: Baseline) -> Iterator[Finding]:
    first: dict[int, int] = {}
    for u, unit in enumerate(base.units):
        if unit.rank is None:
            continue
        rank = unit.rank.value
        if rank in first:
            yield Finding.of("PX205", ("units", u, "rank", "value"),
                             {"rank": rank, "unit": unit.name, "other": base.units[first[rank]].name})
        else:
            first[rank] = u
    # (rank, index, total, name) of the units with both, in rank order
    known = sorted((unit.rank.value, u, unit.total.value, unit.name) for u, unit in enumerate(base.units)
                   if unit.rank is not None and unit.total is not None)
    for (upper_rank, _, upper_total, upper), (lower_rank, below, lower_total, lower) in itertools.pairwise(known):
        if lower_total > upper_total:
            yield Finding.of("PX206", ("units", below, "rank", "value"),
                             {"unit": lower, "rank": lower_rank, "total": lower_total,
                              "other": upper, "other_rank": upper_rank, "other_total": upper_total})


def _names(base: Baseline) -> Iterator[Finding]:
    seen: dict[str, str] = {}
    homes = 0
    for u, unit in enumerate(base.units):
        keys = {name_key(n, base.level) for n in (unit.name, *unit.aliases)}
        for key in sorted(keys):
            if key in seen:
                yield Finding.of("PX207", ("units", u, "name"), {"unit": unit.name, "other": seen[key]})
                break
        for key in keys:
            seen.setdefault(key, unit.name)
        if unit.home:
            homes += 1
            if homes > 1:
                yield Finding.of("PX213", ("units", u, "home"), {"unit": unit.name})


def _groups(base: Baseline) -> Iterator[Finding]:
    if not base.national or not base.national.groups:
        return
    groups = base.national.groups
    total = sum(g.count.value for g in groups)
    if total > base.total_units or (total != base.total_units and _cover_everything(groups)):
        yield Finding.of("PX212", ("national", "groups"), {"sum": total, "units": base.total_units})
    for g, group in enumerate(groups):
        members = [u.name for u in base.units if u.total is not None and group.holds(u.total.value)]
        if len(members) > group.count.value:
            yield Finding.of("PX212", ("national", "groups", g, "count", "value"),
                             {"sum": f"{group.id}: {len(members)} ({', '.join(members)})", "units": group.count.value})


def _cover_everything(groups: list[Group]) -> bool:
    """Bands that run from nothing to everything without a gap: their counts must add up to all units."""
    bands = sorted(groups, key=lambda g: (g.at_least is not None, g.at_least or 0))
    if bands[0].at_least is not None or bands[-1].below is not None:
        return False
    return all(a.below is not None and a.below == b.at_least for a, b in itertools.pairwise(bands))


# --- loading for the gap command ---------------------------------------------------------------------

def load_baseline(path: Path) -> Baseline:
    """A valid baseline or a ParindexError telling the user to run `parindex validate` on it."""
    checked = check_baseline_file(path)
    if checked.findings or checked.baseline is None:
        raise ParindexError("PG410", where=first_finding_at(checked), path=str(checked.path),
                            count=len(checked.findings))
    return checked.baseline


@functools.cache  # bundled files do not change while the tool runs; gap looks up two years
def bundled_baselines() -> list[tuple[Path, Baseline]]:
    return [(path, load_baseline(path)) for path in bundled_files("baselines")]


def find_baseline(year: int, level: str = "province", path: Path | None = None) -> tuple[Path, Baseline]:
    """The baseline of `year` (bundled, or the file given); PG403 lists the years there are."""
    candidates = [(path, load_baseline(path))] if path is not None else bundled_baselines()
    for found_path, base in candidates:
        if base.year == year and base.level == level:
            return found_path, base
    years = ", ".join(str(b.year) for _, b in candidates if b.level == level) or "–"
    if years == "–" and level != "province":  # a department's or commune's workbook: gap is not the tool
        raise ParindexError("PG421", level=Message(f"ui.level.{level}", {}) if level in LEVELS else level)
    raise ParindexError("PG403", year=year, level=level, years=years, decision=decision_note(year, level))
