"""A parent's `max` may be left out: it is then the sum of its children; written, it is checked (PX101)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from parindex.criteria.files import check_criteria_document, check_criteria_file
from parindex.io.yaml_source import parse_yaml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "criteria"
SKETCH = FIXTURES / "design-sketch.yaml"
MINIMAL = FIXTURES / "minimal.yaml"


def _without_parent_maxima(text: str) -> str:
    """minimal.yaml with every area's, criterion's and the set's `max` line removed (items keep theirs)."""
    lines = text.splitlines(keepends=True)
    kept = []
    for index, line in enumerate(lines):
        is_parent_max = line.lstrip().startswith("max:") and not any(
            "component:" in later for later in lines[index + 1:index + 2])
        if not is_parent_max:
            kept.append(line)
    return "".join(kept)


def test_the_design_sketch_loads_exactly_as_written() -> None:
    """The design's sketch of a criteria file: areas and criteria without `max` pass the schema (no PX113 per
    parent) and take the sum of their items. It is a fragment (one 1-point item under a 100-point set, area "3"
    alone), so the set-level sums and the code positions are what is left to complete — nothing about a parent's
    max."""
    checked = check_criteria_file(SKETCH)
    assert checked.criteria is not None
    assert "PX113" not in {f.code for f in checked.findings}
    area = checked.criteria.areas[0]
    assert area.max == area.criteria[0].max == Decimal(1)
    assert {(f.code, f.path) for f in checked.findings if f.code == "PX101"} == {("PX101", ("max",))}
    assert {f.code for f in checked.findings} <= {"PX101", "PX103", "PX105"}


def test_the_design_sketch_completed_validates() -> None:
    """The sketch with its numbers made whole (its one area first, one component of 1 point, no set max)."""
    text = SKETCH.read_text(encoding="utf-8")
    for old, new in (('code: "3"', 'code: "1"'), ('"3.3"', '"1.1"'), ('"3.3.1"', '"1.1.1"'), ("max: 100\n", ""),
                     ("  - {id: sipas, name: Điểm quy đổi SIPAS, max: 10}\n", ""),
                     ("  - {id: survey, name: Điều tra xã hội học, max: 23.5}\n", ""), ("max: 66.5", "max: 1")):
        assert old in text
        text = text.replace(old, new)
    checked = check_criteria_document(SKETCH, parse_yaml(text))
    assert checked.findings == []
    assert checked.criteria is not None and checked.criteria.max == Decimal(1)


def test_parent_maxima_left_out_are_derived_and_give_the_same_set() -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    derived_text = _without_parent_maxima(text)
    assert derived_text.count("max:") < text.count("max:")
    written = check_criteria_document(MINIMAL, parse_yaml(text))
    derived = check_criteria_document(MINIMAL, parse_yaml(derived_text))
    assert written.findings == derived.findings == []
    assert written.criteria is not None and derived.criteria is not None
    assert [g.max for g in derived.criteria.groups()] == [g.max for g in written.criteria.groups()]
    assert derived.criteria.max == written.criteria.max == Decimal(10)
    assert derived.criteria.fingerprint() == written.criteria.fingerprint()


def test_a_written_parent_max_is_checked() -> None:
    text = _without_parent_maxima(MINIMAL.read_text(encoding="utf-8"))
    text = text.replace('name: Giải quyết hồ sơ\n', 'name: Giải quyết hồ sơ\n        max: 5\n')
    checked = check_criteria_document(MINIMAL, parse_yaml(text))
    first = checked.findings[0]
    assert (first.code, first.params["code"], first.params["total"], first.params["max"]) == (
        "PX101", "2.1", Decimal(4), Decimal(5))
    assert first.line == text.splitlines().index("        max: 5") + 1  # placed at the written max
    # the written 5 is what area 2 and the set then add up to: the components (10) no longer match
    assert [f.code for f in checked.findings[1:]] == ["PX102"]


def test_criteria_show_prints_derived_maxima(cli: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "derived.yaml"
    path.write_text(_without_parent_maxima(MINIMAL.read_text(encoding="utf-8")), encoding="utf-8")
    shown = cli("criteria", "show", str(path))
    assert shown.code == 0, shown.err
    assert "— 10" in shown.out  # the set
    assert "Cải cách thủ tục hành chính — 6" in shown.out  # an area
    assert "Giải quyết hồ sơ — 4" in shown.out  # a criterion


def test_the_template_shows_derived_maxima(tmp_path: Path) -> None:
    from datetime import date

    from openpyxl import load_workbook

    from parindex.criteria.files import load_criteria
    from parindex.evidence.template import write_template

    path = tmp_path / "derived.yaml"
    path.write_text(_without_parent_maxima(MINIMAL.read_text(encoding="utf-8")), encoding="utf-8")
    write_template(tmp_path / "so.xlsx", load_criteria(str(path)), today=date(2021, 1, 1))
    sheet = load_workbook(tmp_path / "so.xlsx")["Tự đánh giá"]
    maxima = {row[0].value: row[2].value for row in sheet.iter_rows(min_row=2) if row[0].value}
    assert (maxima["1"], maxima["1.1"], maxima["2"], maxima["2.1"], maxima["2.2"]) == (4, 4, 6, 4, 2)
