"""What an evidence workbook says, before any rule is applied: raw cells with their addresses.

The workbook reader (an adapter) produces an `EvidenceBook`; the scoring core reads it. Values stay raw
here (as the spreadsheet held them) because how to read `0,957` depends on the item's rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

RawValue = str | int | float | bool | date | datetime | time | None

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
REQUIRED_COLUMNS = ("code", "value")

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


@dataclass(frozen=True)
class Cell:
    """One cell as read: its value and where it is (`Tự đánh giá!E12`)."""

    raw: RawValue
    ref: str

    @property
    def blank(self) -> bool:
        return self.raw is None or (isinstance(self.raw, str) and not self.raw.strip())


BLANK = Cell(None, "")


@dataclass(frozen=True)
class EvidenceRow:
    """One item's row. Columns the workbook does not have are blank cells with an empty ref."""

    code: str  # normalised: '3.3.1.' and ' 3.3.1' become '3.3.1'
    row: int  # 1-based spreadsheet row
    cells: dict[str, Cell] = field(default_factory=dict)

    def cell(self, key: str) -> Cell:
        return self.cells.get(key, BLANK)


@dataclass(frozen=True)
class EvidenceBook:
    path: str
    info: dict[str, str]  # INFO_KEYS keys → text as written
    rows: dict[str, EvidenceRow]  # by code, in sheet order
    info_refs: dict[str, str] = field(default_factory=dict)  # INFO_KEYS keys → cell address
