"""Matching names is linear in their number (issue 27 part 6): `--together`, survey rows, last year's units.

`--together` with 400 block names took minutes (every run of parts was joined and folded: cubic); a survey table's
names were keyed again for every workbook. What is asserted is the shape, not the time: how many names are folded
(calls of `block_key` and `name_key`) for n names and for ten times as many — at most a constant per name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

import parindex.evidence.model
import parindex.scoring.ranking
from parindex.evidence.model import SurveyRow, SurveyTable
from parindex.scoring.ranking import PreviousRow, build_ranking, known_blocks, split_blocks
from tests.scoring.test_ranking import unit

SIZES = (50, 500)


@contextmanager
def counted(module: Any, name: str) -> Iterator[list[int]]:
    """Count the calls of `module.name` while inside (the count is the list's length)."""
    calls: list[int] = []
    original: Callable[..., Any] = getattr(module, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    setattr(module, name, counting)
    try:
        yield calls
    finally:
        setattr(module, name, original)


def per_name(measure: Callable[[int], int]) -> list[float]:
    """Calls per name for each size; linear: the same small constant at every size."""
    return [measure(n) / n for n in SIZES]


def test_together_folds_each_block_name_a_bounded_number_of_times() -> None:
    def measure(n: int) -> int:
        names = [f"Khối {i}" for i in range(n)] + ["Xã, đặc khu"]  # one name holding a comma stays whole
        with counted(parindex.scoring.ranking, "block_key") as calls:
            found = split_blocks(",".join(reversed(names)), known_blocks(names))
        assert found == list(reversed(names))
        return len(calls)

    small, large = per_name(measure)
    assert large <= 4 and small <= 4.1, (small, large)


def test_a_ranking_of_many_blocks_together_and_last_year_is_linear() -> None:
    def measure(n: int) -> int:
        units = [unit(f"Xã {i}", str(50 + i % 50), block=f"Khối {i % (n // 2)}") for i in range(n)]
        together = [",".join(f"Khối {i}" for i in range(n // 2))]
        previous = [PreviousRow(f"Xã {i}", i + 1, file="truoc.json") for i in range(n)]  # no block: found
        with counted(parindex.scoring.ranking, "block_key") as blocks, \
                counted(parindex.scoring.ranking, "name_key") as names:
            ranking = build_ranking(units, together, previous)
        assert len(ranking.blocks) == 1 and all(row.previous is not None for row in ranking.rows)
        return len(blocks) + len(names)

    small, large = per_name(measure)
    assert large <= small * 1.1 and large <= 24, (small, large)  # 19 folds a name: grouping, last year, compare


def test_a_survey_table_keys_each_row_once_whatever_the_number_of_workbooks() -> None:
    def measure(n: int) -> int:
        table = SurveyTable("dieu-tra.xlsx", ["2.2.1"], [SurveyRow(f"UBND xã Số {i}", f"A{i + 2}", {})
                                                        for i in range(n)])
        with counted(parindex.evidence.model, "name_key") as calls:
            for i in range(n):  # one look-up per workbook
                assert [row.unit for row in table.rows_named(f"Xã số {i}", "commune")] == [f"UBND xã Số {i}"]
        return len(calls)

    assert per_name(measure) == [2, 2], "each row's name keyed once, each workbook's once"


@pytest.mark.parametrize("level", ["commune", "province"])
def test_survey_rows_are_found_as_before_and_in_the_table_order(level: str) -> None:
    rows = [SurveyRow("Phường A", "A2", {}), SurveyRow("phuong a", "A3", {}), SurveyRow("Phường B", "A4", {})]
    table = SurveyTable("t.xlsx", [], rows)
    assert [row.ref for row in table.rows_named("PHƯỜNG A", level)] == ["A2", "A3"]
    assert table.rows_named("Phường C", level) == []
    assert table == SurveyTable("t.xlsx", [], rows), "the index is no part of the table's value"
