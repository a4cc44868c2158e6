"""`score --previous TABLE.xlsx|.csv`: last year's ranking typed from the province's published table gives each of the
synthetic province's 14 departments the same previous rank and change as last year's score JSON, in every format."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook, load_workbook

PROVINCE = Path(__file__).resolve().parents[2] / "evidence_samples" / "synthetic-province-2026"
LAST_YEAR = json.loads((PROVINCE / "ket-qua-2025-so.json").read_text(encoding="utf-8"))["ranking"]
FORMATS = ("table", "json", "md", "csv", "xlsx", "docx")


def run(previous: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    argv = ["score", str(PROVINCE / "so"), "--survey", str(PROVINCE / "dieu-tra-so-2026.xlsx"),
            "--previous", str(previous), *extra]
    done = subprocess.run([sys.executable, "-m", "parindex", "--lang", "vi", *argv], capture_output=True, text=True,
                          encoding="utf-8", check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr  # the planted slips are errors
    return done


def published(name: str) -> str:
    """A name as an officer types it into a published table: the abbreviations of such tables."""
    return name.replace("Văn phòng UBND tỉnh", "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH")


def typed_xlsx(path: Path, rows: list[dict]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Kết quả 2025"
    sheet.append(["KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA CÁC SỞ, BAN, NGÀNH"])
    sheet.append([])
    sheet.append(["STT", "Tên đơn vị", "Tổng điểm", "Thứ hạng", "Khối", "Ghi chú"])
    sheet.append([None, "I. KHỐI SỞ, BAN, NGÀNH"])  # a section title: neither score nor rank
    for n, row in enumerate(rows, 1):
        sheet.append([n, published(row["unit"]), row["score"], row["rank"], "Sở", None])
    book.save(path)
    return path


def typed_csv(path: Path, rows: list[dict]) -> Path:
    """As Excel with Vietnamese settings saves it: `;`, decimal comma, a BOM, CRLF."""
    lines = ["KẾT QUẢ CHỈ SỐ CCHC NĂM 2025;;;;", "STT;Đơn vị;Điểm;Hạng;Năm"]
    lines += [f"{n};{published(row['unit'])};{str(row['score']).replace('.', ',')};{row['rank']};2025"
              for n, row in enumerate(rows, 1)]
    path.write_bytes("\r\n".join(lines).encode("utf-8-sig") + b"\r\n")
    return path


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("previous")
    return {"xlsx": typed_xlsx(folder / "ket-qua-2025.xlsx", LAST_YEAR),
            "csv": typed_csv(folder / "ket-qua-2025.csv", LAST_YEAR)}


def output(fmt: str, previous: Path, folder: Path) -> object:
    """What `score` writes in a format, in a form to compare: text (whitespace collapsed), the ranking sheet's
    values, the Word tables' cells; the name of last year's file (which the run's summary says) as `LAST YEAR`."""
    if fmt in ("table", "json", "md"):
        text = run(previous, "-f", fmt).stdout.replace(str(previous), "LAST YEAR")
        text = text.replace(str(previous).replace("_", "\\_"), "LAST YEAR")  # as Markdown writes it
        return json.loads(text) if fmt == "json" else " ".join(text.split())
    out = folder / f"{previous.suffix[1:]}-ranking.{fmt}"
    run(previous, "-o", str(out), "--force")
    if fmt == "csv":
        return " ".join(out.read_text(encoding="utf-8-sig").replace(str(previous), "LAST YEAR").split())
    if fmt == "xlsx":
        return [[cell.value.replace(str(previous), "LAST YEAR") if isinstance(cell.value, str) else cell.value
                 for cell in row] for row in load_workbook(out).worksheets[0].iter_rows()]
    return [[cell.text for cell in row.cells] for table in Document(str(out)).tables for row in table.rows]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_typed_table_gives_each_department_its_previous_rank_and_change(tables: dict[str, Path], kind: str) -> None:
    ranking = json.loads(run(tables[kind], "-f", "json").stdout)["ranking"]
    before = {row["unit"]: row["rank"] for row in LAST_YEAR}
    assert len(ranking) == 14
    assert [row["previous_rank"] for row in ranking] == [before[row["unit"]] for row in ranking]
    assert [row["rank_change"] for row in ranking] == [before[row["unit"]] - row["rank"] for row in ranking]
    assert {row["rank_change"] for row in ranking} - {0}, "the sample's ranks moved"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_shows_what_the_json_of_last_year_gives(tables: dict[str, Path], fmt: str,
                                                             tmp_path: Path) -> None:
    expected = output(fmt, PROVINCE / "ket-qua-2025-so.json", tmp_path)
    for kind in ("xlsx", "csv"):
        assert output(fmt, tables[kind], tmp_path) == expected, kind
    if fmt == "md":
        assert "Hạng năm trước" in str(expected) and "▲ 7" in str(expected)


def test_unmatched_rows_and_units_are_named(tmp_path: Path) -> None:
    rows = [dict(row) for row in LAST_YEAR]
    rows[0]["unit"] = "Sở Đã Sáp Nhập"
    text = " ".join(run(typed_csv(tmp_path / "kq.csv", rows), "-f", "md").stdout.split())
    assert "Có trong kết quả năm trước, không có năm nay: Sở Đã Sáp Nhập" in text
    assert f"Đơn vị mới năm nay: {LAST_YEAR[0]['unit']}." in text


def refused(previous: Path) -> str:
    argv = ["score", str(PROVINCE / "so"), "--survey", str(PROVINCE / "dieu-tra-so-2026.xlsx"), "--previous",
            str(previous), "--format", "json"]
    done = subprocess.run([sys.executable, "-m", "parindex", "--lang", "en", *argv], capture_output=True, text=True,
                          encoding="utf-8", check=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    return " ".join(done.stderr.split())


def test_a_table_of_this_years_ranking_given_as_last_years_is_refused(tmp_path: Path) -> None:
    """A Năm of 2026 against the 2026 workbooks: every change would have been computed against the run itself."""
    path = typed_csv(tmp_path / "ket-qua.csv", LAST_YEAR)
    path.write_bytes(path.read_bytes().replace(b";2025\r\n", b";2026\r\n"))
    said = refused(path)
    assert "PS578" in said and "rank the year 2026, not earlier than the year scored now (2026)" in said


def test_this_years_own_json_given_as_last_years_is_refused(tmp_path: Path) -> None:
    own = tmp_path / "ket-qua-2026.json"
    argv = ["score", str(PROVINCE / "so"), "--survey", str(PROVINCE / "dieu-tra-so-2026.xlsx"), "-o", str(own)]
    subprocess.run([sys.executable, "-m", "parindex", *argv], capture_output=True, check=False)
    assert json.loads(own.read_text(encoding="utf-8"))["units"][0]["year"] == "2026"
    said = refused(own)
    assert "PS578" in said and "$.ranking[0]" in said
