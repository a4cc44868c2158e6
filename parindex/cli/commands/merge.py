"""`parindex merge PARTS… -o FILE.xlsx` — the parts the lead agencies filled, assembled into one evidence workbook."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from parindex.cli.outputs import XLSX, Output, Outputs
from parindex.common.i18n import t

if TYPE_CHECKING:
    from parindex.criteria.model import CriteriaSet
    from parindex.evidence.model import EvidenceBook
    from parindex.evidence.parts import Merged


def register(app: typer.Typer) -> None:
    @app.command("merge", help=t("help.merge"))
    def merge(
        parts: list[Path] = typer.Argument(..., metavar="PARTS…"),
        output: Path = typer.Option(..., "-o", "--output", help=t("help.merge.output")),
        force: bool = typer.Option(False, "--force", help=t("help.force")),
        criteria: str = typer.Option(None, "--criteria", help=t("help.criteria_opt")),
    ) -> None:
        raise typer.Exit(run_merge(parts, output, force, criteria))


def run_merge(files: list[Path], output: Path, force: bool, criteria: str | None) -> int:
    from parindex.cli.outputs import guard_output
    from parindex.cli.render import say, say_subfolders
    from parindex.common.errors import ParindexError
    from parindex.common.messages import Message
    from parindex.common.safe_text import OwnWords
    from parindex.evidence.merge import read_parts
    from parindex.evidence.parts import check_parts, is_filled, merge_parts, refuse_without_fingerprint
    from parindex.io.input_files import named_files
    from parindex.scoring.runs import collect_workbooks

    chosen = OUTPUTS.of_file(output)
    collected = collect_workbooks(files)
    say_subfolders(collected.folders_not_read)  # a part kept there would be left out of the merge
    paths = collected.parts
    guard_output(output, force, [*paths, *([Path(criteria)] if criteria else [])])  # never over a part
    read = read_parts(paths, criteria, named_files(files))
    for path in read.skipped:
        say(Message("ui.score.skipped_report", {"path": path}), "yellow", err=True)
    for path in read.merged:
        say(Message("ui.collect.skipped_merged", {"path": path}), "yellow", err=True)
    check_parts(read.cset, read.books)
    refuse_without_fingerprint(read.cset, read.books)
    merged = merge_parts(read.cset, read.books)
    if merged.conflicts:
        for conflict in merged.conflicts:
            say(conflict, "red", err=True)
        raise ParindexError("PM814", count=len(merged.conflicts), path=str(output))
    chosen.render(output, read.cset, merged, _info(read.books), force)
    filled = sum(1 for taken in merged.rows.values() if is_filled(taken.row))
    say(Message("ui.merge.written", {"parts": len(read.books), "path": output, "items": len(read.cset.items()),
                                     "filled": filled}))
    if merged.uncovered:
        say(Message("ui.merge.uncovered", {"count": len(merged.uncovered), "items": ", ".join(merged.uncovered)}),
            "yellow", err=True)
    blank = len(merged.rows) - filled
    if blank:
        again = [*map(str, files), *(["--criteria", criteria] if criteria else [])]
        # a command to type back: shown whole, however long its paths (steer_free still cleans it for the terminal)
        say(Message("ui.merge.blank", {"count": blank, "parts": OwnWords(shlex.join(again))}), "yellow", err=True)
    _banner(read.cset)
    return 0


def _info(books: list[EvidenceBook]) -> dict[str, str]:
    """The unit, level, year and block the parts say (check_parts made sure the unit and year agree): the first
    that says each."""
    from parindex.evidence.parts import said

    return {key: said(books, key) for key in ("unit", "level", "year", "block")}


def _banner(cset: CriteriaSet) -> None:
    from parindex.cli.render import say
    from parindex.criteria.provenance import provenance_banner

    banner = provenance_banner(cset)
    if banner:
        say(banner, "yellow", err=True)


def _xlsx(output: Path, cset: CriteriaSet, merged: Merged, info: dict[str, str], force: bool) -> None:
    from parindex.evidence.merge import write_merged

    write_merged(output, cset, merged, info, force=force)


OUTPUTS: Outputs[Callable[[Path, CriteriaSet, Merged, dict[str, str], bool], None]] = Outputs(Output(XLSX, _xlsx))
