"""The invariants of a criteria set, each a named check with a stable code (see `findings.CHECK_NAMES`).

Pure: takes a parsed `CriteriaSet`, returns findings with the path of the value to change.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from parindex.common.findings import Finding, Path
from parindex.common.values import fold
from parindex.criteria.model import IMPLIED_ROLES, Area, CriteriaSet, Criterion, Derived, Item, Role, items_of


def check_set(cset: CriteriaSet) -> list[Finding]:
    findings: list[Finding] = []
    for check in (_adjustments, _sums, _components, _codes, _rules, _provenance, _years,
                  _bands):
        findings.extend(check(cset))
    return findings


# --- walking the tree with paths --------------------------------------------------------------------

Group = Area | Criterion
Children = list[tuple[Path, Criterion | Item]]


def _nodes(cset: CriteriaSet) -> Iterator[tuple[Path, Group, Children]]:
    """(path, node, children with their paths, in document order) for every area and criterion."""
    for a, area in enumerate(cset.areas):
        yield from _group_nodes(("areas", a), area)


def _group_nodes(path: Path, group: Group) -> Iterator[tuple[Path, Group, Children]]:
    paths = {id(child): path + ("criteria", i) for i, child in enumerate(group.criteria)}
    paths.update({id(item): path + ("items", i) for i, item in enumerate(group.items)})
    yield path, group, [(paths[id(child)], child) for child in group.nodes()]
    for c, crit in enumerate(group.criteria):
        yield from _group_nodes(path + ("criteria", c), crit)


def item_paths(cset: CriteriaSet) -> Iterator[tuple[Path, Item]]:
    for _, _, children in _nodes(cset):
        for child_path, child in children:
            if isinstance(child, Item):
                yield child_path, child


# --- checks -----------------------------------------------------------------------------------------

def _sums(cset: CriteriaSet) -> Iterator[Finding]:
    """PX101 where a parent's `max` is written and its children do not add up to it (absent, it is their sum)."""
    nodes: list[tuple[Path, str, Derived]] = [((), cset.id, cset)]
    nodes += [(path, node.code, node) for path, node, _ in _nodes(cset)]  # the schema makes sure of children
    for path, code, node in nodes:
        total = node.children_max()
        if node.written_max is not None and total != node.written_max:
            yield Finding.of("PX101", path + ("max",), {"code": code, "total": total, "max": node.written_max})


def _components(cset: CriteriaSet) -> Iterator[Finding]:
    seen_ids: set[str] = set()
    for c, comp in enumerate(cset.components):
        if comp.id in seen_ids:
            yield Finding.of("PX120", ("components", c, "id"), {"component": comp.id})
        seen_ids.add(comp.id)
        yield from _role(comp.id, comp.written_role, ("components", c))
    total = sum((comp.max for comp in cset.components if comp.role.inside_max), Decimal(0))
    if total != cset.max:
        yield Finding.of("PX102", ("components",), {"total": total, "max": cset.max})
    known = {comp.id for comp in cset.components}
    per_component: dict[str, Decimal] = dict.fromkeys(known, Decimal(0))
    for path, item in item_paths(cset):
        if item.component not in known:
            yield Finding.of("PX114", path + ("component",),
                             {"code": item.code, "component": item.component, "known": ", ".join(sorted(known))})
        else:
            per_component[item.component] += item.max
    for c, comp in enumerate(cset.components):
        if comp.role.inside_max and per_component[comp.id] != comp.max:  # a cap may be below its items' sum
            yield Finding.of("PX103", ("components", c, "max"),
                             {"component": comp.id, "total": per_component[comp.id], "max": comp.max})


def _role(component: str, written: Role | None, path: Path) -> Iterator[Finding]:
    """PX122: a role the known id contradicts; PX123: a new id without one (nothing to go by but a guess)."""
    implied = IMPLIED_ROLES.get(component)
    if implied is not None and written is not None and written is not implied:
        yield Finding.of("PX122", path + ("role",), {"component": component, "role": written, "implied": implied})
    elif implied is None and written is None:
        yield Finding.of("PX123", path + ("id",), {"component": component,
                                                   "roles": ", ".join(role.value for role in Role)})


def _adjustments(cset: CriteriaSet) -> Iterator[Finding]:
    """Bonus and penalty: each item within its component's cap (PX151), in areas of their own (PX152)."""
    caps = {comp.id: comp.max for comp in cset.components if not comp.role.inside_max}
    for path, item in item_paths(cset):
        cap = caps.get(item.component)
        if cap is not None and item.max > cap:
            yield Finding.of("PX151", path + ("max",),
                             {"code": item.code, "max": item.max, "cap": cap, "component": item.component})
    for a, area in enumerate(cset.areas):
        kinds = {item.is_adjustment for item in items_of(area)}
        if len(kinds) > 1:
            yield Finding.of("PX152", ("areas", a, "code"), {"code": area.code})


def _codes(cset: CriteriaSet) -> Iterator[Finding]:
    first_seen: dict[str, Path] = {}

    def seen(code: str, path: Path) -> Iterator[Finding]:
        if code in first_seen:
            yield Finding.of("PX104", path + ("code",),
                             {"code": code, "first": first_seen[code] + ("code",), "first_line": "?"})
        else:
            first_seen[code] = path

    for a, area in enumerate(cset.areas):
        path: Path = ("areas", a)
        yield from seen(area.code, path)
        if area.code != str(a + 1):
            yield Finding.of("PX105", path + ("code",), {"code": area.code, "expected": str(a + 1)})
    for _, node, children in _nodes(cset):
        for index, (child_path, child) in enumerate(children, start=1):
            expected = f"{node.code}.{index}"
            yield from seen(child.code, child_path)
            if child.code != expected:
                yield Finding.of("PX105", child_path + ("code",), {"code": child.code, "expected": expected})


def _rules(cset: CriteriaSet) -> Iterator[Finding]:
    for path, item in item_paths(cset):
        rule, rule_path = item.rule, path + ("rule",)
        for points_path, points in rule.declared_points():
            if points > item.max:
                yield Finding.of("PX107", rule_path + points_path,
                                 {"code": item.code, "points": points, "max": item.max})
        yield from rule.problems(item.code, rule_path)
        best = rule.best(item.max)
        if best is not None and best != item.max:
            yield Finding.of("PX115", rule_path, {"code": item.code, "best": best, "max": item.max})


def swallowed_labels(cset: CriteriaSet) -> list[tuple[str, str, str, str]]:
    """(code, label, longer label, its code) where a choice label is the beginning of another label of the set,
    compared as the reader compares them: Excel's AutoComplete and LibreOffice's AutoInput complete what is typed
    from the column's other entries, and the template's Kết quả column holds every item. Said by `template` as a
    warning, not by `validate`: an official annex may well word its options so ("Đạt", "Đạt một phần")."""
    labels = [(item.code, label, fold(label)) for _, item in item_paths(cset) for _, label in item.rule.option_labels()]
    found = []
    for code, label, folded in labels:
        longer = next(((other_code, other) for other_code, other, other_folded in labels
                       if other_folded != folded and other_folded.startswith(folded)), None)
        if longer is not None:
            found.append((code, label, longer[1], longer[0]))
    return found


def _provenance(cset: CriteriaSet) -> Iterator[Finding]:
    for path, item in item_paths(cset):
        if not (item.source or "").strip():
            yield Finding.of("PX116", path + ("code",), {"code": item.code})
    if cset.status != "official":
        return
    nodes: list[tuple[Path, str, bool]] = [((), cset.id, cset.provisional)]
    nodes += [(("components", c), comp.id, comp.provisional) for c, comp in enumerate(cset.components)]
    nodes += [(path, node.code, node.provisional) for path, node, _ in _nodes(cset)]
    nodes += [(path, item.code, item.provisional) for path, item in item_paths(cset)]
    # grades too (an exported example's 'Xếp loại tạm tính'): what `criteria show` counts, validate names
    nodes += [(("bands", b), band.name, band.provisional) for b, band in enumerate(cset.bands)]
    for path, code, provisional in nodes:
        if provisional:
            yield Finding.of("PX117", path + ("provisional",), {"code": code})


def _years(cset: CriteriaSet) -> Iterator[Finding]:
    if any(b <= a for a, b in zip(cset.years, cset.years[1:], strict=False)):
        yield Finding.of("PX119", ("years",))


def _bands(cset: CriteriaSet) -> Iterator[Finding]:
    """Grades: each within 0–100 % (PX171), best first with strictly falling thresholds (PX170), names unique
    (PX172) — otherwise a unit could earn two grades, or a grade none can reach."""
    seen: set[str] = set()
    for b, band in enumerate(cset.bands):
        path: Path = ("bands", b)
        if not Decimal(0) <= band.at_least <= Decimal(100):
            yield Finding.of("PX171", path + ("at_least",), {"name": band.name, "at_least": band.at_least})
        if b and band.at_least >= cset.bands[b - 1].at_least:
            yield Finding.of("PX170", path + ("at_least",), {"name": band.name, "at_least": band.at_least,
                                                             "before": cset.bands[b - 1].name,
                                                             "before_at_least": cset.bands[b - 1].at_least})
        if band.name.casefold() in seen:
            yield Finding.of("PX172", path + ("name",), {"name": band.name})
        seen.add(band.name.casefold())
