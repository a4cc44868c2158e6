"""Every xlsx writer's workbook as it shows and prints (cells, styles, widths, heights, merges, print setup) equals
its snapshot in tests/golden/layout/ (tests/xlsx_layout.py; regenerate with `python tests/xlsx_layout.py --write`
only when a change in what a workbook shows is meant)."""

from __future__ import annotations

import difflib

import pytest

from tests.xlsx_layout import CASES, case, dump, golden


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_workbook_shows_and_prints_as_its_snapshot(name: str) -> None:
    expected = golden(name).read_text(encoding="utf-8")
    actual = dump(case(name))
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "snapshot", "now", lineterm="", n=2)
        pytest.fail(f"{name} differs from tests/golden/layout/{name}.json:\n" + "\n".join(list(diff)[:80]))


def test_a_change_in_one_cell_style_or_setting_is_seen(tmp_path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from tests.xlsx_layout import describe

    book = Workbook()
    book.active.append(["Mã", "Nội dung"])
    path = tmp_path / "a.xlsx"
    book.save(path)
    before = describe(path)
    for change in (lambda s: s.cell(1, 2, "Nội dung "), lambda s: setattr(s["A1"], "font", Font(bold=True)),
                   lambda s: setattr(s.column_dimensions["B"], "width", 30),
                   lambda s: setattr(s.row_dimensions[1], "height", 28), lambda s: s.merge_cells("A1:B1"),
                   lambda s: setattr(s.page_setup, "orientation", "landscape"),
                   lambda s: setattr(s, "print_title_rows", "1:1"), lambda s: setattr(s, "freeze_panes", "A2")):
        changed = Workbook()
        changed.active.append(["Mã", "Nội dung"])
        change(changed.active)
        changed.save(path)
        assert describe(path) != before
