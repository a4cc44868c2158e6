"""A criteria set as the spreadsheet officers hold (README: "Your province's decision in an afternoon"), both
ways, without any spreadsheet library.

Sheet *Bộ tiêu chí*: one row per node in tree order — Mã · Nội dung · Điểm tối đa · Cách chấm · Thành phần ·
Không áp dụng · Cơ quan chủ trì · Tài liệu kiểm chứng · Nguồn · Tạm tính — the tree read from the codes (a row
with children is a group, one without is an item). Sheet *Thông tin*: key/value rows (id, title, basis, years,
level, status, maximum) and one row per component whose maximum is not the sum of its items (a cap), by name.

`sheet_rows` / `info_rows` lay a set out for the writer; `read_sheet` turns the cells a reader found (with their
addresses) back into criteria-file data, keeping for every value the cell it came from, so that what validation
finds is reported at that cell. Pure: the workbook adapters live in `evidence.criteria_book`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from parindex.common import values
from parindex.common.findings import Path
from parindex.common.messages import Message
from parindex.common.safe_text import OwnWords
from parindex.common.tables import (
    Cell,
    Codes,
    Column,
    InfoSpec,
    TableSpec,
    WorkbookSpec,
    columns_of,
    other_column,
)
from parindex.common.values import ValueProblem, clean_text, fold, normalise_code
from parindex.criteria.model import (
    IMPLIED_ROLES,
    Area,
    Component,
    CriteriaSet,
    Criterion,
    Item,
    Role,
    item_rule,
    role_of,
)
from parindex.criteria.rules import as_rule

SHEET_SET = "Bộ tiêu chí"
SHEET_INFO = "Thông tin"

# Columns of Bộ tiêu chí, in the order the export writes them: key → header.
COLUMNS: dict[str, str] = {
    "code": "Mã",
    "name": "Nội dung",
    "max": "Điểm tối đa",
    "rule": "Cách chấm",
    "component": "Thành phần",
    "not_applicable": "Không áp dụng",
    "lead": "Cơ quan chủ trì",
    "evidence": "Tài liệu kiểm chứng",
    "source": "Nguồn",
    "provisional": "Tạm tính",
}
ALIASES: dict[str, tuple[str, ...]] = {  # other ways annexes head these columns (compared without case or marks)
    "code": ("Mã số", "Mã tiêu chí", "Mã TC", "Mã số tiêu chí", "code"),  # STT: only when it holds codes
    "name": ("Tiêu chí", "Tên tiêu chí", "Nội dung tiêu chí", "Lĩnh vực/Tiêu chí", "Tiêu chí, tiêu chí thành phần",
             "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Lĩnh vực/tiêu chí/tiêu chí thành phần",
             "Các lĩnh vực, tiêu chí, tiêu chí thành phần", "Nội dung đánh giá", "Tiêu chí đánh giá",
             "Nội dung tiêu chí đánh giá", "Nội dung chấm điểm", "Tên lĩnh vực, tiêu chí", "name"),
    "max": ("Điểm chuẩn", "Thang điểm", "Điểm tối đa (điểm)", "Điểm", "Số điểm", "Điểm tối đa được chấm",
            "Thang điểm tối đa", "max"),
    "rule": ("Cách chấm điểm", "Cách tính điểm", "Phương pháp chấm", "Phương pháp chấm điểm",
             "Phương pháp tính điểm", "Hướng dẫn chấm", "Hướng dẫn chấm điểm", "Phương pháp đánh giá",
             "Cách thức chấm điểm", "Cách đánh giá", "Hướng dẫn đánh giá", "rule"),
    "component": ("Phương thức đánh giá", "Hình thức đánh giá", "Loại điểm", "Thành phần điểm", "Phương thức chấm",
                  "Hình thức chấm", "component"),
    "not_applicable": ("KAD", "Được áp dụng KAD", "not applicable"),
    "lead": ("Đơn vị chủ trì", "Cơ quan/đơn vị chủ trì", "Chủ trì", "Cơ quan, đơn vị chủ trì", "Cơ quan thực hiện",
             "Đơn vị thực hiện", "Cơ quan đầu mối", "lead"),
    "evidence": ("Tài liệu", "TLKC", "Tài liệu kiểm chứng (gợi ý)", "Tài liệu minh chứng", "Minh chứng",
                 "Tài liệu chứng minh", "evidence"),
    "source": ("Căn cứ", "Nguồn số liệu", "source"),
    "provisional": ("Giá trị tạm", "provisional"),
}
# STT: a row number, or the codes where an annex numbers its rows 1, 1.1, 1.1.1 (then it is the code column)
NUMBER = Column("number", "STT", ("TT", "Số TT", "Số thứ tự"))

# Thông tin: key → label (the first cell of its row).
INFO: dict[str, str] = {
    "id": "Mã bộ tiêu chí",
    "title": "Tên",
    "basis": "Căn cứ",
    "years": "Năm áp dụng",
    "level": "Cấp",
    "status": "Trạng thái",
    "max": "Điểm tối đa",
    "bands": "Xếp loại",
    "bands_source": "Nguồn xếp loại",
    "bands_provisional": "Xếp loại tạm tính",
}
INFO_REQUIRED = ("id", "title", "years", "level", "status")
INFO_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("Mã bộ chỉ số", "id"), "title": ("Tên bộ tiêu chí", "Tên bộ chỉ số", "title"),
    "basis": ("Văn bản", "basis"), "years": ("Năm", "years"), "level": ("Cấp đánh giá", "level"),
    "status": ("status",), "max": ("Tổng điểm", "max"), "bands": ("Phân loại", "bands"),
}
# The criteria spreadsheet as the one sheet reader (`io.sheets`) reads it: the table, found by its header row on
# whichever sheet holds it (Bộ tiêu chí, or an annex's 'Phụ lục'; merged areas read as the value they show: annexes
# merge a component over its items), then Thông tin. Every row with a code, a name, a max or a rule is read: a
# Cách chấm without a code is an error (PX332), a total row is checked; every column too, so that those it does
# not use are named. Thông tin keeps rows of other labels: a component's cap, by its name.
_SPEC_ORDER = ("name", *(key for key in COLUMNS if key != "name"))  # the anchor first: what finds the header row
CRITERIA_SET = TableSpec((*columns_of({key: COLUMNS[key] for key in _SPEC_ORDER}, ALIASES, ("name", "max", "rule")),
                          NUMBER), anchor="name",
                         rows_with=("code", "number", "name", "max", "rule"), merged=True, others=True,
                         codes=Codes("PX310", "PX311", "PX312", "PX313"))
CRITERIA_INFO = InfoSpec(SHEET_INFO, columns_of(INFO, INFO_ALIASES),
                         sheet_aliases=("Thông tin chung", "Info", "Information"), others=True, merged=True,
                         codes=Codes("PX310"))
CRITERIA_SHEET = WorkbookSpec("criteria sheet", (CRITERIA_SET, CRITERIA_INFO))
# `Tốt: từ 90 %; Khá: từ 70 %` — grades on the % attained, best first (`bands`, README: "Grades")
_BAND = re.compile(r"^\s*(?P<name>[^:;]+?)\s*:\s*(?:từ|>=|≥|at least)?\s*(?P<at>[0-9]+(?:[.,][0-9]+)?)\s*%?\s*"
                   r"(?:trở lên)?\s*$", re.IGNORECASE)
LEVELS: dict[str, tuple[str, ...]] = {  # as officers write them; the English id is accepted too
    "province": ("cấp tỉnh", "tỉnh"), "department": ("cấp sở", "sở", "sở, ban, ngành"),
    "district": ("cấp huyện", "huyện"), "commune": ("cấp xã", "xã", "xã, phường, đặc khu"),
}
STATUSES: dict[str, tuple[str, ...]] = {"official": ("chính thức",), "reconstructed": ("dựng lại",)}
COMPONENT_NAMES: dict[str, tuple[str, ...]] = {  # known components by the names annexes give them
    "appraised": ("Điểm thẩm định", "Thẩm định"),
    "sipas": ("Điểm quy đổi SIPAS", "SIPAS", "Chỉ số hài lòng SIPAS"),
    "survey": ("Điều tra xã hội học", "Điều tra XHH", "XHH"),
    "bonus": ("Điểm thưởng",),
    "penalty": ("Điểm trừ",),
}
KNOWN_COMPONENTS = " · ".join(names[0] for names in COMPONENT_NAMES.values())
MARK = "x"  # Không áp dụng / Tạm tính ticked
_ID = re.compile(r"[a-z][a-z0-9_]*")
ROLES = " · ".join(role.value for role in Role)
_WITH_ID = re.compile(r"(.*?)\s*\(([a-z][a-z0-9_]*)(?:\s*:\s*(" + "|".join(Role) + r"))?\)")  # 'Tên (id: role)'


def component_id(name: str) -> str | None:
    """The component id a *Thành phần* text stands for: a known name or id, or a new component written 'Tên (id)'
    or, with its role, 'Tên (id: role)' ('Điểm cộng (diem_cong: bonus)'); None for any other text — a typo must not
    quietly become a component of its own."""
    with_id = _WITH_ID.fullmatch(clean_text(name).strip())
    if with_id:
        return with_id[2]
    folded = fold(name)
    for known, names in COMPONENT_NAMES.items():
        if folded == known or folded in {fold(other) for other in names}:
            return known
    return None


def component_role(name: str) -> Role | None:
    """The role a *Thành phần* text declares ('Điểm cộng (diem_cong: bonus)'); None where it declares none."""
    with_id = _WITH_ID.fullmatch(clean_text(name).strip())
    return Role(with_id[3]) if with_id and with_id[3] else None


def component_label(component_id_: str, name: str, role: Role | None = None) -> str:
    """What *Thành phần* says for a component: its name, followed by its id where the name alone would not
    give it back, and by its `role` where the id does not imply it."""
    if role is not None and component_id_ not in IMPLIED_ROLES:
        return f"{name} ({component_id_}: {role})"
    return name if component_id(name) == component_id_ else f"{name} ({component_id_})"


def _label(comp: Component) -> str:
    return component_label(comp.id, comp.name, comp.role)


# --- the set laid out ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    """One row of Bộ tiêu chí as the export writes it: values by column key, and whether it is a group."""

    values: dict[str, Any]
    group: bool
    depth: int


def sheet_rows(cset: CriteriaSet) -> list[Row]:
    labels = {comp.id: _label(comp) for comp in cset.components}
    rows: list[Row] = []

    def group(node: Area | Criterion, depth: int) -> None:
        rows.append(Row({"code": node.code, "name": node.name, "max": node.max, "lead": node.lead,
                         "source": node.source, "provisional": MARK if node.provisional else None}, True, depth))
        for child in node.nodes():
            if isinstance(child, Criterion):
                group(child, depth + 1)
            else:
                rows.append(Row(_item_values(child, labels), False, depth + 1))

    for area in cset.areas:
        group(area, 0)
    return rows


def _item_values(item: Item, labels: dict[str, str]) -> dict[str, Any]:
    return {"code": item.code, "name": item.name, "max": item.max, "rule": item.rule_words("vi"),
            "component": labels.get(item.component, item.component),
            "not_applicable": MARK if item.not_applicable else None, "lead": item.lead, "evidence": item.evidence,
            "source": item.source, "provisional": MARK if item.provisional else None}


def info_rows(cset: CriteriaSet) -> list[tuple[str, Any]]:
    """(label, value) rows of Thông tin: the set's own, then each component whose max is a cap, not its items'
    sum (a bonus or penalty)."""
    rows: list[tuple[str, Any]] = [
        (INFO["id"], cset.id), (INFO["title"], cset.title), (INFO["basis"], cset.basis),
        (INFO["years"], ", ".join(str(year) for year in cset.years)), (INFO["level"], LEVELS[cset.level][0]),
        (INFO["status"], STATUSES[cset.status][0]), (INFO["max"], cset.max),
    ]
    per_component: dict[str, Decimal] = {}
    for _, item in cset.items():
        per_component[item.component] = per_component.get(item.component, Decimal(0)) + item.max
    for comp in cset.components:
        if per_component.get(comp.id, Decimal(0)) != comp.max:
            rows.append((_label(comp), comp.max))
    if cset.bands:
        rows.append((INFO["bands"], band_words(cset)))
        sources = {band.source for band in cset.bands if band.source}
        if sources:
            rows.append((INFO["bands_source"], "; ".join(sorted(sources))))
        if any(band.provisional for band in cset.bands):
            rows.append((INFO["bands_provisional"], MARK))
    return rows


def band_words(cset: CriteriaSet) -> str:
    """`Nhóm A: từ 90 %; Nhóm B: từ 70 %` — what `_read_bands` reads back."""
    return "; ".join(f"{band.name}: từ {values.float_text(float(band.at_least)).replace('.', ',')} %"
                     for band in cset.bands)


# --- cells read back into a set ----------------------------------------------------------------------------

@dataclass
class SheetRead:
    """What the reader found: the info rows (label cell, value cell) and the item rows (key → cell, 1-based row)."""

    info: list[tuple[Cell, Cell]]
    rows: list[tuple[int, dict[str, Cell]]]
    header_ref: str = f"{SHEET_SET}!A1"
    info_ref: str = f"{SHEET_INFO}!A1"


@dataclass
class Imported:
    """Criteria-file data read from the sheets; for every node its sheet row (`comments`) and for every value the
    cell it came from (`cells`, by the YAML path of the value or of its node); the problems, each at its cell."""

    data: dict[str, Any]
    comments: dict[Path, str] = field(default_factory=dict)
    cells: dict[Path, str] = field(default_factory=dict)
    problems: list[Message] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)  # what was read otherwise than written, or not read
    totals: list[dict[str, Cell]] = field(default_factory=list)  # rows 'Tổng điểm', 'Tổng cộng': checked

    def cell_of(self, path: Path) -> str | None:
        """The cell a finding at `path` is about: the value's own cell, else its node's (the code cell)."""
        for end in range(len(path), -1, -1):
            found = self.cells.get(path[:end])
            if found is not None:
                return found
        return None


def read_sheet(read: SheetRead) -> Imported:
    imported = Imported({})
    info = _read_info(read, imported)
    rows = _columns(read, imported)
    if rows is not None:
        _read_tree(SheetRead(read.info, rows, read.header_ref, read.info_ref), info, imported)
    return imported


def accepted_headers(key: str) -> OwnWords:
    """The headers a column is known by, as the messages name them: 'Mã' · 'Mã số' · …"""
    column = next(column for column in CRITERIA_SET.columns if column.key == key)
    return OwnWords(" · ".join(f"'{text}'" for text in (column.header, *column.aliases) if text != key))


def all_accepted_headers() -> OwnWords:
    """Every column with the headers it is known by (PX311)."""
    return OwnWords("; ".join(f"{column.header}: {accepted_headers(column.key)}" for column in CRITERIA_SET.columns))


def _columns(read: SheetRead, imported: Imported) -> list[tuple[int, dict[str, Cell]]] | None:
    """The rows with their code column and component column found: an STT column holding codes (1.1, 1.1.1) is
    the code column where there is no Mã; a column of the sheet's own whose values are all component names is the
    component column where none is headed so (each said in a note). Other columns that hold values are named in
    one note. None (PX336) when no column holds the codes."""
    keys = list(dict.fromkeys(key for _, cells in read.rows for key in cells))
    rename: dict[str, str] = {}
    if "code" not in keys:
        if "number" not in keys or not any("." in (normalise_code(cells["number"].raw) or "")
                                           for _, cells in read.rows if "number" in cells):
            imported.problems.append(Message("PX336", {"accepted": accepted_headers("code")}, read.header_ref))
            return None
        rename["number"] = "code"
    if "component" not in keys:
        for key in (key for key in keys if other_column(key)):
            said = [cells[key] for _, cells in read.rows if _text(cells.get(key)) is not None]
            if said and all(component_id(_text(cell) or "") is not None for cell in said):
                rename[key] = "component"
                letter, header = other_column(key) or ("", "")
                imported.notes.append(Message("PX337", {"column": letter, "header": header}, said[0].ref))
                break
    unused = []
    for key in keys:
        if key in rename or not (other_column(key) or key == "number"):
            continue
        said = [cells[key] for _, cells in read.rows if _text(cells.get(key)) is not None]
        if said:
            letter, header = other_column(key) or (_letter(said[0].ref), NUMBER.header)
            unused.append(f"{letter} ('{header}')")
    if unused:
        headers = " · ".join(f"'{column.header}'" for column in CRITERIA_SET.columns)
        imported.notes.append(Message("PX335", {"columns": ", ".join(unused), "accepted": headers}, read.header_ref))
    return [(row, {rename.get(key, key): cell for key, cell in cells.items()}) for row, cells in read.rows]


def _letter(ref: str) -> str:
    """'Phụ lục!G12' → 'G'."""
    return re.sub(r"[0-9]+$", "", ref.rsplit("!", 1)[-1])


def _text(cell: Cell | None) -> str | None:
    if cell is None or cell.raw is None:
        return None
    # TRUE/FALSE as Excel shows them: a mistake to name at its cell (PX301, PX323, PX333 …), never a blank
    raw = cell.raw
    text = values.show(raw) if isinstance(raw, bool | float) else str(raw)  # show() shortens only text
    text = " ".join(clean_text(text).split())
    return text or None


def _read_info(read: SheetRead, imported: Imported) -> dict[str, Any]:
    found: dict[str, Cell] = {}
    caps: list[tuple[str, Cell]] = []
    for label, value in read.info:
        name = _text(label) or ""
        key = CRITERIA_INFO.key_of(name)
        if key is None:
            caps.append((name, value))  # a component's cap, by its name: checked against Thành phần below
        elif key not in found:
            found[key] = value
    for key in INFO_REQUIRED:
        if _text(found.get(key)) is None:
            where = found[key].ref if key in found else read.info_ref
            imported.problems.append(Message("PX320", {"label": INFO[key]}, where))
    data: dict[str, Any] = {}
    for key in ("id", "title", "basis"):
        text = _text(found.get(key))
        if text is not None:
            data[key] = text
            imported.cells[(key,)] = found[key].ref
    years = _years(found.get("years"), imported)
    if years is not None:
        data["years"] = years
    for key, words in (("level", LEVELS), ("status", STATUSES)):
        chosen = _word(found.get(key), words, INFO[key], imported)
        if chosen is not None:
            data[key] = chosen
    if _text(found.get("max")) is not None:
        data["max"] = _number(found["max"], imported)
        imported.cells[("max",)] = found["max"].ref
    imported.data = data
    return {"caps": caps, "basis": data.get("basis"), "bands": _read_bands(found, imported)}


def _read_bands(found: dict[str, Cell], imported: Imported) -> list[dict[str, Any]]:
    """The grades of a `Xếp loại` row, each `Tên: từ 90 %`, with the source and provisional flag of the rows
    below it; a part that does not read so is PX173 at its cell (never a guess)."""
    text = _text(found.get("bands"))
    if text is None:
        return []
    cell = found["bands"]
    source = _text(found.get("bands_source"))
    provisional = _flag(found.get("bands_provisional"), INFO["bands_provisional"], imported)
    bands: list[dict[str, Any]] = []
    for part in (part for part in text.split(";") if part.strip()):
        match = _BAND.match(part)
        if match is None:
            imported.problems.append(Message("PX173", {"value": part.strip(), "label": INFO["bands"]}, cell.ref))
            continue
        band: dict[str, Any] = {"name": match["name"], "at_least": Decimal(match["at"].replace(",", "."))}
        if source:
            band["source"] = source
        if provisional:
            band["provisional"] = True
            imported.cells[("bands", len(bands), "provisional")] = found["bands_provisional"].ref
        if source:
            imported.cells[("bands", len(bands), "source")] = found["bands_source"].ref
        imported.cells[("bands", len(bands))] = cell.ref
        bands.append(band)
    return bands


def _years(cell: Cell | None, imported: Imported) -> list[int] | None:
    text = _text(cell)
    if cell is None or text is None:
        return None
    parts = [part for part in re.split(r"[,;\s]+|\s-\s", text) if part]
    if not parts or not all(part.isdigit() and len(part) == 4 for part in parts):
        imported.problems.append(Message("PX321", {"value": text}, cell.ref))
        return None
    imported.cells[("years",)] = cell.ref
    return [int(part) for part in parts]


def _word(cell: Cell | None, words: dict[str, tuple[str, ...]], label: str, imported: Imported) -> str | None:
    text = _text(cell)
    if cell is None or text is None:
        return None
    for key, said in words.items():
        if fold(text) in {fold(key), *(fold(word) for word in said)}:
            return key
    accepted = [said[0] for said in words.values()] + list(words)
    imported.problems.append(Message("PX322", {"label": label, "value": text, "accepted": " · ".join(accepted)},
                                     cell.ref))
    return None


def _number(cell: Cell, imported: Imported) -> Decimal | None:
    try:
        value = values.parse_quantity(cell.raw)
    except ValueProblem as problem:
        imported.problems.append(Message("PX323", {"value": values.show(cell.raw), "problem": problem.msg},
                                         cell.ref))
        return None
    return value


def _numeric(cell: Cell) -> bool:
    try:
        values.parse_number(cell.raw)
    except ValueProblem:
        return False
    return True


def _flag(cell: Cell | None, label: str, imported: Imported) -> bool:
    """Không áp dụng / Tạm tính: blank = no; x, Có, … = yes (as the evidence workbook reads N/A)."""
    if cell is None:
        return False
    try:
        return values.parse_not_applicable(cell.raw)
    except ValueProblem:  # its PW448 names the Không áp dụng column, whichever column this is
        imported.problems.append(Message("PX324", {"label": label, "value": values.show(cell.raw),
                                                   "accepted": values.NOT_APPLICABLE_FORMS}, cell.ref))
        return False


# --- the tree -------------------------------------------------------------------------------------------

@dataclass
class _Node:
    code: str
    row: int
    cells: dict[str, Cell]
    children: list[_Node] = field(default_factory=list)


def _read_tree(read: SheetRead, info: dict[str, Any], imported: Imported) -> None:
    roots = _tree(read, imported)
    if not roots:
        imported.problems.append(Message("PX325", {}, read.header_ref))
        return
    components: dict[str, dict[str, Any]] = {}
    areas = []
    for a, root in enumerate(roots):
        area = _group(root, ("areas", a), info, components, imported)
        areas.append(area)
    imported.data["components"] = _components(components, info, imported)
    if info["bands"]:
        imported.data["bands"] = info["bands"]
    imported.data["areas"] = areas
    _check_totals(imported)


_TOTAL = re.compile(r"tong(?: cong| diem| so diem| so| diem toi da)?(?: toi da)?")


def _is_total(cell: Cell | None) -> bool:
    """'Tổng điểm', 'TỔNG ĐIỂM', 'Tổng cộng': the row an annex sums its maxima on."""
    text = _text(cell)
    return text is not None and _TOTAL.fullmatch(fold(text, punctuation=False, spaced=True).strip()) is not None


def _check_totals(imported: Imported) -> None:
    """PX338 where a total row's Điểm tối đa is neither the set's maximum (the items inside it) nor the sum of
    every item (bonus and penalty too): a total typed wrong is said at its cell, never ignored."""
    roles = {comp["id"]: role_of(comp["id"], Role(comp["role"]) if "role" in comp else None)
             for comp in imported.data.get("components", [])}
    inside = everything = Decimal(0)
    for item in _items_of(imported.data.get("areas", [])):
        points = item.get("max") or Decimal(0)
        everything += points
        if roles.get(item.get("component", ""), Role.SELF).inside_max:
            inside += points
    for cells in imported.totals:
        cell = cells.get("max")
        if cell is None or _text(cell) is None:
            continue
        written = _number(cell, imported)
        if written is not None and written not in (inside, everything):
            imported.problems.append(Message("PX338", {"value": written, "total": inside}, cell.ref))


def _items_of(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [item for group in groups for item in (*group.get("items", ()), *_items_of(group.get("criteria", [])))]


MAX_CODE_DEPTH = 16  # levels of a code (1.1.1.1 has 4): sets have 3 or 4; past 16 a tree no YAML file holds


def _short_code(code: str) -> str:
    """A code as a message shows it: a code of many levels by its first and last ones."""
    parts = code.split(".")
    return code if len(parts) <= 8 else ".".join([*parts[:4], "…", *parts[-3:]])


def _tree(read: SheetRead, imported: Imported) -> list[_Node]:
    """The rows as a tree by their codes: 1.1.2 under 1.1; a code whose parent has no row is PX326, one written
    twice PX327, one of more than `MAX_CODE_DEPTH` levels PX345 (the tree is walked level by level in recursion)."""
    by_code: dict[str, _Node] = {}
    roots: list[_Node] = []
    too_deep: set[str] = set()
    for row, cells in read.rows:
        code_cell = cells["code"]
        if _text(code_cell) is None:
            if _text(cells.get("rule")) is not None:  # Cách chấm in a row of its own: a Word cell split over rows?
                imported.problems.append(Message("PX332", {"text": _text(cells.get("rule")) or ""},
                                                 cells["rule"].ref))
            elif _is_total(cells.get("name")):
                imported.totals.append(cells)
            continue  # a title, a note, a spacer
        code = normalise_code(code_cell.raw)
        said = str(code_cell.raw).strip()
        if code is None and any(ch.isalpha() for ch in said) and not said[:1].isdigit():
            if _is_total(code_cell) or _is_total(cells.get("name")):
                imported.totals.append(cells)
            continue  # a heading ('A. PHẦN CHUNG'), not a mistyped code ('1.1.x', '1a')
        if code is None:
            imported.problems.append(Message("PX328", {"value": values.show(code_cell.raw)}, code_cell.ref))
            continue
        depth = code.count(".") + 1
        if depth > MAX_CODE_DEPTH:  # said once, at the first row past the limit: the rows below it go with it
            if code.rsplit(".", 1)[0] not in too_deep:
                imported.problems.append(Message("PX345", {"code": _short_code(code), "depth": depth,
                                                           "limit": MAX_CODE_DEPTH}, code_cell.ref))
            too_deep.add(code)
            continue
        if code in by_code:
            first = by_code[code]
            imported.problems.append(Message("PX327", {"code": code, "first": first.cells["code"].ref},
                                             code_cell.ref))
            continue
        node = _Node(code, row, cells)
        by_code[code] = node
        parent_code = code.rsplit(".", 1)[0] if "." in code else None
        if parent_code is None:
            roots.append(node)
        elif parent_code in by_code:
            by_code[parent_code].children.append(node)
        else:
            imported.problems.append(Message("PX326", {"code": code, "parent": parent_code}, code_cell.ref))
    return roots


def _group(node: _Node, path: Path, info: dict[str, Any], components: dict[str, dict[str, Any]],
           imported: Imported) -> dict[str, Any]:
    data = _common(node, path, info, imported)
    _heading_values(node, imported)
    if not node.children:  # an area with no row under it: nothing to score
        imported.problems.append(Message("PX329", {"code": node.code}, node.cells["code"].ref))
        return data
    groups = [child for child in node.children if child.children]
    leaves = [child for child in node.children if not child.children]  # an item, at any depth (9.1 under 9)
    if groups:
        data["criteria"] = [_group(child, path + ("criteria", i), info, components, imported)
                            for i, child in enumerate(groups)]
    if leaves:
        data["items"] = [_item(child, path + ("items", i), info, components, imported)
                         for i, child in enumerate(leaves)]
    return data


ITEM_ONLY = ("rule", "not_applicable", "component", "evidence")  # what only an item's row holds


def _heading_values(node: _Node, imported: Imported) -> None:
    """PX339 for a value typed on a heading row (a row with rows under it) where only an item's row holds one: a
    Cách chấm there scores nothing. A Thành phần or Tài liệu merged over the heading and all its items is fine."""
    leaves = _leaves(node)
    for key in ITEM_ONLY:
        text = _text(node.cells.get(key))
        if text is None or (key in ("component", "evidence")
                            and all(_text(leaf.cells.get(key)) == text for leaf in leaves)):
            continue
        imported.problems.append(Message("PX339", {"code": node.code, "column": COLUMNS[key], "value": text},
                                         node.cells[key].ref, node.code))


def _leaves(node: _Node) -> list[_Node]:
    return [leaf for child in node.children for leaf in (_leaves(child) if child.children else [child])]


def _common(node: _Node, path: Path, info: dict[str, Any], imported: Imported) -> dict[str, Any]:
    """code, name, lead, max, source, provisional: what every node may have, in the bundled files' order."""
    imported.comments[path] = f"{SHEET_SET}!{node.row}"
    imported.cells[path] = node.cells["code"].ref
    data: dict[str, Any] = {"code": node.code, "name": _text(node.cells.get("name")) or ""}
    imported.cells[path + ("name",)] = node.cells["name"].ref if "name" in node.cells else node.cells["code"].ref
    lead = _text(node.cells.get("lead"))
    if lead:
        data["lead"] = lead
        imported.cells[path + ("lead",)] = node.cells["lead"].ref
    max_cell = node.cells.get("max")
    if max_cell is not None:
        imported.cells[path + ("max",)] = max_cell.ref
        if _text(max_cell) is not None:
            data["max"] = _number(max_cell, imported)
    source = _text(node.cells.get("source")) or info["basis"]
    if source:
        data["source"] = source
        if "source" in node.cells:
            imported.cells[path + ("source",)] = node.cells["source"].ref
    if _flag(node.cells.get("provisional"), COLUMNS["provisional"], imported):
        data["provisional"] = True
        imported.cells[path + ("provisional",)] = node.cells["provisional"].ref
    return data


def _item(node: _Node, path: Path, info: dict[str, Any], components: dict[str, dict[str, Any]],
          imported: Imported) -> dict[str, Any]:
    common = _common(node, path, info, imported)
    data: dict[str, Any] = {key: common[key] for key in ("code", "name", "max") if key in common}
    if "max" not in data:
        where = node.cells["max"].ref if "max" in node.cells else node.cells["code"].ref
        imported.problems.append(Message("PX330", {"code": node.code}, where))
    name = _text(node.cells.get("component")) or COMPONENT_NAMES["appraised"][0]
    comp = component_id(name)
    if comp is None:  # said at its cell; the rest of the row is still read, so every problem is said at once
        imported.problems.append(Message("PX333", {"text": name, "known": KNOWN_COMPONENTS, "roles": ROLES},
                                         node.cells["component"].ref, node.code))
        comp = "appraised"
    where = node.cells["component"].ref if "component" in node.cells else node.cells["code"].ref
    if comp not in components:  # a component is said at the cell of its first use
        imported.cells[("components", len(components))] = where
        components[comp] = {"id": comp, "name": _WITH_ID.sub(r"\1", name) if _WITH_ID.fullmatch(name) else name,
                            "max": Decimal(0)}
    components[comp]["max"] += data.get("max") or Decimal(0)
    _declare_role(components[comp], component_role(name), where, imported)
    data["component"] = comp
    if "component" in node.cells:
        imported.cells[path + ("component",)] = node.cells["component"].ref
    rule_cell = node.cells.get("rule")
    said = rule_cell.raw if rule_cell is not None and isinstance(rule_cell.raw, str) else _text(rule_cell)
    declared = components[comp].get("role")
    role = role_of(comp, Role(declared) if declared else None)
    rule = item_rule(said, data.get("max"), role)  # as typed, its lines kept: a list pasted from Word
    where = rule_cell.ref if rule_cell is not None else node.cells["code"].ref
    imported.cells[path + ("rule",)] = where
    if isinstance(rule, Message):
        imported.problems.append(Message(rule.code, rule.params, where, node.code))
    else:
        data["rule"] = rule
    evidence = _text(node.cells.get("evidence"))
    if evidence:
        data["evidence"] = evidence
        imported.cells[path + ("evidence",)] = node.cells["evidence"].ref
    for key in ("lead", "source", "provisional"):
        if key in common:
            data[key] = common[key]
    if _flag(node.cells.get("not_applicable"), COLUMNS["not_applicable"], imported):
        data["not_applicable"] = True
        imported.cells[path + ("not_applicable",)] = node.cells["not_applicable"].ref
    return data


def _components(found: dict[str, dict[str, Any]], info: dict[str, Any], imported: Imported) -> list[dict[str, Any]]:
    """The components the items name, in order of first use, each with the sum of its items as its max, or the
    cap a Thông tin row gives it by name."""
    listed = list(found.values())
    by_id = {comp["id"]: comp for comp in listed}
    for name, cell in info["caps"]:
        comp_id = component_id(name)
        if (comp_id is None or comp_id not in by_id) and not _numeric(cell):
            continue  # a note beside the keys ('Lưu ý: …'), not a cap
        if comp_id is None or comp_id not in by_id:
            imported.problems.append(Message("PX331", {"label": name, "known": " · ".join(
                comp["name"] for comp in listed) or "–"}, cell.ref))
            continue
        cap = _number(cell, imported) if _text(cell) is not None else None
        if cap is not None:
            by_id[comp_id]["max"] = cap
        _declare_role(by_id[comp_id], component_role(name), cell.ref, imported)
        imported.cells[("components", listed.index(by_id[comp_id]), "max")] = cell.ref
    for c, comp in enumerate(listed):  # a new component's role is never guessed
        if comp["id"] not in IMPLIED_ROLES and "role" not in comp:
            imported.problems.append(Message("PX333", {"text": f"{comp['name']} ({comp['id']})",
                                                       "known": KNOWN_COMPONENTS, "roles": ROLES},
                                             imported.cells.get(("components", c))))
    return [{key: comp[key] for key in ("id", "name", "role", "max") if key in comp} for comp in listed]


def _declare_role(comp: dict[str, Any], role: Role | None, where: str, imported: Imported) -> None:
    """A role written with the component's id ('(diem_cong: bonus)'), once or alike wherever it is written
    (PX334 where two cells say two roles)."""
    if role is None:
        return
    if comp.setdefault("role", role.value) != role.value:
        imported.problems.append(Message("PX334", {"component": comp["id"], "first": comp["role"],
                                                   "second": role.value}, where))


def unreadable_rules(cset: CriteriaSet) -> list[Message]:
    """PX340 for every item whose *Cách chấm* words would not read back as its rule (what export refuses)."""
    found = []
    for _, item in cset.items():
        words = item.rule_words("vi")
        read = item_rule(words, item.max, item.role)
        if isinstance(read, Message) or as_rule(read) != item.rule:
            found.append(Message("PX340", {"code": item.code, "words": words, "kind": item.rule.kind}))
    return found
