"""What a command that writes a report checks before any work: which format the file gets, and that writing it
loses nothing (no input of the run, no one's evidence workbook, is ever replaced by a report); then where the
report goes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from parindex.common.errors import ParindexError

if TYPE_CHECKING:
    from rich.console import Console

EXTENSIONS = {"table": ".txt", "json": ".json", "csv": ".csv", "md": ".md", "xlsx": ".xlsx", "docx": ".docx"}
FILE_ONLY = ("xlsx", "docx")  # formats that are files, never text on a screen


def output_format(fmt: str | None, output: Path | None, formats: tuple[str, ...]) -> str:
    """`--format` as given, else the one the `-o` file's extension names, else `table`.

    An extension that no format has, or that contradicts `--format`, is refused: `-o r.xlsx` holding a text
    table is a file Excel cannot open. A name without an extension takes `--format` (or the table)."""
    if fmt is not None and fmt not in formats:
        raise ParindexError("PC702", value=fmt, accepted=", ".join(formats))
    chosen = fmt or "table"
    suffix = output.suffix.lower() if output is not None else ""
    if output is not None and suffix:
        by_suffix = {EXTENSIONS[name]: name for name in formats}
        if suffix not in by_suffix:
            raise ParindexError("PC714", path=str(output), suffix=output.suffix, accepted=", ".join(by_suffix))
        if fmt is not None and by_suffix[suffix] != fmt:
            raise ParindexError("PC713", path=str(output), suffix=output.suffix, fmt=fmt,
                                expected=output.with_suffix(EXTENSIONS[fmt]).name)
        chosen = by_suffix[suffix]
    if chosen in FILE_ONLY and output is None:
        raise ParindexError("PC703", fmt=chosen)
    return chosen


def guard_output(output: Path, force: bool, inputs: Iterable[Path], *, blank_workbook_may_go: bool = False) -> None:
    """Refuse, before any work, an output that is one of the run's inputs (PE308, whatever --force says), an
    evidence workbook (PE309, likewise; a new template may replace one nobody has filled in), or one
    `refuse_overwrite` refuses (a folder, an existing file without --force …)."""
    from parindex.io.atomic import refuse_overwrite
    from parindex.io.input_files import same_file

    for path in inputs:
        if same_file(path, output):
            raise ParindexError("PE308", path=str(output))
    set_id = evidence_set(output, filled_only=blank_workbook_may_go) if output.is_file() else None
    if set_id:
        raise ParindexError("PE309", path=str(output), set_id=set_id)
    refuse_overwrite(output, force)


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
        typer.echo(text, nl=False)
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
