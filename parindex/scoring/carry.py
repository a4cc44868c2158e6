"""What a filled workbook carries into the workbook of a corrected set (pure; README: "Correcting a set after the
workbooks went out").

`template NEW_SET --from FILLED.xlsx`: rows are matched to the new set's items by code. An item's cells are
carried as typed, each one the new item takes as the scoring engine would read it; a cell it refuses (a choice
label that is gone, points above a lowered maximum, an N/A mark the item no longer allows) is not carried but
named, with what it held. Nothing is guessed, and everything that needs a second look is said: items added,
items the new workbook no longer holds (with what they held), items whose rule or maximum changed (carried,
flagged). Whether a rule changed is told from what the filled workbook printed (*Điểm tối đa*, *Cách chấm*),
since the set it was made from may be gone (corrected in place, under the same id).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from decimal import Decimal

from parindex.common import values
from parindex.common.i18n import LANGS
from parindex.common.messages import Message
from parindex.criteria.model import Area, CriteriaSet, Item
from parindex.criteria.rules import reads_back
from parindex.evidence.model import COLUMNS, YES_NO_PAIRS, Carried, EvidenceBook, EvidenceRow, is_blank
from parindex.evidence.parts import CONTENT
from parindex.scoring.engine import score_item

# The columns read from the filled workbook: what the unit typed, and what its template printed of each rule.
CARRY_COLUMNS = ("code", *CONTENT, "max", "rule")


def carry(cset: CriteriaSet, book: EvidenceBook, codes: Collection[str]) -> Carried:
    """The cells of `book` carried into a workbook of `cset` holding the items `codes` (all of them, or a lead
    agency's part), and what needs a second look: in the new set's order, then what the new workbook does not
    hold, in the filled workbook's order."""
    old = _item_rows(book)
    same_set = (book.info.get("criteria_id", "").strip() == cset.id
                and book.info.get("fingerprint", "").strip() == cset.fingerprint())
    cells: dict[str, dict[str, values.RawValue]] = {}
    review: list[Message] = []
    for area, item in cset.items():
        if item.code not in codes:
            continue
        row = old.get(item.code)
        if row is None:
            review.append(Message("PW470", {"set_id": cset.id}, item=item.code))
            continue
        cells[item.code], refused = _fitting(area, item, row, book.path)
        if not same_set and _content(row):  # an item left blank has nothing to look at again: its new rule shows
            review.extend(_changed(item, row, book.path))
        review.extend(refused)
    for code, row in old.items():  # what the new workbook cannot hold: named with all it held, never dropped
        if code not in cells:
            review.append(Message("PW471", {"held": _held(_content(row))}, _at(book.path, row, "code"), code))
    return Carried(cells, review)


def _item_rows(book: EvidenceBook) -> dict[str, EvidenceRow]:
    """The filled workbook's item rows: those with no row under them (a heading has its items below it)."""
    codes = list(book.rows)
    parents = {code.rsplit(".", 1)[0] for code in codes if "." in code}
    return {code: row for code, row in book.rows.items() if code not in parents}


def _content(row: EvidenceRow) -> dict[str, values.RawValue]:
    return {key: raw for key in CONTENT if not is_blank(raw := row.values.get(key))}


def _fitting(area: Area, item: Item, row: EvidenceRow, path: str) -> tuple[dict[str, values.RawValue], list[Message]]:
    """The row's cells the new item takes, read as scoring reads them, and one PW473 for each cell it refuses
    (after which the rest is read again: an N/A mark refused, the value behind it is read)."""
    cells = _content(row)
    refused: list[Message] = []
    while True:
        errors: list[Message] = []
        score_item(area, item, EvidenceRow(row.code, row.row, cells, row.columns), [], errors)
        if not errors:
            return cells, refused
        problem = errors[0]
        key = next((key for key in cells if row.ref(key) == problem.where), None)
        if key is None:  # said of no cell the row holds: nothing to leave out, and nothing guessed
            return cells, refused
        raw = cells.pop(key)
        refused.append(Message("PW473", {"column": COLUMNS[key], "value": _whole(raw),
                                         "reason": Message(problem.code, problem.params)},
                               _at(path, row, key), item.code))


def _changed(item: Item, row: EvidenceRow, path: str) -> Iterator[Message]:
    """PW472 when the filled workbook printed another maximum or a rule that is not the new one; PW474 when it
    printed neither, so that cannot be told."""
    printed, words = row.values.get("max"), row.values.get("rule")
    maximum = _number(printed)
    new_words = item.rule.words(item.max)
    if maximum is None or is_blank(words):
        yield Message("PW474", {}, _at(path, row, "rule" if row.ref("rule") else "code"), item.code)
    elif maximum != item.max or not _same_rule(str(words), item):
        yield Message("PW472", {"old_rule": _whole(words), "old_max": maximum, "new_rule": new_words,
                                "new_max": item.max}, _at(path, row, "rule"), item.code)


def _same_rule(words: str, item: Item) -> bool:
    """Whether printed words state the item's rule: read back as it (the words of every version), else written as
    the template writes it in either language, with any of the yes/no words its dropdown may have offered."""
    if reads_back(words, item.rule, item.max):
        return True
    written = {values.fold(item.rule.words(item.max, lang, answers), spaced=True)
               for lang in LANGS for answers in (None, *YES_NO_PAIRS)}
    return values.fold(words, spaced=True) in written


def _number(raw: values.RawValue) -> Decimal | None:
    try:
        return None if is_blank(raw) else values.parse_quantity(raw)
    except values.ValueProblem:
        return None


def _held(cells: dict[str, values.RawValue]) -> str | Message:
    """What a row held, column by column, as typed ('Kết quả: 95%; Tài liệu kiểm chứng: BC 12'), whole."""
    if not cells:
        return Message("ui.template.nothing_held")
    return "; ".join(f"{COLUMNS[key]}: {_whole(raw)}" for key, raw in cells.items())


def _whole(raw: values.RawValue) -> str:
    """A value as typed, text not cut short (what is not carried must be readable in full where it is named)."""
    return " ".join(values.clean_text(raw).split()) if isinstance(raw, str) else values.show(raw)


def _at(path: str, row: EvidenceRow, key: str) -> str:
    return f"{path} › {row.ref(key)}"
