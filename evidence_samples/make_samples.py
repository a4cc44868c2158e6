"""Build the sample evidence workbooks from their sources (run from anywhere; rebuilds in place).

    python evidence_samples/make_samples.py            # writes into evidence_samples/
    python evidence_samples/make_samples.py --out DIR  # writes into DIR (the tests compare the two)

* `bac-giang-2020.xlsx` — the bundled set's template for UBND tỉnh Bắc Giang, 2020, filled from
  `bac-giang-2020.source.yaml` (real figures from public documents, each row citing its seed).
* `synthetic-districts/synthetic-huyen-NN.xlsx` — the same template for invented districts, filled by a
  seeded generator (`random.Random(2020)`): nothing in them is real. The set is provincial; so is their level.
* `synthetic-province-2026/` — an invented two-tier province (seeded, `random.Random(2026)`): 14 departments
  (`so/`, set `par-department-2025`), 45 wards (`phuong/`) and 68 communes and special zones (`xa/`, set
  `par-commune-2025`), appraised; the province's survey table per block (`dieu-tra-*.xlsx`) and last year's
  results as `score --format json` files (`ket-qua-2025-*.json`). Nothing in them is real.

The workbooks are made by `parindex template`'s own code and filled with openpyxl, cell by cell, the way a
person fills the template in Excel; the columns are found by their header text, as the reader finds them.
`bench/score_bench.py` reuses `synthetic_units` and `write_units` to make its thousand workbooks.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "bac-giang-2020.source.yaml"
BAC_GIANG = "bac-giang-2020.xlsx"
SYNTHETIC_DIR = "synthetic-districts"
CRITERIA_ID = "par-province-2020"
SEED = 2020
SYNTHETIC_COUNT = 8
SYNTHETIC_DATE = date(2021, 1, 20)
SYNTHETIC_BY = "parindex synthetic generator (random.Random(2020)) — dữ liệu tổng hợp, không có thật"
SYNTHETIC_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass
class Unit:
    """One workbook to write: the Thông tin values and, by item code, the cells to fill."""

    name: str
    level: str
    year: int
    prepared_by: str
    date: date
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)  # code → {column key: value}
    deleted: tuple[str, ...] = ()  # item rows the officer deleted (their code cell emptied)
    block: str | None = None  # Thông tin › Khối (None: the template's default, the level in words)


# --- writing ----------------------------------------------------------------------------------------

def load_set(criteria_id: str = CRITERIA_ID):
    from parindex.criteria.files import load_criteria

    return load_criteria(criteria_id)


class Filler:
    """Fills a template built by `parindex.evidence.template.build_template`, found by its labels and headers.

    One template is reused for many units (building it is the slow part): each `fill` first clears every
    input cell, then writes the unit's name and rows, so a unit never inherits another's values.
    """

    def __init__(self, book) -> None:
        from parindex.evidence.model import COLUMNS, INFO_KEYS, SHEET_INFO, SHEET_ITEMS
        from parindex.evidence.template import INPUT_COLUMNS

        self.book = book
        info = book[SHEET_INFO]
        label = INFO_KEYS["unit"]
        self.unit_cell = next((row[1] for row in info.iter_rows(max_col=2)
                               if isinstance(row[0].value, str) and row[0].value.strip() == label), None)
        if self.unit_cell is None:
            raise SystemExit(f"the template's {SHEET_INFO} sheet has no '{label}' row")
        self.sheet = book[SHEET_ITEMS]
        by_text = {text: key for key, text in COLUMNS.items()}
        header = {by_text[str(cell.value).strip()]: cell.column for cell in self.sheet[1]
                  if cell.value is not None and str(cell.value).strip() in by_text}
        if "code" not in header:
            raise SystemExit(f"no '{COLUMNS['code']}' header in row 1 of the template's {SHEET_ITEMS} sheet")
        self.columns = header
        self.inputs = [header[key] for key in INPUT_COLUMNS if key in header]
        self.rows = {str(self.sheet.cell(r, header["code"]).value).strip(): r
                     for r in range(2, self.sheet.max_row + 1)
                     if self.sheet.cell(r, header["code"]).value is not None}

    def fill(self, unit: Unit) -> None:
        unknown = sorted(set(unit.rows) - set(self.rows))
        if unknown:
            raise SystemExit(f"the template has no rows for {unknown}")
        self.unit_cell.value = unit.name
        for code, r in self.rows.items():
            for column in self.inputs:
                self.sheet.cell(r, column).value = None
            self.sheet.cell(r, self.columns["code"]).value = None if code in unit.deleted else code
        for code, cells in unit.rows.items():
            for key, value in cells.items():
                self.sheet.cell(self.rows[code], self.columns[key]).value = value
        for r in self.rows.values():
            self._fit_height(r)

    def _fit_height(self, r: int) -> None:
        """The row as tall as its longest wrapped cell, filled values included: the template sized it for its
        reference text only, and a fixed height cuts off the evidence a unit typed when it is printed."""
        from parindex.io.xlsx_print import text_lines

        widths = self.sheet.column_dimensions
        lines = max(text_lines(cell.value, widths[cell.column_letter].width or 10, bool(cell.font and cell.font.b))
                    for cell in self.sheet[r])
        self.sheet.row_dimensions[r].height = 15 * lines if lines > 1 else None


def write_units(cset, units: list[Unit], paths: list[Path]) -> None:
    """One workbook per unit: `parindex template`'s workbook for the set, level and year, filled in."""
    from io import BytesIO

    from openpyxl import load_workbook

    from parindex.evidence.template import build_template, save_stamped

    fillers: dict[tuple[str, int, str, date], Filler] = {}
    for unit, path in zip(units, paths, strict=True):
        key = (unit.level, unit.year, unit.prepared_by, unit.date, unit.block)
        if key not in fillers:
            written = BytesIO()  # the template is written streamed: opened again to be filled in
            save_stamped(build_template(cset, unit=unit.name, level=unit.level, year=unit.year,
                                        prepared_by=unit.prepared_by, today=unit.date, block=unit.block).book,
                         written, unit.date)
            fillers[key] = Filler(load_workbook(written))
        filler = fillers[key]
        filler.fill(unit)
        path.parent.mkdir(parents=True, exist_ok=True)
        save_stamped(filler.book, path, unit.date)  # timestamps = the unit's date: rebuilding gives equal bytes


# --- Bắc Giang 2020 from its source table -----------------------------------------------------------

def bac_giang_unit(source: Path = SOURCE) -> Unit:
    import yaml

    table = yaml.safe_load(source.read_text(encoding="utf-8"))
    unit = Unit(table["unit"], table["level"], int(table["year"]), table["prepared_by"], table["date"])
    for row in table["items"]:
        cells = {key: row[key] for key in ("value", "evidence", "explanation") if row.get(key) not in (None, "")}
        if cells:
            unit.rows[str(row["code"])] = cells
    return unit


# --- synthetic districts ----------------------------------------------------------------------------

def synthetic_name(index: int) -> str:
    """'Huyện Mẫu A (tổng hợp)' … then 'Huyện Mẫu 0027 (tổng hợp)' beyond the alphabet: invented, and says so."""
    label = SYNTHETIC_LETTERS[index] if index < len(SYNTHETIC_LETTERS) else f"{index + 1:04d}"
    return f"Huyện Mẫu {label} (tổng hợp)"


def synthetic_units(cset, count: int, seed: int = SEED, twin: bool = True) -> list[Unit]:
    """`count` invented districts filled at random (seeded); with `twin`, the last one repeats an earlier
    district's values typed differently (`95,7%` for `0,957`…), so the two tie and share a rank."""
    rng = random.Random(seed)
    items = cset.item_by_code()
    units: list[Unit] = []
    draws: list[dict[str, Draw]] = []
    for index in range(count):
        name = synthetic_name(index)
        if twin and count > 2 and index == count - 1:
            source = draws[1]
            drawn = {code: Draw(d.kind, d.value, d.na, d.evidence, d.explanation) for code, d in source.items()}
        else:
            quality = rng.uniform(0.45, 0.95)  # how good this district is: shifts every draw
            drawn = {item.code: draw_item(item, rng, quality) for _, item in cset.items()}
        draws.append(drawn)
        unit = Unit(name, cset.level, 2020, SYNTHETIC_BY, SYNTHETIC_DATE)
        for code, d in drawn.items():
            cells = d.cells(rng)
            if "value" in cells and d.kind != "survey" and rng.random() < 0.3:
                cells["self_score"] = self_score(items[code], cells["value"], rng)
            if cells:
                unit.rows[code] = cells
        units.append(unit)
    return units


def self_score(item, typed: Any, rng: random.Random) -> Any:
    """What the officer writes in Điểm tự chấm: the points the rule gives, now and then one step off
    (which `score` reports as a warning, PS501), typed as a number or as `1,5`."""
    from parindex.scoring.engine import round_points

    points = round_points(item.rule.score(typed, item.max).points)
    if rng.random() < 0.1:
        step = Decimal("0.25")
        points = min(item.max, points + step) if points + step <= item.max else max(Decimal(0), points - step)
    return rng.choice([float(points), _comma(points.normalize())])


@dataclass
class Draw:
    """What a district's row says, before it is typed: the kind of value and the value itself."""

    kind: str  # percent | number | count | yes_no | choice | survey | blank
    value: Any = None  # Decimal for numbers, bool, option label, survey answer
    na: bool = False
    evidence: str | None = None
    explanation: str | None = None

    def cells(self, rng: random.Random) -> dict[str, Any]:
        cells: dict[str, Any] = {}
        if self.na:
            cells["not_applicable"] = rng.choice(["x", "X", "KAD", "Không áp dụng", "N/A"])
        elif self.kind != "blank":
            cells["value"] = type_value(self.kind, self.value, rng)
        if self.evidence:
            cells["evidence"] = self.evidence
        if self.explanation:
            cells["explanation"] = self.explanation
        return cells


EVIDENCE_KINDS = ("Quyết định", "Kế hoạch", "Báo cáo", "Công văn")
EXPLANATIONS = (
    "Đang tổng hợp số liệu, sẽ bổ sung tài liệu kiểm chứng.",
    "Tài liệu kiểm chứng do cơ quan chủ trì lưu giữ, chưa gửi về Phòng Nội vụ.",
    "Trong năm không phát sinh văn bản; gửi kèm báo cáo giải trình.",
)


def draw_item(item, rng: random.Random, quality: float) -> Draw:
    """One item's row for a district of the given quality (0–1)."""
    from parindex.criteria.rules import (
        ChoiceRule,
        DeductionRule,
        ProportionalRule,
        ThresholdRule,
        YesNoRule,
    )

    rule = item.rule
    if item.not_applicable and rng.random() < 0.25:
        return Draw("blank", na=True, explanation="Trong năm không phát sinh nội dung đánh giá.")
    if item.is_survey:  # not self-scored: mostly left empty, sometimes an estimate
        if rng.random() < 0.15:
            value = rng.choice(["A", "B", "C"]) if rng.random() < 0.5 else _percent(rng, 50, 95)
            return Draw("survey", value)
        return Draw("blank")
    if rng.random() < 0.06:
        return Draw("blank")
    if isinstance(rule, YesNoRule):
        kind, value = "yes_no", rng.random() < 0.35 + 0.6 * quality
    elif isinstance(rule, ChoiceRule):
        kind, value = "choice", _pick_option(rule, rng, quality)
    elif isinstance(rule, ThresholdRule | ProportionalRule):
        if rule.unit == "percent":
            kind, value = "percent", _percent_for(rule, rng, quality)
        else:
            kind, value = "number", _number_for(rule, rng, quality)
    elif isinstance(rule, DeductionRule):
        kind = "count"
        value = Decimal(0) if rng.random() < quality else Decimal(rng.randint(1, 4))
    else:  # manual: the points themselves
        kind, value = "number", (item.max * Decimal(str(round(quality, 2)))).quantize(Decimal("0.01"))
    evidence = explanation = None
    roll = rng.random()
    if roll < 0.85:
        evidence = f"{rng.choice(EVIDENCE_KINDS)} số {rng.randint(12, 980)}/{rng.choice(['QĐ', 'KH', 'BC'])}-UBND"
    elif roll < 0.93:
        explanation = rng.choice(EXPLANATIONS)
    return Draw(kind, value, evidence=evidence, explanation=explanation)


def _pick_option(rule, rng: random.Random, quality: float) -> str:
    options = sorted(rule.options, key=lambda o: -o.points)
    roll = rng.random()
    if roll < quality:
        return options[0].label
    return options[1].label if roll < quality + (1 - quality) * 0.65 else options[-1].label


def _percent(rng: random.Random, lo: float, hi: float) -> Decimal:
    return Decimal(str(round(rng.uniform(lo, hi), 1)))


def _percent_for(rule, rng: random.Random, quality: float) -> Decimal:
    """A share around the rule's tiers: sometimes 100 %, usually between just under the lowest tier and a
    little above the top one, better districts higher."""
    marks = [float(t.at_least) for t in getattr(rule, "tiers", []) if t.at_least is not None]
    if not marks:
        marks = [float(rule.target)]
    top, low = max(marks), min(marks)
    if top >= 100 and rng.random() < quality * 0.6:
        return Decimal(100)
    lo = max(0.0, low - 15)
    hi = min(100.0, top * 1.4 if top < 70 else 100.0)
    value = lo + (hi - lo) * min(1.0, max(0.0, rng.gauss(quality, 0.25)))
    return Decimal(str(round(value, 1)))


def _number_for(rule, rng: random.Random, quality: float) -> Decimal:
    marks = [t.at_most for t in getattr(rule, "tiers", []) if t.at_most is not None]
    if marks:  # lower is better: a count of cases
        return Decimal(0) if rng.random() < quality else Decimal(rng.randint(1, int(max(marks)) + 3))
    marks = [t.at_least for t in getattr(rule, "tiers", []) if t.at_least is not None] or [rule.target]
    return (max(marks) * Decimal(str(round(rng.uniform(0.5, 1.3), 2)))).quantize(Decimal("0.1"))


def _comma(value: Decimal, places: int | None = None) -> str:
    text = f"{value:.{places}f}" if places is not None else format(value.normalize(), "f")
    return text.replace(".", ",")


def type_value(kind: str, value: Any, rng: random.Random) -> Any:
    """The value as someone types it into Kết quả: the forms of README: "Evidence workbooks", only where the rule
    accepts them."""
    if kind == "percent":
        return _type_percent(value, rng)
    if kind == "survey":
        return value if isinstance(value, str) else _type_percent(value, rng)
    if kind == "count":
        return rng.choice([int(value), str(int(value)), f" {int(value)} "])
    if kind == "number":
        return rng.choice([float(value), _comma(value), int(value) if value == value.to_integral_value()
                           else _comma(value)])
    if kind == "yes_no":
        return rng.choice(["Có", "có", "x", "C", "Đạt", "Có "] if value else ["Không", "không", "K", "Không đạt"])
    if kind == "choice":
        return rng.choice([value, value, value.lower(), value + " ", value + "."])
    raise ValueError(kind)


def _type_percent(value: Decimal, rng: random.Random) -> Any:
    forms = [_comma(value) + "%", format(value.normalize(), "f") + "%", _comma(value) + " %"]
    if value > 1:  # a bare number ≤ 1 reads as a fraction (0,5 = 50 %): only `%` forms below that
        forms += [_comma(value)]
        if value < 100:
            fraction = value / 100
            forms += [_comma(fraction), float(fraction)]  # `0,957` typed, or Excel's percent-formatted 0.957
        else:
            forms += [100, "100,0%", "100%"]
    return rng.choice(forms)


# --- a synthetic two-tier province (2026) ------------------------------------------------------------

PROVINCE_DIR = "synthetic-province-2026"
PROVINCE_SEED = 2026
PROVINCE_YEAR = 2026
PROVINCE_DATE = date(2026, 12, 15)
PROVINCE_BY = "parindex synthetic generator (random.Random(2026)) — dữ liệu tổng hợp, không có thật"
DEPARTMENTS = ("Văn phòng UBND tỉnh", "Thanh tra tỉnh", "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Công Thương",
               "Sở Nông nghiệp và Môi trường", "Sở Xây dựng", "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo",
               "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo",
               "Ban Quản lý các khu công nghiệp")
WITHOUT_PROCEDURES = ("Thanh tra tỉnh",)  # marks area 3 (TTHC) not applicable: a reduced maximum
WARDS, COMMUNES, SPECIAL_ZONES = 45, 66, 2  # Hải Phòng's blocks of 9/1/2026: 45 wards, 68 communes and zones


@dataclass(frozen=True)
class Block:
    """One ranking block: its folder, criteria set, units and how good they are (a range of quality)."""

    key: str  # so | phuong | xa
    block: str  # Thông tin › Khối: the block the province ranks it in (Hải Phòng, 9/1/2026: sở / phường / xã, đặc khu)
    criteria_id: str
    names: tuple[str, ...]
    quality: tuple[float, float]


def province_blocks() -> list[Block]:
    communes = [f"Xã Mẫu {n:02d} (tổng hợp)" for n in range(WARDS + 1, WARDS + COMMUNES + 1)]
    zones = [f"Đặc khu Mẫu {n} (tổng hợp)" for n in range(1, SPECIAL_ZONES + 1)]
    return [Block("so", "Sở", "par-department-2025", tuple(f"{name} (tổng hợp)" for name in DEPARTMENTS), (0.6, 0.97)),
            Block("phuong", "Phường", "par-commune-2025", tuple(f"Phường Mẫu {n:02d} (tổng hợp)" for n in range(1, WARDS + 1)),
                  (0.5, 0.97)),
            Block("xa", "Xã, đặc khu", "par-commune-2025", tuple(communes + zones), (0.3, 0.95))]


def province_units(cset, block: Block, rng: random.Random, year: int, day: date) -> tuple[list[Unit], dict]:
    """The block's units filled, appraised, with their typing habits; and the survey results the province
    measured for each (unit name → item code → share in %)."""
    units: list[Unit] = []
    surveyed: dict[str, dict[str, Decimal]] = {}
    for name in block.names:
        quality = rng.uniform(*block.quality)
        no_procedures = any(name.startswith(n) for n in WITHOUT_PROCEDURES)
        unit = Unit(name, cset.level, year, PROVINCE_BY, day, block=block.block)
        surveyed[name] = {}
        for area, item in cset.items():
            if no_procedures and area.code == "3":
                unit.rows[item.code] = {"not_applicable": "x", "explanation": "Đơn vị không có TTHC."}
                continue
            if item.is_survey:
                share = Decimal(str(round(min(100.0, max(20.0, rng.gauss(55 + 40 * quality, 6))), 1)))
                surveyed[name][item.code] = share
                if rng.random() < 0.2:  # the unit's own guess: replaced by the province's table
                    unit.rows[item.code] = {"value": type_value("survey", _percent(rng, 80, 100), rng)}
                continue
            cells = _province_cells(item, rng, quality)
            if cells:
                unit.rows[item.code] = cells
        units.append(unit)
    return units, surveyed


def _province_cells(item, rng: random.Random, quality: float) -> dict[str, Any]:
    """One item's row: bonus and penalty now and then, revenue over the estimate, the rest as the districts
    are drawn; appraised points beside the unit's own (the appraisal council takes a step off now and then)."""
    from parindex.scoring.engine import round_points

    if item.is_adjustment:
        chance = 0.3 if item.component == "bonus" else 0.2
        if rng.random() >= chance:
            return {}
        count = rng.randint(1, 3)
        typed = type_value("yes_no", True, rng) if item.rule.kind == "yes_no" else rng.choice([count, str(count)])
        return {"value": typed, "evidence": f"Quyết định số {rng.randint(10, 900)}/QĐ-UBND"}
    most = getattr(item.rule, "most", None)
    if most is not None:  # revenue against the estimate: often above 100 %
        draw = Draw("percent", _percent(rng, 75 + 30 * quality, 110 + 30 * quality),
                    evidence=f"Báo cáo số {rng.randint(10, 900)}/BC-UBND")
    else:
        draw = draw_item(item, rng, quality)
    cells = draw.cells(rng)
    if "value" not in cells:
        return cells
    points = round_points(item.rule.score(cells["value"], item.max).points)
    appraised = points
    if rng.random() < 0.12 and points > 0:
        appraised = max(Decimal(0), points - Decimal("0.5"))
    cells["self_score"] = float(points)
    cells["appraised"] = float(appraised)
    return cells


def province_errors(units: list[Unit], rng: random.Random) -> None:
    """A few of the slips officers make: a count written in words (an error: the item scores 0), a self-score
    without the value it comes from (PS541), an item row deleted (PS540)."""
    words, no_value, deleted = (units[i] for i in rng.sample(range(len(units)), 3))
    words.rows["1.2.3"] = {"value": "hai nhiệm vụ", "evidence": "Trích xuất Hệ thống theo dõi nhiệm vụ"}
    no_value.rows["2.1.1"] = {"self_score": 3, "evidence": "Danh mục văn bản đã ban hành"}
    deleted.deleted = ("5.1.2",)


def survey_table(path: Path, names: tuple[str, ...], results: dict[str, dict[str, Decimal]], codes: list[str],
                 rng: random.Random, day: date) -> None:
    """The province's survey table for a block: `Đơn vị` and one column per survey/SIPAS item, in % (A–D
    for a few rows, as results sometimes come), names typed with the office's habits."""
    from openpyxl import Workbook

    from parindex.evidence.template import save_stamped

    book = Workbook()
    sheet = book.active
    sheet.title = "Kết quả điều tra"
    sheet.append([f"Kết quả điều tra xã hội học năm {PROVINCE_YEAR} — DỮ LIỆU TỔNG HỢP, KHÔNG CÓ THẬT"])
    sheet.append(["STT", "Đơn vị", *codes])
    for n, name in enumerate(names, start=1):
        typed = rng.choice([name, name.upper(), " " + name, name.replace(" (tổng hợp)", " (tổng hợp) ")])
        row: list[Any] = [n, typed]
        for code in codes:
            share = results[name].get(code)
            row.append(None if share is None else _type_percent(share, rng))
        sheet.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_stamped(book, path, day)


def build_province(folder: Path) -> list[Path]:
    """The province's three blocks, their survey tables, and last year's results as score JSON."""
    from parindex.criteria.files import load_criteria

    rng = random.Random(PROVINCE_SEED)
    written: list[Path] = []
    for block in province_blocks():
        cset = load_criteria(block.criteria_id)
        units, results = province_units(cset, block, rng, PROVINCE_YEAR, PROVINCE_DATE)
        province_errors(units, rng)
        paths = [folder / block.key / f"{block.key}-{n:03d}.xlsx" for n in range(1, len(units) + 1)]
        write_units(cset, units, paths)
        written += paths
        codes = [item.code for _, item in cset.items() if item.is_survey]
        table = folder / f"dieu-tra-{block.key}-{PROVINCE_YEAR}.xlsx"
        survey_table(table, block.names, results, codes, rng, PROVINCE_DATE)
        written.append(table)
        written.append(last_year(folder, block, cset, rng))
    return written


def last_year(folder: Path, block: Block, cset, rng: random.Random) -> Path:
    """Last year's results of the block (2025), as `parindex score --format json --survey` wrote them."""
    import contextlib
    import tempfile

    from parindex.cli.app import run

    target = folder / f"ket-qua-{PROVINCE_YEAR - 1}-{block.key}.json"
    day = date(PROVINCE_YEAR - 1, 12, 15)
    with tempfile.TemporaryDirectory() as scratch:
        units, results = province_units(cset, block, rng, PROVINCE_YEAR - 1, day)
        paths = [Path(scratch) / "so" / f"{n:03d}.xlsx" for n in range(1, len(units) + 1)]
        write_units(cset, units, paths)
        table = Path(scratch) / "dieu-tra.xlsx"
        survey_table(table, block.names, results, [i.code for _, i in cset.items() if i.is_survey], rng, day)
        target.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.chdir(scratch):  # the run's summary names the survey table as given: no scratch path
            run(["--lang", "vi", "score", "so", "--survey", table.name, "--format", "json", "-o", str(target.resolve()),
                 "--force"])
    return target


# --- the command ------------------------------------------------------------------------------------

def synthetic_paths(folder: Path, count: int) -> Iterator[Path]:
    for index in range(count):
        yield folder / f"synthetic-huyen-{index + 1:02d}.xlsx"


def build(out: Path) -> list[Path]:
    """Every sample into `out`; the template's own texts in Vietnamese, whatever PARINDEX_LANG says."""
    from parindex.common import i18n

    before = getattr(i18n, "_lang", None)  # the explicit choice, if any, to put back afterwards
    i18n.set_lang("vi")
    try:
        return _build(out)
    finally:
        i18n.set_lang(before)


def _build(out: Path) -> list[Path]:
    cset = load_set()
    written = [out / BAC_GIANG]
    write_units(cset, [bac_giang_unit()], written)
    folder = out / SYNTHETIC_DIR
    paths = list(synthetic_paths(folder, SYNTHETIC_COUNT))
    write_units(cset, synthetic_units(cset, SYNTHETIC_COUNT), paths)
    return written + paths + build_province(out / PROVINCE_DIR)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write into (default: evidence_samples/)")
    args = parser.parse_args(argv)
    for path in build(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
