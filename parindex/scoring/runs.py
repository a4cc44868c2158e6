"""From workbook paths to unit scores: find the files, pick the criteria set, refuse mismatches, use the CPUs."""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from parindex.common.errors import ParindexError
from parindex.common.messages import Message
from parindex.criteria.model import CriteriaSet
from parindex.evidence.model import EvidenceBook
from parindex.io.input_files import FileIdentity, not_found, resolve_path
from parindex.scoring.engine import Shared, UnitScore, UnitTotals, identity, score_book
from parindex.scoring.run_plan import Entry, RunPlan, SurveyMatch, plan_run

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

R = TypeVar("R")
T = TypeVar("T")

PARALLEL_FROM = 8  # below this, starting worker processes costs more than it saves


def _scratch(path: Path) -> bool:
    """Excel's lock file of an open workbook (~$so.xlsx) or a Mac's resource file (._so.xlsx): not workbooks."""
    return path.name.startswith(("~$", "._"))


# Spreadsheets an officer may leave in a folder that `score` cannot read: named, so none is missed silently.
OTHER_SPREADSHEETS = (".ods", ".xls", ".xlsm", ".xlsb", ".csv", ".fods")


class Collected(NamedTuple):
    workbooks: list[Path]  # as given, in order, each once
    not_read: list[Path]  # spreadsheets in the given folders that are not .xlsx
    folders_not_read: tuple[Path, ...] = ()  # folders inside the given ones that hold .xlsx files: not entered

    @property
    def parts(self) -> list[Path]:
        """Every spreadsheet to read as one unit's parts: a part saved as .ods or .xls is read, and refused by
        name, rather than left out (`score` can skip a unit and say so; a merge without a part loses its items)."""
        return [*self.workbooks, *self.not_read]

    def without(self, *paths: Path | None) -> Collected:
        """Less the files the run reads for another purpose (survey tables, the list of units) that the user
        keeps in the units' folder."""
        resolved = {resolve_path(path) for path in paths if path is not None}
        if not resolved:
            return self
        return self._replace(workbooks=[p for p in self.workbooks if resolve_path(p) not in resolved])


def collect_workbooks(paths: list[Path], output: Path | None = None) -> Collected:
    """Files as given; a folder stands for the .xlsx files in it (sorted). Lock files are skipped everywhere:
    `*.xlsx` in a shell matches the ~$ file of a workbook open in Excel.

    Every file is checked to exist before any is read, and a file named twice is read once. The output
    (`output`) may be none of them, named or found in a folder (PS525): it would replace a workbook. Only
    last run's report, found in the folder as the output again, is left out (to be replaced with --force)."""
    # resolved → as given, in order; keyed by text, not by the resolved Path: Python 3.11's pathlib interns each part
    # of a path it parses, and a folder's names kept interned all at once grow the interpreter's table of them
    found: dict[str, Path] = {}
    not_read: list[Path] = []
    folders: list[Path] = []
    is_output = FileIdentity(output)  # resolved once, not once per workbook
    for path in paths:
        if path.is_dir():
            entries, inner = _folder(path)
            folders += inner
            inside = [p for p in entries if p.suffix.lower() == ".xlsx"]
            others = [p for p in entries if p.suffix.lower() in OTHER_SPREADSHEETS and not is_output.matches(p)]
            not_read += others
            if not inside:
                raise ParindexError("PS523", path=str(path), others=_others(others) + subfolders_said(inner))
        elif not path.exists():
            raise not_found(path)
        else:
            inside = [] if _scratch(path) else [path]
        for workbook in inside:
            resolved = resolve_path(workbook)
            if is_output.matches(workbook, resolved):
                if path.is_dir() and _is_report(workbook):  # last run's report, rewritten with --force
                    continue
                raise ParindexError("PS525", path=str(workbook))
            found.setdefault(os.path.normcase(resolved), workbook)
    if not found:  # only lock files were named
        raise ParindexError("PS523", path=", ".join(map(str, paths)), others="")
    return Collected(list(found.values()), not_read, tuple(folders))


def _folder(path: Path) -> tuple[list[Path], list[Path]]:
    """The files of a folder (sorted; no scratch files) and the folders in it that hold .xlsx files (one level down:
    not entered, but named). A workbook's name on what is not a file — a pipe, a device, a link to nothing or in a
    loop — is refused as it would be named on the line: a unit is never left out unsaid."""
    files: list[Path] = []
    folders: list[Path] = []
    with os.scandir(path) as listing:
        for entry in listing:
            if entry.name.startswith(("~$", "._")):
                continue
            kind = _kind(entry)
            if kind == "file":
                files.append(Path(entry.path))
            elif kind == "folder":
                if _holds_workbooks(entry.path):
                    folders.append(Path(entry.path))
            elif entry.name.lower().endswith(".xlsx"):
                raise _unreadable(Path(entry.path))
    return sorted(files), sorted(folders)


def _kind(entry: os.DirEntry[str]) -> str:
    """'file', 'folder' or 'other' (a pipe, a device, a link to nothing or in a loop), links followed."""
    try:
        return "file" if entry.is_file() else "folder" if entry.is_dir() else "other"
    except OSError:  # a link in a loop, on some systems
        return "other"


def _holds_workbooks(folder: str) -> bool:
    try:
        with os.scandir(folder) as listing:
            return any(entry.name.lower().endswith(".xlsx") and not entry.name.startswith(("~$", "._"))
                       for entry in listing)
    except OSError:  # not ours to enter: nothing said of it
        return False


def _unreadable(path: Path) -> ParindexError:
    """Why a folder's entry named like a workbook cannot be read: not there (a link to nothing), a loop (PE300,
    PE303: `not_found`), or not a regular file (PE307)."""
    return not_found(path) if not path.exists() else ParindexError("PE307", path=str(path))


def _is_report(path: Path) -> bool:
    from parindex.evidence.reader import is_report

    return is_report(path)


def subfolders_said(folders: list[Path] | tuple[Path, ...]) -> str:
    """' Not scored: the subfolders …' naming `folders` by their names, or nothing."""
    from parindex.common.i18n import t

    return " " + t("ui.score.subfolders", folders=", ".join(folder.name for folder in folders)) if folders else ""


def _others(files: list[Path]) -> str:
    from parindex.common.i18n import t

    return " " + t("ui.score.not_xlsx", files=", ".join(p.name for p in files)) if files else ""


@dataclass(frozen=True)
class Skipped:
    """A workbook in the run that is a report parindex wrote (an earlier `score -o r.xlsx`), not a unit's."""

    path: Path


class OpenedRun(NamedTuple):
    """A run checked and matched (`plan`), with what scoring it needs: its workbooks (reports left out), each one's
    survey row beside it, and the sets already loaded."""

    plan: RunPlan
    paths: list[str]  # as given: a string a workbook, lighter than a Path kept for every unit of the run
    surveys: list[SurveyMatch | None]
    skipped: list[Skipped]
    sets: dict[str, CriteriaSet]
    merged: list[Path]  # workbooks `merge` wrote, found in a folder among their own parts: skipped


def open_run(paths: list[Path], criteria_ref: str | None, survey_paths: tuple[Path, ...] = (),
             previous_paths: tuple[Path, ...] = (), together: tuple[str, ...] = (),
             named: frozenset[Path] = frozenset()) -> OpenedRun:
    """Last year's results (through the result contract), the survey tables and each workbook's Thông tin read,
    then matched and checked by `run_plan.plan_run`: a run that does not fit is refused before anything is
    scored. `named`: the files named one by one (`input_files.named_files`), never skipped as a merged workbook."""
    for value in together:  # each "Phường,Xã": two blocks or more
        if "," not in value.strip(", "):
            raise ParindexError("PC732", value=value)
    previous = None
    if previous_paths:  # read through the result contract, whose models only this needs
        from parindex.scoring.previous import read_previous

        previous = [row for path in previous_paths for row in read_previous(path)]
    surveys = []
    if survey_paths:
        from parindex.evidence.survey import read_survey

        surveys = [read_survey(path) for path in survey_paths]
    sets: dict[str, CriteriaSet] = {}
    entries, skipped, merged = read_entries(paths, criteria_ref, sets, named)
    plan = plan_run(entries, surveys, previous, together)
    return OpenedRun(plan, [entry.source for entry in entries],
                     [plan.survey_of(entry.source) for entry in entries], skipped, sets, merged)


def read_entries(paths: list[Path], criteria_ref: str | None, cache: dict[str, CriteriaSet],
                 named: frozenset[Path] = frozenset()) -> tuple[list[Entry], list[Skipped], list[Path]]:
    """Each workbook's Thông tin, with the set it is read with and checked against it (year, level, fingerprint):
    what `run_plan.plan_run` matches and checks before anything is scored. A report parindex wrote is skipped, and
    so is a workbook `merge` wrote left among its own parts (`parts.merged_among_parts`) unless `named`."""
    from parindex.evidence.parts import merged_among_parts
    from parindex.evidence.reader import read_info_book

    books: list[EvidenceBook] = []
    skipped: list[Skipped] = []
    alike: dict[object, Any] = {}
    for path in paths:
        try:
            books.append(_alike(read_info_book(Path(os.fspath(path))), alike))  # a new Path: see collect_workbooks
        except ParindexError as exc:
            if exc.code == "PW420" and _is_report(path):  # no Thông tin: an earlier report left in the folder?
                skipped.append(Skipped(path))
                continue
            raise
    left = {id(book) for book in merged_among_parts(books) if Path(book.path).resolve() not in named}
    merged = [Path(book.path) for book in books if id(book) in left]
    entries: list[Entry] = []
    books.reverse()
    while books:  # each book let go as its entry is made: never every book and every entry at once
        book = books.pop()
        if id(book) not in left:
            cset = checked_set(book, criteria_ref, cache)
            who = identity(cset, book)
            entries.append(Entry(book.path, *who._replace(block=alike.setdefault(who.block, who.block)), cset,
                                 book.info_refs))
    return entries, skipped, merged


def _alike(book: EvidenceBook, alike: dict[object, Any]) -> EvidenceBook:
    """The book with each Thông tin text that workbooks say alike (year, level, set, fingerprint, block…) as one
    string a run holds, and its cells as one dict where they are alike: a thousand workbooks' Thông tin, held at
    once to be matched, then cost little more than their names."""
    info = {key: value if key == "unit" else alike.setdefault(value, value) for key, value in book.info.items()}
    return replace(book, info=info, info_refs=alike.setdefault(tuple(book.info_refs.items()), book.info_refs))


def score_many(paths: Sequence[Path | str], criteria_ref: str | None, render: Callable[[UnitScore], R],
               surveys: list[SurveyMatch | None] | None = None,
               cache: dict[str, CriteriaSet] | None = None) -> Iterator[tuple[R, UnitTotals] | Skipped]:
    """Each workbook read, scored with its row of the survey tables (`surveys`, beside `paths`; None: no table) and
    rendered (`render`, e.g. one unit's JSON), with its totals, in file order; a report parindex wrote comes back as
    `Skipped`. `cache`: the sets already loaded (by `read_entries`).

    Many workbooks are handled by worker processes, one per CPU: reading and scoring are nearly all the
    work, and a worker sends back only the rendered text and the totals, so this process keeps little per
    unit and the output can be streamed. `render` must be picklable (a module-level function or a partial)."""
    matches = surveys if surveys is not None else [None] * len(paths)
    workers = min(4, _cpus())
    kept = _Kept()  # the totals kept for the ranking share what units hold alike: memory flat in the number of units
    if len(paths) < PARALLEL_FROM or workers < 2:
        sets = cache if cache is not None else {}
        for path, match in zip(paths, matches, strict=True):
            yield kept(_score_or_skip(path, criteria_ref, render, sets, match), path)
        return
    import multiprocessing
    import shutil
    import tempfile
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from parindex.common.i18n import current_lang

    _worker_sets.update(cache or {})  # forked workers start with the sets this process loaded
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    reading = Path(tempfile.mkdtemp(prefix="parindex-"))  # each worker's file being read, should it stop abruptly
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method), initializer=_start_worker,
                               initargs=(current_lang(), reading))
    try:
        results = _in_order(pool, paths, matches, criteria_ref, render, workers)
        try:
            for path, result in zip(paths, results, strict=True):
                if isinstance(result, ParindexError):
                    raise result
                yield kept(result, path)
        except BrokenProcessPool:  # a worker killed (out of memory) or aborted by a native library
            raise ParindexError("PS529", path=_being_read(reading)) from None
    finally:  # an error, Ctrl-C or a consumer that stops: drop the queued work, wait only for what runs
        # (wait=False races the pool's own shutdown on Python < 3.12.8 and can print a traceback at exit)
        pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(reading, ignore_errors=True)


class _Kept:
    """What this process keeps of each unit scored: its totals with one object for what units hold alike (`Shared`;
    their lists of areas and adjustments too, never changed once scored) and its path as the run already holds it,
    rather than the copies each worker's result arrives with."""

    def __init__(self) -> None:
        self.shared = Shared()
        self.lists: dict[tuple[object, ...], list[Any]] = {}

    def __call__(self, result: tuple[R, UnitTotals] | Skipped, path: Path | str) -> tuple[R, UnitTotals] | Skipped:
        if isinstance(result, Skipped):
            return result
        totals = self.shared.totals(result[1])
        source = os.fspath(path)
        return result[0], replace(totals, areas=self._one("areas", totals.areas),
                                  adjustments=self._one("adjustments", totals.adjustments),
                                  source=source if source == totals.source else totals.source)

    def _one(self, kind: str, shared: list[T]) -> list[T]:
        """One list for every unit whose list holds the same shared objects (`Shared` keeps them: ids stay)."""
        return self.lists.setdefault((kind, *map(id, shared)), shared)


def _being_read(reading: Path) -> str:
    """The files the workers were reading when one of them stopped (each worker notes its file in `reading`)."""
    found = sorted(os.fsdecode(marker.read_bytes()) for marker in reading.iterdir() if marker.stat().st_size)
    return ", ".join(found) or "?"


CHUNK = 16  # files per task: sending tasks and results (pickled, through a pipe) is paid per chunk, not per file
AHEAD = 2  # chunks per worker sent ahead of the one being taken: each worker always has the next at hand


def _in_order(pool: Executor, paths: Sequence[Path | str], matches: Sequence[SurveyMatch | None],
              criteria_ref: str | None, render: Callable[[UnitScore], R],
              workers: int) -> Iterator[tuple[R, UnitTotals] | Skipped | ParindexError]:
    """Each file's result in file order, scored `CHUNK` files a task with at most `AHEAD` tasks per worker sent
    ahead: a chunk is sent as one is taken, so the results waiting in this process are bounded by the window, not
    by the number of files, however slowly the output they go to is written (an xlsx writer's rows)."""
    starts = iter(range(0, len(paths), CHUNK))
    pending: deque[Future[list[tuple[R, UnitTotals] | Skipped | ParindexError]]] = deque()

    def send(count: int) -> None:
        for start in islice(starts, count):
            pending.append(pool.submit(_score_chunk, paths[start:start + CHUNK], matches[start:start + CHUNK],
                                       criteria_ref, render))

    # Forked workers share this process's objects until they write to them; frozen, they are left out of the
    # workers' collections, which would otherwise write to every one of them (the gc module's advice for fork)
    gc.freeze()
    try:
        send(workers * AHEAD)  # workers fork here
    finally:
        gc.unfreeze()
    while pending:
        done = pending.popleft().result()
        send(1)
        yield from done


def _score_chunk(paths: Sequence[Path | str], matches: Sequence[SurveyMatch | None], criteria_ref: str | None,
                 render: Callable[[UnitScore], R]) -> list[tuple[R, UnitTotals] | Skipped | ParindexError]:
    return [_score_or_error(path, match, criteria_ref, render) for path, match in zip(paths, matches, strict=True)]


def _cpus() -> int:
    """The CPUs this process may use (a container or `taskset` may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


_worker_sets: dict[str, CriteriaSet] = {}  # a worker's criteria sets, loaded once per process
_worker_note: list[Path] = []  # where a worker notes the file it reads (one file per worker)


def _start_worker(lang: str, reading: Path) -> None:
    """Workers speak the run's language, leave Ctrl-C to the main process, which stops the run and says so (no
    worker tracebacks), are ended by SIGTERM, end with the main process (`_end_with_parent`), and note the file
    each reads in `reading` (named should the worker stop abruptly)."""
    import signal

    from parindex.common.i18n import set_lang

    gc.enable()  # the command's main process runs without collecting (cli.app.main); a worker scores many files
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the main process's (cli.app): a pool ends its workers so
    set_lang(lang)
    _worker_note.append(reading / str(os.getpid()))
    _end_with_parent()


PARENT_POLL_SECONDS = 0.2


def _end_with_parent() -> None:
    """A worker writes nothing to the screen, so it lets go of the output at once: a caller reading the command's
    output sees its end when the main process ends, even killed outright (kill -9). And it ends itself within
    `PARENT_POLL_SECONDS` of that: the pool's pipes never close while the other workers hold them, so a worker
    waiting for work would wait for ever (POSIX; a killed parent leaves its children to another)."""
    import threading
    import time

    if os.name != "posix":
        return
    with open(os.devnull, "wb") as sink:
        for stream in (1, 2):
            os.dup2(sink.fileno(), stream)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parindex-parent-watch", daemon=True).start()


def _score_or_error(path: Path | str, survey: SurveyMatch | None, criteria_ref: str | None,
                    render: Callable[[UnitScore], R]) -> tuple[R, UnitTotals] | Skipped | ParindexError:
    note = _worker_note[-1] if _worker_note else None
    if note is not None:  # named by the main process if this worker stops abruptly while reading it
        note.write_bytes(os.fsencode(path))
    try:
        return _score_or_skip(path, criteria_ref, render, _worker_sets, survey)
    except ParindexError as exc:  # carried back to the parent, which raises it in file order
        return exc
    finally:
        if note is not None:
            note.write_bytes(b"")


def _score_or_skip(given: Path | str, criteria_ref: str | None, render: Callable[[UnitScore], R],
                   cache: dict[str, CriteriaSet], survey: SurveyMatch | None = None) -> tuple[R, UnitTotals] | Skipped:
    path = Path(given)
    try:
        unit = score_workbook(path, criteria_ref, cache, survey)
    except ParindexError as exc:
        # a workbook without the evidence sheets may be an earlier report left in the folder: asked only then
        if exc.code == "PW420" and _is_report(path):
            return Skipped(path)
        raise
    return render(unit), unit.totals()


def score_workbook(path: Path, criteria_ref: str | None, cache: dict[str, CriteriaSet],
                   survey: SurveyMatch | None = None) -> UnitScore:
    """Read, match to its criteria set (the workbook's own id unless --criteria), and score with its row of the
    survey tables (`survey`, found by `run_plan`; None: no table given)."""
    from parindex.evidence.reader import read_evidence

    book = read_evidence(path)
    cset = checked_set(book, criteria_ref, cache)
    if survey is None:
        unit = score_book(cset, book)
    else:  # without its row, the tables it is missing from: the engine leaves it unranked (PS547)
        unit = score_book(cset, book, survey.row.values if survey.row else None, survey.table or survey.tables)
    if not book.info.get("fingerprint", "").strip():
        unit.warnings.insert(0, Message("PS521", {"set_id": cset.id}, str(path)))
    return unit


def checked_set(book: EvidenceBook, criteria_ref: str | None, cache: dict[str, CriteriaSet]) -> CriteriaSet:
    """The set the workbook is read with, refused when the workbook is of a year (PW412) or a level (PS542) the set
    is not for, or was made from another set (PS520)."""
    from parindex.evidence.book_set import criteria_of

    path = book.path
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
    return cset


def _at(path: Path | str, cell: str | None) -> str:
    """`FILE › Thông tin!B4`, or just the file when the cell is not known."""
    return f"{path} › {cell}" if cell else str(path)
