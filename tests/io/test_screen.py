"""How output fits where it goes (parindex.io.screen): a message wraps on a terminal between words only, never inside
a value it quotes; nothing is wrapped in a pipe or a file; a table too wide for a terminal sheds columns."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.table import Table

from parindex.io.screen import NATURAL_WIDTH, Screen, fitted, recorder, shed, two_lines

PATH = "/tmp/Thư mục rất dài của Phòng Kế hoạch - Tài chính/Tự chấm 2026/sổ tự chấm.xlsx"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_a_message_wraps_between_words_never_inside_the_path_it_quotes() -> None:
    text = f"Đã ghi {PATH}: 42 tiêu chí thành phần, bộ tiêu chí par-department-2025."
    lines = fitted(text, 40, [PATH]).plain.split("\n")
    assert len(lines) > 1 and " ".join(lines) == text  # only spaces became line breaks
    assert f"{PATH}:" in lines  # longer than the line, the path has a line of its own, whole
    assert all(cell_len(line) <= 40 for line in lines if PATH not in line)


def test_in_a_pipe_or_a_file_a_message_is_one_line_whatever_its_length() -> None:
    text = "Đã ghi " + " ".join([PATH] * 200)  # longer than any terminal, and than the natural width
    assert fitted(text, None).plain == text
    assert fitted(text, NATURAL_WIDTH).plain == text


@given(st.lists(st.text(alphabet="aăâbcđ1,.%/", min_size=1, max_size=15), min_size=1, max_size=30),
       st.integers(min_value=5, max_value=60))
def test_wrapping_breaks_only_at_spaces_and_keeps_every_word_whole(words: list[str], width: int) -> None:
    text = " ".join(words)
    lines = fitted(text, width).plain.split("\n")
    assert " ".join(lines) == text
    assert all(cell_len(line) <= width or " " not in line for line in lines)  # only a lone long word runs over


def test_a_console_lays_out_at_natural_width_except_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    assert Screen(file=io.StringIO()).width == NATURAL_WIDTH  # a pipe: COLUMNS does not matter
    assert recorder().width == NATURAL_WIDTH  # a file
    assert Screen(file=Terminal()).width == 40  # a terminal: its width
    monkeypatch.setenv("FORCE_COLOR", "1")  # colours forced in a pipe: still laid out at natural width
    assert Screen(file=io.StringIO()).width == NATURAL_WIDTH


def test_a_name_in_two_lines_is_broken_at_the_space_that_halves_it_best() -> None:
    assert two_lines(["Xã Mẫu 57 (tổng hợp)"]) == len("(tổng hợp)")
    assert two_lines(["Sở", "Bộ phận tiếp nhận và trả kết quả"]) == len("Bộ phận tiếp nhận")
    assert two_lines(["Thanh-tra-tỉnh"]) == len("Thanh-tra-tỉnh")  # one word: never broken


def _table(hidden: Sequence[str]) -> Table:
    table = Table()
    table.add_column("Đơn vị", min_width=two_lines(["Xã Mẫu 57 (tổng hợp)"]))
    for key in ("Điểm", "Tối đa", "Xếp loại", "Ghi chú dài dài"):
        if key not in hidden:
            table.add_column(key, no_wrap=True)
    cells = {"Điểm": "65,50", "Tối đa": "70,00", "Xếp loại": "Nhóm A", "Ghi chú dài dài": "không tính 9,59/10"}
    table.add_row("Xã Mẫu 57 (tổng hợp)", *(cell for key, cell in cells.items() if key not in hidden))
    return table


def _lines(table: Table, width: int) -> list[str]:
    console = Screen(file=Terminal(), width=width, color_system=None)
    console.print(table)
    return console.file.getvalue().splitlines()  # type: ignore[attr-defined]


def test_a_table_too_wide_for_the_terminal_sheds_its_least_useful_columns_first() -> None:
    table, hidden = shed(_table, ["Ghi chú dài dài", "Xếp loại", "Tối đa"], 40)
    assert hidden == ["Ghi chú dài dài", "Xếp loại"]  # in the order given, and no more than needed
    lines = _lines(table, 40)
    assert all(cell_len(line) <= 40 for line in lines)
    name = [line.split("│")[1].strip() for line in lines if "│" in line]
    assert len(name) == 2 and " ".join(name) == "Xã Mẫu 57 (tổng hợp)"  # two lines, broken between words


def test_a_table_that_fits_keeps_every_column_and_its_names_on_one_line() -> None:
    table, hidden = shed(_table, ["Ghi chú dài dài", "Xếp loại", "Tối đa"], NATURAL_WIDTH)
    assert hidden == [] and len(table.columns) == 5
    assert any("Xã Mẫu 57 (tổng hợp)" in line for line in _lines(table, 200))
