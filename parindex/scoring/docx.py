"""The self-assessment report as a Word document (`score ONE.xlsx --format docx`), as Công văn 384/BNV-CCHC asks:
the administrative header, the result, every item without evidence with its explanation, difficulties and
proposals left to write, the signature block; then, on landscape pages, the summary table (STT · Nội dung ·
Điểm tối đa · Điểm tự đánh giá · Điểm thẩm định where any · Tài liệu kiểm chứng · Giải trình) and the warnings.

The words are made where the unit was scored (`unit_report`, plain strings); `write_report_docx` lays them out.
Every total shown is the engine's, so it equals the JSON report's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from parindex.common.addressing import Address, address
from parindex.common.i18n import fmt_num, fmt_plain, t
from parindex.criteria.provenance import provenance_banner
from parindex.scoring.engine import ItemScore, UnitScore, UnitTotals
from parindex.scoring.reports import headline, total_parts
from parindex.scoring.summary import summary_rows as table_rows

if TYPE_CHECKING:
    from parindex.io.docx_document import Doc  # imported where a document is made: python-docx only when used

NEEDS_EVIDENCE = ("scored", "missing", "invalid")  # survey/SIPAS items are measured, not evidenced
Row = tuple[tuple[str, ...], bool]  # the cells, bold (area and criterion rows, the total)


@dataclass(frozen=True)
class ReportDoc:
    """One unit's report as plain words (picklable: made in the worker that scored the unit)."""

    unit: str
    address: Address  # from whom, to whom, who signs (the set's level decides; --to names the recipients)
    year: str
    intro: str
    banner: str
    total: str
    area_lines: tuple[str, ...]
    appraised: bool  # whether the Điểm thẩm định column is shown
    rows: tuple[Row, ...]
    no_evidence: tuple[str, ...]
    notices: tuple[tuple[str, str, str, str], ...]  # code, item, cell, message
    source: str


def unit_report(unit: UnitScore, to: Sequence[str] = ()) -> ReportDoc:
    cset, banner = unit.criteria, provenance_banner(unit.criteria)
    sender = address(unit.unit, cset.level, to)
    words = {"unit": unit.unit, "year": unit.year, "title": cset.title}
    intro = t("report.intro", basis=cset.basis, **words) if cset.basis else t("report.intro_no_basis", **words)
    appraised = any(s.appraised is not None for s in unit.items)
    return ReportDoc(
        unit=unit.unit, address=sender, year=unit.year, intro=intro,
        banner=banner.text() if banner else "",
        total=f"{headline(unit)}. {t('report.see_table')}",
        area_lines=tuple(t("report.area_line", code=a.code, name=a.name, score=fmt_num(a.score), max=fmt_num(a.max),
                           percent=fmt_num(a.percent, 1)) for a in unit.areas)
        + tuple(f"{label}: {fmt_num(points)}" + (f" ({note})" if note else "") for label, points, note in
                total_parts(unit)),
        appraised=appraised, rows=tuple(summary_rows(unit, appraised)),
        no_evidence=tuple(_no_evidence(s, sender.to_words) for s in unit.items
                          if s.status in NEEDS_EVIDENCE and s.evidence is None and not s.item.is_survey),
        notices=tuple((n.code, n.item or "", n.where or "", n.text()) for n in [*unit.errors, *unit.warnings]),
        source=unit.source)


def summary_rows(unit: UnitScore, appraised: bool) -> list[Row]:
    """The summary table's rows (`scoring.summary`) as the cells printed: an item without points of its own shows
    its status; the counted column only where something was appraised."""
    rows: list[Row] = []
    for row in table_rows(unit):
        s = row.item
        own = t(f"status.{s.status}") if s is not None and row.own is None else _shown(row.own)
        cells = [row.code, row.name, _shown(row.max), own, *([_shown(row.counted)] if appraised else [])]
        rows.append(((*cells, *((s.evidence or "", s.explanation or "") if s else ("", ""))), row.bold))
    return rows


def _shown(value: Decimal | None) -> str:
    return "" if value is None else fmt_num(value)


def _no_evidence(s: ItemScore, to: str) -> str:
    return t("report.no_evidence_item", code=s.item.code, name=s.item.name, points=fmt_num(s.own),
             max=fmt_plain(s.item.max), explanation=s.explanation or t("report.needs_explanation", to=to))


def write_report_docx(parts: Iterable[tuple[ReportDoc, UnitTotals]], path: Path, force: bool) -> list[UnitTotals]:
    """The one unit's report (several units make the ranking annex instead: `ranking_docx`)."""
    ((report, totals),) = list(parts)
    from parindex.io import docx_document as docx

    doc = docx.new_document()
    sender = report.address
    docx.letterhead(doc, docx.Letterhead(sender.issuer, t("doc.number", kind=t("report.symbol")), t("doc.nation"),
                                         t("doc.motto"), t("doc.place_date", place=sender.place), sender.parent))
    docx.centred(doc, t("report.kind"), space_before=18)
    docx.centred(doc, t("report.title", year=report.year), size=docx.BODY_PT)
    if report.banner:
        docx.para(doc, report.banner, italic=True)
    docx.para(doc, report.intro)
    docx.heading(doc, t("report.s1"))
    docx.para(doc, report.total)
    for line in report.area_lines:
        docx.para(doc, line)
    docx.heading(doc, t("report.s2"))
    if report.no_evidence:
        docx.para(doc, t("report.s2_intro", n=len(report.no_evidence)))
        docx.bullets(doc, report.no_evidence)
    else:
        docx.para(doc, t("report.s2_none"))
    docx.heading(doc, t("report.s3"))
    docx.para(doc, t("report.s3_fill", to=sender.to_words), italic=True)
    docx.signature(doc, sender.recipient_lines(), (*sender.signer, "", "", "", t("doc.signer_name")))
    docx.landscape(doc)
    _summary(doc, report)
    _appendix(doc, report)
    docx.save(doc, path, force)
    return [totals]


def _summary(doc: Doc, report: ReportDoc) -> None:
    from parindex.io import docx_document as docx

    docx.centred(doc, t("report.table_title"))
    docx.centred(doc, t("report.table_sub", unit=report.unit), bold=False, italic=True, size=docx.BODY_PT)
    if report.banner:
        docx.para(doc, report.banner, italic=True, indent=False)
    columns = [docx.Column(t("report.col_stt"), 16), docx.Column(t("report.col_content"), 82 + (0 if report.appraised
                                                                                                else 20)),
               docx.Column(t("report.col_max"), 18, True), docx.Column(t("report.col_self"), 20, True)]
    if report.appraised:
        columns.append(docx.Column(t("report.col_appraised"), 20, True))
    columns += [docx.Column(t("report.col_evidence"), 54), docx.Column(t("report.col_explanation"), 42)]
    docx.table(doc, columns, [cells for cells, _ in report.rows], [bold for _, bold in report.rows])


def _appendix(doc: Doc, report: ReportDoc) -> None:
    from parindex.io import docx_document as docx

    docx.centred(doc, t("report.appendix"))
    docx.centred(doc, t("report.appendix_sub", source=Path(report.source).name), bold=False, italic=True,
                 size=docx.BODY_PT)
    if not report.notices:
        docx.para(doc, t("report.appendix_none"))
        return
    docx.table(doc, [docx.Column(t("report.col_notice"), 18), docx.Column(t("report.col_item"), 22),
                     docx.Column(t("report.col_cell"), 22), docx.Column(t("report.col_message"), 190)],
               report.notices)
