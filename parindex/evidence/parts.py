"""Parts of one unit's evidence, each filled by a lead agency, put back together
(pure; README: "Collecting from the lead agencies").

A part is an ordinary evidence workbook holding some of the set's items. Parts belong together when they
were made for the same criteria set (id and fingerprint), year and unit; each item is taken from the part
that holds it. An item filled in two parts with different content is a conflict naming both cells; the same
content twice is fine. Items no part holds are listed, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parindex.common.errors import ParindexError
from parindex.common.messages import Message
from parindex.common.unit_names import name_key
from parindex.common.values import RawValue, clean_text
from parindex.criteria.model import CriteriaSet, items_of
from parindex.evidence.model import EvidenceBook, EvidenceRow, is_blank

# What a lead agency enters for an item: carried by merge, compared for conflicts.
CONTENT = ("value", "not_applicable", "self_score", "evidence", "explanation", "appraised", "note")


@dataclass(frozen=True)
class Taken:
    """An item's row and the part it was taken from."""

    row: EvidenceRow
    book: EvidenceBook

    @property
    def source(self) -> str:
        """What `Nguồn số liệu` says: the part's file name, and its lead agency when it names one."""
        lead = self.book.info.get("lead", "").strip()
        name = Path(self.book.path).name
        return f"{name} ({lead})" if lead else name


@dataclass(frozen=True)
class Merged:
    rows: dict[str, Taken]  # item code → where it comes from, in the set's order
    uncovered: list[str]  # items no part holds
    conflicts: list[Message] = field(default_factory=list)  # PM813, one per item filled differently


def content(row: EvidenceRow) -> tuple[object, ...]:
    """What a row says, as compared between parts: text without its surrounding spaces, blanks as None."""
    return tuple(_same(row.values.get(key)) for key in CONTENT)


def _same(raw: RawValue) -> object:
    if is_blank(raw):
        return None
    return clean_text(raw).strip() if isinstance(raw, str) else raw


def is_filled(row: EvidenceRow) -> bool:
    return any(value is not None for value in content(row))


def check_parts(cset: CriteriaSet, books: Sequence[EvidenceBook]) -> None:
    """Refuse parts that do not belong together: made for another set (PM810), year (PM811) or unit (PM812),
    each named with the cell that says so, against the first part that says otherwise; and a part with a row
    whose code the set does not have (PM816), which merge could not place."""
    for book in books:
        book_id, book_fp = book.info.get("criteria_id", "").strip(), book.info.get("fingerprint", "").strip()
        if (book_id and book_id != cset.id) or (book_fp and book_fp != cset.fingerprint()):
            raise ParindexError("PM810", where=_at(book, "fingerprint"), book_id=book_id or "?",
                                book_fp=book_fp or "?", set_id=cset.id, set_fp=cset.fingerprint())
    known = cset.item_by_code().keys() | cset.group_codes
    for book in books:  # a row merge could not place would be lost without a word
        unknown = next((row for code, row in book.rows.items() if code not in known), None)
        if unknown is not None:
            raise ParindexError("PM816", where=f"{book.path} › {unknown.ref('code')}", item=unknown.code,
                                set_id=cset.id)
        _refuse_heading_content(cset, book)
    _same_everywhere(books, "year", "PM811", str.strip)
    level = said(books, "level") or cset.level
    _same_everywhere(books, "unit", "PM812", lambda text: name_key(text, level))


def _refuse_heading_content(cset: CriteriaSet, book: EvidenceBook) -> None:
    """PM831: what a lead agency typed on a criterion's heading row (1.1) — only items are scored and merged, so
    merge would drop it without a word."""
    for code, row in book.rows.items():
        if code not in cset.group_codes:
            continue
        key = next((key for key in CONTENT if _same(row.values.get(key)) is not None), None)
        if key is not None:
            group = next(g for g in cset.groups() if g.code == code)
            raise ParindexError("PM831", where=f"{book.path} › {row.ref(key) or row.ref('code')}", code=code,
                                value=_shown(row.values.get(key)),
                                items=", ".join(item.code for item in items_of(group)))


def refuse_without_fingerprint(cset: CriteriaSet, books: Sequence[EvidenceBook]) -> None:
    """PM830: a part whose fingerprint cell is blank or deleted cannot be shown to be made from this set (`score`
    warns, PS521); merged, it would get the set's fingerprint and pass every later check."""
    for book in books:
        if not book.info.get("fingerprint", "").strip():
            raise ParindexError("PM830", where=_at(book, "fingerprint"), set_id=cset.id)


def merged_among_parts(books: Sequence[EvidenceBook]) -> list[EvidenceBook]:
    """The workbooks `merge` wrote that sit among parts of their own unit (left in the parts' folder): read with
    them, their items would come in twice. A merged workbook alone, or beside other units' workbooks, is a unit's
    workbook like any other."""
    level = said(books, "level") or "province"
    with_parts = {name_key(book.info.get("unit", ""), level) for book in books if book.info.get("lead", "").strip()}
    return [book for book in books if book.merged and name_key(book.info.get("unit", ""), level) in with_parts]


def said(books: Sequence[EvidenceBook], key: str) -> str:
    """What the first book that fills `key` in its *Thông tin* says ('' when none does)."""
    return next((text for book in books if (text := book.info.get(key, "").strip())), "")


def _same_everywhere(books: Sequence[EvidenceBook], key: str, code: str, form: Callable[[str], str]) -> None:
    first: EvidenceBook | None = None
    for book in books:
        said = book.info.get(key, "").strip()
        if not said:
            continue  # a part that leaves it blank contradicts nothing
        if first is None:
            first = book
        elif form(said) != form(first.info[key].strip()):
            raise ParindexError(code, where=_at(book, key), value=said, first=f"{Path(first.path).name}",
                                first_value=first.info[key].strip())


def _at(book: EvidenceBook, key: str) -> str:
    cell = book.info_refs.get(key)
    return f"{book.path} › {cell}" if cell else book.path


def merge_parts(cset: CriteriaSet, books: Sequence[EvidenceBook]) -> Merged:
    """Each item of the set from the part that holds it: a filled row before a blank one, the first part
    before later ones; two filled rows that differ are a conflict."""
    rows: dict[str, Taken] = {}
    uncovered: list[str] = []
    conflicts: list[Message] = []
    for code in cset.item_by_code():
        held = [Taken(book.rows[code], book) for book in books if code in book.rows]
        filled = [taken for taken in held if is_filled(taken.row)]
        if not held:
            uncovered.append(code)
            continue
        rows[code] = filled[0] if filled else held[0]
        other = next((taken for taken in filled[1:] if content(taken.row) != content(filled[0].row)), None)
        if other is not None:
            conflicts.append(_conflict(code, filled[0], other))
    return Merged(rows, uncovered, conflicts)


def _conflict(code: str, first: Taken, second: Taken) -> Message:
    key = next(k for k in CONTENT if _same(first.row.values.get(k)) != _same(second.row.values.get(k)))
    return Message("PM813", {"first": f"{first.book.path} › {first.row.ref(key) or first.row.ref('code')}",
                             "second": f"{second.book.path} › {second.row.ref(key) or second.row.ref('code')}",
                             "first_value": _shown(first.row.values.get(key)),
                             "second_value": _shown(second.row.values.get(key))}, item=code)


def _shown(raw: RawValue) -> str:
    if is_blank(raw):
        return "–"
    text = clean_text(str(raw)).strip()
    return text if len(text) <= 60 else text[:59] + "…"
