"""What an evidence workbook says, before any rule is applied: raw cells with their addresses.

The workbook reader (an adapter) produces an `EvidenceBook`; the scoring core reads it. Values stay raw
here (as the spreadsheet held them) because how to read `0,957` depends on the item's rule. How the workbook's
sheets, the province's survey table and a list of units are headed is declared here too, as the specs the one
sheet reader (`io.sheets`) is driven by.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from parindex.common.messages import Message
from parindex.common.tables import Cell as Cell  # a cell as read: the evidence's vocabulary too
from parindex.common.tables import Codes, Column, InfoSpec, TableSpec, WorkbookSpec, columns_of
from parindex.common.tables import is_blank as is_blank
from parindex.common.unit_names import name_key
from parindex.common.values import RawValue, fold
from parindex.criteria.sheet import LEVELS

SHEET_INFO = "Thông tin"
SHEET_ITEMS = "Tự đánh giá"

# Columns of the self-assessment sheet, in template order: key → Vietnamese header (README: "Evidence workbooks").
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
# Info rows only some workbooks hold: a part made for one lead agency names it
# (`template --lead`; README: "Collecting from the lead agencies").
PART_INFO_KEYS: dict[str, str] = {"lead": "Cơ quan chủ trì"}
# The block a unit is ranked in (Sở, Phường, Xã/đặc khu…; README: "Blocks"): every template writes it; a workbook
# made before it existed is ranked in its level's block.
BLOCK_INFO_KEYS: dict[str, str] = {"block": "Khối"}
# A level in words: what Thông tin's Cấp says (read back to the id by `level_id`), and the block a workbook names
# when `template --block` was not given.
LEVEL_BLOCKS: dict[str, str] = {"province": "Cấp tỉnh", "department": "Sở, ban, ngành", "district": "Cấp huyện",
                                "commune": "Cấp xã"}
# The yes/no words a template's Kết quả dropdown may offer (`template.yes_no_words` picks the pair for a set); the
# reader takes all of them, and a workbook's printed *Cách chấm* may name any of them.
YES_NO_PAIRS = (("Có", "Không"), ("Đạt", "Không đạt"), ("Đạt", "Chưa đạt"))
# The sheet `template --from` adds when something needs a second look (README: "Correcting a set after the
# workbooks went out"). Scoring does not read it.
SHEET_REVIEW = "Cần xem lại"


def level_id(text: str) -> str:
    """'Sở, ban, ngành', 'cấp xã', 'department' → the level's id; anything else as written (refused by PS542)."""
    said = fold(text)
    return next((level for level, words in LEVELS.items()
                 if said in {fold(word) for word in (level, LEVEL_BLOCKS[level], *words)}), text)


# The column `merge` adds: the part (file and lead) each row came from. Scoring does not read it.
SOURCE_HEADER = "Nguồn số liệu"

# --- how the sheets are read (`io.sheets.read_book`; every kind is registered in `sheet_kinds`) ---------------

# Other ways to head each column of Tự đánh giá (its Vietnamese header of COLUMNS and its key always match too).
ITEM_ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("Mã số", "Mã tiêu chí", "Mã TC", "Mã TCTP", "STT/Mã", "STT / Mã", "Số TT/Mã", "Ký hiệu", "code",
             "item code", "criterion code", "id"),
    "name": ("Tiêu chí", "Tên tiêu chí", "Nội dung tiêu chí", "Tiêu chí thành phần", "Lĩnh vực/Tiêu chí",
             "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Nội dung đánh giá", "content", "name", "item",
             "criterion", "description"),
    "max": ("Điểm tối đa", "Điểm chuẩn", "Thang điểm", "max", "max points", "maximum", "maximum points"),
    "rule": ("Cách chấm điểm", "Cách tính điểm", "Phương pháp chấm", "Hướng dẫn chấm", "Hướng dẫn chấm điểm",
             "rule", "scoring", "scoring rule", "how scored"),
    "value": ("Kết quả thực hiện", "Kết quả đạt được", "Giá trị", "Số liệu", "Kết quả/Số liệu", "value",
              "result", "results", "data"),
    "not_applicable": ("KAD", "Không áp dụng (KAD)", "not applicable", "N/A", "NA"),
    "self_score": ("Điểm tự đánh giá", "Tự chấm", "Tự đánh giá", "Điểm tự chấm điểm", "Điểm đơn vị tự chấm",
                   "self score", "self-score", "self assessed score", "self-assessed score", "self assessment"),
    "evidence": ("Tài liệu kiểm chứng", "Tài liệu", "TLKC", "Văn bản kiểm chứng", "Tài liệu, văn bản kiểm chứng",
                 "evidence", "evidence documents", "documents"),
    "explanation": ("Giải trình", "Thuyết minh", "Lý do", "Giải trình, thuyết minh", "explanation", "reason"),
    "lead": ("Cơ quan chủ trì", "Đơn vị chủ trì", "Cơ quan/đơn vị chủ trì", "Cơ quan, đơn vị chủ trì", "Chủ trì",
             "lead agency", "lead", "responsible agency"),
    "appraised": ("Điểm thẩm định", "Thẩm định", "Điểm Bộ Nội vụ thẩm định", "appraised", "appraised score",
                  "appraisal"),
    "note": ("Ghi chú", "note", "notes", "remarks", "comment", "comments"),
}
# Other ways to write the labels of Thông tin.
INFO_ALIASES: dict[str, tuple[str, ...]] = {
    "criteria_id": ("Mã bộ tiêu chí", "Bộ chỉ số", "criteria set", "criteria", "criteria id", "set id"),
    "fingerprint": ("Dấu vân tay", "fingerprint", "criteria fingerprint"),
    "unit": ("Tên đơn vị", "Đơn vị được đánh giá", "unit", "unit name"),
    "level": ("Cấp đơn vị", "level"),
    "year": ("Năm đánh giá", "year"),
    "prepared_by": ("Người lập biểu", "prepared by"),
    "date": ("Ngày", "date"),
    "lead": ("lead agency", "lead"),
}

EVIDENCE_INFO = InfoSpec(SHEET_INFO, columns_of({**INFO_KEYS, **BLOCK_INFO_KEYS, **PART_INFO_KEYS}, INFO_ALIASES),
                         sheet_aliases=("Info", "Information", "Thông tin chung"))
EVIDENCE_ITEMS = TableSpec(columns_of(COLUMNS, ITEM_ALIASES, ("code", "value")), anchor="code", rows_with=("code",),
                           sheet=SHEET_ITEMS, sheet_aliases=("Self-assessment", "Self assessment", "Tự chấm",
                                                             "Tự chấm điểm", "Tự đánh giá"))
EVIDENCE_WORKBOOK = WorkbookSpec("evidence workbook", (EVIDENCE_INFO, EVIDENCE_ITEMS))

# The column of unit names in a table of units (the survey table, a list of units expected): one column for both.
UNIT = Column("unit", "Đơn vị", ("Tên đơn vị", "Đơn vị được đánh giá", "Unit", "Unit name", "Units"), required=True)

# The province's survey results (`score --survey`): the first sheet with a `Đơn vị` header, one column per item
# (headed by its code); other columns (STT, Khối, Ghi chú) are the user's own.
SURVEY_TABLE = WorkbookSpec("survey table", (
    TableSpec((UNIT,), anchor="unit", rows_with=("unit",), coded_columns=True,
              codes=Codes(no_header="PS543", twice="PS593")),
))

# The units expected to send a workbook (`progress --expected FILE.xlsx`): the `Đơn vị` column of the first sheet.
UNIT_LIST = WorkbookSpec("unit list", (
    TableSpec((UNIT,), anchor="unit", rows_with=("unit",), first_sheet_only=True, codes=Codes(no_header="PM821")),
))

# Last year's ranking as the province published it (`score --previous FILE.xlsx|.csv`; read by `scoring.previous`,
# whose model, a ranking row, is above this layer): the first sheet with a `Đơn vị` header below any title rows; a
# row counts when it names a unit or a rank (STT, Ghi chú and other columns are the office's own).
PUBLISHED_RANKING = WorkbookSpec("published ranking", (TableSpec(
    (UNIT,
     Column("score", "Điểm", ("Tổng điểm", "Điểm đạt được", "Điểm số", "Score", "Points"), required=True),
     Column("rank", "Xếp hạng", ("Thứ hạng", "Hạng", "Thứ tự xếp hạng", "Rank"), required=True),
     Column("block", "Khối", ("Khối đơn vị", "Block")),
     Column("year", "Năm", ("Năm đánh giá", "Year"))),
    anchor="unit", rows_with=("unit", "rank"), codes=Codes(no_header="PS576")),))

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
    merged: bool = False  # the workbook `merge` wrote from lead agencies' parts (marked in its properties)


class SurveyRow(NamedTuple):
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
    # level → name key → rows: each row's name keyed once a level, not once for every workbook looked up
    _by_name: dict[str, dict[str, list[SurveyRow]]] = field(default_factory=dict, compare=False, repr=False)

    def rows_named(self, unit: str, level: str) -> list[SurveyRow]:
        """The rows naming `unit`, names compared as at `level` (`unit_names.name_key`), in the table's order."""
        index = self._by_name.get(level)
        if index is None:
            index = self._by_name[level] = {}
            for row in self.rows:
                index.setdefault(name_key(row.unit, level), []).append(row)
        return index.get(name_key(unit, level), [])


@dataclass(frozen=True)
class Carried:
    """What `template NEW_SET --from FILLED.xlsx` carries into the new set's workbook: each item's cells as typed
    (item code → column key → raw value), and what needs a second look, each said once."""

    cells: dict[str, dict[str, RawValue]]
    review: list[Message]
