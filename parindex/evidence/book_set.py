"""Which criteria set a workbook is read with (an adapter): `--criteria`, else the bundled set its *Thông tin*
names. One answer for `score`, `merge` and `progress`, so a workbook is matched to its set the same way by all."""

from __future__ import annotations

from parindex.common.errors import ParindexError
from parindex.criteria.model import CriteriaSet
from parindex.evidence.model import EvidenceBook


def criteria_of(book: EvidenceBook, criteria_ref: str | None,
                cache: dict[str, CriteriaSet] | None = None) -> CriteriaSet:
    """The set a workbook is to be read with: `--criteria`, else the bundled set it names (PS522, PS524);
    loaded once per id when a `cache` is given (a run over many workbooks)."""
    ref = criteria_ref or book.info.get("criteria_id", "").strip()
    if not ref:
        raise ParindexError("PS522", where=book.path)
    if cache is None:
        return _load(book, ref, bool(criteria_ref))
    if ref not in cache:
        cache[ref] = _load(book, ref, bool(criteria_ref))
    return cache[ref]


def _load(book: EvidenceBook, ref: str, given: bool) -> CriteriaSet:
    from parindex.criteria.files import load_bundled, load_criteria

    if given:
        return load_criteria(ref)
    try:
        return load_bundled(ref)
    except ParindexError as exc:
        if exc.code != "PE300":
            raise
        cell = book.info_refs.get("criteria_id")
        raise ParindexError("PS524", where=f"{book.path} › {cell}" if cell else book.path, set_id=ref) from None
