"""Every kind of sheet, enumerated from its registry (`evidence.sheet_kinds.SHEET_KINDS`), read by the one reader
(`io.sheets.read_book`): a workbook as its spec describes it reads; a missing required column, a column given twice
and a missing sheet are each the kind's own code, naming the header, the file and the sheet."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest
from openpyxl import Workbook

import parindex
from parindex.common.errors import ParindexError
from parindex.common.tables import Column, InfoSpec, TableSpec, WorkbookSpec
from parindex.evidence.model import UNIT
from parindex.evidence.sheet_kinds import SHEET_KINDS
from parindex.io.sheets import read_book

KINDS = sorted(SHEET_KINDS)
CODE = "1.1.1"  # a value every column takes: an item code, a unit's name, a label's value


def write(path: Path, spec: WorkbookSpec, omit: str | None = None, twice: str | None = None,
          without: str | None = None) -> Path:
    """A workbook as `spec` describes it, one row of data; `omit` a column, `twice` one written twice, `without` a
    sheet."""
    book = Workbook()
    book.remove(book.active)
    for part in spec.sheets:
        if part.sheet is not None and part.sheet == without:
            continue
        sheet = book.create_sheet(part.sheet or "Bảng 1")
        if isinstance(part, InfoSpec):
            for column in part.columns:
                sheet.append([column.header, CODE])
            continue
        columns = [c for c in part.columns if c.key != omit] + [c for c in part.columns if c.key == twice]
        coded = [CODE] if part.coded_columns else []
        sheet.append([f"Bảng {spec.kind}"])  # a title row above the header, as people write them
        sheet.append([c.header for c in columns] + coded)
        sheet.append([CODE for _ in columns] + ["90%" for _ in coded])
    book.save(path)
    return path


def tables(kind: str) -> list[TableSpec]:
    return [part for part in SHEET_KINDS[kind].sheets if isinstance(part, TableSpec)]


def refused(path: Path, spec: WorkbookSpec) -> ParindexError:
    with pytest.raises(ParindexError) as caught:
        read_book(path, spec)
    return caught.value


def names_its_place(error: ParindexError, path: Path, table: TableSpec, sheets: int = 1) -> None:
    """The error names the file and the sheet; a table found by its header is looked for on every sheet, and where
    the book has several (a criteria sheet and its Thông tin) the error names the file."""
    assert error.where is not None
    if table.sheet is None and sheets > 1 and error.code == table.codes.no_header:
        assert error.where == str(path)
    else:
        assert error.where.startswith(f"{path} › {table.sheet or 'Bảng 1'}!A")


def test_the_registry_holds_every_spec_parindex_declares() -> None:
    declared = set()
    for info in pkgutil.walk_packages(parindex.__path__, "parindex."):
        if info.name.startswith("parindex.cli") or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        declared |= {id(value) for value in vars(module).values() if isinstance(value, WorkbookSpec)}
    assert declared == {id(spec) for spec in SHEET_KINDS.values()}
    assert all(kind == spec.kind for kind, spec in SHEET_KINDS.items())
    assert {"evidence workbook", "criteria sheet", "survey table", "unit list"} <= set(SHEET_KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_a_workbook_as_its_spec_describes_it_reads(tmp_path: Path, kind: str) -> None:
    spec = SHEET_KINDS[kind]
    book = read_book(write(tmp_path / "book.xlsx", spec), spec)
    for part in spec.sheets:
        if isinstance(part, InfoSpec):
            assert book.info is not None
            assert {pair.key: pair.value.raw for pair in book.info.pairs} == {c.key: CODE for c in part.columns}
        else:
            assert book.table is not None and book.table.header == 2
            [(row, values)] = book.table.rows
            assert row == 3 and values[part.anchor] == CODE
            assert book.table.ref(part.anchor, row).endswith(f"!A{row}")
            assert [values[code] for code in book.table.coded] == (["90%"] if part.coded_columns else [])


@pytest.mark.parametrize(("kind", "column"), [(kind, column) for kind in KINDS for table in tables(kind)
                                              for column in table.columns if column.required])
def test_a_missing_required_column_is_refused_naming_the_header_the_file_and_the_sheet(
        tmp_path: Path, kind: str, column: Column) -> None:
    spec = SHEET_KINDS[kind]
    [table] = tables(kind)
    path = write(tmp_path / "book.xlsx", spec, omit=column.key)
    error = refused(path, spec)
    # without the column that marks the header row there is no header row; without another, a column is missing
    assert error.code == (table.codes.no_header if column.key == table.anchor else table.codes.missing)
    assert column.header in error.msg.text("en") and column.header in error.msg.text("vi")
    names_its_place(error, path, table, len(spec.sheets))


@pytest.mark.parametrize("kind", KINDS)
def test_a_column_written_twice_is_refused_naming_both(tmp_path: Path, kind: str) -> None:
    spec = SHEET_KINDS[kind]
    [table] = tables(kind)
    path = write(tmp_path / "book.xlsx", spec, twice=table.anchor)
    error = refused(path, spec)
    header = table.headers[table.anchor]
    assert error.code == table.codes.twice
    assert f"A ('{header}')" in error.msg.text("en") and f"('{header}')" in error.params["second"]
    assert error.where is not None and error.where.startswith(f"{path} › ") and error.where.endswith("!A2")


@pytest.mark.parametrize(("kind", "sheet"), [(kind, part.sheet) for kind in KINDS for part in SHEET_KINDS[kind].sheets
                                             if part.sheet is not None])
def test_a_missing_sheet_is_refused_by_name(tmp_path: Path, kind: str, sheet: str) -> None:
    spec = SHEET_KINDS[kind]
    path = write(tmp_path / "book.xlsx", spec, without=sheet)
    error = refused(path, spec)
    part = next(part for part in spec.sheets if part.sheet == sheet)
    assert error.code == part.codes.no_sheet and error.where == str(path)
    assert sheet in error.msg.text("en")


def test_a_new_kind_of_sheet_is_a_spec_and_nothing_else(tmp_path: Path) -> None:
    """Last year's ranking as a province publishes it (docs/architecture.md: "Recipes"), declared here only: the
    reader needs nothing more to find it on any sheet, below a title, by its headers in the office's words, and to
    refuse it without its ranks."""
    ranking = WorkbookSpec("published ranking", (TableSpec(
        (UNIT, Column("score", "Điểm", ("Tổng điểm", "Điểm đạt được"), True),
         Column("rank", "Xếp hạng", ("Thứ hạng", "Hạng"), True), Column("block", "Khối")),
        anchor="unit", rows_with=("unit",)),))
    book = Workbook()
    sheet = book.active
    sheet.title = "Kết quả 2025"
    sheet.append(["KẾT QUẢ CHỈ SỐ CCHC NĂM 2025"])
    sheet.append(["STT", "Tên đơn vị", "Tổng điểm", "Thứ hạng", "Khối", "Ghi chú"])
    sheet.append([1, "Sở Tư pháp", 88.5, 1, "Sở", None])
    sheet.append([None, None, None, None, None, "(số liệu chính thức)"])
    sheet.append([2, "Sở Y tế", 0.855, 2, "Sở", None])
    sheet["C5"].number_format = "0.0%"
    path = tmp_path / "xep-hang-2025.xlsx"
    book.save(path)
    table = read_book(path, ranking).table
    assert table is not None
    assert [(row, values) for row, values in table.rows] == [
        (3, {"unit": "Sở Tư pháp", "score": 88.5, "rank": 1, "block": "Sở"}),
        (5, {"unit": "Sở Y tế", "score": "85.5%", "rank": 2, "block": "Sở"})]
    sheet.delete_cols(4)
    book.save(path)
    error = refused(path, ranking)
    assert error.code == "PW422" and "Xếp hạng" in error.msg.text("en")
    assert error.where == f"{path} › Kết quả 2025!A2"


def test_a_table_found_by_its_header_is_looked_for_on_every_sheet_and_error_cells_read_as_their_text(
        tmp_path: Path) -> None:
    from parindex.evidence.survey import read_survey

    book = Workbook()
    book.active.title = "Ghi chú"
    book.active.append(["Bảng tổng hợp kết quả điều tra"])
    sheet = book.create_sheet("Điều tra")
    sheet.append(["Đơn vị", "1.1.1", "1.1.2"])
    sheet.append(["Sở A", "#N/A", "#DIV/0!"])  # openpyxl writes these as error cells (t="e")
    path = tmp_path / "dieu-tra.xlsx"
    book.save(path)
    survey = read_survey(path)
    assert [(code, cell.raw, cell.ref) for code, cell in survey.rows[0].values.items()] == [
        ("1.1.1", "#N/A", "Điều tra!B2"), ("1.1.2", "#DIV/0!", "Điều tra!C2")]
    del book["Điều tra"]
    book.create_sheet("Khác").append(["STT", "Tên"])
    book.save(path)
    error = refused(path, SHEET_KINDS["survey table"])
    assert error.code == "PS543" and error.where == str(path)  # two sheets looked at, none has the header row
