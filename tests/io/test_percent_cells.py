"""The cells a percent format shows, found from where their style is written, are the cells read tag by tag finds:
every form of cell tag, a style named twice, in text, inside another tag's attributes, and past the limit of hits."""

from __future__ import annotations

import random

import pytest

from parindex.io.sheets import PERCENT_HITS, _percent_cells, _percent_cells_tag_by_tag

PIECES = [b'<c r="A1" s="9">', b'<c r="B2" t="n" s="9"/>', b'<c r="C3" s="19">', b'<c r="D4" s="9" s="2">',
          b'<c r="E5" s="2" s="9">', b'<x:c r="F6" s="9">', b'<c  r="G7"\ts="9">', b'<c r="H8"s="9">',
          b'<c r="I9" xs="9">', b'<c r="J10" s="9 ">', b"<c r='K11' s='9'>", b'<c s="9" r="L12">',
          b'<c r="M13" s="09">', b'<c r="N14" as="1" s="9">', b'<c r="O15" s="99">', b'<c r="AB16" s="10"/>',
          b"<v>1</v>", b"</c>", b'<row r="3">', b'text s="9"', b's="9">', b'<c r="P1" x="<c r="Q2" s="9">',
          b'<c r="P1" s="2" x="<c r="Q2" s="9">', b">", b"<", b'<c r="R3" x="s="9"">', b'<c r="S4" s="10" s="9"/>',
          b's="9"']
STYLES = [frozenset({b"9"}), frozenset({b"9", b"10"}), frozenset({b"2"})]


@pytest.mark.parametrize("seed", range(4))
def test_found_from_the_styles_as_read_tag_by_tag(seed: int) -> None:
    draw = random.Random(seed)
    for _ in range(2_000):
        data = b"".join(draw.choice(PIECES) for _ in range(draw.randint(1, 14)))
        for styles in STYLES:
            assert _percent_cells(data, styles) == _percent_cells_tag_by_tag(data, styles), (data, styles)


def test_many_percent_cells_are_all_found() -> None:
    data = b"".join(b'<c r="A%d" s="9"><v>1</v></c>' % row for row in range(1, PERCENT_HITS + 50))
    assert _percent_cells(data, frozenset({b"9"})) == {(row, 0) for row in range(PERCENT_HITS + 49)}


def test_a_cell_tag_inside_an_attribute_is_not_a_cell() -> None:
    data = b'<c r="P1" s="2" x="<c r="Q2" s="9"><v>1</v></c><c r="A5" s="9"/>'
    assert _percent_cells(data, frozenset({b"9"})) == {(4, 0)}
