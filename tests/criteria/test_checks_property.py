"""Property tests of `check_set`: any consistent criteria tree passes, and one random single mutation of it is
caught with the code that names it (and nothing unrelated)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parindex.criteria.checks import check_set
from parindex.criteria.files import check_criteria_document
from parindex.criteria.model import IMPLIED_ROLES, CriteriaSet
from parindex.criteria.rules import RULE_KINDS, kind_name
from parindex.criteria.sheet import COMPONENT_NAMES
from parindex.io.yaml_source import parse_yaml

STEP = Decimal("0.25")
KINDS = tuple(kind_name(kind) for kind in RULE_KINDS)  # from the registry: a new kind is generated or fails here
# the known components that make the set's max (bonus and penalty caps are drawn apart)
# the known components outside the set's max (bonus, penalty), as their roles say
ADJUSTMENTS = frozenset(comp for comp, role in IMPLIED_ROLES.items() if not role.inside_max)
COMPONENTS = tuple(component for component in COMPONENT_NAMES if component not in ADJUSTMENTS)
# No label begins another (PX180: autocomplete would swallow it).
LABELS = ("Hoàn thành toàn bộ", "Hoàn thành đúng hạn", "Hoàn thành chậm", "Chưa hoàn thành", "Không ban hành",
          "Có", "Không thực hiện", "Đạt", "Không đạt", "Tốt", "Khá", "Trung bình")
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def quarters(low: int, high: int) -> st.SearchStrategy[Decimal]:
    """Multiples of 0.25 between low×0.25 and high×0.25."""
    return st.integers(low, high).map(lambda k: k * STEP)


# --- generating a valid set -------------------------------------------------------------------------------

@st.composite
def rules(draw: st.DrawFn, kind: str, max_: Decimal, min_tiers: int = 1) -> dict[str, Any]:
    """A rule of `kind` whose best outcome is exactly `max_` (where the rule fixes one)."""
    steps = int(max_ / STEP)
    below = quarters(0, steps)
    if kind == "yes_no":
        if draw(st.booleans()):
            return {"kind": "yes_no"}
        return {"kind": "yes_no", "yes_points": max_, "no_points": draw(below)}
    if kind == "choice":
        labels = draw(st.lists(st.sampled_from(LABELS), min_size=2, max_size=4, unique=True))
        points = [max_] + draw(st.lists(below, min_size=len(labels) - 1, max_size=len(labels) - 1))
        points = draw(st.permutations(points))
        return {"kind": "choice", "options": [{"label": label, "points": p} for label, p in zip(labels, points,
                                                                                                  strict=True)]}
    if kind == "threshold":
        count = draw(st.integers(min_tiers, 4))
        bounds = sorted(draw(st.lists(st.integers(0, 100), min_size=count, max_size=count, unique=True)))
        lower_is_better = draw(st.booleans())
        keys = ("at_most", "below") if lower_is_better else ("at_least", "above")  # a bound kept in, or left out
        if not lower_is_better:
            bounds.reverse()  # best (highest) first
        points = [max_] + sorted(draw(st.lists(below, min_size=count - 1, max_size=count - 1)), reverse=True)
        strict = [False] * count
        if draw(st.booleans()):  # some bounds left out: 'trên 90%', 'dưới 5 ngày'
            strict = draw(st.lists(st.booleans(), min_size=count, max_size=count))
        return {"kind": "threshold", "unit": draw(st.sampled_from(["percent", "number"])),
                "tiers": [{keys[left_out]: bound, "points": p}
                          for bound, p, left_out in zip(bounds, points, strict, strict=True)]}
    if kind == "proportional":
        return {"kind": "proportional", "unit": draw(st.sampled_from(["percent", "number"])),
                "target": draw(quarters(1, 400))}
    if kind in ("deduction", "per_case"):
        return {"kind": kind, "per": draw(quarters(1, 8))}
    return {"kind": kind}  # a kind without fields; a new kind with fields fails to validate until drawn here


def shape(depth: int = 0) -> st.SearchStrategy[Any]:
    """A criterion: a number of items, or (nesting, as some official sets do) a list of sub-criteria."""
    items = st.integers(1, 4)
    if depth >= 2:
        return items
    return st.one_of(items, items, st.lists(st.deferred(lambda: shape(depth + 1)), min_size=1, max_size=2))


def leaves(node: Any) -> int:
    return node if isinstance(node, int) else sum(leaves(child) for child in node)


@st.composite
def criteria_sets(draw: st.DrawFn) -> dict[str, Any]:
    areas_shape = draw(st.lists(st.lists(shape(), min_size=1, max_size=3), min_size=1, max_size=4)
                       .filter(lambda areas: sum(leaves(a) for a in areas) >= 2))
    count = sum(leaves(area) for area in areas_shape)
    kinds = draw(st.lists(st.sampled_from(KINDS), min_size=count, max_size=count))
    forced = draw(st.permutations(range(count)))  # every set holds a threshold (≥ 2 tiers) and a choice item
    kinds[forced[0]], kinds[forced[1]] = "threshold", "choice"
    components = draw(st.lists(st.sampled_from(COMPONENTS), min_size=1, max_size=3, unique=True))
    reconstructed = draw(st.booleans())
    provisional = st.booleans() if reconstructed else st.just(False)
    leaf_index = iter(range(count))

    def provenance(node: dict[str, Any], required: bool = False) -> dict[str, Any]:
        if required or draw(st.booleans()):
            node["source"] = draw(st.sampled_from(["synthetic", "QĐ 1150/QĐ-BNV, phụ lục", "seeds/x.txt §II"]))
        if draw(provisional):
            node["provisional"] = True
        return node

    def item(code: str) -> dict[str, Any]:
        index = next(leaf_index)
        max_ = draw(quarters(1, 12))
        node = {"code": code, "name": f"Tiêu chí thành phần {code}", "max": max_,
                "component": draw(st.sampled_from(components)),
                "rule": draw(rules(kinds[index], max_, min_tiers=2 if index == forced[0] else 1))}
        if draw(st.booleans()):
            node["not_applicable"] = True
        if draw(st.booleans()):
            node["lead"] = "Sở Nội vụ"
        return provenance(node, required=True)

    def criterion(code: str, node_shape: Any) -> dict[str, Any]:
        node: dict[str, Any] = {"code": code, "name": f"Tiêu chí {code}"}
        if isinstance(node_shape, int):
            node["items"] = [item(f"{code}.{i}") for i in range(1, node_shape + 1)]
        else:
            node["criteria"] = [criterion(f"{code}.{i}", child) for i, child in enumerate(node_shape, start=1)]
        node["max"] = sum((child["max"] for child in node.get("items", node.get("criteria"))), Decimal(0))
        return provenance(node)

    areas = []
    for a, area_shape in enumerate(areas_shape, start=1):
        crits = [criterion(f"{a}.{c}", s) for c, s in enumerate(area_shape, start=1)]
        area = {"code": str(a), "name": f"Lĩnh vực {a}", "lead": "Văn phòng UBND tỉnh",
                "max": sum((c["max"] for c in crits), Decimal(0)), "criteria": crits}
        areas.append(provenance(area))
    per_component = dict.fromkeys(components, Decimal(0))
    for it in all_items({"areas": areas}):
        per_component[it["component"]] += it["max"]
    data: dict[str, Any] = {
        "id": draw(st.from_regex(r"[a-z][a-z0-9-]{2,12}", fullmatch=True)),
        "title": "Bộ chỉ số thử nghiệm",
        "years": sorted(draw(st.sets(st.integers(2015, 2030), min_size=1, max_size=3))),
        "level": draw(st.sampled_from(["province", "department", "district", "commune"])),
        "status": "reconstructed" if reconstructed else "official",
        "max": sum((area["max"] for area in areas), Decimal(0)),
        "components": [provenance({"id": c, "name": c.upper(), "max": m}) for c, m in per_component.items()],
        "areas": areas,
    }
    for cap in sorted(ADJUSTMENTS):  # outside the set's max: a cap that no item reaches is consistent
        if draw(st.booleans()):
            data["components"].append({"id": cap, "name": cap, "max": draw(quarters(0, 20))})
    return data


# --- walking the data ---------------------------------------------------------------------------------------

def all_groups(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every area and criterion, in document order."""
    def walk(criteria: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for crit in criteria:
            yield crit
            yield from walk(crit.get("criteria", []))

    for area in data["areas"]:
        yield area
        yield from walk(area["criteria"])


def all_items(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for group in all_groups(data):
        yield from group.get("items", [])


def codes_of(data: dict[str, Any]) -> list[str]:
    return [f.code for f in check_set(CriteriaSet.model_validate(data))]


def as_yaml(data: dict[str, Any]) -> str:
    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: plain(v) for key, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, Decimal):  # quarters are exact in binary, so YAML reads back the same decimal
            return int(value) if value == value.to_integral_value() else float(value)
        return value

    return yaml.safe_dump(plain(data), allow_unicode=True, sort_keys=False)


def file_codes(data: dict[str, Any]) -> list[str]:
    checked = check_criteria_document(Path("generated.yaml"), parse_yaml(as_yaml(data)))
    assert all(f.line and f.col for f in checked.findings)
    return [f.code for f in checked.findings]


# --- the properties -----------------------------------------------------------------------------------------

@PROPERTY
@given(criteria_sets())
def test_a_consistent_set_has_no_findings(data: dict[str, Any]) -> None:
    assert codes_of(data) == []
    assert file_codes(data) == []  # the same set written as YAML and read back


def mutate_max(draw: st.DrawFn, data: dict[str, Any]) -> None:
    node = draw(st.sampled_from([*all_groups(data), *all_items(data)]))
    delta = draw(quarters(1, 4))
    node["max"] = node["max"] - delta if node["max"] >= delta and draw(st.booleans()) else node["max"] + delta


def mutate_code(draw: st.DrawFn, data: dict[str, Any]) -> None:
    nodes = [*all_groups(data), *all_items(data)]
    first, second = draw(st.lists(st.sampled_from(range(len(nodes))), min_size=2, max_size=2, unique=True))
    nodes[second]["code"] = nodes[first]["code"]


def mutate_tiers(draw: st.DrawFn, data: dict[str, Any]) -> None:
    item = draw(st.sampled_from([it for it in all_items(data)
                                 if it["rule"]["kind"] == "threshold" and len(it["rule"]["tiers"]) >= 2]))
    tiers = item["rule"]["tiers"]
    t = draw(st.integers(0, len(tiers) - 2))
    tiers[t], tiers[t + 1] = tiers[t + 1], tiers[t]


def mutate_component(draw: st.DrawFn, data: dict[str, Any]) -> None:
    comp = draw(st.sampled_from([c for c in data["components"] if c["id"] not in ADJUSTMENTS]))
    delta = draw(quarters(1, 4))
    comp["max"] = comp["max"] - delta if comp["max"] >= delta and draw(st.booleans()) else comp["max"] + delta


def mutate_label(draw: st.DrawFn, data: dict[str, Any]) -> None:
    item = draw(st.sampled_from([it for it in all_items(data) if it["rule"]["kind"] == "choice"]))
    options = item["rule"]["options"]
    first, second = draw(st.lists(st.sampled_from(range(len(options))), min_size=2, max_size=2, unique=True))
    label = options[first]["label"]
    options[second]["label"] = draw(st.sampled_from([label, label.upper(), "  ".join(label.split())]))


# mutation → (the code that must be found, every code it may also cause)
MUTATIONS = {
    "max changed": (mutate_max, "PX101", {"PX101", "PX103", "PX107", "PX115"}),
    "code duplicated": (mutate_code, "PX104", {"PX104", "PX105"}),
    "tier pair reordered": (mutate_tiers, "PX106", {"PX106"}),
    "component max changed": (mutate_component, "PX103", {"PX102", "PX103"}),
    "choice label duplicated": (mutate_label, "PX108", {"PX108"}),
}


@PROPERTY
@given(criteria_sets(), st.sampled_from(sorted(MUTATIONS)), st.data())
def test_a_single_mutation_is_caught(data: dict[str, Any], name: str, drawn: st.DataObject) -> None:
    mutate, expected, allowed = MUTATIONS[name]
    mutated = copy.deepcopy(data)
    mutate(drawn.draw, mutated)
    codes = codes_of(mutated)
    assert expected in codes, f"{name}: {codes}"
    assert set(codes) <= allowed, f"{name} caused unrelated findings: {codes}"
    assert sorted(file_codes(mutated)) == sorted(codes)
