"""Filling evidence workbooks as people do, for the tests of parts, merge and progress (synthetic values, drawn
from a seeded random generator: never figures of any real unit)."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from parindex.criteria.model import CriteriaSet, Item
from parindex.evidence.model import COLUMNS, SHEET_ITEMS

Fill = dict[str, dict[str, object]]  # item code → column key → value as typed


def typed_value(item: Item, rng: random.Random) -> object:
    """A value a person could type for `item` (valid for its rule): what the template's cell offers (the rule's
    `entry`), so every rule kind is filled without a list of kinds kept here."""
    entry = item.rule.entry(item.max)
    if entry is None:  # survey results: an answer or a share
        return rng.choice(["A", "B", f"{rng.randint(0, 100)}%"])
    if entry.kind == "yes_no":
        return rng.choice(["Có", "Không", "x", "có"])
    if entry.kind == "choice":
        return rng.choice(entry.options)
    if entry.kind == "whole":  # a count of cases
        return rng.randint(0, 5)
    if entry.most is not None:  # points typed directly, up to the max
        return float(entry.most * Decimal(rng.randint(0, 4)) / 4)
    if entry.prompt.endswith("percent"):
        return rng.choice([f"{rng.randint(0, 100)}%", f"{rng.randint(0, 1000) / 10}".replace(".", ",") + "%"])
    return rng.randint(0, 40)


def random_fill(cset: CriteriaSet, seed: int, share: float = 1.0) -> Fill:
    """Values for about `share` of the items, some N/A, some with evidence or an explanation or a note."""
    rng = random.Random(seed)
    fill: Fill = {}
    for _, item in cset.items():
        if rng.random() >= share:
            continue
        cells: dict[str, object] = {}
        if item.not_applicable and rng.random() < 0.2:
            cells["not_applicable"] = "x"
        else:
            cells["value"] = typed_value(item, rng)
        if rng.random() < 0.6:
            cells["evidence"] = f"Báo cáo số {rng.randint(1, 300)}/BC-UBND"
        elif rng.random() < 0.5:
            cells["explanation"] = "Chưa có văn bản; sẽ bổ sung"
        if rng.random() < 0.2:
            cells["note"] = "ghi chú"
        if rng.random() < 0.2 and item.rule.kind != "survey":
            cells["self_score"] = float(item.max)
        fill[item.code] = cells
    return fill


def fill_workbook(path: Path, fill: Fill) -> None:
    """Type `fill` into the workbook at `path` (the items it holds; others are left out, as a person would)."""
    book = load_workbook(path)
    sheet = book[SHEET_ITEMS]
    column = {key: index + 1 for index, key in enumerate(COLUMNS)}
    for row in range(2, sheet.max_row + 1):
        cells = fill.get(str(sheet.cell(row, 1).value))
        for key, value in (cells or {}).items():
            sheet.cell(row, column[key]).value = value
    book.save(path)


def codes_in(path: Path) -> set[str]:
    book = load_workbook(path, read_only=True)
    return {str(row[0]) for row in book[SHEET_ITEMS].iter_rows(min_row=2, max_col=1, values_only=True) if row[0]}
