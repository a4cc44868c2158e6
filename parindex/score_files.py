"""From workbook paths to unit scores: find the files, pick the criteria set, refuse mismatches."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from parindex.criteria import CriteriaSet
from parindex.errors import ParindexError
from parindex.evidence import EvidenceBook
from parindex.scoring import Notice, UnitScore, score_book

PARALLEL_FROM = 8  # below this, starting worker processes costs more than it saves


def collect_workbooks(paths: list[Path]) -> list[Path]:
    """Files as given; a folder stands for the .xlsx files in it (sorted; Excel lock files skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.glob("*.xlsx") if not p.name.startswith("~$"))
            if not inside:
                raise ParindexError("PS523", path=str(path))
            found.extend(inside)
        else:
            found.append(path)
    return found


def read_books(paths: list[Path]) -> Iterator[tuple[Path, EvidenceBook]]:
    """Each workbook read, in order. Many workbooks are read by worker processes, one per CPU, while this
    process scores: reading (unzip, XML, calamine) is most of the work and the cores are otherwise idle."""
    from parindex.workbook_reader import read_evidence

    workers = min(4, os.cpu_count() or 1)
    if len(paths) < PARALLEL_FROM or workers < 2:
        for path in paths:
            yield path, read_evidence(path)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method), initializer=_ignore_ctrl_c)
    try:
        for path, result in zip(paths, pool.map(_read_or_error, paths, chunksize=8), strict=True):
            if isinstance(result, ParindexError):
                raise result
            yield path, result
    finally:  # an error, Ctrl-C or a consumer that stops: drop the queued reads instead of waiting for them
        pool.shutdown(wait=False, cancel_futures=True)


def _ignore_ctrl_c() -> None:
    """Workers leave Ctrl-C to the main process, which stops the run and says so (no worker tracebacks)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _read_or_error(path: Path) -> EvidenceBook | ParindexError:
    from parindex.workbook_reader import read_evidence

    try:
        return read_evidence(path)
    except ParindexError as exc:  # carried back to the parent, which raises it in file order
        return exc


def score_workbook(path: Path, criteria_ref: str | None, cache: dict[str, CriteriaSet],
                   book: EvidenceBook | None = None) -> UnitScore:
    """Read (unless given), match to its criteria set (the workbook's own id unless --criteria), and score."""
    from parindex.criteria_files import load_criteria
    from parindex.workbook_reader import read_evidence

    book = book if book is not None else read_evidence(path)
    ref = criteria_ref or book.info.get("criteria_id", "").strip()
    if not ref:
        raise ParindexError("PS522", where=str(path))
    if ref not in cache:
        try:
            cache[ref] = load_criteria(ref)
        except ParindexError as exc:
            if exc.code != "PE300" or criteria_ref:
                raise
            raise ParindexError("PS524", where=_at(path, book.info_refs.get("criteria_id")),
                                set_id=ref) from None
    cset = cache[ref]
    year = book.info.get("year", "").strip()
    if year.isdigit() and int(year) not in cset.years:
        raise ParindexError("PW412", where=_at(path, book.info_refs.get("year")), id=cset.id,
                            years=", ".join(map(str, cset.years)), year=year)
    book_fp = book.info.get("fingerprint", "").strip()
    book_id = book.info.get("criteria_id", "").strip()
    if (book_fp and book_fp != cset.fingerprint()) or (book_id and book_id != cset.id):
        raise ParindexError("PS520", where=_at(path, book.info_refs.get("fingerprint")), book_id=book_id or "?",
                            book_fp=book_fp or "?",
                            set_id=cset.id, set_fp=cset.fingerprint())
    unit = score_book(cset, book)
    if not book_fp:
        unit.warnings.insert(0, Notice("PS521", None, str(path), {"set_id": cset.id}))
    return unit


def _at(path: Path, cell: str | None) -> str:
    """`FILE › Thông tin!B4`, or just the file when the cell is not known."""
    return f"{path} › {cell}" if cell else str(path)
