"""Writing the fill-in evidence workbook of a criteria set (an adapter; README: "Evidence workbooks").

Two sheets: *Thông tin* (set id, fingerprint, unit, level, year, who, when) and *Tự đánh giá* (one row per
area, criterion and item, in the column order of `evidence.COLUMNS`). Items get dropdowns (yes/no, choice,
not applicable) or number validation, with an input message saying what to type; reference columns are
locked, input columns are not; the header and the first columns are frozen. No formulas anywhere: the
workbook holds evidence, `parindex score` does the arithmetic. Apart from the date, the same set and
options always give the same bytes.
"""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation

from parindex.common.i18n import fmt_plain, t
from parindex.common.messages import Message
from parindex.common.tables import column_letter
from parindex.common.values import RawValue
from parindex.criteria.leads import item_leads
from parindex.criteria.model import Area, CriteriaSet, Criterion, Item, items_of
from parindex.criteria.provenance import provenance_banner
from parindex.criteria.rules import Entry
from parindex.evidence.model import (
    BLOCK_INFO_KEYS,
    COLUMNS,
    INFO_KEYS,
    LEVEL_BLOCKS,
    PART_INFO_KEYS,
    SHEET_INFO,
    SHEET_ITEMS,
    SHEET_REVIEW,
    YES_NO_PAIRS,
    Carried,
)
from parindex.io.atomic import write_atomic
from parindex.io.xlsx_print import FONT, text_lines
from parindex.io.xlsx_stream import BOLD, UNSTYLED, SheetLayout, StreamedBook, Style

SHEET_LISTS = "Danh mục"  # hidden: option lists too long for an inline dropdown
YES = "Có"  # the Không áp dụng column's one option
INLINE_LIST_LIMIT = 255  # Excel refuses longer inline list formulas

REFERENCE_COLUMNS = ("code", "name", "max", "rule", "lead")
INPUT_COLUMNS = tuple(key for key in COLUMNS if key not in REFERENCE_COLUMNS)
# The columns up to Giải trình are printed (A4 landscape, one page wide, at 9 pt or more: their widths add up to
# xlsx_print.LANDSCAPE_BUDGET); Cơ quan chủ trì, Điểm thẩm định and Ghi chú are for the screen.
WIDTHS = {"code": 8, "name": 32, "max": 7, "rule": 24, "value": 13, "not_applicable": 9, "self_score": 9,
          "evidence": 15, "explanation": 11, "lead": 24, "appraised": 11, "note": 22}
PRINTED = "explanation"  # the last printed column
FROZEN = "C2"  # header row, code and name columns

_GREY = "A6A6A6"  # the thin border around every cell of a table
_WRAP = Style(vertical="top", wrap=True)
_HEADER = Style(bold=True, colour=None, horizontal="center", vertical="center", wrap=True, fill="DDEBF7",
                border=_GREY)
_AREA = Style(bold=True, colour=None, vertical="top", wrap=True, fill="E7E6E6", border=_GREY)
_CRITERION = replace(_AREA, fill="F2F2F2")
_CELL = replace(_WRAP, border=_GREY)
_INPUT = replace(_CELL, fill="FFF9E5", locked=False)
_SURVEY_FILL = "EDEDED"
_INFO = Style(horizontal="left", number_format="@", border=_GREY)
_INFO_INPUT = replace(_INFO, fill="FFF9E5", locked=False)


def write_template(path: Path, cset: CriteriaSet, *, unit: str = "", level: str | None = None,
                   year: int | None = None, prepared_by: str = "", today: date | None = None,
                   force: bool = False, lead: str | None = None, block: str | None = None,
                   carried: Carried | None = None) -> None:
    """Write the evidence workbook of `cset` to `path` atomically (never over a file without `force`); with
    `lead`, the part of it that agency leads; with `carried`, holding what a filled workbook carried over."""
    day = today or date.today()

    def write(tmp: Path) -> None:  # built inside: an output that cannot be written is refused before the work
        book = build_template(cset, unit=unit, level=level, year=year, prepared_by=prepared_by, today=day,
                              lead=lead, block=block, carried=carried)
        save_stamped(book.book, tmp, day)

    write_atomic(path, write, force)


def save_stamped(book: Any, target: Path | BinaryIO, day: date) -> None:
    """Save an openpyxl workbook (a `StreamedBook`'s, or one opened to be filled) like openpyxl does, but with every
    timestamp set to `day`, so equal content gives equal bytes."""
    from openpyxl.writer.excel import ExcelWriter

    stamp = datetime(day.year, day.month, day.day)
    book.properties.created = book.properties.modified = stamp
    with _StampedZip(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        archive.stamp = (day.year, day.month, day.day, 0, 0, 0)
        ExcelWriter(book, archive).write_data()


class _StampedZip(zipfile.ZipFile):
    stamp = (1980, 1, 1, 0, 0, 0)

    def writestr(self, zinfo_or_arcname: Any, data: Any, compress_type: Any = None,
                 compresslevel: Any = None) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=self.stamp)
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
            zinfo_or_arcname.external_attr = 0o600 << 16
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename: Any, arcname: Any = None, compress_type: Any = None,
              compresslevel: Any = None) -> None:
        """openpyxl writes each worksheet from a temporary file: store it with the fixed stamp too."""
        self.writestr(str(arcname or filename), Path(filename).read_bytes())


def build_template(cset: CriteriaSet, *, unit: str = "", level: str | None = None, year: int | None = None,
                   prepared_by: str = "", today: date, lead: str | None = None, block: str | None = None,
                   carried: Carried | None = None) -> StreamedBook:
    """The workbook; with `lead`, only the items that agency leads (a part), the agency named in *Thông tin*; with
    `carried`, each item's cells as a filled workbook held them, and a sheet of what needs a second look."""
    return streamed(cset, template_sheets(cset, unit=unit, level=level, year=year, prepared_by=prepared_by,
                                          today=today, lead=lead, block=block, carried=carried))


def template_sheets(cset: CriteriaSet, *, unit: str = "", level: str | None = None, year: int | None = None,
                    prepared_by: str = "", today: date, lead: str | None = None, block: str | None = None,
                    carried: Carried | None = None) -> list[SheetLayout]:
    """The workbook's sheets laid out, in order: Thông tin, Tự đánh giá, Danh mục if a list needs it, Cần xem lại
    if something carried over does."""
    info = _info_sheet(cset, {
        "criteria_id": cset.id,
        "fingerprint": cset.fingerprint(),
        "unit": unit,
        "level": LEVEL_BLOCKS[level or cset.level],  # in words: read back to the id (evidence.model.level_id)
        "year": str(year if year is not None else cset.years[-1]),
        "prepared_by": prepared_by,
        "date": today.isoformat(),
    }, {"block": block or LEVEL_BLOCKS[level or cset.level], **({"lead": lead} if lead else {})})
    items = _ItemsSheet(cset, lead, carried.cells if carried else {})
    sheets = [info, *items.fill()]
    if carried is not None and carried.review:
        sheets.append(_review_sheet(carried.review))
    return sheets


def streamed(cset: CriteriaSet, sheets: list[SheetLayout], category: str | None = None) -> StreamedBook:
    """The sheets written once into a workbook titled after the set."""
    book = StreamedBook(category)
    book.book.properties.title = cset.title
    for sheet in sheets:
        book.write(sheet)
    return book


def _protect(sheet: Any, *allowed: str) -> None:
    """The sheet protected (no password: it guards against slips), but for what `allowed` names."""
    sheet.protection.sheet = True
    for name in allowed:
        setattr(sheet.protection, name, False)


# --- Thông tin --------------------------------------------------------------------------------------

def _info_sheet(cset: CriteriaSet, values: dict[str, str], part: dict[str, str]) -> SheetLayout:
    sheet = SheetLayout(SHEET_INFO, widths={1: 30, 2: 80},
                        finish=lambda written: _protect(written, "formatColumns", "formatRows"))
    sheet.put(1, 1, cset.title, Style(size=14, bold=True, colour=None))
    sheet.put(2, 1, cset.basis or "", Style(italic=True, colour="595959"))
    editable = {"unit", "level", "year", "prepared_by", "date", "block"}
    rows = {**INFO_KEYS, **BLOCK_INFO_KEYS, **{key: label for key, label in PART_INFO_KEYS.items() if key in part}}
    values = {**values, **part}
    for offset, (key, label) in enumerate(rows.items()):
        row = 4 + offset
        sheet.put(row, 1, label, BOLD)
        sheet.put(row, 2, values.get(key, ""), _INFO_INPUT if key in editable else _INFO)
    row = 4 + len(rows) + 1
    merged = []
    banner = provenance_banner(cset)
    note = banner.text() if banner else None
    if note:
        sheet.put(row, 1, note, replace(_WRAP, bold=True, colour="C00000"))
        sheet.heights[row] = 48
        merged.append(row)
        row += 2
    text = t("ui.template.instructions", to=_collector(cset.level, values.get("unit", ""), "lead" in part))
    sheet.put(row, 1, text, _WRAP)
    sheet.heights[row] = 14 * text_lines(text, 110 - 2)  # columns A and B, merged
    sheet.fill_blanks()
    for one in (*merged, row):
        sheet.merge(one, 2)
    return sheet


# --- Cần xem lại (template --from) -----------------------------------------------------------------------

REVIEW_WIDTHS = (12, 14, 90, 40)
_REVIEW_HEADER = Style(bold=True, colour=None, fill="DDEBF7", border=_GREY)


def _review_sheet(review: list[Message]) -> SheetLayout:
    """One row per thing to look at again: the item, the message's code, what it says, the filled workbook's cell."""
    sheet = SheetLayout(SHEET_REVIEW, widths=dict(enumerate(REVIEW_WIDTHS, start=1)), freeze="A2", title_rows="1:1")
    headers = ("ui.template.review.item", "ui.template.review.code", "ui.template.review.text",
               "ui.template.review.where")
    sheet.append([t(key) for key in headers], _REVIEW_HEADER)
    for message in review:
        sheet.append((message.item or "", message.code, replace(message, item=None).text(), message.where or ""),
                     replace(_CELL, number_format="@"))
    return sheet


def _collector(level: str, unit: str, is_part: bool) -> str:
    """Whom the filled workbook goes back to: a unit's own workbook to Sở Nội vụ, which scores every unit (and a
    province's own self-assessment); a lead agency's part of a department's or commune's workbook to that unit."""
    if is_part and level != "province":
        return t("ui.template.collector", unit=unit) if unit.strip() else t("ui.template.collector_unknown")
    return t("doc.to_home_affairs")


# --- Tự đánh giá ------------------------------------------------------------------------------------

class _ItemsSheet:
    def __init__(self, cset: CriteriaSet, lead: str | None = None,
                 cells: dict[str, dict[str, RawValue]] | None = None) -> None:
        self.cset = cset
        self.leads = item_leads(cset)
        self.only = lead  # a part: only the items this agency leads, under their headings
        self.cells = cells or {}  # what a filled workbook held, by item code (template --from)
        self.col = {key: index + 1 for index, key in enumerate(COLUMNS)}
        self.letter = {key: column_letter(index) for index, key in enumerate(COLUMNS)}
        self.sheet = SheetLayout(SHEET_ITEMS, widths={self.col[key]: WIDTHS[key] for key in COLUMNS},
                                 heights={1: 32}, freeze=FROZEN, title_rows="1:1", finish=self._finish)
        self.validations: dict[tuple[Any, ...], DataValidation] = {}
        self.lists: SheetLayout | None = None
        self.yes_no = yes_no_words(cset)

    @property
    def row(self) -> int:
        return len(self.sheet.rows)

    def fill(self) -> list[SheetLayout]:
        """The sheet laid out, and Danh mục after it if a choice list needed it."""
        self.sheet.append(COLUMNS.values(), _HEADER)
        for area in self.cset.areas:
            if not self._wanted(area):
                continue
            self._heading(area.code, area.name, area.max, _AREA, area.lead)
            self._nodes(area, area)
        self.sheet.area = f"A1:{self.letter[PRINTED]}{self.row}"
        return [self.sheet] if self.lists is None else [self.sheet, self.lists]

    def _finish(self, sheet: Any) -> None:
        """What the written sheet is told besides its rows: the filter, the checks, the protection, the banner."""
        sheet.auto_filter.ref = f"A1:{self.letter['note']}{self.row}"
        for validation in self.validations.values():
            sheet.data_validations.append(validation)
        _protect(sheet, "formatColumns", "formatRows", "autoFilter", "sort")
        banner = provenance_banner(self.cset)
        note = banner.text() if banner else None
        if note:
            sheet.oddHeader.left.text = note[:250]
            sheet.oddHeader.left.size = 8
            sheet.oddHeader.left.font = FONT

    def _wanted(self, group: Area | Criterion) -> bool:
        return self.only is None or any(self.leads[item.code] == self.only for item in items_of(group))

    def _criterion(self, area: Area, criterion: Criterion) -> None:
        if not self._wanted(criterion):
            return
        self._heading(criterion.code, criterion.name, criterion.max, _CRITERION, criterion.lead)
        self._nodes(area, criterion)

    def _nodes(self, area: Area, group: Area | Criterion) -> None:
        """A group's criteria and items in document order (an item may stand under an area: an annex's 9.1)."""
        for node in group.nodes():
            if isinstance(node, Criterion):
                self._criterion(area, node)
            elif self.only is None or self.leads[node.code] == self.only:
                self._item(area, node)

    def _heading(self, code: str, name: str, maximum: Decimal, style: Style, lead: str | None) -> None:
        values = {"code": code, "name": name, "max": _number(maximum), "lead": lead or ""}
        self.sheet.append([values.get(key) for key in COLUMNS], style)
        self.sheet.restyle(self.row, self.col["code"], number_format="@")
        self._height({"name": name, "lead": lead or ""}, bold=True)

    def _item(self, area: Area, item: Item) -> None:
        rule = item.rule_words(answers=self.yes_no)  # the words its dropdown offers
        lead = self.leads[item.code] or ""
        values = {**self.cells.get(item.code, {}),
                  "code": item.code, "name": item.name, "max": _number(item.max), "rule": rule, "lead": lead}
        text = replace(_CELL, number_format="@")
        styles = {key: _INPUT for key in INPUT_COLUMNS} | {"code": text} | \
            {key: replace(_INPUT, number_format="@") for key in ("evidence", "explanation", "note")}
        if not item.not_applicable:
            styles["not_applicable"] = _CELL  # locked, unfilled: nothing to choose
        value = self._value_validation(item)
        if value is not None:
            styles["value"] = value
        self.sheet.rows.append([_cell(values.get(key), styles.get(key, _CELL)) for key in COLUMNS])
        if item.is_survey:
            self.sheet.comments[(self.row, self.col["value"])] = Comment(t("ui.template.survey_note"), "parindex",
                                                                          height=90, width=220)
        if item.not_applicable:
            self._validate(("na",), "not_applicable", _list_validation(f'"{YES}"', "ui.template.prompt_na"))
        self._validate(("points", str(item.max)), "self_score", _points_validation(item.max))
        self._validate(("points", str(item.max)), "appraised", _points_validation(item.max))
        self._height({"name": item.name, "rule": rule, "lead": lead})

    def _value_validation(self, item: Item) -> Style | None:
        """The value cell's check (for the row about to be appended); its style where it is not the input's."""
        style = None
        entry = item.rule.entry(item.max)
        if entry is not None:
            key, validation = self._entry_validation(item.code, entry)
            self._validate(key, "value", validation, self.row + 1)
            if entry.kind == "decimal" and entry.most is None:  # a share or a quantity: kept as typed (Text),
                style = replace(_INPUT, number_format="@")  # whatever the regional setting
        if item.is_survey:
            style = replace(style or _INPUT, fill=_SURVEY_FILL)
        return style
    def _entry_validation(self, code: str, entry: Entry) -> tuple[tuple[Any, ...], DataValidation]:
        """The validation for what a rule takes, and the key of the cells that share it (a choice list is the
        item's own; the other kinds are shared by every cell that takes the same)."""
        if entry.kind == "yes_no":
            yes, no = self.yes_no
            return ("yes_no",), _list_validation(f'"{yes},{no}"', entry.prompt, yes=yes, no=no)
        if entry.kind == "choice":
            return ("choice", code), _list_validation(self._choice_source(code, list(entry.options)), entry.prompt)
        if entry.most is not None:
            return ("points", str(entry.most)), _points_validation(entry.most, entry.prompt)
        if entry.kind == "decimal":  # a Text cell: a number check would warn on every value typed into it
            return (entry.kind, entry.prompt), _prompt_only(entry.prompt)
        return (entry.kind, entry.prompt), _number_validation(entry.kind, entry.prompt)

    def _choice_source(self, code: str, labels: list[str]) -> str:
        inline = '"' + ",".join(labels) + '"'
        if len(inline) <= INLINE_LIST_LIMIT and not any("," in label or '"' in label for label in labels):
            return inline
        if self.lists is None:
            self.lists = SheetLayout(SHEET_LISTS, printed=False, finish=_hidden)
        column = self.lists.columns + 1
        for row, text in enumerate((code, *labels), start=1):
            self.lists.put(row, column, text, UNSTYLED)  # as written, not restyled: nobody sees it
        letter = column_letter(column - 1)
        return f"'{SHEET_LISTS}'!${letter}$2:${letter}${1 + len(labels)}"

    def _validate(self, key: tuple[Any, ...], column: str, validation: DataValidation, row: int = 0) -> None:
        """`validation` on the column's cell of `row` (else the last row), shared by every cell of the same `key`."""
        existing = self.validations.setdefault(key + (column,), validation)
        existing.add(f"{self.letter[column]}{row or self.row}")

    def _height(self, texts: dict[str, str], bold: bool = False) -> None:
        """Enough lines for the longest wrapped text (Excel does not size rows by itself on opening)."""
        lines = max(text_lines(text, WIDTHS[key], bold) for key, text in texts.items())
        if lines > 1:
            self.sheet.heights[self.row] = 15 * lines


def _cell(value: object, style: Style) -> tuple[object, Style]:
    """A cell of an item's row: a date carried into a Text cell as the officer saw it, 15/03/2024 (written as a
    date it would show as its serial number, 45366, in a cell formatted as text)."""
    if style.number_format == "@" and isinstance(value, date | time):
        return _date_text(value), style
    return value, style


def _date_text(value: date | time) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y" if value.time() == time(0) else "%d/%m/%Y %H:%M")
    return value.strftime("%H:%M" if isinstance(value, time) else "%d/%m/%Y")


def _hidden(sheet: Any) -> None:
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True


def _number(value: Decimal) -> int | float:
    """A maximum as a spreadsheet number (maxima have at most a few decimals: exact as float text)."""
    return int(value) if value == value.to_integral_value() else float(value)


def yes_no_words(cset: CriteriaSet) -> tuple[str, str]:
    """The yes/no pair whose words collide with no choice label of `cset` under autocomplete (a typed text
    completed to a longer entry of the column that starts with it, case aside): the first of `YES_NO_PAIRS` that is
    no prefix of a choice label of the set, nor has one as its prefix. Excel's AutoComplete and LibreOffice's
    AutoInput complete what is typed from the column's other entries: 'Có' under 'Có sáng kiến…' became the longer
    one."""
    entries = (item.rule.entry(item.max) for _, item in cset.items())
    labels = {label.casefold() for entry in entries if entry is not None for label in entry.options}

    def collides(word: str) -> bool:
        word = word.casefold()
        return any(label != word and (label.startswith(word) or word.startswith(label)) for label in labels)

    return next((pair for pair in YES_NO_PAIRS if not any(map(collides, pair))), YES_NO_PAIRS[0])


def _prompt_only(prompt: str) -> DataValidation:
    """No check, only the 'how to enter' message: what is typed stays as typed, and the reader checks it."""
    return DataValidation(type=None, allow_blank=True, showInputMessage=True,
                          promptTitle=t("ui.template.prompt_title"), prompt=t(prompt))


def _list_validation(source: str, prompt: str, **words: str) -> DataValidation:
    return DataValidation(type="list", formula1=source, allow_blank=True, showInputMessage=True,
                          promptTitle=t("ui.template.prompt_title"), prompt=t(prompt, **words),
                          showErrorMessage=True, errorStyle="warning", errorTitle=t("ui.template.error_title"),
                          error=t("ui.template.error_list"))


def _number_validation(kind: str, prompt: str) -> DataValidation:
    return DataValidation(type=kind, operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                          showInputMessage=True, promptTitle=t("ui.template.prompt_title"), prompt=t(prompt),
                          showErrorMessage=True, errorStyle="warning", errorTitle=t("ui.template.error_title"),
                          error=t("ui.template.error_number"))


def _points_validation(maximum: Decimal, prompt: str = "ui.template.prompt_manual") -> DataValidation:
    return DataValidation(type="decimal", operator="between", formula1="0", formula2=f"{maximum:f}",
                          allow_blank=True, showInputMessage=True, promptTitle=t("ui.template.prompt_title"),
                          prompt=t(prompt, max=fmt_plain(maximum)), showErrorMessage=True,
                          errorStyle="warning", errorTitle=t("ui.template.error_title"),
                          error=t(prompt, max=fmt_plain(maximum)))
