"""What a workbook parindex writes shows and prints, as plain JSON, and the snapshots of it (tests/golden/layout/).

`describe(path)` reads a workbook back with openpyxl: per sheet in order its title and state, every written cell
(value and style), the column widths, row heights, merged ranges, page setup, margins, centring, print titles and
area, header and footer, freeze panes, filter, data validations, conditional formats, protection and defined
names; then the workbook's defined names. `tests/io/test_xlsx_layout.py` compares each writer's output with its
snapshot, so that a change in how the writers are built (streamed, styles registered once) cannot change a cell,
a style, a width, a height, a merge or the print setup unnoticed. Regenerate with `python tests/xlsx_layout.py
--write` only when a change in what a workbook shows is meant.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "layout"
SAMPLES = ROOT / "evidence_samples"
PROVINCE = SAMPLES / "synthetic-province-2026"
FULL_SHEETS = 3  # the first sheets described cell by cell in a case (and the last two); the rest by a sha256


def _colour(colour: Any) -> Any:
    if colour is None:
        return None
    return colour.rgb if colour.type == "rgb" else f"{colour.type}:{colour.value}"


def _style(cell: Any) -> dict[str, Any]:
    f, a, p = cell.font, cell.alignment, cell.protection
    style: dict[str, Any] = {
        "font": [f.name, f.sz, bool(f.b), bool(f.i), f.u, _colour(f.color), f.strike, f.vertAlign],
        "align": [a.horizontal, a.vertical, bool(a.wrap_text), a.indent, a.textRotation, bool(a.shrink_to_fit)],
        "format": cell.number_format,
    }
    if cell.fill is not None and cell.fill.fill_type:
        style["fill"] = [cell.fill.fill_type, _colour(cell.fill.fgColor), _colour(cell.fill.bgColor)]
    border = {side: [getattr(cell.border, side).style, _colour(getattr(cell.border, side).color)]
              for side in ("left", "right", "top", "bottom") if getattr(cell.border, side).style}
    if border:
        style["border"] = border
    if not p.locked or p.hidden:
        style["protection"] = [p.locked, p.hidden]
    return style


def _value(value: Any, normal: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return normal(value)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return "<date>"
    return value


def _sheet(sheet: Any, normal: Callable[[str], str], styles: list[str]) -> dict[str, Any]:
    from openpyxl.utils import get_column_letter

    def style_id(cell: Any) -> int:
        key = json.dumps(_style(cell), sort_keys=True, ensure_ascii=False)
        if key not in styles:
            styles.append(key)
        return styles.index(key)

    default = json.dumps(_style(_blank(sheet)), sort_keys=True, ensure_ascii=False)
    cells = []
    for (row, column), cell in sorted(sheet._cells.items()):
        described = json.dumps(_style(cell), sort_keys=True, ensure_ascii=False)
        if cell.value is None and described == default:
            continue  # a cell in the file with neither a value nor a style shows nothing
        cells.append([f"{get_column_letter(column)}{row}", _value(cell.value, normal), style_id(cell)])
    widths: dict[str, Any] = {}
    for dimension in sheet.column_dimensions.values():
        if dimension.width and dimension.customWidth:
            for n in range(dimension.min or 1, (dimension.max or dimension.min or 1) + 1):
                widths[get_column_letter(n)] = [dimension.width, dimension.hidden]
    heights = {str(n): [d.height, d.hidden] for n, d in sorted(sheet.row_dimensions.items())
               if d.height is not None or d.hidden}
    setup, margins, options = sheet.page_setup, sheet.page_margins, sheet.print_options
    hf = {name: [[part.text, part.size, part.font, part.color] for part in
                 (getattr(sheet, name).left, getattr(sheet, name).center, getattr(sheet, name).right)]
          for name in ("oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter")}
    protection, fit = sheet.protection, sheet.sheet_properties.pageSetUpPr
    return {
        "title": sheet.title,
        "state": sheet.sheet_state,
        "tab": _colour(sheet.sheet_properties.tabColor),
        "cells": cells,
        "widths": widths,
        "heights": heights,
        "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
        "page": [setup.paperSize and int(setup.paperSize), setup.orientation, setup.fitToWidth, setup.fitToHeight,
                 setup.scale, bool(fit and fit.fitToPage)],
        "margins": [margins.left, margins.right, margins.top, margins.bottom, margins.header, margins.footer],
        "centred": [options.horizontalCentered, options.verticalCentered, options.gridLines],
        "titles": [sheet.print_title_rows, sheet.print_title_cols],
        "area": sheet.print_area,
        "header_footer": hf,
        "freeze": sheet.freeze_panes,
        "filter": sheet.auto_filter.ref,
        "sheet_names": sorted([name, normal(str(defined.attr_text))] for name, defined in sheet.defined_names.items()),
        "view": [sheet.sheet_view.zoomScale, sheet.sheet_view.showGridLines, sheet.sheet_view.tabSelected],
        "validations": [[str(v.sqref), v.type, v.formula1, v.formula2, v.allow_blank, v.showDropDown,
                         v.showErrorMessage, v.showInputMessage, v.error, v.errorTitle, v.prompt, v.promptTitle,
                         v.operator] for v in sheet.data_validations.dataValidation],
        "conditional": [[str(rng.sqref), [repr(sorted((k, str(v)) for k, v in dict(rule).items()))
                                          for rule in rules]]
                        for rng, rules in sheet.conditional_formatting._cf_rules.items()],
        "protection": [bool(protection.sheet), protection.password is not None,
                       {k: v for k, v in dict(protection).items() if k not in ("password", "sheet")}],
    }


def _blank(sheet: Any) -> Any:
    from openpyxl.cell import Cell

    return Cell(sheet)


def describe(path: Path, normal: Callable[[str], str] = lambda text: text, full: int | None = None) -> dict[str, Any]:
    """What the workbook at `path` shows and prints (JSON-able); text through `normal` (paths, dates); with `full`,
    the sheets between the first `full` and the last two are kept as the sha256 of their description."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    styles: list[str] = []
    sheets: list[Any] = []
    for n, sheet in enumerate(book.worksheets):
        own: list[str] = []
        described = _sheet(sheet, normal, own)
        if full is not None and full <= n < len(book.worksheets) - 2:
            canonical = json.dumps([described, own], sort_keys=True, ensure_ascii=False)
            sheets.append({"title": sheet.title, "sha256": hashlib.sha256(canonical.encode()).hexdigest()})
            continue
        # the sheet's styles numbered in the workbook's one table
        for cell in described["cells"]:
            key = own[cell[2]]
            if key not in styles:
                styles.append(key)
            cell[2] = styles.index(key)
        sheets.append(described)
    names = sorted([name, normal(str(defined.attr_text))] for name, defined in book.defined_names.items())
    return {"sheets": sheets, "styles": [json.loads(key) for key in styles], "names": names,
            "active": book.active.title if book.active is not None else None,
            "properties": [book.properties.creator, book.properties.category, book.properties.title]}


# --- the cases: each runs the command from main's CLI into a folder and names the workbook to describe ---

def _run(*argv: str) -> None:
    from parindex.cli.app import run

    said = io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
        code = run(list(argv))
    assert code in (0, 1), (argv, code, said.getvalue())


def _parts(folder: Path, share: float) -> Path:
    from parindex.criteria.files import load_bundled
    from tests.fill import codes_in, fill_workbook, random_fill

    parts = folder / "parts"
    _run("template", "par-province-2020", "--by-lead", "-o", str(parts), "--unit", "UBND tỉnh Bắc Giang",
         "--year", "2021")
    fill = random_fill(load_bundled("par-province-2020"), seed=14, share=share)
    for part in sorted(parts.glob("*.xlsx")):
        codes = codes_in(part)
        fill_workbook(part, {code: cells for code, cells in fill.items() if code in codes})
    return parts


def _score_one(folder: Path) -> Path:
    _run("score", str(SAMPLES / "bac-giang-2020.xlsx"), "-o", str(folder / "out.xlsx"))
    return folder / "out.xlsx"


def _score_many(folder: Path) -> Path:
    _run("score", str(SAMPLES / "synthetic-districts"), "-o", str(folder / "out.xlsx"))
    return folder / "out.xlsx"


def _score_block(folder: Path) -> Path:
    _run("score", str(PROVINCE / "so"), "--survey", str(PROVINCE / "dieu-tra-so-2026.xlsx"),
         "--previous", str(PROVINCE / "ket-qua-2025-so.json"), "-o", str(folder / "out.xlsx"))
    return folder / "out.xlsx"


def _progress(folder: Path) -> Path:
    parts = _parts(folder, 0.5)
    _run("progress", str(parts), "-f", "xlsx", "-o", str(folder / "out.xlsx"))
    return folder / "out.xlsx"


def _gap(folder: Path) -> Path:
    _run("gap", str(SAMPLES / "bac-giang-2020.xlsx"), "--year", "2020", "-f", "xlsx", "-o", str(folder / "out.xlsx"))
    return folder / "out.xlsx"


def _template(folder: Path) -> Path:
    _run("template", "par-province-2022", "-o", str(folder / "out.xlsx"), "--unit", "Bắc Giang", "--year", "2024")
    return folder / "out.xlsx"


def _criteria(folder: Path) -> Path:
    _run("criteria", "export", "par-province-2020", "-o", str(folder / "out.xlsx"))
    return folder / "out.xlsx"


def _merge(folder: Path) -> Path:
    parts = _parts(folder, 1.0)
    _run("merge", str(parts), "-o", str(folder / "out.xlsx"))
    return folder / "out.xlsx"


CASES: dict[str, Callable[[Path], Path]] = {
    "score-one": _score_one, "score-many": _score_many, "score-block": _score_block, "progress": _progress,
    "gap": _gap, "template": _template, "criteria-export": _criteria, "merge": _merge,
}


def _normaliser(folder: Path) -> Callable[[str], str]:
    today = dt.date.today()
    dates = {today.strftime(form) for form in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")}
    dates |= {f"{today.day}/{today.month}/{today.year}", f"ngày {today.day} tháng {today.month} năm {today.year}",
              f"ngày {today.day:02d} tháng {today.month:02d} năm {today.year}"}
    pattern = re.compile("|".join(re.escape(d) for d in sorted(dates, key=len, reverse=True)))
    roots = sorted({str(folder), str(folder.resolve()), str(ROOT)}, key=len, reverse=True)

    def normal(text: str) -> str:
        for root in roots:
            text = text.replace(root, "<dir>")
        return pattern.sub("<today>", text)

    return normal


def case(name: str) -> dict[str, Any]:
    """The description of what the case's command writes today."""
    folder = Path(tempfile.mkdtemp(prefix="layout-"))
    try:
        return describe(CASES[name](folder), _normaliser(folder), FULL_SHEETS)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def golden(name: str) -> Path:
    return GOLDEN / f"{name}.json"


def dump(value: Any, indent: str = "") -> str:
    """JSON a line per cell, style or setting (a changed cell reads as one changed line in a diff)."""
    inner = indent + " "
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(key, ensure_ascii=False)}: {dump(value[key], inner)}" for key in sorted(value)]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}" + ("" if indent else "\n")
    nested = isinstance(value, list) and value and all(isinstance(item, dict | list) for item in value)
    if nested:
        return "[\n" + ",\n".join(inner + dump(item, inner) for item in value) + f"\n{indent}]"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/xlsx_layout.py --write   (regenerates tests/golden/layout/)")
    sys.path.insert(0, str(ROOT))
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name in CASES:
        golden(name).write_text(dump(case(name)), encoding="utf-8")
        print(name, golden(name).stat().st_size)
