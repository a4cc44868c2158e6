"""The Word documents as they were before their tables were streamed (issue 26): every snapshot of
tests/golden/docx/ made again and described canonically (`tests/docx_layout.py`) reads the same, part by part,
paragraph by paragraph, row by row: the ranking annexes, a unit's report, the improvement plan, and a table of
hostile text."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.docx_layout import CASES, GOLDEN, describe, made


@pytest.mark.parametrize("name", list(CASES))
def test_the_document_is_as_its_snapshot(tmp_path: Path, name: str) -> None:
    expected = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8").split("\n")[:-1]
    got = made(name, tmp_path)
    diff = list(difflib.unified_diff(expected, got, "snapshot", "now", n=1, lineterm=""))
    assert not diff, "\n".join(line[:400] for line in diff[:60])


def test_the_description_sees_a_changed_cell_and_a_changed_format(tmp_path: Path) -> None:
    """The description is not blind: one cell's text, or one row's font size, changes the row's line."""
    import zipfile

    made("table-hostile-text", tmp_path)
    source = tmp_path / "table-hostile-text.docx"
    before = describe(source)
    xml = zipfile.ZipFile(source).read("word/document.xml").decode()
    for old, new in (("Việt  Nam", "Viet  Nam"), ('<w:sz w:val="22"/>', '<w:sz w:val="24"/>')):
        changed = tmp_path / "changed.docx"
        with zipfile.ZipFile(source) as package, zipfile.ZipFile(changed, "w") as out:
            for item in package.infolist():
                data = package.read(item)
                out.writestr(item, xml.replace(old, new, 1).encode() if item.filename == "word/document.xml"
                             else data)
        after = describe(changed)
        rows = [line for line in set(after) - set(before) if " row ~" in line]
        assert len(rows) == 1, (old, rows)
