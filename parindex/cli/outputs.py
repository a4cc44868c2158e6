"""What a command that writes a report checks before any work: which format the file gets, and that writing it
loses nothing (no input of the run, no one's evidence workbook, is ever replaced by a report); then where the
report goes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from parindex.common.errors import ParindexError

if TYPE_CHECKING:
    from rich.console import Console

R = TypeVar("R")


@dataclass(frozen=True)
class Format:
    """A format a report may be written in: its `--format` name, the extension of an `-o` file in it (which chooses
    it when `--format` is not given), and whether it is a file only, never text on a screen (it needs `-o`)."""

    name: str
    extension: str
    file_only: bool = False

    def __post_init__(self) -> None:
        if re.fullmatch(r"\.[a-z0-9]+", self.extension) is None:  # compared with a name's lower-cased suffix
            raise ValueError(f"format {self.name!r}: an extension such as '.txt', not {self.extension!r}")


TABLE = Format("table", ".txt")
JSON = Format("json", ".json")
CSV = Format("csv", ".csv")
MD = Format("md", ".md")
XLSX = Format("xlsx", ".xlsx", file_only=True)
DOCX = Format("docx", ".docx", file_only=True)


class Output(NamedTuple, Generic[R]):
    """One way a command writes its report: the format and what writes the report in it (the command's own
    signature: `score` makes a reporter, `gap` and `progress` write their report)."""

    format: Format
    render: R


class Outputs(Generic[R]):
    """The formats a command writes, each with its renderer: the one registry the command's `--format` help, its
    checks of `--format` and `-o`, and its choice of renderer all read."""

    def __init__(self, *entries: Output[R]) -> None:
        names = [entry.format.name for entry in entries]
        extensions = [entry.format.extension for entry in entries]
        if not entries or len(set(names)) < len(names) or len(set(extensions)) < len(extensions):
            raise ValueError(f"formats and extensions must be unique: {names} {extensions}")
        self._entries = {entry.format.name: entry for entry in entries}

    def __iter__(self) -> Iterator[Output[R]]:
        return iter(self._entries.values())

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._entries)

    def choose(self, fmt: str | None, output: Path | None) -> Output[R]:
        """`--format` as given, else the one the `-o` file's extension names, else the first (the table).

        An extension that no format has, or that contradicts `--format`, is refused: `-o r.xlsx` holding a text
        table is a file Excel cannot open. A name without an extension takes `--format` (or the table)."""
        if fmt is not None and fmt not in self._entries:
            raise ParindexError("PC702", value=fmt, accepted=", ".join(self.names))
        chosen = self._entries[fmt] if fmt is not None else next(iter(self))
        suffix = output.suffix.lower() if output is not None else ""
        if output is not None and suffix:
            by_suffix = {entry.format.extension: entry for entry in self}
            if suffix not in by_suffix:
                raise ParindexError("PC714", path=str(output), suffix=output.suffix, accepted=", ".join(by_suffix))
            if fmt is not None and by_suffix[suffix].format.name != fmt:
                raise ParindexError("PC713", path=str(output), suffix=output.suffix, fmt=fmt,
                                    expected=output.with_suffix(chosen.format.extension).name)
            chosen = by_suffix[suffix]
        if chosen.format.file_only and output is None:
            raise ParindexError("PC703", fmt=chosen.format.name)
        return chosen

    def of_file(self, output: Path) -> Output[R]:
        """For a command that only writes the `-o` file (no `--format`): the format its extension names, PC702
        for any other name."""
        found = next((entry for entry in self if entry.format.extension == output.suffix.lower()), None)
        if found is None:
            raise ParindexError("PC702", value=output.suffix or str(output),
                                accepted=", ".join(entry.format.extension for entry in self))
        return found


def guard_output(output: Path, force: bool, inputs: Iterable[Path], *, blank_workbook_may_go: bool = False) -> None:
    """Refuse, before any work, an output that is one of the run's inputs (PE308, whatever --force says), an
    evidence workbook (PE309, likewise; a new template may replace one nobody has filled in), a criteria
    spreadsheet (PE325, likewise), or one `refuse_overwrite` refuses (a folder, an existing file without --force,
    a name the disk cannot hold …)."""
    from parindex.io.atomic import refuse_overwrite
    from parindex.io.input_files import same_file

    for path in inputs:
        if same_file(path, output):
            raise ParindexError("PE308", path=str(output))
    try:
        existing = output.is_file()
    except OSError:  # a name the disk cannot hold: said by `refuse_overwrite`
        existing = False
    set_id = evidence_set(output, filled_only=blank_workbook_may_go) if existing else None
    if set_id:
        raise ParindexError("PE309", path=str(output), set_id=set_id)
    if existing and force and _is_criteria_sheet(output):  # without --force: PC701, as for any file
        raise ParindexError("PE325", path=str(output))
    refuse_overwrite(output, force)


def _is_criteria_sheet(path: Path) -> bool:
    from parindex.evidence.reader import is_criteria_sheet

    return is_criteria_sheet(path)


def evidence_set(path: Path, filled_only: bool = False) -> str | None:
    """The criteria set an existing evidence workbook names in its *Thông tin* sheet (with `filled_only`, only
    when some item holds a value, an N/A mark or points); None for anything else."""
    from parindex.evidence.model import is_blank
    from parindex.evidence.reader import DATA_COLUMNS, is_report, read_evidence, read_info

    try:  # the guard tells a workbook from anything else, unreadable files included
        if is_report(path):  # a report or a criteria spreadsheet parindex wrote: no one's evidence
            return None
        if not filled_only:
            return read_info(path).get("criteria_id", "").strip() or None
        book = read_evidence(path)
        filled = any(not is_blank(row.values.get(key)) for row in book.rows.values() for key in DATA_COLUMNS)
        return (book.info.get("criteria_id", "").strip() or None) if filled else None
    except ParindexError:  # not readable as an evidence workbook: a report, or something else
        return None


# --- where a report goes: the screen, or the -o file -----------------------------------------------------

def show_text(text: str, output: Path | None, force: bool) -> None:
    """Text on the screen as it is, or the whole of it in the -o file (atomically)."""
    import typer

    from parindex.io.atomic import write_text_atomic

    if output is None:
        from parindex.common.safe_text import steer_free

        typer.echo(steer_free(text), nl=False)  # a name as typed in a workbook never steers the terminal
    else:
        write_text_atomic(output, text, force)


def show_tables(draw: Callable[[Console], None], output: Path | None, force: bool) -> None:
    """Rich tables drawn on the screen, or recorded as plain text (no colours) for the -o file."""
    from parindex.cli.render import console, file_console
    from parindex.io.atomic import write_text_atomic

    if output is None:
        draw(console)
        return
    recorder = file_console()
    draw(recorder)
    write_text_atomic(output, recorder.export_text(), force)


def say_written(path: Path) -> None:
    from parindex.cli.render import say
    from parindex.common.messages import Message

    say(Message("ui.written", {"path": path}))
