"""The ranking an office publishes (scoring/ranking.py): blocks, ties, grades, last year."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parindex.scoring.engine import Subtotal, UnitTotals
from parindex.scoring.ranking import (
    PreviousRow,
    build_ranking,
    change_words,
    group_blocks,
    known_blocks,
    rank_of,
    split_blocks,
)

BANDS = (("Tốt", Decimal(90)), ("Khá", Decimal(70)), ("Trung bình", Decimal(50)))


def unit(name: str, score: str, block: str = "Sở", max_: str = "100", bands: tuple = BANDS, errors: int = 0,
         estimated: str = "0", estimated_max: str = "0") -> UnitTotals:
    area = Subtotal("1", "Lĩnh vực 1", Decimal(score), Decimal(max_), Decimal(100))
    return UnitTotals(name, f"{name}.xlsx", [area], errors, "commune", [], Decimal(estimated), Decimal(estimated_max),
                      0, block, bands, Decimal(100), "2026")


# --- ties share a rank: 1, 2, 2, 4 ----------------------------------------------------------------------------

def test_ties_share_a_rank_and_the_next_skips() -> None:
    units = [unit("A", "90"), unit("B", "80"), unit("C", "80"), unit("D", "70")]
    assert rank_of(units) == [1, 2, 2, 4]


percents = st.lists(st.integers(min_value=0, max_value=1000), min_size=1, max_size=30)


@given(percents)
def test_ranks_are_competition_ranks(values: list[int]) -> None:
    units = [unit(f"U{i}", str(Decimal(v) / 10)) for i, v in enumerate(values)]
    ranks = rank_of(units)
    for mine, own in zip(ranks, units, strict=True):
        better = sum(1 for other in units if other.rank_percent > own.rank_percent)
        assert mine == better + 1, "a rank is one more than the units strictly ahead"
    for a, ua in zip(ranks, units, strict=True):
        for b, ub in zip(ranks, units, strict=True):
            assert (a == b) == (ua.rank_percent == ub.rank_percent), "equal % ⇔ equal rank"
            assert (a < b) == (ua.rank_percent > ub.rank_percent), "a higher % is never ranked below"


@given(percents, st.randoms(use_true_random=False))
def test_the_ranking_does_not_depend_on_the_order_of_the_files(values: list[int], rng) -> None:
    units = [unit(f"U{i:02d}", str(Decimal(v) / 10)) for i, v in enumerate(values)]
    shuffled = list(units)
    rng.shuffle(shuffled)
    first = [(r.rank, r.unit.unit) for r in build_ranking(units).rows]
    assert first == [(r.rank, r.unit.unit) for r in build_ranking(shuffled).rows]
    assert [rank for rank, _ in first] == sorted(rank for rank, _ in first)


# --- blocks ---------------------------------------------------------------------------------------------------

def test_each_block_is_ranked_on_its_own_in_the_order_blocks_first_appear() -> None:
    units = [unit("Sở A", "80"), unit("Phường B", "95", "Phường"), unit("Sở C", "90"),
             unit("Phường D", "60", "  phường ")]
    ranking = build_ranking(units)
    assert [(b.name, [(r.rank, r.unit.unit) for r in b.rows]) for b in ranking.blocks] == [
        ("Sở", [(1, "Sở C"), (2, "Sở A")]), ("Phường", [(1, "Phường B"), (2, "Phường D")])]


def test_blocks_ranked_together() -> None:
    units = [unit("Sở A", "80"), unit("Phường B", "95", "Phường"), unit("Xã C", "90", "Xã, đặc khu"),
             unit("Đặc khu D", "97", "Xã, đặc khu")]
    ranking = build_ranking(units, together=["Phường,Xã, đặc khu"])
    assert [b.name for b in ranking.blocks] == ["Sở", "Phường, Xã, đặc khu"]
    assert [(r.rank, r.unit.unit) for r in ranking.blocks[1].rows] == [(1, "Đặc khu D"), (2, "Phường B"), (3, "Xã C")]


def test_a_block_name_with_a_comma_is_kept_whole() -> None:
    known = ["Sở", "Phường", "Xã, đặc khu"]
    assert split_blocks("Phường,Xã, đặc khu", known_blocks(known)) == ["Phường", "Xã, đặc khu"]
    assert split_blocks("xa, dac khu , PHƯỜNG", known_blocks(known)) == ["xa, dac khu", "PHƯỜNG"]
    with pytest.raises(KeyError, match="Huyện"):
        group_blocks([unit("A", "1")], ["Sở,Huyện"])


# --- grades ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("score", "band"), [("100", "Tốt"), ("90", "Tốt"), ("89.99", "Khá"), ("70", "Khá"),
                                            ("50", "Trung bình"), ("49.9", None)])
def test_a_unit_earns_the_first_band_it_reaches(score: str, band: str | None) -> None:
    assert unit("A", score).band == band


def test_no_bands_no_grade_and_estimates_never_lift_a_grade() -> None:
    assert unit("A", "95", bands=()).band is None
    # 95/100 with 10 of those points its own survey guess: graded on 85/90 = 94,4 %, ranked so
    guessed = unit("A", "95", estimated="10", estimated_max="10")
    assert guessed.rank_percent == Decimal("94.4") and guessed.band == "Tốt"
    low = unit("B", "75", estimated="10", estimated_max="10")  # 65/90 = 72,2 %: Khá, not its 75 %
    assert low.band == "Khá"


# --- last year --------------------------------------------------------------------------------------------------

def test_change_since_last_year_new_units_and_units_gone() -> None:
    units = [unit("Sở A", "95"), unit("Sở B", "90"), unit("Sở C", "80"), unit("Sở Mới", "70")]
    previous = [PreviousRow("SỞ A", 1, Decimal("93.1"), block="Sở"), PreviousRow("sở b", 4, block="Sở"),
                PreviousRow("Sở C", 2, block="Sở"), PreviousRow("Sở Cũ", 3, block="Sở"),
                PreviousRow("Phường X", 1, block="Phường")]
    ranking = build_ranking(units, previous=previous)
    rows = {r.unit.unit: r for r in ranking.rows}
    assert {name: r.rank_change for name, r in rows.items()} == {"Sở A": 0, "Sở B": 2, "Sở C": -1, "Sở Mới": None}
    assert [change_words(rows[n], True) for n in ("Sở A", "Sở B", "Sở C", "Sở Mới")] == ["=", "▲ 2", "▼ 1", "mới"]
    assert rows["Sở A"].previous.score == Decimal("93.1")
    assert [g.unit for g in ranking.blocks[0].gone] == ["Sở Cũ"], "another block's unit is not 'gone' from this one"
    assert change_words(rows["Sở A"], False) == "", "no previous ranking given: no change column to fill"


def test_a_previous_file_without_blocks_joins_the_block_its_units_are_in() -> None:
    units = [unit("Sở A", "95"), unit("Phường B", "90", "Phường")]
    previous = [PreviousRow("Phường B", 3, file="p.json"), PreviousRow("Phường Cũ", 1, file="p.json"),
                PreviousRow("Nơi khác", 1, file="q.json")]
    ranking = build_ranking(units, previous=previous)
    assert ranking.blocks[1].rows[0].rank_change == 2 and ranking.blocks[0].rows[0].rank_change is None
    assert [g.unit for g in ranking.blocks[1].gone] == ["Phường Cũ"] and not ranking.blocks[0].gone
    # q.json, none of whose units is found, is refused before anything is scored (tests/scoring/test_run_plan.py)


def test_notes_say_errors_estimates_and_a_reduced_maximum() -> None:
    row = build_ranking([unit("A", "80", max_="90", errors=2, estimated="5", estimated_max="8")]).rows[0]
    assert row.notes() == ["2 lỗi trong sổ", "không tính 5/8 điểm điều tra tự ước tính", "tối đa giảm còn 90/100"]
    assert build_ranking([unit("B", "80")]).rows[0].notes() == []


def test_an_area_column_is_shown_only_where_it_means_one_area_for_every_row() -> None:
    from dataclasses import replace

    from parindex.scoring.ranking import shared_areas

    department = unit("Sở Tư pháp", "80")
    commune = replace(unit("Xã A", "70", block="Xã"),
                      areas=[Subtotal("1", "Một lĩnh vực khác", Decimal(70), Decimal(100), Decimal(100))])
    assert shared_areas([department, department]) == [("1", "Lĩnh vực 1")]
    assert shared_areas([department, commune]) == []
    assert build_ranking([department, commune]).areas == []
    assert shared_areas([]) == []


def test_the_years_a_ranking_covers_as_its_title_says_them() -> None:
    from dataclasses import replace

    units = [replace(unit("A", "80"), year="2025"), replace(unit("B", "70"), year="2024"),
             replace(unit("C", "60"), year="2025")]
    assert build_ranking(units).years == "2024–2025"
    assert build_ranking([replace(unit("A", "80"), year="")]).years == ""


# --- a measurement missing: listed after the ranked units, without a rank or a figure ----------------------------

def test_a_unit_a_measurement_is_missing_for_is_listed_unranked_after_the_ranked() -> None:
    from dataclasses import replace

    from parindex.common.messages import Message

    lacking = replace(unit("Sở Ngoại vụ", "99", max_="70"), unranked=(Message("PS547", {}, "so-ngoai-vu.xlsx"),))
    blank = replace(unit("Sở Y tế", "95"), unranked=(Message("PS590", {}, "t.xlsx › Điều tra!C9", "8.1.1"),))
    ranking = build_ranking([lacking, unit("Sở A", "80"), blank, unit("Sở B", "90")], previous=[
        PreviousRow("Sở Ngoại vụ", 1, block="Sở")], table_given=True)
    assert [(r.unit.unit, r.rank) for r in ranking.rows] == [("Sở B", 1), ("Sở A", 2), ("Sở Ngoại vụ", None),
                                                              ("Sở Y tế", None)]
    row = ranking.rows[2]
    assert (row.figures, row.band, row.rank_change, change_words(row, True)) == ((None, None, None), None, None, "")
    assert row.notes() == ["chưa xếp hạng: bảng điều tra không có dòng của đơn vị"], "no 'maximum reduced' note"
    assert ranking.rows[3].notes() == ["chưa xếp hạng: bảng điều tra để trống t.xlsx › Điều tra!C9"]


def test_the_note_on_estimates_points_to_survey_only_when_no_table_was_given() -> None:
    estimating = [unit("A", "80", estimated="5", estimated_max="8")]
    assert build_ranking(estimating).notes[-1].endswith("Dùng --survey BẢNG.xlsx để đưa kết quả điều tra của tỉnh vào.")
    given = build_ranking(estimating, table_given=True).notes
    assert given and not any("--survey" in note for note in given)
