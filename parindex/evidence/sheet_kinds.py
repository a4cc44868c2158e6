"""Every kind of sheet parindex reads, declared, and their registry `SHEET_KINDS` (pure data).

Each kind is a `WorkbookSpec` (`common.tables`) the one reader (`io.sheets.read_book`) is driven by: its sheets,
columns, the other ways people head them, what is required and the codes it speaks with. Headers are compared
without case, diacritics (đ = d), spacing, punctuation or a remark in brackets, so every alias below also stands
for its variants ('Mã TC' = 'MÃ T.C.').

Adding a kind (last year's published ranking, say) is local: a spec here, added to `SHEET_KINDS`, and a function
that reads it with `read_book(path, SPEC)` and turns the `Table`'s rows into its model; the tests of every kind
(a missing required column named with its file and sheet) then cover it too.
"""

from __future__ import annotations

from parindex.common.tables import Codes, Column, InfoSpec, TableSpec, WorkbookSpec, columns_of
from parindex.criteria.sheet import CRITERIA_SHEET
from parindex.evidence.model import BLOCK_INFO_KEYS, COLUMNS, INFO_KEYS, PART_INFO_KEYS, SHEET_INFO, SHEET_ITEMS

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
    TableSpec((UNIT,), anchor="unit", rows_with=("unit",), coded_columns=True, codes=Codes(no_header="PS543")),
))

# The units expected to send a workbook (`progress --expected FILE.xlsx`): the `Đơn vị` column of the first sheet.
UNIT_LIST = WorkbookSpec("unit list", (
    TableSpec((UNIT,), anchor="unit", rows_with=("unit",), first_sheet_only=True, codes=Codes(no_header="PM821")),
))

SHEET_KINDS: dict[str, WorkbookSpec] = {spec.kind: spec for spec in (
    EVIDENCE_WORKBOOK, CRITERIA_SHEET, SURVEY_TABLE, UNIT_LIST,
)}
