"""A Word document laid out as an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4, margins
top/bottom 20 mm, left 30 mm, right 15 mm, Times New Roman 13 pt (tables 12 pt), the two-column header
(issuing body and number / Quốc hiệu, tiêu ngữ, place and date), and tables whose header row repeats on every
page. Real text and tables, editable in Word and LibreOffice; the only picture is a chart when one is given.

The words come from the caller (the message catalogue); this module only lays them out. Every text goes into the
document as `common.safe_text.document_text` makes it (officers' text may hold what XML cannot): through `_run`, or
through `run_content` for a table's rows.

What does not grow with the number of units (header, titles, paragraphs, each table's header row) is python-docx's
tree; a table's rows are not: `table` keeps them as values and `save` writes each row's XML straight into the file's
`word/document.xml`, the XML python-docx would have made for it (two model rows made by python-docx, the texts put
in), so a ranking of thousands of units costs its values, not a tree of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape
from zipfile import ZipFile

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from parindex.common.safe_text import document_text

FONT = "Times New Roman"
BODY_PT = 13
TABLE_PT = 12
PAGE = (Mm(210), Mm(297))  # A4 portrait
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}  # NĐ 30/2020, Phụ lục I
MARK = "w:parindexRows"  # an element around a table's model rows, where its rows go; never in the saved file
SLOT = "parindex-cell"  # a model row's cell text, where a row's own goes
_BREAKS = re.compile(r"([\t\r\n])")
CHUNK = 4096  # strings of rows gathered before they are written


@dataclass(frozen=True)
class Letterhead:
    """The header of an administrative document, in the reader's words."""

    issuer: str  # the issuing body in bold, possibly two lines ('ỦY BAN NHÂN DÂN\nTỈNH BẮC GIANG')
    number: str  # 'Số: ……/BC-……' (left to fill)
    nation: str  # Quốc hiệu
    motto: str  # tiêu ngữ
    place_date: str  # 'Bắc Giang, ngày …… tháng …… năm ……'
    parent: str = ""  # the body directly above the issuer ('UBND TỈNH ……' over a department), not bold


@dataclass(frozen=True)
class Column:
    header: str
    width_mm: float
    numeric: bool = False


class Doc:
    """A document being made: python-docx's tree for what does not grow (the header, titles, paragraphs), and the
    tables' rows still to write, as values (`table`): `save` writes them into the file one by one, so a table of
    thousands of rows is never held as a tree."""

    def __init__(self, word: Any) -> None:
        self.word = word  # python-docx's Document
        self.tables: list[_Rows] = []


def new_document(wide: bool = False) -> Doc:
    """An empty A4 document (landscape when `wide`): margins, fonts and spacing as NĐ 30 asks."""
    doc = Doc(Document())
    section = doc.word.sections[0]
    section.page_width, section.page_height = PAGE[::-1] if wide else PAGE
    if wide:
        section.orientation = WD_ORIENT.LANDSCAPE
    for side, value in MARGINS.items():
        setattr(section, f"{side}_margin", value)
    normal = doc.word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _all_scripts(normal.element.get_or_add_rPr())
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(6), 1.1
    for name in ("Table Grid", "Normal Table"):
        if name in [s.name for s in doc.word.styles]:
            _all_scripts(doc.word.styles[name].element.get_or_add_rPr())
    return doc


def _all_scripts(rpr: Any) -> None:
    """Times New Roman for every script (Vietnamese letters are 'complex' to some fonts' tables), no theme font."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)


def letterhead(doc: Doc, head: Letterhead) -> None:
    """The borderless two-column header: issuing body and number left, Quốc hiệu, tiêu ngữ and place/date right."""
    table = doc.word.add_table(rows=2, cols=2)
    _no_borders(table)
    widths = (Mm(62), Mm(103))
    _widths(table, widths)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    left, right = table.rows[0].cells
    if head.parent:  # NĐ 30: the body above in capitals, upright; the issuer under it in bold
        _lines(left, [head.parent], bold_from=99, size=BODY_PT - 1)
    _lines(left, head.issuer.split("\n"), bold_from=0, size=BODY_PT - 1, append=bool(head.parent))
    _underline_last(left, 25)
    _lines(right, [head.nation], bold_from=0, size=BODY_PT - 1)
    _lines(right, [head.motto], bold_from=0, size=BODY_PT, append=True)
    _underline_last(right, 55)
    _lines(table.rows[1].cells[0], [head.number], bold_from=99, size=BODY_PT)
    _lines(table.rows[1].cells[1], [head.place_date], bold_from=99, size=BODY_PT, italic=True)


def _lines(cell: Any, lines: Sequence[str], bold_from: int, size: int, append: bool = False,
           italic: bool = False) -> None:
    for n, line in enumerate(lines):
        para = cell.add_paragraph() if append or n else cell.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.space_after = Pt(0)
        para.paragraph_format.first_line_indent = Pt(0)
        run = _run(para, line)
        run.bold, run.italic, run.font.size = n >= bold_from, italic, Pt(size)


def _underline_last(cell: Any, width_mm: float) -> None:
    """The short rule under the issuing body and under the motto: an empty line whose bottom border is
    `width_mm` long, centred in the cell (indented equally from both sides)."""
    para = cell.add_paragraph()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    para._p.get_or_add_pPr().append(borders)  # first: w:pBdr comes before w:spacing and w:ind in w:pPr
    fmt = para.paragraph_format
    side = Mm(max((cell.width.mm - width_mm) / 2, 0))
    fmt.left_indent, fmt.right_indent, fmt.space_after, fmt.line_spacing = side, side, Pt(0), Pt(4)


def _widths(table: Any, widths: Sequence[Any]) -> None:
    """The grid's column widths (what LibreOffice lays out by) and a fixed layout (what Word keeps)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width


def _no_borders(table: Any) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    table._tbl.tblPr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                           "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def centred(doc: Doc, text: str, bold: bool = True, italic: bool = False, size: int = BODY_PT + 1,
            space_before: int = 0) -> None:
    para = doc.word.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.space_before, para.paragraph_format.space_after = Pt(space_before), Pt(2)
    run = _run(para, text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)


def heading(doc: Doc, text: str, italic: bool = False) -> None:
    """A part or section title: bold, flush left with the body's indent, kept with what follows."""
    para = doc.word.add_paragraph()
    para.paragraph_format.first_line_indent = Mm(10)
    para.paragraph_format.space_before = Pt(6)
    para.paragraph_format.keep_with_next = True
    run = _run(para, text)
    run.bold, run.italic = True, italic


def para(doc: Doc, text: str, italic: bool = False, indent: bool = True) -> None:
    """Body text: justified, first line indented 10 mm, as the seeds' documents are."""
    paragraph = doc.word.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent:
        paragraph.paragraph_format.first_line_indent = Mm(10)
    _run(paragraph, text).italic = italic


def bullets(doc: Doc, items: Sequence[str], ordered: bool = False) -> None:
    """'- text' lines (or '1. text'), as administrative documents write lists (no Word list styles to undo)."""
    for n, item in enumerate(items, start=1):
        para(doc, f"{n}. {item}" if ordered else f"- {item}")


def table(doc: Doc, columns: Sequence[Column], rows: Iterable[Sequence[str]],
          bold_rows: Sequence[bool] | None = None, size: int = TABLE_PT, padding_mm: float | None = None) -> None:
    """A ruled table with a bold header row that repeats on every page; `bold_rows` marks subtotal rows. A table
    with many narrow columns takes a smaller `size` and `padding_mm` (left and right of each cell's text).

    `rows` is read when the document is saved, one row at a time: each row is written as the XML python-docx makes
    for it (`_Rows`), from two model rows made here by python-docx, a plain and a bold one."""
    grid = doc.word.add_table(rows=1, cols=len(columns))
    grid.style = doc.word.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    if padding_mm is not None:
        _padding(grid, padding_mm)
    header = grid.rows[0]
    for cell, column in zip(header.cells, columns, strict=True):
        _cell(cell, column.header, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=size)
    for bold in (False, True):
        cells = grid.add_row().cells
        for cell, column in zip(cells, columns, strict=True):
            _cell(cell, SLOT, bold=bold, size=size,
                  align=WD_ALIGN_PARAGRAPH.RIGHT if column.numeric else WD_ALIGN_PARAGRAPH.LEFT)
    _widths(grid, [Mm(column.width_mm) for column in columns])
    for row in grid.rows:
        _no_split(row)  # w:cantSplit comes before w:tblHeader in w:trPr
        for cell, column in zip(row.cells, columns, strict=True):
            cell.width = Mm(column.width_mm)
    _repeat_header(header)
    plain, bold_row = grid.rows[1]._tr, grid.rows[2]._tr
    for place in (plain.addprevious, bold_row.addprevious, bold_row.addnext):  # the model rows, between marks,
        place(OxmlElement(MARK))                                               # become the rows when saved
    doc.tables.append(_Rows(rows, bold_rows))
    doc.word.add_paragraph().paragraph_format.space_after = Pt(0)


def _cell(cell: Any, text: str, bold: bool, align: Any, size: int = TABLE_PT) -> None:
    para = cell.paragraphs[0]
    para.alignment = align
    para.paragraph_format.space_after = Pt(0)
    para.paragraph_format.first_line_indent = Pt(0)
    run = _run(para, text)
    run.bold, run.font.size = bold, Pt(size)


def _run(paragraph: Any, text: str) -> Any:
    """A run of `text` at the end of `paragraph` (a line break in the text is one in the document)."""
    return paragraph.add_run(document_text(text))


def _padding(table: Any, mm: float) -> None:
    """w:tblCellMar: the space left and right of every cell's text (Word's default is 1,9 mm)."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(round(mm * 56.7)))  # twentieths of a point
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription",
                                           "w:tblPrChange")


def _repeat_header(row: Any) -> None:
    """w:tblHeader: Word and LibreOffice repeat the row at the top of every page the table runs onto."""
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _no_split(row: Any) -> None:
    flag = OxmlElement("w:cantSplit")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def landscape(doc: Any) -> None:
    """A new landscape A4 page (a wide table): NĐ 30's margins kept on the same sides."""
    from docx.enum.section import WD_SECTION

    section = doc.word.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE[1], PAGE[0]


def picture(doc: Doc, png: bytes, width_mm: float = 160) -> None:
    para = doc.word.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.add_run().add_picture(BytesIO(png), width=Mm(width_mm))


def signature(doc: Doc, recipients: Sequence[str], signer: Sequence[str]) -> None:
    """The closing block: 'Nơi nhận' (small, left) and the signer's title (bold, right), borderless."""
    grid = doc.word.add_table(rows=1, cols=2)
    _no_borders(grid)
    left, right = grid.rows[0].cells
    _widths(grid, (Mm(85), Mm(80)))
    left.width, right.width = Mm(85), Mm(80)
    first = left.paragraphs[0]
    first.paragraph_format.first_line_indent = Pt(0)
    head = _run(first, recipients[0])
    head.bold, head.italic, head.font.size = True, True, Pt(12)
    for line in recipients[1:]:
        para = left.add_paragraph()
        para.paragraph_format.space_after = Pt(0)
        _run(para, line).font.size = Pt(11)
    _lines(right, signer, bold_from=0, size=BODY_PT)


def save(doc: Doc, path: Path, force: bool) -> None:
    from parindex.io.atomic import write_atomic

    write_atomic(path, lambda tmp: _write(doc, tmp), force)


def _write(doc: Doc, target: Path) -> None:
    """python-docx's package as it saves it, its `word/document.xml` streamed with every table's rows in place."""
    staged = BytesIO()
    doc.word.save(staged)
    with ZipFile(staged) as source, ZipFile(target, "w") as out:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item, source.read(item))
                continue
            pieces = source.read(item).decode("utf-8").split(f"<{MARK}/>")
            with out.open(item, "w") as stream:
                stream.write(pieces[0].encode("utf-8"))
                for n, rows in enumerate(doc.tables):
                    plain, bold, after = pieces[3 * n + 1:3 * n + 4]
                    rows.write(plain, bold, stream)
                    stream.write(after.encode("utf-8"))


@dataclass
class _Rows:
    """A table's rows, as values, until the document is written."""

    values: Iterable[Sequence[str]]
    bold: Sequence[bool] | None

    def write(self, plain: str, bold: str, stream: IO[bytes]) -> None:
        """Each row as the model row (`plain` or `bold`, XML) with the row's texts in its cells' runs."""
        models = [model.split(f"<w:t>{SLOT}</w:t>") for model in (plain, bold)]
        chunk: list[str] = []
        for n, values in enumerate(self.values):
            model = models[bool(self.bold[n]) if self.bold else False]
            chunk.append(model[0])
            for value, after in zip(values, model[1:], strict=True):
                chunk += (run_content(document_text(value)), after)
            if len(chunk) > CHUNK:
                stream.write("".join(chunk).encode("utf-8"))
                chunk.clear()
        stream.write("".join(chunk).encode("utf-8"))


def run_content(text: str) -> str:
    """What python-docx's `add_run(text)` puts in the run, as lxml writes it: the text in w:t (kept as it is where
    it starts or ends with a space), a tab as w:tab, each CR or LF as a line break (w:br); nothing for ''."""
    parts = []
    for piece in _BREAKS.split(text):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            parts.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            parts.append(f"<w:t{space}>{escape(piece)}</w:t>")
    return "".join(parts)
