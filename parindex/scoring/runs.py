"""From workbook paths to unit scores: find the files, pick the criteria set, refuse mismatches, use the CPUs."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from parindex.common.errors import ParindexError
from parindex.common.messages import Message
from parindex.criteria.model import CriteriaSet
from parindex.evidence.model import Cell, SurveyTable
from parindex.io.input_files import FileIdentity
from parindex.scoring.engine import UnitScore, UnitTotals, score_book

if TYPE_CHECKING:
    from parindex.scoring.ranking import PreviousRow, Ranking

R = TypeVar("R")
# The province's survey tables (`score --survey`, one per block as offices keep them); a unit's row is looked up in
# each; None: no table given.
Surveys = SurveyTable | tuple[SurveyTable, ...] | None

PARALLEL_FROM = 8  # below this, starting worker processes costs more than it saves


def _scratch(path: Path) -> bool:
    """Excel's lock file of an open workbook (~$so.xlsx) or a Mac's resource file (._so.xlsx): not workbooks."""
    return path.name.startswith(("~$", "._"))


# Spreadsheets an officer may leave in a folder that `score` cannot read: named, so none is missed silently.
OTHER_SPREADSHEETS = (".ods", ".xls", ".xlsm", ".xlsb", ".csv", ".fods")


class Collected(NamedTuple):
    workbooks: list[Path]  # as given, in order, each once
    not_read: list[Path]  # spreadsheets in the given folders that are not .xlsx

    @property
    def parts(self) -> list[Path]:
        """Every spreadsheet to read as one unit's parts: a part saved as .ods or .xls is read, and refused by
        name, rather than left out (`score` can skip a unit and say so; a merge without a part loses its items)."""
        return [*self.workbooks, *self.not_read]

    def without(self, *paths: Path | None) -> Collected:
        """Less the files the run reads for another purpose (survey tables, the list of units) that the user
        keeps in the units' folder."""
        resolved = {path.resolve() for path in paths if path is not None}
        return Collected([p for p in self.workbooks if p.resolve() not in resolved], self.not_read)


def collect_workbooks(paths: list[Path], output: Path | None = None) -> Collected:
    """Files as given; a folder stands for the .xlsx files in it (sorted). Lock files are skipped everywhere:
    `*.xlsx` in a shell matches the ~$ file of a workbook open in Excel.

    Every file is checked to exist before any is read, and a file named twice is read once. The output
    (`output`) may be none of them, named or found in a folder (PS525): it would replace a workbook. Only
    last run's report, found in the folder as the output again, is left out (to be replaced with --force)."""
    found: dict[Path, Path] = {}  # resolved → as given, in order
    not_read: list[Path] = []
    is_output = FileIdentity(output)  # resolved once, not once per workbook
    for path in paths:
        if path.is_dir():
            entries = sorted(p for p in path.iterdir() if not _scratch(p) and p.is_file())
            inside = [p for p in entries if p.suffix.lower() == ".xlsx"]
            others = [p for p in entries if p.suffix.lower() in OTHER_SPREADSHEETS and not is_output.matches(p)]
            not_read += others
            if not inside:
                raise ParindexError("PS523", path=str(path), others=_others(others))
        elif not path.exists():
            raise ParindexError("PE300", path=str(path))
        else:
            inside = [] if _scratch(path) else [path]
        for workbook in inside:
            resolved = workbook.resolve()
            if is_output.matches(workbook, resolved):
                if path.is_dir() and _is_report(workbook):  # last run's report, rewritten with --force
                    continue
                raise ParindexError("PS525", path=str(workbook))
            found.setdefault(resolved, workbook)
    if not found:  # only lock files were named
        raise ParindexError("PS523", path=", ".join(map(str, paths)), others="")
    return Collected(list(found.values()), not_read)


def _is_report(path: Path) -> bool:
    from parindex.evidence.reader import is_report

    return is_report(path)


def _others(files: list[Path]) -> str:
    from parindex.common.i18n import t

    return " " + t("ui.score.not_xlsx", files=", ".join(p.name for p in files)) if files else ""


@dataclass(frozen=True)
class Skipped:
    """A workbook in the run that is a report parindex wrote (an earlier `score -o r.xlsx`), not a unit's."""

    path: Path


def score_many(paths: list[Path], criteria_ref: str | None, render: Callable[[UnitScore], R],
               survey: Surveys = None) -> Iterator[tuple[R, UnitTotals] | Skipped]:
    """Each workbook read, scored and rendered (`render`, e.g. one unit's JSON), with its totals, in file order;
    a report parindex wrote comes back as `Skipped`.

    Many workbooks are handled by worker processes, one per CPU: reading and scoring are nearly all the
    work, and a worker sends back only the rendered text and the totals, so this process keeps little per
    unit and the output can be streamed. `render` must be picklable (a module-level function or a partial)."""
    workers = min(4, _cpus())
    if len(paths) < PARALLEL_FROM or workers < 2:
        cache: dict[str, CriteriaSet] = {}
        for path in paths:
            yield _score_or_skip(path, criteria_ref, render, cache, survey)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from parindex.common.i18n import current_lang

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method), initializer=_start_worker,
                               initargs=(current_lang(),))
    task = partial(_score_or_error, criteria_ref=criteria_ref, render=render, survey=survey)
    try:
        # Forked workers share this process's objects until they write to them; frozen, they are left out of the
        # workers' collections, which would otherwise write to every one of them (the gc module's advice for fork)
        gc.freeze()
        try:
            results = pool.map(task, paths, chunksize=_chunksize(len(paths), workers))  # the workers fork here
        finally:
            gc.unfreeze()
        for result in results:
            if isinstance(result, ParindexError):
                raise result
            yield result
    finally:  # an error, Ctrl-C or a consumer that stops: drop the queued work, wait only for what runs
        # (wait=False races the pool's own shutdown on Python < 3.12.8 and can print a traceback at exit)
        pool.shutdown(wait=True, cancel_futures=True)


def _chunksize(files: int, workers: int) -> int:
    """Files per task sent to a worker: about four tasks per worker, so that sending tasks and results (pickled,
    through a pipe) is paid per chunk rather than per file, while the last chunks still even out the workers."""
    return max(8, min(64, files // (workers * 4)))


def _cpus() -> int:
    """The CPUs this process may use (a container or `taskset` may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


_worker_sets: dict[str, CriteriaSet] = {}  # a worker's criteria sets, loaded once per process


def _start_worker(lang: str) -> None:
    """Workers speak the run's language, and leave Ctrl-C to the main process, which stops the run and
    says so (no worker tracebacks)."""
    import signal

    from parindex.common.i18n import set_lang

    gc.enable()  # the command's main process runs without collecting (cli.app.main); a worker scores many files
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    set_lang(lang)


def _score_or_error(path: Path, criteria_ref: str | None, render: Callable[[UnitScore], R],
                    survey: Surveys = None) -> tuple[R, UnitTotals] | Skipped | ParindexError:
    try:
        return _score_or_skip(path, criteria_ref, render, _worker_sets, survey)
    except ParindexError as exc:  # carried back to the parent, which raises it in file order
        return exc


def _score_or_skip(path: Path, criteria_ref: str | None, render: Callable[[UnitScore], R],
                   cache: dict[str, CriteriaSet], survey: Surveys = None) -> tuple[R, UnitTotals] | Skipped:
    try:
        unit = score_workbook(path, criteria_ref, cache, survey)
    except ParindexError as exc:
        # a workbook without the evidence sheets may be an earlier report left in the folder: asked only then
        if exc.code == "PW420" and _is_report(path):
            return Skipped(path)
        raise
    return render(unit), unit.totals()


def refuse_second_workbook(units: dict[str, tuple[str, bool]], totals: UnitTotals) -> None:
    """PS526 when `totals` is a unit already seen (names compared as `gap` compares them: a copy e-mailed twice,
    `so-tu-phap (1).xlsx`, must not be ranked against itself); PS527 when they are lead agencies' parts, which
    `merge` assembles. `units`: the unit's name as compared → its workbook, and whether it is a part."""
    from parindex.common.unit_names import name_key

    key = name_key(totals.unit, totals.level)
    if key in units:
        first, part = units[key]
        code = "PS527" if part or totals.part_of else "PS526"  # parts of one workbook: merge them, then score
        raise ParindexError(code, unit=totals.unit, first=first, second=totals.source)
    units[key] = (totals.source, bool(totals.part_of))


def ranker(previous: Sequence[Path] = (), together: Sequence[str] = ()) -> Callable[[list[UnitTotals]], Ranking]:
    """How the run's units will be ranked: blocks grouped as `together` says (each "Phường,Xã"), compared with last
    year's files. Both are checked, and last year's files read, before any workbook is."""
    for value in together:
        if "," not in value.strip(", "):
            raise ParindexError("PC732", value=value)
    rows = None
    if previous:  # read through the result contract, whose models only this needs
        from parindex.scoring.previous import read_previous

        rows = [row for path in previous for row in read_previous(path)]
    return partial(_rank, tuple(together), rows)


def _rank(groups: tuple[str, ...], previous: list[PreviousRow] | None, totals: list[UnitTotals]) -> Ranking:
    from parindex.scoring.ranking import UnknownBlock, build_ranking

    try:
        return build_ranking(totals, groups, previous)
    except UnknownBlock as missing:  # only `together`'s names: any other KeyError is a fault, not the user's
        blocks = ", ".join(dict.fromkeys(unit.block for unit in totals))
        raise ParindexError("PC731", name=missing.args[0], blocks=blocks) from None


def score_workbook(path: Path, criteria_ref: str | None, cache: dict[str, CriteriaSet],
                   survey: Surveys = None) -> UnitScore:
    """Read, match to its criteria set (the workbook's own id unless --criteria) and to its row of the survey
    table, and score."""
    from parindex.evidence.book_set import criteria_of
    from parindex.evidence.reader import read_evidence

    book = read_evidence(path)
    cset = criteria_of(book, criteria_ref, cache)
    year = book.info.get("year", "").strip()
    if year.isdigit() and int(year) not in cset.years:
        from parindex.criteria.decisions import decision_note

        raise ParindexError("PW412", where=_at(path, book.info_refs.get("year")), id=cset.id,
                            years=", ".join(map(str, cset.years)), year=year,
                            decision=decision_note(int(year), cset.level))
    level = book.info.get("level", "").strip()
    if level and level != cset.level:  # a department's workbook would be ranked among communes
        raise ParindexError("PS542", where=_at(path, book.info_refs.get("level")), book_level=level,
                            set_id=cset.id, set_level=cset.level)
    book_fp = book.info.get("fingerprint", "").strip()
    book_id = book.info.get("criteria_id", "").strip()
    if (book_fp and book_fp != cset.fingerprint()) or (book_id and book_id != cset.id):
        raise ParindexError("PS520", where=_at(path, book.info_refs.get("fingerprint")), book_id=book_id or "?",
                            book_fp=book_fp or "?",
                            set_id=cset.id, set_fp=cset.fingerprint())
    tables = (survey,) if isinstance(survey, SurveyTable) else survey or ()
    if not tables:
        unit = score_book(cset, book)
    else:
        name = book.info.get("unit", "").strip() or str(path)
        level = book.info.get("level", "").strip() or cset.level
        found = next(((table, rows) for table in tables
                      if (rows := survey_results(table, cset, name, level)) is not None), None)
        unit = score_book(cset, book, found[1] if found else None, found[0].path if found else "")
        if found is None:
            paths = ", ".join(table.path for table in tables)
            unit.warnings.insert(0, Message("PS547", {"unit": name, "path": paths}, str(path)))
    if not book_fp:
        unit.warnings.insert(0, Message("PS521", {"set_id": cset.id}, str(path)))
    return unit


def survey_results(survey: SurveyTable, cset: CriteriaSet, unit: str, level: str) -> dict[str, Cell] | None:
    """The unit's row of the survey table, matched by name as `gap` matches names (None: it has no row).

    Every column must be a survey or SIPAS item of the set (PS546) — checked for the table that has the unit's row,
    so a department's table and a commune's may be given together; two rows for one unit are refused (PS545)."""
    from parindex.common.unit_names import name_key

    key = name_key(unit, level)
    rows = [row for row in survey.rows if name_key(row.unit, level) == key]
    if not rows:
        return None
    items = cset.item_by_code()
    for code in survey.codes:
        if code not in items or not items[code].is_survey:
            raise ParindexError("PS546", where=f"{survey.path} › {survey.code_refs.get(code, '')}", code=code,
                                set_id=cset.id)
    if len(rows) > 1:
        raise ParindexError("PS545", where=f"{survey.path} › {rows[1].ref}", unit=unit, first=rows[0].ref,
                            second=rows[1].ref)
    return rows[0].values if rows else None


def _at(path: Path, cell: str | None) -> str:
    """`FILE › Thông tin!B4`, or just the file when the cell is not known."""
    return f"{path} › {cell}" if cell else str(path)
