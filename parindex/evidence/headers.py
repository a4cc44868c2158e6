"""Finding the columns of the self-assessment sheet by their header text (pure).

People reorder columns, add their own, write headers in English or in the words their office uses
("Mã tiêu chí", "Điểm tự đánh giá", "Tài liệu kiểm chứng (số, ký hiệu văn bản)"). Headers are compared
without case, diacritics (đ = d), spacing, punctuation or a parenthesised remark.
"""

from __future__ import annotations

import re
from functools import lru_cache

from parindex.common.values import RawValue, ValueProblem, clean_text, fold
from parindex.evidence.model import COLUMNS, REQUIRED_COLUMNS

# Other ways to write each header (the Vietnamese header of COLUMNS always matches too).
ALIASES: dict[str, tuple[str, ...]] = {
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

_REMARK = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def header_form(text: RawValue) -> str:
    """The comparable form of a header: 'Tài liệu kiểm chứng (số, ký hiệu)' → 'tailieukiemchung'."""
    if text is None or isinstance(text, bool):
        return ""
    return _text_form(str(text))


@lru_cache(maxsize=4096)  # the same few dozen headers and labels come back in every workbook
def _text_form(text: str) -> str:
    return fold(_REMARK.sub(" ", text), punctuation=False) or fold(text, punctuation=False)  # '(N/A)' keeps its words


# The column of unit names in a table of units (the survey table, a list of units expected): one set for both.
UNIT_HEADERS = frozenset(map(header_form, ("Đơn vị", "Tên đơn vị", "Đơn vị được đánh giá", "Unit", "Unit name",
                                           "Units")))


def header_lookup(columns: dict[str, str], aliases: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Comparable header form → column key, for a table of columns (key → header) and their other names."""
    lookup: dict[str, str] = {}
    for key, header in columns.items():
        for text in (header, key, *aliases.get(key, ())):
            form = header_form(text)
            if lookup.setdefault(form, key) != key:  # pragma: no cover - a mistake in an alias table
                raise RuntimeError(f"header alias '{text}' is given to two columns")
    return lookup


_LOOKUP = header_lookup(COLUMNS, ALIASES)


def header_key(cell: RawValue, lookup: dict[str, str] | None = None) -> str | None:
    """The column key a header cell names (of the evidence sheet, or of `lookup`), or None for a column of the
    user's own."""
    if not isinstance(cell, str):
        return None
    return (_LOOKUP if lookup is None else lookup).get(header_form(cell))


def column_letter(index: int) -> str:
    """0-based column index → spreadsheet letters: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _label(index: int, cell: RawValue) -> str:
    return f"{column_letter(index)} ('{clean_text(str(cell)).strip()}')"


def match_headers(header_cells: list[RawValue], lookup: dict[str, str] | None = None,
                  columns: dict[str, str] = COLUMNS, required: tuple[str, ...] = REQUIRED_COLUMNS,
                  codes: tuple[str, str] = ("PW423", "PW422")) -> dict[str, int]:
    """Column key → 0-based column index for the columns this header row has (of the evidence sheet, or of the
    table `lookup`, `columns` and `required` describe).

    Raises ValueProblem `codes[0]` (PW423) when two columns name the same thing, `codes[1]` (PW422) when a
    required one is missing.
    """
    found: dict[str, int] = {}
    for index, cell in enumerate(header_cells):
        key = header_key(cell, lookup)
        if key is None:
            continue
        if key in found:
            first = found[key]
            raise ValueProblem(codes[0], header=columns[key], first=_label(first, header_cells[first]),
                               second=_label(index, cell))
        found[key] = index
    missing = [key for key in required if key not in found]
    if missing:
        seen = [f"'{clean_text(str(cell)).strip()}'" for cell in header_cells
                if cell is not None and clean_text(str(cell)).strip()]
        raise ValueProblem(codes[1], missing=", ".join(f"'{columns[key]}' ({key})" for key in missing),
                           found=", ".join(seen) or "–")
    return found
