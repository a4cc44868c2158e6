"""A table's rows written from values (`io.docx_document`): each cell's run is the XML python-docx makes for the
same text, whatever the text holds; the rows are read only when the document is saved, once, one at a time."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from docx import Document
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from parindex.common.safe_text import document_text
from parindex.io import docx_document as docx

# what a cell may hold: letters, spaces of every kind, tabs, CR, LF, XML's own characters, what XML cannot hold
ODD = st.sampled_from(list(" \t\r\n\xa0\x85\u2028\u3000&<>\"']]>\x00\x0b\x1f\ud800\ufffe\ufffdViệt"))
CELL_TEXT = st.lists(st.one_of(ODD, st.characters()), max_size=30).map("".join)


def _python_docx_run(text: str) -> str:
    """The content of a run python-docx adds for `text`, as python-docx serialises it."""
    paragraph = Document().add_paragraph()
    run = paragraph.add_run(text)
    xml = etree.tostring(run._r, encoding="unicode")
    return xml[xml.index(">") + 1:xml.rindex("</w:r>")] if not xml.endswith("/>") else ""


@given(CELL_TEXT)
def test_a_cells_run_is_python_docxs(text: str) -> None:
    safe = document_text(text)
    assert docx.run_content(safe) == _python_docx_run(safe)


def test_the_odd_texts_as_python_docx_writes_them() -> None:
    for text in (" lead", "trail ", "a\tb", "x\r\ny", "<&>", "", "\t", "\xa0", "\u3000x", "]]>"):
        assert docx.run_content(text) == _python_docx_run(text), text
    assert docx.run_content("a\r\nb") == "<w:t>a</w:t><w:br/><w:br/><w:t>b</w:t>"
    assert docx.run_content(" a&b ") == '<w:t xml:space="preserve"> a&amp;b </w:t>'


def test_rows_are_read_when_saved_once_and_as_they_come(tmp_path: Path) -> None:
    read: list[int] = []

    def rows() -> Iterator[Sequence[str]]:
        for n in range(3):
            read.append(n)
            yield [f"đơn vị {n}", str(n)]

    doc = docx.new_document()
    docx.table(doc, [docx.Column("Đơn vị", 60), docx.Column("Điểm", 20, True)], rows(), [False, True, False])
    assert read == []  # nothing of the rows held before the file is written
    docx.save(doc, tmp_path / "x.docx", False)
    assert read == [0, 1, 2]
    table = Document(str(tmp_path / "x.docx")).tables[0]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Đơn vị", "Điểm"], ["đơn vị 0", "0"], ["đơn vị 1", "1"], ["đơn vị 2", "2"]]
    assert [row.cells[0].paragraphs[0].runs[0].bold for row in table.rows] == [True, False, True, False]
    xml = zipfile.ZipFile(tmp_path / "x.docx").read("word/document.xml").decode()
    assert docx.MARK not in xml and docx.SLOT not in xml
