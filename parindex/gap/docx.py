"""The improvement plan as a Word document (`gap … --format docx`): the blocks of `plan.plan_blocks` — the same
words the Markdown plan has — laid out as an administrative document (NĐ 30/2020: the header, the title,
the parts, the signature block), with the chart of the areas embedded where the plan places it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parindex.common.addressing import address
from parindex.common.i18n import t
from parindex.gap.analysis import GapReport
from parindex.gap.plan import Block, Bullets, Callout, Figure, Grid, Heading, Para, plan_blocks
from parindex.io import docx_document as docx

WIDTH_MM = 165  # A4 portrait less NĐ 30's side margins
NUMBER_MM = 25  # a numeric column of a plan table


def write_plan_docx(report: GapReport, path: Path, force: bool = False, today: date | None = None) -> None:
    doc = docx.new_document()
    sender = address(report.official.unit.name, report.baseline.level)
    docx.letterhead(doc, docx.Letterhead(
        sender.issuer, t("doc.number", kind=t("plan.symbol")), t("doc.nation"), t("doc.motto"),
        t("doc.place_date", place=sender.place), sender.parent))
    previous: Block | None = None
    for block in plan_blocks(report, today):
        _block(doc, block, report, title=isinstance(previous, Heading) and previous.level == 1)
        previous = block
    docx.signature(doc, sender.recipient_lines(t("plan.recipient")),  # reported to, then those who carry it out
                   (*sender.signer, "", "", "", t("doc.signer_name")))
    docx.save(doc, path, force)


def _block(doc: docx.Doc, block: Block, report: GapReport, title: bool) -> None:
    if isinstance(block, Heading):
        _heading(doc, block, title)
    elif isinstance(block, Para):
        docx.para(doc, block.text)
    elif isinstance(block, Callout):
        docx.para(doc, block.text, italic=True, indent=False)
    elif isinstance(block, Bullets):
        docx.bullets(doc, block.items, block.ordered)
    elif isinstance(block, Grid):
        _grid(doc, block)
    elif isinstance(block, Figure):
        _figure(doc, report)
    # a Rule (the line before the notes) needs nothing: the notes have their heading


def _heading(doc: docx.Doc, block: Heading, title: bool) -> None:
    """Level 1 is the document's kind and the level 2 after it its title (centred); then parts, sections and
    labelled paragraphs ('a) Nội dung cần khắc phục', in italics as the seed plan has them)."""
    if block.level == 1:
        docx.centred(doc, block.text, size=docx.BODY_PT + 1, space_before=18)
    elif title:
        docx.centred(doc, block.text, size=docx.BODY_PT)
    else:
        docx.heading(doc, block.text, italic=block.level == 4)


def _grid(doc: docx.Doc, grid: Grid) -> None:
    text_columns = sum(1 for numeric in grid.numeric if not numeric) or 1
    text_mm = (WIDTH_MM - NUMBER_MM * sum(grid.numeric)) / text_columns
    columns = [docx.Column(name, NUMBER_MM if numeric else text_mm, numeric)
               for name, numeric in zip(grid.header, grid.numeric, strict=True)]
    docx.table(doc, columns, grid.rows, [grid.total and n == len(grid.rows) - 1 for n in range(len(grid.rows))])


def _figure(doc: docx.Doc, report: GapReport) -> None:
    from parindex.gap.chart import chart_png

    docx.picture(doc, chart_png(report), width_mm=WIDTH_MM)
