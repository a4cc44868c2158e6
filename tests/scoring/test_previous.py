"""Last year's ranking read from JSON (`score --previous`): an earlier score JSON or the same shape by hand; every
bad file a coded error at its JSON path."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from parindex.common.errors import ParindexError
from parindex.scoring.previous import read_previous


def write(tmp_path: Path, data: object, name: str = "ket-qua-2025.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_hand_written_ranking_is_read(tmp_path: Path) -> None:
    """Hải Phòng's published department block (reference/units-and-recent-years.md §A.2), typed by hand."""
    path = write(tmp_path, {"ranking": [{"unit": "Thanh tra thành phố", "rank": 1, "score": 94.71},
                                        {"unit": "Văn phòng UBND thành phố", "rank": 2, "score": 94.4, "block": "Sở"},
                                        {"unit": "Sở Tài chính", "rank": 3}]})
    rows = read_previous(path)
    assert [(r.unit, r.rank, r.score, r.block) for r in rows] == [
        ("Thanh tra thành phố", 1, Decimal("94.71"), ""), ("Văn phòng UBND thành phố", 2, Decimal("94.4"), "Sở"),
        ("Sở Tài chính", 3, None, "")]
    assert rows[2].where.endswith("› $.ranking[2]")


@pytest.mark.parametrize(("data", "code", "where"), [
    ("{\"ranking\": [", "PS570", ""),
    ({"units": []}, "PS571", "$.ranking"),
    ([{"unit": "A", "rank": 1}], "PS571", "$.ranking"),
    ({"ranking": [{"unit": "A", "rank": 1}, "B"]}, "PS572", "$.ranking[1]"),
    ({"ranking": [{"unit": "", "rank": 1}]}, "PS572", "$.ranking[0].unit"),
    ({"ranking": [{"unit": "A", "rank": "1"}]}, "PS572", "$.ranking[0].rank"),
    ({"ranking": [{"unit": "A", "rank": 0}]}, "PS572", "$.ranking[0].rank"),
    ({"ranking": [{"unit": "A", "rank": 1.5}]}, "PS572", "$.ranking[0].rank"),
    ({"ranking": [{"unit": "A", "rank": 1, "score": "94,7"}]}, "PS572", "$.ranking[0].score"),
    ({"ranking": [{"unit": "A", "rank": 1, "block": 3}]}, "PS572", "$.ranking[0].block"),
    ({"ranking": [{"unit": "Sở A", "rank": 1}, {"unit": "SỞ  A", "rank": 2}]}, "PS573", "$.ranking[1].unit"),
])
def test_a_bad_file_is_a_coded_error_at_its_json_path(tmp_path: Path, data: object, code: str, where: str) -> None:
    path = write(tmp_path, data)
    with pytest.raises(ParindexError) as raised:
        read_previous(path)
    assert raised.value.code == code
    assert raised.value.where == (f"{path} › {where}" if where else str(path))


def test_the_same_unit_in_two_blocks_is_two_units(tmp_path: Path) -> None:
    path = write(tmp_path, {"ranking": [{"unit": "A", "rank": 1, "block": "Phường"}, {"unit": "A", "rank": 1,
                                                                                        "block": "Xã"}]})
    assert len(read_previous(path)) == 2


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ParindexError) as raised:
        read_previous(tmp_path / "none.json")
    assert raised.value.code == "PE300"


def test_a_folder_is_said_to_be_a_folder(tmp_path: Path) -> None:
    """Read through io/input_files as every input is: a folder is PE305, not 'not found'."""
    with pytest.raises(ParindexError) as raised:
        read_previous(tmp_path)
    assert raised.value.code == "PE305"


def test_a_unit_left_unranked_last_year_had_no_rank_to_compare_with(tmp_path: Path) -> None:
    path = write(tmp_path, {"ranking": [{"unit": "Sở A", "rank": 1, "score": 90},
                                        {"unit": "Sở B", "rank": None, "score": None, "notes": ["chưa xếp hạng"]}]})
    assert [(row.unit, row.rank) for row in read_previous(path)] == [("Sở A", 1)]
    with pytest.raises(ParindexError) as missing:  # the key itself is still required
        read_previous(write(tmp_path, {"ranking": [{"unit": "Sở C"}]}, "other.json"))
    assert missing.value.code == "PS572"
