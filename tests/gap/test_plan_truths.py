"""The chart of the areas tells the truth about what is not entered: each area's bar is what is banked of its whole
maximum, the items not entered are a hatched end of it, and the label says what the entered items reached — an
area whose entered items are all full but some are blank never reads 100 %. The plan's tasks go to agencies that
exist."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from parindex.baseline.files import find_baseline
from parindex.criteria.files import load_criteria
from parindex.evidence.template import write_template
from parindex.gap.analysis import GapInputs, GapOptions, analyse, entered
from parindex.gap.chart import _figure, _pyplot
from parindex.gap.input import result_from_dict
from tests.fill import fill_workbook, random_fill


def test_an_area_with_items_not_entered_shows_what_is_banked_of_its_whole(cli, tmp_path: Path) -> None:
    cset = load_criteria("par-province-2020")
    book = tmp_path / "bg.xlsx"
    write_template(book, cset, unit="UBND tỉnh Bắc Giang", year=2021, today=date(2022, 1, 5))
    fill = random_fill(cset, seed=7, share=0.75)
    for _, item in cset.items():  # area 7's entered yes/no items at their best
        if item.code.startswith("7.") and "value" in fill.get(item.code, {}) and item.rule.kind == "yes_no":
            fill[item.code]["value"] = "Có"
    fill_workbook(book, fill)
    result = json.loads(cli("score", str(book), "--format", "json").out)
    report = analyse(GapInputs(find_baseline(2020)[1], "x", current=result_from_dict(result, str(book))), GapOptions())
    plt = _pyplot()
    figure = _figure(plt, report)
    try:
        ax = figure.axes[0]
        labels = [text.get_text() for text in ax.texts]
        containers = {container.get_label(): list(container) for container in ax.containers}
        bars = {round(p.get_y(), 3): p for p in containers["Tự chấm hiện tại"]}  # area by area, the last at the foot
        hatched = {round(p.get_y(), 3): p for p in containers["chưa nhập"]}
    finally:
        plt.close(figure)
    areas = sorted(report.official.areas, key=lambda a: int(a.code), reverse=True)  # as the chart lays them out
    with_blanks = 0
    for position, area in zip(sorted(bars), areas, strict=True):
        done = entered(report, area)
        assert done is not None and area.now is not None
        width = bars[position].get_width()
        assert abs(width - float(area.now.score * 100 / area.now.max)) < 1e-6, "banked of the area's whole max"
        if done.blank:
            with_blanks += 1
            blank = hatched[position]
            assert abs(blank.get_x() + blank.get_width() - 100) < 1e-6 and width <= blank.get_x() + 1e-6
            assert width < 100
        else:
            assert position not in hatched
    assert with_blanks >= 2 and sum("phần đã nhập đạt" in label for label in labels) == with_blanks


def test_remediation_goes_to_the_agencies_that_exist_today(cli) -> None:
    """The 2022 set (the Index of 2022–2024) names the agencies after the 2025 mergers, and the plan's tasks go to
    the leads the set names."""
    plan = cli("gap", "--year", "2024", "--unit", "Hải Phòng", "-f", "md").out
    assert "Sở Thông tin và Truyền thông" not in plan and "Sở Kế hoạch và Đầu tư" not in plan
    assert "Giao Sở Khoa học và Công nghệ chủ trì" in plan and "Giao Sở Tài chính chủ trì" in plan
    cset = load_criteria("par-province-2022")
    assert {area.lead for area in cset.areas} <= {"Sở Nội vụ", "Sở Tư pháp", "Văn phòng UBND tỉnh", "Sở Tài chính",
                                                   "Sở Khoa học và Công nghệ"}
