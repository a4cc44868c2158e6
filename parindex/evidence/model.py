"""What an evidence workbook says, before any rule is applied: raw cells with their addresses.

The workbook reader (an adapter) produces an `EvidenceBook`; the scoring core reads it. Values stay raw
here (as the spreadsheet held them) because how to read `0,957` depends on the item's rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parindex.common.tables import Cell as Cell  # a cell as read: the evidence's vocabulary too
from parindex.common.tables import is_blank as is_blank
from parindex.common.values import RawValue

SHEET_INFO = "Thông tin"
SHEET_ITEMS = "Tự đánh giá"

# Columns of the self-assessment sheet, in template order: key → Vietnamese header (DESIGN §3.2).
COLUMNS: dict[str, str] = {
    "code": "Mã",
    "name": "Nội dung",
    "max": "Điểm tối đa",
    "rule": "Cách chấm",
    "value": "Kết quả",
    "not_applicable": "Không áp dụng",
    "self_score": "Điểm tự chấm",
    "evidence": "Tài liệu kiểm chứng",
    "explanation": "Giải trình",
    "lead": "Cơ quan chủ trì",
    "appraised": "Điểm thẩm định",
    "note": "Ghi chú",
}
# The columns scoring reads; the reference columns (name, max, rule, lead) and notes are the set's, not the unit's.
READ_COLUMNS = ("code", "value", "not_applicable", "self_score", "appraised", "evidence", "explanation")

# Keys of the info sheet: key → Vietnamese label.
INFO_KEYS: dict[str, str] = {
    "criteria_id": "Bộ tiêu chí",
    "fingerprint": "Dấu vân tay bộ tiêu chí",
    "unit": "Đơn vị",
    "level": "Cấp",
    "year": "Năm",
    "prepared_by": "Người lập",
    "date": "Ngày lập",
}
# Info rows only some workbooks hold: a part made for one lead agency names it (`template --lead`, DESIGN §3.2).
PART_INFO_KEYS: dict[str, str] = {"lead": "Cơ quan chủ trì"}
# The block a unit is ranked in (Sở, Phường, Xã/đặc khu…, DESIGN §3.2): every template writes it; a workbook made
# before it existed is ranked in its level's block.
BLOCK_INFO_KEYS: dict[str, str] = {"block": "Khối"}
# A level in words: the block a workbook names when `template --block` was not given.
LEVEL_BLOCKS: dict[str, str] = {"province": "Cấp tỉnh", "department": "Sở, ban, ngành", "district": "Cấp huyện",
                                "commune": "Cấp xã"}
# The column `merge` adds: the part (file and lead) each row came from. Scoring does not read it.
SOURCE_HEADER = "Nguồn số liệu"


BLANK = Cell(None, "")


@dataclass(frozen=True)
class EvidenceRow:
    """One item's row: its raw values by column key. Columns the workbook lacks read as blank cells.

    `columns` (key → address prefix such as `Tự đánh giá!E`) is one dict shared by every row of a sheet,
    so a row is small to keep and to send between processes; cells are made when asked for.
    """

    code: str  # normalised: '3.3.1.' and ' 3.3.1' become '3.3.1'
    row: int  # 1-based spreadsheet row
    values: dict[str, RawValue] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)

    def cell(self, key: str) -> Cell:
        prefix = self.columns.get(key)
        return BLANK if prefix is None else Cell(self.values.get(key), f"{prefix}{self.row}")

    def ref(self, key: str) -> str:
        """The address of this row's cell in a column (`Tự đánh giá!E12`); '' when the sheet lacks it."""
        prefix = self.columns.get(key)
        return "" if prefix is None else f"{prefix}{self.row}"

    @property
    def cells(self) -> dict[str, Cell]:
        return {key: self.cell(key) for key in self.columns}


@dataclass(frozen=True)
class EvidenceBook:
    path: str
    info: dict[str, str]  # INFO_KEYS keys → text as written
    rows: dict[str, EvidenceRow]  # by code, in sheet order
    info_refs: dict[str, str] = field(default_factory=dict)  # INFO_KEYS keys → cell address


@dataclass(frozen=True)
class SurveyRow:
    """One unit's row of the province's survey table: its name as written and its results by item code."""

    unit: str
    ref: str  # the cell of the name (`Điều tra!A5`)
    values: dict[str, Cell]


@dataclass(frozen=True)
class SurveyTable:
    """The province's survey results (`score --survey`): they replace what units typed for those items."""

    path: str
    codes: list[str]
    rows: list[SurveyRow]
    code_refs: dict[str, str] = field(default_factory=dict)  # item code → its header cell
