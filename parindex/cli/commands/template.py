"""`parindex template ID -o FILE` — a fill-in evidence workbook for a criteria set, unit and year; with `--lead NAME`
the part one lead agency fills, with `--by-lead -o FOLDER` one part per lead agency; with `--from FILLED.xlsx` the
set's workbook holding what a workbook filled under an earlier version of it held."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from parindex.common.i18n import t

if TYPE_CHECKING:
    from parindex.criteria.model import CriteriaSet


@dataclass(frozen=True)
class _Options:
    unit: str
    level: str | None
    year: int | None
    prepared_by: str
    force: bool
    block: str | None = None

    def write(self, path: Path, cset: CriteriaSet, lead: str | None) -> None:
        from parindex.evidence.template import write_template

        write_template(path, cset, unit=self.unit, level=self.level, year=self.year, prepared_by=self.prepared_by,
                       force=self.force, lead=lead, block=self.block)


def register(app: typer.Typer) -> None:
    @app.command("template", help=t("help.template"))
    def template(
        ref: str = typer.Argument(..., metavar="ID|PATH"),
        output: Path = typer.Option(..., "-o", "--output", help=t("help.output")),
        unit: str = typer.Option("", "--unit", help=t("help.template.unit")),
        level: str = typer.Option(None, "--level", help=t("help.template.level")),
        year: int = typer.Option(None, "--year", help=t("help.template.year")),
        prepared_by: str = typer.Option("", "--prepared-by", help=t("help.template.prepared_by")),
        lead: str = typer.Option(None, "--lead", help=t("help.template.lead")),
        by_lead: bool = typer.Option(False, "--by-lead", help=t("help.template.by_lead")),
        block: str = typer.Option(None, "--block", help=t("help.template.block")),
        filled: Path = typer.Option(None, "--from", help=t("help.template.from"), metavar="FILLED.xlsx"),
        force: bool = typer.Option(False, "--force", help=t("help.force")),
    ) -> None:
        from typing import get_args

        from parindex.cli.outputs import guard_output
        from parindex.cli.render import say
        from parindex.common.errors import ParindexError
        from parindex.common.messages import Message
        from parindex.criteria.checks import swallowed_labels
        from parindex.criteria.files import load_criteria
        from parindex.criteria.leads import find_lead, item_leads
        from parindex.criteria.model import Level
        from parindex.criteria.provenance import provenance_banner

        if lead is not None and by_lead:
            raise ParindexError("PC721")
        if filled is not None:
            given = {"--unit": unit, "--level": level, "--year": year, "--prepared-by": prepared_by, "--lead": lead,
                     "--by-lead": by_lead, "--block": block}
            if any(given.values()):
                raise ParindexError("PC740", options=", ".join(name for name, value in given.items() if value))
        if by_lead and (output.suffix.lower() == ".xlsx" or output.is_file()):
            raise ParindexError("PC722", path=str(output))
        if not by_lead and output.suffix.lower() != ".xlsx":
            raise ParindexError("PC702", value=output.suffix or str(output), accepted=".xlsx")
        levels = get_args(Level)
        if level is not None and level not in levels:
            raise ParindexError("PW411", value=level, accepted=", ".join(levels))
        cset = load_criteria(ref)
        if level is not None and level != cset.level:  # scored later with this set, it would be refused (PS542)
            raise ParindexError("PC718", value=level, set_id=cset.id, level=cset.level)
        if year is not None and year not in cset.years:
            from parindex.criteria.decisions import decision_note

            raise ParindexError("PW412", id=cset.id, years=", ".join(map(str, cset.years)), year=year,
                                decision=decision_note(year, cset.level))
        if block is not None and not block.strip():
            raise ParindexError("PC730")
        options = _Options(unit, level, year, prepared_by, force, block.strip() if block else None)
        if filled is not None:
            _carry(cset, filled, output, Path(ref), force)
        elif by_lead:
            _by_lead(cset, output, [Path(ref)], options)
        else:
            agency = find_lead(cset, lead) if lead is not None else None
            guard_output(output, force, [Path(ref)], blank_workbook_may_go=True)
            options.write(output, cset, agency)
            if agency is None:
                say(Message("ui.template.written", {"path": output, "items": len(cset.items()), "id": cset.id}))
            else:
                count = sum(1 for led in item_leads(cset).values() if led == agency)
                say(Message("ui.template.part_written", {"path": output, "items": count, "lead": agency}))
        for code, label, longer, other in swallowed_labels(cset):
            say(Message("ui.template.swallowed", {"code": code, "label": label, "longer": longer, "other": other}),
                "yellow", err=True)
        banner = provenance_banner(cset)
        if banner:
            say(banner, "yellow", err=True)


def _carry(cset: CriteriaSet, filled: Path, output: Path, ref: Path, force: bool) -> None:
    """The set's workbook (or the part, for a part) holding what `filled` held, with the unit's details; what needs
    a second look said here and in the workbook. `filled` is only read."""
    from dataclasses import replace

    from parindex.cli.outputs import guard_output
    from parindex.cli.render import say
    from parindex.common.errors import ParindexError
    from parindex.common.messages import Message
    from parindex.criteria.leads import find_lead, item_leads
    from parindex.evidence.model import SHEET_REVIEW
    from parindex.evidence.reader import read_evidence
    from parindex.evidence.template import write_template
    from parindex.scoring.carry import CARRY_COLUMNS, carry

    guard_output(output, force, [ref, filled], blank_workbook_may_go=True)
    book = read_evidence(filled, CARRY_COLUMNS)
    info = {key: value.strip() for key, value in book.info.items()}

    def at(key: str) -> str:
        return f"{filled} › {book.info_refs[key]}" if key in book.info_refs else str(filled)

    if info.get("level") and info["level"] != cset.level:
        raise ParindexError("PS542", where=at("level"), book_level=info["level"], set_id=cset.id,
                            set_level=cset.level)
    year = info.get("year", "")
    if year and (not year.isdigit() or int(year) not in cset.years):
        from parindex.criteria.decisions import decision_note

        raise ParindexError("PW412", where=at("year"), id=cset.id, years=", ".join(map(str, cset.years)), year=year,
                            decision=decision_note(int(year), cset.level) if year.isdigit() else "")
    lead = find_lead(cset, info["lead"]) if info.get("lead") else None
    leads = item_leads(cset)
    codes = {code for code, led in leads.items() if lead is None or led == lead}
    carried = carry(cset, book, codes)
    write_template(output, cset, unit=info.get("unit", ""), year=int(year) if year else None,
                   prepared_by=info.get("prepared_by", ""), force=force, lead=lead,
                   block=info.get("block") or None, carried=carried)
    say(Message("ui.template.carried", {"path": output, "items": len(codes), "id": cset.id,
                                        "carried": sum(1 for cells in carried.cells.values() if cells),
                                        "source": filled}))
    if not carried.review:
        say(Message("ui.template.no_review"))
        return
    say(Message("ui.template.review", {"count": len(carried.review), "sheet": SHEET_REVIEW, "path": output}),
        "yellow", err=True)
    for message in carried.review:
        say(replace(message, where=message.where or str(output)), "yellow", err=True)


def _by_lead(cset: CriteriaSet, folder: Path, inputs: list[Path], options: _Options) -> None:
    """One part per lead agency in `folder` (made if need be), every file checked before any is written."""
    from parindex.cli.outputs import guard_output
    from parindex.cli.render import say
    from parindex.common.errors import ParindexError
    from parindex.common.messages import Message
    from parindex.criteria.leads import file_stem, item_leads, lead_names

    names = lead_names(cset)
    if not names:
        raise ParindexError("PM802", set_id=cset.id)
    paths: dict[str, Path] = {}
    taken: set[str] = set()
    for name in names:
        stem, n = file_stem(name), 2
        while stem in taken:  # two names that fold alike keep apart
            stem, n = f"{file_stem(name)}-{n}", n + 1
        taken.add(stem)
        paths[name] = folder / f"{stem}.xlsx"
    _make_folder(folder)
    for path in paths.values():
        guard_output(path, options.force, inputs, blank_workbook_may_go=True)
    leads = item_leads(cset)
    for name, path in paths.items():
        options.write(path, cset, name)
        count = sum(1 for led in leads.values() if led == name)
        say(Message("ui.template.part_written", {"path": path, "items": count, "lead": name}))
    say(Message("ui.template.parts_written", {"count": len(paths), "folder": folder}))
    unassigned = [code for code, led in leads.items() if not led]
    if unassigned:
        say(Message("ui.template.unassigned", {"count": len(unassigned), "items": ", ".join(unassigned)}), "yellow",
            err=True)


def _make_folder(folder: Path) -> None:
    """The parts' folder, made if need be — but only in a folder that exists, as every other -o (PE304): a mistyped
    path must not grow a tree of new folders."""
    from parindex.common.errors import ParindexError

    if not folder.resolve().parent.is_dir():
        raise ParindexError("PE304", path=str(folder), reason=t("ui.no_folder", folder=str(folder.resolve().parent)))
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise ParindexError("PE304", path=str(folder), reason=exc.strerror or str(exc)) from None
