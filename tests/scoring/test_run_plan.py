"""One run (scoring/run_plan.py): what does not fit at all is refused before anything is scored, what partly does
not fit is warned, the summary says what went in; last year's ranks compared under this year's grouping."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parindex.common.errors import ParindexError
from parindex.common.i18n import set_lang
from parindex.common.tables import Cell
from parindex.criteria.files import load_bundled
from parindex.evidence.model import SurveyRow, SurveyTable
from parindex.scoring.ranking import PreviousRow, build_ranking, change_words
from parindex.scoring.run_plan import Entry, plan_run
from tests.scoring.test_ranking import unit

COMMUNES = load_bundled("par-commune-2025")
SURVEY_CODE = next(item.code for _, item in COMMUNES.items() if item.is_survey)


@pytest.fixture(autouse=True)
def _english() -> object:
    set_lang("en")
    yield
    set_lang(None)


def entry(name: str, block: str = "Phường", year: str = "2026", part_of: str = "", level: str = "commune") -> Entry:
    return Entry(f"{name}.xlsx", name, level, year, block, part_of, COMMUNES,
                 {"year": "Thông tin!B8", "block": "Thông tin!B11"})


def table(path: str, *names: str) -> SurveyTable:
    rows = [SurveyRow(name, f"Điều tra!A{n}", {SURVEY_CODE: Cell("80%", f"Điều tra!B{n}")})
            for n, name in enumerate(names, start=2)]
    return SurveyTable(path, [SURVEY_CODE], rows, {SURVEY_CODE: "Điều tra!B1"})


def refused(*args: object, **kwargs: object) -> ParindexError:
    with pytest.raises(ParindexError) as caught:
        plan_run(*args, **kwargs)  # type: ignore[arg-type]
    return caught.value


# --- refused: nothing of it fits ------------------------------------------------------------------------------

def test_two_workbooks_of_one_unit_are_refused_and_parts_are_sent_to_merge() -> None:
    assert refused([entry("Phường A"), entry("phuong a")]).code == "PS526"
    assert refused([entry("Phường A", part_of="Sở Nội vụ"), entry("Phường A", part_of="Sở Tư pháp")]).code == "PS527"


def test_workbooks_of_two_years_are_refused_naming_each_years_files() -> None:
    error = refused([entry("Phường A"), entry("Phường B"), entry("Phường C", year="2025")])
    assert error.code == "PS580" and error.exit_code == 2
    assert error.where == "Phường C.xlsx › Thông tin!B8", "where the year that differs is written"
    assert error.params["years"] == ("2025 (1): Phường C.xlsx › Thông tin!B8; "
                                     "2026 (2): Phường A.xlsx › Thông tin!B8, Phường B.xlsx › Thông tin!B8"), \
        "the odd year first: a long list of the others is what a screen cuts"
    assert plan_run([entry("Phường A"), entry("Phường B", year="")]).summary.years == ["2026"], "a blank year says none"


def test_a_survey_table_none_of_whose_rows_is_a_unit_of_the_run_is_refused() -> None:
    error = refused([entry("Phường A")], [table("xa.xlsx", "Xã B", "Xã C")])
    assert error.code == "PS581" and error.params["path"] == "xa.xlsx" and "Phường (1)" in error.params["blocks"]


def test_a_previous_file_none_of_whose_units_is_found_is_refused() -> None:
    entries = [entry("Phường B"), entry("Phường D")]
    previous = [PreviousRow("Phường B", 3, file="p.json"), PreviousRow("Nơi khác", 1, file="q.json")]
    error = refused(entries, previous=previous)
    assert (error.code, error.params["path"], error.exit_code) == ("PS574", "q.json", 2)
    plan = plan_run(entries, previous=previous[:1])
    assert [(m.path, m.matched, m.total) for m in plan.summary.previous] == [("p.json", 1, 1)]


def test_last_years_file_of_this_year_is_refused() -> None:
    error = refused([entry("Phường B")], previous=[PreviousRow("Phường B", 1, file="p.json", year="2026")])
    assert error.code == "PS578"


def test_an_unknown_together_block_is_refused_before_anything_is_scored() -> None:
    error = refused([entry("Phường A"), entry("Xã B", "Xã")], together=["Phường,Huyện"])
    assert error.code == "PC731" and error.params["blocks"] == "Phường, Xã"


# --- matched: each unit's survey row, the rows left over --------------------------------------------------------

def test_each_unit_gets_its_row_or_none_and_rows_no_unit_matched_are_warned() -> None:
    plan = plan_run([entry("Phường A"), entry("Phường B")], [table("p.xlsx", "phường a", "Phường Z")])
    found = plan.survey_of("Phường A.xlsx")
    assert found is not None and found.row is not None and found.row.ref == "Điều tra!A2" and found.table == "p.xlsx"
    missing = plan.survey_of("Phường B.xlsx")
    assert missing is not None and missing.row is None and missing.tables == "p.xlsx"
    assert [(w.code, w.params["unit"], w.params["closest"]) for w in plan.warnings] == [
        ("PS548", "Phường B", "Phường Z (p.xlsx › Điều tra!A3)")]
    assert [(m.path, m.matched, m.total) for m in plan.summary.surveys] == [("p.xlsx", 1, 2)]
    assert plan_run([entry("Phường A")]).survey_of("Phường A.xlsx") is None, "no table given: nothing to look up"


def test_a_unit_without_its_row_is_offered_the_rows_no_unit_matched_closest_first() -> None:
    names = ["Phường A", "Phường Ngoại vụ tỉnh Ninh Bình", "Phường Nội vu", "Phường Kế hoạch"]
    plan = plan_run([entry("Phường A"), entry("Phường Ngoại vụ")], [table("t.xlsx", *names)])
    assert [(w.code, w.params["unit"], w.where) for w in plan.warnings] == [
        ("PS548", "Phường Ngoại vụ", "Phường Ngoại vụ.xlsx")]
    assert plan.warnings[0].params["closest"] == (
        "Phường Ngoại vụ tỉnh Ninh Bình (t.xlsx › Điều tra!A3), Phường Nội vu (t.xlsx › Điều tra!A4)")


def test_rows_no_unit_matched_are_no_warning_when_every_unit_has_its_row() -> None:
    assert plan_run([entry("Phường A")], [table("t.xlsx", "Phường A", "Phường Khác")]).warnings == []


def test_two_rows_of_one_unit_are_refused() -> None:
    assert refused([entry("Phường A")], [table("p.xlsx", "Phường A", "phuong a")]).code == "PS545"


# --- a lone unit in a block of its own ----------------------------------------------------------------------------

def test_a_unit_alone_in_a_block_beside_a_block_of_its_level_is_pointed_out() -> None:
    entries = [entry("Sở A", "Sở", level="department"), entry("Sở B", "Sở", level="department"),
               entry("Sở C", "Sở, ban, ngành", level="department")]
    warnings = plan_run(entries).warnings
    assert [(w.code, w.params["unit"], w.params["block"], w.params["others"], w.params["cell"]) for w in warnings] == [
        ("PS582", "Sở C", "Sở, ban, ngành", "Sở", "Sở C.xlsx › Thông tin!B11")]
    assert not plan_run(entries, together=["Sở,Sở, ban, ngành"]).warnings, "ranked together: not alone"
    other_level = [entry("Phường A"), entry("Phường B"), entry("Sở C", "Sở", level="department")]
    assert not plan_run(other_level).warnings, "a department's block beside wards' is no slip"
    assert not plan_run([entry("Phường A")]).warnings, "one unit scored alone"


# --- the summary ---------------------------------------------------------------------------------------------------

def test_the_summary_says_sets_year_blocks_and_what_matched() -> None:
    plan = plan_run([entry("Phường A"), entry("Phường B"), entry("Xã C", "Xã")],
                    [table("p.xlsx", "Phường A", "Phường B", "Xã C")],
                    [PreviousRow("Phường A", 1, Decimal(90), block="Phường", file="p.json"),
                     PreviousRow("Phường Cũ", 2, Decimal(80), block="Phường", file="p.json")])
    summary = plan.summary
    assert summary.sets == [(COMMUNES.id, COMMUNES.fingerprint())] and summary.years == ["2026"]
    assert summary.blocks == [("Phường", 2), ("Xã", 1)]
    assert plan_run([entry("Phường A"), entry("Phường B", " PHƯỜNG")]).summary.blocks == [("Phường", 2)], \
        "blocks compared as the ranking compares them"
    assert summary.lines() == [
        f"Criteria set: {COMMUNES.id} (fingerprint {COMMUNES.fingerprint()})", "Year: 2026",
        "Units per block: Phường: 2; Xã: 1", "Survey table p.xlsx: 3 of 3 rows matched",
        "Last year's results p.json: 1 of 2 units matched"]
    assert plan_run([entry("Phường A")]).summary.lines()[3:] == ["Survey table: none given (--survey)",
                                                                 "Last year's results: none given (--previous)"]


def test_the_plans_ranking_carries_its_summary_and_warnings() -> None:
    entries = [entry("Sở A", "Sở", level="department"), entry("Sở B", "Sở, ban, ngành", level="department"),
               entry("Sở C", "Sở", level="department")]
    plan = plan_run(entries)
    ranking = plan.rank([unit("Sở A", "90"), unit("Sở B", "80", "Sở, ban, ngành"), unit("Sở C", "70")])
    assert ranking.summary == plan.summary and [w.code for w in ranking.warnings] == ["PS582"]


# --- last year under this year's grouping ----------------------------------------------------------------------------

WARDS_AND_COMMUNES = [unit("Phường A", "95", "Phường"), unit("Phường B", "70", "Phường"), unit("Xã C", "90", "Xã"),
                      unit("Xã D", "60", "Xã")]


def previous_by_block(with_scores: bool = True) -> list[PreviousRow]:
    """Last year, each block ranked on its own: Phường B 1st of the wards, Xã D 1st of the communes."""
    def row(name: str, rank: int, percent: str, block: str) -> PreviousRow:
        shown = Decimal(percent) if with_scores or block == "Phường" else None
        return PreviousRow(name, rank, shown, shown, block, f"{block}.json")
    return [row("Phường B", 1, "88", "Phường"), row("Phường A", 2, "80", "Phường"),
            row("Xã D", 1, "85", "Xã"), row("Xã C", 2, "70", "Xã")]


def test_joined_blocks_compare_with_last_years_ranks_recomputed_as_if_joined() -> None:
    ranking = build_ranking(WARDS_AND_COMMUNES, ["Phường,Xã"], previous_by_block())
    rows = {r.unit.unit: r for r in ranking.rows}
    # last year joined: Phường B 88 → 1, Xã D 85 → 2, Phường A 80 → 3, Xã C 70 → 4; this year A 1, C 2, B 3, D 4
    assert {name: (r.previous_rank, r.rank) for name, r in rows.items()} == {
        "Phường A": (3, 1), "Xã C": (4, 2), "Phường B": (1, 3), "Xã D": (2, 4)}
    assert change_words(rows["Phường A"], True) == "▲ 2", "not ▲ 1 against its rank among wards alone"
    assert any("recomputed" in note and "Phường, Xã" in note for note in ranking.notes)


def test_blocks_ranked_apart_keep_last_years_ranks_as_published() -> None:
    ranking = build_ranking(WARDS_AND_COMMUNES, (), previous_by_block())
    assert {r.unit.unit: r.previous_rank for r in ranking.rows} == {"Phường A": 2, "Phường B": 1, "Xã C": 2,
                                                                    "Xã D": 1}
    assert not any("recomputed" in note for note in ranking.notes)
    joined_last_year = [row._replace(block="Phường, Xã", rank=rank) for row, rank in zip(previous_by_block(),
                                                                                          (2, 3, 1, 4), strict=True)]
    again = build_ranking(WARDS_AND_COMMUNES, ["Phường,Xã"], joined_last_year)
    assert {r.unit.unit: r.previous_rank for r in again.rows} == {"Phường B": 2, "Phường A": 3, "Xã D": 1,
                                                                  "Xã C": 4}, "joined both years: as published"


def test_without_last_years_scores_the_change_is_blank_and_the_note_says_why() -> None:
    ranking = build_ranking(WARDS_AND_COMMUNES, ["Phường,Xã"], previous_by_block(with_scores=False))
    assert all(r.previous is not None and r.previous_rank is None and change_words(r, True) == ""
               for r in ranking.rows), "blank, not 'new'"
    assert any("cannot be compared" in note and "2 units" in note for note in ranking.notes)
    wards_only = [row for row in previous_by_block() if row.block == "Phường"]
    partial_run = build_ranking(WARDS_AND_COMMUNES, ["Phường,Xã"], wards_only)
    assert all(r.rank_change is None for r in partial_run.rows)
    assert any("no unit of block Xã" in note for note in partial_run.notes)


def test_blocks_ranked_together_last_year_and_apart_now_are_recomputed_block_by_block() -> None:
    joined_last_year = [row._replace(block="Phường, Xã", rank=rank) for row, rank in zip(previous_by_block(),
                                                                                          (1, 3, 2, 4), strict=True)]
    ranking = build_ranking(WARDS_AND_COMMUNES, (), joined_last_year)
    assert {r.unit.unit: r.previous_rank for r in ranking.rows} == {"Phường B": 1, "Phường A": 2, "Xã D": 1,
                                                                    "Xã C": 2}, "each block's own order last year"


def test_a_block_renamed_since_last_year_keeps_its_published_ranks() -> None:
    renamed = [row._replace(block="Khối phường") for row in previous_by_block() if row.block == "Phường"]
    ranking = build_ranking(WARDS_AND_COMMUNES[:2], (), renamed)
    assert {r.unit.unit: r.previous_rank for r in ranking.rows} == {"Phường A": 2, "Phường B": 1}
    assert ranking.notes == []


def test_blocks_ranked_together_last_year_and_one_of_them_alone_now_are_recomputed() -> None:
    joined_last_year = [row._replace(block="Phường, Xã", rank=rank) for row, rank in zip(previous_by_block(),
                                                                                          (1, 3, 2, 4), strict=True)]
    ranking = build_ranking(WARDS_AND_COMMUNES[:2], (), joined_last_year[:2])
    assert {r.unit.unit: r.previous_rank for r in ranking.rows} == {"Phường B": 1, "Phường A": 2}, \
        "ranked among wards alone, not 3rd of the joint ranking"
    assert any("recomputed" in note for note in ranking.notes)
