"""The draft improvement plan against golden files (PARINDEX_UPDATE_GOLDEN=1 rewrites them after review)."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from parindex.baseline.files import find_baseline
from parindex.common.i18n import set_lang
from parindex.gap.analysis import CriteriaInfo, GapInputs, GapOptions, analyse
from parindex.gap.input import result_from_dict
from parindex.gap.plan import goal, plan_markdown, unit_title
from tests.gap_samples import score_result

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
DAY = date(2021, 7, 1)
# What the report says about the criteria set, fixed here so the golden files do not move with the bundled set.
CRITERIA = {"id": "par-province-2020", "status": "reconstructed", "title": "Chỉ số CCHC cấp tỉnh năm 2020",
            "provisional": 109, "fingerprint": "000000000000"}
NAMES = {"1.5.1": "Nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao hoàn thành đúng hạn",
         "3.3.1": "Tỷ lệ hồ sơ TTHC cấp tỉnh giải quyết đúng hạn",
         "6.2.1": "Tỷ lệ giải ngân kế hoạch vốn đầu tư công", "6.3.1": "Thực hiện kiến nghị của Kiểm toán nhà nước"}


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PARINDEX_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with PARINDEX_UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8")


def report(**kwargs):
    _, base = find_baseline(2020)
    _, previous = find_baseline(2019)
    options = GapOptions(**kwargs.pop("options", {}))
    return analyse(GapInputs(base, "baselines/par-province-2020.yaml", previous=previous,
                             criteria=CriteriaInfo(**CRITERIA), **kwargs), options)


def sample_current():
    current = result_from_dict(score_result(), "tu-cham-2021.json")
    return replace(current, items=[replace(i, name=NAMES.get(i.code)) for i in current.items])


def test_plan_without_a_workbook_matches_the_golden_file() -> None:
    text = plan_markdown(report(options={"target_rank": 10}), today=DAY)
    check_golden("gap-plan-bac-giang-2020.md", text)


def test_plan_with_a_self_assessment_matches_the_golden_file() -> None:
    text = plan_markdown(report(options={"target_rank": 5}, current=sample_current()), today=DAY)
    check_golden("gap-plan-bac-giang-2020-self.md", text)


def test_plan_in_english_matches_the_golden_file() -> None:
    set_lang("en")
    text = plan_markdown(report(options={"target_rank": 10}), today=DAY)
    check_golden("gap-plan-bac-giang-2020.en.md", text)


def test_plan_has_the_structure_of_the_seed_plan() -> None:
    text = plan_markdown(report(), today=DAY)
    assert text.index("# KẾ HOẠCH") < text.index("## I. MỤC ĐÍCH, YÊU CẦU") < text.index("## II.") < text.index(
        "## III.") < text.index("## IV. TỔ CHỨC THỰC HIỆN")
    assert text.count("**a) Nội dung cần khắc phục**") == 8
    assert text.count("**b) Trách nhiệm thực hiện**") == 8
    assert text.count("**c) Mục tiêu**") == 8
    # the seed's own figures, written the Vietnamese way
    for words in ("85,58/100", "56,93/66,5", "9,29/10", "19,36/23,5", "đứng thứ 13/63", "tăng 12 bậc",
                  "tăng 3,74 điểm", "xếp thứ 58/63", "80,78%", "87,26%", "Giao Sở Tài chính chủ trì",
                  "còn thiếu 0,16 điểm"):
        assert words in text, words
    assert "DỰNG LẠI" in text.splitlines()[0]  # the reconstructed set is said first


def test_totals_shown_equal_the_parts_shown() -> None:
    text = plan_markdown(report(options={"target_rank": 5}, current=sample_current()), today=DAY)
    assert "| **Tổng** | **3** | **2,75** |" in text
    assert "| Văn phòng UBND tỉnh | 1 | 1,00 |" in text and "| Sở Tài chính | 2 | 1,75 |" in text


@pytest.mark.parametrize(("rank", "target", "words"), [
    (1, 10, "duy trì là tỉnh dẫn đầu"), (5, 10, "duy trì trong nhóm 5"), (7, 10, "duy trì trong nhóm 10"),
    (22, 10, "xếp trong nhóm 10"), (58, 15, "xếp trong nhóm 15"), (None, 10, "cải thiện điểm số"),
])
def test_area_goals(rank: int | None, target: int, words: str) -> None:
    area = report().official.areas[0]
    assert words in goal(replace(area, rank=rank), target, 2021)


def test_unit_titles() -> None:
    assert unit_title("Bắc Giang") == "tỉnh Bắc Giang"
    assert unit_title("Hà Nội") == "thành phố Hà Nội"
    assert unit_title("Thành phố Hồ Chí Minh") == "Thành phố Hồ Chí Minh"
    assert unit_title("Sở Nội vụ", "department") == "Sở Nội vụ"
    set_lang("en")
    assert unit_title("Bắc Giang") == "Bắc Giang province"


def test_a_change_is_told_in_words_by_its_sign() -> None:
    from decimal import Decimal

    from parindex.common.i18n import by_sign, fmt_num, t

    keys = ("plan.up_points", "plan.down_points", "plan.same_points")
    assert by_sign(None, *keys) == "–"
    assert by_sign(Decimal("-1.5"), *keys, fmt_num) == t("plan.down_points", lang="vi", n="1,50")
    assert by_sign(Decimal("2"), *keys, fmt_num) == t("plan.up_points", lang="vi", n="2,00")
    assert by_sign(0, *keys) == t("plan.same_points", lang="vi")


def test_a_year_without_any_area_says_so_in_words() -> None:
    bare = report()
    bare = replace(bare, official=replace(bare.official, areas=[]))
    text = plan_markdown(bare, today=DAY)
    section = text[text.index("## II."):text.index("## III.")]
    assert "chưa công bố số liệu theo lĩnh vực" in section and "###" not in section
    assert "()" not in text  # no 'Các cơ quan chủ trì ()'
