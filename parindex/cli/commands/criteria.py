"""`parindex criteria list|show|export|import` — the bundled sets, one set as a tree, and a set as the
spreadsheet officers hold (README: "Your province's decision in an afternoon"), both ways."""

from __future__ import annotations

import shlex
from pathlib import Path

import typer

from parindex.common.i18n import t


def register(app: typer.Typer) -> None:
    group = typer.Typer(help=t("help.criteria"), no_args_is_help=True)
    app.add_typer(group, name="criteria")

    @group.command("list", help=t("help.criteria.list"))
    def list_sets() -> None:
        show_list()

    @group.command("show", help=t("help.criteria.show"))
    def show(
        ref: str = typer.Argument(..., metavar="ID|PATH"),
        depth: int = typer.Option(3, "--depth", min=1, help=t("help.criteria.depth")),
    ) -> None:
        show_tree(ref, depth)

    @group.command("export", help=t("help.criteria.export"))
    def export(
        ref: str = typer.Argument(..., metavar="ID|PATH"),
        output: Path = typer.Option(..., "-o", "--output", help=t("help.output")),
        force: bool = typer.Option(False, "--force", help=t("help.force")),
    ) -> None:
        export_sheet(ref, output, force)

    @group.command("import", help=t("help.criteria.import"))
    def import_(
        source: Path = typer.Argument(..., metavar="FILE.xlsx"),
        output: Path = typer.Option(..., "-o", "--output", help=t("help.output")),
        force: bool = typer.Option(False, "--force", help=t("help.force")),
    ) -> None:
        raise typer.Exit(import_sheet(source, output, force))


def export_sheet(ref: str, output: Path, force: bool) -> None:
    from parindex.cli.outputs import guard_output
    from parindex.cli.render import say
    from parindex.common.errors import ParindexError
    from parindex.common.messages import Message
    from parindex.criteria.files import load_criteria
    from parindex.criteria.provenance import provenance_banner
    from parindex.evidence.criteria_book import write_criteria_book

    if output.suffix.lower() != ".xlsx":
        raise ParindexError("PC715", suffix=output.suffix or output.name)
    cset = load_criteria(ref)
    guard_output(output, force, [Path(ref)])
    rows = write_criteria_book(output, cset, force)
    say(Message("ui.sheet.exported", {"path": output, "rows": rows, "items": len(cset.items()), "id": cset.id}))
    banner = provenance_banner(cset)
    if banner:
        say(banner, "yellow", err=True)


def import_sheet(source: Path, output: Path, force: bool) -> int:
    """Exit 0 when the written set is valid; 1 when cells could not be read (nothing written) or it has findings."""
    from parindex.cli.outputs import guard_output
    from parindex.cli.render import say
    from parindex.common.errors import ParindexError
    from parindex.common.messages import Message
    from parindex.common.safe_text import OwnWords
    from parindex.evidence.criteria_book import import_criteria_book

    if output.suffix.lower() not in (".yaml", ".yml"):
        raise ParindexError("PC716", suffix=output.suffix or output.name)
    guard_output(output, force, [source])
    report = import_criteria_book(source, output, force)
    for note in report.notes:
        say(note, "yellow")
    for problem in report.problems:
        typer.echo(problem.line())
    if report.problems:
        say(Message("ui.sheet.unread", {"count": len(report.problems)}), "red")
        return 1
    for found, cell in report.findings:
        place = f"{output}:{found.line or 1}:{found.col or 1}" + (f" ({cell})" if cell else "")
        typer.echo(f"{place}: {found.code} {found.name} {found.msg.text()}")
    say(Message("ui.sheet.imported", {"path": output, "items": report.items, "id": report.set_id}))
    if report.findings:
        say(Message("ui.sheet.invalid", {"count": len(report.findings), "path": output}), "red")
        return 1
    say(Message("ui.sheet.valid", {"path": OwnWords(shlex.quote(str(output)))}), "green")  # typed back: whole
    return 0


def show_list() -> None:
    """One block per set (label: value), readable in any terminal width."""
    from rich.markup import escape
    from rich.table import Table

    from parindex.cli.render import console, say
    from parindex.common.i18n import fmt_plain
    from parindex.criteria.decisions import DECISIONS, decision_line
    from parindex.criteria.files import bundled_sets
    from parindex.criteria.provenance import provenance_banner

    for cset in bundled_sets():
        table = Table(show_header=False, box=None, padding=(0, 1))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for key, value in (("id", cset.id), ("title", cset.title), ("basis", cset.basis or ""),
                           ("years", ", ".join(map(str, cset.years))), ("level", cset.level),
                           ("status", cset.status), ("areas", str(len(cset.areas))),
                           ("items", str(len(cset.items()))), ("max", fmt_plain(cset.max))):
            table.add_row(t(f"ui.criteria.{key}"), escape(value))
        console.print(table)
        banner = provenance_banner(cset)
        if banner:
            say(banner, "yellow")
        console.print()
    say(t("ui.criteria.decisions"), "bold")
    for decision in DECISIONS:
        say(decision_line(decision))


def show_tree(ref: str, depth: int) -> None:
    from rich.markup import escape
    from rich.tree import Tree

    from parindex.cli.render import console, say
    from parindex.common.i18n import fmt_plain
    from parindex.criteria.files import load_criteria
    from parindex.criteria.model import Area, Component, Criterion, Item
    from parindex.criteria.provenance import provenance_banner

    cset = load_criteria(ref)

    def mark(node: object) -> str:
        return "[yellow]*[/]" if getattr(node, "provisional", False) else ""

    def label(code: str, name: str, node: Area | Criterion | Item, extra: str = "") -> str:
        return f"[bold]{escape(code)}[/] {escape(name)} — {fmt_plain(node.max)}{mark(node)}{extra}"

    def source_of(node: Area | Component) -> str:
        return f" [dim]({t('ui.criteria.source')}: {escape(node.source)})[/]" if node.source else ""

    def add_node(parent: Tree, node: Criterion | Item, level: int) -> None:
        if isinstance(node, Item):  # an item, at any depth
            lead = f" [dim]({t('ui.criteria.lead')}: {escape(node.lead)})[/]" if node.lead else ""
            leaf = parent.add(label(node.code, node.name, node, f" [cyan]{node.component}[/]{lead}"))
            leaf.add(f"[dim]{escape(node.rule_words())}[/]")
            return
        branch = parent.add(label(node.code, node.name, node))
        if level < depth:
            for child in node.nodes():
                add_node(branch, child, level + 1)

    tree = Tree(f"[bold]{escape(cset.title)}[/] ({cset.id}, {cset.status}) — {fmt_plain(cset.max)}")
    parts = tree.add(f"[bold]{t('ui.criteria.components')}[/]")
    for comp in cset.components:
        parts.add(f"[cyan]{escape(comp.id)}[/] {escape(comp.name)} — {fmt_plain(comp.max)}{mark(comp)} "
                  f"[dim]({t('ui.criteria.role')}: {comp.role.value})[/]{source_of(comp)}")
    for area in cset.areas:
        lead = f" [dim]({t('ui.criteria.lead')}: {escape(area.lead)})[/]" if area.lead else ""
        branch = tree.add(label(area.code, area.name, area, lead + source_of(area)))
        if depth > 1:
            for node in area.nodes():
                add_node(branch, node, 2)
    console.print(tree)
    banner = provenance_banner(cset)
    if banner:
        say(banner, "yellow")
    say(t("ui.criteria.provisional_mark"), "dim")
