"""parindex in Python (README: "parindex in Python"): score workbooks, read a result file, load a criteria set and
the official baselines — the objects the command works with — and see them as pandas DataFrames (`parindex.frames`).

A thin seam over what `parindex score` runs: the same collection of workbooks, criteria sets, survey tables, last
year's files, checks and ranking (`scoring.runs`), and the same JSON (`scoring.reports`), read back through the
result contract (`scoring.result`). So a `Result` holds exactly what `score --format json` would have written, and
its frames show that and nothing else. Where the command would print an error, these raise `ParindexError`, its
`code` the catalogue's and its text in the language PARINDEX_LANG names; nothing here prints.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from parindex.baseline.model import Baseline
from parindex.common.errors import ParindexError
from parindex.criteria.model import CriteriaSet
from parindex.scoring.result import RankingRow, RunResult, UnitResult

if TYPE_CHECKING:
    import pandas as pd

    from parindex.scoring.engine import UnitTotals
    from parindex.scoring.runs import OpenedRun

PathLike = str | os.PathLike[str]
Paths = PathLike | Iterable[PathLike]  # one path, or several
RESULT_BYTES = 500_000_000  # every commune in the country, every item: about 60 MB; PARINDEX_MAX_BYTES raises it


@dataclass(frozen=True, repr=False)  # the whole result, every item, is too much to show for `run` in a notebook
class Result:
    """A score result: one unit (`UnitResult`) or several with their ranking (`RunResult`), as the result contract
    reads what `score --format json` writes."""

    data: UnitResult | RunResult
    source: str = ""  # the file it was read from; "" when scored here
    skipped: tuple[Path, ...] = ()  # reports parindex wrote, found among the workbooks and left out (as `score` does)
    not_read: tuple[Path, ...] = ()  # spreadsheets in the folders that are not .xlsx: not scored

    def __repr__(self) -> str:
        years = sorted({unit.year for unit in self.units})
        span = "–".join(dict.fromkeys(years[:1] + years[-1:]))
        source = f", from {self.source}" if self.source else ""
        return f"<Result {span}: units {len(self.units)}, ranked {len(self.ranking)}{source}>"

    @property
    def units(self) -> list[UnitResult]:
        return self.data.units if isinstance(self.data, RunResult) else [self.data]

    @property
    def ranking(self) -> list[RankingRow]:
        """Block by block, then by rank; none for a one-unit file."""
        return self.data.ranking if isinstance(self.data, RunResult) else []

    def to_frame(self) -> pd.DataFrame:
        """One row per unit, in ranking order: block, rank, score, max, percent, band, previous rank, change, each
        area's points (`frames.RUN_COLUMNS`)."""
        from parindex.frames import run_frame

        return run_frame(self.data)

    def items_frame(self) -> pd.DataFrame:
        """One row per unit and item (`frames.ITEM_COLUMNS`)."""
        from parindex.frames import items_frame

        return items_frame(self.data)


@dataclass(frozen=True, repr=False)
class Baselines:
    """Official results of past years, each file checked as `parindex validate` checks it."""

    years: tuple[Baseline, ...]

    def __repr__(self) -> str:
        return f"<Baselines: {', '.join(f'{base.year} ({base.level})' for base in self.years)}>"

    def __iter__(self) -> Iterator[Baseline]:
        return iter(self.years)

    def __len__(self) -> int:
        return len(self.years)

    def to_frame(self) -> pd.DataFrame:
        """One row per year and unit: total, rank, band and each area's points, each with its status and source
        (`frames.baseline_columns`)."""
        from parindex.frames import baselines_frame

        return baselines_frame(self.years)


def score(paths: Paths, *, criteria: PathLike | None = None, survey: Paths = (), previous: Paths = (),
          together: str | Iterable[str] = ()) -> Result:
    """Score workbooks, or the .xlsx files of folders, and rank them, as `parindex score PATHS --format json` does
    with the same options: `criteria` (a bundled set's id or a criteria file; else each workbook's own set),
    `survey` (the province's survey tables), `previous` (last year's results: .json, .xlsx or .csv) and `together`
    (blocks ranked as one, each "Phường,Xã"). A unit's errors are in its result (`errors`), as in the JSON; a run
    that cannot be scored at all raises `ParindexError`."""
    from parindex.io.input_files import named_files
    from parindex.scoring.reports import json_report, write_report
    from parindex.scoring.runs import collect_workbooks, open_run

    files, survey_paths = _paths(paths), _paths(survey)
    collected = collect_workbooks(files)
    workbooks = collected.without(*survey_paths).workbooks
    if not workbooks:
        raise ParindexError("PS523", path=", ".join(map(str, files)), others="")
    run = open_run(workbooks, None if criteria is None else str(criteria), tuple(survey_paths),
                   tuple(_paths(previous)), (together,) if isinstance(together, str) else tuple(together),
                   named_files(files))
    skipped = [part.path for part in run.skipped] + run.merged
    out = io.StringIO()
    write_report(out, json_report(many=True), _scored(run, criteria, skipped), run.plan)
    data = _read(json.loads(out.getvalue(), parse_float=Decimal), "score")
    return Result(data, skipped=tuple(skipped), not_read=tuple(collected.not_read))


def _scored(run: OpenedRun, criteria: PathLike | None, skipped: list[Path]) -> Iterator[tuple[str, UnitTotals]]:
    """Each unit's JSON and totals, in order; a report parindex wrote found among them is put in `skipped`."""
    from parindex.scoring.reports import unit_json
    from parindex.scoring.runs import Skipped, score_many

    ref = None if criteria is None else str(criteria)
    for part in score_many(run.paths, ref, unit_json, run.surveys, run.sets):
        if isinstance(part, Skipped):
            skipped.append(part.path)
            continue
        yield part


def load_result(path: PathLike) -> Result:
    """A `parindex score --format json` file, one unit or several, read through the result contract: a file that
    is not one is PS595 at the key it refuses (or the line and column JSON stops at)."""
    from parindex.io.input_files import decode_utf8, env_limit, read_bytes

    file = Path(path)
    text = decode_utf8(file, read_bytes(file, env_limit("PARINDEX_MAX_BYTES", RESULT_BYTES)))
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise ParindexError("PS595", where=f"{file}:{exc.lineno}:{exc.colno}", field="(json)",
                            problem=exc.msg) from None
    except (ValueError, RecursionError) as exc:  # a number of thousands of digits, nesting thousands deep
        raise ParindexError("PS595", where=str(file), field="(json)", problem=type(exc).__name__) from None
    return Result(_read(data, str(file)), source=str(file))


def _read(data: object, where: str) -> UnitResult | RunResult:
    model: type[UnitResult | RunResult] = RunResult if isinstance(data, dict) and "units" in data else UnitResult
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        raise ParindexError("PS595", where=where, field=".".join(map(str, first["loc"])) or "(root)",
                            problem=first["msg"]) from None


def load_criteria(ref: PathLike) -> CriteriaSet:
    """A bundled set by its id (`par-province-2022`) or a criteria file, checked as `parindex validate` checks it
    (PE310 when it is not valid)."""
    from parindex.criteria.files import load_criteria as load

    return load(str(ref))


def load_baselines(*paths: PathLike) -> Baselines:
    """The official results of the files given, else the bundled ones (2019–2024), each checked (PG410 when one
    is not valid)."""
    from parindex.baseline.files import bundled_baselines, load_baseline

    if paths:
        return Baselines(tuple(load_baseline(Path(path)) for path in paths))
    return Baselines(tuple(base for _, base in bundled_baselines()))


def _paths(given: Paths) -> list[Path]:
    """One path or several, as Paths."""
    if isinstance(given, str | os.PathLike):
        return [Path(given)]
    return [Path(path) for path in given]
