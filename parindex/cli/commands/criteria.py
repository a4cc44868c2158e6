"""`parindex criteria list` and `parindex criteria show ID` — the bundled sets and one set as a tree."""

from __future__ import annotations

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


def show_list() -> None:
    """One block per set (label: value), readable in any terminal width."""
    from rich.markup import escape
    from rich.table import Table

    from parindex.cli.render import console
    from parindex.common.i18n import fmt_plain
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
            console.print(banner.text(), style="yellow", markup=False)
        console.print()


def show_tree(ref: str, depth: int) -> None:
    from rich.markup import escape
    from rich.tree import Tree

    from parindex.cli.render import console
    from parindex.common.i18n import fmt_plain
    from parindex.criteria.files import load_criteria
    from parindex.criteria.model import Area, Criterion, Item
    from parindex.criteria.provenance import provenance_banner

    cset = load_criteria(ref)

    def mark(node: object) -> str:
        return "[yellow]*[/]" if getattr(node, "provisional", False) else ""

    def label(code: str, name: str, node: Area | Criterion | Item, extra: str = "") -> str:
        return f"[bold]{escape(code)}[/] {escape(name)} — {fmt_plain(node.max)}{mark(node)}{extra}"

    def add_criterion(parent: Tree, crit: Criterion, level: int) -> None:
        branch = parent.add(label(crit.code, crit.name, crit))
        if level >= depth:
            return
        for child in crit.criteria:
            add_criterion(branch, child, level + 1)
        for item in crit.items:
            lead = f" [dim]({t('ui.criteria.lead')}: {escape(item.lead)})[/]" if item.lead else ""
            leaf = branch.add(label(item.code, item.name, item, f" [cyan]{item.component}[/]{lead}"))
            leaf.add(f"[dim]{escape(item.rule.words(item.max))}[/]")

    tree = Tree(f"[bold]{escape(cset.title)}[/] ({cset.id}, {cset.status}) — {fmt_plain(cset.max)}")
    for area in cset.areas:
        lead = f" [dim]({t('ui.criteria.lead')}: {escape(area.lead)})[/]" if area.lead else ""
        branch = tree.add(label(area.code, area.name, area, lead))
        if depth > 1:
            for crit in area.criteria:
                add_criterion(branch, crit, 2)
    console.print(tree)
    banner = provenance_banner(cset)
    if banner:
        console.print(f"[yellow]{escape(banner.text())}[/]")
    console.print(f"[dim]{t('ui.criteria.provisional_mark')}[/]")
